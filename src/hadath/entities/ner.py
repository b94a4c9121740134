"""Statistical named-entity tagging: features and a CRF (python-crfsuite).

The model labels every token with BIO tags of PER, ORG, LOC and MISC (trained on
ANERcorp, where LOC covers countries and cities too; the recognizer decides GPE
or LOC with the gazetteer). Features describe a word by its normalised form,
its clitic-stripped stems, affixes and shape, its neighbours within two tokens,
title and trigger words before it, and gazetteer membership.

Most words repeat across a corpus, so the scores a word contributes (as the
focus word and as each neighbour) are computed once and kept in a cache owned by
the tagger. For the most frequent words of unlabelled news they are computed at
training time and shipped beside the model (`ner-words.npz`): every process
would otherwise work them out again on first sight, a third of the tagging time
on a fresh process.
"""
from __future__ import annotations

import gzip
import hashlib
from importlib import resources
from pathlib import Path
from typing import Iterable, Iterator, Optional, Sequence

import numpy as np

from ..text.normalize import normalize
from ..text.tokens import proclitic_splits, safe_core, safe_core_forms

MODELS = Path(__file__).resolve().parent.parent / "resources" / "models"
MODEL_PATH = MODELS / "ner.tsv.gz"
CLUSTERS_PATH = MODELS / "clusters.tsv.gz"
# Empty tokens between sentences laid end to end: a word's reach (two tokens).
PAD = 2
# Words of the clusters file (most frequent first) whose scores ship precomputed.
WORD_TABLE_SIZE = 40_000

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
# Surnames of well-known people: alone, such a word names a person (`ماكرون`, `الحريري`).
SURNAMES = _read_words("surnames.txt")
# Single words naming well-known organisations (clubs, companies, media, parties).
ORG_NAMES = _read_words("org_names.txt")
# Words of sports reports, and cities whose name there often stands for a club:
# in a sentence with a sports word, every word gets features of its own (`sp&...`).
SPORT_WORDS = _read_words("sport_words.txt")
CLUB_CITIES = _read_words("club_cities.txt")
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
    shape = _shape(norm)
    own = ["b", "w=" + norm]
    if prefix_len:
        own.append("c=" + norm[:prefix_len])
    if core != norm:
        own.append("core=" + core)
    if bare != core:
        own.append("al")
    own.append("bare=" + bare)
    for n, (prefix_key, suffix_key) in enumerate(_AFFIX_KEYS, start=1):
        if len(bare) > n:
            own.append(prefix_key + bare[:n])
            own.append(suffix_key + bare[-n:])
    # other clitic readings (لموسكو → موسكو): the stem itself is evidence
    splits = proclitic_splits(norm)
    for plen, stem in splits[1:3]:
        if plen and stem != core:
            own.append("stem=" + stem)
    own.append("shape=" + shape)
    readings = [stem for _, stem in splits[1:]]
    listed = []   # (key, marks the next and previous word only) of the lists the word is in
    for key, lexicon, near_only in _WORD_LISTS:
        found = _lexicon_feature(norm, readings, lexicon)
        if found:
            own.append(key + found)
            listed.append((key, near_only))
    title = norm in TITLE_WORDS or core in TITLE_WORDS
    if title:
        own.append("title")
    own.append("k1=" + coarse)
    own.append("k2=" + fine)
    titled = title or bare in TITLE_WORDS
    trigger = norm in TRIGGER_WORDS or core in TRIGGER_WORDS
    neighbour: dict[int, list[str]] = {}
    for off, keys in _NEIGHBOUR_KEYS.items():
        feats = [keys["w"] + norm, keys["bare"] + bare, keys["k1"] + coarse]
        if titled:
            feats.append(keys["title"])
        if trigger:
            feats.append(keys["trig"])
        feats.extend(keys[key] for key, near_only in listed if not near_only or abs(off) == 1)
        if abs(off) == 1:
            feats.append(keys["shape"] + shape)
            feats.append(keys["s2"] + bare[-2:])
            feats.append(keys["k2"] + fine)
        neighbour[off] = feats
    return own, neighbour


