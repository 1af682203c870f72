#!/bin/sh
# F1 help lists every key that works in this mode, with its meaning: the
# speech keys (the configured toggle, F6, F7 F8, F9 F11) when speech is
# configured, F4 in counter mode, F12 where a staff PIN is set; and none
# of them where they do nothing.  In all three languages.
. "$top_srcdir/tests/e2e/lib.sh"

conf="$tmpdir/opastin.conf"
hashline=$(echo 246810 | "$OPASTIN" --hash-pin 2>/dev/null)

# shows KEY MSGID: the help's line of KEY shows the meaning, in $L.
shows() {
	_t=$(msg "$L" "$2")
	line_with "  $1  " | grep -qF -- "$_t" ||
	    { diag "no \"$1  $_t\" on the screen:"; screen | diag "$(cat)"; return 1; }
}
# lacks KEY: no line of the help starts with KEY.
lacks() {
	! screen | grep -qE "^ *$1  "
}

open_help() {
	wait_for "$(msg "$L" 'Help')" >/dev/null
	keys F1
	wait_for "$(msg "$L" 'Open or close this help.')"
}

for L in en fi sv; do
	# Speech configured, counter mode, a staff PIN: every key.
	printf '%s\n' "speech = key" "speech_log = $speech_log" "$hashline" >"$conf"
	chmod 600 "$conf"
	start 160 50 --config "$conf" --counter --lang $L
	open_help
	ok_if "$L counter, speech, PIN: F5 turns speech on or off" \
	    shows F5 'Turn speech on or off. The keys below work while it is on.'
	ok_if "... F6 says the screen again" shows F6 'Say the screen again.'
	ok_if "... F7 F8 speak slower or faster" shows "F7 F8" 'Speak slower or faster.'
	ok_if "... F9 F11 more quietly or loudly" shows "F9 F11" 'Speak more quietly or more loudly.'
	ok_if "... F4 shows the answers in full" \
	    shows F4 'Show all the questions and answers in full, to read them together.'
	ok_if "... F12 opens the staff menu" shows F12 'Staff menu. It asks for the staff PIN.'
	ok_if "... and the keys of every mode" sh -c '
	    screen() { "$1" -u -S "$2" capture-pane -p -t e2e; }
	    for k in F1 F2 F10 Esc Enter; do screen "$1" "$2" | grep -qE "^ *$k  " || exit 1; done' \
	    - "$TMUX_BIN" "$e2e_sock"
	stop

	# No speech, plain mode, no PIN: none of those.
	printf '%s\n' "speech = off" >"$conf"
	start 160 50 --config "$conf" --lang $L
	open_help
	ok_if "$L plain, no speech, no PIN: no speech keys" \
	    sh -c '! "$1" -u -S "$2" capture-pane -p -t e2e | grep -qE "^ *(F5|F6|F7 F8|F9 F11)  "' \
	    - "$TMUX_BIN" "$e2e_sock"
	ok_if "... no F4" lacks F4
	ok_if "... no F12" lacks F12
	ok_if "... but F10 is there" shows F10 'Start over. All your answers are cleared.'
	stop
done

# Kiosk mode with the speech key on F3: F3 is listed, not F5; no F4.
printf '%s\n' "speech = key" "speech_key = F3" "speech_log = $speech_log" "$hashline" >"$conf"
L=en
start 160 50 --config "$conf" --kiosk --lang en
open_help
ok_if "kiosk, speech_key = F3: F3 turns speech on or off" \
    shows F3 'Turn speech on or off. The keys below work while it is on.'
ok_if "... F5 is not listed" lacks F5
ok_if "... F12 is" shows F12 'Staff menu. It asks for the staff PIN.'
ok_if "... F4 is not" lacks F4
finish
