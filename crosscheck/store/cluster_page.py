"""One cluster's page from the views database (crosscheck.store.views_db), for `crosscheck serve`."""

from __future__ import annotations

import os
import sqlite3
from contextlib import closing
from pathlib import Path
from typing import Optional
from urllib.parse import quote

DATABASE = "crosscheck"


def cluster_page(views_db: str | os.PathLike[str], cluster_id: str, lang: str = "ar") -> Optional[str]:
    """The HTML page of one cluster from the views database, or None when there is none."""
    from crosscheck.models import Cluster, ReportDocument
    from crosscheck.report.html import render_cluster_page

    with closing(sqlite3.connect(f"file:{quote(str(Path(views_db).resolve()))}?mode=ro", uri=True)) as conn:
        row = conn.execute("SELECT data FROM clusters WHERE id = ?", (cluster_id,)).fetchone()
        if row is None:
            return None
        cluster = Cluster.model_validate_json(row[0])
        ids = sorted({c.doc for c in cluster.claims})
        marks = ", ".join("?" * len(ids))
        docs = [
            ReportDocument(id=r[0], date=r[1], source=r[2], url=r[3], path=r[4], sha256=r[5] or "")
            for r in conn.execute(f"SELECT id, date, source, url, path, sha256 FROM documents WHERE id IN ({marks})", ids)
        ]
    return render_cluster_page(cluster, docs, lang=lang, back=f"/{DATABASE}/clusters/{cluster_id}")
