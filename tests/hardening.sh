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

finish
