"""The `newslint` entry point's fast path (lint/cli_fast.py): the common `check` forms run
without typer, and say, write and exit exactly as the typer command does; everything else is
typer's."""

from __future__ import annotations

import inspect
import os
import subprocess
import sys
from pathlib import Path

import pytest

from newslint import cli, cli_check, cli_fast

DOUBLED = "Talks resume\n\nThe the talks resumed on Monday.\n"  # NL103, a safe fix
MIXED = "Talks resume\n\nThe the officials met the ministrs on Monday.\n"  # and an unsafe NL101 fix
CLEAN = "Talks resume in Geneva\n\nDiplomats met in Geneva on Monday to resume the talks.\n"


@pytest.mark.parametrize(
    ("argv", "options"),
    [
        (["check", "a.txt"], {"paths": ["a.txt"]}),
        (["check"], {}),
        (["check", "-"], {"paths": ["-"]}),
        (
            ["check", "--quiet", "a", "--exit-zero", "-j", "1", "b", "--format=json"],
            {"quiet": True, "exit_zero": True, "jobs": 1, "output_format": "json", "paths": ["a", "b"]},
        ),
        (
            ["check", "--select", "NL1", "--select=NL5", "--ignore", "NL101", "--extend-select", "NL9", "x"],
            {"select": ["NL1", "NL5"], "ignore": ["NL101"], "extend_select": ["NL9"], "paths": ["x"]},
        ),
        (
            ["check", "--fix", "--unsafe-fixes", "--diff", "--statistics", "-q", "--exit-non-zero-on-fix"],
            {
                "fix": True,
                "unsafe_fixes": True,
                "diff": True,
                "statistics": True,
                "quiet": True,
                "exit_non_zero_on_fix": True,
            },
        ),
        (["check", "--jobs", "12", ""], {"jobs": 12, "paths": [""]}),
    ],
)
def test_the_common_forms_are_read_without_typer(argv, options):
    assert cli_fast.parse(argv) == options


@pytest.mark.parametrize(
    "argv",
    [
        [],
        ["--version"],
        ["rules"],
        ["learn", "x"],
        ["check", "--help"],
        ["check", "-h"],
        ["check", "a", "--config", "c.toml"],
        ["check", "--format", "xml", "a"],  # typer says which formats there are
        ["check", "--format", "JSON", "a"],
        ["check", "--jobs", "0", "a"],  # typer's range check
        ["check", "--jobs", "+2", "a"],
        ["check", "-j2", "a"],
        ["check", "--jobs", "1", "--jobs", "2", "a"],
        ["check", "--select"],  # a value is missing
        ["check", "--select", "--fix", "a"],
        ["check", "--fix=yes", "a"],
        ["check", "--", "-a"],
        ["check", "-qj", "1"],
        ["check", "--jsonl", "c.jsonl"],
        ["check", "--stdin-filename", "x.txt", "-"],
    ],
)
def test_anything_else_is_left_to_typer(argv):
    assert cli_fast.parse(argv) is None


def test_run_check_takes_what_the_typer_command_takes_with_the_same_defaults():
    typer_side = inspect.signature(cli.check).parameters
    plain = inspect.signature(cli_check.run_check).parameters
    assert list(typer_side) == list(plain)
    assert {k: p.default for k, p in typer_side.items()} == {k: p.default for k, p in plain.items()}
    for name in set(cli_fast.FLAGS.values()) | set(cli_fast.LISTS.values()) | set(cli_fast.VALUES.values()):
        assert name in plain
    assert set(cli_fast.FORMATS) == {f.value for f in cli_check.OutputFormat}


_RUN = """
import sys
sys.argv = ["newslint", *sys.argv[1:]]
try:
    from newslint.{module} import main
    main()
finally:
    print("typer imported:", "typer" in sys.modules, file=sys.stderr)
"""


def _run(module: str, args: list[str], cwd: Path, stdin: bytes | None = None) -> tuple[int, bytes, bytes]:
    """`module`'s `main` run on ARGS; module "-m": `python -m newslint ARGS`, the command's entry
    (whose check runs end with `os._exit`)."""
    command = ["-m", "newslint"] if module == "-m" else ["-c", _RUN.format(module=module)]
    proc = subprocess.run(
        [sys.executable, *command, *args],
        cwd=cwd,
        input=stdin,
        capture_output=True,
        timeout=120,
        env={**os.environ, "NO_COLOR": "1"},
    )
    return proc.returncode, proc.stdout, proc.stderr


def _both(args: list[str], cwd: Path, stdin: bytes | None = None, files: dict[str, str] | None = None):
    """The fast entry's run and the typer command's, each on fresh copies of `files`."""
    runs = []
    for module in ("cli_fast", "cli"):
        for name, text in (files or {}).items():
            (cwd / name).write_text(text, encoding="utf-8")
        code, out, err = _run(module, args, cwd, stdin)
        written = {name: (cwd / name).read_text(encoding="utf-8") for name in files or {}}
        runs.append((code, out, err, written))
    return runs


