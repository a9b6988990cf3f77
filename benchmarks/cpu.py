#!/usr/bin/env python3
"""newslint beside codespell in CPU time, and where newslint's time goes: figures that hold on a
loaded machine, where wall time says more about the other jobs than about the code.

    python benchmarks/cpu.py DIR [--story FILE] [--runs N] [--profile]

- throughput: `newslint check --jobs 1` and `codespell` over the story files of DIR, each the
  median of N runs of the child's CPU time (user + system, from `os.wait4`), in MB/s, and their
  ratio;
- start-up: the same for one small story (default: the golden seed story), 3N runs;
- `--profile`: one in-process CLI run over DIR under cProfile, its own time summed by area
  (engine module, rule family, the regex compiler, imports), largest first;
- `--rules`: one in-process check of every story of DIR (after 20 to warm the tables), the CPU
  time of each rule's `check` and of parsing, without a profiler's inflation: where the rule time
  goes, rule by rule. (What a rule asks of the story first, its word counts or its token index,
  is charged to that rule; what the engine selects for the rules' triggers before they run is
  the engine's.)

Make DIR outside the project, e.g. the odd-numbered 500 of the BBC stories:
    python3 ../shared/corpora/materialize.py /tmp/bbc --corpus bbc
    mkdir /tmp/s500 && ls /tmp/bbc | sort | awk 'NR%2==1' | head -500 | xargs -I{} cp /tmp/bbc/{} /tmp/s500/

A benchmark, not a test: it asserts nothing.
"""

from __future__ import annotations

import argparse
import collections
import cProfile
import os
import pstats
import statistics
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SEED = ROOT / "tests" / "golden" / "stories" / "syria-airstrikes.txt"
# Children may write bytecode caches, as an installed package has them (see run.py).
_ENV = {k: v for k, v in os.environ.items() if k != "PYTHONDONTWRITEBYTECODE"}


def child_cpu(cmd: list[str]) -> float:
    """CPU seconds (user + system) of one child process."""
    proc = subprocess.Popen(cmd, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, env=_ENV)
    _, _, usage = os.wait4(proc.pid, 0)
    return usage.ru_utime + usage.ru_stime


def median_cpu(cmd: list[str], runs: int) -> float:
    child_cpu(cmd)  # warm: bytecode caches, disk
    return statistics.median(child_cpu(cmd) for _ in range(runs))


def tool(name: str) -> str | None:
    beside = Path(sys.executable).parent / name
    return str(beside) if beside.exists() else None


def compare(directory: Path, story: Path, runs: int) -> list[str]:
    size = sum(p.stat().st_size for p in directory.rglob("*") if p.is_file()) / 1e6
    newslint = [sys.executable, "-m", "newslint", "check", "--quiet", "--exit-zero", "--jobs", "1"]
    codespell = tool("codespell")
    lines = [f"load average (1 min) {os.getloadavg()[0]:.1f}; CPU medians of {runs} runs"]
    ours = median_cpu([*newslint, str(directory)], runs)
    line = f"throughput, {size:.2f} MB: newslint {ours:.2f} s CPU = {size / ours:.2f} MB/s"
    if codespell:
        theirs = median_cpu([codespell, "-q", "3", str(directory)], runs)
        line += f"; codespell {theirs:.2f} s = {size / theirs:.2f} MB/s; ratio {ours / theirs:.2f}"
    lines.append(line)
    ours = median_cpu([*newslint, str(story)], 3 * runs)
    line = f"start-up, {story.name}: newslint {ours:.3f} s CPU"
    if codespell:
        theirs = median_cpu([codespell, str(story)], 3 * runs)
        line += f"; codespell {theirs:.3f} s; ratio {ours / theirs:.2f}"
    lines.append(line)
    lines.append(f"load average (1 min) {os.getloadavg()[0]:.1f}")
    return lines


def area(filename: str, function: str) -> str:
    """The part of the program a profiled function belongs to."""
    path = filename.replace("\\", "/")
    if "/rules/" in path:
        return "rules/" + path.rsplit("/rules/", 1)[1].split("/")[0].removesuffix(".py")
    for engine in ("/lint/", "/newslint/"):
        if engine in path:
            return "engine " + path.rsplit(engine, 1)[1]
    if "/re/_" in path or path.endswith(("sre_parse.py", "sre_compile.py")):
        return "regex compiler"
    if path.startswith("<frozen importlib") or "importlib" in path:
        return "imports"
    if path == "~":
        return "C: " + function.split(" of ")[0].strip("<>").replace("method ", "")
    return Path(path).name


