"""Loading articles: text/Markdown files with optional front matter, JSONL, directories, stdin.

`load_documents(paths, stdin=None)` is the one entry point (the extract, eval, report and check
commands all use it).  Every problem with an input is an `InputError` whose message names the
file (and the line, for JSONL) and says what to do; nothing is returned for a half-read input.

* `.txt` / `.md` (or any other explicitly named file): UTF-8 text.  An optional YAML front
  matter block between two `---` lines at the very top may give `id`, `title`, `date`,
  `source`, `url` (other keys are ignored).  `Document.text` is the text AFTER the front
  matter, so claim offsets index the article body.
* `.jsonl`: one article per line, a JSON object with `text` and optionally `id`, `title`,
  `date`, `source`, `url`.  Blank lines are skipped.
* a directory: every `.txt`, `.md` and `.jsonl` file below it, sorted by path, skipping hidden
  files and hidden directories, and a corpus's own documentation files (README, CHANGELOG,
  LICENSE ... by file stem, any case: `DOC_STEMS`), which are about the corpus, not articles;
  name one explicitly to read it as an article.
* `-`: standard input; an article (with optional front matter), or JSONL when the first
  non-blank character is `{`.

The id is the front-matter / JSONL id, else the file stem (`stem:LINE` for a JSONL line without
one; `stdin` for standard input).  `sha256` is the hash of the file's bytes, or of the JSONL
line's `text` encoded as UTF-8.  Dates become ISO `YYYY-MM-DD`.
"""

from __future__ import annotations

import datetime as dt
import email.utils
import hashlib
import io
import json
import logging
import os
import sys
from dataclasses import dataclass
from pathlib import Path
from typing import IO, Any, Iterable, Iterator, Union

import regex
import yaml

from crosscheck.errors import InputError, tag_input
from crosscheck.util import regex_cache
from crosscheck.util.safe_read import loads_json, max_input_bytes, open_regular, read_limited, sniff_utf16
from crosscheck.models import Document

ARTICLE_SUFFIXES = (".txt", ".md")
JSONL_SUFFIXES = (".jsonl",)
FRONT_MATTER_KEYS = ("id", "title", "date", "source", "url")
STDIN_NAME = "<stdin>"

log = logging.getLogger("crosscheck.text.documents")

StdinLike = Union[str, bytes, IO[str], IO[bytes], None]

# Front matter: a first line that is exactly '---', YAML, then a line that is '---' or '...'
# (the YAML document-end marker Jekyll/Hugo also accept).  re.M so ^/$ work per line; the
# lazy body stops at the first closing line.  Trailing spaces on the fence lines are allowed.
_FRONT_MATTER = regex_cache.compile(r"\A---[ \t]*\r?\n(.*?)^(?:---|\.\.\.)[ \t]*(?:\r?\n|\Z)", regex.S | regex.M)

# Arabic-Indic and Persian digits in a date string ("٢٠٢٤-٠٣-٢٥") become ASCII digits.
_DIGITS = str.maketrans({**{0x0660 + i: str(i) for i in range(10)}, **{0x06F0 + i: str(i) for i in range(10)}})

# Dates written year first, any of - / . as separator: 2024-03-25, 2024/3/25.
_YMD = regex_cache.compile(r"(\d{4})[-/.](\d{1,2})[-/.](\d{1,2})")
# Day first (the Arab-world convention for numeric dates): 25/03/2024, 25-3-2024.
_DMY = regex_cache.compile(r"(\d{1,2})[-/.](\d{1,2})[-/.](\d{4})")


@dataclass(frozen=True)
class _Origin:
    """Where a document came from, for error messages: 'file' or 'file:line'."""

    name: str
    line: int | None = None

    def __str__(self) -> str:
        return f"{self.name}:{self.line}" if self.line is not None else self.name


# --------------------------------------------------------------------------- public API


