"""Which claims speak of the same quantity: scope keys, blocking, fuzzy places, stable ids.

Two claims belong together only when kind, group, location, period, event and actor agree.
1. Gaps are filled from the claim's own document: the most common value of the attribute
   among the document's claims of that kind, else the one value the document's related claims
   (e.g. all its vote claims, or its only resolution number) agree on.  Filled attributes are
   added to the claim's `inferred`.
2. Claims are blocked by their exact attributes (kind, period, event, actor, and the value for
   identity kinds such as resolution numbers).  Only inside a block are the fuzzy attributes
   (location, group) compared, value against distinct value, never claim against claim, so the
   work stays near-linear in the number of claims (`GroupingStats.fuzzy_comparisons`).
3. A cluster still missing an attribute that may be left open (location, group, period) joins
   the one cluster that matches it on everything else, if there is exactly one (for a missing
   place: else the one whose place contains every other candidate's, `_one_whole`); its members
   are then marked uncertain and the cluster ambiguous.
4. Each cluster gets an id from its kind and canonical scope: `killed-gaza-3f9a1c`.
"""

from __future__ import annotations

import hashlib
import json
from collections import Counter, defaultdict
from dataclasses import dataclass, field
from types import SimpleNamespace
from bisect import bisect_left
from datetime import date, timedelta
from functools import lru_cache
from itertools import combinations
from typing import Optional, Sequence

from rapidfuzz import fuzz, process

from crosscheck.models import PLACE_FROM_ARTICLE, Claim
from crosscheck.text.normalize import normalize_word
from crosscheck.reconcile.settings import ReconcileConfig, config_or_default
from crosscheck.reconcile.story_places import named_countries
from crosscheck.reconcile.story_words import StoryWords, sentence_words
from crosscheck.reconcile.weak_places import join_weak_places, merge_into
from crosscheck.reconcile.fronted import fronted_aside
from crosscheck.reconcile.past_years import join_past_years, past_year
from crosscheck.reconcile.intervals import agree, claim_span
from crosscheck.util import regex_cache

# Scope attributes that may be filled from the document's context.  `group` and `actor` are not:
# a document's most common group (say, children) says nothing about an unqualified toll, and
# the member a vote position is about is never implied by other members.
CONTEXT_ATTRIBUTES = ("location", "period", "event")
# Open attributes a claim may join a cluster without: a figure whose article names no incident
# joins the one cluster of its place and period even when that cluster names none either.
OPTIONAL_WHEN_ATTACHING = ("incident",)
# Scope attributes added after cluster ids were published: left out of an id while unknown.
LATER_ATTRIBUTES = ("incident",)

# Readable id parts: runs of ASCII letters/digits (Arabic names are carried by the hash).
_SLUG = regex_cache.compile(r"[a-z0-9]+")
# Gazetteer ids look like "gaza" or "khan_younis": ASCII words and underscores.
_ASCII_ID = regex_cache.compile(r"^[a-z0-9_\-+:]+$")  # also combined places: "iran+iraq", "combined:2"


# ---------------------------------------------------------------------- data


@dataclass
class Member:
    """One claim inside a group: its resolved copy and why its scope is uncertain."""

    index: int  # position in the input list
    claim: Claim  # copy with attributes filled from context
    uncertain: list[str] = field(default_factory=list)  # attributes that are inferred/guessed
    notes: list[str] = field(default_factory=list)
    forms: dict[str, Optional[str]] = field(default_factory=dict)  # canonical fuzzy attrs
    # the cluster key before joins across place granularity (`_join_corroborated`), set by grouping
    pre: Optional[tuple] = None
    # its cluster key after those joins, before a weak place joins its story's (`weak_places`)
    joined: Optional[tuple] = None


@dataclass
class ScopeGroup:
    id: str
    kind: str
    key: dict[str, Optional[str]]
    members: list[Member]
    notes: list[str] = field(default_factory=list)
    # raw values of each fuzzy attribute seen among the members (normalised), for causes
    variants: dict[str, set[str]] = field(default_factory=dict)
    block_key: str = ""  # the exact-scope key (block_tuple) as text, as the store indexes it
    ckey: Optional[tuple] = None  # the cluster key (kind, ident, canonical attributes)

    @property
    def ambiguous(self) -> bool:
        return any(m.uncertain for m in self.members)


@dataclass
class GroupingStats:
    claims: int = 0
    blocks: int = 0
    fuzzy_comparisons: int = 0  # rapidfuzz calls on attribute values
    attached: int = 0  # clusters merged into the one cluster their open scope matched
    date_gated: int = 0  # open scopes kept apart from their one match for their days
    # each such decision: (open key, its one match's key, their members as the decision read them);
    # crosscheck.store.judged decides again with every stored member of the two when a new one is in them
    gated: list = field(default_factory=list)
    stories_split: int = 0  # runs of days split off a cluster at no place (`split_stories`)
    story_starts: int = 0  # clusters "since <day>" joined to their running total (`join_story_starts`)
    past_years: int = 0  # past events named by their year joined to that year's running total (past_years)
    lone_regions: int = 0  # country clusters read as their one region's (`_country_to_lone_region`)
    lone_region_gated: int = 0  # ... kept apart from it for their days or articles
    # the cluster keys those decisions read (crosscheck.store.judged re-decides them in full)
    lone_region_keys: set = field(default_factory=set)
    weak_places: int = 0  # clusters placed only by their articles joined their story's (`weak_places`)
    weak_place_gated: int = 0  # ... and those kept apart by their days, articles or words


@dataclass
class Grouping:
    groups: list[ScopeGroup]
    stats: GroupingStats


# ---------------------------------------------------------------------- values


def _present(v: object) -> Optional[str]:
    if v is None:
        return None
    s = str(v).strip()
    return s or None


@lru_cache(maxsize=65536)
def _exact_form(v: str) -> str:
    return normalize_word(v).casefold()


def exact_form(v: Optional[str]) -> Optional[str]:
    """How exact attributes are compared: normalised Arabic, case-folded."""
    return None if v is None else _exact_form(v)


class PlaceNames:
    """Canonical forms of place names: gazetteer ids, aliases, generic words removed."""

    def __init__(self, cfg: ReconcileConfig) -> None:
        self.generic = {normalize_word(w) for w in cfg.location_generic_words}
        self.alias: dict[str, str] = {}
        for place_id, names in cfg.location_aliases.items():
            self.alias[place_id.casefold()] = place_id.casefold()
            for name in names:
                self.alias[normalize_word(name)] = place_id.casefold()
        self._cache: dict[str, str] = {}
        self.threshold = cfg.fuzzy_threshold
        self._alias_names = sorted(n for n in self.alias if not _is_id(n) and len(n) >= 4)

    def canonical(self, raw: str) -> str:
        hit = self._cache.get(raw)
        if hit is not None:
            return hit
        norm = normalize_word(raw).casefold()
        out = self.alias.get(norm)
        if out is None:
            words = [w for w in norm.split() if w not in self.generic]
            stripped = " ".join(words) or norm
            out = self.alias.get(stripped)
            if out is None:
                out = self._near_alias(stripped) or stripped
        self._cache[raw] = out
        return out

    def _near_alias(self, name: str) -> Optional[str]:
        """The gazetteer id of a known name this one is a spelling variant of (cached above)."""
        if len(name) < 4 or not self._alias_names:
            return None
        hit = process.extractOne(name, self._alias_names, scorer=fuzz.ratio,
                                 score_cutoff=self.threshold)
        return self.alias[hit[0]] if hit else None


# The Arabic article at the start of a word ("النصيرات" ~ "نصيرات"), on words long enough to have one.
_ARTICLE = regex_cache.compile(r"(?<!\S)ال(?=\S{2})")
# A shared neighbourhood key bigger than this is a degenerate pattern, not a spelling variant.
MAX_NEIGHBOURS = 64
# A figure at no place looks at most this many (cluster, day) entries of its days for its story
# (`join_moves`): more, and so many clusters speak of those days that none is its story.
MAX_STORY_SCAN = 256


def _neighbourhood(s: str) -> set[str]:
    """The name, the name without articles, and each of them with one character deleted."""
    out: set[str] = set()
    for form in {s, _ARTICLE.sub("", s)}:
        out.add(form)
        out.update(form[:i] + form[i + 1 :] for i in range(len(form)))
    return out


def _is_id(s: str) -> bool:
    return bool(_ASCII_ID.match(s))


class FuzzyMatcher:
    """Union of fuzzy-equal canonical values inside one block, counting comparisons."""

    def __init__(self, threshold: float, stats: GroupingStats) -> None:
        self.threshold = threshold
        self.stats = stats
        self._memo: dict[tuple[str, str], bool] = {}

    def same(self, a: str, b: str) -> bool:
        if a == b:
            return True
        if _is_id(a) or _is_id(b):
            return False  # ids are exact: "gaza" is not "gaza_city"
        pair = (a, b) if a < b else (b, a)
        hit = self._memo.get(pair)
        if hit is None:
            self.stats.fuzzy_comparisons += 1
            hit = fuzz.ratio(a, b, score_cutoff=self.threshold) > 0
            self._memo[pair] = hit
        return hit

    def components(self, values: Sequence[str]) -> dict[str, str]:
        """value -> representative (smallest value of its component)."""
        parent = {v: v for v in values}

        def find(x: str) -> str:
            while parent[x] != x:
                parent[x] = parent[parent[x]]
                x = parent[x]
            return x

        # Candidates share a key of the one-deletion neighbourhood (of the name, and of the
        # name without the article): a one-letter slip, a dropped space or "ال" gives a shared
        # key, while unrelated names never meet, so the work follows the number of near
        # neighbours, not the square of the number of names.
        index: dict[str, list[str]] = defaultdict(list)
        for v in sorted(values):
            for key in _neighbourhood(v):
                index[key].append(v)
        seen: set[tuple[str, str]] = set()
        for key in sorted(index):
            bucket = index[key]
            if len(bucket) < 2 or len(bucket) > MAX_NEIGHBOURS:
                continue
            for i, a in enumerate(bucket):
                for b in bucket[i + 1 :]:
                    if (a, b) in seen:
                        continue
                    seen.add((a, b))
                    if find(a) != find(b) and self.same(a, b):
                        ra, rb = find(a), find(b)
                        parent[max(ra, rb)] = min(ra, rb)
        return {v: find(v) for v in values}


# ---------------------------------------------------------------------- context

# Periods and events that belong to one figure and are never lent to another claim of its
# document: a figure for the last 24 hours, since the ceasefire, a projection, or an amendment,
# a failed draft, a phase of a deal, a past event (crosscheck.extract.periods / events); one
# day's count ("day:saturday"); the dead of a toll's rise ("بزيادة 1700 قتيل": "increase").
PRIVATE_PERIODS = ("since:", "last_", "daily", "projection", "superseded", "day:", "increase")
PRIVATE_EVENTS = ("past:", "amendment", "draft", "phase:", "deal")


def lendable(attr: str, value: str) -> bool:
    if attr == "period":
        return not value.startswith(PRIVATE_PERIODS)
    if attr == "event":
        return not value.startswith(PRIVATE_EVENTS) or value.startswith("draft:")
    if attr == "location" and ("+" in value or value.startswith("combined:")):
        # a combined figure's places ("في البلدين": iran+iraq, or combined:2) are its own sum,
        # not where the article's other figures happened
        return False
    return True


# A figure of a past event ("زلزال عام 2004 الذي أودى بحياة 600") speaks of another event,
# often at another place and time: it lends none of its scope to the article's other figures.
PAST_EVENT = "past:"


def lends_context(c: Claim) -> bool:
    """May the claim's scope fill the gaps of its document's other claims?  Not a headline's
    (`field` "title"): read alone, its scope is the headline's shorthand ("للمرة السادسة" makes
    a running count), not the article's."""
    if c.field == "title":
        return False
    ev = _present(c.event)
    return ev is None or not ev.startswith(PAST_EVENT)


