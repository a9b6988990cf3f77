"""The command line: exit codes, formats, rule selection, and the other commands.

Most tests run the CLI in-process (typer's CliRunner); a few that need a real process (the
`python -m newslint` entry, colour on a terminal) start one.
"""

from __future__ import annotations

import json
import os
import pty
import subprocess
import sys
from pathlib import Path

import pytest
from typer.testing import CliRunner

from newslint.cli import app
from newslint.registry import all_rules

RUNNER = CliRunner()
CLEAN = "Talks resume in Geneva\n\nDiplomats met in Geneva on Monday to resume the talks.\n"
DOUBLED = "Talks resume\n\nThe the talks resumed on Monday.\n"  # NL103, a safe fix on line 3
# NL103 (safe fix) and NL101 with several candidates (an unsafe fix).
MIXED = "Talks resume\n\nThe the officials met the ministrs on Monday.\n"


def cli(args, cwd: Path, input: str | bytes | None = None, env: dict | None = None):
    old = Path.cwd()
    os.chdir(cwd)
    try:
        result = RUNNER.invoke(app, args, input=input, env={"NO_COLOR": "1", **(env or {})})
    finally:
        os.chdir(old)
    assert result.exception is None or isinstance(result.exception, SystemExit), repr(result.exception)
    return result.exit_code, result.stdout, result.stderr


@pytest.fixture
def story(tmp_path):
    def make(text: str, name: str = "story.txt") -> Path:
        path = tmp_path / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, encoding="utf-8")
        return path

    return make


# --- exit codes ------------------------------------------------------------------------------
def test_exit_0_when_nothing_to_report(tmp_path, story):
    story(CLEAN)
    code, out, err = cli(["check", "story.txt"], tmp_path)
    assert (code, out, err) == (0, "No problems found.\n", "")


def test_exit_1_when_problems_remain(tmp_path, story):
    story(DOUBLED)
    code, out, _ = cli(["check", "story.txt"], tmp_path)
    assert code == 1
    assert out == "story.txt:3:5: NL103 [*] 'the' is doubled\n1 problem (1 fixable with --fix).\n"


@pytest.mark.parametrize(
    "args, message",
    [
        (["check", "missing.txt"], "missing.txt: no such file or directory"),
        (["check", "story.txt", "--select", "NL1X"], "unknown rule selector 'NL1X'"),
        (["check", "story.txt", "--ignore", "no-such-rule"], "unknown rule selector 'no-such-rule'"),
        (["check", "story.txt", "--config", "missing.toml"], "missing.toml: cannot read"),
        (["check", "story.txt", "--locale", "en-NZ"], "locale: 'en-NZ' is not one of"),
        (["rule", "NL999"], "no rule 'NL999'"),
    ],
)
def test_exit_2_on_usage_config_and_input_errors_with_one_line(tmp_path, story, args, message):
    story(DOUBLED)
    code, _, err = cli(args, tmp_path)
    assert code == 2
    assert len(err.strip().splitlines()) == 1 and message in err and "Traceback" not in err, err


def test_exit_2_wins_over_problems_in_other_files(tmp_path, story):
    story(DOUBLED)
    code, out, err = cli(["check", "story.txt", "missing.txt"], tmp_path)
    assert code == 2 and "story.txt:3:5: NL103" in out and "missing.txt" in err


def test_unknown_option_is_a_usage_error(tmp_path):
    assert cli(["check", "--frobnicate"], tmp_path)[0] == 2


def test_exit_zero(tmp_path, story):
    story(DOUBLED)
    code, out, _ = cli(["check", "story.txt", "--exit-zero"], tmp_path)
    assert code == 0 and "NL103" in out


def test_fix_exits_0_when_everything_was_fixed_and_1_when_something_remains(tmp_path, story):
    path = story(DOUBLED)
    code, out, _ = cli(["check", "story.txt", "--fix"], tmp_path)
    assert code == 0 and out == "Fixed 1 problem. No problems remain.\n"
    assert path.read_text() == "Talks resume\n\nThe talks resumed on Monday.\n"
    path = story(MIXED)
    code, out, _ = cli(["check", "story.txt", "--fix"], tmp_path)
    assert code == 1
    assert "NL101" in out and "NL103" not in out and "Fixed 1 problem." in out


