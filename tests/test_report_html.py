"""The HTML report: self-contained, RTL, escaped, one chart per conflict."""

from __future__ import annotations

import base64
import hashlib
import re
from html.parser import HTMLParser

from hypothesis import given, settings
from hypothesis import strategies as st

import report_samples as samples
from crosscheck.models import Interval
from crosscheck.report.html import render_html
from crosscheck.report.svg import interval_chart, nice_ticks


class Collect(HTMLParser):
    def __init__(self) -> None:
        super().__init__()
        self.tags: list[tuple[str, dict]] = []
        self.text: list[str] = []

    def handle_starttag(self, tag, attrs):
        self.tags.append((tag, dict(attrs)))

    def handle_data(self, data):
        self.text.append(data)


def parse(html: str) -> Collect:
    p = Collect()
    p.feed(html)
    p.close()
    return p


def page() -> str:
    return render_html(samples.report(), samples.texts())


def test_rtl_arabic_page():
    html = page()
    assert html.startswith("<!DOCTYPE html>\n<html dir=\"rtl\" lang=\"ar\">")
    assert '<meta charset="utf-8">' in html


def test_self_contained_no_network_one_hashed_inline_script():
    html = page()
    tags = parse(html).tags
    names = [t for t, _ in tags]
    assert "link" not in names and "img" not in names and "iframe" not in names
    assert names.count("script") == 1
    for tag, attrs in tags:
        for name, value in attrs.items():
            assert not name.startswith("on"), (tag, name)
            if name in ("src", "href") and tag != "a":
                raise AssertionError(f"external resource {tag} {name}={value}")
    csp = re.search(r'http-equiv="Content-Security-Policy" content="([^"]+)"', html).group(1)
    assert "default-src 'none'" in csp and "form-action 'none'" in csp
    script = html.split("<script>", 1)[1].split("</script>", 1)[0]
    digest = base64.b64encode(hashlib.sha256(script.encode("utf-8")).digest()).decode()
    assert f"script-src 'sha256-{digest}'" in csp  # exactly this script, nothing else
    assert "'unsafe-inline'" not in csp.split("script-src", 1)[1].split(";", 1)[0]
    assert "@import" not in html and "url(" not in html
    assert "http://" not in script and "https://" not in script and "fetch(" not in script


def test_hostile_article_is_escaped_everywhere():
    html = page()
    assert html.count("<script") == 1 and html.count("<script>") == 1  # the page's own, at the end
    assert "&lt;script&gt;document.title=&#x27;PWNED&#x27;" in html
    assert '"><img' not in html and "&quot;&gt;&lt;img src=x onerror=&quot;" in html
    tags = parse(html).tags
    assert not any("data-pwned" in attrs or tag == "img" for tag, attrs in tags)


def test_bidi_overrides_are_neutralised():
    html = page()
    for cp in [*range(0x202A, 0x202F), *range(0x2066, 0x206A)]:
        assert chr(cp) not in html
    assert "&lt;U+202E&gt;في القطاع" in html


def test_only_http_links():
    tags = parse(page()).tags
    hrefs = [a["href"] for t, a in tags if t == "a"]
    assert hrefs == ["https://example.org/c"]
    assert "javascript:alert(1)" in page()  # shown as text, not a link


def test_conflicts_section_with_chart_table_and_marks():
    html = page()
    conflicts = html.split('<section id="conflicts"', 1)[1].split("</section>", 1)[0]
    assert conflicts.count('<article class="cluster conflict"') == 2
    assert conflicts.count('<svg xmlns="http://www.w3.org/2000/svg" class="chart"') == 2
    assert conflicts.count('class="timeline"') == 2  # each conflict's claims have two dates
    assert conflicts.index("cluster-hostages_held-gaza") < conflicts.index("cluster-killed-gaza-cumulative")
    assert "إن أكثر من <mark>33 ألف</mark> شخص قتلوا" in conflicts
    assert "نحو <mark>30 ألف</mark> شخص" in conflicts
    assert conflicts.count('<tr class="outlier">') == 1
    assert '<bdi class="num" dir="ltr">(33,000, ∞)</bdi>' in conflicts
    consistent = html.split('<section id="consistent"', 1)[1].split("</section>", 1)[0]
    assert "displaced-gaza" in consistent and 'class="chart"' not in consistent
    # its two dated claims get a timeline, folded away in the compact list
    assert consistent.count('<summary>التفاصيل · الخط الزمني</summary><figure class="chart timeline"><svg') == 1


