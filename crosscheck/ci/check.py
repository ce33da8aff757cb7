"""The CI check: where do new articles contradict the record?

    result = run_check(["articles/new.md"], store="crosscheck.db", baseline="crosscheck-baseline.json")
    result.exit_code   # 0 clean, 1 new conflicts (per --fail-on)

The new articles and the record (articles given by path, or the claim store) are reconciled
together; an article in both counts as new (its record version is dropped).  Every claim of a
new article that belongs to a cluster in conflict becomes a `Finding`: at level "error" for a
hard conflict, "warning" for a soft one (a hedge read past its tolerance) - "error" too with
`fail_on="soft"`.  With the deprecated `fail_on="warning"`, claims of a new article in an
ambiguous (scope inferred) but consistent cluster become "warning" findings too.  A baseline silences accepted findings, keyed by
content (cluster id, document id, claim surface), never by line.

Formats (crosscheck.ci.github, crosscheck.ci.sarif, crosscheck.ci.markdown) only
render a `CheckResult`; nothing here prints.
"""

from __future__ import annotations

import json
from contextlib import closing
from typing import Iterable, Optional, Sequence

from crosscheck.config import Settings
from crosscheck.errors import InputError
from crosscheck.models import Claim, Cluster, ClusterClaim, Document, claim_identity
from crosscheck.ci.baseline import Baseline
from crosscheck.ci.findings import BIDI_RULE, RULES, CheckResult, Finding, rule_for
from crosscheck.text.textpos import FileText, locate_document

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
    soft_errors: bool = False,
) -> list[Finding]:
    """A finding for every claim of a new document in a reported cluster, in file order."""
    docs = {d.id: d for d in documents}
    files: dict[str, Optional[FileText]] = {}
    out: list[Finding] = []
    for cluster in clusters:
        level = _level(cluster, warnings, tolerance, soft_errors)
        seen: dict[tuple[str, str], int] = {}
        # the new documents' claims only, in file order (a stored running total holds thousands)
        for claim in sorted((c for c in cluster.claims if c.doc in new_ids), key=lambda c: (c.doc, c.start, c.end)):
            if claim.warnings:  # digits a reader sees reordered: always said (crosscheck.text.bidi)
                doc = docs.get(claim.doc)
                if doc is not None:
                    if doc.id not in files:
                        files[doc.id] = locate_document(doc)
                    ft = files[doc.id]
                    pos = _position(ft, claim)
                    out.append(Finding("warning", BIDI_RULE, cluster, claim, doc, ft, pos))
            if level is None:
                continue
            occurrence = seen.get((claim.doc, claim.surface), 0)
            seen[(claim.doc, claim.surface)] = occurrence + 1
            doc = docs.get(claim.doc)
            if doc is None:
                raise InputError(f"claim in cluster {cluster.id} names document {claim.doc!r}, which was not loaded")
            if doc.id not in files:
                files[doc.id] = locate_document(doc)
            ft = files[doc.id]
            pos = _position(ft, claim)
            out.append(Finding(level, rule_for(cluster, level), cluster, claim, doc, ft, pos, occurrence))
    out.sort(key=lambda f: (f.path or f.document.id, f.claim.start, f.cluster.id))
    return out


def inconsistency_findings(
    clusters: Iterable[Cluster],
    documents: Sequence[Document],
    new_ids: set[str],
    *,
    soft_errors: bool = False,
    config=None,
    tallies=None,
) -> list[Finding]:
    """A finding for every claim of a new document cited by an inconsistency between clusters
    (crosscheck.reconcile.inconsistencies): 'error' when hard, 'warning' when soft unless
    `soft_errors` (--fail-on soft).  `tallies`: articles' tallies beside the clusters'
    (find_inconsistencies)."""
    from crosscheck.reconcile.inconsistencies import find_inconsistencies

    clusters = list(clusters)
    by_id = {c.id: c for c in clusters}
    docs = {d.id: d for d in documents}
    files: dict[str, Optional[FileText]] = {}
    out: list[Finding] = []
    # only inconsistencies citing a new document's claim make findings: those of its moments
    for inc in find_inconsistencies(clusters, config, tallies=tallies, moments_of=new_ids):
        level = "warning" if inc.strength == "soft" and not soft_errors else "error"
        rule = "inconsistency-" + inc.type.replace("_", "-")
        if rule not in RULES:
            continue
        for cited in inc.claims:
            if cited.doc not in new_ids or cited.cluster not in by_id or cited.doc not in docs:
                continue
            cluster = by_id[cited.cluster]
            claim = next((c for c in cluster.claims if claim_identity(c) == claim_identity(cited)), None)
            if claim is None:
                continue
            doc = docs[cited.doc]
            if doc.id not in files:
                files[doc.id] = locate_document(doc)
            ft = files[doc.id]
            pos = _position(ft, claim)
            out.append(Finding(level, rule, cluster, claim, doc, ft, pos, inconsistency=inc))
    return out