def test_exit_non_zero_on_fix_fails_a_run_that_fixed_something(tmp_path, story):
    path = story(DOUBLED)
    code, out, _ = cli(["check", "story.txt", "--fix", "--exit-non-zero-on-fix"], tmp_path)
    assert code == 1 and out == "Fixed 1 problem. No problems remain.\n"
    assert path.read_text() == "Talks resume\n\nThe talks resumed on Monday.\n"
    code, out, _ = cli(["check", "story.txt", "--fix", "--exit-non-zero-on-fix"], tmp_path)
    assert code == 0, out  # nothing left to fix: the second run passes
    story(MIXED)  # with --exit-zero, only a fix fails the run, not what remains
    assert cli(["check", "story.txt", "--fix", "--exit-non-zero-on-fix", "--exit-zero"], tmp_path)[0] == 1
    assert cli(["check", "story.txt", "--fix", "--exit-non-zero-on-fix", "--exit-zero"], tmp_path)[0] == 0
    code, out, _ = cli(["check", "-", "--fix", "--exit-non-zero-on-fix"], tmp_path, input=DOUBLED)
    assert code == 1 and out == "Talks resume\n\nThe talks resumed on Monday.\n"  # filter mode too


# --- text format -----------------------------------------------------------------------------
def test_summary_counts_safe_and_unsafe_fixes(tmp_path, story):
    story(MIXED)
    code, out, _ = cli(["check", "story.txt"], tmp_path)
    lines = out.splitlines()
    assert lines[0] == "story.txt:3:5: NL103 [*] 'the' is doubled"
    assert lines[1].startswith("story.txt:3:27: NL101 ") and "[*]" not in lines[1]
    assert lines[-1] == "2 problems (1 fixable with --fix, 1 more with --unsafe-fixes)."
    code, out, _ = cli(["check", "story.txt", "--unsafe-fixes"], tmp_path)
    assert "story.txt:3:27: NL101 [*]" in out
    assert out.splitlines()[-1] == "2 problems (2 fixable with --fix --unsafe-fixes)."


def test_unsafe_fixes_from_config_show_in_marks_and_summary(tmp_path, story):
    story(MIXED)
    (tmp_path / "newslint.toml").write_text("unsafe-fixes = true\n", encoding="utf-8")
    code, out, _ = cli(["check", "story.txt"], tmp_path)
    assert "story.txt:3:27: NL101 [*]" in out
    assert out.splitlines()[-1] == "2 problems (2 fixable with --fix)."


def test_quiet_prints_only_the_summary(tmp_path, story):
    story(MIXED)
    code, out, _ = cli(["check", "story.txt", "--quiet"], tmp_path)
    assert code == 1 and out == "2 problems (1 fixable with --fix, 1 more with --unsafe-fixes).\n"


def test_statistics_counts_per_rule(tmp_path, story):
    story(MIXED + "It was was over.\n")
    code, out, _ = cli(["check", "story.txt", "--statistics", "--quiet"], tmp_path)
    rows = [line.split() for line in out.splitlines()[:-1]]
    assert rows == [
        ["2", "NL103", "[*]", "doubled-word"],
        ["1", "NL101", "unknown-word"],
    ]  # its fix is unsafe: no mark


def test_statistics_mark_only_the_rules_fix_would_repair(tmp_path, story):
    story("Intro line.\n\nThe talks were in Kiev. The rebels said so.\n\nIt was was over.\n")
    (tmp_path / "newslint.toml").write_text('[rules.banned-term]\nterms = [{ term = "rebels" }]\n')
    code, out, _ = cli(["check", "story.txt", "--statistics", "--quiet"], tmp_path)
    rows = {line.split()[1]: line.split()[2] for line in out.splitlines()[:-1]}
    assert rows == {"NL103": "[*]", "NL602": "banned-term"}  # NL602 cannot fix: no mark


