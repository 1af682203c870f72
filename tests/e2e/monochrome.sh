#!/bin/sh
# Without colour every screen still renders at 80x24 and the focus can be
# seen: the ">" marker on the focused line.  Three ways to lose colour:
# a terminal without colours (TERM=vt100), NO_COLOR set on a colour
# terminal, and theme = monochrome.  In each, the screen shows no colour
# at all (tmux's record of the screen, capture-pane -e).
. "$top_srcdir/tests/e2e/lib.sh"

ESC=$(printf '\033')
# An SGR sequence that sets a foreground or background colour (30-38,
# 40-48, 90-97, 100-107); 39 and 49, the terminal's default colours, are
# no colour.
colour_re="$ESC\\[([0-9]+;)*(3[0-8]|4[0-8]|9[0-7]|10[0-7])(;[0-9]+)*m"

# No colour on the screen now; false (with a note) when there is.
coloured=""
check_colour() {
	if T capture-pane -e -p -t e2e | grep -qE "$colour_re"; then
		coloured="$coloured $1"
	fi
}

# f10: F10 as the terminal under test sends it.  tmux sends its own
# F10 (ESC [ 2 1 ~); a vt100 sends ESC O x, as its terminfo says.
f10() {
	if [ "$vt100" = yes ]; then
		T send-keys -t e2e -H 1b 4f 78
	else
		keys F10
	fi
}

# every_screen LABEL: walk through every kind of screen and check that
# it renders and shows its focus.
every_screen() {
	l=$1
	coloured=""
	ok_if "$l: the welcome screen renders" wait_for "Find the public services"
	ok_if "$l: the focus on the welcome screen is marked" wait_focus English
	check_colour welcome
	keys 3 Enter
	ok_if "$l: a question renders" wait_for "What has happened in your life?"
	ok_if "$l: the focus on the question is marked" wait_focus "Having a child"
	ok_if "$l: the answers show their radio marks, not colours" marked "Having a child" "( )"
	check_colour question
	keys F1
	ok_if "$l: the help renders" wait_for "Opastin · Help"
	ok_if "$l: the help shows its keys" wait_for "Open or close this help."
	check_colour help
	keys F1
	wait_gone "Opastin · Help" >/dev/null
	keys 3 Enter
	wait_for "Opastin · Moving home" >/dev/null
	ok_if "$l: the focus on a follow-up question is marked" wait_focus "Moving out of my parents' home"
	ok_if "$l: the review renders" enter_until "Check your answers"
	ok_if "$l: the focus on the review is marked" wait_focus "Show suggested services"
	check_colour review
	keys Enter
	ok_if "$l: the results render" wait_for "Services for you"
	ok_if "$l: the focus on the results is marked" wait_re '^ *> +1  '
	check_colour results
	keys Enter
	ok_if "$l: the detail screen renders" wait_for "Service details"
	ok_if "$l: the detail screen shows a channel" wait_for "Web:"
	check_colour detail
	f10
	ok_if "$l: the start-over question renders" wait_for "Start over? All your answers will be cleared."
	ok_if "$l: the focus in the start-over box is marked" wait_box_focus "No, keep my answers"
	keys Down
	ok_if "$l: the marker follows the focus in the box" wait_box_focus "Yes, start over"
	check_colour confirm
	keys Up Enter
	ok_if "$l: No keeps the answers" wait_gone "Start over?"
	ok_if "$l: the key bar renders" wait_re 'Esc Back .*F1 Help .*F10 Start over'
	ok_if "$l: no colour on any screen" test -z "$coloured"
	[ -z "$coloured" ] || diag "coloured screens:$coloured"
}

vt100=yes
start_with 80 24 "TERM=vt100" "" --kiosk --lang en
every_screen "TERM=vt100"

stop
vt100=no
start_with 80 24 "TERM=screen-256color NO_COLOR=1" "" --kiosk --lang en
every_screen "NO_COLOR=1"

stop
conf="$tmpdir/opastin.conf"
printf '%s\n' "theme = monochrome" >"$conf"
start_with 80 24 "TERM=screen-256color" "" --config "$conf" --kiosk --lang en
every_screen "theme = monochrome"

# The check of colour can see colour: the default theme has some.
stop
start_with 80 24 "TERM=screen-256color" "" --kiosk --lang en
wait_for "Find the public services" >/dev/null
coloured=""
check_colour welcome
ok_if "the default theme on a colour terminal does show colour (the check works)" \
    test -n "$coloured"
finish
