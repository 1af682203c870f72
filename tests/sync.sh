#!/bin/sh
# opastin --sync against the local PTV v11 test server (tests/backend/ptv.py)
# over HTTPS with a CA made for the test, then batch mode on the cache:
#  - a full sync pages each list to its pageCount, fetches the channels by
#    id in batches of at most 100, and writes the cache with its count;
#  - a family in Jyväskylä then gets Jyväskylä's clinic with the
#    register's phone, address and hours, and never another
#    municipality's clinic; a family in Turku gets Turku's;
#  - a second sync asks only for the changes (Service?date=), and sees the
#    renamed clinic, its new number and the archived service;
#  - a sync that fails half-way (a 500 on page 3, a cut answer, an answer
#    too large, a lie about the pages, no answer in time) exits 1 with one
#    line and leaves the previous cache as it was, still used;
#  - a 503 is tried once more; hostile texts reach neither the cache nor
#    the output; a broken cache is a warning and the bundled catalogue
#    serves; bad settings are one line with file:line.
. "$top_srcdir/tests/lib.sh"
. "$top_srcdir/tests/backend/lib.sh"

out="$tmpdir/out"
err="$tmpdir/err"
cache="$tmpdir/cache"
conf="$tmpdir/sync.conf"
ESC=$(printf '\033')

bail() {
	echo "Bail out! $*"
	exit 1
}

start_ptv ok || bail "the PTV test server did not start"

# write_conf [KEY = VALUE lines...]: the sync's configuration.
write_conf() {
	{
		echo "municipality_code = 179"
		echo "ptv_url = $PTV_URL"
		echo "ca_file = $CERTS/ca.pem"
		echo "cache_dir = $cache"
		echo "timeout_s = 10"
		for line do echo "$line"; done
	} >"$conf"
	chmod 600 "$conf"
}

# sync [OPTIONS]: run opastin --sync; stdout in $out, stderr in $err.
sync_run() {
	"$OPASTIN" --sync --config "$conf" "$@" >"$out" 2>"$err"
	rc=$?
}

# batch PROFILE [OPTIONS]: batch mode on the cache, JSON in $out.
batch() {
	_p=$1
	shift
	"$OPASTIN" --offline --cache-dir "$cache" --profile "$_p" --format json "$@" \
	    >"$out" 2>"$err"
	rc=$?
}

has() { grep -qF -- "$1" "$2"; }
lacks() { ! grep -qF -- "$1" "$2"; }

# The profile of a family with a baby in municipality $1.
family() {
	cat >"$tmpdir/family-$1.json" <<EOF
{ "language": "fi", "municipality_code": "$1", "age": 31, "life_events": ["KE1"],
  "answers": { "ke1-stage": "baby", "ke1-partner": "partner", "ke1-children": 1,
    "ke1-help": ["clinic"] } }
EOF
	echo "$tmpdir/family-$1.json"
}

# service_json NAME: the object of the service named NAME in $out, or "".
service_json() {
	python3 -c 'import json, sys
d = json.load(open(sys.argv[1], encoding="utf-8"))
for s in d["recommended_services"]:
    if s["service_name"] == sys.argv[2]:
        print(json.dumps(s, ensure_ascii=False))' "$out" "$1"
}

# ---- A full sync --------------------------------------------------------

write_conf "sync_municipalities = 853"
sync_run
ok_if "full sync: exit 0" test "$rc" -eq 0
[ "$rc" -eq 0 ] || diag "$(cat "$err")"
ok_if "full sync: a summary line with the count" \
    grep -qE '^Synced [0-9]+ services with [0-9]+ channels for 179 853 in full; [0-9]+ changed' "$out"
ok_if "full sync: the cache file is there, header first and end line last" \
    sh -c 'head -n 1 "$1" | grep -q "\"format\":\"opastin-ptv-cache\"" &&
	tail -n 1 "$1" | grep -q "^{\"end\":\"opastin-ptv-cache\",\"services\":[0-9]*}$"' - "$cache/ptv-services.jsonl"
