# tests/backend/lib.sh: the local test backend (server.py) for the tests
# that talk to it.  Source it after tests/lib.sh or tests/e2e/lib.sh (it
# needs their $tmpdir, diag and, when there, e2e_stop); it sources
# nothing itself.
#
#   backend_certs                  make the certificates, once per test,
#                                  into $CERTS ($tmpdir/certs)
#   start_backend MODE [ARGS...]   start server.py in MODE with server.pem,
#                                  ARGS after (a later --cert/--key wins,
#                                  e.g. backend_cert wronghost); waits until
#                                  it listens; sets BACKEND_URL, BACKEND_PORT,
#                                  BACKEND_LOG, BACKEND_PID
#   backend_cert NAME              "--cert $CERTS/NAME.pem --key $CERTS/NAME.key"
#   stop_backend                   stop it (also done on exit)
#   set_mode MODE                  write MODE to $BACKEND_MODE_FILE, which
#                                  start_backend always passes as --mode-file
#                                  (empty: --mode rules)
#   backend_conf [LINE...]         write $BACKEND_CONF (mode 600): backend_url,
#                                  ca_file, then the "key = value" LINEs,
#                                  which win over those two
#   wait_backend_log RE [SECONDS]  poll until a line of $BACKEND_LOG matches
#                                  the extended regex RE
#   wait_file TEXT FILE [SECONDS]  poll until FILE holds TEXT
#   backend_log_lines              the number of lines of the log now
#   backend_log_after N            its request lines after the first N
#   backend_requests [PATH]        the request lines of the log (to PATH:
#                                  recommend_service, text_search, ...)
#   closed_port                    a port on 127.0.0.1 where nothing listens
#
# The PTV test server (ptv.py), for the tests of the sync:
#
#   start_ptv MODE [ARGS...]       start ptv.py in MODE (see README.md) with
#                                  server.pem and $PTV_MODE_FILE as --mode-file;
#                                  ARGS after (--nationwide, --page-size,
#                                  --data ...); waits until it listens; sets
#                                  PTV_URL (.../api/v11), PTV_PORT, PTV_LOG,
#                                  PTV_PID
#   set_ptv_mode MODE              write MODE to $PTV_MODE_FILE (read per request)
#   stop_ptv                       stop it (also done on exit)
#   ptv_requests [RE]              its request lines (matching the extended RE)
#
# The backend is killed when the test exits: the EXIT trap set before
# this file was sourced (e2e_stop, or the removal of $tmpdir) is kept
# and run after it.

CERTS="$tmpdir/certs"
BACKEND_SERVER="$top_srcdir/tests/backend/server.py"
BACKEND_URL=
BACKEND_PORT=
BACKEND_LOG=
BACKEND_PID=
BACKEND_MODE_FILE="$tmpdir/backend.mode"
BACKEND_CONF="$tmpdir/opastin.conf"
backend_runs=0
: >"$BACKEND_MODE_FILE"

# The EXIT trap already set (dash prints it as "trap -- 'CMD' EXIT").
trap >"$tmpdir/traps.before"
backend_prev_trap=$(sed -n "s/^trap -- '\(.*\)' EXIT\$/\1/p" "$tmpdir/traps.before")
rm -f "$tmpdir/traps.before"
if [ -z "$backend_prev_trap" ]; then
	if command -v e2e_stop >/dev/null 2>&1; then
		backend_prev_trap=e2e_stop
	else
		backend_prev_trap='rm -rf "$tmpdir"'
	fi
fi

PTV_SERVER="$top_srcdir/tests/backend/ptv.py"
PTV_URL=
PTV_PORT=
PTV_LOG=
PTV_PID=
PTV_MODE_FILE="$tmpdir/ptv.mode"
ptv_runs=0

backend_cleanup() {
	stop_backend
	stop_ptv
	eval "$backend_prev_trap"
}
trap backend_cleanup EXIT
trap 'exit 1' HUP INT TERM

