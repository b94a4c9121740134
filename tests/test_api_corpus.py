"""The JSON API over a store built by `hadath ingest` from real corpus articles, plus
hand-made articles whose annotations are known exactly."""
from __future__ import annotations

import json
import re

import pytest
from fastapi.testclient import TestClient

from hadath.cli import main
from hadath.schema import validate_article
from hadath.serve.app import create_app
from hadath.store import open_store, search_form
from store_samples import articles

N_CORPUS = 60
TOKEN = "operator-secret-token"


@pytest.fixture(scope="module")
def db(tmp_path_factory, corpus_articles):
    folder = tmp_path_factory.mktemp("api")
    source = folder / "corpus.jsonl"
    with source.open("w", encoding="utf-8") as out:
        for row in corpus_articles[:N_CORPUS]:
            out.write(json.dumps(row, ensure_ascii=False) + "\n")
    path = str(folder / "store.duckdb")
    assert main(["ingest", str(source), "--db", path]) == 0
    with open_store(path) as store:
        store.add(articles())
    return {"path": path, "source": str(source)}


@pytest.fixture(scope="module")
def client(db):
    return TestClient(create_app(db["path"]))


def test_reingesting_the_same_articles_changes_no_count(db, capsys):
    with open_store(db["path"], read_only=True, persistent=False) as store:
        before = store.counts()
    assert before["articles"] == N_CORPUS + len(articles())
    assert main(["ingest", db["source"], "--db", db["path"]]) == 0
    summary = capsys.readouterr().err
    assert f"0 articles new + {N_CORPUS} already stored + 0 failed" in summary
    with open_store(db["path"], read_only=True, persistent=False) as store:
        assert store.counts() == before


def test_overview_and_article_listing(client):
    overview = client.get("/api/overview").json()
    assert overview["counts"]["articles"] == N_CORPUS + 3
    listing = client.get("/api/articles", params={"limit": 10, "offset": 5}).json()
    assert listing["total"] == N_CORPUS + 3 and len(listing["items"]) == 10
    dates = [a["published"] for a in listing["items"] if a["published"]]
    assert dates == sorted(dates, reverse=True)


def test_arabic_search_folds_spelling_variants(client, corpus_articles):
    # A word with hamza on alef, searched without it, finds every article containing it.
    listing = client.get("/api/articles/1").json()
    word = next(w for w in re.findall(r"\w+", listing["text"]) if "أ" in w and len(w) > 4)
    folded = word.replace("أ", "ا")
    found = client.get("/api/articles", params={"q": folded, "limit": 500}).json()
    assert found["total"] >= 1 and 1 in [a["store_id"] for a in found["items"]]
    for item in found["items"]:
        full = client.get(f"/api/articles/{item['store_id']}").json()
        assert search_form(folded) in search_form((full["title"] or "") + "\n" + full["text"])


def test_every_stored_article_is_a_valid_article_object(client):
    total = client.get("/api/overview").json()["counts"]["articles"]
    for store_id in range(1, total + 1, 7):
        obj = client.get(f"/api/articles/{store_id}").json()
        assert obj["store_id"] == store_id and len(obj["event_ids"]) == len(obj["events"])
        obj.pop("store_id"), obj.pop("event_ids")
        validate_article(obj)


def test_hand_made_article_comes_back_whole(client):
    found = client.get("/api/articles", params={"q": "الموارد المائية"}).json()["items"]
    [item] = [i for i in found if i["id"] == "sample-water"]
    obj = client.get(f"/api/articles/{item['store_id']}").json()
    obj.pop("store_id"), obj.pop("event_ids")
    assert obj == articles()[0]


def test_event_filters_agree_with_the_rows(client):
    everything = client.get("/api/events", params={"limit": 500}).json()
    assert everything["total"] >= 4
    sample = everything["items"][0]
    if sample["src_country"]:
        by_country = client.get("/api/events", params={"country": sample["src_country"], "limit": 500}).json()
        assert all(sample["src_country"] in (e["src_country"], e["tgt_country"]) for e in by_country["items"])
    assert everything["total"] <= 500  # so that the counts below see every event
    by_type = client.get("/api/events", params={"plover": sample["plover"], "limit": 500}).json()
    assert by_type["total"] == sum(1 for e in everything["items"] if e["plover"] == sample["plover"])
    window = client.get("/api/events", params={"start": "2023-03-01", "end": "2023-04-30",
                                               "source": "وكالة المثال"}).json()
    assert sorted(e["plover"] for e in window["items"]) == ["AGREE", "ASSAULT"]
    paged = [client.get("/api/events", params={"limit": 3, "offset": k}).json()["items"] for k in (0, 3)]
    assert {e["id"] for e in paged[0]}.isdisjoint({e["id"] for e in paged[1]})


