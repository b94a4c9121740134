"""Store and API speed on real corpus articles: ingest rate, store write rate, and API
latency (median, p95) for filtered event queries, dyad timelines and search on a
store of 10,000 articles.

    python bench/ingest_api.py [--articles 10000] [--ingest-articles 1000] [--workers 2]
                               [--shared ../shared] [--postgres postgresql://...]

Phases (files go to bench/out/, reused when present):
  1. `hadath extract --jsonl --workers W` over the first N corpus articles (the
     analysed articles that fill the API's store; timed for information)
  2. `hadath ingest --jsonl` end to end over the first M articles into a fresh DuckDB
     store (start-up included), then the same again (everything is skipped)
  3. store.add of the N analysed articles into a fresh DuckDB store (and PostgreSQL
     with --postgres): the store's own write rate
  4. `hadath serve` over the N-article store; each query set is sent sequentially
     (--requests times, varied parameters) after one warm-up request each
"""
from __future__ import annotations

import argparse
import gzip
import http.client
import json
import os
import platform
import random
import socket
import statistics
import subprocess
import sys
import time
from pathlib import Path
from urllib.parse import urlencode

ROOT = Path(__file__).resolve().parents[1]
OUT = ROOT / "bench" / "out"
HADATH = str(Path(sys.executable).with_name("hadath"))


def corpus_file(shared: Path, n: int) -> Path:
    path = OUT / f"corpus-{n}.jsonl"
    if not path.exists():
        with gzip.open(shared / "corpus" / "ant_politics.jsonl.gz", "rt", encoding="utf-8") as f, \
                path.open("w", encoding="utf-8") as out:
            for i, line in enumerate(f):
                if i >= n:
                    break
                out.write(line)
    return path


def head(path: Path, n: int) -> Path:
    target = OUT / f"corpus-{n}.jsonl"
    if not target.exists():
        with path.open(encoding="utf-8") as f, target.open("w", encoding="utf-8") as out:
            for i, line in enumerate(f):
                if i >= n:
                    break
                out.write(line)
    return target


def timed(command: list[str], stdout=None) -> float:
    start = time.perf_counter()
    subprocess.run(command, check=True, stdout=stdout, stderr=subprocess.DEVNULL)
    return time.perf_counter() - start


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def latency(port: int, path: str, params_list: list[dict]) -> tuple[float, float, int]:
    """Median and p95 in milliseconds, and the number of requests."""
    connection = http.client.HTTPConnection("127.0.0.1", port, timeout=30)
    times = []
    for i, params in enumerate([params_list[0]] + params_list):
        url = path + ("?" + urlencode(params) if params else "")
        start = time.perf_counter()
        connection.request("GET", url)
        response = connection.getresponse()
        response.read()
        if response.status != 200:
            raise SystemExit(f"{url}: HTTP {response.status}")
        if i:  # the first is a warm-up
            times.append((time.perf_counter() - start) * 1000)
    connection.close()
    times.sort()
    return statistics.median(times), times[int(0.95 * (len(times) - 1))], len(times)


