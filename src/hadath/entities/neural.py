"""A neural second opinion for the NER tagger: a bidirectional LSTM over word
vectors learnt from unlabelled news, letter convolutions and the gazetteer.

The CRF (`ner.py`) sees a word through its features; a name it never saw in
training, with no title or trigger word, is often lost. This network sees each
word as a vector learnt from 16,000 unlabelled articles (`بومبيو` lies near
`ترامب`) and reads the whole sentence in both directions. Its label
log-probabilities are added to the CRF's emission scores, weighted, before the
CRF's Viterbi decoding (`NerTagger`), so the two models vote token by token.

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
    _lexicon_feature, is_sport

# Gazetteer tags the network reads (anything else reads as none).
GAZETTEER_TAGS = (None, *(f"{p}-{t}" for t in ("PER", "ORG", "GPE", "LOC", "NORP") for p in "BI"))
# Word lists a word is looked up in (the word or a clitic-stripped reading).
WORD_LISTS = (FIRST_NAMES, SURNAMES, ORG_NAMES, NAME_LINKS, TITLE_WORDS, TRIGGER_WORDS, CLUB_CITIES)
# Letters kept of a word: long words are rare and their ends say enough.
MAX_LETTERS = 20
PAD_ID, UNKNOWN_ID = 0, 1


class WordEncoder:
    """How the network sees a word: a row of the word-vector table (the word's
    own, or its clitic-stripped reading's), its letters, and its word lists."""

    def __init__(self, words: Sequence[str], letters: str) -> None:
        self.word_id = {w: i for i, w in enumerate(words, start=2)}
        self.letter_id = {c: i for i, c in enumerate(letters, start=2)}

    def word(self, norm: str) -> tuple[int, float]:
        """(vector row, 1.0 when found only behind clitics)."""
        found = self.word_id.get(norm)
        if found is not None:
            return found, 0.0
        for _, stem in proclitic_splits(norm)[1:]:
            found = self.word_id.get(stem)
            if found is not None:
                return found, 1.0
        return UNKNOWN_ID, 0.0

    def letters(self, norm: str) -> list[int]:
        ids = [self.letter_id.get(c, UNKNOWN_ID) for c in norm[:MAX_LETTERS]]
        return ids or [UNKNOWN_ID]

    @staticmethod
    def flags(norm: str) -> list[float]:
        readings = [stem for _, stem in proclitic_splits(norm)[1:]]
        return [1.0 if _lexicon_feature(norm, readings, lexicon) else 0.0 for lexicon in WORD_LISTS]


def sentence_inputs(norms: Sequence[str], gazetteer: Sequence[Optional[str]]) -> tuple[list[int], float]:
    """The per-token inputs that depend on the sentence: gazetteer tag ids, and
    whether it reads as a sports report."""
    index = {tag: i for i, tag in enumerate(GAZETTEER_TAGS)}
    tags = [index.get(g, 0) for g in gazetteer] if gazetteer else [0] * len(norms)
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
        self.tag_vectors = arrays["tag_vectors"].astype(np.float32)
        self._prepare_lstm({k: arrays[k].astype(np.float32) for k in arrays if k.startswith(("w_ih", "w_hh", "b_"))})
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
        windows = np.stack([x[:, j:j + positions] for j in range(width)], axis=3)  # word, pos, dim, width
        out = np.einsum("npdk,fdk->npf", windows, self.conv_w) + self.conv_b
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
        hidden = self._bidirectional(x, sizes)
        scores = hidden @ self.out_w.T + self.out_b
        scores -= scores.max(axis=1, keepdims=True)
        scores -= np.log(np.exp(scores).sum(axis=1, keepdims=True))
        out, first = [], 0
        for n in sizes:
            out.append(scores[first:first + n])
            first += n
        return out

    def _prepare_lstm(self, lstm: dict[str, np.ndarray]) -> None:
        """Reorder each direction's gates from PyTorch's rows i, f, g, o to i, f, o, g
        and halve the sigmoid gates' weights: sigmoid(x) = (tanh(x / 2) + 1) / 2, so
        one tanh over a step's gate scores serves every gate."""
        size = lstm["w_hh_f"].shape[1]
        rows = np.concatenate([np.arange(k * size, (k + 1) * size) for k in (0, 1, 3, 2)])
        halve = np.repeat(np.array([0.5, 0.5, 0.5, 1.0], dtype=np.float32), size)
        self.hidden_size = size
        self._inputs = [np.ascontiguousarray((lstm["w_ih_" + d][rows] * halve[:, None]).T) for d in "fb"]
        self._bias = [lstm["b_" + d][rows] * halve for d in "fb"]
        self._recurrent = np.stack([(lstm["w_hh_" + d][rows] * halve[:, None]).T for d in "fb"])

    def _bidirectional(self, x: np.ndarray, sizes: list[int]) -> np.ndarray:
        """Both LSTM directions over all sentences at once; the backward one reads
        each sentence reversed. The sentences go longest first, so that the ones
        still running at a step are the first rows: a step's inputs are one slice
        of a table ordered by step, and each step is one product for both directions."""
        size, total = self.hidden_size, len(x)
        by_length = sorted(range(len(sizes)), key=lambda k: -sizes[k])
        starts = np.cumsum([0] + sizes[:-1])
        running = [sum(1 for k in by_length if sizes[k] > t) for t in range(sizes[by_length[0]])]
        reads: tuple[list[int], list[int]] = ([], [])   # the token each direction reads, step by step
        for t, n in enumerate(running):
            for k in by_length[:n]:
                reads[0].append(starts[k] + t)
                reads[1].append(starts[k] + sizes[k] - 1 - t)
        steps = np.stack([x[reads[d]] @ self._inputs[d] + self._bias[d] for d in (0, 1)])
        h = np.zeros((2, len(sizes), size), dtype=np.float32)
        c = np.zeros_like(h)
        states = np.empty((2, total, size), dtype=np.float32)
        first = 0
        for n in running:
            z = steps[:, first:first + n] + h[:, :n] @ self._recurrent
            np.tanh(z, out=z)
            z[..., :3 * size] += 1.0        # 2 × the sigmoid gates i, f, o
            c[:, :n] = 0.5 * (z[..., size:2 * size] * c[:, :n] + z[..., :size] * z[..., 3 * size:])
            h[:, :n] = 0.5 * z[..., 2 * size:3 * size] * np.tanh(c[:, :n])
            states[:, first:first + n] = h[:, :n]
            first += n
        hidden = np.empty((total, 2 * size), dtype=np.float32)
        hidden[reads[0], :size] = states[0]
        hidden[reads[1], size:] = states[1]
        return hidden
