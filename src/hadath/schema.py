"""The output contract: the JSON Schema every article object validates against."""
from __future__ import annotations

import json
from functools import lru_cache
from importlib import resources


@lru_cache(maxsize=1)
def article_schema() -> dict:
    path = resources.files("hadath") / "resources" / "schema" / "article.schema.json"
    return json.loads(path.read_text(encoding="utf-8"))


@lru_cache(maxsize=1)
def _validator():
    import jsonschema

    return jsonschema.Draft202012Validator(article_schema())


def validate_article(obj: dict) -> None:
    """Raise jsonschema.ValidationError if `obj` breaks the contract, or a span
    points outside `text`."""
    import jsonschema

    _validator().validate(obj)
    n = len(obj["text"])
    for span in iter_spans(obj):
        if not 0 <= span[0] <= span[1] <= n:
            raise jsonschema.ValidationError(f"span {span} outside text of length {n}")


def iter_spans(obj: dict):
    for e in obj["entities"]:
        yield from e["mentions"]
    for q in obj["quotes"]:
        yield q["span"]
        if q.get("cue_span"):
            yield q["cue_span"]
    for ev in obj["events"]:
        yield ev["trigger"]
        yield ev["sentence"]
        for side in (ev["source"], ev["target"]):
            if side and side.get("span"):
                yield side["span"]
