"""The interactive report in a real headless Chromium, driven over the DevTools pipe.

Phone width without horizontal overflow, filtering and searching that hide rows, sorting that
reorders them, state in the URL fragment, the same page in English.  Skipped when Chromium is
missing, unless CI is set (CI installs it).  One browser serves every test of the module.
"""

from __future__ import annotations


import pytest

import report_samples as samples
from cdp import Browser, chromium_for_tests
from crosscheck.models import Cluster
from crosscheck.report.html import render_html

SHOWN = "[...document.querySelectorAll('[data-item]')].filter(e => !e.hasAttribute('hidden')).map(e => e.id)"


@pytest.fixture(scope="module")
def browser(tmp_path_factory):
    with Browser(chromium_for_tests(), tmp_path_factory.mktemp("profile")) as b:
        yield b


def _many_clusters() -> list[Cluster]:
    """The sample clusters plus enough consistent ones to need paging and make a long page."""
    extra = []
    for i in range(60):
        base = samples.CLUSTERS[2]
        extra.append(base.model_copy(update={"id": f"displaced-extra-{i:02d}"}))
    return [*samples.CLUSTERS, *extra]


@pytest.fixture(scope="module")
def page_url(tmp_path_factory):
    d = tmp_path_factory.mktemp("report")
    report = samples.report().model_copy(update={"clusters": _many_clusters()})
    (d / "report.html").write_text(render_html(report, samples.texts()), encoding="utf-8")
    (d / "report-en.html").write_text(render_html(report, samples.texts(), lang="en"), encoding="utf-8")
    return (d / "report.html").as_uri()


def test_no_horizontal_overflow_at_phone_width(browser, page_url):
    page = browser.open(page_url, width=390, height=844, mobile=True)
    assert page.eval("innerWidth") == 390
    # everything unfolded: the widest content (tables, charts, long ids) is laid out
    page.eval("document.querySelectorAll('details').forEach(d => d.open = true)")
    assert page.eval("document.documentElement.scrollWidth") <= 390
    wide = page.eval(
        "[...document.querySelectorAll('body *')].filter(e => { const r = e.getBoundingClientRect();"
        " return r.width > 0 && (r.left < -1 || r.right > 391); }).map(e => e.tagName + '.' + e.className).slice(0, 5)"
    )
    assert wide == []
    # the charts are scaled to the screen, not cut
    widths = page.eval("[...document.querySelectorAll('figure.chart svg')].map(s => s.getBoundingClientRect().width)")
    assert widths and max(widths) <= 390


def test_control_overflow_is_detected(browser, tmp_path):
    """Control: the overflow check above can fail (a wide block makes the page scroll)."""
    bad = tmp_path / "wide.html"
    bad.write_text('<!DOCTYPE html><html><head><meta name="viewport" content="width=device-width">'
                   '</head><body><table><tr><td style="white-space:nowrap">' + "x" * 200 + "</td></tr></table></body></html>")
    page = browser.open(bad.as_uri(), width=390, height=844, mobile=True)
    assert page.eval("document.documentElement.scrollWidth") > 390


def test_script_runs_and_filtering_hides_rows(browser, page_url):
    page = browser.open(page_url, width=1200, height=900)
    assert page.eval("document.getElementById('controls').hidden") is False
    every = page.eval("[...document.querySelectorAll('[data-item]')].map(e => e.id)")
    assert len(every) == 64
    # paging: 50 per section at first, a "show more" button for the rest
    shown = page.eval(SHOWN)
    assert len(shown) == 2 + 50 + 1
    page.eval("document.querySelector('#consistent [data-more]').click()")
    assert len(page.eval(SHOWN)) == 64
    # filter by status through the select, as a reader would
    page.eval("const s = document.querySelector('select[name=status]'); s.value = 'conflict';"
              " s.dispatchEvent(new Event('change', {bubbles: true}))")
    assert sorted(page.eval(SHOWN)) == ["cluster-hostages_held-gaza", "cluster-killed-gaza-cumulative"]
    assert page.eval("document.getElementById('shown').textContent") == "2"
    assert "status=conflict" in page.eval("location.hash")
    # and by kind on top of it
    page.eval("const k = document.querySelector('select[name=kind]'); k.value = 'killed';"
              " k.dispatchEvent(new Event('change', {bubbles: true}))")
    assert page.eval(SHOWN) == ["cluster-killed-gaza-cumulative"]
    # reset shows everything again
    page.eval("document.querySelector('#controls button[type=reset]').click()")
    page.eval("new Promise(r => setTimeout(r, 50))")
    assert len(page.eval(SHOWN)) == 64


