#!/usr/bin/env python3
"""Instructions newslint executes per story in a run over a whole corpus, counted by callgrind:
a speed figure that holds on a loaded or varying machine, where CPU seconds wander by 10-30%
from one minute to the next. Compare two commits with it, not two timed runs.

    python benchmarks/instructions.py DIR [--every 20] [--out callgrind.out] [--cycles]

One process checks every story of DIR in order (one `Linter`, default settings) under
`valgrind --tool=callgrind --instr-atstart=no`, with PYTHONHASHSEED=0 and bytecode caches written
beforehand. Instrumentation is switched on only while every `--every`th story is checked, through
callgrind's client requests in a tiny library compiled here. The cyclic garbage collector's work
is left out (and how many collections were, printed): where a collection falls is chance, and one
falling into a sampled story moved the count by up to 4%. So the count is a systematic sample
of the run itself: each sampled story costs what it costs at its place in the run, with the
words and names the stories before it taught the process's memos. (The first version checked 20
warm-up stories and then the sample alone; its stories met about 19 new words each against 5.5
over the whole corpus, so it weighed first-meeting work about 3.5x too much.) Prints the total
and the instructions per sampled story. Needs valgrind with its headers (Debian's package) and a
C compiler; a few minutes for the 10,657 corpus stories.

`--cycles` also simulates the caches and branch predictor (callgrind's `--cache-sim=yes
--branch-sim=yes`, several times as slow) and prints an estimate of cycles by the usual formula
of callgrind's tools, Ir + 10 (L1 misses + mispredicted branches) + 100 (last-level misses): time
spent waiting on memory, which instruction counts do not see (a lookup into a big memo costs
few instructions and may miss the cache). Callgrind clears its simulated caches whenever
instrumentation is switched on, so with `--cycles` it is switched on one story early and that
story is simulated but not counted: each sampled story meets the caches the story before it
left. Memo entries that the 18 unsimulated stories before that touched still read as misses, so
the last-level figure is high; compare estimates with estimates.

A benchmark, not a test: it asserts nothing.
"""

from __future__ import annotations

import argparse
import ctypes
import gc
import os
import re
import shutil
import subprocess
import sys
import tempfile
from collections.abc import Callable
from pathlib import Path

# Bytecode caches written before the counted run: with PYTHONDONTWRITEBYTECODE set (this sandbox
# sets it) every run compiled every module, and a cache written halfway through a comparison made
# its two runs differ.
_ENV = {k: v for k, v in os.environ.items() if k != "PYTHONDONTWRITEBYTECODE"}

# Outside valgrind a client request is a few no-op instructions, so the child runs unchanged.
_MARKS = """
#include <valgrind/callgrind.h>
void marks_on(void) { CALLGRIND_START_INSTRUMENTATION; }
void marks_off(void) { CALLGRIND_STOP_INSTRUMENTATION; }
void marks_collect(void) { CALLGRIND_TOGGLE_COLLECT; }
"""


def _stories(directory: Path) -> list[Path]:
    return sorted(p for p in directory.rglob("*") if p.is_file())


def _build_marks(tmp: Path) -> Path:
    source, lib = tmp / "marks.c", tmp / "marks.so"
    source.write_text(_MARKS)
    compiler = os.environ.get("CC") or shutil.which("cc") or "gcc"
    done = subprocess.run([compiler, "-shared", "-fPIC", "-O1", "-o", str(lib), str(source)])
    if done.returncode:
        raise SystemExit("cannot build the marks library: needs a C compiler and valgrind/callgrind.h")
    return lib


def _child(directory: Path, every: int, marks: str, warm: bool, gc_log: str | None) -> None:
    """Check every story in order; count only every `every`th one (and with `warm` simulate the
    story before it too, uncounted, so that the simulated caches hold what a run's would). The
    cyclic collector's work is not counted (see `_uncounted_collections`)."""
    from newslint import lint
    from newslint.config import Settings

    lib = ctypes.CDLL(marks)
    on, off, collect = lib.marks_on, lib.marks_off, lib.marks_collect
    linter = lint.Linter(Settings(), path="story.txt")
    counting, collections = _uncounted_collections(collect)
    # Switching instrumentation on clears the simulated caches: with `warm` it goes on a story early.
    early = 1 if warm and every > 1 else 0
    for n, path in enumerate(_stories(directory)):
        text = path.read_text(encoding="utf-8", errors="replace")
        phase = n % every
        if phase == every - 1 - early:
            on()
        if phase != every - 1:
            linter.check(text)
            continue
        collect()  # collection starts off (--collect-atstart=no) and counts this story alone
        counting.append(True)
        linter.check(text)
        counting.pop()
        collect()
        off()
    if gc_log:
        Path(gc_log).write_text(" ".join(map(str, collections)))


