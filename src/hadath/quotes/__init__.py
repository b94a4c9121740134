"""Pipeline component that fills `Document.quotes`: who said what.

Direct quotations (in marks, after a cue or a headline `X: …`) and reported
speech (cue + أن/إن, attribution phrases) are found sentence by sentence
(`reported.CueFinder`, `direct`); their speakers are resolved against
`Document.entities` with the state of the discourse (`speakers.SpeakerResolver`):
implicit subjects, pronouns and statements go to the speaker or body they
refer to, and a speaker no entity stands for keeps the phrase describing it.
"""
from __future__ import annotations

import re
from typing import Optional

from ..document import Document, Quote
from ..text import normalize, normalize_with_offsets
from .direct import closing_mark, headline_quotation, opens_quotation, strip_marks
from .lexicon import CueLexicon
from .reported import Candidate, CueFinder
from .speakers import Speaker, SpeakerResolver

_PREPOSITIONS = frozenset(normalize(w) for w in "على في من إلى عن مع".split())
_PUNCTUATION = re.compile(r"[^\w\s]")
_POSSESSIVE = re.compile(r"^و?(?P<stem>\w{3,}?)(?:هم|ها|ه|هما)$")


class QuoteFinder:
    def __init__(self, lexicon: CueLexicon):
        self.lexicon = lexicon
        self.cues = CueFinder(lexicon)

    @classmethod
    def load(cls) -> "QuoteFinder":
        return cls(CueLexicon.load())

    def __call__(self, doc: Document) -> None:
        resolver = SpeakerResolver(doc, self.lexicon)
        quotes: list[Quote] = []
        headline = self._headline(doc, resolver)
        if headline is not None:
            quotes.append(headline)
        quoted_until = headline.span[1] if headline else -1
        last_speaker: Optional[Speaker] = None  # of the sentence before, if it quoted someone
        previous_end = 0
        for sentence in doc.sentences:
            if sentence.end <= quoted_until:
                continue
            found = len(quotes)
            candidates = self.cues.sentence(doc.text, sentence)
            if "\n" in doc.text[previous_end:sentence.start]:
                last_speaker = None  # a new paragraph: its voice has to be introduced again
            previous_end = sentence.end
            if not candidates and last_speaker is not None:
                follow_on = _standalone_quotation(doc.text, sentence.start, sentence.end)
                if follow_on is not None:  # وقال: "…". "…": the same voice goes on
                    quotes.append(Quote(text=doc.text[follow_on[0]:follow_on[1]], span=follow_on,
                                        kind="direct", speaker=last_speaker.entity,
                                        speaker_name=last_speaker.name,
                                        speaker_role=last_speaker.role))
                    continue
            last_speaker = None
            for cand in candidates:
                if cand.cue_span[0] < quoted_until:
                    continue  # a cue inside a quotation reports nothing
                if cand.how == "object":
                    speaker = self._object(doc, cand, resolver)
                else:
                    speaker = self._speaker(cand, resolver)
                if cand.how == "track":
                    if cand.subject is not None and speaker is not None:
                        resolver.said(speaker, cand.feminine)
                    continue
                if speaker is None:
                    continue  # nobody to attribute it to: not reported as a quotation
                if cand.how != "participle" or resolver.current is None:
                    resolver.said(speaker, cand.feminine)
                quotes.append(_quote(doc, cand, speaker))
                last_speaker = speaker
                if cand.kind == "direct":
                    quoted_until = max(quoted_until, cand.content[1])
            if len(quotes) == found:
                last_speaker = None
        doc.quotes = _distinct(quotes)

    def _speaker(self, cand: Candidate, resolver: SpeakerResolver) -> Optional[Speaker]:
        if cand.pronoun is not None:
            return resolver.previous(None if cand.pronoun in ("هم", "هما") else cand.pronoun == "ها")
        if cand.how == "track":
            # what follows a verb with no complement may be its object (حذر بولتون إيران):
            # only a subject before the verb or a named entity right after it counts
            if cand.pre_subject is not None:
                speaker = resolver.from_phrase(*cand.pre_subject)
                if speaker is not None:
                    return speaker
            return resolver.from_phrase(*cand.subject, bounded=True)
        for phrase in (cand.subject, cand.pre_subject):
            if phrase is not None:
                speaker = resolver.from_phrase(*phrase)
                if speaker is not None or cand.how == "attribution":
                    return speaker
        return resolver.previous(cand.feminine)

    def _object(self, doc: Document, cand: Candidate, resolver: SpeakerResolver) -> Optional[Speaker]:
        """Speaker of a speech act whose object is the statement, and the statement
        narrowed to what follows the subject (`توعدت واشنطن بفرض عقوبات` → بفرض عقوبات)."""
        start, end = cand.content
        speaker = resolver.from_phrase(*cand.pre_subject) if cand.pre_subject else None
        subject = resolver.subject(start, end, bounded=True)
        found = subject.speaker
        preposition = normalize(doc.text[start:end]).lstrip(" ،,").startswith("ب")
        if speaker is not None:
            pass  # أما ترامب فاتهم إيران …: all that follows the verb is the statement
        elif subject.implicit or found is not None and found.entity is None and preposition:
            speaker = resolver.previous(cand.feminine)  # طالبت بوضع قواعد: no subject written
        elif found is None or found.entity is None and not self._named_source(doc, start, subject.end):
            return None
        elif found.entity is not None and not _named_first(doc, found.entity, start, end):
            return None  # طالبت المجتمع الدولي وعلى رأسه الأمم المتحدة: a named object
        else:
            speaker, start = found, subject.end if subject.end is not None else start
        cand.content = strip_marks(doc.text, start, end, marks=False)
        if len(doc.text[cand.content[0]:cand.content[1]].split()) < 2:
            return None
        return speaker

    def _named_source(self, doc: Document, start: int, end: int) -> bool:
        """A subject phrase with no entity in it is one when it starts with a source or
        body noun (مصدر، السلطات) or a comma closes it (`أعلنت الشرطة، أمس، …`)."""
        words = normalize(doc.text[start:end]).split()
        head = words[0].removeprefix("ال") if words else ""
        after = doc.text[end:end + 3].lstrip()
        return (head in self.lexicon.source_heads or "ال" + head in self.lexicon.source_heads
                or after[:1] in ("،", ","))

    def _headline(self, doc: Document, resolver: SpeakerResolver) -> Optional[Quote]:
        """`باتروشيف: موسكو وبكين متحدتان …` on the first line."""
        line_end = doc.text.find("\n")
        if line_end == -1:
            return None  # a single line is a sentence, not a headline
        found = headline_quotation(doc.text[:line_end])
        if found is None or any(w in self.lexicon.words
                                for w in normalize(doc.text[found[0]:found[1]]).split()):
            return None  # `وقال فلان: …` is a cue the sentences will find
        s_start, s_end, c_start, c_end = found
        speaker = resolver.from_phrase(s_start, s_end)
        if speaker is not None and speaker.entity is None:
            speaker = self._possessor(doc, resolver, s_start, s_end) or speaker
        if speaker is None:
            return None
        if doc.entities and not self._names_one_speaker(doc, speaker, s_start, s_end):
            return None  # `مصر: …`, `قبيل قمة بوتين وترامب: …` label a topic
        colon = doc.text.index(":", s_end)
        return Quote(text=doc.text[c_start:c_end], span=(c_start, c_end), kind="direct",
                     cue=doc.text[s_start:colon + 1], cue_span=(s_start, colon + 1),
                     speaker=speaker.entity, speaker_name=speaker.name, speaker_role=speaker.role)

    @staticmethod
    def _names_one_speaker(doc: Document, speaker: Speaker, start: int, end: int) -> bool:
        """A headline's `X` is a person or body, named at its end (`وزير الخارجية لافروف`),
        and no one else is named in it."""
        entity = doc.entity(speaker.entity)
        if entity is None or entity.type not in ("PER", "ORG"):
            return False
        mentions = doc.entities_in(start, end)
        if not mentions:
            return True  # named through the body of the article (وزعيمهم)
        return len({e.id for _, e in mentions}) == 1 and not doc.text[mentions[-1][0][1]:end].strip()

    def _possessor(self, doc: Document, resolver: SpeakerResolver, start: int,
                   end: int) -> Optional[Speaker]:
        """`وزعيمهم: …` names the leader the body calls `زعيم الحركة نيكول باشينيان`."""
        m = _POSSESSIVE.match(normalize(doc.text[start:end].strip()))
        if m is None:
            return None
        stem = m.group("stem")
        body = normalize_with_offsets(doc.text)
        for hit in re.finditer(rf"(?<!\w)(?:ال)?{re.escape(stem)}(?!\w)", body.text):
            start, stop = body.to_original(hit.start(), hit.end())
            if start < end:
                continue  # the headline itself
            phrase_end = doc.text.find("\n", start)
            phrase_end = len(doc.text) if phrase_end == -1 else phrase_end
            speaker = resolver.from_phrase(start, min(phrase_end, start + 80))
            if speaker is not None and speaker.entity is not None:
                return speaker
        return None


