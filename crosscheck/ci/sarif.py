"""`check --format sarif`: SARIF 2.1.0 for GitHub code scanning (and other SARIF viewers).

* One `reportingDescriptor` per rule in `crosscheck.ci.check.RULES` (stable ids: one per conflict
  cause, one for ambiguous scope); each result names its rule by id and index.
* Regions are 1-based with `run.columnKind = unicodeCodePoints`; `endColumn` is exclusive,
  as SARIF defines it.  A snippet carries the claim surface.
* `partialFingerprints["crosscheckFinding/v1"]` is built from the content — cluster id, claim
  surface, document id (and the occurrence number of a repeated surface) — never from line
  numbers, so text that moves keeps its alert.
* Findings a baseline accepts are included with an `external` suppression, so a viewer shows
  them as accepted rather than losing their history.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import TYPE_CHECKING, Optional
from urllib.parse import quote

if TYPE_CHECKING:
    from crosscheck.ci.findings import CheckResult, Finding

SCHEMA = "https://json.schemastore.org/sarif-2.1.0.json"
VERSION = "2.1.0"
FINGERPRINT = "crosscheckFinding/v1"
INFO_URI = "https://github.com/crosscheck/crosscheck"


def _tool_version() -> str:
    try:
        from importlib.metadata import version

        return version("crosscheck")
    except Exception:  # not installed as a distribution (e.g. run from a checkout)
        return "0.0.0"


def _artifact(path: str) -> dict:
    """artifactLocation: a URI relative to %SRCROOT% (the working directory) for a path below
    it, else an absolute file URI; non-ASCII names are percent-encoded."""
    p = Path(path)
    if p.is_absolute():
        return {"uri": p.as_uri()}
    return {"uri": quote(p.as_posix(), safe="/"), "uriBaseId": "%SRCROOT%"}


def _location(f: "Finding") -> Optional[dict]:
    if not f.path:
        return None
    loc: dict = {"physicalLocation": {"artifactLocation": _artifact(f.path)}}
    pos = f.position
    if pos is not None:
        region = {"startLine": pos.line, "startColumn": pos.col, "endLine": pos.end_line,
                  "endColumn": pos.end_col + 1, "snippet": {"text": f.claim.surface}}
        if f.file is not None and f.file.jsonl_line is not None:
            region = {"startLine": pos.line}  # a JSONL record: only its line means anything
        loc["physicalLocation"]["region"] = region
    return loc


def sarif_result(f: "Finding", rule_index: dict[str, int]) -> dict:
    result: dict = {
        "ruleId": f.rule_id,
        "ruleIndex": rule_index[f.rule_id],
        "level": "error" if f.level == "error" else "warning",
        "message": {"text": f.message()},
        "partialFingerprints": {FINGERPRINT: f.fingerprint},
        "properties": {
            "cluster": f.cluster.id,
            "inconsistency": f.inconsistency.id if f.inconsistency is not None else None,
            "kind": f.cluster.kind,
            "cause": f.cluster.cause,
            "severity": f.cluster.severity,
            "document": f.claim.doc,
            "surface": f.claim.surface,
            "value": f.claim.value,
            "qualifier": f.claim.qualifier,
        },
    }
    loc = _location(f)
    if loc is not None:
        result["locations"] = [loc]
    if f.suppressed:
        result["suppressions"] = [{"kind": "external", "justification": "accepted in the crosscheck baseline"}]
    return result


def render_sarif(result: "CheckResult") -> str:
    from crosscheck.ci.findings import RULES

    rule_ids = list(RULES)
    rule_index = {rid: i for i, rid in enumerate(rule_ids)}
    rules = [
        {
            "id": rid,
            "name": RULES[rid]["name"],
            "shortDescription": {"text": RULES[rid]["short"]},
            "fullDescription": {"text": RULES[rid]["full"]},
            "help": {"text": RULES[rid]["full"]},
            "defaultConfiguration": {"level": "warning" if rid == "ambiguous-scope" else "error"},
        }
        for rid in rule_ids
    ]
    findings = sorted([*result.findings, *result.suppressed],
                      key=lambda f: (f.path or f.document.id, f.claim.start, f.cluster.id))
    run = {
        "tool": {"driver": {"name": "crosscheck", "version": _tool_version(), "informationUri": INFO_URI,
                            "rules": rules}},
        "originalUriBaseIds": {"%SRCROOT%": {"uri": Path.cwd().resolve().as_uri() + "/"}},
        "columnKind": "unicodeCodePoints",
        "results": [sarif_result(f, rule_index) for f in findings],
        "invocations": [{"executionSuccessful": True,
                         "toolExecutionNotifications": [
                             {"level": "note", "message": {"text": f"stale baseline entry: cluster {c}, document {d}, '{s}'"}}
                             for c, d, s in result.stale]}],
    }
    return json.dumps({"$schema": SCHEMA, "version": VERSION, "runs": [run]}, ensure_ascii=False, indent=2) + "\n"