def test_no_colour_when_not_on_a_terminal(tmp_path, story):
    story(DOUBLED)
    _, out, _ = cli(["check", "story.txt"], tmp_path, env={"NO_COLOR": ""})
    assert "\x1b[" not in out


def test_colour_on_a_terminal(tmp_path, story):
    story(DOUBLED)
    primary, replica = pty.openpty()
    env = {k: v for k, v in os.environ.items() if k != "NO_COLOR"}
    proc = subprocess.run(
        [sys.executable, "-m", "newslint", "check", "story.txt"],
        cwd=tmp_path,
        stdout=replica,
        stderr=subprocess.PIPE,
        env=env,
        timeout=60,
    )
    os.close(replica)
    out = os.read(primary, 65536).decode()
    os.close(primary)
    assert proc.returncode == 1
    assert "\x1b[31mNL103\x1b[0m" in out and "'the' is doubled" in out


# --- json and github formats -------------------------------------------------------------------
def test_json_is_exactly_the_documented_shape(tmp_path, story):
    story("Talks resume\n\nThe the talks resumed in Zürich.\n")
    code, out, _ = cli(["check", "story.txt", "--format", "json"], tmp_path)
    assert code == 1
    assert json.loads(out) == [
        {
            "path": "story.txt",
            "code": "NL103",
            "name": "doubled-word",
            "message": "'the' is doubled",
            "severity": "error",
            "start": {"line": 3, "column": 5, "offset": 18},
            "end": {"line": 3, "column": 8, "offset": 21},
            "fix": {
                "applicability": "safe",
                "title": "Delete the second 'the'",
                "edits": [
                    {
                        "start": {"line": 3, "column": 4, "offset": 17},
                        "end": {"line": 3, "column": 8, "offset": 21},
                        "content": "",
                    }
                ],
            },
            "alternatives": [],
        }
    ]


def test_json_columns_count_code_points(tmp_path, story):
    story("Talks resume\n\n😀 Zürich said the the talks resumed.\n")
    _, out, _ = cli(["check", "story.txt", "--format", "json", "--select", "NL103"], tmp_path)
    [item] = json.loads(out)
    text = (tmp_path / "story.txt").read_text(encoding="utf-8")
    assert text[item["start"]["offset"] : item["end"]["offset"]] == "the"
    assert item["start"]["column"] == text.splitlines()[2].index("the the") + 5


def test_json_with_nothing_found_is_an_empty_array(tmp_path, story):
    story(CLEAN)
    code, out, _ = cli(["check", "story.txt", "--format", "json"], tmp_path)
    assert code == 0 and json.loads(out) == []


def test_json_fix_is_null_without_a_fix(tmp_path, story):
    story("Talks resume\n\nThe talks resumed on Monday.\n\nThe war began in 2011. Syria")  # NL303: no fix
    _, out, _ = cli(["check", "story.txt", "--format", "json", "--select", "NL303"], tmp_path)
    items = json.loads(out)
    assert items and all(i["fix"] is None for i in items)


def test_github_format(tmp_path, story):
    story(DOUBLED)
    code, out, _ = cli(["check", "story.txt", "--format", "github"], tmp_path)
    assert code == 1
    assert out == (
        "::error file=story.txt,line=3,col=5,endLine=3,endColumn=8,"
        "title=NL103 doubled-word::NL103 'the' is doubled\n"
    )


# --- selection ---------------------------------------------------------------------------------
@pytest.mark.parametrize("selector", ["NL103", "NL10", "NL1", "doubled-word", "typos", "nl103"])
def test_select_by_code_prefix_name_and_family(tmp_path, story, selector):
    story(MIXED)
    _, out, _ = cli(["check", "story.txt", "--select", selector, "--format", "json"], tmp_path)
    assert "NL103" in {i["code"] for i in json.loads(out)}