def _uncounted_collections(collect: Callable[[], None]) -> tuple[list[bool], list[int]]:
    """Leave the collector's work out of the count: when a collection falls inside a sampled
    story is chance (a generation-1 collection is about 47 M instructions, 4% of the sample), so
    any change that allocates a little more or less moved the count by more than most changes
    save. Returns the flag list the caller pushes while counting and the collections per
    generation left out."""
    counting: list[bool] = []
    collections = [0, 0, 0]

    def around(phase: str, info: dict[str, int]) -> None:
        if counting:
            collect()  # off at the start of a collection, on again at its end
            collections[info["generation"]] += phase == "start"

    gc.callbacks.append(around)
    return counting, collections


def _count(directory: Path, every: int, out: Path, marks: Path, cycles: bool) -> dict[str, int]:
    """Callgrind's totals for the sampled stories, by event name (Ir, and with `cycles` the cache
    and branch events)."""
    simulate = ["--cache-sim=yes", "--branch-sim=yes"] if cycles else []
    cmd = [
        "valgrind", "--tool=callgrind", "--instr-atstart=no", "--collect-atstart=no", *simulate,
        f"--callgrind-out-file={out}", sys.executable, __file__, str(directory), "--child",
        "--every", str(every), "--marks", str(marks), "--gc-log", str(out) + ".gc",
        *(["--warm"] if cycles else []),
    ]  # fmt: skip
    env = {**_ENV, "PYTHONHASHSEED": "0"}
    subprocess.run(cmd, check=True, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    return read_totals(out)


def read_totals(out: Path) -> dict[str, int]:
    """A callgrind file's totals by event name (events it leaves off at the end are absent)."""
    text = out.read_text()
    # "totals" is what was collected; "summary" stays 0 when instrumentation starts off.
    events = re.search(r"^events: (.+)$", text, re.MULTILINE)
    found = re.search(r"^totals: (.+)$", text, re.MULTILINE)
    if events is None or found is None:
        raise SystemExit(f"no total in {out}")
    return dict(zip(events.group(1).split(), map(int, found.group(1).split()), strict=False))


def estimated_cycles(totals: dict[str, int]) -> int:
    """Callgrind's tools' cycle estimate: Ir + 10 (L1 misses + mispredicts) + 100 (LL misses)."""
    l1 = sum(totals.get(e, 0) for e in ("I1mr", "D1mr", "D1mw"))
    last = sum(totals.get(e, 0) for e in ("ILmr", "DLmr", "DLmw"))
    mispredicts = totals.get("Bcm", 0) + totals.get("Bim", 0)
    return totals["Ir"] + 10 * (l1 + mispredicts) + 100 * last


def _report(totals: dict[str, int], sampled: int, directory: Path, every: int) -> list[str]:
    total = totals["Ir"]
    lines = [
        f"{sampled} stories (every {every}th of a run over the whole of {directory}): "
        f"{total:,} instructions ({total / 1e9:.3f} G), {total / max(1, sampled):,.0f} a story"
    ]
    if "D1mr" in totals:
        cycles = estimated_cycles(totals)
        events = ", ".join(f"{name} {count:,}" for name, count in totals.items() if name != "Ir")
        lines.append(f"events: {events}")
        lines.append(
            f"estimated cycles: {cycles:,} ({cycles / 1e9:.3f} G, {cycles / max(1, total):.2f} a "
            f"instruction), {cycles / max(1, sampled):,.0f} a story"
        )
    return lines


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("directory", type=Path)
    ap.add_argument("--every", type=int, default=20, help="count every Nth story (default 20)")
    ap.add_argument("--out", type=Path, help="keep callgrind's output file here")
    ap.add_argument("--cycles", action="store_true", help="simulate caches and branches; estimate cycles")
    ap.add_argument("--child", action="store_true", help=argparse.SUPPRESS)
    ap.add_argument("--marks", help=argparse.SUPPRESS)
    ap.add_argument("--warm", action="store_true", help=argparse.SUPPRESS)
    ap.add_argument("--gc-log", help=argparse.SUPPRESS)
    args = ap.parse_args()
    if args.every < 1:
        ap.error("--every must be at least 1")
    if args.child:
        _child(args.directory, args.every, args.marks, args.warm, args.gc_log)
        return 0
    sampled = len(_stories(args.directory)) // args.every
    with tempfile.TemporaryDirectory() as tmp:
        marks = _build_marks(Path(tmp))
        warm = [sys.executable, "-c", "import newslint.lint, newslint.config"]
        subprocess.run(warm, check=True, env=_ENV)  # the bytecode caches, outside valgrind
        out = args.out or Path(tmp) / "callgrind.out"
        totals = _count(args.directory, args.every, out, marks, args.cycles)
        gc_log = Path(str(out) + ".gc")
        left_out = gc_log.read_text().split()
        gc_log.unlink()
    lines = _report(totals, sampled, args.directory, args.every)
    lines.insert(1, f"collections left out of the count, generations 0/1/2: {'/'.join(left_out)}")
    print("\n".join(lines))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
