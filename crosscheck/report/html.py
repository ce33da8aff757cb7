"""The HTML report: one self-contained page, Arabic and right-to-left by default.

    render_html(report, texts, lang="ar")     # or lang="en": the same page, left to right

No network: no external CSS, JS, fonts or images, and a Content-Security-Policy that allows
only the page's own inline script, by its sha256 hash (computed here, at render time).  The
page works without that script: every cluster is in the HTML, in order — conflicts and
inconsistencies first, in full; consistent and single-source clusters folded in <details>.
The script (crosscheck.report.script) adds filters (kind, status, strength, place, source),
sorting (severity, date, size), Arabic-folding search and paging.  A large archive's page lists
its conflicts and inconsistencies a line each past the most severe, and continues its lists on
part pages past a byte budget (`render_html_pages`; crosscheck.report.page_parts).

Article text is untrusted: every string goes through `esc` (bidi controls made visible, then
`html.escape` with quotes), in element text, attributes and SVG alike.  Numbers, ids and
intervals sit in `<bdi dir="ltr">` so they keep their order inside Arabic sentences; the
number a claim rests on is `<mark>`ed in its sentence.  Labels come from rules/labels.yaml.
"""

from __future__ import annotations

import re
from typing import Iterable, Mapping, Optional, Sequence
from urllib.parse import urlsplit

from crosscheck.models import Cluster, Report, ReportDocument
from crosscheck.report.cluster_view import (
    claim_bounds,
    format_consensus,
    format_number,
    format_severity,
    format_value,
    sentence_parts,
    status_counts,
    top_conflicts,
)
from crosscheck.report.inconsistency_groups import LINE_FIGURES, PageInconsistencies, for_page, line_figures, strongest
from crosscheck.report.labels import Labels, load_labels
from crosscheck.report import page_parts
from crosscheck.report.page_parts import LINK_SLACK, Block, link_pages, pack, part_name, sections, size
from crosscheck.report.page_lines import (
    LineGroup,
    between_groups,
    cluster_places,
    conflict_groups,
    conflict_text,
    compact_ids,
    group_places,
    latest,
    moment_groups,
    moment_summary,
    summary_text,
)
from crosscheck.report.positions import other_mentions
from crosscheck.report.script import csp_hash, report_script
from crosscheck.report.svg import esc, interval_chart, timeline_chart

PAGE_SIZE = 50  # clusters per section shown at once by the script ("show more" for the rest)
OPEN_CONFLICTS = 30  # conflicts shown unfolded without the script; the rest are folded
SCOPE_KEYS = ("group", "location", "period", "event", "actor")

CSS = """
:root { --ink:#1d1d1f; --muted:#5f6368; --line:#d9dce1; --bad:#c0392b; --soft:#d68910; --good:#2e8b57; }
* { box-sizing: border-box; }
html, body { overflow-wrap: break-word; }
body { font-family: "Noto Naskh Arabic", "Noto Sans Arabic", "Segoe UI", Tahoma, "DejaVu Sans", sans-serif;
       color: var(--ink); margin: 0 auto; max-width: 1100px; padding: 1rem 1rem 3rem; line-height: 1.7; }
h1 { font-size: 1.5rem; margin: 0 0 .3rem; }
h2 { font-size: 1.25rem; border-bottom: 2px solid var(--line); padding-bottom: .2rem; margin-top: 2rem; }
h3 { font-size: 1.05rem; margin: 0 0 .4rem; }
bdi.num, bdi.id, code { unicode-bidi: isolate; direction: ltr; font-family: "DejaVu Sans Mono", monospace; font-size: .9em; }
bdi.num { white-space: nowrap; }
bdi.id { overflow-wrap: anywhere; }
bdi.pos { color: var(--muted); font-size: .8em; }
.summary { color: var(--muted); }
.summary strong { color: var(--bad); }
form.controls { display: flex; flex-wrap: wrap; gap: .5rem .8rem; align-items: end; background: #f6f7f9;
                border: 1px solid var(--line); border-radius: 6px; padding: .6rem .8rem; margin: .8rem 0; }
form.controls label { display: flex; flex-direction: column; font-size: .85rem; color: var(--muted); min-width: 8rem; flex: 1 1 8rem; }
form.controls label.q { flex: 3 1 14rem; }
form.controls select, form.controls input, form.controls button { font: inherit; font-size: .95rem; padding: .25rem .4rem; max-width: 100%; }
form.controls .shown { font-size: .9rem; color: var(--muted); }
[hidden] { display: none !important; }
article.cluster { border: 1px solid var(--line); border-inline-start: 5px solid var(--bad); border-radius: 6px;
                  padding: .7rem .9rem; margin: 1rem 0; }
article.cluster[data-strength="soft"] { border-inline-start-color: var(--soft); }
article.inconsistency { border-inline-start-color: #7d3c98; }
details.fold > summary { cursor: pointer; font-weight: 600; }
dl.meta { display: flex; flex-wrap: wrap; gap: .1rem 1.2rem; margin: .2rem 0 .6rem; }
dl.meta div { display: flex; gap: .4rem; flex-wrap: wrap; }
dl.meta dt { color: var(--muted); }
dl.meta dd { margin: 0; }
.badge { display: inline-block; border-radius: 3px; padding: 0 .4em; font-size: .85rem; color: #fff; background: var(--bad); }
.badge.soft { background: var(--soft); }
figure.chart { margin: .4rem 0 .8rem; }
figure.chart svg { display: block; width: 100%; max-width: 520px; height: auto; background: #fafbfc; border: 1px solid var(--line); border-radius: 4px; }
figcaption { color: var(--muted); font-size: .85rem; }
.charts { display: flex; flex-wrap: wrap; gap: 0 1.2rem; }
.charts figure { flex: 1 1 300px; min-width: 0; }
table { border-collapse: collapse; width: 100%; font-size: .95rem; }
th, td { border-bottom: 1px solid var(--line); padding: .3rem .5rem; text-align: start; vertical-align: top; }
th { background: #f3f4f6; font-weight: 600; white-space: nowrap; }
tr.outlier td { background: #fdf0ee; }
.flag { color: var(--bad); font-weight: 700; }
td.sentence { min-width: 16rem; overflow-wrap: anywhere; }
td.src, td.attr { max-width: 14rem; overflow-wrap: anywhere; }
td.src { min-width: 10rem; }  /* room for an id: never broken every few characters */
mark { background: #ffe58a; padding: 0 .15em; border-radius: 2px; }
.ctx { color: var(--muted); font-size: .88rem; }
ol.compact { list-style: none; padding: 0; margin: .4rem 0; }
ol.compact > li { border-bottom: 1px solid var(--line); padding: .35rem 0; display: flex; flex-wrap: wrap; gap: .2rem 1rem; }
ol.compact details.claims { flex: 1 1 100%; min-width: 0; }
ol.compact .values { display: flex; flex-wrap: wrap; gap: .1rem .9rem; }
ol.lines > li { display: block; padding: .15rem 0; }
ol.lines bdi { direction: ltr; font-family: "DejaVu Sans Mono", monospace; font-size: .9em; }
ol[data-lines] > li { direction: ltr; unicode-bidi: isolate; text-align: start; font-family: "DejaVu Sans Mono", monospace; font-size: .88em; }
html[dir="rtl"] ol[data-lines] > li { text-align: right; }
h3.group { font-size: .98rem; margin: .9rem 0 .1rem; }
.pair { white-space: nowrap; }
.pair .id { color: var(--muted); }
.more { margin: .4rem 0; }
@media (max-width: 700px) {
  body { padding: .6rem .6rem 2rem; }
  table.claims, table.claims tbody, table.claims tr, table.claims td { display: block; width: 100%; }
  table.claims thead { display: none; }
  table.claims tr { border: 1px solid var(--line); border-radius: 4px; margin: .5rem 0; }
  table.claims td { border: 0; padding: .15rem .5rem; }
  table.claims td::before { content: attr(data-label) ": "; color: var(--muted); }
  td.sentence { min-width: 0; }
  td.src, td.attr { max-width: none; min-width: 0; }
  table.documents td:nth-child(4), table.documents th:nth-child(4) { display: none; }
  table.documents { font-size: .85rem; }
}
"""


