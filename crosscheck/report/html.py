"""The HTML report: one self-contained right-to-left page.

No network: no external CSS, JS, fonts or images, and a Content-Security-Policy that forbids
them (and every script) in case a browser is ever tricked.  Article text is untrusted: every
string goes through `esc` (bidi controls made visible, then `html.escape` with quotes), in
element text, attributes and SVG alike.  Numbers, ids and intervals sit in `<bdi dir="ltr">`
so they keep their order inside Arabic sentences; the number a claim rests on is `<mark>`ed
in its sentence.
"""

from __future__ import annotations

from typing import Mapping, Optional
from urllib.parse import urlsplit

from crosscheck.report.cluster_view import (
    claim_bounds,
    format_consensus,
    format_severity,
    format_value,
    sentence_parts,
    status_counts,
    top_conflicts,
)
from crosscheck.models import Cluster, Report, ReportDocument
from crosscheck.report.svg import esc, interval_chart

# Interface strings of the page (presentation, not matching vocabulary).
KIND_LABELS = {
    "killed": "القتلى",
    "injured": "الجرحى",
    "missing": "المفقودون",
    "hostages_held": "الرهائن المحتجزون",
    "hostages_released": "الرهائن المفرج عنهم",
    "prisoners_released": "الأسرى المفرج عنهم",
    "displaced": "النازحون",
    "votes_for": "الأصوات المؤيدة",
    "votes_against": "الأصوات المعارضة",
    "abstentions": "الممتنعون عن التصويت",
    "resolution_number": "رقم القرار",
    "vetoes": "مرات استخدام الفيتو",
    "duration_days": "المدة بالأيام",
    "aid_trucks": "شاحنات المساعدات",
    "vote_position": "موقف التصويت",
    "other": "أخرى",
}
CAUSE_LABELS = {
    "hedge_rounding": "تقريب أو صيغة تحوّط",
    "reporting_lag": "فارق زمني في الإبلاغ",
    "different_scope": "اختلاف في النطاق",
    "likely_typo": "خطأ مطبعي محتمل",
    "disagreement": "خلاف في الأرقام",
}
QUALIFIER_LABELS = {
    "exact": "دقيق",
    "approx": "تقريبي",
    "more_than": "أكثر من",
    "at_least": "على الأقل",
    "less_than": "أقل من",
    "at_most": "على الأكثر",
    "range": "نطاق",
    "vague": "مبهم",
}
KEY_LABELS = {"group": "الفئة", "location": "المكان", "period": "الفترة", "event": "الحدث", "actor": "الطرف"}

CSS = """
:root { --ink:#1d1d1f; --muted:#5f6368; --line:#d9dce1; --bad:#c0392b; --good:#2e8b57; }
* { box-sizing: border-box; }
html, body { overflow-wrap: break-word; }
body { font-family: "Noto Naskh Arabic", "Noto Sans Arabic", "Segoe UI", Tahoma, "DejaVu Sans", sans-serif;
       color: var(--ink); margin: 0 auto; max-width: 1100px; padding: 1.2rem 1.4rem 3rem; line-height: 1.7; }
h1 { font-size: 1.6rem; margin: 0 0 .3rem; }
h2 { font-size: 1.3rem; border-bottom: 2px solid var(--line); padding-bottom: .2rem; margin-top: 2rem; }
h3 { font-size: 1.1rem; margin: 0 0 .4rem; }
bdi.num, bdi.id, code { unicode-bidi: isolate; direction: ltr; font-family: "DejaVu Sans Mono", monospace; font-size: .92em; }
bdi.num { white-space: nowrap; }
.summary { color: var(--muted); }
.summary strong { color: var(--bad); }
article.cluster { border: 1px solid var(--line); border-inline-start: 5px solid var(--bad); border-radius: 6px;
                  padding: .8rem 1rem; margin: 1rem 0; }
dl.meta { display: flex; flex-wrap: wrap; gap: .2rem 1.4rem; margin: .2rem 0 .6rem; }
dl.meta div { display: flex; gap: .4rem; }
dl.meta dt { color: var(--muted); }
dl.meta dd { margin: 0; }
figure.chart { margin: .4rem 0 .8rem; }
figure.chart svg { max-width: 100%; height: auto; background: #fafbfc; border: 1px solid var(--line); border-radius: 4px; }
figcaption { color: var(--muted); font-size: .85rem; }
table { border-collapse: collapse; width: 100%; font-size: .95rem; }
th, td { border-bottom: 1px solid var(--line); padding: .3rem .5rem; text-align: start; vertical-align: top; }
th { white-space: nowrap; }
td.src, td.attr { max-width: 12rem; overflow-wrap: anywhere; }
th { background: #f3f4f6; font-weight: 600; }
tr.outlier td { background: #fdf0ee; }
.flag { color: var(--bad); font-weight: 700; }
td.sentence { min-width: 18rem; max-width: 34rem; overflow-wrap: anywhere; }
mark { background: #ffe58a; padding: 0 .15em; border-radius: 2px; }
.ctx { color: var(--muted); font-size: .85rem; }
details summary { cursor: pointer; }
"""

