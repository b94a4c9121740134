"""The one object every pipeline component reads and fills.

A `Document` holds the analysed text and everything found in it. Every span is a
pair of character offsets into `Document.text` (`text[start:end]` is the thing),
so any field can be traced back to the characters it came from.
"""
from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any, Optional

Span = tuple[int, int]


@dataclass(slots=True)
class Token:
    """A word or punctuation mark.

    `start:end` covers the whole written form (`والصين`); `core_start:core_end`
    covers it without attached conjunctions and prepositions (`الصين`), which is
    what names and mentions point at. `norm` and `core` are normalised for matching.
    """
    start: int
    end: int
    text: str
    norm: str
    core_start: int
    core_end: int
    core: str
    is_word: bool = True


@dataclass(slots=True)
class Sentence:
    start: int
    end: int
    first_token: int = 0   # index into Document.tokens
    end_token: int = 0     # one past the last token


@dataclass(slots=True)
class Entity:
    id: str
    type: str                       # PER, ORG, GPE, LOC, NORP
    name: str
    mentions: list[Span] = field(default_factory=list)
    latin: Optional[str] = None
    country: Optional[str] = None   # ISO 3166-1 alpha-3
    actor: Optional[str] = None     # CAMEO actor code
    geo: Optional[dict] = None      # {lat, lon, country, kind}
    role: Optional[str] = None      # title as written, e.g. "سكرتير مجلس الأمن الروسي"

    def to_dict(self) -> dict:
        return {"id": self.id, "type": self.type, "name": self.name, "latin": self.latin,
                "mentions": [list(m) for m in self.mentions], "country": self.country,
                "actor": self.actor, "geo": self.geo, "role": self.role}


@dataclass(slots=True)
class Quote:
    text: str
    span: Span
    kind: str                        # "direct" or "indirect"
    cue: Optional[str] = None
    speaker: Optional[str] = None    # entity id
    speaker_name: Optional[str] = None
    speaker_role: Optional[str] = None
    cue_span: Optional[Span] = None

    def to_dict(self) -> dict:
        return {"text": self.text, "span": list(self.span), "speaker": self.speaker,
                "speaker_name": self.speaker_name, "speaker_role": self.speaker_role,
                "cue": self.cue, "cue_span": list(self.cue_span) if self.cue_span else None,
                "kind": self.kind}


@dataclass(slots=True)
class EventActor:
    text: str
    entity: Optional[str] = None     # entity id
    actor: Optional[str] = None      # CAMEO actor code
    country: Optional[str] = None
    span: Optional[Span] = None

    def to_dict(self) -> dict:
        return {"entity": self.entity, "actor": self.actor, "country": self.country,
                "text": self.text, "span": list(self.span) if self.span else None}


@dataclass(slots=True)
class Event:
    plover: str
    cameo: str
    goldstein: float
    quad_class: int
    source: EventActor
    trigger: Span
    sentence: Span
    mode: Optional[str] = None
    target: Optional[EventActor] = None
    date: Optional[str] = None
    location: Optional[str] = None   # entity id of the place
    negated: bool = False
    reported_by: Optional[str] = None  # entity id of the speaker, for events inside quotations
    confidence: float = 0.5

    def to_dict(self) -> dict:
        return {"plover": self.plover, "mode": self.mode, "cameo": self.cameo,
                "goldstein": self.goldstein, "quad_class": self.quad_class,
                "source": self.source.to_dict(),
                "target": self.target.to_dict() if self.target else None,
                "trigger": list(self.trigger), "sentence": list(self.sentence),
                "date": self.date, "location": self.location, "negated": self.negated,
                "reported_by": self.reported_by, "confidence": round(self.confidence, 3)}


@dataclass
class Document:
    id: str
    text: str
    title: Optional[str] = None
    url: Optional[str] = None
    source: Optional[str] = None
    published: Optional[str] = None     # YYYY-MM-DD
    language: str = "ar"
    encoding: Optional[str] = None      # set when the input was not UTF-8
    removed: list[str] = field(default_factory=list)  # clutter lines taken out of the text
    tokens: list[Token] = field(default_factory=list)
    sentences: list[Sentence] = field(default_factory=list)
    entities: list[Entity] = field(default_factory=list)
    quotes: list[Quote] = field(default_factory=list)
    events: list[Event] = field(default_factory=list)
    # scratch space for components to pass intermediate results (never serialised)
    user_data: dict[str, Any] = field(default_factory=dict)

    def entity(self, entity_id: Optional[str]) -> Optional[Entity]:
        for e in self.entities:
            if e.id == entity_id:
                return e
        return None

    def entities_in(self, start: int, end: int) -> list[tuple[Span, Entity]]:
        """Mentions that lie inside [start, end), in text order, with their entity."""
        found = [(m, e) for e in self.entities for m in e.mentions if start <= m[0] and m[1] <= end]
        return sorted(found, key=lambda pair: pair[0])

    def sentence_tokens(self, sentence: Sentence) -> list[Token]:
        return self.tokens[sentence.first_token:sentence.end_token]

    def to_dict(self) -> dict:
        return {
            "id": self.id, "url": self.url, "source": self.source, "title": self.title,
            "published": self.published, "language": self.language,
            "encoding": self.encoding, "text": self.text,
            "entities": [e.to_dict() for e in self.entities],
            "quotes": [q.to_dict() for q in self.quotes],
            "events": [e.to_dict() for e in self.events],
        }
