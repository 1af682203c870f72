#!/bin/sh
# The size test: opastin --preview renders every screen at 40x15, 60x20,
# 80x24 and 160x50 in fi, sv, en and the pseudo-locale en@long (every
# string about 40 % longer), and below 40x15 the notice.  For every
# size and language:
#   - the layout checks the program made while drawing found nothing
#     (problems.txt empty): no text drawn over other text (the scroll
#     marks and the title, the key bar and the body), no screen drawing
#     outside its body, no text dropped off the screen;
#   - every file has exactly ROWS lines and none wider than COLS;
#   - the key bar is on every screen, on the last rows, with F10;
#   - the header (row 0) shows a title on every screen that is drawn;
#   - text is never cut without a mark: a line cut at the edge ends in
#     "…" (the program's text_fit), and a list or document that goes on
#     below has "↓" (checked where the walk scrolls: results-scrolled
#     has "↑");
# and the checker itself fails on a screen laid out wrongly
# (tests/data/preview-broken).
. "$top_srcdir/tests/lib.sh"

SIZES="40x15 60x20 80x24 160x50"
LANGS="fi sv en en@long"
out="$tmpdir/preview"

# check_dir DIR COLS ROWS: every rule above for one size and language;
# prints what breaks a rule, and fails if anything does.
check_dir() {
	_d=$1 _c=$2 _r=$3 _bad=0
	if [ -s "$_d/problems.txt" ]; then
		sed 's/^/problem: /' "$_d/problems.txt"
		_bad=1
	fi
	for _f in "$_d"/[0-9]*.txt; do
		_n=$(basename "$_f")
		_lines=$(wc -l <"$_f" | tr -d ' ')
		[ "$_lines" -eq "$_r" ] || { echo "$_n: $_lines rows, not $_r"; _bad=1; }
		_wide=$(wc -L <"$_f" | tr -d ' ')
		[ "$_wide" -le "$_c" ] || { echo "$_n: a line $_wide columns wide on $_c"; _bad=1; }
		tail -n 2 "$_f" | grep -q 'F10 ' || { echo "$_n: no key bar with F10 on the last rows"; _bad=1; }
		case $_n in
		*too-small*) ;;
		*) [ -n "$(head -n 1 "$_f" | tr -d ' ')" ] || { echo "$_n: no header"; _bad=1; } ;;
		esac
	done
	return $_bad
}

for l in $LANGS; do
	OPASTIN_PREVIEW_SIZES="$SIZES" "$OPASTIN" --assets "$ASSETS" --preview "$out" --lang "$l" \
	    >"$tmpdir/out" 2>&1
	ok_if "$l: --preview writes every screen" test $? -eq 0
done

