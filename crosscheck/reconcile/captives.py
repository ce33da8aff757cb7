"""Captives arithmetic across articles: those still held plus those freed by then are at most
those taken.

    held_role(claim, cfg) -> "taken" | "remaining" | None
    captive_inconsistencies(clusters, cfg) -> list[Inconsistency]

A hostages_held figure is read as the number taken ("خطفت ... 17 شخصا", "من أصل 17 خطفوا") or as
the number still held at its date ("لتبقى 20 رهينة", "الـ13 الباقين", "الذين ما زالوا محتجزين")
by the words right around it (rules/reconcile.yaml `captive_roles`, with hit/miss examples);
a figure with neither or both is not used.  A hostages_released figure, whether it tells one
batch or the running total, is a lower bound of all freed by its date, so no batch is added to
another: only one freed figure is used.  At a date d:

    still held (d) + freed by d (any one dated figure of d or before)  <=  taken

The taken figure is the largest one told (sound: the abduction cannot be smaller than any
telling of it).  A violation is a `captives_exceed_taken` inconsistency citing the three
figures; when an earlier "still held" figure exists before the freed figure's date, it is
cited as the step the arithmetic runs from ("15 held on 22 Nov: at most 2 freed before, so at
least 5 - 2 = 3 freed since: 15 - 3 = 12").  Killed captives are not counted (not knowing
them only loosens the bound).

Clusters of the two kinds (group "all") are joined into one story when they share an
article.  Cost: one pass over the captive clusters' claims, sorted once per story.
"""

from __future__ import annotations

from collections import defaultdict
from typing import Optional, Sequence

import regex

from crosscheck.models import Cluster, ClusterClaim, Inconsistency
from crosscheck.reconcile.settings import ReconcileConfig
from crosscheck.util import regex_cache

HELD, RELEASED = "hostages_held", "hostages_released"
CAPTIVE_KINDS = (HELD, RELEASED)
EARLIER = 50  # earlier held figures read per batch
WORDS = 6  # words of the clause read on each side of a held figure
_CLAUSE_END = regex_cache.compile(r"[،,.؛;:!؟?\n]")
_DIGITS = regex_cache.compile(r"\d+")


def _words_pattern(words: Sequence[str]) -> Optional[regex.Pattern]:
    from crosscheck.text.normalize import normalize

    alts = sorted({normalize(w).text.strip() for w in words if w.strip()}, key=regex_cache.longest_first)
    if not alts:
        return None
    return regex_cache.compile(r"(?<!\w)[وف]?(?:" + "|".join(regex.escape(a) for a in alts) + r")(?!\w)")


_PATTERNS: dict[int, tuple[ReconcileConfig, dict[str, tuple]]] = {}


def _patterns(cfg: ReconcileConfig) -> dict[str, tuple]:
    """The roles' compiled words for this configuration (kept with the configuration itself, so
    that another one made later at the same address is never given these)."""
    got = _PATTERNS.get(id(cfg))
    if got is None or got[0] is not cfg:
        got = (cfg, {role: (_words_pattern(sides.get("before", [])), _words_pattern(sides.get("after", [])))
                     for role, sides in cfg.captive_roles.items()})
        _PATTERNS.clear()
        _PATTERNS[id(cfg)] = got
    return got[1]


def _sides(sentence: str, surface: str) -> tuple[str, str]:
    """The clause's words before and after the figure (normalised), WORDS each."""
    from crosscheck.reconcile.dating import find_whole
    from crosscheck.text.normalize import normalize

    i = find_whole(sentence, surface)
    if i < 0:
        return "", ""
    # a clause, and not past another figure (its words are that figure's)
    before = _DIGITS.split(_CLAUSE_END.split(sentence[max(0, i - 80):i])[-1])[-1]
    after = _DIGITS.split(_CLAUSE_END.split(sentence[i + len(surface):i + len(surface) + 80])[0])[0]
    before = " ".join(normalize(before).text.split()[-WORDS:])
    after = " ".join(normalize(after).text.split()[:WORDS])
    return before, after


