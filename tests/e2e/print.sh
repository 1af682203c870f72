#!/bin/sh
# Printing the services (issue 13) through print_command, which here
# writes its standard input to a file (tee, run without a shell): the
# printout holds the services with their contacts, the date and the
# place, and none of the citizen's answers: not the words typed, not the
# reasons.  A command that fails (exit 1) and one that hangs (stopped
# after 10 s, the interface answering keys meanwhile) say so plainly.
# Without print_command nothing offers printing.
. "$top_srcdir/tests/e2e/lib.sh"

out="$tmpdir/printout"
conf() {
	printf 'print_command = %s\nsite_name = Kirjasto Oodi, Helsinki\n' "$1" >"$tmpdir/opastin.conf"
}


# The first line of each service on the results screen: its name.
names() {
	screen | sed -n 's/^ *>\{0,1\} *[0-9][0-9]*  \(.*[^ ]\) *$/\1/p' | sed 's/ *↓$//'
}

printed() {
	wait_for "$(msg fi 'Printed. Please take your printout from the printer.')" "${1:-10}"
}

conf "tee '$out'"
start_with 80 24 "OPASTIN_NOW=2026-12-02T10:00:00Z" "" --lang fi --offline --config "$tmpdir/opastin.conf"
ok_if "fi: the services found by a search" search_results fi työtön
shown=$(names)
keys End
ok_if "the results offer printing, under the services" wait_for "$(msg fi 'Print these services (p)')"
keys p
ok_if "before printing, the screen says what the printout holds" \
    wait_joined "$(msg fi 'None of your answers is printed.')"
ok_if "and the place" wait_joined "Kirjasto Oodi, Helsinki"
ok_if "nothing is printed yet" test ! -e "$out"
keys Enter
ok_if "printed, said on the screen" printed
diag "the printout:" "$(cat "$out")"
ok_if "the printout holds the date and time in Helsinki" grep -q "2\.12\.2026 klo 12\.00" "$out"
ok_if "and the place" grep -qF "Kirjasto Oodi, Helsinki" "$out"
missing=""
echo "$shown" | while IFS= read -r n; do
	[ -n "$n" ] && ! grep -qF -- "$n" "$out" && echo "$n"
done >"$tmpdir/missing"
ok_if "every service shown is on the printout" test -n "$shown" -a ! -s "$tmpdir/missing"
ok_if "with web addresses" grep -q "https://" "$out"
ok_if "no line is wider than 80 columns" python3 -c '
import sys
sys.exit(any(len(l.rstrip("\n")) > 80 for l in open(sys.argv[1], encoding="utf-8")))' "$out"
ok_if "not the words the citizen typed" sh -c "! grep -qi työtön '$out'"
ok_if "not why the services were chosen" sh -c "! grep -qF '$(msg fi 'Why: it matches the words you searched for.')' '$out'"
stop

# One service from its details: a local clinic from the register, for a
# citizen who had a child and lives in Jyväskylä.
assets="$tmpdir/assets"
mkdir "$assets"
cp "$ASSETS"/*.json "$ASSETS"/*.tsv "$assets"/
cp "$DATA/register/catalogue.json" "$assets/catalogue.json"
rm -f "$out"
start_with 80 24 "OPASTIN_NOW=2026-12-02T10:00:00Z" "" --lang fi --offline --config "$tmpdir/opastin.conf" --assets "$assets"
to_clinic() {
	child_results fi jyväs Jyväskylä && open_detail fi "Neuvola Kyllö"
}
ok_if "fi: the clinic's details" to_clinic
ok_if "the details offer printing" wait_for "[ p $(msg fi 'Print') ]"
keys p
ok_if "what the printout of one service holds" \
    wait_joined "$(msg fi 'The printout will hold this service with its phone numbers and opening hours, web addresses and visiting addresses,' | cut -d' ' -f1-6)"
keys Enter
ok_if "printed" printed
diag "the printout of the clinic:" "$(cat "$out")"
ok_if "the clinic" grep -qF "Neuvola Kyllö" "$out"
ok_if "only the clinic" test "$(grep -c '^[0-9][0-9]*\. ' "$out")" = 1
ok_if "its phone" grep -qF "+358 14 266 0111" "$out"
ok_if "its opening hours" grep -qF "ma–pe 8.00–16.00" "$out"
ok_if "its address" grep -qF "Kyllönkatu 5, 40100 Jyväskylä" "$out"
ok_if "not the reasons, which quote the answers" sh -c "! grep -q '^ *$(msg fi 'Why: %s' | sed 's/%s//')' '$out'"
stop

# A command that fails.
rm -f "$out"
conf "false"
start_with 80 24 "" "" --lang fi --offline --config "$tmpdir/opastin.conf"
search_results fi työtön
keys p
wait_joined "$(msg fi 'None of your answers is printed.')"
keys Enter
ok_if "exit 1: a clear message with the status" \
    wait_joined "$(msgf fi 'The printout failed (the printer command ended with status %d). Please ask the staff. The services are still on the screen.' 1 | words 5)"
ok_if "exit 1: the results are still there" wait_for "Opastin · $(msg fi 'Services for you')"
stop

# A command that hangs: stopped after 10 s; meanwhile keys are answered.
conf "sleep 60"
start_with 80 24 "" "" --lang fi --offline --config "$tmpdir/opastin.conf"
search_results fi työtön
keys p
wait_joined "$(msg fi 'None of your answers is printed.')"
keys Enter
started=$(ms_now)
ok_if "hanging: printing is under way" wait_for "$(msg fi 'Printing…')"
keys F1
ok_if "hanging: the interface answers keys meanwhile (F1, help)" wait_for "Opastin · $(msg fi 'Help')" 3
keys Escape
ok_if "hanging: back to the results" wait_for "Opastin · $(msg fi 'Services for you')" 3
ok_if "hanging: stopped after the time limit, said plainly" \
    wait_joined "$(msgf fi 'The printer did not finish within %d seconds, so printing was stopped. Please ask the staff. The services are still on the screen.' 10 | words 4)" 15
took=$(( $(ms_now) - started ))
diag "stopped after $took ms"
ok_if "hanging: not before 10 s" test "$took" -ge 9500
# The printer command is a child of the helper that starts programs
# (tui/spawner.h), itself a child of the program.
kiosk_pid=$(pane_child)
helpers=$(pgrep -d, -P "$kiosk_pid")
ok_if "hanging: the command is gone" sh -c "! pgrep -f '^sleep 60$' -P '$kiosk_pid${helpers:+,$helpers}' >/dev/null"
stop

# No print_command: nothing offers printing, and p does nothing.
start 80 24 --lang fi --offline
search_results fi työtön
ok_if "no printer: no print button on the results" not_shown "$(msg fi 'Print these services (p)')"
keys p
ok_if "no printer: p does nothing" stays_away "$(msg fi 'None of your answers is printed.')" 0.5
keys Enter
wait_for "$(msg fi 'Service details')"
ok_if "no printer: no print button on the details" not_shown "[ p $(msg fi 'Print') ]"
stop
finish
