#!/usr/bin/env bash
# Faults and concurrency against the real binary (see scripts/chaos.py): SIGKILL during
# `ingest` and during `serve`, then writers and readers against `serve`, a full disk, then
# hostile reads (the expensive reads anyone may send, concurrently, while /healthz is timed,
# then SIGTERM with them in flight); then slowloris (scripts/slowloris.py): half-sent
# request heads from several addresses.
#   CHAOS_SECONDS  length of the soak (default 60; CI passes a shorter one)
#   CLAIMGRAPH_BIN the binary to test (default: target/debug/claimgraph, built if missing)
set -euo pipefail
cd "$(dirname "$0")/.."
bin=${CLAIMGRAPH_BIN:-target/debug/claimgraph}
if [ ! -x "$bin" ]; then
  cargo build --locked --bin claimgraph
fi
python3 scripts/chaos.py --bin "$bin" --seconds "${CHAOS_SECONDS:-60}"
python3 scripts/slowloris.py --bin "$bin"
