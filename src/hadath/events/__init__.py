"""Events: the pipeline component that fills `Document.events`.

`EventCoder` (in `coder.py`) finds event triggers with the project's Arabic lexicon
(`lexicon.py`), places source and target actors by the sentence's structure, filters
what is not asserted as a current event, and codes each event in CAMEO and PLOVER
(`ontology.py`) with its date (`dates.py`), place and reporting speaker.
"""
from __future__ import annotations

from .coder import EventCoder

__all__ = ["EventCoder"]
