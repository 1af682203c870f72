#!/bin/sh
# Nothing of a citizen survives a session reset in backend mode, anywhere
# in the process (review finding 1): a core dump (gcore) taken after the
# reset holds no copy of what was typed or chosen, in UTF-8 nor as wide
# characters (UTF-32, alone or in the cells of ncurses' screens, which
# put one character every sizeof(cchar_t) bytes).  Before it, a dump
# taken while the results show does hold copies: the search finds what
# it looks for.
#
#  1. F10: "Search by words" for a word no file holds, the backend's
#     results, a dump (copies), F10 and "Yes, start over", a dump (none).
#  2. The idle reset: a whole flow with the municipality typed as "jyvas"
#     (Jyväskylä); a dump while the request is in flight (the backend
#     stalls) holds the request body's municipality and meters, and the
#     screen's cells Jyväskylä; Esc, the backend's results, the idle
#     timeout, and a dump holds none of them.  (The letters typed, "jyvas",
#     cannot be looked for: the municipality search keeps "jyvaskyla".)
#
# gcore needs ptrace; where the system forbids it the cases are skipped.
. "$top_srcdir/tests/e2e/lib.sh"
. "$top_srcdir/tests/backend/lib.sh"

word=Zyxwv
words="$word velka"

# count CORE TEXT: "UTF8 WIDE", the copies of TEXT in the dump as UTF-8
# and as UTF-32 little-endian characters 4 to 64 bytes apart.
count() {
	python3 - "$1" "$2" <<'PY'
import re, sys
data = open(sys.argv[1], "rb").read()
text = sys.argv[2]
utf8 = data.count(text.encode())
wide = 0
for stride in range(4, 68, 4):
    gap = b"(?s:.{%d})" % (stride - 4) if stride > 4 else b""
    pat = gap.join(re.escape(c.encode("utf-32-le")) for c in text)
    wide += len(re.findall(pat, data))
print(utf8, wide)
PY
}

# dump NAME: a core of the program into $tmpdir/NAME.PID; its path, or
# false when gcore could not take it.
dump() {
	_pid=$(pane_child)
	[ -n "$_pid" ] || return 1
	rm -f "$tmpdir/$1".*
	timeout 120 gcore -o "$tmpdir/$1" "$_pid" >"$tmpdir/gcore.out" 2>&1
	[ -s "$tmpdir/$1.$_pid" ] || return 1
	echo "$tmpdir/$1.$_pid"
}

# some CORE TEXT...: every TEXT has at least one copy (UTF-8 or wide).
some() {
	_core=$1
	shift
	_ok=0
	for _t do
		set -- $(count "$_core" "$_t")
		diag "before the reset: \"$_t\": $1 as UTF-8, $2 as wide characters"
		[ $(( $1 + $2 )) -gt 0 ] || _ok=1
	done
	return $_ok
}

# none CORE TEXT...: no TEXT has a copy.
none() {
	_core=$1
	shift
	_ok=0
	for _t do
		set -- $(count "$_core" "$_t")
		diag "after the reset: \"$_t\": $1 as UTF-8, $2 as wide characters"
		[ $(( $1 + $2 )) -eq 0 ] || _ok=1
	done
	return $_ok
}

skip_all() {
	for _d do
		ok "$_d # SKIP $why"
	done
	finish
}

ok_if "the test backend starts" start_backend ok
if ! command -v gcore >/dev/null 2>&1; then
	why="gcore (gdb) is not installed"
	skip_all "F10: copies before" "F10: none after" "idle: copies before" "idle: none after"
fi
# AddressSanitizer maps terabytes of shadow memory: gcore would dump it
# for ever (the sanitizer run of .ci/run builds so).
if grep -q __asan_init "$OPASTIN"; then
	why="the program is built with AddressSanitizer, whose shadow memory gcore cannot dump in time"
	skip_all "F10: copies before" "F10: none after" "idle: copies before" "idle: none after"
fi

# ---- 1. F10 after a search by words ----
backend_conf "mode = kiosk"
ok_if "F10: the kiosk starts with the backend" kiosk en
keys End
wait_focus "$(msg en 'Search by words instead')" >/dev/null
keys Enter
wait_for "Opastin · $(msg en 'Search by words')" >/dev/null
type "$words"
keys Enter
ok_if "F10: the backend's results for \"$words\"" \
    wait_for "$(msg en 'Suggestions from the national service recommender.')" 15
wait_backend_log 'text_search status=200' >/dev/null
core=$(dump f10-before)
if [ -z "$core" ]; then
	why="gcore could not dump the program (ptrace not permitted?): $(tail -n 1 "$tmpdir/gcore.out")"
	skip_all "F10: copies before" "F10: none after" "idle: copies before" "idle: none after"
