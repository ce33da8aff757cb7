"""Group claims into clusters of one quantity and decide which clusters conflict.

    reconcile(claims, documents=None, config=None) -> list[Cluster]
    build_report(documents, clusters) -> Report

A cluster is consistent when one value satisfies every claim (each claim is the interval its
qualifier implies), otherwise a conflict.  Time matters when documents carry dates: a cluster
is judged at each reporting date r, where
  * undated claims count as simultaneous with everything;
  * for cumulative totals (monotonic scopes) claims of the same day are simultaneous, an
    earlier claim is a lower bound at r and a later one an upper bound (within
    `monotonic_tolerance`): a later, higher report is growth, whatever the gap; a later,
    lower one is a conflict (a stale figure: reporting_lag);
  * other figures within `window_days` of r are simultaneous, and further away not compared;
  * claims about one fixed event (a vote) are compared whatever their dates.
For a conflict the consensus is the stretch of values backed by the most independent sources
(wire copies count once), claims outside it are outliers, and crosscheck.reconcile.causes names a cause and
a severity.  Clusters come back conflicts first (severity descending), then consistent, then
single claims; ties by id, so the order does not depend on the input order.
"""

from __future__ import annotations

import hashlib
import math
from bisect import bisect_left, bisect_right
from dataclasses import replace
from itertools import accumulate
from datetime import date, datetime, timedelta
from typing import Iterable, Optional, Sequence

from crosscheck.reconcile.cluster_claims import cluster_claim
from crosscheck.reconcile.causes import Judged, classify, severity, stretched
from crosscheck.reconcile.trajectory import Item, fit, fits_all
from crosscheck.errors import InputError
from crosscheck.reconcile.grouping import EARLIER_PERIOD, ScopeGroup, exact_form, group_claims, since_day
from crosscheck.reconcile.intervals import (
    SUM_PART,
    Span,
    categorical_consensus,
    claim_span,
    common,
    has_rival,
    numeric_value,
    own_parts,
    sweep,
)
from crosscheck.reconcile.intervals import agree as agree_all
from crosscheck.models import (ClaimRef, Claim, Cluster, Document, OutlierLink, Report,
                               ReportDocument, TrajectoryPoint)
from crosscheck.reconcile.settings import ReconcileConfig, config_or_default
from crosscheck.reconcile.sources import SourceGroups, source_groups
from crosscheck.reconcile.dating import (date_claims, document_dates, month_part_days, month_part_window_of,
                                        after_event_days, month_day_days, own_day_key, parse_iso,
                                        weekday_days)
from crosscheck.reconcile.hierarchy import load_hierarchy
from crosscheck.reconcile.inconsistencies import find_inconsistencies
from crosscheck.reconcile.running import stage_groups, tells_growth, tells_running
from crosscheck.reconcile.votes import link_votes
from crosscheck.reconcile.within_day import moments
from crosscheck.reconcile.stated_whole import one_moment_dates
from crosscheck.reconcile.periods import resolve_periods, time_parts
from crosscheck.reconcile.day_counts import is_day_count, settled_dates
from crosscheck.reconcile.ended import final_length_dates, is_ended_length
from crosscheck.reconcile.elapsed import carry_elapsed
from crosscheck.reconcile.sentence_places import place_by_sentence
from crosscheck.reconcile.sums import mark_sum_parts
from crosscheck.reconcile.revisions import dated_earlier, first_told, revisions
from crosscheck.reconcile.trajectory import fit_in_stretches
from crosscheck.reconcile.headline import headline_shorthand
from crosscheck.ruleset.period_rules import period_rules
from crosscheck.util.gc_pause import collector_paused

_STATUS_ORDER = {"conflict": 0, "consistent": 1, "single": 2}


# ---------------------------------------------------------------------- public API


def reconcile(
    claims: list[Claim],
    documents: list[Document] | None = None,
    config: ReconcileConfig | None = None,
    *,
    sources: SourceGroups | None = None,
    units: set[str] | None = None,
) -> list[Cluster]:
    """Group `claims` into clusters and judge each one (see the module docstring).

    `sources`: near-duplicate groups already known (e.g. from a store's fingerprints) instead
    of computing them from the documents' texts.  `units`: judge only the clusters of these
    unit keys (grouping.unit_key); `claims` must then hold every claim of those units.

    The cyclic collector is held off meanwhile (util.gc_pause): judging makes many objects and
    next to no garbage cycles, and each full collection would re-read every live one.
    """
    with collector_paused():
        return _reconcile(claims, documents, config, sources, units)


def _reconcile(claims, documents, config, sources, units) -> list[Cluster]:
    cfg = config_or_default(config)
    docs = list(documents or [])
    claims = [_as_claim(c, i) for i, c in enumerate(claims)]
    ddates = document_dates(docs)
    doc_dates = {k: (v.isoformat() if v else None) for k, v in ddates.dates.items()}
    if sources is None:
        sources = source_groups(docs, cfg) if docs else SourceGroups()
    hier = load_hierarchy()
    claims, repair_notes = prepare_claims(claims, ddates, documents=docs, hier=hier)
    claims = link_votes(claims, sources=sources)
    grouping = group_claims(claims, cfg, units)
    clusters = judge_groups(grouping.groups, repair_notes, doc_dates, sources, cfg, hier)
    clusters.sort(key=_sort_key)
    return clusters


def prepare_claims(claims: Sequence[Claim], ddates, date_rules=None, documents: Sequence[Document] = (),
                   hier=None) -> tuple[list[Claim], list[Optional[str]]]:
    """`reconcile`'s first steps on the claims of whole `documents`: an empty interval repaired
    (with its note), each claim dated, combined figures placed (hierarchy.annotate), the parts an
    article gives of its own totals marked (sums.mark_sum_parts).  Returns
    (claims, repair note or None per claim)."""
    repaired = [_repair_claim(c) for c in claims]
    dated = date_claims([c for c, _ in repaired], ddates, date_rules)
    dated = time_parts(resolve_periods(dated, period_rules().since_total_min_days))
    dated = (hier or load_hierarchy()).annotate(dated, documents)
    dated = headline_shorthand(dated, documents)
    dated = mark_sum_parts(place_by_sentence(dated))
    return dated, [note for _c, note in repaired]


def judge_groups(groups, repair_notes: Sequence[Optional[str]], doc_dates: dict[str, Optional[str]],
                 sources: SourceGroups, cfg: ReconcileConfig, hier=None) -> list[Cluster]:
    """Judge grouped members; `repair_notes[m.index]` is the note of member m's claim repair.
    Members get their place and group paths, clusters their hierarchy keys."""
    hier = hier or load_hierarchy()
    for g in groups:
        for m in g.members:
            m.claim = hier.with_paths(m.claim)
            note = repair_notes[m.index]
            if note:
                m.notes.append(note)
        # a figure recalled for a part of a month names a report of a day of it (dating.month_part_days)
        snapped = month_part_days([m.claim for m in g.members], doc_dates)
        for m, day in snapped.items():
            g.members[m].claim = g.members[m].claim.model_copy(update={"as_of": day.isoformat()})
        if snapped:
            g.notes.append(f"{len(snapped)} figure(s) recalled for a part of a month read at the day of "
                           "that part another article reports")
        # a weekday named as the one after the event ("يوم السبت الذي تلا الانفجار") is that week's
        followed = after_event_days([m.claim for m in g.members])
        for m, day in followed.items():
            g.members[m].claim = g.members[m].claim.model_copy(update={"as_of": day.isoformat()})
        if followed:
            g.notes.append(f"{len(followed)} figure(s) dated by the weekday that followed the event read "
                           "at its first such day after the cluster's first")
        # an undated article's figure naming a weekday, or a day and month with no year, stands
        # at the cluster's one day of it
        anchored = weekday_days([m.claim for m in g.members], doc_dates)
        named = month_day_days([m.claim for m in g.members], doc_dates)
        for m, day in named.items():
            g.members[m].claim = g.members[m].claim.model_copy(
                update={"as_of": day.isoformat(), "as_of_from": "text"})
        if named:
            g.notes.append(f"{len(named)} figure(s) of an undated article read at the one day of the "
                           "day and month they name that the cluster's dated figures stand at")
        for m, day in anchored.items():
            g.members[m].claim = g.members[m].claim.model_copy(
                update={"as_of": day.isoformat(), "as_of_from": "relative"})
        if anchored:
            g.notes.append(f"{len(anchored)} figure(s) of an undated article read at the one day of the "
                           "weekday they name that the cluster's dated figures stand at")
    clusters = [_judge(g, doc_dates, sources, cfg) for g in groups]
    for cl in clusters:
        cl.hierarchy_keys = hier.keys(cl.kind, cl.key)
    return clusters


def sort_key(c: Cluster) -> tuple:
    """The report's order: conflicts (most severe first), consistent, single; ties by id."""
    return _sort_key(c)


