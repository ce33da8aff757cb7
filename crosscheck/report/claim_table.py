"""Rendering claims: JSON records with a fixed key order, and a terminal table that stays
readable when the cells hold Arabic.

`claim_record(claim)` is the dict printed by `extract --format json|jsonl`: the keys of
`RECORD_KEYS` first, in that order, then the other Claim fields.

Terminals lay a line out left to right; those that implement the Unicode bidi algorithm treat
the whole line as one paragraph, so an Arabic cell could pull its neighbours (the number
column, the separators) into its right-to-left run and scramble the row.  Each Arabic cell
line is therefore wrapped in FIRST STRONG ISOLATE … POP DIRECTIONAL ISOLATE (U+2068 … U+2069):
inside, the text is laid out right to left as it should be; outside, it is one neutral block
that cannot reorder the rest of the row.  Cells are wrapped here, line by line, so that every
printed line carries its own matched isolate pair (rich is told not to wrap them again).
Numbers live in their own right-aligned column with Western digits and thousands separators.
"""

from __future__ import annotations

import json
import textwrap
from typing import Any, Callable, Iterable, Optional

from rich import box
from rich.console import Console
from rich.table import Table
from rich.text import Text

from crosscheck.models import Claim
from crosscheck.util import regex_cache

FSI = "\u2068"  # FIRST STRONG ISOLATE: direction taken from the first strong letter inside
PDI = "\u2069"  # POP DIRECTIONAL ISOLATE: ends the isolate

# Any right-to-left letter (Arabic, Hebrew, Syriac, Thaana, N'Ko … by bidi class R or AL).
_RTL = regex_cache.compile(r"[\p{Bidi_Class=R}\p{Bidi_Class=AL}]")
# Bidi controls already in the source text: dropped from cells so they cannot unbalance ours.
_BIDI_CONTROLS = regex_cache.compile("[\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069]")
# Line breaks and runs of whitespace inside a cell collapse to one space.
_SPACES = regex_cache.compile(r"\s+")


# The documented order of a claim record's first keys (README "Claim records").
RECORD_KEYS = (
    "doc", "kind", "value", "low", "high", "qualifier", "group", "location", "period", "event",
    "attribution", "start", "end", "surface", "sentence", "rule",
)


def _plain_number(x: Any) -> Any:
    """33000.0 -> 33000 so records read naturally; JSON numbers either way."""
    if isinstance(x, float) and x.is_integer() and abs(x) < 2**53:
        return int(x)
    return x


def claim_record(claim: Claim) -> dict[str, Any]:
    """The claim as an ordered dict: RECORD_KEYS first, then the remaining fields."""
    data = claim.model_dump()
    record = {k: data.pop(k) for k in RECORD_KEYS}
    record.update(data)
    for k in ("value", "low", "high"):
        record[k] = _plain_number(record[k])
    return record


# where(doc, start, end, field) -> 'file:line:col' of a claim, or None (see text.textpos.Locator).
Where = Callable[[str, int, int], Optional[str]]


def _record(claim: Claim, where: Optional[Where]) -> dict[str, Any]:
    record = claim_record(claim)
    if where is not None:
        record["position"] = where(claim.doc, claim.start, claim.end, claim.field)
    return record


def claims_jsonl(claims: Iterable[Claim], where: Optional[Where] = None) -> str:
    """One JSON object per line (UTF-8, Arabic unescaped), newline-terminated; with `where`,
    each record ends with its `position` ('file:line:col' or null)."""
    return "".join(json.dumps(_record(c, where), ensure_ascii=False) + "\n" for c in claims)


def claims_json(claims: Iterable[Claim], where: Optional[Where] = None) -> str:
    """A JSON list of claim records (with `position`, as for claims_jsonl)."""
    return json.dumps([_record(c, where) for c in claims], ensure_ascii=False, indent=2) + "\n"


def has_rtl(text: str) -> bool:
    return bool(_RTL.search(text))


def isolate_lines(text: str, width: int) -> str:
    """`text` wrapped to `width` cells, each line bidi-isolated when it holds RTL letters."""
    clean = _SPACES.sub(" ", _BIDI_CONTROLS.sub("", text)).strip()
    lines = textwrap.wrap(clean, width=width, break_long_words=True) or [""]
    return "\n".join(f"{FSI}{line}{PDI}" if has_rtl(line) else line for line in lines)


def format_number(value: float | int | str | None) -> str:
    """33000 -> '33,000'; 1.5 -> '1.5'; strings (vote positions) unchanged; None -> ''."""
    if value is None:
        return ""
    if isinstance(value, str):
        return value
    if float(value).is_integer():
        return f"{int(value):,}"
    return f"{value:,.6g}" if abs(value) < 1e6 else f"{value:,.2f}"