# The period of a figure its article gives as an earlier one ("وكانت الحصيلة الأولى 16"): a point
# of the same running total at an unknown moment before the article, so it joins the total's
# cluster (read as RUNNING_TOTAL_PERIOD) and is judged there as undated (reconciler).
EARLIER_PERIOD = "superseded"
RUNNING_TOTAL_PERIOD = "cumulative"


def scope_value(c: Claim, attr: str) -> Optional[str]:
    """The claim's scope attribute as grouping compares it (a projection has its own period,
    "projection"; an estimate shares its count's cluster but is judged apart, see
    crosscheck.reconcile.reconciler; an earlier figure recalled is of the running total)."""
    return _scope_form(getattr(c, attr), attr)


def _scope_form(raw: object, attr: str) -> Optional[str]:
    """`scope_value` of a claim whose attribute `attr` is `raw`."""
    v = _present(raw)
    if attr == "period" and v == EARLIER_PERIOD:
        return RUNNING_TOTAL_PERIOD
    return v



def event_totals(claims: Sequence[Claim]) -> list[Claim]:
    """The claims with a figure "of the event" that is its story's running total made cumulative
    (rules/periods.yaml `event_total_kinds`: the toll of a fire, the prisoners of one swap; not
    in an incident of `event_total_except`, a war, where "in the raid" is one event of many)."""
    from crosscheck.ruleset.period_rules import period_rules

    rules = period_rules()
    kinds, but = frozenset(rules.event_total_kinds), frozenset(rules.event_total_except)
    if not kinds:
        return list(claims)
    return [c.model_copy(update={"period": RUNNING_TOTAL_PERIOD})
            if c.period == "event" and c.kind in kinds and c.incident not in but else c for c in claims]


def event_lengths(claims: Sequence[Claim], cfg: ReconcileConfig) -> list[Claim]:
    """The claims with the length of an event (`length_kinds`: a truce's, a mourning's) given a
    window period (`length_window_periods`: "last_", "daily") read as of the event: a day cue in
    the sentence ("انتهى أمس الحداد الذي استمر ثلاثة أيام") dates the statement, a length has no
    reporting window."""
    kinds, windows = frozenset(cfg.length_kinds), tuple(cfg.length_window_periods)
    if not kinds or not windows:
        return list(claims)
    return [c.model_copy(update={"period": "event"})
            if c.kind in kinds and c.period and c.period.startswith(windows) else c for c in claims]


def _context_fill(claims: Sequence[Claim], cfg: ReconcileConfig) -> list[Member]:
    """Copies of the claims with missing scope filled from their document's other claims (an
    event's figure that is its story's total first made cumulative: `event_totals`)."""
    claims = event_totals(claims)
    # a resolution's number names the text, whatever the day or window its sentence speaks of
    # ("أصدر المجلس فجر أمس القرار رقم 660"): an identity claim has no period
    claims = [c.model_copy(update={"period": None}) if c.kind in cfg.identity_kinds and c.period else c
              for c in claims]
    claims = event_lengths(claims, cfg)
    attrs = [a for a in CONTEXT_ATTRIBUTES if a in cfg.scope_attributes]
    family_of = {k: fam for fam, kinds in cfg.context_families.items() for k in kinds}
    same_kind: dict[tuple[str, str, str], Counter] = defaultdict(Counter)
    family: dict[tuple[str, str, str], Counter] = defaultdict(Counter)
    past_only = _past_only_places(claims)
    placeless = frozenset(cfg.placeless_length_events)
    lengths = frozenset(cfg.length_kinds)
    elapsed = frozenset(cfg.elapsed_rules)  # a time elapsed so far is dated, read apart
    parents: Optional[dict[str, str]] = None
    for c in claims:
        if not lends_context(c):
            continue
        fam = family_of.get(c.kind)
        # an identity claim (a resolution number) names its event through its value
        names_event = bool(fam and c.kind in cfg.identity_kinds and cfg.resolution_event)
        for a in attrs:
            v = _present(getattr(c, a))
            if v is None or not lendable(a, v):
                continue
            if a == "location" and fronted_aside(c):
                continue  # "وفي بلجيكا المجاورة، …": a place beside the article's own
            if a == "location" and "location" in c.inferred and (c.doc, v) in past_only:
                v = _country(v)
            same_kind[(c.doc, c.kind, a)][v] += 1
            if fam and not (names_event and a == "event"):
                family[(c.doc, fam, a)][v] += 1
        if names_event and "event" in attrs:
            v = _present(c.value)
            if v is not None:
                family[(c.doc, fam, "event")][cfg.resolution_event.format(value=_int_text(v))] += 1

    lent: dict[str, set[str]] = defaultdict(set)  # the place each article lends its figures
    for c in claims:
        if PLACE_FROM_ARTICLE in c.inferred and _present(c.location) is not None:
            lent[c.doc].add(_country(_present(c.location)))
    members: list[Member] = []
    for i, c in enumerate(claims):
        if not lends_context(c) and _is_past(c) and "location" in c.inferred:
            # a past event's figure ("فيضانات عام 1988 التي أودت بحياة 94") took the article's
            # place, which is today's story's: the past event's own place is not known
            c = c.model_copy(update={"location": None,
                                     "inferred": [a for a in c.inferred if a not in ("location", PLACE_FROM_ARTICLE)]})
        elif _is_past(c) and _present(c.location) is not None:
            # a past event told by several outlets names its place at several levels ("تفجير
            # في بلدة أوماه بإيرلندا الشمالية عام 1998" / "الأكثر دموية في بريطانيا منذ تفجير
            # أوماه عام 1998"): one past event, its figures compared at its country
            c = c.model_copy(update={"location": _country(c.location)})
        if "location" in c.inferred and (c.doc, _present(c.location)) in past_only:
            # the article's place was taken from a past event it recalls ("تصادم قطارين قرب
            # الإسكندرية عام 2017"): it tells the story's country, not its town
            c = c.model_copy(update={"location": _country(c.location)})
        update: dict[str, str] = {}
        uncertain = [a for a in c.inferred if a in cfg.scope_attributes]
        notes: list[str] = []
        for a in attrs:
            if _present(getattr(c, a)) is not None or c.kind in cfg.identity_kinds:
                continue
            if a == "location" and _is_past(c):
                continue  # the article's place is today's story's, not the past event's
            counts = same_kind.get((c.doc, c.kind, a))
            value = _winner(counts) if counts else None
            if a == "location" and value is not None and c.period != "superseded" and (
                    len(counts) > 1 or (c.doc in lent and _country(value) not in lent[c.doc])):
                # its article's other figures of its kind stand at several places ("قتل 62 في الهند
                # و20 في الصين"), or at one the article does not lend its figures (its default is
                # elsewhere): they are figures of other places, not its own.  (The old reading of a
                # toll revised, "بعد أن كانت 20", keeps the place most of them stand at: the toll's.)
                value = None
            if value is None:
                fam = family_of.get(c.kind)
                fcounts = family.get((c.doc, fam, a)) if fam else None
                if fcounts and len(fcounts) == 1:
                    value = next(iter(fcounts))
                elif counts or fcounts:  # the document speaks of several: a real ambiguity
                    seen = Counter(counts or {}) + Counter(fcounts or {})
                    notes.append(f"{a} unknown: {c.doc} speaks of {_list(seen)}")
            if value is not None:
                update[a] = value
                if a not in uncertain:
                    uncertain.append(a)
        if update:
            inferred = list(c.inferred) + [a for a in update if a not in c.inferred]
            if "location" in update and PLACE_FROM_ARTICLE not in inferred:
                inferred.append(PLACE_FROM_ARTICLE)  # the article's place: a default only
            resolved = c.model_copy(update={**update, "inferred": inferred})
        else:
            resolved = c
        if (placeless and resolved.kind in lengths and resolved.period == "event"
                and resolved.location is not None
                and (resolved.event or "").split(":", 1)[0] in placeless
                and resolved.rule not in elapsed):
            # a truce's or a captivity's length has no parts by place: the city its sentence
            # or its article names is the event's setting, compared at its country (never at no
            # place: an unplaced cluster is split by its runs of days, a war's length recalled a
            # year later would leave its story)
            if parents is None:
                parents = place_parents()  # once per call, and only for such a length
            up = _ancestors(resolved.location, parents)
            resolved = resolved.model_copy(update={"location": up[-1] if up else resolved.location})
        if c.kind in cfg.identity_kinds and _is_past(resolved):
            # a resolution's number names one text whenever it is recalled ("القرار 1680 الصادر
            # عام 2006" in 2007 is the 1680 of 2006's reports): no past event of its own
            resolved = resolved.model_copy(update={"event": None})
        if notes and "scope" not in uncertain:
            uncertain.append("scope")
        members.append(Member(i, resolved, uncertain, notes))
    return members


def _dated_event(event: object) -> bool:
    """A vote (dated by crosscheck.reconcile.votes) or a past event named by its year."""
    ev = str(event or "")
    return ev.startswith("vote:") or (ev.startswith(PAST_EVENT) and ev[len(PAST_EVENT):].isdigit())


def _is_past(c: Claim) -> bool:
    ev = _present(c.event)
    return ev is not None and ev.startswith(PAST_EVENT)


def _country(place: str) -> str:
    """The outermost place of the gazetteer containing `place` (itself when it has no parent)."""
    up = _ancestors(place, place_parents())
    return up[-1] if up else place


def _past_only_places(claims: Sequence[Claim]) -> set[tuple[str, str]]:
    """(doc, place) for places a document states only for figures of past events."""
    past: set[tuple[str, str]] = set()
    now: set[tuple[str, str]] = set()
    for c in claims:
        loc = _present(c.location)
        if loc is None or "location" in c.inferred:
            continue
        (now if lends_context(c) else past).add((c.doc, loc))
    return past - now


def _int_text(v: str) -> str:
    try:
        f = float(v)
    except ValueError:
        return v
    return str(int(f)) if f.is_integer() else v


def _winner(counts: Counter) -> Optional[str]:
    """The strictly most common value, or None on a tie."""
    top = counts.most_common()
    if not top:
        return None
    if len(top) > 1 and top[1][1] == top[0][1]:
        return None
    return top[0][0]


def _list(counts: Counter) -> str:
    return ", ".join(sorted(counts))


# ---------------------------------------------------------------------- ids


def cluster_id(kind: str, canon: dict[str, Optional[str]]) -> str:
    """`<kind>-<readable parts>-<hash6>` from the canonical scope; independent of claim order."""
    # an attribute added later (what happened: "incident") is left out while it is unknown, so
    # clusters without one keep the ids reports and baselines already name
    items = sorted((k, v) for k, v in canon.items() if not (k in LATER_ATTRIBUTES and v is None))
    payload = json.dumps([kind, items], ensure_ascii=False, sort_keys=True)
    digest = hashlib.blake2b(payload.encode("utf-8"), digest_size=3).hexdigest()
    parts = [kind.replace("_", "-")]
    for a in ("value", "location", "event", "actor", "doc"):
        v = canon.get(a)
        if v:
            parts.extend(_SLUG.findall(v.casefold().replace("_", " "))[:3])
    prefix = "-".join(p for p in parts if p)[:48].rstrip("-")
    return f"{prefix}-{digest}"


def _representative(values: list[Optional[str]]) -> Optional[str]:
    present = [v for v in values if v is not None]
    if not present:
        return None
    counts = Counter(present)
    return min(counts, key=lambda v: (-counts[v], v))


# ---------------------------------------------------------------------- grouping


def block_tuple(c: Claim, cfg: ReconcileConfig) -> tuple:
    """The exact-scope key grouping blocks on: kind, identity value, exact attributes.

    `c` is the claim AFTER context filling (`claim_keys` does both).  Only claims with the
    same block key are ever compared with each other, fuzzily on location and group.
    """
    exact = [a for a in cfg.scope_attributes if a not in cfg.fuzzy_attributes]
    ident = _int_text(str(c.value)) if c.kind in cfg.identity_kinds else None
    return (c.kind, ident) + tuple(_block_form(a, exact_form(scope_value(c, a))) for a in exact)


def _block_form(attr: str, v: Optional[str]) -> Optional[str]:
    """A vote occurrence's event blocks as "vote": which vote it is is settled across
    documents (crosscheck.reconcile.votes), so the key a document's claim is stored under
    cannot name it; clusters inside the block still keep each vote apart."""
    if attr == "event" and v is not None and v.startswith("vote:"):
        return "vote"
    return v


