"""Who said it: from the subject phrase of a cue to an entity, a name and a role.

The subject phrase is cut where the adjuncts start (في، خلال، اليوم، لوكالة …).
An entity mention inside it gives the speaker (a person first, then a body);
with no entity the phrase itself is the speaker, split into the title as
written (`وزير الخارجية الروسي`) and the name that follows it.

`SpeakerResolver` also keeps the state of one document: the current speaker
(for `وأضاف:` with no subject, participles, `على حد قوله`), the last masculine
and feminine ones (for `وفقاً له` / `وفقاً لها`) and the last body that issued a
statement (for `البيان`).
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from typing import NamedTuple, Optional

from ..document import Document, Entity
from ..text import normalize
from .lexicon import CueLexicon

# Words that end a subject phrase: prepositions, times and the like.
_ADJUNCTS = frozenset(normalize(w) for w in (
    "في خلال أمام عبر لدى اليوم أمس غدا مساء صباح الليلة ليل يوم عقب بعد قبل أثناء ضمن "
    "حول من منذ على إلى عن مع أن إن أنه إنه بأن لكن لكنه حيث وذلك ذلك كذلك أيضا أيضاً "
    "الإثنين الاثنين الثلاثاء الأربعاء الخميس الجمعة السبت الأحد هذا هذه قد وقد الذي التي "
    "لوكالة لصحيفة لقناة لشبكة لموقع لوسائل للصحفيين للصحافيين لتلفزيون لإذاعة للتلفزيون "
    "للإذاعة لمراسل للمراسلين للصحافة للصحيفة للوكالة لـ بشأن إزاء تجاه ردا رداً بالقول "
    "عشية قبيل بعيد مطلع أواخر أوائل ليلا صباحا مساء ظهرا فجرا رسميا مجددا مرة صراحة علنا مؤخرا "
    "حاليا لاحقا سابقا نفسه نفسها نفسهم ذاته ذاتها مرارا تكرارا بشدة لأول لذا مخاطبا مخاطبة متحدثا "
    "متحدثة معلقا معلقة").split())
# Times that may open what follows a verb (قال العام الماضي إن) but also end a title
# (الأمين العام): they mark an implicit subject only at the start.
_TIME_OPENERS = frozenset(normalize(w) for w in "العام الشهر الأسبوع السنة".split())
# Words after which an ال-word still belongs to a name (عبد الله، آل سعود).
_NAME_JOINERS = frozenset(normalize(w) for w in "عبد أبو أبي بن ابن بنت آل".split())
# A preposition with a pronoun right after the verb (قالت فيها، أعلنت عنها): not the subject.
_PRONOUN_PREPOSITIONS = frozenset(normalize(w) for w in (
    "فيه فيها فيهم عنه عنها عنهم له لها لهم منه منها منهم عليه عليها عليهم إليه إليها "
    "إليهم معه معها معهم بها به بهم خلاله خلالها").split())
# What keeps an anonymous source's description going past عن (طلب عدم الكشف عن اسمه).
_WITHHELD = frozenset(normalize(w) for w in "اسمه اسمها هويته هويتها أسمائهم هويتهم".split())
_CALLED = frozenset(normalize(w) for w in "يدعى ويدعى يدعي".split())
_WORD = re.compile(r"[^\s،,:؛;()\[\]\"«»“”]+|[،,(]")


@dataclass(frozen=True, slots=True)
class Speaker:
    entity: Optional[str]
    name: str
    role: Optional[str] = None
    body: bool = False   # an organisation, state or outlet: it can issue a statement


class Subject(NamedTuple):
    speaker: Optional[Speaker]
    end: Optional[int]          # where the subject phrase ends (None: not found)
    implicit: bool = False      # no subject written: the current speaker goes on


class SpeakerResolver:
    def __init__(self, doc: Document, lexicon: CueLexicon):
        self.doc = doc
        self.lexicon = lexicon
        self.current: Optional[Speaker] = None
        self.by_gender: dict[bool, Speaker] = {}
        self.issuer: Optional[Speaker] = None

    # -- discourse state --------------------------------------------------
    def said(self, speaker: Optional[Speaker], feminine: bool) -> None:
        """Record `speaker` as the one speaking now."""
        if speaker is None:
            return
        self.current = speaker
        self.by_gender[feminine] = speaker
        if speaker.body:
            self.issuer = speaker

    def previous(self, feminine: Optional[bool] = None) -> Optional[Speaker]:
        """The implicit subject: the current speaker, or the last of the given gender
        when the current one does not agree with the verb (وأضافت after a man)."""
        if feminine is None or self.current is None:
            return self.current
        if feminine in self.by_gender:
            return self.by_gender[feminine]
        if feminine and not self.current.body:
            return None  # وأضافت after men only: not one of them (bodies take both genders)
        return self.current

    # -- subject phrases --------------------------------------------------
    def from_phrase(self, start: int, end: int, bounded: bool = False) -> Optional[Speaker]:
        """The speaker named by the subject phrase `text[start:end]`, or None when
        the phrase names nobody (the subject is implicit). With `bounded`, a
        phrase that is not an entity must end (at a comma or an adjunct) before
        `end`: what runs on may be the verb's object."""
        return self.subject(start, end, bounded).speaker

    def subject(self, start: int, end: int, bounded: bool = False) -> "Subject":
        """The speaker of `from_phrase`, where the subject phrase ends, and whether
        the text names no subject at all (`وأضاف أن`, `قال في مؤتمر`)."""
        words = [(m.start(), m.end(), normalize(m.group()))
                 for m in _WORD.finditer(self.doc.text, start, end)]
        while words and (words[0][2] in "،," or words[0][2] in _PRONOUN_PREPOSITIONS
                         or words[0][2] in self.lexicon.lead_in):
            words.pop(0)  # بحسب ما أفاد تلفزيون …، الذي أوضح: the channel is the subject
        if (not words or words[0][2] in _ADJUNCTS or words[0][2] in _TIME_OPENERS
                or words[0][2] == "(" or words[0][2].startswith("لل")):
            return Subject(None, start, True)  # قال في …، قال للنساء: no subject written
        called = next((i for i, w in enumerate(words) if w[2] in _CALLED), None)
        if called is not None and called + 1 < len(words):
            words = words[called + 1:]  # أحد المحتجين ويدعى ديفيد
        head, apposition = _parts(words)
        if not head:
            return Subject(None, start, True)
        phrase_end = (apposition or head)[-1][1]
        if head[0][2] in self.lexicon.statement_nouns:
            return Subject(self._statement(head, end), head[-1][1])
        speaker, mention_end = self._named(head, apposition)
        if speaker.entity is not None:
            # the subject ends with its apposition (جون بولتون، مستشار …،) or with the name
            comma_closed = bool(apposition) or len(words) > len(head) and words[len(head)][2] in "،,"
            return Subject(speaker, phrase_end if comma_closed else mention_end)
        last_word = next(w for w in reversed(words) if w[2] not in "،,")
        if bounded and (apposition or head)[-1] is last_word:
            return self._source_description(head)
        return Subject(speaker, phrase_end)

    def _source_description(self, head) -> "Subject":
        """`متحدث باسم الجيش الإسرائيلي حصول الغارات`: a source noun and its
        modifiers, up to the first word without ال after them (the object)."""
        if head[0][2] not in self.lexicon.source_heads:
            return Subject(None, None)
        end = len(head)
        for i in range(1, len(head)):
            if head[i - 1][2].startswith("ال") and not head[i][2].startswith("ال"):
                end = i
                break
        if end == len(head):
            return Subject(None, None)
        return Subject(Speaker(None, self.doc.text[head[0][0]:head[end - 1][1]],
                               body=head[0][2] in self.lexicon.body_heads), head[end - 1][1])

    def _statement(self, head, end: int) -> Optional[Speaker]:
        """`البيان` → the body that issued it; `بيان لمجلس الأمن` → that body."""
        rest_start = head[1][0] if len(head) > 1 else end
        text = self.doc.text
        if len(head) > 1 and head[1][2].startswith("ل") and len(head[1][2]) > 2:
            issuer = self._named_from(rest_start + _clitic_length(text, rest_start), end)
        elif len(head) > 2 and head[1][2] in ("الصادر", "صادر") and head[2][2] == "عن":
            issuer = self._named_from(head[2][1], end) if len(head) > 3 else None
        else:
            issuer = None
        if issuer is not None:
            name = issuer.name
            if issuer.entity is None and head[1][2].startswith("لل") and name.startswith("ل"):
                name = "ا" + name  # للقوات: ل before ال drops its alef
            issuer = Speaker(issuer.entity, name, issuer.role, body=True)
            self.issuer = issuer
            return issuer
        if self.issuer is not None:
            return self.issuer
        a, b = head[0][0], head[-1][1]
        return Speaker(None, text[a:b], body=True)

    def _named_from(self, start: int, end: int) -> Optional[Speaker]:
        words = [(m.start(), m.end(), normalize(m.group()))
                 for m in _WORD.finditer(self.doc.text, start, end)]
        if not words or words[0][2] in _ADJUNCTS:
            return None
        head, apposition = _parts(words)
        return self._named(head, apposition)[0] if head else None

    def _named(self, head, apposition) -> tuple[Speaker, Optional[int]]:
        """The speaker a head phrase (and its apposition) names, and the end of
        the entity mention that named it."""
        text = self.doc.text
        while len(head) > 1 and head[-1][2] not in _WITHHELD and _possessed(text[head[-1][0]:head[-1][1]]):
            head = head[:-1]  # حث الرئيس مواطنيه: the object, not part of the subject
        h_start, h_end = head[0][0], head[-1][1]
        name_at = _name_start(head, self.lexicon, text)
        title_only = name_at is None
        found = self._entity(h_start, h_end, "PER")
        if found is None and title_only and apposition and _name_like(apposition):
            found = self._entity(apposition[0][0], apposition[-1][1], "PER")
        if found is None:
            found = self._entity(h_start, h_end, "ORG")
        if found is None:
            found = self._entity(h_start, h_end, None, at=h_start)
        if found is not None:
            (m_start, m_end), entity = found
            role = entity.role or _title_before(text, h_start, m_start)
            if role is None and apposition and not _name_like(apposition):
                role = _clean(text[apposition[0][0]:apposition[-1][1]]) or None
            return Speaker(entity.id, entity.name, role, body=entity.type != "PER"), m_end
        body = head[0][2] in self.lexicon.body_heads
        if body:  # وكالة فرانس برس، مجلس الأمن: the name of a body is all of it
            own = next((i for i, w in enumerate(head) if i and _possessed(text[w[0]:w[1]])), len(head))
            return Speaker(None, text[h_start:head[own - 1][1]], body=True), None
        if title_only:
            if apposition and _name_like(apposition):
                return Speaker(None, text[apposition[0][0]:apposition[-1][1]],
                               _clean(text[h_start:h_end])), None
            titled = self._titled_person(" ".join(w[2] for w in head), h_start)
            if titled is not None:  # قال الرئيس الروسي → the one called so elsewhere
                return Speaker(titled.id, titled.name, _clean(text[h_start:h_end])), None
            return Speaker(None, text[h_start:h_end], body=body), None
        role = _clean(text[h_start:head[name_at][0]]) or None
        if role is None and apposition and not _name_like(apposition):
            role = _clean(text[apposition[0][0]:apposition[-1][1]]) or None
        return Speaker(None, text[head[name_at][0]:h_end], role), None

    def _titled_person(self, title: str, at: int) -> Optional[Entity]:
        """The person whose name the article writes after `title` (normalised), or
        whose role it is: the last one before `at`, else the first after it."""
        before: Optional[tuple[int, Entity]] = None
        after: Optional[tuple[int, Entity]] = None
        for entity in self.doc.entities:
            if entity.type != "PER":
                continue
            if entity.role and normalize(entity.role).endswith(title):
                return entity
            for start, _ in entity.mentions:
                written = normalize(self.doc.text[max(0, start - len(title) - 4):start])
                if not written.rstrip(" ،,").endswith(title):
                    continue
                if start < at and (before is None or start > before[0]):
                    before = (start, entity)
                elif start >= at and (after is None or start < after[0]):
                    after = (start, entity)
        found = before or after
        return found[1] if found else None

    def _entity(self, start: int, end: int, etype: Optional[str],
                at: Optional[int] = None) -> Optional[tuple[tuple[int, int], Entity]]:
        for span, entity in self.doc.entities_in(start, end + 1):
            if etype is not None and entity.type != etype:
                continue
            if at is not None and span[0] > at + 2:  # a clitic may precede the mention
                continue
            return span, entity
        return None


