#!/usr/bin/env python3
"""Attacks on the standalone jar by a client without credentials, measured (issue 29's figures).

    python3 bench/hostile.py [all|bombs|slow|stuffing|files|faults]

bombs     100 gzip bombs (64 MiB inflated each) and 10 raw 1 GiB bodies, half with credentials:
          each answer's status, the live heap after a full GC before and after, health throughout
slow      300 slow-body connections (one byte every 2 s, each replaced when the mock drops it) for
          30 s beside a health probe every 100 ms and a wrk revoke load; the same load without them
stuffing  10,000 requests naming the demo till with a wrong password: the org's log before and after
files     a state directory the mock creates: the modes, and whether the database holds a value a
          request could replay
faults    100,000 faults in one org: another org's revoke p50, against a mock without them (wrk,
          alternated over 3 rounds)
Needs target/revoke-earn-mock.jar (mvn -B -q package -DskipTests), java with jcmd, and wrk.
The mock runs with -Xmx512m, as the attacks in the issue did.
"""
import gzip
import hashlib
import http.client
import json
import os
import re
import select
import socket
import sqlite3
import statistics
import subprocess
import sys
import tempfile
import threading
import time

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
JAR = os.path.join(ROOT, "target", "revoke-earn-mock.jar")
REVOKE = "/api_gateway/v1/badges/customer/revokeEarn"
TOKEN = "/v3/oauth/token/generate"
DEMO_MD5 = hashlib.md5(b"demo-password").hexdigest()
DEMO_AUTH = "Basic ZGVtby50aWxsOjRiNGQ5NTI5MTQ4ZDhkOTQ0MGQ3ZTIwYzc4Mjg3ZjY5"
DOC_BODY = ('{"badgeMetaId":"653ddb33b3cda7078c7c68e9","customerId":62090013,'
            '"earnedBadgeId":"654cbea06bccde1274b6d3a2"}')


class Mock:
    """The jar on a free port, -Xmx512m."""

    def __init__(self, *args):
        self.proc = subprocess.Popen(
            ["java", "-Xmx512m", "-jar", JAR, "--port", "0", *args],
            stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True)
        for line in self.proc.stdout:
            found = re.search(r"ready at http://127\.0\.0\.1:(\d+)", line)
            if found:
                self.port = int(found.group(1))
                break
        else:
            raise SystemExit("the mock did not start")
        threading.Thread(target=lambda: [None for _ in self.proc.stdout], daemon=True).start()

    def stop(self):
        self.proc.terminate()
        self.proc.wait(30)

    def request(self, method, path, body=None, headers=None, timeout=30):
        conn = http.client.HTTPConnection("127.0.0.1", self.port, timeout=timeout)
        try:
            conn.request(method, path, body=body, headers=headers or {})
            answer = conn.getresponse()
            return answer.status, answer.read()
        finally:
            conn.close()

    def live_heap_mb(self):
        """Heap in use right after a full GC, in MB."""
        subprocess.run(["jcmd", str(self.proc.pid), "GC.run"], capture_output=True, check=True)
        info = subprocess.run(["jcmd", str(self.proc.pid), "GC.heap_info"],
                              capture_output=True, text=True, check=True).stdout
        return int(re.search(r"used (\d+)K", info).group(1)) / 1024


class HealthProbe(threading.Thread):
    """GET /__admin/health every `every` seconds; keeps each latency (ms), or None on failure."""

    def __init__(self, mock, every=0.1):
        super().__init__(daemon=True)
        self.mock, self.every, self.latencies, self.running = mock, every, [], True

    def run(self):
        while self.running:
            start = time.monotonic()
            try:
                status, _ = self.mock.request("GET", "/__admin/health", timeout=10)
                self.latencies.append((time.monotonic() - start) * 1000 if status == 200 else None)
            except OSError:
                self.latencies.append(None)
            time.sleep(self.every)

    def finish(self):
        self.running = False
        self.join()
        ok = [l for l in self.latencies if l is not None]
        failed = len(self.latencies) - len(ok)
        return (f"{len(self.latencies)} probes, {failed} failed, "
                f"max {max(ok):.0f} ms, p50 {statistics.median(ok):.1f} ms")


