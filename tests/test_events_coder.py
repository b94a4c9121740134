"""The event coder on Documents built by hand (entities given, so that the coder is
tested apart from the recogniser): families, actors, filters, quotes, dates, schema."""
import pytest

from hadath.document import Document, Entity, Quote
from hadath.events import EventCoder
from hadath.pipeline import analyse_text
from hadath.schema import validate_article


@pytest.fixture(scope="module")
def coder():
    return EventCoder.load()


def make(text, entities=(), published=None, quotes=()):
    """A document whose entities are given as (id, type, surface, country)."""
    doc = Document(id="t", text=text, published=published)
    analyse_text(doc)
    for entity_id, kind, surface, country in entities:
        starts, at = [], text.find(surface)
        while at >= 0:
            starts.append(at)
            at = text.find(surface, at + 1)
        doc.entities.append(Entity(entity_id, kind, surface, [(a, a + len(surface)) for a in starts],
                                   country=country, actor=country))
    doc.quotes = list(quotes)
    return doc


def code(coder, text, entities=(), published=None, quotes=()):
    doc = make(text, entities, published, quotes)
    coder(doc)
    return doc


@pytest.mark.parametrize("text, plover", [
    ("التقى وزير الخارجية المصري نظيره الأردني في عمان.", "CONSULT"),
    ("اتفقت الحكومة والمعارضة على تبادل المعلومات الأمنية.", "AGREE"),
    ("أشاد رئيس الوزراء بجهود الوساطة.", "SUPPORT"),
    ("أدانت الحكومة بشدة تصريحات السفير.", "DISAPPROVE"),
    ("طالب النواب الحكومة بالاستقالة.", "DEMAND"),
    ("رفضت المعارضة خطة التسوية.", "REJECT"),
    ("هدد الرئيس بفرض عقوبات على الشركات.", "THREATEN"),
    ("تظاهر آلاف الطلاب أمام البرلمان.", "PROTEST"),
    ("اعتقلت الشرطة ثلاثة ناشطين.", "COERCE"),
    ("قصفت الطائرات مواقع المسلحين شمال المدينة.", "ASSAULT"),
    ("أفرجت السلطات عن خمسة معتقلين.", "RETREAT"),
    ("أرسلت الحكومة مساعدات إنسانية إلى المتضررين.", "AID"),
])
def test_each_family(coder, text, plover):
    doc = code(coder, text)
    assert plover in {e.plover for e in doc.events}, [e.plover for e in doc.events]


def test_visit_actors_from_verb_and_from_verbal_noun(coder):
    doc = code(coder, "زار بوتين الصين لبحث التعاون.",
               [("e1", "PER", "بوتين", "RUS"), ("e2", "GPE", "الصين", "CHN")])
    visit = next(e for e in doc.events if e.cameo == "042")
    assert (visit.source.entity, visit.target.entity) == ("e1", "e2")
    doc = code(coder, "وقال باتروشيف، خلال زيارة إلى الصين، إن البلدين متحدان.",
               [("e1", "PER", "باتروشيف", "RUS"), ("e2", "GPE", "الصين", "CHN")])
    visit = next(e for e in doc.events if e.cameo == "042")
    assert (visit.source.country, visit.target.country) == ("RUS", "CHN")
    assert visit.plover == "CONSULT" and visit.mode == "visit"


def test_meeting_between_two_sides(coder):
    doc = code(coder, "عقدت محادثات بين مصر والسودان في القاهرة.",
               [("e1", "GPE", "مصر", "EGY"), ("e2", "GPE", "السودان", "SDN"),
                ("e3", "GPE", "القاهرة", "EGY")])
    talks = next(e for e in doc.events if e.plover == "CONSULT")
    assert (talks.source.entity, talks.target.entity) == ("e1", "e2")
    assert talks.location == "e3"


def test_passive_makes_the_person_the_target(coder):
    doc = code(coder, "اعتُقل الصحفي سمير خليل على يد الشرطة المصرية.",
               [("e1", "PER", "سمير خليل", "EGY")])
    arrest = next(e for e in doc.events if e.plover == "COERCE")
    assert arrest.target is not None and arrest.target.entity == "e1"
    assert arrest.source.entity != "e1"


