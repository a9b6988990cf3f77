"""Bad input through the whole CLI, races while fixing, bad config, and property tests of the fixer."""
from __future__ import annotations

import codecs
import multiprocessing
import os
import stat
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings, strategies as st
from typer.testing import CliRunner

from newslint.cli import app
from newslint.config import Settings
from newslint.fix import apply_fixes, fix_until_stable
from newslint.lint import Linter
from newslint.violation import Applicability

DIRTY = "Talks resume in Geneva\n\nThe minister said the the talks  failed. Rebels agreed.\n"


def run(*args: str, input: str | None = None):
    result = CliRunner().invoke(app, list(args), input=input)
    return result.exit_code, result.stdout, result.stderr


@pytest.fixture
def tree(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    good = tmp_path / "good.txt"
    good.write_text(DIRTY, encoding="utf-8")
    return tmp_path


BAD_INPUTS = {
    "binary.txt": (b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00", "binary"),
    "nul.txt": (b"Talks\x00resume\n", "binary"),
    "utf16.txt": (codecs.BOM_UTF16_LE + "Talks resume.\n".encode("utf-16-le"), None),
    "empty.txt": (b"", None),
    "cp1252.txt": ("He said \u201cno\u201d.\n".encode("cp1252"), "read as Windows-1252"),
    "quotes.txt": ('"He said \'they said "no" and "yes\' and left.\n\n""""\'\'\n'.encode(), None),
}


@pytest.mark.parametrize("name", sorted(BAD_INPUTS))
def test_bad_input_is_one_line_and_the_run_goes_on(tree, name):
    data, message = BAD_INPUTS[name]
    (tree / name).write_bytes(data)
    code, out, err = run("check", "--format", "json", name, "good.txt")
    assert code in (0, 1), err  # a warning is not an error; good.txt was still checked
    assert "good.txt" in out
    if message:
        lines = [line for line in err.splitlines() if name in line]
        assert len(lines) == 1 and message in lines[0] and lines[0].startswith("newslint: warning:")


def test_unreadable_file_exit_two_and_others_checked(tree, monkeypatch):
    (tree / "big.txt").write_bytes(b"a" * 2000)
    (tree / "newslint.toml").write_text("max-file-size = 1000\n")
    code, out, err = run("check", "--format", "json", "big.txt", "good.txt")
    assert code == 2
    assert "good.txt" in out
    assert "big.txt: file too large" in err and "raise max-file-size" in err


def test_default_size_limit_refuses_a_50_megabyte_file(tree):
    with (tree / "huge.txt").open("wb") as fh:
        fh.truncate(50 * 1000 * 1000)
    code, _, err = run("check", "huge.txt")
    assert code == 2 and "huge.txt: file too large (50.0 MB > 10.5 MB)" in err


def test_a_five_megabyte_line_is_checked(tree):
    (tree / "line.txt").write_text("The minister said talks failed. " * 160_000, encoding="utf-8")
    code, _, err = run("check", "--quiet", "line.txt")
    assert code in (0, 1), err


def test_fix_writes_through_a_symlink(tree):
    (tree / "link.txt").symlink_to(tree / "good.txt")
    code, _, err = run("check", "--fix", "--exit-zero", "link.txt")
    assert code == 0, err
    assert (tree / "link.txt").is_symlink()
    assert (tree / "good.txt").read_text() != DIRTY or not Linter(Settings()).rules


def test_fix_of_a_read_only_file_keeps_it_read_only(tree):
    os.chmod(tree / "good.txt", 0o444)
    code, _, err = run("check", "--fix", "good.txt")
    assert code in (0, 1), err
    assert (tree / "good.txt").read_text() == Linter(Settings()).fix(DIRTY).text
    assert stat.S_IMODE((tree / "good.txt").stat().st_mode) == 0o444


def test_thousands_of_files(tree):
    folder = tree / "many"
    folder.mkdir()
    for i in range(2000):
        (folder / f"{i}.txt").write_text(f"Story {i}\n\nThe council met on Tuesday.\n", encoding="utf-8")
    code, out, err = run("check", "--format", "json", "--jobs", "1", "many")
    assert code in (0, 1), err


@pytest.mark.parametrize("toml,needle", [
    ("select = [\n", "newslint.toml"),
    ("no-such-key = 1\n", "no-such-key"),
    ("max-file-size = \"big\"\n", "max-file-size"),
])
def test_bad_config_names_file_and_key(tree, toml, needle):
    (tree / "newslint.toml").write_text(toml)
    code, _, err = run("check", "good.txt")
    assert code == 2
    assert needle in err and len(err.strip().splitlines()) <= 2


def _fix_in_process(path: str) -> None:
    CliRunner().invoke(app, ["check", "--fix", "--exit-zero", path])


def test_two_processes_fixing_one_file_never_leave_it_half_written(tree):
    path = tree / "good.txt"
    ctx = multiprocessing.get_context("fork")
    for _ in range(5):
        path.write_text(DIRTY, encoding="utf-8")
        procs = [ctx.Process(target=_fix_in_process, args=(str(path),)) for _ in range(2)]
        for p in procs:
            p.start()
        for p in procs:
            p.join(60)
        once = tree / "once.txt"
        once.write_text(DIRTY, encoding="utf-8")
        _fix_in_process(str(once))
        assert path.read_text(encoding="utf-8") in (DIRTY, once.read_text(encoding="utf-8"))
        assert sorted(p.name for p in tree.iterdir()) == ["good.txt", "once.txt"]


# --- properties -------------------------------------------------------------------------------

WORDS = st.sampled_from(["the", "The", "said", "minister", "talks", "failed", "Geneva", "  ", " ", ".", ",",
                         "\"", "'", "\u201c", "\u201d", "\u2019", "-", "--", "\u2014", "\n", "\n\n", "3", "1,000",
                         "per cent", "Mr", "U.S.", "teh", "recieve", "(", ")", "\t", "\u00a0", "\r\n", "#", "*"])
TEXTS = st.one_of(st.lists(WORDS, max_size=60).map("".join), st.text(max_size=200))
LINTER = Linter(Settings())


def _check(text: str):
    return LINTER.check(text).violations


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(TEXTS)
def test_check_never_crashes_and_spans_are_inside(text):
    for v in _check(text):
        assert 0 <= v.span.start <= v.span.end <= len(text)
        if v.fix is not None:
            for edit in v.fix.edits:
                assert 0 <= edit.span.start <= edit.span.end <= len(text)


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(TEXTS)
def test_one_pass_changes_only_inside_reported_spans(text):
    violations = _check(text)
    fixed, applied = apply_fixes(text, violations, Applicability.UNSAFE)
    edits = sorted((e.span.start, e.span.end) for v in applied for e in v.fix.edits)
    # outside the edits, the text is the same, in order
    cursor, kept = 0, []
    for start, end in edits:
        kept.append(text[cursor:start])
        cursor = end
    kept.append(text[cursor:])
    position = 0
    for piece in kept:
        found = fixed.find(piece, position)
        assert found >= 0
        position = found + len(piece)


@settings(max_examples=100, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(TEXTS)
def test_fixing_is_idempotent(text):
    from newslint.fix import FixError
    try:
        once = fix_until_stable(text, _check, Applicability.SAFE).text
    except FixError:
        return  # reported as a bug, file left alone: allowed, not a crash
    assert fix_until_stable(once, _check, Applicability.SAFE).text == once


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow, HealthCheck.function_scoped_fixture])
@given(st.binary(max_size=300))
def test_cli_survives_any_bytes(tmp_path_factory, data):
    folder = tmp_path_factory.mktemp("fuzz")
    path = folder / "story.txt"
    path.write_bytes(data)
    code, _, err = run("check", "--fix", "--unsafe-fixes", "--exit-zero", str(path))
    assert code in (0, 2), err
    assert "Traceback" not in err
    assert not [p for p in folder.iterdir() if p.name != "story.txt"]
