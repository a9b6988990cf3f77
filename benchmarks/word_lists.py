#!/usr/bin/env python3
"""How long the typo rules' shipped tables take to load, cold, and how big they are on disk.

    python benchmarks/word_lists.py [--runs N]

Each run is a fresh interpreter (so nothing is cached) that imports the tables' module and times
each table's first load in process: the English word list (issue 3's budget: under 50 ms), the
misspelling list, the capitalised names, the rare SCOWL words (loaded only when a word misses the
main list) and the frequency-rank table (built only when a suggestion is ranked). Prints the
median, min and max over the runs. A benchmark, not a test: it asserts nothing.
"""

from __future__ import annotations

import argparse
import json
import statistics
import subprocess
import sys
from pathlib import Path

DATA = Path(__file__).resolve().parent.parent / "rules" / "typos" / "data"
PROBE = r"""
import json, time
from newslint.rules.typos import _words
steps = {
    "english word list (words.txt)": _words.english,
    "misspellings (misspellings.tsv)": lambda: len(_words.misspellings()),
    "names (names.txt)": _words.known_names,
    "rare words (rare-words.txt)": _words.rare_words,
    "frequency-rank table": lambda: _words.english().frequency_rank("regime"),
}
out = {}
for name, load in steps.items():
    start = time.perf_counter()
    load()
    out[name] = 1000 * (time.perf_counter() - start)
print(json.dumps(out))
"""


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--runs", type=int, default=11)
    args = ap.parse_args()
    runs = [
        json.loads(
            subprocess.run([sys.executable, "-c", PROBE], capture_output=True, text=True, check=True).stdout
        )
        for _ in range(args.runs)
    ]
    print(f"cold first load, {args.runs} fresh processes (ms): median (min-max)")
    for name in runs[0]:
        times = [r[name] for r in runs]
        print(f"  {name:34} {statistics.median(times):6.1f} ({min(times):.1f}-{max(times):.1f})")
    print("on disk:")
    for path in sorted(DATA.iterdir()):
        print(f"  {path.name:34} {path.stat().st_size / 1024:8.0f} KiB")


if __name__ == "__main__":
    main()
