"""The event coder: triggers from the lexicon, actors from the sentence's structure,
filters for what the text does not assert as a current event.

For each sentence:
1. triggers: lexicon words and phrases (a token is looked up with and without its
   clitics), checked against their conditions (`need`, `not`, protest context,
   occurrence of a general noun);
2. filters: questions, conditionals, hypotheticals, the future, plans, calls and
   cancellations are dropped; denial and negation keep the event with `negated`;
   sport, distant-past background, habits (كان يعذبهم), and violence that is threatened
   or that a court or a suspicion is about are dropped;
3. actors: the named entities and unnamed groups of the sentence (`ActorCoder`),
   placed by structure: subject after the verb (VSO) or before it (SVO), object and
   prepositional complements (مع، إلى، ضد، على، من قبل، بين … و), passives, the
   complement of a verbal noun (زيارة باتروشيف إلى الصين), coordination, and the
   subject of the previous sentence when the verb has none;
4. the code made specific by what follows the trigger (modifiers), the date, the
   place and, inside a quotation, the speaker who reports it.
"""
from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from dataclasses import dataclass, field
from typing import Optional

from ..document import Document, Entity, Event, EventActor, Sentence, Token
from ..text.tokens import enclitic_splits, proclitic_splits, tokenize
from .dates import parse_published, resolve_date
from .lexicon import Entry, Lexicon
from .ontology import Ontology

ACTOR_TYPES = ("PER", "ORG", "GPE", "NORP")
PLACE_TYPES = ("GPE", "LOC")


def _words(text: str) -> frozenset[str]:
    from ..text.normalize import normalize
    return frozenset(normalize(w) for w in text.split())


def _regex(words: str) -> re.Pattern:
    """Whole normalised words (optionally with و/ف in front) in a space-joined string."""
    from ..text.normalize import normalize
    alternatives = "|".join(re.escape(normalize(w)) for w in words.split("|"))
    return re.compile(r"(?:^|\s)[وف]?(?:" + alternatives + r")(?=\s|$)")


# Verbs that carry a verbal noun (شنّ غارة، أجرى محادثات، نظّم مظاهرة) or report that
# it happened (اندلعت الاحتجاجات، وقع انفجار): the noun is then an event, not a topic.
SUPPORT_VERBS = _words(
    "شن شنت شنوا يشن تشن نفذ نفذت نفذوا ينفذ اجري اجرت اجروا يجري تجري اجريت عقد عقدت عقدوا يعقد "
    "تعقد قام قامت قاموا يقوم تقوم اطلق اطلقت اطلقوا يطلق نظم نظمت نظموا ينظم تنظم نظمها نظمتها "
    "شارك شاركت شاركوا يشارك يشاركون خرج خرجت خرجوا يخرج يخرجون جدد جددت يجدد اكد اكدت اعرب اعربت "
    "ابدي ابدت اعلن اعلنت فرض فرضت فرضوا يفرض تفرض قدم قدمت ارسل ارسلت فتح فتحت فتحوا ارتكب ارتكبت "
    "ارتكبوا تعرض تعرضت تعرضوا شهد شهدت يشهد تشهد وقع وقعت اندلع اندلعت تجدد تجددت انطلق انطلقت "
    "تواصلان يواصلان جري جرت بدا بدات بداوا تصاعد تصاعدت استمر استمرت واصل واصلت واصلوا يواصل تواصل توصل توصلت توصلوا تلقي تلقت اجرى "
    "استهدف استهدفت اسفر اسفرت اوقع اوقعت ادي ادت خلف خلفت اودي اودت راح نجا نجت سقط سقطت "
    "وجه وجهت وجهوا يوجه توجه دفع دفعت انفجر انفجرت تفجير انفجار بانفجار تفجر")
# Happened-verbs and casualty words: an attack noun next to them is an attack.
CASUALTY = _regex("قتل|قتلت|قتلوا|مقتل|قتيل|قتيلا|قتلي|جرح|جرحي|جريح|جريحا|اصابه|اصابة|اصيب|اصيبوا"
                  "|مصرع|مصرعهم|حتفه|حتفهم|ضحايا|ضحيه|اصابات|جرحت|بجروح|الجرحي|القتلي")
PROTEST_CONTEXT = _regex(
    "متظاهر|متظاهرا|متظاهرون|متظاهرين|المتظاهرون|المتظاهرين|محتج|محتجون|محتجين|المحتجون|المحتجين"
    "|هتافات|هتفوا|يهتفون|يرددون|رددوا|شعارات|لافتات|احتجاجا|للاحتجاج|احتجاجات|مظاهره|مظاهرات"
    "|تظاهره|تظاهرات|مسيره|اعتصام|الاف|مئات|عشرات|الالاف|المئات|حشود|الحشود|المواطنين|مواطنون")
QUESTION_START = _regex("هل|لماذا|كيف|متي|ماذا|اين")
# Words that make what follows hypothetical, conditional or only possible.
HYPOTHETICAL = _regex("اذا|لو|لولا|حال|ربما|يمكن|يمكنه|يمكنها|يمكنهم|يمكننا|يستطيع|تستطيع|امكانيه|احتمال|محتمل|المحتمل|قد يكون|اي|أي"
                      "|يجب|ينبغي|بامكان|يحتمل|فرضيه|افتراض|رجح|رجحت|رجحوا|يرجح|ترجح")
FUTURE = _regex("سوف|لن|سيتم|بصدد|المقرر|المنتظر|يعتزم|تعتزم|يعتزمون|ينوي|تنوي|يخطط|تخطط|يخططون|خطط|"
                "المقبل|المقبله|القادم|القادمه|غدا|يستعد|تستعد|يتوقع|يتوقع|المتوقع|مرتقب|المرتقب|"
                "مخطط|مخططا|التخطيط|للتخطيط|بالتخطيط|لتنفيذ|قررت|قرر|قرروا|تقرر|اراد|ارادت|ارادوا|يريد|تريد|يريدون|ينوون")
# A call, a cancellation or a prevented act: it did not take place.
NOT_HAPPENED = _regex("دعا|دعت|دعوا|يدعو|تدعو|دعوه|دعوات|الدعوه|لدعوه|ناشد|حث|حثت|الغاء|الغي|الغت|"
                      "الغيت|ارجاء|تاجيل|ارجا|اجلت|منع|منعت|لمنع|احباط|احبط|احبطت|اجهاض|اجهضت|"
                      "افشل|افشلت|مكافحه|لمكافحه|ضد الارهاب|تبني|التحريض|يحرض")
# A court, a charge or a suspicion: violence told after them is what someone is tried for
# or suspected of (حكمت المحكمة على من خطفوا …، اعتُقلوا للاشتباه في أنهم أرادوا …),
# an earlier act or a plan, not an attack reported now.
ACCUSED_OF = _regex("محكمه|المحكمه|محاكمه|المحاكمه|القاضي|قاضي|المدعي|الادعاء|بالسجن|بالاعدام"
                    "|متهم|متهما|متهمين|متهمون|المتهم|المتهمين|المتهمون|بتهمه|بتهم|للاشتباه|بالاشتباه"
                    "|المشتبه|يشتبه|لعلاقتهم|لعلاقته|لعلاقتها|لصلته|لصلتهم|بتورطه|بتورطهم|لتورطه|لتورطهم")
# A threat or a warning: the violence after it is what is threatened (هدد بقصف، حذّر من هجوم).
THREAT = _regex("هدد|هددت|هددوا|يهدد|تهدد|يهددون|توعد|توعدت|توعدوا|يتوعد|تتوعد|حذر|حذرت|حذروا|يحذر"
                "|تحذر|يحذرون|لوح|لوحت|يلوح|تلوح|تهديد|تهديدات|بتهديد|تحذير|تحذيرات")
