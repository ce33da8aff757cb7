"""Reports that fit their reader when the archive is large.

A page listing 100,000 consistent clusters is read by nobody and rendered by no browser.  When
a report has more than `LARGE_CLUSTERS` clusters or `LARGE_CLAIMS` claims (`is_large`), the
HTML and Markdown pages lead with every conflict and every cluster an inconsistency names, and
summarise the consistent and single-source clusters as counts per kind (`reader_report` gives the shown report and a
`LargeView` the renderers take).  A conflict of a large archive can hold thousands of claims,
so each is shown by its outliers and a few of its other claims (`trim`): the `DETAILED` most
severe with their sentences, the rest as one line each under a heading per kind and scope that
says once what they share (crosscheck.report.page_lines: the rest of its event, each figure
shown with its hedge and article, how many more claims, its date; its anchor; about 130 bytes
of HTML, at most `BRIEF_BYTES`; about 95 in Markdown), so the pages grow by about a hundred
bytes per conflict while the JSON stays complete.  The page renders its conflicts only, so it
links a cluster only when it renders it (no link points nowhere).  The inconsistencies of such
a page: crosscheck.report.inconsistency_groups, every one listed (those of the same clusters
at several moments one line per group, counted).  Past a byte budget the lists continue on part
pages (crosscheck.report.page_parts), so report.html stays under 10 MB whatever the archive.

The complete JSON is written as a stream (`write_json`): the same bytes as `render_json`,
each document and cluster serialised by pydantic (`model_dump_json`, compiled) one at a time,
never the whole report as one Python object tree.  `write_jsonl` writes JSON Lines: one
`{"type": "header"|"document"|"cluster"|"inconsistency", ...}` object per line.
"""

from __future__ import annotations

import html
import json
import textwrap
from collections import Counter
from dataclasses import dataclass, field
from typing import IO, Iterable, Optional

from crosscheck.models import Cluster, Report

LARGE_CLUSTERS = 2000
LARGE_CLAIMS = 5_000  # or this many claims: a few clusters, each retold by hundreds of articles
DETAILED = 100  # most severe conflicts shown with a claims table (trimmed to DETAILED_CLAIMS)
DETAILED_CLAIMS = 12
BRIEF_CLAIMS = 3  # outliers named on the one-line view of every other conflict
TABLES = 25  # most severe conflicts (and inconsistencies) the Markdown page shows as tables
BRIEF_BYTES = 400  # the budget of one conflict's line in the HTML (tests/test_report_large.py)


@dataclass
class LargeView:
    """What the pages of a large archive say about what they do not list."""

    documents: int
    claims: int
    counts: dict[str, int]  # clusters per status, in all
    left: dict[str, Counter]  # kind -> Counter(status) of the clusters not listed
    sizes: dict[str, int] = field(default_factory=dict)  # claims of each shown cluster before trimming

    @property
    def clusters(self) -> int:
        return sum(self.counts.values())

    def list_counted(self, cluster: Cluster) -> Cluster:
        """A cluster counted among those not listed that an inconsistency names after all:
        listed (trimmed, its size kept) and no longer counted."""
        return self.list_counted_trimmed(trim(cluster, 0), len(cluster.claims))

    def list_counted_trimmed(self, cluster: Cluster, size: int) -> Cluster:
        """`list_counted` of a cluster already trimmed (`trim(cluster, 0)`; `size`: its claims
        before trimming)."""
        self.sizes[cluster.id] = size
        self.left[cluster.kind][cluster.status] -= 1
        if not +self.left[cluster.kind]:
            del self.left[cluster.kind]
        return cluster


class ListedClaim:
    """A claim of a cluster a large page names but does not render (a cluster an
    inconsistency cites that is no conflict): what the pages read of such a claim - its
    article (the sources filter, the articles the page quotes), its place and dates (the
    filters of the inconsistency's entry, the place list) and its figure - without the claim's
    model (about 4 KB a claim as a pydantic model: 88.6 MB for the 13,789 such clusters of a
    generated 10k archive).  Any other attribute is an AttributeError, never a silent default."""

    __slots__ = ("doc", "kind", "value", "qualifier", "low", "high", "location", "as_of", "date", "outlier",
                 "sentence", "field", "start", "end", "surface", "position", "source_group")

    def __init__(self, claim) -> None:
        for cls in type(self).__mro__[:-1]:  # a subclass's slots too (BriefClaim)
            for name in cls.__slots__:
                setattr(self, name, getattr(claim, name))


