"""Quotation marks: pairing an opening mark with its closing one, and headline quotations.

Arabic news uses «…», “…”, "…" and now and then '…'; right-to-left typing also
produces reversed pairs (”…“, »…«). A quotation may run over several sentences
but not past its paragraph; one that never closes ends with its paragraph, and a
nested quotation of another kind ("«…»" inside “…”) is skipped over.
"""
from __future__ import annotations

import re
from typing import Optional

# opening mark → the marks that may close it
CLOSERS = {"«": "»", "»": "«", "“": "”“", "”": "“”", "„": "”“", "‹": "›", '"': '"', "'": "'",
           "″": '″"'}
OPENING = frozenset(CLOSERS)
ANY_MARK = frozenset("«»“”„‹›\"'″")
_HEADLINE = re.compile(r"^(?P<speaker>[^:\n]{2,60}?)\s*:\s*(?P<content>\S[^\n]*)$")
# A headline's speaker is the last piece of a title made of several (كذا.. وزعيمهم: …)
_PIECES = re.compile(r"\.\.+|…|،|,|\s[-–|]\s")


def closing_mark(text: str, open_at: int, limit: Optional[int] = None) -> int:
    """Index of the mark closing the one at `open_at`, or -1 when it does not
    close before the end of its paragraph (or `limit`)."""
    mark = text[open_at]
    closers = CLOSERS.get(mark)
    if closers is None:
        return -1
    end = text.find("\n", open_at)
    end = len(text) if end == -1 else end
    if limit is not None:
        end = min(end, limit)
    symmetric = mark in closers
    depth = 0
    for i in range(open_at + 1, end):
        ch = text[i]
        if ch in closers:
            if depth == 0:
                return i
            depth -= 1
        elif not symmetric and ch == mark:
            depth += 1  # the same asymmetric mark opening again: a nested quotation
    return -1


def opens_quotation(text: str, i: int) -> bool:
    """Whether the mark at `i` can open a quotation: a letter, digit or mark follows
    it, and (for the ambiguous ' and ") no letter stands right before it."""
    if i >= len(text) or text[i] not in OPENING:
        return False
    nxt = text[i + 1] if i + 1 < len(text) else ""
    if not nxt or nxt.isspace() and text[i] in "'\"″":
        return False
    if text[i] == "'" and i > 0 and text[i - 1].isalnum():
        return False  # an apostrophe
    return True


def headline_quotation(first_line: str) -> Optional[tuple[int, int, int, int]]:
    """(speaker start, speaker end, content start, content end) for a headline
    `X: …` whose X is a short name phrase, offsets into `first_line`."""
    m = _HEADLINE.match(first_line)
    if not m:
        return None
    s_start, s_end = m.span("speaker")
    pieces = list(_PIECES.finditer(first_line, s_start, s_end))
    if pieces:
        s_start = pieces[-1].end()
    while s_start < s_end and (first_line[s_start].isspace() or first_line[s_start] in ANY_MARK):
        s_start += 1
    speaker = first_line[s_start:s_end]
    words = speaker.split()
    if not 1 <= len(words) <= 5 or any(ch.isdigit() for ch in speaker):
        return None
    c_start, c_end = m.span("content")
    c_start, c_end = strip_marks(first_line, c_start, c_end)
    if len(first_line[c_start:c_end].split()) < 2:
        return None
    return s_start, s_end, c_start, c_end


def strip_marks(text: str, start: int, end: int, marks: bool = True) -> tuple[int, int]:
    """`start:end` without surrounding space and clause punctuation, and (with
    `marks`) without quotation marks at its edges; otherwise only an edge mark
    that has no partner inside the span (an unbalanced one) goes."""
    while True:
        old = start, end
        while start < end and (text[start].isspace() or text[start] in "،,:؛;-–"):
            start += 1
        while end > start and (text[end - 1].isspace() or text[end - 1] in ".،,:؛;-–"):
            end -= 1
        if start < end and text[start] in ANY_MARK and (
                marks or closing_mark(text, start, end) == -1):
            start += 1
        if end > start and text[end - 1] in ANY_MARK and (
                marks or not _has_opener(text, start, end - 1)):
            end -= 1
        if (start, end) == old:
            return start, end


def _has_opener(text: str, start: int, close_at: int) -> bool:
    mark = text[close_at]
    return any(mark in CLOSERS.get(text[i], "") for i in range(start, close_at))