table="| size | fi | sv | en | en@long |"
rule="|---|---|---|---|---|"
for s in $SIZES 39x14; do
	c=${s%x*} r=${s#*x}
	row="| $s |"
	for l in $LANGS; do
		d="$out/$s/$l"
		n=$(ls "$d"/[0-9]*.txt 2>/dev/null | wc -l | tr -d ' ')
		if check_dir "$d" "$c" "$r" >"$tmpdir/why" && [ "$n" -gt 0 ]; then
			ok "$s $l: $n screens fit, the key bar on each, nothing overlaps"
			row="$row $n ok |"
		else
			not_ok "$s $l: the screens fit"
			diag "$(cat "$tmpdir/why")"
			row="$row FAIL |"
		fi
	done
	table="$table
$row"
done
diag "screens that pass, by size and language:" "$table"

# The screens the walk brings up, at every size.
for s in $SIZES; do
	for name in welcome question-event question-single question-multi \
	    question-number question-number-error question-meter question-municipality \
	    review results results-scrolled detail help about results-backend-failed \
	    confirm-reset idle-warning counter-summary staff-pin staff-menu search no-results; do
		ls "$out/$s/fi/"[0-9]*-"$name.txt" >/dev/null 2>&1 || echo "$s: $name"
	done
done >"$tmpdir/missing"
ok_if "every screen is written at every size" test ! -s "$tmpdir/missing"
[ -s "$tmpdir/missing" ] && diag "$(cat "$tmpdir/missing")"

# Marks: a scrolled list shows "↑" beside its text, on a row of its own
# column, never on the title; a longer detail shows "↓".
ok_if "40x15: the scrolled results show ↑" grep -q '↑$' "$out/40x15/en/"*-results-scrolled.txt
ok_if "40x15: the detail goes on below, with ↓" grep -q '↓$' "$out/40x15/en/"*-detail.txt
ok_if "80x24: the scroll mark stands in the column right of the text" \
    grep -q '^.\{78\}↑$' "$out/80x24/en/"*-results-scrolled.txt

# The key bar: the Swedish pairs are kept apart, and at 40x15 it takes
# two rows rather than cutting the labels.
ok_if "sv 80x24: key and label pairs separated by \" · \"" \
    grep -q "Enter $(msg sv Select) · Esc $(msg sv Back) · " "$out/80x24/sv/"*-question-single.txt
ok_if "fi 40x15: the key bar takes two rows" \
    sh -c "tail -n 2 '$out/40x15/fi/'*-question-multi.txt | head -n 1 | grep -q '^Enter ' &&
        tail -n 1 '$out/40x15/fi/'*-question-multi.txt | grep -q 'F10 '"
ok_if "below 40x15: the notice and a key bar with Esc and F10" \
    sh -c "grep -q '40×15' '$out/39x14/fi/01-too-small.txt' && tail -n 1 '$out/39x14/fi/01-too-small.txt' | grep -q 'Esc .*F10 '"

# The header: the counter's marker in counter mode, F4 on its key bar.
ok_if "counter mode: the header says $(msg fi Counter)" \
    grep -q "$(msg fi Counter)" "$out/80x24/fi/"*-counter-summary.txt
ok_if "counter mode: F4 on the key bar" \
    sh -c "tail -n 2 '$out/80x24/fi/'*-counter-summary.txt | grep -q 'F4 '"

# URLs are never cut with a hyphen: every "http" line of the detail, with
# its continuation lines, is a real address of the catalogue.
ok_if "40x15: no web address ends in an inserted hyphen" \
    sh -c "! grep -E 'https?://[^ ]*-\$' '$out/40x15/'*/*-detail*.txt"

# The About screen dates the catalogue as every other screen does, in
# the language's own form (2.12.2026), not as the file has it (2026-12-02).
iso=$(sed -n 's/^ *"catalogue_date": "\([0-9-]*\)".*/\1/p' "$ASSETS/catalogue.json")
fi_date="$(expr "$(echo "$iso" | cut -d- -f3)" + 0).$(expr "$(echo "$iso" | cut -d- -f2)" + 0).$(echo "$iso" | cut -d- -f1)"
ok_if "fi: the About screen says when the catalogue was checked ($fi_date)" \
    grep -qF "$(msgf fi "From this kiosk's own catalogue of services, checked %s." "$fi_date")" \
    "$out/160x50/fi/"*-about.txt
ok_if "... never in the file's own form ($iso)" \
    sh -c "! grep -q '$iso' '$out/160x50/fi/'*-about.txt"

# en@long is really longer, and accented.
ok_if "en@long: the strings are accented and longer" \
    grep -q 'Šéŕvîçéš ƒôŕ ýôû ~' "$out/80x24/en@long/"*-results.txt

# The checker fails on a screen laid out wrongly: a line too wide, no
# key bar, and a problem the program found.
! check_dir "$DATA/preview-broken/40x15/en" 40 15 >"$tmpdir/broken"
ok_if "the checker fails on a broken layout" test $? -eq 0
ok_if "... naming each broken rule" sh -c "grep -q 'columns wide' '$tmpdir/broken' &&
    grep -q 'no key bar' '$tmpdir/broken' && grep -q '^problem: ' '$tmpdir/broken'"
finish
