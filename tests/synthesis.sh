#!/bin/sh
# Real synthesis: a Finnish, a Swedish and an English sentence, each
# through the kiosk's own synthesis path (--say, with --wav to write the
# sound to a file instead of playing it), must give a valid WAV file with
# sound of a plausible length: between 0.5 and 10 seconds, and not all
# silence.  Skipped where espeak-ng is not installed, or where Opastin was
# configured --without-speech.
. "$top_srcdir/tests/lib.sh"

# An empty configuration: no site's speech_command or speech_log applies.
conf="$tmpdir/empty.conf"
: >"$conf"

# wav_info FILE: "CHANNELS SAMPLE_BYTES RATE SECONDS PEAK", PEAK being the
# largest absolute sample (16-bit) in the file; fails on an invalid WAV.
wav_info() {
	python3 - "$1" <<'EOF'
import array, sys, wave
with wave.open(sys.argv[1], "rb") as w:
    ch, width, rate, n = w.getnchannels(), w.getsampwidth(), w.getframerate(), w.getnframes()
    frames = w.readframes(n)
peak = 0
if width == 2:
    a = array.array("h")
    a.frombytes(frames[: len(frames) // 2 * 2])
    if sys.byteorder == "big":
        a.byteswap()
    peak = max((abs(x) for x in a), default=0)
print(ch, width, rate, "%.3f" % (n / rate if rate else 0), peak)
EOF
}

# between X LOW HIGH: LOW <= X <= HIGH, with fractions.
between() {
	awk -v x="$1" -v lo="$2" -v hi="$3" 'BEGIN { exit !(x >= lo && x <= hi) }' ||
	    { diag "$1 is not between $2 and $3"; return 1; }
}

skip_all() {
	for l in fi sv en; do
		for what in "exits 0" "writes a WAV file" "is a valid 16-bit WAV" \
		    "lasts 0.5 to 10 s" "is not silence"; do
			ok "$l: --say $what # SKIP $1"
		done
	done
	ok "the voice follows the language # SKIP $1"
	finish
}

command -v espeak-ng >/dev/null 2>&1 || skip_all "espeak-ng is not installed"
"$OPASTIN" --config "$conf" --assets "$ASSETS" --lang en --say test \
    --wav "$tmpdir/probe.wav" >"$tmpdir/out" 2>"$tmpdir/err"
if [ $? -eq 2 ] && grep -q "built without speech" "$tmpdir/err"; then
	skip_all "built --without-speech"
fi
command -v python3 >/dev/null 2>&1 || skip_all "python3 is not installed to read the WAV files"

say() {
	"$OPASTIN" --config "$conf" --assets "$ASSETS" --lang "$1" --say "$2" \
	    --wav "$tmpdir/$1.wav" >"$tmpdir/$1.out" 2>"$tmpdir/$1.err"
	rc=$?
	[ "$rc" -eq 0 ] || diag "exit status $rc:" "$(cat "$tmpdir/$1.err")"
	return "$rc"
}

# valid16 CHANNELS SAMPLE_BYTES RATE ...: what wav_info read is 16-bit sound.
valid16() {
	[ $# -ge 5 ] && [ "$1" -ge 1 ] && [ "$2" -eq 2 ] && [ "$3" -gt 0 ]
}

check() {
	l=$1
	ok_if "$l: --say exits 0" say "$l" "$2"
	ok_if "$l: --say writes a WAV file" test -s "$tmpdir/$l.wav"
	info=$(wav_info "$tmpdir/$l.wav" 2>"$tmpdir/$l.py")
	[ -n "$info" ] || diag "not a WAV file:" "$(cat "$tmpdir/$l.py")"
	set -- $info
	ok_if "$l: --say is a valid 16-bit WAV ($info)" valid16 "$@"
	ok_if "$l: --say lasts 0.5 to 10 s (${4:-?} s)" between "${4:-0}" 0.5 10
	ok_if "$l: --say is not silence (peak ${5:-?})" [ "${5:-0}" -gt 1000 ]
}

check fi "Tervetuloa. Valitse kieli, jolla haluat käyttää palvelua."
check sv "Välkommen. Välj det språk som du vill använda."
check en "Welcome. Choose the language that you want to use."

# The same digits said in Finnish and in English sound different: the
# voice is the language's, not always the same one.
say fi "1 2 3 4 5" && cp "$tmpdir/fi.wav" "$tmpdir/digits-fi.wav"
say en "1 2 3 4 5" && cp "$tmpdir/en.wav" "$tmpdir/digits-en.wav"
ok_if "the voice follows the language (\"1 2 3 4 5\" in fi and en differ)" \
    eval '[ -s "$tmpdir/digits-fi.wav" ] && [ -s "$tmpdir/digits-en.wav" ] &&
    ! cmp -s "$tmpdir/digits-fi.wav" "$tmpdir/digits-en.wav"'
finish
