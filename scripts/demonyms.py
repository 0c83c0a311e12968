#!/usr/bin/env python3
"""Derive crates/gazetteer/data/demonyms.tsv from the `world-countries` package (mledoze/countries).

Repeatable: the same package version gives the same bytes (sorted rows).

    cd /tmp && npm pack world-countries@5.1.0 && tar xzf world-countries-5.1.0.tgz
    python3 scripts/demonyms.py /tmp/package/countries.json

Data: mledoze/countries, ODbL 1.0; see crates/gazetteer/data/ATTRIBUTION.

Output, UTF-8, tab separated, one row per (demonym, country): the English masculine and
feminine demonyms ("Danish", "Haitian") and the ISO 3166 alpha-2 code. A demonym several
countries share ("Congolese") has a row for each; the gazetteer picks the most populous.
"""
import json
import os
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
OUT = os.path.join(HERE, "..", "crates", "gazetteer", "data", "demonyms.tsv")


def rows(countries):
    out = set()
    for c in countries:
        eng = c.get("demonyms", {}).get("eng", {})
        for form in ("m", "f"):
            name = (eng.get(form) or "").strip()
            if name and "\t" not in name:
                out.add((name, c["cca2"].upper()))
    return sorted(out)


def main():
    if len(sys.argv) != 2:
        sys.exit("usage: demonyms.py PATH/TO/world-countries/countries.json")
    with open(sys.argv[1], encoding="utf-8") as f:
        countries = json.load(f)
    with open(OUT, "w", encoding="utf-8", newline="\n") as f:
        for name, code in rows(countries):
            f.write(f"{name}\t{code}\n")


if __name__ == "__main__":
    main()