def test_negation_and_denial_keep_the_event_flagged(coder):
    doc = code(coder, "لم تعتقل الشرطة أيا من المتظاهرين.")
    assert [e.negated for e in doc.events if e.plover == "COERCE"] == [True]
    doc = code(coder, "نفت الحكومة أنها قصفت القرية.")
    assert [e.negated for e in doc.events if e.plover == "ASSAULT"] == [True]


@pytest.mark.parametrize("text", [
    "إذا هاجمت القوات المدينة فستندلع حرب.",
    "سيتظاهر العمال أمام الوزارة غدا.",
    "هل قصفت الطائرات المستشفى؟",
    "دعت النقابات إلى التظاهر أمام البرلمان.",
    "تحدث اللاعب عن المباراة التي سحق فيها فريقه منافسه وقتل الملل.",
])
def test_not_current_events_are_not_coded(coder, text):
    doc = code(coder, text)
    assert not [e for e in doc.events if e.plover in ("ASSAULT", "PROTEST")], \
        [(e.plover, text[e.trigger[0]:e.trigger[1]]) for e in doc.events]


def test_events_need_a_party(coder):
    assert not code(coder, "اتفق الطرفان على تبادل المعلومات.").events
    assert not code(coder, "انفجرت سيارة مفخخة في سوق المدينة صباح اليوم.").events
    doc = code(coder, "انفجرت سيارة مفخخة في بغداد صباح اليوم.", [("e1", "GPE", "بغداد", "IRQ")])
    blast = next(e for e in doc.events if e.plover == "ASSAULT")
    assert blast.target.country == "IRQ" and blast.location == "e1"


def test_clitic_readings_do_not_invent_verbs(coder):
    # وزارة is not و + زار + ه, التعاون is not the verb تعاون
    doc = code(coder, "أعلنت وزارة الخارجية التعاون مع الشرطة.")
    assert not [e for e in doc.events if e.plover in ("CONSULT", "COOPERATE")]
    doc = code(coder, "قال الوزير إن الرئيس زارها أمس.", [("e1", "GROUP", "الرئيس", "FRA")])
    assert "042" in {e.cameo for e in doc.events}


def test_future_visit_is_an_intent_to_meet(coder):
    doc = code(coder, "ستزور الوزيرة باريس الأسبوع المقبل.")
    assert "042" not in {e.cameo for e in doc.events}
    assert "036" in {e.cameo for e in doc.events}


def test_general_nouns_need_an_event_to_stage_them(coder):
    assert not code(coder, "تعاني المنطقة من الاحتجاجات والإضرابات منذ سنوات.").events
    doc = code(coder, "نظم الطلاب مظاهرة أمام الجامعة.")
    assert "PROTEST" in {e.plover for e in doc.events}


def test_event_inside_a_quotation_is_reported_by_the_speaker(coder):
    text = "وقال الوزير: \"قصفت الطائرات مواقع المسلحين\"."
    start = text.index("قصفت")
    quote = Quote(text="قصفت الطائرات مواقع المسلحين", span=(start, start + 29), kind="direct",
                  speaker="e1")
    doc = code(coder, text, [("e1", "PER", "الوزير", None)], quotes=[quote])
    strike = next(e for e in doc.events if e.plover == "ASSAULT")
    assert strike.reported_by == "e1"


def test_dates_come_from_the_sentence(coder):
    doc = code(coder, "التقى الرئيس اليوم الإثنين وفدا من البرلمان.", published="2022-09-19")
    assert doc.events[0].date == "2022-09-19"
    doc = code(coder, "التقى الرئيس وفدا من البرلمان.", published="2022-09-19")
    assert doc.events[0].date is None


def test_several_events_no_duplicates(coder):
    text = ("قصفت القوات الإسرائيلية غزة واعتقلت الشرطة ثلاثة شبان. "
            "وقصفت القوات الإسرائيلية غزة مرة أخرى.")
    doc = code(coder, text, [("e1", "GPE", "غزة", "PSE")])
    kinds = [e.plover for e in doc.events]
    assert "ASSAULT" in kinds and "COERCE" in kinds
    strikes = [(e.source.actor, e.target.entity if e.target else None)
               for e in doc.events if e.plover == "ASSAULT"]
    assert strikes == [("ISRMIL", "e1")]


