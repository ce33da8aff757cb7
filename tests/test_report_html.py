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
