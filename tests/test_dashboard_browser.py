"""The dashboard in headless Chromium (Debian's chromium + Playwright, set up by .ci/run):
search an Arabic word, open the article, see the highlighted quotation and event,
open the event, and check hostile text stays text."""
from __future__ import annotations

import os
import shutil
import socket
import threading
import time

import pytest

from hadath.serve.app import create_app
from hadath.store import open_store
from store_samples import articles

CHROMIUM = os.environ.get("HADATH_CHROMIUM", "/usr/bin/chromium")
ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
        "--disable-component-update", "--disable-sync", "--no-first-run"]
HOSTILE = '<img src=x onerror="window.__pwned=1"><script>window.__pwned=1</script>'

pytestmark = pytest.mark.skipif(not shutil.which(CHROMIUM) and not os.path.exists(CHROMIUM),
                                reason=f"needs Chromium at {CHROMIUM} (.ci/run installs Debian's chromium)")


@pytest.fixture(scope="module")
def server(tmp_path_factory):
    import uvicorn

    path = str(tmp_path_factory.mktemp("dash") / "store.duckdb")
    docs = articles()
    hostile = dict(docs[2], id="hostile", url="javascript:alert(1)", title="نشرة " + HOSTILE,
                   text=docs[2]["text"] + "\n" + HOSTILE)
    with open_store(path) as store:
        store.add(docs[:2] + [hostile])
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]
    config = uvicorn.Config(create_app(path), host="127.0.0.1", port=port, log_level="warning")
    instance = uvicorn.Server(config)
    thread = threading.Thread(target=instance.run, daemon=True)
    thread.start()
    deadline = time.monotonic() + 20
    while not instance.started:
        assert time.monotonic() < deadline, "server did not start"
        time.sleep(0.05)
    yield f"http://127.0.0.1:{port}/"
    instance.should_exit = True
    thread.join(10)


@pytest.fixture(scope="module")
def browser():
    playwright_api = pytest.importorskip("playwright.sync_api")
    with playwright_api.sync_playwright() as p:
        chromium = p.chromium.launch(executable_path=CHROMIUM, args=ARGS)
        yield chromium
        chromium.close()


def test_search_open_article_see_quote_and_event(server, browser, tmp_path):
    page = browser.new_page(viewport={"width": 1280, "height": 900})
    errors = []
    page.on("pageerror", lambda exc: errors.append(str(exc)))
    page.goto(server)
    assert page.locator("html").get_attribute("dir") == "rtl"
    page.fill("input[type=search]", "الاردن")  # written without hamza: normalised search
    page.press("input[type=search]", "Enter")
    result = page.locator(".result h3 a", has_text="مصر والأردن")
    result.wait_for()
    result.click()
    page.wait_for_selector("#article-text")
    quote = page.locator("#article-text .quote").first
    assert "خطوة مهمة" in page.locator("#article-text .quote").all_inner_texts()[-1]
    assert quote.is_visible()
    trigger = page.locator("#article-text .trigger", has_text="وقّعت")
    assert trigger.is_visible()
    trigger.click()
    detail = page.locator("#event-detail")
    assert "AGREE" in detail.inner_text() and "057" in detail.inner_text()
    assert "القاهرة" in detail.inner_text()  # the place
    assert "مصر" in detail.inner_text() and "الأردن" in detail.inner_text()  # the actors
    page.screenshot(path=str(tmp_path / "article.png"), full_page=True)
    assert (tmp_path / "article.png").stat().st_size > 10_000
    assert not errors


def test_views_draw_and_hostile_text_stays_text(server, browser, tmp_path):
    page = browser.new_page(viewport={"width": 1280, "height": 900})
    errors = []
    page.on("pageerror", lambda exc: errors.append(str(exc)))
    page.goto(server + "#/?q=" + "نشرة")
    page.locator(".result h3 a").first.click()
    page.wait_for_selector("#article-text")
    assert HOSTILE in page.locator("#article-text").inner_text()
    assert page.locator("#view img, #view script").count() == 0
    assert page.evaluate("window.__pwned") is None
    assert page.locator("a[href^='javascript']").count() == 0
    page.goto(server + "#/events?country=JOR")
    page.wait_for_selector("#events-table tbody tr")
    assert page.locator("#events-table tbody tr").count() == 4
    page.goto(server + "#/timeline?a=EGY&b=JOR&interval=month")
    page.wait_for_selector("#timeline-chart .bar-conf")
    page.goto(server + "#/network")
    page.wait_for_selector("#network-chart .node")
    page.goto(server + "#/map")
    page.wait_for_selector("#map-chart .place")
    assert page.locator("#map-chart path").count() > 100  # the bundled world outline
    page.screenshot(path=str(tmp_path / "map.png"))
    assert not errors