# Handling a weapon without using it: a deal, a shipment, a seizure, a test (صفقة صواريخ،
# ضبطت الشرطة سيارة مفخخة، تجربة صاروخ). A weapon noun after them is no attack.
ARMS_HANDLING = _words(
    "صفقه صفقات بيع باع باعت يبيع تبيع شراء اشتري اشترت يشتري تشتري تزويد زود زودت يزود تزود "
    "تسليم سلم سلمت يسلم امداد امدادات ارسال ارسل ارسلت يرسل ترسل شحنه شحنات تصنيع صنع صنعت "
    "يصنع انتاج تطوير طور طورت يطور تهريب هرب هربوا يهرب ضبط ضبطت يضبط مصادره صادر صادرت "
    "مخزن مخازن ترسانه امتلاك يمتلك تمتلك امتلك امتلكت نشر نشرت ينشر تنشر منظومه منظومات "
    "تجربه تجارب اختبار اختبرت اختبر تفكيك فكك فككت ابطال")
# Deaths by accident or disaster: قُتل in them reports casualties, not an attack.
ACCIDENT = _regex("حادث سير|حادث مروري|حوادث السير|حوادث المرور|حادث مرور|اصطدام|تصادم|غرق|غرقا"
                  "|زلزال|فيضان|فيضانات|سيول|حريق|حرائق|تحطم|اعصار|عاصفه|وباء|تسمم|صعقا|الصاعقه")
# How far around قُتل / مقتل such an accident may be named (tokens).
ACCIDENT_REACH = 10
CALLED_OFF = _regex("الغيت|الغي|الغيت|ارجيت|ارجي|اجلت|تاجلت|تاجل|علقت|الغاوها|الغاؤها")
NEGATION = _regex("لم|لا|ليس|ليست|غير|عدم|دون|بدون|ما")
DENIAL = _regex("نفي|نفت|ينفي|تنفي|نفوا|نافيا|نافيه|كذب|كذبت|فشل|فشلت|فشلوا|تنفي")
SPORT = _regex("مباراه|المباراه|مباريات|كره|القدم|منتخب|المنتخب|الدوري|بطوله|البطوله|لاعب|اللاعب"
               "|لاعبي|مدرب|المدرب|نادي|النادي|الملعب|ملعب|الفريق|فريق|اولمبي|الاولمبيه")
# Speech and evaluation verbs whose object noun is a topic (condemning an attack is the event).
COMMENT_VERBS = _words(
    "ادان ادانت يدين تدين ندد نددت يندد شجب شجبت استنكر استنكرت نفي نفت تبني تبنت اعلن اعلنت "
    "اتهم اتهمت يتهم تتهم حمل حملت بشان حول ضد مكافحه لمكافحه ذكري ذكرى منذ ادانه تنديد "
    "سلاح بسلاح تحقيق التحقيق تحقيقات التحقيقات تعليقا مسؤوليه مسؤوليتها مسؤوليته المسؤوليه ضحايا عدد حصيله "
    "منفذي منفذ خطر مخاطر اتهامات تهمه بتهمه تهم بتهم ادعاءات مزاعم قضيه عمليات جرائم جريمه "
    "حوادث ضحيه")
# "killed in / by / after an attack": the noun names the event that caused the deaths.
CAUSE_PREPOSITIONS = _words("في اثر جراء خلال بعد عقب نتيجه بسبب")
# Arabic news states its main events early in the sentence (verb first, then actors);
# general nouns past this many tokens mostly recall other events as background.
BACKGROUND_DEPTH = 20
# A sentence is labelled by its main event: a protest or an attack told this deep in a
# long sentence, or inside a relative clause, is mostly background to another event.
MAIN_EVENT_DEPTH = 25
MAIN_EVENT_FAMILIES = ("14", "18", "19", "20")
TOPIC_WORDS = _words("بشان حول خلال بسبب اثر")
REFERRING_COMPLEMENTIZERS = _words("انه انها انهم بانه بانها بانهم وانه وانها")
RELATIVE_PRONOUNS = _words("الذي التي الذين اللذين اللتين اللواتي اللاتي")
TEMPORAL_PREPOSITIONS = _words("خلال بعد عقب اعقاب اثر اثناء لدى")
PERSON_TITLES = _words("رئيس الرئيس رئيسه وزير الوزير وزيره ملك الملك ملكه الملكه امير الامير ولي "
                       "سفير السفير متحدث المتحدث مستشار المستشار الشيخ القس زعيم الزعيم قائد القائد "
                       "المرشد مرشد النائب نائب العقيد عقيد اللواء لواء الجنرال جنرال العاهل عاهل "
                       "الامين امين سكرتير السكرتير المستشاره مستشاره الناطق ناطق")
UNDERGO_VERBS = _words("تعرض تعرضت تعرضوا يتعرض تتعرض يتعرضون")
HABITUAL = _words("كان كانت كانوا كانتا كنا كنت ظل ظلت ظلوا")
PASSIVE_AUXILIARY = _words("تم يتم جري يجري تمت")
AGENT_MARKERS = ("علي يد", "علي ايدي", "من قبل", "بيد", "برصاص", "بنيران", "بايدي")
PREPOSITIONS = _words("مع الي ضد علي من في عن بين لدي حول بشان تجاه نحو عبر لصالح")
# Tokens that end the search for a verb's subject before it (a new clause).
CLAUSE_BREAK = _words("ان انه انها انهم بان وان فان لان ان، الذي التي الذين حيث بينما فيما عندما "
                      "بعد قبل")
VICTIM_WORDS = _words("شخص شخصا اشخاص مدني مدنيا مدنيين جندي جنديا جنود طفل طفلا اطفال مواطن "
                      "مواطنا مواطنين شرطي شرطيا عنصر عناصر رجل رجلا امراه نساء فلسطيني فلسطينيا "
                      "فلسطينيين ناشط ناشطا صحفي صحفيا")
MEMO_LIMIT = 200_000
DISTANT_YEARS = 10
# How far after a trigger the words it needs may come (أعفى … من منصبه، يصل … إلى).
NEED_REACH = 15
# How far before "للخطف" its تعرّض may come (تعرض قيادي في الحركة، هو وكيل الوزارة، للخطف).
UNDERGO_REACH = 14
RELATIVE_REACH = 6
# How far before a present verb its كان may come (كان نظام صدام يهجّرهم ويعذبهم).
HABITUAL_REACH = 8
# How far from its triggers a sentence is searched for unnamed groups (tokens).
GROUP_REACH = 15
_UNSET = object()
_YEAR = re.compile(r"(?<!\d)(19[5-9]\d|20\d\d)(?!\d)")
_QUOTE_MARKS = "\"«»“”"


@dataclass(slots=True)
class Mention:
    """An actor or place written in the sentence (token indices into the sentence)."""
    first: int
    end: int
    span: tuple[int, int]
    text: str
    entity: Optional[str]
    type: str
    actor: Optional[str]
    country: Optional[str]

    def as_actor(self, context_country: Optional[str] = None) -> EventActor:
        """The actor for an event; a person of unknown nationality is taken to belong to
        the country the article is about (bodies without a country may be international)."""
        country = self.country
        if country is None and self.type == "PER":
            country = context_country
        return EventActor(text=self.text, entity=self.entity, actor=self.actor or country,
                          country=country, span=self.span)


@dataclass(slots=True)
class GazMatchAt:
    """A gazetteer match's token range in the whole sentence."""
    first_token: int
    end_token: int


@dataclass(slots=True)
class Trigger:
    entry: Entry
    first: int          # sentence token indices
    end: int
    prefix: str         # proclitics written on the first token (و، س، ل، ب...)
    first_person: bool = False   # نتظاهر، تظاهراتنا: the speaker's own side
    present: bool = False        # a present-tense verb (يقتلون)
    pronoun: str = ""            # an attached object pronoun (أطلعه)
    passive: bool = False        # a passive the spelling shows (اغتيل)
    accusative: bool = False     # an indefinite noun in the accusative (مطالباً، هجوماً)