class _Page:
    """Everything one rendering needs: language, labels, documents, texts."""

    def __init__(self, report: Report, texts: Mapping[str, str], lang: str, labels: Labels) -> None:
        self.lang = lang
        self.labels = labels
        self.docs = {d.id: d for d in report.documents}
        self.texts = texts
        sources = sorted({d.source for d in report.documents if d.source})
        self.source_index = {s: i for i, s in enumerate(sources)}
        self.anchored: set[str] = {c.id for c in report.clusters}  # clusters the page renders

    def t(self, key: str) -> str:
        return esc(self.labels.ui(key, self.lang))

    # ------------------------------------------------------------------ small pieces

    @staticmethod
    def num(text: object) -> str:
        return f'<bdi class="num" dir="ltr">{esc(text)}</bdi>'

    @staticmethod
    def ident(text: object) -> str:
        return f'<bdi class="id" dir="ltr">{esc(text)}</bdi>'

    def kind(self, kind: str) -> str:
        return f"<bdi>{esc(self.labels.kind(kind, self.lang))}</bdi>"

    def scope_value(self, key: str, value: str) -> str:
        shown = self.labels.scope_value(key, value, self.lang)
        return f'<bdi title="{esc(value)}">{esc(shown)}</bdi>'

    def scope(self, key: Mapping[str, Optional[str]]) -> str:
        parts = [
            f"{esc(self.labels.key(k, self.lang))}: {self.scope_value(k, v)}" for k, v in key.items() if v is not None
        ]
        return ("، " if self.lang == "ar" else ", ").join(parts) if parts else "—"

    def note(self, note: str) -> str:
        pieces = self.labels.note_parts(note, self.lang)
        if pieces is None:  # no pattern knows it: as written, marked as English
            return f'<p class="ctx"><bdi lang="en" dir="ltr">{esc(note)}</bdi></p>'
        body = "".join(_verbatim(text) if verbatim else esc(text) for text, verbatim in pieces)
        return f'<p class="ctx"><bdi>{body}</bdi></p>'

    def value(self, claim) -> str:
        if isinstance(claim.value, str) and claim.low is None and claim.high is None:
            return f'<bdi title="{esc(claim.value)}">{esc(self.labels.position(claim.value, self.lang))}</bdi>'
        return self.num(format_value(claim))

    def sentence(self, claim) -> str:
        before, number, after = sentence_parts(claim, self.texts.get(claim.doc))
        if not number:
            return f'<bdi>{esc(before)}</bdi> <span class="ctx">({self.num(claim.surface)})</span>'
        return f"<bdi>{esc(before)}<mark>{esc(number)}</mark>{esc(after)}</bdi>"

    def source(self, doc_id: str) -> str:
        doc = self.docs.get(doc_id)
        cell = self.ident(doc_id)
        if doc is not None and doc.source:
            cell += f"<br><bdi>{esc(doc.source)}</bdi>"
        return cell

    def position(self, claim) -> str:
        """The claim's `file:line:col` under its source (and line:col of its other mentions)."""
        pos = getattr(claim, "position", None)
        if not pos:
            return ""
        also = other_mentions(claim)
        more = f' <span class="ctx">+ {", ".join(self.num(a) for a in also)}</span>' if also else ""
        return f'<br><bdi class="id pos" dir="ltr" title="{self.t("position")}">{esc(pos)}</bdi>{more}'

    # ------------------------------------------------------------------ data for the script

    def item_attrs(self, cluster: Cluster, order: int, size: Optional[int] = None) -> str:
        places = {cluster.key.get("location")} | {c.location for c in cluster.claims}
        sources = {self.docs[c.doc].source for c in cluster.claims if c.doc in self.docs and self.docs[c.doc].source}
        dates = [d for d in (_claim_date(c) for c in cluster.claims) if d]
        attrs = {
            "data-item": "",
            "data-order": str(order),
            "data-kind": cluster.kind,
            "data-status": cluster.status,
            "data-strength": getattr(cluster, "strength", None) or "",
            "data-place": " ".join(sorted(p for p in places if p)),
            "data-source": " ".join(str(self.source_index[s]) for s in sorted(sources)),
            "data-severity": "" if cluster.severity is None else f"{cluster.severity:.4f}",
            "data-date": max(dates) if dates else "",
            "data-size": str(len(cluster.claims) if size is None else size),
        }
        return " ".join(f'{k}="{esc(v)}"' if v or k == "data-item" else f'{k}=""' for k, v in attrs.items())

    # ------------------------------------------------------------------ blocks

    def meta(self, cluster: Cluster) -> str:
        items = [(self.t("scope"), self.scope(cluster.key)), (self.t("consensus"), self.consensus(cluster))]
        if cluster.status == "conflict":
            strength = getattr(cluster, "strength", None)
            if strength:
                cls = "badge soft" if strength == "soft" else "badge"
                items.append((self.t("strength"), f'<span class="{cls}">{esc(self.labels.strength(strength, self.lang))}</span>'))
            items.append((self.t("severity"), self.num(format_severity(cluster.severity))))
            cause = cluster.cause or ""
            items.append((self.t("cause"), f'<bdi title="{esc(cause)}">{esc(self.labels.cause(cause, self.lang) or "—")}</bdi>'))
        if cluster.ambiguous:
            items.append((self.t("note"), self.t("inferred_note")))
        body = "".join(f"<div><dt>{k}</dt><dd>{v}</dd></div>" for k, v in items)
        return f'<dl class="meta">{body}</dl>'

    def consensus(self, cluster: Cluster) -> str:
        return "—" if cluster.consensus is None else self.num(format_consensus(cluster.consensus))

    def claims_table(self, cluster: Cluster) -> str:
        heads = ("source", "date", "attribution", "value", "qualifier", "bounds", "outlier", "sentence")
        labels = {h: self.t(h) for h in heads}
        head = "".join(f"<th>{labels[h]}</th>" for h in heads)
        rows = []
        for c in cluster.claims:
            cls = ' class="outlier"' if c.outlier else ""
            outlier = f'<span class="flag">{self.t("yes")}</span>' if c.outlier else self.t("no")
            cells = {
                "source": (self.source(c.doc) + self.position(c), ' class="src"'),
                "date": (self.num(_claim_date(c) or "—"), ""),
                "attribution": (f"<bdi>{esc(c.attribution or '—')}</bdi>", ' class="attr"'),
                "value": (self.value(c), ""),
                "qualifier": (esc(self.labels.qualifier(c.qualifier, self.lang)), ""),
                "bounds": (self.num(claim_bounds(c)), ""),
                "outlier": (outlier, ""),
                "sentence": (self.sentence(c), ' class="sentence"'),
            }
            tds = "".join(f'<td{cells[h][1]} data-label="{labels[h]}">{cells[h][0]}</td>' for h in heads)
            rows.append(f"<tr{cls}>{tds}</tr>")
        return f'<table class="claims"><thead><tr>{head}</tr></thead><tbody>{"".join(rows)}</tbody></table>'

    def charts(self, cluster: Cluster) -> str:
        figures = []
        chart = interval_chart(cluster)
        if chart:
            figures.append(f'<figure class="chart">{chart}<figcaption>{self.t("chart_legend")}</figcaption></figure>')
        timeline = timeline_chart(cluster)
        if timeline:
            figures.append(
                f'<figure class="chart timeline">{timeline}<figcaption><strong>{self.t("timeline")}</strong>: '
                f'{self.t("timeline_legend")}</figcaption></figure>'
            )
        return f'<div class="charts">{"".join(figures)}</div>' if figures else ""

    def heading(self, cluster: Cluster) -> str:
        return f"{self.kind(cluster.kind)} · {self.ident(cluster.id)}"

    def conflict(self, cluster: Cluster, order: int, open_: bool, size: Optional[int] = None) -> str:
        notes = "".join(self.note(n) for n in cluster.notes)
        body = f"{self.meta(cluster)}{self.charts(cluster)}{self.claims_table(cluster)}{self.shown_of(cluster, size)}{notes}"
        values = self.values(cluster)
        if open_:
            inner = f"<h3>{self.heading(cluster)}</h3>{body}"
        else:
            inner = (
                f'<details class="fold"><summary>{self.heading(cluster)} · {self.num(format_severity(cluster.severity))}'
                f" — {values}</summary>{body}</details>"
            )
        return (
            f'<article class="cluster conflict" id="{esc("cluster-" + cluster.id)}" {self.item_attrs(cluster, order, size)}>'
            f"{inner}</article>"
        )

    def shown_of(self, cluster: Cluster, size: Optional[int]) -> str:
        """'12 of 3,400 claims shown' under a large archive's trimmed conflict."""
        if size is None or size <= len(cluster.claims):
            return ""
        return (f'<p class="ctx">{self.num(len(cluster.claims))} / {self.num(size)} · '
                f'<bdi dir="ltr" lang="en">outliers first; report.json and crosscheck show {esc(cluster.id)} list every claim</bdi></p>')

    # ------------------------------------------------------------------ a large page's lines

    def sources_attr(self, claims) -> str:
        """` data-source="…"` of a line: the sources of the articles its `claims` come from."""
        sources = {self.docs[c.doc].source for c in claims if c.doc in self.docs and self.docs[c.doc].source}
        return f' data-source="{esc(" ".join(str(self.source_index[s]) for s in sorted(sources)))}"' if sources else ""

    def line_block(self, group: LineGroup, status: str, list_id: str, heading: str, lines: Iterable[str],
                   section: str, family: str) -> Block:
        """A heading and its list of one-line entries (page_lines): the filter attributes the
        lines share on the list, which the script reads for each line (report.script); a
        page_parts.Block, so a long list may continue on a part page."""
        attrs = {"data-status": status, "data-kind": group.kinds, "data-strength": group.strength,
                 "data-place": " ".join(group.places)}
        shared = "".join(f' {k}="{esc(v)}"' for k, v in attrs.items() if v)
        opening = f'<ol class="compact lines" id="{esc(list_id)}" data-list data-lines{shared}>'
        return Block(section, family,
                     lambda count: f'<h3 class="group">{heading} <span class="ctx">{self.num(count)}</span></h3>{opening}',
                     list(lines), "</ol>")

    def conflict_line(self, cluster: Cluster, size: Optional[int], group: LineGroup) -> str:
        """A conflict past the most severe: the rest of its event, each figure shown (article,
        value with its hedge, * for an outlier: report.large.trim), how many more claims, its
        latest date; its anchor is its cluster's."""
        text = conflict_text(cluster, size)
        places = "" if group.shared_places else " ".join(cluster_places(cluster))
        place = f' data-place="{esc(places)}"' if places else ""
        return f'<li id="{esc("cluster-" + cluster.id)}"{place}{self.sources_attr(cluster.claims)}>{esc(text)}</li>'

    def conflict_lines(self, conflicts: Sequence[Cluster], sizes: Mapping[str, int]) -> list[Block]:
        """The conflicts past the most severe, under a heading per kind and scope (page_lines)."""
        out = []
        for n, g in enumerate(conflict_groups(conflicts)):
            dates = sorted(d for d in (latest(c.claims) for c in g.items) if d)
            span = f" · {self.num(dates[0] if dates[0] == dates[-1] else dates[0] + ' – ' + dates[-1])}" if dates else ""
            strength = f" · {esc(self.labels.strength(g.strength, self.lang))}" if g.strength else ""
            heading = f"{self.kind(g.kinds)} · {self.scope(g.scope)}{strength}{span}"
            out.append(self.line_block(g, "conflict", f"lc-{n}", heading,
                                       (self.conflict_line(c, sizes.get(c.id), g) for c in g.items),
                                       "conflicts", "list-conflicts-more"))
        return out

    def links(self, ids: Iterable[str]) -> str:
        """Links to those of `ids` the page renders, each named by the end of its id."""
        return "".join(f' <a href="#{esc("cluster-" + c)}">#{esc(c.rsplit("-", 1)[-1])}</a>'
                       for c in ids if c in self.anchored)

    def between_line(self, inc, group: LineGroup, clusters: Mapping[str, Cluster]) -> str:
        """An inconsistency between clusters past the detailed ones: the figures it cites by
        article (`line_figures`), its latest date, links to its clusters the page renders."""
        places = "" if group.shared_places else " ".join(sorted({p for p in _inc_places(inc, clusters) if p}))
        date = latest(inc.claims)
        return (f'<li id="{esc("inconsistency-" + inc.id)}"{f" data-place={chr(34)}{esc(places)}{chr(34)}" if places else ""}'
                f'{self.sources_attr(inc.claims)}>{esc(line_figures(inc))}{esc(" · " + date) if date else ""}'
                f'{self.links(list(dict.fromkeys(inc.clusters))[:LINE_FIGURES])}</li>')

    def moment_line(self, group, line_group: LineGroup, clusters: Mapping[str, Cluster]) -> str:
        """The inconsistencies of one type between the same clusters at several moments (or
        inside one running total), as ONE line: its clusters (linked when shown), how many
        moments, the first and last dates, then the latest moment's figures (role, article,
        value: page_lines.summary_text).  The line's anchor is its latest moment's; every
        member's id is on it (`data-id-prefix`, `data-ids`: page_lines.compact_ids), so the
        page's script leads `#inconsistency-ID` of any member to it (report.script)."""
        summary = moment_summary(group.items)
        prefix, suffixes = compact_ids([i.id for i in group.items])
        places = "" if line_group.shared_places else " ".join(
            group_places(group, lambda inc: _inc_places(inc, clusters)))
        claims = [c for i in group.items for c in i.claims]
        names = " ".join(f'<a href="#{esc("cluster-" + c)}">{esc(c)}</a>' if c in self.anchored else esc(c)
                         for c in group.clusters)
        return (f'<li id="{esc("inconsistency-" + summary.latest.id)}"'
                f'{f" data-place={chr(34)}{esc(places)}{chr(34)}" if places else ""}{self.sources_attr(claims)}'
                f'{f" data-date={chr(34)}{esc(summary.last)}{chr(34)}" if summary.last else ""}'
                f'{f" data-id-prefix={chr(34)}{esc(prefix)}{chr(34)}" if prefix else ""}'
                f' data-ids="{esc(" ".join(suffixes))}">{names} · {esc(summary_text(summary))}</li>')

    def inconsistency_lines(self, split, clusters: Mapping[str, Cluster]) -> list[Block]:
        """A large page's inconsistencies past the detailed ones: those between clusters a line
        each by type and kinds, then those between the same clusters at several moments (or
        inside one running total) a line per clusters and type, by type and kinds (page_lines)."""
        out = []
        places_of = lambda inc: _inc_places(inc, clusters)  # noqa: E731
        for n, g in enumerate(between_groups(split.lines, places_of)):
            kinds = " ".join(self.kind(k) for k in g.kinds.split())
            heading = f"{esc(self.labels.inconsistency_type(g.type, self.lang))} · {kinds}"
            out.append(self.line_block(g, "inconsistency", f"li-{n}", heading,
                                       (self.between_line(i, g, clusters) for i in g.items),
                                       "inconsistencies", "list-inconsistencies-more"))
        legend = f' <span class="ctx">{self.t("moments_legend")}</span>'
        for n, g in enumerate(moment_groups(split.groups, places_of)):
            kinds = " ".join(self.kind(k) for k in g.kinds.split())
            heading = f"{esc(self.labels.inconsistency_type(g.type, self.lang))} · {kinds}{legend}"
            out.append(self.line_block(g, "inconsistency", f"lm-{n}", heading,
                                       (self.moment_line(m, g, clusters) for m in g.items),
                                       "inconsistencies", "list-inconsistencies-grouped"))
        return out

    def values(self, cluster: Cluster) -> str:
        pairs = "".join(
            f'<span class="pair">{self.ident(c.doc)} {self.value(c)}{"<span class=flag>*</span>" if c.outlier else ""}</span>'
            for c in cluster.claims
        )
        return f'<span class="values">{pairs}</span>'

    def compact(self, cluster: Cluster, order: int) -> str:
        timeline = timeline_chart(cluster)
        figure = f'<figure class="chart timeline">{timeline}</figure>' if timeline else ""
        notes = "".join(self.note(n) for n in cluster.notes)
        summary = self.t("details") + (f" · {self.t('timeline')}" if timeline else "")
        extra = (
            f'<details class="fold claims"><summary>{summary}</summary>{figure}'
            f"{self.claims_table(cluster)}{notes}</details>"
        )
        return (
            f'<li id="{esc("cluster-" + cluster.id)}" {self.item_attrs(cluster, order)}>'
            f"<span>{self.heading(cluster)}</span><span>{self.scope(cluster.key)}</span>"
            f"{self.values(cluster)}<span>{self.t('consensus')}: {self.consensus(cluster)}</span>{extra}</li>"
        )

    def inconsistency_attrs(self, incs, order: int, clusters: Mapping[str, Cluster]) -> str:
        """The filter and sort attributes of an entry citing the inconsistencies `incs`."""
        kinds = sorted({c.kind for inc in incs for c in inc.claims})
        places: set[str] = set()
        sources: set[str] = set()
        dates: list[str] = []
        for cid in dict.fromkeys(c for inc in incs for c in inc.clusters):
            cl = clusters.get(cid)
            if cl is None:
                continue
            places |= {c.location for c in cl.claims if c.location}
            sources |= {self.docs[c.doc].source for c in cl.claims if c.doc in self.docs and self.docs[c.doc].source}
            dates += [d for d in (_claim_date(c) for c in cl.claims) if d]
        attrs = {
            "data-item": "", "data-order": str(order), "data-kind": " ".join(kinds), "data-status": "inconsistency",
            "data-strength": strongest(incs), "data-place": " ".join(sorted(places)),
            "data-source": " ".join(str(self.source_index[s]) for s in sorted(sources)),
            "data-severity": "", "data-date": max(dates) if dates else "",
            "data-size": str(sum(len(i.claims) for i in incs)),
        }
        return " ".join(f'{k}="{esc(v)}"' for k, v in attrs.items())

    def cluster_links(self, ids: Iterable[str]) -> str:
        """The clusters' ids, each a link when the page renders that cluster (`anchored`);
        a large page renders its conflicts only, so the others are plain ids (report.json and
        `crosscheck show ID` have them): no link on a page points nowhere."""
        return " ".join(f'<a href="#{esc("cluster-" + c)}">{self.ident(c)}</a>' if c in self.anchored
                        else self.ident(c) for c in ids)

    def inconsistency(self, inc, order: int, clusters: Mapping[str, Cluster]) -> str:
        rows = "".join(
            f"<li>{self.ident(c.doc)} · {self.kind(c.kind)} · {self.num(format_number(c.value))}"
            f"{' · ' + esc(c.role) if getattr(c, 'role', '') else ''}{self.position(c)}</li>"
            for c in inc.claims
        )
        return (
            f'<article class="cluster inconsistency" id="{esc("inconsistency-" + inc.id)}" '
            f"{self.inconsistency_attrs([inc], order, clusters)}>"
            f"<h3>{esc(self.labels.inconsistency_type(inc.type, self.lang))} · {self.ident(inc.id)}</h3>"
            f"<p>{self.cluster_links(inc.clusters)}</p>{self.note(inc.explanation)}<ul>{rows}</ul></article>"
        )

    def documents(self, documents: Sequence[ReportDocument]) -> str:
        heads = ("id", "source", "date", "file", "link")
        head = "".join(f"<th>{self.t(h)}</th>" for h in heads)
        rows = []
        for d in documents:
            url = d.url or ""
            if url and urlsplit(url).scheme in ("http", "https"):
                link = f'<a href="{esc(url)}" rel="noopener noreferrer nofollow">{self.ident(url)}</a>'
            else:
                link = self.ident(url or "—")
            rows.append(
                f'<tr><td class="src">{self.ident(d.id)}</td><td class="attr"><bdi>{esc(d.source or "—")}</bdi></td>'
                f"<td>{self.num(d.date or '—')}</td><td>{self.ident(d.path or '—')}</td><td>{link}</td></tr>"
            )
        return f'<table class="documents"><thead><tr>{head}</tr></thead><tbody>{"".join(rows)}</tbody></table>'

    def controls(self, clusters: Sequence[Cluster], inconsistencies) -> str:
        def select(name: str, label: str, options: Iterable[tuple[str, str]]) -> str:
            opts = f'<option value="">{self.t("filter_all")}</option>' + "".join(
                f'<option value="{esc(v)}">{esc(text)}</option>' for v, text in options
            )
            return f'<label>{label}<select name="{name}">{opts}</select></label>'

        kinds = sorted({c.kind for c in clusters} | {c.kind for i in inconsistencies for c in i.claims})
        places = sorted({p for c in clusters for p in ({c.key.get("location")} | {x.location for x in c.claims}) if p})
        status_opts = [(s, self.labels.status(s, self.lang)) for s in ("conflict", "consistent", "single")]
        if inconsistencies:
            status_opts.append(("inconsistency", self.labels.ui("inconsistencies", self.lang)))
        strengths = [(s, self.labels.strength(s, self.lang)) for s in ("hard", "soft")]
        sorts = [("default", self.labels.ui("sort_severity", self.lang)), ("date", self.labels.ui("sort_date", self.lang)),
                 ("size", self.labels.ui("sort_size", self.lang))]
        sort_opts = "".join(f'<option value="{v}">{esc(t)}</option>' for v, t in sorts)
        parts = [
            select("kind", self.t("kind"), [(k, self.labels.kind(k, self.lang)) for k in kinds]),
            select("status", self.t("status"), status_opts),
            select("strength", self.t("strength"), strengths),
            select("place", self.t("place"), [(p, self.labels.place(p, self.lang)) for p in places]),
            select("source", self.t("source"), [(str(i), s) for s, i in self.source_index.items()]),
            f'<label class="q">{self.t("search")}<input type="search" name="q" placeholder="{self.t("search_hint")}"></label>',
            f'<label>{self.t("sort")}<select name="sort">{sort_opts}</select></label>',
            f'<button type="reset">{self.t("reset")}</button>',
            f'<span class="shown">{self.t("shown")}: <output id="shown">{self.num(len(clusters))}</output></span>',
        ]
        return f'<form id="controls" class="controls" hidden role="search" aria-label="{self.t("filters")}">{"".join(parts)}</form>'


