"""Vote links kept with the judged record, so that `check` links only the new tallies.

Which vote a tally belongs to is settled across all tallies (crosscheck.reconcile.votes.link):
occurrences are read one by one in a fixed order (`Occ.specificity`), each joining the vote it
shares the most with among the votes made so far, or making a new one.  The judged record
(crosscheck.store.judged) keeps what that pass did (tables `judged_occs`, `judged_occ_keys`,
`judged_votes`): every occurrence with its rank in that order, its dates, the vote it joined and
the best three votes it could join (with their count); the keys each occurrence is indexed and
looked up under; every vote's name, figures and final event.

`link_new` then places a new article's occurrences:

* a new occurrence is read where the full pass would read it (its rank), against the stored
  votes as they stood at that point (their members of lower rank), exactly as `link` does;
* the votes it changes (joined, or made) are the only difference from the stored pass, so a
  stored occurrence read after it can decide otherwise only if it can find one of those votes
  (a shared key): each such occurrence is decided again from its kept best three with the
  changed votes' entries worked out anew.  When one decides otherwise - or the kept three do
  not say enough - `Fallback` is raised and the caller links everything (the full pass);
* events: a changed vote's name and figures are worked out again and the votes of its names
  numbered (`;k=2`) as `link_votes` numbers them; the stored votes whose event this changes
  are returned (old event -> new), the caller renames their stored tallies.

The result is the events the full pass gives the new tallies and the stored ones (tested
against `link_votes` over everything, tests/test_store_vote_links.py).
"""

from __future__ import annotations

import heapq
import json
from datetime import date
from typing import Optional, Sequence

from crosscheck.extract.vote_events import format_event, parse_event
from crosscheck.models import Claim
from crosscheck.reconcile import votes as V

TABLES = ("judged_occs", "judged_occ_keys", "judged_votes")
DDL = """
CREATE TABLE IF NOT EXISTS judged_occs (pos INTEGER PRIMARY KEY, spec TEXT NOT NULL, src TEXT NOT NULL,
                                        event TEXT NOT NULL, lo INTEGER NOT NULL, hi INTEGER NOT NULL,
                                        exact INTEGER, vote INTEGER NOT NULL, nbest INTEGER NOT NULL,
                                        best TEXT NOT NULL);
CREATE INDEX IF NOT EXISTS judged_occs_vote ON judged_occs(vote, pos);
CREATE INDEX IF NOT EXISTS judged_occs_src ON judged_occs(src);
CREATE INDEX IF NOT EXISTS judged_occs_spec ON judged_occs(spec);
CREATE TABLE IF NOT EXISTS judged_occ_keys (key TEXT NOT NULL, pos INTEGER NOT NULL, own INTEGER NOT NULL);
CREATE INDEX IF NOT EXISTS judged_occ_keys_key ON judged_occ_keys(key, pos);
CREATE TABLE IF NOT EXISTS judged_votes (vote INTEGER PRIMARY KEY, name TEXT NOT NULL, tally TEXT NOT NULL,
                                         min_doc TEXT NOT NULL, event TEXT NOT NULL);
CREATE INDEX IF NOT EXISTS judged_votes_name ON judged_votes(name)
"""


class LinkFallback(Exception):
    """The stored links cannot show the full pass's result; the message says why."""


def _spec_text(o: V.Occ) -> str:
    """`Occ.specificity` as a text that sorts the same (ids hold no NUL)."""
    u, w, a, b, c, doc, n = o.specificity
    # (an undated vote's own month, `w`, is written for undated votes only: a dated vote's text
    # is the one stored before it was read)
    return f"{int(u)}{int(w) if u else ''}{int(a)}{int(b)}{int(c)}\x00{doc}\x00{n}"


def _key_text(k: tuple) -> str:
    return json.dumps(list(k), ensure_ascii=False, separators=(",", ":"))


