#!/bin/sh
# The configuration file: every error names FILE:LINE and exits 1 before
# the terminal is touched; a file holding a secret that others can read
# is refused; --check-config says what it checked; --hash-pin makes the
# staff_pin_hash line and refuses a PIN that is not 6 to 12 digits.
#
# No terminal here: stdin is /dev/null and stdout a file.  A configuration
# that were accepted would then stop at "the kiosk needs a terminal"
# (status 2), so status 1 with FILE:LINE shows the file was read and
# refused first.
. "$top_srcdir/tests/lib.sh"

out="$tmpdir/out"
err="$tmpdir/err"
conf="$tmpdir/opastin.conf"
ESC=$(printf '\033')

# run ARGS...: run opastin; its status in $rc, output in $out and $err.
run() {
	"$OPASTIN" "$@" </dev/null >"$out" 2>"$err"
	rc=$?
}

has() {	# has FILE TEXT: FILE holds the fixed string TEXT
	grep -qF -- "$2" "$1" || { diag "no \"$2\" in $(basename "$1"):" "$(cat "$1")"; return 1; }
}

# write_conf LINE...: the configuration file, one LINE a line, mode 600.
write_conf() {
	printf '%s\n' "$@" >"$conf"
	chmod 600 "$conf"
}

# refused WHAT TEXT...: the program ran on $conf and refused it: status
# 1, nothing on stdout, no terminal control sequences, and one line on
# stderr that starts with "opastin: FILE:3: " and holds each TEXT.
refused() {
	_what=$1
	shift
	_ok=yes
	[ "$rc" -eq 1 ] || { diag "status $rc, not 1"; _ok=no; }
	[ ! -s "$out" ] || { diag "stdout: $(cat "$out")"; _ok=no; }
	! grep -q "$ESC" "$out" "$err" || { diag "control sequences were written"; _ok=no; }
	[ "$(wc -l <"$err")" -eq 1 ] || { diag "stderr is not one line:" "$(cat "$err")"; _ok=no; }
	has "$err" "opastin: $conf:3: " || _ok=no
	for _t in "$@"; do
		has "$err" "$_t" || _ok=no
	done
	if [ "$_ok" = yes ]; then ok "$_what"; else not_ok "$_what"; fi
}

# bad KEY VALUE TEXT...: a bad value on line 3 is refused with FILE:3.
bad() {
	write_conf "# a kiosk" "default_language = en" "$1 = $2" "mode = kiosk"
	run --config "$conf" --assets "$ASSETS"
	shift 2
	refused "bad value: $(sed -n 3p "$conf") gives FILE:3" "$@"
}

# --- Errors with FILE:LINE --------------------------------------------
write_conf "# a kiosk" "mode = kiosk" "colour = blue" "theme = default"
run --config "$conf" --assets "$ASSETS"
refused "an unknown key gives FILE:3: unknown key" 'unknown key "colour"'
write_conf "mode = kiosk" "" "just words"
run --config "$conf" --assets "$ASSETS"
refused "a line without = gives FILE:3" 'expected "key = value"'
write_conf "mode = kiosk" "# nothing after =" "theme ="
run --config "$conf" --assets "$ASSETS"
refused "a key without a value gives FILE:3" "theme has no value"

bad mode kiosky "mode" '"kiosky"'
bad idle_timeout_s -1 "idle_timeout_s" '"-1"'
bad idle_timeout_s soon "idle_timeout_s" '"soon"'
bad idle_warning_s 0 "idle_warning_s" '"0"'
bad timeout_s 601 "timeout_s" '"601"'
bad connect_timeout_s 1.5 "connect_timeout_s" '"1.5"'
bad theme neon "theme" '"neon"'
bad languages de "languages" '"de"'
bad languages "fi, de" "languages" '"de"'
bad default_language de "default_language" '"de"'
bad speech loud "speech" '"loud"'
bad speech_key F10 "speech_key" '"F10"'
bad speech_key F4 "speech_key" '"F4"'
bad speech_rate 5 "speech_rate" '"5"'
bad speech_volume 500 "speech_volume" '"500"'
bad allow_insecure_http maybe "allow_insecure_http" '"maybe"'
bad municipality_code 12 "municipality_code" '"12"'
bad municipality_code 999 "municipality_code 999"

