"""Plain-text views: the `show` detail, the `clusters` lines, the summary, helpers."""

from __future__ import annotations

import pytest

import report_samples as samples
from crosscheck.report.cluster_view import (
    FSI,
    HIGHLIGHT_CLOSE,
    PDI,
    HIGHLIGHT_OPEN,
    cluster_line,
    format_interval,
    format_number,
    format_value,
    neutralise_bidi,
    render_cluster_detail,
    render_cluster_list,
    render_summary,
    sentence_parts,
    top_conflicts,
)
from crosscheck.errors import CrosscheckError
from crosscheck.pipeline import find_cluster, parse_formats, select_clusters

KILLED = samples.CLUSTERS[0]


def test_show_lists_every_claim_with_sentence_highlight_bounds_outlier_consensus():
    out = render_cluster_detail(KILLED, samples.texts())
    assert out.splitlines()[0] == "cluster killed-gaza-cumulative"
    assert "status conflict" in out
    assert "consensus 33,000" in out
    assert "severity 10%  cause reporting_lag" in out
    assert "scope group=all location=gaza period=cumulative" in out
    # each claim: source document, date, attribution, qualifier and bounds
    assert "[1] a-news  date 2024-03-25\n" in out
    assert "value > 33,000  qualifier more_than  bounds (33,000, ∞)" in out
    assert f"attribution {FSI}وزارة الصحة{PDI}" in out  # Arabic fields isolated for bidi terminals
    assert "[2] b-hostile  date 2024-03-22  OUTLIER" in out
    assert "bounds [27,000, 33,000]" in out
    # the sentence, with the number (not the whole surface) highlighted
    assert f"إن أكثر من {HIGHLIGHT_OPEN}33 ألف{HIGHLIGHT_CLOSE} شخص قتلوا منذ بداية الحرب" in out
    assert f"نحو {HIGHLIGHT_OPEN}30 ألف{HIGHLIGHT_CLOSE} شخص" in out


def test_show_only_marks_the_outlier():
    out = render_cluster_detail(KILLED, samples.texts())
    assert out.count("OUTLIER") == 1


def test_show_makes_bidi_overrides_visible():
    out = render_cluster_detail(KILLED, samples.texts())
    assert "\u202e" not in out
    # only our own isolates remain, balanced, one pair per Arabic field
    assert out.count(FSI) == out.count(PDI) > 0
    assert "<U+202E>في القطاع" in out
    assert "note dates differ by 3 days <U+202E>" in out


def test_highlight_uses_offsets_to_pick_the_right_repeat():
    # "33 ألف" occurs twice on the same line; the single-source claim is the second one.
    before, number, after = sentence_parts(samples.SINGLE_A, samples.TEXT_A)
    assert number == "33 ألف"
    assert "وأضافت أن " in before and before.endswith("وأضافت أن ")
    assert after.startswith(" شخص قتلوا وفق حصيلة سابقة.")


def test_highlight_without_text_falls_back_to_the_surface():
    before, number, after = sentence_parts(samples.KILLED_A)
    assert number == "33 ألف"
    assert before.endswith("إن أكثر من ")


def test_highlight_when_the_number_cannot_be_placed():
    odd = samples.KILLED_A.model_copy(update={"sentence": "جملة أخرى تماما"})
    assert sentence_parts(odd) == ("جملة أخرى تماما", "", "")
    out = render_cluster_detail(samples.CLUSTERS[0].model_copy(update={"claims": [odd]}))
    assert f"(as written: {FSI}أكثر من 33 ألف شخص{PDI})" in out


def test_cluster_line_has_id_kind_scope_values_status():
    fields = cluster_line(KILLED).split("\t")
    assert fields == [
        "killed-gaza-cumulative",
        "killed",
        "group=all location=gaza period=cumulative",
        "a-news: > 33,000 | b-hostile: ≈ 30,000*",
        "conflict",
    ]
    assert render_cluster_list(samples.CLUSTERS).count("\n") == len(samples.CLUSTERS)
    assert render_cluster_list([]) == ""


def test_summary_counts_and_orders_conflicts_by_severity():
    out = render_summary(3, 7, samples.CLUSTERS, top=1)
    assert out.startswith("documents 3  claims 7  clusters 4 (conflict 2, consistent 1, single 1)\n")
    assert "hostages_held-gaza" in out  # severity 50% beats 10%
    assert "killed-gaza-cumulative" not in out
    assert "… and 1 more" in out
    assert [c.id for c in top_conflicts(samples.CLUSTERS)] == ["hostages_held-gaza", "killed-gaza-cumulative"]


