"""`hadath ingest --engine dask`: extraction on a Dask cluster, loading by this process.

    hadath ingest --engine dask --workers 4 PATHS...                 # a local cluster
    hadath ingest --engine dask --scheduler tcp://HOST:8786 PATHS... # an existing one

This process reads the inputs (reporting unreadable ones, as `extract` does) and
cuts the articles into partitions of `--partition-size`. Each partition travels
*with its articles' text* to a worker, so workers need no access to the inputs'
files: only hadath installed (same version) and the Dask scheduler reachable.
A worker loads the pipeline once (a worker plugin), analyses the partition and
returns it as one Parquet shard (zstd; one row per article: its JSON object, or
the messages that explain why there is none). This process writes each shard to
the work folder and loads it into the store: it is the store's only writer, so
workers need no database access either.

A partition whose task fails (a worker dies, runs out of memory, ...) is retried
`--retries` times on any worker; one that still fails is reported with the
articles it held and counted as failed, so that
new + already stored + failed == inputs. Shards are loaded in input order, so
the store is the one a single-process ingest gives.
"""
from __future__ import annotations

import argparse
import io
import json
import os
import sys
import tempfile
import uuid
from collections import deque
from pathlib import Path
from typing import Callable, Iterable, Optional

from distributed import Client, LocalCluster, WorkerPlugin, get_worker

from ..commands.extract import Report, analyse, json_line
from .processes import SKIPPED, Chunk, RecordingReport, chunks, replay

PLUGIN_NAME = "hadath-pipeline"


class PipelineOnWorker(WorkerPlugin):
    """Loads the pipeline once per worker process."""

    name = PLUGIN_NAME

    def __init__(self):
        self.pipeline = None
        self.load_error: Optional[str] = None

    def setup(self, worker) -> None:
        from ..pipeline import Pipeline

        try:
            self.pipeline = Pipeline.default()
        except OSError as exc:  # reported by every task of this worker
            self.load_error = str(exc)

    def teardown(self, worker) -> None:
        self.pipeline = None


SHARD_SCHEMA_FIELDS = (("position", "int32"), ("origin", "string"), ("article", "string"),
                       ("messages", "string"))


def extract_partition(articles: list, debug: bool = False) -> bytes:
    """Runs on a Dask worker: the partition's Parquet shard, one row per article."""
    plugin = get_worker().plugins[PLUGIN_NAME]
    if plugin.pipeline is None:
        raise RuntimeError(f"hadath cannot load its pipeline on this worker: {plugin.load_error}")
    rows = []
    for position, article in enumerate(articles):
        recorder = RecordingReport()
        doc = analyse(plugin.pipeline, article, recorder, debug)
        rows.append((position, article.origin, None if doc is None else json_line(doc),
                     json.dumps(recorder.take(), ensure_ascii=False)))
    return shard_bytes(rows)


def shard_bytes(rows: list[tuple]) -> bytes:
    import pyarrow as pa
    import pyarrow.parquet as pq

    columns = list(zip(*rows)) if rows else [[] for _ in SHARD_SCHEMA_FIELDS]
    table = pa.table({name: pa.array(list(values), type=getattr(pa, kind)())
                      for (name, kind), values in zip(SHARD_SCHEMA_FIELDS, columns)})
    sink = io.BytesIO()
    pq.write_table(table, sink, compression="zstd")
    return sink.getvalue()


def shard_rows(data: bytes) -> list[dict]:
    import pyarrow.parquet as pq

    return pq.read_table(io.BytesIO(data)).to_pylist()


class StoredAlready:
    """Is an article in the store already (same URL, else same analysed text)? Checked
    here, before shipping, so that re-running an ingest analyses only what is missing."""

    def __init__(self, known: list[dict]):
        self.urls = {r["url"] for r in known if r["url"]}
        self.hashes = {r["text_hash"] for r in known}

    def __call__(self, article) -> bool:
        from ..pipeline import make_document
        from ..store import text_hash

        if article.url:
            return article.url in self.urls
        return bool(self.hashes) and text_hash(make_document(article).text) in self.hashes


