#!/bin/sh
# F2 in the middle of a flow: the same question, with the same focus,
# in Swedish, then English, then Finnish again; the answers are kept and
# the review and the results follow the language.
. "$top_srcdir/tests/e2e/lib.sh"

ok_translated fi "Do you know where you will live?" "Divorce or separation" "Check your answers"
ok_translated sv "Do you know where you will live?" "Divorce or separation" "Check your answers"

rline() { msgf "$1" '%1$s: %2$s' "$(msg "$1" "$2")" "$3"; }

# on_question LANG: the question of the ke7-home step, in LANG.
on_question() {
	wait_for "$(msg "$1" 'Do you know where you will live?')" &&
	wait_for "Opastin · $(msg "$1" 'Divorce or separation')" &&
	wait_re "$(progress_re "$1" 5)"
}

start 80 24 --lang fi
ok_if "welcome in Finnish" wait_for "Opastin · $(msg fi Welcome)"
keys Enter
ok_if "the life-event question in Finnish" wait_for "$(msg fi 'What has happened in your life?')"
keys 5
ok_if "5 is divorce or separation" wait_focus "$(msg fi 'Divorce or separation')"
keys Enter
ok_if "the first question of the event" wait_for "$(msg fi 'Are you married to your partner?')"
choose 1 "$(msg fi 'How many children under 18 do you have together?')"
type 2
keys Enter
ok_if "two children: asked about the agreement" wait_for "$(msg fi 'Have you agreed where the children will live?')"
choose 1 "$(msg fi 'Do you know where you will live?')"
keys Down
ok_if "the focus on the second option" wait_focus "$(msg fi 'I need a new home')"

# F2 cycles fi -> sv -> en -> fi on the same question.
keys F2
ok_if "F2: the same question in Swedish" on_question sv
ok_if "F2: the options in Swedish" wait_for "$(msg sv 'I will stay in our home')"
ok_if "F2: the focus stays on the second option" wait_focus "$(msg sv 'I need a new home')"
ok_if "F2: the key bar in Swedish, offering English next" wait_for "F2 English"
ok_if "F2: no Finnish left on the screen" not_shown "$(msg fi 'Do you know where you will live?')"
keys F2
ok_if "F2 again: the same question in English" on_question en
ok_if "F2 again: the focus stays" wait_focus "I need a new home"
ok_if "F2 again: the key bar offers Finnish next" wait_for "F2 Suomi"
keys F2
ok_if "F2 a third time: back in Finnish" on_question fi
ok_if "F2 a third time: the focus stays" wait_focus "$(msg fi 'I need a new home')"
ok_if "F2 a third time: the key bar offers Swedish next" wait_for "F2 Svenska"

# The earlier answers are kept.
keys Escape
ok_if "Esc: the agreement question, in Finnish" wait_for "$(msg fi 'Have you agreed where the children will live?')"
ok_if "... its answer still marked (*)" wait_marked "$(msg fi 'Yes, we agree')" "(*)"
keys F2
ok_if "... and still marked in Swedish" wait_marked "$(msg sv 'Yes, we agree')" "(*)"
keys Escape
ok_if "Esc: the number of children, in Swedish" \
    wait_for "$(msg sv 'How many children under 18 do you have together?')"
ok_if "... the number is still there" wait_for "$(msg sv 'Your answer:') 2_"
keys F2 F2
ok_if "... and in Finnish" wait_for "$(msg fi 'Your answer:') 2_"
keys Enter
ok_if "Enter keeps the number and goes on" wait_for "$(msg fi 'Have you agreed where the children will live?')"
keys Enter
ok_if "Enter keeps the agreement and goes on" on_question fi
keys 2 Enter
ok_if "a new home: the worries question" wait_for "$(msg fi 'Which of these worry you?')"
keys 1 Space
ok_if "a worry ticked" wait_marked "$(msgc fi ke7-worries Money)" "[x]"
keys F2
ok_if "the tick survives F2" wait_marked "$(msgc sv ke7-worries Money)" "[x]"
keys F2 F2
ok_if "... and F2 back to Finnish" wait_marked "$(msgc fi ke7-worries Money)" "[x]"
keys End Enter
ok_if "the meters follow: housing" wait_for "$(msg fi 'How is your housing situation right now?')"
keys 8 Enter
ok_if "the money meter" wait_for "$(msg fi 'How is your money situation right now?')"
ok_if "the rest to the municipality" \
    enter_until "$(msg fi 'Which municipality do you live in?')"
