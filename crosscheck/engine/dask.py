"""Past one machine: extraction over partitions and reconciliation by unit key on Dask.

    client = dask_client("tcp://scheduler:8786")       # or None: a LocalCluster on every core
    for doc, result in map_documents_dask(fn, documents, client=client, rules_dir=None): ...
    clusters = reconcile_dask(claims, documents, client=client)

Needs the optional extra `pip install crosscheck[dask]` (dask[distributed]); without it the
functions raise a CrosscheckError saying so.  The output is the local engine's, byte for byte:

* **extraction**: the input is cut into partitions of `PARTITION` documents, each a task;
  at most `WINDOW` partitions are in flight, results come back in input order, so memory on the
  client is bounded as with the local pool;
* **reconciliation** is a group-by on the unit key (grouping.unit_key: the exact-scope block
  key less the attributes a claim may leave open): units are hashed into one partition per
  worker, and each task reconciles its units with the documents that hold their claims
  (context filling reads a claim's whole document) and the near-duplicate groups computed once
  on the client.  Units never interact, so the union of the partitions' clusters is the local
  result.
* **what is shipped to workers**: the rule files themselves (`RulesBundle`: every YAML file of
  the rules directory in force, about 200 kB, scattered once per run and written into a
  temporary directory on each worker, keyed by its digest), the documents of each partition,
  and the function to run.  Workers need crosscheck installed (the same version), nothing else:
  no rules directory, no store, no network.
"""

from __future__ import annotations

import hashlib
import os
import tempfile
import zlib
from collections import deque
from contextlib import contextmanager
from dataclasses import dataclass
from functools import partial
from pathlib import Path
from typing import Any, Callable, Iterable, Iterator, Optional, Sequence

from crosscheck.errors import CrosscheckError, InputError
from crosscheck.models import Claim, Cluster, Document

PARTITION = 32  # documents per extraction task
WINDOW = 16  # extraction tasks in flight


def _distributed():
    try:
        import distributed
    except ModuleNotFoundError:
        raise CrosscheckError(
            "--engine dask needs Dask: pip install 'crosscheck[dask]' (dask[distributed])"
        ) from None
    return distributed


@contextmanager
def dask_client(scheduler: Optional[str] = None) -> Iterator[Any]:
    """A client of the scheduler at `scheduler` (an address such as tcp://host:8786, or a
    distributed.Client / LocalCluster object), or of a new LocalCluster (one worker process
    per core, one thread each: extraction is pure Python), closed when the block ends."""
    distributed = _distributed()
    if scheduler is not None and not isinstance(scheduler, str):
        client = scheduler if isinstance(scheduler, distributed.Client) else distributed.Client(scheduler)
        yield client
        return
    if scheduler:
        try:
            client = distributed.Client(scheduler, timeout="20s")
        except (OSError, TimeoutError) as exc:
            raise InputError(f"--scheduler {scheduler}: cannot reach the Dask scheduler ({exc})") from None
        with client:
            yield client
        return
    from crosscheck.engine.local import default_jobs

    with distributed.LocalCluster(n_workers=default_jobs(), threads_per_worker=1, processes=True,
                                  dashboard_address=None) as cluster, distributed.Client(cluster) as client:
        yield client


@dataclass(frozen=True)
class RulesBundle:
    """The rule files (relative path -> bytes), as shipped to workers."""

    files: tuple[tuple[str, bytes], ...]

    @classmethod
    def from_dir(cls, rules_dir: str | os.PathLike[str] | None = None) -> "RulesBundle":
        from crosscheck.ruleset.resources import rules_dir as resolve

        root = resolve(rules_dir)
        return cls(tuple(sorted((str(p.relative_to(root)), p.read_bytes())
                                for p in Path(root).rglob("*.yaml"))))

    @property
    def digest(self) -> str:
        h = hashlib.sha256()
        for name, data in self.files:
            h.update(name.encode() + b"\0" + data)
        return h.hexdigest()[:16]

    def local_dir(self) -> str:
        """A directory holding these rules on this machine (written once per digest)."""
        root = Path(tempfile.gettempdir()) / f"crosscheck-rules-{self.digest}"
        if not (root / ".complete").exists():
            tmp = Path(tempfile.mkdtemp(prefix="crosscheck-rules-", dir=tempfile.gettempdir()))
            for name, data in self.files:
                (tmp / name).parent.mkdir(parents=True, exist_ok=True)
                (tmp / name).write_bytes(data)
            (tmp / ".complete").write_text("")
            try:
                tmp.rename(root)
            except OSError:  # another worker process was first
                pass
        return str(root)


