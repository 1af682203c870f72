#!/bin/sh
# No answer is recorded that the citizen did not give (issue 10), in
# each language: Enter ticks a box and stays, "None of these" stands
# alone, a meter starts on "Skip", the municipality starts on "Not in
# Finland / prefer not to say", and the review says "(not answered)"
# for every question passed by.
. "$top_srcdir/tests/e2e/lib.sh"

for L in en fi sv; do
	t() { msg $L "$1"; }
	rline() { msgf $L '%1$s: %2$s' "$(t "$1")" "$2"; }
	ok_translated $L "Not in Finland / prefer not to say" "(not answered)" "Skip this question"

	start 80 24 --lang $L
	ok_if "$L: the welcome screen" wait_for Svenska
	keys Enter
	ok_if "$L: the life-event question" wait_for "$(t 'What has happened in your life?')"
	choose 1 "$(t 'Which of these describes your situation?')"
	choose 1 "$(t 'Will you raise the child with a partner?')"
	choose 3 "$(t 'How many children under 18 already live with you?')"
	keys Enter
	ok_if "$L: an empty optional number is passed by" \
	    wait_for "$(t 'Which of these would you like help with?')"

	# Multiple choice.
	keys Enter
	ok_if "$L: multi: Enter ticks the focused box" \
	    wait_marked "$(t 'Money during parental leave')" "[x]"
	ok_if "$L: multi: and stays on the question" \
	    wait_for "$(t 'Which of these would you like help with?')"
	keys 5 Space
	ok_if "$L: multi: ticking \"None of these\"" wait_marked "$(t 'None of these')" "[x]"
	ok_if "$L: multi: clears the other boxes" wait_marked "$(t 'Money during parental leave')" "[ ]"
	keys 2 Enter
	ok_if "$L: multi: ticking another box" \
	    wait_marked "$(t 'Health checks for mother and baby')" "[x]"
	ok_if "$L: multi: clears \"None of these\"" wait_marked "$(t 'None of these')" "[ ]"
	keys Enter
	ok_if "$L: multi: Enter on a ticked box goes on to Continue" wait_focus "$(t 'Continue')"
	keys Enter

	# The meters start on "Skip".
	ok_if "$L: meter: the focus starts on Skip" wait_focus "$(t 'Skip this question')"
	ok_if "$L: meter: no value is marked" not_shown "(*)"
	ok_if "$L: Enter passes the meters by" enter_until "$(t 'Which municipality do you live in?')"

	# The municipality, with no municipality_code configured.
	ok_if "$L: municipality: the focus starts on \"Not in Finland / prefer not to say\"" \
	    wait_focus "$(t 'Not in Finland / prefer not to say')"
	keys Enter
	ok_if "$L: municipality: Enter passes it by" wait_for "$(t 'Which age group are you in?')"
	choose 3 "$(t 'Check your answers')"

	ok_if "$L: review: the ticked box" \
	    wait_for "$(rline 'Help needed' "$(t 'Health checks for mother and baby')")"
	ok_if "$L: review: the number passed by" \
	    wait_for "$(rline 'Children at home' "$(t '(not answered)')")"
	ok_if "$L: review: the municipality passed by" \
	    wait_for "$(rline Municipality "$(t '(not answered)')")"
	ok_if "$L: review: no rating that was not given" not_shown "$(msgf $L '%d of 10' 5)"
	stop
done
finish
