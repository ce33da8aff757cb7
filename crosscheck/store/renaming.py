"""Stored clusters under the names a new article's tallies give stored votes.

Votes that name themselves alike ("vote:body=ga;subj=resolution") are numbered `;k=2`, `;k=3`
in the order of their tallies (crosscheck.reconcile.votes.link_votes), so a new vote, or a new
tally joining a stored vote, renumbers stored votes: crosscheck.store.vote_links.link_new says
which (`remap`: stored event -> its event in a judgement of the record and the new article).
A cluster's id hashes its event, so a renamed vote's clusters get new ids, and the `-2`, `-3`
suffixes of the ids they leave and join may move.

`check --store` (crosscheck.store.judged) reads stored clusters for inconsistencies and orders
the ids of the clusters it judges again among the stored ones; `Renaming` gives it, for the
stored clusters it reads, their names and ids as that judgement gives them:

* `stored_events`: the stored names of votes, given their names after renaming (to look the
  stored tallies of a vote up by its indexed event);
* `moved`: every stored cluster of a renamed vote, with its id before suffixes once renamed
  (read through the members' `linked` event, indexed: the work follows the renamed votes);
* `cluster`: a stored cluster's JSON with its vote's new name (key, claims, hierarchy keys).
"""

from __future__ import annotations

import json
from typing import Optional

from crosscheck.models import Cluster


def chunked(conn, sql: str, values, params=()) -> list:
    """The rows of `sql` (one `IN ({marks})`) over `values`, 500 at a time."""
    values, out = sorted(values), []
    for i in range(0, len(values), 500):
        part = values[i : i + 500]
        out.extend(conn.execute(sql.format(marks=",".join("?" * len(part))), [*params, *part]))
    return out


class Unnamed(Exception):
    """A stored cluster of a renamed vote whose key does not name the vote (the caller falls back)."""


class Renaming:
    """The stored events a new article's tallies rename (`remap`: old -> new), applied to what
    a check reads of the stored clusters."""

    def __init__(self, conn, remap: dict[str, str], cfg) -> None:
        from crosscheck.reconcile.grouping import exact_form

        self.conn = conn
        self.remap = dict(remap)
        self.back = {new: old for old, new in self.remap.items()}
        self.attrs = list(cfg.scope_attributes)
        self._ei = 2 + self.attrs.index("event") if "event" in self.attrs else None
        self._fwd = {exact_form(o): exact_form(n) for o, n in self.remap.items()}
        self._moved: Optional[dict[int, tuple[str, str]]] = None

    def __bool__(self) -> bool:
        return bool(self.remap)

    def stored_events(self, events) -> set[str]:
        """The events the stored clusters of the votes now named `events` carry."""
        out = set()
        for e in events:
            if e in self.back:
                out.add(self.back[e])
            if e not in self.remap:  # a name no stored vote leaves
                out.add(e)
        return out

    def moved(self) -> dict[int, tuple[str, str]]:
        """Every stored cluster of a renamed vote: seq -> (its stored id before suffixes, its id
        before suffixes once renamed).  Counted by the caller (`len`)."""
        if self._moved is None:
            from crosscheck.reconcile.grouping import key_cluster_id

            self._moved = {}
            if self.remap and self._ei is not None:
                seqs = {r[0] for r in chunked(
                    self.conn, "SELECT DISTINCT seq FROM judged_members WHERE linked IN ({marks})", self.remap)}
                for seq, base, ckey in chunked(
                        self.conn, "SELECT seq, base, ckey FROM judged_clusters WHERE seq IN ({marks})", seqs):
                    key = tuple(json.loads(ckey)) if ckey else None
                    if key is None or key[self._ei] not in self._fwd:
                        raise Unnamed(f"a renamed vote's cluster {base} has no key naming it")
                    key = key[:self._ei] + (self._fwd[key[self._ei]],) + key[self._ei + 1:]
                    self._moved[seq] = (base, key_cluster_id(key, self.attrs))
        return self._moved

    def cluster(self, cl: Cluster, hier) -> Cluster:
        """`cl` (a stored cluster, parsed) under its vote's new name, when its vote is renamed
        (its id is the caller's: the suffixes depend on the other clusters of that id)."""
        event = cl.key.get("event")
        if event not in self.remap:
            return cl
        new = self.remap[event]
        cl.key = {**cl.key, "event": new}
        for c in cl.claims:
            if c.event in self.remap:
                c.event = self.remap[c.event]
        cl.hierarchy_keys = hier.keys(cl.kind, cl.key)
        return cl
