"""A generated corpus for the store and streaming tests: `benchmarks/gen_articles.py`'s synthetic
articles (figures, hedges, votes; deterministic for a seed) written as one JSONL file."""

from __future__ import annotations

import json
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
if str(ROOT / "benchmarks") not in sys.path:
    sys.path.insert(0, str(ROOT / "benchmarks"))
from gen_articles import generate  # noqa: E402


def generated_corpus(directory: Path, n: int, *, seed: int, name: str = "corpus.jsonl",
                     stories: str = "random") -> Path:
    """`n` generated articles (seeded) as `directory/name`, one JSON record per line;
    `stories`: gen_articles' mode ("random" or "consistent")."""
    path = Path(directory) / name
    path.write_text("".join(json.dumps(d, ensure_ascii=False) + "\n" for d in generate(n, seed=seed, stories=stories)),
                    encoding="utf-8")
    return path