def test_numbers_and_ids_are_isolated():
    html = page()
    assert '<bdi class="id" dir="ltr">killed-gaza-cumulative</bdi>' in html
    assert "unicode-bidi: isolate" in html


def test_deterministic():
    assert page() == page()


# --------------------------------------------------------------------------- SVG chart


def test_chart_draws_open_closed_and_unbounded_ends():
    svg = interval_chart(samples.CLUSTERS[0])  # (33,000, ∞) and [27,000, 33,000] outlier
    assert svg.startswith('<svg xmlns="http://www.w3.org/2000/svg"') and 'direction="ltr"' in svg
    rows = re.findall(r'<g class="(row(?: outlier)?)">(.*?)</g>', svg)
    assert [cls for cls, _ in rows] == ["row", "row outlier"]
    first, second = rows[0][1], rows[1][1]
    assert 'fill="#ffffff"' in first  # open lower end: hollow dot
    assert "<polygon" in first  # unbounded upper end: arrow
    assert "<polygon" not in second and second.count('fill="#c0392b" stroke="#c0392b"') == 2  # closed ends, red
    assert 'class="consensus"' in svg


def test_chart_point_claim_is_one_dot_and_no_consensus_band_when_none():
    svg = interval_chart(samples.CLUSTERS[3])
    assert svg.count("<circle") == 1 and "<line x1" in svg  # the dot and the axis
    assert 'class="consensus"' in svg
    svg = interval_chart(samples.CLUSTERS[1])
    assert 'class="consensus"' not in svg


def test_chart_escapes_labels_and_titles():
    hostile = samples.KILLED_B.model_copy(update={"doc": '<b x="1">\u202e'})
    cluster = samples.CLUSTERS[0].model_copy(update={"claims": [hostile]})
    svg = interval_chart(cluster)
    assert "<b " not in svg and "\u202e" not in svg
    assert "&lt;b x=&quot;1&quot;&gt;&lt;U+202E&gt;" in svg


def test_chart_lower_unbounded_is_an_arrow_to_the_left():
    below = samples.HELD_C.model_copy(update={"low": None, "high": 50.0, "high_open": True, "qualifier": "less_than", "value": 50})
    cluster = samples.CLUSTERS[1].model_copy(update={"claims": [below], "consensus": Interval(low=None, high=50)})
    svg = interval_chart(cluster)
    tip = re.search(r'<polygon points="([\d.]+),', svg)
    assert tip and float(tip.group(1)) < 30  # at the left edge of the plot


def test_nice_ticks():
    assert nice_ticks(0, 100) == [0, 25, 50, 75, 100]
    assert nice_ticks(26400, 33600) == [28000, 30000, 32000]
    assert nice_ticks(5, 5) == [5]


# --------------------------------------------------------------------------- property: no injection

ALLOWED_TAGS = {
    "html", "head", "meta", "title", "style", "body", "header", "h1", "h2", "h3", "p", "strong",
    "section", "article", "dl", "div", "dt", "dd", "figure", "figcaption", "svg", "rect", "g",
    "line", "circle", "polygon", "text", "table", "thead", "tbody", "tr", "th", "td", "bdi",
    "mark", "span", "br", "details", "summary", "footer", "a", "form", "label", "select", "option",
    "input", "button", "output", "ol", "ul", "li", "script",
}
TOKENS = [*"<>&\"'=/ ب٣3\n", "script", "img", "onerror", "\u202e", "\u2066", "\u202a", "</bdi>", "<mark>", "]]>"]
NASTY = st.lists(st.sampled_from(TOKENS), max_size=20).map("".join)


