"""The store: every analysed article, kept with all its annotations and offsets.

Interface used by `hadath ingest`, `hadath serve`, `hadath export` and later work
(keep it stable):

    from hadath.store import open_store
    store = open_store("var/hadath.duckdb")      # or "postgresql://user@host/db"
    result = store.add(doc_dicts)                 # AddResult(new, skipped, entities, quotes, events)
    store.has(url=..., text_hash=...)             # is it stored already?
    store.counts()                                # {"articles": n, "entities": n, "quotes": n, "events": n}
    store.close()                                 # (or use `with open_store(...) as store:`)

`doc_dicts` are article objects as `hadath extract` prints them
(`Document.to_dict()`, resources/schema/article.schema.json).

Identity: an article is the same as a stored one when it has the same URL, or,
when it has no URL, the same normalised text (`text_hash(text)`: hadath.text
normalisation, lower case, collapsed spaces). `add` skips those, so re-running an
ingest after a crash adds only what is missing. Articles are written in
transactions of whole articles (up to `CHUNK` at a time): a crash never leaves a
partial article.

Tables (see tables.py): articles, entities, quotes, events; each annotation row
keeps its character offsets into `articles.text`. Event rows carry their
effective date (`event_date`: the event's date, else the publication date), the
place's name and coordinates, and the outlet, so filters need no joins.

Concurrency: DuckDB allows one writing process. A long-running reader (the API)
opens with `open_store(path, read_only=True, persistent=False)`: one short
connection per request, waiting while a writer holds the lock; writers that
share the file should likewise hold the store open only while they write
(`hadath ingest` does). PostgreSQL serves any number of readers and writers;
writers take an advisory lock per transaction so that de-duplication stays exact.

Read queries (articles, article, events, dyad, top_dyads, network, places,
quotes, entities, overview, iter_events, iter_articles) live in queries.py;
filters in filters.py (EventFilter.parse validates, FilterError names the bad
parameter).
"""
from .base import AddResult, CHUNK, Store, StoreBusy, StoreError, is_postgres, open_store
from .filters import EventFilter, FilterError
from .rows import search_form, text_hash

__all__ = ["open_store", "Store", "AddResult", "StoreError", "StoreBusy", "EventFilter",
           "FilterError", "text_hash", "search_form", "is_postgres", "CHUNK"]