@dataclass(slots=True)
class SentenceView:
    doc: Document
    sentence: Sentence
    tokens: list[Token]
    norms: list[str]
    mentions: list[Mention] = field(default_factory=list)
    subject: Optional[Mention] = None     # the source of the sentence's first event so far
    trigger_tokens: set[int] = field(default_factory=set)   # where other events are asserted
    triggers: list[Trigger] = field(default_factory=list)
    date: object = None                   # the sentence's resolved date, once computed
    context_country: Optional[str] = None

    def window(self, start: int, end: int) -> str:
        return " ".join(self.norms[max(0, start):max(0, end)])


class EventCoder:
    def __init__(self, ontology: Ontology, lexicon: Lexicon, actors=None):
        self.ontology = ontology
        self.lexicon = lexicon
        self.actors = actors   # hadath.entities.actors.ActorCoder, for unnamed groups
        self._memo: dict[str, tuple] = {}   # word → its lexicon readings (words recur a lot)
        self._roles: dict[str, bool] = {}   # word → whether it is a title or nationality
        self._starts = _form_starts([*lexicon.words, *lexicon.phrases])

    @classmethod
    def load(cls, actors=None) -> "EventCoder":
        """`actors`: an ActorCoder already loaded (the entity recognizer's), shared."""
        from ..entities.actors import ActorCoder
        return cls(Ontology.load(), Lexicon.load(), actors or ActorCoder.load())

    # ------------------------------------------------------------------ driver
    def __call__(self, doc: Document) -> None:
        published = parse_published(doc.published)
        context_country = _main_country(doc)
        seen: set[tuple] = set()
        events: list[Event] = []
        previous_subject: Optional[Mention] = None
        mentions = _sorted_mentions(doc)
        for sentence in doc.sentences:
            view = self._view(doc, sentence)
            view.context_country = context_country
            self._add_mentions(view, mentions)
            triggers = [t for t in self._candidates(view) if self._conditions_hold(view, t)]
            if triggers:
                self._ensure_groups(view, triggers[0].first - GROUP_REACH, triggers[-1].end + GROUP_REACH)
            view.trigger_tokens = {t.first for t in triggers}
            view.triggers = triggers
            subject_here = None
            for trigger in triggers:
                for event, subject in self._code(view, trigger, previous_subject, published):
                    key = (event.plover, _actor_key(event.source), _actor_key(event.target),
                           event.negated)
                    if key in seen and (event.source.text or event.target):
                        continue
                    if key in seen and any(e.sentence == event.sentence for e in events
                                           if (e.plover, e.source.text, e.target) == (event.plover, "", None)):
                        continue                # one unattributed event of a kind per sentence
                    seen.add(key)
                    events.append(event)
                    subject_here = subject_here or subject
                    view.subject = view.subject or subject
            previous_subject = subject_here or _first_person(view) or previous_subject
        _default_targets(doc, events)
        doc.events = events

    # ------------------------------------------------------------ sentence view
    def _view(self, doc: Document, sentence: Sentence) -> SentenceView:
        tokens = doc.sentence_tokens(sentence)
        return SentenceView(doc, sentence, tokens, [t.norm for t in tokens], date=_UNSET)

    def _add_mentions(self, view: SentenceView, mentions: list) -> None:
        """The sentence's named actors and places (from the entities component)."""
        doc, sentence = view.doc, view.sentence
        starts = [t.start for t in view.tokens]
        k = bisect_left(mentions, (sentence.start,))
        while k < len(mentions) and mentions[k][0] < sentence.end:
            a, b, entity = mentions[k]
            k += 1
            if b > sentence.end:
                continue
            first = _token_at(starts, a)
            end = _token_at(starts, b - 1) + 1
            view.mentions.append(Mention(first, end, (a, b), doc.text[a:b], entity.id, entity.type,
                                         entity.actor or entity.country, entity.country))

    def _ensure_groups(self, view: SentenceView, lo: int, hi: int) -> None:
        """Add the unnamed groups within tokens [lo, hi) to the sentence's mentions: the
        group search is the costly part of the coder and only the events' surroundings need it."""
        if self.actors is not None:
            taken = {k for m in view.mentions for k in range(m.first, m.end)}
            self._add_groups(view, taken, view.context_country, max(0, lo), min(len(view.tokens), hi))
        view.mentions.sort(key=lambda m: m.first)

    def _add_groups(self, view: SentenceView, taken: set[int], context_country: Optional[str],
                    lo: int, hi: int) -> None:
        """Unnamed actors (القوات الإسرائيلية، متظاهرون، مسلحون) and titles that give a
        named person its code (الرئيس الروسي فلاديمير بوتين → RUSGOV)."""
        tokens = view.tokens
        for match in self.actors.agents.match(tokens[lo:hi]):
            m = GazMatchAt(match.first_token + lo, match.end_token + lo)
            head = view.norms[m.first_token]
            phrase_end = min(len(tokens), m.end_token + 3)
            for j in range(m.end_token, phrase_end):     # stop at punctuation
                if not tokens[j].is_word:
                    phrase_end = j
                    break
            coded = self.actors.code(tokens[m.first_token:phrase_end], context_country)
            if not coded.actor:
                continue
            overlapping = [x for x in view.mentions
                           if x.first < phrase_end and m.first_token <= x.first and x.type == "PER"]
            if overlapping and (match.entry.kind == "title" or head in PERSON_TITLES
                                or head[2:] in PERSON_TITLES):
                # the title codes the named person that follows it (الرئيس الروسي فلاديمير بوتين)
                person = overlapping[0]
                person.actor = person.actor or coded.actor
                person.country = person.country or coded.country
                continue
            if taken.intersection(range(m.first_token, m.end_token)):
                continue
            end = m.end_token
            places = [p for p in self.actors.gazetteer.match(tokens[end:phrase_end])
                      if p.entry.type == "NORP" or p.first_token == 0]
            if places and places[0].first_token <= 1 and not taken.intersection(
                    range(end, end + places[0].end_token)):
                end += places[0].end_token              # القوات الإسرائيلية، مقاتلات حربية إسرائيلية
            span = (tokens[m.first_token].core_start, tokens[end - 1].end)
            view.mentions.append(Mention(m.first_token, end, span,
                                         view.doc.text[span[0]:span[1]], None, "GROUP",
                                         coded.actor, coded.country))
            taken.update(range(m.first_token, end))

    # ----------------------------------------------------------------- triggers
    def _candidates(self, view: SentenceView) -> list[Trigger]:
        """Lexicon matches, before their conditions are checked."""
        found: list[Trigger] = []
        tokens = view.tokens
        norms = view.norms
        memo = self._memo
        i = 0
        while i < len(tokens):
            analysis = memo.get(norms[i]) or self._analysis(norms[i])
            if not tokens[i].is_word or (not analysis[0] and analysis[1] is None):
                i += 1
                continue
            trigger = self._phrase_at(view, i) or self._word_at(view, i)
            if trigger:
                found.append(trigger)
                i = trigger.end
            else:
                i += 1
        return found

    def _phrase_at(self, view: SentenceView, i: int) -> Optional[Trigger]:
        for prefix_len, stem in self._analysis(view.norms[i])[0]:
            for rest, entry in self.lexicon.phrases[stem]:
                following = view.norms[i + 1:i + 1 + len(rest)]
                if len(following) == len(rest) and all(
                        _same_word(word, want) for word, want in zip(following, rest)):
                    return Trigger(entry, i, i + 1 + len(rest), view.norms[i][:prefix_len])
        return None

    def _analysis(self, norm: str) -> tuple[list, Optional[tuple]]:
        """The context-free lexicon readings of a word, memoised: (phrase heads, word match)."""
        cached = self._memo.get(norm)
        if cached is None:
            # half the words of a text start like no form: no lookups for them
            cached = self._lookup(norm) if self._may_match(norm) else ([], None)
            if len(self._memo) < MEMO_LIMIT:
                self._memo[norm] = cached
        return cached

    def _lookup(self, norm: str) -> tuple[list, Optional[tuple]]:
        readings = _readings_with_article(norm)
        heads = [(p, stem) for p, stem, _ in readings if stem in self.lexicon.phrases]
        for prefix_len, stem, article in readings:
            for form, pronoun in [(stem, "")] + list(enclitic_splits(stem)):
                if pronoun and prefix_len and len(form) <= 3:
                    continue        # و+زار+ه is وزارة: too little left to trust both splits
                entries = self.lexicon.lookup(form)
                if not entries and form.endswith("ا") and len(form) > 4:
                    # the accusative of an indefinite noun: اعتصاماً، هجوماً
                    entries = [e for e in self.lexicon.lookup(form[:-1]) if e.kind == "n"]
                if entries:
                    return heads, (prefix_len, stem, article, form, pronoun, entries)
        return heads, None

    def _may_match(self, norm: str) -> bool:
        """Whether a reading of the word begins like some lexicon form. Every form
        looked up for a reading keeps all but its last letter from the reading's
        start (a pronoun or an accusative ا is cut off the end, ت may turn into ه),
        so a form of n letters shares the reading's first min(n - 1, 3)."""
        starts, lengths = self._starts
        return any(stem[:k] in starts for _, stem, _ in _readings_with_article(norm) for k in lengths)

    def _word_at(self, view: SentenceView, i: int) -> Optional[Trigger]:
        norm = view.norms[i]
        match = self._analysis(norm)[1]
        if match is None:
            return None
        prefix_len, stem, article, form, pronoun, entries = match
        # after a preposition or a topic word (في قتل، بقصف، تهم قتل) a verb form is its verbal noun
        previous = view.norms[i - 1] if i > 0 else ""
        after_topic = bool(previous) and _stem_in(previous, COMMENT_VERBS)
        after_preposition = previous in PREPOSITIONS
        # اغتصاب وقتل، خطف وقتل: a verb form joined by و to a verbal noun is one too
        after_noun = norm.startswith("و") and prefix_len > 0 and self._names_act(previous)
        nominal = article or form != stem or (prefix_len > 0 and norm[prefix_len - 1] in "بل") \
            or after_preposition or after_topic or after_noun \
            or (len(entries) > 1 and self._staged_across_subject(view, i))
        entry = _pick(entries, nominal)
        if entry.kind == "v" and nominal and (article or after_topic or after_preposition or after_noun):
            return None                     # التعاون، في تعاون، تهم قتل: a noun, not the verb
        first_person = form in self.lexicon.first_person or (
            pronoun in ("نا", "ي") and entry.kind == "n")
        return Trigger(entry, i, i + 1, norm[:prefix_len], first_person,
                       entry.kind == "v" and form in self.lexicon.present, pronoun,
                       entry.kind == "v" and form in self.lexicon.passive,
                       entry.kind == "n" and not article and not pronoun and form.endswith("ا")
                       and len(form) > 4)

    def _names_act(self, norm: str) -> bool:
        """Whether a word is a verbal noun of the lexicon (اضطهاد، اغتصاب، التعذيب)."""
        match = self._analysis(norm)[1] if norm else None
        return match is not None and (match[2] or any(e.kind == "n" for e in match[5]))

    def _conditions_hold(self, view: SentenceView, trigger: Trigger) -> bool:
        entry = trigger.entry
        after = view.window(trigger.end, trigger.end + NEED_REACH)
        if entry.need and not _has_any(after, entry.need):
            return False
        if entry.exclude and _has_any(view.window(trigger.end, trigger.end + 3), entry.exclude):
            return False
        if entry.protest:
            rest = view.window(0, trigger.first) + " " + view.window(trigger.end, len(view.norms))
            if not PROTEST_CONTEXT.search(rest):
                return False
        if entry.kind == "v" and "ل" in trigger.prefix and entry.code[:2] != "14":
            return False                               # purpose: ليقتل، لزيارة
        if entry.kind != "v" and trigger.prefix.endswith("ل") and not entry.protest \
                and not self._undergone(view, trigger):
            return False                               # purpose or possibility: لتفجير، للتعذيب
        if trigger.present and self._habitual(view, trigger):
            return False                               # كانوا يخطفون: what used to happen
        if entry.kind == "v" and entry.object and trigger.first \
                and view.norms[trigger.first - 1] in RELATIVE_PRONOUNS:
            return False                               # الذي قُتل في …: describes a person
        if entry.weak and not self._occurs(view, trigger):
            return False
        return True

    def _habitual(self, view: SentenceView, trigger: Trigger) -> bool:
        """كان + present verb, the subject or other verbs of the same clause possibly between
        (كان النظام يهجّرهم ويعذبهم): what used to happen, not one event. Only يـ/تـ forms
        are taken at a distance: أقترح is also the past اقترح (وكان ماكرون اقترح: had proposed)."""
        if trigger.first and _stem_in(view.norms[trigger.first - 1], HABITUAL):
            return True
        if not view.norms[trigger.first][len(trigger.prefix):].startswith(("ي", "ت")):
            return False
        for k in range(trigger.first - 1, max(-1, trigger.first - 1 - HABITUAL_REACH), -1):
            word = view.norms[k]
            if _stem_in(word, HABITUAL):
                return True
            if not view.tokens[k].is_word or word in CLAUSE_BREAK:
                return False
        return False

    def _occurs(self, view: SentenceView, trigger: Trigger) -> bool:
        """Whether a general noun (الاحتجاجات، هجوم) stands for an event that took place:
        a verb stages it (شنّ هجوماً، نظّم مظاهرة، وقع انفجار), or, for violence, people
        died or were hurt in it (قُتل ثلاثة في هجوم)."""
        first = trigger.first
        if any(_stem_in(w, COMMENT_VERBS) for w in view.norms[max(0, first - 2):first]):
            return False               # a topic: التحقيق في الهجوم، أدان الاعتداء
        undergo = self._undergo_verb(view, trigger)
        if view.norms[first].startswith("ل") and undergo is not None:
            # تعرّض للتعذيب: someone underwent it; تقارير عن تعرّضه للتعذيب: a topic
            return not (undergo > 0 and (view.norms[undergo - 1] in PREPOSITIONS
                                         or _stem_in(view.norms[undergo - 1], COMMENT_VERBS)))
        before = view.norms[max(0, first - 4):first]
        after = view.norms[trigger.end:trigger.end + 3]
        if trigger.entry.arms and any(_stem_in(w, ARMS_HANDLING) for w in before):
            return False               # صفقة صواريخ، ضبطت سيارة مفخخة: the weapon, not its use
        if after and after[0] in RELATIVE_PRONOUNS:
            after = []             # الانفجار الذي استهدف …: the clause recalls a known event
        if any(_stem_in(w, SUPPORT_VERBS) for w in before + after) or self._staged_across_subject(view, first):
            return True
        if first > BACKGROUND_DEPTH:
            return False                 # unstaged, deep in a long sentence: a recalled event
        if trigger.entry.code[:2] < "14":
            # خلال زيارته، في أعقاب اتصال، محادثاته مع …: a particular meeting or call
            if first and view.norms[first - 1] in TEMPORAL_PREPOSITIONS:
                return True
            if view.norms[first].endswith(("ه", "ها", "هم", "هما")) and \
                    self._analysis(view.norms[first])[1] and self._analysis(view.norms[first])[1][4]:
                return True
        if trigger.entry.code[:2] in ("18", "19", "20"):
            introduced = trigger.prefix.endswith("ب") or (
                first and view.norms[first - 1] in CAUSE_PREPOSITIONS)
            around = view.window(first - 8, first) + " " + view.window(trigger.end, trigger.end + 8)
            return bool(introduced) and bool(CASUALTY.search(around))
        return False

    def _in_relative_clause(self, view: SentenceView, trigger: Trigger) -> bool:
        """الذي قُتل في انفجار، الذين استُهدفوا في الهجوم: the clause describes someone
        already named; what it recalls is background to the sentence's own event."""
        for k in range(trigger.first - 1, max(-1, trigger.first - 1 - RELATIVE_REACH), -1):
            word = view.norms[k]
            if word in RELATIVE_PRONOUNS:
                return True
            if not view.tokens[k].is_word or word in CLAUSE_BREAK:
                return False
        return False

    def _undergone(self, view: SentenceView, trigger: Trigger) -> bool:
        """تعرّض X للخطف: X underwent the act (ل here is not a purpose)."""
        return self._undergo_verb(view, trigger) is not None

    def _undergo_verb(self, view: SentenceView, trigger: Trigger) -> Optional[int]:
        """The token of the تعرّض whose complement the trigger is, if any."""
        for k in range(trigger.first - 1, max(-1, trigger.first - 1 - UNDERGO_REACH), -1):
            if _stem_in(view.norms[k], UNDERGO_VERBS):
                return k
        return None

    def _staged_across_subject(self, view: SentenceView, first: int) -> bool:
        """Verb – subject – noun: جدّد الرئيس الصيني، شي جين بينغ، دعمَ بلاده."""
        if first == 0 or (first > 0 and view.tokens[first - 1].is_word
                          and _stem_in(view.norms[first - 1], SUPPORT_VERBS)):
            return first > 0
        inside = {k for m in view.mentions for k in range(m.first, m.end)}
        k = first - 1
        while k >= 0 and first - k <= 10:
            word = view.norms[k]
            if _stem_in(word, SUPPORT_VERBS):
                return True
            if k not in inside and word not in ("،", ",") and word not in PREPOSITIONS \
                    and not self._is_role_word(word):
                return False
            k -= 1
        return False

    def _is_role_word(self, norm: str) -> bool:
        """A title or group word, or a nationality (الرئيس، الصيني), memoised."""
        known = self._roles.get(norm)
        if known is None:
            known = bool(self.actors is not None and (
                self.actors.agent(norm) or any(m.entry.type in ("NORP", "GPE") for m in
                                               self.actors.gazetteer.match(tokenize(norm)))))
            if len(self._roles) < MEMO_LIMIT:
                self._roles[norm] = known
        return known

    # ------------------------------------------------------------------ coding
    def _code(self, view: SentenceView, trigger: Trigger, previous_subject: Optional[Mention],
              published) -> list[tuple[Event, Optional[Mention]]]:
        entry = trigger.entry
        code = entry.code
        clause_before = view.window(max(0, trigger.first - 5), trigger.first)
        whole = view.window(0, len(view.norms))
        sentence_text = view.doc.text[view.sentence.start:view.sentence.end]
        stripped = sentence_text.rstrip(" \n\t" + _QUOTE_MARKS + ".")
        if stripped.endswith(("؟", "?")) or QUESTION_START.search(view.window(0, 1)):
            return []
        if HYPOTHETICAL.search(clause_before) or NOT_HAPPENED.search(clause_before):
            return []
        if entry.kind != "v" and CALLED_OFF.search(view.window(trigger.end, trigger.end + 4)):
            return []                                    # زيارة … أُلغيت
        if trigger.first_person and code[:2] not in ("03", "12", "13"):
            return []
        future = ("س" in trigger.prefix and entry.kind == "v") or bool(FUTURE.search(clause_before))
        if future and code[:2] not in ("03", "12", "13"):
            if code[:2] != "04":
                return []
            code = "036"                                 # a planned meeting or visit: intent to meet
        if code[:2] in ("14", "17", "18", "19", "20") and SPORT.search(whole) and not CASUALTY.search(
                view.window(0, trigger.first) + " " + view.window(trigger.end, len(view.norms))):
            return []
        if published and _distant_past(sentence_text, published):
            return []
        if code[:2] == "14" and entry.weak and any(
                other.entry.code[:2] != "14" and 0 < trigger.first - other.first <= 4
                for other in view.triggers):
            return []          # فرّقت الشرطة مظاهرة: the protest is the object of another act
        if code[:2] in ("18", "19", "20") and (ACCUSED_OF.search(view.window(0, trigger.first))
                                                or THREAT.search(clause_before)):
            return []
        if entry.code == "190" and entry.lemma in ("قتل", "مقتل") and ACCIDENT.search(
                view.window(trigger.first - ACCIDENT_REACH, trigger.end + ACCIDENT_REACH)):
            return []                                    # قُتل خمسة في حادث سير
        if code[:2] in MAIN_EVENT_FAMILIES and (trigger.first >= MAIN_EVENT_DEPTH
                                           or self._in_relative_clause(view, trigger)):
            return []
        negated = bool(NEGATION.search(view.window(trigger.first - 2, trigger.first))
                       or DENIAL.search(view.window(max(0, trigger.first - 6), trigger.first)))
        if code == entry.code:
            code = self.lexicon.refine(code, " " + view.window(trigger.end, trigger.end + 7))
        info = self.ontology.get(code)
        if info is None:
            return []
        pairs, subject = self._actors(view, trigger, previous_subject, view.subject)
        start, end = view.tokens[trigger.first].start, view.tokens[trigger.end - 1].end
        if view.date is _UNSET:
            view.date = resolve_date(sentence_text, published)
        date = view.date
        reported_by = _speaker_of(view.doc, start)
        location = self._location(view, trigger, pairs)
        results = []
        if code[:2] in ("18", "19", "20") and entry.kind == "v" \
                and all(s is None and t is None for s, t, _ in pairs) and self._victims_follow(view, trigger):
            pairs = [(None, self._victims(view, trigger.end), 0.4)]   # خطفوا 50 شخصاً: a casualty report
        for source, target, confidence in pairs:
            if source is None and target is None:
                # no party named (الاحتجاجات، انفجار): a topic rather than a codable event;
                # for violence the target may be the place struck or the victims' nationality
                continue
            event = Event(
                plover=info.plover, cameo=info.code, goldstein=info.goldstein,
                quad_class=info.quad_class, mode=info.mode,
                source=source.as_actor(view.context_country) if source else EventActor(text=""),
                target=target.as_actor(view.context_country) if target else None,
                trigger=(start, end), sentence=(view.sentence.start, view.sentence.end),
                date=date, location=location, negated=negated, reported_by=reported_by,
                confidence=confidence * (0.8 if entry.weak else 1.0) * (0.8 if reported_by else 1.0))
            results.append((event, subject))
        return results

    # ------------------------------------------------------------------ actors
    def _actors(self, view: SentenceView, trigger: Trigger, previous_subject: Optional[Mention],
                continuing: Optional[Mention] = None
                ) -> tuple[list[tuple[Optional[Mention], Optional[Mention], float]], Optional[Mention]]:
        """(source, target, confidence) pairs for a trigger, and the subject found.
        `continuing` is the subject of an earlier event in the same sentence."""
        entry = trigger.entry
        actors = [m for m in view.mentions if m.type != "LOC" and not _is_place_use(view, m)]
        after = [m for m in actors if m.first >= trigger.end and m.first - trigger.end <= 8]
        before = [m for m in actors if m.end <= trigger.first]
        source: Optional[Mention] = None
        target: Optional[Mention] = None
        confidence = 0.7

        between = self._between(view, trigger, actors)
        if between:
            return [(between[0], between[1], 0.8)], between[0]

        agent = self._agent(view, trigger, actors)
        passive = agent is not None or self._is_passive(
            view, trigger, has_subject_before=self._subject_before(view, trigger, before) is not None)
        if passive:
            target = next((m for m in after if m is not agent), None)
            source = agent
        elif entry.kind == "v":
            adjacent = next((m for m in before if m.end == trigger.first and not _governed(view, m)),
                            None)
            if adjacent is None and trigger.present and not trigger.prefix \
                    and view.norms[trigger.first][:1] in "يت":
                # مستشار ترامب للأمن القومي يحذر طهران: a present verb after its subject (SVO)
                adjacent = self._subject_before(view, trigger, before)
            source = adjacent or next((m for m in after if (m.first - trigger.end <= 3 or (
                                           m.type == "PER" and m.first - trigger.end <= 6
                                           and self._is_role_word(view.norms[m.first - 1])))
                                       and not _governed(view, m)
                                       and _open_gap(view, trigger.end, m.first)), None)
            # الملكة إليزابيث الثانية ملكة بريطانيا: the name, then its title, is one actor
            source = _named(view, source)
            if source is not None and continuing is not None and code_family(entry) == "04" \
                    and trigger.prefix.startswith("و"):
                # يعقد باتروشيف مشاورات … ويلتقي X: the same subject meets X
                source = None
            if source is None:
                source = self._subject_before(view, trigger, before) or self._reporter(view, trigger.first, before)
            start_from = source.end if source and source.first >= trigger.end else trigger.end
            target = self._complement(view, start_from, actors, exclude=source)
            if source is None and continuing is not None:
                source = continuing
            if source is None and previous_subject is not None:
                source, confidence = previous_subject, 0.5
        else:   # verbal noun: its complement, the carrier verb's subject, or what came before
            genitive = next((m for m in after if m.first == trigger.end and not _governed(view, m)
                             and not any(w in PREPOSITIONS for w in view.norms[trigger.end:m.first])),
                            None)
            if entry.object or self._undergone(view, trigger):
                target = genitive or (self._undergoer(view, trigger, before)
                                      if self._undergone(view, trigger) else None)
            elif trigger.accusative:
                # مطالباً أعضاء الاتحاد: an indefinite noun takes no genitive; what follows
                # is its object, the actor is the clause's subject
                target = genitive
                source = continuing or self._subject_before(view, trigger, before)
                if source is None and not entry.protest:   # احتجاجاً على: a motive, not a speech act
                    source = next((m for m in before if not _governed(view, m)), None)
            else:
                source = genitive
            start_from = genitive.end if genitive else trigger.end
            complement = self._complement(view, start_from, actors, exclude=genitive)
            if entry.object or target is None:
                target = target or complement
            if source is None:
                source = self._stager(view, trigger, actors) or self._subject_before(view, trigger, before)
            if source is None and trigger.pronoun in ("ه", "ها", "هم", "هما") and not entry.object:
                # زيارته، محادثاتهم: the possessor is the actor already in play
                source = continuing or previous_subject
                confidence = 0.5
            if source is None and entry.object and complement is not target:
                source = complement
            if entry.sym and target is None and (source is None or source in before):
                pair = _coordinated_pair(view, before)
                if pair:
                    source, target = pair
        if target is None and entry.kind == "v" and trigger.pronoun in ("ه", "ها", "هم", "هما"):
            # أطلعه: the object pronoun stands for the actor already in play
            target = next((m for m in (continuing, previous_subject) if m is not None
                           and m is not source and (source is None or m.entity != source.entity)), None)
        if target is None and entry.object and (passive or entry.kind == "v"):
            after_source = source.end if source is not None and source.first >= trigger.end else 0
            target = self._coded_phrase(view, max(trigger.end, after_source))
            if target is not None and _describes(view, target, source):
                target = None                  # استقبلت إليزابيث ملكة بريطانيا: her title
        if target is None and entry.code[:2] not in ("14",):
            # last resort: the next party named in the same clause (عارض X سياسة ميركل)
            target = next((m for m in after if m is not source and m.country and not _locative(view, m)
                           and not _describes(view, m, source)
                           and not any(w in CLAUSE_BREAK for w in view.norms[trigger.end:m.first])
                           and not view.trigger_tokens.intersection(range(trigger.end, m.first))),
                          None)
            if target is not None:
                confidence = min(confidence, 0.5)
        if target is None and entry.code[:2] in ("18", "19", "20"):
            # قصف … في قطاع غزة: the place struck stands for its people
            target = next((m for m in view.mentions if m.type == "GPE" and m.country
                           and 0 <= m.first - trigger.end <= 10 and _is_place_use(view, m)), None)
        source, target = _named(view, source), _named(view, target)
        if source is target:
            target = None
        pairs: list[tuple[Optional[Mention], Optional[Mention], float]] = []
        sources = [source] + _coordinated(view, source, actors) if source else [None]
        if entry.sym and len(sources) > 1 and target is None:
            return [(sources[0], sources[1], confidence)], sources[0]
        sources = [s for s in sources if s is None or s is not target]
        targets = [target] + _coordinated(view, target, actors) if target else [None]
        for s in sources:
            for t in targets:
                if s is not None and t is not None and s.entity and s.entity == t.entity:
                    t = None
                pairs.append((s, t, confidence if s else 0.4))
        return pairs, source

    def _stager(self, view: SentenceView, trigger: Trigger, actors: list[Mention]) -> Optional[Mention]:
        """هجوم شنّه مسلحون، مظاهرة نظمتها الحركة: the subject of the verb that stages the
        noun right after it (its pronoun refers back to the noun)."""
        for k in range(trigger.end, min(len(view.norms), trigger.end + 2)):
            word = view.norms[k]
            if not word.endswith(("ه", "ها")) or not any(
                    _stem_in(form, SUPPORT_VERBS) for form, _ in enclitic_splits(word)):
                continue
            return next((m for m in actors if k < m.first <= k + 3 and not _governed(view, m)), None)
        return None

    def _subject_before(self, view: SentenceView, trigger: Trigger, before: list[Mention]
                        ) -> Optional[Mention]:
        """The nearest actor before the trigger within its clause (SVO order)."""
        for m in reversed(before):
            gap = view.norms[m.end:trigger.first]
            if len(gap) > 8 or any(w in CLAUSE_BREAK or w in _QUOTE_MARKS for w in gap):
                return None
            if _is_victim(view, m):
                continue                       # مقتل مدنيين في قصف: the dead did not strike
            if not _governed(view, m):
                return m
        return None

    def _coded_phrase(self, view: SentenceView, start: int) -> Optional[Mention]:
        """An unnamed group right after a verb, coded by its nationality (قتل 132 فلسطينيا)."""
        if self.actors is None:
            return None
        end = start
        while end < len(view.tokens) and end - start < 4 and view.tokens[end].is_word \
                and view.norms[end] not in PREPOSITIONS:
            end += 1
        if end == start:
            return None
        coded = self.actors.code(view.tokens[start:end])
        if not coded.country:
            return None
        span = (view.tokens[start].start, view.tokens[end - 1].end)
        return Mention(start, end, span, view.doc.text[span[0]:span[1]], None, "GROUP",
                       coded.actor, coded.country)

    def _undergoer(self, view: SentenceView, trigger: Trigger, before: list[Mention]
                   ) -> Optional[Mention]:
        """Who underwent the act: the subject before تعرّض, or, when تعرّض follows أنه
        (يقول نصر إنه تعرّض للتعذيب), the one who says so, or a counted group next to
        تعرّض (55 سفينة تعرضت للهجوم، تعرض 3 صحفيين للضرب)."""
        subject = self._subject_before(view, trigger, before)
        verb = self._undergo_verb(view, trigger)
        if subject is not None or verb is None:
            return subject
        if verb + 1 < trigger.first and view.norms[verb + 1].isdigit():
            return self._victims(view, verb + 1)
        reporter = self._reporter(view, verb, before)
        if reporter is not None:
            return reporter
        for k in range(verb - 1, max(-1, verb - 5), -1):      # 55 سفينة على الأقل تعرضت
            if view.norms[k].isdigit():
                return self._victims(view, k)
            if not view.tokens[k].is_word or view.norms[k] in CLAUSE_BREAK:
                break
        return None

    def _reporter(self, view: SentenceView, verb: int, before: list[Mention]) -> Optional[Mention]:
        """أعلن الجيش أنه قصف: the pronoun subject of the verb at token `verb`, after أنّ,
        is the reporting verb's subject."""
        if verb < 2 or view.norms[verb - 1] not in REFERRING_COMPLEMENTIZERS:
            return None
        for m in reversed(before):
            if verb - m.end <= 4 and not _governed(view, m):
                return m
        return None

    def _complement(self, view: SentenceView, start: int, actors: list[Mention],
                    exclude: Optional[Mention]) -> Optional[Mention]:
        """The object or prepositional complement after `start` (مع، إلى، ضد، على، لـ...)."""
        apposition = _apposition(view, exclude)
        for m in actors:
            if m.first < start or m is exclude:
                continue
            if _describes(view, m, exclude):
                continue                       # جون بولتون، مستشار …؛ إليزابيث ملكة بريطانيا
            if m.first - start > 12:
                return None
            if apposition[0] <= m.first and m.end <= apposition[1]:
                continue                       # جون بولتون، مستشار الأمن القومي،: the source's title
            if _locative(view, m):
                continue                       # في البرلمان: where it was said, not to whom
            gap = view.norms[start:m.first]
            if any(not w[0].isalnum() and w not in "،," for w in gap if w):
                return None
            if any(w in TOPIC_WORDS or w in CLAUSE_BREAK for w in gap):
                return None                    # بشأن تبادل المعلومات حول …: a topic, not a party
            if view.trigger_tokens.intersection(range(start, m.first)):
                return None                    # another event's verb: its own actors follow
            return m
        return None

    def _between(self, view: SentenceView, trigger: Trigger, actors: list[Mention]
                 ) -> Optional[tuple[Mention, Mention]]:
        """`بين X و Y` right after the trigger (or its relative clause): X and Y are the sides."""
        for k in range(trigger.end, min(len(view.norms), trigger.end + 3)):
            if not view.tokens[k].is_word:
                return None
            if view.norms[k] in ("بين", "بينهما", "ما بين"):
                following = [m for m in actors if k < m.first <= k + 12]
                if not following:
                    return None
                first = following[0]
                conjunction = next((j for j in range(first.end, min(len(view.norms), first.end + 12))
                                    if view.norms[j] == "و" or view.norms[j].startswith("و")), None)
                second = next((m for m in following[1:] if conjunction is not None
                               and m.first >= conjunction), None)
                return (first, second) if second else None
        return None

    def _agent(self, view: SentenceView, trigger: Trigger, actors: list[Mention]) -> Optional[Mention]:
        """The actor introduced by على يد / من قبل / برصاص after the trigger (a passive's agent)."""
        text = view.window(trigger.end, trigger.end + 10)
        for marker in AGENT_MARKERS:
            position = text.find(marker)
            if position >= 0:
                index = trigger.end + text[:position].count(" ") + marker.count(" ") + 1
                return next((m for m in actors if m.first >= index - 1 and m.first <= index + 3), None)
        return None

    def _is_passive(self, view: SentenceView, trigger: Trigger, has_subject_before: bool) -> bool:
        entry = trigger.entry
        if not entry.object:
            return False
        previous = view.norms[trigger.first - 1] if trigger.first else ""
        if entry.kind == "n" and previous in PASSIVE_AUXILIARY:
            return True
        if entry.kind != "v":
            return False
        written = view.tokens[trigger.first].text
        if "\u064f" in written[:4]:                   # a damma on the first letters: اُعتُقل، قُتل
            return True
        if trigger.passive:
            return True
        if has_subject_before:
            return False                 # إسرائيل تقصف 25 هدفا: an active verb after its subject
        following = view.norms[trigger.end] if trigger.end < len(view.norms) else ""
        return following.isdigit() or following in VICTIM_WORDS

    def _victims_follow(self, view: SentenceView, trigger: Trigger) -> bool:
        following = view.norms[trigger.end:trigger.end + 2]
        return bool(following) and (following[0].isdigit() or following[0] in VICTIM_WORDS)

    def _victims(self, view: SentenceView, start: int) -> Mention:
        """قُتل 28 شخصاً، خطفوا 50 شخصاً: the victims named by number (the two tokens from
        `start`), of the article's country."""
        end = min(len(view.norms), start + 2)
        span = (view.tokens[start].start, view.tokens[end - 1].end)
        country = view.context_country
        return Mention(start, end, span, view.doc.text[span[0]:span[1]], None, "GROUP", country, country)

    def _location(self, view: SentenceView, trigger: Trigger, pairs) -> Optional[str]:
        used = {m.entity for s, t, _ in pairs for m in (s, t) if m is not None}
        places = [m for m in view.mentions if m.type in PLACE_TYPES and m.entity
                  and _is_place_use(view, m) and m.entity not in used
                  and abs(m.first - trigger.first) <= 10]
        if not places:
            visit_target = next((t for _, t, _ in pairs if t is not None and t.type in PLACE_TYPES),
                                None)
            # a visit to a country, a strike on a town: the target is where it happened
            struck = trigger.entry.code == "042" or trigger.entry.code[:2] in ("18", "19", "20")
            return visit_target.entity if visit_target and struck else None
        return min(places, key=lambda m: abs(m.first - trigger.first)).entity