backend_certs() {
	[ -s "$CERTS/server.pin" ] && return 0
	sh "$top_srcdir/tests/backend/mkcerts.sh" "$CERTS"
}

backend_cert() {
	echo "--cert $CERTS/$1.pem --key $CERTS/$1.key"
}

start_backend() {
	_mode=$1
	shift
	stop_backend
	backend_certs || return 1
	backend_runs=$((backend_runs + 1))
	_portfile="$tmpdir/backend.$backend_runs.port"
	BACKEND_LOG="$tmpdir/backend.$backend_runs.log"
	: >"$BACKEND_LOG"
	: >"$BACKEND_MODE_FILE"
	python3 "$BACKEND_SERVER" --cert "$CERTS/server.pem" --key "$CERTS/server.key" \
	    --port-file "$_portfile" --log "$BACKEND_LOG" --mode "$_mode" \
	    --mode-file "$BACKEND_MODE_FILE" "$@" \
	    </dev/null 2>"$tmpdir/backend.$backend_runs.err" &
	BACKEND_PID=$!
	# The port file is written (atomically) once it listens.
	_tries=200
	while [ ! -s "$_portfile" ] && [ "$_tries" -gt 0 ]; do
		if ! kill -0 "$BACKEND_PID" 2>/dev/null; then
			diag "the test backend ended at start:" "$(cat "$tmpdir/backend.$backend_runs.err")"
			BACKEND_PID=
			return 1
		fi
		_tries=$((_tries - 1))
		sleep 0.05
	done
	if [ ! -s "$_portfile" ]; then
		diag "the test backend did not start within 10 s"
		stop_backend
		return 1
	fi
	BACKEND_PORT=$(cat "$_portfile")
	_scheme=https
	for _a do
		[ "$_a" = "--insecure-http" ] && _scheme=http
	done
	BACKEND_URL="$_scheme://127.0.0.1:$BACKEND_PORT/service-recommender/v1"
}

stop_backend() {
	if [ -n "$BACKEND_PID" ]; then
		kill "$BACKEND_PID" 2>/dev/null
		wait "$BACKEND_PID" 2>/dev/null
		BACKEND_PID=
	fi
	return 0
}

start_ptv() {
	_mode=$1
	shift
	stop_ptv
	backend_certs || return 1
	ptv_runs=$((ptv_runs + 1))
	_portfile="$tmpdir/ptv.$ptv_runs.port"
	PTV_LOG="$tmpdir/ptv.$ptv_runs.log"
	: >"$PTV_LOG"
	: >"$PTV_MODE_FILE"
	python3 "$PTV_SERVER" --cert "$CERTS/server.pem" --key "$CERTS/server.key" \
	    --port-file "$_portfile" --log "$PTV_LOG" --mode "$_mode" \
	    --mode-file "$PTV_MODE_FILE" "$@" \
	    </dev/null 2>"$tmpdir/ptv.$ptv_runs.err" &
	PTV_PID=$!
	# It generates its data first (about a second), then listens.
	_tries=600
	while [ ! -s "$_portfile" ] && [ "$_tries" -gt 0 ]; do
		if ! kill -0 "$PTV_PID" 2>/dev/null; then
			diag "the PTV test server ended at start:" "$(cat "$tmpdir/ptv.$ptv_runs.err")"
			PTV_PID=
			return 1
		fi
		_tries=$((_tries - 1))
		sleep 0.05
	done
	if [ ! -s "$_portfile" ]; then
		diag "the PTV test server did not start within 30 s"
		stop_ptv
		return 1
	fi
	PTV_PORT=$(cat "$_portfile")
	_scheme=https
	for _a do
		[ "$_a" = "--insecure-http" ] && _scheme=http
	done
	PTV_URL="$_scheme://127.0.0.1:$PTV_PORT/api/v11"
}

stop_ptv() {
	if [ -n "$PTV_PID" ]; then
		kill "$PTV_PID" 2>/dev/null
		wait "$PTV_PID" 2>/dev/null
		PTV_PID=
	fi
	return 0
}