def _verbatim(text: str) -> str:
    """A value copied into a translated note, isolated: article words keep their own direction,
    numbers/ids/dates stay left to right on one line, an untranslated phrase wraps."""
    if _ARABIC.search(text):
        return f"<bdi>{esc(text)}</bdi>"
    if _short_value(text):
        return f'<bdi class="num" dir="ltr">{esc(text)}</bdi>'
    return f'<bdi dir="ltr" lang="en">{esc(text)}</bdi>'


_ARABIC = re.compile("[\u0600-\u06ff]")


def _short_value(text: str) -> bool:
    """A number, interval, date or id (kept on one line), not a phrase left untranslated."""
    return len(text) <= 32 and not re.search(r"[A-Za-z]{3,}\s+[A-Za-z]{2,}", text)


def _inc_places(inc, clusters: Mapping[str, Cluster]) -> list[Optional[str]]:
    """The places of an inconsistency's line: its clusters' (those the page holds)."""
    return [clusters[c].key.get("location") for c in inc.clusters if c in clusters]


def _claim_date(claim) -> Optional[str]:
    """The date the figure stands at: the reconciler's `as_of` when known, else the article's."""
    return getattr(claim, "as_of", None) or claim.date


def _page_start(lang: str, csp: str, title_html: str) -> list[str]:
    """The lines of a page up to <body>: direction and language, the CSP, the viewport, the
    (already escaped) title and the style sheet; shared by the report and the cluster page."""
    return [
        "<!DOCTYPE html>",
        f'<html dir="{"rtl" if lang == "ar" else "ltr"}" lang="{lang}">',
        "<head>",
        '<meta charset="utf-8">',
        f'<meta http-equiv="Content-Security-Policy" content="{csp}">',
        '<meta name="viewport" content="width=device-width, initial-scale=1">',
        f"<title>{title_html}</title>",
        f"<style>{CSS}</style>",
        "</head>",
        "<body>",
    ]


