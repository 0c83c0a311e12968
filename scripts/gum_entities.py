#!/usr/bin/env python3
"""Compares the extractor's mentions with GUM's named entities, as an error source no
evaluation article is part of.

GUM (see crates/ingest/data/ATTRIBUTION) marks every entity span with its type (person,
place, organization, ...) and, for named ones, a Wikipedia identity. Each document is
rebuilt as a plain article (title, then paragraphs), read by `claimgraph extract`, and
every named GUM entity written as a name (capitalised, not a pronoun or a description) is
matched with the extractor's mention that overlaps it most. A mention wider than the GUM
span (a place inside a body's name) is the nesting both allow and is skipped.

Prints one line per disagreement (GUM's type and identity against the mention's type and
name), the extractor's place mentions that fall on no named GUM entity, and a summary
table. The tagger is trained on GUM's train documents, so figures on them flatter the
tagger; the rules after it have seen none of these texts.

Usage: python3 scripts/gum_entities.py GUM_DIR [DOC ...]
       (GUM_DIR holds GUM_*.conllu; DOCs default to the news, interview, bio, voyage,
       academic and court documents; CLAIMGRAPH names the binary, by default
       target/release/claimgraph)
"""
import collections
import glob
import json
import os
import re
import subprocess
import sys
import tempfile

GENRES = ("news", "interview", "bio", "voyage", "academic", "court")
NOT_NAMES = {"The", "It", "He", "She", "They", "This", "A", "An", "Its", "His", "Her",
             "Their", "Mr.", "Ms.", "Mrs.", "Dr.", "I", "We", "You", "My"}
KINDS = ("person", "place", "organization")


def read_conllu(path):
    """(title, text, [(start, end, type, identity, entity id)]) with character offsets into
    text; mentions of one entity (one coreference chain) share its id."""
    title, parts, ents, open_ents = None, [], [], {}
    length = 0
    # the sentence as written (`# text`) and where its next token starts: GUM's
    # SpaceAfter=No is missing on some tokens ("Lisbon 's"), the sentence's text is not
    sentence, cursor = "", 0

    def add(s):
        nonlocal length
        parts.append(s)
        length += len(s)

    for line in open(path, encoding="utf-8"):
        line = line.rstrip("\n")
        if line.startswith("# meta::title = "):
            title = line.split("= ", 1)[1]
        elif line.startswith("# newpar") and not line.startswith("# newpar_"):
            if length:
                add("\n\n")
        elif line.startswith("# sent_id") and length and not parts[-1].endswith("\n\n"):
            add(" ")
        elif line.startswith("# text = "):
            sentence, cursor = line[len("# text = "):], 0
        elif line and not line.startswith("#"):
            cols = line.split("\t")
            if "-" in cols[0] or "." in cols[0]:
                continue
            start = length
            add(cols[1])
            spec = re.search(r"Entity=([^|]*)", cols[9])
            if spec:
                close_entities(spec.group(1), start, length, open_ents, ents)
            spaced, cursor = space_after(sentence, cursor, cols[1])
            if spaced is None:
                spaced = "SpaceAfter=No" not in cols[9]
            if spaced:
                add(" ")
    return title or "Headline", "".join(parts), ents


def space_after(sentence, cursor, form):
    """(whether the sentence as written has a space after the token `form` found at
    `cursor`, the cursor after it); (None, cursor) when the token is not there or ends the
    sentence, where SpaceAfter decides."""
    at = cursor
    while at < len(sentence) and sentence[at].isspace():
        at += 1
    if not sentence.startswith(form, at):
        return None, cursor
    end = at + len(form)
    if end >= len(sentence):
        return None, end
    return sentence[end].isspace(), end


def close_entities(spec, start, end, open_ents, ents):
    """Opens the entities `spec` starts at this token and closes those it ends."""
    for m in re.finditer(r"\(([^()]*?)(\)?)(?=\(|\)|$)", spec):
        fields = m.group(1).split("-")
        if len(fields) > 1:
            open_ents.setdefault(fields[0], []).append((start, fields))
            if m.group(2):
                s, f = open_ents[fields[0]].pop()
                ents.append((s, end, f[1], f[7] if len(f) > 7 else "", fields[0]))
    for m in re.finditer(r"(?<![(\w-])(\d+)\)", spec):
        if open_ents.get(m.group(1)):
            s, f = open_ents[m.group(1)].pop()
            ents.append((s, end, f[1], f[7] if len(f) > 7 else "", f[0]))


def extracted(binary, gum_dir, doc):
    """(article, GUM's mentions with offsets into it, the extractor's JSON) of one document,
    rebuilt as an article: title, a blank line, the text."""
    title, text, ents = read_conllu(os.path.join(gum_dir, doc + ".conllu"))
    article = f"{title}\n\n{text}"
    offset = len(title) + 2
    with tempfile.NamedTemporaryFile("w", suffix=".txt", encoding="utf-8") as f:
        f.write(article)
        f.flush()
        got = json.loads(subprocess.run([binary, "extract", f.name], check=True,
                                        capture_output=True, text=True).stdout)
    return article, [(s + offset, e + offset, *rest) for s, e, *rest in ents], got


def compare(binary, gum_dir, doc, counts, out):
    article, ents, got = extracted(binary, gum_dir, doc)
    mentions = [(m["start"], m["end"], m["type"], m["name"]) for m in got["mentions"]]
    named = [(s, e, ty, ident.replace("_", " "))
             for s, e, ty, ident, _ in ents if ident and ident != "_"]
    for s, e, ty, ident in named:
        written = article[s:e]
        if ty not in KINDS or not written[:1].isupper() or written.split()[0] in NOT_NAMES:
            continue
        over = [m for m in mentions if m[0] < e and m[1] > s]
        best = max(over, key=lambda m: min(m[1], e) - max(m[0], s), default=None)
        if best and (best[0] < s or best[1] > e) and best[1] - best[0] > e - s:
            continue
        kind = best[2] if best else "none"
        counts[(ty, kind)] += 1
        if kind != ty:
            out.append(f"{doc}\t{ty} {ident!r} [{written}]\t{kind} {best[3] if best else ''!r}")
    for m in mentions:
        if m[2] == "place" and not any(m[0] >= s and m[1] <= e for s, e, _, _ in named):
            counts[("no named entity", "place")] += 1
            out.append(f"{doc}\tno named entity\tplace {m[3]!r} [{article[m[0]:m[1]]}]")


def run(check, heading, usage):
    """Runs `check(binary, gum_dir, doc, counts, out)` over the documents the command line
    names (all of GENRES by default), then prints `out` and the counts under `heading`."""
    if len(sys.argv) < 2:
        sys.exit(usage)
    gum_dir = sys.argv[1]
    docs = sys.argv[2:] or sorted(
        os.path.basename(p)[:-len(".conllu")]
        for p in glob.glob(os.path.join(gum_dir, "GUM_*.conllu"))
        if p.split("GUM_")[-1].split("_")[0] in GENRES)
    binary = os.environ.get("CLAIMGRAPH", "target/release/claimgraph")
    counts, out = collections.Counter(), []
    for doc in docs:
        check(binary, gum_dir, doc, counts, out)
    print("\n".join(out))
    print(f"\n{len(docs)} documents; {heading}: count")
    for (a, b), n in sorted(counts.items()):
        print(f"  {a:16} -> {b:15} {n}")


if __name__ == "__main__":
    run(compare, "GUM type -> mention type", __doc__)