@settings(max_examples=60, deadline=None)
@given(source=NASTY, attribution=NASTY, doc_id=NASTY, note=NASTY)
def test_no_article_text_becomes_markup(source, attribution, doc_id, note):
    claim = samples.KILLED_B.model_copy(update={"attribution": attribution, "doc": doc_id or "d"})
    cluster = samples.CLUSTERS[0].model_copy(update={"claims": [claim], "notes": [note]})
    report = samples.report().model_copy(
        update={
            "clusters": [cluster],
            "documents": [samples.report().documents[0].model_copy(update={"id": doc_id or "d", "source": source})],
        }
    )
    html = render_html(report)
    parsed = parse(html)
    assert {t for t, _ in parsed.tags} <= ALLOWED_TAGS
    assert [t for t, _ in parsed.tags].count("script") == 1
    assert not any(name.startswith("on") for _, attrs in parsed.tags for name in attrs)
    assert all(ch not in html for ch in "\u202e\u2066\u202a")


def test_vote_position_conflict_has_no_chart_but_a_table():
    positions = [
        samples.KILLED_A.model_copy(update={"kind": "vote_position", "value": v, "low": None, "high": None, "actor": "us"})
        for v in ("abstain", "veto")
    ]
    cluster = samples.CLUSTERS[0].model_copy(
        update={"kind": "vote_position", "claims": positions, "consensus": None, "id": "vote-us"}
    )
    assert interval_chart(cluster) == ""
    html = render_html(samples.report().model_copy(update={"clusters": [cluster]}))
    article = html.split('<article class="cluster conflict"', 1)[1].split("</article>", 1)[0]
    assert "<svg" not in article and "<figure" not in article
    assert '<bdi title="veto">فيتو</bdi>' in article and '<bdi title="abstain">ممتنع</bdi>' in article


# --------------------------------------------------------------------------- labels, languages, timeline

from pydantic import ConfigDict  # noqa: E402

from crosscheck.models import Cluster, ClusterClaim  # noqa: E402
from crosscheck.report.svg import timeline_chart  # noqa: E402


def test_arabic_page_shows_arabic_scope_values_causes_and_notes():
    html = page()
    conflicts = html.split('<section id="conflicts"', 1)[1].split("</section>", 1)[0]
    assert '<bdi title="gaza">غزة</bdi>' in conflicts and '<bdi title="cumulative">الحصيلة التراكمية</bdi>' in conflicts
    assert '<bdi title="reporting_lag">فارق زمني في الإبلاغ</bdi>' in conflicts
    assert ">gaza<" not in conflicts and ">cumulative<" not in conflicts
    # an unknown note is kept as written, isolated and marked as English
    assert '<bdi lang="en" dir="ltr">dates differ by 3 days &lt;U+202E&gt;</bdi>' in conflicts


def test_known_notes_are_translated_with_numbers_isolated():
    cluster = samples.CLUSTERS[0].model_copy(update={"notes": [
        "consensus [30400, 33000] backed by 3 independent sources (3 claims)",
        "reporting_lag: outliers dated 2024-03-22, consensus dated 2024-03-25",
    ]})
    html = render_html(samples.report().model_copy(update={"clusters": [cluster]}))
    assert 'الإجماع <bdi class="num" dir="ltr">[30400, 33000]</bdi> يستند إلى <bdi class="num" dir="ltr">3</bdi>' in html
    assert "فارق زمني في الإبلاغ: تاريخ القيم الشاذة" in html
    en = render_html(samples.report().model_copy(update={"clusters": [cluster]}), lang="en")
    assert "Reporting lag: outliers dated" in en


def test_english_page():
    html = render_html(samples.report(), samples.texts(), lang="en")
    assert html.startswith('<!DOCTYPE html>\n<html dir="ltr" lang="en">')
    assert '<bdi title="gaza">Gaza</bdi>' in html and "Conflicts" in html and "Killed" in html
    assert "غزة</bdi>" not in html.split("<body>", 1)[1].split('<section id="documents"', 1)[0].replace("في غزة", "")


