"""A cluster's JSON handled a claim at a time, never the whole cluster as models.

The scratch database of `report --store` keeps each judged cluster as its compact JSON
(`Cluster.model_dump_json()`).  The largest running total of a generated 10k archive holds
3,786 claims; validating such a cluster whole to write it with `indent=2`, or to trim it for
the pages, held it four times at once (its text, the `Cluster`, the indented text and its
re-indented copy).  Here the compact text is read with `json`'s own scanner: the fields
before and after `claims` are validated as a cluster with no claims, and each claim on its
own, so at most one claim is a model at a time.

Clusters of more than `WHOLE_CHARS` characters only (a smaller one is validated whole, which
is faster): `indented_pieces(text)` gives the pieces of `Cluster.model_validate_json(text)
.model_dump_json(indent=2)` (pydantic's pretty layout: a non-empty list opens with `[`, each
item on its own line two spaces deeper, `,` between, `]` on its own line; an empty list is
`[]`); `trimmed_in_pieces(text, rank)` is `report.large.trim(Cluster.model_validate_json(text),
rank)` with the claims count (tests/test_cluster_text.py compares both with the whole-cluster path).

Writing needs no models at all (`indented`; the JSON writers of `report --store` use it for
documents, clusters and inconsistencies): the stored text is a model's own compact JSON, so
validating it and dumping it again with indent=2 gives the text's own values, strings and numbers
back, in the text's order, laid out on lines.  `msgspec.json.format` lays out the text itself
(no values made; about 6x faster than a model round trip on a 1k archive's clusters); without
msgspec, pydantic-core's parser and serialiser (`from_json`, `to_json`) on plain dicts and lists
give the same bytes (about 1.7x).  tests/test_cluster_text.py compares both with the model round
trip; the store tests compare the written reports with the in-memory report's.
"""

from __future__ import annotations

import json
from typing import Iterator, Optional

from pydantic_core import from_json, to_json

try:  # a dependency (pyproject.toml); a venv installed before it still writes the same bytes, slower
    from msgspec.json import format as _layout
except ImportError:  # pragma: no cover - exercised by monkeypatching in the tests
    _layout = None

from crosscheck.models import Cluster, ClusterClaim

_DECODER = json.JSONDecoder()
_SCAN = _DECODER.raw_decode
_CLAIMS_LINE = '\n  "claims": []'
# A cluster's compact JSON up to this many characters is validated whole (its models a few
# times its text, a few MB at most: faster than finding its claims one by one); a larger one
# is read a claim at a time.
WHOLE_CHARS = 1_000_000


def _skip_ws(text: str, i: int) -> int:
    while text[i] in " \t\n\r":
        i += 1
    return i


_CLAIMS_OPEN = ',"claims":['  # the key after `notes` (a list of strings) in Cluster's JSON
_CLAIMS_CLOSE = '],"strength":'  # the key after `claims`; no field after it ends a list before a "strength" key
_CLAIM_OPEN = '{"doc":"'  # a ClusterClaim's first field; no object inside a claim starts with it
_NEXT_CLAIM = "," + _CLAIM_OPEN
_OUTLIER = ',"outlier":true,'  # a claim's own field (no object inside a claim has one)


def claims_region(text: str) -> Optional[tuple[int, int]]:
    """(start, end) of the `claims` list (brackets included) in a cluster's compact JSON
    (`Cluster.model_dump_json()`), found by its neighbours' keys; None for another shape.  In
    compact JSON every `"` inside a string is escaped, so the markers above, each holding an
    unescaped `"`, only occur as structure: the list is between the first `,"claims":[` and the
    last `],"strength":`, and each claim in it opens with `{"doc":"` (tests/test_cluster_text.py
    compares this with the JSON scanner on every cluster and on strings holding the markers)."""
    start = text.find(_CLAIMS_OPEN)
    end = text.rfind(_CLAIMS_CLOSE)
    if start < 0 or end < start:
        return None
    return start + len(_CLAIMS_OPEN) - 1, end + 1


def _marked_spans(text: str) -> Optional[tuple[int, int, list[tuple[int, int]]]]:
    """`claim_spans` by the markers of `claims_region` (str.find only); None for another shape."""
    region = claims_region(text)
    if region is None:
        return None
    start, end = region
    close = end - 1
    spans: list[tuple[int, int]] = []
    i = start + 1
    if i == close:
        return start, end, spans
    while True:
        if not text.startswith(_CLAIM_OPEN, i):
            return None
        j = text.find(_NEXT_CLAIM, i + 1, close)
        if j < 0:
            spans.append((i, close))
            return start, end, spans
        spans.append((i, j))
        i = j + 1


def claim_spans(text: str) -> tuple[int, int, list[tuple[int, int]]]:
    """(start, end, spans) of a cluster's JSON: `text[start:end]` is its `claims` list
    (brackets included) and each span one claim's object in it: found by the markers of
    compact JSON (`_marked_spans`), or else read by `json`'s scanner (so a string holding
    `"claims"` is never taken for the field)."""
    return _marked_spans(text) or _scanned_spans(text)


