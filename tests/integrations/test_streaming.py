"""JSON Lines corpora streamed: read, checked, reported and fixed partition by partition (bounded
memory), with output identical to the run that holds the whole corpus, and `.jsonl.gz` too."""

from __future__ import annotations

import gzip
import io
import json
from pathlib import Path

import pytest

from newslint import jsonl
from newslint.report import ReportOptions
from newslint.runner import RunOptions

RECORDS = [
    {"id": "a", "headline": "Talks resume", "body": "The the talks resumed on Monday in Geneva."},
    {
        "id": "b",
        "headline": "Port reopens",
        "body": "The port reopened after the regime lifted it, the reigme said.",
    },
    {"id": "c", "headline": "Quiet day", "body": "Nothing happened in Geneva on Monday."},
    {"headline": "No id", "body": "Prices  rose 450.000 points, the the board said."},
]


def corpus_lines() -> list[bytes]:
    lines = [json.dumps(r, ensure_ascii=False).encode() for r in RECORDS]
    lines.insert(2, b"")  # a blank line: skipped, kept in the fixed corpus
    lines.insert(3, b"{not json")
    lines.append(json.dumps({"id": "crlf", "body": "The the end."}).encode() + b"\r")
    return lines * 40  # 280 lines: several partitions when they are small


def write_corpus(path: Path, lines: list[bytes]) -> Path:
    data = b"\n".join(lines) + b"\n"
    if path.name.endswith(".gz"):
        path.write_bytes(gzip.compress(data, mtime=0))
    else:
        path.write_bytes(data)
    return path


@pytest.mark.parametrize("fmt", ["text", "json", "github", "gitlab"])
@pytest.mark.parametrize("extra", [[], ["--fix"], ["--statistics", "--unsafe-fixes", "--fix"]])
def test_streamed_output_is_that_of_the_whole_corpus_run(run_cli, tmp_path, fmt, extra):
    write_corpus(tmp_path / "c.jsonl", corpus_lines())
    (tmp_path / "empty").mkdir()  # naming a path too takes the run that holds every record
    args = ["check", "--jsonl", "c.jsonl", "--headline-field", "headline", "--format", fmt, *extra]
    streamed = run_cli(*args, cwd=tmp_path)
    fixed_streamed = (tmp_path / "c.fixed.jsonl").read_bytes() if "--fix" in extra else None
    whole = run_cli(*args, "empty", cwd=tmp_path)
    fixed_whole = (tmp_path / "c.fixed.jsonl").read_bytes() if "--fix" in extra else None
    assert streamed[0] == whole[0] == 2  # the bad lines are errors
    assert streamed[1] == whole[1]
    assert streamed[1] or extra  # reports, unless every problem was fixed
    assert sorted(streamed[2].splitlines()) == sorted(whole[2].splitlines())
    assert fixed_streamed == fixed_whole
    if fixed_streamed is not None:
        assert len(fixed_streamed.split(b"\n")) == len(corpus_lines()) + 1
        assert b"{not json" in fixed_streamed and b"The the" not in fixed_streamed


def run_in_process(path: Path, size: int, fmt: str = "json", fix: bool = False, jobs: int = 1, **job_args):
    options = RunOptions(fix=fix)
    job = jsonl.CorpusJob(
        str(path), "body", "id", "headline", options, fmt, ReportOptions(fix=fix), write_fixed=fix, **job_args
    )
    out, err = io.StringIO(), io.StringIO()
    stream = jsonl.ReportStream(fmt, job.report, out, err)
    complete = jsonl.check_corpus(
        path,
        job,
        None,
        stream,
        lambda parts: jsonl.run_partitions(parts, job, jobs=jobs),
        lambda: jsonl.partitions(path, job.max_record, size),
    )
    stream.end()
    return complete, out.getvalue(), err.getvalue()


def test_the_partition_size_and_the_processes_do_not_change_the_output(tmp_path):
    path = write_corpus(tmp_path / "c.jsonl", corpus_lines())
    one = run_in_process(path, size=1 << 20)
    assert one[1].startswith("[\n") and one[1].endswith("\n]\n")
    for size, jobs in ((200, 1), (1, 1), (700, 2)):
        assert run_in_process(path, size=size, jobs=jobs) == one
    assert len(list(jsonl.partitions(path, size=200))) > 20


def test_gzip_corpora_are_read_and_written_compressed(run_cli, tmp_path):
    lines = corpus_lines()
    write_corpus(tmp_path / "plain.jsonl", lines)
    write_corpus(tmp_path / "packed.jsonl.gz", lines)
    plain = run_cli("check", "--jsonl", "plain.jsonl", "--fix", "--format", "json", cwd=tmp_path)
    packed = run_cli("check", "--jsonl", "packed.jsonl.gz", "--fix", "--format", "json", cwd=tmp_path)
    assert plain[1].replace("plain.jsonl", "X") == packed[1].replace("packed.jsonl.gz", "X")
    assert "packed.fixed.jsonl.gz" in packed[2]
    assert (
        gzip.decompress((tmp_path / "packed.fixed.jsonl.gz").read_bytes())
        == (tmp_path / "plain.fixed.jsonl").read_bytes()
    )


def test_a_broken_gzip_is_one_clear_error(run_cli, tmp_path):
    data = gzip.compress(b"\n".join(corpus_lines()) + b"\n")
    (tmp_path / "cut.jsonl.gz").write_bytes(data[: len(data) // 2])
    code, out, err = run_cli("check", "--jsonl", "cut.jsonl.gz", "--fix", cwd=tmp_path)
    assert code == 2 and "cut.jsonl.gz: cannot read line" in err and "Traceback" not in err
    assert not (tmp_path / "cut.fixed.jsonl.gz").exists()  # no half corpus


def test_an_overlong_line_is_reported_unread_and_blocks_only_the_fixed_corpus(tmp_path):
    lines = corpus_lines()[:6]
    lines.insert(1, json.dumps({"id": "huge", "body": "word " * 5000}).encode())
    path = write_corpus(tmp_path / "c.jsonl", lines)
    complete, out, err = run_in_process(path, size=1 << 20, fmt="text", max_record=4096)
    assert complete and "c.jsonl:2: longer than 4096 bytes; skipped" in err
    assert "c.jsonl#a:3:5: NL103" in out
    complete, out, err = run_in_process(path, size=1 << 20, fmt="text", fix=True, max_record=4096)
    assert not complete and "the fixed corpus was not written" in err
    assert not (tmp_path / "c.fixed.jsonl").exists()


def test_a_missing_corpus_is_an_error(run_cli, tmp_path):
    code, out, err = run_cli("check", "--jsonl", "nope.jsonl", cwd=tmp_path)
    assert code == 2 and "nope.jsonl: cannot read" in err