def test_events_validate_against_the_schema(coder):
    doc = code(coder, "زار بوتين الصين أمس، وتظاهر آلاف الطلاب في بكين.",
               [("e1", "PER", "بوتين", "RUS"), ("e2", "GPE", "الصين", "CHN"),
                ("e3", "GPE", "بكين", "CHN")], published="2022-09-19")
    assert doc.events
    validate_article(doc.to_dict())
    for event in doc.events:
        row = coder.ontology.get(event.cameo)
        assert (event.goldstein, event.quad_class, event.plover) == (row.goldstein, row.quad_class,
                                                                      row.plover)
        assert 0 <= event.confidence <= 1
        assert doc.text[event.trigger[0]:event.trigger[1]].strip()


def test_empty_document_has_no_events(coder):
    assert code(coder, "").events == []


def test_untargeted_event_aims_at_the_articles_other_country(coder):
    # Washington and Ankara dominate the report: a threat with no object named is aimed
    # at the other side; with a single country in play an event stays domestic.
    text = ("فرضت واشنطن عقوبات على أنقرة. وتوعدت واشنطن بمزيد من الإجراءات. "
            "وردت أنقرة برسوم على واشنطن.")
    doc = code(coder, text, [("e1", "GPE", "واشنطن", "USA"), ("e2", "GPE", "أنقرة", "TUR")])
    threat = next(e for e in doc.events if e.plover == "THREATEN")
    assert (threat.source.country, threat.target.country, threat.target.entity) == ("USA", "TUR", "e2")
    home = code(coder, "تظاهر آلاف الطلاب في القاهرة ضد الغلاء.", [("e1", "GPE", "القاهرة", "EGY")])
    protest = next(e for e in home.events if e.plover == "PROTEST")
    assert protest.target is not None and protest.target.country == "EGY"


def test_background_violence_is_not_the_sentences_event(coder):
    # a relative clause recalls how someone died: not this sentence's attack
    baghdad = [("e1", "GPE", "بغداد", "IRQ")]
    recalled = code(coder, "وصل القائد الذي قتل شقيقه في انفجار سيارة مفخخة في بغداد إلى الموصل.", baghdad)
    assert "ASSAULT" not in {e.plover for e in recalled.events}
    main = code(coder, "قتل ثلاثة أشخاص في انفجار سيارة مفخخة في بغداد.", baghdad)
    assert "ASSAULT" in {e.plover for e in main.events}
    # a list of crimes named as a charge: وقتل is a noun here, not a killing
    listed = code(coder, "تواجه الميليشيا اتهامات بارتكاب جرائم خطف واغتصاب وقتل في بغداد.", baghdad)
    assert "ASSAULT" not in {e.plover for e in listed.events}


def test_protest_deep_in_a_long_sentence_is_background(coder):
    filler = "وقال المتحدث إن الحكومة ناقشت خلال جلستها الأسبوعية في العاصمة ملفات الاقتصاد والتعليم والصحة والنقل والطاقة والزراعة والمياه والإسكان والسياحة والثقافة والرياضة والشباب والبيئة، "
    deep = code(coder, filler + "بعد أن تظاهر آلاف الطلاب أمام البرلمان.")
    assert "PROTEST" not in {e.plover for e in deep.events}
    early = code(coder, "تظاهر آلاف الطلاب أمام البرلمان، " + filler.strip(" ،") + ".")
    assert "PROTEST" in {e.plover for e in early.events}


def test_written_passive_makes_the_named_one_the_victim(coder):
    doc = code(coder, "اغتيل الوزير سمير خليل في بيروت برصاص مسلحين.",
               [("e1", "PER", "سمير خليل", "LBN"), ("e2", "GPE", "بيروت", "LBN")])
    killing = next(e for e in doc.events if e.plover == "ASSAULT")
    assert killing.target is not None and killing.target.entity == "e1"
    assert killing.source.entity != "e1"


def test_rockets_fired_and_bombs_thrown_are_attacks(coder):
    doc = code(coder, "أطلقت حماس خمسة صواريخ على عسقلان.",
               [("e1", "ORG", "حماس", "PSE"), ("e2", "GPE", "عسقلان", "ISR")])
    assert "ASSAULT" in {e.plover for e in doc.events}
    doc = code(coder, "أطلقت السلطات سراح حماس.", [("e1", "ORG", "حماس", "PSE")])
    assert "ASSAULT" not in {e.plover for e in doc.events}


