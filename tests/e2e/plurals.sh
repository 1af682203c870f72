#!/bin/sh
# Counts use the plural form of their number, never "1 (children)": the
# unit beside the number field agrees with what is typed, and the review
# says "1 child" and "2 children", in each language.
. "$top_srcdir/tests/e2e/lib.sh"

ok_translated fi "Children at home" "Check your answers"
ok_translated sv "Children at home" "Check your answers"
for l in fi sv; do
	ok_if "$l: the unit has its own singular and plural" \
	    test "$(msgn $l child children 1)" != child -a "$(msgn $l child children 2)" != children
done

# rline LANG LABEL VALUE: a line of the review, "Label: value".
rline() { msgf "$1" '%1$s: %2$s' "$(msg "$1" "$2")" "$3"; }

for L in fi sv en; do
	one=$(msgn $L child children 1)
	many=$(msgn $L child children 2)
	start 80 24 --lang $L
	wait_for "$(msg $L 'What has happened')" 1 >/dev/null 2>&1 || true
	keys Enter
	wait_for "$(msg $L 'What has happened in your life?')" >/dev/null
	keys 1 Enter
	wait_for "$(msg $L 'Which of these describes your situation?')" >/dev/null
	choose 2 "$(msg $L 'Will you raise the child with a partner?')" >/dev/null
	choose 3 "$(msg $L 'How many children under 18 already live with you?')" >/dev/null
	ok_if "$L: with nothing typed, the unit is plural: $many" \
	    wait_for "$(msg $L 'Your answer:') _ $many"
	type 1
	ok_if "$L: 1 typed: $one" wait_for "$(msg $L 'Your answer:') 1_ $one"
	keys BSpace
	type 2
	ok_if "$L: 2 typed: $many" wait_for "$(msg $L 'Your answer:') 2_ $many"
	keys BSpace
	type 1
	keys Enter
	enter_until "$(msg $L 'Check your answers')" >/dev/null
	ok_if "$L: the review says 1 $one" wait_for "$(rline $L 'Children at home' "1 $one")"
	ok_if "... with no unit in brackets" not_shown "1 ("
	stop
done
finish
