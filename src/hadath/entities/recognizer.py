"""The entity component: finds names, joins their mentions, and codes each entity.

1. Mentions: the CRF tags every sentence (with gazetteer membership among its
   features) and draws the boundaries; a gazetteer match inside gives the
   known entity's identity, type and codes; countries, capitals, bodies and
   people it lacks the CRF's word for still count. Spans leave out attached
   clitics.
2. Co-reference: mentions of one known entry, and repeated or shortened forms
   (a surname, a first name, an organisation's name without its last words)
   join one entity, named by its fullest mention; a title repeated alone
   (`وقال الوزير`) joins the person last named with it.
3. Roles and codes: the title written before a person (`سكرتير مجلس الأمن
   الروسي`) is its role; country and CAMEO actor come from the gazetteer entry,
   else from the role or the organisation's own words and nationality
   adjectives. Countries and capitals acting as subjects stand for their
   government (`موسكو وبكين متحدتان` → RUSGOV, CHNGOV).
"""
from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field
from typing import Optional

from ..document import Document, Entity, Token
from ..text.normalize import normalize
from ..text.tokens import stem_start, proclitic_splits
from .ner import TITLE_WORDS, NerTagger, bio_spans

TYPES = ("PER", "ORG", "GPE", "LOC")
# Words that continue a title between the head word and the name
# (`وزير الخارجية الروسي`, `المتحدث باسم`, `عضو المكتب السياسي`).
ROLE_WORDS = frozenset(normalize(w) for w in """
الخارجية الخارجيه خارجية الدفاع دفاع الداخلية داخلية الوزراء وزراء العام العامة الأعلى
باسم الأمن القومي الوطني الأول السابق السابقة الحالي المركزية المركزي السياسي السياسية
المكتب مكتب للشؤون الشؤون شؤون العسكري العسكرية الجمهورية البرلمان الحكومة الحزب حزب
لجنة اللجنة للجنة الشيوعي عضو سكرتير سكريتر أمين الأمين المتحدث الناطق وزارة مجلس
الاستخبارات المخابرات الأركان هيئة الجيش القوات المسلحة العدل المالية الاقتصاد التجارة
النفط الطاقة الصحة التعليم الإعلام الإعلامي الرسمي الرسمية
""".split())
# Words before a place that make it a location rather than an actor.
_LOCATIVE = frozenset(normalize(w) for w in """
في الى إلى من عن نحو داخل خارج قرب شمال جنوب شرق غرب شمالي جنوبي شرقي غربي وسط
مدينة بلدة عاصمة محافظة ولاية منطقة مقاطعة لدى حول عبر بين على مع ضد
""".split())
_GOVERNMENT_KINDS = ("country", "capital")
# Gazetteer kinds that are names wherever they are written.
ALWAYS_NAMES = ("country", "capital", "igo", "person", "org", "party", "media", "group", "ngo")
_NAME_CLITICS = "وفبلك"


@dataclass
class Mention:
    type: str
    first: int          # doc token index
    end: int            # one past the last token
    start: int          # char offsets, clitics excluded
    stop: int
    entry: object = None  # GazEntry of a gazetteer match
    candidates: list = field(default_factory=list)

    def key(self, doc: Document) -> tuple[str, ...]:
        return tuple(normalize(doc.text[self.start:self.stop]).split())


