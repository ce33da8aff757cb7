"""`crosscheck extract` and `crosscheck eval`: thin commands over the library.

Both read and check every input before printing anything, so a bad input stops the run with
a one-line error and an empty stdout, never half a listing.  `extract` then streams: the
documents are read again one at a time, extracted on every core (crosscheck.engine.local) and
written in input order as they are done.
"""

from __future__ import annotations

import importlib
import io
import json
import sys
import textwrap
from enum import Enum
from functools import partial
from pathlib import Path
from contextlib import contextmanager
from typing import IO, Callable, Iterator, Optional

import typer

from crosscheck.util.atomic import atomic_open
from crosscheck.cli.app import app, note, run_safely
from crosscheck.text.textpos import FileText, Locator, locate_document
from crosscheck.text.documents import DocumentSource, load_documents
from crosscheck.errors import CrosscheckError, InputError
from crosscheck.evaluate import EvalResult, evaluate, load_gold
from crosscheck.models import CLAIM_KINDS, Claim, Document


class ClaimFormat(str, Enum):
    table = "table"
    json = "json"
    jsonl = "jsonl"


class EvalFormat(str, Enum):
    text = "text"
    json = "json"


PATHS_HELP = "Article files (.txt/.md, optional YAML front matter), .jsonl files, directories, or '-' for stdin."


def extract_claims(
    documents: list[Document],
    kinds: Optional[list[str]] = None,
    progress: Optional[Callable[[int, int], None]] = None,
) -> list[Claim]:
    """Every claim of every document, in document order (optionally only some kinds).

    `progress(done, total)` is called after each document.
    """
    try:
        extractor = importlib.import_module("crosscheck.extract.extractor")
    except ModuleNotFoundError as exc:
        if exc.name != "crosscheck.extract.extractor":
            raise
        raise CrosscheckError("the claim extractor (crosscheck.extract.extractor) is missing from this installation", exit_code=1) from None
    claims: list[Claim] = []
    for done, doc in enumerate(documents, 1):
        claims.extend(extractor.extract(doc))
        if progress is not None:
            progress(done, len(documents))
    if kinds:
        wanted = set(kinds)
        claims = [c for c in claims if c.kind in wanted]
    return claims


# Below this many documents extraction is quick enough that a progress bar would only flicker.
PROGRESS_MIN_DOCUMENTS = 50


@contextmanager
def _progress_bar(total: int) -> Iterator[Optional[Callable[[int, int], None]]]:
    """A transient progress bar on stderr for long runs on a terminal; else no callback."""
    from rich.console import Console

    console = Console(stderr=True)
    if total < PROGRESS_MIN_DOCUMENTS or not console.is_terminal:
        yield None
        return
    from rich.progress import Progress

    with Progress(console=console, transient=True) as bar:
        task = bar.add_task("extracting claims", total=total)
        yield lambda done, _total: bar.update(task, completed=done)


def _check_kinds(kinds: Optional[list[str]]) -> None:
    for k in kinds or []:
        if k not in CLAIM_KINDS:
            raise InputError(f"unknown kind {k!r}; choose from: {', '.join(CLAIM_KINDS)}")


def _render_table(claims: list[Claim], docs: list[Document], *, to_file: bool, where=None) -> str:
    """The table as text: for a file, 160 columns without colour; else as the terminal allows.

    Rendering to a string first means a closed pipe (`| head`) surfaces as one BrokenPipeError
    that run_safely handles, instead of rich's own exit in the middle of a table.
    """
    from rich.console import Console

    from crosscheck.report.claim_table import print_claims

    if to_file:
        console = Console(file=io.StringIO(), width=160, color_system=None)
    else:
        real = Console()
        console = Console(file=io.StringIO(), width=real.width, color_system=real.color_system,
                          force_terminal=real.is_terminal)
    files = {d.id: _shown_path(d.path) for d in docs if d.path}
    print_claims(claims, console, n_docs=len(docs), where=where, files=files)
    return console.file.getvalue()


def _shown_path(path: str) -> str:
    from crosscheck.report.cluster_view import neutralise_bidi

    return neutralise_bidi(path)


JOBS_HELP = "Worker processes for extraction (default 0: every core; 1: no pool). Output is the same for any number."


Item = tuple  # (Document, JSONL line number or None)


def _doc_claims(item: Item, kinds: Optional[tuple[str, ...]]) -> list[Claim]:
    """The claims of one document (run in a worker process)."""
    from crosscheck.extract.extractor import extract

    claims = extract(item[0])
    return [c for c in claims if c.kind in kinds] if kinds else claims


