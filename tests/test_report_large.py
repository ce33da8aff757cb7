"""Reports that fit their reader: complete streamed JSON / JSON Lines, and pages that lead with
the conflicts and summarise the rest when the archive is large."""

from __future__ import annotations

import io
import json
import re
from collections import Counter

import pytest

from crosscheck import pipeline
from crosscheck.report import large
from crosscheck.report.json import render_json


@pytest.fixture(scope="module")
def analysis():
    return pipeline.analyse(["fixtures"])


def test_model_dump_json_gives_the_bytes_of_the_json_module(analysis):
    report = analysis.report()
    slow = json.dumps(report.model_dump(mode="json"), ensure_ascii=False, indent=2) + "\n"
    assert render_json(report) == slow
    buf = io.StringIO()
    large.write_json(report, buf)
    assert buf.getvalue() == slow


def test_json_lines_hold_every_document_and_cluster(analysis, tmp_path):
    report = analysis.report()
    written = pipeline.write_reports(analysis, tmp_path, ("jsonl",))
    lines = [json.loads(x) for x in written[0].read_text(encoding="utf-8").splitlines()]
    assert lines[0]["type"] == "header" and lines[0]["clusters"] == len(report.clusters)
    clusters = [x for x in lines if x["type"] == "cluster"]
    assert [c["id"] for c in clusters] == [c.id for c in report.clusters]
    assert clusters[0] == {"type": "cluster", **json.loads(report.clusters[0].model_dump_json())}
    assert sum(x["type"] == "document" for x in lines) == len(report.documents)


def test_large_reports_lead_with_conflicts_and_count_the_rest(analysis, tmp_path, monkeypatch):
    report = analysis.report()
    conflicts = [c for c in report.clusters if c.status == "conflict"]
    others = [c for c in report.clusters if c.status != "conflict"]
    assert conflicts and others
    small = pipeline.render_reports(report, ("md", "html"), analysis.texts)
    monkeypatch.setattr(large, "LARGE_CLUSTERS", 3)
    files = pipeline.render_reports(report, ("md", "html", "json"), analysis.texts)
    md, page = files["report.md"], files["report.html"]
    english = pipeline.render_reports(report, ("md", "html"), analysis.texts, lang="en")
    # the note and the table follow --lang (rules/labels.yaml), in Arabic by default
    assert f"{len(report.clusters)} مجموعة في المجموع" in md and "clusters in all" not in md
    assert f"{len(report.clusters)} clusters in all" in english["report.md"]
    assert "report.json has every cluster" in english["report.md"]
    assert "<h2>Large archive</h2>" in english["report.html"] and "<h2>أرشيف كبير</h2>" in page
    assert 'id="large-archive"' in page
    for c in conflicts:
        assert c.id in page
    shown_ids = {c.id for c in large.reader_report(report)[0].clusters}
    assert shown_ids == {c.id for c in conflicts} | {i for inc in report.inconsistencies for i in inc.clusters}
    for c in others:
        if c.id not in shown_ids:
            assert c.id not in page
    kinds = {c.kind for c in others if c.id not in shown_ids}
    from crosscheck.report.labels import load_labels

    for k in kinds:
        assert f"| {load_labels().kind(k, 'ar')} |" in md
        assert f"| {load_labels().kind(k, 'en')} |" in english["report.md"]
    assert len(page) < len(small["report.html"])
    assert json.loads(files["report.json"])["clusters"] == json.loads(render_json(report))["clusters"]


def test_few_clusters_of_many_claims_are_a_large_archive(analysis, monkeypatch):
    """A page shows every claim of a small report with its sentence (about 650 bytes a claim),
    so a few clusters retold by hundreds of articles each get a large archive's pages too."""
    report = analysis.report()
    claims = sum(len(c.claims) for c in report.clusters)
    assert len(report.clusters) <= large.LARGE_CLUSTERS
    monkeypatch.setattr(large, "LARGE_CLAIMS", claims)
    assert large.reader_report(report)[1] is None
    monkeypatch.setattr(large, "LARGE_CLAIMS", claims - 1)
    shown, view = large.reader_report(report)
    assert view is not None and view.claims == claims and 'id="large-archive"' in \
        pipeline.render_pages(shown, view, ("html",), analysis.texts)["report.html"]


