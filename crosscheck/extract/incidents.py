"""What happened, coarsely (rules/events.yaml `incidents`): a quake, a flood or storm, an
epidemic (one per disease), a war, a fire, a sinking, an air crash, a stampede, a heat wave.

Deaths from cholera and deaths in an earthquake in the same country are two quantities; so
are a city's epidemic deaths and its fire's.  Each toll claim (rules `kinds`) takes the one
incident its own sentence names (of several, the one its figure's clause names; of one other
than the document's, only when named before the end of the figure's clause, asides after it
passed over), else the
document's: the one its title and lead (first
`lead_chars` characters) name most often (strictly), else the one its tolls' sentences name
most, else the one the whole document names most - and at least `doc_min_mentions` times: a
single passing mention (a past war recalled, a quote's "الاشتباكات") is no story's - else none.  A toll of an incident over in hours (`one_off`: a fire, a stampede) "in the fire" or
"yesterday" is that incident's running total.  The document is scanned once, each distinct sentence once: the work is linear in the
document.
"""

from __future__ import annotations

from collections import Counter
from functools import lru_cache
from typing import Optional

from crosscheck.extract.claim_copy import set_fields, updated
from crosscheck.models import Claim
from crosscheck.ruleset.period_rules import IncidentRules, event_rules, spelled
from crosscheck.text.normalize import normalize, normalize_word
from crosscheck.text.literals import GateSet
from crosscheck.util import regex_cache

# a whole word with its clitics: و/ف, then ب/ل/ك, then the article; up to two letters after
_BEFORE = r"(?<![\p{L}\p{M}])(?:[وف])?(?:[بلك])?(?:ال|ل)?(?:"
_AFTER = r")(?:\p{L}{0,2})(?![\p{L}\p{M}])"


class IncidentFinder:
    def __init__(self, rules: IncidentRules) -> None:
        self.categories = [(name, regex_cache.compile(_BEFORE + "|".join(spelled(p) for p in pats) + _AFTER))
                           for name, pats in rules.categories.items()]
        # each category's words alone, without the look-arounds and clitics: a text none of them
        # is in holds no match of the category (every match holds one), and is passed over fast
        self._cores = [regex_cache.compile("|".join(spelled(p) for p in pats)) for pats in rules.categories.values()]
        # and the words the cores cannot match without: most texts are passed over by str.find
        self._gates = GateSet([core.pattern for core in self._cores])
        self.kinds = set(rules.kinds)
        self.lead_chars = rules.lead_chars
        self.doc_min_mentions = rules.doc_min_mentions
        self.one_off = set(rules.one_off)
        self.one_off_periods = set(rules.one_off_periods)
        self.new_words = {normalize_word(w) for w in rules.one_off_new_words}

    def told_new(self, c: Claim) -> bool:
        """Is the figure told as new or more ("تسع وفيات جديدة خلال 24 ساعة", "12 قتيلا آخرين"):
        one of `new_words` among the few words right after its surface, in its clause?  Such
        a figure adds to the running total; it is not the total.  Bounded: a few words."""
        if not self.new_words or not c.sentence or not c.surface:
            return False
        at = c.sentence.find(c.surface)
        if at < 0:
            return False
        after = c.sentence[at + len(c.surface):at + len(c.surface) + 40]
        stop = _CLAUSE_STOP.search(after)
        words = (after[:stop.start()] if stop else after).split()[:_NEW_WORDS_AFTER]
        return any(normalize_word(w) in self.new_words for w in words)

    def may_match(self, text: str) -> list[bool]:
        """For each category: can the text hold a match of it?  (Its answers for a document
        hold for every piece of it: see `counts`.)"""
        return self._gates.select(text)

    def counts(self, text: str, within: list[bool] | None = None) -> Counter:
        """Matches of each category in the text; `within`: may_match of a normalised text the
        text is a piece of (a sentence of the document: normalising is character by character,
        so a piece's normalised text is a piece of the document's), whose categories that
        cannot match are not looked for."""
        out: Counter = Counter()
        if within is not None and not any(within):
            return out
        may_match = self._gates.select(text, within=within)
        for k, ((name, pat), core) in enumerate(zip(self.categories, self._cores)):
            if not may_match[k] or core.search(text) is None:
                continue
            n = sum(1 for _ in pat.finditer(text))
            if n:
                out[name] = n
        return out


@lru_cache(maxsize=8)
def finder_for(directory: str) -> Optional[IncidentFinder]:
    rules = event_rules(directory)
    if rules.incidents is None:
        return None
    return IncidentFinder(rules.incidents)