def test_present_verb_after_its_subject_takes_it_as_source(coder):
    # a headline: subject, then a present verb, then its object
    doc = code(coder, "وزير الخارجية لافروف يحذر واشنطن من التصعيد",
               [("e1", "PER", "لافروف", "RUS"), ("e2", "GPE", "واشنطن", "USA")])
    warning = next(e for e in doc.events if e.plover == "THREATEN")
    assert (warning.source.entity, warning.target.entity) == ("e1", "e2")


def test_a_name_written_with_its_preposition_is_not_a_subject(coder):
    # the recogniser may take على into the name: على ترامب is still governed by على
    doc = code(coder, "وكان ماكرون اقترح على ترامب خلال زيارته إلى واشنطن الإبقاء على الاتفاق.",
               [("e1", "PER", "ماكرون", "FRA"), ("e2", "PER", "على ترامب", "USA"),
                ("e3", "GPE", "واشنطن", "USA")])
    visit = next(e for e in doc.events if e.cameo == "042")
    assert visit.source.entity != "e2"


def test_the_sources_apposition_is_not_the_target(coder):
    doc = code(coder, "حذر جون بولتون، مستشار الأمن القومي، إيران من العواقب.",
               [("e1", "PER", "جون بولتون", "USA"), ("e2", "GPE", "إيران", "IRN")])
    warning = next(e for e in doc.events if e.plover == "THREATEN")
    assert warning.target is not None and warning.target.entity == "e2"


def test_circumstantial_noun_takes_the_clause_subject_and_its_object(coder):
    # وصف X القمة …، مطالباً Y: X demands, Y is asked (an indefinite noun has no genitive)
    doc = code(coder, "ووصف زيهوفر القمة بالمصيرية، مطالباً أعضاء الاتحاد الأوروبي بحماية الحدود.",
               [("e1", "PER", "زيهوفر", "DEU"), ("e2", "ORG", "الاتحاد الأوروبي", None)])
    demand = next(e for e in doc.events if e.plover == "DEMAND")
    assert demand.source.entity == "e1"
    assert demand.target is not None and demand.target.entity == "e2"


def test_news_agency_is_not_a_party_of_the_article(coder):
    text = "وقال مراسل وكالة فرانس برس إن آلاف المحتجين تظاهروا في يريفان. وتظاهر المحتجون في يريفان."
    doc = make(text, [("e1", "GPE", "يريفان", "ARM")])
    doc.entities.append(Entity("e2", "ORG", "فرانس برس", [(text.find("فرانس برس"), text.find("فرانس برس") + 9)],
                               country="FRA", actor="FRAMED"))
    coder(doc)
    protests = [e for e in doc.events if e.plover == "PROTEST"]
    assert protests and all(e.target is not None and e.target.country == "ARM" for e in protests)


def test_a_protest_that_is_the_object_of_another_act_is_background(coder):
    cairo = [("e1", "GPE", "القاهرة", "EGY"), ("e2", "ORG", "الشرطة المصرية", "EGY")]
    dispersed = code(coder, "فرقت الشرطة المصرية مظاهرة نظمها الطلاب في القاهرة.", cairo)
    assert "PROTEST" not in {e.plover for e in dispersed.events}
    repression = next(e for e in dispersed.events if e.cameo == "175")    # violent repression
    assert repression.source.entity == "e2"
    staged = code(coder, "نظم الطلاب مظاهرة أمام مقر الشرطة المصرية في القاهرة.", cairo)
    assert "PROTEST" in {e.plover for e in staged.events}


def test_a_counted_casualty_report_is_an_attack_without_named_parties(coder):
    doc = code(coder, "وخطفوا 50 شخصا في شمال البلاد.")
    kidnapping = next(e for e in doc.events if e.plover == "ASSAULT")
    assert kidnapping.target is not None and "50" in kidnapping.target.text
    assert not code(coder, "وخطفوا الأضواء في شمال البلاد.").events


def test_the_place_where_something_is_said_is_not_its_target(coder):
    doc = code(coder, "ودافعت ماي، خلال كلمة لها في البرلمان البريطاني، عن العلاقات مع السعودية.",
               [("e1", "PER", "ماي", "GBR"), ("e2", "ORG", "البرلمان البريطاني", "GBR"),
                ("e3", "GPE", "السعودية", "SAU")])
    defence = next(e for e in doc.events if e.plover == "SUPPORT")
    assert defence.target is None or defence.target.entity != "e2"


