#!/bin/sh
# The idle timeout of a kiosk, with short times: idle_timeout_s = 4 and
# idle_warning_s = 2.  The warning comes after 2 s without input and
# counts down; any key goes on with the session, answers kept.  At 4 s
# the session is wiped: the welcome screen in the default language (here
# Finnish), and nothing of the citizen's on the screen or in the
# terminal's scrollback.
#
# The program runs with TERM=linux, as on the console of a kiosk: no
# alternate screen, so what the program drew can reach the scrollback.
# Shrinking the window below the cursor pushes the top of the screen into
# tmux's history; the test does so on the review screen, checks that the
# answers are in the scrollback then, and that the reset clears them from
# it.
. "$top_srcdir/tests/e2e/lib.sh"

conf="$tmpdir/opastin.conf"
printf '%s\n' "mode = kiosk" "default_language = fi" \
    "idle_timeout_s = 4" "idle_warning_s = 2" >"$conf"
log="$tmpdir/log"
warning="Are you still there?"
welcome_fi="Opastin · $(msg fi Welcome)"
# What the citizen answered, as the review shows it.
answers="Moving home|Jyväskylä|Moving out of my parents' home|A rented home|Life event:|Municipality:|Check your answers"

# ms_since T0: milliseconds since T0 (from ms_now).
ms_since() {
	echo $(( $(ms_now) - $1 ))
}

# between N LOW HIGH: LOW <= N <= HIGH, with a note when not.
between() {
	[ "$1" -ge "$2" ] && [ "$1" -le "$3" ] && return 0
	diag "took $1 ms, expected $2 to $3 ms"
	return 1
}

# How many idle resets the log has seen.
resets() {
	_n=$(grep -c "idle timeout: session reset" "$log" 2>/dev/null)
	echo "${_n:-0}"
}

# Poll the log until it has more idle resets than N.
wait_resets() {
	tries=$(( ${2:-10} * 20 ))
	while [ "$tries" -gt 0 ]; do
		[ "$(resets)" -gt "$1" ] && return 0
		tries=$((tries - 1))
		sleep 0.05
	done
	diag "timed out waiting for the log to say: idle timeout: session reset"
	return 1
}

start_with 80 24 "TERM=linux" "$log" --config "$conf" --log-stderr
ok_if "the kiosk starts in its default language, Finnish" wait_for "$welcome_fi"

# to_review: from the welcome screen in Finnish, choose English and
# Moving home and answer every question, with Jyväskylä, up to the
# review.  With idle times this short, a test that lags 2 s between two
# keys (on a machine busy with many tests) meets the warning or the reset
# on the way; it then waits for the reset and tries again, three times.
to_review() {
	for _try in 1 2 3; do
		if wait_for "$welcome_fi" 6 >/dev/null &&
		    keys 3 Enter && wait_for "What has happened in your life?" 3 >/dev/null &&
		    keys 3 Enter && wait_for "Opastin · Moving home" 3 >/dev/null &&
		    enter_until "Which municipality" >/dev/null &&
		    type jyvas && wait_focus "Jyväskylä" 3 >/dev/null &&
		    keys Enter && enter_until "Check your answers" >/dev/null &&
		    wait_for "Municipality: Jyväskylä" 1 >/dev/null &&
		    not_shown "$warning"; then
			return 0
		fi
		diag "try $_try to reach the review failed"
	done
	return 1
}
if to_review; then
	ok "the citizen answers every question in English and reaches the review"
elif grep -q "idle timeout" "$log"; then
	ok "the citizen answers every question in English and reaches the review # SKIP the test is too slow for a 4 s idle time: the session was reset on the way, three times"
	finish
else
	not_ok "the citizen answers every question in English and reaches the review"
	finish
fi
ok_if "the review shows the answers" wait_for "Municipality: Jyväskylä"

# The warning, about idle_timeout_s - idle_warning_s = 2 s after a key,
# and a key at once.
#
# A test that lags far behind the screen (a loaded machine running many
# tests at once) may see the warning so late that its key comes after
# the reset; it can then prove nothing about the key, and says so (a
# SKIP), rather than blame the program.
late=2800	# ms after the last key: later, the test lags too much
resets_before=$(resets)
t0=$(ms_now)
keys Down
ok_if "no warning in the first 1.5 s without input" stays_away "$warning" 1.5
ok_if "the warning appears" wait_for "$warning" 5
seen=$(ms_since "$t0")
keys x
ok_if "the warning came 1.5 to 5 s after the last key (${seen} ms)" between "$seen" 1500 5000
ok_if "any key (a letter) closes the warning" wait_gone "$warning" 2
continued=no
if wait_for "Check your answers" 2; then
	continued=yes
