"""Items of a breakdown by places written after their figures ("توزعت الوفيات بين 12 في بلدة
ألف و5 في بلدة باء"): each item is the figure of its own place.  When the gazetteer knows the
place, the claim's location tells the items apart; when it does not, the item would be read
as the whole toll (or as a part named by the word before it, which is the previous item's
place).  `unknown_place_part` names such an item by its own place instead."""

from __future__ import annotations

from bisect import bisect_left
from typing import Callable, Sequence

from crosscheck.text.tokens import Token

_IN = frozenset({"في", "قرب", "داخل"})
PLACE_WORDS = 3  # the words of a place after "في" ("في جزيرة غراند باهاما")


def place_after(toks: Sequence[Token], i: int, function_words: frozenset[str],
                starts_number: Callable[[Token], bool]) -> tuple[int, int] | None:
    """(first, end) of the place words after "في" at toks[i], in the clause: at most
    PLACE_WORDS words, ending before a comma, "و", a figure or a function word; or None."""
    if i + 1 >= len(toks) or toks[i].brk_before or toks[i].forms.isdisjoint(_IN):
        return None
    first = end = i + 1
    while end < len(toks) and end - first < PLACE_WORDS:
        t = toks[end]
        if t.brk_before or t.is_digit() or t.text in function_words or starts_number(t):
            break
        if end > first and t.text.startswith("و"):
            break  # "في أباكو وفق البيان": the next clause
        end += 1
    return (first, end) if end > first else None


def next_item_at(toks: Sequence[Token], end: int, function_words: frozenset[str],
                 starts_number: Callable[[Token], bool]) -> bool:
    """Does the next item of the list ("و5 في …") start at toks[end]?"""
    if end + 2 >= len(toks) or toks[end].brk_before or toks[end].text != "و":
        return False
    num = toks[end + 1]
    if not (num.is_digit() or starts_number(num)):
        return False
    return place_after(toks, end + 2, function_words, starts_number) is not None


def unknown_place_part(
    toks: Sequence[Token], right: int, place_starts: Sequence[int], listed_before: bool,
    function_words: frozenset[str], starts_number: Callable[[Token], bool],
) -> str | None:
    """"part:<place>" for an item of a breakdown by places whose place, right after the figure
    (toks[right] is "في"), the gazetteer does not know: an item when the list's item before it
    was joined to it (`listed_before`) or the next item follows its place.  Named by the place's
    last word (outlets write "في جزر أباكو" and "في أباكو").  None otherwise."""
    span = place_after(toks, right, function_words, starts_number)
    if span is None:
        return None
    first, end = span
    if not (listed_before or next_item_at(toks, end, function_words, starts_number)):
        return None
    lo, hi = toks[first].nstart, toks[end - 1].nend
    k = bisect_left(place_starts, lo)
    if k < len(place_starts) and place_starts[k] < hi:
        return None  # a known place: the claim's location names it
    return "part:" + toks[end - 1].text


_LOCATIVE = frozenset({"في", "الي"})
VERB_WORDS = 2  # the words of the claim before's verb before its place ("لقوا حتفهم في …")


def place_first_span(toks: Sequence[Token], right: int, left: int, function_words: frozenset[str],
                     starts_number: Callable[[Token], bool]) -> tuple[int, int] | None:
    """(first, end) of the place words of a later item named by its place before its figure
    ("لجأ 84 ألفا إلى بلد ألف، وبلد باء 70 ألفا"): the claim before ends at toks[right], maybe
    followed by its verb (at most VERB_WORDS words) and its own place ("في"/"إلى" and at most PLACE_WORDS words); then a comma and "و"
    (a clitic, or "وفي") and at most PLACE_WORDS words right before the figure at toks[left].
    Only the tokens between the two claims are read.  None when they are anything else."""
    k = right
    for j in range(right, min(left, right + 1 + VERB_WORDS)):
        # the claim before's verb of a word or two before its place ("52 ألفا لجؤوا إلى …")
        if toks[j].brk_before:
            # ... or a word or two of its own and no place, the place of a host named before its
            # figure ("وتستضيف بلد ألف 3.6 مليون لاجئ سوري، وبلد باء 1.5 مليون"): the comma
            k = j
            break
        if toks[j].is_digit():
            break
        if not toks[j].forms.isdisjoint(_LOCATIVE):
            k = j
            break
    if k < left and not toks[k].brk_before and not toks[k].forms.isdisjoint(_LOCATIVE):
        stop = min(left, k + 1 + PLACE_WORDS)
        k += 1
        while k < stop and not toks[k].brk_before:
            k += 1
    if not (k < left and toks[k].brk_before and not toks[left].brk_before):
        return None  # the item stands after a comma, in the same clause as its figure
    if toks[k].text == "و" and k + 1 < left:
        k += 1  # "و" a token of its own ("و الكونغو")
    elif not (toks[k].text.startswith("و") and len(toks[k].text) > 2):
        return None
    first = k
    if toks[first].text in ("وفي", "في") and first + 1 < left:
        first += 1  # "وفي بلد باء 62 ألفا"
    if not 0 < left - first <= PLACE_WORDS:
        return None
    for t in toks[first:left]:
        if t is not toks[first] and t.brk_before:
            return None
        if t.is_digit() or starts_number(t) or (t is not toks[k] and t.text in function_words):
            return None
    return k, left