def profile(directory: Path, top: int = 25) -> list[str]:
    from newslint.cli import main

    argv = sys.argv
    sys.argv = ["newslint", "check", "--quiet", "--exit-zero", "--jobs", "1", str(directory)]
    profiler = cProfile.Profile()
    profiler.enable()
    try:
        main()
    except SystemExit:
        pass
    finally:
        profiler.disable()
        sys.argv = argv
    totals: collections.Counter[str] = collections.Counter()
    stats = pstats.Stats(profiler).stats  # type: ignore[attr-defined]
    for (filename, _, function), (_, _, own, _, _) in stats.items():
        totals[area(filename, function)] += own
    whole = sum(totals.values())
    lines = [f"profile (own time by area, cProfile inflates Python calls): {whole:.1f} s"]
    lines += [f"{seconds / whole:6.1%}  {name}" for name, seconds in totals.most_common(top)]
    return lines


def _timed(check, name, times, calls):
    """`check` (a rule's), its CPU time added to times[name] and its calls counted."""

    def timed_check(doc):  # the whole of a rule's reports: its check may be a generator
        calls[name] += 1
        start = time.process_time()
        try:
            return list(check(doc))
        finally:
            times[name] += time.process_time() - start

    return timed_check


def timer_cost(calls: int = 100_000, runs: int = 5) -> tuple[float, float]:
    """What `_timed` itself costs a call, in CPU seconds: (inside the time it measures, outside
    it), the medians of `runs` timings of a check that yields nothing. About 1 us each on this
    host (a `process_time` is a system call): some 200,000 rule calls a corpus run, so 0.2 s
    went to the rules and 0.2 s more to "the rest of the engine" before they were taken off."""
    inside, outside = [], []
    for _ in range(runs):
        times: collections.Counter[str] = collections.Counter()
        check = _timed(lambda doc: iter(()), "", times, collections.Counter())
        bare = time.process_time()
        for _ in range(calls):
            list(iter(()))
        bare = time.process_time() - bare
        start = time.process_time()
        for _ in range(calls):
            check(None)
        whole = time.process_time() - start
        inside.append(max(0.0, times[""] - bare) / calls)
        outside.append(max(0.0, whole - times[""]) / calls)
    return statistics.median(inside), statistics.median(outside)


def rule_times(directory: Path, top: int = 25) -> list[str]:
    from newslint import lint, segment
    from newslint.config import Settings

    texts = [
        p.read_text(encoding="utf-8", errors="replace") for p in sorted(directory.rglob("*")) if p.is_file()
    ]
    linter = lint.Linter(Settings(), path="story.txt")
    for text in texts[:20]:
        linter.check(text)
    times: collections.Counter[str] = collections.Counter()
    calls: collections.Counter[str] = collections.Counter()
    parse = segment.parse

    def timed(rule):
        return _timed(rule.check, f"{type(rule).code} {type(rule).name}", times, calls)

    def timed_parse(*args, **kwargs):
        calls["(parsing)"] += 1
        start = time.process_time()
        try:
            return parse(*args, **kwargs)
        finally:
            times["(parsing)"] += time.process_time() - start

    for rule in linter.rules:
        rule.check = timed(rule)
    segment.parse = timed_parse
    try:
        start = time.process_time()
        for text in texts:
            linter.check(text)
        whole = time.process_time() - start
    finally:
        segment.parse = parse
    # the timer's own cost taken off: inside each timed call (the rule's and the parse's figures)
    # and outside it (the rest of the engine's)
    inside, outside = timer_cost()
    count = sum(calls.values())
    for name in times:
        times[name] = max(0.0, times[name] - calls[name] * inside)
    timer = count * (inside + outside)
    whole -= timer
    rules = sum(v for k, v in times.items() if not k.startswith("("))
    lines = [
        f"in process, {len(texts)} stories: {whole:.3f} s CPU; rules {rules:.3f} s, parsing "
        f"{times['(parsing)']:.3f} s, the rest of the engine {whole - rules - times['(parsing)']:.3f} s "
        f"(the timer's cost taken off: {count:,} timed calls, {timer:.3f} s)"
    ]
    lines += [
        f"{seconds * 1000:8.1f} ms {seconds / whole:6.1%}  {name}" for name, seconds in times.most_common(top)
    ]
    return lines


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("directory", type=Path)
    ap.add_argument("--story", type=Path, default=SEED)
    ap.add_argument("--runs", type=int, default=5)
    ap.add_argument("--profile", action="store_true", help="also profile one in-process run")
    ap.add_argument("--rules", action="store_true", help="only the CPU time of each rule, in process")
    args = ap.parse_args()
    if args.rules:
        print("\n".join(rule_times(args.directory)))
        return 0
    for line in compare(args.directory, args.story, args.runs):
        print(line, flush=True)
    if args.profile:
        print("\n".join(profile(args.directory)))
    return 0


if __name__ == "__main__":
    sys.exit(main())