count=$(sed -n 's/^Synced \([0-9]*\) services.*/\1/p' "$out")
lines=$(($(wc -l <"$cache/ptv-services.jsonl") - 2))
ok_if "full sync: the summary counts the entries of the cache ($count)" test "$count" = "$lines"
ok_if "full sync: thousands of services, nationwide and local" test "$count" -gt 2500
pages=$(ptv_requests 'GET /api/v11/Service/list/area/Municipality/code/179\?includeWholeCountry=true&page=' | wc -l)
last=$(ptv_requests 'Municipality/code/179\?includeWholeCountry=true&page=' | sed -n 's/.*page=\([0-9]*\) .*/\1/p' | sort -n | tail -n 1)
ok_if "full sync: every page of Jyväskylä's list, once each ($pages)" \
    sh -c '[ "$1" -eq "$2" ] && [ "$1" -gt 20 ]' - "$pages" "$last"
ok_if "full sync: Turku without the nationwide ones again" \
    grep -qE 'GET /api/v11/Service/list/area/Municipality/code/853\?includeWholeCountry=false&page=1 ' "$PTV_LOG"
maxids=$(grep -oE 'ServiceChannel/list\?guids=[^ ]*' "$PTV_LOG" | awk -F, '{ print NF }' | sort -n | tail -n 1)
ok_if "full sync: channels by id, at most 100 a request ($maxids)" \
    sh -c '[ -n "$1" ] && [ "$1" -le 100 ] && [ "$1" -gt 1 ]' - "$maxids"
ok_if "full sync: no 4xx or 5xx answers" sh -c '! grep -qE "status=[45]" "$1"' - "$PTV_LOG"
ok_if "full sync: one progress line per page when stderr is no terminal" \
    grep -qE '^opastin: sync: 179: page 2 of [0-9]+, [0-9]+ services$' "$err"
ok_if "full sync: the file is readable by the kiosk's user" \
    test "$(stat -c %a "$cache/ptv-services.jsonl")" = 644
ok_if "full sync: the compact cache beside it, versioned, readable by the kiosk's user" \
    sh -c '[ "$(stat -c %a "$1")" = 644 ] && [ "$(head -c 9 "$1" | od -An -c | tr -d " ")" = "OPASTINC002" ]' - "$cache/ptv-services.bin"
ok_if "full sync: the compact cache is smaller than the JSON Lines" \
    test "$(stat -c %s "$cache/ptv-services.bin")" -lt "$(stat -c %s "$cache/ptv-services.jsonl")"
ok_if "full sync: no temporary file is left" \
    sh -c '[ -z "$(ls -A "$1" | grep -v -e "^ptv-services.jsonl$" -e "^ptv-services.bin$" -e "^.opastin-sync.lock$")" ]' - "$cache"
cp "$cache/ptv-services.jsonl" "$tmpdir/cache.first"

# ---- The kiosk's batch mode on the cache ------------------------------------

batch "$(family 179)"
ok_if "batch on the cache: exit 0" test "$rc" -eq 0
[ "$rc" -eq 0 ] || diag "$(cat "$err")"
clinic=$(service_json "Kyllön neuvola (testi)")
ok_if "Jyväskylä: the town's own clinic from the register" test -n "$clinic"
[ -n "$clinic" ] || diag "$(head -c 3000 "$out")"
ok_if "Jyväskylä: the clinic's phone, with its charge" \
    sh -c 'printf "%s" "$1" | grep -q "+358 401790001" && printf "%s" "$1" | grep -q "\"charge\""' - "$clinic"
ok_if "Jyväskylä: the clinic's visiting address" \
    sh -c 'printf "%s" "$1" | grep -q "Testikyllöntie 12, 40100 JYVÄSKYLÄ"' - "$clinic"
ok_if "Jyväskylä: the clinic's opening hours" \
    sh -c 'printf "%s" "$1" | grep -q "opening_hours"' - "$clinic"
ok_if "Jyväskylä: never another municipality's clinic" \
    sh -c '! grep -qE "Turun testineuvola|Helsingin testineuvola|Tampereen testineuvola" "$1"' - "$out"
ok_if "Jyväskylä: the results name the register and the day of the sync" \
    sh -c 'python3 -c "import json,sys; d=json.load(open(sys.argv[1])); sys.exit(0 if d[\"catalogue_date\"] == sys.argv[2] else 1)" "$1" "$2"' \
    - "$out" "$(date -u +%Y-%m-%d)"
