#!/bin/sh
# Starting in a window below 80x24: a notice that asks for a larger
# window and gives the smallest size and the current one, in the
# kiosk's language; once the window is large enough, the welcome screen.
. "$top_srcdir/tests/e2e/lib.sh"

small() {	# small LANG COLS ROWS: the notice for a COLSxROWS window
	msgf "$1" 'Please make this window larger: at least %1$d×%2$d is needed, it is now %3$d×%4$d.' 80 24 "$2" "$3"
}

ok_translated fi "Please make this window larger: at least %1\$d×%2\$d is needed, it is now %3\$d×%4\$d."
ok_translated sv "Please make this window larger: at least %1\$d×%2\$d is needed, it is now %3\$d×%4\$d."

# 70x20, no --lang: the kiosk's default language, Finnish.
start 70 20
ok_if "70x20: the notice, in Finnish, with both sizes" wait_joined "$(small fi 70 20)"
ok_if "70x20: no welcome screen" not_shown "Suomi"
ok_if "70x20: no key bar" not_shown "F10"
keys 3 Enter
resize 80 24
ok_if "80x24: the welcome screen appears" wait_for "Opastin · $(msg fi Welcome)"
ok_if "80x24: the languages are offered" in_order Suomi Svenska English
ok_if "80x24: the notice is gone" not_shown "$(small fi 70 20 | words 3)"
ok_if "80x24: keys pressed while too small were ignored" wait_focus Suomi
keys Enter
ok_if "80x24: and the kiosk works" wait_for "$(msg fi 'What has happened in your life?')"
stop

# 80x23, one row short, in Swedish.
start 80 23 --lang sv
ok_if "80x23: the notice, in Swedish, with both sizes" wait_joined "$(small sv 80 23)"
ok_if "80x23: no welcome screen" not_shown "Svenska"
resize 80 24
ok_if "80x24: the welcome screen in Swedish" wait_for "Opastin · $(msg sv Welcome)"
ok_if "80x24: Svenska has the focus" wait_focus Svenska
stop

# 79x24, one column short, in English.
start 79 24 --lang en
ok_if "79x24: the notice, in English" \
    wait_joined "Please make this window larger: at least 80×24 is needed, it is now 79×24."
resize 80 24
ok_if "80x24: the welcome screen in English" wait_for "Opastin · Welcome"
resize 79 30
ok_if "79x30: too narrow however tall" wait_joined "$(small en 79 30)"
resize 80 24
ok_if "80x24: welcome again" wait_for "Opastin · Welcome"
finish
