"""Statistical named-entity tagging: features and a CRF (python-crfsuite).

The model labels every token with BIO tags of PER, ORG, LOC and MISC (trained on
ANERcorp, where LOC covers countries and cities too; the recognizer decides GPE
or LOC with the gazetteer). Features describe a word by its normalised form,
its clitic-stripped stems, affixes and shape, its neighbours within two tokens,
title and trigger words before it, and gazetteer membership.

Most words repeat across a corpus, so the features a word contributes (as the
focus word and as each neighbour) are computed once and kept in a cache owned by
the tagger.
"""
from __future__ import annotations

import gzip
from operator import add
from pathlib import Path
from importlib import resources
from typing import Iterable, Optional, Sequence

from ..text.normalize import normalize
from ..text.tokens import proclitic_splits, safe_core

MODELS = Path(__file__).resolve().parent.parent / "resources" / "models"
MODEL_PATH = MODELS / "ner.tsv.gz"
CLUSTERS_PATH = MODELS / "clusters.tsv.gz"

# Words that announce a name after them (normalised forms, ال included where written so).
TITLE_WORDS = frozenset(normalize(w) for w in """
الرئيس رئيس رئيسة الرئيسة وزير الوزير وزيرة السيد السيدة الشيخ الملك الملكة الأمير الأميرة
العاهل الدكتور د السفير الجنرال اللواء العميد العقيد المقدم الرائد النقيب المشير الفريق
المتحدث الناطق زعيم الزعيم مدير المدير الأمين نائب النائب مستشار المستشار المستشارة
السناتور السيناتور البابا الإمام المرشد آية القاضي المحامي المدرب اللاعب النجم الفنان
الفنانة الكاتب الكاتبة الشاعر المخرج المطرب المطربة الممثل الممثلة الصحفي المراسل
المبعوث المندوب سفير قائد القائد رئيسا الحاخام الأسقف المطران الكاردينال الخليفة
السلطان ولي المفوض سكرتير سكريتر عضو المفوضة المنسق الجنرال السيدة الآنسة المهندس البروفيسور الأستاذ
""".split())

# Words that announce a place or organisation after them.
TRIGGER_WORDS = frozenset(normalize(w) for w in """
قال قالت أعلن أعلنت أكد أكدت أضاف أضافت صرح صرحت أوضح أوضحت ذكر ذكرت أشار أشارت
مدينة المدينة بلدة قرية عاصمة العاصمة محافظة ولاية إقليم منطقة مقاطعة جزيرة جزر بحر نهر جبل
شركة الشركة مجموعة مؤسسة منظمة وكالة صحيفة جريدة مجلة قناة حزب حركة جبهة جامعة جمعية
اتحاد نادي فريق مجلس هيئة بنك مصرف معهد مركز وزارة محكمة لجنة مستشفى مطار ميناء
في من إلى الى عن مع بين حول لدى
""".split())



def _read_words(name: str) -> frozenset[str]:
    """The normalised words of a whitespace-separated word list in the gazetteer folder
    (`#` starts a comment line)."""
    text = (resources.files("hadath.resources") / "gazetteer" / name).read_text(encoding="utf-8")
    return frozenset(normalize(w) for line in text.splitlines() if not line.startswith("#")
                     for w in line.split())


# Given names (Arabic and foreign as news writes them): a person's name starts or
# goes on here, in contexts the training data never showed with this name.
FIRST_NAMES = _read_words("first_names.txt")
# Single words naming well-known organisations (clubs, companies, media, parties).
ORG_NAMES = _read_words("org_names.txt")
# Words that join the parts of a person's name (`محمد بن راشد آل مكتوم`, `أبو مازن`).
NAME_LINKS = frozenset(normalize(w) for w in "بن ابن بنت أبو أبي أم آل عبد ولد".split())

# normalised word → (coarse class, fine class)
WordClusters = dict[str, tuple[str, str]]


