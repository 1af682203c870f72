#!/bin/sh
# opastin --check-links against a local HTTPS site (tests/backend/links.py)
# whose certificate is signed by a CA made for the test: one report line
# per distinct URL in catalogue order; HEAD, then GET when HEAD is refused
# or answered with nothing; redirects reported and never followed, their
# Location made safe; 5 s a URL at most, at most 4 at a time; http://
# reported and never requested; an untrusted certificate is not OK; exit
# 1 with a broken link, 0 when all work (a redirect is a warning); a
# progress line only on a terminal.  With a register cache, the bundled
# catalogue (which still serves the other municipalities) is checked too,
# an address of both once, and each line names the catalogue(s) using it.
. "$top_srcdir/tests/lib.sh"
. "$top_srcdir/tests/backend/lib.sh"

out="$tmpdir/out"
err="$tmpdir/err"
ESC=$(printf '\033')
CR=$(printf '\r')
SITE_PID=
SITE_LOG="$tmpdir/site.log"

stop_site() {
	if [ -n "$SITE_PID" ]; then
		kill "$SITE_PID" 2>/dev/null
		wait "$SITE_PID" 2>/dev/null
		SITE_PID=
	fi
}
trap 'stop_site; backend_cleanup' EXIT

bail() {
	echo "Bail out! $*"
	exit 1
}

# start_site: links.py with the test CA's server certificate; waits until
# it listens; sets SITE (https://127.0.0.1:PORT) and PORT.
start_site() {
	: >"$SITE_LOG"
	python3 "$top_srcdir/tests/backend/links.py" --cert "$CERTS/server.pem" \
	    --key "$CERTS/server.key" --port-file "$tmpdir/site.port" --log "$SITE_LOG" \
	    </dev/null 2>"$tmpdir/site.err" &
	SITE_PID=$!
	_tries=200
	while [ ! -s "$tmpdir/site.port" ] && [ "$_tries" -gt 0 ]; do
		kill -0 "$SITE_PID" 2>/dev/null || { diag "$(cat "$tmpdir/site.err")"; return 1; }
		_tries=$((_tries - 1))
		sleep 0.05
	done
	[ -s "$tmpdir/site.port" ] || return 1
	PORT=$(cat "$tmpdir/site.port")
	SITE="https://127.0.0.1:$PORT"
}

# make_assets DIR < SPEC: a copy of the assets in DIR whose catalogue has
# one service a SPEC line: "id fi sv en source", "-" for none; the web
# pages go into one WebPage channel (none when all three are "-"), the
# source is words when "-".  The rest of each service is the first one
# of the real catalogue, so that it loads.
make_assets() {
	rm -rf "$1"
	cp -R "$ASSETS" "$1" || return 1
	python3 -c 'import copy, json, sys
src, dst = sys.argv[1], sys.argv[2]
template = json.load(open(src, encoding="utf-8"))["services"][0]
services = []
for line in sys.stdin:
    f = line.split()
    if not f:
        continue
    sid, pages, source = f[0], dict(zip(("fi", "sv", "en"), f[1:4])), f[4]
    s = copy.deepcopy(template)
    s["service_id"] = sid
    s["service_name"] = {l: "%s (%s)" % (sid, l) for l in ("fi", "sv", "en")}
    pages = {l: u for l, u in pages.items() if u != "-"}
    s["service_channels"] = [{
        "service_channel_id": sid + "-web",
        "service_channel_type": "WebPage",
        "service_channel_name": {"fi": "Verkossa", "sv": "På webben", "en": "Online"},
        "web_pages": pages,
    }] if pages else []
    s["source"] = source if source != "-" else "A leaflet of the agency (2024)"
    services.append(s)
json.dump({"catalogue_date": "2026-12-01", "services": services},
          open(dst, "w", encoding="utf-8"), ensure_ascii=False, indent=1)
' "$ASSETS/catalogue.json" "$1/catalogue.json"
}

