#!/bin/sh
# Going back and changing answers at 80x24, with "Moving home" (KE4),
# whose first question decides which later questions are asked:
# a move in Finland asks about the new home (and the rent, for a rented
# one); a move abroad asks for the destination instead.
#   - Esc and Backspace go back, and earlier answers are still marked;
#   - changing the first answer drops the answers that no longer apply
#     and keeps the others;
#   - from the review, an answer can be changed and the review comes
#     back;
#   - F10: "No" keeps every answer, "Yes" starts over from the welcome
#     screen with nothing left of the old answers.
. "$top_srcdir/tests/e2e/lib.sh"

L=en
t() { msg $L "$1"; }
rline() { msgf $L '%1$s: %2$s' "$(t "$1")" "$(t "$2")"; }

IN_FINLAND="Moving to a new home in Finland"
ABROAD="Moving from Finland to another country"

start 80 24 --lang en
ok_if "welcome" wait_for "Opastin · $(t Welcome)"
keys Enter
ok_if "the life-event question" wait_for "$(t 'What has happened in your life?')"
keys 3
ok_if "3 is Moving home" wait_focus "$(t 'Moving home')"
keys Enter

# Forward: kind of move, new home, rent.
ok_if "the kind of move is asked first" wait_for "$(t 'What kind of move is it?')"
choose 2 "$(t 'What kind of home are you moving to?')"
ok_if "a move in Finland asks about the new home" wait_re "$(progress_re $L 3)"
choose 1 "$(t 'Can you pay the rent and the costs of moving?')"
ok_if "a rented home asks about the rent" wait_re "$(progress_re $L 4)"
choose 2 "$(t 'How is your housing situation right now?')"
ok_if "then the first meter" wait_re "$(progress_re $L 5)"

# Back, with Esc and with Backspace.
keys Escape
ok_if "Esc goes back to the rent question" wait_for "$(t 'Can you pay the rent and the costs of moving?')"
ok_if "the rent answer is still marked (*)" wait_marked "$(t 'It will be difficult')" "(*)"
ok_if "... and has the focus" focused "$(t 'It will be difficult')"
ok_if "... and only it is marked" marked "$(t 'Yes, without problems')" "( )"
ok_if "progress goes back too" wait_re "$(progress_re $L 4)"
keys BSpace
ok_if "Backspace goes back to the new-home question" wait_for "$(t 'What kind of home are you moving to?')"
ok_if "the new-home answer is still marked (*)" wait_marked "$(t 'A rented home')" "(*)"
keys Escape
ok_if "Esc goes back to the kind of move" wait_for "$(t 'What kind of move is it?')"
ok_if "the kind of move is still marked (*)" wait_marked "$(t "$IN_FINLAND")" "(*)"
ok_if "... and has the focus" wait_focus "$(t "$IN_FINLAND")"

# Change it: abroad.  The destination is asked instead of the home.
choose 3 "$(t 'Where are you moving to?')"
ok_if "moving abroad asks for the destination" wait_re "$(progress_re $L 3)"
ok_if "... with nothing marked yet" not_shown "(*)"
choose 2 "$(t 'How is your housing situation right now?')"
ok_if "then the meters, without the rent question" wait_re "$(progress_re $L 4)"
keys 6 Enter
ok_if "a rating given on the housing meter" wait_gone "$(t 'How is your housing situation right now?')"
ok_if "every remaining question answered: the review" enter_until "$(t 'Check your answers')"

ok_if "review: the new kind of move" wait_for "$(rline 'Kind of move' "$ABROAD")"
ok_if "review: the destination" wait_for "$(rline Destination 'Another EU country')"
ok_if "review: the dropped new-home answer is gone" not_shown "$(t 'New home'):"
ok_if "review: the dropped rent answer is gone" not_shown "$(t 'Paying rent'):"
ok_if "review: the meters answered on the way are there" \
    wait_for "$(msgf $L '%1$s: %2$s' "$(t Housing)" "$(msgf $L '%d of 10' 6)")"
ok_if "review: the municipality and age are there" \
    in_order "$(t 'Kind of move'):" "$(t Destination):" "$(t Housing):" "$(t Municipality):" "$(t 'Age group'):"

