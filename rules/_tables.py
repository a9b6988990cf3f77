"""Lookup tables shipped as tab-separated text, shared by the rule families."""

from __future__ import annotations

from collections.abc import Iterator, KeysView
from typing import Generic, TypeVar

Entry = TypeVar("Entry")


class RowTable(Generic[Entry]):
    """key -> the rest of its row, turned into an entry only when looked up.

    Rules look up every word of a story and few words are listed, so splitting thousands of
    rows at load time (most of the start-up cost, measured) buys nothing."""

    def __init__(self, text: str) -> None:
        self._rows = dict(line.split("\t", 1) for line in text.splitlines() if "\t" in line)

    def __contains__(self, key: str) -> bool:
        return key in self._rows

    def __len__(self) -> int:
        return len(self._rows)

    def __iter__(self) -> Iterator[str]:
        return iter(self._rows)

    def keys(self) -> KeysView[str]:
        """The listed keys; `word in table.keys()` is the fast test for loops over every word."""
        return self._rows.keys()

    def get(self, key: str) -> Entry | None:
        row = self._rows.get(key)
        return None if row is None else self.entry(key, row)

    def entry(self, key: str, row: str) -> Entry:
        raise NotImplementedError
