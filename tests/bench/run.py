#!/usr/bin/env python3
"""make bench: Opastin's performance figures beside their peers (issue 15).

    run.py --opastin PATH --catbench PATH --assets DIR --srcdir DIR --out FILE
           [--quick] [--runs N] [--sessions N] [--only ROW,...]

Starts its own test servers (tests/backend/server.py for the AuroraAI
backend, tests/backend/ptv.py for the register) on 127.0.0.1 with a CA
made for the run, measures each row, and writes a Markdown table to
--out.  Each timed row is the median of interleaved runs (opastin, then
its peer, then opastin again, ...), with the spread as min–max and the
ratio of the medians of the same run.  Standard library only.
"""

import argparse
import datetime
import json
import os
import platform
import re
import shutil
import signal
import socket
import statistics
import subprocess
import sys
import tempfile
import time

sys.dont_write_bytecode = True
sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from pty_harness import Pty, Timeout  # noqa: E402

F1 = b"\x1bOP"
F10 = b"\x1b[21~"
F2 = b"\x1bOQ"
DOWN = b"\x1bOB"
UP = b"\x1bOA"
END = b"\x1bOF"
ENTER = b"\r"
ESC = b"\x1b"

WELCOME = b"F10"                           # the key bar, drawn last
EVENT_Q = b"What has happened in your life?"
REVIEW = b"Check your answers"
RESULTS = b"Services for you"
HELP = b"Opastin \xc2\xb7 Help"
HELP_BAR = b"About the suggestions"  # the help screen's key bar
WAITING = b"Asking the national service recommender"
# The line over the backend's services once its answer is on screen, in
# each language (tests/e2e/backend-flow.sh waits for the same).
ANSWERED = {"en": b"Suggestions from the national",
            "fi": "Ehdotukset ovat kansallisesta".encode(),
            "sv": "Förslag från den nationella".encode()}


# ---- Small statistics --------------------------------------------------

def median(v):
    return statistics.median(v)


def pct(v, p):
    """The p-th percentile (nearest rank) of v."""
    s = sorted(v)
    k = max(0, min(len(s) - 1, int(round(p / 100.0 * len(s) + 0.5)) - 1))
    return s[k]


def spread(v, fmt):
    return "%s–%s" % (fmt(min(v)), fmt(max(v)))


def ms(x):
    return "%.1f ms" % (x * 1000)


def ms2(x):
    return "%.2f ms" % (x * 1000)


def mib(kib):
    return "%.1f MiB" % (kib / 1024.0)


# ---- The machine -------------------------------------------------------

def machine():
    def first(path, key):
        try:
            with open(path) as f:
                for line in f:
                    if line.startswith(key):
                        return line.split(":", 1)[1].strip()
        except OSError:
            pass
        return "?"
    cc = "?"
    try:
        cc = subprocess.run(["cc", "--version"], capture_output=True, text=True).stdout.splitlines()[0]
    except (OSError, IndexError):
        pass
    load = "?"
    try:
        load = " ".join(open("/proc/loadavg").read().split()[:3])
    except OSError:
        pass
    return {
        "nproc": str(os.cpu_count()),
        "cpu": first("/proc/cpuinfo", "model name"),
        "memory": first("/proc/meminfo", "MemTotal"),
        "kernel": platform.release(),
        "compiler": cc,
        "load": load,
    }


# ---- The servers ------------------------------------------------------

