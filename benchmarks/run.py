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
  per 10x of text (linear ~ 10); and the same for 1, 10, 100, 1000 *different* stories in one
  text, which is what a big file really is (a rule that compares every name with every other
  shows there; their texts are not exactly 10x apart in size, so each ratio is scaled to 10x);
  and those 1000 stories checked one by one against the same as one text;
- the engine: parsing the corpus into documents, and building the word tokens of the stories
  whose tokens some rule asked for (they are built on demand: the share is reported);
- per rule: time each rule's `check` spends over the corpus, in process, slowest first (a rule's
  time includes building a story's tokens when it is the first rule to ask for them);
- codespell and typos over the same files (when installed: `pip install codespell typos`), as ratios.

The machine's load average is printed at the start and the end, with CPU time beside wall time:
on a shared machine CPU time is the fairer figure.

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
SHORT_STORY = (
    "Council approves new budget\n\nThe city council on Tuesday approved a $4.2 million budget "
    'for the coming year, its chairman said. "We had to make hard choices," he told reporters.\n'
)
BUDGETS = {"startup": 0.3, "throughput": 3.0, "memory": 200.0}


def newslint_cmd() -> list[str]:
    return [sys.executable, "-m", "newslint"]


# Children may write bytecode caches, as a `pip install` does at install time: with
# PYTHONDONTWRITEBYTECODE set (some sandboxes and CI images set it), an editable install would
# compile every module on each start and the start-up figure would measure the compiler.
_CHILD_ENV = {k: v for k, v in os.environ.items() if k != "PYTHONDONTWRITEBYTECODE"}


def run_child(cmd: list[str], cwd: Path | None = None) -> tuple[float, float, float]:
    """Wall seconds, peak RSS in MB and CPU seconds (user + system) of one child process (its
    own getrusage, via wait4). CPU time says more than wall time on a machine shared with
    other jobs."""
    start = time.perf_counter()
    proc = subprocess.Popen(
        cmd, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, cwd=cwd, env=_CHILD_ENV
    )
    _, status, usage = os.wait4(proc.pid, 0)
    elapsed = time.perf_counter() - start
    proc.returncode = os.waitstatus_to_exitcode(status)
    peak = usage.ru_maxrss / (1024 * 1024 if sys.platform == "darwin" else 1024)
    return elapsed, peak, usage.ru_utime + usage.ru_stime


def load_average() -> str:
    return f"{os.getloadavg()[0]:.1f}" if hasattr(os, "getloadavg") else "n/a"


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
    return f"{cpu}, {cores} cores, Python {platform.python_version()} ({platform.system()})"


def stories_dir(corpora: Path, tmp: Path, limit: int | None = None) -> Path:
    """A directory of story files: `corpora` itself, or its JSON Lines written out under `tmp`."""
    if not any(corpora.glob("*.jsonl")):
        return corpora
    out = tmp / "stories"
    out.mkdir()
    script = corpora / "materialize.py"
    if script.exists():
        subprocess.run(
            [sys.executable, str(script), str(out), *(["--limit", str(limit)] if limit else [])],
            check=True,
            stdout=subprocess.DEVNULL,
        )
    else:
        for corpus in sorted(corpora.glob("*.jsonl")):
            for number, line in enumerate(corpus.open(encoding="utf-8")):
                if limit and number >= limit:
                    break
                story = json.loads(line)
                (out / f"{story['id']}.txt").write_text(
                    f"{story['headline']}\n\n{story['body']}", encoding="utf-8"
                )
    return out


def story_files(directory: Path) -> list[Path]:
    return sorted(p for p in directory.rglob("*") if p.is_file())


def median_run(cmd: list[str], runs: int) -> tuple[float, float]:
    """Median wall and median CPU seconds of `runs` runs."""
    results = [run_child(cmd) for _ in range(runs)]
    return statistics.median(r[0] for r in results), statistics.median(r[2] for r in results)


def scaling_times(stories: list[str], repeats: tuple[int, ...]) -> tuple[list[float], list[float]]:
    """CPU seconds `Linter.check` takes on one text made of the first n of `stories` (cycled when
    there are fewer), for each n, in this process (so start-up and file reading stay out), and
    the size of each text in MB."""
    from newslint.config import Settings
    from newslint.lint import Linter

    linter = Linter(Settings())
    linter.check(stories[0])  # word lists loaded before timing
    times, sizes = [], []
    for n in repeats:
        text = "\n\n".join(stories[i % len(stories)].strip() for i in range(n)) + "\n"
        start = time.process_time()
        linter.check(text)
        times.append(time.process_time() - start)
        sizes.append(len(text.encode("utf-8")) / 1e6)
    return times, sizes


def scaling_row(label: str, measured: tuple[list[float], list[float]]) -> tuple[str, str, str]:
    """The times, and their growth per 10x of text: different stories do not make texts of
    exactly 10x the size, so each step's time ratio is scaled to a tenfold size."""
    times, sizes = measured
    ratios = [
        later / max(earlier, 1e-6) * 10 / (big / small)
        for earlier, later, small, big in zip(times, times[1:], sizes, sizes[1:], strict=False)
    ]
    return (
        label,
        " / ".join(f"{t:.3f}" for t in times) + " s for " + " / ".join(f"{mb:.3g}" for mb in sizes) + " MB",
        "time per 10x of text: " + ", ".join(f"{r:.1f}" for r in ratios) + " (linear ~ 10)",
    )


