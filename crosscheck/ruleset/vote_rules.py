"""Schema and loading of rules/vote_events.yaml (read by crosscheck.extract.vote_events and
crosscheck.reconcile.votes).  Validated with extra="forbid"; a bad file is a RuleError naming
it.  Loaded once per rules directory."""

from __future__ import annotations

from functools import lru_cache
from pathlib import Path
from typing import Optional

from pydantic import BaseModel, ConfigDict, Field, model_validator

from crosscheck.ruleset.loader import _validate, read_yaml
from crosscheck.ruleset.resources import rules_dir

CUE_IDS = ("body_sc", "body_ga", "body_committee", "body_hrc", "body_chr", "body_council", "body_sc_short", "body_ga_short", "amendment", "draft",
           "resolution", "resolution_text", "veto", "recall", "after_event", "earlier_step", "sponsor_verb", "voter_verb", "past_month", "last_month", "year", "that_year",
           "recalled_text", "last_year_after", "pluperfect")

_SPELLING = str.maketrans({"ى": "ي", "ة": "ه", "أ": "ا", "إ": "ا", "آ": "ا", "ّ": None})


def spelled(pattern: str) -> str:
    """A pattern or example as the normalised text spells it (ى→ي, ة→ه, one alef)."""
    return pattern.translate(_SPELLING)


class _Strict(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)


class CueExamples(_Strict):
    hit: list[str] = Field(min_length=1)
    miss: list[str] = Field(min_length=1)


class VoteCue(_Strict):
    id: str = Field(pattern="^(" + "|".join(CUE_IDS) + ")$")
    what: str
    # a `body_council` cue's identity: the event's body ("oas", "au_psc"), a body of its own
    body: Optional[str] = Field(None, pattern="^[a-z][a-z_]*$")

    @model_validator(mode="after")
    def _council_body(self) -> "VoteCue":
        if (self.id == "body_council") != (self.body is not None):
            raise ValueError("a body_council cue names its body (`body`), and only such a cue does")
        return self
    patterns: list[str] = Field(min_length=1)
    examples: CueExamples


class VoteRules(_Strict):
    what: str
    why: str
    cues: list[VoteCue]
    sponsor_adjectives: dict[str, list[str]] = {}
    committee_ordinals: dict[str, int] = {}
    text_ordinals: dict[str, int] = {}
    text_ordinal_words: int = Field(2, ge=1)
    day_units: dict[str, int] = {}
    veto_negators: list[str] = []
    sponsor_after_words: int = Field(4, ge=1)
    actor_before_words: int = Field(3, ge=1)
    owner_before_words: int = Field(8, ge=1)
    tally_kinds: list[str] = Field(min_length=1)
    sc_members: int = Field(15, ge=1)
    large_bodies: list[str] = ["ga"]
    hrc_members: int = Field(47, ge=1)
    chr_members: int = Field(53, ge=1)
    undated_window_days: int = Field(7, ge=0)
    # ... and at most this many days before it when its sentence opens in the pluperfect (the
    # `pluperfect` cue: "وكانت الجمعية قد دانت الغزو بأغلبية 108 أصوات"): a vote recalled weeks on
    recalled_window_days: int = Field(7, ge=0)
    relative_slack_days: int = Field(2, ge=0)
    undated_link_max_votes: int = Field(8, ge=0)
    tally_min_value: int = Field(10, ge=1)
    tally_far_ratio: float = Field(1.25, gt=1)
    year_recall_min_value: int = Field(16, ge=1)
    year_named_bodies: list[str] = []
    number_year_gap_chars: int = Field(30, ge=0)
    amends_words: list[str] = []
    rival_words: list[str] = []
    relative_words: list[str] = []
    contrast_words: list[str] = []
    that_year_chars: int = Field(300, ge=0)
    other_text_words: list[str] = []
    # ... and the verbs that make a text cited by a relative clause ("الذي فرضه القرار 713"): a
    # year in the rest of its clause is that text's
    cited_text_words: list[str] = []
    other_text_year_words: int = Field(4, ge=1)
    amends_gap_words: int = Field(3, ge=1)
    step_gap_words: int = Field(3, ge=0)
    month_anchor_words: list[str] = []
    yearly_words: list[str] = []


@lru_cache(maxsize=8)
def vote_rules(directory: Optional[str] = None) -> VoteRules:
    path = Path(str(rules_dir(directory).resolve())) / "vote_events.yaml"
    return _validate(VoteRules, read_yaml(path), path)  # type: ignore[return-value]
