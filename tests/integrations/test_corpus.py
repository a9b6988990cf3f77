"""Corpus scale: --jobs (deterministic order), JSON Lines corpora, --statistics, and a progress
bar only on a terminal."""

from __future__ import annotations

import json
import os
import pty
import subprocess
import sys
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from newslint.jsonl import split_fixed
from newslint.runner import ConfigResolver, FileTask, RunOptions, TextTask, default_jobs, run_tasks

CLEAN = "Talks resume in Geneva\n\nThe talks resumed on Monday in Geneva.\n"
UNUSED = "Talks resume in Geneva\n\n<!-- newslint: ignore-next-line NL101 -->\nThe talks resumed on Monday.\n"
UNUSED_FIXED = "Talks resume in Geneva\n\nThe talks resumed on Monday.\n"


def _stories(root: Path, count: int) -> list[Path]:
    paths = []
    for i in range(count):
        path = root / f"desk{i % 3}" / f"story{i:03}.md"
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(UNUSED if i % 4 == 0 else CLEAN, encoding="utf-8")
        paths.append(path)
    return paths


# --- --jobs -------------------------------------------------------------------------------------
@pytest.mark.parametrize("fmt", ["text", "json", "sarif"])
def test_parallel_output_is_identical_to_serial(run_cli, tmp_path, fmt):
    _stories(tmp_path / "corpus", 90)
    serial = run_cli("check", "corpus", "--jobs", "1", "--format", fmt, "--statistics")
    parallel = run_cli("check", "corpus", "--jobs", "3", "--format", fmt, "--statistics")
    assert serial[0] == parallel[0] == 1
    assert serial[1] == parallel[1]
    assert serial[1].count("NL001") >= 23


def test_parallel_fix_fixes_every_file(run_cli, tmp_path):
    paths = _stories(tmp_path / "corpus", 80)
    code, out, err = run_cli("check", "corpus", "--fix", "--jobs", "2")
    assert code == 0, out + err
    assert "Fixed 20 problems" in out
    assert all(p.read_text(encoding="utf-8") in (CLEAN, UNUSED_FIXED) for p in paths)


def test_run_tasks_keeps_input_order_across_processes(tmp_path):
    paths = _stories(tmp_path, 70)
    tasks = [FileTask(str(p), p.name) for p in reversed(paths)]
    tasks.insert(5, TextTask("record#7", UNUSED, str(tmp_path / "x.md")))
    resolver, options = ConfigResolver(), RunOptions()
    seen = []
    results = run_tasks(tasks, resolver, options, jobs=2, on_result=lambda r: seen.append(r.path))
    expected = [t.display for t in tasks]
    assert [r.path for r in results] == expected == seen
    assert [d.code for d in results[5].diagnostics] == ["NL001"]


def test_jobs_default_depends_on_the_size_of_the_run():
    assert default_jobs(1) == 1
    assert default_jobs(10_000) == (
        len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else os.cpu_count()
    )


def test_jobs_must_be_positive(run_cli, tmp_path):
    code, out, err = run_cli("check", ".", "--jobs", "0")
    assert code == 2 and "--jobs" in err


# --- --statistics -------------------------------------------------------------------------------
def test_statistics_counts_problems_per_rule(run_cli, tmp_path):
    _stories(tmp_path / "corpus", 12)  # stories 0, 4, 8 have an unused suppression
    code, out, err = run_cli("check", "corpus", "--statistics", "--quiet")
    assert code == 1
    assert "     3 NL001  [*] unused-suppression" in out.splitlines()
    assert out.rstrip().endswith("3 problems (3 fixable with --fix).")


def test_statistics_counts_fixes_applied(run_cli, tmp_path):
    _stories(tmp_path / "corpus", 12)
    code, out, err = run_cli("check", "corpus", "--statistics", "--fix")
    assert code == 0
    assert "     0 NL001      unused-suppression               (3 fixed)" in out.splitlines()


# --- JSON Lines ---------------------------------------------------------------------------------
def _write_lines(path: Path, lines: list[str]) -> Path:
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path


def _corpus(tmp_path: Path) -> Path:
    return _write_lines(
        tmp_path / "corpus.jsonl",
        [
            json.dumps({"id": "bbc-001", "headline": "Talks", "body": CLEAN}),
            json.dumps({"id": "bbc-002", "headline": "Talks", "body": UNUSED}, ensure_ascii=False),
            json.dumps(
                {
                    "id": 3,
                    "body": "Déjà vu\n\n<!-- newslint: disable NL101 -->\nIt was déjà vu.\n",
                    "extra": [1, 2],
                },
                ensure_ascii=True,
            ),
            "",
            json.dumps({"headline": "no id", "body": CLEAN}),
        ],
    )


