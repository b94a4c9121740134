"""CAMEO codes with their Goldstein score, QuadClass and PLOVER type and mode.

The table `resources/events/cameo.tsv` lists every code the coder may emit; the
codes, scores and PLOVER mapping are facts of CAMEO and PLOVER, the labels are ours.
"""
from __future__ import annotations

from dataclasses import dataclass
from importlib import resources
from typing import Optional


@dataclass(frozen=True, slots=True)
class CameoCode:
    code: str
    goldstein: float
    plover: str
    mode: Optional[str]
    label: str

    @property
    def quad_class(self) -> int:
        return quad_class(self.code)


def quad_class(code: str) -> int:
    """1 verbal cooperation (01-05), 2 material cooperation (06-09),
    3 verbal conflict (10-14), 4 material conflict (15-20)."""
    root = int(code[:2])
    if root <= 5:
        return 1
    if root <= 9:
        return 2
    if root <= 14:
        return 3
    return 4


class Ontology:
    def __init__(self, codes: dict[str, CameoCode]):
        self.codes = codes

    @classmethod
    def load(cls) -> "Ontology":
        text = resources.files("hadath").joinpath("resources/events/cameo.tsv").read_text("utf-8")
        codes = {}
        for line in text.splitlines():
            if not line.strip() or line.startswith("#"):
                continue
            code, goldstein, plover, mode, label = (line.split("\t") + [""])[:5]
            codes[code] = CameoCode(code, float(goldstein), plover, None if mode == "-" else mode,
                                    label)
        return cls(codes)

    def __contains__(self, code: str) -> bool:
        return code in self.codes

    def __getitem__(self, code: str) -> CameoCode:
        return self.codes[code]

    def get(self, code: str) -> Optional[CameoCode]:
        """The entry for `code`, falling back to its three-digit parent."""
        return self.codes.get(code) or self.codes.get(code[:3])
