#!/bin/sh
# The PTV Open API v11 test server (tests/backend/ptv.py) and its data
# (tests/backend/ptvdata.py) do what tests/backend/README.md says: paging,
# local and whole-country lists, id lists of at most 100, the 400 and 404
# shapes, the date= list, the changed data, every fault mode (each within
# a bounded time), the hostile texts, the log, and a deterministic
# generator.  The expected counts are read from ptvdata.py itself.
. "$top_srcdir/tests/lib.sh"
. "$top_srcdir/tests/backend/lib.sh"

DATAGEN="$top_srcdir/tests/backend/ptvdata.py"
body="$tmpdir/body"
hdr="$tmpdir/headers"
J1=7e57a179-0000-4179-8000-000000000001   # Kyllön neuvola (testi)
T1=7e57a853-0000-4853-8000-000000000001   # Turun testineuvola
J1_PHONE=7e57c179-0000-4179-8000-000000000011
J1_PLACE=7e57c179-0000-4179-8000-000000000012
UNKNOWN=7e57a179-0000-4179-8000-00000000abcd

bail() {
	echo "Bail out! $*"
	exit 1
}

# get PATH [CURL-ARGS...]: GET $PTV_URL/PATH into $body and $hdr; sets
# $code (the HTTP status, 000 for none), $rc (curl's status) and $ms.
get() {
	_p=$1
	shift
	_t0=$(date +%s%N)
	code=$(curl -s --cacert "$CERTS/ca.pem" --max-time 10 -D "$hdr" -o "$body" \
	    -w '%{http_code}' "$@" "$PTV_URL/$_p")
	rc=$?
	ms=$(( ($(date +%s%N) - _t0) / 1000000 ))
}

# json EXPR: the Python expression EXPR holds of d, the JSON in $body.
json() {
	python3 - "$body" "$1" <<'PY'
import json, sys
try:
    d = json.load(open(sys.argv[1], encoding="utf-8"))
    ok = eval(sys.argv[2], {"d": d})
except Exception as e:
    print("# %s: %s" % (type(e).__name__, e))
    ok = False
if not ok:
    print("# not so: %s" % sys.argv[2])
    print("# the answer begins: %s" % open(sys.argv[1], "rb").read(300).decode("utf-8", "replace"))
sys.exit(0 if ok else 1)
PY
}

status_is() {
	[ "$code" = "$1" ] || { diag "status $code (curl $rc), expected $1"; return 1; }
}

# expect WHAT: a value computed from ptvdata.py's data (generated once, as
# the server generates them): services-179, channels-179,
# modified-after-2024, unknown-codes.
expect() {
	if [ ! -s "$tmpdir/expected" ]; then
		PYTHONDONTWRITEBYTECODE=1 python3 - "$top_srcdir/tests/backend" \
		    >"$tmpdir/expected.tmp" <<'PY' || return 1
import sys
sys.path.insert(0, sys.argv[1])
import ptvdata
d = ptvdata.generate(3000, 1)
def nationwide(x):
    return x["areaType"] in ("Nationwide", "NationwideExceptAlandIslands")
def local(x, m):
    return any(mm["code"] == m for a in x["areas"] for mm in a["municipalities"])
tsv = set()
for f in ("service_classes", "life_events", "target_groups"):
    for line in open(sys.argv[1] + "/../../assets/%s.tsv" % f, encoding="utf-8"):
        tsv.add(line.split("\t")[0])
print("services-179", sum(1 for s in d["services"] if nationwide(s) or local(s, "179")))
print("channels-179", sum(1 for c in d["channels"] if nationwide(c) or local(c, "179")))
print("modified-after-2024", sum(1 for s in d["services"] if s["modified"] > "2024-01-01T00:00:00"))
print("unknown-codes", sum(1 for s in d["services"] for k in ("serviceClasses", "lifeEvents", "targetGroups")
                           for c in s[k] if c["code"] not in tsv))
PY
		mv "$tmpdir/expected.tmp" "$tmpdir/expected"
	fi
	sed -n "s/^$1 //p" "$tmpdir/expected"
}