class EntityRecognizer:
    def __init__(self, ner: NerTagger, gazetteer=None, actors=None, geocoder=None,
                 transliterate=None):
        self.ner = ner
        self.gazetteer = gazetteer
        self.actors = actors
        self.geocoder = geocoder
        self.transliterate = transliterate

    @classmethod
    def load(cls) -> "EntityRecognizer":
        from .actors import ActorCoder
        from .gazetteer import Gazetteer
        from .geo import Geocoder
        from .latin import transliterate

        gazetteer = Gazetteer.load()
        return cls(NerTagger.load(), gazetteer, ActorCoder.load(gazetteer), Geocoder.load(gazetteer),
                   transliterate)

    # ------------------------------------------------------------------ mentions

    def mentions(self, doc: Document) -> tuple[list[Mention], dict[int, str]]:
        """Mentions in text order, and the country of each nationality-adjective token."""
        found: list[Mention] = []
        nationality: dict[int, str] = {}
        words = {t.norm for t in doc.tokens if t.is_word}
        sentences = [(s.first_token, doc.sentence_tokens(s)) for s in doc.sentences]
        sentences = [(base, tokens) for base, tokens in sentences if tokens]
        matched = [self.gazetteer.match(tokens) if self.gazetteer else [] for _, tokens in sentences]
        # the whole document at once: the tagger sums its scores in one go
        tagged = self.ner.tag_sentences(
            [[t.norm for t in tokens] for _, tokens in sentences],
            [match_tags(m, len(tokens)) for m, (_, tokens) in zip(matched, sentences)])
        for (base, tokens), matches, labels in zip(sentences, matched, tagged):
            spans = []
            for kind, a, b in bio_spans(labels):
                kind = "GPE" if kind == "LOC" else kind
                a, b = _without_titles(tokens, a, b)
                if kind in TYPES and a < b:
                    spans.append((kind, a, b))
            named = []
            for m in matches:
                if m.entry.type == "NORP":
                    for i in range(base + m.first_token, base + m.end_token):
                        nationality[i] = m.entry.country
                elif m.entry.type in TYPES:
                    named.append(m)
            found.extend(self._merge(tokens, base, spans, named, words))
        return found, nationality

    def _merge(self, tokens: list[Token], base: int, spans: list[tuple[str, int, int]],
               matches: list, words: set[str]) -> list[Mention]:
        """One sentence's mentions from the CRF's spans and the gazetteer's matches.

        The CRF draws the boundaries wherever it found a name (`حزب الله` in
        `حزب الله اللبناني`, as ANERcorp marks them); a gazetteer match it found
        inside gives the entity's identity, type and codes. A longer CRF name
        wins over known names inside it (`جامعة القاهرة`, `دينامو كييف`), and a
        person or organisation wins over a town of the same name (`ميلان`).
        Matches the CRF did not find count only for countries, capitals, bodies
        and people; many town names are also ordinary words (`عالية`, `القائم`)."""
        out: list[Mention] = []
        used: set[int] = set()
        for kind, a, b in spans:
            over = [m for m in matches if m.first_token < b and a < m.end_token]
            entry = None
            if len(over) == 1 and over[0].first_token <= a and b <= over[0].end_token:
                m = over[0]
                used.add(id(m))
                if not (m.entry.type in ("GPE", "LOC") and kind in ("PER", "ORG")
                        and m.entry.kind not in ALWAYS_NAMES):
                    entry = m
            elif over and not (all(a <= m.first_token and m.end_token <= b for m in over)
                               and b - a > max(m.end_token - m.first_token for m in over)):
                continue  # crossing boundaries: the gazetteer's name stands
            else:
                used.update(id(m) for m in over)
            if entry is not None:
                if kind == "PER" and entry.entry.type == "PER":
                    # part of a known person's name (`كي مون` of `بان كي مون`): the
                    # whole name. Not for bodies: the gazetteer's forms of their names
                    # (`حركة حماس`, `صحيفة هآرتس`) often hold more than ANERcorp marks.
                    a, b = _without_titles(tokens, entry.first_token, entry.end_token)
                start = entry.start if entry.first_token == a else self._name_start(tokens[a], words)
                out.append(Mention(entry.entry.type, base + a, base + b, start, tokens[b - 1].end,
                                   entry.entry, entry.candidates))
            else:
                out.append(Mention(kind, base + a, base + b, self._name_start(tokens[a], words),
                                   tokens[b - 1].end))
        for m in matches:
            crossing = any(base + m.first_token < x.end and x.first < base + m.end_token for x in out)
            if id(m) not in used and not crossing and (m.entry.kind in ALWAYS_NAMES or any(
                    a < m.end_token and m.first_token < b for _, a, b in spans)):
                # a known name written with its title (الملك سلمان) is named without it
                first = _without_titles(tokens, m.first_token, m.end_token)[0] \
                    if m.entry.type == "PER" else m.first_token
                if first == m.end_token:
                    continue
                start = m.start if first == m.first_token else self._name_start(tokens[first], words)
                out.append(Mention(m.entry.type, base + first, base + m.end_token,
                                   start, m.end, m.entry, m.candidates))
        return sorted(out, key=lambda m: m.start)

    def _name_start(self, token: Token, words: set[str]) -> int:
        """Where a name begins inside its first token: after و ف ب ل ك when the
        rest is a known name or stands alone elsewhere in the article."""
        if token.core_start > token.start:
            return token.core_start
        if token.norm[:1] not in _NAME_CLITICS:
            return token.start
        for prefix, stem in proclitic_splits(token.norm)[1:]:
            if len(stem) < 3 or stem.startswith("ال"):
                continue
            if stem in words or (self.gazetteer and self.gazetteer.lookup(stem)):
                return stem_start(token, prefix)
        return token.start

    # ------------------------------------------------------------------ entities

    def __call__(self, doc: Document) -> None:
        mentions, nationality = self.mentions(doc)
        named = {i for m in mentions if m.type in ("ORG", "GPE") for i in range(m.first, m.end)}
        groups = self._group(doc, mentions)
        self._add_surname_mentions(doc, groups, mentions)
        year = int(doc.published[:4]) if doc.published else None
        context = self._context_countries(groups)
        entities = []
        for group in sorted(groups, key=lambda g: min(m.start for m in g)):
            entity = self._entity(doc, group, nationality, named, year, context,
                                  self._sentence_countries(doc, group, nationality, mentions))
            if entity is not None:
                entities.append(entity)
        self._add_title_mentions(doc, entities)
        for number, entity in enumerate(entities, 1):
            entity.id = f"e{number}"
        doc.entities = entities

    def _add_title_mentions(self, doc: Document, entities: list[Entity]) -> None:
        """A title repeated alone (`وقال الوزير`) refers to the last person named
        with it before (`وزير الخارجية الروسي سيرغي لافروف`)."""
        heads: dict[str, list[Entity]] = {}
        for e in entities:
            if e.type == "PER" and e.role:
                head = normalize(e.role.split()[0])
                heads.setdefault(head[2:] if head.startswith("ال") else head, []).append(e)
        if not heads:
            return
        starts = sorted(m[0] for e in entities if e.type == "PER" for m in e.mentions)
        for i, token in enumerate(doc.tokens):
            if token.core[2:] not in heads or not token.core.startswith("ال"):
                continue
            # a title that introduces a name is part of that name's role
            window = doc.tokens[i + 1:i + 5]
            if window and any(window[0].start <= s <= window[-1].end for s in starts):
                continue
            before = [e for e in heads[token.core[2:]] if e.mentions[0][0] < token.start]
            if before:
                person = max(before, key=lambda e: max(m[0] for m in e.mentions if m[0] < token.start))
                person.mentions.append((token.core_start, token.end))
                person.mentions.sort()

    def _group(self, doc: Document, mentions: list[Mention]) -> list[list[Mention]]:
        """One list of mentions per real-world entity."""
        by_key: dict[tuple, list[Mention]] = {}
        for m in mentions:
            if m.entry is not None:
                key = ("entry", m.entry.name, m.entry.country, m.entry.type)
            else:
                key = (m.type,) + m.key(doc)
            by_key.setdefault(key, []).append(m)
        groups = list(by_key.values())
        # shortened forms join the unique longer entity that contains them
        keyed = [(g, g[0].key(doc)) for g in groups]
        for short, short_key in sorted(keyed, key=lambda x: len(x[1])):
            if not short or short[0].entry is not None and short[0].type not in ("ORG", "PER"):
                continue
            hosts = [g for g, k in keyed if g is not short and g and len(k) > len(short_key)
                     and _joins(short[0].type, short_key, g[0].type, k)]
            if len({id(h) for h in hosts}) == 1:
                host = hosts[0]
                known = {m.entry for m in short + host if m.entry is not None}
                if len(known) > 1:
                    continue  # two different known people or bodies
                for m in short:
                    m.type = host[0].type
                host.extend(short)
                short.clear()
        return [g for g in groups if g]

    def _add_surname_mentions(self, doc: Document, groups: list[list[Mention]],
                              mentions: list[Mention]) -> None:
        """Surnames the CRF did not tag (`ولفت باتروشيف`) still point at their person."""
        taken = {i for m in mentions for i in range(m.first, m.end)}
        surnames: dict[str, list[Mention]] = {}
        for g in groups:
            longest = max(g, key=lambda m: m.end - m.first)
            if g[0].type == "PER" and longest.end - longest.first > 1:
                last = normalize(doc.text[doc.tokens[longest.end - 1].start:longest.stop])
                if len(last) > 3 and last not in TITLE_WORDS:
                    surnames.setdefault(last, []).append(g)
        unique = {name: owners[0] for name, owners in surnames.items() if len(owners) == 1}
        endings = tuple(unique)
        if not endings:
            return
        for i, token in enumerate(doc.tokens):
            if i in taken or not token.is_word or not token.norm.endswith(endings):
                continue
            for prefix, stem in proclitic_splits(token.norm):
                if stem in unique:
                    start = stem_start(token, prefix)
                    unique[stem].append(Mention("PER", i, i + 1, start, token.end))
                    break

    def _entity(self, doc: Document, group: list[Mention], nationality: dict[int, str],
                named: set[int], year: Optional[int], context: list[str], nearby: list[str]
                ) -> Optional[Entity]:
        """`nationality`: the country of each nationality-adjective token; `named`: tokens
        inside names of bodies and places; `nearby`: countries named in the entity's
        first sentence, nearest first."""
        group.sort(key=lambda m: m.start)
        candidates = [c for m in group for c in (m.candidates or [m.entry] if m.entry else ())]
        entry = self.gazetteer.choose(candidates, year, nearby + context) if candidates else None
        kind = entry.type if entry is not None else Counter(m.type for m in group).most_common(1)[0][0]
        fullest = max(group, key=lambda m: (m.end - m.first, m.stop - m.start))
        phrase = doc.tokens[fullest.first:fullest.end]
        name_end = fullest.stop
        if kind == "ORG" and fullest.end in nationality:
            # مجلس الأمن + الروسي: the adjective is part of the body's name (not
            # of its mentions, which end where the name proper ends)
            phrase = doc.tokens[fullest.first:fullest.end + 1]
            name_end = phrase[-1].end
        name = doc.text[fullest.start:name_end]
        if phrase[0].core.startswith("ال") and normalize(name)[:1] == "ل":
            name = "ال" + name[1:]  # للحزب: ل took the article's alef; the name has it
            # (not كاليفورنيا, whose كال only looks like ك + the article)
        entity = Entity(id="", type=kind, name=name, mentions=[(m.start, m.stop) for m in group])
        role_tokens = None
        if kind == "PER":
            for m in group:
                role_tokens = self._role(doc, m, named.union(nationality))
                if role_tokens:
                    head = role_tokens[0]
                    start = head.core_start
                    if _conjoined_title(head):
                        start = stem_start(head, 1)
                    entity.role = doc.text[start:role_tokens[-1].end]
                    break
        if entry is not None:
            entity.country = entry.country
            entity.actor = entry.actor
            entity.latin = entry.latin
            if kind in ("GPE", "LOC"):
                entity.geo = entry.geo
        if self.actors is not None and entity.actor is None:
            if role_tokens:
                phrase = role_tokens
            if kind in ("PER", "ORG"):
                fallback = (nearby or context or [None])[0]
                country, actor, _ = self.actors.code_phrase(phrase, fallback)
                entity.country = entity.country or country
                entity.actor = actor
        if kind == "GPE" and entry is not None and entry.kind in _GOVERNMENT_KINDS and entity.country:
            entity.actor = entity.country + "GOV" if self._acts(doc, group, entry.kind) else entity.country
        if kind in ("GPE", "LOC") and self.geocoder is not None:
            places = [c for m in group for c in (m.candidates or ()) if c.geo]
            place = self.geocoder.resolve(places, context) if places else None
            if place is not None:
                entity.geo, entity.country = dict(place.geo), place.country or entity.country
            elif entry is None:
                entity.geo = self.geocoder.locate(normalize(name), context)
                if entity.geo and not entity.country:
                    entity.country = entity.geo.get("country")
        if entity.latin is None and self.transliterate is not None:
            entity.latin = self.transliterate(name)
        return entity

    def _role(self, doc: Document, mention: Mention, describing: set[int]) -> Optional[list[Token]]:
        """The title written just before a person's name, as tokens."""
        i = mention.first
        first = doc.tokens[i]
        if first.start < mention.start:
            return None  # a clitic on the name itself: no title between
        j = i - 1
        if j >= 0 and doc.tokens[j].text in ",،":
            j -= 1
        taken: list[Token] = []
        while j >= 0 and len(taken) < 12:
            t = doc.tokens[j]
            conjoined = _conjoined_title(t)
            if not t.is_word or not (conjoined or t.core in TITLE_WORDS or t.core in ROLE_WORDS
                                     or t.norm in ROLE_WORDS or j in describing or self._agent(t)):
                break
            taken.append(t)
            if conjoined or (t.core_start > t.start and t.norm[:1] in "وف" and t.core in TITLE_WORDS):
                break  # والرئيس، وسكرتير: the conjunction starts the phrase
            j -= 1
        taken.reverse()
        while taken and not (taken[0].core in TITLE_WORDS or _conjoined_title(taken[0])
                             or self._agent(taken[0])):
            taken.pop(0)
        return taken or None

    def _agent(self, token: Token) -> bool:
        return self.actors is not None and self.actors.agent(token.core) is not None

    def _acts(self, doc: Document, group: list[Mention], kind: str) -> bool:
        """Whether a country or capital stands for its state acting. A capital
        does unless every mention is governed by a preposition or place word; a
        country does when a verb agrees with it (`رفضت تركيا`, `روسيا تتهم`)."""
        for m in group:
            token = doc.tokens[m.first]
            if token.start < m.start and token.norm[:1] in "بل":
                continue  # بموسكو، لبكين: a place
            before = doc.tokens[m.first - 1] if m.first > 0 else None
            if before is not None and (before.core in _LOCATIVE or before.norm in _LOCATIVE):
                continue
            if kind == "capital":
                return True
            after = m.end
            if after + 1 < len(doc.tokens) and self._coordinated_place(doc.tokens[after]):
                after += 1  # موسكو وبكين متحدتان: the verb follows both
            nxt = doc.tokens[after] if after < len(doc.tokens) else None
            if nxt is not None and nxt.is_word and _verb_after(nxt.norm):
                return True
            if before is not None and before.is_word and _verb_before(before.norm):
                return True
        return False

    def _coordinated_place(self, token: Token) -> bool:
        return token.norm.startswith("و") and self.gazetteer is not None and any(
            e.type == "GPE" for e in self.gazetteer.lookup(token.norm[1:]))

    def _sentence_countries(self, doc: Document, group: list[Mention], nationality: dict[int, str],
                            mentions: list[Mention]) -> list[str]:
        """Countries named in the sentence of the entity's first mention: those
        before it, nearest first, then those after it."""
        first = min(group, key=lambda m: m.start)
        sentence = next((s for s in doc.sentences if s.first_token <= first.first < s.end_token), None)
        if sentence is None:
            return []
        found = [(i, c) for i, c in nationality.items() if sentence.first_token <= i < sentence.end_token]
        found += [(m.first, m.entry.country) for m in mentions
                  if m.entry is not None and m.entry.type == "GPE" and m.entry.country
                  and sentence.first_token <= m.first < sentence.end_token]
        found.sort(key=lambda pair: (pair[0] > first.first, abs(pair[0] - first.first)))
        return [c for _, c in found if c]

    def _context_countries(self, groups: list[list[Mention]]) -> list[str]:
        counts = Counter(m.entry.country for g in groups for m in g
                         if m.entry is not None and m.entry.country)
        return [c for c, _ in counts.most_common()]


