"""`crosscheck ingest`, `crosscheck check`, `crosscheck baseline create`: thin commands over
`crosscheck.store.sqlite_store`, `crosscheck.ci.check` and `crosscheck.ci.baseline`.

Settings come from `crosscheck.toml` / `[tool.crosscheck]` (crosscheck.config); flags win.
Exit codes: 0 clean, 1 new conflicts (per --fail-on), 2 usage or input error.
"""

from __future__ import annotations

import os
import sys
from pathlib import Path
from typing import Optional

import typer
from typer.core import TyperCommand

from crosscheck.cli.app import app, run_safely
from crosscheck.config import DEPRECATED_FAIL_ON, FAIL_ON, FORMATS, Settings, fail_on_note, load_settings
from crosscheck.errors import InputError

PATHS_HELP = "Article files (.txt/.md, optional YAML front matter), .jsonl files or directories."
CONFIG_HELP = "Settings file (crosscheck.toml or pyproject.toml); default: the nearest one above the working directory."


class _GreedyAgainst(TyperCommand):
    """Lets `--against` take several paths: `check NEW --against A B C --format sarif`.

    Click options take one value each, so the paths after `--against` (up to the next option)
    are rewritten as repeated `--against A --against B …` before parsing.  `--against=A` takes
    exactly one path, which keeps pre-commit's appended file names out of the record.
    """

    def parse_args(self, ctx, args):  # type: ignore[override]
        out: list[str] = []
        greedy = False
        for arg in args:
            if arg == "--":
                greedy = False
                out.append(arg)
            elif arg in ("--against", "-a"):
                greedy = True
            elif greedy and not arg.startswith("-"):
                out.extend(["--against", arg])
            else:
                greedy = False
                out.append(arg)
        return super().parse_args(ctx, out)


def _settings(config: Optional[Path], **flags) -> Settings:
    fmt = flags.get("format")
    if fmt is not None and fmt not in FORMATS:
        raise InputError(f"--format: unknown format {fmt!r}; use one of {', '.join(FORMATS)}")
    fail_on = flags.get("fail_on")
    if fail_on is not None and fail_on not in FAIL_ON and fail_on not in DEPRECATED_FAIL_ON:
        raise InputError(f"--fail-on: unknown value {fail_on!r}; use one of {', '.join(FAIL_ON)}")
    settings = load_settings(config).override(**flags)
    # The rules directory in the resolver's order: --rules, then $CROSSCHECK_RULES, then config.
    env_rules = os.environ.get("CROSSCHECK_RULES")
    if flags.get("rules") is None and env_rules:
        settings = settings.override(rules=env_rules)
    note = fail_on_note(settings.fail_on)
    if note:
        typer.echo(f"crosscheck: {note}", err=True)
    return settings


# --------------------------------------------------------------------------- ingest


@app.command("ingest")
def ingest_command(
    paths: Optional[list[str]] = typer.Argument(None, help=PATHS_HELP, show_default=False),
    store: Optional[str] = typer.Option(None, "--store", "-s", help="The claim store (SQLite file); default crosscheck.db or the configured one.", show_default=False),
    rebuild: bool = typer.Option(False, "--rebuild", help="Re-extract every stored document with the current rules first."),
    rules: Optional[str] = typer.Option(None, "--rules", help="Rules directory (default: the configured one, else the built-in rules/).", show_default=False),
    config: Optional[Path] = typer.Option(None, "--config", help=CONFIG_HELP, show_default=False),
    jobs: int = typer.Option(0, "--jobs", "-j", help="Worker processes for extraction (default 0: every core; 1: no pool)."),
    engine: str = typer.Option("local", "--engine", help="local (this machine) or dask (a Dask cluster; needs crosscheck[dask])."),
    scheduler: Optional[str] = typer.Option(None, "--scheduler", help="Dask scheduler address (tcp://host:8786); default: a local cluster.", show_default=False),
) -> None:
    """Extract claims from articles and store them (unchanged articles are skipped)."""

    def body() -> None:
        from crosscheck.store.sqlite_store import DEFAULT_STORE, ingest

        settings = _settings(config, store=store, rules=rules)
        if not paths and not rebuild:
            raise InputError("no articles given: name article files or directories to ingest (or use --rebuild)")
        db = settings.store or DEFAULT_STORE
        if rebuild and not paths and not Path(db).exists():
            raise InputError(f"{db}: no claim store to rebuild; create one with 'crosscheck ingest ARTICLES --store {db}'")
        result = ingest(paths or [], db, rebuild=rebuild, rules_dir=settings.rules, jobs=jobs,
                        engine=engine, scheduler=scheduler)
        typer.echo(result.summary())

    run_safely(body)


# --------------------------------------------------------------------------- check


