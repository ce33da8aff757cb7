"""`crosscheck report`, `crosscheck clusters`, `crosscheck show`: thin commands over
`crosscheck.pipeline` and `crosscheck.report.cluster_view`.

Each command analyses every input before printing or writing anything, so a bad input stops
the run with one line on stderr, exit 2, and no output files touched.
"""

from __future__ import annotations

import json
import sys
from enum import Enum
from pathlib import Path
from typing import Optional

import typer

from crosscheck.cli.app import LOG, app, run_safely
from crosscheck.errors import InputError

PATHS_HELP = ("Article files (.txt/.md, optional YAML front matter), .jsonl files, directories, or '-' "
              "for stdin; none: the store named in crosscheck.toml / [tool.crosscheck].")
STORE_HELP = ("Read the record from this claim store (built by 'crosscheck ingest'); paths given too "
              "replace stored articles.  Default: the configured store when no paths are given.")
CONFIG_HELP = "Settings file (crosscheck.toml or pyproject.toml); default: the nearest one above the working directory."


class ClusterFormat(str, Enum):
    auto = "auto"
    table = "table"
    tsv = "tsv"
    json = "json"


class ShowFormat(str, Enum):
    text = "text"
    json = "json"
PROGRESS_MIN_DOCS = 50  # below this a run is quick; show a bar only on a terminal


class _ProgressBar:
    """A rich progress bar on stderr, started on first use when it is worth showing."""

    def __init__(self, force: Optional[bool] = None) -> None:
        self.force = force
        self.progress = None
        self.task = None

    def __call__(self, done: int, total: int) -> None:
        if self.progress is None:
            show = self.force if self.force is not None else (sys.stderr.isatty() or total >= PROGRESS_MIN_DOCS)
            if not show:
                return
            from rich.console import Console
            from rich.progress import Progress

            console = Console(stderr=True)
            # On a terminal the bar vanishes when done; in a log its final state stays.
            self.progress = Progress(console=console, transient=console.is_terminal)
            self.progress.start()
            self.task = self.progress.add_task("extracting claims", total=total)
        self.progress.update(self.task, completed=done)

    def close(self) -> None:
        if self.progress is not None:
            self.progress.stop()


def _record(paths, store, config) -> Optional[str]:
    """The claim store to read: --store, else (with no paths) the configured one, else None."""
    if store:
        return store
    if paths:
        return None
    from crosscheck.config import load_settings

    settings = load_settings(config)
    if settings.store:
        LOG.debug("crosscheck: store %s (from %s)", settings.store, settings.source)
        return settings.store
    raise InputError("no articles given: name article files or directories, or a claim store "
                     "with --store (or 'store' in crosscheck.toml / [tool.crosscheck])")


def _analyse(paths, store, progress=None, config=None, engine="local", scheduler=None, jobs=1):
    """The analysis of `paths`, or of the claim store `store` (plus any `paths`)."""
    from crosscheck import pipeline
    from crosscheck.ruleset.resources import rules_dir

    store = _record(paths, store, config)
    LOG.debug("crosscheck: rules %s", rules_dir())
    if store:
        from crosscheck.store.sqlite_store import analyse_store

        return analyse_store(store, paths or [], progress=progress, engine=engine, scheduler=scheduler)
    return pipeline.analyse(paths or [], progress=progress, engine=engine, scheduler=scheduler, jobs=jobs)


def _locator(analysis):
    from crosscheck.text.textpos import Locator

    return Locator(analysis.documents)


def _clusters_json(clusters, analysis) -> list[dict]:
    """Clusters as in report.json: each claim and mention with its 'position' (file:line:col or null)."""
    from crosscheck.report.positions import locate_clusters

    locate_clusters(clusters, analysis.documents)
    return [c.model_dump(mode="json") for c in clusters]


@app.command("report")
def report_command(
    paths: Optional[list[str]] = typer.Argument(None, help=PATHS_HELP, show_default=False),
    store: Optional[str] = typer.Option(None, "--store", help=STORE_HELP, show_default=False),
    out: str = typer.Option("reports", "--out", "-o", help="Directory for report.md / report.html / report.json (not '-': a report is several files; a large archive's pages past 9 MB continue on report-2.html, report-3.html ..., all written atomically together)."),
    fmt: str = typer.Option("md,html,json", "--format", "-f", help="Comma-separated formats: md, html, json, jsonl (JSON Lines: a header, then one document, cluster or inconsistency per line)."),
    lang: str = typer.Option("ar", "--lang", help="Language of the HTML report's labels: ar (right to left) or en."),
    progress: Optional[bool] = typer.Option(
        None, "--progress/--no-progress", help="Progress bar on stderr (default: on a terminal or for many documents).", show_default=False
    ),
    config: Optional[Path] = typer.Option(None, "--config", help=CONFIG_HELP, show_default=False),
    jobs: int = typer.Option(0, "--jobs", "-j", help="Worker processes for extraction with the local engine (default 0: every core)."),
    engine: str = typer.Option("local", "--engine", help="local (this machine) or dask (a Dask cluster; needs crosscheck[dask])."),
    scheduler: Optional[str] = typer.Option(None, "--scheduler", help="Dask scheduler address (tcp://host:8786); default: a local cluster.", show_default=False),
) -> None:
    """Write the discrepancy report and print a one-screen summary."""

    def body() -> None:
        from crosscheck.report.cluster_view import render_summary
        from crosscheck.pipeline import parse_formats, write_reports

        formats = parse_formats(fmt)
        if out == "-" or not out.strip():
            raise InputError(f"--out {out!r}: give a directory for the report files (for JSON on "
                             "stdout use 'crosscheck clusters --format json')")
        if lang not in ("ar", "en"):
            raise InputError(f"--lang: unknown language {lang!r}; use ar or en")
        if engine not in ("local", "dask"):
            raise InputError(f"--engine: unknown engine {engine!r}; use local or dask")
        record = _record(paths, store, config)
        if record and not paths and engine == "local":
            # the record alone: reconciled unit by unit from the store, never all in memory
            # (from the judged state `check` keeps when it is current: crosscheck.store.from_state)
            from crosscheck.store.from_state import write_reports as write_store_reports

            bar = _ProgressBar(progress)
            try:
                done = write_store_reports(record, out, formats, lang=lang, progress=bar)
            finally:
                bar.close()
            typer.echo(done.summary, nl=False)
            typer.echo("wrote " + ", ".join(str(p) for p in done.written))
            return
        bar = _ProgressBar(progress)
        try:
            analysis = _analyse(paths, store, progress=bar, config=config, engine=engine,
                                scheduler=scheduler, jobs=jobs)
        finally:
            bar.close()
        written = write_reports(analysis, out, formats, lang=lang)
        typer.echo(render_summary(len(analysis.documents), len(analysis.claims), analysis.clusters), nl=False)
        typer.echo("wrote " + ", ".join(str(p) for p in written))

    run_safely(body)