# --- Every error in one run, in line order ---------------------------
write_conf "# a kiosk" "idle_timeout = 60" "mode = kiosk" "municipality_code = 999" "theme = neon"
for args in "" "--check-config"; do
	run --config "$conf" --assets "$ASSETS" $args
	ok_if "${args:-start-up}: a file with three bad lines exits 1" test "$rc" -eq 1
	ok_if "... writes three lines, one an error" test "$(wc -l <"$err")" -eq 3
	ok_if "... in line order, each with FILE:LINE, the check of line 4 among them" sh -c '
	    sed -n 1p "$2" | grep -qF "opastin: $1:2: unknown key" &&
	    sed -n 2p "$2" | grep -qF "opastin: $1:4: municipality_code 999" &&
	    sed -n 3p "$2" | grep -qF "opastin: $1:5: theme must be"' - "$conf" "$err"
	ok_if "... suggesting the near key for a misspelt one" \
	    has "$err" 'unknown key "idle_timeout"; did you mean idle_timeout_s?'
	ok_if "... and writes nothing on stdout" test ! -s "$out"
done
# The security checks are among them.
printf '%s\n' "mode = kioks" "$(echo 246810 | "$OPASTIN" --hash-pin 2>/dev/null)" "colour = blue" >"$conf"
chmod 666 "$conf"
run --config "$conf" --assets "$ASSETS" --check-config
ok_if "a bad key, a secret anyone can read and a file anyone can change: status 1" test "$rc" -eq 1
ok_if "... all four errors, the whole file's first" sh -c '
    sed -n 1p "$2" | grep -qF "opastin: $1: others than its owner can change the file" &&
    sed -n 2p "$2" | grep -qF "opastin: $1:1: mode must be" &&
    sed -n 3p "$2" | grep -qF "opastin: $1:2: the file holds a secret but anyone can read it" &&
    sed -n 4p "$2" | grep -qF "opastin: $1:3: unknown key \"colour\"" &&
    test "$(wc -l <"$2")" -eq 4' - "$conf" "$err"
ok_if "... never printing the hash" sh -c '! grep -qF "\$" "$1"' - "$err"
printf 'mode = kiosk\nthe\000me = default\nmode = plain\n' >"$conf"
chmod 600 "$conf"
run --config "$conf" --assets "$ASSETS" --check-config
ok_if "a NUL byte is still refused with FILE:LINE, and alone" sh -c '
    test "$(wc -l <"$2")" -eq 1 && grep -qF "opastin: $1:2: the file holds a NUL byte" "$2"' - "$conf" "$err"

# Errors between keys name the file.
write_conf "idle_timeout_s = 10" "idle_warning_s = 20"
run --config "$conf" --assets "$ASSETS"
ok_if "a warning longer than the timeout is refused with status 1" test "$rc" -eq 1
ok_if "... naming the file, the line and both keys" \
    sh -c 'grep -qF "$1:2: idle_warning_s (20) must be shorter than idle_timeout_s (10)" "$2"' - "$conf" "$err"
write_conf "mode = kiosk" "staff_pin_hash = 1234"
run --config "$conf" --assets "$ASSETS"
ok_if "a staff PIN in the clear is refused with status 1" test "$rc" -eq 1
ok_if "... saying to use --hash-pin" has "$err" "staff_pin_hash is not a hash"
ok_if "... and never printing it" sh -c '! grep -q 1234 "$1"' - "$err"

# --- Secrets in a file others can read ------------------------------
hashline=$(echo 246813 | "$OPASTIN" --hash-pin 2>/dev/null)
for secret in "$hashline" "client_secret = s3cret-value"; do
	key=${secret%% =*}
	printf '%s\n' "# kiosk" "mode = kiosk" "$secret" >"$conf"
	chmod 644 "$conf"
	run --config "$conf" --assets "$ASSETS" --check-config
	ok_if "$key in a file of mode 644 is refused with status 1" test "$rc" -eq 1
	ok_if "... with a message naming the file and the line" has "$err" "opastin: $conf:3: "
	ok_if "... saying why" has "$err" "anyone can read it"
	ok_if "... and how to fix it" has "$err" "chmod 640 $conf"
	ok_if "... without the secret" sh -c '! grep -qF -- "${1#*= }" "$2"' - "$secret" "$err"
	ok_if "... and without checking on" test ! -s "$out"
	chmod 604 "$conf"
	run --config "$conf" --assets "$ASSETS" --check-config
	ok_if "$key in a file of mode 604 is refused too" test "$rc" -eq 1
	chmod 640 "$conf"
	run --config "$conf" --assets "$ASSETS" --check-config
	ok_if "$key in a file of mode 640 is accepted" test "$rc" -eq 0
	chmod 600 "$conf"
	run --config "$conf" --assets "$ASSETS" --check-config
	ok_if "$key in a file of mode 600 is accepted" test "$rc" -eq 0
