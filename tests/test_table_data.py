"""The tables shipped so that a run does not build them (scripts/build_table_data.py): each is
what the build makes from the shipped word list, byte for byte, and a run that lacks one (or
finds one of the wrong size) builds it as before."""

from __future__ import annotations

import subprocess
import sys

import pytest

from newslint import native as _chooser
from newslint.native import Lookup, lookup_filter_sizes, lookup_filters
from newslint.rules._tables import data_bytes, data_text
from newslint.rules.typos import _capitals, _context, _split, _words, real_word_slip, unknown_word
from tests.conftest import ROOT

DATA = ROOT / "rules" / "typos" / "data"
compiled = pytest.mark.skipif(_chooser.native is None, reason="the filters are the compiled module's")


@compiled
def test_shipped_filters_are_the_built_ones():
    words = frozenset(_words.english().ordered)
    built = lookup_filters(words)
    assert tuple((DATA / name).read_bytes() for name in _words.FILTER_FILES) == built
    assert _words.shipped_filters() == built
    assert tuple(map(len, built)) == lookup_filter_sizes(len(words))
    assert _words.listed_lookup().filter == built  # type: ignore[union-attr]


@compiled
def test_shipped_common_filters_are_the_built_ones():
    """NL105's filters of the commonest words: what `_common_filter` builds from the list, and
    what it reads for the shipped list."""
    common = _words.english().top(_split.COMMON_RANK)
    built = (_chooser.native.edit_filter(common), _chooser.native.split_marks(common, _split.MIN_JOINED))
    assert tuple((DATA / name).read_bytes() for name in _split.FILTER_FILES) == built
    assert _words.shipped_pair(_split.FILTER_FILES) == built
    assert _split._common_filter(_chooser.native) in (None, built)  # (None: too few scans yet)
    _split.prepare()
    assert _split._FILTER[0] == built and len(_split._FILTER) == 1


@compiled
def test_shipped_name_filters_are_the_built_ones():
    names = _capitals._names_by_lowercase()
    built = lookup_filters(names)
    assert built == lookup_filters(frozenset(n.lower() for n in _words.known_names()))
    assert tuple((DATA / name).read_bytes() for name in _capitals.NAME_FILTER_FILES) == built
    assert _capitals.names_lookup().filter == built
    assert _capitals.names_lookup().keys is names


@compiled
def test_missing_common_and_name_filters_are_built(monkeypatch):
    def missing(package, name):
        raise FileNotFoundError(name)

    _split.prepare()
    shipped = _split._FILTER[0]
    names = _capitals.names_lookup().filter
    monkeypatch.setattr(_words.pkgutil, "get_data", missing)
    monkeypatch.setattr(_split, "_FILTER", [])
    assert _split._common_filter(_chooser.native) == shipped  # built again: the same bytes
    assert _capitals.names_lookup.__wrapped__().filter == names  # type: ignore[attr-defined]


@compiled
def test_a_word_list_not_shipped_builds_its_common_filters(monkeypatch):
    listed = _words.WordList(lambda: "cat\ndog\nhorse\nzebra", "cat\t0\ndog\t1\nhorse\t2\nzebra\t3\n")
    monkeypatch.setattr(_split, "english", lambda: listed)
    monkeypatch.setattr(_split, "_FILTER", [])
    monkeypatch.setattr(_split, "_scans", _split.SCANS_BEFORE_FILTER)
    common = ["cat", "dog", "horse", "zebra"]
    want = (_chooser.native.edit_filter(common), _chooser.native.split_marks(common, _split.MIN_JOINED))
    assert _split._common_filter(_chooser.native) == want


def test_the_shipped_rare_word_filter_is_the_built_one(monkeypatch):
    """rare-words-filter.bin is `line_filter` of rare-words.txt, compiled and pure alike; the
    rare words read it once they were searched for `RARE_FILTER_AFTER` times, and build the same
    bytes when it is missing."""
    from newslint import native as chooser

    data = data_bytes("newslint.rules.typos", "rare-words.txt")
    bits = _words.WordSet.FILTER_BITS
    shipped = (DATA / _words.RARE_FILTER_FILE).read_bytes()
    assert chooser._line_filter(data, ord("\n"), bits) == shipped
    assert chooser.line_filter(data, ord("\n"), bits) == shipped

    def filtered() -> bytes | None:
        rare = _words._rare.__wrapped__()  # type: ignore[attr-defined]
        for i in range(_words.RARE_FILTER_AFTER + 1):
            assert f"zzqx{i}" not in rare
        assert all(word in rare for word in bytes(data[:2000]).decode().split("\n")[:-1])  # listed: found
        return rare._filter

    assert filtered() == shipped
    assert _words.shipped_rare_filter() == (shipped if _chooser.native is not None else None)
    monkeypatch.setattr(_words, "shipped_rare_filter", lambda: shipped[:-1])  # of the wrong size
    assert filtered() == shipped


