"""A place an article only lends its figures is a default, not the figure's scope (issue 8).

Outlets tell one story at different granularity and the extractor places a figure by its own
clause when the clause names a place, else by its article (the dateline city, the place the
article names most, the one country it names: `PLACE_FROM_ARTICLE` beside "location" in the
claim's `inferred`).  "ارتفعت الحصيلة إلى 105" in an article datelined Baghdad, "104 قتلى" in
one about Iraq and "157 قتيلا في بغداد" in a third are one story's figures; a data desk reads
them against each other unless their scopes really differ.

So, once the figures have joined across place granularity by their corroborated figures
(grouping.join_moves), a cluster none of whose own figures (those whose key before joins is
the cluster's) has its place from its own clause - a *weak* cluster - joins the cluster of the
same scope otherwise (kind, period, event, group, incident) whose place lies on its place's
chain in the gazetteer (a city within its governorate within its country): the one such cluster
where some article states the place in the figure's own clause (a *stated* cluster), or - when
several nest - the one containing the others; with no stated cluster on the chain, the weak
cluster of the coarsest place containing the others only when `weak_place_join_defaults` says
so (two defaults say nothing of each other: false in the shipped rules).  Stated clusters never move (they stay
apart and feed the part/whole checks of crosscheck.reconcile.inconsistencies).  A weak cluster
stays where it is when

* its place's clusters fork (a country's figure beside two of its cities: maybe their whole),
* one of its articles gives the destination another figure on the same day, or states the
  destination's place for a figure it does not give at its default place (it tells the part
  from the whole itself),
* the destination's place, or its own, is singled out ("وحدها": a part), or
* its figures were given more than `attach_gap_days` from every figure there (another story).

With `weak_place_join_fits` a weak cluster joins only when each of its figures is the
destination's (`fits`); with `weak_place_join_by_figure` too, when only some are, those join
alone (`fitting_figures`) and the others stay: a stored key's members may then end in two
clusters (crosscheck.store.judged decides each figure again).

Which directions a weak place may move is a setting (rules/reconcile.yaml `weak_place_join`:
`finer` lets a weak place join a cluster inside it, `coarser` one containing it; both, or
none).  The decisions of one *family* (the clusters of one scope without place) read only that
family's clusters, whole: crosscheck.store.judged keeps each member's family and decides again,
from all of its stored members, every family a new article's figures fall in.  Cost: one pass
over the keys grouped by family, a gazetteer walk per weak key.
"""

from __future__ import annotations

from collections import defaultdict

from crosscheck.models import PLACE_FROM_ARTICLE
from crosscheck.reconcile.intervals import SUM_PART


# (Member, GroupingStats: crosscheck.reconcile.grouping's; ReconcileConfig: .settings)


def family_of(key: tuple, li: int) -> tuple | None:
    """A cluster key's scope without its place (its family), or None when the key has no one
    plain place (no place, a combined place: such clusters never join this way)."""
    loc = key[li]
    if loc is None or "+" in loc or loc.startswith("combined:"):
        return None
    return key[:li] + key[li + 1:]


def stated(key: tuple, ms: list[Member]) -> bool:
    """Does some figure of the cluster whose key before joins is `key` have its place from its
    own clause (however ambiguously: "في إقليمي شمال كيفو وإيتوري"), not only from its article
    (`PLACE_FROM_ARTICLE`)?  (A figure that joined it from another place says nothing of it.)"""
    return any(m.pre == key and PLACE_FROM_ARTICLE not in m.claim.inferred for m in ms)


def weak_targets(clusters: dict[tuple, list[Member]], attrs: list[str], cfg: ReconcileConfig,
                 places) -> tuple[dict[tuple, tuple], int]:
    """The weak clusters that join another (key -> the key of the cluster it ends in, chains
    followed) and how many were kept apart by their days, articles or words.  Each family's
    decisions read that family's clusters only.  `places`: grouping's place and day helpers (a
    namespace, so this module does not import grouping)."""
    if "location" not in attrs or not cfg.weak_place_join:
        return {}, 0
    li = 2 + attrs.index("location")
    keys = [k for k, ms in clusters.items() if ms and family_of(k, li) is not None]
    strong = {k for k in keys if stated(k, clusters[k])}
    target: dict[tuple, tuple] = {}
    gated = 0
    for w, dest in destinations(keys, strong, li, cfg, places).items():
        if kept_apart(clusters[w], clusters[dest], cfg, places):
            gated += 1
        else:
            target[w] = dest
    return follow(target), gated