def build_report(documents: list[Document], clusters: list[Cluster],
                 config: ReconcileConfig | None = None) -> Report:
    """The JSON report (models.Report): the documents read, the clusters found and the
    inconsistencies between clusters (crosscheck.reconcile.inconsistencies)."""
    found = document_dates(documents)
    docs = [
        ReportDocument(
            id=d.id,
            path=d.path,
            date=d.date or (found.dates[d.id].isoformat() if found.dates.get(d.id) else None),
            date_from=found.source.get(d.id),
            source=d.source,
            url=d.url,
            sha256=d.sha256 or hashlib.sha256(d.text.encode("utf-8")).hexdigest(),
        )
        for d in sorted(documents, key=lambda d: d.id)
    ]
    ordered = sorted(clusters, key=_sort_key)
    return Report(documents=docs, clusters=ordered,
                  inconsistencies=find_inconsistencies(ordered, config))


# ---------------------------------------------------------------------- input checks


def _as_claim(c: object, i: int) -> Claim:
    if isinstance(c, Claim):
        return c
    if isinstance(c, dict):
        try:
            return Claim.model_validate(c)
        except Exception as exc:  # pydantic's message is long; keep the first line
            first = str(exc).splitlines()[0]
            raise InputError(f"claim {i + 1}: not a valid claim ({first})") from None
    raise InputError(f"claim {i + 1}: expected a Claim, got {type(c).__name__}")


def _repair_claim(c: Claim) -> tuple[Claim, Optional[str]]:
    """A claim whose interval allows no value (an extractor slip) falls back to its figure.

    One bad interval must not stop a whole run over thousands of articles, nor make a false
    conflict: the stated value is used instead, and the cluster says so.
    """
    if c.low is None or c.high is None:
        return c, None
    if not (c.low > c.high or (c.low == c.high and (c.low_open or c.high_open))):
        return c, None
    v = numeric_value(c)
    note = (f"{c.surface!r} came with the empty interval "
            f"{'(' if c.low_open else '['}{c.low:g}, {c.high:g}{')' if c.high_open else ']'}; "
            "its stated figure is used instead")
    fixed = c.model_copy(update={"low": v, "high": v, "low_open": False, "high_open": False})
    return fixed, note


def _claim_date(c: Claim) -> Optional[date]:
    if not c.as_of:
        return None
    return parse_iso(c.as_of, f"claim in {c.doc}")


def _first_publication(cdates, spans, groups) -> list[Optional[date]]:
    """A figure a copy repeats is dated by the copy that published it first.

    Copies of one story (a source group) republished on later days repeat its figures; they do
    not make a trajectory, nor meet another source's later figures as if they were new.  A copy
    that gives a different figure (an update) keeps its own date.
    """
    first: dict[tuple, date] = {}
    for d, s, g in zip(cdates, spans, groups):
        if d is not None and ((g, s) not in first or d < first[(g, s)]):
            first[(g, s)] = d
    return [first.get((g, s), d) if d is not None else first.get((g, s)) for d, s, g in zip(cdates, spans, groups)]


def _sort_key(c: Cluster) -> tuple:
    return (_STATUS_ORDER[c.status], -(c.severity or 0.0), c.id)


# ---------------------------------------------------------------------- judging


def _past_event(group: ScopeGroup, cfg: ReconcileConfig) -> bool:
    """Is the scope a past event's (`timeless_event_prefixes`: "past:2004")?"""
    event = exact_form(group.key.get("event"))
    return bool(event) and event.startswith(tuple(exact_form(e) for e in cfg.timeless_event_prefixes))


def _mode(group: ScopeGroup, cfg: ReconcileConfig) -> str:
    """'monotonic', 'timeless', 'volatile' or 'windowed': how dates bear on this scope."""
    period = exact_form(group.key.get("period"))
    event = exact_form(group.key.get("event"))
    if exact_form(group.key.get("group")) in {exact_form(g) for g in cfg.volatile_groups}:
        return "volatile"  # the injured still in hospital: fewer as they leave
    if _past_event(group, cfg):
        return "timeless"  # a past event's toll was settled before its articles told it
    if group.kind in cfg.monotonic_kinds and (
        period in {exact_form(p) for p in cfg.cumulative_periods}
        or _since_a_day(period)
        or is_day_count(period)  # grows while its day lasts (crosscheck.reconcile.day_counts)
        or event in {exact_form(e) for e in cfg.growing_events}
    ):
        return "monotonic"
    if group.kind in cfg.timeless_kinds or period in {exact_form(p) for p in cfg.timeless_periods}:
        return "timeless"
    if group.kind in cfg.volatile_kinds or period in {exact_form(p) for p in cfg.daily_periods}:
        return "volatile"
    return "windowed"


def _since_a_day(period: Optional[str]) -> bool:
    """A total since a named day ("منذ 3 يونيو", "منذ مطلع الشهر", "منذ الجمعة", resolved to a
    date by crosscheck.reconcile.periods) counts up from a fixed start: it only grows, like the
    story's running total.  The start of a year too ("منذ مطلع العام", "منذ الأول من يناير"):
    a count since 1 January reported in February and again in March has grown in between."""
    start = since_day(period) if period else None
    return start is not None


def _project(
    span: Span, d: Optional[date], ref: Optional[date], mode: str, cfg: ReconcileConfig
) -> Optional[Span]:
    """The claim as seen at reference date `ref`; None when it is not compared there."""
    if mode == "timeless" or d is None or ref is None:
        return span
    days = {"monotonic": cfg.monotonic_simultaneous_days, "volatile": cfg.volatile_window_days}.get(
        mode, cfg.window_days
    )
    if abs(d - ref) <= timedelta(days=days):
        return span
    if mode != "monotonic":
        return None
    tol = cfg.monotonic_tolerance
    if d < ref:  # an earlier cumulative figure: the total can only have grown since
        if span.low is None:
            return Span()
        return Span(span.low * (1 - tol) if tol else span.low, None, span.low_open and not tol)
    if span.high is None:  # a later figure caps what the total could have been at ref
        return Span()
    return Span(None, span.high / (1 - tol) if tol else span.high, False, span.high_open and not tol)


def _judge(
    group: ScopeGroup,
    doc_dates: dict[str, Optional[str]],
    sources: SourceGroups,
    cfg: ReconcileConfig,
    parts_aside: bool = False,
) -> Cluster:
    """`parts_aside`: the group is what is left once `_own_parts` set a cluster's own parts
    aside; with `own_part_ratio` below 1 it holds none (`_parts_left`), so they are not looked
    for again (a running total of thousands of claims is judged once more without its parts)."""
    members = group.members
    headlines = _restated_headlines(members)
    if headlines:
        return _judge_aside(group, headlines, doc_dates, sources, cfg, _HEADLINE_NOTE)
    estimates = [m for m in members if m.claim.basis == "estimate"]
    if estimates and len(estimates) < len(members):
        return _judge_with_estimates(group, estimates, doc_dates, sources, cfg)
    smaller = [] if parts_aside and not _parts_left(cfg) else _own_parts(members, sources, cfg)
    if smaller:
        return _judge_aside(group, smaller, doc_dates, sources, cfg, parts=_none_largest(smaller, cfg))
    others = _other_occurrences(group, members, cfg)
    if others:
        return _judge_aside(group, others, doc_dates, sources, cfg, _OCCURRENCE_NOTE)
    later = _later_tallies(members) if group.kind in _TALLIES else []
    if later:
        return _judge_aside(group, later, doc_dates, sources, cfg, _LATER_TALLY_NOTE)
    claims = [m.claim for m in members]
    cdates = [_claim_date(c) for c in claims]
    groups = [sources.group(c.doc) for c in claims]
    notes = list(group.notes)
    for m in members:
        for n in m.notes:
            line = f"{m.claim.doc}: {n}"
            if line not in notes:
                notes.append(line)

    def build(status: str, outliers: Iterable[int] = (), **extra: object) -> Cluster:
        out = set(outliers)
        cc = [cluster_claim(c, i in out, doc_dates.get(c.doc), groups[i]) for i, c in enumerate(claims)]
        return Cluster(
            id=group.id,
            kind=group.kind,
            key=dict(group.key),
            status=status,  # type: ignore[arg-type]
            ambiguous=group.ambiguous,
            notes=notes,
            claims=cc,
            block_key=group.block_key,
            **extra,  # type: ignore[arg-type]
        )

    if len(members) == 1:
        return build("single")
    copies = _copies_note(claims, groups)
    if copies:
        notes.append(copies)
    if group.kind == "vote_position" or any(numeric_value(c) is None for c in claims):
        return _judge_categorical(group, members, groups, cdates, cfg, notes, build)
    return _judge_numeric(group, members, groups, cdates, cfg, notes, build, doc_dates)


