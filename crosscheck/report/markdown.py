"""The Markdown report: short enough to paste into a pull-request comment.

Conflicts come first, most severe first, each with a table (source, date, value, qualifier,
bounds, outlier, the words as written); then one line per consistent cluster; single-source
clusters are only counted (they are in the JSON and HTML reports).  Article text is escaped
for Markdown and for the HTML that Markdown renderers accept, and bidi controls are made
visible.  Words follow `lang` ("ar" or "en", as `report --lang`): headings, table heads,
kinds, statuses, causes, qualifiers, scopes and the reconciler's notes come from
rules/labels.yaml, as in the HTML report; ids, values and positions stay as they are.
"""

from __future__ import annotations

import html
from typing import TYPE_CHECKING, Optional

from crosscheck.report.cluster_view import (
    claim_bounds,
    format_consensus,
    format_severity,
    format_value,
    neutralise_bidi,
    status_counts,
    top_conflicts,
)
from crosscheck.util import regex_cache
from crosscheck.report.labels import Labels, load_labels
from crosscheck.report.positions import other_mentions
from crosscheck.models import Cluster, Report, ReportDocument

if TYPE_CHECKING:
    from crosscheck.report.large import LargeView

# Characters with a meaning in (GitHub-flavoured) Markdown inline text or tables; a backslash
# makes each literal.
_MD_SPECIAL = regex_cache.compile(r"([\\`*_\[\]{}|#~!])")
_WHITESPACE_RUN = regex_cache.compile(r"\s+")  # cells and list items must stay on one line


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


class _Words:
    """The page's language: labels from rules/labels.yaml, escaped for Markdown."""

    def __init__(self, lang: str, labels: Labels) -> None:
        self.lang = lang
        self.labels = labels
        self.sep = "، " if lang == "ar" else ", "

    def t(self, key: str, **values: object) -> str:
        text = self.labels.ui(key, self.lang)
        return md_escape(text.format(**values) if values else text)

    def kind(self, kind: str) -> str:
        return md_escape(self.labels.kind(kind, self.lang))

    def status(self, status: str) -> str:
        return md_escape(self.labels.status(status, self.lang))

    def scope(self, key) -> str:
        parts = [f"{self.labels.key(k, self.lang)}: {self.labels.scope_value(k, v, self.lang)}"
                 for k, v in key.items() if v is not None]
        return md_escape(self.sep.join(parts)) if parts else "—"

    def note(self, note: str) -> str:
        return md_escape(self.labels.note(note, self.lang))


def _consensus(cluster: Cluster) -> str:
    return "—" if cluster.consensus is None else md_escape(format_consensus(cluster.consensus))


def _position(claim) -> str:
    """`file:line:col` of the claim, then the line:col of its other mentions; '-' without a file."""
    if not getattr(claim, "position", None):
        return "-"
    s = neutralise_bidi(claim.position)
    # a code span copies as written; in a table cell a pipe is escaped even inside one (GFM)
    cell = f"`{s.replace('|', chr(92) + '|')}`" if "`" not in s and "\n" not in s else md_escape(s)
    also = other_mentions(claim)
    return cell + (" (+ " + ", ".join(also) + ")" if also else "")


def _conflict(n: int, cluster: Cluster, docs: dict[str, ReportDocument], w: _Words,
              size: Optional[int] = None) -> list[str]:
    heads = ("source", "date", "value", "qualifier", "bounds", "outlier", "as_written", "position")
    cause = w.labels.cause(cluster.cause, w.lang) or "-"
    lines = [
        f"### {n}. {w.kind(cluster.kind)}: {w.scope(cluster.key)}",
        "",
        f"{_code(cluster.id)} · {w.t('severity')} {format_severity(cluster.severity)} · {w.t('cause')} "
        f"{md_escape(cause)} · {w.t('consensus')} {_consensus(cluster)}"
        + (f" · {w.t('scope_inferred')}" if cluster.ambiguous else ""),
        "",
        "| " + " | ".join(w.t(h) for h in heads) + " |",
        "|" + "---|" * len(heads),
    ]
    for c in cluster.claims:
        cells = [
            _source(c.doc, docs),
            md_escape(c.date or "-"),
            md_escape(format_value(c)),
            md_escape(w.labels.qualifier(c.qualifier, w.lang)),
            md_escape(claim_bounds(c)),
            f"**{w.t('yes')}**" if c.outlier else w.t("no"),
            md_escape(c.surface),
            _position(c),
        ]
        lines.append("| " + " | ".join(cells) + " |")
    if size is not None and size > len(cluster.claims):  # a large archive's trimmed conflict
        lines += ["", f"{len(cluster.claims)} / {size} · `crosscheck show {cluster.id}`, report.json"]
    lines.append("")
    if cluster.notes:
        lines += [f"- {w.t('note')}: {w.note(note)}" for note in cluster.notes] + [""]
    return lines


