"""Where a story is talked about is no place of its figures (rules/gazetteer.yaml
`venue_words_after`, and talk words among `venue_words`): an article filed from the captives'
home country, where "the questions go on" about a release abroad, gives the release no place
(left open for the story's place to join), not that country.  Own sentences."""

from __future__ import annotations

from crosscheck.extract.extractor import extract
from crosscheck.models import Document

TEXT = """روما - الأربعاء 3 نيسان 2019

بعد يومين من الإفراج عن 12 رهينة احتجزتهم جماعة مسلحة 80 يوما، تتواصل في إيطاليا التساؤلات عن الفدية.

وكان المحررون، وهم 9 إيطاليين و3 ماليين، قد وصلوا إلى العاصمة فجر الاثنين."""


def test_an_article_about_talk_at_home_gives_a_release_abroad_no_place():
    claims = [c for c in extract(Document(id="d", text=TEXT, title="جدل في إيطاليا حول ثمن الإفراج عن الرهائن"))
              if c.kind == "hostages_released"]
    assert [(c.value, c.location) for c in claims if c.value == 12] == [(12, None)]


def test_the_place_of_the_release_itself_stays():
    text = TEXT.replace("احتجزتهم جماعة مسلحة", "احتجزتهم جماعة مسلحة في مالي")
    claims = [c for c in extract(Document(id="d", text=text)) if c.kind == "hostages_released" and c.value == 12]
    assert [c.location for c in claims] == ["mali"]


def test_a_place_before_other_words_is_still_the_articles_place():
    text = TEXT.replace("تتواصل في إيطاليا التساؤلات عن الفدية", "وأعلنت الحكومة في إيطاليا النبأ")
    claims = [c for c in extract(Document(id="d", text=text)) if c.kind == "hostages_released" and c.value == 12]
    assert [c.location for c in claims] == ["italy"]
