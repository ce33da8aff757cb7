"""Where a claim sits in its file: character offsets -> 1-based line and column.

Claim offsets index `Document.text`, which for an article with YAML front matter is the text
AFTER the front matter (and after a UTF-8 byte-order mark).  Annotations must point into the
file itself, so `locate_document` works out how far into the file the body starts and
`FileText.position` converts body offsets to file lines and columns.

Columns count characters (Unicode code points), as GitHub annotations and SARIF with
`columnKind: unicodeCodePoints` do.  Lines end at LF; a CR before the LF is part of the line's
end, never of a column that a claim can occupy.  For a JSONL article the position is the
record's line, column 1 (the JSON escaping makes inner columns meaningless).
"""

from __future__ import annotations

import hashlib
import json
from bisect import bisect_right
from dataclasses import dataclass
from pathlib import Path
from typing import Optional

from crosscheck.models import Document


@dataclass(frozen=True)
class Position:
    """A 1-based region: `line`:`col` to `end_line`:`end_col` (end column inclusive)."""

    line: int
    col: int
    end_line: int
    end_col: int


class LineIndex:
    """Offsets of line starts in one text, for offset -> (line, column) look-ups."""

    def __init__(self, text: str) -> None:
        self.text = text
        self.starts = [0]
        pos = text.find("\n")
        while pos >= 0:
            self.starts.append(pos + 1)
            pos = text.find("\n", pos + 1)

    def line_col(self, offset: int) -> tuple[int, int]:
        """1-based (line, column) of the character at `offset`."""
        if offset < 0 or offset > len(self.text):
            raise ValueError(f"offset {offset} outside a text of {len(self.text)} characters")
        k = bisect_right(self.starts, offset) - 1
        return k + 1, offset - self.starts[k] + 1

    def region(self, start: int, end: int) -> Position:
        """The region covering text[start:end] (end exclusive; the end column is inclusive)."""
        line, col = self.line_col(start)
        last = max(start, end - 1)
        end_line, end_col = self.line_col(last)
        return Position(line, col, end_line, end_col)

    def line_text(self, line: int) -> str:
        """The text of 1-based `line`, without its line ending."""
        s = self.starts[line - 1]
        e = self.starts[line] - 1 if line < len(self.starts) else len(self.text)
        return self.text[s:e].rstrip("\r")


@dataclass
class FileText:
    """The decoded file a document came from and where the document's text starts in it.

    `jsonl_line` is set for a JSONL record: every claim of it is placed at that line, col 1.
    """

    path: str
    text: str
    body_offset: int = 0
    jsonl_line: Optional[int] = None
    # where the headline (`Document.title`) stands in the front matter, when written there as
    # is (a YAML title with escapes has no place in the file: its claims get no position)
    title_offset: Optional[int] = None

    def __post_init__(self) -> None:
        self.index = LineIndex(self.text)

    def position(self, start: int, end: int, field: str = "text") -> Position:
        """File region of the document span [start, end) of `field` ("text": the body,
        "title": the headline); ValueError when the headline is not in the file as is."""
        if self.jsonl_line is not None:
            return Position(self.jsonl_line, 1, self.jsonl_line, 1)
        if field == "title":
            if self.title_offset is None:
                raise ValueError("the headline is not written as is in the file")
            return self.index.region(self.title_offset + start, self.title_offset + end)
        return self.index.region(self.body_offset + start, self.body_offset + end)

    def at(self, pos: Position) -> str:
        """The file text the region covers (for one-line regions), e.g. to check a surface."""
        if pos.line != pos.end_line:
            return ""
        return self.index.line_text(pos.line)[pos.col - 1 : pos.end_col]