def word_features(norm: str, clusters: WordClusters) -> tuple[list[str], dict[int, list[str]]]:
    """What a word contributes: its own features, and those it gives to the word
    `offset` positions away (keyed by offset, e.g. -1 = it is the previous word)."""
    prefix_len, core = safe_core(norm)
    coarse, fine = cluster_of(norm, clusters)
    bare = core[2:] if core.startswith("ال") and len(core) > 4 else core
    own = ["b", "w=" + norm]
    if prefix_len:
        own.append("c=" + norm[:prefix_len])
    if core != norm:
        own.append("core=" + core)
    if bare != core:
        own.append("al")
    own.append("bare=" + bare)
    for n in (1, 2, 3):
        if len(bare) > n:
            own.append(f"p{n}=" + bare[:n])
            own.append(f"s{n}=" + bare[-n:])
    # other clitic readings (لموسكو → موسكو): the stem itself is evidence
    for plen, stem in proclitic_splits(norm)[1:3]:
        if plen and stem != core:
            own.append("stem=" + stem)
    own.append("shape=" + _shape(norm))
    readings = [stem for _, stem in proclitic_splits(norm)[1:]]
    first_name = _lexicon_feature(norm, readings, FIRST_NAMES)
    if first_name:
        own.append("fn" + first_name)
    org_name = _lexicon_feature(norm, readings, ORG_NAMES)
    if org_name:
        own.append("org" + org_name)
    name_link = _lexicon_feature(norm, readings, NAME_LINKS)
    if name_link:
        own.append("link" + name_link)
    if norm in TITLE_WORDS or core in TITLE_WORDS:
        own.append("title")
    own.append("k1=" + coarse)
    own.append("k2=" + fine)
    neighbour: dict[int, list[str]] = {}
    for off in (-2, -1, 1, 2):
        feats = [f"{off}w=" + norm, f"{off}bare=" + bare, f"{off}k1=" + coarse]
        if norm in TITLE_WORDS or core in TITLE_WORDS or bare in TITLE_WORDS:
            feats.append(f"{off}title")
        if norm in TRIGGER_WORDS or core in TRIGGER_WORDS:
            feats.append(f"{off}trig")
        if first_name:
            feats.append(f"{off}fn")
        if abs(off) == 1:
            if org_name:
                feats.append(f"{off}org")
            if name_link:
                feats.append(f"{off}link")
            feats.append(f"{off}shape=" + _shape(norm))
            feats.append(f"{off}s2=" + bare[-2:])
            feats.append(f"{off}k2=" + fine)
        neighbour[off] = feats
    return own, neighbour


def _lexicon_feature(norm: str, readings: Sequence[str], lexicon: frozenset[str]) -> str:
    """'' when neither the word nor a clitic-stripped reading is in `lexicon`; '=' when
    the word as written is; '~' when only a reading is (`وغادة`)."""
    if norm in lexicon:
        return "="
    if any(stem in lexicon for stem in readings):
        return "~"
    return ""


def cluster_of(norm: str, clusters: WordClusters) -> tuple[str, str]:
    """The word's (coarse, fine) distributional class; a clitic-stripped reading's
    when the written form is too rare to have one; ('-', '-') for unknown words."""
    found = clusters.get(norm)
    if found is None:
        for _, stem in proclitic_splits(norm)[1:]:
            found = clusters.get(stem)
            if found is not None:
                break
    return found or ("-", "-")


def load_clusters(path: Path = CLUSTERS_PATH) -> WordClusters:
    """Word classes learnt from unlabelled news (`hadath train clusters`)."""
    clusters: WordClusters = {}
    with gzip.open(path, "rt", encoding="utf-8") as f:
        for line in f:
            word, coarse, fine = line.rstrip("\n").split("\t")
            clusters[word] = (coarse, fine)
    return clusters


def _shape(norm: str) -> str:
    if not norm:
        return "empty"
    ch = norm[0]
    if norm.isdigit():
        return "digit"
    if ch.isascii() and ch.isalpha():
        return "latin"
    if not ch.isalnum():
        return "punct"
    if any(c.isdigit() for c in norm):
        return "mixed"
    return "ar" + str(min(len(norm), 8))