def _key_text(t: tuple) -> str:
    return json.dumps(list(t), ensure_ascii=False, separators=(",", ":"))


key_text = _key_text  # a block, unit or cluster key as text (crosscheck.store.judged keeps them)


def unit_tuple(c: Claim, cfg: ReconcileConfig, block: Optional[tuple] = None) -> tuple:
    """The block key less the attributes a claim may leave open (`attach_when_missing`):
    blocks with the same unit key can merge when a claim's open scope attaches, so a unit
    is the smallest set of claims that is grouped and judged independently of all others.
    `block`: the claim's `block_tuple` when the caller has it."""
    if c.kind in cfg.unclustered_kinds:
        # one unit a claim; a headline's claim is told from a body claim at the same offsets
        # (a body claim's key as stored before headlines were read)
        return (c.kind, c.doc, c.start, c.end) + (("title",) if c.field == "title" else ())
    if c.event and c.event.startswith("vote:"):
        # which vote a tally belongs to is settled across documents (crosscheck.reconcile.votes):
        # every tally is in one unit, whatever its kind
        return ("vote", None)
    exact = [a for a in cfg.scope_attributes if a not in cfg.fuzzy_attributes]
    keep = [i for i, a in enumerate(exact) if a not in cfg.attach_when_missing]
    b = block_tuple(c, cfg) if block is None else block
    # a past event named by its year may join that year's running total (past_years): its unit
    # leaves the event open
    return b[:2] + tuple(None if exact[i] == "event" and (past_year(b[2 + i]) is not None
                                                          or is_batch(b[0], b[2 + i], cfg)) else b[2 + i]
                         for i in keep)


def is_batch(kind: str, event: Optional[str], cfg: ReconcileConfig) -> bool:
    """Is a figure of `kind` and `event` one batch of a release (`batch_events`, `batch_kinds`):
    a figure of its story's live count too (its unit leaves the event open)?"""
    return bool(event) and kind in cfg.batch_kinds and str(event).startswith(tuple(cfg.batch_events))


def join_lone_batches(clusters: dict[tuple, list[Member]], attrs: list[str], cfg: ReconcileConfig,
                      stats: GroupingStats) -> dict[tuple, list[Member]]:
    """The one batch of a release ("أفرج عن سبعة في الدفعة الأولى": phase:1) joins the cluster of
    the same scope with no event, its story's live count ("أفرج عن ستة"): one release told with
    and without its batch.  Two batches of one scope stay apart (each its own count)."""
    if "event" not in attrs or not cfg.batch_events:
        return clusters
    ev = 2 + attrs.index("event")
    batches: dict[tuple, list[tuple]] = defaultdict(list)
    for key in clusters:
        if is_batch(key[0], key[ev], cfg):
            live = key[:ev] + (None,) + key[ev + 1:]
            if live in clusters:
                batches[live].append(key)
    for live, keys in batches.items():
        if len(keys) != 1:
            continue
        ms = clusters.pop(keys[0])
        for m in ms:
            m.notes.append(f"the only batch ({keys[0][ev]}) of its scope: joined the release's live cluster")
        clusters[live].extend(ms)
        stats.attached += 1
    return clusters


def claim_keys(claims: Sequence[Claim], config: Optional[ReconcileConfig] = None) -> list[tuple[str, str]]:
    """(block key, unit key) of each claim of ONE document, as text for storing and indexing.

    Context filling reads only the claim's own document, so the keys of a document's claims
    can be computed when it is ingested, and are the keys `group_claims` uses.
    """
    cfg = config_or_default(config)
    out = []
    for m in _context_fill(claims, cfg):
        b = block_tuple(m.claim, cfg)  # once: the unit key is made from it (every ingested claim)
        out.append((_key_text(b), _key_text(unit_tuple(m.claim, cfg, b))))
    return out


def unit_key(c: Claim, cfg: ReconcileConfig) -> str:
    return _key_text(unit_tuple(c, cfg))


def group_claims(
    claims: Sequence[Claim],
    config: Optional[ReconcileConfig] = None,
    units: Optional[set[str]] = None,
) -> Grouping:
    """Group claims that speak of the same quantity (see the module docstring).

    With `units`, only claims whose unit key (after context filling) is in that set are
    grouped: the others are filled (their document's context counts) and then left out.
    """
    cfg = config_or_default(config)
    members = _context_fill(claims, cfg)
    if units is not None:
        members = [m for m in members if unit_key(m.claim, cfg) in units]
    return group_members(members, cfg, n_claims=len(claims))


def fill_context(claims: Sequence[Claim], config: Optional[ReconcileConfig] = None,
                 first_index: int = 0) -> list[Member]:
    """Members of ONE document's claims (or of several whole documents) with missing scope
    filled from their document's context; `Member.index` counts from `first_index`."""
    members = _context_fill(claims, config_or_default(config))
    if first_index:
        for m in members:
            m.index += first_index
    return members


def group_members(
    members: list[Member],
    config: Optional[ReconcileConfig] = None,
    *,
    n_claims: Optional[int] = None,
    dedupe: bool = True,
) -> Grouping:
    """Group members already filled from their documents' context (`fill_context`).

    Units never interact, so the members of whole units can be grouped apart: the union of
    the groups is the grouping of all of them, except for the `-2`, `-3` suffixes that
    separate equal ids (`dedupe_ids`), which only the whole set decides (`dedupe=False` leaves
    them to the caller)."""
    cfg = config_or_default(config)
    stats = GroupingStats(claims=len(members) if n_claims is None else n_claims)
    clusters, singles = pre_join_clusters(members, cfg, stats)
    attrs = list(cfg.scope_attributes)
    if "location" in attrs and cfg.corroborate_min_value is not None:
        clusters = _join_corroborated(clusters, attrs, cfg, stats)
    for key, ms in clusters.items():
        for m in ms:
            m.joined = key
    if "location" in attrs:
        clusters = join_weak_places(clusters, attrs, cfg, stats, weak_place_helpers())
    clusters = split_stories(clusters, attrs, cfg, stats, unit_words(members, cfg))
    groups = finish_groups(clusters, cfg)
    groups.extend(singles)
    if dedupe:
        _dedupe_ids(groups)
    groups.sort(key=lambda g: g.id)
    return Grouping(groups, stats)


def weak_place_helpers() -> SimpleNamespace:
    """Grouping's place and day helpers, as crosscheck.reconcile.weak_places reads them."""
    return SimpleNamespace(ancestors=_ancestors, one_whole=_one_whole, other_story=_other_story,
                           tells_part_from_whole=_tells_part_from_whole, parents=place_parents, figure=_figure)


def finish_groups(clusters: dict[tuple, list[Member]], cfg: ReconcileConfig) -> list[ScopeGroup]:
    """The scope groups of final cluster keys and their members (unsorted, ids not deduped)."""
    places = PlaceNames(cfg)
    attrs = list(cfg.scope_attributes)
    fuzzy = [a for a in attrs if a in cfg.fuzzy_attributes]
    # names of one cluster a fuzzy match would join, told from places its joins brought in
    # (its own stats: grouping's count of comparisons stays the grouping's)
    matcher = FuzzyMatcher(cfg.fuzzy_threshold, GroupingStats(claims=0))
    return [_make_group(key, ms, attrs, fuzzy, places, matcher) for key, ms in clusters.items()]


def pre_join_clusters(members: list[Member], cfg: ReconcileConfig,
                      stats: Optional[GroupingStats] = None) -> tuple[dict[tuple, list[Member]], list[ScopeGroup]]:
    """Grouping before joins across place granularity: blocks, fuzzy names, open scopes
    attached.  (cluster key -> members, the single groups of unclustered kinds); each member's
    `pre` is set to its key.  A member's key here depends only on its block, its scope values
    and the set of keys (its signature, crosscheck.store.judged), never on figures."""
    stats = stats if stats is not None else GroupingStats(claims=len(members))
    places = PlaceNames(cfg)
    matcher = FuzzyMatcher(cfg.fuzzy_threshold, stats)
    attrs = list(cfg.scope_attributes)
    fuzzy = [a for a in attrs if a in cfg.fuzzy_attributes]

    def canon_of(attr: str, raw: Optional[str]) -> Optional[str]:
        if raw is None:
            return None
        return places.canonical(raw) if attr == "location" else exact_form(raw)

    singles: list[ScopeGroup] = []
    # a member's block and canonical key depend only on its kind, its identity value and its
    # raw scope attributes (its signature): worked out once per distinct one, not per member
    blocks: dict[tuple, list[tuple[Member, tuple]]] = defaultdict(list)
    block_of: dict[tuple, tuple] = {}
    for m in members:
        c = m.claim
        if c.kind in cfg.unclustered_kinds:
            # a headline's claim is told from a body claim at the same offsets (a body claim's
            # key, and so its cluster id, as before)
            canon = {"doc": c.doc, "at": f"{c.start}-{c.end}" + ("@title" if c.field == "title" else "")}
            singles.append(
                ScopeGroup(cluster_id(c.kind, canon), c.kind, dict(canon), [m],
                           [f"kind {c.kind!r} is not compared with other claims"])
            )
            continue
        raws = tuple([getattr(c, a) for a in attrs])
        sig = (c.kind, str(c.value) if c.kind in cfg.identity_kinds else None, raws)
        block = block_of.get(sig)
        if block is None:
            block = block_of[sig] = block_tuple(c, cfg)
        blocks[block].append((m, raws))
    stats.blocks = len(blocks)

    # canonical key (tuple over attrs) -> members, per block after fuzzy matching
    clusters: dict[tuple, list[Member]] = {}
    for block, bmembers in blocks.items():
        distinct = dict.fromkeys(raws for _m, raws in bmembers)
        reps: dict[str, dict[str, str]] = {}
        for a in fuzzy:
            i = attrs.index(a)
            values = sorted({cv for raws in distinct if (cv := canon_of(a, _present(raws[i]))) is not None})
            reps[a] = matcher.components(values) if len(values) > 1 else {v: v for v in values}
        key_of: dict[tuple, tuple] = {}
        for raws in distinct:
            canon: list[Optional[str]] = []
            for a, v in zip(attrs, raws):
                raw = _scope_form(v, a)
                if a in fuzzy:
                    cv = canon_of(a, raw)
                    canon.append(None if cv is None else reps[a][cv])
                else:
                    canon.append(exact_form(raw))
            key_of[raws] = block[:2] + tuple(canon)
        for m, raws in bmembers:
            clusters.setdefault(key_of[raws], []).append(m)

    clusters = join_story_starts(clusters, attrs, stats)
    clusters = join_past_years(clusters, attrs, exact_form(RUNNING_TOTAL_PERIOD), _country, stats)
    clusters = _attach_open_scopes(clusters, attrs, cfg, stats)
    clusters = join_lone_batches(clusters, attrs, cfg, stats)
    clusters = _country_to_lone_region(clusters, attrs, cfg, stats)
    for key, ms in clusters.items():
        for m in ms:
            m.pre = key
    return clusters, singles


def dedupe_order(g: ScopeGroup) -> list[tuple[str, int]]:
    """What orders groups of one id before the `-2`, `-3` suffixes are given (`_dedupe_ids`)."""
    return [(m.claim.doc, m.claim.start) for m in g.members]


# A period from a named day ("since:2023-04-14", as crosscheck.reconcile.periods resolves it).
_SINCE_DAY = regex_cache.compile(r"^since:(\d{4}-\d\d-\d\d)$")


def since_day(period: Optional[str]) -> Optional[date]:
    """The day a `since:<ISO date>` period starts, else None."""
    m = _SINCE_DAY.match(period or "")
    if not m:
        return None
    try:
        return _day(m.group(1))
    except ValueError:
        return None


