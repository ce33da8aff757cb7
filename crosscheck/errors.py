"""Errors meant for people: what was wrong, where, and what to do.

Library code raises `CrosscheckError` (or a subclass); the CLI edge turns it into one line on
stderr and an exit code, never a traceback.
"""

from __future__ import annotations

import contextlib
import contextvars
from typing import Iterator

# The input being read or extracted now (a path, 'file:line' or a document id), for the one
# line the CLI prints when something unexpected goes wrong.
_CURRENT: contextvars.ContextVar[str | None] = contextvars.ContextVar("crosscheck_input", default=None)


@contextlib.contextmanager
def reading(name: str | None) -> Iterator[None]:
    """Mark `name` as the input in work while the block runs."""
    token = _CURRENT.set(name)
    try:
        yield
    except BaseException as exc:
        # keep the name for the error edge, which runs after the block has been left
        if name is not None:
            tag_input(exc, name)
        raise
    finally:
        _CURRENT.reset(token)


def tag_input(exc: BaseException, name: str) -> None:
    """Mark an exception as raised while working on input `name` (unless already marked)."""
    if getattr(exc, "crosscheck_input", None) is None:
        try:
            exc.crosscheck_input = name  # type: ignore[attr-defined]
        except AttributeError:
            pass


def input_of(exc: BaseException) -> str | None:
    """The input an exception was raised while working on, if known."""
    return getattr(exc, "crosscheck_input", None) or _CURRENT.get()


class CrosscheckError(Exception):
    """A problem the user can fix.  `exit_code` 2 = usage or input error."""

    exit_code = 2

    def __init__(self, message: str, *, exit_code: int | None = None) -> None:
        super().__init__(message)
        if exit_code is not None:
            self.exit_code = exit_code


class InputError(CrosscheckError):
    """An input file is missing, unreadable, binary or malformed."""


class RuleError(CrosscheckError):
    """A rule file under rules/ is invalid."""
