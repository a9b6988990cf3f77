#!/usr/bin/env python3
"""newslint's speed and memory against its budgets, beside codespell and typos.

    python benchmarks/run.py [--corpora /work/shared/corpora] [--quick] [--out benchmarks/RESULTS.md]

--corpora is a directory of JSON Lines corpora with a `materialize.py` (like ../shared/corpora),
written out as one story file each under a temporary directory, or a directory of story files.
--quick materializes 300 stories per corpus and does 3 start-up runs instead of 5.

Measured, with the default rules:
- start-up: `newslint check` of one short story, whole process, median wall time (budget < 0.3 s);
- throughput: `newslint check DIR --quiet --exit-zero --jobs 1` over the corpus stories, MB/s
  (budget >= 3 MB/s), and the peak RSS of that child process (budget < 200 MB);
- scaling: one story repeated 1x, 10x, 100x, 1000x in one file (blank line between copies): time
  ratio per 10x, start-up subtracted (linear ~ 10);
- time per rule: each `rule.check(doc)` in this process over a sample of parsed corpus stories;
- codespell and typos over the same directory (`pip install codespell typos` in the benchmark venv;
  they are not project dependencies), as time ratios.

A benchmark, not a test: it asserts nothing; it prints a Markdown table and writes it to --out.
"""
from __future__ import annotations

import argparse
import os
import platform
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
DEFAULT_CORPORA = next((p / "shared" / "corpora" for p in ROOT.parents if (p / "shared" / "corpora").is_dir()),
                       Path("/work/shared/corpora"))
SHORT_STORY = ("Council approves new budget\n\nThe city council on Tuesday approved a $4.2 million budget "
               "for the coming year, its chairman said. \"We had to make hard choices,\" he told reporters.\n")


