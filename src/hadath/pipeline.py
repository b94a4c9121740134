"""The extraction pipeline: raw article → Document with entities, quotes and events.

Like spaCy, a pipeline is a list of small components run in order over one
`Document`; each reads what the ones before it filled and adds its own part:

    text (tokens, sentences) → entities → quotes → events

Components are built once (models and dictionaries are loaded at start-up) and
are then applied to any number of documents.
"""
from __future__ import annotations

import gc
from typing import Callable, Iterable, Iterator, Optional

from .document import Document, Sentence
from .reading import RawArticle
from .text.clutter import remove_clutter
from .text.language import detect_language
from .text.sentences import split_sentences
from .text.tokens import tokenize

Component = Callable[[Document], None]


def make_document(article: RawArticle) -> Document:
    """The analysed text of an article: headline first (it often carries a
    quotation or the main event), then the body without website clutter."""
    body = article.text.replace("\r\n", "\n").replace("\r", "\n")
    title = article.title
    if title and not body.lstrip().startswith(title):
        body = title + "\n" + body
    text, removed = remove_clutter(body.strip())
    doc = Document(id=article.id, text=text, title=title, url=article.url,
                   source=article.source, published=article.published,
                   encoding=article.encoding, removed=removed)
    doc.language = detect_language(text)
    return doc


def analyse_text(doc: Document) -> None:
    """Tokens and sentences, each sentence knowing its token range."""
    doc.sentences = split_sentences(doc.text)
    tokens = []
    for sentence in doc.sentences:
        sentence.first_token = len(tokens)
        tokens.extend(tokenize(doc.text[sentence.start:sentence.end], sentence.start))
        sentence.end_token = len(tokens)
    doc.tokens = tokens


class Pipeline:
    def __init__(self, components: list[tuple[str, Component]]):
        self.components = components

    @classmethod
    def default(cls) -> "Pipeline":
        """The full pipeline with the models and resources shipped in the package."""
        from .entities import EntityRecognizer
        from .events import EventCoder
        from .quotes import QuoteFinder

        entities = EntityRecognizer.load()
        return cls([("text", analyse_text), ("entities", entities),
                    ("quotes", QuoteFinder.load()), ("events", EventCoder.load(entities.actors))])

    def __call__(self, article: RawArticle) -> Document:
        doc = make_document(article)
        if doc.language != "ar":
            return doc  # Persian, Urdu, English...: reported, not analysed as Arabic
        for _, component in self.components:
            component(doc)
        return doc

    def pipe(self, articles: Iterable[RawArticle]) -> Iterator[Document]:
        for article in articles:
            yield self(article)


def prepare_for_batch() -> None:
    """Garbage collection for a process that analyses many articles, called once
    its pipeline is loaded: the loaded models and dictionaries are set aside for
    good (gc.freeze: never scanned again), and the many short-lived objects each
    article leaves behind are collected in fewer, larger passes. This cut time
    spent collecting to a quarter (0.43 → 0.10 s per 1,000 articles)."""
    gc.freeze()
    gc.set_threshold(10_000, 10, 10)


def sentence_of(doc: Document, offset: int) -> Optional[Sentence]:
    """The sentence containing character `offset` (binary search)."""
    lo, hi = 0, len(doc.sentences)
    while lo < hi:
        mid = (lo + hi) // 2
        s = doc.sentences[mid]
        if offset < s.start:
            hi = mid
        elif offset >= s.end:
            lo = mid + 1
        else:
            return s
    return None
