#!/bin/sh
# A whole flow in Finnish at 80x24: "Having a child", with a number
# question, a multiple choice (Space ticks), the meters, the municipality
# search and the age group, then the review, the results and the
# details of a service.  Every text is checked as the Finnish catalogue
# has it.
. "$top_srcdir/tests/e2e/lib.sh"

L=fi
t() { msg $L "$1"; }
date=$(sed -n 's/^ *"catalogue_date": *"\([^"]*\)".*/\1/p' "$ASSETS/catalogue.json" | head -n 1)

ok_translated $L "Question %1\$zu of %2\$zu" "Check your answers" "Show suggested services" \
    "Services for you" "Service details" "Skip this question" "Having a child"

start 80 24 --lang fi
ok_if "welcome: the header is in Finnish" wait_for "Opastin · $(t Welcome)"
ok_if "welcome: Suomi has the focus" wait_focus "Suomi"
ok_if "welcome: the purpose in Finnish" \
    wait_for "$(t 'Find the public services that can help when something changes in your life.' | words 4)"
ok_if "welcome: the key bar offers Swedish next" wait_for "F2 Svenska"
keys Enter

# The life event.
ok_if "event: the question in Finnish" wait_for "$(t 'What has happened in your life?')"
ok_if "event: the header names the step" wait_for "Opastin · $(t 'Your life event')"
ok_if "event: progress in Finnish (question 1)" wait_re "$(progress_re $L 1)"
ok_if "event: the events by their Finnish names" wait_for "$(t 'Having a child')"
ok_if "event: with their descriptions" \
    wait_for "$(t 'Expecting a baby, a new baby at home, or adoption')"
ok_if "event: the key bar is in Finnish" wait_for "Enter $(t Select)"
keys Down Down
ok_if "event: arrows move the focus" wait_focus "$(t 'Moving home')"
keys 1
ok_if "event: typing 1 moves the focus to the first event" wait_focus "$(t 'Having a child')"
keys Enter

# Single choice.
ok_if "single: the first question of the event" \
    wait_for "$(t 'Which of these describes your situation?')"
ok_if "single: the header names the event" wait_for "Opastin · $(t 'Having a child')"
ok_if "single: progress in Finnish (question 2)" wait_re "$(progress_re $L 2)"
ok_if "single: options show ( )" marked "$(t 'We have a baby under one year old')" "( )"
choose 2 "$(t 'Will you raise the child with a partner?')"
ok_if "single: Enter goes on to the next question" wait_re "$(progress_re $L 3)"
choose 3 "$(t 'How many children under 18 already live with you?')"

# Number.
ok_if "number: the question in Finnish" \
    wait_for "$(t 'How many children under 18 already live with you?')"
ok_if "number: the answer field in Finnish" wait_for "$(t 'Your answer:') _"
ok_if "number: the unit in Finnish" marked "$(t 'Your answer:')" "$(msgn $L child children 0)"
ok_if "number: the range in Finnish" \
    wait_for "$(msgf $L 'Type a number from %1$d to %2$d, then press Enter.' 0 15)"
ok_if "number: it can be skipped" wait_for "[ $(t 'Skip this question') ]"
type 20
ok_if "number: typed digits show" wait_for "$(t 'Your answer:') 20_"
keys Enter
ok_if "number: out of range is refused in Finnish" \
    wait_for "$(msgf $L 'Please type a number from %1$d to %2$d.' 0 15)"
ok_if "number: and the question stays" wait_re "$(progress_re $L 4)"
keys BSpace BSpace
ok_if "number: Backspace erases" wait_for "$(t 'Your answer:') _"
type 1
keys Enter

# Multiple choice: Space ticks, Continue continues.
ok_if "multi: the question in Finnish" wait_for "$(t 'Which of these would you like help with?')"
ok_if "multi: boxes are unticked" marked "$(t 'Money during parental leave')" "[ ]"
ok_if "multi: the key bar names Space in Finnish" wait_for "$(t Space) $(t Tick)"
keys Space
ok_if "multi: Space ticks the focused box" wait_marked "$(t 'Money during parental leave')" "[x]"
keys 3
ok_if "multi: typing 3 moves the focus" wait_focus "$(t 'Day care or caring for a child at home')"
keys Space
ok_if "multi: Space ticks the third box" \
    wait_marked "$(t 'Day care or caring for a child at home')" "[x]"