class Servers:
    def __init__(self, srcdir, tmp):
        self.srcdir = srcdir
        self.tmp = tmp
        self.certs = os.path.join(tmp, "certs")
        subprocess.run(["sh", os.path.join(srcdir, "tests/backend/mkcerts.sh"), self.certs],
                       check=True)
        self.procs = []

    def _start(self, script, name, args):
        portfile = os.path.join(self.tmp, name + ".port")
        log = os.path.join(self.tmp, name + ".log")
        modefile = os.path.join(self.tmp, name + ".mode")
        open(modefile, "w").close()
        p = subprocess.Popen(
            ["python3", os.path.join(self.srcdir, "tests/backend", script),
             "--cert", os.path.join(self.certs, "server.pem"),
             "--key", os.path.join(self.certs, "server.key"),
             "--port-file", portfile, "--log", log, "--mode-file", modefile] + args,
            stdin=subprocess.DEVNULL, stdout=subprocess.DEVNULL,
            stderr=open(os.path.join(self.tmp, name + ".err"), "w"))
        self.procs.append(p)
        end = time.monotonic() + 120
        while not (os.path.exists(portfile) and os.path.getsize(portfile) > 0):
            if p.poll() is not None or time.monotonic() > end:
                raise RuntimeError("%s did not start: %s" % (
                    script, open(os.path.join(self.tmp, name + ".err")).read()))
            time.sleep(0.05)
        port = int(open(portfile).read().strip())
        return port, log, modefile

    def backend(self):
        port, self.backend_log, self.backend_mode = self._start("server.py", "backend", ["--mode", "ok"])
        self.backend_url = "https://127.0.0.1:%d/service-recommender/v1" % port
        return self.backend_url

    def set_backend_mode(self, mode):
        tmp = self.backend_mode + ".tmp"
        with open(tmp, "w") as f:
            f.write(mode + "\n")
        os.rename(tmp, self.backend_mode)

    def ptv(self, name, nationwide):
        port, log, _ = self._start("ptv.py", name, ["--mode", "ok", "--nationwide", str(nationwide)])
        return "https://127.0.0.1:%d/api/v11" % port

    def stop(self):
        for p in self.procs:
            p.terminate()
        for p in self.procs:
            try:
                p.wait(5)
            except subprocess.TimeoutExpired:
                p.kill()


# ---- The bench --------------------------------------------------------

