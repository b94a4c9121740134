"""Read queries shared by the JSON API, the dashboard and `hadath export`."""
from __future__ import annotations

import datetime as dt
from typing import Iterator, Optional

from ..text import normalize_with_offsets
from .filters import INTERVALS, EventFilter, FilterError, check_country, check_text, date_window
from .rows import article_object

MAX_PAGE = 500
MAX_OFFSET = 1_000_000_000  # past this the database's integers overflow (a 500, not a 400)
ESCAPE = " ESCAPE '\\'"  # for LIKE patterns made by filters.like_pattern

EVENT_LIST_COLUMNS = (
    "e.id, e.article_id, e.plover, e.mode, e.cameo, e.goldstein, e.quad_class, "
    "e.src_actor, e.src_country, e.src_name, e.tgt_actor, e.tgt_country, e.tgt_name, "
    "e.trigger_start, e.trigger_end, e.trigger_text, e.event_date, e.date, e.location_name, "
    "e.location_country, e.lat, e.lon, e.negated, e.confidence, e.outlet, "
    "a.title AS article_title, a.url AS article_url, a.published AS article_published, "
    "l.story_id, coalesce(l.num_articles, 1) AS num_articles, coalesce(l.num_sources, 1) AS num_sources")
# The event's story and its GDELT-style counts (hadath.stories; one report until computed).
STORY_JOIN = "LEFT JOIN event_links l ON l.event_id = e.id"


def page(limit: int, offset: int) -> tuple[int, int]:
    if not 1 <= limit <= MAX_PAGE:
        raise FilterError("limit", f"must be between 1 and {MAX_PAGE}")
    if not 0 <= offset <= MAX_OFFSET:
        raise FilterError("offset", f"must be between 0 and {MAX_OFFSET}")
    return limit, offset


def _jsonable(row: dict) -> dict:
    return {k: (v.isoformat() if isinstance(v, (dt.date, dt.datetime)) else v) for k, v in row.items()}