def assign_incidents(ctx, claims: list[Claim]) -> list[Claim]:
    """The claims with `incident` set (see the module docstring)."""
    finder = finder_for(ctx.rules.directory)
    if finder is None or not claims:
        return claims
    sentences = list(dict.fromkeys(c.sentence for c in claims if c.kind in finder.kinds))
    if not sentences:
        return claims
    # A long sentence's claims quote it in excerpts that overlap (each stretch of it is in
    # three, context.sentence_text): when they hold more text than the document, the
    # categories the document cannot hold are found once, and not looked for in any excerpt
    # (nor anything else when it holds none)
    in_doc = finder.may_match(ctx.text) if _DOC_GATE and sum(map(len, sentences)) > len(ctx.text) else None
    per_sentence: dict[str, Counter] = {}
    for s in sentences:
        per_sentence[s] = Counter() if in_doc is not None and not any(in_doc) else finder.counts(normalize(s).text, in_doc)
    # what the document is about: the incident its title and lead name most, else the one
    # its tolls' sentences name most, else the one the whole document names most
    lead = finder.counts(ctx.text[: finder.lead_chars], in_doc)
    if ctx.doc.title:
        lead += finder.counts(normalize(ctx.doc.title).text)
    named = sum(per_sentence.values(), Counter())
    doc_incident = _strict_top(lead) or _strict_top(named) or \
        _strict_top(finder.counts(ctx.text, in_doc), finder.doc_min_mentions)
    asides = _aside_words(tuple(ctx.scope_rules.asides))
    out = []
    for c in claims:
        if c.kind not in finder.kinds:
            out.append(c)
            continue
        own = per_sentence[c.sentence]
        if len(own) > 1:  # several named: the one the figure's own clause names, if one
            own = finder.counts(normalize(_clause_of(c)).text, in_doc)
        elif own and doc_incident and doc_incident not in own:
            # one other than the document's: the one the sentence names up to the end of the
            # figure's clause, if one ("أعلنت مقتل 10، غرق بعضهم حين انقلب قارب" in a storm's
            # story, "كان عدد الوفيات 271، مع استمرار هطول الأمطار" in a cholera's: a word of a
            # later clause tells how some died or what goes on; "قتل 153 في التدافع، بينهم 31
            # أجنبيا": the part is the whole's)
            own = finder.counts(normalize(_through_clause(c, asides)).text, in_doc)
        incident = next(iter(own)) if len(own) == 1 else doc_incident
        if not incident:
            out.append(c)
            continue
        update: dict = {"incident": incident}
        if incident in finder.one_off and c.period in finder.one_off_periods and not finder.told_new(c):
            update["period"] = "cumulative"  # the toll of an event over in hours is its total
        # the extractor's own claims, held by nothing else: changed in place (a copy of each
        # held beside every original was the peak of a dense article's extraction)
        out.append(set_fields(c, update) if _IN_PLACE else updated(c, update))
    return out


# assign_incidents writes the incident into the claims it is given (tests turn it off to
# compare with copies)
_IN_PLACE = True


# assign_incidents looks in a long sentence's excerpts only for the categories the document
# may hold (tests turn it off to compare)
_DOC_GATE = True

# how many words after a figure's surface may tell it new (its counted noun, then "جديدة")
_NEW_WORDS_AFTER = 3

_CLAUSE_STOP = regex_cache.compile(r"[،,؛;.:!?\n]")


def _clause_of(c: Claim) -> str:
    """The clause of the claim's sentence its figure stands in (between the stops around it):
    "..., التي لم تتعاف بعد من زلزال يناير الماضي الذي قتل أكثر من 220 ألفا" for a figure of a
    cholera story's sentence that recalls a quake."""
    s = c.sentence or ""
    at = s.find(c.surface)
    if at < 0:
        return s
    lo = 0
    for m in _CLAUSE_STOP.finditer(s, 0, at):
        lo = m.end()
    m = _CLAUSE_STOP.search(s, at + len(c.surface))
    return s[lo:m.start() if m else len(s)]


def _through_clause(c: Claim, asides: frozenset[str]) -> str:
    """The claim's sentence up to the end of its figure's clause; an aside after it ("، بينهم
    شرطيان،", "، معظمهم من الأطفال،": a clause opened by a word of rules/scope.yaml `asides`)
    is passed over, the clause after it continues the figure's ("في التدافع")."""
    s = c.sentence or ""
    at = s.find(c.surface)
    if at < 0:
        return s
    m = _CLAUSE_STOP.search(s, at + len(c.surface))
    lo = 0
    for stop in _CLAUSE_STOP.finditer(s, 0, at):
        lo = stop.end()
    if m is not None and lo and _opens_aside(s, lo, asides):
        m = _CLAUSE_STOP.search(s, m.end())  # the figure is the aside's: its whole's clause goes on after it
    while m is not None and _opens_aside(s, m.end(), asides):
        aside_end = _CLAUSE_STOP.search(s, m.end())
        if aside_end is None:
            return s
        m = _CLAUSE_STOP.search(s, aside_end.end())
    return s[:m.start() if m else len(s)]


def _opens_aside(s: str, at: int, asides: frozenset[str]) -> bool:
    """Does the clause starting at `at` open with an aside's word (with و/ف before it)?"""
    words = s[at:at + 40].split()
    first = normalize_word(words[0]) if words else ""
    return first in asides or (first[:1] in "وف" and first[1:] in asides)


@lru_cache(maxsize=8)
def _aside_words(words: tuple[str, ...]) -> frozenset[str]:
    """The first words of the asides (normalised)."""
    return frozenset(normalize_word(w.split()[0]) for w in words if w.strip())


def _strict_top(counts: Counter, least: int = 1) -> Optional[str]:
    """The category named strictly most often, and at least `least` times; else None."""
    top = counts.most_common(2)
    if not top or (len(top) > 1 and top[1][1] == top[0][1]) or top[0][1] < least:
        return None
    return top[0][0]
