"""QuoteFinder on hand-written Arabic sentences, with entities built by hand."""
from __future__ import annotations

import pytest

from hadath.document import Document, Entity
from hadath.pipeline import analyse_text
from hadath.quotes import QuoteFinder


@pytest.fixture(scope="module")
def finder() -> QuoteFinder:
    return QuoteFinder.load()


def analyse(finder, text: str, entities: list[tuple[str, str, list[str]]] = ()) -> Document:
    """Run the finder over `text`; `entities` are (type, canonical name, surface forms),
    each surface form marking every occurrence of it in the text as a mention."""
    doc = Document(id="t", text=text)
    analyse_text(doc)
    for n, (etype, name, forms) in enumerate(entities):
        mentions = []
        for form in forms:
            at = text.find(form)
            while at != -1:
                mentions.append((at, at + len(form)))
                at = text.find(form, at + len(form))
        doc.entities.append(Entity(id=f"e{n}", type=etype, name=name, mentions=sorted(mentions)))
    finder(doc)
    for q in doc.quotes:
        assert doc.text[q.span[0]:q.span[1]] == q.text
        assert q.cue_span is None or doc.text[q.cue_span[0]:q.cue_span[1]] == q.cue
    return doc


@pytest.mark.parametrize("opening, closing", [("«", "»"), ("“", "”"), ('"', '"'), ("'", "'")])
def test_direct_quote_in_every_mark(finder, opening, closing):
    text = f"وقال المزارع خليل حمدان: {opening}لن نترك أرضنا مهما طال الحصار{closing}."
    doc = analyse(finder, text)
    assert len(doc.quotes) == 1
    q = doc.quotes[0]
    assert q.kind == "direct"
    assert q.text == "لن نترك أرضنا مهما طال الحصار"
    assert q.cue == "قال"
    assert q.speaker_name == "خليل حمدان"
    assert q.speaker_role == "المزارع"


def test_direct_quote_runs_over_sentences_and_keeps_nested_marks(finder):
    text = ('وقالت الطبيبة سعاد ناصر: «المستشفى ممتلئ. لم يعد لدينا مكان، '
            'والناس يسألون "إلى أين نذهب؟" كل يوم».')
    doc = analyse(finder, text)
    assert len(doc.quotes) == 1
    assert doc.quotes[0].text.startswith("المستشفى ممتلئ. لم يعد لدينا مكان")
    assert doc.quotes[0].text.endswith("كل يوم")
    assert doc.quotes[0].speaker_name == "سعاد ناصر"


def test_headline_quote_names_its_speaker(finder):
    text = "العمري: المفاوضات مع الشركاء وصلت إلى مرحلة حاسمة\nأكد وزير المالية سامي العمري أن الميزانية متوازنة."
    doc = analyse(finder, text, [("PER", "سامي العمري", ["سامي العمري", "العمري"])])
    head = doc.quotes[0]
    assert head.kind == "direct"
    assert head.text == "المفاوضات مع الشركاء وصلت إلى مرحلة حاسمة"
    assert head.speaker == "e0" and head.speaker_name == "سامي العمري"


def test_headline_topic_label_is_not_a_quote(finder):
    text = "الأردن: افتتاح معبر حدودي جديد مع سوريا\nافتتحت السلطات معبرا حدوديا جديدا."
    doc = analyse(finder, text, [("GPE", "الأردن", ["الأردن"])])
    assert doc.quotes == []


def test_indirect_quote_with_entity_speaker_and_role(finder):
    text = "وأكد وزير الخارجية المغربي يوسف الحسني، اليوم الأحد، أن بلاده ستستضيف القمة المقبلة."
    doc = analyse(finder, text, [("PER", "يوسف الحسني", ["يوسف الحسني"]), ("GPE", "المغرب", ["المغربي"])])
    assert len(doc.quotes) == 1
    q = doc.quotes[0]
    assert q.kind == "indirect"
    assert q.text == "بلاده ستستضيف القمة المقبلة"
    assert (q.speaker, q.speaker_name, q.speaker_role) == ("e0", "يوسف الحسني", "وزير الخارجية المغربي")
    assert q.cue == "أكد"


def test_implicit_subject_and_participle_take_the_previous_speaker(finder):
    text = ("قال رئيس البلدية مروان شحادة إن المياه ستعود إلى الأحياء الشرقية غدا. "
            "وأضاف: \"نعمل ليلا ونهارا لإصلاح الشبكة\"، مشيرا إلى أن الكلفة تجاوزت مليون دولار.")
    doc = analyse(finder, text, [("PER", "مروان شحادة", ["مروان شحادة"])])
    assert [q.kind for q in doc.quotes] == ["indirect", "direct", "indirect"]
    assert {q.speaker for q in doc.quotes} == {"e0"}
    assert doc.quotes[1].text == "نعمل ليلا ونهارا لإصلاح الشبكة"
    assert doc.quotes[2].text == "الكلفة تجاوزت مليون دولار"


