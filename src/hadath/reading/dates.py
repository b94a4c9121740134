"""Publication dates as given by inputs: ISO dates, ISO timestamps, RFC 2822."""
from __future__ import annotations

import datetime as dt
from email.utils import parsedate_to_datetime

EARLIEST = dt.date(1900, 1, 1)


def parse_published(value: object, today: dt.date | None = None) -> str:
    """Return YYYY-MM-DD, or raise ValueError saying why the value is not a usable date."""
    if not isinstance(value, str) or not value.strip():
        raise ValueError(f"published must be a date string, not {type(value).__name__}")
    text = value.strip()
    day = _parse(text)
    if day is None:
        raise ValueError(f"published {text[:40]!r} is not a date (expected YYYY-MM-DD)")
    latest = (today or dt.date.today()) + dt.timedelta(days=1)
    if day < EARLIEST or day > latest:
        raise ValueError(f"published {day.isoformat()} is outside {EARLIEST.year}..today")
    return day.isoformat()


def _parse(text: str) -> dt.date | None:
    try:
        return dt.date.fromisoformat(text[:10])
    except ValueError:
        pass
    try:
        return dt.datetime.fromisoformat(text.replace("Z", "+00:00")).date()
    except ValueError:
        pass
    try:
        return parsedate_to_datetime(text).date()
    except (TypeError, ValueError, IndexError):
        return None
