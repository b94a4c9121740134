"""Cues in a sentence and the statements they introduce.

A finite cue (`قال`، `أكد`، `جاء في بيان`) is followed by its subject, then by a
complement: أن/إن (reported speech, to the end of the clause), a colon or an
opening quotation mark (direct speech, to the closing mark). A participle
(`مشيراً إلى أن`) has no subject of its own. An attribution phrase (`وفقاً لـ`،
`بحسب ما ذكرت`) names its source; the statement is the rest of the sentence,
before it or after it. A cue with no complement (`دعا روحاني إلى الحوار`) names
no statement but still tells who is speaking now.

Matching is done on the normalised sentence; every span handed out is in the
offsets of the original text.
"""
from __future__ import annotations

import bisect
import re
from dataclasses import dataclass
from typing import Optional

from ..document import Sentence, Span
from ..text import normalize, normalize_with_offsets
from .direct import closing_mark, opens_quotation, strip_marks
from .lexicon import CueLexicon

_MAX_SUBJECT_WORDS = 16
_MAX_SOURCE_WORDS = 8
# Words after which أن is not a reporting complement (بعد أن، يجب أن، ضرورة أن).
_NOT_COMPLEMENT = frozenset(normalize(w) for w in (
    "بعد قبل منذ دون بدون حتى لدى يجب يمكن ينبغي شأن بد عسى ضرورة أهمية إمكانية يريد تريد "
    "يرفض ترفض يحاول تحاول يستطيع تستطيع").split())
# What may stand before a cue that starts a clause (so its subject is the speaker now).
_CLAUSE_OPENERS = frozenset(normalize(w) for w in (
    "قد وقد ثم كما وكما كان وكان كانت وكانت فيما بينما لكنه ولكنه لكنها ولكنها حين عندما "
    "بدوره بدورها جهته جهتها").split())
_PRE_SUBJECT_OPENERS = frozenset(normalize(w) for w in
                                 "كان وكان كانت وكانت أما وأما بينما فيما ثم".split())
_CNN = re.compile(r"(?<![^\W_])سي\s+ان\s+ان(?![^\W_])")
_RELAYING = frozenset(normalize(w) for w in "نقل نقلت".split())
_RELATIVES = frozenset(normalize(w) for w in "الذي التي الذين اللذان اللتان اللذين".split())
_COMPLEMENT_AHEAD = re.compile(r"[\s،,]*ب?(?:ان|انه|انها|انهم)(?![^\W_])(?![._])\s*")
_STATEMENT_START = re.compile(r"^\s*(?:ف?ان(?:ه|ها|هم)?|ف)(?![^\W_])\s*")
_PRONOUN = re.compile(r"(هما|هم|ها|ه)(?![^\W_])")
_WORDS = re.compile(r"[^\W_]+")


@dataclass(slots=True)
class Candidate:
    how: str                       # verb, participle, statement, attribution, own_words,
                                   # object (اتهم فلان إيران بـ…), track
    cue_span: Span
    kind: Optional[str] = None     # direct / indirect; None for a cue naming no statement
    content: Optional[Span] = None
    subject: Optional[Span] = None  # the phrase naming the speaker, when there is one
    pre_subject: Optional[Span] = None  # a subject written before the verb
    feminine: bool = False
    pronoun: Optional[str] = None   # ه / ها / هم of `وفقاً له`


class _WordCue:
    """A one-word cue, read like the regex matches of the phrase cues."""
    __slots__ = ("_start", "_cue", "_end", "_conj")

    def __init__(self, start: int, cue: int, end: int, conj: str):
        self._start, self._cue, self._end, self._conj = start, cue, end, conj

    def start(self, group: Optional[str] = None) -> int:
        return self._cue if group == "cue" else self._start

    def end(self, group: Optional[str] = None) -> int:
        return self._end

    def group(self, name: str) -> str:
        return self._conj if name == "conj" else ""


