"""One length told in two units: a truce of "60 days" and of "two months" (rules/reconcile.yaml
`unit_pairs`).

duration_days and duration_months are two kinds, so their claims never share a cluster; a
cluster of each with the same scope (event, place, group, period) measures one length.  Each
cluster's figures meet in an interval (its claims' intersection; a cluster already in conflict
is left to its own conflict); the coarse cluster's interval in the fine unit spans from `low` to
`high` fine units per coarse unit (a month is 28-31 days).  Disjoint intervals are a
`unit_mismatch` inconsistency: "90 days … cannot be 2 months (56-62 days)".  Lengths of a
growing event (the war, a captivity: `growing_events`) are running lengths told on different
days and are not compared, nor are the lengths of an event some article tells as extended (a
cluster of event "<event>:extension" with the same scope): the first term, the total and the days
held so far are then all lengths of "the truce" ("هدنة لمدة شهرين" in April, "صمدت 122 يوما" in
August after two extensions).  One pass over the clusters, indexed by scope: linear.
"""

from __future__ import annotations

from collections import defaultdict
from typing import Callable, Optional, Sequence

from crosscheck.models import Cluster, ClusterClaim, Inconsistency
from crosscheck.reconcile.settings import ReconcileConfig

_SCOPE = ("group", "location", "period", "event", "actor", "incident")
_EXTENSION = ":extension"


def _scope(cl: Cluster) -> tuple:
    return tuple(cl.key.get(k) for k in _SCOPE)


def pair_kinds(cfg: ReconcileConfig) -> set[str]:
    """The kinds some unit pair compares."""
    return {k for p in cfg.unit_pairs for k in (p.fine, p.coarse)}


def pair_scope(key: dict) -> tuple:
    """The scope a cluster of a paired kind is compared under: an extension's ("<event>:extension")
    is its event's, which it keeps from being compared (crosscheck.store.unit_scopes)."""
    scope = tuple(key.get(k) for k in _SCOPE)
    event = scope[3] or ""
    if event.endswith(_EXTENSION):
        scope = scope[:3] + (event[: -len(_EXTENSION)],) + scope[4:]
    return scope


def _meet(claims: Sequence[ClusterClaim]) -> Optional[tuple[float, float]]:
    """The interval every kept claim allows (None when they do not meet or give no number)."""
    lo, hi, any_number = float("-inf"), float("inf"), False
    for c in claims:
        if c.outlier or (c.low is None and c.high is None):
            continue
        any_number = True
        if c.low is not None:
            lo = max(lo, c.low)
        if c.high is not None:
            hi = min(hi, c.high)
    if not any_number or lo > hi:
        return None
    return lo, hi


def unit_pair_inconsistencies(clusters: Sequence[Cluster], cfg: ReconcileConfig,
                              cite: Callable, say: Callable, make: Callable) -> list[Inconsistency]:
    if not cfg.unit_pairs:
        return []
    growing = set(cfg.growing_events)
    by_kind: dict[str, dict[tuple, list[Cluster]]] = defaultdict(lambda: defaultdict(list))
    kinds = pair_kinds(cfg)
    extended = set()
    for cl in clusters:
        event = cl.key.get("event") or ""
        if cl.kind not in kinds or not cl.claims or event.split(":")[0] in growing:
            continue
        if event.endswith(_EXTENSION):
            extended.add(pair_scope(cl.key))
        else:
            by_kind[cl.kind][_scope(cl)].append(cl)
    found = []
    for pair in cfg.unit_pairs:
        coarse_at = by_kind.get(pair.coarse, {})
        for scope, fines in by_kind.get(pair.fine, {}).items():
            if scope in extended:
                continue  # several lengths of one extended event
            for coarse in coarse_at.get(scope, ()):
                m = _meet(coarse.claims)
                if m is None:
                    continue
                m_lo, m_hi = m[0] * pair.low, m[1] * pair.high
                for fine in fines:
                    f = _meet(fine.claims)
                    if f is None or (f[1] >= m_lo and f[0] <= m_hi):
                        continue  # a conflict of its own, or the two units agree
                    fc = [c for c in fine.claims if not c.outlier]
                    cc = [c for c in coarse.claims if not c.outlier]
                    what = scope[3] or "event"
                    expl = (f"{say(fc[0])} {pair.fine} ({fc[0].doc}) cannot be {say(cc[0])} {pair.coarse} "
                            f"({cc[0].doc}) of the same {what}: at {pair.low:g}-{pair.high:g} per unit that "
                            f"is {m_lo:g}-{m_hi:g}")
                    cites = [cite(c, fine, pair.fine) for c in fc] + [cite(c, coarse, pair.coarse) for c in cc]
                    found.append(make("unit_mismatch", "hard", [fine, coarse], cites, expl))
    return found