# ---------------------------------------------------------------- helpers

def _form_starts(forms) -> tuple[frozenset[str], tuple[int, ...]]:
    """The beginnings `EventCoder._may_match` looks for, and their lengths."""
    starts = frozenset(form[:min(len(form) - 1, 3)] for form in forms)
    return starts, tuple(sorted({len(start) for start in starts}))


def _readings(norm: str) -> list[tuple[int, str]]:
    """(prefix length, stem) readings of a word, also without the article."""
    return [(prefix_len, stem) for prefix_len, stem, _ in _readings_with_article(norm)]


def _readings_with_article(norm: str) -> list[tuple[int, str, bool]]:
    out = []
    for prefix_len, stem in proclitic_splits(norm):
        out.append((prefix_len, stem, False))
        if stem.startswith("ال") and len(stem) > 4:
            out.append((prefix_len, stem[2:], True))
    return out


def _same_word(norm: str, want: str) -> bool:
    return norm == want or any(stem == want for _, stem in _readings(norm))


def _pick(entries: list[Entry], definite: bool) -> Entry:
    """A form listed both as a verb and a noun (قتل، دعم) reads as a noun with the article."""
    if len(entries) == 1:
        return entries[0]
    wanted = "n" if definite else "v"
    return next((e for e in entries if e.kind == wanted), entries[0])


