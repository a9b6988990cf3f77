"""Peak memory of `newslint check --jsonl` on a large JSON Lines file (budget: 300 MB for 2 GB).

    python benchmarks/jsonl_memory.py [--size-gb 2] [--jobs 2] [--tmp /tmp] [--keep]

Writes a JSON Lines file of SIZE GB under --tmp (never in the repository) from the corpus records
beside the checkout (../shared/corpora/*.jsonl), repeated with fresh ids, then runs
`newslint check --jsonl FILE --headline-field headline --quiet` and samples the resident memory of
the newslint process and its worker processes (summed) every 0.2 s with psutil. Prints the peak
(resident memory summed over the processes, which counts the pages a forked worker shares with
its parent once in each; and the proportional set size, which counts them once), the peak of
each fifth of the run (memory that grows with the input shows as rising fifths), the time, and
the records per second. A benchmark, not a test: it asserts nothing.
"""

from __future__ import annotations

import argparse
import contextlib
import json
import os
import resource
import subprocess
import sys
import time
from pathlib import Path

import psutil

ROOT = Path(__file__).resolve().parent.parent
CORPORA = next(
    (p / "shared" / "corpora" for p in ROOT.parents if (p / "shared" / "corpora").is_dir()),
    ROOT.parent / "shared" / "corpora",
)


def generate(target: Path, size: int) -> int:
    """Repeat the corpus records (with new ids) until the file holds `size` bytes."""
    records = []
    for corpus in sorted(CORPORA.glob("*.jsonl")):
        with corpus.open(encoding="utf-8") as fh:
            records.extend(json.loads(line) for line in fh)
    written = count = 0
    with target.open("w", encoding="utf-8") as out:
        while written < size:
            for record in records:
                line = json.dumps({**record, "id": f"r{count}"}, ensure_ascii=False) + "\n"
                out.write(line)
                written += len(line.encode("utf-8"))
                count += 1
                if written >= size:
                    break
    return count


def tree_memory(process: psutil.Process, pss: bool) -> tuple[int, int]:
    """(resident, proportional) memory of `process` and its children, summed (PSS only if asked:
    reading it costs more)."""
    rss = proportional = 0
    for p in [process, *process.children(recursive=True)]:
        with contextlib.suppress(psutil.Error):
            if pss:
                info = p.memory_full_info()
                rss, proportional = rss + info.rss, proportional + info.pss
            else:
                rss += p.memory_info().rss
    return rss, proportional


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--size-gb", type=float, default=2.0)
    ap.add_argument("--jobs", type=int, default=2)
    ap.add_argument("--tmp", type=Path, default=Path("/tmp"))
    ap.add_argument("--keep", action="store_true", help="keep the generated file")
    a = ap.parse_args()
    target = a.tmp / f"newslint-bench-{a.size_gb:g}gb.jsonl"
    if not target.exists():
        started = time.perf_counter()
        count = generate(target, int(a.size_gb * 1e9))
        gigabytes = target.stat().st_size / 1e9
        print(
            f"wrote {target} ({gigabytes:.2f} GB, {count} records) in {time.perf_counter() - started:.0f} s"
        )
    else:
        count = sum(1 for _ in target.open("rb"))
    cmd = [sys.executable, "-m", "newslint", "check", "--jsonl", str(target), "--headline-field", "headline"]
    cmd += ["--quiet", "--jobs", str(a.jobs)]
    started = time.perf_counter()
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    proc = subprocess.Popen(cmd, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    watched = psutil.Process(proc.pid)
    samples: list[tuple[float, int, int]] = []
    while proc.poll() is None:
        rss, pss = tree_memory(watched, pss=len(samples) % 5 == 0)
        samples.append((time.perf_counter() - started, rss, pss))
        time.sleep(0.2)
    out, err = proc.communicate()
    elapsed = time.perf_counter() - started
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    cpu = after.ru_utime + after.ru_stime - before.ru_utime - before.ru_stime
    print(f"exit {proc.returncode}; {out.strip().splitlines()[-1] if out.strip() else ''}")
    peak = max((rss for _, rss, _ in samples), default=0)
    peak_pss = max((pss for _, _, pss in samples), default=0)
    print(
        f"peak memory of newslint and its {a.jobs} workers: resident {peak / 1e6:.0f} MB, "
        f"proportional {peak_pss / 1e6:.0f} MB"
    )
    fifths = [
        max((rss for t, rss, _ in samples if i * elapsed / 5 <= t < (i + 1) * elapsed / 5), default=0)
        for i in range(5)
    ]
    print("peak resident memory by fifth of the run: " + ", ".join(f"{m / 1e6:.0f}" for m in fifths) + " MB")
    rate = target.stat().st_size / 1e6 / elapsed
    print(f"time {elapsed:.0f} s; {count / elapsed:.0f} records/s; {rate:.2f} MB/s; CPU {cpu:.0f} s")
    print(f"load average at the end: {os.getloadavg()[0]:.2f}")
    if err.strip():
        print("stderr (first lines):", *err.strip().splitlines()[:5], sep="\n  ")
    if not a.keep:
        target.unlink()


if __name__ == "__main__":
    main()
