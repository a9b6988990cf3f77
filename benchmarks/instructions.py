#!/usr/bin/env python3
"""Instructions newslint executes per story in a run over a whole corpus, counted by callgrind:
a speed figure that holds on a loaded or varying machine, where CPU seconds wander by 10-30%
from one minute to the next. Compare two commits with it, not two timed runs.

    python benchmarks/instructions.py DIR [--every 20] [--out callgrind.out]

One process checks every story of DIR in order (one `Linter`, default settings) under
`valgrind --tool=callgrind --instr-atstart=no`, with PYTHONHASHSEED=0 and bytecode caches written
beforehand. Instrumentation is switched on only while every `--every`th story is checked, through
callgrind's client requests in a tiny library compiled here. So the count is a systematic sample
of the run itself: each sampled story costs what it costs at its place in the run, with the
words and names the stories before it taught the process's memos. (The first version checked 20
warm-up stories and then the sample alone; its stories met about 19 new words each against 5.5
over the whole corpus, so it weighed first-meeting work about 3.5x too much.) Prints the total
and the instructions per sampled story. Needs valgrind with its headers (Debian's package) and a
C compiler; a few minutes for the 10,657 corpus stories.

A benchmark, not a test: it asserts nothing.
"""

from __future__ import annotations

import argparse
import ctypes
import os
import re
import shutil
import subprocess
import sys
import tempfile
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


def _child(directory: Path, every: int, marks: str) -> None:
    """Check every story in order; instrument only every `every`th one."""
    from newslint import lint
    from newslint.config import Settings

    lib = ctypes.CDLL(marks)
    on, off = lib.marks_on, lib.marks_off
    linter = lint.Linter(Settings(), path="story.txt")
    for n, path in enumerate(_stories(directory)):
        text = path.read_text(encoding="utf-8", errors="replace")
        if n % every == every - 1:
            on()
            linter.check(text)
            off()
        else:
            linter.check(text)


def _count(directory: Path, every: int, out: Path, marks: Path) -> int:
    cmd = [
        "valgrind", "--tool=callgrind", "--instr-atstart=no", f"--callgrind-out-file={out}",
        sys.executable, __file__, str(directory), "--child", "--every", str(every),
        "--marks", str(marks),
    ]  # fmt: skip
    env = {**_ENV, "PYTHONHASHSEED": "0"}
    subprocess.run(cmd, check=True, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    # "totals" is what was collected; "summary" stays 0 when instrumentation starts off.
    found = re.search(r"^totals: (\d+)", out.read_text(), re.MULTILINE)
    if found is None:
        raise SystemExit(f"no total in {out}")
    return int(found.group(1))


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("directory", type=Path)
    ap.add_argument("--every", type=int, default=20, help="count every Nth story (default 20)")
    ap.add_argument("--out", type=Path, help="keep callgrind's output file here")
    ap.add_argument("--child", action="store_true", help=argparse.SUPPRESS)
    ap.add_argument("--marks", help=argparse.SUPPRESS)
    args = ap.parse_args()
    if args.every < 1:
        ap.error("--every must be at least 1")
    if args.child:
        _child(args.directory, args.every, args.marks)
        return 0
    sampled = len(_stories(args.directory)) // args.every
    with tempfile.TemporaryDirectory() as tmp:
        marks = _build_marks(Path(tmp))
        warm = [sys.executable, "-c", "import newslint.lint, newslint.config"]
        subprocess.run(warm, check=True, env=_ENV)  # the bytecode caches, outside valgrind
        total = _count(args.directory, args.every, args.out or Path(tmp) / "callgrind.out", marks)
    print(
        f"{sampled} stories (every {args.every}th of a run over the whole of {args.directory}): "
        f"{total:,} instructions ({total / 1e9:.3f} G), {total / max(1, sampled):,.0f} a story"
    )
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
