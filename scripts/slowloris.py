#!/usr/bin/env python3
"""Slowloris against the real claimgraph binary.

Clients on four loopback addresses open --per-address connections each and trickle half a
request head into them, a byte every half second, never finishing it; `serve` runs with a
low open-file limit, as a small container would. The server must

1. keep answering other clients meanwhile (`GET /healthz`, a `POST /v1/articles`) and never
   run out of file descriptors,
2. hold no more of the attackers' connections than its per-address limit allows,
3. close every connection whose head is unfinished within --header-timeout (plus slack),
   however slowly it trickles,
4. and log no accept error.

The limits are given as CLAIMGRAPH_* variables, so a binary without the flags still starts
and shows the defect rather than a usage error. Loopback traffic only; every wait is
bounded. Exits non-zero on the first broken promise.
"""

import argparse
import http.client
import os
import resource
import signal
import socket
import subprocess
import sys
import tempfile
import threading
import time

ATTACKERS = ["127.0.0.2", "127.0.0.3", "127.0.0.4", "127.0.0.5"]
PARTIAL_HEAD = b"GET /v1/claims?q=harbour HTTP/1.1\r\nHost: 127.0.0.1\r\nX-Slow: "
SLACK = 3.0


def fail(msg):
    print(f"slowloris: FAIL: {msg}", flush=True)
    sys.exit(1)


def say(msg):
    print(f"slowloris: {msg}", flush=True)


def free_port():
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def request(port, method, path, body=None, timeout=10):
    c = http.client.HTTPConnection("127.0.0.1", port, timeout=timeout)
    try:
        headers = {"content-type": "text/plain; charset=utf-8"} if body is not None else {}
        c.request(method, path, body=body.encode() if body is not None else None, headers=headers)
        res = c.getresponse()
        return res.status, res.read()
    finally:
        c.close()


def open_fds(pid):
    try:
        return len(os.listdir(f"/proc/{pid}/fd"))
    except OSError:
        return -1


class Server:
    def __init__(self, binary, db, log, args):
        self.port = free_port()
        env = {k: v for k, v in os.environ.items() if not k.startswith("CLAIMGRAPH_")}
        env.update(
            CLAIMGRAPH_HEADER_READ_TIMEOUT=str(args.header_timeout),
            CLAIMGRAPH_MAX_CONNECTIONS=str(args.max_connections),
            CLAIMGRAPH_MAX_CONNECTIONS_PER_IP=str(args.max_per_address),
        )
        nofile = args.nofile

        def low_fd_limit():
            resource.setrlimit(resource.RLIMIT_NOFILE, (nofile, nofile))

        self.proc = subprocess.Popen(
            [binary, "serve", "--db", db, "--addr", f"127.0.0.1:{self.port}"],
            stdout=subprocess.DEVNULL,
            stderr=log,
            env=env,
            preexec_fn=low_fd_limit,
        )
        deadline = time.monotonic() + 60
        while time.monotonic() < deadline:
            if self.proc.poll() is not None:
                fail(f"serve exited early with {self.proc.returncode}")
            try:
                if request(self.port, "GET", "/healthz")[0] == 200:
                    return
            except OSError:
                pass
            time.sleep(0.05)
        fail("serve never became healthy")

    def kill(self):
        if self.proc.poll() is None:
            self.proc.kill()
            self.proc.wait()

    def stop(self):
        self.proc.send_signal(signal.SIGTERM)
        try:
            code = self.proc.wait(timeout=30)
        except subprocess.TimeoutExpired:
            self.proc.kill()
            self.proc.wait()
            fail("serve ignored SIGTERM")
        if code != 0:
            fail(f"serve exited {code} on SIGTERM")