set_ptv_mode() {
	printf '%s\n' "$1" >"$PTV_MODE_FILE.tmp" &&
	    mv "$PTV_MODE_FILE.tmp" "$PTV_MODE_FILE"
}

ptv_requests() {
	grep -E '^conn=[0-9]+ [A-Z]+ /' "$PTV_LOG" | grep -E -- "${1:-.}"
}

set_mode() {
	printf '%s\n' "$1" >"$BACKEND_MODE_FILE.tmp" &&
	    mv "$BACKEND_MODE_FILE.tmp" "$BACKEND_MODE_FILE"
}

backend_conf() {
	{
		echo "backend_url = $BACKEND_URL"
		echo "ca_file = $CERTS/ca.pem"
		for _l do
			printf '%s\n' "$_l"
		done
	} >"$BACKEND_CONF"
	chmod 600 "$BACKEND_CONF"
}

wait_backend_log() {
	_tries=$(( ${2:-10} * 20 ))
	while [ "$_tries" -gt 0 ]; do
		if grep -qE -- "$1" "$BACKEND_LOG" 2>/dev/null; then
			return 0
		fi
		_tries=$((_tries - 1))
		sleep 0.05
	done
	diag "timed out waiting for the backend log to match: $1" "the log holds:"
	sed 's/^/#   /' "$BACKEND_LOG"
	return 1
}

# wait_file TEXT FILE [SECONDS]: poll until FILE holds TEXT (fixed), e.g.
# the program's --log-stderr log.
wait_file() {
	_tries=$(( ${3:-10} * 20 ))
	while [ "$_tries" -gt 0 ]; do
		if grep -qF -- "$1" "$2" 2>/dev/null; then
			return 0
		fi
		_tries=$((_tries - 1))
		sleep 0.05
	done
	diag "timed out waiting for $2 to say: $1" "it holds:"
	sed 's/^/#   /' "$2"
	return 1
}

# The number of lines in $BACKEND_LOG now, and its request lines after
# the first N: for the requests of one step of a test.
backend_log_lines() {
	wc -l <"$BACKEND_LOG" | tr -d ' '
}

backend_log_after() {
	sed -n "$(( $1 + 1 )),\$p" "$BACKEND_LOG" | grep -E '^conn=[0-9]+ [A-Z]+ /'
}

backend_requests() {
	grep -E "^conn=[0-9]+ [A-Z]+ /service-recommender/v1/${1:-}" "$BACKEND_LOG"
}

# A port that was just free: bound by the kernel, then closed.
closed_port() {
	python3 -c 'import socket
s = socket.socket()
s.bind(("127.0.0.1", 0))
print(s.getsockname()[1])
s.close()'
}

# fixture LANG names          the six fixture services' names in LANG
# fixture LANG id NAME        the id of the service named NAME
# fixture LANG contacts NAME  its first channel's name, then that channel's
#                             phone numbers, e-mails and web pages, a line each
# fixture LANG org NAME       the name of its organisation
# Read from server.py itself, so that the tests follow its fixtures.
fixture() {
	# Cached: each answer is asked once per test.
	_key=$(printf '%s\n' "$@" | cksum | tr -c '0-9\n' _)
	if [ ! -f "$tmpdir/fixture.$_key" ]; then
		_fixture "$@" >"$tmpdir/fixture.$_key.tmp" || return 1
		mv "$tmpdir/fixture.$_key.tmp" "$tmpdir/fixture.$_key"
	fi
	cat "$tmpdir/fixture.$_key"
}

