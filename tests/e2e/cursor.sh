#!/bin/sh
# The hardware cursor follows the focus, for a braille display or a
# screen reader that watches the terminal: after each move it is at the
# start of the focused option (the column of its ">" marker, 2), on every
# screen type: the welcome list, single choice, multiple choice, a scale,
# the review and the results; in a text field (a number, the municipality
# search) it is just after the typed text.  tmux reports the cursor even
# where the program hides it.
. "$top_srcdir/tests/e2e/lib.sh"

cursor_pos() {
	T display -p -t e2e '#{cursor_x} #{cursor_y}'
}

# "X Y" of the focus marker ">" at the start of a line (Y from 0).
marker_pos() {
	screen | awk 'match($0, /^ *>/) { print RLENGTH - 1, NR - 1; exit }'
}

# "X Y" just after TEXT in the field labelled LABEL ("LABEL TEXT_").
field_pos() {
	_y=$(screen | grep -nF -- "$1 $2_" | head -n 1 | cut -d: -f1)
	[ -n "$_y" ] || return 0
	_x=$(( $(column_of "$1 $2_") + $(printf '%s %s' "$1" "$2" | wc -m) ))
	echo "$_x $((_y - 1))"
}

# Poll until the cursor is where "$@" (a command printing "X Y") says.
cursor_at() {
	_tries=40
	while [ "$_tries" -gt 0 ]; do
		_want=$("$@")
		[ -n "$_want" ] && [ "$(cursor_pos)" = "$_want" ] && return 0
		_tries=$((_tries - 1))
		sleep 0.05
	done
	diag "the cursor is at $(cursor_pos) (x y), expected ${_want:-nothing}; screen was:"
	screen | diag "$(cat)"
	return 1
}

# The cursor on the focus marker, which is in column 2.
cursor_at_focus() {
	cursor_at marker_pos || return 1
	[ "$(cursor_pos | cut -d' ' -f1)" = 2 ] || { diag "the marker is not in column 2"; return 1; }
}

# move WHERE KEY TEXT: press KEY, wait until TEXT has the focus, and
# check the cursor is on it.
move() {
	_where=$1 _key=$2 _text=$3
	keys "$_key"
	ok_if "$_where: after $_key the focus and the cursor are on \"$_text\"" \
	    focus_and_cursor "$_text"
}

focus_and_cursor() {
	wait_focus "$1" 5 && cursor_at_focus
}

# The field, after typing.
field() {
	_where=$1 _label=$2 _text=$3
	wait_for "$_label ${_text}_" 5
	ok_if "$_where: the cursor is after \"$_text\" in the field" cursor_at field_pos "$_label" "$_text"
}

start 80 24 --lang en

# The welcome screen.
wait_for "Opastin · Welcome"
wait_focus English
ok_if "welcome: the cursor starts on the focused language" cursor_at_focus
move welcome Up Svenska
move welcome Up Suomi
move welcome Down Svenska
move welcome 3 English
keys Enter

# Single choice: the life events, with a button under the list that
# makes the list scroll.
wait_for 'What has happened in your life?'
ok_if "single: the cursor starts on the first event" cursor_at_focus
move single Down 'Starting studies'
move single 3 'Moving home'
move single End '[ Search by words instead ]'
move single Home 'Having a child'
keys Enter
wait_for 'Which of these describes your situation?'
ok_if "single: on the next question the cursor is on its first option" cursor_at_focus
move single Down 'We have a baby under one year old'
move single Up 'We are expecting a baby'
keys Enter
wait_for 'Will you raise the child with a partner?'
keys Enter

# A number: the cursor after the digits typed.
wait_for 'How many children under 18 already live with you?'
field number 'Your answer:' ''
type 1
field number 'Your answer:' 1
type 2
field number 'Your answer:' 12
keys BSpace
field number 'Your answer:' 1
keys Enter

# Multiple choice.
wait_for 'Which of these would you like help with?'
ok_if "multi: the cursor starts on the first box" cursor_at_focus
move multi Down 'Health checks for mother and baby'
keys Space
wait_marked 'Health checks for mother and baby' '[x]'
ok_if "multi: after Space the cursor stays on the ticked box" cursor_at_focus
move multi 4 'I feel tired or low'
move multi End '[ Continue ]'
keys Enter

# A scale, 0 to 10, focus on "Skip" first.
wait_for 'How are things in your family right now?'
ok_if "scale: the cursor starts on Skip" cursor_at_focus
move scale 5 ' 5  ( )'
move scale Down ' 6  ( )'
move scale 0 ' 0  ( )'
move scale End '[ Skip this question ]'
keys 7 Enter
wait_for 'How is your money situation right now?'
keys Enter

# The municipality search: the cursor after the letters typed.
wait_for 'Which municipality do you live in?'
field municipality 'Search:' ''
type jyv
field municipality 'Search:' jyv
wait_focus Jyväskylä
keys Enter

wait_for 'Which age group are you in?'
move single Down '18–29'
keys Enter

# The review: the focus starts on the button under the answers.
wait_for 'Opastin · Check your answers'
wait_focus '[ Show suggested services ]'
ok_if "review: the cursor starts on the button" cursor_at_focus
move review Up 'Age group:'
move review Home 'Life event:'
move review 3 'Partner:'
move review End '[ Show suggested services ]'
keys Enter

# The results: items of several lines, the list scrolls.
wait_for 'Opastin · Services for you'
wait_re '^ *> +1  '
first=$(screen | sed -n 's/^ *> *1  //p' | sed 's/ *$//' | head -n 1)
ok_if "results: the cursor starts on the first service" cursor_at_focus
second=$(screen | sed -n 's/^ *2  //p' | sed 's/ *$//' | head -n 1)
move results Down "$second"
move results End '[ About these suggestions ]'
move results Home "$first"
finish
