#!/usr/bin/env python3
"""A local stand-in for the AuroraAI service recommender API v1, for tests.

Standard library only.  It listens on 127.0.0.1 on a free port, speaks
HTTPS (or plain HTTP with --insecure-http), keeps connections alive and
answers like the deployed service: strict validation with plain-text
errors, and answers in the deployed shape.  The data are invented test
services (Testivirasto / Testverket / Test Agency), in fi, sv and en.

    server.py --cert FILE --key FILE --port-file FILE --log FILE
              [--mode MODE] [--mode-file FILE]
              [--client-id ID --client-secret SECRET] [--insecure-http]

See README.md beside this file for the modes and the log format.
"""

import argparse
import base64
import hmac
import json
import math
import os
import re
import signal
import ssl
import sys
import threading
import time
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

BASE = "/service-recommender/v1/"
RECOMMEND = BASE + "recommend_service"
SEARCH = BASE + "text_search"
FEEDBACK = BASE + "recommendation_feedback"

MODES = (
    "ok", "stall", "http500", "http503-once", "http503", "http401", "http400",
    "malformed", "wrong-types", "truncated", "oversize", "hostile",
    "hostile-bytes", "finnish-only", "finnish-only-nolang", "slow",
)

LANGS = ("fi", "sv", "en")
DIMS = (
    "working_studying", "family", "friends", "health",
    "improvement_of_strengths", "housing", "finance", "self_esteem",
    "resilience", "life_satisfaction",
)
MAX_REQUEST_BODY = 1 << 20
OVERSIZE_BYTES = 3 << 20
STALL_SECONDS = 60
SLOW_SECONDS = 2
IDLE_TIMEOUT = 30
HANDSHAKE_TIMEOUT = 10


# ---------------------------------------------------------------------------
# Fixtures: invented services.  Every id is a UUIDv4 that starts "7e57".

CLASS_URI = "http://uri.suomi.fi/codelist/ptv/ptvserclass2/code/"

ORGS = {
    "agency": ("7e570e00-0000-4000-8000-000000000001",
               {"fi": "Testivirasto", "sv": "Testverket", "en": "Test Agency"}),
    "town": ("7e570e00-0000-4000-8000-000000000002",
             {"fi": "Testikunta", "sv": "Testkommun", "en": "Test Municipality"}),
}

WEEKDAYS_9_16 = ("Monday 09:00:00 - 16:00:00, Tuesday 09:00:00 - 16:00:00, "
                 "Wednesday 09:00:00 - 16:00:00, Thursday 09:00:00 - 16:00:00, "
                 "Friday 09:00:00 - 15:00:00")
WEEKDAYS_8_16 = ("Monday 08:00:00 - 16:00:00, Tuesday 08:00:00 - 16:00:00, "
                 "Wednesday 08:00:00 - 16:00:00, Thursday 08:00:00 - 16:00:00, "
                 "Friday 08:00:00 - 16:00:00")
ALWAYS_OPEN = {"fi": "Aina avoinna", "sv": "Alltid öppet", "en": "Always open"}
TEST_NOTE = {
    "fi": "Tämä on testiaineistoa: palvelua ei ole olemassa.",
    "sv": "Detta är testdata: tjänsten finns inte.",
    "en": "This is test data: the service does not exist.",
}


def L(fi, sv, en):
    return {"fi": fi, "sv": sv, "en": en}