class _View:
    """A sentence's normalised text with the way back to original offsets."""

    def __init__(self, text: str, sentence: Sentence):
        self.start, self.end = sentence.start, sentence.end
        n = normalize_with_offsets(text[sentence.start:sentence.end])
        # سي إن إن (CNN) holds إن twice: join it so that neither reads as a complement
        self.norm = _CNN.sub(lambda m: re.sub(r"\s", "_", m.group()), n.text)
        self._offsets = n.offsets

    def pos(self, i: int) -> int:
        """Original offset of normalised index `i`. As an end it keeps the diacritics
        written on the letter before (أكّدَ), which normalising removed."""
        if i >= len(self.norm):
            return self.end
        return self.start + (self._offsets[i] if self._offsets else i)

    def index(self, original: int) -> int:
        """Normalised index of original offset `original` (the first at or after it)."""
        i = original - self.start
        return i if self._offsets is None else bisect.bisect_left(self._offsets, i)


class CueFinder:
    def __init__(self, lexicon: CueLexicon):
        self.lexicon = lexicon
        self._complement = re.compile(
            rf"(?<![^\W_])(?<![._])(?:(?P<prep>{lexicon.preposition})\s+)?"
            r"(?P<comp>ب?(?:ان|انه|انها|انهم|انهما|انهن|اننا|انني))(?![^\W_])(?![._])"
            r"|(?P<colon>:)|(?P<mark>[«»“”„\"'″])")

    def sentence(self, text: str, sentence: Sentence) -> list[Candidate]:
        view = _View(text, sentence)
        cues = self._cues(view.norm)
        found = []
        for k, (start, end, how, m) in enumerate(cues):
            limit = cues[k + 1][0] if k + 1 < len(cues) else len(view.norm)
            cut = self._clause_end(cues, k, view.norm)
            if how in ("verb", "track", "statement") and any(
                    c.content and c.content[0] <= view.pos(start) < c.content[1] for c in found):
                continue  # a report inside a report (قال إن الجيش أكد أن …): the outer one counts
            if how == "attribution":
                c = self._attribution(text, view, m, cut, found)
            elif how == "own_words":
                c = self._own_words(text, view, m, found)
            else:
                c = self._verb(text, view, start, end, how, m, limit, cut)
            if c is not None:
                found.append(c)
        return found

    # -- cues ----------------------------------------------------------------
    def _cues(self, norm: str):
        """(start, end, how, match) of every cue, in text order. One-word cues are
        looked up word by word (with و/ف before them); phrases by their regexes,
        only in sentences that contain one of their words."""
        lex = self.lexicon
        cues = []
        if not lex.words.keys().isdisjoint(_WORDS.findall(norm)):
            for w in _WORDS.finditer(norm):
                word = w.group()
                found = lex.words.get(word)
                if found is None:
                    continue
                how, conj = found
                form = word[conj:]
                if form in lex.lead_only and not (conj or _clause_initial(
                        norm, w.start(), comma=form not in lex.noun_like)):
                    continue  # the noun (رأي، نقل، طالب), or a speech act inside a clause
                m = _WordCue(w.start(), w.start() + conj, w.end(), word[:conj])
                cues.append((m.start("cue"), m.end(), how, m))
        if any(hint in norm for hint in lex.phrase_hints):
            for how, rx in (("statement", lex.statement), ("attribution", lex.attribution),
                            ("own_words", lex.own_words)):
                for m in rx.finditer(norm):
                    start = m.start("cue") if "cue" in rx.groupindex else m.start()
                    end = m.end() if how == "attribution" else (
                        m.end("cue") if "cue" in rx.groupindex else m.end())
                    cues.append((start, end, how, m))
        cues.sort(key=lambda c: (c[0], -c[1]))
        kept = []
        for c in cues:
            if kept and c[0] < kept[-1][1]:
                continue  # inside a longer cue (ذكرت in بحسب ما ذكرت)
            kept.append(c)
        return kept

    def _clause_end(self, cues, k: int, norm: str) -> int:
        """Where the statement of cue `k` ends: at the next cue that opens a clause of
        its own (a participle, an attribution, or a verb after و or a comma)."""
        for start, _, how, m in cues[k + 1:]:
            if how in ("participle", "attribution", "own_words"):
                return m.start()
            if how in ("verb", "statement", "track") and (m.group("conj") or _after_comma(norm, start)):
                return m.start()
        return len(norm)

    # -- finite verbs and participles ------------------------------------------
    def _verb(self, text, view, start, end, how, m, limit, cut) -> Optional[Candidate]:
        norm = view.norm
        cue_word = norm[start:end]
        feminine = _feminine(cue_word, how, cue_word in self.lexicon.present)
        lead = how == "participle" or bool(m.group("conj")) or _clause_initial(norm, start)
        subject_from = end
        if how == "statement":
            subject_from = norm.rfind(" ", start, end) + 1  # the document word: بيان لـ…
        cand = Candidate(how, (view.pos(start), view.pos(end)), feminine=feminine)
        comp = self._find_complement(text, view, end, limit)
        if comp is None:
            reports_object = cue_word in self.lexicon.object_verbs
            if how == "participle" and reports_object:  # مطالباً الدول بضمان حدودها
                cand.kind = "indirect"
                cand.content = strip_marks(text, view.pos(end), view.pos(cut), False)
                return cand if _enough_words(text, cand.content) else None
            if how in ("verb", "track") and lead:
                cand.pre_subject = self._pre_subject(view, m.start(), cue_word)
                if reports_object:
                    # the statement is what follows the subject: the finder narrows it
                    cand.how, cand.kind = "object", "indirect"
                    cand.subject = (view.pos(end), view.pos(cut))
                    cand.content = cand.subject
                    return cand
                cand.how = "track"
                s_end = min(limit, _nth_word_end(norm, end, 5))
                cand.subject = (view.pos(end), view.pos(s_end))
                return cand
            return None
        if how == "track":
            if comp[2] == "mark":
                return None  # دعا إلى "ثورة …": the object of a demand, not a statement
            cand.how = "verb"
        subject_end, content_from, trigger = comp
        if how != "participle":
            if cue_word in _RELAYING:  # نقلت الوكالة عن مسؤول أن: the official speaks
                subject_from = _after_word(norm, subject_from, subject_end, "عن")
            if norm[subject_from:subject_end].strip(" ،,"):
                cand.subject = (view.pos(subject_from), view.pos(subject_end))
            if how == "verb":
                cand.pre_subject = self._pre_subject(view, m.start(), cue_word)
        c_start = view.pos(content_from)
        clause_end = view.pos(cut)
        while c_start < clause_end and text[c_start].isspace():
            c_start += 1
        if trigger == "mark" or opens_quotation(text, c_start):
            close = closing_mark(text, c_start)
            if close == -1:
                cand.kind, cand.content = "direct", strip_marks(text, c_start, clause_end)
            elif trigger == "mark" or not _words_between(text, close + 1, clause_end):
                cand.kind, cand.content = "direct", strip_marks(text, c_start + 1, close)
            else:
                cand.kind, cand.content = "indirect", strip_marks(text, c_start, clause_end, False)
        else:
            cand.kind = "direct" if trigger == "colon" else "indirect"
            cand.content = strip_marks(text, c_start, clause_end, cand.kind == "direct")
        if not _enough_words(text, cand.content):
            return None
        return cand

    def _find_complement(self, text, view, after: int, limit: int):
        """(subject end, content start, 'comp'|'colon'|'mark') in normalised offsets."""
        norm = view.norm
        pos = after
        while True:
            m = self._complement.search(norm, pos, limit)
            if m is None or _word_count(norm, after, m.start()) > _MAX_SUBJECT_WORDS:
                return None
            if m.group("comp"):
                before = norm[max(after, m.start() - 12):m.start()].split()
                if not m.group("prep") and before and before[-1] in _NOT_COMPLEMENT:
                    return None
                return m.start(), m.end(), "comp"
            if m.group("colon"):
                return m.start(), m.end(), "colon"
            # a quotation mark: direct speech when a quotation of some length opens here
            # and ends its clause (`وأضاف "…".`); a name in marks is skipped over
            at = view.pos(m.start())
            close = closing_mark(text, at) if opens_quotation(text, at) else -1
            if close == -1:
                pos = m.end()
                continue
            named = norm[after:m.start()].split()[-1:]  # ذكرت شبكة "سي أن أن": a name in marks
            if (len(_WORDS.findall(text, at, close)) >= 3
                    and not _words_between(text, close + 1, view.pos(limit))
                    and not (named and named[0].removeprefix("ال") in self.lexicon.source_heads)):
                return m.start(), m.start(), "mark"
            pos = max(m.end(), view.index(close + 1))

    def _pre_subject(self, view: _View, cue_start: int, cue_word: str) -> Optional[Span]:
        """A subject written before its verb: `وكان الرئيس بوتين أكد`, `أما ترامب فاتهم`,
        and headlines (`مجلس الأمن يعلن أن`)."""
        norm = view.norm
        before = norm[:cue_start]
        words = list(_WORDS.finditer(before))
        if words and words[-1].group() in _RELATIVES:
            return self._antecedent(view, words[-1].start())
        if not words or "،" in before[words[0].start():] and words[0].group() not in _PRE_SUBJECT_OPENERS:
            return None
        first = words[0]
        if first.group() in _PRE_SUBJECT_OPENERS:
            start = words[1].start() if len(words) > 1 else None
        elif cue_word in self.lexicon.present and len(words) <= 5 and first.group()[0] not in "وف":
            start = first.start()
        else:
            return None
        if start is None:
            return None
        end = words[-1].end()
        if norm[words[-1].start():end] in ("قد", "وقد"):
            end = words[-2].end() if len(words) > 1 else start
        if end <= start or len(words) > 9:
            return None
        return view.pos(start), view.pos(end)

    @staticmethod
    def _antecedent(view: _View, relative_at: int) -> Optional[Span]:
        """`المتحدث باسم الوزارة الذي قال إن …`: the noun phrase before الذي, back to
        the comma or the start of the sentence, six words at most."""
        seg = view.norm[:relative_at].rstrip(" ،,")
        start = max(seg.rfind("،"), seg.rfind(","), seg.rfind(":")) + 1
        words = list(_WORDS.finditer(seg, start))[-6:]
        if not words:
            return None
        return view.pos(words[0].start()), view.pos(words[-1].end())

    # -- attribution phrases -------------------------------------------------
    def _attribution(self, text, view, m, cut, found) -> Optional[Candidate]:
        norm = view.norm
        cand = Candidate("attribution", (view.pos(m.start("cue")), view.pos(m.end("cue"))))
        src_from = m.end()
        pronoun = _PRONOUN.match(norm, src_from)
        if pronoun and norm[m.start("cue"):m.end("cue")].endswith("ل"):
            cand.pronoun = pronoun.group(1)
            src_end = pronoun.end()
            cand.cue_span = (cand.cue_span[0], view.pos(src_end))
        else:
            src_end = _source_end(norm, src_from, cut)
            if src_end <= src_from:
                return None
            head = norm[src_from:src_end].split()[0]
            if head.startswith("ل") and not m.group("cue").endswith("ل"):
                head = head[1:]
            if not (m.group("relay") or head in self.lexicon.source_heads
                    or head.startswith("ال") and head[2:] in self.lexicon.source_heads):
                return None
            cand.subject = (view.pos(src_from), view.pos(src_end))
        opening = not norm[:m.start()].strip(" ،,")
        reported = _COMPLEMENT_AHEAD.match(norm, src_end, cut)
        if reported:  # نقلا عن مسؤول، أن …: the statement follows its source
            span = (view.pos(reported.end()), view.pos(cut))
        elif opening:
            rest = _STATEMENT_START.match(norm[src_end:cut].lstrip(" ،,"))
            c_from = len(norm) - len(norm[src_end:].lstrip(" ،,")) + (rest.end() if rest else 0)
            span = (view.pos(c_from), view.pos(cut))
        else:
            span = (view.start, view.pos(m.start()))
        span = strip_marks(text, *span, marks=False)
        if not _enough_words(text, span) or any(_overlaps(span, c.content) for c in found if c.content):
            return None
        cand.content = span
        cand.kind = "direct" if _all_quoted(text, span) else "indirect"
        if cand.kind == "direct":
            cand.content = strip_marks(text, *span)
        return cand

    def _own_words(self, text, view, m, found) -> Optional[Candidate]:
        """`…، على حد قوله`: the sentence before the phrase, said by the current speaker."""
        span = strip_marks(text, view.start, view.pos(m.start()), marks=False)
        if not _enough_words(text, span) or any(_overlaps(span, c.content) for c in found if c.content):
            return None
        phrase = m.group()
        return Candidate("own_words", (view.pos(m.start()), view.pos(m.end())), "indirect",
                         span, feminine=phrase.endswith("ها"))


