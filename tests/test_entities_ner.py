"""The NER model's pieces: reading training data, features, and the decoder."""
import numpy as np
import pycrfsuite
import pytest

from hadath.entities.ner import (FIRST_NAMES, ORG_NAMES, PAD, SPORT_WORDS, SURNAMES, NerTagger,
                                 bio_spans, export_model, is_sport, sentence_features, word_features)
from hadath.entities.train import DataError, read_conll, read_written, retokenized
from hadath.text.normalize import normalize
from hadath.text.tokens import safe_core, tokenize

SENTENCES = [
    ("قال الرئيس سمير حداد في بيروت إن الاتفاق قريب", "O O B-PER I-PER O B-LOC O O O"),
    ("وصل وفد شركة النور إلى عمان أمس", "O O O B-ORG O B-LOC O"),
    ("التقى كريم سالم بوزير خارجية تونس", "O B-PER I-PER O O B-LOC"),
    ("أعلنت منظمة الصحة العالمية أن الوباء انحسر", "O B-ORG I-ORG I-ORG O O O"),
    ("فاز ميلان على ضيفه في المباراة", "O B-ORG O O O O"),
    ("وصل الوفد إلى ميلان أمس", "O O O B-LOC O"),
]


def test_read_conll_maps_tags_and_reports_bad_lines(tmp_path):
    good = tmp_path / "good.txt"
    good.write_text("سمير B-PERS\nحداد I-PERS\nفي O\nبيروت B-LOC\n\nقال O\nالأولمبياد B-MISC\n",
                    encoding="utf-8")
    sentences = read_conll(good)
    assert [s.tags for s in sentences] == [["B-PER", "I-PER", "O", "B-LOC"], ["O", "O"]]
    assert sentences[0].written[0] == "B-PERS"
    bad = tmp_path / "bad.txt"
    bad.write_text("سمير B-PERS\nحداد\n", encoding="utf-8")
    with pytest.raises(DataError, match=r"bad.txt:2"):
        read_conll(bad)


def test_written_sentences_label_whole_tokens_and_report_bad_lines(tmp_path):
    good = tmp_path / "written.jsonl"
    good.write_text(
        '{"text": "وقال سمير حداد لحزب الله في بيروت، وبيروت هادئة.", "entities": ['
        '{"text": "سمير حداد", "type": "PERS"}, {"text": "حزب الله", "type": "ORG"}, '
        '{"text": "بيروت", "type": "LOC"}, {"text": "بيروت", "type": "LOC"}]}\n\n'
        '{"text": "لا أسماء هنا.", "entities": []}\n'
        '{"text": "قالت الصحف الجزائرية إن الجزائر ترفض", "entities": [{"text": "الجزائر", "type": "LOC"}]}\n',
        encoding="utf-8")
    first, second, third = read_written(good)
    assert first.words == ["وقال", "سمير", "حداد", "لحزب", "الله", "في", "بيروت", "،", "وبيروت",
                           "هادئة", "."]
    assert first.tags == ["O", "B-PER", "I-PER", "B-ORG", "I-ORG", "O", "B-LOC", "O", "B-LOC", "O", "O"]
    assert first.written[1] == "B-PERS"
    assert second.tags == ["O"] * 4
    assert third.tags == ["O", "O", "O", "O", "B-LOC", "O"]     # not inside the adjective
    bad = tmp_path / "bad.jsonl"
    bad.write_text('{"text": "قال سمير", "entities": []}\n'
                   '{"text": "قال سمير", "entities": [{"text": "حداد", "type": "PERS"}]}\n', encoding="utf-8")
    with pytest.raises(DataError, match=r"bad.jsonl:2: 'حداد' is not in the text"):
        read_written(bad)
    bad.write_text('{"text": "قال سمير", "entities": [{"text": "سمير", "type": "MISC"}]}\n', encoding="utf-8")
    with pytest.raises(DataError, match=r"bad.jsonl:1: type 'MISC'"):
        read_written(bad)


def test_retokenizing_keeps_labels_on_words():
    sentence = read_conll_text("(بيروت B-LOC\n) O\nقال O")
    tokens, labels, owner = retokenized(sentence)
    assert [t.text for t in tokens] == ["(", "بيروت", ")", "قال"]
    assert labels == ["O", "B-LOC", "O", "O"]
    assert owner == [0, 0, 1, 2]


def read_conll_text(text):
    from hadath.entities.train import Sentence
    words, tags = zip(*(line.split() for line in text.splitlines()))
    return Sentence(list(words), list(tags), list(tags))