def _position(ft: Optional[FileText], claim: Claim):
    """Where `claim` is in its file: in the headline for a headline's claim (None when the
    headline is not written as is in the file), else in the body."""
    if ft is None:
        return None
    try:
        return ft.position(claim.start, claim.end, claim.field)
    except ValueError:
        return None


def _all_findings(clusters, documents, new_ids, *, warnings, tolerance=0.0, soft_errors=False,
                  config=None, tallies=None) -> list[Finding]:
    """Conflict findings and inconsistency findings, in file order."""
    clusters = list(clusters)
    out = find_findings(clusters, documents, new_ids, warnings=warnings, tolerance=tolerance,
                        soft_errors=soft_errors)
    out += inconsistency_findings(clusters, documents, new_ids, soft_errors=soft_errors, config=config,
                                  tallies=tallies)
    out.sort(key=lambda f: (f.path or f.document.id, f.claim.start, f.item))
    return out


def _level(cluster: Cluster, warnings: bool, tolerance: float, soft_errors: bool = False) -> Optional[str]:
    """'error' for a hard conflict, 'warning' for a soft one unless `soft_errors` (--fail-on
    soft), or with `warnings` an ambiguous match or a conflict under the tolerance; else None."""
    if cluster.status == "conflict":
        if tolerance and cluster.severity is not None and cluster.severity <= tolerance:
            return "warning" if warnings else None
        return "warning" if cluster.strength == "soft" and not soft_errors else "error"
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
    if store and not against:
        return _check_units(new_docs, store, settings, base, baseline)
    record_docs, record_claims = load_record(against, store, settings)
    new_ids = {d.id for d in new_docs}
    record_docs = [d for d in record_docs if d.id not in new_ids]
    record_claims = [c for c in record_claims if c.doc not in new_ids]
    documents = record_docs + new_docs
    claims = record_claims + _extract(new_docs, settings)
    cfg = reconcile_config(settings)
    clusters = reconcile(claims, documents, cfg)
    warnings = settings.fail_on == "warning"
    soft_errors = settings.fail_on in ("soft", "conflict", "warning")
    findings = _all_findings(clusters, documents, new_ids, warnings=warnings, tolerance=settings.tolerance,
                             soft_errors=soft_errors, config=cfg)
    result = CheckResult(new_docs, record_docs, findings, fail_on=settings.fail_on, baseline=baseline)
    if base is not None:
        everywhere = _all_findings(clusters, documents, {d.id for d in documents}, warnings=True,
                                   tolerance=settings.tolerance, config=cfg) if base.entries else []
        match = apply_baseline(findings, base, current={f.key for f in everywhere},
                               analysed={d.id for d in documents})
        result.findings = [f for f in findings if not f.suppressed]
        result.suppressed = match.suppressed
        result.stale = match.stale
    return result


def _vote_linked_units(store: str, new_claims: Sequence[Claim]) -> set[str]:
    """The stored units of resolution numbers and tallies, when a new claim is one: number typos
    and tallies above a body's size compare them across units (reconcile.inconsistencies)."""
    from crosscheck.reconcile.inconsistencies import VOTE_LINKED
    from crosscheck.store.sqlite_store import connect

    if not any(c.kind in VOTE_LINKED for c in new_claims):
        return set()
    with closing(connect(store)) as conn:
        return {r[0] for r in conn.execute(
            f"SELECT DISTINCT unit_key FROM claims WHERE kind IN ({','.join('?' * len(VOTE_LINKED))})", VOTE_LINKED)}