def test_subject_behind_its_titles_and_title_after_the_name(coder):
    doc = code(coder, "يزور ولي العهد السعودي الأمير محمد بن سلمان القاهرة اليوم.",
               [("e1", "PER", "محمد بن سلمان", "SAU"), ("e2", "GPE", "القاهرة", "EGY")])
    visit = next(e for e in doc.events if e.cameo == "042")
    assert (visit.source.entity, visit.target.entity) == ("e1", "e2")
    doc = code(coder, "استقبلت الملكة إليزابيث الثانية ملكة بريطانيا ضيفها في القصر.",
               [("e1", "PER", "إليزابيث الثانية", "GBR"), ("e2", "GPE", "بريطانيا", "GBR")])
    host = next(e for e in doc.events if e.cameo == "043")
    assert host.source.entity == "e1"
    assert "ملكة" not in (host.target.text if host.target else "")    # her title is not her guest


def test_the_subject_of_the_verb_staging_a_noun_is_its_source(coder):
    doc = code(coder, "قتل أربعة جنود في هجوم شنه حزب الله على ثكنة في مقديشو.",
               [("e1", "GPE", "مقديشو", "SOM"), ("e2", "ORG", "حزب الله", "LBN")])
    attack = next(e for e in doc.events if e.plover == "ASSAULT" and e.trigger[0] == doc.text.find("هجوم"))
    assert attack.source.entity == "e2"


def _assaults(doc):
    return [e for e in doc.events if e.plover == "ASSAULT"]


def test_violence_a_court_or_a_suspicion_is_about_is_not_an_attack_now(coder):
    aden = [("e1", "GPE", "عدن", "YEM")]
    assert _assaults(code(coder, "خطف مسلحان صحفيا فرنسيا في عدن.", aden))
    tried = code(coder, "حكمت المحكمة بالسجن عشر سنوات على رجلين خطفا صحفيا فرنسيا في عدن.", aden)
    assert not _assaults(tried)
    suspected = code(coder, "اعتقلت الشرطة خمسة شبان للاشتباه في أنهم خطفوا صحفيا فرنسيا في عدن.", aden)
    assert not _assaults(suspected) and "COERCE" in {e.plover for e in suspected.events}


def test_threatened_or_guessed_violence_is_not_an_attack(coder):
    assert _assaults(code(coder, "شن الجيش غارات على مواقع المسلحين في المدينة."))
    threatened = code(coder, "توعد الجيش بشن غارات على مواقع المسلحين في المدينة.")
    assert not _assaults(threatened) and "THREATEN" in {e.plover for e in threatened.events}
    assert not _assaults(code(coder, "ورجحت الحكومة قصف مواقع المسلحين في المدينة."))


def test_a_known_blast_recalled_by_a_relative_clause_is_a_topic(coder):
    tripoli = [("e1", "GPE", "طرابلس", "LBN")]
    recalled = code(coder, "وقال النائب إن الانفجار الذي استهدف الجيش في طرابلس جاء بعد التهديدات.",
                    tripoli)
    assert not _assaults(recalled)
    # people killed in it still make it an attack
    assert _assaults(code(coder, "قتل جنديان في الانفجار الذي استهدف الجيش في طرابلس.", tripoli))


def test_what_used_to_happen_is_not_an_event(coder):
    assert _assaults(code(coder, "الحراس يعذبون المعتقلين في السجن."))
    # كان … then the subject and a first verb: the second present verb is habitual too
    assert not _assaults(code(coder, "كان النظام يعتقل المعارضين ويعذبهم في السجون."))
    # كان with a past verb is a past perfect: أقترح-like present forms are not taken at a distance
    doc = code(coder, "وكان الوزير اقترح على نظيره الفرنسي عقد مؤتمر.")
    assert "AGREE" in {e.plover for e in doc.events}


def test_one_who_says_he_underwent_violence_is_its_target(coder):
    person = [("e1", "PER", "سمير خليل", "EGY")]
    doc = code(coder, "ويقول الصحفي سمير خليل إنه تعرض خلال احتجازه للتعذيب.", person)
    torture = [e for e in _assaults(doc) if e.cameo == "1822"]
    assert torture and torture[0].target.entity == "e1"
    # reports about it make it a topic
    assert not _assaults(code(coder, "نشرت الصحف تقارير عن تعرض الصحفي سمير خليل للتعذيب.", person))


