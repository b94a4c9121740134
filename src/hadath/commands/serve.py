"""`hadath serve`: the JSON API and the Arabic dashboard over a store."""
from __future__ import annotations

import argparse
import os
import sys

from .ingest import add_db_argument

HELP = "serve the JSON API and the Arabic dashboard over a store"


def configure(parser: argparse.ArgumentParser) -> None:
    add_db_argument(parser)
    parser.add_argument("--host", default="127.0.0.1",
                        help="address to listen on (default 127.0.0.1: this machine only)")
    parser.add_argument("--port", type=int, default=8000, help="port (default 8000)")
    parser.add_argument("--token", default=os.environ.get("HADATH_API_TOKEN"),
                        help="allow POST /api/articles to holders of this token "
                             "(default: $HADATH_API_TOKEN; unset: read-only)")


def run(args: argparse.Namespace) -> int:
    import uvicorn

    from ..serve.app import create_app
    from ..store import StoreError
    from ..store.base import redacted

    if not 0 < args.port < 65536:
        print(f"hadath: --port {args.port}: not a port number (1-65535)", file=sys.stderr)
        return 2
    try:
        app = create_app(args.db, token=args.token)
        counts = app.state.store.counts()
    except StoreError as exc:
        print(f"hadath: {exc}", file=sys.stderr)
        return 2
    host = f"[{args.host}]" if ":" in args.host else args.host
    mode = "read-write with token" if args.token else "read-only"
    print(f"hadath: serving {redacted(args.db)} ({counts['articles']} articles, {counts['events']} events, "
          f"{mode}) at http://{host}:{args.port}/", file=sys.stderr, flush=True)
    try:
        uvicorn.run(app, host=args.host, port=args.port, log_level="warning")
    except OSError as exc:
        print(f"hadath: cannot listen on {host}:{args.port} ({exc.strerror or exc})", file=sys.stderr)
        return 2
    return 0
