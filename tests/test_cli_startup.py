"""What every `crosscheck` process pays before its command runs (counted, not timed)."""

from __future__ import annotations

import json
import subprocess
import sys


def _startup() -> dict:
    code = (
        "import gc, json, sys\n"
        "counts = []\n"
        "gc.callbacks.append(lambda phase, info: counts.append(info['generation']) if phase == 'start' else None)\n"
        "import crosscheck.cli\n"
        "print(json.dumps({'modules': sorted(sys.modules), 'collections': counts,\n"
        "                  'frozen': gc.get_freeze_count(), 'enabled': gc.isenabled()}))\n"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    return json.loads(out.stdout)


def test_loading_the_commands_makes_no_collection_and_leaves_their_objects_frozen():
    """The commands load with the collector off (each collection would re-read typer's and
    pydantic's tens of thousands of objects) and what they made is frozen out of its reach;
    the collector is on afterwards."""
    got = _startup()
    # a few young-generation ones before the pause starts (the package's own modules compiled
    # and loaded); there were ~80, of every generation, while the commands loaded
    assert all(g == 0 for g in got["collections"]) and len(got["collections"]) <= 5, got["collections"]
    assert got["frozen"] > 10_000
    assert got["enabled"]


def test_the_table_printer_loads_only_when_a_table_is_printed():
    """`check`, `ingest` and `report` do not load rich's console or the claim table."""
    modules = set(_startup()["modules"])
    assert "crosscheck.cli.extract_cmd" in modules  # the command is registered
    assert "rich.console" not in modules
    assert "crosscheck.report.claim_table" not in modules
