"""The store's tables, written once for both DuckDB and PostgreSQL.

Each annotation keeps its character offsets into `articles.text`, so a row can
always be traced to the characters it came from. Types are the common subset of
both databases (FLOAT8 is DOUBLE in DuckDB, DOUBLE PRECISION in PostgreSQL).
"""
from __future__ import annotations

from ..stories.tables import create_statements as story_statements

ARTICLES = "articles"
ENTITIES = "entities"
QUOTES = "quotes"
EVENTS = "events"

COLUMNS: dict[str, list[tuple[str, str]]] = {
    ARTICLES: [
        ("id", "BIGINT"), ("doc_id", "TEXT"), ("url", "TEXT"), ("text_hash", "TEXT"),
        ("source", "TEXT"), ("title", "TEXT"), ("published", "DATE"), ("language", "TEXT"),
        ("encoding", "TEXT"), ("text", "TEXT"),
        ("search_text", "TEXT"),          # normalised title + text, what search matches
        ("n_entities", "INTEGER"), ("n_quotes", "INTEGER"), ("n_events", "INTEGER"),
        ("added", "TIMESTAMP"),
    ],
    ENTITIES: [
        ("article_id", "BIGINT"), ("idx", "INTEGER"), ("entity_id", "TEXT"), ("type", "TEXT"),
        ("name", "TEXT"), ("search_name", "TEXT"), ("latin", "TEXT"), ("country", "TEXT"),
        ("actor", "TEXT"), ("role", "TEXT"), ("geo", "TEXT"),   # geo: the JSON object as given
        ("lat", "FLOAT8"), ("lon", "FLOAT8"),
        ("mentions", "TEXT"),                                    # JSON list of [start, end]
        ("n_mentions", "INTEGER"), ("first_start", "INTEGER"), ("first_end", "INTEGER"),
    ],
    QUOTES: [
        ("article_id", "BIGINT"), ("idx", "INTEGER"), ("text", "TEXT"),
        ("span_start", "INTEGER"), ("span_end", "INTEGER"), ("kind", "TEXT"),
        ("speaker", "TEXT"), ("speaker_name", "TEXT"), ("search_speaker", "TEXT"),
        ("speaker_role", "TEXT"), ("cue", "TEXT"), ("cue_start", "INTEGER"), ("cue_end", "INTEGER"),
    ],
    EVENTS: [
        ("id", "BIGINT"), ("article_id", "BIGINT"), ("idx", "INTEGER"),
        ("plover", "TEXT"), ("mode", "TEXT"), ("cameo", "TEXT"), ("goldstein", "FLOAT8"),
        ("quad_class", "INTEGER"),
        ("src_entity", "TEXT"), ("src_actor", "TEXT"), ("src_country", "TEXT"),
        ("src_text", "TEXT"), ("src_name", "TEXT"), ("src_start", "INTEGER"), ("src_end", "INTEGER"),
        ("tgt_entity", "TEXT"), ("tgt_actor", "TEXT"), ("tgt_country", "TEXT"),
        ("tgt_text", "TEXT"), ("tgt_name", "TEXT"), ("tgt_start", "INTEGER"), ("tgt_end", "INTEGER"),
        ("has_target", "BOOLEAN"),
        ("trigger_start", "INTEGER"), ("trigger_end", "INTEGER"), ("trigger_text", "TEXT"),
        ("sentence_start", "INTEGER"), ("sentence_end", "INTEGER"),
        ("date", "DATE"),
        ("event_date", "DATE"),           # the event's date, else the article's publication date
        ("location", "TEXT"), ("location_name", "TEXT"), ("location_country", "TEXT"),
        ("location_kind", "TEXT"), ("lat", "FLOAT8"), ("lon", "FLOAT8"),
        ("negated", "BOOLEAN"), ("reported_by", "TEXT"), ("confidence", "FLOAT8"),
        ("outlet", "TEXT"),               # the article's source, copied so event filters need no join
    ],
}

SEQUENCES = ("article_ids", "event_ids")

KEYS = {
    ARTICLES: "PRIMARY KEY (id)",
    ENTITIES: "PRIMARY KEY (article_id, idx)",
    QUOTES: "PRIMARY KEY (article_id, idx)",
    EVENTS: "PRIMARY KEY (id)",
}

# Indexes both databases use; the URL index is unique (NULLs stay distinct in both).
INDEXES = [
    "CREATE UNIQUE INDEX IF NOT EXISTS articles_url ON articles (url)",
    "CREATE INDEX IF NOT EXISTS articles_text_hash ON articles (text_hash)",
    "CREATE INDEX IF NOT EXISTS events_article ON events (article_id)",
    "CREATE INDEX IF NOT EXISTS entities_article ON entities (article_id)",
    "CREATE INDEX IF NOT EXISTS quotes_article ON quotes (article_id)",
]
# PostgreSQL gains from B-tree indexes for filters; DuckDB scans with zone maps instead.
POSTGRES_INDEXES = [
    "CREATE INDEX IF NOT EXISTS articles_published ON articles (published)",
    "CREATE INDEX IF NOT EXISTS events_date ON events (event_date)",
    "CREATE INDEX IF NOT EXISTS events_src_country ON events (src_country, event_date)",
    "CREATE INDEX IF NOT EXISTS events_tgt_country ON events (tgt_country, event_date)",
    "CREATE INDEX IF NOT EXISTS events_plover ON events (plover)",
    "CREATE INDEX IF NOT EXISTS entities_name ON entities (search_name)",
    "CREATE INDEX IF NOT EXISTS quotes_speaker ON quotes (search_speaker)",
]


def create_statements(postgres: bool) -> list[str]:
    statements = [f"CREATE SEQUENCE IF NOT EXISTS {name}" for name in SEQUENCES]
    for table, columns in COLUMNS.items():
        body = ", ".join(f"{name} {sqltype}" for name, sqltype in columns)
        statements.append(f"CREATE TABLE IF NOT EXISTS {table} ({body}, {KEYS[table]})")
    statements.extend(INDEXES)
    statements.extend(story_statements())  # story tables (hadath.stories), empty until computed
    if postgres:
        statements.extend(POSTGRES_INDEXES)
    return statements
