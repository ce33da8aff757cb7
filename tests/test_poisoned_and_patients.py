"""The poisoned are hurt, patients are no displaced population (issue 8, sets AM and AJ):
a sentence about a poisoning keeps "أصيب" a count of the injured in an article that speaks of an
epidemic (rules/kinds/injured.yaml context_veto.unless); patients evacuated or received for care
are counted by no displacement rule (displaced.yaml, displaced_hosted.yaml not_nouns)."""

from __future__ import annotations

from crosscheck.extract.extractor import extract_text


def kinds(text):
    return sorted((c.kind, c.value) for c in extract_text(text) if c.kind != "other")


def test_the_poisoned_in_an_article_about_an_epidemic_are_injured():
    text = ("وتفشى فيروس كورونا في البلاد خلال الشهر الماضي. "
            "وتوفي 12 شخصا بعد شرب كحول مغشوش، فيما أصيب 75 آخرون بالتسمم في ثلاث مدن.")
    assert ("injured", 75) in kinds(text)


def test_infections_in_such_an_article_are_still_no_injured():
    text = "وتفشى فيروس كورونا في البلاد. وسجلت الوزارة 300 إصابة جديدة بالفيروس."
    assert [k for k in kinds(text) if k[0] == "injured"] == []


def test_patients_evacuated_or_received_are_not_displaced():
    assert kinds("وأجلت فرق الإغاثة 45 مريضا من البلدة المحاصرة") == []
    text = "وقالت مفوضية اللاجئين إن العيادة في المخيم تستقبل يوميا مئات المرضى"
    assert [k for k in kinds(text) if k[0] == "displaced"] == []
    assert kinds("وأجلت فرق الإغاثة 45 شخصا من البلدة المحاصرة") == [("displaced", 45)]
