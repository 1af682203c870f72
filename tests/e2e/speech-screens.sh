#!/bin/sh
# What speech says screen by screen, from the speech log:
#  - focus moves (arrows, digits, Space on a box) say the newly focused
#    option with its number;
#  - results: each service's name and organisation as focus reaches it;
#  - the detail screen: its channels in order, phone numbers in groups;
#  - "speech = key": nothing until the speech key (F5), then "Speech on."
#    and the whole screen; F6 repeats; F5 again says "Speech off." and
#    nothing more is said; the welcome screen says how to turn speech on,
#    in all three languages, while it is off;
#  - the staff PIN is never said: only how many digits were typed.
. "$top_srcdir/tests/e2e/lib.sh"

conf="$tmpdir/speech.conf"

# A line of the log in language L holding the TEXTs, in this order.
utt() {
	_re="^$L$TAB"
	for _p in "$@"; do
		_re="$_re.*$(re_quote "$_p")"
	done
	printf '%s\n' "$_re"
}
# A line of the log in language L that is exactly TEXT.
only() {
	printf '^%s%s%s$\n' "$L" "$TAB" "$(re_quote "$1")"
}
t() { msg $L "$1"; }

# A phone number as speech groups it: digits apart, groups by ", ".
grouped() {
	printf '%s\n' "$1" | sed 's/[0-9]/& /g; s/ *$//; s/   */, /g'
}

# The name and the organisation of the service that has the focus on the
# results screen (the line with ">" and the one after it).
focused_service() {
	screen | sed -n "/^ *> *$1  /{s/^ *> *$1  //;s/ *\$//;p;n;s/^ *//;s/ *\$//;p;}"
}

# Poll until the log holds at least N utterances.
wait_count() {
	_tries=100
	while [ "$(log_count)" -lt "$1" ] && [ "$_tries" -gt 0 ]; do
		_tries=$((_tries - 1))
		sleep 0.05
	done
	[ "$(log_count)" -ge "$1" ] || { diag "timed out waiting for utterance $1"; log_diag; return 1; }
}

# search_en WORDS: a new session in English with an empty speech log,
# searched by WORDS up to the results.
search_en() {
	rm -f "$speech_log"
	log_at=0
	start 100 30 --lang en --config "$conf"
	wait_said "$(utt "$(t Welcome)" '3, English')"
	keys Enter
	wait_for 'What has happened in your life?'
	keys End Enter
	wait_for 'What kind of service are you looking for?'
	type "$1"
	keys Enter
	wait_for 'Services for you'
}

# ---- Focus moves, the results and the details (speech = always) ----
L=en
printf 'speech = always\nspeech_log = %s\n' "$speech_log" >"$conf"
start 100 30 --lang en --config "$conf"
ok_if "always: the welcome screen is said at once" \
    wait_said "$(utt "$(t Welcome)" '3, English')"
keys Enter
ok_if "always: the life-event question is said whole" \
    wait_said "$(utt 'What has happened in your life?' 'Question 1 of' '1, Having a child')"
keys Down
ok_if "Down says the newly focused option with its number" \
    wait_said "$(only '2, Starting studies')"
keys Down
ok_if "Down again says the next one" wait_said "$(only '3, Moving home')"
keys Up
ok_if "Up says the option above" wait_said "$(only '2, Starting studies')"
keys 8
ok_if "typing 8 says option 8" wait_said "$(only '8, Retiring')"
keys 3
ok_if "typing 3 says option 3" wait_said "$(only '3, Moving home')"
keys 8
wait_focus Retiring
keys Enter
# The Retiring questions, each with its first option, up to the boxes.
enter_until 'Which of these would you like?'
wait_focus 'Help at home'
keys Space
ok_if "Space on a box says it is ticked" \
    wait_said "$(only "1, Help at home, $(t selected)")"
keys Down
ok_if "Down on the boxes says the next box, not selected" \
    wait_said "$(only "2, Keeping fit and healthy, $(t 'not selected')")"
keys Up Space
ok_if "Space again says the box is no longer ticked" \
    wait_said "$(only "1, Help at home, $(t 'not selected')")"
