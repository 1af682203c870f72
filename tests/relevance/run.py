#!/usr/bin/env python3
"""The relevance suite: citizen scenarios and what a caseworker expects.

    run.py [--tap | --table FILE] [--only TEXT] [--scenarios DIR] OPASTIN ASSETS

Runs `OPASTIN --offline --assets ASSETS --profile TMPFILE --format json`
for every scenario in DIR (default: scenarios/ beside this file) and
checks its expectations.

  (no mode)     a readable report, one block per scenario
  --tap         TAP for make check: one test for coverage, then one per
                scenario, with the failed expectations and the list shown
                as "# " diagnostics
  --table FILE  the Markdown table per event (scenarios, held, violations,
                precision at 5, nDCG@10), printed and written to FILE
  --coverage    what no scenario covers (languages, age groups, events,
                answer options, conditions); exit status 1 if anything

Exit status: 0 when the scenarios ran (whether or not they held), 2 for
a bad command line or a scenario file that does not validate.  README.md
beside this file describes the format and the metrics.  Standard library
only.
"""

import argparse
import json
import math
import os
import re
import subprocess
import sys
import tempfile

# Services being added to the catalogue: scenarios may name them before
# assets/catalogue.json has them.  Remove an id once it is there.
PLANNED_SERVICES = frozenset()

SCENARIO_KEYS = ("id", "note", "profile", "must", "must_not", "top",
                 "before", "ideal", "max_shown")
# The expectations that can fail; "ideal" only feeds nDCG.
CHECKED_KEYS = ("must", "must_not", "top", "before", "max_shown")
LANGUAGES = ("fi", "sv", "en")
SEARCH_FILE = "search"
MAX_SHOWN = 10          # the program shows at most ten services
P_AT = 5                # precision at 5
NDCG_AT = 10            # nDCG@10
ID_RE = re.compile(r"^[a-z0-9][a-z0-9-]*$")


class Invalid(Exception):
    """A scenario file that does not validate."""


# ---------------------------------------------------------------- loading

def load_json(path):
    try:
        with open(path, encoding="utf-8") as f:
            return json.load(f)
    except ValueError as e:
        raise Invalid("%s: not valid JSON: %s" % (path, e))
    except OSError as e:
        raise Invalid("%s: %s" % (path, e.strerror))


def load_assets(assets):
    """(service ids of the catalogue, {event id: title}, catalogue date,
    questions, {local variant id: the national id it stands in for})
    from ASSETS."""
    cat = load_json(os.path.join(assets, "catalogue.json"))
    services = {s["service_id"] for s in cat.get("services", [])}
    variants = {s["service_id"]: s["variant_of"]
                for s in cat.get("services", []) if "variant_of" in s}
    quest = load_json(os.path.join(assets, "questions.json"))
    events = {e["id"]: e.get("title", e["id"]) for e in quest.get("events", [])}
    return services, events, cat.get("catalogue_date", ""), quest, variants


def check_ids(where, key, value, known):
    if not isinstance(value, list) or not value:
        raise Invalid('%s: "%s" must be a non-empty list of service ids'
                      % (where, key))
    seen = set()
    for sid in value:
        if not isinstance(sid, str):
            raise Invalid('%s: "%s" holds %r, not a service id'
                          % (where, key, sid))
        if sid not in known:
            raise Invalid('%s: "%s": unknown service id "%s" (not in the '
                          'catalogue, nor in PLANNED_SERVICES of run.py)'
                          % (where, key, sid))
        if sid in seen:
            raise Invalid('%s: "%s" names "%s" twice' % (where, key, sid))
        seen.add(sid)