def _has_any(window: str, words: tuple[str, ...]) -> bool:
    padded = " " + window + " "
    for w in words:
        if (" " + w) in padded or any((" " + p + w) in padded for p in ("و", "ب", "ل", "ال", "بال", "وال")):
            return True
    return False


def _stem_in(norm: str, words: frozenset[str]) -> bool:
    return norm in words or any(stem in words for _, stem in proclitic_splits(norm))


def _token_at(starts: list[int], offset: int) -> int:
    return max(0, bisect_right(starts, offset) - 1)


def _sorted_mentions(doc: Document) -> list[tuple[int, int, object]]:
    """Every mention of an actor or place in the document, by start offset."""
    found = [(a, b, e) for e in doc.entities if e.type in ACTOR_TYPES + PLACE_TYPES
             for a, b in e.mentions]
    found.sort(key=lambda x: (x[0], x[1]))
    return found


def _governed(view: SentenceView, m: Mention) -> bool:
    """Whether a mention is the object of a preposition (مع الصين، إلى موسكو، لموسكو)."""
    token = view.tokens[m.first]
    if m.end - m.first > 1 and view.norms[m.first] in PREPOSITIONS:
        return True                      # a name written with its preposition (على ترامب)
    if m.span[0] > token.start and view.norms[m.first][:1] in "بلك" \
            and not view.norms[m.first].startswith("ال"):
        return True
    if m.first and view.norms[m.first - 1] in PREPOSITIONS:
        return True
    return False


