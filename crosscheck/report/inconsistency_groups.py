"""How a large archive's pages list its inconsistencies: every one, in bounded bytes.

Two sorts of inconsistency grow differently with an archive:

* between clusters (a part above its whole, a resolution number given two ways, votes above a
  body's size, ...): each is its own finding, so each gets its own entry - the `DETAILED`
  first in full (report order: hard first), every other one as one line (its type, strength,
  arithmetic in words and clusters: about `LINE_BYTES` of HTML);
* inside one running total (`OUTLIER_LINK_TYPES`: a figure its growth leaves out, two figures
  of one day): these are the outliers of one conflict, and a story retold by hundreds of
  outlets can have hundreds of stale figures.  They are listed by cluster and type - one entry
  per (cluster, type) with how many there are and the first `GROUP_SHOWN` of them (report
  order), each with its anchor; report.json has every one.

So a page grows by a bounded number of bytes per conflict, per inconsistency between clusters
and per running total with outliers (tests/test_report_large.py counts them).
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Sequence

from crosscheck.models import Inconsistency

DETAILED = 100  # inconsistencies between clusters shown in full (their claims, positions)
LINE_BYTES = 1500  # the budget of one inconsistency's line in the HTML (tests/test_report_large.py)
GROUP_SHOWN = 5  # of a running total's outlier links, shown on its line (the rest: counted)
GROUP_BYTES = 3000  # the budget of one (cluster, type) entry in the HTML
OUTLIER_LINK_TYPES = ("falling_total", "same_day_mismatch")  # one cluster each


@dataclass
class Group:
    """The inconsistencies of one type inside one cluster, in report order."""

    cluster: str
    type: str
    items: list[Inconsistency]

    @property
    def strength(self) -> str:
        return "hard" if any(i.strength == "hard" for i in self.items) else "soft"

    @property
    def shown(self) -> list[Inconsistency]:
        return self.items[:GROUP_SHOWN]


@dataclass
class PageInconsistencies:
    """A large page's inconsistencies: between clusters (detailed, then one line each) and
    inside running totals (grouped)."""

    detailed: list[Inconsistency]
    lines: list[Inconsistency]
    groups: list[Group]

    @property
    def total(self) -> int:
        return len(self.detailed) + len(self.lines) + sum(len(g.items) for g in self.groups)


def for_page(incs: Sequence[Inconsistency]) -> PageInconsistencies:
    """Split `incs` (report order) as a large archive's page lists them (module docstring)."""
    between = [i for i in incs if not _inside(i)]
    groups: dict[tuple[str, str], Group] = {}
    for inc in incs:
        if _inside(inc):
            key = (inc.clusters[0], inc.type)
            if key not in groups:
                groups[key] = Group(inc.clusters[0], inc.type, [])
            groups[key].items.append(inc)
    ordered = sorted(groups.values(), key=lambda g: (g.strength != "hard", -len(g.items), g.type, g.cluster))
    return PageInconsistencies(between[:DETAILED], between[DETAILED:], ordered)


def _inside(inc: Inconsistency) -> bool:
    return inc.type in OUTLIER_LINK_TYPES and len(inc.clusters) == 1
