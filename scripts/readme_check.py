#!/usr/bin/env python3
"""Runs the README's commands exactly as written, on a clean clone, as a new user would.

The shell blocks under the headings in SECTIONS are read from README.md (so the check
cannot drift from what users are told) and run in order in a fresh `git clone` of HEAD:
a `... -- serve` command is started in the background and waited for on /healthz (a
running server is stopped first: the README's servers share a port); a `curl` must exit 0
and answer a non-empty body that is not an error, and a list answer must have items; any
other command must exit 0 and, when the README shows its output as a `# ...` comment on
the next line, print that line. `ID` in a URL is the id the previous answer gave, as the
README tells the reader: a claim id after `/v1/claims/`, else an entity id.

    python3 scripts/readme_check.py                  # a clean clone of HEAD
    python3 scripts/readme_check.py --test-command   # print the README's test command

The clone builds into this checkout's `target/` (its dependencies are compiled once);
`--fresh-target` gives it a target directory of its own, as on a user's machine (slow: a
full release build).
"""

import argparse
import json
import os
import re
import shlex
import signal
import subprocess
import sys
import tempfile
import time
import urllib.request

SECTIONS = ["Run it", "Load articles and ask questions", "Secure it"]
TEST_SECTION = "Test it"
STARTUP_SECONDS = 1200  # the first `cargo run --release` on a clean clone compiles


def sh_blocks(readme: str) -> dict:
    """Shell blocks by the `## heading` they sit under, each as a list of commands with
    backslash continuations joined and the comment lines that follow each command."""
    blocks, heading, inside, lines = {}, None, False, []
    for line in readme.splitlines():
        if not inside and line.startswith("## "):
            heading = line[3:].strip()
        elif not inside and line.strip() == "```sh":
            inside, lines = True, []
        elif inside and line.strip() == "```":
            inside = False
            blocks.setdefault(heading, []).extend(commands(lines))
        elif inside:
            lines.append(line)
    return blocks


def commands(lines: list) -> list:
    """[(command, [comment lines after it])]: comments before a command are prose."""
    out, pending = [], ""
    for line in lines:
        stripped = line.strip()
        if pending:
            pending += " " + stripped.rstrip("\\").strip()
            if not stripped.endswith("\\"):
                out.append((pending, []))
                pending = ""
        elif stripped.startswith("#"):
            if out and out[-1][1] is not None:
                out[-1][1].append(stripped.lstrip("#").strip())
        elif stripped:
            if stripped.endswith("\\"):
                pending = stripped.rstrip("\\").strip()
            else:
                out.append((stripped, []))
        elif out:
            out[-1] = (out[-1][0], None)  # a blank line ends the comments that belong to it
    return [(cmd, notes or []) for cmd, notes in out]


