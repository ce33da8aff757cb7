"""Hold off Python's cyclic garbage collector while a document is extracted.

Extraction makes no reference cycles (tests/test_extract_bounds.py checks that it leaves no
cyclic garbage), so the collector finds nothing during it; but a long sentence holds hundreds
of thousands of live tokens, indexes and claims, and each full collection reads them all again
(a 4 MB sentence of figures: 10 full collections, ~6 % of its time, none collecting anything).
Reference counting frees everything as before; the collector runs again after the document.
"""

from __future__ import annotations

import gc
from contextlib import contextmanager
from typing import Iterator


@contextmanager
def collector_paused() -> Iterator[None]:
    """The collector off inside the block, and back as it was after it (also on an error)."""
    was = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if was:
            gc.enable()
