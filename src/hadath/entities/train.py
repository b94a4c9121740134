"""Training the NER model from a CoNLL file (ANERcorp format: `token TAG` a line,
blank line between sentences, tags B-/I- PERS LOC ORG MISC) and from the
project's own annotated sentences (`read_written`).

Sentences are re-tokenised the way the pipeline tokenises text (punctuation
split off), and each new token takes the label of the corpus token it lies in,
so the model sees at training time exactly the tokens it will tag.
"""
from __future__ import annotations

import json
import tempfile
import time
from collections import Counter
from dataclasses import dataclass
from pathlib import Path
from typing import Callable, Iterator, Optional, Sequence

from ..text.tokens import tokenize
from .ner import WordClusters, bio_spans, export_model, sentence_features

# Corpus types → ours. Other names (MISC: events, works, nationalities...) are
# never output, so they train as O: two labels fewer make decoding faster.
LABELS = {"PERS": "PER", "PER": "PER", "ORG": "ORG", "LOC": "LOC"}
# L1 drops most rare features (a small model); L2 smooths the rest.
TRAINER_PARAMS = {"c1": 0.05, "c2": 0.02, "max_iterations": 200, "feature.minfreq": 1,
                  "feature.possible_transitions": True}
SCORED = ("PER", "ORG", "LOC")
# What may stand before a name inside its token in written sentences (with the
# tatweel of `لـستيف`).
_WRITTEN_CLITICS = frozenset("وفبلكـ")
# A word seen this often and never in a name is labelled O without decoding.
OUTSIDE_MIN_COUNT = 5


@dataclass
class Sentence:
    words: list[str]        # corpus tokens
    tags: list[str]         # corpus tags, mapped to our types
    written: list[str]      # corpus tags as written in the file


class DataError(ValueError):
    pass


def read_conll(path: Path) -> list[Sentence]:
    sentences, words, tags, written = [], [], [], []
    try:
        lines = Path(path).read_text(encoding="utf-8").splitlines()
    except (OSError, UnicodeDecodeError) as exc:
        raise DataError(f"{path}: cannot read ({exc})") from None
    for number, line in enumerate(lines + [""], 1):
        line = line.strip()
        if not line:
            if words:
                sentences.append(Sentence(words, tags, written))
            words, tags, written = [], [], []
            continue
        word, _, tag = line.rpartition(" ")
        if not word or not (tag == "O" or tag[:2] in ("B-", "I-")):
            raise DataError(f"{path}:{number}: expected 'token TAG', got {line[:40]!r}")
        words.append(word)
        written.append(tag)
        kind = LABELS.get(tag[2:]) if tag != "O" else None
        tags.append(tag[:2] + kind if kind else "O")
    if not sentences:
        raise DataError(f"{path}: no sentences")
    return sentences


def read_written(path: Path) -> list[Sentence]:
    """The project's own annotated sentences: JSON Lines of `text` and `entities`,
    each `{"text": the name as written, "type": "PERS" | "ORG" | "LOC"}` in order
    of appearance (`data/ner/README.md`). The words are the pipeline's tokens of
    the text; a token a name lies in is labelled whole, clitics included, as
    ANERcorp labels `لحزب` in `لحزب الله`."""
    try:
        lines = Path(path).read_text(encoding="utf-8").splitlines()
    except (OSError, UnicodeDecodeError) as exc:
        raise DataError(f"{path}: cannot read ({exc})") from None
    sentences = []
    for number, line in enumerate(lines, 1):
        if not line.strip():
            continue
        try:
            record = json.loads(line)
            sentences.append(_written_sentence(record["text"], record["entities"]))
        except (ValueError, KeyError, TypeError) as exc:
            raise DataError(f"{path}:{number}: {exc}") from None
    if not sentences:
        raise DataError(f"{path}: no sentences")
    return sentences


def _written_sentence(text: str, entities: list[dict]) -> Sentence:
    tokens = tokenize(text)
    written = ["O"] * len(tokens)
    searched_from = 0
    for entity in entities:
        name, kind = entity["text"], entity["type"]
        if kind not in ("PERS", "ORG", "LOC"):
            raise ValueError(f"type {kind!r} of {name!r} is not PERS, ORG or LOC")
        start, inside = _find_name(text, tokens, name, searched_from)
        if start < 0:
            raise ValueError(f"{name!r} is not in the text after character {searched_from} "
                             f"as whole words (behind clitics at most)")
        searched_from = start + len(name)
        if any(written[k] != "O" for k in inside):
            raise ValueError(f"{name!r} shares a token with the name before it")
        for k in inside:
            written[k] = ("I-" if k != inside[0] else "B-") + kind
    tags = [tag[:2] + LABELS[tag[2:]] if tag != "O" else "O" for tag in written]
    return Sentence([t.text for t in tokens], tags, written)


