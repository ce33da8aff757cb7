"""Figures in different clusters that cannot all be true: parts and wholes, combined totals.

    find_inconsistencies(clusters) -> list[Inconsistency]

Constraints, checked between clusters linked by a hierarchy key (crosscheck.reconcile.hierarchy)
and only between claims stated at the same moment:
  * part_exceeds_whole: a part (a city, a province; children, civilians; a subset) is at most
    its whole (the country; all the dead): "1,162 in sindh > 1,136 in pakistan, same day";
  * parts_exceed_whole: disjoint parts (sibling places, or groups that never overlap) add up
    to at most their whole;
  * combination_mismatch: a stated combination ("في البلدين") equals the sum of its places'
    figures: the parts may not add up to more, and, when every place has a figure, not to less;
  * subperiod_exceeds_total: a figure for part of the story's time (`since:<anchor>`, a
    rolling window `last_*`) is at most the running total of the same scope (killed and
    injured only: people displaced in a week may exceed those still displaced), linked by the
    extra key the hierarchy gives a sub-period;
  * tally_exceeds_body: the votes for, against and abstaining on one vote (one vote event,
    settled by crosscheck.reconcile.votes) add up to more than the body has members (15 in the
    Security Council, 193 in the General Assembly: rules/reconcile.yaml `vote_body_sizes`),
    each tally read as its smallest stated value;
  * falling_total, same_day_mismatch: a running total's figure that its growth leaves out - a
    later figure below an earlier one (a stale figure), an earlier one above a later one, or a
    figure another of the same day contradicts - while the cluster's other reports fit one
    growing trajectory over two dates or more (the reconciler records each such figure with the
    kept figure it contradicts: Cluster.outlier_links); one cluster, two claims;
  * same_day_mismatch across clusters: a figure an article recalls for an earlier day it names,
    one digit slip (read loosely: rules/reconcile.yaml `recalled_typo_*`) from the figure another
    article gave that day for the same quantity filed under a linked place (the same, one within
    the other, or none): one report of that day told two ways (`_recalled_typos`);
  * captives_exceed_taken: captives still held at a date plus those freed by then are more
    than those taken (crosscheck.reconcile.captives);
  * number_typo: identity numbers (resolution numbers: each its own cluster) that one story
    gives two ways differing by a digit slip (2736 / 2763: adjacent digits swapped, one digit
    off; causes.digit_typo) - one story being copies of one article (one source group) or
    articles that report the same tally of the same vote (the vote the number names in its
    article, else its unnamed votes and the votes the linking named by a slip of it that its
    article does not name itself: `_tallies_of`).
A claim is an interval; a constraint is violated when no values inside the intervals satisfy
it.  The inconsistency is "hard" when it survives reading every hedge as loosely as its words
allow (crosscheck.reconcile.causes.stretched), else "soft".

The same moment: two claims with the same `as_of` date, or two claims of one article.  An
undated claim is compared only inside its own article: its day is unknown, and a running total's
part reported later may exceed its whole reported earlier, so comparing it across articles would
invent inconsistencies.  A cluster without a place is likewise compared only inside one article
(two unnamed places are not known to be the same).

Cost: clusters are indexed by their own scope key; each cluster looks up its few ancestor keys
(bounded depth), and per linked pair the claims are bucketed by moment, keeping the most
constraining claim of each side: linear in the claims of linked clusters.
"""

from __future__ import annotations

import hashlib
import re
from collections import defaultdict
from typing import Iterable, Optional, Sequence

from crosscheck.models import Cluster, ClusterClaim, Inconsistency, InconsistencyClaim, claim_identity
from crosscheck.reconcile.captives import captive_inconsistencies
from crosscheck.reconcile.causes import digit_typo, stretched
from crosscheck.reconcile.grouping import EARLIER_PERIOD
from crosscheck.reconcile.hierarchy import (ADDITIVE_KINDS, COMBINED_PREFIX, SUB_PERIODS, Hierarchy,
                                            is_combination, load_hierarchy, scope_key)
from crosscheck.reconcile.intervals import Span, agree, claim_span, numeric_value, own_parts
from crosscheck.reconcile.settings import ReconcileConfig, config_or_default
from crosscheck.reconcile.unit_pairs import unit_pair_inconsistencies
from crosscheck.reconcile.votes import transposed

Moment = tuple


def _moment(c: ClusterClaim, placed: bool) -> Optional[Moment]:
    if c.as_of and placed:
        return ("day", c.as_of)
    return ("doc", c.doc, c.as_of)


def _article_moment(c: ClusterClaim) -> Moment:
    """A figure's moment inside its article: its day only when its own sentence names a date
    ("يوم الأحد 25 سبتمبر"); one dated by the article or by "أمس" is the article's news."""
    return ("doc", c.doc, c.as_of if c.as_of_from == "text" else None)


def _fmt(v: Optional[float]) -> str:
    if v is None:
        return "?"
    return f"{int(v):,}" if float(v).is_integer() else f"{v:,.2f}"


_HEDGE_WORDS = {"approx": "about ", "more_than": "more than ", "at_least": "at least ",
                "less_than": "less than ", "at_most": "at most ", "vague": "some "}


def _say(c: ClusterClaim) -> str:
    """The figure as the claim states it, in words: "more than 1,162"."""
    if c.qualifier == "range" and c.low is not None and c.high is not None:
        return f"{_fmt(c.low)}-{_fmt(c.high)}"
    v = numeric_value(c)
    return _HEDGE_WORDS.get(c.qualifier, "") + _fmt(v)


def _where(cl: Cluster) -> str:
    g, loc = cl.key.get("group"), cl.key.get("location")
    parts = []
    if g and g != "all":
        parts.append(g)
    if loc:
        parts.append("in " + (" + ".join(loc.split("+")) if "+" in loc else loc))
    elif not parts:
        parts.append("unnamed scope")
    return " ".join(parts)


