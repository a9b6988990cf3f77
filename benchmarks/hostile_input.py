#!/usr/bin/env python3
"""The CPU-time budgets of hostile input (issue 16, docs/reliability.md), measured.

    python benchmarks/hostile_input.py [--only 1mb|20mb] [CASE ...]

- every shape the issue names, 1 MB, checked and fixed (`--fix --unsafe-fixes`): 5 s of CPU
  (its 200 MB of memory is also held by a slow test);
- four shapes at 20 MB, checked: 60 s of CPU and 1 GB of memory.

Each budget is a CPU time on the machine it was set on (the team's shared 2-core VM); on a slower
or busier machine it is scaled by the same calibration loop the slow tests use. The table marks
a case over its budget with OVER and the script exits 1 when one is. Budgets live here and not in
the tests (the tests hold what does not depend on the machine's speed: no hang, no traceback,
the exit code and the peak memory).
"""

from __future__ import annotations

import argparse
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "tests"))

from pathological import CASES, measure  # noqa: E402
from test_pathological import (  # noqa: E402
    CPU_1MB,
    CPU_20MB,
    ISSUE_SHAPES,
    MEMORY_1MB,
    MEMORY_20MB,
    ONE_MB,
    TWENTY_MB,
    speed_factor,
)

TWENTY_MB_SHAPES = ["prose-paragraphs", "one-line-prose", "no-spaces-mixed", "one-word"]


def _run(case: str, size: int, fix: bool) -> tuple[str, float, float, float]:
    """(exit, wall s, CPU s, peak MB) of one case at `size` bytes."""
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        (folder / "newslint.toml").write_text(f"max-file-size = {size + (5 << 20)}\n")
        (folder / "story.txt").write_text(CASES[case][1](size), encoding="utf-8")
        fixing = ["--fix", "--unsafe-fixes"] if fix else []
        m = measure(["check", *fixing, "--quiet", "story.txt"], folder, timeout=900, memory_mb=4000)
    return ("timeout" if m.timed_out else str(m.code)), m.wall, m.cpu, m.peak_mb


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("cases", nargs="*", help="only these shapes")
    parser.add_argument("--only", choices=["1mb", "20mb"])
    options = parser.parse_args()
    factor = speed_factor()
    runs = []
    if options.only != "20mb":
        runs += [(c, ONE_MB, True, CPU_1MB, MEMORY_1MB) for c in ISSUE_SHAPES]
    if options.only != "1mb":
        runs += [(c, TWENTY_MB, False, CPU_20MB, MEMORY_20MB) for c in TWENTY_MB_SHAPES]
    if options.cases:
        runs = [r for r in runs if r[0] in options.cases]
    print(f"speed factor {factor:.2f} (budgets scaled by it)\n")
    print("| case | size | fix | exit | wall s | CPU s | budget s | peak MB | budget MB | |")
    print("|---|---|---|---|---|---|---|---|---|---|")
    over = 0
    for case, size, fix, budget, memory in runs:
        code, wall, cpu, peak = _run(case, size, fix)
        bad = cpu > budget * factor or peak > memory or code not in ("0", "1")
        over += bad
        mark = "OVER" if bad else ""
        print(
            f"| {case} | {size / 1e6:.0f} MB | {'yes' if fix else 'no'} | {code} | {wall:.1f} | {cpu:.1f} "
            f"| {budget * factor:.1f} | {peak:.0f} | {memory} | {mark} |",
            flush=True,
        )
    print(f"\n{over} of {len(runs)} over budget")
    return 1 if over else 0


if __name__ == "__main__":
    sys.exit(main())
