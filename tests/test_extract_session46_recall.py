"""Extraction recall of session 46 (issue 8): constructions real outlets write, in sentences
written for these tests."""

from extract_support import checked_claims, kinds_values


def _typed(text):
    return {(c.kind, c.value, c.surface) for c in checked_claims(text) if c.kind != "other"}


def test_no_deaths_said_by_the_verbs_noun_or_the_outcome_denied_is_a_toll_of_zero():
    assert ("killed", 0, "دون تسجيل أي وفاة") in _typed("وانحسرت المياه عن القرى من دون تسجيل أي وفاة بين السكان.")
    assert ("killed", 0, "عدم تسجيل أية وفيات") in _typed("وأعلن الدفاع المدني عدم تسجيل أية وفيات جراء العاصفة.")
    assert ("killed", 0, "لم يتم تسجيل أي وفيات") in _typed("وقالت الوزارة إنه لم يتم تسجيل أي وفيات جراء الأمطار.")
    assert ("killed", 0, "ولم يسفر الزلزال عن أي وفيات") in _typed("وضرب الزلزال الساحل فجرا، ولم يسفر الزلزال عن أي وفيات.")
    assert ("killed", 0, "دون أن يسفر عن أي وفاة") in _typed("والتهم الحريق ثلاثة طوابق دون أن يسفر عن أي وفاة.")


def test_no_deaths_without_any_or_since_a_date_stays_no_toll():
    # the bare plural ("دون تسجيل وفيات") and a quiet spell since a date are no toll the sets count
    assert not [c for c in checked_claims("وأتت النيران على مئات الهكتارات دون تسجيل وفيات.") if c.kind == "killed"]
    assert not [c for c in checked_claims("وخرج آخر المرضى، ولم يتم تسجيل أي وفاة منذ مطلع الشهر.") if c.kind == "killed"]


def test_a_day_of_a_month_after_a_figure_dates_it_and_is_no_length_of_days():
    got = kinds_values("وكانت حصيلة القتلى قد بلغت 12514 يوم 23 آب قبل أن ترتفع.")
    assert ("killed", 12514) in got and ("duration_days", 12514) not in got and ("other", 12514) not in got
    assert ("killed", 300) in kinds_values("وبلغ عدد القتلى 300 يوم 5 مايو بحسب الوزارة.")
    # "يوم" with no date after it is still the figure's unit
    assert ("duration_days", 300) in kinds_values("وقضى الأسرى 300 يوم في الأسر قبل الإفراج عنهم.")
    # a number after "يوم" that is no day of a month, or no month after it, dates nothing
    got = kinds_values("وقضى الرهائن 300 يوم 45 منها في الأسر.")
    assert ("killed", 300) not in got


def test_a_rise_in_a_toll_by_so_many_dead_counts_them_in_a_period_of_their_own():
    got = {(c.kind, c.value, c.period) for c in checked_claims(
        "وارتفعت حصيلة الزلزال إلى 2100 قتيل، أي بزيادة نحو 600 قتيل خلال يوم واحد.")}
    assert ("killed", 600, "increase") in got
    assert any(k == "killed" and v == 2100 and p != "increase" for k, v, p in got)
    got = {(c.kind, c.value, c.period) for c in checked_claims("وسجلت العاصمة زيادة قدرها 3100 وفاة في أغسطس.")}
    assert ("killed", 3100, "increase") in got
    # a figure after the rise keeps its own period
    got = {(c.kind, c.value, c.period) for c in checked_claims(
        "وبلغت الحصيلة 60 قتيلا بزيادة 11 قتيلا عن أمس، فيما أصيب 30 شخصا بجروح.")}
    assert ("killed", 11, "increase") in got and not any(v == 30 and p == "increase" for k, v, p in got)


def test_a_margin_of_the_sick_or_of_votes_still_counts_nothing():
    assert not [c for c in checked_claims("وسجلت الوزارة 300 إصابة جديدة بزيادة 113 إصابة عن الأمس.") if c.value == 113 and c.kind != "other"]
    assert not [c for c in checked_claims("وأقر المجلس القرار بفارق ثلاثة أصوات.") if c.kind != "other"]


def test_the_rise_is_its_own_quantity_when_reconciled():
    from crosscheck.reconcile.grouping import lendable
    assert not lendable("period", "increase")


def test_captives_the_kidnappers_kept_back_are_held():
    got = kinds_values("خطف مسلحون 80 عاملا من المنجم، وأطلقوا سراح 50 منهم، لكنهم احتفظوا بـ30 عاملا في الجبال.")
    assert ("hostages_held", 30) in got
    # no abduction in the article: people kept by the police are no hostages
    assert ("hostages_held", 30) not in kinds_values("واحتفظت الشرطة بـ30 متظاهرا في مركز الاحتجاز.")
