"""The cue lexicon (resources/quotes/cues.tsv) compiled into the regexes the finders use.

All patterns match the normalised text (hadath.text.normalize), so one form covers
its spellings with and without hamza, shadda or tanween (أكّد، اكد؛ مشيراً، مشيرا).
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from importlib import resources
from typing import Pattern

from ..text import normalize

_W = r"[^\W_]"  # a letter or digit


@dataclass(frozen=True)
class CueLexicon:
    attribution: Pattern[str]   # وفقا لما ذكرت / بحسب / نقلا عن … up to the source
    statement: Pattern[str]     # جاء في بيان
    statement_nouns: frozenset[str]
    own_words: Pattern[str]     # على حد قوله
    source_heads: frozenset[str]  # مصدر، وكالة …: a phrase after بحسب that names a source
    lead_in: frozenset[str]     # attribution and relay words: they never start a subject
    body_heads: frozenset[str]  # مجلس، وزارة …: a speaker that can issue a statement
    words: dict[str, tuple[str, int]]  # one-word cue as written with و/ف or without →
                                       # (verb / track / participle, length of the و/ف)
    phrase_hints: tuple[str, ...]  # substrings without which no phrase cue can match
    object_verbs: frozenset[str]  # speech acts whose object is the statement (اتهم، طالب)
    noun_like: frozenset[str]   # forms that are also nouns (رأي، طالب): only where a clause opens
    lead_only: frozenset[str]   # noun_like and speech acts: only where a clause opens
    present: frozenset[str]     # imperfect forms (يقول، تعلن): تـ there marks the feminine
    preposition: str            # regex: words between a verb and its complement (أشار إلى أن)

    @classmethod
    def load(cls) -> "CueLexicon":
        text = resources.files("hadath").joinpath("resources", "quotes", "cues.tsv").read_text("utf-8")
        rows: dict[str, list[tuple[list[str], list[str]]]] = {}
        object_forms: set[str] = set()
        for line in text.splitlines():
            if not line.strip() or line.startswith("#"):
                continue
            kind, forms, *rest = line.split("\t")
            preps = rest[0].split() if rest else []
            if len(rest) > 1 and rest[1] == "object":
                object_forms.update(normalize(f).lstrip("+") for f in forms.split())
            sep = "|" if kind == "own_words" else None
            rows.setdefault(kind, []).append(([normalize(f).strip() for f in forms.split(sep)],
                                              [normalize(p) for p in preps]))
        noun_like = {f[1:] for kind in ("verb", "track") for fs, _ in rows.get(kind, [])
                     for f in fs if f.startswith("+")}
        lead_only = noun_like | {f for fs, _ in rows.get("track", []) for f in fs}
        for kind in rows:
            rows[kind] = [([f.lstrip("+") for f in fs], ps) for fs, ps in rows[kind]]
        verbs = {f for fs, _ in rows.get("verb", []) + rows.get("track", []) for f in fs}
        present = {f for f in verbs if f[0] == "ي" or f[0] == "ت" and "ي" + f[1:] in verbs}

        def forms(kind: str) -> list[str]:
            return sorted({f for fs, _ in rows.get(kind, []) for f in fs}, key=len, reverse=True)

        def preps(kind: str) -> list[str]:
            return sorted({p for _, ps in rows.get(kind, []) for p in ps}, key=len, reverse=True)

        def alt(words: list[str]) -> str:
            return "|".join(re.escape(w).replace(r"\ ", r"\s+") for w in words)

        relay = alt(forms("relay"))
        # ل joins the source (وفقاً لوكالة); عن and إلى stand apart (نقلاً عن مسؤول)
        attached = [p for p in preps("attribution") if len(p) == 1]
        separate = [p for p in preps("attribution") if len(p) > 1]
        attribution = re.compile(
            rf"(?<!{_W})(?P<conj>[وف]?)(?P<cue>(?:{alt(forms('attribution'))})"
            rf"(?:\s*(?:{alt(attached)})(?=\S)|\s+(?:{alt(separate)})(?=\s))?)"
            rf"(?:\s*(?:ما\s+)?(?P<relay>{relay})(?!{_W}))?\s*")
        nouns = forms("statement")
        statement = re.compile(
            rf"(?<!{_W})(?P<conj>[وف]?)(?P<cue>جاء\s+في\s+(?:{alt(nouns)}))(?!{_W})")
        return cls(attribution=attribution,
                   statement=statement, statement_nouns=frozenset(nouns),
                   own_words=re.compile(rf"(?<!{_W})(?:{alt(forms('own_words'))})(?!{_W})"),
                   source_heads=frozenset(forms("source")) | frozenset(forms("body")),
                   lead_in=frozenset(w for kind in ("attribution", "relay") for f in forms(kind)
                                     for w in f.split()) | {"ما"},
                   body_heads=frozenset(forms("body")),
                   words={conj + f: (kind, len(conj)) for kind in ("track", "participle", "verb")
                          for f in forms(kind) for conj in ("", "و", "ف")},
                   phrase_hints=tuple({f.split()[-1] if kind == "own_words" else f.split()[0]
                                       for kind in ("attribution", "own_words")
                                       for f in forms(kind)} | {"جاء"}),
                   object_verbs=frozenset(object_forms),
                   noun_like=frozenset(noun_like), lead_only=frozenset(lead_only), present=frozenset(present),
                   preposition=alt(sorted(set(preps("verb")) | set(preps("participle")),
                                          key=len, reverse=True)))