class NerTagger:
    """A trained linear-chain CRF, decoded here rather than by crfsuite.

    The score a word adds for each label (as the focus word and as each
    neighbour) is summed once and cached, so tagging a known word costs a few
    additions. Decoding is plain Viterbi: exactly the CRF's best path.
    """

    CACHE_SIZE = 200_000

    def __init__(self, labels: list[str], transitions: list[list[float]],
                 weights: dict[str, dict[int, float]], clusters: WordClusters,
                 outside: frozenset[str] = frozenset()) -> None:
        self.labels = labels
        self.outside = outside
        self._outside = labels.index("O")
        self.clusters = clusters
        self.transitions = transitions
        self.weights = weights
        size = len(labels)
        self._zero = (0.0,) * size
        self._columns = [[transitions[x][y] for x in range(size)] for y in range(size)]
        # Each feature's weights as a full row: a word's score vector is then the
        # column sums of its features' rows (the same additions, in the same order).
        zero = [0.0] * size
        self._rows = {attr: _row(by_label, zero) for attr, by_label in weights.items()}

        self._cache: dict[str, tuple] = {}

    @classmethod
    def load(cls, path: Optional[Path] = None, clusters: Optional[WordClusters] = None) -> "NerTagger":
        path = Path(path or MODEL_PATH)
        if not path.exists():
            raise FileNotFoundError(f"NER model {path} is missing (build it with `hadath train ner`)")
        with gzip.open(path, "rt", encoding="utf-8") as f:
            labels = f.readline().split()[1:]
            index = {label: i for i, label in enumerate(labels)}
            transitions = [[0.0] * len(labels) for _ in labels]
            weights: dict[str, dict[int, float]] = {}
            outside = set()
            for line in f:
                attr, _, rest = line.rstrip("\n").partition("\t")
                if attr == "#O":
                    outside.add(rest)
                    continue
                if attr == "#T":
                    a, b, w = rest.split("\t")
                    transitions[index[a]][index[b]] = float(w)
                    continue
                weights[attr] = {int(k): float(w) for k, w in
                                 (pair.split(":") for pair in rest.split(" "))}
        return cls(labels, transitions, weights, load_clusters() if clusters is None else clusters,
                   frozenset(outside))

    def tag(self, norms: Sequence[str], gazetteer: Sequence[Optional[str]]) -> list[str]:
        """BIO labels for one sentence of normalised tokens; `gazetteer[i]` is the
        gazetteer tag of token i ('B-GPE', 'I-ORG'...) or None."""
        n = len(norms)
        if not n:
            return []
        words = [self._word(w) for w in norms]
        outside = self.outside
        path = [self._outside] * n
        i = 0
        while i < n:
            if norms[i] in outside:
                i += 1
                continue
            end = i
            while end < n and norms[end] not in outside:
                end += 1
            emissions = [self._emission(k, norms, words, gazetteer) for k in range(i, end)]
            path[i:end] = self._viterbi(emissions, i > 0, end < n)
            i = end
        return [self.labels[y] for y in path]

    def _emission(self, i: int, norms: Sequence[str], words: list, gazetteer) -> list[float]:
        """The score of each label at token i from all its features."""
        n = len(norms)
        if 2 <= i < n - 2:  # the common case, written out for speed
            e = [a + b + c + d + f for a, b, c, d, f in zip(
                words[i][0], words[i - 2][1][-2], words[i - 1][1][-1],
                words[i + 1][1][1], words[i + 2][1][2])]
        else:
            vectors = [words[i][0]]
            vectors.extend(words[i + off][1][off] for off in (-2, -1, 1, 2) if 0 <= i + off < n)
            e = [sum(column) for column in zip(*vectors)]
        extra = []
        if i == 0:
            extra.append("BOS")
        if i == n - 1:
            extra.append("EOS")
        if i > 0:
            extra.append("bi=" + norms[i - 1] + "|" + norms[i])
        if gazetteer:
            gz = gazetteer[i]
            if gz:
                extra.append("gz=" + gz)
                extra.append("gzt=" + gz[2:])
            if i > 0 and gazetteer[i - 1]:
                extra.append("-1gz=" + gazetteer[i - 1])
            if i + 1 < n and gazetteer[i + 1]:
                extra.append("1gz=" + gazetteer[i + 1])
        weights = self.weights
        for feature in extra:
            found = weights.get(feature)
            if found:
                for y, w in found.items():
                    e[y] += w
        return e

    def _viterbi(self, emissions: list[list[float]], after_o: bool, before_o: bool) -> list[int]:
        """The best label path through a stretch of tokens (between O tokens when
        `after_o`/`before_o`). The forward pass keeps only scores; the best
        predecessor is worked out again for the labels on the path alone."""
        columns, o = self._columns, self._outside
        scores = list(map(add, emissions[0], self.transitions[o])) if after_o else emissions[0]
        history = [scores]
        for e in emissions[1:]:
            scores = [max(map(add, scores, column)) + ey for column, ey in zip(columns, e)]
            history.append(scores)
        final = list(map(add, scores, columns[o])) if before_o else scores
        y = final.index(max(final))
        path = [y]
        for previous in reversed(history[:-1]):
            totals = list(map(add, previous, columns[y]))
            y = totals.index(max(totals))
            path.append(y)
        path.reverse()
        return path

    def _vector(self, features: list[str]) -> tuple:
        rows = list(filter(None, map(self._rows.get, features)))
        if not rows:
            return self._zero
        if len(rows) == 1:
            return rows[0]
        return tuple(map(sum, zip(*rows)))

    def _word(self, norm: str) -> tuple:
        """(own score vector, {offset: score vector as that neighbour}) of a word."""
        found = self._cache.get(norm)
        if found is None:
            if len(self._cache) >= self.CACHE_SIZE:
                self._cache.clear()  # a bounded cache; refilled by the next words
            own, neighbour = word_features(norm, self.clusters)
            found = self._cache[norm] = (self._vector(own), {
                off: self._vector(feats) for off, feats in neighbour.items()})
        return found