# Each channel: id, type, name, summary, and per-language fields.  A value
# that is a dict keyed by language is localised; anything else is shared.
SERVICES = [
    {
        "id": "7e57a001-0000-4000-8000-000000000001",
        "org": "agency",
        "need": {"working_studying": 1.0, "improvement_of_strengths": 0.6, "finance": 0.2},
        "classes": ["P10.1", "P6.4"],
        "groups": ["KR1"],
        "keywords": "työ työnhaku työpaikka työtön työttömyys opiskelu koulutus ansioluettelo "
                    "arbete jobb arbetslös studier utbildning work job unemployed study cv training",
        "name": L("Testiviraston työnhakuneuvonta",
                  "Testverkets rådgivning för arbetssökande",
                  "Test Agency job search advice"),
        "summary": L("Testiviraston neuvojat auttavat työpaikan etsimisessä, ansioluettelon "
                     "kirjoittamisessa ja koulutusvaihtoehtojen selvittämisessä.",
                     "Testverkets rådgivare hjälper dig att söka arbete, skriva en "
                     "meritförteckning och reda ut olika utbildningsalternativ.",
                     "Test Agency advisers help you look for work, write a CV and find "
                     "out about training options."),
        "instruction": L("Soita neuvontaan tai tule palvelupisteeseen ilman ajanvarausta.",
                         "Ring rådgivningen eller kom till servicepunkten utan tidsbokning.",
                         "Call the advice line or visit the service point without an appointment."),
        "channels": [
            {"id": "7e57c000-0000-4000-8000-000000000011", "type": "Phone",
             "name": L("Työnhakuneuvonnan puhelinpalvelu",
                       "Telefonrådgivning för arbetssökande",
                       "Job search advice line"),
             "summary": L("Neuvojat vastaavat arkipäivisin.",
                          "Rådgivarna svarar på vardagar.",
                          "Advisers answer on weekdays."),
             "phone_numbers": ["010 000 1001"],
             "service_hours": [WEEKDAYS_9_16]},
            {"id": "7e57c000-0000-4000-8000-000000000012", "type": "WebPage",
             "name": L("Testiviraston työnhakusivut",
                       "Testverkets sidor för arbetssökande",
                       "Test Agency job search pages"),
             "summary": L("Ohjeita työnhakuun verkossa.",
                          "Anvisningar för arbetssökande på nätet.",
                          "Job search guidance online."),
             "web_pages": L(["https://testivirasto.example/fi/tyonhaku"],
                            ["https://testivirasto.example/sv/arbetssokande"],
                            ["https://testivirasto.example/en/job-search"])},
            {"id": "7e57c000-0000-4000-8000-000000000013", "type": "ServiceLocation",
             "name": L("Testiviraston palvelupiste",
                       "Testverkets servicepunkt",
                       "Test Agency service point"),
             "summary": L("Henkilökohtaista neuvontaa ilman ajanvarausta.",
                          "Personlig rådgivning utan tidsbokning.",
                          "Face-to-face advice without an appointment."),
             "address": L("Testikatu 1, 00000, Testikunta",
                          "Testgatan 1, 00000, Testkommun",
                          "Testikatu 1, 00000, Testikunta"),
             "phone_numbers": L(["Asiakaspalvelu +358 100001002"],
                                ["Kundtjänst +358 100001002"],
                                ["Customer service +358 100001002"]),
             "emails": ["tyonhaku@testivirasto.example"],
             "service_hours": [WEEKDAYS_8_16],
             "location": {"latitude": "60.0000", "longitude": "25.0000"}},
        ],
    },
    {
        "id": "7e57a001-0000-4000-8000-000000000002",
        "org": "town",
        "need": {"housing": 1.0, "finance": 0.4},
        "classes": ["P1.1", "P1.4"],
        "groups": ["KR1"],
        "keywords": "asunto asuminen vuokra häätö koti bostad boende hyra vräkning hem "
                    "housing home rent eviction flat apartment",
        "name": L("Testikunnan asumisneuvonta",
                  "Testkommunens boenderådgivning",
                  "Test Municipality housing advice"),
        "summary": L("Asumisneuvoja auttaa vuokranmaksuun, häätöuhkaan ja asunnon "
                     "hakemiseen liittyvissä asioissa.",
                     "Boenderådgivaren hjälper till med hyresbetalning, hot om vräkning "
                     "och bostadssökande.",
                     "The housing adviser helps with paying rent, the threat of eviction "
                     "and applying for a home."),
        "instruction": L("Varaa aika verkossa tai soita.",
                         "Boka tid på nätet eller ring.",
                         "Book an appointment online or call."),
        "channels": [
            {"id": "7e57c000-0000-4000-8000-000000000021", "type": "ServiceLocation",
             "name": L("Asumisneuvonta, Testikunnan virastotalo",
                       "Boenderådgivningen, Testkommunens ämbetshus",
                       "Housing advice, Test Municipality office"),
             "summary": L("Tapaa asumisneuvoja virastotalolla.",
                          "Träffa boenderådgivaren i ämbetshuset.",
                          "Meet the housing adviser at the municipal office."),
             "address": L("Virastokuja 2, 00000, Testikunta",
                          "Ämbetsgränden 2, 00000, Testkommun",
                          "Virastokuja 2, 00000, Testikunta"),
             "phone_numbers": ["010 000 1011"],
             "emails": ["asumisneuvonta@testikunta.example"],
             "service_hours": ["Monday 08:00:00 - 15:00:00, Wednesday 12:00:00 - 18:00:00"],
             "location": {"latitude": "60.0010", "longitude": "25.0010"}},
            {"id": "7e57c000-0000-4000-8000-000000000022", "type": "EChannel",
             "name": L("Asumisneuvonnan ajanvaraus verkossa",
                       "Tidsbokning till boenderådgivningen på nätet",
                       "Book a housing advice appointment online"),
             "summary": L("Varaa aika asumisneuvojalle.",
                          "Boka tid hos boenderådgivaren.",
                          "Book a time with the housing adviser."),
             "web_pages": ["https://testikunta.example/asuminen/ajanvaraus"]},
        ],
    },
    {
        # This one's channels come in the shape of the published document:
        # service_name, and plain strings instead of lists.
        "id": "7e57a001-0000-4000-8000-000000000003",
        "org": "agency",
        "documented_shape": True,
        "need": {"finance": 1.0, "housing": 0.3, "resilience": 0.2},
        "classes": ["P4.13", "P21.1"],
        "groups": ["KR1"],
        "keywords": "velka raha talous laina maksuhäiriö skuld pengar ekonomi lån "
                    "debt money finance loan payment",
        "name": L("Testiviraston velkaneuvonta",
                  "Testverkets skuldrådgivning",
                  "Test Agency debt advice"),
        "summary": L("Velkaneuvoja auttaa tekemään maksusuunnitelman ja hakemaan "
                     "velkajärjestelyä.",
                     "Skuldrådgivaren hjälper dig att göra upp en betalningsplan och "
                     "ansöka om skuldsanering.",
                     "A debt adviser helps you make a payment plan and apply for debt "
                     "adjustment."),
        "instruction": L("Soita ja varaa aika.", "Ring och boka tid.", "Call to book a time."),
        "channels": [
            {"id": "7e57c000-0000-4000-8000-000000000031", "type": "Phone",
             "name": L("Velkaneuvonnan puhelinpalvelu",
                       "Skuldrådgivningens telefontjänst",
                       "Debt advice phone line"),
             "summary": L("Neuvoja talous- ja velka-asioissa puhelimessa.",
                          "Råd om ekonomi och skulder per telefon.",
                          "Advice on money and debt by phone."),
             "phone_numbers": "010 000 1021",
             "service_hours": "Monday 09:00:00 - 15:00:00, Thursday 09:00:00 - 15:00:00"},
            {"id": "7e57c000-0000-4000-8000-000000000032", "type": "WebPage",
             "name": L("Velkaneuvonnan verkkosivu",
                       "Skuldrådgivningens webbsida",
                       "Debt advice web page"),
             "summary": L("Tietoa velkaneuvonnasta.",
                          "Information om skuldrådgivning.",
                          "About debt advice."),
             "web_pages": "https://testivirasto.example/velkaneuvonta",
             "emails": "velkaneuvonta@testivirasto.example"},
        ],
    },
    {
        "id": "7e57a001-0000-4000-8000-000000000004",
        "org": "agency",
        "need": {"health": 1.0, "resilience": 0.4, "life_satisfaction": 0.2},
        "classes": ["P5.17", "P5.5"],
        "groups": ["KR1"],
        "keywords": "terveys sairaus oire hoitaja lääkäri hälsa sjuk symtom sjukskötare "
                    "läkare health sick symptom nurse doctor",
        "name": L("Testiterveyspuhelin", "Testhälsotelefonen", "Test Health Line"),
        "summary": L("Sairaanhoitaja neuvoo puhelimessa terveyteen ja oireisiin "
                     "liittyvissä kysymyksissä ympäri vuorokauden.",
                     "En sjukskötare ger råd per telefon om hälsa och symtom dygnet runt.",
                     "A nurse gives advice by phone on health and symptoms around the clock."),
        "instruction": L("Hätätilanteessa soita 112.",
                         "I nödsituationer, ring 112.",
                         "In an emergency, call 112."),
        "channels": [
            {"id": "7e57c000-0000-4000-8000-000000000041", "type": "Phone",
             "name": L("Testiterveyspuhelin", "Testhälsotelefonen", "Test Health Line"),
             "summary": L("Sairaanhoitaja vastaa.", "En sjukskötare svarar.",
                          "A nurse answers."),
             "phone_numbers": ["010 000 1031"],
             "service_hours": {k: [v] for k, v in ALWAYS_OPEN.items()}},
            {"id": "7e57c000-0000-4000-8000-000000000042", "type": "EChannel",
             "name": L("Terveysneuvonnan chat", "Hälsorådgivningens chatt",
                       "Health advice chat"),
             "summary": L("Kysy hoitajalta chatissa.", "Fråga en sjukskötare i chatten.",
                          "Ask a nurse in the chat."),
             "web_pages": ["https://testiterveys.example/chat"],
             "service_hours": [WEEKDAYS_8_16]},
        ],
    },
    {
        "id": "7e57a001-0000-4000-8000-000000000005",
        "org": "town",
        "need": {"family": 1.0, "friends": 0.3, "self_esteem": 0.2},
        "classes": ["P3.7", "P3.1"],
        "groups": ["KR1"],
        "keywords": "perhe lapsi lapset ero parisuhde kasvatus familj barn skilsmässa "
                    "parförhållande uppfostran family child children divorce separation",
        "name": L("Testikunnan perheneuvola",
                  "Testkommunens familjerådgivning",
                  "Test Municipality family counselling"),
        "summary": L("Perheneuvola tukee lapsiperheitä kasvatukseen, parisuhteeseen ja "
                     "erotilanteisiin liittyvissä kysymyksissä.",
                     "Familjerådgivningen stöder barnfamiljer i frågor om uppfostran, "
                     "parförhållande och skilsmässa.",
                     "The family counselling centre supports families with children in "
                     "questions of upbringing, relationships and separation."),
        "instruction": L("Varaa aika puhelimitse.", "Boka tid per telefon.",
                         "Book an appointment by phone."),
        "channels": [
            {"id": "7e57c000-0000-4000-8000-000000000051", "type": "ServiceLocation",
             "name": L("Testikunnan perheneuvola", "Testkommunens familjerådgivning",
                       "Test Municipality family counselling centre"),
             "summary": L("Tapaamiset perheneuvolassa.", "Möten på familjerådgivningen.",
                          "Meetings at the centre."),
             "address": L("Perhekatu 5, 00000, Testikunta",
                          "Familjegatan 5, 00000, Testkommun",
                          "Perhekatu 5, 00000, Testikunta"),
             "phone_numbers": ["010 000 1041"],
             "service_hours": [WEEKDAYS_8_16],
             "location": {"latitude": "60.0020", "longitude": "25.0020"}},
            {"id": "7e57c000-0000-4000-8000-000000000052", "type": "Phone",
             "name": L("Perheneuvolan ajanvaraus", "Familjerådgivningens tidsbokning",
                       "Family counselling appointments"),
             "summary": L("Ajanvaraus puhelimitse.", "Tidsbokning per telefon.",
                          "Appointments by phone."),
             "phone_numbers": ["010 000 1042"],
             "service_hours": ["Monday 09:00:00 - 11:00:00, Wednesday 09:00:00 - 11:00:00"]},
        ],
    },
    {
        "id": "7e57a001-0000-4000-8000-000000000006",
        "org": "agency",
        "need": {"friends": 1.0, "self_esteem": 0.6, "resilience": 0.5,
                 "life_satisfaction": 0.5},
        "classes": ["P4.12", "P5.16"],
        "groups": ["KR1"],
        "keywords": "yksinäisyys ystävä ystävät vertaistuki ryhmä ensamhet vän vänner "
                    "kamratstöd grupp loneliness lonely friend friends peer group",
        "name": L("Testiviraston vertaistukiryhmät",
                  "Testverkets kamratstödsgrupper",
                  "Test Agency peer support groups"),
        "summary": L("Vertaistukiryhmissä voit tavata muita samassa elämäntilanteessa "
                     "olevia ja saada tukea arkeen.",
                     "I kamratstödsgrupperna kan du träffa andra i samma livssituation "
                     "och få stöd i vardagen.",
                     "In the peer support groups you can meet others in the same "
                     "situation and get support in everyday life."),
        "instruction": L("Ilmoittaudu lomakkeella tai tule paikalle.",
                         "Anmäl dig med blanketten eller kom på plats.",
                         "Sign up with the form or just come along."),
        "channels": [
            {"id": "7e57c000-0000-4000-8000-000000000061", "type": "ServiceLocation",
             "name": L("Kohtaamispaikka Testitupa", "Mötesplatsen Teststugan",
                       "Testitupa meeting place"),
             "summary": L("Ryhmät kokoontuvat iltaisin.", "Grupperna träffas på kvällarna.",
                          "The groups meet in the evenings."),
             "address": L("Testitori 3, 00000, Testikunta",
                          "Testtorget 3, 00000, Testkommun",
                          "Testitori 3, 00000, Testikunta"),
             "emails": ["vertaistuki@testivirasto.example"],
             "service_hours": ["Tuesday 17:00:00 - 19:00:00, Thursday 17:00:00 - 19:00:00"],
             "location": {"latitude": "60.0030", "longitude": "25.0030"}},
            {"id": "7e57c000-0000-4000-8000-000000000062", "type": "WebPage",
             "name": L("Vertaistukiryhmien esittely",
                       "Presentation av kamratstödsgrupperna",
                       "About the peer support groups"),
             "summary": L("Ryhmät ja niiden aiheet.", "Grupperna och deras teman.",
                          "The groups and their themes."),
             "web_pages": ["https://testivirasto.example/vertaistuki"]},
            {"id": "7e57c000-0000-4000-8000-000000000063", "type": "PrintableForm",
             "name": L("Ilmoittautumislomake", "Anmälningsblankett", "Registration form"),
             "summary": L("Tulostettava lomake.", "Blankett att skriva ut.",
                          "A form to print."),
             "web_pages": ["https://testivirasto.example/lomakkeet/vertaistuki.pdf"]},
        ],
    },
]
def loc(value, lang):
    if isinstance(value, dict) and set(value) == set(LANGS):
        return value[lang]
    return value


