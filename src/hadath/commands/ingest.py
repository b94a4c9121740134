"""`hadath ingest`: analyse articles and add them to the store (DuckDB or PostgreSQL).

Reads the same inputs as `hadath extract` (plus RSS/Atom feeds and WARC files),
skips articles already stored before analysing them, and writes whole articles
in short transactions, holding a DuckDB file's lock only while writing so that
`hadath serve` can read between writes.
"""
from __future__ import annotations

import argparse
import os
import sys
import time

from .extract import _date_argument
from ..scale.options import configure_engine

HELP = "analyse articles and add them to the store (DuckDB file or PostgreSQL)"
DEFAULT_DB = "hadath.duckdb"
# Write after this many new articles or this many seconds, whichever comes first.
BATCH_ARTICLES = 200
BATCH_SECONDS = 5.0


def add_db_argument(parser: argparse.ArgumentParser) -> None:
    """--db, shared by ingest, serve and export."""
    parser.add_argument("--db", metavar="PATH|URL", default=os.environ.get("HADATH_DB", DEFAULT_DB),
                        help=f"DuckDB file or postgresql://user@host/dbname "
                             f"(default: $HADATH_DB, else {DEFAULT_DB})")


def configure(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("paths", nargs="+", metavar="PATH",
                        help="files or folders (.txt .html .json .jsonl .rss .atom .xml .warc .warc.gz); "
                             "- for standard input")
    add_db_argument(parser)
    parser.add_argument("--jsonl", action="store_true",
                        help="every input line is a JSON object {id, text, title?, url?, source?, published?}")
    parser.add_argument("--published", metavar="YYYY-MM-DD", type=_date_argument,
                        help="publication date for inputs that lack one")
    configure_engine(parser)


class SkipStored:
    """The pipeline, except for articles the store already holds: those get only
    their analysed text (to compute the identity) and are marked `stored`."""

    def __init__(self, pipeline, known_urls: set, known_hashes: set):
        self.pipeline = pipeline
        self.known_urls = known_urls
        self.known_hashes = known_hashes

    def __call__(self, article):
        from ..pipeline import make_document
        from ..store import text_hash

        if article.url and article.url in self.known_urls:
            return self._stored(make_document(article))
        if not article.url:
            doc = make_document(article)
            if text_hash(doc.text) in self.known_hashes:
                return self._stored(doc)
        return self.pipeline(article)

    @staticmethod
    def _stored(doc):
        doc.user_data["stored"] = True
        return doc


class Writer:
    """Buffers analysed articles and adds them to the store in batches, opening the
    store only for the write."""

    def __init__(self, location: str):
        from ..store import AddResult

        self.location = location
        self.pending: list[dict] = []
        self.last_write = time.monotonic()
        self.result = AddResult()

    def push(self, doc: dict) -> None:
        self.pending.append(doc)
        if len(self.pending) >= BATCH_ARTICLES or time.monotonic() - self.last_write > BATCH_SECONDS:
            self.flush()

    def flush(self) -> None:
        from ..store import open_store

        if self.pending:
            with open_store(self.location, lock_timeout=300) as store:
                self.result += store.add(self.pending)
            self.pending = []
        self.last_write = time.monotonic()


def run(args: argparse.Namespace) -> int:
    if args.engine == "dask" or args.workers or args.scheduler:
        from ..scale.cluster import run_dask_ingest
        return run_dask_ingest(args)
    from ..pipeline import Pipeline, prepare_for_batch
    from ..store import StoreError, open_store
    from .extract import Report, analysed

    try:
        with open_store(args.db, lock_timeout=300) as store:
            before = store.counts()
            known = store.query("SELECT url, text_hash FROM articles")
    except StoreError as exc:
        print(f"hadath: {exc}", file=sys.stderr)
        return 2
    try:
        pipeline = Pipeline.default()
    except OSError as exc:
        print(f"hadath: cannot load the pipeline: {exc}", file=sys.stderr)
        return 2
    prepare_for_batch()
    skipping = SkipStored(pipeline, {r["url"] for r in known if r["url"]},
                          {r["text_hash"] for r in known})
    del known
    progress = _progress()
    report = Report(_ProgressStream(progress) if sys.stderr.isatty() else sys.stderr)
    writer = Writer(args.db)
    skipped_early = 0
    try:
        for doc in analysed(skipping, args.paths, args.jsonl, args.published, report, args.debug):
            progress.update(1)
            if doc.user_data.get("stored"):
                skipped_early += 1
                continue
            writer.push(doc.to_dict())
    finally:
        progress.close()
        try:
            writer.flush()  # keep what was analysed, even when interrupted
        except StoreError as exc:
            print(f"hadath: {exc}", file=sys.stderr)
            return 2
    return finish(args.db, "ingest", writer.result, skipped_early, report, before)


def finish(db: str, label: str, done, skipped_early: int, report, before: dict, note: str = "") -> int:
    """The end of an ingest (single-process or Dask): one summary line, then
    stories, near-duplicates and merged events over the whole store (hadath.stories)."""
    from ..store import open_store
    from ..store.base import redacted

    with open_store(db, lock_timeout=300) as store:
        after = store.counts()
    stored = done.skipped + skipped_early
    print(f"hadath: {label}: {done.new + stored + report.failed} inputs = {done.new} articles new + "
          f"{stored} already stored + {report.failed} failed; added {done.entities} entities, {done.quotes} quotations, "
          f"{done.events} events. Store now holds {after['articles']} articles "
          f"(+{after['articles'] - before['articles']}), {after['events']} events: {redacted(db)}"
          + note, file=sys.stderr)
    if done.new:
        from ..stories.store_sync import sync_and_report
        sync_and_report(db)
    return report.exit_status()


def _progress():
    """A progress bar on standard error when it is a terminal; otherwise (a log file)
    a progress line once a minute, so that long runs still show that they advance."""
    if sys.stderr.isatty():
        from tqdm import tqdm
        return tqdm(unit=" articles", file=sys.stderr, dynamic_ncols=True, mininterval=0.5)
    return _LogProgress()


class _LogProgress:
    EVERY = 60.0  # seconds

    def __init__(self):
        self.count = 0
        self.started = self.last = time.monotonic()

    def update(self, n: int) -> None:
        self.count += n
        now = time.monotonic()
        if now - self.last >= self.EVERY:
            self.last = now
            print(f"hadath: ingest: {self.count} articles read "
                  f"({self.count / (now - self.started):.1f}/s)", file=sys.stderr, flush=True)

    def close(self) -> None:
        pass


class _ProgressStream:
    """Messages printed above the progress bar instead of through it."""

    def __init__(self, progress):
        self.progress = progress
        self.buffer = ""

    def write(self, text: str) -> None:
        self.buffer += text
        while "\n" in self.buffer:
            line, self.buffer = self.buffer.split("\n", 1)
            self.progress.write(line, file=sys.stderr)

    def flush(self) -> None:
        pass
