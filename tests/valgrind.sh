#!/bin/sh
# make check-valgrind: the unit tests and one scripted kiosk session under
# valgrind (memcheck), with 0 errors and 0 definite leaks.
#
# The session, in tmux against the local test backend: English, a search
# by words with the backend's results, a service's details, F10 and
# "Yes, start over" (the reset and net_forget), a whole flow to the
# backend's recommendations, then SIGTERM, which ends the program
# cleanly, so that valgrind checks for leaks at its exit.
#
# tests/valgrind.supp holds suppressions for reports inside libraries
# only, each with its reason.
. "$top_srcdir/tests/e2e/lib.sh"
. "$top_srcdir/tests/backend/lib.sh"

VALGRIND="valgrind --error-exitcode=1 --leak-check=full --errors-for-leak-kinds=definite --show-leak-kinds=definite --suppressions=$top_srcdir/tests/valgrind.supp --num-callers=30"

if ! command -v valgrind >/dev/null 2>&1; then
	ok "valgrind # SKIP valgrind is not installed (./bootstrap installs it)"
	finish
fi

# summary LOG: "ERRORS DEFINITE" from a valgrind log.
summary() {
	_e=$(sed -n 's/.*ERROR SUMMARY: \([0-9,]*\) errors.*/\1/p' "$1" | tail -n 1 | tr -d ,)
	_d=$(sed -n 's/.*definitely lost: \([0-9,]*\) bytes.*/\1/p' "$1" | tail -n 1 | tr -d ,)
	echo "${_e:-?} ${_d:-0}"
}

for t in $VG_UNIT_TESTS; do
	log="$tmpdir/$(basename "$t").vg"
	CMOCKA_MESSAGE_OUTPUT=STDOUT $VALGRIND --log-file="$log" "$top_builddir/$t" >"$tmpdir/out" 2>&1
	rc=$?
	set -- $(summary "$log")
	ok_if "$t under valgrind: exit $rc, $1 errors, $2 bytes definitely lost" test "$rc" -eq 0 -a "$1" = 0 -a "$2" = 0
	[ "$rc" -eq 0 ] || sed 's/^/# /' "$log" | tail -n 40
done

# ---- A kiosk session ----
ok_if "the test backend starts" start_backend ok
backend_conf "mode = kiosk"
vglog="$tmpdir/opastin.vg"
start_with 80 24 "$VALGRIND --log-file=$vglog" "$tmpdir/err" --lang en --config "$BACKEND_CONF" --log-stderr
ok_if "session: the kiosk starts under valgrind" wait_for "F10" 60
keys 3 Enter
wait_for "$(msg en 'What has happened in your life?')" 30 >/dev/null
keys End
wait_focus "$(msg en 'Search by words instead')" 30 >/dev/null
keys Enter
wait_for "Opastin · $(msg en 'Search by words')" 30 >/dev/null
type "debt money"
keys Enter
ok_if "session: the backend's results for a search" \
    wait_for "$(msg en 'Suggestions from the national service recommender.')" 60
keys Enter
ok_if "session: a service's details" wait_for "Opastin · $(msg en 'Service details')" 30
keys F10
wait_for "$(msg en 'Yes, start over')" 30 >/dev/null
keys Down
wait_box_focus "$(msg en 'Yes, start over')" 30 >/dev/null
keys Enter
ok_if "session: F10 starts over" wait_for "Opastin · $(msg en Welcome)" 30
keys 3 Enter
wait_for "$(msg en 'What has happened in your life?')" 30 >/dev/null
ok_if "session: a whole flow to the review" to_review en 7
ask en
ok_if "session: the backend's recommendations" \
    wait_for "$(msg en 'Suggestions from the national service recommender.')" 60
kill -TERM "$(pane_child)"
ok_if "session: SIGTERM ends the program" wait_exit 60
set -- $(summary "$vglog")
ok_if "session: valgrind exit $(exit_status), $1 errors, $2 bytes definitely lost" \
    test "$(exit_status)" = 0 -a "$1" = 0 -a "$2" = 0
[ "$(exit_status)" = 0 ] || sed 's/^/# /' "$vglog" | tail -n 60
finish
