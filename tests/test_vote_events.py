"""Vote occurrences: segmenting an article's tallies (crosscheck.extract.vote_events) and linking
the same vote across articles (crosscheck.reconcile.votes).  Sentences are our own."""

from __future__ import annotations

import regex
import pytest

from crosscheck.extract.extractor import extract
from crosscheck.extract.vote_events import parse_event
from crosscheck.models import Document
from crosscheck.reconcile.reconciler import reconcile
from crosscheck.reconcile.votes import Occ, compatible, link_votes
from crosscheck.ruleset.vote_rules import spelled, vote_rules
from crosscheck.text.normalize import normalize

TALLY = {"votes_for", "votes_against", "abstentions"}


def _doc(doc_id: str, text: str, day: str = "2024-05-14") -> Document:
    return Document(id=doc_id, text=text, date=day)


def _tallies(doc: Document):
    return [c for c in extract(doc) if c.kind in TALLY]


def _cases():
    for cue in vote_rules().cues:
        for text in cue.examples.hit:
            yield cue.id, cue.patterns, text, True
        for text in cue.examples.miss:
            yield cue.id, cue.patterns, text, False


@pytest.mark.parametrize("cue,patterns,text,hit", list(_cases()))
def test_rule_examples(cue, patterns, text, hit):
    norm = normalize(text).text
    found = any(regex.search(spelled(p), norm) for p in patterns)
    assert found == hit, f"{cue}: {text!r} should {'match' if hit else 'not match'}"


TWO_DRAFTS = (
    "صوّت مجلس الأمن اليوم على مشروعين. وحصل المشروع الفرنسي على تأييد 12 عضوا مقابل اعتراض "
    "عضوين وامتناع عضو واحد. أما المشروع الروسي فلم يحصل إلا على تأييد 4 أعضاء مقابل اعتراض 7 "
    "أعضاء وامتناع 4."
)


def test_two_drafts_in_one_article_are_two_occurrences_with_their_sponsors():
    claims = _tallies(_doc("a", TWO_DRAFTS))
    by_value = {c.value: parse_event(c.event) for c in claims}
    first = by_value[12]
    second = by_value[7]
    assert first["n"] != second["n"]
    assert first["by"] == "france" and second["by"] == "russia"
    assert first["body"] == second["body"] == "sc"
    assert all(c.period == "event" for c in claims)


def test_an_amendment_is_its_own_vote_and_its_sponsor_may_come_first():
    text = ("وقبل التصويت على النص طرحت روسيا تعديلا لم ينل إلا تأييد 3 أعضاء. "
            "ثم اعتمد مجلس الأمن القرار 2800 بتأييد 13 عضوا وامتناع عضوين.")
    ev = {c.value: parse_event(c.event) for c in _tallies(_doc("a", text))}
    assert ev[3]["subj"] == "amendment" and ev[3]["by"] == "russia"
    assert ev[13]["res"] == "2800" and ev[13]["subj"] == "resolution"


def test_amendments_to_a_named_draft_are_their_own_vote():
    """"تعديلات … على المشروع الأمريكي بأغلبية 70": the draft named after "على" is the text
    amended; the figure is the amendments' vote, with their own sponsors, not the draft's."""
    text = ("وفي الجمعية العامة أقرت الدول تعديلات أوروبية على المشروع الأمريكي بأغلبية 70 صوتا. "
            "ثم اعتمدت الجمعية المشروع الأمريكي المعدل بأغلبية 95 صوتا.")
    ev = {c.value: parse_event(c.event) for c in _tallies(_doc("a", text))}
    assert ev[70]["subj"] == "amendment" and ev[70]["by"] == "europe"
    assert ev[95]["subj"] == "draft" and ev[95]["by"] == "united_states"
    # a draft far from the amendment word, or with no "على" between, is the subject itself
    far = ("وناقشت الدول تعديلات كثيرة طوال الأسبوع قبل أن تقر الجمعية العامة في النهاية "
           "المشروع الأمريكي بأغلبية 95 صوتا.")
    assert {parse_event(c.event)["subj"] for c in _tallies(_doc("b", far))} == {"draft"}


