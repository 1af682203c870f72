#!/bin/sh
# Search by words, as people type them: inflected Finnish, everyday
# words, English phrases.  The results come from the service's name,
# summary and keywords in the citizen's language, never from the name of
# its organisation; words that find nothing say so and offer the
# questions instead.
. "$top_srcdir/tests/e2e/lib.sh"

# name LANG ID: a service's name in the catalogue.
name() {
	python3 -c 'import json, sys
for s in json.load(open(sys.argv[1], encoding="utf-8"))["services"]:
    if s["service_id"] == sys.argv[3]:
        print(s["service_name"][sys.argv[2]])' "$ASSETS/catalogue.json" "$1" "$2"
}

# rank_of TEXT: the number of the result whose first line holds TEXT.
rank_of() {
	screen | sed -n "s/^ *>\{0,1\} *\([0-9][0-9]*\)  $(re_quote "$1").*/\1/p" | head -n 1
}

# to_search LANG NUMBER: from the welcome screen to the search screen.
to_search() {
	keys "$2" Enter
	wait_for "$(msg "$1" 'What has happened in your life?')" || return 1
	keys End Enter
	wait_for "$(msg "$1" 'What kind of service are you looking for?')"
}

# search LANG WORDS: type the words and wait for the results.
search() {
	type "$2"
	keys Enter
	wait_for "Opastin · $(msg "$1" 'Services for you')"
}

# again LANG WORDS: back to the search screen, where the words typed last
# come back, and erase them.
again() {
	keys Escape
	wait_for "$(msg "$1" 'Search:') $2_" || return 1
	_n=$(printf '%s' "$2" | wc -m)
	while [ "$_n" -gt 0 ]; do
		keys BSpace
		_n=$((_n - 1))
	done
	wait_for "$(msg "$1" 'Search:') _"
}

start 80 24 --lang fi --offline
ok_if "fi: the search screen" to_search fi 1

ok_if "fi: \"työtön\" finds services" search fi "työtön"
reg=$(name fi employment-area-jobseeker-registration)
ok_if "fi: \"työtön\" finds registering as a jobseeker among the first three" \
    eval 'r=$(rank_of "$reg"); [ -n "$r" ] && [ "$r" -le 3 ]'
ok_if "fi: the results say why: the words searched for" \
    wait_for "$(msg fi 'Why: it matches the words you searched for.' | words 3)"

ok_if "fi: back to the search, with the words typed" again fi "työtön"
search fi "eläke"
ok_if "fi: \"eläke\" puts a pension first, not Kela's family benefits" \
    eval 'screen | grep -E "^ *> +1  " | grep -qiE "eläk"'
ok_if "fi: \"eläke\" does not find the maternity grant through Kansaneläkelaitos" \
    not_shown "$(name fi kela-maternity-grant)"

again fi "eläke"
search fi "eläkkeen hakeminen"
ok_if "fi: an inflected form finds the pension claim" \
    wait_for "$(name fi earnings-related-pension-claim)"

again fi "eläkkeen hakeminen"
search fi "zyxwvu qqq"
ok_if "fi: words that find nothing say so plainly" \
    wait_for "$(msg fi 'No service matched the words you typed. Try other words, or answer a few questions about your life event. The staff here can also help you.' | words 4)"
ok_if "fi: no \"check your answers\" when there were none" \
    not_shown "$(msg fi 'No services matched your answers. Press Esc to check them, or F10 to start over. The staff here can also help you.' | words 4)"
ok_if "fi: the questions are offered instead" \
    wait_focus "[ $(msg fi 'Answer questions about your life event') ]"
keys Enter
ok_if "fi: Enter on it goes to the life-event question" \
    wait_for "$(msg fi 'What has happened in your life?')"
stop

start 80 24 --lang en --offline
to_search en 3
search en "lost my job"
ok_if "en: \"lost my job\" puts an unemployment service first" \
    eval 'screen | grep -E "^ *> +1  " | grep -qiE "jobseeker|unemployment"'
ok_if "en: sickness allowance is not first" \
    eval '! screen | grep -E "^ *> +1  " | grep -qF "$(name en kela-sickness-allowance)"'
stop

start 80 24 --lang sv --offline
to_search sv 2
search sv "flytta"
ok_if "sv: \"flytta\" finds the notification of move first" \
    wait_re "^ *> +1  $(re_quote "$(name sv dvv-notification-of-move)")"
finish
