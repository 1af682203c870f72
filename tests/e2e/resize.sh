#!/bin/sh
# Resizing the terminal in the middle of a flow: the same question and
# the same focus at 120x40, 100x30 and 60x20; below 40x15 the notice to
# make the window larger, with keys other than Esc and F10 ignored; back
# at 80x24 the question again, focus and all.
. "$top_srcdir/tests/e2e/lib.sh"

Q="Does your health make it hard to keep working?"
A="Partly"

start 80 24 --lang en
ok_if "welcome at 80x24" wait_for "Opastin · Welcome"
keys Enter
ok_if "the life-event question" wait_for "What has happened in your life?"
keys 8
ok_if "8 is Retiring" wait_focus "Retiring"
keys Enter
ok_if "the first question of Retiring" wait_for "When do you plan to retire?"
choose 2 "$Q"
keys Down
ok_if "the focus moved to \"$A\"" wait_focus "$A"
ok_if "the question at 80x24 is question 3" wait_re "$(progress_re en 3)"
col80=$(column_of "Question 3 of")

resize 120 40
ok_if "120x40: drawn for the new size" wait_size 120 40
ok_if "120x40: the same question" wait_for "$Q"
ok_if "120x40: the same progress" wait_re "$(progress_re en 3)"
ok_if "120x40: the focus stays on \"$A\"" wait_focus "$A"
ok_if "120x40: the progress moves to the right edge" \
    test "$(column_of "Question 3 of")" -eq $((col80 + 40))

resize 100 30
ok_if "100x30: drawn for the new size" wait_size 100 30
ok_if "100x30: the same question" wait_for "$Q"
ok_if "100x30: the focus stays on \"$A\"" wait_focus "$A"
ok_if "100x30: the progress at the right edge" \
    test "$(column_of "Question 3 of")" -eq $((col80 + 20))

resize 60 20
ok_if "60x20: drawn for the new size" wait_size 60 20
ok_if "60x20: the same question" wait_for "$Q"
ok_if "60x20: the focus stays on \"$A\"" wait_focus "$A"

resize 39 20
too_small=$(msgf en 'Please make this window larger: at least %1$d×%2$d is needed, it is now %3$d×%4$d.' 40 15 39 20)
ok_if "39x20: asks for a larger window, with both sizes" wait_joined "$too_small"
ok_if "39x20: the question is not drawn" not_shown "$Q"
ok_if "39x20: the key bar offers Esc and F10 only" wait_re '^Esc .*F10 '
ok_if "39x20: no F2 on it" not_shown "F2 "
# Keys but Esc and F10 do nothing while the window is too small.
keys Enter
keys F2
resize 30 12
ok_if "30x12: the notice follows the size" \
    wait_joined "$(msgf en 'Please make this window larger: at least %1$d×%2$d is needed, it is now %3$d×%4$d.' 40 15 30 12)"

resize 80 24
ok_if "80x24: drawn again" wait_size 80 24
ok_if "80x24: the notice is gone" wait_gone "Please make this window larger"
ok_if "80x24: the same question is back" wait_for "$Q"
ok_if "80x24: still question 3 (Enter was ignored)" wait_re "$(progress_re en 3)"
ok_if "80x24: still in English (F2 was ignored)" wait_for "F2 Suomi"
ok_if "80x24: the focus is back on \"$A\"" wait_focus "$A"
ok_if "80x24: the progress back where it was" test "$(column_of "Question 3 of")" -eq "$col80"
keys Enter
ok_if "the kiosk goes on: the next question" wait_for "Have you ever worked outside Finland?"
finish