def render_channel(ch, lang, documented):
    if documented:
        # The published document: service_name, plain strings.
        def one(key):
            v = loc(ch.get(key, ""), lang)
            return ", ".join(v) if isinstance(v, list) else v
        return {
            "service_channel_id": ch["id"],
            "service_name": loc(ch["name"], lang),
            "service_channel_type": ch["type"],
            "service_channel_description_summary": loc(ch["summary"], lang),
            "session_transfer": False,
            "address": one("address"),
            "emails": one("emails"),
            "phone_numbers": one("phone_numbers"),
            "service_hours": one("service_hours"),
            "web_pages": one("web_pages"),
            "location": "",
        }
    return {
        "service_channel_id": ch["id"],
        "service_channel_name": loc(ch["name"], lang),
        "service_channel_type": ch["type"],
        "service_channel_description_summary": loc(ch["summary"], lang),
        "service_channel_description": loc(ch["summary"], lang),
        "address": loc(ch.get("address", ""), lang),
        "emails": list(loc(ch.get("emails", []), lang)),
        "phone_numbers": list(loc(ch.get("phone_numbers", []), lang)),
        "service_hours": list(loc(ch.get("service_hours", []), lang)),
        "web_pages": list(loc(ch.get("web_pages", []), lang)),
        "location": ch.get("location", ""),
    }


