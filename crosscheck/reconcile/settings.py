"""Reconciler settings: a pydantic model whose defaults live in `rules/reconcile.yaml`.

`default_config()` loads that file once; `load_config(path)` reads another one (same schema,
missing keys fall back to the field defaults below).  Every field is documented here; the YAML
file says why each value was chosen.
"""

from __future__ import annotations

from functools import lru_cache
from pathlib import Path
from typing import Literal, Optional

from pydantic import BaseModel, ConfigDict, Field, ValidationError, model_validator

from crosscheck.errors import RuleError

SETTINGS_FILE = "reconcile.yaml"  # inside the rules directory


class NearDuplicateConfig(BaseModel):
    """How wire copies are found (crosscheck.reconcile.sources)."""

    model_config = ConfigDict(extra="forbid", frozen=True)

    shingle_words: int = Field(5, ge=1, description="words per shingle")
    sketch_size: int = Field(8, ge=1, description="smallest shingle hashes kept per document")
    max_bucket: int = Field(50, ge=2, description="ignore sketch buckets bigger than this")
    min_length_ratio: float = Field(0.7, gt=0, le=1, description="shorter/longer text length")
    threshold: float = Field(85, ge=0, le=100, description="rapidfuzz ratio for a copy")


class UnitPair(BaseModel):
    """One length told in a fine and a coarse unit (crosscheck.reconcile.unit_pairs)."""

    model_config = ConfigDict(extra="forbid", frozen=True)

    fine: str  # kind in the fine unit (duration_days)
    coarse: str  # kind in the coarse unit (duration_months)
    low: float = Field(gt=0)  # fewest fine units in one coarse unit (a month: 28 days)
    high: float = Field(gt=0)  # most fine units in one coarse unit (31)


