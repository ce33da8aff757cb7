"""Parts and wholes: place and group hierarchies, combined figures, hierarchy keys.

* Places take their parents from the gazetteer (`rules/gazetteer.yaml`): a city within its
  governorate within its country.  `place_path("sarpol_zahab")` = sarpol_zahab, kermanshah, iran.
* Groups take theirs from `rules/hierarchy.yaml`: children and women are part of all; aid seekers
  of the civilians.  A subset the extractor could not name a group for ("بينهم 15 سعوديا" ->
  "subset:سعودي") is part of `subset_parent` (all).
* A combined figure ("في البلدين", "في الدول الثلاث" in its clause) is the sum of the places the
  article's other figures are about: its `location` becomes "iran+iraq" and `combines` lists the
  places, so it is never grouped with one country's figure.  When the article does not name
  exactly that many places, the location is "combined:2" (a combination of unknown parts).
* A place the article singles out ("إقليم السند وحده") is a part: a figure whose place was only
  inferred to be that place (from the article) is moved to the top place above it.
* Hierarchy keys: a cluster's own scope and every scope it is part of, as text
  (`scope_key`).  Two clusters are compared (crosscheck.reconcile.inconsistencies) only when one's
  own key is among the other's keys: an index lookup per ancestor, never all pairs.

Cost: one pass over each document's text for the combination phrases (a compiled alternation),
one bisection per phrase found; paths are walks up a tree of bounded depth.
"""

from __future__ import annotations

import json
from bisect import bisect_left
from collections import defaultdict
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path
from typing import Iterable, Optional, Sequence

import regex

from crosscheck.extract.claim_copy import updated
from crosscheck.models import PLACE_FROM_ARTICLE, Claim, Document
from crosscheck.reconcile.singled_out import ALONE_WORDS, alone_near, alone_pattern  # noqa: F401 (ALONE_WORDS re-exported)
from crosscheck.text.normalize import normalize, normalize_word, normalized_text
from crosscheck.reconcile.stated_whole import stated_whole_pattern
from crosscheck.util import regex_cache

# Kinds whose figures add up: a part of them is at most the whole.  Votes, resolution numbers,
# vetoes and durations are not sums of parts.
# Running totals a figure for part of the time (since an anchor, a rolling window) is part of.
SUBPERIOD_KINDS = frozenset({"killed", "injured"})
SUB_PERIODS = ("since:", "last_")

ADDITIVE_KINDS = frozenset({
    "killed", "injured", "missing", "hostages_held", "hostages_released", "prisoners_released",
    "displaced", "aid_trucks",
})
COMBINED_PREFIX = "combined:"
_CLAUSE_END = regex_cache.compile(r"[،,؛;.!?\n:]")
_SENTENCE_END = regex_cache.compile(r"[.!?؟\n]")
_ID = regex_cache.compile(r"^[a-z0-9_\-+:]+$")  # gazetteer ids and combinations ("iran+iraq")
_MAX_DEPTH = 16  # a gazetteer chain is a few levels; guards against a cycle in user rules


