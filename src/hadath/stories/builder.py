"""Stories from article objects: near-duplicates, story clusters, merged events.

    from hadath.stories import StoryBuilder
    result = StoryBuilder().build(articles)        # article dicts as `hadath extract` prints
    result.duplicate_of     # {copy key: first copy key}
    result.stories          # [Story], each with its merged entities, quotations, events
    result.story_of         # {article key: story id}

Counting rule: a near-duplicate belongs to its first copy's story and is listed
there (`num_reports`), but it is not counted again: `num_articles`, `num_sources`
and the event mentions come from the original articles only.
"""
from __future__ import annotations

import datetime as dt
import hashlib
from collections import Counter
from dataclasses import dataclass, field
from typing import Callable, Hashable, Iterable, Optional

from ..text import normalize
from .clustering import THRESHOLD, WINDOW_DAYS, StoryClusterer, profile
from .duplicates import THRESHOLD as DUPLICATE_THRESHOLD, NearDuplicates
from .events import EventMerger, MergedEvent
from .features import article_date, content_words, jaccard

QUOTE_OVERLAP = 0.6   # word Jaccard above which two quotations of one speaker are the same


@dataclass
class Story:
    id: str
    title: Optional[str]
    first_seen: Optional[dt.date]
    last_seen: Optional[dt.date]
    articles: list[Hashable]                   # originals, in publication order
    duplicates: dict[Hashable, Hashable]       # copy → first copy, for copies in this story
    sources: list[str]
    entities: list[dict] = field(default_factory=list)
    quotes: list[dict] = field(default_factory=list)
    events: list[MergedEvent] = field(default_factory=list)

    @property
    def num_articles(self) -> int:
        return len(self.articles)

    @property
    def num_sources(self) -> int:
        return len(self.sources)

    @property
    def num_reports(self) -> int:
        return len(self.articles) + len(self.duplicates)

    def to_dict(self) -> dict:
        return {
            "id": self.id, "title": self.title,
            "first_seen": self.first_seen.isoformat() if self.first_seen else None,
            "last_seen": self.last_seen.isoformat() if self.last_seen else None,
            "num_articles": self.num_articles, "num_sources": self.num_sources,
            "num_reports": self.num_reports, "sources": self.sources,
            "articles": self.articles,
            "duplicates": [{"article": k, "duplicate_of": v} for k, v in self.duplicates.items()],
            "entities": self.entities, "quotes": self.quotes,
            "events": [e.to_dict() for e in self.events],
        }


@dataclass
class StoryResult:
    stories: list[Story]
    duplicate_of: dict[Hashable, Hashable]
    story_of: dict[Hashable, str]

    @property
    def events(self) -> list[MergedEvent]:
        return [e for s in self.stories for e in s.events]


