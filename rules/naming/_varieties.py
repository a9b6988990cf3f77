"""The US/GB spelling table built from VarCon (see scripts/build_variety_data.py)."""

from __future__ import annotations

from dataclasses import dataclass

from newslint.rules._tables import RowTable, data_bytes, once


@dataclass(frozen=True)
class Variant:
    """A word only one spelling variety writes, and the other's form."""

    word: str  # as listed, lowercase
    variety: str  # "us" or "gb": the only variety that writes it
    other: str  # the same word in the other variety
    kind: str  # "spelling", "ise" (organise) or "ize" (organize: American and Oxford British); and, set
    # by the rule, "weak" (program: American only in some senses, evidence in a same-word mix alone)
    # or "sense" (variety "none": wrong in both varieties in the sense its context shows)
    sense: str = ""  # for kind "sense": which sense (a key of _senses.SENSES)


class VariantTable(RowTable[Variant]):
    """word -> Variant."""

    COMPILED = True  # one line a word: read in its bytes once promoted (`RowTable.COMPILED`)
    SLOTS = ("newslint.rules.naming", "varieties-slots.bin")  # scripts/build_table_data.py

    def entry(self, key: str, row: str) -> Variant:
        variety, other, kind = row.split("\t")
        return Variant(key, variety, other, kind)


@once
def variants() -> VariantTable:
    return VariantTable(  # sorted by word: a short story's check does not build the dict
        data_bytes("newslint.rules.naming", "varieties.tsv"),
        sorted_by_key=True,
    )
