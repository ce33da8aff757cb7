"""A large archive's one-line entries, grouped so that what they share is said once.

A large page (crosscheck.report.large) lists every conflict and every inconsistency.  Past the
most severe ones, shown in full, each is one short line, and the lines sit under headings that
say once what a run of them shares; the page is read without its script (every line is server
rendered) and its filters still work (the filter attributes the lines share sit on their list):

* conflicts, by quantity and story (`conflict_groups`): one group per kind, scope (place,
  period, group, incident, actor; an event's family: `vote:body=sc` of `vote:body=sc;res=2017`)
  and strength.  A line gives what tells it from its neighbours: the rest of its event
  (`res=2017`), each figure shown (value with its hedge, `*` for an outlier, the article), how
  many claims in all when more than shown, its latest date; its anchor is its cluster's;
* inconsistencies between clusters past the detailed ones (`inconsistency_groups.for_page`
  `lines`), by type, kinds and strength (`between_groups`): a line gives the figures it cites by
  article, its latest date, and links to its clusters the page renders;
* inconsistencies of the same type between the same clusters (or inside one running total) at
  several moments (`for_page` `groups`), by type, kinds and strength (`moment_groups`): ONE line
  per clusters and type (`moment_summary`, `summary_text`): its clusters (linked when shown),
  how many moments, the first and last dates, the latest moment's figures (role, article,
  value).  Its anchor is the latest moment's, and it carries every member's id (`compact_ids`:
  their common prefix once, `data-id-prefix`, then each id's end, `data-ids`), so the page's
  script leads `#inconsistency-ID` of any member to it; the count on the line says how many it
  stands for, nothing is dropped.

Every line carries its own anchor (`cluster-ID`, `inconsistency-ID`) and the sources of what it
cites (`data-source`); a line's date is its `data-date` or the first in its text (the page's
script sorts by it).  `report.json` and `crosscheck show ID` have everything about each.  A
page's lists past its byte budget continue on part pages (crosscheck.report.page_parts).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Iterable, Optional, Sequence

from crosscheck.models import Cluster, Inconsistency

SCOPE_ORDER = ("group", "location", "period", "event", "actor", "incident")


@dataclass
class LineGroup:
    """Entries of a large page that share their heading: conflicts (clusters) or inconsistencies."""

    kinds: str  # space-separated, sorted: the list's data-kind
    strength: str
    places: tuple[str, ...]  # the list's data-place ('' when its lines differ: then on each line)
    scope: dict[str, Optional[str]] = field(default_factory=dict)  # said once (conflicts)
    type: str = ""  # inconsistency type
    clusters: tuple[str, ...] = ()  # the same clusters (grouped inconsistencies)
    items: list = field(default_factory=list)
    shared_places: bool = True  # whether `places` holds for every line


def event_parts(event: Optional[str]) -> tuple[Optional[str], str]:
    """(family, rest) of an event key: what precedes its first `;` (else its first `:`) and what
    follows: `vote:body=sc;res=2017;k=2` -> (`vote:body=sc`, `res=2017;k=2`), `resolution:2017`
    -> (`resolution`, `2017`); a key with neither is its own family."""
    if not event:
        return event, ""
    for sep in (";", ":"):
        if sep in event:
            family, rest = event.split(sep, 1)
            return family, rest
    return event, ""


def cluster_places(cluster: Cluster) -> tuple[str, ...]:
    """The places a conflict's line is filtered by: its key's and its shown claims'."""
    return tuple(sorted({p for p in ({cluster.key.get("location")} | {c.location for c in cluster.claims}) if p}))


def conflict_groups(conflicts: Sequence[Cluster]) -> list[LineGroup]:
    """The conflicts (in page order) by kind, scope with the event's family, and strength;
    groups in the order of their first conflict, lines in page order.  A group's places are
    its list's when every line has the same, else each line's."""
    def key_of(c):
        scope = {k: c.key.get(k) for k in SCOPE_ORDER}
        scope["event"] = event_parts(scope["event"])[0]
        strength = getattr(c, "strength", None) or ""
        places = cluster_places(c)
        return (c.kind, tuple(scope.items()), strength), places, lambda: LineGroup(c.kind, strength, places, scope)

    return _grouped(conflicts, key_of)


def _grouped(items: Iterable, key_of) -> list[LineGroup]:
    """`items` grouped by `key_of(item)` = (key, places, make_group), groups in the order of
    their first item; a group's places stay its list's only when every item has the same."""
    groups: dict[tuple, LineGroup] = {}
    for item in items:
        key, places, make = key_of(item)
        g = groups.get(key)
        if g is None:
            g = groups[key] = make()
        elif g.shared_places and places != g.places:
            g.shared_places = False
        g.items.append(item)
    for g in groups.values():
        if not g.shared_places:
            g.places = ()
    return list(groups.values())


def claim_date(claim) -> Optional[str]:
    return getattr(claim, "as_of", None) or getattr(claim, "date", None)


def latest(claims: Iterable) -> str:
    dates = [d for d in (claim_date(c) for c in claims) if d]
    return max(dates) if dates else ""