def test_shipped_word_table_slots_are_the_built_ones():
    """words-index-slots.bin is `word_table_slots` of the shipped index, compiled and pure alike,
    and the listed words' table reads it: the set of the listed words."""
    from newslint import native as chooser

    index = data_bytes("newslint.rules.typos", "words-index.tsv")
    shipped = (DATA / _words.SLOTS_FILE).read_bytes()
    assert chooser._word_table_slots(index, "\t") == shipped
    if chooser.WordTable is None:
        assert isinstance(_words.english().words, (_words.WordSet, frozenset))
        return
    assert chooser.word_table_slots(index, "\t") == shipped
    assert bytes(_words.shipped_slots() or b"") == shipped
    listed = _words.english()
    assert isinstance(listed.words, chooser.WordTable) and listed.built
    assert len(listed.words) == len(set(listed.ordered)) == listed.size
    assert all(w in listed.words for w in listed.ordered)


def test_shipped_variety_table_slots_are_the_built_ones(monkeypatch):
    """varieties-slots.bin is `word_table_slots` of NL201's table, compiled and pure alike; the
    table, promoted, reads it, and builds the same set where it is missing or of the wrong size."""
    from newslint import native as chooser
    from newslint.rules.naming._varieties import VariantTable

    assert VariantTable.SLOTS is not None
    package, name = VariantTable.SLOTS
    data = data_bytes(package, "varieties.tsv")
    shipped = (ROOT / "rules" / "naming" / "data" / name).read_bytes()
    assert chooser._word_table_slots(data, "\t") == shipped
    if chooser.WordTable is None:
        return
    assert chooser.word_table_slots(data, "\t") == shipped
    assert bytes(VariantTable(data, sorted_by_key=True)._shipped_slots() or b"") == shipped
    keys = [line.split(b"\t", 1)[0].decode() for line in bytes(data).split(b"\n") if line]
    for slots in (shipped, shipped[:-8], None):
        monkeypatch.setattr(VariantTable, "_shipped_slots", lambda self, slots=slots: slots)
        table = VariantTable(data, sorted_by_key=True)
        table.build()
        assert isinstance(table.keys(), chooser.WordTable) and len(table) == len(keys)
        assert all(k in table for k in keys[::97]) and "colourz" not in table
        assert table.get(keys[0]) == VariantTable(bytes(data).decode()).get(keys[0])  # the text's dict


def test_a_word_list_without_shipped_slots_builds_its_table():
    """A word list given no slots (or slots of no table's size) builds its table: the same set."""
    from newslint import native as chooser

    if chooser.WordTable is None:
        pytest.skip("the table is the compiled module's")
    index = "b\t1\na\t0\nc\t2\n"
    for slots in (None, b"\0" * 24):
        listed = _words.WordList(lambda: "a\nb\nc", index, slots)
        assert isinstance(listed.words, chooser.WordTable) and set(listed.words) == {"a", "b", "c"}
        assert listed.frequency_rank("c") == 2 and listed.frequency_rank("d") == 3
        assert listed.top(2) == ["a", "b"]


def test_the_top_words_are_the_ordered_list_cut():
    """`WordList.top` reads the first lines of words.txt's bytes: `ordered[:count]`, whatever the count."""
    listed = _words.english()
    ordered = listed._ordered_text().split("\n")
    fresh = _words.WordList(listed._ordered_text, listed._index.data, None, listed._ordered_data)
    for count in (0, 1, 7, 20_000, 40_000, len(ordered) - 1, len(ordered), len(ordered) + 5):
        assert fresh.top(count) == ordered[:count], count
    assert "ordered" not in fresh.__dict__


def test_shipped_common_lines_are_the_built_ones():
    text = _context.common_lines_text()
    assert (DATA / _context.COMMON_LINES).read_text(encoding="utf-8") == text
    whole = _context._common_by_opening()
    assert _context._common_lines() == {opening: _context._line_of(words) for opening, words in whole.items()}
    assert list(_context._common_lines()) == list(whole)  # in the same order too


def test_shipped_apostrophe_lost_is_the_built_one(monkeypatch):
    """apostrophe-lost.tsv is NL107's table built from the shipped list, and what the rule
    reads: the same dict, in the same order, whether read or built (file missing, list not
    shipped)."""
    listed = _words.english()
    built = real_word_slip.apostrophe_lost_of(listed)
    assert built == {"cant": "can't", "wont": "won't"}  # (the shipped list's: a table, not empty)
    shipped = (DATA / real_word_slip.APOSTROPHE_LOST).read_text(encoding="utf-8")
    assert shipped == real_word_slip.apostrophe_lost_text(listed)
    read = real_word_slip.apostrophe_lost.__wrapped__()  # type: ignore[attr-defined]
    assert read == built and list(read.items()) == list(built.items())

    def missing(package, name):
        raise FileNotFoundError(name)

    monkeypatch.setattr(real_word_slip, "data_text", missing)
    assert real_word_slip._shipped_apostrophe_lost() is None
    assert real_word_slip.apostrophe_lost.__wrapped__() == built  # type: ignore[attr-defined]
    other = _words.WordList(lambda: "cant\ncan't", "can't\t0\ncant\t1\n")
    monkeypatch.setattr(real_word_slip, "english", lambda: other)
    monkeypatch.setattr(real_word_slip, "data_text", lambda package, name: "wont\twon't\n")
    assert real_word_slip.apostrophe_lost.__wrapped__() == {"cant": "can't"}  # type: ignore[attr-defined]


