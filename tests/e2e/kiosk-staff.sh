#!/bin/sh
# The staff menu of a kiosk: F12 and the staff PIN open it; a wrong PIN
# does not, and wrong ones lock it for longer and longer (the times
# themselves are checked over a fake clock in tests/unit/test-staff.c); from it staff quit, read the
# diagnostics and switch to counter mode.  Without a PIN configured, F12
# does nothing.
. "$top_srcdir/tests/e2e/lib.sh"

pin=482105
hashline=$(echo "$pin" | "$OPASTIN" --hash-pin 2>/dev/null)
conf="$tmpdir/opastin.conf"
printf '%s\n' "mode = kiosk" "$hashline" >"$conf"
chmod 600 "$conf"
log="$tmpdir/log"
version=$("$OPASTIN" --version)

# enter_pin DIGITS: type a PIN and Enter on the PIN prompt.
enter_pin() {
	type "$1"
	keys Enter
}

# wrong_pin: one wrong PIN, and wait until the program has said so.  The
# first digit clears the message of the attempt before.
wrong_pin() {
	type 9
	wait_gone "Wrong PIN." 5 || return 1
	type 99999
	keys Enter
	wait_for "Wrong PIN." 5
}

start_with 80 24 "" "$log" --config "$conf" --lang en --log-stderr
ok_if "the kiosk starts" wait_for "Find the public services"
keys F12
ok_if "F12 asks for the staff PIN" wait_for "Staff PIN, then Enter:"
type 12
ok_if "the PIN's digits show as dots" wait_for "••"
ok_if "the PIN's digits are not shown" not_shown "12"
keys BSpace BSpace
wait_gone "•" 5 >/dev/null
enter_pin 999999
ok_if "a wrong PIN says so" wait_for "Wrong PIN."
ok_if "a wrong PIN does not open the staff menu" not_shown "Staff menu"
type 1
wait_gone "Wrong PIN." 5 >/dev/null
keys BSpace
enter_pin "$pin"
ok_if "the right PIN opens the staff menu" wait_for "Staff menu"
ok_if "the menu offers to quit" wait_for "Quit Opastin"
ok_if "the menu offers diagnostics" wait_for "Diagnostics"
ok_if "the menu offers counter mode" wait_for "Switch to counter mode"
ok_if "the menu offers to go back" wait_for "Back"

keys 2 Enter
ok_if "diagnostics show the backend" wait_for "Backend"
ok_if "diagnostics show the version ($version)" wait_for "$version"
ok_if "diagnostics show the mode" wait_re 'Mode +kiosk'
ok_if "diagnostics show the data language" wait_for "Data language"
ok_if "diagnostics show the asset and catalogue dates" wait_re 'questions [0-9]+ [A-Z][a-z]+ [0-9]{4}, catalogue [0-9]+ [A-Z][a-z]+ [0-9]{4}'
ok_if "diagnostics say no register cache serves" wait_re 'Register +none: the bundled catalogue serves every citizen'

keys 3 Enter
ok_if "switching to counter mode closes the menu" wait_gone "Staff menu"
keys F4
ok_if "counter mode is on: F4 shows the citizen's answers" wait_for "The citizen's answers"
keys Escape
wait_gone "The citizen's answers" 5 >/dev/null
keys F12
wait_for "Staff PIN, then Enter:" 5 >/dev/null
enter_pin "$pin"
ok_if "the staff menu opens again" wait_for "Staff menu"
ok_if "in counter mode the menu offers kiosk mode" wait_for "Switch to kiosk mode"
ok_if "... and no longer counter mode" not_shown "Switch to counter mode"
keys 1 Enter
ok_if "Quit Opastin ends the program" wait_exit 5
ok_if "... with exit status 0" test "$(exit_status)" = 0
ok_if "... and the terminal restored" tty_restored
ok_if "the log has the staff login" grep -q "staff login" "$log"
ok_if "the log has the wrong PIN" grep -q "wrong staff PIN" "$log"
ok_if "the log has the mode change" grep -q "mode changed to counter" "$log"
ok_if "the log has the staff quit" grep -q "staff quit" "$log"
ok_if "the log never holds the PIN" sh -c '! grep -q "$1" "$2"' - "$pin" "$log"

# The lock-out, in a run of its own.
stop
start_with 80 24 "" "$log" --config "$conf" --lang en --log-stderr
wait_for "Find the public services" >/dev/null
keys F12
wait_for "Staff PIN, then Enter:" 5 >/dev/null
enter_pin 111111
wait_for "Wrong PIN." 5 >/dev/null
n=1
while [ "$n" -lt 4 ] && wrong_pin; do n=$((n + 1)); done
ok_if "four wrong PINs are each refused" test "$n" = 4
ok_if "four wrong PINs do not lock the menu" not_shown "Too many wrong PINs"
wrong_pin >/dev/null
lock_re=$(msg_re en 'Too many wrong PINs. Try again in %lld s.' '#')
ok_if "the fifth wrong PIN locks the staff menu" wait_re "$lock_re"
ok_if "the lock lasts a minute" wait_re 'Try again in (60|5[0-9]) s'
# after_keys: wait until the keys sent so far have been read, by opening
# and closing the help over whatever screen they left.
after_keys() {
	keys F1
	wait_for "Opastin · Help" 5 && keys F1 && wait_gone "Opastin · Help" 5
}
enter_pin "$pin"
after_keys
ok_if "the right PIN does not open the locked menu" not_shown "Staff menu"
ok_if "... the lock-out stays on the screen" wait_re "$lock_re"
keys Escape
ok_if "Esc leaves the locked PIN prompt" wait_gone "Too many wrong PINs"
keys F12
ok_if "F12 again shows the lock-out" wait_re "$lock_re"
ok_if "the lock-out prompts for no PIN" not_shown "Staff PIN, then Enter:"
enter_pin "$pin"
after_keys
ok_if "the right PIN again does not open the menu" not_shown "Staff menu"
ok_if "the program is still running" not_shown "[opastin exited]"
ok_if "the log says the PIN is locked, for how long and after how many" \
    grep -q "staff PIN locked for 1 minute after 5 wrong PINs" "$log"
ok_if "no staff login while locked" sh -c '! grep -q "staff login" "$1"' - "$log"

# Without staff_pin_hash there is no staff menu.
stop
printf '%s\n' "mode = kiosk" >"$conf"
start 80 24 --config "$conf" --lang en
wait_for "Find the public services" >/dev/null
keys F12
keys Home
wait_focus Suomi 5 >/dev/null
ok_if "without staff_pin_hash F12 does nothing" not_shown "Staff PIN"
ok_if "... and the welcome screen stays" wait_for "Find the public services"
finish
