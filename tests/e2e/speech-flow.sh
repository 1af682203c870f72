#!/bin/sh
# Speech through a whole flow, in Finnish, Swedish and English: with
# "speech = always" the utterances go to the speech log, and they must
# come in the order of the screens: the welcome screen said whole, each
# new question said whole with its progress and its focused option with
# the option's number, the review, and the results with the first
# service's name and organisation; every line tagged with the language.
#
# The flow is "Having a child" with the first option of each question,
# which passes through every question type: single choice, a number, a
# multiple choice, three scales, the municipality search and the age
# group.  The program is driven by what the screen shows; the log is
# checked at the end, when the results have been said.
. "$top_srcdir/tests/e2e/lib.sh"

conf="$tmpdir/speech.conf"

# A line of the log in language L whose text holds the extended regexes
# given, in this order.
utt() {
	_re="^$L$TAB"
	for _p in "$@"; do
		_re="$_re.*$_p"
	done
	printf '%s\n' "$_re"
}
q() { re_quote "$(msg $L "$1")"; }
lit() { re_quote "$1"; }

# step POS QUESTION: wait until the question is on the screen with its
# progress in the header.
step() {
	wait_re "$(progress_re $L "$1") *\$" && wait_for "$(msg $L "$2")"
}

flow() {
	L=$1
	lang_no=$2
	lang_name=$3
	log_at=0
	rm -f "$speech_log"
	stop
	start 100 30 --lang $L --config "$conf"

	# Drive the flow; each screen is waited for before the next key.
	wait_for "Opastin · $(msg $L Welcome)"
	keys Enter
	step 1 'What has happened in your life?'
	keys Enter
	step 2 'Which of these describes your situation?'
	keys Enter
	step 3 'Will you raise the child with a partner?'
	keys Enter
	step 4 'How many children under 18 already live with you?'
	type 1
	wait_for "$(msg $L 'Your answer:') 1_"
	keys Enter
	step 5 'Which of these would you like help with?'
	keys End Enter
	step 6 'How are things in your family right now?'
	keys Enter
	step 7 'How is your money situation right now?'
	keys Enter
	step 8 'Which municipality do you live in?'
	keys Enter
	step 9 'Which age group are you in?'
	keys Enter
	wait_for "Opastin · $(msg $L 'Check your answers')"
	wait_focus "[ $(msg $L 'Show suggested services') ]"
	keys Enter
	wait_for "Opastin · $(msg $L 'Services for you')"
	wait_re '^ *> +1  '
	name=$(screen | sed -n 's/^ *> *1  //p' | sed 's/ *$//')
	ok_if "$L: the results are said" \
	    wait_log_re "$(utt "$(q 'Services for you')" "$(lit "1, $name. ")")" 5

	# The utterances, in order.
	ok_if "$L: the welcome screen is said whole, with the focused language" \
	    said "$(utt "$(q Welcome)\\. $(q 'Choose your language')\\." \
	    "$(lit "$lang_no, $lang_name.")" \
	    "$(lit "$(msg $L 'Find the public services that can help when something changes in your life.')")")"
	ok_if "$L: question 1 is said whole: title, question, progress, focused option" \
	    said "$(utt "$(q 'Your life event')" "$(q 'What has happened in your life?')" \
	    "$(progress_re $L 1)" "$(lit "1, $(msg $L 'Having a child')")\$")"
	ok_if "$L: question 2 (single choice) is said whole" \
	    said "$(utt "$(q 'Having a child')" "$(q 'Which of these describes your situation?')" \
	    "$(progress_re $L 2)" "$(lit "1, $(msg $L 'We are expecting a baby')")\$")"
	ok_if "$L: question 3 (single choice) is said whole" \
	    said "$(utt "$(q 'Will you raise the child with a partner?')" \
	    "$(progress_re $L 3)" "$(lit "1, $(msg $L 'Yes, with my spouse')")\$")"
	ok_if "$L: question 4 (a number) is said whole, with its answer field" \
	    said "$(utt "$(q 'How many children under 18 already live with you?')" \
	    "$(progress_re $L 4)" "$(q 'Your answer:') ?\$")"
	ok_if "$L: the typed digit is said" said "^$L$TAB$(q 'Your answer:') 1\$"
	ok_if "$L: question 5 (multiple choice) is said whole, with the box's state" \
	    said "$(utt "$(q 'Which of these would you like help with?')" \
	    "$(progress_re $L 5)" \
	    "$(lit "1, $(msg $L 'Money during parental leave'), $(msg $L 'not selected')")\$")"
	ok_if "$L: question 6 (a scale) is said whole, focus on Skip" \
	    said "$(utt "$(q 'How are things in your family right now?')" \
	    "$(progress_re $L 6)" "$(lit "$(msg $L 'Skip this question'), $(msg $L button)")\$")"
	ok_if "$L: question 7 (a scale) is said whole" \
	    said "$(utt "$(q 'How is your money situation right now?')" \
	    "$(progress_re $L 7)" "$(lit "$(msg $L 'Skip this question'), $(msg $L button)")\$")"
	ok_if "$L: question 8 (the municipality) is said whole, focus on its button" \
	    said "$(utt "$(q 'About you')" "$(q 'Which municipality do you live in?')" \
	    "$(progress_re $L 8)" \
	    "$(lit "$(msg $L 'Not in Finland / prefer not to say'), $(msg $L button)")\$")"
	ok_if "$L: question 9 is said whole" \
	    said "$(utt "$(q 'Which age group are you in?')" \
	    "$(progress_re $L 9)" "$(lit "1, $(msg $L 'Under 18')")\$")"
	ok_if "$L: the review is said whole, with its focused button" \
	    said "$(utt "$(q 'Check your answers')" \
	    "$(q 'These are your answers. Choose one to change it, or go on to the services.')" \
	    "$(q 'Show suggested services')")"
	ok_if "$L: the results are said: count, then the first service's name, its first step and organisation" \
	    said "$(utt "$(q 'Services for you')" "$(msgn_re $L '%zu service' '%zu services')" \
	    "$(lit "1, $name. ")" "$(re_quote "$(msg_prefix $L 'Do this first: %s')")")"
	untagged=$(grep -cv "^$L$TAB" "$speech_log")
	ok_if "$L: every utterance is tagged \"$L\"" [ "$untagged" -eq 0 ]
	[ "$untagged" -eq 0 ] || log_diag
}

printf 'speech = always\nspeech_log = %s\n' "$speech_log" >"$conf"

ok_translated fi Welcome 'Choose your language' 'Question %1$zu of %2$zu' \
    'Your answer:' 'Search:' 'Check your answers' 'Services for you' 'not selected'
flow fi 1 Suomi
ok_translated sv Welcome 'Choose your language' 'Question %1$zu of %2$zu' \
    'Your answer:' 'Search:' 'Check your answers' 'Services for you' 'not selected'
flow sv 2 Svenska
flow en 3 English
finish