class ReconcileConfig(BaseModel):
    """Tolerances, windows and word lists used to group and judge claims."""

    model_config = ConfigDict(extra="forbid", frozen=True)

    # grouping
    scope_attributes: list[str] = ["group", "location", "period", "event", "actor", "incident"]
    fuzzy_attributes: list[str] = ["location", "group"]
    attach_when_missing: list[str] = ["location", "group", "period", "incident"]
    context_families: dict[str, list[str]] = {}
    resolution_event: str = "resolution:{value}"
    identity_kinds: list[str] = ["resolution_number"]
    # the length of an event: a window period of its sentence is read as the event's
    length_kinds: list[str] = []
    length_window_periods: list[str] = []
    # events whose length (`length_kinds`, period `event`) has no parts by place: a place the
    # figure only took from its article (or read ambiguously) is no scope of it
    placeless_length_events: list[str] = []
    # the extraction rules whose lengths are times elapsed so far ("منذ 55 يوما"): compared as of
    # one day (crosscheck.reconcile.elapsed)
    elapsed_rules: list[str] = []
    # the length of a growing event (the war) told with a verb of a finished span right before it
    # ("بعد معارك استمرت 133 يوما"): the ended event's final length, dated to its running
    # total's latest day (crosscheck.reconcile.ended); examples {hit: [[sentence, surface]], miss: [...]}
    ended_length_leads: list[str] = []
    ended_length_examples: dict[str, list[list[str]]] = {}
    unclustered_kinds: list[str] = ["other"]
    # a batch of a release (event prefixes, "phase:") of these kinds joins its story's live
    # cluster (the same scope with no event) when it is the only batch of that scope
    batch_events: list[str] = []
    batch_kinds: list[str] = []
    continuous_kinds: list[str] = ["duration_days"]
    fuzzy_threshold: float = Field(88, ge=0, le=100)
    location_generic_words: list[str] = []
    location_aliases: dict[str, list[str]] = {}
    location_examples: dict[str, list[list[str]]] = {}
    # A figure at a finer or unknown place joins the coarser place's cluster that holds the same
    # figure from another article (grouping._join_corroborated); None turns this off.
    corroborate_min_value: Optional[float] = Field(10, ge=0)
    # ... and a running total's figure given more than `window_days` after the same figure from
    # another article, at most this many days after it, recalls that final figure and may join
    # it (grouping.recalls_final); None: `window_days` only.
    corroborate_running_days: Optional[float] = Field(None, ge=0)
    # A figure at no place joins the one placed cluster of its scope that holds figures within
    # this many days of its own (grouping.join_moves); None turns this off.
    story_window_days: Optional[float] = Field(3, ge=0)
    # A cluster with a missing attribute joins its one matching cluster only when none of its
    # figures was given more than this many days before or after every figure of that cluster
    # (grouping._attach_open_scopes); None turns this off.
    attach_gap_days: Optional[float] = Field(30, ge=0)
    # A cluster whose every figure took its place from its article (`inferred`: a dateline, the
    # place the article names most) joins its story's cluster on its place's chain in the
    # gazetteer: "finer" a place inside its own, "coarser" one containing it
    # (crosscheck.reconcile.weak_places); empty turns this off.
    weak_place_join: list[Literal["finer", "coarser"]] = []
    # ... and, when no cluster on its place's chain states its place, joins the weak cluster of
    # the coarsest place there (two defaults meet); False: it joins only a stated place.
    weak_place_join_defaults: bool = True
    # ... and only when every figure of the weak cluster (parts of a sum aside) is the
    # destination's: the same figure given there, or a bound ("more than 100") a figure there
    # meets (crosscheck.reconcile.weak_places.fits).  False: no such test.
    weak_place_join_fits: bool = False
    # ... and, when not all of them are, those of its figures that are join it alone
    # (crosscheck.reconcile.weak_places.fitting_figures); the others stay.  False: the weak
    # cluster joins whole or not at all.
    weak_place_join_by_figure: bool = False
    # A cluster at no place whose articles fall into runs of days more than this many days apart
    # holds several stories, one cluster each (grouping.split_stories); None turns this off.
    story_gap_days: Optional[float] = Field(180, ge=0)
    # ... and an undated article there whose figure sentences share more than this many times
    # the rare-word weight with an article outside the cluster than with any dated article in it
    # tells that other story (grouping.split_stories, reconcile.story_words); None turns it off.
    story_word_margin: Optional[float] = Field(2.0, ge=1)
    # time
    window_days: float = Field(3, ge=0)
    # Figures that move both ways from day to day (people still missing, hostages still held):
    # compared only within this many days of each other.
    volatile_kinds: list[str] = Field(default_factory=list)
    # ... and groups whose figures do so whatever their kind (the injured still in hospital)
    volatile_groups: list[str] = Field(default_factory=list)
    volatile_window_days: float = Field(0, ge=0)
    # Periods of one day's count ("in the last 24 hours"): compared like volatile kinds, only
    # within volatile_window_days.
    daily_periods: list[str] = []
    monotonic_kinds: list[str] = ["killed", "injured"]
    cumulative_periods: list[str] = ["cumulative"]
    growing_events: list[str] = ["war"]
    monotonic_tolerance: float = Field(0.01, ge=0, lt=1)
    monotonic_simultaneous_days: float = Field(0, ge=0)
    timeless_periods: list[str] = ["event"]
    timeless_kinds: list[str] = ["vote_position"]
    # events whose figures are settled, whatever the day they are told (a past event)
    timeless_event_prefixes: list[str] = []
    # causes
    cause_order: list[str] = ["reporting_lag", "hedge_rounding", "likely_typo", "different_scope"]
    hedge_widen: float = Field(0.05, ge=0)
    rounding_widen: float = Field(0.02, ge=0)
    round_min_trailing_zeros: int = Field(2, ge=1)
    hedged_qualifiers: list[str] = ["approx", "more_than", "at_least", "less_than", "at_most"]
    typo_min_value: int = Field(100, ge=0)
    typo_min_significant_digits: int = Field(3, ge=1)
    # a figure recalled for an earlier day against that day's figure in a linked cluster
    # (inconsistencies._recalled_typos): the digit slips counted with these looser bounds
    recalled_typo_min_value: int = Field(10, ge=0)
    recalled_typo_min_significant_digits: int = Field(2, ge=1)
    typo_examples: dict[str, list[list[int]]] = {}
    soft_approx_stretch: float = Field(0.05, ge=0)
    # kinds counted by a convention that may differ by a unit (a war of 33 or 34 days, counted
    # with or without its first day): an exact figure read loosely may move this much
    counting_slack: dict[str, float] = {}
    # kind -> a word of a coarser unit in a hedged claim's surface -> how far (in the kind's
    # unit) the claim may move when read loosely ("نحو ستة أسابيع": a week); causes.stretched
    unit_slack: dict[str, dict[str, float]] = {}
    unit_slack_examples: dict[str, list[list[str]]] = {}
    # a figure at most this fraction of a larger one the same article gives for the same scope
    # and day is a part of it, not compared (reconciler._own_parts); 0 turns this off
    own_part_ratio: float = Field(0.3, ge=0, lt=1)
    # a figure right after one of these leads (normalised) below a larger figure of its own
    # sentence is what made that figure rise: a part of it, not compared (intervals.own_parts)
    own_part_leads: list[str] = []
    # a figure own_part_ratio would set aside is compared after all when another article gives
    # a figure of the same day within this factor of it (not itself set aside): that day's
    # count, not a part (reconciler._unmet_parts); 0 turns this off
    own_part_met_ratio: float = Field(0.0, ge=0)
    # two figures of one article's day from different counters (attributions) at most this
    # factor apart are two counting methods the article reports, not a same-day mismatch
    # (inconsistencies._rival_counters); None turns this off
    rival_counter_ratio: Optional[float] = Field(None, ge=1)
    # A duration of an event (a truce's length) reported on days further apart than the longer
    # duration plus this many days is another instance of the event: not compared (None: off).
    instance_slack_days: Optional[float] = Field(1, ge=0)
    instance_kinds: list[str] = ["duration_days"]
    # one length told in two units: a cluster of each with the same scope must agree
    unit_pairs: list[UnitPair] = []
    vote_position_compatible: list[list[str]] = [["veto", "against"]]
    # Members of each voting body (the `body=` of a vote's event): the votes for, against and
    # abstaining on one vote cannot add up to more.
    vote_body_sizes: dict[str, int] = {"sc": 15, "ga": 193, "hrc": 47, "chr": 53}
    # captives (crosscheck.reconcile.captives): the words around a hostages_held figure that
    # read it as the number taken or the number still held ({role: {before: [...], after: [...]}})
    # and examples ({role: [[sentence, figure surface], ...]}, "neither": read as no role)
    captive_roles: dict[str, dict[str, list[str]]] = {}
    captive_role_examples: dict[str, list[list[str]]] = {}
    # sources
    near_duplicate: NearDuplicateConfig = NearDuplicateConfig()

    @model_validator(mode="after")
    def _check_names(self) -> "ReconcileConfig":
        known = {"hedge_rounding", "likely_typo", "reporting_lag", "different_scope"}
        bad = [c for c in self.cause_order if c not in known]
        if bad:
            raise ValueError(f"unknown cause {bad[0]!r} in cause_order (known: {sorted(known)})")
        bad_attr = [a for a in self.fuzzy_attributes + self.attach_when_missing
                    if a not in self.scope_attributes]
        if bad_attr:
            raise ValueError(f"attribute {bad_attr[0]!r} is not one of scope_attributes")
        return self


