"""The CI check: where do new articles contradict the record?

    result = run_check(["articles/new.md"], store="crosscheck.db", baseline="crosscheck-baseline.json")
    result.exit_code   # 0 clean, 1 new conflicts (per --fail-on)

The new articles and the record (articles given by path, or the claim store) are reconciled
together; an article in both counts as new (its record version is dropped).  Every claim of a
new article that belongs to a cluster in conflict becomes a `Finding` at level "error"; with
`fail_on="warning"`, claims of a new article in an ambiguous (scope inferred) but consistent
cluster become "warning" findings too.  A baseline silences accepted findings, keyed by
content (cluster id, document id, claim surface), never by line.

Formats (crosscheck.ci.github, crosscheck.ci.sarif, crosscheck.ci.markdown) only
render a `CheckResult`; nothing here prints.
"""

from __future__ import annotations

import hashlib
import json
from dataclasses import dataclass, field
from pathlib import Path
from typing import Iterable, Optional, Sequence

from crosscheck.config import Settings
from crosscheck.errors import InputError
from crosscheck.models import Claim, Cluster, ClusterClaim, Document
from crosscheck.text.textpos import FileText, Position, locate_document

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
}
WARNING_RULE = "ambiguous-scope"


def rule_for(cluster: Cluster, level: str) -> str:
    """The rule id of a finding in `cluster` at `level`."""
    if level == "warning":
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

    @property
    def key(self) -> tuple[str, str, str]:
        """The baseline key: (cluster id, document id, claim surface)."""
        return (self.cluster.id, self.claim.doc, self.claim.surface)

    @property
    def fingerprint(self) -> str:
        """A content fingerprint: moving the text (other lines above) does not change it."""
        payload = "\x1f".join([self.cluster.id, self.claim.doc, self.claim.surface, str(self.occurrence)])
        return hashlib.sha256(payload.encode("utf-8")).hexdigest()[:32]

    @property
    def path(self) -> Optional[str]:
        """The article's path as an annotation wants it: relative to the working directory
        when it lies below it, with '/' separators."""
        return display_path(self.document.path)

    @property
    def others(self) -> list[ClusterClaim]:
        return [c for c in self.cluster.claims if c is not self.claim]

    @property
    def title(self) -> str:
        what = "conflict" if self.level == "error" else "ambiguous scope"
        return f"crosscheck: {self.cluster.kind} {what} ({RULES[self.rule_id]['name']})"

    def message(self, limit: int = 6) -> str:
        """One line for people: what the article says, what the record says, the cause."""
        mine = f"'{self.claim.surface}' ({describe(self.claim)})"
        shown = self.others[:limit]
        record = "; ".join(f"{c.doc}: '{c.surface}' ({describe(c)})" for c in shown)
        more = f"; and {len(self.others) - limit} more" if len(self.others) > limit else ""
        if self.level == "error":
            head = f"{self.cluster.kind}: this article says {mine}, which conflicts with {record}{more}."
            tail = f" Cause: {(self.cluster.cause or 'disagreement').replace('_', ' ')}"
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
    fail_on: str = "conflict"
    baseline: Optional[str] = None

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
        failing = self.errors if self.fail_on == "conflict" else self.findings
        return EXIT_CONFLICTS if failing else EXIT_CLEAN

    def summary(self) -> str:
        n_new = len(self.new_documents)
        parts = [
            f"crosscheck: {len(self.errors)} conflict(s)"
            + (f" and {len(self.warnings)} warning(s)" if self.fail_on == "warning" else "")
            + f" in {n_new} new article(s) checked against {len(self.record_documents)} in the record"
        ]
        if self.suppressed:
            parts.append(f"{len(self.suppressed)} accepted in the baseline")
        if self.stale:
            parts.append(f"{len(self.stale)} stale baseline entr{'y' if len(self.stale) == 1 else 'ies'}")
        return "; ".join(parts)


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


def reconcile_config(settings: Settings):
    """The reconciler settings: `<rules>/reconcile.yaml` when a rules directory is set and
    holds one, else the defaults; `window_days` from the settings overrides either."""
    from crosscheck.reconcile.settings import default_config

    cfg = default_config(settings.rules)
    if settings.window_days is not None:
        cfg = cfg.model_copy(update={"window_days": settings.window_days})
    return cfg


def find_findings(
    clusters: Iterable[Cluster],
    documents: Sequence[Document],
    new_ids: set[str],
    *,
    warnings: bool,
    tolerance: float = 0.0,
) -> list[Finding]:
    """A finding for every claim of a new document in a reported cluster, in file order."""
    docs = {d.id: d for d in documents}
    files: dict[str, Optional[FileText]] = {}
    out: list[Finding] = []
    for cluster in clusters:
        level = _level(cluster, warnings, tolerance)
        if level is None:
            continue
        seen: dict[tuple[str, str], int] = {}
        for claim in sorted(cluster.claims, key=lambda c: (c.doc, c.start, c.end)):
            if claim.doc not in new_ids:
                continue
            occurrence = seen.get((claim.doc, claim.surface), 0)
            seen[(claim.doc, claim.surface)] = occurrence + 1
            doc = docs.get(claim.doc)
            if doc is None:
                raise InputError(f"claim in cluster {cluster.id} names document {claim.doc!r}, which was not loaded")
            if doc.id not in files:
                files[doc.id] = locate_document(doc)
            ft = files[doc.id]
            pos = ft.position(claim.start, claim.end) if ft is not None else None
            out.append(Finding(level, rule_for(cluster, level), cluster, claim, doc, ft, pos, occurrence))
    out.sort(key=lambda f: (f.path or f.document.id, f.claim.start, f.cluster.id))
    return out


