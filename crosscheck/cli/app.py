"""The Typer application object, the options every command shares, and the error edge.

Command modules (`crosscheck/cli/*_cmd.py`) import `app` from here and register their
commands; `crosscheck/cli/__init__.py` imports them all.  `run_safely` is the one place where
library errors become a one-line message and an exit code.

Options every command takes, before or after the command name (`crosscheck -v report …` or
`crosscheck report -v …`), added here once so that a command registered later has them too:

    --rules DIR      the rules directory (`crosscheck.ruleset.resources.use_rules_dir`)
    -q / --quiet     only errors on stderr (no notes such as "skipped gold.jsonl")
    -v / --verbose   notes too (-v), and details (-vv): rules directory, configuration file …

`--version` prints the version; `--install-completion` / `--show-completion` are Typer's shell
completion.
"""

from __future__ import annotations

import logging
import os
import sys
import traceback
from typing import Any, Callable, Optional, TypeVar

import typer
from typer.core import TyperGroup


from crosscheck import __version__
from crosscheck.errors import CrosscheckError, input_of

T = TypeVar("T")

LOG = logging.getLogger("crosscheck")
# Default: warnings and errors only; the loaders' notes (INFO) need -v.
_LEVELS = {-1: logging.ERROR, 0: logging.WARNING, 1: logging.INFO, 2: logging.DEBUG}


class _StderrHandler(logging.Handler):
    """Writes to the *current* sys.stderr (a test runner may swap it), message only."""

    def emit(self, record: logging.LogRecord) -> None:
        try:
            msg = self.format(record)
            if not msg.startswith("crosscheck:"):
                msg = f"crosscheck: {record.levelname.lower()}: {msg}"
            sys.stderr.write(msg + "\n")
        except Exception:  # pragma: no cover - logging must never break a run
            self.handleError(record)


_HANDLER = _StderrHandler()
_verbosity = 0


def set_verbosity(level: int) -> None:
    """-1 quiet, 0 default, 1 notes, 2 details; the crosscheck logger follows."""
    global _verbosity
    _verbosity = max(-1, min(2, level))
    if _HANDLER not in LOG.handlers:
        LOG.addHandler(_HANDLER)
    LOG.setLevel(_LEVELS[_verbosity])


def verbosity() -> int:
    return _verbosity


def note(message: str) -> None:
    """A line for people on stderr (e.g. 'wrote …'), silenced by -q."""
    if _verbosity >= 0:
        typer.echo(message, err=True)


# --------------------------------------------------------------------------- shared options

RULES_HELP = ("Rules directory (default: $CROSSCHECK_RULES, else 'rules' in crosscheck.toml / "
              "[tool.crosscheck], else the built-in rules).")
SHARED_EPILOG = ("Every command also takes --rules DIR, -q/--quiet and -v/--verbose "
                 "(see 'crosscheck --help').")
_QUIET = ("-q", "--quiet")
_VERBOSE = ("-v", "--verbose", "-vv", "-vvv")


def _options_of(command: Any) -> set[str]:
    return {opt for p in getattr(command, "params", []) for opt in (getattr(p, "opts", None) or [])}


def _target(group: Any, args: list[str]) -> Any:
    """The (sub)command `args` run, following nested groups; None when there is none."""
    command = None
    commands = getattr(group, "commands", {})
    skip = False
    for arg in args:
        if arg == "--":
            break
        if skip:
            skip = False
            continue
        if arg.startswith("-"):
            skip = arg == "--rules"
            continue
        found = commands.get(arg)
        if found is None:
            break
        command = found
        commands = getattr(found, "commands", None) or {}
        if not commands:
            break
    return command


def take_shared_options(group: Any, args: list[str]) -> list[str]:
    """Apply --rules, -q and -v wherever they stand (before `--`), and return the other args.

    A command that declares one of these options itself keeps it (ingest, check and
    baseline pass --rules on to their settings; the rules directory is set here as well).
    """
    own = _options_of(_target(group, args))
    out: list[str] = []
    rules: Optional[str] = None
    level: Optional[int] = None
    i = 0
    while i < len(args):
        arg = args[i]
        if arg == "--":
            out.extend(args[i:])
            break
        if arg == "--rules" or arg.startswith("--rules="):
            value = arg.split("=", 1)[1] if "=" in arg else (args[i + 1] if i + 1 < len(args) else None)
            width = 1 if "=" in arg else 2
            if value is None:
                out.append(arg)  # let the parser say that --rules needs a value
            else:
                rules = value
                if "--rules" in own:
                    out.extend(args[i:i + width])
            i += width
            continue
        if arg in _QUIET and arg not in own:
            level = -1
        elif arg in _VERBOSE and arg not in own:
            n = arg.count("v") if arg.startswith("-v") else 1
            level = -1 if level == -1 else max(level or 0, 0) + n
        else:
            out.append(arg)
        i += 1
    if rules:
        from crosscheck.ruleset.resources import use_rules_dir

        use_rules_dir(rules)
    if level is not None:
        set_verbosity(level)
    return out


