"""Data shared by every stage: number matches, documents, claims, clusters, the report.

These are the contracts between modules (and, for `Report`, with users: its JSON Schema is
published in `docs/report.schema.json`).  Keep them small; derived data is computed where used.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Literal, Optional, Union

from pydantic import BaseModel, ConfigDict, Field

# --------------------------------------------------------------------------- numbers

NumberForm = Literal[
    "cardinal",  # a count: "33 ألف", "مئة وواحد وسبعين", "72,063"
    "ordinal",  # "السادسة", "الحادي والعشرون": never a count
    "fraction",  # "نصف", "ثلاثة أرباع", "77/100"
    "vague",  # "عشرات الآلاف", "بضعة آلاف", "مئة ونيف": an interval
    "decimal",  # "1.5", "٣٫٥ مليار"
    "date",  # "7 أكتوبر", "02/04/2025": not a count
    "year",  # "عام 2023": not a count
    "time",  # "03:24": not a count
    "percent",  # "30%", "30 في المئة": not a count
    "phone",  # long digit strings: not a count
]


@dataclass(slots=True)
class NumberMatch:
    """One number found in a text.  Offsets are into the ORIGINAL text."""

    start: int
    end: int
    value: float | int
    low: float | int
    high: float | int
    form: str
    text: str = ""  # the original surface, text[start:end]
    nstart: int = -1  # the same span in the normalised text (crosscheck.text.normalize)
    nend: int = -1

    @property
    def is_count(self) -> bool:
        return self.form in ("cardinal", "vague", "decimal")


# --------------------------------------------------------------------------- documents


class Document(BaseModel):
    """One article.  `id` comes from front matter / JSONL, else the file stem."""

    model_config = ConfigDict(extra="forbid")

    id: str
    text: str
    path: Optional[str] = None
    title: Optional[str] = None
    date: Optional[str] = None  # ISO 8601 date (YYYY-MM-DD) when known
    source: Optional[str] = None
    url: Optional[str] = None
    sha256: str = ""


# --------------------------------------------------------------------------- claims

Qualifier = Literal[
    "exact", "approx", "more_than", "at_least", "less_than", "at_most", "range", "vague"
]

CLAIM_KINDS = (
    "killed",
    "injured",
    "missing",
    "hostages_held",
    "hostages_released",
    "prisoners_released",
    "displaced",
    "votes_for",
    "votes_against",
    "abstentions",
    "resolution_number",
    "vetoes",
    "duration_days",
    "duration_months",  # a length in months (a year is 12): a truce, a war, a mandate
    "aid_trucks",
    "vote_position",  # factual: value is "for" / "against" / "abstain" / "veto"; actor = member
    "other",
)


class Mention(BaseModel):
    """One place a document states a claim's figure: offsets into the ORIGINAL text."""

    model_config = ConfigDict(extra="forbid")

    start: int
    end: int
    surface: str
    sentence: str = ""
    # Which text the offsets index: "text" = the article body (`Document.text`), "title" = its
    # headline (`Document.title`).
    field: Literal["text", "title"] = "text"


# Marked in a claim's `inferred` beside "location" when its place is only the one its article
# lends it (the dateline, the place the article names most, the one country it names), not one
# its own clause names, however ambiguously: a default, weaker than a stated place
# (crosscheck.reconcile.weak_places).
PLACE_FROM_ARTICLE = "location:article"
# ... beside "location" when the place is the country of a side or authority its clause names by
# adjective ("وفي الجانب الأميركي، ارتفعت الحصيلة إلى 95"): the clause's own, lent to no other figure
PLACE_FROM_SIDE = "location:side"