def _when(m: Moment) -> str:
    if m[0] == "day":
        return f"same day ({m[1]})"
    return f"same article ({m[1]})"


FALLBACK = "fallback"
# a side read inside each article: every figure, its place stated or taken from its article, at
# the moment of its article (`_moment` unplaced): a part an article sets apart at its own place
# is held against that article's own whole (`_own_article_parts`)
ARTICLE = "article"


class _Side:
    """The claims of one cluster, by moment: spans, loose spans, claims."""

    def __init__(self, cl: Cluster, cfg: ReconcileConfig, member: object = False) -> None:
        # member: True - figures whose place was taken from their article count too; FALLBACK -
        # they count for an article that states no figure of this cluster's place at that moment
        self.cluster = cl
        placed = bool(cl.key.get("location"))
        integral = cl.kind not in cfg.continuous_kinds
        self.at: dict[Moment, list[tuple[ClusterClaim, Span, Span]]] = defaultdict(list)
        aside = {id(cl.claims[i]) for i in own_parts(cl.claims, cfg.own_part_ratio, cfg.continuous_kinds,
                                                      cfg.own_part_leads)}
        later: list[ClusterClaim] = []
        # a headline restating (often rounding) its article's figure of this cluster: the body
        # figure speaks for the article (reconciler._restated_headlines)
        body_docs = {c.doc for c in cl.claims if c.field == "text"}
        for c in cl.claims:
            if c.field == "title" and c.doc in body_docs:
                continue
            if numeric_value(c) is None or c.basis == "projection":
                continue  # a forecast may exceed any count
            if id(c) in aside:
                continue  # far below a larger figure of its own article and day: a part of it
            if c.period == EARLIER_PERIOD:
                continue  # an earlier figure recalled: not of its article's moment
            if placed and member not in (True, ARTICLE) and "location" in c.inferred:
                if member == FALLBACK:
                    later.append(c)
                continue  # its place was taken from the article, not stated: an unnamed town's
                # figure often lands on the country, and must not stand for the country's
            s = claim_span(c, integral)
            loose = stretched(c, s, cfg) or s
            self.at[_article_moment(c) if member == ARTICLE else _moment(c, placed)].append((c, s, loose))
        stated = {(m, c.doc) for m, cs in self.at.items() for c, _s, _l in cs}
        for c in later:
            m = _moment(c, placed)
            if (m, c.doc) not in stated:
                s = claim_span(c, integral)
                self.at[m].append((c, s, stretched(c, s, cfg) or s))

    def most(self, m: Moment, loose: bool = False,
             docs: Optional[frozenset] = None) -> Optional[tuple[ClusterClaim, float]]:
        """The claim with the largest lower bound at m (a part pushes up); of `docs` only, if given."""
        best = None
        for c, s, l in self.at.get(m, ()):
            if docs is not None and c.doc not in docs:
                continue
            lo = (l if loose else s).low or 0.0
            if best is None or lo > best[1]:
                best = (c, lo)
        return best

    def below(self, m: Moment, x: float, loose: bool = False) -> list[tuple[ClusterClaim, float]]:
        """The claims at m whose upper bound is below x (each contradicts a part of at least x)."""
        per_doc: dict[str, tuple[ClusterClaim, float]] = {}
        for c, s, l in self.at.get(m, ()):
            hi = (l if loose else s).high
            hi = float("inf") if hi is None else hi
            if c.doc not in per_doc or hi > per_doc[c.doc][1]:
                per_doc[c.doc] = (c, hi)
        # each source's largest figure of the whole: a smaller one beside it in the same
        # article is about something else (a day's count, a sub-period), not the whole
        out = [t for t in per_doc.values() if t[1] < x]
        return sorted(out, key=lambda t: (t[1], t[0].doc, t[0].start))

    def largest(self, m: Moment, loose: bool = False,
                docs: Optional[frozenset] = None) -> Optional[tuple[ClusterClaim, float]]:
        """The claim with the largest upper bound at m (the most generous reading); of `docs`
        only, if given."""
        best = None
        for c, s, l in self.at.get(m, ()):
            if docs is not None and c.doc not in docs:
                continue
            hi = (l if loose else s).high
            hi = float("inf") if hi is None else hi
            if best is None or hi > best[1]:
                best = (c, hi)
        return best

    def least(self, m: Moment, loose: bool = False) -> Optional[tuple[ClusterClaim, float]]:
        """The claim with the smallest upper bound at m (a whole caps)."""
        best = None
        for c, s, l in self.at.get(m, ()):
            hi = (l if loose else s).high
            hi = float("inf") if hi is None else hi
            if best is None or hi < best[1]:
                best = (c, hi)
        return best


def _cite(c: ClusterClaim, cl: Cluster, role: str) -> InconsistencyClaim:
    return InconsistencyClaim(doc=c.doc, kind=c.kind, value=c.value, cluster=cl.id, qualifier=c.qualifier, surface=c.surface,
                              start=c.start, end=c.end, field=c.field, low=c.low, high=c.high, as_of=c.as_of, role=role)


def _make(kind: str, strength: str, clusters: Sequence[Cluster], cites: list[InconsistencyClaim],
          explanation: str) -> Inconsistency:
    # a headline's claim is told from a body claim at the same offsets; a body claim's part is
    # as it always was (ids in baselines written before headlines were read stay valid)
    payload = "|".join([kind] + [f"{c.cluster}:{c.doc}:{c.start}" + (":title" if c.field == "title" else "")
                                 for c in cites])
    digest = hashlib.blake2b(payload.encode("utf-8"), digest_size=4).hexdigest()
    return Inconsistency(id=f"{kind.replace('_', '-')}-{digest}", type=kind, strength=strength,
                         clusters=list(dict.fromkeys(c.id for c in clusters)), claims=cites,
                         explanation=explanation)


