"""Near-duplicate articles: wire copies with light edits are linked to the first copy."""
from stories_articles import AGREEMENT_BODY, FLOOD_BODY, VISIT_BODY, VISIT_COPY_BODY

from hadath.stories import NearDuplicates


def test_light_edit_of_a_wire_copy_is_linked_to_the_first_copy():
    index = NearDuplicates()
    assert index.add("first", VISIT_BODY) is None
    assert index.add("copy", VISIT_COPY_BODY) == "first"


def test_spelling_variants_and_diacritics_do_not_hide_a_copy():
    respelled = VISIT_BODY.replace("إلى", "الى").replace("الأردني", "الاردني").replace("صحفي", "صحفيّ")
    index = NearDuplicates()
    index.add("first", VISIT_BODY)
    assert index.add("respelled", respelled) == "first"


def test_different_articles_on_the_same_story_are_not_copies():
    index = NearDuplicates()
    index.add("visit", VISIT_BODY)
    assert index.add("agreement", AGREEMENT_BODY) is None
    assert index.add("flood", FLOOD_BODY) is None


def test_a_copy_of_a_copy_points_at_the_first_copy():
    index = NearDuplicates()
    index.add("first", VISIT_BODY)
    index.add("copy", VISIT_COPY_BODY)
    recopy = VISIT_COPY_BODY.replace("قرابة", "حوالي").replace("كذلك", "أيضا")
    assert index.add("recopy", recopy) == "first"
    assert index.original_of("recopy") == "first"


def test_a_bare_headline_is_too_short_to_be_called_a_copy():
    index = NearDuplicates()
    index.add("first", "الصفدي في بغداد")
    assert index.add("second", "الصفدي في بغداد") is None
