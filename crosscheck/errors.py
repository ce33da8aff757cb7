"""Errors meant for people: what was wrong, where, and what to do.

Library code raises `CrosscheckError` (or a subclass); the CLI edge turns it into one line on
stderr and an exit code, never a traceback.
"""

from __future__ import annotations


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
