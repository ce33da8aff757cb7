#!/usr/bin/env python3
"""Score extraction on the real-news development corpus (tests/realnews/).

The corpus is excerpts of real published Arabic news.  Their text is third-party, so it stays
OUT of the repository: only the recipe (tests/realnews/recipe.jsonl: id, query, url, sha256 of
each excerpt, event, outlet, ...) and the gold claims (tests/realnews/gold.jsonl, the shared
gold format) are committed.  The excerpts live in a git-ignored cache, by default
`.cache/realnews/<id>.txt` at the repository root (front matter, then the excerpt), and this
script rebuilds nothing: it checks every cached excerpt against the recipe's sha256, extracts
claims from the ones that match, and prints precision / recall / F1 the way
`shared/eval/score.py extract` does (crosscheck.evaluate: doc, kind, value as multisets).

    python tools/realnews.py                 # overall and per-kind figures
    python tools/realnews.py --errors        # ... and every missed and spurious claim
    python tools/realnews.py --min-f1 0.9    # exit 1 below this F1 (when the cache is present)

When the cache is missing (a fresh clone, CI) it says so and exits 0.  An excerpt whose hash
differs from the recipe is reported and left out of the score (with its gold claims).
"""

from __future__ import annotations

import argparse
import hashlib
import json
import sys
from dataclasses import dataclass, field
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
CORPUS = ROOT / "tests" / "realnews"
CACHE = ROOT / ".cache" / "realnews"
_FENCE = "---\n"


@dataclass
class CacheCheck:
    """Which recipe items the cache holds intact, and which are missing or altered."""

    ok: list[Path] = field(default_factory=list)
    missing: list[str] = field(default_factory=list)
    altered: list[str] = field(default_factory=list)


def load_jsonl(path: Path) -> list[dict]:
    with path.open(encoding="utf-8") as f:
        return [json.loads(line) for line in f if line.strip()]


def excerpt_body(text: str) -> str:
    """The excerpt of a cache file: what follows the closing '---' line of its front matter."""
    if text.startswith(_FENCE):
        end = text.find("\n" + _FENCE, len(_FENCE) - 1)
        if end >= 0:
            return text[end + 1 + len(_FENCE):]
    return text


def sha256_of(text: str) -> str:
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


def check_cache(recipe: list[dict], cache: Path) -> CacheCheck:
    out = CacheCheck()
    for item in recipe:
        path = cache / f"{item['id']}.txt"
        if not path.is_file():
            out.missing.append(item["id"])
            continue
        body = excerpt_body(path.read_text(encoding="utf-8"))
        if sha256_of(body) != item["sha256"]:
            out.altered.append(item["id"])
        else:
            out.ok.append(path)
    return out


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--corpus", type=Path, default=CORPUS, help="folder with recipe.jsonl and gold.jsonl")
    ap.add_argument("--cache", type=Path, default=CACHE, help="folder with the cached excerpts <id>.txt")
    ap.add_argument("--errors", action="store_true", help="list every missed and spurious claim")
    ap.add_argument("--claims", type=Path, help="also write the extracted claims (JSONL) here")
    ap.add_argument("--min-f1", type=float, default=None, help="exit 1 when F1 is below this")
    args = ap.parse_args(argv)

    recipe = load_jsonl(args.corpus / "recipe.jsonl")
    gold = load_jsonl(args.corpus / "gold.jsonl")
    if not args.cache.is_dir() or not any(args.cache.glob("*.txt")):
        print(f"real-news cache not found at {args.cache}: nothing scored. The excerpts are "
              "third-party text kept out of the repository; put <id>.txt files matching "
              f"{args.corpus / 'recipe.jsonl'} there to score them.")
        return 0
    checked = check_cache(recipe, args.cache)
    for what, ids in (("missing from the cache", checked.missing), ("altered (sha256 differs)", checked.altered)):
        if ids:
            print(f"{len(ids)} excerpt(s) {what}, not scored: {', '.join(ids[:10])}"
                  + (" ..." if len(ids) > 10 else ""))
    if not checked.ok:
        print("no cached excerpt matches the recipe: nothing scored")
        return 0

    # imported late so that the missing-cache message needs nothing but the standard library
    from crosscheck.evaluate import evaluate
    from crosscheck.extract.extractor import extract
    from crosscheck.text.documents import load_documents

    documents = load_documents([str(p) for p in checked.ok])
    ids = {d.id for d in documents}
    claims = [c for d in documents for c in extract(d)]
    if args.claims:
        args.claims.write_text("".join(c.model_dump_json() + "\n" for c in claims), encoding="utf-8")
    result = evaluate(claims, [g for g in gold if g["doc"] in ids])
    for kind, s in sorted(result.per_kind.items()):
        print(f"  {kind:20s} tp={s.tp:3d} fp={s.fp:3d} fn={s.fn:3d}")
    if args.errors:
        for m in result.misses:
            print(f"  missed: {m.doc} {m.kind} {m.value} x{m.count} | {m.surface}")
        for s in result.spurious:
            print(f"  spurious: {s.doc} {s.kind} {s.value} x{s.count} | {' / '.join(s.surfaces[:2])}")
    o = result.overall
    print(f"qualifier agreement {result.qualifier_agree}/{result.qualifier_total}")
    print(f"realnews: {len(documents)} excerpts, {sum(1 for g in gold if g['doc'] in ids)} gold lines")
    print(f"extract precision={o.precision:.3f} recall={o.recall:.3f} f1={o.f1:.3f} tp={o.tp} fp={o.fp} fn={o.fn}")
    if args.min_f1 is not None and o.f1 < args.min_f1:
        print(f"F1 {o.f1:.3f} is below {args.min_f1}", file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