def render_html(
    report: Report,
    texts: Optional[Mapping[str, str]] = None,
    title: Optional[str] = None,
    *,
    lang: str = "ar",
    labels: Optional[Labels] = None,
    page_size: int = PAGE_SIZE,
    open_conflicts: int = OPEN_CONFLICTS,
    large=None,
) -> str:
    """The whole report page (`render_html_pages`' first page: a large archive's lists may
    continue on part pages, which `render_html_pages` gives)."""
    return render_html_pages(report, texts, title, lang=lang, labels=labels, page_size=page_size,
                             open_conflicts=open_conflicts, large=large)[0]


class _Slot(str):
    """Where a page's lists go (a section's), in a page being assembled."""


def render_html_pages(
    report: Report,
    texts: Optional[Mapping[str, str]] = None,
    title: Optional[str] = None,
    *,
    lang: str = "ar",
    labels: Optional[Labels] = None,
    page_size: int = PAGE_SIZE,
    open_conflicts: int = OPEN_CONFLICTS,
    large=None,
    budget: Optional[int] = None,
    name: str = "report.html",
) -> list[str]:
    """The report's pages: the report page, then for a large archive whose lists pass the byte
    budget (`budget`, default page_parts.PAGE_BUDGET) its part pages (`name`-2, -3 ...: each
    under the budget, with the same filters and script and a link back; page_parts).
    `texts` (document id -> article text) places highlights exactly.

    `large` (report.large.LargeView): `report` holds a large archive's conflicts only (trimmed
    to their outliers, report.large.trim); the page gives the view's counts, its table of the
    clusters not listed, the `large.DETAILED` most severe conflicts in full and every other one
    as a line under a heading per kind and scope, every inconsistency (the first in full, the
    others a line each under their type, those of the same clusters at several moments one line
    per clusters: report.page_lines), and no document table (report.json has them)."""
    if lang not in ("ar", "en"):
        raise ValueError(f"lang must be 'ar' or 'en', not {lang!r}")
    page = _Page(report, texts or {}, lang, labels or load_labels())
    clusters = report.clusters
    by_id = {c.id: c for c in clusters}
    inconsistencies = list(getattr(report, "inconsistencies", None) or [])
    if large is None:
        counts = status_counts(clusters)
        n_claims, n_clusters, n_docs, sizes = sum(len(c.claims) for c in clusters), len(clusters), len(report.documents), {}
    else:
        counts, n_claims, n_clusters, n_docs, sizes = large.counts, large.claims, large.clusters, large.documents, large.sizes
    conflicts = top_conflicts(clusters)
    if large is not None:  # a large page renders its conflicts only (report.large)
        page.anchored = {c.id for c in conflicts}
    consistent = [c for c in clusters if c.status == "consistent"]
    single = [c for c in clusters if c.status == "single"]
    page_title = title or page.labels.ui("title", lang)
    script = report_script(page_size)
    csp = (
        "default-src 'none'; style-src 'unsafe-inline'; img-src data:; "
        f"script-src {csp_hash(script)}; base-uri 'none'; form-action 'none'"
    )
    t = page.t
    sep = " · "
    summary = (
        f'<p class="summary">{page.num(n_docs)} {t("articles")}{sep}{page.num(n_claims)} {t("claims")}{sep}'
        f"{page.num(n_clusters)} {t('clusters')}: <strong>{page.num(counts['conflict'])} "
        f"{esc(page.labels.status('conflict', lang))}</strong>{sep}{page.num(counts['consistent'])} "
        f"{esc(page.labels.status('consistent', lang))}{sep}{page.num(counts['single'])} {esc(page.labels.status('single', lang))}"
    )
    if inconsistencies:
        summary += f"{sep}<strong>{page.num(len(inconsistencies))} {t('inconsistencies')}</strong>"
    summary += "</p>"
    order = iter(range(1_000_000_000))
    parts: list = [
        *_page_start(lang, csp, esc(page_title)),
        f"<header><h1>{esc(page_title)}</h1>{summary}</header>",
    ]
    if large is not None:
        from crosscheck.report.large import DETAILED, summary_html

        parts.append(summary_html(large, len(clusters), lambda key, **values: esc(
            page.labels.ui(key, lang).format(**values) if values else page.labels.ui(key, lang)),
            lambda k: esc(page.labels.kind(k, lang))))
    controls = page.controls(clusters, inconsistencies)
    parts.append(controls)
    parts.append(_Slot("nav"))
    detailed = conflicts if large is None else conflicts[:DETAILED]
    blocks: list[Block] = []
    body = (
        '<div class="list" id="list-conflicts" data-list>'
        + "".join(page.conflict(c, next(order), i < open_conflicts, sizes.get(c.id)) for i, c in enumerate(detailed))
        + "</div>"
        if conflicts
        else f"<p>{t('no_conflicts')}</p>"
    )
    if large is not None and len(conflicts) > len(detailed):
        blocks += page.conflict_lines(conflicts[len(detailed):], sizes)
    parts.append(_section("conflicts", t("conflicts"), len(conflicts), [body, _Slot("conflicts")], bool(conflicts), page))
    if inconsistencies:
        # a large archive's page lists every one in bounded bytes (report.inconsistency_groups)
        split = for_page(inconsistencies) if large is not None else PageInconsistencies(list(inconsistencies), [], [])
        body = (
            '<div class="list" id="list-inconsistencies" data-list>'
            + "".join(page.inconsistency(i, next(order), by_id) for i in split.detailed)
            + "</div>"
        )
        if large is not None:  # every other one a line, grouped (report.page_lines)
            blocks += page.inconsistency_lines(split, by_id)
        parts.append(_section("inconsistencies", t("inconsistencies"), len(inconsistencies),
                              [body, _Slot("inconsistencies")], True, page))
    for sid, title_key, group in (("consistent", "consistent_clusters", consistent), ("single", "single_clusters", single)):
        if large is not None:  # counted in the large-archive section
            continue
        if group:
            items = "".join(page.compact(c, next(order)) for c in group)
            body = (
                f'<details class="fold"><summary>{t("show_list")}</summary>'
                f'<ol class="compact" id="list-{sid}" data-list>{items}</ol></details>'
            )
        else:
            body = f"<p>{t('none')}</p>"
        parts.append(_section(sid, t(title_key), len(group), body, bool(group), page))
    listing = page.documents(report.documents) if large is None else \
        '<p><bdi dir="ltr" lang="en">report.json lists every document</bdi></p>'
    parts.append(
        f'<section id="documents"><h2>{t("documents")} <span class="ctx">{page.num(n_docs)}</span></h2>'
        f"{listing}</section>"
    )
    footer = f'<footer class="ctx"><p><bdi>{t("footer")}</bdi></p></footer>'
    ending = [footer, f"<script>{script}</script>", "</body>", "</html>", ""]
    parts += ending
    pieces = _pieces(parts, blocks, budget or page_parts.PAGE_BUDGET, page, page_title, csp, controls, ending, name)
    names = [part_name(name, k + 1) for k in range(len(pieces))]
    nav = _parts_nav(page, names) if len(pieces) > 1 else ""
    pages = [_fill(parts, {"nav": nav, **_lists(blocks, pieces[0])})]
    nav = _parts_nav(page, names, back=True)
    for k in range(1, len(pieces)):
        here: dict[str, int] = {}
        for x in pieces[k]:
            here[blocks[x.block].section] = here.get(blocks[x.block].section, 0) + x.end - x.start
        pages.append(_fill(_part_page(page, page_title, csp, controls, ending, k + 1, len(pieces), nav, here),
                           _lists(blocks, pieces[k])))
    return link_pages(pages, names)


