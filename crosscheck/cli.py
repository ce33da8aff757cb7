"""Console entry point: `crosscheck …`.  Each command lives in crosscheck/commands/."""

from __future__ import annotations

from crosscheck.cli_app import app
from crosscheck.commands import check_cmd, extract_cmd, report_cmd  # noqa: F401  (registers commands)


def main() -> None:
    app()


if __name__ == "__main__":
    main()