def _run_partition(fn: Callable, bundle: RulesBundle, items: Sequence) -> list:
    rules_dir = bundle.local_dir()
    return [fn(item, rules_dir=rules_dir) for item in items]


def map_documents_dask(
    fn: Callable[..., Any],
    items: Iterable,
    *,
    client,
    rules_dir: str | os.PathLike[str] | None = None,
    partition: int = PARTITION,
) -> Iterator[tuple[Any, Any]]:
    """(item, fn(item, rules_dir=<the shipped rules on the worker>)) in input order."""
    bundle = client.scatter(RulesBundle.from_dir(rules_dir), broadcast=True)
    pending: deque = deque()
    part: list = []

    def submit(batch: list) -> None:
        pending.append((batch, client.submit(_run_partition, fn, bundle, batch, pure=False)))

    def drain() -> Iterator[tuple[Any, Any]]:
        batch, fut = pending.popleft()
        yield from zip(batch, fut.result())

    try:
        for item in items:
            part.append(item)
            if len(part) >= partition:
                submit(part)
                part = []
                if len(pending) >= WINDOW:
                    yield from drain()
        if part:
            submit(part)
        while pending:
            yield from drain()
    finally:
        for _batch, fut in pending:
            fut.cancel()


# --------------------------------------------------------------------------- reconciling


def _reconcile_part(claims: list[Claim], documents: list[Document], bundle: RulesBundle,
                    units: set[str], sources) -> list[Cluster]:
    from crosscheck.reconcile.reconciler import reconcile
    from crosscheck.reconcile.settings import default_config

    cfg = default_config(bundle.local_dir())
    return reconcile(claims, documents, cfg, sources=sources, units=units)


def reconcile_dask(
    claims: Sequence[Claim],
    documents: Sequence[Document],
    *,
    client,
    rules_dir: str | os.PathLike[str] | None = None,
    parts: Optional[int] = None,
) -> list[Cluster]:
    """`reconcile(claims, documents)` as a group-by on unit keys over the cluster's workers."""
    from crosscheck.reconcile.grouping import claim_keys
    from crosscheck.reconcile.reconciler import build_report
    from crosscheck.reconcile.settings import default_config
    from crosscheck.reconcile.sources import source_groups

    cfg = default_config(rules_dir)
    n = parts or max(1, len(client.scheduler_info().get("workers", {})))
    by_doc: dict[str, list[Claim]] = {}
    for c in claims:
        by_doc.setdefault(c.doc, []).append(c)
    units_of_part: list[set[str]] = [set() for _ in range(n)]
    docs_of_part: list[set[str]] = [set() for _ in range(n)]
    for doc_id, doc_claims in by_doc.items():
        for _block, unit in claim_keys(doc_claims, cfg):
            p = zlib.crc32(unit.encode("utf-8")) % n
            units_of_part[p].add(unit)
            docs_of_part[p].add(doc_id)
    sources = source_groups(documents, cfg)  # once, on the client: it needs every text
    bundle = client.scatter(RulesBundle.from_dir(rules_dir), broadcast=True)
    # the workers need each document's id and date, not its text
    light = {d.id: d.model_copy(update={"text": ""}) for d in documents}
    futures = []
    for p in range(n):
        if not units_of_part[p]:
            continue
        ids = sorted(docs_of_part[p])
        part_claims = [c for i in ids for c in by_doc[i]]
        part_docs = [light[i] for i in ids if i in light]
        futures.append(client.submit(_reconcile_part, part_claims, part_docs, bundle,
                                     units_of_part[p], sources, pure=False))
    clusters = [c for fut in futures for c in fut.result()]
    return build_report(list(documents), clusters).clusters
