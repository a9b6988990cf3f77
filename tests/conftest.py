"""Shared test helpers."""

from __future__ import annotations

import os
import pickle
import sys
from collections.abc import Callable
from pathlib import Path
from typing import TypeVar

import pytest
from filelock import FileLock
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

T = TypeVar("T")


def shared_root(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The test run's temporary folder: under xdist, the one every worker's folder is in."""
    root = tmp_path_factory.getbasetemp()
    return root.parent if os.environ.get("PYTEST_XDIST_WORKER") else root


def built_once(tmp_path_factory: pytest.TempPathFactory, name: str, build: Callable[[], T]) -> T:
    """`build()`, made once a test run however many xdist workers ask: the first builds it under
    a file lock and pickles it into the run's shared folder, the others wait and read it. For a
    costly fixture that already uses every core (newslint over the evaluation set, a fixing run
    over the corpora): built on two workers at once, each took twice as long. Check skips before
    calling: a `build` that fails leaves nothing, and the next worker tries again."""
    path = shared_root(tmp_path_factory) / f"{name}.pickle"
    with FileLock(f"{path}.lock"):
        if path.is_file():
            return pickle.loads(path.read_bytes())  # type: ignore[no-any-return]
        value = build()
        part = path.with_suffix(".part")
        part.write_bytes(pickle.dumps(value))
        part.replace(path)
        return value


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
