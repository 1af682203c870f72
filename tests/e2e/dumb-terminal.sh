#!/bin/sh
# A terminal that cannot address the cursor (TERM=dumb, or any whose
# terminfo has no "cup") gets a clear message and exit status 1, not a
# blank screen with only the key bar (review 12).
. "$top_srcdir/tests/e2e/lib.sh"

for term in dumb; do
	start_with 80 24 "TERM=$term" "" --lang en
	ok_if "TERM=$term: the program ends by itself" wait_exit 10
	ok_if "TERM=$term: with exit status 1" test "$(exit_status)" = 1
	ok_if "TERM=$term: saying the terminal cannot move the cursor" \
	    wait_for "cannot move the cursor" 1
	ok_if "TERM=$term: and the terminal is restored" tty_restored
	stop
done

# A terminal that can still starts.
start_with 80 24 "TERM=vt100" "" --lang en
ok_if "TERM=vt100: the welcome screen is shown" wait_for "Find the public services"
stop

finish