def test_select_narrows_and_ignore_removes(tmp_path, story):
    story(MIXED)

    def codes(*a):
        return {
            i["code"] for i in json.loads(cli(["check", "story.txt", "--format", "json", *a], tmp_path)[1])
        }

    assert codes() == {"NL101", "NL103"}
    assert codes("--select", "NL103") == {"NL103"}
    assert codes("--ignore", "doubled-word") == {"NL101"}
    assert codes("--ignore", "typos") == set()
    assert codes("--select", "NL1", "--ignore", "NL101") == {"NL103"}  # the more specific wins
    assert codes("--select", "NL101,NL103") == {"NL101", "NL103"}


def test_extend_select_adds_a_rule_that_is_off_by_default(tmp_path, story):
    story("Talks resume\n\nThe talks resumed.   \n")
    default = cli(["check", "story.txt", "--format", "json"], tmp_path)[1]
    assert "NL502" not in {i["code"] for i in json.loads(default)}
    _, out, _ = cli(
        ["check", "story.txt", "--format", "json", "--extend-select", "trailing-whitespace"], tmp_path
    )
    assert "NL502" in {i["code"] for i in json.loads(out)}


# --- --diff, stdin ------------------------------------------------------------------------------
def test_diff_prints_a_unified_diff_and_writes_nothing(tmp_path, story):
    path = story(DOUBLED)
    before = path.stat().st_mtime_ns
    code, out, err = cli(["check", "story.txt", "--diff"], tmp_path)
    assert code == 1
    assert "-The the talks resumed on Monday.\n+The talks resumed on Monday.\n" in out
    assert path.read_text() == DOUBLED and path.stat().st_mtime_ns == before
    assert "1 file would be changed by --fix." in err


def test_unchanged_file_is_not_rewritten(tmp_path, story):
    path = story(CLEAN)
    before = path.stat().st_mtime_ns
    assert cli(["check", "story.txt", "--fix"], tmp_path)[0] == 0
    assert path.stat().st_mtime_ns == before


def test_diff_exits_0_when_nothing_would_change(tmp_path, story):
    story(CLEAN)
    code, out, _ = cli(["check", "story.txt", "--diff"], tmp_path)
    assert code == 0 and out == ""


def test_stdin_with_a_filename_for_config_matching(tmp_path):
    (tmp_path / "newslint.toml").write_text('[per-file-ignores]\n"sport/*" = ["NL103"]\n')
    code, out, _ = cli(["check", "-", "--stdin-filename", "sport/match.txt"], tmp_path, input=DOUBLED)
    assert code == 0, out
    code, out, _ = cli(["check", "-", "--stdin-filename", "news/talks.txt"], tmp_path, input=DOUBLED)
    assert code == 1 and out.startswith("news/talks.txt:3:5: NL103")


def test_stdin_without_a_filename_is_called_dash(tmp_path):
    code, out, _ = cli(["check", "-"], tmp_path, input=DOUBLED)
    assert code == 1 and out.startswith("-:3:5: NL103")


def test_stdin_fix_writes_the_fixed_text_to_stdout_and_the_report_to_stderr(tmp_path):
    code, out, err = cli(["check", "-", "--fix"], tmp_path, input=MIXED)
    assert out == MIXED.replace("The the", "The")
    assert code == 1 and "NL101" in err and "Fixed 1 problem." in err


# --- suppression ---------------------------------------------------------------------------------
def test_suppression_directives(tmp_path, story):
    story(
        "# Talks resume\n\n<!-- newslint: ignore-next-line NL103 -->\nThe the talks resumed.\n\n"
        "<!-- newslint: disable doubled-word -->\nIt was was over.\n<!-- newslint: enable -->\n\n"
        "And and then it rained.\n",
        "story.md",
    )
    _, out, _ = cli(["check", "story.md", "--format", "json"], tmp_path)
    assert [(i["code"], i["start"]["line"]) for i in json.loads(out)] == [("NL103", 10)]


