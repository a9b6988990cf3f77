#!/usr/bin/env python3
"""What bounds `--jobs N`'s speed-up, in instructions: a figure that holds on a loaded machine,
where two timed runs a minute apart differ by more than a change to the runner saves.

    python benchmarks/jobs_instructions.py DIR [--jobs 2] [--keep FOLDER]

Three runs of `newslint check -q --exit-zero DIR` under callgrind (PYTHONHASHSEED=0, bytecode
caches and the pattern cache written first by a run outside valgrind): with `--jobs 1`; with
`--jobs N`; and with `--jobs N` ended at the fork, which counts the serial start (imports,
config, the file walk, the warm-up). A forked worker's callgrind count starts from its
parent's at the fork, so each process's count is its whole path through the run, start
included; the workers take batches until none is left, so they end together and the wall
time goes as the mean of those counts. Printed: the serial start, each run's counts, the
work `--jobs N` does that `--jobs 1` does not (the start's share aside: every process's own
first meetings of words and its lazily built tables, pickling, the merge), and the wall
speed-up those counts predict, `--jobs 1` over the mean (the corpus, 7 December: 11.05 G over
6.06 G, 1.82x, against 1.79-1.80x timed).

A benchmark, not a test: it asserts nothing. Several minutes over the 10,657 corpus stories.
"""

from __future__ import annotations

import argparse
import os
import subprocess
import sys
import tempfile
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from instructions import read_totals  # noqa: E402

_ENV = {k: v for k, v in os.environ.items() if k != "PYTHONDONTWRITEBYTECODE"}

# `--jobs N` ended where its workers would be forked: the serial start alone
_UNTIL_FORK = """
import os, sys
from newslint import _re_cache
_re_cache.install()  # before the engine's imports, as the command does (`cli_fast.main`)
from newslint import runner
def _stop(*args, **kwargs):
    sys.stdout.flush()
    os._exit(0)
runner._run_forked = _stop
sys.argv = ["newslint", *sys.argv[1:]]
from newslint.cli_fast import main
main(fast_exit=True)
"""


def _counts(folder: Path, name: str, command: list[str], directory: Path) -> list[int]:
    """The instructions of each process of `command` (a list for a forked run), parent first."""
    for old in folder.glob(f"{name}.*"):  # a kept folder's files of an earlier run
        old.unlink()
    cmd = ["valgrind", "--tool=callgrind", f"--callgrind-out-file={folder / name}.%p", *command]
    env = {**_ENV, "PYTHONHASHSEED": "0"}
    subprocess.run(cmd, cwd=directory, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    outs = sorted(folder.glob(f"{name}.*"), key=lambda p: int(p.suffix[1:]))  # process ids: parent first
    if not outs:
        raise SystemExit(f"no callgrind output for {name}: is valgrind installed?")
    return [read_totals(out)["Ir"] for out in outs]


def report(single: int, forked: list[int], start: int, jobs: int) -> list[str]:
    """The lines printed for the three runs' counts."""
    mean = sum(forked) / len(forked)
    extra = sum(forked) - (len(forked) - 1) * start - single
    return [
        f"serial start (up to the fork): {start / 1e9:.3f} G",
        f"--jobs 1: {single / 1e9:.3f} G",
        f"--jobs {jobs}: {', '.join(f'{c / 1e9:.3f}' for c in forked)} G a process "
        f"(each from the start), mean {mean / 1e9:.3f} G",
        f"work --jobs {jobs} does beyond --jobs 1 (the start counted once): {extra / 1e9:.3f} G "
        f"({extra / (len(forked) * mean) * 100:.1f}% of its processes' work)",
        f"predicted speed-up: {single / mean:.3f}x",
    ]


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("directory", type=Path)
    ap.add_argument("--jobs", type=int, default=2)
    ap.add_argument("--keep", type=Path, help="keep callgrind's output files in this folder")
    args = ap.parse_args()
    if args.jobs < 2:
        ap.error("--jobs must be at least 2")
    directory = args.directory.resolve()
    check = ["check", "-q", "--exit-zero", "."]
    # the caches written outside valgrind: a stale pattern cache made a run compile 126 methods
    newslint = [sys.executable, "-m", "newslint", *check]
    subprocess.run(newslint, cwd=directory, env=_ENV, stdout=subprocess.DEVNULL)
    with tempfile.TemporaryDirectory() as tmp:
        folder = args.keep or Path(tmp)
        folder.mkdir(parents=True, exist_ok=True)
        jobs = ["--jobs", str(args.jobs)]
        start = _counts(folder, "start", [sys.executable, "-c", _UNTIL_FORK, *check, *jobs], directory)[0]
        single = _counts(folder, "single", [*newslint, "--jobs", "1"], directory)
        forked = _counts(folder, "forked", [*newslint, *jobs], directory)
    print("\n".join(report(single[0], forked, start, args.jobs)))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
