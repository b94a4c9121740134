"""Stories over the store: copies linked, story tables filled, repeats hidden from events."""
import json

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
    assert (result.articles, result.duplicates, result.stories) == (5, 1, 3)
    return path


def by_doc(store):
    return {r["doc_id"]: r["id"] for r in store.query("SELECT id, doc_id FROM articles")}


def test_copy_is_stored_but_linked_to_the_first_copy(db):
    with open_store(db, read_only=True) as store:
        ids = by_doc(store)
        links = {r["article_id"]: r for r in store.query("SELECT * FROM story_articles")}
    assert len(links) == 5
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
        assert store.query("SELECT count(*) AS n FROM stories")[0]["n"] == 3
        assert store.query("SELECT count(*) AS n FROM event_links")[0]["n"] == 7
