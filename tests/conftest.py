"""Shared test helpers."""

from __future__ import annotations

import os
import sys
from pathlib import Path

import pytest
from hypothesis.configuration import set_hypothesis_home_dir

ROOT = Path(__file__).resolve().parent.parent
# Hypothesis keeps its example database and caches in ./.hypothesis unless told otherwise: keep
# them in the user's cache folder, out of the working tree (HYPOTHESIS_STORAGE_DIRECTORY wins).
HYPOTHESIS_HOME = Path(
    os.environ.get("HYPOTHESIS_STORAGE_DIRECTORY")
    or Path(os.environ.get("XDG_CACHE_HOME") or Path.home() / ".cache") / "newslint" / "hypothesis"
)
set_hypothesis_home_dir(HYPOTHESIS_HOME)
# The read-only inputs beside the checkout (eval set, corpora); NEWSLINT_SHARED points elsewhere.
SHARED = Path(os.environ.get("NEWSLINT_SHARED", ROOT.parent / "shared"))


@pytest.fixture
def run_cli(tmp_path):
    """Run the real `newslint` console entry in a subprocess: (exit code, stdout, stderr)."""
    import subprocess

    def run(*args: str, input: bytes | str | None = None, cwd: Path | None = None, env: dict | None = None):
        data = input.encode("utf-8") if isinstance(input, str) else input
        proc = subprocess.run(
            [sys.executable, "-m", "newslint", *args],
            input=data,
            capture_output=True,
            cwd=cwd or tmp_path,
            env={**os.environ, "NO_COLOR": "1", **(env or {})},
        )
        return proc.returncode, proc.stdout.decode("utf-8", "replace"), proc.stderr.decode("utf-8", "replace")

    return run


def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    """The tests marked `long` first, in their order (a stable sort keeps each module's tests
    together, so no module fixture is built twice): two workers that start the longest tests last
    end apart by one of them."""
    items.sort(key=lambda item: item.get_closest_marker("long") is None)
