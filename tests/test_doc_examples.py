"""The examples in README.md and docs/ are what the code prints: every ```console block that
starts with `$ newslint ...` is run from the repository's root, and its output (stdout, then
stderr, with the checkout's own path left out) must be the rest of the block. Example inputs
live in docs/examples/. After a change of message, run the command and paste its output.

The test also holds every relative link in those files to a file that exists.
"""

from __future__ import annotations

import os
import re
import shlex
from pathlib import Path

import pytest

from .conftest import ROOT

DOCS = [ROOT / "README.md", *sorted((ROOT / "docs").glob("*.md"))]
_EXAMPLE = re.compile(r"```console\n\$ (newslint [^\n]*)\n(.*?)```", re.DOTALL)


def _examples() -> list:
    found = []
    for path in DOCS:
        for m in _EXAMPLE.finditer(path.read_text(encoding="utf-8")):
            found.append(pytest.param(m.group(1), m.group(2), id=f"{path.name}: {m.group(1)}"))
    return found


def test_the_readme_shows_an_example() -> None:
    assert any("README.md" in p.id for p in _examples())


@pytest.mark.parametrize("command,expected", _examples())
def test_example_output_is_what_the_code_prints(run_cli, command: str, expected: str) -> None:
    _, out, err = run_cli(*shlex.split(command)[1:], cwd=ROOT)
    got = (out + err).replace(f"{ROOT}{os.sep}", "")
    assert got == expected, f"`{command}` now prints:\n{got}"


@pytest.mark.parametrize("path", DOCS, ids=lambda p: p.name)
def test_relative_links_lead_to_files(path: Path) -> None:
    text = re.sub(r"```.*?```|`[^`\n]*`", "", path.read_text(encoding="utf-8"), flags=re.DOTALL)
    for target in re.findall(r"\]\(([^)\s]+)\)", text):
        if re.match(r"[a-z]+:", target) or target.startswith("#"):
            continue
        assert (path.parent / target.split("#")[0]).exists(), f"{path.name}: broken link {target}"