def figure_targets(clusters: dict[tuple, list[Member]], attrs: list[str], cfg: ReconcileConfig,
                    places, target: dict[tuple, tuple]) -> dict[tuple, tuple[tuple, set]]:
    """The weak clusters that stay where they are (not in `target`, the final keys of those
    joining whole) but some of whose articles join their destination (`fitting_figures`): key ->
    (the destination's final key, those articles)."""
    if not (cfg.weak_place_join_by_figure and cfg.weak_place_join_fits) or "location" not in attrs:
        return {}
    li = 2 + attrs.index("location")
    keys = [k for k, ms in clusters.items() if ms and family_of(k, li) is not None]
    strong = {k for k in keys if stated(k, clusters[k])}
    out: dict[tuple, tuple[tuple, set]] = {}
    for w, dest in destinations(keys, strong, li, cfg, places).items():
        if w not in target and (docs := fitting_figures(clusters[w], clusters[dest], cfg, places)):
            out[w] = (target.get(dest, dest), docs)
    return out


def fitting_figures(ms: list[Member], dest_ms: list[Member], cfg: ReconcileConfig, places) -> set:
    """The figures of a weak cluster (`ms`) not joining its destination (`dest_ms`) whole that
    join it alone (cfg.weak_place_join_by_figure, with weak_place_join_fits): those that `fits`
    the destination's (its same figure, a bound one of its figures meets), when some other figure
    does not and those figures are not kept apart by their days, articles or words
    (`kept_apart`): (article, offset) of each.  An article about a country giving a city's toll
    joins the city's cluster; the country-wide counts beside it stay where they are."""
    if not (cfg.weak_place_join_by_figure and cfg.weak_place_join_fits):
        return set()
    part = [m for m in ms if fits([m], dest_ms, places.figure)]
    if not part or len(part) == len(ms) or kept_apart(part, dest_ms, cfg, places):
        return set()
    return {figure_id(m) for m in part}


def figure_id(m: Member) -> tuple:
    """A member's figure as `fitting_figures` names it (stored members read again compare equal)."""
    return (m.claim.doc, m.claim.start, m.claim.kind)


def destinations(keys, strong: set, li: int, cfg: ReconcileConfig, places) -> dict[tuple, tuple]:
    """Where each weak cluster key would join, from the keys alone (which hold a stated place:
    `strong`), before its days, articles and words are read (`kept_apart`)."""
    directions = set(cfg.weak_place_join)
    parents = places.parents()
    families: dict[tuple, list[tuple]] = defaultdict(list)
    for key in keys:
        fam = family_of(key, li)
        if fam is not None:
            families[fam].append(key)
    out: dict[tuple, tuple] = {}
    for fkeys in families.values():
        if len(fkeys) < 2:
            continue
        chains = {k: [k[li], *places.ancestors(k[li], parents)] for k in fkeys}
        for w in sorted(fkeys, key=repr):
            if w in strong:
                continue
            cands = []
            for k in fkeys:
                if k == w:
                    continue
                if k[li] in chains[w][1:]:
                    if "coarser" in directions:
                        cands.append(k)
                elif w[li] in chains[k][1:]:
                    if "finer" in directions:
                        cands.append(k)
            if not cands:
                continue
            placed = sorted((k for k in cands if k in strong), key=repr)
            if placed:
                dest = placed[0] if len(placed) == 1 else places.one_whole(placed, li)
            elif cfg.weak_place_join_defaults:
                # weak places only: the coarsest, when it contains the others and this one
                dest = places.one_whole(sorted(cands + [w], key=repr), li)
                if dest == w:
                    dest = None
            else:
                dest = None  # two defaults say nothing of each other (weak_place_join_defaults)
            if dest is not None:
                out[w] = dest
    return out


