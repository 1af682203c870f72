#!/usr/bin/env python3
"""The catalogue's facts, as TAP: every address is https, a page filed
under a language is a page in that language, sources are official, and
every phone number shipped is one the facts tag high.

    catalogue-facts.py CATALOGUE [FACTS_DIR]

FACTS_DIR is ../shared/reference/facts; without it (or where it is
missing) the phone check is skipped.  Standard library only.
"""

import json
import os
import re
import sys
from urllib.parse import urlsplit

# Hosts whose pages are the organisation's own (or Suomi.fi, Finlex, or a
# public body's page the facts rest on).  A source elsewhere, such as a
# news site or a document-sharing site, fails.
OFFICIAL = {
    "kela.fi", "vero.fi", "dvv.fi", "migri.fi", "suomi.fi", "finlex.fi",
    "oikeus.fi", "thl.fi", "tem.fi", "tyomarkkinatori.fi", "kotoutuminen.fi",
    "opintopolku.fi", "ytj.fi", "prh.fi", "etk.fi", "tyoelake.fi",
    "ulosottolaitos.fi", "infofinland.fi", "investinfinland.fi",
    "takuusaatio.fi", "mieli.fi", "omaishoitajat.fi", "uusyrityskeskus.fi",
    "a-kassa.fi", "nollalinja.fi", "finanssivalvonta.fi",
    # wellbeing services counties and Helsinki
    "hel.fi", "itauusimaa.fi", "keusote.fi", "vakehyva.fi", "varha.fi",
    "satakunnanhyvinvointialue.fi", "pirha.fi", "paijatha.fi",
    "siunsote.fi", "miunpalvelut.fi", "pohde.fi", "hyvinvointialue.kainuu.fi",
    "lapha.fi", "etelasavonha.fi",
}

# Paths of old or odd sites (pre-2022 kela.fi, language folders that
# kela.fi does not have): dead-looking, never shown to a citizen.
ODD_PATH = re.compile(r"^/(ja|es|in|fi_FI|web/(en|sv|lattlast|sgn-fi))/")

# A path segment that names another language than the one the page is
# filed under ("/en/" under "fi").
OTHER_LANG = {"fi": ("en", "sv"), "sv": ("en", "fi"), "en": ("fi", "sv")}

tests = []


def check(name, problems):
    tests.append((name, problems))


def official(url):
    host = urlsplit(url).hostname or ""
    return any(host == h or host.endswith("." + h) for h in OFFICIAL)


def numbers_in_facts(facts):
    """{number with digits only: set of confidence tags} from the facts."""
    tags = {}

    def add(number, tag):
        digits = re.sub(r"\D", "", number)
        if digits.startswith("358"):
            digits = "0" + digits[3:]
        if len(digits) >= 6:
            tags.setdefault(digits, set()).add(tag)

    lines = os.path.join(facts, "national_service_lines.tsv")
    with open(lines, encoding="utf-8") as f:
        head = f.readline().rstrip("\n").split("\t")
        for row in f:
            r = dict(zip(head, row.rstrip("\n").split("\t")))
            conf = r.get("confidence", "").split(":")[0].split()[0] \
                if r.get("confidence") else ""
            for number in re.findall(r"[+\d][\d ]{5,}\d", r.get("number", "")):
                add(number, conf)
    # life_event_services.tsv: "020 634 0200 ... [high: kela.fi]"
    les = os.path.join(facts, "life_event_services.tsv")
    with open(les, encoding="utf-8") as f:
        head = f.readline().rstrip("\n").split("\t")
        for row in f:
            r = dict(zip(head, row.rstrip("\n").split("\t")))
            text = r.get("phone", "")
            for m in re.finditer(r"([+\d][\d ]{5,}\d)([^\[]*)\[(high|medium|low)", text):
                add(m.group(1), m.group(3))
            for m in re.finditer(r"([+\d][\d ]{5,}\d)", text):
                add(m.group(1), "stated")
    return tags


def main(argv):
    if len(argv) < 2:
        print("usage: catalogue-facts.py CATALOGUE [FACTS_DIR]", file=sys.stderr)
        return 2
    with open(argv[1], encoding="utf-8") as f:
        cat = json.load(f)
    facts = argv[2] if len(argv) > 2 else None

    https, odd, lang, src, dup = [], [], [], [], []
    for s in cat["services"]:
        sid = s["service_id"]
        for ch in s["service_channels"]:
            pages = ch.get("web_pages", {})
            for l, url in pages.items():
                where = "%s %s %s: %s" % (sid, ch["service_channel_id"], l, url)
                if not url.startswith("https://"):
                    https.append(where)
                path = urlsplit(url).path
                if ODD_PATH.match(path):
                    odd.append(where)
                segs = [p.lower() for p in path.split("/") if p]
                bad = [p for p in segs if p in OTHER_LANG[l]]
                if bad:
                    lang.append("%s (a /%s/ page)" % (where, bad[0]))
            # The same address under two languages is one language's page
            # filed twice.
            urls = list(pages.values())
            if len(urls) != len(set(urls)):
                dup.append("%s %s" % (sid, ch["service_channel_id"]))
        if not s["source"].startswith("https://"):
            https.append("%s source: %s" % (sid, s["source"]))
        if not official(s["source"]):
            src.append("%s source: %s" % (sid, s["source"]))
    check("every web address and source is https", https)
    check("no web page on an old or odd path (/web/en/, /ja/, /fi_FI/, ...)", odd)
    check("a page filed under fi, sv or en has no other language's path segment", lang)
    check("no address is filed under two languages", dup)
    check("every source is an official page (the organisation's, Suomi.fi, Finlex)", src)

    if facts and os.path.isdir(facts):
        tags = numbers_in_facts(facts)
        bad = []
        shipped = 0
        for s in cat["services"]:
            for ch in s["service_channels"]:
                for number in ch.get("phone_numbers", []):
                    shipped += 1
                    digits = re.sub(r"\D", "", number)
                    if digits.startswith("358"):
                        digits = "0" + digits[3:]
                    t = tags.get(digits, set()) - {"stated"}
                    if "high" not in t or t - {"high"}:
                        bad.append("%s: %s (facts: %s)" % (
                            s["service_id"], number,
                            ", ".join(sorted(t)) or "not found"))
        check("every phone number (%d) is tagged high in the facts, and "
              "nowhere lower" % shipped, bad)
        skip = None
    else:
        skip = "no facts directory (../shared/reference/facts)"

    n = len(tests) + 1
    print("1..%d" % n)
    for i, (name, problems) in enumerate(tests, 1):
        print("%s %d - %s" % ("not ok" if problems else "ok", i, name))
        for p in problems:
            print("# " + p)
    if skip:
        print("ok %d - phone numbers against the facts # SKIP %s" % (n, skip))
    else:
        print("ok %d - the facts were read" % n)
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
