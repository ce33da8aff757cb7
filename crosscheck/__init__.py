"""crosscheck: numeric and factual claims in Arabic news, grouped and cross-checked.

Public API (thin wrappers; the CLI uses the same functions):

    find_numbers(text)              -> list[NumberMatch]      crosscheck.numbers.parser
    extract(document)               -> list[Claim]            crosscheck.extract.extractor
    load_documents(paths)           -> list[Document]         crosscheck.text.documents
    reconcile(claims, documents)    -> list[Cluster]          crosscheck.reconcile.reconciler
"""

from __future__ import annotations

from typing import Any

__version__ = "1.1.0"

_EXPORTS = {
    "find_numbers": "crosscheck.numbers.parser",
    "extract": "crosscheck.extract.extractor",
    "extract_text": "crosscheck.extract.extractor",
    "load_documents": "crosscheck.text.documents",
    "reconcile": "crosscheck.reconcile.reconciler",
    "build_report": "crosscheck.reconcile.reconciler",
}

__all__ = sorted(_EXPORTS)


def __getattr__(name: str) -> Any:  # lazy imports keep `crosscheck --help` fast
    module = _EXPORTS.get(name)
    if module is None:
        raise AttributeError(f"module 'crosscheck' has no attribute {name!r}")
    import importlib

    return getattr(importlib.import_module(module), name)
