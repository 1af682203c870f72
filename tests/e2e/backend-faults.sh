#!/bin/sh
# Every fault of the backend ends in the plain message of the README's
# table, with the kiosk's own services marked "Suggestions from this
# kiosk", within the timeout plus 1 s (plus the 1 s before the one retry
# of a 503 or a failed connection); the program goes on and Esc goes
# back to the review.  Broken services are skipped, hostile text is
# cleaned, and http:// is refused unless allowed for a loopback host.
. "$top_srcdir/tests/e2e/lib.sh"
. "$top_srcdir/tests/backend/lib.sh"

L=en
timeout=2
review=$(msg $L 'Check your answers')
from_backend=$(msg $L 'Suggestions from the national service recommender.')
offline=$(msg $L 'Suggestions from this kiosk')

# requests_were N STATUS...: the log after line N holds exactly these
# request statuses, in this order.
requests_were() {
	_m=$1
	shift
	_got=$(backend_log_after "$_m" | sed -n 's/.* status=\([^ ]*\) .*/\1/p' | tr '\n' ' ' | sed 's/ $//')
	[ "$_got" = "$*" ] && return 0
	diag "wanted requests with status: $*" "the log has:" "$(backend_log_after "$_m")"
	return 1
}

# A name from the kiosk's own catalogue (a long one may be cut with "…").
is_catalogue() {
	_name=${1%…}
	[ -n "$_name" ] && catalogue_names $L | awk -v n="$_name" 'index($0, n) == 1 { f = 1 } END { exit !f }' &&
	    return 0
	diag "\"$1\" is not a service of the kiosk's catalogue"
	return 1
}

is_fixture() {
	fixture $L names | grep -qxF -- "$1" && return 0
	diag "\"$1\" is not a test service"
	return 1
}

# log_says TEXT...: one line of the program's log holds every TEXT.
log_says() {
	_l=$(cat "$KIOSK_ERR")
	for _t do
		_l=$(printf '%s\n' "$_l" | grep -F -- "$_t")
	done
	[ -n "$_l" ] && return 0
	diag "no line of the log holds: $*" "the log:" "$(cat "$KIOSK_ERR")"
	return 1
}

elapsed_within() {
	[ "$1" -le "$2" ] && return 0
	diag "took $1 ms, more than $2 ms"
	return 1
}

# The program runs and its screen is whole: the header on the first
# line, the key bar on the last.
whole() {
	_s=$(screen)
	if printf '%s\n' "$_s" | grep -qF "[opastin exited]" ||
	    ! printf '%s\n' "$_s" | head -n 1 | grep -q "^ Opastin · " ||
	    ! printf '%s\n' "$_s" | tail -n 1 | grep -q "F10"; then
		diag "the screen is not whole:" "$_s"
		return 1
	fi
}

# press_show: on the review, focus "Show suggested services", then set
# t0 and press Enter.
press_show() {
	keys End
	wait_focus "$(msg $L 'Show suggested services')" || return 1
	t0=$(ms_now)
	keys Enter
}

# offline_case WHAT MSGID LIMIT_MS: the offline results with the message,
# within LIMIT_MS of pressing Enter; then Esc goes back to the review.
offline_case() {
	if wait_for "$offline" 10; then
		_ms=$(( $(ms_now) - t0 ))
		ok "$1: \"$offline\""
	else
		_ms=999999
		not_ok "$1: \"$offline\""
	fi
	ok_if "$1: within $(( $3 / 1000 )) s ($_ms ms)" elapsed_within "$_ms" "$3"
	ok_if "$1: the message says: $2" wait_joined "$(msg $L "$2")" 1
	ok_if "$1: the kiosk's own services are shown" is_catalogue "$(first_service)"
	back_to_review "$1"
}

back_to_review() {
	ok_if "$1: the program runs, the screen is whole" whole
	keys Escape
	if [ -n "${search_words:-}" ]; then
		ok_if "$1: Esc goes back to the words" wait_for "${search_words}_"
	else
		ok_if "$1: Esc goes back to the review" wait_for "$review"
	fi
}

# --- One session, the backend's mode switched between the questions ---