class CrosscheckGroup(TyperGroup):
    """The root group: --rules, -q and -v work with every command, whoever registered it."""

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        for sub in self.commands.values():
            _add_epilog(sub)

    def parse_args(self, ctx: Any, args: list[str]) -> list[str]:
        reset_options()  # every run starts from the defaults, also several in one process
        return super().parse_args(ctx, take_shared_options(self, list(args)))

    def invoke(self, ctx: Any) -> Any:
        try:
            return super().invoke(ctx)
        finally:  # and leaves nothing behind for library calls made later in the process
            reset_options()


def _add_epilog(command: Any) -> None:
    for sub in (getattr(command, "commands", None) or {}).values():
        _add_epilog(sub)
    if not getattr(command, "commands", None):
        command.epilog = f"{command.epilog}\n\n{SHARED_EPILOG}" if getattr(command, "epilog", None) else SHARED_EPILOG


app = typer.Typer(
    name="crosscheck",
    cls=CrosscheckGroup,
    help="Find numeric claims in Arabic news and flag the ones that disagree.",
    no_args_is_help=True,
    add_completion=True,
    pretty_exceptions_enable=False,
)


def _print_version(value: bool) -> None:
    if value:
        typer.echo(f"crosscheck {__version__}")
        raise typer.Exit(0)


@app.callback()
def _root(
    version: bool = typer.Option(False, "--version", help="Print the version and exit.",
                                 callback=_print_version, is_eager=True),
    rules: Optional[str] = typer.Option(None, "--rules", metavar="DIR", help=RULES_HELP, show_default=False),
    quiet: bool = typer.Option(False, "-q", "--quiet", help="Only errors on stderr (no notes)."),
    verbose: int = typer.Option(0, "-v", "--verbose", count=True, help="Notes on stderr (-v), and details (-vv)."),
) -> None:
    """Find numeric claims in Arabic news and flag the ones that disagree."""
    # --rules, -q and -v are taken out of the arguments and applied by
    # CrosscheckGroup.parse_args (wherever they stand); they are declared here for --help.


def reset_options() -> None:
    """Back to the defaults (each run in one process, e.g. tests, starts from the same state)."""
    from crosscheck.ruleset.resources import use_rules_dir

    use_rules_dir(None)
    set_verbosity(0)


def _one_line(text: str) -> str:
    """`text` with line breaks and other control characters escaped (an input's name is untrusted)."""
    return "".join(c if c.isprintable() or c == " " else repr(c)[1:-1] for c in text)


def run_safely(fn: Callable[[], T]) -> T:
    """Run `fn`; on a CrosscheckError print 'crosscheck: error: …' to stderr and exit.

    Any other exception is a bug: one line naming the input in work (crosscheck.errors.reading)
    and exit status 2 (never 1, which `check` uses for "conflicts found"); -v (or
    CROSSCHECK_DEBUG=1) adds the traceback."""
    try:
        return fn()
    except CrosscheckError as exc:
        # one line, whatever the message echoes (a file name or an id may hold a line break)
        typer.echo(f"crosscheck: error: {_one_line(str(exc))}", err=True)
        raise typer.Exit(exc.exit_code) from None
    except KeyboardInterrupt:
        typer.echo("crosscheck: interrupted", err=True)
        raise typer.Exit(130) from None
    except BrokenPipeError:  # e.g. `crosscheck extract … | head`
        sys.stderr.close()
        raise typer.Exit(0) from None
    except (typer.Exit, typer.Abort, SystemExit):
        raise
    except Exception as exc:  # the one top-level guard: a bug must not reach a user as a traceback
        where = _one_line(input_of(exc) or "the input")
        detail = _one_line(" ".join(str(exc).split())[:200])
        typer.echo(
            f"crosscheck: error: {where}: unexpected {type(exc).__name__}"
            f"{': ' + detail if detail else ''} (a bug in crosscheck; please report it with this "
            "input; -v shows the traceback)",
            err=True,
        )
        if verbosity() >= 1 or os.environ.get("CROSSCHECK_DEBUG"):
            traceback.print_exc(file=sys.stderr)
        raise typer.Exit(2) from None
