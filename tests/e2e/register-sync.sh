#!/bin/sh
# From the register to the screen (issue 12): opastin --sync fills a cache
# from the local PTV test server, then the kiosk, given that cache, walks a
# family in Jyväskylä through "having a child" to Jyväskylä's own clinic,
# with the register's phone and charge, visiting address and today's
# opening hours; the results name the register.  A citizen of Turku sees
# Turku's clinic and never Jyväskylä's.  With a cache synced for
# Jyväskylä alone, a citizen of Turku gets the bundled catalogue's
# Varsinais-Suomi clinic, and the results name that catalogue.  The time is fixed with
# OPASTIN_NOW (Wednesday 2 December 2026, 12:00 in Helsinki).
. "$top_srcdir/tests/e2e/lib.sh"
. "$top_srcdir/tests/backend/lib.sh"

start_ptv ok || { echo "Bail out! the PTV test server did not start"; exit 1; }
cache="$tmpdir/cache"
conf="$tmpdir/sync.conf"
cat >"$conf" <<EOF
municipality_code = 179
sync_municipalities = 853
ptv_url = $PTV_URL
ca_file = $CERTS/ca.pem
cache_dir = $cache
EOF
chmod 600 "$conf"
"$OPASTIN" --sync --config "$conf" --assets "$ASSETS" >"$tmpdir/sync.out" 2>"$tmpdir/sync.err"
ok_if "the sync fills the cache" test -s "$cache/ptv-services.jsonl"
stop_ptv

t() { msg fi "$1"; }

# focus_on NAME: move down the results until NAME has the focus.
focus_on() {
	for _ in $(seq 1 12); do
		focused "$1" && return 0
		keys Down
		sleep 0.05
	done
	wait_focus "$1" 1
}

start_with 80 24 "OPASTIN_NOW=2026-12-02T10:00:00Z" "" --lang fi --offline --cache-dir "$cache"
ok_if "Jyväskylä: through the questions to the results" child_results fi jyväs Jyväskylä
ok_if "the results name the register and the day of the sync" \
    wait_for "$(msg_prefix fi 'Services from the national service register (Suomi.fi), updated %s.' | words 3)"
ok_if "Jyväskylä's clinic from the register is among the results" focus_on "Kyllön neuvola (testi)"
ok_if "no other municipality's clinic" \
    sh -c '! printf "%s\n" "$1" | grep -qE "Turun testineuvola|Helsingin testineuvola"' - "$(screen)"
keys Enter
ok_if "the clinic's details" wait_for "$(t 'Service details')"
ok_if "its phone from the register, with the charge" seen "+358 401790001"
ok_if "its visiting address" seen "Testikyllöntie 12, 40100 JYVÄSKYLÄ"
ok_if "today's opening hours, open now" seen "Avoinna tänään 8.00–16.00 · avoinna nyt"
ok_if "when the register last changed it" seen "$(msg_prefix fi 'Last updated in the service register: %s')"
stop

start_with 80 24 "OPASTIN_NOW=2026-12-02T10:00:00Z" "" --lang fi --offline --cache-dir "$cache"
ok_if "Turku: through the questions to the results" child_results fi turku Turku
ok_if "Turku's clinic is among the results" focus_on "Turun testineuvola"
ok_if "not Jyväskylä's" sh -c '! printf "%s\n" "$1" | grep -q "Kyllön neuvola"' - "$(screen)"
stop

# A cache for Jyväskylä alone: Turku is not covered.
start_ptv ok || { echo "Bail out! the PTV test server did not restart"; exit 1; }
cat >"$conf" <<EOF
municipality_code = 179
ptv_url = $PTV_URL
ca_file = $CERTS/ca.pem
cache_dir = $tmpdir/cache-179
EOF
"$OPASTIN" --sync --config "$conf" --assets "$ASSETS" >"$tmpdir/sync.out" 2>"$tmpdir/sync.err"
ok_if "a sync for Jyväskylä alone" test -s "$tmpdir/cache-179/ptv-services.bin"
stop_ptv
start_with 80 24 "OPASTIN_NOW=2026-12-02T10:00:00Z" "" --lang fi --offline --cache-dir "$tmpdir/cache-179"
ok_if "Turku on a cache for 179: through the questions to the results" child_results fi turku Turku
ok_if "the results name the kiosk's own catalogue, not the register" \
    wait_for "$(msg_prefix fi "Suggestions from this kiosk's own service catalogue, checked %s." | words 3)"
ok_if "Varsinais-Suomi's child health clinic is among the results" \
    focus_on "Äitiys- ja lastenneuvola"
keys Enter
ok_if "its details name Varsinais-Suomi's county" wait_for "Varsinais-Suomen hyvinvointialue"
ok_if "no Jyväskylä clinic" sh -c '! printf "%s\n" "$1" | grep -qE "Kyllön neuvola|Keski-Suomen"' - "$(screen)"
stop

# The staff's diagnostics name the cache, its day and whom it serves.
pin=482105
printf '%s\n' "mode = kiosk" "$(echo "$pin" | "$OPASTIN" --hash-pin 2>/dev/null)" >"$tmpdir/staff.conf"
chmod 600 "$tmpdir/staff.conf"
start_with 100 30 "OPASTIN_NOW=2026-12-02T10:00:00Z" "" --config "$tmpdir/staff.conf" --lang en --offline --cache-dir "$tmpdir/cache-179"
wait_for "Find the public services" >/dev/null
open_diagnostics "$pin"
ok_if "staff diagnostics: the register's cache, its services and its day" \
    wait_re "Register +[0-9]+ services, synced [0-9]+ [A-Z][a-z]+ [0-9]{4}\."
ok_if "... and whom it serves" wait_for "Jyväskylä (179)"
stop
finish