elif [ "$seen" -gt "$late" ] && [ "$(resets)" -gt "$resets_before" ]; then
	continued=late
fi
if [ "$continued" = late ]; then
	for what in "the session goes on: the review is back" "the answers are kept" \
	    "the municipality is kept" "the letter did not reset the session"; do
		ok "$what # SKIP the test saw the warning only after $seen ms, too late to answer it"
	done
	# Back to the review, for the rest.
	to_review || diag "the review was not reached again"
else
	ok_if "the session goes on: the review is back" test "$continued" = yes
	ok_if "the answers are kept" wait_for "Life event: Moving home" 1
	ok_if "the municipality is kept" wait_for "Municipality: Jyväskylä" 1
	ok_if "the letter did not reset the session" test "$(resets)" -eq "$resets_before"
fi

# The window shrinks and grows back: the top of the review, the answers,
# goes into the scrollback, for the reset to clear.
resize 80 6
wait_for "Please make this window larger" 2 >/dev/null
if scrollback | grep -qF "Life event: Moving home"; then
	ok "the answers are in the scrollback now (the check after the reset can see them)"
else
	ok "the answers are in the scrollback now (the check after the reset can see them) # SKIP this tmux keeps no history on shrinking"
fi
resize 80 24
ok_if "the review is drawn again at 80x24" wait_for "Show suggested services" 2

# Now the reset, at idle_timeout_s = 4 s after the last key.
resets_before=$(resets)
t0=$(ms_now)
keys End
ok_if "the warning comes again" wait_for "$warning" 5
seen=$(ms_since "$t0")
# The numbers the countdown shows, each once, until the warning goes.
counts=""
last=""
until=$(( $(ms_now) + 6000 ))
while [ "$(ms_now)" -lt "$until" ]; do
	now=$(screen)
	printf '%s\n' "$now" | grep -qF "$warning" || break
	n=$(printf '%s\n' "$now" | sed -n 's/.*cleared in \([0-9][0-9]*\) second.*/\1/p' | head -n 1)
	if [ -n "$n" ] && [ "$n" != "$last" ]; then
		counts="$counts $n"
		last=$n
	fi
	sleep 0.05
done
if [ "$counts" = " 2 1" ]; then
	ok "the countdown counts 2, 1"
elif [ "$seen" -gt "$late" ] && [ "$last" = 1 ]; then
	ok "the countdown counts 2, 1 # SKIP the test saw the warning only after $seen ms, and only:$counts"
else
	not_ok "the countdown counts 2, 1"
	diag "it showed:$counts"
fi
ok_if "the session is reset" wait_resets "$resets_before" 6
took=$(ms_since "$t0")
ok_if "the reset came 3.5 to 6 s after the last key (${took} ms)" between "$took" 3500 6000
ok_if "after the reset: the welcome screen in Finnish" wait_for "$welcome_fi"
ok_if "after the reset: the welcome screen shows the languages" wait_for "Svenska"
ok_if "after the reset: the warning is gone" not_shown "$warning"
ok_if "after the reset: no answer on the screen" sh -c '! printf "%s\n" "$1" | grep -qE "$2"' - "$(screen)" "$answers"
ok_if "after the reset: no answer in the scrollback" sh -c '! printf "%s\n" "$1" | grep -qE "$2"' - "$(scrollback)" "$answers"
ok_if "after the reset: no English question text in the scrollback" \
    sh -c '! printf "%s\n" "$1" | grep -qF "What has happened"' - "$(scrollback)"
ok_if "the log says the session was reset" grep -q "session reset" "$log"
ok_if "the log says why: the idle timeout" grep -q "idle timeout" "$log"
ok_if "the log holds no answer" sh -c '! grep -qE "$1" "$2"' - "$answers|jyvas" "$log"
# An untouched welcome screen in the default language has no timeout.
ok_if "no warning on the untouched welcome screen" stays_away "$warning" 2.5
ok_if "the kiosk is still running" not_shown "[opastin exited]"
finish
