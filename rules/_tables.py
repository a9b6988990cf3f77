"""Lookup tables shipped as tab-separated text, shared by the rule families."""

from __future__ import annotations

import mmap
import os
import pkgutil
import sys
from collections.abc import Callable, Collection, Iterator
from typing import Any, Generic, TypeVar

from newslint.native import WordTable, count_lines, sorted_line, sorted_rest, table_rows
from newslint.native import once as once

Entry = TypeVar("Entry")

Data = bytes | mmap.mmap
"""A table's bytes: the file memory-mapped, or read whole (`data_bytes`)."""


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


def data_bytes(package: str, name: str) -> Data:
    """The bytes of `data/<name>` (a table of lines that end in "\\n", UTF-8), for `SortedLines`:
    the file memory-mapped when the package is a folder on disk, read through the loader
    otherwise (a zip). Mapped, a check reads only the pages its lookups touch and nothing is
    copied or decoded: reading and decoding the 10 MB of tables a one-story check looks things
    up in cost it about 10 ms and as many MB (measured)."""
    module = sys.modules.get(package)
    spec = getattr(module, "__spec__", None)
    origin = getattr(spec, "origin", None)
    if spec is not None and spec.has_location and isinstance(origin, str):
        path = os.path.join(os.path.dirname(origin), "data", name)
        try:
            with open(path, "rb") as file:
                return mmap.mmap(file.fileno(), 0, access=mmap.ACCESS_READ)
        except (OSError, ValueError):  # not a file here (a zip's path), or empty: the loader's
            pass
    data = pkgutil.get_data(package, f"data/{name}")
    if data is None:  # a loader that cannot read data files (none of Python's own)
        raise FileNotFoundError(f"{package}: data/{name}")
    return data


class RowTable(Generic[Entry]):
    """key -> the rest of its row, turned into an entry only when looked up.

    Rules look up every word of a story and few words are listed, so splitting thousands of
    rows at load time (most of the start-up cost, measured) buys nothing.

    `sorted_by_key`: the text's lines are sorted by key, one line a key: until `PROMOTE`
    lookups the rows are found in the text by binary search (`SortedLines`), so that checking
    one story does not build the whole dict; then the dict is built and used. The text may be
    given as its bytes (`data_bytes`)."""

    PROMOTE = 4000  # binary searches cost about 1 us each; the dict of 30,000 rows about 10 ms

    COMPILED = False
    """A table of bytes whose keys are each on one line: promoted to a compiled `WordTable` of
    its lines (a hash table read in the bytes in place; `get` reads a row's rest there), not to a
    dict of str. NL201's 29,000 spellings as a dict cost `--jobs` 36 M instructions before its
    workers fork (`Rule.prepare`) and about 5 MB; their `WordTable` is built in 3 M and 0.5 MB."""

    def __init__(self, text: str | Data, sorted_by_key: bool = False) -> None:
        self._text = text
        self._sorted = SortedLines(text, "\t") if sorted_by_key else None
        self._dict: Collection[str] | None = None  # a dict of the rows, or a `WordTable` (`COMPILED`)
        self._get: Callable[[str], str | None] = self._unbuilt
        if not sorted_by_key:
            _ = self._rows

    def _unbuilt(self, key: str) -> str | None:
        _ = self._rows  # built: `_get` set
        return self._get(key)

    SLOTS: tuple[str, str] | None = None
    """A `COMPILED` table's slots shipped beside it (`word_table_slots` of its bytes): the package
    and the file name, read instead of built (NL201's: 7 M instructions of every `--jobs` run's
    warm-up, measured). None, a missing file, a big-endian machine: built."""

    def _build(self) -> Collection[str]:
        if self.COMPILED and WordTable is not None and not isinstance(self._text, str):
            compiled = word_table(self._text, self._shipped_slots())
            self._get = compiled.rest
            return compiled  # (`in`, `len`, iteration: the keys)
        found = table_rows(self._text)
        self._get = found.get
        return found

    def _shipped_slots(self) -> Data | None:
        if self.SLOTS is None or sys.byteorder != "little":  # (uint64s written little-endian)
            return None
        try:
            return data_bytes(*self.SLOTS)
        except OSError:
            return None

    def build(self) -> None:
        """Build the dict now, as `PROMOTE` lookups do (`Rule.prepare`): the answers are the same."""
        _ = self._rows

    @property
    def _rows(self) -> Collection[str]:
        if self._dict is None:
            self._dict = self._build()
            self._sorted = None
            self._text = ""  # read no more: let it go
        return self._dict

    def _row(self, key: str) -> str | None:
        lines = self._sorted
        if lines is None or lines.lookups >= self.PROMOTE:
            return self._get(key)  # the dict's `get`, or the compiled table's `rest`
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
        rows = self._dict
        if rows is None:
            return self
        return rows.keys() if type(rows) is dict else rows  # (a `WordTable` is the set of its keys)

    def get(self, key: str) -> Entry | None:
        row = self._row(key)
        return None if row is None else self.entry(key, row)

    def entry(self, key: str, row: str) -> Entry:
        raise NotImplementedError