def _section(sid: str, title: str, count: int, body, more: bool, page: _Page) -> list:
    """A section of the page: its heading with its count, `body` (a string, or pieces with the
    slots of its lists), the script's 'more' button."""
    counter = f' <span class="ctx" data-count>{page.num(count)}</span>'
    button = f'<p class="more"><button type="button" data-more hidden>{page.t("more")}</button></p>' if more else ""
    return [f'<section id="{sid}"><h2>{title}{counter}</h2>', *([body] if isinstance(body, str) else body),
            f"{button}</section>"]


def _fill(parts: list, slots: Mapping[str, str]) -> str:
    """The page: its parts (strings, or lists of strings and slots), slots filled, lines joined."""
    def text(part) -> str:
        if isinstance(part, _Slot):
            return slots.get(str(part), "")
        return part if isinstance(part, str) else "".join(text(x) for x in part)

    return "\n".join(t for p in parts if (t := text(p)) or not isinstance(p, _Slot))  # an empty slot: no line


def _lists(blocks: Sequence[Block], pieces) -> dict[str, str]:
    return sections(blocks, pieces, lambda family: f'<div id="{family}">', lambda family: "</div>")


def _parts_nav(page: _Page, names: Sequence[str], back: bool = False) -> str:
    """The links to a report's part pages (`names[1:]`), and on a part page (`back`) first the
    link back to the report's first page (`names[0]`)."""
    links = " ".join(f'<a href="{esc(n)}">{page.ident(n)}</a>' for n in names[1:])
    first = f'<a href="{esc(names[0])}">{page.t("page_back")}</a> · ' if back else ""
    return f'<nav class="parts ctx" id="parts"><p>{first}{page.t("page_parts")}: {links}</p></nav>'


