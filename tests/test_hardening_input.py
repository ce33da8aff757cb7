"""Hardening of input reading and of the CLI's error edge (issue 11, items 3, 5 and 6)."""

from __future__ import annotations

import os
import socket
import subprocess
import sys

import pytest
from typer.testing import CliRunner

from crosscheck.cli import app
from crosscheck.errors import InputError
from crosscheck.text.documents import load_documents
from crosscheck.util.safe_read import sniff_utf16

runner = CliRunner()
ARTICLE = "قتل 3 أشخاص في غزة."


def one_error(result, *needles: str) -> str:
    """The run failed with exit 2 and one 'crosscheck: error:' line holding every needle."""
    assert result.exit_code == 2, (result.exit_code, result.output)
    err = result.stderr if hasattr(result, "stderr") else result.output
    lines = [l for l in err.splitlines() if l.strip()]
    assert len(lines) == 1, err
    assert lines[0].startswith("crosscheck: error: "), lines[0]
    assert "Traceback" not in err
    for n in needles:
        assert n in lines[0], (n, lines[0])
    return lines[0]


def run_cli(*args: str, env: dict | None = None, timeout: float = 60) -> subprocess.CompletedProcess:
    """The installed command line in a child process (a hang fails by timeout, not forever)."""
    return subprocess.run(
        [sys.executable, "-m", "crosscheck", *args], capture_output=True, text=True, timeout=timeout,
        env={**os.environ, **(env or {})}, stdin=subprocess.DEVNULL,
    )


# --------------------------------------------------------------------------- not regular files


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="no FIFOs here")
def test_fifo_is_refused_without_opening_it(tmp_path):
    fifo = tmp_path / "a.txt"
    os.mkfifo(fifo)
    r = run_cli("extract", str(fifo), timeout=30)  # opening a FIFO for reading would block
    assert r.returncode == 2 and "FIFO" in r.stderr and str(fifo) in r.stderr, r.stderr


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="no FIFOs here")
def test_fifo_in_a_directory_and_as_jsonl(tmp_path):
    (tmp_path / "ok.txt").write_text(ARTICLE, encoding="utf-8")
    os.mkfifo(tmp_path / "feed.jsonl")  # the directory scan peeks into .jsonl files
    r = run_cli("extract", str(tmp_path), timeout=30)
    assert r.returncode == 2 and "feed.jsonl" in r.stderr and "FIFO" in r.stderr, r.stderr


def test_symlink_to_dev_zero_is_refused(tmp_path):
    link = tmp_path / "zero.txt"
    link.symlink_to("/dev/zero")
    with pytest.raises(InputError, match="character device"):
        load_documents([link])
    r = run_cli("report", str(link), "--out", str(tmp_path / "out"), timeout=30)
    assert r.returncode == 2 and "zero.txt" in r.stderr
    assert not (tmp_path / "out").exists()


def test_symlink_loop_is_an_input_error(tmp_path):
    a, b = tmp_path / "a.txt", tmp_path / "b.txt"
    a.symlink_to(b)
    b.symlink_to(a)
    with pytest.raises(InputError, match="symbolic link loop"):
        load_documents([a])
    one_error(runner.invoke(app, ["extract", str(a)]), "a.txt", "loop")


def test_socket_is_refused(tmp_path):
    path = tmp_path / "s.txt"
    s = socket.socket(socket.AF_UNIX)
    try:
        s.bind(str(path))
        with pytest.raises(InputError, match="socket"):
            load_documents([path])
    finally:
        s.close()


def test_size_limit_is_documented_and_enforced(tmp_path, monkeypatch):
    f = tmp_path / "big.txt"
    f.write_text(ARTICLE * 100, encoding="utf-8")
    monkeypatch.setenv("CROSSCHECK_MAX_INPUT_MB", "0.001")  # 1,000 bytes
    with pytest.raises(InputError, match=r"big.txt: larger than the input limit of 0.001 MB.*CROSSCHECK_MAX_INPUT_MB"):
        load_documents([f])
    # a stream is read only up to the limit
    import io

    with pytest.raises(InputError, match="<stdin>.*limit"):
        load_documents(["-"], stdin=io.BytesIO((ARTICLE * 100).encode()))
    monkeypatch.setenv("CROSSCHECK_MAX_INPUT_MB", "1")
    assert len(load_documents([f])) == 1


