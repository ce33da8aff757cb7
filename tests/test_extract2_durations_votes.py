"""Session 27 (extract2): elapsed times after "بعد" whatever their start, day ordinals, months and
years as `other`, and votes said without a plain figure (negated vetoes, a vote against named by
its member, the Council's rule beside a tally).  Each test fails on the code before it."""

from crosscheck.extract.extractor import extract_text


def _got(text: str) -> set[tuple[str, float]]:
    return {(c.kind, c.value) for c in extract_text(text)}


def test_elapsed_time_after_any_start_is_a_duration():
    assert ("duration_days", 12) in _got("وأعلنت السلطات انتهاء البحث بعد 12 يوما على بدء الأمطار")


def test_elapsed_time_is_a_running_length_not_a_lengths_rival():
    # an elapsed time grows from report to report: period cumulative, as "يدخل يومه الخامس"
    [c] = [c for c in extract_text("وبعد 16 يوما على بدء الأزمة، لا يزال المبنى مطوقا") if c.kind == "duration_days"]
    assert c.period == "cumulative"


def test_less_than_after_bad_is_a_bound_not_an_elapsed_time():
    assert not {k for k, _ in _got("ويأتي التصويت بعد أقل من أسبوعين على سقوط مشروع مماثل")} & {"duration_days"}


def test_hours_after_bad_stay_hours():
    assert ("duration_days", 3) not in _got("وتتراجع فرص العثور على ناجين بعد مرور 72 ساعة على الزلزال")


def test_day_ordinal_of_an_event_and_running_day():
    assert ("duration_days", 6) in _got("وخرج المفرج عنهم في اليوم السادس للأزمة")
    assert ("duration_days", 4) in _got("وصمد وقف إطلاق النار لليوم الرابع على التوالي")
    assert "duration_days" not in {k for k, _ in _got("وأعلنت الوزارة في اليوم الثاني من عملية التبادل الإفراج عن 300")}


def test_months_and_years_are_other():
    got = _got("ووافق الطرفان على هدنة لمدة شهرين بعد حرب استمرت ستة أعوام")
    assert not {k for k, _ in got} & {"duration_days"}


def test_negated_vetoes_are_zero():
    assert ("vetoes", 0) in _got("وامتنعت روسيا عن التصويت على القرار في مجلس الأمن، ولم تلجأ إلى حق النقض")
    assert ("vetoes", 0) in _got("ولم تحتج الدول الغربية إلى استخدام حق النقض، إذ سقط المشروع")


def test_a_vote_against_named_by_its_member():
    got = _got("ونال مشروع القرار في مجلس الأمن 13 صوتا مؤيدا، مقابل صوت روسيا المعارض")
    assert ("votes_for", 13) in got and ("votes_against", 1) in got


def test_the_councils_rule_beside_a_tally_is_no_zero_against():
    text = ("ولم يعتمد التعديل في مجلس الأمن، إذ حصل على سبعة أصوات مقابل ثمانية، علما بأن اعتماد أي نص "
            "يتطلب تسعة أصوات دون أن يعترض عليه أي من الأعضاء الدائمين")
    assert ("votes_against", 0) not in _got(text)
    assert ("votes_against", 0) in _got("واعتمد مجلس الأمن القرار بأغلبية 14 صوتا دون أن يعترض عليه أحد")
