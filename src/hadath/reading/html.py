"""Main text, title and date of a news page, through trafilatura."""
from __future__ import annotations

from dataclasses import dataclass
from typing import Optional

import trafilatura


@dataclass
class Page:
    text: str
    title: Optional[str]
    date: Optional[str]
    url: Optional[str]
    sitename: Optional[str]


def extract_html(html: str) -> Optional[Page]:
    """The article in an HTML page, or None when trafilatura finds none."""
    try:
        result = trafilatura.bare_extraction(html, with_metadata=True, include_comments=False,
                                             include_tables=False, favor_precision=True)
    except (ValueError, TypeError, RecursionError):
        return None  # pages too broken for lxml to build a tree
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