def test_figures_told_before_their_subject_are_one_vote_on_it():
    """"وافقت 98 دولة على التعديل الكندي ورفضته 40": the amendment named after the first figure
    is that tally's subject, not the start of another vote; a second subject after it still
    starts one, and so does a later sentence giving a kind again."""
    text = ("وافقت 98 دولة في الجمعية العامة، الثلاثاء، على التعديل الكندي الذي يعيد الفقرة "
            "المحذوفة، ورفضته 40 وامتنعت 20 عن التصويت. ويذكر أن قرار عام 2016 بشأن الموضوع نفسه "
            "اعتمد بأغلبية 120 صوتا مقابل لا شيء.")
    ev = {c.value: parse_event(c.event) for c in _tallies(_doc("a", text, "2024-12-10"))}
    assert ev[98] == ev[40] == ev[20] and ev[98]["subj"] == "amendment" and ev[98]["by"] == "canada"
    assert ev[120]["n"] != ev[98]["n"] and ev[120].get("past") == "2016"
    two = "صوّت مجلس الأمن على مشروعين، فأيد 4 أعضاء المشروع الروسي، بينما أيد 10 أعضاء المشروع الأمريكي."
    ev2 = {c.value: parse_event(c.event) for c in _tallies(_doc("b", two))}
    assert ev2[4]["n"] != ev2[10]["n"]


def test_an_amendment_named_before_the_text_it_amends_is_the_subject():
    """"تعديل قدمته النرويج لحذف فقرة من الديباجة في القرار الخاص ...": the resolution after
    "في" (or "على") is the text amended, even several words after the amendment, within one
    clause; a comma between, or no such word right before the text, leaves the text the subject."""
    text = ("صوتت الجمعية العامة على تعديل قدمته النرويج لحذف فقرة من الديباجة في القرار الخاص "
            "بحماية الصحفيين، أيده 80 بلدا وعارضه 60.")
    ev = {c.value: parse_event(c.event) for c in _tallies(_doc("a", text))}
    assert ev[80]["subj"] == "amendment" and ev[80]["by"] == "norway"
    apart = ("ناقشت الدول تعديلا نرويجيا، ثم اعتمدت الجمعية العامة القرار الخاص بحماية الصحفيين "
             "بأغلبية 120 صوتا.")
    assert {parse_event(c.event)["subj"] for c in _tallies(_doc("b", apart))} == {"resolution"}


def test_a_figure_above_the_council_seats_is_an_assembly_vote_and_a_past_year_marks_history():
    text = ("وأيدت 150 دولة القرار الجديد مقابل 9 دول. وكان قرار مماثل قد نال في عام 2019 "
            "تأييد 120 دولة.")
    ev = {c.value: parse_event(c.event) for c in _tallies(_doc("a", text))}
    assert ev[150]["body"] == "ga"
    assert ev[120].get("past") == "2019" and ev[150].get("past") is None


def test_a_tally_right_after_the_word_resolution_is_no_resolution_number():
    # "أيد القرار 160 بلدا": the resolution is the verb's object, 160 the countries for it
    text = "وفي العام الماضي أيد القرار 160 بلدا ولم يعارضه سوى بلدين."
    evs = [parse_event(c.event) for c in _tallies(_doc("a", text))]
    assert len(evs) == 2 and all("res" not in ev for ev in evs)
    text = "واعتمد المجلس القرار 2601 بأغلبية 13 صوتا."
    assert parse_event(_tallies(_doc("b", text))[0].event)["res"] == "2601"


