"""A cluster's JSON written and trimmed a claim at a time (crosscheck.report.cluster_text): the
same text as validating the whole cluster (`model_dump_json(indent=2)`, `large.trim`), with
never more than one claim a model at a time."""

from __future__ import annotations

import io

import pytest

from crosscheck import pipeline
from crosscheck.models import Cluster, ClusterClaim
from crosscheck.report import cluster_text, large


@pytest.fixture(scope="module")
def clusters():
    """Every cluster of the fixtures and of a generated archive (running totals with their
    trajectories and outlier links, conflicts, singles), plus made-up shapes: no claims, one
    claim, strings that look like the claims field, line breaks JSON leaves unescaped."""
    from corpus_support import generated_corpus
    import tempfile
    from pathlib import Path

    found = list(pipeline.analyse(["fixtures"]).report().clusters)
    with tempfile.TemporaryDirectory() as tmp:
        found += pipeline.analyse([str(generated_corpus(Path(tmp), 60, seed=11))]).report().clusters
    big = max(found, key=lambda c: len(c.claims))
    odd = big.model_copy(update={
        "id": 'x"claims":[1]', "key": {"place": '"claims": []', "group": None},
        "notes": ['\n  "claims": []', "}]"],
        "claims": [big.claims[0].model_copy(update={"sentence": 'قال "claims":[{}] ثم'})] + big.claims[1:],
    })
    breaks = big.model_copy(update={
        "claims": [big.claims[0].model_copy(update={"sentence": "قبل\u2028بعد\x85"})] + big.claims[1:]})
    return found + [big.model_copy(update={"claims": []}), big.model_copy(update={"claims": big.claims[:1]}),
                    odd, breaks]


def _whole_item(c: Cluster) -> str:
    return large._indented(Cluster.model_validate_json(c.model_dump_json()).model_dump_json(indent=2))


def _pieces_item(c: Cluster) -> str:
    buf = io.StringIO()
    large.write_json_fields(buf, [("clusters", iter([cluster_text.json_item(c.model_dump_json())]))])
    return buf.getvalue()


@pytest.mark.parametrize("layout", ["msgspec", "pydantic-core"])
def test_a_cluster_written_in_pieces_is_the_whole_cluster_written(clusters, monkeypatch, layout):
    assert len(clusters) > 100
    monkeypatch.setattr(cluster_text, "WHOLE_CHARS", 0)  # every cluster in pieces
    if layout != "msgspec":
        monkeypatch.setattr(cluster_text, "_layout", None)
    for c in clusters:
        text = c.model_dump_json()
        assert "".join(cluster_text.indented_pieces(text)) == \
            Cluster.model_validate_json(text).model_dump_json(indent=2), c.id
        buf = io.StringIO()
        large.write_json_fields(buf, [("clusters", iter([Cluster.model_validate_json(text).model_dump_json(indent=2)]))])
        assert _pieces_item(c) == buf.getvalue(), c.id


def test_the_claims_field_is_found_by_the_json_scanner(clusters):
    odd = clusters[-2]
    text = odd.model_dump_json()
    start, end, spans = cluster_text.claim_spans(text)
    assert text[start] == "[" and text[end - 1] == "]"
    assert [ClusterClaim.model_validate_json(text[a:b]) for a, b in spans] == odd.claims
    assert cluster_text.claim_spans(clusters[-4].model_dump_json())[2] == []  # no claims


def test_claims_found_by_their_markers_are_those_the_scanner_finds(clusters):
    """In compact JSON the claims are found by the keys around them and the key each opens with
    (`_marked_spans`, str.find only), the same spans as `json`'s scanner gives, on every cluster
    and on strings holding the markers; an outlier found by its field as text is the claim's."""
    marks = ',"claims":[ {"doc":" ],"strength": ,{"doc":"x" ,"outlier":true,'
    big = max(clusters, key=lambda c: len(c.claims))
    tricky = big.model_copy(update={
        "id": marks, "notes": [marks, '"],"strength":"hard"}'], "block_key": marks, "hierarchy_keys": [marks],
        "claims": [c.model_copy(update={"sentence": marks, "surface": '{"doc":"x"}', "outlier": i % 3 == 0,
                                        "mentions": [m.model_copy(update={"sentence": marks}) for m in c.mentions]})
                   for i, c in enumerate(big.claims)]})
    checked = 0
    for c in clusters + [tricky, tricky.model_copy(update={"claims": tricky.claims[:1]})]:
        text = c.model_dump_json()
        marked = cluster_text._marked_spans(text)
        assert marked is not None and marked == cluster_text._scanned_spans(text), c.id
        flagged = [text.find(cluster_text._OUTLIER, a, b) >= 0 for a, b in marked[2]]
        assert flagged == [x.outlier for x in c.claims], c.id
        checked += len(c.claims)
    assert checked > 1000 and any(x.outlier for x in tricky.claims)
    assert cluster_text._marked_spans(" " + text.replace(',"claims":', ', "claims":')) is None  # not compact


