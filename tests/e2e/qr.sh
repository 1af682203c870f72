#!/bin/sh
# The QR code of a service's web page on the detail screen (issue 13),
# read back from the screen: tmux's record of the screen (capture-pane
# -e -N: glyphs, colours, and trailing spaces, which hold the quiet zone)
# becomes a bitmap (tests/e2e/screen-qr.py), and zbarimg decodes it.  It must be exactly the address the detail screen
# shows, in Finnish and in Swedish, on a terminal with a dark background
# and on one with a light one.  Without the block characters (TERM=vt100)
# the code is drawn in reverse-video spaces, which need a larger window;
# at 80x24 the screen says plainly that there is no room.
. "$top_srcdir/tests/e2e/lib.sh"

if ! command -v zbarimg >/dev/null 2>&1; then
	echo "1..0 # SKIP zbarimg is missing (zbar-tools)"
	exit 0
fi
if ! grep -q '^#define WITH_QRENCODE 1' "$top_builddir/config.h"; then
	echo "1..0 # SKIP built --without-qrencode"
	exit 0
fi

# decode BACKGROUND: the code on the screen now, as zbarimg reads it.
decode() {
	T capture-pane -e -N -p -t e2e >"$tmpdir/capture"
	python3 "$top_srcdir/tests/e2e/screen-qr.py" --background "$1" \
	    "$tmpdir/capture" "$tmpdir/screen.pgm" &&
	    zbarimg -q --raw "$tmpdir/screen.pgm" 2>/dev/null
}

# to_detail LANG WORDS: from the welcome screen, search for WORDS and
# open the first service's details.
to_detail() {
	search_results "$1" "$2" || return 1
	keys Enter
	wait_for "$(msg "$1" 'Service details')"
}

for lang in fi sv; do
	case $lang in
	fi) words=eläke ;;
	sv) words=pension ;;
	esac
	start 80 24 --lang "$lang" --offline
	ok_if "$lang: the details of a service found by \"$words\"" to_detail "$lang" "$words"
	url=$(screen | grep -o 'https://[^ ]*' | head -n 1)
	ok_if "$lang: the detail screen shows a web address" test -n "$url"
	ok_if "$lang: the QR code button is offered" wait_for "[ q $(msg "$lang" 'QR code') ]"
	keys q
	ok_if "$lang: before the code, what it holds" \
	    wait_for "$(msg "$lang" 'The code holds only this contact, nothing of your answers:')"
	ok_if "$lang: and the address" wait_for "$url"
	ok_if "$lang: no code yet" not_shown "▀"
	keys Enter
	ok_if "$lang: the code is drawn" wait_for "▀"
	ok_if "$lang: with the address beside it" wait_for "$url"
	got=$(decode dark)
	diag "$lang: the address on the detail screen: $url" "zbarimg read (dark background): $got"
	ok_if "$lang: zbarimg reads the address back on a dark background" test "$got" = "$url"
	got=$(decode light)
	diag "zbarimg read (light background): $got"
	ok_if "$lang: and on a light background" test "$got" = "$url"
	screen >"$tmpdir/qr-$lang.txt"
	diag "the screen with the code:" "$(cat "$tmpdir/qr-$lang.txt")"
	keys Escape
	ok_if "$lang: Esc goes back to the details" wait_for "$(msg "$lang" 'Service details')"
	stop
done

# The register's clinic has no web page: its phones are tel: URIs, and
# the arrows choose between them, the label saying which.
assets="$tmpdir/assets"
mkdir "$assets"
cp "$ASSETS"/*.json "$ASSETS"/*.tsv "$assets"/
cp "$DATA/register/catalogue.json" "$assets/catalogue.json"
ASSETS=$assets
to_clinic() {
	child_results "$1" jyväs Jyväskylä && open_detail "$1" "Neuvola Kyllö"
}

# wait_code TEXT: poll until the code on the screen reads TEXT.
wait_code() {
	for _ in $(seq 1 60); do
		[ "$(decode dark)" = "$1" ] && return 0
		sleep 0.05
	done
	cp "$tmpdir/capture" "${QR_KEEP:-/dev/null}" 2>/dev/null || true
	diag "the code reads: $(decode dark), not $1"
	screen | diag "$(cat)"
	return 1
}

start 80 24 --lang fi --offline
ok_if "fi: the clinic's details" to_clinic fi
keys q
wait_for "$(msg fi 'The code holds only this contact, nothing of your answers:')"
keys Enter
ok_if "fi: the clinic's first phone as a tel: URI" wait_code "tel:+358142660111"
ok_if "fi: its label beside the code" wait_for "+358 14 266 0111"
ok_if "fi: one of two" wait_re "^ Opastin .* 1/2 *$"
keys Right
ok_if "fi: → chooses the second phone" wait_code "tel:0142660112"
ok_if "fi: and says which" wait_for "014 266 0112"
ok_if "fi: two of two" wait_re "^ Opastin .* 2/2 *$"
keys Tab
ok_if "fi: Tab chooses too, round to the first" wait_code "tel:+358142660111"
keys Left
ok_if "fi: ← back to the second" wait_code "tel:0142660112"
stop

# Reverse-video spaces where the terminal has no block characters (and
# no colours): no room at 80x24, said plainly; at 160x50 the code is
# there and reads back.
start_with 80 24 "TERM=vt100" "" --lang fi --offline
ok_if "vt100: the clinic's details" to_clinic fi
keys q Enter
ok_if "vt100 80x24: no room for the code, said plainly" \
    wait_joined "$(msg fi 'There is no room for the code in this window. Make the window larger, or write down the contact:')"
ok_if "vt100 80x24: the contact instead" wait_for "+358 14 266 0111"
stop
start_with 160 50 "TERM=vt100" "" --lang fi --offline
ok_if "vt100 160x50: the clinic's details" to_clinic fi
keys q Enter
ok_if "vt100 160x50: reverse-video spaces read back as the tel: URI" wait_code "tel:+358142660111"
ok_if "vt100 160x50: no block characters" not_shown "▀"
stop
finish
