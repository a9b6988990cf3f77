"""The shipped lookup tables and the edit-distance helpers the typo and name rules share."""

import pytest
from hypothesis import given
from hypothesis import strategies as st

from newslint.rules._tables import RowTable
from newslint.rules.naming._varieties import variants
from newslint.rules.typos import _pairs
from newslint.rules.typos._words import (
    english,
    known_names,
    misspellings,
    one_edit_apart,
    one_edit_away,
    rare_words,
)

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


def test_every_shipped_correction_is_a_known_word():
    # the source list has cut entries ("renedered" -> "rende"): a fix must never write a non-word
    known = english().words | rare_words() | {name.lower() for name in known_names()}
    table = misspellings()
    bad = [
        (wrong, c)
        for wrong in table
        for c in table.get(wrong)
        if not all(
            p.lower() in known or p.lower().replace("'", "") in known or p[:1].isdigit()
            for p in c.replace("-", " ").split()
        )
    ]
    assert bad == []
    assert "renedered" not in table and table.get("goverment") == ("government",)


def test_british_spellings_rank_beside_their_american_forms():
    # the frequency list is American; VarCon gives each British form its variant's frequency
    words = english()
    for gb, us in (("metres", "meters"), ("organisations", "organizations"), ("colour", "color")):
        assert abs(words.frequency_rank(gb) - words.frequency_rank(us)) <= 2
    assert words.frequency_rank("metres") < 20000 < words.frequency_rank("collateralise")


heads = st.lists(st.text(alphabet="abcz'", min_size=1, max_size=5), unique=True)


@given(heads, st.text(alphabet="abcz'", min_size=0, max_size=5))
def test_find_line_agrees_with_a_dictionary_of_the_lines(words, probe):
    text = "".join(f"{w}\t {w.upper()}\n" for w in sorted(words))
    want = {w: f" {w.upper()}" for w in words}
    for w in [*words, probe]:
        assert _pairs.find_line(text, w) == want.get(w)


def test_pair_files_are_sorted_by_head_word_as_the_binary_search_needs():
    for name in ("pairs-after.txt", "pairs-before.txt"):
        found = [line.partition("\t")[0] for line in _pairs._text(name).splitlines()]
        assert found == sorted(set(found)) and len(found) > 10_000


def test_pair_table_lookups():
    assert _pairs.count("news", "agency") is not None and _pairs.count("news", "agony") is None
    assert _pairs.count("of", "the") > _pairs.count("news", "agency") >= _pairs.PAIR_FLOOR
    assert _pairs.count("zzqx", "the") is None and _pairs.count("the", "zzqx") is None
    assert "agency" in _pairs.followers("news") and "news" in _pairs.preceders("agency")
    assert _pairs.followers("zzqx") == () and _pairs.preceders("zzqx") == ()
    # an entry is the whole word: "an" is not found inside "and", nor "age" inside "agency"
    assert _pairs.count("news", "agenc") is None


def test_data_files_read_through_the_loader_as_importlib_resources_reads_them():
    """`data_text` (pkgutil.get_data, decoded with universal newlines) gives the text that
    `importlib.resources` gives, for every shipped data file."""
    from importlib import resources

    from newslint.rules._tables import data_text

    read = 0
    for package in ("newslint.rules.typos", "newslint.rules.naming"):
        for entry in resources.files(package).joinpath("data").iterdir():
            if entry.is_file():
                assert data_text(package, entry.name) == entry.read_text(encoding="utf-8"), entry.name
                read += 1
    assert read >= 10
    with pytest.raises(FileNotFoundError):
        data_text("newslint.rules.typos", "no-such-table.txt")
