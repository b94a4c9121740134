"""Normalisation of Arabic for matching, with a map back to the original offsets.

Matching folds the spelling variation of Arabic news: hamza and madda on alef
(أ إ آ ٱ → ا), alef maqsura (ى → ي), ta marbuta (ة → ه), hamza carriers (ؤ → و,
ئ → ي), diacritics and tatweel (removed), Arabic-Indic and Persian digits (→ 0-9),
Persian/Urdu letter shapes (ک → ك, ی → ي) and presentation forms (ﻻ → لا).
The original text is never changed: `Normalized.to_original` maps a span of the
normalised string back to the characters it came from.
"""
from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass

# One character in, one character out (or deleted): done with str.translate.
_FOLD = {
    "أ": "ا", "إ": "ا", "آ": "ا", "ٱ": "ا", "ٲ": "ا", "ٳ": "ا",
    "ى": "ي", "ی": "ي", "ې": "ي", "ئ": "ي",
    "ة": "ه", "ۀ": "ه", "ە": "ه",
    "ؤ": "و",
    "ک": "ك", "ڪ": "ك",
    "\u00a0": " ", "\u2009": " ", "\u202f": " ",
}
for _i in range(10):
    _FOLD[chr(0x0660 + _i)] = str(_i)  # Arabic-Indic digits
    _FOLD[chr(0x06F0 + _i)] = str(_i)  # Persian digits

# Deleted: harakat, Quranic marks, superscript alef, tatweel, bidi and zero-width marks.
_DELETE = "".join(chr(c) for c in [*range(0x0610, 0x061B), *range(0x064B, 0x0660), 0x0670,
                                     *range(0x06D6, 0x06EE), 0x0640,
                                     0x200B, 0x200C, 0x200D, 0x200E, 0x200F, 0x061C,
                                     *range(0x202A, 0x202F), *range(0x2066, 0x206A), 0xFEFF])
_TABLE = str.maketrans({**_FOLD, **{c: None for c in _DELETE}})
# str.translate looks every character up in a dict; on a long text, one str.replace
# per mapped character that occurs (a few of them) is several times faster.
_REPLACEMENTS = tuple((chr(k), v or "") for k, v in _TABLE.items())
_LONG = 64
_DELETED = re.compile("[" + re.escape(_DELETE) + "]")
# Arabic presentation forms (ligatures such as ﻻ expand to two letters).
_PRESENTATION = re.compile("[\uFB50-\uFDFF\uFE70-\uFEFF]")


@dataclass(frozen=True, slots=True)
class Normalized:
    """A normalised string and, where characters were removed or expanded, the
    original offset of each of its characters (`None` when the map is the identity)."""
    text: str
    offsets: tuple[int, ...] | None
    original_length: int

    def to_original(self, start: int, end: int) -> tuple[int, int]:
        if self.offsets is None:
            return start, end
        o = self.offsets
        if start >= len(o):
            return self.original_length, self.original_length
        begin = o[start]
        finish = o[end - 1] + 1 if end > start else begin
        return begin, finish


def normalize(text: str) -> str:
    """The matching form of `text` (no offset map): use for dictionary keys."""
    if _PRESENTATION.search(text):
        text = _expand_presentation(text)[0]
    return _fold(text)


def _fold(text: str) -> str:
    if len(text) < _LONG:
        return text.translate(_TABLE)
    for old, new in _REPLACEMENTS:  # no replacement yields another mapped character
        if old in text:
            text = text.replace(old, new)
    return text


def normalize_with_offsets(text: str) -> Normalized:
    """Normalise `text` keeping, for each output character, its original offset."""
    if _PRESENTATION.search(text):
        return _slow_path(text)
    folded = _fold(text)
    if len(folded) == len(text):
        return Normalized(folded, None, len(text))
    # Only deletions happened: every kept character keeps its own index.
    kept = []
    last = 0
    for m in _DELETED.finditer(text):
        kept.extend(range(last, m.start()))
        last = m.end()
    kept.extend(range(last, len(text)))
    return Normalized(folded, tuple(kept), len(text))


def _expand_presentation(text: str) -> tuple[str, list[int]]:
    out: list[str] = []
    origin: list[int] = []
    for i, ch in enumerate(text):
        piece = unicodedata.normalize("NFKC", ch) if _PRESENTATION.match(ch) else ch
        out.append(piece)
        origin.extend([i] * len(piece))
    return "".join(out), origin


def _slow_path(text: str) -> Normalized:
    expanded, origin = _expand_presentation(text)
    chars: list[str] = []
    offsets: list[int] = []
    for ch, i in zip(expanded, origin):
        folded = ch.translate(_TABLE)
        if folded:
            chars.append(folded)
            offsets.append(i)
    return Normalized("".join(chars), tuple(offsets), len(text))


_ARABIC_LETTER = re.compile("[\u0621-\u064A\u0671-\u06D3]")


def is_arabic_letter(ch: str) -> bool:
    return bool(_ARABIC_LETTER.match(ch))