def run_child(cmd: list[str]) -> tuple[float, float, int, float]:
    """Wall seconds, peak RSS (MB), exit code and CPU seconds (user + sys) of one child process.

    The RSS is that child's own ru_maxrss (from wait4, the per-child form of
    getrusage(RUSAGE_CHILDREN)), so earlier children do not blur it."""
    start = time.perf_counter()
    proc = subprocess.Popen(cmd, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    _, status, usage = os.wait4(proc.pid, 0)
    elapsed = time.perf_counter() - start
    proc.returncode = os.waitstatus_to_exitcode(status)
    peak = usage.ru_maxrss / (1024 * 1024 if sys.platform == "darwin" else 1024)
    return elapsed, peak, proc.returncode, usage.ru_utime + usage.ru_stime


def machine() -> str:
    cpu = platform.processor() or platform.machine()
    try:
        cpu = next(line.split(":", 1)[1].strip() for line in Path("/proc/cpuinfo").read_text().splitlines()
                   if line.startswith("model name"))
    except (OSError, StopIteration):
        pass
    cores = len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else os.cpu_count()
    return f"{cpu}; {cores} cores; Python {platform.python_version()} ({platform.system()} {platform.release()})"


def stories_dir(corpora: Path, tmp: Path, limit: int) -> Path:
    """A directory of story files: `corpora` itself, or its JSON Lines written out under `tmp`."""
    script = corpora / "materialize.py"
    if not script.exists():
        return corpora
    out = tmp / "stories"
    cmd = [sys.executable, str(script), str(out)] + (["--limit", str(limit)] if limit else [])
    subprocess.run(cmd, check=True, stdout=subprocess.DEVNULL)
    return out


def tool(name: str) -> str | None:
    """An executable beside this Python (the benchmark venv) or on PATH."""
    beside = Path(sys.executable).parent / name
    return str(beside) if beside.exists() else shutil.which(name)


def per_rule_times(files: list[Path]) -> tuple[list[tuple[str, float]], int]:
    """Seconds each rule's check takes over the parsed stories, slowest first, and the bytes checked."""
    import newslint.config
    import newslint.lint
    from newslint import segment

    linter = newslint.lint.Linter(newslint.config.Settings())
    docs = [segment.parse(p.read_text(encoding="utf-8"), str(p)) for p in files]
    totals = {}
    for rule in linter.rules:
        start = time.process_time()  # CPU time: a busy machine does not inflate it
        for doc in docs:
            list(rule.check(doc))
        totals[type(rule).code] = time.process_time() - start
    return sorted(totals.items(), key=lambda kv: -kv[1]), sum(p.stat().st_size for p in files)


def verdict(ok: bool, budget: str) -> str:
    return f"{budget}: {'met' if ok else '**MISSED**'}"


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--corpora", type=Path, default=DEFAULT_CORPORA)
    ap.add_argument("--quick", action="store_true", help="300 stories per corpus, 3 start-up runs")
    ap.add_argument("--sample", type=int, default=1000, help="stories for the per-rule timing")
    ap.add_argument("--out", type=Path, default=ROOT / "benchmarks" / "RESULTS.md")
    args = ap.parse_args(argv)
    if not args.corpora.is_dir():
        ap.error(f"no corpora at {args.corpora}; give --corpora DIR")
    runs = 3 if args.quick else 5
    newslint = [sys.executable, "-m", "newslint", "check", "--quiet", "--exit-zero", "--jobs", "1"]

    rows: list[tuple[str, str, str]] = []
    with tempfile.TemporaryDirectory(prefix="nlbench-run-") as tmpname:
        tmp = Path(tmpname)
        short = tmp / "short.txt"
        short.write_text(SHORT_STORY, encoding="utf-8")
        run_child(newslint + [str(short)])  # warm the .pyc and disk caches
        starts = [run_child(newslint + [str(short)]) for _ in range(runs)]
        startup, startup_cpu = (statistics.median(r[i] for r in starts) for i in (0, 3))
        rows.append(("start-up: one short story, whole process",
                     f"{startup:.3f} s wall, {startup_cpu:.3f} s CPU (median of {runs})",
                     verdict(min(startup, startup_cpu) < 0.3, "< 0.3 s")))

        corpus = stories_dir(args.corpora, tmp, 300 if args.quick else 0)
        files = sorted(p for p in corpus.rglob("*") if p.is_file())
        size_mb = sum(p.stat().st_size for p in files) / 1e6
        elapsed, peak, code, cpu = run_child(newslint + [str(corpus)])
        rate = size_mb / min(elapsed, cpu)
        rows.append((f"throughput: {len(files)} stories, {size_mb:.1f} MB, 1 process",
                     f"{rate:.2f} MB/s ({elapsed:.1f} s wall, {cpu:.1f} s CPU, exit {code})",
                     verdict(rate >= 3, ">= 3 MB/s")))
        rows.append(("peak RSS of that process", f"{peak:.0f} MB", verdict(peak < 200, "< 200 MB")))

        story = max(files[:200], key=lambda p: p.stat().st_size).read_text(encoding="utf-8").strip()
        times = []
        for n in (1, 10, 100, 1000):
            big = tmp / f"repeat{n}.txt"
            big.write_text("\n\n".join([story] * n) + "\n", encoding="utf-8")
            times.append(max(run_child(newslint + [str(big)])[3] - startup_cpu, 1e-3))
        ratios = [b / a for a, b in zip(times, times[1:])]
        rows.append((f"scaling: one {len(story.encode()) / 1e3:.1f} kB story x1/x10/x100/x1000 in one file",
                     " / ".join(f"{t:.2f}" for t in times) + " s CPU (start-up removed)",
                     "ratio per 10x: " + ", ".join(f"{r:.1f}" for r in ratios) + " (linear ~ 10)"))

        for name, cmd in (("codespell", ["-q", "3", str(corpus)]), ("typos", ["--format", "silent", str(corpus)])):
            exe = tool(name)
            if exe is None:
                rows.append((name, "not installed", f"pip install {name}"))
                continue
            t, mem, _, t_cpu = run_child([exe, *cmd])
            rows.append((f"{name}, same {len(files)} stories", f"{t:.2f} s wall, {t_cpu:.2f} s CPU, {mem:.0f} MB",
                         f"newslint takes {elapsed / t:.0f}x its wall time, {cpu / max(t_cpu, 1e-3):.0f}x its CPU"))

        # last, in this process: loading and parsing here would inflate later children's RSS (fork)
        sample = files[:: max(1, len(files) // args.sample)][: args.sample]
        rule_times, sample_bytes = per_rule_times(sample)
        total = sum(t for _, t in rule_times)
        rows.append((f"all {len(rule_times)} rules' check() over {len(sample)} parsed stories "
                     f"({sample_bytes / 1e6:.1f} MB)", f"{total:.2f} s CPU", f"{sample_bytes / 1e6 / total:.2f} MB/s in rules"))
        for rule_code, seconds in rule_times[:6]:
            rows.append((f"rule {rule_code}", f"{seconds:.3f} s", f"{100 * seconds / total:.0f}% of rule time"))

    from newslint.registry import all_rules
    table = ["| measure | result | budget / note |", "|---|---|---|", *(f"| {a} | {b} | {c} |" for a, b, c in rows)]
    load = os.getloadavg()[0] if hasattr(os, "getloadavg") else float("nan")
    text = "\n".join([f"Machine: {machine()}; load average {load:.1f} at the end (wall times grow with load; "
                      "budgets are judged on the better of wall and CPU time)  ", f"Rules registered: {len(all_rules())}; "
                      f"run: `python benchmarks/run.py{' --quick' if args.quick else ''}`", "", *table, ""])
    print(text)
    if args.out:
        args.out.write_text(f"# Benchmark results\n\n{time.strftime('%Y-%m-%d %H:%M UTC', time.gmtime())}\n\n"
                            + text, encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