def kept_apart(ms: list[Member], dms: list[Member], cfg: ReconcileConfig, places) -> bool:
    """Do the days, articles or words of a weak cluster (`ms`) and of the cluster it would join
    (`dms`) keep it where it is (the module docstring's list)?"""
    from crosscheck.reconcile.singled_out import alone_near, rules_alone_pattern

    pattern = rules_alone_pattern()
    if cfg.weak_place_join_fits and not fits(ms, dms, places.figure):
        return True
    return bool((cfg.attach_gap_days is not None and places.other_story(ms, dms, cfg.attach_gap_days))
                or places.tells_part_from_whole(ms, dms) or _gives_it_another(ms, dms, places.figure)
                or (pattern and (any(alone_near(m.claim, pattern) for m in dms)
                                 or any(alone_near(m.claim, pattern) for m in ms))))


def follow(target: dict[tuple, tuple]) -> dict[tuple, tuple]:
    """Each joining key's final destination: a weak chain ends at its story's cluster."""
    out = {}
    for key in target:
        dest, seen = key, 0
        while dest in target and seen < 16:
            dest, seen = target[dest], seen + 1
        if dest != key:
            out[key] = dest
    return out


def mark_weak(m: Member, key: tuple, dest: tuple, li: int) -> None:
    """What joining `dest`'s cluster from the weak cluster `key` writes on a member."""
    if "location" not in m.uncertain:
        m.uncertain.append("location")
    m.notes.append(f"placed in {key[li]} only by its article; the story's figures of "
                   f"this scope stand in {dest[li]}: joined that cluster")


def join_weak_places(
    clusters: dict[tuple, list[Member]], attrs: list[str], cfg: ReconcileConfig,
    stats: GroupingStats, places,
) -> dict[tuple, list[Member]]:
    """Merge each weak cluster into its story's cluster (`weak_targets`); the clusters
    unchanged when the setting allows no direction."""
    target, gated = weak_targets(clusters, attrs, cfg, places)
    stats.weak_place_gated += gated
    by_article = figure_targets(clusters, attrs, cfg, places, target)
    if not target and not by_article:
        return clusters
    li = 2 + attrs.index("location")

    def moved(key, dest, ms) -> None:
        stats.weak_places += 1
        for m in ms:
            mark_weak(m, key, dest, li)

    merged = merge_into(clusters, target, moved)
    for w, (dest, docs) in by_article.items():  # (its own members: m.joined is w)
        part = [m for m in merged[w] if m.joined == w and figure_id(m) in docs]
        moved(w, dest, part)
        gone = {id(m) for m in part}
        merged[w] = [m for m in merged[w] if id(m) not in gone]
        merged[dest].extend(part)
    return {k: ms for k, ms in merged.items() if ms}


def merge_into(clusters: dict[tuple, list], target: dict[tuple, tuple], moved) -> dict[tuple, list]:
    """The clusters with each key of `target` merged into its destination (in the clusters'
    order); `moved(key, dest, members)` is told of each cluster that moves."""
    merged: dict[tuple, list] = {}
    for key, ms in clusters.items():
        dest = target.get(key, key)
        if dest != key:
            moved(key, dest, ms)
        merged.setdefault(dest, []).extend(ms)
    return merged


def _gives_it_another(ms: list[Member], dest_ms: list[Member], figure) -> bool:
    """Does an article of the weak cluster state the destination's place for a figure it does
    not give at its default place ("the ministry: more than 200 injured in Kunduz ... MSF's
    centre received 171")?  Then the article itself tells the two figures apart."""
    own: dict[str, set] = {}
    for m in ms:
        own.setdefault(m.claim.doc, set()).add(figure(m.claim))
    return any(m.claim.doc in own and figure(m.claim) not in own[m.claim.doc]
               and PLACE_FROM_ARTICLE not in m.claim.inferred for m in dest_ms)


def fits(ms: list[Member], dest_ms: list[Member], figure) -> bool:
    """Is every figure of `ms` (parts of a sum aside: "بينهم 75 مدنيا") one of `dest_ms`'s:
    the same figure given there, or a bound ("أكثر من 100", "نحو 3000") a figure there meets?
    A country's default "نحو 3000 مفقود" and a province's stated "295" are two counts."""
    there = [v for m in dest_ms if (v := figure(m.claim)) is not None]
    exact = set(there)
    seen = False
    for m in ms:
        c = m.claim
        if SUM_PART in c.inferred:
            continue
        v = figure(c)
        if v is None:
            return False
        seen = True
        if v in exact:
            continue
        if c.qualifier == "exact" or c.low is None or c.high is None:
            return False
        if not any(c.low <= x <= c.high and (not c.low_open or x > c.low) for x in there):
            return False
    return seen