def render_service(s, lang, score, rank):
    org_id, org_names = ORGS[s["org"]]
    summary = s["summary"][lang]
    return {
        "service_id": s["id"],
        "service_name": s["name"][lang],
        "service_description_summary": summary,
        "service_description": summary + "\n\n" + TEST_NOTE[lang],
        "user_instruction": s["instruction"][lang],
        "responsible_organization": {"id": org_id, "name": org_names[lang]},
        "service_class_uris": [CLASS_URI + c for c in s["classes"]],
        "target_groups": list(s["groups"]),
        "service_collections": [],
        "funding_type": "PubliclyFunded",
        "area_type": "Nationwide" if s["org"] == "agency" else "LimitedType",
        "areas": [],
        "requirements": [],
        "charge_type": "FreeOfCharge",
        "charge_additional_info": "",
        "similarity_score": round(score, 4),
        "rank": rank,
        "service_channels": [render_channel(c, lang, s.get("documented_shape", False))
                             for c in s["channels"]],
    }


def rank_by_meters(meters):
    """Cosine similarity of the need vector (1 - mean/10.1) with each service."""
    need = []
    for d in DIMS:
        v = meters.get(d)
        need.append(1 - (sum(v) / len(v)) / 10.1 if v else 0.0)
    nn = math.sqrt(sum(x * x for x in need))
    scored = []
    for s in SERVICES:
        vec = [s["need"].get(d, 0.0) for d in DIMS]
        sv = math.sqrt(sum(x * x for x in vec))
        dot = sum(a * b for a, b in zip(need, vec))
        scored.append((dot / (nn * sv) if nn > 0 and sv > 0 else 0.0, s))
    scored.sort(key=lambda t: -t[0])  # stable: ties keep fixture order
    return scored


def rank_by_text(text):
    words = [w for w in re.split(r"[^\w]+", text.lower()) if len(w) >= 2]
    scored = []
    for s in SERVICES:
        hay = " ".join([s["keywords"]] + list(s["name"].values())
                       + list(s["summary"].values())).lower()
        hits = sum(1 for w in words if w in hay)
        score = 0.35 + 0.6 * hits / len(words) if hits else 0.1
        scored.append((score, s))
    scored.sort(key=lambda t: -t[0])
    return scored


# ---------------------------------------------------------------------------
# Validation, with messages in the form the deployed service gives.

NULL = ["Field may not be null."]
UNKNOWN = ["Unknown field."]
MISSING = ["Missing data for required field."]
RE_MUNI = re.compile(r"^[0-9]{3}$")
RE_TWO = re.compile(r"^[0-9]{2}$")
RE_CLASS = re.compile(r"^http://uri\.suomi\.fi/codelist/ptv/ptvserclass2/code/P[0-9]+(\.[0-9]+)?$")
RE_GROUP = re.compile(r"^KR[0-9]+(\.[0-9]+)*$")
RE_UUID4 = re.compile(r"^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$")


def is_int(v):
    return isinstance(v, int) and not isinstance(v, bool)