def load_documents(paths: Iterable[str | os.PathLike[str]], stdin: StdinLike = None) -> list[Document]:
    """Load every article named by `paths` (files, directories, or '-' for `stdin`).

    `stdin` is the stream (or its already-read content) used for '-'; when None, the process's
    standard input is read.  Raises `InputError` for a missing, unreadable, binary or malformed
    input, for two articles with the same id, and when the inputs hold no article at all.
    Holds every document in memory: for a large corpus iterate a `DocumentSource` instead.
    """
    return list(DocumentSource(paths, stdin))


def iter_documents(paths: Iterable[str | os.PathLike[str]], stdin: StdinLike = None) -> Iterator[Document]:
    """The documents of `paths` one at a time (see `DocumentSource`)."""
    return iter(DocumentSource(paths, stdin))


class DocumentSource:
    """The articles named by `paths`, read lazily: one file, or one JSONL line, at a time.

    Iterating it twice reads the inputs twice (standard input is read once, when the source
    is made, and kept), so a caller can check every input first (`count()`: the same errors
    as `load_documents`, nothing kept) and then do the work in a second pass, never holding
    more than one document.  Each pass raises `InputError` as `load_documents` does, at the
    document where the problem is.
    """

    def __init__(self, paths: Iterable[str | os.PathLike[str]], stdin: StdinLike = None) -> None:
        self.paths = [os.fspath(p) for p in paths]
        if not self.paths:
            raise InputError("no input given: name article files, directories, or '-' for standard input")
        if self.paths.count("-") > 1:
            raise InputError("'-' (standard input) is given more than once; it can be read only once")
        self._stdin: bytes | None = _read_stdin(stdin) if "-" in self.paths else None

    def __iter__(self) -> Iterator[Document]:
        for doc, _line in self.with_lines():
            yield doc

    def with_lines(self) -> Iterator[tuple[Document, int | None]]:
        """(document, its line in a JSONL input, else None), one at a time."""
        seen_ids: dict[str, _Origin] = {}
        seen_files: set[Path] = set()
        found = False
        for given in self.paths:
            for doc, origin in _load_one(given, self._stdin, seen_files):
                first = seen_ids.get(doc.id)
                if first is not None:
                    raise InputError(
                        f"duplicate document id {doc.id!r} in {first} and {origin}; "
                        "give one of them another id (front matter 'id:' or the JSONL 'id' field)"
                    )
                seen_ids[doc.id] = origin
                found = True
                yield doc, origin.line
        if not found:
            shown = ", ".join(self.paths)
            raise InputError(
                f"no articles found in {shown}: expected non-empty .txt, .md or .jsonl files"
            )

    def count(self) -> int:
        """Read every input once, checking it, and return the number of documents."""
        return sum(1 for _ in self)


def parse_date(value: Any, where: str) -> str | None:
    """ISO `YYYY-MM-DD` for a front-matter / JSONL date; InputError naming `where` if invalid.

    Accepts YAML dates and datetimes, ISO 8601 dates and datetimes (with or without a zone),
    `YYYY/MM/DD`, day-first `DD/MM/YYYY`, and RFC 2822 dates as found in RSS feeds.  A
    datetime keeps the calendar date it was written with (no zone conversion).
    """
    if value is None or value == "":
        return None
    if isinstance(value, dt.datetime):
        return value.date().isoformat()
    if isinstance(value, dt.date):
        return value.isoformat()
    if not isinstance(value, str):
        raise InputError(f"{where}: invalid date {value!r}: write it as YYYY-MM-DD")
    text = value.strip().translate(_DIGITS)
    try:
        return dt.datetime.fromisoformat(text.replace("Z", "+00:00")).date().isoformat()
    except ValueError:
        pass
    for pattern, order in ((_YMD, (1, 2, 3)), (_DMY, (3, 2, 1))):
        m = pattern.fullmatch(text)
        if m:
            y, mo, d = (int(m.group(i)) for i in order)
            try:
                return dt.date(y, mo, d).isoformat()
            except ValueError:
                raise InputError(f"{where}: invalid date {value!r}: no such day") from None
    try:
        return email.utils.parsedate_to_datetime(text).date().isoformat()
    except (TypeError, ValueError, IndexError):
        pass
    raise InputError(f"{where}: invalid date {value!r}: write it as YYYY-MM-DD")


