"""Long texts are folded by chained replacements, short ones by str.translate:
both must give the same normalised form, character by character."""
from hypothesis import given, settings
from hypothesis import strategies as st

from hadath.text.normalize import _TABLE, normalize, normalize_with_offsets

MAPPED = "".join(chr(k) for k in _TABLE)
ALPHABET = MAPPED + "ابتثجحخدذرزسشصضطظعغفقكلمنهوي ،.0123456789abc"


def folded_one_by_one(text: str) -> str:
    return "".join(ch.translate(_TABLE) for ch in text)


@settings(max_examples=300, deadline=None)
@given(st.text(alphabet=ALPHABET, max_size=400))
def test_every_length_folds_like_per_character_translation(text):
    assert normalize(text) == folded_one_by_one(text)
    n = normalize_with_offsets(text)
    assert n.text == folded_one_by_one(text)
    kept = [i for i, ch in enumerate(text) if ch.translate(_TABLE)]
    if n.offsets is not None:
        assert list(n.offsets) == kept
