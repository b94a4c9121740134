"""Events as rows of the GDELT 2.0 event table (tab-separated, 61 columns).

Filled where hadath has the value; left empty otherwise:
- Actor*Code / CountryCode / Type*Code come from the CAMEO actor code
  (SYRGOV: country SYR, type GOV); Actor*Name is the name as written (Arabic).
- ActionGeo_* come from the event's place; ActionGeo_CountryCode stays empty
  because GDELT uses FIPS 10-4 codes there and hadath knows ISO alpha-3.
- NumSources and NumArticles count the outlets and articles that reported the
  event (hadath.stories; 1 until stories are computed); NumMentions counts
  articles too. AvgTone, ADM and feature ids are not computed.
- Negated events ("did not attack") are left out: GDELT records events that happened.
"""
from __future__ import annotations

import datetime as dt
from typing import Iterable, Iterator, Optional

COLUMNS = (
    "GlobalEventID", "Day", "MonthYear", "Year", "FractionDate",
    "Actor1Code", "Actor1Name", "Actor1CountryCode", "Actor1KnownGroupCode", "Actor1EthnicCode",
    "Actor1Religion1Code", "Actor1Religion2Code", "Actor1Type1Code", "Actor1Type2Code", "Actor1Type3Code",
    "Actor2Code", "Actor2Name", "Actor2CountryCode", "Actor2KnownGroupCode", "Actor2EthnicCode",
    "Actor2Religion1Code", "Actor2Religion2Code", "Actor2Type1Code", "Actor2Type2Code", "Actor2Type3Code",
    "IsRootEvent", "EventCode", "EventBaseCode", "EventRootCode", "QuadClass", "GoldsteinScale",
    "NumMentions", "NumSources", "NumArticles", "AvgTone",
    "Actor1Geo_Type", "Actor1Geo_FullName", "Actor1Geo_CountryCode", "Actor1Geo_ADM1Code",
    "Actor1Geo_ADM2Code", "Actor1Geo_Lat", "Actor1Geo_Long", "Actor1Geo_FeatureID",
    "Actor2Geo_Type", "Actor2Geo_FullName", "Actor2Geo_CountryCode", "Actor2Geo_ADM1Code",
    "Actor2Geo_ADM2Code", "Actor2Geo_Lat", "Actor2Geo_Long", "Actor2Geo_FeatureID",
    "ActionGeo_Type", "ActionGeo_FullName", "ActionGeo_CountryCode", "ActionGeo_ADM1Code",
    "ActionGeo_ADM2Code", "ActionGeo_Lat", "ActionGeo_Long", "ActionGeo_FeatureID",
    "DATEADDED", "SOURCEURL",
)

# CAMEO role codes that may follow the country in an actor code.
ROLE_CODES = {"GOV", "MIL", "REB", "OPP", "PTY", "COP", "JUD", "SPY", "MED", "EDU", "BUS", "CRM",
              "CVL", "LAB", "LEG", "REF", "HLH", "ELI", "AGR", "DEV", "HRI", "IGO", "NGO", "NGM",
              "UAF", "SET", "MNC", "IMG", "RAD", "MOD", "INS", "SEP", "ENV", "UIS"}
# GDELT geographic resolution: 1 country, 4 world city, 5 world state/region.
GEO_TYPES = {"country": 1, "city": 4, "town": 4, "village": 4, "capital": 4, "region": 5,
             "state": 5, "province": 5, "governorate": 5}
# The headline and lead: GDELT's "root" events come from the start of the article.
LEAD_CHARACTERS = 300


def actor_parts(code: Optional[str], country: Optional[str]) -> tuple[str, str, list[str]]:
    """(code, country code, up to three role codes) of a CAMEO actor code."""
    if not code:
        return "", country or "", []
    chunks = [code[i:i + 3] for i in range(0, len(code), 3)]
    lead = chunks[0] if chunks and chunks[0] not in ROLE_CODES else None
    roles = [c for c in (chunks[1:] if lead else chunks) if c in ROLE_CODES][:3]
    return code, country or lead or "", roles


def _cell(value) -> str:
    if value is None:
        return ""
    text = str(value)
    return text.replace("\t", " ").replace("\n", " ").replace("\r", " ")


def gdelt_row(event: dict) -> list[str]:
    day: Optional[dt.date] = event["event_date"]
    added: Optional[dt.datetime] = event.get("article_added")
    row: list = []
    if day:
        fraction = day.year + (day.timetuple().tm_yday - 1) / 365.0
        row += [event["id"], day.strftime("%Y%m%d"), day.strftime("%Y%m"), day.year, f"{fraction:.4f}"]
    else:
        row += [event["id"], "", "", "", ""]
    for side in ("src_", "tgt_"):
        code, country, roles = actor_parts(event[side + "actor"], event[side + "country"])
        roles += [""] * (3 - len(roles))
        row += [code, event[side + "name"] or "", country, "", "", "", "", *roles]
    cameo = event["cameo"]
    row += [1 if (event["sentence_start"] or 0) < LEAD_CHARACTERS else 0, cameo, cameo[:3], cameo[:2],
            event["quad_class"], event["goldstein"], event.get("num_articles") or 1,
            event.get("num_sources") or 1, event.get("num_articles") or 1, ""]
    row += [""] * 16  # Actor1Geo_*, Actor2Geo_*: hadath places events, not actors
    if event["lat"] is not None:
        geo_type = GEO_TYPES.get((event.get("location_kind") or "").lower(), 4)
        row += [geo_type, event["location_name"] or "", "", "", "", round(event["lat"], 4),
                round(event["lon"], 4), ""]
    else:
        row += [""] * 8
    row += [added.strftime("%Y%m%d%H%M%S") if added else "", event.get("article_url") or ""]
    return [_cell(v) for v in row]


def gdelt_lines(events: Iterable[dict], header: bool = False) -> Iterator[str]:
    if header:
        yield "\t".join(COLUMNS) + "\n"
    for event in events:
        if event["negated"]:
            continue
        yield "\t".join(gdelt_row(event)) + "\n"