def test_pronoun_follows_gender(finder):
    text = ("قالت الوزيرة هدى الزين إن الخطة جاهزة. وقال النائب فارس عيد إن البرلمان سيناقشها. "
            "ووفقاً لها، فإن التمويل مضمون حتى نهاية العام.")
    doc = analyse(finder, text, [("PER", "هدى الزين", ["هدى الزين"]), ("PER", "فارس عيد", ["فارس عيد"])])
    last = doc.quotes[-1]
    assert last.text == "التمويل مضمون حتى نهاية العام"
    assert last.speaker == "e0"
    assert last.kind == "indirect"


def test_statement_goes_to_the_body_that_issued_it(finder):
    text = ("وجاء في بيان لوزارة الصحة أن عدد الإصابات تراجع خلال الأسبوع الماضي. "
            "وأضاف البيان أن حملة التلقيح ستتوسع إلى المدارس.")
    doc = analyse(finder, text, [("ORG", "وزارة الصحة", ["وزارة الصحة"])])
    assert len(doc.quotes) == 2
    assert [q.speaker for q in doc.quotes] == ["e0", "e0"]
    assert doc.quotes[0].cue == "جاء في بيان"
    assert doc.quotes[1].text == "حملة التلقيح ستتوسع إلى المدارس"


@pytest.mark.parametrize("text, source", [
    ("وقالت مصادر مطلعة إن المفاوضات ستستأنف الأسبوع المقبل.", "مصادر مطلعة"),
    ("وقال مسؤول طلب عدم الكشف عن اسمه إن الشحنة وصلت إلى الميناء.", "مسؤول طلب عدم الكشف عن اسمه"),
    ("وتراجعت أسعار الوقود في البلاد، بحسب وسائل إعلام محلية.", "وسائل إعلام محلية"),
])
def test_anonymous_source_keeps_its_description(finder, text, source):
    doc = analyse(finder, text)
    assert len(doc.quotes) == 1
    assert doc.quotes[0].speaker is None
    assert doc.quotes[0].speaker_name == source


def test_attribution_before_or_after_the_statement(finder):
    doc = analyse(finder, "وبحسب وكالة الأنباء الرسمية، فإن الرئيس سيزور القاهرة الأسبوع المقبل.")
    assert doc.quotes[0].text == "الرئيس سيزور القاهرة الأسبوع المقبل"
    assert doc.quotes[0].speaker_name == "وكالة الأنباء الرسمية"


def test_subject_before_the_verb(finder):
    text = "وكان رئيس الوزراء، كريم الدباغ، قد قال الشهر الماضي إن الانتخابات ستجري في موعدها."
    doc = analyse(finder, text, [("PER", "كريم الدباغ", ["كريم الدباغ"])])
    assert len(doc.quotes) == 1
    assert doc.quotes[0].speaker == "e0"


def test_unbalanced_closing_mark_is_dropped(finder):
    text = "ولفت الباحث ماهر طه إلى أن \"الزراعة تحتاج إلى استثمار كبير في الري."
    doc = analyse(finder, text)
    assert doc.quotes[0].text == "الزراعة تحتاج إلى استثمار كبير في الري"
    assert doc.quotes[0].kind == "direct"


@pytest.mark.parametrize("text", [
    "وافتتح الرئيس المعرض الدولي للكتاب في العاصمة بحضور عدد من الوزراء.",
    "وأحبط حزب \"التجديد\" الحاكم مسعى المعارضة لتشكيل الحكومة.",
    "وهو طالب يدرس الهندسة في جامعة بغداد منذ عامين.",
    "وكتب في مقال رأي نشرته الصحيفة عن تاريخ المدينة القديمة.",
])
def test_nothing_found_in_plain_sentences(finder, text):
    assert analyse(finder, text).quotes == []


def test_headline_naming_an_occasion_is_not_a_quote(finder):
    text = "قبيل لقاء العمري والحسني: الحكومة تعد خطة جديدة\nتعد الحكومة خطة جديدة للطاقة."
    doc = analyse(finder, text, [("PER", "سامي العمري", ["العمري"]), ("PER", "يوسف الحسني", ["الحسني"])])
    assert doc.quotes == []


