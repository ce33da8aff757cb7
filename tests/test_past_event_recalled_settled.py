"""Last year's toll recalled by two outlets is one settled figure (issue 8: past events, recalled
figures).

"وكانت ماليزيا قد أعلنت وفاة 312 من حجاجها خلال موسم العام الماضي" and, a week later, "وكانت
ماليزيا قد أعلنت العام الماضي وفاة 213 من حجاجها": "last year" makes both the previous year's
event (rules/events.yaml `past_last_year`, like a written year), and the pluperfect recall
("وكانت … قد أعلنت", period `superseded`) no earlier stage of a count still moving - a past
event's toll was settled before its articles told it - so the two are compared: a conflict.
A recalled figure of the story's own running total stays at an unknown moment as before.
Sentences are our own."""

from __future__ import annotations

from test_dated_earlier_figure import disputed, docs
from test_reconciler_factory import claim

from crosscheck.extract.extractor import extract
from crosscheck.models import Document
from crosscheck.reconcile.reconciler import build_report, reconcile
from crosscheck.ruleset.loader import load_rules


def _report(event):
    documents = docs(("a", "2024-06-21"), ("b", "2024-06-28"))
    claims = [claim("a", "killed", 312, period="superseded", event=event, location=None,
                    as_of="2024-06-21", as_of_from="metadata"),
              claim("b", "killed", 213, period="superseded", event=event, location=None,
                    as_of="2024-06-28", as_of_from="metadata")]
    return build_report(documents, reconcile(claims, documents))


def test_two_recalls_of_a_past_events_toll_are_compared():
    assert disputed(_report("past:2023"), 312, 213)


def test_two_recalled_stages_of_the_running_total_are_not():
    assert not disputed(_report(None), 312, 213)


def test_last_year_names_the_previous_years_event():
    texts = [("a", "2024-06-21", "وكانت ماليزيا قد أعلنت وفاة 312 من حجاجها خلال موسم العام الماضي، معظمهم من المسنين."),
             ("b", "2024-06-28", "وكانت ماليزيا قد أعلنت العام الماضي وفاة 213 من حجاجها.")]
    documents = [Document(id=i, text=t, date=d) for i, d, t in texts]
    claims = [c for d in documents for c in extract(d, load_rules())]
    assert {c.event for c in claims if c.kind == "killed"} == {"past:2023"}
    assert disputed(build_report(documents, reconcile(claims, documents)), 312, 213)
