#!/usr/bin/env python3
"""Derive crates/gazetteer/data/countries.tsv from the `world-countries` package (mledoze/countries).

Repeatable: the same package version gives the same bytes (sorted rows).

    cd /tmp && npm pack world-countries@5.1.0 && tar xzf world-countries-5.1.0.tgz
    python3 scripts/countries.py /tmp/package/countries.json

Data: mledoze/countries, ODbL 1.0; see crates/gazetteer/data/ATTRIBUTION.

Output, UTF-8, tab separated, sorted:
    D  demonym  cc   the English masculine and feminine demonyms ("Danish", "Haitian")
    N  name     cc   other names: common and official names and alternate spellings
                     ("UK", "Ivory Coast", "Czech Republic"), Latin script, without the
                     two-letter code itself (which would make "IT" or "NO" a country),
                     and the few English exonyms of SUPPLEMENT
A name or demonym several countries share ("Congolese") has a row for each; the gazetteer
picks the most populous.
"""
import json
import os
import sys
import unicodedata

HERE = os.path.dirname(os.path.abspath(__file__))
OUT = os.path.join(HERE, "..", "crates", "gazetteer", "data", "countries.tsv")


def is_latin(name):
    """Every letter is Latin script, and there is at least one."""
    letters = [ch for ch in name if ch.isalpha()]
    return bool(letters) and all("LATIN" in unicodedata.name(ch, "") for ch in letters)


def names(c):
    """A country's names other than GeoNames' own: common, official, alternate spellings.
    Inverted catalogue forms ("Korea, Republic of") are no spelling anyone writes; a
    one-word alternate spelling is kept only as an abbreviation ("UK", "DRC"), since the
    others are endonyms and short forms that are also surnames and adjectives ("Mann",
    "Thai")."""
    code = c["cca2"].upper()
    alt = [
        n for n in c.get("altSpellings", [])
        if " " in n.strip() or (n.isupper() and len(n) >= 2)
    ]
    raw = [c["name"]["common"], c["name"]["official"], *alt]
    return {n.strip() for n in raw if n.strip() != code and "," not in n and is_latin(n)}


# English exonyms news writes that the source lacks ("Britain") or keeps only among its
# one-word alternate spellings, which `names` drops as a class ("Burma", "Holland"): each
# checked to be no common English word nor a company's name ("Emirates" is an airline).
SUPPLEMENT = [
    ("Britain", "GB"),
    ("Burma", "MM"),
    ("Holland", "NL"),
    ("Swaziland", "SZ"),
    ("Vatican", "VA"),
]


def rows(countries):
    out = {("N", name, code) for name, code in SUPPLEMENT}
    for c in countries:
        code = c["cca2"].upper()
        eng = c.get("demonyms", {}).get("eng", {})
        for form in ("m", "f"):
            name = (eng.get(form) or "").strip()
            if name:
                out.add(("D", name, code))
        out.update(("N", name, code) for name in names(c))
    return sorted(r for r in out if "\t" not in r[1])


def main():
    if len(sys.argv) != 2:
        sys.exit("usage: countries.py PATH/TO/world-countries/countries.json")
    with open(sys.argv[1], encoding="utf-8") as f:
        countries = json.load(f)
    with open(OUT, "w", encoding="utf-8", newline="\n") as f:
        for kind, name, code in rows(countries):
            f.write(f"{kind}\t{name}\t{code}\n")


if __name__ == "__main__":
    main()