def load_config(path: str | Path) -> ReconcileConfig:
    """Read a reconcile YAML file; a RuleError names the file and the bad field."""
    from crosscheck.ruleset.loader import read_yaml

    p = Path(path)
    raw = read_yaml(p, "reconcile settings")
    if raw is None:
        raw = {}
    if not isinstance(raw, dict):
        raise RuleError(f"{p}: expected a mapping of settings at the top level")
    try:
        return ReconcileConfig.model_validate(raw)
    except ValidationError as exc:
        err = exc.errors()[0]
        loc = ".".join(str(x) for x in err["loc"]) or "(top level)"
        raise RuleError(f"{p}: setting {loc}: {err['msg']}") from None


def default_config(rules: str | Path | None = None) -> ReconcileConfig:
    """The settings in reconcile.yaml of the rules directory in force (cached per directory)."""
    from crosscheck.ruleset.resources import resolved, rules_dir

    # resolved once per process when absolute (every ingested document asks)
    return _config_at(str(Path(resolved(rules_dir(rules))) / SETTINGS_FILE))


@lru_cache(maxsize=8)
def _config_at(path: str) -> ReconcileConfig:
    return load_config(path)


def config_or_default(config: Optional[ReconcileConfig]) -> ReconcileConfig:
    return default_config() if config is None else config
