"""Session 26 (issue 8): a unit of time alone after a marker of length or a hedge is one unit of
a length ("حدادا وطنيا لمدة أسبوع", "صمدت نحو أسبوع"; rules/scope.yaml one_unit_length*), days and
weeks only; a further earlier value joined by "و" with its own time is the toll's earlier value
too ("بعد أن كانت 410 قتلى مساء السبت و538 يوم الأحد")."""

from crosscheck.extract.extractor import extract_text


def _claims(text):
    return [(c.kind, c.value, c.qualifier, c.period) for c in extract_text(text) if c.kind != "other"]


def test_mourning_for_a_week():
    assert _claims("وأعلن الرئيس حدادا وطنيا لمدة أسبوع على أرواح ضحايا الحريق") == [
        ("duration_days", 7, "exact", "event")]


def test_a_truce_that_held_about_a_week():
    assert _claims("وانهارت الهدنة التي صمدت نحو أسبوع بين الطرفين") == [("duration_days", 7, "approx", "event")]


def test_a_unit_alone_needs_an_event():
    assert _claims("وقال الوزير إنه سافر لمدة أسبوع إلى العاصمة لحضور المؤتمر") == []


def test_a_month_alone_is_one_month_never_thirty_days():
    # (was left unread: a rounded month is no day count; it is now one month of duration_months)
    assert _claims("وأعلنت الحكومة حالة الطوارئ لمدة شهر في الإقليم") == [("duration_months", 1, "exact", "event")]


def test_one_after_the_unit_is_read_once():
    assert _claims("وأعلنت الحكومة الحداد لمدة يوم واحد") == [("duration_days", 1, "exact", "event")]


def test_a_further_earlier_value_with_its_time():
    claims = _claims("وارتفعت حصيلة الإعصار إلى 612 قتيلا، بعد أن كانت 410 قتيلا مساء السبت و538 يوم الأحد")
    assert ("killed", 538, "exact", "superseded") in claims
    assert ("killed", 410, "exact", "superseded") in claims and ("killed", 612, "exact", "cumulative") in claims


def test_a_further_bare_earlier_value_with_its_time():
    claims = _claims("ارتفع عدد القتلى إلى 612، بعد أن كان 410 مساء السبت و538 يوم الأحد")
    assert ("killed", 538, "exact", "superseded") in claims


def test_a_figure_after_a_comma_is_no_further_earlier_value():
    claims = _claims("وارتفعت الحصيلة إلى 612 قتيلا، بعد أن كانت 410 مساء السبت، و19 يوم الأحد في الشمال")
    assert not [c for c in claims if c[1] == 19]


def test_one_after_a_noun_and_its_adjective():
    # (session 26: "صوت معارض واحد" was no count; rules/scope.yaml one_after_adjectives)
    claims = [(c.kind, c.value) for c in extract_text("وحصل التعديل على 4 أصوات مؤيدة مقابل صوت معارض واحد")]
    assert ("votes_against", 1) in claims and ("votes_for", 4) in claims


def test_where_a_toll_stayed():
    # (session 26: "عند" was no reach word; rules/hedges.yaml predicate.reach)
    text = ("قتل 20 شخصا في الاشتباكات يوم السبت. وقالت السلطات إن عدد القتلى في جانبها ارتفع إلى 22، "
            "فيما بقيت الحصيلة المعلنة في الجانب الآخر عند 13")
    assert ("killed", 13, "exact", "cumulative") in _claims(text)
