"""Scoring extracted claims against a gold file (the rule of `shared/eval/score.py`).

A predicted claim matches a gold claim when `(doc, kind, value)` are equal, counted as
multisets; numbers compare by value (30000 == 30000.0).  A predicted claim with qualifier
"range" and both ends stands for two bounds, `low` (as "at_least") and `high` (as
"less_than"), because gold writes each end as its own claim.  Kinds outside the gold
vocabulary (e.g. "other", "vote_position") are not scored, nor are predictions for documents
the gold file does not cover.  `evaluate(claims, gold)` gives the same figures as
`score.py extract` on the same claims and gold (a test runs both).
"""

from __future__ import annotations

import json
from collections import Counter, defaultdict
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Iterable, Mapping, Union

from crosscheck.errors import InputError
from crosscheck.models import Claim

# The kinds a gold file annotates; the other CLAIM_KINDS are extracted but not scored.
SCORED_KINDS = frozenset({
    "killed", "injured", "missing", "hostages_held", "hostages_released",
    "prisoners_released", "displaced", "votes_for", "votes_against", "abstentions",
    "resolution_number", "vetoes", "duration_days", "aid_trucks",
})

Key = tuple[str, str, Any]  # (doc, kind, value)
ClaimLike = Union[Claim, Mapping[str, Any]]


@dataclass
class KindScore:
    tp: int = 0
    fp: int = 0
    fn: int = 0

    @property
    def precision(self) -> float:
        return self.tp / (self.tp + self.fp) if self.tp + self.fp else 0.0

    @property
    def recall(self) -> float:
        return self.tp / (self.tp + self.fn) if self.tp + self.fn else 0.0

    @property
    def f1(self) -> float:
        p, r = self.precision, self.recall
        return 2 * p * r / (p + r) if p + r else 0.0

    def as_dict(self) -> dict[str, float | int]:
        return {"tp": self.tp, "fp": self.fp, "fn": self.fn, "precision": round(self.precision, 4),
                "recall": round(self.recall, 4), "f1": round(self.f1, 4)}


@dataclass
class Miss:
    """A gold claim no prediction matched (`count` copies of it)."""

    doc: str
    kind: str
    value: Any
    count: int = 1
    surface: str = ""  # the gold surface, to find it in the article
    note: str = ""


@dataclass
class Spurious:
    """A predicted claim no gold claim matched (`count` copies), with its surfaces."""

    doc: str
    kind: str
    value: Any
    count: int = 1
    surfaces: list[str] = field(default_factory=list)


@dataclass
class EvalResult:
    overall: KindScore
    per_kind: dict[str, KindScore]
    misses: list[Miss]
    spurious: list[Spurious]
    qualifier_agree: int
    qualifier_total: int

    @property
    def precision(self) -> float:
        return self.overall.precision

    @property
    def recall(self) -> float:
        return self.overall.recall

    @property
    def f1(self) -> float:
        return self.overall.f1

    def as_dict(self) -> dict[str, Any]:
        return {
            "overall": self.overall.as_dict(),
            "per_kind": {k: s.as_dict() for k, s in sorted(self.per_kind.items())},
            "qualifier_agreement": {"agree": self.qualifier_agree, "total": self.qualifier_total},
            "misses": [m.__dict__ for m in self.misses],
            "spurious": [s.__dict__ for s in self.spurious],
        }


def num(value: Any) -> Any:
    """Numbers compare by value (30000 == 30000.0); anything else (a vote position) as is."""
    try:
        f = float(value)
    except (TypeError, ValueError):
        return value
    return int(f) if f.is_integer() else f


def _as_dict(claim: ClaimLike) -> dict[str, Any]:
    return claim.model_dump() if isinstance(claim, Claim) else dict(claim)


def scored_predictions(claims: Iterable[ClaimLike]) -> list[dict[str, Any]]:
    """The predictions as score.py sees them: scored kinds only, ranges split into two bounds."""
    pred: list[dict[str, Any]] = []
    for claim in claims:
        c = _as_dict(claim)
        if c.get("kind") not in SCORED_KINDS:
            continue
        if c.get("qualifier") == "range" and c.get("low") is not None and c.get("high") is not None:
            pred.append({**c, "value": c["low"], "qualifier": "at_least"})
            pred.append({**c, "value": c["high"], "qualifier": "less_than"})
        else:
            pred.append(c)
    return pred