def _consistent(cluster: Cluster, w: _Words) -> str:
    values = sorted({format_value(c) for c in cluster.claims})
    sources = len({c.doc for c in cluster.claims})
    return (
        f"- {_code(cluster.id)} {w.kind(cluster.kind)} ({w.scope(cluster.key)}): "
        f"{md_escape(' / '.join(values))} · {w.t('consensus')} {_consensus(cluster)}"
        f" · {w.t('n_sources', n=sources)}"
    )


def _conflict_line(cluster: Cluster, w: _Words, size: Optional[int] = None) -> str:
    values = " / ".join(f"{c.doc}: {format_value(c)}{'*' if c.outlier else ''}" for c in cluster.claims)
    more = f" ({len(cluster.claims)} / {size})" if size is not None and size > len(cluster.claims) else ""
    return (
        f"- {_code(cluster.id)} {w.kind(cluster.kind)} ({w.scope(cluster.key)}): "
        f"{md_escape(values)}{more} · {w.t('severity')} {format_severity(cluster.severity)}"
    )


def _block(section: str, family: str, heading: str, lines: list[str]) -> "Block":
    """A heading and its lines (page_parts.Block): `#### heading (count)`, a blank line, the
    lines, a blank line."""
    from crosscheck.report.page_parts import Block

    return Block(section, family, lambda count: f"#### {heading} ({count})\n", lines, "")


def _conflict_lines(conflicts, sizes: dict[str, int], w: _Words) -> list:
    """A large archive's conflicts past the tables, every one a line under a heading per kind
    and scope (report.page_lines): its id, the rest of its event, each figure shown (article,
    value with its hedge, * for an outlier), how many more claims, its latest date."""
    from crosscheck.report.page_lines import conflict_groups, conflict_text

    blocks = []
    for g in conflict_groups(conflicts):
        strength = f" · {md_escape(w.labels.strength(g.strength, w.lang))}" if g.strength else ""
        blocks.append(_block("conflicts", "conflicts", f"{w.kind(g.kinds)} · {w.scope(g.scope)}{strength}",
                             [f"- {_code(c.id)} {md_escape(conflict_text(c, sizes.get(c.id)))}" for c in g.items]))
    return blocks


def _inconsistency(n: int, inc, docs: dict[str, ReportDocument], w: _Words) -> list[str]:
    """One inconsistency: its type and strength, the arithmetic in words, the claims cited."""
    heads = ("role", "source", "date", "value", "cluster", "as_written", "position")
    title = w.labels.inconsistency_type(inc.type, w.lang)
    lines = [
        f"### I{n}. {md_escape(title)} ({md_escape(w.labels.strength(inc.strength, w.lang))})",
        "",
        f"{_code(inc.id)} · {w.t('clusters')} {', '.join(_code(c) for c in inc.clusters)}",
        "",
        w.note(inc.explanation),
        "",
        "| " + " | ".join(w.t(h) for h in heads) + " |",
        "|" + "---|" * len(heads),
    ]
    for c in inc.claims:
        role = w.labels.rules.ui.get(f"role_{c.role}")
        cells = [md_escape(getattr(role, w.lang) if role else (c.role or "-")), _source(c.doc, docs),
                 md_escape(c.as_of or "-"), md_escape(format_value(c)), _code(c.cluster),
                 md_escape(c.surface or "-"), _position(c)]
        lines.append("| " + " | ".join(cells) + " |")
    lines.append("")
    return lines


