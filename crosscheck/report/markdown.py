"""The Markdown report: short enough to paste into a pull-request comment.

Conflicts come first, most severe first, each with a table (source, date, value, qualifier,
bounds, outlier, the words as written); then one line per consistent cluster; single-source
clusters are only counted (they are in the JSON and HTML reports).  Article text is escaped
for Markdown and for the HTML that Markdown renderers accept, and bidi controls are made
visible.
"""

from __future__ import annotations

import html
from typing import Optional

import regex

from crosscheck.report.cluster_view import (
    claim_bounds,
    format_consensus,
    format_severity,
    format_value,
    neutralise_bidi,
    scope_text,
    status_counts,
    top_conflicts,
)
from crosscheck.report.positions import other_mentions
from crosscheck.models import Cluster, Report, ReportDocument

# Characters with a meaning in (GitHub-flavoured) Markdown inline text or tables; a backslash
# makes each literal.
_MD_SPECIAL = regex.compile(r"([\\`*_\[\]{}|#~!])")
_WHITESPACE_RUN = regex.compile(r"\s+")  # cells and list items must stay on one line


def md_escape(text: object) -> str:
    s = neutralise_bidi(str(text))
    s = _WHITESPACE_RUN.sub(" ", s).strip()
    s = html.escape(s, quote=False)
    return _MD_SPECIAL.sub(r"\\\1", s)


def _code(text: str) -> str:
    """An inline code span (ids); falls back to escaped text if it holds a backtick."""
    s = neutralise_bidi(text)
    return f"`{s}`" if "`" not in s and "\n" not in s else md_escape(s)


def _source(doc_id: str, docs: dict[str, ReportDocument]) -> str:
    doc = docs.get(doc_id)
    label = md_escape(doc_id)
    if doc is not None and doc.source:
        label += f" ({md_escape(doc.source)})"
    return label


def _position(claim) -> str:
    """`file:line:col` of the claim, then the line:col of its other mentions; '-' without a file."""
    if not getattr(claim, "position", None):
        return "-"
    s = neutralise_bidi(claim.position)
    # a code span copies as written; in a table cell a pipe is escaped even inside one (GFM)
    cell = f"`{s.replace('|', chr(92) + '|')}`" if "`" not in s and "\n" not in s else md_escape(s)
    also = other_mentions(claim)
    return cell + (" (also " + ", ".join(also) + ")" if also else "")


def _conflict(n: int, cluster: Cluster, docs: dict[str, ReportDocument]) -> list[str]:
    lines = [
        f"### {n}. {md_escape(cluster.kind)}: {md_escape(scope_text(cluster.key))}",
        "",
        f"{_code(cluster.id)} · severity {format_severity(cluster.severity)} · cause "
        f"{md_escape(cluster.cause or '-')} · consensus {md_escape(format_consensus(cluster.consensus))}"
        + (" · scope partly inferred" if cluster.ambiguous else ""),
        "",
        "| source | date | value | qualifier | bounds | outlier | as written | file:line:col |",
        "|---|---|---|---|---|---|---|---|",
    ]
    for c in cluster.claims:
        cells = [
            _source(c.doc, docs),
            md_escape(c.date or "-"),
            md_escape(format_value(c)),
            md_escape(c.qualifier),
            md_escape(claim_bounds(c)),
            "**yes**" if c.outlier else "no",
            md_escape(c.surface),
            _position(c),
        ]
        lines.append("| " + " | ".join(cells) + " |")
    lines.append("")
    if cluster.notes:
        lines += [f"- note: {md_escape(note)}" for note in cluster.notes] + [""]
    return lines


def _consistent(cluster: Cluster) -> str:
    values = sorted({format_value(c) for c in cluster.claims})
    sources = len({c.doc for c in cluster.claims})
    return (
        f"- {_code(cluster.id)} {md_escape(cluster.kind)} ({md_escape(scope_text(cluster.key))}): "
        f"{md_escape(' / '.join(values))} · consensus {md_escape(format_consensus(cluster.consensus))}"
        f" · {sources} source{'s' if sources != 1 else ''}"
    )