# --------------------------------------------------------------------------- dispatch


def _load_one(given: str, stdin: bytes | None, seen_files: set[Path]) -> Iterator[tuple[Document, _Origin]]:
    if given == "-":
        data = stdin or b""
        if data.lstrip(b"\xef\xbb\xbf \t\r\n").startswith(b"{"):
            yield from _iter_jsonl(io.BytesIO(data), STDIN_NAME, "stdin", path="-")
            return
        yield from _parse_article(data, STDIN_NAME, default_id="stdin", path="-")
        return
    path = Path(given)
    if path.is_dir():
        for f in _scan_dir(path):
            if f.suffix.lower() in JSONL_SUFFIXES and not _looks_like_articles(f):
                log.info("crosscheck: note: skipped %s: a JSONL file without a 'text' field "
                            "is not an article file (e.g. gold annotations)", f)
                continue
            yield from _load_file(f, seen_files)
        return
    yield from _load_file(path, seen_files)


# File stems (upper-cased) of documentation a corpus directory keeps beside its articles.
DOC_STEMS = frozenset({"README", "CHANGELOG", "CHANGES", "HISTORY", "LICENSE", "LICENCE", "COPYING",
                       "NOTICE", "AUTHORS", "CONTRIBUTING", "CODE_OF_CONDUCT", "SECURITY"})


def _scan_dir(root: Path) -> list[Path]:
    """Article files below `root`, sorted, skipping hidden files and directories and the
    corpus's documentation files (`DOC_STEMS`)."""
    found: list[Path] = []
    try:
        for dirpath, dirnames, filenames in os.walk(root, onerror=_raise_walk_error):
            dirnames[:] = [d for d in dirnames if not d.startswith(".")]
            for name in filenames:
                if name.startswith("."):
                    continue
                if not name.lower().endswith(ARTICLE_SUFFIXES + JSONL_SUFFIXES):
                    continue
                if name.rsplit(".", 1)[0].upper() in DOC_STEMS:
                    log.info("crosscheck: note: skipped %s: a documentation file, not an article "
                             "(name it explicitly to read it)", Path(dirpath) / name)
                    continue
                found.append(Path(dirpath) / name)
    except OSError as exc:
        raise InputError(f"{exc.filename or root}: cannot read directory ({exc.strerror or exc})") from None
    return sorted(found, key=lambda p: p.as_posix())


def _looks_like_articles(path: Path) -> bool:
    """True unless the first non-blank line of a JSONL file is an object without 'text'.

    A directory scan meets JSONL files that are not articles (gold annotations, judgements
    kept beside the fixtures); those are skipped.  A file that cannot be parsed is not
    skipped, so that loading it reports the problem.
    """
    try:
        fh, _ = open_regular(path, whole=False)
        with fh:
            for raw in iter(lambda: fh.readline(max_input_bytes() + 1), b""):
                if raw.strip():
                    obj = loads_json(raw, str(path))
                    return not (isinstance(obj, dict) and "text" not in obj)
    except (OSError, InputError):
        return True  # loading it says what is wrong
    return True


def _raise_walk_error(exc: OSError) -> None:
    raise exc


def _load_file(path: Path, seen_files: set) -> Iterator[tuple[Document, _Origin]]:
    name = str(path)
    jsonl = path.suffix.lower() in JSONL_SUFFIXES
    # only a regular file, checked before it is opened (a FIFO or /dev/zero would hang); a
    # JSONL archive is bounded per line, an article as a whole
    fh, st = open_regular(path, whole=not jsonl)
    with fh:
        key = (st.st_dev, st.st_ino)
        if key in seen_files:  # the same file named twice (overlapping globs, dir + file)
            return
        seen_files.add(key)
        if jsonl:  # line by line: a JSONL file may hold a whole archive
            yield from _named(_iter_jsonl(fh, name, path.stem, path=name), name)
            return
        data = read_limited(fh, name)
    yield from _named(_parse_article(data, name, default_id=path.stem, path=name), name)