@pytest.mark.parametrize(
    ("low", "high", "lo_open", "hi_open", "text"),
    [
        (30000, 30000, False, False, "30,000"),
        (33000, None, True, False, "(33,000, ∞)"),
        (None, 100, False, True, "(-∞, 100)"),
        (27000, 33000, False, False, "[27,000, 33,000]"),
        (1.5, 2, False, True, "[1.5, 2)"),
    ],
)
def test_format_interval(low, high, lo_open, hi_open, text):
    assert format_interval(low, high, lo_open, hi_open) == text


def test_format_number_and_value():
    assert format_number(72063) == "72,063"
    assert format_number(2.0) == "2"
    assert format_number("veto") == "veto"
    assert format_value(samples.HELD_C) == "≈ 200"
    ranged = samples.HELD_C.model_copy(update={"qualifier": "range"})
    assert format_value(ranged) == "180–220"


def test_neutralise_bidi_covers_every_override_and_isolate():
    controls = "".join(chr(c) for c in [*range(0x202A, 0x202F), *range(0x2066, 0x206A)])
    out = neutralise_bidi(f"a{controls}b")
    assert all(ch not in out for ch in controls)
    assert out.startswith("a<U+202A><U+202B>") and out.endswith("<U+2069>b")
    assert neutralise_bidi("سطر\tثان\n") == "سطر\tثان\n"  # tab/newline kept


def test_find_cluster_exact_and_did_you_mean():
    assert find_cluster(samples.CLUSTERS, "displaced-gaza").id == "displaced-gaza"
    with pytest.raises(CrosscheckError) as info:
        find_cluster(samples.CLUSTERS, "killed-gaza-cumulatve")
    assert info.value.exit_code == 2
    assert "did you mean 'killed-gaza-cumulative'" in str(info.value)


def test_find_cluster_without_any_close_id():
    with pytest.raises(CrosscheckError, match="run 'crosscheck clusters'"):
        find_cluster(samples.CLUSTERS, "zzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzz")
    with pytest.raises(CrosscheckError, match="no clusters at all"):
        find_cluster([], "x")


def test_select_clusters_filters_and_validates():
    assert [c.id for c in select_clusters(samples.CLUSTERS, kind="killed")] == ["killed-gaza-cumulative", "killed-earlier"]
    assert [c.id for c in select_clusters(samples.CLUSTERS, status="consistent")] == ["displaced-gaza"]
    assert [c.id for c in select_clusters(samples.CLUSTERS, kind="killed", status="single")] == ["killed-earlier"]
    with pytest.raises(CrosscheckError, match="did you mean 'killed'"):
        select_clusters(samples.CLUSTERS, kind="kiled")
    with pytest.raises(CrosscheckError, match="--status"):
        select_clusters(samples.CLUSTERS, status="conflicts")


def test_parse_formats():
    assert parse_formats("json,md") == ("md", "json")
    assert parse_formats("HTML, markdown") == ("md", "html")
    with pytest.raises(CrosscheckError, match="unknown format 'pdf'"):
        parse_formats("md,pdf")
    with pytest.raises(CrosscheckError, match="--format"):
        parse_formats(",")


def test_vote_positions_show_the_word_without_bounds():
    veto = samples.KILLED_A.model_copy(update={"kind": "vote_position", "value": "veto", "low": None, "high": None})
    assert format_value(veto) == "veto"
    cluster = KILLED.model_copy(update={"kind": "vote_position", "claims": [veto], "consensus": None})
    out = render_cluster_detail(cluster)
    assert "value veto  qualifier more_than  bounds -" in out
    assert "consensus none" in out


def test_show_names_the_source_group_only_for_copies():
    copy = samples.KILLED_A.model_copy(update={"source_group": "wire-1", "date": None})
    same = samples.KILLED_B.model_copy(update={"source_group": "b-hostile"})
    out = render_cluster_detail(KILLED.model_copy(update={"claims": [copy, same]}))
    assert "[1] a-news  date -  source group wire-1\n" in out
    assert "[2] b-hostile  date 2024-03-22  OUTLIER\n" in out
