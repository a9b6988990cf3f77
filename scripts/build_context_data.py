"""Build the word-pair table the typo rules use to judge a word in its context (run once; the
output is committed).

    pip download --no-deps -d /tmp/ss symspellpy && unzip -o /tmp/ss/symspellpy-*.whl -d /tmp/ss
    python scripts/build_context_data.py /tmp/ss/symspellpy/frequency_bigramdictionary_en_243_342.txt

Writes two sorted text files in rules/typos/data/, one line per word, read by binary search on
first use without being parsed whole (rules/typos/_pairs.py):

- `pairs-after.txt`: `first<TAB> second:k second:k ...`, the words seen after `first`, where k
  is the pair's count in log2 steps above the list's threshold (the list keeps only pairs seen at
  least 6.4 million times in Google Books; k = 0 for those, 12 for pairs 4,000 times as common);
- `pairs-before.txt`: `second<TAB> first first ...`, the words seen before `second`.

Only pairs whose words are both in the shipped word list are kept. The source is symspellpy's
bigram dictionary (MIT, built from the Google Books Ngram data, CC BY 3.0): notices in
rules/typos/data/BIGRAMS-LICENSE.
"""

from __future__ import annotations

import argparse
import math
from collections import defaultdict
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
OUT = ROOT / "rules" / "typos" / "data"


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("bigrams", type=Path, help="symspellpy's frequency_bigramdictionary_en_*.txt")
    args = ap.parse_args()
    known = set((OUT / "words.txt").read_text(encoding="utf-8").split("\n"))
    rows: list[tuple[str, str, int]] = []
    for line in args.bigrams.read_text(encoding="utf-8").splitlines():
        first, second, count = line.split()
        rows.append((first, second, int(count)))
    floor = min(count for _, _, count in rows)
    after: dict[str, list[str]] = defaultdict(list)
    before: dict[str, list[str]] = defaultdict(list)
    for a, b, count in sorted(rows):
        if a in known and b in known:
            after[a].append(f"{b}:{round(math.log2(count / floor))}")
            before[b].append(a)
    write(OUT / "pairs-after.txt", after)
    write(OUT / "pairs-before.txt", before)
    print(f"{sum(map(len, after.values()))} of {len(rows)} pairs kept (threshold {floor})")


def write(path: Path, lines: dict[str, list[str]]) -> None:
    """One line per head word, sorted by it (the order the lookup's binary search relies on);
    each entry is preceded by a space, so an entry is found by searching ' word:'."""
    text = "".join(f"{head}\t {' '.join(lines[head])}\n" for head in sorted(lines))
    path.write_text(text, encoding="utf-8")


if __name__ == "__main__":
    main()