def locate_document(doc: Document) -> Optional[FileText]:
    """The file `doc` was read from, with the body's offset in it; None when there is no file
    (standard input) or the file no longer holds this text (it changed since it was read).
    """
    if not doc.path or doc.path == "-":
        return None
    path = Path(doc.path)
    try:
        raw = path.read_bytes()
        text = raw.decode("utf-8-sig")
    except (OSError, UnicodeDecodeError):
        return None
    if path.suffix.lower() == ".jsonl":
        for lineno, line in enumerate(text.splitlines(), start=1):
            if not line.strip():
                continue
            try:
                obj = json.loads(line)
            except ValueError:
                continue
            if isinstance(obj, dict) and obj.get("text") == doc.text:
                return FileText(doc.path, text, 0, jsonl_line=lineno)
        return None
    # The loader keeps the body verbatim after the front matter, so the body is a suffix.
    if not text.endswith(doc.text):
        return None
    body = len(text) - len(doc.text)
    return FileText(doc.path, text, body, title_offset=title_offset(text, body, doc.title))


def title_offset(text: str, body: int, title: Optional[str]) -> Optional[int]:
    """Where `title` is written as is in the front matter (text[:body]), on its `title:` line."""
    if not title:
        return None
    at = text.find("title:", 0, body)
    while at >= 0 and at > 0 and text[at - 1] != "\n":
        at = text.find("title:", at + 1, body)
    if at < 0:
        return None
    k = text.find(title, at, body)
    line_end = text.find("\n", at, body)
    return k if k >= 0 and (line_end < 0 or k < line_end) else None


def text_digest(text: str) -> bytes:
    """What the Locator keys a JSONL record's text by (blake2b, 16 bytes)."""
    return hashlib.blake2b(text.encode("utf-8"), digest_size=16).digest()


class Locator:
    """`file:line:col` of claims, for the listings (`extract`, `show`, reports).

    Each document's file is read once, on first use.  A document without a file (standard
    input, a store whose article moved or changed) has no position: `where` returns None.
    """

    def __init__(self, documents: "list[Document] | tuple[Document, ...]") -> None:
        self._docs = {d.id: d for d in documents}
        self._files: dict[str, Optional[FileText]] = {}
        self._jsonl: dict[str, dict[bytes, int]] = {}  # path -> digest of a record's text -> line

    def file(self, doc_id: str) -> Optional[FileText]:
        if doc_id not in self._files:
            doc = self._docs.get(doc_id)
            if doc is None:
                self._files[doc_id] = None
            elif doc.path and doc.path != "-" and doc.path.lower().endswith(".jsonl"):
                line = self._jsonl_lines(doc.path).get(text_digest(doc.text))
                self._files[doc_id] = FileText(doc.path, "", 0, jsonl_line=line) if line else None
            else:
                self._files[doc_id] = locate_document(doc)
        return self._files[doc_id]

    def _jsonl_lines(self, path: str) -> dict[bytes, int]:
        """A digest of each record's text (`text_digest`) -> its first line: one pass over a
        JSONL file for all its records, holding 16 bytes per record rather than its text."""
        if path not in self._jsonl:
            lines: dict[bytes, int] = {}
            try:
                with open(path, encoding="utf-8-sig") as fh:
                    for lineno, line in enumerate(fh, start=1):
                        if not line.strip():
                            continue
                        try:
                            obj = json.loads(line)
                        except ValueError:
                            continue
                        if isinstance(obj, dict) and isinstance(obj.get("text"), str):
                            lines.setdefault(text_digest(obj["text"]), lineno)
            except (OSError, UnicodeDecodeError):
                pass
            self._jsonl[path] = lines
        return self._jsonl[path]

    def position(self, doc_id: str, start: int, end: int, field: str = "text") -> Optional[Position]:
        ft = self.file(doc_id)
        if ft is None:
            return None
        try:
            return ft.position(start, end, field)
        except ValueError:
            return None

    def where(self, doc_id: str, start: int, end: int, field: str = "text") -> Optional[str]:
        """'path:line:col' of the span [start, end) of document `doc_id`'s `field` ("text",
        the body, or "title", the headline), or None."""
        pos = self.position(doc_id, start, end, field)
        if pos is None:
            return None
        return f"{self._files[doc_id].path}:{pos.line}:{pos.col}"  # type: ignore[union-attr]