class StoryBuilder:
    def __init__(self, window_days: int = WINDOW_DAYS, story_threshold: float = THRESHOLD,
                 duplicate_threshold: float = DUPLICATE_THRESHOLD):
        self.window_days = window_days
        self.story_threshold = story_threshold
        self.duplicate_threshold = duplicate_threshold

    def build(self, articles: Iterable[dict],
              key: Callable[[dict], Hashable] = lambda a: a["id"]) -> StoryResult:
        """Stories over `articles`; `key` names an article (its `id` by default; the
        store passes its own row id). The first copy is the earliest published, then
        the first given."""
        keyed = [(key(a), a) for a in articles]
        by_key = dict(keyed)
        if len(by_key) != len(keyed):
            raise ValueError("two articles share one key")
        order = sorted(range(len(keyed)), key=lambda i: (article_date(keyed[i][1]) or dt.date.max, i))
        keyed = [keyed[i] for i in order]

        near = NearDuplicates(self.duplicate_threshold)
        duplicate_of = {}
        for k, a in keyed:
            first = near.add(k, a.get("text") or "")
            if first is not None:
                duplicate_of[k] = first
        originals = [(k, a) for k, a in keyed if k not in duplicate_of]

        clusterer = StoryClusterer(self.window_days, self.story_threshold)
        groups = clusterer.cluster([profile(k, a) for k, a in originals])
        rank = {k: i for i, (k, _) in enumerate(keyed)}
        copies_of: dict[Hashable, dict] = {}
        for copy, first in duplicate_of.items():
            copies_of.setdefault(first, {})[copy] = first
        stories, story_of = [], {}
        for members in groups:
            members = sorted(members, key=rank.__getitem__)
            copies = {c: f for k in members for c, f in copies_of.get(k, {}).items()}
            story = self._story(members, by_key, copies)
            stories.append(story)
            for k in (*story.articles, *story.duplicates):
                story_of[k] = story.id
        return StoryResult(stories, duplicate_of, story_of)

    def _story(self, members: list[Hashable], by_key: dict, copies: dict) -> Story:
        story_id = "s" + hashlib.sha1(str(members[0]).encode("utf-8")).hexdigest()[:12]
        articles = [by_key[k] for k in members]
        dates = [d for d in map(article_date, articles) if d]
        events = EventMerger().merge(list(zip(members, articles)))
        for i, event in enumerate(events):
            event.id, event.story_id = f"{story_id}-{i}", story_id
        return Story(
            id=story_id, title=_central_title(articles),
            first_seen=min(dates) if dates else None, last_seen=max(dates) if dates else None,
            articles=members, duplicates=copies,
            sources=sorted({a["source"] for a in articles if a.get("source")}),
            entities=_merged_entities(articles), quotes=_merged_quotes(list(zip(members, articles))),
            events=events)


def _central_title(articles: list[dict]) -> Optional[str]:
    """The headline sharing most words with the story's other headlines."""
    titles = [(a.get("title") or "").strip() for a in articles]
    bags = [set(content_words(t)) for t in titles]
    best, best_score = None, -1.0
    for i, (title, bag) in enumerate(zip(titles, bags)):
        if not title:
            continue
        score = sum(jaccard(bag, other) for j, other in enumerate(bags) if j != i)
        if score > best_score:
            best, best_score = title, score
    return best


def _merged_entities(articles: list[dict]) -> list[dict]:
    """One entry per entity (type and normalised name) with the number of articles naming it."""
    merged: dict[tuple, dict] = {}
    counts: Counter = Counter()
    for article in articles:
        seen = set()
        for e in article.get("entities") or []:
            k = (e["type"], " ".join(normalize(e["name"]).split()))
            if k not in merged:
                merged[k] = {"name": e["name"], "type": e["type"], "latin": e.get("latin"),
                             "actor": e.get("actor"), "country": e.get("country")}
            for field_name in ("latin", "actor", "country"):
                merged[k][field_name] = merged[k][field_name] or e.get(field_name)
            if k not in seen:
                seen.add(k)
                counts[k] += 1
    return [{**merged[k], "num_articles": n} for k, n in counts.most_common()]


def _merged_quotes(articles: list[tuple[Hashable, dict]]) -> list[dict]:
    """Quotations, the same words of the same speaker reported by several articles given once."""
    merged: list[dict] = []
    for key, article in articles:
        for q in article.get("quotes") or []:
            speaker = " ".join(normalize(q.get("speaker_name") or "").split())
            words = set(content_words(q["text"]))
            mention = {"article": key, "span": list(q["span"])}
            for m in merged:
                if m["_speaker"] == speaker and jaccard(words, m["_words"]) >= QUOTE_OVERLAP:
                    m["mentions"].append(mention)
                    break
            else:
                merged.append({"text": q["text"], "speaker_name": q.get("speaker_name"),
                               "kind": q["kind"], "mentions": [mention],
                               "_speaker": speaker, "_words": words})
    return [{k: v for k, v in m.items() if not k.startswith("_")}
            | {"num_articles": len({x["article"] for x in m["mentions"]})} for m in merged]