# pages KIND AREA CODE WHOLE: every page of an area list, until pageCount;
# checks each page's shape and prints "pages total distinct", or fails.
pages() {
	python3 - "$PTV_URL" "$CERTS/ca.pem" "$@" "$PTV_PAGE_SIZE" <<'PY'
import json, ssl, sys, urllib.request
url, ca, kind, area, code, whole, size = sys.argv[1:8]
size = int(size)
ctx = ssl.create_default_context(cafile=ca)
n, count, ids = 1, None, []
while True:
    u = "%s/%s/list/area/%s/code/%s?includeWholeCountry=%s&page=%d" % (url, kind, area, code, whole, n)
    with urllib.request.urlopen(u, context=ctx, timeout=10) as r:
        d = json.load(r)
    if set(d) != {"pageNumber", "pageSize", "pageCount", "itemList"}:
        sys.exit("# page %d has keys %s" % (n, sorted(d)))
    if d["pageNumber"] != n or d["pageSize"] != size:
        sys.exit("# page %d says pageNumber %s pageSize %s" % (n, d["pageNumber"], d["pageSize"]))
    if count is None:
        count = d["pageCount"]
    elif d["pageCount"] != count:
        sys.exit("# pageCount changed from %d to %d" % (count, d["pageCount"]))
    if n < count and len(d["itemList"]) != size:
        sys.exit("# page %d of %d has %d items" % (n, count, len(d["itemList"])))
    ids += [x["id"] for x in d["itemList"]]
    if n >= count:
        break
    n += 1
if count * size < len(ids) or (count - 1) * size >= max(len(ids), 1):
    sys.exit("# %d pages of %d for %d items" % (count, size, len(ids)))
print(count, len(ids), len(set(ids)))
PY
}

backend_certs || bail "mkcerts.sh failed"
PTV_PAGE_SIZE=100
t_start=$(date +%s)
start_ptv ok || bail "the PTV test server did not start"
diag "listening on port $PTV_PORT after $(( $(date +%s) - t_start )) s"

# --- Paging -----------------------------------------------------------

want=$(expect services-179)
got=$(pages Service Municipality 179 true) || not_ok "paging Jyväskylä's services with the whole country"
diag "services for 179 with the whole country: pages, items, distinct = $got (expected $want items)"
set -- $got
ok_if "services for 179 with the whole country: every page of 100 until pageCount, $want in all" \
    test "${2:-0}" -eq "$want" -a "${3:-0}" -eq "$want" -a "${1:-0}" -eq $(( (want + 99) / 100 ))
ok_if "the log has one request a page, and no more" \
    test "$(ptv_requests 'Service/list/area/Municipality/code/179\?includeWholeCountry=true&page=[0-9]+ status=200 items=[0-9]+$' | wc -l)" -eq "${1:-0}"

want=$(expect channels-179)
got=$(pages ServiceChannel Municipality 179 true) || not_ok "paging Jyväskylä's channels"
set -- $got
ok_if "channels for 179 with the whole country: $want in $1 pages, none twice" \
    test "${2:-0}" -eq "$want" -a "${3:-0}" -eq "$want" -a "$want" -gt 2000

get "Service/list/area/Municipality/code/179?includeWholeCountry=true&page=1"
ok_if "a page is {pageNumber, pageSize, pageCount, itemList} of whole services" \
    json 'd["pageNumber"] == 1 and d["pageSize"] == 100 and len(d["itemList"]) == 100 and all("serviceNames" in s and "serviceChannels" in s for s in d["itemList"])'
get "Service/list/area/Municipality/code/179?includeWholeCountry=true"
ok_if "no page: page 1" json 'd["pageNumber"] == 1 and len(d["itemList"]) == 100'
get "Service/list/area/Municipality/code/179?includeWholeCountry=true&page=0"
ok_if "page=0: page 1" json 'd["pageNumber"] == 1 and len(d["itemList"]) == 100'
get "Service/list/area/Municipality/code/179?includeWholeCountry=true&page=999"
ok_if "a page after the last: 200, no items, the real pageCount" \
    json 'd["pageNumber"] == 999 and d["itemList"] == [] and d["pageCount"] == 31'
