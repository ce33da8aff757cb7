"""Read-only plain copies of rule models for the extractor's hot loops.

Every pydantic model class has `BaseModel.__getattr__`, so CPython gives its instances the
slow attribute hook (`slot_tp_getattr_hook`): each `rule.kind` looks `__getattr__` and
`__getattribute__` up on the type, then runs the generic look-up, and the interpreter cannot
specialise the read.  A dense text reads a kind rule's fields ~100 times a figure (`_best_kind`,
`_find_any_cue`, `_claim`): counted under callgrind, the hook was ~5 % of dense_votes'
instructions.  `plain(model)` is an object of a plain class holding the same field values (the
same objects: lists and dicts are shared, never copied), read with the interpreter's fast
path.  Only for models that are frozen and have no private attributes or extra fields (their
fields are all their instances hold); the copy is made once per model (the compiled rules keep
it) and must not be written to.
"""

from __future__ import annotations

from typing import Any

from crosscheck.util.memo import per_object


class Plain:
    """A frozen model's fields as plain attributes (see the module)."""

    def __init__(self, model: Any) -> None:
        self.__dict__.update(model.__dict__)

    def __repr__(self) -> str:
        return f"Plain({self.__dict__!r})"


def plain(model: Any) -> Plain:
    """The plain copy of a frozen model without private attributes or extra fields."""
    cls = type(model)
    if not cls.model_config.get("frozen") or getattr(cls, "__private_attributes__", None):
        raise TypeError(f"{cls.__name__} is not a frozen model without private attributes")
    if getattr(model, "__pydantic_extra__", None):
        raise TypeError(f"{cls.__name__} has extra fields")
    return Plain(model)


def _plain_of(model: Any) -> Plain:
    return plain(model)


# the plain copy of a model, made once per model (keyed by identity: rule models are kept for
# the process, and so is their copy)
plain_of = per_object(_plain_of)
