"""Loading articles: formats, ids, hashes, dates, and one-line errors for bad input."""

from __future__ import annotations

import hashlib
import io
import json
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from crosscheck.text.documents import load_documents, parse_date, split_front_matter
from crosscheck.errors import InputError

FIXTURES = Path(__file__).resolve().parent.parent / "fixtures"
BODY = "قتل 5 أشخاص في غزة.\nوأصيب 12 آخرون.\n"


def write(path: Path, content: str | bytes) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    if isinstance(content, bytes):
        path.write_bytes(content)
    else:
        path.write_text(content, encoding="utf-8")
    return path


def error_of(paths, stdin=None) -> str:
    with pytest.raises(InputError) as info:
        load_documents([str(p) for p in paths], stdin=stdin)
    message = str(info.value)
    assert "\n" not in message, "errors are one line"
    return message


# --------------------------------------------------------------------------- text files


def test_front_matter_fields_and_body(tmp_path):
    raw = (
        "---\nid: gaza-1\ntitle: عنوان الخبر\ndate: 2024-03-25\nsource: Al Jazeera\n"
        "url: https://example.org/a\nauthor: ignored\n---\n" + BODY
    )
    f = write(tmp_path / "a.md", raw)
    (doc,) = load_documents([str(f)])
    assert doc.id == "gaza-1"
    assert doc.title == "عنوان الخبر"
    assert doc.date == "2024-03-25"
    assert doc.source == "Al Jazeera"
    assert doc.url == "https://example.org/a"
    assert doc.text == BODY  # the text AFTER the front matter: claim offsets index it
    assert doc.path == str(f)
    assert doc.sha256 == hashlib.sha256(raw.encode("utf-8")).hexdigest()


def test_plain_file_id_is_stem_and_text_is_whole_file(tmp_path):
    f = write(tmp_path / "report_07.txt", BODY)
    (doc,) = load_documents([f])
    assert doc.id == "report_07"
    assert doc.text == BODY
    assert doc.date is None and doc.title is None


def test_front_matter_scalars_stay_strings(tmp_path):
    f = write(tmp_path / "x.txt", "---\nid: 007\n---\n" + BODY)
    assert load_documents([f])[0].id == "007"


def test_bom_is_not_part_of_the_text(tmp_path):
    f = write(tmp_path / "b.txt", b"\xef\xbb\xbf---\nid: b1\n---\n" + BODY.encode())
    (doc,) = load_documents([f])
    assert doc.id == "b1" and doc.text == BODY


def test_crlf_front_matter(tmp_path):
    f = write(tmp_path / "w.txt", b"---\r\nid: w1\r\n---\r\nline one\r\n")
    (doc,) = load_documents([f])
    assert doc.id == "w1" and doc.text == "line one\r\n"


def test_dashes_later_in_the_text_are_not_front_matter():
    meta, body = split_front_matter("intro\n---\nid: x\n---\nrest", "t")
    assert meta == {} and body.startswith("intro")


# --------------------------------------------------------------------------- JSONL


def test_jsonl_lines_become_documents(tmp_path):
    lines = [
        {"id": "a", "text": "نص أول 3", "date": "2024-03-25T10:00:00Z", "source": "S"},
        {"text": "نص ثان"},
    ]
    f = write(tmp_path / "batch.jsonl", json.dumps(lines[0], ensure_ascii=False) + "\n\n"
              + json.dumps(lines[1], ensure_ascii=False) + "\n")
    a, b = load_documents([f])
    assert (a.id, a.date, a.source, a.text) == ("a", "2024-03-25", "S", "نص أول 3")
    assert b.id == "batch:3"  # no id: stem and line number
    assert b.sha256 == hashlib.sha256("نص ثان".encode()).hexdigest()


def test_jsonl_bad_line_names_file_and_line(tmp_path):
    f = write(tmp_path / "bad.jsonl", '{"text": "ok"}\n{"text": "broken"\n')
    msg = error_of([f])
    assert f"{f}:2" in msg and "JSON" in msg


def test_jsonl_line_without_text(tmp_path):
    f = write(tmp_path / "nt.jsonl", '{"id": "x", "body": "wrong key"}\n')
    msg = error_of([f])
    assert f"{f}:1" in msg and "'text'" in msg


