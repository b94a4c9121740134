"""Hostile requests against the API: SQL injection through every query and path parameter
(taken from the OpenAPI description, so new ones are covered too), path traversal out of
the static folder, writes without the operator's token, oversized bodies and pages."""
from __future__ import annotations

import json
import urllib.parse

import pytest
from fastapi.testclient import TestClient

from hadath.serve.app import MAX_BODY_BYTES, create_app, static_folder
from hadath.store import open_store
from hostile_article import PAYLOADS, hostile_article
from live_server import live_server, raw_get
from store_samples import articles

TOKEN = "s3cret-operator-token"
INJECTIONS = [
    "' OR 1=1 --",
    "\"; DROP TABLE events; --",
    "1 OR 1=1",
    "' UNION SELECT id, text FROM articles --",
    "%' OR '%'='",
    "＇ OR １=１ --",               # full-width quote and digits
    "ʼ OR 1=1 --",                  # U+02BC, a quote look-alike
    "\u202e' OR 1=1 --",            # right-to-left override
    "'; COPY articles TO '/tmp/hadath-leak.csv'; --",
    "x\x00' OR 1=1 --",
]
# Values that make the other parameters of an endpoint valid, so that the one under test is reached.
VALID = {"a": "EGY", "b": "JOR"}


@pytest.fixture(scope="module")
def db(tmp_path_factory):
    path = str(tmp_path_factory.mktemp("security") / "store.duckdb")
    with open_store(path) as store:
        store.add(articles() + [hostile_article()])
    return path


@pytest.fixture(scope="module")
def app(db):
    return create_app(db)


@pytest.fixture(scope="module")
def client(app):
    return TestClient(app, raise_server_exceptions=False)


def _get_parameters(app) -> list[tuple[str, str, str, bool]]:
    """(path, parameter, where, required) for every GET parameter the API declares."""
    found = []
    for path, methods in app.openapi()["paths"].items():
        for parameter in (methods.get("get") or {}).get("parameters", []):
            found.append((path, parameter["name"], parameter["in"], parameter.get("required", False)))
    return found


def _size(answer) -> int:
    """How many rows an answer holds, whatever its shape."""
    if isinstance(answer, list):
        return len(answer)
    if "total" in answer:
        return answer["total"]
    if "series" in answer:
        return sum(period["total"] for period in answer["series"])
    if "edges" in answer:
        return len(answer["edges"])
    return len(answer)


def _totals(client) -> dict:
    return client.get("/api/overview").json()["counts"]


def test_every_parameter_is_bound_never_spliced(app, client, db):
    """Each payload in each parameter: 200 with no more rows than without it, or a 4xx;
    the SQL text sent to the database never contains the payload."""
    store = app.state.store
    statements: list[str] = []
    query, stream = store.query, store.stream

    def spy_query(sql, params=()):
        statements.append(sql)
        return query(sql, params)

    def spy_stream(sql, params=(), size=2000):
        statements.append(sql)
        return stream(sql, params, size)

    store.query, store.stream = spy_query, spy_stream
    before = _totals(client)
    parameters = _get_parameters(app)
    assert len(parameters) >= 40, "the OpenAPI description lists the filters"
    checked = executed = 0
    try:
        for path, name, where, _ in parameters:
            required = {n: VALID.get(n, "EGY") for p, n, w, r in parameters if p == path and r and n != name}
            baseline = None
            if where == "query":
                valid = {n: VALID.get(n, "EGY") for p, n, w, r in parameters if p == path and r}
                plain = client.get(path, params=valid)
                baseline = plain.json() if plain.status_code == 200 else None
                assert where == "path" or baseline is not None, (path, plain.text[:200])
            for payload in INJECTIONS:
                statements.clear()
                if where == "path":
                    url = path.replace("{" + name + "}", urllib.parse.quote(payload, safe=""))
                    response = client.get(url)
                else:
                    response = client.get(path, params={**required, name: payload})
                assert response.status_code in (200, 400, 404, 422), (path, name, payload, response.text[:300])
                executed += len(statements)
                for sql in statements:
                    assert payload not in sql and payload.strip("'\" ") not in sql, (path, name, sql)
                if response.status_code == 200 and baseline is not None:
                    assert _size(response.json()) <= _size(baseline), (path, name, payload)
                if response.status_code == 200 and name in ("q", "speaker", "name", "source"):
                    assert _size(response.json()) == 0, (path, name, payload)
                checked += 1
    finally:
        store.query, store.stream = query, stream
    assert checked >= 40 * len(INJECTIONS) and executed >= 100  # many payloads reach SQL as values
    assert _totals(client) == before
    with open_store(db, read_only=True, persistent=False) as store:
        tables = {r["name"] for r in store.query("SELECT table_name AS name FROM information_schema.tables")}
    assert {"articles", "entities", "quotes", "events"} <= tables


def test_wildcards_and_look_alikes_match_only_themselves(client):
    everything = client.get("/api/articles", params={"limit": 500}).json()["total"]
    assert everything == 4
    for text in ("%", "_", "%%", "\\", "'", "＇", "٪"):
        assert client.get("/api/articles", params={"q": text}).json()["total"] in (0, everything), text
        assert client.get("/api/articles", params={"q": "الأردن" + text}).json()["total"] == 0, text
    # The hostile article is found by its own payload, as text.
    found = client.get("/api/articles", params={"q": "<script>alert(1)</script>"}).json()
    assert [a["id"] for a in found["items"]] == ["hostile-1"]