def _is_place_use(view: SentenceView, m: Mention) -> bool:
    """A place named as where something happens (في بغداد، بمدينة غزة), not as an actor."""
    if m.type not in PLACE_TYPES:
        return False
    if m.type == "LOC":
        return True
    previous = view.norms[m.first - 1] if m.first else ""
    first = view.norms[m.first]
    return previous in ("في", "بمدينه", "مدينه", "بمنطقه", "منطقه", "محافظه", "بمحافظه", "قرب",
                        "وسط", "شمال", "جنوب", "شرق", "غرب", "داخل", "عاصمه", "العاصمه") \
        or (first.startswith("ب") and m.span[0] > view.tokens[m.first].start)


def _describes(view: SentenceView, m: Mention, actor: Optional[Mention]) -> bool:
    """Whether `m` right after `actor` and of its country is its title or its country
    (إليزابيث الثانية ملكة بريطانيا، بولتون، مستشار) rather than another party (عن برانسون)."""
    return actor is not None and m.country == actor.country and 0 <= m.first - actor.end <= 1 \
        and (m.type == "GROUP" or m.first > actor.end) \
        and not any(w in PREPOSITIONS for w in view.norms[actor.end:m.first]) and not _governed(view, m)


def _locative(view: SentenceView, m: Mention) -> bool:
    """A mention after في: where something happens (في البرلمان), not a party to it."""
    return m.first > 0 and view.norms[m.first - 1] == "في"