def find_inconsistencies(clusters: Iterable[Cluster], config: Optional[ReconcileConfig] = None,
                         hierarchy: Optional[Hierarchy] = None,
                         tallies: Optional[dict[str, dict[str, set[tuple[str, str]]]]] = None,
                         moments_of: Optional[set[str]] = None) -> list[Inconsistency]:
    """Every violated part/whole or combination constraint (see the module docstring).

    `tallies`: more articles' tallies (doc -> kind -> (vote event, `str(value)`)) besides those of
    the tally clusters given: the votes they report link numbers into one story (number typos).
    `moments_of`: only the part/whole inconsistencies of the moments of these articles' claims
    are wanted (a check cites those of its new articles), so the part/whole constraints read only
    the claims of those moments (`at_moments_of`); the other kinds read every claim."""
    cfg = config_or_default(config)
    h = hierarchy or load_hierarchy()
    all_clusters = list(clusters)
    eligible = [cl for cl in all_clusters if cl.kind in ADDITIVE_KINDS and cl.claims]
    if moments_of is not None:
        eligible = at_moments_of(eligible, moments_of)
    found = part_whole_inconsistencies(eligible, cfg, h)
    found.extend(_outlier_links(all_clusters, cfg))
    found.extend(_recalled_typos(all_clusters, cfg, h))
    found.extend(_number_typos(all_clusters, cfg, tallies))
    found.extend(_tally_sums(all_clusters, cfg))
    found.extend(captive_ledger(all_clusters, cfg))
    found.extend(unit_mismatches(all_clusters, cfg))
    return in_order(found)


def at_moments_of(clusters: Sequence[Cluster], docs: set[str]) -> list[Cluster]:
    """The clusters with only the claims that can share a moment (`_moment`: a day, or an
    article and its day) with a claim of `docs`: those of `docs` and those of the days `docs`'
    claims give.  Every part/whole constraint compares the claims of one moment, and whether a
    figure is set aside as a part of its own article's larger one (own_parts) reads its
    article's claims of its day, all kept; a cluster holding a claim with no number (own_parts
    then sets none aside) is kept whole.  A cluster may be left with no claims: which clusters
    are parts of which does not depend on their claims (`part_whole_inconsistencies`)."""
    days = {c.as_of for cl in clusters for c in cl.claims if c.doc in docs and c.as_of}
    out = []
    for cl in clusters:
        kept = [c for c in cl.claims if c.doc in docs or c.as_of in days]
        if len(kept) < len(cl.claims) and all(numeric_value(c) is not None for c in cl.claims):
            cl = cl.model_copy(update={"claims": kept})
        out.append(cl)
    return out


def captive_ledger(clusters: Sequence[Cluster], cfg: ReconcileConfig) -> list[Inconsistency]:
    """Still held + freed above taken (crosscheck.reconcile.captives)."""
    return captive_inconsistencies(clusters, cfg, _cite, _fmt, _make)


def unit_mismatches(clusters: Sequence[Cluster], cfg: ReconcileConfig) -> list[Inconsistency]:
    """A length in days against the same scope's length in months (crosscheck.reconcile.unit_pairs)."""
    return unit_pair_inconsistencies(clusters, cfg, _cite, _say, _make)


def in_order(found: list[Inconsistency]) -> list[Inconsistency]:
    """Inconsistencies in report order (hard first, by type and id), each id once."""
    found.sort(key=lambda i: (i.strength != "hard", i.type, i.id))
    return _dedupe(found)


def outlier_link_inconsistencies(clusters: Iterable[Cluster]) -> list[Inconsistency]:
    """The running totals' figures left out of their growth (one cluster each: `_outlier_links`)."""
    return _outlier_links(list(clusters), config_or_default(None))


def cross_story_inconsistencies(clusters: Sequence[Cluster], cfg: ReconcileConfig) -> list[Inconsistency]:
    """Number typos and tallies above a body's size (the VOTE_LINKED clusters)."""
    return _number_typos(clusters, cfg) + _tally_sums(clusters, cfg)


def part_whole_inconsistencies(eligible: Sequence[Cluster], cfg: ReconcileConfig,
                               h: Hierarchy) -> list[Inconsistency]:
    """Parts above their wholes, disjoint parts above their whole, combinations against their
    places, sub-periods above their running total, among `eligible` (additive clusters).

    Every constraint compares claims of one moment, so a caller may give each cluster only its
    claims of some moments (even none): the inconsistencies of those moments are the ones all
    claims give.  Which clusters are parts of which depends on the clusters given, not on their
    claims (`eligible` must hold every cluster that has claims)."""
    own: dict[str, list[Cluster]] = defaultdict(list)
    keys: dict[str, list[str]] = {}
    for cl in eligible:
        ks = cl.hierarchy_keys or h.keys(cl.kind, cl.key)
        keys[cl.id] = ks
        own[ks[0]].append(cl)
    sides: dict[tuple[str, bool], _Side] = {}

    def side(cl: Cluster, member: object = False) -> _Side:
        s = sides.get((cl.id, member))
        if s is None:
            s = sides[(cl.id, member)] = _Side(cl, cfg, member)
        return s

    found: list[Inconsistency] = []
    parts_of: dict[str, list[Cluster]] = defaultdict(list)  # whole id -> its direct-scope parts
    by_id = {cl.id: cl for cl in eligible}
    for cl in eligible:
        loc = cl.key.get("location") or ""
        if is_combination(loc):
            if not loc.startswith(COMBINED_PREFIX):
                found.extend(_combination(cl, loc.split("+"), own, h, side))
            continue
        for k in keys[cl.id][1:]:
            for whole in own.get(k, ()):
                if whole.id == cl.id or is_combination(whole.key.get("location") or ""):
                    continue
                if _is_subperiod(cl, whole):
                    found.extend(_part_whole(side(cl), side(whole), "subperiod_exceeds_total",
                                             f"a figure for part of the period ({cl.key.get('period')}) "
                                             "cannot exceed the running total"))
                    continue
                # a group's part of a named group (the foreigners, not everyone) at that group's
                # own place: the whole's figures whose place was taken from their article count
                # too - a named group's figure is not an unnamed town's toll landed on the place
                named = cl.key.get("location") == whole.key.get("location") and \
                    len(h.group_path(whole.key.get("group"))) > 1
                # a place the article singles out ("إقليم إيراوادي وحده") is set against the
                # story's whole: at a moment where the part's figure is so singled out, the
                # whole's figures whose place was taken from their article (the cyclone's
                # national toll) count for an article stating none of that place (FALLBACK)
                alt = side(whole, FALLBACK) if not named and cl.key.get("location") != whole.key.get("location") else None
                found.extend(_part_whole(side(cl), side(whole, named), alt=alt, h=h))
                if _own_article_parts(cl, whole, h):
                    found.extend(_part_whole(side(cl, ARTICLE), side(whole, ARTICLE)))
                parts_of[whole.id].append(cl)
    for wid, parts in parts_of.items():
        found.extend(_parts_sum(by_id[wid], parts, h, side))
    return found


