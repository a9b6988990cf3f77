"""`--dask` against `--jobs 1`: the dev corpora as JSON Lines, on a dask.distributed LocalCluster of
2 worker processes (one thread each) started before the timed runs, as a real cluster would be.

    python benchmarks/dask_jsonl.py [--corpora DIR] [--runs 3] [--workers 2]

Each run is `newslint check --jsonl A --jsonl B ... --headline-field headline --format json` with
`--jobs 1` or `--dask ADDRESS`; the report goes to a file. One untimed warm-up of each (the
workers build their rules once); then interleaved runs, medians. Checks that every report is byte
for byte the `--jobs 1` one. The `ceiling` row is the machine's own: a pure-Python loop on 1 and 2
processes at the same moment (benchmarks/parallel.py). A benchmark, not a test. Budget (issue 17):
at least 1.7x the speed of --jobs 1.
"""

from __future__ import annotations

import argparse
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from parallel import CORPORA, calibrate  # noqa: E402


def timed(args: list[str], out: Path) -> float:
    start = time.perf_counter()
    with out.open("wb") as fh:
        proc = subprocess.run(
            [sys.executable, "-m", "newslint", *args], stdout=fh, stderr=subprocess.PIPE, text=False
        )
    elapsed = time.perf_counter() - start
    if proc.returncode not in (0, 1):
        sys.exit(f"newslint failed ({proc.returncode}): {proc.stderr.decode()[:500]}")
    return elapsed


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--corpora", type=Path, default=CORPORA)
    ap.add_argument("--runs", type=int, default=3)
    ap.add_argument("--workers", type=int, default=2)
    ap.add_argument("--no-calibrate", action="store_true")
    a = ap.parse_args()
    from dask.distributed import Client, LocalCluster

    corpora = sorted(a.corpora.glob("*.jsonl"))
    size = sum(p.stat().st_size for p in corpora) / 1e6
    args = ["check", *(x for c in corpora for x in ("--jsonl", str(c)))] + [
        "--headline-field",
        "headline",
        "--format",
        "json",
    ]
    cluster = LocalCluster(n_workers=a.workers, threads_per_worker=1, processes=True, dashboard_address=None)
    client = Client(cluster)
    settings = {"jobs 1": ["--jobs", "1"], f"dask {a.workers}": ["--dask", cluster.scheduler_address]}
    print(f"# {len(corpora)} corpora, {size:.1f} MB; LocalCluster of {a.workers} worker processes")
    try:
        with tempfile.TemporaryDirectory(prefix="newslint-dask-") as tmp:
            outputs = {label: Path(tmp) / f"{label.replace(' ', '-')}.json" for label in settings}
            for label, extra in settings.items():  # warm-up
                timed([*args, *extra], outputs[label])
            reference = outputs["jobs 1"].read_bytes()
            times: dict[str, list[float]] = {label: [] for label in settings}
            for _ in range(a.runs):
                for label, extra in settings.items():
                    times[label].append(timed([*args, *extra], outputs[label]))
                    assert outputs[label].read_bytes() == reference, f"{label}: report differs from --jobs 1"
            base = statistics.median(times["jobs 1"])
            print(f"{'setting':10} {'median s':>9} {'range':>13} {'speed-up':>9}")
            for label, runs in times.items():
                median = statistics.median(runs)
                print(f"{label:10} {median:9.2f} {min(runs):6.2f}-{max(runs):<6.2f} {base / median:8.2f}x")
            print(f"every report byte-identical to --jobs 1 ({len(reference)} bytes)")
    finally:
        client.close()
        cluster.close()
    if not a.no_calibrate:
        calibrate([1, a.workers], a.runs)
    print(f"load average at the end: {os.getloadavg()[0]:.2f}")


if __name__ == "__main__":
    main()
