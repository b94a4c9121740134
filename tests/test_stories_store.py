"""Stories over the store: copies linked, story tables filled, repeats hidden from events."""
import json
import os
import uuid
from urllib.parse import urlsplit, urlunsplit

import pytest
from stories_articles import visit_stories

from hadath.store import open_store
from hadath.stories.store_sync import sync_stories


@pytest.fixture(scope="module")
def db(tmp_path_factory):
    path = str(tmp_path_factory.mktemp("stories") / "s.duckdb")
    with open_store(path) as store:
        store.add(visit_stories())
    result = sync_stories(path)
    assert (result.articles, result.duplicates, result.stories) == (9, 1, 7)
    return path


def by_doc(store):
    return {r["doc_id"]: r["id"] for r in store.query("SELECT id, doc_id FROM articles")}


def test_copy_is_stored_but_linked_to_the_first_copy(db):
    with open_store(db, read_only=True) as store:
        ids = by_doc(store)
        links = {r["article_id"]: r for r in store.query("SELECT * FROM story_articles")}
    assert len(links) == 9
    assert links[ids["a2"]]["duplicate_of"] == ids["a1"]
    assert links[ids["a1"]]["duplicate_of"] is None
    assert links[ids["a1"]]["story_id"] == links[ids["a3"]]["story_id"] == links[ids["a2"]]["story_id"]
    assert links[ids["b1"]]["story_id"] != links[ids["a1"]]["story_id"]


def test_story_rows_count_originals_only(db):
    with open_store(db, read_only=True) as store:
        ids = by_doc(store)
        story = store.query("SELECT s.* FROM stories s JOIN story_articles l ON l.story_id = s.story_id "
                            "WHERE l.article_id = ?", [ids["a1"]])[0]
    assert (story["num_articles"], story["num_sources"], story["num_reports"]) == (2, 2, 3)
    assert json.loads(story["article_ids"]) == [ids["a1"], ids["a3"]]


def test_each_event_row_is_linked_and_one_report_stands_for_each_event(db):
    with open_store(db, read_only=True) as store:
        ids = by_doc(store)
        n_events = store.counts()["events"]
        links = store.query("SELECT l.*, e.article_id FROM event_links l JOIN events e ON e.id = l.event_id")
        merged = store.query("SELECT * FROM story_events WHERE num_articles = 2")
    assert len(links) == n_events == 7
    firsts = [l for l in links if l["is_first"]]
    assert len(firsts) == 5       # a1 meeting (with a3's), a3 agreement, a3 late visit, b1, c1
    copy_links = [l for l in links if l["article_id"] == ids["a2"]]
    assert copy_links and not any(l["is_first"] for l in copy_links)
    assert len(merged) == 1 and merged[0]["plover"] == "CONSULT" and merged[0]["num_sources"] == 2
    mentions = json.loads(merged[0]["mentions"])
    assert {m["article"] for m in mentions} == {ids["a1"], ids["a3"]}


def test_sync_again_replaces_rather_than_adds(db):
    sync_stories(db)
    with open_store(db, read_only=True) as store:
        assert store.query("SELECT count(*) AS n FROM stories")[0]["n"] == 7
        assert store.query("SELECT count(*) AS n FROM event_links")[0]["n"] == 7


def test_events_are_de_duplicated_by_default_with_a_switch_for_every_report(db):
    from hadath.store import EventFilter

    with open_store(db, read_only=True) as store:
        ids = by_doc(store)
        merged = store.events(EventFilter())
        every = store.events(EventFilter.parse(every_report=True))
        one_article = store.events(EventFilter.parse(article=ids["a2"]))
    assert (merged["total"], every["total"]) == (5, 7)
    assert one_article["total"] == 1   # an article's own events are all shown
    meeting = next(e for e in merged["items"] if e["num_articles"] == 2)
    assert meeting["num_sources"] == 2 and meeting["story_id"]


def test_story_list_and_detail(db):
    from hadath.stories.queries import list_stories, story_detail

    with open_store(db, read_only=True) as store:
        listed = list_stories(store, q="الكهربائي")
        assert listed["total"] == 2   # the visit story and the later visit, not the floods
        widest = max(listed["items"], key=lambda s: s["num_articles"])
        detail = story_detail(store, widest["story_id"])
        assert story_detail(store, "nope") is None
    assert detail["num_reports"] == 3
    copies = [a for a in detail["articles"] if a["duplicate_of"] is not None]
    assert [a["id"] for a in copies] == ["a2"]
    assert detail["events"][0]["num_articles"] == 2


def test_api_shows_stories_and_merged_events_with_a_switch(db):
    from fastapi.testclient import TestClient

    from hadath.serve.app import create_app

    client = TestClient(create_app(db))
    assert client.get("/api/events").json()["total"] == 5
    assert client.get("/api/events", params={"every_report": "true"}).json()["total"] == 7
    listed = client.get("/api/stories").json()
    assert listed["total"] == 7
    widest = max(listed["items"], key=lambda s: s["num_articles"])
    detail = client.get(f"/api/stories/{widest['story_id']}").json()
    assert detail["num_sources"] == 2 and len(detail["articles"]) == 3
    assert client.get("/api/stories/none").status_code == 404


@pytest.mark.skipif(not os.environ.get("HADATH_TEST_POSTGRES"),
                    reason="HADATH_TEST_POSTGRES is not set (.ci/run starts a server)")
def test_stories_on_postgresql():
    import psycopg

    server = os.environ["HADATH_TEST_POSTGRES"]
    name = "hadath_stories_" + uuid.uuid4().hex[:10]
    with psycopg.connect(server, autocommit=True) as admin:
        admin.execute(f"CREATE DATABASE {name}")
    url = urlunsplit(urlsplit(server)._replace(path="/" + name))
    try:
        with open_store(url) as store:
            store.add(visit_stories())
        assert sync_stories(url).stories == 7
        with open_store(url, read_only=True) as store:
            from hadath.store import EventFilter
            assert store.events(EventFilter())["total"] == 5
            assert store.events(EventFilter.parse(every_report=True))["total"] == 7
            copies = store.query("SELECT count(*) AS n FROM story_articles WHERE duplicate_of IS NOT NULL")
            assert copies[0]["n"] == 1
    finally:
        with psycopg.connect(server, autocommit=True) as admin:
            admin.execute(f"DROP DATABASE IF EXISTS {name} WITH (FORCE)")


def test_exports_carry_story_counts_and_jsonl_keeps_copies(db, tmp_path):
    from hadath.cli import main

    out = tmp_path / "events.csv"
    assert main(["export", "--db", db, "--format", "csv", "-o", str(out)]) == 0
    header, *rows = out.read_text(encoding="utf-8").splitlines()
    assert {"story_id", "num_articles", "num_sources"} <= set(header.split(","))
    assert len(rows) == 5
    assert main(["export", "--db", db, "--format", "csv", "--every-report", "-o", str(out)]) == 0
    assert len(out.read_text(encoding="utf-8").splitlines()) == 1 + 7
    articles = tmp_path / "articles.jsonl"
    assert main(["export", "--db", db, "--format", "jsonl", "--plover", "CONSULT", "-o", str(articles)]) == 0
    ids = {json.loads(line)["id"] for line in articles.read_text(encoding="utf-8").splitlines()}
    assert ids == {"a1", "a2", "a3", "c1"}
