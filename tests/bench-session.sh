#!/bin/sh
# Two goals of issue 15 for a kiosk session against the test backend over
# HTTPS, the bench's rows run on their own (tests/bench/run.py starts the
# backend with a CA made for the run):
# - one TLS handshake for a session of several requests: a session to
#   the backend's answer, then asked again twice with F2 (Finnish,
#   Swedish), each answer on screen before the next key; the connect()
#   calls to the backend (strace) and the connections in the backend's
#   log must both be 1;
# - the peak RSS of a session with one request, to its answer, no more
#   than curl's for the same POST.
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
    --assets "$ASSETS" --srcdir "$top_srcdir" --out "$out" --only tls,session --runs 4 \
    >"$tmpdir/log" 2>&1
rc=$?
ok_if "the bench's rows run" test "$rc" -eq 0
[ "$rc" -eq 0 ] || diag "$(tail -n 20 "$tmpdir/log")"
row=$(grep '^| TLS handshakes' "$out" 2>/dev/null)
ok_if "the session made 3 requests" \
    sh -c 'printf "%s\n" "$1" | grep -q "a session of 3 requests"' - "$row"
ok_if "the backend's log shows one connection" \
    sh -c 'printf "%s\n" "$1" | grep -q "connections in the backend.s log: 1)"' - "$row"
ok_if "the program called connect() once: one TLS handshake" \
    sh -c 'printf "%s\n" "$1" | grep -qE "\| 1 \|  \|  \|  \| 1 \| yes \|$"' - "$row"
[ -n "$row" ] && diag "$row"
row=$(grep '^| peak RSS of a kiosk session' "$out" 2>/dev/null)
if grep -q __asan_init "$OPASTIN"; then
	# AddressSanitizer's shadow memory and quarantine say nothing of
	# the real program's memory.
	ok "the peak RSS of a session is no more than curl's POST # SKIP a sanitizer build"
else
	ok_if "the peak RSS of a session is no more than curl's POST" \
	    sh -c 'printf "%s\n" "$1" | grep -qE "\| yes \|$"' - "$row"
fi
[ -n "$row" ] && diag "$row"
finish
