"""The `hadath` command line: one sub-command per module in `hadath.commands`.

Each command module defines HELP, `configure(parser)` and `run(args) -> int`, and
imports its heavy dependencies inside `run`, so that `hadath extract` does not
pay for the web server's start-up.
"""
from __future__ import annotations

import argparse
import importlib
import os
import sys

# The NER network's matrix products are small: numpy's BLAS threads would cost
# more than they give, and fight the --workers processes (which inherit this)
# for the cores. Set before any command imports numpy.
for _variable in ("OPENBLAS_NUM_THREADS", "OMP_NUM_THREADS", "MKL_NUM_THREADS"):
    os.environ.setdefault(_variable, "1")

COMMANDS = ("extract", "train", "ingest", "serve", "export")


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="hadath", description="Arabic news to event data: entities, quotations, events.")
    parser.add_argument("--debug", action="store_true",
                        help="show internal errors with their traceback")
    sub = parser.add_subparsers(dest="command", metavar="COMMAND", required=True)
    for name in COMMANDS:
        module = importlib.import_module(f"hadath.commands.{name}")
        command = sub.add_parser(name, help=module.HELP, description=module.HELP)
        module.configure(command)
        command.set_defaults(run=module.run)
    return parser


def main(argv: list[str] | None = None) -> int:
    args = build_parser().parse_args(argv)
    try:
        return args.run(args)
    except KeyboardInterrupt:
        print("hadath: interrupted", file=sys.stderr)
        return 130
    except BrokenPipeError:
        # The reader (head, less) went away: not an error of ours.
        sys.stderr.close()
        return 0


if __name__ == "__main__":
    sys.exit(main())