def join_story_starts(clusters: dict[tuple, list[Member]], attrs: list[str],
                      stats: Optional[GroupingStats] = None) -> dict[tuple, list[Member]]:
    """A figure "since <day>" whose day is no later than the first report of the running total
    of its scope counts from the story's own start: it is that running total.

    "ليرتفع عدد المفرج عنهم منذ الجمعة إلى 675" in a swap whose first release was on Friday,
    "368 جريحا نقلوا إلى المستشفيات منذ الأربعاء" the day after Wednesday's quake: no figure of the
    running total (the same scope with a cumulative period) was given before that day, so the
    period holds the whole story as reported.  A start after the running total's first report
    ("311 جثة منذ السبت" ten days into a quake, "منذ صباح اليوم") is a sub-period and stays apart,
    as does a figure whose article gives the running total a figure at least as large (it
    tells the two apart; a smaller one is another quantity read as the total), a figure whose
    article names an earlier start for the same scope (its own longer count), and
    one whose running total has no dated figure (nothing shows where the story starts).  A
    figure at no place looks for the running total among the clusters of its scope at a place
    (the one, or the one whose place holds the others': `_one_whole`).  The members joining
    get the cumulative period, an uncertain period and a note.  Cost: one pass over the keys and
    the members of the running totals.  Only starts less than `since_total_min_days` (rules/
    periods.yaml) before their figures: a start further back is read by
    crosscheck.reconcile.periods (the story's start, or another quantity beside it)."""
    if "period" not in attrs:
        return clusters
    head = 2
    pi = head + attrs.index("period")
    li = head + attrs.index("location") if "location" in attrs else None
    running = exact_form(RUNNING_TOTAL_PERIOD)
    starts = {key: day for key in clusters if (day := since_day(key[pi])) is not None}
    if not starts:
        return clusters
    from crosscheck.ruleset.period_rules import period_rules

    recent_days = period_rules().since_total_min_days
    first: dict[tuple, Optional[date]] = {}  # running-total key -> its first reported day
    tops: dict[tuple, dict[str, float]] = {}  # running-total key -> article -> its largest figure
    placed: dict[tuple, list[tuple]] = defaultdict(list)  # key without place -> placed keys
    for key, ms in clusters.items():
        if key[pi] != running:
            continue
        days = _days(ms)
        first[key] = min(days) if days else None
        top = tops[key] = {}
        for m in ms:
            v = _figure(m.claim)
            if v is not None and v > top.get(m.claim.doc, -1.0):
                top[m.claim.doc] = v
        if li is not None and key[li] is not None and not _is_combined(key[li]):
            placed[key[:li] + key[li + 1:]].append(key)
    # scope without period, article -> the earliest start its "since" figures name: an article
    # giving a later start beside an earlier one ("100 منذ مطلع يوليو" beside "147 منذ بداية العام")
    # tells a sub-period of its own longer count
    earliest: dict[tuple, date] = {}
    for key, start in starts.items():
        for m in clusters[key]:
            k = (key[:pi] + key[pi + 1:], m.claim.doc)
            earliest[k] = min(start, earliest.get(k, start))
    target: dict[tuple, tuple] = {}
    for key, start in sorted(starts.items(), key=lambda e: repr(e[0])):
        rest = key[:pi] + key[pi + 1:]
        if any(earliest.get((rest, m.claim.doc), start) < start for m in clusters[key]):
            continue
        dest = key[:pi] + (running,) + key[pi + 1:]
        if dest not in first and li is not None and key[li] is None:
            cands = sorted(placed.get(dest[:li] + dest[li + 1:], []), key=repr)
            dest = cands[0] if len(cands) == 1 else (_one_whole(cands, li) if cands else None)
        if dest is None or dest not in first:
            continue
        begun = first[dest]
        if begun is None or start > begun:
            continue
        if not _recent(clusters[key], start, recent_days) and not (
                (start.month, start.day) == (1, 1) and begun.year == start.year):
            # (a count since the start of the year whose running total was first reported that
            # same year - a season's outbreak - is that running total: no figure came before it)
            continue
        if _gives_a_total(clusters[key], tops[dest]):
            continue
        target[key] = dest
    if not target:
        return clusters
    def moved(key: tuple, dest: tuple, ms: list[Member]) -> None:
        for m in ms:
            m.notes.append(f"given {m.claim.period}, no later than the first report of its running total "
                           f"({first[dest].isoformat()}): the running total")
            m.claim = m.claim.model_copy(update={"period": RUNNING_TOTAL_PERIOD})
            if "period" not in m.uncertain:
                m.uncertain.append("period")
        if stats is not None:
            stats.story_starts += 1

    return merge_into(clusters, target, moved)


def _recent(since: list[Member], start: date, days: int) -> bool:
    """Were the figures given less than `days` after their start?  (A start further back was
    read by crosscheck.reconcile.periods already: the story's start or another quantity.)"""
    return all(d < start + timedelta(days=days) for d in _days(since))


def _gives_a_total(since: list[Member], tops: dict[str, float]) -> bool:
    """Does an article of the figures "since <day>" give their running total a figure at least as
    large as its own (a total the sub-period could be part of: the article tells them apart)?"""
    for m in since:
        v = _figure(m.claim)
        top = tops.get(m.claim.doc)
        if top is not None and (v is None or top >= v):
            return True
    return False


def _attach_open_scopes(
    clusters: dict[tuple, list[Member]], attrs: list[str], cfg: ReconcileConfig,
    stats: GroupingStats,
) -> dict[tuple, list[Member]]:
    """Merge clusters with open (None) attachable attributes into their one matching cluster."""
    open_pos = [i for i, a in enumerate(attrs) if a in cfg.attach_when_missing]
    # attributes a matching cluster need not fill either: what happened ("incident")
    optional = frozenset(i for i, a in enumerate(attrs) if a in OPTIONAL_WHEN_ATTACHING)
    head = 2  # (kind, ident) precede the attribute values in a key
    loc_pos = attrs.index("location") if "location" in attrs else None
    # a past event named by its year is one event whenever its articles recalled it
    ev_pos = attrs.index("event") if "event" in attrs else None

    def masked(key: tuple, positions: frozenset[int]) -> tuple:
        return tuple(None if (i - head) in positions else v for i, v in enumerate(key))

    index: dict[tuple, list[tuple]] = defaultdict(list)
    for key in clusters:
        filled = [p for p in open_pos if key[head + p] is not None]
        for r in range(1, len(filled) + 1):
            for subset in combinations(filled, r):
                s = frozenset(subset)
                index[(s, masked(key, s))].append(key)

    # the places each article's placed figures stand at (any kind), for its unplaced figures
    doc_places: dict[str, set[str]] = defaultdict(set)
    if loc_pos is not None:
        for key, ms in clusters.items():
            place = key[head + loc_pos]
            if place is not None and not _is_combined(place):
                for m in ms:
                    doc_places[m.claim.doc].add(place)
    target: dict[tuple, tuple] = {}
    words_df: dict[tuple, set[str]] = {}  # a past event's name words by cluster, read on first use
    # most specific first, so a chain of open scopes ends at the fullest key
    order = sorted(clusters, key=lambda k: (sum(v is None for v in k), repr(k)))
    for key in order:
        missing = frozenset(p for p in open_pos if key[head + p] is None)
        if not missing:
            continue
        candidates = sorted(set(index.get((missing, key), [])) - {key}, key=repr)
        for fewer in (missing - optional, missing & optional):
            if candidates or not fewer or fewer == missing:
                continue
            # no cluster fills every open attribute: the one cluster that fills the others
            # (say, no incident is named at all), else the one that fills only the optional
            # ones (a story's incident, at no named place either)
            candidates = sorted(set(index.get((fewer, key), [])) - {key}, key=repr)
        named = frozenset(p for p in optional if key[head + p] is not None) - missing
        if not candidates and named:
            # none matches it with its incident: the one that names no incident and fills its
            # open attributes (a war's unplaced toll, the same figure placed by an outlet that
            # names no incident: each lacks what the other gives)
            candidates = sorted(set(index.get((missing, masked(key, named)), [])) - {key}, key=repr)
        if len(candidates) > 1 and ev_pos is not None and _past_year_event(key[head + ev_pos]):
            # a past event of one year in several stories (a 1992 flood, a 1992 mine blast): the
            # one named alike (the words before its year: "زونغولداك")
            named = _named_alike(clusters, key, candidates, words_df)
            if named is not None:
                candidates = [named]
        if len(candidates) > 1 and loc_pos is not None and key[head + loc_pos] is None:
            whole = _one_whole(candidates, head + loc_pos)
            if whole is not None:
                candidates = [whole]
            else:
                # an unplaced figure whose articles place all their other figures at one place is
                # that place's, when one candidate stands there ("قتل 12 في سعدة ... وبلغ عدد
                # الجرحى 30": the 30 are Saada's)
                places = {p for m in clusters[key] for p in (doc_places.get(m.claim.doc) or {None})}
                at = [k for k in candidates if k[head + loc_pos] in places] if None not in places \
                    and len(places) == 1 else []
                if len(at) == 1:
                    candidates = at
        if len(candidates) != 1:
            if len(candidates) > 1:
                names = ", ".join(attrs[p] for p in sorted(missing))
                for m in clusters[key]:
                    m.notes.append(f"{names} unknown; {len(candidates)} clusters could match")
            continue
        dest = candidates[0]
        if cfg.attach_gap_days is not None and not (ev_pos is not None and _dated_event(key[head + ev_pos])) \
                and _other_story(clusters[key], clusters[dest], cfg.attach_gap_days):
            # its figures were given months or years away from that cluster's: another story
            # (a 2013 attack's toll is not a 2020 flood's), not a figure of it with its place unsaid
            stats.date_gated += 1
            stats.gated.append((key, dest, list(clusters[key]), list(clusters[dest])))
            for m in clusters[key]:
                m.notes.append(f"{', '.join(attrs[p] for p in sorted(missing))} unknown; the one "
                               f"cluster that could match holds figures of other days")
            continue
        while dest in target:
            dest = target[dest]
        target[key] = dest
        stats.attached += 1
    merged: dict[tuple, list[Member]] = {}
    for key, ms in clusters.items():
        dest = key
        while dest in target:
            dest = target[dest]
        if dest != key:
            names = [attrs[p] for p in open_pos if key[head + p] is None]
            for m in ms:
                for n in names:
                    if n not in m.uncertain:
                        m.uncertain.append(n)
                m.notes.append(f"{', '.join(names)} not stated; joined the only matching cluster")
        merged.setdefault(dest, []).extend(ms)
    return merged


def _past_year_event(event: Optional[str]) -> bool:
    ev = str(event or "")
    return ev.startswith(PAST_EVENT) and ev[len(PAST_EVENT):].isdigit()


def _named_alike(clusters: dict[tuple, list[Member]], key: tuple, candidates: list[tuple],
                 words_df: dict[tuple, set[str]]) -> Optional[tuple]:
    """The candidate cluster whose past event has the name of `key`'s: the words right before the
    event's year in its claims' sentences ("انفجار منجم زونغولداك عام 1992", "كارثة زونغولداك
    1992"; `_NAME_CHARS` characters, the year words left out), when it shares more of them than
    any other candidate - half as many again - and one at least; else None.  (`words_df` keeps
    each cluster's name words, read once.)"""

    def names(k: tuple) -> set[str]:
        got = words_df.get(k)
        if got is None:
            got = set()
            for m in clusters[k]:
                ev, sent = _present(m.claim.event) or "", m.claim.sentence or ""
                year = ev[len(PAST_EVENT):]
                at = sent.find(year) if year else -1
                while at >= 0:
                    got |= sentence_words(sent[max(0, at - _NAME_CHARS):at]) - _YEAR_WORDS
                    at = sent.find(year, at + 1)
            words_df[k] = got
        return got

    own = names(key)
    if not own:
        return None
    scored = sorted(((len(own & names(c)), repr(c), c) for c in candidates), reverse=True)
    best, second = scored[0][0], scored[1][0]
    return scored[0][2] if best > 0 and best > 1.5 * second else None