def _parts(words):
    """The head of a subject phrase (up to a comma or an adjunct) and the
    apposition after a comma (`جون بولتون، مستشار …`)."""
    head, apposition = [], []
    current = head
    for i, w in enumerate(words):
        if (w[2] == "عن" and i + 1 < len(words) and words[i + 1][2] in _WITHHELD
                or w[2] == "ان" and i and words[i - 1][2] in ("سي", "ان")):
            current.append(w)  # عن اسمه، سي إن إن: part of the description
            continue
        if w[2] in "،,":
            if current is head and head:
                current = apposition
                continue
            break
        if w[2] in _ADJUNCTS or w[2] == "(" or w[2][0].isdigit():
            break
        current.append(w)
    return head[:8], apposition[:8]


def _name_start(head, lexicon: CueLexicon, text: str) -> Optional[int]:
    """Index where the name starts after a title (`وزير الخارجية الروسي سيرغي لافروف` → 3);
    0 when the whole phrase is a name or a plain description (`مصدر أمني فلسطيني`);
    None when the phrase is a title alone (`الرئيس الروسي`)."""
    i = len(head)
    while i > 0:
        w = head[i - 1][2]
        joined = i >= 2 and head[i - 2][2] in _NAME_JOINERS
        if (_has_article(w) and not joined) or w in lexicon.body_heads or \
                _possessed(text[head[i - 1][0]:head[i - 1][1]]):
            break
        i -= 1
    if i == len(head):
        return None
    if head[i][2] in _ADJUNCTS:
        return 0  # not a name after a title: one description (مسؤول طلب عدم الكشف عن اسمه)
    return i