def _find_name(text: str, tokens: list, name: str, searched_from: int) -> tuple[int, list[int]]:
    """The first place from `searched_from` where `name` covers whole tokens, but
    for clitics before it (`وبيروت`, `لـستيف`): not `الجزائر` inside `الجزائرية`.
    Returns (start, indices of the tokens it lies in), or (-1, [])."""
    start = text.find(name, searched_from) if name.strip() else -1
    while start >= 0:
        end = start + len(name)
        inside = [k for k, t in enumerate(tokens) if t.start < end and start < t.end]
        if inside and tokens[inside[-1]].end == end and \
                all(c in _WRITTEN_CLITICS for c in text[tokens[inside[0]].start:start]):
            return start, inside
        start = text.find(name, start + 1)
    return -1, []


def retokenized(sentence: Sentence):
    """(pipeline tokens, their labels, corpus word index of each token) for a sentence
    written out as the scorer does (words joined by single spaces)."""
    text = " ".join(sentence.words)
    starts, pos = [], 0
    for w in sentence.words:
        starts.append(pos)
        pos += len(w) + 1
    tokens = tokenize(text)
    labels, owner = [], []
    k = 0
    for t in tokens:
        while k + 1 < len(starts) and starts[k + 1] <= t.start:
            k += 1
        owner.append(k)
    labelled: set[int] = set()   # corpus words whose first word-token is labelled
    for i, t in enumerate(tokens):
        tag = sentence.tags[owner[i]]
        if tag == "O" or not t.is_word:
            labels.append("O")
            continue
        labels.append(tag if owner[i] not in labelled else "I-" + tag[2:])
        labelled.add(owner[i])
    return tokens, labels, owner


def split(sentences: list[Sentence], holdout: float) -> tuple[list[Sentence], list[Sentence]]:
    """The last `holdout` share of sentences is the development set."""
    cut = len(sentences) - int(round(len(sentences) * holdout))
    return sentences[:cut], sentences[cut:]


def write_conll(sentences: Sequence[Sentence], path: Path) -> None:
    """Sentences with the corpus' own tags (the development file for the scorer)."""
    Path(path).parent.mkdir(parents=True, exist_ok=True)
    with open(path, "w", encoding="utf-8") as f:
        for s in sentences:
            for w, t in zip(s.words, s.written):
                f.write(f"{w} {t}\n")
            f.write("\n")


GazetteerTags = Callable[[list], list]


def training_gazetteer(number: int, tokens: list, gazetteer_tags: Optional[GazetteerTags]):
    """The gazetteer tags a training sentence is shown with: none for every other
    sentence, so that the models still learn to find the names the gazetteer
    lacks from the words and their context."""
    if gazetteer_tags is None or number % 2:
        return None
    return gazetteer_tags(tokens)


def corpus_texts(corpus: Path) -> Iterator[str]:
    """Each article of unlabelled news (JSON Lines, gzipped or not, with `text`
    and optional `title`/`abstract`) as one text."""
    import gzip

    opener = gzip.open if str(corpus).endswith(".gz") else open
    with opener(corpus, "rt", encoding="utf-8") as f:
        for line in f:
            record = json.loads(line)
            yield "\n".join(record.get(k) or "" for k in ("title", "abstract", "text"))


def train(sentences: Sequence[Sentence], out: Path, clusters: WordClusters,
          gazetteer_tags: Optional[GazetteerTags] = None, params: Optional[dict] = None,
          log=print) -> None:
    import pycrfsuite

    trainer = pycrfsuite.Trainer(algorithm="lbfgs", verbose=False)
    trainer.set_params({**TRAINER_PARAMS, **(params or {})})
    seen: Counter = Counter()
    named: set[str] = set()
    for number, s in enumerate(sentences):
        tokens, labels, _ = retokenized(s)
        if not tokens:
            continue
        for t, label in zip(tokens, labels):
            seen[t.norm] += 1
            if label != "O":
                named.add(t.norm)
        gz = training_gazetteer(number, tokens, gazetteer_tags) or [None] * len(tokens)
        trainer.append(sentence_features([t.norm for t in tokens], gz, clusters), labels)
    out = Path(out)
    out.parent.mkdir(parents=True, exist_ok=True)
    started = time.time()
    with tempfile.TemporaryDirectory() as folder:
        crfsuite_model = Path(folder) / "ner.crfsuite"
        trainer.train(str(crfsuite_model))
        outside = [w for w, c in seen.items() if c >= OUTSIDE_MIN_COUNT and w not in named]
        export_model(crfsuite_model, out, outside)
    log(f"trained on {len(sentences)} sentences in {time.time() - started:.0f} s "
        f"({out.stat().st_size / 1e6:.1f} MB)")