def _open_gap(view: SentenceView, start: int, end: int) -> bool:
    """Whether the words between a verb and a noun let the noun be its subject:
    no preposition, number or punctuation in between (a time word or a title may be)."""
    for k in range(start, end):
        word = view.norms[k]
        if not view.tokens[k].is_word or word.isdigit() or word in PREPOSITIONS:
            if word not in ("،", ","):
                return False
        elif word.startswith(("بال", "لل", "وبال", "ولل")):
            return False                 # للإفراج عن …: a prepositional phrase
    return True


def _apposition(view: SentenceView, m: Optional[Mention]) -> tuple[int, int]:
    """The tokens between commas right after a mention (بولتون، مستشار الأمن القومي، …):
    words that describe it; (0, 0) when there are none."""
    if m is None or m.end >= len(view.norms) or view.norms[m.end] not in ("،", ","):
        return (0, 0)
    for k in range(m.end + 1, min(len(view.norms), m.end + 10)):
        if view.norms[k] in ("،", ","):
            return (m.end + 1, k)
        if not view.tokens[k].is_word or (k == m.end + 1 and view.norms[k] in PREPOSITIONS):
            break
    return (0, 0)


def _is_victim(view: SentenceView, m: Mention) -> bool:
    """Whether a mention names people killed or hurt (مقتل مدنيين، قتل 3 جنود)."""
    if view.norms[m.first] in VICTIM_WORDS:
        return True
    previous = " ".join(view.norms[max(0, m.first - 2):m.first])
    return bool(CASUALTY.search(previous))


