"""Build the tables the typo rules would otherwise compute from the word list on every run.

    python scripts/build_table_data.py [--check]

Reads the shipped word list (rules/typos/data/words.txt, made by scripts/build_typo_data.py: run
that first, then this, when the word lists change) through the installed package, whose compiled
module must be built. `--check` rebuilds into a temporary folder and compares with the shipped
files, byte for byte (tests/test_table_data.py does the same on every test run).

Writes in rules/typos/data/:

- `words-edit-filter.bin`, `words-affix-filter.bin`: the filters of the listed words' `Lookup`
  (`newslint.native.lookup_filters`), read at run time as bytes (rules/typos/_words.py);
- `common-edit-filter.bin`, `common-split-marks.bin`: NL105's filters of the 20,000 commonest
  words (`edit_filter`, `split_marks`; rules/typos/_split.py `FILTER_FILES`);
- `names-edit-filter.bin`, `names-affix-filter.bin`: the filters of the known names' `Lookup`,
  of names.txt in lowercase (rules/typos/_capitals.py `NAME_FILTER_FILES`);
- `rare-words-filter.bin`: the `line_filter` of rare-words.txt (rules/typos/_words.py
  `RARE_FILTER_FILE`);
- `common-lines.txt`: the 40,000 commonest words of four letters or more by their first two
  letters, a line an opening (rules/typos/_context.py, `common_lines_text`);
- `apostrophe-lost.tsv`: NL107's listed words that are a common negative contraction with its
  apostrophe lost, and the contraction, a pair a line (rules/typos/real_word_slip.py
  `APOSTROPHE_LOST`);
- `words-index-slots.bin`: the slots of the listed words' `WordTable`, the hash table that
  `english().words` looks words up in, in words-index.tsv's bytes (`word_table_slots`,
  uint64 little-endian; rules/typos/_words.py `SLOTS_FILE`).

And in rules/naming/data, `varieties-slots.bin`: the slots of NL201's spellings' `WordTable`, in
varieties.tsv's bytes (`word_table_slots`; rules/naming/_varieties.py `VariantTable.SLOTS`).

Each is a function of words.txt (and words-index.tsv, names.txt, rare-words.txt, varieties.tsv)
alone; building them cost a run 70-120 ms before `--jobs` forks its workers (measured), reading
them under a millisecond.
"""

from __future__ import annotations

import sys
from pathlib import Path

from _data_build import arguments, run  # scripts/ is on sys.path

ROOT = Path(__file__).resolve().parent.parent
OUT = ROOT / "rules" / "typos" / "data"
NAMING_OUT = ROOT / "rules" / "naming" / "data"


def tables() -> dict[str, bytes]:
    """The name and bytes of each file, built from the word list."""
    from newslint.native import line_filter, lookup_filters, native, word_table_slots
    from newslint.rules._tables import SortedLines, data_bytes
    from newslint.rules.typos import _capitals, _context, _split, _words, real_word_slip

    listed = _words.english()
    common = listed.top(_split.COMMON_RANK)
    names = frozenset(n.lower() for n in _words.known_names())
    rare = SortedLines(data_bytes("newslint.rules.typos", "rare-words.txt"), "\n")
    built = {
        _words.FILTER_FILES: lookup_filters(frozenset(listed.ordered)),
        _split.FILTER_FILES: (native.edit_filter(common), native.split_marks(common, _split.MIN_JOINED)),
        _capitals.NAME_FILTER_FILES: lookup_filters(names),
    }
    return {
        **{name: data for names, pair in built.items() for name, data in zip(names, pair, strict=True)},
        _context.COMMON_LINES: _context.common_lines_text().encode("utf-8"),
        real_word_slip.APOSTROPHE_LOST: real_word_slip.apostrophe_lost_text(listed).encode("utf-8"),
        _words.SLOTS_FILE: word_table_slots(listed._index.data, "\t"),
        _words.RARE_FILTER_FILE: line_filter(rare.data, ord(rare.sep), _words.WordSet.FILTER_BITS),
    }


def build(out: Path) -> list[str]:
    built = tables()
    for name, data in built.items():
        (out / name).write_bytes(data)
    return list(built)


def build_naming(out: Path) -> list[str]:
    """rules/naming/data's table: the slots of NL201's spellings' `WordTable`."""
    from newslint.native import word_table_slots
    from newslint.rules._tables import data_bytes
    from newslint.rules.naming._varieties import VariantTable

    assert VariantTable.SLOTS is not None
    package, name = VariantTable.SLOTS
    (out / name).write_bytes(word_table_slots(data_bytes(package, "varieties.tsv"), "\t"))
    return [name]


def main() -> int:
    ap = arguments(__doc__.splitlines()[0])
    args = ap.parse_args()
    return run(build, OUT, args.check, None) or run(build_naming, NAMING_OUT, args.check, None)


if __name__ == "__main__":
    sys.exit(main())
