#!/bin/sh
# The log of a whole kiosk session holds operational events only: start,
# stop, resets, staff logins and wrong PINs.  Never what a citizen
# entered: the life event, a municipality (or the letters typed to find
# it), a meter's rating, the age group, the words searched for; and never
# the staff PIN.
. "$top_srcdir/tests/e2e/lib.sh"

pin=593716
wrong=864205
hashline=$(echo "$pin" | "$OPASTIN" --hash-pin 2>/dev/null)
conf="$tmpdir/opastin.conf"
printf '%s\n' "mode = kiosk" "$hashline" >"$conf"
chmod 600 "$conf"
log="$tmpdir/log"

start_with 80 24 "" "$log" --config "$conf" --lang en --log-stderr
ok_if "the kiosk starts" wait_for "Find the public services"

# Staff: a wrong PIN, then the right one, then back.
keys F12
wait_for "Staff PIN, then Enter:" >/dev/null
type "$wrong"
keys Enter
ok_if "a wrong staff PIN is refused" wait_for "Wrong PIN."
type "$pin"
keys Enter
ok_if "the right staff PIN opens the menu" wait_for "Staff menu"
keys 4 Enter
ok_if "Back closes the staff menu" wait_gone "Staff menu"

# A citizen: life event, a meter rated 7, a municipality found by typing,
# an age group.
keys 3 Enter
wait_for "What has happened in your life?" >/dev/null
keys 3 Enter
ok_if "the citizen chooses a life event" wait_for "Opastin · Moving home"
enter_until "How is your housing situation" >/dev/null
keys 7
ok_if "the citizen rates housing 7" wait_focus "7  ( )"
keys Enter
enter_until "Which municipality" >/dev/null
type jyvas
ok_if "typing jyvas finds Jyväskylä" wait_focus "Jyväskylä"
keys Enter
ok_if "the age-group question" wait_for "Which age group are you in?"
keys 4
wait_focus "50–64" >/dev/null
keys Enter
ok_if "the review shows the rating" wait_for "Housing: 7 of 10"
ok_if "the review shows the municipality" wait_for "Municipality: Jyväskylä"
ok_if "the review shows the age group" wait_for "Age group: 50–64"
keys Enter
ok_if "the results appear" wait_for "Services for you"
keys Enter
ok_if "the details of a service appear" wait_for "Service details"
keys F10
wait_for "Yes, start over" >/dev/null
keys 2 Enter
ok_if "F10 starts over" wait_for "Find the public services"

# Another citizen searches by words.
keys 3 Enter
wait_for "What has happened in your life?" >/dev/null
keys End
wait_focus "Search by words instead" >/dev/null
keys Enter
ok_if "the search by words opens" wait_for "What kind of service are you looking for?"
type asumistuki
keys Enter
ok_if "the search finds services" wait_for "Services for you"
keys F10
wait_for "Yes, start over" >/dev/null
keys 2 Enter
ok_if "F10 starts over again" wait_for "Find the public services"

pid=$(pane_child)
[ -n "$pid" ] && kill -TERM "$pid"
ok_if "the kiosk ends on SIGTERM" wait_exit 5

# The log, and its text without the time stamps (whose digits are no
# answer).
body=$(sed 's/^[0-9-]* [0-9:]* //' "$log")
diag "the log:" "$body"
has() {
	grep -qF -- "$1" "$log"
}
ok_if "the log has the start" has "started in kiosk mode"
ok_if "the log has the resets" test "$(grep -c 'session reset' "$log")" -ge 2
ok_if "the log has the staff login" has "staff login"
ok_if "the log has the wrong PIN" has "wrong staff PIN"
ok_if "the log has the stop" has "stopped"

# never WHAT TEXT: the log does not hold TEXT (in any letter case).
never() {
	if printf '%s\n' "$body" | grep -qiF -- "$2"; then
		not_ok "the log holds no $1 (\"$2\")"
	else
		ok "the log holds no $1 (\"$2\")"
	fi
}
never "life event" "Moving home"
never "life event code" "KE4"
never "follow-up answer" "parents' home"
never "municipality" "Jyväskylä"
never "municipality (unaccented)" "Jyvaskyla"
never "municipality code" "179"
never "typed letters" "jyvas"
never "meter" "Housing"
never "rating" "7 of 10"
never "rating" "7/10"
never "age group" "50–64"
never "age group" "50-64"
never "search words" "asumistuki"
never "staff PIN" "$pin"
never "wrong staff PIN" "$wrong"
never "PIN hash" "\$y\$"

# Every line is one of the operational events the program logs.
events='^opastin: (started in |stopped$|session reset$|idle timeout|staff login$|staff quit$|warning: wrong staff PIN|warning: staff PIN locked for [0-9]+ minutes? after [0-9]+ wrong PINs$|mode changed to |staff diagnostics: |backend: |sandboxed: |warning: the sandbox could not be applied|warning: built without seccomp|warning: a sanitizer build is not sandboxed)'
other=$(printf '%s\n' "$body" | grep -vE "$events" || true)
ok_if "every line of the log is an operational event" test -z "$other"
[ -z "$other" ] || diag "other lines:" "$other"
finish
