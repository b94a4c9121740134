from hypothesis import given, strategies as st

from hadath.text.normalize import normalize, normalize_with_offsets


def test_folds_spelling_variants():
    assert normalize("أإآٱ") == "اااا"
    assert normalize("مستشفى") == "مستشفي"
    assert normalize("الحكومة") == "الحكومه"
    assert normalize("مؤتمر") == "موتمر"
    assert normalize("٢٠١٨ و۱۹") == "2018 و19"
    assert normalize("ﻻ") == "لا"


def test_removes_diacritics_and_tatweel_with_offsets():
    text = "أكّد الرئيـــس"
    n = normalize_with_offsets(text)
    assert n.text == "اكد الرييس".replace("الرييس", "الرئيس").translate(str.maketrans("ئ", "ي"))
    start = n.text.index("الرييس")
    s, e = n.to_original(start, start + len("الرييس"))
    assert text[s:e] == "الرئيـــس"


def test_identity_map_when_nothing_removed():
    n = normalize_with_offsets("قال الوزير")
    assert n.offsets is None and n.to_original(4, 10) == (4, 10)


def test_presentation_forms_map_back():
    text = "ﻻ بد"
    n = normalize_with_offsets(text)
    assert n.text == "لا بد"
    assert n.to_original(0, 2) == (0, 1)


arabic = st.text(alphabet=st.sampled_from(list("ابتثجحخدذرزسشصضطظعغفقكلمنهويأإآىةؤئ ًٌٍَُِّْـ٠١٢ﻻ ")), max_size=60)


@given(arabic)
def test_normalisation_is_idempotent(text):
    once = normalize(text)
    assert normalize(once) == once


@given(arabic)
def test_offsets_point_at_source_characters(text):
    n = normalize_with_offsets(text)
    for i, ch in enumerate(n.text):
        s, e = n.to_original(i, i + 1)
        assert normalize(text[s:e]).startswith(ch) or ch in normalize(text[s:e])