# --------------------------------------------------------------------------- JSONL


def test_deeply_nested_jsonl_is_an_input_error(tmp_path):
    f = tmp_path / "deep.jsonl"
    f.write_text("[" * 100_000 + "]" * 100_000 + "\n", encoding="utf-8")
    with pytest.raises(InputError, match=r"deep.jsonl:1: bad JSON \(nested too deeply\)"):
        load_documents([f])


def test_huge_integer_title_is_an_input_error(tmp_path):
    f = tmp_path / "t.jsonl"
    f.write_text('{"text": "%s", "title": %s}\n' % (ARTICLE, "9" * 5000), encoding="utf-8")
    with pytest.raises(InputError, match=r"t.jsonl:1: bad JSON \(a number of more than \d+ digits\)"):
        load_documents([f])
    # an ordinary integer title is kept as text
    f.write_text('{"text": "%s", "title": %s}\n' % (ARTICLE, "9" * 40), encoding="utf-8")
    assert load_documents([f])[0].title == "9" * 40


# --------------------------------------------------------------------------- encodings


@pytest.mark.parametrize("codec,name", [("utf-16-le", "UTF-16LE"), ("utf-16-be", "UTF-16BE")])
@pytest.mark.parametrize("text", ["قتل ثلاثة أشخاص في غزة", ARTICLE, "killed 3 people; قتل 3"])
def test_utf16_without_bom_is_named(tmp_path, codec, name, text):
    f = tmp_path / "a.txt"
    f.write_bytes(text.encode(codec))
    assert sniff_utf16(text.encode(codec)) == name
    with pytest.raises(InputError, match=f"looks like {name} without a byte-order mark"):
        load_documents([f])


@pytest.mark.parametrize("text", [ARTICLE, "plain ASCII text, 123", "x\x00y binary"])
def test_utf8_and_binary_are_not_taken_for_utf16(text):
    assert sniff_utf16(text.encode("utf-8")) is None


def test_arabic_only_utf16le_is_not_stored_by_ingest(tmp_path):
    f = tmp_path / "a.txt"
    f.write_bytes("قتل ثلاثة أشخاص في غزة".encode("utf-16-le"))  # valid (meaningless) UTF-8 bytes
    db = tmp_path / "s.db"
    r = runner.invoke(app, ["ingest", str(f), "--store", str(db)])
    one_error(r, "a.txt", "UTF-16LE")


# --------------------------------------------------------------------------- the CLI's guard


def _boom(document, rules=None):
    raise ZeroDivisionError("simulated bug\nsecond line")


def test_unexpected_exception_is_one_line_exit_2_naming_the_input(tmp_path, monkeypatch):
    f = tmp_path / "x.txt"
    f.write_text(ARTICLE, encoding="utf-8")
    import crosscheck.extract.extractor as extractor

    monkeypatch.setattr(extractor, "_extract", lambda d, r=None: _boom(d))
    line = one_error(runner.invoke(app, ["extract", str(f)]), "x.txt", "ZeroDivisionError", "simulated bug")
    assert "second line" in line  # the message kept on its one line
    r = runner.invoke(app, ["check", str(f), "--against", str(f)])
    one_error(r, "x.txt")  # exit 2, never 1 ("conflicts found")
    r = runner.invoke(app, ["-v", "extract", str(f)])
    assert r.exit_code == 2 and "Traceback" in r.output and "ZeroDivisionError" in r.output


def test_hostile_document_id_stays_on_one_line(tmp_path, monkeypatch):
    f = tmp_path / "x.jsonl"
    f.write_text('{"id": "a\\n::error::owned", "text": "%s"}\n' % ARTICLE, encoding="utf-8")
    import crosscheck.extract.extractor as extractor

    monkeypatch.setattr(extractor, "_extract", lambda d, r=None: _boom(d))
    line = one_error(runner.invoke(app, ["extract", str(f)]), "x.jsonl")
    assert "a\\n::error::owned" in line
