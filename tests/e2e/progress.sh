#!/bin/sh
# Progress is stable (issue 10): "Question P of T" in the header never
# grows as the citizen answers; it used to ("2 of 11", then "3 of 12").
# Walked with Enter through every event's questions, each in turn.
. "$top_srcdir/tests/e2e/lib.sh"

# The total in the header, or nothing.
total() {
	screen | head -n 1 | sed -n 's/.*Question [0-9][0-9]* of \([0-9][0-9]*\) *$/\1/p'
}

# walk N: choose the Nth event and press Enter to the review; fails when
# the total grows.
walk() {
	wait_for "What has happened in your life?" || return 1
	_last=$(total)
	keys "$1" Enter
	for _ in $(seq 1 30); do
		settled >/dev/null	# a whole frame, not half of one
		screen | grep -qF "Check your answers" && return 0
		wait_re 'Question [0-9]+ of [0-9]+ *$' 2 >/dev/null || return 1
		_t=$(total)
		if [ -n "$_t" ] && [ "$_t" -gt "$_last" ]; then
			diag "event $1: the total grew from $_last to $_t"
			screen | diag "$(cat)"
			return 1
		fi
		_last=$_t
		_before=$(screen)
		# A number that must be given: the smallest that fits.
		if screen | grep -qF "Your answer: _"; then
			type 1
			wait_for "Your answer: 1_" 2 >/dev/null || return 1
			_before=$(screen)
		fi
		keys Enter
		_tries=100
		while [ "$_tries" -gt 0 ] && [ "$(screen)" = "$_before" ]; do
			_tries=$((_tries - 1))
			sleep 0.05
		done
	done
	wait_for "Check your answers" 1
}

for n in 1 2 3 4 5 6 7 8 9 10 11 12; do
	start 80 24 --lang en --offline
	wait_for Svenska
	keys 3 Enter
	ok_if "event $n: the total never grows" walk "$n"
	stop
done
finish