def _judge_with_estimates(group, estimates, doc_dates, sources, cfg) -> Cluster:
    """Estimates ("تقديرات", "يقدر") are not compared with counts: the counts of the cluster are
    judged alone, the estimates stay in the cluster, never outliers, and a note says so."""
    counts = [m for m in group.members if m.claim.basis != "estimate"]
    judged = _judge(replace(group, members=counts, notes=list(group.notes)), doc_dates, sources, cfg)
    aside = estimates
    if judged.status != "conflict" and not judged.outlier_links and len(estimates) > 1:
        # estimates are compared with each other: two estimates that cannot both hold conflict
        # (the whole cluster, or figures a growth leaves out, named as inconsistencies)
        other = _judge(replace(group, members=estimates, notes=list(group.notes)), doc_dates, sources, cfg)
        if other.status == "conflict" or other.outlier_links:
            judged, aside = other, counts
    shown = ", ".join(sorted({f"{m.claim.surface!r} ({m.claim.doc})" for m in estimates}))
    return _with_aside(judged, aside, group, doc_dates, sources,
                       f"estimates are compared with each other, not with counts: {shown}")


def _with_aside(judged: Cluster, aside, group, doc_dates, sources, note: str) -> Cluster:
    """`judged` with the members set `aside` added back: never outliers, a note says why."""
    extra = [
        cluster_claim(m.claim, False, doc_dates.get(m.claim.doc), sources.group(m.claim.doc))
        for m in aside
    ]
    claims = sorted(judged.claims + extra, key=lambda c: (c.doc, c.start, c.end))
    status = "consistent" if judged.status == "single" else judged.status
    return judged.model_copy(update={"claims": claims, "notes": judged.notes + [note],
                                     "status": status, "ambiguous": group.ambiguous})


# tests turn it on to look for own parts again in what is left once they are set aside
LOOK_AGAIN = False


def _parts_left(cfg: ReconcileConfig) -> bool:
    """Can what is left once a cluster's own parts are set aside hold own parts?  Not when
    `own_part_ratio` is below 1 and no part was its article's largest figure of the day
    (`_none_largest`): a part's upper end lies below its article's largest low end for the day
    (ratio x it, or below it for a sum's part), so every (article, day) keeps its largest
    figure, and any figure left that is a part of it was set aside with the others
    (`intervals.own_parts`)."""
    return LOOK_AGAIN or cfg.own_part_ratio >= 1


def _none_largest(parts, cfg: ReconcileConfig) -> bool:
    """No part set aside can be its article's largest low end of the day: each one's span
    runs upwards (low <= high), and its high end lies below that largest low end."""
    for m in parts:
        sp = claim_span(m.claim, m.claim.kind not in cfg.continuous_kinds)
        if sp.low is not None and sp.high is not None and sp.low > sp.high:
            return False
    return True


def _own_parts(members, sources: SourceGroups, cfg: ReconcileConfig) -> list:
    """Figures an article gives beside a much larger one of its own for the same scope and day.

    One article does not contradict itself by a factor: a figure at most `own_part_ratio` of
    a larger one the same article gives for what grouping took to be one quantity (43 beside
    a toll of 158, 34 beside "more than 170") counts a part of it - a group the extractor did
    not name, a place, a day - not a rival total.  Such figures are set aside (kept in the
    cluster, never outliers, not compared); figures closer to each other ("11 circulated, 9
    official") are compared as usual, in a cluster of one source too ("157 dead, 32 of them
    Kenyans" in one article is no conflict)."""
    claims = [m.claim for m in members]
    parts = own_parts(claims, cfg.own_part_ratio, cfg.continuous_kinds, cfg.own_part_leads)
    if not parts or cfg.own_part_met_ratio <= 1:
        return [members[i] for i in parts]
    # only a part by the ratio alone may be another article's count of the day: one its article
    # adds up to its own total (sums: "112 + 5 = 117") or tells as what made it rise is a part
    by_ratio = set(own_parts(claims, cfg.own_part_ratio, cfg.continuous_kinds))
    stated = [i for i in parts if i not in by_ratio or SUM_PART in claims[i].inferred]
    met = _unmet_parts(claims, [i for i in parts if i not in stated], cfg.own_part_met_ratio, parts)
    return [members[i] for i in sorted(set(stated) | set(met))]


def _unmet_parts(claims: Sequence[Claim], parts: Sequence[int], ratio: float,
                 aside: Sequence[int] = ()) -> list[int]:
    """The `parts` (positions in `claims`) that no other article's figure of the same day, not
    itself a part (in `parts` or `aside`), meets within the factor `ratio` (rules/reconcile.yaml
    `own_part_met_ratio`; 0: all of them).  A figure far below its own article's largest one that another outlet gives
    as its figure of that day (52 beside a misgrouped 700; 50 in another article that day) is
    that day's count, compared as usual, not a part.  Cost: a sort of each day's figures, then
    a binary search per part."""
    if not parts or ratio <= 1:
        return list(parts)
    part_set = set(parts) | set(aside)
    by_day: dict[str, list[tuple[float, str]]] = {}
    for i, c in enumerate(claims):
        v = numeric_value(c)
        if i not in part_set and v is not None and c.as_of:
            by_day.setdefault(c.as_of[:10], []).append((float(v), c.doc))
    for vals in by_day.values():
        vals.sort()
    out = []
    for i in parts:
        c = claims[i]
        v = numeric_value(c)
        vals = by_day.get((c.as_of or "")[:10]) if v is not None and v > 0 else None
        if vals:
            lo = bisect_left(vals, (float(v) / ratio, ""))
            hi = bisect_right(vals, (float(v) * ratio, "\uffff"))
            if any(doc != c.doc for _v, doc in vals[lo:hi]):
                continue  # another article's figure of its day meets it: compared
        out.append(i)
    return out


_HEADLINE_NOTE = "not compared: a headline's figure beside its article's own figure for the same quantity: "


def _restated_headlines(members) -> list:
    """Headline figures (`field` "title") whose article gives a figure of the cluster in its
    body: the headline restates, often rounded ("نحو 15 ألف" over 14866), what the body says,
    so the body figure speaks for the article; the headline's is kept in the cluster, never an
    outlier, not compared (it would count the article twice)."""
    body_docs = {m.claim.doc for m in members if m.claim.field == "text"}
    return [m for m in members if m.claim.field == "title" and m.claim.doc in body_docs]


_OWN_PART_NOTE = ("not compared: figures far below a larger one of the same article and day, "
                  "or given by it as parts of its own total, count a part of it: ")
_OCCURRENCE_NOTE = ("not compared: lengths reported further apart in time than either lasts tell "
                    "another occurrence of the event (the occurrence most articles tell is judged): ")
_LATER_TALLY_NOTE = ("not compared: an article giving two figures of one tally tells two votes "
                     "(this one, then another it recalls or compares); its later figures: ")
_TALLIES = frozenset({"votes_for", "votes_against", "abstentions"})


def _other_occurrences(group: ScopeGroup, members, cfg: ReconcileConfig) -> list:
    """The members that tell another occurrence of a non-growing event than most do.

    A length told of one occurrence (a 72-hour truce) cannot be reported on a day further from
    another report of it than the longer of the two lengths (plus `instance_slack_days`): by
    then one of them was over.  Dated figures are chained by day - a figure joins the current
    occurrence while its day is within the longest length told so far of the occurrence's
    first day - and the occurrence with most figures (the latest on a tie) is judged; undated
    figures stay with it, and so do finished spans (`ended_length_leads`: "الحداد الذي استمر
    أسبوعا" a month on) told on or after its first day: they are recalled once it is over, on
    any later day.  Cost: one sort of the cluster's dated figures."""
    slack = cfg.instance_slack_days
    if slack is None or group.kind not in cfg.instance_kinds:
        return []
    if exact_form(group.key.get("period")) != "event" or \
            exact_form(group.key.get("event")) in {exact_form(e) for e in cfg.growing_events}:
        return []
    dated, ended = [], []
    for m in members:
        v = numeric_value(m.claim)
        if m.claim.as_of and v is not None:
            d = parse_iso(m.claim.as_of, m.claim.doc)
            c = m.claim
            # a finished span ("الحداد الذي استمر أسبوعا") is told once the occurrence is over,
            # on any later day: its day does not start an occurrence of its own
            (ended if c.sentence and is_ended_length(c.sentence, c.surface, cfg) else dated).append((d, v, m))
    if len(dated) < 2:
        return []
    dated.sort(key=lambda t: (t[0], t[1]))
    runs: list[list] = []
    start, longest = None, 0.0
    for d, v, m in dated:
        if start is not None and (d - start).days <= max(longest, v) + slack:
            runs[-1].append(m)
            longest = max(longest, v)
            continue
        runs.append([m])
        start, longest = d, v
    if len(runs) < 2:
        return []
    main = max(range(len(runs)), key=lambda i: (len({m.claim.doc for m in runs[i]}), i))
    first_day = min(parse_iso(m.claim.as_of, m.claim.doc) for m in runs[main])
    # (an ended span told before the judged occurrence began is an earlier occurrence's)
    return [m for i, run in enumerate(runs) if i != main for m in run] + [m for d, _v, m in ended if d < first_day]


