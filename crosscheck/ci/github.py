"""`check --format github`: GitHub Actions workflow commands that annotate the pull request.

    ::error file=articles/a.md,line=12,col=5,endColumn=18,title=crosscheck%3A killed conflict::message

Lines and columns are 1-based and count characters; `endColumn` is the last character's
column (GitHub's end column is inclusive: it defaults to the start column).  A claim that
spans lines gets `endLine` and no columns, which GitHub only accepts on one line.

GitHub shows at most 10 annotations of each type (error, warning) per step, so only the first
10 of each are emitted as commands; the rest are printed as plain log lines, and the summary
says how many more there are.

Every line printed is either a workflow command crosscheck means (`::error`, `::warning`,
`::notice`) whose properties are escaped with `escape_property` and whose message with
`escape_data`, or a plain line starting with "crosscheck:"; untrusted text (paths, document
ids, article text) never starts a line and never holds a raw CR or LF, so it cannot issue a
command of its own.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from crosscheck.ci.findings import CheckResult, Finding

MAX_PER_TYPE = 10


def escape_data(text: str) -> str:
    """Escape a command's message: %, CR and LF (GitHub's escapeData)."""
    return text.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")


def escape_property(text: str) -> str:
    """Escape a property value: as data, plus ':' and ',' (GitHub's escapeProperty)."""
    return escape_data(text).replace(":", "%3A").replace(",", "%2C")


def annotation(f: "Finding") -> str:
    """One `::error …::message` (or `::warning`) command for a finding."""
    props: list[tuple[str, str]] = []
    if f.path:
        props.append(("file", f.path))
    pos = f.position
    if pos is not None:
        props.append(("line", str(pos.line)))
        if pos.end_line != pos.line:
            props.append(("endLine", str(pos.end_line)))
        else:
            props.append(("col", str(pos.col)))
            props.append(("endColumn", str(pos.end_col)))
    props.append(("title", f.title))
    head = ",".join(f"{k}={escape_property(v)}" for k, v in props)
    return f"::{f.level} {head}::{escape_data(f.message())}"


def render_github(result: "CheckResult") -> str:
    """The annotation commands, overflow log lines, stale-baseline notices and a summary."""
    lines: list[str] = []
    overflow: list["Finding"] = []
    shown = {"error": 0, "warning": 0}
    for f in result.findings:
        if shown[f.level] < MAX_PER_TYPE:
            lines.append(annotation(f))
            shown[f.level] += 1
        else:
            overflow.append(f)
    for f in overflow:
        # a plain log line: it starts with crosscheck's own words, never with a path or an id
        # (which could start with '::'), and every untrusted part is escaped like data
        where = f.path or f.document.id
        if f.position is not None:
            where += f":{f.position.line}:{f.position.col}"
        lines.append(f"crosscheck: {f.level}: {escape_data(where)}: {escape_data(f.message())}")
    for cluster, doc, surface in result.stale:
        msg = (f"stale baseline entry: cluster {cluster}, document {doc}, '{surface}' no longer matches "
               "a conflict; remove it or re-create the baseline")
        props = f"file={escape_property(result.baseline)}," if result.baseline else ""
        lines.append(f"::notice {props}title=crosscheck%3A stale baseline entry::{escape_data(msg)}")
    summary = result.summary()
    if overflow:
        n_err = sum(1 for f in overflow if f.level == "error")
        n_warn = len(overflow) - n_err
        parts = [f"{n} more {kind}(s)" for n, kind in ((n_err, "error"), (n_warn, "warning")) if n]
        summary += (f"; {' and '.join(parts)} not shown as annotations (GitHub shows {MAX_PER_TYPE} "
                    "per type per step): see the log lines above or use --format sarif")
    lines.append(escape_data(summary))
    return "\n".join(lines) + "\n"
