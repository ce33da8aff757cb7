"""A part of a vote's side named beside it ("بتأييد 96 دولة، بينها 14 دولة أوروبية"): a claim with a
group, it neither cuts the article's tally in two (crosscheck.reconcile.votes.split_repeated_sides)
nor counts as the side's figure (`add_tallies`), so the tally meets another report of the vote."""

from __future__ import annotations

from crosscheck.extract.extractor import extract
from crosscheck.models import Document
from crosscheck.reconcile.reconciler import reconcile

A = Document(id="a", date="1991-11-20", text=(
    "اعتمدت الجمعية العامة للأمم المتحدة أمس قرارا يدعو إلى رفع الحصار، بتأييد 96 دولة، بينها 14 دولة "
    "أوروبية، فيما عارضته دولتان وامتنعت 43 دولة عن التصويت."))
B = Document(id="b", date="1991-11-20", text=(
    "صوتت الجمعية العامة للأمم المتحدة أمس لصالح قرار يدعو إلى رفع الحصار بأغلبية 96 صوتا مقابل "
    "صوتين وامتناع 41 دولة."))


def test_a_part_of_a_side_leaves_the_tally_whole():
    claims = [c for d in (A, B) for c in extract(d)]
    parts = [c for c in claims if c.doc == "a" and c.kind == "votes_for" and c.value == 14]
    assert parts and parts[0].group  # the part is read as a part ("subset:...")
    abst = {}
    for cl in reconcile(claims, [A, B]):
        for m in cl.claims:
            if m.kind == "abstentions":
                abst[m.doc] = cl
    assert abst["a"] is abst["b"]
    assert abst["a"].status == "conflict"  # 43 against 41 abstaining
