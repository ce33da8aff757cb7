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