def role_of(sentence: str, surface: str, cfg: ReconcileConfig, roles: Sequence[str] = ("taken", "remaining")
            ) -> Optional[str]:
    """"taken", "remaining" (or another of `roles`: "batch") or None for the figure `surface`
    in `sentence`: the one role whose words stand right around it."""
    if not sentence or not surface:
        return None
    before, after = _sides(sentence, surface)
    found = set()
    for role, (pb, pa) in _patterns(cfg).items():
        if role not in roles:
            continue
        if (pb is not None and pb.search(before)) or (pa is not None and pa.search(after)):
            found.add(role)
    return found.pop() if len(found) == 1 else None


def held_role(c: ClusterClaim, cfg: ReconcileConfig) -> Optional[str]:
    return role_of(c.sentence, c.surface, cfg)


def release_role(c: ClusterClaim, cfg: ReconcileConfig) -> Optional[str]:
    """"batch" for a freed figure told as one more batch ("3 رهائن آخرين"), else None."""
    return role_of(c.sentence, c.surface, cfg, ("batch",))


def _low(c: ClusterClaim) -> Optional[float]:
    v = c.low if c.low is not None else c.value
    return float(v) if isinstance(v, (int, float)) else None


def _high(c: ClusterClaim) -> Optional[float]:
    v = c.high if c.high is not None else c.value
    return float(v) if isinstance(v, (int, float)) else None


def _stories(clusters: Sequence[Cluster]) -> list[list[Cluster]]:
    parent = list(range(len(clusters)))

    def find(i: int) -> int:
        while parent[i] != i:
            parent[i] = parent[parent[i]]
            i = parent[i]
        return i

    by_doc: dict[str, int] = {}
    for i, cl in enumerate(clusters):
        for c in cl.claims:
            j = by_doc.setdefault(c.doc, i)
            parent[find(i)] = find(j)
    out: dict[int, list[Cluster]] = defaultdict(list)
    for i, cl in enumerate(clusters):
        out[find(i)].append(cl)
    return list(out.values())


def _usable(c: ClusterClaim) -> bool:
    """A counted figure of no named event (a deal's phase, a plan: not what happened by then)."""
    return not c.outlier and not c.event and (c.basis or "count") == "count"


def freed_figure(c: ClusterClaim) -> bool:
    """A freed figure the ledger uses (of a cluster of freed captives): usable, dated, with a
    lower end.  A story without one gives no inconsistency (crosscheck.store.captive_stories
    reads no such story for a check)."""
    return _usable(c) and bool(c.as_of) and _low(c) is not None