def _own_article_parts(part: Cluster, whole: Cluster, h: Hierarchy) -> bool:
    """Is `part` the plain subset (`subset_prefixes[0]`: a figure set apart at a place the
    gazetteer does not know or counted out of the toll, Hierarchy.annotate) of `whole` at the
    whole's own place, with a figure whose place was taken from its article ("سقط 760 من القتلى
    في إقليم ألباي وحده" beside the country's 720 in one article)?  The regular check leaves
    such figures out (an unnamed town's toll must not stand for the country's across articles);
    inside one article they are checked against that article's largest whole.  A named group
    (soldiers, "subset:<noun>") is left out: measured, a named group placed by its article was
    often another quantity than its article's whole (an operation's soldiers beside a day's dead)."""
    loc = part.key.get("location")
    return bool(loc) and loc == whole.key.get("location") and \
        part.key.get("group") == h.subset_prefixes[0] and \
        any("location:article" in c.inferred for c in part.claims)


def _is_subperiod(part: Cluster, whole: Cluster) -> bool:
    """`whole` is the running total `part`, a figure for part of the time, belongs to
    (linked by the key crosscheck.reconcile.hierarchy gives a sub-period)."""
    return (str(part.key.get("period") or "").startswith(SUB_PERIODS)
            and whole.key.get("period") == "cumulative")


TALLY_KINDS = ("votes_for", "votes_against", "abstentions")
# Kinds compared without hierarchy keys (number typos, tallies above a body's size): a store
# that judges part of its record reads every cluster of these kinds (few in any record).
VOTE_LINKED = ("resolution_number",) + TALLY_KINDS


def _number_typos(clusters: Sequence[Cluster], cfg: ReconcileConfig,
                  more_tallies: Optional[dict[str, dict[str, set[tuple[str, str]]]]] = None) -> list[Inconsistency]:
    """Identity numbers one story gives two ways, differing by a digit slip (module docstring).

    Numbers are bucketed by story link - the source group of their article, and each vote
    tally (the vote, as crosscheck.reconcile.votes linked it, and its figure for or against)
    of the vote the number belongs to in its article (`_tallies_of`) - so only numbers of one
    bucket are compared: linear in the claims but for the few numbers a story names.  Equal figures alone do not make one vote
    (most Security Council votes are 15-0; consecutive resolutions adopted alike are two votes):
    the tally's vote event must be the same."""
    tallies: dict[str, dict[str, set]] = defaultdict(lambda: defaultdict(set))
    for cl in clusters:
        if cl.kind in TALLY_KINDS:
            event = cl.key.get("event") or ""
            for c in cl.claims:
                tallies[c.doc][cl.kind].add((event, str(c.value)))
    for doc, by_kind in (more_tallies or {}).items():
        for kind, values in by_kind.items():
            tallies[doc][kind].update(values)
    signature: dict[str, list[tuple]] = {}
    for doc, by_kind in tallies.items():
        signature[doc] = [(e, k, v) for k in TALLY_KINDS[:2] for e, v in sorted(by_kind.get(k, ()))]
    stated: dict[str, set[int]] = defaultdict(set)  # doc -> the identity numbers it gives
    for cl in clusters:
        if cl.kind in cfg.identity_kinds:
            for c in cl.claims:
                if (n := _whole(c.value)) is not None:
                    stated[c.doc].add(n)
    buckets: dict[tuple, dict[int, tuple[ClusterClaim, Cluster]]] = defaultdict(dict)
    for cl in clusters:
        if cl.kind not in cfg.identity_kinds:
            continue
        for c in cl.claims:
            n = _whole(c.value)
            if n is None:
                continue
            own = _tallies_of(n, signature.get(c.doc, ()), cfg, stated.get(c.doc, ()))
            links = [("copies", c.source_group or c.doc)] + [("tally",) + t for t in own]
            for link in links:
                buckets[link].setdefault(n, (c, cl))  # the first claim of each number per link
    found: list[Inconsistency] = []
    seen: set[tuple[int, int]] = set()
    for link, numbers in sorted(buckets.items(), key=lambda kv: repr(kv[0])):
        if len(numbers) < 2:
            continue
        values = sorted(numbers)
        for i, a in enumerate(values):
            for b in values[i + 1:]:
                (ca, cla), (cb, clb) = numbers[a], numbers[b]
                if ca.doc == cb.doc:
                    continue  # one article naming two numbers names two resolutions
                how = digit_typo(a, b, cfg)
                if not how or (a, b) in seen:
                    continue
                seen.add((a, b))
                why = ("copies of one article" if link[0] == "copies"
                       else f"articles reporting the same vote ({link[3]} {link[2].replace('votes_', '')})")
                found.append(_make("number_typo", "hard", [cla, clb],
                                   [_cite(ca, cla, "number"), _cite(cb, clb, "number")],
                                   f"{ca.kind.replace('_', ' ')} {a} ({ca.doc}) and {b} ({cb.doc}) in "
                                   f"{why}: {how}; one of them is likely mistyped"))
    return found