def _named(items: Iterable[tuple[Document, _Origin]], name: str) -> Iterator[tuple[Document, _Origin]]:
    """`items`, an unexpected exception while making them marked as about input `name`."""
    try:
        yield from items
    except InputError:
        raise
    except Exception as exc:
        tag_input(exc, name)
        raise


def _read_stdin(stdin: StdinLike) -> bytes:
    if stdin is None:
        stdin = sys.stdin.buffer if hasattr(sys.stdin, "buffer") else sys.stdin
    if isinstance(stdin, str):
        return stdin.encode("utf-8")
    if isinstance(stdin, bytes):
        return stdin
    try:
        data = read_limited(getattr(stdin, "buffer", stdin), STDIN_NAME)
    except UnicodeDecodeError as exc:
        raise InputError(f"{STDIN_NAME}: not valid UTF-8 ({exc.reason}); convert it to UTF-8") from None
    except OSError as exc:
        raise InputError(f"{STDIN_NAME}: cannot read standard input ({exc})") from None
    return data.encode("utf-8") if isinstance(data, str) else data


# --------------------------------------------------------------------------- decoding


def _decode(data: bytes, where: str) -> str:
    """UTF-8 text of `data` (a leading BOM dropped); InputError for binary or other encodings."""
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        raise InputError(f"{where}: file is UTF-16; convert it to UTF-8 (e.g. iconv -f UTF-16 -t UTF-8)")
    utf16 = sniff_utf16(data)
    if utf16 is not None:
        raise InputError(
            f"{where}: file looks like {utf16} without a byte-order mark; convert it to UTF-8 "
            f"(e.g. iconv -f {utf16} -t UTF-8)"
        )
    nul = data.find(b"\x00")
    if nul >= 0:
        raise InputError(f"{where}: binary data (NUL byte at byte {nul}); expected a UTF-8 text file")
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        line = data.count(b"\n", 0, exc.start) + 1
        raise InputError(
            f"{where}: not valid UTF-8 (byte {exc.start}, line {line}); "
            "convert it to UTF-8 (e.g. iconv -f WINDOWS-1256 -t UTF-8)"
        ) from None


# --------------------------------------------------------------------------- articles


def split_front_matter(text: str, where: str) -> tuple[dict[str, Any], str]:
    """(front-matter mapping, body) of an article; `({}, text)` when there is no front matter."""
    m = _FRONT_MATTER.match(text)
    if not m:
        if regex.match(r"---[ \t]*\r?\n", text):  # an opening fence with no closing one
            raise InputError(
                f"{where}: front matter starts with '---' but has no closing '---' line"
            )
        return {}, text
    try:
        # BaseLoader keeps every scalar a string: "id: 001" stays "001" (not the int 1) and
        # dates reach parse_date as written, so a bad one gets the same message everywhere.
        meta = yaml.load(m.group(1), Loader=yaml.BaseLoader)
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None)
        at = f" (line {mark.line + 2})" if mark is not None else ""
        problem = getattr(exc, "problem", None) or str(exc).splitlines()[0]
        raise InputError(f"{where}: bad front matter YAML{at}: {problem}") from None
    if meta is None:
        meta = {}
    if not isinstance(meta, dict):
        raise InputError(
            f"{where}: front matter must be 'key: value' lines (id, title, date, source, url), "
            f"not a {type(meta).__name__}"
        )
    return meta, text[m.end():]


