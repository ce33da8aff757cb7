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

The ledger finds nothing in a story without a freed figure it can use (a counted, dated figure
of no named event, not an outlier: captive_inconsistencies needs one for both of its tests), so
the stored clusters holding one are kept apart (`FREED_TABLE`): when neither the re-judged
captive clusters nor any stored cluster of their story holds one, the story is not read at all
(`linked` gives no clusters; its clusters a hierarchy key links are read at the new claims'
days as any linked cluster).  On the generated 10k record this is every story: 26,443 claims no
longer read by a check (session 29).  A state kept before that table gets it on its next
check; a read-only one is read as before (the stories whole).
"""

from __future__ import annotations

from typing import Iterable

from crosscheck.models import Cluster
from crosscheck.reconcile.captives import CAPTIVE_KINDS, RELEASED, freed_figure
from crosscheck.store.state_reads import clusters_of_kinds, select_in

__all__ = ["TABLE", "FREED_TABLE", "add", "linked", "in_story"]

TABLE = "judged_captive_docs"
FREED_TABLE = "judged_captive_freed"  # the stored story clusters holding a freed figure the ledger uses
_DDL = """
CREATE TABLE IF NOT EXISTS judged_captive_docs (seq INTEGER NOT NULL, doc TEXT NOT NULL);
CREATE INDEX IF NOT EXISTS judged_captive_docs_doc ON judged_captive_docs(doc);
CREATE INDEX IF NOT EXISTS judged_captive_docs_seq ON judged_captive_docs(seq);
CREATE TABLE IF NOT EXISTS judged_captive_freed (seq INTEGER PRIMARY KEY)
"""


class _Fields:
    """A stored claim's JSON object read as the ledger reads a ClusterClaim (absent fields None)."""

    __slots__ = ("_data",)

    def __init__(self, data: dict) -> None:
        self._data = data

    def __getattr__(self, name: str):
        return self._data.get(name)


def in_story(kind: str, key: dict, cfg) -> bool:
    """A cluster the ledger reads (captive_inconsistencies: its kinds, group "all")."""
    return bool(cfg.captive_roles) and kind in CAPTIVE_KINDS and (key.get("group") or "all") == "all"


def add(conn, cfg) -> None:
    """(Re)build the article index of the stored captive clusters (one cluster at a time)."""
    for statement in _DDL.split(";"):
        if statement.strip():
            conn.execute(statement)
    conn.execute(f"DELETE FROM {TABLE}")
    conn.execute(f"DELETE FROM {FREED_TABLE}")
    rows, freed = [], []
    for seq, data in clusters_of_kinds(conn, CAPTIVE_KINDS):
        kind = data.get("kind") or ""
        if in_story(kind, data.get("key") or {}, cfg):
            rows += [(seq, doc) for doc in sorted({c["doc"] for c in data.get("claims") or ()})]
            if kind == RELEASED and any(freed_figure(_Fields(c)) for c in data.get("claims") or ()):
                freed.append((seq,))
    conn.executemany(f"INSERT INTO {TABLE} VALUES (?, ?)", rows)
    conn.executemany(f"INSERT INTO {FREED_TABLE} VALUES (?)", freed)



def linked(conn, judged: Iterable[Cluster], touched: set[int], cfg, whole: bool = False) -> set[int]:
    """The stored captive clusters (seqs) of the stories of the re-judged captive clusters:
    those sharing an article with them, then with those, until no new article is found.  The
    stored clusters the re-judged ones replace (`touched`) are not read, nor their articles
    followed but through the re-judged clusters (which hold their members).  None when no
    cluster of the stories holds a freed figure the ledger uses (`_without_freed`), unless
    `whole` (a baseline's findings about the record: read as before)."""
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
    if out and not whole and _without_freed(conn, judged, out, cfg):
        return set()
    return out


def _without_freed(conn, judged: Iterable[Cluster], story: set[int], cfg) -> bool:
    """Neither the re-judged story clusters nor the stored ones of `story` hold a freed figure
    the ledger uses (so it finds nothing in the story); False when the state cannot say (kept
    before `FREED_TABLE`)."""
    if not conn.execute("SELECT 1 FROM sqlite_master WHERE type='table' AND name = ?", (FREED_TABLE,)).fetchone():
        return False
    if any(cl.kind == RELEASED and in_story(cl.kind, cl.key, cfg) and any(freed_figure(c) for c in cl.claims)
           for cl in judged):
        return False
    return not select_in(conn, f"SELECT seq FROM {FREED_TABLE} WHERE seq IN ({{marks}})", story)
