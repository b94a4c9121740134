"""The neural second opinion of the NER tagger: training (PyTorch), the forward
pass in numpy, and its vote in the CRF's decoding."""
import json
import random

import numpy as np
import pytest

from hadath.entities.ner import MODEL_PATH, NerTagger, neural_path
from hadath.entities.neural import NeuralScorer, WordEncoder
from hadath.entities.train import Sentence
from hadath.text.tokens import tokenize

# (text, one tag per corpus word), in ANERcorp's tag names
LABELLED = [
    ("قال الرئيس سمير حداد في بيروت إن الاتفاق قريب", "O O B-PERS I-PERS O B-LOC O O O"),
    ("وصل وفد شركة النور إلى عمان أمس", "O O O B-ORG O B-LOC O"),
    ("التقى كريم سالم بوزير خارجية تونس", "O B-PERS I-PERS O O B-LOC"),
    ("أعلنت منظمة الصحة العالمية أن الوباء انحسر في القاهرة", "O B-ORG I-ORG I-ORG O O O O B-LOC"),
    ("وأكد المتحدث باسم الحكومة ناصر العلي أن المحادثات مستمرة", "O O O O B-PERS I-PERS O O O"),
]


def _sentences():
    out = []
    for text, tags in LABELLED:
        words, written = text.split(), tags.split()
        mapped = [t.replace("PERS", "PER") for t in written]
        out.append(Sentence(words, mapped, written))
    return out


def _gazetteer(tokens):
    places = {"بيروت", "عمان", "تونس", "القاهره"}
    return ["B-GPE" if t.norm in places else None for t in tokens]


def test_numpy_forward_pass_equals_the_trained_torch_network(tmp_path):
    torch = pytest.importorskip("torch", reason="training needs PyTorch (pip install 'hadath[train]')")
    from hadath.entities.train_neural import _batch, encode, train_network

    sentences = _sentences()
    words = ["في", "الرئيس", "بيروت", "عمان", "الحكومه", "المحادثات", "قال"]
    vectors = np.random.default_rng(0).normal(size=(len(words), 16)).astype(np.float32)
    out = tmp_path / "m-neural.npz"
    model = train_network(sentences, words, vectors, out, _gazetteer,
                          settings={"epochs": 3, "channels": 12, "filters": 6}, log=lambda _: None)
    scorer = NeuralScorer.load(out)
    assert scorer.labels == ["O", "B-LOC", "B-ORG", "B-PER", "I-LOC", "I-ORG", "I-PER"]
    # the same inputs as training builds them (gazetteer tags on every other sentence)
    data = encode(sentences, scorer.encoder, _gazetteer)
    inputs, _ = _batch(torch, data, 0.0, random.Random(0))
    with torch.no_grad():
        expected = torch.log_softmax(model(*inputs), dim=-1).numpy()
    norms, gazetteers = [], []
    for number, s in enumerate(sentences):
        tokens = tokenize(" ".join(s.words))
        norms.append([t.norm for t in tokens])
        gazetteers.append(_gazetteer(tokens) if number % 2 == 0 else None)
    # all sentences in one go (padded, the backward direction reversed per sentence)
    got = scorer.log_probs(norms, gazetteers)
    for k, scores in enumerate(got):
        assert scores.shape == (len(norms[k]), 7)
        assert scores == pytest.approx(expected[k, :len(norms[k])], abs=1e-3)
    # one sentence alone: the same scores as among others
    assert scorer.log_probs([norms[2]], [gazetteers[2]])[0] == pytest.approx(got[2], abs=1e-5)


def test_word_vectors_from_unlabelled_news(tmp_path):
    pytest.importorskip("gensim", reason="word vectors need gensim (pip install 'hadath[train]')")
    from hadath.entities.train_neural import word_vectors

    corpus = tmp_path / "news.jsonl"
    with open(corpus, "w", encoding="utf-8") as f:
        for text, _ in LABELLED * 4:
            f.write(json.dumps({"title": "", "text": text}, ensure_ascii=False) + "\n")
    words, vectors = word_vectors(corpus, dimensions=8, vocabulary=5, log=lambda _: None)
    assert len(words) == 5 and vectors.shape == (5, 8)
    assert np.linalg.norm(vectors, axis=1) == pytest.approx(np.ones(5), abs=1e-4)
    assert "في" in words   # the most frequent words are kept


