"""Extraction with a pool of local processes (`--workers N`).

The main process reads the inputs, reports unreadable ones and duplicates, and
sends the articles in chunks to the workers; each worker loads the pipeline once
(pool initializer) and returns every article as its JSON line with the messages
it produced. Results are consumed in submission order, so the output and the
messages on standard error come out exactly as with one process.

Memory stays bounded: at most `window` chunks are in flight, and the inputs are
read only as fast as results are written (Pool.imap would read them all first).
"""
from __future__ import annotations

import multiprocessing
import signal
from collections import deque
from dataclasses import dataclass, field
from typing import Callable, Iterator, Optional

from ..commands.extract import Report, analyse, articles, json_line

# Articles per task: large enough that pickling and queueing cost little next to
# the analysis (a few ms per article), small enough to keep both cores busy to the end.
CHUNK_SIZE = 16
CHUNKS_IN_FLIGHT_PER_WORKER = 4


class PipelineUnavailable(Exception):
    """The workers could not load the pipeline (a model or dictionary is missing)."""


class RecordingReport(Report):
    """A report that keeps its messages, to be replayed in order on the real one."""

    def __init__(self):
        super().__init__(stream=None)
        self.messages: list[tuple[str, str, str]] = []

    def problem(self, origin: str, reason: str) -> None:
        self.messages.append(("problem", origin, reason))

    def note(self, origin: str, message: str) -> None:
        self.messages.append(("note", origin, message))

    def take(self) -> list[tuple[str, str, str]]:
        messages, self.messages = self.messages, []
        return messages


def replay(messages: list[tuple[str, str, str]], report: Report) -> None:
    for kind, origin, text in messages:
        (report.problem if kind == "problem" else report.note)(origin, text)


# A step of a chunk for an article not sent for analysis (`skip` said so).
SKIPPED = "skipped"


@dataclass
class Chunk:
    """Articles for one task, and the reading messages that come before each of
    them (`steps`: a message, None where the next article's result goes, or SKIPPED)."""
    steps: list = field(default_factory=list)
    articles: list = field(default_factory=list)


def chunks(paths, jsonl: bool, published, size: int,
           skip: Optional[Callable] = None) -> Iterator[Chunk]:
    reading = RecordingReport()
    chunk = Chunk()
    for article in articles(paths, jsonl, published, reading):
        chunk.steps.extend(reading.take())
        if skip is not None and skip(article):
            chunk.steps.append(SKIPPED)
            continue
        chunk.steps.append(None)
        chunk.articles.append(article)
        if len(chunk.articles) >= size:
            yield chunk
            chunk = Chunk()
    chunk.steps.extend(reading.take())
    if chunk.steps:
        yield chunk


# The pipeline of this worker process. A pool initializer can hand state to the
# tasks only through a module global; it is set once per worker and never changed.
_worker_pipeline = None
_worker_load_error: Optional[str] = None


def _load_pipeline() -> None:
    global _worker_pipeline, _worker_load_error
    signal.signal(signal.SIGINT, signal.SIG_IGN)  # Ctrl-C is the main process's to handle
    from ..pipeline import Pipeline, prepare_for_batch

    try:
        _worker_pipeline = Pipeline.default()
    except OSError as exc:
        _worker_load_error = str(exc)
    prepare_for_batch()


def _analyse_chunk(batch: list, debug: bool) -> list[tuple[list, Optional[str]]]:
    """(messages, JSON line or None) for every article of the batch."""
    if _worker_pipeline is None:
        raise PipelineUnavailable(_worker_load_error)
    results = []
    for article in batch:
        recorder = RecordingReport()
        doc = analyse(_worker_pipeline, article, recorder, debug)
        results.append((recorder.take(), None if doc is None else json_line(doc)))
    return results


def extracted_lines(paths, jsonl: bool, published, report: Report, workers: int,
                    debug: bool = False, chunk_size: int = CHUNK_SIZE) -> Iterator[str]:
    """JSON lines of the analysed articles in input order, analysed by `workers`
    processes; messages go to `report` in the order one process would give them."""
    window = workers * CHUNKS_IN_FLIGHT_PER_WORKER
    # fork: workers start without re-importing hadath (spawn elsewhere).
    methods = multiprocessing.get_all_start_methods()
    context = multiprocessing.get_context("fork" if "fork" in methods else "spawn")
    with context.Pool(workers, initializer=_load_pipeline) as pool:
        pending: deque = deque()
        for chunk in chunks(paths, jsonl, published, chunk_size):
            task = pool.apply_async(_analyse_chunk, (chunk.articles, debug)) if chunk.articles else None
            pending.append((chunk, task))
            if len(pending) >= window:
                yield from _results(*pending.popleft(), report)
        while pending:
            yield from _results(*pending.popleft(), report)


def _results(chunk: Chunk, task, report: Report) -> Iterator[str]:
    results = iter(task.get() if task is not None else ())
    for step in chunk.steps:
        if step is not None:
            replay([step], report)
            continue
        messages, line = next(results)
        replay(messages, report)
        if line is not None:
            report.done += 1
            yield line
