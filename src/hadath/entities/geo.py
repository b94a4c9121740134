"""Offline geocoding of place names with the project's gazetteer.

`Geocoder.locate` gives {lat, lon, country, kind} for a GPE or LOC name. A name
shared by several places (`طرابلس`: Libya's capital and Lebanon's second city)
is resolved by the countries the article is about; a place is never chosen on
another continent than the article's countries, and unknown names get None.
"""
from __future__ import annotations

from typing import Iterable, Optional

from .gazetteer import GazEntry, Gazetteer

PLACE_TYPES = ("GPE", "LOC")
# Countries, capitals and the places written by hand rank at least this high;
# generated towns rank by population, below it unless they are big cities.
WELL_KNOWN_RANK = 300


class Geocoder:
    def __init__(self, gazetteer: Gazetteer):
        self.gazetteer = gazetteer

    @classmethod
    def load(cls, gazetteer: Optional[Gazetteer] = None) -> "Geocoder":
        return cls(gazetteer or Gazetteer.load())

    def candidates(self, norm_name: str) -> list[GazEntry]:
        """Places with coordinates named `norm_name`, best-ranked first."""
        return [e for e in self.gazetteer.lookup(norm_name) if e.geo and e.type in PLACE_TYPES]

    def locate(self, norm_name: str, context_countries: Iterable[str] = ()) -> Optional[dict]:
        places = self.candidates(norm_name)
        if not places:
            return None
        context = [c for c in context_countries if c]
        entry = self.resolve(places, context)
        return dict(entry.geo) if entry else None

    def resolve(self, places: list[GazEntry], context: list[str]) -> Optional[GazEntry]:
        """The place the article means: one in its countries (the earliest named
        country first), else one on the same continent, else — with no context —
        the best-ranked. Far from the context only a well-known place with a name
        of its own is taken: anything else would be a guess."""
        if not context:
            return places[0]
        for country in context:
            for place in places:
                if place.country == country:
                    return place
        continents = {self.gazetteer.continents.get(c) for c in context} - {None}
        for place in places:
            if self.gazetteer.continents.get(place.country) in continents:
                return place
        # A place without a country (seas, regions spanning several) fits any context.
        for place in places:
            if place.country is None:
                return place
        # Nothing fits: a well-known place is still meant when its name is its own
        # (دمشق in an American story); a name several countries share stays open.
        unique = len({place.country for place in places}) == 1
        return places[0] if unique and places[0].rank >= WELL_KNOWN_RANK else None
