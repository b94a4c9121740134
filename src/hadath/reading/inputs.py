"""Turn command-line inputs into articles: files, folders, standard input.

Each input yields `RawArticle`s, or an `InputProblem` that names the input and
the reason it could not be read; the caller reports it and goes on with the rest.
Inputs are streamed (one JSON line at a time) so that memory stays bounded.
"""
from __future__ import annotations

import json
import sys
from dataclasses import dataclass, field
from pathlib import Path
from typing import BinaryIO, Iterable, Iterator, Optional, Union

from .dates import parse_published
from .encoding import DecodeError, decode
from .html import extract_html

TEXT_SUFFIXES = {".txt", ".text", ""}
HTML_SUFFIXES = {".html", ".htm", ".xhtml"}
JSON_SUFFIXES = {".json"}
JSONL_SUFFIXES = {".jsonl", ".ndjson"}
FEED_SUFFIXES = {".rss", ".atom", ".xml"}
KNOWN_SUFFIXES = TEXT_SUFFIXES | HTML_SUFFIXES | JSON_SUFFIXES | JSONL_SUFFIXES | FEED_SUFFIXES | {".warc"}

# An article longer than this is not news but a dump: refuse it rather than
# spend minutes and gigabytes on it.
MAX_ARTICLE_BYTES = 2_000_000
# A "line" this long is no JSON Lines input at all (a device, a binary dump).
MAX_SKIPPED_LINE = 256_000_000
_ENDLESS = object()  # sentinel: see _bounded_lines


@dataclass
class RawArticle:
    id: str
    text: str
    origin: str                      # where it came from, for messages
    title: Optional[str] = None
    url: Optional[str] = None
    source: Optional[str] = None
    published: Optional[str] = None
    encoding: Optional[str] = None   # set when not UTF-8
    warnings: list[str] = field(default_factory=list)


@dataclass
class InputProblem:
    origin: str
    reason: str

    def __str__(self) -> str:
        return f"{self.origin}: {self.reason}"


Item = Union[RawArticle, InputProblem]


def read_inputs(paths: Iterable[str], jsonl: bool = False,
                published: Optional[str] = None) -> Iterator[Item]:
    """Articles from every path in order; folders are walked recursively in name order."""
    for path in paths:
        if path == "-":
            yield from _read_stream(sys.stdin.buffer, "<stdin>", "stdin", jsonl, published)
            continue
        p = Path(path)
        if p.is_dir():
            files = sorted(f for f in p.rglob("*") if f.is_file()
                           and (f.suffix.lower() in KNOWN_SUFFIXES or _is_warc(f))
                           and not f.name.startswith("."))
            if not files:
                yield InputProblem(path, "folder holds no .txt, .html, .json or .jsonl files")
            for f in files:
                yield from _read_file(f, jsonl, published)
        elif p.exists():
            yield from _read_file(p, jsonl, published)
        else:
            yield InputProblem(path, "no such file or folder")


def _read_file(path: Path, jsonl: bool, published: Optional[str]) -> Iterator[Item]:
    origin = str(path)
    suffix = path.suffix.lower()
    if suffix in FEED_SUFFIXES:
        from .feeds import read_feed
        yield from read_feed(path, published)
        return
    if _is_warc(path):
        from .warc import read_warc
        yield from read_warc(path, published)
        return
    try:
        if jsonl or suffix in JSONL_SUFFIXES:
            with path.open("rb") as stream:
                yield from _read_jsonl(stream, origin, published)
            return
        size = path.stat().st_size
        if size > MAX_ARTICLE_BYTES:
            yield InputProblem(origin, f"too large for one article ({size / 1e6:.1f} MB, "
                                       f"limit {MAX_ARTICLE_BYTES / 1e6:.0f} MB)")
            return
        with path.open("rb") as stream:  # bounded: devices and growing files have no true size
            data = stream.read(MAX_ARTICLE_BYTES + 1)
        if len(data) > MAX_ARTICLE_BYTES:
            yield InputProblem(origin, f"too large for one article (over {MAX_ARTICLE_BYTES / 1e6:.0f} MB)")
            return
    except OSError as exc:
        yield InputProblem(origin, f"cannot read ({exc.strerror or exc})")
        return
    yield from _read_bytes(data, origin, path.stem, suffix, published)


def _read_stream(stream: BinaryIO, origin: str, default_id: str, jsonl: bool,
                 published: Optional[str]) -> Iterator[Item]:
    if jsonl:
        yield from _read_jsonl(stream, origin, published)
        return
    data = stream.read(MAX_ARTICLE_BYTES + 1)
    if len(data) > MAX_ARTICLE_BYTES:
        yield InputProblem(origin, "too large for one article (use --jsonl for many articles)")
        return
    yield from _read_bytes(data, origin, default_id, ".txt", published)


