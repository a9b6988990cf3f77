"""The shipped data is what its build scripts make from the inputs their manifests name.

The fast test reads only the repository: every output a manifest lists has the checksum the
build recorded (no hand edit since). The slow tests rebuild from ../shared/data with `--check`
(skipped, with the reason, where those inputs are absent).
"""

from __future__ import annotations

import hashlib
import shutil
import subprocess
import sys
import tomllib
from pathlib import Path

import pytest

from tests.conftest import ROOT, SHARED

BUILDS = {
    "build_typo_data.py": ROOT / "rules" / "typos" / "data",
    "build_variety_data.py": ROOT / "rules" / "naming" / "data",
    "build_context_data.py": ROOT / "rules" / "typos" / "data",
    "build_foreign_data.py": ROOT / "rules" / "typos" / "data",
}
# The manifest of each build; three builds share the typos data folder.
MANIFESTS = {"build_context_data.py": "PAIRS-MANIFEST.toml", "build_foreign_data.py": "FOREIGN-MANIFEST.toml"}


@pytest.mark.parametrize("script", sorted(BUILDS))
def test_shipped_outputs_have_the_checksums_of_their_build(script):
    folder = BUILDS[script]
    name = MANIFESTS.get(script, "BUILD-MANIFEST.toml")
    manifest = tomllib.loads((folder / name).read_text(encoding="utf-8"))
    assert manifest["script"] == f"scripts/{script}"
    assert manifest["input"] and manifest["output"]
    for output in manifest["output"]:
        digest = hashlib.sha256((folder / output["path"]).read_bytes()).hexdigest()
        assert digest == output["sha256"], f"{folder / output['path']} changed since {script} wrote it"


def _check(script: str, shared: Path) -> subprocess.CompletedProcess[str]:
    command = [sys.executable, str(ROOT / "scripts" / script), "--check", "--shared", str(shared)]
    return subprocess.run(command, capture_output=True, text=True, timeout=600, check=False)


def _needs_inputs(script: str) -> None:
    if script == "build_context_data.py":  # reads the shipped word list and symspellpy's bigrams
        pytest.importorskip("symspellpy", reason="the bigram list comes from symspellpy")
        return
    if script == "build_foreign_data.py":  # reads the shipped word lists and pyspellchecker's
        pytest.importorskip("spellchecker", reason="the foreign word lists come from pyspellchecker")
        return
    if not (SHARED / "data").is_dir():
        pytest.skip(f"the build inputs are not at {SHARED / 'data'} (set NEWSLINT_SHARED)")
    if script == "build_typo_data.py":
        pytest.importorskip("spellchecker", reason="the frequency list comes from pyspellchecker")


@pytest.mark.slow
@pytest.mark.parametrize("script", sorted(BUILDS))
def test_rebuild_matches_the_shipped_files_byte_for_byte(script):
    _needs_inputs(script)
    done = _check(script, SHARED)
    assert done.returncode == 0, done.stdout + done.stderr
    assert "are as the build makes them" in done.stdout


@pytest.mark.slow
def test_check_names_what_a_changed_input_changes(tmp_path):
    """One VarCon line dropped: --check fails and names the table and the manifest."""
    _needs_inputs("build_variety_data.py")
    varcon = tmp_path / "data" / "varcon"
    shutil.copytree(SHARED / "data" / "varcon", varcon)
    source = (varcon / "varcon.txt").read_text(encoding="latin-1").splitlines(keepends=True)
    line = next(i for i, text in enumerate(source) if text.startswith("A Cv DV: color / "))
    (varcon / "varcon.txt").chmod(0o644)
    (varcon / "varcon.txt").write_text("".join(source[:line] + source[line + 1 :]), encoding="latin-1")
    done = _check("build_variety_data.py", tmp_path)
    assert done.returncode == 1, done.stdout + done.stderr
    assert "rules/naming/data/varieties.tsv: differs from a rebuild" in done.stdout
    assert "rules/naming/data/BUILD-MANIFEST.toml: differs from a rebuild" in done.stdout