def check_int(lo, hi):
    def check(v):
        if v is None:
            return NULL
        if not is_int(v):
            return ["Not a valid integer."]
        if not lo <= v <= hi:
            return ["Must be greater than or equal to %d and less than or equal to %d." % (lo, hi)]
        return None
    return check


def check_any_int(v):
    if v is None:
        return NULL
    return None if is_int(v) else ["Not a valid integer."]


def check_score(v):
    if v is None:
        return NULL
    if not is_int(v):
        return ["Not a valid integer."]
    return None if v in (-1, 1) else ["Must be one of: -1, 1."]


def check_bool(v):
    if v is None:
        return NULL
    return None if isinstance(v, bool) else ["boolean field must be true or false"]


def check_str(v):
    if v is None:
        return NULL
    return None if isinstance(v, str) else ["Not a valid string."]


def check_list(item, min_len=1):
    def check(v):
        if v is None:
            return NULL
        if not isinstance(v, list):
            return ["Not a valid list."]
        if len(v) < min_len:
            return ["Shorter than minimum length %d." % min_len]
        errs = {}
        for i, x in enumerate(v):
            e = item(x)
            if e:
                errs[i] = e
        return errs or None
    return check


def check_pattern(rx, msg):
    def check(v):
        if v is None:
            return NULL
        if not isinstance(v, str):
            return ["Not a valid string."]
        return None if rx.match(v) else [msg]
    return check


def check_one_of(choices):
    def check(v):
        if v is None:
            return NULL
        if not isinstance(v, str):
            return ["Not a valid string."]
        return None if v in choices else ["Must be one of: %s." % ", ".join(choices)]
    return check


def check_object(fields, required=None, schema=None):
    """fields: name -> checker; required: name -> message."""
    required = required or {}

    def check(v):
        if v is None:
            return NULL
        if not isinstance(v, dict):
            return {"_schema": ["Invalid input type."]}
        errs = {}
        for k in v:
            if k not in fields:
                errs[k] = UNKNOWN
        for k, msg in required.items():
            if k not in v:
                errs[k] = msg
        for k, f in fields.items():
            if k in v:
                e = f(v[k])
                if e:
                    errs[k] = e
        if not errs and schema is not None:
            e = schema(v)
            if e:
                errs["_schema"] = e
        return errs or None
    return check


def meters_present(v):
    return None if any(k in v for k in DIMS) else ["some field should be present"]


def national_only(v):
    if v.get("only_national_services"):
        for k in ("include_national_services", "municipality_codes", "region_codes",
                  "hospital_district_codes", "wellbeing_service_county_codes"):
            if v.get(k) is not None:
                return ["only_national_services selected. %s not allowed." % k]
    return None


def feedback_uuid(v):
    if not RE_UUID4.match(v["service_id"]):
        return ["service_id must be a valid UUIDv4 identifier"]
    return None


check_meters = check_object(
    {d: check_list(check_int(0, 10)) for d in DIMS}, schema=meters_present)

check_filters = check_object({
    "include_national_services": check_bool,
    "only_national_services": check_bool,
    "municipality_codes": check_list(check_pattern(RE_MUNI, "Not a valid municipality code.")),
    "region_codes": check_list(check_pattern(RE_TWO, "Not a valid region code.")),
    "hospital_district_codes": check_list(
        check_pattern(RE_TWO, "Not a valid hospital district code.")),
    "wellbeing_service_county_codes": check_list(
        check_pattern(RE_TWO, "Not a valid wellbeing service county code.")),
    "service_classes": check_list(check_pattern(RE_CLASS, "Not a valid service class URI.")),
    "target_groups": check_list(check_pattern(RE_GROUP, "Not a valid target group code.")),
    "service_collections": check_list(check_str),
    "funding_type": check_list(check_one_of(("PubliclyFunded", "MarketFunded"))),
}, schema=national_only)


def check_search_text(v):
    e = check_str(v)
    if e:
        return e
    return None if 1 <= len(v) <= 1024 else ["Length must be between 1 and 1024."]


VALIDATORS = {
    RECOMMEND: check_object({
        "life_situation_meters": check_meters,
        "limit": check_int(1, 50),
        "rerank": check_bool,
        "session_id": check_str,
        "service_filters": check_filters,
    }, required={"life_situation_meters": ["life_situation_meters is required."]}),
    SEARCH: check_object({
        "search_text": check_search_text,
        "service_filters": check_filters,
        "limit": check_int(1, 50),
        "rerank": check_bool,
        "language": check_one_of(LANGS),
    }, required={"search_text": MISSING}),
    FEEDBACK: check_object({
        "auroraai_recommendation_id": check_any_int,
        "feedback_score": check_score,
        "service_feedbacks": check_list(check_object(
            {"service_id": check_str, "feedback_score": check_score},
            required={"service_id": MISSING, "feedback_score": MISSING},
            schema=feedback_uuid), min_len=0),
    }, required={"auroraai_recommendation_id": MISSING}),
}


def validation_error(errs):
    return "Validation error in request data: %s" % (errs,)


# ---------------------------------------------------------------------------
# Answers in the failure modes.

HOSTILE_C1_MARK = "@@C1-AS-JSON-ESCAPE@@"
BAD_BYTES_MARK = "@@RAW-INVALID-UTF8@@"
BAD_BYTES = b"\xff\xfe \xc3\x28 \xed\xa0\x80 \xc0\xaf \xe2\x82"