class Claim(BaseModel):
    """One claim: a typed quantity (or a vote position) with its interval, scope and place.

    `low`/`high` are the interval the qualifier implies (None = unbounded); `low_open` /
    `high_open` say whether the end itself is excluded.  `start`/`end` index the ORIGINAL
    document text and `text[start:end] == surface`; `number_start`/`number_end` locate just the
    number inside it (for highlighting).  `inferred` names the scope attributes that were taken
    from the document's context rather than the claim's own sentence.  A figure the document
    states several times (headline, lead, a quote) with the same kind, scope and value is ONE
    claim: `mentions` lists every place (the first is also `start`/`end`/`surface`/`sentence`).
    """

    model_config = ConfigDict(extra="forbid")

    doc: str
    kind: str
    value: Union[int, float, str]
    low: Optional[float] = None
    high: Optional[float] = None
    low_open: bool = False
    high_open: bool = False
    qualifier: str = "exact"
    group: Optional[str] = None
    location: Optional[str] = None
    period: Optional[str] = None
    event: Optional[str] = None
    # What happened, coarsely ("quake", "cholera", "war", ...; crosscheck.extract.incidents):
    # figures of different incidents are different quantities.
    incident: Optional[str] = None
    attribution: Optional[str] = None
    actor: Optional[str] = None
    start: int
    end: int
    surface: str
    sentence: str = ""
    # Which text start/end (and the mentions' offsets) index: "text" = the article body
    # (`Document.text`), "title" = its headline (`Document.title`, crosscheck.extract.titles).
    field: Literal["text", "title"] = "text"
    rule: str = ""
    number_start: Optional[int] = None
    number_end: Optional[int] = None
    inferred: list[str] = Field(default_factory=list)
    mentions: list[Mention] = Field(default_factory=list)
    # what a reader should know about the figure as written: "bidi_override" (its digits are
    # under a directional override and display in another order than read), "bidi_control_in_number"
    warnings: list[str] = Field(default_factory=list)
    # The date the figure stands at (ISO), and where it came from: the document's front
    # matter ("metadata"), a date in its text - dateline or the claim's sentence - ("text"),
    # a relative word resolved against the document date ("relative"), or nothing ("none").
    # None until the reconciler resolves it (crosscheck.reconcile.dating).
    as_of: Optional[str] = None
    as_of_from: Optional[Literal["metadata", "text", "relative", "none"]] = None
    # How the figure was arrived at: a tally ("count"), an estimate ("estimate") or a
    # forecast ("projection").  None until resolved (crosscheck.reconcile.claim_scope).
    basis: Optional[Literal["count", "estimate", "projection"]] = None
    # Parts and wholes (crosscheck.reconcile.hierarchy), filled by the reconciler: the place
    # and its parents in the gazetteer, most specific first ("sindh", "pakistan"); the group
    # and the groups it is part of ("children", "all"); for a combined figure ("في البلدين")
    # the places it sums ("iran", "iraq"), its `location` then being "iran+iraq".
    place_path: list[str] = Field(default_factory=list)
    group_path: list[str] = Field(default_factory=list)
    combines: list[str] = Field(default_factory=list)


# --------------------------------------------------------------------------- clusters

Status = Literal["conflict", "consistent", "single"]
Cause = Literal["hedge_rounding", "reporting_lag", "different_scope", "likely_typo", "disagreement"]


class Interval(BaseModel):
    model_config = ConfigDict(extra="forbid")
    low: Optional[float] = None
    high: Optional[float] = None


class ReportMention(Mention):
    """A mention in a report: also where it is in its file."""

    position: Optional[str] = None  # 'file:line:col' (1-based; null when the file is not at hand)


class ClusterClaim(Claim):
    """A claim as it appears inside a cluster (of a report: with its place in its file)."""

    mentions: list[ReportMention] = Field(default_factory=list)  # type: ignore[assignment]
    outlier: bool = False
    date: Optional[str] = None  # the claim's document date, copied for the reader
    source_group: Optional[str] = None  # near-duplicate articles share one source group
    # 'file:line:col' of the claim in the file it was read from (1-based, in characters, front
    # matter counted; a JSONL article: its line, column 1); null for standard input or a file
    # that is gone or changed.  Filled when the report is built (crosscheck.report.positions).
    position: Optional[str] = None


class TrajectoryPoint(BaseModel):
    """The band a running total must lie in at one date, fitted to the claims kept."""

    model_config = ConfigDict(extra="forbid")
    date: str
    low: Optional[float] = None
    high: Optional[float] = None


class ClaimRef(BaseModel):
    """One claim of a cluster, by its document, the text its offsets index and the offsets: a
    headline claim and a body claim may have the same offsets, so `field` is part of the
    identity (absent in reports written before it: "text")."""

    model_config = ConfigDict(extra="forbid")
    doc: str
    start: int
    end: int
    field: Literal["text", "title"] = "text"  # what start/end index, as Claim.field


