#!/usr/bin/env python3
"""A local stand-in for the PTV Open API v11 (the national service
register), for tests.

Standard library only.  It listens on 127.0.0.1 on a free port, speaks
HTTPS with the test CA's certificate (or plain HTTP with --insecure-http),
keeps connections alive, and answers the read-only calls a sync makes,
in the register's shapes, from invented data (ptvdata.py beside it):

    ptv.py --cert FILE --key FILE --port-file FILE --log FILE
           [--mode MODE] [--mode-file FILE] [--insecure-http]
           [--nationwide N] [--seed S] [--page-size N] [--data FILE]

See README.md beside this file ("PTV test server") for the calls, the
modes, the data and the log format.
"""

import argparse
import datetime
import json
import math
import os
import re
import select
import signal
import ssl
import sys
import threading
import time
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from urllib.parse import parse_qs, urlsplit

sys.dont_write_bytecode = True
sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import ptvdata  # noqa: E402

BASE = "/api/v11"
MAX_GUIDS = 100
SLOW_SECONDS = 60          # "slow": nothing at all for this long
TRICKLE_SECONDS = 120      # "slow-body": gives up after this long
TRICKLE_BYTES = 64         # ... sending this many bytes a second
OVERSIZE_BYTES = 52 << 20  # "oversize": a body of this size, streamed
IDLE_TIMEOUT = 30
HANDSHAKE_TIMEOUT = 10
HUGE_PAGE_COUNT = 2147483647

SIMPLE_MODES = ("ok", "changed", "hostile", "503-once", "slow", "slow-body", "truncated",
                "oversize", "oversize-chunked", "bad-json", "fail-channels")
WRONG_SHAPES = ("string", "negative", "huge", "types")

GUID_RE = re.compile(r"^[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}$")
GUID_MSG = "Guid should contain 32 digits with 4 dashes (xxxxxxxx-xxxx-xxxx-xxxx-xxxxxxxxxxxx)."
AREA_CODE_RE = re.compile(r"^[0-9]{1,6}$")
DATE_RE = re.compile(r"^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}$")

ROUTE_AREA = re.compile(r"^%s/(Service|ServiceChannel)/list/area/([^/]*)/code/([^/]*)$" % BASE, re.I)
ROUTE_GUIDS = re.compile(r"^%s/(Service|ServiceChannel)/list$" % BASE, re.I)
ROUTE_DATE = re.compile(r"^%s/(Service|ServiceChannel)$" % BASE, re.I)
ROUTE_ID = re.compile(r"^%s/(Service|ServiceChannel)/([^/]+)$" % BASE, re.I)


def parse_mode(text):
    """A mode line -> set of (name, arg), or None when it is not valid.
    Several modes go together separated by commas: "changed,fail-page:3"."""
    out = set()
    for part in (text or "").split(","):
        part = part.strip()
        if part in SIMPLE_MODES:
            out.add((part, None))
        elif part == "wrong-shape":
            out.add(("wrong-shape", "string"))
        elif part.startswith("wrong-shape:") and part[12:] in WRONG_SHAPES:
            out.add(("wrong-shape", part[12:]))
        elif re.fullmatch(r"fail-page:[1-9][0-9]{0,5}", part):
            out.add(("fail-page", int(part[10:])))
        else:
            return None
    return out or None


def dumps(obj):
    return json.dumps(obj, ensure_ascii=False, separators=(",", ":")).encode("utf-8")


def municipalities_of(item):
    """None for a nationwide item, else the municipality codes it serves."""
    if item.get("areaType") in ("Nationwide", "NationwideExceptAlandIslands"):
        return None
    codes = set()
    for a in item.get("areas") or []:
        for m in a.get("municipalities") or []:
            codes.add(m.get("code"))
    return codes


def in_area(munis, kind, code):
    col = {"Province": 2, "HospitalRegions": 3, "BusinessRegions": 4}.get(kind)
    if col is None:
        return code in munis
    return any(ptvdata.MUNICIPALITIES.get(m, ("",) * 5)[col] == code for m in munis)


def known_area(kind, code):
    col = {"Municipality": None, "Province": 2, "HospitalRegions": 3, "BusinessRegions": 4}[kind]
    if col is None:
        return code in ptvdata.MUNICIPALITIES
    return any(m[col] == code for m in ptvdata.MUNICIPALITIES.values())


