# tests/e2e/lib.sh: run the real program in a real terminal (tmux) and
# wait on what the screen shows.  No fixed sleeps: every wait polls the
# screen until the text appears or a deadline passes.
#
#   start COLS ROWS [ARGS...]   start opastin in a private tmux server
#   keys KEY...                 tmux send-keys (Enter, Escape, F2, Down, ...)
#   type TEXT                   send literal text
#   wait_for TEXT [SECONDS]     until the screen shows TEXT (fixed string)
#   wait_gone TEXT [SECONDS]    until it no longer does
#   screen                      print the screen
#   resize COLS ROWS
. "$top_srcdir/tests/lib.sh"

TMUX_BIN=${TMUX_BIN:-tmux}
[ -n "$TMUX_BIN" ] || TMUX_BIN=tmux
e2e_sock="$tmpdir/tmux.sock"
unset TMUX

T() {
	"$TMUX_BIN" -u -S "$e2e_sock" "$@"
}

e2e_stop() {
	T kill-server >/dev/null 2>&1 || true
	rm -rf "$tmpdir"
}
trap e2e_stop EXIT

start() {
	cols=$1
	rows=$2
	shift 2
	start_with "$cols" "$rows" "" "" "$@"
}

# start_with COLS ROWS PREFIX ERRFILE [ARGS...]: start as start does, with
# PREFIX put before the program on its "env" command line: more variables
# (e.g. "TERM=vt100 NO_COLOR=1", which win over the defaults) and/or a
# program to run it under (e.g. "strace -o FILE"); "" for none.  Standard
# error goes to ERRFILE, or stays on the terminal when ERRFILE is "".
# When the program ends the pane shows "[opastin exited] STATUS" with its
# exit status, and tty_restored tells whether the terminal's settings
# are back as they were before it started.
start_with() {
	cols=$1
	rows=$2
	_prefix=$3
	_redir=""
	[ -n "$4" ] && _redir="2>'$4'"
	shift 4
	_stty="$tmpdir/stty.$e2e_runs"
	T -f /dev/null new-session -d -s e2e -x "$cols" -y "$rows" \
	    "stty -g >'$_stty.before'; env LC_ALL=C.UTF-8 TERM=screen OPASTIN_LOCALEDIR='$OPASTIN_LOCALEDIR' $_prefix '$OPASTIN' --assets '$ASSETS' $* $_redir; rc=\$?; stty -g >'$_stty.after'; echo; echo '[opastin exited]' \$rc; sleep 60"
	T set-option -t e2e status off >/dev/null
	T resize-window -t e2e -x "$cols" -y "$rows" >/dev/null 2>&1 || true
}

# strace_cannot: why strace cannot trace the program here; nothing when
# it can.
strace_cannot() {
	if ! command -v strace >/dev/null 2>&1; then
		echo "strace is not installed"
	elif ! strace -o /dev/null true >/dev/null 2>&1; then
		echo "strace cannot trace here (ptrace not permitted)"
	fi
}

# under_strace "STRACE-ARGS": the start_with PREFIX that runs the program
# under strace with STRACE-ARGS.  LeakSanitizer cannot work under
# ptrace: in a sanitizer build (.ci/run's second run) it is turned off,
# or it would fail at exit and write its report.
under_strace() {
	_lsan=
	if grep -q __asan_init "$OPASTIN"; then
		_lsan="ASAN_OPTIONS=${ASAN_OPTIONS:+$ASAN_OPTIONS:}detect_leaks=0"
	fi
	echo "$_lsan strace $1"
}

screen() {
	T capture-pane -p -t e2e 2>/dev/null
}

keys() {
	T send-keys -t e2e "$@"
}

type() {
	T send-keys -t e2e -l "$1"
}

resize() {
	T resize-window -t e2e -x "$1" -y "$2"
}

# Poll the screen every 50 ms until TEXT shows, for at most SECONDS.
wait_for() {
	text=$1
	tries=$(( ${2:-10} * 20 ))
	while [ "$tries" -gt 0 ]; do
		if screen | grep -qF -- "$text"; then
			return 0
		fi
		tries=$((tries - 1))
		sleep 0.05
	done
	diag "timed out waiting for: $text" "screen was:"
	screen | diag "$(cat)"
	return 1
}

wait_gone() {
	text=$1
	tries=$(( ${2:-10} * 20 ))
	while [ "$tries" -gt 0 ]; do
		if ! screen | grep -qF -- "$text"; then
			return 0
		fi
		tries=$((tries - 1))
		sleep 0.05
	done
	diag "timed out waiting for this to go: $text"
	screen | diag "$(cat)"
	return 1
}

# The line of the screen that holds TEXT.
line_with() {
	screen | grep -F -- "$1" | head -n 1
}