def _later_tallies(members) -> list:
    """The figures of one tally an article gives after its first different one, in a vote's
    cluster: one article does not give two counts of one vote ("أيده 151 بلدا ... وهي نتيجة
    قريبة من تصويت العام الماضي حين نال النص 153 صوتا": the 153 is another vote's), so the
    first figure stands for its article and the later, different ones are set aside (kept in
    the cluster, never outliers, not compared)."""
    first: dict[str, tuple[int, object]] = {}
    for m in members:
        c = m.claim
        if c.doc not in first or c.start < first[c.doc][0]:
            first[c.doc] = (c.start, c.value)
    return [m for m in members if numeric_value(m.claim) is not None
            and numeric_value(m.claim) != _as_number(first[m.claim.doc][1])]


def _as_number(v) -> Optional[float]:
    try:
        return float(v)
    except (TypeError, ValueError):
        return None


def _judge_aside(group, aside, doc_dates, sources, cfg, note: str = _OWN_PART_NOTE, parts: bool = False) -> Cluster:
    """Judge the cluster without `aside` (`_own_parts` when `parts`, `_later_tallies`, ...);
    they stay in the cluster, never outliers, and a note says why."""
    ids = {id(m) for m in aside}
    rest = [m for m in group.members if id(m) not in ids]
    judged = _judge(replace(group, members=rest, notes=list(group.notes)), doc_dates, sources, cfg, parts_aside=parts)
    shown = ", ".join(sorted({f"{m.claim.surface!r} ({m.claim.doc})" for m in aside}))
    return _with_aside(judged, aside, group, doc_dates, sources, note + shown)


def _copies_note(claims: Sequence[Claim], groups: Sequence[str]) -> Optional[str]:
    docs_by_group: dict[str, set[str]] = {}
    for c, g in zip(claims, groups):
        docs_by_group.setdefault(g, set()).add(c.doc)
    shared = [sorted(ds) for ds in docs_by_group.values() if len(ds) > 1]
    if not shared:
        return None
    parts = ["(" + ", ".join(ds) + ")" for ds in sorted(shared)]
    return "near-duplicate articles count as one source: " + "; ".join(parts)


def _judge_numeric(group, members, groups, cdates, cfg, notes, build, doc_dates=None) -> Cluster:
    claims = [m.claim for m in members]
    integral = group.kind not in cfg.continuous_kinds
    spans = [claim_span(c, integral) for c in claims]
    cdates = _first_publication(cdates, spans, groups)
    mode = _mode(group, cfg)
    if cfg.elapsed_rules and group.kind in cfg.length_kinds and mode == "timeless":
        # times elapsed so far, told on different days, compared as of the latest of them
        spans, at = carry_elapsed(cfg.elapsed_rules, [c.rule for c in claims], spans, cdates)
        if at is not None:
            notes.append(f"elapsed times compared as of {at.isoformat()}: each grows by one day a day")
    if mode == "monotonic" and group.kind in cfg.length_kinds and \
            exact_form(group.key.get("event")) in {exact_form(e) for e in cfg.growing_events}:
        # an ended war's length ("استمرت 133 يوما") is its final one: at the latest day
        cdates = final_length_dates(claims, cdates, cfg)
    if mode == "monotonic" and is_day_count(group.key.get("period")):
        cdates = settled_dates(group.key["period"], cdates)  # one day's count: settled after it
    dated = sorted({d for d in cdates if d is not None})
    if mode == "monotonic" and dated:
        return _judge_trajectory(group, members, groups, cdates, spans, cfg, notes, build, doc_dates or {})
    if mode in ("windowed", "volatile") and dated:
        # parts of one stated whole ("23 مخطوفا، بينهم 18 امرأة") count one moment's set, as in a
        # running total's fit: an undated one is of the dated one's day, not free to fit any day
        cdates, joined = one_moment_dates(claims, cdates, load_hierarchy().stated_whole,
                                          skip=[i for i, c in enumerate(claims) if c.period == EARLIER_PERIOD])
        if joined:
            notes.append(f"{joined} figure(s) of a part of one stated whole read at that whole's moment")
    refs: list[Optional[date]] = dated if (dated and mode != "timeless") else [None]
    if len(refs) > 1 and agree_all(spans):
        # every projection only widens or drops claims, so agreement as stated holds at
        # every date: judge once, at the latest
        refs = refs[-1:]

    # an earlier figure recalled stood at an unknown moment - but a past event's toll was
    # settled before its articles told it: "وكانت إندونيسيا قد أعلنت وفاة 774 … العام الماضي"
    # recalls that toll, no stage of it
    settled = mode == "timeless" and _past_event(group, cfg)
    # ... unless its article names its day ("وكان عدد المفقودين قد بلغ 23 مساء الأربعاء"): of a
    # quantity that rises and falls, it is what was reported that day, compared with that day's
    # figures like a running total's (revisions.dated_earlier)
    own_day = dated_earlier(claims, cdates, doc_dates or {}) if mode in ("windowed", "volatile") and dated else set()
    if own_day:
        notes.append(f"{len(own_day)} earlier figure(s) recalled with their own day are points of that day")
    earlier = [c.period == EARLIER_PERIOD and not settled and i not in own_day for i, c in enumerate(claims)]
    if mode in ("windowed", "volatile") and dated:
        fitting = undated_fitting(spans, cdates, earlier, dated, mode, cfg)
        if fitting:
            # a figure of no known day that some reported day's figures accept may well be of
            # that day: it is not compared (a quantity that rises and falls cannot refute it)
            earlier = [e or i in fitting for i, e in enumerate(earlier)]
            notes.append(f"{len(fitting)} undated figure(s) fit the figures of a reported day: not compared")

    def compare(earlier: list[bool]):
        """The best conflicting view (or None) and the latest consistent one, comparing the
        claims not marked `earlier`."""
        best = None  # (score, ref, projected spans, supporters, sweep, compared, their positions)
        consistent_view = None
        # the claims compared at each reference date: those of its window (and the undated ones),
        # found by date instead of projecting every claim at every date
        views = compared_at(refs, cdates, earlier, mode, cfg)
        for k, ref in enumerate(refs):
            # an earlier figure recalled by its article stood at an unknown moment: not compared
            if views is None:
                projected = [None if e else _project(s, d, ref, mode, cfg) for s, d, e in zip(spans, cdates, earlier)]
                items = [i for i, p in enumerate(projected) if p is not None]
                compared = [(projected[i], groups[i]) for i in items]
            else:  # within its window a claim is compared as stated
                projected, items = None, views[k]
                compared = [(spans[i], groups[i]) for i in items]
            result = sweep(compared, check_tie=False)
            if result is None:
                continue
            members_idx = [items[k] for k in result.members]
            if len(members_idx) == len(items):
                consistent_view = (ref, result)  # the latest consistent view wins (refs ascend)
                continue
            score = (result.support, ref or date.min)
            if best is None or score > best[0]:
                best = (score, ref, projected, members_idx, result, compared, items)

        return best, consistent_view

    best, consistent_view = compare(earlier)
    if best is not None and own_day:
        # the recalled figures of a named day alone disagree with that day's figures: each is
        # its own finding (a same-day mismatch), the quantity's other reports stand
        without = [e or i in own_day for i, e in enumerate(earlier)]
        base, base_view = compare(without)
        if base is None:
            links = _own_day_links(claims, spans, cdates, own_day, without, cfg)
            extra = {"consensus": base_view[1].span.to_model()} if base_view is not None else {}
            if links:
                notes.append(f"{len(links)} earlier figure(s) recalled with their own day disagree with that "
                             "day's figures: named as inconsistencies (same_day_mismatch)")
                outs = [i for i in own_day if any(_ref(claims[i]) == link.claim for link in links)]
                return build("consistent", outs, outlier_links=links, **extra)

    if best is None:
        extra: dict = {}
        if consistent_view is not None:
            extra["consensus"] = consistent_view[1].span.to_model()
        if mode == "monotonic" and len(dated) > 1:
            notes.append("cumulative total: later reports may be higher")
        return build("consistent", **extra)

    _, ref, projected, supporters, result, compared, items = best
    if projected is None:  # the window's claims as stated, the others not compared
        projected = [None] * len(claims)
        for i in items:
            projected[i] = spans[i]
    tied = has_rival(compared, result)
    outliers = [i for i, p in enumerate(projected) if p is not None and i not in supporters]
    judged = Judged(
        claims=claims,
        spans=projected,
        dates=cdates,
        outliers=outliers,
        supporters=supporters,
        uncertain=[bool(m.uncertain) for m in members],
        variants=[dict(m.forms) for m in members],
        stated=spans,
        consensus=result.span,
    )
    cause, why = classify(judged, cfg)
    if cause == "different_scope" and len({groups[i] for i, p in enumerate(projected) if p is not None}) == 1:
        # one article does not contradict itself: the figures it alone gives for one scope
        # count different things (a part it names "منهم 62" beside its day's 87)
        notes.append(f"{why}; no other source gives the scope a figure: not compared")
        return build("consistent")
    strength = _strength(claims, projected, cause, cfg)
    if not dated and mode != "timeless" and strength == "hard" and cause in ("disagreement", "different_scope"):
        verdict, undated = _undated_growth(projected, groups, claims)
        if verdict == "apart" and mode == "monotonic":
            notes.append(undated)
            return build("consistent")
        if verdict == "soft":
            strength = "soft"
            notes.append(undated)
    n_claims = len(supporters)
    notes.append(
        f"consensus {result.span.describe()} backed by {result.support} independent "
        f"source{'s' if result.support != 1 else ''} ({n_claims} claim{'s' if n_claims != 1 else ''})"
        + (f", judged at {ref.isoformat()}" if ref is not None and len(refs) > 1 else "")
    )
    if tied:
        notes.append("no majority: another range is backed by as many independent sources; "
                     "outliers are those outside the range backed by more, or more precise, claims")
    notes.append(f"{cause}: {why}")
    skipped = [i for i, p in enumerate(projected) if p is None and not earlier[i]]
    if skipped:
        notes.append(f"{len(skipped)} claim(s) more than {cfg.window_days:g} days away not compared")
    return build(
        "conflict",
        outliers,
        severity=severity(judged),
        cause=cause,
        consensus=result.span.to_model(),
        strength=strength,
    )