def test_name_lexicons_mark_words_also_behind_clitics():
    own, neighbour = word_features(normalize("جورج"), {})
    assert "fn=" in own and "1fn" in neighbour[1] and "-2fn" in neighbour[-2]
    own, neighbour = word_features(normalize("وغادة"), {})  # و + a given name
    assert "fn~" in own and "-1fn" in neighbour[-1]
    own, neighbour = word_features(normalize("ماكرون"), {})
    assert "sn=" in own and "1sn" in neighbour[1] and "-2sn" in neighbour[-2]
    assert not any(f.startswith("fn") for f in own)
    own, neighbour = word_features(normalize("وأردوغان"), {})  # و + a surname
    assert "sn~" in own and "-1sn" in neighbour[-1]
    own, neighbour = word_features(normalize("لبنفيكا"), {})
    assert "org~" in own and "1org" in neighbour[1]
    own, _ = word_features(normalize("وبن"), {})
    assert "link~" in own
    own, neighbour = word_features(normalize("الاتفاق"), {})
    assert not any(f.startswith(("fn", "sn", "org", "link")) for f in own)
    assert not any(key in f for feats in neighbour.values() for f in feats for key in ("fn", "sn", "org"))


def test_name_lexicons_are_normalised_words():
    assert len(FIRST_NAMES) > 300 and len(SURNAMES) > 1000 and len(ORG_NAMES) > 500
    for word in FIRST_NAMES | SURNAMES | ORG_NAMES:
        assert word == normalize(word) and word.split() == [word]
    # a given name is the first-name feature's: the surname list leaves them out
    assert not SURNAMES & FIRST_NAMES


def test_sports_sentences_give_every_word_sport_features():
    sport = [normalize(w) for w in "وسجل اللاعب هدفا لميلان".split()]
    assert is_sport(sport) and not is_sport([normalize(w) for w in "وصل الوفد إلى ميلان".split()])
    features = sentence_features(sport, [None, None, None, "B-GPE"], {})
    assert all("sp" in f for f in features)
    assert "sp&cc" in features[3] and "sp&gz=GPE" in features[3]   # ل + a club's city
    assert not any("sp&cc" in f for f in features[:3])
    assert not any(f.startswith("sp") for feats in sentence_features(
        [normalize(w) for w in "وصل الوفد إلى ميلان".split()], [None] * 4, {}) for f in feats)


def test_sports_words_count_after_the_clitics_safe_core_strips():
    for word in map(normalize, ["مباراة", "المباراة", "الدوري", "الكرة"]):
        for prefix in ("", "و", "ف", "ب", "ك", "ل", "وب", "وك", "فب", "فك", "ول", "فل", "لل", "ولل", "فلل", "س"):
            for form in {prefix + word, prefix + word[2:]} if word.startswith("ال") else {prefix + word}:
                expected = form in SPORT_WORDS or safe_core(form)[1] in SPORT_WORDS
                assert is_sport(["قال", form]) == expected, form
    assert is_sport([normalize("وللمباراة")]) and is_sport([normalize("بالدوري")])
    assert not is_sport([normalize("ومباراة")])   # و before a word without the article stays


def test_bio_spans():
    assert bio_spans(["O", "B-PER", "I-PER", "I-ORG", "O", "B-LOC"]) == [
        ("PER", 1, 3), ("ORG", 3, 4), ("LOC", 5, 6)]


def test_own_decoder_gives_crfsuites_best_path(tmp_path):
    clusters = {"بيروت": ("1", "11"), "عمان": ("1", "11"), "تونس": ("1", "12"), "ميلان": ("1", "12")}
    trainer = pycrfsuite.Trainer(verbose=False)
    trainer.set_params({"max_iterations": 30, "feature.possible_transitions": True})
    for text, tags in SENTENCES:
        norms = [t.norm for t in tokenize(text)]
        gz = ["B-GPE" if n in clusters else None for n in norms]
        trainer.append(sentence_features(norms, gz, clusters), tags.split())
    trainer.train(str(tmp_path / "m.crfsuite"))
    export_model(tmp_path / "m.crfsuite", tmp_path / "m.tsv.gz")
    ours = NerTagger.load(tmp_path / "m.tsv.gz", clusters)
    # words the model labels O anyway may be skipped by the decoder: same paths
    export_model(tmp_path / "m.crfsuite", tmp_path / "pinned.tsv.gz", outside=["في", "الى", "ان"])
    pinned = NerTagger.load(tmp_path / "pinned.tsv.gz", clusters)
    assert pinned.outside == {"في", "الى", "ان"}
    reference = pycrfsuite.Tagger()
    reference.open(str(tmp_path / "m.crfsuite"))
    document, gazetteers, expectations = [], [], []
    for text in ["قال الرئيس كريم حداد في عمان إن منظمة الصحة العالمية قريبة",
                 "وصل سمير سالم إلى تونس", "أعلنت شركة النور أن الاتفاق انحسر", "بيروت",
                 "وسجل اللاعب هدفا لميلان في تونس"]:
        norms = [t.norm for t in tokenize(text)]
        gz = ["B-GPE" if n in clusters else None for n in norms]
        expected = reference.tag(sentence_features(norms, gz, clusters))
        assert ours.tag(norms, gz) == expected
        assert all(label == "O" for n, label in zip(norms, expected) if n in pinned.outside)
        assert pinned.tag(norms, gz) == expected
        document.append(norms)
        gazetteers.append(gz)
        expectations.append(expected)
    # the emission scores are the sums of the features' weights, sports features included
    weights = reference.info().state_features
    for norms, gz in zip(document, gazetteers):
        expected = [[sum(weights.get((f, label), 0.0) for f in features) for label in ours.labels]
                    for features in sentence_features(norms, gz, clusters)]
        assert ours._emissions([norms], [gz])[:len(norms)] == pytest.approx(np.array(expected), abs=1e-3)
    # a document's sentences tagged together: no sentence's words reach into the next
    together = NerTagger.load(tmp_path / "m.tsv.gz", clusters)
    assert together.tag_sentences(document, gazetteers) == expectations
    scores = together._emissions(document, gazetteers)
    first = 0
    for norms, gz in zip(document, gazetteers):
        assert scores[first:first + len(norms)].tolist() == ours._emissions([norms], [gz])[:len(norms)].tolist()
        first += len(norms) + PAD
    assert ours.tag_sentences([], []) == [] and ours.tag([], []) == []