def test_filters_from_the_url_fragment(browser, page_url):
    page = browser.open(page_url, width=1200, height=900)
    sources = page.eval("[...document.querySelectorAll('select[name=source] option')].map(o => [o.value, o.textContent])")
    index = {text: value for value, text in sources}
    page = browser.open(page_url + "#source=" + index["وكالة ج"], width=1200, height=900)
    shown = page.eval(SHOWN)
    # c-wire (وكالة ج) speaks in the hostages conflict and every displaced cluster, not in killed
    assert "cluster-hostages_held-gaza" in shown and "cluster-killed-gaza-cumulative" not in shown
    assert page.eval("document.querySelector('select[name=source]').value") == index["وكالة ج"]


def test_search_folds_hamza_and_tashkeel(browser, page_url):
    # the sentence says 'وزارة الصحة'; search without ta marbuta, with tashkeel and a hamza on alef
    for query in ("وِزَارَه الصحة", "وزاره الصحه", "الصِّحَّة"):
        page = browser.open(page_url + "#q=" + query, width=1200, height=900)
        # the killed conflict quotes it, and so does the single claim from the same sentence
        assert page.eval(SHOWN) == ["cluster-killed-gaza-cumulative", "cluster-killed-earlier"], query
    # 'أكثر' (hamza on alef) finds 'اكثر'-folded text in every cluster with 'أكثر من'
    page = browser.open(page_url + "#q=اكثر من 100", width=1200, height=900)
    assert page.eval(SHOWN) == ["cluster-hostages_held-gaza"]
    page = browser.open(page_url + "#q=no-such-words", width=1200, height=900)
    assert page.eval(SHOWN) == []


def test_sort_by_size_and_date(browser, tmp_path):
    big = samples.CLUSTERS[0].model_copy(update={"id": "killed-big", "claims": samples.CLUSTERS[0].claims * 3})
    report = samples.report().model_copy(update={"clusters": [*samples.CLUSTERS, big]})
    path = tmp_path / "r.html"
    path.write_text(render_html(report, samples.texts()), encoding="utf-8")
    order = "[...document.querySelectorAll('#list-conflicts > [data-item]')].map(e => e.id)"
    page = browser.open(path.as_uri(), width=1200, height=900)
    default = page.eval(order)
    page = browser.open(path.as_uri() + "#sort=size", width=1200, height=900)
    assert page.eval(order)[0] == "cluster-killed-big" and sorted(page.eval(order)) == sorted(default)
    page = browser.open(path.as_uri() + "#sort=date", width=1200, height=900)
    # the hostages conflict's latest claim is 2024-03-25, as is the killed one's; ties keep order
    dates = page.eval("[...document.querySelectorAll('#list-conflicts > [data-item]')].map(e => e.dataset.date)")
    assert dates == sorted(dates, reverse=True)


def test_english_page_is_left_to_right(browser, page_url):
    page = browser.open(page_url.replace("report.html", "report-en.html"), width=390, height=844, mobile=True)
    assert page.eval("document.documentElement.dir") == "ltr"
    assert page.eval("document.querySelector('#conflicts h2').textContent").startswith("Conflicts")
    page.eval("document.querySelectorAll('details').forEach(d => d.open = true)")
    assert page.eval("document.documentElement.scrollWidth") <= 390


def test_page_without_script_has_everything_in_order(tmp_path):
    """No JavaScript: every cluster is in the HTML, conflicts first, none hidden."""
    report = samples.report().model_copy(update={"clusters": _many_clusters()})
    html = render_html(report, samples.texts())
    ids = [f"cluster-{c.id}" for c in _many_clusters()]
    positions = [html.index(f'id="{i}"') for i in ids]
    assert all(p > 0 for p in positions)
    assert html.index('id="cluster-hostages_held-gaza"') < html.index('id="cluster-displaced-gaza"')
    assert " hidden " not in html.split('id="list-conflicts"', 1)[1].split("</section>", 1)[0]
