"""Event de-duplication: the reports of one event across a story's articles.

Two coded events are one real-world event when they have the same PLOVER type
and polarity (negated or not), the same source and target actors, the same
place, and dates at most one day apart. Actors match by CAMEO code and by
entity name (normalised; one name may be a shorter form of the other, as
"ترامب" of "دونالد ترامب"); places match by name or Latin form. An event with
an unknown side (no source, or no target) says too little to be matched on its
keys alone ("the ministry said", "killed" with no one named): it joins another
only when their sentences also share words. Each merged
event keeps its mentions (article, sentence and trigger spans) and counts the
articles and outlets that reported it, as GDELT's NumArticles and NumSources.
"""
from __future__ import annotations

import datetime as dt
from collections import Counter
from dataclasses import dataclass, field
from typing import Hashable, Optional

from ..text import normalize
from .features import article_date, content_words, jaccard, parse_date

DATE_SLACK = dt.timedelta(days=1)
# Content-word Jaccard of two sentences above which events with an unknown side
# are taken as the same (different reports of one event score 0.2–1; unrelated
# sentences of one story that happen to share a coded type, 0–0.1).
SENTENCE_OVERLAP = 0.15


@dataclass(frozen=True)
class ActorKey:
    code: Optional[str]
    name: Optional[str]          # normalised entity name, else normalised text as written
    country: Optional[str]
    shown: Optional[str]         # the name as written, for display

    @property
    def known(self) -> bool:
        return bool(self.code or self.name)

    def matches(self, other: "ActorKey") -> bool:
        if self.code != other.code:
            return False
        if not self.name or not other.name:
            return self.code is not None or self.name == other.name
        return _same_name(self.name, other.name)


@dataclass(frozen=True)
class PlaceKey:
    name: Optional[str]
    latin: Optional[str]
    shown: Optional[str]

    def matches(self, other: "PlaceKey") -> bool:
        if self.latin and other.latin and self.latin == other.latin:
            return True
        return self.name == other.name


class SentenceWords:
    """Content words of a sentence, tokenised only when a comparison needs them."""
    __slots__ = ("text", "_words")

    def __init__(self, text: str):
        self.text = text
        self._words: Optional[set] = None

    @property
    def words(self) -> set:
        if self._words is None:
            self._words = set(content_words(self.text))
        return self._words


@dataclass
class Mention:
    article: Hashable
    outlet: Optional[str]
    index: int                   # position of the event in the article's `events`
    sentence: tuple[int, int]
    trigger: tuple[int, int]

    def to_dict(self) -> dict:
        return {"article": self.article, "source": self.outlet, "index": self.index,
                "sentence": list(self.sentence), "trigger": list(self.trigger)}


@dataclass
class MergedEvent:
    plover: str
    negated: bool
    source: ActorKey
    target: Optional[ActorKey]
    place: PlaceKey
    date: Optional[dt.date]
    events: list[dict] = field(default_factory=list)      # the coded events as reported
    mentions: list[Mention] = field(default_factory=list)
    sentences: list[SentenceWords] = field(default_factory=list)   # each mention's sentence
    id: str = ""
    story_id: str = ""

    def accepts(self, plover: str, negated: bool, source: ActorKey, target: Optional[ActorKey],
                place: PlaceKey, date: Optional[dt.date], sentence: SentenceWords) -> bool:
        if plover != self.plover or negated != self.negated:
            return False
        if (target is None) != (self.target is None):
            return False
        if not source.matches(self.source) or (target and not target.matches(self.target)):
            return False
        if not place.matches(self.place):
            return False
        if date is None or self.date is None:
            if not (date is None and self.date is None):
                return False
        elif abs(date - self.date) > DATE_SLACK:
            return False
        if source.known and target is not None and target.known:
            return True
        return any(jaccard(sentence.words, other.words) >= SENTENCE_OVERLAP for other in self.sentences)

    @property
    def num_articles(self) -> int:
        return len({m.article for m in self.mentions})

    @property
    def num_sources(self) -> int:
        return len({m.outlet for m in self.mentions if m.outlet})

    def to_dict(self) -> dict:
        cameo = Counter(e["cameo"] for e in self.events).most_common(1)[0][0]
        coded = next(e for e in self.events if e["cameo"] == cameo)
        return {
            "id": self.id, "story_id": self.story_id, "plover": self.plover,
            "cameo": cameo, "goldstein": coded["goldstein"], "quad_class": coded["quad_class"],
            "mode": coded.get("mode"), "negated": self.negated,
            "source": _actor_dict(self.source), "target": _actor_dict(self.target),
            "date": self.date.isoformat() if self.date else None,
            "location": self.place.shown,
            "mentions": [m.to_dict() for m in self.mentions],
            "num_mentions": len(self.mentions), "num_articles": self.num_articles,
            "num_sources": self.num_sources,
        }


class EventMerger:
    """Merge the events of one story's articles (give them in publication order)."""

    def merge(self, articles: list[tuple[Hashable, dict]]) -> list[MergedEvent]:
        merged: list[MergedEvent] = []
        for key, article in articles:
            entities = {e["id"]: e for e in article.get("entities") or []}
            published = article_date(article)
            for index, event in enumerate(article.get("events") or []):
                source = _actor_key(event.get("source"), entities)
                target = _actor_key(event.get("target"), entities) if event.get("target") else None
                place = _place_key(entities.get(event.get("location")))
                date = parse_date(event.get("date")) or published
                negated = bool(event.get("negated"))
                mention = Mention(key, article.get("source"), index,
                                  tuple(event["sentence"]), tuple(event["trigger"]))
                start, end = event["sentence"]
                sentence = SentenceWords(article["text"][start:end])
                group = next((g for g in merged if g.accepts(event["plover"], negated, source,
                                                             target, place, date, sentence)), None)
                if group is None:
                    group = MergedEvent(event["plover"], negated, source, target, place, date)
                    merged.append(group)
                group.events.append(event)
                group.mentions.append(mention)
                group.sentences.append(sentence)
        return merged


def _actor_key(actor: Optional[dict], entities: dict) -> ActorKey:
    actor = actor or {}
    entity = entities.get(actor.get("entity")) if actor.get("entity") else None
    shown = entity["name"] if entity else actor.get("text")
    name = " ".join(normalize(shown).split()) if shown else None
    return ActorKey(actor.get("actor"), name, actor.get("country"), shown)


def _place_key(entity: Optional[dict]) -> PlaceKey:
    if not entity:
        return PlaceKey(None, None, None)
    latin = entity.get("latin")
    return PlaceKey(" ".join(normalize(entity["name"]).split()), latin.lower() if latin else None,
                    entity["name"])


def _same_name(a: str, b: str) -> bool:
    """Equal, or one is a shorter form of the other (all its words in the other)."""
    if a == b:
        return True
    wa, wb = set(a.split()), set(b.split())
    return wa <= wb or wb <= wa


def _actor_dict(key: Optional[ActorKey]) -> Optional[dict]:
    if key is None:
        return None
    return {"actor": key.code, "name": key.shown, "country": key.country}
