"""A tally figure whose noun carries its side's adjective ("في مقابل 13 صوتا مؤيدا") and vetoes
counted by the dual of "مرة" right after the veto ("استخدمت حق النقض مرتين") (session 46, recon3)."""

from extract_support import checked_claims, kinds_values


def test_adjective_for_after_the_joiner_types_the_votes_for():
    text = "وأسقطت موسكو مشروع القرار بصوتها في مقابل 13 صوتا مؤيدا في مجلس الأمن"
    got = kinds_values(text)
    assert ("votes_for", 13) in got
    assert ("votes_against", 13) not in got


def test_adjective_against_after_the_joiner_stays_against():
    got = kinds_values("واعتمدت الجمعية العامة القرار بأغلبية 101 صوت مقابل 22 صوتا معارضا")
    assert ("votes_against", 22) in got
    assert ("votes_for", 22) not in got


def test_twice_right_after_the_veto_is_two_vetoes():
    got = [c for c in checked_claims("وقال دبلوماسيون إن بريطانيا استخدمت حق النقض مرتين فقط منذ عام 1989")
           if c.kind == "vetoes"]
    assert [c.value for c in got] == [2]


def test_denied_veto_with_its_exception_is_the_vetoes_cast():
    got = kinds_values("ولم تستخدم فرنسا حق النقض سوى مرتين منذ نهاية الحرب الباردة")
    assert ("vetoes", 2) in got
    assert ("vetoes", 0) not in got


def test_denied_veto_alone_is_none():
    assert ("vetoes", 0) in kinds_values("ولم تستخدم الصين حق النقض في جلسة التصويت على المشروع")


def test_twice_far_from_the_veto_is_no_count():
    got = kinds_values("وزار الوزير الروسي نيويورك مرتين هذا العام قبل أن تلجأ بلاده إلى الفيتو في مجلس الأمن")
    assert all(k != "vetoes" for k, _ in got)
