"""The fast normaliser (str.replace + re) and the general one agree, offsets included."""

from hypothesis import given, settings
from hypothesis import strategies as st

from crosscheck.text.normalize import _normalize_general, normalize

# Arabic letters, tashkeel, tatweel, digits of three scripts, bidi controls, NBSP, spaces.
ALPHABET = st.sampled_from(
    list("ابتثجحخدذرزسشصضطظعغفقكلمنهويىةأإآٱؤئء")
    + list("\u064b\u064c\u064d\u064e\u064f\u0650\u0651\u0652\u0640\u0670")
    + list("0123456789٠١٢٣٤٥٦٧٨٩۰۱۲۳۴۵۶۷۸۹٫٬,.")
    + list("\u200e\u200f\u202b\u202e\u2067\u2069\u061c\u00a0 \n")
)


@settings(max_examples=300, deadline=None)
@given(st.text(ALPHABET, max_size=60))
def test_fast_path_equals_general_path(text):
    fast, slow = normalize(text), _normalize_general(text)
    assert fast.text == slow.text
    for i in range(len(fast.text) + 1):
        assert fast.to_original(i) == slow.to_original(i)


@settings(max_examples=200, deadline=None)
@given(st.text(ALPHABET, max_size=60), st.data())
def test_spans_cover_the_original_characters(text, data):
    norm = normalize(text)
    if not norm.text:
        return
    s = data.draw(st.integers(0, len(norm.text) - 1))
    e = data.draw(st.integers(s + 1, len(norm.text)))
    os_, oe = norm.span(s, e)
    # re-normalising the original span gives back the normalised span
    assert normalize(text[os_:oe]).text == norm.text[s:e]


def test_presentation_forms_take_the_general_path():
    text = "ﻻ شيء \ufefb"  # lam-alef ligatures
    norm = normalize(text)
    assert norm.text.startswith("لا")
    assert text[slice(*norm.span(0, 2))] == "ﻻ"