type helsin
ok_if "Helsinki found" wait_focus "Helsinki (Helsingfors)"
keys F2
ok_if "F2 on the search: Helsingfors first, the search kept" \
    wait_focus "Helsingfors (Helsinki)"
ok_if "... the search field in Swedish, with the letters typed" wait_for "$(msg sv 'Search:') helsin_"
keys Enter
ok_if "the age question in Swedish" wait_for "$(msg sv 'Which age group are you in?')"
choose 3 "$(msg sv 'Check your answers')"

# The review in each language.
review_in() {
	l=$1
	wait_for "Opastin · $(msg "$l" 'Check your answers')" &&
	wait_for "$(rline "$l" Married "$(msg "$l" 'Yes, we are married')")" &&
	wait_for "$(rline "$l" 'Children together' 2)" &&
	wait_for "$(rline "$l" 'Agreement on children' "$(msg "$l" 'Yes, we agree')")" &&
	wait_for "$(rline "$l" 'Where you will live' "$(msg "$l" 'I need a new home')")" &&
	wait_for "$(rline "$l" Worries "$(msgc "$l" ke7-worries Money)")" &&
	wait_for "$(rline "$l" Housing "$(msgf "$l" '%d of 10' 8)")" &&
	wait_for "$(rline "$l" 'Age group' 30–49)" &&
	wait_for "[ $(msg "$l" 'Show suggested services') ]"
}
ok_if "review: every answer, in Swedish" review_in sv
ok_if "review: the municipality by its Swedish name" wait_for "$(rline sv Municipality Helsingfors)"
keys F2
ok_if "review after F2: every answer, in English" review_in en
ok_if "review after F2: the municipality in English (its Finnish name)" \
    wait_for "$(rline en Municipality Helsinki)"
keys F2
ok_if "review after F2 F2: every answer, in Finnish" review_in fi
ok_if "review after F2 F2: the municipality in Finnish" wait_for "$(rline fi Municipality Helsinki)"
keys F2
ok_if "review after F2 F2 F2: Swedish again" review_in sv

# The results follow the language too.
keys End Enter
ok_if "results in Swedish" wait_for "Opastin · $(msg sv 'Services for you')"
ok_if "results: why, in Swedish" wait_for "$(msg_prefix sv 'Why: %s')"
first_sv=$(screen | sed -n 's/^ *> *1  //p' | sed 's/ *$//')
ok_if "results: the first service by its Swedish name" grep -qF "\"sv\": \"$first_sv" "$ASSETS/catalogue.json"
keys F2
ok_if "results after F2: in English" wait_for "Opastin · Services for you"
ok_if "results after F2: why, in English" wait_for "Why: "
ok_if "results after F2: the service name changes language" wait_gone "$first_sv"
first_en=$(screen | sed -n 's/^ *> *1  //p' | sed 's/ *$//')
ok_if "results after F2: the first service by its English name" grep -qF "\"en\": \"$first_en" "$ASSETS/catalogue.json"
keys F2
ok_if "results after F2 F2: in Finnish" wait_for "Opastin · $(msg fi 'Services for you')"
ok_if "results after F2 F2: why, in Finnish" wait_for "$(msg_prefix fi 'Why: %s')"
keys Enter
ok_if "detail in Finnish" wait_for "Opastin · $(msg fi 'Service details')"
keys F2
ok_if "detail after F2: in Swedish" wait_for "Opastin · $(msg sv 'Service details')"
ok_if "detail after F2: the same service, by its Swedish name" wait_for "$first_sv"
finish
