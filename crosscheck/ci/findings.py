"""What the CI check finds and how it is described: rule ids, `Finding`, `CheckResult`.

The check (crosscheck.ci.check) produces these; the formats (crosscheck.ci.github,
crosscheck.ci.sarif, crosscheck.ci.markdown) and the baseline (crosscheck.ci.baseline) only
read them, so none of them imports the check.
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass, field
from pathlib import Path
from typing import Optional

from crosscheck.models import Claim, Cluster, ClusterClaim, Document, Inconsistency, claim_identity
from crosscheck.text.textpos import FileText, Position


EXIT_CLEAN = 0
EXIT_CONFLICTS = 1

# Stable rule ids (SARIF ruleId, annotation titles): one per conflict cause, one for warnings.
# Never rename one: code scanning keys alert history on it.
RULES: dict[str, dict[str, str]] = {
    "conflict-disagreement": {
        "name": "Disagreement",
        "short": "A new article's figure disagrees with the record",
        "full": "The claims in this cluster speak of the same quantity and no single value satisfies them all; "
        "no milder explanation (hedging, rounding, reporting lag, typo, scope) fits.",
    },
    "conflict-hedge-rounding": {
        "name": "HedgeRounding",
        "short": "Figures disagree only within hedging or rounding",
        "full": "The figures conflict as written but agree once hedges ('about', 'more than') and round "
        "numbers are given some slack; check whether the article's wording is precise enough.",
    },
    "conflict-reporting-lag": {
        "name": "ReportingLag",
        "short": "Figures differ as a running total grows",
        "full": "The figures differ in a way explained by when they were reported (a cumulative toll "
        "rising over time); check the article's date and the source's latest figure.",
    },
    "conflict-likely-typo": {
        "name": "LikelyTypo",
        "short": "A figure looks like a typo of the others",
        "full": "One figure differs from the rest by swapped, missing or extra digits; check it for a typing error.",
    },
    "conflict-different-scope": {
        "name": "DifferentScope",
        "short": "Figures may speak of different scopes",
        "full": "The figures conflict but some of them may speak of a different place, group or period; "
        "make the scope explicit or correct the figure.",
    },
    "ambiguous-scope": {
        "name": "AmbiguousScope",
        "short": "A figure was matched to the record with an inferred scope",
        "full": "The claim agrees with the record, but part of its scope (place, group, period) was inferred "
        "from context; state it explicitly so the match is certain.",
    },
    "bidi-spoofing": {
        "name": "BidiSpoofing",
        "short": "A figure displays differently from how it is read",
        "full": "The figure's digits stand under a Unicode directional override (or hold a bidi control "
        "character), so a reader sees them in another order than the text holds: '\u202e03\u202c' "
        "is 3 but shows as 30.  Remove the control characters.",
    },
    "inconsistency-part-exceeds-whole": {
        "name": "PartExceedsWhole",
        "short": "A part's figure exceeds its whole's",
        "full": "A figure for a part (a city, a province, children, a subset) is larger than the figure "
        "for its whole (the country, all the dead) given the same day; at least one of them is wrong.",
    },
    "inconsistency-parts-exceed-whole": {
        "name": "PartsExceedWhole",
        "short": "Parts add up to more than their whole",
        "full": "Figures for parts that do not overlap (sibling places, children and women) add up to more "
        "than the figure for their whole given the same day.",
    },
    "inconsistency-combination-mismatch": {
        "name": "CombinationMismatch",
        "short": "A combined figure does not match its parts",
        "full": "A figure stated for several places together ('in both countries') is not the sum of "
        "the places' own figures given the same day.",
    },
    "inconsistency-subperiod-exceeds-total": {
        "name": "SubperiodExceedsTotal",
        "short": "A figure for part of the time exceeds the running total",
        "full": "A toll since an anchor (the ceasefire, a date) or for a rolling window (the last 24 "
        "hours) is larger than the running total of the same scope given the same day.",
    },
    "inconsistency-tally-exceeds-body": {
        "name": "TallyExceedsBody",
        "short": "More votes than the body has members",
        "full": "The votes for, against and abstaining on one vote add up to more than the members of "
        "the body (15 in the Security Council, 193 in the General Assembly).",
    },
    "inconsistency-falling-total": {
        "name": "FallingTotal",
        "short": "A running total's figure falls out of its growth",
        "full": "The other reports of a running total fit one growing trajectory, but this figure is below "
        "one reported earlier (a stale figure) or above one reported later; check its date and the "
        "source's latest figure.",
    },
    "inconsistency-same-day-mismatch": {
        "name": "SameDayMismatch",
        "short": "A running total is given two ways the same day",
        "full": "The other reports of a running total fit one growing trajectory, but this figure "
        "contradicts another of the same day; at least one of them is wrong.",
    },
    "inconsistency-number-typo": {
        "name": "NumberTypo",
        "short": "One story gives a resolution number two ways",
        "full": "Copies of one article, or articles reporting the same tally of one vote, give resolution "
        "numbers that differ by a digit slip (swapped or one digit off); one of them is likely mistyped.",
    },
    "inconsistency-captives-exceed-taken": {
        "name": "CaptivesExceedTaken",
        "short": "Captives still held and freed add up to more than were taken",
        "full": "Articles give how many captives were taken, how many have been freed and how many are still "
        "held; at one date the held and the freed add up to more than were taken (or more are held than "
        "were held before a batch was freed). One of the figures is wrong or stale.",
    },
    "inconsistency-unit-mismatch": {
        "name": "UnitMismatch",
        "short": "One length told in days and in months disagrees",
        "full": "Articles give the length of one event (a truce, a term) in days and in months, and the two "
        "cannot both be true at 28-31 days a month (90 days is not two months); one of them is wrong.",
    },
}
WARNING_RULE = "ambiguous-scope"
BIDI_RULE = "bidi-spoofing"


def rule_for(cluster: Cluster, level: str) -> str:
    """The rule id of a finding in `cluster` at `level`."""
    if cluster.status != "conflict":
        return WARNING_RULE
    rid = "conflict-" + (cluster.cause or "disagreement").replace("_", "-")
    return rid if rid in RULES else "conflict-disagreement"


# --------------------------------------------------------------------------- findings


@dataclass
class Finding:
    """One claim of a new article in a cluster that conflicts (or, as a warning, is ambiguous)."""

    level: str  # "error" | "warning"
    rule_id: str
    cluster: Cluster
    claim: ClusterClaim
    document: Document
    file: Optional[FileText]
    position: Optional[Position]
    occurrence: int = 0  # how many earlier claims in this cluster+doc have the same surface
    suppressed: bool = False
    # set when the claim is cited by an inconsistency between clusters (a part above its whole)
    inconsistency: Optional[Inconsistency] = None

    @property
    def item(self) -> str:
        """What the finding is about: its inconsistency's id, else its cluster's."""
        return self.inconsistency.id if self.inconsistency is not None else self.cluster.id

    @property
    def key(self) -> tuple[str, str, str]:
        """The baseline key: (cluster or inconsistency id, document id, claim surface)."""
        return (self.item, self.claim.doc, self.claim.surface)

    @property
    def fingerprint(self) -> str:
        """A content fingerprint: moving the text (other lines above) does not change it."""
        payload = "\x1f".join([self.item, self.claim.doc, self.claim.surface, str(self.occurrence)])
        return hashlib.sha256(payload.encode("utf-8")).hexdigest()[:32]

    @property
    def path(self) -> Optional[str]:
        """The article's path as an annotation wants it: relative to the working directory
        when it lies below it, with '/' separators."""
        return display_path(self.document.path)

    @property
    def is_conflict(self) -> bool:
        if self.inconsistency is not None:
            return True
        return self.cluster.status == "conflict" and self.rule_id != BIDI_RULE

    @property
    def others(self) -> list[ClusterClaim]:
        return [c for c in self.cluster.claims if c is not self.claim]

    @property
    def title(self) -> str:
        if self.inconsistency is not None:
            what = "inconsistency" if self.level == "error" else "soft inconsistency"
            return f"crosscheck: {self.cluster.kind} {what} ({RULES[self.rule_id]['name']})"
        if self.rule_id == BIDI_RULE:
            return f"crosscheck: {self.cluster.kind} figure displays differently ({RULES[self.rule_id]['name']})"
        what = ("conflict" if self.level == "error" else "soft conflict") if self.is_conflict else "ambiguous scope"
        return f"crosscheck: {self.cluster.kind} {what} ({RULES[self.rule_id]['name']})"

    def message(self, limit: int = 6) -> str:
        """One line for people: what the article says, what the record says, the cause."""
        mine = f"'{visible(self.claim.surface)}' ({describe(self.claim)})"
        inc = self.inconsistency
        if inc is not None:
            role = next((c.role for c in inc.claims if claim_identity(c) == claim_identity(self.claim)), "")
            return (f"{self.cluster.kind}: this article's figure {mine}{' (the ' + role + ')' if role else ''} "
                    f"cannot be true together with figures of other clusters: {visible(inc.explanation)} "
                    f"({inc.strength}). Inconsistency {inc.id}; clusters {', '.join(inc.clusters)}.")
        if self.rule_id == BIDI_RULE:
            return (f"{self.cluster.kind}: this article's figure {mine} is read as {describe(self.claim)} but its "
                    f"digits are shown reordered by bidi control characters ({', '.join(self.claim.warnings)}); "
                    f"remove them. Cluster {self.cluster.id}.")
        shown = self.others[:limit]
        record = "; ".join(f"{c.doc}: '{visible(c.surface)}' ({describe(c)})" for c in shown)
        more = f"; and {len(self.others) - limit} more" if len(self.others) > limit else ""
        if self.is_conflict:
            head = f"{self.cluster.kind}: this article says {mine}, which conflicts with {record}{more}."
            tail = f" Cause: {(self.cluster.cause or 'disagreement').replace('_', ' ')}"
            if self.cluster.strength:
                tail += f" ({self.cluster.strength})"
            if self.cluster.consensus is not None:
                tail += f"; most sources agree on {_interval(self.cluster.consensus.low, self.cluster.consensus.high)}"
            tail += f". Cluster {self.cluster.id}."
        else:
            head = f"{self.cluster.kind}: this article says {mine}, matched with {record}{more}"
            tail = f" only by an inferred scope ({_scope(self.cluster)}). Cluster {self.cluster.id}."
        return head + tail


@dataclass
class BaselineMatch:
    suppressed: list[Finding] = field(default_factory=list)
    stale: list[tuple[str, str, str]] = field(default_factory=list)


@dataclass
class CheckResult:
    new_documents: list[Document]
    record_documents: list[Document]
    findings: list[Finding]  # not silenced by the baseline
    suppressed: list[Finding] = field(default_factory=list)
    stale: list[tuple[str, str, str]] = field(default_factory=list)  # baseline keys that match nothing
    fail_on: str = "hard"
    baseline: Optional[str] = None
    # the size of the record when only part of it was loaded (a store checked by unit keys)
    record_total: Optional[int] = None

    @property
    def record_count(self) -> int:
        return self.record_total if self.record_total is not None else len(self.record_documents)

    @property
    def errors(self) -> list[Finding]:
        return [f for f in self.findings if f.level == "error"]

    @property
    def warnings(self) -> list[Finding]:
        return [f for f in self.findings if f.level == "warning"]

    @property
    def exit_code(self) -> int:
        if self.fail_on == "never":
            return EXIT_CLEAN
        if self.fail_on == "hard":
            failing = self.errors
        elif self.fail_on == "warning":  # deprecated: every finding, ambiguous matches too
            failing = self.findings
        else:  # "soft", and the deprecated "conflict": every conflict, hard or soft
            failing = [f for f in self.findings if f.is_conflict]
        return EXIT_CONFLICTS if failing else EXIT_CLEAN

    def summary(self) -> str:
        n_new = len(self.new_documents)
        incs = [f for f in self.findings if f.inconsistency is not None]
        parts = [
            f"crosscheck: {sum(1 for f in self.errors if f.inconsistency is None)} conflict(s)"
            + (f", {soft} soft conflict(s)" if (soft := sum(1 for f in self.warnings if f.is_conflict
                                                           and f.inconsistency is None)) else "")
            + (f", {len(incs)} figure(s) in inconsistencies between clusters"
               f" ({sum(1 for f in incs if f.level == 'error')} failing)" if incs else "")
            + (f" and {len(self.warnings)} warning(s)" if self.fail_on == "warning" else "")
            + f" in {n_new} new article(s) checked against {self.record_count} in the record"
        ]
        if self.suppressed:
            parts.append(f"{len(self.suppressed)} accepted in the baseline")
        if self.stale:
            parts.append(f"{len(self.stale)} stale baseline entr{'y' if len(self.stale) == 1 else 'ies'}")
        return "; ".join(parts)


_BIDI_CONTROLS = dict.fromkeys(map(ord, "\u200e\u200f\u061c\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069"))


def visible(text: str) -> str:
    """Untrusted text for a message: bidi controls shown as <U+202E> (never acting on the
    reader's display), line breaks and other control characters as escapes."""
    out = []
    for ch in text:
        if ord(ch) in _BIDI_CONTROLS:
            out.append(f"<U+{ord(ch):04X}>")
        elif not ch.isprintable() and ch != " ":
            out.append(repr(ch)[1:-1])
        else:
            out.append(ch)
    return "".join(out)


def describe(claim: Claim) -> str:
    """A claim's value as words: 'about 30000', 'more than 100', '40-60', 'abstain'."""
    if isinstance(claim.value, str):
        return claim.value
    v = _num(claim.value)
    q = claim.qualifier
    words = {"approx": "about", "more_than": "more than", "at_least": "at least",
             "less_than": "less than", "at_most": "at most"}
    if q in words:
        return f"{words[q]} {v}"
    if q in ("range", "vague"):
        return _interval(claim.low, claim.high) + (" (vague)" if q == "vague" else "")
    return v


def _num(x: Optional[float]) -> str:
    if x is None:
        return "?"
    return str(int(x)) if float(x).is_integer() else f"{x:g}"


def _interval(low: Optional[float], high: Optional[float]) -> str:
    if low is None and high is None:
        return "any value"
    if low is None:
        return f"at most {_num(high)}"
    if high is None:
        return f"at least {_num(low)}"
    if low == high:
        return _num(low)
    return f"{_num(low)}-{_num(high)}"


def _scope(cluster: Cluster) -> str:
    parts = [f"{k}={v}" for k, v in cluster.key.items() if v]
    return ", ".join(parts) or "no scope"


def display_path(path: Optional[str]) -> Optional[str]:
    if not path or path == "-":
        return None
    p = Path(path)
    if p.is_absolute():
        try:
            p = p.relative_to(Path.cwd())
        except ValueError:
            pass
    return p.as_posix()


# --------------------------------------------------------------------------- the check