# How far before a past event's year its name is read, and the words of a date that are no name.
_NAME_CHARS = 40
_YEAR_WORDS = frozenset(normalize_word(w) for w in (
    "عام", "العام", "سنة", "السنة", "لعام", "بعام", "يناير", "فبراير", "مارس", "أبريل", "مايو", "يونيو",
    "يوليو", "أغسطس", "سبتمبر", "أكتوبر", "نوفمبر", "ديسمبر", "كانون", "شباط", "آذار", "نيسان", "أيار",
    "حزيران", "تموز", "أيلول", "تشرين", "الأول", "الثاني"))


def _country_to_lone_region(
    clusters: dict[tuple, list[Member]], attrs: list[str], cfg: ReconcileConfig,
    stats: GroupingStats,
) -> dict[tuple, list[Member]]:
    """A country's cluster joins the cluster of its one region when every other cluster of the
    same scope (kind, period, event, group...) placed inside that country lies in one region.

    When a disaster hits one region, outlets place one figure in the region ("ماوي") or in its
    country ("الولايات المتحدة"): one quantity.  Beside figures of two or more of its regions,
    the country's figure stays the whole (crosscheck.reconcile.inconsistencies compares the
    parts with it).  The region is the country's child on each place's chain; the destination
    is the region's own cluster (a gazetteer place of type region).  A region cluster whose figures were given more than
    `attach_gap_days` away from every country figure is another story: it neither takes the
    country's figure nor counts as a second region, and the decision is counted
    (`lone_region_gated`, `lone_region_keys`: the days or articles, not only the keys, decided it).  Cost: one pass over the
    keys, grouped by scope without place.

    A country's cluster whose every figure was placed only by its article (`inferred`) joins the
    deepest place when the figures inside lie on one chain below a region (`_one_chain`)."""
    if "location" not in attrs:
        return clusters
    from crosscheck.reconcile.singled_out import alone_near, rules_alone_pattern

    parents = place_parents()
    regions = region_places()
    pattern = rules_alone_pattern()
    li = 2 + attrs.index("location")
    # an article breaking the country's figure down ("17 وفاة، منها 13 في ... و4 في ...")
    gi = 2 + attrs.index("group") if "group" in attrs else None
    by_rest: dict[tuple, list[tuple]] = defaultdict(list)
    combined: dict[tuple, set[str]] = defaultdict(set)  # scope -> countries in a stated combination
    for key in clusters:
        loc = key[li]
        if loc is None:
            continue
        if _is_combined(loc):
            combined[key[:li] + key[li + 1:]].update(loc.split("+"))
        else:
            by_rest[key[:li] + key[li + 1:]].append(key)
    target: dict[tuple, tuple] = {}
    for rest, keys in by_rest.items():
        if len(keys) < 2:
            continue
        # each key below a top place, bucketed by that place with the top place's child it lies
        # in: one walk up each key's chain, so a scope of many places costs their number
        below: dict[str, dict[tuple, str]] = defaultdict(dict)
        for k in keys:
            chain = [k[li], *_ancestors(k[li], parents)]
            if len(chain) >= 2:
                below[chain[-1]][k] = chain[-2]
        for ck in keys:
            country = ck[li]
            if country in parents or country in combined.get(rest, ()):
                # not a country (a top place), or one a stated combination adds up: the whole
                continue
            inside = below.get(country)  # key inside the country -> its region (country's child)
            if not inside:
                continue
            if all("location" in m.claim.inferred for m in clusters[ck]):
                # figures placed only by their article's country: no article states a whole
                dest = _one_chain(clusters, ck, inside, parents, li, cfg)
                if dest is not None:
                    # (the articles and days decide it - `_one_chain` returns a key only when
                    # the places allow it - so the keys are counted whatever they say)
                    stats.lone_region_keys.update((ck, *inside))
                    if dest != ():
                        target[ck] = dest
                        continue
            docs = {(m.claim.doc, m.claim.as_of) for m in clusters[ck]}
            parts = clusters.get(ck[:gi] + ("subset",) + ck[gi + 1:], ()) if gi is not None else ()
            if _tells_part_from_whole(clusters[ck], [m for k in inside for m in clusters[k]]) \
                    or any((m.claim.doc, m.claim.as_of) in docs for m in parts):
                # an article telling a region's figure from the country's on one day, or breaking
                # the country's down: part and whole (any member showing it shows it in the whole;
                # on other days the article tells the toll's growth)
                continue
            gap = cfg.attach_gap_days
            near = {k: r for k, r in inside.items()
                    if gap is None or not _all_apart(clusters[ck], clusters[k], gap)}
            dest = _lone_region(near, regions, li)
            if len(near) != len(inside) and dest != _lone_region(inside, regions, li):
                # the days decided it: the few members a stored check keeps per signature may not
                stats.lone_region_gated += 1
                stats.lone_region_keys.update((ck, *inside))
            if dest is None:
                continue
            if any(alone_near(m.claim, pattern) for k in near for m in clusters[k]):
                # a region the article singles out ("في الإقليم وحده"): a part of the whole
                stats.lone_region_keys.update((ck, *inside))
                continue
            target[ck] = dest
    if not target:
        return clusters

    def moved(key, dest, ms) -> None:
        stats.lone_regions += 1
        for m in ms:
            m.notes.append(f"placed in its country; every other figure of its scope there is "
                           f"in one region ({dest[li]}): that region's figure")

    return merge_into(clusters, target, moved)


def _tells_part_from_whole(country_ms: list[Member], region_ms: list[Member]) -> bool:
    """Does an article give the country one figure and a place inside it another on one day?

    Only figures that cannot be one number tell a part from its whole: a headline's "more than
    ninety dead in central Italy" over its lead's "92 at least in the Abruzzo quake" is one toll
    told at two granularities (the same article, the same day, intervals that meet), while "100
    in Indonesia, 60 of them in Aceh" is a whole and its part.  Cost: one pass over each list."""
    spans: dict[tuple, list] = defaultdict(list)
    for m in country_ms:
        spans[(m.claim.doc, m.claim.as_of)].append(claim_span(m.claim))
    for m in region_ms:
        mine = spans.get((m.claim.doc, m.claim.as_of))
        if mine and any(not agree((s, claim_span(m.claim))) for s in mine):
            return True
    return False


def _one_chain(clusters: dict[tuple, list[Member]], ck: tuple, inside: dict[tuple, str],
               parents: dict[str, str], li: int, cfg: ReconcileConfig) -> Optional[tuple]:
    """The cluster a country's figures placed only by their articles (`inferred`) join: when
    every other cluster of the scope inside the country lies on one chain of places (a district
    and the region holding it, "واياناد" in "كيرالا"), the deepest place's - the figures of
    one story told by outlets that name its place or only their country ("الحصيلة الرسمية 210
    قتلى" in an article about that district).  None when the places inside fork (two regions,
    two cities: the country's figure may be their whole), when a figure of the story's place was
    given more than `attach_gap_days` from all of the country's (another story), when fewer
    than two articles give figures at the places inside, or when an article singles a place out
    ("وحدها": a part): then () when the places allowed it (the articles or days decided),
    None when they did not."""
    from crosscheck.reconcile.singled_out import alone_near, rules_alone_pattern

    country_ms = clusters[ck]
    deepest = max(inside, key=lambda k: (len(_ancestors(k[li], parents)), repr(k)))
    above = _ancestors(deepest[li], parents)
    chain = {deepest[li], *above}
    if len(above) < 2 or any(k[li] not in chain for k in inside):
        # (a place right below its country - a city, a province - is left to the lone-region
        # reading: only a place inside a region inside the country is read this way)
        return None
    placed = [m for k in inside for m in clusters[k]]
    if len({m.claim.doc for m in placed}) < 2:
        # one article's place (a city the bodies were taken to, a district named after another
        # place) is no story's place yet: two articles must name it
        return ()
    gap = cfg.attach_gap_days
    if gap is not None and _all_apart(country_ms, placed, gap):
        return ()
    pattern = rules_alone_pattern()
    if any(alone_near(m.claim, pattern) for m in country_ms) or \
            any(alone_near(m.claim, pattern) for k in inside for m in clusters[k]):
        return ()
    return deepest


def _lone_region(inside: dict[tuple, str], regions: frozenset[str], li: int) -> Optional[tuple]:
    """The cluster a country's figure joins among the clusters `inside` it (key -> the region,
    the country's child, it lies in): the region's own when all lie in one region of type
    region and it has a cluster; else None (a city's or district's figure alone is its own)."""
    if len(set(inside.values())) != 1:
        return None
    region = next(iter(inside.values()))
    if region not in regions:  # a city named beside its country is its own story's place
        return None
    return next((k for k in inside if k[li] == region), None)


def _days(ms: list[Member]) -> list[date]:
    out = []
    for m in ms:
        if m.claim.as_of is not None:
            try:
                out.append(_day(m.claim.as_of))
            except ValueError:
                pass
    return out


def _apart(near_ms: list[Member], far_ms: list[Member], gap_days: float, every: bool) -> bool:
    """Were the dated figures of `near_ms` given more than `gap_days` before or after every
    figure of `far_ms` - any of them (`every=False`), or all of them (`every=True`)?
    Undated figures, or a cluster with none dated, fit."""
    near, far = _days(near_ms), _days(far_ms)
    if not near or not far:
        return False
    lo, hi = min(far), max(far)
    gap = timedelta(days=gap_days)
    test = all if every else any
    return test(d < lo - gap or d > hi + gap for d in near)


def _other_story(open_ms: list[Member], dest_ms: list[Member], gap_days: float) -> bool:
    """Were the figures of an open scope given more than `gap_days` before or after every
    figure of the cluster it would join (any one of them)?"""
    return _apart(open_ms, dest_ms, gap_days, every=False)


def _all_apart(country_ms: list[Member], region_ms: list[Member], gap_days: float) -> bool:
    """Were ALL the dated figures of a country's cluster given more than `gap_days` before or
    after every figure of a region's cluster?  A story told over months (an abduction's toll
    given in March and recalled in October) has its country figures near the region's on some
    day."""
    return _apart(country_ms, region_ms, gap_days, every=True)


def unit_words(members: list[Member], cfg: ReconcileConfig) -> Optional[dict[int, StoryWords]]:
    """The words of each unit's articles (`split_stories`), by member id: read from the
    sentences of the unit's own members only, so that units stay independent (grouped whole,
    apart or together, they split alike).  Built when a cluster first asks."""
    if cfg.story_word_margin is None:
        return None
    by_unit: dict[tuple, list[Member]] = defaultdict(list)
    for m in members:
        by_unit[unit_tuple(m.claim, cfg)].append(m)
    return _LazyWords(by_unit)


class _LazyWords(dict):
    """member id -> its unit's StoryWords, each unit's made on first use."""

    def __init__(self, by_unit: dict[tuple, list[Member]]):
        super().__init__()
        self._unit_of = {id(m): u for u, ms in by_unit.items() for m in ms}
        self._by_unit = by_unit
        self._made: dict[tuple, StoryWords] = {}

    def __missing__(self, mid: int) -> StoryWords:
        u = self._unit_of[mid]
        if u not in self._made:
            self._made[u] = StoryWords((m.claim.doc, m.claim.sentence or "") for m in self._by_unit[u])
        return self._made[u]


def _other_stories(key: tuple, docs: dict[str, list[Member]], undated: list[Member],
                   dated_docs: set[str], words: StoryWords, margin: float,
                   out: dict[tuple, list[Member]], stats: Optional[GroupingStats]) -> list[Member]:
    """`split_stories`: the undated articles of a cluster at no place that tell another
    article's story go to a cluster of their own (the key with that article's id); the
    undated members that stay are returned."""
    stay: list[Member] = []
    inside = set(docs)
    for doc in sorted({m.claim.doc for m in undated}):
        other = words.elsewhere(doc, inside, dated_docs, margin)
        if other is None:
            stay.extend(docs[doc])
            continue
        for m in docs[doc]:
            m.notes.append(f"no place named, undated, and its sentences share far more rare words "
                           f"with {other} than with the dated articles of its scope: another story")
        out.setdefault(key + (f"story:{other}",), []).extend(docs[doc])
        if stats is not None:
            stats.stories_split += 1
    return stay


