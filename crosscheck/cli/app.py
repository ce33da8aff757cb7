"""The Typer application object and the error edge shared by every command module.

Command modules (`crosscheck/commands/*.py`) import `app` from here and register their
commands; `crosscheck/cli.py` imports them all.  `run_safely` is the one place where library
errors become a one-line message and an exit code.
"""

from __future__ import annotations

import sys
from typing import Callable, TypeVar

import typer

from crosscheck.errors import CrosscheckError

app = typer.Typer(
    name="crosscheck",
    help="Find numeric claims in Arabic news and flag the ones that disagree.",
    no_args_is_help=True,
    add_completion=False,
    pretty_exceptions_enable=False,
)

T = TypeVar("T")


def run_safely(fn: Callable[[], T]) -> T:
    """Run `fn`; on a CrosscheckError print 'crosscheck: error: …' to stderr and exit."""
    try:
        return fn()
    except CrosscheckError as exc:
        typer.echo(f"crosscheck: error: {exc}", err=True)
        raise typer.Exit(exc.exit_code) from None
    except KeyboardInterrupt:
        typer.echo("crosscheck: interrupted", err=True)
        raise typer.Exit(130) from None
    except BrokenPipeError:  # e.g. `crosscheck extract … | head`
        sys.stderr.close()
        raise typer.Exit(0) from None
