"""JSON Lines corpora on a real dask.distributed LocalCluster with two worker processes: output
byte for byte that of a local run, a failing partition retried and, when it keeps failing,
reported (never dropped)."""

from __future__ import annotations

import io
import json
import os
from pathlib import Path

import pytest

distributed = pytest.importorskip("distributed", reason="the dask extra is not installed")

import newslint.dask  # noqa: E402
from newslint import jsonl  # noqa: E402
from newslint.report import ReportOptions  # noqa: E402
from newslint.runner import RunOptions  # noqa: E402
from tests.integrations.test_streaming import corpus_lines, write_corpus  # noqa: E402

pytestmark = pytest.mark.slow


@pytest.fixture(scope="module")
def client():
    cluster = distributed.LocalCluster(
        n_workers=2, threads_per_worker=1, processes=True, dashboard_address=None
    )
    with distributed.Client(cluster) as client:
        yield client
    cluster.close()


def test_cli_output_and_fixed_corpora_are_those_of_jobs_1(run_cli, tmp_path, client):
    write_corpus(tmp_path / "c.jsonl", corpus_lines() * 3)
    write_corpus(tmp_path / "d.jsonl.gz", corpus_lines()[3:])  # a second corpus, in the same pipeline
    args = ["check", "--jsonl", "c.jsonl", "--jsonl", "d.jsonl.gz", "--headline-field", "headline"]
    args += ["--format", "json", "--fix"]
    fixed = ("c.fixed.jsonl", "d.fixed.jsonl.gz")
    local = run_cli(*args, "--jobs", "1", cwd=tmp_path)
    local_fixed = [(tmp_path / name).read_bytes() for name in fixed]
    address = client.scheduler.address
    on_dask = run_cli(*args, "--dask", address, cwd=tmp_path)
    assert on_dask[0] == local[0] == 2  # the corpora hold bad lines
    assert on_dask[1] == local[1] and {item["path"].split("#")[0] for item in json.loads(on_dask[1])} == {
        "c.jsonl",
        "d.jsonl.gz",
    }
    assert on_dask[2] == local[2]
    assert [(tmp_path / name).read_bytes() for name in fixed] == local_fixed


def test_python_entry_point_with_small_partitions(tmp_path, client):
    path = write_corpus(tmp_path / "c.jsonl.gz", corpus_lines())
    out_local, out_dask = io.StringIO(), io.StringIO()
    local = newslint.dask.check(
        path, client, format="text", out=out_local, err=io.StringIO(), partition_bytes=1 << 30
    )
    spread = newslint.dask.check(
        path, client, format="text", out=out_dask, err=io.StringIO(), partition_bytes=300
    )
    assert out_dask.getvalue() == out_local.getvalue() and "NL103" in out_local.getvalue()
    assert spread == local and spread.complete and spread.problems > 0 and spread.failed_records == 40


def _job(path: Path) -> jsonl.CorpusJob:
    return jsonl.CorpusJob(str(path), "body", "id", "headline", RunOptions(), "json", ReportOptions())


def test_a_failed_partition_is_retried_and_the_output_is_unchanged(tmp_path, client):
    path = write_corpus(tmp_path / "c.jsonl", corpus_lines())
    marker = tmp_path / "failed-once"
    job = _job(path)

    def flaky(part, job):  # sent by value to the workers: fails partition 2 on its first try
        from newslint.jsonl import check_partition

        if part.index == 2 and not os.path.exists(marker):
            open(marker, "w").close()
            raise RuntimeError("worker lost its disk")
        return check_partition(part, job)

    said: list[tuple[str, str]] = []
    parts = list(jsonl.partitions(path, size=400))
    results = list(
        newslint.dask.run_partitions(
            iter(parts), job, address=client, say=lambda *m: said.append(m), function=flaky
        )
    )
    expected = [jsonl.check_partition(p, job) for p in parts]
    assert [r.report for r in results] == [r.report for r in expected]
    assert said == [
        (
            "warning",
            f"{path}: {parts[2].describe()} failed (RuntimeError: worker lost its disk); retry 1 of 2",
        )
    ]


def test_a_partition_that_keeps_failing_is_reported_never_dropped(tmp_path, client):
    path = write_corpus(tmp_path / "c.jsonl", corpus_lines())
    job = _job(path)

    def broken(part, job):
        from newslint.jsonl import check_partition

        if part.index == 1:
            raise ValueError("bad partition")
        return check_partition(part, job)

    said: list[tuple[str, str]] = []
    parts = list(jsonl.partitions(path, size=400))
    results = list(
        newslint.dask.run_partitions(
            iter(parts), job, address=client, say=lambda *m: said.append(m), retries=1, function=broken
        )
    )
    assert (
        len(results) == len(parts)
        and results[1] is None
        and all(r is not None for i, r in enumerate(results) if i != 1)
    )
    failure = f"{parts[1].describe()} failed 2 times (ValueError: bad partition)"
    assert said[-1] == ("error", f"{path}: {failure}; its records are not reported")


def test_learn_on_dask_writes_the_profile_of_a_local_run(run_cli, tmp_path, client):
    write_corpus(tmp_path / "c.jsonl.gz", corpus_lines())
    args = ["learn", "--jsonl", "c.jsonl.gz", "--headline-field", "headline", "-o"]
    local = run_cli(*args, "local.nlprofile", cwd=tmp_path)
    on_dask = run_cli(*args, "dask.nlprofile", "--dask", client.scheduler.address, cwd=tmp_path)
    assert local[0] == on_dask[0] == 0, on_dask[2]
    assert (tmp_path / "dask.nlprofile").read_bytes() == (tmp_path / "local.nlprofile").read_bytes()


def _stories() -> list[str]:
    return [
        jsonl.parse(n, line, Path("c.jsonl"), "body", headline_field="headline").text
        for n, line in enumerate(corpus_lines(), 1)
        if line.startswith(b'{"')
    ]


def test_learn_on_dask_merges_many_batches_in_order(monkeypatch, tmp_path, client):
    from newslint import learn

    monkeypatch.setattr(learn, "CHUNK_STORIES", 7)  # the batches are made here, in the driver
    texts = _stories()
    progress: list[int] = []
    profile = newslint.dask.learn(iter(texts), client, on_progress=progress.append)
    assert profile is not None and len(progress) == -(-len(texts) // 7) and sum(progress) == len(texts)
    assert profile.dumps() == learn.learn_archive(iter(texts), jobs=1).dumps()
    assert profile.stories == len(texts) and profile.uses("Geneva") > 0


def test_learn_on_dask_writes_no_profile_when_a_batch_keeps_failing(monkeypatch, client):
    from newslint import learn

    monkeypatch.setattr(learn, "CHUNK_STORIES", 7)

    def broken(batch):
        from newslint.learn import learn_texts

        if any("Port reopens" in text for text in batch):
            raise ValueError("bad batch")
        return learn_texts(batch)

    said: list[tuple[str, str]] = []
    texts = _stories()
    learned = newslint.dask.learn(texts, client, say=lambda *m: said.append(m), retries=1, function=broken)
    assert learned is None
    failure = "batch 1 of the stories (7 stories) failed 2 times (ValueError: bad batch)"
    assert ("error", f"{failure}; its stories are not learned") in said