class ShardLoader:
    """Writes each partition's shard to the work folder and its articles to the store,
    replaying the partition's messages in input order."""

    def __init__(self, work_dir: Path, writer, report: Report, retries: int):
        self.work_dir = work_dir
        self.writer = writer
        self.report = report
        self.retries = retries
        self.partitions = 0
        self.failed_partitions = 0
        self.inputs = 0
        self.stored_already = 0

    def load(self, number: int, chunk: Chunk, origins: list[str], task) -> None:
        self.partitions += 1
        self.inputs += sum(1 for s in chunk.steps if s is None or s == SKIPPED or s[0] == "problem")
        data = None
        if task is not None:
            try:
                data = task.result()
            except Exception as exc:  # after the retries: report, count, go on with the others
                self._failed(number, chunk, origins, exc)
                return
            shard = self.work_dir / f"part-{number:06d}.parquet"
            partial = shard.with_suffix(".partial")
            partial.write_bytes(data)
            partial.replace(shard)  # a shard in the folder is always whole
        rows = iter(shard_rows(data) if data is not None else ())
        for step in chunk.steps:
            if step == SKIPPED:
                self.stored_already += 1
            elif step is not None:
                replay([step], self.report)
            else:
                row = next(rows)
                replay([tuple(m) for m in json.loads(row["messages"])], self.report)
                if row["article"] is not None:
                    self.report.done += 1
                    self.writer.push(json.loads(row["article"]))

    def _failed(self, number: int, chunk: Chunk, origins: list[str], exc: Exception) -> None:
        self.failed_partitions += 1
        self.stored_already += chunk.steps.count(SKIPPED)
        replay([s for s in chunk.steps if s is not None and s != SKIPPED], self.report)
        reason = f"{type(exc).__name__}: {exc}".strip().splitlines()[0][:300]
        span = origins[0] if len(origins) == 1 else f"{origins[0]} ... {origins[-1]}"
        self.report.problem(span, f"partition {number} ({len(origins)} articles) failed after "
                                  f"{self.retries} retries, not stored ({reason})")
        self.report.failed += len(origins) - 1  # one problem line, every article counted


def ingest_on_dask(client, parts: Iterable[Chunk], loader: ShardLoader, retries: int,
                   debug: bool = False, extract: Callable = extract_partition,
                   in_flight: Optional[int] = None) -> None:
    """Submit partitions (a bounded number at a time) and load their shards in order."""
    if in_flight is None:
        in_flight = max(4, 2 * sum(client.nthreads().values()))
    run = uuid.uuid4().hex[:8]
    pending: deque = deque()
    for number, chunk in enumerate(parts):
        origins = [a.origin for a in chunk.articles]
        task = None
        if chunk.articles:
            task = client.submit(extract, chunk.articles, debug, retries=retries, pure=False,
                                 key=f"hadath-partition-{run}-{number}")
        chunk.articles = []  # the text now lives in the task; keep only what reports need
        pending.append((number, chunk, origins, task))
        if len(pending) >= in_flight:
            loader.load(*pending.popleft())
    while pending:
        loader.load(*pending.popleft())


def connect(scheduler: Optional[str], workers: Optional[int]):
    """(client, cluster or None): an existing scheduler, or a local cluster of
    single-threaded worker processes (the pipeline is pure Python: threads would
    share one core)."""
    if scheduler:  # waits distributed.comm.timeouts.connect (30 s unless configured)
        return Client(scheduler), None
    cluster = LocalCluster(n_workers=workers or os.cpu_count() or 1, threads_per_worker=1,
                           processes=True, dashboard_address=None, host="127.0.0.1")
    return Client(cluster), cluster


def run_dask_ingest(args: argparse.Namespace) -> int:
    """`hadath ingest --engine dask`: exit status as for a local ingest."""
    import logging

    from ..commands.ingest import Writer, finish
    from ..store import StoreError, open_store

    if args.scheduler and args.workers:
        print("hadath: --workers sizes a local cluster; with --scheduler, the cluster's own "
              "workers analyse (start them with `dask worker`)", file=sys.stderr)
        return 2
    try:
        with open_store(args.db, lock_timeout=300) as store:
            before = store.counts()
            stored_already = StoredAlready(store.query("SELECT url, text_hash FROM articles"))
    except StoreError as exc:
        print(f"hadath: {exc}", file=sys.stderr)
        return 2
    logging.getLogger("distributed").setLevel(logging.ERROR)  # our report says what matters
    try:
        client, cluster = connect(args.scheduler, args.workers)
    except (OSError, TimeoutError, ValueError) as exc:
        print(f"hadath: cannot reach the Dask scheduler {args.scheduler}: {exc}", file=sys.stderr)
        return 2
    report = Report(sys.stderr)
    writer = Writer(args.db)
    keep = args.work_dir is not None
    work = args.work_dir or Path(tempfile.mkdtemp(prefix="hadath-shards-"))
    try:
        work.mkdir(parents=True, exist_ok=True)
        client.register_plugin(PipelineOnWorker(), name=PLUGIN_NAME)
        loader = ShardLoader(work, writer, report, args.retries)
        parts = chunks(args.paths, args.jsonl, args.published, args.partition_size, stored_already)
        ingest_on_dask(client, parts, loader, args.retries, args.debug)
    finally:
        try:
            writer.flush()  # keep what was analysed, even when interrupted
        finally:
            client.close()
            if cluster is not None:
                cluster.close()
            if not keep:
                import shutil
                shutil.rmtree(work, ignore_errors=True)
    label = f"ingest (dask, {loader.partitions} partitions, {loader.failed_partitions} failed)"
    return finish(args.db, label, writer.result, loader.stored_already, report, before,
                  f"; shards in {work}" if keep else "")