def test_dyads_quotes_entities_network_places(client):
    dyad = client.get("/api/dyads", params={"a": "egy", "b": "JOR", "interval": "month"}).json()
    march = next(s for s in dyad["series"] if s["period"] == "2023-03-01")
    assert (march["cooperation"], march["conflict"], march["quad"]["4"]) == (1, 1, 1)
    weekly = client.get("/api/dyads", params={"a": "EGY", "b": "JOR", "interval": "week"}).json()
    assert sum(s["total"] for s in weekly["series"]) == sum(s["total"] for s in dyad["series"])
    quotes = client.get("/api/quotes", params={"speaker": "وزير الري"}).json()
    assert quotes["items"][0]["speaker_name"] == "وزير الري المصري"
    for name in ("jordan", "الاردن"):
        entity = client.get("/api/entities", params={"name": name}).json()["items"]
        assert any(e["latin"] == "Jordan" and e["articles"] >= 2 for e in entity)
    network = client.get("/api/network").json()
    assert {"source": "EGY", "target": "JOR"} in [{k: e[k] for k in ("source", "target")} for e in network["edges"]]
    places = client.get("/api/places", params={"country": "JOR"}).json()
    assert "عمّان" in {p["name"] for p in places}


@pytest.mark.parametrize("path, params, param", [
    ("/api/events", {"country": "Jordan"}, "country"),
    ("/api/events", {"plover": "FIGHT"}, "plover"),
    ("/api/events", {"cameo": "1;DROP TABLE events"}, "cameo"),
    ("/api/events", {"start": "yesterday"}, "start"),
    ("/api/events", {"limit": 100000}, "limit"),
    ("/api/articles", {"offset": -1}, "offset"),
    ("/api/dyads", {"a": "EGY", "b": "JOR", "interval": "year"}, "interval"),
    ("/api/entities", {"type": "CITY"}, "type"),
    ("/api/articles", {"q": "ا" * 500}, "q"),
])
def test_bad_parameters_are_clear_400s(client, path, params, param):
    response = client.get(path, params=params)
    assert response.status_code == 400
    assert response.json()["param"] == param and param in response.json()["detail"]


def test_injection_payloads_are_only_data(client):
    before = client.get("/api/overview").json()["counts"]
    for payload in ("' OR '1'='1", "%_%_%", "\\%", "'; DROP TABLE articles; --"):
        for path, name in (("/api/articles", "q"), ("/api/quotes", "speaker"), ("/api/entities", "name"),
                           ("/api/events", "source")):
            response = client.get(path, params={name: payload})
            assert response.status_code == 200 and response.json()["total"] == 0, (path, payload)
    assert client.get("/api/overview").json()["counts"] == before


def test_missing_article_and_no_files_outside_static(client):
    assert client.get("/api/articles/999999").status_code == 404
    assert client.get("/static/../app.py").status_code == 404
    assert client.get("/static/%2e%2e/app.py").status_code == 404
    page = client.get("/")
    assert page.status_code == 200 and 'dir="rtl"' in page.text
    assert "default-src 'self'" in page.headers["content-security-policy"]
    docs = client.get("/docs")  # the API's own documentation page, nothing fetched from elsewhere
    assert docs.status_code == 200 and "/static/api.js" in docs.text and "http" not in docs.text.split("<body>")[1]
    assert "/api/dyads" in client.get("/openapi.json").json()["paths"]


def test_writing_needs_the_operators_token(db, tmp_path):
    read_only = TestClient(create_app(db["path"]))
    assert read_only.post("/api/articles", json=articles()[0]).status_code == 403
    path = str(tmp_path / "writable.duckdb")
    open_store(path).close()
    writable = TestClient(create_app(path, token=TOKEN))
    assert writable.post("/api/articles", json=articles()[0]).status_code == 401
    assert writable.post("/api/articles", json=articles()[0],
                         headers={"Authorization": "Bearer wrong"}).status_code == 401
    bad = dict(articles()[0], events="none")
    assert writable.post("/api/articles", json=bad, headers={"Authorization": f"Bearer {TOKEN}"}).status_code == 400
    added = writable.post("/api/articles", json=articles(), headers={"Authorization": f"Bearer {TOKEN}"})
    assert added.status_code == 201 and added.json()["new"] == 3 and added.json()["events"] == 4
    again = writable.post("/api/articles", json=articles(), headers={"Authorization": f"Bearer {TOKEN}"})
    assert again.json() == {"new": 0, "skipped": 3, "entities": 0, "quotes": 0, "events": 0}
    assert writable.get("/api/overview").json()["counts"]["events"] == 4
