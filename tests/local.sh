#!/bin/sh
# "Near you" is true (issue 11): a citizen of Jyväskylä, Turku, Helsinki
# or Rovaniemi gets their own wellbeing services county's (or
# Helsinki's) child health clinic, health centre, student health care,
# social assistance, informal care support, child welfare supervisor and
# mental health services, never another county's and never the
# national entry beside them; a citizen who gives no municipality gets
# the national entries.  Batch mode,
# --offline.  With ../shared/reference/facts beside the project, every
# county entry's municipalities are checked against the facts.
. "$top_srcdir/tests/lib.sh"

# profile FILE MUNICIPALITY LANG EVENT ANSWERS-JSON
profile() {
	if [ -n "$2" ]; then muni="\"municipality_code\": \"$2\", "; else muni=""; fi
	printf '{"language": "%s", %s"life_events": ["%s"], "answers": %s}\n' \
	    "$3" "$muni" "$4" "$5" >"$1"
}

# shown MUNICIPALITY LANG EVENT ANSWERS: the service ids, one a line.
shown() {
	profile "$tmpdir/p.json" "$1" "$2" "$3" "$4"
	"$OPASTIN" --offline --assets "$ASSETS" --profile "$tmpdir/p.json" \
	    --format json 2>"$tmpdir/err" |
	    python3 -c 'import json, sys
for s in json.load(sys.stdin)["recommended_services"]:
    print(s["service_id"])' || { sed 's/^/# /' "$tmpdir/err"; return 1; }
}

# check MUNICIPALITY COUNTY SERVICE LANG EVENT ANSWERS: the county's
# variant of SERVICE is shown, no other county's entry of any county
# service, and not the national entry.
check() {
	ids=$(shown "$1" "$4" "$5" "$6")
	want="$3--$2"
	if [ -z "$2" ]; then want=$3; fi
	echo "$ids" | grep -qxF "$want" || {
		diag "$want is not shown for municipality ${1:-(none)}; shown:" "$ids"
		return 1
	}
	other=$(echo "$ids" | grep -E -- '^wellbeing-.*--' | grep -vE -- "--$2\$")
	[ -n "$2" ] || other=$(echo "$ids" | grep -E -- '^wellbeing-.*--')
	[ -z "$other" ] || { diag "another county's entries:" "$other"; return 1; }
	if [ -n "$2" ]; then
		national=$(echo "$ids" | grep -xF "$3")
		[ -z "$national" ] || { diag "the national $3 is shown too"; return 1; }
	fi
}

clinic='{"ke1-stage": "expecting"}'
social='{"ke9-month": "food", "ke9-cope": 2, "ke9-help": ["social"]}'
carer='{"ke13-who": "parent", "ke13-need": ["break"]}'
divorce='{"ke7-children": 2, "ke7-agree": "not-yet"}'
talk='{"ke11-help": ["talk"]}'
student='{"ke11-work": "studying"}'

for case in "179 keski-suomi fi Jyväskylä" "853 varsinais-suomi sv Turku" \
    "091 helsinki en Helsinki" "698 lappi fi Rovaniemi"; do
	set -- $case
	ok_if "$4 ($1): $2's own child health clinic" \
	    check "$1" "$2" wellbeing-child-health-clinic "$3" KE1 "$clinic"
	ok_if "$4 ($1): $2's own supplementary social assistance" \
	    check "$1" "$2" wellbeing-supplementary-social-assistance "$3" KE9 "$social"
	ok_if "$4 ($1): $2's own informal care support" \
	    check "$1" "$2" wellbeing-informal-care-support "$3" KE13 "$carer"
	ok_if "$4 ($1): $2's own child welfare supervisor" \
	    check "$1" "$2" wellbeing-child-agreements "$3" KE7 "$divorce"
	ok_if "$4 ($1): $2's own mental health services" \
	    check "$1" "$2" wellbeing-mental-health-services "$3" KE11 "$talk"
	ok_if "$4 ($1): $2's own health centre" \
	    check "$1" "$2" wellbeing-health-centre "$3" KE11 "$talk"
	ok_if "$4 ($1): $2's own student health care" \
	    check "$1" "$2" wellbeing-student-health "$3" KE11 "$student"