def validate(path, event, sc, known, ids_seen):
    """Raise Invalid with FILE and scenario id unless SC is well formed."""
    if not isinstance(sc, dict):
        raise Invalid("%s: a scenario is not an object" % path)
    sid = sc.get("id")
    if not isinstance(sid, str) or not ID_RE.match(sid):
        raise Invalid('%s: scenario %r: "id" must be lower case letters, '
                      'digits and "-"' % (path, sid))
    where = '%s: scenario "%s"' % (path, sid)
    if sid in ids_seen:
        raise Invalid("%s: the id is also used in %s" % (where, ids_seen[sid]))
    ids_seen[sid] = path
    for k in sc:
        if k not in SCENARIO_KEYS:
            raise Invalid('%s: unknown key "%s" (known: %s)'
                          % (where, k, ", ".join(SCENARIO_KEYS)))
    if "note" in sc and not isinstance(sc["note"], str):
        raise Invalid('%s: "note" must be a string' % where)
    prof = sc.get("profile")
    if not isinstance(prof, dict):
        raise Invalid('%s: "profile" must be an object' % where)
    if prof.get("language") not in LANGUAGES:
        raise Invalid('%s: the profile must set "language" to fi, sv or en'
                      % where)
    if event == SEARCH_FILE:
        if not isinstance(prof.get("search"), str):
            raise Invalid('%s: a scenario of search.json needs "search" in '
                          'its profile' % where)
    elif event not in prof.get("life_events", []):
        raise Invalid('%s: the profile\'s "life_events" must include %s'
                      % (where, event))
    if not any(k in sc for k in CHECKED_KEYS):
        raise Invalid("%s: no expectation (one of %s)"
                      % (where, ", ".join(CHECKED_KEYS)))
    for k in ("must", "must_not", "ideal"):
        if k in sc:
            check_ids(where, k, sc[k], known)
    if "top" in sc:
        top = sc["top"]
        if not isinstance(top, dict) or set(top) != {"k", "ids"}:
            raise Invalid('%s: "top" must be {"k": N, "ids": [...]}' % where)
        k = top["k"]
        if not isinstance(k, int) or isinstance(k, bool) \
                or not 1 <= k <= MAX_SHOWN:
            raise Invalid('%s: "top": "k" must be a whole number from 1 to %d'
                          % (where, MAX_SHOWN))
        check_ids(where, "top", top["ids"], known)
        if len(top["ids"]) > k:
            raise Invalid('%s: "top" names %d ids for the first %d places'
                          % (where, len(top["ids"]), k))
    if "before" in sc:
        if not isinstance(sc["before"], list) or not sc["before"]:
            raise Invalid('%s: "before" must be a non-empty list of pairs'
                          % where)
        for pair in sc["before"]:
            if not isinstance(pair, list) or len(pair) != 2 \
                    or pair[0] == pair[1]:
                raise Invalid('%s: "before": %r is not a pair of two '
                              'different service ids' % (where, pair))
            check_ids(where, "before", pair, known)
    if "max_shown" in sc:
        m = sc["max_shown"]
        if not isinstance(m, int) or isinstance(m, bool) \
                or not 0 <= m <= MAX_SHOWN:
            raise Invalid('%s: "max_shown" must be a whole number from 0 to %d'
                          % (where, MAX_SHOWN))
    wanted = set(sc.get("must", [])) | set(sc.get("ideal", [])) \
        | set(sc.get("top", {}).get("ids", [])) \
        | {p[0] for p in sc.get("before", [])}
    clash = wanted & set(sc.get("must_not", []))
    if clash:
        raise Invalid('%s: "must_not" contradicts the other expectations: %s'
                      % (where, ", ".join(sorted(clash))))


