"""The Datasette plugin of `crosscheck serve` (imported only when serving; needs Datasette).

Adds `/-/crosscheck/cluster/<id>` — one cluster as `crosscheck show` gives it (claims,
intervals, timeline) — and links every cluster id in the tables to it.  `configure` names
the views database and the page language before the server starts.
"""

from __future__ import annotations

from pathlib import Path
from typing import Optional

from datasette import hookimpl
from datasette.utils.asgi import Response
from markupsafe import Markup, escape

DATABASE = "crosscheck"
ROUTE = r"^/-/crosscheck/cluster/(?P<cluster_id>[^/]+)$"
_config: dict[str, object] = {"views_db": None, "lang": "ar"}


def configure(views_db: Path, lang: str = "ar") -> None:
    _config.update(views_db=Path(views_db), lang=lang)


def cluster_url(cluster_id: str) -> str:
    return f"/-/crosscheck/cluster/{cluster_id}"


@hookimpl
def register_routes(datasette):
    from crosscheck.store.cluster_page import cluster_page

    async def cluster(request):
        cluster_id = request.url_vars["cluster_id"]
        lang: Optional[str] = request.args.get("lang") or str(_config["lang"])
        if lang not in ("ar", "en"):
            lang = str(_config["lang"])
        html = cluster_page(_config["views_db"], cluster_id, lang)  # type: ignore[arg-type]
        if html is None:
            return Response.html(f"<p>no cluster {escape(cluster_id)}</p>", status=404)
        return Response.html(html)

    return [(ROUTE, cluster)]


@hookimpl
def render_cell(value, column, table, database, datasette):
    """The `page` column of clusters and conflicts: a link to the cluster's page."""
    if database == DATABASE and column == "page" and isinstance(value, str) and value.startswith(cluster_url("")):
        return Markup(f'<a href="{escape(value)}">{escape(value.rsplit("/", 1)[-1])}</a>')
    return None
