"""JSON Lines corpora checked on a Dask cluster (`pip install '.[dask]'`; docs/corpus.md).

    newslint check --jsonl archive.jsonl.gz --dask tcp://scheduler:8786 --format json > report.json
    newslint check --jsonl archive.jsonl --dask local:2 --fix        # a local cluster, 2 processes

or from Python:

    import newslint.dask
    summary = newslint.dask.check("archive.jsonl", "tcp://scheduler:8786", fix=True)

This process reads the corpus and sends it to the workers in partitions of whole lines (about
`partition_bytes` each, a few per worker in flight: memory stays bounded here and there); each
worker checks a partition with `newslint.jsonl.check_partition`, the same function a local run
uses, building the rules once and reusing them for its next partitions. The results come back
and are written in the corpus's order, so the report and the fixed corpus are byte for byte those
of a local run. A partition whose task fails (a worker dies, a task raises) is sent again up to
`retries` times, each retry said on stderr; one that still fails is reported as an error naming
its lines, the run exits 2, and no fixed corpus is written: no record is dropped silently.

The workers need newslint (and its extras) installed at the same version as here; they read no
files (the records travel with the tasks), so they need no shared storage.

Hook for other corpus-wide commands (desk profiles, `newslint learn`, issue 15): `run_partitions`
takes any picklable `function(partition, job)`, so such a command can run its own per-partition
work here and merge the partition results in order as `check` does.
"""

from __future__ import annotations

import itertools
import sys
import uuid
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any, TextIO

from newslint.jsonl import (
    CorpusJob,
    Item,
    Partition,
    PartitionResult,
    ReportStream,
    _progress,
    check_corpus,
    check_partition,
    in_order,
    job_of,
    partitions,
)

RETRIES = 2
IN_FLIGHT_PER_THREAD = 2


def connect(address: str | Any) -> tuple[Any, Callable[[], None]]:
    """(a dask.distributed Client, how to close what was opened here) for a scheduler address,
    `local` / `local:N` (a LocalCluster of N worker processes, one thread each), or a Client."""
    try:
        from dask.distributed import Client, LocalCluster
    except ImportError:
        raise SystemExit(
            "newslint: error: --dask needs dask.distributed: install the dask extra "
            "(pip install '.[dask]' from a clone; see docs/install.md)"
        ) from None
    if not isinstance(address, str):
        return address, lambda: None
    if address == "local" or address.startswith("local:"):
        workers = int(address.partition(":")[2] or 2)
        cluster = LocalCluster(  # type: ignore[no-untyped-call]
            n_workers=workers, threads_per_worker=1, processes=True, dashboard_address=None
        )
        client = Client(cluster)  # type: ignore[no-untyped-call]

        def close() -> None:
            client.close()  # type: ignore[no-untyped-call]
            cluster.close()

        return client, close
    client = Client(address)  # type: ignore[no-untyped-call]
    return client, client.close


def run_partitions(
    parts: Iterator[Item],
    job: CorpusJob | None = None,
    jobs: int | None = None,
    address: str | Any = "local",
    say: Callable[[str, str], None] | None = None,
    retries: int = RETRIES,
    function: Callable[[Partition, CorpusJob], Any] = check_partition,
) -> Iterator[Any | None]:
    """`function(partition, job)` for each partition on the cluster (the partition's own job, or
    else `job`), results in partition order, corpus marks passed through in their place; None
    for a partition that failed `retries + 1` times (said as an error). One client for the whole
    run; a few partitions per worker thread are in flight, across the ends of corpora; the rest
    of the input is not read until there is room."""
    say = say or (lambda kind, message: print(f"newslint: {kind}: {message}", file=sys.stderr))
    client, close = connect(address)
    run = uuid.uuid4().hex[:8]
    serial = itertools.count()
    try:
        threads = sum(client.nthreads().values()) or 1
        window = max(2, IN_FLIGHT_PER_THREAD * threads)

        def submit(part: Partition, attempt: int = 0) -> Any:
            key = f"newslint-{run}-{next(serial)}-{attempt}"
            return client.submit(function, part, job_of(part, job), key=key, pure=False, retries=0)

        def collect(part: Partition, future: Any) -> Any | None:
            corpus = job_of(part, job).corpus
            attempt = 0
            while True:
                try:
                    return future.result()
                except Exception as exc:  # a worker died or the task raised
                    reason = f"{type(exc).__name__}: {exc}"
                    if attempt >= retries:
                        say(
                            "error",
                            f"{corpus}: {part.describe()} failed {attempt + 1} times ({reason}); "
                            "its records are not reported",
                        )
                        return None
                    attempt += 1
                    say(
                        "warning",
                        f"{corpus}: {part.describe()} failed ({reason}); retry {attempt} of {retries}",
                    )
                    future = submit(part, attempt)

        with _progress(job) as advance:
            yield from in_order(iter(parts), submit, collect, window, advance)
    finally:
        close()


@dataclass
class Summary:
    """What a `check` run found: problems left, fixes applied, records that could not be checked,
    records changed in the fixed corpus, and whether every partition was checked."""

    problems: int
    fixed: int
    failed_records: int
    changed: int
    complete: bool


def check(
    corpus: str | Path,
    address: str | Any = "local",
    *,
    field: str = "body",
    id_field: str = "id",
    headline_field: str | None = None,
    fix: bool = False,
    unsafe_fixes: bool = False,
    output: str | Path | None = None,
    format: str = "json",
    out: TextIO | None = None,
    err: TextIO | None = None,
    config: str | Path | None = None,
    select: list[str] | None = None,
    ignore: list[str] | None = None,
    retries: int = RETRIES,
    partition_bytes: int | None = None,
) -> Summary:
    """Check (with `fix`, fix) a JSON Lines corpus (`.jsonl` or `.jsonl.gz`) on a Dask cluster,
    writing the report in `format` (json, text, github, gitlab) to `out` (default stdout) and the
    fixed corpus to `output` (default `NAME.fixed.jsonl` beside it), as
    `newslint check --jsonl CORPUS --dask ADDRESS` does. `address` is a scheduler address,
    `local[:N]`, or a dask.distributed Client."""
    from newslint.registry import validate_selectors
    from newslint.report import ReportOptions
    from newslint.runner import ConfigResolver, RunOptions

    validate_selectors([*(select or ()), *(ignore or ())])
    options = RunOptions(
        fix=fix,
        unsafe_fixes=unsafe_fixes,
        select=tuple(select) if select else None,
        ignore=tuple(ignore or ()),
        config=Path(config) if config is not None else None,
    )
    path = Path(corpus)
    settings = ConfigResolver(options.config).for_path(path)  # a bad config fails here, not on a worker
    report = ReportOptions(
        fix=fix, unsafe_fixes=unsafe_fixes or settings.unsafe_fixes, unsafe_flag=unsafe_fixes
    )
    job = CorpusJob(str(corpus), field, id_field, headline_field, options, format, report, write_fixed=fix)
    stream = ReportStream(format, report, out or sys.stdout, err or sys.stderr)
    complete = check_corpus(
        path,
        job,
        Path(output) if output is not None else None,
        stream,
        lambda parts: run_partitions(parts, job, address=address, say=stream.say, retries=retries),
        lambda: partitions(path, job.max_record, partition_bytes),
    )
    stream.end()
    tally = stream.tally
    return Summary(
        problems=sum(tally.problems.values()),
        fixed=sum(tally.fixed.values()),
        failed_records=tally.failed,
        changed=stream.changed,
        complete=complete,
    )


__all__ = ["PartitionResult", "Summary", "check", "connect", "run_partitions"]