_RES = re.compile(r"(?:^|[:;])res=(\d+)")


def _tallies_of(n: int, signature: Iterable[tuple], cfg: ReconcileConfig,
                stated: Iterable[int] = ()) -> list[tuple]:
    """The tallies of its article a resolution number `n` is linked by: those of the vote it
    names (event `res=n`) when the article reports one; else those of unnamed votes and of votes
    named by a digit slip of `n` (the vote linking gave the vote another article's number).  A
    number never joins the tallies of another vote ("resolution 2216 adopted by 11 votes;
    resolution 2030 calls for ..." links 2030 to no tally), nor those of a vote its own article
    names by another of its numbers - the vote's or a swap of it, the linking's only merge
    ("resolution 2010 adopted by 11 votes ... Brazil abstained on resolution 2710": 2710 is
    another text, not a slip of 2010).  `stated`: the identity numbers the article gives."""
    def res(event: str) -> Optional[int]:
        m = _RES.search(event)
        return int(m.group(1)) if m else None

    own = [t for t in signature if res(t[0]) == n]
    if own:
        return own
    others = [str(m) for m in stated if m != n]

    def named_otherwise(r: int) -> bool:
        """Its article gives the vote's number `r` itself, or a swap of it: the name the vote
        linking read in the article (crosscheck.reconcile.votes joins swapped numbers only)."""
        return any(m == str(r) or transposed(m, str(r)) for m in others)

    return [t for t in signature
            if (r := res(t[0])) is None or (digit_typo(n, r, cfg) and not named_otherwise(r))]


_BODY = re.compile(r"(?:^|[:;])body=([a-z]+)")
_BODY_NAMES = {"sc": "the Security Council", "ga": "the General Assembly"}


def _tally_sums(clusters: Sequence[Cluster], cfg: ReconcileConfig) -> list[Inconsistency]:
    """Votes for + against + abstaining on one vote above the body's size (module docstring)."""
    by_vote: dict[str, dict[str, tuple[ClusterClaim, Cluster, float]]] = defaultdict(dict)
    for cl in clusters:
        event = cl.key.get("event") or ""
        if cl.kind not in TALLY_KINDS or not event.startswith("vote:"):
            continue
        for c in cl.claims:
            if c.outlier:
                continue
            low = c.low if c.low is not None else _whole(c.value)
            if low is None:
                continue
            best = by_vote[event].get(cl.kind)
            if best is None or low < best[2]:
                by_vote[event][cl.kind] = (c, cl, float(low))
    found = []
    for event, tallies in sorted(by_vote.items()):
        m = _BODY.search(event[len("vote:"):])
        size = cfg.vote_body_sizes.get(m.group(1)) if m else None
        if size is None or len(tallies) < 2:
            continue
        total = sum(t[2] for t in tallies.values())
        if total <= size:
            continue
        parts = [tallies[k] for k in TALLY_KINDS if k in tallies]
        words = " + ".join(f"{_fmt(low)} {k.replace('votes_', '').replace('abstentions', 'abstaining')} ({c.doc})"
                           for k, (c, _cl, low) in zip([k for k in TALLY_KINDS if k in tallies], parts))
        found.append(_make("tally_exceeds_body", "hard", [cl for _c, cl, _l in parts],
                           [_cite(c, cl, k) for k, (c, cl, _l) in zip([k for k in TALLY_KINDS if k in tallies], parts)],
                           f"{words} = {_fmt(total)} votes, more than the {size} members of "
                           f"{_BODY_NAMES.get(m.group(1), m.group(1))}"))
    return found