done
printf '%s\n' "mode = kiosk" "theme = monochrome" >"$conf"
chmod 644 "$conf"
run --config "$conf" --assets "$ASSETS" --check-config
ok_if "a file of mode 644 without a secret is accepted" test "$rc" -eq 0

# --- --check-config with a good file --------------------------------
write_conf "# A kiosk in a library" "mode = kiosk" "municipality_code = 179" \
    "default_language = fi" "languages = fi, sv, en" "idle_timeout_s = 120" \
    "idle_warning_s = 20   # seconds" "theme = high-contrast" "$hashline" \
    "speech = key" "speech_key = F3" "allow_insecure_http = no"
run --config "$conf" --assets "$ASSETS" --check-config --lang en
ok_if "--check-config with a good file exits 0" test "$rc" -eq 0
ok_if "... says the configuration was checked, with its settings" \
    has "$out" "Configuration $conf: OK, 11 settings."
ok_if "... says the assets were checked" has "$out" "Assets $ASSETS: OK,"
ok_if "... counts what the assets hold" grep -qE 'life events, [0-9]+ questions, [0-9]+ services, [0-9]+ municipalities' "$out"
ok_if "... and writes no error" test ! -s "$err"
# The catalogue's date in each language's form: fi and sv 2.12.2026,
# en 2 December 2026.
iso=$(sed -n 's/^ *"catalogue_date": *"\([^"]*\)".*/\1/p' "$ASSETS/catalogue.json" | head -n 1)
y=${iso%%-*} m=${iso#*-} m=${m%-*} d=${iso##*-}
m=${m#0} d=${d#0}
month=$(echo "January February March April May June July August September October November December" |
    cut -d ' ' -f "$m")
ok_if "... the catalogue's date in English's form: $d $month $y" has "$out" "catalogue dated $d $month $y."
for l in fi sv; do
	run --config "$conf" --assets "$ASSETS" --check-config --lang $l
	ok_if "--check-config --lang $l: the catalogue's date as $d.$m.$y" grep -qF " $d.$m.$y." "$out"
	ok_if "... never in ISO form" sh -c '! grep -qF "$1" "$2"' - "$iso" "$out"
done
run --config "$conf" --assets "$ASSETS" --check-config --lang en
ok_if "... and never prints the PIN hash" sh -c '! grep -qF "\$" "$1"' - "$out"

# --- --hash-pin -----------------------------------------------------
hash_pin() {
	printf '%s\n' "$1" | "$OPASTIN" --hash-pin >"$out" 2>"$err"
	rc=$?
}
hash_pin 12a4
ok_if "--hash-pin with 12a4 fails with status 2" test "$rc" -eq 2
ok_if "... saying a PIN has only digits" has "$err" "only digits"
ok_if "... and prints no line" test ! -s "$out"
hash_pin 12
ok_if "--hash-pin with 12 fails with status 2" test "$rc" -eq 2
ok_if "... saying how many digits a PIN has" has "$err" "6 to 12 digits, not 2"
hash_pin 2468
ok_if "--hash-pin with 4 digits fails with status 2" test "$rc" -eq 2
ok_if "... saying a PIN has at least 6 digits" has "$err" "6 to 12 digits, not 4"
ok_if "... and prints no line" test ! -s "$out"
hash_pin 12345
ok_if "--hash-pin with 5 digits fails with status 2" test "$rc" -eq 2
hash_pin 1234567890123
ok_if "--hash-pin with 13 digits fails with status 2" test "$rc" -eq 2
"$OPASTIN" --hash-pin </dev/null >"$out" 2>"$err"
rc=$?
ok_if "--hash-pin with no PIN at all fails with status 2" test "$rc" -eq 2
hash_pin 246813
ok_if "--hash-pin with 246813 exits 0" test "$rc" -eq 0
ok_if "the printed line starts with \"staff_pin_hash = \$\"" \
    sh -c 'head -n 1 "$1" | grep -q "^staff_pin_hash = \\$"' - "$out"
ok_if "it prints one line" test "$(wc -l <"$out")" -eq 1
ok_if "the line does not hold the PIN" sh -c '! grep -q 246813 "$1"' - "$out"
first=$(cat "$out")
hash_pin 246813
ok_if "the hash is salted: the same PIN hashes differently" test "$(cat "$out")" != "$first"
write_conf "mode = kiosk" "$first"
run --config "$conf" --assets "$ASSETS" --check-config
ok_if "the printed line, pasted into a configuration, is accepted" test "$rc" -eq 0
finish