def evaluate(sentences: Sequence[Sentence], tagger, gazetteer_tags: Optional[GazetteerTags] = None
             ) -> dict[str, tuple[float, float, float]]:
    """Exact-span precision, recall, F1 per type, counted on corpus tokens."""
    counts = {t: [0, 0, 0] for t in SCORED}
    for s in sentences:
        tokens, _, owner = retokenized(s)
        gold = {(k, a, b - 1) for k, a, b in bio_spans(s.tags) if k in SCORED}
        found = set()
        if tokens:
            gz = gazetteer_tags(tokens) if gazetteer_tags else [None] * len(tokens)
            labels = tagger.tag([t.norm for t in tokens], gz)
            found = {(k, owner[a], owner[b - 1]) for k, a, b in bio_spans(labels) if k in SCORED}
        for k in SCORED:
            g = {x for x in gold if x[0] == k}
            f = {x for x in found if x[0] == k}
            counts[k][0] += len(g & f)
            counts[k][1] += len(f)
            counts[k][2] += len(g)
    result = {}
    total = [sum(c[i] for c in counts.values()) for i in range(3)]
    for k, (tp, n_sys, n_gold) in [*counts.items(), ("ALL", total)]:
        p = tp / n_sys if n_sys else 0.0
        r = tp / n_gold if n_gold else 0.0
        result[k] = (p, r, 2 * p * r / (p + r) if p + r else 0.0)
    return result


def build_clusters(corpus: Path, out: Path, vocabulary: int = 40_000, contexts: int = 500,
                   dimensions: int = 100, coarse: int = 64, fine: int = 400, log=print) -> None:
    """Word classes from unlabelled news (a JSON Lines file, gzipped or not, with
    `text` and optional `title`/`abstract`): each frequent word is described by
    the frequent words just before and after it (positive PMI), reduced to
    `dimensions` by SVD and grouped by spherical k-means, twice: `coarse` and
    `fine` classes. Names unseen in the labelled data share a class with known
    ones (`بومبيو` with `ترامب`), which the CRF learns from."""
    import gzip

    import numpy as np

    started = time.time()
    documents, counts = [], Counter()
    for text in corpus_texts(corpus):
        norms = [t.norm for t in tokenize(text)]
        documents.append(norms)
        counts.update(norms)
    log(f"read {len(documents)} articles, {sum(counts.values())} tokens in {time.time() - started:.0f} s")
    words = [w for w, c in counts.most_common() if c >= 4 and w[:1].isalpha()][:vocabulary]
    row = {w: i for i, w in enumerate(words)}
    column = {w: i for i, (w, _) in enumerate(counts.most_common(contexts))}
    counts_matrix = np.zeros((len(words), 2 * contexts), dtype=np.float32)
    for norms in documents:
        for i, w in enumerate(norms):
            r = row.get(w)
            if r is None:
                continue
            if i > 0 and norms[i - 1] in column:
                counts_matrix[r, column[norms[i - 1]]] += 1
            if i + 1 < len(norms) and norms[i + 1] in column:
                counts_matrix[r, contexts + column[norms[i + 1]]] += 1
    total = counts_matrix.sum()
    expected = counts_matrix.sum(1, keepdims=True) * counts_matrix.sum(0, keepdims=True) / total
    ppmi = np.maximum(np.log(np.maximum(counts_matrix, 1e-12) / np.maximum(expected, 1e-12)), 0)
    # SVD through the small Gram matrix: the right singular vectors, then the projection
    _, vectors = np.linalg.eigh(ppmi.T @ ppmi)
    points = ppmi @ vectors[:, ::-1][:, :dimensions]
    points /= np.linalg.norm(points, axis=1, keepdims=True) + 1e-9
    coarse_class = _spherical_kmeans(points, coarse)
    fine_class = _spherical_kmeans(points, fine)
    with gzip.open(out, "wt", encoding="utf-8", compresslevel=9) as f:
        for w, a, b in zip(words, coarse_class, fine_class):
            f.write(f"{w}\t{a}\t{b}\n")
    log(f"{len(words)} words in {coarse}/{fine} classes, {time.time() - started:.0f} s, "
        f"{Path(out).stat().st_size / 1e6:.1f} MB")


def _spherical_kmeans(points, k: int, rounds: int = 20):
    import numpy as np

    rng = np.random.default_rng(0)  # deterministic: the same classes every run
    centres = points[rng.choice(len(points), k, replace=False)].copy()
    for _ in range(rounds):
        assigned = np.argmax(points @ centres.T, axis=1)
        for j in range(k):
            members = points[assigned == j]
            if len(members):
                centres[j] = members.mean(0)
        centres /= np.linalg.norm(centres, axis=1, keepdims=True) + 1e-9
    return np.argmax(points @ centres.T, axis=1)
