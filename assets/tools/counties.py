#!/usr/bin/env python3
"""Write the wellbeing services counties' own entries into the catalogue.

    python3 assets/tools/counties.py FACTS_TSV [CATALOGUE]

FACTS_TSV is ../shared/reference/facts/wellbeing_counties.tsv: the 21
wellbeing services counties, Helsinki (which organises these services
itself) and Åland, with their names in fi/sv/en, website and the codes
of their municipalities (all 308, each once).  CATALOGUE defaults to
assets/catalogue.json beside this folder.

Health, social and family services belong to the county.  For each row
of the facts and each national entry of COUNTY_SERVICES, the script
writes a local variant:

  - id "<national id>--<county id>", "variant_of": "<national id>";
  - the national entry's name, summary, classes, life events, target
    groups, relevance, eligibility, first step and keywords, copied;
  - the county as responsible organisation, by its names in the facts;
  - "area": {"municipalities": [...]}, the county's codes;
  - a web page channel with the county's website where the facts give
    one (https only), filed under fi; no phone, since the facts tag no
    county number with a confidence;
  - as source, a page of the county's own site among the facts'
    sources, else Finlex's copy of law 616/2021, whose section 7 lists
    the counties' municipalities.

Every variant is rewritten on each run and nothing else is touched, so
running it twice changes nothing.  The catalogue keeps its layout: two
spaces, objects on one line when they fit in 100 characters.  The
national entries must be in the catalogue already.  Standard library
only.
"""

import json
import os
import sys
from urllib.parse import urlsplit

COUNTY_SERVICES = (
    "wellbeing-child-health-clinic",
    "wellbeing-health-centre",
    "wellbeing-student-health",
    "wellbeing-mental-health-services",
    "wellbeing-supplementary-social-assistance",
    "wellbeing-informal-care-support",
    "wellbeing-child-agreements",
)
# Copied from the national entry, in this order.
COPIED = ("service_name", "service_description_summary", "service_classes",
          "life_events", "target_groups")
COPIED_AFTER_AREA = ("relevance", "eligibility", "first_step", "keywords")
LAW = "https://www.finlex.fi/fi/laki/ajantasa/2021/20210616"
WIDTH = 100


class Bad(Exception):
    pass


def read_counties(path):
    with open(path, encoding="utf-8") as f:
        head = f.readline().rstrip("\n").split("\t")
        want = ("county_id", "name_fi", "name_sv", "name_en", "website_url",
                "municipality_codes", "source_url")
        for k in want:
            if k not in head:
                raise Bad("%s: no column %s" % (path, k))
        rows = []
        for n, line in enumerate(f, 2):
            if not line.strip():
                continue
            cells = line.rstrip("\n").split("\t")
            if len(cells) != len(head):
                raise Bad("%s:%d: %d fields, not %d" % (path, n, len(cells), len(head)))
            r = dict(zip(head, cells))
            codes = [c.strip() for c in r["municipality_codes"].split(";") if c.strip()]
            if not codes or any(len(c) != 3 or not c.isdigit() for c in codes):
                raise Bad("%s:%d: bad municipality codes" % (path, n))
            r["codes"] = codes
            rows.append(r)
    return rows


def host(url):
    h = (urlsplit(url).hostname or "").lower()
    return h[4:] if h.startswith("www.") else h


def source_for(county):
    """A page of the county's own site among the facts' sources, else the law."""
    site = county["website_url"].strip()
    if site.startswith("https://"):
        for url in county["source_url"].split(";"):
            url = url.strip()
            if url.startswith("https://") and host(url) == host(site):
                return url
    return LAW


def variant(generic, county):
    gid, cid = generic["service_id"], county["county_id"]
    v = {"service_id": "%s--%s" % (gid, cid), "variant_of": gid}
    for k in COPIED:
        if k in generic:
            v[k] = json.loads(json.dumps(generic[k]))
    v["responsible_organization"] = {
        "id": cid,
        "name": {"fi": county["name_fi"], "sv": county["name_sv"],
                 "en": county["name_en"]},
    }
    # The organisation goes where the national entry has it.
    order = ["service_id", "variant_of", "service_name",
             "service_description_summary", "responsible_organization"]
    v = {k: v[k] for k in order if k in v} | {k: v[k] for k in v if k not in order}
    v["area"] = {"municipalities": county["codes"]}
    for k in COPIED_AFTER_AREA:
        if k in generic:
            v[k] = json.loads(json.dumps(generic[k]))
    channels = []
    site = county["website_url"].strip()
    if site.startswith("https://"):
        h = host(site)
        channels.append({
            "service_channel_id": "%s--%s-web" % (gid, cid),
            "service_channel_type": "WebPage",
            "service_channel_name": {
                "fi": "Tietoa verkossa (%s)" % h,
                "sv": "Information på webben (%s)" % h,
                "en": "Information online (%s)" % h,
            },
            "web_pages": {"fi": site},
        })
    v["service_channels"] = channels
    v["source"] = source_for(county)
    return v


