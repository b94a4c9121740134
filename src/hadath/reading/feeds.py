"""RSS and Atom feed files (feedparser): one article per entry.

An entry's text is its full content when the feed carries it, else its summary;
HTML in either is reduced to plain text with paragraph breaks kept.
"""
from __future__ import annotations

from pathlib import Path
from typing import Iterator, Optional

# A feed holds many articles: allow more than one article's worth of bytes.
MAX_FEED_BYTES = 50_000_000


def read_feed(path: Path, published: Optional[str]) -> Iterator:
    import feedparser

    from .inputs import InputProblem, _article

    origin = str(path)
    try:
        size = path.stat().st_size
        if size > MAX_FEED_BYTES:
            yield InputProblem(origin, f"feed too large ({size / 1e6:.0f} MB, limit {MAX_FEED_BYTES / 1e6:.0f} MB)")
            return
        data = path.read_bytes()
    except OSError as exc:
        yield InputProblem(origin, f"cannot read ({exc.strerror or exc})")
        return
    feed = feedparser.parse(data)
    if not feed.entries:
        reason = f" ({feed.bozo_exception})" if feed.get("bozo") else ""
        yield InputProblem(origin, f"not an RSS or Atom feed, or a feed without entries{reason}")
        return
    outlet = feed.feed.get("title") or None
    for n, entry in enumerate(feed.entries, 1):
        where = f"{origin} entry {n}"
        html = entry.content[0].value if entry.get("content") else entry.get("summary", "")
        record = {"id": entry.get("id") or entry.get("link") or f"{path.stem}-{n}",
                  "text": fragment_text(html or ""), "title": entry.get("title"),
                  "url": entry.get("link"), "source": outlet,
                  "published": entry.get("published") or entry.get("updated")}
        yield _article(record, where, published, None)


def fragment_text(html: str) -> str:
    """Plain text of an HTML fragment, one line per paragraph or line break."""
    if "<" not in html:
        return html.strip()
    import lxml.html

    try:
        root = lxml.html.fragment_fromstring(html, create_parent="div")
    except Exception:  # lxml raises several types on broken markup; the text is still wanted
        return html.strip()
    for element in root.iter("script", "style"):
        element.drop_tree()
    for element in root.iter("br", "p", "div", "li", "h1", "h2", "h3", "h4", "tr"):
        element.tail = "\n" + (element.tail or "")
    lines = (" ".join(line.split()) for line in root.text_content().split("\n"))
    return "\n".join(line for line in lines if line)
