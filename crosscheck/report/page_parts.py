"""A large page's lists continued on part pages, each page under a byte budget.

A large archive's pages (crosscheck.report.large) list every conflict and every inconsistency,
past the most severe ones a line each under a heading (crosscheck.report.page_lines).  However
short the lines, their number grows with the archive, so a page cannot promise a size by
itself.  When a page's bytes (UTF-8: the fixed part - head, counts, the detailed entries,
controls, script - and its listed lines) would pass `PAGE_BUDGET`, the lists continue on part
pages beside it (`report.html`, then `report-2.html`, `report-3.html`, ...; `report.md`,
`report-2.md`, ...: `part_name`), each under the budget too, in the same order: a heading and
its list are cut between two lines when they do not fit (the heading then says `lines here /
lines in all`).  The HTML parts carry the same filters and script and link back to the first
page, which names them; a link to a cluster on another page names that page (`link_pages`).
The writers write all parts of a report atomically, together (crosscheck.util.atomic
`write_texts_atomic`).

`pack` decides what goes where by counting bytes: each line's, each heading's at its longest,
and `LINK_SLACK` bytes for every in-page link (a link that crosses pages grows by its target's
file name), so no page passes the budget when its fixed part fits it; a page whose fixed part
alone passes it still holds one line (the budget is then too small for this archive).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Callable, Optional, Sequence

PAGE_BUDGET = 9_000_000  # bytes of one page (report.html, each part; the same for Markdown): under 10 MB
LINK_SLACK = 24  # bytes reserved per link for the target page's name (`report-12345.html`)
MAX_PARTS = 99_999  # part names fit LINK_SLACK


@dataclass
class Block:
    """A heading and its lines, one of the lists a page may cut between pages."""

    section: str  # the page section it belongs to ('conflicts', 'inconsistencies')
    family: str  # lists that share a container on the page (its intro and outro: said once a page)
    head: Callable[[str], str]  # the heading (and list opening) for a count text: '12' or '5 / 12'
    lines: list[str]
    tail: Optional[str] = None  # the list's closing, if any


@dataclass
class Piece:
    """Lines `start:end` of block `block` on one page."""

    block: int
    start: int
    end: int

    def count_text(self, blocks: Sequence[Block]) -> str:
        total = len(blocks[self.block].lines)
        n = self.end - self.start
        return str(n) if n == total else f"{n} / {total}"


def part_name(name: str, k: int) -> str:
    """The file of page `k` (1 is the first): `report.html`, `report-2.html`, ..."""
    if k == 1:
        return name
    stem, dot, ext = name.rpartition(".")
    return f"{stem}-{k}{dot}{ext}" if dot else f"{name}-{k}"


def size(text: str) -> int:
    return len(text.encode("utf-8"))


def cost(text: str, sep: int) -> int:
    """The bytes `text` may take on a page: its own, its separator, and slack for its links."""
    return size(text) + sep + LINK_SLACK * text.count('href="#')


def pack(blocks: Sequence[Block], first_room: int, part_room: int, sep: int = 0) -> list[list[Piece]]:
    """The pieces of `blocks` on each page, in order: the first page has `first_room` bytes for
    its lists, every part page `part_room` (what the budget leaves beside each page's fixed
    part and the families' intros and outros).  A heading counts at its longest (`n / n`);
    an empty part page takes one line whatever its cost."""
    pages: list[list[Piece]] = [[]]
    room, used = first_room, 0
    for b, block in enumerate(blocks):
        n = len(block.lines)
        head = cost(block.head(f"{n} / {n}"), sep) + (cost(block.tail, sep) if block.tail is not None else 0)
        i = 0
        while i < n:
            line = cost(block.lines[i], sep)
            if used + head + line > room and (pages[-1] or len(pages) == 1):
                pages.append([])
                room, used = part_room, 0
            start = i
            used += head
            while i < n and (i == start or used + cost(block.lines[i], sep) <= room):
                used += cost(block.lines[i], sep)
                i += 1
            pages[-1].append(Piece(b, start, i))
    if len(pages) > MAX_PARTS:
        raise ValueError(f"{len(pages)} part pages: more than {MAX_PARTS}; raise the page budget")
    return pages


def sections(blocks: Sequence[Block], pieces: Sequence[Piece], intro: Callable[[str], Optional[str]],
             outro: Callable[[str], Optional[str]], joiner: str = "") -> dict[str, str]:
    """Section -> the text of its lists on one page: each family's pieces between its intro
    and outro (none when None), each piece its heading (with its count text), lines and tail."""
    out: dict[str, list[str]] = {}
    family, section = None, ""

    def add(text: Optional[str]) -> None:
        if text is not None:
            out.setdefault(section, []).append(text)

    for piece in pieces:
        block = blocks[piece.block]
        if block.family != family:
            if family is not None:
                add(outro(family))
            family, section = block.family, block.section
            out.setdefault(section, [])
            add(intro(family))
        add(block.head(piece.count_text(blocks)))
        out[section].extend(block.lines[piece.start:piece.end])
        add(block.tail)
    if family is not None:
        add(outro(family))
    return {k: joiner.join(v) for k, v in out.items()}


_HREF = re.compile(r'href="#([^"]*)"')
_ANCHOR = re.compile(r' id="([^"]*)"')


def link_pages(pages: Sequence[str], names: Sequence[str]) -> list[str]:
    """The pages with every in-page link whose anchor stands on another page pointing at that
    page's file (`href="#cluster-X"` -> `href="report-2.html#cluster-X"`)."""
    if len(pages) < 2:
        return list(pages)
    where: dict[str, int] = {}
    for k, page in enumerate(pages):
        for anchor in _ANCHOR.findall(page):
            where.setdefault(anchor, k)
    out = []
    for k, page in enumerate(pages):
        def fix(m: re.Match, k: int = k) -> str:
            at = where.get(m.group(1), k)
            return m.group(0) if at == k else f'href="{names[at]}#{m.group(1)}"'

        out.append(_HREF.sub(fix, page))
    return out