def _large_inconsistencies(incs, docs: dict[str, ReportDocument], w: _Words, max_tables: int) -> tuple[list[str], list]:
    """A large archive's inconsistencies, every one in bounded bytes (report.inconsistency_groups):
    (the first between clusters with their claims, as lines; page_parts.Blocks of the others:
    those between clusters a line each under their type and kinds (the figures they cite, their
    date), then those inside each running total (or between the same clusters at several
    moments) one line per clusters and type, under their type and kinds (how many, their span,
    the latest one's figures by role: report.page_lines))."""
    from crosscheck.report.inconsistency_groups import for_page, line_figures
    from crosscheck.report.page_lines import between_groups, latest, moment_groups, moment_summary, summary_text

    split = for_page(incs)
    between = split.detailed + split.lines
    lines: list[str] = []
    for n, inc in enumerate(between[:max_tables], 1):
        lines += _inconsistency(n, inc, docs, w)
    blocks = []
    for g in between_groups(between[max_tables:], lambda inc: ()):  # a line each, by type and kinds
        kinds = ", ".join(w.kind(k) for k in g.kinds.split())
        blocks.append(_block("inconsistencies", "between",
                             f"{md_escape(w.labels.inconsistency_type(g.type, w.lang))} · {kinds}",
                             [f"- {_code(inc.id)} {md_escape(line_figures(inc) + _dated(latest(inc.claims)))}"
                              for inc in g.items]))
    for g in moment_groups(split.groups, lambda inc: ()):  # the same clusters at several moments: a line each
        kinds = ", ".join(w.kind(k) for k in g.kinds.split())
        summaries = [(m, moment_summary(m.items)) for m in g.items]
        blocks.append(_block("inconsistencies", "moments",
                             f"{md_escape(w.labels.inconsistency_type(g.type, w.lang))} · {kinds}",
                             [f"- {_code(s.latest.id)} {', '.join(_code(c) for c in m.clusters)} · "
                              f"{md_escape(summary_text(s))}" for m, s in summaries]))
    return lines, blocks


def _dated(date: str) -> str:
    return f" · {date}" if date else ""


class _Slot(str):
    """Where a page's lists go (a section's), in a Markdown page being assembled."""


def _intro(w: _Words):
    return lambda family: (w.t("moments_legend") + "\n") if family == "moments" else None


def _fill(lines: list, slots: dict[str, str]) -> str:
    """The page's lines joined, each slot replaced by its section's lists (a slot with none
    dropped)."""
    out = []
    for line in lines:
        if isinstance(line, _Slot):
            text = slots.get(str(line), "").removesuffix("\n")
            if text:
                out.append(text)
        else:
            out.append(line)
    return "\n".join(out)


def render_markdown(
    report: Report, title: Optional[str] = None, max_tables: Optional[int] = None, max_lines: int = 50,
    *, lang: str = "en", labels: Optional[Labels] = None, large: "Optional[LargeView]" = None,
) -> str:
    """The report as Markdown (`render_markdown_pages`' first page: a large archive's lists
    may continue on part pages, which `render_markdown_pages` gives)."""
    return render_markdown_pages(report, title, max_tables, max_lines, lang=lang, labels=labels, large=large)[0]


