"""The project's gazetteer: known names of countries, places, organisations,
people and nationalities, found in token sequences.

Entries live as TSV files in `hadath/resources/gazetteer/` (one entry a line;
`names` holds the canonical Arabic name first, then `|`-separated variants).
`Gazetteer.match` finds the longest known names in a sentence's tokens; the
first word of a name may carry proclitics (`والصين`, `لموسكو`), which the match
span leaves out. One written name can name several things (`طرابلس` in Libya and
in Lebanon): a match keeps every candidate, best-ranked first.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field
from importlib import resources
from typing import Iterable, Optional

from ..document import Token
from ..text.normalize import normalize
from ..text.tokens import stem_start, proclitic_splits, tokenize

# Files of entries, all with ENTRY_COLUMNS. Hand-written files come first so that
# their entries rank before generated ones of equal rank.
ENTRY_FILES = ("persons.tsv", "orgs.tsv", "places.tsv", "locations.tsv",
               "countries.tsv", "cities.tsv")
ENTRY_COLUMNS = ("names", "type", "kind", "latin", "country", "actor",
                 "lat", "lon", "role", "start", "end", "rank")
NATIONALITY_FILE = "nationalities.tsv"

# A clitic-stripped first word must leave at least this many letters: shorter
# stems are mostly accidents (`بكين` is not ب + كين).
MIN_STRIPPED_STEM = 3
# Clitics that attach to names: conjunctions و ف and prepositions ب ل. The future
# marker س attaches to verbs only, and ك before a name is rare while ك + adjective
# is everywhere (كبيرا is not ك + بيرا).
_NAME_PROCLITIC_START = frozenset("وفبل")
_NOT_NAME_PROCLITIC = ("س", "ك")
# Distinct words whose readings are remembered (news vocabulary is a few 100k words).
READING_CACHE_SIZE = 300_000
_PLAIN_WORDS = re.compile(r"^[\u0621-\u064A ]+$")


@dataclass(frozen=True, slots=True)
class GazEntry:
    name: str                      # canonical Arabic name
    type: str                      # PER ORG GPE LOC NORP
    kind: str                      # country capital city region province igo org person nationality ...
    latin: Optional[str] = None
    country: Optional[str] = None  # ISO 3166-1 alpha-3
    actor: Optional[str] = None    # CAMEO actor code
    geo: Optional[dict] = None     # {lat, lon, country, kind}
    role: Optional[str] = None     # for persons: the office held (رئيس, وزير الخارجية)
    start: Optional[int] = None    # first year of the role
    end: Optional[int] = None      # last year of the role (None: still holds it)
    rank: int = 0                  # higher wins among entries sharing a name

    def active(self, year: Optional[int]) -> bool:
        """Whether the role was held in `year` (always true without dates)."""
        if year is None:
            return True
        return (self.start is None or self.start <= year) and (self.end is None or year <= self.end)


@dataclass(slots=True)
class GazMatch:
    first_token: int               # index of the first token (in the list given to match)
    end_token: int                 # one past the last token
    start: int                     # char offset, after any proclitics of the first token
    end: int
    entry: GazEntry                # best-ranked candidate
    candidates: list[GazEntry] = field(default_factory=list)  # every entry with this name


class Gazetteer:
    def __init__(self, entries: Iterable[tuple[tuple[str, ...], GazEntry]],
                 continents: Optional[dict[str, str]] = None):
        """`entries`: (normalised token key, entry) pairs."""
        index: dict[tuple[str, ...], list[GazEntry]] = {}
        for key, entry in entries:
            bucket = index.get(key)
            if bucket is None:
                index[key] = [entry]
            elif not any(e is entry for e in bucket):   # a name listed twice for one entry
                bucket.append(entry)
        for bucket in index.values():
            if len(bucket) > 1:
                # Best-ranked first, then file order; one person's offices latest first.
                first_seen: dict[str, int] = {}
                for position, entry in enumerate(bucket):
                    first_seen.setdefault(entry.name, position)
                bucket.sort(key=lambda e: (-e.rank, first_seen[e.name], -(e.start or 0)))
        self._index = index
        # Longest key length for each first word: bounds the search at each token.
        longest: dict[str, int] = {}
        for key in index:
            if len(key) > longest.get(key[0], 0):
                longest[key[0]] = len(key)
        self._longest = longest
        self._reading_cache: dict[str, tuple[tuple[int, str, int], ...]] = {}
        self.continents = continents or {}   # ISO alpha-3 → continent code

    @classmethod
    def load(cls) -> "Gazetteer":
        """The gazetteer shipped in the package."""
        folder = resources.files("hadath.resources") / "gazetteer"
        pairs: list[tuple[tuple[str, ...], GazEntry]] = []
        continents: dict[str, str] = {}
        for filename in ENTRY_FILES:
            path = folder / filename
            if not path.is_file():
                continue
            for row in _read_rows(path):
                entry = _entry_from_row(row)
                if row.get("continent"):
                    continents[entry.country] = row["continent"]
                for name in row["names"].split("|"):
                    pairs.append((name_key(name), entry))
        nationalities = folder / NATIONALITY_FILE
        if nationalities.is_file():
            for row in _read_rows(nationalities):
                pairs.extend(_nationality_entries(row))
        return cls(pairs, continents)

    def lookup(self, norm_phrase: str) -> list[GazEntry]:
        """Entries whose name is exactly `norm_phrase` (normalised or not), best first."""
        return list(self._index.get(name_key(norm_phrase), ()))

    @staticmethod
    def choose(candidates: list[GazEntry], year: Optional[int] = None,
               countries: Iterable[str] = ()) -> Optional[GazEntry]:
        """The candidate a text most likely means: one holding its role in `year`
        (a person's office that year), then one of the article's `countries`
        (earliest named first), then the best-ranked. A person who changed office
        during `year` is taken in the later one (بومبيو in 2018: secretary of state)."""
        pool = [e for e in candidates if e.active(year)] or list(candidates)
        first_seen = {}
        for position, entry in enumerate(pool):
            first_seen.setdefault(entry.name, position)
        pool.sort(key=lambda e: (first_seen[e.name], -(e.start or 0)))
        for country in countries:
            for entry in pool:
                if entry.country == country:
                    return entry
        return pool[0] if pool else None

    def entries(self) -> Iterable[GazEntry]:
        seen = set()
        for bucket in self._index.values():
            for entry in bucket:
                if id(entry) not in seen:
                    seen.add(id(entry))
                    yield entry

    def match(self, tokens: list[Token]) -> list[GazMatch]:
        """Longest non-overlapping known names in `tokens`, left to right. A name
        gives way to one starting inside it that reaches further (`الشيخ محمد بن
        راشد` to `محمد بن راشد آل مكتوم`)."""
        found: list[GazMatch] = []
        norms: list[str] = []   # the tokens' forms, listed once a word starts a known name
        known = self._reading_cache
        n = len(tokens)
        i = 0
        while i < n:
            token = tokens[i]
            # most words start no name: answered from the cache without a call
            best = None if not token.is_word or known.get(token.norm) == () else \
                self._longest_at(tokens, i, norms)
            if best is None:
                i += 1
                continue
            length, prefix, bucket = best
            if any(self._reaches_beyond(tokens, j, i + length, norms) for j in range(i + 1, i + length)
                   if known.get(tokens[j].norm) != ()):
                i += 1
                continue
            start = stem_start(tokens[i], prefix)
            last = tokens[i + length - 1]
            found.append(GazMatch(i, i + length, start, last.end, bucket[0], list(bucket)))
            i += length
        return found

    def _reaches_beyond(self, tokens: list[Token], i: int, end: int, norms: list[str]) -> bool:
        """Whether a known name starting at token i ends after token `end`."""
        best = self._longest_at(tokens, i, norms)
        return best is not None and i + best[0] > end

    def _longest_at(self, tokens: list[Token], i: int, norms: list[str]
                    ) -> Optional[tuple[int, int, list[GazEntry]]]:
        """(length, proclitic length, entries) of the longest known name starting at token i."""
        token = tokens[i]
        if not token.is_word:
            return None
        readings = self._reading_cache.get(token.norm)
        if readings is None:
            readings = self._readings(token.norm)
        if not readings:   # most words start no name
            return None
        if not norms:
            norms.extend(t.norm for t in tokens)
        n = len(tokens)
        best: Optional[tuple[int, int, list[GazEntry]]] = None
        for prefix, stem, limit in readings:
            for length in range(min(limit, n - i), 0, -1):
                if best and length <= best[0]:
                    break
                bucket = self._index.get((stem, *norms[i + 1:i + length]))
                if bucket:
                    best = (length, prefix, bucket)
                    break
        return best

    def _readings(self, norm: str) -> tuple[tuple[int, str, int], ...]:
        """(prefix length, stem, longest name length) for each reading of a word
        that starts a known name; remembered per word, as words repeat."""
        cached = self._reading_cache.get(norm)
        if cached is None:
            longest = self._longest
            cached = tuple((p, s, longest[s]) for p, s in _first_word_readings(norm) if s in longest)
            if len(self._reading_cache) < READING_CACHE_SIZE:
                self._reading_cache[norm] = cached
        return cached


def name_key(name: str) -> tuple[str, ...]:
    """The normalised token sequence a name is indexed under."""
    norm = normalize(name)
    if _PLAIN_WORDS.match(norm):   # the common case, without the tokenizer's cost
        return tuple(norm.split())
    return tuple(t.norm for t in tokenize(norm))


def _first_word_readings(norm: str) -> list[tuple[int, str]]:
    """The word itself, then its clitic-stripped stems long enough to be names."""
    if norm[:1] not in _NAME_PROCLITIC_START:
        return [(0, norm)]
    return [(p, s) for p, s in proclitic_splits(norm)
            if p == 0 or (len(s) >= MIN_STRIPPED_STEM and not norm[:p].endswith(_NOT_NAME_PROCLITIC))]


def _read_rows(path) -> list[dict]:
    """Rows of a TSV file with a header line; `#` lines are comments."""
    lines = [line for line in path.read_text(encoding="utf-8").split("\n")
             if line and not line.startswith("#")]
    header = lines[0].split("\t")
    return [dict(zip(header, line.split("\t"))) for line in lines[1:]]


def _entry_from_row(row: dict) -> GazEntry:
    names = row["names"].split("|")
    country = row.get("country") or None
    geo = None
    if row.get("lat") and row.get("lon"):
        geo = {"lat": float(row["lat"]), "lon": float(row["lon"]),
               "country": country, "kind": row["kind"]}
    return GazEntry(
        name=names[0], type=row["type"], kind=row["kind"], latin=row.get("latin") or None,
        country=country, actor=row.get("actor") or None, geo=geo,
        role=row.get("role") or None,
        start=int(row["start"]) if row.get("start") else None,
        end=int(row["end"]) if row.get("end") else None,
        rank=int(row["rank"]) if row.get("rank") else 0)


# Suffixes that inflect a nisba adjective (روسي): feminine, dual, plurals.
_NISBA_SUFFIXES = ("", "ه", "ان", "ين", "ون", "ات", "تان", "تين")


def _nationality_entries(row: dict) -> list[tuple[tuple[str, ...], GazEntry]]:
    """Every written form of a nationality adjective (روسي روسية الروسي الروس روسيون...)."""
    country = row["country"] or None   # peoples without a state of their own (كردي، عربي)
    masculine = normalize(row["adjective"])
    entry = GazEntry(name=row["adjective"], type="NORP", kind="nationality",
                     latin=row.get("latin") or None, country=country, actor=country)
    forms = {masculine + s for s in _NISBA_SUFFIXES}
    forms.update(normalize(p) for p in row.get("plurals", "").split("|") if p)
    forms |= {"ال" + f for f in forms}
    return [((form,), entry) for form in forms]
