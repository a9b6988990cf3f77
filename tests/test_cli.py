"""The command line: exit codes, formats, selection, fixing, stdin, rules/rule/config commands."""
from __future__ import annotations

import json
from pathlib import Path

import pytest
from typer.testing import CliRunner

from newslint.cli import app

DIRTY = "Talks resume in Geneva\n\nThe minister said the the talks  failed. Rebels agreed.\n"
CLEAN = "Talks resume in Geneva\n\nThe minister said the talks failed. Rebels agreed.\n"


@pytest.fixture
def cli(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    runner = CliRunner()

    def invoke(*args: str, input: str | None = None):
        result = runner.invoke(app, list(args), input=input)
        return result.exit_code, result.stdout, result.stderr

    return invoke


def write(path: Path, text: str) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")
    return path


# --- exit codes --------------------------------------------------------------------------
def test_exit_0_when_clean(cli, tmp_path):
    write(tmp_path / "a.txt", CLEAN)
    code, out, _ = cli("check", "a.txt")
    assert code == 0
    assert "No problems found." in out


def test_exit_1_when_problems_remain(cli, tmp_path):
    write(tmp_path / "a.txt", DIRTY)
    code, out, _ = cli("check", "a.txt")
    assert code == 1
    assert "a.txt:3:23: NL103 [*] 'the' is doubled" in out
    assert "a.txt:3:32: NL501 [*] 2 spaces between words" in out
    assert out.rstrip().endswith("2 problems (2 fixable with --fix).")


def test_exit_2_for_a_missing_file_unknown_selector_and_bad_config(cli, tmp_path):
    code, _, err = cli("check", "nope.txt")
    assert code == 2 and "nope.txt: no such file or directory" in err
    write(tmp_path / "a.txt", CLEAN)
    code, _, err = cli("check", "--select", "NL1,bogus", "a.txt")
    assert code == 2 and "unknown rule selector 'bogus'" in err
    write(tmp_path / "newslint.toml", "colour = 1\n")
    code, _, err = cli("check", "a.txt")
    assert code == 2 and "newslint.toml: unknown key 'colour'" in err and "Traceback" not in err


def test_exit_zero_keeps_problems_but_exits_0(cli, tmp_path):
    write(tmp_path / "a.txt", DIRTY)
    code, out, _ = cli("check", "--exit-zero", "a.txt")
    assert code == 0 and "NL103" in out


# --- formats -----------------------------------------------------------------------------
def test_summary_counts_fixes_hidden_behind_unsafe_fixes(cli, tmp_path):
    write(tmp_path / "a.txt", "Talks resume\n\nThe chairman chairman resigned and the the board met.\n")
    code, out, _ = cli("check", "a.txt")
    assert out.rstrip().endswith("2 problems (1 fixable with --fix, 1 more with --unsafe-fixes).")
    code, out, _ = cli("check", "--unsafe-fixes", "a.txt")
    assert "NL103 [*] 'chairman' is doubled" in out


def test_json_format_is_exactly_the_documented_shape(cli, tmp_path):
    write(tmp_path / "a.txt", "Café talks\n\nThe café said the the talks failed.\n")
    code, out, _ = cli("check", "--format", "json", "a.txt")
    items = json.loads(out)
    assert code == 1 and len(items) == 1
    item = items[0]
    assert set(item) == {"path", "code", "name", "message", "severity", "start", "end", "fix"}
    assert item["path"] == "a.txt" and item["code"] == "NL103" and item["name"] == "doubled-word"
    assert item["severity"] == "error"
    # column and offset count code points: "The café said the " is 18 of them
    assert item["start"] == {"line": 3, "column": 19, "offset": 30}
    assert item["end"] == {"line": 3, "column": 22, "offset": 33}
    fix = item["fix"]
    assert fix["applicability"] == "safe" and fix["title"]
    assert fix["edits"] == [{"start": {"line": 3, "column": 18, "offset": 29},
                             "end": {"line": 3, "column": 22, "offset": 33}, "content": ""}]


def test_github_format(cli, tmp_path):
    write(tmp_path / "a.txt", DIRTY)
    _, out, _ = cli("check", "--format", "github", "a.txt")
    assert out.splitlines()[0].startswith("::error file=a.txt,line=3,col=23,endLine=3,endColumn=26,title=NL103 doubled-word::NL103 ")


def test_quiet_and_statistics(cli, tmp_path):
    write(tmp_path / "a.txt", DIRTY)
    _, out, _ = cli("check", "--quiet", "a.txt")
    assert "NL103 [*]" not in out and "2 problems" in out
    _, out, _ = cli("check", "--quiet", "--statistics", "a.txt")
    assert any(line.split()[:3] == ["1", "NL103", "doubled-word"] for line in out.splitlines())


# --- selection -----------------------------------------------------------------------------
@pytest.mark.parametrize("args, expect", [
    (["--select", "NL103"], {"NL103"}),
    (["--select", "NL1"], {"NL103"}),
    (["--select", "doubled-word"], {"NL103"}),
    (["--select", "typos"], {"NL103"}),
    (["--ignore", "NL5"], {"NL103"}),
    (["--select", "NL1", "--extend-select", "double-space"], {"NL103", "NL501"}),
    (["--ignore", "NL103,NL501"], set()),
])
def test_selection_by_code_prefix_name_and_family(cli, tmp_path, args, expect):
    write(tmp_path / "a.txt", DIRTY)
    _, out, _ = cli("check", "--format", "json", *args, "a.txt")
    assert {i["code"] for i in json.loads(out)} == expect


# --- fixing ------------------------------------------------------------------------------
def test_fix_writes_the_file_and_diff_writes_nothing(cli, tmp_path):
    story = write(tmp_path / "a.txt", DIRTY)
    code, out, _ = cli("check", "--diff", "a.txt")
    assert code == 1 and "-The minister said the the talks  failed. Rebels agreed." in out
    assert story.read_text(encoding="utf-8") == DIRTY
    code, out, _ = cli("check", "--fix", "a.txt")
    assert code == 0 and "Fixed 2 problems." in out
    assert story.read_text(encoding="utf-8") == CLEAN


def test_unchanged_file_is_not_rewritten(cli, tmp_path):
    story = write(tmp_path / "a.txt", CLEAN)
    before = story.stat().st_mtime_ns
    cli("check", "--fix", "a.txt")
    assert story.stat().st_mtime_ns == before


def test_stdin_filter_mode(cli, tmp_path):
    write(tmp_path / "newslint.toml", '[per-file-ignores]\n"desk/*.txt" = ["NL501"]\n')
    code, out, err = cli("check", "--fix", "-", "--stdin-filename", "desk/story.txt", input=DIRTY)
    assert out == "Talks resume in Geneva\n\nThe minister said the talks  failed. Rebels agreed.\n"
    code, out, _ = cli("check", "-", input=DIRTY)
    assert code == 1 and "-:3:23: NL103" in out


def test_directories_recurse_into_txt_and_md_and_honour_exclude(cli, tmp_path):
    write(tmp_path / "desk/a.txt", DIRTY)
    write(tmp_path / "desk/b.md", DIRTY)
    write(tmp_path / "desk/c.html", DIRTY)
    write(tmp_path / "desk/archive/d.txt", DIRTY)
    write(tmp_path / "newslint.toml", 'extend-exclude = ["archive/"]\n')
    _, out, _ = cli("check", "--format", "json", "desk")
    assert {Path(i["path"]).name for i in json.loads(out)} == {"a.txt", "b.md"}


# --- suppression -------------------------------------------------------------------------
def test_suppression_comments_and_unused_suppressions(cli, tmp_path):
    write(tmp_path / "a.md", "# Talks\n\n<!-- newslint: ignore-next-line NL103 -->\nThe the talks failed.\n\n"
                             "<!-- newslint: disable doubled-word -->\nIt was was over.\n<!-- newslint: enable -->\n\n"
                             "<!-- newslint: ignore-next-line NL401 -->\nNothing to hide here.\n")
    _, out, _ = cli("check", "--format", "json", "a.md")
    items = json.loads(out)
    assert [(i["code"], i["start"]["line"]) for i in items] == [("NL001", 10)]


# --- other commands ----------------------------------------------------------------------
def test_rules_rule_and_config_commands(cli, tmp_path):
    code, out, _ = cli("rules")
    assert code == 0 and "NL101" in out and "unknown-word" in out
    code, out, _ = cli("rule", "NL101")
    assert code == 0 and out.startswith("# NL101 unknown-word") and "## Fix safety" in out
    code, _, err = cli("rule", "NL999")
    assert code == 2
    write(tmp_path / "newslint.toml", 'locale = "en-GB"\n')
    code, out, _ = cli("config", ".")
    assert code == 0 and 'locale = "en-GB"' in out and "newslint.toml" in out


def test_python_dash_m_newslint(run_cli, tmp_path):
    write(tmp_path / "a.txt", DIRTY)
    code, out, err = run_cli("check", "a.txt")
    assert code == 1 and "NL103" in out and not err.strip()