def _scanned_spans(text: str) -> tuple[int, int, list[tuple[int, int]]]:
    """`claim_spans` read by `json`'s scanner."""
    i = _skip_ws(text, 0)
    if text[i] != "{":
        raise ValueError("a cluster's JSON is an object")
    i = _skip_ws(text, i + 1)
    while text[i] != "}":
        key, i = _SCAN(text, i)
        i = _skip_ws(text, i)
        if text[i] != ":":
            raise ValueError("expected ':' after a key")
        i = _skip_ws(text, i + 1)
        if key == "claims":
            start, spans = i, []
            if text[i] != "[":
                raise ValueError("claims is a list")
            i = _skip_ws(text, i + 1)
            while text[i] != "]":
                _item, end = _SCAN(text, i)
                spans.append((i, end))
                i = _skip_ws(text, end)
                if text[i] == ",":
                    i = _skip_ws(text, i + 1)
            return start, i + 1, spans
        _value, i = _SCAN(text, i)
        i = _skip_ws(text, i)
        if text[i] == ",":
            i = _skip_ws(text, i + 1)
    raise ValueError("a cluster's JSON has claims")


def _head(text: str, start: int, end: int) -> Cluster:
    """The cluster without its claims."""
    return Cluster.model_validate_json(text[:start] + "[]" + text[end:])


def indented(text: str) -> str:
    """`Model.model_validate_json(text).model_dump_json(indent=2)` for the compact JSON a model
    wrote (`model_dump_json()`), laid out again, no model made."""
    if _layout is not None:
        return _layout(text, indent=2)
    return to_json(from_json(text), indent=2).decode("utf-8")


def indented_pieces(text: str) -> Iterator[str]:
    """The pieces of the cluster's `model_dump_json(indent=2)`, one claim at a time (the
    cluster read as plain values, no model: `indented`)."""
    start, end, spans = claim_spans(text)
    head = indented(text[:start] + "[]" + text[end:])
    cut = head.index(_CLAIMS_LINE) + len(_CLAIMS_LINE) - 1  # at the ']' of the empty list
    if not spans:
        yield head
        return
    yield head[: cut - 1] + "["
    sep = "\n    "
    for a, b in spans:
        yield sep + indented(text[a:b]).replace("\n", "\n    ")
        sep = ",\n    "
    yield "\n  " + head[cut:]


def json_item(text: str):
    """The cluster as `write_json_fields` takes a list item: its pieces, or for a text holding a
    line break JSON leaves unescaped (U+0085, U+2028, U+2029: `large._indented` indents after
    them as `textwrap` does) the whole indented text, made the whole-cluster way.  With msgspec
    every cluster is laid out whole: no values are made, so the largest (3.8 MB of JSON at 10k)
    costs a few times its text, and finding its claims one by one cost more than laying it out."""
    from crosscheck.report.large import _OTHER_BREAKS

    if _layout is not None or len(text) <= WHOLE_CHARS or any(b in text for b in _OTHER_BREAKS):
        return indented(text)
    return indented_pieces(text)


def trimmed(text: str, rank: int) -> tuple[Cluster, int]:
    """(`report.large.trim` of the cluster at `rank`, its number of claims): trimmed in pieces
    (`trimmed_in_pieces`) when its claims are found by their markers (compact JSON, as the
    store keeps it: at 10k the 4,592 conflicts' trims 1.96 -> 0.77 CPU-s) or it is larger than
    WHOLE_CHARS, else the whole cluster validated and trimmed."""
    from crosscheck.report.large import trim

    if len(text) > WHOLE_CHARS or claims_region(text) is not None:
        return trimmed_in_pieces(text, rank)
    cluster = Cluster.model_validate_json(text)
    return trim(cluster, rank), len(cluster.claims)


def trimmed_in_pieces(text: str, rank: int) -> tuple[Cluster, int]:
    """`trimmed`, the claims the trim leaves out never made models (each claim's `outlier`
    read from its own JSON)."""
    from crosscheck.report.large import DETAILED, DETAILED_CLAIMS, BRIEF_CLAIMS

    marked = _marked_spans(text)
    start, end, spans = marked or _scanned_spans(text)
    keep = DETAILED_CLAIMS if rank < DETAILED else BRIEF_CLAIMS
    if len(spans) <= keep and rank < DETAILED:
        return Cluster.model_validate_json(text), len(spans)
    if marked:  # compact JSON: the claim's own `outlier` field, found as text
        outliers = [i for i, (a, b) in enumerate(spans) if text.find(_OUTLIER, a, b) >= 0]
    else:
        outliers = [i for i, (a, b) in enumerate(spans) if _SCAN(text, a)[0].get("outlier")]
    if len(outliers) >= keep:
        chosen = outliers[:keep]
    else:
        taken = set(outliers)
        rest = [i for i in range(len(spans)) if i not in taken][: keep - len(outliers)]
        chosen = sorted(outliers + rest)
    claims = [ClusterClaim.model_validate_json(text[spans[i][0] : spans[i][1]]) for i in chosen]
    if rank >= DETAILED:
        claims = [c.model_copy(update={"sentence": "", "mentions": []}) for c in claims]
    cluster = _head(text, start, end)
    cluster.claims = claims
    return cluster, len(spans)
