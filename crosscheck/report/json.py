"""The JSON report (the machine contract) and its published JSON Schema.

`render_json(report)` is `crosscheck.models.Report` as JSON: every field present (None as
null), UTF-8 text unescaped, two-space indent, fields in model order, so the same report is
always the same bytes.  `schema_json()` is the schema published at `docs/report.schema.json`;
regenerate it with

    python -m crosscheck.report.json docs/report.schema.json
"""

from __future__ import annotations

import json
import sys

from crosscheck.errors import InputError
from crosscheck.models import Report

SCHEMA_PATH = "docs/report.schema.json"


def render_json(report: Report) -> str:
    # pydantic's compiled serialiser: the bytes json.dumps(model_dump(mode="json"),
    # ensure_ascii=False, indent=2) gives, about 5x faster (tests/test_report_large.py)
    return report.model_dump_json(indent=2) + "\n"


def parse_report(text: str, *, name: str = "report") -> Report:
    """Read a JSON report back, validating it against the model (i.e. the schema)."""
    try:
        data = json.loads(text)
        if isinstance(data, dict) and data.get("version") == 1:
            data["version"] = 2  # version 1 is version 2 without the new (defaulted) fields
        return Report.model_validate(data)
    except ValueError as exc:
        first = str(exc).splitlines()
        detail = "; ".join(line.strip() for line in first[:3])
        raise InputError(f"{name}: not a valid crosscheck report ({detail})") from None


def schema_json() -> str:
    schema = Report.model_json_schema()
    schema = {
        "$schema": "https://json-schema.org/draft/2020-12/schema",
        "$id": "https://crosscheck.invalid/report.schema.json",
        **schema,
    }
    return json.dumps(schema, ensure_ascii=False, indent=2, sort_keys=True) + "\n"


def main(argv: list[str] | None = None) -> int:
    """Write the schema to the given path (default docs/report.schema.json)."""
    from crosscheck.util.atomic import write_text_atomic

    args = sys.argv[1:] if argv is None else argv
    path = args[0] if args else SCHEMA_PATH
    write_text_atomic(path, schema_json())
    print(f"wrote {path}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