def _outlier_links(clusters: Sequence[Cluster], cfg: ReconcileConfig) -> list[Inconsistency]:
    """Each figure a running total's growth leaves out, with the kept figure it contradicts
    (Cluster.outlier_links, decided by the reconciler): "1,191 killed in pakistan (b,
    2022-09-05) is below 1,208 (a, 2022-09-02), reported earlier"."""
    found = []
    for cl in clusters:
        if not cl.outlier_links:
            continue
        at = {claim_identity(c): c for c in cl.claims}
        for link in cl.outlier_links:
            out = at.get(claim_identity(link.claim))
            ref = at.get(claim_identity(link.reference))
            if out is None or ref is None:
                continue
            what = f"{out.kind} {_where(cl)}"
            said = f"{_say(out)} {what} ({out.doc}, {out.as_of or 'undated'})"
            also: list[ClusterClaim] = []
            if link.direction == "same_day" and _rival_counters(out, ref, cfg.rival_counter_ratio):
                # one article giving two counters' figures side by side ("قال رئيس الوزراء إن
                # الحصيلة 95 ... في المقابل قال الحزب إن عدد القتلى بلغ 128"): it reports two
                # counting methods, it does not contradict itself (rules/reconcile.yaml
                # rival_counter_ratio)
                continue
            if link.direction == "same_day":
                # (two figures both left out of the growth, of one day: the reference is an
                # outlier too, named as such - crosscheck.reconcile.reconciler._outlier_pairs)
                # the kept figure as other outlets gave it that day (a wire and its reprints):
                # each contradicts the outlier alike, so the finding names them all
                # (not the outlier's own article: it does not contradict itself)
                also = [c for c in cl.claims if not c.outlier and c.doc not in (ref.doc, out.doc)
                        and c.as_of == ref.as_of
                        and (c.low, c.high, c.qualifier) == (ref.low, ref.high, ref.qualifier)]
                by = f", also {', '.join(sorted({c.doc for c in also}))}" if also else ""
                expl = (f"{said} and {_say(ref)} ({ref.doc}{by}) the same day, both left out of the growth the "
                        "other reports tell: one running total cannot be both") if ref.outlier else (
                        f"{said} and {_say(ref)} ({ref.doc}{by}) in the same undated report: one moment's "
                        "running total cannot be both; the other reports fit one growing total with the second "
                        "figure") if cl.trajectory and not out.as_of else (
                        f"{said} and {_say(ref)} ({ref.doc}{by}) the same day: one running total cannot be "
                        "both; the other reports fit one growing total with the second figure") if cl.trajectory else (
                        f"{said}, recalled for its day, and {_say(ref)} ({ref.doc}{by}) the same day: one "
                        "count of that day cannot be both; the other reports agree with the second figure")
                kind, cites = "same_day_mismatch", [_cite(ref, cl, "outlier" if ref.outlier else "kept"),
                                                    _cite(out, cl, "outlier")]
            elif link.direction == "after_revision":
                # the old figure as outlets gave it before the revision: what was revised away
                before = [c for c in cl.claims if c is not out and c.doc != out.doc and c.as_of and ref.as_of
                          and c.as_of <= ref.as_of and (c.low, c.high) == (out.low, out.high)]
                was = f", revised from {', '.join(sorted({c.doc for c in before}))}" if before else ""
                expl = (f"{said} repeats a figure revised down to {_say(ref)} ({ref.doc}, "
                        f"{ref.as_of or 'undated'}{was}), reported earlier: a stale figure; the other "
                        "reports fit one growing total with the revision")
                kind, cites = "falling_total", [_cite(ref, cl, "revised"), _cite(out, cl, "stale")]
                cites += [_cite(c, cl, "before_revision") for c in sorted(before, key=lambda c: (c.doc, c.start))]
            elif link.direction == "below_earlier":
                # the earlier figure as other outlets gave it before the stale one, whatever their
                # hedge (an attack's first toll "at least 8" and "eight" days later): each is above
                # the stale figure alike
                also = [c for c in cl.claims if not c.outlier and c.doc not in (ref.doc, out.doc)
                        and c.as_of and out.as_of and c.as_of < out.as_of
                        and _same_figure(c, ref) and _above(c, out)]
                by = f", also {', '.join(sorted({c.doc for c in also}))}" if also else ""
                expl = (f"{said} is below {_say(ref)} ({ref.doc}, {ref.as_of or 'undated'}{by}), reported "
                        "earlier: a running total cannot fall; the other reports fit one growing total, "
                        "so the later figure is stale or wrong")
                kind, cites = "falling_total", [_cite(ref, cl, "earlier"), _cite(out, cl, "stale")]
            else:
                # the later figure as other outlets gave it, from the outlier's day on, whatever
                # their hedge: each is below the earlier, higher figure alike
                also = [c for c in cl.claims if not c.outlier and c.doc not in (ref.doc, out.doc)
                        and c.as_of and out.as_of and c.as_of[:10] >= out.as_of[:10]
                        and _same_figure(c, ref) and _above(out, c)]
                by = f", also {', '.join(sorted({c.doc for c in also}))}" if also else ""
                expl = (f"{said} is above {_say(ref)} ({ref.doc}, {ref.as_of or 'undated'}{by}), reported "
                        "later: a running total cannot fall; the other reports fit one growing total "
                        "without the earlier, higher figure")
                kind, cites = "falling_total", [_cite(out, cl, "too_high"), _cite(ref, cl, "later")]
            inc = _make(kind, link.strength, [cl], cites, expl)  # (its id from the pair alone)
            role = {"below_earlier": "earlier", "above_later": "later"}.get(link.direction, "kept")
            inc.claims.extend(_cite(c, cl, role) for c in sorted(also, key=lambda c: (c.doc, c.start)))
            found.append(inc)
    return found


def _recalled_typos(clusters: Sequence[Cluster], cfg: ReconcileConfig, h: Hierarchy) -> list[Inconsistency]:
    """A figure an article recalls for an earlier day it names ("وكانت الحصيلة مساء الأربعاء
    250") that another article gives for that same day one digit slip away (260: one digit
    off, two adjacent digits swapped, a zero dropped or added: causes.digit_typo), in another
    cluster of the same quantity - the recall's place inferred otherwise (the quake's province,
    the country; none at all), same kind, group, period and event, the places one within the
    other or one unknown: one report of that day told two ways, a `same_day_mismatch`.  A part
    and its whole may well differ, but hardly by a digit slip on the very day a later article
    recalls; not when a hedge, read loosely, lets the two meet ("ما لا يقل عن 637" and 647).
    Cost: one pass to index the claims by (kind, day, value), O(digits) look-ups per recalled
    figure."""
    from crosscheck.reconcile.causes import typo_variants

    loose = cfg.model_copy(update={"typo_min_value": cfg.recalled_typo_min_value,
                                   "typo_min_significant_digits": cfg.recalled_typo_min_significant_digits})
    index: dict[tuple, list[tuple[Cluster, ClusterClaim]]] = defaultdict(list)
    recalled: list[tuple[Cluster, ClusterClaim, int]] = []
    for cl in clusters:
        if cl.kind not in ADDITIVE_KINDS:
            continue
        for c in cl.claims:
            v = _whole(numeric_value(c))
            if v is None or not c.as_of:
                continue
            index[(cl.kind, c.as_of[:10], v)].append((cl, c))
            if c.as_of_from in ("relative", "text") and c.date and c.as_of[:10] < c.date[:10]:
                recalled.append((cl, c, v))
    found: list[Inconsistency] = []
    variants: dict[int, set[int]] = {}
    seen: set[frozenset[int]] = set()  # a pair of recalls of one day met from either side: one finding
    for cl, r, v in recalled:
        if v not in variants:
            variants[v] = typo_variants(v, loose)
        for b in sorted(variants[v]):
            for ocl, o in index.get((cl.kind, r.as_of[:10], b), ()):
                if ocl.id == cl.id or o.doc == r.doc or not _same_quantity(cl, ocl, h):
                    continue
                pair = frozenset((id(r), id(o)))
                if pair in seen:
                    continue
                seen.add(pair)
                if agree([stretched(c, claim_span(c, True), cfg) or claim_span(c, True) for c in (r, o)]):
                    continue  # a hedge lets them meet ("ما لا يقل عن 637" and 647)
                what = f"{r.kind} {_where(cl)}"
                expl = (f"{_say(r)} {what} ({r.doc}), recalled for {r.as_of[:10]}, and {_say(o)} "
                        f"({o.doc}) given that day differ by a digit slip: one report of that day told "
                        "two ways")
                found.append(_make("same_day_mismatch", "hard", [ocl, cl],
                                   [_cite(o, ocl, "kept"), _cite(r, cl, "outlier")], expl))
    return found


