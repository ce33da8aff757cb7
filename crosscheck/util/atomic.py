"""Atomic file writes: a reader sees the old file or the whole new one, never half of it.

The new content goes to a temporary file in the destination's own directory (so the final
`os.replace` is a rename within one file system, which POSIX makes atomic), is flushed and
fsynced, and only then renamed over the destination.  If anything fails on the way the
temporary file is removed and the destination is left as it was.
"""

from __future__ import annotations

import contextlib
import os
import tempfile
from pathlib import Path
from typing import IO, Iterator, Sequence

from crosscheck.errors import CrosscheckError


@contextlib.contextmanager
def atomic_open(path: str | os.PathLike[str], mode: str = "w", *, encoding: str = "utf-8") -> Iterator[IO]:
    """Open a temporary file that replaces `path` when the `with` block ends without error.

    `mode` is "w" (text, `encoding`) or "wb" (bytes).  Missing parent directories are created.
    """
    if mode not in ("w", "wb"):
        raise ValueError(f"atomic_open supports modes 'w' and 'wb', not {mode!r}")
    dest = Path(path)
    try:
        dest.parent.mkdir(parents=True, exist_ok=True)
        fd, tmp_name = tempfile.mkstemp(prefix=f".{dest.name}.", suffix=".tmp", dir=dest.parent)
    except OSError as exc:
        raise CrosscheckError(
            f"{dest}: cannot write there ({exc.strerror or exc}); choose another output path"
        ) from None
    tmp = Path(tmp_name)
    try:
        if mode == "wb":
            handle: IO = os.fdopen(fd, "wb")
        else:
            handle = os.fdopen(fd, "w", encoding=encoding, newline="")
        with handle:
            yield handle
            try:
                handle.flush()
                os.fsync(handle.fileno())
            except OSError as exc:
                raise _write_error(dest, exc) from None
        try:
            # mkstemp creates 0600 files; give the result the permissions open() would.
            umask = os.umask(0)
            os.umask(umask)
            os.chmod(tmp, 0o666 & ~umask)
            os.replace(tmp, dest)
        except OSError as exc:
            raise _write_error(dest, exc) from None
    except BaseException:
        with contextlib.suppress(OSError):
            tmp.unlink()
        raise


def _write_error(dest: Path, exc: OSError) -> CrosscheckError:
    return CrosscheckError(
        f"{dest}: could not write ({exc.strerror or exc}); nothing was changed there"
    )


def write_text_atomic(path: str | os.PathLike[str], text: str, *, encoding: str = "utf-8") -> None:
    """Write `text` to `path` atomically (UTF-8 by default, newlines written as given)."""
    with atomic_open(path, "w", encoding=encoding) as fh:
        fh.write(text)


def write_bytes_atomic(path: str | os.PathLike[str], data: bytes) -> None:
    """Write `data` to `path` atomically."""
    with atomic_open(path, "wb") as fh:
        fh.write(data)


def write_texts_atomic(files: Sequence[tuple[str | os.PathLike[str], str]], *, encoding: str = "utf-8") -> None:
    """Write several files that belong together (a report page and its part pages): every one
    is written to its temporary file, flushed and fsynced first; only when all are complete are
    they renamed over their destinations, the last first, so the first file (which names the
    others) is replaced last.  If writing any fails, none is replaced."""
    with contextlib.ExitStack() as stack:  # closed last in, first out: the first file last
        for path, text in files:
            stack.enter_context(_deferred(path, text, encoding))


@contextlib.contextmanager
def _deferred(path, text: str, encoding: str) -> Iterator[None]:
    """Write `text` to a temporary file beside `path` now; rename it over `path` when the
    enclosing ExitStack closes without error (atomic_open's rename happens at its exit)."""
    with atomic_open(path, "w", encoding=encoding) as fh:
        fh.write(text)
        try:
            fh.flush()
            os.fsync(fh.fileno())
        except OSError as exc:
            raise _write_error(Path(path), exc) from None
        yield
