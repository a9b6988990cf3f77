#!/usr/bin/env python3
"""`newslint learn` on a large JSON Lines archive: throughput, peak memory, profile size and load time.

    python benchmarks/learn_stream.py [--size-mb 1024] [--jobs 2] [--shared DIR] [--keep FILE]

Writes an archive of about `--size-mb` MB to a temporary directory from the BBC and Reuters
corpora of `../shared/corpora`, copied over and over with a new id for each copy and, in each
copy, about one word in fifty of six letters or more changed by one letter (seeded: the same file
every run), so that the archive's vocabulary keeps growing as a real archive's does (new names,
new typos) instead of repeating ten thousand stories. Then runs `newslint learn --jsonl FILE
--headline-field headline --jobs N` and reports wall and CPU time (MB/s of each), the peak
resident memory of the whole process tree (the parent and its workers, polled every 0.2 s; also
its proportional share, which counts the pages the workers share with the parent once), the
profile's size and how long it takes to load. The generated file is deleted unless `--keep`.
"""

from __future__ import annotations

import argparse
import json
import os
import random
import re
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
_LONG_WORD = re.compile(r"\b[a-z]{6,}\b")
ALPHABET = "abcdefghijklmnopqrstuvwxyz"


def shared_dir(given: str | None) -> Path:
    for candidate in (given, os.environ.get("NEWSLINT_SHARED"), ROOT.parent / "shared", "/work/shared"):
        if candidate and (Path(candidate) / "corpora").is_dir():
            return Path(candidate)
    sys.exit("no ../shared with corpora/ found (give --shared DIR)")


def generate(shared: Path, out: Path, size_mb: int) -> int:
    records = []
    for name in ("bbc", "reuters"):
        with (shared / "corpora" / f"{name}.dev.jsonl").open(encoding="utf-8") as fh:
            records += [json.loads(line) for line in fh]
    rng = random.Random(15)
    target, written, copy = size_mb * 1_000_000, 0, 0

    def slip(m: re.Match[str]) -> str:
        word = m.group()
        if rng.random() >= 0.02:
            return word
        i = rng.randrange(1, len(word))
        return word[:i] + rng.choice(ALPHABET) + word[i + 1 :]

    with out.open("w", encoding="utf-8") as fh:
        while written < target:
            for record in records:
                line = (
                    json.dumps(
                        {
                            "id": f"{record['id']}-{copy}",
                            "headline": record["headline"],
                            "body": _LONG_WORD.sub(slip, record["body"]),
                        }
                    )
                    + "\n"
                )
                fh.write(line)
                written += len(line.encode("utf-8"))
                if written >= target:
                    break
            copy += 1
    return written


def tree_memory(pid: int) -> tuple[int, int]:
    """(resident, proportional) memory of a process and all its descendants, in bytes (Linux
    /proc). The resident sum counts the pages the workers share with the parent once per process
    (an upper bound); the proportional sum (PSS) shares them out, so it is what the tree holds."""
    rss = pss = 0
    todo = [pid]
    while todo:
        p = todo.pop()
        try:
            with open(f"/proc/{p}/status") as fh:
                rss += next(int(line.split()[1]) * 1024 for line in fh if line.startswith("VmRSS:"))
            try:
                with open(f"/proc/{p}/smaps_rollup") as fh:
                    pss += next(int(line.split()[1]) * 1024 for line in fh if line.startswith("Pss:"))
            except (OSError, StopIteration):
                pass
            for task in os.listdir(f"/proc/{p}/task"):
                with open(f"/proc/{p}/task/{task}/children") as fh:
                    todo += [int(c) for c in fh.read().split()]
        except (OSError, StopIteration, ValueError):
            continue
    return rss, pss


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--size-mb", type=int, default=1024)
    ap.add_argument("--jobs", type=int, default=2)
    ap.add_argument("--shared")
    ap.add_argument("--keep", type=Path, help="keep the generated archive here")
    args = ap.parse_args()
    work = Path(tempfile.mkdtemp(prefix="newslint-learn-"))
    corpus = args.keep or work / "archive.jsonl"
    if not corpus.exists():
        size = generate(shared_dir(args.shared), corpus, args.size_mb)
    else:
        size = corpus.stat().st_size
    profile = work / "desk.nlprofile"
    print(f"load average before: {os.getloadavg()}; archive: {size / 1e6:,.0f} MB")
    started, before = time.perf_counter(), os.times()
    proc = subprocess.Popen(
        [
            sys.executable,
            "-m",
            "newslint",
            "learn",
            "--jsonl",
            str(corpus),
            "--headline-field",
            "headline",
            "--jobs",
            str(args.jobs),
            "-o",
            str(profile),
        ],
        stderr=subprocess.PIPE,
        text=True,
    )
    peak = peak_pss = 0
    while proc.poll() is None:
        rss, pss = tree_memory(proc.pid)
        peak, peak_pss = max(peak, rss), max(peak_pss, pss)
        time.sleep(0.2)
    err = proc.stderr.read() if proc.stderr else ""
    wall, after = time.perf_counter() - started, os.times()
    cpu = (after.children_user + after.children_system) - (before.children_user + before.children_system)
    if proc.returncode != 0:
        sys.exit(f"learn failed: {err[-2000:]}")
    load = subprocess.run(
        [
            sys.executable,
            "-c",
            "import sys, time; from pathlib import Path; from newslint.profile import Profile\n"
            "s = time.perf_counter(); p = Profile.load(Path(sys.argv[1])); p.uses('x')\n"
            "[t.get('x') for ts in p.sections.values() for t in ts.values()]\n"
            "print(round(1000 * (time.perf_counter() - s), 1))",
            str(profile),
        ],
        capture_output=True,
        text=True,
        check=True,
    ).stdout.strip()
    print(err.strip())
    print(
        f"wall {wall:,.1f} s ({size / 1e6 / wall:.2f} MB/s); CPU of the process tree {cpu:,.1f} s "
        f"({size / 1e6 / cpu:.2f} MB/s per CPU second); peak memory of the tree "
        f"{peak / 1e6:,.0f} MB resident "
        f"({peak_pss / 1e6:,.0f} MB proportional); "
        f"profile {profile.stat().st_size / 1e6:.1f} MB, loads in {load} ms"
    )
    print(f"load average after: {os.getloadavg()}")
    for path in (profile, corpus if args.keep is None else None):
        if path is not None:
            path.unlink(missing_ok=True)
    if not any(work.iterdir()):
        work.rmdir()


if __name__ == "__main__":
    main()
