"""Reports that fit their reader when the archive is large.

A page listing 100,000 consistent clusters is read by nobody and rendered by no browser.  When
a report has more than `LARGE_CLUSTERS` clusters, the HTML and Markdown pages lead with every
conflict and every cluster an inconsistency names, and summarise the consistent and
single-source clusters as counts per kind (`reader_report`); the JSON stays complete.

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
from typing import IO, Iterable

from crosscheck.models import Report

LARGE_CLUSTERS = 2000


def reader_report(report: Report) -> tuple[Report, dict[str, Counter]]:
    """(the report the pages show, {kind: Counter(status)} of the clusters left out)."""
    if len(report.clusters) <= LARGE_CLUSTERS:
        return report, {}
    named = {cid for inc in report.inconsistencies for cid in inc.clusters}
    keep: list = []
    left: dict[str, Counter] = {}
    for c in report.clusters:
        if c.status == "conflict" or c.id in named:
            keep.append(c)
        else:
            left.setdefault(c.kind, Counter())[c.status] += 1
    return report.model_copy(update={"clusters": keep}), left


def _totals(report: Report, left: dict[str, Counter]) -> tuple[int, int]:
    return len(report.documents), len(report.clusters) + sum(sum(c.values()) for c in left.values())


def summary_markdown(shown: Report, left: dict[str, Counter]) -> str:
    docs, clusters = _totals(shown, left)
    lines = [
        "",
        f"> A large archive: {docs} documents, {clusters} clusters in all. This page lists the "
        f"{len(shown.clusters)} conflicting clusters (and those an inconsistency names); the "
        "consistent and single-source clusters are counted below. report.json has every cluster.",
        "",
        "| kind | consistent | single-source |",
        "|---|---:|---:|",
    ]
    lines += [f"| {k} | {c['consistent']} | {c['single']} |" for k, c in sorted(left.items())]
    return "\n".join(lines) + "\n"


def with_markdown_summary(page: str, shown: Report, left: dict[str, Counter]) -> str:
    """The Markdown page with the summary after its first paragraph (the counts line)."""
    head, sep, rest = page.partition("\n\n")
    first, sep2, rest2 = rest.partition("\n\n")
    return head + sep + first + "\n" + summary_markdown(shown, left) + sep2 + rest2


def with_html_summary(page: str, shown: Report, left: dict[str, Counter]) -> str:
    """The HTML page with a summary section right after its header."""
    docs, clusters = _totals(shown, left)
    rows = "".join(
        f"<tr><td>{html.escape(k)}</td><td>{c['consistent']}</td><td>{c['single']}</td></tr>"
        for k, c in sorted(left.items())
    )
    section = (
        '<section id="large-archive" dir="auto"><h2>Large archive · أرشيف كبير</h2>'
        f"<p>{docs} documents, {clusters} clusters in all. This page lists the {len(shown.clusters)} "
        "conflicting clusters (and those an inconsistency names); consistent and single-source "
        "clusters are counted here. report.json has every cluster.</p>"
        "<table><thead><tr><th>kind</th><th>consistent</th><th>single-source</th></tr></thead>"
        f"<tbody>{rows}</tbody></table></section>"
    )
    marker = "</header>"
    at = page.find(marker)
    if at < 0:
        return page.replace("<body>", "<body>" + section, 1)
    return page[: at + len(marker)] + section + page[at + len(marker):]


def _indented(model, level: int) -> str:
    return textwrap.indent(model.model_dump_json(indent=2), " " * level)[level:]


def write_json(report: Report, fh: IO[str]) -> None:
    """`render_json(report)`'s bytes, streamed item by item."""
    write_json_fields(fh, [
        (name, (m.model_dump_json(indent=2) for m in value) if isinstance(value, list) else value)
        for name, value in ((n, getattr(report, n)) for n in type(report).model_fields)
    ])


def write_json_fields(fh: IO[str], fields: Iterable[tuple[str, object]]) -> None:
    """A JSON object in `render_json`'s layout, written as it is read: each field's value is a
    plain JSON value, or an iterator of list items, each already serialised with indent=2
    (`model_dump_json(indent=2)`), so a list of any length is never held in memory."""
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
                fh.write(textwrap.indent(text, "    ")[4:])
                first = False
            fh.write("[]" if first else "\n  ]")
        fh.write(",\n" if n < len(fields) - 1 else "\n")
    fh.write("}\n")


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
