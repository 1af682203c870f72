#!/bin/sh
# Below 40x15, the smallest size the screens are laid out for: a notice
# that gives the smallest size and the current one, in the kiosk's
# language, and a key bar that still works: Esc goes back, F10 starts
# over at once (its question could not be shown).  At 40x15 and up the
# screens themselves.
. "$top_srcdir/tests/e2e/lib.sh"

small() {	# small LANG COLS ROWS: the notice for a COLSxROWS window
	msgf "$1" 'Please make this window larger: at least %1$d×%2$d is needed, it is now %3$d×%4$d.' 40 15 "$2" "$3"
}

ok_translated fi "Please make this window larger: at least %1\$d×%2\$d is needed, it is now %3\$d×%4\$d."
ok_translated sv "Please make this window larger: at least %1\$d×%2\$d is needed, it is now %3\$d×%4\$d."

# 39x14, no --lang: the kiosk's default language, Finnish.
start 39 14
ok_if "39x14: the notice, in Finnish, with both sizes" wait_joined "$(small fi 39 14)"
ok_if "39x14: no welcome screen" not_shown "Suomi"
ok_if "39x14: the key bar, with Esc and F10" wait_re "^Esc $(re_quote "$(msgc fi 'key bar, short' Back)").*F10 "
keys 3 Enter
resize 40 15
ok_if "40x15: the welcome screen appears" wait_for "Opastin · $(msg fi Welcome)"
ok_if "40x15: the key bar on the last row" wait_size 40 15
ok_if "40x15: keys pressed while too small were ignored" wait_focus Suomi
keys Enter
ok_if "40x15: the kiosk works" wait_for "$(msg fi 'What has happened in your life?')"
keys 1 Enter
ok_if "40x15: the first question of an event" wait_re "$(progress_re fi 2)|2/[0-9]"

# Esc while too small: back one screen.
resize 30 10
ok_if "30x10: the notice" wait_joined "$(small fi 30 10)"
keys Escape
resize 40 15
ok_if "Esc while too small went back to the life events" \
    wait_for "$(msg fi 'What has happened in your life?')"

# F10 while too small: the answers are cleared, the welcome screen back.
keys Enter
ok_if "an event chosen again" wait_gone "$(msg fi 'What has happened in your life?')"
resize 30 10
ok_if "30x10: the notice again" wait_joined "$(small fi 30 10)"
keys F10
resize 40 15
ok_if "F10 while too small started over: the welcome screen" wait_for "Opastin · $(msg fi Welcome)"
stop

# 40x14, one row short, in Swedish.
start 40 14 --lang sv
ok_if "40x14: the notice, in Swedish, with both sizes" wait_joined "$(small sv 40 14)"
ok_if "40x14: no welcome screen" not_shown "Svenska"
resize 40 15
ok_if "40x15: the welcome screen in Swedish" wait_for "Opastin · $(msg sv Welcome)"
ok_if "40x15: Svenska has the focus" wait_focus Svenska
stop

# 39x24, one column short, in English; tall does not help.
start 39 24 --lang en
ok_if "39x24: the notice, in English" \
    wait_joined "Please make this window larger: at least 40×15 is needed, it is now 39×24."
resize 60 20
ok_if "60x20: the welcome screen in English" wait_for "Opastin · Welcome"
ok_if "60x20: the key bar on the last row" wait_size 60 20
finish