def compared_at(refs: Sequence[Optional[date]], cdates: Sequence[Optional[date]], skip: Sequence[bool],
                mode: str, cfg: ReconcileConfig) -> Optional[list[list[int]]]:
    """For each reference date of a scope that rises and falls (windowed or volatile), the
    positions (ascending) of the claims `_project` keeps there, as stated: the undated ones and
    those dated within the scope's window of it, never those in `skip`.  Found by a binary
    search over the claims sorted by date, so a date costs the claims of its window, not every
    claim of the cluster (a cluster told on 500 days: 500 windows of a few claims each instead
    of 500 x every claim).  None when that does not apply (another mode, a reference that is no
    day: `_project` then decides claim by claim)."""
    if mode not in ("windowed", "volatile") or not refs or any(type(r) is not date for r in refs):
        return None
    if any(d is not None and type(d) is not date for d in cdates):
        return None
    days = cfg.volatile_window_days if mode == "volatile" else cfg.window_days
    reach = timedelta(days=days)
    # abs(d - ref) is a whole number of days: within the window when at most reach.days
    k = reach.days if reach >= timedelta(0) else -1
    undated = [i for i, d in enumerate(cdates) if d is None and not skip[i]]
    dated = sorted((d.toordinal(), i) for i, d in enumerate(cdates) if d is not None and not skip[i])
    keys = [o for o, _i in dated]
    out = []
    for ref in refs:
        r = ref.toordinal()
        lo, hi = bisect_left(keys, r - k), bisect_right(keys, r + k)
        out.append(sorted(undated + [i for _o, i in dated[lo:hi]]) if k >= 0 else list(undated))
    return out


def undated_fitting(spans: Sequence[Span], cdates: Sequence[Optional[date]], skip: Sequence[bool],
                    dated: Sequence[date], mode: str, cfg: ReconcileConfig) -> set[int]:
    """The undated claims of a scope that rises and falls (windowed or volatile) that fit a
    reported day: the dated figures compared at that day agree, and the undated figure meets
    what they agree on.  Such a figure may be of that day, so nothing refutes it ("more than
    600,000 displaced" with no date, beside 750,000 on the 9th and 920,000 on the 14th).  An
    undated figure that fits no reported day is compared as before - but in a volatile scope
    (compared only on the same day: a day's or a week's count, the missing) every undated
    figure is set aside, its day being unknown.  Cost: one pass over the
    claims per reported day (as judging does anyway), then a binary search per undated figure
    over the agreed stretches sorted by their low end."""
    undated = [i for i, d in enumerate(cdates) if d is None and not skip[i]]
    if not undated:
        return set()
    if mode == "volatile":
        # a day's count (or a rolling window's, or one that rises and falls from day to day)
        # is compared only on its own day, and an undated one's day is unknown: none refutes it
        return set(undated)
    stretches: list[tuple[float, float]] = []  # (low, high) of each agreeing day's common span
    skip_undated = [e or d is None for e, d in zip(skip, cdates)]
    views = compared_at(dated, cdates, skip_undated, mode, cfg)
    for n, ref in enumerate(dated):
        if views is None:
            seen = [_project(spans[i], d, ref, mode, cfg) for i, d in enumerate(cdates) if d is not None and not skip[i]]
        else:  # the dated claims of its window, as stated
            seen = [spans[i] for i in views[n]]
        together = common(s for s in seen if s is not None)
        if together.is_empty():
            continue
        stretches.append((-math.inf if together.low is None else together.low,
                          math.inf if together.high is None else together.high))
    if not stretches:
        return set()
    stretches.sort()
    lows = [lo for lo, _hi in stretches]
    reach = list(accumulate((hi for _lo, hi in stretches), max))  # the highest end so far
    out: set[int] = set()
    for i in undated:
        s = spans[i]
        lo = -math.inf if s.low is None else s.low
        hi = math.inf if s.high is None else s.high
        k = bisect_right(lows, hi)  # the stretches starting at or below its high end
        if k and reach[k - 1] >= lo:
            out.add(i)
    return out


def _stages_explained(by_group, running, rising) -> bool:
    """Every source whose figure is below the highest is explained as an earlier stage: the
    source tells its count as a rising total (a rise, a new or so-far toll, an earlier stage it
    recalls), or a source with a higher figure tells a rise ("ارتفعت الحصيلة إلى 38": lower
    figures came before it)."""
    def low(v):
        return max(-math.inf if s.low is None else s.low for s in v)

    level = {g: low(v) for g, v in by_group.items()}
    top = max(level.values())
    rises = sorted(level[g] for g in by_group if g in rising)
    for g, v in level.items():
        if v >= top or g in running:
            continue
        if not rises or rises[-1] <= v:
            return False
    return True


def _undated_growth(spans, groups, claims=None) -> tuple[Optional[str], Optional[str]]:
    """How far a disagreement among undated claims of different sources goes: ("soft", note),
    ("apart", note) or (None, None) when it is hard.

    Undated figures from different sources may be from different days (a toll reported on
    Monday and on Thursday), so their gap alone proves nothing - unless one source disagrees
    with itself (an article and its copies speak of one day: hard).  Figures within plausible
    growth between two reports (rules/periods.yaml `undated_growth_ratio`) may well be the same
    day told differently: a soft conflict, worth checking.  Figures further apart than that are
    different stages of the story (a first toll of 14, a final one of 2,445): for a running
    total they are no conflict at all ("apart").

    A story told as a rising total (a figure's sentence says so: "ارتفعت الحصيلة إلى",
    "حصيلة جديدة", "حتى الآن", "في وقت سابق": crosscheck.reconcile.running) is read as
    successive stages within that growth too ("apart"); and an article giving an earlier stage
    beside its latest figure tells a growth, it does not disagree with itself: its highest
    figure stands for it."""
    by_group: dict[str, list[Span]] = {}
    told: dict[str, list[tuple[Span, Claim]]] = {}
    running: set[str] = set()
    rising: set[str] = set()
    for k, (s, g) in enumerate(zip(spans, groups)):
        if claims is not None and tells_running(claims[k].sentence or ""):
            running.add(g)  # also a figure not compared: an earlier stage the article recalls
            if tells_running(claims[k].sentence or "", "rise_words"):
                rising.add(g)
        if s is not None:
            by_group.setdefault(g, []).append(s)
            if claims is not None:
                told.setdefault(g, []).append((s, claims[k]))
    for g, v in by_group.items():
        if len(v) > 1 and not agree_all(v) and tells_growth(told.get(g, [])):
            by_group[g] = [max(v, key=lambda s: -math.inf if s.low is None else s.low)]
    if len(by_group) < 2 or any(len(v) > 1 and not agree_all(v) for v in by_group.values()):
        return None, None
    lows = [s.low for v in by_group.values() for s in v if s.low is not None]
    highs = [s.high for v in by_group.values() for s in v if s.high is not None]
    limit = period_rules().undated_growth_ratio
    if not lows or not highs or min(highs) <= 0:
        return None, None
    ratio = max(lows) / min(highs)
    if ratio > limit:
        return "apart", (f"no date on {len(by_group)} sources whose figures are x{ratio:.2f} apart, beyond "
                         f"plausible growth between two reports (x{limit:g}): different stages of the story, "
                         "not a contradiction; check their dates")
    if running and ratio > 1 and _stages_explained(by_group, running, rising):
        return "apart", (f"no date on {len(by_group)} sources whose figures are x{ratio:.2f} apart, and the "
                         "story is told as a rising total (a figure is given as a rise, a new or so-far toll, "
                         "or an earlier stage): successive stages, not a contradiction; check their dates")
    return "soft", (f"no claim is dated: {len(by_group)} sources may report on different days, and the gap "
                    f"(x{ratio:.2f}) is within plausible growth between reports (x{limit:g}); check their dates")


