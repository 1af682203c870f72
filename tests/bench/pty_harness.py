"""A program under a pseudo-terminal, for tests/bench/run.py.

Standard library only.  Spawn a program on a pty of a given size, write
keys to it, and read what it writes, with the time each chunk arrived.
Matching is on the raw bytes the program writes (escape sequences and
all): the benchmark waits for strings that curses writes in one piece on
a fresh screen, such as a key bar, so no terminal emulator is needed.

    p = Pty(["opastin", ...], cols=80, rows=24, env=...)
    t = p.wait_for(b"F10", timeout=5)   # seconds since spawn, or raises
    p.send(b"\\x1b[B")                   # a key
    n, dt = p.drain(quiet=0.03)          # bytes of the answer, time to its end
    status, rusage = p.close()           # SIGTERM, then wait4's rusage
"""

import fcntl
import os
import select
import signal
import struct
import termios
import time


class Timeout(Exception):
    pass


class Pty:
    def __init__(self, argv, cols=80, rows=24, env=None, cwd=None):
        self.argv = argv
        self.buf = bytearray()
        self.total = 0
        self.status = None
        self.rusage = None
        master, slave = os.openpty()
        fcntl.ioctl(slave, termios.TIOCSWINSZ, struct.pack("HHHH", rows, cols, 0, 0))
        self.t0 = time.monotonic()
        pid = os.fork()
        if pid == 0:
            try:
                os.close(master)
                os.setsid()
                fcntl.ioctl(slave, termios.TIOCSCTTY, 0)
                for fd in (0, 1, 2):
                    os.dup2(slave, fd)
                if slave > 2:
                    os.close(slave)
                if cwd:
                    os.chdir(cwd)
                os.execvpe(argv[0], argv, env if env is not None else os.environ)
            finally:
                os._exit(127)
        os.close(slave)
        self.pid = pid
        self.fd = master

    def elapsed(self):
        return time.monotonic() - self.t0

    def _read(self, timeout):
        """One chunk within timeout seconds: its length, 0 on timeout,
        -1 at the end (the program closed the terminal)."""
        r, _, _ = select.select([self.fd], [], [], max(timeout, 0))
        if not r:
            return 0
        try:
            data = os.read(self.fd, 65536)
        except OSError:
            return -1
        if not data:
            return -1
        self.buf += data
        self.total += len(data)
        return len(data)

    def wait_for(self, needle, timeout=10.0, start=0):
        """Read until needle appears in what was written since offset
        start of the buffer; the seconds since spawn when it did."""
        end = time.monotonic() + timeout
        while self.buf.find(needle, start) < 0:
            left = end - time.monotonic()
            if left <= 0:
                raise Timeout("%r did not appear within %.1f s; the last bytes: %r"
                              % (needle, timeout, bytes(self.buf[-300:])))
            if self._read(left) < 0:
                if self.buf.find(needle, start) >= 0:
                    break
                raise Timeout("%r: the program ended first; the last bytes: %r"
                              % (needle, bytes(self.buf[-300:])))
        return self.elapsed()

    def read_to_end(self, timeout=10.0):
        """Read until the program closes the terminal; the seconds since
        spawn of the last byte."""
        end = time.monotonic() + timeout
        last = self.elapsed()
        while True:
            left = end - time.monotonic()
            if left <= 0:
                raise Timeout("the program did not end within %.1f s" % timeout)
            n = self._read(left)
            if n < 0:
                return last
            if n > 0:
                last = self.elapsed()

    def mark(self):
        """The buffer's offset now, for wait_for(start=...)."""
        return len(self.buf)

    def send(self, keys):
        os.write(self.fd, keys)
        return time.monotonic()

    def drain(self, quiet=0.03, timeout=5.0):
        """Read until nothing came for quiet seconds: the bytes read and
        the time of the last chunk (monotonic), or None for it when
        nothing came."""
        n0 = self.total
        last = None
        end = time.monotonic() + timeout
        while time.monotonic() < end:
            got = self._read(quiet)
            if got == 0:
                break
            if got < 0:
                break
            last = time.monotonic()
        return self.total - n0, last

    def first_byte(self, timeout=5.0):
        """Wait for the next chunk; its arrival time (monotonic) or None."""
        if self._read(timeout) > 0:
            return time.monotonic()
        return None

    def rss_kib(self):
        """The program's resident set now, from /proc (KiB)."""
        try:
            with open("/proc/%d/status" % self.pid) as f:
                for line in f:
                    if line.startswith("VmRSS:"):
                        return int(line.split()[1])
        except OSError:
            pass
        return None

    def close(self, sig=signal.SIGTERM, timeout=5.0):
        """End the program (sig unless it ended already) and reap it:
        (exit status, rusage).  ru_maxrss is the peak RSS in KiB."""
        if self.status is None:
            pid, status, ru = os.wait4(self.pid, os.WNOHANG)
            if pid == 0:
                try:
                    os.kill(self.pid, sig)
                except ProcessLookupError:
                    pass
                end = time.monotonic() + timeout
                while True:
                    # Keep reading, so that a program that writes on its
                    # way out is not blocked on a full terminal.
                    self._read(0.01)
                    pid, status, ru = os.wait4(self.pid, os.WNOHANG)
                    if pid != 0:
                        break
                    if time.monotonic() > end:
                        os.kill(self.pid, signal.SIGKILL)
                        pid, status, ru = os.wait4(self.pid, 0)
                        break
            self.status, self.rusage = status, ru
        try:
            os.close(self.fd)
        except OSError:
            pass
        return self.status, self.rusage

    def wait_exit(self, timeout=10.0):
        """Wait for the program to end by itself: (status, rusage)."""
        end = time.monotonic() + timeout
        while self.status is None:
            self._read(0.01)
            pid, status, ru = os.wait4(self.pid, os.WNOHANG)
            if pid != 0:
                self.status, self.rusage = status, ru
                break
            if time.monotonic() > end:
                return self.close()
        try:
            os.close(self.fd)
        except OSError:
            pass
        return self.status, self.rusage
