#!/bin/sh
# "make run", the README's first command, and a translator's edit: on a
# tree with no compiled catalogues "make run" builds them and the locale
# tree and shows Finnish; after an edit to locales/fi.po the next
# "make run" shows the edit, with no other command.
#
# It runs on a copy of the sources, configured there, so the build under
# test is never touched.  The copy gets the program already built, and
# "make -o tui/opastin" keeps it: nothing is compiled, only the rules for
# the catalogues run, as they would for a translator.
. "$top_srcdir/tests/lib.sh"

src="$tmpdir/src"
out="$tmpdir/out"
err="$tmpdir/err"
mkdir "$src"

# The sources without the build's products: no compiled catalogues, no
# locale tree, no stamps, no objects, no logs, no distcheck directories.
(cd "$top_srcdir" && tar -cf - --exclude=./.git --exclude=./_build \
    --exclude=./_inst --exclude=./autom4te.cache --exclude=./locale \
    --exclude=./locale-stamp --exclude='./locales/*.gmo' \
    --exclude=./locales/stamp-po --exclude='*.o' --exclude='*.a' \
    --exclude='*.log' --exclude='*.trs' --exclude='./tests/unit/test-*' .) |
    (cd "$src" && tar -xf -)
# make distcheck's sources are read-only; a translator's are not.
chmod -R u+w "$src"
ok_if "the copy of the sources has no compiled catalogue" \
    test -f "$src/configure" -a ! -e "$src/locales/fi.gmo" -a ! -e "$src/locale"

(cd "$src" && ./configure -q --without-speech) >"$tmpdir/configure.log" 2>&1
rc=$?
[ "$rc" -eq 0 ] || diag "configure failed:" "$(tail -n 20 "$tmpdir/configure.log")"
ok_if "the copy configures" test "$rc" -eq 0
rm -f "$src/tui/opastin"
cp -p "$OPASTIN" "$src/tui/opastin"

# run_make ARGS...: make in the copy, the program taken as built; its
# status in $rc, output in $out and $err (gettext's rules echo their
# commands even with -s, so the program's lines are found by has_line).
# The make running this test must not lend it its options or jobs.
run_make() {
	(cd "$src" && env -u MAKEFLAGS -u MFLAGS -u MAKELEVEL \
	    make -s -o tui/opastin "$@") </dev/null >"$out" 2>"$err"
	rc=$?
	[ "$rc" -eq 0 ] || diag "make $* failed ($rc):" "$(tail -n 20 "$err")"
}

has_line() {	# has_line TEXT: a line of $out is TEXT
	grep -qxF -- "$1" "$out" || { diag "no line \"$1\" in:" "$(cat "$out")"; return 1; }
}

usage_fi=$(msg fi "Usage: opastin [OPTION]...")

# --- A fresh tree: make run builds the catalogues and the tree --------

run_make run RUN_ARGS="--lang fi --help"
ok_if "make run on a tree with no catalogues succeeds" test "$rc" -eq 0
ok_if "... and builds locales/fi.gmo" test -f "$src/locales/fi.gmo"
ok_if "... and the locale tree" test -f "$src/locale/fi/LC_MESSAGES/opastin.mo"
ok_if "... and the program shows its Finnish text" has_line "$usage_fi"

# --- A translator edits locales/fi.po --------------------------------

edited="Käyttö (muokattu käännös): opastin [VALITSIN]..."
# Later than the catalogue just built, even on a coarse clock.
sleep 1
sed "/^msgid \"Usage: opastin \[OPTION\]\.\.\.\"\$/{n;s/^msgstr .*/msgstr \"$edited\"/;}" \
    "$src/locales/fi.po" >"$tmpdir/fi.po"
cat "$tmpdir/fi.po" >"$src/locales/fi.po"
ok_if "the edit is in the copy's fi.po" grep -qF "msgstr \"$edited\"" "$src/locales/fi.po"

run_make run RUN_ARGS="--lang fi --help"
ok_if "make run after the edit succeeds" test "$rc" -eq 0
ok_if "make run shows the edited msgstr at once" has_line "$edited"

# The other catalogue is rebuilt from its own, unchanged .po.
run_make run RUN_ARGS="--lang sv --help"
ok_if "make run still shows the Swedish text in sv" \
    has_line "$(msg sv "Usage: opastin [OPTION]...")"

finish