def word_table(data: Data, slots: Data | None) -> Any:
    """The compiled `WordTable` of the lines `data` (`key<TAB>...`: a set of the keys, with
    `rest`), read through `slots` (its slots built before: `word_table_slots`) when they are of
    a table's size, else built."""
    assert WordTable is not None
    if slots is not None:
        try:
            return WordTable(data, "\t", slots)
        except ValueError:  # not of a table's size: built below
            pass
    return WordTable(data, "\t")


class SortedLines:
    """A shipped table of lines sorted by their key (what comes before `sep` on the line; `sep`
    "\\n": the whole line), looked up in its bytes without splitting or decoding it.

    A short story asks about a few thousand words; building a set or dict of a list's 150,000
    lines cost its check more than all its rules (a start-up of `newslint check` on one story:
    0.1 s of 0.3 s, measured), and reading the tables' text, decoding it and sampling it for a
    search in Python about 20 ms more. A key is found by binary search over the bytes in place
    (`newslint.native.sorted_line`: compiled, about 1 us; the bytes may be a memory map, of
    which a check then reads the few pages it touches). UTF-8 bytes sort as their text does.
    Whoever asks many questions (a corpus run) should build the set or dict: `lookups` counts
    them for that."""

    def __init__(self, data: str | Data, sep: str) -> None:
        self.data: Data = data.encode("utf-8") if isinstance(data, str) else data
        self.sep = sep
        self._sep = ord(sep)
        self.lookups = 0

    def find(self, key: str) -> int:
        """Where the line of `key` starts, or -1."""
        self.lookups += 1
        return sorted_line(self.data, key.encode("utf-8", "surrogatepass"), self._sep, 0)

    def rest(self, key: str) -> str | None:
        """What follows the key and `sep` on its line, or None when no line has the key (found
        and read in one compiled call: a run asks for thousands of ranks and rows)."""
        self.lookups += 1
        return sorted_rest(self.data, key.encode("utf-8", "surrogatepass"), self._sep)

    def lines(self, prefix: str) -> list[tuple[str, str]]:
        """(key, rest) of every line whose key begins with `prefix`, in the text's order."""
        wanted = prefix.encode("utf-8", "surrogatepass")
        start, end = (sorted_line(self.data, wanted, self._sep, mode) for mode in (1, 2))
        if end <= start:
            return []
        return [line.partition(self.sep)[::2] for line in self._decode(start, end).split("\n")]

    def ending(self, suffix: str) -> list[tuple[str, str]]:
        """(key, rest) of every line whose key ends with `suffix` (one without a tab or newline),
        in the text's order: found with `find` over the bytes, not by a walk over every line."""
        data, found, at = self.data, [], 0
        mark = (suffix + self.sep).encode("utf-8", "surrogatepass")
        while (at := data.find(mark, at)) >= 0:
            start, end = data.rfind(b"\n", 0, at) + 1, data.find(b"\n", at)
            if end < 0:
                end = len(data)
            key, _, rest = self._decode(start, end).partition(self.sep)
            if key.endswith(suffix):  # the suffix ends the key, not a longer key's part
                found.append((key, rest))
            at = end
        return found

    def count(self) -> int:
        """How many lines the table holds."""
        return count_lines(self.data)

    def text(self) -> str:
        """The whole table, decoded (the file's text)."""
        return self.data[:].decode("utf-8")

    def _decode(self, start: int, end: int) -> str:
        """The lines in [start, end), without the newline that ends the last."""
        if end > start and self.data[end - 1 : end] == b"\n":
            end -= 1
        return self.data[start:end].decode("utf-8")
