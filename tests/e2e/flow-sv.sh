#!/bin/sh
# A whole flow in Swedish at 80x24, the language chosen on the welcome
# screen: "Losing your job", with a number question, a multiple choice
# (Space ticks), the meters, the municipality search by its Swedish name
# and the age group, then the review, the results and the details.
# Every text is checked as the Swedish catalogue has it.
. "$top_srcdir/tests/e2e/lib.sh"

L=sv
t() { msg $L "$1"; }
date=$(sed -n 's/^ *"catalogue_date": *"\([^"]*\)".*/\1/p' "$ASSETS/catalogue.json" | head -n 1)

ok_translated $L "Question %1\$zu of %2\$zu" "Check your answers" "Show suggested services" \
    "Services for you" "Service details" "Skip this question" "Losing your job"

# No --lang: the kiosk starts in Finnish, and the citizen picks Swedish.
start 80 24
ok_if "welcome: starts in Finnish" wait_for "Opastin · $(msg fi Welcome)"
ok_if "welcome: the three languages by their own names, in order" \
    in_order Suomi Svenska English
ok_if "welcome: the Swedish purpose line" \
    wait_for "$(t 'Find the public services that can help when something changes in your life.' | words 4)"
ok_if "welcome: the prompt in all three languages" \
    wait_for "$(msg fi 'Choose your language') · $(msg sv 'Choose your language') · Choose your language"
keys 2
ok_if "welcome: typing 2 moves the focus to Svenska" wait_focus Svenska
keys Enter

# The life event.
ok_if "event: the question in Swedish" wait_for "$(t 'What has happened in your life?')"
ok_if "event: the header in Swedish" wait_for "Opastin · $(t 'Your life event')"
ok_if "event: progress in Swedish (question 1)" wait_re "$(progress_re $L 1)"
ok_if "event: the key bar in Swedish, offering English next" \
    wait_re "Enter $(re_quote "$(t Select)") .*F2 English"
keys 6
ok_if "event: typing 6 moves the focus to losing one's job" wait_focus "$(t 'Losing your job')"
keys Enter

# Single choice.
ok_if "single: the first question of the event" wait_for "$(t 'Has your job already ended?')"
ok_if "single: the header names the event in Swedish" wait_for "Opastin · $(t 'Losing your job')"
ok_if "single: progress in Swedish (question 2)" wait_re "$(progress_re $L 2)"
choose 1 "$(t 'How many months ago did your work stop?')"

# Number, not optional.
ok_if "number: progress in Swedish (question 3)" wait_re "$(progress_re $L 3)"
ok_if "number: the answer field in Swedish" wait_for "$(t 'Your answer:') _"
ok_if "number: the unit in Swedish" marked "$(t 'Your answer:')" "$(msgn $L month months 0)"
ok_if "number: the range in Swedish" \
    wait_for "$(msgf $L 'Type a number from %1$d to %2$d, then press Enter.' 0 120)"
ok_if "number: a required number has no skip button" not_shown "$(t 'Skip this question')"
keys Enter
ok_if "number: Enter on nothing asks for a number, in Swedish" \
    wait_for "$(t 'Please type a number.')"
type 3
ok_if "number: typing clears the message" wait_gone "$(t 'Please type a number.')"
keys Enter
ok_if "single: the next question" wait_for "$(t 'Have you registered as a jobseeker?')"
choose 2 "$(t 'Which of these interest you?')"

# Multiple choice.
ok_if "multi: the boxes in Swedish, unticked" marked "$(t 'Finding a new job')" "[ ]"
keys Space Down Space
ok_if "multi: Space ticks the first box" wait_marked "$(t 'Finding a new job')" "[x]"
ok_if "multi: Down, Space ticks the second" wait_marked "$(t 'Training or a new career')" "[x]"
ok_if "multi: the focus is on the second" wait_focus "$(t 'Training or a new career')"
ok_if "multi: the third stays unticked" marked "$(t 'Starting my own business')" "[ ]"
ok_if "multi: the key bar names Space in Swedish" \
    wait_re "$(t Space) ($(t Tick)|$(msgc $L 'key bar, short' Tick))"
keys End Enter
ok_if "single: the money question" wait_for "$(t 'Do you have enough money for the next month?')"
choose 2 "$(t 'How is your money situation right now?')"

# The meters.
ok_if "meter: the ends labelled in Swedish" wait_re " 0  \\( \\) +$(re_quote "$(t 'Very bad')")"
ok_if "meter: the skip button in Swedish" wait_for "[ $(t 'Skip this question') ]"
keys 3 Enter
ok_if "meter: the coping meter, the second and last" wait_for "$(t 'How well do you cope when life gets difficult?')"
ok_if "meter: its own end labels" wait_re " 0  \\( \\) +$(re_quote "$(t 'Not well at all')")"
keys Enter