# True when the focus marker ">" is on the line holding TEXT.
focused() {
	line_with "$1" | grep -q '^ *>'
}

# Poll until the focus marker is on the line holding TEXT.
wait_focus() {
	tries=$(( ${2:-10} * 20 ))
	while [ "$tries" -gt 0 ]; do
		if focused "$1"; then
			return 0
		fi
		tries=$((tries - 1))
		sleep 0.05
	done
	diag "timed out waiting for the focus on: $1"
	screen | diag "$(cat)"
	return 1
}

# True when the lines holding A, B, C ... come in this order on screen.
in_order() {
	last=0
	for t in "$@"; do
		at=$(screen | grep -nF -- "$t" | head -n 1 | cut -d: -f1)
		[ -n "$at" ] && [ "$at" -gt "$last" ] || return 1
		last=$at
	done
}

# settled: the screen once it has stopped changing.  A frame can reach
# the terminal in several writes, and a test that reads half a frame
# and presses a key on it would press it twice on the screen before
# (under strace or on a loaded machine the writes come far apart).  The
# screen counts as drawn when two captures 40 ms apart agree.
settled() {
	_prev=$(screen)
	for _ in $(seq 1 50); do
		sleep 0.04
		_cur=$(screen)
		[ "$_cur" = "$_prev" ] && break
		_prev=$_cur
	done
	printf '%s\n' "$_prev"
}

# Press Enter until TEXT shows, waiting for the screen to change after
# each press; for walking through questions with their starting focus.
# Enter skips a meter and the municipality, ticks a box and then goes on
# to "Continue", so a walk records only the ticked first boxes.
enter_until() {
	keys_until "$1" Enter
}

# keys_until TEXT KEY...: as enter_until, pressing the KEYs each time,
# e.g. keys_until "Which municipality" 5 Enter rates every meter 5.
keys_until() {
	_until=$1
	shift
	for _ in $(seq 1 40); do
		_now=$(settled)
		printf '%s\n' "$_now" | grep -qF -- "$_until" && return 0
		keys "$@"
		tries=100
		while [ "$tries" -gt 0 ] && [ "$(screen)" = "$_now" ]; do
			tries=$((tries - 1))
			sleep 0.05
		done
	done
	wait_for "$_until" 1
}

# open_diagnostics PIN: on a kiosk whose staff PIN is PIN, the staff
# menu's diagnostics (F12, the PIN, the menu's second item).
open_diagnostics() {
	keys F12
	wait_for "Staff PIN, then Enter:" 5 >/dev/null || return 1
	type "$1"
	keys Enter
	wait_for "Staff menu" 5 >/dev/null || return 1
	keys 2 Enter
}

# Poll until a line of the screen matches the extended regex RE.
wait_re() {
	tries=$(( ${2:-10} * 20 ))
	while [ "$tries" -gt 0 ]; do
		if screen | grep -qE -- "$1"; then
			return 0
		fi
		tries=$((tries - 1))
		sleep 0.05
	done
	diag "timed out waiting for a line matching: $1" "screen was:"
	screen | diag "$(cat)"
	return 1
}

# TEXT as an extended regex that matches it literally.
re_quote() {
	printf '%s\n' "$1" | sed 's/[][\.*^$+?(){}|]/\\&/g'
}

# msg_re LANG MSGID ARG...: an extended regex for the message as the
# program prints it; an ARG "#" stands for any number.
msg_re() {
	_l=$1 _m=$2
	shift 2
	for _a do
		shift
		[ "$_a" = "#" ] && _a=@NUM@
		set -- "$@" "$_a"
	done
	re_quote "$(msgf "$_l" "$_m" "$@")" | sed 's/@NUM@/[0-9]+/g'
}

# The progress in the header, "Question POS of N" in LANG, any N.
progress_re() {
	msg_re "$1" 'Question %1$zu of %2$zu' "$2" '#'
}

# True when the line holding TEXT also shows MARK, e.g. "(*)" or "[x]".
marked() {
	line_with "$1" | grep -qF -- "$2"
}

# Poll until the line holding TEXT shows MARK.
wait_marked() {
	tries=$(( ${3:-10} * 20 ))
	while [ "$tries" -gt 0 ]; do
		if marked "$1" "$2"; then
			return 0
		fi
		tries=$((tries - 1))
		sleep 0.05
	done
	diag "timed out waiting for \"$2\" on the line of: $1" "screen was:"
	screen | diag "$(cat)"
	return 1
}

# choose N NEXT: type an option's number, press Enter, and wait until
# NEXT (a text of the next screen) shows.
choose() {
	keys "$1"
	keys Enter
	wait_for "$2"
}

