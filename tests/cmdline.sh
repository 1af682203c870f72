#!/bin/sh
# The command line: --help and --version in each language, errors with
# their exit status (2 for a bad command line, 1 for a broken
# configuration or asset), --check-config, and refusing to start the
# kiosk without a terminal.  No terminal here: stdin is /dev/null and
# stdout a file, as in a script.
. "$top_srcdir/tests/lib.sh"

version=$(sed -n 's/^#define PACKAGE_VERSION "\(.*\)"$/\1/p' "$top_builddir/config.h")
out="$tmpdir/out"
err="$tmpdir/err"
nl='
'

# run ARGS...: run opastin; its status in $rc, output in $out and $err.
run() {
	"$OPASTIN" "$@" </dev/null >"$out" 2>"$err"
	rc=$?
}

has() {	# has FILE TEXT: FILE holds the fixed string TEXT
	grep -qF -- "$2" "$1" || { diag "no \"$2\" in $(basename "$1"):" "$(cat "$1")"; return 1; }
}

lines() {	# lines FILE N: FILE has N lines
	[ "$(wc -l <"$1")" -eq "$2" ] || { diag "$(basename "$1") has not $2 lines:" "$(cat "$1")"; return 1; }
}

no_escapes() {	# no terminal control sequences were written
	! grep -q "$(printf '\033')" "$out" "$err"
}

# --- --help and --version in each language ---------------------------

for l in en fi sv; do
	run --lang "$l" --help
	ok_if "--lang $l --help exits 0" test "$rc" -eq 0
	ok_if "--lang $l --help starts with the usage line in $l" \
	    test "$(head -n 1 "$out")" = "$(msg "$l" "Usage: opastin [OPTION]...")"
	ok_if "--lang $l --help says what opastin does in $l" \
	    has "$out" "$(msg "$l" "Guide people to public services through their life events.")"
	ok_if "--lang $l --help explains --profile in $l" \
	    has "$out" "$(msg "$l" "print services for a citizen profile (JSON) and exit")"
	ok_if "--lang $l --help names the exit statuses in $l" \
	    has "$out" "$(msg "$l" "Exit status: 0 on success, 1 when the configuration or assets are broken, 2 for a bad command line or profile.")"
	ok_if "--lang $l --help says in $l that the default is plain mode, where Ctrl-C quits" \
	    has "$out" "$(msg "$l" 'Without --kiosk or --counter, opastin runs in this terminal in the mode that "mode" in the configuration file sets: by default plain mode, in which Ctrl-C quits.')"
	ok_if "--lang $l --help prints nothing on stderr" test ! -s "$err"
	cp "$out" "$tmpdir/help.$l"

	run --lang "$l" --version
	ok_if "--lang $l --version exits 0" test "$rc" -eq 0
	ok_if "--lang $l --version prints the version in $l" \
	    test "$(cat "$out")" = "$(msgf "$l" "Opastin %s" "$version")"
done
ok_if "--help in English is the English usage line" \
    test "$(head -n 1 "$tmpdir/help.en")" = "Usage: opastin [OPTION]..."
for l in fi sv; do
	if translated "$l" "Usage: opastin [OPTION]..."; then
		ok_if "--help in $l differs from English" \
		    sh -c '! cmp -s "$1" "$2"' - "$tmpdir/help.$l" "$tmpdir/help.en"
	else
		ok "--help in $l differs from English # SKIP $l.po is not translated yet"
	fi
done
if translated fi "Usage: opastin [OPTION]..." && translated sv "Usage: opastin [OPTION]..."; then
	ok_if "--help in Finnish differs from Swedish" \
	    sh -c '! cmp -s "$1" "$2"' - "$tmpdir/help.fi" "$tmpdir/help.sv"
else
	ok "--help in Finnish differs from Swedish # SKIP fi.po or sv.po is not translated yet"
fi

run -h --lang sv
ok_if "-h is --help" cmp -s "$out" "$tmpdir/help.sv"

# Without --lang, the language of the environment.
LANGUAGE=sv "$OPASTIN" --help </dev/null >"$out" 2>"$err"
ok_if "LANGUAGE=sv: --help is in Swedish" cmp -s "$out" "$tmpdir/help.sv"
env -u LC_ALL LANG=fi_FI.UTF-8 "$OPASTIN" --help </dev/null >"$out" 2>"$err"
ok_if "LANG=fi_FI.UTF-8: --help is in Finnish" cmp -s "$out" "$tmpdir/help.fi"
LANGUAGE=fi "$OPASTIN" --lang en --help </dev/null >"$out" 2>"$err"
ok_if "--lang en wins over LANGUAGE=fi" cmp -s "$out" "$tmpdir/help.en"

# --- A bad command line: status 2, one line and the hint -------------

try_hint() {	# the second line of stderr is the "Try" hint in language $1
	test "$(sed -n 2p "$err")" = "$(msg "$1" 'Try "opastin --help" for more information.')"
}