def occurrences(claims: Sequence[Claim], sources=None, rules=None) -> list[V.Occ]:
    """The vote occurrences of `claims`, dated, as `link_votes` makes them (same order)."""
    from crosscheck.ruleset.vote_rules import vote_rules

    occs: dict[tuple, V.Occ] = {}
    for i, c in enumerate(claims):
        f = parse_event(c.event)
        if f is None or "n" not in f:
            continue
        src = sources.group(c.doc) if sources is not None else c.doc
        occ = occs.get((src, c.event))
        if occ is None:
            occ = occs[(src, c.event)] = V.Occ(src, f)
        occ.members.append(i)
    if occs:
        occs = V.rejoin_split_tallies(occs, claims)
        V.add_tallies(occs.values(), claims)
        vr = vote_rules(rules)
        taken = V.month_taken(occs.values(), claims)
        for occ in occs.values():
            V._dates(occ, claims, vr.undated_window_days, vr.relative_slack_days, taken, vr.recalled_window_days)
        V.pin_numbered(list(occs.values()))
    return list(occs.values())


def _pin_to_stored(conn, new: list[V.Occ]) -> None:
    """`V.pin_numbered` over the stored occurrences and the new ones: a new report of a numbered
    resolution later than its first stored report takes that report's days; one earlier than a
    stored report of the number would move the stored ones (LinkFallback)."""
    for o in new:
        r = o.get("res")
        if not r or o.get("subj") == "amendment":
            continue
        rows = [(lo, hi, exact) for lo, hi, exact, event in conn.execute(
            "SELECT o.lo, o.hi, o.exact, o.event FROM judged_occ_keys k JOIN judged_occs o ON o.pos = k.pos "
            "WHERE k.own = 1 AND k.key = ?", (_key_text(("res", r)),))
            if (parse_event(event) or {}).get("subj") != "amendment" and hi != V._FAR_FUTURE.toordinal()]
        if not rows:
            continue
        lo, hi, exact = min(rows, key=lambda x: x[1])
        first_hi = date.fromordinal(hi)
        if o.hi != V._FAR_FUTURE and o.hi < first_hi:
            raise LinkFallback("a new report of a numbered resolution comes before its stored reports")
        if o.lo > first_hi and o.get("n") not in ("", "1"):
            o.lo, o.hi = date.fromordinal(lo), first_hi
            o.exact = date.fromordinal(exact) if exact is not None else None


def _tally(members: list[V.Occ], claims: Sequence[Claim]) -> list:
    return sorted({(claims[i].kind, str(claims[i].value)) for o in members for i in o.members})


def _number(entries: list[tuple]) -> dict:
    """entries (vote id, name, tally, min doc) in creation order -> vote id -> event, as
    `link_votes` numbers votes that name themselves alike."""
    used: dict[str, int] = {}
    out = {}
    for vid, name, tally, min_doc in sorted(entries, key=lambda e: (e[1], e[2], e[3])):
        if name in used:
            used[name] += 1
            out[vid] = f"{name};k={used[name]}"
        else:
            used[name] = 1
            out[vid] = name
    return out


def link_traced(claims: Sequence[Claim], sources=None, rules=None) -> tuple[list[Optional[str]], dict]:
    """The events `link_votes` gives `claims` (None: not a tally occurrence), and the rows
    that keep how they were found (`store`)."""
    occs = occurrences(claims, sources, rules)
    events: list[Optional[str]] = [None] * len(claims)
    trace: list = []
    votes = V.link(occs, trace, _undated_max(rules))
    pos_of = {id(o): p for p, (o, _n, _b, _k) in enumerate(trace)}
    vote_id = [pos_of[id(v[0])] for v in votes]  # a vote is named by its first occurrence's rank
    names = [format_event(V.vote_key(v)) for v in votes]
    tallies = [_tally(v, claims) for v in votes]
    min_docs = [min(o.doc for o in v) for v in votes]
    final = _number([(vote_id[k], names[k], tallies[k], min_docs[k]) for k in range(len(votes))])
    for k, v in enumerate(votes):
        for o in v:
            for i in o.members:
                events[i] = final[vote_id[k]]
    occ_rows, key_rows = [], []
    for p, (o, n, best, k) in enumerate(trace):
        occ_rows.append((p, _spec_text(o), o.doc, _raw_event(o, claims), o.lo.toordinal(), o.hi.toordinal(),
                         o.exact.toordinal() if o.exact else None, vote_id[k], n,
                         json.dumps([[s, vote_id[j]] for s, j in best])))
        own = {_key_text(x) for x in V._index_keys(o)}
        key_rows += [(t, p, int(t in own)) for t in sorted({_key_text(x) for x in V._lookup_keys(o)} | own)]
    vote_rows = [(vote_id[k], names[k], json.dumps(tallies[k], ensure_ascii=False), min_docs[k], final[vote_id[k]])
                 for k in range(len(votes))]
    return events, {"occs": occ_rows, "keys": key_rows, "votes": vote_rows}