def test_jsonl_non_object_line(tmp_path):
    f = write(tmp_path / "arr.jsonl", '["a"]\n')
    assert "JSON object" in error_of([f])


# --------------------------------------------------------------------------- directories


def test_directory_is_recursive_sorted_and_skips_hidden(tmp_path):
    write(tmp_path / "b.txt", "ب 1")
    write(tmp_path / "a" / "z.md", "ز 2")
    write(tmp_path / "a" / "y.jsonl", '{"id": "y1", "text": "ي 3"}\n')
    write(tmp_path / ".hidden.txt", "hidden")
    write(tmp_path / ".git" / "c.txt", "hidden dir")
    write(tmp_path / "notes.csv", "not an article")
    docs = load_documents([tmp_path])
    assert [d.id for d in docs] == ["y1", "z", "b"]  # a/y.jsonl, a/z.md, b.txt


def test_directory_skips_jsonl_that_is_not_articles(tmp_path, caplog):
    write(tmp_path / "art.txt", BODY)
    write(tmp_path / "gold.jsonl", '{"doc": "art", "kind": "killed", "value": 5}\n')
    with caplog.at_level("INFO", logger="crosscheck.text.documents"):
        docs = load_documents([tmp_path])
    assert [d.id for d in docs] == ["art"]
    assert "gold.jsonl" in caplog.text


def test_directory_skips_the_corpus_documentation_files(tmp_path, caplog):
    write(tmp_path / "art.txt", BODY)
    write(tmp_path / "README.md", "# المجموعة\nقتل 40 شخصا في المثال")
    write(tmp_path / "sub" / "changelog.txt", "قتل 7 أشخاص")
    write(tmp_path / "sub" / "License.md", "نص")
    write(tmp_path / "readme_notes.txt", "قتل 9 أشخاص")  # only the exact stem is documentation
    with caplog.at_level("INFO", logger="crosscheck.text.documents"):
        docs = load_documents([tmp_path])
    assert [d.id for d in docs] == ["art", "readme_notes"]
    assert "README.md" in caplog.text and "changelog.txt" in caplog.text


def test_named_readme_is_read_as_an_article(tmp_path):
    f = write(tmp_path / "README.md", BODY)
    assert [d.id for d in load_documents([f])] == ["README"]


def test_named_jsonl_without_text_is_an_error_not_skipped(tmp_path):
    f = write(tmp_path / "gold.jsonl", '{"doc": "art", "kind": "killed", "value": 5}\n')
    assert "'text'" in error_of([f])


def test_same_file_twice_is_loaded_once(tmp_path):
    f = write(tmp_path / "a.txt", BODY)
    assert len(load_documents([tmp_path, f])) == 1


def test_bundled_fixtures_load():
    if not FIXTURES.is_dir():
        pytest.skip("fixtures/ not present")
    docs = load_documents([FIXTURES])
    stems = sorted(p.stem for p in FIXTURES.glob("*.txt"))
    assert [d.id for d in docs] == stems
    for d, p in zip(docs, sorted(FIXTURES.glob("*.txt"))):
        assert d.sha256 == hashlib.sha256(p.read_bytes()).hexdigest()


# --------------------------------------------------------------------------- stdin


def test_stdin_article_with_front_matter():
    (doc,) = load_documents(["-"], stdin="---\nid: s1\n---\n" + BODY)
    assert doc.id == "s1" and doc.text == BODY and doc.path == "-"


def test_stdin_plain_text_stream_id():
    (doc,) = load_documents(["-"], stdin=io.BytesIO(BODY.encode()))
    assert doc.id == "stdin" and doc.text == BODY


def test_stdin_jsonl_detected():
    docs = load_documents(["-"], stdin='{"id": "j1", "text": "أ"}\n{"id": "j2", "text": "ب"}\n')
    assert [d.id for d in docs] == ["j1", "j2"]


# --------------------------------------------------------------------------- errors


def test_duplicate_ids_name_both_files(tmp_path):
    a = write(tmp_path / "one" / "same.txt", BODY)
    b = write(tmp_path / "two" / "same.txt", BODY)
    msg = error_of([a, b])
    assert "same" in msg and str(a) in msg and str(b) in msg


