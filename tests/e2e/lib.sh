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
	T -f /dev/null new-session -d -s e2e -x "$cols" -y "$rows" \
	    "env LC_ALL=C.UTF-8 TERM=screen OPASTIN_LOCALEDIR='$OPASTIN_LOCALEDIR' '$OPASTIN' --assets '$ASSETS' $*; echo; echo '[opastin exited]' \$?; sleep 60"
	T set-option -t e2e status off >/dev/null
	T resize-window -t e2e -x "$cols" -y "$rows" >/dev/null 2>&1 || true
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

# Press Enter until TEXT shows, waiting for each new screen; for walking
# through questions with their default choices.
enter_until() {
	for _ in $(seq 1 25); do
		screen | grep -qF -- "$1" && return 0
		before=$(screen | head -n 1)
		keys Enter
		tries=100
		while [ "$tries" -gt 0 ] && [ "$(screen | head -n 1)" = "$before" ] && \
		    ! screen | grep -qF -- "$1"; do
			tries=$((tries - 1))
			sleep 0.05
		done
	done
	wait_for "$1" 1
}
