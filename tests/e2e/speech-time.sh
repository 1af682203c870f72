#!/bin/sh
# Time that can be extended, and a warning given through more than one
# sense (idle_timeout_s = 4, idle_warning_s = 2):
#  - speech off: the warning shows 2 s before the reset and rings the
#    terminal bell; "More time" (key 2) extends the session: no reset at
#    the original time, and the reset comes later, after twice the time;
#  - speech on (speech = always): the idle timeout is doubled (no warning
#    at 3 s) and the warning is spoken;
#  - speech = key (idle_timeout_s = 2, idle_warning_s = 1): turning speech
#    on with F5 doubles the idle time at once; a kiosk reset after speech
#    was turned on turns it off again.
# Times are measured from the key that last reset the idle clock.
. "$top_srcdir/tests/e2e/lib.sh"

conf="$tmpdir/time.conf"

bell_flag() {
	T display -p -t e2e '#{window_bell_flag}'
}

# Poll until tmux has seen the bell in the program's window.
wait_bell() {
	_tries=$(( ${1:-2} * 20 ))
	while [ "$_tries" -gt 0 ]; do
		[ "$(bell_flag)" = 1 ] && return 0
		_tries=$((_tries - 1))
		sleep 0.05
	done
	diag "no bell: window_bell_flag is $(bell_flag)"
	return 1
}

# Seconds (with a fraction) from now until MS milliseconds after the
# clock time T, for stays and stays_away.
until_ms() {
	awk -v t="$1" -v ms="$2" -v now="$(ms_now)" \
	    'BEGIN { d = (t + ms - now) / 1000; printf "%.2f", d < 0 ? 0 : d }'
}

# True when A <= N <= B.
between() {
	[ "$2" -le "$1" ] && [ "$1" -le "$3" ] && return 0
	diag "$1 is not between $2 and $3"
	return 1
}

# ---- Speech off: the bell, and "More time" ----
L=en
t() { msg $L "$1"; }
q1=$(t 'What has happened in your life?')
printf 'idle_timeout_s = 4\nidle_warning_s = 2\nspeech = off\n' >"$conf"
start 80 24 --lang en --config "$conf"
T set-option -g -w monitor-bell on >/dev/null
T set-option -g bell-action any >/dev/null
wait_for "Opastin · $(t Welcome)"
t0=$(ms_now)
keys Enter
wait_for "$q1"
ok_if "off: no bell before the warning" [ "$(bell_flag)" = 0 ]
ok_if "off: the warning appears" wait_for "$(t 'Are you still there?')" 5
warned=$(( $(ms_now) - t0 ))
ok_if "off: ... about 2 s after the last key (${warned} ms)" between "$warned" 1700 3000
ok_if "off: the terminal bell is rung with it" wait_bell 2
ok_if "off: the warning offers More time as choice 2" \
    wait_re "^ *>? +2  $(re_quote "$(t 'More time')")"
tw=$(ms_now)
keys 2
ok_if "off: More time closes the warning, the question is back" \
    wait_gone "$(t 'Are you still there?')" 2
ok_if "off: the question stays on past the original reset time (4.5 s)" \
    stays "$q1" "$(until_ms "$t0" 4500)"
ok_if "off: at 4.5 s the welcome screen is not shown" not_shown "Opastin · $(t Welcome)"
ok_if "off: at 4.5 s the question still is" wait_for "$q1" 1
# Twice the time from the choice: a warning at 6 s, the reset at 8 s.
ok_if "off: no new warning before 5.5 s after More time" \
    stays_away "$(t 'Are you still there?')" "$(until_ms "$tw" 5500)"
ok_if "off: the session is reset later after all" wait_for "Opastin · $(t Welcome)" 6
reset=$(( $(ms_now) - tw ))
ok_if "off: ... about 8 s after More time (${reset} ms)" between "$reset" 7500 9500
stop

# ---- Speech on: the time doubles, and the warning is spoken ----
L=fi
ok_translated fi 'Are you still there?' 'Your answers will be cleared in %lld second.'
q1=$(t 'What has happened in your life?')
printf 'idle_timeout_s = 4\nidle_warning_s = 2\nspeech = always\nspeech_log = %s\n' \
    "$speech_log" >"$conf"
start 80 24 --lang fi --config "$conf"
wait_for "Opastin · $(t Welcome)"
t0=$(ms_now)
keys Enter
wait_for "$q1"
ok_if "always: no warning at 3 s, nor until 5.5 s (twice 4 s, less 2 s)" \
    stays_away "$(t 'Are you still there?')" "$(until_ms "$t0" 5500)"
ok_if "always: the warning appears" wait_for "$(t 'Are you still there?')" 3
warned=$(( $(ms_now) - t0 ))
ok_if "always: ... about 6 s after the last key (${warned} ms)" between "$warned" 5700 7000
ok_if "always: the warning is spoken, with its countdown" \
    wait_log_re "^fi$TAB$(re_quote "$(t 'Are you still there?')") $(msgn_re fi \
    'Your answers will be cleared in %lld second.' 'Your answers will be cleared in %lld seconds.')" 2
ok_if "always: the bell is rung too" wait_bell 2
stop

# ---- speech = key: a reset turns speech off again ----
L=en
q1=$(t 'What has happened in your life?')
rm -f "$speech_log"
printf 'idle_timeout_s = 2\nidle_warning_s = 1\nspeech = key\nspeech_log = %s\n' \
    "$speech_log" >"$conf"
start 80 24 --lang en --config "$conf"
wait_for "Opastin · $(t Welcome)"
keys Enter
wait_for "$q1"
tF=$(ms_now)
keys F5
ok_if "key: F5 turns speech on" wait_log "$(t 'Speech on.')" 2
ok_if "key: turning speech on doubles the idle time at once: no warning for 2.5 s" \
    stays_away "$(t 'Are you still there?')" "$(until_ms "$tF" 2500)"
ok_if "key: the warning is spoken" wait_log "$(t 'Are you still there?')" 5
ok_if "key: the session is reset" wait_for "Opastin · $(t Welcome)" 3
ok_if "key: after the reset the welcome screen shows the speech hint again" \
    wait_joined "$(msgf en 'Press %s to hear speech.' F5)" 2
n=$(log_count)
keys Up
wait_focus Svenska
keys Down
wait_focus English
ok_if "key: after the reset moving the focus says nothing" [ "$(log_count)" -eq "$n" ]
[ "$(log_count)" -eq "$n" ] || log_diag
keys F5
ok_if "key: and the speech key still turns speech on" \
    wait_log_re "^en$TAB$(re_quote "$(t 'Speech on.') $(t Welcome).")" 2
finish