def claim_identity(c) -> tuple[str, str, int, int]:
    """What identifies a claim (a Claim, ClusterClaim, ClaimRef, InconsistencyClaim) among its
    document's: (doc, field, start, end).  The offsets alone do not: a headline's claim and a
    body's may have the same ones."""
    return (c.doc, getattr(c, "field", "text") or "text", c.start, c.end)


class OutlierLink(BaseModel):
    """A figure a running total's growth leaves out, and the kept figure it contradicts: a
    later figure below an earlier one ("below_earlier": a stale figure), an earlier one above a
    later one ("above_later": each a `falling_total` inconsistency), a figure repeated after an
    article revised it down ("after_revision": the revised figure is the reference; a
    `falling_total` too), or another figure of the same day ("same_day": a
    `same_day_mismatch` inconsistency; also two figures of one day both left out, from
    different articles: the reference is then an outlier too)."""

    model_config = ConfigDict(extra="forbid")
    claim: ClaimRef  # the figure left out (an outlier of the cluster)
    reference: ClaimRef  # the kept figure it contradicts (or another left out the same day)
    direction: Literal["below_earlier", "above_later", "after_revision", "same_day"]
    strength: Literal["hard", "soft"] = "hard"


class Cluster(BaseModel):
    model_config = ConfigDict(extra="forbid")

    id: str
    kind: str
    key: dict[str, Optional[str]]
    status: Status
    severity: Optional[float] = None  # relative gap between the outliers and the consensus
    cause: Optional[str] = None
    consensus: Optional[Interval] = None
    ambiguous: bool = False  # some member's scope was inferred or uncertain
    notes: list[str] = Field(default_factory=list)
    claims: list[ClusterClaim]
    # "hard": no reading of the hedges lets the figures agree; "soft": they agree if a hedge is
    # read past its pragmatic tolerance ("more than 100" against "about 200").  None unless a
    # conflict.
    strength: Optional[Literal["hard", "soft"]] = None
    # For a dated running total: the fitted non-decreasing trajectory, one point per date.
    trajectory: Optional[list[TrajectoryPoint]] = None
    # A running total whose other reports fit one growing trajectory over two dates or more is
    # consistent; the figures left out of it are its outliers, each linked to the kept figure
    # it contradicts (a `falling_total` or `same_day_mismatch` inconsistency).
    outlier_links: list[OutlierLink] = Field(default_factory=list)
    # The exact-scope key grouping blocked on, and the keys that link this cluster to others
    # (place and group hierarchy) for the cross-cluster checks.
    block_key: str = ""
    hierarchy_keys: list[str] = Field(default_factory=list)


class ReportDocument(BaseModel):
    model_config = ConfigDict(extra="forbid")
    id: str
    path: Optional[str] = None
    date: Optional[str] = None
    source: Optional[str] = None
    url: Optional[str] = None
    sha256: str
    # where `date` came from: front matter ("metadata") or the dateline in the text ("text")
    date_from: Optional[Literal["metadata", "text"]] = None


class InconsistencyClaim(BaseModel):
    """A claim as cited by an inconsistency (enough to find it in its cluster)."""

    model_config = ConfigDict(extra="forbid")
    doc: str
    kind: str
    value: Union[int, float, str]
    cluster: str
    qualifier: str = "exact"
    surface: str = ""
    start: int = 0
    end: int = 0
    field: Literal["text", "title"] = "text"  # what start/end index, as Claim.field
    low: Optional[float] = None
    high: Optional[float] = None
    as_of: Optional[str] = None
    role: str = ""  # "part", "whole", "combination", ...
    position: Optional[str] = None  # 'file:line:col', as ClusterClaim.position


class Inconsistency(BaseModel):
    """Figures in different clusters that cannot all be true (a part larger than its whole)."""

    model_config = ConfigDict(extra="forbid")
    id: str
    type: str  # part_exceeds_whole | parts_exceed_whole | combination_mismatch
    strength: Literal["hard", "soft"] = "hard"
    clusters: list[str]
    claims: list[InconsistencyClaim]
    explanation: str


class Report(BaseModel):
    """The JSON report: the machine contract read by eval/score.py and CI tooling."""

    model_config = ConfigDict(extra="forbid")
    version: Literal[2] = 2
    documents: list[ReportDocument]
    clusters: list[Cluster]
    inconsistencies: list[Inconsistency] = Field(default_factory=list)