def _part_page(page: _Page, title: str, csp: str, controls: str, ending: Sequence[str], k: int, n: int,
               nav: str, wanted: Mapping[str, int]) -> list:
    """A part page of a large archive's report (page_parts): its title with its number, a link
    back to the first page and to every part, the same controls, the sections it continues
    (`wanted`: section -> its entries on this page), the same footer and script."""
    part = esc(page.labels.ui("page_part", page.lang).format(k=k, n=n))
    heading = f"{esc(title)} · {part}"
    parts: list = [*_page_start(page.lang, csp, heading), f"<header><h1>{heading}</h1></header>", controls, nav]
    for sid, key in (("conflicts", "conflicts"), ("inconsistencies", "inconsistencies")):
        if sid in wanted:
            parts.append(_section(sid, page.t(key), wanted[sid], [_Slot(sid)], True, page))
    return parts + list(ending)


def _pieces(parts: list, blocks: Sequence[Block], budget: int, page: _Page, title: str, csp: str,
            controls: str, ending: Sequence[str], name: str) -> list:
    """The lists' pieces on each page (page_parts.pack): the first page's room is what its fixed
    part leaves of `budget`, a part page's what a part page's fixed part (both sections) leaves;
    both count the navigation to every part, and every family's container, and are recomputed
    until the number of parts they assume holds."""
    if not blocks:
        return [[]]
    families = {b.family for b in blocks}
    containers = sum(size(f'<div id="{f}"></div>') for f in families)
    fixed = size(_fill(parts, {})) + containers
    fixed += LINK_SLACK * _fill(parts, {}).count('href="#')
    n = 1
    while True:
        names = [part_name(name, k + 1) for k in range(n)]
        nav = size(_parts_nav(page, names)) if n > 1 else 0
        part_fixed = size(_fill(_part_page(page, title, csp, controls, ending, n, n, _parts_nav(page, names, True),
                                           {"conflicts": 10**9, "inconsistencies": 10**9}), {})) + containers
        pieces = pack(blocks, budget - fixed - nav, budget - part_fixed)
        if len(pieces) <= n:
            return pieces
        n = len(pieces)


