"""Inconsistencies between clusters for people: `crosscheck show` and terminal summaries.

An inconsistency links figures of different clusters that cannot all be true (a part larger
than its whole, parts adding up to more than it, a combined figure that does not match its
places); each is shown with its arithmetic in words and the claims it cites, each at its
'file:line:col'.  Article words are isolated for bidirectional terminals, like clusters.
"""

from __future__ import annotations

from typing import Iterable, Optional, Sequence

from crosscheck.models import Inconsistency
from crosscheck.report.cluster_view import Where, format_value, isolate

TITLES = {
    "part_exceeds_whole": "a part exceeds its whole",
    "parts_exceed_whole": "parts add up to more than their whole",
    "combination_mismatch": "a combined figure does not match its parts",
    "subperiod_exceeds_total": "a figure for part of the time exceeds the running total",
    "tally_exceeds_body": "more votes than the body has members",
    "number_typo": "a resolution number given two ways",
    "falling_total": "a running total falls: a stale or mistaken figure",
    "same_day_mismatch": "a running total given two ways the same day",
    "captives_exceed_taken": "captives still held and freed add up to more than were taken",
    "unit_mismatch": "one length told in days and in months that disagree",
}


def title(inc: Inconsistency) -> str:
    return TITLES.get(inc.type, inc.type)


def render_inconsistency_detail(inc: Inconsistency, where: Optional[Where] = None) -> str:
    """Everything about one inconsistency, for `crosscheck show INCONSISTENCY_ID`."""
    lines = [
        f"inconsistency {inc.id}",
        f"type {inc.type} ({title(inc)})  strength {inc.strength}",
        f"clusters {' '.join(inc.clusters)}",
        f"why {isolate(inc.explanation)}",
        f"claims {len(inc.claims)}",
    ]
    for n, c in enumerate(inc.claims, 1):
        pos = where(c.doc, c.start, c.end, c.field) if where else None
        lines.append(f"  [{n}] {c.role or '-'}  {c.doc}  {c.kind} {format_value(c)}  as of {c.as_of or '-'}"
                     f"  cluster {c.cluster}")
        lines.append(f"      {pos or '-'}  {isolate(c.surface or '')}")
    return "\n".join(lines) + "\n"


def render_inconsistency_lines(incs: Iterable[Inconsistency]) -> list[str]:
    """One line per inconsistency: id, type, strength, arithmetic."""
    return [f"  {i.id}  {i.type} ({i.strength}): {isolate(i.explanation)}" for i in incs]


def naming(incs: Sequence[Inconsistency], cluster_id: str) -> list[Inconsistency]:
    """The inconsistencies a cluster takes part in."""
    return [i for i in incs if cluster_id in i.clusters]
