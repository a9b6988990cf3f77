"""Peak memory of `newslint check --jsonl` on a large JSON Lines file (budget: 300 MB for 2 GB).

    python benchmarks/jsonl_memory.py [--size-gb 2] [--jobs 2] [--tmp /tmp] [--keep]

Writes a JSON Lines file of SIZE GB under --tmp (never in the repository) from the corpus records
beside the checkout (../shared/corpora/*.jsonl), repeated with fresh ids, then runs
`newslint check --jsonl FILE --headline-field headline --quiet` and samples the resident memory of
the newslint process and its worker processes (summed) every 0.2 s with psutil. Prints the peak,
the time, and the records per second. A benchmark, not a test: it asserts nothing.
"""

from __future__ import annotations

import argparse
import contextlib
import json
import os
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


def tree_rss(process: psutil.Process) -> int:
    total = 0
    for p in [process, *process.children(recursive=True)]:
        with contextlib.suppress(psutil.Error):
            total += p.memory_info().rss
    return total


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
    proc = subprocess.Popen(cmd, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    watched = psutil.Process(proc.pid)
    peak = 0
    while proc.poll() is None:
        peak = max(peak, tree_rss(watched))
        time.sleep(0.2)
    out, err = proc.communicate()
    elapsed = time.perf_counter() - started
    print(f"exit {proc.returncode}; {out.strip().splitlines()[-1] if out.strip() else ''}")
    print(f"peak resident memory (newslint and its {a.jobs} workers): {peak / 1e6:.0f} MB")
    rate = target.stat().st_size / 1e6 / elapsed
    print(f"time {elapsed:.0f} s; {count / elapsed:.0f} records/s; {rate:.2f} MB/s")
    print(f"load average at the end: {os.getloadavg()[0]:.2f}")
    if err.strip():
        print("stderr (first lines):", *err.strip().splitlines()[:5], sep="\n  ")
    if not a.keep:
        target.unlink()


if __name__ == "__main__":
    main()
