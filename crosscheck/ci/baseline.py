"""Accepted discrepancies: a baseline file of known conflicts that `check --baseline` ignores.

    {"version": 1, "tool": "crosscheck", "rules_version": "…", "entries": [
        {"cluster": "killed-gaza-2d49df", "doc": "001_f8b2…", "surface": "نحو 30 ألف شخص",
         "kind": "killed", "level": "error"}, …]}

Entries are keyed by content — (cluster id, document id, claim surface) — never by line, so
editing an article elsewhere does not un-accept its known conflicts.  An entry about a document
that was analysed but that matches no current finding is stale: the check reports it so the
file can be cleaned up.  Entries about documents not analysed are left alone.
"""

from __future__ import annotations

import json
import os
from dataclasses import dataclass, field
from pathlib import Path
from typing import Iterable, Optional, Sequence

from crosscheck.ci.findings import BaselineMatch
from crosscheck.errors import InputError
from crosscheck.util.safe_read import open_regular, read_limited

FORMAT_VERSION = 1
Key = tuple[str, str, str]


@dataclass
class Baseline:
    entries: list[dict] = field(default_factory=list)
    rules_version: Optional[str] = None
    path: Optional[str] = None

    @property
    def keys(self) -> set[Key]:
        return {(e["cluster"], e["doc"], e["surface"]) for e in self.entries}


def baseline_from_findings(findings: Iterable, rules_version: Optional[str] = None) -> Baseline:
    """A baseline accepting every finding given (duplicates by key once), sorted by key."""
    entries: dict[Key, dict] = {}
    for f in findings:
        entries.setdefault(f.key, {
            # an inconsistency finding is keyed by the inconsistency's id (Finding.item)
            "cluster": getattr(f, "item", f.cluster.id), "doc": f.claim.doc, "surface": f.claim.surface,
            "kind": f.cluster.kind, "level": f.level,
        })
    return Baseline([entries[k] for k in sorted(entries)], rules_version)


def render_baseline(baseline: Baseline) -> str:
    data = {"version": FORMAT_VERSION, "tool": "crosscheck", "rules_version": baseline.rules_version,
            "entries": baseline.entries}
    return json.dumps(data, ensure_ascii=False, indent=2) + "\n"


def write_baseline(baseline: Baseline, path: str | os.PathLike[str]) -> None:
    from crosscheck.util.atomic import write_text_atomic

    write_text_atomic(path, render_baseline(baseline))


def load_baseline(path: str | os.PathLike[str]) -> Baseline:
    """Read a baseline file; InputError naming the file and the problem."""
    p = Path(path)
    if not p.exists() and not p.is_symlink():
        raise InputError(f"{p}: baseline file not found; create one with 'crosscheck baseline create -o {p}'")
    try:
        fh, _ = open_regular(p)  # never a FIFO or a device (a hang)
        with fh:
            raw = read_limited(fh, str(p)).decode("utf-8")
    except FileNotFoundError:
        raise InputError(f"{p}: baseline file not found; create one with 'crosscheck baseline create -o {p}'") from None
    except (OSError, UnicodeDecodeError) as exc:
        raise InputError(f"{p}: cannot read the baseline ({exc})") from None
    try:
        data = json.loads(raw)
    except json.JSONDecodeError as exc:
        raise InputError(f"{p}: not valid JSON (line {exc.lineno}, column {exc.colno}: {exc.msg})") from None
    if not isinstance(data, dict) or not isinstance(data.get("entries"), list):
        raise InputError(f"{p}: not a crosscheck baseline (expected an object with an 'entries' list)")
    if data.get("version") != FORMAT_VERSION:
        raise InputError(f"{p}: baseline format version {data.get('version')!r}; this crosscheck reads {FORMAT_VERSION}")
    for i, e in enumerate(data["entries"], 1):
        if not isinstance(e, dict) or not all(isinstance(e.get(k), str) for k in ("cluster", "doc", "surface")):
            raise InputError(f"{p}: entry {i} needs string fields 'cluster', 'doc' and 'surface'")
    return Baseline(data["entries"], data.get("rules_version"), str(p))


def apply_baseline(findings: Sequence, baseline: Baseline, *, current: set[Key], analysed: set[str]):
    """Mark the findings the baseline accepts as suppressed; list stale entries.

    `current` is the key of every finding in the analysed documents (not only the new ones);
    an entry about an analysed document whose key is not current is stale.
    """
    keys = baseline.keys
    match = BaselineMatch()
    for f in findings:
        if f.key in keys:
            f.suppressed = True
            match.suppressed.append(f)
    match.stale = sorted(k for k in keys if k[1] in analysed and k not in current)
    return match