# run ARGS...: opastin --check-links; status in $rc, the time it took in
# $ms, the report in $out, standard error in $err.
run() {
	_t0=$(date +%s%N)
	"$OPASTIN" --check-links "$@" </dev/null >"$out" 2>"$err"
	rc=$?
	ms=$(( ($(date +%s%N) - _t0) / 1000000 ))
}

# line N TEXT: line N of the report is TEXT.
line() {
	_got=$(sed -n "$1p" "$out")
	[ "$_got" = "$2" ] || { diag "line $1 is:" "  $_got" "expected:" "  $2"; return 1; }
}

# line_like N PATTERN: line N of the report matches the shell PATTERN.
line_like() {
	_got=$(sed -n "$1p" "$out")
	case $_got in
	$2) return 0 ;;
	esac
	diag "line $1 is:" "  $_got" "expected the pattern:" "  $2"
	return 1
}

# requests RE: the request lines of the site's log (after the first
# $mark lines) that match the extended regex RE, counted.
requests() {
	sed -n "$((mark + 1)),\$p" "$SITE_LOG" | grep -cE "^conn=[0-9]+ $1"
}

no_control() {	# no ESC and no bidi override in FILE
	! grep -q "$ESC" "$1" && ! grep -q "$(printf '\342\200\256')" "$1"
}

backend_certs || bail "mkcerts.sh failed"
start_site || bail "the test site did not start"
CLOSED=$(closed_port)

# --- Every kind of answer ---------------------------------------------
#
# The two stalls come first: they hold two of the four places for 5 s
# while the rest go through the other two, so the run takes about 5 s,
# not 5 s a stall (and nothing is left to start when they end).
make_assets "$tmpdir/assets-all" <<EOF || bail "cannot make the test assets"
svc-stall-a $SITE/stall/a - - -
svc-stall-b - $SITE/stall/b - -
svc-langs $SITE/ok/fi $SITE/ok/sv $SITE/ok/en $SITE/ok/source
svc-dup-1 - - $SITE/ok/shared -
svc-dup-2 $SITE/ok/shared - - $SITE/ok/shared
svc-slow $SITE/slow/1 $SITE/slow/2 $SITE/slow/3 -
svc-moved - - $SITE/moved -
svc-found - - $SITE/dir/found -
svc-hostile - - $SITE/hostile -
svc-noloc - - $SITE/no-location -
svc-head405 - - $SITE/head-405 -
svc-headempty - - $SITE/head-empty -
svc-missing - - $SITE/missing -
svc-error - - $SITE/error -
svc-http - - http://127.0.0.1:$PORT/plain-http -
svc-closed - - https://127.0.0.1:$CLOSED/closed -
svc-nochan - - - $SITE/ok/only-source
EOF

mark=0
run --assets "$tmpdir/assets-all" --ca-file "$CERTS/ca.pem"
diag "the run took $ms ms; the report:" "$(cat "$out")" "standard error:" "$(cat "$err")"
ok_if "a broken link: exit status 1" test "$rc" -eq 1
ok_if "one line per distinct URL (21)" test "$(wc -l <"$out")" -eq 21
timeout="no answer within 5 seconds"
ok_if "a stall is unreachable, timed out" \
    line 1 "UNREACHABLE $SITE/stall/a ($timeout)  used by svc-stall-a"
ok_if "a second stall, from a Swedish page" \
    line 2 "UNREACHABLE $SITE/stall/b ($timeout)  used by svc-stall-b"
ok_if "the Finnish page first" line 3 "OK       $SITE/ok/fi  used by svc-langs"
ok_if "then the Swedish page" line 4 "OK       $SITE/ok/sv  used by svc-langs"
ok_if "then the English page" line 5 "OK       $SITE/ok/en  used by svc-langs"
ok_if "then the service's source, an https URL" \
    line 6 "OK       $SITE/ok/source  used by svc-langs"
ok_if "a URL of two services is one line naming both" \
    line 7 "OK       $SITE/ok/shared  used by svc-dup-1, svc-dup-2"
