"""Training the neural second opinion (`neural.py`) with PyTorch, on the CPU.

Two steps, both reproducible (fixed seeds) and run by `hadath train neural`:
word vectors from unlabelled news (gensim's word2vec, skip-gram), then the
tagger on ANERcorp with those vectors frozen, so that names never seen in the
labelled data keep the place their unlabelled contexts gave them. Both
PyTorch and gensim are training dependencies only (`pip install hadath[train]`).
"""
from __future__ import annotations

import os
import random
import time
from pathlib import Path
from typing import Optional, Sequence

import numpy as np

from ..text.tokens import tokenize
from .neural import GAZETTEER_TAGS, WORD_LISTS, WordEncoder, sentence_inputs
from .train import GazetteerTags, Sentence, corpus_texts, retokenized, training_gazetteer

LABELS = ("O", "B-LOC", "B-ORG", "B-PER", "I-LOC", "I-ORG", "I-PER")
# Layers over the sentence: (window, dilation); each sees 2 more words on each
# side per step of dilation, 8 in all. Epochs and dropout chosen on two held-out
# slices of ANERcorp with a recurrent network (README); tuning the word vectors
# or more word dropout did not help there.
LAYERS = ((5, 1), (3, 2), (3, 4))
SETTINGS = {"letter_dim": 24, "filters": 50, "width": 3,
            "tag_dim": 8, "channels": 128, "dropout": 0.3, "word_dropout": 0.1, "epochs": 40,
            "batch": 32, "lr": 1e-3, "seed": 1, "tune_vectors": False}


def word_vectors(corpus: Path, dimensions: int = 100, vocabulary: int = 50_000, seed: int = 1,
                 log=print) -> tuple[list[str], np.ndarray]:
    """Skip-gram vectors of the `vocabulary` most frequent words of a JSON Lines
    news file (one sentence a paragraph), unit length."""
    from gensim.models import Word2Vec

    started = time.time()
    paragraphs = []
    for text in corpus_texts(corpus):
        for paragraph in text.split("\n"):
            norms = [t.norm for t in tokenize(paragraph)]
            if norms:
                paragraphs.append(norms)
    model = Word2Vec(paragraphs, vector_size=dimensions, window=5, min_count=3, sg=1, negative=10,
                     workers=1, epochs=5, seed=seed)
    words = list(model.wv.index_to_key[:vocabulary])
    vectors = np.stack([model.wv[w] for w in words])
    vectors /= np.linalg.norm(vectors, axis=1, keepdims=True) + 1e-9
    log(f"word vectors: {len(words)} words from {len(paragraphs)} paragraphs in {time.time() - started:.0f} s")
    return words, vectors


# How much the network's log-probabilities count beside the CRF's scores: 0.5 was
# best on one held-out slice, 1.0 to 1.5 on the other.
WEIGHT = 0.75


def encode(sentences: Sequence[Sentence], encoder: WordEncoder,
           gazetteer_tags: Optional[GazetteerTags]) -> list[dict]:
    """Each sentence as the network's inputs and gold label ids (gazetteer tags as
    the CRF is shown them: `training_gazetteer`)."""
    label_id = {label: i for i, label in enumerate(LABELS)}
    out = []
    for number, s in enumerate(sentences):
        tokens, labels, _ = retokenized(s)
        if not tokens:
            continue
        norms = [t.norm for t in tokens]
        tags, sport = sentence_inputs(norms, training_gazetteer(number, tokens, gazetteer_tags))
        found = [encoder.word(n) for n in norms]
        out.append({"words": [i for i, _ in found], "stripped": [s for _, s in found],
                    "letters": [encoder.letters(n) for n in norms],
                    "flags": [encoder.flags(n) for n in norms], "tags": tags, "sport": sport,
                    "labels": [label_id[label] for label in labels]})
    return out


