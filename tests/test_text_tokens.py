from hadath.text.normalize import normalize
from hadath.text.tokens import enclitic_splits, proclitic_splits, safe_core, safe_core_forms, tokenize


def _by_text(tokens):
    return {t.text: t for t in tokens}


def test_clitic_and_article_are_split_off_the_core():
    text = "والصين بالرئيس للجنة"
    toks = _by_text(tokenize(text))
    assert text[toks["والصين"].core_start:toks["والصين"].core_end] == "الصين"
    assert toks["والصين"].core == "الصين"
    assert toks["بالرئيس"].core == "الرييس"
    assert text[toks["بالرئيس"].core_start:toks["بالرئيس"].core_end] == "الرئيس"
    assert toks["للجنة"].core.startswith("ال")


def test_ambiguous_initial_letters_are_not_stripped_by_default():
    toks = _by_text(tokenize("وزير بكين لبنان"))
    for word in ("وزير", "بكين", "لبنان"):
        assert toks[word].core == word and toks[word].core_start == toks[word].start


def test_proclitic_splits_offer_the_name_inside():
    assert (1, "موسكو") in proclitic_splits("لموسكو")
    assert (1, "الصين") in proclitic_splits("والصين")
    assert (1, "اللجنه") in proclitic_splits("للجنه")
    assert ("بلاد", "ه") in enclitic_splits("بلاده")


def test_punctuation_and_numbers_are_tokens_and_offsets_are_exact():
    text = "قال: «نعم»، في 3.5 بالمئة؟"
    toks = tokenize(text, offset=10)
    for t in toks:
        assert text[t.start - 10:t.end - 10] == t.text
    words = [t.text for t in toks]
    assert "3.5" in words and "«" in words and "؟" in words
    assert not next(t for t in toks if t.text == "،").is_word


def test_diacritics_stay_inside_the_word():
    toks = tokenize("أكّدَ الوزيرُ")
    assert [t.text for t in toks] == ["أكّدَ", "الوزيرُ"]
    assert toks[0].norm == "اكد"


def test_safe_core_forms_are_what_safe_core_takes_back():
    word = normalize("المباراة")
    forms = safe_core_forms(word)
    assert {normalize("والمباراة"), normalize("بالمباراة"), normalize("وللمباراة")} <= forms
    assert all(safe_core(form)[1] == word for form in forms)
    assert safe_core_forms(normalize("مباراة")) == {normalize("مباراة")}   # no article: no clitic form