@dataclass(frozen=True)
class Hierarchy:
    place_parent: dict[str, str]
    top_places: frozenset[str]  # places without a parent (countries, top regions)
    group_parent: dict[str, str]
    subset_parent: str
    subset_prefixes: tuple[str, ...]
    disjoint: tuple[frozenset[str], ...]
    combination: Optional[regex.Pattern]
    combination_count: dict[str, Optional[int]]  # normalised phrase -> number of places
    window: int
    alone: Optional[regex.Pattern] = None  # "وحده", "وحدها": a place singled out as a part
    partitive: Optional[regex.Pattern] = None  # "66 من المصابين": a part of the toll's own people
    prefix_parent: dict = field(default_factory=dict)  # "nationals" -> foreigners: "nationals:syria" is a part
    of_them: Optional[regex.Pattern] = None  # "توفي ستة منهم": a part of a group named before
    partitive_after: Optional[regex.Pattern] = None  # "تسعة من المتوفين": the noun after a bare figure
    last_part: Optional[regex.Pattern] = None  # "آخر 404 أسرى": the last batch of a larger count
    coordination: Optional[regex.Pattern] = None  # "في": "200 قتيل في ألمانيا وبلجيكا" is combined
    stated_whole: Optional[regex.Pattern] = None  # "35 أوكرانيا، بينهم 24 بحارا": the part's whole
    rules_directory: str = ""
    # normalised combination phrases of places below a country ("المدينتين معا"): their figure is
    # always a combination of unnamed parts (`combined:<count>`)
    combination_within: frozenset = frozenset()
    # place id -> the normalised words that name it (each name, its last word, with and without
    # the article): a list item named by its own place ("تليها كانو بـ364") is that place's figure
    place_words: dict = field(default_factory=dict)

    # ------------------------------------------------------------------ paths

    def place_path(self, location: Optional[str]) -> list[str]:
        """The place and its parents, most specific first; [] for no place."""
        if not location:
            return []
        if is_combination(location):
            return [location]
        out = [location]
        p = self.place_parent.get(location)
        while p is not None and p not in out and len(out) < _MAX_DEPTH:
            out.append(p)
            p = self.place_parent.get(p)
        return out

    def group_path(self, group: Optional[str]) -> list[str]:
        """The group and the groups it is part of ("children", "all"); [] for no group."""
        if not group:
            return []
        out = [group]
        p = self.group_parent.get(group)
        if p is None and ":" in group:
            p = self.prefix_parent.get(group.split(":", 1)[0])
        if p is None and self.is_subset(group):
            p = self.subset_parent
        while p is not None and p not in out and len(out) < _MAX_DEPTH:
            out.append(p)
            p = self.group_parent.get(p)
        return out

    def is_subset(self, group: str) -> bool:
        head = group.split(":", 1)[0]
        return head in self.subset_prefixes

    def root(self, location: str) -> str:
        return self.place_path(location)[-1]

    def disjoint_groups(self, a: str, b: str) -> bool:
        return a != b and any(a in s and b in s for s in self.disjoint)

    # ------------------------------------------------------------------ combinations

    def combined_claims(self, claims: Sequence[Claim], text: Optional[str]) -> dict[int, str]:
        """For the claims of ONE document: index -> combined location ("iran+iraq")."""
        if self.combination is None or not text or not claims:
            return {}
        norm = normalize(text)
        found = [(norm.span(m.start(), m.end()), m.group("p")) for m in self.combination.finditer(norm.text)]
        if not found:
            return {}
        # every place of the text a claim's figure stands at: its own, and the other places
        # its article states it (a headline's figure told again in the body "في البلدين")
        places: list[tuple[int, int, int]] = []
        for i, c in enumerate(claims):
            if c.kind not in ADDITIVE_KINDS:
                continue
            if c.field == "text":
                places.append((_num_start(c), _num_end(c), i))
            for m in c.mentions:
                if m.field == "text" and (m.start, m.end) != (c.start, c.end):
                    places.append((m.start, m.end, i))
        places.sort()
        starts = [a for a, _b, _i in places]
        chosen: dict[int, Optional[int]] = {}
        within: dict[int, Optional[int]] = {}
        for (s, e), phrase in found:
            k = bisect_left(starts, e)  # first figure starting after the phrase
            best: Optional[tuple[int, int]] = None
            for j in (k - 2, k - 1, k):  # k - 2: when k - 1 is the phrase's own number word
                if not 0 <= j < len(places):
                    continue
                a, b, ci = places[j]
                if a < e and b > s:
                    continue  # the phrase's own number word ("الدول الثلاث") is no figure
                gap = (e, a) if a >= e else (b, s) if b <= s else (s, s)
                between = text[gap[0]:gap[1]]
                dist = gap[1] - gap[0]
                if dist > self.window or _CLAUSE_END.search(between):
                    continue
                if best is None or dist < best[0]:
                    best = (dist, ci)
            if best is not None:
                key = " ".join(phrase.split())
                if key in self.combination_within:
                    within[best[1]] = self.combination_count.get(key)
                    continue
                chosen[best[1]] = self.combination_count.get(key)
        out: dict[int, str] = {i: f"{COMBINED_PREFIX}{n if n is not None else 'n'}" for i, n in within.items()
                               if i not in chosen}
        if not chosen:
            return out
        roots = sorted({self.root(c.location) for i, c in enumerate(claims)
                        if i not in chosen and c.location and not is_combination(c.location)})
        for i, count in chosen.items():
            if (count is None and len(roots) >= 2) or (count is not None and len(roots) == count):
                out[i] = "+".join(roots)
                continue
            # the article's other figures name too few (or too many) countries: the countries
            # the figure's own sentences name, when they are as many as the phrase counts
            # ("أعلنت السلطات في إيران والعراق أن حصيلة القتلى في البلدين ارتفعت إلى 352")
            named = self.sentence_countries(claims[i]) if count is not None else set()
            out[i] = "+".join(sorted(named)) if len(named) == count else \
                f"{COMBINED_PREFIX}{count if count is not None else 'n'}"
        return out

    def sentence_countries(self, c: Claim) -> set[str]:
        """The countries (gazetteer roots) the claim's sentences name by a place name (its own
        sentence and those of its other mentions; adjectives do not count).  Bounded: one
        gazetteer scan of each of those sentences."""
        from crosscheck.reconcile.story_places import _gazetteer, _gazetteer_at

        gaz = _gazetteer_at(self.rules_directory) if self.rules_directory else _gazetteer()
        out: set[str] = set()
        for sentence in {c.sentence, *(m.sentence for m in c.mentions)}:
            if not sentence:
                continue
            for m in gaz.mentions(normalize(sentence).text):
                if not m.adjective:
                    out.add(self.root(m.place.id))
        return out

    def coordinated_claims(self, claims: Sequence[Claim], text: Optional[str]) -> dict[int, str]:
        """For the claims of ONE document: index -> combined location of a figure stated for two
        places or more joined by "و" right after it ("نحو 200 قتيل في ألمانيا وبلجيكا"), at its
        own place or another place its article states it (crosscheck/reconcile/coordinated.py)."""
        if self.coordination is None or not text:
            return {}
        from crosscheck.reconcile.coordinated import REACH, coordinated_places
        from crosscheck.reconcile.story_places import _gazetteer_at

        gaz = None
        out: dict[int, str] = {}
        for i, c in enumerate(claims):
            if c.kind not in ADDITIVE_KINDS:
                continue
            ends = [c.end] if c.field == "text" else []
            ends += [m.end for m in c.mentions if m.field == "text" and m.end != c.end]
            for e in ends:
                after = text[e:e + REACH]
                if not after[:1].isspace():
                    continue
                if gaz is None:
                    gaz = _gazetteer_at(self.rules_directory)
                roots = coordinated_places(after, self.coordination, gaz, self.root)
                if roots:
                    out[i] = "+".join(roots)
                    break
        return out

    def singled_out(self, claims: Sequence[Claim], text: Optional[str]) -> dict[int, str]:
        """For the claims of ONE document: index -> the place an inferred place gives way to.

        A place the article singles out as a part ("وفي وادي كاتماندو وحده، قتل نحو 1200") is
        not the article's place: a figure whose place was only taken from the article (the
        national toll in "ارتفع عدد قتلى زلزال نيبال إلى 3726") belongs to the whole, the top
        place above it, not to the part.  Each claim looks at a bounded window of its sentence.
        """
        if self.alone is None or not text:
            return {}
        parts: set[str] = set()
        for c in claims:
            loc = c.location
            if not loc or "location" in c.inferred or loc not in self.place_parent:
                continue
            a, b = _num_start(c), _num_end(c)
            before = text[max(0, a - self.window):a]
            cut = [m.end() for m in _SENTENCE_END.finditer(before)]
            before = before[cut[-1]:] if cut else before
            after = text[b:b + self.window]
            m = _SENTENCE_END.search(after)
            after = after[:m.start()] if m else after
            if self.alone.search(normalized_text(before)) or self.alone.search(normalized_text(after)):
                parts.add(loc)
        out: dict[int, str] = {}
        for i, c in enumerate(claims):
            if c.location in parts and "location" in c.inferred:
                top = self.root(c.location)
                if top != c.location:
                    out[i] = top
        return out

    def unnamed_part(self, c: Claim) -> bool:
        """A figure the article singles out at a place the gazetteer does not know ("سقط 99 قتيلا
        في مدينة بورتوفيخو وحدها", "وسجلت ضاحية بوديريرو وحدها نحو 200 وفاة"): its place was only
        taken from the article, but it is a part of the article's whole, not the whole.  The
        word "وحده" stands within `ALONE_WORDS` words of the figure, in its sentence, with no
        other number between (a sub-period's "وحده" - "خلال الأسبوع الماضي وحده" - names a time,
        and the figure keeps its period)."""
        if self.alone is None or c.group != "all" or not c.sentence or (c.location and "location" not in c.inferred):
            return False
        if c.period and c.period.startswith(("since:", "last_", "daily", "projection", "superseded", "day:")):
            return False
        return self.alone_near(c)

    def alone_near(self, c) -> bool:
        """Does "وحده"/"وحدها" stand within `ALONE_WORDS` words of the claim's figure in its
        sentence, with no other number between (crosscheck.reconcile.singled_out)?"""
        return alone_near(c, self.alone)

    def own_place_part(self, c: Claim) -> bool:
        """Is the claim an item of a list named by the word before it ("part:<word>",
        crosscheck.extract) whose word names the claim's own place ("ولا تزال باوتشي الأكثر
        تضررا بـ523 وفاة، تليها كانو بـ364" at Kano)?  The item is then that place's figure, the
        same quantity as the place's figure other articles give ("364 وفاة في ولاية كانو"): its
        location tells it from the whole, its group is the whole's.  A word naming another place
        (the item before's) or no place keeps its part."""
        g = c.group or ""
        if not g.startswith("part:") or not c.location:
            return False
        words = self.place_words.get(c.location)
        return bool(words) and _bare(normalize_word(g[5:])) in words

    def counted_out(self, c: Claim) -> bool:
        """A figure counted out of the toll's own people ("66 من المصابين في حالة حرجة"): its
        counted noun is "من" and one of `partitive_nouns`, and the extractor named no group."""
        if c.group != "all" or not c.surface:
            return False
        if self.partitive is not None and self.partitive.search(normalized_text(c.surface)) is not None:
            return True
        return self.followed_by_of_them(c) or self.followed_by_partitive(c) or self.last_batch(c)

    def last_batch(self, c: Claim) -> bool:
        """Is the figure right after a last-batch word ("آخر 404 أسرى": the last of a larger
        count, rules/hierarchy.yaml `last_part_words`)?  Bounded: the few characters before it."""
        if self.last_part is None or not c.sentence or c.kind not in ADDITIVE_KINDS:
            return False
        from crosscheck.reconcile.dating import find_whole

        i = find_whole(c.sentence, c.surface)
        if i <= 0:
            return False
        return self.last_part.search(normalized_text(c.sentence[max(0, i - 24):i])) is not None

    def followed_by_partitive(self, c: Claim) -> bool:
        """Is a figure followed by "من" / "بين" / "من بين" + one of `partitive_nouns` ("تسعة من
        المتوفين من العاملين الصحيين": nine of the dead; "30 بريطانيا بين القتلى": among the dead)?  The counted noun is then outside the surface.
        Bounded work: the few words after the figure's surface in its sentence."""
        return _followed_by(c, self.partitive_after)

    def followed_by_of_them(self, c: Claim) -> bool:
        """Is the figure followed by a partitive pronoun ending its clause ("توفي ستة منهم،")?
        Bounded work: the few words after the figure's surface in its sentence."""
        return _followed_by(c, self.of_them)

    def annotate(self, claims: Sequence[Claim], documents: Iterable[Document]) -> list[Claim]:
        """Claims with combined figures located at their combination, and figures whose place
        was inferred to be a place the article singles out as a part moved to its whole."""
        texts = {d.id: d.text for d in documents}
        by_doc: dict[str, list[int]] = defaultdict(list)
        for i, c in enumerate(claims):
            by_doc[c.doc].append(i)
        out = [c.model_copy(update={"group": self.subset_prefixes[0]})
               if self.unnamed_part(c) or self.counted_out(c) else c for c in claims]
        heads: dict[tuple, str] = {}  # (doc, sentence, kind) -> the group of the list's first item
        for i, c in enumerate(out):
            head = (c.doc, c.sentence, c.kind)
            if not (c.group or "").startswith("part:"):
                heads.setdefault(head, c.group or "all")
            elif self.own_place_part(c):
                # the list's items count the people its first item counts ("تستضيف سوريا 1.2
                # مليون لاجئ، يليها الأردن بنحو 750 ألفا": refugees too)
                out[i] = c.model_copy(update={"group": heads.get(head, "all")})
        for doc, idx in by_doc.items():
            for k, top in self.singled_out([claims[i] for i in idx], texts.get(doc)).items():
                out[idx[k]] = out[idx[k]].model_copy(update={"location": top})
            combos = self.coordinated_claims([out[i] for i in idx], texts.get(doc))
            combos.update(self.combined_claims([out[i] for i in idx], texts.get(doc)))
            combos.update(_told_again(combos, [out[i] for i in idx]))
            for k, loc in combos.items():
                c = out[idx[k]]
                members = [] if loc.startswith(COMBINED_PREFIX) else loc.split("+")
                out[idx[k]] = c.model_copy(update={
                    "location": loc, "combines": members,
                    "inferred": [a for a in c.inferred if a not in ("location", PLACE_FROM_ARTICLE)],
                })
        return out

    def with_paths(self, c: Claim) -> Claim:
        """The claim with its place and group paths: `model_copy(update=...)`'s values, made
        without pydantic's generic copy (every member of every judged cluster gets one: a
        check re-judging running totals of thousands of claims; `claim_copy.updated`)."""
        update = {"place_path": self.place_path(c.location), "group_path": self.group_path(c.group)}
        if type(c) is Claim and c.__pydantic_extra__ is None and c.__pydantic_private__ is None:
            return updated(c, update)
        return c.model_copy(update=update)

    # ------------------------------------------------------------------ keys

    def keys(self, kind: str, key: dict[str, Optional[str]]) -> list[str]:
        """A cluster's own scope key first, then the keys of every scope it is part of."""
        group, location = _norm(key.get("group")), key.get("location")
        if location and not _ID.match(location):
            location = _norm(location)
        out = []
        places = self.place_path(location) or [None]
        if location and is_combination(location) and not location.startswith(COMBINED_PREFIX):
            places = places + location.split("+")  # a combination is linked to its members
        for g in self.group_path(group) or [None]:
            for p in places:
                out.append(scope_key(kind, key, g, p))
        if kind in SUBPERIOD_KINDS and str(key.get("period") or "").startswith(SUB_PERIODS):
            # a figure for part of the time is part of the running total of its own scope
            out.append(scope_key(kind, {**key, "period": "cumulative"}, group, places[0]))
        return list(dict.fromkeys(out))


