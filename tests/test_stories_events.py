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


def test_events_with_an_unknown_side_merge_only_when_their_sentences_agree():
    articles = {a["id"]: a for a in visit_stories()}
    a1, a3 = articles["a1"], articles["a3"]
    # Both meetings lose their target and a3's is moved to a sentence about the
    # power line: the keys still agree, but the sentences share few words.
    for article in (a1, a3):
        article["events"][0]["target"] = None
    start = a3["text"].index("وينص الاتفاق")
    a3["events"][0]["sentence"] = [start, a3["text"].index(".", start) + 1]
    a3["events"][0]["trigger"] = [start + 4, start + 11]
    result = StoryBuilder().build([a1, a3])
    consults = [e for e in result.events if e.plover == "CONSULT" and e.date.isoformat() != "2024-03-14"]
    assert sorted(e.num_articles for e in consults) == [1, 1]
    # The same sentence reported by the second article (a headline repeated in its body) joins.
    a3 = {**a3, "text": a3["text"] + "\n" + a1["text"][slice(*a1["events"][0]["sentence"])]}
    start = a3["text"].rindex("\n") + 1
    trigger = a3["text"].index("يبحث", start)
    a3["events"] = [{**a1["events"][0], "sentence": [start, len(a3["text"])],
                     "trigger": [trigger, trigger + 4], "date": "2024-03-11",
                     "source": {**a1["events"][0]["source"], "span": None}}]
    merged = StoryBuilder().build([a1, a3]).events
    assert [e.num_articles for e in merged if e.plover == "CONSULT"] == [2]
