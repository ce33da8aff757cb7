"""Console entry point: `crosscheck …`.  Each command group lives in a module of this package."""

from __future__ import annotations

from crosscheck.cli.app import app
from crosscheck.cli import check_cmd, extract_cmd, report_cmd, serve_cmd  # noqa: F401  (registers commands)


def main() -> None:
    app()


if __name__ == "__main__":
    main()