def raw_status(port, head, body_source, give_up_after):
    """Sends head, then body chunks until the server answers or closes; returns its status line."""
    sock = socket.create_connection(("127.0.0.1", port), timeout=30)
    sent = 0
    try:
        sock.sendall(head)
        for chunk in body_source:
            readable, _, _ = select.select([sock], [], [], 0)
            if readable or sent >= give_up_after:
                break
            try:
                sock.sendall(chunk)
            except OSError:
                break
            sent += len(chunk)
        answer = b""
        while b"\r\n" not in answer:
            part = sock.recv(4096)
            if not part:
                break
            answer += part
        return answer.split(b"\r\n", 1)[0].decode(errors="replace"), sent
    finally:
        sock.close()


def bombs():
    mock = Mock()
    try:
        mock.request("GET", "/__admin/health")
        before = mock.live_heap_mb()
        bomb = gzip.compress(b"\0" * (64 << 20), 9)
        probe = HealthProbe(mock)
        probe.start()
        statuses = {}
        for i in range(100):
            headers = {"Content-Type": "application/json", "Content-Encoding": "gzip"}
            if i % 2:
                headers["Authorization"] = DEMO_AUTH
            status, body = mock.request("POST", TOKEN if i % 2 == 0 else REVOKE, bomb, headers)
            envelope = b'"errors"' in body
            key = f"{status}{' envelope' if envelope else ''}"
            statuses[key] = statuses.get(key, 0) + 1
        raw = {}
        started = time.monotonic()
        for i in range(10):
            auth = f"Authorization: {DEMO_AUTH}\r\n" if i % 2 else ""
            head = (f"POST {REVOKE} HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\n{auth}"
                    f"Content-Length: {1 << 30}\r\n\r\n").encode()
            line, sent = raw_status(mock.port, head, iter(lambda: b"\0" * (1 << 20), None), 1 << 30)
            raw[line] = raw.get(line, 0) + 1
        raw_seconds = time.monotonic() - started
        after = mock.live_heap_mb()
        print(f"bombs: {len(bomb)} bytes each, 64 MiB inflated; answers {statuses}")
        print(f"1 GiB bodies: answers {raw} (10 in {raw_seconds:.1f} s)")
        print(f"live heap after GC: before {before:.1f} MB, after {after:.1f} MB "
              f"(growth {after - before:+.1f} MB)")
        print(f"health during: {probe.finish()}")
    finally:
        mock.stop()


def wrk(port, seconds, connections=8):
    out = subprocess.run(
        ["wrk", "-t2", f"-c{connections}", f"-d{seconds}s", "--latency", "-s",
         os.path.join(ROOT, "bench", "revoke.lua"), f"http://127.0.0.1:{port}", "--", "same"],
        capture_output=True, text=True, check=True).stdout
    rps = float(re.search(r"Requests/sec:\s+([\d.]+)", out).group(1))
    p50 = re.search(r"50%\s+([\d.]+)(us|ms|s)", out)
    scale = {"us": 0.001, "ms": 1, "s": 1000}[p50.group(2)]
    return rps, float(p50.group(1)) * scale


class SlowClients(threading.Thread):
    """Keeps `count` connections open, each trickling one body byte every 2 s."""

    def __init__(self, port, count):
        super().__init__(daemon=True)
        self.port, self.count, self.running, self.replaced = port, count, True, 0

    def open(self):
        sock = socket.create_connection(("127.0.0.1", self.port), timeout=5)
        sock.sendall((f"POST {REVOKE} HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\n"
                      "Content-Length: 100000\r\n\r\n").encode())
        return sock

    def run(self):
        socks = [self.open() for _ in range(self.count)]
        while self.running:
            for i, sock in enumerate(socks):
                try:
                    readable, _, _ = select.select([sock], [], [], 0)
                    if readable:
                        raise OSError("answered")
                    sock.sendall(b" ")
                except OSError:
                    sock.close()
                    socks[i] = self.open()
                    self.replaced += 1
            time.sleep(2)
        for sock in socks:
            sock.close()


def slow():
    mock = Mock()
    try:
        wrk(mock.port, 10)  # warm-up
        quiet_rps, quiet_p50 = wrk(mock.port, 30)
        attack = SlowClients(mock.port, 300)
        attack.start()
        time.sleep(3)
        probe = HealthProbe(mock)
        probe.start()
        busy_rps, busy_p50 = wrk(mock.port, 30)
        health = probe.finish()
        attack.running = False
        attack.join()
        print(f"revokes without slow clients: {quiet_rps:.0f} req/s, p50 {quiet_p50:.2f} ms")
        print(f"revokes beside 300 slow clients: {busy_rps:.0f} req/s, p50 {busy_p50:.2f} ms "
              f"({busy_rps / quiet_rps:.2f} of the throughput; {attack.replaced} slow connections "
              f"dropped by the mock and reopened)")
        print(f"health during: {health}")
    finally:
        mock.stop()