@pytest.mark.parametrize("count", [0, 1, 63, 64, 65, 96, 97, 1000, 149_000])
def test_filter_sizes_are_the_builders(count):
    if _chooser.native is None:
        pytest.skip("the filters are the compiled module's")
    keys = frozenset(f"k{i}" for i in range(count))
    assert tuple(map(len, lookup_filters(keys))) == lookup_filter_sizes(count)


@compiled
def test_filters_of_the_wrong_size_are_built_again():
    keys = frozenset({"alpha", "beta", "gamma"})
    right = lookup_filters(keys)
    assert Lookup(keys, right).filter is right  # taken as given
    assert Lookup(keys, (b"\0" * 8, right[1])).filter == right  # the edit filter's size is wrong
    assert Lookup(keys, (right[0], right[1][:-4])).filter == right


def test_missing_tables_are_built(monkeypatch):
    def missing(package, name):
        raise FileNotFoundError(name)

    monkeypatch.setattr(_words.pkgutil, "get_data", missing)
    assert _words.shipped_filters() is None
    built = _context._common_lines.__wrapped__()  # type: ignore[attr-defined]
    monkeypatch.setattr(_context, "data_text", missing)
    assert _context._common_lines.__wrapped__() == built  # type: ignore[attr-defined]


def test_a_big_endian_machine_builds_its_own_filters(monkeypatch):
    # the affix filter's uint32 masks are shipped little-endian: read in the other order they
    # would rule listed words out
    assert _words.shipped_filters() is not None
    monkeypatch.setattr(_words.sys, "byteorder", "big")
    assert _words.shipped_filters() is None


@compiled
def test_a_word_list_not_shipped_gets_no_shipped_filters(monkeypatch):
    listed = _words.WordList(lambda: "cat\ndog", "cat\t0\ndog\t1\n")
    monkeypatch.setattr(_words, "english", lambda: listed)
    words = listed._words.frozen()
    assert _words.listed_lookup().filter == lookup_filters(words)  # type: ignore[union-attr]


def test_the_build_script_checks_clean():
    if _chooser.native is None:
        pytest.skip("the build needs the compiled module")
    command = [sys.executable, str(ROOT / "scripts" / "build_table_data.py"), "--check"]
    done = subprocess.run(command, capture_output=True, text=True, timeout=300, check=False)
    assert done.returncode == 0, done.stdout + done.stderr
    assert "10 files in" in done.stdout and "1 files in" in done.stdout  # (rules/naming/data's)


def test_common_lines_read_as_text():
    lines = data_text("newslint.rules.typos", _context.COMMON_LINES).split("\n")
    assert lines[-1] == ""
    for line in lines[:-1]:
        words = line.split(" ")
        assert all(len(w) >= 4 and w.isalpha() and w[:2] == line[:2] for w in words), line[:40]


def _clipped_by_bisection(word: str, part: str) -> bool:
    """`unknown_word.clipped_in_coinage` as it read a sorted list of the commonest words."""
    import bisect

    parts = word.lower().split("-")
    if len(parts) < 2 or part not in parts[:-1] or len(part) < unknown_word.SHORT_WORD:
        return False
    words = _words.english().words
    if not all(p in words for p in parts if p != part):
        return False
    common = sorted(_words.english().ordered[: unknown_word.COMMON_RANK])
    i = bisect.bisect_left(common, part)
    clipped = False
    while i < len(common) and common[i].startswith(part):
        if len(common[i]) == len(part) + 1:
            return False
        clipped = clipped or len(common[i]) - len(part) >= unknown_word.CLIPPED
        i += 1
    return clipped


def test_clipped_coinages_read_from_the_index_as_from_a_sorted_list():
    ordered = _words.english().ordered
    parts = {"docu", "info", "socia", "econo", "polit", "zzzz", "ab", "café", "xylo"}
    parts |= {w[:n] for w in ordered[:30000:97] for n in (3, 4, 5, 6) if len(w) > n}
    parts |= {w for w in ordered[20000:21000:50]}
    seen = set()
    for part in sorted(parts):
        word = f"{part}-game"
        got = unknown_word.clipped_in_coinage(word, part)
        assert got == _clipped_by_bisection(word, part), part
        seen.add(got)
    assert seen == {True, False}
    assert unknown_word.clipped_in_coinage("docu-game", "docu")
    assert not unknown_word.clipped_in_coinage("socia-economic", "socia")


def test_misspellings_read_from_bytes_as_from_text():
    from newslint.native import table_rows

    rows = table_rows(data_text("newslint.rules.typos", "misspellings.tsv"))
    table = _words.Corrections(data_bytes("newslint.rules.typos", "misspellings.tsv"))
    assert list(table._rows.items()) == list(rows.items())
    assert list(_words.misspellings()) == list(rows)
