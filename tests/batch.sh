#!/bin/sh
# Batch mode: opastin --profile FILE --format json|text prints the
# services for a citizen profile and exits; a bad profile exits 2 with
# one line that says where (FILE:LINE:COL) and what is wrong.
. "$top_srcdir/tests/lib.sh"

profiles="$DATA/profiles"
out="$tmpdir/out"
err="$tmpdir/err"

# batch PROFILE ARGS...: run batch mode; status in $rc.
batch() {
	_profile=$1
	shift
	"$OPASTIN" --assets "$ASSETS" --profile "$profiles/$_profile" "$@" </dev/null >"$out" 2>"$err"
	rc=$?
}

# check_json LANG: the JSON in $out has the result shape; names are in
# LANG, as the catalogue gives them.
check_json() {
	python3 - "$out" "$1" "$ASSETS/catalogue.json" <<'EOF'
import json, sys
out, lang, catalogue = sys.argv[1:]
def fail(why):
    print("# " + why)
    sys.exit(1)
try:
    d = json.load(open(out, encoding="utf-8"))
except ValueError as e:
    fail("not JSON: %s" % e)
names = {s["service_id"]: s["service_name"][lang]
         for s in json.load(open(catalogue, encoding="utf-8"))["services"]}
if d.get("source") != "embedded":
    fail("source is %r" % d.get("source"))
if d.get("language") != lang:
    fail("language is %r, not %r" % (d.get("language"), lang))
svc = d.get("recommended_services")
if not isinstance(svc, list) or not svc:
    fail("recommended_services is empty or not a list")
ids = set()
for i, s in enumerate(svc):
    for k in ("service_id", "service_name"):
        if not isinstance(s.get(k), str) or not s[k]:
            fail("service %d has no %s" % (i, k))
    org = s.get("responsible_organization")
    if not isinstance(org, dict) or not isinstance(org.get("name"), str) or not org["name"]:
        fail("service %s has no responsible_organization.name" % s["service_id"])
    if not isinstance(s.get("service_channels"), list):
        fail("service %s has no service_channels list" % s["service_id"])
    for c in s["service_channels"]:
        if not c.get("service_channel_id") or not c.get("service_channel_type"):
            fail("a channel of %s has no id or type" % s["service_id"])
    if s.get("rank") != i + 1:
        fail("service %d has rank %r" % (i, s.get("rank")))
    if not isinstance(s.get("similarity_score"), (int, float)):
        fail("service %s has no similarity_score" % s["service_id"])
    if i > 0 and s["similarity_score"] > svc[i - 1]["similarity_score"]:
        fail("similarity_score goes up at rank %d" % (i + 1))
    if s["service_id"] in ids:
        fail("%s is listed twice" % s["service_id"])
    ids.add(s["service_id"])
    if s["service_id"] not in names:
        fail("%s is not in the catalogue" % s["service_id"])
    if s["service_name"] != names[s["service_id"]]:
        fail("%s is named %r, not %r" % (s["service_id"], s["service_name"], names[s["service_id"]]))
EOF
}

# json_get EXPR [ARG...]: a value from the JSON in $out (python expression
# on d; the ARGs are sys.argv[3:]).
json_get() {
	python3 -c 'import json, sys; d = json.load(open(sys.argv[1], encoding="utf-8")); print(eval(sys.argv[2]))' \
	    "$out" "$@"
}

has() {
	grep -qF -- "$1" "$out" || { diag "no \"$1\" in:" "$(cat "$out")"; return 1; }
}

# --- JSON ------------------------------------------------------------

