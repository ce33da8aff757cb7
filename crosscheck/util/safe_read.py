"""Reading untrusted input files safely: regular files only, a bounded size, a named encoding.

* `open_regular(path)` opens a path only when it is a regular file (checked before opening, with
  `stat`, and again on the open descriptor): a FIFO, a device (`/dev/zero`), a socket, a
  directory or a symlink loop is an `InputError` naming the path, never a hang.  The open is
  non-blocking, so even a FIFO swapped in between the two checks cannot block.
* `read_limited(fh, where)` reads at most `max_input_bytes()` bytes (default 512 MB, or
  `$CROSSCHECK_MAX_INPUT_MB`); a longer input is an `InputError`.
* `sniff_utf16(data)` names UTF-16 written without a byte-order mark (the high bytes of its
  code units are almost all 0x00 or 0x06 — Latin or Arabic), which otherwise passes for
  binary data or, Arabic only, for valid but meaningless UTF-8.
* `loads_json(line, where)` is `json.loads` whose failures (bad syntax, nesting too deep for
  the parser, integers longer than Python converts) are all `InputError`s.
"""

from __future__ import annotations

import errno
import json
import os
import stat
from typing import IO, Any

from crosscheck.errors import InputError

DEFAULT_MAX_INPUT_MB = 512


def max_input_bytes() -> int:
    """The most bytes one input (a file, standard input) may hold."""
    raw = os.environ.get("CROSSCHECK_MAX_INPUT_MB", "").strip()
    try:
        mb = float(raw) if raw else DEFAULT_MAX_INPUT_MB
    except ValueError:
        raise InputError(f"CROSSCHECK_MAX_INPUT_MB={raw!r}: expected a number of megabytes") from None
    return int(mb * 1_000_000)


_KINDS = (
    (stat.S_ISDIR, "is a directory"),
    (stat.S_ISFIFO, "is a FIFO (named pipe), not a regular file"),
    (stat.S_ISCHR, "is a character device, not a regular file"),
    (stat.S_ISBLK, "is a block device, not a regular file"),
    (stat.S_ISSOCK, "is a socket, not a regular file"),
)


def _not_regular(mode: int) -> str | None:
    for test, what in _KINDS:
        if test(mode):
            return what
    return None if stat.S_ISREG(mode) else "is not a regular file"


def check_regular(path: str | os.PathLike[str], whole: bool = True) -> os.stat_result:
    """stat() of a path that must be a regular file (of bounded size when it is read `whole`);
    InputError otherwise."""
    name = os.fspath(path)
    try:
        st = os.stat(name)
    except FileNotFoundError:
        raise InputError(f"{name}: no such file or directory") from None
    except OSError as exc:
        raise InputError(f"{name}: cannot read file ({_reason(exc)})") from None
    what = _not_regular(st.st_mode)
    if what is not None:
        raise InputError(f"{name}: {what}; only regular files are read")
    if whole:
        _check_size(st.st_size, name)
    return st


def open_regular(path: str | os.PathLike[str], whole: bool = True) -> tuple[IO[bytes], os.stat_result]:
    """(binary file object, stat) of a regular file; InputError for anything else.  `whole`:
    the file will be read at once, so its size is checked against the limit too."""
    name = os.fspath(path)
    check_regular(name, whole)
    try:
        fd = os.open(name, os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_CLOEXEC", 0))
    except OSError as exc:
        raise InputError(f"{name}: cannot read file ({_reason(exc)})") from None
    try:
        st = os.fstat(fd)
        what = _not_regular(st.st_mode)
        if what is not None:  # swapped between the check and the open
            raise InputError(f"{name}: {what}; only regular files are read")
        if whole:
            _check_size(st.st_size, name)
    except BaseException:
        os.close(fd)
        raise
    return os.fdopen(fd, "rb"), st


def read_limited(fh: IO[bytes], where: str) -> bytes:
    """All of `fh`, at most max_input_bytes(); InputError beyond."""
    limit = max_input_bytes()
    try:
        data = fh.read(limit + 1)
    except OSError as exc:
        raise InputError(f"{where}: cannot read ({_reason(exc)})") from None
    if data is None:
        data = b""
    if len(data) > limit:
        _check_size(len(data), where)
    return data


def _check_size(size: int, where: str) -> None:
    limit = max_input_bytes()
    if size > limit:
        raise InputError(
            f"{where}: larger than the input limit of {limit / 1_000_000:g} MB; split it, or raise "
            "the limit with CROSSCHECK_MAX_INPUT_MB"
        )


def _reason(exc: OSError) -> str:
    if exc.errno == errno.ELOOP:
        return "a symbolic link loop"
    return exc.strerror or str(exc)


# --------------------------------------------------------------------------- encodings


def sniff_utf16(data: bytes) -> str | None:
    """'UTF-16LE' / 'UTF-16BE' when `data` looks like UTF-16 without a byte-order mark, else None.

    In UTF-16 text of Latin and Arabic letters the high byte of every code unit is 0x00 or
    0x06 (0x20 for a few punctuation marks); in UTF-8 such bytes are rare, and never every
    other byte.
    """
    sample = data[:65536]
    if len(sample) < 4:
        return None
    sample = sample[: len(sample) - len(sample) % 2]
    for name, high in (("UTF-16LE", sample[1::2]), ("UTF-16BE", sample[0::2])):
        typical = sum(1 for b in high if b in (0x00, 0x06, 0x20))
        if typical >= 0.9 * len(high) and any(b in (0x00, 0x06) for b in high):
            low = sample[0::2] if name == "UTF-16LE" else sample[1::2]
            if sum(1 for b in low if b == 0) < 0.5 * len(low):  # not mostly NUL bytes either
                try:
                    sample.decode(name.lower())
                except UnicodeDecodeError:
                    continue
                return name
    return None


# --------------------------------------------------------------------------- JSON


def loads_json(line: str | bytes, where: str) -> Any:
    """json.loads with every failure an InputError naming `where`."""
    try:
        return json.loads(line)
    except json.JSONDecodeError as exc:
        raise InputError(f"{where}: bad JSON ({exc.msg} at column {exc.colno}); each line must be one JSON object") from None
    except RecursionError:
        raise InputError(f"{where}: bad JSON (nested too deeply); each line must be one flat JSON object") from None
    except ValueError as exc:
        if "digits" in str(exc):  # an integer of more digits than Python converts
            raise InputError(f"{where}: bad JSON (a number of more than {_MAX_DIGITS} digits)") from None
        raise InputError(f"{where}: bad JSON ({str(exc).splitlines()[0]})") from None


_MAX_DIGITS = getattr(__import__("sys"), "get_int_max_str_digits", lambda: 4300)() or 4300
