#!/usr/bin/env python3
"""How much `--jobs N` speeds up a corpus run: wall time of `newslint check` over a directory of
stories (and over the JSON Lines corpora themselves), for each job count, median of runs.

    python benchmarks/parallel.py                       # the ~10,600 stories of ../shared/corpora
    python benchmarks/parallel.py --stories DIR --jobs 1 2 4 --runs 5

Without --stories, the corpora beside the repository (../shared/corpora/*.jsonl) are written as
one .txt file per story (headline, blank line, body) under a temporary directory, which is how
newslint meets stories on disk. The default rules run; the report goes to /dev/null (--quiet),
so the time is checking, not printing. One untimed warm-up run comes first; runs of the job counts
are interleaved. The `ceiling` row times a pure-Python loop on 1 and N processes: what this machine
gives at best (virtual machines often give less than N times on N cores). A benchmark, not a test:
it asserts nothing.
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
# ../shared/corpora beside the checkout (or beside a parent directory, for a git worktree).
CORPORA = next(
    (p / "shared" / "corpora" for p in ROOT.parents if (p / "shared" / "corpora").is_dir()),
    ROOT.parent / "shared" / "corpora",
)


def materialize(corpora: Path, out: Path) -> int:
    count = 0
    for corpus in sorted(corpora.glob("*.jsonl")):
        with corpus.open(encoding="utf-8") as fh:
            for line in fh:
                story = json.loads(line)
                (out / f"{story['id']}.txt").write_text(
                    story["headline"] + "\n\n" + story["body"], encoding="utf-8"
                )
                count += 1
    return count


def timed(args: list[str]) -> float:
    start = time.perf_counter()
    proc = subprocess.run(
        [sys.executable, "-m", "newslint", *args],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
        text=True,
    )
    elapsed = time.perf_counter() - start
    if proc.returncode not in (0, 1):
        sys.exit(f"newslint failed ({proc.returncode}): {proc.stderr.strip()[:500]}")
    return elapsed


def bench(label: str, args: list[str], jobs: list[int], runs: int) -> None:
    timed([*args, "--jobs", str(jobs[-1])])  # warm-up: file cache, bytecode, lazily built data
    times: dict[int, list[float]] = {n: [] for n in jobs}
    for _ in range(runs):  # interleaved, so a slow spell of the machine hits every setting alike
        for n in jobs:
            times[n].append(timed([*args, "--jobs", str(n)]))
    report(label, times)


def report(label: str, times: dict[int, list[float]]) -> None:
    base = statistics.median(next(iter(times.values())))
    for n, runs in times.items():
        median = statistics.median(runs)
        print(f"{label:8} {n:5} {median:9.2f} {min(runs):6.2f}-{max(runs):<6.2f} {base / median:8.2f}x")


def _spin(n: int) -> int:
    total = 0
    for i in range(n):
        total += i * i
    return total


def calibrate(jobs: list[int], runs: int, work: int = 20_000_000) -> None:
    """The machine's own ceiling: the same pure-Python loop, `n` copies on `n` processes, against
    `n` copies on one. Virtual machines often give less than n times on n cores."""
    import multiprocessing

    times: dict[int, list[float]] = {n: [] for n in jobs}
    for _ in range(runs):
        for n in jobs:
            copies = [work] * max(jobs)
            start = time.perf_counter()
            if n == 1:
                [_spin(c) for c in copies]
            else:
                with multiprocessing.get_context().Pool(n) as pool:
                    pool.map(_spin, copies, chunksize=1)
            times[n].append(time.perf_counter() - start)
    report("ceiling", times)


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--stories", type=Path, help="a directory of stories (default: materialize the corpora)")
    ap.add_argument("--corpora", type=Path, default=CORPORA, help="directory with the *.jsonl corpora")
    ap.add_argument("--jobs", type=int, nargs="+", default=[1, 2])
    ap.add_argument("--runs", type=int, default=3, help="runs per setting; the median is reported")
    ap.add_argument("--no-jsonl", action="store_true", help="skip the JSON Lines run")
    ap.add_argument("--no-calibrate", action="store_true", help="skip measuring the machine's own ceiling")
    a = ap.parse_args()

    with tempfile.TemporaryDirectory(prefix="newslint-bench-") as tmp:
        stories = a.stories
        if stories is None:
            if not a.corpora.is_dir():
                sys.exit(f"no corpora at {a.corpora}; give --stories DIR")
            stories = Path(tmp)
            count = materialize(a.corpora, stories)
        else:
            count = sum(1 for p in stories.rglob("*") if p.suffix in (".txt", ".md"))
        size = sum(p.stat().st_size for p in stories.rglob("*") if p.is_file()) / 1e6
        cores = len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else os.cpu_count()
        print(
            f"# newslint --jobs benchmark: {count} stories, {size:.1f} MB; {cores} cores; "
            f"Python {platform.python_version()} on {platform.machine()} {platform.system()}; "
            f"median of {a.runs} runs"
        )
        print(f"{'input':8} {'jobs':>5} {'median s':>9} {'min-max s':>13} {'speedup':>9}")
        if not a.no_calibrate:
            calibrate(a.jobs, a.runs)
        bench("files", ["check", str(stories), "--quiet", "--exit-zero"], a.jobs, a.runs)
        corpora = sorted(a.corpora.glob("*.jsonl")) if a.corpora.is_dir() else []
        if corpora and not a.no_jsonl:
            args = ["check", "--quiet", "--exit-zero", "--field", "body"]
            for corpus in corpora:
                args += ["--jsonl", str(corpus)]
            bench("jsonl", args, a.jobs, a.runs)


if __name__ == "__main__":
    main()
