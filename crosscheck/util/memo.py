"""Cache derived data per rule object (rule models hold lists, so they are not hashable)."""

from __future__ import annotations

from functools import wraps
from typing import Callable, TypeVar

A = TypeVar("A")
R = TypeVar("R")


def per_object(fn: Callable[[A], R]) -> Callable[[A], R]:
    """Memoise a one-argument function by the identity of its argument."""
    cache: dict[int, tuple[A, R]] = {}

    @wraps(fn)
    def wrapper(obj: A) -> R:
        hit = cache.get(id(obj))
        if hit is not None and hit[0] is obj:
            return hit[1]
        value = fn(obj)
        cache[id(obj)] = (obj, value)  # keeping obj alive keeps its id unique
        return value

    return wrapper