def split_stories(clusters: dict[tuple, list[Member]], attrs: list[str], cfg: ReconcileConfig,
                  stats: Optional[GroupingStats] = None,
                  words: Optional[dict[int, StoryWords]] = None) -> dict[tuple, list[Member]]:
    """A cluster at no place whose articles fall into runs of days more than `story_gap_days`
    apart holds several stories: a 2017 bombing's injured and a 2022 clash's, neither placed by
    the gazetteer (not a vote's tallies: crosscheck.reconcile.votes dated them).  Each run
    becomes its own cluster; the run with the most dated articles (the
    latest on a tie) keeps the key and takes the undated articles (but an undated article giving
    a figure of another run, the same figure told twice, goes with that run), the others get the key with
    the run's first day appended (their id is the key's, suffixed).  An article's figures stay
    together (its days are its dated figures' days).  Placed clusters are not split: a place's
    running total may be told over years.  An undated article whose figure sentences share far
    more rare words with an article outside the cluster than with any of its dated articles
    (`words`, each member's unit's, `unit_words`; crosscheck.reconcile.story_words;
    `story_word_margin`) tells that other story:
    its figures get the key with that article's id appended.  Cost: one sort per cluster, and
    the bounded word look-ups of each undated article of a cluster at no place."""
    gap_days = cfg.story_gap_days
    if gap_days is None or "location" not in attrs:
        return clusters
    li = 2 + attrs.index("location")
    ei = 2 + attrs.index("event") if "event" in attrs else None
    gap = timedelta(days=gap_days)
    out: dict[tuple, list[Member]] = {}
    for key, ms in clusters.items():
        # a vote's tallies were told apart by their dates already (crosscheck.reconcile.votes):
        # an article recalling last year's vote speaks of that vote, whatever its own date
        # so does a past event named by its year ("فيضانات عام 1988"): its articles' dates are
        # when it was recalled, not when it happened
        # and a resolution's number names one text whenever its articles were written
        if key[li] is not None or len(ms) < 2 or (ei is not None and _dated_event(key[ei])) \
                or key[0] in cfg.identity_kinds:
            out.setdefault(key, []).extend(ms)
            continue
        docs: dict[str, list[Member]] = defaultdict(list)
        for m in ms:
            docs[m.claim.doc].append(m)
        spans = []
        undated: list[Member] = []
        for doc, dms in docs.items():
            days = _days(dms)
            if days:
                spans.append((min(days), max(days), doc))
            else:
                undated.extend(dms)
        if undated and spans and words is not None and cfg.story_word_margin is not None:
            undated = _other_stories(key, docs, undated, {sp[2] for sp in spans}, words[id(ms[0])],
                                     cfg.story_word_margin, out, stats)
            kept = {m.claim.doc for m in undated} | {sp[2] for sp in spans}
            ms = [m for m in ms if m.claim.doc in kept]
        spans.sort()
        runs: list[list[tuple]] = []
        reach = None  # the last day of the current run
        for sp in spans:
            if runs and reach is not None and sp[0] <= reach + gap:
                runs[-1].append(sp)
                reach = max(reach, sp[1])
            else:
                runs.append([sp])
                reach = sp[1]
        if len(runs) < 2:
            out.setdefault(key, []).extend(ms)
            continue
        main = max(range(len(runs)), key=lambda i: (len(runs[i]), i))
        # an undated article goes with the run that gives one of its figures (the same figure
        # told twice is one story: the undated account of a briefing joins the dated one),
        # else with the main run
        homes: dict[int, list[Member]] = defaultdict(list)
        if undated:
            values = [{m.claim.value for sp in run for m in docs[sp[2]]} for run in runs]
            by_doc: dict[str, list[Member]] = defaultdict(list)
            for m in undated:
                by_doc[m.claim.doc].append(m)
            for dms in by_doc.values():
                own = {m.claim.value for m in dms if isinstance(m.claim.value, (int, float))
                       and m.claim.value >= cfg.corroborate_min_value}
                shared = [len(own & v) for v in values]
                best = max(range(len(runs)), key=lambda i: (shared[i], i == main))
                homes[best if shared[best] else main].extend(dms)
        for i, run in enumerate(runs):
            rms = [m for sp in run for m in docs[sp[2]]] + homes.get(i, [])
            if i == main:
                out.setdefault(key, []).extend(rms)
                continue
            first = run[0][0].isoformat()
            for m in rms:
                m.notes.append(f"no place named, and given from {first}, more than "
                               f"{gap_days:g} days away from the other figures of its scope: "
                               "another story")
            out.setdefault(key + (first,), []).extend(rms)
            if stats is not None:
                stats.stories_split += 1
    return out


def _one_whole(candidates: list[tuple], li: int) -> Optional[tuple]:
    """The candidate whose place contains every other candidate's, if there is exactly one.

    Outlets give one story's figures at several granularities: "1,310 dead in Yemen", "205 in
    Sanaa", "in Aden"; a figure whose article names no place at all is the story's own figure,
    the whole's, when the places its scope could take nest in one of them (the gazetteer's
    hierarchy).  Combined places ("iran+iraq") are other quantities and do not count; places
    that do not nest (two countries) leave the figure unplaced, as before.  Depends only on
    the set of keys, like the rest of the grouping before joins."""
    parents = place_parents()
    plain = [k for k in candidates if k[li] is not None and not _is_combined(k[li])]
    common: Optional[set[str]] = None  # the places containing (or being) every candidate's
    for p in {k[li] for k in plain}:
        up = {p, *_ancestors(p, parents)}
        common = up if common is None else common & up
        if not common:
            return None
    wholes = [k for k in plain if k[li] in (common or ())]
    return wholes[0] if len(wholes) == 1 else None


def _is_combined(place: str) -> bool:
    return "+" in place or place.startswith("combined:")


def _figure(c: Claim) -> Optional[float]:
    if isinstance(c.value, bool):
        return None
    try:
        return float(c.value)
    except (TypeError, ValueError):
        return None


def join_moves(
    clusters: dict[tuple, list[Member]], attrs: list[str], cfg: ReconcileConfig,
    only: Optional[set[tuple[tuple, str]]] = None,
    stories: Optional[dict[tuple, list]] = None,
    every_key: Optional[set[tuple]] = None,
) -> list[tuple[tuple, Member, tuple]]:
    """(key, member, destination key) of every member that moves: a figure given at a finer or unknown place to the cluster of a coarser place that
    holds the same figure from another article.  With `only`, of the (cluster key, article)
    units in it (each unit's decision reads the clusters given, never another's decision).
    A part of the record may be given (crosscheck.store.judged): then `stories` holds the
    placed clusters' days (`story_days`) at least within `story_window_days` of the deciding
    units' days, and `every_key` every cluster key of the whole (an article's other groups
    follow its moved figure only to a cluster that exists: `_siblings_follow`).

    Outlets name one quantity at different granularity: "97 dead in the Karachi crash" and
    "97 dead in Pakistan", "154 dead in Beirut" and "154 in Lebanon", or no place at all.  A
    claim whose place is unknown (None or only inferred from its article) or lies inside the
    place of another cluster of the same scope otherwise (kind, period, event, actor,
    incident, group), and whose exact figure (at least `corroborate_min_value`, on the same
    day or undated; a running total's also a few days apart: `corroborating_days`) that
    cluster holds from another article while its own cluster does not,
    speaks of that cluster's quantity: it joins it.  Not when its own article gives that
    cluster a different figure (the article tells the part from the whole), nor when several
    clusters could take it.  A part's figure above its whole's stays apart and is judged by
    crosscheck.reconcile.inconsistencies.  Cost: one index of (scope without place, figure).
    """
    parents = place_parents()
    head = 2
    li = head + attrs.index("location")
    minimum = cfg.corroborate_min_value
    gap = cfg.story_gap_days  # how far a recalled figure's season reaches

    rests: dict[tuple, tuple] = {}  # one copy of each key's scope without place (index keys)

    def rest(key: tuple) -> tuple:
        r = rests.get(key)
        if r is None:
            r = rests[key] = key[:li] + key[li + 1:]
        return r

    # (scope without place, figure) -> cluster key -> the days and articles giving it there
    index: dict[tuple, dict[tuple, _Givers]] = defaultdict(dict)
    # the same for the figures articles recall as earlier ones ("بعد أن كانت 245"), undated
    recalled: dict[tuple, dict[tuple, _Givers]] = defaultdict(dict)
    # an article's figures of one cluster move together or not at all: its own reading of
    # which figures are one quantity is kept.  (A unit's figures are read from its members
    # when asked, `own_figures`: a set for each of them was a third of a large unit's memory.)
    units: dict[tuple[tuple, str], list[Member]] = defaultdict(list)
    for key, ms in clusters.items():
        for m in ms:
            units[(key, m.claim.doc)].append(m)
            v = _figure(m.claim)
            if v is None:
                continue
            if v >= minimum:
                # an earlier figure's day is unknown: it corroborates as an undated one, and only
                # the figures of the units deciding here (not the days of a story: `_told_elsewhere`)
                earlier = m.claim.period == EARLIER_PERIOD
                at = (recalled if earlier else index)[(rest(key), v)]
                givers = at.get(key)
                if givers is None:
                    givers = at[key] = _Givers()
                # (a recalled figure keeps its article's day when the season, `story_gap_days`,
                # bounds how far it reaches, below; without a season it is undated)
                givers.add(None if earlier and gap is None else m.claim.as_of, m.claim.doc)
    running = _running_periods(cfg)
    pi = head + attrs.index("period") if "period" in attrs else None
    recap_days = cfg.corroborate_running_days
    if recap_days is not None and recap_days <= cfg.window_days:
        recap_days = None  # nothing beyond the days `window_days` already reads

    def coarser(loc: Optional[str], inferred: bool, other: Optional[str]) -> bool:
        return is_coarser(loc, inferred, other, parents)

    by_day: dict[tuple, dict] = {}

    def dated_figures(key: tuple) -> dict:
        """day -> figure -> the articles that give it, in one cluster (built when first asked)."""
        got = by_day.get(key)
        if got is None:
            got = by_day[key] = defaultdict(lambda: defaultdict(set))
            for m in clusters[key]:
                if m.claim.as_of is not None:
                    got[m.claim.as_of][_figure(m.claim)].add(m.claim.doc)
        return got

    # (scope without place, incident open?) -> [(day, cluster key)] of the placed clusters,
    # sorted by day (built when first asked: `story_days`)
    placed: list[Optional[dict[tuple, list]]] = [stories]
    ii = head + attrs.index("incident") if "incident" in attrs else None

    def story_scope(key: tuple, open_incident: bool) -> tuple:
        return story_key(key, attrs, open_incident)

    def _told_elsewhere(m: Member, key: tuple) -> bool:
        """Does another article give recalled figure `m` as its own, on its day (or undated)?"""
        v = _figure(m.claim)
        if v is None or v < minimum:
            return False
        window = cfg.window_days if pi is not None and key[pi] in running else None
        return any(g.strength(m.claim.as_of, m.claim.doc, window)
                   for g in index.get((rest(key), v), {}).values())

    def nearest_story(key: tuple, ms: list[Member]) -> Optional[tuple]:
        """The one placed cluster of the unplaced unit's scope (its incident, when it names
        none, open) that holds figures within `story_window_days` of the unit's days; of
        several, the one of a country the unit's sentences name, if only one is."""
        if placed[0] is None:
            placed[0] = story_days(((_day(m.claim.as_of), k) for k, kms in clusters.items()
                                    for m in kms if m.claim.as_of is not None), attrs)
        days = _story_days_of(ms, lambda m: _told_elsewhere(m, key))
        near = placed[0].get(story_scope(key, ii is not None and key[ii] is None), [])
        if not days or not near:
            return None
        cands: set[tuple] = set()
        span = timedelta(days=cfg.story_window_days)
        scanned = 0
        for d in days:
            for e in near[bisect_left(near, d - span, key=lambda e: e[0]):]:
                if e[0] > d + span:
                    break
                scanned += 1
                if scanned > MAX_STORY_SCAN:
                    return None  # a crowd of clusters in its days: no guess, and bounded work
                cands.add(e[1])
        if not cands:
            return None
        named = named_countries(m.claim.sentence for m in ms if m.claim.sentence)
        if len(cands) > 1 and named:
            # several stories on its days: those of the countries its sentences name are its
            # own ("كينيا: ارتفاع حصيلة ضحايا الهجوم إلى 148" is not another country's toll)
            cands = {k for k in cands if _country(k[li]) in named} or cands
        dest = _one_whole(sorted(cands, key=repr), li) if len(cands) > 1 else next(iter(cands), None)
        if dest is None:
            return None
        if named and _country(dest[li]) not in named:
            return None  # its sentence names another country: another story of the same days
        return dest

    def own_figures(key: tuple, doc: str) -> set[float]:
        """The figures article `doc` gives in cluster `key` as its current ones: a figure it
        recalls as the count's earlier value ("بعد أن كانت 121") is that quantity's past, not
        another quantity told apart from the figure that would join."""
        return {v for m in units.get((key, doc), ())
                if m.claim.period != EARLIER_PERIOD and (v := _figure(m.claim)) is not None}

    def one_target(targets: dict[tuple, int], home: int, ms: list[Member], key: tuple, doc: str) -> Optional[tuple]:
        """The one cluster the unit's corroborated figures send it to, or None."""
        best = max(targets.values(), default=0)
        if best <= home or _disputed_at_home(ms, dated_figures(key), doc):
            return None
        targets = {k: t for k, t in targets.items() if t == best}
        if len(targets) > 1 and key[li] is None:
            # the same figure at several places: the one of a country its sentences name
            # ("توعدت الحركة كينيا ... الهجوم الذي أودى بحياة 147") is its own
            named = named_countries(m.claim.sentence for m in ms if m.claim.sentence)
            if named:
                targets = {k: t for k, t in targets.items() if _country(k[li]) in named} or targets
        return next(iter(targets)) if len(targets) == 1 else None

    moves: list[tuple[tuple, Member, tuple]] = []
    for (key, doc), ms in units.items():
        if only is not None and (key, doc) not in only:
            continue
        loc = key[li]
        targets: dict[tuple, int] = {}
        # the same figure where one side recalls it as an earlier one ("بعد أن كانت 245"): its
        # day is unknown, so it corroborates as an undated figure does; it does not keep a unit
        # with no place from the story its days tell (`nearest_story`) when its figures given as
        # current match nowhere
        recalls: dict[tuple, int] = {}
        home = 0  # how well its own cluster corroborates its figures
        stay = False
        for m in ms:
            v = _figure(m.claim)
            if v is None or v < minimum:
                continue
            inferred = "location" in m.claim.inferred
            window = cfg.window_days if pi is not None and key[pi] in running else None
            # a running total's final figure recalled by a later report (`corroborate_running_days`)
            recap = recap_days if window is not None and m.claim.as_of is not None else None
            earlier = m.claim.period == EARLIER_PERIOD
            # an earlier figure's own day is not known to the day, but it is known to the
            # season: a recalled toll of 1999 corroborates nothing told in 2020
            e_day, e_win = (m.claim.as_of, gap) if earlier and gap is not None and m.claim.as_of else (None, window)
            found = [(k, min(1, g.strength(e_day, doc, e_win)) if earlier else
                      (g.strength(m.claim.as_of, doc, window)
                       or (k != key and recap is not None and g.given_before(m.claim.as_of, doc, recap))),
                      earlier) for k, g in index.get((rest(key), v), {}).items()]
            # ... and another article's recalled figure, undated to the day but known to the
            # season: it corroborates no figure told more than `story_gap_days` from its
            # article's day (a toll recalled in 2015 says nothing of a battle's toll of 2016)
            r_day = m.claim.as_of if gap is not None else None
            found += [(k, min(1, g.strength(r_day, doc, gap)), True)
                      for k, g in recalled.get((rest(key), v), {}).items()]
            for k, strength, weak in found:
                # the same figure on the same day is better evidence than an undated one
                if not strength:
                    continue
                if k == key:
                    home = max(home, strength)
                elif coarser(loc, inferred, k[li]):
                    own = own_figures(k, doc)
                    if own and v not in own:
                        stay = True  # the article gives that place another figure: a part
                    into = recalls if weak else targets
                    into[k] = max(into.get(k, 0), strength)
        if stay:
            continue
        if not targets and loc is None and cfg.story_window_days is not None:
            dest = nearest_story(key, ms)
            if dest is not None:
                moves.extend((key, m, dest) for m in ms)
                continue
        for k, t in recalls.items():
            targets[k] = max(targets.get(k, 0), t)
        dest = one_target(targets, home, ms, key, doc)
        if dest is not None:
            moves.extend((key, m, dest) for m in ms)
    moves = _uncross(moves, li, parents)
    return moves + _siblings_follow(moves, units, clusters if every_key is None else every_key, attrs, only)


