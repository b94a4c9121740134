"""A neural second opinion for the NER tagger: convolutions over word vectors
learnt from unlabelled news, letters and the gazetteer.

The CRF (`ner.py`) sees a word through its features; a name it never saw in
training, with no title or trigger word, is often lost. This network sees each
word as a vector learnt from 16,000 unlabelled articles (`بومبيو` lies near
`ترامب`) and reads eight words on each side of it, through three layers of
convolutions (the second and third dilated). Its label log-probabilities are
added to the CRF's emission scores, weighted, before the CRF's Viterbi decoding
(`NerTagger`), so the two models vote token by token. Convolutions rather than
a recurrent network: a bidirectional LSTM did as well on held-out data but cost
11 ms an article here, one step at a time; these are a few matrix products.

Training needs PyTorch (`hadath train neural`); running needs numpy only: the
trained weights ship as arrays (`ner-neural.npz`) and the forward pass is
written out here.
"""
from __future__ import annotations

from pathlib import Path
from typing import Optional, Sequence

import numpy as np

from ..text.tokens import proclitic_splits
from .ner import CLUB_CITIES, FIRST_NAMES, NAME_LINKS, ORG_NAMES, SURNAMES, TITLE_WORDS, TRIGGER_WORDS, \
    _lexicon_feature, is_sport, lookup_behind_clitics

# Gazetteer tags the network reads (anything else reads as none).
GAZETTEER_TAGS = (None, *(f"{p}-{t}" for t in ("PER", "ORG", "GPE", "LOC", "NORP") for p in "BI"))
_TAG_ID = {tag: i for i, tag in enumerate(GAZETTEER_TAGS)}
# Word lists a word is looked up in (the word or a clitic-stripped reading).
WORD_LISTS = (FIRST_NAMES, SURNAMES, ORG_NAMES, NAME_LINKS, TITLE_WORDS, TRIGGER_WORDS, CLUB_CITIES)
_LISTED = frozenset().union(*WORD_LISTS)
# Letters kept of a word, from its start: longer words are rare.
MAX_LETTERS = 20
# Rows of the word-vector and letter tables: 0 is padding (zeros), 1 unknown.
UNKNOWN_ID = 1


class WordEncoder:
    """How the network sees a word: a row of the word-vector table (the word's
    own, or its clitic-stripped reading's), its letters, and its word lists."""

    def __init__(self, words: Sequence[str], letters: str) -> None:
        self.word_id = {w: i for i, w in enumerate(words, start=2)}
        self.letter_id = {c: i for i, c in enumerate(letters, start=2)}

    def word(self, norm: str) -> tuple[int, float]:
        """(vector row, 1.0 when found only behind clitics)."""
        found, stripped = lookup_behind_clitics(norm, self.word_id)
        return (UNKNOWN_ID, 0.0) if found is None else (found, 1.0 if stripped else 0.0)

    def letters(self, norm: str) -> list[int]:
        ids = [self.letter_id.get(c, UNKNOWN_ID) for c in norm[:MAX_LETTERS]]
        return ids or [UNKNOWN_ID]

    @staticmethod
    def flags(norm: str) -> list[float]:
        """1.0 for each word list the word or a clitic-stripped reading is in."""
        readings = [stem for _, stem in proclitic_splits(norm)[1:]]
        if _LISTED.isdisjoint(readings) and norm not in _LISTED:   # most words: in no list
            return [0.0] * len(WORD_LISTS)
        return [1.0 if _lexicon_feature(norm, readings, lexicon) else 0.0 for lexicon in WORD_LISTS]


def sentence_inputs(norms: Sequence[str], gazetteer: Sequence[Optional[str]]) -> tuple[list[int], float]:
    """The per-token inputs that depend on the sentence: gazetteer tag ids, and
    whether it reads as a sports report."""
    tags = [_TAG_ID.get(g, 0) for g in gazetteer] if gazetteer else [0] * len(norms)
    return tags, 1.0 if is_sport(norms) else 0.0


