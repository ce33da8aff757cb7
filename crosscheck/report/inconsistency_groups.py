"""How a large archive's pages list its inconsistencies: every one, in bounded bytes.

Two sorts of inconsistency grow differently with an archive:

* between clusters (a part above its whole, a resolution number given two ways, votes above a
  body's size, ...): each pair or set of clusters in conflict gets its own entry - the
  `DETAILED` first in full (report order: hard first), every other one as one line (its id, the
  figures it cites by article, `line_figures`, its date and links to its clusters the page
  shows: about 125 bytes of HTML, at most `LINE_BYTES`; the arithmetic in words is in
  report.json and `crosscheck show ID`), under a heading per type and kinds
  (crosscheck.report.page_lines).  When the same clusters break the same constraint at
  several moments (a city's figures above its country's on many days), they are a group, like
  the next;
* inside one running total (`OUTLIER_LINK_TYPES`: a figure its growth leaves out, two figures
  of one day): these are the outliers of one conflict, and a story retold by hundreds of
  outlets can have hundreds of stale figures.  They are grouped by cluster and type, and
  each group is one line (crosscheck.report.page_lines `moment_summary`): its clusters, how
  many, the first and last dates, the latest one's figures, and every member's id.

So a page grows by a bounded number of bytes per inconsistency between other clusters, by an
id's end per further moment (tests/test_report_large.py counts them), and accounts for every
one.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Sequence

from crosscheck.models import Inconsistency

DETAILED = 100  # inconsistencies between clusters shown in full (their claims, positions)
LINE_BYTES = 500  # the budget of one inconsistency's line in the HTML (tests/test_report_large.py)
LINE_FIGURES = 3  # on a line: articles, figures of one article, and conflicts linked (then "+N")
OUTLIER_LINK_TYPES = ("falling_total", "same_day_mismatch")  # one cluster each


@dataclass
class Group:
    """The inconsistencies of one type between the same clusters (or inside one), in report order."""

    clusters: tuple[str, ...]
    type: str
    items: list[Inconsistency]

    @property
    def strength(self) -> str:
        return strongest(self.items)


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
    groups: dict[tuple, Group] = {}
    for inc in incs:
        key = (inc.type, tuple(inc.clusters))
        if key not in groups:
            groups[key] = Group(tuple(inc.clusters), inc.type, [])
        groups[key].items.append(inc)
    between = [g.items[0] for g in groups.values() if len(g.items) == 1 and not _inside(g.items[0])]
    grouped = [g for g in groups.values() if len(g.items) > 1 or _inside(g.items[0])]
    grouped.sort(key=lambda g: (g.strength != "hard", -len(g.items), g.type, g.clusters))
    return PageInconsistencies(between[:DETAILED], between[DETAILED:], grouped)


def strongest(incs: Sequence[Inconsistency]) -> str:
    """The strength of an entry citing `incs`: hard when one of them is, else the first's."""
    return "hard" if any(i.strength == "hard" for i in incs) else (incs[0].strength or "")


def _inside(inc: Inconsistency) -> bool:
    return inc.type in OUTLIER_LINK_TYPES and len(inc.clusters) == 1


def line_figures(inc: Inconsistency) -> str:
    """The figures an inconsistency cites, by article, for its one line on a large page:
    'gen-12: 15, 2, 2 · gen-40: 9', the first `LINE_FIGURES` articles and figures of each, then
    how many more (report.json and `crosscheck show ID` have them all)."""
    from crosscheck.report.cluster_view import format_value

    by_doc: dict[str, list[str]] = {}
    for c in inc.claims:
        by_doc.setdefault(c.doc, []).append(format_value(c))

    def more(n: int) -> str:
        return f" +{n - LINE_FIGURES}" if n > LINE_FIGURES else ""

    text = " · ".join(f"{d}: {', '.join(v[:LINE_FIGURES])}{more(len(v))}" for d, v in list(by_doc.items())[:LINE_FIGURES])
    return text + (f" ·{more(len(by_doc))}" if len(by_doc) > LINE_FIGURES else "")
