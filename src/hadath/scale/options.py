"""Command-line options of the scale-out engines (light: no Dask import)."""
from __future__ import annotations

import argparse
from pathlib import Path
from typing import Callable

PARTITION_SIZE = 100
RETRIES = 2


def whole_number(minimum: int, what: str) -> Callable[[str], int]:
    def parse(value: str) -> int:
        if not value.isdigit() or int(value) < minimum:
            raise argparse.ArgumentTypeError(f"expected a whole number of {what}, {minimum} or more, "
                                             f"got {value!r}")
        return int(value)
    return parse


def configure_engine(parser: argparse.ArgumentParser) -> None:
    """The engine options of `hadath ingest`."""
    group = parser.add_argument_group("scale-out (Dask)")
    group.add_argument("--engine", choices=("local", "dask"), default="local",
                       help="local: this process analyses (default); dask: Dask workers analyse")
    group.add_argument("--scheduler", metavar="tcp://HOST:PORT",
                       help="analyse on the Dask cluster of this scheduler (implies --engine dask; "
                            "default: start a local cluster)")
    group.add_argument("--workers", metavar="N", type=whole_number(1, "processes"), default=None,
                       help="analyse with N worker processes of a local Dask cluster "
                            "(implies --engine dask; default with --engine dask: one per core)")
    group.add_argument("--partition-size", metavar="N", type=whole_number(1, "articles"),
                       default=PARTITION_SIZE, help=f"articles per Dask task (default {PARTITION_SIZE})")
    group.add_argument("--retries", metavar="N", type=whole_number(0, "retries"), default=RETRIES,
                       help=f"times a failed partition is tried again (default {RETRIES})")
    group.add_argument("--work-dir", metavar="DIR", type=Path,
                       help="keep the Parquet shards in DIR (default: a temporary folder, removed)")
