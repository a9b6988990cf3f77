"""The shipped word lists and tables looked up in their sorted text (`SortedLines`), as a short
story's check reads them, give the answers of the sets and dicts a long run builds."""

import unicodedata

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from newslint.rules._tables import RowTable, SortedLines, data_text
from newslint.rules.naming._varieties import VariantTable, variants
from newslint.rules.typos import _context, _run_together, _words, unknown_word
from newslint.rules.typos._words import WordList, WordSet, english
from tests.depth import examples


def _data(name):
    return _words._data(name)


@pytest.fixture(scope="module")
def ordered():
    return _data("words.txt").split("\n")


def _fresh() -> WordList:
    """A word list that answers from its sorted index (nothing built yet; no `WordTable`)."""
    return WordList(lambda: _data("words.txt"), _data("words-index.tsv"), table=False)


def test_the_index_is_the_word_list_sorted_with_each_rank(ordered):
    index = _data("words-index.tsv")
    assert index == "".join(
        f"{w}\t{rank}\n" for w, rank in sorted(zip(ordered, range(len(ordered)), strict=True))
    )
    assert _data("accented-words.txt").split("\n") == sorted(w for w in ordered if not w.isascii())


def test_every_word_and_rank_is_found_in_the_index(ordered):
    words = _fresh()
    words._words.PROMOTE = 10**9  # never build the set
    assert all(w in words for w in ordered)
    assert all(words.frequency_rank(w) == rank for rank, w in enumerate(ordered))
    assert words._words._set is None
    assert words.size == len(ordered)


def _near_misses(ordered):
    """Strings beside listed words in sort order: prefixes, extensions, one letter changed."""
    for w in ordered[::7]:
        yield from (w[:-1], w + "s", w + "'", w[:1], w[:2], w[:3], w[:3] + "\uffff", w.upper(), " " + w)
        yield w[:-1] + chr(ord(w[-1]) + 1)
    yield from ("", "\t", "\n", "a\tb", "zzzzzz", "\U0010ffff")


def test_strings_that_are_no_word_are_not_found(ordered):
    words, rank = _fresh(), {w: r for r, w in enumerate(ordered)}
    words._words.PROMOTE = 10**9
    for s in _near_misses(ordered):
        assert (s in words) == (s in rank), s
        assert words.frequency_rank(s) == rank.get(s, len(ordered)), s


_LOOKED_UP = _fresh()
_LOOKED_UP._words.PROMOTE = 10**9


@given(st.text(alphabet="abcé'- \t\n", max_size=8))
def test_any_string_is_found_as_the_frozenset_finds_it(s):
    assert (s in _LOOKED_UP._words) == (s in english()._words.frozen())


def test_the_set_is_built_after_many_questions_and_answers_the_same(ordered):
    words = _fresh()
    words._words.PROMOTE = 50
    asked = [w + x for w in ordered[:60] for x in ("", "q")]
    answers = [w in words.words for w in asked]
    assert isinstance(words.words, frozenset)
    assert answers == [w in frozenset(ordered) for w in asked]


def test_set_operations_give_what_the_frozenset_gave(ordered):
    words = _fresh()
    edits = _words.one_edit_away("regime")
    lazy = edits & words.words
    assert type(lazy) is set and lazy == edits & frozenset(ordered)
    assert list(lazy) == list(edits & frozenset(ordered))  # the same order, for whoever iterates
    assert words.words & {"regime", "reigme"} == {"regime"}


def test_the_commonest_words_by_opening_read_from_the_index(ordered):
    whole = _context._common_by_opening()
    openings = {w[:2] for w in ordered} | {"zq", "qz", "é"}
    for opening in sorted(openings):
        assert _context.common_from_index(opening) == whole.get(opening, []), opening
    assert _context._common_with_opening("re") == whole["re"]