def _where_for(doc: Document, line: Optional[int]):
    """where(doc_id, start, end) -> 'file:line:col' for this one document (see Locator).

    A JSONL record is placed at its own line, known from reading it: no second pass over
    the file (which, per record, would make a large JSONL file quadratic).
    """
    if doc.path and doc.path != "-" and doc.path.lower().endswith(".jsonl"):
        ft = FileText(doc.path, "", 0, jsonl_line=line) if line else None
    else:
        ft = locate_document(doc)

    def where(_doc_id: str, start: int, end: int, field: str = "text") -> Optional[str]:
        if ft is None:
            return None
        try:
            pos = ft.position(start, end, field)
        except ValueError:
            return None
        return f"{ft.path}:{pos.line}:{pos.col}"

    return where


def _doc_jsonl(item: Item, kinds: Optional[tuple[str, ...]]) -> tuple[int, str]:
    from crosscheck.report.claim_table import claims_jsonl

    claims = _doc_claims(item, kinds)
    return len(claims), claims_jsonl(claims, _where_for(*item))


def _doc_json_items(item: Item, kinds: Optional[tuple[str, ...]]) -> tuple[int, list[str]]:
    from crosscheck.report.claim_table import claim_record

    claims = _doc_claims(item, kinds)
    where = _where_for(*item)
    out = []
    for c in claims:
        record = claim_record(c)
        record["position"] = where(c.doc, c.start, c.end, c.field)
        out.append(json.dumps(record, ensure_ascii=False, indent=2))
    return len(claims), out


@contextmanager
def _output(out: Optional[Path]) -> Iterator[IO[str]]:
    """The file `out` (written atomically, replaced only when the block succeeds) or stdout."""
    if out is None:
        yield sys.stdout
        sys.stdout.flush()
        return
    with atomic_open(out, "w") as fh:
        yield fh


@app.command("extract")
def extract_command(
    paths: list[str] = typer.Argument(..., help=PATHS_HELP, show_default=False),
    fmt: ClaimFormat = typer.Option(ClaimFormat.table, "--format", "-f", help="table (for people), json (a list) or jsonl (one claim per line)."),
    out: Optional[Path] = typer.Option(None, "--out", "-o", help="Write to this file (atomically) instead of stdout.", show_default=False),
    kind: Optional[list[str]] = typer.Option(None, "--kind", "-k", help="Only claims of this kind (repeatable).", show_default=False),
    jobs: int = typer.Option(0, "--jobs", "-j", help=JOBS_HELP),
) -> None:
    """Extract numeric and factual claims from articles.

    json and jsonl are written as each article is done (one article in memory at a time);
    every input is read and checked first, so a bad input stops the run before any output.
    """

    def body() -> None:
        from crosscheck.engine.local import map_documents, resolve_jobs
        from crosscheck.ruleset.loader import load_rules

        _check_kinds(kind)
        n_jobs = resolve_jobs(jobs)
        source = DocumentSource(paths)
        total = source.count()  # every input checked before anything is written
        load_rules()  # once, before the workers fork
        kinds = tuple(kind) if kind else None
        n_claims = 0
        with _progress_bar(total) as progress:
            if fmt is ClaimFormat.table:  # for people: the whole listing is built, then shown
                claims: list[Claim] = []
                docs: list[Document] = []
                for done, ((doc, _line), found) in enumerate(
                        map_documents(partial(_doc_claims, kinds=kinds), source.with_lines(), jobs=n_jobs), 1):
                    claims.extend(found)
                    docs.append(doc)
                    if progress is not None:
                        progress(done, total)
                n_claims = len(claims)
                text = _render_table(claims, docs, to_file=out is not None, where=Locator(docs).where)
                with _output(out) as fh:
                    fh.write(text)
            else:
                fn = _doc_jsonl if fmt is ClaimFormat.jsonl else _doc_json_items
                first = True
                with _output(out) as fh:
                    if fmt is ClaimFormat.json:
                        fh.write("[")
                    for done, (_doc, (count, chunk)) in enumerate(map_documents(partial(fn, kinds=kinds), source.with_lines(), jobs=n_jobs), 1):
                        n_claims += count
                        if fmt is ClaimFormat.jsonl:
                            fh.write(chunk)
                        else:
                            for item in chunk:
                                fh.write(("\n" if first else ",\n") + textwrap.indent(item, "  "))
                                first = False
                        if progress is not None:
                            progress(done, total)
                    if fmt is ClaimFormat.json:
                        fh.write("]\n" if first else "\n]\n")
        if out is not None:
            note(f"wrote {n_claims} claims from {total} documents to {out}")

    run_safely(body)