def snippet(text: str, words: list[str], width: int = 220) -> str:
    """A piece of `text` around the first query word (located in normalised form)."""
    if words:
        folded = normalize_with_offsets(text)
        lowered = folded.text.lower()
        at = lowered.find(words[0]) if len(lowered) == len(folded.text) else -1
        if at >= 0:
            start = folded.to_original(at, at + 1)[0]
            begin = max(0, start - width // 3)
            return ("…" if begin else "") + text[begin:begin + width].replace("\n", " ") + "…"
    return text[:width].replace("\n", " ") + ("…" if len(text) > width else "")


def _all_periods(keys: list[str], interval: str) -> list[str]:
    """Every period from the first to the last of `keys` (ISO dates of period starts),
    so that a timeline shows quiet periods as zeros rather than skipping them."""
    if not keys:
        return []
    day, last = dt.date.fromisoformat(min(keys)), dt.date.fromisoformat(max(keys))
    out = []
    while day <= last:
        out.append(day.isoformat())
        if interval == "month":
            day = (day.replace(day=28) + dt.timedelta(days=4)).replace(day=1)
        else:
            day += dt.timedelta(days=7 if interval == "week" else 1)
    return out


class Queries:
    """Mixed into Store: needs `query(sql, params)` and `stream(sql, params)`."""

    # -- articles ----------------------------------------------------------------------
    def articles(self, q: Optional[str] = None, source: Optional[str] = None,
                 start: Optional[str] = None, end: Optional[str] = None,
                 limit: int = 20, offset: int = 0) -> dict:
        limit, offset = page(limit, offset)
        where, params, words = self._article_where(q, source, start, end)
        # One scan finds the page and the total; the texts are read for that page only.
        found = self.query(
            f"SELECT a.id, count(*) OVER () AS total FROM articles a WHERE {where} "
            "ORDER BY a.published DESC NULLS LAST, a.id DESC LIMIT ? OFFSET ?", params + [limit, offset])
        total = found[0]["total"] if found else self._count("articles a", where, params, offset)
        rows = self._by_ids(
            "SELECT a.id AS store_id, a.doc_id AS id, a.title, a.source, a.published, a.url, "
            "a.text, a.n_entities, a.n_quotes, a.n_events FROM articles a WHERE a.id IN ({ids})",
            [r["id"] for r in found], "store_id")
        items = []
        for row in rows:
            row["snippet"] = snippet(row.pop("text"), words)
            items.append(_jsonable(row))
        return {"total": int(total), "limit": limit, "offset": offset, "items": items}

    def _count(self, table: str, where: str, params: list, offset: int) -> int:
        """Matches of a query whose page came back empty (zero unless paged past the end)."""
        if offset == 0:
            return 0
        return int(self.query(f"SELECT count(*) AS n FROM {table} WHERE {where}", params)[0]["n"])

    def _by_ids(self, sql: str, ids: list[int], key: str) -> list[dict]:
        """Rows of `sql` (with an `IN ({ids})` slot) for these ids, in the order of `ids`."""
        if not ids:
            return []
        rows = {r[key]: r for r in self.query(sql.replace("{ids}", ", ".join("?" * len(ids))), ids)}
        return [rows[i] for i in ids if i in rows]

    def _article_where(self, q, source, start, end) -> tuple[str, list, list[str]]:
        clauses, params = [], []
        form = check_text(q, "q")
        words = form.split() if form else []
        for word in words[:10]:
            clauses.append(self.contains_sql("a.search_text"))
            params.append(word)
        if source:
            clauses.append("a.source = ?")
            params.append(source)
        dated, days = date_window(start, end, "a.published")
        clauses += dated
        params += days
        return (" AND ".join(clauses) or "TRUE"), params, words

    def article(self, store_id: int) -> Optional[dict]:
        """One article with all its annotations, in the extraction output's shape,
        plus `store_id` and the store ids of its events (`event_ids`, in order)."""
        found = self.query("SELECT * FROM articles WHERE id = ?", [store_id])
        if not found:
            return None
        entities = self.query("SELECT * FROM entities WHERE article_id = ? ORDER BY idx", [store_id])
        quotes = self.query("SELECT * FROM quotes WHERE article_id = ? ORDER BY idx", [store_id])
        events = self.query("SELECT * FROM events WHERE article_id = ? ORDER BY idx", [store_id])
        obj = article_object(found[0], entities, quotes, events)
        obj["store_id"] = store_id
        obj["event_ids"] = [e["id"] for e in events]
        return obj

    def iter_articles(self, event_filter: EventFilter, q: Optional[str] = None) -> Iterator[dict]:
        """Article objects (re-ingestable JSON Lines) matching the filters."""
        where, params, _ = self._article_where(q, event_filter.outlet, None, None)
        if not event_filter.is_empty():
            condition, more = event_filter.where("e")
            where += f" AND a.id IN (SELECT e.article_id FROM events e WHERE {condition})"
            params += more
        ids = [r["id"] for r in self.query(f"SELECT a.id FROM articles a WHERE {where} ORDER BY a.id", params)]
        for store_id in ids:
            obj = self.article(store_id)
            if obj is not None:
                obj.pop("store_id")
                obj.pop("event_ids")
                yield obj

    # -- events ------------------------------------------------------------------------
    def events(self, event_filter: EventFilter, limit: int = 50, offset: int = 0) -> dict:
        limit, offset = page(limit, offset)
        where, params = event_filter.where("e")
        found = self.query(
            f"SELECT e.id, count(*) OVER () AS total FROM events e WHERE {where} "
            "ORDER BY e.event_date DESC NULLS LAST, e.id DESC LIMIT ? OFFSET ?", params + [limit, offset])
        total = found[0]["total"] if found else self._count("events e", where, params, offset)
        rows = self._by_ids(
            f"SELECT {EVENT_LIST_COLUMNS} FROM events e JOIN articles a ON a.id = e.article_id "
            f"{STORY_JOIN} WHERE e.id IN ({{ids}})", [r["id"] for r in found], "id")
        return {"total": int(total), "limit": limit, "offset": offset,
                "items": [_jsonable(r) for r in rows]}

    def iter_events(self, event_filter: EventFilter) -> Iterator[dict]:
        """Every stored column of matching events, with article URL and title, by id."""
        where, params = event_filter.where("e")
        yield from self.stream(
            "SELECT e.*, a.url AS article_url, a.title AS article_title, a.published AS article_published, "
            "a.doc_id AS article_doc_id, a.added AS article_added, l.story_id, "
            "coalesce(l.num_articles, 1) AS num_articles, coalesce(l.num_sources, 1) AS num_sources "
            f"FROM events e JOIN articles a ON a.id = e.article_id {STORY_JOIN} WHERE {where} ORDER BY e.id",
            params)

    def dyad(self, a: str, b: str, interval: str = "month", directed: bool = False,
             event_filter: EventFilter = EventFilter()) -> dict:
        """Events between two countries per period: counts by QuadClass, mean Goldstein."""
        a, b = check_country(a, "a"), check_country(b, "b")
        if not a or not b:
            raise FilterError("a" if not a else "b", "both countries of the pair are required")
        if interval not in INTERVALS:
            raise FilterError("interval", f"{interval[:20]!r} is not one of {', '.join(INTERVALS)}")
        where, params = event_filter.where("e")
        pair = "(e.src_country = ? AND e.tgt_country = ?)"
        pair_params = [a, b]
        if not directed:
            pair = f"({pair} OR (e.src_country = ? AND e.tgt_country = ?))"
            pair_params += [b, a]
        # `interval` is one of three fixed words (checked above), safe to write into SQL.
        rows = self.query(
            f"SELECT date_trunc('{interval}', e.event_date) AS period, e.quad_class AS quad_class, "
            "count(*) AS n, sum(e.goldstein) AS goldstein_sum FROM events e "
            f"WHERE {pair} AND e.event_date IS NOT NULL AND {where} GROUP BY 1, 2 ORDER BY 1",
            pair_params + params)
        periods: dict[str, dict] = {}
        for row in rows:
            day = row["period"]
            key = (day.date() if isinstance(day, dt.datetime) else day).isoformat()
            bucket = periods.setdefault(key, {"period": key, "total": 0, "quad": {"1": 0, "2": 0, "3": 0, "4": 0},
                                              "goldstein_sum": 0.0})
            bucket["quad"][str(row["quad_class"])] = int(row["n"])
            bucket["total"] += int(row["n"])
            bucket["goldstein_sum"] += float(row["goldstein_sum"] or 0)
        series = []
        for key in _all_periods(list(periods), interval):
            bucket = periods.get(key) or {"period": key, "total": 0, "goldstein_sum": 0.0,
                                          "quad": {"1": 0, "2": 0, "3": 0, "4": 0}}
            total = bucket.pop("total")
            goldstein = bucket.pop("goldstein_sum")
            quad = bucket["quad"]
            series.append({**bucket, "total": total,
                           "goldstein_mean": round(goldstein / total, 3) if total else None,
                           "cooperation": quad["1"] + quad["2"], "conflict": quad["3"] + quad["4"]})
        return {"a": a, "b": b, "interval": interval, "directed": directed, "series": series}

    def top_dyads(self, limit: int = 20, event_filter: EventFilter = EventFilter()) -> list[dict]:
        limit, _ = page(limit, 0)
        where, params = event_filter.where("e")
        rows = self.query(
            "SELECT least(e.src_country, e.tgt_country) AS a, greatest(e.src_country, e.tgt_country) AS b, "
            "count(*) AS n FROM events e WHERE e.src_country IS NOT NULL AND e.tgt_country IS NOT NULL "
            f"AND e.src_country <> e.tgt_country AND {where} GROUP BY 1, 2 ORDER BY n DESC, a, b LIMIT ?",
            params + [limit])
        return [{"a": r["a"], "b": r["b"], "events": int(r["n"])} for r in rows]

    def network(self, event_filter: EventFilter, limit: int = 100) -> dict:
        """Actors (CAMEO code, else country, else name) and the events between them."""
        limit, _ = page(limit, 0)
        where, params = event_filter.where("e")
        source = "coalesce(e.src_actor, e.src_country, e.src_name)"
        target = "coalesce(e.tgt_actor, e.tgt_country, e.tgt_name)"
        rows = self.query(
            f"SELECT {source} AS a, {target} AS b, count(*) AS n, avg(e.goldstein) AS goldstein "
            f"FROM events e WHERE {source} IS NOT NULL AND {target} IS NOT NULL AND {source} <> {target} "
            f"AND {where} GROUP BY 1, 2 ORDER BY n DESC, a, b LIMIT ?", params + [limit])
        edges = [{"source": r["a"], "target": r["b"], "events": int(r["n"]),
                  "goldstein_mean": round(float(r["goldstein"]), 3)} for r in rows]
        weight: dict[str, int] = {}
        for edge in edges:
            for end in (edge["source"], edge["target"]):
                weight[end] = weight.get(end, 0) + edge["events"]
        nodes = [{"id": k, "events": v} for k, v in sorted(weight.items(), key=lambda kv: -kv[1])]
        return {"nodes": nodes, "edges": edges}

    def places(self, event_filter: EventFilter, limit: int = 300) -> list[dict]:
        limit, _ = page(limit, 0)
        where, params = event_filter.where("e")
        rows = self.query(
            "SELECT e.location_name AS name, e.location_country AS country, e.lat, e.lon, "
            "count(*) AS n, avg(e.goldstein) AS goldstein FROM events e "
            f"WHERE e.lat IS NOT NULL AND e.lon IS NOT NULL AND {where} "
            "GROUP BY 1, 2, 3, 4 ORDER BY n DESC LIMIT ?", params + [limit])
        return [{"name": r["name"], "country": r["country"], "lat": r["lat"], "lon": r["lon"],
                 "events": int(r["n"]), "goldstein_mean": round(float(r["goldstein"]), 3)} for r in rows]

    # -- quotations and entities -------------------------------------------------------------
    def quotes(self, speaker: Optional[str] = None, limit: int = 50, offset: int = 0) -> dict:
        limit, offset = page(limit, offset)
        clauses, params = [], []
        form = check_text(speaker, "speaker")
        if form:
            clauses.append(self.contains_sql("q.search_speaker"))
            params.append(form)
        where = " AND ".join(clauses) or "TRUE"
        total = self.query(f"SELECT count(*) AS n FROM quotes q WHERE {where}", params)[0]["n"]
        rows = self.query(
            "SELECT q.article_id, q.idx, q.text, q.span_start, q.span_end, q.kind, q.speaker_name, "
            "q.speaker_role, q.cue, a.title AS article_title, a.published AS article_published, "
            f"a.source AS article_source FROM quotes q JOIN articles a ON a.id = q.article_id "
            f"WHERE {where} ORDER BY a.published DESC NULLS LAST, q.article_id DESC, q.idx "
            "LIMIT ? OFFSET ?", params + [limit, offset])
        return {"total": int(total), "limit": limit, "offset": offset, "items": [_jsonable(r) for r in rows]}

    def entities(self, name: Optional[str] = None, type: Optional[str] = None,
                 country: Optional[str] = None, limit: int = 50, offset: int = 0) -> dict:
        """Entities grouped by normalised name and type, with article and mention counts."""
        limit, offset = page(limit, offset)
        clauses, params = [], []
        form = check_text(name, "name")
        if form:
            clauses.append(f"({self.contains_sql('n.search_name')} OR {self.contains_sql('lower(n.latin)')})")
            params += [form] * 2
        if type:
            if type.upper() not in ("PER", "ORG", "GPE", "LOC", "NORP"):
                raise FilterError("type", f"{type[:20]!r} is not one of PER, ORG, GPE, LOC, NORP")
            clauses.append("n.type = ?")
            params.append(type.upper())
        code = check_country(country)
        if code:
            clauses.append("n.country = ?")
            params.append(code)
        where = " AND ".join(clauses) or "TRUE"
        grouped = (f"SELECT n.search_name, n.type, min(n.name) AS name, min(n.latin) AS latin, "
                   f"min(n.country) AS country, min(n.actor) AS actor, "
                   f"count(DISTINCT n.article_id) AS articles, sum(n.n_mentions) AS mentions "
                   f"FROM entities n WHERE {where} GROUP BY n.search_name, n.type")
        total = self.query(f"SELECT count(*) AS n FROM ({grouped}) g", params)[0]["n"]
        rows = self.query(f"{grouped} ORDER BY articles DESC, mentions DESC, n.search_name LIMIT ? OFFSET ?",
                          params + [limit, offset])
        items = [{"name": r["name"], "type": r["type"], "latin": r["latin"], "country": r["country"],
                  "actor": r["actor"], "articles": int(r["articles"]), "mentions": int(r["mentions"])}
                 for r in rows]
        return {"total": int(total), "limit": limit, "offset": offset, "items": items}

    def overview(self) -> dict:
        counts = self.counts()
        sources = self.query("SELECT source, count(*) AS n FROM articles WHERE source IS NOT NULL "
                             "GROUP BY source ORDER BY n DESC LIMIT 100")
        span = self.query("SELECT min(published) AS first, max(published) AS last FROM articles")[0]
        return {"counts": counts, "sources": [{"source": r["source"], "articles": int(r["n"])} for r in sources],
                "first": span["first"].isoformat() if span["first"] else None,
                "last": span["last"].isoformat() if span["last"] else None}