def apart_and_together(stories: list[str]) -> tuple[float, float]:
    """CPU seconds to check `stories` one by one, and as one text: what a file of many stories
    costs beyond its stories (its rules compare across all of them)."""
    from newslint.config import Settings
    from newslint.lint import Linter

    linter = Linter(Settings())
    for story in stories[:50]:
        linter.check(story)  # word lists and memos warm
    start = time.process_time()
    for story in stories:
        linter.check(story)
    apart = time.process_time() - start
    text = "\n\n".join(story.strip() for story in stories) + "\n"
    start = time.process_time()
    linter.check(text)
    return apart, time.process_time() - start


def engine_times(files: list[Path]) -> tuple[float, float, float]:
    """CPU seconds to parse every file into a document, to build the tokens of every document,
    and the share of documents whose tokens a rule of the default selection asks for."""
    from newslint import segment
    from newslint.config import Settings
    from newslint.lint import Linter

    linter = Linter(Settings())
    texts = [p.read_text(encoding="utf-8", errors="replace") for p in files]
    parse = tokens = 0.0
    asked = 0
    for text in texts:
        start = time.process_time()
        doc = segment.parse(text, "story.txt")
        parse += time.process_time() - start
        start = time.process_time()
        _ = doc.tokens  # built on first use: the timing is the point
        tokens += time.process_time() - start
        asked += "tokens" in vars(linter.check(text).document)
    return parse, tokens, asked / max(1, len(texts))


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
            start = time.process_time()
            try:
                return list(_original(doc))
            finally:
                totals[_code] = totals.get(_code, 0.0) + time.process_time() - start

        rule.check = timed  # instance attribute: only this linter is affected
    for path in files:
        linter.path = str(path)
        linter.check(path.read_text(encoding="utf-8", errors="replace"))
    return sorted(totals.items(), key=lambda kv: -kv[1])