def _position_set(value: object, cfg: ReconcileConfig) -> frozenset[str]:
    v = str(value).strip().casefold()
    out = {v}
    for compatible in cfg.vote_position_compatible:
        names = {x.casefold() for x in compatible}
        if v in names:
            out |= names
    return frozenset(out)


def _judge_categorical(group, members, groups, cdates, cfg, notes, build) -> Cluster:
    claims = [m.claim for m in members]
    sets = [_position_set(c.value, cfg) for c in claims]
    common = frozenset.intersection(*sets)
    if common:
        return build("consistent")
    value, support, supporters_t = categorical_consensus(list(zip(sets, groups)))  # type: ignore[misc]
    supporters = list(supporters_t)
    outliers = [i for i in range(len(claims)) if i not in supporters]
    judged = Judged(
        claims=claims,
        spans=[None] * len(claims),
        dates=cdates,
        outliers=outliers,
        supporters=supporters,
        uncertain=[bool(m.uncertain) for m in members],
        variants=[{} for _ in members],
        categorical=True,
    )
    cause, why = classify(judged, cfg)
    stated = sorted({str(c.value) for c in claims})
    notes.append(
        f"sources disagree: {' / '.join(stated)}; most independent sources ({support}) say {value}"
    )
    notes.append(f"{cause}: {why}")
    return build("conflict", outliers, severity=severity(judged), cause=cause, strength="hard")


def _strength(claims, spans, cause: str, cfg: ReconcileConfig) -> str:
    """'soft' when the compared claims agree once hedges are read loosely, else 'hard'."""
    if cause == "hedge_rounding":
        return "soft"
    loose = [stretched(c, s, cfg) for c, s in zip(claims, spans) if s is not None]
    return "soft" if agree_all(loose) else "hard"


def _snap_dates(cdates, window: float) -> dict:
    """Dates at most `window` days after the first of their run count as that first date."""
    out: dict = {}
    if window <= 0:
        return out
    start = None
    for d in sorted({d for d in cdates if d is not None}):
        if start is None or (d - start).days > window:
            start = d
        out[d] = start
    return out


def _trajectory_items(claims, spans, cdates, groups, window: float = 0) -> tuple[list[Item], list[int]]:
    """One item per distinct (source, interval, date): copies of one story count once."""
    items: list[Item] = []
    index: dict[tuple, int] = {}
    item_of: list[int] = []
    snap = _snap_dates(cdates, window)
    for c, s, d, g in zip(claims, spans, cdates, groups):
        d = snap.get(d, d)
        key = (g, s, d)
        k = index.get(key)
        if k is None:
            k = index[key] = len(items)
            items.append(Item(s, d, source=g))
        item_of.append(k)
    return items, item_of


def _recalled_for_a_day(claims, cdates, doc_dates: dict) -> frozenset[int]:
    """Positions of the figures an article gives for a day before its own, the day named in the
    figure's sentence ("وكانت الحصيلة يوم الخميس 56 قتيلا" in Sunday's article): what was
    reported as of that day (within_day.moments: at the day's end unless a part is named).  Not
    one recalled for a part of a month ("286 في منتصف سبتمبر"): that names a report of a day of
    it, which dating.month_part_days found, not what the day closed at.  One pass (a cached
    sentence scan for each recalled figure)."""
    out = []
    for i, (c, d) in enumerate(zip(claims, cdates)):
        own = doc_dates.get(c.doc)
        if d is not None and own and c.as_of_from in ("relative", "text") and d < date.fromisoformat(own[:10]) \
                and month_part_window_of(c, doc_dates) is None:
            out.append(i)
    return frozenset(out)


def _recalled_days(claims, cdates, doc_dates: dict, cfg) -> frozenset[int]:
    """Positions of the figures an article gives for a day before its own (dated by its text:
    "مساء أمس الاثنين", "يوم الأحد 19 يونيو") that another article of that day gives mistyped
    (causes.digit_typo: 1491 recalled, 1419 that day): one report of that day, told twice, so
    the part of the day the recall names does not make the two successive stages of the day.
    Cost: one pass to index each day's own figures, O(digits) look-ups per recalled figure, the
    variants worked out once per distinct figure (copies recall the same one)."""
    from crosscheck.reconcile.causes import typo_variants

    def own_day(c, d) -> Optional[date]:
        own = doc_dates.get(c.doc)
        return date.fromisoformat(own[:10]) if own else None

    recalled, own_values = [], {}
    for i, (c, d) in enumerate(zip(claims, cdates)):
        day = own_day(c, d)
        v = numeric_value(c)
        if d is None or day is None or v is None or not float(v).is_integer():
            continue
        if c.as_of_from in ("relative", "text") and d < day:
            recalled.append((i, int(v)))
        elif d == day:
            own_values.setdefault(d, {}).setdefault(int(v), set()).add(c.doc)
    out = []
    variants: dict[int, set[int]] = {}  # a figure recalled by many articles: its variants once
    for i, v in recalled:
        values = own_values.get(cdates[i])
        if not values:
            continue
        if v not in variants:
            variants[v] = typo_variants(v, cfg)
        if any(claims[i].doc not in values.get(b, {claims[i].doc}) for b in variants[v]):
            out.append(i)
    return frozenset(out)


def _judge_trajectory(group, members, groups, cdates, spans, cfg, notes, build, doc_dates=None) -> Cluster:
    """A dated running total: the largest set of sources one non-decreasing trajectory fits.

    A figure its article gives as an earlier one ("وكانت الحصيلة الأولى 16", period
    `superseded`) stood at some unknown moment before the article: it sits at a date of its
    own (undated, its own source), so it fits the growth wherever it can and never makes
    another figure an outlier."""
    claims = [m.claim for m in members]
    # a figure another article says was revised down: before the revision what officials said
    # then, after it a stale figure
    found = revisions(claims, cdates)  # one pass: it reads every figure's sentence
    revised, repeated = found.revised, found.stale
    revised_to = found.revising if repeated else {}
    restarts = found.days
    own_day = dated_earlier(claims, cdates, doc_dates or {})
    # a figure told as the story's first one is a point of the story's first day
    first = {i: d for i, d in first_told(claims, cdates).items() if i not in own_day and i not in revised}
    if first:
        cdates = [first.get(i, d) for i, d in enumerate(cdates)]
        notes.append(f"{len(first)} figure(s) told as the story's first one are points of its first day")
    earlier = [(c.period == EARLIER_PERIOD and i not in own_day and i not in first) or i in revised or i in repeated
               for i, c in enumerate(claims)]
    if own_day:
        notes.append(f"{len(own_day)} earlier figure(s) recalled with their own day are points of that day")
    if revised:
        notes.append(f"{len(revised)} figure(s) an article says were revised downward later read as earlier figures")
    if repeated:
        notes.append(f"{len(repeated)} figure(s) repeat a figure after an article said it was revised downward")
    if any(earlier):
        cdates = [None if e else d for d, e in zip(cdates, earlier)]
        groups = [f"{g}#earlier{i}" if e else g for i, (g, e) in enumerate(zip(groups, earlier))]
    # an undated article's figure whose own sentence names another day ("بعد أن كان 64 مساء أمس
    # الخميس") stood at a day of its own, unknown like the article's: not at the article's moment
    groups = [f"{g}#day{k}" if d is None and not c.as_of and (k := own_day_key(c)) else g
              for g, d, c in zip(groups, cdates, claims)]
    # a part of the day named orders one day's figures (not one a later article recalls mistyped)
    cdates = moments(claims, spans, cdates, recalled=_recalled_days(claims, cdates, doc_dates or {}, cfg),
                     closing=_recalled_for_a_day(claims, cdates, doc_dates or {}))
    if first:
        cdates = _at_first_moment(cdates, first)
    # parts of one stated whole ("35، بينهم 24 بحارا") are one moment's figures: an undated one
    # takes the moment (day, part of day) of a dated one
    cdates, joined = one_moment_dates(claims, cdates, load_hierarchy().stated_whole,
                                      skip=[i for i, e in enumerate(earlier) if e])
    if joined:
        notes.append(f"{joined} figure(s) of a part of one stated whole read at that whole's moment")
    items, item_of = _trajectory_items(claims, spans, cdates, stage_groups(claims, cdates, groups),
                                       cfg.monotonic_simultaneous_days)
    tol = cfg.monotonic_tolerance
    result = fit_in_stretches(items, tol, restarts) if restarts else fit(items, tol)
    points = _day_points(result.points)
    out_items = set(result.outliers)
    outliers = [i for i, k in enumerate(item_of) if k in out_items or i in repeated]
    supporters = [i for i, k in enumerate(item_of) if k not in out_items and i not in repeated]
    last = points[-1] if points else None
    consensus = {"consensus": {"low": last.low, "high": last.high}} if last else {}
    if not outliers:
        soft = _undated_soft(claims, spans, cdates, groups, cfg, notes, build, points)
        if soft is not None:
            return soft
        if len({d for d in cdates if d is not None}) > 1:
            notes.append("running total: one non-decreasing trajectory fits every claim")
        return build("consistent", trajectory=points, **consensus)
    snap = _snap_dates(cdates, cfg.monotonic_simultaneous_days)
    links = _outlier_links(claims, spans, [snap.get(d, d) for d in cdates], groups, outliers, supporters, cfg,
                           revised_to, restarts)
    if links is not None:
        n_kept = len({groups[i] for i in supporters})
        notes.append(f"running total: one non-decreasing trajectory fits {n_kept} independent "
                     f"source{'s' if n_kept != 1 else ''} over {len(points)} dates; {len(outliers)} figure(s) "
                     "left out of it are named as inconsistencies (falling_total: stale or mistaken; "
                     "same_day_mismatch: another figure of the same day, unless another counter's "
                     "in the same article)")
        return build("consistent", outliers, trajectory=points, outlier_links=links, **consensus)
    loose = [Item(stretched(c, s, cfg) or s, d, source=g) for c, s, d, g in zip(claims, spans, cdates, groups)]
    # soft when every figure fits once hedges are read loosely: a yes/no, not a second fit
    strength = "soft" if fits_all(loose, tol) else "hard"
    judged = Judged(
        claims=claims, spans=list(spans), dates=cdates, outliers=outliers, supporters=supporters,
        uncertain=[bool(m.uncertain) for m in members], variants=[dict(m.forms) for m in members],
        stated=list(spans), consensus=_band(last),
    )
    stale = _stale(claims, spans, cdates, outliers, supporters)
    if stale:
        cause, why = "reporting_lag", stale
    else:
        cause, why = classify(judged, cfg)
        if cause == "reporting_lag":  # dated apart but not stale: the figure does not fit the growth
            cause, why = "disagreement", "no non-decreasing trajectory fits every figure"
    if strength == "soft" and cause == "disagreement":
        cause, why = "hedge_rounding", "the figures fit one growing total only if a hedge is read loosely"
    kept_sources = len({groups[i] for i in supporters})
    notes.append(f"running total: a non-decreasing trajectory fits {kept_sources} independent "
                 f"source{'s' if kept_sources != 1 else ''}; {len(outliers)} claim(s) do not fit")
    notes.append(f"{cause}: {why}")
    return build("conflict", outliers, severity=severity(judged), cause=cause,
                 strength=strength, trajectory=points, **consensus)


