#!/bin/sh
# Batch mode (--profile) with a backend: the local test backend's
# services with "source": "backend" and the language the data came in;
# when the backend fails, the kiosk's own services with "source":
# "embedded" and a "fallback_reason" in plain words; exit status 0.
. "$top_srcdir/tests/lib.sh"
. "$top_srcdir/tests/backend/lib.sh"

profiles="$DATA/profiles"
out="$tmpdir/out"
err="$tmpdir/err"

# batch PROFILE ARGS...: batch mode against $BACKEND_URL; status in $rc,
# the time it took in $ms.
batch() {
	_profile=$1
	shift
	_t0=$(date +%s%N)
	"$OPASTIN" --assets "$ASSETS" --backend "$BACKEND_URL" --ca-file "$CERTS/ca.pem" \
	    --profile "$profiles/$_profile" "$@" </dev/null >"$out" 2>"$err"
	rc=$?
	ms=$(( ($(date +%s%N) - _t0) / 1000000 ))
	[ "$rc" -eq 0 ] || diag "exit status $rc; standard error:" "$(cat "$err")"
}

# check SOURCE LANG [REASON]: the JSON in $out comes from SOURCE
# ("backend": the test services named in LANG; "embedded": the
# catalogue's, with REASON as fallback_reason) in LANG.
check() {
	fixture "$2" names >"$tmpdir/names.fixture"
	catalogue_names "$2" >"$tmpdir/names.catalogue"
	python3 - "$out" "$1" "$2" "${3:-}" "$tmpdir/names.fixture" "$tmpdir/names.catalogue" <<'EOF'
import json, sys
out, source, lang, reason, fixture, catalogue = sys.argv[1:]
def fail(why):
    print("# " + why)
    sys.exit(1)
try:
    d = json.load(open(out, encoding="utf-8"))
except ValueError as e:
    fail("not JSON: %s" % e)
if d.get("source") != source:
    fail("source is %r, not %r" % (d.get("source"), source))
if d.get("language") != lang:
    fail("language is %r, not %r" % (d.get("language"), lang))
names = set(open(fixture if source == "backend" else catalogue,
                 encoding="utf-8").read().splitlines())
svc = d.get("recommended_services")
if not isinstance(svc, list) or not svc:
    fail("recommended_services is empty or not a list")
for s in svc:
    if s.get("service_name") not in names:
        fail("%r is not a %s service in %s" % (s.get("service_name"), source, lang))
if source == "backend":
    if "fallback_reason" in d:
        fail("fallback_reason %r with backend results" % d["fallback_reason"])
    if not d.get("auroraai_recommendation_id"):
        fail("no auroraai_recommendation_id")
    if not any(c.get("phone_numbers") or c.get("emails") or c.get("web_pages")
               for s in svc for c in s.get("service_channels", [])):
        fail("no contacts in the channels")
else:
    if d.get("fallback_reason") != reason:
        fail("fallback_reason is %r, not %r" % (d.get("fallback_reason"), reason))
EOF
}

json_get() {
	python3 -c 'import json, sys; d = json.load(open(sys.argv[1], encoding="utf-8")); print(eval(sys.argv[2]))' \
	    "$out" "$1"
}

log_has() {
	grep -qE -- "$1" "$BACKEND_LOG" && return 0
	diag "no line matching $1 in the backend's log:" "$(cat "$BACKEND_LOG")"
	return 1
}

# --- The backend answers ---
ok_if "the test backend starts" start_backend ok

batch backend-sv-debt.json --format json
ok_if "sv profile: exit status 0" test "$rc" -eq 0
ok_if "sv profile: \"source\": \"backend\", Swedish test services, \"language\": \"sv\"" check backend sv
ok_if "sv profile: debt advice first" eval '[ "$(json_get "d[\"recommended_services\"][0][\"service_name\"]")" = "Testverkets skuldrådgivning" ]'
ok_if "sv profile: asked in Swedish (Accept-Language: sv)" \
    log_has '^conn=[0-9]+ POST /service-recommender/v1/recommend_service status=200 lang=sv$'
ok_if "sv profile: no warning in the log (standard error)" eval '! grep -q warning "$err"'

batch backend-en-job.json --format json
ok_if "en profile: exit status 0" test "$rc" -eq 0
ok_if "en profile: \"source\": \"backend\", English test services, \"language\": \"en\"" check backend en
ok_if "en profile: job search advice first" eval '[ "$(json_get "d[\"recommended_services\"][0][\"service_name\"]")" = "Test Agency job search advice" ]'
ok_if "en profile: asked in English" \
    log_has '^conn=[0-9]+ POST /service-recommender/v1/recommend_service status=200 lang=en$'

batch backend-sv-debt.json --format json --lang fi
ok_if "--lang fi over an sv profile: Finnish data" check backend fi

batch backend-en-job.json --format text
ok_if "text: exit status 0" test "$rc" -eq 0
ok_if "text: says where the suggestions came from" \
    grep -qF "$(msg en 'Suggestions from the national service recommender.')" "$out"
ok_if "text: the test service and its phone number" \
    eval 'grep -qF "Test Agency job search advice" "$out" && grep -qF "010 000 1001" "$out"'

# Data in Finnish only: "language" says so.
set_mode finnish-only-nolang
batch backend-sv-debt.json --format json
ok_if "Finnish-only data, no Content-Language: \"language\": \"fi\"" check backend fi
set_mode ok

# --- The backend fails: the kiosk's own services, and why ---
tls=$(msg sv 'The connection to the national service recommender could not be verified as safe, so it was not used.')
start_backend ok $(backend_cert untrusted)
batch backend-sv-debt.json --format json
ok_if "untrusted certificate: exit status 0" test "$rc" -eq 0
ok_if "untrusted certificate: \"source\": \"embedded\", the reason in Swedish" check embedded sv "$tls"
ok_if "untrusted certificate: the log says why" grep -q 'TLS failed' "$err"

start_backend ok $(backend_cert expired)
batch backend-en-job.json --format json
ok_if "expired certificate: embedded, with the reason" \
    check embedded en "$(msg en 'The connection to the national service recommender could not be verified as safe, so it was not used.')"

start_backend http400
batch backend-en-job.json --format json
ok_if "http400: exit status 0" test "$rc" -eq 0
ok_if "http400: \"source\": \"embedded\", with the reason" \
    check embedded en "$(msg en 'The national service recommender did not accept the question.')"
batch backend-sv-debt.json --format text
ok_if "http400, text: the first line says offline, and why" eval \
    '[ "$(head -n 1 "$out")" = "$(msgf sv "Suggestions from this kiosk: %s" "$(msg sv "The national service recommender did not accept the question.")")" ]'

start_backend http503
batch backend-en-job.json --format json
ok_if "http503: embedded, busy" check embedded en "$(msg en 'The national service recommender is busy.')"
ok_if "http503: retried once" eval '[ "$(backend_requests recommend_service | grep -c status=503)" -eq 2 ]'

start_backend stall
batch backend-en-job.json --format json --timeout 1
ok_if "stall, --timeout 1: exit status 0" test "$rc" -eq 0
ok_if "stall, --timeout 1: embedded, not in time" \
    check embedded en "$(msg en 'The national service recommender did not answer in time.')"
ok_if "stall, --timeout 1: within 2 s ($ms ms)" test "$ms" -lt 2000

stop_backend
BACKEND_URL="https://127.0.0.1:$(closed_port)/service-recommender/v1"
batch backend-en-job.json --format json
ok_if "connection refused: embedded, could not be reached" \
    check embedded en "$(msg en 'The national service recommender could not be reached.')"
finish