# The word lists that mark a word (`fn=`, or `fn~` behind a clitic) and its
# neighbours (`-1fn`): up to two words away, or (True) only the next and previous word.
_WORD_LISTS = (("fn", FIRST_NAMES, False), ("sn", SURNAMES, False), ("org", ORG_NAMES, True),
               ("link", NAME_LINKS, True))
# Feature names built once: word_features runs for every new word.
_AFFIX_KEYS = tuple((f"p{n}=", f"s{n}=") for n in (1, 2, 3))
_NEIGHBOUR_KEYS = {off: {"w": f"{off}w=", "bare": f"{off}bare=", "k1": f"{off}k1=", "title": f"{off}title",
                         "trig": f"{off}trig", "fn": f"{off}fn", "sn": f"{off}sn", "org": f"{off}org",
                         "link": f"{off}link", "shape": f"{off}shape=", "s2": f"{off}s2=", "k2": f"{off}k2="}
                   for off in (-2, -1, 1, 2)}


_SPORT_FORMS = frozenset(form for word in SPORT_WORDS for form in safe_core_forms(word))


def is_sport(norms: Sequence[str]) -> bool:
    """Whether a sentence reads as a sports report: a sports word in it, alone or
    after clitics and the article (`وللمباراة`)."""
    return not _SPORT_FORMS.isdisjoint(norms)


def sport_features(norm: str, clusters: WordClusters) -> list[str]:
    """What a word of a sports sentence adds besides its other features (with its
    gazetteer type, `sp&gz=`): the model learns how such sentences differ, a
    city being a club more often (`فاز ميلان على ضيفه`)."""
    features = ["sp", "sp&k1=" + cluster_of(norm, clusters)[0]]
    readings = [stem for _, stem in proclitic_splits(norm)[1:]]
    if _lexicon_feature(norm, readings, CLUB_CITIES):
        features.append("sp&cc")
    return features


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
    return lookup_behind_clitics(norm, clusters)[0] or ("-", "-")