class BriefClaim(ListedClaim):
    """A claim of a conflict past the `DETAILED` most severe (one line on a large page, or a
    Markdown table without sentences: `trim` left it no sentence and no mentions): a
    `ListedClaim` with its interval's open ends too, without the claim's model (three per such
    conflict: 5,430 such conflicts at 10k generated articles, 14 MB traced as models)."""

    __slots__ = ("low_open", "high_open")


def brief(cluster: Cluster, rank: int) -> Cluster:
    """A brief conflict (rank >= DETAILED, trimmed: no sentences, no mentions) with
    `BriefClaim`s for its claims (the store's large pages); past the Markdown's `TABLES` too,
    without its notes, which no page reads of a conflict it shows as one line (6 MB traced
    for the generated 10k archive's 5,430)."""
    cluster.claims = [BriefClaim(c) for c in cluster.claims]
    if rank >= TABLES:
        cluster.notes = []
    return cluster


def listed(cluster: Cluster) -> Cluster:
    """The cluster with `ListedClaim`s for its claims (see there; the store's large pages), and
    without its notes: a large page renders its conflicts only, so it never shows them."""
    cluster.claims = [ListedClaim(c) for c in cluster.claims]
    cluster.notes = []
    return cluster


def trim(cluster: Cluster, rank: int) -> Cluster:
    """The cluster as a large archive's page shows it: its outliers first, then others, at most
    DETAILED_CLAIMS (the DETAILED most severe) or BRIEF_CLAIMS (without sentences) claims, in
    the cluster's order."""
    keep = DETAILED_CLAIMS if rank < DETAILED else BRIEF_CLAIMS
    if len(cluster.claims) <= keep and rank < DETAILED:
        return cluster
    order = sorted(range(len(cluster.claims)), key=lambda i: (not cluster.claims[i].outlier, i))
    chosen = sorted(order[:keep])
    claims = [cluster.claims[i] for i in chosen]
    if rank >= DETAILED:
        claims = [c.model_copy(update={"sentence": "", "mentions": []}) for c in claims]
    return cluster.model_copy(update={"claims": claims})


def reader_report(report: Report) -> tuple[Report, Optional[LargeView]]:
    """(the report the pages show, None) for a small report; for a large one (its conflicts,
    trimmed, and the clusters inconsistencies name, with the view of the rest)."""
    if not is_large(len(report.clusters), sum(len(c.claims) for c in report.clusters)):
        return report, None
    named = {cid for inc in report.inconsistencies for cid in inc.clusters}
    counts = Counter(c.status for c in report.clusters)
    view = LargeView(len(report.documents), sum(len(c.claims) for c in report.clusters),
                     {s: counts.get(s, 0) for s in ("conflict", "consistent", "single")}, {})
    from crosscheck.report.cluster_view import top_conflicts

    rank = {c.id: i for i, c in enumerate(top_conflicts(report.clusters))}
    keep: list = []
    for c in report.clusters:
        if c.status == "conflict" or c.id in named:
            view.sizes[c.id] = len(c.claims)
            keep.append(trim(c, rank.get(c.id, 0)))
        else:
            view.left.setdefault(c.kind, Counter())[c.status] += 1
    return report.model_copy(update={"clusters": keep, "documents": shown_documents(report.documents, keep)}), view


def is_large(clusters: int, claims: int) -> bool:
    """Whether a report of `clusters` clusters holding `claims` claims gets a large archive's
    pages: more than `LARGE_CLUSTERS` clusters, or more than `LARGE_CLAIMS` claims (a page
    showing every claim with its sentence costs about 1.7 kB a claim: 1,000 generated articles
    telling consistent stories are 1,529 clusters but 11,982 claims, a 20.3 MB page)."""
    return clusters > LARGE_CLUSTERS or claims > LARGE_CLAIMS


def shown_documents(documents, clusters) -> list:
    """The documents the shown clusters' claims come from (a large page's sources)."""
    wanted = {c.doc for cl in clusters for c in cl.claims}
    return [d for d in documents if d.id in wanted]


def summary_markdown(view: LargeView, shown: int, t=None, kind=None) -> list[str]:
    """The Markdown page's note on a large archive and its table of the clusters not listed.
    `t(key, **values)` and `kind(kind)` give the page language's labels (rules/labels.yaml,
    already escaped for Markdown); without them, English."""
    t = t or _english
    kind = kind or str
    return [
        "> " + t("large_archive") + ": " + t("large_archive_note", documents=view.documents,
                                               clusters=view.clusters, shown=shown),
        "",
        f"| {t('kind')} | {t('consistent')} | {t('single_source')} |",
        "|---|---:|---:|",
        *[f"| {kind(k)} | {c['consistent']} | {c['single']} |" for k, c in sorted(view.left.items())],
        "",
    ]


