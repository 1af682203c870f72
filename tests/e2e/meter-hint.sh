#!/bin/sh
# A meter's hint names its own end labels (issue 10): it used to say
# "0 means not at all satisfied" above "Very bad ... Very good".  The
# coping meter of "Death of a family member" is labelled "Not well at
# all" and "Very well".  The labels stand in the language's quotation
# marks: "…" in English, ”…” in Finnish and Swedish (README,
# "Translations").
. "$top_srcdir/tests/e2e/lib.sh"

for L in fi sv en; do
	t() { msg $L "$1"; }
	case $L in en) q='"' ;; *) q='”' ;; esac
	ok_translated $L '0 means "%1$s" and 10 "%2$s". You can skip this question.' \
	    "Not well at all" "Very well"
	start 80 24 --lang $L --offline
	wait_for Svenska
	keys Enter
	wait_for "$(t 'What has happened in your life?')"
	keys 1 1
	ok_if "$L: 11 is the death of a family member" wait_focus "$(t 'Death of a family member')"
	keys Enter
	ok_if "$L: on to the coping meter" enter_until "$(t 'How well do you cope when life gets difficult?')"
	ok_if "$L: the hint names the low end's label" wait_for "$q$(t 'Not well at all')$q"
	ok_if "$L: and the high end's" wait_for "$q$(t 'Very well')$q"
	stop
done
finish