def wrong_types_services(lang):
    good1 = render_service(SERVICES[0], lang, 0.9, 2)
    good2 = render_service(SERVICES[1], lang, 0.8, 5)
    # Broken channels inside a good service: dropped, the service kept.
    good2["service_channels"].append("WRONGTYPE channel that is a string")
    good2["service_channels"].append({"service_channel_name": "WRONGTYPE channel without id"})
    b = render_service(SERVICES[2], lang, 0.5, 0)
    bad_id = dict(b, service_id=12345, service_name="WRONGTYPE id number", rank=1)
    bad_name = dict(b, service_id="7e57bad0-0000-4000-8000-000000000002", rank=3)
    del bad_name["service_name"]
    bad_name["service_description_summary"] = "WRONGTYPE name missing"
    bad_channels = dict(b, service_id="7e57bad0-0000-4000-8000-000000000003",
                        service_name="WRONGTYPE channels string",
                        service_channels="WRONGTYPE not a list", rank=4)
    bad_score = dict(b, service_id="7e57bad0-0000-4000-8000-000000000004",
                     service_name="WRONGTYPE score string",
                     similarity_score="0.75", rank=6)
    return [bad_id, good1, bad_name, bad_channels, good2, bad_score,
            "WRONGTYPE service that is a string"]


def hostile_services(lang, bad_bytes):
    base = render_service(SERVICES[2], lang, 0.5, 0)
    base["service_channels"] = []

    def svc(n, name, summary, **extra):
        d = dict(base, service_id="7e57e000-0000-4000-8000-00000000000%d" % n,
                 service_name=name, service_description_summary=summary,
                 service_description=summary, rank=n)
        d.update(extra)
        return d

    out = [
        svc(1, "HOSTILE-1 \u001b[31mred\u001b[0m after-sgr",
            "OSC title \u001b]0;owned-title\u0007 after-osc; hyperlink "
            "\u001b]8;;https://evil.example/\u0007link\u001b]8;;\u0007 after-link"),
        svc(2, "HOSTILE-2 C1 \u009b2J after-csi",
            "json-escaped C1 " + HOSTILE_C1_MARK + "31m after-c1; DCS \u0090payload\u009c "
            "after-dcs; NEL \u0085 after-nel"),
        svc(3, "HOSTILE-3 \u202edesrever\u202c after-rlo",
            "isolates \u2066lri\u2069 \u2067rli\u2069 \u2068fsi\u2069 marks \u200e\u200f "
            "zero-width \u200b\ufeff end"),
        svc(4, "HOSTILE-4 tab\there newline\nhere cr\rhere del\u007fhere bs\bhere",
            "clear \u001b[2J\u001b[H bell \u0007\u0007 shift \u000e\u000f end"),
        svc(5, "HOSTILE-5 " + "pitkä nimi " * 300,
            "combining e\u0301\u0301\u0301\u0301 wide 漢字テスト emoji \U0001F642\U0001F44D\U0001F3FD "
            "zwj \U0001F469\u200d\U0001F469\u200d\U0001F467 end"),
        svc(6, "HOSTILE-6 channels", "hostile channel fields",
            responsible_organization={"id": ORGS["agency"][0],
                                      "name": "\u001b[7mORG\u001b[0m Testivirasto"},
            service_channels=[{
                "service_channel_id": "7e57e0c0-0000-4000-8000-000000000061",
                "service_channel_name": "\u001b]0;chan-title\u0007HOSTILE channel",
                "service_channel_type": "Phone\u001b[5m",
                "service_channel_description_summary": "\u202eevil\u202c",
                "phone_numbers": ["\u001b[2J010 000 9999", "010\u202e 000 9998"],
                "web_pages": ["https://evil.example/\u001b[5mblink", "javascript:alert(1)"],
                "emails": ["a\u202e@evil.example"],
                "address": "Testikatu\u001b[8m hidden\u001b[28m 1, 00000, Testikunta",
                "service_hours": ["\u009b6n"],
            }]),
    ]
    if bad_bytes:
        out.append(svc(7, "HOSTILE-7 bad-utf8 " + BAD_BYTES_MARK + " end",
                       "invalid UTF-8: " + BAD_BYTES_MARK))
    out.append(render_service(SERVICES[0], lang, 0.4, len(out) + 1))
    return out


# ---------------------------------------------------------------------------

class State:
    def __init__(self, args):
        self.args = args
        self.lock = threading.Lock()
        self.conn_seq = 0
        self.rec_seq = 1000
        self.issued = {}          # recommendation id -> set of service ids
        self.busy_once_done = False
        self.log_fd = os.open(args.log, os.O_WRONLY | os.O_APPEND | os.O_CREAT, 0o644)

    def log(self, line):
        with self.lock:
            os.write(self.log_fd, (line + "\n").encode("utf-8", "backslashreplace"))

    def mode(self):
        if self.args.mode_file:
            try:
                with open(self.args.mode_file, encoding="utf-8") as f:
                    m = f.readline().strip()
                if m in MODES:
                    return m
            except OSError:
                pass
        return self.args.mode

    def new_recommendation(self, services):
        with self.lock:
            self.rec_seq += 1
            ids = {s["service_id"] for s in services
                   if isinstance(s, dict) and isinstance(s.get("service_id"), str)}
            self.issued[self.rec_seq] = ids
            return self.rec_seq


def printable(s):
    return "".join(c if c.isprintable() else "\\x%02x" % ord(c) if ord(c) < 256
                   else "\\u%04x" % ord(c) for c in s)


def pick_lang(header):
    """The best of fi, sv, en by q-value; fi when none is acceptable."""
    best, best_q = "fi", 0.0
    for part in (header or "").split(","):
        bits = part.strip().split(";")
        tag = bits[0].strip().lower()
        q = 1.0
        for p in bits[1:]:
            p = p.strip()
            if p.startswith("q="):
                try:
                    q = float(p[2:])
                except ValueError:
                    q = 0.0
        primary = tag.split("-")[0]
        if primary in LANGS and q > best_q:
            best, best_q = primary, q
    return best