def test_a_text_with_other_line_breaks_or_a_small_text_takes_the_whole_way(clusters, monkeypatch):
    assert isinstance(cluster_text.json_item(clusters[-2].model_dump_json()), str)  # under WHOLE_CHARS
    monkeypatch.setattr(cluster_text, "WHOLE_CHARS", 0)
    assert cluster_text._layout is not None  # with msgspec: every text laid out whole
    assert isinstance(cluster_text.json_item(clusters[-2].model_dump_json()), str)
    monkeypatch.setattr(cluster_text, "_layout", None)  # without: in pieces past WHOLE_CHARS
    text = clusters[-1].model_dump_json()
    assert isinstance(cluster_text.json_item(text), str)
    assert not isinstance(cluster_text.json_item(clusters[-2].model_dump_json()), str)


@pytest.mark.parametrize("rank", [0, 3, large.DETAILED - 1, large.DETAILED, large.DETAILED + 40])
def test_a_cluster_trimmed_from_its_text_is_the_cluster_trimmed(clusters, rank):
    outliers = 0
    for c in clusters:
        want = large.trim(c, rank)
        for how, text in ((cluster_text.trimmed, c.model_dump_json()), (cluster_text.trimmed_in_pieces, c.model_dump_json()),
                          (cluster_text.trimmed, c.model_dump_json(indent=1))):  # not compact: validated whole
            got, size = how(text, rank)
            assert size == len(c.claims)
            assert got.model_dump_json() == want.model_dump_json(), c.id
        outliers += any(x.outlier for x in c.claims) and len(c.claims) > large.DETAILED_CLAIMS
    assert outliers  # clusters whose trim picks outliers first


def test_only_the_claims_kept_are_made_models(clusters, monkeypatch):
    made = []
    real = ClusterClaim.model_validate_json

    def counted(text, *a, **k):
        made.append(1)
        return real(text, *a, **k)

    big = max(clusters, key=lambda c: len(c.claims))
    assert len(big.claims) > 2 * large.DETAILED_CLAIMS
    text = big.model_dump_json()
    monkeypatch.setattr(cluster_text.ClusterClaim, "model_validate_json", counted)
    cluster_text.trimmed_in_pieces(text, large.DETAILED + 1)
    assert len(made) == large.BRIEF_CLAIMS
    made.clear()
    parsed = []  # the lengths of the texts laid out
    real_parse = cluster_text.indented
    monkeypatch.setattr(cluster_text, "indented", lambda t: parsed.append(len(t)) or real_parse(t))
    pieces = cluster_text.indented_pieces(text)
    next(pieces), next(pieces)
    assert made == []  # written without models
    # the cluster without its claims, then its first claim: not the whole cluster
    start, end, spans = cluster_text.claim_spans(text)
    assert parsed == [len(text) - (end - start) + 2, spans[0][1] - spans[0][0]]


@pytest.mark.parametrize("layout", ["msgspec", "pydantic-core"])
def test_a_text_indented_without_models_is_the_model_indented(clusters, monkeypatch, layout):
    """`indented` (msgspec's layout of the text, or pydantic-core's parser and serialiser on
    plain values) gives the bytes of a model round trip for every cluster, each of its claims,
    and made-up values: floats of every size, escapes, control characters, non-BMP text, empty
    lists and objects, nulls."""
    from crosscheck.models import Interval, TrajectoryPoint

    if layout == "msgspec":
        assert cluster_text._layout is not None  # installed with the package
    else:
        monkeypatch.setattr(cluster_text, "_layout", None)

    assert any(c.trajectory for c in clusters) and any(c.outlier_links for c in clusters)
    for c in clusters:
        text = c.model_dump_json()
        assert cluster_text.indented(text) == Cluster.model_validate_json(text).model_dump_json(indent=2), c.id
    big = max(clusters, key=lambda c: len(c.claims))
    odd = big.claims[0].model_copy(update={
        "value": 1e16, "low": 0.1 + 0.2, "high": 1e-7, "sentence": 'a\x00\x1f\x7f\t"\\/ \U0001f600 ك',
        "inferred": [], "warnings": ["\u2028"]})
    shapes = [odd, odd.model_copy(update={"value": 2**62, "low": -0.0, "high": 123456789.125}),
              Interval(low=5e-324, high=1.7976931348623157e308), TrajectoryPoint(date="2024-01-01")]
    for m in shapes:
        text = m.model_dump_json()
        assert cluster_text.indented(text) == type(m).model_validate_json(text).model_dump_json(indent=2), text
