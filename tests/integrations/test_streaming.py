"""JSON Lines corpora streamed: read, checked, reported and fixed partition by partition (bounded
memory), with output identical to the run that holds the whole corpus, and `.jsonl.gz` too."""

from __future__ import annotations

import gzip
import hashlib
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


def run_corpora(corpora, size: int, jobs: int, fix: bool = False, fmt: str = "json", read=None):
    """check_corpora over `corpora` ((path, output or None) pairs): (complete, report, stderr,
    what the runner was given)."""
    options = RunOptions(fix=fix)
    report = ReportOptions(fix=fix)
    work = [
        jsonl.Corpus(
            path,
            jsonl.CorpusJob(str(path), "body", "id", "headline", options, fmt, report, write_fixed=fix),
            output,
        )
        for path, output in corpora
    ]
    out, err = io.StringIO(), io.StringIO()
    stream = jsonl.ReportStream(fmt, report, out, err)
    given: list[object] = []

    def run(items):
        given.append("run")
        for item in jsonl.run_partitions(items, jobs=jobs):
            given.append(type(item).__name__ if item is not None else None)
            yield item

    complete = jsonl.check_corpora(
        work, stream, run, read or (lambda c: jsonl.partitions(c.path, c.job.max_record, size))
    )
    stream.end()
    return complete, out.getvalue(), err.getvalue(), given


def test_several_corpora_go_through_one_pipeline_with_the_output_of_one_process(tmp_path):
    lines = corpus_lines()
    paths = [
        write_corpus(tmp_path / "a.jsonl", lines),
        write_corpus(tmp_path / "b.jsonl.gz", lines[:30]),
        write_corpus(tmp_path / "c.jsonl", lines[5:]),
    ]
    corpora = [(p, None) for p in paths]
    one = run_corpora(corpora, size=1 << 20, jobs=1, fix=True)
    fixed = {p.name: p.read_bytes() for p in tmp_path.glob("*.fixed.*")}
    assert sorted(fixed) == ["a.fixed.jsonl", "b.fixed.jsonl.gz", "c.fixed.jsonl"]
    assert b"The the" not in gzip.decompress(fixed["b.fixed.jsonl.gz"]) + fixed["c.fixed.jsonl"]
    two = run_corpora(corpora, size=300, jobs=2, fix=True)
    assert two[:3] == one[:3] and {p.name: p.read_bytes() for p in tmp_path.glob("*.fixed.*")} == fixed
    named = [Path(item["path"].split("#")[0]).name for item in json.loads(one[1])]
    assert named == sorted(named) and set(named) == {p.name for p in paths}  # a's, then b's, then c's
    # one runner for the whole run (one pool of workers), each corpus between its start and end
    assert two[3].count("run") == 1
    marks = [g for g in two[3] if g == "CorpusMark"]
    assert len(marks) == 6 and two[3].count("PartitionResult") > 20
    assert not list(tmp_path.glob(".*.newslint"))  # no temporary file left


def test_a_corpus_whose_fixed_copy_cannot_be_written_is_not_read_and_the_others_are(tmp_path):
    lines = corpus_lines()[:12]
    a, b, c = (write_corpus(tmp_path / f"{n}.jsonl", lines) for n in "abc")
    read: list[str] = []

    def reading(corpus):
        read.append(corpus.path.name)
        return jsonl.partitions(corpus.path, corpus.job.max_record, 300)

    nowhere = tmp_path / "missing" / "b.fixed.jsonl"
    complete, out, err, _ = run_corpora([(a, None), (b, nowhere), (c, None)], 300, 2, fix=True, read=reading)
    assert not complete and read == ["a.jsonl", "c.jsonl"]
    assert f"newslint: error: {nowhere}: cannot write" in err
    assert (tmp_path / "a.fixed.jsonl").exists() and (tmp_path / "c.fixed.jsonl").exists()
    named = {Path(item["path"].split("#")[0]).name for item in json.loads(out)}
    assert named == {"a.jsonl", "c.jsonl"}


@pytest.mark.parametrize("jobs", [1, 2])
def test_a_corpus_cut_short_reports_the_records_before_the_cut_whatever_the_jobs(tmp_path, jobs):
    lines = corpus_lines()  # between records that do not compress to nothing
    noise = [json.dumps({"n": hashlib.sha256(b"%d" % i).hexdigest()}).encode() for i in range(len(lines))]
    data = gzip.compress(b"\n".join(line for pair in zip(lines, noise, strict=True) for line in pair) + b"\n")
    cut = tmp_path / "cut.jsonl.gz"
    cut.write_bytes(data[: len(data) * 2 // 3])
    whole = write_corpus(tmp_path / "whole.jsonl", corpus_lines()[:20])
    complete, out, err, _ = run_corpora([(cut, None), (whole, None)], 300, jobs, fix=True)
    reference = run_corpora([(cut, None), (whole, None)], 1 << 20, 1, fix=True)
    assert (complete, out, err) == reference[:3]
    assert not complete and "cut.jsonl.gz: cannot read line" in err
    assert not (tmp_path / "cut.fixed.jsonl.gz").exists() and (tmp_path / "whole.fixed.jsonl").exists()
    named = [Path(item["path"].split("#")[0]).name for item in json.loads(out)]
    assert named.count("cut.jsonl.gz") > 10 and "whole.jsonl" in named


def test_an_interrupted_run_leaves_no_temporary_file(tmp_path):
    paths = [write_corpus(tmp_path / f"{n}.jsonl", corpus_lines()) for n in "ab"]

    def reading(corpus):
        for part in jsonl.partitions(corpus.path, corpus.job.max_record, 300):
            if part.index == 3:
                raise KeyboardInterrupt
            yield part

    with pytest.raises(KeyboardInterrupt):
        run_corpora([(p, None) for p in paths], 300, 2, fix=True, read=reading)
    assert sorted(p.name for p in tmp_path.iterdir()) == ["a.jsonl", "b.jsonl"]


def test_a_message_is_said_once_and_the_messages_remembered_are_bounded(monkeypatch):
    monkeypatch.setattr(jsonl, "MAX_REMEMBERED", 3)
    err = io.StringIO()
    stream = jsonl.ReportStream("text", ReportOptions(), io.StringIO(), err)
    for message in ["config warning", "config warning", "line 1 bad", "line 2 bad", "line 3 bad"]:
        stream.say("warning", message)
    assert err.getvalue().count("config warning") == 1 and err.getvalue().count("bad") == 3
    assert list(stream.said) == ["line 1 bad", "line 2 bad", "line 3 bad"]
