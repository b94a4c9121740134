"""Event and article filters shared by the API and `hadath export`.

Every value is checked here (so a bad one gets a clear message naming the
parameter) and then bound as a SQL parameter: nothing a user types is ever
spliced into SQL text.
"""
from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass
from typing import Optional

from ..stories.tables import first_reports_only
from .rows import search_form

PLOVER_TYPES = ("AGREE", "CONSULT", "SUPPORT", "CONCEDE", "COOPERATE", "AID", "RETREAT",
                "INVESTIGATE", "DEMAND", "DISAPPROVE", "REJECT", "THREATEN", "PROTEST",
                "CRIME", "SANCTION", "MOBILIZE", "COERCE", "ASSAULT")
INTERVALS = ("day", "week", "month")
_ACTOR = re.compile(r"^[A-Z]{3,15}$")
_COUNTRY = re.compile(r"^[A-Z]{3}$")
_CAMEO = re.compile(r"^\d{2,4}$")
MAX_TEXT = 200


class FilterError(ValueError):
    """A bad filter value: `param` names it, the message says why."""

    def __init__(self, param: str, reason: str):
        super().__init__(f"{param}: {reason}")
        self.param = param
        self.reason = reason


def check_country(value: Optional[str], param: str = "country") -> Optional[str]:
    if value is None or value == "":
        return None
    code = value.strip().upper()
    if not _COUNTRY.match(code):
        raise FilterError(param, f"{value[:40]!r} is not an ISO 3166-1 alpha-3 code (e.g. SYR)")
    return code


def check_date(value: Optional[str], param: str) -> Optional[dt.date]:
    if value is None or value == "":
        return None
    try:
        return dt.date.fromisoformat(value.strip())
    except ValueError:
        raise FilterError(param, f"{value[:40]!r} is not a date (expected YYYY-MM-DD)") from None


def date_window(start: Optional[str], end: Optional[str], first_col: str,
                last_col: Optional[str] = None) -> tuple[list[str], list]:
    """Conditions (with bound values) keeping rows whose dates [first_col, last_col]
    meet the window [start, end]; either end of the window may be open."""
    start_day, end_day = check_date(start, "start"), check_date(end, "end")
    clauses, params = [], []
    if start_day:
        clauses.append(f"{last_col or first_col} >= ?")
        params.append(start_day)
    if end_day:
        clauses.append(f"{first_col} <= ?")
        params.append(end_day)
    return clauses, params


def check_text(value: Optional[str], param: str) -> Optional[str]:
    """Free text to match after normalisation; None when empty."""
    if value is None:
        return None
    if len(value) > MAX_TEXT:
        raise FilterError(param, f"longer than {MAX_TEXT} characters")
    form = search_form(value)
    return form or None


def like_pattern(form: str) -> str:
    """A LIKE pattern matching `form` anywhere; its own % _ and \\ are escaped (ESCAPE '\\')."""
    return "%" + form.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%"


@dataclass(frozen=True)
class EventFilter:
    actor: Optional[str] = None       # CAMEO actor code (prefix: SYR matches SYRGOV) of either side
    country: Optional[str] = None     # ISO alpha-3 of either side
    plover: Optional[str] = None
    cameo: Optional[str] = None       # prefix: 19 matches 190..196
    start: Optional[dt.date] = None   # event date (else publication date), inclusive
    end: Optional[dt.date] = None
    outlet: Optional[str] = None      # the article's source, exact
    article: Optional[int] = None     # store id of one article
    every_report: Optional[bool] = None  # True: every report; else one per de-duplicated event

    @classmethod
    def parse(cls, actor=None, country=None, plover=None, cameo=None, start=None, end=None,
              outlet=None, article=None, every_report=None) -> "EventFilter":
        if actor:
            actor = actor.strip().upper()
            if not _ACTOR.match(actor):
                raise FilterError("actor", f"{actor[:40]!r} is not a CAMEO actor code (3-15 letters, e.g. SYRGOV)")
        if plover:
            plover = plover.strip().upper()
            if plover not in PLOVER_TYPES:
                raise FilterError("plover", f"{plover[:40]!r} is not a PLOVER type ({', '.join(PLOVER_TYPES)})")
        if cameo:
            cameo = cameo.strip()
            if not _CAMEO.match(cameo):
                raise FilterError("cameo", f"{cameo[:40]!r} is not a CAMEO event code (2-4 digits)")
        start_day, end_day = check_date(start, "start"), check_date(end, "end")
        if start_day and end_day and start_day > end_day:
            raise FilterError("start", f"{start_day} is after end {end_day}")
        if outlet is not None and len(outlet) > MAX_TEXT:
            raise FilterError("source", f"longer than {MAX_TEXT} characters")
        return cls(actor or None, check_country(country), plover or None, cameo or None,
                   start_day, end_day, outlet or None, article, True if every_report else None)

    def where(self, alias: str = "e") -> tuple[str, list]:
        """SQL condition over the events table (aliased `alias`) and its bound values."""
        a = alias
        clauses, params = [], []
        if self.actor:
            clauses.append(f"({a}.src_actor LIKE ? OR {a}.tgt_actor LIKE ?)")
            params += [self.actor + "%"] * 2
        if self.country:
            clauses.append(f"({a}.src_country = ? OR {a}.tgt_country = ?)")
            params += [self.country] * 2
        if self.plover:
            clauses.append(f"{a}.plover = ?")
            params.append(self.plover)
        if self.cameo:
            clauses.append(f"{a}.cameo LIKE ?")
            params.append(self.cameo + "%")
        if self.start:
            clauses.append(f"{a}.event_date >= ?")
            params.append(self.start)
        if self.end:
            clauses.append(f"{a}.event_date <= ?")
            params.append(self.end)
        if self.outlet:
            clauses.append(f"{a}.outlet = ?")
            params.append(self.outlet)
        if self.article is not None:
            clauses.append(f"{a}.article_id = ?")
            params.append(self.article)
        elif not self.every_report:
            # Reports of one event in several articles count once (hadath.stories);
            # an article's own events are all shown.
            clauses.append(first_reports_only(a))
        return (" AND ".join(clauses) or "TRUE"), params

    def is_empty(self) -> bool:
        """No condition on which events match (every_report only says how to count them)."""
        return not any(getattr(self, f) is not None for f in self.__dataclass_fields__
                       if f != "every_report")
