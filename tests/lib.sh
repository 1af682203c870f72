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

# The message catalogues the program under test reads.
: "${OPASTIN_LOCALEDIR:=$top_builddir/locale}"
export OPASTIN_LOCALEDIR

# msg LANG MSGID: MSGID as the program shows it in LANG (fi, sv, en),
# read from the same compiled catalogue; MSGID itself when untranslated.
msg() {
	LANGUAGE=$1 LC_ALL=C.UTF-8 TEXTDOMAINDIR="$OPASTIN_LOCALEDIR" \
	    gettext -d opastin -- "$2"
}

# msgc LANG CONTEXT MSGID: the same for a message in a context (msgctxt),
# such as an answer of questions.json with a "context": msgc fi
# ke8-registered 'Not yet' is "En ole vielä".
msgc() {
	LANGUAGE=$1 LC_ALL=C.UTF-8 TEXTDOMAINDIR="$OPASTIN_LOCALEDIR" \
	    gettext -d opastin --context="$2" -- "$3"
}

# msgn LANG SINGULAR PLURAL N: the same for a message with plural forms.
msgn() {
	LANGUAGE=$1 LC_ALL=C.UTF-8 TEXTDOMAINDIR="$OPASTIN_LOCALEDIR" \
	    ngettext -d opastin -- "$2" "$3" "$4"
}

# format FORMAT ARG...: FORMAT with its printf placeholders (%s, %zu,
# %1$d, ...) replaced by the ARGs, positional ones included, as the
# program's printf would print them.
format() {
	_format=$1
	shift
	FMT_FORMAT=$_format awk 'BEGIN {
		s = ENVIRON["FMT_FORMAT"]; out = ""; n = 0
		while ((p = index(s, "%")) > 0) {
			out = out substr(s, 1, p - 1)
			s = substr(s, p + 1)
			if (substr(s, 1, 1) == "%") { out = out "%"; s = substr(s, 2); continue }
			if (match(s, /^[0-9]+[$]/)) {
				k = substr(s, 1, RLENGTH - 1) + 0
				s = substr(s, RLENGTH + 1)
			} else
				k = ++n
			if (match(s, /^[-+ #0-9.]*(hh|h|ll|l|z|j|t)?[a-zA-Z]/))
				s = substr(s, RLENGTH + 1)
			out = out ARGV[k]
		}
		print out s
		exit
	}' "$@"
}

# msgf LANG MSGID ARG...: msg, then format.
msgf() {
	_l=$1 _m=$2
	shift 2
	format "$(msg "$_l" "$_m")" "$@"
}

# The text before the first placeholder of a message, e.g. "Why: "
# of "Why: %s": for checking a line whose rest varies.
msg_prefix() {
	msg "$1" "$2" | sed 's/%.*//'
}

# translated LANG MSGID...: true when the catalogue of LANG translates
# every MSGID (to something other than the English msgid).
translated() {
	_l=$1
	shift
	for _m in "$@"; do
		[ "$(msg "$_l" "$_m")" != "$_m" ] || return 1
	done
}

# ok_translated LANG MSGID...: a case that passes when the catalogue
# translates these msgids, and is skipped while the translation is not
# yet done (the texts checked afterwards then fall back to English, as
# the program does).
ok_translated() {
	_l=$1
	shift
	if translated "$_l" "$@"; then
		ok "the $_l catalogue translates the texts checked here"
	else
		ok "the $_l catalogue translates the texts checked here # SKIP $_l.po is not translated yet"
	fi
}

finish() {
	echo "1..$tap_n"
	exit 0
}

# stderr_on_pty OUT ERR COMMAND...: run COMMAND with its standard error on
# a terminal (a pty) and its standard output in OUT; what it wrote to the
# terminal goes to ERR.  Returns its exit status.  For progress lines,
# which a program shows only on a terminal.
stderr_on_pty() {
	python3 -c 'import os, pty, subprocess, sys
master, slave = pty.openpty()
with open(sys.argv[1], "wb") as out:
    p = subprocess.Popen(sys.argv[3:], stdin=subprocess.DEVNULL, stdout=out, stderr=slave)
os.close(slave)
data = b""
while True:
    try:
        chunk = os.read(master, 4096)
    except OSError:
        break
    if not chunk:
        break
    data += chunk
p.wait()
open(sys.argv[2], "wb").write(data)
sys.exit(p.returncode)' "$@"
}
