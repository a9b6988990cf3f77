"""The real pre-commit runs this checkout's hooks (`.pre-commit-hooks.yaml`) on a throwaway repo.

pre-commit builds the hooks' environment the way it does for users: it clones this checkout at
a commit and pip-installs it, so the first run needs the package index. When the index cannot
be reached the test is skipped, saying so.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from tests.conftest import ROOT, shared_root

pytestmark = [pytest.mark.slow, pytest.mark.long]

CLEAN = "Talks resume in Geneva\n\nThe talks resumed on Monday in Geneva.\n"
# NL001: a suppression that suppresses nothing; its fix deletes the comment line.
UNUSED = "Talks resume in Geneva\n\n<!-- newslint: ignore-next-line NL101 -->\nThe talks resumed on Monday.\n"
UNUSED_FIXED = "Talks resume in Geneva\n\nThe talks resumed on Monday.\n"
OFFLINE_SIGNS = (
    "Could not find a version",
    "No matching distribution",
    "Failed to establish",
    "Network is unreachable",
    "Temporary failure in name resolution",
    "ProxyError",
)


def _git(repo: Path, *args: str) -> str:
    return subprocess.run(["git", *args], cwd=repo, check=True, capture_output=True, text=True).stdout.strip()


@pytest.fixture(scope="module")
def checkout_rev() -> str:
    if shutil.which("git") is None or not (ROOT / ".git").exists():
        pytest.skip("needs git and a git checkout of newslint")
    if not (ROOT / ".pre-commit-hooks.yaml").is_file():
        pytest.fail(".pre-commit-hooks.yaml is missing")
    committed = subprocess.run(
        ["git", "ls-files", "--error-unmatch", ".pre-commit-hooks.yaml"], cwd=ROOT, capture_output=True
    )
    if committed.returncode != 0:
        pytest.skip(".pre-commit-hooks.yaml is not committed yet; pre-commit installs a commit")
    return _git(ROOT, "rev-parse", "HEAD")


@pytest.fixture(scope="module")
def pre_commit_home(tmp_path_factory) -> Path:
    """One pre-commit store for the session, so the hook env (a pip install that compiles the
    extension) is built once. Under xdist every worker's temporary folder is inside the session's:
    the workers share the store there, and pre-commit's own lock lets one build while the other waits."""
    home = shared_root(tmp_path_factory) / "pre-commit-home"
    home.mkdir(exist_ok=True)
    return home


def _repo(tmp_path: Path, rev: str, hook: str, stories: dict[str, str]) -> Path:
    repo = tmp_path / "newsroom"
    repo.mkdir()
    _git(repo, "init", "-q")
    _git(repo, "config", "user.email", "desk@example.com")
    _git(repo, "config", "user.name", "Desk")
    (repo / ".pre-commit-config.yaml").write_text(
        f"repos:\n- repo: {ROOT.as_posix()}\n  rev: {rev}\n  hooks:\n  - id: {hook}\n", encoding="utf-8"
    )
    for name, text in stories.items():
        (repo / name).parent.mkdir(parents=True, exist_ok=True)
        (repo / name).write_text(text, encoding="utf-8")
    _git(repo, "add", "-A")
    _git(repo, "commit", "-q", "-m", "stories")
    return repo


def _pre_commit(repo: Path, home: Path) -> subprocess.CompletedProcess:
    env = {**os.environ, "PRE_COMMIT_HOME": str(home), "NO_COLOR": "1"}
    proc = subprocess.run(
        [sys.executable, "-m", "pre_commit", "run", "--all-files", "--color", "never"],
        cwd=repo,
        capture_output=True,
        text=True,
        env=env,
        timeout=600,
    )
    out = proc.stdout + proc.stderr
    if proc.returncode == 3 or (
        "An unexpected error has occurred" in out and any(s in out for s in OFFLINE_SIGNS)
    ):
        pytest.skip(
            f"pre-commit could not build the hook environment (package index unreachable?):\n{out[-800:]}"
        )
    return proc


def test_check_hook_fails_on_a_story_with_problems(tmp_path, checkout_rev, pre_commit_home):
    repo = _repo(tmp_path, checkout_rev, "newslint", {"desk/clean.md": CLEAN, "desk/flagged.md": UNUSED})
    proc = _pre_commit(repo, pre_commit_home)
    assert proc.returncode == 1, proc.stdout + proc.stderr
    assert "newslint" in proc.stdout and "Failed" in proc.stdout
    assert "desk/flagged.md:3:1: NL001" in proc.stdout
    assert "clean.md" not in proc.stdout
    assert (repo / "desk/flagged.md").read_text(encoding="utf-8") == UNUSED  # the check hook writes nothing


def test_check_hook_passes_on_clean_stories(tmp_path, checkout_rev, pre_commit_home):
    repo = _repo(tmp_path, checkout_rev, "newslint", {"desk/clean.md": CLEAN, "wire/clean.txt": CLEAN})
    proc = _pre_commit(repo, pre_commit_home)
    assert proc.returncode == 0, proc.stdout + proc.stderr
    assert "Passed" in proc.stdout


def test_fix_hook_fixes_the_story(tmp_path, checkout_rev, pre_commit_home):
    repo = _repo(tmp_path, checkout_rev, "newslint-fix", {"desk/clean.md": CLEAN, "desk/flagged.md": UNUSED})
    proc = _pre_commit(repo, pre_commit_home)
    # pre-commit fails a hook that modified files, so the editor sees and stages the fix.
    assert proc.returncode == 1, proc.stdout + proc.stderr
    assert "files were modified by this hook" in proc.stdout
    assert (repo / "desk/flagged.md").read_text(encoding="utf-8") == UNUSED_FIXED
    assert (repo / "desk/clean.md").read_text(encoding="utf-8") == CLEAN
    again = _pre_commit(repo, pre_commit_home)
    assert again.returncode == 0, again.stdout + again.stderr
