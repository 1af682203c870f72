#!/bin/sh
# A whole flow in a large window, 160x50: everything fits without
# scrolling, the results show many more services at once than at 80x24,
# and F1 opens and closes the help.
. "$top_srcdir/tests/e2e/lib.sh"

why_lines() {
	screen | grep -c '^ *Why: '
}

start 160 50 --lang en
ok_if "welcome at 160x50" wait_for "Opastin · Welcome"
ok_if "the key bar on the last row" wait_size 160 50
keys Enter
ok_if "the life-event question" wait_for "What has happened in your life?"
ok_if "all twelve life events fit, the last one included" wait_for "Starting a business"
ok_if "nothing to scroll" not_shown "↓"
keys 1 2
ok_if "typing 1 2 quickly picks the twelfth event" wait_focus "Starting a business"
keys Enter
ok_if "the first question of the event" wait_for "What kind of business are you planning?"
ok_if "the header names the event" wait_for "Opastin · Starting a business"

# F1: the help, whole, then back to the same question.
keys F1
ok_if "F1 opens the help" wait_for "Opastin · Help"
ok_if "the help starts with what the kiosk is for" \
    wait_for "$(msg en 'This kiosk suggests public services that can help when something changes in your life. Answer a few questions and you get a list of services with their phone numbers, web addresses and other contact details.' | words 6)"
ok_if "the help explains the keys" wait_for "$(msg en 'Change the language. Your answers are kept.')"
ok_if "the whole help fits: its last paragraph shows" \
    wait_joined "$(msg en 'The suggestions are made by a computer from your answers. They are not a decision about you. The staff here are glad to help.')"
ok_if "the question is hidden under the help" not_shown "What kind of business are you planning?"
keys F1
ok_if "F1 again closes the help" wait_gone "Opastin · Help"
ok_if "the same question is back" wait_for "What kind of business are you planning?"
keys 2
ok_if "the kiosk still answers keys" wait_focus "Limited company"
keys F1
ok_if "F1 opens the help again" wait_for "Opastin · Help"
keys Escape
ok_if "Esc closes the help" wait_for "What kind of business are you planning?"
ok_if "... with the focus where it was" wait_focus "Limited company"
keys Enter

choose 1 "Have you applied for a start-up grant?"
choose 3 "Which of these do you need help with?"
keys 1 Space 3 Space 4 Space
ok_if "three boxes ticked" wait_marked "Taxes and bookkeeping" "[x]"
keys End Enter
ok_if "the number question" wait_for "How many people will work in the business?"
type 4
keys Enter
ok_if "the first meter" wait_for "How are your work or studies going right now?"
keys 2 Enter
ok_if "the second meter" wait_for "How is your money situation right now?"
keys 3 Enter
ok_if "the municipality" wait_for "Which municipality do you live in?"
ok_if "many municipalities show at once" test "$(screen | grep -c '^ *>\{0,1\} \{5,\}[A-ZÄÖ][a-zäöå]')" -ge 30
type tampere
ok_if "Tampere found" wait_focus "Tampere (Tammerfors)"
keys Enter
choose 3 "Check your answers"

ok_if "review: every answer and the button fit" wait_for "[ Show suggested services ]"
ok_if "review: the ticked boxes on one line" \
    wait_for "Help needed: A business plan and advice, Money to get started, Taxes and bookkeeping"
ok_if "review: the number with its unit" wait_for "People in the business: 4"
ok_if "review: the municipality" wait_for "Municipality: Tampere"
keys Enter

ok_if "the results" wait_for "Opastin · Services for you"
ok_if "results: why, for each" wait_for "Why: "
n160=$(why_lines)
diag "services shown at 160x50: $n160"
ok_if "results: at least 5 services show at once" test "$n160" -ge 5
ok_if "results: the fifth is numbered" wait_re '^ +5  '
keys Enter
ok_if "detail" wait_for "Opastin · Service details"
ok_if "detail: everything fits, the date of the facts too" wait_for "Source page dated: "
ok_if "detail: nothing to scroll" not_shown "↓"
keys Escape
ok_if "back to the results" wait_for "Opastin · Services for you"

# The same results at 80x24 show fewer.
resize 80 24
ok_if "80x24: drawn for the smaller size" wait_size 80 24
ok_if "80x24: still the results" wait_for "Opastin · Services for you"
n80=$(why_lines)
diag "services shown at 80x24: $n80"
ok_if "the large window shows more services than 80x24 ($n160 > $n80)" test "$n160" -gt "$n80"
resize 160 50
ok_if "160x50 again: drawn" wait_size 160 50
ok_if "160x50 again: the same number of services" test "$(why_lines)" -eq "$n160"
finish
