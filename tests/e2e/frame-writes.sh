#!/bin/sh
# A frame reaches the terminal in one piece (issue 15, key-to-screen
# latency): curses writes each update in one write() instead of one per
# cursor movement, which ncurses 6 does until the screen has been through
# endwin() once.  Counted under strace for the help screen (a whole new
# screen), a scroll in it and the welcome screen.  The help, laid out
# once for its width and language, follows F2 and a resize.
. "$top_srcdir/tests/e2e/lib.sh"

# The help's first paragraph, and its first words.
help_para='This kiosk suggests public services that can help when something changes in your life. Answer a few questions and you get a list of services with their phone numbers, web addresses and other contact details.'
help_text='This kiosk suggests public services'

why=$(strace_cannot)
if [ -n "$why" ]; then
	ok "frames are written whole # SKIP $why"
else
	trace="$tmpdir/trace"
	start_with 80 24 "$(under_strace "-e trace=read,write -o '$trace'")" "" --lang en
	ok_if "the kiosk starts under strace" wait_for "Find the public services" 15
	sleep 0.3
	keys F1
	ok_if "F1 opens the help" wait_for "$help_text"
	sleep 0.3
	keys Down
	ok_if "Down scrolls it" wait_gone "$help_text"
	sleep 0.3
	tracer=$(pane_child)
	pid=$(pgrep -P "$tracer" | head -n 1)
	[ -n "$pid" ] && kill -TERM "$pid"
	ok_if "the kiosk ends on SIGTERM" wait_exit 10

	# writes_after KEYBYTE: the write() calls to the terminal after the
	# last byte of a key was read, up to the next read.
	writes_after() {
		awk -v k="$1" '
		    index($0, "read(0, \"" k "\"") == 1 { on = 1; n = 0; next }
		    on && /^(read\(0,|--- SIG)/ { print n; exit }
		    on && /^write\(1,/ { n++ }
		    END { if (on) print n }' "$trace" | head -n 1
	}
	f1=$(writes_after P)
	down=$(writes_after B)
	first=$(awk '/^read\(0,/ { exit } /^write\(1,/ { n++ } END { print n + 0 }' "$trace")
	ok_if "the help screen is written in at most 2 write() calls ($f1)" \
	    test "${f1:-99}" -le 2
	ok_if "a scroll of the help in 1 ($down)" test "${down:-99}" -le 1
	# curses' set-up, the endwin() and its undoing (9 short writes),
	# then the welcome screen in one.
	ok_if "the start and the welcome screen in at most 12 ($first)" test "$first" -le 12
	stop
fi

# The help is laid out once, and again when its language or width changes.
start 80 24 --lang en
wait_for "Find the public services" >/dev/null
keys F1
ok_if "the help in English" wait_for "$help_text"
keys F2
ok_if "F2 in the help: the help in Finnish" wait_for "$(msg fi "$help_para" | cut -d' ' -f1-4)"
resize 60 24
ok_if "a narrower window: the help is wrapped anew" \
    wait_for "$(msg fi 'Open or close this help.')"
too_wide() { screen | grep -qE "^.{61}"; }
ok_if "... within 60 columns" eval '! too_wide' 
stop

finish
