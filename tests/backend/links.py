#!/usr/bin/env python3
"""A local HTTPS site for testing opastin --check-links.

Standard library only.  It listens on 127.0.0.1 on a free port, speaks
HTTPS with the certificate it is given (see mkcerts.sh), keeps
connections alive (HTTP/1.1), and answers HEAD and GET by path:

    /ok...            200 (any path that starts so: /ok, /ok/fi, ...)
    /slow...          200 after 1 s
    /moved            301, Location: /never/moved  (absolute path)
    /dir/found        302, Location: ../never/found?x=1  (relative)
    /hostile          302, Location with ESC sequences and a bidi override
    /no-location      302 without a Location
    /head-405         HEAD: 405; GET: 200
    /head-empty       HEAD: the connection closes with no answer; GET: 200
    /missing          404
    /error            500
    /stall...         reads the request, then sends nothing; closes after
                      60 s or when the client goes, and logs when
    anything else     404 (so /never/... , which no one should ask for)

    links.py --cert FILE --key FILE --port-file FILE --log FILE

The port file is written (atomically) once it listens.  SIGTERM or SIGINT
ends it with status 0.  The log (appended) has one line a request,
written when the request is read, and one when a stall ends:

    conn=<n> <METHOD> <path> status=<code or stall> active=<k>
    conn=<n> stall-end after=<seconds> active=<k>
    conn=<n> tls-error <reason>

active is how many requests were being answered at that moment, this one
included: the client's concurrency as the server sees it.
"""

import argparse
import os
import select
import signal
import ssl
import sys
import threading
import time
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

STALL_S = 60
SLOW_S = 1.0

# ESC [ 2 J (clear the screen), ESC [ 31 m, and U+202E RIGHT-TO-LEFT
# OVERRIDE as its UTF-8 bytes: what a header may carry as latin-1.
HOSTILE_LOCATION = ("https://evil.example/\x1b[2J\x1b[31mred"
                    + "\u202e".encode("utf-8").decode("latin-1") + "txt.exe")


def printable(s):
    return "".join(c if c.isprintable() else "\\x%02x" % ord(c) if ord(c) < 256
                   else "\\u%04x" % ord(c) for c in s)


class State:
    def __init__(self, log):
        self.lock = threading.Lock()
        self.conn_seq = 0
        self.active = 0
        self.log_fd = os.open(log, os.O_WRONLY | os.O_APPEND | os.O_CREAT, 0o644)

    def log(self, line):
        with self.lock:
            os.write(self.log_fd, (line + "\n").encode("utf-8", "backslashreplace"))

    def begin(self):
        with self.lock:
            self.active += 1
            return self.active

    def end(self):
        with self.lock:
            self.active -= 1
            return self.active


class Handler(BaseHTTPRequestHandler):
    protocol_version = "HTTP/1.1"
    server_version = "opastin-test-links/1"
    sys_version = ""
    timeout = 30

    def log_message(self, fmt, *args):  # quiet
        pass

    def version_string(self):
        return self.server_version

    @property
    def st(self):
        return self.server.state

    def conn_no(self):
        return self.client_address[2]

    def do_HEAD(self):
        self.serve()

    def do_GET(self):
        self.serve()

    def answer(self, status, headers=(), body=b"a test page\n"):
        self.send_response(status)
        self.send_header("Content-Type", "text/plain; charset=utf-8")
        self.send_header("Content-Length", str(len(body)))
        for k, v in headers:
            self.send_header(k, v)
        self.end_headers()
        if self.command != "HEAD":
            self.wfile.write(body)
        self.wfile.flush()

    def route(self):
        """(status, headers) for the path, or a word for the special ones."""
        p, head = self.path, self.command == "HEAD"
        if p.startswith("/ok"):
            return 200, ()
        if p.startswith("/slow"):
            return "slow", ()
        if p.startswith("/stall"):
            return "stall", ()
        if p == "/moved":
            return 301, (("Location", "/never/moved"),)
        if p == "/dir/found":
            return 302, (("Location", "../never/found?x=1"),)
        if p == "/hostile":
            return 302, (("Location", HOSTILE_LOCATION),)
        if p == "/no-location":
            return 302, ()
        if p == "/head-405":
            return (405, (("Allow", "GET"),)) if head else (200, ())
        if p == "/head-empty":
            return "empty" if head else 200, ()
        if p == "/error":
            return 500, ()
        return 404, ()

    def serve(self):
        status, headers = self.route()
        active = self.st.begin()
        self.st.log("conn=%d %s %s status=%s active=%d" % (
            self.conn_no(), self.command, printable(self.path), status, active))
        try:
            if status == "stall":
                self.stall()
            elif status == "empty":
                self.close_connection = True
            elif status == "slow":
                time.sleep(SLOW_S)
                self.answer(200)
            else:
                self.answer(status, headers)
        finally:
            self.st.end()

    def stall(self):
        """Send nothing; wait for the client to go (or STALL_S)."""
        t0 = time.monotonic()
        sock = self.connection
        while time.monotonic() - t0 < STALL_S:
            r, _, _ = select.select([sock], [], [], 0.05)
            if r:
                try:
                    if not sock.recv(1):
                        break
                except (OSError, ssl.SSLError):
                    break
        self.close_connection = True
        self.st.log("conn=%d stall-end after=%.2f active=%d" % (
            self.conn_no(), time.monotonic() - t0, self.st.active - 1))


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
        n = client_address[2]
        request.settimeout(10)
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
        pass  # quiet: the client hangs up on stalls


def main():
    ap = argparse.ArgumentParser(description="a local HTTPS site for --check-links tests")
    ap.add_argument("--cert", required=True)
    ap.add_argument("--key", required=True)
    ap.add_argument("--port-file", required=True)
    ap.add_argument("--log", required=True)
    args = ap.parse_args()

    ctx = ssl.SSLContext(ssl.PROTOCOL_TLS_SERVER)
    ctx.minimum_version = ssl.TLSVersion.TLSv1_2
    ctx.set_alpn_protocols(["http/1.1"])
    try:
        ctx.load_cert_chain(args.cert, args.key)
    except (OSError, ssl.SSLError) as e:
        print("links.py: cannot load %s / %s: %s" % (args.cert, args.key, e), file=sys.stderr)
        return 2

    def bye(signum, frame):
        os._exit(0)
    signal.signal(signal.SIGTERM, bye)
    signal.signal(signal.SIGINT, bye)

    httpd = Server(State(args.log), ctx)
    port = httpd.server_address[1]
    tmp = "%s.tmp.%d" % (args.port_file, os.getpid())
    with open(tmp, "w") as f:
        f.write("%d\n" % port)
    os.replace(tmp, args.port_file)
    httpd.serve_forever()
    return 0


if __name__ == "__main__":
    sys.exit(main())