def test_duplicate_id_between_front_matter_and_jsonl(tmp_path):
    a = write(tmp_path / "a.txt", "---\nid: x1\n---\n" + BODY)
    b = write(tmp_path / "b.jsonl", '{"id": "x1", "text": "t"}\n')
    msg = error_of([a, b])
    assert str(a) in msg and f"{b}:1" in msg


def test_missing_file(tmp_path):
    msg = error_of([tmp_path / "nope.txt"])
    assert "nope.txt" in msg and "no such file" in msg


def test_binary_file(tmp_path):
    f = write(tmp_path / "img.txt", b"\x89PNG\r\n\x1a\n\x00\x00\x00")
    msg = error_of([f])
    assert str(f) in msg and "binary" in msg


def test_invalid_utf8(tmp_path):
    f = write(tmp_path / "cp1256.txt", "قتل".encode("cp1256"))
    msg = error_of([f])
    assert str(f) in msg and "UTF-8" in msg


def test_utf16_is_named(tmp_path):
    f = write(tmp_path / "u16.txt", "قتل".encode("utf-16"))
    assert "UTF-16" in error_of([f])


def test_bad_front_matter_yaml(tmp_path):
    f = write(tmp_path / "y.txt", "---\nid: [unclosed\n---\n" + BODY)
    msg = error_of([f])
    assert str(f) in msg and "front matter" in msg


def test_unclosed_front_matter(tmp_path):
    f = write(tmp_path / "u.txt", "---\nid: a\n" + BODY)
    assert "closing" in error_of([f])


def test_front_matter_must_be_a_mapping(tmp_path):
    f = write(tmp_path / "l.txt", "---\n- a\n- b\n---\n" + BODY)
    assert "key: value" in error_of([f])


def test_invalid_date_names_file(tmp_path):
    f = write(tmp_path / "d.txt", "---\ndate: 2024-13-45\n---\n" + BODY)
    msg = error_of([f])
    assert str(f) in msg and "2024-13-45" in msg


def test_empty_file(tmp_path):
    f = write(tmp_path / "e.txt", "  \n")
    assert "empty" in error_of([f])


def test_empty_directory(tmp_path):
    (tmp_path / "empty").mkdir()
    assert "no articles" in error_of([tmp_path / "empty"])


def test_no_paths():
    assert "no input" in error_of([])


# --------------------------------------------------------------------------- dates


@pytest.mark.parametrize(
    "raw, iso",
    [
        ("2024-03-25", "2024-03-25"),
        ("2024-03-25T23:10:00+03:00", "2024-03-25"),
        ("2024-03-25 10:00", "2024-03-25"),
        ("2024/3/5", "2024-03-05"),
        ("25/03/2024", "2024-03-25"),  # numeric dates are day first in Arabic news
        ("٢٠٢٤-٠٣-٢٥", "2024-03-25"),
        ("Mon, 25 Mar 2024 10:00:00 +0000", "2024-03-25"),
    ],
)
def test_dates_become_iso(raw, iso):
    assert parse_date(raw, "f.txt") == iso


@pytest.mark.parametrize("raw", ["2024-02-30", "yesterday", "13/13/2024", "2024"])
def test_bad_dates_rejected(raw):
    with pytest.raises(InputError, match="f.txt"):
        parse_date(raw, "f.txt")


# --------------------------------------------------------------------------- property


_text = st.text(
    alphabet=st.characters(blacklist_categories=("Cs",), blacklist_characters="\x00\ufeff"),
    min_size=1,
).filter(lambda t: t.strip() and not t.startswith("-"))


@settings(max_examples=60, deadline=None)
@given(body=_text, doc_id=st.from_regex(r"[a-z][a-z0-9_-]{0,12}", fullmatch=True))
def test_front_matter_body_round_trip(tmp_path_factory, body, doc_id):
    raw = f"---\nid: {doc_id}\n---\n{body}".encode("utf-8")
    f = tmp_path_factory.mktemp("prop") / "p.txt"
    f.write_bytes(raw)
    (doc,) = load_documents([f])
    assert doc.id == doc_id
    assert doc.text == body
    assert doc.sha256 == hashlib.sha256(raw).hexdigest()


def test_stdin_only_once():
    assert "more than once" in error_of(["-", "-"], stdin="نص")
