"""Exports of the store: GDELT 2.0 event table, JSON Lines, CSV, Parquet."""
from .formats import FORMATS, export

__all__ = ["FORMATS", "export"]
