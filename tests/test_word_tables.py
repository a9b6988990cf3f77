"""The shipped lookup tables and the edit-distance helpers the typo and name rules share."""

import pytest
from hypothesis import given
from hypothesis import strategies as st

from newslint.native import PAIR_LONG_LINE
from newslint.rules._tables import RowTable, SortedLines
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
def test_a_sorted_table_finds_the_lines_a_dictionary_of_them_finds(words, probe):
    text = "".join(f"{w}\t {w.upper()}\n" for w in sorted(words))
    want = {w: f" {w.upper()}" for w in words}
    for w in [*words, probe]:
        assert SortedLines(text, "\t").rest(w) == want.get(w)
        assert SortedLines(text.removesuffix("\n"), "\t").rest(w) == want.get(w)  # no last newline


def test_pair_files_are_sorted_by_head_word_as_the_binary_search_needs():
    for name in ("pairs-after.txt", "pairs-before.txt"):
        found = [line.partition("\t")[0] for line in _pairs._table(name).text().splitlines()]
        assert found == sorted(set(found)) and len(found) > 10_000


def test_pair_lines_are_sorted_by_word_as_the_binary_search_of_a_long_line_needs():
    for name in ("pairs-after.txt", "pairs-before.txt"):
        for line in _pairs._table(name).text().splitlines():
            words = [entry.partition(":")[0] for entry in line.partition("\t")[2].split()]
            assert words == sorted(set(words)), line[:40]


def test_a_pair_found_by_binary_search_is_the_pair_found_by_scanning_the_line():
    def scanned(first: str, second: str) -> float | None:
        line = _pairs.after(first)
        at = line.find(f" {second}:")
        if at < 0:
            return None
        end = line.find(" ", at + 1)
        return _pairs.PAIR_FLOOR * 2.0 ** int(line[at + len(second) + 2 : None if end < 0 else end])

    for first in ("the", "of", "in"):
        assert len(_pairs.after(first)) > PAIR_LONG_LINE
        words = [entry.partition(":")[0] for entry in _pairs.after(first).split()]
        probes = words[::5] + [w + "x" for w in words[::50]] + [w[:-1] for w in words[::50]]
        for second in [*probes, "", "zzzz", "~", "a b", "of:3", words[0], words[-1]]:
            assert _pairs.count.__wrapped__(first, second) == scanned(first, second), (first, second)


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
    `importlib.resources` gives, for every shipped text file; `pkgutil.get_data` the bytes of
    every shipped binary one (`.bin`, scripts/build_table_data.py's filters)."""
    import pkgutil
    from importlib import resources

    from newslint.rules._tables import data_text

    read = 0
    for package in ("newslint.rules.typos", "newslint.rules.naming"):
        for entry in resources.files(package).joinpath("data").iterdir():
            if entry.is_file() and entry.name.endswith(".bin"):
                assert pkgutil.get_data(package, f"data/{entry.name}") == entry.read_bytes(), entry.name
                read += 1
            elif entry.is_file():
                assert data_text(package, entry.name) == entry.read_text(encoding="utf-8"), entry.name
                read += 1
    assert read >= 10
    with pytest.raises(FileNotFoundError):
        data_text("newslint.rules.typos", "no-such-table.txt")


def test_sorted_tables_are_mapped_from_the_folder_with_the_bytes_the_loader_reads():
    """`data_bytes` maps the shipped file (a check reads only the pages it touches): the bytes
    are the file's, as `pkgutil.get_data` reads them, and the text `data_text` gives (no "\\r"
    for universal newlines to change)."""
    import mmap
    import pkgutil

    from newslint.rules._tables import data_bytes, data_text

    for package, name in (
        ("newslint.rules.typos", "words-index.tsv"),
        ("newslint.rules.typos", "rare-words.txt"),
        ("newslint.rules.typos", "pairs-after.txt"),
        ("newslint.rules.typos", "pairs-before.txt"),
        ("newslint.rules.typos", "foreign-words.txt"),
        ("newslint.rules.naming", "varieties.tsv"),
    ):
        data = data_bytes(package, name)
        assert isinstance(data, mmap.mmap), name
        assert data[:] == pkgutil.get_data(package, f"data/{name}") and b"\r" not in data[:], name
        assert data[:].decode("utf-8") == data_text(package, name)


def test_a_check_reads_its_tables_from_a_zip_as_from_the_folder(tmp_path):
    """Installed as a zip (no folder to map), the tables are read through the loader: the seed
    story's report is the same."""
    import os
    import subprocess
    import sys
    import zipfile
    from pathlib import Path

    root = Path(__file__).resolve().parent.parent
    archive = tmp_path / "newslint.zip"
    with zipfile.ZipFile(archive, "w") as z:
        for folder, inside in ((root / "lint", "newslint"), (root / "rules", "newslint/rules")):
            for path in folder.rglob("*"):
                if path.is_file() and "__pycache__" not in path.parts and path.suffix not in (".so", ".pyd"):
                    z.write(path, f"{inside}/{path.relative_to(folder).as_posix()}")
    seed = root / "tests" / "golden" / "stories" / "syria-airstrikes.txt"
    code = (
        "import sys\nsys.path.insert(0, sys.argv.pop(1))\nimport newslint\n"
        "assert '.zip' in newslint.__file__, newslint.__file__\n"
        "from newslint.cli_fast import main\nsys.argv[0] = 'newslint'\nmain()"
    )
    env = {**os.environ, "NEWSLINT_PURE_PYTHON": "1", "NO_COLOR": "1"}
    zipped, folder = (
        subprocess.run([sys.executable, *args, "check", str(seed)], capture_output=True, text=True, env=env)
        for args in (["-c", code, str(archive)], ["-m", "newslint"])
    )
    assert zipped.stderr == "" and zipped.returncode == 1 and "NL101" in zipped.stdout
    assert zipped.stdout == folder.stdout
