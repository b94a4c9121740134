"""Hand-made article objects (written for these tests) with entities, a quotation and
events at known offsets, for the store, API, export and dashboard tests."""
from __future__ import annotations

import copy


def _span(text: str, part: str, after: int = 0) -> list[int]:
    start = text.index(part, after)
    return [start, start + len(part)]


def _article(doc_id, url, source, published, title, body, entities, quotes, events) -> dict:
    text = title + "\n" + body
    ents = []
    for eid, etype, name, latin, country, actor, geo in entities:
        ents.append({"id": eid, "type": etype, "name": name, "latin": latin,
                     "mentions": [_span(text, name)], "country": country, "actor": actor,
                     "geo": geo, "role": None})
    quote_objs = []
    for quoted, speaker_id, speaker_name, cue in quotes:
        quote_objs.append({"text": quoted, "span": _span(text, quoted), "speaker": speaker_id,
                           "speaker_name": speaker_name, "speaker_role": None, "cue": cue,
                           "cue_span": _span(text, cue), "kind": "direct"})
    event_objs = []
    for plover, cameo, goldstein, quad, trigger, src, tgt, place, negated in events:
        trig = _span(text, trigger)
        line_start = text.rfind("\n", 0, trig[0]) + 1
        line_end = text.find("\n", trig[1])
        sentence = [line_start, line_end if line_end >= 0 else len(text)]

        def actor(eid):
            entity = next(e for e in ents if e["id"] == eid)
            return {"entity": eid, "actor": entity["actor"], "country": entity["country"],
                    "text": entity["name"], "span": entity["mentions"][0]}
        event_objs.append({"plover": plover, "mode": None, "cameo": cameo, "goldstein": goldstein,
                           "quad_class": quad, "source": actor(src),
                           "target": actor(tgt) if tgt else None, "trigger": trig,
                           "sentence": sentence, "date": None, "location": place,
                           "negated": negated, "reported_by": None, "confidence": 0.8})
    return {"id": doc_id, "url": url, "source": source, "title": title, "published": published,
            "language": "ar", "encoding": None, "text": text, "entities": ents,
            "quotes": quote_objs, "events": event_objs}


CAIRO = {"lat": 30.04, "lon": 31.24, "country": "EGY", "kind": "city"}
AMMAN = {"lat": 31.95, "lon": 35.93, "country": "JOR", "kind": "city"}

ARTICLES = [
    _article(
        "sample-water", "https://example.org/news/water-talks", "وكالة المثال", "2023-03-14",
        "مصر والأردن توقعان اتفاقية للتعاون في مجال المياه",
        "وقّعت مصر والأردن في القاهرة اتفاقية جديدة لإدارة الموارد المائية.\n"
        "وقال وزير الري المصري: \"الاتفاقية خطوة مهمة لأمننا المائي المشترك\".\n"
        "ولم تهاجم أي جهة المشروع حتى الآن.",
        [("e1", "GPE", "مصر", "Egypt", "EGY", "EGY", {"lat": 26.8, "lon": 30.8, "country": "EGY", "kind": "country"}),
         ("e2", "GPE", "الأردن", "Jordan", "JOR", "JOR", None),
         ("e3", "GPE", "القاهرة", "Cairo", "EGY", None, CAIRO),
         ("e4", "PER", "وزير الري المصري", None, "EGY", "EGYGOV", None)],
        [("الاتفاقية خطوة مهمة لأمننا المائي المشترك", "e4", "وزير الري المصري", "وقال")],
        [("AGREE", "057", 8.0, 1, "وقّعت", "e1", "e2", "e3", False),
         ("ASSAULT", "190", -10.0, 4, "تهاجم", "e1", "e2", None, True)]),
    _article(
        "sample-border", "https://example.org/news/border", "صحيفة التجربة", "2023-04-02",
        "اشتباكات على الحدود ومطالبات بالتهدئة",
        "اتهمت الأردن جماعة مسلحة بإطلاق النار على دورية قرب عمّان.\n"
        "وطالبت مصر الطرفين بضبط النفس ووقف التصعيد فوراً.",
        [("e1", "GPE", "الأردن", "Jordan", "JOR", "JOR", None),
         ("e2", "GPE", "عمّان", "Amman", "JOR", None, AMMAN),
         ("e3", "GPE", "مصر", "Egypt", "EGY", "EGY", None)],
        [],
        [("DISAPPROVE", "112", -2.0, 3, "اتهمت", "e1", None, "e2", False),
         ("DEMAND", "10", -5.0, 3, "طالبت", "e3", "e1", None, False)]),
    _article(
        "sample-plain", None, "وكالة المثال", "2023-05-20",
        "نشرة الطقس: أمطار غزيرة متوقعة",
        "تتوقع الأرصاد الجوية أمطاراً غزيرة على المناطق الساحلية خلال عطلة نهاية الأسبوع.",
        [], [], []),
]


def articles() -> list[dict]:
    """Fresh copies, so that a test may change them."""
    return copy.deepcopy(ARTICLES)