def captive_inconsistencies(clusters: Sequence[Cluster], cfg: ReconcileConfig, _cite, _fmt, _make
                            ) -> list[Inconsistency]:
    """Every story's still-held figures checked against taken and freed (module docstring).
    `_cite`, `_fmt`, `_make`: how reconcile.inconsistencies cites a claim, writes a figure and
    makes an inconsistency (passed in: that module calls this one)."""
    if not cfg.captive_roles:
        return []
    mine = [cl for cl in clusters if cl.kind in CAPTIVE_KINDS and (cl.key.get("group") or "all") == "all"
            and cl.claims]
    found = []
    # one reading per sentence and figure: wire copies tell the same sentence in many articles
    # (at 10k: 13,548 figures, 10,298 distinct sentence and figure pairs)
    read: dict[tuple[str, str, bool], Optional[str]] = {}

    def role(c: ClusterClaim, released: bool) -> Optional[str]:
        key = (c.sentence, c.surface, released)
        if key not in read:
            read[key] = release_role(c, cfg) if released else held_role(c, cfg)
        return read[key]

    for story in _stories(mine):
        taken: list[tuple[float, ClusterClaim, Cluster]] = []
        remaining: list[tuple[str, float, ClusterClaim, Cluster]] = []
        freed: list[tuple[str, float, ClusterClaim, Cluster]] = []
        batches: list[tuple[str, float, ClusterClaim, Cluster]] = []
        for cl in story:
            for c in cl.claims:
                if not _usable(c):
                    continue
                if cl.kind == RELEASED:
                    if freed_figure(c):
                        lo = _low(c)
                        freed.append((c.as_of, lo, c, cl))
                        if role(c, True) == "batch":
                            batches.append((c.as_of, lo, c, cl))
                    continue
                held = role(c, False)
                if held == "taken" and _high(c) is not None:
                    taken.append((_high(c), c, cl))
                elif held == "remaining" and c.as_of and _low(c) is not None:
                    remaining.append((c.as_of, _low(c), c, cl))
        if not remaining:
            continue
        remaining.sort(key=lambda r: r[0])
        found += _batch_steps(remaining, batches, _cite, _fmt, _make)
        if not taken or not freed:
            continue
        t_val, t_claim, t_cl = max(taken, key=lambda t: t[0])
        if t_val < max(r[1] for r in remaining):
            continue  # the figure read as taken is of another group (or misread): no bound
        freed.sort(key=lambda f: (f[0], f[1]))
        best: Optional[tuple] = None  # the largest freed figure dated up to each remaining one's date
        k = 0
        for day, h_val, h_claim, h_cl in remaining:
            while k < len(freed) and freed[k][0] <= day:
                if best is None or freed[k][1] > best[1]:
                    best = freed[k]
                k += 1
            if best is None or h_val + best[1] <= t_val:
                continue
            f_day, f_val, f_claim, f_cl = best
            cites = [_cite(h_claim, h_cl, "still_held"), _cite(f_claim, f_cl, "freed"),
                     _cite(t_claim, t_cl, "taken")]
            words = (f"{_fmt(h_val)} still held on {day} ({h_claim.doc}), but {_fmt(t_val)} taken "
                     f"({t_claim.doc}) - {_fmt(f_val)} freed by {f_day} ({f_claim.doc}) leaves at most "
                     f"{_fmt(t_val - f_val)}")
            found.append(_make("captives_exceed_taken", "hard", [h_cl, f_cl, t_cl], cites, words))
    return found


def _batch_steps(remaining: list, batches: list, _cite, _fmt, _make) -> list[Inconsistency]:
    """Still held at d2 <= still held at d1 - one batch freed after d1 and by d2 (a batch the
    text tells as one: `release_role`; batches are never added up, one may be told twice).
    `remaining` sorted by date.  Sweeps: the smallest earlier held figure before each batch,
    then the tightest bound among the batches up to each later held figure."""
    if not batches:
        return []
    batches = sorted(batches, key=lambda b: b[0])
    told = {(b[2].doc, b[1]) for b in batches}
    bounds = []  # (batch day, bound, earlier held, batch)
    i = 0
    for b in batches:
        while i < len(remaining) and remaining[i][0] < b[0]:
            i += 1
        least = None
        # the latest few earlier figures (bounded work): not of an article that tells this
        # batch itself (its held figure counts the batch already: the batch is dated by the
        # article that retells it), nor a copy of the batch's article
        for r in remaining[max(0, i - EARLIER):i]:
            if (r[2].doc, b[1]) in told or (b[2].source_group and r[2].source_group == b[2].source_group):
                continue
            if least is None or r[1] < least[1]:
                least = r
        if least is not None:
            bounds.append((b[0], least[1] - b[1], least, b))
    out, k, tight = [], 0, None
    for r in remaining:
        while k < len(bounds) and bounds[k][0] <= r[0]:
            if tight is None or bounds[k][1] < tight[1]:
                tight = bounds[k]
            k += 1
        if tight is None or r[1] <= tight[1] or r[2] is tight[2][2]:
            continue
        _d, bound, h1, b = tight
        day, h_val, h_claim, h_cl = r
        cites = [_cite(h_claim, h_cl, "still_held"), _cite(b[2], b[3], "freed_batch"),
                 _cite(h1[2], h1[3], "held_before")]
        words = (f"{_fmt(h_val)} still held on {day} ({h_claim.doc}), but {_fmt(h1[1])} were held on "
                 f"{h1[0]} ({h1[2].doc}) and {_fmt(b[1])} more were freed on {b[0]} ({b[2].doc}): "
                 f"{_fmt(h1[1])} - {_fmt(b[1])} = {_fmt(bound)} at most")
        out.append(_make("captives_exceed_taken", "hard", [h_cl, b[3], h1[3]], cites, words))
    return out