def _at_first_moment(cdates, first: dict[int, date]) -> list:
    """The figures told as the story's first one (`first_told`) stand at the earliest moment of
    their day another figure names ("32 ظهر الجمعة": then, not at an unknown hour before it)."""
    def day(d):
        return d.date() if isinstance(d, datetime) else d

    earliest: dict = {}
    for i, d in enumerate(cdates):
        if d is not None and i not in first:
            k = day(d)
            if isinstance(d, datetime) and (k not in earliest or d < earliest[k]):
                earliest[k] = d
    return [earliest.get(day(d), d) if i in first and d is not None else d for i, d in enumerate(cdates)]


def _day_points(points) -> list[TrajectoryPoint]:
    """The fitted band per day (ISO date): the band at the end of the day when parts of one day
    were told apart (crosscheck.reconcile.within_day)."""
    by_day: dict[str, TrajectoryPoint] = {}
    for d, lo, hi in points:
        day = d.date() if isinstance(d, datetime) else d
        by_day[day.isoformat()] = TrajectoryPoint(date=day.isoformat(), low=lo, high=hi)
    return list(by_day.values())


def _stretch(when, restarts) -> int:
    """Which stretch of a running total (between official downward revisions) a date is in."""
    if not restarts:
        return 0
    day = when.date() if isinstance(when, datetime) else when
    return bisect_right(restarts, day)


def _outlier_links(claims, spans, cdates, groups, outliers, supporters, cfg,
                   revised_to: Optional[dict[int, int]] = None, restarts=()) -> Optional[list[OutlierLink]]:
    """The outliers of a running total as figures its growth leaves out, or None.

    When the kept claims span at least two dates (a growth story), or one date whose kept
    figures come from more independent sources than the outliers' own (a source with a kept
    figure that day does not count against it) and no other source gives a figure of that day
    left out, and every outlier is dated,
    the trajectory holds and each outlier is a figure of its own, linked to the one kept
    figure that shows it best: another figure of its own day it cannot agree with (the
    nearest in value: "same_day"), else the highest earlier figure it falls below (a stale
    figure: "below_earlier"), else the lowest later one it exceeds ("above_later"); hard or
    soft as the loosely read hedges say.  Otherwise the cluster itself is the conflict: an
    undated source disagreeing with itself, one kept day against as many other sources as
    back it (two reports and nothing else) or disputed by another source's figure of that day,
    or a day whose figures left out come from more
    independent sources than the day's kept
    ones (the growth then rests on a minority of that day: the story itself is disputed)."""
    kept_days = {cdates[i] for i in supporters if cdates[i] is not None}
    if not outliers or not kept_days:
        return None
    if len(kept_days) < 2:
        # one day's figures kept: its growth is told by no more than them, so the figures left
        # out are named apart only while fewer independent sources give them than the kept ones
        # (else the story itself is disputed: the cluster is the conflict)
        kept_sources = {groups[i] for i in supporters}
        others = {groups[o] for o in outliers} - kept_sources
        if len(others) >= len(kept_sources):
            return None
        if any(cdates[o] in kept_days for o in outliers if groups[o] in others):
            # another source's figure of the kept day itself disputes that day
            return None
    tol = cfg.monotonic_tolerance
    out_set = set(outliers)
    for d in {cdates[o] for o in outliers if cdates[o] is not None}:
        kept = {groups[i] for i in supporters if cdates[i] == d}
        # a source whose own figure of the day is kept does not dispute the day (its other
        # figure left out is a part of it or a slip: "10 deaths, four of them health workers")
        left = {groups[i] for i in outliers if cdates[i] == d} - kept
        if kept and len(left) > len(kept):
            return None
    links = []
    kept = set(supporters)
    for o in outliers:
        do, so = cdates[o], spans[o]
        ref = (revised_to or {}).get(o)
        if ref is not None and ref in kept:
            # the old figure repeated after an article revised it down (read as undated: not
            # part of the growth): set against the revised figure ("530 on the 16th, after the
            # toll was revised to 436 on the 15th")
            links.append(OutlierLink(claim=_ref(claims[o]), reference=_ref(claims[ref]),
                                     direction="after_revision", strength="hard"))
            continue
        if do is None:
            # an undated figure is left out only when its own source gives another figure of
            # the cluster it cannot agree with (an undated source sits at one unknown moment and
            # never makes another source an outlier): it is that source's own mismatch, named
            # against its kept figure nearest in value, not a dispute of the whole story
            own = [s for s in supporters if groups[s] == groups[o] and cdates[s] is None
                   and not agree_all([spans[s], so])]
            own = [s for s in own if claims[s].doc == claims[o].doc] or own
            if not own:
                return None
            mid = so.midpoint() or 0.0
            ref = min(own, key=lambda s: (abs((spans[s].midpoint() or 0.0) - mid), s))
            loose = [stretched(claims[i], spans[i], cfg) or spans[i] for i in (o, ref)]
            links.append(OutlierLink(claim=_ref(claims[o]), reference=_ref(claims[ref]), direction="same_day",
                                     strength="soft" if agree_all(loose) else "hard"))
            continue
        same = [s for s in supporters if cdates[s] == do and s not in out_set and not agree_all([spans[s], so])]
        if not same and isinstance(do, datetime):
            # a figure placed at a part of its day (a recall of the day, at its close) stands
            # against the figures other reports gave that day at an unknown hour: the day's own
            # figure it contradicts ("582 on Thursday" recalled, "852" told that Thursday)
            same = [s for s in supporters if cdates[s] is not None and _calendar_day(cdates[s]) == do.date()
                    and claims[s].doc != claims[o].doc and not agree_all([spans[s], so])]
        # a figure is set against figures of its own stretch of the count (an official downward
        # revision starts a new one: `revision_days`)
        below = [s for s in supporters if cdates[s] is not None and cdates[s] < do
                 and _falls_below(so, spans[s], tol) and _stretch(cdates[s], restarts) == _stretch(do, restarts)]
        above = [s for s in supporters if cdates[s] is not None and cdates[s] > do
                 and _falls_below(spans[s], so, tol) and _stretch(cdates[s], restarts) == _stretch(do, restarts)]
        # one article does not contradict itself: its own figure of the day is the reference
        # only when no other article's is ("111 of the dead identified" beside its own 276)
        same = [s for s in same if claims[s].doc != claims[o].doc] or same
        if same:
            ref = _clearest(o, same, claims, spans, cfg)
            loose = [stretched(claims[i], spans[i], cfg) or spans[i] for i in (o, ref)]
            strength = "soft" if agree_all(loose) else "hard"
            links.append(OutlierLink(claim=_ref(claims[o]), reference=_ref(claims[ref]),
                                     direction="same_day", strength=strength))
        # a figure that both contradicts its own day and falls below an earlier day is both, a
        # stale figure too: the two findings are named apart ("1,200 the same day as 1,346";
        # "below 1,310 the day before")
        if below:
            ref = max(below, key=lambda s: (spans[s].low, cdates[s], -s))
            direction, (late, early) = "below_earlier", (o, ref)
        elif same:
            continue
        elif above:
            ref = min(above, key=lambda s: (spans[s].high, cdates[s], s))
            direction, (late, early) = "above_later", (ref, o)
        else:
            return None
        loose_late = stretched(claims[late], spans[late], cfg) or spans[late]
        loose_early = stretched(claims[early], spans[early], cfg) or spans[early]
        strength = "hard" if _falls_below(loose_late, loose_early, tol) else "soft"
        links.append(OutlierLink(claim=_ref(claims[o]), reference=_ref(claims[ref]),
                                 direction=direction, strength=strength))
    return links + _outlier_pairs(claims, spans, cdates, groups, outliers, links, cfg)


