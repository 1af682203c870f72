#!/bin/sh
# The first screen appears before the assets it does not need are read
# (issue 15): the questionnaire, the code tables and the catalogue are
# parsed once the language screen is on the terminal.  A broken asset
# still ends the kiosk with one line FILE:LINE:COL on standard error and
# exit status 1, after the terminal is restored; a broken list of
# municipalities, which the configuration's checks need, is refused
# before the terminal is touched.
. "$top_srcdir/tests/e2e/lib.sh"

# start_assets DIR ERRFILE PREFIX ARGS...: start on the assets in DIR.
start_assets() {
	_saved=$ASSETS
	ASSETS=$1
	_err=$2
	_pre=$3
	shift 3
	start_with 80 24 "$_pre" "$_err" "$@"
	ASSETS=$_saved
}

# one_line_at FILE NAME: FILE is one line "opastin: .../NAME:L:C: ...".
one_line_at() {
	_ok=yes
	[ "$(wc -l <"$1")" -eq 1 ] || _ok=no
	grep -qE "^opastin: [^ ]*/$2:[0-9]+:[0-9]+: " "$1" || _ok=no
	[ "$_ok" = yes ] && return 0
	diag "standard error was:" "$(cat -v "$1")"
	return 1
}

# --- The order: the screen first, then the catalogue -----------------

why=$(strace_cannot)
if [ -n "$why" ]; then
	ok "the first screen is drawn before the catalogue is read # SKIP $why"
else
	trace="$tmpdir/trace"
	start_with 80 24 "$(under_strace "-s 4096 -e trace=openat,write -o '$trace'")" "" --lang en
	ok_if "the kiosk starts under strace" wait_for "Find the public services" 15
	keys 3 Enter
	ok_if "the life-event question follows (the questionnaire was read)" \
	    wait_for "What has happened in your life?"
	tracer=$(pane_child)
	pid=$(pgrep -P "$tracer" | head -n 1)
	[ -n "$pid" ] && kill -TERM "$pid"
	ok_if "the kiosk ends on SIGTERM" wait_exit 10
	drawn=$(grep -n '^write(1, .*Choose your language' "$trace" | head -n 1 | cut -d: -f1)
	for f in catalogue.json questions.json service_classes.tsv; do
		read=$(grep -n "^openat(.*/$f\", O_RDONLY" "$trace" | head -n 1 | cut -d: -f1)
		ok_if "the first screen is written before $f is opened" \
		    test -n "$drawn" -a -n "$read" -a "${drawn:-0}" -lt "${read:-0}"
		[ -n "$drawn" ] && [ -n "$read" ] && [ "$drawn" -lt "$read" ] ||
		    diag "line of the first screen: ${drawn:-none}; of $f: ${read:-none}"
	done
	stop
fi

# --- Broken assets after the first screen ------------------------------

broken="$tmpdir/assets"
cp -R "$ASSETS" "$broken"
# A syntax error: a doubled comma at the end of line 5.
sed '5s/,$/,,/' "$ASSETS/catalogue.json" >"$broken/catalogue.json"
start_assets "$broken" "$tmpdir/err1" "" --kiosk --lang en
ok_if "a malformed catalogue ends the kiosk" wait_exit 10
ok_if "... with exit status 1" test "$(exit_status)" = 1
ok_if "... one line on standard error: catalogue.json:5:COL:" \
    grep -qE "^opastin: [^ ]*/catalogue\.json:5:[0-9]+: " "$tmpdir/err1"
ok_if "... and only that line" one_line_at "$tmpdir/err1" catalogue.json
ok_if "... after the terminal is restored" tty_restored
ok_if "... whose screen is the shell's again" not_shown "Choose your language"
stop

cp "$ASSETS/catalogue.json" "$broken/"
# Well-formed JSON that names a service class that does not exist.
line=$(grep -n '"classes": \["P3.2"\]' "$ASSETS/questions.json" | head -n 1 | cut -d: -f1)
sed "${line}s/\"P3.2\"/\"P99\"/" "$ASSETS/questions.json" >"$broken/questions.json"
start_assets "$broken" "$tmpdir/err2" "" --lang en
ok_if "an unknown service class in questions.json ends the kiosk" wait_exit 10
ok_if "... with exit status 1" test "$(exit_status)" = 1
ok_if "... one line questions.json:LINE:COL: naming the class" \
    grep -qE "^opastin: [^ ]*/questions\.json:$line:[0-9]+: .*P99" "$tmpdir/err2"
ok_if "... and only that line" one_line_at "$tmpdir/err2" questions.json
ok_if "... after the terminal is restored" tty_restored
stop

cp "$ASSETS/questions.json" "$broken/"
sed '3s/\t/\t\t/' "$ASSETS/municipalities.tsv" >"$broken/municipalities.tsv"
start_assets "$broken" "$tmpdir/err3" "" --lang en
ok_if "a broken municipalities.tsv ends the kiosk" wait_exit 10
ok_if "... with exit status 1" test "$(exit_status)" = 1
ok_if "... one line municipalities.tsv:LINE:COL:" one_line_at "$tmpdir/err3" municipalities.tsv
ok_if "... and the terminal is as it was" tty_restored
stop

finish