class Handler(BaseHTTPRequestHandler):
    protocol_version = "HTTP/1.1"
    server_version = "opastin-test-backend/1"
    sys_version = ""
    timeout = IDLE_TIMEOUT

    # -- plumbing --------------------------------------------------------

    def log_message(self, fmt, *args):  # quiet
        pass

    def version_string(self):
        return self.server_version

    @property
    def st(self):
        return self.server.state

    def conn_no(self):
        return self.client_address[2]

    def log_request_line(self, status, extra=""):
        lang = self.headers.get("Accept-Language")
        line = "conn=%d %s %s status=%s lang=%s" % (
            self.conn_no(), self.command, printable(self.path), status,
            printable(lang) if lang is not None else "-")
        self.st.log(line + extra)

    def read_body(self):
        te = (self.headers.get("Transfer-Encoding") or "").lower()
        if "chunked" in te:
            chunks, total = [], 0
            while True:
                size_line = self.rfile.readline(1024)
                if not size_line:
                    raise ConnectionError("eof in chunked body")
                size = int(size_line.split(b";")[0].strip() or b"0", 16)
                if size == 0:
                    while self.rfile.readline(1024) not in (b"\r\n", b"\n", b""):
                        pass
                    break
                total += size
                if total > MAX_REQUEST_BODY:
                    return None
                chunks.append(self.rfile.read(size))
                self.rfile.readline(1024)
            return b"".join(chunks)
        try:
            n = int(self.headers.get("Content-Length") or 0)
        except ValueError:
            n = 0
        if n > MAX_REQUEST_BODY:
            return None
        return self.rfile.read(n) if n > 0 else b""

    def send(self, status, body, ctype="text/plain; charset=utf-8", headers=(),
             length=None, close=False):
        if isinstance(body, str):
            body = body.encode("utf-8")
        self.send_response(status)
        self.send_header("Content-Type", ctype)
        self.send_header("Content-Length", str(len(body) if length is None else length))
        for k, v in headers:
            self.send_header(k, v)
        if close:
            self.send_header("Connection", "close")
            self.close_connection = True
        self.end_headers()
        if self.command != "HEAD":
            self.wfile.write(body)
        self.wfile.flush()

    def text(self, status, body, extra="", headers=()):
        self.log_request_line(status, extra)
        self.send(status, body, headers=headers)

    # -- methods ---------------------------------------------------------

    def do_POST(self):
        try:
            self.handle_post()
        except (BrokenPipeError, ConnectionResetError, ssl.SSLError, TimeoutError):
            self.close_connection = True

    def not_found(self):
        body = self.read_body() if self.command not in ("GET", "HEAD") else b""
        if body is None:
            self.close_connection = True
        self.text(404, "Not found.")

    do_GET = do_HEAD = do_PUT = do_DELETE = do_PATCH = do_OPTIONS = not_found

    def handle_post(self):
        path = self.path
        if path not in (RECOMMEND, SEARCH, FEEDBACK):
            self.not_found()
            return
        raw = self.read_body()
        if raw is None:
            self.log_request_line(413)
            self.send(413, "Request body too large.", close=True)
            return
        st = self.st
        mode = st.mode()
        answering = path in (RECOMMEND, SEARCH)

        # Parse early, for the feedback log.
        parsed, parse_error = None, None
        try:
            parsed = json.loads(raw.decode("utf-8"))
        except UnicodeDecodeError:
            parse_error = "Invalid encoding in request. Only UTF-8 is supported."
        except ValueError as e:
            parse_error = "Invalid JSON: %s" % e
        extra = ""
        if path == FEEDBACK:
            extra = " feedback=" + (json.dumps(parsed, ensure_ascii=False,
                                               separators=(",", ":"))
                                    if parse_error is None else "-")

        if mode == "http401" or not self.authorized():
            self.text(401, "Unauthorized", extra,
                      headers=[("WWW-Authenticate",
                                'Authorization realm="Service recommender API"')])
            return
        if mode == "stall":
            self.log_request_line("stall", extra)
            time.sleep(STALL_SECONDS)
            self.close_connection = True
            return
        if mode == "slow":
            time.sleep(SLOW_SECONDS)
        if mode == "http500":
            self.text(500, "Error in request: internal test failure", extra)
            return
        if mode == "http503":
            self.text(503, "Server busy.", extra)
            return
        if mode == "http503-once" and answering:
            with st.lock:
                first = not st.busy_once_done
                st.busy_once_done = True
            if first:
                self.text(503, "Server busy.", extra)
                return
        if mode == "http400":
            self.text(400, validation_error(
                {"_schema": ["Test mode http400: every request is rejected."]}), extra)
            return

        ctype = (self.headers.get("Content-Type") or "").split(";")[0].strip().lower()
        if ctype != "application/json":
            self.text(400, validation_error(
                {"_schema": ["Content-Type must be application/json."]}), extra)
            return
        if parse_error is not None:
            if parse_error.startswith("Invalid encoding"):
                self.text(400, parse_error, extra)
            else:
                self.text(400, validation_error({"_schema": [parse_error]}), extra)
            return
        errs = VALIDATORS[path](parsed)
        if errs:
            self.text(400, validation_error(errs), extra)
            return

        if path == FEEDBACK:
            self.feedback(parsed, extra)
        else:
            self.answer(path, parsed, mode)

    def authorized(self):
        a = self.st.args
        if a.client_id is None:
            return True
        h = self.headers.get("Authorization") or ""
        scheme, _, token = h.partition(" ")
        if scheme.lower() != "basic":
            return False
        try:
            got = base64.b64decode(token.strip(), validate=True)
        except ValueError:
            return False
        want = ("%s:%s" % (a.client_id, a.client_secret)).encode("utf-8")
        return hmac.compare_digest(got, want)

    def feedback(self, body, extra):
        rid = body["auroraai_recommendation_id"]
        with self.st.lock:
            ids = self.st.issued.get(rid)
        if ids is None:
            self.text(404, "Recommendation id %d not found." % rid, extra)
            return
        for f in body.get("service_feedbacks", []):
            if f["service_id"] not in ids:
                self.text(404, "Service id %s is not part of recommendation %d."
                          % (f["service_id"], rid), extra)
                return
        self.text(200, "OK", extra)

    def answer(self, path, body, mode):
        st = self.st
        lang = pick_lang(self.headers.get("Accept-Language"))
        if mode in ("finnish-only", "finnish-only-nolang"):
            lang = "fi"
        limit = body.get("limit", 5)

        if mode == "wrong-types":
            services = wrong_types_services(lang)
        elif mode in ("hostile", "hostile-bytes"):
            services = hostile_services(lang, mode == "hostile-bytes")
        else:
            if path == RECOMMEND:
                scored = rank_by_meters(body["life_situation_meters"])
            elif "nomatch" in body["search_text"].lower():
                scored = []
            else:
                scored = rank_by_text(body["search_text"])
            if mode == "oversize":
                scored = (scored * 50)[:50]
            else:
                scored = scored[:limit]
            services = [render_service(s, lang, score, i + 1)
                        for i, (score, s) in enumerate(scored)]

        rid = st.new_recommendation(services)
        doc = {"auroraai_recommendation_id": rid, "recommended_services": services}
        data = json.dumps(doc, ensure_ascii=False, sort_keys=True).encode("utf-8")
        headers = []
        if mode != "finnish-only-nolang":
            headers.append(("Content-Language", lang))

        if mode in ("hostile", "hostile-bytes"):
            data = data.replace(HOSTILE_C1_MARK.encode(), b"\\u009b")
            data = data.replace(BAD_BYTES_MARK.encode(), BAD_BYTES)
        elif mode == "malformed":
            cut = data.find(b'"service_name"')
            cut = cut + 40 if cut >= 0 else len(data) - 2
            data = data[:cut] + b'\xe2\x80\xa6 }}},,,]] <html>garbage'
        elif mode == "oversize":
            # Pad the last description so that the body is exactly 3 MiB.
            marker = b"@@PAD@@"
            last = services[-1]
            last["service_description"] += marker.decode()
            data = json.dumps(doc, ensure_ascii=False, sort_keys=True).encode("utf-8")
            pad = OVERSIZE_BYTES - (len(data) - len(marker))
            filler = (b" Testiaineistoa." * (pad // 16 + 1))[:pad]
            data = data.replace(marker, filler)

        if mode == "truncated":
            self.log_request_line(200)
            self.send_response(200)
            self.send_header("Content-Type", "application/json")
            self.send_header("Content-Length", "5000")
            for k, v in headers:
                self.send_header(k, v)
            self.end_headers()
            self.wfile.write(data[:100])
            self.wfile.flush()
            self.close_connection = True
            return

        self.log_request_line(200)
        self.send(200, data, ctype="application/json", headers=headers)


class Server(ThreadingHTTPServer):
    daemon_threads = True
    request_queue_size = 64

    def __init__(self, state, ssl_ctx):
        self.state = state
        self.ssl_ctx = ssl_ctx
        super().__init__(("127.0.0.1", 0), Handler)

    def get_request(self):
        sock, addr = self.socket.accept()
        with self.state.lock:
            self.state.conn_seq += 1
            n = self.state.conn_seq
        return sock, (addr[0], addr[1], n)

    def finish_request(self, request, client_address):
        if self.ssl_ctx is None:
            self.RequestHandlerClass(request, client_address, self)
            return
        n = client_address[2]
        request.settimeout(HANDSHAKE_TIMEOUT)
        try:
            tls = self.ssl_ctx.wrap_socket(request, server_side=True)
        except (ssl.SSLError, OSError) as e:
            reason = getattr(e, "reason", None) or str(e) or type(e).__name__
            self.state.log("conn=%d tls-error %s" % (n, printable(str(reason))))
            return
        try:
            self.RequestHandlerClass(tls, client_address, self)
        except (OSError, ssl.SSLError):
            pass
        finally:
            try:
                tls.settimeout(1)
                tls.unwrap()
            except (OSError, ssl.SSLError, ValueError):
                pass
            tls.close()

    def handle_error(self, request, client_address):
        pass  # quiet: a test client may hang up at any time


def main():
    ap = argparse.ArgumentParser(description="AuroraAI service recommender stand-in for tests")
    ap.add_argument("--cert")
    ap.add_argument("--key")
    ap.add_argument("--port-file", required=True)
    ap.add_argument("--log", required=True)
    ap.add_argument("--mode", default="ok", choices=MODES)
    ap.add_argument("--mode-file",
                    help="if this file exists and its first line names a mode, "
                         "that mode overrides --mode for each request")
    ap.add_argument("--client-id")
    ap.add_argument("--client-secret")
    ap.add_argument("--insecure-http", action="store_true")
    args = ap.parse_args()
    if (args.client_id is None) != (args.client_secret is None):
        ap.error("--client-id and --client-secret go together")
    if not args.insecure_http and (not args.cert or not args.key):
        ap.error("--cert and --key are required unless --insecure-http")

    ctx = None
    if not args.insecure_http:
        ctx = ssl.SSLContext(ssl.PROTOCOL_TLS_SERVER)
        ctx.minimum_version = ssl.TLSVersion.TLSv1_2
        ctx.set_alpn_protocols(["http/1.1"])
        try:
            ctx.load_cert_chain(args.cert, args.key)
        except (OSError, ssl.SSLError) as e:
            print("server.py: cannot load %s / %s: %s" % (args.cert, args.key, e),
                  file=sys.stderr)
            return 2

    def bye(signum, frame):
        os._exit(0)
    signal.signal(signal.SIGTERM, bye)
    signal.signal(signal.SIGINT, bye)

    state = State(args)
    httpd = Server(state, ctx)
    port = httpd.server_address[1]
    tmp = "%s.tmp.%d" % (args.port_file, os.getpid())
    with open(tmp, "w") as f:
        f.write("%d\n" % port)
    os.replace(tmp, args.port_file)
    httpd.serve_forever()
    return 0


if __name__ == "__main__":
    sys.exit(main())
