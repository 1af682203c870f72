#!/bin/sh
# A whole flow in English at 80x24, from the welcome screen to the
# details of a service, by keyboard only.
. "$top_srcdir/tests/e2e/lib.sh"

start 80 24 --lang en
ok_if "welcome screen names the three languages" wait_for "Svenska"
ok_if "the languages come in order Suomi, Svenska, English" in_order Suomi Svenska English
ok_if "the kiosk's purpose is said in English" wait_for "Find the public services"
keys 3 Enter
ok_if "the life-event question appears" wait_for "What has happened in your life?"
ok_if "progress is shown" wait_for "Question 1 of"
# Retiring is the 8th life event.
keys 8
ok_if "typing an option's number moves the focus to it" wait_focus "Retiring"
keys Enter
ok_if "the first follow-up of Retiring is asked" wait_for "Opastin · Retiring"
ok_if "progress counts the event's questions" wait_for "Question 2 of"
ok_if "answering every question reaches the review" enter_until "Check your answers"
ok_if "the review shows the life event" wait_for "Life event: Retiring"
ok_if "the review shows the municipality" wait_for "Municipality:"
keys End Enter
ok_if "the results appear" wait_for "Services for you"
ok_if "results say why" wait_for "Why:"
ok_if "results name their source" wait_for "own service catalogue"
keys Enter
ok_if "the detail screen opens" wait_for "Service details"
ok_if "the detail screen shows contact channels" wait_for "Web:"
keys Escape
ok_if "Esc returns to the results" wait_for "Services for you"
finish