def test_the_commonest_words_lines_read_back_as_their_lists(ordered):
    """`two_slip_words` reads the common words of an opening from one line and its index
    (`_common_line`): a typo's near words from them are those of the list, in its order."""
    from newslint.native import near_words, near_words_in_index

    whole = _context._common_by_opening()
    lines = _context._common_lines()
    assert lines.keys() == whole.keys()
    for opening, words in whole.items():
        line, index = lines[opening]
        assert line.split(" ") == words, opening
        assert _context._line_of(_context.common_from_index(opening)) == (line, index), opening
        for typo in {words[0], words[-1], words[len(words) // 2] + "x", words[0][:2] + words[-1][3:]}:
            if len(typo) >= 5:
                assert near_words_in_index(typo, line, index) == near_words(typo, words), typo
    assert _context._line_of([]) == _context._NO_LINE


@settings(max_examples=200, deadline=None)
@given(
    st.sampled_from(["re", "co", "st", "pr", "in", "de", "ma", "th", "wr", "zq"]),
    st.text("abcdeilnorstué", max_size=10),
)
def test_a_typo_near_the_common_words_of_its_opening_from_their_line(opening, rest):
    from newslint.native import near_words

    typo = opening + rest
    near = near_words(typo, _context._common_with_opening(opening)) if len(typo) >= 5 else []
    assert list(_context.two_slip_words(typo)) == list(frozenset(near))


def test_tables_of_accented_words_as_the_whole_list_makes_them(ordered):
    known = frozenset(ordered)
    unaccented = set()
    lost: dict[str, list[str]] = {}
    for w in known:
        if not w.isascii():
            plain = unicodedata.normalize("NFKD", w).encode("ascii", "ignore").decode("ascii")
            if plain.isalpha() and len(plain) == len(w):
                unaccented.add(plain)
            bare = "".join(c for c in w if c.isascii())
            if "'" not in w and len(bare) >= unknown_word.MIN_LENGTH and bare.isalpha() and bare not in known:
                lost.setdefault(bare, []).append(w)
    assert _context.unaccented_words() == unaccented
    assert unknown_word.accent_lost() == {bare: ws[0] for bare, ws in lost.items() if len(ws) == 1}


def test_a_word_too_long_to_be_a_slip_is_told_without_the_longest_word():
    assert unknown_word._longest_word() + 1 >= unknown_word.SHORT_ENOUGH
    assert unknown_word._too_long("x" * (unknown_word._longest_word() + 2))
    assert not unknown_word._too_long("x" * (unknown_word._longest_word() + 1))


def test_a_word_too_long_to_split_is_told_without_the_list():
    """`LONGEST_SPLIT` is the longest very common word and the longest common word together:
    no longer word has a split (its head or its tail would be longer), and the split of one that
    long is cut as any other."""
    ordered = _words.english().top(max(_run_together.FUNCTION_RANK, _run_together.COMMON_RANK))
    head = max(ordered[: _run_together.FUNCTION_RANK], key=len)
    tail = max(ordered[: _run_together.COMMON_RANK], key=len)
    assert len(head) + len(tail) == _run_together.LONGEST_SPLIT
    assert _run_together.splits("inthe") == ["in the"]
    assert _run_together.splits("x" * (_run_together.LONGEST_SPLIT + 1)) == []


def test_rare_words_found_in_their_sorted_text():
    text = _data("rare-words.txt")
    rare = WordSet(SortedLines(text, "\n"), lambda: frozenset(text.split("\n")))
    rare.PROMOTE = 10**9
    listed = text.split("\n")
    assert listed == sorted(listed)
    assert all(w in rare for w in listed[::3])
    known = frozenset(listed)
    assert not any(w + "q" in rare for w in listed[::5] if w + "q" not in known)
    assert rare._set is None


def test_rare_words_found_through_their_filter():
    """A `WordSet` with `filter_after` builds a filter of its words after that many searches and
    answers as the search did: every listed word found, words it lacks not (most ruled out by
    the filter, without a search)."""
    text = _data("rare-words.txt")
    lines = SortedLines(text, "\n")
    rare = WordSet(lines, lambda: frozenset(text.split("\n")), 10**9, filter_after=5)
    listed = text.split("\n")
    known = frozenset(listed)
    probes = [w for pair in zip(listed[::97], (w + "q" for w in listed[::97]), strict=True) for w in pair]
    assert [w in rare for w in probes] == [w in known for w in probes]
    assert rare._filter is not None and rare._set is None
    searched = lines.lookups
    assert not any(w + "zq" in rare for w in listed[:200:4] if w + "zq" not in known)
    assert lines.lookups - searched < 10  # the filter answered nearly all of them
    assert 42 not in rare and "" not in rare
    assert len(rare) == len(known) and rare._filter is None  # built: the filter let go


@pytest.fixture(scope="module")
def rare_listed():
    return _data("rare-words.txt").split("\n")


@pytest.fixture(scope="module")
def rare_set(rare_listed):
    return frozenset(rare_listed)


@pytest.fixture(scope="module")
def asked(rare_listed, ordered):
    """What `is_rare` is asked about: rare words, listed words, names in lowercase, near misses."""
    names = sorted(n.lower() for n in _words.known_names())
    return (
        st.sampled_from(rare_listed)
        | st.sampled_from(ordered)
        | st.sampled_from(names)
        | st.sampled_from(rare_listed).map(lambda w: w + "q")
        | st.text(max_size=12)
    )


@settings(deadline=None)  # the lists' strategies are built on first use
@given(st.data())
def test_a_remembered_rare_answer_is_the_lists(rare_set, asked, data):
    """`is_rare` (one lookup a word, shared by NL101's tests and NL202) answers as the list does,
    asked in any order, again and again."""
    word = data.draw(asked)
    for _ in range(2):  # the second answer remembered
        assert _words.is_rare(word) is (word in rare_set) is (word in _words.rare_words())


def test_variant_rows_found_in_the_sorted_table_as_in_the_dict():
    text = data_text("newslint.rules.naming", "varieties.tsv")
    keys = [line.split("\t", 1)[0] for line in text.splitlines()]
    assert keys == sorted(keys) and len(set(keys)) == len(keys)
    lazy = VariantTable(text, sorted_by_key=True)
    lazy.PROMOTE = 10**9
    built = VariantTable(text)
    for key in keys[::3] + [k + "x" for k in keys[::11]] + ["", "zzz"]:
        assert lazy.get(key) == built.get(key), key
        assert (key in lazy.keys()) == (key in built.keys())  # noqa: SIM118
    assert lazy._dict is None
    assert len(lazy) == len(built) and lazy._dict is not None  # the whole table: built
    assert variants().get("defence") == built.get("defence")


def test_the_compiled_variant_table_answers_as_the_dict_of_its_rows():
    """NL201's table promoted to a compiled `WordTable` (`RowTable.COMPILED`: `Rule.prepare`
    before `--jobs` forks) gives every row, every key, its length and its order as the dict
    of its rows does, and nothing for a word it lacks."""
    from newslint.native import WordTable
    from newslint.rules._tables import data_bytes

    data = data_bytes("newslint.rules.naming", "varieties.tsv")
    text = data[:].decode("utf-8")
    compiled = VariantTable(data, sorted_by_key=True)
    compiled.build()
    built = VariantTable(text)  # a text: always the dict
    assert type(built._dict) is dict
    if WordTable is not None:
        assert isinstance(compiled._dict, WordTable) and compiled.keys() is compiled._dict
    assert len(compiled) == len(built) and list(compiled) == list(built)
    keys = list(built)
    for key in keys + [k + "x" for k in keys[::7]] + ["", "zzz", "Colour", "é", "\ud800", "a\tb"]:
        assert compiled.get(key) == built.get(key), key
        assert (key in compiled) == (key in built) == (key in compiled.keys()), key  # noqa: SIM118


class _Upper(RowTable[str]):
    def entry(self, key: str, row: str) -> str:
        return row.upper()


class _CompiledUpper(_Upper):
    COMPILED = True


@settings(max_examples=examples(300), deadline=None)
@given(
    st.dictionaries(
        st.text(st.characters(blacklist_characters="\t\n\r"), min_size=1, max_size=6),
        st.text(st.characters(blacklist_characters="\n\r"), max_size=6),
        max_size=30,
    ),
    st.lists(st.text(max_size=6), max_size=10),
)
def test_a_compiled_row_table_answers_as_the_dict(rows, asked):
    """A `COMPILED` table of rows (one line a key) answers `get`, `in`, `len` and iteration as
    the dict of the same rows does, once promoted or built (the twin: the dict, which pure Python
    always builds), for keys asked of any text (a surrogate's among them)."""
    # (lines that end at a newline alone: no character `str.splitlines` breaks at, no surrogate)
    rows = {k: v for k, v in rows.items() if len(f"a{k}{v}a".splitlines()) == 1 and (k + v).isprintable()}
    data = "".join(f"{k}\t{v}\n" for k, v in sorted(rows.items(), key=lambda kv: kv[0].encode())).encode()
    compiled, plain = _CompiledUpper(data, sorted_by_key=True), _Upper(data, sorted_by_key=True)
    compiled.PROMOTE = plain.PROMOTE = 2
    for key in [*rows, *asked, *asked]:
        assert compiled.get(key) == plain.get(key) == (rows[key].upper() if key in rows else None)
        assert (key in compiled) == (key in plain) == (key in rows)
    assert len(compiled) == len(plain) == len(rows) and list(compiled) == list(plain)


def test_a_sorted_row_table_becomes_a_dict_after_many_lookups():
    table = _Upper("a\t1\nb\t2\nc\t3\n", sorted_by_key=True)
    table.PROMOTE = 3
    assert [table.get(k) for k in "abcd"] == ["1", "2", "3", None]
    assert table._dict is not None and table.get("b") == "2" and table.get("x") is None


def test_a_list_whose_set_is_built_answers_the_same(ordered):
    words = _fresh()
    words._words.PROMOTE = 5
    for w in ordered[:10]:
        assert w in words and words.frequency_rank(w) == ordered.index(w)
    assert words.built and isinstance(words.words, frozenset) and words.words == frozenset(ordered)
    assert all(words.frequency_rank(w) == rank for rank, w in enumerate(ordered) if rank % 997 == 0)
    assert words.by_opening("zy") == _fresh().by_opening("zy")
    assert words.ending("n't") == _fresh().ending("n't")
    assert words.size == len(ordered) and words.frequency_rank("qqqq") == len(ordered)
    rare = _words._rare()
    rare.frozen()
    assert rare._lines is None and rare._build is None and "aahed" in rare
    assert rare.frozen() == frozenset(_data("rare-words.txt").split("\n"))


@pytest.mark.parametrize("suffix", ["n't", "ly", "zz", "qx", "'s", "a"])
def test_the_words_with_an_ending_read_from_the_index(ordered, suffix):
    words = _fresh()
    assert words.ending(suffix) == sorted((w, r) for r, w in enumerate(ordered) if w.endswith(suffix))
    assert words._words.current() is words._words  # nothing built to answer it


def test_once_loads_at_the_first_call_and_holds_what_it_returned():
    """`once`: a getter's load runs at its first call (none at decoration: import loads nothing),
    every later call returns the very object, and a load that raises leaves nothing held."""
    from newslint.rules._tables import once

    loads = []

    def table() -> dict[str, int]:
        """The table."""
        loads.append(1)
        if len(loads) == 1:
            raise OSError("not yet")
        return {"a": len(loads)}

    get = once(table)
    assert loads == [] and get.__name__ == "table" and get.__doc__ == "The table."
    with pytest.raises(OSError):
        get()
    first = get()
    assert first == {"a": 2} and get() is first and get() is first and loads == [1, 1]


@pytest.mark.parametrize(
    "getter",
    [english, variants, _words.known_names, _words.misspellings, _context.unaccented_words],
    ids=lambda g: g.__name__,
)
def test_shipped_getters_return_one_object(getter):
    """The rules' zero-argument getters (`once`) hand every caller the same table."""
    assert getter() is getter()