def _same_quantity(a: Cluster, b: Cluster, h: Hierarchy) -> bool:
    """Same kind, group, period and event; places the same, one unknown, or one within the other
    (not combinations)."""
    ka, kb = a.key, b.key
    if a.kind != b.kind or any(ka.get(f) != kb.get(f) for f in ("group", "period", "event")):
        return False
    la, lb = ka.get("location"), kb.get("location")
    if not la or not lb or la == lb:
        return True
    if is_combination(la) or is_combination(lb):
        return False
    return la in h.place_path(lb) or lb in h.place_path(la)


def _rival_counters(a: ClusterClaim, b: ClusterClaim, ratio: Optional[float]) -> bool:
    """Two figures one article gives for one day, at most `ratio` apart, not both attributed to
    one counter: the article tells two quantities side by side - two counters (one may be its
    own account beside a named rival's, "في المقابل، قال مصدر أمني إن 20 شخصا قتلوا"), a batch
    beside the total, a part beside its whole, an earlier figure of the day - it does not
    contradict itself.  (Of two figures' pairs within one article the judgements of the
    development sets call 976 no conflict and 31 a conflict.)  One counter's two figures
    (the same attribution) still are a mismatch, and so are figures far apart (a guess from
    the ruins against a ministry's count: a dispute the article reports)."""
    if ratio is None or a.doc != b.doc:
        return False
    if a.attribution and a.attribution == b.attribution:
        return False
    va, vb = numeric_value(a), numeric_value(b)
    if not va or not vb or va <= 0 or vb <= 0 or max(va, vb) / min(va, vb) > ratio:
        return False
    # two counters of one quantity speak of one place: sentences naming different countries
    # ("أعلنت حكومة موزمبيق ... 293" beside "وفي زيمبابوي ... 154") tell two quantities
    from crosscheck.reconcile.story_places import named_countries

    na, nb = named_countries([a.sentence or ""]), named_countries([b.sentence or ""])
    return not (na and nb and not (na & nb))


def _same_figure(a: ClusterClaim, b: ClusterClaim) -> bool:
    """Do two figures state the same number (hedged alike or not: "at least 8", "eight")?"""
    va, vb = _number(a.value), _number(b.value)
    return va is not None and va == vb


def _number(v) -> Optional[float]:
    try:
        return float(v)
    except (TypeError, ValueError):
        return None


def _above(a: ClusterClaim, b: ClusterClaim) -> bool:
    """Is all of `a`'s interval above all of `b`'s?"""
    return a.low is not None and b.high is not None and a.low > b.high


def _whole(v) -> Optional[int]:
    try:
        f = float(v)
    except (TypeError, ValueError):
        return None
    return int(f) if f.is_integer() else None


def _dedupe(items: list[Inconsistency]) -> list[Inconsistency]:
    seen: set[str] = set()
    out = []
    for i in items:
        if i.id not in seen:
            seen.add(i.id)
            out.append(i)
    return out


def _part_whole(part: _Side, whole: _Side, kind: str = "part_exceeds_whole",
                reason: str = "a part cannot exceed its whole", alt: Optional[_Side] = None,
                h: Optional[Hierarchy] = None) -> list[Inconsistency]:
    """`alt`: the whole read with FALLBACK, used at a moment whose part figure is singled out
    at its stated place ("وحده", Hierarchy.alone_near): decided by that moment's claims only."""
    out = []
    main = whole
    for m in part.at:
        p = part.most(m)
        if p is None:
            continue
        pc = p[0]
        whole = main
        if alt is not None and h is not None and "location" not in pc.inferred and h.alone_near(pc):
            whole = alt
        if m not in whole.at:
            continue
        # a whole given earlier in the day than the part (a morning toll, the part's evening
        # figure) had not yet grown to it: only wholes of the part's moment or later cap it
        wholes = [w for w in whole.below(m, p[1]) if not _earlier_in_day(w[0], pc)]
        if not wholes:
            continue
        loose_low = next(l.low or 0.0 for c, s, l in part.at[m] if c is pc)
        hard = bool(whole.below(m, loose_low, True))
        wc = wholes[0][0]
        others = f" (and {len(wholes) - 1} more figure(s) of the whole)" if len(wholes) > 1 else ""
        expl = (f"{_say(pc)} {pc.kind} {_where(part.cluster)} ({pc.doc}) > {_say(wc)} "
                f"{_where(whole.cluster)} ({wc.doc}){others}, {_when(m)}: {reason}")
        cites = [_cite(pc, part.cluster, "part")] + [_cite(c, whole.cluster, "whole") for c, _ in wholes]
        out.append(_make(kind, "hard" if hard else "soft",
                         [part.cluster, whole.cluster], cites, expl))
    return out


def _earlier_in_day(whole: ClusterClaim, part: ClusterClaim) -> bool:
    """Was the whole's figure given at an earlier part of the same day than the part's
    (crosscheck.reconcile.within_day: the parts of the day their sentences name)?"""
    if whole.as_of != part.as_of or whole.as_of is None:
        return False
    w, p = _slot(whole), _slot(part)
    return w is not None and p is not None and w < p


