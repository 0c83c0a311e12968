#!/usr/bin/env python3
"""Regenerates crates/ingest/data/adjectives.txt: English words that are adjectives in
nearly every use, read off GUM's part-of-speech tags (see crates/ingest/data/ATTRIBUTION).

A word is kept when GUM tags it ADJ (UPOS) in at least 90 % of its occurrences, at least
twice, and it is alphabetic. The extractor reads the list where a rule needs to tell a
describing word from a noun or a verb without a parser ("one small village": "one" is
then a determiner, not a count).

Usage: python3 scripts/adjectives.py GUM_DIR   (GUM's CoNLL-U files)
"""
import collections
import glob
import os
import sys

MIN_COUNT = 2
MIN_SHARE = 0.9
OUT = os.path.join(os.path.dirname(__file__), "..", "crates", "ingest", "data", "adjectives.txt")


def main(gum_dir):
    tags = collections.defaultdict(collections.Counter)
    for path in sorted(glob.glob(os.path.join(gum_dir, "*.conllu"))):
        with open(path, encoding="utf-8") as f:
            for line in f:
                cols = line.rstrip("\n").split("\t")
                if len(cols) < 4 or not cols[0].isdigit():
                    continue
                tags[cols[1].lower()][cols[3]] += 1
    words = sorted(
        w for w, c in tags.items()
        if w.isalpha() and sum(c.values()) >= MIN_COUNT and c["ADJ"] / sum(c.values()) >= MIN_SHARE
    )
    with open(OUT, "w", encoding="utf-8") as f:
        f.write("\n".join(words) + "\n")
    print(f"{len(words)} adjectives -> {OUT}")


if __name__ == "__main__":
    main(sys.argv[1] if len(sys.argv) > 1 else "../shared/data/gum")