def _read_bytes(data: bytes, origin: str, article_id: str, suffix: str,
                published: Optional[str]) -> Iterator[Item]:
    try:
        text, encoding = decode(data)
    except DecodeError as exc:
        yield InputProblem(origin, str(exc))
        return
    if suffix in JSON_SUFFIXES:
        yield from _read_json_document(text, origin, article_id, published)
        return
    if suffix in HTML_SUFFIXES or (suffix not in TEXT_SUFFIXES and _looks_like_html(text)):
        page = extract_html(text)
        if page is None or not page.text.strip():
            yield InputProblem(origin, "HTML page has no article text")
            return
        yield _article({"id": article_id, "text": page.text, "title": page.title,
                        "url": page.url, "source": page.sitename, "published": page.date},
                       origin, published, encoding)
        return
    yield _article({"id": article_id, "text": text}, origin, published, encoding)


def _read_json_document(text: str, origin: str, article_id: str,
                        published: Optional[str]) -> Iterator[Item]:
    try:
        value = json.loads(text)
    except json.JSONDecodeError as exc:
        yield InputProblem(origin, f"invalid JSON ({exc.msg}, line {exc.lineno})")
        return
    records = value if isinstance(value, list) else [value]
    for n, record in enumerate(records, 1):
        where = origin if len(records) == 1 else f"{origin} item {n}"
        if isinstance(record, dict) and "id" not in record:
            record = {**record, "id": article_id if len(records) == 1 else f"{article_id}-{n}"}
        yield _record(record, where, published)


def _read_jsonl(stream: BinaryIO, origin: str, published: Optional[str]) -> Iterator[Item]:
    seen_any = False
    for n, raw in enumerate(_bounded_lines(stream), 1):
        where = f"{origin} line {n}"
        if raw is _ENDLESS:
            yield InputProblem(where, f"line longer than {MAX_SKIPPED_LINE / 1e6:.0f} MB: "
                                      "not JSON Lines, rest of the input skipped")
            return
        if raw is None:
            yield InputProblem(where, f"line too long (over {MAX_ARTICLE_BYTES / 1e6:.0f} MB)")
            continue
        if not raw.strip():
            continue
        seen_any = True
        try:
            record = json.loads(raw.decode("utf-8-sig"))
        except UnicodeDecodeError:
            yield InputProblem(where, "not UTF-8 (JSON Lines must be UTF-8)")
            continue
        except json.JSONDecodeError as exc:
            yield InputProblem(where, f"invalid JSON ({exc.msg} column {exc.colno})")
            continue
        yield _record(record, where, published)
    if not seen_any:
        yield InputProblem(origin, "empty (no JSON lines)")


def _bounded_lines(stream: BinaryIO) -> Iterator[object]:
    """Lines of a binary stream; `None` in place of a line over the size limit
    (which is skipped without being held in memory), and `_ENDLESS` once for a
    line that never ends (a device such as /dev/zero), after which reading stops."""
    while True:
        line = stream.readline(MAX_ARTICLE_BYTES + 1)
        if not line:
            return
        if len(line) > MAX_ARTICLE_BYTES and not line.endswith(b"\n"):
            skipped = len(line)
            while line and not line.endswith(b"\n"):
                line = stream.readline(1 << 20)
                skipped += len(line)
                if skipped > MAX_SKIPPED_LINE:
                    yield _ENDLESS
                    return
            yield None
            continue
        yield line


def _record(record: object, where: str, published: Optional[str]) -> Item:
    if not isinstance(record, dict):
        return InputProblem(where, f"expected a JSON object, got {type(record).__name__}")
    if "id" not in record or record["id"] in (None, ""):
        return InputProblem(where, "missing 'id'")
    if not isinstance(record["id"], (str, int)) or isinstance(record["id"], bool):
        return InputProblem(where, f"'id' must be a string or number, not {type(record['id']).__name__}")
    text = record.get("text")
    if not isinstance(text, str):
        return InputProblem(where, "missing 'text'" if text is None
                            else f"'text' must be a string, not {type(text).__name__}")
    for key in ("title", "url", "source"):
        if record.get(key) is not None and not isinstance(record[key], str):
            return InputProblem(where, f"'{key}' must be a string, not {type(record[key]).__name__}")
    return _article(record, where, published, None)


def _article(record: dict, origin: str, default_published: Optional[str],
             encoding: Optional[str]) -> Item:
    text = record.get("text") or ""
    title = (record.get("title") or "").strip() or None
    if not text.strip() and not title:
        return InputProblem(origin, "empty text")
    if len(text) > MAX_ARTICLE_BYTES:
        return InputProblem(origin, f"text too long ({len(text)} characters)")
    article = RawArticle(id=str(record["id"]), text=text, origin=origin, title=title,
                         url=record.get("url") or None, source=record.get("source") or None,
                         encoding=None if encoding in (None, "utf-8", "utf-8-sig") else encoding)
    given = record.get("published") or record.get("date") or record.get("time")
    if given:
        try:
            article.published = parse_published(given)
        except ValueError as exc:
            article.warnings.append(f"{exc}; using {default_published or 'no date'}")
    if article.published is None and default_published:
        article.published = default_published
    return article


def _is_warc(path: Path) -> bool:
    return path.name.lower().endswith((".warc", ".warc.gz"))


def _looks_like_html(text: str) -> bool:
    head = text[:2000].lower()
    return "<html" in head or "<!doctype html" in head or "<body" in head
