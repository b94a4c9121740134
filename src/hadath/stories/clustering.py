"""Story clustering: articles about the same story within a time window.

Articles are taken in publication order. Each is compared with the stories that
began at most `window_days` days before it and joins the most similar one when
the similarity passes `threshold`; otherwise it starts a new story. A story thus
spans at most the window: counting from its last article instead let ongoing
coverage (a war front, an election campaign) grow into month-long stories of
loosely related articles on the corpus. Similarity mixes two cosines, both weighted by inverse document
frequency over the articles being clustered (so "Trump" or "Syria" alone, which
half the news shares, weigh little):

- lexical: content words of the title (counted twice) and lead;
- entities: the named entities the article mentions.

A story is compared through its centroid (the mean of its articles' vectors),
not its closest member, so a story does not drift from topic to topic through
chains of pairwise-similar articles.
"""
from __future__ import annotations

import datetime as dt
import math
from collections import Counter, defaultdict, deque
from dataclasses import dataclass, field, replace
from typing import Hashable, Optional

from .features import article_date, content_words, entity_keys, lead

WINDOW_DAYS = 3
THRESHOLD = 0.35
ENTITY_WEIGHT = 0.35   # share of the entity cosine when both sides have entities


Vector = dict[str, float]


@dataclass
class Profile:
    """An article as the clusterer sees it."""
    key: Hashable
    date: Optional[dt.date]
    words: Counter
    entities: set[str]


@dataclass
class Cluster:
    members: list[Hashable] = field(default_factory=list)
    words: Vector = field(default_factory=dict)      # sum of member vectors (unit length each)
    entities: Vector = field(default_factory=dict)
    words_norm: float = 0.0
    entities_norm: float = 0.0
    n_with_entities: int = 0
    first: Optional[dt.date] = None
    last: Optional[dt.date] = None


def profile(key: Hashable, article: dict) -> Profile:
    title = article.get("title") or ""
    # One pass over headline and lead, so that clitic stems are read the same in both.
    both = content_words(title + "\n" + lead(article))
    headline = both[:len(content_words(title))]
    words = Counter(both)
    words.update(headline)  # the headline counts twice: it names the story
    return Profile(key, article_date(article), words, entity_keys(article))


class StoryClusterer:
    def __init__(self, window_days: int = WINDOW_DAYS, threshold: float = THRESHOLD,
                 entity_weight: float = ENTITY_WEIGHT):
        self.window = dt.timedelta(days=window_days)
        self.threshold = threshold
        self.entity_weight = entity_weight

    def cluster(self, profiles: list[Profile]) -> list[list[Hashable]]:
        """Groups of article keys, each group one story, in order of first article."""
        profiles = sorted(profiles, key=lambda p: (p.date or dt.date.max, str(p.key)))
        fold = _nisba_folds({w for p in profiles for w in p.words})
        profiles = [replace(p, words=_folded(p.words, fold)) for p in profiles]
        word_idf = _idf([p.words for p in profiles])
        entity_idf = _idf([p.entities for p in profiles])
        clusters: list[Cluster] = []
        # term → open clusters whose centroid has it: only those can score above zero
        word_postings: dict[str, set[int]] = defaultdict(set)
        entity_postings: dict[str, set[int]] = defaultdict(set)
        opened: deque[int] = deque()   # open clusters, oldest first (articles come in date order)
        word_centroids: list[Vector] = []      # clusters[i].words, clusters[i].entities
        entity_centroids: list[Vector] = []
        for p in profiles:
            while p.date and opened and p.date - clusters[opened[0]].first > self.window:
                closed = opened.popleft()
                _unpost(word_postings, clusters[closed].words, closed)
                _unpost(entity_postings, clusters[closed].entities, closed)
            words = _unit({w: (1 + math.log(c)) * word_idf[w] for w, c in p.words.items()})
            entities = _unit({e: entity_idf[e] for e in p.entities})
            word_dots = _dots(words, word_postings, word_centroids)
            entity_dots = _dots(entities, entity_postings, entity_centroids)
            best, best_score = None, self.threshold
            for i in sorted(word_dots.keys() | entity_dots.keys()):
                c = clusters[i]
                score = word_dots.get(i, 0.0) / c.words_norm if c.words_norm else 0.0
                if entities and c.n_with_entities:
                    score = ((1 - self.entity_weight) * score
                             + self.entity_weight * entity_dots.get(i, 0.0) / c.entities_norm)
                if score >= best_score:
                    best, best_score = i, score
            if best is None:
                best = len(clusters)
                clusters.append(Cluster(first=p.date))
                word_centroids.append(clusters[best].words)
                entity_centroids.append(clusters[best].entities)
                opened.append(best)
            c = clusters[best]
            c.members.append(p.key)
            c.words_norm = _add(c.words, words)
            c.entities_norm = _add(c.entities, entities)
            c.n_with_entities += bool(entities)
            if p.date:
                c.first = min(c.first or p.date, p.date)
                c.last = max(c.last or p.date, p.date)
            for term in words:
                word_postings[term].add(best)
            for term in entities:
                entity_postings[term].add(best)
        return [c.members for c in clusters]


def _nisba_folds(vocabulary: set[str]) -> dict[str, str]:
    """Relative adjectives onto the noun they derive from, when both are in use:
    عراقي, عراقيه → عراق; اردني → اردن (one topic, written either way)."""
    folds = {}
    for word in vocabulary:
        for suffix in ("يه", "ي"):
            stem = word[:-len(suffix)]
            if word.endswith(suffix) and len(stem) >= 3 and stem in vocabulary:
                folds[word] = stem
                break
    return folds


def _folded(words: Counter, fold: dict[str, str]) -> Counter:
    out: Counter = Counter()
    for word, n in words.items():
        out[fold.get(word, word)] += n
    return out


def _idf(bags) -> dict[str, float]:
    df: Counter = Counter()
    for bag in bags:
        df.update(set(bag))
    n = len(bags)
    return {t: math.log((1 + n) / (1 + d)) + 1 for t, d in df.items()}


def _unit(v: Vector) -> Vector:
    norm = math.sqrt(sum(x * x for x in v.values()))
    return {k: x / norm for k, x in v.items()} if norm else {}


def _add(total: Vector, v: Vector) -> float:
    """Add `v` to the centroid `total`; its new norm."""
    for k, x in v.items():
        total[k] = total.get(k, 0.0) + x
    return math.sqrt(sum(x * x for x in total.values()))


def _dots(unit: Vector, postings: dict[str, set[int]], centroids: list[Vector]) -> dict[int, float]:
    """Dot product of `unit` with every open centroid sharing a term with it."""
    dots: dict[int, float] = defaultdict(float)
    for term, x in unit.items():
        for i in postings.get(term, ()):
            dots[i] += x * centroids[i][term]
    return dots


def _unpost(postings: dict[str, set[int]], centroid: Vector, index: int) -> None:
    for term in centroid:
        postings[term].discard(index)