def _row(by_label: dict[int, float], zero: list[float]) -> tuple:
    row = zero.copy()
    for y, w in by_label.items():
        row[y] = w
    return tuple(row)


def export_model(crfsuite_path: Path, out: Path, outside: Iterable[str] = (), digits: int = 4) -> None:
    """Write a crfsuite model's labels, transitions and non-zero state weights
    in the gzipped text form `NerTagger.load` reads, with the `outside` words:
    frequent words never part of a name in training (`في`, `،`), which the tagger
    labels O without decoding, so each sentence is decoded in short stretches."""
    import pycrfsuite

    tagger = pycrfsuite.Tagger()
    tagger.open(str(crfsuite_path))
    info = tagger.info()
    labels = sorted(info.labels, key=lambda label: (label != "O", label))
    index = {label: i for i, label in enumerate(labels)}
    by_attr: dict[str, list[str]] = {}
    for (attr, label), w in info.state_features.items():
        if round(w, digits):
            by_attr.setdefault(attr, []).append(f"{index[label]}:{round(w, digits):g}")
    with gzip.open(out, "wt", encoding="utf-8", compresslevel=9) as f:
        f.write("#labels " + " ".join(labels) + "\n")
        for (a, b), w in sorted(info.transitions.items()):
            f.write(f"#T\t{a}\t{b}\t{w:.{digits}f}\n")
        for word in sorted(outside):
            f.write(f"#O\t{word}\n")
        for attr in sorted(by_attr):
            f.write(attr + "\t" + " ".join(by_attr[attr]) + "\n")


def sentence_features(norms: Sequence[str], gazetteer: Sequence[Optional[str]],
                      clusters: WordClusters) -> list[list[str]]:
    """Feature lists for every token of a sentence, for training (`NerTagger.tag`
    computes the same features' scores)."""
    per_word = [word_features(n, clusters) for n in norms]
    n = len(norms)
    out = []
    for i in range(n):
        feats = list(per_word[i][0])
        for off in (-2, -1, 1, 2):
            j = i + off
            if 0 <= j < n:
                feats.extend(per_word[j][1][off])
            elif off in (-1, 1):
                feats.append("BOS" if off < 0 else "EOS")
        if i > 0:
            feats.append("bi=" + norms[i - 1] + "|" + norms[i])
        gz = gazetteer[i] if gazetteer else None
        if gz:
            feats.append("gz=" + gz)
            feats.append("gzt=" + gz[2:])
        for off in (-1, 1):
            j = i + off
            if 0 <= j < n and gazetteer and gazetteer[j]:
                feats.append(f"{off}gz=" + gazetteer[j])
        out.append(feats)
    return out


def bio_spans(labels: Sequence[str]) -> list[tuple[str, int, int]]:
    """(type, first token, one past the last token) of each labelled span."""
    spans = []
    start, kind = None, None
    for i, label in enumerate(list(labels) + ["O"]):
        begins = label.startswith("B-") or (label.startswith("I-") and label[2:] != kind)
        if label == "O" or begins:
            if start is not None:
                spans.append((kind, start, i))
                start, kind = None, None
            if begins:
                start, kind = i, label[2:]
    return spans