def match_tags(matches: list, n: int) -> list[Optional[str]]:
    """B-/I- and the entry's type for every token inside a gazetteer match."""
    tags: list[Optional[str]] = [None] * n
    for m in matches:
        for i in range(m.first_token, m.end_token):
            tags[i] = ("B-" if i == m.first_token else "I-") + m.entry.type
    return tags


def _conjoined_title(token: Token) -> bool:
    """و or ف written onto a title without the article (`وسكرتير`, `ووزير`)."""
    return token.norm[:1] in "وف" and token.norm[1:] in TITLE_WORDS


def _without_titles(tokens: list[Token], a: int, b: int) -> tuple[int, int]:
    """A person's span without the title the CRF sometimes takes in."""
    while a < b and tokens[a].core in TITLE_WORDS:
        a += 1
    return a, b


def _joins(short_type: str, short_key: tuple, long_type: str, long_key: tuple) -> bool:
    """Whether a shorter name is a shortened form of a longer one of the same entity."""
    if short_type != long_type and not (len(short_key) == 1 and long_type == "PER"):
        return False
    if long_type == "PER":  # the surname, or a first name alone
        return len(short_key[-1]) > 2 and (short_key == long_key[-len(short_key):] or (
            len(short_key) == 1 and short_key[0] == long_key[0]))
    if long_type == "ORG":
        return short_key == long_key[:len(short_key)] and len(short_key) >= 2
    return False


def _verb_before(norm: str) -> bool:
    """A feminine past verb before its subject (`أعلنت`, `وقالت`)."""
    word = norm[1:] if norm[:1] in "وف" and len(norm) > 4 else norm
    return len(word) >= 4 and not word.startswith("ال") and word.endswith("ت")


def _verb_after(norm: str) -> bool:
    """A verb or predicate after its subject: present (`تواصل`), feminine past
    (`أعلنت`), dual predicates (`متحدتان`, `مستعدتان`)."""
    if norm.startswith("ال") or len(norm) < 4:
        return False
    return norm.endswith(("ت", "تان")) or norm.startswith(("ت", "ست"))
