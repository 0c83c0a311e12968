#!/usr/bin/env python3
"""Checks the speakers the extractor gives its claims against GUM's coreference, as an error
source no evaluation article is part of.

GUM (see crates/ingest/data/ATTRIBUTION) puts every mention of one entity in one
coreference chain, pronouns and descriptions included, and gives named entities their
Wikipedia identity. Each document is rebuilt as a plain article (as `gum_entities.py` does)
and read by `claimgraph extract`; for every claim with a speaker, the GUM mention under the
speaker's words ("he", "the minister", "Ana Ruiz") names the chain, and the chain's names
(its identity and the capitalised mentions in it) say who spoke. The speaker is right when
its last name word is a word of one of those names.

Prints one line per wrong speaker and a table by how the speaker is written (a name, a
pronoun, a description). Claims whose speaker falls on no GUM mention, or on a chain GUM
names nowhere (an unnamed "a resident"), are counted apart: GUM cannot judge them.

Usage: python3 scripts/gum_speakers.py GUM_DIR [DOC ...]
       (CLAIMGRAPH names the binary, by default target/release/claimgraph)
"""
import collections

from gum_entities import extracted, run

PRONOUNS = {"he", "she", "they", "i", "we", "it", "his", "her", "their", "him", "them",
            "you", "me", "us"}


def chain_names(article, mentions):
    """Entity id -> the lower-case words of its names (identity and capitalised mentions)."""
    names = collections.defaultdict(set)
    for s, e, _, ident, chain in mentions:
        if ident and ident != "_":
            names[chain].update(ident.replace("_", " ").lower().split())
        written = article[s:e]
        first = written.split()[0].lower() if written.split() else ""
        if written[:1].isupper() and first not in PRONOUNS and first not in ("the", "a", "an"):
            names[chain].update(w.strip(".,'’").lower() for w in written.split())
    return names


def under(mentions, start, end):
    """The GUM mention that best matches the span: the most overlap, then the shortest."""
    over = [m for m in mentions if m[0] < end and m[1] > start]
    return min(over, key=lambda m: (-(min(m[1], end) - max(m[0], start)), m[1] - m[0]),
               default=None)


def written_as(speaker):
    text = speaker["text"].strip()
    if text.lower() in PRONOUNS:
        return "pronoun"
    if speaker["name"] and speaker["name"].split()[-1] in text:
        return "name"
    return "description"


def check(binary, gum_dir, doc, counts, out):
    article, mentions, got = extracted(binary, gum_dir, doc)
    names = chain_names(article, mentions)
    for claim in got["claims"]:
        speaker = claim.get("speaker")
        if not speaker:
            continue
        how = written_as(speaker)
        gum = under(mentions, speaker["start"], speaker["end"])
        if gum is None:
            counts[(how, "no GUM mention")] += 1
            continue
        known = names.get(gum[4], set())
        if not known:
            counts[(how, "unnamed in GUM")] += 1
            continue
        last = speaker["name"].split()[-1].strip(".,'’").lower() if speaker["name"] else ""
        if last in known:
            counts[(how, "right")] += 1
        else:
            counts[(how, "wrong")] += 1
            out.append(f"{doc}\t{how} [{speaker['text']}] -> {speaker['name']!r}\tGUM: "
                       f"{' '.join(sorted(known))[:60]}\t{claim['text'][:70]}")


if __name__ == "__main__":
    run(check, "speaker written as -> judged by GUM's chains", __doc__)
