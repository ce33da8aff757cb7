"""The whole run as a library: paths -> documents -> claims -> clusters -> report files.

    analysis = analyse(["fixtures/"], progress=lambda done, total: ...)
    report = analysis.report()
    write_reports(analysis, "reports", formats=("md", "html", "json"))

The CLI commands `report`, `clusters` and `show` are thin wrappers over these functions.
"""

from __future__ import annotations

import difflib
from dataclasses import dataclass, field
from pathlib import Path
from typing import Callable, Iterable, Mapping, Optional, Sequence

from rapidfuzz import fuzz, process

from crosscheck.errors import CrosscheckError
from crosscheck.models import CLAIM_KINDS, Claim, Cluster, Document, Report

# progress(done, total): called after each document's claims are extracted.
Progress = Callable[[int, int], None]

FORMATS = ("md", "html", "json", "jsonl")
FILENAMES = {"md": "report.md", "html": "report.html", "json": "report.json", "jsonl": "report.jsonl"}
STATUSES = ("conflict", "consistent", "single")


@dataclass
class Analysis:
    documents: list[Document]
    claims: list[Claim]
    clusters: list[Cluster]
    _report: Optional[Report] = field(default=None, repr=False)

    @property
    def texts(self) -> dict[str, str]:
        """Document id -> article text (used to place highlights by offset)."""
        return {d.id: d.text for d in self.documents}

    def report(self) -> Report:
        if self._report is None:
            from crosscheck.reconcile.reconciler import build_report
            from crosscheck.report.positions import locate_report

            self._report = locate_report(build_report(self.documents, self.clusters), self.documents)
        return self._report


def extract_one(document: Document, rules_dir: Optional[str] = None) -> list[Claim]:
    """The claims of one document (the task the engines run in their workers)."""
    from crosscheck.extract.extractor import extract

    if rules_dir is None:  # the rules in force (the extractor's own default)
        return extract(document)
    from crosscheck.ruleset.loader import load_rules

    return extract(document, load_rules(rules_dir))


def analyse(
    paths: Sequence[str],
    progress: Optional[Progress] = None,
    *,
    jobs: Optional[int] = 1,
    engine: str = "local",
    scheduler: Optional[str] = None,
) -> Analysis:
    """Load every document under `paths`, extract its claims, and reconcile them.

    `engine="local"` extracts with `jobs` processes (None or 0: every core); `engine="dask"`
    extracts over partitions on a Dask cluster (`scheduler`, or a LocalCluster) and reconciles
    as a group-by on unit keys there (crosscheck.engine.dask): the same result either way.
    """
    from crosscheck.text.documents import load_documents

    documents = load_documents(list(paths))  # bad input fails here, before any work
    from crosscheck.reconcile.reconciler import reconcile

    claims: list[Claim] = []
    if engine == "dask":
        from crosscheck.engine.dask import dask_client, map_documents_dask, reconcile_dask

        with dask_client(scheduler) as client:
            for done, (_doc, found) in enumerate(map_documents_dask(extract_one, documents, client=client), 1):
                claims.extend(found)
                if progress is not None:
                    progress(done, len(documents))
            clusters = reconcile_dask(claims, documents, client=client)
        return Analysis(documents=documents, claims=claims, clusters=clusters)
    if engine != "local":
        raise CrosscheckError(f"--engine: unknown engine {engine!r}; use local or dask")
    from crosscheck.engine.local import map_documents

    for done, (_doc, found) in enumerate(map_documents(extract_one, documents, jobs=jobs), 1):
        claims.extend(found)
        if progress is not None:
            progress(done, len(documents))
    clusters = reconcile(claims, documents)
    return Analysis(documents=documents, claims=claims, clusters=clusters)


# --------------------------------------------------------------------------- selecting


def _did_you_mean(word: str, choices: Iterable[str], limit: int = 3) -> list[str]:
    choices = list(dict.fromkeys(choices))
    found = process.extract(word, choices, scorer=fuzz.ratio, limit=limit, score_cutoff=60)
    names = [name for name, _score, _i in found]
    if not names:  # ratio is strict on very different lengths; difflib is kinder there
        names = difflib.get_close_matches(word, choices, n=limit, cutoff=0.5)
    return names


def check_kind(kind: Optional[str]) -> Optional[str]:
    if kind is None or kind in CLAIM_KINDS:
        return kind
    hint = _did_you_mean(kind, CLAIM_KINDS, 1)
    suggestion = f"did you mean '{hint[0]}'? " if hint else ""
    raise CrosscheckError(f"--kind: unknown kind '{kind}'; {suggestion}known kinds: {', '.join(CLAIM_KINDS)}")


def check_status(status: Optional[str]) -> Optional[str]:
    if status is None or status in STATUSES:
        return status
    raise CrosscheckError(f"--status: unknown status '{status}'; use one of {', '.join(STATUSES)}")


def select_clusters(
    clusters: Iterable[Cluster], kind: Optional[str] = None, status: Optional[str] = None
) -> list[Cluster]:
    """Clusters of one kind and/or status (both validated), in their original order."""
    check_kind(kind)
    check_status(status)
    return [c for c in clusters if (kind is None or c.kind == kind) and (status is None or c.status == status)]


def find_cluster(clusters: Sequence[Cluster], cluster_id: str) -> Cluster:
    """The cluster with this id; otherwise an error suggesting the closest ids (exit 2)."""
    for cluster in clusters:
        if cluster.id == cluster_id:
            return cluster
    ids = [c.id for c in clusters]
    if not ids:
        raise CrosscheckError(f"no cluster '{cluster_id}': these documents gave no clusters at all")
    close = _did_you_mean(cluster_id, ids)
    if close:
        hint = "did you mean " + " or ".join(f"'{c}'" for c in close) + "?"
    else:
        hint = "run 'crosscheck clusters' on the same documents to list the ids"
    raise CrosscheckError(f"no cluster '{cluster_id}' in these documents; {hint}")


