"""Article objects (the extraction output) to table rows, and back."""
from __future__ import annotations

import datetime as dt
import hashlib
import json
from typing import Any, Optional

from ..text import normalize


def search_form(text: str) -> str:
    """What search compares: normalised Arabic (hamza, ta marbuta, diacritics...),
    lower-case Latin, single spaces. Queries go through the same function."""
    return " ".join(normalize(text).lower().split())


def text_hash(text: str) -> str:
    """Identity of an article without URL: its normalised text, so that a copy
    differing only in spelling variants, diacritics or spacing is the same article."""
    return hash_of_form(search_form(text))


def hash_of_form(form: str) -> str:
    """`text_hash` of a text whose `search_form` is already computed."""
    return hashlib.sha1(form.encode("utf-8")).hexdigest()


def _date(value: Optional[str]) -> Optional[dt.date]:
    try:
        return dt.date.fromisoformat(value) if value else None
    except ValueError:
        return None


def _span(span) -> tuple[Optional[int], Optional[int]]:
    return (span[0], span[1]) if span else (None, None)


def article_rows(doc: dict, article_id: int, event_ids: list[int], now: dt.datetime,
                 text_form: Optional[str] = None) -> dict[str, list[tuple]]:
    """Rows of every table for one article object (schema article.schema.json).
    `text_form` is `search_form(doc["text"])` when the caller has it already."""
    text = doc["text"]
    text_form = search_form(text) if text_form is None else text_form
    title = doc.get("title") or ""
    # The analysed text starts with the headline; search the headline too when it does not.
    searched = text_form if text.startswith(title) else search_form(title) + " " + text_form
    entities = doc.get("entities") or []
    quotes = doc.get("quotes") or []
    events = doc.get("events") or []
    published = _date(doc.get("published"))
    by_id = {e["id"]: e for e in entities}

    article = (article_id, str(doc["id"]), doc.get("url"), hash_of_form(text_form), doc.get("source"),
               doc.get("title"), published, doc.get("language") or "ar", doc.get("encoding"),
               text, searched,
               len(entities), len(quotes), len(events), now)

    entity_rows = []
    for i, e in enumerate(entities):
        geo = e.get("geo") or None
        mentions = [list(m) for m in e.get("mentions") or []]
        first = min(mentions) if mentions else [None, None]
        entity_rows.append((article_id, i, e["id"], e["type"], e["name"], search_form(e["name"]),
                            e.get("latin"), e.get("country"), e.get("actor"), e.get("role"),
                            json.dumps(geo, ensure_ascii=False) if geo else None,
                            geo.get("lat") if geo else None, geo.get("lon") if geo else None,
                            json.dumps(mentions), len(mentions), first[0], first[1]))

    quote_rows = []
    for i, q in enumerate(quotes):
        cue_start, cue_end = _span(q.get("cue_span"))
        speaker_name = q.get("speaker_name")
        quote_rows.append((article_id, i, q["text"], q["span"][0], q["span"][1], q["kind"],
                           q.get("speaker"), speaker_name,
                           search_form(speaker_name) if speaker_name else None,
                           q.get("speaker_role"), q.get("cue"), cue_start, cue_end))

    event_rows = []
    for i, (ev, event_id) in enumerate(zip(events, event_ids)):
        place = by_id.get(ev.get("location")) if ev.get("location") else None
        geo = (place or {}).get("geo") or {}
        date = _date(ev.get("date"))
        trigger = ev["trigger"]
        event_rows.append((
            event_id, article_id, i, ev["plover"], ev.get("mode"), ev["cameo"], ev["goldstein"],
            ev["quad_class"],
            *_actor(ev.get("source"), by_id), *_actor(ev.get("target"), by_id),
            ev.get("target") is not None,
            trigger[0], trigger[1], text[trigger[0]:trigger[1]],
            ev["sentence"][0], ev["sentence"][1], date, date or published,
            ev.get("location"), place["name"] if place else None,
            geo.get("country") or (place or {}).get("country"), geo.get("kind"), geo.get("lat"), geo.get("lon"),
            bool(ev.get("negated")), ev.get("reported_by"), ev.get("confidence"), doc.get("source")))
    return {"articles": [article], "entities": entity_rows, "quotes": quote_rows, "events": event_rows}


def _actor(actor: Optional[dict], by_id: dict) -> tuple:
    if not actor:
        return (None,) * 7
    entity = by_id.get(actor.get("entity")) if actor.get("entity") else None
    start, end = _span(actor.get("span"))
    return (actor.get("entity"), actor.get("actor"), actor.get("country"), actor.get("text"),
            entity["name"] if entity else actor.get("text"), start, end)


def article_object(article: dict, entities: list[dict], quotes: list[dict], events: list[dict]) -> dict:
    """The article object (same shape as `hadath extract` prints) from stored rows."""
    def iso(value: Any) -> Optional[str]:
        return value.isoformat() if value else None

    def span(start, end):
        return [start, end] if start is not None else None

    def actor(row: dict, prefix: str) -> dict:
        return {"entity": row[prefix + "entity"], "actor": row[prefix + "actor"],
                "country": row[prefix + "country"], "text": row[prefix + "text"],
                "span": span(row[prefix + "start"], row[prefix + "end"])}

    return {
        "id": article["doc_id"], "url": article["url"], "source": article["source"],
        "title": article["title"], "published": iso(article["published"]),
        "language": article["language"], "encoding": article["encoding"], "text": article["text"],
        "entities": [{"id": e["entity_id"], "type": e["type"], "name": e["name"], "latin": e["latin"],
                      "mentions": json.loads(e["mentions"]), "country": e["country"],
                      "actor": e["actor"], "geo": json.loads(e["geo"]) if e["geo"] else None,
                      "role": e["role"]} for e in entities],
        "quotes": [{"text": q["text"], "span": [q["span_start"], q["span_end"]],
                    "speaker": q["speaker"], "speaker_name": q["speaker_name"],
                    "speaker_role": q["speaker_role"], "cue": q["cue"],
                    "cue_span": span(q["cue_start"], q["cue_end"]), "kind": q["kind"]}
                   for q in quotes],
        "events": [{"plover": v["plover"], "mode": v["mode"], "cameo": v["cameo"],
                    "goldstein": v["goldstein"], "quad_class": v["quad_class"],
                    "source": actor(v, "src_"),
                    "target": actor(v, "tgt_") if v["has_target"] else None,
                    "trigger": [v["trigger_start"], v["trigger_end"]],
                    "sentence": [v["sentence_start"], v["sentence_end"]],
                    "date": iso(v["date"]), "location": v["location"], "negated": v["negated"],
                    "reported_by": v["reported_by"], "confidence": v["confidence"]}
                   for v in events],
    }
