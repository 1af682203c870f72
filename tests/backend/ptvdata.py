#!/usr/bin/env python3
"""Invented PTV Open API v11 services and service channels, for tests.

Standard library only.  The shapes are those of the register's answers
(every key a client reads, at the same levels, with the same types and
nulls); every text, name, number and address is invented here.  The same
seed gives the same data, byte for byte.

As a module (tests/backend/ptv.py uses it):

    data = generate(nationwide=3000, seed=1)   # {"services": [...], "channels": [...]}
    changed = apply_changes(data, "2026-12-03T10:00:00.000000")
    hostile = make_hostile(data)

As a program, it writes the data as one JSON document:

    ptvdata.py --out FILE [--nationwide N] [--seed S]
               [--variant base|changed|hostile] [--changed-at yyyy-MM-ddTHH:mm:ss]

See README.md beside this file ("PTV test server") for what the data
hold: the local test services, their names and codes, and the counts.
"""

import argparse
import copy
import datetime
import json
import os
import random
import sys
import uuid

HERE = os.path.dirname(os.path.abspath(__file__))
DEFAULT_ASSETS = os.path.join(HERE, "..", "..", "assets")

# Base data are modified well before any test runs (the clock of a test
# machine may be anywhere after 2024), so that "Service?date=<last sync>"
# lists only what apply_changes touched.
MODIFIED_FROM = (2022, 1, 1)
MODIFIED_DAYS = 900
# The date "validForNow" is computed against (the register computes it
# when it answers; a client must compute it itself).
REFERENCE_DAY = "2026-12-02"

# Municipalities this register knows: code -> (fi, sv, province,
# hospital region, business region).  Other well-formed codes are
# unknown (404), as in the register.  The region codes are this test
# server's own.
MUNICIPALITIES = {
    "091": ("Helsinki", "Helsingfors", "01", "1", "011"),
    "049": ("Espoo", "Esbo", "01", "1", "011"),
    "092": ("Vantaa", "Vanda", "01", "1", "011"),
    "853": ("Turku", "Åbo", "02", "3", "021"),
    "609": ("Pori", "Björneborg", "04", "4", "041"),
    "837": ("Tampere", "Tammerfors", "06", "6", "064"),
    "398": ("Lahti", "Lahtis", "07", "7", "071"),
    "297": ("Kuopio", "Kuopio", "11", "11", "113"),
    "167": ("Joensuu", "Joensuu", "12", "12", "122"),
    "179": ("Jyväskylä", "Jyväskylä", "13", "13", "131"),
    "500": ("Muurame", "Muurame", "13", "13", "131"),
    "743": ("Seinäjoki", "Seinäjoki", "14", "14", "142"),
    "905": ("Vaasa", "Vasa", "15", "15", "152"),
    "564": ("Oulu", "Uleåborg", "17", "18", "171"),
    "698": ("Rovaniemi", "Rovaniemi", "19", "20", "191"),
}
AREA_KINDS = ("Municipality", "Province", "HospitalRegions", "BusinessRegions")

# Codes that are in no table of assets/: a client must skip them.
UNKNOWN_CLASSES = ("P99.9", "P0", "P31.4")
UNKNOWN_EVENTS = ("KE99", "KE15.7")
UNKNOWN_GROUPS = ("KR9", "KR1.99")

LANG_SETS = (("fi",), ("fi",), ("fi",), ("fi", "sv"), ("fi", "sv", "en"))
DAYS = ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday")

# Fixed ids for the local test services, whatever the seed, so that
# tests may name them.  The third group of digits is the municipality.
def fixed_id(kind, muni, n):
    return "7e57%s-0000-4%s-8000-%012d" % ("a%03d" % int(muni) if kind == "s"
                                           else "c%03d" % int(muni), muni, n)


# ---------------------------------------------------------------------------
# Small builders, in the register's key order.

def lv(lang, value):
    return {"value": value, "language": lang}


def ltv(lang, value, typ):
    return {"language": lang, "value": value, "type": typ}


def load_codes(assets, name):
    """code -> (newUri, fi, sv, en) from assets/NAME.tsv; rows without a
    code (the project's own events) are left out."""
    out = {}
    with open(os.path.join(assets, name), encoding="utf-8") as f:
        next(f)
        for line in f:
            p = line.rstrip("\n").split("\t")
            if len(p) >= 5 and p[0] and p[1]:
                out[p[0]] = (p[1], p[2], p[3], p[4])
    return out


def finto(code, table, ontology, urn_base, with_description):
    """A serviceClasses / lifeEvents / targetGroups item."""
    uri, fi, sv, en = table.get(code) or (
        "http://uri.suomi.fi/codelist/ptv/%s/code/%s" % (ontology, code),
        "Tuntematon luokka %s" % code, "Okänd klass %s" % code, "Unknown class %s" % code)
    parent = code.rsplit(".", 1)[0] if "." in code else None

    def urn(c):   # an invented old-style URI, one per code
        return "http://urn.fi/URN:NBN:fi:au:ptvl:v%d%s" % (
            urn_base, "".join(ch for ch in c if ch.isdigit()) or "0")

    item = {
        "name": [lv("sv", sv), lv("en", en), lv("fi", fi)],
        "code": code,
        "ontologyType": ontology,
        "uri": urn(code),
        "parentId": str(uuid.uuid5(uuid.NAMESPACE_URL, urn(parent))) if parent else None,
        "parentUri": urn(parent) if parent else None,
        "newUri": uri,
        "newParentUri": uri.rsplit("/", 1)[0] + "/" + parent if parent else None,
    }
    if with_description:
        item = dict(list(item.items())[:1] + [("description", [
            lv("fi", "Palveluluokka %s (testiaineiston kuvaus)." % fi),
            lv("sv", "Tjänsteklass %s (testdatans beskrivning)." % sv)])] + list(item.items())[1:])
    return item


