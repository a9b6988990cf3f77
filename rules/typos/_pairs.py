"""The word-pair table (common English word pairs, Google Books counts via symspellpy), read
without being parsed: each file is one sorted text, and a word's line is found by binary search
over its bytes in place (`SortedLines` over the memory-mapped file), so loading costs nothing
and a lookup touches a few pages. Built by scripts/build_context_data.py; the format is described there."""

from __future__ import annotations

from functools import cache, lru_cache

from newslint.native import (
    line_index,
    near_words_in_index,
    near_words_in_line,
    pair_steps,
    table_line_starts,
    table_rest,
)
from newslint.rules._tables import Data, SortedLines, data_bytes, once

PAIR_FLOOR = 6_400_000  # the table keeps pairs seen at least this often


@cache
def _table(name: str) -> SortedLines:
    return SortedLines(data_bytes("newslint.rules.typos", name), "\t")


def before(second: str) -> str:
    """' first first ...' for the words seen before `second` ('' when none): found each time (a
    common word's line is long, and few are asked again), by halving the table's lines."""
    return table_rest(_table("pairs-before.txt").data, before_lines(), _utf8(second)) or ""


def after(first: str) -> str:
    """' second:k second:k ...' for the words seen after `first` ('' when none)."""
    return _after(first)


@lru_cache(maxsize=4096)
def _after(first: str) -> str:
    """' second:k second:k ...' for the words seen after `first` ('' when none)."""
    return table_rest(after_table(), after_lines(), _utf8(first)) or ""


@lru_cache(maxsize=8192)
def count(first: str, second: str) -> float | None:
    """The pair's count (to a factor of 2), or None when the table does not hold it: read in the
    table's bytes in place (`pair_steps`: the first word's line found by binary search, and the
    entry in a common word's line, 100,000 characters for "the", by another). Remembered: the
    rules ask for the same pairs story after story."""
    steps = pair_steps(after_table(), after_lines(), _utf8(first), _utf8(second))
    return None if steps is None else PAIR_FLOOR * 2.0**steps


def after_table() -> Data:
    """The bytes of pairs-after.txt (`count` reads them; so does the compiled `word_scores`)."""
    return _table("pairs-after.txt").data


@once
def after_lines() -> bytes:
    """Where the lines of pairs-after.txt start (`table_line_starts`, 63 KB), found at the first pair
    asked: each search then halves the lines, where one through the bytes read back to a line's
    start at each step (a common word's line is thousands of bytes: 7,000 instructions a search)."""
    return table_line_starts(after_table())


@once
def before_lines() -> bytes:
    """Where the lines of pairs-before.txt start (`table_line_starts`), found at the first word's
    line asked: `before`'s search halves them, as `count`'s halves `after_lines`."""
    return table_line_starts(_table("pairs-before.txt").data)


def _utf8(word: str) -> bytes:
    return word.encode("utf-8", "surrogatepass")


INDEXED_LINE = 4000  # from this many characters a line's words are indexed once (`near_after`)
# (side, word) -> the line and its index (`line_index`): a common word's line, read by typo after
# typo. Bounded by the tables: they hold 79 lines this long, 1.3 MB in all (their indexes 1.8 MB).
_INDEXED: dict[tuple[bool, str], tuple[str, bytes]] = {}


def near_after(typo: str, first: str) -> list[str]:
    """`near_words_in_line(typo, after(first))`: the words seen after `first` within two edits of
    `typo`. A common word's line (100,000 characters for "the") is read from its index, built once
    (`line_index`): a scan of its text cost 20 instructions a character, typo after typo."""
    return _near_in_line(typo, True, first)


def near_before(typo: str, second: str) -> list[str]:
    """`near_words_in_line(typo, before(second))`, as `near_after` finds it."""
    return _near_in_line(typo, False, second)


def _near_in_line(typo: str, side: bool, word: str) -> list[str]:
    found = _INDEXED.get((side, word))
    if found is None:
        line = _after(word) if side else before(word)
        if len(line) < INDEXED_LINE:
            return near_words_in_line(typo, line)
        found = _INDEXED[side, word] = (line, line_index(line))
    return near_words_in_index(typo, *found)


# followers and preceders: a common word's pairs are thousands of words; asked only for the
# neighbours of a long unknown word, so few are asked again (256 each held 10 MB of a corpus
# run's memory at no gain in time, measured). `near_words_in_line` reads the lines themselves.
@lru_cache(maxsize=32)
def followers(first: str) -> tuple[str, ...]:
    """The words seen after `first`."""
    return tuple(entry.partition(":")[0] for entry in _after(first).split())


@lru_cache(maxsize=32)
def preceders(second: str) -> tuple[str, ...]:
    """The words seen before `second`."""
    return tuple(before(second).split())