def _conflict_line(cluster: Cluster) -> str:
    values = " / ".join(f"{c.doc}: {format_value(c)}{'*' if c.outlier else ''}" for c in cluster.claims)
    return (
        f"- {_code(cluster.id)} {md_escape(cluster.kind)} ({md_escape(scope_text(cluster.key))}): "
        f"{md_escape(values)} · severity {format_severity(cluster.severity)}"
    )


_INCONSISTENCY_TITLES = {
    "part_exceeds_whole": "a part exceeds its whole",
    "parts_exceed_whole": "parts add up to more than their whole",
    "combination_mismatch": "a combined figure does not match its parts",
}


def _inconsistency(n: int, inc, docs: dict[str, ReportDocument]) -> list[str]:
    """One inconsistency: its type and strength, the arithmetic in words, the claims cited."""
    title = _INCONSISTENCY_TITLES.get(inc.type, inc.type)
    lines = [
        f"### I{n}. {md_escape(title)} ({md_escape(inc.strength)})",
        "",
        f"{_code(inc.id)} · clusters {', '.join(_code(c) for c in inc.clusters)}",
        "",
        md_escape(inc.explanation),
        "",
        "| role | source | date | value | cluster | as written |",
        "|---|---|---|---|---|---|",
    ]
    for c in inc.claims:
        cells = [md_escape(c.role or "-"), _source(c.doc, docs), md_escape(c.as_of or "-"),
                 md_escape(format_value(c)), _code(c.cluster), md_escape(c.surface or "-")]
        lines.append("| " + " | ".join(cells) + " |")
    lines.append("")
    return lines


def render_markdown(
    report: Report, title: Optional[str] = None, max_tables: int = 25, max_lines: int = 50
) -> str:
    """The report as Markdown.  Only the `max_tables` most severe conflicts get a table, then
    at most `max_lines` further conflicts get a line each, and at most `max_lines` consistent
    clusters are listed, so a big run still fits in a comment; the JSON and HTML reports have
    everything."""
    docs = {d.id: d for d in report.documents}
    counts = status_counts(report.clusters)
    n_claims = sum(len(c.claims) for c in report.clusters)
    lines = [
        f"# {md_escape(title or 'crosscheck report')}",
        "",
        f"{len(report.documents)} documents · {n_claims} claims · {len(report.clusters)} clusters: "
        f"**{counts['conflict']} conflict{'s' if counts['conflict'] != 1 else ''}**, "
        f"{counts['consistent']} consistent, {counts['single']} single-source"
        + (f" · **{len(report.inconsistencies)} inconsistenc{'ies' if len(report.inconsistencies) != 1 else 'y'}"
           " between clusters**" if report.inconsistencies else ""),
        "",
        "## Conflicts",
        "",
    ]
    conflicts = top_conflicts(report.clusters)
    if not conflicts:
        lines += ["No conflicting figures found.", ""]
    for n, cluster in enumerate(conflicts[:max_tables], 1):
        lines += _conflict(n, cluster, docs)
    if len(conflicts) > max_tables:
        lines += [f"Less severe conflicts ({len(conflicts) - max_tables}; * = outlier):", ""]
        rest = conflicts[max_tables:]
        lines += [_conflict_line(c) for c in rest[:max_lines]]
        if len(rest) > max_lines:
            lines.append(f"- … and {len(rest) - max_lines} more in the JSON and HTML reports")
        lines.append("")
    incs = list(report.inconsistencies or [])
    if incs:
        lines += ["## Inconsistencies between clusters", "",
                  "Figures in different clusters that cannot all be true (parts and wholes, "
                  "combined totals), hard ones first.", ""]
        for n, inc in enumerate(incs[:max_tables], 1):
            lines += _inconsistency(n, inc, docs)
        if len(incs) > max_tables:
            lines += [f"- … and {len(incs) - max_tables} more in the JSON and HTML reports", ""]
    consistent = [c for c in report.clusters if c.status == "consistent"]
    lines += ["## Consistent", ""]
    lines += [_consistent(c) for c in consistent[:max_lines]] or ["None."]
    if len(consistent) > max_lines:
        lines.append(f"- … and {len(consistent) - max_lines} more in the JSON and HTML reports")
    lines.append("")
    if counts["single"]:
        lines += [
            f"{counts['single']} single-source cluster{'s are' if counts['single'] != 1 else ' is'}"
            " listed in the JSON and HTML reports.",
            "",
        ]
    return "\n".join(lines)