def municipality_ref(code):
    fi, sv = MUNICIPALITIES[code][:2]
    return {"code": code, "name": [lv("sv", sv), lv("fi", fi)]}


def area_municipalities(codes):
    return [{"type": "Municipality", "code": None, "name": None,
             "municipalities": [municipality_ref(c) for c in codes]}]


def area_province(province):
    codes = [c for c, m in MUNICIPALITIES.items() if m[2] == province]
    return [{"type": "Province", "code": province,
             "name": [lv("fi", "Testimaakunta %s" % province),
                      lv("sv", "Testlandskap %s" % province)],
             "municipalities": [municipality_ref(c) for c in codes]}]


def opening(day_from, day_to, t_from, t_to):
    return {"dayFrom": day_from, "dayTo": day_to, "from": t_from, "to": t_to}


def hours(kind, opening_hours, valid_from=None, valid_to=None, closed=False,
          always=False, info=None):
    if valid_from is None:
        now = True
    else:
        now = valid_from[:10] <= REFERENCE_DAY <= (valid_to or valid_from)[:10]
    return {
        "serviceHourType": kind,
        "validFrom": valid_from,
        "validTo": valid_to,
        "isClosed": closed,
        "validForNow": now,
        "isAlwaysOpen": always,
        "isReservation": False,
        "additionalInformation": [lv(l, v) for l, v in (info or {"fi": None}).items()],
        "openingHour": opening_hours,
    }


def weekdays(t_from, t_to, friday_to=None, per_day=True, **kw):
    """Monday to Friday: one entry a day (dayTo ""), or one range entry."""
    if not per_day:
        return hours("DaysOfTheWeek", [opening("Monday", "Friday", t_from, t_to)], **kw)
    return hours("DaysOfTheWeek", [
        opening(d, "", t_from, friday_to if d == "Friday" and friday_to else t_to)
        for d in DAYS[:5]], **kw)


def exceptional_closed(day, info):
    return hours("Exceptional", [], valid_from=day + "T00:00:00",
                 valid_to=day + "T00:00:00", closed=True, info=info)


def phone(lang, number, charge, info, charge_text=None, service_number=False):
    return {
        "type": "Phone",
        "additionalInformation": info,
        "serviceChargeType": charge,
        "chargeDescription": charge_text,
        "prefixNumber": None if service_number else "+358",
        "isFinnishServiceNumber": service_number,
        "number": number,
        "language": lang,
    }


def street_address(street, number, postal, post_office, muni, lat="6900000", lon="430000"):
    """street and post_office: {lang: text}."""
    return {
        "type": "Location",
        "subType": "Single",
        "postOfficeBoxAddress": None,
        "streetAddress": {
            "street": [lv(l, v) for l, v in street.items()],
            "streetNumber": number,
            "postalCode": postal,
            "postOffice": [lv(l, v) for l, v in post_office.items()],
            "municipality": municipality_ref(muni),
            "additionalInformation": [],
            "latitude": lat,
            "longitude": lon,
            "coordinateState": "EnteredByUser",
        },
        "otherAddress": None,
        "locationAbroad": None,
        "entrances": [],
        "country": "FI",
    }


def entrance(groups, lat="6900000.0", lon="430000.0"):
    """groups: [({lang: heading}, [{lang: sentence}, ...]), ...]."""
    return {
        "name": [],
        "isMainEntrance": True,
        "coordinates": {"latitude": lat, "longitude": lon},
        "contactInfo": {"phone": None, "email": None, "url": None},
        "accessibilitySentences": [
            {"sentenceGroup": [lv(l, v) for l, v in heading.items()],
             "sentences": [{"sentence": [lv(l, v) for l, v in s.items()]} for s in sentences]}
            for heading, sentences in groups],
    }


def connection(ref_key, ref_id, ref_name, modified):
    """An item of a service's serviceChannels or a channel's services."""
    return {
        ref_key: {"id": ref_id, "name": ref_name},
        "serviceChargeType": None,
        "description": [],
        "extraTypes": [],
        "serviceHours": [],
        "contactDetails": None,
        "digitalAuthorizations": [],
        "modified": modified,
    }


def new_service(sid, names, descriptions, langs, area_type, areas, classes, events,
                groups, orgs, modified, charge="FreeOfCharge", keywords=()):
    return {
        "id": sid,
        "sourceId": None,
        "generalDescriptionId": None,
        "subType": None,
        "type": "Service",
        "fundingType": "PubliclyFunded",
        "serviceNames": [ltv(l, v, "Name") for l, v in names.items()],
        "serviceChargeType": charge,
        "areaType": area_type,
        "areas": areas,
        "serviceDescriptions": descriptions,
        "languages": list(langs),
        "serviceClasses": classes,
        "ontologyTerms": [],
        "targetGroups": groups,
        "lifeEvents": events,
        "industrialClasses": [],
        "legislation": [],
        "keywords": [lv("fi", k) for k in keywords],
        "requirements": [],
        "serviceChannels": [],
        "organizations": [{"organization": {"id": oid, "name": oname}, "roleType": role,
                           "provisionType": None, "additionalInformation": []}
                          for oid, oname, role in orgs],
        "serviceVouchersInUse": False,
        "serviceVouchers": [],
        "serviceCollections": [],
        "publishingStatus": "Published",
        "modified": modified,
        "responsibleSoteOrganization": None,
    }