def stuffing():
    mock = Mock()
    try:
        log = "/__admin/revoke-earn/orgs/100737/requests"
        mock.request("POST", REVOKE, DOC_BODY,
                     {"Authorization": DEMO_AUTH, "Content-Type": "application/json"})
        before = mock.request("GET", log)[1]
        import base64
        wrong = "Basic " + base64.b64encode(b"demo.till:" + b"0" * 32).decode()
        conn = http.client.HTTPConnection("127.0.0.1", mock.port, timeout=30)
        statuses = {}
        for _ in range(10_000):
            conn.request("POST", REVOKE, DOC_BODY,
                         {"Authorization": wrong, "Content-Type": "application/json"})
            answer = conn.getresponse()
            answer.read()
            statuses[answer.status] = statuses.get(answer.status, 0) + 1
        conn.close()
        after = mock.request("GET", log)[1]
        print(f"10,000 wrong passwords for demo.till: answers {statuses}; the org's log "
              f"{'unchanged' if before == after else 'CHANGED'} ({len(json.loads(after))} entries)")
    finally:
        mock.stop()


def files():
    with tempfile.TemporaryDirectory() as tmp:
        state = os.path.join(tmp, "new", "state")
        mock = Mock("--state-dir", state)
        try:
            mock.request("POST", REVOKE, DOC_BODY,
                         {"Authorization": DEMO_AUTH, "Content-Type": "application/json"})
            created = json.loads(mock.request("POST", "/__admin/revoke-earn/orgs")[1])
        finally:
            mock.stop()
        modes = {name: oct(os.stat(os.path.join(state, name)).st_mode & 0o777)
                 for name in os.listdir(state)}
        data = open(os.path.join(state, "state.db"), "rb").read()
        created_md5 = hashlib.md5(created["till"]["password"].encode()).hexdigest()
        replayable = [value for value in (DEMO_MD5, created_md5, created["till"]["password"])
                      if value.encode() in data]
        with sqlite3.connect(os.path.join(state, "state.db")) as db:
            tables = [row[0] for row in db.execute("SELECT name FROM sqlite_master WHERE type='table'")]
            till_table = next(t for t in tables if "till" in t)
            columns = [row[1] for row in db.execute(f"PRAGMA table_info({till_table})")]
        print(f"state dir {oct(os.stat(state).st_mode & 0o777)}, files {modes}")
        print(f"{till_table} columns {columns}; header values found in state.db: {replayable or 'none'}")


def faults():
    plain, loaded = Mock(), Mock()
    try:
        created = json.loads(loaded.request("POST", "/__admin/revoke-earn/orgs")[1])
        seed = {"orgs": [{"orgId": created["orgId"], "faults": [
            {"operation": "revokeEarn", "match": {"earnedBadgeId": f"{i:024x}"},
             "fault": {"type": "error", "status": 503}} for i in range(100_000)]}]}
        started = time.monotonic()
        status, body = loaded.request("POST", "/__admin/revoke-earn/seed", json.dumps(seed),
                                      {"Content-Type": "application/json"}, timeout=300)
        print(f"100,000 faults declared in org {created['orgId']} in "
              f"{time.monotonic() - started:.1f} s: {status}")
        if status != 200:
            raise SystemExit(f"the seed of faults was refused: {body[:300]!r}")
        for mock in (plain, loaded):
            wrk(mock.port, 10)
        runs = {"without": [], "with": []}
        for _ in range(3):
            runs["without"].append(wrk(plain.port, 10))
            runs["with"].append(wrk(loaded.port, 10))
        for name, values in runs.items():
            print(f"demo org's revokes, {name} another org's faults: "
                  f"{statistics.median(r for r, _ in values):.0f} req/s, "
                  f"p50 {statistics.median(p for _, p in values):.3f} ms")
        ratio = (statistics.median(p for _, p in runs["with"])
                 / statistics.median(p for _, p in runs["without"]))
        print(f"p50 with / without: {ratio:.2f}")
    finally:
        plain.stop()
        loaded.stop()


if __name__ == "__main__":
    chosen = sys.argv[1] if len(sys.argv) > 1 else "all"
    for name, attack in [("bombs", bombs), ("slow", slow), ("stuffing", stuffing),
                         ("files", files), ("faults", faults)]:
        if chosen in ("all", name):
            print(f"== {name}", flush=True)
            attack()