def _named(view: SentenceView, m: Optional[Mention]) -> Optional[Mention]:
    """A role word followed by a name stands for the named one (الصحفي سمير خليل), and a
    group of no country by the body it belongs to (أعضاء الاتحاد الأوروبي)."""
    if m is None or m.type != "GROUP":
        return m
    named = next((x for x in view.mentions if x.first == m.end and (
        x.type == "PER" or (m.country is None and x.type in ("ORG", "GPE") and x.entity))), None)
    if named is None:
        return m
    # the nationality written with the role (القس الأميركي) beats a guess about the name
    return Mention(named.first, named.end, named.span, named.text, named.entity, named.type,
                   m.actor if m.country else named.actor or m.actor, m.country or named.country)


def code_family(entry: Entry) -> str:
    return entry.code[:2]


def _coordinated_pair(view: SentenceView, before: list[Mention]) -> Optional[tuple[Mention, Mention]]:
    """The last `X و Y` pair of actors before a trigger (روسيا والصين … إلى اتفاق)."""
    for m in reversed(before):
        partners = _coordinated(view, m, before)
        if partners:
            return m, partners[0]
    return None


def _joined_by_and(view: SentenceView, m: Mention) -> bool:
    """Whether the mention is introduced by و (a separate و token or the prefix)."""
    token = view.tokens[m.first]
    return (m.first and view.norms[m.first - 1] == "و") or (
        view.norms[m.first].startswith("و") and m.span[0] > token.start)


def _coordinated(view: SentenceView, m: Optional[Mention], actors: list[Mention]) -> list[Mention]:
    """Actors joined to `m` by و (موسكو وبكين)."""
    out = []
    current = m
    while current is not None:
        nxt = next((x for x in actors if x.first >= current.end and x.first <= current.end + 1), None)
        if nxt is None or nxt.entity == current.entity and nxt.entity:
            break
        gap = view.norms[current.end:nxt.first]
        joined = (gap == ["و"]) or (not gap and view.norms[nxt.first].startswith("و")
                                     and nxt.span[0] > view.tokens[nxt.first].start)
        if not joined:
            break
        out.append(nxt)
        current = nxt
    return out


def _speaker_of(doc: Document, offset: int) -> Optional[str]:
    for quote in doc.quotes:
        if quote.span[0] <= offset < quote.span[1]:
            return quote.speaker
    return None


def _distant_past(sentence_text: str, published) -> bool:
    """An explicit year long before publication, and no year close to it: history told
    as background (recent years are still news: a 2016 agreement in a 2018 report)."""
    years = [int(y) for y in _YEAR.findall(sentence_text)]
    return bool(years) and max(years) <= published.year - DISTANT_YEARS


def _actor_key(actor: Optional[EventActor]):
    if actor is None:
        return None
    return actor.entity or (actor.actor, actor.country, actor.text)


def _first_person(view: SentenceView) -> Optional[Mention]:
    return next((m for m in view.mentions if m.type == "PER"), None)


def _default_targets(doc: Document, events: list[Event]) -> None:
    """An event whose sentence names no target is, in news about two countries, mostly
    aimed at the other one (Washington threatens Ankara in a report on both); with one
    country in play it stays at home (a protest against the own government)."""
    counts: dict[str, int] = {}
    places: dict[str, Entity] = {}
    for entity in doc.entities:
        if entity.country and entity.type in ("GPE", "PER", "ORG") \
                and not (entity.actor or "").endswith("MED"):     # the news agency is no party
            counts[entity.country] = counts.get(entity.country, 0) + len(entity.mentions)
            if entity.type == "GPE" and (entity.country not in places or
                                         len(entity.mentions) > len(places[entity.country].mentions)):
                places[entity.country] = entity
    main = sorted(counts, key=counts.get, reverse=True)[:2]
    if not main:
        return
    for event in events:
        if event.target is not None and (event.target.country or event.target.actor):
            continue
        source = event.source.country
        country = next((c for c in main if c != source), source)
        if country is None:
            continue
        place = places.get(country)
        event.target = EventActor(text=place.name if place else "", entity=place.id if place else None,
                                  actor=country, country=country)
        event.confidence = min(event.confidence, 0.4)


def _main_country(doc: Document) -> Optional[str]:
    """The country the article is mostly about: that of its most mentioned place."""
    best, count = None, 0
    for entity in doc.entities:
        if entity.type == "GPE" and entity.country and len(entity.mentions) > count:
            best, count = entity.country, len(entity.mentions)
    return best