run --bogus
ok_if "an unknown option exits 2" test "$rc" -eq 2
ok_if "an unknown option is named on one line" \
    test "$(head -n 1 "$err")" = "opastin: $(msgf en 'unknown option "%s"' --bogus)"
ok_if "an unknown option is followed by the \"Try\" hint" try_hint en
ok_if "an unknown option: nothing more on stderr" lines "$err" 2
ok_if "an unknown option: nothing on stdout" test ! -s "$out"

LANGUAGE=sv "$OPASTIN" --bogus </dev/null >"$out" 2>"$err"
rc=$?
ok_if "LANGUAGE=sv: an unknown option exits 2" test "$rc" -eq 2
ok_if "LANGUAGE=sv: the error is in Swedish" \
    test "$(head -n 1 "$err")" = "opastin: $(msgf sv 'unknown option "%s"' --bogus)"
ok_if "LANGUAGE=sv: the \"Try\" hint is in Swedish" try_hint sv

# A valid --lang before the mistake: the error is in that language.
run --lang sv --format xml --profile /dev/null
ok_if "--lang sv then a bad --format: exits 2" test "$rc" -eq 2
ok_if "--lang sv then a bad --format: the error in Swedish" \
    test "$(head -n 1 "$err")" = "opastin: $(msgf sv '--format takes text or json, not "%s"' xml)"
ok_if "--lang sv then a bad --format: the \"Try\" hint in Swedish" try_hint sv

run -x
ok_if "an unknown short option exits 2" test "$rc" -eq 2
ok_if "an unknown short option is named" has "$err" "$(msgf en 'unknown option "%s"' -x)"

run --lang xx
ok_if "--lang xx exits 2" test "$rc" -eq 2
ok_if "--lang xx says which languages there are" \
    test "$(head -n 1 "$err")" = "opastin: $(msgf en '--lang takes fi, sv or en, not "%s"' xx)"
ok_if "--lang xx is followed by the \"Try\" hint" try_hint en
ok_if "--lang xx: two lines on stderr" lines "$err" 2

run --lang
ok_if "--lang without a value exits 2" test "$rc" -eq 2
ok_if "--lang without a value says so" \
    test "$(head -n 1 "$err")" = "opastin: $(msgf en '--%s needs a value' lang)"

run --format xml --profile /dev/null
ok_if "--format xml exits 2" test "$rc" -eq 2
ok_if "--format xml says which formats there are" \
    has "$err" "$(msgf en '--format takes text or json, not "%s"' xml)"

run --format json
ok_if "--format without --profile exits 2" test "$rc" -eq 2
ok_if "--format without --profile says so" has "$err" "$(msg en '--format can only be used with --profile')"

run extra
ok_if "a stray argument exits 2" test "$rc" -eq 2
ok_if "a stray argument is named" has "$err" "$(msgf en 'unexpected argument "%s"' extra)"

# --- A broken configuration: status 1 with FILE:LINE, no terminal ----

conf="$tmpdir/opastin.conf"
printf '# kiosk at the library\ndefault_language = fi\nthis line has no equals sign\n' >"$conf"
run --config "$conf" --assets "$ASSETS"
ok_if "a bad configuration line exits 1" test "$rc" -eq 1
ok_if "the message names FILE:LINE of the bad line" has "$err" "opastin: $conf:3:"
ok_if "the configuration error is one line" lines "$err" 1
ok_if "the configuration is read before anything else (no terminal complaint)" \
    sh -c '! grep -qF -- "$1" "$2"' - "$(msg en 'the kiosk needs a terminal; for a printout use --profile FILE')" "$err"
ok_if "a broken configuration writes nothing on stdout" test ! -s "$out"
ok_if "a broken configuration never touches the terminal" no_escapes

printf 'default_language = fi\ncolour = blue\n' >"$conf"
run --config "$conf" --assets "$ASSETS"
ok_if "an unknown key exits 1" test "$rc" -eq 1
ok_if "an unknown key is named with FILE:LINE" has "$err" "$conf:2: unknown key \"colour\""

printf 'default_language = de\n' >"$conf"
run --config "$conf" --assets "$ASSETS"
ok_if "a bad default_language exits 1 with FILE:LINE" \
    sh -c 'test "$1" -eq 1 && grep -qF -- "$2:1:" "$3"' - "$rc" "$conf" "$err"

printf '\n\nmunicipality_code = 999\n' >"$conf"
run --config "$conf" --assets "$ASSETS"
ok_if "a municipality that does not exist exits 1" test "$rc" -eq 1
ok_if "... and names FILE:LINE and the code" has "$err" "$conf:3: municipality_code 999"

run --config "$tmpdir/no-such.conf" --assets "$ASSETS"
ok_if "a missing configuration file exits 1" test "$rc" -eq 1
ok_if "... and names the file" has "$err" "$tmpdir/no-such.conf"

# --- Broken assets: status 1 with FILE:LINE:COL ----------------------

