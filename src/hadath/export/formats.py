"""`export(store, format, filter, out)`: the four export formats.

- gdelt: GDELT 2.0 event table rows (see gdelt.py), tab-separated, no header
  unless asked (GDELT's own files have none).
- csv / parquet: every stored event column, plus the article's URL, title and dates.
- jsonl: article objects as `hadath extract` prints them (re-ingestable), for the
  articles with at least one matching event when event filters are given.
"""
from __future__ import annotations

import csv
import datetime as dt
import json
from dataclasses import replace
from typing import BinaryIO, Optional

from ..store import EventFilter
from .gdelt import gdelt_lines

FORMATS = ("gdelt", "jsonl", "csv", "parquet")
PARQUET_BATCH = 5000


def export(store, fmt: str, event_filter: EventFilter, out: BinaryIO,
           header: bool = False, q: Optional[str] = None) -> int:
    """Write the export to a binary stream; return the number of records written."""
    if fmt == "gdelt":
        n = 0
        for line in gdelt_lines(store.iter_events(event_filter), header=header):
            out.write(line.encode("utf-8"))
            n += 1
        return n - (1 if header else 0)
    if fmt == "jsonl":
        n = 0
        # Articles, not events: one whose events repeat another article's still matches.
        if not event_filter.is_empty():
            event_filter = replace(event_filter, every_report=True)
        for obj in store.iter_articles(event_filter, q=q):
            out.write((json.dumps(obj, ensure_ascii=False) + "\n").encode("utf-8"))
            n += 1
        return n
    if fmt == "csv":
        return _csv(store.iter_events(event_filter), out)
    if fmt == "parquet":
        return _parquet(store.iter_events(event_filter), out)
    raise ValueError(f"unknown format {fmt!r}")


def _plain(value):
    return value.isoformat() if isinstance(value, (dt.date, dt.datetime)) else value


def _csv(events, out: BinaryIO) -> int:
    import io

    text = io.TextIOWrapper(out, encoding="utf-8", newline="", write_through=True)
    writer = None
    n = 0
    for event in events:
        if writer is None:
            writer = csv.DictWriter(text, fieldnames=list(event))
            writer.writeheader()
        writer.writerow({k: _plain(v) for k, v in event.items()})
        n += 1
    text.flush()
    text.detach()
    return n


def _parquet(events, out: BinaryIO) -> int:
    import pyarrow as pa
    import pyarrow.parquet as pq

    from ..store.tables import COLUMNS, EVENTS

    types = {"TEXT": pa.string(), "BIGINT": pa.int64(), "INTEGER": pa.int32(), "FLOAT8": pa.float64(),
             "BOOLEAN": pa.bool_(), "DATE": pa.date32(), "TIMESTAMP": pa.timestamp("us")}
    fields = [pa.field(name, types[sqltype]) for name, sqltype in COLUMNS[EVENTS]]
    fields += [pa.field("article_url", pa.string()), pa.field("article_title", pa.string()),
               pa.field("article_published", pa.date32()), pa.field("article_doc_id", pa.string()),
               pa.field("article_added", pa.timestamp("us")), pa.field("story_id", pa.string()),
               pa.field("num_articles", pa.int64()), pa.field("num_sources", pa.int64())]
    schema = pa.schema(fields)
    n = 0
    with pq.ParquetWriter(out, schema, compression="zstd") as writer:
        batch: list[dict] = []
        for event in events:
            batch.append(event)
            if len(batch) >= PARQUET_BATCH:
                writer.write_table(pa.Table.from_pylist(batch, schema=schema))
                n += len(batch)
                batch = []
        writer.write_table(pa.Table.from_pylist(batch, schema=schema))
        n += len(batch)
    return n