class Check:
    def __init__(self, clone: str, env: dict):
        self.clone, self.env = clone, env
        self.server = None
        self.last_entity = None
        self.last_claim = None
        self.failures = []

    def fail(self, cmd: str, why: str):
        print(f"FAIL {cmd}\n     {why}", flush=True)
        self.failures.append(cmd)

    def run(self, cmd: str, notes: list):
        if re.search(r"--\s+serve\b", cmd):
            self.serve(cmd)
        elif cmd.startswith("curl "):
            self.curl(cmd)
        else:
            self.plain(cmd, notes)

    def serve(self, cmd: str):
        self.stop()
        addr = re.search(r"--addr\s+(\S+)", cmd)
        port = addr.group(1).rsplit(":", 1)[1] if addr else "8080"
        print(f"run  {cmd}   (in the background)", flush=True)
        log = open(os.path.join(self.clone, "target", "readme-serve.log"), "ab")
        self.server = subprocess.Popen(
            cmd, shell=True, cwd=self.clone, env=self.env, stdout=log, stderr=log,
            start_new_session=True,
        )
        deadline = time.time() + STARTUP_SECONDS
        while time.time() < deadline:
            if self.server.poll() is not None:
                return self.fail(cmd, f"exited with {self.server.returncode} (target/readme-serve.log)")
            try:
                with urllib.request.urlopen(f"http://127.0.0.1:{port}/healthz", timeout=2) as r:
                    if r.status == 200:
                        return
            except OSError:
                time.sleep(1)
        self.fail(cmd, "no answer on /healthz")

    def stop(self):
        if self.server and self.server.poll() is None:
            os.killpg(self.server.pid, signal.SIGTERM)
            try:
                self.server.wait(timeout=30)
            except subprocess.TimeoutExpired:
                os.killpg(self.server.pid, signal.SIGKILL)
                self.fail("serve", "did not stop within 30 s of SIGTERM")
        self.server = None

    def curl(self, cmd: str):
        cmd = self.fill_ids(cmd)
        print(f"run  {cmd}", flush=True)
        done = subprocess.run(cmd, shell=True, cwd=self.clone, env=self.env,
                              capture_output=True, text=True, timeout=120)
        body = done.stdout.strip()
        if done.returncode != 0:
            return self.fail(cmd, f"curl exited with {done.returncode}: {done.stderr.strip()}")
        if not body:
            return self.fail(cmd, "empty answer")
        try:
            answer = json.loads(body)
        except ValueError:
            return
        if isinstance(answer, dict) and isinstance(answer.get("status"), int) and answer["status"] >= 400:
            return self.fail(cmd, f"answered a problem: {body[:300]}")
        items = answer.get("items") if isinstance(answer, dict) else None
        if items is not None and not items:
            return self.fail(cmd, "answered an empty list")
        self.remember(cmd, answer)

    def remember(self, cmd: str, answer):
        first = (answer.get("items") or [answer])[0] if isinstance(answer, dict) else None
        if not isinstance(first, dict) or not isinstance(first.get("id"), int):
            return
        path = cmd.split("?")[0]
        if "/v1/entities" in path:
            self.last_entity = first["id"]
        elif "/v1/claims" in path:
            self.last_claim = first["id"]

    def fill_ids(self, cmd: str) -> str:
        cmd = re.sub(r"/v1/claims/ID\b", lambda _: f"/v1/claims/{self.last_claim}", cmd)
        return re.sub(r"\bID\b", lambda _: str(self.last_entity), cmd)

    def plain(self, cmd: str, notes: list):
        if cmd.startswith("cargo test"):
            print(f"skip {cmd}   (CI runs the README's test command as its own step)")
            return
        print(f"run  {cmd}", flush=True)
        done = subprocess.run(cmd, shell=True, cwd=self.clone, env=self.env,
                              capture_output=True, text=True, timeout=STARTUP_SECONDS)
        if done.returncode != 0:
            return self.fail(cmd, f"exited with {done.returncode}: {done.stderr.strip()[-600:]}")
        shown = [n for n in notes if n]
        printed = (done.stdout + done.stderr).splitlines()
        for note in shown[:1]:
            if not any(line.strip() == note for line in printed):
                self.fail(cmd, f"the README shows {note!r}; it printed {printed[-3:]!r}")


def test_command(readme: str) -> str:
    tests = sh_blocks(readme).get(TEST_SECTION, [])
    if len(tests) != 1:
        sys.exit(f"README's '{TEST_SECTION}' must hold exactly one command, found {len(tests)}")
    return tests[0][0]


def main():
    args = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    args.add_argument("--test-command", action="store_true", help="print the README's test command")
    args.add_argument("--fresh-target", action="store_true", help="build the clone in its own target dir")
    opts = args.parse_args()
    repo = os.path.abspath(os.path.join(os.path.dirname(__file__), ".."))
    readme = open(os.path.join(repo, "README.md"), encoding="utf-8").read()
    if opts.test_command:
        print(test_command(readme))
        return
    blocks = sh_blocks(readme)
    missing = [s for s in SECTIONS if not blocks.get(s)]
    if missing:
        sys.exit(f"README has no shell block under {missing}")
    with tempfile.TemporaryDirectory(prefix="readme-check-") as tmp:
        clone = os.path.join(tmp, "claimgraph")
        subprocess.run(["git", "clone", "-q", repo, clone], check=True)
        os.makedirs(os.path.join(clone, "target"), exist_ok=True)
        env = dict(os.environ)
        for var in [v for v in env if v.startswith("CLAIMGRAPH_")]:
            del env[var]
        if not opts.fresh_target:
            env["CARGO_TARGET_DIR"] = os.path.join(repo, "target")
        check = Check(clone, env)
        try:
            for section in SECTIONS:
                print(f"== {section}", flush=True)
                for cmd, notes in blocks[section]:
                    check.run(cmd, notes)
        finally:
            check.stop()
    if check.failures:
        sys.exit(f"{len(check.failures)} README command(s) failed")
    print("every README command worked as written")


if __name__ == "__main__":
    main()
