#!/usr/bin/env python3
"""The CPU time of the token index alone (`newslint.tokens.index_tokens`'s C pass), over every
story of DIR, with the tables around it as a real run leaves them.

    python benchmarks/index_speed.py DIR [--rounds N] [--evict KB]

One in-process check of every story of DIR (so that the rules' memories and the kept words are
filled as in a CLI run) records the arguments each story's index was built from; then each round
builds every story's index again, timed alone (`time.process_time`), and the median of the rounds
is printed in ms. Compare two trees by running each tree's python on the same DIR, alternated,
several times: cache misses are what this measures, so a quiet machine matters more than rounds.

A benchmark, not a test: it asserts nothing.
"""

from __future__ import annotations

import argparse
import gc
import statistics
import sys
import time
from pathlib import Path

from newslint import lint, tokens
from newslint.config import Settings
from newslint.native import native


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("dir", type=Path)
    parser.add_argument("--rounds", type=int, default=5)
    parser.add_argument(
        "--evict",
        type=int,
        default=0,
        metavar="KB",
        help="copy KB kilobytes between two stories (as a real run's rules push the index's tables "
        "out of the cache) and time each index alone, by the wall clock",
    )
    args = parser.parse_args()
    if native is None:
        print("pure Python: nothing to time", file=sys.stderr)
        return 1
    texts = [p.read_text(encoding="utf-8", errors="replace") for p in sorted(args.dir.glob("*.txt"))]
    seen: list[tuple[str, object, object]] = []
    real = tokens.index_tokens

    def recording(text, sentences, blocked, counts, odd=None):  # type: ignore[no-untyped-def]
        seen.append((text, sentences, blocked.spans))
        return real(text, sentences, blocked, counts, odd)

    tokens.index_tokens = recording  # type: ignore[assignment]
    linter = lint.Linter(Settings(), path="story.txt")
    try:
        for text in texts:
            linter.check(text)
    finally:
        tokens.index_tokens = real
    index = native.index_tokens
    times = []
    gc.disable()
    src, dst = bytearray(1024 * args.evict), bytearray(1024 * args.evict)
    clock = time.perf_counter_ns
    for _ in range(args.rounds):
        if args.evict:
            total = 0
            for text, sentences, spans in seen:
                dst[:] = src
                t0 = clock()
                index(text, sentences, spans, {}, None)
                total += clock() - t0
            times.append(total / 1e9)
            continue
        t0 = time.process_time()
        for text, sentences, spans in seen:
            index(text, sentences, spans, {}, None)
        times.append(time.process_time() - t0)
    gc.enable()
    print(
        f"{len(seen)} indices: median {1000 * statistics.median(times):.1f} ms "
        f"(rounds {' '.join(f'{1000 * t:.1f}' for t in times)})"
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