def load_scenarios(sdir, known, events):
    """[(event, scenario)] in the order of questions.json, then search."""
    try:
        names = sorted(n for n in os.listdir(sdir) if n.endswith(".json"))
    except OSError as e:
        raise Invalid("%s: %s" % (sdir, e.strerror))
    order = list(events) + [SEARCH_FILE]
    files = {}
    for n in names:
        event = n[:-len(".json")]
        if event not in order:
            raise Invalid("%s: no life event %s in questions.json (files are "
                          "named EVENT.json or search.json)"
                          % (os.path.join(sdir, n), event))
        files[event] = os.path.join(sdir, n)
    out = []
    ids_seen = {}
    for event in order:
        if event not in files:
            continue
        path = files[event]
        doc = load_json(path)
        if not isinstance(doc, dict) or set(doc) != {"scenarios"} \
                or not isinstance(doc["scenarios"], list):
            raise Invalid('%s: the file must be {"scenarios": [...]}' % path)
        for sc in doc["scenarios"]:
            validate(path, event, sc, known, ids_seen)
            out.append((event, sc))
    if not out:
        raise Invalid("%s: no scenarios" % sdir)
    return out


# ---------------------------------------------------------------- running

def as_generic(ids, variants):
    """IDS with each local variant counted as the national service it
    stands in for ("wellbeing-child-health-clinic--lappi" is
    "wellbeing-child-health-clinic"), each once, in rank order."""
    out = []
    for sid in ids:
        sid = variants.get(sid, sid)
        if sid not in out:
            out.append(sid)
    return out


def run_program(binary, assets, profile, tmpdir, variants=None):
    """(shown service ids in rank order, error line or None); a local
    variant is counted as its national service (see as_generic)."""
    path = os.path.join(tmpdir, "profile.json")
    with open(path, "w", encoding="utf-8") as f:
        json.dump(profile, f, ensure_ascii=False, indent=1)
        f.write("\n")
    env = dict(os.environ, LC_ALL="C.UTF-8")
    try:
        p = subprocess.run([binary, "--offline", "--assets", assets,
                            "--profile", path, "--format", "json"],
                           stdin=subprocess.DEVNULL, stdout=subprocess.PIPE,
                           stderr=subprocess.PIPE, env=env, timeout=60)
    except OSError as e:
        return [], "cannot run %s: %s" % (binary, e.strerror)
    except subprocess.TimeoutExpired:
        return [], "the program did not finish in 60 s"
    err = p.stderr.decode("utf-8", "replace").replace(path, "<profile>")
    line = next((l for l in err.splitlines() if l.strip()), "")
    if p.returncode != 0:
        return [], "the program rejected the profile (exit status %d): %s" \
            % (p.returncode, line or "(no message)")
    try:
        d = json.loads(p.stdout.decode("utf-8"))
        svc = d["recommended_services"]
        svc = sorted(svc, key=lambda s: s["rank"])
        return as_generic([s["service_id"] for s in svc], variants or {}), None
    except (ValueError, KeyError, TypeError) as e:
        return [], "the program's output is not the JSON result shape (%s)" % e


def check(sc, shown, error):
    """The failed expectations of SC, as lines."""
    if error:
        return [error]
    rank = {sid: i + 1 for i, sid in enumerate(shown)}
    bad = []
    for sid in sc.get("must", []):
        if sid not in rank:
            bad.append("must: %s is not shown" % sid)
    for sid in sc.get("must_not", []):
        if sid in rank:
            bad.append("must_not: %s is shown at rank %d" % (sid, rank[sid]))
    if "top" in sc:
        k = sc["top"]["k"]
        for sid in sc["top"]["ids"]:
            if sid not in rank:
                bad.append("top %d: %s is not shown" % (k, sid))
            elif rank[sid] > k:
                bad.append("top %d: %s is at rank %d" % (k, sid, rank[sid]))
    for a, b in sc.get("before", []):
        if a not in rank:
            bad.append("before: %s is not shown (it should come before %s)"
                       % (a, b))
        elif b in rank and rank[b] < rank[a]:
            bad.append("before: %s (rank %d) is not above %s (rank %d)"
                       % (a, rank[a], b, rank[b]))
    if "max_shown" in sc and len(shown) > sc["max_shown"]:
        bad.append("max_shown %d: %d services are shown"
                   % (sc["max_shown"], len(shown)))
    return bad