"$OPASTIN" --offline --cache-dir "$cache" --profile "$(family 179)" --lang fi >"$tmpdir/text" 2>/dev/null
ok_if "Jyväskylä, as text: the source is the register, with its date in Finnish form" \
    has "$(msgf fi 'Services from the national service register (Suomi.fi), updated %s.' "$(date -u +%-d.%-m.%Y)")" "$tmpdir/text"

batch "$(family 853)"
ok_if "Turku: Turku's clinic" test -n "$(service_json "Turun testineuvola")"
ok_if "Turku: not Jyväskylä's" lacks "Kyllön neuvola" "$out"

# A cache synced for Jyväskylä alone serves Jyväskylä; a visitor from
# Turku gets the bundled catalogue, which has Varsinais-Suomi's county
# services, and not the register's nationwide services without them.
cache_all=$cache
cache="$tmpdir/cache-179"
write_conf
sync_run
ok_if "a sync for 179 alone: exit 0" test "$rc" -eq 0
[ "$rc" -eq 0 ] || diag "$(cat "$err")"
"$OPASTIN" --check-config --cache-dir "$cache" >"$tmpdir/check" 2>&1
ok_if "--check-config on a cache for 179: says whom the cache serves, and the rest" \
    grep -qxF "$(msgf en 'Citizens of %s are served from the cache; those of other municipalities, from the bundled catalogue.' 'Jyväskylä (179)')" "$tmpdir/check"
"$OPASTIN" --check-config --cache-dir "$cache_all" >"$tmpdir/check" 2>&1
ok_if "--check-config on a cache for 179 and 853: names both" \
    grep -qF "$(msgf en 'Citizens of %s are served from the cache; those of other municipalities, from the bundled catalogue.' 'Jyväskylä (179), Turku (853)')" "$tmpdir/check"
batch "$(family 853)"
ok_if "Turku on a cache for 179: exit 0" test "$rc" -eq 0
ok_if "Turku on a cache for 179: Varsinais-Suomi's child health clinic, from the bundled catalogue" \
    grep -q '"service_id": *"wellbeing-child-health-clinic--varsinais-suomi"' "$out"
[ -n "$(grep 'varsinais-suomi' "$out")" ] || diag "$(head -c 2000 "$out")"
ok_if "Turku on a cache for 179: no clinic of Jyväskylä, from either source" \
    sh -c '! grep -qE "Kyllön neuvola|keski-suomi|Keski-Suomen" "$1"' - "$out"
ok_if "Turku on a cache for 179: the results name the bundled catalogue and its date" \
    python3 -c 'import json, sys
d = json.load(open(sys.argv[1], encoding="utf-8"))
b = json.load(open(sys.argv[2], encoding="utf-8"))
sys.exit(0 if d["catalogue"] == "bundled" and d["catalogue_date"] == b["catalogue_date"] else 1)' \
    "$out" "$ASSETS/catalogue.json"
"$OPASTIN" --offline --cache-dir "$cache" --profile "$(family 853)" --lang fi >"$tmpdir/text" 2>/dev/null
ok_if "Turku on a cache for 179, as text: the source line names the bundled catalogue" \
    sh -c 'grep -qF "$1" "$3" && ! grep -qF "$2" "$3"' - \
    "$(msgf fi "Suggestions from this kiosk's own service catalogue, checked %s." "$(python3 -c 'import json, sys
y, m, d = json.load(open(sys.argv[1], encoding="utf-8"))["catalogue_date"].split("-")
print("%d.%d.%s" % (int(d), int(m), y))' "$ASSETS/catalogue.json")")" \
    "$(msg_prefix fi 'Services from the national service register (Suomi.fi), updated %s.')" "$tmpdir/text"
batch "$(family 179)"
ok_if "Jyväskylä on a cache for 179: the register's Kyllö clinic" \
    test -n "$(service_json "Kyllön neuvola (testi)")"
ok_if "Jyväskylä on a cache for 179: the results name the register" \
    python3 -c 'import json, sys; sys.exit(0 if json.load(open(sys.argv[1]))["catalogue"] == "register" else 1)' "$out"
