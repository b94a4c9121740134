"""Sentence splitting for Arabic news.

A sentence ends at . ! ? ؟ (and … ) followed by space, and always at a line
break: headlines, bullets and list lines are sentences of their own. Inside a
quotation that opened on the same line («…», “…”, "…") a full stop does not end
the sentence, so a quoted statement of several sentences stays whole. Known
abbreviations (د. م. أ.ف.ب) and single letters followed by a dot do not end one;
nor do decimal points. The comma (،) and semicolon (؛) never do: in Arabic
news they join clauses of one sentence.
"""
from __future__ import annotations

import re

from ..document import Sentence

_OPEN_CLOSE = {"«": "»", "“": "”", "„": "”", "‹": "›"}
_SYMMETRIC = {'"', "″"}
_TERMINATORS = set(".!?؟…")
# Abbreviations that end with a dot: titles, agencies, months and initials.
_ABBREVIATIONS = {"د", "م", "ص", "ق", "ه", "هـ", "أ", "ا", "ب", "ف", "ج", "ت", "س", "ش", "ك", "ع",
                  "Dr", "Mr", "Mrs", "St", "No", "vs", "etc", "U.S", "U.N"}
# Long quotations that never close must not swallow a whole paragraph.
_MAX_QUOTED = 600


def split_sentences(text: str) -> list[Sentence]:
    """Sentence spans over `text`, covering every non-space character once."""
    spans: list[Sentence] = []
    for line_start, line_end in _lines(text):
        for s, e in _split_line(text, line_start, line_end):
            s, e = _trim(text, s, e)
            if e > s:
                spans.append(Sentence(s, e))
    return spans


def _lines(text: str):
    start = 0
    for m in re.finditer(r"\n", text):
        yield start, m.start()
        start = m.end()
    yield start, len(text)


_EVENTS = re.compile(r"[.!?؟…«»“”„‹›\"″]")


def _split_line(text: str, start: int, end: int):
    # Only quotation marks and terminators matter: visit those, not every character.
    sent_start = start
    closing: str | None = None
    quote_open_at = -1
    skip_to = start
    for m in _EVENTS.finditer(text, start, end):
        i = m.start()
        if i < skip_to:
            continue
        ch = text[i]
        if closing is not None:
            if ch == closing or (closing in _SYMMETRIC and ch in _SYMMETRIC):
                closing = None
                continue
            if i - quote_open_at <= _MAX_QUOTED:
                continue
            closing = None  # an unbalanced mark: stop treating the rest as quoted
        if ch in _OPEN_CLOSE:
            closing, quote_open_at = _OPEN_CLOSE[ch], i
        elif ch in _SYMMETRIC:
            # a closing mark with no opening one (unbalanced) is left alone
            if _has_partner(text, i + 1, end, ch):
                closing, quote_open_at = ch, i
        elif ch in _TERMINATORS and _ends_sentence(text, i, end):
            j = i + 1
            while j < end and (text[j] in _TERMINATORS or text[j] in "»”\"')"):
                j += 1
            yield sent_start, j
            sent_start = skip_to = j
    if sent_start < end:
        yield sent_start, end


def _has_partner(text: str, i: int, end: int, mark: str) -> bool:
    return text.find(mark, i, end) != -1


def _ends_sentence(text: str, i: int, end: int) -> bool:
    ch = text[i]
    nxt = text[i + 1] if i + 1 < end else ""
    if nxt and not (nxt.isspace() or nxt in _TERMINATORS or nxt in "»”\"')"):
        return False  # 3.5, أ.ف.ب, www.site.com
    if ch == ".":
        word = _word_before(text, i)
        if word in _ABBREVIATIONS or word.isdigit() and len(word) <= 2 and _next_is_digit(text, i + 1, end):
            return False
    return True


def _word_before(text: str, i: int) -> str:
    j = i
    while j > 0 and i - j < 12 and not text[j - 1].isspace() and text[j - 1] != ".":
        j -= 1
    return text[j:i]


def _next_is_digit(text: str, i: int, end: int) -> bool:
    rest = text[i:min(end, i + 3)].strip()
    return bool(rest) and rest[0].isdigit()


def _trim(text: str, s: int, e: int) -> tuple[int, int]:
    while s < e and text[s].isspace():
        s += 1
    while e > s and text[e - 1].isspace():
        e -= 1
    return s, e