ok_if "multi: the first stays ticked" marked "$(t 'Money during parental leave')" "[x]"
ok_if "multi: the others stay unticked" marked "$(t 'Health checks for mother and baby')" "[ ]"
keys 4 Space Space
ok_if "multi: Space twice leaves a box unticked" \
    wait_marked "$(t 'I feel tired or low')" "[ ]"
ok_if "multi: the Continue button is in Finnish" wait_for "[ $(t Continue) ]"
keys End
ok_if "multi: End moves to Continue" wait_focus "[ $(t Continue) ]"
keys Enter

# The meters: 0 to 10, skippable.
ok_if "meter: the family question in Finnish" \
    wait_for "$(t 'How are things in your family right now?')"
ok_if "meter: the low end is labelled in Finnish" \
    wait_re " 0  \\( \\) +$(re_quote "$(t 'Very bad')")"
ok_if "meter: the high end is labelled in Finnish" \
    wait_re "10  \\( \\) +$(re_quote "$(t 'Very good')")"
ok_if "meter: skip button in Finnish" wait_for "[ $(t 'Skip this question') ]"
ok_if "meter: the focus starts on the skip button" focused "[ $(t 'Skip this question') ]"
keys 7 Enter
ok_if "meter: the money question" \
    wait_for "$(t 'How is your money situation right now?')"
keys End
ok_if "meter: End moves to the skip button" wait_focus "[ $(t 'Skip this question') ]"
keys Enter

# The municipality search.
ok_if "municipality: the question in Finnish" \
    wait_for "$(t 'Which municipality do you live in?')"
ok_if "municipality: the search field in Finnish" wait_for "$(t 'Search:') _"
ok_if "municipality: the header says it is about you" wait_for "Opastin · $(t 'About you')"
type jyvas
ok_if "municipality: typing filters: \"jyvas\" finds Jyväskylä" wait_for "Jyväskylä"
ok_if "municipality: what was typed shows" wait_for "$(t 'Search:') jyvas_"
ok_if "municipality: Helsinki is filtered out" not_shown Helsinki
ok_if "municipality: the match has the focus" wait_focus "Jyväskylä"
keys Enter

# The age group.
ok_if "age: the question in Finnish" wait_for "$(t 'Which age group are you in?')"
ok_if "age: the last option in Finnish" wait_for "$(t 'Prefer not to say')"
choose 2 "$(t 'Check your answers')"

# The review.
ok_if "review: the header in Finnish" wait_for "Opastin · $(t 'Check your answers')"
ok_if "review: the introduction in Finnish" \
    wait_for "$(t 'These are your answers. Choose one to change it, or go on to the services.' | words 4)"
rline() { msgf $L '%1$s: %2$s' "$(t "$1")" "$2"; }
ok_if "review: the situation" wait_for "$(rline Situation "$(t 'We have a baby under one year old')")"
ok_if "review: the partner" wait_for "$(rline Partner "$(t 'No, on my own')")"
ok_if "review: the number of children" wait_for "$(rline 'Children at home' "1 $(msgn $L child children 1)")"
ok_if "review: the ticked boxes, in order" \
    wait_for "$(rline 'Help needed' "$(t 'Money during parental leave'),")"
ok_if "review: a rating" wait_for "$(rline Family "$(msgf $L '%d of 10' 7)")"
ok_if "review: a skipped meter" wait_for "$(rline Money "$(t '(not answered)')")"
ok_if "review: the municipality" wait_for "$(rline Municipality Jyväskylä)"
ok_if "review: the age group" wait_for "$(rline 'Age group' 18–29)"
ok_if "review: the answers in the order asked" \
    in_order "$(t Situation):" "$(t Partner):" "$(t 'Children at home'):" \
    "$(t 'Help needed'):" "$(t Family):" "$(t Municipality):" "$(t 'Age group'):"
