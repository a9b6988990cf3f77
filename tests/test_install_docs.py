"""The install instructions say what works today: newslint is not on PyPI yet."""

from __future__ import annotations

import re

from tests.conftest import ROOT

DOCS = [ROOT / "README.md", *sorted((ROOT / "docs").glob("*.md"))]
# `pip install newslint`, `pip install 'newslint[x]'`, `pip install "newslint[x]"`
FROM_PYPI = re.compile(r"""pip install ['"]?newslint(\[[^\]]*\])?['"]?(?!\S| @)""")


def test_every_pypi_install_line_says_once_published():
    for doc in DOCS:
        lines = doc.read_text(encoding="utf-8").splitlines()
        for number, line in enumerate(lines):
            if FROM_PYPI.search(line):
                near = " ".join(lines[max(0, number - 3) : number + 2]).lower()
                assert "published" in near, f"{doc.name}:{number + 1}: {line.strip()}"


def test_install_doc_covers_a_clone_a_wheel_and_the_extras():
    text = (ROOT / "docs" / "install.md").read_text(encoding="utf-8")
    for needed in ("pip install .", "pip wheel . --no-deps -w dist", "[languagetool]", "[server]", "[dask]"):
        assert needed in text


def test_sarif_names_no_page_that_does_not_exist(run_cli, tmp_path):
    (tmp_path / "story.txt").write_text("Talks\n\nThe the talks resumed.\n", encoding="utf-8")
    code, out, err = run_cli("check", "--format", "sarif", "story.txt", cwd=tmp_path)
    assert code == 1 and '"tool"' in out
    assert "pypi.org" not in out
