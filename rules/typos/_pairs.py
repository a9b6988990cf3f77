"""The word-pair table (common English word pairs, Google Books counts via symspellpy), read
without being parsed: each file is one sorted text, and a word's line is found by binary search
over the text itself, so loading is a file read (a few milliseconds) and a lookup touches one
line. Built by scripts/build_context_data.py; the format is described there."""

from __future__ import annotations

from functools import cache, lru_cache

from newslint.rules._tables import data_text

PAIR_FLOOR = 6_400_000  # the table keeps pairs seen at least this often


def find_line(text: str, head: str) -> str | None:
    """The rest of the line of `text` that starts with `head` and a tab, or None. `text` holds
    one line per head word, sorted by head word."""
    lo, hi = 0, len(text)  # both line starts (or the end): the line sought is in [lo, hi)
    while lo < hi:
        mid = (lo + hi) // 2
        start = text.rfind("\n", lo, mid) + 1 or lo
        tab = text.find("\t", start)
        end = text.find("\n", tab)
        if end < 0:
            end = len(text)
        key = text[start:tab]
        if key == head:
            return text[tab + 1 : end]
        if key < head:
            lo = end + 1
        else:
            hi = start
    return None


@cache
def _text(name: str) -> str:
    return data_text("newslint.rules.typos", name)


@lru_cache(maxsize=4096)
def _after(first: str) -> str:
    """' second:k second:k ...' for the words seen after `first` ('' when none)."""
    return find_line(_text("pairs-after.txt"), first) or ""


@lru_cache(maxsize=8192)
def count(first: str, second: str) -> float | None:
    """The pair's count (to a factor of 2), or None when the table does not hold it. Remembered:
    a story asks for the same pairs many times, and a common word's line is long to search."""
    line = _after(first)
    at = line.find(f" {second}:")
    if at < 0:
        return None
    start = at + len(second) + 2
    end = line.find(" ", start)
    return PAIR_FLOOR * 2.0 ** int(line[start:] if end < 0 else line[start:end])


# followers and preceders: a common word's pairs are thousands of words; asked only for the
# neighbours of a long unknown word, so few are asked again (256 each held 10 MB of a corpus
# run's memory at no gain in time, measured).
@lru_cache(maxsize=32)
def followers(first: str) -> tuple[str, ...]:
    """The words seen after `first`."""
    return tuple(entry.partition(":")[0] for entry in _after(first).split())


@lru_cache(maxsize=32)
def preceders(second: str) -> tuple[str, ...]:
    """The words seen before `second`."""
    return tuple((find_line(_text("pairs-before.txt"), second) or "").split())
