"""Main text, title and date of a news page, through trafilatura."""
from __future__ import annotations

from dataclasses import dataclass
from html import escape
from html.parser import HTMLParser
from typing import Optional


@dataclass
class Page:
    text: str
    title: Optional[str]
    date: Optional[str]
    url: Optional[str]
    sitename: Optional[str]


def extract_html(html: str) -> Optional[Page]:
    """The article in an HTML page, or None when trafilatura finds none."""
    result = _bare_extraction(html)
    if result is None:
        # lxml drops everything nested deeper than 255 elements: try again without the nesting.
        result = _bare_extraction(_flattened(html))
    if result is None:
        return None
    data = result.as_dict() if hasattr(result, "as_dict") else dict(result)
    text = data.get("text") or ""
    title = data.get("title")
    # trafilatura repeats the <h1> as the first line of the text; the title is kept apart.
    if title and text.startswith(title):
        text = text[len(title):].lstrip("\n")
    return Page(text=text, title=title, date=data.get("date"), url=data.get("url"),
                sitename=data.get("sitename"))


def _bare_extraction(html: str):
    import trafilatura  # here, not at the top: its import costs more than hadath's start-up on text input

    try:
        return trafilatura.bare_extraction(html, with_metadata=True, include_comments=False,
                                           include_tables=False, favor_precision=True)
    except (ValueError, TypeError, RecursionError):
        return None  # pages too broken for lxml to build a tree


class _Flattener(HTMLParser):
    """Rebuilds a page keeping only the tags that carry text and metadata (paragraphs,
    headings, title, meta), so that any depth of <div>/<span> nesting becomes flat."""

    KEEP = {"html", "head", "body", "title", "meta", "article", "p", "h1", "h2", "h3", "h4", "h5",
            "h6", "li", "br", "time"}
    SKIP = {"script", "style", "noscript", "template", "svg"}

    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.parts: list[str] = []
        self.skipping = 0

    def handle_starttag(self, tag, attrs):
        if tag in self.SKIP:
            self.skipping += 1
        elif tag in self.KEEP and not self.skipping:
            values = "".join(f' {k}="{escape(v or "", quote=True)}"' for k, v in attrs)
            self.parts.append(f"<{tag}{values}>")

    def handle_endtag(self, tag):
        if tag in self.SKIP:
            self.skipping = max(0, self.skipping - 1)
        elif tag in self.KEEP and not self.skipping:
            self.parts.append(f"</{tag}>")

    def handle_data(self, data):
        if not self.skipping:
            self.parts.append(escape(data, quote=False))


def _flattened(html: str) -> str:
    flattener = _Flattener()
    flattener.feed(html)
    flattener.close()
    return "".join(flattener.parts)