class Variant:
    """One state of the register: the items, encoded once, and indexes."""

    def __init__(self, data, archived=(), reuse=None):
        self.lists = {}
        self.cache = {}
        self.lock = threading.Lock()
        self.archived = list(archived)
        for which, key in (("Service", "services"), ("ServiceChannel", "channels")):
            items = data[key]
            objs, enc, order, munis, info = {}, {}, [], {}, {}
            old = reuse.lists[which] if reuse else None
            for it in items:
                i = it["id"]
                objs[i] = it
                if old and old["objs"].get(i) is it:
                    enc[i] = old["enc"][i]
                else:
                    enc[i] = dumps(it)
                order.append(i)
                munis[i] = municipalities_of(it)
                info[i] = (it.get("modified") or "", ptvdata.fi_name(it))
            self.lists[which] = {"objs": objs, "enc": enc, "order": order,
                                 "munis": munis, "info": info}

    def area_ids(self, which, kind, code, whole):
        key = (which, kind, code, whole)
        with self.lock:
            got = self.cache.get(key)
        if got is None:
            L = self.lists[which]
            got = [i for i in L["order"]
                   if (L["munis"][i] is None and whole)
                   or (L["munis"][i] is not None and in_area(L["munis"][i], kind, code))]
            with self.lock:
                self.cache[key] = got
        return got

    def changed_since(self, which, date, status):
        if status == "Withdrawn":
            return []
        if status == "Archived":
            rows = [(a.get("modified") or "", a["id"], ptvdata.fi_name(a)) for a in self.archived
                    if which == "Service"]
        else:
            L = self.lists[which]
            rows = [(L["info"][i][0], i, L["info"][i][1]) for i in L["order"]]
        if date is not None:
            # "2026-12-03T10:00:00.5" is after "2026-12-03T10:00:00"
            rows = [r for r in rows if r[0] > date]
        rows.sort()
        return [dumps({"id": i, "name": n}) for _, i, n in rows]


class Doc:
    """An answer before delivery: a page or an array (kept in parts, so
    that the fault modes can reshape them), one object, or a raw body
    (errors, and wrong shapes)."""

    def __init__(self, status, kind, items=None, obj=None, page=None):
        self.status, self.kind = status, kind
        self.items, self.obj, self.page = items or [], obj, page

    @staticmethod
    def error(status, body):
        return Doc(status, "raw", obj=dumps(body))

    def count(self):
        return len(self.items) if self.kind in ("page", "array") else None

    def prefix_suffix(self):
        if self.kind == "page":
            n, size, count = self.page
            return (b'{"pageNumber":%d,"pageSize":%d,"pageCount":%d,"itemList":['
                    % (n, size, count), b"]}")
        return b"[", b"]"

    def render(self):
        if self.kind in ("page", "array"):
            pre, post = self.prefix_suffix()
            return pre + b",".join(self.items) + post
        return self.obj


def wrong_shape(doc, how):
    """Valid JSON of the wrong shape."""
    if doc.kind == "raw":
        return doc
    if how == "string":
        if doc.kind == "page":
            n, size, count = doc.page
            return Doc(200, "raw", obj=dumps({"pageNumber": n, "pageSize": size,
                                                "pageCount": count, "itemList": "itemList"}))
        if doc.kind == "array":
            return Doc(200, "raw", obj=dumps({"itemList": "not an array"}))
        return Doc(200, "raw", obj=b"[" + doc.obj + b"]")
    if how in ("negative", "huge"):
        if doc.kind == "page":
            n, size, _ = doc.page
            return Doc(200, "page", items=doc.items,
                       page=(n, size, -1 if how == "negative" else HUGE_PAGE_COUNT))
        return doc
    # "types": every other item has fields of the wrong types.
    bad = dumps({"id": 42, "serviceNames": "WRONGTYPE", "serviceChannelNames": {"fi": "WRONGTYPE"},
                 "serviceChannelType": ["Phone"], "phoneNumbers": {"number": 401790001},
                 "addresses": "WRONGTYPE", "serviceHours": [{"openingHour": [{"from": 8}]}],
                 "areaType": None, "areas": "Municipality", "serviceClasses": [{"code": 5.2}],
                 "lifeEvents": [None], "targetGroups": [[]], "modified": 20261203,
                 "serviceChannels": [{"serviceChannel": "7e57"}]})
    if doc.kind in ("page", "array"):
        items = []
        for i, it in enumerate(doc.items):
            items.append(it)
            if i % 2 == 0:
                items.append(bad)
        items += [b"null", b"17", b'"WRONGTYPE"']
        return Doc(200, doc.kind, items=items, page=doc.page)
    return Doc(200, "raw", obj=bad)


