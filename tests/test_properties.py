"""Invariants of the output, checked by hypothesis over generated text and over pieces of
real corpus articles: every span lies inside `text` and covers what its field says;
normalisation is idempotent and maps back to the original; every output validates against
the schema; the same input always gives the same output."""
from __future__ import annotations

import copy

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from hadath.reading import RawArticle
from hadath.schema import validate_article
from hadath.text import normalize, normalize_with_offsets

BOUNDED = settings(max_examples=50, deadline=None,
                   suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow])

# Pieces of news Arabic (written for this test) and of everything that upsets text code:
# diacritics, tatweel, hamza forms, presentation forms, other digits, bidi controls,
# quotation marks of every kind, Latin, line breaks.
WORDS = ["قال", "وقال", "أعلن", "الرئيس", "وزير", "الخارجية", "المصري", "سامح", "شكري", "إن",
         "مصر", "والأردن", "لموسكو", "بالرئيس", "الصين", "هاجمت", "القوات", "الإسرائيلية", "غزة",
         "وقّعت", "اتفاقية", "تعاون", "في", "القاهرة", "يوم", "الأحد", "أمس", "طالب", "المتظاهرون",
         "بإسقاط", "الحكومة", "لم", "تهاجم", "أكد", "المتحدث", "باسم", "الأمم", "المتحدة",
         "مُحَمَّد", "عـــاجل", "ﻻ", "ﷲ", "٢٠٢٣", "۱۴", "12", "د.", "أ.ف.ب", "Reuters", "Biden", "UN"]
MARKS = ["«", "»", "\"", "“", "”", "'", "‹", "›", "„", ".", "،", "؛", "؟", "!", ":", "(", ")", "-", "…"]
CONTROLS = ["\u200f", "\u200e", "\u202b", "\u202c", "\u2067", "\u2069", "\u200d", "\ufeff", "\u0640"]
GAPS = [" ", " ", " ", "\n", "\n\n", "\t", "  "]

pieces = st.one_of(st.sampled_from(WORDS), st.sampled_from(WORDS), st.sampled_from(MARKS),
                   st.sampled_from(CONTROLS), st.text(max_size=4))
news_text = st.lists(st.tuples(pieces, st.sampled_from(GAPS)), min_size=1, max_size=60).map(
    lambda parts: "".join(p + g for p, g in parts))


def _doc(pipeline, text: str, title=None) -> dict:
    return pipeline(RawArticle(id="p", text=text, origin="test", title=title)).to_dict()


def check_spans(doc: dict) -> None:
    """Every offset indexes `text`, and `text[start:end]` is what the field claims."""
    text = doc["text"]
    ids = {e["id"] for e in doc["entities"]}

    def inside(span, claim=None):
        start, end = span
        assert 0 <= start < end <= len(text), (span, len(text))
        if claim is not None:
            assert text[start:end] == claim, (text[start:end], claim)

    for entity in doc["entities"]:
        assert entity["mentions"]
        for span in entity["mentions"]:
            inside(span)
        # The name is written in the article (its fullest form); after ل the name
        # restores the ال that the spelling absorbed (للقدس: mention لقدس, name القدس).
        name = entity["name"]
        assert name in text or (name.startswith("ال") and "ل" + name[1:] in text), name
    for quote in doc["quotes"]:
        inside(quote["span"], quote["text"])
        if quote["cue_span"]:
            inside(quote["cue_span"], quote["cue"])
        assert quote["speaker"] is None or quote["speaker"] in ids
    for event in doc["events"]:
        inside(event["trigger"])
        inside(event["sentence"])
        assert event["sentence"][0] <= event["trigger"][0] and event["trigger"][1] <= event["sentence"][1]
        for side in (event["source"], event["target"]):
            if side and side["span"]:
                inside(side["span"], side["text"])
            assert side is None or side["entity"] is None or side["entity"] in ids
        for key in ("location", "reported_by"):
            assert event[key] is None or event[key] in ids


def check_normalisation(text: str) -> None:
    once = normalize(text)
    assert normalize(once) == once
    mapped = normalize_with_offsets(text)
    assert mapped.text == once
    if mapped.offsets is not None:
        assert len(mapped.offsets) == len(once)
        assert list(mapped.offsets) == sorted(mapped.offsets)
        assert all(0 <= o < len(text) for o in mapped.offsets)
    for start in range(0, len(once), max(1, len(once) // 7)):
        begin, end = mapped.to_original(start, min(len(once), start + 3))
        assert 0 <= begin <= end <= len(text)
        # (a ligature such as ﻻ maps whole: the original piece may normalise to more)
        assert once[start:min(len(once), start + 3)] in normalize(text[begin:end])


@BOUNDED
@given(text=news_text)
def test_generated_text_keeps_every_invariant(pipeline, text):
    check_normalisation(text)
    if not text.strip():
        return
    doc = _doc(pipeline, text)
    validate_article(doc)
    check_spans(doc)
    assert _doc(pipeline, text) == doc


@BOUNDED
@given(data=st.data())
def test_pieces_of_real_articles_keep_every_invariant(pipeline, corpus_articles, data):
    article = data.draw(st.sampled_from(corpus_articles))
    body = article["text"]
    start = data.draw(st.integers(0, max(0, len(body) - 1)))
    end = data.draw(st.integers(start, min(len(body), start + 3000)))
    text = body[start:end]
    title = data.draw(st.sampled_from([None, article.get("title")]))
    check_normalisation(text)
    if not text.strip() and not (title or "").strip():
        return
    doc = _doc(pipeline, text, title)
    validate_article(doc)
    check_spans(doc)
    assert _doc(pipeline, text, title) == doc


def test_whole_real_articles_keep_every_invariant_and_repeat_exactly(pipeline, corpus_articles):
    first = []
    for article in corpus_articles[:40]:
        doc = _doc(pipeline, article["text"], article.get("title"))
        validate_article(doc)
        check_spans(doc)
        first.append(copy.deepcopy(doc))
    # Same input, same output, also after other articles went through the same pipeline.
    again = [_doc(pipeline, a["text"], a.get("title")) for a in reversed(corpus_articles[:40])]
    assert list(reversed(again)) == first
    assert sum(len(d["events"]) for d in first) > 0 and sum(len(d["quotes"]) for d in first) > 0