ok_if "slow pages (1 s) are OK" line 8 "OK       $SITE/slow/1  used by svc-slow"
ok_if "slow page 2" line 9 "OK       $SITE/slow/2  used by svc-slow"
ok_if "slow page 3" line 10 "OK       $SITE/slow/3  used by svc-slow"
ok_if "301 with an absolute path: REDIRECT to the resolved URL" \
    line 11 "REDIRECT $SITE/moved -> $SITE/never/moved  used by svc-moved"
ok_if "302 with a relative Location: resolved against the URL" \
    line 12 "REDIRECT $SITE/dir/found -> $SITE/never/found?x=1  used by svc-found"
ok_if "a hostile Location is reported" \
    line_like 13 "REDIRECT $SITE/hostile -> https://evil.example/*  used by svc-hostile"
ok_if "no escape sequence or bidi override of the Location reaches the report" \
    no_control "$out"
ok_if "a 302 without Location is broken, with the reason" \
    line 14 "302      $SITE/no-location (a redirect that does not say where to)  used by svc-noloc"
ok_if "HEAD refused with 405: GET is OK" line 15 "OK       $SITE/head-405  used by svc-head405"
ok_if "HEAD answered with nothing: GET is OK" line 16 "OK       $SITE/head-empty  used by svc-headempty"
ok_if "404" line 17 "404      $SITE/missing  used by svc-missing"
ok_if "500" line 18 "500      $SITE/error  used by svc-error"
ok_if "http:// is NOT-HTTPS" line 19 "NOT-HTTPS http://127.0.0.1:$PORT/plain-http  used by svc-http"
ok_if "a closed port is unreachable: could not connect" \
    line_like 20 "UNREACHABLE https://127.0.0.1:$CLOSED/closed (could not connect*)  used by svc-closed"
ok_if "a source without channels is checked too" \
    line 21 "OK       $SITE/ok/only-source  used by svc-nochan"
ok_if "a source in words is not a URL to check" sh -c '! grep -q leaflet "$1"' - "$out"

ok_if "the summary on standard error counts 11 OK, 3 redirects, 7 broken" \
    grep -qxF "Checked 21 web addresses: 11 OK, 3 redirected, 7 broken." "$err"
ok_if "no progress line when standard error is not a terminal" \
    sh -c '! grep -q "$1" "$2" && [ "$(wc -l <"$2")" -eq 1 ]' - "$CR" "$err"

# What the site saw.  Each stall ends when the client hangs up.
_tries=100
while [ "$(grep -c stall-end "$SITE_LOG")" -lt 2 ] && [ "$_tries" -gt 0 ]; do
	_tries=$((_tries - 1))
	sleep 0.05
done
diag "the site's log:" "$(cat "$SITE_LOG")"
stall_ok() {
	_n=0
	for _a in $(sed -n 's/.*stall-end after=\([0-9.]*\).*/\1/p' "$SITE_LOG"); do
		awk -v a="$_a" 'BEGIN { exit !(a >= 4.5 && a <= 7.5) }' || return 1
		_n=$((_n + 1))
	done
	[ "$_n" -eq 2 ]
}
ok_if "each stall was cut after about 5 s (4.5 to 7.5 s)" stall_ok
ok_if "the whole run took about 5 s, not 5 s a stall (4.5 to 9.5 s)" \
    test "$ms" -ge 4500 -a "$ms" -lt 9500
max=$(sed -n 's/^conn=[0-9]* [A-Z]* .* active=\([0-9]*\)$/\1/p' "$SITE_LOG" | sort -n | tail -n 1)
diag "at most $max requests at once"
ok_if "at most 4 requests at a time" test "${max:-0}" -le 4
ok_if "and more than one at a time" test "${max:-0}" -ge 2
ok_if "a redirect's target is never requested" test "$(requests '[A-Z]+ /never')" -eq 0
ok_if "http:// is never requested" test "$(requests '[A-Z]+ /plain-http')" -eq 0
ok_if "no TLS handshake failed with the CA given" sh -c '! grep -q tls-error "$1"' - "$SITE_LOG"
ok_if "a URL of two services is asked for once" test "$(requests 'HEAD /ok/shared ')" -eq 1
ok_if "a page that answers HEAD is not fetched with GET" test "$(requests 'GET /ok')" -eq 0
ok_if "HEAD refused with 405, then GET" \
    test "$(requests 'HEAD /head-405 status=405')" -eq 1 -a "$(requests 'GET /head-405 status=200')" -eq 1
