"""Training the NER model from a CoNLL file (ANERcorp format: `token TAG` a line,
blank line between sentences, tags B-/I- PERS LOC ORG MISC).

Sentences are re-tokenised the way the pipeline tokenises text (punctuation
split off), and each new token takes the label of the corpus token it lies in,
so the model sees at training time exactly the tokens it will tag.
"""
from __future__ import annotations

import tempfile
import time
from dataclasses import dataclass
from pathlib import Path
from typing import Callable, Optional, Sequence

from ..text.tokens import tokenize
from .ner import bio_spans, export_model, sentence_features

LABELS = {"PERS": "PER", "PER": "PER", "ORG": "ORG", "LOC": "LOC", "MISC": "MISC"}
# L1 drops most rare features (a small model); L2 smooths the rest.
TRAINER_PARAMS = {"c1": 0.05, "c2": 0.02, "max_iterations": 200, "feature.minfreq": 1,
                  "feature.possible_transitions": True}
SCORED = ("PER", "ORG", "LOC")


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
        tags.append(tag if tag == "O" else tag[:2] + LABELS.get(tag[2:], "MISC"))
    if not sentences:
        raise DataError(f"{path}: no sentences")
    return sentences


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
    with open(path, "w", encoding="utf-8") as f:
        for s in sentences:
            for w, t in zip(s.words, s.written):
                f.write(f"{w} {t}\n")
            f.write("\n")


GazetteerTags = Callable[[list], list]


def train(sentences: Sequence[Sentence], out: Path, gazetteer_tags: Optional[GazetteerTags] = None,
          params: Optional[dict] = None, log=print) -> None:
    import pycrfsuite

    trainer = pycrfsuite.Trainer(algorithm="lbfgs", verbose=False)
    trainer.set_params({**TRAINER_PARAMS, **(params or {})})
    for number, s in enumerate(sentences):
        tokens, labels, _ = retokenized(s)
        if not tokens:
            continue
        # every other sentence without gazetteer features: the model must still
        # find the names the gazetteer lacks from the words and their context
        with_gazetteer = gazetteer_tags is not None and number % 2 == 0
        gz = gazetteer_tags(tokens) if with_gazetteer else [None] * len(tokens)
        trainer.append(sentence_features([t.norm for t in tokens], gz), labels)
    out = Path(out)
    out.parent.mkdir(parents=True, exist_ok=True)
    started = time.time()
    with tempfile.TemporaryDirectory() as folder:
        crfsuite_model = Path(folder) / "ner.crfsuite"
        trainer.train(str(crfsuite_model))
        export_model(crfsuite_model, out)
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