start_backend ok
# The timeout from the command line, over a longer one configured.
backend_conf "timeout_s = 30"
kiosk $L --timeout $timeout
ok_if "the flow reaches the review" to_review $L 8
title=$(T display-message -p -t e2e '#{pane_title}')

# stall: no answer within timeout_s; a timeout is not retried.
set_mode stall
m=$(backend_log_lines)
press_show
ok_if "stall: the spinner shows while waiting" \
    wait_re "$(msg_re $L '%1$c Asking the national service recommender… %2$lld s' @ '#' | sed 's/@/./')" 1
offline_case stall "The national service recommender did not answer in time." $(( (timeout + 1) * 1000 ))
ok_if "stall: it waited for the timeout ($_ms ms)" test "$_ms" -ge $(( timeout * 1000 - 100 ))
ok_if "stall: asked once, not again" requests_were "$m" stall
ok_if "stall: the log says it timed out" log_says 'backend: timed out'

set_mode http500
m=$(backend_log_lines)
press_show
offline_case http500 "The national service recommender had a problem." $(( (timeout + 1) * 1000 ))
ok_if "http500: not retried" requests_were "$m" 500
ok_if "http500: the log says server error, HTTP 500, and the server's text" \
    log_says 'backend: server error, HTTP 500' 'Error in request: internal test failure'

# 503 twice: retried once, after a second.
set_mode http503
m=$(backend_log_lines)
press_show
offline_case http503 "The national service recommender is busy." $(( (timeout + 2) * 1000 ))
ok_if "http503: retried once" requests_were "$m" 503 503
ok_if "http503: after a pause of a second ($_ms ms)" test "$_ms" -ge 900
ok_if "http503: the log says server busy (503)" log_says 'backend: server busy (503)'

# 503, then success on the retry: the backend's results.
set_mode http503-once
m=$(backend_log_lines)
press_show
ok_if "http503-once: the backend's results after the retry" wait_for "$from_backend" $(( timeout + 2 ))
ok_if "http503-once: not offline" not_shown "$offline"
ok_if "http503-once: the test services" is_fixture "$(first_service)"
ok_if "http503-once: 503, then 200" requests_were "$m" 503 200
# What the program itself draws, to compare the hostile text with.
T capture-pane -e -p -t e2e >"$tmpdir/plain.esc"
keys Enter
wait_for "$(msg $L 'Service details')"
T capture-pane -e -p -t e2e >>"$tmpdir/plain.esc"
keys Escape
wait_for "$from_backend"
back_to_review http503-once

set_mode http401
m=$(backend_log_lines)
press_show
offline_case http401 "This kiosk is not allowed to use the national service recommender. Please tell the staff." \
    $(( (timeout + 1) * 1000 ))
ok_if "http401: not retried" requests_were "$m" 401
ok_if "http401: the log says unauthorized, HTTP 401" log_says 'backend: unauthorized, HTTP 401'

set_mode http400
m=$(backend_log_lines)
press_show
offline_case http400 "The national service recommender did not accept the question." $(( (timeout + 1) * 1000 ))
ok_if "http400: not retried" requests_were "$m" 400
ok_if "http400: the log says request rejected (400), and the server's text" \
    log_says 'backend: request rejected (400)' 'Validation error in request data:'

set_mode malformed
press_show
offline_case malformed "We could not read the answer from the national service recommender." $(( (timeout + 1) * 1000 ))
ok_if "malformed: the log says the answer was unreadable" log_says 'backend: unreadable answer'

# Broken services are skipped, the good ones shown.
set_mode wrong-types
press_show
ok_if "wrong-types: the backend's results" wait_for "$from_backend" $(( timeout + 1 ))
ok_if "wrong-types: not offline" not_shown "$offline"
ok_if "wrong-types: the first good service" wait_for "Test Agency job search advice"
ok_if "wrong-types: the second good service" wait_for "Test Municipality housing advice"
ok_if "wrong-types: only those two" wait_for "$(msgn $L '%zu service' '%zu services' 2 | sed 's/%zu/2/')"
ok_if "wrong-types: no broken service is shown" not_shown "WRONGTYPE"
keys 2 Enter
ok_if "wrong-types: the good service's details" wait_for "$(msg $L 'Service details')"
ok_if "wrong-types: its good channels, without the broken ones" eval \
    'wait_for "asumisneuvonta@testikunta.example" && not_shown WRONGTYPE'
