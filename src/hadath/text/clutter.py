"""Removal of website clutter that is not part of the story.

News pages carry lines that would otherwise become false entities, quotations
and events: links to other stories ("اقرأ أيضاً: …", "قد يهمك/ …", BBC's bare
related headlines between paragraphs), app and newsletter notices, separator
rules, agency credits, "اخترنا لك" blocks, and bullet lines that repeat the
headline. The first line (the headline) and single-line inputs are never removed.
"""
from __future__ import annotations

import re

from .normalize import normalize

_BOILERPLATE = re.compile(
    r"^\W*(?:"
    r"اقرا\s*(?:ايضا|المزيد)|ايضا\s*(?:\.\.|:)|قد\s*يهمك|للمزيد\s*:|شاهد\s*(?:\.\.|:)|بالصور\s*:|"
    r"بالفيديو\s*:|اخترنا\s*لك|مواضيع\s*(?:ذات\s*صله|قد\s*تهمك)|اخبار\s*ذات\s*صله|"
    r"يمكنكم\s*(?:استلام|تسلم)\s*اشعارات|تابعونا\s*على|اشترك\s*في|"
    r"\**\s*جميع\s*المقالات\s*المنشوره|\*?\s*نقلا\s*عن\s*\"|لمتابعه\s*.*اضغط\s*هنا|"
    r"(?:فرانس\s*24|france\s*24)\s*/\s*(?:ا\s*ف\s*ب|رويترز|afp)\s*$"
    r")", re.IGNORECASE)
# A link-list label on a line of its own: the headline lines under it go with it.
_LABEL_ONLY = re.compile(r"^\W*(?:اقرا\s*ايضا|اخترنا\s*لك|مواضيع\s*(?:ذات\s*صله|قد\s*تهمك)|"
                         r"اخبار\s*ذات\s*صله|قد\s*يهمك|للمزيد)\W*$")
_RULE = re.compile(r"^\s*[-_=*•·.]{3,}\s*$")
_BULLET = re.compile(r"^\s*[•·▪●■◦*-]\s*")
_SENTENCE_END = re.compile(r"[.!?؟:»\"”)]\s*$")
_PUNCTUATION = re.compile(r"[^\w\s]")
_LIST_ITEM = re.compile(r"^\s*(?:\d+[.)-]|[(\[])|\(\s*[\d.,٫]+")


def remove_clutter(text: str) -> tuple[str, list[str]]:
    """Return the text without clutter lines, and the lines removed."""
    lines = text.split("\n")
    content = [i for i, line in enumerate(lines) if line.strip()]
    if len(content) <= 1:
        return text, []
    first = content[0]
    title = _key(lines[first])
    keys = {i: _key(lines[i]) for i in content}
    kept: list[str] = []
    removed: list[str] = []
    seen: set[str] = set()
    in_link_list = False
    for pos, i in enumerate(content):
        line = lines[i]
        key = keys[i]
        folded = normalize(line)   # once per line: both tests below match the folded form
        drop = False
        if i != first:
            in_link_list = in_link_list and _is_headline_like(line)
            drop = (in_link_list or _is_boilerplate(line, folded) or key in seen
                    or (_BULLET.match(line) and _similar(key, title))
                    or _is_prefix_of_later(key, [keys[j] for j in content[pos + 1:pos + 3]])
                    or _is_related_headline(lines, content, pos))
        if _LABEL_ONLY.match(folded):
            in_link_list = True
        if drop:
            removed.append(line.strip())
        else:
            kept.append(line.rstrip())
            if key:
                seen.add(key)
    return "\n".join(kept), removed


def _key(line: str) -> str:
    return " ".join(_PUNCTUATION.sub(" ", normalize(_BULLET.sub("", line))).split())


def _is_boilerplate(line: str, folded: str) -> bool:
    return bool(_RULE.match(line) or _BOILERPLATE.match(folded))


def _similar(a: str, b: str) -> bool:
    return bool(a) and (a == b or a in b or b in a)


def _is_prefix_of_later(key: str, later: list[str]) -> bool:
    """A lead cut short ("…") and repeated in full right after it: keep the full one."""
    return len(key) >= 40 and any(k != key and k.startswith(key) for k in later)


def _is_headline_like(line: str) -> bool:
    line = line.strip()
    return len(line.split()) <= 16 and not _SENTENCE_END.search(line)


def _is_related_headline(lines: list[str], content: list[int], pos: int) -> bool:
    """A headline-like line set between full paragraphs: 5–16 words, no final
    punctuation, no comma, not a list item. (Section sub-headings are shorter;
    list lines come in runs and carry numbers or brackets.)"""
    line = lines[content[pos]].strip()
    words = line.split()
    if not 5 <= len(words) <= 16 or _SENTENCE_END.search(line) or "،" in line or "," in line:
        return False
    if _LIST_ITEM.search(line):
        return False
    before = lines[content[pos - 1]].strip()
    if not _SENTENCE_END.search(before):
        return False
    if pos + 1 == len(content):
        return True
    after = lines[content[pos + 1]].strip()
    return len(after.split()) > 8 and not _LIST_ITEM.search(after)