# (libcurl itself asks again once when a kept-alive connection answers
# nothing, so HEAD may come twice.)
ok_if "HEAD answered with nothing, then GET" \
    test "$(requests 'HEAD /head-empty status=empty')" -ge 1 -a "$(requests 'GET /head-empty status=200')" -eq 1
ok_if "a 404 is not asked again with GET" test "$(requests 'GET /missing')" -eq 0

# --- An untrusted certificate: without --ca-file -----------------------

make_assets "$tmpdir/assets-good" <<EOF || bail "cannot make the test assets"
svc-a - - $SITE/ok/a -
svc-b $SITE/moved - - -
EOF
mark=$(wc -l <"$SITE_LOG")
run --assets "$tmpdir/assets-good"
diag "without --ca-file:" "$(cat "$out")"
ok_if "an untrusted certificate: exit status 1" test "$rc" -eq 1
ok_if "an untrusted certificate is unreachable, a TLS certificate problem" \
    line_like 1 "UNREACHABLE $SITE/ok/a (TLS certificate problem*)  used by svc-a"
ok_if "and the same for the redirecting page (no REDIRECT without TLS)" \
    line_like 2 "UNREACHABLE $SITE/moved (TLS certificate problem*)  used by svc-b"
ok_if "no request went through without a trusted certificate" \
    test "$(requests '[A-Z]+ /')" -eq 0

# --- All good: exit 0, a redirect is only a warning -------------------

run --assets "$tmpdir/assets-good" --ca-file "$CERTS/ca.pem"
ok_if "all OK but a redirect: exit status 0" test "$rc" -eq 0
ok_if "OK line" line 1 "OK       $SITE/ok/a  used by svc-a"
ok_if "REDIRECT line" line 2 "REDIRECT $SITE/moved -> $SITE/never/moved  used by svc-b"
ok_if "the summary counts them" \
    grep -qxF "Checked 2 web addresses: 1 OK, 1 redirected, 0 broken." "$err"

# The configuration's ca_file is used the same way.
conf="$tmpdir/opastin.conf"
printf 'ca_file = %s\n' "$CERTS/ca.pem" >"$conf"
run --config "$conf" --assets "$tmpdir/assets-good"
ok_if "ca_file from the configuration: exit status 0" test "$rc" -eq 0
ok_if "ca_file from the configuration: the page is OK" line 1 "OK       $SITE/ok/a  used by svc-a"

# In Finnish: the reasons and words are translated, the status words not.
run --lang fi --assets "$tmpdir/assets-good" --ca-file "$CERTS/ca.pem"
ok_translated fi "checked %1\$zu of %2\$zu"
ok_if "in Finnish: the status word stays OK, \"used by\" is Finnish" \
    line 1 "OK       $SITE/ok/a  $(format "$(msgn fi 'used by %s' 'used by %s' 1)" svc-a)"
ok_if "in Finnish: the summary is Finnish" \
    grep -qxF "$(format "$(msgn fi 'Checked %1$zu web address: %2$zu OK, %3$zu redirected, %4$zu broken.' \
    'Checked %1$zu web addresses: %2$zu OK, %3$zu redirected, %4$zu broken.' 2)" 2 1 1 0)" "$err"

# --- The progress line on a terminal -----------------------------------

# Standard error on a pseudo-terminal (which ends lines with \r\n),
# standard output to a file.  The http:// address counts among those
# checked, though never requested.
make_assets "$tmpdir/assets-progress" <<EOF || bail "cannot make the test assets"
svc-a - - $SITE/ok/a -
svc-h - - http://127.0.0.1:$PORT/plain-http -
svc-b - - $SITE/ok/b -
EOF
stderr_on_pty "$out" "$err" "$OPASTIN" --check-links \
    --assets "$tmpdir/assets-progress" --ca-file "$CERTS/ca.pem"
