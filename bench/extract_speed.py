"""Throughput of `hadath extract --jsonl` on real corpus articles.

    python bench/extract_speed.py [--articles 2000] [--shared ../shared]

Runs the installed CLI as a user would (start-up included) on the first N
articles of the ANT corpus and prints articles/s, words/s and the peak memory
(maximum resident set size) of the extract process.
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

ROOT = Path(__file__).resolve().parents[1]


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


def run(records: list[dict], extra: list[str]) -> dict:
    with tempfile.NamedTemporaryFile("w", suffix=".jsonl", delete=False, encoding="utf-8") as f:
        for r in records:
            f.write(json.dumps(r, ensure_ascii=False) + "\n")
        path = f.name
    try:
        start = time.perf_counter()
        proc = subprocess.run(hadath_command() + ["extract", "--jsonl", path, *extra],
                              stdout=subprocess.PIPE, stderr=subprocess.PIPE)
        seconds = time.perf_counter() - start
    finally:
        os.unlink(path)
    if proc.returncode not in (0, 1):
        sys.exit(proc.stderr.decode("utf-8", "replace")[-2000:])
    outputs = proc.stdout.count(b"\n")
    peak_mb = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024
    words = sum(len((r["title"] + " " + r["text"]).split()) for r in records)
    return {"articles": len(records), "outputs": outputs, "words": words, "seconds": seconds,
            "articles_per_s": len(records) / seconds, "words_per_s": words / seconds,
            "peak_rss_mb": peak_mb}


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--articles", type=int, default=2000)
    ap.add_argument("--shared", type=Path, default=ROOT.parent / "shared")
    args = ap.parse_args()
    records = corpus_records(args.shared, args.articles)
    result = run(records, [])
    print(f"machine: {platform.processor() or platform.machine()}, {os.cpu_count()} cores, "
          f"Python {platform.python_version()}")
    print(f"single process: {result['articles']} articles ({result['words']} words) in "
          f"{result['seconds']:.1f} s = {result['articles_per_s']:.1f} articles/s, "
          f"{result['words_per_s']:.0f} words/s, peak memory {result['peak_rss_mb']:.0f} MB")
    if result["outputs"] != result["articles"]:
        print(f"warning: {result['outputs']} outputs for {result['articles']} articles")


if __name__ == "__main__":
    main()