done

ok_if "no municipality: the national child health clinic, no county's" \
    check "" "" wellbeing-child-health-clinic fi KE1 "$clinic"
ok_if "no municipality: the national social assistance, no county's" \
    check "" "" wellbeing-supplementary-social-assistance sv KE9 "$social"

# The organisation on the screen is the county's, in the citizen's
# language.
org_of() {
	profile "$tmpdir/p.json" "$1" "$2" KE1 "$clinic"
	"$OPASTIN" --offline --assets "$ASSETS" --profile "$tmpdir/p.json" --format json |
	    python3 -c 'import json, sys
for s in json.load(sys.stdin)["recommended_services"]:
    if s["service_id"].startswith("wellbeing-child-health-clinic"):
        print(s["responsible_organization"]["name"])'
}
ok_if "Jyväskylä, in Finnish: Keski-Suomen hyvinvointialue" \
    test "$(org_of 179 fi)" = "Keski-Suomen hyvinvointialue"
ok_if "Turku, in Swedish: Egentliga Finlands välfärdsområde" \
    test "$(org_of 853 sv)" = "Egentliga Finlands välfärdsområde"
ok_if "Helsinki, in English: City of Helsinki" \
    test "$(org_of 091 en)" = "City of Helsinki"
ok_if "Rovaniemi, in English: Wellbeing services county of Lapland" \
    test "$(org_of 698 en)" = "Wellbeing services county of Lapland"

# Every county entry against the facts: its municipalities are the
# county's, and every municipality has each county service once.
facts="$top_srcdir/../shared/reference/facts/wellbeing_counties.tsv"
if [ -f "$facts" ]; then
	python3 - "$ASSETS/catalogue.json" "$facts" >"$tmpdir/facts.out" 2>&1 <<'PY'
import json, sys
cat = json.load(open(sys.argv[1], encoding="utf-8"))
rows = [l.rstrip("\n").split("\t") for l in open(sys.argv[2], encoding="utf-8")]
head = rows[0]
county = {}
for r in rows[1:]:
    d = dict(zip(head, r))
    county[d["county_id"]] = (set(d["municipality_codes"].split(";")), d)
bad = 0
per = {}
for s in cat["services"]:
    g = s.get("variant_of")
    if not g:
        continue
    cid = s["service_id"][len(g) + 2:]
    if cid not in county:
        print("%s: no county %s in the facts" % (s["service_id"], cid)); bad += 1
        continue
    codes, d = county[cid]
    if set(s["area"]["municipalities"]) != codes:
        print("%s: municipalities differ from the facts" % s["service_id"]); bad += 1
    name = s["responsible_organization"]["name"]
    if (name["fi"], name["sv"], name["en"]) != (d["name_fi"], d["name_sv"], d["name_en"]):
        print("%s: the county's names differ from the facts" % s["service_id"]); bad += 1
    for c in s["area"]["municipalities"]:
        per.setdefault((g, c), []).append(cid)
for (g, c), cs in sorted(per.items()):
    if len(cs) != 1:
        print("%s: municipality %s in %s" % (g, c, ", ".join(cs))); bad += 1
n = len({c for (_, c) in per})
if n != 308:
    print("the county entries cover %d municipalities, not 308" % n); bad += 1
sys.exit(1 if bad else 0)
PY
	st=$?
	[ $st -eq 0 ] || diag "$(cat "$tmpdir/facts.out")"
	ok_if "every county entry matches wellbeing_counties.tsv, all 308 municipalities once" test $st -eq 0
else
	ok "county entries against the facts # SKIP no ../shared/reference/facts"
fi

finish