wait_marked 'Help at home' '[ ]'
# Nothing ticked, every meter 5 and Akaa: the answers this walk gave
# when those were the defaults, which the expectations below rest on.
keys End Enter
keys_until 'Which municipality' 5 Enter
type akaa
wait_focus Akaa
keys Enter
enter_until 'Check your answers'
keys End Enter
wait_for 'Services for you'
wait_re '^ *> +1  '
name1=$(focused_service 1 | sed -n 1p)
org1=$(focused_service 1 | sed -n 2p)
ok_if "results: said whole, with the first service's name and organisation" \
    wait_said "$(utt 'Services for you' "1, $name1. $org1")"
keys Down
wait_re '^ *> +2  '
name2=$(focused_service 2 | sed -n 1p)
org2=$(focused_service 2 | sed -n 2p)
ok_if "results: Down says the next service's name and organisation" \
    wait_said "$(only "2, $name2. $org2")"
keys Down
wait_re '^ *> +3  '
name3=$(focused_service 3 | sed -n 1p)
org3=$(focused_service 3 | sed -n 2p)
ok_if "results: and the third's" wait_said "$(only "3, $name3. $org3")"
keys Up
ok_if "results: Up says the second again" wait_said "$(only "2, $name2. $org2")"

# The second service for Retiring is Kela's old-age pension: one web
# page (the facts give Kela's pension lines no number with high
# confidence).
ok_if "results: the second service is Kela's old-age pension (catalogue)" \
    [ "$name2" = 'Old-age pension from Kela (national pension)' ]
keys Enter
wait_for 'Service details'
ok_if "detail: said whole, with its channel" \
    wait_said "$(utt 'Old-age pension from Kela (national pension). Kela (Social Insurance Institution of Finland).' \
    'Web page: Information online (kela.fi).' \
    'Web https://www.kela.fi/old-age-pension.')"
stop

# MIELI's Crisis Helpline, found by search: three lines, the one in the
# screen's language (and the web page) first, the others after it saying
# their language; numbers are said in groups.
search_en 'crisis helpline'
wait_re '^ *> +1  MIELI Crisis Helpline'
keys Enter
wait_for 'Service details'
ok_if "detail: the English line first, the others in their language, numbers in groups" \
    wait_said "$(utt 'MIELI Crisis Helpline. MIELI Mental Health Finland.' \
    'Phone: Crisis Helpline.' \
    "Phone $(grouped '09 2525 0116')." \
    'Fridays 9 am – 1 pm.' \
    'Web https://mieli.fi/helpline.' \
    'Phone: Crisis Helpline.' \
    "Phone $(grouped '09 2525 0111'), in Finnish." \
    'Phone: Crisis Helpline.' \
    "Phone $(grouped '09 2525 0112'), in Swedish.")"
ok_if "detail: a number is grouped as \"0 9, 2 5 2 5, 0 1 1 6\"" \
    wait_log "Phone 0 9, 2 5 2 5, 0 1 1 6." 1
detail_line=$(sed -n "${log_at}p" "$speech_log")
ok_if "detail: no number is said as written (\"2525 0116\")" \
    eval '! printf "%s\n" "$detail_line" | grep -qF "2525 0116"'
stop

# A service without a contact channel: its details say where to ask,
# as the screen does.
search_en asylum
wait_re '^ *> +1  '
keys Enter
wait_for 'Service details'
ok_if "detail without contacts: where to ask is said too" \
    wait_said "$(utt "$(t 'This kiosk has no contact details for this service. Ask the staff here, or look for the service on Suomi.fi: it is provided by %s.' | sed 's/%s.*//')")"
stop

# ---- The speech key (speech = key, the default) ----
ok_translated fi 'Press %s to hear speech.'
ok_translated sv 'Press %s to hear speech.'
rm -f "$speech_log"
log_at=0
printf 'speech = key\nspeech_log = %s\n' "$speech_log" >"$conf"
start 80 24 --lang en --config "$conf"
wait_for "Opastin · Welcome"
for l in fi sv en; do
	ok_if "key: while speech is off the welcome screen says in $l how to turn it on" \
	    wait_joined "$(msgf $l 'Press %s to hear speech.' F5)"
done
keys Up
wait_focus Svenska
keys Down
wait_focus English
ok_if "key: nothing is said before the speech key (welcome, focus moves)" \
    [ "$(log_count)" -eq 0 ]
keys Enter
wait_for 'What has happened in your life?'
keys Down
wait_focus 'Starting studies'
keys Down
wait_focus 'Moving home'
ok_if "key: nothing is said before the speech key (a question, focus moves)" \
    [ "$(log_count)" -eq 0 ]