def test_words_are_looked_up_behind_clitics():
    encoder = WordEncoder(["بيروت", "الحكومه"], "ابتر")
    assert encoder.word("بيروت") == (2, 0.0)
    assert encoder.word("وبيروت") == (2, 1.0)
    assert encoder.word("للحكومه") == (3, 1.0)
    assert encoder.word("دمشق")[0] == 1   # unknown
    assert encoder.letters("بيت") == [3, 1, 4] and encoder.letters("") == [1]


class _Votes:
    """A stand-in network: certain of one label at chosen tokens, indifferent elsewhere."""

    labels = ["O", "B-LOC", "B-ORG", "B-PER", "I-LOC", "I-ORG", "I-PER"]

    def __init__(self, certain: dict[tuple[int, int], str], weight: float):
        self.certain, self.weight = certain, weight

    def log_probs(self, sentences, gazetteers):
        out = []
        for k, norms in enumerate(sentences):
            scores = np.full((len(norms), 7), np.log(1 / 7))
            for (s, i), label in self.certain.items():
                if s == k:
                    scores[i] = -50.0
                    scores[i, self.labels.index(label)] = 0.0
            out.append(scores)
        return out


def test_the_networks_log_probabilities_are_added_to_the_crf_scores():
    tagger = NerTagger.load(neural=False)
    first = [t.norm for t in tokenize("وصل الوفد إلى المدينة صباح اليوم")]
    second = [t.norm for t in tokenize("قال الرئيس إن الاتفاق قريب")]
    alone = tagger.tag_sentences([first, second], [None, None])
    before = tagger._emissions([first, second], [None, None])
    # a vote for B-ORG on the second sentence's word الاتفاق, counted twice
    votes = _Votes({(1, 3): "B-ORG"}, weight=2.0)
    tagger.attach_neural(votes)
    after = tagger._emissions([first, second], [None, None])
    at = len(first) + 2 + 3
    added = after - before
    org = tagger.labels.index("B-ORG")
    assert added[at, org] == pytest.approx(0.0)
    assert added[at, tagger.labels.index("O")] == pytest.approx(-100.0)
    assert np.allclose(added[: len(first)], 2.0 * np.log(1 / 7))   # the same for every label
    assert tagger.tag_sentences([first, second], [None, None])[1][3] == "B-ORG"
    # weight 0: the CRF's own labels
    votes.weight = 0.0
    assert tagger.tag_sentences([first, second], [None, None]) == alone


def test_the_shipped_network_sits_beside_the_model_and_is_loaded_with_it():
    assert neural_path(MODEL_PATH).exists()
    tagger = NerTagger.load()
    assert isinstance(tagger.neural, NeuralScorer)
    assert NerTagger.load(neural=False).neural is None
    norms = [t.norm for t in tokenize("وقال وزير الخارجية الأردني أيمن الصفدي في عمان")]
    scores = tagger.neural.log_probs([norms], [[None] * len(norms)])[0]
    assert np.exp(scores).sum(axis=1) == pytest.approx(np.ones(len(norms)), abs=1e-4)
    assert set(tagger.neural.labels) == set(tagger.labels)


def test_train_neural_command_writes_a_model_and_scores_it_with_the_crf(tmp_path, capsys):
    pytest.importorskip("torch", reason="training needs PyTorch (pip install 'hadath[train]')")
    from hadath.cli import main
    from hadath.entities.train_neural import train_network

    # word vectors of an earlier model, so that no unlabelled news is needed
    earlier = tmp_path / "earlier-neural.npz"
    vectors = np.random.default_rng(1).normal(size=(3, 8)).astype(np.float32)
    train_network(_sentences()[:2], ["في", "بيروت", "قال"], vectors, earlier,
                  settings={"epochs": 1, "channels": 4}, log=lambda _: None)
    data = tmp_path / "train.txt"
    data.write_text("\n\n".join("\n".join(f"{w} {t}" for w, t in zip(text.split(), tags.split()))
                                for text, tags in LABELLED) + "\n", encoding="utf-8")
    written = tmp_path / "written.jsonl"
    written.write_text('{"text": "قال سمير في بيروت", "entities": [{"text": "بيروت", "type": "LOC"}]}\n',
                       encoding="utf-8")
    out = tmp_path / "m-neural.npz"
    assert main(["train", "neural", "--data", str(data), "--vectors-from", str(earlier),
                 "--holdout", "0.2", "--written", str(written), "--out", str(out)]) == 0
    printed = capsys.readouterr().out
    assert f"4 training sentences, 1 held out, and 1 of the project's own ({written})" in printed
    assert "CRF alone" in printed and "CRF + neural" in printed
    scorer = NeuralScorer.load(out)
    assert scorer.encoder.word("بيروت")[0] == 3 and scorer.vectors.shape == (5, 8)