def new_channel(cid, ctype, org_id, names, descriptions, langs, area_type, areas, modified):
    ch = {
        "id": cid,
        "sourceId": None,
        "oid": None,
        "serviceChannelType": ctype,
        "organizationId": org_id,
        "serviceChannelNames": [ltv(l, v, "Name") for l, v in names.items()],
        "displayNameType": [{"type": "Name", "language": l} for l in names],
        "serviceChannelDescriptions": descriptions,
        "areaType": area_type,
        "areas": areas,
        "phoneNumbers": [],
        "emails": [],
        "languages": list(langs),
        "webPages": [],
        "addresses": [],
        "serviceHours": [],
        "services": [],
        "publishingStatus": "Published",
        "modified": modified,
        "responsibleSoteOrganization": None,
        "ontologyTerms": [],
    }
    # The fields only some types have (approximations of the register's).
    if ctype == "EChannel":
        ch.update({"requiresSignature": False, "signatureQuantity": None,
                   "requiresAuthentication": True, "attachments": []})
    elif ctype == "PrintableForm":
        ch.update({"formIdentifier": [lv("fi", "TESTI-%s" % cid[-4:])],
                   "deliveryAddresses": [], "attachments": []})
    return ch


def link(service, channel):
    service["serviceChannels"].append(connection(
        "serviceChannel", channel["id"], channel["serviceChannelNames"][0]["value"],
        channel["modified"]))
    channel["services"].append(connection(
        "service", service["id"], service["serviceNames"][0]["value"], service["modified"]))


def fi_name(item):
    key = "serviceNames" if "serviceNames" in item else "serviceChannelNames"
    for n in item.get(key) or []:
        if isinstance(n, dict) and n.get("language") == "fi":
            return n.get("value")
    return None


# ---------------------------------------------------------------------------
# The local test services (fixed ids, fixed texts).

CLINIC_GROUPS = [
    ({"fi": "Sisäänkäynti", "sv": "Ingången", "en": "The entrance"},
     [{"fi": "Pääovi on porrastasanteella, ja sen vieressä on luiska.",
       "sv": "Huvuddörren ligger vid en trappavsats, och bredvid den finns en ramp.",
       "en": "The main door is on a landing, with a ramp beside it."},
      {"fi": "Ovi avautuu painikkeesta automaattisesti.",
       "sv": "Dörren öppnas automatiskt med en knapp.",
       "en": "The door opens automatically at the press of a button."}]),
    ({"fi": "Pysäköinti", "sv": "Parkering", "en": "Parking"},
     [{"fi": "Liikkumisesteisten pysäköintipaikka on kymmenen metrin päässä ovesta.",
       "sv": "Parkeringsplatsen för rörelsehindrade ligger tio meter från dörren.",
       "en": "The accessible parking space is ten metres from the door."}]),
]

HOLIDAYS = [  # weekday holidays of the winter the tests run in
    ("2026-12-24", {"fi": "Jouluaatto: suljettu", "sv": "Julafton: stängt",
                    "en": "Christmas Eve: closed"}),
    ("2026-12-25", {"fi": "Joulupäivä: suljettu", "sv": "Juldagen: stängt",
                    "en": "Christmas Day: closed"}),
    ("2027-01-01", {"fi": "Uudenvuodenpäivä: suljettu", "sv": "Nyårsdagen: stängt",
                    "en": "New Year's Day: closed"}),
]


