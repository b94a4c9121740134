"""Shared test fixtures. Tests that need ../shared (real corpus, gold) skip when it is absent."""
from __future__ import annotations

import gzip
import json
import os
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
SHARED = Path(os.environ.get("HADATH_SHARED", ROOT.parent / "shared"))


@pytest.fixture(scope="session")
def shared() -> Path:
    if not SHARED.is_dir():
        pytest.skip(f"needs the development data folder {SHARED} (absent in this clone)")
    return SHARED


@pytest.fixture(scope="session")
def corpus_articles(shared) -> list[dict]:
    """The first 300 real articles of the ANT corpus."""
    path = shared / "corpus" / "ant_politics.jsonl.gz"
    if not path.exists():
        pytest.skip(f"needs {path}")
    rows = []
    with gzip.open(path, "rt", encoding="utf-8") as f:
        for line in f:
            rows.append(json.loads(line))
            if len(rows) >= 300:
                break
    return rows


@pytest.fixture(scope="session")
def pipeline():
    from hadath.pipeline import Pipeline
    return Pipeline.default()
