#!/bin/sh
# The kiosk against the local test backend over HTTPS (tests/backend):
# a whole flow in Finnish, Swedish and English shows the backend's
# services in that language and their contacts; one connection serves
# the session's requests; Finnish-only data says so in one line; "Search
# by words" asks text_search.
. "$top_srcdir/tests/e2e/lib.sh"
. "$top_srcdir/tests/backend/lib.sh"

secret='e2e-S3cret-not-for-logs'
ok_if "the test backend starts (HTTP Basic required)" \
    start_backend ok --client-id kiosk-e2e --client-secret "$secret"

# True when every line on stdin names the same conn=N, and there are at
# least MIN of them.
one_connection() {
	_lines=$(cat)
	_n=$(printf '%s\n' "$_lines" | grep -c .)
	_conns=$(printf '%s\n' "$_lines" | sed -n 's/^conn=\([0-9]*\) .*/\1/p' | sort -u | wc -l)
	[ "$_n" -ge "$1" ] && [ "$_conns" -eq 1 ] && return 0
	diag "wanted $1 or more requests on one connection; the log has:" "$_lines"
	return 1
}

is_fixture() {
	fixture "$1" names | grep -qxF -- "$2" && return 0
	diag "\"$2\" is not a test service in $1"
	return 1
}

# No contact line with an empty value, e.g. "Address:" and nothing after.
no_empty_contact() {
	_bad=$(screen | grep -E "^ +($(msg "$1" Address)|$(msg "$1" Phone)|$(msg "$1" Web)|$(msg "$1" E-mail)|$(msg "$1" Hours)): *$")
	[ -z "$_bad" ] && return 0
	diag "empty contact lines:" "$_bad"
	return 1
}

# flow L EVENT WHAT: a whole flow in L to the details of the first service.
flow() {
	L=$1
	kiosk "$L"
	ok_if "$L ($3): the life-event question in $L" \
	    wait_for "$(msg $L 'What has happened in your life?')"
	ok_if "$L: the defaults lead to the review" to_review $L "$2"
	ask $L
	ok_if "$L: the results come from the national service recommender" \
	    wait_for "$(msg $L 'Suggestions from the national service recommender.')"
	ok_if "$L: they are not offline results" not_shown "$(msg $L 'Suggestions from this kiosk')"
	ok_if "$L: no note of another language" \
	    not_shown "$(msg_prefix $L 'These services are shown in %s because the recommender has them only in that language.')"
	first=$(first_service)
	ok_if "$L: the first service is a test service named in $L ($first)" is_fixture $L "$first"
	org=$(fixture $L org "$first")
	ok_if "$L: with its organisation in $L ($org)" wait_for "        $org"
	keys Enter
	ok_if "$L: Enter opens the details" wait_for "Opastin · $(msg $L 'Service details')"
	ok_if "$L: the details name the service" wait_for "  $first"
	fixture $L contacts "$first" >"$tmpdir/contacts"
	channel=$(head -n 1 "$tmpdir/contacts")
	ok_if "$L: the first contact channel ($channel)" wait_for ": $channel"
	_ifs=$IFS
	IFS='
'
	for value in $(sed 1d "$tmpdir/contacts"); do
		IFS=$_ifs
		ok_if "$L: its contact $value" wait_for "$value"
	done
	IFS=$_ifs
	ok_if "$L: no contact line without a value" no_empty_contact $L
	ok_if "$L: the backend was asked in $L" \
	    wait_backend_log "^conn=[0-9]+ POST /service-recommender/v1/recommend_service status=200 lang=$L\$"
}

# Finnish, with HTTP Basic credentials.
backend_conf "client_id = kiosk-e2e" "client_secret = $secret"
flow fi 7 "problems with debt; with credentials"
keys Escape
ok_if "fi: Esc returns to the results" wait_for "$(msg fi 'Suggestions from the national service recommender.')"
ok_if "fi: the secret is not in the program's log" sh -c '! grep -qF -- "$1" "$2"' - "$secret" "$KIOSK_ERR"
ok_if "fi: nor in the backend's log" sh -c '! grep -qF -- "$1" "$2"' - "$secret" "$BACKEND_LOG"

