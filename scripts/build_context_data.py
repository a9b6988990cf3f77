"""Build the word-pair table the typo rules use to judge a word in its context (run once; the
output is committed).

    pip download --no-deps -d /tmp/ss symspellpy && unzip -o /tmp/ss/symspellpy-*.whl -d /tmp/ss
    python scripts/build_context_data.py /tmp/ss/symspellpy/frequency_bigramdictionary_en_243_342.txt

Writes rules/typos/data/bigrams.txt.gz: one lowercase word pair a line, `first second<TAB>k`,
where k is the pair's count in log2 steps above the list's threshold (the list keeps only pairs
seen at least 6.4 million times in Google Books; k = 0 for those, 12 for pairs 4,000 times as
common). Only pairs whose words are both in the shipped word list are kept. The source is
symspellpy's bigram dictionary (MIT, built from the Google Books Ngram data, CC BY 3.0): notices
in rules/typos/data/BIGRAMS-LICENSE.
"""

from __future__ import annotations

import argparse
import gzip
import math
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
    kept = sorted(
        f"{a} {b}\t{round(math.log2(count / floor))}" for a, b, count in rows if a in known and b in known
    )
    with gzip.open(OUT / "bigrams.txt.gz", "wt", encoding="utf-8", compresslevel=9) as fh:
        fh.write("\n".join(kept) + "\n")
    print(f"{len(kept)} of {len(rows)} pairs kept (threshold {floor})")


if __name__ == "__main__":
    main()