class NeuralScorer:
    """The trained network's forward pass in numpy. Each word's input vector
    (word vector, letter convolution, list flags) is computed once and cached."""

    CACHE_SIZE = 200_000

    def __init__(self, arrays: dict[str, np.ndarray]) -> None:
        self.labels = str(arrays["labels"]).split()
        self.weight = float(arrays["weight"])
        self.encoder = WordEncoder(str(arrays["words"]).split("\n"), str(arrays["letters"]))
        self.vectors = arrays["vectors"].astype(np.float32)
        self.letter_vectors = arrays["letter_vectors"].astype(np.float32)
        self.conv_w = arrays["conv_w"].astype(np.float32)        # filters, letter dim, width
        self.conv_b = arrays["conv_b"].astype(np.float32)
        # the letter filters as one matrix: (window position, letter dimension) → filter
        self._letter_weights = np.ascontiguousarray(self.conv_w.transpose(2, 1, 0).reshape(-1, len(self.conv_b)))
        self.tag_vectors = arrays["tag_vectors"].astype(np.float32)
        # per layer: (weights in → (window position, out), bias, dilation)
        self.layers = []
        for k in range(len([name for name in arrays if name.endswith("_dilation")])):
            weights = arrays[f"layer{k}_w"].astype(np.float32)             # out, in, window
            self.layers.append((np.ascontiguousarray(weights.transpose(1, 2, 0).reshape(weights.shape[1], -1)),
                                arrays[f"layer{k}_b"].astype(np.float32), int(arrays[f"layer{k}_dilation"])))
        # empty rows between sentences laid end to end: a layer's widest reach
        self._gap = max(dilation * (len(weights[0]) // len(bias) // 2) for weights, bias, dilation in self.layers)
        self.out_w = arrays["out_w"].astype(np.float32)
        self.out_b = arrays["out_b"].astype(np.float32)
        self._cache: dict[str, np.ndarray] = {}

    @classmethod
    def load(cls, path: Path) -> "NeuralScorer":
        with np.load(path) as stored:
            return cls({k: stored[k] for k in stored.files})

    def _word_inputs(self, norms: Sequence[str]) -> np.ndarray:
        cache = self._cache
        new = [w for w in dict.fromkeys(norms) if w not in cache]
        if new:
            if len(cache) + len(new) > self.CACHE_SIZE:
                cache.clear()
                new = list(dict.fromkeys(norms))
            for w, row in zip(new, self._encode(new)):
                cache[w] = row
        return np.stack([cache[w] for w in norms])

    def _encode(self, words: list[str]) -> np.ndarray:
        encoder = self.encoder
        found = [encoder.word(w) for w in words]
        vectors = self.vectors[[i for i, _ in found]]
        stripped = np.array([[s] for _, s in found], dtype=np.float32)
        flags = np.array([encoder.flags(w) for w in words], dtype=np.float32)
        return np.concatenate([vectors, self._letter_features(words), flags, stripped], axis=1)

    def _letter_features(self, words: list[str]) -> np.ndarray:
        """Max over positions of a width-k convolution over each word's letters
        (padded by k // 2 on both sides, as in training)."""
        filters, _, width = self.conv_w.shape
        half = width // 2
        ids = [self.encoder.letters(w) for w in words]
        longest = max(map(len, ids))
        grid = np.zeros((len(words), longest + 2 * half), dtype=np.int64)
        for k, row in enumerate(ids):
            grid[k, half:half + len(row)] = row
        x = self.letter_vectors[grid]                                  # word, position, dim
        positions = longest + 2 * half - width + 1
        windows = np.concatenate([x[:, j:j + positions] for j in range(width)], axis=2)  # word, pos, width × dim
        out = (windows @ self._letter_weights).reshape(len(words), positions, filters) + self.conv_b
        # only the positions of the word's own letters count (as in training)
        out[np.arange(positions)[None, :] >= np.array([len(r) for r in ids])[:, None]] = -np.inf
        return out.max(axis=1)

    def log_probs(self, sentences: Sequence[Sequence[str]],
                  gazetteers: Sequence[Sequence[Optional[str]]]) -> list[np.ndarray]:
        """Label log-probabilities (tokens × labels) for each sentence."""
        sizes = [len(s) for s in sentences]
        if not sum(sizes):
            return [np.zeros((0, len(self.labels)), dtype=np.float32) for _ in sentences]
        words = self._word_inputs([w for s in sentences for w in s])
        tags, sports = [], []
        for norms, gz in zip(sentences, gazetteers):
            ids, sport = sentence_inputs(norms, gz)
            tags.extend(ids)
            sports.extend([sport] * len(norms))
        x = np.concatenate([words, self.tag_vectors[tags], np.array(sports, dtype=np.float32)[:, None]], axis=1)
        hidden = self._convolve(x, sizes)
        scores = hidden @ self.out_w.T + self.out_b
        scores -= scores.max(axis=1, keepdims=True)
        scores -= np.log(np.exp(scores).sum(axis=1, keepdims=True))
        out, first = [], 0
        for n in sizes:
            out.append(scores[first:first + n])
            first += n
        return out

    def _convolve(self, x: np.ndarray, sizes: list[int]) -> np.ndarray:
        """The layers over all sentences at once, laid end to end with empty rows
        between them, emptied again after every layer: the same as each sentence
        alone with zeros around it, as in training."""
        gap = self._gap
        rows = np.concatenate([np.arange(first, first + n) + gap * (k + 1)
                               for k, (first, n) in enumerate(zip(np.cumsum([0] + sizes[:-1]), sizes))])
        inside = np.zeros(len(x) + gap * (len(sizes) + 1), dtype=bool)
        inside[rows] = True
        hidden = np.zeros((len(inside), x.shape[1]), dtype=np.float32)
        hidden[rows] = x
        for weights, bias, dilation in self.layers:
            channels = len(bias)
            window = weights.shape[1] // channels
            half = window // 2
            # every row through every window position in one product, then each
            # position's share added to the row it serves
            parts = (hidden @ weights).reshape(len(hidden), window, channels)
            out = parts[:, half] + bias
            for j in range(window):
                shift = (j - half) * dilation   # position j of row t's window reads row t + shift
                if shift < 0:
                    out[-shift:] += parts[:shift, j]
                elif shift > 0:
                    out[:-shift] += parts[shift:, j]
            np.maximum(out, 0.0, out=out)
            out[~inside] = 0.0
            hidden = out
        return hidden[rows]
