"""Crash safety and concurrent use of a DuckDB store.

`hadath ingest` is killed with SIGKILL while it writes a batch; the store then holds only
whole articles, the API still answers at once, and running the same ingest again adds
exactly what is missing, while the API keeps answering during those writes."""
from __future__ import annotations

import json
import signal
import subprocess
import sys
import threading
import time
from collections import Counter

import pytest
from fastapi.testclient import TestClient

from hadath.reading import RawArticle, read_inputs
from hadath.serve.app import create_app
from hadath.store import open_store

N_ARTICLES = 250  # more than one batch (hadath.commands.ingest.BATCH_ARTICLES = 200)


def _ingest(source, db) -> subprocess.Popen:
    return subprocess.Popen([sys.executable, "-m", "hadath", "ingest", str(source), "--db", str(db)],
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)


def _kill_during_a_write(process: subprocess.Popen, db) -> bool:
    """SIGKILL the ingest while it writes its second batch: the first time it raises its
    writer flag after the store file has grown (the first batch is committed then)."""
    flag = db.with_name(db.name + ".writer")
    while not flag.exists() and process.poll() is None:  # start-up: creates the tables
        time.sleep(0.0005)
    while flag.exists() and process.poll() is None:
        time.sleep(0.0005)
    empty_size = db.stat().st_size
    up = False
    while process.poll() is None:
        now_up = flag.exists()
        if now_up and not up and db.stat().st_size > empty_size:
            time.sleep(0.02)  # inside the write (usually: a fast machine may finish a small one)
            process.send_signal(signal.SIGKILL)
            process.wait()
            return True
        up = now_up
        time.sleep(0.0005)
    return False


def _stored(db) -> dict[str, tuple]:
    """doc_id -> (entity rows, quote rows, event rows, n_entities, n_quotes, n_events)."""
    with open_store(str(db), read_only=True, persistent=False) as store:
        rows = store.query(
            "SELECT a.doc_id, "
            "(SELECT count(*) FROM entities n WHERE n.article_id = a.id) AS ne, "
            "(SELECT count(*) FROM quotes q WHERE q.article_id = a.id) AS nq, "
            "(SELECT count(*) FROM events e WHERE e.article_id = a.id) AS nv, "
            "a.n_entities, a.n_quotes, a.n_events FROM articles a")
    copies = Counter(r["doc_id"] for r in rows)
    assert max(copies.values(), default=1) == 1, [k for k, v in copies.items() if v > 1]
    return {r["doc_id"]: (r["ne"], r["nq"], r["nv"], r["n_entities"], r["n_quotes"], r["n_events"])
            for r in rows}


@pytest.fixture(scope="module")
def source(tmp_path_factory, corpus_articles):
    path = tmp_path_factory.mktemp("crash") / "articles.jsonl"
    with path.open("w", encoding="utf-8") as out:
        for row in corpus_articles[:N_ARTICLES]:
            # The first paragraphs only: whole batches at a test's speed, annotations still plenty.
            row = dict(row, text=row["text"][:row["text"].find("\n", 600) % 1200 or 1200])
            out.write(json.dumps(row, ensure_ascii=False) + "\n")
    return path


@pytest.fixture(scope="module")
def expected(source, pipeline) -> dict[str, tuple]:
    """What a clean ingest stores for each article: its annotation counts."""
    counts = {}
    for item in read_inputs([str(source)]):
        assert isinstance(item, RawArticle)
        doc = pipeline(item)
        n = (len(doc.entities), len(doc.quotes), len(doc.events))
        counts[doc.id] = n + n
    return counts


def test_killed_ingest_leaves_whole_articles_and_a_rerun_completes_it(tmp_path, source, expected):
    db = tmp_path / "store.duckdb"
    crashed = _ingest(source, db)
    assert _kill_during_a_write(crashed, db), crashed.stderr.read()[-1000:]
    assert crashed.returncode == -signal.SIGKILL

    partial = _stored(db)
    assert 0 < len(partial) <= len(expected), "killed after the first batch was committed"
    for doc_id, counts in partial.items():
        assert counts == expected[doc_id], doc_id  # every stored article has all its rows

    # The killed writer's flag is still there: the API must not wait on a dead process.
    client = TestClient(create_app(str(db)))
    began = time.monotonic()
    response = client.get("/api/events", params={"limit": 5})
    assert response.status_code == 200 and time.monotonic() - began < 3.0
    assert client.get("/api/overview").json()["counts"]["articles"] == len(partial)

    # Run it again while the API is queried: every answer comes, none is an error.
    answers: list[tuple[int, float]] = []
    stop = threading.Event()

    def query_all_the_time():
        word = "الحكومة"
        while not stop.is_set():
            for path, params in (("/api/events", {"limit": 20}), ("/api/articles", {"q": word}),
                                 ("/api/overview", {})):
                began = time.monotonic()
                status = client.get(path, params=params).status_code
                answers.append((status, time.monotonic() - began))
            stop.wait(0.05)  # a reader, not a load test: leave the CPU to the ingest

    reader = threading.Thread(target=query_all_the_time)
    reader.start()
    try:
        rerun = _ingest(source, db)
        out, err = rerun.communicate(timeout=300)
    finally:
        stop.set()
        reader.join()
    assert rerun.returncode == 0, err[-2000:]
    assert f"{len(expected) - len(partial)} articles new + {len(partial)} already stored + 0 failed" in err

    assert _stored(db) == expected  # each article once, with all its annotations
    statuses = Counter(status for status, _ in answers)
    assert len(answers) >= 10 and statuses == {200: len(answers)}, statuses
    assert max(seconds for _, seconds in answers) < 10.0
    assert client.get("/api/overview").json()["counts"]["articles"] == len(expected)
