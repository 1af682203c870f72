#!/bin/sh
# "Was this useful?" on the details of the backend's services: 1 (yes)
# and 2 (no) send recommendation_feedback with score 1 or -1 and that
# service's id; the citizen is thanked whatever the backend does, and a
# failure goes to the log only.
. "$top_srcdir/tests/e2e/lib.sh"
. "$top_srcdir/tests/backend/lib.sh"

L=en
from_backend=$(msg $L 'Suggestions from the national service recommender.')
details="Opastin · $(msg $L 'Service details')"
useful=$(msg $L 'Was this useful?')
thanks=$(msg $L 'Thank you for your answer.')

feedback_lines() {
	grep -E '^conn=[0-9]+ POST /service-recommender/v1/recommendation_feedback ' "$BACKEND_LOG"
}

feedback_count() {
	feedback_lines | wc -l | tr -d ' '
}

# feedback_is N STATUS SCORE ID: the Nth feedback request of the log was
# answered STATUS and names the service ID with SCORE, and the
# recommendation id of the answer that listed it.
feedback_is() {
	_line=$(feedback_lines | sed -n "$1p")
	python3 - "$_line" "$2" "$3" "$4" "$BACKEND_LOG" <<'EOF' && return 0
import json, re, sys
line, status, score, sid, log = sys.argv[1:]
def fail(why):
    print("# " + why)
    print("# the line: " + line)
    sys.exit(1)
m = re.match(r"^conn=\d+ POST \S+ status=(\S+) lang=\S+ feedback=(.*)$", line)
if not m:
    fail("not a feedback line")
if m.group(1) != status:
    fail("status %s, not %s" % (m.group(1), status))
body = json.loads(m.group(2))
rid = body.get("auroraai_recommendation_id")
if not isinstance(rid, int) or isinstance(rid, bool):
    fail("auroraai_recommendation_id is not a number")
fb = body.get("service_feedbacks")
want = [{"service_id": sid, "feedback_score": int(score)}]
if fb != want:
    fail("service_feedbacks is %r, not %r" % (fb, want))
extra = set(body) - {"auroraai_recommendation_id", "service_feedbacks", "feedback_score"}
if extra:
    fail("fields outside the schema: %s" % ", ".join(sorted(extra)))
EOF
	return 1
}

# True when the feedback count stays at N for half a second: nothing
# more is sent.
count_stays() {
	_until=$(( $(ms_now) + 500 ))
	while [ "$(ms_now)" -lt "$_until" ]; do
		[ "$(feedback_count)" -eq "$1" ] || { diag "feedback requests: $(feedback_count), not $1"; return 1; }
		sleep 0.05
	done
}

# open_service N TEXT: from the results, the details of the Nth service.
open_service() {
	keys "$1"
	keys Enter
	wait_for "$details" || return 1
	wait_for "$2"
}

nothing_alarming() {
	_bad=$(screen | grep -iE 'error|fail|not sent|problem|could not|offline|http [0-9]|status')
	[ -z "$_bad" ] && return 0
	diag "alarming lines on the screen:" "$_bad"
	return 1
}

ok_if "the test backend starts" start_backend ok
backend_conf "timeout_s = 2"
kiosk $L
to_review $L 8
ask $L
ok_if "the backend's results" wait_for "$from_backend"
# The names of the first four services, moving the focus down to each
# (at 80x24 with their reasons not all four fit on one screen).
: >"$tmpdir/names"
for n in 1 2 3 4; do
	wait_re "^ *> +$n  " 2
	screen | sed -n 's/^ *> \{1,\}\([1-6]\) \{2,\}\(.*[^ ]\) *$/\1 \2/p' |
	    sed 's/ *[↑↓]$//' >>"$tmpdir/names"
	keys Down
done
keys Home
wait_re '^ *> +1  ' 2
nth_name() {
	sed -n "s/^$1 //p" "$tmpdir/names"
}
ok_if "the first four services can be reached" eval '[ -n "$(nth_name 4)" ]'

# 1: yes.
s1=$(nth_name 1)
id1=$(fixture $L id "$s1")
open_service 1 "  $s1"
ok_if "details: \"$useful\" with [ 1 Yes ] [ 2 No ]" \
    wait_for "$useful  [ 1 $(msg $L Yes) ] [ 2 $(msg $L No) ]"
keys 1
ok_if "1 (yes): \"$thanks\"" wait_for "$thanks" 1
ok_if "1 (yes): the question is gone" not_shown "$useful"
ok_if "1 (yes): the backend gets the feedback" \
    wait_backend_log 'recommendation_feedback status=200 lang=en feedback='
ok_if "1 (yes): feedback_score 1 for $s1 ($id1)" feedback_is 1 200 1 "$id1"
ok_if "1 (yes): on the connection of the results" eval \
    '[ "$(backend_requests | sed "s/ .*//" | sort -u | wc -l)" -eq 1 ]'
keys 1
ok_if "1 again: nothing more is sent" count_stays 1
keys Escape
ok_if "Esc goes back to the results" wait_for "$from_backend"

# 2: no, on another service.
s2=$(nth_name 2)
id2=$(fixture $L id "$s2")
open_service 2 "  $s2"
keys 2
ok_if "2 (no): \"$thanks\"" wait_for "$thanks" 1
ok_if "2 (no): the backend gets the feedback" eval \
    'wait_backend_log "feedback=.*$id2" 5'
ok_if "2 (no): feedback_score -1 for $s2 ($id2)" feedback_is 2 200 -1 "$id2"
keys Escape
wait_for "$from_backend"

# The backend fails the feedback: nothing alarming for the citizen.
set_mode http500
s3=$(nth_name 3)
id3=$(fixture $L id "$s3")
open_service 3 "  $s3"
keys 1
ok_if "server error: still \"$thanks\"" wait_for "$thanks" 1
ok_if "server error: the backend answered 500" \
    wait_backend_log "recommendation_feedback status=500 .*feedback=.*$id3"
ok_if "server error: the log says the feedback was not sent" \
    eval 'wait_file "feedback not sent" "$KIOSK_ERR"'
ok_if "server error: nothing alarming on the screen" nothing_alarming
ok_if "server error: the program goes on" eval 'keys Escape; wait_for "$from_backend"'

# The backend does not answer the feedback: it does not block.
set_mode stall
s4=$(nth_name 4)
id4=$(fixture $L id "$s4")
open_service 4 "  $s4"
t0=$(ms_now)
keys 2
ok_if "no answer: \"$thanks\" at once" wait_for "$thanks" 1
ok_if "no answer: within a second" eval '[ $(( $(ms_now) - t0 )) -lt 1000 ]'
keys Escape
ok_if "no answer: keys work while it is sent" wait_for "$from_backend" 1
ok_if "no answer: the request reached the backend" \
    wait_backend_log "recommendation_feedback status=stall .*feedback=.*$id4"
ok_if "no answer: after timeout_s the log says it was not sent" \
    eval 'wait_file "feedback not sent: backend: timed out" "$KIOSK_ERR" 5'
ok_if "no answer: nothing alarming on the screen" nothing_alarming

# Offline results ask nothing.
set_mode http500
keys F2
ok_if "offline results (in Finnish after F2)" wait_for "$(msg fi 'Suggestions from this kiosk')" 5
keys Enter
ok_if "their details open" wait_for "Opastin · $(msg fi 'Service details')"
ok_if "their details do not ask \"Was this useful?\"" not_shown "$(msg fi 'Was this useful?')"
ok_if "no more feedback was sent" eval '[ "$(feedback_count)" -eq 4 ]'
finish
