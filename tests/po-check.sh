#!/bin/sh
# The message catalogues: every .po compiles and is complete, the
# templates are current with the sources, every source file with
# translatable strings is listed, translators get a note on every
# string with a printf placeholder, and every answer in a context
# (msgctxt) is translated in it.
. "$top_srcdir/tests/lib.sh"

locales="$top_srcdir/locales"
pot="$locales/opastin.pot"

# The msgids of a .po or .pot, one per line (msgid_plural on its own
# line), continuation lines joined, the header left out.  A message in a
# context comes as its quoted msgctxt, a space and its quoted msgid:
# "ke3-place" "Yes" is another message than "Yes".
msgids() {
	awk '
	function flush() {
		if (id != "" && id != "\"\"") print (ctx != "" ? ctx " " : "") id
		id = ""
	}
	/^msgctxt / { flush(); ctx = substr($0, 9); cur = "ctx"; next }
	/^msgid / { flush(); id = substr($0, 7); cur = "id"; next }
	/^msgid_plural / { flush(); id = substr($0, 14); cur = "id"; next }
	/^"/ {
		if (cur == "id") id = substr(id, 1, length(id) - 1) substr($0, 2)
		else if (cur == "ctx") ctx = substr(ctx, 1, length(ctx) - 1) substr($0, 2)
		next
	}
	/^msgstr/ { flush(); ctx = ""; cur = ""; next }
	{ flush(); cur = "" }
	END { flush() }' "$1"
}

# The messages in a context of a .po that have no translation: empty,
# or fuzzy (which gettext does not use).  One line each, as msgids.
untranslated_in_context() {
	awk '
	function flush() {
		if (ctx != "" && (str == "\"\"" || fuzzy)) print ctx " " id
		ctx = ""; id = ""; str = ""; fuzzy = 0; cur = ""
	}
	/^$/ { flush(); next }
	/^#,.*fuzzy/ { fuzzy = 1; next }
	/^#/ { next }
	/^msgctxt / { ctx = substr($0, 9); cur = "ctx"; next }
	/^msgid / { id = substr($0, 7); cur = "id"; next }
	/^msgid_plural / { cur = ""; next }
	/^msgstr(\[0\])? / { sub(/^msgstr(\[0\])? /, ""); str = $0; cur = "str"; next }
	/^msgstr/ { cur = ""; next }
	/^"/ {
		if (cur == "str") str = substr(str, 1, length(str) - 1) substr($0, 2)
		else if (cur == "id") id = substr(id, 1, length(id) - 1) substr($0, 2)
		else if (cur == "ctx") ctx = substr(ctx, 1, length(ctx) - 1) substr($0, 2)
		next
	}
	END { flush() }' "$1"
}

# One line per entry of a .pot: "yes" or "no" (has a TRANSLATORS note),
# a tab, the msgid and msgid_plural joined.
notes_and_msgids() {
	awk '
	function flush() {
		if (id != "" && id != "\"\"") print (note ? "yes" : "no") "\t" id
		id = ""; note = 0; cur = ""
	}
	/^$/ { flush(); next }
	/^#\. *TRANSLATORS:/ { note = 1; next }
	/^#/ { next }
	/^msgid / { id = substr($0, 7); cur = "id"; next }
	/^msgid_plural / { id = id " " substr($0, 14); cur = "id"; next }
	/^msgstr/ { cur = ""; next }
	/^"/ { if (cur == "id") id = id $0; next }
	END { flush() }' "$1"
}

# --- Every catalogue compiles and is complete ------------------------

for po in "$locales"/*.po; do
	l=$(basename "$po" .po)
	ok_if "$l.po compiles with msgfmt --check" \
	    msgfmt --check -o /dev/null "$po"
	stats=$(LC_ALL=C msgfmt --statistics -o /dev/null "$po" 2>&1)
	diag "$l.po: $stats"
	ok_if "$l.po has no untranslated messages" \
	    sh -c 'case "$1" in *untranslated*) exit 1;; esac' - "$stats"
	ok_if "$l.po has no fuzzy messages" \
	    sh -c 'case "$1" in *fuzzy*) exit 1;; esac' - "$stats"
	# The catalogue holds every message of the current template.
	missing=$(msgids "$pot" | sort >"$tmpdir/pot.ids"; msgids "$po" | sort >"$tmpdir/po.ids";
	    comm -23 "$tmpdir/pot.ids" "$tmpdir/po.ids")
	[ -z "$missing" ] || diag "missing from $l.po:" "$missing"
	ok_if "$l.po has every message of opastin.pot" test -z "$missing"
	# msgfmt counts these with the rest; here they are named, since an
	# answer in a context falls back to English, not to the answer
	# without one.
	bare=$(untranslated_in_context "$po")
	[ -z "$bare" ] || diag "untranslated or fuzzy in a context in $l.po:" "$bare"
	ok_if "$l.po translates every message in a context (msgctxt)" test -z "$bare"
done
# The template holds answers in a context, as the check above expects.
ok_if "opastin.pot has answers in a context (msgctxt)" \
    test "$(msgids "$pot" | grep -c '^"[^"]*" "')" -gt 10
for l in $(cat "$locales/LINGUAS"); do
	ok_if "LINGUAS names $l and $l.po exists" test -f "$locales/$l.po"
done
# The locale tree of "make run" and the tests is rebuilt when one of
# LOCALE_PO in Makefile.am changes: it must name every language.
locale_po=$(sed -n 's/^LOCALE_PO = //p' "$top_srcdir/Makefile.am")
for l in $(cat "$locales/LINGUAS"); do
	ok_if "Makefile.am's LOCALE_PO names locales/$l.po" \
	    sh -c 'case " $1 " in *" \$(srcdir)/locales/$2.po "*) exit 0;; esac; exit 1' - "$locale_po" "$l"
done

# --- locales/assets.pot is current with assets/questions.json --------

extract="$top_builddir/tui/opastin-extract"
if [ -x "$extract" ]; then
	"$extract" "$top_srcdir/assets/questions.json" assets/questions.json \
	    >"$tmpdir/assets.pot" 2>"$tmpdir/extract.err"
	ok_if "opastin-extract reads assets/questions.json" test $? -eq 0
	if ! cmp -s "$tmpdir/assets.pot" "$locales/assets.pot"; then
		diag "locales/assets.pot is stale; run \"make update-assets-pot\":"
		diff "$locales/assets.pot" "$tmpdir/assets.pot" | head -n 20 | diag "$(cat)"
		not_ok "locales/assets.pot is current with assets/questions.json"
	else
		ok "locales/assets.pot is current with assets/questions.json"
	fi
else
	not_ok "opastin-extract is built ($extract)"
fi

# --- locales/opastin.pot is current with the sources -----------------

grep -v '^#' "$locales/POTFILES.in" | sed 's/[[:space:]]*$//' | grep -v '^$' \
    >"$tmpdir/potfiles"
ok_if "every file in POTFILES.in exists" \
    sh -c 'cd "$1" && while read -r f; do test -f "$f" || { echo "# no such file: $f"; exit 1; }; done <"$2"' \
    - "$top_srcdir" "$tmpdir/potfiles"

# With the options of locales/Makevars, read from it, so that a keyword
# added there (such as C_ for a msgctxt) is checked here too.
xgettext_options=$(sed -n '/^XGETTEXT_OPTIONS *=/,/[^\\]$/p' "$locales/Makevars" |
    sed 's/^XGETTEXT_OPTIONS *= *//; s/\\$//' | tr '\n' ' ')
