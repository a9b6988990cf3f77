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


@cache
def variants() -> dict[str, Variant]:
    text = resources.files("newslint.rules.naming").joinpath("data/varieties.tsv").read_text(encoding="utf-8")
    table: dict[str, Variant] = {}
    for line in text.splitlines():
        word, variety, other, kind = line.split("\t")
        table[word] = Variant(word, variety, other, kind)
    return table
