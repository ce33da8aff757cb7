"""Plain-text rendering of clusters: the `clusters` listing, the `show` view, the run summary.

Also the small formatting helpers every report writer shares (numbers, intervals, scopes,
locating the number inside its sentence), so the terminal, Markdown and HTML say the same
thing the same way.  Article text is untrusted: `neutralise_bidi` turns bidi embedding,
override and isolate controls into visible code points before anything is shown.
"""

from __future__ import annotations

import math
from collections import Counter
from typing import Callable, Iterable, Mapping, Optional, Sequence

from crosscheck.models import Claim, Cluster, ClusterClaim, Interval
from crosscheck.util import regex_cache

# Bidi embeddings/overrides (U+202A-U+202E) and isolates (U+2066-U+2069): inside untrusted
# text they could reorder what surrounds them (e.g. make "100" read as "001"), so they are
# shown as their code point instead.  Other C0/C1 controls (except tab and newline) would
# corrupt a terminal or a table, so they go the same way.
_UNSAFE_CONTROLS = regex_cache.compile(r"[\u202a-\u202e\u2066-\u2069\x00-\x08\x0b-\x1f\x7f-\x9f]")

QUALIFIER_SIGNS = {
    "exact": "",
    "approx": "≈",
    "more_than": ">",
    "at_least": "≥",
    "less_than": "<",
    "at_most": "≤",
    "range": "",
    "vague": "~",
}

STATUS_ORDER = ("conflict", "consistent", "single")

# Our own isolates around Arabic fields in `show` (added AFTER the article's own controls were
# neutralised): a bidi terminal shows the field right to left without reordering the label
# and offsets around it, as `crosscheck extract` does for its table cells.
FSI = "\u2068"  # FIRST STRONG ISOLATE
PDI = "\u2069"  # POP DIRECTIONAL ISOLATE
_RTL_LETTER = regex_cache.compile(r"[\p{Script=Arabic}\p{Script=Hebrew}]")  # text that needs isolating

# Marks around the highlighted number in plain text (the HTML uses <mark>).
HIGHLIGHT_OPEN = "⟦"
HIGHLIGHT_CLOSE = "⟧"


def neutralise_bidi(text: str) -> str:
    """Replace bidi override/isolate and control characters with a visible `<U+XXXX>`."""
    return _UNSAFE_CONTROLS.sub(lambda m: f"<U+{ord(m.group()):04X}>", text)


def isolate(text: str) -> str:
    """Neutralise `text`, then wrap it in FSI…PDI when it holds right-to-left letters."""
    safe = neutralise_bidi(text)
    return f"{FSI}{safe}{PDI}" if _RTL_LETTER.search(safe) else safe


# --------------------------------------------------------------------------- numbers


def format_number(x: object) -> str:
    """33000 -> '33,000'; 1.5 -> '1.5'; 'for' -> 'for'; None -> '?'."""
    if x is None:
        return "?"
    if isinstance(x, bool) or not isinstance(x, (int, float)):
        return str(x)
    if isinstance(x, float):
        if math.isinf(x):
            return "∞" if x > 0 else "-∞"
        if math.isnan(x):
            return "?"
        if x.is_integer():
            return f"{int(x):,}"
        return f"{x:,.6g}" if abs(x) < 1e6 else f"{x:,.1f}"
    return f"{x:,}"


def format_interval(
    low: Optional[float], high: Optional[float], low_open: bool = False, high_open: bool = False
) -> str:
    """Interval notation: '[30,000, 32,000]', '(33,000, ∞)', '30,000' for a closed point."""
    if low is not None and high is not None and low == high and not (low_open or high_open):
        return format_number(low)
    left = "(" if (low is None or low_open) else "["
    right = ")" if (high is None or high_open) else "]"
    lo = "-∞" if low is None else format_number(low)
    hi = "∞" if high is None else format_number(high)
    return f"{left}{lo}, {hi}{right}"


def claim_bounds(claim: Claim) -> str:
    """The claim's interval; '-' for a vote position (no number, no bounds)."""
    if isinstance(claim.value, str) and claim.low is None and claim.high is None:
        return "-"
    return format_interval(claim.low, claim.high, claim.low_open, claim.high_open)


def format_value(claim: Claim) -> str:
    """The value as the claim states it: '> 33,000', '≈ 30,000', '30,000–32,000', 'veto'."""
    if isinstance(claim.value, str):
        return claim.value
    if claim.qualifier == "range" and claim.low is not None and claim.high is not None:
        return f"{format_number(claim.low)}–{format_number(claim.high)}"
    sign = QUALIFIER_SIGNS.get(claim.qualifier, "")
    number = format_number(claim.value)
    return f"{sign} {number}" if sign else number


def format_consensus(consensus: Optional[Interval]) -> str:
    if consensus is None:
        return "none"
    return format_interval(consensus.low, consensus.high)


