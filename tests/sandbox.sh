#!/bin/sh
# The kiosk's sandbox (tui/sandbox.h): --sandbox-selftest applies it and
# reports every forbidden act refused, one line each; then a real kiosk,
# sandboxed, still speaks through its helper and still asks the backend
# over HTTPS (libcurl, OpenSSL, the resolver and the CA file under the
# filter and Landlock).
. "$top_srcdir/tests/e2e/lib.sh"
. "$top_srcdir/tests/backend/lib.sh"

# A sanitizer build (.ci/run's second run) leaves the kiosk unconfined:
# a confined process could not write its sanitizer report, which that
# run counts on (sandbox_sanitizer_build()).  The plain build checks the
# sandbox; tests/unit/test-spawner still applies it there.
if grep -q __asan_init "$OPASTIN"; then
	echo "1..0 # SKIP a sanitizer build is not sandboxed (its reports could not be written)"
	exit 0
fi

out="$tmpdir/selftest.out"
"$OPASTIN" --assets "$ASSETS" --sandbox-selftest >"$out" 2>&1
rc=$?
if grep -q -- '--without-seccomp' "$out"; then
	echo "1..0 # SKIP built without seccomp"
	exit 0
fi
diag "$(cat "$out")"

ok_if "--sandbox-selftest exits 0" [ "$rc" -eq 0 ]
ok_if "the seccomp filter is applied" grep -qx 'seccomp filter: applied' "$out"
ok_if "exec of /bin/true is refused" grep -q '^refused: running a program (/bin/true) (Operation not permitted)$' "$out"
ok_if "ptrace is refused" grep -q '^refused: tracing another process (ptrace) (Operation not permitted)$' "$out"
ok_if "creating a file in /tmp is refused" grep -q '^refused: creating /tmp/opastin-selftest-[0-9]* (Permission denied)$' "$out"
ok_if "opening an asset for writing is refused" \
    grep -qF "refused: opening $ASSETS/catalogue.json for writing (Permission denied)" "$out"
ok_if "nothing was created in /tmp" eval '! ls /tmp/opastin-selftest-* >/dev/null 2>&1'
if grep -q '^Landlock: ABI' "$out"; then
	ok_if "reading a file outside the allowed set is refused (Landlock)" \
	    grep -Eq '^refused: reading /etc/(shadow|passwd|hostname|os-release) \(Permission denied\)$' "$out"
	ok_if "the assets can still be read" grep -qF "allowed, as it should be: reading $ASSETS/questions.json" "$out"
else
	ok "reads outside the allowed set # SKIP this kernel has no Landlock"
	ok "the assets can still be read # SKIP this kernel has no Landlock"
fi
ok_if "the last line says it holds" eval 'tail -n 1 "$out" | grep -q "^The sandbox holds"'

# The self-test in Finnish: every line through gettext.
fi_out=$("$OPASTIN" --lang fi --assets "$ASSETS" --sandbox-selftest 2>&1)
ok_if "the self-test speaks Finnish with --lang fi" \
    eval 'printf "%s\n" "$fi_out" | grep -qxF "$(msg fi "seccomp filter: applied")"'

# A kiosk, sandboxed, with speech and a printer: the helper forked
# before the filter runs the configured commands (which write files:
# outside the sandbox).
spoken="$tmpdir/spoken"
printout="$tmpdir/printout"
conf="$tmpdir/speech.conf"
printf 'speech = always\nspeech_command = cat >> %s\nprint_command = tee %s\n' \
    "$spoken" "$printout" >"$conf"
start_with 80 24 "" "$tmpdir/kiosk.err" --kiosk --lang en --offline --config "$conf" --log-stderr
ok_if "the sandboxed kiosk starts" wait_for "Find the public services" 15
ok_if "its log says it is sandboxed" eval 'grep -q "sandboxed: seccomp filter" "$tmpdir/kiosk.err"'
ok_if "the speech command ran through the helper" wait_file "" "$spoken"
ok_if "the kiosk goes on to the services found by a search" search_results en unemployed
keys p
wait_joined "$(msg en 'None of your answers is printed.')"
keys Enter
ok_if "the print command ran through the helper" \
    wait_for "$(msg en 'Printed. Please take your printout from the printer.')" 10
ok_if "and printed the services" grep -q "https://" "$printout"
T kill-server >/dev/null 2>&1

# The same kiosk against the HTTPS test backend: the first request (curl
# and OpenSSL start here, under the sandbox) and the results.
ok_if "the test backend starts" start_backend ok
backend_conf
kiosk en --kiosk
ok_if "backend: its log says it is sandboxed" eval 'grep -q "sandboxed: seccomp filter" "$KIOSK_ERR"'
ok_if "backend: the defaults lead to the review" to_review en 1
ask en
ok_if "backend: the results come from the national service recommender" \
    wait_for "Suggestions from the national service recommender."
ok_if "backend: not the kiosk's own" not_shown "Suggestions from this kiosk"
ok_if "backend: the kiosk is still running" eval '! screen | grep -q "opastin exited"'
finish
