"""--write-baseline / --baseline: known problems are recorded once and not reported again, by
code, reported text and the words around it, so they survive lines added above them and edits
elsewhere; new problems, and old ones whose words were edited, are reported."""

from __future__ import annotations

import json
from pathlib import Path

STORY = (
    "Talks resume\n\n"
    "The the officials met on Monday. The regime said the reigme was not to blame.\n\n"
    "The regime's forces withdrew.\n"
)


def _adopt(run_cli, tmp_path: Path) -> Path:
    desk = tmp_path / "desk"
    desk.mkdir()
    (desk / "story.txt").write_text(STORY, encoding="utf-8")
    code, out, err = run_cli("check", "desk", "--write-baseline", "newslint-baseline.json")
    assert code == 0, out + err
    assert "2 problems written to newslint-baseline.json" in err
    return desk / "story.txt"


def test_written_baseline_lists_each_problem_by_path_code_text_and_context(run_cli, tmp_path):
    _adopt(run_cli, tmp_path)
    data = json.loads((tmp_path / "newslint-baseline.json").read_text(encoding="utf-8"))
    assert data["newslint-baseline"] == 1
    assert data["entries"] == [
        {
            "path": "desk/story.txt",
            "code": "NL101",
            "text": "reigme",
            "context": "regime said the … was not to",
        },
        {"path": "desk/story.txt", "code": "NL103", "text": "the", "context": "The … officials met on"},
    ]


def test_baseline_hides_known_problems_after_lines_added_above_and_edits_elsewhere(run_cli, tmp_path):
    story = _adopt(run_cli, tmp_path)
    code, out, err = run_cli("check", "desk", "--baseline", "newslint-baseline.json")
    assert (code, out) == (0, "No problems found.\n"), out + err
    assert "2 known problems in the baseline not shown" in err
    edited = "Talks resume today\n\nA new first paragraph.\n\n" + STORY.split("\n\n", 1)[1]
    edited = edited.replace("withdrew", "pulled back").replace("on Monday", "on Tuesday")
    story.write_text(edited, encoding="utf-8")
    code, out, err = run_cli("check", "desk", "--baseline", "newslint-baseline.json")
    assert (code, out) == (0, "No problems found.\n"), out + err


def test_new_problems_and_edited_context_are_reported(run_cli, tmp_path):
    story = _adopt(run_cli, tmp_path)
    story.write_text(
        STORY.replace("the reigme was not", "the reigme is not") + "\nIt was was over.\n", encoding="utf-8"
    )
    code, out, err = run_cli("check", "desk", "--baseline", "newslint-baseline.json")
    assert code == 1
    assert [line.split(": ")[1].split()[0] for line in out.splitlines()[:-1]] == ["NL101", "NL103"]
    assert "'reigme'" in out and "'was' is doubled" in out  # the edited one is new again
    assert "1 baseline entry matched nothing" in err


def test_the_same_problem_twice_needs_two_entries(run_cli, tmp_path):
    story = _adopt(run_cli, tmp_path)
    story.write_text(STORY + "\nThe the officials met on Monday.\n", encoding="utf-8")
    code, out, _ = run_cli("check", "desk", "--baseline", "newslint-baseline.json")
    assert code == 1 and out.count("NL103") == 1


def test_baseline_paths_are_relative_to_the_baseline_file(run_cli, tmp_path):
    _adopt(run_cli, tmp_path)
    code, out, err = run_cli(
        "check", "story.txt", "--baseline", "../newslint-baseline.json", cwd=tmp_path / "desk"
    )
    assert (code, out) == (0, "No problems found.\n"), out + err


def test_missing_or_broken_baseline_is_a_one_line_error(run_cli, tmp_path):
    (tmp_path / "story.txt").write_text(STORY, encoding="utf-8")
    code, out, err = run_cli("check", "story.txt", "--baseline", "nowhere.json")
    assert code == 2 and err.strip() == (
        "newslint: error: nowhere.json: no such baseline file (write one with --write-baseline)"
    )
    (tmp_path / "bad.json").write_text("[1, 2", encoding="utf-8")
    code, out, err = run_cli("check", "story.txt", "--baseline", "bad.json")
    assert code == 2 and len(err.splitlines()) == 1 and "bad.json: not a newslint baseline" in err
