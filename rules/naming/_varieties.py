"""The US/GB spelling table built from VarCon (see scripts/build_variety_data.py)."""
from __future__ import annotations

from dataclasses import dataclass
from functools import cache
from importlib import resources


@dataclass(frozen=True)
class Variant:
    word: str  # as listed, lowercase
    variety: str  # "us" or "gb": the only variety that writes it
    other: str  # the same word in the other variety
    kind: str  # "spelling", "ise" (organise) or "ize" (organize: American and Oxford British)


class VariantTable:
    """word -> Variant. Rows are split on lookup: every word of a story is looked up, few are
    listed, and building 29,000 records up front was most of the start-up time."""

    def __init__(self, rows: dict[str, str]) -> None:
        self._rows = rows

    def __contains__(self, word: str) -> bool:
        return word in self._rows

    def __len__(self) -> int:
        return len(self._rows)

    def get(self, word: str) -> Variant | None:
        row = self._rows.get(word)
        if row is None:
            return None
        variety, other, kind = row.split("\t")
        return Variant(word, variety, other, kind)


@cache
def variants() -> VariantTable:
    text = resources.files("newslint.rules.naming").joinpath("data/varieties.tsv").read_text(encoding="utf-8")
    return VariantTable(dict(line.split("\t", 1) for line in text.splitlines()))
