#!/bin/sh
# The QR code of a service's web page on the detail screen (issue 13),
# read back from the screen: tmux's record of the screen (capture-pane
# -e, glyphs and colours) becomes a bitmap (tests/e2e/screen-qr.py), and
# zbarimg decodes it.  It must be exactly the address the detail screen
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
	T capture-pane -e -p -t e2e >"$tmpdir/capture"
	python3 "$top_srcdir/tests/e2e/screen-qr.py" --background "$1" \
	    "$tmpdir/capture" "$tmpdir/screen.pgm" &&
	    zbarimg -q --raw "$tmpdir/screen.pgm" 2>/dev/null
}

# to_detail LANG WORDS: from the welcome screen, search for WORDS and
# open the first service's details.
to_detail() {
	wait_for Svenska || return 1
	keys Enter
	wait_for "$(msg "$1" 'What has happened in your life?')" || return 1
	keys End Enter
	wait_for "$(msg "$1" 'What kind of service are you looking for?')" || return 1
	type "$2"
	keys Enter
	wait_for "Opastin · $(msg "$1" 'Services for you')" || return 1
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

# A service with a web page and phones: the arrows choose, the label says
# which, and a phone is a tel: URI.
start 80 24 --lang fi --offline
ok_if "fi: the details of Kela's pension service" to_detail fi "kansaneläke"
keys q
wait_for "$(msg fi 'The code holds only this contact, nothing of your answers:')"
keys Enter
ok_if "fi: the code is drawn" wait_for "▀"
n=$(screen | sed -n '1s/.* \([0-9][0-9]*\/[0-9][0-9]*\) *$/\1/p')
diag "contacts: $n"
first=$(decode dark)
keys Right
ok_if "fi: → chooses the next contact" wait_re "^ Opastin .* 2/[0-9]+ *$"
second=$(decode dark)
diag "the first code holds $first, the second $second"
ok_if "fi: the second code holds another contact" test -n "$second" -a "$second" != "$first"
keys Tab
keys BTab
ok_if "fi: Tab and Shift-Tab choose too" wait_re "^ Opastin .* 2/[0-9]+ *$"
stop

# Reverse-video spaces where the terminal has no block characters: no
# room at 80x24, said plainly; at 160x50 the code is there.
start_with 80 24 "TERM=vt100" "" --lang en --offline
ok_if "vt100: the details" to_detail en "pension"
keys q Enter
ok_if "vt100 80x24: no room for the code, said plainly" \
    wait_joined "$(msg en 'There is no room for the code in this window. Make the window larger, or write down the contact:')"
stop
start_with 160 50 "TERM=vt100" "" --lang en --offline
ok_if "vt100 160x50: the details" to_detail en "pension"
url=$(screen | grep -o 'https://[^ ]*' | head -n 1)
keys q Enter
ok_if "vt100 160x50: the code is drawn" wait_for "$url"
sleep_until_code() {
	for _ in $(seq 1 40); do
		[ "$(decode dark)" = "$url" ] && return 0
		sleep 0.05
	done
	return 1
}
ok_if "vt100 160x50: reverse-video spaces read back as the address" sleep_until_code
stop
finish
