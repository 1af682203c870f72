#!/bin/sh
# Kiosk mode leaves a citizen no way out: the control keys that end,
# suspend, quit or freeze an ordinary program, and keys the kiosk does not
# use, do nothing.  SIGTERM and SIGHUP end it cleanly, the terminal
# restored.
#
# A key that does nothing shows nothing, so each one is followed by a key
# that moves the focus: once the focus has moved, the program has read
# (and ignored) the key before it, and is still running.
. "$top_srcdir/tests/e2e/lib.sh"

start 80 24 --kiosk --lang en
ok_if "the kiosk starts on the welcome screen" wait_for "Find the public services"

# Alternate the focus between the first and the last language.
marker=Home
next_marker() {
	if [ "$marker" = Home ]; then
		keys Home
		wait_focus Suomi 5
		marker=End
	else
		keys End
		wait_focus English 5
		marker=Home
	fi
}

# still_here KEY WHAT TEXT: press KEY, then check that the program reads
# keys after it, is still running, and still shows TEXT.
still_here() {
	keys "$1"
	if next_marker && not_shown "[opastin exited]" && screen | grep -qF -- "$3"; then
		ok "$2 does nothing"
	else
		not_ok "$2 does nothing"
	fi
}

still_here C-c "Ctrl-C (interrupt)" "Find the public services"
still_here C-z "Ctrl-Z (suspend)" "Find the public services"
still_here 'C-\' "Ctrl-\\ (quit with a core)" "Find the public services"
still_here C-d "Ctrl-D (end of input)" "Find the public services"
# With flow control on, Ctrl-S would freeze the output: the focus
# could then not be seen to move.
still_here C-s "Ctrl-S (stop the output)" "Find the public services"
keys Down
ok_if "after Ctrl-S the screen still follows the keys" wait_focus Svenska 5
still_here C-q "Ctrl-Q (resume the output)" "Find the public services"
still_here F3 "an unbound function key (F3)" "Find the public services"
still_here IC "Insert" "Find the public services"
still_here F12 "F12 without a staff PIN configured" "Find the public services"
ok_if "no staff PIN prompt without staff_pin_hash" not_shown "Staff PIN"

# The same on a question, where a letter is no answer.
keys 3 Enter
ok_if "the life-event question appears" wait_for "What has happened in your life?"
question_key() {
	keys "$1"
	keys "$2"
	if wait_focus "$3" 5 && not_shown "[opastin exited]" &&
	    screen | grep -qF "What has happened in your life?"; then
		ok "$4 on a question does nothing"
	else
		not_ok "$4 on a question does nothing"
	fi
}
question_key x 2 "Starting studies" "a letter (x)"
question_key C-c 3 "Moving home" "Ctrl-C"
question_key C-z 2 "Starting studies" "Ctrl-Z"
question_key 'C-\' 3 "Moving home" "Ctrl-\\"
question_key C-d 2 "Starting studies" "Ctrl-D"
question_key F3 3 "Moving home" "F3"
question_key IC 2 "Starting studies" "Insert"
question_key Q 3 "Moving home" "a capital letter (Q)"
ok_if "no answer was chosen by these keys" not_shown "(*)"

# SIGTERM: a clean end, status 0, the terminal as it was.
pid=$(pane_child)
ok_if "the program's process is found" test -n "$pid"
[ -n "$pid" ] && kill -TERM "$pid"
ok_if "SIGTERM ends the program" wait_exit 5
ok_if "after SIGTERM it exits with status 0" test "$(exit_status)" = 0
ok_if "after SIGTERM the terminal's settings are restored" tty_restored
ok_if "after SIGTERM the normal screen is back" \
    test "$(T display-message -p -t e2e '#{alternate_on}')" = 0
ok_if "after SIGTERM the cursor is visible" \
    test "$(T display-message -p -t e2e '#{cursor_flag}')" = 1
ok_if "after SIGTERM the kiosk's screen is gone" not_shown "What has happened in your life?"

# SIGHUP, in a second run.
stop
start 80 24 --kiosk --lang en
ok_if "a second kiosk starts" wait_for "Find the public services"
keys 3 Enter
wait_for "What has happened in your life?" >/dev/null
pid=$(pane_child)
[ -n "$pid" ] && kill -HUP "$pid"
ok_if "SIGHUP ends the program" wait_exit 5
ok_if "after SIGHUP it exits with status 0" test "$(exit_status)" = 0
ok_if "after SIGHUP the terminal's settings are restored" tty_restored
ok_if "after SIGHUP the normal screen is back" \
    test "$(T display-message -p -t e2e '#{alternate_on}')" = 0
ok_if "after SIGHUP the cursor is visible" \
    test "$(T display-message -p -t e2e '#{cursor_flag}')" = 1
finish