rc=$?
diag "standard error on a terminal:" "$(od -c "$err" | head -n 8)"
ok_if "on a terminal: exit status 1 (an http:// address)" test "$rc" -eq 1
ok_if "on a terminal: the progress line is updated in place, after a carriage return" \
    grep -qF "${CR}checked 2 of 3${CR}checked 3 of 3" "$err"
ok_if "on a terminal: the progress line is cleared before the summary" \
    grep -qE "${CR} +${CR}Checked 3 web addresses: 2 OK, 0 redirected, 1 broken\\.${CR}?\$" "$err"
ok_if "on a terminal: the report still goes to standard output" \
    line 1 "OK       $SITE/ok/a  used by svc-a"

# --- The register's cache beside the bundled catalogue ------------------

# A cache as opastin --sync writes it (ptv-services.bin), with one
# register service whose web page is on the test site.  The kiosk serves
# its citizens from the cache and every other citizen from the bundled
# catalogue, so both are checked: each address once, in the cache's order
# then the bundled catalogue's, each line naming the catalogue (or both)
# that use it.
#
# The service is written as the sync's own record (ptv-services.jsonl),
# synced a minute ago from the PTV test server; a sync then asks that
# server only for the changes (there are none: its services were changed
# long ago) and writes the compact cache from the record, as a nightly
# sync does.  So the register's entry holds addresses of the test site.
mkdir -p "$tmpdir/cache" "$tmpdir/no-cache"
start_ptv ok --nationwide 10 || bail "the PTV test server did not start"
synced=$(date -u -d '-1 minute' +%Y-%m-%dT%H:%M:%SZ)
python3 -c 'import json, sys
c = json.load(open(sys.argv[1], encoding="utf-8"))
s = c["services"][0]
s["service_channels"] = [{"service_channel_id": "reg-web", "service_channel_type": "WebPage",
    "service_channel_name": {"fi": "Verkkosivu"}, "web_pages": {"fi": sys.argv[2]}}]
s["source"] = sys.argv[3]
s = {"service_id": s["service_id"], **s}
print(json.dumps({"format": "opastin-ptv-cache", "version": 1, "source": sys.argv[4],
    "synced": sys.argv[5], "full_synced": sys.argv[5], "municipalities": "179"}))
# As the sync writes its record: the id first, no spaces.
print(json.dumps(s, ensure_ascii=False, separators=(",", ":")))
print(json.dumps({"end": "opastin-ptv-cache", "services": 1}))' \
    "$DATA/register/catalogue.json" "$SITE/ok/register" "$SITE/ok/source" "$PTV_URL" "$synced" \
    >"$tmpdir/cache/ptv-services.jsonl"
printf 'municipality_code = 179\nptv_url = %s\nca_file = %s\ncache_dir = %s\n' \
    "$PTV_URL" "$CERTS/ca.pem" "$tmpdir/cache" >"$tmpdir/sync.conf"
"$OPASTIN" --sync --config "$tmpdir/sync.conf" </dev/null >"$out" 2>"$err"
rc=$?
diag "the sync:" "$(cat "$out" "$err")"
stop_ptv
ok_if "the sync that writes the cache: exit status 0, ptv-services.bin written" \
    test "$rc" -eq 0 -a -s "$tmpdir/cache/ptv-services.bin"
diag "what the PTV test server was asked:" "$(ptv_requests)"
ok_if "the sync asked only for the changes" \
    test "$(ptv_requests 'Service\?date=' | wc -l)" -ge 1 -a "$(ptv_requests '/list/' | wc -l)" -eq 0
