"""`crosscheck serve`: the claim store in Datasette, on loopback, with a cluster page.

Needs the optional extra: `pip install 'crosscheck[serve]'` (Datasette).  The store is
reconciled into a views database (crosscheck.store.views_db), served with its metadata, and a
small plugin adds `/-/crosscheck/cluster/<id>`: the cluster as `crosscheck show` gives it
(claims, intervals, timeline), rendered by the HTML report's code.  Links from every cluster
row lead there.
"""

from __future__ import annotations

import os
from pathlib import Path
from typing import Optional

from crosscheck.errors import CrosscheckError, InputError

DATABASE = "crosscheck"


class ServeUnavailable(CrosscheckError):
    """Datasette is not installed."""


def require_datasette() -> None:
    """Raise ServeUnavailable (one line naming the extra, exit 2) when Datasette is missing."""
    try:
        import datasette  # noqa: F401
        import uvicorn  # noqa: F401
    except ImportError:
        raise ServeUnavailable(
            "crosscheck serve needs the optional extra crosscheck[serve] (Datasette), which is "
            "not installed: pip install 'crosscheck[serve]'"
        ) from None


def make_datasette(views_db: Path, lang: str = "ar"):
    """A Datasette instance serving `views_db` with crosscheck's metadata and plugin."""
    require_datasette()
    from datasette.app import Datasette
    from datasette.plugins import pm

    from crosscheck.store import datasette_plugin
    from crosscheck.store.views_db import views_metadata

    datasette_plugin.configure(views_db, lang)
    if not pm.is_registered(datasette_plugin):
        pm.register(datasette_plugin, name="crosscheck")
    # The file is named crosscheck.db, so the database is /crosscheck.
    return Datasette([str(views_db)], metadata=views_metadata(DATABASE),
                     settings={"default_page_size": 50, "sql_time_limit_ms": 3000})


def serve(store: str | os.PathLike[str], port: int = 8001, lang: str = "ar", keep: Optional[str] = None,
          ready=None) -> None:
    """Build the views database from `store` and serve it on 127.0.0.1:`port` until stopped."""
    require_datasette()
    import asyncio
    import tempfile

    import uvicorn

    from crosscheck.store.views_db import build_views_db

    if not 0 < port < 65536:
        raise InputError(f"--port {port}: not a TCP port (1-65535)")
    with tempfile.TemporaryDirectory(prefix="crosscheck-serve-") as tmp:
        views = Path(tmp) / f"{DATABASE}.db"
        counts = build_views_db(store, views)
        if keep:
            import shutil

            shutil.copyfile(views, keep)
        ds = make_datasette(views, lang)
        loop = asyncio.new_event_loop()
        try:
            loop.run_until_complete(ds.invoke_startup())
        finally:
            loop.close()
        if ready is not None:
            ready(counts)
        uvicorn.run(ds.app(), host="127.0.0.1", port=port, log_level="warning", lifespan="on", workers=1)
