"""The event lexicon: generated conjugations, lookups and code-changing words."""
import pytest

from hadath.events.lexicon import Lexicon, verb_forms
from hadath.text.normalize import normalize


@pytest.fixture(scope="module")
def lexicon():
    return Lexicon.load()


def test_conjugations_are_generated():
    forms = verb_forms(normalize("التقى"), normalize("يلتقي"))
    assert {"التقي", "التقت", "التقوا", "يلتقي", "تلتقي", "يلتقون", "يلتقيان"} <= forms
    forms = verb_forms(normalize("اعتقل"), normalize("يعتقل"))
    assert {"اعتقل", "اعتقلت", "اعتقلوا", "يعتقلون", "تعتقل"} <= forms
    assert verb_forms(None, normalize("يحاكم")) >= {"يحاكم", "يحاكمون"}
    assert "فجر" not in verb_forms(normalize("فجر"), normalize("يفجر"), bare=False)


@pytest.mark.parametrize("word, code", [
    ("زيارة", "042"), ("زاروا", "042"), ("اجتمعت", "040"), ("تظاهروا", "141"),
    ("اعتقلت", "173"), ("اغتالوا", "186"), ("أدانت", "111"), ("اتهم", "112"),
    ("هددت", "130"), ("رفضوا", "120"), ("قصفت", "195"), ("يطالبون", "100"),
])
def test_words_are_found(lexicon, word, code):
    assert code in {e.code for e in lexicon.lookup(normalize(word))}


def test_phrases_are_indexed_by_first_word(lexicon):
    rest = [(words, e.code) for words, e in lexicon.phrases[normalize("سيارة")]]
    assert ((normalize("مفخخة"),), "1832") in rest


def test_modifiers_make_codes_specific(lexicon):
    assert lexicon.refine("030", " بشان توسيع تبادل المعلومات") == "0314"
    assert lexicon.refine("060", " العسكري بين البلدين") == "062"
    assert lexicon.refine("130", " بفرض عقوبات") == "1312"
    assert lexicon.refine("030", " على العمل معا") == "030"
    assert lexicon.refine("180", " " + normalize("حماس قائلة إن")) == "111"   # a verbal attack


def test_hollow_verbs_have_their_written_passive(lexicon):
    assert {"186"} <= {e.code for e in lexicon.lookup(normalize("اغتيل"))}
    assert normalize("اغتيلت") in lexicon.passive
    assert normalize("اغتالت") not in lexicon.passive
