"""`check --format md`: a pull-request comment body.

A heading with the verdict, one table row per finding (path:line:col, kind, what the article
says, what the record says, cause), accepted and stale baseline entries, and the summary.
Article text is escaped so that it cannot become Markdown or HTML in the comment.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from crosscheck.ci.findings import CheckResult, Finding

MAX_ROWS = 50
_MD_SPECIAL = "\\`*_{}[]<>()#+!|~"


def md_escape(text: str) -> str:
    """Text safe inside a Markdown table cell: specials backslash-escaped, newlines as spaces,
    '&' and '@' as entities (no HTML entity, no @mention), bidi and other controls visible."""
    from crosscheck.ci.findings import visible

    text = visible(" ".join(text.split()))
    out = []
    for ch in text:
        if ch in _MD_SPECIAL:
            out.append("\\" + ch)
        elif ch == "&":
            out.append("&amp;")
        elif ch == "@":
            out.append("&#64;")
        else:
            out.append(ch)
    return "".join(out)


def _row(f: "Finding") -> str:
    from crosscheck.ci.findings import describe

    where = f.path or f.document.id
    if f.position is not None:
        where += f":{f.position.line}:{f.position.col}"
    record = "; ".join(f"{c.doc}: {c.surface} ({describe(c)})" for c in f.others[:6])
    if len(f.others) > 6:
        record += f"; and {len(f.others) - 6} more"
    inc = getattr(f, "inconsistency", None)
    if inc is not None:  # figures of other clusters it cannot be true with, and the arithmetic
        record = inc.explanation
        cause = f"{inc.type.replace('_', ' ')} ({inc.strength})"
    elif f.rule_id == "bidi-spoofing":
        cause = "bidi control characters reorder the digits: " + ", ".join(f.claim.warnings)
    elif f.level == "error":
        cause = (f.cluster.cause or "disagreement").replace("_", " ")
    else:
        cause = "ambiguous scope"
    cells = [where, f.cluster.kind, f"{f.claim.surface} ({describe(f.claim)})", record, cause]
    return "| " + " | ".join(md_escape(c) for c in cells) + " |"


def render_markdown_comment(result: "CheckResult") -> str:
    lines: list[str] = []
    if result.errors:
        lines.append(f"### crosscheck: {len(result.errors)} new conflict(s) with the record")
    elif result.warnings:
        lines.append(f"### crosscheck: {len(result.warnings)} warning(s), no conflicts")
    else:
        lines.append("### crosscheck: no new conflicts with the record")
    lines.append("")
    if result.findings:
        lines.append("| where | kind | this article | the record | cause |")
        lines.append("|---|---|---|---|---|")
        lines.extend(_row(f) for f in result.findings[:MAX_ROWS])
        if len(result.findings) > MAX_ROWS:
            lines.append("")
            lines.append(f"…and {len(result.findings) - MAX_ROWS} more; run `crosscheck check` locally for the full list.")
        lines.append("")
    if result.suppressed:
        lines.append(f"{len(result.suppressed)} known discrepancy(ies) accepted in the baseline were not reported.")
        lines.append("")
    if result.stale:
        lines.append("<details><summary>Stale baseline entries (no longer match a conflict)</summary>")
        lines.append("")
        for cluster, doc, surface in result.stale:
            lines.append(f"- {md_escape(cluster)} / {md_escape(doc)} / {md_escape(surface)}")
        lines.append("")
        lines.append("</details>")
        lines.append("")
    lines.append(md_escape(result.summary()))
    return "\n".join(lines) + "\n"