ok_if "review: the final button has the focus" wait_focus "[ $(t 'Show suggested services') ]"
keys Enter

# The results.
ok_if "results: the header in Finnish" wait_for "Opastin · $(t 'Services for you')"
ok_if "results: the count in Finnish" \
    wait_re "$(re_quote "$(t 'Services for you')") +(.* · )?$(msgn_re $L '%zu service' '%zu services') *\$"
ok_if "results: the source in Finnish" \
    wait_for "$(msgf $L "Suggestions from this kiosk's own service catalogue, checked %s." "$date" | words 4)"
ok_if "results: why, in Finnish" wait_for "$(msg_prefix $L 'Why: %s')"
# The Money meter was skipped; the answer "No, on my own" only implies a
# value for it (questions.json), which is no rating of the citizen's.
no_reason_names() {
	_bad=$(screen | grep -F -- "$(msg_prefix $L 'Why: %s')" | grep -F -- "$1")
	[ -z "$_bad" ] || { diag "$_bad"; return 1; }
}
ok_if "results: no reason claims a rating of Money, which was skipped" \
    no_reason_names "$(t Money)"
ok_if "results: the first service has the focus" wait_re '^ *> +1 '
first=$(screen | sed -n 's/^ *> *1  //p' | sed 's/ *$//')
ok_if "results: the service name is in Finnish (from the catalogue)" \
    grep -qF "\"fi\": \"$first" "$ASSETS/catalogue.json"
ok_if "results: the key bar in Finnish" wait_for "Enter $(t Open)"
keys Enter

# The details.
ok_if "detail: the header in Finnish" wait_for "Opastin · $(t 'Service details')"
ok_if "detail: the position in Finnish" wait_re "$(msg_re $L '%1$zu of %2$zu' 1 '#') *\$"
ok_if "detail: the service's name" wait_for "$first"
# A channel, or (a service with no channel in the catalogue) where to
# ask, in Finnish: a local service's, or any other's.
ok_if "detail: a channel in Finnish, or where to ask" \
    wait_re "$(re_quote "$(t 'Web page')")|$(re_quote "$(t 'Online service')")|$(re_quote "$(t 'Phone')")|$(re_quote "$(t 'This service is provided locally, so contact details vary by area. Ask the staff here, or search for the service on suomi.fi.' | words 4)")|$(re_quote "$(t 'This kiosk has no contact details for this service. Ask the staff here, or look for the service on Suomi.fi.' | words 4)")"
keys End
# The date the facts give for the service's source, where they give one;
# no date is claimed where they do not.
checked=$(python3 -c 'import json, sys
for s in json.load(open(sys.argv[1], encoding="utf-8"))["services"]:
    if s["service_name"]["fi"] == sys.argv[2]:
        c = s.get("checked", "").split("-")
        # Finnish writes 2.12.2026, and 6/2025 for a month alone.
        print("%d.%d.%s" % (int(c[2]), int(c[1]), c[0]) if len(c) == 3 else
              "%d/%s" % (int(c[1]), c[0]) if len(c) == 2 else "")
        break' "$ASSETS/catalogue.json" "$first")
if [ -n "$checked" ]; then
	ok_if "detail: the date of the page the facts come from, in Finnish" \
	    wait_for "$(msgf $L 'Source page dated: %s' "$checked")"
else
	wait_re "$(msg_re $L '%1$zu of %2$zu' 1 '#') *\$"
	ok_if "detail: no date where the facts give none" \
	    sh -c '! printf "%s\n" "$1" | grep -qF -- "$2"' - "$(screen)" \
	    "$(msg_prefix $L 'Source page dated: %s')"
fi
keys Escape
ok_if "detail: Esc returns to the results" wait_for "Opastin · $(t 'Services for you')"
ok_if "results: the focus is still on the first service" wait_re '^ *> +1 '
finish