def test_unused_suppression_is_reported_and_removed_by_fix(tmp_path, story):
    path = story(
        "# Talks resume\n\n<!-- newslint: disable NL101 -->\nThe talks resumed.\n<!-- newslint: enable -->\n",
        "story.md",
    )
    code, out, _ = cli(["check", "story.md"], tmp_path)
    assert code == 1 and "story.md:3:1: NL001 [*] suppression" in out
    assert cli(["check", "story.md", "--fix"], tmp_path)[0] == 0
    assert path.read_text() == "# Talks resume\n\nThe talks resumed.\n"


def test_directives_work_in_plain_text_too(tmp_path, story):
    story("Talks resume\n\n<!-- newslint: ignore-next-line doubled-word -->\nThe the talks resumed.\n")
    assert cli(["check", "story.txt"], tmp_path)[0] == 0


def test_sic_leaves_a_word_alone(tmp_path, story):
    story("Talks resume\n\nThe sign read 'the the' [sic] at the door.\n")
    assert cli(["check", "story.txt", "--select", "NL103"], tmp_path)[0] == 0


# --- other commands -------------------------------------------------------------------------------
def test_rules_lists_every_rule(tmp_path):
    code, out, _ = cli(["rules"], tmp_path)
    assert code == 0
    rows = out.splitlines()[1:]
    assert [row.split()[0] for row in rows] == [r.code for r in all_rules()]
    nl502 = next(row for row in rows if row.startswith("NL502"))
    assert nl502.split()[1:5] == ["trailing-whitespace", "typography", "always", "off"]


def test_rules_as_json(tmp_path):
    code, out, _ = cli(["rules", "--format", "json"], tmp_path)
    rows = json.loads(out)
    assert code == 0 and {r["code"] for r in rows} == {r.code for r in all_rules()}
    assert set(rows[0]) == {"code", "name", "family", "fix", "default", "summary"}


@pytest.mark.parametrize("which", ["NL103", "nl103", "doubled-word"])
def test_rule_explains_one_rule(tmp_path, which):
    code, out, _ = cli(["rule", which], tmp_path)
    assert code == 0 and out.startswith("# NL103 doubled-word\n")
    assert "## What it does" in out and "## Fix safety" in out


def test_version(tmp_path):
    from newslint import __version__

    assert cli(["--version"], tmp_path)[1] == f"newslint {__version__}\n"


def test_python_dash_m_newslint(tmp_path, story):
    story(DOUBLED)
    proc = subprocess.run(
        [sys.executable, "-m", "newslint", "check", "story.txt"],
        cwd=tmp_path,
        capture_output=True,
        text=True,
        timeout=60,
        env={**os.environ, "NO_COLOR": "1"},
    )
    assert proc.returncode == 1 and proc.stdout.startswith("story.txt:3:5: NL103 [*]")


def test_internal_error_is_one_line_without_a_traceback(tmp_path, story, monkeypatch):
    from newslint import cli as cli_module

    def boom(*args, **kwargs):
        raise RuntimeError("disk on fire")

    monkeypatch.setattr(cli_module, "app", boom)
    with pytest.raises(SystemExit) as exit_info:
        cli_module.main()
    assert exit_info.value.code == 2


def test_output_file_takes_the_report(tmp_path, story):
    story(DOUBLED)
    code, out, err = cli(["check", "story.txt", "--output-file", "report.json", "--format", "json"], tmp_path)
    assert code == 1 and out == ""
    report = json.loads((tmp_path / "report.json").read_text(encoding="utf-8"))
    assert [d["code"] for d in report] == ["NL103"]
    code, out, err = cli(["check", "story.txt", "-o", "report.txt"], tmp_path)
    assert out == "" and (tmp_path / "report.txt").read_text(encoding="utf-8").startswith(
        "story.txt:3:5: NL103"
    )


def test_output_file_that_cannot_be_written_is_a_clear_error(tmp_path, story):
    story(DOUBLED)
    code, out, err = cli(["check", "story.txt", "--output-file", "no/such/dir/report.txt"], tmp_path)
    assert code == 2 and err.startswith("newslint: error: no/such/dir/report.txt: cannot write the report")
