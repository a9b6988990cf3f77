"""The shipped lookup tables and the edit-distance helpers the typo and name rules share."""
from hypothesis import given
from hypothesis import strategies as st

from newslint.rules._tables import RowTable
from newslint.rules.naming._varieties import variants
from newslint.rules.typos._words import misspellings, one_edit_apart, one_edit_away

short_words = st.text(alphabet="abcd", min_size=1, max_size=6)


@given(short_words, short_words)
def test_one_edit_apart_agrees_with_generating_every_variant(a, b):
    assert one_edit_apart(a, b) == (a != b and b in one_edit_away(a))


def test_one_edit_apart_on_the_seed_story_typo():
    assert one_edit_apart("reigme", "regime")  # transposition
    assert one_edit_apart("rinaldi", "rinldi")  # deletion
    assert not one_edit_apart("regime", "regime")
    assert not one_edit_apart("hamad", "hamids")


class _Upper(RowTable[str]):
    def entry(self, key: str, row: str) -> str:
        return row.upper()


def test_row_table_splits_rows_on_lookup_and_skips_lines_without_a_tab():
    table = _Upper("one\tx\ttail\nnot a row\ntwo\ty\n")
    assert len(table) == 2 and "one" in table and "not a row" not in table
    assert table.get("one") == "X\tTAIL"
    assert table.get("three") is None


def test_shipped_tables_load_and_give_entries():
    assert misspellings().get("recieve") == ("receive",)
    entry = variants().get("defence")
    assert entry is not None and entry.variety == "gb" and entry.other == "defense"