def clinic(muni, names, org, street, number, postal, post_office, phone_number,
           email, per_day, modified, codes, pos_lat, pos_lon):
    """A child health clinic: service, Phone, ServiceLocation and WebPage
    channels, in fi, sv and en."""
    classes, events, groups = codes
    sid = fixed_id("s", muni, 1)
    s = new_service(
        sid, names,
        [ltv("fi", "%s on testiaineiston lastenneuvola: raskauden seuranta, lapsen "
             "kasvun ja kehityksen seuranta sekä rokotukset." % names["fi"], "Summary"),
         ltv("sv", "%s är testdatans barnrådgivning: uppföljning av graviditeten, "
             "barnets tillväxt och utveckling samt vaccinationer." % names["sv"], "Summary"),
         ltv("en", "%s is the test data's child health clinic: pregnancy follow-up, "
             "the child's growth and development, and vaccinations." % names["en"], "Summary"),
         ltv("fi", "Neuvolan terveydenhoitaja tapaa perheen säännöllisesti. Käynnit ovat "
             "maksuttomia. Tämä palvelu on testiaineistoa.", "Description"),
         ltv("sv", "Rådgivningens hälsovårdare träffar familjen regelbundet. Besöken är "
             "avgiftsfria. Denna tjänst är testdata.", "Description"),
         ltv("en", "The clinic's public health nurse meets the family regularly. Visits are "
             "free of charge. This service is test data.", "Description"),
         ltv("fi", "Varaa aika puhelimitse.", "UserInstruction"),
         ltv("sv", "Boka tid per telefon.", "UserInstruction"),
         ltv("en", "Book an appointment by phone.", "UserInstruction")],
        ("fi", "sv", "en"), "LimitedType", area_municipalities([muni]),
        [classes["P5.2"], classes["P3.2"]], [events["KE1"]], [groups["KR1.2"]],
        [org + ("Responsible",)], modified, keywords=("neuvola", "lastenneuvola", "testi"))

    ph = new_channel(fixed_id("c", muni, 11), "Phone", org[0],
                     {"fi": names["fi"] + ", ajanvaraus", "sv": names["sv"] + ", tidsbokning",
                      "en": names["en"] + ", appointments"},
                     [ltv("fi", "Ajanvaraus ja neuvonta puhelimitse.", "Summary"),
                      ltv("sv", "Tidsbokning och rådgivning per telefon.", "Summary"),
                      ltv("en", "Appointments and advice by phone.", "Summary")],
                     ("fi", "sv", "en"), "LimitedType", area_municipalities([muni]), modified)
    ph["phoneNumbers"] = [
        phone("fi", phone_number, "Chargeable", "Terveydenhoitajien puhelinaika",
              "Puhelun hinta: paikallisverkko- tai matkapuhelinmaksu."),
        phone("sv", phone_number, "Chargeable", "Hälsovårdarnas telefontid",
              "Samtalet kostar: lokalnätsavgift eller mobilsamtalsavgift."),
        phone("en", phone_number, "Chargeable", "Public health nurses' phone hours",
              "Call charge: local network charge or mobile call charge."),
    ]
    ph["emails"] = [lv("fi", email)]
    ph["serviceHours"] = [weekdays("08:00:00", "12:00:00", per_day=per_day,
                                   info={"fi": "Puhelinaika", "sv": "Telefontid",
                                         "en": "Phone hours"})]

    loc = new_channel(fixed_id("c", muni, 12), "ServiceLocation", org[0],
                      {"fi": names["fi"], "sv": names["sv"], "en": names["en"]},
                      [ltv("fi", "Neuvolan käyntiosoite.", "Summary"),
                       ltv("sv", "Rådgivningens besöksadress.", "Summary"),
                       ltv("en", "The clinic's visiting address.", "Summary")],
                      ("fi", "sv", "en"), "LimitedType", area_municipalities([muni]), modified)
    addr = street_address(street, number, postal, post_office, muni, pos_lat, pos_lon)
    addr["entrances"] = [entrance(CLINIC_GROUPS, pos_lat + ".0", pos_lon + ".0")]
    loc["addresses"] = [addr]
    loc["phoneNumbers"] = [phone("fi", phone_number, "Chargeable", "Ajanvaraus",
                                 "Paikallisverkkomaksu")]
    loc["emails"] = [lv("fi", email), lv("sv", email)]
    loc["webPages"] = [{"url": "https://neuvola.testi.example/%s/fi" % muni,
                        "value": names["fi"], "language": "fi"}]
    loc["serviceHours"] = (
        [weekdays("08:00:00", "16:00:00", friday_to="14:00:00" if per_day else None,
                  per_day=per_day, info={"fi": "Avoinna", "sv": "Öppet", "en": "Open"}),
         # Summer hours: a dated DaysOfTheWeek, not valid now.
         weekdays("09:00:00", "13:00:00", per_day=False, valid_from="2027-06-01T00:00:00",
                  valid_to="2027-08-31T00:00:00",
                  info={"fi": "Kesäaika", "sv": "Sommartid", "en": "Summer hours"})]
        + [exceptional_closed(d, info) for d, info in HOLIDAYS]
        + [hours("Exceptional", [opening("Thursday", "", "08:00:00", "12:00:00")],
                 valid_from="2026-12-31T00:00:00", valid_to="2026-12-31T00:00:00",
                 info={"fi": "Uudenvuodenaatto: lyhennetty aukiolo",
                       "sv": "Nyårsafton: kortare öppettid",
                       "en": "New Year's Eve: shorter hours"})])

    web = new_channel(fixed_id("c", muni, 13), "WebPage", org[0],
                      {"fi": names["fi"] + " verkossa", "sv": names["sv"] + " på webben",
                       "en": names["en"] + " online"},
                      [ltv("fi", "Ohjeita perheille.", "Summary")],
                      ("fi", "sv", "en"), "LimitedType", area_municipalities([muni]), modified)
    web["webPages"] = [{"url": "https://neuvola.testi.example/%s/%s" % (muni, l),
                        "value": names[l], "language": l} for l in ("fi", "sv", "en")]
    for ch in (ph, loc, web):
        link(s, ch)
    return s, [ph, loc, web]