@pytest.mark.parametrize("figurative, literal", [
    ("انفجر الوضع في بغداد أمس.", "انفجرت قنبلة في بغداد أمس."),
    ("وشهدت بغداد انفجارا سكانيا خلال العقد الماضي.", "وشهدت بغداد انفجارا عنيفا أمس."),
    ("فجرت الصحيفة فضيحة جديدة في بغداد.", "فجرت الجماعة مبنى البلدية في بغداد."),
    ("تعرض سمير خليل لعملية اغتيال الشخصية.", "تعرض سمير خليل لعملية اغتيال."),
])
def test_figurative_blasts_and_assassinations_are_not_attacks(coder, figurative, literal):
    places = [("e1", "GPE", "بغداد", "IRQ"), ("e2", "PER", "سمير خليل", "IRQ")]
    assert _assaults(code(coder, literal, places))
    assert not _assaults(code(coder, figurative, places))


@pytest.mark.parametrize("accident, attack", [
    ("قتل خمسة أشخاص في حادث سير قرب بغداد أمس.", "قتل خمسة أشخاص في هجوم قرب بغداد أمس."),
    ("قتل عشرة أشخاص غرقا قرب بغداد.", "قتل مسلحون عشرة أشخاص قرب بغداد."),
])
def test_deaths_in_an_accident_are_not_an_attack(coder, accident, attack):
    baghdad = [("e1", "GPE", "بغداد", "IRQ")]
    assert _assaults(code(coder, attack, baghdad))
    assert not _assaults(code(coder, accident, baghdad))


@pytest.mark.parametrize("handled", [
    "أرسل الجيش العراقي صواريخ إلى بغداد.",
    "أجرى الجيش العراقي تجربة صاروخ قرب بغداد.",
    "وقعت بغداد صفقة صواريخ مع سمير خليل.",
])
def test_weapons_sent_tested_or_sold_are_not_an_attack(coder, handled):
    parties = [("e1", "GPE", "بغداد", "IRQ"), ("e2", "ORG", "الجيش العراقي", "IRQ"),
               ("e3", "PER", "سمير خليل", "USA")]
    assert _assaults(code(coder, "أطلق الجيش العراقي صواريخ على بغداد.", parties))
    assert not _assaults(code(coder, handled, parties))


def test_wanted_violence_is_not_an_attack(coder):
    parties = [("e1", "GPE", "بغداد", "IRQ"), ("e2", "ORG", "الجيش العراقي", "IRQ")]
    assert _assaults(code(coder, "قصف الجيش العراقي مواقع المسلحين في بغداد.", parties))
    assert not _assaults(code(coder, "يريد الجيش العراقي قصف مواقع المسلحين في بغداد.", parties))


@pytest.mark.parametrize("text", [
    "وقال مسؤول إن 12 صحفيا على الأقل تعرضوا للخطف في الشمال.",
    "وقال مسؤول إنه تعرض 12 صحفيا للخطف في الشمال.",
])
def test_a_counted_group_that_underwent_violence_is_its_target(coder, text):
    kidnapping = _assaults(code(coder, text))
    assert kidnapping and "12" in kidnapping[0].target.text


def test_the_quick_lexicon_check_never_turns_away_a_word_the_lexicon_reads(coder):
    forms = sorted(coder.lexicon.words)[::7] + sorted(coder.lexicon.phrases)
    words = [prefix + form + suffix for form in forms
             for prefix, suffix in (("", ""), ("و", ""), ("ال", ""), ("وب", "ه"), ("", "ها"), ("", "ا"))]
    # a pronoun after ة writes it ت (قمة → قمته)
    words += [form[:-1] + "ته" for form in coder.lexicon.words if form.endswith("ه")]
    fresh = EventCoder(coder.ontology, coder.lexicon, coder.actors)
    unchecked = EventCoder(coder.ontology, coder.lexicon, coder.actors)
    unchecked._starts = (frozenset({""}), (0,))   # every word goes on to the full analysis
    read = 0
    for word in words:
        heads, match = unchecked._analysis(word)
        if heads or match:
            read += 1
            assert fresh._may_match(word), word
    assert read > len(forms)
    # and it does turn words away: most ordinary words start like no form
    assert sum(not fresh._may_match(w) for w in ["الطقس", "كرة", "مدرسة", "الموسيقى", "شجرة", "مطبخ"]) >= 3