def _uncross(moves: list[tuple[tuple, Member, tuple]], li: int, parents: dict[str, str]) -> list[tuple[tuple, Member, tuple]]:
    """Moves that cross: an article's figure at place A joins B's cluster while another
    article's at B joins A's (one place at least only the article's default, each corroborated
    by the other's figure: "37 injured" in Kunduz by one article's default, in Afghanistan by
    another's).  Made both, they swap places and stay apart; the two accounts are one quantity.
    When one side's figures are placed by their own clause and the other's only by their article,
    the stated place stands (the default's move); when both are defaults, the move into the
    coarser place stands (the whole holds its parts' figures: `is_coarser`).  (Two places
    neither within the other are left to their moves: which default is wrong, the figures do not
    tell.)  Cost: one look-up per move."""
    if not moves:
        return moves
    lent: dict[tuple[tuple, tuple], bool] = {}  # (from, to) -> every mover placed by its article only
    for key, m, dest in moves:
        lent[(key, dest)] = lent.get((key, dest), True) and "location" in m.claim.inferred
    drop: set[tuple[tuple, tuple]] = set()
    for (key, dest), weak in lent.items():
        if (dest, key) not in lent or (key, dest) in drop or (dest, key) in drop:
            continue
        a, b = key[li], dest[li]
        if a is None or b is None:
            continue
        if b not in _ancestors(a, parents) and a not in _ancestors(b, parents):
            continue
        other_weak = lent[(dest, key)]
        if weak != other_weak:
            drop.add((dest, key) if weak else (key, dest))  # the default joins the stated place
        elif b in _ancestors(a, parents):
            drop.add((dest, key))  # into the coarser place (b): the other move goes
        else:
            drop.add((key, dest))
    if not drop:
        return moves
    return [mv for mv in moves if (mv[0], mv[2]) not in drop]


def _story_days_of(ms: list[Member], told_elsewhere) -> set[date]:
    """The days an article's unit at no place looks its story up by (`join_moves`): the days of
    the figures it gives now, and of a figure it recalls as the count's earlier value ("79 dead,
    after the toll was 58 on Saturday") only when another article gives that figure on that day
    (`told_elsewhere`): a recalled day no other account bears out is an earlier report's, and
    does not carry the article into a story its own figures are too far from.  A unit of
    recalled figures alone is looked up by their days."""
    now = set()
    for m in ms:
        if m.claim.as_of is not None and (m.claim.period != EARLIER_PERIOD or told_elsewhere(m)):
            now.add(_day(m.claim.as_of))
    if now or any(m.claim.period != EARLIER_PERIOD for m in ms):
        return now
    return {_day(m.claim.as_of) for m in ms if m.claim.as_of is not None}


def story_days(entries, attrs: Sequence[str]) -> dict[tuple, list]:
    """What a figure at no place looks its story up in (`join_moves`): from (day, cluster key)
    pairs, story scope -> the (day, key) of each day of each placed cluster (not a combined
    place), sorted by day; a key is listed under its story scope with its incident and
    without it (twice when it names none: each counts in `MAX_STORY_SCAN`)."""
    li = 2 + list(attrs).index("location")
    out: dict[tuple, list] = {}
    for d, k in set(entries):
        if k[li] is None or _is_combined(k[li]):
            continue
        for open_incident in (False, True):
            out.setdefault(story_key(k, attrs, open_incident), []).append((d, k))
    for v in out.values():
        v.sort(key=lambda e: (e[0], repr(e[1])))
    return out


def _siblings_follow(moves: list[tuple[tuple, Member, tuple]], units: dict[tuple[tuple, str], list[Member]],
                     clusters, attrs: list[str],
                     only: Optional[set[tuple[tuple, str]]]) -> list[tuple[tuple, Member, tuple]]:
    """An article's figures of other groups at the place its moved figure left go with it.

    "141 dead, 122 of them children" given for the country, where the other outlets name the
    city: when the 141 joins the city's cluster, the 122 children are the city's children too,
    and join the city's children's cluster if there is one (else they stay).  Only units that
    do not move of their own; cost: one look-up per moved unit and group."""
    if "group" not in attrs or not moves:
        return []
    gi = 2 + attrs.index("group")
    moved_units = {(key, m.claim.doc): dest for key, m, dest in moves}
    by_rest: dict[tuple, list[tuple]] = defaultdict(list)  # (key without group, doc) -> keys
    for (key, doc) in units:
        by_rest[(key[:gi] + key[gi + 1:], doc)].append(key)
    out = []
    for (key, doc), dest in sorted(moved_units.items(), key=lambda e: (repr(e[0][0]), e[0][1])):
        for key2 in by_rest.get((key[:gi] + key[gi + 1:], doc), ()):
            if key2 == key or (key2, doc) in moved_units or (only is not None and (key2, doc) not in only):
                continue
            dest2 = dest[:gi] + (key2[gi],) + dest[gi + 1:]
            if dest2 == key2 or dest2 not in clusters:
                continue
            out.extend((key2, m, dest2) for m in units[(key2, doc)])
            moved_units[(key2, doc)] = dest2
    return out