# msgn_re LANG SINGULAR PLURAL: an extended regex for either form of a
# message with plural forms whose one placeholder is a number.
msgn_re() {
	_one=$(re_quote "$(msgn "$1" "$2" "$3" 1)" | sed 's/%[a-z]*/[0-9]+/')
	_many=$(re_quote "$(msgn "$1" "$2" "$3" 5)" | sed 's/%[a-z]*/[0-9]+/')
	printf '(%s|%s)\n' "$_one" "$_many"
}

# True when the screen does not show TEXT now.
not_shown() {
	! screen | grep -qF -- "$1"
}

# The first N words of a text, for a check that wrapping cannot break.
words() {
	cut -d ' ' -f "1-$1"
}

# Poll until the focus marker is on the line holding TEXT inside a box
# drawn over the screen (the start-over question).
wait_box_focus() {
	tries=$(( ${2:-10} * 20 ))
	while [ "$tries" -gt 0 ]; do
		if line_with "$1" | grep -q '│ *>'; then
			return 0
		fi
		tries=$((tries - 1))
		sleep 0.05
	done
	diag "timed out waiting for the focus in the box on: $1"
	screen | diag "$(cat)"
	return 1
}

# The screen as one line, its lines joined by single spaces: for texts
# that the program wraps at a width the test does not know.
screen_joined() {
	screen | tr '\n' ' ' | tr -s ' '
}

# Poll until the joined screen shows TEXT (with single spaces).
wait_joined() {
	want=$(printf '%s' "$1" | tr -s ' ')
	tries=$(( ${2:-10} * 20 ))
	while [ "$tries" -gt 0 ]; do
		if screen_joined | grep -qF -- "$want"; then
			return 0
		fi
		tries=$((tries - 1))
		sleep 0.05
	done
	diag "timed out waiting for (wrapped): $1" "screen was:"
	screen | diag "$(cat)"
	return 1
}

# wait_size COLS ROWS: poll until the window is COLSxROWS and the key
# bar is on its last row: the program has drawn for the new size.
wait_size() {
	tries=$(( ${3:-10} * 20 ))
	while [ "$tries" -gt 0 ]; do
		if [ "$(T display-message -p -t e2e '#{window_width}x#{window_height}')" = "$1x$2" ] &&
		    screen | sed -n "$2p" | grep -q 'F10'; then
			return 0
		fi
		tries=$((tries - 1))
		sleep 0.05
	done
	diag "timed out waiting for a $1x$2 screen with the key bar at the bottom:"
	screen | diag "$(cat)"
	return 1
}

# The column (from 0) where TEXT starts on the line holding it.
column_of() {
	_line=$(line_with "$1")
	_before=${_line%%"$1"*}
	printf '%s' "$_before" | wc -m | tr -d ' '
}

# Stop the program and its terminal, for a test that starts it again;
# the next start gets a new tmux server of its own.
e2e_runs=0
stop() {
	T kill-server >/dev/null 2>&1 || true
	e2e_runs=$((e2e_runs + 1))
	e2e_sock="$tmpdir/tmux.$e2e_runs.sock"
}

# ---- Kiosk mode: the program's process, its end, the clock ----

# The process id of what start ran in the pane (the program, or the
# PREFIX program of start_with): the child of the pane's shell.
pane_child() {
	pgrep -P "$(T display-message -p -t e2e '#{pane_pid}')" | head -n 1
}

# Poll until the program has ended; true when it did, within SECONDS.
wait_exit() {
	wait_re '^\[opastin exited\] [0-9]+$' "${1:-10}"
}

# The exit status the pane shows once the program has ended.
exit_status() {
	screen | sed -n 's/^\[opastin exited\] \([0-9][0-9]*\)$/\1/p' | head -n 1
}

# True when the terminal's settings (stty -g) after the program are the
# same as before it: raw mode, echo and the rest were restored.
tty_restored() {
	_stty="$tmpdir/stty.$e2e_runs"
	[ -s "$_stty.before" ] && [ -s "$_stty.after" ] &&
	    cmp -s "$_stty.before" "$_stty.after"
}

# The whole pane, its scrollback (history) included.
scrollback() {
	T capture-pane -p -S - -t e2e 2>/dev/null
}

# Milliseconds of wall-clock time, for the checks of timing.
ms_now() {
	echo $(( $(date +%s%N) / 1000000 ))
}

# Poll for SECONDS (may be fractional) that TEXT stays on the screen all
# the while; false as soon as it is gone.
stays() {
	_until=$(( $(ms_now) + $(echo "$2" | awk '{ printf "%d", $1 * 1000 }') ))
	while [ "$(ms_now)" -lt "$_until" ]; do
		if ! screen | grep -qF -- "$1"; then
			diag "gone before $2 s: $1" "screen was:"
			screen | diag "$(cat)"
			return 1
		fi
		sleep 0.05
	done
}

