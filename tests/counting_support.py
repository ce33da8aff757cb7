"""Shared by the tests that bound work by counting it: a compiled pattern that counts the
characters its searches read."""

from __future__ import annotations


class CountingPattern:
    """Wraps a compiled `regex` pattern; `read` adds up the characters each search or finditer
    is given (its window, pos to endpos), whatever it finds."""

    def __init__(self, pat):
        self.pat, self.read = pat, 0

    def search(self, s, pos=0, endpos=None):
        self.read += (len(s) if endpos is None else endpos) - pos
        return self.pat.search(s, pos, endpos)

    def finditer(self, s, pos=0, endpos=None, **kw):
        self.read += (len(s) if endpos is None else endpos) - pos
        return self.pat.finditer(s, pos, endpos, **kw)


def count_calls(monkeypatch, owner, name: str, weigh=None) -> list[int]:
    """Replaces `owner.name` (a module's function or a class's method) with one that calls the
    real one and adds `weigh(*args)` (1 if not given) to the returned one-item list: the count
    a test bounds; reset it with `counter[0] = 0`."""
    real = getattr(owner, name)
    counter = [0]

    def counting(*args, **kwargs):
        counter[0] += 1 if weigh is None else weigh(*args, **kwargs)
        return real(*args, **kwargs)

    monkeypatch.setattr(owner, name, counting)
    return counter