def test_speech_act_whose_object_is_the_statement(finder):
    text = "واتهم وزير الداخلية ماهر سلوم المعارضة بتأجيج الاحتجاجات في الجنوب."
    doc = analyse(finder, text, [("PER", "ماهر سلوم", ["ماهر سلوم"])])
    assert len(doc.quotes) == 1
    q = doc.quotes[0]
    assert (q.cue, q.kind, q.speaker) == ("اتهم", "indirect", "e0")
    assert q.text == "المعارضة بتأجيج الاحتجاجات في الجنوب"


def test_object_of_a_speech_act_with_no_named_subject_is_not_a_quote(finder):
    # no entity and no source noun: the words after the verb may be its object
    assert analyse(finder, "وطالب بعض السكان المحليين البلدية بإصلاح الطريق.").quotes == []


def test_feminine_verb_does_not_continue_a_man(finder):
    text = "قال المهندس رامي حداد إن الجسر سيفتتح قريبا. وأضافت أن الأعمال شارفت على الانتهاء."
    doc = analyse(finder, text, [("PER", "رامي حداد", ["رامي حداد"])])
    assert [q.speaker for q in doc.quotes] == ["e0"]


def test_relative_clause_speaker_is_the_antecedent(finder):
    text = ("قال الوزير نبيل كرم إن الميزانية جاهزة. ونقلت الصحيفة تصريحات للمتحدث باسم الشرطة "
            "وليد منصور، الذي قال إن التحقيق ما زال جاريا.")
    doc = analyse(finder, text, [("PER", "نبيل كرم", ["نبيل كرم"]), ("PER", "وليد منصور", ["وليد منصور"])])
    assert doc.quotes[-1].text == "التحقيق ما زال جاريا"
    assert doc.quotes[-1].speaker == "e1"


def test_noun_in_apposition_is_not_a_cue(finder):
    text = "وأوقفت الشرطة شابا، طالب في كلية الطب، بعد مداهمة منزله في الحي القديم."
    assert analyse(finder, text).quotes == []


def test_headline_possessive_speaker_found_in_the_body(finder):
    text = ("طلاب يغلقون الطرق.. وزعيمهم: لن نتراجع عن مطالبنا\n"
            "أغلق طلاب الطرق المؤدية إلى الجامعة بعد أن دعا زعيم الحركة الطلابية كمال عيسى إلى الإضراب.")
    doc = analyse(finder, text, [("PER", "كمال عيسى", ["كمال عيسى"])])
    assert doc.quotes[0].text == "لن نتراجع عن مطالبنا"
    assert doc.quotes[0].speaker == "e0"


def test_quotation_standing_alone_continues_the_previous_speaker(finder):
    text = ('وقالت المعلمة رنا خوري: "المدرسة بحاجة إلى ترميم عاجل". '
            '"لا يمكن للأطفال أن يدرسوا تحت سقف يتسرب منه الماء".\n'
            '"هذه عبارة في علامات تنصيص لا يقولها أحد".')
    doc = analyse(finder, text, [("PER", "رنا خوري", ["رنا خوري"])])
    assert [q.text for q in doc.quotes] == ["المدرسة بحاجة إلى ترميم عاجل",
                                            "لا يمكن للأطفال أن يدرسوا تحت سقف يتسرب منه الماء"]
    assert {q.speaker for q in doc.quotes} == {"e0"}


def test_title_alone_is_the_person_the_article_names_with_it(finder):
    text = ("التقى الرئيس الكيني، جوزيف موانغي، وفدا من المستثمرين. "
            "وقال الرئيس الكيني إن بلاده ترحب بالاستثمارات الأجنبية.")
    doc = analyse(finder, text, [("PER", "جوزيف موانغي", ["جوزيف موانغي"])])
    assert len(doc.quotes) == 1
    assert (doc.quotes[0].speaker, doc.quotes[0].speaker_role) == ("e0", "الرئيس الكيني")


def test_statement_after_its_relayed_source(finder):
    text = "وذكرت قناة \"الأفق\" نقلا عن مسؤول رفيع في الوزارة، أن المحادثات ستستأنف الشهر المقبل."
    doc = analyse(finder, text)
    assert [(q.text, q.speaker_name) for q in doc.quotes] == [
        ("المحادثات ستستأنف الشهر المقبل", "مسؤول رفيع")]


def test_report_inside_a_report_is_one_quotation(finder):
    text = "وقال المحلل سعيد نجم إن الحكومة أكدت أن الأسعار ستنخفض قريبا."
    doc = analyse(finder, text)
    assert [(q.speaker_name, q.text) for q in doc.quotes] == [
        ("سعيد نجم", "الحكومة أكدت أن الأسعار ستنخفض قريبا")]