broken="$tmpdir/assets"
cp -R "$ASSETS" "$broken"
# A syntax error: a doubled comma at the end of line 5.
sed '5s/,$/,,/' "$ASSETS/questions.json" >"$broken/questions.json"
run --assets "$broken"
ok_if "malformed questions.json exits 1" test "$rc" -eq 1
ok_if "the message is questions.json:LINE:COL: at the doubled comma" \
    grep -qE "^opastin: .*questions\.json:5:[0-9]+: " "$err"
ok_if "malformed assets: one line on stderr" lines "$err" 1
ok_if "malformed assets never touch the terminal" no_escapes

# Well-formed JSON that names a service class that does not exist.
line=$(grep -n '"classes": \["P3.2"\]' "$ASSETS/questions.json" | head -n 1 | cut -d: -f1)
sed "${line}s/\"P3.2\"/\"P99\"/" "$ASSETS/questions.json" >"$broken/questions.json"
run --assets "$broken" --check-config
ok_if "an unknown service class in questions.json exits 1" test "$rc" -eq 1
ok_if "the message is questions.json:LINE:COL: at the class" \
    grep -qE "^opastin: .*questions\.json:$line:[0-9]+: .*P99" "$err"

rm "$broken/questions.json"
run --assets "$broken"
ok_if "a missing questions.json exits 1" test "$rc" -eq 1
ok_if "... and names the file" has "$err" "questions.json"

# --- No assets directory: one line that says what to do --------------

missing_msg='the assets directory %s does not exist: install Opastin with "make install", give another directory with --assets DIR, or in the build tree use "make run RUN_ARGS=..."'
run --assets "$tmpdir/no-such-dir" --check-config
ok_if "a missing assets directory exits 1" test "$rc" -eq 1
ok_if "... with one line that names it and says what to do" \
    test "$(cat "$err")" = "opastin: $(msgf en "$missing_msg" "$tmpdir/no-such-dir")"
ok_if "... which names make install, --assets DIR and make run RUN_ARGS=..." \
    sh -c 'grep -qF "make install" "$1" && grep -qF -- "--assets DIR" "$1" &&
        grep -qF "make run RUN_ARGS=" "$1"' - "$err"
run --lang fi --assets "$tmpdir/no-such-dir" --check-config
ok_if "... in the --lang language" \
    test "$(cat "$err")" = "opastin: $(msgf fi "$missing_msg" "$tmpdir/no-such-dir")"

# The build tree's program, without --assets or OPASTIN_ASSETS, looks in
# the installed directory; on a machine where Opastin is not installed
# it says what to do, not "No such file or directory".
env -u OPASTIN_ASSETS "$OPASTIN" --check-config </dev/null >"$out" 2>"$err"
rc=$?
if [ "$rc" -eq 0 ]; then
	ok "--check-config without --assets says what to do # SKIP Opastin is installed here"
else
	ok_if "--check-config without --assets, not installed: one line that says what to do" \
	    sh -c 'test "$(wc -l <"$1")" -eq 1 && grep -qF "make install" "$1"' - "$err"
	ok_if "... and exits 1" test "$rc" -eq 1
fi

# --- --check-config --------------------------------------------------

nevents=$(grep -c '"title"' "$ASSETS/questions.json")
nmunis=$(($(wc -l <"$ASSETS/municipalities.tsv") - 1))
run --assets "$ASSETS" --check-config
ok_if "--check-config exits 0" test "$rc" -eq 0
ok_if "--check-config says there is no configuration file" \
    has "$out" "$(msg en 'Configuration: no file, using the defaults.')"
ok_if "--check-config names the asset directory" has "$out" "Assets $ASSETS: OK"
ok_if "--check-config counts the life events" has "$out" "$nevents life events"
ok_if "--check-config counts the municipalities" has "$out" "$nmunis municipalities"
ok_if "--check-config prints nothing on stderr" test ! -s "$err"

printf '# the library\nmunicipality_code = 179   # Jyväskylä\ndefault_language = sv\n' >"$conf"
run --config "$conf" --assets "$ASSETS" --check-config
ok_if "--check-config with a good file exits 0" test "$rc" -eq 0
ok_if "--check-config names the file and counts its settings" \
    has "$out" "$(msgf en "Configuration %1\$s: OK, %2\$zu settings.$nl" "$conf" 2)"

printf 'municipality_code = 091\n' >"$conf"
run --config "$conf" --assets "$ASSETS" --check-config
# A single setting is one "setting", not "1 settings".
ok_if "--check-config with one setting says \"1 setting\"" \
    has "$out" "$conf: OK, 1 setting."

run --lang sv --assets "$ASSETS" --check-config
ok_if "--check-config reports in the --lang language" \
    has "$out" "$(msg sv 'Configuration: no file, using the defaults.')"

# --- The kiosk needs a terminal --------------------------------------

run --assets "$ASSETS"
ok_if "without a terminal or --profile, exits 2" test "$rc" -eq 2
ok_if "... and says it needs a terminal" \
    test "$(cat "$err")" = "opastin: $(msg en 'the kiosk needs a terminal; for a printout use --profile FILE')"
ok_if "... without touching the terminal" no_escapes

finish