def _undated_max(rules=None) -> int:
    from crosscheck.ruleset.vote_rules import vote_rules

    return vote_rules(rules).undated_link_max_votes


def _raw_event(o: V.Occ, claims: Sequence[Claim]) -> str:
    """The occurrence's fields as an event (its tally included: `V.add_tallies`)."""
    return format_event(o.fields)


def store(conn, rows: dict) -> None:
    """Write what `link_traced` found (replacing any earlier links)."""
    create(conn)
    for t in TABLES:
        conn.execute(f"DELETE FROM {t}")
    conn.executemany("INSERT INTO judged_occs VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)", rows["occs"])
    conn.executemany("INSERT INTO judged_occ_keys VALUES (?, ?, ?)", rows["keys"])
    conn.executemany("INSERT INTO judged_votes VALUES (?, ?, ?, ?, ?)", rows["votes"])


def create(conn) -> None:
    for statement in DDL.split(";"):
        if statement.strip():
            conn.execute(statement)


# --------------------------------------------------------------------------- linking new tallies


class _Stored:
    """Stored occurrences and votes, read as they are needed."""

    def __init__(self, conn) -> None:
        self.conn = conn
        self.occ: dict[float, tuple] = {}  # pos -> (Occ, vote, nbest, best)
        self.members: dict[float, list[float]] = {}  # vote -> member positions (stored, by rank)

    def _row(self, row) -> tuple:
        pos, src, event, lo, hi, exact, vote, nbest, best = row
        o = V.Occ(src, parse_event(event) or {}, [], date.fromordinal(lo), date.fromordinal(hi),
                  date.fromordinal(exact) if exact is not None else None)
        entry = (o, vote, nbest, [tuple(e) for e in json.loads(best)])
        self.occ[pos] = entry
        return entry

    _COLS = "pos, src, event, lo, hi, exact, vote, nbest, best"

    def get(self, pos: float) -> tuple:
        if pos not in self.occ:
            self._row(self.conn.execute(f"SELECT {self._COLS} FROM judged_occs WHERE pos = ?", (pos,)).fetchone())
        return self.occ[pos]

    def prefetch(self, positions) -> None:
        """The rows of `positions` not read yet, 500 a query: the stored occurrences a changed
        vote queues are each read by `get` when their turn comes (at 10k: ~1,800 one-row
        queries a check), the same rows read together as they are queued."""
        want = sorted({p for p in positions if p not in self.occ})
        for i in range(0, len(want), 500):
            part = want[i : i + 500]
            for row in self.conn.execute(
                    f"SELECT {self._COLS} FROM judged_occs WHERE pos IN ({','.join('?' * len(part))})", part):
                self._row(row)

    def prefetch_votes(self, votes) -> None:
        """`vote_members` of each of `votes` not read yet, 500 votes a query: a new tally's
        candidate votes (at 10k ~1,900 of them, each read by a query of its own before)."""
        want = sorted({v for v in votes if v not in self.members})
        for i in range(0, len(want), 500):
            part = want[i : i + 500]
            got: dict[float, list[float]] = {v: [] for v in part}
            for row in self.conn.execute(
                    f"SELECT {self._COLS} FROM judged_occs WHERE vote IN ({','.join('?' * len(part))}) "
                    "ORDER BY vote, pos", part):
                if row[0] not in self.occ:
                    self._row(row)
                got[row[6]].append(row[0])
            self.members.update(got)

    def vote_members(self, vote: float) -> list[float]:
        if vote not in self.members:
            out = []
            for row in self.conn.execute(f"SELECT {self._COLS} FROM judged_occs WHERE vote = ? ORDER BY pos", (vote,)):
                if row[0] not in self.occ:
                    self._row(row)
                out.append(row[0])
            self.members[vote] = out
        return self.members[vote]