def _named_first(doc: Document, entity_id: str, start: int, end: int) -> bool:
    """Whether `entity_id` is named near the start of `text[start:end]`, before any
    word with و that may start the object or another clause: the subject follows
    its verb (`اتهم وزير الداخلية فلان المعارضة`), an entity further on is its object
    (`طالبت المجتمع الدولي وعلى رأسه الأمم المتحدة`)."""
    mention = next((m for m, e in doc.entities_in(start, end) if e.id == entity_id), None)
    if mention is None:
        return False
    before = normalize(doc.text[start:mention[0]]).split()
    return len(before) <= 5 and not any(w[0] == "و" and (w[1:] in _PREPOSITIONS or w[1:3] == "ال")
                                        for w in before)


def _standalone_quotation(text: str, start: int, end: int) -> Optional[tuple[int, int]]:
    """The inside of a sentence that is one quotation of four words or more."""
    if not opens_quotation(text, start):
        return None
    close = closing_mark(text, start)
    if close == -1 or text[close + 1:end].strip(" .،,!?؟…"):
        return None
    span = strip_marks(text, start + 1, close)
    return span if len(text[span[0]:span[1]].split()) >= 4 else None


def _quote(doc: Document, cand: Candidate, speaker: Speaker) -> Quote:
    start, end = cand.content
    cue = doc.text[cand.cue_span[0]:cand.cue_span[1]]
    return Quote(text=doc.text[start:end], span=(start, end), kind=cand.kind, cue=cue,
                 speaker=speaker.entity, speaker_name=speaker.name, speaker_role=speaker.role,
                 cue_span=cand.cue_span)


def _distinct(quotes: list[Quote]) -> list[Quote]:
    """One quotation per statement: a lead repeated in the body (whole or cut short),
    or a statement found both in marks and as reported speech, is kept once."""
    kept: list[Quote] = []
    seen: list[tuple[str, str]] = []
    for q in quotes:
        key = " ".join(_PUNCTUATION.sub(" ", normalize(q.text)).split())
        name = q.speaker or q.speaker_name or ""
        if any(key == k or n == name and _same_statement(key, k) for k, n in seen):
            continue
        kept.append(q)
        seen.append((key, name))
    return kept


def _same_statement(a: str, b: str) -> bool:
    short, long_ = sorted((a, b), key=len)
    return long_.startswith(short) or short in long_ and len(short) >= 0.6 * len(long_)
