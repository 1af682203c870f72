#!/bin/sh
# The detail screen of a local clinic from the register (issue 12), at
# 80x24 in Finnish and in Swedish: the phone with its charge, today's
# opening hours with "open now", the visiting address and a sentence on
# the entrance's accessibility.  The time is fixed with OPASTIN_NOW
# (Wednesday 2 December 2026, 12:00 in Helsinki).
. "$top_srcdir/tests/e2e/lib.sh"

assets="$tmpdir/assets"
mkdir "$assets"
cp "$ASSETS"/*.json "$ASSETS"/*.tsv "$assets"/
cp "$DATA/register/catalogue.json" "$assets/catalogue.json"
ASSETS=$assets

# to_clinic LANG NAME: from the start, through the questions of having a
# child with Jyväskylä as the municipality, to the clinic's details.
to_clinic() {
	child_results "$1" jyväs Jyväskylä && open_detail "$1" "$2"
}

start_with 80 24 "OPASTIN_NOW=2026-12-02T10:00:00Z" "" --lang fi --offline
ok_if "fi: to the clinic's details" to_clinic fi "Neuvola Kyllö"
ok_if "fi: the phone with what the line is for and its charge" \
    wait_for "+358 14 266 0111 · Ajanvaraus · paikallisverkkomaksu tai"
ok_if "fi: a charge too long for the line wraps under the value" \
    wait_re "^ +matkapuhelinmaksu"
ok_if "fi: the Swedish line says so" wait_for "014 266 0112 (ruotsiksi) · maksuton"
ok_if "fi: today's hours, open now" \
    wait_for "Aukioloajat:    Avoinna tänään 8.00–16.00 · avoinna nyt, sulkeutuu klo"
ok_if "fi: the week" wait_for "ma–pe 8.00–16.00, la–su suljettu"
screen >"$tmpdir/fi-top.txt"
ok_if "fi: the address" seen "Kyllönkatu 5, 40100 Jyväskylä"
ok_if "fi: the accessibility heading" seen "Esteettömyys"
ok_if "fi: an accessibility sentence" seen "Sisäänkäynti on katutasossa."
screen >"$tmpdir/fi-bottom.txt"
diag "the clinic in Finnish, top:" "$(cat "$tmpdir/fi-top.txt")" \
    "and scrolled down:" "$(cat "$tmpdir/fi-bottom.txt")"
stop

start_with 80 24 "OPASTIN_NOW=2026-12-02T10:00:00Z" "" --lang sv --offline
ok_if "sv: to the clinic's details" to_clinic sv "Rådgivningen Kyllö"
ok_if "sv: the phone, its language, purpose and charge" \
    wait_for "+358 14 266 0111 (på finska) · Tidsbokning ·"
ok_if "sv: the charge" wait_for "lokalnätsavgift eller mobilsamtalsavgift"
ok_if "sv: today's hours, open now" wait_for "Öppet i dag kl. 8–16 · öppet nu, stänger kl. 16"
ok_if "sv: the address in Swedish" seen "Kyllögatan 5, 40100 Jyväskylä"
ok_if "sv: the accessibility heading" seen "Tillgänglighet"
ok_if "sv: an accessibility sentence" seen "Ingången är i gatuplanet."
stop
finish
