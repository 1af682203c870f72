#!/bin/sh
# A whole kiosk session opens no file for writing: nothing a citizen
# enters can reach the disk.  The program runs under strace, which
# records every open, creat, rename and link call of it and of any
# process it starts; the trace must hold no open for writing and no
# creat, rename or link at all, except on the files allowed below.
. "$top_srcdir/tests/e2e/lib.sh"

why=$(strace_cannot)
if [ -n "$why" ]; then
	echo "ok 1 # SKIP $why"
	finish
fi

trace="$tmpdir/trace"
# "?": calls some architectures lack (aarch64 has no open, creat, rename
# or link) are left out there instead of failing.
calls='?open,openat,?creat,?rename,renameat,?renameat2,?link,linkat'
start_with 80 24 "$(under_strace "-f -e trace=$calls -o '$trace'")" "" --kiosk --lang en
ok_if "the kiosk starts under strace" wait_for "Find the public services" 15
keys 3 Enter
ok_if "the life-event question" wait_for "What has happened in your life?"
keys F1
ok_if "the help opens" wait_for "Opastin · Help"
keys F1
wait_gone "Opastin · Help" >/dev/null
keys 3 Enter
ok_if "a life event is chosen" wait_for "Opastin · Moving home"
enter_until "Which municipality" >/dev/null
type jyvas
wait_focus "Jyväskylä" >/dev/null
keys Enter
ok_if "every question is answered up to the review" enter_until "Check your answers"
keys End Enter
ok_if "the results appear" wait_for "Services for you"
keys Enter
ok_if "the details of a service appear" wait_for "Service details"
keys F10
wait_for "Yes, start over" >/dev/null
keys 2 Enter
ok_if "F10 starts over" wait_for "Find the public services"

# End the program itself (the pane's child is strace): strace then
# writes the rest of the trace and exits with the program's status.
tracer=$(pane_child)
pid=$(pgrep -P "$tracer" | head -n 1)
[ -n "$pid" ] && kill -TERM "$pid"
ok_if "the kiosk ends on SIGTERM" wait_exit 10
ok_if "... with exit status 0" test "$(exit_status)" = 0

ok_if "the trace was written" test -s "$trace"
ok_if "the trace shows the program reading its assets (the tracing works)" \
    grep -q 'questions\.json", O_RDONLY' "$trace"

# Allowed for writing, and why:
#   /dev/tty*, /dev/pts/*  the terminal itself: curses may open the
#                          controlling terminal to draw the screen;
#   /dev/null              where a child's unused output goes (the
#                          speech process, for one).
# Neither keeps anything.  Everything else is a violation, a failed
# attempt included.
allowed='"(/dev/tty[^"]*|/dev/pts/[^"]*|/dev/null)"'
writes=$(grep -E '(^|[^a-z_])(open|openat)\(' "$trace" |
    grep -E 'O_WRONLY|O_RDWR|O_CREAT|O_TRUNC' | grep -vE "$allowed" || true)
ok_if "no file is opened for writing" test -z "$writes"
[ -z "$writes" ] || diag "$writes"
others=$(grep -E '(^|[^a-z_])(creat|rename|renameat|renameat2|link|linkat)\(' "$trace" || true)
ok_if "no creat, rename or link call" test -z "$others"
[ -z "$others" ] || diag "$others"
finish
