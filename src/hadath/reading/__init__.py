"""Reading: files, folders, JSON Lines, HTML and standard input into raw articles."""
from .inputs import InputProblem, RawArticle, read_inputs

__all__ = ["InputProblem", "RawArticle", "read_inputs"]