@app.command("check", cls=_GreedyAgainst)
def check_command(
    new: list[str] = typer.Argument(..., help="The new or edited articles to check.", show_default=False),
    against: Optional[list[str]] = typer.Option(None, "--against", "-a", help="The record as articles: one or more paths after --against.", show_default=False),
    store: Optional[str] = typer.Option(None, "--store", "-s", help="The record as a claim store built by 'crosscheck ingest'.", show_default=False),
    baseline: Optional[str] = typer.Option(None, "--baseline", "-b", help="Accepted discrepancies (from 'crosscheck baseline create').", show_default=False),
    fmt: Optional[str] = typer.Option(None, "--format", "-f", help="text, github (annotations), sarif, json or md (a PR comment). Default text.", show_default=False),
    fail_on: Optional[str] = typer.Option(None, "--fail-on", help="hard (default: fail on hard conflicts, soft ones are warnings), soft (fail on every conflict) or never. Old values conflict/warning still work (deprecated).", show_default=False),
    tolerance: Optional[float] = typer.Option(None, "--tolerance", help="Report a conflict only when its severity (relative gap) exceeds this.", show_default=False),
    window_days: Optional[float] = typer.Option(None, "--window-days", help="Claims this many days apart count as simultaneous.", show_default=False),
    rules: Optional[str] = typer.Option(None, "--rules", help="Rules directory.", show_default=False),
    out: Optional[Path] = typer.Option(None, "--output", "-o", help="Write the result to this file (atomically) instead of stdout.", show_default=False),
    also: Optional[list[str]] = typer.Option(
        None, "--write", "-w", metavar="FORMAT:FILE",
        help="Also write the result in FORMAT to FILE, atomically (repeatable; e.g. sarif:crosscheck.sarif md:summary.md): one run, one extraction.",
        show_default=False),
    config: Optional[Path] = typer.Option(None, "--config", help=CONFIG_HELP, show_default=False),
) -> None:
    """Check new articles against the record; exit 1 on new, unaccepted conflicts."""

    def body() -> int:
        from crosscheck.util.gc_pause import collector_paused

        # the cyclic collector held off for the whole check: it builds hundreds of thousands of
        # objects (stored members, claims, clusters) and next to no garbage cycles, and each
        # collection re-reads every live one (a store's check: ~200 collections, ~0.3 CPU-s of
        # ~3); reference counting frees everything as before, the collector is back afterwards
        with collector_paused():
            return _check_body()

    def _check_body() -> int:
        from crosscheck.ci.check import run_check

        settings = _settings(config, store=store, baseline=baseline, format=fmt, fail_on=fail_on,
                             tolerance=tolerance, window_days=window_days, rules=rules)
        extra = _parse_writes(also or [])
        # An explicit --against without --store checks against those paths only.
        use_store = settings.store if (store is not None or not against) else None
        result = run_check(new, against or [], use_store, settings.baseline, settings)
        text = render(result, settings.format)
        from crosscheck.util.atomic import write_text_atomic

        for extra_fmt, target in extra:
            write_text_atomic(target, render(result, extra_fmt))
        if out is not None:
            write_text_atomic(out, text)
            typer.echo(result.summary(), err=True)
        else:
            sys.stdout.write(text)
            sys.stdout.flush()
        from crosscheck.cli import quick_exit

        quick_exit.keep(result, text)  # freed by the process leaving, not one by one
        return result.exit_code

    code = run_safely(body)
    raise typer.Exit(code)


def _parse_writes(specs: list[str]) -> list[tuple[str, Path]]:
    """`--write FORMAT:FILE` values, checked before any work."""
    out = []
    for spec in specs:
        fmt, sep, target = spec.partition(":")
        if not sep or not target or fmt not in FORMATS:
            raise InputError(f"--write {spec!r}: give FORMAT:FILE with FORMAT one of {', '.join(FORMATS)}")
        out.append((fmt, Path(target)))
    return out


def render(result, fmt: str) -> str:
    """The check result in one of the output formats."""
    if fmt == "github":
        from crosscheck.ci.github import render_github

        return render_github(result)
    if fmt == "sarif":
        from crosscheck.ci.sarif import render_sarif

        return render_sarif(result)
    if fmt == "json":
        from crosscheck.ci.check import findings_json

        return findings_json(result)
    if fmt == "md":
        from crosscheck.ci.markdown import render_markdown_comment

        return render_markdown_comment(result)
    from crosscheck.ci.check import render_text

    return render_text(result)


# --------------------------------------------------------------------------- baseline

baseline_app = typer.Typer(help="Accept known discrepancies so that 'check' reports only new ones.",
                           no_args_is_help=True)
app.add_typer(baseline_app, name="baseline")


@baseline_app.command("create")
def baseline_create_command(
    paths: Optional[list[str]] = typer.Argument(None, help="The record as articles (instead of --store).", show_default=False),
    store: Optional[str] = typer.Option(None, "--store", "-s", help="The claim store.", show_default=False),
    out: Optional[Path] = typer.Option(None, "--output", "-o", help="Baseline file to write (default crosscheck-baseline.json or the configured one).", show_default=False),
    tolerance: Optional[float] = typer.Option(None, "--tolerance", help="As for 'check'.", show_default=False),
    window_days: Optional[float] = typer.Option(None, "--window-days", help="As for 'check'.", show_default=False),
    rules: Optional[str] = typer.Option(None, "--rules", help="Rules directory.", show_default=False),
    config: Optional[Path] = typer.Option(None, "--config", help=CONFIG_HELP, show_default=False),
) -> None:
    """Record every current conflict in the record as accepted."""

    def body() -> None:
        from crosscheck.ci.baseline import write_baseline
        from crosscheck.ci.check import create_baseline

        settings = _settings(config, store=store, tolerance=tolerance, window_days=window_days, rules=rules)
        use_store = settings.store if (store is not None or not paths) else None
        baseline = create_baseline(paths or [], use_store, settings)
        target = out or Path(settings.baseline or "crosscheck-baseline.json")
        write_baseline(baseline, target)
        typer.echo(f"wrote {len(baseline.entries)} accepted discrepancies to {target}")

    run_safely(body)