keys Escape
back_to_review wrong-types

# A body that ends early: an unreadable answer (README).
set_mode truncated
press_show
offline_case truncated "We could not read the answer from the national service recommender." $(( (timeout + 1) * 1000 ))
ok_if "truncated: the log says the answer was unreadable" log_says 'backend: unreadable answer'

set_mode oversize
press_show
offline_case oversize "We could not read the answer from the national service recommender." $(( (timeout + 1) * 1000 ))
ok_if "oversize: the log says the answer was too large" log_says 'backend: answer too large'

# Escapes, C1 controls and bidi controls in the names never reach the
# terminal: the text is shown without them.
set_mode hostile
press_show
ok_if "hostile: the backend's results" wait_for "$from_backend" $(( timeout + 1 ))
ok_if "hostile: SGR removed from a name" wait_for "HOSTILE-1 red after-sgr"
ok_if "hostile: OSC title and hyperlink removed with their text" \
    wait_for "OSC title  after-osc; hyperlink link after-link"
ok_if "hostile: a C1 CSI removed with its parameters" eval \
    'line_with "HOSTILE-2 C1" | grep -q "after-csi" && ! line_with "HOSTILE-2 C1" | grep -q 2J'
ok_if "hostile: the bidi override removed" wait_for "HOSTILE-3 desrever after-rlo"
ok_if "hostile: tabs and newlines are spaces, DEL and BS gone" \
    wait_for "HOSTILE-4 tab here newline here cr here delhere bshere"
ok_if "hostile: six hostile services and a good one" \
    wait_for "$(msgn $L '%zu service' '%zu services' 7 | sed 's/%zu/7/')"
bidi=$(printf '\342\200\256|\342\200\254|\342\201\246|\342\201\247|\342\201\250|\342\201\251|\342\200\252|\342\200\253|\342\200\255')
ok_if "hostile: no bidi control on the screen" eval '! screen | grep -qE "$bidi"'
T capture-pane -e -p -t e2e >"$tmpdir/hostile.esc"
keys 1 Enter
wait_for "$(msg $L 'Service details')"
T capture-pane -e -p -t e2e >>"$tmpdir/hostile.esc"
keys Escape
wait_for "$from_backend"
keys 6 Enter
ok_if "hostile: the details of the service with hostile channels" wait_for "HOSTILE-6 channels"
ok_if "hostile: its organisation without SGR" wait_for "  ORG Testivirasto"
ok_if "hostile: its channel without the OSC title" wait_for ": HOSTILE channel"
ok_if "hostile: its phone without the clear-screen" wait_for "010 000 9999"
ok_if "hostile: its address without the conceal SGR" wait_for "Testikatu hidden 1, 00000, Testikunta"
T capture-pane -e -p -t e2e >>"$tmpdir/hostile.esc"
ok_if "hostile: no escape text on the screen" eval \
    '! screen | grep -qE "\[[0-9;]*m|\]0;|\]8;;|owned-title|chan-title"'
ok_if "hostile: the window title was not changed" \
    eval '[ "$(T display-message -p -t e2e "#{pane_title}")" = "$title" ]'
# capture-pane -e shows the attributes the terminal holds: only those
# the program itself draws (red, blink, reverse, conceal... would be
# the injected ones).
sgr() {
	grep -o "$(printf '\033')\[[0-9;]*m" "$1" | sort -u
}
sgr "$tmpdir/plain.esc" >"$tmpdir/plain.sgr"
injected() {
	_extra=$(sgr "$tmpdir/hostile.esc" | grep -vxF -f "$tmpdir/plain.sgr" | cat -v)
	[ -z "$_extra" ] && return 0
	diag "attributes on the hostile screens that the program does not draw elsewhere:" "$_extra"
	return 1
}
ok_if "hostile: no attribute the program does not draw itself" injected
keys Escape
wait_for "$from_backend"
back_to_review hostile

