"""The editor set-ups of docs/editors.md, run as written: the Vim/Neovim blocks in headless Vim
and Neovim (each skipped when not installed), the VS Code problem matcher against real output.

The story puts an accented letter before a problem, so a column read as bytes (Vim's `%c`)
would land one character early, and a file name with a space tests the quoting.
"""

from __future__ import annotations

import json
import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from ..conftest import ROOT

DOC = (ROOT / "docs" / "editors.md").read_text(encoding="utf-8")
STORY = "Café owners  met on Monday.\n\nThe the talks went on.\n"
FIXED = "Café owners met on Monday.\n\nThe talks went on.\n"
NAME = "my story.txt"
EDITORS = [
    pytest.param(["vim", "-Es", "-u", "NONE", "-i", "NONE", "-N"], id="vim"),
    pytest.param(["nvim", "--headless", "-u", "NONE", "-i", "NONE"], id="neovim"),
]


def _blocks(language: str) -> list[str]:
    section = DOC.split("## Vim and Neovim", 1)[1].split("\n## ", 1)[0]
    return re.findall(rf"```{language}\n(.*?)```", section, flags=re.DOTALL)


def _block(language: str, needle: str) -> str:
    [found] = [b for b in _blocks(language) if needle in b]
    return found


def _run(editor: list[str], tmp_path: Path, setup: str, *commands: str) -> list[str]:
    """Source `setup`, open the story, run `commands`; returns what the last one wrote to out."""
    if shutil.which(editor[0]) is None:
        pytest.skip(f"{editor[0]} is not installed")
    suffix = ".lua" if setup.lstrip().startswith(("--", "vim.")) else ".vim"
    script = tmp_path / f"setup{suffix}"
    script.write_text(setup, encoding="utf-8")
    source = "luafile" if suffix == ".lua" else "source"
    path = os.pathsep.join([str(Path(sys.executable).parent), os.environ.get("PATH", "")])
    args = [*editor, "-c", "filetype on", "-c", f"{source} {script}", "-c", "edit my\\ story.txt"]
    for command in commands:
        args += ["-c", command]
    subprocess.run(
        [*args, "-c", "qa!"], cwd=tmp_path, env={**os.environ, "PATH": path}, capture_output=True, timeout=60
    )
    out = tmp_path / "out"
    return out.read_text(encoding="utf-8").splitlines() if out.exists() else []


@pytest.fixture
def story(tmp_path: Path) -> Path:
    path = tmp_path / NAME
    path.write_text(STORY, encoding="utf-8")
    return path


@pytest.mark.parametrize("editor", EDITORS)
def test_quickfix_from_make_lands_on_each_problem(editor, tmp_path, story):
    setup = _block("vim", "errorformat")
    assert "%v" in setup and "%c" not in setup  # newslint counts characters, not bytes
    got = _run(
        editor,
        tmp_path,
        setup,
        "silent make",
        "let g:q = getqflist()",
        "cfirst",
        "let g:first = strpart(getline('.'), col('.') - 1, 6)",
        "cnext",
        "call writefile([len(g:q), bufname(g:q[0].bufnr), g:first, line('.') . ':' . col('.')], 'out')",
    )
    assert got == ["2", NAME, "  met ", "3:5"], got  # the summary line is not an entry


@pytest.mark.parametrize("editor", EDITORS)
def test_news_fix_command_fixes_the_buffer(editor, tmp_path, story):
    got = _run(
        editor,
        tmp_path,
        _block("vim", "command! NewsFix"),
        "NewsFix",
        "call writefile(getline(1, '$'), 'out')",
    )
    assert got == FIXED.splitlines()
    assert story.read_text(encoding="utf-8") == STORY  # the filter changes the buffer, not the file


@pytest.mark.parametrize("editor", EDITORS)
def test_fix_on_save_fixes_the_file_and_reloads_it(editor, tmp_path, story):
    got = _run(
        editor, tmp_path, _block("vim", "BufWritePost"), "write", "call writefile(getline(1, '$'), 'out')"
    )
    assert story.read_text(encoding="utf-8") == FIXED
    assert got == FIXED.splitlines()


def test_neovim_lua_news_fix_fixes_the_buffer_without_a_shell(tmp_path, story):
    [lua] = _blocks("lua")
    got = _run(EDITORS[1].values[0], tmp_path, lua, "NewsFix", "call writefile(getline(1, '$'), 'out')")
    assert got == FIXED.splitlines()


def test_vscode_problem_matcher_reads_newslint_output(run_cli, tmp_path, story):
    section = DOC.split("\n## VS Code\n", 1)[1]
    tasks = json.loads(re.search(r"```json\n(\{.*?\})\n```", section, flags=re.DOTALL).group(1))
    matcher = tasks["tasks"][0]["problemMatcher"]
    pattern = re.compile(matcher["pattern"]["regexp"])
    code, out, _ = run_cli("check", NAME, cwd=tmp_path)
    matches = [m for line in out.splitlines() if (m := pattern.match(line))]
    fields = {k: v for k, v in matcher["pattern"].items() if k != "regexp"}
    got = [{k: m.group(i) for k, i in fields.items()} for m in matches]
    assert got == [
        {"file": NAME, "line": "1", "column": "12", "code": "NL501", "message": "2 spaces between words"},
        {"file": NAME, "line": "3", "column": "5", "code": "NL103", "message": "'the' is doubled"},
    ]
