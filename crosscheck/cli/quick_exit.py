"""A finished `check` leaves without freeing what it built (the console entry point only).

A check against a large store ends holding tens of thousands of clusters, claims and findings;
freeing them one by one when the command returns, and then the interpreter's own teardown,
cost ~0.15 CPU-s of a ~3 s check at 10,000 articles, for nothing the user sees.  So the console
entry point (`crosscheck.cli.main`, never a library call or typer's test runner) asks for it:
what the check built is kept (`keep`), and once the command has written its output and
returned its exit code, stdout and stderr are flushed and the process leaves with that code
(`os._exit`).  Everything the command writes is complete before: its files are written
atomically and closed (crosscheck.util.atomic), its database connections closed.  When the
output cannot be flushed (a closed pipe) the ordinary exit runs instead.

What is kept is also moved out of the cyclic collector's reach (`gc.freeze`): the check builds
its objects with the collector held off (crosscheck.util.gc_pause), so they are all still in
its youngest generation, and the first allocation after the collector is back started a
collection that read every one of them again (at 10,000 articles one such collection, ~0.1
CPU-s, after the output was written).  Frozen objects are freed by reference counting as
before; only garbage cycles among them wait for the process to leave, as everything kept does.
"""

from __future__ import annotations

import gc
import os
import sys

ENABLED = False  # set by crosscheck.cli.main
_kept: list = []


def keep(*objects: object) -> None:
    """Hold `objects` until the process leaves (when enabled; else nothing), and every object
    alive now out of the collector's reach (none of it is read by a collection again)."""
    if ENABLED:
        _kept.append(objects)
        gc.freeze()


def kept() -> bool:
    return bool(_kept)


def leave(code: object) -> None:
    """Flush and leave with `code` (SystemExit's), if something was kept and the code is plain;
    returns (and the caller exits as usual) otherwise."""
    if not _kept or not (code is None or type(code) is int):
        return
    try:
        sys.stdout.flush()
        sys.stderr.flush()
    except Exception:
        return
    os._exit(code or 0)
