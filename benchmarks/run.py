#!/usr/bin/env python3
"""newslint's speed and memory against its budgets, and beside codespell and typos.

    python benchmarks/run.py [--corpora DIR] [--runs N] [--no-compare] [--out benchmarks/RESULTS.md]

DIR is either a directory of story files, or a directory of JSON Lines corpora (like
../shared/corpora), which is first written out as one file per story into a temporary directory
(with its `materialize.py` when it has one). Measures whatever rules are registered, with the
default selection:

- start-up: `newslint check` on one short story, whole process, median wall time (budget < 0.3 s);
- throughput: the corpus in one process (`--jobs 1`), MB of text per second (budget >= 3 MB/s),
  and peak resident memory of that child process from `resource.getrusage` (budget < 200 MB);
- scaling: one story repeated 1x, 10x, 100x, 1000x in one text, checked in process; time ratio
  per 10x (linear ~ 10);
- per rule: time each rule's `check` spends over the corpus, in process, slowest first;
- codespell and typos over the same files (when installed: `pip install codespell typos`), as ratios.

A benchmark, not a test: it asserts nothing; it prints a table and writes it to --out.
"""
from __future__ import annotations

import argparse
import json
import os
import platform
import resource
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SHORT_STORY = ("Council approves new budget\n\nThe city council on Tuesday approved a $4.2 million budget "
               "for the coming year, its chairman said. \"We had to make hard choices,\" he told reporters.\n")
BUDGETS = {"startup": 0.3, "throughput": 3.0, "memory": 200.0}


def newslint_cmd() -> list[str]:
    return [sys.executable, "-m", "newslint"]


def run_child(cmd: list[str], cwd: Path | None = None) -> tuple[float, float, float]:
    """Wall seconds, peak RSS in MB and CPU seconds (user + system) of one child process (its
    own getrusage, via wait4). CPU time says more than wall time on a machine shared with
    other jobs."""
    start = time.perf_counter()
    proc = subprocess.Popen(cmd, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, cwd=cwd)
    _, status, usage = os.wait4(proc.pid, 0)
    elapsed = time.perf_counter() - start
    proc.returncode = os.waitstatus_to_exitcode(status)
    peak = usage.ru_maxrss / (1024 * 1024 if sys.platform == "darwin" else 1024)
    return elapsed, peak, usage.ru_utime + usage.ru_stime


def machine() -> str:
    cpu = platform.processor() or platform.machine()
    try:
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                cpu = line.split(":", 1)[1].strip()
                break
    except OSError:
        pass
    cores = len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else os.cpu_count()
    load = f", load average {os.getloadavg()[0]:.1f} at start" if hasattr(os, "getloadavg") else ""
    return f"{cpu}, {cores} cores, Python {platform.python_version()} ({platform.system()}){load}"


def stories_dir(corpora: Path, tmp: Path, limit: int | None = None) -> Path:
    """A directory of story files: `corpora` itself, or its JSON Lines written out under `tmp`."""
    if not any(corpora.glob("*.jsonl")):
        return corpora
    out = tmp / "stories"
    out.mkdir()
    script = corpora / "materialize.py"
    if script.exists():
        subprocess.run([sys.executable, str(script), str(out), *(["--limit", str(limit)] if limit else [])], check=True, stdout=subprocess.DEVNULL)
    else:
        for corpus in sorted(corpora.glob("*.jsonl")):
            for number, line in enumerate(corpus.open(encoding="utf-8")):
                if limit and number >= limit:
                    break
                story = json.loads(line)
                (out / f"{story['id']}.txt").write_text(f"{story['headline']}\n\n{story['body']}", encoding="utf-8")
    return out


def story_files(directory: Path) -> list[Path]:
    return sorted(p for p in directory.rglob("*") if p.is_file())


def median_run(cmd: list[str], runs: int) -> tuple[float, float]:
    """Median wall and median CPU seconds of `runs` runs."""
    results = [run_child(cmd) for _ in range(runs)]
    return statistics.median(r[0] for r in results), statistics.median(r[2] for r in results)


def scaling_times(story: str, repeats: tuple[int, ...]) -> list[float]:
    """Seconds `Linter.check` takes on the story repeated n times in one text, in this process
    (so start-up and file reading stay out of the ratio)."""
    from newslint.config import Settings
    from newslint.lint import Linter

    linter = Linter(Settings())
    linter.check(story)  # word lists loaded before timing
    times = []
    for n in repeats:
        text = "\n\n".join([story.strip()] * n) + "\n"
        start = time.perf_counter()
        linter.check(text)
        times.append(time.perf_counter() - start)
    return times