class State:
    def __init__(self, args, base):
        self.args = args
        self.lock = threading.Lock()
        self.conn_seq = 0
        self.base = base
        self.base_data = None
        self.variants = {}
        self.seen_503 = set()
        self.log_fd = os.open(args.log, os.O_WRONLY | os.O_APPEND | os.O_CREAT, 0o644)

    def log(self, line):
        with self.lock:
            os.write(self.log_fd, (line + "\n").encode("utf-8", "backslashreplace"))

    def mode(self):
        if self.args.mode_file:
            try:
                with open(self.args.mode_file, encoding="utf-8") as f:
                    m = parse_mode(f.readline().strip())
                if m:
                    return m
            except OSError:
                pass
        return parse_mode(self.args.mode)

    def variant(self, modes):
        names = {m for m, _ in modes}
        want = "hostile" if "hostile" in names else "changed" if "changed" in names else "base"
        if want == "base":
            return self.base
        with self.lock:
            v = self.variants.get(want)
            if v is None:
                if want == "changed":
                    # The edit happens when the server first answers in
                    # this mode, so that a sync before it sees none.
                    when = datetime.datetime.now(datetime.timezone.utc).strftime(
                        "%Y-%m-%dT%H:%M:%S.%f")
                    data, archived = ptvdata.apply_changes(self.base_data, when)
                    v = Variant(data, archived, reuse=self.base)
                else:
                    v = Variant(ptvdata.make_hostile(self.base_data), self.base.archived,
                                reuse=self.base)
                self.variants[want] = v
        return v


def printable(s):
    return "".join(c if c.isprintable() and c != "\\" else "\\x%02x" % ord(c) if ord(c) < 256
                   else "\\u%04x" % ord(c) for c in s)


def bad_request(field, message):
    return Doc.error(400, {field: [message]})


def page_number(q):
    raw = q.get("page", [None])[0]
    if raw is None or raw == "":
        return 1, None
    try:
        n = int(raw)
    except ValueError:
        return None, bad_request("page", "The value '%s' is not valid for page." % raw)
    if n < 0:
        return None, bad_request("page", "The page number cannot be negative value.")
    return max(n, 1), None


def paged(items, n, size):
    count = math.ceil(len(items) / size)
    return Doc(200, "page", items=items[(n - 1) * size:n * size], page=(n, size, count))