class _Stack(HTMLParser):
    """Text nodes with the tags they stand in."""

    VOID = {"meta", "br", "input", "line", "circle", "polygon", "rect"}

    def __init__(self) -> None:
        super().__init__()
        self.stack: list[str] = []
        self.texts: list[tuple[str, tuple[str, ...]]] = []

    def handle_starttag(self, tag, attrs):
        if tag not in self.VOID:
            self.stack.append(tag)

    def handle_startendtag(self, tag, attrs):
        pass

    def handle_endtag(self, tag):
        if tag in self.stack:
            while self.stack.pop() != tag:
                pass

    def handle_data(self, data):
        self.texts.append((data, tuple(self.stack)))


def test_mixed_runs_are_isolated():
    """Ids and hedged values never stand bare in Arabic text, where bidi would reorder them."""
    html = page()
    assert '<span class="pair"><bdi class="id" dir="ltr">b-hostile</bdi> <bdi class="num" dir="ltr">&gt; 1,000,000</bdi>' in html
    p = _Stack()
    p.feed(html.split("<script>", 1)[0])
    bare = [
        text for text, tags in p.texts
        if re.search(r"[≈<>≤≥~]\s*\d|\d[\d,]*\s*[-–]\s*\d|[a-z]_[a-z0-9]", text)
        and not ({"bdi", "svg", "style", "title"} & set(tags))
    ]
    assert bare == []


class _DatedClaim(ClusterClaim):
    model_config = ConfigDict(extra="allow")


class _Dated(Cluster):
    """A cluster carrying the reconciler's v2 fields (issue 8), whether or not models has them yet."""

    model_config = ConfigDict(extra="allow")
    claims: list[_DatedClaim]


def _dated_cluster(trajectory):
    a = samples.KILLED_A.model_copy(update={"date": "2024-03-01", "outlier": False})
    b = samples.KILLED_B.model_copy(update={"date": "2024-03-10", "outlier": True})
    c = samples.KILLED_A.model_copy(update={"date": "2024-03-20", "value": 35000, "low": 35000, "high": 35000,
                                            "low_open": False, "qualifier": "exact"})
    data = samples.CLUSTERS[0].model_dump()
    data.update(claims=[a.model_dump(), b.model_dump(), c.model_dump()], trajectory=trajectory, strength="hard")
    return _Dated.model_validate(data)


def test_timeline_draws_each_dated_claim_the_trajectory_and_outliers():
    cluster = _dated_cluster([{"date": "2024-03-01", "low": 33000, "high": 34000},
                              {"date": "2024-03-20", "low": 35000, "high": 35000}])
    svg = timeline_chart(cluster)
    points = re.findall(r'<g class="(point(?: outlier)?)">', svg)
    assert points == ["point", "point outlier", "point"]
    assert svg.count('class="trajectory"') == 1 and "2024-03-01" in svg and "2024-03-20" in svg
    # x grows with the date: the three claims stand left to right in date order
    xs = [float(x) for x in re.findall(r'<g class="point[^"]*"><title>[^<]*</title><(?:line|circle) (?:x1|cx)="([\d.]+)"', svg)]
    assert len(xs) == 3 and xs == sorted(xs) and xs[0] < xs[2]
    # the band follows the trajectory's dates; the outlier carries its mark
    assert "✕" in svg.split('<g class="point outlier">', 1)[1].split("</g>", 1)[0]


def test_timeline_uses_as_of_before_the_article_date_and_needs_two_dates():
    cluster = _dated_cluster(None)
    assert 'class="trajectory"' not in timeline_chart(cluster)
    one_day = cluster.model_copy(update={"claims": [c.model_copy(update={"date": "2024-03-05"}) for c in cluster.claims]})
    assert timeline_chart(one_day) == ""
    data = one_day.model_dump()
    data["claims"][0]["as_of"] = "2024-02-20"  # the figure's own date (issue 8) wins
    dated = _Dated.model_validate(data)
    assert "2024-02-20" in timeline_chart(dated)


def test_strength_is_shown_and_filterable():
    cluster = _dated_cluster(None)
    html = render_html(samples.report().model_copy(update={"clusters": [cluster]}))
    assert 'data-strength="hard"' in html and '<span class="badge">تعارض قاطع</span>' in html
