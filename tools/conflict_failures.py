#!/usr/bin/env python3
"""Why planted conflicts go unflagged (or agreements unjoined): classify failing judgements by cause.

Usage:
  tools/conflict_failures.py REPORT.json JUDGEMENTS.jsonl [--detail] [--agree] [--gold GOLD.jsonl]

REPORT.json is what `crosscheck report --format json` writes for the set's articles.  A
conflict judgement passes (as in shared/eval/score.py) when two of its claims with different
values sit in one cluster whose status is conflict, or in one inconsistency.  Each failing one
gets one cause:

  not_extracted          a side of it is in no cluster (extraction: missed or another value/kind)
  split:<keys>           both extracted, in different clusters; <keys> are the key attributes
                         that differ (location, group, period, event, incident); a location split
                         is refined: location(unplaced) - one side has no place,
                         location(region-country) - one place lies within the other in the
                         gazetteer, location(unrelated) - two places neither within the other
  same:<how>             one cluster, not a conflict: kept_same_day (two kept figures of one day),
                         kept_rising / kept_falling (both kept, on different days: admitted as
                         growth, or a fall within tolerance / read apart), kept_undated (one side
                         has no date: it fits any day), both_outliers (each left out and linked to
                         another kept figure, not to each other), outlier_linked_elsewhere (one
                         side left out, its finding cites another figure)

With --agree the failing `agree` judgements are classified instead.  One passes (as in
score.py) when both its claims sit in one cluster that is not in conflict, or both kept (not
outliers) in one that is.  Causes: not_extracted and split:<keys> as above, and
same:one_outlier / same:both_outliers (one cluster in conflict, one or both sides left out as
outliers).

not_extracted is refined with the set's gold (--gold, else the gold.jsonl beside JUDGEMENTS) for
the first side found in no cluster: not_extracted(other_kind) - the article has the value under
another kind; not_extracted(other_value) - a claim of the article was read from the gold figure's
words (its surface overlaps the gold surface) with another value; not_extracted(missed) - neither.
other_kind is a claim read from those words with the same value, or (gold without a surface) the
value under another kind; --detail adds what the side was read as.

A judgement whose note says the figure was recalled for an earlier day is marked "recalled"
(those are read by crosscheck.reconcile.dating, not by the keys).  Counts are printed last;
--detail prints one line per failing judgement.  Developer tool, not part of the package.
"""

from __future__ import annotations

import json
import re
import sys
from collections import Counter
from pathlib import Path


def _num(v):
    try:
        f = float(v)
    except (TypeError, ValueError):
        return v
    return int(f) if f.is_integer() else f


def _key(doc, kind, value) -> tuple:
    return (doc, kind, _num(value))


def _passes(want, groups) -> bool:
    return any(status == "conflict" and len({w[2] for w in want if w in keys}) >= 2 for status, keys in groups)


def _agree_passes(want, groups, outliers) -> bool:
    for (status, keys), outl in zip(groups, outliers):
        hit = [w for w in want if w in keys]
        if len(hit) >= 2 and (status != "conflict" or sum(1 for h in hit if h not in outl) >= 2):
            return True
    return False


def _place_parents() -> dict[str, str]:
    try:
        from crosscheck.reconcile.grouping import place_parents
    except Exception:  # the tool also runs without the package: no refinement then
        return {}
    return place_parents()


def _ancestors(place, parents) -> set:
    """Every place containing `place` (a city's governorate and country, not only its parent)."""
    out = set()
    while place in parents and parents[place] not in out:
        place = parents[place]
        out.add(place)
    return out


def _overlap(a: str, b: str) -> bool:
    """Two surfaces of one figure: one holds the other, or they share a number token."""
    if not a or not b:
        return False
    if a in b or b in a:
        return True
    nums = lambda s: set(re.findall(r"[0-9\u0660-\u0669]+(?:[.,][0-9\u0660-\u0669]+)*", s))
    return bool(nums(a) & nums(b))


def _missing_cause(w, where, gold) -> tuple[str, str]:
    """Cause and note for a side in no cluster: a claim read from the gold figure's words (its
    surface overlaps the gold surface) with the same value is another kind, with another value
    another value; without such a claim, the value under another kind with no gold surface to
    compare is another kind, else missed."""
    doc, kind, value = w
    mine = [(k, m) for k, ms in where.items() if k[0] == doc for _c, m in ms]
    surfaces = [g.get("surface", "") for g in gold if _key(g["doc"], g["kind"], g["value"]) == w]
    read = []
    for k, m in mine:
        got = [m.get("surface", "")] + [x.get("surface", "") for x in m.get("mentions") or []]
        if any(_overlap(s, g) for s in surfaces for g in got):
            read.append((k, m))
    note = f"{doc} {kind} {value} {surfaces[:1]}"
    for k, m in read:
        if k[2] == value:
            return "not_extracted(other_kind)", f"{note} read as {k[1]} {m.get('surface', '')!r}"
    if read:
        k, m = read[0]
        return "not_extracted(other_value)", f"{note} read as {k[1]} {k[2]} {m.get('surface', '')!r}"
    if not any(surfaces) and any(k[1] != kind and k[2] == value for k, _m in mine):
        return "not_extracted(other_kind)", f"{note} value under another kind"
    return "not_extracted(missed)", note


