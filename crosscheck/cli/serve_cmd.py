"""`crosscheck serve`: browse the claim store in Datasette (optional extra crosscheck[serve])."""

from __future__ import annotations

from typing import Optional

import typer

from crosscheck.cli.app import app, run_safely
from crosscheck.errors import InputError


@app.command("serve")
def serve_command(
    store: Optional[str] = typer.Option(None, "--store", help="The claim store (built by 'crosscheck ingest'); default crosscheck.db or the configured one.", show_default=False),
    port: int = typer.Option(8001, "--port", "-p", help="TCP port on 127.0.0.1 (loopback only)."),
    lang: str = typer.Option("ar", "--lang", help="Language of the cluster pages: ar or en."),
    keep: Optional[str] = typer.Option(None, "--keep", help="Also save the browsable database (tables, views, full-text index) to this file.", show_default=False),
) -> None:
    """Serve the claim store in Datasette on loopback: conflicts, inconsistencies, clusters,
    claims with their sources, full-text search on sentences, and a page per cluster
    (/-/crosscheck/cluster/ID).  Needs: pip install 'crosscheck[serve]'."""

    def body() -> None:
        from pathlib import Path

        from crosscheck.config import load_settings
        from crosscheck.store.datasette_app import require_datasette, serve
        from crosscheck.store.sqlite_store import DEFAULT_STORE

        require_datasette()  # without the extra, say so first (one line, exit 2)
        if lang not in ("ar", "en"):
            raise InputError(f"--lang: unknown language {lang!r}; use ar or en")
        db = store or load_settings().store or DEFAULT_STORE
        if not Path(db).is_file():
            raise InputError(f"{db}: no claim store there; create one with 'crosscheck ingest ARTICLES --store {db}'")

        def ready(counts) -> None:
            typer.echo(
                f"crosscheck: serving {db} ({counts['documents']} documents, {counts['claims']} claims in "
                f"{counts['clusters']} clusters) at http://127.0.0.1:{port}/  (Ctrl-C stops)",
                err=True,
            )

        serve(db, port=port, lang=lang, keep=keep, ready=ready)

    run_safely(body)
