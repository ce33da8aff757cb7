"""A past event named by its year meets the live reports of that year
(crosscheck.reconcile.past_years): a release told live in February 2011 and recalled in 2013
("ثم أفرجوا عن ثلاثة منهم في فبراير 2011", event `past:2011`) are one figure; the recalled one
fits any day of the running total (it is no fall of the total).  No live story of that year, a
live story first reported another year, another incident or a place elsewhere: apart as before."""

from __future__ import annotations

from crosscheck.extract.extractor import extract
from crosscheck.models import Document
from crosscheck.reconcile.grouping import unit_key
from crosscheck.reconcile.past_years import past_year
from crosscheck.reconcile.reconciler import reconcile
from crosscheck.reconcile.settings import config_or_default


def _live(day: str, n: int = 3) -> Document:
    return Document(id=f"live{day}", date=day, text=(
        f"وأفرج المسلحون اليوم في النيجر عن {n} رهائن أجانب."))


RECALL = Document(id="recall", date="2013-10-29", text=(
    "وكان المسلحون قد خطفوا سبعة أشخاص في النيجر في سبتمبر 2010، ثم أفرجوا عن ثلاثة منهم في فبراير 2011."))


def _cluster_of(docs, doc, value, kind="hostages_released"):
    claims = [c for d in docs for c in extract(d)]
    clusters = reconcile(claims, list(docs))
    for cl in clusters:
        for m in cl.claims:
            if m.doc == doc and m.kind == kind and m.value == value:
                return cl
    raise AssertionError(f"{doc} {value} in no cluster")


def test_the_recalled_figure_reads_as_a_past_event():
    [c] = [c for c in extract(RECALL) if c.kind == "hostages_released"]
    assert past_year(c.event) == 2011


def test_a_past_event_meets_the_live_report_of_its_year():
    cl = _cluster_of([_live("2011-02-25"), RECALL], "recall", 3)
    assert {m.doc for m in cl.claims} == {"live2011-02-25", "recall"}
    assert cl.status != "conflict"
    recalled = next(m for m in cl.claims if m.doc == "recall")
    assert recalled.as_of is None  # a recalled figure fits any day of the running total


def test_a_recalled_batch_is_no_fall_of_a_later_total():
    cl = _cluster_of([_live("2011-02-25"), _live("2011-06-10", 5), RECALL], "recall", 3)
    assert "recall" in {m.doc for m in cl.claims}
    assert cl.status != "conflict"


def test_a_live_story_first_reported_another_year_stays_apart():
    cl = _cluster_of([_live("2012-02-25"), RECALL], "recall", 3)
    assert {m.doc for m in cl.claims} == {"recall"}


def test_the_unit_of_a_past_event_leaves_its_event_open():
    cfg = config_or_default(None)
    [past] = [c for c in extract(RECALL) if c.kind == "hostages_released"]
    [live] = [c for c in extract(_live("2011-02-25")) if c.kind == "hostages_released"]
    assert unit_key(past, cfg) == unit_key(live.model_copy(update={"location": past.location}), cfg)


def test_a_past_event_of_another_country_stays_apart():
    other = Document(id="live-mali", date="2011-02-25", text="وأفرج المسلحون اليوم في مالي عن 3 رهائن أجانب.")
    cl = _cluster_of([other, RECALL], "recall", 3)
    assert {m.doc for m in cl.claims} == {"recall"}


def test_another_incident_stays_apart():
    quake = Document(id="quake", date="2011-03-19", text="وارتفع عدد قتلى الزلزال في اليابان إلى 7348 شخصا.")
    recall = Document(id="recall-flood", date="2013-03-11", text=(
        "وكانت فيضانات عام 2011 في اليابان قد أودت بحياة 7348 شخصا."))
    claims = [c for d in (quake, recall) for c in extract(d)]
    [c] = [c for c in extract(recall) if c.kind == "killed"]
    if c.incident is None or past_year(c.event) is None:
        return  # (the sentence read otherwise: nothing to keep apart)
    clusters = reconcile(claims, [quake, recall])
    together = [cl for cl in clusters if {m.doc for m in cl.claims} == {"quake", "recall-flood"}]
    assert not together



def test_among_totals_of_a_country_and_its_regions_the_one_at_its_place_is_joined():
    # a live story with a country's total and a region's within it, both first told that year:
    # the past event told at the country joins the country's total, not neither (session 45)
    from crosscheck.models import Claim
    from crosscheck.reconcile.grouping import Member
    from crosscheck.reconcile.past_years import join_past_years

    def member(i, doc, day, value, location, event=None):
        c = Claim(doc=doc, kind="hostages_released", value=value, low=value, high=value, qualifier="exact",
                  group="all", location=location, period="cumulative", event=event, as_of=day,
                  start=0, end=1, surface="x", sentence="x")
        return Member(index=i, claim=c)

    attrs = ["group", "location", "period", "event", "incident"]

    def key(location, event=None):
        return ("hostages_released", "", "all", location, "cumulative", event, None)

    clusters = {
        key("nigeria"): [member(0, "live-country", "2011-02-25", 3, "nigeria")],
        key("kaduna"): [member(1, "live-region", "2011-02-26", 2, "kaduna")],
        key("nigeria", "past:2011"): [member(2, "recall", "2013-10-29", 3, "nigeria", "past:2011")],
    }
    parents = {"kaduna": "nigeria"}
    out = join_past_years(clusters, attrs, "cumulative", lambda p: parents.get(p, p))
    assert key("nigeria", "past:2011") not in out
    assert [m.claim.doc for m in out[key("nigeria")]] == ["live-country", "recall"]
    assert [m.claim.doc for m in out[key("kaduna")]] == ["live-region"]