# A profile without a municipality: the cache's nationwide services.
printf '{"language": "fi", "life_events": ["KE1"]}\n' >"$tmpdir/nowhere.json"
batch "$tmpdir/nowhere.json"
ok_if "no municipality on a cache for 179: the register, with no local clinic" \
    python3 -c 'import json, sys
d = json.load(open(sys.argv[1], encoding="utf-8"))
sys.exit(0 if d["catalogue"] == "register" and "neuvola (testi)" not in open(sys.argv[1], encoding="utf-8").read() else 1)' "$out"
cache=$cache_all
write_conf "sync_municipalities = 853"

# Without --cache-dir, and without the key, the bundled catalogue serves.
"$OPASTIN" --offline --profile "$(family 179)" --format json >"$out" 2>"$err"
ok_if "no cache given: the bundled catalogue" \
    sh -c '! grep -q "Kyllön neuvola" "$1" && grep -q "recommended_services" "$1"' - "$out"

# ---- Only the changes ----------------------------------------------------------

set_ptv_mode changed
# The server stamps the change with the time of its first request in
# this mode; the sync asks for changes since its last sync, less a margin.
: >"$PTV_LOG"
sync_run
ok_if "refresh: exit 0" test "$rc" -eq 0
[ "$rc" -eq 0 ] || diag "$(cat "$err")"
ok_if "refresh: says it fetched only the changes" grep -q '^Synced the changes for 179 853: ' "$out"
ok_if "refresh: asks for the services changed since the last sync" \
    grep -qE 'GET /api/v11/Service\?date=[0-9]{4}-[0-9]{2}-[0-9]{2}T[0-9]{2}:[0-9]{2}:[0-9]{2}&page=1 status=200' "$PTV_LOG"
ok_if "refresh: does not page the area lists again" \
    sh -c '! grep -q "Service/list/area" "$1"' - "$PTV_LOG"
# The clinic and two nationwide services renamed, a third archived.
ok_if "refresh: four services changed" grep -qE ', 4 changed since the last sync' "$out"
ok_if "refresh: the clinic's new name and number" \
    sh -c 'grep -q "\"service_name\":{\"fi\":\"Kyllön neuvola ja perhekeskus (testi)\"" "$1" &&
	grep -q "401790009" "$1" &&
	! grep -q "\"service_name\":{\"fi\":\"Kyllön neuvola (testi)\"" "$1"' - "$cache/ptv-services.jsonl"
ok_if "refresh: asks for the archived services too" \
    grep -qE 'GET /api/v11/Service\?date=[0-9T:-]+&page=1&status=Archived status=200' "$PTV_LOG"
ok_if "refresh: the archived service is gone" \
    test "$(($(wc -l <"$cache/ptv-services.jsonl") - 2))" -eq $((lines - 1))
cp "$cache/ptv-services.jsonl" "$tmpdir/cache.good"
cp "$cache/ptv-services.bin" "$tmpdir/cache.good.bin"

# A progress bar on a terminal, redrawn in place.
CR=$(printf '\r')
stderr_on_pty "$out" "$err" "$OPASTIN" --sync --config "$conf"
rc=$?
ok_if "on a terminal: exit 0" test "$rc" -eq 0
ok_if "on a terminal: a progress bar redrawn after a carriage return" \
    grep -qE "${CR}\[[#.]{30}\] $(msg en changes): page 1 of 1" "$err"
ok_if "on a terminal: no line per page" sh -c '! grep -q "^opastin: sync:" "$1"' - "$err"

# A cache whose last full sync is older than sync_full_days is fetched
# whole again.
sed -i '1s/"full_synced":"[^"]*"/"full_synced":"2020-01-01T00:00:00Z"/' "$cache/ptv-services.jsonl"
sync_run
ok_if "an old cache: fetched in full again" grep -q '^Synced [0-9]* services with [0-9]* channels for 179 853 in full; ' "$out"
ok_if "an old cache: nothing changed since" grep -q ' in full; 0 changed since the last sync' "$out"
cp "$cache/ptv-services.jsonl" "$tmpdir/cache.good"
cp "$cache/ptv-services.bin" "$tmpdir/cache.good.bin"

# ---- Failures keep the previous cache ----------------------------------------