def relevant_set(sc):
    return set(sc.get("must", [])) | set(sc.get("ideal", [])) \
        | set(sc.get("top", {}).get("ids", []))


def precision_at(sc, shown, n=P_AT):
    """Share of the first min(n, shown) services in the relevant set.

    None when the scenario names no relevant service; 0.0 when it does
    and nothing is shown (or the program failed)."""
    rel = relevant_set(sc)
    if not rel:
        return None
    head = shown[:n]
    if not head:
        return 0.0
    return sum(1 for sid in head if sid in rel) / len(head)


def ndcg_at(sc, shown, n=NDCG_AT):
    """nDCG@n against "ideal" with graded gain: of m ideal services, the
    first has gain m, the next m-1, ..., the last 1; others 0.  None
    without "ideal"."""
    ideal = sc.get("ideal")
    if not ideal:
        return None
    m = len(ideal)
    gain = {sid: m - i for i, sid in enumerate(ideal)}
    dcg = sum(gain.get(sid, 0) / math.log2(i + 2)
              for i, sid in enumerate(shown[:n]))
    idcg = sum((m - i) / math.log2(i + 2) for i in range(min(n, m)))
    return dcg / idcg


def run_all(binary, assets, scenarios, variants):
    results = []
    with tempfile.TemporaryDirectory(prefix="opastin-relevance.") as tmp:
        for event, sc in scenarios:
            shown, error = run_program(binary, assets, sc["profile"], tmp,
                                       variants)
            results.append({
                "event": event,
                "sc": sc,
                "shown": shown,
                "error": error,
                "failed": check(sc, shown, error),
                "p5": precision_at(sc, shown),
                "ndcg": ndcg_at(sc, shown),
            })
    return results


# ---------------------------------------------------------------- reports

def tap(results, gaps):
    """GAPS: what the scenarios do not cover, or None not to check it."""
    print("1..%d" % (len(results) + 1))
    print("%s 1 - the scenarios cover every language, age group, life "
          "event, answer option and condition%s"
          % ("not ok" if gaps else "ok",
             " # SKIP only some scenarios run" if gaps is None else ""))
    for g in gaps or []:
        print("# not covered: " + g)
    for n, r in enumerate(results, 2):
        name = "%s %s" % (r["event"], r["sc"]["id"])
        print("%s %d - %s" % ("not ok" if r["failed"] else "ok", n, name))
        if r["failed"]:
            for line in r["failed"]:
                print("# " + line)
            if not r["error"]:
                print("# shown: " + (", ".join(r["shown"]) or "(nothing)"))


def plain(results):
    held = 0
    for r in results:
        ok = not r["failed"]
        held += ok
        print("%s  %s %s" % ("held" if ok else "FAIL", r["event"],
                             r["sc"]["id"]))
        for line in r["failed"]:
            print("      " + line)
        if not r["error"]:
            print("      shown: " + (", ".join(r["shown"]) or "(nothing)"))
    print("%d of %d scenarios held" % (held, len(results)))


def mean(values):
    values = [v for v in values if v is not None]
    return sum(values) / len(values) if values else None


def fmt(v):
    return "–" if v is None else "%.2f" % v


def summary_row(label, rs):
    return "| %s | %d | %d | %d | %d | %s | %s |" % (
        label, len(rs), sum(1 for r in rs if not r["failed"]),
        sum(len(r["failed"]) for r in rs),
        sum(1 for r in rs if r["error"]),
        fmt(mean(r["p5"] for r in rs)), fmt(mean(r["ndcg"] for r in rs)))


def version(binary):
    try:
        p = subprocess.run([binary, "--version"], stdin=subprocess.DEVNULL,
                           stdout=subprocess.PIPE, stderr=subprocess.DEVNULL,
                           timeout=10)
        return p.stdout.decode("utf-8", "replace").splitlines()[0].strip()
    except (OSError, IndexError, subprocess.TimeoutExpired):
        return "opastin"


