"""The Arabic text core: normalisation, tokens with clitics, sentences, clutter, language."""
from .normalize import normalize, normalize_with_offsets
from .sentences import split_sentences
from .tokens import enclitic_splits, proclitic_splits, tokenize

__all__ = ["normalize", "normalize_with_offsets", "split_sentences", "tokenize",
           "proclitic_splits", "enclitic_splits"]