def format_severity(severity: Optional[float]) -> str:
    return "-" if severity is None else f"{severity:.0%}"


def scope_text(key: Mapping[str, Optional[str]]) -> str:
    """'group=all location=gaza period=cumulative' (unset attributes left out)."""
    parts = [f"{k}={v}" for k, v in key.items() if v is not None]
    return neutralise_bidi(" ".join(parts)) if parts else "(no scope)"


# --------------------------------------------------------------------------- sentences


def sentence_parts(claim: Claim, text: Optional[str] = None) -> tuple[str, str, str]:
    """Split the claim's sentence into (before, number, after) around the number.

    The number is `number_start:number_end` of the document (else the claim's whole
    `start:end`).  With the document `text` the sentence is located by offset, so a repeated
    number highlights the right occurrence; without it, the surface is looked up in the
    sentence.  When the number cannot be placed, returns (sentence, "", "").
    """
    hl_start, hl_end = claim.start, claim.end
    if claim.number_start is not None and claim.number_end is not None:
        if claim.start <= claim.number_start < claim.number_end <= claim.end:
            hl_start, hl_end = claim.number_start, claim.number_end
    sentence = claim.sentence
    if not sentence:
        return ("", claim.surface[hl_start - claim.start : hl_end - claim.start] or claim.surface, "")
    if text is not None and claim.field == "text":  # (a headline's offsets index the title)
        s0 = text.find(sentence, max(0, hl_end - len(sentence)))
        if 0 <= s0 <= hl_start and s0 + len(sentence) >= hl_end:
            a, b = hl_start - s0, hl_end - s0
            return (sentence[:a], sentence[a:b], sentence[b:])
    at = sentence.find(claim.surface) if claim.surface else -1
    if at >= 0:
        a, b = at + hl_start - claim.start, at + hl_end - claim.start
        return (sentence[:a], sentence[a:b], sentence[b:])
    return (sentence, "", "")


def highlighted_sentence(claim: Claim, text: Optional[str] = None) -> str:
    before, number, after = sentence_parts(claim, text)
    if not number:
        return f"{isolate(before)} (as written: {isolate(claim.surface)})"
    return isolate(f"{before}{HIGHLIGHT_OPEN}{number}{HIGHLIGHT_CLOSE}{after}")


# --------------------------------------------------------------------------- clusters


def values_by_source(cluster: Cluster) -> str:
    """'doc1: > 33,000 | doc2: ≈ 30,000*' (* = outlier), in cluster order."""
    parts = []
    for c in cluster.claims:
        mark = "*" if c.outlier else ""
        parts.append(f"{c.doc}: {format_value(c)}{mark}")
    return neutralise_bidi(" | ".join(parts))


def cluster_line(cluster: Cluster) -> str:
    """One line: id, kind, scope, values by source, status."""
    return "\t".join(
        [cluster.id, cluster.kind, scope_text(cluster.key), values_by_source(cluster), cluster.status]
    )


def render_cluster_list(clusters: Sequence[Cluster]) -> str:
    """The `clusters` listing: one tab-separated line per cluster ('' when there are none)."""
    return "".join(cluster_line(c) + "\n" for c in clusters)


def render_cluster_table(clusters: Sequence[Cluster], width: Optional[int] = None) -> str:
    """The `clusters` listing as an aligned table for a terminal (rich), as text.

    The same cells as the tab-separated listing; long values wrap inside their column.
    """
    import io

    from rich import box
    from rich.console import Console
    from rich.table import Table
    from rich.text import Text

    if not clusters:
        return "no clusters\n"
    real = Console()
    console = Console(file=io.StringIO(), width=width or real.width, color_system=real.color_system,
                      force_terminal=real.is_terminal if width is None else False)
    table = Table(box=box.SIMPLE_HEAD, header_style="bold", pad_edge=False)
    table.add_column("cluster / kind", overflow="fold", min_width=14)
    table.add_column("scope", overflow="fold", min_width=12)
    table.add_column("values by source (* = outlier)", overflow="fold", min_width=16)
    table.add_column("status", no_wrap=True, width=10)
    style = {"conflict": "bold red", "consistent": "green", "single": "dim"}
    for c in clusters:
        # The kind under the id, one scope attribute and one source per line: the table
        # stays readable in a narrow terminal.
        head = Text(c.id)
        head.append("\n" + c.kind, style="dim")
        scope = scope_text(c.key).replace(" ", "\n")
        values = values_by_source(c).replace(" | ", "\n")
        table.add_row(head, Text(scope), Text(values), Text(c.status, style=style.get(c.status, "")))
    console.print(table)
    return console.file.getvalue()


Where = Callable[[str, int, int], Optional[str]]