# A full sync (other municipalities) that meets each fault.
write_conf "sync_municipalities = 853, 091"
for fault in fail-page:3 truncated oversize bad-json wrong-shape:huge wrong-shape:string fail-channels; do
	set_ptv_mode "$fault"
	sync_run
	ok_if "$fault: exit 1" test "$rc" -eq 1
	ok_if "$fault: one line saying the previous cache is kept" \
	    sh -c '[ "$(grep -c . "$1")" -ge 1 ] &&
		grep -q "the sync failed, and the previous cache is kept: " "$1" &&
		! grep -q "$2" "$1"' - "$err" "$ESC"
	ok_if "$fault: the cache is as it was" \
	    sh -c 'cmp -s "$1/ptv-services.jsonl" "$2" && cmp -s "$1/ptv-services.bin" "$2.bin"' - "$cache" "$tmpdir/cache.good"
	ok_if "$fault: no temporary file is left" \
	    sh -c '[ -z "$(ls -A "$1" | grep -v -e "^ptv-services.jsonl$" -e "^ptv-services.bin$" -e "^.opastin-sync.lock$")" ]' - "$cache"
done
set_ptv_mode fail-page:3
sync_run
ok_if "fail-page:3: the reason names the page and HTTP 500" \
    grep -qE 'page=3: HTTP 500' "$err"
batch "$(family 179)"
ok_if "after failed syncs: the previous cache still serves" \
    test -n "$(service_json "Kyllön neuvola ja perhekeskus (testi)")"

set_ptv_mode slow
start=$(date +%s)
"$OPASTIN" --sync --config "$conf" --timeout 2 >"$out" 2>"$err"
rc=$?
took=$(($(date +%s) - start))
ok_if "slow: gives up with exit 1 ($took s)" sh -c '[ "$1" -eq 1 ] && [ "$2" -lt 20 ]' - "$rc" "$took"
ok_if "slow: says there was no answer in time" grep -q 'no answer in time' "$err"
ok_if "slow: the cache is as it was" \
    sh -c 'cmp -s "$1/ptv-services.jsonl" "$2" && cmp -s "$1/ptv-services.bin" "$2.bin"' - "$cache" "$tmpdir/cache.good"

# ---- Retries and hostile text ---------------------------------------------------

start_ptv 503-once || bail "the PTV test server did not restart"
cache="$tmpdir/cache2"
write_conf
sync_run
ok_if "503 once: the sync succeeds after one more try" test "$rc" -eq 0
ok_if "503 once: each request was asked twice" \
    test "$(grep -c 'Municipality/code/179?includeWholeCountry=true&page=1 status=' "$PTV_LOG")" -eq 2

start_ptv hostile || bail "the PTV test server did not restart"
cache="$tmpdir/cache3"
write_conf
sync_run
ok_if "hostile: the sync succeeds" test "$rc" -eq 0
[ "$rc" -eq 0 ] || diag "$(cat "$err")"
ok_if "hostile: no escape, bidi or control character in the cache" \
    python3 -c 'import sys, unicodedata
bad = 0
for line in open(sys.argv[1], encoding="utf-8"):
    for ch in line.rstrip("\n"):
        if ord(ch) < 32 or 0x7f <= ord(ch) < 0xa0 or ch in "\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069\u200e\u200f\u061c":
            bad += 1
sys.exit(1 if bad else 0)' "$cache/ptv-services.jsonl"
ok_if "hostile: no line longer than the cache allows" \
    sh -c '[ "$(awk "{ if (length(\$0) > m) m = length(\$0) } END { print m }" "$1")" -lt 4194304 ]' - "$cache/ptv-services.jsonl"
batch "$(family 179)"
ok_if "hostile: batch mode on it works, with no ESC in the output" \
    sh -c '[ "$1" -eq 0 ] && ! grep -q "$2" "$3"' - "$rc" "$ESC" "$out"

# ---- A broken cache, bad settings ---------------------------------------------

# The kiosk reads the compact cache: cut, damaged or of another format
# version, it is ignored with one line in the log, and the bundled
# catalogue serves.
cp "$cache/ptv-services.bin" "$tmpdir/cache3.bin"
head -c 2000 "$tmpdir/cache3.bin" >"$cache/ptv-services.bin"
batch "$(family 179)" --log-stderr
ok_if "cut cache: batch mode still answers, from the bundled catalogue" \
    sh -c '[ "$1" -eq 0 ] && ! grep -q "Kyllön neuvola" "$2"' - "$rc" "$out"
