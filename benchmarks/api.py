"""How long a reused `newslint.Checker` takes to check a story of about 1 KB, in-process.

    python benchmarks/api.py [--corpora DIR] [--size 1000]

The stories are the corpus records (headline, blank line, body) of SIZE bytes +-10%. The checker
is warmed up on the *other* records first (so the timed stories' words are not all remembered),
then each timed story is checked once. Reports the median and 90th percentile in CPU time of the
checking thread (what the check costs, whatever else runs on the machine) and in wall time, with
the load average, since a shared machine's wall time says more about its neighbours.
Budget (issue 17): median <= 2 ms.
"""

from __future__ import annotations

import argparse
import json
import os
import statistics
import time
from pathlib import Path

import newslint

ROOT = Path(__file__).resolve().parent.parent
# ../shared/corpora beside the checkout (or beside a parent directory, for a git worktree).
DEFAULT_CORPORA = next(
    (p / "shared" / "corpora" for p in ROOT.parents if (p / "shared" / "corpora").is_dir()),
    ROOT.parent / "shared" / "corpora",
)


def records(corpora: Path):
    for name in ("bbc.dev.jsonl", "reuters.dev.jsonl"):
        with (corpora / name).open(encoding="utf-8") as fh:
            for line in fh:
                record = json.loads(line)
                yield f"{record.get('headline') or ''}\n\n{record['body']}"


def main() -> None:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--corpora", type=Path, default=DEFAULT_CORPORA)
    parser.add_argument("--size", type=int, default=1000)
    args = parser.parse_args()
    low, high = args.size * 0.9, args.size * 1.1
    timed, warm = [], []
    for text in records(args.corpora):
        (timed if low <= len(text.encode("utf-8")) <= high else warm).append(text)
    started = time.perf_counter()
    checker = newslint.Checker()
    built = time.perf_counter() - started
    for text in warm[:2000]:
        checker.check(text)
    cpu, wall = [], []
    for text in timed:
        c0, w0 = time.thread_time(), time.perf_counter()
        checker.check(text)
        cpu.append(time.thread_time() - c0)
        wall.append(time.perf_counter() - w0)

    def ms(values: list[float]) -> str:
        values = sorted(values)
        p90 = values[int(len(values) * 0.9)]
        return f"median {statistics.median(values) * 1e3:.2f} ms, p90 {p90 * 1e3:.2f} ms"

    print(f"Checker() built in {built * 1e3:.0f} ms; {len(timed)} stories of {args.size} B +-10%")
    print(f"CPU time:  {ms(cpu)}")
    print(f"wall time: {ms(wall)}")
    print(f"load average at the end: {os.getloadavg()[0]:.2f} on {os.cpu_count()} CPUs")


if __name__ == "__main__":
    main()