def table(results, events, binary, catalogue_date):
    head = ("| event | scenarios | held | violations | rejected "
            "| P@5 | nDCG@10 |\n|---|---:|---:|---:|---:|---:|---:|")
    out = []
    w = out.append
    w("# Relevance suite: results")
    w("")
    w("Written by `make relevance` (`tests/relevance/run.py --table`); do not "
      "edit by hand.  Measured: %s, catalogue of %s, embedded recommender "
      "(`--offline`)." % (version(binary), catalogue_date))
    w("")
    w("- **scenarios**: citizen profiles of the event "
      "(`tests/relevance/scenarios/EVENT.json`; search: `search.json`).")
    w("- **held**: scenarios whose every expectation holds "
      "(`must`, `must_not`, `top`, `before`, `max_shown`).")
    w("- **violations**: failed expectations, counted one by one (each "
      "service of `must`, `must_not` and `top`, each `before` pair); a "
      "profile the program rejects counts as one.")
    w("- **rejected**: scenarios whose profile the program refused "
      "(exit status not 0).")
    w("- **P@5**: of the first min(5, shown) services, the share in the "
      "scenario's relevant set (`must` ∪ `ideal` ∪ `top` ids); 0 when "
      "nothing is shown; mean over the scenarios that name relevant "
      "services.")
    w("- **nDCG@10**: the first ten services against `ideal`, graded "
      "gain (of m ideal services the first gains m, the last 1), "
      "discounted by log2(rank + 1) and divided by the ideal order's "
      "score; mean over the scenarios that have `ideal`.")
    w("")
    w("Run it with `make relevance`; `make check` runs the same scenarios "
      "as TAP (`tests/relevance.sh`).  `tests/relevance/README.md` "
      "explains how to write a scenario.")
    w("")
    w("## By life event")
    w("")
    w(head)
    order = list(events) + [SEARCH_FILE]
    for ev in order:
        rs = [r for r in results if r["event"] == ev]
        if rs:
            label = "search by words" if ev == SEARCH_FILE \
                else "%s %s" % (ev, events[ev])
            w(summary_row(label, rs))
    w(summary_row("**total**", results))
    w("")
    w("## By language")
    w("")
    w(head.replace("| event |", "| language |", 1))
    for lang in LANGUAGES:
        rs = [r for r in results if r["sc"]["profile"]["language"] == lang]
        if rs:
            w(summary_row(lang, rs))
    w("")
    failed = [r for r in results if r["failed"]]
    w("## Scenarios that do not hold (%d)" % len(failed))
    w("")
    if not failed:
        w("None.")
    for r in failed:
        w("- `%s` (%s): %s" % (r["sc"]["id"], r["event"],
                               "; ".join(r["failed"])))
    return "\n".join(out) + "\n"

def age_group(prof, age_q):
    """The age question's option id that the profile's age falls in."""
    answer = prof.get("answers", {}).get("age")
    if answer is not None:
        return answer
    age = prof.get("age")
    if age is None:
        return "(no age)"
    for o in age_q.get("options", []):
        if "age_min" in o and o["age_min"] <= age <= o["age_max"]:
            return o["id"]
    return "(age %r out of range)" % age