def is_combination(location: str) -> bool:
    return "+" in location or location.startswith(COMBINED_PREFIX)


def _norm(v: Optional[str]) -> Optional[str]:
    return normalize_word(v).casefold() if v else None


def scope_key(kind: str, key: dict[str, Optional[str]], group: Optional[str], location: Optional[str]) -> str:
    """The text of one scope: kind, period, event, actor (normalised), group, place."""
    fixed = [_norm(key.get(a)) for a in ("period", "event", "actor", "incident")]
    return json.dumps([kind, *fixed, group, location], ensure_ascii=False, separators=(",", ":"))


def _told_again(combos: dict[int, str], claims: Sequence[Claim]) -> dict[int, str]:
    """The same figure of the same kind at no stated place, told again by the article that gives
    it as a combination of named places ("نحو 200 قتيل في ألمانيا وبلجيكا" in the headline, "إلى
    نحو 200 قتيل" in the body): the same combination.  Index -> location."""
    named = {(claims[k].kind, claims[k].value): loc for k, loc in combos.items()
             if not loc.startswith(COMBINED_PREFIX)}
    if not named:
        return {}
    out: dict[int, str] = {}
    for i, c in enumerate(claims):
        loc = named.get((c.kind, c.value))
        if i in combos or loc is None:
            continue
        if c.location is None or "location" in c.inferred:
            out[i] = loc
    return out


