"""The entity component on short articles written for these tests."""
import pytest

from hadath.entities.ner import NerTagger, bio_spans
from hadath.reading import RawArticle
from hadath.schema import validate_article
from hadath.text.tokens import tokenize

ARTICLE = """أكد وزير الخارجية الروسي سيرغي لافروف، اليوم الثلاثاء، أن موسكو مستعدة للحوار.
وقال لافروف خلال زيارة إلى القاهرة إن بلاده تدعم الحل السياسي.
والتقى الرئيس المصري عبد الفتاح السيسي بالوزير الروسي في قصر الاتحادية.
وأعلنت الحكومة الإيطالية أن رئيس الوزراء جوزيبي كونتي سيزور لموسكو الشهر المقبل.
وقال الوزير إن الزيارة كانت ناجحة."""


@pytest.fixture(scope="module")
def doc(pipeline):
    return pipeline(RawArticle(id="t1", text=ARTICLE, origin="test", published="2019-05-07"))


def by_name(doc, name):
    found = [e for e in doc.entities if e.name == name]
    assert found, f"{name!r} not among {[e.name for e in doc.entities]}"
    return found[0]


def test_model_tags_a_person_and_a_place():
    tagger = NerTagger.load()
    tokens = tokenize("وصل الرئيس الفرنسي إيمانويل ماكرون إلى برلين صباح اليوم")
    labels = tagger.tag([t.norm for t in tokens], [None] * len(tokens))
    spans = {(kind, " ".join(t.text for t in tokens[a:b])) for kind, a, b in bio_spans(labels)}
    assert ("PER", "إيمانويل ماكرون") in spans
    assert ("LOC", "برلين") in spans


def test_surname_joins_the_full_name_and_the_title_is_the_role(doc):
    lavrov = by_name(doc, "سيرغي لافروف")
    assert lavrov.type == "PER"
    assert [doc.text[s:e] for s, e in lavrov.mentions][:2] == ["سيرغي لافروف", "لافروف"]
    assert lavrov.role == "وزير الخارجية الروسي"


def test_a_repeated_title_refers_to_the_person_who_bears_it(doc):
    lavrov = by_name(doc, "سيرغي لافروف")
    last_sentence = doc.text.rindex("وقال الوزير")
    assert (last_sentence + 5, last_sentence + 11) in lavrov.mentions  # الوزير, without وقال


def test_actor_code_comes_from_the_title(doc):
    lavrov = by_name(doc, "سيرغي لافروف")
    assert (lavrov.country, lavrov.actor) == ("RUS", "RUSGOV")
    sisi = by_name(doc, "عبد الفتاح السيسي")
    assert sisi.role == "الرئيس المصري" and sisi.actor == "EGYGOV"
    # a bare title takes its country from the sentence (الحكومة الإيطالية), not the article
    conte = by_name(doc, "جوزيبي كونتي")
    assert (conte.role, conte.actor) == ("رئيس الوزراء", "ITAGOV")


def test_mention_spans_leave_clitics_out(doc):
    moscow = by_name(doc, "موسكو")
    assert {doc.text[s:e] for s, e in moscow.mentions} == {"موسكو"}
    assert len(moscow.mentions) == 2  # موسكو and لموسكو
    cairo = by_name(doc, "القاهرة")
    assert cairo.geo and cairo.geo["country"] == "EGY"


def test_canonical_names_carry_no_title_and_ids_follow_the_text(doc):
    assert all(not e.name.startswith(("الرئيس", "وزير", "وال")) for e in doc.entities)
    assert [e.id for e in doc.entities] == [f"e{i}" for i in range(1, len(doc.entities) + 1)]
    firsts = [min(m[0] for m in e.mentions) for e in doc.entities]
    assert firsts == sorted(firsts)


def test_output_validates_against_the_schema(doc):
    validate_article(doc.to_dict())


def test_conjoined_title_and_dropped_article(pipeline):
    text = "اجتمع ووزير الدفاع الأردني يوسف الحنيطي بممثلين للحزب الشيوعي الصيني."
    doc = pipeline(RawArticle(id="t2", text=text, origin="test", published="2023-01-10"))
    minister = by_name(doc, "يوسف الحنيطي")
    assert minister.role == "وزير الدفاع الأردني" and minister.actor == "JORGOV"
    # ل + الحزب is written للحزب: the mention leaves ل out, the name restores the article
    party = by_name(doc, "الحزب الشيوعي الصيني")
    assert doc.text[slice(*party.mentions[0])] == "لحزب الشيوعي الصيني"


class _TagsOnly:
    """A stand-in tagger that marks given words of every sentence as one name."""

    def __init__(self, kind, words):
        self.kind, self.words = kind, words

    def tag_sentences(self, sentences, gazetteers):
        labels = []
        for norms in sentences:
            row = ["O"] * len(norms)
            for i, norm in enumerate(norms):
                if norm in self.words:
                    row[i] = ("I-" if i and row[i - 1] != "O" else "B-") + self.kind
            labels.append(row)
        return labels


def test_a_tagged_part_of_a_known_name_becomes_the_whole_name():
    from hadath.entities.gazetteer import Gazetteer
    from hadath.entities.recognizer import EntityRecognizer
    from hadath.pipeline import analyse_text, make_document

    document = make_document(RawArticle(id="t2", text="وقال بان كي مون إن الحل قريب.", origin="test"))
    analyse_text(document)
    recognizer = EntityRecognizer(_TagsOnly("PER", {"كي", "مون"}), Gazetteer.load())
    mentions, _ = recognizer.mentions(document)
    assert [document.text[m.start:m.stop] for m in mentions] == ["بان كي مون"]
    assert mentions[0].entry.latin == "Ban Ki-moon"


def test_a_name_that_only_looks_like_k_and_the_article_keeps_its_letters(pipeline):
    article = pipeline(RawArticle(id="t3", text="نشرت الوثائق جامعة في كاليفورنيا، وقال إن للقدس مكانة.",
                                  origin="test"))
    names = {e.name for e in article.entities}
    assert "كاليفورنيا" in names and "القدس" in names   # and not الاليفورنيا
