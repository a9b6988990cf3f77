"""Build the word-pair table the typo rules use to judge a word in its context.

    python scripts/build_context_data.py [--bigrams FILE] [--check]

The input is symspellpy's bigram dictionary (MIT, built from the Google Books Ngram data, CC BY
3.0), read from the installed symspellpy at the version the `test` extra pins, or from a file given
with `--bigrams`; and the shipped word list (rules/typos/data/words.txt, made by
scripts/build_typo_data.py: run that first when the word lists change). `--check` rebuilds into a
temporary folder and compares with the shipped files, byte for byte.

Writes two sorted text files in rules/typos/data/, one line per word, read by binary search on
first use without being parsed whole (rules/typos/_pairs.py):

- `pairs-after.txt`: `first<TAB> second:k second:k ...`, the words seen after `first`, where k
  is the pair's count in log2 steps above the list's threshold (the list keeps only pairs seen at
  least 6.4 million times in Google Books; k = 0 for those, 12 for pairs 4,000 times as common);
- `pairs-before.txt`: `second<TAB> first first ...`, the words seen before `second`;
- `PAIRS-MANIFEST.toml`: the inputs and outputs with their sha256 (the folder's
  BUILD-MANIFEST.toml belongs to build_typo_data.py).

Only pairs whose words are both in the shipped word list are kept. Notices: BIGRAMS-LICENSE.
"""

from __future__ import annotations

import math
import sys
from collections import defaultdict
from pathlib import Path

from _data_build import Input, arguments, package_input, run, write_manifest  # scripts/ is on sys.path

ROOT = Path(__file__).resolve().parent.parent
OUT = ROOT / "rules" / "typos" / "data"
WORDS = OUT / "words.txt"
BIGRAMS = "frequency_bigramdictionary_en_243_342.txt"
MANIFEST = "PAIRS-MANIFEST.toml"


def bigram_list(path: Path | None) -> Input:
    """The bigram counts: `path`, or the file the installed symspellpy ships."""
    what = "Google Books Ngram bigram counts (MIT; the data CC BY 3.0)"
    return package_input(path, "symspellpy", "symspellpy", BIGRAMS, what)


def build(bigrams: Input, out: Path) -> list[str]:
    """Write the pair tables and their manifest into `out`; returns the names written."""
    known = set(WORDS.read_text(encoding="utf-8").split("\n"))
    rows: list[tuple[str, str, int]] = []
    for line in bigrams.file.read_text(encoding="utf-8").splitlines():
        first, second, count = line.split()
        rows.append((first, second, int(count)))
    floor = min(count for _, _, count in rows)
    after: dict[str, list[str]] = defaultdict(list)
    before: dict[str, list[str]] = defaultdict(list)
    for a, b, count in sorted(rows):
        if a in known and b in known:
            after[a].append(f"{b}:{round(math.log2(count / floor))}")
            before[b].append(a)
    write(out / "pairs-after.txt", after)
    write(out / "pairs-before.txt", before)
    print(f"{sum(map(len, after.values()))} of {len(rows)} pairs kept (threshold {floor})")
    written = ["pairs-after.txt", "pairs-before.txt"]
    inputs = [Input("rules/typos/data/words.txt", WORDS, "this repository's word list"), bigrams]
    write_manifest(out, "scripts/build_context_data.py", inputs, written, MANIFEST)
    return [*written, MANIFEST]


def write(path: Path, lines: dict[str, list[str]]) -> None:
    """One line per head word, sorted by it (the order the lookup's binary search relies on);
    each entry is preceded by a space, so an entry is found by searching ' word:'."""
    text = "".join(f"{head}\t {' '.join(lines[head])}\n" for head in sorted(lines))
    path.write_text(text, encoding="utf-8")


def main() -> int:
    ap = arguments(__doc__.splitlines()[0])
    ap.add_argument("--bigrams", type=Path, help="a bigram list (default: symspellpy's)")
    args = ap.parse_args()
    bigrams = bigram_list(args.bigrams)
    return run(lambda out: build(bigrams, out), OUT, args.check, None)


if __name__ == "__main__":
    sys.exit(main())
