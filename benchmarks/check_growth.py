#!/usr/bin/env python3
"""How the work of one `check` against the judged state grows with the record: counted, not timed.

    .venv/bin/python benchmarks/check_growth.py ARTICLE STORE [STORE ...]

For each store (judged and current: run `crosscheck check` once first, or the command below
reports the fallback) it checks ARTICLE in-process as `crosscheck check --store` does
(crosscheck.store.judged.check_against_state) and prints the work counted in `CheckStats`,
the CPU seconds of the check (process time; the start-up and extraction are not in it), and
what the re-judged and linked clusters hold:

* members read        stored members of the clusters the new claims join, each re-judged whole
* linked claims       claims of the stored clusters read for inconsistencies; of them
  captive claims      those of the captive stories, read whole (every date: captive_stories)
* re-judged sizes     the largest re-judged clusters (claims, of them new)

A check whose work does not grow with the record keeps these counts flat between a store of N
and one of 10N articles of the same stories; the CPU seconds follow them (at any load, the
counts do not move).  The figures of session 29 (1k and 10k stores of gen_articles.py --seed 7)
are in benchmarks/README.md.
"""

from __future__ import annotations

import argparse
import dataclasses
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))


def measure(article: str, store: str) -> dict:
    from crosscheck.ci.check import _extract, reconcile_config
    from crosscheck.config import Settings
    from crosscheck.store import judged
    from crosscheck.text.documents import load_documents

    settings = Settings()
    cfg = reconcile_config(settings)
    docs = load_documents([article])
    claims = _extract(docs, settings)
    t0 = time.process_time()
    found, stats = judged.check_against_state(store, docs, claims, cfg, settings.rules, build=False)
    cpu = time.process_time() - t0
    out = {"store": store, "cpu_s": round(cpu, 2), **{k: v for k, v in dataclasses.asdict(stats).items() if v}}
    if found is not None:
        new = {d.id for d in docs}
        sizes = sorted(((len(cl.claims), sum(c.doc in new for c in cl.claims)) for cl in found.clusters
                        if any(c.doc in new for c in cl.claims)), reverse=True)
        out["rejudged_largest"] = sizes[:5]
    return out


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("article")
    ap.add_argument("stores", nargs="+")
    args = ap.parse_args(argv)
    rows = [measure(args.article, s) for s in args.stores]
    keys = ["cpu_s", "members_read", "clusters_judged", "linked_claims", "captive_claims", "clusters_linked",
            "captive_clusters", "signatures", "renamed_clusters", "corroborating", "sentences_read", "fallback"]
    print("\t".join(["store"] + keys))
    for r in rows:
        print("\t".join([Path(r["store"]).name] + [str(r.get(k, 0)) for k in keys]))
    for r in rows:
        print(Path(r["store"]).name, "re-judged clusters (claims, new):", r.get("rejudged_largest"))
    if len(rows) > 1:
        a, b = rows[0], rows[-1]
        for k in ("members_read", "linked_claims", "captive_claims"):
            if a.get(k):
                print(f"{k}: x{b.get(k, 0) / a[k]:.1f} from {Path(a['store']).name} to {Path(b['store']).name}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