def coverage(scenarios, quest):
    """What no scenario covers, as lines: languages, age groups (and no
    age), life events, answer options, and questions with a "when"
    condition that no scenario of their event hides."""
    profiles = [sc["profile"] for _, sc in scenarios]
    gaps = []
    langs = {p["language"] for p in profiles}
    gaps += ["language %s" % l for l in LANGUAGES if l not in langs]
    age_q = next((q for q in quest.get("common", []) if q["id"] == "age"), {})
    groups = {age_group(p, age_q) for p in profiles}
    wanted = [o["id"] for o in age_q.get("options", []) if "age_min" in o]
    gaps += ["age group %s" % g for g in wanted + ["(no age)"]
             if g not in groups]
    chosen = {}
    for p in profiles:
        for q, a in p.get("answers", {}).items():
            chosen.setdefault(q, set()).update(
                a if isinstance(a, list) else [a])
    events_seen = {e for p in profiles for e in p.get("life_events", [])}
    for ev in quest.get("events", []):
        if ev["id"] not in events_seen:
            gaps.append("life event %s" % ev["id"])
        for q in ev.get("questions", []):
            if q["id"] not in chosen:
                gaps.append("question %s is never answered" % q["id"])
                continue
            for o in q.get("options", []):
                if o["id"] not in chosen[q["id"]]:
                    gaps.append("option %s: %s is never chosen"
                                % (q["id"], o["id"]))
            if "when" in q:
                w = q["when"]
                hidden = False
                for p in profiles:
                    if ev["id"] not in p.get("life_events", []):
                        continue
                    g = p.get("answers", {}).get(w["question"])
                    if g is None:
                        hidden = True
                    elif "any" in w:
                        vals = set(g) if isinstance(g, list) else {g}
                        hidden |= not vals & set(w["any"])
                    else:
                        hidden |= g < w.get("min", g) or g > w.get("max", g)
                if not hidden:
                    gaps.append("question %s is never hidden by its "
                                "condition on %s" % (q["id"], w["question"]))
    return gaps


def main(argv):
    ap = argparse.ArgumentParser(
        description="Run the relevance scenarios against opastin.")
    mode = ap.add_mutually_exclusive_group()
    mode.add_argument("--tap", action="store_true",
                      help="print TAP, one test per scenario")
    mode.add_argument("--table", metavar="FILE",
                      help="print the Markdown table and write it to FILE")
    mode.add_argument("--coverage", action="store_true",
                      help="list the languages, age groups, events, options "
                      "and conditions that no scenario covers; run nothing")
    ap.add_argument("--only", metavar="TEXT",
                    help="run only the scenarios whose id contains TEXT")
    ap.add_argument("--scenarios", metavar="DIR",
                    default=os.path.join(os.path.dirname(
                        os.path.abspath(__file__)), "scenarios"),
                    help="the scenario files (default: scenarios/ here)")
    ap.add_argument("opastin", help="the program, e.g. tui/opastin")
    ap.add_argument("assets", help="its assets directory, e.g. assets")
    args = ap.parse_args(argv)

    try:
        services, events, catalogue_date, quest, variants = \
            load_assets(args.assets)
        scenarios = load_scenarios(args.scenarios,
                                   services | PLANNED_SERVICES, events)
    except (Invalid, KeyError, TypeError) as e:
        msg = str(e) if isinstance(e, Invalid) \
            else "%s: unexpected shape of the assets (%s)" % (args.assets, e)
        if args.tap:
            print("Bail out! " + msg)
        print("run.py: " + msg, file=sys.stderr)
        return 2
    if args.coverage:
        gaps = coverage(scenarios, quest)
        for g in gaps:
            print("not covered: " + g)
        print("%d scenarios (%s), %d gaps" % (len(scenarios), ", ".join(
            "%s %d" % (l, sum(1 for _, s in scenarios
                              if s["profile"]["language"] == l))
            for l in LANGUAGES), len(gaps)))
        return 1 if gaps else 0
    gaps = coverage(scenarios, quest)
    if args.only:
        scenarios = [(e, s) for e, s in scenarios if args.only in s["id"]]
    results = run_all(args.opastin, args.assets, scenarios, variants)
    if args.tap:
        tap(results, None if args.only else gaps)
    elif args.table:
        text = table(results, events, args.opastin, catalogue_date)
        with open(args.table, "w", encoding="utf-8") as f:
            f.write(text)
        sys.stdout.write(text)
    else:
        plain(results)
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