@app.command("clusters")
def clusters_command(
    paths: Optional[list[str]] = typer.Argument(None, help=PATHS_HELP, show_default=False),
    store: Optional[str] = typer.Option(None, "--store", help=STORE_HELP, show_default=False),
    kind: Optional[str] = typer.Option(None, "--kind", "-k", help="Only clusters of this claim kind.", show_default=False),
    status: Optional[str] = typer.Option(
        None, "--status", "-s", help="Only clusters with this status: conflict, consistent or single.", show_default=False
    ),
    fmt: ClusterFormat = typer.Option(
        ClusterFormat.auto, "--format", "-f",
        help="table (aligned, for a terminal), tsv (one tab-separated line per cluster), json; auto: table on a terminal, tsv when piped.",
    ),
    config: Optional[Path] = typer.Option(None, "--config", help=CONFIG_HELP, show_default=False),
) -> None:
    """List clusters, one per line: id, kind, scope, values by source (* = outlier), status."""

    def body() -> None:
        from crosscheck.report.cluster_view import render_cluster_list, render_cluster_table
        from crosscheck.pipeline import check_kind, check_status, select_clusters

        check_kind(kind)
        check_status(status)
        analysis = _analyse(paths, store, config=config)
        chosen = select_clusters(analysis.clusters, kind, status)
        how = fmt
        if how is ClusterFormat.auto:
            how = ClusterFormat.table if sys.stdout.isatty() else ClusterFormat.tsv
        if how is ClusterFormat.json:
            text = json.dumps(_clusters_json(chosen, analysis), ensure_ascii=False, indent=2) + "\n"
        elif how is ClusterFormat.table:
            text = render_cluster_table(chosen)
        else:
            text = render_cluster_list(chosen)
        sys.stdout.write(text)
        sys.stdout.flush()

    run_safely(body)


@app.command("show")
def show_command(
    cluster_id: str = typer.Argument(..., help="A cluster id, as listed by 'crosscheck clusters'.", show_default=False),
    paths: Optional[list[str]] = typer.Argument(None, help=PATHS_HELP, show_default=False),
    store: Optional[str] = typer.Option(None, "--store", help=STORE_HELP, show_default=False),
    fmt: ShowFormat = typer.Option(ShowFormat.text, "--format", "-f", help="text (for people) or json."),
    config: Optional[Path] = typer.Option(None, "--config", help=CONFIG_HELP, show_default=False),
) -> None:
    """Everything about one cluster: each claim's source, date, attribution, sentence, bounds,
    and the inconsistencies with other clusters it takes part in; or, given an inconsistency id,
    that inconsistency: its arithmetic and the claims it cites."""

    def body() -> None:
        from crosscheck.report.cluster_view import render_cluster_detail
        from crosscheck.report.inconsistency_view import (naming, render_inconsistency_detail,
                                                          render_inconsistency_lines)
        from crosscheck.pipeline import find_cluster

        analysis = _analyse(paths, store, config=config)
        incs = list(analysis.report().inconsistencies)
        where = _locator(analysis).where
        inc = next((i for i in incs if i.id == cluster_id), None)
        if inc is not None:
            if fmt is ShowFormat.json:
                from crosscheck.report.positions import locate_clusters

                locate_clusters([], analysis.documents, [inc])
                text = json.dumps(inc.model_dump(mode="json"), ensure_ascii=False, indent=2) + "\n"
            else:
                text = render_inconsistency_detail(inc, where)
            sys.stdout.write(text)
            sys.stdout.flush()
            return
        cluster = find_cluster(analysis.clusters, cluster_id)
        linked = naming(incs, cluster.id)
        if fmt is ShowFormat.json:
            data = _clusters_json([cluster], analysis)[0]
            data["inconsistencies"] = [i.model_dump(mode="json") for i in linked]
            text = json.dumps(data, ensure_ascii=False, indent=2) + "\n"
        else:
            text = render_cluster_detail(cluster, analysis.texts, where=where)
            if linked:
                text += "inconsistencies with other clusters\n" + "\n".join(render_inconsistency_lines(linked)) + "\n"
        sys.stdout.write(text)
        sys.stdout.flush()

    run_safely(body)