# The municipality, found by its Swedish name.
ok_if "municipality: the question in Swedish" wait_for "$(t 'Which municipality do you live in?')"
ok_if "municipality: the search field in Swedish" wait_for "$(t 'Search:') _"
ok_if "municipality: the header in Swedish" wait_for "Opastin · $(t 'About you')"
type vasa
ok_if "municipality: \"vasa\" finds Vasa, with its Finnish name after it" wait_for "Vasa (Vaasa)"
ok_if "municipality: what was typed shows" wait_for "$(t 'Search:') vasa_"
ok_if "municipality: Helsingfors is filtered out" not_shown Helsingfors
ok_if "municipality: Vasa has the focus" wait_focus "Vasa (Vaasa)"
keys Enter

# The age group.
ok_if "age: the question in Swedish" wait_for "$(t 'Which age group are you in?')"
choose 3 "$(t 'Check your answers')"

# The review.
rline() { msgf $L '%1$s: %2$s' "$(t "$1")" "$2"; }
ok_if "review: the header in Swedish" wait_for "Opastin · $(t 'Check your answers')"
ok_if "review: the introduction in Swedish" \
    wait_for "$(t 'These are your answers. Choose one to change it, or go on to the services.' | words 4)"
ok_if "review: the job answer" wait_for ": $(t 'Yes, it has ended')"
ok_if "review: the months" wait_for "$(rline 'Months without work' 3)"
ok_if "review: not registered" wait_for "$(rline 'Registered jobseeker' "$(msgc $L ke8-registered 'Not yet')")"
ok_if "review: the ticked boxes" \
    wait_for "$(rline 'Next steps' "$(t 'Finding a new job'), $(t 'Training or a new career')")"
ok_if "review: a rating" wait_for "$(rline Money "$(msgf $L '%d of 10' 3)")"
ok_if "review: Enter on a meter records no rating" wait_for "$(rline Coping "$(t '(not answered)')")"
ok_if "review: the municipality by its Swedish name" wait_for "$(rline Municipality Vasa)"
ok_if "review: the age group" wait_for "$(rline 'Age group' 30–49)"
ok_if "review: the final button in Swedish, with the focus" \
    wait_focus "[ $(t 'Show suggested services') ]"
keys Enter

# The results.
ok_if "results: the header in Swedish" wait_for "Opastin · $(t 'Services for you')"
ok_if "results: the count in Swedish" \
    wait_re "$(re_quote "$(t 'Services for you')") +(.* · )?$(msgn_re $L '%zu service' '%zu services') *\$"
ok_if "results: the source in Swedish" \
    wait_for "$(msgf $L "Suggestions from this kiosk's own service catalogue, checked %s." "$date" | words 4)"
ok_if "results: why, in Swedish" wait_for "$(msg_prefix $L 'Why: %s')"
reg=$(python3 -c 'import json,sys; print([s["service_name"]["sv"] for s in json.load(open(sys.argv[1]))["services"] if s["service_id"] == "employment-area-jobseeker-registration"][0])' "$ASSETS/catalogue.json")
ok_if "results: registering as a jobseeker comes first, as it was not yet done" \
    wait_re "^ *> +1  $(re_quote "$reg")"
ok_if "results: \"do this first\" in Swedish" wait_for "$(msg_prefix $L 'Do this first: %s')"
ok_if "results: the reason names the question and the answer, in Swedish" \
    wait_re "^ *$(re_quote "$(msg_prefix $L 'Why: %s')")$(re_quote "$(t 'Registered jobseeker'): $(msgc $L ke8-registered 'Not yet')")"
first=$(screen | sed -n 's/^ *> *1  //p' | sed 's/ *$//')
ok_if "results: the first service by its Swedish name (from the catalogue)" \
    grep -qF "\"sv\": \"$first" "$ASSETS/catalogue.json"
keys Down
ok_if "results: Down moves to the second service" wait_re '^ *> +2 '
second=$(screen | sed -n 's/^ *> *2  //p' | sed 's/ *$//')
keys Enter

# The details of the second service.
ok_if "detail: the header in Swedish" wait_for "Opastin · $(t 'Service details')"
ok_if "detail: the position says 2 of n, in Swedish" wait_re "$(msg_re $L '%1$zu of %2$zu' 2 '#') *\$"
ok_if "detail: the service's name" wait_for "$second"
ok_if "detail: a channel in Swedish" \
    wait_re "$(re_quote "$(t 'Web page')")|$(re_quote "$(t 'Online service')")|$(re_quote "$(t 'Phone')")"
keys End
ok_if "detail: the date of the page the facts come from, in Swedish" \
    wait_for "$(msg_prefix $L 'Source page dated: %s')"
keys Escape
ok_if "detail: Esc returns to the results" wait_for "Opastin · $(t 'Services for you')"
keys Escape
ok_if "results: Esc returns to the review" wait_for "Opastin · $(t 'Check your answers')"
finish