def _claim_block(n: int, claim: ClusterClaim, texts: Mapping[str, str], where: Optional[Where] = None) -> list[str]:
    head = f"[{n}] {claim.doc}  date {claim.date or '-'}"
    if claim.source_group and claim.source_group != claim.doc:  # a copy of another article
        head += f"  source group {claim.source_group}"
    if claim.outlier:
        head += "  OUTLIER"
    lines = [neutralise_bidi(head)]
    lines.append(
        f"    value {format_value(claim)}  qualifier {claim.qualifier}  bounds {claim_bounds(claim)}"
    )
    lines.append(f"    attribution {isolate(claim.attribution or '-')}")
    scope = {k: getattr(claim, k) for k in ("group", "location", "period", "event", "actor")}
    scope_line = f"    scope {scope_text(scope)}"
    if claim.inferred:
        scope_line += f"  (inferred from context: {', '.join(claim.inferred)})"
    lines.append(neutralise_bidi(scope_line))
    lines.append("    sentence " + highlighted_sentence(claim, texts.get(claim.doc)))
    at = where(claim.doc, claim.start, claim.end, claim.field) if where is not None else None
    place = f"at {neutralise_bidi(at)}  " if at else ""
    lines.append(f"    surface {isolate(claim.surface)}  {place}{_span(claim)}  rule {neutralise_bidi(claim.rule or '-')}")
    for m in claim.mentions[1:]:  # the same figure stated again in the document
        at = where(claim.doc, m.start, m.end, m.field) if where is not None else None
        place = f"at {neutralise_bidi(at)}  " if at else ""
        lines.append(f"    also stated {isolate(m.surface)}  {place}{_span(m)}")
    return lines


def _span(x) -> str:
    """'[start:end]' of a claim or mention in the body, 'title[start:end]' in the headline."""
    return f"{'title' if x.field == 'title' else ''}[{x.start}:{x.end}]"


def render_cluster_detail(cluster: Cluster, texts: Optional[Mapping[str, str]] = None,
                          where: Optional[Where] = None) -> str:
    """Everything about one cluster, for `crosscheck show`; `where(doc, start, end)` gives a
    claim's 'file:line:col' (or None)."""
    texts = texts or {}
    lines = [
        f"cluster {cluster.id}",
        f"kind {cluster.kind}  status {cluster.status}",
        f"scope {scope_text(cluster.key)}",
        f"consensus {format_consensus(cluster.consensus)}",
    ]
    if cluster.status == "conflict" or cluster.severity is not None:
        lines.append(f"severity {format_severity(cluster.severity)}  cause {cluster.cause or '-'}")
    if cluster.ambiguous:
        lines.append("ambiguous: some scope was inferred from context")
    lines.extend(f"note {isolate(note)}" for note in cluster.notes)
    lines.append(f"claims {len(cluster.claims)}  (number in {HIGHLIGHT_OPEN} {HIGHLIGHT_CLOSE})")
    for n, claim in enumerate(cluster.claims, 1):
        lines.extend(_claim_block(n, claim, texts, where))
    return "\n".join(lines) + "\n"


def status_counts(clusters: Iterable[Cluster]) -> dict[str, int]:
    counts = Counter(c.status for c in clusters)
    return {s: counts.get(s, 0) for s in STATUS_ORDER}


def top_conflicts(clusters: Iterable[Cluster], limit: Optional[int] = None) -> list[Cluster]:
    """Conflicts, most severe first (unknown severity last), ties by id."""
    conflicts = [c for c in clusters if c.status == "conflict"]
    conflicts.sort(key=lambda c: (c.severity is None, -(c.severity or 0.0), c.id))
    return conflicts if limit is None else conflicts[:limit]


def render_summary(n_documents: int, n_claims: int, clusters: Sequence[Cluster], top: int = 5) -> str:
    """The one-screen summary `crosscheck report` prints."""
    worst = top_conflicts(clusters)
    return render_summary_counts(n_documents, n_claims, status_counts(clusters), worst[:top], len(worst), top)


def render_summary_counts(n_documents: int, n_claims: int, counts: Mapping[str, int],
                          worst: Sequence[Cluster], n_conflicts: int, top: int = 5) -> str:
    """`render_summary` from the counts per status and the most severe conflicts (in
    `top_conflicts` order), for a record too large to hold: `n_conflicts` of them in all."""
    counts = {s: counts.get(s, 0) for s in STATUS_ORDER}
    lines = [
        f"documents {n_documents}  claims {n_claims}  clusters {sum(counts.values())} "
        f"(conflict {counts['conflict']}, consistent {counts['consistent']}, single {counts['single']})"
    ]
    if worst:
        lines.append("top conflicts:")
        for c in worst[:top]:
            lines.append(
                f"  {c.id}  {c.kind}  {scope_text(c.key)}  severity {format_severity(c.severity)}"
                f"  cause {c.cause or '-'}"
            )
            lines.append(f"    {values_by_source(c)}")
        if n_conflicts > top:
            lines.append(f"  … and {n_conflicts - top} more (see the report)")
    return "\n".join(lines) + "\n"