# Swedish, with the server's public key pinned.
backend_conf "client_id = kiosk-e2e" "client_secret = $secret" \
    "pinned_public_key = $(cat "$CERTS/server.pin")"
flow sv 3 "moving home; the right pinned key"

# English, then F2 twice: three requests of one session on one connection.
backend_conf "client_id = kiosk-e2e" "client_secret = $secret"
mark=$(backend_log_lines)
flow en 8 "retiring"
keys Escape
ok_if "en: Esc returns to the results" wait_for "$(msg en 'Suggestions from the national service recommender.')"
keys F2
ok_if "F2: the results are asked again, in Finnish" \
    wait_for "$(msg fi 'Suggestions from the national service recommender.')"
ok_if "F2: the Finnish names of the services" is_fixture fi "$(first_service)"
keys F2
ok_if "F2 again: in Swedish" wait_for "$(msg sv 'Suggestions from the national service recommender.')"
ok_if "F2 again: the Swedish names of the services" is_fixture sv "$(first_service)"
ok_if "the backend was asked in en, fi and sv" \
    sh -c 'for l in en fi sv; do grep -q "recommend_service status=200 lang=$l\$" "$1" || exit 1; done' - "$BACKEND_LOG"
ok_if "one connection served the session's three requests" \
    eval 'backend_log_after "$mark" | one_connection 3'

# Data in Finnish only, for an English kiosk: one line says so.
set_mode finnish-only
flow_fi_only() {
	kiosk en
	to_review en 7
	ask en
	wait_for "$(msg en 'Suggestions from the national service recommender.')"
}
ok_if "finnish-only: the English flow reaches the backend's results" flow_fi_only
ok_if "finnish-only: the services have their Finnish names" is_fixture fi "$(first_service)"
ok_if "finnish-only: one notice says they are in Finnish" \
    wait_joined "$(msgf en 'These services are shown in %s because the recommender has them only in that language.' "$(msg en Finnish)")"
ok_if "finnish-only: the results are not offline" not_shown "$(msg en 'Suggestions from this kiosk')"
# The deployed service sends no Content-Language: the data is Finnish.
set_mode finnish-only-nolang
keys F2
ok_if "no Content-Language, Finnish kiosk: results, no notice" \
    wait_for "$(msg fi 'Suggestions from the national service recommender.')"
ok_if "no Content-Language, Finnish kiosk: no notice" \
    not_shown "$(msg_prefix fi 'These services are shown in %s because the recommender has them only in that language.')"
keys F2
ok_if "no Content-Language, Swedish kiosk: the notice, in Swedish" \
    wait_joined "$(msgf sv 'These services are shown in %s because the recommender has them only in that language.' "$(msg sv Finnish)")"
ok_if "no Content-Language: the backend answered without it" \
    wait_backend_log 'recommend_service status=200 lang=sv$'

# Search by words: text_search, in the kiosk's language.
set_mode ok
mark=$(backend_log_lines)
kiosk en
keys End
ok_if "search: the life-event question offers it" wait_focus "$(msg en 'Search by words instead')"
keys Enter
ok_if "search: the search screen opens" wait_for "Opastin · $(msg en 'Search by words')"
type "debt money"
ok_if "search: the words show as typed" wait_for "debt money_"
keys Enter
ok_if "search: the backend's results" wait_for "$(msg en 'Suggestions from the national service recommender.')"
ok_if "search: the best match first" eval '[ "$(first_service)" = "Test Agency debt advice" ]'
ok_if "search: the backend got a text_search in English" \
    wait_backend_log '^conn=[0-9]+ POST /service-recommender/v1/text_search status=200 lang=en$'
ok_if "search: and no recommend_service" \
    eval '! backend_log_after "$mark" | grep -q recommend_service'
keys Escape
ok_if "search: Esc goes back to the words" wait_for "debt money_"
finish