def page_load(port: int) -> float:
    """What the browser fetches to show the search page: HTML, script, style, overview, first page."""
    connection = http.client.HTTPConnection("127.0.0.1", port, timeout=30)
    start = time.perf_counter()
    for url in ("/", "/static/app.js", "/static/style.css", "/api/overview", "/api/articles?limit=20"):
        connection.request("GET", url)
        connection.getresponse().read()
    connection.close()
    return (time.perf_counter() - start) * 1000


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--articles", type=int, default=10_000)
    parser.add_argument("--ingest-articles", type=int, default=1000)
    parser.add_argument("--workers", type=int, default=2)
    parser.add_argument("--requests", type=int, default=100)
    parser.add_argument("--shared", type=Path, default=ROOT.parent / "shared")
    parser.add_argument("--postgres", help="also time store writes into this PostgreSQL database")
    args = parser.parse_args()
    OUT.mkdir(parents=True, exist_ok=True)
    sys.path.insert(0, str(ROOT / "src"))
    from hadath.store import open_store

    print(f"machine: {platform.node()} {platform.processor() or platform.machine()}, "
          f"{os.cpu_count()} cores, Python {platform.python_version()}")
    corpus = corpus_file(args.shared, args.articles)

    extracted = OUT / f"extracted-{args.articles}.jsonl"
    if not extracted.exists():
        with extracted.open("w", encoding="utf-8") as out:
            seconds = timed([HADATH, "extract", "--jsonl", "--workers", str(args.workers), str(corpus)], stdout=out)
        print(f"extract --workers {args.workers}: {args.articles} articles in {seconds:.1f} s "
              f"({args.articles / seconds:.1f} articles/s)")

    m = min(args.ingest_articles, args.articles)
    small = head(corpus, m)
    db = OUT / f"ingest-{m}.duckdb"
    for leftover in (db, Path(str(db) + ".wal")):
        leftover.unlink(missing_ok=True)
    first = timed([HADATH, "ingest", "--jsonl", str(small), "--db", str(db)])
    again = timed([HADATH, "ingest", "--jsonl", str(small), "--db", str(db)])
    print(f"hadath ingest (one process, start-up included): {m} articles in {first:.1f} s "
          f"({m / first:.1f} articles/s); again, all skipped: {again:.1f} s ({m / again:.0f} articles/s)")

    docs = [json.loads(line) for line in extracted.open(encoding="utf-8")]
    api_db = OUT / f"api-{args.articles}.duckdb"
    for leftover in (api_db, Path(str(api_db) + ".wal")):
        leftover.unlink(missing_ok=True)
    start = time.perf_counter()
    with open_store(str(api_db)) as store:
        result = store.add(docs)
        counts = store.counts()
    seconds = time.perf_counter() - start
    print(f"store.add into DuckDB: {result.new} articles ({result.entities} entities, {result.quotes} quotations, "
          f"{result.events} events) in {seconds:.1f} s ({result.new / seconds:.0f} articles/s); "
          f"file {api_db.stat().st_size / 1e6:.0f} MB")
    if args.postgres:
        start = time.perf_counter()
        with open_store(args.postgres) as store:
            pg = store.add(docs)
        seconds = time.perf_counter() - start
        print(f"store.add into PostgreSQL: {pg.new} new, {pg.skipped} already there, in {seconds:.1f} s "
              f"({len(docs) / seconds:.0f} articles/s)")

    with open_store(str(api_db), read_only=True, persistent=False) as store:
        pairs = store.top_dyads(20)
        countries = [r["c"] for r in store.query(
            "SELECT src_country AS c, count(*) AS n FROM events WHERE src_country IS NOT NULL "
            "GROUP BY 1 ORDER BY n DESC LIMIT 20")]
        words = [w for d in docs[:200] for w in (d["title"] or "").split() if len(w) > 4][:200]
        span = store.query("SELECT min(event_date) AS a, max(event_date) AS b FROM events")[0]
    rng = random.Random(7)
    plovers = ["ASSAULT", "CONSULT", "DEMAND", "AGREE", "PROTEST", "COERCE", "DISAPPROVE"]
    n = args.requests

    def some_dates() -> dict:
        days = (span["b"] - span["a"]).days or 1
        a = span["a"] + __import__("datetime").timedelta(days=rng.randrange(days))
        return {"start": a.isoformat(), "end": (a + __import__("datetime").timedelta(days=30)).isoformat()}

    query_sets = {
        "events, country + type": ("/api/events", [{"country": rng.choice(countries), "plover": rng.choice(plovers)} for _ in range(n)]),
        "events, country + 30 days": ("/api/events", [{"country": rng.choice(countries), **some_dates()} for _ in range(n)]),
        "events, page 5 unfiltered": ("/api/events", [{"offset": 200 + rng.randrange(50), "limit": 50} for _ in range(n)]),
        "dyad timeline, month": ("/api/dyads", [{"a": p["a"], "b": p["b"], "interval": "month"} for p in (rng.choice(pairs) for _ in range(n))]),
        "dyad timeline, week": ("/api/dyads", [{"a": p["a"], "b": p["b"], "interval": "week"} for p in (rng.choice(pairs) for _ in range(n))]),
        "article search (1 word)": ("/api/articles", [{"q": rng.choice(words)} for _ in range(n)]),
        "one article": ("/api/articles/" + str(rng.randrange(1, len(docs))), [{} for _ in range(n)]),
    }
    port = free_port()
    server = subprocess.Popen([HADATH, "serve", "--db", str(api_db), "--port", str(port)],
                              stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    try:
        deadline = time.monotonic() + 60
        while True:
            try:
                socket.create_connection(("127.0.0.1", port), timeout=1).close()
                break
            except OSError:
                if time.monotonic() > deadline:
                    raise SystemExit("server did not start")
                time.sleep(0.2)
        print(f"API over {counts['articles']} articles, {counts['events']} events "
              f"(sequential requests, milliseconds):")
        for name, (path, params) in query_sets.items():
            median, p95, count = latency(port, path, params)
            print(f"  {name:28s} median {median:7.1f}  p95 {p95:7.1f}  ({count} requests)")
        loads = sorted(page_load(port) for _ in range(20))
        print(f"  dashboard search page (5 requests) median {statistics.median(loads):.0f} ms, "
              f"worst {loads[-1]:.0f} ms")
    finally:
        server.terminate()
        server.wait(10)


if __name__ == "__main__":
    main()
