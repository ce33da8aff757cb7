"""A claim is identified by (doc, field, start, end): a headline's claim (`field="title"`, its
offsets into the title) and a body claim may have the same offsets.

Each test builds such a collision: a document whose headline figure and a body figure both
sit at offsets 10-14, the headline's a stale figure of a running total.  Identified by
(doc, start, end) alone, the outlier link, the check's finding and the finding's role would name
the wrong one of the two (which one depends on the order the cluster lists them in: both orders
are tried).
"""

from __future__ import annotations

import hashlib
import json

import pytest
from test_reconciler_factory import claim

from crosscheck.ci.check import inconsistency_findings
from crosscheck.extract.mentions import mention_of, merge_tallies
from crosscheck.models import (ClaimRef, Cluster, ClusterClaim, Document, Mention, OutlierLink, Report,
                               claim_identity)
from crosscheck.reconcile.grouping import claim_keys, group_claims
from crosscheck.reconcile.inconsistencies import find_inconsistencies
from crosscheck.reconcile.reconciler import build_report, reconcile


def _cc(doc, value, start, field="text", *, outlier=False, as_of="2024-05-06") -> ClusterClaim:
    s = str(value)
    return ClusterClaim(doc=doc, kind="killed", value=value, low=value, high=value, start=start,
                        end=start + len(s), surface=s, field=field, outlier=outlier, as_of=as_of,
                        location="gaza", group="all", period="cumulative")


def _collision(title_first: bool) -> Cluster:
    earlier = _cc("c", 1190, 40, as_of="2024-05-04")
    title = _cc("d", 1172, 10, "title", outlier=True)  # the stale figure, in d's headline
    body = _cc("d", 1195, 10)  # d's body figure at the same offsets, kept
    claims = [earlier] + ([title, body] if title_first else [body, title])
    link = OutlierLink(claim=ClaimRef(doc="d", start=10, end=14, field="title"),
                       reference=ClaimRef(doc="c", start=40, end=44), direction="below_earlier")
    return Cluster(id="killed-gaza-x", kind="killed", key={"location": "gaza"}, status="consistent",
                   claims=claims, outlier_links=[link])


@pytest.mark.parametrize("title_first", [True, False])
def test_an_outlier_link_names_the_headline_claim_not_the_body_claim_at_its_offsets(title_first):
    (inc,) = [i for i in find_inconsistencies([_collision(title_first)]) if i.type == "falling_total"]
    stale = [c for c in inc.claims if c.role == "stale"]
    assert [(c.doc, c.field, c.value) for c in stale] == [("d", "title", 1172)]
    assert "1,172" in inc.explanation and "1,195" not in inc.explanation


@pytest.mark.parametrize("title_first", [True, False])
def test_a_check_finding_cites_the_headline_claim_the_inconsistency_cites(title_first):
    docs = [Document(id="c", text="x" * 60), Document(id="d", text="y" * 60, title="z" * 30)]
    found = inconsistency_findings([_collision(title_first)], docs, {"d"})
    assert [(f.claim.field, f.claim.value) for f in found] == [("title", 1172)]
    assert "(the stale)" in found[0].message()


def test_the_reconciler_links_a_stale_headline_figure_by_its_field():
    # a toll growing over four days; the last article's headline repeats a stale figure
    def doc(i, d):
        return Document(id=i, text=" ".join(hashlib.sha1(f"{i}{k}".encode()).hexdigest()[:8] for k in range(30)),
                        date=d)

    claims = [claim("a", "killed", 1040), claim("b", "killed", 1115), claim("c", "killed", 1190)]
    stale = claim("d", "killed", 1172)
    stale.field = "title"
    documents = [doc("a", "2024-05-01"), doc("b", "2024-05-02"), doc("c", "2024-05-04"), doc("d", "2024-05-06")]
    rep = build_report(documents, reconcile(claims + [stale], documents))
    (cl,) = [c for c in rep.clusters if c.kind == "killed"]
    (link,) = cl.outlier_links
    assert (link.claim.doc, link.claim.field) == ("d", "title")
    assert (link.reference.doc, link.reference.field) == ("c", "text")
    (inc,) = [i for i in rep.inconsistencies if i.type == "falling_total"]
    assert {(c.doc, c.field, c.role) for c in inc.claims} == {("c", "text", "earlier"), ("d", "title", "stale")}


def test_a_report_written_before_claim_refs_had_a_field_still_reads():
    old = {"claim": {"doc": "d", "start": 10, "end": 14}, "reference": {"doc": "c", "start": 40, "end": 44},
           "direction": "below_earlier"}
    link = OutlierLink.model_validate_json(json.dumps(old))
    assert link.claim.field == "text" and claim_identity(link.claim) == ("d", "text", 10, 14)
    assert "field" in Report.model_json_schema()["$defs"]["ClaimRef"]["properties"]


def test_an_inconsistency_id_tells_a_headline_claim_from_a_body_claim_but_keeps_body_ids():
    # the same pair, the stale figure once in the headline and once in the body (same offsets)
    def ids(field):
        cl = _collision(True)
        for c in cl.claims:
            if c.doc == "d":
                c.field = field
        cl.claims = [c for c in cl.claims if c.doc != "d" or c.value == 1172]
        cl.outlier_links[0].claim.field = field
        return [i.id for i in find_inconsistencies([cl]) if i.type == "falling_total"]

    assert len(ids("title")) == 1 and ids("title") != ids("text")


def test_a_tally_repeated_in_the_headline_and_the_body_at_the_same_offset_keeps_both_places():
    body = claim("d", "votes_for", 120, event="vote:n=1")
    body.mentions = [mention_of(body)]  # as merge_mentions leaves it
    again = claim("d", "votes_for", 120, event="vote:n=1")
    again.start, again.end = body.start, body.end
    again.field = "title"
    again.mentions = [Mention(start=body.start, end=body.end, surface=body.surface, field="title")]
    (merged,) = merge_tallies([body, again])
    assert sorted(m.field for m in merged.mentions) == ["text", "title"]


def test_unclustered_claims_of_headline_and_body_at_the_same_offsets_are_two_singles():
    body = claim("d", "other", 7)
    title = claim("d", "other", 7)
    title.start, title.end, title.field = body.start, body.end, "title"
    groups = group_claims([body, title]).groups
    # each its own cluster key (not one key told apart by a "-2" suffix), and its own unit
    assert len({json.dumps(g.key, sort_keys=True) for g in groups}) == 2
    (_, u1), (_, u2) = claim_keys([body, title])
    assert u1 != u2
