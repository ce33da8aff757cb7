"""A toll's earlier figure stated without a reach verb (rules/scope.yaml toll_anaphor_copulas,
toll_anaphor_pronouns, toll_restated_default): "وكانت الحصيلة 12 يوم الخميس", "الرقم الذي أعلن
أمس، وهو 34، …"."""

from crosscheck.extract.extractor import extract_text


def _kinds(text):
    return sorted((c.kind, c.value) for c in extract_text(text) if c.kind != "other")


def test_a_copula_before_the_toll_states_its_earlier_figure():
    text = "ارتفع عدد الوفيات بالفيروس إلى 16 وفاة. وكانت الحصيلة 12 يوم الخميس الماضي"
    assert ("killed", 12) in _kinds(text)


def test_a_pronoun_after_an_aside_restates_the_figure_of_the_dead():
    text = ("وأعلنت الشرطة أن الحصيلة المؤكدة للهجمات بلغت 31 قتيلا و270 جريحا، موضحة أن الرقم الذي "
            "أعلن أمس، وهو 34، شمل المهاجمين")
    assert _kinds(text) == [("injured", 270), ("killed", 31), ("killed", 34)]


def test_no_toll_in_the_article_no_claim():
    assert _kinds("وكانت الحصيلة 12 يوم الخميس الماضي") == []


def test_a_figure_in_the_aside_stops_the_restatement():
    text = "وبلغت الحصيلة 60 قتيلا، وقالت إن الرقم الوارد في 3 بيانات، وهو 92، خاطئ"
    assert ("killed", 92) not in _kinds(text)
