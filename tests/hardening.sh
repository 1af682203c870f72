#!/bin/sh
# What the security and reliability review of 2026-12 found (issue 14),
# each case failing on the code it reviewed: output that cannot be
# written, size limits, configuration that failed open, paths that are
# not files, hostile bytes echoed in messages, terminals that cannot
# address the cursor, and proxies from the environment.
. "$top_srcdir/tests/lib.sh"

out="$tmpdir/out"
err="$tmpdir/err"
conf="$tmpdir/opastin.conf"
profiles="$DATA/profiles"
ESC=$(printf '\033')

# run ARGS...: run opastin; its status in $rc, output in $out and $err.
run() {
	"$OPASTIN" "$@" </dev/null >"$out" 2>"$err"
	rc=$?
}

has() {	# has FILE TEXT: FILE holds the fixed string TEXT
	grep -qF -- "$2" "$1" || { diag "no \"$2\" in $(basename "$1"):" "$(cat "$1")"; return 1; }
}

one_line() {	# one_line FILE: FILE has exactly one line
	[ "$(wc -l <"$1")" -eq 1 ] || { diag "$(basename "$1") is not one line:" "$(cat "$1")"; return 1; }
}

# write_conf LINE...: the configuration file, one LINE a line, mode 600.
write_conf() {
	printf '%s\n' "$@" >"$conf"
	chmod 600 "$conf"
}

# --- Output that cannot be written (review 6) -----------------------

# full WHAT ARGS...: opastin ARGS with stdout on /dev/full exits 1 with
# one line on stderr saying standard output could not be written.
full() {
	_what=$1
	shift
	"$OPASTIN" "$@" </dev/null >/dev/full 2>"$err"
	rc=$?
	ok_if "$_what > /dev/full exits 1" test "$rc" -eq 1
	ok_if "... with one line on stderr" one_line "$err"
	ok_if "... saying standard output could not be written" \
	    has "$err" "opastin: $(msg en 'cannot write to standard output'): "
}

if [ -w /dev/full ]; then
	full "--help" --help
	full "--version" --version
	full "--check-config" --assets "$ASSETS" --check-config
	full "--profile --format json" --assets "$ASSETS" --profile "$profiles/en-job.json" --format json
	full "--profile --format text" --assets "$ASSETS" --profile "$profiles/en-job.json"
else
	ok "/dev/full # SKIP no /dev/full here"
fi

# --- Exact size limits (review 7) ------------------------------------

# pad FILE SIZE: append spaces to FILE until it is SIZE bytes long.
pad() {
	_have=$(wc -c <"$1")
	head -c "$(($2 - _have))" /dev/zero | tr '\0' ' ' >>"$1"
}

cp "$profiles/en-job.json" "$tmpdir/max.json"
pad "$tmpdir/max.json" 1048576
run --assets "$ASSETS" --profile "$tmpdir/max.json"
ok_if "a profile of 1,048,576 bytes is read" test "$rc" -eq 0
cp "$profiles/en-job.json" "$tmpdir/over.json"
pad "$tmpdir/over.json" 1048577
run --assets "$ASSETS" --profile "$tmpdir/over.json"
ok_if "a profile of 1,048,577 bytes is refused with status 2" test "$rc" -eq 2
ok_if "... saying it is too large" has "$err" "larger than 1048576 bytes"

write_conf "mode = plain"
pad "$conf" 1048576
run --config "$conf" --assets "$ASSETS" --check-config
ok_if "a configuration of 1,048,576 bytes is read" test "$rc" -eq 0
write_conf "mode = plain"
pad "$conf" 1048577
run --config "$conf" --assets "$ASSETS" --check-config
ok_if "a configuration of 1,048,577 bytes is refused with status 1" test "$rc" -eq 1
ok_if "... saying it is too large" has "$err" "larger than 1048576 bytes"

# --- Configuration that fails open (review 8 and 9) ------------------

# refused WHAT TEXT...: the last run refused $conf: status 1, nothing on
# stdout, one line on stderr holding each TEXT.
refused() {
	_what=$1
	shift
	_ok=yes
	[ "$rc" -eq 1 ] || { diag "status $rc, not 1"; _ok=no; }
	[ ! -s "$out" ] || { diag "stdout: $(cat "$out")"; _ok=no; }
	one_line "$err" || _ok=no
	for _t in "$@"; do
		has "$err" "$_t" || _ok=no
	done
	if [ "$_ok" = yes ]; then ok "$_what"; else not_ok "$_what"; fi
}

# check LINE...: --check-config on a file of the LINEs (mode 600).
check() {
	write_conf "$@"
	run --config "$conf" --assets "$ASSETS" --check-config
}