@pytest.mark.parametrize("target", [
    "/static/../app.py",
    "/static/../../hadath/serve/app.py",
    "/static/..%2fapp.py",
    "/static/%2e%2e/app.py",
    "/static/%2e%2e%2fapp.py",
    "/static/%252e%252e/app.py",
    "/static/....//app.py",
    "/static/..\\app.py",
    "/static/..%5capp.py",
    "/static//etc/passwd",
    "/static/%2fetc%2fpasswd",
    "/static/../../../../../../../../etc/passwd",
    "/static/%2e%2e/%2e%2e/%2e%2e/%2e%2e/%2e%2e/%2e%2e/etc/passwd",
    "/static/%c0%ae%c0%ae/app.py",
    "/static/app.js%00.py",
    "/../../../../etc/passwd",
    "/%2e%2e/%2e%2e/etc/passwd",
    "/static/file:///etc/passwd",
    "/static/~/.bashrc",
])
def test_no_file_outside_the_static_folder(live, target):
    status, body = raw_get(live, target)
    assert b"root:" not in body and b"def create_app" not in body and b"import " not in body, target
    assert status in (400, 404, 405), (target, status)


def test_static_files_are_served(live):
    status, body = raw_get(live, "/static/app.js")
    assert status == 200 and b"textContent" in body
    with open(f"{static_folder()}/app.js", "rb") as f:
        assert f.read() == body


@pytest.fixture(scope="module")
def live(app):
    with live_server(app) as url:
        yield url


@pytest.fixture(scope="module")
def writable(tmp_path_factory):
    path = str(tmp_path_factory.mktemp("writable") / "store.duckdb")
    open_store(path).close()
    return TestClient(create_app(path, token=TOKEN), raise_server_exceptions=False)


@pytest.mark.parametrize("headers", [
    {},
    {"Authorization": ""},
    {"Authorization": "Bearer"},
    {"Authorization": "Bearer "},
    {"Authorization": f"Bearer {TOKEN[:-1]}"},
    {"Authorization": f"Bearer {TOKEN}x"},
    {"Authorization": f"Bearer {TOKEN} "},
    {"Authorization": f"Basic {TOKEN}"},
    {"Authorization": TOKEN},
    {"X-Token": TOKEN},
    {"Cookie": f"token={TOKEN}"},
])
def test_writes_without_the_exact_token_are_refused(writable, headers):
    response = writable.post(f"/api/articles?token={TOKEN}", json=articles()[0], headers=headers)
    assert response.status_code == 401
    assert writable.get("/api/overview").json()["counts"]["articles"] == 0


def test_read_only_server_refuses_every_write(client):
    before = _totals(client)
    assert client.post("/api/articles", json=articles()[0],
                       headers={"Authorization": f"Bearer {TOKEN}"}).status_code == 403
    for method in ("put", "patch", "delete"):
        for path in ("/api/articles", "/api/articles/1", "/api/events", "/static/app.js"):
            assert getattr(client, method)(path).status_code == 405, (method, path)
    for path in ("/api/events", "/api/quotes", "/api/entities", "/api/dyads", "/"):
        assert client.post(path, json={}).status_code == 405, path
    assert _totals(client) == before


def test_bodies_are_capped(writable):
    auth = {"Authorization": f"Bearer {TOKEN}"}
    big = writable.post("/api/articles", content=b"[" + b" " * MAX_BODY_BYTES + b"]", headers=auth)
    assert big.status_code == 413
    many = writable.post("/api/articles", json=[articles()[0]] * 1001, headers=auth)
    assert many.status_code == 413
    for body in (b"[" * 100_000, b'{"id": ' + b"[" * 5000 + b"]" * 5000 + b"}", b"\xff\xfe{", b"{" * 10):
        response = writable.post("/api/articles", content=body, headers=auth)
        assert response.status_code == 400, (body[:20], response.text[:200])
    bad = dict(articles()[0], text=["not", "text"])
    assert writable.post("/api/articles", json=bad, headers=auth).status_code == 400
    assert writable.get("/api/overview").json()["counts"]["articles"] == 0
    ok = writable.post("/api/articles", json=[hostile_article()], headers=auth)
    assert ok.status_code == 201 and ok.json()["new"] == 1


@pytest.mark.parametrize("path", ["/api/articles", "/api/events", "/api/quotes", "/api/entities",
                                  "/api/network", "/api/places", "/api/dyads/top"])
def test_page_sizes_are_capped(client, path):
    for limit in (0, -1, 501, 10**6, 10**30):
        response = client.get(path, params={"limit": limit})
        assert response.status_code == 400 and response.json()["param"] == "limit", (path, limit)
    if path in ("/api/articles", "/api/events", "/api/quotes", "/api/entities"):
        for offset in (-1, 10**30):
            assert client.get(path, params={"offset": offset}).status_code == 400, (path, offset)
    assert client.get(path, params={"limit": "many"}).status_code == 422
    assert client.get(path, params={"limit": 500}).status_code == 200


def test_answers_carry_the_payloads_only_as_json_strings(client):
    [item] = client.get("/api/articles", params={"q": "عنوان"}).json()["items"]
    doc = client.get(f"/api/articles/{item['store_id']}")
    assert doc.headers["content-type"].startswith("application/json")
    assert doc.headers["x-content-type-options"] == "nosniff"
    assert "script-src 'self'" in doc.headers["content-security-policy"]
    text = json.dumps(doc.json(), ensure_ascii=False)
    for payload in PAYLOADS:
        assert payload in text
