#!/bin/sh
# The manual page documents the program as it is: every option --help
# lists and every key the configuration reader accepts appears in
# tui/opastin.1, so an administrator reading man opastin misses nothing.
# The keys are read from the reader's table in tui/conf.c, the options
# from --help, so a new key or option without its manual entry fails here.
. "$top_srcdir/tests/lib.sh"

man="$top_srcdir/tui/opastin.1"
# The page's text with groff's escapes for a hyphen undone.
sed 's/\\-/-/g' "$man" >"$tmpdir/man"

"$OPASTIN" --lang en --help </dev/null >"$tmpdir/help" 2>&1
sed -n 's/^  \(--[a-z-]*\).*/\1/p' "$tmpdir/help" | sort -u >"$tmpdir/options"
ok_if "--help lists options to check" test "$(wc -l <"$tmpdir/options")" -ge 20

sed -n 's/^[[:space:]]*{ "\([a-z_]*\)", T_[A-Z_]*,.*/\1/p' "$top_srcdir/tui/conf.c" |
    sort -u >"$tmpdir/keys"
ok_if "conf.c's table has keys to check" test "$(wc -l <"$tmpdir/keys")" -ge 25

missing() {	# missing LIST: the words of LIST that the page never names
	while read -r w; do
		grep -qE -- "(^|[^a-z_-])$w([^a-z_-]|\$)" "$tmpdir/man" || echo "$w"
	done <"$1"
}

m=$(missing "$tmpdir/options")
[ -z "$m" ] || diag "options not in tui/opastin.1:" "$m"
ok_if "every option of --help is in the manual page" test -z "$m"
m=$(missing "$tmpdir/keys")
[ -z "$m" ] || diag "keys not in tui/opastin.1:" "$m"
ok_if "every configuration key is in the manual page" test -z "$m"

finish
