#!/bin/sh
# A whole flow at 40x15, the smallest layout, with keys only: welcome,
# language, life event, every kind of question, review, results and a
# service's details.  On every screen the header keeps its title and
# the key bar is on the last rows; lists scroll with a mark.
. "$top_srcdir/tests/e2e/lib.sh"

start 40 15 --lang en
ok_if "welcome at 40x15" wait_for "Opastin · Welcome"
ok_if "the key bar on the last row" wait_size 40 15
ok_if "the key bar names Enter and F10" wait_re '^Enter Select · '
keys Enter
ok_if "the life-event question" wait_for "What has happened in your life?"
ok_if "the events scroll: a mark says more are below" wait_re '↓$'
keys 1 2
ok_if "typing 1 2 quickly reaches the twelfth event, scrolled into view" wait_focus "Starting a business"
ok_if "... with a mark that more are above" wait_re '↑$'
keys Enter
ok_if "the header names the event" wait_for "Starting a business"
ok_if "the first question of the event" wait_for "What kind of business are you"
enter_until "Which of these do you need help with?"
ok_if "multiple choice: Space on the key bar" wait_for "Space "
ok_if "... the key bar on two rows, F10 on the last" wait_size 40 15
enter_until "How many people will work in the"
type 4
keys Enter
ok_if "a meter" wait_for "How are your work or studies going"
enter_until "Which municipality do you live in?"
type tampere
ok_if "Tampere found" wait_focus "Tampere (Tammerfors)"
keys Enter
enter_until "Check your answers"
ok_if "review at 40x15" wait_re "^ (Opastin · )?Check your answers"
ok_if "review: the key bar on the last row" wait_size 40 15
keys End Enter
ok_if "the results" wait_re "^ (Opastin · )?Services for you"
ok_if "results: the key bar names Enter Open" wait_re "Enter Open"
ok_if "results: the key bar on the last row" wait_size 40 15
keys Enter
ok_if "the detail screen" wait_for "Service details"
ok_if "detail: the key bar on the last row" wait_size 40 15
ok_if "detail: no web address cut with a hyphen" sh -c "! $(command -v tmux || echo tmux) -S '$e2e_sock' capture-pane -p -t e2e | grep -qE 'https?://[^ ]*-\$'"
keys End
ok_if "detail: scrolled to its end, a mark above" wait_re '↑$'
keys Escape
ok_if "back to the results" wait_re "^ (Opastin · )?Services for you"
finish
