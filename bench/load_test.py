"""Load test of `hadath serve`: N concurrent clients for S seconds against the event and
search endpoints, from this process, with the server in another; 127.0.0.1 only.

    python bench/load_test.py --db var/hadath.duckdb            # 50 clients, 30 s
    python bench/load_test.py --db STORE --clients 10 --seconds 5

Starts `hadath serve` on a free port, picks realistic filter values from the store
(outlets, country pairs, entity names, PLOVER types seen), runs the clients, stops the
server, and prints requests/s, p50/p95/p99 latency per endpoint and the error count.
Exit status 1 when any request failed. Not part of `make test`.
"""
from __future__ import annotations

import argparse
import asyncio
import os
import random
import socket
import statistics
import subprocess
import sys
import time
from collections import defaultdict

import httpx


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def start_server(db: str, port: int) -> subprocess.Popen:
    server = subprocess.Popen([sys.executable, "-m", "hadath", "serve", "--db", db, "--host", "127.0.0.1",
                               "--port", str(port)], stderr=subprocess.PIPE, text=True,
                              env={**os.environ, "HADATH_API_TOKEN": ""})
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline:
        if server.poll() is not None:
            sys.exit(f"load_test: the server did not start: {server.stderr.read()[-500:]}")
        try:
            if httpx.get(f"http://127.0.0.1:{port}/api/overview", timeout=2).status_code == 200:
                return server
        except httpx.TransportError:
            time.sleep(0.2)
    server.kill()
    sys.exit("load_test: the server did not answer within 60 s")


def request_mix(base: str) -> list[tuple[str, str, dict]]:
    """(label, path, params) drawn from what the store holds."""
    get = lambda path, **params: httpx.get(base + path, params=params, timeout=30).json()  # noqa: E731
    overview = get("/api/overview")
    outlets = [s["source"] for s in overview["sources"][:10]]
    pairs = [(p["a"], p["b"]) for p in get("/api/dyads/top", limit=20)]
    recent = get("/api/events", limit=200)["items"]
    plovers = sorted({e["plover"] for e in recent}) or ["ASSAULT"]
    countries = sorted({c for e in recent for c in (e["src_country"], e["tgt_country"]) if c}) or ["SYR"]
    cameos = sorted({e["cameo"][:2] for e in recent if e["cameo"]}) or ["19"]
    words = [e["name"].split()[0] for e in get("/api/entities", limit=60)["items"]] or ["الرئيس"]
    first, last = overview["first"] or "2000-01-01", overview["last"] or "2030-01-01"
    mix = []
    for _ in range(200):
        choice = random.random()
        if choice < 0.2:
            mix.append(("events: page", "/api/events", {"limit": 50, "offset": random.choice([0, 50, 100])}))
        elif choice < 0.4:
            mix.append(("events: country+type", "/api/events",
                        {"country": random.choice(countries), "plover": random.choice(plovers), "limit": 50}))
        elif choice < 0.5:
            mix.append(("events: cameo+dates+outlet", "/api/events",
                        {"cameo": random.choice(cameos), "start": first, "end": last,
                         **({"source": random.choice(outlets)} if outlets else {}), "limit": 50}))
        elif choice < 0.8:
            mix.append(("search articles", "/api/articles", {"q": random.choice(words), "limit": 20}))
        elif pairs:
            a, b = random.choice(pairs)
            mix.append(("dyad timeline", "/api/dyads", {"a": a, "b": b, "interval": random.choice(["week", "month"])}))
    return mix


async def client(http: httpx.AsyncClient, mix, stop_at: float, latencies, errors) -> None:
    while time.monotonic() < stop_at:
        label, path, params = random.choice(mix)
        began = time.perf_counter()
        try:
            response = await http.get(path, params=params)
            problem = None if response.status_code == 200 else f"HTTP {response.status_code}"
        except httpx.HTTPError as exc:
            problem = f"{type(exc).__name__} {exc}".strip()[:120]
        elapsed = time.perf_counter() - began
        if problem is None:
            latencies[label].append(elapsed)
        else:
            errors[label].append(f"{problem} after {elapsed:.1f} s")


async def load(base: str, mix, clients: int, seconds: float):
    latencies: dict[str, list[float]] = defaultdict(list)
    errors: dict[str, list[str]] = defaultdict(list)
    limits = httpx.Limits(max_connections=clients, max_keepalive_connections=clients)
    async with httpx.AsyncClient(base_url=base, timeout=30, limits=limits) as http:
        stop_at = time.monotonic() + seconds
        await asyncio.gather(*(client(http, mix, stop_at, latencies, errors) for _ in range(clients)))
    return latencies, errors


def quantile(values: list[float], q: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(q * len(ordered)))]


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--db", required=True, help="store built by `hadath ingest`")
    parser.add_argument("--clients", type=int, default=50)
    parser.add_argument("--seconds", type=float, default=30.0)
    parser.add_argument("--seed", type=int, default=8)
    args = parser.parse_args()
    if not os.path.exists(args.db):
        sys.exit(f"load_test: {args.db}: no such store")
    random.seed(args.seed)
    port = free_port()
    base = f"http://127.0.0.1:{port}"
    server = start_server(args.db, port)
    try:
        counts = httpx.get(base + "/api/overview", timeout=30).json()["counts"]
        mix = request_mix(base)
        began = time.monotonic()
        latencies, errors = asyncio.run(load(base, mix, args.clients, args.seconds))
        wall = time.monotonic() - began
    finally:
        server.terminate()
        try:
            server.wait(10)
        except subprocess.TimeoutExpired:
            server.kill()
    every = [x for values in latencies.values() for x in values]
    failed = sum(len(v) for v in errors.values())
    print(f"store: {counts['articles']} articles, {counts['events']} events; {args.clients} clients for "
          f"{args.seconds:.0f} s on 127.0.0.1 ({os.cpu_count()} CPUs)")
    print(f"{'endpoint':30} {'requests':>8} {'p50 ms':>8} {'p95 ms':>8} {'p99 ms':>8}")
    for label in sorted(latencies):
        values = latencies[label]
        print(f"{label:30} {len(values):8d} {statistics.median(values) * 1000:8.1f} "
              f"{quantile(values, 0.95) * 1000:8.1f} {quantile(values, 0.99) * 1000:8.1f}")
    if every:
        print(f"{'all':30} {len(every):8d} {statistics.median(every) * 1000:8.1f} "
              f"{quantile(every, 0.95) * 1000:8.1f} {quantile(every, 0.99) * 1000:8.1f}")
    print(f"throughput: {len(every) / wall:.1f} requests/s; errors: {failed}")
    for label, messages in errors.items():
        print(f"  {label}: {len(messages)} errors, e.g. {messages[0]}")
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