def _feminine(cue: str, how: str, present: bool) -> bool:
    if how == "participle":
        return cue.endswith("ه")
    return cue[0] == "ت" if present else cue.endswith("ت")


def _clause_initial(norm: str, start: int, comma: bool = True) -> bool:
    """Whether a verb at `start` opens its clause: at the start, after a comma (unless
    `comma` is False: a noun in apposition follows one too) or an opener (قد، ثم، كان),
    or after a subject that كان/أما put first (وكان ماكرون اقترح)."""
    before = norm[:start].rstrip()
    if not before or before[-1] in ".:" or comma and before[-1] in "،,؛":
        return True
    words = before.split()
    return words[-1] in _CLAUSE_OPENERS or (words[0] in _PRE_SUBJECT_OPENERS and len(words) <= 8)


def _after_comma(norm: str, start: int) -> bool:
    before = norm[:start].rstrip()
    return bool(before) and before[-1] in "،,؛"


def _after_word(norm: str, start: int, end: int, word: str) -> int:
    m = re.search(rf"(?<![^\W_]){word}(?![^\W_])\s*", norm[start:end])
    return start + m.end() if m else start


def _nth_word_end(norm: str, start: int, n: int) -> int:
    end = start
    for i, m in enumerate(_WORDS.finditer(norm, start)):
        if i >= n:
            break
        end = m.end()
    return end


