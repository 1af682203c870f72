#!/bin/sh
# Typing into a field (issue 10): Backspace in an empty field does
# nothing, where held down it used to walk back to the welcome screen;
# Esc goes back.  Digits on the municipality search type into it and
# never pick the Nth municipality.
. "$top_srcdir/tests/e2e/lib.sh"

for L in fi sv en; do
	t() { msg $L "$1"; }
	start 80 24 --lang $L --offline
	wait_for Svenska
	keys Enter
	ok_if "$L: the life-event question" wait_for "$(t 'What has happened in your life?')"

	# The search by words.
	keys End Enter
	ok_if "$L: the search by words" wait_for "$(t 'What kind of service are you looking for?')"
	keys BSpace BSpace BSpace
	type a
	ok_if "$L: search: Backspace in the empty field left the screen alone" \
	    wait_for "$(t 'Search:') a_"
	keys BSpace BSpace
	ok_if "$L: search: Backspace erases" wait_for "$(t 'Search:') _"
	keys Escape
	ok_if "$L: search: Esc goes back" wait_for "$(t 'What has happened in your life?')"

	# A number.
	choose 1 "$(t 'Which of these describes your situation?')"
	choose 1 "$(t 'Will you raise the child with a partner?')"
	choose 3 "$(t 'How many children under 18 already live with you?')"
	keys BSpace BSpace BSpace
	type 2
	ok_if "$L: number: Backspace in the empty field left the question alone" \
	    wait_for "$(t 'Your answer:') 2_"
	keys BSpace BSpace
	ok_if "$L: number: Backspace erases" wait_for "$(t 'Your answer:') _"
	keys Escape
	ok_if "$L: number: Esc goes back" wait_for "$(t 'Will you raise the child with a partner?')"
	keys Enter
	wait_for "$(t 'Your answer:') _"

	# The municipality search.
	ok_if "$L: on to the municipality" enter_until "$(t 'Which municipality do you live in?')"
	keys BSpace BSpace
	type 3
	ok_if "$L: municipality: Backspace in the empty field left the question alone" \
	    wait_for "$(t 'Search:') 3_"
	type 1
	ok_if "$L: municipality: digits type into the search" wait_for "$(t 'Search:') 31_"
	ok_if "$L: municipality: and pick no municipality" \
	    wait_focus "$(t 'Not in Finland / prefer not to say')"
	keys BSpace BSpace
	ok_if "$L: municipality: Backspace erases" wait_for "$(t 'Search:') _"
	keys Escape
	ok_if "$L: municipality: Esc goes back" wait_gone "$(t 'Which municipality do you live in?')"
	stop
done
finish