# Kinds whose value is an identifier, not a quantity: printed without thousands separators
# (resolution 2728, not 2,728).
IDENTIFIER_KINDS = frozenset({"resolution_number"})


def format_value(claim: Claim) -> str:
    if claim.kind in IDENTIFIER_KINDS and isinstance(claim.value, (int, float)):
        return str(int(claim.value)) if float(claim.value).is_integer() else str(claim.value)
    if claim.qualifier == "range" and claim.low is not None and claim.high is not None:
        return f"{format_number(claim.low)}–{format_number(claim.high)}"
    return format_number(claim.value)


def _scope(claim: Claim) -> str:
    parts = [p for p in (claim.group, claim.location, claim.period, claim.event) if p]
    text = " · ".join(parts)
    if claim.attribution:
        text = f"{text} ({claim.attribution})" if text else f"({claim.attribution})"
    if claim.actor:
        text = f"{claim.actor}: {text}" if text else claim.actor
    return text


def _surface_cell(claim: Claim, width: int) -> Text:
    """The claim's surface, wrapped and isolated, with its scope underneath in dim text."""
    cell = Text(isolate_lines(claim.surface, width))
    scope = _scope(claim)
    if scope:
        cell.append("\n" + isolate_lines(scope, width), style="dim")
    return cell


def _line_col(claim: Claim, where: Optional[Where]) -> str:
    """'line:col' in the article's file (the file is in the table's title), else the offsets."""
    at = where(claim.doc, claim.start, claim.end, claim.field) if where is not None else None
    if at:
        parts = at.rsplit(":", 2)
        if len(parts) == 3:
            return f"{parts[1]}:{parts[2]}"
    return f"{'title ' if claim.field == 'title' else ''}{claim.start}-{claim.end}"


def claims_table(claims: Iterable[Claim], *, width: int = 100, title: str | Text | None = None,
                 where: Optional[Where] = None) -> Table:
    """A rich Table for a terminal `width` cells wide: kind, value, qualifier, surface, position.

    The value has its own right-aligned column; the surface (and the scope below it) is
    wrapped here to the room left, one bidi isolate per line.  The position is the claim's
    line:col in its file (`where`), else its character offsets.  Below 100 columns the
    position column is left out to give the Arabic text room.
    """
    claims = list(claims)
    show_at = width >= 100
    kind_w = max([len("kind")] + [len(c.kind) for c in claims])
    value_w = max([len("value")] + [len(format_value(c)) for c in claims])
    qual_w = max([len("qualifier")] + [len(c.qualifier) for c in claims])
    ats = [_line_col(c, where) for c in claims] if show_at else []
    at_w = max([len("at")] + [len(a) for a in ats]) if show_at else 0
    n_cols = 5 if show_at else 4
    # box.SIMPLE_HEAD draws no vertical rules but keeps a one-cell edge/divider slot around
    # each column, plus one space of padding either side: 3 cells per column and 1 more.
    used = kind_w + value_w + qual_w + at_w + 3 * n_cols + 1
    surface_w = max(16, width - used)
    table = Table(title=title, title_justify="left", box=box.SIMPLE_HEAD, header_style="bold",
                  expand=False, pad_edge=True)
    table.add_column("kind", no_wrap=True, min_width=kind_w)
    table.add_column("value", justify="right", no_wrap=True, min_width=value_w)
    table.add_column("qualifier", no_wrap=True, min_width=qual_w)
    table.add_column("surface / scope", no_wrap=True, max_width=surface_w)
    if show_at:
        table.add_column("at", justify="right", no_wrap=True, style="dim")
    for i, c in enumerate(claims):
        row = [Text(c.kind), Text(format_value(c)), Text(c.qualifier), _surface_cell(c, surface_w)]
        if show_at:
            row.append(Text(ats[i]))
        table.add_row(*row)
    return table


def print_claims(claims: list[Claim], console: Console, *, n_docs: int,
                 where: Optional[Where] = None, files: Optional[dict[str, str]] = None) -> None:
    """One table per document (titled with its id and file), then a summary line."""
    if not claims:
        console.print(f"no claims found in {n_docs} document{'s' if n_docs != 1 else ''}")
        return
    by_doc: dict[str, list[Claim]] = {}
    for c in claims:
        by_doc.setdefault(c.doc, []).append(c)
    for doc_id, doc_claims in by_doc.items():
        title = Text(doc_id, style="bold")
        path = (files or {}).get(doc_id)
        if path and path != "-":
            title.append(f"  {path}", style="dim")
        console.print(claims_table(doc_claims, width=console.width, title=title, where=where))
    console.print(
        f"{len(claims)} claim{'s' if len(claims) != 1 else ''} in {n_docs} "
        f"document{'s' if n_docs != 1 else ''}"
    )