def _num_start(c: Claim) -> int:
    return c.number_start if c.number_start is not None else c.start


def _num_end(c: Claim) -> int:
    return c.number_end if c.number_end is not None else c.end


def _phrase_pattern(phrases: Iterable[str]) -> str:
    words = sorted({normalize_word(p) for p in phrases}, key=regex_cache.longest_first)
    alts = "|".join(r"\s+".join(regex.escape(w) for w in p.split()) for p in words if p)
    # a clitic و/ف may stand before the phrase ("وفي البلدين")
    return rf"(?<!\w)[وف]?(?P<p>{alts})(?!\w)"


def _partitive_pattern(nouns: Iterable[str]) -> Optional[regex.Pattern]:
    """"من" and a partitive noun ending the figure's surface (normalised text)."""
    words = sorted({normalize_word(n) for n in nouns if n}, key=regex_cache.longest_first)
    if not words:
        return None
    return regex_cache.compile(r"(?<!\w)من\s+(?:" + "|".join(regex.escape(w) for w in words) + r")\s*$")


def _partitive_after_pattern(nouns: Iterable[str]) -> Optional[regex.Pattern]:
    """"من", "بين" or "من بين" + a partitive noun right after a figure (normalised text)."""
    words = sorted({normalize_word(w) for w in nouns if w}, key=regex_cache.longest_first)
    if not words:
        return None
    return regex_cache.compile(r"\s+(?:من\s+بين|من|بين)\s+(?:" + "|".join(regex.escape(w) for w in words) + r")(?!\w)")