def _possessed(written: str) -> bool:
    """مواطنيه، بلادها، نظيرهم: a noun with a pronoun (ه as written; a name's ة is not one)."""
    return len(written) >= 4 and written.endswith(("ه", "ها", "هم", "هما")) and \
        not written.endswith(("الله", "اللّه"))


def _has_article(word: str) -> bool:
    """الطاقة، للطاقة، بالطاقة، والطاقة: a common noun or adjective, not a name."""
    return word.startswith(("ال", "لل")) or word[1:3] == "ال" and word[0] in "وفبك"


def _name_like(words) -> bool:
    return 1 <= len(words) <= 4 and not any(w[2].startswith("ال") and i == 0
                                            for i, w in enumerate(words))


def _title_before(text: str, start: int, mention: int) -> Optional[str]:
    """The title written before a mention (`وزير الخارجية` + name); a clitic stuck to the
    mention (`بـ`) is not one."""
    if mention > start and not text[mention - 1].isspace():
        mention = text.rfind(" ", start, mention) + 1 or start
    return _clean(text[start:mention]) or None


def _clean(s: str) -> str:
    return s.strip(" ،,:\n\t\"'«»“”")


def _clitic_length(text: str, at: int) -> int:
    """Length of the preposition ل (with its tatweel) written before a name."""
    n = 1
    while at + n < len(text) and text[at + n] == "ـ":
        n += 1
    return n