def big_file(files: list[Path], out: Path, size: int) -> Path:
    """One file of different stories, blank-line separated, about `size` bytes: an archive dump."""
    with out.open("w", encoding="utf-8") as fh:
        written = 0
        for path in files * (1 + size // max(1, sum(p.stat().st_size for p in files))):
            if written >= size:
                break
            story = path.read_text(encoding="utf-8", errors="replace").strip() + "\n\n"
            fh.write(story)
            written += len(story.encode("utf-8"))
    return out


def compare_tools(corpus: Path, elapsed: float, cpu: float) -> list[tuple[str, str, str]]:
    """codespell and typos over the same files, as ratios to newslint's wall and CPU time. Run
    while this process is still small: a child's peak memory as the kernel reports it includes
    the parent's resident size at the moment the child was spawned."""
    rows = []
    own = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / (
        1024 * 1024 if sys.platform == "darwin" else 1024
    )
    for tool, cmd in (
        ("codespell", ["codespell", "-q", "3", str(corpus)]),
        ("typos", ["typos", "--format", "silent", str(corpus)]),
    ):
        beside = Path(sys.executable).parent / cmd[0]
        exe = shutil.which(cmd[0]) or (str(beside) if beside.exists() else None)
        if exe is None:
            rows.append((tool, "not installed", "pip install " + tool))
            continue
        t, mem, tool_cpu = run_child([exe, *cmd[1:]])
        memory = f"{mem:.0f} MB" if mem > own * 1.05 else f"under {own:.0f} MB"
        rows.append(
            (
                f"{tool}, same corpus",
                f"{t:.1f} s wall, {tool_cpu:.1f} s CPU, {memory}",
                f"newslint takes {elapsed / t:.1f}x its wall time, "
                f"{cpu / max(tool_cpu, 1e-6):.1f}x its CPU time",
            )
        )
    return rows


def main(argv: list[str] | None = None) -> int:
    default = next(
        (p / "shared" / "corpora" for p in ROOT.parents if (p / "shared" / "corpora").is_dir()), None
    )
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--corpora", type=Path, default=default, help="story files, or JSON Lines corpora")
    ap.add_argument("--limit", type=int, help="only the first N stories of each corpus (JSON Lines input)")
    ap.add_argument("--runs", type=int, default=5, help="runs for the start-up median")
    ap.add_argument("--no-compare", action="store_true", help="skip codespell and typos")
    ap.add_argument(
        "--big-file-mb",
        type=float,
        default=10.0,
        help="also check one file of this many MB of different stories (0: skip)",
    )
    ap.add_argument("--out", type=Path, default=ROOT / "benchmarks" / "RESULTS.md")
    args = ap.parse_args(argv)
    if args.corpora is None or not args.corpora.is_dir():
        ap.error("give --corpora DIR (a directory of stories or of *.jsonl corpora)")

    rows: list[tuple[str, str, str]] = []
    load_at_start = load_average()
    with tempfile.TemporaryDirectory(prefix="newslint-bench-") as tmpname:
        tmp = Path(tmpname)
        short = tmp / "short.txt"
        short.write_text(SHORT_STORY, encoding="utf-8")
        base = newslint_cmd() + ["check", "--quiet", "--exit-zero", "--jobs", "1"]

        run_child(base + [str(short)])  # warm caches (.pyc, disk)
        startup, startup_cpu = median_run(base + [str(short)], args.runs)
        rows.append(
            (
                "start-up, one short story",
                f"{startup:.3f} s wall, {startup_cpu:.3f} s CPU (median of {args.runs})",
                _verdict(startup < BUDGETS["startup"], "< 0.3 s wall"),
            )
        )

        corpus = stories_dir(args.corpora, tmp, args.limit)
        files = story_files(corpus)
        size_mb = sum(p.stat().st_size for p in files) / 1e6
        elapsed, peak, cpu = run_child(base + [str(corpus)])
        rate = size_mb / elapsed
        rows.append(
            (
                f"throughput, {len(files)} stories ({size_mb:.1f} MB), 1 process",
                f"{rate:.2f} MB/s ({elapsed:.1f} s wall); {size_mb / cpu:.2f} MB/s of CPU ({cpu:.1f} s CPU)",
                _verdict(rate >= BUDGETS["throughput"], ">= 3 MB/s wall")
                + "; "
                + _verdict(size_mb / cpu >= BUDGETS["throughput"], "by CPU time"),
            )
        )
        rows.append(
            (
                "peak memory (max RSS of that process)",
                f"{peak:.0f} MB",
                _verdict(peak < BUDGETS["memory"], "< 200 MB"),
            )
        )

        if not args.no_compare:
            rows.extend(compare_tools(corpus, elapsed, cpu))
        if args.big_file_mb and files:
            big = big_file(files, tmp / "big.txt", int(args.big_file_mb * 1e6))
            big_mb = big.stat().st_size / 1e6
            t, mem, big_cpu = run_child(base + ["--config", str(_big_config(tmp, big_mb)), str(big)])
            rows.append(
                (
                    f"one file of {big_mb:.1f} MB (different stories), 1 process",
                    f"{big_mb / t:.2f} MB/s ({t:.1f} s wall, {big_cpu:.1f} s CPU), peak {mem:.0f} MB",
                    _verdict(mem < BUDGETS["memory"], "memory < 200 MB"),
                )
            )

        story = (
            max(files[:200], key=lambda p: p.stat().st_size).read_text(encoding="utf-8")
            if files
            else SHORT_STORY
        )
        rows.append(
            scaling_row(
                "scaling: one story 1x/10x/100x/1000x in one text (CPU, in process)",
                scaling_times([story], (1, 10, 100, 1000)),
            )
        )
        distinct = [p.read_text(encoding="utf-8", errors="replace") for p in files[:1000]] or [SHORT_STORY]
        rows.append(
            scaling_row(
                "scaling: 1/10/100/1000 different stories in one text (CPU, in process)",
                scaling_times(distinct, (1, 10, 100, 1000)),
            )
        )
        apart, together = apart_and_together(distinct)
        rows.append(
            (
                f"{len(distinct)} different stories, one by one and as one text (CPU, in process)",
                f"{apart:.2f} s apart, {together:.2f} s together",
                f"one text takes {together / max(apart, 1e-6):.2f}x: "
                "its rules compare across all its stories",
            )
        )

        parse, tokens, share = engine_times(files)
        rows.append(("engine: parsing into documents, over the corpus", f"{parse:.2f} s CPU", ""))
        rows.append(
            (
                "engine: word tokens, when a rule asks for them",
                f"{tokens:.2f} s CPU for all stories",
                f"asked for in {share:.0%} of the stories",
            )
        )
        for code, seconds in per_rule_times(files)[:10]:
            rows.append((f"rule {code}, over the corpus", f"{seconds:.2f} s CPU", ""))

    from newslint.registry import all_rules

    table = [
        "| measure | result | budget / note |",
        "|---|---|---|",
        *(f"| {a} | {b} | {c} |" for a, b, c in rows),
    ]
    load = f"Load average (1 min): {load_at_start} at the start, {load_average()} at the end"
    text = "\n".join([f"Machine: {machine()}", load, f"Rules registered: {len(all_rules())}", "", *table, ""])
    print(text)
    if args.out:
        args.out.write_text(
            f"# Benchmark results\n\nWritten by `python benchmarks/run.py` "
            f"on {time.strftime('%Y-%m-%d %H:%M UTC', time.gmtime())}.\n\n{text}",
            encoding="utf-8",
        )
    return 0


def _big_config(tmp: Path, size_mb: float) -> Path:
    """A config that lets the big file through the size limit (default 10 MiB)."""
    config = tmp / "big.toml"
    config.write_text(f"max-file-size = {int(size_mb * 1e6) + 1_000_000}\n", encoding="utf-8")
    return config


def _verdict(ok: bool, budget: str) -> str:
    return f"{budget}: {'met' if ok else 'MISSED'}"


if __name__ == "__main__":
    sys.exit(main())
