"""The US/GB spelling table built from VarCon (see scripts/build_variety_data.py)."""
from __future__ import annotations

from dataclasses import dataclass
from functools import cache
from importlib import resources


@dataclass(frozen=True)
class Variant:
    word: str  # as listed, lowercase
    variety: str  # "us" or "gb"
    other: str  # the same word in the other variety
    kind: str  # "spelling" or "ize"


@cache
def variants() -> dict[str, Variant]:
    text = resources.files("newslint.rules.naming").joinpath("data/varieties.tsv").read_text(encoding="utf-8")
    table: dict[str, Variant] = {}
    for line in text.splitlines():
        us, gb, kind = line.split("\t")
        table[us] = Variant(us, "us", gb, kind)
        table[gb] = Variant(gb, "gb", us, kind)
    return table