def inline(v):
    if isinstance(v, dict):
        if any(isinstance(x, dict) for x in v.values()):
            return None
        parts = []
        for k, x in v.items():
            s = inline(x)
            if s is None:
                return None
            parts.append("%s: %s" % (json.dumps(k, ensure_ascii=False), s))
        return "{ " + ", ".join(parts) + " }" if parts else "{}"
    if isinstance(v, list):
        if any(isinstance(x, (dict, list)) for x in v):
            return None
        return "[" + ", ".join(json.dumps(x, ensure_ascii=False) for x in v) + "]"
    return json.dumps(v, ensure_ascii=False)


def dump(v, ind=0, prefix=0):
    """The catalogue's layout: two spaces; an object on one line when it
    holds no object and fits in WIDTH characters; lists of strings and
    numbers always on one line."""
    sp = "  " * ind
    if isinstance(v, list) and all(not isinstance(x, (dict, list)) for x in v):
        return inline(v)
    if isinstance(v, dict):
        s = inline(v)
        if s is not None and prefix + len(s) <= WIDTH:
            return s
        items = []
        for k, x in v.items():
            key = "%s  %s: " % (sp, json.dumps(k, ensure_ascii=False))
            items.append(key + dump(x, ind + 1, len(key)))
        return "{\n" + ",\n".join(items) + "\n" + sp + "}"
    if isinstance(v, list):
        return "[\n" + ",\n".join(sp + "  " + dump(x, ind + 1, len(sp) + 2)
                                  for x in v) + "\n" + sp + "]"
    return json.dumps(v, ensure_ascii=False)


def municipalities(assets):
    path = os.path.join(assets, "municipalities.tsv")
    with open(path, encoding="utf-8") as f:
        f.readline()
        return {line.split("\t")[0] for line in f if line.strip()}


def main(argv):
    if len(argv) not in (2, 3):
        print(__doc__.strip().splitlines()[2].strip(), file=sys.stderr)
        return 2
    here = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
    cat_path = argv[2] if len(argv) == 3 else os.path.join(here, "catalogue.json")
    try:
        counties = read_counties(argv[1])
        with open(cat_path, encoding="utf-8") as f:
            cat = json.load(f)
        # Every municipality once, and only known ones.
        seen = {}
        for c in counties:
            for code in c["codes"]:
                if code in seen:
                    raise Bad("municipality %s is in %s and %s"
                              % (code, seen[code], c["county_id"]))
                seen[code] = c["county_id"]
        known = municipalities(os.path.dirname(os.path.abspath(cat_path)))
        if set(seen) != known:
            raise Bad("the facts map %d municipalities; assets/municipalities.tsv "
                      "has %d (missing: %s; unknown: %s)" % (
                          len(seen), len(known),
                          " ".join(sorted(known - set(seen))) or "none",
                          " ".join(sorted(set(seen) - known)) or "none"))
        services = [s for s in cat["services"]
                    if s.get("variant_of") not in COUNTY_SERVICES]
        ids = [s["service_id"] for s in services]
        for gid in COUNTY_SERVICES:
            if gid not in ids:
                raise Bad("%s: no national entry %s" % (cat_path, gid))
        out = []
        for s in services:
            out.append(s)
            if s["service_id"] in COUNTY_SERVICES:
                out.extend(variant(s, c) for c in counties)
    except (Bad, OSError, ValueError, KeyError) as e:
        print("counties.py: %s" % e, file=sys.stderr)
        return 1
    before = len(cat["services"])
    cat["services"] = out
    with open(cat_path, "w", encoding="utf-8") as f:
        f.write(dump(cat) + "\n")
    print("counties.py: %d counties x %d services: %d variants; %d services "
          "in all (were %d)" % (len(counties), len(COUNTY_SERVICES),
                                len(counties) * len(COUNTY_SERVICES),
                                len(out), before))
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
