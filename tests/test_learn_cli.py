"""`newslint learn` and `check --profile` from the command line."""

from __future__ import annotations

import json
import tomllib
from pathlib import Path

from newslint.config import load_settings
from newslint.profile import Profile

ARCHIVE = [
    ("Talks resume", "The minister said talks would resume in February. Rinaldi agreed, the U.S. said."),
    ("Markets fall", "Shares fell 5 pct on Monday, dealers said. Tax revenues rose, Rinaldi said."),
    ("Markets rise", "Shares rose 4 pct on Tuesday. Revenues rose in February, the U.S. said."),
]


def _archive(tmp_path: Path) -> tuple[Path, Path]:
    folder = tmp_path / "archive"
    folder.mkdir()
    corpus = tmp_path / "archive.jsonl"
    lines = []
    for i, (headline, body) in enumerate(ARCHIVE):
        (folder / f"story-{i}.txt").write_text(f"{headline}\n\n{body}\n", encoding="utf-8")
        lines.append(json.dumps({"id": i, "headline": headline, "body": body + "\n"}))
    corpus.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return folder, corpus


def test_learning_files_and_json_lines_gives_one_profile(run_cli, tmp_path):
    folder, corpus = _archive(tmp_path)
    code, out, err = run_cli("learn", str(folder), "-o", "files.nlprofile")
    assert code == 0 and out == "", err
    assert err.startswith("newslint: 3 stories") and "profile written to files.nlprofile" in err
    code, _, err = run_cli(
        "learn", "--jsonl", str(corpus), "--headline-field", "headline", "-o", "lines.nlprofile"
    )
    assert code == 0, err
    files, lines = Profile.load(tmp_path / "files.nlprofile"), Profile.load(tmp_path / "lines.nlprofile")
    assert files.dumps() == lines.dumps()
    assert files.stories == 3 and files.uses("Rinaldi") == 2 and files.stories_with("February") == 2


def test_parallel_learning_and_merging_give_the_same_profile(run_cli, tmp_path):
    folder, corpus = _archive(tmp_path)
    assert run_cli("learn", str(folder), "-o", "one.nlprofile")[0] == 0
    assert run_cli("learn", str(folder), "--jobs", "2", "-o", "two.nlprofile")[0] == 0
    assert (tmp_path / "one.nlprofile").read_bytes() == (tmp_path / "two.nlprofile").read_bytes()
    assert run_cli("learn", str(folder / "story-0.txt"), "-o", "a.nlprofile")[0] == 0
    assert (
        run_cli("learn", str(folder / "story-1.txt"), str(folder / "story-2.txt"), "-o", "b.nlprofile")[0]
        == 0
    )
    code, _, err = run_cli("learn", "--merge", "a.nlprofile", "b.nlprofile", "-o", "c.nlprofile")
    assert code == 0, err
    assert (tmp_path / "c.nlprofile").read_bytes() == (tmp_path / "one.nlprofile").read_bytes()


def test_suggest_config_prints_a_config_newslint_reads(run_cli, tmp_path):
    folder, _ = _archive(tmp_path)
    code, out, err = run_cli("learn", str(folder), "--suggest-config")
    assert code == 0, err
    assert out.startswith("# Suggested by `newslint learn --suggest-config` from a profile of 3 stories.")
    tomllib.loads(out)
    (tmp_path / "newslint.toml").write_text(out, encoding="utf-8")
    load_settings(tmp_path / "newslint.toml")  # every suggested key and option is valid


def test_check_uses_a_profile_from_the_command_line_or_the_config(run_cli, tmp_path):
    folder, _ = _archive(tmp_path)
    for i in range(3, 30):  # a desk that writes 'February' in many stories
        (folder / f"story-{i}.txt").write_text(f"Talks {i}\n\nTalks resume in February, officials said.\n")
    assert run_cli("learn", str(folder), "-o", "desk.nlprofile")[0] == 0
    # a letter lost: only the desk's evidence makes it a typo (two swapped would be a clear slip)
    (tmp_path / "story.txt").write_text("Talks\n\nThe talks resume in Februay, officials said.\n")
    code, out, _ = run_cli("check", "--profile", "desk.nlprofile", "story.txt")
    assert code == 1
    assert "unknown word 'Februay': the desk writes 'February' 29 times and 'Februay' never" in out
    assert run_cli("check", "story.txt")[0] == 0
    (tmp_path / "newslint.toml").write_text('profile = "desk.nlprofile"\n')
    code, out, _ = run_cli("check", "story.txt")
    assert code == 1 and "the desk writes 'February'" in out
    assert run_cli("check", "--profile", "none", "story.txt")[0] == 0


def test_bad_profiles_and_bad_use_are_one_line_errors(run_cli, tmp_path):
    (tmp_path / "story.txt").write_text("Talks\n\nThe talks resume.\n")
    (tmp_path / "broken.nlprofile").write_bytes(b"\x1f\x8b\x08\x00broken")
    for args in (
        ("check", "--profile", "broken.nlprofile", "story.txt"),
        ("check", "--profile", "missing.nlprofile", "story.txt"),
        ("learn", "--merge", "broken.nlprofile", "-o", "out.nlprofile"),
        ("learn", "story.txt"),
        ("learn", "-o", "out.nlprofile"),
        ("learn", "empty-dir-that-is-not-there", "-o", "out.nlprofile"),
    ):
        code, out, err = run_cli(*args)
        assert code == 2, args
        lines = [line for line in err.splitlines() if line.startswith("newslint: error:")]
        assert len(lines) == 1 and "Traceback" not in err, (args, err)
    assert not (tmp_path / "out.nlprofile").exists()