# Poll for SECONDS that TEXT does not show; false as soon as it does.
stays_away() {
	_until=$(( $(ms_now) + $(echo "$2" | awk '{ printf "%d", $1 * 1000 }') ))
	while [ "$(ms_now)" -lt "$_until" ]; do
		if screen | grep -qF -- "$1"; then
			diag "shown before $2 s: $1" "screen was:"
			screen | diag "$(cat)"
			return 1
		fi
		sleep 0.05
	done
}

# ---- Speech: the utterances, as speech_log writes them ----
#
# With "speech_log = $speech_log" in its configuration the program writes
# each utterance as one line, "LANG<TAB>TEXT", instead of speaking it.
#
#   wait_log TEXT [SECONDS]     until a line of the log holds TEXT (fixed)
#   wait_log_re RE [SECONDS]    until a line matches the extended regex RE
#   log_count                   how many utterances the log holds now
#   log_since N                 the utterances after the first N
#   said RE                     the next utterance matching RE, after the
#                               one the last "said" found: for checking
#                               an order (no waiting: the log is complete)
#   wait_said RE [SECONDS]      the same, waiting for the utterance to come
speech_log="$tmpdir/speech.log"
TAB=$(printf '\t')
log_at=0

log_count() {
	if [ -f "$speech_log" ]; then
		wc -l <"$speech_log" | tr -d ' '
	else
		echo 0
	fi
}

log_since() {
	[ -f "$speech_log" ] && sed -n "$(( $1 + 1 )),\$p" "$speech_log"
	return 0
}

log_diag() {
	diag "the speech log holds:"
	if [ -s "$speech_log" ]; then
		sed 's/^/#   /' "$speech_log"
	else
		diag "  (nothing)"
	fi
}

# Poll the log every 50 ms until a line matches (grep OPTION PATTERN).
log_poll() {
	_opt=$1 _pat=$2
	_tries=$(( ${3:-10} * 20 ))
	while [ "$_tries" -gt 0 ]; do
		if [ -f "$speech_log" ] && grep -q "$_opt" -- "$_pat" "$speech_log"; then
			return 0
		fi
		_tries=$((_tries - 1))
		sleep 0.05
	done
	diag "timed out waiting for the speech log to say: $_pat"
	log_diag
	return 1
}

wait_log() {
	log_poll -F "$1" "${2:-10}"
}

wait_log_re() {
	log_poll -E "$1" "${2:-10}"
}

# The next utterance after utterance log_at that matches RE: true, and
# log_at moves on to it; false when there is none yet.
log_next() {
	_n=$(log_since "$log_at" | grep -nE -- "$1" | head -n 1 | cut -d: -f1)
	[ -n "$_n" ] || return 1
	log_at=$((log_at + _n))
}

said() {
	log_next "$1" && return 0
	diag "not said after utterance $log_at: $1" "the utterances after it:"
	log_since "$log_at" | sed 's/^/#   /'
	return 1
}

# wait_said RE [SECONDS]: said, polling the log until the utterance comes.
wait_said() {
	_tries=$(( ${2:-10} * 20 ))
	while [ "$_tries" -gt 0 ]; do
		log_next "$1" && return 0
		_tries=$((_tries - 1))
		sleep 0.05
	done
	said "$1"
}

# ---- Walks shared by several tests ----

# search_results LANG WORDS: from the welcome screen, search by WORDS in
# LANG, to the services found.
search_results() {
	wait_for Svenska || return 1
	keys Enter
	wait_for "$(msg "$1" 'What has happened in your life?')" || return 1
	keys End Enter
	wait_for "$(msg "$1" 'What kind of service are you looking for?')" || return 1
	type "$2"
	keys Enter
	wait_for "Opastin · $(msg "$1" 'Services for you')"
}

# child_results LANG TYPED MUNICIPALITY: from the welcome screen, through
# the questions of having a child, typing TYPED for the municipality and
# choosing MUNICIPALITY, to the results.
child_results() {
	wait_for Svenska || return 1
	keys Enter
	wait_for "$(msg "$1" 'What has happened in your life?')" || return 1
	keys 1 Enter
	enter_until "$(msg "$1" 'Which municipality do you live in?')" || return 1
	type "$2"
	wait_focus "$3" || return 1
	keys Enter
	enter_until "Opastin · $(msg "$1" 'Services for you')"
}

# open_detail LANG NAME: on the results, wait for the focus on NAME and
# open its details.
open_detail() {
	wait_focus "$2" || return 1
	keys Enter
	wait_for "$(msg "$1" 'Service details')"
}

# seen TEXT: the detail screen shows TEXT, scrolling down for it.
seen() {
	for _ in 1 2 3 4 5 6; do
		screen | grep -qF -- "$1" && return 0
		keys PageDown
		sleep 0.1
	done
	wait_for "$1" 1
}
