# tests/lib.sh: sourced by every shell test.  TAP output, a private
# temporary directory removed on exit, and the paths of the build.
#
#   ok_if "what is checked" command args...   one TAP case per check
#   finish                                    prints the plan, exits
set -u
LC_ALL=C.UTF-8
export LC_ALL
unset LANGUAGE LANG

: "${top_srcdir:?run through make check}"
: "${top_builddir:?run through make check}"
OPASTIN="$top_builddir/tui/opastin"
ASSETS="$top_srcdir/assets"
DATA="$top_srcdir/tests/data"

tmpdir=$(mktemp -d "${TMPDIR:-/tmp}/opastin-test.XXXXXX")
trap 'rm -rf "$tmpdir"' EXIT

tap_n=0
tap_failed=0

ok() {
	tap_n=$((tap_n + 1))
	echo "ok $tap_n - $*"
}

not_ok() {
	tap_n=$((tap_n + 1))
	tap_failed=$((tap_failed + 1))
	echo "not ok $tap_n - $*"
}

# ok_if DESCRIPTION COMMAND...: one case, passing when the command does.
ok_if() {
	desc=$1
	shift
	if "$@"; then ok "$desc"; else not_ok "$desc"; fi
}

# A note in the log, shown by make check on failure.
diag() {
	printf '%s\n' "$@" | sed 's/^/# /'
}

finish() {
	echo "1..$tap_n"
	exit 0
}