def test_a_veto_said_not_to_apply_is_not_a_veto():
    text = ("صوت مجلس الأمن على قرار إجرائي لا يسري عليه حق النقض، واعتمد القرار 2555 "
            "بأغلبية 12 صوتا.")
    ev = parse_event(_tallies(_doc("a", text))[0].event)
    assert "veto" not in ev


@pytest.mark.parametrize("threat", [
    "وكانت بريطانيا قد هددت باستخدام حق النقض ضده",
    "وتعتزم فرنسا استخدام الفيتو ضده",
    "وتلوح الصين باستخدام حق النقض ضده",
])
def test_a_veto_only_threatened_or_intended_is_not_a_veto(threat):
    # no veto was cast yet: the draft's tally is not a vetoed vote's ...
    text = f"ونال المشروع الياباني تأييد 11 عضوا في مجلس الأمن، {threat}."
    ev = parse_event(_tallies(_doc("a", text))[0].event)
    assert "veto" not in ev
    # ... while a veto cast is one ("قبل أن" is no intention)
    text = "ونال المشروع الياباني تأييد 11 عضوا في مجلس الأمن قبل أن تستخدم بريطانيا حق النقض ضده."
    assert "veto" in parse_event(_tallies(_doc("b", text))[0].event)


def test_a_tally_told_twice_in_one_article_is_one_occurrence():
    text = ("الجمعية العامة تعتمد القرار بتأييد 120 دولة. وصوتت الجمعية العامة أمس بتأييد 120 "
            "دولة مقابل اعتراض 6 دول وامتناع 40.")
    events = {c.event for c in _tallies(_doc("a", text))}
    assert len(events) == 1


SAME_DRAFT_A = ("استخدمت روسيا حق النقض في مجلس الأمن أمس ضد مشروع قرار قدمته فرنسا، وحصل المشروع "
                "على تأييد 13 عضوا مقابل صوت واحد وامتناع عضو.")
SAME_DRAFT_B = ("أسقط الفيتو الروسي يوم الاثنين المشروع الفرنسي رغم تأييد 12 عضوا في مجلس الأمن.")
RIVAL_DRAFT = ("وفي تصويت ثان في مجلس الأمن، لم يحصل مشروع روسي إلا على 12 صوتا أيضا... "
               "بل على صوتين مقابل اعتراض 3 أعضاء.")


def test_the_same_draft_in_two_articles_is_one_cluster_and_a_conflict():
    docs = [_doc("a", SAME_DRAFT_A, "2024-05-14"), _doc("b", SAME_DRAFT_B, "2024-05-15")]
    claims = [c for d in docs for c in extract(d)]
    clusters = reconcile(claims, docs)
    votes_for = [cl for cl in clusters if cl.kind == "votes_for"]
    assert len(votes_for) == 1
    assert votes_for[0].status == "conflict"
    assert {c.doc for c in votes_for[0].claims} == {"a", "b"}


def test_a_rival_draft_of_the_same_day_never_joins():
    docs = [_doc("a", SAME_DRAFT_A, "2024-05-14"), _doc("c", "مجلس الأمن أمس: مشروع قرار روسي نال 13 صوتا.", "2024-05-14")]
    claims = [c for d in docs for c in extract(d)]
    linked = link_votes([c for c in claims if c.kind == "votes_for"])
    assert len({c.event for c in linked}) == 2


def _occ(doc, **fields):
    return Occ(doc, {k: v for k, v in fields.items()})


def test_compatibility_rules():
    assert not compatible(_occ("a", body="sc", res="2700"), _occ("b", body="sc", res="2701"))
    assert not compatible(_occ("a", body="sc"), _occ("b", body="ga"))
    assert not compatible(_occ("a", body="sc", by="russia"), _occ("b", body="sc", veto="russia"))
    assert not compatible(_occ("a", body="sc", subj="amendment"), _occ("b", body="sc", subj="draft"))
    assert not compatible(_occ("a", body="sc", n="1"), _occ("a", body="sc", n="2"))
    assert compatible(_occ("a", body="sc", by="france"), _occ("b", body="sc", by="france+malta"))


