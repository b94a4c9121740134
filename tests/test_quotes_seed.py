"""End to end on the seed article: every gold quotation found, with its speaker."""
from __future__ import annotations

import json
import re

from hadath.reading import RawArticle
from hadath.schema import validate_article
from hadath.text import normalize


def _words(s: str) -> set[str]:
    return set(re.sub(r"[^\w\s]", " ", normalize(s)).split())


def test_seed_quotations_and_speakers(shared, pipeline):
    text = (shared / "examples" / "seed-article.txt").read_text(encoding="utf-8")
    gold = json.loads((shared / "examples" / "seed-article.gold.json").read_text(encoding="utf-8"))
    doc = pipeline(RawArticle(id="seed", text=text, origin="test"))
    validate_article(doc.to_dict())
    for q in doc.quotes:
        assert doc.text[q.span[0]:q.span[1]] == q.text
    unused = list(doc.quotes)
    for g in gold["quotes"]:
        gw = _words(g["text"])
        match = next((q for q in unused if len(gw & _words(q.text)) >= 0.8 * len(gw)
                      and _words(g["speaker"]) & _words(q.speaker_name or "")), None)
        assert match is not None, f"not found with its speaker: {g['speaker']}: {g['text'][:40]}"
        unused.remove(match)
    assert len(unused) <= 2  # the two statements the gold leaves out (ويؤكد، مشيراً)