case "$xgettext_options" in
*--keyword=C_:1c,2*) ok "locales/Makevars gives xgettext the C_ keyword for a msgctxt" ;;
*) not_ok "locales/Makevars gives xgettext the C_ keyword for a msgctxt" ;;
esac
ok_if "locales/Makevars sets USE_MSGCTXT = yes" \
    grep -qx 'USE_MSGCTXT = yes' "$locales/Makevars"
# shellcheck disable=SC2086
(cd "$top_srcdir" && xgettext --default-domain=opastin --directory=. \
    $xgettext_options \
    --files-from="$tmpdir/potfiles" -o "$tmpdir/opastin.pot") 2>"$tmpdir/xgettext.err"
ok_if "xgettext extracts the sources listed in POTFILES.in" test -s "$tmpdir/opastin.pot"
[ -s "$tmpdir/xgettext.err" ] && diag "$(cat "$tmpdir/xgettext.err")"

msgids "$tmpdir/opastin.pot" | sort >"$tmpdir/new.ids"
msgids "$pot" | sort >"$tmpdir/old.ids"
only_new=$(comm -23 "$tmpdir/new.ids" "$tmpdir/old.ids")
only_old=$(comm -13 "$tmpdir/new.ids" "$tmpdir/old.ids")
[ -z "$only_new" ] || diag "in the sources but not in opastin.pot:" "$only_new"
[ -z "$only_old" ] || diag "in opastin.pot but no longer in the sources:" "$only_old"
ok_if "locales/opastin.pot has every msgid of the sources" test -z "$only_new"
ok_if "locales/opastin.pot has no msgid the sources dropped" test -z "$only_old"
# The same, by gettext's own tool: no message is in only one of the two.
unique=$(msgcomm --unique "$tmpdir/opastin.pot" "$pot" -o - 2>&1 | grep -c '^msgid ')
ok_if "msgcomm --unique finds no message in only one template" test "$unique" -eq 0

# --- Every C file with translatable strings is in POTFILES.in --------

unlisted=""
for f in "$top_srcdir"/tui/*.c; do
	grep -qE '(^|[^A-Za-z0-9_])([NC]?_|ngettext)\(' "$f" || continue
	rel="tui/$(basename "$f")"
	grep -qxF "$rel" "$tmpdir/potfiles" || unlisted="$unlisted $rel"
done
[ -z "$unlisted" ] || diag "use _(), N_() or C_() but are not in locales/POTFILES.in:$unlisted"
ok_if "every tui/*.c that uses _(, N_( or C_( is listed in POTFILES.in" test -z "$unlisted"

# --- Placeholders come with a note for translators -------------------

notes_and_msgids "$pot" >"$tmpdir/notes"
placeholder='%([0-9]+\$)?[-+ #0]*[0-9]*(\.[0-9]+)?(hh|h|ll|l|z|j|t)?[diouxXcsfeEgGp]'
bare=$(grep -E "^no	.*$placeholder" "$tmpdir/notes" | cut -f 2)
[ -z "$bare" ] || diag "msgids with a placeholder but no TRANSLATORS: comment:" "$bare"
ok_if "every msgid with a printf placeholder has a TRANSLATORS: comment" test -z "$bare"
with=$(grep -cE "^yes	.*$placeholder" "$tmpdir/notes")
ok_if "the placeholder check saw the placeholders (e.g. \"Question %1\$zu of %2\$zu\")" \
    test "$with" -gt 10

# Translations keep the placeholders of their msgids (msgfmt --check
# does this for c-format entries; here for all of them).
for po in "$locales"/*.po; do
	l=$(basename "$po" .po)
	ok_if "$l.po: c-format translations keep their placeholders" \
	    msgfmt --check-format -o /dev/null "$po"
done

finish