# --------------------------------------------------------------------------- writing


def parse_formats(spec: str | Sequence[str]) -> tuple[str, ...]:
    """'md,html' -> ('md', 'html'), in the canonical order, validated."""
    items = spec.split(",") if isinstance(spec, str) else list(spec)
    wanted = {s.strip().lower() for s in items if s.strip()}
    aliases = {"markdown": "md", "htm": "html"}
    wanted = {aliases.get(w, w) for w in wanted}
    unknown = sorted(wanted - set(FORMATS))
    if unknown or not wanted:
        raise CrosscheckError(
            f"--format: unknown format {', '.join(repr(u) for u in unknown) or '(empty)'}; "
            f"use a comma-separated list of {', '.join(FORMATS)}"
        )
    return tuple(f for f in FORMATS if f in wanted)


def render_reports(
    report: Report, formats: Sequence[str] = FORMATS, texts: Optional[Mapping[str, str]] = None, lang: str = "ar"
) -> dict[str, str]:
    """File name -> content for each format (all rendered before anything is written).

    `lang` ("ar" or "en") is the language of the HTML report's labels."""
    from crosscheck.report import large

    out: dict[str, str] = {}
    for fmt in parse_formats(formats):
        if fmt in ("json", "jsonl"):
            import io

            buf = io.StringIO()
            (large.write_json if fmt == "json" else large.write_jsonl)(report, buf)
            out[FILENAMES[fmt]] = buf.getvalue()
    shown, view = large.reader_report(report)  # large archives: pages lead with conflicts
    out.update(render_pages(shown, view, formats, texts, lang))
    return {name: out[name] for f in parse_formats(formats) for name in page_files(FILENAMES[f], out)}


def page_files(name: str, rendered: Mapping[str, str]) -> list[str]:
    """`name` and its part pages among `rendered` (report.html, report-2.html, ...: page_parts)."""
    from crosscheck.report.page_parts import part_name

    names = [name]
    while part_name(name, len(names) + 1) in rendered:
        names.append(part_name(name, len(names) + 1))
    return names


def write_pages(out_dir: Path, name: str, rendered: Mapping[str, str]) -> list[Path]:
    """Write the page `name` and its part pages atomically, together (util.atomic
    write_texts_atomic: every file complete before any is replaced, the first page last), then
    remove the part pages an earlier, longer report left beside it."""
    from crosscheck.report.page_parts import part_name
    from crosscheck.util.atomic import write_texts_atomic

    names = page_files(name, rendered)
    paths = [out_dir / n for n in names]
    write_texts_atomic([(path, rendered[n]) for path, n in zip(paths, names)])
    stem, _, ext = name.rpartition(".")
    for old in out_dir.glob(f"{stem}-*.{ext}"):
        k = old.name[len(stem) + 1:-len(ext) - 1]
        if k.isdigit() and part_name(name, int(k)) == old.name and int(k) > len(names) and old.is_file():
            old.unlink()
    return paths


def render_pages(shown: Report, large_view=None, formats: Sequence[str] = ("md", "html"),
                 texts: Optional[Mapping[str, str]] = None, lang: str = "ar") -> dict[str, str]:
    """File name -> content of the Markdown and HTML pages of `shown`: the whole report, or for
    a large archive its conflicts (trimmed) with `large_view` (a report.large.LargeView) telling
    the pages what they do not list (large.reader_report)."""
    from crosscheck.report.page_parts import part_name

    out: dict[str, str] = {}
    for fmt in parse_formats(formats):
        pages: list[str] = []
        if fmt == "md":
            from crosscheck.report.markdown import render_markdown_pages

            pages = render_markdown_pages(shown, lang=lang, large=large_view, name=FILENAMES[fmt])
        elif fmt == "html":
            from crosscheck.report.html import render_html_pages

            shown_texts = texts
            if large_view is not None and texts is not None:  # only the articles the page quotes
                wanted = {c.doc for cl in shown.clusters for c in cl.claims if c.sentence}
                shown_texts = texts.restricted(wanted) if hasattr(texts, "restricted") else \
                    {k: v for k, v in texts.items() if k in wanted}
            pages = render_html_pages(shown, shown_texts, lang=lang, large=large_view, name=FILENAMES[fmt])
        for k, text in enumerate(pages, 1):  # a large archive's part pages follow their first (page_parts)
            out[part_name(FILENAMES[fmt], k)] = text
    return out


def write_reports(
    analysis: Analysis, out_dir: str | Path, formats: Sequence[str] = FORMATS, lang: str = "ar"
) -> list[Path]:
    """Render the pages, then write each file atomically into `out_dir`; the JSON and JSON
    Lines files are streamed into their (atomic) files rather than built as one string."""
    from crosscheck.report import large
    from crosscheck.util.atomic import atomic_open

    out = Path(out_dir)
    if out.exists() and not out.is_dir():
        raise CrosscheckError(f"{out}: --out must be a directory, and this is a file")
    wanted = parse_formats(formats)
    report = analysis.report()
    pages = [f for f in wanted if f in ("md", "html")]
    rendered = render_reports(report, pages, analysis.texts, lang=lang) if pages else {}
    written = []
    for fmt in wanted:
        path = out / FILENAMES[fmt]
        if fmt in ("json", "jsonl"):
            with atomic_open(path, "w") as fh:
                (large.write_json if fmt == "json" else large.write_jsonl)(report, fh)
            written.append(path)
        else:
            written += write_pages(out, FILENAMES[fmt], rendered)
    return written
