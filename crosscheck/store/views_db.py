"""The claim store as a browsable database: the analysis laid out in plain tables for Datasette.

    build_views_db("crosscheck.db", "views.db")     # reconcile the stored claims, write views.db
    metadata = views_metadata()                      # Datasette metadata: descriptions, units, FTS

The store keeps articles and claims; clusters, conflicts and inconsistencies are computed from
them.  This module reconciles the stored record once and writes a separate SQLite file (the
store itself is never modified) with:

* tables `documents`, `claims`, `clusters`, `inconsistencies`, `inconsistency_clusters`,
  with foreign keys declared (claims → documents and clusters, …), so Datasette links them;
* views `conflicts` (worst first), `claim_sources` (each claim with its article's date,
  source, url and its sentence), `inconsistency_claims`;
* `claims_fts`, an FTS5 index over each claim's sentence, surface and attribution, plus a
  folded copy of the sentence (no tashkeel, one alef, no hamza carriers) so a search typed
  either way finds it.

The whole file is written in one transaction into a temporary file and renamed into place.
"""

from __future__ import annotations

import json
import os
import sqlite3
import tempfile
from contextlib import closing
from pathlib import Path
from typing import Optional

from crosscheck.errors import InputError

CLUSTER_PAGE = "/-/crosscheck/cluster/"  # + cluster id: the page `crosscheck serve` adds

UNITS = {
    "killed": "people", "injured": "people", "missing": "people", "hostages_held": "people",
    "hostages_released": "people", "prisoners_released": "people", "displaced": "people",
    "votes_for": "votes", "votes_against": "votes", "abstentions": "votes", "vetoes": "vetoes",
    "resolution_number": "number", "duration_days": "days", "duration_months": "months", "aid_trucks": "trucks",
}

SCHEMA = """
CREATE TABLE documents (
    id TEXT PRIMARY KEY, title TEXT, date TEXT, source TEXT, url TEXT, path TEXT,
    sha256 TEXT, claim_count INTEGER
);
CREATE TABLE clusters (
    id TEXT PRIMARY KEY, kind TEXT NOT NULL, status TEXT NOT NULL, strength TEXT,
    severity REAL, cause TEXT, consensus_low REAL, consensus_high REAL,
    "group" TEXT, location TEXT, period TEXT, event TEXT, actor TEXT,
    claim_count INTEGER NOT NULL, source_count INTEGER NOT NULL, first_date TEXT, last_date TEXT,
    notes TEXT, trajectory TEXT, block_key TEXT, page TEXT NOT NULL, data TEXT NOT NULL
);
CREATE TABLE claims (
    id INTEGER PRIMARY KEY,
    doc_id TEXT NOT NULL REFERENCES documents(id),
    cluster_id TEXT REFERENCES clusters(id),
    kind TEXT NOT NULL, value TEXT, low REAL, high REAL, qualifier TEXT, unit TEXT,
    outlier INTEGER NOT NULL DEFAULT 0,
    "group" TEXT, location TEXT, period TEXT, event TEXT, actor TEXT, attribution TEXT,
    as_of TEXT, as_of_from TEXT, basis TEXT,
    surface TEXT NOT NULL, start INTEGER NOT NULL, "end" INTEGER NOT NULL,
    sentence TEXT, sentence_folded TEXT, rule TEXT,
    field TEXT NOT NULL DEFAULT 'text'  -- what start/end index: 'text' (the body) or 'title'
);
CREATE INDEX claims_cluster ON claims(cluster_id);
CREATE INDEX claims_doc ON claims(doc_id);
CREATE INDEX claims_kind ON claims(kind);
CREATE INDEX clusters_status ON clusters(status, severity);
CREATE TABLE inconsistencies (
    id TEXT PRIMARY KEY, type TEXT NOT NULL, strength TEXT, explanation TEXT, claims TEXT
);
CREATE TABLE inconsistency_clusters (
    inconsistency_id TEXT NOT NULL REFERENCES inconsistencies(id),
    cluster_id TEXT NOT NULL REFERENCES clusters(id),
    PRIMARY KEY (inconsistency_id, cluster_id)
);
CREATE VIEW conflicts AS
    SELECT id, page, kind, strength, severity, cause, consensus_low, consensus_high, "group", location,
           period, event, claim_count, source_count, first_date, last_date, notes
    FROM clusters WHERE status = 'conflict'
    ORDER BY severity IS NULL, severity DESC, id;
CREATE VIEW claim_sources AS
    SELECT c.id, c.cluster_id, c.kind, c.value, c.low, c.high, c.qualifier, c.unit, c.outlier,
           c.doc_id AS document, d.title, COALESCE(c.as_of, d.date) AS date, d.source, d.url,
           c.attribution, c.sentence, c.surface
    FROM claims c JOIN documents d ON d.id = c.doc_id;
CREATE VIEW inconsistency_claims AS
    SELECT i.id AS inconsistency, i.type, i.strength, ic.cluster_id, cl.kind, cl.status,
           cl.consensus_low, cl.consensus_high, i.explanation
    FROM inconsistencies i JOIN inconsistency_clusters ic ON ic.inconsistency_id = i.id
    JOIN clusters cl ON cl.id = ic.cluster_id;
CREATE VIRTUAL TABLE claims_fts USING fts5(
    sentence, sentence_folded, surface, attribution, content='claims', content_rowid='id'
);
"""