def _phrase_alternation(phrases: Iterable[str]) -> Optional[str]:
    """The normalised phrases as one alternation, longest first, any spaces inside a phrase
    matching one or more (None without phrases)."""
    forms = sorted({normalize(p).text.strip() for p in phrases if p and p.strip()}, key=lambda f: (-len(f), f))
    if not forms:
        return None
    return "|".join(r"\s+".join(regex.escape(x) for x in f.split()) for f in forms)


def _last_part_pattern(words: Iterable[str]) -> Optional[regex.Pattern]:
    """One of `words` (normalised) ending right before a figure."""
    alts = _phrase_alternation(words)
    return None if alts is None else regex_cache.compile(r"(?<!\w)[وفب]?(?:" + alts + r")\s+$")


def _of_them_pattern(pronouns: Iterable[str]) -> Optional[regex.Pattern]:
    """A partitive pronoun phrase right after the figure, ending its clause (normalised text)."""
    alts = _phrase_alternation(pronouns)
    return None if alts is None else regex_cache.compile(r"\s+(?:" + alts + r")\s*(?:[،,.؛;:!?؟\n]|$)")


def _year_words(rules_directory: str, nouns: Iterable[str]) -> list[str]:
    """Words a year follows: the year nouns and the month names of rules/dates.yaml."""
    from crosscheck.text.dates import load_date_rules

    d = load_date_rules(Path(rules_directory) / "dates.yaml")
    return [*nouns, *d.months, *d.month_aliases, *d.hijri_months]