def _network(torch, vectors: np.ndarray, letters: int, settings: dict):
    nn = torch.nn

    class Tagger(nn.Module):
        def __init__(self):
            super().__init__()
            s = settings
            table = np.zeros((len(vectors) + 2, vectors.shape[1]), dtype=np.float32)
            table[2:] = vectors
            self.vectors = nn.Embedding.from_pretrained(torch.tensor(table), freeze=not s["tune_vectors"])
            self.letters = nn.Embedding(letters + 2, s["letter_dim"], padding_idx=0)
            self.conv = nn.Conv1d(s["letter_dim"], s["filters"], s["width"], padding=s["width"] // 2)
            self.tags = nn.Embedding(len(GAZETTEER_TAGS), s["tag_dim"])
            size = vectors.shape[1] + s["filters"] + len(WORD_LISTS) + 1 + s["tag_dim"] + 1
            self.dropout = nn.Dropout(s["dropout"])
            widths = [size] + [s["channels"]] * len(LAYERS)
            self.layers = nn.ModuleList(
                nn.Conv1d(widths[k], widths[k + 1], window, padding=dilation * (window // 2), dilation=dilation)
                for k, (window, dilation) in enumerate(LAYERS))
            self.out = nn.Linear(s["channels"], len(LABELS))

        def forward(self, words, stripped, letters, letter_counts, flags, tags, sport, lengths):
            batch, steps, width = letters.shape
            x = self.letters(letters.view(batch * steps, width)).transpose(1, 2)
            conv = self.conv(x)                                        # word, filter, position
            mask = torch.arange(conv.shape[2], device=conv.device)[None, :] >= letter_counts.view(-1, 1)
            conv = conv.masked_fill(mask[:, None, :], float("-inf")).max(dim=2).values
            conv = conv.view(batch, steps, -1)
            inputs = torch.cat([self.vectors(words), conv, flags, stripped[..., None], self.tags(tags),
                                sport[:, None, None].expand(batch, steps, 1)], dim=2)
            # positions past a sentence's end are zeros after every layer, as
            # between the sentences of a document at tagging time
            inside = (torch.arange(steps, device=inputs.device)[None, :] < lengths.to(inputs.device)[:, None])
            inside = inside[:, None, :].float()
            hidden = inputs.transpose(1, 2) * inside
            for layer in self.layers:
                hidden = torch.relu(layer(self.dropout(hidden))) * inside
            return self.out(self.dropout(hidden.transpose(1, 2)))

    return Tagger()


def _batches(data: list[dict], size: int, rng: random.Random) -> list[list[dict]]:
    """Random batches of sentences of similar length (less padding to compute):
    shuffled, sorted by length within stretches of 50 batches, batches shuffled."""
    data = list(data)
    rng.shuffle(data)
    stretch = 50 * size
    batches = []
    for first in range(0, len(data), stretch):
        part = sorted(data[first:first + stretch], key=lambda it: len(it["words"]))
        batches.extend(part[k:k + size] for k in range(0, len(part), size))
    rng.shuffle(batches)
    return batches


def _batch(torch, items: list[dict], word_dropout: float, rng: random.Random):
    steps = max(len(it["words"]) for it in items)
    width = max(len(l) for it in items for l in it["letters"])
    n = len(items)
    words = torch.zeros((n, steps), dtype=torch.long)
    stripped = torch.zeros((n, steps))
    letters = torch.zeros((n, steps, width), dtype=torch.long)
    counts = torch.ones((n, steps), dtype=torch.long)
    flags = torch.zeros((n, steps, len(WORD_LISTS)))
    tags = torch.zeros((n, steps), dtype=torch.long)
    labels = torch.full((n, steps), -100, dtype=torch.long)
    for k, it in enumerate(items):
        m = len(it["words"])
        ids = [1 if word_dropout and rng.random() < word_dropout else w for w in it["words"]]
        words[k, :m] = torch.tensor(ids)
        stripped[k, :m] = torch.tensor(it["stripped"])
        for j, row in enumerate(it["letters"]):
            letters[k, j, :len(row)] = torch.tensor(row)
            counts[k, j] = len(row)
        flags[k, :m] = torch.tensor(it["flags"])
        tags[k, :m] = torch.tensor(it["tags"])
        labels[k, :m] = torch.tensor(it["labels"])
    sport = torch.tensor([it["sport"] for it in items])
    lengths = torch.tensor([len(it["words"]) for it in items])
    return (words, stripped, letters, counts, flags, tags, sport, lengths), labels


def train_network(sentences: Sequence[Sentence], words: list[str], vectors: np.ndarray, out: Path,
                  gazetteer_tags: Optional[GazetteerTags] = None, weight: float = WEIGHT,
                  settings: Optional[dict] = None, log=print):
    """Train on `sentences` and write the weights to `out`; returns the network."""
    letters = "".join(sorted({c for sentence in sentences for t in retokenized(sentence)[0] for c in t.norm}))
    data = encode(sentences, WordEncoder(words, letters), gazetteer_tags)
    model = fit(data, len(letters), vectors, settings, log=log)
    export(model, words, letters, weight, out)
    return model


def fit(data: list[dict], letters: int, vectors: np.ndarray, settings: Optional[dict] = None,
        device: str = "cpu", log=print):
    """The network trained on encoded sentences (`encode`) for a fixed number of epochs."""
    import torch

    s = {**SETTINGS, **(settings or {})}
    torch.set_num_threads(os.cpu_count() or 1)   # the command line sets one thread for tagging
    torch.manual_seed(s["seed"])
    rng = random.Random(s["seed"])
    model = _network(torch, vectors, letters, s).to(device)
    optimiser = torch.optim.Adam([p for p in model.parameters() if p.requires_grad], lr=s["lr"])
    loss_of = torch.nn.CrossEntropyLoss(ignore_index=-100)
    started = time.time()
    for epoch in range(s["epochs"]):
        model.train()
        total = 0.0
        for batch in _batches(data, s["batch"], rng):
            inputs, labels = _batch(torch, batch, s["word_dropout"], rng)
            optimiser.zero_grad()
            scores = model(*(x.to(device) if x is not inputs[-1] else x for x in inputs))
            loss = loss_of(scores.reshape(-1, len(LABELS)), labels.to(device).reshape(-1))
            loss.backward()
            torch.nn.utils.clip_grad_norm_(model.parameters(), 5.0)
            optimiser.step()
            total += loss.item()
        log(f"epoch {epoch + 1}: loss {total:.1f} ({time.time() - started:.0f} s)")
    return model.cpu().eval()


def vectors_of(path: Path) -> tuple[list[str], np.ndarray]:
    """The words and word vectors of an earlier trained network (`--vectors-from`)."""
    with np.load(path) as earlier:
        # rows 0 and 1 of the table are padding and unknown words
        return str(earlier["words"]).split("\n"), earlier["vectors"][2:].astype(np.float32)


def export(model, words: list[str], letters: str, weight: float, out: Path) -> None:
    Path(out).parent.mkdir(parents=True, exist_ok=True)
    state = {k: v.detach().numpy() for k, v in model.state_dict().items()}
    np.savez_compressed(out, **scorer_arrays(state, words, letters, weight))


def scorer_arrays(state: dict[str, np.ndarray], words: list[str], letters: str, weight: float
                  ) -> dict[str, np.ndarray]:
    """The network's weights in the names `NeuralScorer` reads."""
    arrays = {"labels": np.array(" ".join(LABELS)), "weight": np.array(weight),
              "words": np.array("\n".join(words)), "letters": np.array(letters),
              "vectors": state["vectors.weight"].astype(np.float16),
              "letter_vectors": state["letters.weight"], "conv_w": state["conv.weight"],
              "conv_b": state["conv.bias"], "tag_vectors": state["tags.weight"],
              "out_w": state["out.weight"], "out_b": state["out.bias"]}
    for k, (window, dilation) in enumerate(LAYERS):
        arrays[f"layer{k}_w"] = state[f"layers.{k}.weight"]
        arrays[f"layer{k}_b"] = state[f"layers.{k}.bias"]
        arrays[f"layer{k}_dilation"] = np.array(dilation)
    return arrays