class Handler(BaseHTTPRequestHandler):
    protocol_version = "HTTP/1.1"
    server_version = "opastin-test-ptv/1"
    sys_version = ""
    timeout = IDLE_TIMEOUT

    def log_message(self, fmt, *args):  # quiet
        pass

    def version_string(self):
        return self.server_version

    @property
    def st(self):
        return self.server.state

    def conn_no(self):
        return self.client_address[2]

    def log_request_line(self, status, items=None):
        self.st.log("conn=%d %s %s status=%s items=%s" % (
            self.conn_no(), self.command, printable(self.path), status,
            "-" if items is None else items))

    # -- routing ---------------------------------------------------------

    def not_found(self):
        try:
            n = int(self.headers.get("Content-Length") or 0)
        except ValueError:
            n = 0
        if 0 < n <= 1 << 20:
            self.rfile.read(n)
        elif n:
            self.close_connection = True
        doc = Doc.error(404, {"errorMessage": "Not found."})
        self.log_request_line(404)
        self.send_doc(doc, set())

    do_HEAD = do_POST = do_PUT = do_DELETE = do_PATCH = do_OPTIONS = not_found

    def do_GET(self):
        try:
            self.serve()
        except (BrokenPipeError, ConnectionResetError, ssl.SSLError, TimeoutError, OSError):
            self.close_connection = True

    def serve(self):
        st = self.st
        modes = st.mode() or {("ok", None)}
        names = {m for m, _ in modes}
        target = self.path
        parts = urlsplit(target)
        path = parts.path.rstrip("/") or "/"
        q = {k.lower(): v for k, v in parse_qs(parts.query, keep_blank_values=True).items()}

        if "503-once" in names:
            with st.lock:
                first = target not in st.seen_503
                st.seen_503.add(target)
            if first:
                self.finish_doc(Doc.error(503, {"errorMessage": "Service unavailable (test: 503-once)."}),
                                set())
                return

        doc = self.route(path, q, modes)
        if doc.status == 200:
            for m, arg in modes:
                if m == "wrong-shape":
                    doc = wrong_shape(doc, arg)
        self.finish_doc(doc, modes)

    def route(self, path, q, modes):
        v = self.st.variant(modes)
        fail_pages = {arg for m, arg in modes if m == "fail-page"}
        size = self.st.args.page_size

        m = ROUTE_AREA.match(path)
        if m:
            which = "Service" if m.group(1).lower() == "service" else "ServiceChannel"
            kind = next((k for k in ptvdata.AREA_KINDS if k.lower() == m.group(2).lower()), None)
            code = m.group(3)
            if kind is None:
                return bad_request("area", "The value '%s' is not valid for area: one of %s."
                                   % (m.group(2), ", ".join(ptvdata.AREA_KINDS)))
            if not AREA_CODE_RE.match(code):
                return bad_request("code", "The field code must match the regular expression "
                                   "'^[0-9]{1,6}$'.")
            whole_raw = q.get("includewholecountry", ["false"])[0]
            if whole_raw.lower() not in ("true", "false"):
                return bad_request("includeWholeCountry",
                                   "The value '%s' is not valid." % whole_raw)
            n, err = page_number(q)
            if err:
                return err
            if not known_area(kind, code):
                what = "Municipality" if kind == "Municipality" else "Area %s" % kind
                return Doc.error(404, {"errorMessage": "%s with code '%s' not found." % (what, code)})
            if n in fail_pages:
                return Doc.error(500, {"errorMessage": "Internal test failure on page %d." % n})
            ids = v.area_ids(which, kind, code, whole_raw.lower() == "true")
            return self.page_of(ids, v.lists[which]["enc"], n, size)

        m = ROUTE_GUIDS.match(path)
        if m:
            which = "Service" if m.group(1).lower() == "service" else "ServiceChannel"
            raw = q.get("guids", [""])[0]
            if not raw.strip():
                return bad_request("guids", "Property guids is required.")
            ids = [g.strip() for g in raw.split(",")]
            if len(ids) > MAX_GUIDS:
                return bad_request("guids", "At most %d guids can be given; %d were."
                                   % (MAX_GUIDS, len(ids)))
            if any(not GUID_RE.match(g) for g in ids):
                return bad_request("guids", GUID_MSG)
            if which == "ServiceChannel" and any(x == "fail-channels" for x, _ in modes):
                return Doc.error(500, {"errorMessage": "Internal test failure (fail-channels)."})
            enc = v.lists[which]["enc"]
            seen, items = set(), []
            for g in ids:
                g = g.lower()
                if g in enc and g not in seen:
                    seen.add(g)
                    items.append(enc[g])
            return Doc(200, "array", items=items)

        m = ROUTE_DATE.match(path)
        if m:
            which = "Service" if m.group(1).lower() == "service" else "ServiceChannel"
            date = q.get("date", [None])[0]
            if date is not None:
                ok = DATE_RE.match(date)
                if ok:
                    try:
                        datetime.datetime.strptime(date, "%Y-%m-%dT%H:%M:%S")
                    except ValueError:
                        ok = None
                if not ok:
                    return Doc.error(400, {"date": ["The value '%s' is not valid." % date,
                                                    "The date parameter is invalid."]})
            status = q.get("status", ["Published"])[0]
            if status not in ("Published", "Archived", "Withdrawn"):
                return bad_request("status", "The status is invalid.")
            n, err = page_number(q)
            if err:
                return err
            if n in fail_pages:
                return Doc.error(500, {"errorMessage": "Internal test failure on page %d." % n})
            return paged(v.changed_since(which, date, status), n, size)

        m = ROUTE_ID.match(path)
        if m:
            which = "Service" if m.group(1).lower() == "service" else "ServiceChannel"
            i = m.group(2)
            if not GUID_RE.match(i):
                return bad_request("id", GUID_MSG)
            got = v.lists[which]["enc"].get(i.lower())
            if got is None:
                return Doc.error(404, {"errorMessage": "%s with id '%s' not found."
                                       % ("Service" if which == "Service" else "Service channel", i)})
            return Doc(200, "object", obj=got)

        return Doc.error(404, {"errorMessage": "Not found."})

    @staticmethod
    def page_of(ids, enc, n, size):
        count = math.ceil(len(ids) / size)
        return Doc(200, "page", items=[enc[i] for i in ids[(n - 1) * size:n * size]],
                   page=(n, size, count))

    # -- delivery --------------------------------------------------------

    def finish_doc(self, doc, modes):
        names = {m for m, _ in modes}
        if "slow" in names:
            self.log_request_line("slow", doc.count())
            if not self.wait_or_gone(SLOW_SECONDS):
                return
            self.send_doc(doc, names)
            return
        self.log_request_line(doc.status, doc.count())
        self.send_doc(doc, names)

    def wait_or_gone(self, seconds):
        """Send nothing for SECONDS; False (and logged) if the client went."""
        t0 = time.monotonic()
        sock = self.connection
        while time.monotonic() - t0 < seconds:
            r, _, _ = select.select([sock], [], [], 0.05)
            if r:
                try:
                    if not sock.recv(1):
                        break
                except (OSError, ssl.SSLError):
                    break
        else:
            self.st.log("conn=%d slow-end after=%.2f answered" % (self.conn_no(),
                                                                    time.monotonic() - t0))
            return True
        self.st.log("conn=%d slow-end after=%.2f client-gone" % (self.conn_no(),
                                                                   time.monotonic() - t0))
        self.close_connection = True
        return False

    def headers_out(self, status, length=None, chunked=False):
        self.send_response(status)
        self.send_header("Content-Type", "application/json; charset=utf-8")
        if chunked:
            self.send_header("Transfer-Encoding", "chunked")
        else:
            self.send_header("Content-Length", str(length))
        self.end_headers()

    def send_doc(self, doc, names):
        ok = doc.status == 200
        if ok and ("oversize" in names or "oversize-chunked" in names):
            self.send_oversize(doc, chunked="oversize-chunked" in names)
            return
        body = doc.render()
        if ok and "bad-json" in names:
            cut = max(1, len(body) // 2)
            body = body[:cut] + b'\xe2\x80\xa6 }}},,,]] <html>garbage'
        if ok and "truncated" in names:
            self.headers_out(200, len(body) + 5000)
            self.wfile.write(body[:len(body) // 2])
            self.wfile.flush()
            self.close_connection = True
            return
        if ok and "slow-body" in names:
            self.headers_out(200, len(body))
            self.wfile.flush()
            self.trickle(body)
            return
        self.headers_out(doc.status, len(body))
        self.wfile.write(body)
        self.wfile.flush()

    def trickle(self, body):
        t0 = time.monotonic()
        sent = 0
        why = "done"
        try:
            while sent < len(body):
                if time.monotonic() - t0 > TRICKLE_SECONDS:
                    why = "gave-up"
                    break
                self.wfile.write(body[sent:sent + TRICKLE_BYTES])
                self.wfile.flush()
                sent += TRICKLE_BYTES
                r, _, _ = select.select([self.connection], [], [], 1.0)
                if r:
                    try:
                        if not self.connection.recv(1):
                            why = "client-gone"
                            break
                    except (OSError, ssl.SSLError):
                        why = "client-gone"
                        break
        except (OSError, ssl.SSLError):
            why = "client-gone"
        self.st.log("conn=%d trickle-end after=%.2f sent=%d %s" % (
            self.conn_no(), time.monotonic() - t0, min(sent, len(body)), why))
        if why != "done":
            self.close_connection = True

    def oversize_parts(self, doc):
        """(total length, generator of chunks): DOC made OVERSIZE_BYTES
        long, generated as it is sent."""
        if doc.kind in ("page", "array") and doc.items:
            pre, post = doc.prefix_suffix()
            items = doc.items
            total = len(pre) + len(post)
            k = 0
            while total < OVERSIZE_BYTES:
                total += len(items[k % len(items)]) + (1 if k else 0)
                k += 1

            def gen():
                yield pre
                buf = []
                size = 0
                for j in range(k):
                    buf.append((b"," if j else b"") + items[j % len(items)])
                    size += len(buf[-1])
                    if size >= 1 << 16:
                        yield b"".join(buf)
                        buf, size = [], 0
                buf.append(post)
                yield b"".join(buf)
            return total, gen()
        body = doc.render()
        if not body.startswith(b"{"):
            body = b'{"itemList":' + body + b"}"
        pre, post = b'{"padding":"', b'",' + body[1:] if len(body) > 2 else b'"}'
        pad = OVERSIZE_BYTES - len(pre) - len(post)

        def gen():
            yield pre
            left = pad
            block = b"Testiaineistoa. " * 4096
            while left > 0:
                yield block[:left]
                left -= len(block)
            yield post
        return len(pre) + pad + len(post), gen()

    def send_oversize(self, doc, chunked):
        total, chunks = self.oversize_parts(doc)
        self.headers_out(200, total, chunked=chunked)
        for c in chunks:
            if chunked:
                self.wfile.write(b"%x\r\n" % len(c) + c + b"\r\n")
            else:
                self.wfile.write(c)
        if chunked:
            self.wfile.write(b"0\r\n\r\n")
        self.wfile.flush()


class Server(ThreadingHTTPServer):
    daemon_threads = True
    request_queue_size = 64

    def __init__(self, state, ssl_ctx):
        self.state = state
        self.ssl_ctx = ssl_ctx
        super().__init__(("127.0.0.1", 0), Handler)

    def get_request(self):
        sock, addr = self.socket.accept()
        with self.state.lock:
            self.state.conn_seq += 1
            n = self.state.conn_seq
        return sock, (addr[0], addr[1], n)

    def finish_request(self, request, client_address):
        if self.ssl_ctx is None:
            self.RequestHandlerClass(request, client_address, self)
            return
        n = client_address[2]
        request.settimeout(HANDSHAKE_TIMEOUT)
        try:
            tls = self.ssl_ctx.wrap_socket(request, server_side=True)
        except (ssl.SSLError, OSError) as e:
            reason = getattr(e, "reason", None) or str(e) or type(e).__name__
            self.state.log("conn=%d tls-error %s" % (n, printable(str(reason))))
            return
        try:
            self.RequestHandlerClass(tls, client_address, self)
        except (OSError, ssl.SSLError):
            pass
        finally:
            try:
                tls.settimeout(1)
                tls.unwrap()
            except (OSError, ssl.SSLError, ValueError):
                pass
            tls.close()

    def handle_error(self, request, client_address):
        pass  # quiet: a test client may hang up at any time


def main():
    ap = argparse.ArgumentParser(description="PTV Open API v11 stand-in for tests")
    ap.add_argument("--cert")
    ap.add_argument("--key")
    ap.add_argument("--port-file", required=True)
    ap.add_argument("--log", required=True)
    ap.add_argument("--mode", default="ok")
    ap.add_argument("--mode-file",
                    help="if this file exists and its first line names a mode, "
                         "that mode overrides --mode for each request")
    ap.add_argument("--insecure-http", action="store_true")
    ap.add_argument("--nationwide", type=int, default=3000)
    ap.add_argument("--seed", type=int, default=1)
    ap.add_argument("--page-size", type=int, default=100)
    ap.add_argument("--data", help="serve this file (written by ptvdata.py) instead")
    args = ap.parse_args()
    if parse_mode(args.mode) is None:
        ap.error("unknown mode: %s" % args.mode)
    if not args.insecure_http and (not args.cert or not args.key):
        ap.error("--cert and --key are required unless --insecure-http")
    if args.page_size < 1 or args.nationwide < 3:
        ap.error("--page-size must be at least 1 and --nationwide at least 3")

    ctx = None
    if not args.insecure_http:
        ctx = ssl.SSLContext(ssl.PROTOCOL_TLS_SERVER)
        ctx.minimum_version = ssl.TLSVersion.TLSv1_2
        ctx.set_alpn_protocols(["http/1.1"])
        try:
            ctx.load_cert_chain(args.cert, args.key)
        except (OSError, ssl.SSLError) as e:
            print("ptv.py: cannot load %s / %s: %s" % (args.cert, args.key, e), file=sys.stderr)
            return 2

    def bye(signum, frame):
        os._exit(0)
    signal.signal(signal.SIGTERM, bye)
    signal.signal(signal.SIGINT, bye)

    archived = ()
    if args.data:
        try:
            with open(args.data, encoding="utf-8") as f:
                data = json.load(f)
            archived = data.get("archived") or ()
        except (OSError, ValueError) as e:
            print("ptv.py: cannot read %s: %s" % (args.data, e), file=sys.stderr)
            return 2
    else:
        data = ptvdata.generate(args.nationwide, args.seed)
    state = State(args, Variant(data, archived))
    state.base_data = data
    httpd = Server(state, ctx)
    port = httpd.server_address[1]
    tmp = "%s.tmp.%d" % (args.port_file, os.getpid())
    with open(tmp, "w") as f:
        f.write("%d\n" % port)
    os.replace(tmp, args.port_file)
    httpd.serve_forever()
    return 0


if __name__ == "__main__":
    sys.exit(main())
