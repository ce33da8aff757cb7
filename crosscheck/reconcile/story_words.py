"""Which story an undated article tells, read from the words around its figures
(crosscheck.reconcile.grouping.split_stories).

A cluster at no place gathers the figures of every story whose place the gazetteer does not
know ("انهيار مبنى سيرفسايد", "«ميرس» في كوريا"); dated articles are told apart by their days,
an undated one is not.  The words of an article's figure sentences name its story: a rare word
two articles share (a town, a disease, a building, the official who speaks) is worth more than a
common one ("حصيلة", "ارتفع").  An undated article that shares far more with an article outside
the cluster than with any of the cluster's dated articles tells that other story.

`StoryWords` keeps each article's words (Arabic words of 4 letters or more, normalised, from the
distinct sentences of its figures) and an inverted index of them.  A word carried by more than
`max_df` articles is never looked up (it tells no story apart, and bounds the work: each
undated article costs at most its words x `max_df` postings).  A word in every article tells
nothing apart either; but an article with `min_universal` such words belongs to a corpus of one
story (its name, its place, its spokesman in every article), where no article is another
story's: it is never moved.
"""

from __future__ import annotations

import math
from collections import defaultdict
from typing import Iterable, Optional

from crosscheck.text.normalize import normalize_word
from crosscheck.util import regex_cache

_WORD = regex_cache.compile(r"\p{Arabic}{4,}")


def sentence_words(sentence: str) -> set[str]:
    return {normalize_word(w) for w in _WORD.findall(sentence)}


class StoryWords:
    def __init__(self, doc_sentences: Iterable[tuple[str, str]], max_df: int = 64,
                 min_universal: int = 3):
        """`doc_sentences`: (doc, sentence) pairs, repeats allowed (each distinct sentence of
        an article is read once)."""
        seen: set[tuple[str, str]] = set()
        self.words: dict[str, set[str]] = defaultdict(set)
        for doc, sentence in doc_sentences:
            if (doc, sentence) in seen:
                continue
            seen.add((doc, sentence))
            self.words[doc] |= sentence_words(sentence)
        self.postings: dict[str, list[str]] = defaultdict(list)
        for doc, ws in self.words.items():
            for w in ws:
                self.postings[w].append(doc)
        self.n = len(self.words)
        self.max_df = max_df
        self.min_universal = min_universal
        self.lookups = 0  # postings read (counted work)
        self._scores: dict[str, dict[str, float]] = {}

    def _weight(self, word: str) -> float:
        return math.log(self.n / len(self.postings[word]))

    def scores(self, doc: str) -> dict[str, float]:
        """Each other article's shared weight with `doc` (rare words only; once per article)."""
        if doc in self._scores:
            return self._scores[doc]
        out: dict[str, float] = defaultdict(float)
        for w in self.words.get(doc, ()):
            post = self.postings[w]
            if len(post) < 2 or len(post) > self.max_df or len(post) == self.n:
                continue
            wt = self._weight(w)
            for other in post:
                self.lookups += 1
                if other != doc:
                    out[other] += wt
        self._scores[doc] = out
        return out

    def elsewhere(self, doc: str, inside: set[str], dated_inside: set[str],
                  margin: float) -> Optional[str]:
        """The article outside `inside` whose story `doc` tells, when it shares more than
        `margin` times the weight it shares with the best of `dated_inside`; else None."""
        if self.n >= 3 and sum(len(self.postings[w]) == self.n
                               for w in self.words.get(doc, ())) >= self.min_universal:
            return None  # words in every article: the corpus tells one story
        sc = self.scores(doc)
        best_in = max((sc.get(d, 0.0) for d in dated_inside), default=0.0)
        out = [(v, d) for d, v in sc.items() if d not in inside]
        if not out:
            return None
        v, d = max(out, key=lambda t: (t[0], t[1]))
        return d if v > margin * best_in and v > 0 else None