class Bench:
    def __init__(self, a):
        self.a = a
        self.tmp = tempfile.mkdtemp(prefix="opastin-bench.")
        self.rows = []
        self.notes = []
        self.env = dict(os.environ, TERM="xterm-256color", LC_ALL="C.UTF-8")
        for k in ("LANG", "LANGUAGE", "http_proxy", "https_proxy", "HTTPS_PROXY",
                  "ALL_PROXY", "all_proxy"):
            self.env.pop(k, None)
        self.empty_conf = self.write_conf("empty.conf", [])
        self.srv = Servers(a.srcdir, self.tmp)

    def write_conf(self, name, lines):
        path = os.path.join(self.tmp, name)
        with open(path, "w") as f:
            for l in lines:
                f.write(l + "\n")
        os.chmod(path, 0o600)
        return path

    def opastin(self, *args, conf=None):
        return [self.a.opastin, "--assets", self.a.assets, "--config",
                conf or self.empty_conf, "--lang", "en"] + list(args)

    def row(self, what, value, spread_, peer="", ratio="", goal="", met=""):
        self.rows.append((what, value, spread_, peer, ratio, goal, met))
        print("bench: %s: %s (%s) %s %s %s %s" % (what, value, spread_, peer, ratio, goal, met),
              flush=True)

    # -- flows through the kiosk

    def to_event_question(self, p):
        p.wait_for(WELCOME, 10)
        p.drain(0.02)
        m = p.mark()
        p.send(b"3")
        p.send(ENTER)
        p.wait_for(EVENT_Q, 5, m)
        p.drain(0.02)

    def to_review(self, p, event=b"8"):
        """From the life-event question to the review: Enter on each
        question, after 7 on a meter."""
        m = p.mark()
        p.send(event)
        p.send(ENTER)
        p.drain(0.05)
        for _ in range(40):
            if p.buf.find(REVIEW, m) >= 0:
                p.drain(0.02)
                return
            tail = bytes(p.buf[-2000:])
            if b"0 means" in tail:
                p.send(b"7")
                p.drain(0.03)
            p.send(ENTER)
            p.drain(0.05)
        raise Timeout("the flow did not reach the review")

    def ask(self, p, marker):
        """From the review, ask for the services and wait for marker:
        for the backend's answer on screen, not only for the results
        screen ("Services for you" is its title while it waits too).
        A key pressed before the answer has come would cancel the
        request, and with it close its connection."""
        m = p.mark()
        p.send(END)
        p.drain(0.03)
        p.send(ENTER)
        p.wait_for(marker, 20, m)
        p.drain(0.03)

    # -- rows

    def first_screen(self):
        runs = self.a.runs
        peers = {
            "opastin": (self.opastin("--offline"), WELCOME),
            "curl --version": (["curl", "--version"], None),
            "dialog --menu": (["dialog", "--menu", "Choose your language", "15", "50", "3",
                               "1", "Suomi", "2", "Svenska", "3", "English"], b"Cancel"),
        }
        t = {k: [] for k in peers}
        for _ in range(runs):
            for k, (argv, marker) in peers.items():
                p = Pty(argv, env=self.env)
                if marker is None:
                    t[k].append(p.read_to_end())
                else:
                    t[k].append(p.wait_for(marker))
                p.close()
        o = median(t["opastin"])
        for peer in ("curl --version", "dialog --menu"):
            c = median(t[peer])
            self.row("first screen under a pty, 80×24 (%d runs)" % runs, ms(o),
                     spread(t["opastin"], ms), "%s: %s (%s)" % (peer, ms(c), spread(t[peer], ms)),
                     "%.2f×" % (o / c),
                     "≤ 1.0× curl --version" if peer.startswith("curl") else "",
                     ("yes" if o <= c else "no") if peer.startswith("curl") else "")
        self.first = t

    def session_rss(self):
        url = self.backend_url
        conf = self.write_conf("backend.conf", ["backend_url = " + url,
                                                "ca_file = " + os.path.join(self.srv.certs, "ca.pem"),
                                                "timeout_s = 20"])
        body = os.path.join(self.tmp, "body.json")
        with open(body, "w") as f:
            json.dump({"age": 67, "life_situation_meters": {"finance": [7]},
                       "municipality_code": "179", "session_id": "bench",
                       "service_filters": {"include_national_services": True},
                       "limit": 10}, f)
        runs = max(3, self.a.runs // 4)
        ro, rc = [], []
        for _ in range(runs):
            p = Pty(self.opastin(conf=conf), env=self.env)
            self.to_event_question(p)
            self.to_review(p)
            self.ask(p, ANSWERED["en"])
            _, ru = p.close()
            ro.append(ru.ru_maxrss)
            q = subprocess.Popen(["curl", "-s", "-o", "/dev/null", "--cacert",
                                  os.path.join(self.srv.certs, "ca.pem"), "-X", "POST",
                                  "-H", "Content-Type: application/json",
                                  "--data-binary", "@" + body, url + "/recommend_service"],
                                 env=self.env)
            _, _, ru = os.wait4(q.pid, 0)
            rc.append(ru.ru_maxrss)
        o, c = median(ro), median(rc)
        self.row("peak RSS of a kiosk session with one HTTPS request (%d runs)" % runs,
                 mib(o), spread(ro, mib), "curl POST: %s (%s)" % (mib(c), spread(rc, mib)),
                 "%.2f×" % (o / c), "≤ 1.0× curl's POST", "yes" if o <= c else "no")

    def latency(self):
        conf = self.write_conf("slow.conf", ["backend_url = " + self.backend_url,
                                             "ca_file = " + os.path.join(self.srv.certs, "ca.pem"),
                                             "timeout_s = 120"])
        self.srv.set_backend_mode("stall")  # never answers (60 s); "slow" answers in 2 s
        p = Pty(self.opastin(conf=conf), env=self.env)
        lat = []
        try:
            self.to_event_question(p)
            self.to_review(p)
            p.send(END)
            p.drain(0.03)
            p.send(ENTER)
            p.wait_for(WAITING, 5)
            p.drain(0.05)
            n = self.a.keys
            for i in range(n):
                # F1 opens the help (timed to its key bar), Down and Up
                # scroll it (timed to the first byte of the redraw), Esc
                # closes it (not timed: curses waits ESCDELAY, 25 ms, to
                # tell Esc from the start of an escape sequence).
                p.drain(0.01)
                m = p.mark()
                t0 = p.send(F1)
                p.wait_for(HELP_BAR, 5, m)
                lat.append(time.monotonic() - t0)
                for key in (DOWN, UP):
                    p.drain(0.01)
                    t0 = p.send(key)
                    t1 = p.first_byte(5)
                    if t1 is None:
                        raise Timeout("no redraw after a key in the help")
                    lat.append(t1 - t0)
                p.drain(0.01)
                m = p.mark()
                p.send(ESC)
                p.wait_for(WAITING, 5, m)
        finally:
            p.close()
            self.srv.set_backend_mode("ok")
        self.row("key to screen while a request stalls (backend mode stall), p50 (%d keys: F1, Down, Up in the help)" % len(lat),
                 ms2(median(lat)), spread(lat, ms2))
        p99 = pct(lat, 99)
        self.row("key to screen while a request stalls, p99", ms2(p99), "", "", "", "≤ 5 ms",
                 "yes" if p99 <= 0.005 else "no")

    def bytes_per_key(self):
        n = 11
        p = Pty(self.opastin("--offline"), env=self.env)
        self.to_event_question(p)
        ob = []
        for key in [DOWN] * n + [UP] * n:
            p.send(key)
            got, _ = p.drain(0.05)
            ob.append(got)
        p.close()
        items = []
        for i in range(1, 13):
            items += [str(i), "Life event %d" % i]
        d = Pty(["dialog", "--menu", "What has happened in your life?", "22", "76", "12"] + items,
                env=self.env)
        d.wait_for(b"Cancel")
        d.drain(0.1)
        db = []
        for key in [DOWN] * n + [UP] * n:
            d.send(key)
            got, _ = d.drain(0.05)
            db.append(got)
        d.close()
        o, c = median(ob), median(db)
        self.row("bytes to the terminal per focus move (%d keys)" % len(ob), "%d B" % o,
                 "%d–%d B" % (min(ob), max(ob)),
                 "dialog --menu: %d B (%d–%d B)" % (c, min(db), max(db)), "%.2f×" % (o / c))

    def catalogue(self):
        n = self.a.services
        url = self.srv.ptv("ptv10k", n)
        cache = os.path.join(self.tmp, "cache10k")
        os.mkdir(cache)
        conf = self.write_conf("sync10k.conf", [
            "municipality_code = 179", "ptv_url = " + url,
            "ca_file = " + os.path.join(self.srv.certs, "ca.pem"),
            "cache_dir = " + cache, "timeout_s = 60"])
        subprocess.run([self.a.opastin, "--assets", self.a.assets, "--sync", "--config", conf],
                       stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, check=True)
        self.cache10k = cache
        profile = os.path.join(self.tmp, "family.json")
        with open(profile, "w") as f:
            json.dump({"language": "fi", "municipality_code": "179", "age": 31,
                       "life_events": ["KE1"],
                       "answers": {"ke1-stage": "baby", "ke1-partner": "partner",
                                   "ke1-children": 1, "ke1-help": ["clinic"]}}, f)
        runs = max(3, self.a.runs // 2)
        load, old_load, rank, kib, wall, base = [], [], [], [], [], []
        services = 0
        for _ in range(runs):
            out = subprocess.run([self.a.catbench, self.a.assets, cache, profile, "200"],
                                 capture_output=True, text=True, check=True).stdout
            kv = dict(x.split("=") for x in out.split())
            services = int(kv["services"])
            load.append(float(kv["load_s"]))
            old_load.append(float(kv["jsonl_load_s"]))
            if kv.get("same") != "1":
                raise RuntimeError("catbench: the two caches gave different services: " + out)
            rank.append(float(kv["rank_us_median"]) / 1e6)
            for with_cache, dest in ((True, (wall, kib)), (False, (None, base))):
                argv = [self.a.opastin, "--assets", self.a.assets, "--config", self.empty_conf,
                        "--offline", "--profile", profile, "--format", "json"]
                argv += ["--cache-dir", cache if with_cache else os.path.join(self.tmp, "none")]
                t0 = time.monotonic()
                q = subprocess.Popen(argv, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
                                     env=self.env)
                _, _, ru = os.wait4(q.pid, 0)
                if dest[0] is not None:
                    dest[0].append(time.monotonic() - t0)
                dest[1].append(ru.ru_maxrss)
        self.row("%d-service catalogue: load of the compact cache (cache_load of "
                 "ptv-services.bin, %d runs)" % (services, runs),
                 ms(median(load)), spread(load, ms),
                 "the JSON Lines with jansson, as before (same runs): %s (%s)" % (
                     ms(median(old_load)), spread(old_load, ms)),
                 "%.2f×" % (median(load) / median(old_load)), "≤ 0.3 s",
                 "yes" if median(load) <= 0.3 else "no")
        self.row("%d-service catalogue: peak RSS of --offline --profile --format json" % services,
                 mib(median(kib)), spread(kib, mib),
                 "the same without a cache: %s" % mib(median(base)), "", "≤ 48 MiB",
                 "yes" if median(kib) <= 48 * 1024 else "no")
        self.row("%d-service catalogue: whole batch run, wall time" % services,
                 ms(median(wall)), spread(wall, ms))
        self.row("%d-service catalogue: rank for a profile (median of 200 per run)" % services,
                 ms2(median(rank)), spread(rank, ms2), "", "", "≤ 1 ms",
                 "yes" if median(rank) <= 0.001 else "no")

    def tls(self):
        """A session of three requests, as tests/e2e/backend-flow.sh makes
        them: the results, then F2 twice (asked again in Finnish, then in
        Swedish).  Counted twice: connect() calls to the backend's port
        (strace), and the connections its log names."""
        conf = self.write_conf("tls.conf", ["backend_url = " + self.backend_url,
                                            "ca_file = " + os.path.join(self.srv.certs, "ca.pem"),
                                            "timeout_s = 20"])
        trace = os.path.join(self.tmp, "strace.out")
        port = self.backend_url.split(":")[2].split("/")[0]
        log0 = len(open(self.srv.backend_log, "rb").read().splitlines())
        p = Pty(["strace", "-f", "-qq", "-tt", "-e", os.environ.get("BENCH_STRACE", "trace=connect"), "-o", trace]
                + self.opastin(conf=conf), env=self.env)
        try:
            self.to_event_question(p)
            self.to_review(p)
            self.ask(p, ANSWERED["en"])
            for lang in ("fi", "sv"):
                # Each request is answered and its answer shown before
                # the next key: a session of three whole requests.
                m = p.mark()
                p.send(F2)
                self.wait_log("recommend_service status=200 lang=" + lang, log0)
                p.wait_for(ANSWERED[lang], 20, m)
                p.drain(0.05)
        finally:
            p.close()
        lines = open(self.srv.backend_log, "rb").read().decode("utf-8", "replace").splitlines()[log0:]
        reqs = [l for l in lines if re.match(r"^conn=\d+ POST ", l)]
        conns = {l.split()[0] for l in reqs}
        if os.environ.get("BENCH_DEBUG"):
            print("\n".join(lines)); print(open(trace).read())
        connects = sum(1 for line in open(trace)
                       if "connect(" in line and "htons(%s)" % port in line)
        self.row("TLS handshakes in a session of %d requests (connect() calls, strace; "
                 "connections in the backend's log: %d)" % (len(reqs), len(conns)),
                 str(connects), "", "", "", "1", "yes" if connects == 1 else "no")

    def wait_log(self, text, skip, timeout=10):
        end = time.monotonic() + timeout
        while time.monotonic() < end:
            lines = open(self.srv.backend_log, "rb").read().decode("utf-8", "replace").splitlines()
            if any(text in l for l in lines[skip:]):
                return
            time.sleep(0.02)
        raise Timeout("the backend's log did not say " + text)

    def sessions(self):
        n = self.a.sessions
        p = Pty(self.opastin("--offline"), env=self.env)
        rss = {}
        try:
            p.wait_for(WELCOME, 10)
            p.drain(0.02)
            for i in range(1, n + 1):
                m = p.mark()
                p.send(b"3")
                p.send(ENTER)
                p.wait_for(EVENT_Q, 5, m)
                m = p.mark()
                p.send(b"8")
                p.send(ENTER)
                p.wait_for(b"retire", 5, m)
                for _ in range(2):
                    p.send(ENTER)
                    p.drain(0.005)
                m = p.mark()
                p.send(F10)
                p.wait_for(b"Start over?", 5, m)
                m = p.mark()
                p.send(b"2")
                p.send(ENTER)
                p.wait_for(b"Choose your language", 5, m)
                p.drain(0.005)
                if i in (10, n // 2, n):
                    rss[i] = p.rss_kib()
        finally:
            p.close()
        growth = rss[n] - rss[10]
        self.row("RSS growth over %d kiosk sessions with F10 resets (after 10 → after %d)" % (n, n),
                 "%d KiB" % growth, "%d → %d → %d KiB (at 10, %d, %d)" % (rss[10], rss[n // 2], rss[n],
                                                                       n // 2, n),
                 "", "", "≤ 64 KiB", "yes" if growth <= 64 else "no")

    def sync(self):
        n = self.a.sync_services
        url = self.srv.ptv("ptv5k", n)
        runs = max(3, self.a.runs // 8)
        t, kib, count = [], [], "?"
        for i in range(runs):
            cache = os.path.join(self.tmp, "cache5k.%d" % i)
            os.mkdir(cache)
            conf = self.write_conf("sync5k.conf", [
                "municipality_code = 179", "ptv_url = " + url,
                "ca_file = " + os.path.join(self.srv.certs, "ca.pem"),
                "cache_dir = " + cache, "timeout_s = 60"])
            t0 = time.monotonic()
            q = subprocess.Popen([self.a.opastin, "--assets", self.a.assets, "--sync",
                                  "--config", conf], stdout=subprocess.PIPE,
                                 stderr=subprocess.DEVNULL, env=self.env)
            out = q.stdout.read().decode()
            _, _, ru = os.wait4(q.pid, 0)
            t.append(time.monotonic() - t0)
            kib.append(ru.ru_maxrss)
            m = re.search(r"(\d+) services", out)
            count = m.group(1) if m else "?"
        self.row("sync of %s services from the local PTV test server (%d runs): time" % (count, runs),
                 ms(median(t)), spread(t, ms))
        self.row("sync of %s services: peak RSS" % count, mib(median(kib)), spread(kib, mib))

    # -- the whole

    def run(self):
        only = set(self.a.only.split(",")) if self.a.only else None
        steps = [("first", self.first_screen), ("bytes", self.bytes_per_key),
                 ("session", self.session_rss), ("latency", self.latency),
                 ("tls", self.tls), ("catalogue", self.catalogue),
                 ("sync", self.sync), ("sessions", self.sessions)]
        try:
            if only is None or only & {"session", "latency", "tls"}:
                self.backend_url = self.srv.backend()
            for name, f in steps:
                if only is None or name in only:
                    f()
        finally:
            self.srv.stop()
            shutil.rmtree(self.tmp, ignore_errors=True)

    def write(self, path, m0, m1):
        lines = [
            "# make bench: results",
            "",
            "Written by `make bench` (tests/bench/run.py) on %s." %
            datetime.datetime.now().strftime("%Y-%m-%d %H:%M"),
            "",
            "## The machine",
            "",
            "| | |",
            "|---|---|",
            "| nproc | %s |" % m0["nproc"],
            "| CPU | %s |" % m0["cpu"],
            "| memory | %s |" % m0["memory"],
            "| kernel | %s |" % m0["kernel"],
            "| compiler | %s |" % m0["compiler"],
            "| load average before and after | %s; %s |" % (m0["load"], m1["load"]),
            "",
            "The machine is shared: other builds and tests may run beside the",
            "benchmark, so each figure is a median of interleaved runs, with the",
            "spread (min–max), and a ratio compares medians of the same run.",
            "",
            "## The figures",
            "",
            "| what | Opastin (median) | spread | peer (median, spread) | ratio | goal | met |",
            "|---|---|---|---|---|---|---|",
        ]
        for r in self.rows:
            lines.append("| " + " | ".join(r) + " |")
        lines += [""] + self.notes
        with open(path, "w") as f:
            f.write("\n".join(lines) + "\n")


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--opastin", required=True)
    ap.add_argument("--catbench", required=True)
    ap.add_argument("--assets", required=True)
    ap.add_argument("--srcdir", required=True)
    ap.add_argument("--out", required=True)
    ap.add_argument("--runs", type=int, default=30, help="interleaved runs of a timed row")
    ap.add_argument("--keys", type=int, default=100, help="F1/Enter pairs for the latency")
    ap.add_argument("--sessions", type=int, default=1000)
    ap.add_argument("--services", type=int, default=10400,
                    help="--nationwide of the PTV server for the catalogue rows "
                         "(about 3.5% are left out by the sync: 10400 gives over 10,000)")
    ap.add_argument("--sync-services", type=int, default=5200)
    ap.add_argument("--only", help="a comma list of rows: first,bytes,session,latency,"
                                   "tls,catalogue,sync,sessions")
    ap.add_argument("--quick", action="store_true", help="few runs, for a try")
    a = ap.parse_args()
    if a.quick:
        a.runs, a.keys, a.sessions = 6, 20, 50
    for tool in ("curl", "dialog", "strace"):
        if shutil.which(tool) is None:
            sys.exit("bench: %s is missing (./bootstrap installs it)" % tool)
    a.opastin = os.path.abspath(a.opastin)
    a.catbench = os.path.abspath(a.catbench)
    m0 = machine()
    b = Bench(a)
    b.run()
    b.write(a.out, m0, machine())
    print("bench: wrote %s" % a.out)


if __name__ == "__main__":
    main()
