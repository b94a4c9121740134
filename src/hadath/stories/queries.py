"""Read queries over the story tables, for the API and the dashboard."""
from __future__ import annotations

import json
from typing import Optional

from ..store.filters import check_text, date_window, like_pattern
from ..store.queries import ESCAPE, _jsonable, page


def list_stories(store, q: Optional[str] = None, source: Optional[str] = None,
                 start: Optional[str] = None, end: Optional[str] = None,
                 limit: int = 20, offset: int = 0) -> dict:
    """Stories, latest first (then the most widely reported); `q` matches words of
    any of the story's articles, `start`/`end` the days it was reported."""
    limit, offset = page(limit, offset)
    clauses, params = [], []
    form = check_text(q, "q")
    article_clauses = ["a.search_text LIKE ?" + ESCAPE for _ in (form.split() if form else [])[:10]]
    params += [like_pattern(w) for w in (form.split() if form else [])[:10]]
    if source:
        article_clauses.append("a.source = ?")
        params.append(source)
    if article_clauses:
        clauses.append("s.story_id IN (SELECT sa.story_id FROM story_articles sa JOIN articles a "
                       f"ON a.id = sa.article_id WHERE {' AND '.join(article_clauses)})")
    dated, days = date_window(start, end, "s.first_seen", "s.last_seen")
    clauses += dated
    params += days
    where = " AND ".join(clauses) or "TRUE"
    total = store.query(f"SELECT count(*) AS n FROM stories s WHERE {where}", params)[0]["n"]
    rows = store.query(
        "SELECT s.story_id, s.title, s.first_seen, s.last_seen, s.num_articles, s.num_sources, "
        f"s.num_reports, s.num_events, s.sources FROM stories s WHERE {where} "
        "ORDER BY s.last_seen DESC NULLS LAST, s.num_sources DESC, s.num_articles DESC, s.story_id "
        "LIMIT ? OFFSET ?", params + [limit, offset])
    items = [_jsonable({**r, "sources": json.loads(r["sources"])}) for r in rows]
    return {"total": int(total), "limit": limit, "offset": offset, "items": items}


def story_detail(store, story_id: str) -> Optional[dict]:
    """One story: its articles (copies marked with the first copy), merged entities,
    quotations and de-duplicated events with their mentions."""
    found = store.query("SELECT * FROM stories WHERE story_id = ?", [story_id])
    if not found:
        return None
    story = found[0]
    articles = store.query(
        "SELECT a.id AS store_id, a.doc_id AS id, a.title, a.source, a.published, a.url, "
        "sa.duplicate_of FROM story_articles sa JOIN articles a ON a.id = sa.article_id "
        "WHERE sa.story_id = ? ORDER BY a.published, a.id", [story_id])
    events = store.query("SELECT * FROM story_events WHERE story_id = ? "
                         "ORDER BY num_articles DESC, event_date, id", [story_id])
    for event in events:
        event["mentions"] = json.loads(event["mentions"])
    return _jsonable({
        "story_id": story["story_id"], "title": story["title"],
        "first_seen": story["first_seen"], "last_seen": story["last_seen"],
        "num_articles": story["num_articles"], "num_sources": story["num_sources"],
        "num_reports": story["num_reports"], "sources": json.loads(story["sources"]),
        "articles": [_jsonable(a) for a in articles],
        "entities": json.loads(story["entities"]), "quotes": json.loads(story["quotes"]),
        "events": [_jsonable(e) for e in events]})
