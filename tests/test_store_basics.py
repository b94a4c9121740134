"""The store on DuckDB: round trip, idempotence, whole-article transactions, queries."""
from __future__ import annotations

import pytest

from hadath.schema import validate_article
from hadath.store import EventFilter, FilterError, open_store, text_hash
from store_samples import articles


@pytest.fixture()
def store(tmp_path):
    with open_store(str(tmp_path / "s.duckdb")) as s:
        yield s


def stored_object(store, doc_id):
    store_id = store.query("SELECT id FROM articles WHERE doc_id = ?", [doc_id])[0]["id"]
    obj = store.article(store_id)
    obj.pop("store_id")
    obj.pop("event_ids")
    return obj


def test_round_trip_gives_back_the_article_object(store):
    docs = articles()
    result = store.add(docs)
    assert (result.new, result.skipped) == (3, 0)
    assert (result.entities, result.quotes, result.events) == (7, 1, 4)
    for doc in docs:
        back = stored_object(store, doc["id"])
        validate_article(back)
        assert back == doc


def test_adding_again_stores_nothing_twice(store):
    store.add(articles())
    before = store.counts()
    again = store.add(articles())
    assert (again.new, again.skipped) == (0, 3)
    assert store.counts() == before


def test_identity_is_url_else_normalised_text(store):
    docs = articles()
    store.add(docs)
    plain = docs[2]
    assert plain["url"] is None
    # The same text with other spelling variants, diacritics and spacing is the same article.
    variant = dict(plain, id="other-id", text=plain["text"].replace("أ", "ا").replace(" ", "  ") + "َ")
    assert store.has(text_hash=text_hash(variant["text"]))
    assert store.add([variant]).skipped == 1
    # A different URL is a different article, even with the same text (a wire copy).
    copy = dict(docs[0], id="copy", url="https://example.org/elsewhere")
    assert store.add([copy]).new == 1
    assert store.has(url="https://example.org/elsewhere")
    assert not store.has(url="https://example.org/never")


def test_duplicates_inside_one_batch_are_stored_once(store):
    doc = articles()[0]
    result = store.add([doc, dict(doc, id="again")])
    assert (result.new, result.skipped) == (1, 1)
    assert store.counts()["articles"] == 1


def test_a_failing_batch_leaves_no_partial_article(store):
    good, broken = articles()[0], articles()[1]
    # Not an integer: the database refuses the events rows, after the article rows went in.
    broken["events"][0]["quad_class"] = "conflict"
    with pytest.raises(Exception):
        store.add([good, broken])
    assert store.counts() == {"articles": 0, "entities": 0, "quotes": 0, "events": 0}
    assert store.add([good]).new == 1  # and the store still works


def test_event_filters_and_dyads(store):
    store.add(articles())
    everything = store.events(EventFilter())
    assert everything["total"] == 4
    jordan = store.events(EventFilter.parse(country="jor"))
    assert jordan["total"] == 4 and all("JOR" in (e["src_country"], e["tgt_country"]) for e in jordan["items"])
    assert store.events(EventFilter.parse(cameo="19"))["items"][0]["plover"] == "ASSAULT"
    assert store.events(EventFilter.parse(actor="EGY", plover="demand"))["total"] == 1
    assert store.events(EventFilter.parse(start="2023-04-01"))["total"] == 2
    assert store.events(EventFilter.parse(outlet="صحيفة التجربة"))["total"] == 2
    dyad = store.dyad("EGY", "JOR", "month")
    assert [(s["period"], s["cooperation"], s["conflict"]) for s in dyad["series"]] == [
        ("2023-03-01", 1, 1), ("2023-04-01", 0, 1)]
    assert dyad["series"][0]["goldstein_mean"] == -1.0
    weeks = store.dyad("EGY", "JOR", "week")["series"]  # quiet weeks are zeros, not gaps
    assert [(w["period"], w["total"]) for w in weeks] == [("2023-03-13", 2), ("2023-03-20", 0), ("2023-03-27", 1)]
    assert store.dyad("EGY", "JOR", "month", directed=True)["series"][-1]["conflict"] == 1
    for bad in (dict(country="Egypt"), dict(plover="FIGHT"), dict(cameo="x1"), dict(start="2023-02-30"),
                dict(start="2023-05-01", end="2023-01-01"), dict(actor="egy gov")):
        with pytest.raises(FilterError):
            EventFilter.parse(**bad)


def test_search_is_normalised_and_literal(store):
    store.add(articles())
    # Written without hamza and with ه for ة: still finds "الأردن" and "اتفاقية".
    found = store.articles(q="الاردن اتفاقيه")
    assert [a["id"] for a in found["items"]] == ["sample-water"]
    assert "الأردن" in found["items"][0]["snippet"] or "اتفاقية" in found["items"][0]["snippet"]
    assert store.articles(q="%")["total"] == 0           # LIKE wildcards are matched literally
    assert store.articles(q="' OR 1=1 --")["total"] == 0
    assert store.quotes(speaker="وزير الري")["items"][0]["text"].startswith("الاتفاقية")
    egypt = store.entities(name="egypt")["items"][0]
    assert (egypt["name"], egypt["articles"]) == ("مصر", 2)
    assert {p["name"] for p in store.places(EventFilter())} == {"القاهرة", "عمّان"}