def classify(report: dict, judgements: list[dict], verdict: str = "conflict",
             gold: list[dict] | None = None) -> list[tuple[str, dict]]:
    clusters = report["clusters"]
    groups = [(c["status"], {_key(m["doc"], m.get("kind", c["kind"]), m["value"]) for m in c["claims"]})
              for c in clusters]
    groups += [("conflict", {_key(m["doc"], m.get("kind"), m["value"]) for m in i.get("claims", [])})
               for i in report.get("inconsistencies") or []]
    where: dict[tuple, list[tuple[dict, dict]]] = {}
    for c in clusters:
        for m in c["claims"]:
            where.setdefault(_key(m["doc"], m.get("kind", c["kind"]), m["value"]), []).append((c, m))
    parents = _place_parents()
    out = []
    outliers = [{_key(m["doc"], m.get("kind", c["kind"]), m["value"]) for m in c["claims"] if m.get("outlier")}
                for c in clusters] + [set() for _i in report.get("inconsistencies") or []]
    for j in judgements:
        if j.get("verdict") != verdict:
            continue
        want = [_key(*c) for c in j["claims"]]
        if verdict == "agree":
            if _agree_passes(want, groups, outliers):
                continue
        elif _passes(want, groups):
            continue
        missing = [w for w in want if w not in where]
        if missing:
            if gold is None:
                out.append(("not_extracted", j))
            else:
                cause, note = _missing_cause(missing[0], where, gold)
                out.append((cause, {**j, "_note": note}))
            continue
        common = None
        for w in want:
            ids = {id(c) for c, _m in where[w]}
            common = ids if common is None else common & ids
        if not common:
            keys = [where[w][0][0]["key"] for w in want]
            differ = sorted(k for k in keys[0] if any(o.get(k) != keys[0].get(k) for o in keys[1:]))
            cause = "split:" + ",".join(differ) if differ else "split:same_key"
            if differ == ["location"]:
                places = [k.get("location") for k in keys]
                if None in places:
                    cause = "split:location(unplaced)"
                elif any(a != b and (a in _ancestors(b, parents) or b in _ancestors(a, parents))
                         for a in places for b in places):
                    cause = "split:location(region-country)"
                else:
                    cause = "split:location(unrelated)"
            out.append((cause, j))
            continue
        cid = next(iter(common))
        ms = [next(m for c, m in where[w] if id(c) == cid) for w in want][:2]
        out_flags = [bool(m.get("outlier")) for m in ms]
        if verdict == "agree":
            out.append(("same:both_outliers" if all(out_flags) else "same:one_outlier", j))
            continue
        days = [m.get("as_of") for m in ms]
        if all(out_flags):
            how = "both_outliers"
        elif any(out_flags):
            how = "outlier_linked_elsewhere"
        elif None in days:
            how = "kept_undated"
        elif days[0] == days[1]:
            how = "kept_same_day"
        else:
            early, late = sorted(ms, key=lambda m: m["as_of"])
            how = "kept_falling" if _num(late["value"]) < _num(early["value"]) else "kept_rising"
        out.append(("same:" + how, j))
    return out


def main(argv: list[str]) -> int:
    argv = list(argv)
    gold_path = None
    if "--gold" in argv:
        i = argv.index("--gold")
        if i + 1 >= len(argv):
            print("error: --gold needs a file", file=sys.stderr)
            return 2
        gold_path = argv.pop(i + 1)
    args = [a for a in argv if not a.startswith("--")]
    if len(args) != 2:
        print(__doc__.strip().splitlines()[3], file=sys.stderr)
        return 2
    verdict = "agree" if "--agree" in argv else "conflict"
    if gold_path is None:
        beside = Path(args[1]).with_name("gold.jsonl")
        gold_path = str(beside) if beside.is_file() else None
    try:
        report = json.load(open(args[0], encoding="utf-8"))
        judgements = [json.loads(x) for x in open(args[1], encoding="utf-8") if x.strip()]
        gold = [json.loads(x) for x in open(gold_path, encoding="utf-8") if x.strip()] if gold_path else None
    except (OSError, ValueError) as e:
        print(f"error: {e}", file=sys.stderr)
        return 2
    rows = classify(report, judgements, verdict, gold)
    recalled = re.compile(r"recall", re.I)
    if "--detail" in argv:
        for cause, j in rows:
            mark = " [recalled]" if recalled.search(j.get("why", "")) else ""
            note = f"  <{j['_note']}>" if j.get("_note") else ""
            print(f"{cause:32s} [{j.get('class', '?')}] {j.get('why', '')}{mark}{note}")
    counts = Counter(c for c, _j in rows)
    for cause, n in counts.most_common():
        r = sum(1 for c, j in rows if c == cause and recalled.search(j.get("why", "")))
        print(f"{n:4d} {cause}  (recalled: {r})")
    print(f"{len(rows)} failing {verdict} judgements")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
