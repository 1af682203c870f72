#!/bin/sh
# A key typed as soon as the first screen shows is not lost.  The first
# screen is drawn before the catalogue is read (issue 15), and the
# program reads no key until it has been; an arrow key typed in that
# time must still arrive as an arrow key.  Here the catalogue's open()
# is held up 1.5 s (strace's delay injection, for that one path), so the
# keys surely come in that time.  Before the fix, the terminal had left
# its application keypad mode when curses started (endwin() in
# tty_start()), the arrows came in the other encoding, and the focus
# never moved.
. "$top_srcdir/tests/e2e/lib.sh"

why=$(strace_cannot)
if [ -n "$why" ]; then
	echo "ok 1 # SKIP $why"
	finish
fi

slow="-o /dev/null -P '$ASSETS/catalogue.json' -e trace=openat -e inject=openat:delay_exit=1500000"
start_with 80 24 "$(under_strace "$slow")" "" --lang en
ok_if "the first screen shows" wait_for "Opastin · Welcome" 15
keys Up Up
ok_if "two Ups typed at once, while the catalogue is read, reach Suomi" \
    wait_focus "Suomi" 10
keys Down
ok_if "... and a Down after it Svenska" wait_focus "Svenska" 5
keys Enter
ok_if "Enter chooses Svenska" wait_for "$(msg sv 'What has happened in your life?')" 5
stop
finish