LEGEND = (
    "<figcaption>كل خط هو المجال الذي يذكره مصدر: النقطة المصمتة طرف مغلق، والمفرغة طرف مفتوح، "
    "والسهم طرف غير محدود، والعلامة القصيرة هي القيمة المذكورة. المنطقة المظللة هي الإجماع، "
    "والأحمر قيمة شاذة.</figcaption>"
)

CSP = "default-src 'none'; style-src 'unsafe-inline'; img-src data:; base-uri 'none'; form-action 'none'"


def num(text: object) -> str:
    """A number, interval or id kept left-to-right inside the Arabic page."""
    return f'<bdi class="num" dir="ltr">{esc(text)}</bdi>'


def _kind(kind: str) -> str:
    label = KIND_LABELS.get(kind)
    return f'{esc(label)} <bdi class="id" dir="ltr">{esc(kind)}</bdi>' if label else num(kind)


def _scope(key: Mapping[str, Optional[str]]) -> str:
    parts = [
        f'{esc(KEY_LABELS.get(k, k))}: <bdi dir="ltr">{esc(v)}</bdi>' for k, v in key.items() if v is not None
    ]
    return "، ".join(parts) if parts else "—"


def _sentence(claim, texts: Mapping[str, str]) -> str:
    before, number, after = sentence_parts(claim, texts.get(claim.doc))
    if not number:
        return f'<bdi>{esc(before)}</bdi> <span class="ctx">({num(claim.surface)})</span>'
    return f"<bdi>{esc(before)}<mark>{esc(number)}</mark>{esc(after)}</bdi>"


def _source_cell(doc_id: str, docs: Mapping[str, ReportDocument]) -> str:
    doc = docs.get(doc_id)
    cell = f'<bdi class="id" dir="ltr">{esc(doc_id)}</bdi>'
    if doc is not None and doc.source:
        cell += f"<br><bdi>{esc(doc.source)}</bdi>"
    return cell


def _consensus(cluster: Cluster) -> str:
    return "—" if cluster.consensus is None else num(format_consensus(cluster.consensus))


def _meta(cluster: Cluster) -> str:
    items = [("النطاق", _scope(cluster.key)), ("الإجماع", _consensus(cluster))]
    if cluster.status == "conflict":
        cause = cluster.cause or ""
        items.append(("الحدة", num(format_severity(cluster.severity))))
        items.append(("السبب المرجح", f"{esc(CAUSE_LABELS.get(cause, cause or '—'))} {num(cause) if cause else ''}"))
    if cluster.ambiguous:
        items.append(("ملاحظة", "بعض النطاق مستنتج من سياق المقال"))
    body = "".join(f"<div><dt>{esc(k)}</dt><dd>{v}</dd></div>" for k, v in items)
    return f'<dl class="meta">{body}</dl>'


def _claims_table(cluster: Cluster, docs: Mapping[str, ReportDocument], texts: Mapping[str, str]) -> str:
    head = "".join(
        f"<th>{h}</th>"
        for h in ("المصدر", "التاريخ", "المنسوب إليه", "القيمة", "الصيغة", "الحدود", "شاذ", "الجملة")
    )
    rows = []
    for c in cluster.claims:
        cls = ' class="outlier"' if c.outlier else ""
        outlier = '<span class="flag">نعم</span>' if c.outlier else "لا"
        rows.append(
            f'<tr{cls}><td class="src">{_source_cell(c.doc, docs)}</td><td>{num(c.date or "—")}</td>'
            f'<td class="attr"><bdi>{esc(c.attribution or "—")}</bdi></td><td>{num(format_value(c))}</td>'
            f"<td>{esc(QUALIFIER_LABELS.get(c.qualifier, c.qualifier))}</td><td>{num(claim_bounds(c))}</td>"
            f'<td>{outlier}</td><td class="sentence">{_sentence(c, texts)}</td></tr>'
        )
    return f'<table class="claims"><thead><tr>{head}</tr></thead><tbody>{"".join(rows)}</tbody></table>'


def _conflict(cluster: Cluster, docs, texts) -> str:
    notes = "".join(f'<p class="ctx"><bdi>{esc(n)}</bdi></p>' for n in cluster.notes)
    chart = interval_chart(cluster)
    figure = f'<figure class="chart">{chart}{LEGEND}</figure>' if chart else ""
    return (
        f'<article class="cluster conflict" id="{esc("cluster-" + cluster.id)}">'
        f'<h3>{_kind(cluster.kind)} · <bdi class="id" dir="ltr">{esc(cluster.id)}</bdi></h3>'
        f"{_meta(cluster)}"
        f"{figure}{_claims_table(cluster, docs, texts)}{notes}</article>"
    )


