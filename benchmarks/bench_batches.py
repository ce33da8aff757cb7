#!/usr/bin/env python3
"""What an ingest batch touches in the judged state: the `check` shortcut run on batches.

    .venv/bin/python benchmarks/bench_batches.py STORE NEW.jsonl --sizes 1,8,64

STORE is a claim store whose judged state is current (`crosscheck report --store STORE` after
its ingest keeps it); NEW.jsonl holds articles not in it.  For each batch size, the first
batches of NEW are checked against the state in this process (crosscheck.store.judged.
check_against_state, as `check` runs it), each on its own (the state is not changed), and one
line is printed per batch: whether the shortcut held (else the reason it fell back), the CPU
seconds of the check, and its counted work (`CheckStats`: clusters judged, stored members read,
stored clusters read for inconsistencies, signatures read), with the record's size beside it.

Why: keeping the judged state current in `ingest` means judging per ingest batch only what the
new articles touch, which is what the shortcut does for one checked article.  How much of the
record a batch touches, and how often the shortcut cannot be taken for a batch, says what such
an ingest would cost and what it would have to do besides (benchmarks/README.md, session 33).
Read-only: the store is opened as `check` opens it; nothing is written.
"""

from __future__ import annotations

import argparse
import sys
import time
from contextlib import closing
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("store")
    ap.add_argument("new")
    ap.add_argument("--sizes", default="1,8,64", help="comma-separated batch sizes")
    ap.add_argument("--batches", type=int, default=3, help="batches per size")
    ap.add_argument("--rules", default=None)
    args = ap.parse_args(argv)

    from crosscheck.extract.extractor import extract
    from crosscheck.reconcile.settings import default_config
    from crosscheck.ruleset.loader import load_rules
    from crosscheck.store.judged import check_against_state
    from crosscheck.store.sqlite_store import connect
    from crosscheck.text.documents import DocumentSource

    rules = load_rules(args.rules)
    cfg = default_config(args.rules)
    sizes = [int(s) for s in args.sizes.split(",") if s.strip()]
    need = max(sizes) * args.batches
    docs = []
    for d in DocumentSource([args.new]):
        docs.append(d)
        if len(docs) >= need:
            break
    claims = {d.id: extract(d, rules) for d in docs}
    with closing(connect(args.store)) as conn:
        n_clusters = conn.execute("SELECT count(*) FROM judged_clusters").fetchone()[0]
        n_members = conn.execute("SELECT count(*) FROM judged_members").fetchone()[0]
        n_docs = conn.execute("SELECT count(*) FROM judged_docs").fetchone()[0]
    print(f"record: {n_docs} articles, {n_members} members, {n_clusters} clusters")
    print("| batch | articles | claims | shortcut | CPU-s | clusters judged | members read | linked clusters |"
          " linked claims | signatures | join units | weak read | runs at no place re-made | their members |"
          " open scopes' days decided (rounds) | members read for them |")
    print("|---|---|---|---|---|---|---|---|---|---|---|---|---|---|---|---|")
    for size in sizes:
        for b in range(args.batches):
            part = docs[b * size:(b + 1) * size]
            if len(part) < size:
                break
            new_claims = [c for d in part for c in claims[d.id]]
            t0 = time.process_time()
            found, st = check_against_state(args.store, part, new_claims, cfg, args.rules, build=False)
            cpu = time.process_time() - t0
            held = "yes" if found is not None else f"no: {st.fallback}"
            print(f"| {size}#{b + 1} | {len(part)} | {len(new_claims)} | {held} | {cpu:.2f} | {st.clusters_judged} |"
                  f" {st.members_read} | {st.clusters_linked} | {st.linked_claims} | {st.signatures} |"
                  f" {st.join_units} | {st.weak_read} | {st.unplaced_runs} | {st.unplaced_read} |"
                  f" {st.gated_pairs} | {st.gated_read} |", flush=True)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
