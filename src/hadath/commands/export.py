"""`hadath export`: events or articles of the store as GDELT, JSON Lines, CSV or Parquet."""
from __future__ import annotations

import argparse
import sys

from .ingest import add_db_argument

HELP = "export the store: GDELT 2.0 event table, JSON Lines, CSV or Parquet, with the API's filters"


def configure(parser: argparse.ArgumentParser) -> None:
    add_db_argument(parser)
    parser.add_argument("--format", required=True, choices=("gdelt", "jsonl", "csv", "parquet"),
                        help="gdelt: GDELT 2.0 event table (TSV); csv/parquet: all event columns; "
                             "jsonl: article objects")
    parser.add_argument("-o", "--output", metavar="FILE", help="output file (default: standard output)")
    parser.add_argument("--header", action="store_true", help="gdelt: write the column names first")
    for name, text in (("actor", "CAMEO actor code of either side (prefix)"),
                       ("country", "ISO alpha-3 country of either side"),
                       ("plover", "PLOVER type"), ("cameo", "CAMEO event code or prefix"),
                       ("start", "first day YYYY-MM-DD"), ("end", "last day YYYY-MM-DD"),
                       ("source", "outlet")):
        parser.add_argument(f"--{name}", help=text)
    parser.add_argument("-q", "--query", help="jsonl: only articles containing these words")
    parser.add_argument("--every-report", action="store_true",
                        help="every report of an event (default: one row per de-duplicated event)")


def run(args: argparse.Namespace) -> int:
    from ..export import export
    from ..store import EventFilter, FilterError, StoreError, open_store

    try:
        event_filter = EventFilter.parse(actor=args.actor, country=args.country, plover=args.plover,
                                         cameo=args.cameo, start=args.start, end=args.end,
                                         outlet=args.source, every_report=args.every_report)
    except FilterError as exc:
        print(f"hadath: --{exc.param}: {exc.reason}", file=sys.stderr)
        return 2
    if args.format == "parquet" and not args.output:
        print("hadath: --format parquet needs -o FILE (Parquet is not written to a terminal or pipe)",
              file=sys.stderr)
        return 2
    try:
        store = open_store(args.db, read_only=True, persistent=False)
    except StoreError as exc:
        print(f"hadath: {exc}", file=sys.stderr)
        return 2
    try:
        if args.output:
            with open(args.output, "wb") as out:
                n = export(store, args.format, event_filter, out, header=args.header, q=args.query)
        else:
            n = export(store, args.format, event_filter, sys.stdout.buffer, header=args.header, q=args.query)
            sys.stdout.buffer.flush()
    except BrokenPipeError:
        raise  # the reader went away (head, less): the command line handles it
    except OSError as exc:
        print(f"hadath: {args.output or 'standard output'}: cannot write ({exc.strerror or exc})", file=sys.stderr)
        return 2
    except (StoreError, FilterError) as exc:
        print(f"hadath: {exc}", file=sys.stderr)
        return 2
    what = "articles" if args.format == "jsonl" else "events"
    print(f"hadath: exported {n} {what} ({args.format})" + (f" to {args.output}" if args.output else ""),
          file=sys.stderr)
    return 0