def _slot(c: ClusterClaim) -> Optional[int]:
    from crosscheck.reconcile.dating import date_rules, figure_offset
    from crosscheck.reconcile.within_day import part_slot
    from crosscheck.text.dates import part_of_day

    return part_slot(c, date_rules(), part_of_day, figure_offset)


def _disjoint_parts(whole: Cluster, parts: list[Cluster], h: Hierarchy) -> list[list[Cluster]]:
    """Sets of parts that never overlap: sibling places of the whole's group (the largest of
    nested ones), and groups of one disjoint set at the whole's place."""
    g, loc = whole.key.get("group"), whole.key.get("location")
    by_place = [p for p in parts if p.key.get("group") == g and p.key.get("location") != loc]
    places = {p.key.get("location") for p in by_place}
    top = [p for p in by_place
           if not any(a in places for a in h.place_path(p.key.get("location"))[1:])]
    sets = [top]
    same_place = [p for p in parts if p.key.get("location") == loc and p.key.get("group") != g]
    for dis in h.disjoint:
        sets.append([p for p in same_place if p.key.get("group") in dis])
    return [s for s in sets if len({p.key.get("location") for p in s} | {p.key.get("group") for p in s}) > 1
            and len(s) >= 2]


def _parts_sum(whole: Cluster, parts: list[Cluster], h: Hierarchy, side) -> list[Inconsistency]:
    out = []
    w = side(whole)
    for group in _disjoint_parts(whole, parts, h):
        # one cluster per distinct scope (several clusters of one scope are rival figures, not parts)
        scopes: dict[tuple, Cluster] = {}
        for p in group:
            scopes.setdefault((p.key.get("group"), p.key.get("location")), p)
        group = list(scopes.values())
        if len(group) < 2:
            continue
        for m in w.at:
            least = w.least(m)
            if least is None:
                continue
            # a part that alone exceeds the whole is its own part_exceeds_whole: summing it
            # with the others would only drag them into its error
            present = [(p, side(p).most(m), side(p).most(m, True)) for p in group
                       if m in side(p).at and side(p).most(m)[1] <= least[1]]
            if len(present) < 2:
                continue
            total = sum(x[1][1] for x in present)
            if total <= least[1]:
                continue
            loose_total = sum(x[2][1] for x in present)
            strength = "hard" if loose_total > w.least(m, True)[1] else "soft"
            wc = least[0]
            terms = " + ".join(f"{_say(x[1][0])} {_where(x[0])}" for x in present)
            expl = (f"{terms} = {_fmt(total)} or more > {_say(wc)} {_where(whole)} ({wc.doc}), "
                    f"{_when(m)}: parts that do not overlap cannot add up to more than their whole")
            cites = [_cite(x[1][0], x[0], "part") for x in present] + [_cite(wc, whole, "whole")]
            out.append(_make("parts_exceed_whole", strength, [x[0] for x in present] + [whole], cites, expl))
    return out


def _combination(combo: Cluster, members: list[str], own, h: Hierarchy, side) -> list[Inconsistency]:
    """A stated combination against the sum of its places' figures, moment by moment."""
    out = []
    c = side(combo)
    member_clusters: dict[str, list[Cluster]] = {}
    for place in members:
        k = scope_key(combo.kind, combo.key, _group(combo), place)
        member_clusters[place] = [cl for cl in own.get(k, ()) if cl.id != combo.id]
    for m in c.at:
        present = []
        # the articles stating the combination at m: where one gives a place's figure too, its
        # own sum is what it states ("نحو 450 … و259، ليتجاوز الإجمالي في البلدين 700"), not
        # another outlet's figure for that place (their disagreement is the place's cluster's)
        stating = frozenset(x[0].doc for x in c.at[m])
        for place, cls in member_clusters.items():
            best = None
            own_docs = stating if any(x[0].doc in stating for cl in cls
                                      for x in side(cl, member=True).at.get(m, ())) else None
            for cl in cls:
                # a place of a list ("300 in Iran and 5 in Iraq") is often marked uncertain by
                # the extractor; beside a stated combination its place is the one named
                ms = side(cl, member=True)
                hit = ms.most(m, docs=own_docs)
                if hit is not None and (best is None or hit[1] > best[1][1]):
                    best = (cl, hit, ms.most(m, True, own_docs), ms.largest(m, docs=own_docs),
                            ms.largest(m, True, own_docs))
            if best is not None:
                present.append(best)
        if not present:
            continue
        complete = len(present) == len(members)
        low_sum = sum(x[1][1] for x in present)
        high_sum = sum(x[3][1] for x in present)
        cap, floor_ = c.least(m), c.most(m)
        over = low_sum > cap[1]
        under = complete and high_sum < floor_[1]
        if not (over or under):
            continue
        loose_low = sum(x[2][1] for x in present)
        loose_high = sum(x[4][1] for x in present)
        hard = (loose_low > c.least(m, True)[1]) if over else (loose_high < c.most(m, True)[1])
        cited = cap[0] if over else floor_[0]
        terms = " + ".join(f"{_say(x[1][0])} {_where(x[0])}" for x in present)
        if over:
            expl = (f"{terms} = {_fmt(low_sum)} or more > {_say(cited)} {_where(combo)} "
                    f"({cited.doc}), {_when(m)}: the places' figures add up to more than their stated total")
        else:
            expl = (f"{terms} = at most {_fmt(high_sum)} < {_say(cited)} {_where(combo)} "
                    f"({cited.doc}), {_when(m)}: the stated total is more than its places' figures add up to")
        cites = [_cite(x[1][0], x[0], "part") for x in present] + [_cite(cited, combo, "combination")]
        out.append(_make("combination_mismatch", "hard" if hard else "soft",
                         [x[0] for x in present] + [combo], cites, expl))
    return out


def _group(cl: Cluster) -> Optional[str]:
    g = cl.key.get("group")
    from crosscheck.reconcile.hierarchy import _norm
    return _norm(g)
