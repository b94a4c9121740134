"""Story clustering: reports of one story group together, other stories stay apart."""
import pytest
from stories_articles import visit_stories

from hadath.schema import validate_article
from hadath.stories import StoryBuilder


@pytest.fixture(scope="module")
def built():
    articles = visit_stories()
    return articles, StoryBuilder().build(articles)


def test_sample_articles_follow_the_output_contract():
    for article in visit_stories():
        validate_article(article)


def test_wire_copy_is_linked_and_not_counted_twice(built):
    _, result = built
    assert result.duplicate_of == {"a2": "a1"}
    story = next(s for s in result.stories if "a1" in s.articles)
    assert story.duplicates == {"a2": "a1"}
    assert "a2" not in story.articles
    assert result.story_of["a2"] == story.id


def test_reports_of_one_story_from_several_outlets_form_one_story(built):
    _, result = built
    story = next(s for s in result.stories if "a1" in s.articles)
    assert story.articles == ["a1", "a3"]
    assert story.num_articles == 2 and story.num_reports == 3
    assert story.sources == ["tv", "wire"]
    assert str(story.first_seen) == "2024-03-10" and str(story.last_seen) == "2024-03-11"


def test_another_story_of_the_same_day_and_country_stays_apart(built):
    _, result = built
    assert result.story_of["b1"] != result.story_of["a1"]


def test_the_same_subject_outside_the_time_window_is_a_new_story(built):
    articles, result = built
    assert result.story_of["c1"] != result.story_of["a1"]
    wide = StoryBuilder(window_days=30).build(articles)
    assert wide.story_of["c1"] == wide.story_of["a1"]


def test_story_carries_title_and_merged_entities(built):
    _, result = built
    story = next(s for s in result.stories if "a1" in s.articles)
    assert story.title in {"الصفدي يصل إلى بغداد لبحث الربط الكهربائي مع العراق",
                           "الأردن والعراق يوقعان اتفاق الربط الكهربائي خلال زيارة الصفدي لبغداد"}
    baghdad = next(e for e in story.entities if e["name"] == "بغداد")
    assert baghdad["num_articles"] == 2 and baghdad["latin"] == "Baghdad"
    assert story.to_dict()["duplicates"] == [{"article": "a2", "duplicate_of": "a1"}]


def test_the_earliest_copy_is_the_original_whatever_the_input_order(built):
    articles, _ = built
    by_id = {a["id"]: a for a in articles}
    earlier_copy = {**by_id["a2"], "published": "2024-03-09"}
    result = StoryBuilder().build([by_id["a1"], earlier_copy])
    assert result.duplicate_of == {"a1": "a2"}


def test_shared_entities_help_a_lexically_distant_report_join():
    articles = {a["id"]: a for a in visit_stories()}
    strict = StoryBuilder(story_threshold=0.9).build([articles["a1"], articles["a3"]])
    assert strict.story_of["a1"] != strict.story_of["a3"]