def link_new(conn, claims: Sequence[Claim], sources=None, rules=None) -> tuple[list[Optional[str]], dict]:
    """The events the full pass (`link_votes` over the stored tallies and `claims`) gives
    `claims` (None: not a tally occurrence), and the stored events it changes (old -> new: a
    changed vote's new name, votes of one name numbered anew); LinkFallback when the stored
    links cannot say."""
    new = occurrences(claims, sources, rules)
    events: list[Optional[str]] = [None] * len(claims)
    if not new:
        return events, {}
    _pin_to_stored(conn, new)
    st = _Stored(conn)
    # where the full pass reads each new occurrence
    new.sort(key=lambda o: o.specificity)
    placed: list[tuple[float, V.Occ]] = []
    for j, o in enumerate(new):
        if conn.execute("SELECT 1 FROM judged_occs WHERE src = ? LIMIT 1", (o.doc,)).fetchone():
            raise LinkFallback(f"a new tally is told by a stored source ({o.doc})")
        below = conn.execute("SELECT COUNT(*) FROM judged_occs WHERE spec < ?", (_spec_text(o),)).fetchone()[0]
        placed.append((below - 0.5 + j * 1e-6, o))
    added: dict[float, list[tuple[float, V.Occ]]] = {}  # changed vote -> its new occurrences
    new_votes: set[float] = set()  # votes a new occurrence made (named by its rank)

    def members_before(vote: float, before: float) -> list[V.Occ]:
        stored = [] if vote in new_votes else st.vote_members(vote)
        return [st.get(p)[0] for p in stored if p < before] + [o for p, o in added.get(vote, ()) if p < before]

    def entry(vote: float, o: V.Occ, before: float) -> Optional[tuple[int, float]]:
        """(score, vote) when `o` could join `vote` as it stood before rank `before`, else None."""
        ms = members_before(vote, before)
        if not ms:
            return None
        v = V._Vote(ms[0])
        for m in ms[1:]:
            v.add(m)
        if not v.compatible(o) or not any(V._minimum(o, m) for m in v.reps.values()):
            return None
        return (max(V.score(o, m) for m in v.reps.values()), vote)

    def finds(vote: float, o: V.Occ, before: float, ignore: frozenset = frozenset()) -> bool:
        look = set(V._lookup_keys(o)) - ignore
        return any(not look.isdisjoint(V._index_keys(m)) for m in members_before(vote, before))

    cap = _undated_max(rules)

    def ignored(o: V.Occ, before: float, with_new: bool = True) -> frozenset:
        """The keys of all dated votes of a body that `o` (undated) does not look under at
        rank `before`: they hold more than `cap` votes there (crosscheck.reconcile.votes.link)."""
        out = set()
        for k in V._lookup_keys(o):
            if not V.is_cross_key(k):
                continue
            votes: set[float] = {r[0] for r in conn.execute(
                "SELECT DISTINCT o.vote FROM judged_occ_keys k JOIN judged_occs o ON o.pos = k.pos "
                "WHERE k.own = 1 AND k.key = ? AND k.pos < ?", (_key_text(k), before))}
            if with_new:
                votes |= {x for x, adds in added.items()
                          if any(p < before and k in V._index_keys(m) for p, m in adds)}
            if len(votes) > cap:
                out.add(k)
        return frozenset(out)

    def decide(best: list) -> Optional[float]:
        best = sorted(best, reverse=True)
        if best and (len(best) == 1 or best[0][0] > best[1][0]):
            return best[0][1]
        return None

    # the queue: new occurrences, and stored ones that may find a changed vote
    queue: list[tuple[float, int]] = [(p, 0) for p, _o in placed]
    heapq.heapify(queue)
    queued: set[float] = set()
    while queue:
        pos, is_stored = heapq.heappop(queue)
        if is_stored:
            o, vote, nbest, top = st.get(pos)
            ignore = ignored(o, pos)
            if ignore != ignored(o, pos, with_new=False):
                raise LinkFallback("a new vote changes how many dated votes an undated tally may join")
            rest = [e for e in top if e[1] not in added]
            if len(rest) < 2 and nbest > len(top) and len(rest) < len(top):
                raise LinkFallback("the kept votes do not say how a stored tally links")
            changed = [e for x in added if finds(x, o, pos, ignore) and (e := entry(x, o, pos)) is not None]
            choice = decide(rest + changed)
            if (pos if choice is None else choice) != vote:
                raise LinkFallback("a new tally changes how a stored tally is linked")
            continue
        o = next(oc for p, oc in placed if p == pos)
        ignore = ignored(o, pos)
        look = [_key_text(k) for k in V._lookup_keys(o) if k not in ignore]
        found: set[float] = set()
        for i in range(0, len(look), 500):
            part = look[i:i + 500]
            found.update(r[0] for r in conn.execute(
                f"SELECT DISTINCT o.vote FROM judged_occ_keys k JOIN judged_occs o ON o.pos = k.pos "
                f"WHERE k.own = 1 AND k.key IN ({','.join('?' * len(part))}) AND k.pos < ?", (*part, pos)))
        found |= {x for x in added if x not in found and finds(x, o, pos, ignore)}
        st.prefetch_votes(x for x in found if x not in new_votes)  # (their members, read together)
        best = [e for x in sorted(found) if (e := entry(x, o, pos)) is not None]
        choice = decide(best)
        if choice is None:
            choice = pos
            new_votes.add(pos)
        added.setdefault(choice, []).append((pos, o))
        # stored occurrences read later that can find the changed vote
        keys = {_key_text(k) for m in members_before(choice, float("inf")) for k in V._index_keys(m)}
        keys = sorted(keys)
        fresh = []
        for i in range(0, len(keys), 500):
            part = keys[i:i + 500]
            for (p,) in conn.execute(
                    f"SELECT DISTINCT pos FROM judged_occ_keys WHERE key IN ({','.join('?' * len(part))}) AND pos > ?",
                    (*part, pos)):
                if p not in queued:
                    queued.add(p)
                    heapq.heappush(queue, (p, 1))
                    fresh.append(p)
        st.prefetch(fresh)  # (read together, not one `get` each when popped)
    # events: the changed votes named and numbered again with the stored votes of their names
    ordered = {}
    for x, adds in added.items():
        ms = sorted([(p, st.get(p)[0]) for p in ([] if x in new_votes else st.vote_members(x))] + adds,
                    key=lambda e: e[0])
        ordered[x] = ms
    new_claims_of = {id(o): o for _p, o in placed}
    stored_info = {}
    for x in added:
        if x not in new_votes:
            name, tally, min_doc, event = conn.execute(
                "SELECT name, tally, min_doc, event FROM judged_votes WHERE vote = ?", (x,)).fetchone()
            stored_info[x] = (name, [tuple(t) for t in json.loads(tally)], min_doc, event)
    changed = {}
    for x, ms in ordered.items():
        occs = [o for _p, o in ms]
        name = format_event(V.vote_key(occs))
        fresh = {(claims[i].kind, str(claims[i].value)) for _p, o in ms if id(o) in new_claims_of for i in o.members}
        old_tally = stored_info[x][1] if x in stored_info else []
        tally = sorted(set(old_tally) | fresh)
        min_doc = min([o.doc for o in occs])
        changed[x] = (name, tally, min_doc)
    names = {c[0] for c in changed.values()} | {i[0] for i in stored_info.values()}
    remap: dict[str, str] = {}  # stored event -> its event once the changed votes are numbered
    for name in sorted(names):
        entries, stored_events = [], {}
        for vid, tally, min_doc, event in conn.execute(
                "SELECT vote, tally, min_doc, event FROM judged_votes WHERE name = ?", (name,)):
            if vid not in changed:
                entries.append((vid, name, [tuple(t) for t in json.loads(tally)], min_doc))
                stored_events[vid] = event
        entries += [(x, c[0], c[1], c[2]) for x, c in changed.items() if c[0] == name]
        entries.sort(key=lambda e: e[0])  # creation order: a vote's first rank
        final = _number(entries)
        for vid, event in stored_events.items():
            if final[vid] != event:
                remap[event] = final[vid]
        for x in changed:
            if changed[x][0] == name:
                if x in stored_info and final[x] != stored_info[x][3]:
                    remap[stored_info[x][3]] = final[x]
                for _p, o in ordered[x]:
                    if id(o) in new_claims_of:
                        for i in o.members:
                            events[i] = final[x]
    return events, remap
