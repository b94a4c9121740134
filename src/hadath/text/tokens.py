"""Tokenisation with Arabic clitic handling.

Arabic attaches conjunctions (و ف), prepositions (ب ل ك), the future marker (س)
and the article (ال) to the word that follows, and pronouns (ه ها هم ...) to the
word before. A name is found inside such a word (`والصين` → `الصين`,
`لموسكو` → `موسكو`, `بالرئيس` → `الرئيس`). Stripping is ambiguous for
words that merely begin with those letters (`وزير`, `بكين`, `لبنان`), so a token
carries one safe analysis (`core`, only when ال follows the clitics) and
`proclitic_splits` lists every candidate for dictionaries and models to check.
"""
from __future__ import annotations

import re
from bisect import bisect_left
from functools import lru_cache

from ..document import Token
from .normalize import normalize, normalize_with_offsets

# Words: letters and digits (with combining marks and tatweel); numbers with
# separators; every other non-space character is a token of its own.
_TOKEN = re.compile(r"\d+(?:[.,٫٬]\d+)*|[^\W\d_]+(?:[\u064B-\u065F\u0670\u0640][^\W\d_]*)*|\S",
                    re.UNICODE)

# conjunction? preposition? + article: the unambiguous case.
_AL_PREFIX = re.compile(r"^([وف]?[بك]?)ال(?=..)")
# conjunction? + ل + (ا)ل...: لِ before the article drops its alef (للرئيس).
_LIL_PREFIX = re.compile(r"^([وف]?ل)ل(?=..)")
_SAFE_CLITIC_FIRST = frozenset("وفبكل")  # the letters either pattern can start with

PROCLITICS = ("وب", "ول", "وك", "فب", "فل", "فك", "وس", "و", "ف", "ب", "ل", "ك", "س")
ENCLITICS = ("كما", "هما", "كم", "كن", "هم", "هن", "نا", "ها", "ه", "ي", "ك")
# The same, grouped by the letter a word must begin (end) with: the components ask
# for the readings of every word several times, and most words have none.
_PROCLITICS_BY_FIRST = {c: tuple(p for p in PROCLITICS if p[0] == c) for c in {p[0] for p in PROCLITICS}}
_ENCLITICS_BY_LAST = {c: tuple(s for s in ENCLITICS if s[-1] == c) for c in {s[-1] for s in ENCLITICS}}


def tokenize(text: str, offset: int = 0) -> list[Token]:
    """Split `text` into tokens whose offsets are relative to `offset`."""
    # Normalise once for the whole text, then slice each token's form out of it.
    whole = normalize_with_offsets(text)
    folded = whole.text
    kept = whole.offsets  # None when normalisation removed nothing
    tokens = []
    append = tokens.append
    for m in _TOKEN.finditer(text):
        s, e = m.span()
        word = text[s:e]
        norm = folded[s:e] if kept is None else folded[bisect_left(kept, s):bisect_left(kept, e)]
        core_start, core = s, norm
        is_word = word[0].isalnum()
        if is_word:
            prefix, core = safe_core(norm)
            if prefix:
                core_start = s + (prefix if kept is None else original_length(word, prefix))
        append(Token(s + offset, e + offset, word, norm, core_start + offset, e + offset, core, is_word))
    return tokens


def safe_core(norm: str) -> tuple[int, str]:
    """(number of normalised prefix letters, the word without them) for the
    unambiguous clitic + article forms; (0, norm) otherwise."""
    if norm[:1] not in _SAFE_CLITIC_FIRST:  # most words: no regular expression to run
        return 0, norm
    m = _AL_PREFIX.match(norm)
    if m and m.group(1):
        return len(m.group(1)), norm[len(m.group(1)):]
    m = _LIL_PREFIX.match(norm)
    if m:
        return len(m.group(1)), "ال" + norm[len(m.group(1)) + 1:]
    return 0, norm


def safe_core_forms(word: str) -> set[str]:
    """The written forms `safe_core` takes back to `word`: the word itself and, for
    a word with the article, و ف + ب ك before it (`والمباراة`, `بالمباراة`) and ل
    in place of its alef (`للمباراة`, `وللمباراة`); the inverse of the two patterns."""
    forms = {word}
    if word.startswith("ال") and len(word) >= 4:
        forms.update(p + word for p in ("و", "ف", "ب", "ك", "وب", "وك", "فب", "فك"))
        forms.update(p + "ل" + word[2:] for p in ("ل", "ول", "فل"))
    return forms


@lru_cache(maxsize=1 << 16)
def proclitic_splits(norm: str, min_stem: int = 2) -> tuple[tuple[int, str], ...]:
    """Every (prefix length, stem) reading of a normalised word, longest word first.

    `لموسكو` → ((0, 'لموسكو'), (1, 'موسكو')); `للجنه` → (..., (1, 'الجنه'), (1, 'اللجنه')).
    A tuple: results are cached, so they must not be changed by callers.
    """
    out = [(0, norm)]
    for p in _PROCLITICS_BY_FIRST.get(norm[:1], ()):
        if norm.startswith(p) and len(norm) - len(p) >= min_stem:
            stem = norm[len(p):]
            out.append((len(p), stem))
            if p.endswith("ل") and stem.startswith("ل"):
                out.append((len(p), "ا" + stem))   # ل + الرئيس → للرئيس
                out.append((len(p), "ال" + stem))  # ل + اللجنة → للجنة
    return tuple(out)


@lru_cache(maxsize=1 << 16)
def enclitic_splits(norm: str, min_stem: int = 2) -> tuple[tuple[str, str], ...]:
    """(stem, pronoun) readings of a word with an attached pronoun: `بلاده` → ('بلاد', 'ه').
    A tuple: results are cached, so they must not be changed by callers."""
    out = []
    for s in _ENCLITICS_BY_LAST.get(norm[-1:], ()):
        if norm.endswith(s) and len(norm) - len(s) >= min_stem:
            stem = norm[:-len(s)]
            if stem.endswith("ت") and s != "ي":
                out.append((stem[:-1] + "ه", s))  # ta marbuta before a pronoun: حكومته → حكومه
            out.append((stem, s))
    return tuple(out)


def stem_start(token: Token, norm_prefix_len: int) -> int:
    """Character offset where `token` continues after its first `norm_prefix_len`
    normalised letters (the clitics of a `proclitic_splits` reading)."""
    if not norm_prefix_len:
        return token.start
    return token.start + original_length(token.text, norm_prefix_len)


def original_length(word: str, norm_prefix_len: int) -> int:
    """How many characters of the written `word` make up its first
    `norm_prefix_len` normalised letters (diacritics and tatweel count with them)."""
    seen = 0
    for i, ch in enumerate(word):
        if normalize(ch):
            if seen == norm_prefix_len:
                return i
            seen += 1
    return len(word)
