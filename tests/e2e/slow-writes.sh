#!/bin/sh
# A terminal that takes its time: every write() of the program is held
# up 15 ms (strace's delay injection), so a frame, which curses writes
# in several pieces, builds up on the screen over some 100 ms, as on a
# slow serial line or a loaded machine.  Each Enter must still move one
# question on, and the walk stop at the review, not run past it into the
# results.  This also holds the tests' own walking (enter_until) to
# reading whole frames: CI's no-writes.sh once read half a frame, pressed
# twice, and skipped the review.
. "$top_srcdir/tests/e2e/lib.sh"

why=$(strace_cannot)
if [ -n "$why" ]; then
	echo "ok 1 # SKIP $why"
	finish
fi

start_with 80 24 "$(under_strace "-f -o /dev/null -e trace=write -e inject=write:delay_exit=15000")" "" --kiosk --lang en
ok_if "the kiosk starts with slow writes" wait_for "Find the public services" 20
keys 3 Enter
ok_if "the life-event question" wait_for "What has happened in your life?" 20
keys 3 Enter
ok_if "a life event is chosen" wait_for "Opastin · Moving home" 20
ok_if "Enter walks every question up to the review" enter_until "Check your answers"
# Had a second Enter gone in, the results would follow the review.
on_review() {
	settled | grep -qF "Check your answers"
}
ok_if "... and stops there, before the results" on_review
keys End Enter
ok_if "the results appear" wait_for "Services for you" 20
finish