def _word_count(norm: str, start: int, end: int) -> int:
    return len(_WORDS.findall(norm, start, end))


def _words_between(text: str, start: int, end: int) -> bool:
    return bool(_WORDS.search(text, start, max(start, end)))


def _enough_words(text: str, span: Span) -> bool:
    return len(_WORDS.findall(text, span[0], span[1])) >= 2


def _overlaps(a: Span, b: Span) -> bool:
    return a[0] < b[1] and b[0] < a[1]


def _all_quoted(text: str, span: Span) -> bool:
    """The whole span is one quotation in marks."""
    return opens_quotation(text, span[0]) and closing_mark(text, span[0], span[1]) == span[1] - 1


def _source_end(norm: str, start: int, cut: int) -> int:
    """End of the source phrase after an attribution word: a comma, a full stop,
    a colon, the statement (فإن / أن) or a few words at most."""
    end = start
    for i, m in enumerate(_WORDS.finditer(norm, start, cut)):
        gap = norm[end:m.start()]
        if i and any(ch in gap for ch in "،,.:؛\n") or i >= _MAX_SOURCE_WORDS:
            break
        if m.group() in ("فان", "ان", "انه", "انها", "فانه", "فانها") and norm[m.start() - 1] != "_":
            break
        end = m.end()
    return end