def local_services(tables):
    classes, events, groups = tables
    codes = (classes, events, groups)
    org_j = ("7e570e00-0000-4000-8000-000000000179", "Keski-Suomen testihyvinvointialue")
    org_t = ("7e570e00-0000-4000-8000-000000000853", "Varsinais-Suomen testihyvinvointialue")
    out_s, out_c = [], []

    s, cs = clinic("179", {"fi": "Kyllön neuvola (testi)", "sv": "Kyllö rådgivning (test)",
                           "en": "Kyllö child health clinic (test)"},
                   org_j, {"fi": "Testikyllöntie", "sv": "Testkyllövägen"}, "12", "40100",
                   {"fi": "JYVÄSKYLÄ", "sv": "JYVÄSKYLÄ"}, "401790001",
                   "kyllon.neuvola@testi.example", True, "2024-05-14T08:30:00.000000",
                   codes, "6901234", "435678")
    out_s.append(s)
    out_c += cs

    s, cs = clinic("853", {"fi": "Turun testineuvola", "sv": "Åbo testrådgivning",
                           "en": "Turku test child health clinic"},
                   org_t, {"fi": "Testineuvolankatu", "sv": "Testrådgivningsgatan"}, "3 A",
                   "20100", {"fi": "TURKU", "sv": "ÅBO"}, "208530001",
                   "testineuvola@turku.testi.example", False, "2024-04-02T12:00:00.000000",
                   codes, "6711234", "238765")
    out_s.append(s)
    out_c += cs

    # Finnish only: every text of the service and its channel.
    sid = fixed_id("s", "179", 2)
    s = new_service(
        sid, {"fi": "Kyllön testikirjaston lainauspalvelu"},
        [ltv("fi", "Lainaa kirjoja ja muuta aineistoa. Palvelu on kuvattu vain suomeksi.",
             "Summary"),
         ltv("fi", "Kirjastokortin saa näyttämällä henkilöllisyystodistuksen. Testiaineistoa.",
             "Description")],
        ("fi",), "LimitedType", area_municipalities(["179"]),
        [classes["P25.1"]], [], [groups["KR1"]], [org_j + ("Responsible",)],
        "2023-10-10T10:10:10.000000")
    lib = new_channel(fixed_id("c", "179", 21), "ServiceLocation", org_j[0],
                      {"fi": "Kyllön testikirjasto"},
                      [ltv("fi", "Kirjaston käyntiosoite.", "Summary")], ("fi",),
                      "LimitedType", area_municipalities(["179"]), "2023-10-10T10:10:10.000000")
    addr = street_address({"fi": "Testikirjastonkuja"}, "5", "40120", {"fi": "JYVÄSKYLÄ"},
                          "179", "6902000", "436000")
    addr["entrances"] = [entrance([({"fi": "Sisäänkäynti"},
                                    [{"fi": "Sisäänkäynti on katutasossa."}])])]
    lib["addresses"] = [addr]
    lib["serviceHours"] = [
        hours("DaysOfTheWeek", [opening("Monday", "Thursday", "10:00:00", "20:00:00"),
                                opening("Friday", "", "10:00:00", "18:00:00"),
                                opening("Saturday", "", "10:00:00", "15:00:00")],
              info={"fi": "Aukioloajat"}),
        exceptional_closed("2026-12-24", {"fi": "Jouluaatto: suljettu"})]
    link(s, lib)
    out_s.append(s)
    out_c.append(lib)

    # Keski-Suomi wide (a Province area): found for 179 and 500.
    sid = fixed_id("s", "179", 3)
    s = new_service(
        sid, {"fi": "Keski-Suomen testiperheneuvola", "sv": "Mellersta Finlands testfamiljerådgivning"},
        [ltv("fi", "Kasvatus- ja perheneuvontaa koko maakunnassa (testi).", "Summary"),
         ltv("sv", "Uppfostrings- och familjerådgivning i hela landskapet (test).", "Summary")],
        ("fi", "sv"), "LimitedType", area_province("13"),
        [classes["P3.7"]], [events["KE1"]], [groups["KR1.2"]],
        [org_j + ("Responsible",)], "2024-02-20T09:00:00.000000")
    ph = new_channel(fixed_id("c", "179", 31), "Phone", org_j[0],
                     {"fi": "Perheneuvolan puhelin (testi)", "sv": "Familjerådgivningens telefon (test)"},
                     [ltv("fi", "Neuvontaa puhelimitse.", "Summary")], ("fi", "sv"),
                     "LimitedType", area_province("13"), "2024-02-20T09:00:00.000000")
    ph["phoneNumbers"] = [phone("fi", "0800 179 003", "FreeOfCharge", "Maksuton neuvontanumero",
                                service_number=True)]
    ph["serviceHours"] = [hours("DaysOfTheWeek", [], always=True,
                                info={"fi": "Aina avoinna"})]
    link(s, ph)
    out_s.append(s)
    out_c.append(ph)

    # Clinics of other municipalities, which a 179 or 853 kiosk never shows.
    for n, (muni, fi, sv) in enumerate((("091", "Helsingin testineuvola", "Helsingfors testrådgivning"),
                                         ("837", "Tampereen testineuvola", "Tammerfors testrådgivning"),
                                         ("500", "Muuramen testineuvola", "Muurame testrådgivning"))):
        sid = fixed_id("s", muni, 1)
        s = new_service(
            sid, {"fi": fi, "sv": sv},
            [ltv("fi", "Lastenneuvola (testiaineistoa).", "Summary"),
             ltv("sv", "Barnrådgivning (testdata).", "Summary")],
            ("fi", "sv"), "LimitedType", area_municipalities([muni]),
            [classes["P5.2"]], [events["KE1"]], [groups["KR1.2"]],
            [("7e570e00-0000-4000-8000-000000000%s" % muni, "Testihyvinvointialue %s" % muni,
              "Responsible")], "2024-03-0%dT08:00:00.000000" % (n + 1))
        ph = new_channel(fixed_id("c", muni, 11), "Phone", s["organizations"][0]["organization"]["id"],
                         {"fi": fi + ", ajanvaraus"}, [], ("fi",), "LimitedType",
                         area_municipalities([muni]), s["modified"])
        ph["phoneNumbers"] = [phone("fi", "40%s0001" % muni, "Chargeable", "Ajanvaraus",
                                    "Paikallisverkkomaksu")]
        link(s, ph)
        out_s.append(s)
        out_c.append(ph)
    return out_s, out_c


# ---------------------------------------------------------------------------
# Nationwide fillers.

ORG_KINDS = ("Testivirasto", "Testilaitos", "Testikeskus", "Testirahasto")


