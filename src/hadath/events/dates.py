"""Dates of events, resolved against the publication date.

Handled: `اليوم`، `أمس`، `أول من أمس`، `الليلة الماضية`، weekday names (`اليوم الإثنين`,
`الأحد الماضي`: the last such day on or before publication), explicit dates with the
month names of every Arabic region (يوليو / تموز / جويلية / يوليوز) and Hijri dates.
Vague expressions (`قبل أيام`، `الأسبوع الماضي`، `الشهر الماضي`) give no day, and the
text is then taken as undated: a date is never invented.
"""
from __future__ import annotations

import datetime as dt
import re
from typing import Optional

from ..text.normalize import normalize

_GREGORIAN = {
    1: "يناير كانون الثاني جانفي ينير", 2: "فبراير شباط فيفري", 3: "مارس اذار",
    4: "ابريل نيسان افريل", 5: "مايو ايار ماي", 6: "يونيو حزيران جوان يونيه",
    7: "يوليو تموز جويلية يوليوز يوليه", 8: "اغسطس اب اوت غشت",
    9: "سبتمبر ايلول شتنبر", 10: "اكتوبر تشرين الاول", 11: "نوفمبر تشرين الثاني نونبر",
    12: "ديسمبر كانون الاول دجنبر",
}
# Two-word Levantine names first, so that "كانون الثاني" is not read as a bare "الثاني".
_MONTH_NAMES: dict[str, int] = {}
for _month, _names in _GREGORIAN.items():
    words = _names.split()
    i = 0
    while i < len(words):
        if words[i] in ("كانون", "تشرين"):
            _MONTH_NAMES[normalize(words[i] + " " + words[i + 1])] = _month
            i += 2
        else:
            _MONTH_NAMES[normalize(words[i])] = _month
            i += 1

_HIJRI = ["محرم", "صفر", "ربيع الاول", "ربيع الثاني|ربيع الاخر", "جمادى الاولى",
          "جمادى الثانية|جمادى الاخرة", "رجب", "شعبان", "رمضان", "شوال", "ذو القعدة|ذي القعدة",
          "ذو الحجة|ذي الحجة"]
_HIJRI_NAMES = {normalize(name): i + 1 for i, names in enumerate(_HIJRI) for name in names.split("|")}

_WEEKDAYS = {normalize(n): i for i, n in enumerate(
    ["الإثنين", "الثلاثاء", "الأربعاء", "الخميس", "الجمعة", "السبت", "الأحد"])}
_WEEKDAYS[normalize("الاثنين")] = 0


def _alternation(names) -> str:
    return "|".join(re.escape(n) for n in sorted(names, key=len, reverse=True))


_DAY = r"(?P<day>[0-3]?\d)"
_YEAR = r"(?:\s*(?:عام|سنه)?\s*(?P<year>(?:19|20)\d\d))?"
_GREGORIAN_DATE = re.compile(
    _DAY + r"\s+(?:من\s+)?(?:شهر\s+)?(?P<month>" + _alternation(_MONTH_NAMES) + r")"
    + r"(?:\s*[(/]\s*(?:" + _alternation(_MONTH_NAMES) + r")\s*\)?)?" + _YEAR)
_HIJRI_DATE = re.compile(_DAY + r"\s+(?:من\s+)?(?:شهر\s+)?(?P<month>" + _alternation(_HIJRI_NAMES)
                         + r")(?:\s+(?:عام\s+)?(?P<year>1[34]\d\d))?")
_NUMERIC_DATE = re.compile(r"(?<!\d)(?P<day>[0-3]?\d)[/.-](?P<month>[01]?\d)[/.-](?P<year>(?:19|20)\d\d)(?!\d)")
_WEEKDAY = re.compile(r"(?:^|\s)(?:[وف]?(?:يوم|اليوم|ليل|ليله|مساء|صباح|فجر)\s+)?[وف]?(?P<wd>"
                      + _alternation(_WEEKDAYS) + r")(?P<last>\s+الماضي)?(?=\s|$|[،,.])")
