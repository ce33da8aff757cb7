"""A vote's side word in a contrasted clause after a tally's figure is not that figure's side."""
from __future__ import annotations

from crosscheck.extract.extractor import extract_text


def sides(text: str) -> list[tuple[str, float]]:
    return [(c.kind, c.value) for c in extract_text(text) if c.kind.startswith("votes_")]


def test_side_word_after_a_contrast_is_not_the_figures():
    assert sides("وحصل مشروع القرار على تأييد 11 عضوا في مجلس الأمن، ولكن الولايات المتحدة وبريطانيا صوتتا ضده") \
        == [("votes_for", 11)]
    assert sides("ونال النص في مجلس الأمن تأييد 9 أعضاء، إلا أن فرنسا والصين وروسيا صوتت ضده") \
        == [("votes_for", 9)]


def test_side_word_in_the_figures_own_clause_still_types_it():
    # no contrast between: the side word after the body size is the figure's
    assert sides("وصوت سبعة أعضاء من أصل 15 ضد المشروع") == [("votes_against", 7)]