def test_jsonl_reports_name_each_record_by_its_id(run_cli, tmp_path):
    _corpus(tmp_path)
    code, out, err = run_cli("check", "--jsonl", "corpus.jsonl", "--field", "body")
    assert code == 1, err
    assert "corpus.jsonl#bbc-002:3:1: NL001" in out
    assert "corpus.jsonl#3:3:1: NL001" in out
    assert "bbc-001" not in out and "#L5" not in out


def test_jsonl_json_report_keeps_ids(run_cli, tmp_path):
    _corpus(tmp_path)
    code, out, err = run_cli("check", "--jsonl", "corpus.jsonl", "--format", "json", "--jobs", "2")
    assert [item["path"] for item in json.loads(out)] == ["corpus.jsonl#bbc-002", "corpus.jsonl#3"]


def test_jsonl_fix_writes_a_fixed_corpus_beside_the_input(run_cli, tmp_path):
    corpus = _corpus(tmp_path)
    before = corpus.read_bytes()
    code, out, err = run_cli("check", "--jsonl", "corpus.jsonl", "--fix")
    assert code == 0, out + err
    assert corpus.read_bytes() == before  # never in place unless asked
    fixed = (tmp_path / "corpus.fixed.jsonl").read_bytes().split(b"\n")
    original = before.split(b"\n")
    assert len(fixed) == len(original)
    assert fixed[0] == original[0] and fixed[3] == original[3] == b"" and fixed[4] == original[4]
    second = json.loads(fixed[1])
    assert second == {"id": "bbc-002", "headline": "Talks", "body": UNUSED_FIXED}
    assert list(second) == ["id", "headline", "body"]
    third = json.loads(fixed[2])
    assert third["body"] == "Déjà vu\n\nIt was déjà vu.\n" and third["extra"] == [1, 2]
    assert "2 records fixed" in err


def test_jsonl_fixed_corpus_keeps_the_inputs_permissions(run_cli, tmp_path):
    corpus = _corpus(tmp_path)
    corpus.chmod(0o644)
    assert run_cli("check", "--jsonl", "corpus.jsonl", "--fix")[0] == 0
    assert (tmp_path / "corpus.fixed.jsonl").stat().st_mode & 0o777 == 0o644  # not mkstemp's 0600
    corpus.chmod(0o640)  # fixing in place keeps the file's own
    assert run_cli("check", "--jsonl", "corpus.jsonl", "--fix", "--jsonl-output", "corpus.jsonl")[0] == 0
    assert corpus.stat().st_mode & 0o777 == 0o640


def test_jsonl_diff_counts_records_not_files(run_cli, tmp_path):
    _corpus(tmp_path)
    (tmp_path / "story.md").write_text(UNUSED, encoding="utf-8")
    code, out, err = run_cli("check", "--jsonl", "corpus.jsonl", "--diff")
    assert code == 1 and "+++ b/corpus.jsonl#bbc-002" in out
    assert err.strip().splitlines()[-1] == "2 records would be changed by --fix."
    code, out, err = run_cli("check", "story.md", "--jsonl", "corpus.jsonl", "--diff")
    assert err.strip().splitlines()[-1] == "1 file and 2 records would be changed by --fix."


def test_jsonl_fix_in_place_only_when_named(run_cli, tmp_path):
    corpus = _corpus(tmp_path)
    code, out, err = run_cli("check", "--jsonl", "corpus.jsonl", "--fix", "--jsonl-output", "corpus.jsonl")
    assert code == 0, out + err
    assert json.loads(corpus.read_text(encoding="utf-8").splitlines()[1])["body"] == UNUSED_FIXED
    assert not (tmp_path / "corpus.fixed.jsonl").exists()


def test_jsonl_bad_records_are_errors_and_the_run_goes_on(run_cli, tmp_path):
    path = tmp_path / "bad.jsonl"
    path.write_text(
        '{"id": "a", "body": "x"}\nnot json\n[1, 2]\n{"id": "b", "text": "no body"}\n'
        + json.dumps({"id": "c", "body": UNUSED})
        + "\n",
        encoding="utf-8",
    )
    code, out, err = run_cli("check", "--jsonl", "bad.jsonl")
    assert code == 2
    assert "bad.jsonl:2: not valid JSON" in err
    assert "bad.jsonl:3: not a JSON object" in err
    assert "bad.jsonl#b: line 4 has no text field 'body'" in err
    assert "bad.jsonl#c:3:1: NL001" in out
    assert "Traceback" not in err


SCRAPED = "Talks resume in Geneva\n\nThe talks resumed on Monday  in Geneva.\n"


def _headline_corpus(tmp_path: Path) -> Path:
    return _write_lines(
        tmp_path / "headed.jsonl",
        [
            json.dumps({"id": "a", "headline": "Talks resume in Geneva", "body": SCRAPED, "n": 1}),
            json.dumps({"id": "b", "headline": "Talks resume in Geneva", "body": "The talks resumed.\n"}),
            json.dumps({"id": "c", "body": SCRAPED}),  # no headline: the body alone, as without the option
            json.dumps({"id": "d", "headline": "Two\n\nparts", "body": "The talks resumed.\n"}),
            json.dumps({"id": "e", "headline": 7, "body": "The talks resumed.\n"}),
        ],
    )


