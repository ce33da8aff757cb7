"""`file:line:col` of every claim and mention of a report, as `check`, `extract` and `show` print.

`locate_report(report, documents)` fills `position` on each cluster claim, each of its
mentions and each claim an inconsistency cites, in place.  Work is linear: the wanted spans are
gathered per document first, then each file is read and its line starts are computed ONCE
(crosscheck.text.textpos.Locator), and every span is a binary search in them.  Files are
visited one path at a time and forgotten after, so memory is bounded by the largest file, not
by the corpus.  A document without a file (standard input, a stored article whose file is gone
or changed) keeps `position` null.
"""

from __future__ import annotations

from collections import defaultdict
from typing import Iterable, Optional, Protocol

from crosscheck.models import Cluster, Document, Inconsistency, Report
from crosscheck.text.textpos import Locator


class _Span(Protocol):
    start: int
    end: int
    position: Optional[str]


def _spans(clusters: Iterable[Cluster], inconsistencies: Iterable[Inconsistency]) -> dict[str, list[_Span]]:
    """Document id -> every claim and mention that needs a position in that document."""
    wanted: dict[str, list[_Span]] = defaultdict(list)
    for cluster in clusters:
        for claim in cluster.claims:
            wanted[claim.doc].append(claim)
            wanted[claim.doc].extend(claim.mentions)
    for inc in inconsistencies:
        for claim in inc.claims:
            wanted[claim.doc].append(claim)
    return wanted


def locate_clusters(
    clusters: Iterable[Cluster], documents: Iterable[Document], inconsistencies: Iterable[Inconsistency] = ()
) -> None:
    """Set `position` ('path:line:col' or None) on the claims and mentions of `clusters` and
    on the claims `inconsistencies` cite, in place."""
    wanted = _spans(clusters, inconsistencies)
    by_path: dict[str, list[Document]] = defaultdict(list)
    for doc in documents:
        if doc.id in wanted:
            by_path[doc.path or "-"].append(doc)
    for docs in by_path.values():
        locator = Locator(docs)  # one file, read once; dropped before the next
        for doc in docs:
            for span in wanted.pop(doc.id, ()):
                span.position = locator.where(doc.id, span.start, span.end, getattr(span, "field", "text"))
    for spans in wanted.values():  # claims of documents not given: no file to point into
        for span in spans:
            span.position = None


def locate_report(report: Report, documents: Iterable[Document]) -> Report:
    """`locate_clusters` on a whole report; returns the same report."""
    locate_clusters(report.clusters, documents, report.inconsistencies)
    return report


def other_mentions(claim) -> list[str]:
    """'line:col' of each further place the claim's document states the same figure (the
    mentions after the first, which is the claim itself); the file is the claim's own."""
    out = []
    for m in getattr(claim, "mentions", ())[1:]:
        pos = getattr(m, "position", None)
        if pos:
            out.append(":".join(pos.rsplit(":", 2)[1:]))
    return out
