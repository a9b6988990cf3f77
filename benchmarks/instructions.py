#!/usr/bin/env python3
"""Instructions newslint executes to check a sample of stories, counted by callgrind: a speed
figure that holds on a loaded or varying machine, where CPU seconds wander by 10-30% from one
minute to the next. Compare two commits with it, not two timed runs.

    python benchmarks/instructions.py DIR [--every 20] [--warm 20]

Two runs under `valgrind --tool=callgrind`, both with PYTHONHASHSEED=0 and bytecode caches
written beforehand: one checks the warm-up stories and then every `--every`th story of DIR in
process (one `Linter`, default settings), the other the warm-up stories alone. The difference
is the cost of the sampled stories, without start-up, imports and the tables the first stories
build. Prints both totals, the difference and the instructions per story. Needs valgrind
(Debian's package); slow (a few minutes for the default 532 of the 10,657 corpus stories).

A benchmark, not a test: it asserts nothing.
"""

from __future__ import annotations

import argparse
import os
import re
import subprocess
import sys
import tempfile
from pathlib import Path

# Bytecode caches written before the counted runs and read by both: with PYTHONDONTWRITEBYTECODE
# set (this sandbox sets it) every run compiled every module, and a cache written halfway through
# a comparison made its two runs' warm-ups differ (3.18 G against 2.40 G).
_ENV = {k: v for k, v in os.environ.items() if k != "PYTHONDONTWRITEBYTECODE"}


def _stories(directory: Path, every: int, warm: int) -> tuple[list[Path], list[Path]]:
    files = sorted(p for p in directory.rglob("*") if p.is_file())
    return files[:warm], files[warm::every] if every else []


def _child(directory: Path, every: int, warm: int) -> None:
    """Check the warm-up stories, then the sample (none when `every` is 0)."""
    from newslint import lint
    from newslint.config import Settings

    linter = lint.Linter(Settings(), path="story.txt")
    head, sample = _stories(directory, every, warm)
    for path in [*head, *sample]:
        linter.check(path.read_text(encoding="utf-8", errors="replace"))


def _count(directory: Path, every: int, warm: int) -> int:
    with tempfile.TemporaryDirectory() as tmp:
        out = Path(tmp) / "callgrind.out"
        cmd = [
            "valgrind", "--tool=callgrind", f"--callgrind-out-file={out}",
            sys.executable, __file__, str(directory), "--child",
            "--every", str(every), "--warm", str(warm),
        ]  # fmt: skip
        env = {**_ENV, "PYTHONHASHSEED": "0"}
        subprocess.run(cmd, check=True, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        found = re.search(r"^(?:summary|totals): (\d+)", out.read_text(), re.MULTILINE)
        if found is None:
            raise SystemExit(f"no total in {out}")
        return int(found.group(1))


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("directory", type=Path)
    ap.add_argument("--every", type=int, default=20, help="check every Nth story (default 20)")
    ap.add_argument("--warm", type=int, default=20, help="warm-up stories (default 20)")
    ap.add_argument("--child", action="store_true", help=argparse.SUPPRESS)
    args = ap.parse_args()
    if args.child:
        _child(args.directory, args.every, args.warm)
        return 0
    _, sample = _stories(args.directory, args.every, args.warm)
    warm = [sys.executable, __file__, str(args.directory), "--child", "--every", "0", "--warm", "1"]
    subprocess.run(warm, check=True, env=_ENV)  # the caches, outside valgrind
    whole = _count(args.directory, args.every, args.warm)
    base = _count(args.directory, 0, args.warm)
    print(f"with the sample: {whole:,}; warm-up alone: {base:,}")
    print(
        f"{len(sample)} stories: {whole - base:,} instructions ({(whole - base) / 1e9:.3f} G), "
        f"{(whole - base) / max(1, len(sample)):,.0f} a story"
    )
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