def test_jsonl_headline_field_is_checked_as_the_headline(run_cli, tmp_path):
    _headline_corpus(tmp_path)
    code, out, err = run_cli("check", "--jsonl", "headed.jsonl", "--headline-field", "headline")
    assert code == 2, out + err  # records d and e are errors; the others are still checked
    # the story is headline, blank line, body: the pasted headline is body line 3, as in a file
    assert "headed.jsonl#a:3:1: NL301" in out and "headed.jsonl#a:5:28: NL501" in out
    assert "headed.jsonl#b" not in out
    assert "headed.jsonl#c:1:1: NL301" not in out and "headed.jsonl#c:3:28: NL501" in out
    assert "headed.jsonl#d: line 4: headline field 'headline' holds a blank line" in err
    assert "headed.jsonl#e: line 5: headline field 'headline' is not a string" in err
    without = run_cli("check", "--jsonl", "headed.jsonl")[1]
    assert "NL301" not in without.replace("headed.jsonl#c", "")  # the body alone has no headline to repeat


def test_jsonl_headline_field_fix_writes_headline_and_body_back(run_cli, tmp_path):
    corpus = _headline_corpus(tmp_path)
    before = corpus.read_text(encoding="utf-8").splitlines()
    code, out, err = run_cli("check", "--jsonl", "headed.jsonl", "--headline-field", "headline", "--fix")
    assert code == 2, out + err
    after = (tmp_path / "headed.fixed.jsonl").read_text(encoding="utf-8").splitlines()
    first = json.loads(after[0])
    assert first == {
        "id": "a",
        "headline": "Talks resume in Geneva",
        "body": "The talks resumed on Monday in Geneva.\n",
        "n": 1,
    }
    assert list(first) == ["id", "headline", "body", "n"]
    assert after[1] == before[1] and after[3:] == before[3:]  # unchanged and refused records, byte for byte
    assert (
        json.loads(after[2])["body"] == "Talks resume in Geneva\n\nThe talks resumed on Monday in Geneva.\n"
    )


@given(
    st.text(st.characters(blacklist_categories=("Cs",)), min_size=1).filter(
        lambda h: "\n\n" not in h.rstrip("\n") and h.strip()
    ),
    st.text(st.characters(blacklist_categories=("Cs",))),
)
def test_a_story_built_from_headline_and_body_splits_back(headline, body):
    assert split_fixed(f"{headline}\n\n{body}", headline) == (headline, body)


def test_jsonl_missing_file_is_a_clear_error(run_cli, tmp_path):
    code, out, err = run_cli("check", "--jsonl", "nowhere.jsonl")
    assert code == 2 and "nowhere.jsonl: cannot read" in err


# --- progress bar -------------------------------------------------------------------------------
def test_no_progress_bar_when_stderr_is_not_a_terminal(run_cli, tmp_path):
    _stories(tmp_path / "corpus", 120)
    code, out, err = run_cli("check", "corpus", "--quiet")
    assert err == ""


@pytest.mark.skipif(sys.platform == "win32", reason="needs a pseudo-terminal")
def test_progress_bar_on_a_terminal(tmp_path):
    _stories(tmp_path / "corpus", 120)
    leader, follower = pty.openpty()
    env = {k: v for k, v in os.environ.items() if k != "CI"}
    proc = subprocess.Popen(
        [sys.executable, "-m", "newslint", "check", "corpus", "--quiet", "--jobs", "2"],
        cwd=tmp_path,
        stdout=subprocess.PIPE,
        stderr=follower,
        env={**env, "TERM": "xterm"},
    )
    os.close(follower)
    seen = b""
    while True:
        try:
            chunk = os.read(leader, 4096)
        except OSError:  # the terminal closed: the process ended
            break
        if not chunk:
            break
        seen += chunk
    out = proc.stdout.read()
    proc.wait()
    os.close(leader)
    assert b"checking" in seen and b"120" in seen
    assert b"checking" not in out  # the report stream stays clean


def test_directory_walk_honours_exclude_and_include(run_cli, tmp_path):
    for name in (
        ".git/a.md",
        "node_modules/b.md",
        "drafts/c.md",
        "desk/d.md",
        "desk/e.rst",
        "desk/sub/f.txt",
    ):
        path = tmp_path / "repo" / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(UNUSED, encoding="utf-8")
    (tmp_path / "repo" / "newslint.toml").write_text('extend-exclude = ["drafts/"]\n', encoding="utf-8")
    code, out, err = run_cli("check", "repo", "--format", "json")
    assert sorted({item["path"] for item in json.loads(out)}) == ["repo/desk/d.md", "repo/desk/sub/f.txt"]