for case in sv-moving:sv fi-child:fi en-job:en; do
	p=${case%%:*}
	l=${case#*:}
	batch "$p.json" --format json
	ok_if "$p: exits 0" test "$rc" -eq 0
	ok_if "$p: nothing on stderr" test ! -s "$err"
	ok_if "$p: JSON has the result shape, ranked, in $l" check_json "$l"
	cp "$out" "$tmpdir/$p.json"
done

out="$tmpdir/sv-moving.json"
ok_if "sv-moving: a housing allowance is among the first three for a rented home" \
    test "$(json_get 'any("housing" in s["service_id"] for s in d["recommended_services"][:3])')" = True
ok_if "sv-moving: the catalogue date is given" \
    test -n "$(json_get 'd["catalogue_date"]')"
out="$tmpdir/out"

batch sv-moving.json --format json --lang fi
ok_if "--lang fi overrides the profile's language" check_json fi

# Reasons and first steps, our additions to the AuroraAI shape.
out="$tmpdir/sv-moving.json"
ok_if "json: every service has at most two reasons, each a non-empty string" \
    test "$(json_get 'all(isinstance(s["reasons"], list) and len(s["reasons"]) <= 2 and all(isinstance(r, str) and r for r in s["reasons"]) for s in d["recommended_services"])')" = True
ok_if "json: every service has first_step, a string or null" \
    test "$(json_get 'all(s["first_step"] is None or (isinstance(s["first_step"], str) and s["first_step"]) for s in d["recommended_services"])')" = True
ok_if "json: the notification of move comes first, with its first step" \
    test "$(json_get 'd["recommended_services"][0]["service_id"] + " " + str(d["recommended_services"][0]["first_step"] is not None)')" = "dvv-notification-of-move True"
ok_if "json: the reasons name the question and the answer, in Swedish" \
    test "$(json_get 'any(r.startswith(sys.argv[3] + ": ") for s in d["recommended_services"] for r in s["reasons"])' "$(msg sv 'Kind of move')")" = True
ok_if "json: not every service gives the same reasons" \
    test "$(json_get 'len(set(tuple(s["reasons"]) for s in d["recommended_services"])) > 1')" = True
out="$tmpdir/out"

# A search by words, as the search screen makes.
printf '{"language": "fi", "search": "työtön"}\n' >"$tmpdir/search.json"
"$OPASTIN" --assets "$ASSETS" --profile "$tmpdir/search.json" --format json >"$out" 2>"$err"
ok_if "search: exits 0" test $? -eq 0
ok_if "search: \"työtön\" finds registering as a jobseeker" \
    test "$(json_get 'any(s["service_id"] == "employment-area-jobseeker-registration" for s in d["recommended_services"][:3])')" = True
printf '{"language": "fi", "search": "zyxwvu"}\n' >"$tmpdir/search.json"
"$OPASTIN" --assets "$ASSETS" --profile "$tmpdir/search.json" --format text >"$out" 2>"$err"
ok_if "search: nonsense finds nothing, and says so" has "$(msg fi 'No services matched these answers.')"
python3 -c 'import json; print(json.dumps({"search": "x" * 900}))' >"$tmpdir/search.json"
"$OPASTIN" --assets "$ASSETS" --profile "$tmpdir/search.json" >"$out" 2>"$err"
ok_if "search: words over 800 bytes are refused with exit 2" test $? -eq 2
ok_if "search: ... in one line that names the key" grep -qF '"search" is longer than 800 bytes' "$err"

batch en-job.json --format json
cp "$out" "$tmpdir/en-job.again"
ok_if "the same profile gives the same result" cmp -s "$tmpdir/en-job.json" "$tmpdir/en-job.again"

# --- Text ------------------------------------------------------------

batch sv-moving.json --format text
ok_if "text: exits 0" test "$rc" -eq 0
cp "$out" "$tmpdir/sv-moving.txt"
out="$tmpdir/sv-moving.json"
date=$(json_get 'd["catalogue_date"]')
# Finnish and Swedish write the date 2.12.2026.
date=$(python3 -c 'import sys; y, m, d = sys.argv[1].split("-"); print("%d.%d.%s" % (int(d), int(m), y))' "$date")
first=$(json_get 'd["recommended_services"][0]["service_name"]')
org=$(json_get 'd["recommended_services"][0]["responsible_organization"]["name"]')
names=$(json_get '"\n".join("%d. %s" % (s["rank"], s["service_name"]) for s in d["recommended_services"])')
out="$tmpdir/sv-moving.txt"
ok_if "text: starts by naming the source, in Swedish" \
    test "$(head -n 1 "$out")" = "$(msgf sv "Suggestions from this kiosk's own service catalogue, checked %s." "$date")"
ok_if "text: the first service by its Swedish name" has "1. $first"
ok_if "text: with its organisation" has "   $org"
ok_if "text: the services in the order of the JSON" \
    test "$(grep -E '^[0-9]+\. ' "$out")" = "$names"
ok_if "text: why, in Swedish" has "   $(msg_prefix sv 'Why: %s')"
why_has() {	# why_has TEXT LANG: a "Why:" line of $out names TEXT
	grep -F -- "   $(msg_prefix "$2" 'Why: %s')" "$out" | grep -qF -- "$1"
}
ok_if "text: the reasons name the life event, in Swedish" why_has "$(msg sv 'Moving home')" sv
ok_if "text: contact labels in Swedish" has "   $(msg sv 'Web'): http"
ok_if "text: the Swedish catalogue has these texts" \
    translated sv "Why: %s" "Web" "Moving home"
ok_if "text: no English \"Why:\" left" sh -c '! grep -q "^   Why: " "$1"' - "$out"
out="$tmpdir/out"

batch fi-child.json --format text
ok_if "text in Finnish: the first line in Finnish" \
    test "$(head -n 1 "$out")" = "$(msgf fi "Suggestions from this kiosk's own service catalogue, checked %s." "$date")"
ok_if "text in Finnish: why, in Finnish" has "   $(msg_prefix fi 'Why: %s')"

batch sv-moving.json
ok_if "text is the default format" cmp -s "$out" "$tmpdir/sv-moving.txt"

# A profile that matches nothing: still a success, and said in words.
batch empty.json --format json
ok_if "an empty profile exits 0" test "$rc" -eq 0
ok_if "an empty profile gives an empty list" \
    test "$(json_get 'len(d["recommended_services"])')" = 0
batch empty.json --format text --lang sv
ok_if "an empty profile in text exits 0" test "$rc" -eq 0
ok_if "an empty profile in text says no services matched" \
    has "$(msg sv 'No services matched these answers.')"
ok_if "\"No services matched these answers.\" is translated (sv)" \
    translated sv "No services matched these answers."

# The reasons give the citizen's own ratings, and only those.  Answers
# carry implied meter values in questions.json ("No, on my own": family
# 5, finance 4; "I cannot pay my rent": housing 2, finance 1), which
# feed the recommender but are no rating of the citizen's.
batch implied-meter.json --format text
ok_if "implied meters: exits 0" test "$rc" -eq 0
ok_if "implied meters: some reason names an answer" why_has "No, on my own" en
ok_if "implied meters: no reason claims a rating of Money, which was not rated" \
    sh -c '! grep "^   Why: " "$1" | grep -q "Money"' - "$out"
grep "^   Why: " "$out" | sort | uniq -c | diag "$(cat)"

batch mixed-meter.json --format text
ok_if "rated and implied: exits 0" test "$rc" -eq 0
ok_if "rated and implied: some reason names the rating of Money" \
    sh -c 'grep "^   Why: " "$1" | grep -qE "Money[^;]*[0-9]"' - "$out"
ok_if "rated and implied: it gives the citizen's own 7, not a mean with the implied 1" \
    sh -c '! grep "^   Why: " "$1" | grep -E "Money[^;]*[0-9]" | grep -vqE "Money[^;0-9]*7([^0-9]|\$)"' - "$out"
grep "^   Why: " "$out" | sort | uniq -c | diag "$(cat)"

# --- Bad profiles: exit 2, one line FILE:LINE:COL: what --------------

# bad PROFILE LINE:COL TEXT DESCRIPTION
bad() {
	batch "$1" --format json
	ok_if "$4: exits 2" test "$rc" -eq 2
	ok_if "$4: one line on stderr" test "$(wc -l <"$err")" -eq 1
	ok_if "$4: says where and what" \
	    grep -qF -- "opastin: $profiles/$1:$2: $3" "$err"
	[ "$(wc -l <"$err")" -eq 1 ] && grep -qF -- "$3" "$err" || diag "stderr was:" "$(cat "$err")"
	ok_if "$4: nothing on stdout" test ! -s "$out"
}

bad bad-event.json 3:28 'unknown life event "KE99"' "an unknown life event"
bad bad-question.json 6:19 'unknown question id "ke4-colour"' "an unknown question id"
bad bad-range.json 6:17 '"ke8-when" takes a whole number from 0 to 120' "a number out of range"
bad bad-meter.json 4:45 '"housing" takes whole numbers from 0 to 10' "a meter out of range"
bad bad-option.json 3:28 '"ke4-kind" takes one of its option ids' "an unknown option"
bad not-applicable.json 3:50 'question "ke4-home" does not apply' "an answer its conditions rule out"
bad malformed.json 5:1 '' "malformed JSON (a trailing comma)"

batch no-such-profile.json
ok_if "a missing profile exits 2" test "$rc" -eq 2
ok_if "a missing profile is named" grep -qF "no-such-profile.json" "$err"

printf '{"age": 34, "age": 35}\n' >"$tmpdir/twice.json"
"$OPASTIN" --assets "$ASSETS" --profile "$tmpdir/twice.json" >"$out" 2>"$err"
ok_if "a key given twice exits 2" test $? -eq 2

printf '{"language": "de"}\n' >"$tmpdir/de.json"
"$OPASTIN" --assets "$ASSETS" --profile "$tmpdir/de.json" >"$out" 2>"$err"
ok_if "an unknown language exits 2" test $? -eq 2
ok_if "... naming the place" grep -qF "$tmpdir/de.json:1:" "$err"

finish
