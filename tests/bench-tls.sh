#!/bin/sh
# One TLS handshake for a session of several requests (issue 15): the
# bench's row, run on its own.  tests/bench/run.py starts the test
# backend over HTTPS with a CA made for the run, walks a kiosk session
# to the backend's answer, then asks again twice with F2 (Finnish,
# Swedish), each answer on screen before the next key, and counts the
# connect() calls to the backend (strace) and the connections in the
# backend's log.  Both must be 1.
. "$top_srcdir/tests/lib.sh"

for tool in strace curl dialog python3; do
	if ! command -v "$tool" >/dev/null 2>&1; then
		echo "ok 1 # SKIP $tool is not installed (the bench needs it)"
		finish
	fi
done
if ! strace -o /dev/null true >/dev/null 2>&1; then
	echo "ok 1 # SKIP strace cannot trace here (ptrace not permitted)"
	finish
fi

out="$tmpdir/results.md"
python3 "$top_srcdir/tests/bench/run.py" --opastin "$OPASTIN" --catbench /bin/false \
    --assets "$ASSETS" --srcdir "$top_srcdir" --out "$out" --only tls \
    >"$tmpdir/log" 2>&1
rc=$?
ok_if "the bench's TLS row runs" test "$rc" -eq 0
[ "$rc" -eq 0 ] || diag "$(tail -n 20 "$tmpdir/log")"
row=$(grep '^| TLS handshakes' "$out" 2>/dev/null)
ok_if "the session made 3 requests" \
    sh -c 'printf "%s\n" "$1" | grep -q "a session of 3 requests"' - "$row"
ok_if "the backend's log shows one connection" \
    sh -c 'printf "%s\n" "$1" | grep -q "connections in the backend.s log: 1)"' - "$row"
ok_if "the program called connect() once: one TLS handshake" \
    sh -c 'printf "%s\n" "$1" | grep -qE "\| 1 \|  \|  \|  \| 1 \| yes \|$"' - "$row"
[ -n "$row" ] && diag "$row"
finish
