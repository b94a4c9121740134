"""The same store on a real PostgreSQL server (.ci/run starts one and sets HADATH_TEST_POSTGRES)."""
from __future__ import annotations

import os
import uuid
from urllib.parse import urlsplit, urlunsplit

import pytest

from hadath.store import EventFilter, open_store
from store_samples import articles

SERVER = os.environ.get("HADATH_TEST_POSTGRES")
pytestmark = pytest.mark.skipif(not SERVER, reason="HADATH_TEST_POSTGRES is not set "
                                "(postgresql://... of a server where the tests may create a database)")


@pytest.fixture(scope="module")
def database():
    import psycopg

    name = "hadath_test_" + uuid.uuid4().hex[:10]
    with psycopg.connect(SERVER, autocommit=True) as admin:
        admin.execute(f"CREATE DATABASE {name}")
    parts = urlsplit(SERVER)
    yield urlunsplit(parts._replace(path="/" + name))
    with psycopg.connect(SERVER, autocommit=True) as admin:
        admin.execute(f"DROP DATABASE IF EXISTS {name} WITH (FORCE)")


def test_postgres_round_trip_idempotence_and_queries(database):
    docs = articles()
    with open_store(database) as store:
        result = store.add(docs)
        assert (result.new, result.entities, result.quotes, result.events) == (3, 7, 1, 4)
        assert store.add(articles()).skipped == 3
        assert store.counts() == {"articles": 3, "entities": 7, "quotes": 1, "events": 4}
        for doc in docs:
            store_id = store.query("SELECT id FROM articles WHERE doc_id = ?", [doc["id"]])[0]["id"]
            back = store.article(store_id)
            back.pop("store_id"), back.pop("event_ids")
            assert back == doc
    reader = open_store(database, read_only=True, persistent=False)
    assert reader.events(EventFilter.parse(country="EGY"))["total"] == 3
    assert reader.events(EventFilter.parse(country="EGY", cameo="19"))["total"] == 1
    assert [s["conflict"] for s in reader.dyad("EGY", "JOR", "month")["series"]] == [1, 1]
    assert reader.articles(q="الاردن اتفاقيه")["items"][0]["id"] == "sample-water"
    assert reader.articles(q="%' OR '1'='1")["total"] == 0
    with pytest.raises(Exception):
        reader.add(articles())


def test_postgres_failing_batch_leaves_nothing(database):
    broken = articles()
    for doc in broken:
        doc["url"] = (doc["url"] or "https://example.org/") + "#broken"
        doc["id"] += "-broken"
    broken[1]["events"][0]["quad_class"] = "conflict"
    with open_store(database) as store:
        before = store.counts()
        with pytest.raises(Exception):
            store.add(broken)
        assert store.counts() == before