def test_ambiguous_occurrence_stays_apart():
    # an unsponsored draft of the day, two sponsored drafts of the day: no link
    a = _occ("a", body="sc", subj="draft", by="france", n="1")
    b = _occ("b", body="sc", subj="draft", by="russia", n="1")
    c = _occ("c", body="sc", subj="draft", n="1")
    from crosscheck.reconcile.votes import link
    votes = link([a, b, c])
    assert [len(v) for v in votes] == [1, 1, 1]


def test_a_veto_read_as_cast_by_the_drafts_own_sponsor_is_a_rival_drafts():
    """"أيدته 5 دول وعارضته 7، في حين سقط المشروع الأميركي بالفيتو الروسي": the veto closes
    the sentence of the Russian draft's tally but is cast on the American draft; a sponsor never
    vetoes its own text, so the Russian draft's occurrence keeps no veto and meets the same
    draft told by another outlet."""
    own = _occ("a", body="sc", subj="draft", by="russia", veto="china+russia", n="1")
    assert own.get("veto") == "" and not own.vetoers
    assert compatible(own, _occ("b", body="sc", subj="draft", by="russia", n="1"))
    # a veto by another member than the sponsor still tells the vote apart
    other = _occ("a", body="sc", subj="draft", by="united_states", veto="russia", n="1")
    assert other.vetoers == {"russia"}
    assert not compatible(other, _occ("b", body="sc", subj="draft", by="russia", n="1"))


def test_the_russian_federation_tables_a_draft():
    """"مشروع القرار الذي قدمه الاتحاد الروسي": the sponsor is Russia (gazetteer name)."""
    text = "وفشل في مجلس الأمن مشروع القرار الذي قدمه الاتحاد الروسي، إذ أيده 5 أعضاء وعارضه 6 وامتنع 4."
    claims = _tallies(_doc("a", text))
    assert claims and all(parse_event(c.event)["by"] == "russia" for c in claims)


def test_a_tally_cut_by_the_name_of_its_text_is_one_occurrence():
    """"صوتت 141 دولة لصالح مشروع القرار الكندي، مقابل اعتراض 9 دول وامتناع 30": the draft named
    between the figures cuts the tally in two occurrences of one sentence, with the same fields
    and different kinds; linking reads them as one, so the tally meets the same vote told by
    another outlet and its abstentions (30 against 31) conflict."""
    a = _doc("a", "صوتت 141 دولة من أصل 193 في الجمعية العامة لصالح مشروع القرار الكندي المطالب "
                  "بهدنة إنسانية، مقابل اعتراض 9 دول وامتناع 30 عن التصويت.", "2024-05-14")
    b = _doc("b", "اعتمدت الجمعية العامة أمس قرارا يطالب بهدنة إنسانية بتأييد 141 دولة واعتراض 9 "
                  "وامتناع 31 عن التصويت.", "2024-05-15")
    claims = [c for d in (a, b) for c in extract(d) if c.kind in TALLY]
    # the figure told before its sentence's subject takes it: one occurrence from the extractor
    # (session 16; before, the draft's name cut it in two and linking rejoined them)
    assert len({c.event for c in claims if c.doc == "a"}) == 1
    clusters = reconcile(claims, [a, b])
    votes_for = [cl for cl in clusters if cl.kind == "votes_for"]
    assert len(votes_for) == 1 and {c.doc for c in votes_for[0].claims} == {"a", "b"}
    abstentions = [cl for cl in clusters if cl.kind == "abstentions"]
    assert len(abstentions) == 1 and abstentions[0].status == "conflict"
    # two drafts of one sentence (other sponsors) are never rejoined
    two = _tallies(_doc("c", TWO_DRAFTS))
    assert len({c.event for c in link_votes(two)}) == 2