def generate(nationwide=3000, seed=1, assets=None):
    rng = random.Random(seed)
    assets = assets or DEFAULT_ASSETS
    classes = load_codes(assets, "service_classes.tsv")
    events = load_codes(assets, "life_events.tsv")
    groups = load_codes(assets, "target_groups.tsv")
    fclass = {c: finto(c, classes, "ptvserclass2", 1, True) for c in list(classes) + list(UNKNOWN_CLASSES)}
    fevent = {c: finto(c, events, "ptvelti", 3, False) for c in list(events) + list(UNKNOWN_EVENTS)}
    fgroup = {c: finto(c, groups, "ptvkohderyhmat", 2, False) for c in list(groups) + list(UNKNOWN_GROUPS)}
    class_codes = sorted(c for c in classes if "." in c)
    event_codes = sorted(events)
    group_codes = sorted(groups)

    def rid():
        while True:   # "7e57" starts the fixed ids of the local services only
            u = str(uuid.UUID(int=rng.getrandbits(128), version=4))
            if not u.startswith("7e57"):
                return u

    def when():
        d = rng.randrange(MODIFIED_DAYS)
        y, m, day = MODIFIED_FROM
        t = datetime.datetime(y, m, day) + datetime.timedelta(
            days=d, seconds=rng.randrange(86400), microseconds=rng.randrange(1000000))
        return t.strftime("%Y-%m-%dT%H:%M:%S.%f")

    orgs = [(rid(), "%s %02d" % (ORG_KINDS[k % len(ORG_KINDS)], k + 1)) for k in range(40)]
    munis = sorted(MUNICIPALITIES)
    services, channels = [], []

    def channel_for(i, j, s, langs, org, cls):
        ctype = rng.choices(("EChannel", "WebPage", "PrintableForm", "Phone", "ServiceLocation"),
                            (25, 30, 10, 20, 15))[0]
        fi_c, sv_c, en_c = cls[1], cls[2], cls[3]
        label = {"EChannel": ("asiointi verkossa", "e-tjänst", "online service"),
                 "WebPage": ("verkkosivu", "webbsida", "web page"),
                 "PrintableForm": ("lomake", "blankett", "form"),
                 "Phone": ("puhelinpalvelu", "telefontjänst", "phone service"),
                 "ServiceLocation": ("palvelupiste", "servicepunkt", "service point")}[ctype]
        txt = {"fi": "%s: %s %d.%d" % (fi_c, label[0], i, j),
               "sv": "%s: %s %d.%d" % (sv_c, label[1], i, j),
               "en": "%s: %s %d.%d" % (en_c, label[2], i, j)}
        names = {l: txt[l] for l in langs}
        descs = [ltv(l, {"fi": "Testiaineiston asiointikanava.", "sv": "Testdatans kanal.",
                         "en": "A channel of the test data."}[l], "Summary") for l in langs]
        area_type, areas = "Nationwide", []
        muni = None
        if ctype == "ServiceLocation":
            muni = rng.choice(munis)
            area_type, areas = "LimitedType", area_municipalities([muni])
        ch = new_channel(rid(), ctype, org[0], names, descs, langs, area_type, areas,
                         s["modified"])
        n = 100000 * (i % 900) + 10 * j
        if ctype in ("EChannel", "WebPage", "PrintableForm"):
            ch["webPages"] = [{"url": "https://palvelu%d.testi.example/%s/%d" % (i % 50, l, i),
                               "value": names[l], "language": l} for l in langs]
        if ctype == "Phone":
            kind = rng.randrange(4)
            if kind == 0:
                ch["phoneNumbers"] = [phone(l, "0800 %03d %03d" % (i % 1000, j), "FreeOfCharge",
                                            None, service_number=True) for l in langs]
            elif kind == 1:
                ch["phoneNumbers"] = [phone(l, "0295 %06d" % n, "Other",
                                            {"fi": "Palvelunumero", "sv": "Servicenummer",
                                             "en": "Service number"}[l],
                                            {"fi": "Puhelu maksaa 0,05 €/min + pvm (testi).",
                                             "sv": "Samtalet kostar 0,05 €/min + lna (test).",
                                             "en": "The call costs 0.05 €/min + local network charge (test)."}[l],
                                            service_number=True) for l in langs]
            else:
                ch["phoneNumbers"] = [phone(l, "29%07d" % n, "Chargeable", None,
                                            "Paikallisverkkomaksu" if l == "fi" else None)
                                      for l in langs]
            r = rng.randrange(5)
            if r == 0:
                ch["serviceHours"] = [hours("DaysOfTheWeek", [], always=True)]
            elif r == 1:
                ch["serviceHours"] = [weekdays("09:00:00", "16:00:00", per_day=False),
                                      hours("OverMidnight",
                                            [opening("Friday", "Saturday", "20:00:00", "02:00:00")])]
            else:
                ch["serviceHours"] = [weekdays("08:00:00", "16:15:00", per_day=r == 2)]
        if ctype == "ServiceLocation":
            fi_m, sv_m = MUNICIPALITIES[muni][:2]
            street = {"fi": "Testitie"} if rng.random() < 0.5 else {"fi": "Testitie", "sv": "Testvägen"}
            addr = street_address(street, str(1 + i % 120), "%s%02d" % (muni, j),
                                  {"fi": fi_m.upper(), "sv": sv_m.upper()}, muni)
            if rng.random() < 0.6:
                addr["entrances"] = [entrance([({"fi": "Sisäänkäynti", "sv": "Ingången"},
                                                [{"fi": "Kulku sisään on portaaton.",
                                                  "sv": "Ingången är trappfri."}])])]
            ch["addresses"] = [addr]
            ch["serviceHours"] = [weekdays("09:00:00", "15:00:00", per_day=rng.random() < 0.5),
                                  exceptional_closed("2026-12-24", {"fi": "Suljettu"})]
        if rng.random() < 0.2:
            ch["emails"] = [lv("fi", "asiointi%d@testi.example" % i)]
        return ch

    for i in range(1, nationwide + 1):
        langs = rng.choice(LANG_SETS)
        if rng.random() < 0.05:
            ccode = rng.choice(UNKNOWN_CLASSES)
        else:
            ccode = rng.choice(class_codes)
        cls = classes.get(ccode) or ("", "Muu testiaihe", "Annat testämne", "Other test topic")
        names = {l: "%s: %s %04d" % ({"fi": cls[1], "sv": cls[2], "en": cls[3]}[l],
                                     {"fi": "testipalvelu", "sv": "testtjänst",
                                      "en": "test service"}[l], i) for l in langs}
        descs = []
        for l in langs:
            descs.append(ltv(l, {"fi": "Testiaineiston valtakunnallinen palvelu numero %d." % i,
                                 "sv": "Testdatans riksomfattande tjänst nummer %d." % i,
                                 "en": "Nationwide service number %d of the test data." % i}[l],
                             "Summary"))
            descs.append(ltv(l, {"fi": "Palvelu on keksitty testejä varten. " * 3,
                                 "sv": "Tjänsten är påhittad för tester. " * 3,
                                 "en": "The service is made up for tests. " * 3}[l].strip(),
                             "Description"))
        if rng.random() < 0.3:
            descs.append(ltv("fi", None, "DeadLine"))
        if rng.random() < 0.4:
            descs.append(ltv(langs[0], "Asioi verkossa tai soita." if langs[0] == "fi" else None,
                             "UserInstruction"))
        evs = []
        if rng.random() < 0.3:
            evs.append(fevent[rng.choice(event_codes)])
        if rng.random() < 0.03:
            evs.append(fevent[rng.choice(UNKNOWN_EVENTS)])
        grs = [fgroup["KR1"]] if rng.random() < 0.7 else []
        if rng.random() < 0.4:
            g = rng.choice(group_codes)
            if g != "KR1":
                grs.append(fgroup[g])
        if rng.random() < 0.03:
            grs.append(fgroup[rng.choice(UNKNOWN_GROUPS)])
        org = rng.choice(orgs)
        roles = [org + ("Responsible",)]
        if rng.random() < 0.15:
            roles.append(rng.choice(orgs) + ("Producer",))
        if rng.random() < 0.05:
            roles.append(rng.choice(orgs) + ("OtherResponsible",))
        scl = [fclass[ccode]]
        if rng.random() < 0.25:
            scl.append(fclass[rng.choice(class_codes)])
        s = new_service(rid(), names, descs, langs,
                        "NationwideExceptAlandIslands" if rng.random() < 0.1 else "Nationwide",
                        [], scl, evs, grs, roles, when(),
                        charge=rng.choice(("FreeOfCharge", "FreeOfCharge", "Chargeable", "Other")),
                        keywords=("testi",) if rng.random() < 0.5 else ())
        for j in range(rng.choices((0, 1, 2, 3), (15, 40, 30, 15))[0]):
            if channels and rng.random() < 0.08:
                link(s, rng.choice(channels))   # a channel of many services
                continue
            ch = channel_for(i, j + 1, s, langs, org, cls)
            channels.append(ch)
            link(s, ch)
        services.append(s)

    # The local ones among the fillers, so that a client finds them only
    # by paging: the Jyväskylä clinic near the end of every list, Turku's
    # in the middle.
    loc_s, loc_c = local_services((fclass, fevent, fgroup))
    n = len(services)
    spots = [max(0, n - 3), n // 2, n // 3, 2 * n // 3, 10 % (n + 1), n // 4, n // 5, n // 6]
    for s, at in sorted(zip(loc_s, spots), key=lambda p: -p[1]):
        services.insert(at, s)
    m = len(channels)
    for k, ch in enumerate(loc_c):
        channels.insert(max(0, m - 5 * (k + 1)), ch)
    return {"services": services, "channels": channels}


# ---------------------------------------------------------------------------
# Variants.

CLINIC_179 = fixed_id("s", "179", 1)
CLINIC_179_PHONE = fixed_id("c", "179", 11)
CHANGED_PHONE = "401790009"
CHANGED_NAMES = {"fi": "Kyllön neuvola ja perhekeskus (testi)",
                 "sv": "Kyllö rådgivning och familjecenter (test)",
                 "en": "Kyllö child health clinic and family centre (test)"}


def fillers(data):
    return [s for s in data["services"] if not s["id"].startswith("7e57")]


def change_plan(data):
    """(changed service ids, archived service id): the 179 clinic and the
    first two fillers change, the third filler is archived."""
    f = fillers(data)
    changed = [s["id"] for s in f[:2]]
    if any(s["id"] == CLINIC_179 for s in data["services"]):
        changed.insert(0, CLINIC_179)
    return changed, (f[2]["id"] if len(f) > 2 else None)


def apply_changes(data, when):
    """The data after an edit at WHEN (yyyy-MM-ddTHH:mm:ss.ffffff): names
    and the clinic's phone changed, one service archived.  Returns
    (new data, archived services); DATA is not modified."""
    changed, archived = change_plan(data)
    out_s, out_c, gone = [], [], []
    touched_channels = set()
    for s in data["services"]:
        if s["id"] == archived:
            a = copy.deepcopy(s)
            a["publishingStatus"] = "Archived"
            a["modified"] = when
            gone.append(a)
            continue
        if s["id"] in changed:
            s = copy.deepcopy(s)
            s["modified"] = when
            for n in s["serviceNames"]:
                if s["id"] == CLINIC_179 and n["language"] in CHANGED_NAMES:
                    n["value"] = CHANGED_NAMES[n["language"]]
                elif s["id"] != CLINIC_179:
                    n["value"] = n["value"] + {"fi": " (muutettu)", "sv": " (ändrad)"}.get(
                        n["language"], " (changed)")
            for ref in s["serviceChannels"]:
                touched_channels.add(ref["serviceChannel"]["id"])
        out_s.append(s)
    names = {s["id"]: s["serviceNames"][0]["value"] for s in out_s}
    for ch in data["channels"]:
        refs = ch["services"]
        if (ch["id"] in touched_channels or any(r["service"]["id"] == archived for r in refs)):
            ch = copy.deepcopy(ch)
            ch["services"] = [r for r in ch["services"] if r["service"]["id"] != archived]
            for r in ch["services"]:
                r["service"]["name"] = names.get(r["service"]["id"], r["service"]["name"])
            if ch["id"] == CLINIC_179_PHONE:
                ch["modified"] = when
                for p in ch["phoneNumbers"]:
                    p["number"] = CHANGED_PHONE
        out_c.append(ch)
    return {"services": out_s, "channels": out_c}, gone


# Hostile texts: terminal escapes, C0 and C1 controls, bidi overrides,
# zero-width characters, odd markup, a NUL, and 100 kB strings.
ESC_SEQS = "\x1b[2J\x1b[H\x1b[31;1mPUNAINEN\x1b[0m\x1b]0;otsikko\x07\x1b]52;c;aGk=\x07"
C0 = "\x07\x08\x0b\x0c\r\x7fkello"
C1 = "\x9b31m\x9d0;c1\x9c\x85"
BIDI = "\u202eelif.exe\u202c \u2066eristetty\u2069 \u200f"
ZERO_WIDTH = "nolla\u200bleveys\u200c\u200d\ufeff\u2060"
MARKUP = "<script>alert(1)</script><b>lihava</b> &amp; &#27; %s %n {{x}} [a](javascript:x)"
LONG = ("Pitkä teksti. " * 7200)[:100000]


def make_hostile(data):
    """The data with HOSTILE-1 ... HOSTILE-5 in five services: four
    fillers, and a new Jyväskylä (179) service with a Phone and a
    ServiceLocation channel.  Each text starts "HOSTILE-n"."""
    # Only what changes is copied: the rest is shared with DATA.
    d = {"services": list(data["services"]), "channels": list(data["channels"])}
    picked = fillers(d)[3:7]
    f = []
    for s in picked:
        at = d["services"].index(s)
        d["services"][at] = copy.deepcopy(s)
        f.append(d["services"][at])
    kinds = [ESC_SEQS + C0, C1 + BIDI, LONG, ZERO_WIDTH + MARKUP + "\x00NUL"]
    for k, s in enumerate(f):
        tag = "HOSTILE-%d " % (k + 1)
        for n in s["serviceNames"]:
            n["value"] = tag + kinds[k]
        for ds in s["serviceDescriptions"]:
            ds["value"] = tag + kinds[(k + 1) % 4]
    # The local one.
    tag = "HOSTILE-5 "
    sid = fixed_id("s", "179", 9)
    org = ("7e570e00-0000-4000-8000-000000000179", "Keski-Suomen testihyvinvointialue")
    first = d["services"][0]
    s = new_service(sid, {"fi": tag + "Neuvola " + ESC_SEQS + BIDI, "sv": tag + C1 + "x"},
                    [ltv("fi", tag + MARKUP + C0 + LONG, "Summary"),
                     ltv("fi", tag + ZERO_WIDTH, "Description")],
                    ("fi", "sv"), "LimitedType", area_municipalities(["179"]),
                    first["serviceClasses"][:1], [], [], [org + ("Responsible",)],
                    "2024-01-01T00:00:00.000000")
    ph = new_channel(fixed_id("c", "179", 91), "Phone", org[0], {"fi": tag + BIDI + ESC_SEQS},
                     [], ("fi",), "LimitedType", area_municipalities(["179"]), s["modified"])
    ph["phoneNumbers"] = [phone("fi", "40179\x1b[8m0009", "Chargeable", tag + ESC_SEQS + LONG,
                                tag + C1 + BIDI)]
    loc = new_channel(fixed_id("c", "179", 92), "ServiceLocation", org[0],
                      {"fi": tag + ZERO_WIDTH + MARKUP}, [], ("fi",), "LimitedType",
                      area_municipalities(["179"]), s["modified"])
    addr = street_address({"fi": tag + ESC_SEQS + BIDI + "katu", "sv": tag + LONG}, "1\x1b[2J",
                          "40100", {"fi": tag + C1}, "179")
    addr["entrances"] = [entrance([({"fi": tag + C0 + BIDI},
                                    [{"fi": tag + ESC_SEQS + MARKUP},
                                     {"fi": tag + LONG, "en": tag + ZERO_WIDTH}])])]
    loc["addresses"] = [addr]
    loc["serviceHours"] = [hours("DaysOfTheWeek",
                                 [opening("Monday", "", "08:00:00", "16:00:00")],
                                 info={"fi": tag + ESC_SEQS})]
    link(s, ph)
    link(s, loc)
    d["services"].insert(len(d["services"]) // 2, s)
    d["channels"] += [ph, loc]
    return d


def main():
    ap = argparse.ArgumentParser(description="write invented PTV v11 test data as JSON")
    ap.add_argument("--out", required=True, help="the file to write ('-': standard output)")
    ap.add_argument("--nationwide", type=int, default=3000)
    ap.add_argument("--seed", type=int, default=1)
    ap.add_argument("--assets", default=DEFAULT_ASSETS)
    ap.add_argument("--variant", choices=("base", "changed", "hostile"), default="base")
    ap.add_argument("--changed-at", default="2026-12-03T10:00:00",
                    help="the modification time of the changed variant (UTC)")
    a = ap.parse_args()
    if a.nationwide < 3:
        ap.error("--nationwide must be at least 3")
    data = generate(a.nationwide, a.seed, a.assets)
    if a.variant == "changed":
        data, archived = apply_changes(data, a.changed_at + ".000000")
        data["archived"] = archived
    elif a.variant == "hostile":
        data = make_hostile(data)
    text = json.dumps(data, ensure_ascii=False, indent=None, separators=(",", ":"))
    if a.out == "-":
        sys.stdout.write(text + "\n")
        return 0
    tmp = "%s.tmp.%d" % (a.out, os.getpid())
    with open(tmp, "w", encoding="utf-8") as f:
        f.write(text + "\n")
    os.replace(tmp, a.out)
    return 0


if __name__ == "__main__":
    sys.exit(main())
