"""What stories compare: content words, word shingles, leads and entity keys of an article.

Everything goes through hadath.text (normalisation and tokens with clitics), so
spelling variants (أ/ا, ة/ه, diacritics) and attached articles/conjunctions
(`والصين` → `الصين`) do not make two copies of a sentence look different.
"""
from __future__ import annotations

import datetime as dt
import re
from typing import Optional

from ..text import normalize, proclitic_splits, tokenize

# Function words that every article shares (normalised forms): they carry no topic.
STOPWORDS = frozenset(normalize(w) for w in """
في من الى إلى على عن مع بعد قبل خلال حول بين ضد عند منذ حتى لدى نحو دون عبر وفق
و او أو ثم بل لكن لم لن لا ما ماذا لماذا كيف هل قد لقد ان أن إن إذا اذا كان كانت يكون تكون
هذا هذه ذلك تلك هؤلاء الذي التي الذين اللذين اللتين هو هي هم هما نحن انا أنا انت أنت
كل بعض غير أي اي أيضا ايضا فقط كما مثل حيث بينما عندما إنه انه أنه إنها انها أنها
وقال قال قالت وقالت أضاف وأضاف اضاف أكد وأكد اكد أشار وأشار اشار تابع وتابع أوضح وأوضح
اليوم أمس امس الاثنين الثلاثاء الأربعاء الخميس الجمعة السبت الأحد يوم عام العام
وكان وكانت التي الى والى وفي فيه فيها منه منها عليه عليها إليه اليه له لها لهم به بها
""".split())

LEAD_WORDS = 60
_WORD = re.compile(r"[^\W_]+")


def content_words(text: str) -> list[str]:
    """Normalised words without clitic article and function words (topic words).
    A word with a leading conjunction or preposition (`لبغداد`) is read as its
    stem when the stem occurs by itself in the same text (`بغداد`)."""
    words = []
    for token in tokenize(text):
        if not token.is_word or token.core.isdigit():
            continue
        core = token.core
        if core.startswith("ال") and len(core) > 4:
            core = core[2:]  # الرئيس and رئيس are the same topic word
        if len(core) < 2 or core in STOPWORDS or token.norm in STOPWORDS:
            continue
        words.append(core)
    present = set(words)
    return [_stem_in(w, present) for w in words]


def _stem_in(word: str, present: set[str]) -> str:
    for length, stem in proclitic_splits(word, min_stem=3)[1:]:
        for form in (stem, stem[2:] if stem.startswith("ال") else None):
            if form and form in present:
                return form
    return word


def shingles(text: str, size: int = 3) -> set[str]:
    """Overlapping runs of `size` normalised words: what near-duplicate detection hashes.
    (Words split on non-letters: clitics stay attached, as they do in a copy.)"""
    words = _WORD.findall(normalize(text))
    if len(words) < size:
        return {" ".join(words)} if words else set()
    return {" ".join(words[i:i + size]) for i in range(len(words) - size + 1)}


def body_of(article: dict) -> str:
    """The article text without the headline it starts with."""
    text = article.get("text") or ""
    title = article.get("title") or ""
    if title and text.startswith(title):
        return text[len(title):]
    return text


def lead(article: dict, n_words: int = LEAD_WORDS) -> str:
    """The first words of the body: where news puts who did what, where and when."""
    return " ".join(body_of(article).split()[:n_words])


def entity_keys(article: dict) -> set[str]:
    """Keys of the named entities an article mentions: the words of each name
    (so "الصفدي" meets "أيمن الصفدي"), and the Latin form when known (it joins
    spellings such as ترامب / ترمب)."""
    keys = set()
    for entity in article.get("entities") or []:
        for word in normalize(entity.get("name") or "").split():
            if len(word) > 1:
                keys.add("w:" + word)
        if entity.get("latin"):
            keys.add("l:" + entity["latin"].lower())
    return keys


def jaccard(a: set, b: set) -> float:
    return len(a & b) / len(a | b) if a or b else 0.0


def article_date(article: dict) -> Optional[dt.date]:
    return parse_date(article.get("published"))


def parse_date(value) -> Optional[dt.date]:
    if isinstance(value, dt.date):
        return value
    try:
        return dt.date.fromisoformat(value) if value else None
    except ValueError:
        return None
