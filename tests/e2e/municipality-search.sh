#!/bin/sh
# The municipality search (issue 10): the exact name first ("Ii" before
# Iisalmi), then the names that begin with the letters; when nothing
# matches it says so, and "Not in Finland / prefer not to say" is there.
. "$top_srcdir/tests/e2e/lib.sh"

for L in fi sv en; do
	t() { msg $L "$1"; }
	case $L in
	sv) ii="Ijo (Ii)" iisalmi="Idensalmi (Iisalmi)" ;;
	*) ii="Ii (Ijo)" iisalmi="Iisalmi (Idensalmi)" ;;
	esac
	ok_translated $L 'No municipality matches "%s".' "Not in Finland / prefer not to say"
	start 80 24 --lang $L --offline
	wait_for Svenska
	keys Enter
	wait_for "$(t 'What has happened in your life?')"
	choose 3 "$(t 'What kind of move is it?')"
	ok_if "$L: on to the municipality" enter_until "$(t 'Which municipality do you live in?')"

	type ii
	ok_if "$L: \"ii\": the exact name has the focus" wait_focus "$ii"
	ok_if "$L: \"ii\": the exact name before the names that begin with it" \
	    in_order "$ii" "$iisalmi"
	ok_if "$L: \"ii\": the names that only hold it come after" \
	    in_order "$ii" "$iisalmi" "Kristiinankaupunki"

	keys BSpace BSpace
	type tukholma
	ok_if "$L: \"tukholma\": says that nothing matches" \
	    wait_for "$(msgf $L 'No municipality matches "%s".' tukholma)"
	ok_if "$L: \"tukholma\": \"Not in Finland / prefer not to say\" has the focus" \
	    wait_focus "$(t 'Not in Finland / prefer not to say')"
	keys Enter
	ok_if "$L: Enter on it goes on" wait_for "$(t 'Which age group are you in?')"
	stop
done
finish