printf 'mode = plain\n\0mode = kiosk\n' >"$conf"
chmod 600 "$conf"
run --config "$conf" --assets "$ASSETS" --check-config
refused "a NUL byte in the configuration is refused with FILE:LINE" \
    "opastin: $conf:2: " "NUL"

check "mode = kiosk" 'staff_pin_hash = $'
refused "staff_pin_hash = \$ is refused" "opastin: $conf:2: " "staff_pin_hash is not a hash"
check "mode = kiosk" 'staff_pin_hash = $y$j9T$short'
refused "a yescrypt hash cut short is refused" "opastin: $conf:2: " "staff_pin_hash is not a hash"
check "mode = kiosk" 'staff_pin_hash = $1$saltsalt$qjXMvbEw8oaL.CzflDugX/'
refused "an MD5 crypt hash is refused" "opastin: $conf:2: " "staff_pin_hash is not a hash"
sha512='$6$saltsalt$1ItdnqZPqIYWBXgtUMURMTBF14QK9EfunMB0cw18s/ceTO8SEDWlSGZwRVfLuubb/cY3WUT1lxFOuL4.f2zwq1'
check "mode = kiosk" "staff_pin_hash = $sha512"
ok_if "a SHA-512 crypt hash is accepted" test "$rc" -eq 0
line=$(echo 135790 | "$OPASTIN" --hash-pin 2>/dev/null)
check "mode = kiosk" "$line"
ok_if "the hash --hash-pin makes is accepted" test "$rc" -eq 0

check "mode = plain" "ca_file = $tmpdir/no-such.pem"
refused "a ca_file that does not exist is refused" "opastin: $conf:2: " "ca_file"
check "mode = plain" "ca_file = /etc"
refused "a ca_file that is a directory is refused" "opastin: $conf:2: " "ca_file" "not a regular file"
run --assets "$ASSETS" --check-config --ca-file /etc
ok_if "--ca-file /etc is refused with status 2" test "$rc" -eq 2
ok_if "... naming --ca-file" has "$err" "opastin: --ca-file: "
printf 'not really a CA\n' >"$tmpdir/ca.pem"
check "mode = plain" "ca_file = $tmpdir/ca.pem"
ok_if "a ca_file that is a readable file is accepted" test "$rc" -eq 0

check "mode = plain" "pinned_public_key = nonsense"
refused "pinned_public_key = nonsense is refused" "opastin: $conf:2: " "pinned_public_key"
check "mode = plain" "pinned_public_key = sha256//abc"
refused "a pin whose digest is not 32 bytes in base64 is refused" "opastin: $conf:2: " "pinned_public_key"
pin1='sha256//YhKJKSzoTt2b5FP18fvpHo7fJYqQCjAa3HWY3tvRMwE='
pin2='sha256//t62CeU2tQiqkexU74Gxa2eg7fRbEgoChTociMee9wno='
check "mode = plain" "pinned_public_key = $pin1;$pin2"
ok_if "two sha256// pins separated by ; are accepted" test "$rc" -eq 0
check "mode = plain" "pinned_public_key = $pin1;"
refused "a pin list with an empty item is refused" "opastin: $conf:2: " "pinned_public_key"
check "mode = plain" "pinned_public_key = $tmpdir/ca.pem"
ok_if "a pinned_public_key that is a readable file is accepted" test "$rc" -eq 0

check "mode = plain" "languages = fi,,sv"
refused "languages = fi,,sv is refused" "opastin: $conf:2: " "languages"
check "mode = plain" "languages = fi, sv,"
refused "languages ending in a comma is refused" "opastin: $conf:2: " "languages"
check "mode = plain" "languages = fi, sv"
ok_if "languages = fi, sv is accepted" test "$rc" -eq 0

check "mode = plain" "backend_url = https://kiosk1:hunter2@backend.example.net/v1"
refused "a backend_url with a user and password is refused" \
    "opastin: $conf:2: " "client_id and client_secret"
ok_if "... without the password" sh -c '! grep -q hunter2 "$1"' - "$err"
check "mode = plain" "backend_url = https://kiosk1@backend.example.net/v1"
refused "a backend_url with a user name is refused" "opastin: $conf:2: " "client_id and client_secret"
run --assets "$ASSETS" --check-config --backend https://u:hunter2@backend.example.net/v1
ok_if "--backend with a password is refused" test "$rc" -ne 0
ok_if "... without the password" sh -c '! grep -q hunter2 "$1"' - "$err"

write_conf "mode = plain" "proxy = http://pxuser:pxpass@127.0.0.1:3128"
chmod 644 "$conf"
run --config "$conf" --assets "$ASSETS" --check-config
refused "a proxy with a password in a file anyone can read is refused" \
    "opastin: $conf:2: " "anyone can read it" "chmod 640 $conf"
