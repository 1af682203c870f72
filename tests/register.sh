#!/bin/sh
# The register's contacts in batch mode (issue 12): a local clinic with a
# phone object, an address per language, structured opening hours and
# accessibility in three languages, and a service written in Finnish
# only, from tests/data/register/catalogue.json.  The time is fixed with
# OPASTIN_NOW, so "open now" and "closed now" do not depend on the clock.
. "$top_srcdir/tests/lib.sh"

assets="$tmpdir/assets"
mkdir "$assets"
cp "$ASSETS"/*.json "$ASSETS"/*.tsv "$assets"/
cp "$DATA/register/catalogue.json" "$assets/catalogue.json"
out="$tmpdir/out"
err="$tmpdir/err"

# run LANG NOW FORMAT: a family in Jyväskylä expecting a child.
run() {
	printf '{"language": "%s", "municipality_code": "179", "life_events": ["KE1"]}\n' "$1" >"$tmpdir/p.json"
	OPASTIN_NOW=$2 "$OPASTIN" --assets "$assets" --profile "$tmpdir/p.json" --format "$3" \
	    </dev/null >"$out" 2>"$err"
	rc=$?
}

# jq_ok EXPR: a python expression on d (the JSON in $out) that must hold;
# c is the clinic's channel, f the Finnish-only service.
jq_ok() {
	python3 - "$out" "$1" <<'PY'
import json, sys
d = json.load(open(sys.argv[1], encoding="utf-8"))
svc = {s["service_id"]: s for s in d["recommended_services"]}
s = svc.get("ptv-neuvola-kyllo")
c = s["service_channels"][0] if s else None
f = svc.get("ptv-perhetyo-jyvaskyla")
try:
    ok = eval(sys.argv[2])
except Exception as e:
    print("# %s: %r" % (sys.argv[2], e))
    sys.exit(1)
if not ok:
    print("# does not hold: " + sys.argv[2])
    print("# " + json.dumps(c, ensure_ascii=False))
    print("# " + json.dumps(f, ensure_ascii=False))
sys.exit(0 if ok else 1)
PY
}

has() {
	grep -qF -- "$1" "$out" || { diag "no \"$1\" in:" "$(cat "$out")"; return 1; }
}

# Wednesday 2 December 2026, 12:00 in Helsinki (10:00 UTC).
run fi 2026-12-02T10:00:00Z json
ok_if "fi json: exits 0" test "$rc" -eq 0
ok_if "fi json: the clinic and the Finnish-only service are listed" jq_ok 's is not None and f is not None'
ok_if "fi json: the phone object with its charge, purpose and language" \
    jq_ok 'c["phones"][0] == {"number": "+358 14 266 0111", "charge": "local", "charge_text": "paikallisverkkomaksu tai matkapuhelinmaksu", "info": "Ajanvaraus", "language": "fi"}'
ok_if "fi json: a free line" jq_ok 'c["phones"][1]["charge"] == "free" and c["phones"][1]["charge_text"] == "maksuton"'
ok_if "fi json: the plain number list stays as it was" \
    jq_ok 'c["phone_numbers"] == ["+358 14 266 0111", "014 266 0112"]'
ok_if "fi json: today's hours, 08:00-16:00" \
    jq_ok 'c["opening_hours"]["today_times"] == [{"from": "08:00", "to": "16:00"}]'
ok_if "fi json: open now, closes at 16:00" \
    jq_ok 'c["opening_hours"]["open_now"] is True and c["opening_hours"]["closes_at"] == "16:00"'
ok_if "fi json: today in words" \
    jq_ok 'c["opening_hours"]["today"] == "Avoinna tänään 8.00–16.00 · avoinna nyt, sulkeutuu klo 16.00"'
ok_if "fi json: the week in words" \
    jq_ok 'c["opening_hours"]["week"] == "ma–pe 8.00–16.00, la–su suljettu"'
ok_if "fi json: the address in Finnish" jq_ok 'c["address"] == "Kyllönkatu 5, 40100 Jyväskylä"'
ok_if "fi json: the accessibility sentences in Finnish" \
    jq_ok 'c["accessibility"] == ["Sisäänkäynti on katutasossa.", "Ovet aukeavat automaattisesti."]'
ok_if "fi json: nothing falls back in Finnish" jq_ok 'c["fallback"] == {} and f["fallback"] == {}'

# Sunday 6 December, 07:00: closed all day; Monday 07:00, opens at 8.
run fi 2026-12-06T05:00:00Z json
ok_if "fi json, Sunday: closed today and now" \
    jq_ok 'c["opening_hours"]["today_kind"] == "closed" and c["opening_hours"]["open_now"] is False and c["opening_hours"]["today"] == "Suljettu tänään · suljettu nyt"'
run fi 2026-12-07T05:00:00Z json
ok_if "fi json, Monday 7.00: closed now, opens at 8.00" \
    jq_ok 'c["opening_hours"]["open_now"] is False and c["opening_hours"]["opens_at"] == "08:00" and c["opening_hours"]["today"].endswith("suljettu nyt, avautuu klo 8.00")'
# Christmas Eve, a Thursday: the exceptional entry closes the clinic.
run fi 2026-12-24T08:00:00Z json
ok_if "fi json, Christmas Eve: closed, and why" \
    jq_ok 'c["opening_hours"]["open_now"] is False and c["opening_hours"]["today"] == "Suljettu tänään · suljettu nyt · Jouluaatto"'
# Summer time: 05:30 UTC is 08:30 in July (open) and 07:30 in December.
run fi 2026-07-01T05:30:00Z json
ok_if "fi json, July 08:30 summer time: open now" jq_ok 'c["opening_hours"]["open_now"] is True'
run fi 2026-12-02T05:30:00Z json
ok_if "fi json, December 07:30: closed now" jq_ok 'c["opening_hours"]["open_now"] is False'

run sv 2026-12-02T10:00:00Z json
ok_if "sv json: exits 0" test "$rc" -eq 0
ok_if "sv json: the charge in Swedish" \
    jq_ok 'c["phones"][0]["charge_text"] == "lokalnätsavgift eller mobilsamtalsavgift" and c["phones"][0]["info"] == "Tidsbokning"'
ok_if "sv json: today as a Swede writes it" \
    jq_ok 'c["opening_hours"]["today"] == "Öppet i dag kl. 8–16 · öppet nu, stänger kl. 16"'
ok_if "sv json: the address in Swedish" jq_ok 'c["address"] == "Kyllögatan 5, 40100 Jyväskylä"'
ok_if "sv json: accessibility in Swedish" jq_ok 'c["accessibility"][0] == "Ingången är i gatuplanet."'
ok_if "sv json: the Finnish-only name and summary are marked" \
    jq_ok 'f["fallback"] == {"service_name": {"language": "fi", "note": "(på finska)"}, "service_description_summary": {"language": "fi", "note": "(på finska)"}}'
ok_if "sv json: so are its channel name and accessibility, not its one address" \
    jq_ok 'set(f["service_channels"][0]["fallback"]) == {"service_channel_name", "accessibility"}'

run sv 2026-12-02T10:00:00Z text
ok_if "sv text: exits 0" test "$rc" -eq 0
ok_if "sv text: the phone with its language, purpose and charge" \
    has "+358 14 266 0111 (på finska) · Tidsbokning · lokalnätsavgift eller mobilsamtalsavgift"
ok_if "sv text: today's hours" has "Öppet i dag kl. 8–16 · öppet nu, stänger kl. 16"
ok_if "sv text: the Finnish-only service is marked" has "Lapsiperheiden kotipalvelu (på finska)"
ok_if "sv text: its accessibility heading too" has "Tillgänglighet (på finska):"

run en 2026-12-02T10:00:00Z text
ok_if "en text: times as an English reader expects" has "Open today 8 am – 4 pm · open now, closes at 4 pm"
ok_if "en text: the Finnish-only service is marked" has "Lapsiperheiden kotipalvelu (in Finnish)"
ok_if "en text: the address only in Finnish and Swedish is marked" \
    has "Kyllönkatu 5, 40100 Jyväskylä (in Finnish)"

# A search finds the Finnish-only service by its Finnish words when the
# kiosk speaks Swedish or English, as the detail screen shows that text
# (marked); a Swedish word does not find a service through the Finnish
# name of one that has a Swedish name.
search() {
	printf '{"language": "%s", "municipality_code": "179", "search": "%s"}\n' "$1" "$2" >"$tmpdir/s.json"
	"$OPASTIN" --assets "$assets" --profile "$tmpdir/s.json" --format json </dev/null >"$out" 2>"$err"
	rc=$?
}
for l in fi sv en; do
	search $l kotipalvelu
	ok_if "$l search \"kotipalvelu\": the Finnish-only service is found" \
	    sh -c '[ "$1" -eq 0 ] && grep -q "\"service_id\": *\"ptv-perhetyo-jyvaskyla\"" "$2"' - "$rc" "$out"
done
search sv "lapsiperheiden kotipalvelua"
ok_if "sv search in inflected Finnish: found, stemmed as Finnish" \
    grep -q '"service_id": *"ptv-perhetyo-jyvaskyla"' "$out"
search sv neuvola
ok_if "sv search \"neuvola\": not the clinic through its Finnish name, as it has a Swedish one" \
    sh -c '! grep -q "\"service_id\": *\"ptv-neuvola-kyllo\"" "$1"' - "$out"

# Without OPASTIN_NOW, the clock decides: some answer, never an error.
printf '{"language": "fi", "municipality_code": "179", "life_events": ["KE1"]}\n' >"$tmpdir/p.json"
"$OPASTIN" --assets "$assets" --profile "$tmpdir/p.json" --format json </dev/null >"$out" 2>"$err"
ok_if "the clock: exits 0" test $? -eq 0
ok_if "the clock: open_now is true or false" jq_ok 'c["opening_hours"]["open_now"] in (True, False)'
finish