def test_a_large_page_grows_by_a_bounded_number_of_bytes_per_conflict(analysis, monkeypatch):
    """The size goal (under 10 MB at 100,000 articles), counted in bytes per conflict: past the
    DETAILED most severe, a conflict costs one line whatever its number of claims."""
    report = analysis.report()
    conflict = max((c for c in report.clusters if c.status == "conflict"), key=lambda c: len(c.claims))
    many = conflict.claims * (60 // len(conflict.claims) + 1)  # a conflict of 60+ claims

    def archive(n: int):
        clusters = [conflict.model_copy(update={"id": f"{conflict.id}-{i:05d}", "claims": many,
                                                "severity": 1 - i / 10_000}) for i in range(n)]
        return report.model_copy(update={"clusters": clusters})

    monkeypatch.setattr(large, "LARGE_CLUSTERS", 3)
    monkeypatch.setattr(large, "DETAILED", 4)
    sizes = {}
    for n in (10, 110):
        shown, view = large.reader_report(archive(n))
        assert view is not None and view.sizes[shown.clusters[0].id] == len(many)
        assert max(len(c.claims) for c in shown.clusters) <= large.DETAILED_CLAIMS
        sizes[n] = len(pipeline.render_pages(shown, view, ("html",), analysis.texts)["report.html"].encode())
    per_conflict = (sizes[110] - sizes[10]) / 100
    assert per_conflict <= large.BRIEF_BYTES, per_conflict
    print(f"{per_conflict:.0f} bytes per conflict past the detailed ones")


@pytest.fixture(scope="module")
def generated(tmp_path_factory):
    """A generated archive (benchmarks/gen_articles.py): random figures, so many conflicts,
    inconsistencies between clusters and running totals that fall."""
    from corpus_support import generated_corpus

    path = generated_corpus(tmp_path_factory.mktemp("gen"), 120, seed=7)
    return pipeline.analyse([str(path)])


def _small_large(monkeypatch):
    from crosscheck.report import inconsistency_groups

    monkeypatch.setattr(large, "LARGE_CLUSTERS", 3)
    monkeypatch.setattr(large, "DETAILED", 5)
    monkeypatch.setattr(inconsistency_groups, "DETAILED", 5)
    return inconsistency_groups


_GROUP = re.compile(r'<h3 class="group">(.*?)</h3><ol class="compact lines" id="([^"]+)" data-list data-lines([^>]*)>(.*?)</ol>', re.S)
_LINE = re.compile(r'<li id="([^"]+)"([^>]*)>(.*?)</li>', re.S)
_ATTR = re.compile(r' (data-[a-z-]+)="([^"]*)"')


def _members(page: str) -> Counter:
    """Inconsistency id -> how many times a page names it: an anchor of its own, or a member of
    a group's line (`data-id-prefix` + each of `data-ids`)."""
    out: Counter = Counter()
    for attrs in re.findall(r"<(?:li|article) ([^>]*)>", page):
        got = dict(_ATTR.findall(" " + attrs))
        if "data-ids" in got:
            out.update(got.get("data-id-prefix", "") + x for x in got["data-ids"].split())
        elif (anchor := re.search(r'\bid="inconsistency-([^"]+)"', attrs)):
            out[anchor.group(1)] += 1
    return out


def _groups(page: str, section: str) -> list[dict]:
    """The groups of one-line entries of a large page's `section` (the id of its container):
    heading, list attributes and lines (anchor, attributes, inner HTML), as written; nothing
    else stands in a list."""
    start = page.index(f'<div id="{section}">')
    end = page.index("</div>", start)
    part = page[start:end]
    out = []
    for heading, list_id, attrs, body in _GROUP.findall(part):
        found = _LINE.findall(body)
        assert "".join(f'<li id="{i}"{a}>{x}</li>' for i, a, x in found) == body
        out.append({"heading": heading, "id": list_id, "attrs": dict(_ATTR.findall(attrs)),
                    "lines": [(i, dict(_ATTR.findall(a)), x) for i, a, x in found]})
    assert len(out) == part.count('<h3 class="group">')
    return out


def _count_in(heading: str) -> int:
    m = re.search(r'<span class="ctx"><bdi class="num" dir="ltr">([\d,]+)</bdi></span>$', heading)
    return int(m.group(1).replace(",", ""))


def _text(inner: str) -> str:
    import html as html_mod

    return html_mod.unescape(re.sub(r"<[^>]+>", "", inner))


def test_a_large_page_lists_every_conflict_and_inconsistency_once_under_its_group(generated, monkeypatch):
    """Every conflict and every inconsistency of report.json is on the HTML page once: an
    anchored entry, or (the same clusters at several moments, or one running total) a member
    of the one line of its group, which has the latest member's anchor and every member's id
    (`data-id-prefix`, `data-ids`) and says how many moments, their first and last dates and
    the latest one's figures; the Markdown has the same lines.  Past the detailed ones each
    entry is a line under a heading per kind and scope (conflicts) or per type and kinds
    (inconsistencies), whose count is its number of lines; the filter attributes the lines
    share are their list's (kind, status, strength, places), their sources their own."""
    from crosscheck.report.page_lines import cluster_places, conflict_text, latest, moment_summary, summary_text

    groups_mod = _small_large(monkeypatch)
    report = generated.report()
    files = pipeline.render_reports(report, ("md", "html", "json"), generated.texts)
    page, md, data = files["report.html"], files["report.md"], json.loads(files["report.json"])
    conflicts = [c for c in data["clusters"] if c["status"] == "conflict"]
    incs = data["inconsistencies"]
    split = groups_mod.for_page(report.inconsistencies)
    assert len(conflicts) > 20 and len(split.lines) > 20 and len(split.groups) > 3
    assert sum(len(g.items) for g in split.groups) > 3 * len(split.groups)  # groups of many moments
    anchors = Counter(re.findall(r' id="((?:cluster|inconsistency)-[^"]+)"', page))
    assert {a: n for a, n in anchors.items() if n != 1} == {}
    assert {a for a in anchors if a.startswith("cluster-")} == {"cluster-" + c["id"] for c in conflicts}
    members = _members(page)
    assert {x: n for x, n in members.items() if n != 1} == {}
    assert set(members) == {i["id"] for i in incs}
    grouped = {i.id for g in split.groups for i in g.items}
    assert {a for a in anchors if a.startswith("inconsistency-")} == \
        {"inconsistency-" + i["id"] for i in incs if i["id"] not in grouped} | \
        {"inconsistency-" + moment_summary(g.items).latest.id for g in split.groups}
    in_md = Counter(re.findall(r"^- `([^`]+)` ", md, re.M)) + Counter(re.findall(r"^`([^`]+)` · ", md, re.M))
    assert {x: n for x, n in in_md.items() if n != 1} == {}
    assert set(in_md) == {c["id"] for c in conflicts} | {i["id"] for i in incs if i["id"] not in grouped} | \
        {moment_summary(g.items).latest.id for g in split.groups}

    shown, view = large.reader_report(report)
    by_id = {c.id: c for c in shown.clusters}
    docs = {d.id: d for d in report.documents}
    sources = sorted({d.source for d in report.documents if d.source})
    conflict_groups = _groups(page, "list-conflicts-more")
    assert sum(len(g["lines"]) for g in conflict_groups) == len(conflicts) - large.DETAILED
    assert len(conflict_groups) < len(conflicts) - large.DETAILED  # lines share their headings
    for g in conflict_groups:
        assert _count_in(g["heading"]) == len(g["lines"]) > 0
        assert g["attrs"]["data-status"] == "conflict"
        for anchor, attrs, inner in g["lines"]:
            c = by_id[anchor.removeprefix("cluster-")]
            assert g["attrs"]["data-kind"] == c.kind and g["attrs"].get("data-strength", "") == (c.strength or "")
            assert (g["attrs"].get("data-place") or attrs.get("data-place", "")) == " ".join(cluster_places(c))
            assert not ("data-place" in g["attrs"] and "data-place" in attrs)
            assert attrs.get("data-source", "") == " ".join(
                str(sources.index(s)) for s in sorted({docs[x.doc].source for x in c.claims if docs[x.doc].source}))
            assert _text(inner) == conflict_text(c, view.sizes[c.id]) and latest(c.claims) in inner
    inc_by_id = {i.id: i for i in report.inconsistencies}
    between = _groups(page, "list-inconsistencies-more")
    listed = [inc_by_id[i.removeprefix("inconsistency-")] for g in between for i, _, _ in g["lines"]]
    assert sorted(i.id for i in listed) == sorted(i.id for i in split.lines)
    for g in between:
        types = {inc_by_id[i.removeprefix("inconsistency-")].type for i, _, _ in g["lines"]}
        assert len(types) == 1 and _count_in(g["heading"]) == len(g["lines"])
        assert g["attrs"]["data-status"] == "inconsistency"
    moments = _groups(page, "list-inconsistencies-grouped")
    lines = [line for g in moments for line in g["lines"]]
    assert len(lines) == len(split.groups) < len(grouped)  # one line per group of moments
    by_latest = {moment_summary(g.items).latest.id: g for g in split.groups}
    for g in moments:
        assert _count_in(g["heading"]) == len(g["lines"])
        assert len({inc_by_id[i.removeprefix("inconsistency-")].type for i, _, _ in g["lines"]}) == 1
    for anchor, attrs, inner in lines:
        want = by_latest[anchor.removeprefix("inconsistency-")]
        summary = moment_summary(want.items)
        assert attrs["data-ids"].split() == [i.id.removeprefix(attrs.get("data-id-prefix", "")) for i in want.items]
        assert _text(inner) == " ".join(want.clusters) + " · " + summary_text(summary)
        assert attrs.get("data-date", "") == summary.last == max(latest(i.claims) for i in want.items)
        if summary.count > 1:  # how many moments and their span, said on the line
            span = summary.first if summary.first == summary.last else f"{summary.first} – {summary.last}"
            assert _text(inner).split(" · ")[1] == f"{summary.count} × {span}"
    assert any(moment_summary(g.items).count > 10 for g in split.groups)
    # the Markdown has the same groups: each heading's count is its number of lines
    md_groups = re.findall(r"^#### (.*)\n\n((?:- .*\n)+)", md, re.M)
    assert len(md_groups) > len(moments) + len(between)  # (the Markdown's first 25 have tables)
    for heading, body in md_groups:
        assert int(re.search(r"\((\d+)\)$", heading).group(1)) == body.count("\n")


def test_a_large_page_escapes_every_field_of_its_lines(generated, monkeypatch):
    """Article ids, events, roles, places and sources are untrusted: on a line, in a heading and
    in a list's attributes they are escaped (bidi controls shown), in the HTML and the Markdown."""
    groups_mod = _small_large(monkeypatch)
    monkeypatch.setattr(large, "DETAILED", 0)
    monkeypatch.setattr(groups_mod, "DETAILED", 0)
    report = generated.report()
    evil = '<script>x</script>"\u202e&'
    escaped = "&lt;script&gt;x&lt;/script&gt;&quot;&lt;U+202E&gt;&amp;"
    conflict = next(c for c in report.clusters if c.status == "conflict" and c.key.get("event"))
    doc = conflict.claims[0].doc
    claims = [c.model_copy(update={"doc": evil + "doc", "location": "pl" + evil}) if c.doc == doc else c
              for c in conflict.claims]
    hostile = conflict.model_copy(update={"id": "evil-conflict", "claims": claims, "severity": 0.0,
                                          "key": {**conflict.key, "event": "vote:x;res=" + evil}})
    inc = next(g.items[0] for g in groups_mod.for_page(report.inconsistencies).groups)
    bad_inc = inc.model_copy(update={"id": "evil-inc", "clusters": ["evil-conflict"],
                                     "claims": [c.model_copy(update={"doc": evil, "role": "r" + evil}) for c in inc.claims]})
    documents = [*report.documents, report.documents[0].model_copy(update={"id": evil + "doc", "source": evil})]
    hostile_report = report.model_copy(update={"clusters": [*report.clusters, hostile], "documents": documents,
                                               "inconsistencies": [*report.inconsistencies, bad_inc]})
    files = pipeline.render_reports(hostile_report, ("md", "html"), generated.texts)
    page, md = files["report.html"], files["report.md"]
    assert page.count("<script") == 1 and "\u202e" not in page and "\u202e" not in md
    line = re.search(r'<li id="cluster-evil-conflict"[^>]*>.*?</li>', page).group(0)
    assert f"res={escaped} " in line and f"{escaped}doc: " in line
    inc_line = re.search(r'<li id="inconsistency-evil-inc"[^>]*>.*?</li>', page).group(0)
    assert f"r{escaped} {escaped} " in inc_line
    assert any(f"pl{escaped}" in g["attrs"].get("data-place", "") for g in _groups(page, "list-conflicts-more"))
    assert any('<bdi title="vote:x">vote:x</bdi>' in g["heading"] for g in _groups(page, "list-conflicts-more"))
    for section in ("list-conflicts-more", "list-inconsistencies-more", "list-inconsistencies-grouped"):
        for g in _groups(page, section):
            for _, attrs, inner in g["lines"]:
                assert "<" not in re.sub(r'<a href="#cluster-[^"<>]+">[^<>]*</a>', "", inner)  # text and our links only
    assert "<script" not in md and "\u202e" not in md
    md_line = next(x for x in md.splitlines() if "`evil-conflict`" in x)
    md_evil = '&lt;script&gt;x&lt;/script&gt;"&lt;U+202E&gt;&amp;'  # report.markdown.md_escape
    assert md_line.startswith(f"- `evil-conflict` res={md_evil} {md_evil}doc: "), md_line
    md_inc = next(x for x in md.splitlines() if "`evil-inc`" in x)
    assert f"r{md_evil} {md_evil} " in md_inc, md_inc


def test_large_pages_are_deterministic(generated, monkeypatch, tmp_path):
    """The same report gives the same bytes: twice in one process, and in two processes whose
    string hashing differs (every set of places, sources and kinds is sorted before it is said)."""
    import os
    import subprocess
    import sys

    _small_large(monkeypatch)
    report = generated.report()
    first = pipeline.render_reports(report, ("md", "html"), generated.texts)
    assert pipeline.render_reports(report, ("md", "html"), generated.texts) == first
    (tmp_path / "report.json").write_text(render_json(report), encoding="utf-8")
    script = (
        "import sys\n"
        "from crosscheck.models import Report\n"
        "from crosscheck.report import large, inconsistency_groups\n"
        "from crosscheck import pipeline\n"
        "large.LARGE_CLUSTERS, large.DETAILED, inconsistency_groups.DETAILED = 3, 5, 5\n"
        "r = Report.model_validate_json(open(sys.argv[1], encoding='utf-8').read())\n"
        "out = pipeline.render_reports(r, ('md', 'html'))\n"
        "sys.stdout.buffer.write((out['report.html'] + out['report.md']).encode())\n"
    )
    outs = []
    for seed in ("1", "2"):
        env = {**os.environ, "PYTHONHASHSEED": seed}
        outs.append(subprocess.run([sys.executable, "-c", script, str(tmp_path / "report.json")], env=env,
                                   capture_output=True, check=True).stdout)
    assert outs[0] == outs[1] and b'id="list-conflicts-more"' in outs[0]
    assert b'id="list-inconsistencies-grouped"' in outs[0]


def test_a_large_page_grows_by_bounded_bytes_per_inconsistency(generated, monkeypatch):
    """Counted in bytes: an inconsistency between other clusters past the detailed ones costs
    one line, each within `LINE_BYTES`; a further moment of the same clusters or falling figure
    of a running total costs its id on its group's one line (which counts it)."""
    from crosscheck.report.markdown import md_escape
    from crosscheck.report.page_lines import latest, moment_text

    groups_mod = _small_large(monkeypatch)
    report = generated.report()
    split = groups_mod.for_page(report.inconsistencies)
    line = split.lines[0]
    g = next(g for g in split.groups if groups_mod._inside(g.items[0]))

    def archive(n_lines: int, n_inside: int, n_again: int = 1):
        incs = [line.model_copy(update={"id": f"{line.id}-{i:05d}", "clusters": [f"{c}-{i}" for c in line.clusters]})
                for i in range(n_lines)]
        incs += [line.model_copy(update={"id": f"{line.id}-again-{i:05d}"}) for i in range(n_again)]
        incs += [g.items[0].model_copy(update={"id": f"{g.items[0].id}-{i:05d}"}) for i in range(n_inside)]
        return report.model_copy(update={"inconsistencies": incs})

    def size(n_lines: int, n_inside: int, n_again: int = 2) -> int:
        shown, view = large.reader_report(archive(n_lines, n_inside, n_again))
        return len(pipeline.render_pages(shown, view, ("html",), generated.texts)["report.html"].encode())

    per_line = (size(110, 10) - size(10, 10)) / 100
    per_moment = (size(10, 1010) - size(10, 10)) / 1000
    per_again = (size(10, 10, 1002) - size(10, 10, 2)) / 1000
    assert per_line <= groups_mod.LINE_BYTES, per_line
    assert max(per_moment, per_again) <= 12, (per_moment, per_again)  # an id's end ('00042 ') on its group's line
    print(f"{per_line:.0f} B per line, {per_moment:.0f} per falling figure, {per_again:.0f} per moment again")
    md = pipeline.render_pages(*large.reader_report(archive(10, 1000)), ("md",))["report.md"]
    assert [x for x in md.splitlines() if f"`{g.items[0].id}-" in x] == \
        [f"- `{g.items[0].id}-00999` {', '.join(f'`{c}`' for c in g.clusters)} · 1000 × {latest(g.items[0].claims)} · "
         + md_escape(moment_text(g.items[0]))]


def _dead_links(page: str) -> set[str]:
    import re

    return set(re.findall(r'href="#([^"]+)"', page)) - set(re.findall(r' id="([^"]+)"', page))


def test_every_link_of_a_large_page_resolves(generated, monkeypatch):
    """Inconsistencies name clusters the large page does not render (a single-source tally
    above the body's size): those are named, not linked; every link points at an anchor."""
    import re

    groups_mod = _small_large(monkeypatch)
    report = generated.report()
    page = pipeline.render_reports(report, ("html",), generated.texts)["report.html"]
    named = {c for inc in report.inconsistencies for c in inc.clusters}
    conflicts = {c.id for c in report.clusters if c.status == "conflict"}
    assert named - conflicts and named & conflicts  # both kinds are named on this corpus
    links = set(re.findall(r'href="#cluster-([^"]+)"', page))
    assert links and links <= conflicts and not _dead_links(page)
    detailed = groups_mod.for_page(report.inconsistencies).detailed
    assert all(c in page for inc in detailed for c in inc.clusters)  # unrendered ones as plain ids
    monkeypatch.setattr(large, "LARGE_CLUSTERS", 10_000)
    small = pipeline.render_reports(report, ("html",), generated.texts)["report.html"]
    assert not _dead_links(small) and set(re.findall(r'href="#cluster-([^"]+)"', small)) >= named & links


def test_a_large_page_line_cites_its_figures_in_bounded_bytes(generated, monkeypatch):
    """An inconsistency's line gives the figures it cites by article (the first few, then how
    many more), its date and links to its conflicts, whatever the number of its claims; so does
    a moment's line, by role."""
    from crosscheck.report.page_lines import moment_text

    groups_mod = _small_large(monkeypatch)
    report = generated.report()
    inc = groups_mod.for_page(report.inconsistencies).lines[0]
    claims = [inc.claims[0].model_copy(update={"doc": f"doc-{i}", "value": 100 + i}) for i in range(40)]
    claims += [inc.claims[0].model_copy(update={"doc": "doc-0", "value": 7}) for _ in range(9)]
    wide = inc.model_copy(update={"id": "wide-1", "claims": claims, "clusters": ["wide-a", "wide-b"]})
    assert groups_mod.line_figures(wide) == "doc-0: 100, 7, 7 +7 · doc-1: 101 · doc-2: 102 · +37"
    page = pipeline.render_pages(*large.reader_report(report.model_copy(
        update={"inconsistencies": [*report.inconsistencies, wide]})), ("html", "md"), generated.texts)
    entry = re.search(r'<li id="inconsistency-wide-1"[^>]*>.*?</li>', page["report.html"]).group(0)
    assert "doc-0: 100, 7, 7 +7 · doc-1: 101 · doc-2: 102 · +37" in entry and "doc-3" not in entry
    assert len(entry.encode()) <= groups_mod.LINE_BYTES
    md_line = next(x for x in page["report.md"].splitlines() if "`wide-1`" in x)
    assert "+37" in md_line and len(md_line.encode()) < 200
    g = groups_mod.for_page(report.inconsistencies).groups[0]
    first = g.items[0].claims[0]
    many = g.items[0].model_copy(update={"claims": [first.model_copy(update={"doc": f"d{i}"}) for i in range(30)]})
    text = moment_text(many)
    assert text.count(" d") == groups_mod.LINE_FIGURES and text.endswith(" +27") and len(text.encode()) < 200


def test_a_large_page_filters_and_sorts_its_grouped_lines_in_a_browser(generated, monkeypatch, tmp_path):
    """In headless Chromium: the page's script takes every line of a grouped list as an entry,
    reads the attributes the lines share from their list (kind, status, place) and a line's own
    (source, place), sorts lines by their date (`data-date`, else the first in their text),
    every anchor is there, and `#inconsistency-ID` of a group's member scrolls to its line."""
    from cdp import Browser, chromium_for_tests

    exe = chromium_for_tests()
    _small_large(monkeypatch)
    report = generated.report()
    page_html = pipeline.render_reports(report, ("html",), generated.texts)["report.html"]
    path = tmp_path / "report.html"
    path.write_text(page_html, encoding="utf-8")
    shown = "[...document.querySelectorAll('[data-lines] > li')].filter(e => !e.hasAttribute('hidden')).map(e => e.id)"
    every = re.findall(r'<li id="([^"]+)"', page_html)
    conflicts = {c.id: c for c in large.reader_report(report)[0].clusters if c.status == "conflict"}
    kind = "killed"
    want_kind = [i for i in every if i.startswith("cluster-") and conflicts[i.removeprefix("cluster-")].kind == kind]
    assert want_kind
    sources = sorted({d.source for d in report.documents if d.source})
    src = sources[0]
    docs = {d.id: d.source for d in report.documents}
    incs = {i.id: i for i in report.inconsistencies}

    members = {}  # a group's line -> its members (page_lines: one line per group of moments)
    for anchor, prefix, ids in re.findall(
            r'<li id="([^"]+)"[^>]*?(?: data-id-prefix="([^"]*)")? data-ids="([^"]*)"', page_html):
        members[anchor] = [prefix + x for x in ids.split()]

    def cites(line_id: str) -> set:
        claims = (conflicts[line_id.removeprefix("cluster-")].claims if line_id.startswith("cluster-")
                  else [c for i in members.get(line_id, [line_id.removeprefix("inconsistency-")]) for c in incs[i].claims])
        return {docs.get(c.doc) for c in claims}

    with Browser(exe, tmp_path / "profile") as b:
        page = b.open(path.as_uri() + "#status=conflict&kind=" + kind, width=1200, height=900)
        page.eval("document.querySelectorAll('[data-more]').forEach(x => { for (let i = 0; i < 40; i++) x.click(); })")
        assert sorted(page.eval(shown)) == sorted(want_kind)
        page = b.open(path.as_uri() + "#status=inconsistency&source=0", width=1200, height=900)
        page.eval("document.querySelectorAll('[data-more]').forEach(x => { for (let i = 0; i < 40; i++) x.click(); })")
        got = page.eval(shown)
        assert got and sorted(got) == sorted(i for i in every if i.startswith("inconsistency-") and src in cites(i))
        doc = report.documents[3].id  # searched in the lines' text
        page = b.open(path.as_uri() + "#q=" + doc, width=1200, height=900)
        page.eval("document.querySelectorAll('[data-more]').forEach(x => { for (let i = 0; i < 40; i++) x.click(); })")
        texts = dict(re.findall(r'<li id="([^"]+)"[^>]*>(.*?)</li>', page_html))
        want_doc = [i for i in every if doc in re.sub(r"<[^>]+>", "", texts[i])]
        assert want_doc and sorted(page.eval(shown)) == sorted(want_doc)
        page = b.open(path.as_uri() + "#sort=date", width=1200, height=900)
        lists = page.eval("[...document.querySelectorAll('[data-lines]')].map(l => [...l.children].map(e => "
                          "e.getAttribute('data-date') || (e.textContent.match(/\\d{4}-\\d\\d-\\d\\d/) || [''])[0]))")
        assert max(map(len, lists)) > 3 and all(x == sorted(x, reverse=True) for x in lists)
        # a member of a group of moments, not the line's own anchor: the script leads to its line,
        # shown even past what its list shows first (here one line a list)
        from crosscheck.report.html import render_html_pages

        shown_report, view = large.reader_report(report)
        one = tmp_path / "one.html"
        one.write_text(render_html_pages(shown_report, generated.texts, large=view, page_size=1)[0], encoding="utf-8")
        firsts = set(re.findall(r'data-lines[^>]*><li id="([^"]+)"', page_html))
        line, ids = next((k, v) for k, v in members.items() if len(v) > 2 and k not in firsts)
        page = b.open(one.as_uri() + "#inconsistency-" + ids[1], width=1200, height=900)
        assert "inconsistency-" + ids[1] != line
        where = page.eval(f"(() => {{ const e = document.getElementById({json.dumps(line)}); const r = e.getBoundingClientRect();"
                          " return [e.hasAttribute('hidden'), r.bottom > 0 && r.top < innerHeight, scrollY > 0, location.hash]; })()")
        assert where == [False, True, True, "#inconsistency-" + ids[1]], where
        assert page.eval("[...document.querySelectorAll('a[href^=\"#\"]')].every(a => document.getElementById(a.getAttribute('href').slice(1)))")


def test_a_large_report_continues_on_part_pages_under_a_byte_budget(generated, monkeypatch, tmp_path):
    """Counted in bytes, with a tiny budget (report.page_parts): the lists of report.html and
    report.md continue on part pages written beside them, every page (the first and each part)
    under the budget; every conflict and inconsistency is on exactly one page (an anchor, or a
    member of its group's line); the first page links every part, each part links back and
    carries the same script; every link resolves on the page it names; a later, shorter report
    removes the parts it no longer has; report.json is the same bytes."""
    from crosscheck.report import page_parts

    groups_mod = _small_large(monkeypatch)
    analysis = generated
    report = analysis.report()
    whole = pipeline.write_reports(analysis, tmp_path / "one", ("md", "html", "json"))
    assert [p.name for p in whole] == ["report.md", "report.html", "report.json"]
    budget = 70_000  # the generated archive's pages: ~120 kB of Markdown, ~200 kB of HTML (70 kB, not 80:
    # the vote identity of session 21 changed the archive's clusters so that 80 kB left no link across pages)
    monkeypatch.setattr(page_parts, "PAGE_BUDGET", budget)
    out = tmp_path / "parts"
    out.mkdir()
    (out / "report-9.html").write_text("an older report's part", encoding="utf-8")
    written = pipeline.write_reports(analysis, out, ("md", "html", "json"))
    names = [p.name for p in written]
    html_names = [n for n in names if n.endswith(".html")]
    md_names = [n for n in names if n.endswith(".md")]
    assert html_names[0] == "report.html" and len(html_names) >= 3 and len(md_names) >= 2
    assert html_names == ["report.html"] + [f"report-{k}.html" for k in range(2, len(html_names) + 1)]
    assert sorted(p.name for p in out.iterdir()) == sorted(names)  # the stale report-9.html is gone
    assert (out / "report.json").read_bytes() == (tmp_path / "one" / "report.json").read_bytes()
    pages = {n: (out / n).read_text(encoding="utf-8") for n in names if n != "report.json"}
    assert all(len(text.encode()) <= budget for text in pages.values()), {n: len(t.encode()) for n, t in pages.items()}

    conflicts = {c.id for c in report.clusters if c.status == "conflict"}
    anchors = Counter(a for n in html_names for a in re.findall(r' id="(cluster-[^"]+)"', pages[n]))
    assert set(anchors) == {"cluster-" + c for c in conflicts} and set(anchors.values()) == {1}
    members = sum((_members(pages[n]) for n in html_names), Counter())
    assert set(members) == {i.id for i in report.inconsistencies} and set(members.values()) == {1}
    assert all("<li id=" in pages[n] for n in html_names[1:])  # every part holds entries
    script = re.findall(r"<script>.*?</script>", pages["report.html"], re.S)
    for n in html_names[1:]:
        assert f'href="{n}"' in pages["report.html"] and 'href="report.html"' in pages[n]
        assert re.findall(r"<script>.*?</script>", pages[n], re.S) == script and 'id="controls"' in pages[n]
    ids = {n: set(re.findall(r' id="([^"]+)"', pages[n])) for n in html_names}
    for n in html_names:
        for target, anchor in re.findall(r'href="([^"#]*)#([^"]+)"', pages[n]):
            assert anchor in ids[target or n], (n, target, anchor)
    assert any(re.search(r'href="report-\d+\.html#cluster-', pages[n]) for n in html_names)  # across pages

    md = "".join(pages[n] for n in md_names)
    split = groups_mod.for_page(report.inconsistencies)
    from crosscheck.report.page_lines import moment_summary

    listed = Counter(re.findall(r"^- `([^`]+)` ", md, re.M)) + Counter(re.findall(r"^`([^`]+)` · ", md, re.M))
    grouped = {i.id for g in split.groups for i in g.items}
    assert set(listed) == conflicts | {i.id for i in report.inconsistencies if i.id not in grouped} | \
        {moment_summary(g.items).latest.id for g in split.groups}
    assert set(listed.values()) == {1}
    for n in md_names[1:]:
        assert f"]({n})" in pages["report.md"] and "](report.md)" in pages[n]

    monkeypatch.setattr(page_parts, "PAGE_BUDGET", 10_000_000)  # the same report, one page each again
    again = pipeline.write_reports(analysis, out, ("md", "html"))
    assert [p.name for p in again] == ["report.md", "report.html"]
    assert sorted(p.name for p in out.iterdir()) == ["report.html", "report.json", "report.md"]
    assert (out / "report.html").read_bytes() == (tmp_path / "one" / "report.html").read_bytes()


def test_page_parts_cut_lists_between_pages_and_count_each_piece():
    """page_parts.pack, counted: every line on exactly one page, in order, each page's lists
    within its room (headings at their longest, links with their slack), a list cut between
    pages says `lines here / lines in all`; a part page too small for a line still takes one."""
    from crosscheck.report import page_parts

    link = ' <a href="#x">x</a>'
    blocks = [page_parts.Block("s", "f", lambda count, b=b: f"<h3>{b} {count}</h3><ol>",
                               [f"<li>{b}-{i}{link if i % 7 == 0 else ''}</li>" for i in range(n)], "</ol>")
              for b, n in enumerate((3, 40, 1, 25))]
    pages = page_parts.pack(blocks, 300, 500)
    assert len(pages) > 3
    seen = [line for piece in (x for p in pages for x in p) for line in blocks[piece.block].lines[piece.start:piece.end]]
    assert seen == [line for b in blocks for line in b.lines]
    for k, pieces in enumerate(pages):
        room = 300 if k == 0 else 500
        text = page_parts.sections(blocks, pieces, lambda f: "<div>", lambda f: "</div>")["s"]
        assert page_parts.size(text) + page_parts.LINK_SLACK * text.count('href="#') <= room + len("<div></div>")
        assert pieces and all(p.end > p.start for p in pieces)
    counts = [p.count_text(blocks) for q in pages for p in q if p.block == 1]
    assert len(counts) > 1 and all(c.endswith(" / 40") for c in counts)
    assert sum(int(c.split(" / ")[0]) for c in counts) == 40
    tiny = page_parts.pack(blocks, 0, 10)
    assert [len(p) for p in tiny[1:]] == [1] * 69 and tiny[0] == []  # one line a page, none on the first
    assert page_parts.part_name("report.html", 1) == "report.html"
    assert page_parts.part_name("report.md", 12) == "report-12.md"


def test_pages_written_together_are_replaced_together(tmp_path):
    """util.atomic.write_texts_atomic: when one file cannot be replaced, none is; otherwise all
    are, and the first (the page naming the others) last."""
    import pytest

    from crosscheck.errors import CrosscheckError
    from crosscheck.util.atomic import write_texts_atomic

    (tmp_path / "report.html").write_text("old", encoding="utf-8")
    (tmp_path / "report-2.html").mkdir()  # a directory stands where a part goes
    with pytest.raises((CrosscheckError, OSError)):
        write_texts_atomic([(tmp_path / "report.html", "new"), (tmp_path / "report-2.html", "part")])
    assert (tmp_path / "report.html").read_text(encoding="utf-8") == "old"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["report-2.html", "report.html"]  # no temporary left
    (tmp_path / "report-2.html").rmdir()
    write_texts_atomic([(tmp_path / "report.html", "new"), (tmp_path / "report-2.html", "part")])
    assert [(tmp_path / n).read_text(encoding="utf-8") for n in ("report.html", "report-2.html")] == ["new", "part"]


def test_json_items_are_indented_as_textwrap_indents_them():
    """write_json_fields indents each item by replacing its newlines (no list of its lines):
    the same text as textwrap.indent, also for items holding line breaks JSON leaves unescaped
    (U+0085, U+2028, U+2029: str.splitlines breaks there, and they take the long way)."""
    import json as _json
    import textwrap

    from crosscheck.report.large import _indented

    items = [
        _json.dumps({"a": [1, {"b": "نص\nعلى سطرين"}], "c": {}, "d": []}, indent=2, ensure_ascii=False),
        _json.dumps({"s": "قبل\u2028بعد", "t": "x\x85y", "u": ["\u2029"]}, indent=2, ensure_ascii=False),
        "7", "[]",
    ]
    for text in items:
        assert _indented(text) == textwrap.indent(text, "    ")[4:], text