# --------------------------------------------------------------------------- eval


def _fmt_value(v: object) -> str:
    return str(v)


def format_eval(result: EvalResult, *, show_lists: bool = True) -> str:
    """The eval report as plain text: per-kind table, overall, qualifier agreement, lists."""
    from crosscheck.report.claim_table import isolate_lines

    lines = [f"{'kind':20s} {'tp':>4s} {'fp':>4s} {'fn':>4s} {'prec':>6s} {'recall':>6s} {'f1':>6s}"]
    for k in sorted(result.per_kind):
        s = result.per_kind[k]
        lines.append(f"{k:20s} {s.tp:4d} {s.fp:4d} {s.fn:4d} {s.precision:6.3f} {s.recall:6.3f} {s.f1:6.3f}")
    o = result.overall
    lines.append(f"{'overall':20s} {o.tp:4d} {o.fp:4d} {o.fn:4d} {o.precision:6.3f} {o.recall:6.3f} {o.f1:6.3f}")
    qa, qn = result.qualifier_agree, result.qualifier_total
    share = f" ({qa / qn:.1%})" if qn else ""
    lines.append(f"qualifier agreement on matched claims: {qa}/{qn}{share}")
    if show_lists:
        lines.append(f"missed ({sum(m.count for m in result.misses)}): gold claims not extracted")
        for m in result.misses:
            times = f" x{m.count}" if m.count > 1 else ""
            surface = f"  {isolate_lines(m.surface, 10_000)}" if m.surface else ""
            lines.append(f"  {m.doc}  {m.kind}  {_fmt_value(m.value)}{times}{surface}")
        lines.append(f"spurious ({sum(s.count for s in result.spurious)}): extracted, not in gold")
        for s in result.spurious:
            times = f" x{s.count}" if s.count > 1 else ""
            shown = " | ".join(isolate_lines(x, 10_000) for x in s.surfaces)
            lines.append(f"  {s.doc}  {s.kind}  {_fmt_value(s.value)}{times}  {shown}")
    return "\n".join(lines) + "\n"


@app.command("eval")
def eval_command(
    paths: list[str] = typer.Argument(..., help=PATHS_HELP, show_default=False),
    gold: Path = typer.Option(..., "--gold", "-g", help="Gold claims, JSONL (the format of fixtures/gold.jsonl).", show_default=False),
    fmt: EvalFormat = typer.Option(EvalFormat.text, "--format", "-f", help="text (for people) or json."),
    min_f1: Optional[float] = typer.Option(None, "--min-f1", help="Exit 1 when the overall F1 is below this (for CI).", show_default=False),
) -> None:
    """Score extraction against a gold file: precision/recall/F1 per kind, misses, spurious claims.

    Only the gold claims of the documents given are scored, so one article can be evaluated
    on its own; predictions for documents the gold file does not cover are ignored.
    """

    def body() -> None:
        gold_claims = load_gold(gold)
        docs = load_documents(paths)
        ids = {d.id for d in docs}
        gold_docs = {g["doc"] for g in gold_claims}
        used = [g for g in gold_claims if g["doc"] in ids]
        if not used:
            raise InputError(
                f"{gold}: none of the {len(docs)} documents given is in the gold file "
                "(document ids are the file stem or the front-matter/JSONL id)"
            )
        with _progress_bar(len(docs)) as progress:
            claims = extract_claims(docs, progress=progress)
        result = evaluate(claims, used)
        scored = len(ids & gold_docs)
        unscored = len(ids - gold_docs)
        note = f"scored {scored} of the {len(gold_docs)} gold documents"
        if unscored:
            note += f"; {unscored} document(s) given are not in the gold file and were not scored"
        if fmt is EvalFormat.json:
            data = {"gold": str(gold), "documents_scored": scored, **result.as_dict()}
            sys.stdout.write(json.dumps(data, ensure_ascii=False, indent=2) + "\n")
        else:
            sys.stdout.write(format_eval(result) + note + "\n")
        sys.stdout.flush()
        if min_f1 is not None and result.f1 < min_f1:
            typer.echo(f"crosscheck: overall F1 {result.f1:.3f} is below --min-f1 {min_f1}", err=True)
            raise typer.Exit(1)

    run_safely(body)
