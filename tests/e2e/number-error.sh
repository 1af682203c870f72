#!/bin/sh
# A number that cannot be taken is refused on the line right under the
# field, in the error colour, and said; not on the message line at the
# bottom of the screen.  Typing clears it.  In each language.
. "$top_srcdir/tests/e2e/lib.sh"

conf="$tmpdir/opastin.conf"
printf '%s\n' "speech = always" "speech_log = $speech_log" >"$conf"

# The row (from 1) of the screen's line holding TEXT.
row_of() {
	screen | grep -nF -- "$1" | head -n 1 | cut -d: -f1
}

for L in fi sv en; do
	range=$(msgf $L 'Please type a number from %1$d to %2$d.' 0 15)
	start 80 24 --lang $L --config "$conf"
	wait_for "$(msg $L Welcome)" >/dev/null
	keys Enter
	wait_for "$(msg $L 'What has happened in your life?')" >/dev/null
	keys 1 Enter
	wait_for "$(msg $L 'Which of these describes your situation?')" >/dev/null
	choose 2 "$(msg $L 'Will you raise the child with a partner?')" >/dev/null
	choose 3 "$(msg $L 'How many children under 18 already live with you?')" >/dev/null
	type 20
	wait_for "$(msg $L 'Your answer:') 20_" >/dev/null
	keys Enter
	ok_if "$L: 20 is refused: $range" wait_for "$range"
	field=$(row_of "$(msg $L 'Your answer:')")
	ok_if "... on the line under the field" test "$(row_of "$range")" -eq $((field + 1))
	ok_if "... not on the bottom lines" sh -c '
	    "$1" -u -S "$2" capture-pane -p -t e2e | tail -n 3 | grep -qF -- "$3" && exit 1 || exit 0' \
	    - "$TMUX_BIN" "$e2e_sock" "$range"
	ok_if "... in the error colour (red)" sh -c '
	    "$1" -u -S "$2" capture-pane -e -p -t e2e | sed -n "$3p" | grep -qE "\[([0-9]+;)*31(;[0-9]+)*m"' \
	    - "$TMUX_BIN" "$e2e_sock" "$((field + 1))"
	ok_if "... and said" wait_log "$L$TAB$range"
	keys BSpace
	ok_if "... Backspace clears it" wait_gone "$range"
	ok_if "... and the hint is back" \
	    wait_for "$(msgf $L 'Type a number from %1$d to %2$d, then press Enter.' 0 15)"
	stop
	rm -f "$speech_log"
done
finish
