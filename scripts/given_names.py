#!/usr/bin/env python3
"""Regenerates crates/ingest/data/given_names.tsv.gz, the given-name list the name tagger
reads as a feature.

Sources (see crates/ingest/data/ATTRIBUTION):
  * US Census 1990 first names (public domain), as shipped in the PyPI package `names` 0.3.0
    (files dist.male.first, dist.female.first);
  * Jörg Michael's name dictionary `nam_dict.txt` (GNU FDL 1.2 or later), as shipped in the
    PyPI package `gender-guesser` 0.4.0: about 45,000 given names of 54 countries with their
    frequency per country.

Output: one line per lower-case name, `name<TAB>score<TAB>gender`, score 1..=13: the name's
highest frequency class in any country of the dictionary (13 = very common), or 13 for the
Census's 1,000 most common names of each sex and at least 6 for every Census name.
Gender is `m` or `f` only when it is clearly one sex: every source that lists the name says
so (nam_dict: only M/1M/?M entries, at least one M or 1M, or the same for F; Census: the
other sex's frequency under 5% of this sex's). Everything else, unisex names ("?" in
nam_dict, both sexes common in the Census) and names the sources disagree on, is `u`.

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


# Census: the other sex's share may be at most this fraction of the name's main sex.
CENSUS_MINORITY = 0.05


def census(tmp, scores, genders):
    freq = {"m": {}, "f": {}}
    with tarfile.open(os.path.join(tmp, "names-0.3.0.tar.gz")) as tar:
        for sex, member in (("m", "names-0.3.0/names/dist.male.first"),
                            ("f", "names-0.3.0/names/dist.female.first")):
            text = tar.extractfile(member).read().decode("ascii")
            for line in text.splitlines():
                parts = line.split()
                if len(parts) < 4:
                    continue
                rank = int(parts[3])
                score = 13 if rank <= 1000 else 6
                name = parts[0].lower()
                scores[name] = max(scores.get(name, 0), score)
                freq[sex][name] = float(parts[1])
    for name in set(freq["m"]) | set(freq["f"]):
        m, f = freq["m"].get(name, 0.0), freq["f"].get(name, 0.0)
        if f <= CENSUS_MINORITY * m:
            vote(genders, name, "m")
        elif m <= CENSUS_MINORITY * f:
            vote(genders, name, "f")
        else:
            vote(genders, name, "u")


def vote(genders, name, sex):
    """Records one source's verdict; `gender` later keeps m/f only if every verdict agrees."""
    genders.setdefault(name, set()).add(sex)


def gender(verdicts):
    return next(iter(verdicts)) if len(verdicts) == 1 else "u"


def nam_dict_sex(codes):
    """One verdict from all nam_dict codes of a name: m, f or u."""
    if codes <= {"M", "1M", "?M"} and codes & {"M", "1M"}:
        return "m"
    if codes <= {"F", "1F", "?F"} and codes & {"F", "1F"}:
        return "f"
    return "u"


def nam_dict(tmp, scores, genders):
    wheel = os.path.join(tmp, "gender_guesser-0.4.0-py2.py3-none-any.whl")
    with zipfile.ZipFile(wheel) as z:
        text = z.read("gender_guesser/data/nam_dict.txt").decode("utf-8")
    codes = {}
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
            codes.setdefault(name, set()).add(parts[0])
    for name, c in codes.items():
        vote(genders, name, nam_dict_sex(c))


def main():
    scores, genders = {}, {}
    with tempfile.TemporaryDirectory() as tmp:
        fetch(tmp)
        census(tmp, scores, genders)
        nam_dict(tmp, scores, genders)
    body = "".join(f"{n}\t{s}\t{gender(genders.get(n, {'u'}))}\n"
                   for n, s in sorted(scores.items()) if " " not in n)
    # a fixed mtime keeps the file byte-identical from run to run
    raw = io.BytesIO()
    with gzip.GzipFile(fileobj=raw, mode="wb", mtime=0, compresslevel=9) as gz:
        gz.write(body.encode("utf-8"))
    with open(OUT, "wb") as f:
        f.write(raw.getvalue())
    print(f"{len(body.splitlines())} names -> {os.path.normpath(OUT)}")


if __name__ == "__main__":
    main()