ok_if "... without the password" sh -c '! grep -q pxpass "$1"' - "$err"
chmod 640 "$conf"
run --config "$conf" --assets "$ASSETS" --check-config
ok_if "... and accepted in a file of mode 640" test "$rc" -eq 0
write_conf "mode = plain" "proxy = http://127.0.0.1:3128"
chmod 644 "$conf"
run --config "$conf" --assets "$ASSETS" --check-config
ok_if "a proxy without a password in a file of mode 644 is accepted" test "$rc" -eq 0

# --- Paths that are not regular files (review 11) -------------------

# A FIFO without a writer blocked the open forever; "timeout" ends the
# run that would hang (status 124).
mkfifo "$tmpdir/fifo"
timeout 10 "$OPASTIN" --config "$tmpdir/fifo" --assets "$ASSETS" --check-config </dev/null >"$out" 2>"$err"
rc=$?
refused "a FIFO as the configuration is refused at once" "opastin: $tmpdir/fifo: " "not a regular file"
timeout 10 "$OPASTIN" --assets "$ASSETS" --profile "$tmpdir/fifo" </dev/null >"$out" 2>"$err"
rc=$?
ok_if "a FIFO as the profile is refused at once with status 2" test "$rc" -eq 2
ok_if "... saying it is not a regular file" has "$err" "not a regular file"
mkdir "$tmpdir/assets"
for f in "$ASSETS"/*; do
	ln -s "$f" "$tmpdir/assets/"
done
rm "$tmpdir/assets/questions.json"
mkfifo "$tmpdir/assets/questions.json"
timeout 10 "$OPASTIN" --assets "$tmpdir/assets" --check-config </dev/null >"$out" 2>"$err"
rc=$?
refused "a FIFO as questions.json is refused at once" "questions.json" "not a regular file"
rm "$tmpdir/assets/questions.json"
rm "$tmpdir/assets/municipalities.tsv"
mkfifo "$tmpdir/assets/municipalities.tsv"
ln -sf "$ASSETS/questions.json" "$tmpdir/assets/questions.json"
timeout 10 "$OPASTIN" --assets "$tmpdir/assets" --check-config </dev/null >"$out" 2>"$err"
rc=$?
refused "a FIFO as municipalities.tsv is refused at once" "municipalities.tsv" "not a regular file"
rm "$tmpdir/assets/municipalities.tsv"
ln -s "$ASSETS/municipalities.tsv" "$tmpdir/assets/municipalities.tsv"
run --assets "$tmpdir/assets" --check-config
ok_if "assets that are symbolic links to files are read" test "$rc" -eq 0
write_conf "mode = plain"
ln -s "$conf" "$tmpdir/link.conf"
run --config "$tmpdir/link.conf" --assets "$ASSETS" --check-config
ok_if "a configuration that is a symbolic link to a file is read" test "$rc" -eq 0

# --- Hostile bytes in messages (review 4 and 5) ---------------------

# clean WHAT: the last run failed with one error on stderr (and perhaps
# the hint to try --help) that has no control character (ESC, BEL, C1),
# no bidi override and at most 300 bytes, though what it echoes was
# longer.
clean() {
	_ok=yes
	[ "$rc" -ne 0 ] || { diag "status 0"; _ok=no; }
	[ "$(grep -c '^opastin: ' "$err")" -eq 1 ] || { diag "not one error:" "$(cat -v "$err")"; _ok=no; }
	! LC_ALL=C grep -q "$(printf '[\001-\010\013-\037\177]')" "$err" ||
	    { diag "a control character on stderr"; _ok=no; }
	! grep -q "$(printf '\342\200\256\|\302\233')" "$err" ||
	    { diag "a bidi override or C1 control on stderr"; _ok=no; }
	[ "$(grep '^opastin: ' "$err" | wc -c)" -le 300 ] || { diag "stderr has $(wc -c <"$err") bytes"; _ok=no; }
	if [ "$_ok" = yes ]; then ok "$1"; else not_ok "$1"; fi
}

evil=$(printf '\033[2J\033]0;pwn\007T\342\200\256')
long=$(head -c 5000 /dev/zero | tr '\0' k)

check "mode = plain" "${evil}key = 1"
clean "a configuration key with escapes is echoed clean"
check "mode = plain" "mode = $evil"
clean "a configuration value with escapes is echoed clean"
check "mode = plain" "backend_url = https://$evil/v1"
clean "a backend_url with escapes is echoed clean"
check "mode = plain" "$long = 1"
clean "a key of 5,000 characters is cut"
check "mode = plain" "theme = $long"
clean "a value of 5,000 characters is cut"
check "mode = plain" "languages = fi, $evil"
clean "a language with escapes is echoed clean"

# The same in JSON's own escapes, so that the profile is valid JSON and
# the value reaches the check that echoes it.
jevil='\u001b[2J\u001b]0;pwn\u0007T\u202e\u009b1m'

# evil_profile NAME JSON: run batch mode on a profile made of JSON.
evil_profile() {
	printf '%s\n' "$2" >"$tmpdir/$1.json"
	run --assets "$ASSETS" --profile "$tmpdir/$1.json"
}
evil_profile lang "{\"language\": \"$jevil\"}"
clean "a profile's language with escapes is echoed clean"
evil_profile muni "{\"municipality_code\": \"$jevil\"}"
clean "a profile's municipality code with escapes is echoed clean"
evil_profile event "{\"life_events\": [\"$jevil\"]}"
clean "a profile's life event with escapes is echoed clean"
evil_profile question "{\"answers\": {\"$jevil\": 1}}"
clean "a profile's question id with escapes is echoed clean"
evil_profile dimension "{\"life_situation_meters\": {\"$jevil\": [1]}}"
clean "a profile's dimension with escapes is echoed clean"
evil_profile key "{\"$jevil\": 1}"
clean "a profile's unknown key with escapes is echoed clean"
evil_profile longkey "{\"$long\": 1}"
clean "a profile's key of 5,000 characters is cut"
evil_profile token "{\"age\": $evil}"
clean "jansson's text of a bad token with escapes is echoed clean"
run --lang "$evil"
clean "--lang with escapes is echoed clean"
run "--$evil"
clean "an unknown option with escapes is echoed clean"

# --- Control, bidi and invisible characters in the assets (review 10) -

# evil_assets NAME PYTHON: a copy of the assets in $tmpdir/NAME whose
# questions.json (q) and catalogue.json (c) PYTHON may change.
evil_assets() {
	rm -rf "$tmpdir/$1"
	mkdir "$tmpdir/$1"
	cp "$ASSETS"/* "$tmpdir/$1/"
	python3 - "$tmpdir/$1" "$2" <<'PY'
import json, sys
d, code = sys.argv[1], sys.argv[2]
q = json.load(open(d + "/questions.json", encoding="utf-8"))
c = json.load(open(d + "/catalogue.json", encoding="utf-8"))
exec(code)
json.dump(q, open(d + "/questions.json", "w", encoding="utf-8"), ensure_ascii=False, indent=1)
json.dump(c, open(d + "/catalogue.json", "w", encoding="utf-8"), ensure_ascii=False, indent=1)
PY
	run --assets "$tmpdir/$1" --check-config
}

# asset_refused WHAT FILE: refused with FILE:LINE:COL on one clean line.
asset_refused() {
	_ok=yes
	[ "$rc" -eq 1 ] || { diag "status $rc, not 1"; _ok=no; }
	grep -qE "^opastin: [^ ]*$2:[0-9]+:[0-9]+: " "$err" || { diag "no $2:LINE:COL:" "$(cat -v "$err")"; _ok=no; }
	one_line "$err" || _ok=no
	! grep -q "$ESC\|$(printf '\342\200\256')" "$err" "$out" || { diag "control characters were written"; _ok=no; }
	if [ "$_ok" = yes ]; then ok "$1"; else not_ok "$1"; fi
}

title='q["events"][0]["questions"][0]["text"]'
evil_assets esc "$title = '\x1b[2J\x1b]0;pwn\x07T\u202e'"
asset_refused "a question's text with escapes is refused" questions.json
evil_assets rlo "$title = 'Ta\u202eb'"
asset_refused "a question's text with a bidi override is refused" questions.json
evil_assets zwsp "$title = 'Ta\u200bb'"
asset_refused "a question's text with a zero-width space is refused" questions.json
evil_assets date "c['catalogue_date'] = '2026-12-01\x1b[2J'"
asset_refused "a catalogue_date with an escape is refused" catalogue.json
evil_assets ok "$title = 'Tämä on kysymys?'"
ok_if "a plain question text is accepted" test "$rc" -eq 0
rm -rf "$tmpdir/tsv"
mkdir "$tmpdir/tsv"
cp "$ASSETS"/* "$tmpdir/tsv/"
sed -i '2s/\t/\t\xe2\x80\xae/' "$tmpdir/tsv/municipalities.tsv"
run --assets "$tmpdir/tsv" --check-config
asset_refused "a municipality name with a bidi override is refused" municipalities.tsv
cp "$ASSETS/municipalities.tsv" "$tmpdir/tsv/"
sed -i '2s/\t/\t\xe2\x80\x8b/' "$tmpdir/tsv/municipalities.tsv"
run --assets "$tmpdir/tsv" --check-config
asset_refused "a municipality name with a zero-width space is refused" municipalities.tsv

finish