def lookup_behind_clitics(norm: str, table: dict):
    """(value, False) for a word found as written in `table`; (value, True) for its
    first clitic-stripped reading found there (`لموسكو` → `موسكو`); (None, False)."""
    found = table.get(norm)
    if found is not None:
        return found, False
    for _, stem in proclitic_splits(norm)[1:]:
        found = table.get(stem)
        if found is not None:
            return found, True
    return None, False


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

    The scores a word adds for each label (as the focus word and as each
    neighbour) are summed once per word and cached; a sentence's emission scores
    are then a few array additions over its words' cached rows. Decoding is plain
    Viterbi: exactly the CRF's best path.
    """

    CACHE_SIZE = 200_000
    # A word's cached scores, one row each: as the focus word, then as the word
    # at each of these offsets from the focus word, then its sports features.
    OFFSETS = (-2, -1, 1, 2)

    def __init__(self, labels: list[str], transitions: list[list[float]],
                 weights: dict[str, dict[int, float]], clusters: WordClusters,
                 outside: frozenset[str] = frozenset()) -> None:
        self.labels = labels
        self.outside = outside
        self._outside = labels.index("O")
        self.clusters = clusters
        size = len(labels)
        self._transitions = np.array(transitions)   # [from label, to label]
        # Row 0 is all zeros: every group of rows summed for a word starts with it,
        # so a word without known features still gets a (zero) row.
        self._feature_row = {attr: i for i, attr in enumerate(weights, start=1)}
        self._weights = np.zeros((len(weights) + 1, size))
        for attr, row in self._feature_row.items():
            for y, w in weights[attr].items():
                self._weights[row, y] = w
        # `bi=A|B` features by their first word, then their second: every token
        # pair is looked up, and most pairs start with a word that begins none.
        self._bigrams: dict[str, dict[str, int]] = {}
        for attr, row in self._feature_row.items():
            if attr.startswith("bi="):
                first, second = _bigram_words(attr[3:])
                self._bigrams.setdefault(first, {})[second] = row
        # The cache: word → its block of rows in `_scores`, from the shipped table
        # (`_table`, kept when the cache is emptied) or filled on first sight.
        self._table: dict[str, int] = {}
        self._known: dict[str, int] = {}
        self._scores = np.zeros((1024, 2 + len(self.OFFSETS), size))
        self.neural = None

    def attach_neural(self, scorer) -> None:
        """Add a `NeuralScorer`'s weighted label log-probabilities to the emission scores."""
        self.neural = scorer
        self._neural_labels = [scorer.labels.index(label) for label in self.labels]

    @classmethod
    def load(cls, path: Optional[Path] = None, clusters: Optional[WordClusters] = None,
             word_table: bool = True, neural: Optional[Path] | bool = True) -> "NerTagger":
        """The model at `path` (default: the package's). With the default word
        classes, the precomputed scores beside the model are used when they were
        computed from this very model and those classes. The neural second opinion
        is read from `neural`, or (True) from beside the model when it is there."""
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
        tagger = cls(labels, transitions, weights, load_clusters() if clusters is None else clusters,
                     frozenset(outside))
        table = word_table_path(path)
        if word_table and clusters is None and table.exists():
            with np.load(table) as stored:
                if str(stored["fingerprint"]) == model_fingerprint(path):
                    tagger._preload(str(stored["words"]).split("\n"), stored["scores"])
        if neural is True:
            neural = neural_path(path) if neural_path(path).exists() else None
        if neural:
            from .neural import NeuralScorer
            tagger.attach_neural(NeuralScorer.load(Path(neural)))
        return tagger

    def _preload(self, words: list[str], scores: np.ndarray) -> None:
        self._table = {w: k for k, w in enumerate(words)}
        self._known = dict(self._table)
        self._scores = scores  # grown on the first new word

    def tag(self, norms: Sequence[str], gazetteer: Sequence[Optional[str]]) -> list[str]:
        """BIO labels for one sentence of normalised tokens; `gazetteer[i]` is the
        gazetteer tag of token i ('B-GPE', 'I-ORG'...) or None."""
        return self.tag_sentences([norms], [gazetteer])[0]

    def tag_sentences(self, sentences: Sequence[Sequence[str]],
                      gazetteers: Sequence[Sequence[Optional[str]]]) -> list[list[str]]:
        """`tag` for each sentence of a document: the same labels, with the
        emission scores of the whole document summed in one go."""
        starts = _layout(sentences)
        emissions = self._emissions(sentences, gazetteers)
        outside = self.outside
        stretches = []   # (first token, length, after an O token, before an O token)
        for first, norms in zip(starts, sentences):
            n = len(norms)
            i = 0
            while i < n:
                if norms[i] in outside:
                    i += 1
                    continue
                end = i
                while end < n and norms[end] not in outside:
                    end += 1
                stretches.append((first + i, end - i, i > 0, end < n))
                i = end
        path = [self._outside] * len(emissions)
        for (start, length, _, _), best in zip(stretches, self._decode(emissions, stretches)):
            path[start:start + length] = best
        return [[self.labels[y] for y in path[first:first + len(norms)]]
                for first, norms in zip(starts, sentences)]

    def _emissions(self, sentences: Sequence[Sequence[str]], gazetteers) -> np.ndarray:
        """The score of each label at every token of the sentences, laid end to end
        with PAD empty tokens after each (so that no word reaches into the next
        sentence): the words' cached rows, then token pairs, sports features and the gazetteer."""
        known = self._known
        new = [w for norms in sentences for w in norms if w not in known]
        if new:
            self._learn(list(dict.fromkeys(new)), {w for norms in sentences for w in norms})
            known = self._known
        starts = _layout(sentences)
        sport_sentences = [is_sport(norms) for norms in sentences]
        positions, pads, sports = [], [], []
        for first, norms, sport in zip(starts, sentences, sport_sentences):
            positions.extend(known[w] for w in norms)
            pads.extend(range(first + len(norms), first + len(norms) + PAD))
            positions.extend((0,) * PAD)
            if sport:
                sports.extend(range(first, first + len(norms)))
        words = self._scores[positions]
        words[pads] = 0.0
        e = words[:, 0].copy()
        e[2:] += words[:-2, 1]   # the word two before
        e[1:] += words[:-1, 2]   # the previous word
        e[:-1] += words[1:, 3]   # the next word
        e[:-2] += words[2:, 4]   # the word two after
        e[sports] += words[sports, 5]   # the words' sports features
        row = self._feature_row.get
        bigrams = self._bigrams
        bos, eos = row("BOS", 0), row("EOS", 0)
        at, rows = [], []
        for first, norms, gazetteer, sport in zip(starts, sentences, gazetteers, sport_sentences):
            n = len(norms)
            if n:
                at.extend((first, first + n - 1))
                rows.extend((bos, eos))
            for i in range(1, n):
                following = bigrams.get(norms[i - 1])
                if following:
                    found = following.get(norms[i])
                    if found:
                        at.append(first + i)
                        rows.append(found)
            if gazetteer:
                for i, gz in enumerate(gazetteer):
                    if not gz:
                        continue
                    at.extend((first + i, first + i))
                    rows.extend((row("gz=" + gz, 0), row("gzt=" + gz[2:], 0)))
                    if sport:
                        at.append(first + i)
                        rows.append(row("sp&gz=" + gz[2:], 0))
                    if i + 1 < n:
                        at.append(first + i + 1)
                        rows.append(row("-1gz=" + gz, 0))
                    if i > 0:
                        at.append(first + i - 1)
                        rows.append(row("1gz=" + gz, 0))
        np.add.at(e, at, self._weights[rows])
        if self.neural is not None:
            neural = self.neural.log_probs(sentences, gazetteers)
            tokens = [i for first, norms in zip(starts, sentences) for i in range(first, first + len(norms))]
            e[tokens] += self.neural.weight * np.concatenate(neural)[:, self._neural_labels]
        return e

    def _decode(self, emissions: np.ndarray, stretches: list[tuple[int, int, bool, bool]]
                ) -> list[list[int]]:
        """The best label path through each stretch of tokens (first token, length,
        whether an O token comes before it and after it): plain Viterbi, run for
        all the stretches of a length class at once. A stretch shorter than its
        class keeps its scores once it has ended."""
        transitions, o = self._transitions, self._outside
        into_o, from_o = transitions[:, o], transitions[o]
        paths: list[list[int]] = [[] for _ in stretches]
        order = sorted(range(len(stretches)), key=lambda k: stretches[k][1])
        for group in _length_classes(order, stretches):
            lengths = np.array([stretches[k][1] for k in group])
            longest = int(lengths[-1])
            starts = np.array([stretches[k][0] for k in group])
            steps = np.minimum(np.arange(longest), lengths[:, None] - 1)
            e = emissions[starts[:, None] + steps]                     # stretch, step, label
            after = np.array([stretches[k][2] for k in group])[:, None]
            before = np.array([stretches[k][3] for k in group])[:, None]
            scores = e[:, 0] + np.where(after, from_o, 0.0)
            back = []
            for t in range(1, longest):
                totals = scores[:, :, None] + transitions              # stretch, from, to
                back.append(totals.argmax(1).tolist())
                scores = np.where((lengths > t)[:, None], totals.max(1) + e[:, t], scores)
            last = (scores + np.where(before, into_o, 0.0)).argmax(1).tolist()
            for j, k in enumerate(group):
                y = last[j]
                path = [y]
                for t in range(int(lengths[j]) - 2, -1, -1):
                    y = back[t][j][y]
                    path.append(y)
                path.reverse()
                paths[k] = path
        return paths

    def _learn(self, words: list[str], in_use: Iterable[str]) -> None:
        """Add new words' score rows to the cache: for each, the sum of its
        features' weights as the focus word, as the neighbour at each of OFFSETS
        and in a sports sentence (one gather and one segmented sum for all the words)."""
        known = self._known
        if len(known) + len(words) > self.CACHE_SIZE:
            # a bounded cache, refilled by the next words
            known = self._known = dict(self._table)
            words = [w for w in in_use if w not in known]
        first = len(known)
        if first + len(words) > len(self._scores):
            grown = np.zeros((max(len(self._scores) * 3 // 2, first + len(words)), *self._scores.shape[1:]))
            grown[:first] = self._scores[:first]
            self._scores = grown
        row = self._feature_row.get
        rows: list[int] = []
        starts: list[int] = []
        for word in words:
            own, neighbour = word_features(word, self.clusters)
            for features in (own, *(neighbour[off] for off in self.OFFSETS),
                             sport_features(word, self.clusters)):
                starts.append(len(rows))
                rows.append(0)
                rows.extend(filter(None, map(row, features)))
        sums = np.add.reduceat(self._weights[rows], starts)
        self._scores[first:first + len(words)] = sums.reshape(len(words), *self._scores.shape[1:])
        for k, word in enumerate(words, start=first):
            known[word] = k


def _layout(sentences: Sequence[Sequence[str]]) -> list[int]:
    """Where each sentence starts when they are laid end to end, PAD apart."""
    starts, first = [], 0
    for norms in sentences:
        starts.append(first)
        first += len(norms) + PAD
    return starts


def _length_classes(order: list[int], stretches: list[tuple]) -> Iterator[list[int]]:
    """Stretch numbers (sorted by length) grouped by length 1, 2, 3–4, 5–8, ...:
    decoded together, a class costs as many steps as its longest stretch."""
    group: list[int] = []
    ceiling = 1
    for k in order:
        length = stretches[k][1]
        if length > ceiling and group:
            yield group
            group = []
        while length > ceiling:
            ceiling *= 2
        group.append(k)
    if group:
        yield group


def _bigram_words(pair: str) -> tuple[str, str]:
    """The two words of a `bi=` feature's `A|B` (a `|` token is a word of its own)."""
    if pair.startswith("||"):
        return "|", pair[2:]
    first, _, second = pair.partition("|")
    return first, second


def neural_path(model_path: Path) -> Path:
    """Where the neural second opinion of a model is kept: beside it."""
    return _beside(model_path, "-neural.npz")


def word_table_path(model_path: Path) -> Path:
    """Where the precomputed word scores of a model are kept: beside it."""
    return _beside(model_path, "-words.npz")


def _beside(model_path: Path, suffix: str) -> Path:
    """`ner.tsv.gz` → `ner<suffix>` in the same folder."""
    return model_path.with_name(model_path.name.split(".")[0] + suffix)


def model_fingerprint(model_path: Path, clusters_path: Path = CLUSTERS_PATH) -> str:
    """What the precomputed scores depend on besides the code: the model and the word classes."""
    digest = hashlib.sha256(Path(model_path).read_bytes())
    digest.update(Path(clusters_path).read_bytes())
    return digest.hexdigest()


def write_word_table(model_path: Path, size: int = WORD_TABLE_SIZE, batch: int = 2_000) -> Path:
    """Precompute and store the scores of the `size` most frequent words of the
    word-class vocabulary for the model at `model_path`."""
    model_path = Path(model_path)
    tagger = NerTagger.load(model_path, word_table=False)
    words = list(tagger.clusters)[:size]
    for first in range(0, len(words), batch):
        part = words[first:first + batch]
        tagger._learn(part, part)
    rows = [tagger._known[w] for w in words]
    out = word_table_path(model_path)
    np.savez_compressed(out, words=np.array("\n".join(words)), scores=tagger._scores[rows],
                        fingerprint=np.array(model_fingerprint(model_path)))
    return out


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
    sport = is_sport(norms)
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
        if sport:
            feats.extend(sport_features(norms[i], clusters))
            if gz:
                feats.append("sp&gz=" + gz[2:])
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
    for i, label in enumerate(labels):
        if label == "O":   # most tokens
            if start is not None:
                spans.append((kind, start, i))
                start, kind = None, None
        elif label[0] == "B" or label[2:] != kind:   # B-X, or an I-X that continues no X
            if start is not None:
                spans.append((kind, start, i))
            start, kind = i, label[2:]
    if start is not None:
        spans.append((kind, start, len(labels)))
    return spans
