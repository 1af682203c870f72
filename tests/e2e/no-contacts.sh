#!/bin/sh
# A service without contact channels says where to ask, and says it
# truthfully: "provided locally, so contact details vary by area" only
# of a service whose provider depends on where one lives (the child
# welfare supervisor of each wellbeing services county); of a national
# service (Kela's student financial aid, Migri's asylum) that this kiosk
# has no contact details for it, naming its organisation.
. "$top_srcdir/tests/e2e/lib.sh"

# field LANG ID KEY: a service's name (service_name) or organisation
# (org) in the catalogue.
field() {
	python3 -c 'import json, sys
for s in json.load(open(sys.argv[1], encoding="utf-8"))["services"]:
    if s["service_id"] == sys.argv[3]:
        print(s["service_name"][sys.argv[2]] if sys.argv[4] == "name" else
              s["responsible_organization"]["name"][sys.argv[2]])' \
	    "$ASSETS/catalogue.json" "$1" "$2" "$3"
}

LOCAL='This service is provided locally, so contact details vary by area. Ask the staff here, or search for the service on suomi.fi.'
NATIONAL='This kiosk has no contact details for this service. Ask the staff here, or look for the service on Suomi.fi: it is provided by %s.'

# local_said LANG: the joined screen says the local sentence's first words.
local_said() {
	screen_joined | grep -qF -- "$(msg "$1" "$LOCAL" | words 5)"
}

# details LANG WORDS ID: search by WORDS and open the details of ID.
details() {
	search_results "$1" "$2" || return 1
	open_detail "$1" "$(field "$1" "$3" name)"
}

start 100 30 --lang fi --offline
ok_if "fi: the student financial aid's details" \
    details fi opintotuki kela-student-financial-aid
ok_if "fi: no contact details here, Kela named, where to ask" \
    wait_joined "$(msgf fi "$NATIONAL" "$(field fi kela-student-financial-aid org)")"
ok_if "fi: not \"provided locally\"" eval '! local_said fi'
# A QR code would hold nothing: it is not offered.
if grep -q '^#define WITH_QRENCODE 1' "$top_builddir/config.h"; then
	ok_if "fi: no QR code offered for a service without a contact" \
	    not_shown "$(msg fi 'QR code')"
else
	ok "fi: no QR code offered # SKIP built --without-qrencode"
fi
stop

start 100 30 --lang en --offline
ok_if "en: asylum's details" details en asylum migri-asylum
ok_if "en: no contact details here, Migri named, where to ask" \
    wait_joined "$(msgf en "$NATIONAL" "$(field en migri-asylum org)")"
ok_if "en: not \"provided locally\"" eval '! local_said en'
stop

# The child welfare supervisor is the county's: with no municipality
# given, the national entry stands for all of them, and its contacts
# vary by area.
start 100 30 --lang en --offline
ok_if "en: the child welfare supervisor's details" \
    details en "custody agreement" wellbeing-child-agreements
ok_if "en: a county's service is provided locally" wait_joined "$(msg en "$LOCAL")"
ok_if "en: it does not say the kiosk has no contact details" \
    not_shown "This kiosk has no contact details"
stop
finish