def per_rule_times(files: list[Path]) -> list[tuple[str, float]]:
    """Seconds each rule's check takes over the files, measured in this process by wrapping the rules."""
    from newslint.config import Settings
    from newslint.lint import Linter

    linter = Linter(Settings())
    totals: dict[str, float] = {}
    for rule in linter.rules:
        code = type(rule).code
        original = rule.check

        def timed(doc, _original=original, _code=code):
            start = time.perf_counter()
            try:
                return list(_original(doc))
            finally:
                totals[_code] = totals.get(_code, 0.0) + time.perf_counter() - start

        rule.check = timed  # instance attribute: only this linter is affected
    for path in files:
        linter.path = str(path)
        linter.check(path.read_text(encoding="utf-8", errors="replace"))
    return sorted(totals.items(), key=lambda kv: -kv[1])


def main(argv: list[str] | None = None) -> int:
    default = next((p / "shared" / "corpora" for p in ROOT.parents if (p / "shared" / "corpora").is_dir()), None)
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--corpora", type=Path, default=default, help="story files, or JSON Lines corpora")
    ap.add_argument("--limit", type=int, help="only the first N stories of each corpus (JSON Lines input)")
    ap.add_argument("--runs", type=int, default=5, help="runs for the start-up median")
    ap.add_argument("--no-compare", action="store_true", help="skip codespell and typos")
    ap.add_argument("--out", type=Path, default=ROOT / "benchmarks" / "RESULTS.md")
    args = ap.parse_args(argv)
    if args.corpora is None or not args.corpora.is_dir():
        ap.error("give --corpora DIR (a directory of stories or of *.jsonl corpora)")

    rows: list[tuple[str, str, str]] = []
    with tempfile.TemporaryDirectory(prefix="newslint-bench-") as tmpname:
        tmp = Path(tmpname)
        short = tmp / "short.txt"
        short.write_text(SHORT_STORY, encoding="utf-8")
        base = newslint_cmd() + ["check", "--quiet", "--exit-zero", "--jobs", "1"]

        run_child(base + [str(short)])  # warm caches (.pyc, disk)
        startup, startup_cpu = median_run(base + [str(short)], args.runs)
        rows.append(("start-up, one short story", f"{startup:.3f} s wall, {startup_cpu:.3f} s CPU (median of {args.runs})",
                     _verdict(startup < BUDGETS["startup"], "< 0.3 s wall")))

        corpus = stories_dir(args.corpora, tmp, args.limit)
        files = story_files(corpus)
        size_mb = sum(p.stat().st_size for p in files) / 1e6
        elapsed, peak, cpu = run_child(base + [str(corpus)])
        rate = size_mb / elapsed
        rows.append((f"throughput, {len(files)} stories ({size_mb:.1f} MB), 1 process",
                     f"{rate:.2f} MB/s ({elapsed:.1f} s wall; {size_mb / cpu:.2f} MB per CPU second)",
                     _verdict(rate >= BUDGETS["throughput"], ">= 3 MB/s")))
        rows.append(("peak memory (max RSS of that process)", f"{peak:.0f} MB",
                     _verdict(peak < BUDGETS["memory"], "< 200 MB")))

        story = max(files[:200], key=lambda p: p.stat().st_size).read_text(encoding="utf-8") if files else SHORT_STORY
        times = scaling_times(story, (1, 10, 100, 1000))
        ratios = [later / max(earlier, 1e-6) for earlier, later in zip(times, times[1:])]
        rows.append(("scaling 1x/10x/100x/1000x (s, in process)", " / ".join(f"{t:.3f}" for t in times),
                     "ratio per 10x: " + ", ".join(f"{r:.1f}" for r in ratios) + " (linear ~ 10)"))

        for code, seconds in per_rule_times(files)[:8]:
            rows.append((f"rule {code}, over the corpus", f"{seconds:.2f} s", ""))

        if not args.no_compare:
            for tool, cmd in (("codespell", ["codespell", "-q", "3", str(corpus)]),
                              ("typos", ["typos", "--format", "silent", str(corpus)])):
                exe = shutil.which(cmd[0]) or (str(Path(sys.executable).parent / cmd[0])
                                               if (Path(sys.executable).parent / cmd[0]).exists() else None)
                if exe is None:
                    rows.append((tool, "not installed", "pip install " + tool))
                    continue
                t, mem, _ = run_child([exe, *cmd[1:]])
                rows.append((f"{tool}, same corpus", f"{t:.1f} s, {mem:.0f} MB",
                             f"newslint takes {elapsed / t:.1f}x its time"))

    from newslint.registry import all_rules
    table = ["| measure | result | budget / note |", "|---|---|---|", *(f"| {a} | {b} | {c} |" for a, b, c in rows)]
    text = "\n".join([f"Machine: {machine()}", f"Rules registered: {len(all_rules())}", "", *table, ""])
    print(text)
    if args.out:
        args.out.write_text(f"# Benchmark results\n\nWritten by `python benchmarks/run.py` "
                            f"on {time.strftime('%Y-%m-%d %H:%M UTC', time.gmtime())}.\n\n{text}", encoding="utf-8")
    return 0


def _verdict(ok: bool, budget: str) -> str:
    return f"{budget}: {'met' if ok else 'MISSED'}"


if __name__ == "__main__":
    sys.exit(main())
