"""Report JSON validates against the published JSON Schema (docs/report.schema.json), checked
by an independent validator (`jsonschema`), inconsistencies included."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from crosscheck.extract.extractor import extract
from crosscheck.models import Document
from crosscheck.reconcile.reconciler import build_report, reconcile
from crosscheck.report.json import SCHEMA_PATH, render_json

jsonschema = pytest.importorskip("jsonschema")
ROOT = Path(__file__).resolve().parents[1]


def _validator():
    schema = json.loads((ROOT / SCHEMA_PATH).read_text(encoding="utf-8"))
    cls = jsonschema.validators.validator_for(schema)
    cls.check_schema(schema)
    return cls(schema)


def _report_with_inconsistencies() -> dict:
    docs = [
        Document(id="a", text="قتل 520 شخصا في حلب جراء الزلزال.", date="2024-01-05"),
        Document(id="b", text="ارتفع عدد قتلى الزلزال في سوريا إلى 410 أشخاص.", date="2024-01-05"),
        Document(id="c", text="قتل 300 شخص في إيران، وقتل 5 أشخاص في العراق، وبلغ عدد القتلى في البلدين 250 شخصا",
                 date="2024-01-05"),
    ]
    claims = [c for d in docs for c in extract(d)]
    return json.loads(render_json(build_report(docs, reconcile(claims, docs))))


def test_report_with_inconsistencies_validates():
    data = _report_with_inconsistencies()
    assert {i["type"] for i in data["inconsistencies"]} >= {"part_exceeds_whole", "combination_mismatch"}
    errors = sorted(_validator().iter_errors(data), key=str)
    assert not errors, errors[0].message


def test_committed_report_validates():
    data = json.loads((ROOT / "reports" / "report.json").read_text(encoding="utf-8"))
    errors = list(_validator().iter_errors(data))
    assert not errors, errors[0].message


def test_schema_rejects_a_broken_inconsistency():
    data = _report_with_inconsistencies()
    data["inconsistencies"][0].pop("explanation")
    assert list(_validator().iter_errors(data)), "an inconsistency without explanation must not validate"
    data = _report_with_inconsistencies()
    data["inconsistencies"][0]["claims"][0]["value"] = {"not": "a value"}
    assert list(_validator().iter_errors(data))