def _compact_table(clusters: list[Cluster], docs) -> str:
    head = "".join(f"<th>{h}</th>" for h in ("المعرف", "النوع", "النطاق", "القيم حسب المصدر", "الإجماع"))
    rows = []
    for cl in clusters:
        values = "<br>".join(f"{_source_cell(c.doc, {})}: {num(format_value(c))}" for c in cl.claims)
        rows.append(
            f'<tr id="{esc("cluster-" + cl.id)}"><td><bdi class="id" dir="ltr">{esc(cl.id)}</bdi></td>'
            f"<td>{_kind(cl.kind)}</td><td>{_scope(cl.key)}</td><td>{values}</td>"
            f"<td>{_consensus(cl)}</td></tr>"
        )
    return f'<table class="compact"><thead><tr>{head}</tr></thead><tbody>{"".join(rows)}</tbody></table>'


def _documents(report: Report) -> str:
    head = "".join(f"<th>{h}</th>" for h in ("المعرف", "المصدر", "التاريخ", "الملف", "الرابط"))
    rows = []
    for d in report.documents:
        url = d.url or ""
        if url and urlsplit(url).scheme in ("http", "https"):
            link = f'<a href="{esc(url)}" rel="noopener noreferrer nofollow"><bdi dir="ltr">{esc(url)}</bdi></a>'
        else:
            link = f'<bdi dir="ltr">{esc(url or "—")}</bdi>'
        rows.append(
            f'<tr><td class="src"><bdi class="id" dir="ltr">{esc(d.id)}</bdi></td><td class="attr"><bdi>{esc(d.source or "—")}</bdi></td>'
            f"<td>{num(d.date or '—')}</td><td>{num(d.path or '—')}</td><td>{link}</td></tr>"
        )
    return f'<table class="documents"><thead><tr>{head}</tr></thead><tbody>{"".join(rows)}</tbody></table>'


def render_html(report: Report, texts: Optional[Mapping[str, str]] = None, title: Optional[str] = None) -> str:
    """The whole report page.  `texts` (document id -> article text) places highlights exactly."""
    texts = texts or {}
    docs = {d.id: d for d in report.documents}
    counts = status_counts(report.clusters)
    n_claims = sum(len(c.claims) for c in report.clusters)
    conflicts = top_conflicts(report.clusters)
    consistent = [c for c in report.clusters if c.status == "consistent"]
    single = [c for c in report.clusters if c.status == "single"]
    page_title = title or "تقرير crosscheck: الأرقام المتعارضة في الأخبار"
    parts = [
        "<!DOCTYPE html>",
        '<html dir="rtl" lang="ar">',
        "<head>",
        '<meta charset="utf-8">',
        f'<meta http-equiv="Content-Security-Policy" content="{CSP}">',
        '<meta name="viewport" content="width=device-width, initial-scale=1">',
        f"<title>{esc(page_title)}</title>",
        f"<style>{CSS}</style>",
        "</head>",
        "<body>",
        f"<header><h1>{esc(page_title)}</h1>",
        f'<p class="summary">{num(len(report.documents))} مقالات · {num(n_claims)} ادعاءات · '
        f"{num(len(report.clusters))} مجموعات: <strong>{num(counts['conflict'])} تعارض</strong> · "
        f"{num(counts['consistent'])} متّسقة · {num(counts['single'])} من مصدر واحد</p></header>",
        f'<section id="conflicts" class="conflicts"><h2>التعارضات ({num(len(conflicts))})</h2>',
    ]
    if conflicts:
        parts += [_conflict(c, docs, texts) for c in conflicts]
    else:
        parts.append("<p>لم يُعثر على أرقام متعارضة.</p>")
    parts.append("</section>")
    parts.append(f'<section id="consistent"><h2>مجموعات متّسقة ({num(len(consistent))})</h2>')
    parts.append(_compact_table(consistent, docs) if consistent else "<p>لا شيء.</p>")
    parts.append("</section>")
    parts.append(f'<section id="single"><h2>ادعاءات من مصدر واحد ({num(len(single))})</h2>')
    if single:
        parts.append(f"<details><summary>عرض القائمة</summary>{_compact_table(single, docs)}</details>")
    else:
        parts.append("<p>لا شيء.</p>")
    parts.append("</section>")
    parts.append(f'<section id="documents"><h2>المقالات ({num(len(report.documents))})</h2>{_documents(report)}</section>')
    parts.append(
        '<footer class="ctx"><p>أُنشئ بواسطة <bdi dir="ltr">crosscheck</bdi>؛ البيانات الكاملة في '
        '<bdi dir="ltr">report.json</bdi> (المخطط: <bdi dir="ltr">docs/report.schema.json</bdi>).</p></footer>'
    )
    parts += ["</body>", "</html>", ""]
    return "\n".join(parts)