# From the review: change the kind of move back to Finland.  Only the
# question that now applies and is unanswered is asked, then the review.
keys 2
ok_if "review: typing 2 moves to the kind of move" wait_focus "$(t 'Kind of move'):"
keys Enter
ok_if "Enter opens the question" wait_for "$(t 'What kind of move is it?')"
ok_if "... with the answer marked (*)" wait_marked "$(t "$ABROAD")" "(*)"
ok_if "... and focused" wait_focus "$(t "$ABROAD")"
choose 2 "$(t 'What kind of home are you moving to?')"
ok_if "the new-home question is asked again" wait_for "$(t 'A rented home')"
ok_if "... unanswered: its old answer was dropped" not_shown "(*)"
choose 5 "$(t 'Check your answers')"
ok_if "then straight back to the review" wait_for "Opastin · $(t 'Check your answers')"
ok_if "review: the kind of move changed" wait_for "$(rline 'Kind of move' "$IN_FINLAND")"
ok_if "review: the new home" wait_for "$(rline 'New home' 'Not sure yet')"
ok_if "review: the destination is gone" not_shown "$(t Destination):"
ok_if "review: no rent question for this kind of home" not_shown "$(t 'Paying rent'):"
ok_if "review: the meters are kept" \
    wait_for "$(msgf $L '%1$s: %2$s' "$(t Housing)" "$(msgf $L '%d of 10' 6)")"
ok_if "review: the age group is kept" wait_for "$(t 'Age group'):"

# A simple change from the review: the age group.
keys End Up
ok_if "review: Up from the button reaches the age group" wait_focus "$(t 'Age group'):"
keys Enter
ok_if "the age question opens" wait_for "$(t 'Which age group are you in?')"
choose 4 "$(t 'Check your answers')"
ok_if "review: the new age group" wait_for "$(rline 'Age group' 50–64)"
ok_if "review: the other answers stay" wait_for "$(rline 'New home' 'Not sure yet')"
ok_if "review: the focus is on the final button again" \
    wait_focus "[ $(t 'Show suggested services') ]"

# F10 and "No": nothing changes.
keys F10
ok_if "F10 asks before starting over" wait_for "$(t 'Start over? All your answers will be cleared.')"
ok_if "the safe choice has the focus" wait_box_focus "$(t 'No, keep my answers')"
ok_if "the other choice is there" wait_for "$(t 'Yes, start over')"
keys Enter
ok_if "\"No\" closes the box" wait_gone "$(t 'Start over? All your answers will be cleared.')"
ok_if "\"No\" keeps the answers" wait_for "$(rline 'New home' 'Not sure yet')"
ok_if "\"No\" keeps the age group" wait_for "$(rline 'Age group' 50–64)"
keys F10
ok_if "F10 again" wait_for "$(t 'Start over? All your answers will be cleared.')"
keys Escape
ok_if "Esc closes the box too" wait_gone "$(t 'Start over? All your answers will be cleared.')"
ok_if "... keeping the answers" wait_for "$(rline 'Kind of move' "$IN_FINLAND")"

# F10 and "Yes": the welcome screen, and nothing of the old answers.
keys F10
ok_if "F10 once more" wait_for "$(t 'Yes, start over')"
keys Down
ok_if "Down moves to \"Yes, start over\"" wait_box_focus "$(t 'Yes, start over')"
keys Enter
ok_if "\"Yes\" returns to the welcome screen" wait_for "Opastin · $(t Welcome)"
ok_if "... with no answers on screen" not_shown "$(t 'Kind of move')"
keys Enter
ok_if "the life-event question again" wait_for "$(t 'What has happened in your life?')"
ok_if "... with nothing chosen" not_shown "(*)"
keys 3 Enter
ok_if "Moving home again" wait_for "$(t 'What kind of move is it?')"
ok_if "... its first question unanswered" not_shown "(*)"
ok_if "walking on with the first choices reaches the review" \
    enter_until "$(t 'Check your answers')"
ok_if "review: the new kind of move" wait_for "$(rline 'Kind of move' "Moving out of my parents' home")"
ok_if "review: no old kind of move" not_shown "$(t "$IN_FINLAND")"
ok_if "review: no old new-home answer" not_shown "$(rline 'New home' 'Not sure yet')"
ok_if "review: no old age group" not_shown "50–64"
finish
