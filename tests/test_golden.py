"""Golden end-to-end stories: the CLI's text report and its --fix output, stored beside each story.

Regenerate after an intended change with `NEWSLINT_UPDATE_GOLDEN=1 python -m pytest tests/test_golden.py`
and read the diff before committing.
"""

from __future__ import annotations

import os
import shutil
from pathlib import Path

import pytest

STORIES = Path(__file__).parent / "golden" / "stories"
UPDATE = bool(os.environ.get("NEWSLINT_UPDATE_GOLDEN"))
RUNS = [
    (story, ())
    for story in sorted(STORIES.iterdir())
    if story.suffix in (".txt", ".md") and ".report" not in story.name and ".fixed" not in story.name
]
RUNS.append((STORIES / "syria-airstrikes.txt", ("--style", "ap")))


def _expect(path: Path, actual: str) -> None:
    if UPDATE:
        path.write_text(actual, encoding="utf-8")
    assert path.is_file(), f"missing {path.name}: run with NEWSLINT_UPDATE_GOLDEN=1"
    assert actual == path.read_text(encoding="utf-8")


@pytest.mark.parametrize("story, extra", RUNS, ids=[s.stem + "".join(e) for s, e in RUNS])
def test_golden_story(run_cli, tmp_path, story, extra):
    suffix = "".join(a.lstrip("-") for a in extra)
    stem = story.stem + (f".{suffix}" if suffix else "")
    work = tmp_path / story.name
    shutil.copyfile(story, work)
    code, report, err = run_cli("check", *extra, story.name, cwd=tmp_path)
    assert code in (0, 1), err
    _expect(STORIES / f"{stem}.report.txt", report)
    code, _, err = run_cli("check", "--fix", *extra, story.name, cwd=tmp_path)
    assert code in (0, 1), err
    _expect(STORIES / f"{stem}.fixed{story.suffix}", work.read_text(encoding="utf-8"))
