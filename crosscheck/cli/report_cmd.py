"""`crosscheck report`, `crosscheck clusters`, `crosscheck show`: thin commands over
`crosscheck.pipeline` and `crosscheck.report.cluster_view`.

Each command analyses every input before printing or writing anything, so a bad input stops
the run with one line on stderr, exit 2, and no output files touched.
"""

from __future__ import annotations

import sys
from typing import Optional

import typer

from crosscheck.cli.app import app, run_safely

PATHS_HELP = "Article files (.txt/.md, optional YAML front matter), .jsonl files, directories, or '-' for stdin."
STORE_HELP = "Read the record from this claim store (built by 'crosscheck ingest'); paths given too replace stored articles."
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


def _analyse(paths, store, progress=None):
    """The analysis of `paths`, or of the claim store `store` (plus any `paths`)."""
    from crosscheck import pipeline

    if store:
        from crosscheck.store.sqlite_store import analyse_store

        return analyse_store(store, paths or [], progress=progress)
    return pipeline.analyse(paths or [], progress=progress)


@app.command("report")
def report_command(
    paths: Optional[list[str]] = typer.Argument(None, help=PATHS_HELP, show_default=False),
    store: Optional[str] = typer.Option(None, "--store", help=STORE_HELP, show_default=False),
    out: str = typer.Option("reports", "--out", "-o", help="Directory for report.md / report.html / report.json."),
    fmt: str = typer.Option("md,html,json", "--format", "-f", help="Comma-separated formats: md, html, json."),
    progress: Optional[bool] = typer.Option(
        None, "--progress/--no-progress", help="Progress bar on stderr (default: on a terminal or for many documents).", show_default=False
    ),
) -> None:
    """Write the discrepancy report and print a one-screen summary."""

    def body() -> None:
        from crosscheck.report.cluster_view import render_summary
        from crosscheck.pipeline import parse_formats, write_reports

        formats = parse_formats(fmt)
        bar = _ProgressBar(progress)
        try:
            analysis = _analyse(paths, store, progress=bar)
        finally:
            bar.close()
        written = write_reports(analysis, out, formats)
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
) -> None:
    """List clusters, one per line: id, kind, scope, values by source (* = outlier), status."""

    def body() -> None:
        from crosscheck.report.cluster_view import render_cluster_list
        from crosscheck.pipeline import check_kind, check_status, select_clusters

        check_kind(kind)
        check_status(status)
        analysis = _analyse(paths, store)
        typer.echo(render_cluster_list(select_clusters(analysis.clusters, kind, status)), nl=False)

    run_safely(body)


@app.command("show")
def show_command(
    cluster_id: str = typer.Argument(..., help="A cluster id, as listed by 'crosscheck clusters'.", show_default=False),
    paths: Optional[list[str]] = typer.Argument(None, help=PATHS_HELP, show_default=False),
    store: Optional[str] = typer.Option(None, "--store", help=STORE_HELP, show_default=False),
) -> None:
    """Everything about one cluster: each claim's source, date, attribution, sentence, bounds."""

    def body() -> None:
        from crosscheck.report.cluster_view import render_cluster_detail
        from crosscheck.pipeline import find_cluster

        analysis = _analyse(paths, store)
        cluster = find_cluster(analysis.clusters, cluster_id)
        typer.echo(render_cluster_detail(cluster, analysis.texts), nl=False)

    run_safely(body)
