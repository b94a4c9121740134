"""`hadath extract`: analyse articles and print one JSON object per article."""
from __future__ import annotations

import argparse
import json
import sys
from typing import Iterator, TextIO

HELP = "analyse articles and print JSON Lines (entities, quotations, events)"


def configure(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("paths", nargs="+", metavar="PATH",
                        help="files or folders (.txt .html .json .jsonl); - for standard input")
    parser.add_argument("--jsonl", action="store_true",
                        help="every input line is a JSON object {id, text, title?, url?, source?, published?}")
    parser.add_argument("--published", metavar="YYYY-MM-DD", type=_date_argument,
                        help="publication date for inputs that lack one")
    parser.add_argument("--workers", metavar="N", type=workers_argument, default=1,
                        help="analyse with N processes (output stays in input order; default 1)")


def _date_argument(value: str) -> str:
    from ..reading.dates import parse_published
    try:
        return parse_published(value)
    except ValueError as exc:
        raise argparse.ArgumentTypeError(str(exc)) from None


def workers_argument(value: str) -> int:
    if not value.isdigit() or int(value) < 1:
        raise argparse.ArgumentTypeError(f"expected a whole number of processes, 1 or more, got {value!r}")
    return int(value)


def run(args: argparse.Namespace) -> int:
    report = Report(sys.stderr)
    if args.workers > 1:
        from ..scale.processes import PipelineUnavailable, extracted_lines

        lines = extracted_lines(args.paths, args.jsonl, args.published, report,
                                args.workers, args.debug)
        try:
            for line in lines:
                sys.stdout.write(line + "\n")
        except PipelineUnavailable as exc:
            print(f"hadath: cannot load the pipeline: {exc}", file=sys.stderr)
            return 2
        sys.stdout.flush()
        return report.exit_status()

    from ..pipeline import Pipeline, prepare_for_batch

    try:
        pipeline = Pipeline.default()
    except OSError as exc:  # a model or dictionary missing from a broken install
        print(f"hadath: cannot load the pipeline: {exc}", file=sys.stderr)
        return 2
    prepare_for_batch()
    for doc in analysed(pipeline, args.paths, args.jsonl, args.published, report, args.debug):
        sys.stdout.write(json_line(doc) + "\n")
    sys.stdout.flush()
    return report.exit_status()


# Built once: json.dumps with options makes a new encoder per call. A document's
# dict is a fresh tree, so the circular-reference check has nothing to find.
_ENCODER = json.JSONEncoder(ensure_ascii=False, check_circular=False)


def json_line(doc) -> str:
    return _ENCODER.encode(doc.to_dict())


class Report:
    """Messages about inputs, one line each on standard error, and the exit status."""

    def __init__(self, stream: TextIO):
        self.stream = stream
        self.failed = 0
        self.done = 0

    def problem(self, origin: str, reason: str) -> None:
        self.failed += 1
        print(f"hadath: {origin}: {reason}", file=self.stream)

    def note(self, origin: str, message: str) -> None:
        print(f"hadath: {origin}: {message}", file=self.stream)

    def exit_status(self) -> int:
        return 1 if self.failed else 0


def analysed(pipeline, paths, jsonl: bool, published, report: Report, debug: bool = False) -> Iterator:
    """Documents for every readable input, in input order; problems go to `report`."""
    for article in articles(paths, jsonl, published, report):
        doc = analyse(pipeline, article, report, debug)
        if doc is not None:
            yield doc


def articles(paths, jsonl: bool, published, report: Report) -> Iterator:
    """Every readable article with an id not seen before, in input order; unreadable
    inputs, duplicates and reading notes go to `report`."""
    from ..reading import InputProblem, read_inputs

    seen_ids: set[str] = set()
    for item in read_inputs(paths, jsonl=jsonl, published=published):
        if isinstance(item, InputProblem):
            report.problem(item.origin, item.reason)
            continue
        if item.id in seen_ids:
            report.problem(item.origin, f"duplicate id {item.id!r} (an earlier article has it)")
            continue
        seen_ids.add(item.id)
        for warning in item.warnings:
            report.note(item.origin, warning)
        if item.encoding:
            report.note(item.origin, f"decoded as {item.encoding}")
        yield item


def analyse(pipeline, article, report: Report, debug: bool = False):
    """The analysed document, or None (reported) when the pipeline fails on it."""
    try:
        doc = pipeline(article)
    except Exception as exc:  # a bug of ours must not stop the other articles
        if debug:
            raise
        report.problem(article.origin, f"internal error while analysing ({type(exc).__name__}: {exc})")
        return None
    if doc.language != "ar":
        report.note(article.origin, f"language is {doc.language!r}, not Arabic: not analysed")
    report.done += 1
    return doc