_fixture() {
	PYTHONDONTWRITEBYTECODE=1 python3 - "$top_srcdir/tests/backend" "$@" <<'PY'
import sys
sys.dont_write_bytecode = True
sys.path.insert(0, sys.argv[1])
import server
lang, what = sys.argv[2], sys.argv[3]
arg = sys.argv[4] if len(sys.argv) > 4 else None
svc = [server.render_service(s, lang, 0.5, i + 1) for i, s in enumerate(server.SERVICES)]
if what == "names":
    for s in svc:
        print(s["service_name"])
    sys.exit(0)
found = [s for s in svc if s["service_name"] == arg]
if not found:
    sys.exit(1)
s = found[0]
if what == "id":
    print(s["service_id"])
elif what == "org":
    print(s["responsible_organization"]["name"])
elif what == "contacts":
    ch = s["service_channels"][0]
    print(ch.get("service_channel_name") or ch.get("service_name"))
    for k in ("phone_numbers", "emails", "web_pages"):
        v = ch.get(k) or []
        for x in ([v] if isinstance(v, str) else v):
            if x:
                print(x)
else:
    sys.exit(2)
PY
}

# ---- For the tests in tmux (they use tests/e2e/lib.sh's functions) ----
#
#   kiosk L [ARGS...]     start opastin at 80x24 in language L (fi, sv, en)
#                         with $BACKEND_CONF and --log-stderr into $KIOSK_ERR,
#                         and choose L on the welcome screen
#   to_review L EVENT     from the life-event question, choose event number
#                         EVENT and take the defaults up to the review
#   ask L                 on the review, press "Show suggested services"
#   first_service         the name of the first service on the results
kiosk_runs=0
KIOSK_ERR=

kiosk() {
	_l=$1
	shift
	# One program at a time: a test that starts another ends the last.
	T has-session -t e2e >/dev/null 2>&1 && stop
	kiosk_runs=$((kiosk_runs + 1))
	KIOSK_ERR="$tmpdir/opastin.$kiosk_runs.err"
	start_with 80 24 "" "$KIOSK_ERR" --lang "$_l" --config "$BACKEND_CONF" --log-stderr "$@"
	wait_for "F10" || return 1
	case $_l in
	fi) keys 1 ;;
	sv) keys 2 ;;
	*) keys 3 ;;
	esac
	keys Enter
	wait_for "$(msg "$_l" 'What has happened in your life?')"
}

to_review() {
	_review=$(msg "$1" 'Check your answers')
	keys "$2"
	keys Enter
	wait_gone "$(msg "$1" 'What has happened in your life?')" || return 1
	# Enter on each question, after 7 on a meter (Enter alone skips it,
	# and the recommender needs a meter); stuck (a question that needs
	# typing) fails.
	for _ in $(seq 1 40); do
		screen | grep -qF -- "$_review" && return 0
		_before=$(screen)
		if screen | grep -qE '^ +(>)? +10  \( \)'; then
			keys 7
			wait_focus ' 7  ( )' 2 >/dev/null || return 1
		fi
		keys Enter
		_tries=40
		while [ "$(screen)" = "$_before" ]; do
			_tries=$((_tries - 1))
			if [ "$_tries" -le 0 ]; then
				diag "Enter did not move on from:"
				screen | diag "$(cat)"
				return 1
			fi
			sleep 0.05
		done
	done
	wait_for "$_review" 1
}

ask() {
	keys End
	wait_focus "$(msg "$1" 'Show suggested services')" || return 1
	keys Enter
}

first_service() {
	screen | sed -n 's/^ *> \{1,\}1 \{2,\}\(.*[^ ]\) *$/\1/p' | head -n 1 | sed 's/ *↓$//'
}

# catalogue_names LANG: the names of the kiosk's own services in LANG
# (assets/catalogue.json), the offline results.
catalogue_names() {
	if [ ! -s "$tmpdir/catalogue.$1" ]; then
		_catalogue_names "$1" >"$tmpdir/catalogue.$1.tmp" &&
		    mv "$tmpdir/catalogue.$1.tmp" "$tmpdir/catalogue.$1"
	fi
	cat "$tmpdir/catalogue.$1"
}

_catalogue_names() {
	python3 -c 'import json, sys
for s in json.load(open(sys.argv[1], encoding="utf-8"))["services"]:
    print(s["service_name"][sys.argv[2]])' "$ASSETS/catalogue.json" "$1"
}
