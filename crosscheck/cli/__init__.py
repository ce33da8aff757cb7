"""Console entry point: `crosscheck …`.  Each command group lives in a module of this package."""

from __future__ import annotations

import gc

from crosscheck.util.gc_pause import collector_paused

# the cyclic collector held off while the commands load (typer, pydantic's model schemas), and
# what they made moved out of its reach (gc.freeze): tens of thousands of objects that live as
# long as the process, which every collection would otherwise re-read (about 80 collections,
# ~0.05 CPU-s of every run, and a part of every full collection after; pool workers forked
# later also keep those pages shared).  They are freed by reference counting as before.
with collector_paused():
    from crosscheck.cli.app import app
    from crosscheck.cli import check_cmd, extract_cmd, report_cmd, serve_cmd  # noqa: F401  (registers commands)

    gc.freeze()


def main() -> None:
    from crosscheck.cli import quick_exit

    quick_exit.ENABLED = True  # a finished check leaves without freeing what it built
    try:
        app()
    except SystemExit as exc:
        quick_exit.leave(exc.code)
        raise


if __name__ == "__main__":
    main()