def _outlier_pairs(claims, spans, cdates, groups, outliers, links, cfg) -> list[OutlierLink]:
    """The figures a running total's growth leaves out that contradict each other on one day:
    two independent reports of that day that cannot both be ("3,958 deaths" and "3,598" the
    same day, each off the kept 3,890; "486 on 7 January" and "468" recalled for that day).
    Each was set against a kept figure; their own mismatch is a finding too, which naming each
    against the kept figure alone hides.  Only figures of different articles and sources, of
    one calendar day (left-out figures of different days are not set against each other: the
    growth the kept figures tell does not rest on either, and a later lower one may be a
    revision its article explains).  Per day, its left-out figures in order of value, each
    against the next one it cannot agree with.  Cost: a sort of the outliers."""
    done = {(_key(link.claim), _key(link.reference)) for link in links}
    dated = sorted((o for o in outliers if cdates[o] is not None),
                   key=lambda o: (_calendar_day(cdates[o]), spans[o].midpoint() or 0.0, o))
    out: list[OutlierLink] = []
    for a, b in zip(dated, dated[1:]):
        if _calendar_day(cdates[a]) != _calendar_day(cdates[b]) or agree_all([spans[a], spans[b]]):
            continue
        if claims[a].doc == claims[b].doc or groups[a] == groups[b]:
            continue
        pair = (_key(_ref(claims[b])), _key(_ref(claims[a])))
        if pair in done or pair[::-1] in done:
            continue
        done.add(pair)
        loose = [stretched(claims[i], spans[i], cfg) or spans[i] for i in (b, a)]
        out.append(OutlierLink(claim=_ref(claims[b]), reference=_ref(claims[a]), direction="same_day",
                               strength="soft" if agree_all(loose) else "hard"))
    return out


def _key(r: ClaimRef) -> tuple:
    return (r.doc, r.start, r.end, r.field)


def _clearest(o: int, same: Sequence[int], claims, spans, cfg) -> int:
    """The figure of `o`'s own day that shows its mismatch best: another article's figure it
    disagrees with even with hedges read loosely (a hard mismatch) before one a loose reading
    reconciles, then the nearest in value ("286 on Tuesday evening" against that evening's exact 268, not against a headline's
    "nearly 270" it only softly misses).  A few candidates: a loose reading of each."""
    mid = spans[o].midpoint() or 0.0
    loose_o = stretched(claims[o], spans[o], cfg) or spans[o]

    def key(s: int) -> tuple:
        # (within one article the nearest figure stays the reference: its own figures beside
        # each other are often a part and its whole, no rival reports)
        soft = claims[s].doc != claims[o].doc and agree_all([loose_o, stretched(claims[s], spans[s], cfg) or spans[s]])
        return (soft, abs((spans[s].midpoint() or 0.0) - mid), s)

    return min(same, key=key)


def _falls_below(later: Span, earlier: Span, tol: float) -> bool:
    """A later figure below what an earlier one had reached, beyond the tolerance a sharp
    later figure may dip by (trajectory.fit)."""
    if later.high is None or earlier.low is None:
        return False
    floor = earlier.low * (1 - tol) if later.low == later.high else earlier.low
    return later.high < floor or (later.high == floor and later.high_open)


def _ref(c: Claim) -> ClaimRef:
    return ClaimRef(doc=c.doc, start=c.start, end=c.end, field=c.field)


def _own_day_links(claims, spans, cdates, own_day, skipped, cfg) -> list[OutlierLink]:
    """Each recalled figure of a named day (`own_day`) set against the figure of that day, from
    another article, nearest to it among those it cannot agree with ("23 missing on Wednesday
    evening" recalled beside another outlet's 21 of that evening); hard or soft as the loosely
    read hedges say.  One pass over the claims per recalled figure (a handful)."""
    links = []
    for o in sorted(own_day):
        same = [s for s in range(len(claims)) if not skipped[s] and cdates[s] == cdates[o]
                and claims[s].doc != claims[o].doc and not agree_all([spans[s], spans[o]])]
        if not same:
            continue
        ref = _clearest(o, same, claims, spans, cfg)
        loose = [stretched(claims[i], spans[i], cfg) or spans[i] for i in (o, ref)]
        links.append(OutlierLink(claim=_ref(claims[o]), reference=_ref(claims[ref]), direction="same_day",
                                 strength="soft" if agree_all(loose) else "hard"))
    return links


def _undated_soft(claims, spans, cdates, groups, cfg, notes, build, points) -> Optional[Cluster]:
    """A trajectory fits every claim, each undated source at a date of its own; but undated
    figures of different sources within plausible growth of each other may be the same day
    told differently - the soft conflict the same claims make without any dated one
    (`_undated_growth`), so that adding a dated report never hides it."""
    und = [i for i, d in enumerate(cdates) if d is None and claims[i].period != EARLIER_PERIOD]
    if len({groups[i] for i in und}) < 2 or agree_all([spans[i] for i in und]):
        return None
    verdict, note = _undated_growth([spans[i] for i in und], [groups[i] for i in und], [claims[i] for i in und])
    if verdict != "soft":
        return None
    result = sweep([(spans[i], groups[i]) for i in und], check_tie=False)
    if result is None:
        return None
    kept = {und[k] for k in result.members}
    outliers = [i for i in und if i not in kept]
    notes.append(note)
    notes.append(f"disagreement: undated figures {', '.join(sorted({repr(claims[i].surface) for i in outliers}))} "
                 f"outside {result.span.describe()}, backed by {result.support} independent sources")
    return build("conflict", outliers, severity=0.0, cause="disagreement", strength="soft",
                 trajectory=points, consensus=result.span.to_model())


def _band(point) -> Optional[Span]:
    return None if point is None else Span(point.low, point.high)


def _fmt_claim(c: Claim, d: Optional[date]) -> str:
    return f"{c.surface!r} ({c.doc}{', ' + d.isoformat() if d else ''})"


def _stale(claims, spans, cdates, outliers, supporters) -> Optional[str]:
    """'X is below Y reported earlier': the later, lower figure of a falling toll, if any."""
    for o in outliers:
        do, so = cdates[o], spans[o]
        if do is None or so.high is None:
            continue
        for s in supporters:
            ds, ss = cdates[s], spans[s]
            if ds is not None and ds < do and ss.low is not None and ss.low > so.high:
                return (f"stale figure: {_fmt_claim(claims[o], do)} is below "
                        f"{_fmt_claim(claims[s], ds)}, reported earlier; a running total cannot fall")
    for o in outliers:
        do, so = cdates[o], spans[o]
        if do is None or so.low is None:
            continue
        for s in supporters:
            ds, ss = cdates[s], spans[s]
            if ds is not None and ds > do and ss.high is not None and ss.high < so.low:
                return (f"{_fmt_claim(claims[o], do)} is above {_fmt_claim(claims[s], ds)}, "
                        "reported later; a running total cannot fall, so one of them is wrong")
    return None


def _calendar_day(when) -> date:
    """The day of a date or of a moment within a day (crosscheck.reconcile.within_day)."""
    return when.date() if isinstance(when, datetime) else when
