"""Script and event-handler payloads in an article's text, title, source, entity names,
quotation, speaker and place, shown by every dashboard view in headless Chromium: no
dialog opens, no element or handler comes from the data, and the payloads read as text."""
from __future__ import annotations

import pytest

from hadath.serve.app import create_app
from hadath.store import open_store
from hostile_article import IMG, PAYLOADS, SCRIPT, SVG, hostile_article
from live_server import live_server
from store_samples import articles
from test_dashboard_browser import browser, pytestmark  # noqa: F401  (Chromium fixture and its skip)

# Elements or attributes that only injected markup would create inside the view.
INJECTED = """() => {
  const view = document.getElementById("view");
  const nodes = [...view.querySelectorAll("*")];
  return {
    elements: view.querySelectorAll("script, img, iframe, object, embed, foreignObject, b").length,
    handlers: nodes.filter((n) => [...n.attributes].some((a) => a.name.startsWith("on"))).length,
    scriptLinks: nodes.filter((n) => /^\\s*javascript:/i.test(n.getAttribute("href") || "")).length,
  };
}"""


@pytest.fixture(scope="module")
def dashboard(tmp_path_factory):
    path = str(tmp_path_factory.mktemp("xss") / "store.duckdb")
    with open_store(path) as store:
        store.add(articles()[:2] + [hostile_article()])
    with live_server(create_app(path)) as url:
        yield url


@pytest.fixture
def page(browser):
    page = browser.new_page(viewport={"width": 1280, "height": 900})
    page.dialogs, page.errors = [], []
    page.on("dialog", lambda dialog: (page.dialogs.append(dialog.message), dialog.dismiss()))
    page.on("pageerror", lambda exc: page.errors.append(str(exc)))
    yield page
    page.close()


def _clean(page) -> None:
    assert page.evaluate(INJECTED) == {"elements": 0, "handlers": 0, "scriptLinks": 0}
    assert page.dialogs == [] and page.errors == []


def test_article_page_shows_payloads_as_text(dashboard, page):
    page.goto(dashboard + "#/?q=" + "عنوان")
    page.wait_for_selector(".result h3 a")
    assert SCRIPT in page.locator(".result h3 a").inner_text()
    _clean(page)
    page.locator(".result h3 a").click()
    page.wait_for_selector("#article-text")
    text = page.locator("#article-text").inner_text()
    for payload in PAYLOADS:
        assert payload in text
    assert SCRIPT in page.locator("h2").inner_text() and IMG in page.locator("h2").inner_text()
    side = page.locator(".side").inner_text()
    assert IMG in side and SVG in side  # entity list, quotation list
    page.locator("#article-text .trigger").first.click()
    detail = page.locator("#event-detail").inner_text()
    assert SCRIPT in detail and IMG in detail and SVG in detail  # actors and place
    # The marks are spans with text, whatever the payload's markup.
    assert page.locator("#article-text .ent").count() == 3
    _clean(page)


@pytest.mark.parametrize("view, ready, payload", [
    ("#/events", "#events-table tbody tr", IMG),
    ("#/quotes", ".card blockquote", SCRIPT),
    ("#/entities", "table tbody tr", SVG),
    ("#/network", "#network-chart .node", None),
    ("#/map", "#map-chart .place", None),
])
def test_every_view_keeps_payloads_inert(dashboard, page, view, ready, payload):
    page.goto(dashboard + view)
    page.wait_for_selector(ready)
    if payload:
        assert payload in page.locator("#view").inner_text()
    else:  # SVG labels and tooltips
        labels = page.evaluate("() => [...document.querySelectorAll('#view svg text, #view svg title')]"
                               ".map((n) => n.textContent).join(' ')")
        assert SVG in labels or SCRIPT in labels or IMG in labels
    _clean(page)