def _num(x) -> Optional[float]:
    return float(x) if isinstance(x, (int, float)) and not isinstance(x, bool) else None


def _rows(analysis):
    from crosscheck.report.script import search_fold

    report = analysis.report()
    docs = {d.id: d for d in analysis.documents}
    claim_count: dict[str, int] = {}
    for c in analysis.claims:
        claim_count[c.doc] = claim_count.get(c.doc, 0) + 1
    documents = [
        (d.id, d.title, d.date, d.source, d.url, d.path, d.sha256, claim_count.get(d.id, 0))
        for d in analysis.documents
    ]
    clusters, claims = [], []
    for cl in report.clusters:
        dates = sorted(d for d in ((getattr(c, "as_of", None) or c.date) for c in cl.claims) if d)
        trajectory = getattr(cl, "trajectory", None)
        clusters.append((
            cl.id, cl.kind, cl.status, getattr(cl, "strength", None), cl.severity, cl.cause,
            cl.consensus.low if cl.consensus else None, cl.consensus.high if cl.consensus else None,
            cl.key.get("group"), cl.key.get("location"), cl.key.get("period"), cl.key.get("event"),
            cl.key.get("actor"), len(cl.claims), len({c.source_group or c.doc for c in cl.claims}),
            dates[0] if dates else None, dates[-1] if dates else None,
            "\n".join(cl.notes),
            json.dumps([p.model_dump() if hasattr(p, "model_dump") else p for p in trajectory], ensure_ascii=False)
            if trajectory else None,
            getattr(cl, "block_key", None) or None,
            CLUSTER_PAGE + cl.id,
            cl.model_dump_json(),
        ))
        for c in cl.claims:
            doc = docs.get(c.doc)
            claims.append((
                c.doc if doc else c.doc, cl.id, c.kind, str(c.value), _num(c.low), _num(c.high), c.qualifier,
                UNITS.get(c.kind), int(bool(c.outlier)), c.group, c.location, c.period, c.event, c.actor,
                c.attribution, getattr(c, "as_of", None), getattr(c, "as_of_from", None), getattr(c, "basis", None),
                c.surface, c.start, c.end, c.sentence, search_fold(c.sentence or ""), c.rule, c.field,
            ))
    inconsistencies, links = [], []
    for inc in getattr(report, "inconsistencies", None) or []:
        inconsistencies.append((
            inc.id, inc.type, getattr(inc, "strength", None), inc.explanation,
            json.dumps([c.model_dump() for c in inc.claims], ensure_ascii=False),
        ))
        links += [(inc.id, cid) for cid in dict.fromkeys(inc.clusters)]
    return documents, clusters, claims, inconsistencies, links


def build_views_db(store: str | os.PathLike[str], out: str | os.PathLike[str], analysis=None) -> dict[str, int]:
    """Reconcile the store's record and write the browsable database to `out` (atomically).

    Returns row counts per table.  `analysis` (a pipeline.Analysis) may be given to skip
    reading the store (tests, or a caller that has one).
    """
    if analysis is None:
        from crosscheck.store.sqlite_store import analyse_store

        analysis = analyse_store(store)
    documents, clusters, claims, inconsistencies, links = _rows(analysis)
    out = Path(out)
    if out.is_dir():
        raise InputError(f"{out}: is a directory; the views database needs a file name")
    out.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(prefix=out.name + ".", suffix=".tmp", dir=out.parent)
    os.close(fd)
    try:
        with closing(sqlite3.connect(tmp, isolation_level=None)) as conn:
            conn.execute("PRAGMA foreign_keys = ON")
            conn.execute("BEGIN")
            for statement in [s.strip() for s in SCHEMA.split(";") if s.strip()]:
                conn.execute(statement)
            conn.executemany("INSERT INTO documents VALUES (?, ?, ?, ?, ?, ?, ?, ?)", documents)
            conn.executemany(f"INSERT INTO clusters VALUES ({', '.join('?' * 22)})", clusters)
            conn.executemany(
                'INSERT INTO claims(doc_id, cluster_id, kind, value, low, high, qualifier, unit, outlier, "group",'
                " location, period, event, actor, attribution, as_of, as_of_from, basis, surface, start,"
                f' "end", sentence, sentence_folded, rule, field) VALUES ({", ".join("?" * 25)})',
                claims,
            )
            conn.executemany("INSERT INTO inconsistencies VALUES (?, ?, ?, ?, ?)", inconsistencies)
            conn.executemany("INSERT INTO inconsistency_clusters VALUES (?, ?)", links)
            conn.execute("INSERT INTO claims_fts(claims_fts) VALUES ('rebuild')")
            bad = conn.execute("PRAGMA foreign_key_check").fetchall()
            if bad:
                raise InputError(f"{store}: the analysis refers to missing rows ({bad[:3]})")
            conn.execute("COMMIT")
        os.replace(tmp, out)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise
    return {"documents": len(documents), "clusters": len(clusters), "claims": len(claims),
            "inconsistencies": len(inconsistencies)}