@lru_cache(maxsize=8)
def _bare(word: str) -> str:
    """A normalised word without its article ("المجر" -> "مجر")."""
    return word[2:] if word.startswith("ال") and len(word) > 3 else word


def _place_words(places) -> dict[str, frozenset[str]]:
    """place id -> the normalised words naming it: each name whole and its last word, bare of
    the article ("ولاية كانو" -> "ولايه كانو", "كانو")."""
    out: dict[str, frozenset[str]] = {}
    for p in places:
        words = set()
        for n in p.names:
            w = normalize_word(n)
            if w:
                words.add(_bare(w))
                words.add(_bare(w.split()[-1]))
        out[p.id] = frozenset(words)
    return out


def _build(rules_directory: str) -> Hierarchy:
    from crosscheck.ruleset.loader import load_rules

    rules = load_rules(rules_directory)
    places = rules.gazetteer.places
    parent = {p.id: p.parent for p in places if p.parent}
    h = rules.hierarchy
    counts: dict[str, Optional[int]] = {}
    phrases: list[str] = []
    within: set[str] = set()
    for combo in h.combinations:
        for p in combo.phrases:
            counts[normalize_word(p)] = combo.count
            phrases.append(p)
            if combo.within_country:
                within.add(normalize_word(p))
    pattern = regex_cache.compile(_phrase_pattern(phrases)) if phrases else None
    alone = alone_pattern(h.alone)
    return Hierarchy(
        place_parent=parent,
        top_places=frozenset(p.id for p in places if not p.parent),
        group_parent=dict(h.group_parents),
        subset_parent=h.subset_parent,
        subset_prefixes=tuple(h.subset_prefixes),
        disjoint=tuple(frozenset(s) for s in h.disjoint_groups),
        combination=pattern,
        combination_count=counts,
        combination_within=frozenset(within),
        window=h.combination_window,
        alone=alone,
        partitive=_partitive_pattern(h.partitive_nouns),
        prefix_parent=dict(h.prefix_parents),
        of_them=_of_them_pattern(h.partitive_pronouns),
        partitive_after=_partitive_after_pattern(h.partitive_nouns),
        last_part=_last_part_pattern(h.last_part_words),
        coordination=_coordination(tuple(h.coordinated_place_openers)),
        stated_whole=stated_whole_pattern(h.stated_whole_markers, _year_words(rules_directory, h.stated_whole_year_nouns)),
        rules_directory=rules_directory,
        place_words=_place_words(places),
    )


