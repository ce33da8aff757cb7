"""Per-document work on every core, in input order, with bounded memory.

    for doc, result in map_documents(extract_records, documents, jobs=4):
        ...   # results arrive in the order of `documents`, identical to jobs=1

`documents` is any iterable (a lazy `DocumentSource`); it is read only as fast as the workers
take documents: at most `window` batches of `batch` documents are in flight, so memory is
bounded by that window, never by the corpus.  `fn` must be a picklable top-level function (or
a `functools.partial` of one); what it returns is pickled back, so it should be small and
plain (JSON text, tuples) rather than model objects when speed matters.  With `jobs=1` no
process is started.  On Linux the workers are forked after the caller has loaded the rules,
so they share the parent's compiled rules instead of loading their own.
"""

from __future__ import annotations

import multiprocessing
import os
import sys
from collections import deque
from concurrent.futures import Future, ProcessPoolExecutor
from typing import Callable, Iterable, Iterator, Optional, Sequence, TypeVar

from crosscheck.errors import InputError
from crosscheck.models import Document

R = TypeVar("R")

BATCH = 8  # documents per task: amortises the pickling round trip (~4 kB of text each)
WINDOW_PER_JOB = 4  # batches in flight per worker


def default_jobs() -> int:
    """Every core this process may run on."""
    try:
        return max(1, len(os.sched_getaffinity(0)))
    except (AttributeError, OSError):
        return max(1, os.cpu_count() or 1)


def resolve_jobs(jobs: Optional[int]) -> int:
    """`jobs` as given (None or 0: every core); InputError for a negative count."""
    if jobs is None or jobs == 0:
        return default_jobs()
    if jobs < 0:
        raise InputError(f"--jobs: {jobs} is not a number of processes; give 1 or more (0 = every core)")
    return jobs


def die_with_parent(parent: int) -> None:
    """In a worker: end when the process that started it ends, however it ends.

    A parent killed by SIGKILL (or by SIGTERM, whose default action skips every clean-up)
    cannot stop its pool, and the workers would wait for work forever.  On Linux the kernel
    sends this worker SIGTERM when its parent dies (prctl PR_SET_PDEATHSIG); if the parent is
    already gone when the worker starts, the worker ends at once."""
    if sys.platform.startswith("linux"):
        import ctypes
        import signal

        try:
            libc = ctypes.CDLL(None, use_errno=True)
            libc.prctl(1, signal.SIGTERM, 0, 0, 0)  # PR_SET_PDEATHSIG = 1
        except (OSError, AttributeError):
            pass
    if os.getppid() != parent:
        os._exit(1)


def _run_batch(fn: Callable[[Document], R], docs: Sequence[Document]) -> list[R]:
    return [fn(d) for d in docs]


def _batches(documents: Iterable[Document], size: int) -> Iterator[list[Document]]:
    batch: list[Document] = []
    for d in documents:
        batch.append(d)
        if len(batch) >= size:
            yield batch
            batch = []
    if batch:
        yield batch


def map_documents(
    fn: Callable[[Document], R],
    documents: Iterable[Document],
    *,
    jobs: Optional[int] = None,
    batch: int = BATCH,
) -> Iterator[tuple[Document, R]]:
    """(document, fn(document)) for each document, in input order (see the module docstring)."""
    n = resolve_jobs(jobs)
    if n == 1:
        for d in documents:
            yield d, fn(d)
        return
    context = multiprocessing.get_context("fork" if sys.platform.startswith("linux") else None)
    window = n * WINDOW_PER_JOB
    pending: deque[tuple[list[Document], Future]] = deque()
    with ProcessPoolExecutor(max_workers=n, mp_context=context, initializer=die_with_parent,
                             initargs=(os.getpid(),)) as pool:
        try:
            for docs in _batches(documents, batch):
                pending.append((docs, pool.submit(_run_batch, fn, docs)))
                if len(pending) >= window:
                    yield from _drain_one(pending)
            while pending:
                yield from _drain_one(pending)
        except BaseException:
            for _docs, fut in pending:
                fut.cancel()
            raise


def _drain_one(pending: deque) -> Iterator[tuple[Document, R]]:
    docs, fut = pending.popleft()
    yield from zip(docs, fut.result())