def views_metadata(database: str = "crosscheck") -> dict:
    """Datasette metadata for the views database: descriptions, units, sort orders, search."""
    people = "Counts of people for casualty kinds; votes, days, trucks for the others (see unit)."
    return {
        "title": "crosscheck: claims, clusters and conflicts",
        "description": (
            "Numeric claims extracted from Arabic news, grouped by quantity. A conflict is a cluster "
            "whose figures cannot all be true; an inconsistency links clusters whose figures cannot "
            "all be true together (a part larger than its whole). Cluster pages: /-/crosscheck/cluster/ID"
        ),
        "databases": {
            database: {
                "description": "Built by `crosscheck serve` from a claim store; rebuilt at every start.",
                "tables": {
                    "documents": {
                        "description": "One row per article.",
                        "columns": {"id": "Document id (front matter id or file stem)",
                                    "date": "Publication date (ISO)", "source": "Outlet",
                                    "claim_count": "Claims extracted from it"},
                    },
                    "clusters": {
                        "description": "Claims about the same quantity (kind and scope).",
                        "sort_desc": "severity",
                        "facets": ["status", "kind", "strength", "cause", "location"],
                        "columns": {
                            "status": "conflict, consistent or single",
                            "strength": "hard: no reading of the hedges reconciles them; soft: a stretched hedge would",
                            "severity": "Relative gap between the outliers and the consensus (0 to 1)",
                            "cause": "Likely cause of a conflict",
                            "consensus_low": "Low end of the interval most independent sources agree on",
                            "consensus_high": "High end of that interval (empty: unbounded)",
                            "source_count": "Independent sources (near-duplicate articles count once)",
                            "trajectory": "For a dated running total: the fitted band per date (JSON)",
                            "data": "The cluster as in report.json (JSON)",
                            "page": "Its page: claims, intervals and timeline",
                        },
                        "units": {"severity": "dimensionless"},
                    },
                    "claims": {
                        "description": "Every claim in a cluster, with its interval and the sentence it came from.",
                        "fts_table": "claims_fts",
                        "fts_pk": "id",
                        "facets": ["kind", "qualifier", "location", "period"],
                        "columns": {
                            "value": "The figure as stated (a vote position for vote_position)",
                            "low": "Low end of the interval its hedge implies (empty: unbounded). " + people,
                            "high": "High end (empty: unbounded). " + people,
                            "unit": "What the figure counts: people, votes, days, trucks, vetoes",
                            "outlier": "1 when the claim lies outside its cluster's consensus",
                            "as_of": "The date the figure stands at (from the article or its text)",
                            "surface": "The claim as written; start/end index the article text (its headline when field is 'title')",
                            "field": "text (the article body) or title (its headline, front matter / JSONL title)",
                            "sentence_folded": "The sentence without tashkeel and hamza variants, for search",
                        },
                    },
                    "inconsistencies": {
                        "description": "Figures in different clusters that cannot all be true together.",
                        "columns": {"type": "part_exceeds_whole, parts_exceed_whole, combination_mismatch, …",
                                    "claims": "The claims involved (JSON)"},
                    },
                    "conflicts": {"description": "Conflicting clusters, most severe first."},
                    "claim_sources": {
                        "description": "Each claim with its document, date, source, url and sentence.",
                        "fts_table": "claims_fts",
                        "fts_pk": "id",
                    },
                    "inconsistency_claims": {"description": "Each inconsistency with the clusters it links."},
                },
            }
        },
    }
