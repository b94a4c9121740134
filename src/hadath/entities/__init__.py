"""Entities: the pipeline component that fills `Document.entities`.

`EntityRecognizer` (in `recognizer.py`) tags names with the project's CRF model
(`ner.py`, trained by `train.py`), looks them up in the gazetteer, joins the
mentions of each real-world entity and codes it (country, CAMEO actor, place).
"""
from __future__ import annotations

from .recognizer import EntityRecognizer

__all__ = ["EntityRecognizer"]