def _parse_article(data: bytes, where: str, *, default_id: str, path: str) -> list[tuple[Document, _Origin]]:
    text = _decode(data, where)
    meta, body = split_front_matter(text, where)
    if not body.strip():
        raise InputError(f"{where}: the article is empty; remove the file or add its text")
    doc = _make_document(meta, body, where, default_id=default_id, path=path,
                         sha256=hashlib.sha256(data).hexdigest())
    return [(doc, _Origin(where))]


# --------------------------------------------------------------------------- JSONL


def _iter_jsonl(fh: IO[bytes], where: str, stem: str, *, path: str) -> Iterator[tuple[Document, _Origin]]:
    """The articles of a JSONL stream, one line at a time; errors name the line."""
    offset = 0  # bytes before the current line, for error messages
    found = False
    limit = max_input_bytes()
    lineno = 0
    while True:
        raw = fh.readline(limit + 1)  # one article per line, each at most the input limit
        if not raw:
            break
        lineno += 1
        if len(raw) > limit:
            raise InputError(f"{where}:{lineno}: line longer than the input limit of {limit / 1_000_000:g} MB; "
                             "raise it with CROSSCHECK_MAX_INPUT_MB")
        if lineno == 1 and raw.startswith((b"\xff\xfe", b"\xfe\xff")):
            raise InputError(f"{where}: file is UTF-16; convert it to UTF-8 (e.g. iconv -f UTF-16 -t UTF-8)")
        utf16 = sniff_utf16(raw) if lineno == 1 else None
        if utf16 is not None:
            raise InputError(f"{where}: file looks like {utf16} without a byte-order mark; convert it to "
                             f"UTF-8 (e.g. iconv -f {utf16} -t UTF-8)")
        nul = raw.find(b"\x00")
        if nul >= 0:
            raise InputError(f"{where}: binary data (NUL byte at byte {offset + nul}); expected a UTF-8 text file")
        try:
            line = raw.decode("utf-8-sig" if lineno == 1 else "utf-8")
        except UnicodeDecodeError as exc:
            raise InputError(
                f"{where}: not valid UTF-8 (byte {offset + exc.start}, line {lineno}); "
                "convert it to UTF-8 (e.g. iconv -f WINDOWS-1256 -t UTF-8)"
            ) from None
        offset += len(raw)
        if not line.strip():
            continue
        here = f"{where}:{lineno}"
        obj = loads_json(line, here)
        if not isinstance(obj, dict):
            raise InputError(f"{here}: expected a JSON object with a 'text' field, got {type(obj).__name__}")
        body = obj.get("text")
        if not isinstance(body, str) or not body.strip():
            raise InputError(f"{here}: missing or empty 'text' field (the article text)")
        doc = _make_document(obj, body, here, default_id=f"{stem}:{lineno}", path=path,
                             sha256=hashlib.sha256(body.encode("utf-8")).hexdigest())
        found = True
        yield doc, _Origin(where, lineno)
    if not found:
        raise InputError(f"{where}: contains no articles (expected one JSON object per line)")


# --------------------------------------------------------------------------- common


def _make_document(meta: dict[str, Any], body: str, where: str, *, default_id: str, path: str,
                   sha256: str) -> Document:
    fields: dict[str, str | None] = {}
    for key in ("title", "source", "url"):
        value = meta.get(key)
        if value is not None and not isinstance(value, (str, int, float)):
            raise InputError(f"{where}: '{key}' must be a single value, not {type(value).__name__}")
        fields[key] = None if value is None or value == "" else str(value)
    raw_id = meta.get("id")
    if raw_id is None or raw_id == "":
        doc_id = default_id
    elif isinstance(raw_id, (str, int)) and not isinstance(raw_id, bool):
        doc_id = str(raw_id).strip()
        if not doc_id:
            raise InputError(f"{where}: 'id' is blank; give a non-empty id or remove the key")
    else:
        raise InputError(f"{where}: 'id' must be a string or an integer, not {type(raw_id).__name__}")
    return Document(
        id=doc_id,
        text=body,
        path=path,
        date=parse_date(meta.get("date"), where),
        sha256=sha256,
        **fields,
    )
