#!/bin/sh
# The staff diagnostics never show a secret: a backend_url with a user
# and password is refused before the kiosk starts, and a proxy's user
# and password are not on the screen.  (Review 9: the diagnostics showed
# "https://kiosk1:hunter2@...".)
. "$top_srcdir/tests/e2e/lib.sh"

pin=482193
hashline=$(echo "$pin" | "$OPASTIN" --hash-pin 2>/dev/null)
conf="$tmpdir/opastin.conf"
err="$tmpdir/err"

# secrets_not_shown: none of the users and passwords is on the screen.
secrets_not_shown() {
	for _s in kiosk1 hunter2 pxuser pxpass; do
		not_shown "$_s" || { diag "the screen shows $_s:" "$(screen)"; return 1; }
	done
}

# diagnostics: open the staff menu with the PIN, then the diagnostics,
# and wait until the backend's check is done (its URL is shown then).
diagnostics() {
	open_diagnostics "$pin" || return 1
	wait_re 'Backend +https://[^ ]*: ' 30
}

# A backend URL with a user and password: the kiosk does not start, or
# (as before) its diagnostics must still not show them.
printf '%s\n' "mode = kiosk" "$hashline" \
    "backend_url = https://kiosk1:hunter2@127.0.0.1:9/v1" \
    "proxy = http://pxuser:pxpass@127.0.0.1:9" >"$conf"
chmod 600 "$conf"
start_with 80 24 "" "$err" --config "$conf" --lang en
wait_re 'Find the public services|^\[opastin exited\]' 10 >/dev/null
if [ -n "$(exit_status)" ]; then
	ok_if "a backend_url with a password stops the kiosk with status 1" \
	    test "$(exit_status)" = 1
	ok_if "... saying to use client_id and client_secret" \
	    grep -q "client_id and client_secret" "$err"
	ok_if "... without the password" sh -c '! grep -q hunter2 "$1"' - "$err"
else
	diagnostics >/dev/null
	ok_if "a backend_url with a password is not shown in the diagnostics" secrets_not_shown
fi
stop

# A proxy with a user and password, in a file only its owner reads.
printf '%s\n' "mode = kiosk" "$hashline" \
    "backend_url = https://127.0.0.1:9/v1" \
    "proxy = http://pxuser:pxpass@127.0.0.1:9" >"$conf"
chmod 600 "$conf"
start_with 80 24 "" "$err" --config "$conf" --lang en
ok_if "with a proxy with a password the kiosk starts" wait_for "Find the public services"
ok_if "the diagnostics open" diagnostics
ok_if "... and show the backend" wait_for "https://127.0.0.1:9/v1"
ok_if "... but not the proxy's user or password" secrets_not_shown
stop

finish
