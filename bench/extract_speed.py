"""Throughput of hadath on real corpus articles: one process, --workers 2, Dask with 2 workers.

    python bench/extract_speed.py [--articles 2000] [--shared ../shared] [--modes single,workers,dask]

Runs the installed CLI as a user would (start-up included) on the same first N
articles of the ANT corpus in every mode and prints articles/s, words/s and the
peak memory: the largest sum of the resident set sizes of the command and all
its child processes, sampled every 50 ms. The CPU time of the whole process tree
is printed too: on a machine shared with other work, articles per CPU-second
times the number of cores bounds what the machine gives when idle.

Modes:
  single   hadath extract --jsonl FILE                     (one process)
  workers  hadath extract --jsonl --workers 2 FILE         (main + 2 worker processes)
  dask     hadath ingest --engine dask --workers 2 FILE    (local Dask cluster: 2 workers and
           their nannies; includes starting the cluster, Parquet shards and writing a DuckDB store)
"""
from __future__ import annotations

import argparse
import gzip
import json
import os
import platform
import resource
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import psutil

ROOT = Path(__file__).resolve().parents[1]
WORKERS = 2


def corpus_records(shared: Path, n: int) -> list[dict]:
    rows = []
    with gzip.open(shared / "corpus" / "ant_politics.jsonl.gz", "rt", encoding="utf-8") as f:
        for line in f:
            d = json.loads(line)
            rows.append({"id": d["id"], "title": d["title"], "text": d["text"],
                         "source": d["source"], "url": d["url"], "published": d["time"]})
            if len(rows) >= n:
                break
    return rows


def hadath_command() -> list[str]:
    exe = ROOT / ".venv" / "bin" / "hadath"
    return [str(exe)] if exe.exists() else [sys.executable, "-m", "hadath"]


def mode_arguments(mode: str, path: str, work: Path) -> list[str]:
    if mode == "single":
        return ["extract", "--jsonl", path]
    if mode == "workers":
        return ["extract", "--jsonl", "--workers", str(WORKERS), path]
    if mode == "dask":
        return ["ingest", "--engine", "dask", "--workers", str(WORKERS), "--jsonl",
                "--db", str(work / "bench.duckdb"), path]
    raise SystemExit(f"unknown mode {mode!r} (single, workers, dask)")


def tree_rss(proc: psutil.Process) -> int:
    total = 0
    for p in [proc, *proc.children(recursive=True)]:
        try:
            total += p.memory_info().rss
        except psutil.Error:
            pass  # ended between listing and reading
    return total


def children_cpu_seconds() -> float:
    """User + system CPU time of every ended child process (and the ones they waited for)."""
    usage = resource.getrusage(resource.RUSAGE_CHILDREN)
    return usage.ru_utime + usage.ru_stime


def run(command: list[str]) -> tuple[float, float, int, bytes, bytes]:
    """(seconds, CPU seconds, peak bytes over the process tree, stdout, stderr)."""
    with tempfile.TemporaryFile() as out, tempfile.TemporaryFile() as err:
        cpu_before = children_cpu_seconds()
        start = time.perf_counter()
        proc = subprocess.Popen(command, stdout=out, stderr=err)
        watched = psutil.Process(proc.pid)
        peak = 0
        while proc.poll() is None:
            try:
                peak = max(peak, tree_rss(watched))
            except psutil.Error:
                pass
            time.sleep(0.05)
        seconds = time.perf_counter() - start
        cpu = children_cpu_seconds() - cpu_before
        out.seek(0)
        err.seek(0)
        return seconds, cpu, peak, out.read(), err.read()


def measure(mode: str, records: list[dict], path: str, words: int) -> dict:
    with tempfile.TemporaryDirectory() as work:
        seconds, cpu, peak, stdout, stderr = run(hadath_command() + mode_arguments(mode, path, Path(work)))
    outputs = stdout.count(b"\n") if mode != "dask" else _ingested(stderr)
    if outputs < 0.99 * len(records):
        sys.exit(f"{mode}: {outputs} articles out for {len(records)} in:\n"
                 + stderr.decode("utf-8", "replace")[-2000:])
    return {"mode": mode, "articles": len(records), "outputs": outputs, "words": words, "seconds": seconds,
            "cpu_seconds": cpu, "articles_per_cpu_s": len(records) / cpu,
            "articles_per_s": len(records) / seconds, "words_per_s": words / seconds,
            "peak_rss_mb": peak / 2**20}


def _ingested(stderr: bytes) -> int:
    """Articles new in the store, from ingest's summary line."""
    for line in stderr.decode("utf-8", "replace").splitlines():
        if " articles new" in line and " inputs = " in line:
            return int(line.split(" inputs = ")[1].split()[0])
    return -1  # no summary: the run failed


LABELS = {"single": "single process", "workers": f"--workers {WORKERS}",
          "dask": f"Dask, {WORKERS} workers (ingest)"}


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--articles", type=int, default=2000)
    ap.add_argument("--shared", type=Path, default=ROOT.parent / "shared")
    ap.add_argument("--modes", default="single,workers,dask")
    args = ap.parse_args()
    records = corpus_records(args.shared, args.articles)
    words = sum(len((r["title"] + " " + r["text"]).split()) for r in records)
    print(f"machine: {platform.processor() or platform.machine()}, {os.cpu_count()} cores, "
          f"{psutil.virtual_memory().total / 2**30:.0f} GiB, Python {platform.python_version()}; "
          f"{len(records)} articles, {words} words")
    with tempfile.NamedTemporaryFile("w", suffix=".jsonl", delete=False, encoding="utf-8") as f:
        for r in records:
            f.write(json.dumps(r, ensure_ascii=False) + "\n")
        path = f.name
    try:
        for mode in args.modes.split(","):
            r = measure(mode, records, path, words)
            print(f"{LABELS[mode]:>28}: {r['seconds']:6.1f} s = {r['articles_per_s']:6.1f} articles/s, "
                  f"{r['words_per_s']:7.0f} words/s, peak memory {r['peak_rss_mb']:5.0f} MB; "
                  f"CPU {r['cpu_seconds']:.0f} s = {r['articles_per_cpu_s']:.0f} articles per CPU-second"
                  + ("" if r["outputs"] == r["articles"] else
                     f" ({r['articles'] - r['outputs']} articles failed)"), flush=True)
    finally:
        os.unlink(path)


if __name__ == "__main__":
    main()
