"""The `newslint` command's entry point: the common `check` forms started without typer.

`newslint check story.txt` is what a pre-commit hook and an editor run, on one or a few
stories: importing typer and click and building the command from its annotated signature cost
such a run about 0.05 s of CPU, more than checking a short story (measured). So the common
forms are read here, with the meaning the typer command gives them, and handed to
`newslint.cli_check.run_check`, the function the typer command calls:

    check [PATHS]... [--fix] [--unsafe-fixes] [--diff] [--exit-zero] [--exit-non-zero-on-fix]
          [--statistics] [-q|--quiet] [--format F] [-j|--jobs N] [--select S] [--extend-select S]
          [--ignore S]

(an option's value as the next word or after `=`). Anything else (other options, help,
version, a value typer would refuse, another command) is left to typer, which parses it, says
what is wrong and prints the help, as before. Exits and what is said on stderr are those of
the typer command: its exit codes, typer's echo, a closed pipe ends the run quietly with 1.
"""

from __future__ import annotations

import atexit
import errno
import os
import sys
from typing import Any

FLAGS = {
    "--fix": "fix",
    "--unsafe-fixes": "unsafe_fixes",
    "--diff": "diff",
    "--exit-zero": "exit_zero",
    "--exit-non-zero-on-fix": "exit_non_zero_on_fix",
    "--statistics": "statistics",
    "--quiet": "quiet",
    "-q": "quiet",
}
LISTS = {"--select": "select", "--extend-select": "extend_select", "--ignore": "ignore"}
VALUES = {"--format": "output_format", "--jobs": "jobs", "-j": "jobs"}
FORMATS = ("text", "json", "github", "gitlab", "sarif")


def parse(argv: list[str]) -> dict[str, Any] | None:
    """`run_check`'s arguments for a command line of the common forms, or None: typer's."""
    if not argv or argv[0] != "check":
        return None
    options: dict[str, Any] = {}
    paths: list[str] = []
    words = iter(argv[1:])
    for word in words:
        if word == "-" or not word.startswith("-"):
            paths.append(word)
            continue
        name, equals, value = word.partition("=") if word.startswith("--") else (word, "", "")
        if name in FLAGS and not equals:
            options[FLAGS[name]] = True
            continue
        if name not in LISTS and name not in VALUES:
            return None  # help, another option, a short option with its value attached
        if not equals:
            value = next(words, "-")
            if value.startswith("-"):  # typer would take it as the value (or say one is missing)
                return None
        if name in LISTS:
            options.setdefault(LISTS[name], []).append(value)
            continue
        key = VALUES[name]
        if key in options:
            return None  # given twice: left to typer
        if key == "jobs":
            if not (value.isascii() and value.isdigit() and int(value) >= 1):
                return None
            options[key] = int(value)
        elif value in FORMATS:
            options[key] = value
        else:
            return None
    if paths:
        options["paths"] = paths
    return options


def entry() -> None:
    """The `newslint` command (and `python -m newslint`): `main`, ending a check run with an
    exit that does not free the run's objects one by one (`_exit`)."""
    main(fast_exit=True)


def _exit(code: object) -> None:
    """`os._exit(code)` after what a normal exit does that a user sees: the interpreter's
    teardown of the modules, the word tables and the memos costs a check of one story about
    30 ms of CPU, a sixth of its run (measured). The standard streams are flushed and the
    atexit functions run (the pattern cache written, a worker pool ended). Returns, for the
    normal exit, when that cannot be done the same way: a stream that cannot be flushed (the
    normal exit reports it, as before), threads still running, a profiler or tracer
    (coverage) whose report is written after the program returns."""
    if code is not None and type(code) is not int:
        return  # a message to print: the normal exit prints it
    if sys.getprofile() is not None or sys.gettrace() is not None:
        return  # a profiler's or coverage's report is written after the program returns
    threading = sys.modules.get("threading")
    if threading is not None and threading.active_count() > 1:
        return  # a normal exit waits for them
    try:
        sys.stdout.flush()
        sys.stderr.flush()
    except (OSError, ValueError):
        return  # the normal exit reports it, as before
    atexit._run_exitfuncs()
    try:
        sys.stdout.flush()
        sys.stderr.flush()
    except (OSError, ValueError):
        pass  # an atexit function wrote to a stream gone away: nothing more to tell
    os._exit(code or 0)


def _completing() -> bool:
    """A shell asks click for completions (`_NEWSLINT_COMPLETE=...`): typer's to answer."""
    return any(name.startswith("_") and name.endswith("_COMPLETE") for name in os.environ)


def main(fast_exit: bool = False) -> None:
    """Runs the command; `fast_exit`: a check run ends with `_exit` (the command's entry)."""
    from newslint import _re_cache

    _re_cache.install()  # before the engine and the rules compile their patterns
    # On Windows click expands wildcards in the arguments: typer's too.
    options = None if _completing() or os.name == "nt" else parse(sys.argv[1:])
    if options is None:
        from newslint.cli import main as typer_main

        typer_main()
        return
    try:
        _check(options)
    except SystemExit as exc:
        if fast_exit:
            _exit(exc.code)
        raise


def _check(options: dict[str, Any]) -> None:
    """`run_check` with the options read; exits (SystemExit) with the command's code."""
    try:
        from newslint.cli_check import OutputFormat, run_check

        if "output_format" in options:
            options["output_format"] = OutputFormat(options["output_format"])
        try:
            run_check(**options)
        except KeyboardInterrupt:
            sys.exit(130)  # as click ends a command stopped by Ctrl-C: quietly
        except OSError as exc:
            if exc.errno != errno.EPIPE:
                raise
            _pipe_closed()
        sys.exit(0)
    except KeyboardInterrupt:
        _say("newslint: interrupted")
        sys.exit(130)
    except Exception as exc:  # never a traceback for a user; NEWSLINT_DEBUG=1 shows it
        if os.environ.get("NEWSLINT_DEBUG"):
            raise
        from newslint.quoting import printable

        _say(
            printable(
                f"newslint: internal error: {type(exc).__name__}: {exc} "
                "(set NEWSLINT_DEBUG=1 for details; please report it)"
            )
        )
        sys.exit(2)


def _pipe_closed() -> None:
    """The reader of the report went away (`newslint check | head`): as click does, exit 1
    and keep Python from complaining when it flushes the streams at exit."""
    from typer._click.utils import PacifyFlushWrapper

    sys.stdout = PacifyFlushWrapper(sys.stdout)
    sys.stderr = PacifyFlushWrapper(sys.stderr)
    sys.exit(1)


def _say(message: str) -> None:
    from newslint.cli_check import echo

    echo(message, err=True)