_RELATIVE = [
    (re.compile(r"(?:^|\s)[وف]?(?:اول\s+من\s+امس|اول\s+امس|الليله\s+قبل\s+الماضيه)(?=\s|$|[،,.])"), -2),
    (re.compile(r"(?:^|\s)[وف]?(?:ب?الامس|امس|البارحه|الليله\s+الماضيه|ليل\s+امس|مساء\s+امس)(?=\s|$|[،,.])"), -1),
    (re.compile(r"(?:^|\s)[وف]?اليوم(?=\s|$|[،,.])"), 0),
]


def parse_published(published: Optional[str]) -> Optional[dt.date]:
    if not published:
        return None
    try:
        return dt.date.fromisoformat(published[:10])
    except ValueError:
        return None


def resolve_date(text: str, published: Optional[dt.date]) -> Optional[str]:
    """The date (`YYYY-MM-DD`) that `text` (a clause or sentence) gives for its event,
    or None. Explicit dates need no publication date; relative ones do."""
    norm = normalize(text)
    found = _explicit(norm, published)
    if found:
        return found.isoformat()
    if published is None:
        return None
    m = _WEEKDAY.search(norm)
    if m:
        back = (published.weekday() - _WEEKDAYS[m.group("wd")]) % 7
        if m.group("last") and back == 0:
            back = 7
        return (published - dt.timedelta(days=back)).isoformat()
    for pattern, days in _RELATIVE:
        if pattern.search(norm):
            return (published + dt.timedelta(days=days)).isoformat()
    return None


def _explicit(norm: str, published: Optional[dt.date]) -> Optional[dt.date]:
    m = _GREGORIAN_DATE.search(norm)
    if m:
        return _make(m.group("year"), _MONTH_NAMES[m.group("month")], m.group("day"), published)
    m = _NUMERIC_DATE.search(norm)
    if m:
        return _make(m.group("year"), int(m.group("month")), m.group("day"), published)
    m = _HIJRI_DATE.search(norm)
    if m:
        year = int(m.group("year")) if m.group("year") else None
        if year is None and published is not None:
            year = gregorian_to_hijri(published)[0]
        if year is None:
            return None
        try:
            day = hijri_to_gregorian(year, _HIJRI_NAMES[m.group("month")], int(m.group("day")))
        except ValueError:
            return None
        if not m.group("year") and published and day > published:
            day = hijri_to_gregorian(year - 1, _HIJRI_NAMES[m.group("month")], int(m.group("day")))
        return day
    return None


def _make(year: Optional[str], month: int, day: str, published: Optional[dt.date]) -> Optional[dt.date]:
    if year:
        y = int(year)
    elif published:
        # A month later than publication without a year is last year's.
        y = published.year - (1 if month > published.month + 1 else 0)
    else:
        return None
    try:
        return dt.date(y, month, int(day))
    except ValueError:
        return None


# The tabular (arithmetical) Islamic calendar: within a day or two of the
# observed calendar, which is what a date in a news report allows.
_HIJRI_EPOCH = dt.date(622, 7, 19).toordinal()


def hijri_to_gregorian(year: int, month: int, day: int) -> dt.date:
    if not (1 <= month <= 12 and 1 <= day <= 30):
        raise ValueError("not a Hijri date")
    days = (day + (29 * (month - 1) + month // 2) + (year - 1) * 354
            + (3 + 11 * year) // 30)
    return dt.date.fromordinal(_HIJRI_EPOCH + days - 1)


def gregorian_to_hijri(date: dt.date) -> tuple[int, int, int]:
    days = date.toordinal() - _HIJRI_EPOCH + 1
    year = (30 * days + 10646) // 10631
    month = 1
    while month < 12 and hijri_to_gregorian(year, month + 1, 1) <= date:
        month += 1
    day = date.toordinal() - hijri_to_gregorian(year, month, 1).toordinal() + 1
    return year, month, day