def render_markdown_pages(
    report: Report, title: Optional[str] = None, max_tables: Optional[int] = None, max_lines: int = 50,
    *, lang: str = "en", labels: Optional[Labels] = None, large: "Optional[LargeView]" = None,
    budget: Optional[int] = None, name: str = "report.md",
) -> list[str]:
    """The report as Markdown in `lang` ("ar" or "en").  Only the `max_tables` most severe
    conflicts get a table, then at most `max_lines` further conflicts get a line each, and at
    most `max_lines` consistent clusters are listed, so a big run still fits in a comment; the
    JSON and HTML reports have everything.  `large` (report.large.LargeView): `report` holds a
    large archive's conflicts only, trimmed to their outliers; the counts are the view's, and
    its table of the clusters not listed follows them; every conflict and inconsistency is
    listed, and when the lists would pass the byte budget (`budget`, default
    page_parts.PAGE_BUDGET) they continue on part pages (`name`-2, -3 ...: page_parts), the
    first page's and each part's bytes under the budget."""
    from crosscheck.report.page_parts import PAGE_BUDGET, pack, part_name, sections, size

    if lang not in ("ar", "en"):
        raise ValueError(f"lang must be 'ar' or 'en', not {lang!r}")
    if max_tables is None:  # report.large.TABLES (a large page's brief conflicts keep no notes past them)
        from crosscheck.report.large import TABLES as max_tables
    w = _Words(lang, labels or load_labels())
    docs = {d.id: d for d in report.documents}
    if large is None:
        counts = status_counts(report.clusters)
        n_docs, n_claims, n_clusters = len(report.documents), sum(len(c.claims) for c in report.clusters), len(report.clusters)
        sizes: dict[str, int] = {}
    else:
        counts, sizes = large.counts, large.sizes
        n_docs, n_claims, n_clusters = large.documents, large.claims, large.clusters
    page_title = md_escape(title) if title else w.t("title")
    lines: list = [
        f"# {page_title}",
        "",
        f"{n_docs} {w.t('articles')} · {n_claims} {w.t('claims')} · {n_clusters} "
        f"{w.t('clusters')}: **{counts['conflict']} {w.status('conflict')}**{w.sep}"
        f"{counts['consistent']} {w.status('consistent')}{w.sep}{counts['single']} {w.status('single')}"
        + (f" · **{len(report.inconsistencies)} {w.t('inconsistencies')}**" if report.inconsistencies else ""),
        "",
    ]
    blocks: list = []
    if large is not None:
        from crosscheck.report.large import summary_markdown

        lines += summary_markdown(large, len(report.clusters), w.t, w.kind)
        lines += [_Slot("nav")]
    lines += [f"## {w.t('conflicts')}", ""]
    conflicts = top_conflicts(report.clusters)
    if not conflicts:
        lines += [w.t("no_conflicts"), ""]
    for n, cluster in enumerate(conflicts[:max_tables], 1):
        lines += _conflict(n, cluster, docs, w, sizes.get(cluster.id))
    if len(conflicts) > max_tables:
        lines += [w.t("less_severe", n=len(conflicts) - max_tables), ""]
        rest = conflicts[max_tables:]
        if large is not None:  # a large archive's page lists every one
            blocks += _conflict_lines(rest, sizes, w)
            lines += [_Slot("conflicts")]
        else:
            lines += [_conflict_line(c, w) for c in rest[:max_lines]]
            if len(rest) > max_lines:
                lines.append("- " + w.t("and_more", n=len(rest) - max_lines))
        lines.append("")
    incs = list(report.inconsistencies or [])
    if incs:
        lines += [f"## {w.t('inconsistencies')}", "", w.t("inconsistencies_intro"), ""]
        if large is not None:
            tables, more = _large_inconsistencies(incs, docs, w, max_tables)
            lines += tables + [_Slot("inconsistencies")] + ([""] if more else [])
            blocks += more
        else:
            for n, inc in enumerate(incs[:max_tables], 1):
                lines += _inconsistency(n, inc, docs, w)
            if len(incs) > max_tables:
                lines += ["- " + w.t("and_more", n=len(incs) - max_tables), ""]
    consistent = [c for c in report.clusters if c.status == "consistent"]
    lines += [f"## {w.t('consistent_clusters')}", ""]
    if large is not None:  # counted by kind in the table above; report.json lists them
        lines += [f"{counts['consistent']} · report.json"]
    else:
        lines += [_consistent(c, w) for c in consistent[:max_lines]] or [w.t("none")]
    if len(consistent) > max_lines:
        lines.append("- " + w.t("and_more", n=len(consistent) - max_lines))
    lines.append("")
    if counts["single"]:
        lines += [w.t("singles_listed", n=counts["single"]), ""]
    if not blocks:
        return [_fill(lines, {})]

    def nav(names: list, back: bool) -> str:
        first = f"[{w.t('page_back')}]({names[0]}) · " if back else ""
        return first + w.t("page_parts") + ": " + " ".join(f"[{n}]({n})" for n in names[1:])

    def part(k: int, n: int, names: list, here) -> list:
        out: list = [f"# {page_title} · {w.t('page_part', k=k, n=n)}", "", nav(names, True), ""]
        for sid in ("conflicts", "inconsistencies"):
            if sid in here:
                out += [f"## {w.t(sid)}", "", _Slot(sid), ""]
        return out

    intro = _intro(w)
    families = {b.family for b in blocks}
    intros = sum(size(x) + 1 for x in (intro(f) for f in families) if x is not None)
    budget = budget or PAGE_BUDGET
    fixed = size(_fill(lines, {})) + intros + 4  # the slots' newlines
    n = 1
    while True:
        names = [part_name(name, k + 1) for k in range(n)]
        nav_bytes = size(nav(names, False)) + 3 if n > 1 else 0
        part_fixed = size(_fill(part(n, n, names, ("conflicts", "inconsistencies")), {})) + intros + 4
        pieces = pack(blocks, budget - fixed - nav_bytes, budget - part_fixed, sep=1)
        if len(pieces) <= n:
            break
        n = len(pieces)
    names = [part_name(name, k + 1) for k in range(len(pieces))]
    pages = [_fill(lines, {"nav": nav(names, False) + "\n\n" if len(pieces) > 1 else "",
                           **sections(blocks, pieces[0], intro, lambda f: None, "\n")})]
    for k in range(1, len(pieces)):
        slots = sections(blocks, pieces[k], intro, lambda f: None, "\n")
        pages.append(_fill(part(k + 1, len(pieces), names, slots), slots))
    return pages
