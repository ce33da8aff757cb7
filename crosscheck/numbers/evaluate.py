"""Scoring the number parser on external corpora (Duckling, Recognizers-Text).

Used by tests/test_number_external.py and tools/measure_numbers.py.  The corpora themselves
live outside the repository (../shared/external); nothing here embeds them.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from pathlib import Path
from typing import Iterable, Optional

import yaml

from crosscheck.errors import InputError
from crosscheck.numbers.parser import find_numbers

# Forms that Recognizers' NumberModel reports (it has separate models for dates, ordinals, …).
NUMBER_MODEL_FORMS = ("cardinal", "decimal", "fraction", "vague")


@dataclass(frozen=True)
class Case:
    text: str
    value: float
    key: str = ""


@dataclass(frozen=True)
class RecCase:
    index: int
    text: str
    expected: tuple[tuple[str, float], ...]  # (surface, value) in order
    auto_reject: Optional[str] = None  # why the case cannot be used as it is


def _jsonl(path: Path) -> Iterable[dict]:
    try:
        lines = path.read_text(encoding="utf-8").splitlines()
    except OSError as exc:
        raise InputError(f"{path}: cannot read ({exc.strerror})") from None
    for n, line in enumerate(lines, 1):
        if line.strip():
            try:
                yield json.loads(line)
            except json.JSONDecodeError as exc:
                raise InputError(f"{path}:{n}: not JSON ({exc.msg})") from None


def duckling_cases(path: Path, locale: str = "AR") -> list[Case]:
    """The `numeral` cases of one locale from duckling_ar_numerals.jsonl."""
    return [
        Case(r["text"], r["value"], f"{r['text']}")
        for r in _jsonl(path)
        if r.get("dimension") == "numeral" and r.get("locale") == locale
    ]


def full_span_ok(text: str, value: float) -> tuple[bool, str]:
    """One match covering the whole (stripped) text with `value`; and what was found."""
    t = text.strip()
    ms = find_numbers(t)
    got = [(m.text, m.value, m.form) for m in ms]
    ok = (
        len(ms) == 1
        and ms[0].start == 0
        and ms[0].end == len(t)
        and abs(ms[0].value - value) <= 1e-9 * max(1.0, abs(value))
    )
    return ok, f"{t!r}: expected {value}, got {got}"


def score_duckling(cases: list[Case]) -> tuple[int, int, list[str]]:
    ok, fails = 0, []
    for c in cases:
        good, why = full_span_ok(c.text, c.value)
        ok += good
        if not good:
            fails.append(why)
    return ok, len(cases), fails


def recognizers_cases(path: Path) -> list[RecCase]:
    out = []
    for r in _jsonl(path):
        res = r.get("results", [])
        why = None
        for x in res:
            if not x.get("span_ok", True) or not x.get("text_in_input", True):
                why = f"expected span {x['text']!r} is not where the spec says in the input"
            elif x.get("review_note"):
                why = f"reviewed: {x['review_note']}"
            elif x.get("value_num") is None:
                why = f"expected value {x.get('value')!r} is not a number"
        exp = tuple((x["text"].strip(), x["value_num"]) for x in res)
        out.append(RecCase(r["case_index"], r["input"], exp, why))
    return out


REJECT_KINDS = ("wrong", "out_of_scope")


def load_rejections(path: Path) -> dict[int, tuple[str, str]]:
    """case_index -> (kind, reason), from the YAML list of set-aside Recognizers cases."""
    if not path.exists():
        return {}
    try:
        data = yaml.safe_load(path.read_text(encoding="utf-8")) or []
    except yaml.YAMLError as exc:
        raise InputError(f"{path}: not valid YAML ({exc})") from None
    out = {}
    for item in data:
        if (
            not isinstance(item, dict)
            or "case" not in item
            or not item.get("reason")
            or item.get("kind") not in REJECT_KINDS
        ):
            raise InputError(
                f"{path}: every entry needs `case`, `kind` ({' or '.join(REJECT_KINDS)}) "
                f"and a `reason`: {item!r}"
            )
        out[int(item["case"])] = (item["kind"], str(item["reason"]))
    return out


def score_recognizers(
    cases: list[RecCase], rejected: dict[int, tuple[str, str]], skip: tuple[str, ...] = REJECT_KINDS
) -> tuple[int, int, list[str]]:
    """Cases whose number-like matches equal the expected (surface, value) list, in order.

    Cases set aside automatically and those whose rejection kind is in `skip` are not scored.
    """
    ok, total, fails = 0, 0, []
    for c in cases:
        if c.auto_reject or (c.index in rejected and rejected[c.index][0] in skip):
            continue
        total += 1
        got = [(m.text.strip(), m.value) for m in find_numbers(c.text) if m.form in NUMBER_MODEL_FORMS]
        good = len(got) == len(c.expected) and all(
            gs == es and abs(gv - ev) <= 1e-6 * max(1.0, abs(ev))
            for (gs, gv), (es, ev) in zip(got, c.expected)
        )
        ok += good
        if not good:
            fails.append(f"#{c.index} {c.text!r}: expected {list(c.expected)}, got {got}")
    return ok, total, fails