get "Service/list/area/Municipality/code/179?includeWholeCountry=true&page=-1"
ok_if "page=-1: 400 {\"page\": [...]}" sh -c '[ "$1" = 400 ]' - "$code"
ok_if "  as a field dictionary" json 'list(d) == ["page"] and isinstance(d["page"][0], str)'

# --- Local and whole country ------------------------------------------

names() {
	python3 -c 'import json, sys
for s in json.load(open(sys.argv[1], encoding="utf-8"))["itemList"]:
    print([n["value"] for n in s["serviceNames"] if n["language"] == "fi"][0])' "$body" | sort
}
get "Service/list/area/Municipality/code/179?includeWholeCountry=false"
ok_if "179 without the whole country: its three local services only" test "$(names)" = "Keski-Suomen testiperheneuvola
Kyllön neuvola (testi)
Kyllön testikirjaston lainauspalvelu"
get "Service/list/area/Municipality/code/853?includeWholeCountry=false"
ok_if "853 without the whole country: Turun testineuvola only" test "$(names)" = "Turun testineuvola"
get "Service/list/area/Municipality/code/853"
ok_if "includeWholeCountry is false when not given" test "$(names)" = "Turun testineuvola"
get "Service/list/area/Province/code/13?includeWholeCountry=false"
ok_if "Province 13 (Keski-Suomi): Jyväskylä's and Muurame's services" test "$(names | tr '\n' '|')" = \
    "Keski-Suomen testiperheneuvola|Kyllön neuvola (testi)|Kyllön testikirjaston lainauspalvelu|Muuramen testineuvola|"
get "ServiceChannel/list/area/Municipality/code/179?includeWholeCountry=false"
ok_if "179's local channels: service points of nationwide services, and the clinic's phone, place and page, the library, the family line" \
    json 'sorted(c["id"][-2:] for c in d["itemList"] if c["id"].startswith("7e57")) == ["11", "12", "13", "21", "31"] and all(c["serviceChannelType"] == "ServiceLocation" for c in d["itemList"] if not c["id"].startswith("7e57"))'

# --- The local clinics ------------------------------------------------

get "Service/$J1"
ok_if "Service/{id}: Kyllön neuvola (testi) in fi, sv and en" \
    json '[n["value"] for n in d["serviceNames"]] == ["Kyllön neuvola (testi)", "Kyllö rådgivning (test)", "Kyllö child health clinic (test)"] and d["languages"] == ["fi", "sv", "en"]'
ok_if "  with P5.2, KE1 and KR1.2, a LimitedType area of 179, its organisation Responsible" \
    json '[c["code"] for c in d["serviceClasses"]][0] == "P5.2" and [c["code"] for c in d["lifeEvents"]] == ["KE1"] and [c["code"] for c in d["targetGroups"]] == ["KR1.2"] and d["areaType"] == "LimitedType" and d["areas"][0]["municipalities"][0]["code"] == "179" and d["organizations"][0]["roleType"] == "Responsible"'
ok_if "  and three channel references" json 'len(d["serviceChannels"]) == 3 and all(set(r["serviceChannel"]) == {"id", "name"} for r in d["serviceChannels"])'
get "ServiceChannel/$J1_PHONE"
ok_if "its Phone channel: +358 401790001, Chargeable, a charge text, fi/sv/en, additional information" \
    json 'd["serviceChannelType"] == "Phone" and [(p["prefixNumber"], p["number"], p["serviceChargeType"], p["language"]) for p in d["phoneNumbers"]] == [("+358", "401790001", "Chargeable", l) for l in ("fi", "sv", "en")] and all(p["chargeDescription"] and p["additionalInformation"] and p["isFinnishServiceNumber"] is False for p in d["phoneNumbers"]) and d["emails"][0]["value"] == "kyllon.neuvola@testi.example"'
