"""Names of origin used as nouns of people (rules/nisba.yaml): "87 مغربيا", "5 إيرانيين", "500
إيزيدي" after a hundred, and the label a subset so named keeps ("بينهم 35 كينيا" -> كينيا).

The word lists are data; this module only reads them.  Every answer depends on the words only,
so the plural test is remembered per word (bounded)."""

from __future__ import annotations

from typing import Mapping, Sequence

import regex

from crosscheck.ruleset.loader import NisbaRules
from crosscheck.text.normalize import normalize_word
from crosscheck.text.tokens import Token
from crosscheck.util import regex_cache
from crosscheck.util.memo import per_object

_SEEN_MAX = 65536


def _words(raw: Sequence[str]) -> frozenset[str]:
    return frozenset(normalize_word(w) for w in raw)


def _alternatives(raw: Sequence[str]) -> str:
    forms = sorted({normalize_word(w) for w in raw}, key=regex_cache.longest_first)
    return "|".join(regex.escape(f) for f in forms)


class NisbaLexicon:
    def __init__(self, rules: NisbaRules) -> None:
        p = rules.plural
        self._plural = regex_cache.compile(
            rf"^(?:{_alternatives(p.clitics)})*\w{{{p.min_stem},}}(?:{_alternatives(p.endings)})$"
        )
        self._not_plural = _words(p.not_people)
        self._seen: dict[str, bool] = {}
        s = rules.singular
        self._ending = normalize_word(s.ending)
        self._min_length = s.min_length
        self._not_prefixes = tuple(sorted(_words(s.not_prefixes), key=len, reverse=True))
        self._after_digits = s.after_digits
        self._after_words = _words(s.after_words)
        self._not_singular = _words(s.not_people)
        b = rules.subset_label
        self._safe_prefixes = _words(b.safe_prefixes)
        self._stem_alefs = frozenset(b.stem_alefs)
        self._state_nouns = _words(b.state_nouns)

    def plural_form(self, form: str) -> bool:
        """Has the (normalised) word the shape of a plural or accusative nisba ("مغربيا")?"""
        return form not in self._not_plural and self._plural.match(form) is not None and not form.isdigit()

    def people(self, t: Token) -> bool:
        """Is t a plural or accusative nisba ("مغربيا", "والسوريون"), a noun of people?"""
        found = self._seen.get(t.text)
        if found is None:
            if len(self._seen) >= _SEEN_MAX:
                self._seen.clear()
            found = self._seen[t.text] = (
                t.text not in self._not_plural and self._plural.match(t.text) is not None and not t.is_digit()
            )
        return found

    def singular_shape(self, form: str) -> bool:
        """Has the bare form the shape of a singular nisba ("فلبيني" in "وفلبيني واحد")?"""
        return (
            len(form) >= self._min_length and form.endswith(self._ending)
            and not form.startswith(self._not_prefixes) and form not in self._not_singular
        )

    def after_hundreds(self, toks: Sequence[Token], i: int) -> bool:
        """Is toks[i] a singular nisba right after a hundred or a thousand ("500 إيزيدي", "400
        ألف كردي"), the case a hundred gives its counted noun: people named by origin?"""
        if i < 1 or i >= len(toks) or toks[i].brk_before:
            return False
        before = toks[i - 1]
        if before.is_digit():
            if not before.text.endswith(self._after_digits):
                return False
        elif before.forms.isdisjoint(self._after_words):
            return False
        w = toks[i].text
        return (
            len(w) >= self._min_length and w.endswith(self._ending) and not w.startswith(self._not_prefixes)
            and w not in self._not_singular and not toks[i].is_digit()
        )

    def subset_label(self, tok: Token, places: Mapping[str, object], written: str = "") -> str:
        """The bare noun naming a subset: the shortest reading of the word with its safe clitics
        removed ("و", "ال").  A counted noun keeps a first letter that only looks like a clitic
        ("كينيا", "بحارا", "لاجئين": a figure governs its noun, which takes no preposition of its
        own), unless what is left is a place or nationality of `places` (the gazetteer's
        look-up) or a noun of a state ("5 بحالة حرجة" -> حالة).  `written` is the word as written, a letter for each of tok.text's: an "ال"
        whose alef has a hamza there is the stem's, never the article ("ألمان" keeps it)."""
        word = tok.text
        forms = [f for f in tok.forms if not self._stem_article(word, f, written)]
        best = word
        for f in forms:
            if len(f) >= len(best):
                continue
            prefix = word[: len(word) - len(f)]
            if prefix in self._safe_prefixes or f in places or f in self._state_nouns:
                best = f
        return best


    def _stem_article(self, word: str, form: str, written: str) -> bool:
        """Does reading `form` take off an "ال" that `written` shows to be the stem's?"""
        cut = len(word) - len(form)
        return (
            cut >= 2 and len(written) == len(word) and word.startswith("ال", cut - 2)
            and written[cut - 2] in self._stem_alefs
        )


@per_object
def nisba_for(rules: NisbaRules) -> NisbaLexicon:
    return NisbaLexicon(rules)