def _coordination(words: tuple[str, ...]) -> Optional[regex.Pattern]:
    from crosscheck.reconcile.coordinated import opener_pattern

    return opener_pattern(words)


def load_hierarchy(rules: Optional[str] = None) -> Hierarchy:
    """The hierarchy of the rules directory in force (cached per directory)."""
    from crosscheck.ruleset.resources import rules_dir

    return _build(str(rules_dir(rules).resolve()))


def claim_hierarchy_keys(claims: Sequence[Claim], documents: Iterable[Document] = (),
                         config=None, rules: Optional[str] = None) -> list[list[str]]:
    """The hierarchy keys of each claim of ONE document (for a store to index, like
    grouping.claim_keys): the claim's own scope key first, then those of the scopes it is part
    of (and, for a combined figure, of the places it sums)."""
    from crosscheck.reconcile.grouping import _context_fill
    from crosscheck.reconcile.settings import config_or_default

    h = load_hierarchy(rules)
    cfg = config_or_default(config)
    annotated = h.annotate(claims, documents)
    return [h.keys(m.claim.kind, {a: getattr(m.claim, a) for a in ("group", "location", "period", "event", "actor", "incident")})
            for m in _context_fill(annotated, cfg)]


def _followed_by(c: Claim, pattern) -> bool:
    """Does `pattern` match the normalised 40 characters after the claim's surface in its
    sentence?  Bounded work: the surface is found once, then only those characters are read."""
    if pattern is None or not c.sentence:
        return False
    from crosscheck.reconcile.dating import find_whole

    i = find_whole(c.sentence, c.surface)
    if i < 0:
        return False
    after = c.sentence[i + len(c.surface):i + len(c.surface) + 40]
    return pattern.match(normalized_text(after)) is not None