def _level(cluster: Cluster, warnings: bool, tolerance: float) -> Optional[str]:
    if cluster.status == "conflict":
        if tolerance and cluster.severity is not None and cluster.severity <= tolerance:
            return "warning" if warnings else None
        return "error"
    if warnings and cluster.ambiguous and cluster.status == "consistent":
        return "warning"
    return None


def load_record(
    against: Sequence[str] = (), store: Optional[str] = None, settings: Settings = Settings()
) -> tuple[list[Document], list[Claim]]:
    """The record: articles under `against` and/or everything in `store`."""
    if not against and not store:
        raise InputError(
            "nothing to check against: give the record as articles (check: --against PATH...) "
            "or as a claim store (--store DB, or 'store' under [tool.crosscheck])"
        )
    documents: list[Document] = []
    claims: list[Claim] = []
    if store:
        from crosscheck.store.sqlite_store import load_from_store

        documents, claims = load_from_store(store, rules_dir=settings.rules)
    if against:
        from crosscheck.text.documents import load_documents

        extra = load_documents(list(against))
        ids = {d.id for d in extra}
        documents = [d for d in documents if d.id not in ids] + extra
        claims = [c for c in claims if c.doc not in ids] + _extract(extra, settings)
    return documents, claims


def _extract(documents: Sequence[Document], settings: Settings) -> list[Claim]:
    from crosscheck.extract.extractor import extract
    from crosscheck.ruleset.loader import load_rules

    rules = load_rules(settings.rules)
    claims: list[Claim] = []
    for doc in documents:
        claims.extend(extract(doc, rules))
    return claims


def run_check(
    new: Sequence[str],
    against: Sequence[str] = (),
    store: Optional[str] = None,
    baseline: Optional[str] = None,
    settings: Settings = Settings(),
) -> CheckResult:
    """Check the articles under `new` against the record (see the module docstring)."""
    from crosscheck.ci.baseline import apply_baseline, load_baseline
    from crosscheck.text.documents import load_documents
    from crosscheck.reconcile.reconciler import reconcile

    if not new:
        raise InputError("no new articles given: name the article files to check")
    new_docs = load_documents(list(new))
    base = load_baseline(baseline) if baseline else None  # a bad baseline fails before any work
    record_docs, record_claims = load_record(against, store, settings)
    new_ids = {d.id for d in new_docs}
    record_docs = [d for d in record_docs if d.id not in new_ids]
    record_claims = [c for c in record_claims if c.doc not in new_ids]
    documents = record_docs + new_docs
    claims = record_claims + _extract(new_docs, settings)
    clusters = reconcile(claims, documents, reconcile_config(settings))
    warnings = settings.fail_on == "warning"
    findings = find_findings(clusters, documents, new_ids, warnings=warnings, tolerance=settings.tolerance)
    result = CheckResult(new_docs, record_docs, findings, fail_on=settings.fail_on, baseline=baseline)
    if base is not None:
        everywhere = find_findings(clusters, documents, {d.id for d in documents}, warnings=True,
                                   tolerance=settings.tolerance) if base.entries else []
        match = apply_baseline(findings, base, current={f.key for f in everywhere},
                               analysed={d.id for d in documents})
        result.findings = [f for f in findings if not f.suppressed]
        result.suppressed = match.suppressed
        result.stale = match.stale
    return result


def findings_json(result: CheckResult) -> str:
    """The machine-readable result (`--format json`)."""
    data = {
        "version": 1,
        "summary": result.summary(),
        "exit_code": result.exit_code,
        "fail_on": result.fail_on,
        "new_documents": [d.id for d in result.new_documents],
        "record_documents": len(result.record_documents),
        "findings": [_finding_dict(f) for f in result.findings],
        "suppressed": [_finding_dict(f) for f in result.suppressed],
        "stale_baseline": [{"cluster": c, "doc": d, "surface": s} for c, d, s in result.stale],
    }
    return json.dumps(data, ensure_ascii=False, indent=2) + "\n"


def _finding_dict(f: Finding) -> dict:
    pos = f.position
    return {
        "level": f.level,
        "rule": f.rule_id,
        "cluster": f.cluster.id,
        "kind": f.cluster.kind,
        "cause": f.cluster.cause,
        "severity": f.cluster.severity,
        "doc": f.claim.doc,
        "path": f.path,
        "line": pos.line if pos else None,
        "column": pos.col if pos else None,
        "end_line": pos.end_line if pos else None,
        "end_column": pos.end_col if pos else None,
        "start": f.claim.start,
        "end": f.claim.end,
        "surface": f.claim.surface,
        "value": f.claim.value,
        "qualifier": f.claim.qualifier,
        "fingerprint": f.fingerprint,
        "message": f.message(),
        "others": [{"doc": c.doc, "surface": c.surface, "value": c.value, "qualifier": c.qualifier,
                    "outlier": c.outlier} for c in f.others],
    }


def render_text(result: CheckResult) -> str:
    """`path:line:col: level: message` lines and the summary (`--format text`)."""
    lines = []
    for f in result.findings:
        where = f.path or f.document.id
        if f.position is not None:
            where += f":{f.position.line}:{f.position.col}"
        lines.append(f"{where}: {f.level}: {f.message()} [{f.rule_id}]")
    for cluster, doc, surface in result.stale:
        lines.append(f"{result.baseline}: stale baseline entry: cluster {cluster}, document {doc}, '{surface}' "
                     "no longer matches a conflict; remove it or re-create the baseline")
    lines.append(result.summary())
    return "\n".join(lines) + "\n"
