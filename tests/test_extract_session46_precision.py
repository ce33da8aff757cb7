"""Extraction precision of session 46 (issue 8, helper extractc): capacities, aid beneficiaries,
armed groups' names and a toll's next value a day on, in sentences written for these tests."""

from extract_support import checked_claims


def _typed(text):
    return {(c.kind, c.value, c.group) for c in checked_claims(text) if c.kind != "other"}


def test_a_camps_capacity_is_no_count_of_the_displaced():
    assert not _typed("وقال إن النازحين يقيمون في خيام، وإن الوزارة ستفتتح مخيما بطاقة استيعابية تبلغ نحو 4 آلاف شخص.")
    assert not _typed("ويقيم اللاجئون في مخيم يتسع لنحو 3 آلاف شخص فقط.")
    assert not _typed("وأقيم مخيم للنازحين بطاقة استيعابية تراوحت بين 5 و7 آلاف لاجئ.")
    # the people who fled are still counted beside it
    got = _typed("ونزح نحو 6 آلاف شخص إلى مخيم يتسع لألفين فقط.")
    assert ("displaced", 6000, "all") in got and not any(v == 2000 for _, v, _ in got)


def test_families_receiving_aid_are_its_beneficiaries_not_displaced_families():
    assert not _typed("وأقرت الحكومة مساعدات عاجلة لنحو 900 أسرة فقدت منازلها في الحريق.")
    assert not _typed("ووزعت البلدية معونات على أكثر من 300 عائلة نزحت من الحي.")
    # families that fled, with no aid before them, still count
    assert ("displaced", 900, "families") in _typed("وقالت البلدية إن أكثر من 900 عائلة لجأت إلى المدارس.")


def test_an_armed_groups_name_of_martyrs_before_a_figure_is_no_toll():
    assert not [c for c in checked_claims("واحتجز لواء شهداء الوادي 9 جنود قرب الحدود.") if c.kind == "killed"]
    # the group announcing deaths still tells a toll
    assert any(c.kind == "killed" and c.value == 5 for c in checked_claims("وأعلنت كتائب شهداء الوادي مقتل 5 من عناصرها."))


def test_a_bare_figure_a_day_on_after_and_is_the_same_quantity_next_value():
    got = {(c.kind, c.value, c.group) for c in checked_claims(
        "وكانت الحصيلة قد بلغت نحو أربعة آلاف قتيل يوم 11 آذار و6120 يوم 14 آذار قبل أن ترتفع.")}
    assert ("killed", 4000, "all") in got and ("killed", 6120, "all") in got
    got = {(c.kind, c.value, c.group) for c in checked_claims("وبلغ عدد النازحين 300 نازح يوم الاثنين و450 يوم الأربعاء.")}
    assert ("displaced", 450, "all") in got
    # with no day after it, a bare figure after "و" is left as before (no new reading)
    got = {(c.kind, c.value) for c in checked_claims("وبلغت الحصيلة 300 قتيل يوم الاثنين، و450 منزلا تضررت.")}
    assert ("killed", 450) not in got


def test_a_fall_types_a_toll_only_as_its_object():
    got = {(c.kind, c.value) for c in checked_claims(
        "وقالت المنظمة إن عدد الواصلين إلى البلد المجاور تجاوز 90 ألفا، بينهم نحو 4 آلاف هذا الأسبوع، رغم سقوط العاصمة.")}
    assert not any(k == "killed" for k, _ in got)
    assert ("killed", 41) in {(c.kind, c.value) for c in checked_claims("وأعلنت الوزارة سقوط 41 مدنيا في القصف.")}
    assert ("killed", 10) in {(c.kind, c.value) for c in checked_claims("وأدى القصف إلى سقوط عشرات القتلى.")}


def test_former_hostages_a_list_of_prisoners_and_a_release_urged_are_no_captives_counted():
    got = {(c.kind, c.value) for c in checked_claims("وقال الطبيب إن 320 رهينة سابقة ما زالوا في المستشفيات.")}
    assert ("hostages_held", 320) not in got
    assert ("hostages_held", 30) in {(c.kind, c.value) for c in checked_claims("ولا يزال الخاطفون يحتجزون 30 رهينة.")}
    assert not [c for c in checked_claims("وتسلمت الحكومة من الجانب الآخر قائمة تضم 400 سجين.") if c.kind == "prisoners_released"]
    assert not [c for c in checked_claims(
        "ودعت الحكومة الجانب الآخر إلى الإسراع في إعادة 70 سجينا أنهوا محكومياتهم.") if c.kind == "prisoners_released"]
    assert ("prisoners_released", 40) in {(c.kind, c.value) for c in checked_claims("وأفرجت الحكومة عن 40 سجينا.")}