fi
ok_if "F10: before the reset the dump holds the words typed" some "$core" "$word" "$words"
[ -n "${KEEP_CORES:-}" ] && cp "$core" "$KEEP_CORES/"; rm -f "$core"
keys F10
wait_for "$(msg en 'Yes, start over')" >/dev/null
keys Down
wait_box_focus "$(msg en 'Yes, start over')" >/dev/null
keys Enter
ok_if "F10: \"Yes, start over\" resets to the welcome screen" \
    wait_for "Opastin · $(msg en Welcome)"
wait_file "session reset" "$KIOSK_ERR" >/dev/null
core=$(dump f10-after)
ok_if "F10: after the reset the dump holds no copy of the words" \
    none "$core" "$word" "$words" '"search_text":'
[ -n "${KEEP_CORES:-}" ] && cp "$core" "$KEEP_CORES/"; rm -f "$core"

# ---- 2. The idle reset after a whole flow with a municipality ----
backend_conf "mode = kiosk" "idle_timeout_s = 12" "idle_warning_s = 3"
ok_if "idle: the kiosk starts with the backend" kiosk en
# to_review_with_muni: Moving home, then each question's default, 7 on a
# meter (the recommender needs one) and "jyvas" for the municipality, up
# to the review.
to_review_with_muni() {
	_review=$(msg en 'Check your answers')
	_muni=$(msg en 'Which municipality')
	_typed=no
	keys 3 Enter
	wait_gone "$(msg en 'What has happened in your life?')" || return 1
	for _ in $(seq 1 40); do
		settled >/dev/null	# a whole frame, not half of one
		screen | grep -qF -- "$_review" && return 0
		_before=$(screen)
		if [ "$_typed" = no ] && screen | grep -qF -- "$_muni"; then
			type jyvas
			wait_focus "Jyväskylä" 3 >/dev/null || return 1
			_typed=yes
		elif screen | grep -qE '^ +(>)? +10  \( \)'; then
			keys 7
			wait_focus ' 7  ( )' 2 >/dev/null || return 1
		fi
		keys Enter
		_tries=40
		while [ "$(screen)" = "$_before" ]; do
			_tries=$((_tries - 1))
			[ "$_tries" -gt 0 ] || return 1
			sleep 0.05
		done
	done
	wait_for "$_review" 1 && test "$_typed" = yes
}
ok_if "idle: the flow with \"jyvas\" for the municipality reaches the review" to_review_with_muni
ok_if "idle: the review shows Jyväskylä" wait_for "Jyväskylä"
# The screen's cells hold it as wide characters: the search finds them.
core=$(dump idle-review)
set -- $(count "$core" "Jyväskylä")
diag "on the review: \"Jyväskylä\": $2 as wide characters"
ok_if "idle: on the review the dump holds Jyväskylä in wide characters (the screen)" test "$2" -gt 0
rm -f "$core"
# The request in flight (the backend stalls): the body the program
# holds to send has what was chosen.
set_mode stall
ask en
ok_if "idle: the backend has the request, and stalls" \
    wait_backend_log 'recommend_service status=stall'
core=$(dump idle-before)
chosen='"municipality_codes":["179"]'
meters='"life_situation_meters":{'
ok_if "idle: with the request in flight the dump holds the municipality and meters sent" \
    some "$core" "$chosen" "$meters"
[ -n "${KEEP_CORES:-}" ] && cp "$core" "$KEEP_CORES/"; rm -f "$core"
keys Escape
ok_if "idle: Esc cancels the stalled request" \
    wait_gone "$(msg en 'Suggestions from the national service recommender.')" 5
set_mode ok
ask en
ok_if "idle: the backend's results" \
    wait_for "$(msg en 'Suggestions from the national service recommender.')" 15
ok_if "idle: the idle timeout resets the session" wait_file "idle timeout" "$KIOSK_ERR" 30
wait_for "Opastin · $(msg en Welcome)" >/dev/null
wait_file "session reset" "$KIOSK_ERR" >/dev/null
core=$(dump idle-after)
ok_if "idle: after the reset the dump holds none of them" \
    none "$core" "$chosen" "$meters"
set -- $(count "$core" "Jyväskylä")
diag "after the reset: \"Jyväskylä\": $2 as wide characters"
ok_if "idle: ... nor Jyväskylä in wide characters" test "$2" -eq 0
[ -n "${KEEP_CORES:-}" ] && cp "$core" "$KEEP_CORES/"; rm -f "$core"
finish