set_mode hostile-bytes
press_show
offline_case hostile-bytes "We could not read the answer from the national service recommender." $(( (timeout + 1) * 1000 ))

# The log's lines are precise: curl's "No error" of a transfer that
# went well is no detail of an HTTP error.
ok_if "the log's error lines hold no \"No error\"" eval '! grep -q "No error" "$KIOSK_ERR"'

# --- Faults before any answer: a new program for each ---

# fresh_case: a new program searches by words with the backend of
# $BACKEND_CONF; t0 is set as Enter sends the words.
fresh_case() {
	kiosk $L || return 1
	keys End
	wait_focus "$(msg $L 'Search by words instead')" || return 1
	keys Enter
	wait_for "$(msg $L 'Search by words')" || return 1
	type "$search_words"
	wait_for "${search_words}_" || return 1
	t0=$(ms_now)
	keys Enter
}

search_words=pension

# Connection refused: a port where nothing listens; retried once.
stop_backend
port=$(closed_port)
BACKEND_URL="https://127.0.0.1:$port/service-recommender/v1"
backend_conf "timeout_s = $timeout" "connect_timeout_s = 1"
fresh_case
offline_case refused "The national service recommender could not be reached." $(( (timeout + 2) * 1000 ))
ok_if "refused: retried once" eval '[ "$(grep -c "backend: connect failed" "$KIOSK_ERR")" -eq 2 ]'

for cert in wronghost untrusted expired; do
	start_backend ok $(backend_cert $cert)
	backend_conf "timeout_s = $timeout" "connect_timeout_s = 1"
	fresh_case
	offline_case "TLS $cert" "The connection to the national service recommender could not be verified as safe, so it was not used." \
	    $(( (timeout + 1) * 1000 ))
	ok_if "TLS $cert: the log says why" grep -q 'backend: TLS failed: ..*' "$KIOSK_ERR"
	ok_if "TLS $cert: no request reached the server" eval '! backend_requests'
done

start_backend ok
backend_conf "timeout_s = $timeout" "pinned_public_key = $(cat "$CERTS/wrong.pin")"
fresh_case
offline_case "wrong pinned key" "The connection to the national service recommender could not be verified as safe, so it was not used." \
    $(( (timeout + 1) * 1000 ))
ok_if "wrong pinned key: no request reached the server" eval '! backend_requests'

# --- http:// ---
stop
http_url="http://127.0.0.1:$BACKEND_PORT/service-recommender/v1"
"$OPASTIN" --assets "$ASSETS" --backend "$http_url" </dev/null >"$tmpdir/out" 2>"$tmpdir/err"
rc=$?
ok_if "http:// without allow_insecure_http: exit status 1" test "$rc" -eq 1
ok_if "http:// without allow_insecure_http: one line says why" eval \
    '[ "$(wc -l <"$tmpdir/err")" -eq 1 ] && grep -q "https://" "$tmpdir/err"'
ok_if "http:// without allow_insecure_http: nothing on standard output" test ! -s "$tmpdir/out"
BACKEND_URL="http://example.invalid/service-recommender/v1"
backend_conf "allow_insecure_http = yes"
"$OPASTIN" --assets "$ASSETS" --config "$BACKEND_CONF" </dev/null >"$tmpdir/out" 2>"$tmpdir/err"
rc=$?
ok_if "http:// to a host not loopback, even allowed: exit status 1, one line" eval \
    '[ "$rc" -eq 1 ] && [ "$(wc -l <"$tmpdir/err")" -eq 1 ]'

start_backend ok --insecure-http
backend_conf "allow_insecure_http = yes"
ok_if "allow_insecure_http = yes: the kiosk starts with http:// to 127.0.0.1" kiosk $L
keys End Enter
wait_for "$(msg $L 'Search by words')"
type "housing rent"
keys Enter
ok_if "allow_insecure_http = yes: the backend's results over http" wait_for "$from_backend"
ok_if "allow_insecure_http = yes: the housing advice" wait_for "Test Municipality housing advice"
ok_if "allow_insecure_http = yes: the server answered" \
    wait_backend_log '^conn=[0-9]+ POST /service-recommender/v1/text_search status=200 lang=en$'
finish
