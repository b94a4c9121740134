"""`hadath ingest --engine dask` against a real cluster: a `dask scheduler` and two
`dask worker` processes on 127.0.0.1, started here and stopped at the end. The store
it builds must equal the one a single-process ingest builds from the same articles."""
import json
import os
import shutil
import signal
import socket
import subprocess
import sys
import time
from pathlib import Path

import pytest

N_ARTICLES = 50


def dask_cli() -> str:
    exe = Path(sys.executable).with_name("dask")
    found = str(exe) if exe.exists() else shutil.which("dask")
    if not found:
        pytest.skip("needs the `dask` command (installed with hadath's dependencies: make install)")
    return found


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


@pytest.fixture(scope="module")
def scheduler(tmp_path_factory):
    """The address of a scheduler with two single-threaded workers."""
    dask = dask_cli()
    logs = tmp_path_factory.mktemp("dask-logs")
    port = free_port()
    address = f"tcp://127.0.0.1:{port}"
    processes = []

    def start(name, *args):
        log = open(logs / f"{name}.log", "wb")
        processes.append(subprocess.Popen([dask, *args], stdout=log, stderr=subprocess.STDOUT,
                                          start_new_session=True))

    start("scheduler", "scheduler", "--host", "127.0.0.1", "--port", str(port), "--no-dashboard")
    for n in range(2):
        start(f"worker{n}", "worker", address, "--host", "127.0.0.1", "--nthreads", "1",
              "--no-dashboard", "--name", f"w{n}", "--death-timeout", "60")
    try:
        from distributed import Client

        with Client(address, timeout=60) as client:
            client.wait_for_workers(2, timeout=60)
        yield address
    finally:
        for proc in reversed(processes):
            os.killpg(proc.pid, signal.SIGTERM)
        for proc in processes:
            try:
                proc.wait(timeout=20)
            except subprocess.TimeoutExpired:
                os.killpg(proc.pid, signal.SIGKILL)


def store_contents(db: Path) -> dict:
    from hadath.store import open_store

    with open_store(str(db), read_only=True, persistent=False) as store:
        rows = store.query("SELECT a.doc_id, a.text_hash, a.n_entities, a.n_quotes, a.n_events "
                           "FROM articles a ORDER BY a.id")
        counts = store.counts()
    return {"articles": [tuple(r.values()) for r in rows], "counts": counts}


def ingest(*args, env=None):
    return subprocess.run([sys.executable, "-m", "hadath", "ingest", *args], capture_output=True,
                          timeout=240, env=env)


def test_ingest_on_a_dask_cluster_equals_the_single_process_ingest(scheduler, corpus_articles, tmp_path):
    articles = tmp_path / "articles.jsonl"
    rows = [json.dumps({"id": a["id"], "title": a["title"], "text": a["text"], "url": a["url"],
                        "source": a["source"], "published": a["time"]}, ensure_ascii=False)
            for a in corpus_articles[:N_ARTICLES]]
    rows.insert(7, "{broken")  # an unreadable line: reported and counted as failed
    articles.write_text("\n".join(rows) + "\n", encoding="utf-8")

    single = ingest("--db", str(tmp_path / "single.duckdb"), "--jsonl", str(articles))
    assert single.returncode == 1, single.stderr.decode()
    shards = tmp_path / "shards"
    on_dask = ingest("--engine", "dask", "--scheduler", scheduler, "--partition-size", "8",
                     "--work-dir", str(shards), "--db", str(tmp_path / "dask.duckdb"),
                     "--jsonl", str(articles))
    err = on_dask.stderr.decode("utf-8")
    assert on_dask.returncode == 1, err
    assert "Traceback" not in err and "line 8: invalid JSON" in err
    assert f"{N_ARTICLES + 1} inputs = {N_ARTICLES} articles new + 0 already stored + 1 failed" in err

    expected = store_contents(tmp_path / "single.duckdb")
    got = store_contents(tmp_path / "dask.duckdb")
    assert got == expected
    assert expected["counts"]["articles"] == N_ARTICLES and expected["counts"]["entities"] > 0

    import pyarrow.parquet as pq

    shard_files = sorted(shards.glob("part-*.parquet"))
    assert len(shard_files) == -(-N_ARTICLES // 8)
    stored = [json.loads(a)["id"] for f in shard_files for a in pq.read_table(f).column("article").to_pylist()]
    assert stored == [a["id"] for a in corpus_articles[:N_ARTICLES]]

    again = ingest("--engine", "dask", "--scheduler", scheduler, "--db", str(tmp_path / "dask.duckdb"),
                   "--jsonl", str(articles))
    assert f"{N_ARTICLES + 1} inputs = 0 articles new + {N_ARTICLES} already stored + 1 failed" in \
        again.stderr.decode("utf-8")
    assert store_contents(tmp_path / "dask.duckdb") == expected


def test_an_unreachable_scheduler_is_one_clear_line(tmp_path):
    (tmp_path / "a.txt").write_text("نص قصير", encoding="utf-8")
    proc = ingest("--engine", "dask", "--scheduler", f"tcp://127.0.0.1:{free_port()}",
                  "--db", str(tmp_path / "x.duckdb"), str(tmp_path / "a.txt"),
                  env={**os.environ, "DASK_DISTRIBUTED__COMM__TIMEOUTS__CONNECT": "2s"})
    assert proc.returncode == 2
    lines = proc.stderr.decode("utf-8").strip().splitlines()
    assert len(lines) == 1 and "cannot reach the Dask scheduler" in lines[0], lines
