#!/bin/sh
# Languages are shown by name, never by code: the data language on a
# counter's detail screen and in the staff diagnostics ("data in
# Finnish", "tietojen kieli suomi"), in each language.  (Phone lines
# of another language say "(in Swedish)" by name since the register
# work; tests/unit/test-contacts.c covers that.)
. "$top_srcdir/tests/e2e/lib.sh"

ok_translated fi "Finnish" "Data language"
ok_translated sv "Finnish" "Data language"

conf="$tmpdir/opastin.conf"
printf '%s\n' "speech = off" "$(echo 246810 | "$OPASTIN" --hash-pin 2>/dev/null)" >"$conf"
chmod 600 "$conf"

for L in fi sv en; do
	start 100 30 --config "$conf" --counter --lang $L
	wait_for "$(msg $L 'Find the public services that can help when something changes in your life.')" >/dev/null
	keys Enter
	wait_for "$(msg $L 'What has happened in your life?')" >/dev/null
	keys 3 Enter
	enter_until "$(msg $L 'Check your answers')" >/dev/null
	keys End Enter
	wait_for "$(msg $L 'Services for you')" >/dev/null
	keys Enter
	ok_if "$L: the detail screen" wait_for "$(msg $L 'Service details')"
	# The results' data are in the screen's language here.
	case $L in fi) name=$(msg $L Finnish) ;; sv) name=$(msg $L Swedish) ;; en) name=English ;; esac
	# The end of the line: " · data in NAME".
	tail=$(msg $L 'Service id %1$s · score %2$.2f · data in %3$s' | sed 's/.*%2\$\.2f//')
	tail=$(printf '%s' "$tail" | sed "s/%3\\\$s/$name/")
	ok_if "$L: the data language by name: $name" wait_re "$(re_quote "$tail")\$"
	ok_if "... never a code" sh -c '! "$1" -u -S "$2" capture-pane -p -t e2e | grep -qE " (fi|sv|en) *$"' \
	    - "$TMUX_BIN" "$e2e_sock"
	keys F12
	wait_for "$(msg $L 'Staff PIN, then Enter:')" >/dev/null
	type 246810
	keys Enter
	wait_for "$(msg $L 'Diagnostics')" >/dev/null
	keys 2 Enter
	ok_if "$L: the diagnostics name the data language: $name" \
	    wait_re "$(re_quote "$(msg $L 'Data language')") +$(re_quote "$name")\$"
	stop
done
finish
