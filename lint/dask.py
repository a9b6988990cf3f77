"""JSON Lines corpora checked on a Dask cluster (`pip install '.[dask]'`; docs/corpus.md).

    newslint check --jsonl archive.jsonl.gz --dask tcp://scheduler:8786 --format json > report.json
    newslint check --jsonl archive.jsonl --dask local:2 --fix        # a local cluster, 2 processes
    newslint learn --jsonl archive.jsonl.gz --dask tcp://scheduler:8786 -o desk.nlprofile

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

`newslint learn --dask ADDRESS` (`learn` here) learns a desk profile the same way: this process
reads the stories in the batches a local run makes, each worker learns a batch's partial profile,
and they are merged here in order, so the profile is the one `newslint learn` writes locally.
`run_partitions` takes any picklable `function(partition, job)` for other corpus-wide work.
"""

from __future__ import annotations

import itertools
import sys
import uuid
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any, TextIO

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

if TYPE_CHECKING:
    from newslint.profile import Profile

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
    client, close = connect(address)
    try:
        with _progress(job) as advance:
            yield from _in_order_on(
                client,
                parts,
                lambda part: (function, part, job_of(part, job)),
                lambda part: f"{job_of(part, job).corpus}: {part.describe()}",
                say,
                retries,
                advance,
            )
    finally:
        close()


def _in_order_on(
    client: Any,
    items: Iterator[Any],
    task: Callable[[Any], tuple[Any, ...]],
    describe: Callable[[Any], str],
    say: Callable[[str, str], None] | None,
    retries: int,
    advance: Callable[[Any], None] = lambda item: None,
    lost: str = "its records are not reported",
) -> Iterator[Any | None]:
    """Each item's `task` (a function and its arguments) run on the cluster, results in order,
    marks passed through; a failed task is sent again up to `retries` times (each retry said),
    then is None (said as an error naming the item)."""
    say = say or (lambda kind, message: print(f"newslint: {kind}: {message}", file=sys.stderr))
    run = uuid.uuid4().hex[:8]
    serial = itertools.count()
    window = max(2, IN_FLIGHT_PER_THREAD * (sum(client.nthreads().values()) or 1))

    def submit(item: Any) -> Any:
        function, *args = task(item)
        return client.submit(function, *args, key=f"newslint-{run}-{next(serial)}", pure=False, retries=0)

    def collect(item: Any, future: Any) -> Any | None:
        attempt = 0
        while True:
            try:
                return future.result()
            except Exception as exc:  # a worker died or the task raised
                reason = f"{type(exc).__name__}: {exc}"
                if attempt >= retries:
                    say("error", f"{describe(item)} failed {attempt + 1} times ({reason}); {lost}")
                    return None
                attempt += 1
                say("warning", f"{describe(item)} failed ({reason}); retry {attempt} of {retries}")
                future = submit(item)

    yield from in_order(iter(items), submit, collect, window, advance)


def learn(
    texts: Iterable[str],
    address: str | Any = "local",
    on_progress: Callable[[int], None] | None = None,
    say: Callable[[str, str], None] | None = None,
    retries: int = RETRIES,
    function: Callable[[list[str]], Profile] | None = None,
) -> Profile | None:
    """A desk profile learned on the cluster (`newslint learn ... --dask ADDRESS`): the stories in
    the batches `newslint learn` makes, each batch learned by a worker (`learn_texts`), the partial
    profiles merged and pruned here in order, so the profile is the one a local run learns. None
    when a batch kept failing (said): a profile that misses stories is not written. `function`
    learns a batch on a worker (default `learn_texts`)."""
    from newslint.learn import chunks, learn_texts
    from newslint.profile import Profile

    client, close = connect(address)
    total, complete = Profile(), True
    try:
        for part in _in_order_on(
            client,
            enumerate(chunks(texts), start=1),
            lambda numbered: (function or learn_texts, numbered[1]),
            lambda numbered: f"batch {numbered[0]} of the stories ({len(numbered[1])} stories)",
            say,
            retries,
            lost="its stories are not learned",
        ):
            if part is None:
                complete = False
                continue
            total.merge(part)
            total.prune()
            if on_progress is not None:
                on_progress(part.stories)
    finally:
        close()
    return total if complete else None


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


__all__ = ["PartitionResult", "Summary", "check", "connect", "learn", "run_partitions"]
