"""CAMEO actor codes for people and groups named by role rather than by name.

`ActorCoder` combines a role or agent word (`الجيش` → MIL, `الشرطة` → COP,
`وزير الخارجية` → GOV, `المتظاهرون` → CVL) with the country the phrase names
(`الإسرائيلية`, `مصر`, `النظام السوري`, a capital, a known person or body) or,
failing that, the country of the context: `القوات الإسرائيلية` → ISRMIL,
`المعارضة السورية` → SYROPP, `متظاهرون` in an Egyptian story → EGYCVL.
A country alone codes as the country (`روسيا` → RUS), a capital alone as its
government (`موسكو` → RUSGOV): capitals are named for the state acting.

Agent words live in `resources/gazetteer/agents.tsv`. A *title* (`رئيس`,
`زعيم`, `قائد`, `المتحدث باسم`) gives way to an agent that follows it
(`زعيم المعارضة` → OPP, `قائد الجيش` → MIL) and codes on its own otherwise.
"""
from __future__ import annotations

from dataclasses import dataclass
from importlib import resources
from typing import Optional

from ..document import Token
from ..text.normalize import normalize
from ..text.tokens import tokenize
from .gazetteer import GazEntry, GazMatch, Gazetteer, _read_rows, name_key

AGENT_FILE = "agents.tsv"
# Gazetteer entries that stand for an actor of their own (a named minister, a party).
ACTOR_KINDS = ("person", "org", "igo", "group")
# Entries that only give the phrase its country.
COUNTRY_TYPES = ("GPE", "NORP")


@dataclass(frozen=True, slots=True)
class CodedPhrase:
    country: Optional[str]
    actor: Optional[str]
    head: Optional[tuple[int, int]]


AGENT_MEMO_LIMIT = 50_000


class ActorCoder:
    def __init__(self, agents: Gazetteer, gazetteer: Gazetteer):
        self.agents = agents
        self.gazetteer = gazetteer
        self._agent_of: dict[str, Optional[str]] = {}  # the same role words recur in every article

    @classmethod
    def load(cls, gazetteer: Optional[Gazetteer] = None) -> "ActorCoder":
        folder = resources.files("hadath.resources") / "gazetteer"
        pairs = []
        for row in _read_rows(folder / AGENT_FILE):
            entry = GazEntry(name=row["phrases"].split("|")[0], type="AGENT", kind=row["strength"],
                             actor=row["code"], country=row.get("country") or None)
            for phrase in row["phrases"].split("|"):
                for form in _agent_forms(phrase):
                    pairs.append((form, entry))
        return cls(Gazetteer(pairs), gazetteer or Gazetteer.load())

    def agent(self, norm_word_or_phrase: str) -> Optional[str]:
        """The agent code of a role word or phrase (`الجيش` → 'MIL'), or None."""
        if norm_word_or_phrase in self._agent_of:
            return self._agent_of[norm_word_or_phrase]
        tokens = tokenize(normalize(norm_word_or_phrase))
        entry = self._head_agent(self.agents.match(tokens))
        code = entry.entry.actor if entry else None
        if len(self._agent_of) < AGENT_MEMO_LIMIT:
            self._agent_of[norm_word_or_phrase] = code
        return code

    def code_phrase(self, tokens: list[Token], context_country: Optional[str] = None
                    ) -> tuple[Optional[str], Optional[str], Optional[tuple[int, int]]]:
        """(country, actor code, char span of the head) of a noun phrase."""
        coded = self.code(tokens, context_country)
        return coded.country, coded.actor, coded.head

    def code(self, tokens: list[Token], context_country: Optional[str] = None) -> CodedPhrase:
        names = self.gazetteer.match(tokens)
        # A known person or body carries its own code (`وزير الخارجية الروسي سيرغي لافروف`).
        for m in names:
            if m.entry.kind in ACTOR_KINDS and m.entry.actor:
                return CodedPhrase(m.entry.country, m.entry.actor, (m.start, m.end))
        # Agent words inside a name belong to the name (الأمن in مجلس الأمن الدولي);
        # a nationality adjective only qualifies the agent (الإدارة الأمريكية).
        name_tokens = {i for m in names if m.entry.type != "NORP"
                       for i in range(m.first_token, m.end_token)}
        agents = [m for m in self.agents.match(tokens)
                  if not name_tokens.intersection(range(m.first_token, m.end_token))]
        head = self._head_agent(agents)
        place = next((m for m in names if m.entry.type in COUNTRY_TYPES and m.entry.country), None)
        country = (place.entry.country if place else None) or (head.entry.country if head else None) \
            or context_country
        if head:
            code = head.entry.actor
            return CodedPhrase(country, country + code if country else code, (head.start, head.end))
        if place:
            # A capital standing alone for its country is its government (موسكو ترفض).
            code = country + "GOV" if place.entry.kind == "capital" else country
            return CodedPhrase(country, code, (place.start, place.end))
        return CodedPhrase(None, None, None)

    @staticmethod
    def _head_agent(agents: list[GazMatch]) -> Optional[GazMatch]:
        """The first agent proper; a title only when no agent follows it."""
        for m in agents:
            if m.entry.kind == "agent":
                return m
        return agents[0] if agents else None


def _agent_forms(phrase: str) -> set[tuple[str, ...]]:
    """The phrase with and without the article on its first word, and the
    accusative -ا of an indefinite single word (`متظاهرا`)."""
    key = name_key(phrase)
    first, rest = key[0], key[1:]
    forms = {key}
    if first.startswith("ال") and len(first) > 4:
        forms.add((first[2:],) + rest)
    elif not first.startswith("ال"):
        forms.add(("ال" + first,) + rest)
        if not rest and not first.endswith(("ا", "ه", "ي")):
            forms.add((first + "ا",))
    return forms
