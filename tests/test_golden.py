"""Golden end-to-end stories: the CLI's text report and `--fix` output for each story in
tests/golden/stories/, compared with the files stored beside it:

    <stem>.report.txt    `newslint check <story>` (stdout, then the exit code)
    <stem>.fixed<suffix> the story after `--fix`

Regenerate after a deliberate change, then read the diff before committing:

    NEWSLINT_UPDATE_GOLDEN=1 python -m pytest tests/test_golden.py
"""
from __future__ import annotations

import os
from pathlib import Path

import pytest
from typer.testing import CliRunner

from newslint.cli import app

STORIES = Path(__file__).parent / "golden" / "stories"
UPDATE = os.environ.get("NEWSLINT_UPDATE_GOLDEN") == "1"
RUNNER = CliRunner()


def _is_story(path: Path) -> bool:
    return path.suffix in (".txt", ".md") and not any(path.stem.endswith(s) for s in (".report", ".fixed"))


CASES = sorted(p for p in STORIES.iterdir() if _is_story(p))


def run(args: list[str], data: bytes | None = None) -> tuple[int, str, str]:
    cwd = Path.cwd()
    os.chdir(STORIES)  # paths in the report are relative to the stories folder
    try:
        result = RUNNER.invoke(app, args, input=data, env={"NO_COLOR": "1"})
    finally:
        os.chdir(cwd)
    return result.exit_code, result.stdout, result.stderr


def compare(expected_file: Path, actual: str) -> None:
    if UPDATE:
        expected_file.write_bytes(actual.encode("utf-8"))
        return
    assert expected_file.is_file(), f"{expected_file.name} is missing; run with NEWSLINT_UPDATE_GOLDEN=1"
    assert actual == expected_file.read_bytes().decode("utf-8"), (
        f"{expected_file.name} differs; if the change is intended, regenerate with NEWSLINT_UPDATE_GOLDEN=1")


@pytest.mark.parametrize("story", CASES, ids=[p.name for p in CASES])
def test_report(story):
    code, out, err = run(["check", story.name])
    assert err == ""
    compare(story.with_name(f"{story.stem}.report.txt"), f"{out}exit code {code}\n")


@pytest.mark.parametrize("story", CASES, ids=[p.name for p in CASES])
def test_fixed_text(story):
    data = story.read_bytes()
    code, out, _ = run(["check", "-", "--fix", "--stdin-filename", story.name], data)
    assert code in (0, 1)
    compare(story.with_name(f"{story.stem}.fixed{story.suffix}"), out)
    # The stored fixed text is itself stable: fixing it again changes nothing.
    again, out2, _ = run(["check", "-", "--fix", "--stdin-filename", story.name], out.encode("utf-8"))
    assert out2 == out


def test_there_are_golden_stories():
    names = {p.name for p in CASES}
    assert "syria-airstrikes.txt" in names and len(names) >= 4
