"""Stories: one real-world event, many reports.

- near-duplicate articles (wire copies, re-posts, light edits): MinHash/LSH over
  normalised word shingles, each copy linked to its first copy (duplicates.py);
- stories: articles on the same story within a time window, by lexical
  similarity of titles and leads plus shared named entities (clustering.py);
- event de-duplication: one event per PLOVER type, actors, place and date (±1 day)
  within a story, with its mentions and source counts (events.py).

`StoryBuilder` (builder.py) runs the three over article objects (the dicts
`hadath extract` prints); it needs no store.
"""
from .builder import Story, StoryBuilder, StoryResult
from .clustering import StoryClusterer
from .duplicates import NearDuplicates
from .events import EventMerger, MergedEvent

__all__ = ["StoryBuilder", "StoryResult", "Story", "StoryClusterer", "NearDuplicates",
           "EventMerger", "MergedEvent"]
