#!/bin/sh
# Counter mode, for staff helping a citizen: no idle reset even with a
# short idle_timeout_s, F4 reads the citizen's answers back, the detail
# screen shows the ids, the score and the data language, and F10 offers
# to quit.
. "$top_srcdir/tests/e2e/lib.sh"

conf="$tmpdir/opastin.conf"
printf '%s\n' "idle_timeout_s = 2" "idle_warning_s = 1" >"$conf"
log="$tmpdir/log"

start_with 80 24 "" "$log" --config "$conf" --counter --lang en --log-stderr
ok_if "counter mode starts" wait_for "Find the public services"
keys 3 Enter
wait_for "What has happened in your life?" >/dev/null
keys 3 Enter
ok_if "a question of the citizen's life event" wait_for "What kind of move is it?"
# Waiting on the clock is the point here: twice the idle time passes.
ok_if "the question stays for 4 s without input (twice idle_timeout_s)" \
    stays "What kind of move is it?" 4
ok_if "no idle warning in counter mode" not_shown "Are you still there?"
ok_if "the log has no reset" sh -c '! grep -q "session reset" "$1"' - "$log"

keys F4
ok_if "F4 shows the citizen's answers" wait_for "The citizen's answers"
ok_if "the summary has the question in full" wait_for "What has happened in your life?"
ok_if "the summary has the answer" wait_for "Moving home"
keys Escape
ok_if "Esc returns to the question" wait_for "What kind of move is it?"

enter_until "Check your answers" >/dev/null
keys End Enter
ok_if "the results appear" wait_for "Services for you"
keys Enter
ok_if "the detail screen opens" wait_for "Service details"
ok_if "the detail screen shows the service id" wait_for "Service id"
ok_if "... with the score and the data language" \
    wait_re 'Service id [^ ]+ · score [0-9]+\.[0-9][0-9] · data in [A-Z]'
ok_if "the channels show their ids" wait_re '^ *[A-Z][^:]*(: .*)? \[[^]]+\]$'

keys F10
ok_if "F10 asks whether to start over" wait_for "Start over? All your answers will be cleared."
ok_if "F10 in counter mode offers Quit Opastin" wait_for "Quit Opastin"
ok_if "the safe choice has the focus" wait_box_focus "No, keep my answers"
keys 3
ok_if "the digit 3 moves to Quit Opastin" wait_box_focus "Quit Opastin"
keys Enter
ok_if "choosing it ends the program" wait_exit 5
ok_if "... with exit status 0" test "$(exit_status)" = 0
ok_if "... and the terminal restored" tty_restored
ok_if "the log has the start in counter mode" grep -q "started in counter mode" "$log"
ok_if "the log has the stop" grep -q "stopped" "$log"
ok_if "the log never had a reset" sh -c '! grep -q "session reset" "$1"' - "$log"
finish
