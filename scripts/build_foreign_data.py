"""Build the list of common words of other languages that NL101 reads a foreign phrase by.

    python scripts/build_foreign_data.py [--check]

The inputs are pyspellchecker's word-frequency lists of French, Spanish, Italian, German,
Portuguese and Dutch (MIT; read from the installed pyspellchecker at the version the `test` extra
pins) and the shipped English lists (rules/typos/data/words.txt and rare-words.txt, made by
scripts/build_typo_data.py: run that first when the word lists change). `--check` rebuilds into a
temporary folder and compares with the shipped files, byte for byte.

Writes, in rules/typos/data/:

- `foreign-words.txt`: `word<TAB>fr:648,es:1029`, sorted by word: the `COMMONEST` commonest
  words of each language (two letters or more) that are more at home there than in English, with
  their frequency rank in the language (0 for its commonest word): no English word (dans, prix,
  toute), or an English word the language uses more (its rank there is better than its rank in
  words.txt: "grand" is French's 199th word and English's 1,242nd; "and", a stray of French
  subtitles, is English's 2nd and stays out).
- `FOREIGN-MANIFEST.toml`: the inputs and outputs with their sha256 (the folder's
  BUILD-MANIFEST.toml belongs to build_typo_data.py).

Notices: FREQUENCIES-LICENSE.
"""

from __future__ import annotations

import gzip
import json
import sys
from pathlib import Path

from _data_build import Input, arguments, package_input, run, write_manifest  # scripts/ is on sys.path

ROOT = Path(__file__).resolve().parent.parent
OUT = ROOT / "rules" / "typos" / "data"
WORDS = OUT / "words.txt"
RARE = OUT / "rare-words.txt"
LANGUAGES = {
    "fr": "French",
    "es": "Spanish",
    "it": "Italian",
    "de": "German",
    "pt": "Portuguese",
    "nl": "Dutch",
}
COMMONEST = 10000  # a language's words kept: its commonest (fondation is French's 5,548th)
MANIFEST = "FOREIGN-MANIFEST.toml"


def frequency_list(language: str) -> Input:
    what = f"{LANGUAGES[language]} word frequencies (MIT)"
    return package_input(None, "pyspellchecker", "spellchecker", f"resources/{language}.json.gz", what)


def build(lists: dict[str, Input], out: Path) -> list[str]:
    """Write the foreign word list and its manifest into `out`; returns the names written."""
    ordered = WORDS.read_text(encoding="utf-8").split("\n")
    english_rank = {w: i for i, w in enumerate(ordered)}
    english = set(ordered) | set(RARE.read_text(encoding="utf-8").split("\n"))
    found: dict[str, list[str]] = {}  # word -> ["fr:648", ...]
    for language, source in lists.items():
        with gzip.open(source.file, "rt", encoding="utf-8") as fh:
            counts: dict[str, int] = json.load(fh)
        commonest = sorted(counts, key=lambda w: (-counts[w], w))[:COMMONEST]
        for rank, word in enumerate(commonest):
            if len(word) < 2 or not word.isalpha():
                continue
            if word not in english or rank < english_rank.get(word, len(ordered)):
                found.setdefault(word, []).append(f"{language}:{rank}")
    text = "".join(f"{w}\t{','.join(found[w])}\n" for w in sorted(found))
    (out / "foreign-words.txt").write_text(text, encoding="utf-8")
    print(f"{len(found)} words of {len(lists)} languages")
    inputs = [
        Input("rules/typos/data/words.txt", WORDS, "this repository's word list"),
        Input("rules/typos/data/rare-words.txt", RARE, "this repository's rare-word list"),
        *lists.values(),
    ]
    write_manifest(out, "scripts/build_foreign_data.py", inputs, ["foreign-words.txt"], MANIFEST)
    return ["foreign-words.txt", MANIFEST]


def main() -> int:
    args = arguments(__doc__.splitlines()[0]).parse_args()
    lists = {language: frequency_list(language) for language in LANGUAGES}
    return run(lambda out: build(lists, out), OUT, args.check, None)


if __name__ == "__main__":
    sys.exit(main())