class _Givers:
    """The days (ISO dates, None: undated) and articles giving one figure in one cluster
    (`join_moves`), so that a member's best corroboration is found from the days that can
    corroborate it (`corroborating_days`) instead of from every other article giving the figure:
    a figure a story repeats in hundreds of articles costs its days, not its articles squared.

    Most figures of a large unit are given once (one article, one day): such a giver holds that
    (day, article) alone (`one`) and answers `strength` from it, as the dictionaries would; the
    dictionaries are made by its second `add` (three dictionaries a member cost a unit of
    hundreds of thousands of members most of its grouping memory)."""

    __slots__ = ("days", "total", "by_date", "one", "sorted_days")

    def __init__(self) -> None:
        self.one: Optional[tuple[Optional[str], str]] = None  # the only (day, article) added
        self.days: Optional[dict[Optional[str], Counter]] = None  # day -> articles (with repeats)
        self.total: Optional[Counter] = None  # articles over every day
        self.by_date: Optional[dict[date, list[str]]] = None  # date -> its valid day strings
        self.sorted_days: Optional[list[tuple[date, str]]] = None  # (date, day string), sorted

    def add(self, day: Optional[str], doc: str) -> None:
        if self.days is None:
            if self.one is None:
                self.one = (day, doc)
                return
            first_day, first_doc = self.one
            self.one = None
            self.days = {first_day: Counter({first_doc: 1})}
            self.total = Counter({first_doc: 1})
        self.days.setdefault(day, Counter())[doc] += 1
        self.total[doc] += 1
        self.by_date = None
        self.sorted_days = None

    def _other(self, day: Optional[str], doc: str) -> bool:
        """Does an article other than `doc` give the figure on `day`?"""
        got = self.days.get(day)
        return got is not None and (len(got) > 1 or doc not in got)

    def strength(self, day: Optional[str], doc: str, window: Optional[float]) -> int:
        """2 when another article gives the figure on `day` itself, 1 when another article gives
        it on a day `corroborating_days` accepts (undated, or within `window` days for a running
        total; `window` None: not a running total), else 0 - the best over the entries the plain
        scan of (cluster, article, day) entries would read."""
        if self.days is None:
            return self._strength_of_one(day, doc, window)
        if day is None:
            return 1 if len(self.total) > 1 or (self.total and doc not in self.total) else 0
        if self._other(day, doc):
            return 2
        if self._other(None, doc):
            return 1
        if window is None:
            return 0
        try:
            when = _day(day)
        except ValueError:
            return 0
        if self.by_date is None:
            self.by_date = {}
            for d in self.days:
                if d is None:
                    continue
                try:
                    self.by_date.setdefault(_day(d), []).append(d)
                except ValueError:
                    continue
        by_date = self.by_date
        reach = int(window) if window < len(by_date) else None
        if reach is None:
            near = [d for d in by_date if abs((d - when).days) <= window]
        else:
            near = []
            for delta in range(-reach, reach + 1):
                try:
                    near.append(when + timedelta(days=delta))
                except OverflowError:
                    continue
        for d in near:
            for text in by_date.get(d, ()):
                if text != day and self._other(text, doc):
                    return 1
        return 0

    def given_before(self, day: str, doc: str, days: float) -> int:
        """1 when an article other than `doc` gives the figure on a dated day before `day`, at
        most `days` earlier (a later report recalling a running total's final figure), else 0.
        Cost: a bisection into the giver's sorted days, then at most `days` of them."""
        try:
            when = _day(day)
        except ValueError:
            return 0
        if self.days is None:
            if self.one is None or self.one[0] is None or self.one[1] == doc:
                return 0
            try:
                gap = (when - _day(self.one[0])).days
            except ValueError:
                return 0
            return 1 if 0 < gap <= days else 0
        if self.sorted_days is None:
            dated = []
            for d in self.days:
                if d is None:
                    continue
                try:
                    dated.append((_day(d), d))
                except ValueError:
                    continue
            self.sorted_days = sorted(dated)
        order = self.sorted_days
        lo = bisect_left(order, (when - timedelta(days=int(days)),))
        for d, text in order[lo:]:
            if d >= when:
                break
            if self._other(text, doc):
                return 1
        return 0

    def _strength_of_one(self, day: Optional[str], doc: str, window: Optional[float]) -> int:
        """`strength` of a giver of one (day, article) (none: 0), without its dictionaries."""
        if self.one is None:
            return 0
        first_day, first_doc = self.one
        if first_doc == doc:
            return 0  # no other article gives it
        if day is None:
            return 1
        if first_day == day:
            return 2
        if first_day is None:
            return 1
        if window is None:
            return 0
        try:
            when = _day(day)
            first = _day(first_day)
        except ValueError:
            return 0
        gap = (first - when).days
        if window < 1:  # `strength`'s days within int(window) of the day (one dated day given)
            reach = int(window)
            return 1 if -reach <= gap <= reach else 0
        return 1 if abs(gap) <= window else 0


def story_key(key: tuple, attrs: Sequence[str], open_incident: bool) -> tuple:
    """A cluster key without its place (and its incident, when `open_incident`): a figure at no
    place may join a placed cluster of the same story key by its days (`join_moves`)."""
    out = list(key)
    out[2 + list(attrs).index("location")] = None
    if open_incident and "incident" in attrs:
        out[2 + list(attrs).index("incident")] = None
    return tuple(out)


def joins_by_story(unplaced: tuple, placed: tuple, attrs: Sequence[str]) -> bool:
    """May a figure of cluster key `unplaced` (at no place) join `placed`'s cluster by its days?"""
    li = 2 + list(attrs).index("location")
    if unplaced[li] is not None or placed[li] is None or _is_combined(placed[li]):
        return False
    open_incident = "incident" in attrs and unplaced[2 + list(attrs).index("incident")] is None
    return story_key(unplaced, attrs, open_incident) == story_key(placed, attrs, open_incident)


def corroborating_days(a: Optional[str], b: Optional[str], key: tuple, attrs: Sequence[str],
                       cfg: ReconcileConfig) -> bool:
    """May the same figure given on day `a` and on day `b` (ISO dates, None: undated) be one
    quantity of the cluster key `key`'s scope (`join_moves`)?  On the same day or undated; and
    for a running total (a cumulative period) also up to `window_days` apart: a final toll is
    repeated on the days after it was reached ("141 dead" on Tuesday evening and on Wednesday),
    while a day's count of another day is another quantity."""
    if a is None or b is None or a == b:
        return True
    if "period" not in attrs or key[2 + attrs.index("period")] not in _running_periods(cfg):
        return False
    try:
        return abs((_day(a) - _day(b)).days) <= cfg.window_days
    except ValueError:
        return False


def recalls_final(mover: Optional[str], giver: Optional[str], key: tuple, attrs: Sequence[str],
                  cfg: ReconcileConfig) -> bool:
    """May a running total's figure given on day `mover` join a cluster that holds the same figure
    from another article on the earlier day `giver`, beyond `window_days` (`join_moves`): a later
    report recalling the final figure, at most `corroborate_running_days` after it?"""
    days = cfg.corroborate_running_days
    if days is None or mover is None or giver is None:
        return False
    if "period" not in attrs or key[2 + attrs.index("period")] not in _running_periods(cfg):
        return False
    try:
        return 0 < (_day(mover) - _day(giver)).days <= days
    except ValueError:
        return False


def _running_periods(cfg: ReconcileConfig) -> frozenset[str]:
    return frozenset(exact_form(p) for p in cfg.cumulative_periods)


@lru_cache(maxsize=4096)
def _day(iso: str) -> date:
    return date.fromisoformat(iso[:10])


def is_coarser(loc: Optional[str], inferred: bool, other: Optional[str], parents: dict[str, str]) -> bool:
    """May a figure given for `loc` (inferred or not) join a cluster at place `other`?"""
    if other is None or other == loc:
        return False
    if loc is None or inferred:
        return True
    return other in _ancestors(loc, parents)


def mark_moved(m: Member, key: tuple, dest: tuple, attrs: list[str]) -> None:
    """What joining `dest`'s cluster from `key`'s writes on a member (`_join_corroborated`)."""
    li = 2 + attrs.index("location")
    if "location" not in m.uncertain:
        m.uncertain.append("location")
    where = key[li] or "no place"
    m.notes.append(f"figure given for {where}; another article gives the same figure for "
                   f"{dest[li]}: joined that cluster")


def _join_corroborated(
    clusters: dict[tuple, list[Member]], attrs: list[str], cfg: ReconcileConfig,
    stats: GroupingStats,
) -> dict[tuple, list[Member]]:
    """Move the members `join_moves` says to their destination clusters."""
    moves = join_moves(clusters, attrs, cfg)
    if not moves:
        return clusters
    out = {k: list(ms) for k, ms in clusters.items()}
    for key, m, dest in moves:
        out[key] = [x for x in out[key] if x is not m]
        out[dest].append(m)
        mark_moved(m, key, dest, attrs)
        stats.attached += 1
    return {k: ms for k, ms in out.items() if ms}


@lru_cache(maxsize=8)
def _parents_at(directory: str) -> dict[str, str]:
    from crosscheck.ruleset.loader import load_rules

    return {p.id: p.parent for p in load_rules(directory).gazetteer.places if p.parent}


@lru_cache(maxsize=8)
def _regions_at(directory: str) -> frozenset[str]:
    from crosscheck.ruleset.loader import load_rules

    return frozenset(p.id for p in load_rules(directory).gazetteer.places if p.type == "region")


def region_places() -> frozenset[str]:
    """The gazetteer's places of type region (a state, province, governorate), cached."""
    from crosscheck.ruleset.resources import resolved, rules_dir

    return _regions_at(resolved(rules_dir()))  # (an absolute directory resolved once per process)


def place_parents() -> dict[str, str]:
    """Gazetteer place id -> its parent's id, for the rules directory in force (cached)."""
    from crosscheck.ruleset.resources import resolved, rules_dir

    return _parents_at(resolved(rules_dir()))  # (an absolute directory resolved once per process)


def _ancestors(place: str, parents: dict[str, str]) -> list[str]:
    out: list[str] = []
    p = parents.get(place)
    while p is not None and p not in out and len(out) < 16:  # a guard against a cycle in user rules
        out.append(p)
        p = parents.get(p)
    return out


def _disputed_at_home(unit: list[Member], home: dict, doc: str) -> bool:
    """Another article of the home cluster gives, on the same day, a figure the unit does not
    give: leaving would hide a dated disagreement about the home place.  `home`: day -> figure
    -> articles of the home cluster."""
    own = {_figure(m.claim) for m in unit}
    for day in {m.claim.as_of for m in unit if m.claim.as_of is not None}:
        for fig, docs in home.get(day, {}).items():
            if fig not in own and docs - {doc}:
                return True
    return False


def key_canon(key: tuple, attrs: Sequence[str]) -> dict[str, Optional[str]]:
    """The canonical scope of a cluster key (kind, figure, attributes...): what its id hashes."""
    canon: dict[str, Optional[str]] = {a: key[2 + i] for i, a in enumerate(attrs)}
    if key[1] is not None:
        canon = {"value": key[1], **canon}
    return canon


def key_cluster_id(key: tuple, attrs: Sequence[str]) -> str:
    """The id a cluster of this key gets before `-2`, `-3` suffixes (`_make_group`)."""
    return cluster_id(key[0], key_canon(key, attrs))


def _make_group(
    key: tuple, members: list[Member], attrs: list[str], fuzzy: list[str], places: PlaceNames,
    matcher: Optional[FuzzyMatcher] = None,
) -> ScopeGroup:
    kind, ident = key[0], key[1]
    canon = key_canon(key, attrs)
    display: dict[str, Optional[str]] = {}
    if ident is not None:
        display["value"] = ident
    variants: dict[str, set[str]] = {}
    for i, a in enumerate(attrs):
        if canon[a] is None:  # (no member's value is read: a running total holds thousands)
            display[a] = None
            continue
        raws = [scope_value(m.claim, a) for m in members]
        if a == "location" and _is_id(canon[a]):
            display[a] = canon[a]
        else:
            display[a] = _representative(raws)
        if a in fuzzy:
            variants[a] = set()
            for m, r in zip(members, raws):
                form = None if r is None else (
                    places.canonical(r) if a == "location" else exact_form(r))
                m.forms[a] = form
                if form is not None:
                    variants[a].add(form)
    members.sort(key=lambda m: (m.claim.doc, m.claim.start, m.claim.end, m.index))
    block = (kind, ident) + tuple(_block_form(a, key[2 + i]) for i, a in enumerate(attrs) if a not in fuzzy)
    group = ScopeGroup(cluster_id(kind, canon), kind, display, members, variants=variants,
                       block_key=_key_text(block), ckey=key)
    for a, vs in variants.items():
        if len(vs) > 1:
            group.notes.extend(variant_notes(a, vs, members, matcher))
    return group


def variant_notes(attr: str, forms: set[str], members: list[Member],
                  matcher: Optional[FuzzyMatcher]) -> list[str]:
    """What a cluster whose members give `attr` in several forms says of them: names a fuzzy
    match joins are "written differently"; forms no fuzzy match joins (a city and its country,
    a place an article's other figures gave) came together by a join, which each figure's own
    note explains."""
    rep = matcher.components(sorted(forms)) if matcher is not None else {f: min(forms) for f in forms}
    raws: dict[str, set[str]] = defaultdict(set)  # component -> the names written
    spelled: dict[str, set[str]] = defaultdict(set)  # component -> its forms
    for m in members:
        form = m.forms.get(attr)
        if form is not None and (r := _present(getattr(m.claim, attr))):
            raws[rep[form]].add(r)
            spelled[rep[form]].add(form)
    notes = [f"{attr} written differently: {' / '.join(sorted(raws[c]))} (fuzzy match)"
             for c in sorted(raws) if len(spelled[c]) > 1]
    if len(raws) > 1:
        shown = [' / '.join(sorted(raws[c])) for c in sorted(raws)]
        notes.append(f"{attr} differs: {' ; '.join(shown)} (clusters joined, not a fuzzy match; "
                     f"see the figures' notes)")
    return notes


def _dedupe_ids(groups: list[ScopeGroup]) -> None:
    seen: Counter = Counter()
    for g in sorted(groups, key=lambda g: (g.id, dedupe_order(g))):
        seen[g.id] += 1
        if seen[g.id] > 1:
            g.id = f"{g.id}-{seen[g.id]}"