def between_groups(incs: Sequence[Inconsistency], places_of) -> list[LineGroup]:
    """One-line inconsistencies between clusters (report order) by type, kinds and strength;
    `places_of(inc)` gives an inconsistency's places (its clusters' places).  A group's
    places are its list's when every line has the same, else each line's."""
    def key_of(inc):
        kinds = " ".join(sorted({c.kind for c in inc.claims}))
        strength = inc.strength or ""
        places = tuple(sorted({p for p in places_of(inc) if p}))
        return (inc.type, kinds, strength), places, lambda: LineGroup(kinds, strength, places, type=inc.type)

    return _grouped(incs, key_of)


def moment_groups(groups, places_of) -> list[LineGroup]:
    """inconsistency_groups.Group (same type, same clusters, several moments; or inside one
    running total) by type, kinds and strength: each group is ONE line of its LineGroup
    (`moment_summary`), its members counted on it; a LineGroup's places are its list's when
    every group under it has the same, else each line's."""
    def key_of(g):
        kinds = " ".join(sorted({c.kind for i in g.items for c in i.claims}))
        places = tuple(sorted({p for i in g.items for p in places_of(i) if p}))
        return (g.type, kinds, g.strength), places, lambda: LineGroup(kinds, g.strength, places, type=g.type)

    return _grouped(groups, key_of)


def group_places(group, places_of) -> tuple[str, ...]:
    """The places of one group's line: those of its members' clusters."""
    return tuple(sorted({p for i in group.items for p in places_of(i) if p}))


@dataclass
class MomentSummary:
    """One line for the inconsistencies of one type between the same clusters at several
    moments (or inside one running total): how many, the first and last dates, the latest."""

    latest: Inconsistency  # the moment with the latest date (the last of them in report order)
    count: int
    first: str  # the earliest moment's date ('' when none is dated)
    last: str


def moment_summary(items: Sequence[Inconsistency]) -> MomentSummary:
    dated = [(latest(inc.claims), n) for n, inc in enumerate(items)]
    known = sorted(d for d, _ in dated if d)
    _, at = max(dated)
    return MomentSummary(items[at], len(items), known[0] if known else "", known[-1] if known else "")


def summary_text(s: MomentSummary) -> str:
    """`583 × 2023-10-12 – 2025-08-13 · 2025-08-13: part gen-1 4,475 · whole gen-2 ≥ 6,193`:
    how many moments and their span (when more than one), then the latest moment's figures
    (`moment_text`)."""
    span = s.first if s.first == s.last else f"{s.first} – {s.last}"
    head = f"{s.count} × {span} · " if s.count > 1 and span else (f"{s.count} × · " if s.count > 1 else "")
    return head + moment_text(s.latest)


def compact_ids(ids: Sequence[str]) -> tuple[str, list[str]]:
    """(prefix, suffixes) of `ids`: the longest common prefix ending in '-' said once, then what
    follows it in each id (`part-exceeds-whole-004d985e`, `part-exceeds-whole-012a8621` ->
    (`part-exceeds-whole-`, [`004d985e`, `012a8621`]))."""
    if not ids:
        return "", []
    lo, hi = min(ids), max(ids)
    n = 0
    while n < min(len(lo), len(hi)) and lo[n] == hi[n]:
        n += 1
    cut = lo[:n].rfind("-") + 1
    return lo[:cut], [i[cut:] for i in ids]


def conflict_figures(cluster: Cluster) -> list[tuple[str, bool, str]]:
    """(value with its hedge, outlier, article) of each claim a conflict's line shows."""
    from crosscheck.report.cluster_view import format_value

    return [(format_value(c), bool(c.outlier), c.doc) for c in cluster.claims]


def moment_figures(inc: Inconsistency) -> tuple[str, list[tuple[str, list[tuple[str, str, str]]]]]:
    """(the line's date, [(role, [(article, value with its hedge, the figure's own date when it
    is not the line's)])]) of a grouped inconsistency: its figures by role, each role once, in
    the order the inconsistency cites them."""
    from crosscheck.report.cluster_view import format_value

    date = latest(inc.claims)
    roles: dict[str, list[tuple[str, str, str]]] = {}
    for c in inc.claims:
        roles.setdefault(c.role or "", []).append((c.doc, format_value(c), "" if (c.as_of or "") == date else (c.as_of or "")))
    return date, list(roles.items())


def moment_text(inc: Inconsistency) -> str:
    """`2025-08-13: part gen-1 4,475 · whole gen-2 ≥ 6,193, gen-3 85,000`: the first
    `LINE_FIGURES` figures of each role, then how many more (report.json has them all)."""
    from crosscheck.report.inconsistency_groups import LINE_FIGURES

    date, roles = moment_figures(inc)
    return (f"{date}: " if date else "") + " · ".join(
        (f"{role} " if role else "") + ", ".join(
            f"{doc} {value}{f' ({own})' if own else ''}" for doc, value, own in figures[:LINE_FIGURES])
        + (f" +{len(figures) - LINE_FIGURES}" if len(figures) > LINE_FIGURES else "")
        for role, figures in roles)


def conflict_text(cluster: Cluster, size: Optional[int]) -> str:
    """`res=2017;k=2 gen-1: 0 · gen-2: 3* +1 · 2025-07-09` (page_lines)."""
    label = event_parts(cluster.key.get("event"))[1]
    figures = " · ".join(f"{doc}: {value}{'*' if outlier else ''}" for value, outlier, doc in conflict_figures(cluster))
    more = (size or 0) - len(cluster.claims)
    date = latest(cluster.claims)
    return (f"{label} " if label else "") + figures + (f" +{more}" if more > 0 else "") + (f" · {date}" if date else "")