get "ServiceChannel/$J1_PLACE"
ok_if "its ServiceLocation: Testikyllöntie / Testkyllövägen 12, 40100 JYVÄSKYLÄ, municipality 179" \
    json '(lambda a: [s["value"] for s in a["street"]] == ["Testikyllöntie", "Testkyllövägen"] and a["streetNumber"] == "12" and a["postalCode"] == "40100" and a["postOffice"][0]["value"] == "JYVÄSKYLÄ" and a["municipality"]["code"] == "179")(d["addresses"][0]["streetAddress"])'
ok_if "  its entrance's accessibility sentences in fi, sv and en" \
    json 'all(sorted(x["language"] for x in s["sentence"]) == ["en", "fi", "sv"] for g in d["addresses"][0]["entrances"][0]["accessibilitySentences"] for s in g["sentences"])'
ok_if "  Monday to Friday 08:00:00-16:00:00 (Friday to 14:00:00)" \
    json '(lambda h: h["serviceHourType"] == "DaysOfTheWeek" and [(o["dayFrom"], o["from"], o["to"]) for o in h["openingHour"]] == [(x, "08:00:00", "14:00:00" if x == "Friday" else "16:00:00") for x in ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday")])(d["serviceHours"][0])'
ok_if "  closed on Christmas Eve (Exceptional, isClosed), and dated summer hours" \
    json 'any(h["serviceHourType"] == "Exceptional" and h["isClosed"] and h["validFrom"].startswith("2026-12-24") for h in d["serviceHours"]) and any(h["validTo"] and h["serviceHourType"] == "DaysOfTheWeek" for h in d["serviceHours"])'
get "Service/$T1"
ok_if "Service/{id}: Turun testineuvola, a clinic of 853" \
    json 'd["serviceNames"][0]["value"] == "Turun testineuvola" and d["areas"][0]["municipalities"][0]["code"] == "853"'
get "Service/7e57a179-0000-4179-8000-000000000002"
ok_if "Kyllön testikirjaston lainauspalvelu: Finnish only" \
    json 'd["languages"] == ["fi"] and {x["language"] for x in d["serviceNames"] + d["serviceDescriptions"]} == {"fi"}'

# --- The nationwide data ----------------------------------------------

python3 - "$PTV_URL" "$CERTS/ca.pem" >"$tmpdir/kinds" <<'PY'
import json, ssl, sys, urllib.request
url, ca = sys.argv[1:3]
ctx = ssl.create_default_context(cafile=ca)
types, hours, charges = set(), set(), set()
for n in (1, 2, 3):
    with urllib.request.urlopen("%s/ServiceChannel/list/area/Municipality/code/179?includeWholeCountry=true&page=%d" % (url, n), context=ctx) as r:
        for c in json.load(r)["itemList"]:
            types.add(c["serviceChannelType"])
            hours |= {h["serviceHourType"] for h in c["serviceHours"]}
            hours |= {"isAlwaysOpen" for h in c["serviceHours"] if h["isAlwaysOpen"]}
            charges |= {p["serviceChargeType"] for p in c["phoneNumbers"]}
print(" ".join(sorted(types)))
print(" ".join(sorted(hours)))
print(" ".join(sorted(charges)))
PY
ok_if "channels of every type among the first 300" \
    test "$(sed -n 1p "$tmpdir/kinds")" = "EChannel Phone PrintableForm ServiceLocation WebPage"
ok_if "hours of every kind: DaysOfTheWeek, Exceptional, OverMidnight, always open" \
    test "$(sed -n 2p "$tmpdir/kinds")" = "DaysOfTheWeek Exceptional OverMidnight isAlwaysOpen"
ok_if "phone charges of every kind" test "$(sed -n 3p "$tmpdir/kinds")" = "Chargeable FreeOfCharge Other"
ok_if "some codes are in no table of assets/ (a client skips them)" test "$(expect unknown-codes)" -gt 50