def evaluate(claims: Iterable[ClaimLike], gold: list[Mapping[str, Any]]) -> EvalResult:
    """Precision/recall/F1 overall and per kind, misses, spurious claims, qualifier agreement."""
    docs = {g["doc"] for g in gold}
    gold = [g for g in gold if g.get("kind") in SCORED_KINDS]  # "other" in gold is a note
    pred = scored_predictions(claims)
    g_c = Counter((g["doc"], g["kind"], num(g["value"])) for g in gold)
    p_c = Counter(
        (c["doc"], c["kind"], num(c["value"])) for c in pred if c["doc"] in docs or not docs
    )
    matched, extra, missing = g_c & p_c, p_c - g_c, g_c - p_c

    per_kind: dict[str, KindScore] = defaultdict(KindScore)
    for (_d, k, _v), n in matched.items():
        per_kind[k].tp += n
    for (_d, k, _v), n in extra.items():
        per_kind[k].fp += n
    for (_d, k, _v), n in missing.items():
        per_kind[k].fn += n
    overall = KindScore(sum(matched.values()), sum(extra.values()), sum(missing.values()))

    # Qualifier agreement, counted as score.py does: every prediction whose key is in gold.
    gold_qualifier = {(g["doc"], g["kind"], num(g["value"])): g.get("qualifier") for g in gold}
    q_ok = q_n = 0
    for c in pred:
        want = gold_qualifier.get((c["doc"], c["kind"], num(c["value"])))
        if want:
            q_n += 1
            q_ok += c.get("qualifier") == want

    gold_info: dict[Key, Mapping[str, Any]] = {}
    for g in gold:
        gold_info.setdefault((g["doc"], g["kind"], num(g["value"])), g)
    surfaces: dict[Key, list[str]] = defaultdict(list)
    for c in pred:
        key = (c["doc"], c["kind"], num(c["value"]))
        s = c.get("surface") or ""
        if key in extra and s not in surfaces[key]:
            surfaces[key].append(s)

    misses = [
        Miss(d, k, v, n, str(gold_info[(d, k, v)].get("surface") or ""),
             str(gold_info[(d, k, v)].get("note") or ""))
        for (d, k, v), n in sorted(missing.items(), key=_sort_key)
    ]
    spurious = [Spurious(d, k, v, n, surfaces[(d, k, v)]) for (d, k, v), n in sorted(extra.items(), key=_sort_key)]
    return EvalResult(overall, dict(per_kind), misses, spurious, q_ok, q_n)


def _sort_key(item: tuple[Key, int]) -> tuple[str, str, str]:
    (d, k, v), _n = item
    return d, k, f"{v:020.4f}" if isinstance(v, (int, float)) else str(v)


def load_gold(path: str | Path) -> list[dict[str, Any]]:
    """The gold claims of a JSONL file; InputError naming the file and line when malformed."""
    p = Path(path)
    try:
        text = p.read_text(encoding="utf-8")
    except FileNotFoundError:
        raise InputError(f"{p}: gold file not found") from None
    except UnicodeDecodeError:
        raise InputError(f"{p}: gold file is not valid UTF-8") from None
    except OSError as exc:
        raise InputError(f"{p}: cannot read gold file ({exc.strerror or exc})") from None
    gold: list[dict[str, Any]] = []
    for lineno, line in enumerate(text.splitlines(), start=1):
        if not line.strip():
            continue
        try:
            obj = json.loads(line)
        except json.JSONDecodeError as exc:
            raise InputError(f"{p}:{lineno}: bad JSON in gold file ({exc.msg})") from None
        if not isinstance(obj, dict) or any(k not in obj for k in ("doc", "kind", "value")):
            raise InputError(f"{p}:{lineno}: a gold claim needs 'doc', 'kind' and 'value'")
        gold.append(obj)
    if not gold:
        raise InputError(f"{p}: gold file has no claims")
    return gold