# The bundled catalogue: a page the cache's service uses too, a page gone
# (404) and a page moved, neither of them in the cache.
make_assets "$tmpdir/assets-bundled" <<EOF || bail "cannot make the test assets"
svc-shared - - $SITE/ok/register -
svc-gone $SITE/missing - - -
svc-moved - $SITE/moved - -
EOF
in_reg="in the service register's cache"
in_cat="in the bundled catalogue"
mark=$(wc -l <"$SITE_LOG")
run --assets "$tmpdir/assets-bundled" --ca-file "$CERTS/ca.pem" --cache-dir "$tmpdir/cache"
diag "with a cache:" "$(cat "$out")" "standard error:" "$(cat "$err")"
ok_if "with a cache: ptv-services.bin is read" \
    sh -c 'grep -q "using the service register.s cache" "$1" && ! grep -q "ptv-services.jsonl instead" "$1"' - "$err"
ok_if "with a cache: a broken page of the bundled catalogue: exit status 1" test "$rc" -eq 1
ok_if "with a cache: one line per distinct address of both catalogues (4)" \
    test "$(wc -l <"$out")" -eq 4
ok_if "with a cache: an address of both is one line naming each catalogue's services" \
    line 1 "OK       $SITE/ok/register  used by ptv-neuvola-kyllo $in_reg and by svc-shared $in_cat"
ok_if "with a cache: the register service's source, named as the cache's" \
    line 2 "OK       $SITE/ok/source  used by ptv-neuvola-kyllo $in_reg"
ok_if "with a cache: a broken page only in the bundled catalogue is reported as the bundled catalogue's" \
    line 3 "404      $SITE/missing  used by svc-gone $in_cat"
ok_if "with a cache: a redirect only in the bundled catalogue is reported as the bundled catalogue's" \
    line 4 "REDIRECT $SITE/moved -> $SITE/never/moved  used by svc-moved $in_cat"
ok_if "with a cache: an address of both catalogues is asked for once" \
    test "$(requests 'HEAD /ok/register ')" -eq 1
ok_if "with a cache: the summary counts every address once" \
    grep -qxF "Checked 4 web addresses: 2 OK, 1 redirected, 1 broken." "$err"
ok_if "with a cache: a summary line for the cache" \
    grep -qxF "In the service register's cache, 2 web addresses: 2 OK, 0 redirected, 0 broken." "$err"
ok_if "with a cache: a summary line for the bundled catalogue" \
    grep -qxF "In the bundled catalogue, 3 web addresses: 1 OK, 1 redirected, 1 broken." "$err"

# In Finnish, the catalogues are named in Finnish.
run --lang fi --assets "$tmpdir/assets-bundled" --ca-file "$CERTS/ca.pem" --cache-dir "$tmpdir/cache"
ok_translated fi "used by %1\$s in the service register's cache and by %2\$s in the bundled catalogue"
ok_if "in Finnish, with a cache: the bundled catalogue's broken page" \
    line 3 "404      $SITE/missing  $(format "$(msgn fi 'used by %s in the bundled catalogue' \
    'used by %s in the bundled catalogue' 1)" svc-gone)"

# An empty cache directory: the bundled catalogue alone, as without a
# cache, and no catalogue named.
run --assets "$tmpdir/assets-bundled" --ca-file "$CERTS/ca.pem" --cache-dir "$tmpdir/no-cache"
ok_if "without a cache: exit status 1 (the 404)" test "$rc" -eq 1
ok_if "without a cache: the bundled catalogue's addresses, no catalogue named" \
    line 1 "OK       $SITE/ok/register  used by svc-shared"
ok_if "without a cache: the 404" line 2 "404      $SITE/missing  used by svc-gone"
ok_if "without a cache: three lines, and the one summary line" \
    test "$(wc -l <"$out")" -eq 3 -a "$(wc -l <"$err")" -eq 1

# --- The command line -------------------------------------------------

for bad in "--profile $DATA/profiles/none.json" "--check-config" "--kiosk" "extra"; do
	# shellcheck disable=SC2086
	run --assets "$tmpdir/assets-good" $bad
	ok_if "--check-links $bad: exit status 2" test "$rc" -eq 2
	ok_if "--check-links $bad: nothing on standard output" test ! -s "$out"
done
"$OPASTIN" --help </dev/null >"$out" 2>&1
ok_if "--help names --check-links" grep -q -- "--check-links" "$out"

finish
