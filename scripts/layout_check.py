#!/usr/bin/env python3
"""The crate layout ARCHITECTURE.md promises, checked: which of our crates each crate may
depend on (what `cargo metadata` shows), no module importing another that imports it back
(`crate::a` in module b and `crate::b` in module a, through any chain), no function over
120 lines and no source file over 800.

Module edges are read from the `crate::<module>` paths a module's own (non-test) code
names, so a cycle through re-exports or `super::` paths of nested modules goes unseen:
the check is a tripwire, not a proof. Exit status 1 on any finding.
"""
import glob
import json
import os
import re
import subprocess
import sys

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))

# crate → the crates of ours it may list under [dependencies] (ARCHITECTURE.md's table)
ALLOWED = {
    "model": set(),
    "gazetteer": {"model"},
    "ingest": {"model", "gazetteer"},
    "graph": {"model", "gazetteer"},
    "store": {"model", "graph"},
    "store-postgres": {"model", "graph"},
    "api": {"model", "graph"},
    "corpus": {"model", "gazetteer"},
    "claimgraph": {"model", "gazetteer", "ingest", "graph", "store", "store-postgres", "api", "corpus"},
}
# crates whose tests may read articles with the extractor: only the binary's (the others
# take hand-made extractions)
READ_IN_TESTS = {"claimgraph"}
MAX_FN_LINES = 120
MAX_FILE_LINES = 800
FN = re.compile(r"\s*(pub(\([^)]*\))?\s+)?(async\s+)?(const\s+)?(unsafe\s+)?fn\s+(\w+)")


def short(name):
    return name.removeprefix("claimgraph-")


def dependency_findings():
    meta = json.loads(subprocess.check_output(
        ["cargo", "metadata", "--format-version", "1", "--no-deps"], cwd=ROOT))
    out = []
    for p in meta["packages"]:
        ours = {short(d["name"]) for d in p["dependencies"]
                if d["name"].startswith("claimgraph") and d["kind"] is None}
        allowed = ALLOWED.get(short(p["name"]))
        if allowed is None:
            out.append(f"{p['name']}: not in the layout table of scripts/layout_check.py")
        elif ours - allowed:
            out.append(f"{p['name']} depends on {sorted(ours - allowed)}, which the layout forbids")
        tests = {short(d["name"]) for d in p["dependencies"] if d["kind"] == "dev"}
        if "ingest" in tests and short(p["name"]) not in READ_IN_TESTS:
            out.append(f"{p['name']}: its tests depend on ingest; only the binary's may")
    return out


def own_code(path):
    """The file's text without its `#[cfg(test)] mod tests { … }` tail."""
    text = open(path, encoding="utf-8").read()
    return re.sub(r"#\[cfg\(test\)\]\s*mod tests \{.*", "", text, flags=re.S)


def cycle_findings(src):
    modules = {}
    for path in glob.glob(os.path.join(src, "**", "*.rs"), recursive=True):
        top = os.path.relpath(path, src).split(os.sep)[0].removesuffix(".rs")
        if top in ("lib", "main") or path.endswith("tests.rs") or os.sep + "tests" + os.sep in path:
            continue
        modules.setdefault(top, []).append(path)
    edges = {m: set() for m in modules}
    for m, paths in modules.items():
        for path in paths:
            for target in re.findall(r"crate::(\w+)", own_code(path)):
                if target in modules and target != m:
                    edges[m].add(target)
    found, seen, stack = [], set(), []

    def visit(m):
        seen.add(m)
        stack.append(m)
        for n in sorted(edges[m]):
            if n in stack:
                found.append(" → ".join(stack[stack.index(n):] + [n]))
            elif n not in seen:
                visit(n)
        stack.pop()

    for m in sorted(modules):
        if m not in seen:
            visit(m)
    return [f"{os.path.relpath(src, ROOT)}: module cycle {c}" for c in found]


def size_findings(src):
    out = []
    for path in sorted(glob.glob(os.path.join(src, "**", "*.rs"), recursive=True)):
        lines = open(path, encoding="utf-8").read().split("\n")
        rel = os.path.relpath(path, ROOT)
        if len(lines) > MAX_FILE_LINES:
            out.append(f"{rel}: {len(lines)} lines (at most {MAX_FILE_LINES})")
        for i, line in enumerate(lines):
            m = FN.match(line)
            if not m or line.rstrip().endswith(";"):
                continue
            depth, opened, j = 0, False, i
            while j < len(lines):
                depth += lines[j].count("{") - lines[j].count("}")
                opened = opened or "{" in lines[j]
                if opened and depth <= 0:
                    break
                j += 1
            if j - i + 1 > MAX_FN_LINES:
                out.append(f"{rel}:{i + 1}: fn {m.group(6)} is {j - i + 1} lines (at most {MAX_FN_LINES})")
    return out


def main():
    findings = dependency_findings()
    for src in sorted(glob.glob(os.path.join(ROOT, "crates", "*", "src"))):
        findings += cycle_findings(src) + size_findings(src)
    for f in findings:
        print(f"layout: {f}")
    if findings:
        sys.exit(1)
    print("layout: crate dependencies as ARCHITECTURE.md lists them; no module cycle; "
          f"no function over {MAX_FN_LINES} lines, no file over {MAX_FILE_LINES}")


if __name__ == "__main__":
    main()
