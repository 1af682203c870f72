#!/bin/sh
# A backend that never answers (mode stall) and a long timeout: the
# waiting screen counts the seconds, keys keep working (F1 help opens
# and closes), and Esc stops waiting at once, back to the review.
. "$top_srcdir/tests/e2e/lib.sh"
. "$top_srcdir/tests/backend/lib.sh"

L=en
review="Opastin · $(msg $L 'Check your answers')"
# The waiting line, its spinner and seconds as regex parts.
waiting_re=$(msg_re $L '%1$c Asking the national service recommender… %2$lld s' @ '#' |
    sed 's/@/[|\/\\-]/')

# The seconds the waiting line shows now (empty when it does not show).
seconds() {
	screen | grep -E -- "$waiting_re" | head -n 1 | sed 's/.* \([0-9][0-9]*\) s *$/\1/'
}

# Poll until the waiting line shows at least N seconds.
wait_seconds() {
	_tries=$(( ${2:-10} * 20 ))
	while [ "$_tries" -gt 0 ]; do
		_s=$(seconds)
		[ -n "$_s" ] && [ "$_s" -ge "$1" ] && return 0
		_tries=$((_tries - 1))
		sleep 0.05
	done
	diag "the waiting screen did not reach $1 s; the screen was:"
	screen | diag "$(cat)"
	return 1
}

ok_if "the test backend starts (it never answers)" start_backend stall
backend_conf "timeout_s = 60"
kiosk $L
ok_if "the flow reaches the review" to_review $L 8
keys End
wait_focus "$(msg $L 'Show suggested services')"
t0=$(ms_now)
keys Enter
ok_if "the waiting screen shows a spinner and the seconds" wait_re "$waiting_re" 2
ok_if "it shows within a second" eval '[ $(( $(ms_now) - t0 )) -lt 1000 ]'
ok_if "it says Esc stops waiting" wait_joined "$(msg $L 'You can press Esc to stop waiting and go back.')" 1
ok_if "the request reached the backend" \
    wait_backend_log '^conn=[0-9]+ POST /service-recommender/v1/recommend_service status=stall lang=en$'
ok_if "the seconds count up: 1 s" wait_seconds 1 3
first=$(seconds)
ok_if "the seconds count up: 2 s" wait_seconds $(( first + 1 )) 3

# Keys work while the request runs.
keys F1
ok_if "F1 opens the help while waiting" wait_for "Opastin · $(msg $L Help)" 2
keys Escape
ok_if "Esc closes the help: still waiting" wait_re "$waiting_re" 2
ok_if "the seconds went on counting meanwhile" wait_seconds $(( first + 2 )) 3
ok_if "no results and no offline results meanwhile" \
    eval 'not_shown "$(msg $L "Suggestions from this kiosk")" && not_shown "$(msg $L "Suggestions from the national service recommender.")"'

# Esc stops waiting.
t0=$(ms_now)
keys Escape
if wait_for "$review" 2; then
	ms=$(( $(ms_now) - t0 ))
	ok "Esc on the waiting screen goes back to the review"
else
	ms=99999
	not_ok "Esc on the waiting screen goes back to the review"
fi
ok_if "promptly ($ms ms < 1000 ms)" test "$ms" -lt 1000
ok_if "the waiting screen is gone" eval '[ -z "$(seconds)" ]'
ok_if "no results come later" stays_away "$(msg $L 'Suggestions from this kiosk')" 1
ok_if "the review stays" stays "$review" 0.5
ok_if "the program runs" not_shown "[opastin exited]"

# Asking again works, here with a backend that answers.
set_mode ok
keys End
wait_focus "$(msg $L 'Show suggested services')"
keys Enter
ok_if "asking again gets the backend's results" \
    wait_for "$(msg $L 'Suggestions from the national service recommender.')"
# Which test services come first depends on the meters sent (Retiring
# now asks two); any of them shows the answer is the backend's.
ok_if "the test services" wait_for "Test Health Line"
ok_if "the stalled request was asked once" \
    eval '[ "$(backend_requests recommend_service | grep -c status=stall)" -eq 1 ]'
finish
