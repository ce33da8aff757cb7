"""The stored captive clusters by article (crosscheck.reconcile.captives), so that a check reads
the clusters of the new captive figures' stories.

The captives ledger joins the clusters of held and freed captives (group "all") into one story
when they share an article, and checks a story's figures of every date together: a new "still
held" figure is compared with a stored "taken" figure and a stored freed figure that may be in
clusters the new article has no claim in.  Neither is linked to it by a hierarchy key, so the
judged state keeps the articles of every such cluster, indexed; a check reads the stored
clusters sharing an article with the re-judged captive clusters, then those sharing one with
these, and so on (`linked`: the stories, never every captive cluster of the record), and
reads them whole (all their dates).  The table is added to an older state on its next check
(crosscheck.store.judged.ensure_state).
"""

from __future__ import annotations

from typing import Iterable

from crosscheck.models import Cluster
from crosscheck.reconcile.captives import CAPTIVE_KINDS
from crosscheck.store.state_reads import clusters_of_kinds, select_in

__all__ = ["TABLE", "add", "linked", "in_story"]

TABLE = "judged_captive_docs"
_DDL = """
CREATE TABLE IF NOT EXISTS judged_captive_docs (seq INTEGER NOT NULL, doc TEXT NOT NULL);
CREATE INDEX IF NOT EXISTS judged_captive_docs_doc ON judged_captive_docs(doc);
CREATE INDEX IF NOT EXISTS judged_captive_docs_seq ON judged_captive_docs(seq)
"""


def in_story(kind: str, key: dict, cfg) -> bool:
    """A cluster the ledger reads (captive_inconsistencies: its kinds, group "all")."""
    return bool(cfg.captive_roles) and kind in CAPTIVE_KINDS and (key.get("group") or "all") == "all"


def add(conn, cfg) -> None:
    """(Re)build the article index of the stored captive clusters (one cluster at a time)."""
    for statement in _DDL.split(";"):
        if statement.strip():
            conn.execute(statement)
    conn.execute(f"DELETE FROM {TABLE}")
    rows = []
    for seq, data in clusters_of_kinds(conn, CAPTIVE_KINDS):
        if in_story(data.get("kind") or "", data.get("key") or {}, cfg):
            rows += [(seq, doc) for doc in sorted({c["doc"] for c in data.get("claims") or ()})]
    conn.executemany(f"INSERT INTO {TABLE} VALUES (?, ?)", rows)



def linked(conn, judged: Iterable[Cluster], touched: set[int], cfg) -> set[int]:
    """The stored captive clusters (seqs) of the stories of the re-judged captive clusters:
    those sharing an article with them, then with those, until no new article is found.  The
    stored clusters the re-judged ones replace (`touched`) are not read, nor their articles
    followed but through the re-judged clusters (which hold their members)."""
    docs = {c.doc for cl in judged if in_story(cl.kind, cl.key, cfg) for c in cl.claims}
    seen_docs: set[str] = set()
    out: set[int] = set()
    while docs - seen_docs:
        fresh = docs - seen_docs
        seen_docs |= fresh
        seqs = select_in(conn, f"SELECT DISTINCT seq FROM {TABLE} WHERE doc IN ({{marks}})", fresh) - touched - out
        if not seqs:
            break
        out |= seqs
        docs |= select_in(conn, f"SELECT DISTINCT doc FROM {TABLE} WHERE seq IN ({{marks}})", seqs)
    return out