def summary_html(view: LargeView, shown: int, t=None, kind=None) -> str:
    """The HTML page's section on a large archive: the note and the counts of the clusters not
    listed.  `t(key)` and `kind(kind)` give escaped labels in the page's language (English
    without them)."""
    t = t or (lambda key, **values: html.escape(_english(key, **values)))
    kind = kind or (lambda k: html.escape(k))
    rows = "".join(
        f"<tr><td>{kind(k)}</td><td>{c['consistent']}</td><td>{c['single']}</td></tr>"
        for k, c in sorted(view.left.items())
    )
    return (
        f'<section id="large-archive" dir="auto"><h2>{t("large_archive")}</h2>'
        f"<p>{t('large_archive_note', documents=view.documents, clusters=view.clusters, shown=shown)}</p>"
        f"<table><thead><tr><th>{t('kind')}</th><th>{t('consistent')}</th><th>{t('single_source')}</th></tr></thead>"
        f"<tbody>{rows}</tbody></table></section>"
    )


def _english(key: str, **values: object) -> str:
    from crosscheck.report.labels import load_labels

    text = load_labels().ui(key, "en")
    return text.format(**values) if values else text


def write_json(report: Report, fh: IO[str]) -> None:
    """`render_json(report)`'s bytes, streamed item by item."""
    write_json_fields(fh, [
        (name, (m.model_dump_json(indent=2) for m in value) if isinstance(value, list) else value)
        for name, value in ((n, getattr(report, n)) for n in type(report).model_fields)
    ])


def write_json_fields(fh: IO[str], fields: Iterable[tuple[str, object]]) -> None:
    """A JSON object in `render_json`'s layout, written as it is read: each field's value is a
    plain JSON value, or an iterator of list items, each already serialised with indent=2
    (`model_dump_json(indent=2)`), so a list of any length is never held in memory.  An item
    may also be an iterator of the pieces of that text (none holding a line break other than
    `\n`), so one large item is not held whole either."""
    fields = list(fields)
    fh.write("{\n")
    for n, (name, value) in enumerate(fields):
        fh.write(f"  {json.dumps(name)}: ")
        if isinstance(value, (str, int, float, bool, type(None), dict)):
            fh.write(json.dumps(value, ensure_ascii=False))
        else:
            first = True
            for text in value:  # type: ignore[union-attr]
                fh.write("[\n    " if first else ",\n    ")
                if isinstance(text, str):
                    fh.write(_indented(text))
                else:  # an item in pieces (report.cluster_text.json_item): none holds another break
                    for piece in text:
                        fh.write(piece.replace("\n", "\n    "))
                first = False
            fh.write("[]" if first else "\n  ]")
        fh.write(",\n" if n < len(fields) - 1 else "\n")
    fh.write("}\n")


_OTHER_BREAKS = ("\x85", "\u2028", "\u2029")  # line breaks to str.splitlines that JSON leaves unescaped


def _indented(text: str) -> str:
    """`textwrap.indent(text, "    ")[4:]` without splitting `text` into a list of its lines (a
    large cluster's JSON is hundreds of thousands of lines, each its own string for a while):
    JSON escapes every other line break and has no blank lines, so each newline takes the
    prefix.  A text holding a break JSON leaves as it is goes the long way."""
    if any(b in text for b in _OTHER_BREAKS):
        return textwrap.indent(text, "    ")[4:]
    return text.replace("\n", "\n    ")


def write_jsonl(report: Report, fh: IO[str]) -> None:
    """The report as JSON Lines: a header, then one object per document, cluster, inconsistency."""
    write_jsonl_items(fh, report.version, len(report.documents), len(report.clusters),
                      len(report.inconsistencies),
                      [("document", (m.model_dump_json() for m in report.documents)),
                       ("cluster", (m.model_dump_json() for m in report.clusters)),
                       ("inconsistency", (m.model_dump_json() for m in report.inconsistencies))])


def write_jsonl_items(fh: IO[str], version: int, n_documents: int, n_clusters: int, n_inconsistencies: int,
                      items: Iterable[tuple[str, Iterable[str]]]) -> None:
    """`write_jsonl` from counts and each item's compact JSON (`model_dump_json()`), streamed."""
    head = {"type": "header", "version": version, "documents": n_documents,
            "clusters": n_clusters, "inconsistencies": n_inconsistencies}
    fh.write(json.dumps(head, ensure_ascii=False) + "\n")
    for kind, texts in items:
        prefix = '{"type":"' + kind + '",'
        for text in texts:
            fh.write(prefix + text[1:] + "\n")
