"""What happened (crosscheck.extract.incidents): tolls of different incidents are different
quantities; a figure whose article names none still joins its story; a one-off incident's toll
"yesterday" or "in the fire" is its running total."""

from __future__ import annotations

from crosscheck.extract.extractor import extract
from crosscheck.models import Document
from crosscheck.reconcile.reconciler import reconcile


def _clusters(*docs: Document):
    claims = [c for d in docs for c in extract(d)]
    return claims, reconcile(claims, list(docs))


def _cluster_of(clusters, doc, value):
    return next(cl for cl in clusters for c in cl.claims if c.doc == doc and float(c.value) == value)


def test_epidemic_and_quake_deaths_in_one_country_are_two_quantities():
    quake = Document(id="q", text="ارتفع عدد قتلى الزلزال في إيران إلى 430 شخصا.", date="2017-11-14")
    virus = Document(id="v", text="ارتفع عدد الوفيات بفيروس كورونا في إيران إلى 853 حالة.", date="2017-11-14")
    claims, clusters = _clusters(quake, virus)
    assert {c.incident for c in claims if c.kind == "killed"} == {"quake", "covid"}
    assert _cluster_of(clusters, "q", 430).id != _cluster_of(clusters, "v", 853).id
    assert not [cl for cl in clusters if cl.status == "conflict"]


def test_a_figure_whose_article_names_no_incident_joins_its_story():
    quake = Document(id="q", text="ارتفع عدد قتلى الزلزال في إيران إلى 430 شخصا.", date="2017-11-14")
    bare = Document(id="b", text="قالت السلطات إن عدد القتلى في إيران بلغ 300 شخص.", date="2017-11-14")
    claims, clusters = _clusters(quake, bare)
    assert next(c for c in claims if c.doc == "b" and c.kind == "killed").incident is None
    cl = _cluster_of(clusters, "q", 430)
    assert cl.id == _cluster_of(clusters, "b", 300).id and cl.status == "conflict"


def test_a_one_off_incidents_toll_of_yesterday_is_its_running_total():
    a = Document(id="a", text="لقي 717 حاجا مصرعهم أمس في حادثة تدافع بمنى.")
    b = Document(id="b", text="ارتفعت حصيلة ضحايا تدافع منى إلى 717 قتيلا.")
    claims, clusters = _clusters(a, b)
    periods = {c.doc: c.period for c in claims if c.kind == "killed"}
    assert periods == {"a": "cumulative", "b": "cumulative"}
    assert _cluster_of(clusters, "a", 717).id == _cluster_of(clusters, "b", 717).id
    # a war's toll of yesterday stays a day's figure
    war = Document(id="w", text="قتل 40 شخصا أمس في غارات على المدينة.")
    assert next(c for c in extract(war) if c.kind == "killed").period == "last_24h"


# a story whose lead names no incident category (a cold wave is one since session 41: "نقص الغذاء" here)
_COLD_LEAD = (
    "ارتفع عدد ضحايا نقص الغذاء في أفغانستان إلى {n} وفاة منذ مطلع الشهر، بحسب ما أعلنته الهيئة "
    "الوطنية لإدارة الكوارث اليوم، مشيرة إلى أن درجات الحرارة هبطت إلى ما دون الصفر بكثير في المناطق "
    "الجبلية. وقال متحدث باسم الهيئة إن فرق الإغاثة تواجه صعوبات كبيرة في الوصول إلى القرى المعزولة بسبب "
    "تراكم الثلوج على الطرق الرئيسية والفرعية، وإن الأطفال وكبار السن يشكلون غالبية المتوفين في المناطق "
    "النائية. وأضاف أن الحكومة وزعت البطانيات والوقود على آلاف الأسر. "
)


def test_an_incident_the_article_names_once_in_passing_does_not_split_its_story():
    # one outlet recalls the country's past war once, far below its lead; another does not: the
    # cold wave's toll is one quantity in both (a passing mention is no story's incident)
    aside = Document(id="a", text=_COLD_LEAD.format(n=166) + "ويعاني السكان أصلا من آثار الحرب التي أنهكت البلاد.",
                     date="2023-01-28")
    plain = Document(id="p", text=_COLD_LEAD.format(n=166), date="2023-01-28")
    claims, clusters = _clusters(aside, plain)
    assert {c.incident for c in claims if c.kind == "killed"} == {None}
    cl = _cluster_of(clusters, "a", 166)
    assert cl.id == _cluster_of(clusters, "p", 166).id and cl.status != "conflict"
    # named again and again, the war is the article's story
    story = Document(id="s", text=_COLD_LEAD.format(n=166) + "ويعاني السكان من آثار الحرب، وقد دمرت الحرب شبكات التدفئة.")
    assert {c.incident for c in extract(story) if c.kind == "killed"} == {"war"}
    # a cold wave named in the lead is the story's own incident, whatever the war named below
    cold = Document(id="c", text=_COLD_LEAD.replace("نقص الغذاء", "موجة البرد القارس").format(n=166)
                    + "ويعاني السكان من آثار الحرب، وقد دمرت الحرب شبكات التدفئة.")
    assert {c.incident for c in extract(cold) if c.kind == "killed"} == {"cold"}


def test_an_unplaced_incidents_toll_joins_the_placed_figure_that_names_no_incident():
    # one outlet names the attack but no place, another the place but no incident: each lacks
    # what the other gives, and the figure is one quantity of the story
    war = Document(id="w", text="وقالت الشرطة إن 7 من المهاجمين قتلوا في الهجوم.", date="2015-11-14")
    placed = Document(id="p", text="وأكد المدعي العام أن 7 من المهاجمين قتلوا في فرنسا.", date="2015-11-14")
    claims, clusters = _clusters(war, placed)
    assert {c.doc: c.incident for c in claims if c.kind == "killed"} == {"w": "war", "p": None}
    assert _cluster_of(clusters, "w", 7).id == _cluster_of(clusters, "p", 7).id
    # a placed figure of another incident is another quantity
    quake = Document(id="q", text="وأكد المدعي العام أن 7 من المهاجمين قتلوا في الزلزال في فرنسا.", date="2015-11-14")
    _claims, clusters = _clusters(war, quake)
    assert _cluster_of(clusters, "w", 7).id != _cluster_of(clusters, "q", 7).id


def test_a_one_off_incidents_new_deaths_of_a_day_stay_an_increment():
    # "new" deaths in 24 hours add to the fire's running total: never the total itself
    new = Document(id="n", text="تواصل الحريق في غابات الإقليم. وسجلت السلطات خمس وفيات جديدة خلال 24 ساعة في الحريق.")
    more = Document(id="m", text="تواصل الحريق في غابات الإقليم. وقضى 7 أشخاص آخرون أمس في الحريق.")
    for d, v in ((new, 5), (more, 7)):
        c = next(c for c in extract(d) if c.kind == "killed" and float(c.value) == v)
        assert c.incident == "fire" and c.period != "cumulative"