class Attack:
    """Half-head connections, trickled a byte at a time until the server closes them."""

    def __init__(self, port, per_address):
        self.socks = []
        self.closed_at = {}
        self.lock = threading.Lock()
        self.thread = threading.Thread(target=self.trickle, daemon=True)
        self.stop = threading.Event()
        deadline = time.monotonic() + 15
        for address in ATTACKERS:
            for _ in range(per_address):
                if time.monotonic() > deadline:
                    self.close()
                    fail(f"serve stopped accepting: {len(self.socks)} connections in 15 s")
                s = socket.socket()
                s.bind((address, 0))
                s.settimeout(1)
                try:
                    s.connect(("127.0.0.1", port))
                    s.sendall(PARTIAL_HEAD)
                except OSError:
                    self.closed_at[s] = time.monotonic()
                # from here on every call returns at once: BlockingIOError means "open"
                s.setblocking(False)
                self.socks.append(s)
        self.started = time.monotonic()
        self.thread.start()

    def trickle(self):
        while not self.stop.wait(0.5):
            for s in self.open():
                if self.server_closed(s):
                    continue
                try:
                    s.send(b"a")
                except BlockingIOError:
                    pass
                except OSError:
                    self.mark(s)

    def server_closed(self, s):
        """True once the server has closed `s`: EOF, a reset, or an answer (a refusal, the
        only one a head that never ends can get) mean it is done with the connection."""
        try:
            s.recv(4096)
        except BlockingIOError:
            return False
        except OSError:
            pass
        self.mark(s)
        return True

    def sweep(self):
        for s in self.open():
            self.server_closed(s)

    def mark(self, s):
        with self.lock:
            self.closed_at.setdefault(s, time.monotonic())

    def open(self):
        with self.lock:
            return [s for s in self.socks if s not in self.closed_at]

    def wait_all_closed(self, seconds):
        deadline = self.started + seconds
        while time.monotonic() < deadline:
            if not self.open():
                return True
            time.sleep(0.1)
        return not self.open()

    def close(self):
        self.stop.set()
        if self.thread.is_alive():
            self.thread.join(timeout=5)
        for s in self.socks:
            s.close()


def main():
    p = argparse.ArgumentParser()
    p.add_argument("--bin", required=True)
    p.add_argument("--header-timeout", type=int, default=2)
    p.add_argument("--per-address", type=int, default=120)
    p.add_argument("--max-connections", type=int, default=200)
    p.add_argument("--max-per-address", type=int, default=32)
    p.add_argument("--nofile", type=int, default=256)
    args = p.parse_args()
    binary = os.path.abspath(args.bin)
    soft, hard = resource.getrlimit(resource.RLIMIT_NOFILE)
    need = len(ATTACKERS) * args.per_address + 64
    if soft < need:
        resource.setrlimit(resource.RLIMIT_NOFILE, (min(need, hard), hard))
    with tempfile.TemporaryDirectory(prefix="claimgraph-slowloris-") as work:
        log_path = os.path.join(work, "serve.log")
        with open(log_path, "w") as log:
            try:
                run(binary, os.path.join(work, "slow.db"), log, args)
            except SystemExit:
                log.flush()
                with open(log_path) as f:
                    tail = f.read()[-3000:]
                print(f"slowloris: serve log tail:\n{tail}", flush=True)
                raise
        with open(log_path) as f:
            if "Too many open files" in f.read():
                fail("serve ran out of file descriptors")
    say("all checks passed")


def run(binary, db, log, args):
    server = Server(binary, db, log, args)
    try:
        slowloris(server, args)
    finally:
        server.kill()


def slowloris(server, args):
    total = len(ATTACKERS) * args.per_address
    say(
        f"{total} half-head connections from {len(ATTACKERS)} addresses against serve "
        f"(open files {args.nofile}, header timeout {args.header_timeout} s, "
        f"{args.max_per_address} per address, {args.max_connections} in all)"
    )
    began = time.monotonic()
    attack = Attack(server.port, args.per_address)
    say(f"   connected in {time.monotonic() - began:.1f} s")
    try:
        time.sleep(1.0)
        fds = open_fds(server.proc.pid)
        attack.sweep()
        held = attack.open()
        bound = len(ATTACKERS) * args.max_per_address
        if len(held) > bound:
            fail(f"{len(held)} attacker connections still open after 1 s, limit {bound}")
        say(f"   attackers hold {len(held)} connections (limit {bound}); serve has {fds} open files")
        status, _ = request(server.port, "GET", "/healthz")
        if status != 200:
            fail(f"/healthz answered {status} during the attack")
        status, body = request(
            server.port,
            "POST",
            "/v1/articles",
            "Harbour notice\n\u201cThe ferry runs again on Monday,\u201d harbour master Tamsin Ollerby said.",
        )
        if status not in (200, 201):
            fail(f"POST /v1/articles answered {status} during the attack: {body[:200]!r}")
        say("   /healthz and a POST answered normally during the attack")
        limit = args.header_timeout + SLACK
        if not attack.wait_all_closed(limit):
            fail(f"{len(attack.open())} of {total} half-head connections still open after {limit} s")
        last = max(attack.closed_at.values()) - attack.started
        say(f"   every half-head connection closed, the last after {last:.1f} s")
    finally:
        attack.close()
    status, _ = request(server.port, "GET", "/healthz")
    if status != 200:
        fail(f"/healthz answered {status} after the attack")
    server.stop()


if __name__ == "__main__":
    main()