def _check_units(new_docs: list[Document], store: str, settings: Settings, base=None,
                 baseline: Optional[str] = None) -> CheckResult:
    """The check against a store, loading only the units the new articles' claims fall in.

    Each claim's unit key (the exact scope grouping blocks on, less the attributes a claim may
    leave open) is computed from its own document; the store's index gives the documents
    holding claims of those units, and only they are loaded and reconciled, judging only
    those units.  The clusters of the new claims are the same as against the whole record.

    With a baseline, accepted findings are silenced as against the whole record; an entry is
    stale when it is about a new article (all its clusters are judged here) or about a cluster
    judged here, and no longer found (entries about untouched parts of the record are left to
    `baseline create`, which judges everything).
    """
    from crosscheck.reconcile.grouping import claim_keys
    from crosscheck.reconcile.reconciler import reconcile
    from crosscheck.store.sqlite_store import load_units, record_size

    from crosscheck.store.judged import check_against_state

    cfg = reconcile_config(settings)
    new_claims = _extract(new_docs, settings)
    # a baseline's findings about the record read the stored linked clusters whole
    found, _stats = check_against_state(store, new_docs, new_claims, cfg, settings.rules,
                                        whole_linked=base is not None and bool(base.entries))
    tallies = None
    if found is not None:  # the judged record kept in the store (crosscheck.store.judged)
        record_docs: list[Document] = []
        documents = list(new_docs)
        clusters = found.clusters
        tallies = found.tallies
    else:
        units: set[str] = set()
        for doc in new_docs:
            units.update(u for _b, u in claim_keys([c for c in new_claims if c.doc == doc.id], cfg))
        units |= _vote_linked_units(store, new_claims)
        record_docs, record_claims, sources = load_units(store, units, new_docs, rules_dir=settings.rules, config=cfg)
        documents = record_docs + new_docs
        clusters = reconcile(record_claims + new_claims, documents, cfg, sources=sources, units=units)
    new_ids = {d.id for d in new_docs}
    warnings = settings.fail_on == "warning"
    findings = _all_findings(clusters, documents, new_ids, warnings=warnings, tolerance=settings.tolerance,
                             soft_errors=settings.fail_on in ("soft", "conflict", "warning"), config=cfg,
                             tallies=tallies)
    result = CheckResult(new_docs, record_docs, findings, fail_on=settings.fail_on, baseline=baseline,
                         record_total=record_size(store, new_ids))
    if base is not None:
        from crosscheck.ci.baseline import apply_baseline

        keyed = documents + [Document(id=d, text="") for d in  # record documents: for the keys only
                             sorted({c.doc for cl in clusters for c in cl.claims} - {d.id for d in documents})]
        everywhere = _all_findings(clusters, keyed, {d.id for d in keyed}, warnings=True,
                                   tolerance=settings.tolerance, config=cfg) if base.entries else []
        current = {f.key for f in everywhere}
        match = apply_baseline(findings, base, current=current, analysed=new_ids)
        judged = {c.id for c in clusters}
        record_stale = [k for k in base.keys if k[1] not in new_ids and k[0] in judged and k not in current]
        result.findings = [f for f in findings if not f.suppressed]
        result.suppressed = match.suppressed
        result.stale = sorted(set(match.stale) | set(record_stale))
    return result


def findings_json(result: CheckResult) -> str:
    """The machine-readable result (`--format json`)."""
    data = {
        "version": 1,
        "summary": result.summary(),
        "exit_code": result.exit_code,
        "fail_on": result.fail_on,
        "new_documents": [d.id for d in result.new_documents],
        "record_documents": result.record_count,
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
        "inconsistency": f.inconsistency.id if f.inconsistency is not None else None,
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
                    "outlier": c.outlier} for c in shown_others(f.others)],
        "others_total": len(f.others),
    }


OTHERS_SHOWN = 50  # of a finding's other claims in the JSON (the cluster's outliers first)


def shown_others(others: Sequence[ClusterClaim]) -> list[ClusterClaim]:
    """The record's claims a finding's JSON lists: all of them up to `OTHERS_SHOWN`, else the
    outliers first and then the others, `OTHERS_SHOWN` in all, in the cluster's order.  A
    running total of a large archive holds thousands of claims (1,800 at 10,000 generated
    articles), so listing all made the JSON grow with the archive (6.7 MB for one article's
    28 findings at 10k); `others_total` counts them, report.json and `crosscheck show` list them."""
    if len(others) <= OTHERS_SHOWN:
        return list(others)
    order = sorted(range(len(others)), key=lambda i: (not others[i].outlier, i))
    return [others[i] for i in sorted(order[:OTHERS_SHOWN])]


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


def create_baseline(
    paths: Sequence[str] = (), store: Optional[str] = None, settings=None
) -> Baseline:
    """Every current conflict (and ambiguous match) in the record, as a baseline."""
    from crosscheck.ci.baseline import baseline_from_findings
    from crosscheck.config import Settings
    from crosscheck.reconcile.reconciler import reconcile
    from crosscheck.ruleset.loader import load_rules

    settings = settings or Settings()
    documents, claims = load_record(paths, store, settings)
    cfg = reconcile_config(settings)
    clusters = reconcile(claims, documents, cfg)
    findings = _all_findings(clusters, documents, {d.id for d in documents}, warnings=True,
                             tolerance=settings.tolerance, config=cfg)
    return baseline_from_findings(findings, load_rules(settings.rules).version)
