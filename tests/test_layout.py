"""The package layout follows the data's path, with no import cycle.

Every `import` of a crosscheck module anywhere in the package counts (top-level, inside
functions, under TYPE_CHECKING): a cycle hidden in a function is still a cycle.  Subpackages
form layers, text → ruleset → numbers → extract → reconcile → engine → report → store → ci → cli: a
module may import its own layer and the layers before it, never a later one.
"""

from __future__ import annotations

import ast
from pathlib import Path

import crosscheck

PACKAGE = Path(crosscheck.__file__).resolve().parent
LAYERS = ["util", "text", "ruleset", "numbers", "extract", "reconcile", "engine", "report", "store", "ci", "cli"]


def _modules() -> dict[str, Path]:
    out = {}
    for path in PACKAGE.rglob("*.py"):
        rel = path.relative_to(PACKAGE.parent).with_suffix("")
        parts = list(rel.parts)
        if parts[-1] == "__init__":
            parts.pop()
        out[".".join(parts)] = path
    return out


def _imports(path: Path, modules: dict[str, Path]) -> set[str]:
    found: set[str] = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        names: list[str] = []
        if isinstance(node, ast.Import):
            names = [a.name for a in node.names]
        elif isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            names = [node.module] + [f"{node.module}.{a.name}" for a in node.names]
        for name in names:
            if name in modules:
                found.add(name)
    return found


def _graph() -> dict[str, set[str]]:
    modules = _modules()
    return {m: _imports(p, modules) - {m} for m, p in modules.items()}


def _layer(module: str) -> int | None:
    parts = module.split(".")
    return LAYERS.index(parts[1]) if len(parts) > 2 and parts[1] in LAYERS else None


def test_no_import_cycle():
    graph = _graph()
    state: dict[str, int] = {}
    stack: list[str] = []

    def visit(m: str) -> None:
        state[m] = 1
        stack.append(m)
        for n in sorted(graph[m]):
            if state.get(n) == 1 and not m.startswith(n + "."):
                cycle = stack[stack.index(n):] + [n]
                raise AssertionError("import cycle: " + " -> ".join(cycle))
            if n in graph and state.get(n) is None:
                visit(n)
        stack.pop()
        state[m] = 2

    for m in sorted(graph):
        if state.get(m) is None:
            visit(m)


def test_layers_import_only_earlier_layers():
    bad = []
    for m, deps in _graph().items():
        lm = _layer(m)
        if lm is None:
            continue
        for d in deps:
            ld = _layer(d)
            if ld is not None and ld > lm:
                bad.append(f"{m} (layer {LAYERS[lm]}) imports {d} (layer {LAYERS[ld]})")
    assert not bad, "\n".join(sorted(bad))


def test_the_layout_has_the_expected_subpackages():
    subpackages = {p.name for p in PACKAGE.iterdir() if (p / "__init__.py").is_file()}
    assert set(LAYERS) <= subpackages
    # no module of the old flat layout is left beside them
    flat = {p.stem for p in PACKAGE.glob("*.py")} - {"__init__", "__main__"}
    assert flat <= {"errors", "models", "config", "evaluate", "pipeline"}, flat
