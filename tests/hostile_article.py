"""An article object (written for these tests) whose text, title, source, entity names,
quotation, speaker and place carry script and event-handler payloads."""
from __future__ import annotations

from store_samples import _article

SCRIPT = "<script>alert(1)</script>"
IMG = "<img src=x onerror=alert(1)>"
SVG = "<svg onload=alert(1)>"
PAYLOADS = (SCRIPT, IMG, SVG)


def hostile_article() -> dict:
    speaker = f"المتحدث {IMG}"
    group = f"جماعة {SCRIPT}"
    place = f"مدينة {SVG}"
    return _article(
        "hostile-1", "javascript:alert(1)", f"<b onmouseover=alert(1)>وكالة</b> {SCRIPT}", "2023-06-01",
        f"عنوان {SCRIPT} {IMG}",
        f"قال {speaker} إن {group} هاجمت قافلة قرب {place} أمس.\n"
        f"وأضاف {speaker}: «{SCRIPT} لن نسكت {IMG}».\n",
        [("e1", "PER", speaker, IMG, None, None, None),
         ("e2", "ORG", group, SCRIPT, None, None, None),
         ("e3", "GPE", place, SVG, "EGY", None, {"lat": 30.0, "lon": 31.0, "country": "EGY", "kind": "city"})],
        [(f"{SCRIPT} لن نسكت {IMG}", "e1", speaker, "وأضاف")],
        [("ASSAULT", "190", -10.0, 4, "هاجمت", "e2", "e1", "e3", False)])