@pytest.mark.parametrize(
    ("args", "stdin"),
    [
        (["check", "story.txt", "clean.txt"], None),
        (["check", "--quiet", "--exit-zero", "--jobs", "1", "story.txt"], None),
        (["check", "--format", "json", "--statistics", "story.txt", "clean.txt"], None),
        (["check", "--fix", "story.txt"], None),
        (["check", "--fix", "--unsafe-fixes", "--exit-non-zero-on-fix", "story.txt"], None),
        (["check", "--diff", "story.txt"], None),
        (["check", "--select", "NL1", "--ignore", "NL103", "story.txt"], None),
        (["check", "missing.txt", "story.txt"], None),  # an error said on stderr, exit 2
        (["check", "--select", "NL999", "story.txt"], None),  # a usage error
        (["check", "-"], MIXED.encode()),
        (["check", "--fix", "-"], MIXED.encode()),
        (["check", "-j", "2", "story.txt", "clean.txt"], None),
        (["check", "--format", "sarif", "story.txt"], None),
    ],
)
def test_the_fast_path_says_writes_and_exits_as_the_typer_command(tmp_path, args, stdin):
    (fast_code, fast_out, fast_err, fast_files), (code, out, err, files) = _both(
        args, tmp_path, stdin, {"story.txt": MIXED, "clean.txt": CLEAN}
    )
    said, imported = fast_err.rsplit(b"typer imported: ", 1)
    assert said or imported == b"False\n"  # typer imported only to say something on stderr
    assert err.endswith(b"typer imported: True\n")
    assert (fast_code, fast_out, fast_err.rsplit(b"typer imported", 1)[0], fast_files) == (
        code,
        out,
        err.rsplit(b"typer imported", 1)[0],
        files,
    )


def test_a_check_that_says_nothing_on_stderr_never_imports_typer(tmp_path):
    (tmp_path / "story.txt").write_text(DOUBLED, encoding="utf-8")
    code, out, err = _run("cli_fast", ["check", "story.txt"], tmp_path)
    assert code == 1 and out.startswith(b"story.txt:3:5: NL103")
    assert err == b"typer imported: False\n"


def test_forms_left_to_typer_run_as_before(tmp_path):
    for args in (["check", "--help"], ["--version"], ["check", "--format", "xml", "x"], []):
        fast, typer_run = (_run(m, args, tmp_path) for m in ("cli_fast", "cli"))
        assert fast == typer_run
    assert b"Usage:" in _run("cli_fast", ["check", "--help"], tmp_path)[1]


def test_a_closed_pipe_ends_the_run_quietly_with_1_as_click_does(tmp_path):
    (tmp_path / "story.txt").write_text(DOUBLED * 200, encoding="utf-8")
    results = []
    for module in ("cli_fast", "cli"):
        proc = subprocess.Popen(
            [sys.executable, "-c", _RUN.format(module=module), "check", "story.txt"],
            cwd=tmp_path,
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
        )
        assert proc.stdout is not None and proc.stderr is not None
        proc.stdout.close()  # the reader went away before the report was written
        err = proc.stderr.read()
        results.append((proc.wait(timeout=120), err.rsplit(b"typer imported", 1)[0]))
    assert results[0] == results[1] == (1, b"")


@pytest.mark.parametrize(
    ("args", "stdin"),
    [
        (["check", "story.txt", "clean.txt"], None),
        (["check", "--format", "json", "--statistics", "story.txt", "clean.txt"], None),
        (["check", "--fix", "--unsafe-fixes", "--exit-non-zero-on-fix", "story.txt"], None),
        (["check", "missing.txt", "story.txt"], None),  # an error said on stderr, exit 2
        (["check", "--select", "NL999", "story.txt"], None),  # a usage error
        (["check", "--fix", "-"], MIXED.encode()),
        (["check", "-j", "2", "story.txt", "clean.txt"], None),
    ],
)
def test_the_command_ending_without_teardown_says_writes_and_exits_as_main(tmp_path, args, stdin):
    """`entry` ends a check with `os._exit` after flushing the streams and running the atexit
    functions: what it says, writes and exits with are `main`'s, which ends as Python does."""
    runs = []
    for module in ("entry", "main"):
        (tmp_path / "story.txt").write_text(MIXED, encoding="utf-8")
        (tmp_path / "clean.txt").write_text(CLEAN, encoding="utf-8")
        code, out, err = _run("-m" if module == "entry" else "cli_fast", args, tmp_path, stdin)
        err = err.rsplit(b"typer imported", 1)[0]
        runs.append((code, out, err, (tmp_path / "story.txt").read_text(encoding="utf-8")))
    assert runs[0] == runs[1]
    assert runs[0][1] or runs[0][2]  # it said something


def test_the_command_runs_its_atexit_functions_before_ending(tmp_path):
    """The pattern cache is written at exit (an atexit function): `entry` writes it too."""
    (tmp_path / "story.txt").write_text(DOUBLED, encoding="utf-8")
    probe = (
        "import atexit, sys, runpy\n"
        "atexit.register(lambda: print('atexit ran', flush=True))\n"
        "sys.argv = ['newslint', 'check', 'story.txt']\n"
        "runpy.run_module('newslint', run_name='__main__')\n"
    )
    proc = subprocess.run([sys.executable, "-c", probe], cwd=tmp_path, capture_output=True, timeout=120)
    assert proc.returncode == 1
    assert proc.stdout.startswith(b"story.txt:3:5: NL103") and proc.stdout.endswith(b"atexit ran\n")


def test_a_closed_pipe_ends_the_command_quietly_with_1(tmp_path):
    (tmp_path / "story.txt").write_text(DOUBLED * 200, encoding="utf-8")
    proc = subprocess.Popen(
        [sys.executable, "-m", "newslint", "check", "story.txt"],
        cwd=tmp_path,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
    )
    assert proc.stdout is not None and proc.stderr is not None
    proc.stdout.close()  # the reader went away before the report was written
    assert (proc.wait(timeout=120), proc.stderr.read()) == (1, b"")
