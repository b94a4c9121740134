"""The store's story tables (DuckDB and PostgreSQL), filled by store_sync.

- story_articles: every stored article's story, and the first copy it duplicates
  (`duplicate_of`, NULL for originals). Copies stay stored but are not counted.
- stories: one row per story with its counts, sources, merged entities and quotations.
- story_events: one row per de-duplicated event, with its mentions (article store
  id, event row id, sentence and trigger spans) and GDELT-style counts.
- event_links: every stored event row → its story event. `is_first` marks the
  one report that stands for the event; the others (later reports, events of
  copies) are hidden when events are de-duplicated. Events not linked yet (added
  since the last sync) count as first reports.

This module imports nothing: the store creates these tables with its own.
"""
from __future__ import annotations

COLUMNS: dict[str, list[tuple[str, str]]] = {
    "story_articles": [
        ("article_id", "BIGINT"), ("story_id", "TEXT"), ("duplicate_of", "BIGINT"),
    ],
    "stories": [
        ("story_id", "TEXT"), ("title", "TEXT"), ("first_seen", "DATE"), ("last_seen", "DATE"),
        ("num_articles", "INTEGER"), ("num_sources", "INTEGER"), ("num_reports", "INTEGER"),
        ("num_events", "INTEGER"),
        ("sources", "TEXT"),              # JSON list of outlets
        ("article_ids", "TEXT"),          # JSON list of store ids of the originals
        ("entities", "TEXT"), ("quotes", "TEXT"),   # JSON, as Story.to_dict() gives them
    ],
    "story_events": [
        ("id", "TEXT"), ("story_id", "TEXT"), ("first_event", "BIGINT"),
        ("plover", "TEXT"), ("mode", "TEXT"), ("cameo", "TEXT"), ("goldstein", "FLOAT8"),
        ("quad_class", "INTEGER"), ("negated", "BOOLEAN"),
        ("src_actor", "TEXT"), ("src_name", "TEXT"), ("src_country", "TEXT"),
        ("tgt_actor", "TEXT"), ("tgt_name", "TEXT"), ("tgt_country", "TEXT"),
        ("event_date", "DATE"), ("location_name", "TEXT"),
        ("num_mentions", "INTEGER"), ("num_articles", "INTEGER"), ("num_sources", "INTEGER"),
        ("mentions", "TEXT"),             # JSON list of {article, event, source, sentence, trigger}
    ],
    "event_links": [
        ("event_id", "BIGINT"), ("story_event_id", "TEXT"), ("story_id", "TEXT"),
        ("is_first", "BOOLEAN"), ("num_articles", "INTEGER"), ("num_sources", "INTEGER"),
    ],
}

KEYS = {"story_articles": "article_id", "stories": "story_id", "story_events": "id",
        "event_links": "event_id"}


def create_statements() -> list[str]:
    statements = []
    for table, columns in COLUMNS.items():
        body = ", ".join(f"{name} {sqltype}" for name, sqltype in columns)
        statements.append(f"CREATE TABLE IF NOT EXISTS {table} ({body}, PRIMARY KEY ({KEYS[table]}))")
    statements.append("CREATE INDEX IF NOT EXISTS story_articles_story ON story_articles (story_id)")
    statements.append("CREATE INDEX IF NOT EXISTS story_events_story ON story_events (story_id)")
    return statements


# Conditions the store's event queries add (events aliased `alias`):
def first_reports_only(alias: str) -> str:
    """Keep one report per de-duplicated event."""
    return f"{alias}.id NOT IN (SELECT event_id FROM event_links WHERE NOT is_first)"