def test_shipped_word_table_matches_the_shipped_model():
    # the precomputed scores must be those of the model beside them (regenerated by
    # `hadath train ner`): a stale table is ignored, which would only cost speed
    with_table = NerTagger.load()
    assert len(with_table._table) > 10_000
    computed = NerTagger.load(word_table=False)
    sample = list(with_table._table)[::997]
    computed._learn(sample, sample)
    for word in sample:
        assert (with_table._scores[with_table._table[word]]
                == computed._scores[computed._known[word]]).all(), word
    sentence = [t.norm for t in tokenize("واستقبل الرئيس المصري عبد الفتاح السيسي في القاهرة وفدا من شركة النور")]
    assert with_table.tag(sentence, [None] * len(sentence)) == computed.tag(sentence, [None] * len(sentence))


def test_a_word_table_for_another_model_is_ignored(tmp_path):
    from hadath.entities.ner import MODEL_PATH, word_table_path, write_word_table

    model = tmp_path / "ner.tsv.gz"
    model.write_bytes(MODEL_PATH.read_bytes())
    write_word_table(model, size=500)
    assert word_table_path(model).exists()
    assert len(NerTagger.load(model)._table) == 500
    # a full cache is emptied down to the table: same labels as with room to spare
    small, roomy = NerTagger.load(model), NerTagger.load(model)
    small.CACHE_SIZE = 520
    text = ("قال وزير الخارجية الأردني أيمن الصفدي إن المحادثات مع الجانب الإسرائيلي في عمان "
            "تناولت الوضع في القدس وغزة، بينما أكدت حركة حماس أنها لن تشارك في الاجتماع. ") * 3
    words = [t.norm for t in tokenize(text)]
    for start in range(0, len(words), 7):
        sentence = words[start:start + 7] + [f"كلمة{start}{k}" for k in range(5)]
        assert small.tag(sentence, [None] * len(sentence)) == roomy.tag(sentence, [None] * len(sentence))
    assert len(small._known) <= 520 and set(small._table) <= set(small._known)
    # retrained (here: one more outside word) without a new table
    import gzip
    lines = gzip.decompress(model.read_bytes()).decode("utf-8").split("\n")
    lines.insert(1, "#O\tكذلك")
    model.write_bytes(gzip.compress("\n".join(lines).encode("utf-8")))
    assert NerTagger.load(model)._table == {}


def test_bigram_feature_names_split_into_their_two_words():
    from hadath.entities.ner import _bigram_words

    assert _bigram_words("وزير|الخارجية") == ("وزير", "الخارجية")
    assert _bigram_words("||قال") == ("|", "قال")
    assert _bigram_words("قال||") == ("قال", "|")
    assert _bigram_words("|||") == ("|", "|")


@pytest.mark.parametrize("model, option, name, message", [
    ("ner", "--written", "written.jsonl", "annotated sentences not found"),
    ("neural", "--corpus", "news.jsonl.gz", "unlabelled news not found"),
])
def test_training_with_a_missing_input_says_which_and_why(tmp_path, capsys, model, option, name, message):
    from hadath.cli import main

    data = tmp_path / "train.txt"
    data.write_text("سمير B-PERS\nحداد I-PERS\n\n", encoding="utf-8")
    missing = tmp_path / name
    assert main(["train", model, "--data", str(data), option, str(missing)]) == 2
    assert f"{missing}: {message}" in capsys.readouterr().err


def test_the_projects_written_sentences_read_and_mark_all_three_types():
    from pathlib import Path

    sentences = read_written(Path(__file__).resolve().parents[1] / "data" / "ner" / "written-news.jsonl")
    kinds = {tag[2:] for s in sentences for tag in s.tags if tag != "O"}
    assert len(sentences) >= 2000 and kinds == {"PER", "ORG", "LOC"}
