"""Reports that fit their reader: complete streamed JSON / JSON Lines, and pages that lead with
the conflicts and summarise the rest when the archive is large."""

from __future__ import annotations

import io
import json

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


def _entries(page: str, css: str) -> list[str]:
    import re

    return re.findall(rf'<li class="{css}"[^>]*>.*?</li>(?=<li class="{css}"|</ol>)', page, re.S)


def test_a_large_page_lists_every_conflict_and_inconsistency_in_bounded_bytes(generated, monkeypatch):
    """On a generated archive every conflict and every inconsistency between clusters has its
    own entry (anchor) on the HTML page and in the Markdown, the detailed ones and the lines within
    their byte budgets; those inside one running total are one entry per cluster and type,
    counted in full, the first few anchored, so their number does not grow the page."""
    import re

    groups_mod = _small_large(monkeypatch)
    report = generated.report()
    files = pipeline.render_reports(report, ("md", "html"), generated.texts)
    page, md = files["report.html"], files["report.md"]
    conflicts = [c for c in report.clusters if c.status == "conflict"]
    split = groups_mod.for_page(report.inconsistencies)
    assert len(conflicts) > 20 and len(split.lines) > 20 and split.groups, (len(conflicts), len(split.lines))
    inside = [i for g in split.groups for i in g.items]
    assert len(inside) > 3 * len(split.groups)  # running totals with many falling figures each
    assert len({(g.type, g.clusters) for g in split.groups}) == len(split.groups)
    assert len({(i.type, tuple(i.clusters)) for i in split.detailed + split.lines}) == len(split.detailed + split.lines)
    assert split.total == len(report.inconsistencies)
    for c in conflicts:
        assert f'id="cluster-{c.id}"' in page and f"`{c.id}`" in md
    for inc in split.detailed + split.lines:
        assert f'id="inconsistency-{inc.id}"' in page and f"`{inc.id}`" in md
    anchored = [i for i in inside if f'id="inconsistency-{i.id}"' in page]
    assert len(anchored) == sum(len(g.shown) for g in split.groups) < len(inside)
    lines = _entries(page.split('id="list-inconsistencies-more"')[1], "inconsistency")
    assert len(lines) >= len(split.lines)
    assert max(len(x.encode()) for x in lines[:len(split.lines)]) <= groups_mod.LINE_BYTES
    grouped = _entries(page.split('id="list-inconsistencies-grouped"')[1], "inconsistency")
    assert len(grouped) == len(split.groups)
    assert max(len(x.encode()) for x in grouped) <= groups_mod.GROUP_BYTES
    for g, entry in zip(split.groups, grouped):
        text = re.sub(r"<[^>]+>", "", entry)
        shown = {c.id for c in conflicts}  # the page renders its conflicts: only they are linked
        assert all((f'href="#cluster-{c}"' in entry) == (c in shown) and c in text for c in g.clusters)
        assert f" · {len(g.items)} " in text
        assert f"+{len(g.items) - len(g.shown)} · report.json" in text or len(g.items) == len(g.shown)


def test_a_large_page_grows_by_bounded_bytes_per_inconsistency(generated, monkeypatch):
    """Counted in bytes: an inconsistency between other clusters past the detailed ones costs
    one line; a running total's further falling figures, and the same clusters breaking the
    same constraint again (another day), cost nothing on the page (counted)."""
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
    assert per_line <= groups_mod.LINE_BYTES, per_line
    assert size(10, 1000) - size(10, 10) <= 16  # only the count's digits
    assert size(10, 10, 1000) - size(10, 10, 10) <= 16
    md = pipeline.render_pages(*large.reader_report(archive(10, 1000)), ("md",))["report.md"]
    assert md.count(g.items[0].id) == groups_mod.GROUP_SHOWN and "+995" in md


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
    """An inconsistency's line gives its id, the figures it cites by article (the first few,
    then how many more) and links to its conflicts, whatever the number of its claims."""
    groups_mod = _small_large(monkeypatch)
    report = generated.report()
    inc = groups_mod.for_page(report.inconsistencies).lines[0]
    claims = [inc.claims[0].model_copy(update={"doc": f"doc-{i}", "value": 100 + i}) for i in range(40)]
    claims += [inc.claims[0].model_copy(update={"doc": "doc-0", "value": 7}) for _ in range(9)]
    wide = inc.model_copy(update={"id": "wide-1", "claims": claims, "clusters": ["wide-a", "wide-b"]})
    assert groups_mod.line_figures(wide) == "doc-0: 100, 7, 7 +7 · doc-1: 101 · doc-2: 102 · +37"
    page = pipeline.render_pages(*large.reader_report(report.model_copy(
        update={"inconsistencies": [*report.inconsistencies, wide]})), ("html", "md"), generated.texts)
    entry = next(x for x in _entries(page["report.html"], "inconsistency") if 'id="inconsistency-wide-1"' in x)
    assert "doc-0: 100, 7, 7 +7 · doc-1: 101 · doc-2: 102 · +37" in entry and "doc-3" not in entry
    assert len(entry.encode()) <= groups_mod.LINE_BYTES
    md_line = next(x for x in page["report.md"].splitlines() if "`wide-1`" in x)
    assert "+37" in md_line and len(md_line.encode()) < 200
