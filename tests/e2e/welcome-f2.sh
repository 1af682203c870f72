#!/bin/sh
# F2 on the welcome screen moves the focus to the language it now shows,
# so that Enter starts in that language; arrows still move the focus
# freely, and the next F2 moves it again.  From each language.
. "$top_srcdir/tests/e2e/lib.sh"

ok_translated fi "What has happened in your life?"
ok_translated sv "What has happened in your life?"

name() {	# name LANG: the language's own name, as the welcome lists it
	case $1 in fi) echo Suomi ;; sv) echo Svenska ;; en) echo English ;; esac
}
next() {
	case $1 in fi) echo sv ;; sv) echo en ;; en) echo fi ;; esac
}

for L in fi sv en; do
	N=$(next "$L")
	start 80 24 --lang "$L"
	wait_for "Opastin · $(msg "$L" Welcome)" >/dev/null
	ok_if "$L: the focus starts on $(name "$L")" wait_focus "$(name "$L")"
	keys F2
	ok_if "$L, F2: the screen in $N" wait_for "Opastin · $(msg "$N" Welcome)"
	ok_if "... and the focus on $(name "$N")" wait_focus "$(name "$N")"
	keys Enter
	ok_if "... Enter starts in $N" wait_for "$(msg "$N" 'What has happened in your life?')"
	stop
done

# Arrows after F2 move the focus as always; F2 again moves it along.
start 80 24 --lang fi
wait_for "Opastin · $(msg fi Welcome)" >/dev/null
keys F2
wait_focus Svenska >/dev/null
keys Down
ok_if "an arrow after F2 moves the focus on" wait_focus English
ok_if "... leaving the language as it is" wait_for "Opastin · $(msg sv Welcome)"
keys Up Up
ok_if "... up to Suomi" wait_focus Suomi
keys F2
ok_if "F2 again: English, with the focus on it" wait_focus English
ok_if "... in English" wait_for "Opastin · Welcome"
finish