ok_if "cut cache: one warning in the log that says why" \
    sh -c '[ "$(grep -c "the cache is broken and is ignored.*cut short" "$1")" -eq 1 ]' - "$err"
python3 -c 'import sys
b = bytearray(open(sys.argv[1], "rb").read())
b[len(b) // 2] ^= 0x20
open(sys.argv[2], "wb").write(b)' "$tmpdir/cache3.bin" "$cache/ptv-services.bin"
batch "$(family 179)" --log-stderr
ok_if "damaged cache: the bundled catalogue serves, the log says why" \
    sh -c '[ "$1" -eq 0 ] && ! grep -q "Kyllön neuvola" "$2" &&
	grep -q "the cache is broken and is ignored.*ptv-services.bin" "$3"' - "$rc" "$out" "$err"
python3 -c 'import sys
b = bytearray(open(sys.argv[1], "rb").read())
b[8] = 3
open(sys.argv[2], "wb").write(b)' "$tmpdir/cache3.bin" "$cache/ptv-services.bin"
batch "$(family 179)" --log-stderr
ok_if "another format version: the bundled catalogue serves, the log says to sync" \
    sh -c '[ "$1" -eq 0 ] && ! grep -q "Kyllön neuvola" "$2" &&
	grep -q "format version 3, and this Opastin reads version 2; run opastin --sync" "$3"' - "$rc" "$out" "$err"
# A cache dir of an Opastin before the compact cache holds only the JSON
# Lines: they are read, the slower way, and the log says so.
rm -f "$cache/ptv-services.bin"
batch "$(family 179)" --log-stderr
ok_if "only the JSON Lines of an older sync: read, with a line in the log" \
    sh -c '[ "$1" -eq 0 ] && grep -q "Kyllön neuvola" "$2" &&
	grep -q "no ptv-services.bin (a sync by an older Opastin)" "$3"' - "$rc" "$out" "$err"
head -n 20 "$tmpdir/cache.good" >"$cache/ptv-services.jsonl"
batch "$(family 179)" --log-stderr
ok_if "a cut JSON Lines cache alone: ignored, the log says why" \
    sh -c '[ "$1" -eq 0 ] && ! grep -q "Kyllön neuvola" "$2" &&
	grep -q "the cache is broken and is ignored.*cut short" "$3"' - "$rc" "$out" "$err"

write_conf "sync_municipalities = 179, 85"
sync_run
ok_if "a bad sync_municipalities: exit 1 with file:line" \
    sh -c '[ "$1" -eq 1 ] && grep -q "sync.conf:6: sync_municipalities lists three-digit municipality codes" "$2"' - "$rc" "$err"
write_conf "sync_municipalities = 179, 999"
sync_run
ok_if "an unknown municipality: exit 1, named" \
    sh -c '[ "$1" -eq 1 ] && grep -q "999 is not a municipality of Finland" "$2"' - "$rc" "$err"
write_conf "sync_full_days = 0"
sync_run
ok_if "sync_full_days out of range: exit 1 with file:line" \
    sh -c '[ "$1" -eq 1 ] && grep -q "sync.conf:6: sync_full_days must be a whole number of days from 1 to 365" "$2"' - "$rc" "$err"
write_conf
"$OPASTIN" --sync --config "$conf" --ptv-url http://ptv.example/api/v11 >"$out" 2>"$err"
ok_if "--ptv-url over plain http: refused" \
    sh -c '[ "$1" -eq 1 ] && grep -q "ptv_url must use https://" "$2"' - "$?" "$err"
printf 'ptv_url = %s\nca_file = %s\ncache_dir = %s\n' "$PTV_URL" "$CERTS/ca.pem" "$cache" >"$conf"
sync_run
ok_if "no municipality: exit 1, saying what to set" \
    sh -c '[ "$1" -eq 1 ] && grep -q "municipality_code or sync_municipalities" "$2"' - "$rc" "$err"
"$OPASTIN" --sync --profile "$(family 179)" >"$out" 2>"$err"
ok_if "--sync with --profile: a usage error" test "$?" -eq 2

finish