[ "$(log_count)" -eq 0 ] || log_diag
keys F5
ok_if "key: F5 says \"Speech on.\", then the whole screen" \
    wait_said "^en$TAB$(re_quote 'Speech on. Your life event.').*$(re_quote 'What has happened in your life?').*Question 1 of [0-9]+.*$(re_quote '3, Moving home')\$"
ok_if "key: \"Speech on.\" is the first utterance" [ "$log_at" -eq 1 ]
keys Down
ok_if "key: then focus moves are said" wait_said "$(only '4, Moving to Finland')"
n=$(log_count)
keys F6
wait_count $((n + 1))
ok_if "key: F6 repeats the last utterance" \
    [ "$(log_since "$n")" = "en${TAB}4, Moving to Finland" ]
log_at=$(log_count)
keys F8
ok_if "key: F8 says \"Faster.\"" wait_said "$(only "$(t Faster.)")"
keys F9
ok_if "key: F9 says \"Quieter.\"" wait_said "$(only "$(t Quieter.)")"
keys Escape
ok_if "key: back on the welcome screen, it is said whole" \
    wait_said "$(utt "$(t Welcome). $(t 'Choose your language')." '3, English')"
ok_if "key: while speech is on the welcome screen has no speech hint" \
    not_shown "$(msgf en 'Press %s to hear speech.' F5)"
keys F5
ok_if "key: F5 again says \"Speech off.\"" wait_said "$(only "$(t 'Speech off.')")"
ok_if "key: the speech hint is back on the welcome screen at once" \
    wait_joined "$(msgf en 'Press %s to hear speech.' F5)" 2
n=$(log_count)
keys Up
wait_focus Svenska
keys Down
wait_focus English
ok_if "key: the speech hint is on the welcome screen after a focus move" \
    wait_joined "$(msgf en 'Press %s to hear speech.' F5)" 2
keys Enter
wait_for 'What has happened in your life?'
keys Down
wait_focus 'Starting studies'
ok_if "key: after \"Speech off.\" nothing more is said" [ "$(log_count)" -eq "$n" ]
[ "$(log_count)" -eq "$n" ] || log_diag
stop

# ---- The staff PIN is never said (kiosk mode, in Swedish) ----
rm -f "$speech_log"
log_at=0
L=sv
ok_translated sv 'Staff PIN, then Enter:' '%zu digit entered' 'Staff menu'
hash_line=$(echo 123456 | "$OPASTIN" --hash-pin)
ok_if "pin: --hash-pin makes a configuration line" \
    eval 'printf "%s\n" "$hash_line" | grep -q "^staff_pin_hash = \\$"'
printf 'mode = kiosk\nspeech = always\nspeech_log = %s\n%s\n' "$speech_log" "$hash_line" >"$conf"
chmod 600 "$conf"
start 80 24 --lang sv --config "$conf"
wait_said "$(utt "$(t Welcome)")"
keys F12
ok_if "pin: the PIN screen is said" wait_said "$(only "$(t 'Staff PIN, then Enter:')")"
pin_start=$log_at
digits() { format "$(msgn sv '%zu digit entered' '%zu digits entered' "$1")" "$1"; }
for d in 1 2 3 4 5 6; do
	keys $d
	ok_if "pin: after digit $d, \"$(digits $d)\" is said" wait_said "$(only "$(digits $d)")"
done
keys Enter
ok_if "pin: the right PIN opens the staff menu, which is said" \
    wait_said "$(utt "$(t 'Staff menu')")"
ok_if "pin: \"123456\" is nowhere in the speech log" eval '! grep -q 123456 "$speech_log"'
ok_if "pin: no digit typed is said by itself" \
    eval '! grep -Eq "^sv$TAB[0-9 ,.]+\$" "$speech_log"'
ok_if "pin: on the PIN screen only the prompt and the counts are said" \
    eval '[ -z "$(sed -n "$((pin_start + 1)),$((pin_start + 6))p" "$speech_log" | grep -Fvx -e "sv$TAB$(digits 1)" -e "sv$TAB$(digits 2)" -e "sv$TAB$(digits 3)" -e "sv$TAB$(digits 4)" -e "sv$TAB$(digits 5)" -e "sv$TAB$(digits 6)")" ]'
finish