# --- Id lists ---------------------------------------------------------

get "ServiceChannel/list/area/Municipality/code/179?includeWholeCountry=true&page=2"
ids100=$(python3 -c 'import json, sys
print(",".join(c["id"] for c in json.load(open(sys.argv[1], encoding="utf-8"))["itemList"]))' "$body")
get "ServiceChannel/list?guids=$ids100"
ok_if "ServiceChannel/list?guids= with 100 ids: an array of the 100" \
    json 'isinstance(d, list) and len(d) == 100 and all("serviceChannelType" in c for c in d)'
get "ServiceChannel/list?guids=$ids100,$J1_PHONE"
ok_if "101 ids: 400" status_is 400
ok_if "  as a field dictionary {\"guids\": [...]}" json 'list(d) == ["guids"] and isinstance(d["guids"][0], str)'
get "Service/list?guids=$J1,$UNKNOWN,$T1"
ok_if "Service/list?guids=: an unknown id is simply absent" \
    json '[s["id"] for s in d] == ["'$J1'", "'$T1'"]'
get "Service/list?guids=$J1,not-a-guid"
ok_if "a malformed guid: 400 {\"guids\": [...]}" sh -c '[ "$1" = 400 ] && grep -q "^{\"guids\":\[\"" "$2"' - "$code" "$body"
get "Service/list"
ok_if "no guids: 400 {\"guids\": [...]}" sh -c '[ "$1" = 400 ] && grep -q "^{\"guids\":" "$2"' - "$code" "$body"

# --- Errors -----------------------------------------------------------

get "Service/$UNKNOWN"
ok_if "Service/{unknown id}: 404 {\"errorMessage\": ...}" sh -c '[ "$1" = 404 ]' - "$code"
ok_if "  with that shape" json 'list(d) == ["errorMessage"] and "'$UNKNOWN'" in d["errorMessage"]'
get "ServiceChannel/$UNKNOWN"
ok_if "ServiceChannel/{unknown id}: 404 {\"errorMessage\": ...}" \
    sh -c '[ "$1" = 404 ] && grep -q "^{\"errorMessage\":" "$2"' - "$code" "$body"
get "Service/12345"
ok_if "Service/{malformed id}: 400 {\"id\": [...]}" sh -c '[ "$1" = 400 ] && grep -q "^{\"id\":\[" "$2"' - "$code" "$body"
get "Service/list/area/Municipality/code/999?includeWholeCountry=true"
ok_if "an unknown municipality (well formed): 404 {\"errorMessage\": ...}, as the register answers" \
    sh -c '[ "$1" = 404 ] && grep -q "^{\"errorMessage\":\"Municipality with code .999. not found.\"}$" "$2"' - "$code" "$body"
get "Service/list/area/Municipality/code/abc?includeWholeCountry=true"
ok_if "a malformed area code: 400 {\"code\": [...]}" sh -c '[ "$1" = 400 ] && grep -q "^{\"code\":\[" "$2"' - "$code" "$body"
get "Service/list/area/Town/code/179"
ok_if "an unknown area kind: 400 {\"area\": [...]}" sh -c '[ "$1" = 400 ] && grep -q "^{\"area\":\[" "$2"' - "$code" "$body"
get "Organization/list"
ok_if "anything else: 404" status_is 404

# --- date= ------------------------------------------------------------

get "Service?date=2024-01-01T00:00:00&page=1"
want=$(expect modified-after-2024)
ok_if "Service?date=: pages of {id, name} modified after the date ($want)" \
    json 'set(d["itemList"][0]) == {"id", "name"} and d["pageCount"] == ('$want' + 99) // 100'
get "Service?date=2100-01-01T00:00:00"
ok_if "nothing modified after 2100: pageCount 0, no items" json 'd["pageCount"] == 0 and d["itemList"] == []'
get "Service?date=2026-13-01T00:00:00"
ok_if "a bad date: 400 {\"date\": [...]}" sh -c '[ "$1" = 400 ] && grep -q "^{\"date\":\[" "$2"' - "$code" "$body"

# --- The changed data -------------------------------------------------

before=$(date -u +%Y-%m-%dT%H:%M:%S)
get "Service?date=$before"
ok_if "before the change, nothing is modified after now" json 'd["itemList"] == []'
get "Service/list/area/Municipality/code/179?includeWholeCountry=true&page=1"
archived=$(python3 -c 'import json, sys
print([s["id"] for s in json.load(open(sys.argv[1], encoding="utf-8"))["itemList"] if not s["id"].startswith("7e57")][2])' "$body")
set_ptv_mode changed
get "Service?date=$before"
ok_if "changed: Service?date=<before> lists three services, the 179 clinic renamed" \
    json 'len(d["itemList"]) == 3 and {"id": "'$J1'", "name": "Kyllön neuvola ja perhekeskus (testi)"} in d["itemList"]'
get "ServiceChannel/$J1_PHONE"
ok_if "  the clinic's phone is now 401790009" \
    json '{p["number"] for p in d["phoneNumbers"]} == {"401790009"} and d["modified"] > "'$before'"'
get "Service/$archived"
ok_if "  one service archived: 404 by id" status_is 404
get "Service/list?guids=$archived,$J1"
ok_if "  absent from id lists" json '[s["id"] for s in d] == ["'$J1'"]'
got=$(pages Service Municipality 179 true)
set -- $got
ok_if "  and from the area lists (one fewer)" test "${2:-0}" -eq $(( $(expect services-179) - 1 ))
get "Service?date=$before&status=Archived"
ok_if "  Service?date=...&status=Archived lists it" json '[x["id"] for x in d["itemList"]] == ["'$archived'"]'
set_ptv_mode ok
get "Service/$archived"
ok_if "back in mode ok, the data are as before" status_is 200

# --- Fault modes ------------------------------------------------------

set_ptv_mode fail-page:2
get "Service/list/area/Municipality/code/179?includeWholeCountry=true&page=2"
ok_if "fail-page:2: page 2 is 500 {\"errorMessage\": ...}" \
    sh -c '[ "$1" = 500 ] && grep -q "^{\"errorMessage\":" "$2"' - "$code" "$body"
get "ServiceChannel/list/area/Municipality/code/179?includeWholeCountry=true&page=2"
ok_if "  for channels too" status_is 500
get "Service/list/area/Municipality/code/179?includeWholeCountry=true&page=3"
ok_if "  page 3 is 200" status_is 200

set_ptv_mode 503-once
get "Service/list/area/Municipality/code/853?includeWholeCountry=true&page=4"
ok_if "503-once: the first request of a URL is 503" status_is 503
get "Service/list/area/Municipality/code/853?includeWholeCountry=true&page=4"
ok_if "  the same URL again is 200" status_is 200

set_ptv_mode fail-channels
get "ServiceChannel/list?guids=$J1_PHONE"
ok_if "fail-channels: ServiceChannel/list?guids= is 500" status_is 500
get "Service/list?guids=$J1"
ok_if "  Service/list?guids= is not" status_is 200

set_ptv_mode slow
get "Service/$J1" --max-time 2
ok_if "slow: nothing within 2 s (curl times out: 28)" test "$rc" -eq 28 -a "$code" = 000
ok_if "  and curl gave up after about 2 s" test "$ms" -lt 4000
wait_ptv_log() {
	_n=40
	while ! grep -qE "$1" "$PTV_LOG" && [ "$_n" -gt 0 ]; do
		sleep 0.05
		_n=$((_n - 1))
	done
	grep -qE "$1" "$PTV_LOG"
}
ok_if "  logged as status=slow, then slow-end when the client went" \
    wait_ptv_log "slow-end after=[0-9.]+ client-gone"

set_ptv_mode slow-body
get "Service/$J1" --max-time 2
ok_if "slow-body: the headers (200), then a body that does not end within 2 s" \
    test "$rc" -eq 28 -a "$code" = 200 -a "$(wc -c <"$body")" -lt 1000
ok_if "  its trickle logged as trickle-end" wait_ptv_log "trickle-end after=.*client-gone"

set_ptv_mode truncated
get "Service/$J1" --max-time 5
clen=$(sed -n 's/^Content-Length: *\([0-9]*\).*/\1/Ip' "$hdr" | tr -d '\r')
ok_if "truncated: 200, fewer bytes than Content-Length, then closed (curl 18)" \
    test "$rc" -eq 18 -a "$code" = 200 -a "$(wc -c <"$body")" -lt "${clen:-0}"

set_ptv_mode bad-json
get "Service/list/area/Municipality/code/179?includeWholeCountry=true&page=1"
ok_if "bad-json: 200 with the whole body, which is not JSON" \
    sh -c '[ "$1" = 200 ] && [ "$2" -eq 0 ] && ! python3 -c "import json, sys; json.load(open(sys.argv[1]))" "$3" 2>/dev/null' - "$code" "$rc" "$body"

set_ptv_mode oversize
get "Service/list/area/Municipality/code/179?includeWholeCountry=true&page=1" --max-time 30
size=$(wc -c <"$body")
ok_if "oversize: a valid page of more than 50 MiB, with its Content-Length" \
    sh -c '[ "$1" = 200 ] && [ "$2" -gt 52428800 ] && grep -qi "^Content-Length: $2" "$3"' - "$code" "$size" "$hdr"
ok_if "  which is JSON of the right shape" json 'len(d["itemList"]) > 10000'
get "Service/$J1" --max-filesize 1000000
ok_if "  a client that caps the size stops at once (curl 63)" test "$rc" -eq 63
set_ptv_mode oversize-chunked
get "Service/$J1" --max-time 30
size=$(wc -c <"$body")
ok_if "oversize-chunked: more than 50 MiB, chunked, no Content-Length" \
    sh -c '[ "$1" -gt 52428800 ] && grep -qi "^Transfer-Encoding: chunked" "$2" && ! grep -qi "^Content-Length" "$2"' - "$size" "$hdr"
rm -f "$body"

set_ptv_mode wrong-shape
get "Service/list/area/Municipality/code/179?includeWholeCountry=true&page=1"
ok_if "wrong-shape: itemList is a string" json 'isinstance(d["itemList"], str)'
set_ptv_mode wrong-shape:negative
get "Service/list/area/Municipality/code/179?includeWholeCountry=true&page=1"
ok_if "wrong-shape:negative: pageCount -1" json 'd["pageCount"] == -1'
set_ptv_mode wrong-shape:huge
get "Service/list/area/Municipality/code/179?includeWholeCountry=true&page=1"
ok_if "wrong-shape:huge: pageCount 2147483647" json 'd["pageCount"] == 2147483647'
set_ptv_mode wrong-shape:types
get "Service/list/area/Municipality/code/179?includeWholeCountry=false"
ok_if "wrong-shape:types: good services among ones of the wrong types" \
    json 'any(s.get("id") == "'$J1'" for s in d["itemList"] if isinstance(s, dict)) and any(isinstance(s, dict) and s.get("serviceNames") == "WRONGTYPE" for s in d["itemList"]) and None in d["itemList"]'

set_ptv_mode hostile
get "Service/list/area/Municipality/code/179?includeWholeCountry=false"
ok_if "hostile: a HOSTILE-5 service among 179's local ones, in valid JSON" \
    json 'any(s["serviceNames"][0]["value"].startswith("HOSTILE-5 ") for s in d["itemList"])'
ok_if "  with ESC, C1, bidi overrides and zero-width characters in its name" \
    json '(lambda s: "\x1b[" in s["serviceNames"][0]["value"] and "\u202e" in s["serviceNames"][0]["value"] and "\x9b" in s["serviceNames"][1]["value"] and "\u200b" in s["serviceDescriptions"][1]["value"])(next(s for s in d["itemList"] if s["id"].endswith("009")))'
get "ServiceChannel/7e57c179-0000-4179-8000-000000000091"
ok_if "  in its phone's additional information, with a 100 kB string" \
    json '(lambda p: "\x1b" in p["additionalInformation"] and len(p["additionalInformation"]) > 100000)(d["phoneNumbers"][0])'
get "ServiceChannel/7e57c179-0000-4179-8000-000000000092"
ok_if "  in its street name, accessibility sentences and name (markup, zero-width)" \
    json '"\x1b" in d["addresses"][0]["streetAddress"]["street"][0]["value"] and any("<script>" in x["value"] for g in d["addresses"][0]["entrances"][0]["accessibilitySentences"] for s in g["sentences"] for x in s["sentence"]) and "\u200b" in d["serviceChannelNames"][0]["value"]'
get "Service/list/area/Municipality/code/179?includeWholeCountry=true&page=1"
ok_if "  and HOSTILE-1 to HOSTILE-4 among the nationwide ones" \
    json 'sorted(s["serviceNames"][0]["value"][:9] for s in d["itemList"] if s["serviceNames"][0]["value"].startswith("HOSTILE")) == ["HOSTILE-1", "HOSTILE-2", "HOSTILE-3", "HOSTILE-4"] and any("\x00" in s["serviceNames"][0]["value"] for s in d["itemList"])'
set_ptv_mode ok

# --- Keep-alive and the log -------------------------------------------

mark=$(wc -l <"$PTV_LOG")
curl -s --cacert "$CERTS/ca.pem" --max-time 10 -o /dev/null -o /dev/null \
    "$PTV_URL/Service/$J1" "$PTV_URL/Service/$T1"
conns=$(sed -n "$((mark + 1)),\$p" "$PTV_LOG" | sed -n 's/^conn=\([0-9]*\) .*/\1/p' | sort -u | wc -l)
ok_if "two requests of one client share a connection (keep-alive)" test "$conns" -eq 1
bad=$(grep -vE '^conn=[0-9]+ (GET [^ ]+ status=([0-9]{3}|slow) items=([0-9]+|-)|slow-end after=[0-9.]+ (answered|client-gone)|trickle-end after=[0-9.]+ sent=[0-9]+ (done|gave-up|client-gone))$' "$PTV_LOG")
ok_if "every log line has the documented format" test -z "$bad"
[ -z "$bad" ] || diag "lines not in the format:" "$bad"

kill "$PTV_PID"
wait "$PTV_PID"
st=$?
PTV_PID=
ok_if "SIGTERM ends it with status 0" test "$st" -eq 0

# --- The generator and --data -----------------------------------------

python3 "$DATAGEN" --out "$tmpdir/a.json" --nationwide 50 --seed 7 &&
    python3 "$DATAGEN" --out "$tmpdir/b.json" --nationwide 50 --seed 7 &&
    python3 "$DATAGEN" --out "$tmpdir/c.json" --nationwide 50 --seed 8
ok_if "ptvdata.py: the same seed gives the same file" cmp -s "$tmpdir/a.json" "$tmpdir/b.json"
ok_if "  another seed another" sh -c '! cmp -s "$1" "$2"' - "$tmpdir/a.json" "$tmpdir/c.json"
start_ptv ok --data "$tmpdir/a.json" --page-size 7 --insecure-http || bail "ptv.py --data did not start"
PTV_PAGE_SIZE=7
got=$(curl -s --max-time 10 "$PTV_URL/Service/list/area/Municipality/code/179?includeWholeCountry=true&page=1" |
    python3 -c 'import json, sys; d = json.load(sys.stdin); print(d["pageSize"], d["pageCount"], len(d["itemList"]))')
ok_if "--data FILE --page-size 7 --insecure-http: 53 services in 8 pages of 7" test "$got" = "7 8 7"

diag "the test took $(( $(date +%s) - t_start )) s"
finish
