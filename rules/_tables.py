"""Lookup tables shipped as tab-separated text, shared by the rule families."""

from __future__ import annotations

import bisect
import pkgutil
from collections.abc import Collection, Iterator
from typing import Generic, TypeVar

Entry = TypeVar("Entry")


def data_text(package: str, name: str) -> str:
    """The text of `data/<name>`, shipped in `package` (newslint.rules.typos), read through the
    package's loader (`pkgutil.get_data`: from a folder or a zip) and decoded as UTF-8 with
    universal newlines, as `importlib.resources`' `read_text` reads it: importing and first
    using `importlib.resources` cost a one-story check about 10 ms (measured)."""
    data = pkgutil.get_data(package, f"data/{name}")
    if data is None:  # a loader that cannot read data files (none of Python's own)
        raise FileNotFoundError(f"{package}: data/{name}")
    text = data.decode("utf-8")
    return text.replace("\r\n", "\n").replace("\r", "\n") if "\r" in text else text


class RowTable(Generic[Entry]):
    """key -> the rest of its row, turned into an entry only when looked up.

    Rules look up every word of a story and few words are listed, so splitting thousands of
    rows at load time (most of the start-up cost, measured) buys nothing.

    `sorted_by_key`: the text's lines are sorted by key, one line a key: until `PROMOTE`
    lookups the rows are found in the text by binary search (`SortedLines`), so that checking
    one story does not build the whole dict; then the dict is built and used."""

    PROMOTE = 4000  # binary searches cost about 2 us each; the dict of 30,000 rows about 10 ms

    def __init__(self, text: str, sorted_by_key: bool = False) -> None:
        self._text = text
        self._sorted = SortedLines(text, "\t") if sorted_by_key else None
        self._dict: dict[str, str] | None = None
        if not sorted_by_key:
            _ = self._rows

    def _build(self) -> dict[str, str]:
        return dict(line.split("\t", 1) for line in self._text.splitlines() if "\t" in line)

    @property
    def _rows(self) -> dict[str, str]:
        if self._dict is None:
            self._dict = self._build()
            self._sorted = None
            self._text = ""  # read no more: let it go
        return self._dict

    def _row(self, key: str) -> str | None:
        lines = self._sorted
        if lines is None or lines.lookups >= self.PROMOTE:
            return self._rows.get(key)
        return lines.rest(key)

    def __contains__(self, key: object) -> bool:
        return isinstance(key, str) and self._row(key) is not None

    def __len__(self) -> int:
        return len(self._rows)

    def __iter__(self) -> Iterator[str]:
        return iter(self._rows)

    def keys(self) -> Collection[str]:
        """The listed keys; `word in table.keys()` is the fast test for loops over every word
        (the dict's keys once built; until then the table itself)."""
        return self if self._dict is None else self._dict.keys()

    def get(self, key: str) -> Entry | None:
        row = self._row(key)
        return None if row is None else self.entry(key, row)

    def entry(self, key: str, row: str) -> Entry:
        raise NotImplementedError


class SortedLines:
    """A shipped text of lines sorted by their key (what comes before `sep` on the line; `sep`
    "\\n": the whole line), looked up without splitting it.

    A short story asks about a few thousand words; building a set or dict of a list's 150,000
    lines cost its check more than all its rules (a start-up of `newslint check` on one story:
    0.1 s of 0.3 s, measured). The key of every line that starts after another `STEP`
    characters is sampled once (a few thousand lines, about 2 ms); a key is found by bisecting
    the samples and one `str.find` between two of them (about 2 us). Whoever asks many questions
    (a corpus run) should build the set or dict: `lookups` counts them for that."""

    STEP = 512  # characters between sampled lines: the stretch one `str.find` searches

    def __init__(self, text: str, sep: str) -> None:
        self.text = text if text.startswith("\n") else "\n" + text
        if not self.text.endswith("\n"):
            self.text += "\n"
        self.sep = sep
        self.lookups = 0
        self._keys: list[str] = []
        self._starts: list[int] = []

    def find(self, key: str) -> int:
        """Where the line of `key` starts (after its newline), or -1."""
        self.lookups += 1
        if not self._keys:
            self._sample()
        i = bisect.bisect_right(self._keys, key)
        if i == 0 or "\n" in key or self.sep in key:
            return -1
        at = self.text.find("\n" + key + self.sep, self._starts[i - 1] - 1, self._starts[i])
        return at + 1 if at >= 0 else -1

    def rest(self, key: str) -> str | None:
        """What follows the key and `sep` on its line, or None when no line has the key."""
        at = self.find(key)
        if at < 0:
            return None
        start = at + len(key) + 1
        return self.text[start : self.text.index("\n", start)]

    def lines(self, prefix: str) -> list[tuple[str, str]]:
        """(key, rest) of every line whose key begins with `prefix`, in the text's order."""
        start, end = self._first(prefix, False), self._first(prefix, True)
        if end <= start:
            return []
        return [line.partition(self.sep)[::2] for line in self.text[start : end - 1].split("\n")]

    def _key(self, start: int) -> tuple[str, int]:
        """The key of the line that starts at `start`, and where the line ends."""
        end = self.text.find("\n", start)
        cut = end if self.sep == "\n" else self.text.find(self.sep, start, end)
        return self.text[start : end if cut < 0 else cut], end

    def _sample(self) -> None:
        text, keys, starts = self.text, self._keys, self._starts
        at = 1
        while 0 < at < len(text):
            keys.append(self._key(at)[0])
            starts.append(at)
            at = text.find("\n", at + self.STEP) + 1
        starts.append(len(text))

    def _first(self, prefix: str, after: bool) -> int:
        """The start of the first line whose key, cut to the length of `prefix`, is greater
        than `prefix` (`after`) or not less than it; the text's end when there is none."""
        text, size = self.text, len(prefix)
        lo, hi = 1, len(text)  # line starts: the line sought starts in [lo, hi]
        while lo < hi:
            mid = (lo + hi) // 2
            start = text.rfind("\n", lo - 1, mid) + 1
            key, end = self._key(start)
            head = key[:size]
            if head < prefix or after and head == prefix:
                lo = end + 1
            else:
                hi = start
        return lo
