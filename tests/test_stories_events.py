"""Event de-duplication within a story: one event, many mentions, counted by source."""
import pytest
from stories_articles import visit_stories

from hadath.stories import StoryBuilder


@pytest.fixture(scope="module")
def story_events():
    result = StoryBuilder().build(visit_stories())
    story = next(s for s in result.stories if "a1" in s.articles)
    return [e.to_dict() for e in story.events]


def test_one_meeting_reported_by_two_outlets_is_one_event(story_events):
    meetings = [e for e in story_events if e["plover"] == "CONSULT" and e["num_articles"] == 2]
    assert len(meetings) == 1
    meeting = meetings[0]
    assert {m["article"] for m in meeting["mentions"]} == {"a1", "a3"}
    assert meeting["num_sources"] == 2
    assert meeting["date"] == "2024-03-10"
    assert meeting["source"]["actor"] == "JORGOV" and meeting["target"]["actor"] == "IRQGOV"
    assert meeting["location"] == "بغداد"
    assert all(len(m["sentence"]) == 2 for m in meeting["mentions"])


def test_the_wire_copy_adds_no_mention(story_events):
    assert all(m["article"] != "a2" for e in story_events for m in e["mentions"])


def test_another_type_or_a_date_three_days_off_stays_a_separate_event(story_events):
    assert [e["plover"] for e in story_events].count("AGREE") == 1
    late = [e for e in story_events if e["date"] == "2024-03-14"]
    assert len(late) == 1 and late[0]["num_articles"] == 1
    assert len(story_events) == 3


def test_events_carry_their_story_id(story_events):
    assert len({e["story_id"] for e in story_events}) == 1
    assert len({e["id"] for e in story_events}) == len(story_events)


def test_different_actor_codes_are_different_events():
    articles = visit_stories()
    a3 = next(a for a in articles if a["id"] == "a3")
    a3["events"][0]["target"]["actor"] = "IRQLEG"
    result = StoryBuilder().build([a for a in articles if a["id"] in {"a1", "a3"}])
    consults = [e for e in result.events if e.plover == "CONSULT"]
    assert all(e.num_articles == 1 for e in consults)