def render_cluster_page(
    cluster: Cluster,
    documents: Sequence[ReportDocument] = (),
    texts: Optional[Mapping[str, str]] = None,
    *,
    lang: str = "ar",
    labels: Optional[Labels] = None,
    back: Optional[str] = None,
) -> str:
    """One cluster on its own page, like `crosscheck show`: scope, consensus, the intervals
    chart, the timeline, every claim with its source, date and sentence, the notes.  No script."""
    report = Report(documents=list(documents), clusters=[cluster])
    page = _Page(report, texts or {}, lang, labels or load_labels())
    csp = "default-src 'none'; style-src 'unsafe-inline'; img-src data:; base-uri 'none'; form-action 'none'"
    status = esc(page.labels.status(cluster.status, lang))
    notes = "".join(page.note(n) for n in cluster.notes)
    nav = f'<p class="ctx"><a href="{esc(back)}">{page.ident(back)}</a></p>' if back else ""
    return "\n".join([
        *_page_start(lang, csp, f"{esc(page.labels.kind(cluster.kind, lang))} · {esc(cluster.id)}"),
        nav,
        f'<article class="cluster {esc(cluster.status)}" id="{esc("cluster-" + cluster.id)}">'
        f"<h1>{page.heading(cluster)} · {status}</h1>{page.meta(cluster)}{page.charts(cluster)}"
        f"{page.claims_table(cluster)}{notes}</article>",
        "</body>",
        "</html>",
        "",
    ])
