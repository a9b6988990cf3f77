"""The shipped English word list and misspelling list, loaded once per process on first use."""

from __future__ import annotations

import functools
import pkgutil
import sys
from collections.abc import Callable, Iterable, Iterator
from collections.abc import Set as AbstractSet
from typing import Any

from newslint import native as _chooser
from newslint.native import Lookup, WordTable, edits_among, line_filter, may_hold
from newslint.native import one_edit_away as one_edit_away
from newslint.rules._tables import Data, RowTable, SortedLines, data_bytes, data_text, once, word_table


class WordSet(AbstractSet[str]):
    """A shipped word list as a set, looked up in its sorted text (`SortedLines`) until
    `PROMOTE` questions were asked, then as the frozenset of the list. The answers are the
    same either way; a check of one short story never builds the 150,000-word set."""

    PROMOTE = 4000  # binary searches cost about 2 us each; the frozenset about 15 ms

    FILTER_BITS = 21  # a filter of 256 KB: 149,000 keys leave 2% of other words passing it

    def __init__(
        self,
        lines: SortedLines,
        build: Callable[[], frozenset[str]],
        promote: int = PROMOTE,
        filter_after: int | None = None,
        shipped_filter: Callable[[], bytes | None] | None = None,
    ) -> None:
        self.PROMOTE = promote
        self._lines: SortedLines | None = lines
        self._build: Callable[[], frozenset[str]] | None = build
        self._set: frozenset[str] | None = None
        # with `filter_after`: once that many were searched for, a filter of the list's words
        # (`line_filter`, built in a few ms, or `shipped_filter`'s, read) rules most words it
        # lacks out before a search
        self._filter_after = filter_after
        self._filter: bytes | None = None
        self._shipped_filter = shipped_filter

    def current(self) -> AbstractSet[str]:
        """The frozenset once built (the fastest `in` for loops over every word), else self."""
        return self if self._set is None else self._set

    def frozen(self) -> frozenset[str]:
        if self._set is None:
            assert self._build is not None
            self._set = self._build()
            self._lines = self._build = self._filter = None  # the text is no longer read here: let it go
        return self._set

    def __contains__(self, word: object) -> bool:
        if self._set is not None:
            return word in self._set
        if not isinstance(word, str):
            return False
        lines = self._lines
        assert lines is not None
        if self._filter is not None:
            if not may_hold(self._filter, word):
                return False  # surely not listed: no search
        elif self._filter_after is not None and lines.lookups >= self._filter_after:
            self._filter = self._line_filter(lines)
            return word in self
        if lines.lookups >= self.PROMOTE:
            return word in self.frozen()
        return lines.find(word) >= 0

    def _line_filter(self, lines: SortedLines) -> bytes:
        """The filter of the list's words: the shipped one if it has `FILTER_BITS` bits, else built."""
        shipped = self._shipped_filter() if self._shipped_filter is not None else None
        if shipped is not None and len(shipped) == 1 << (self.FILTER_BITS - 3):
            return shipped
        return line_filter(lines.data, ord(lines.sep), self.FILTER_BITS)

    def __iter__(self) -> Iterator[str]:
        return iter(self.frozen())

    def __len__(self) -> int:
        return len(self.frozen())

    @classmethod
    def _from_iterable(cls, it: Iterable[str]) -> set[str]:  # type: ignore[override]
        # `edits & words` (a set and this): a set, as a set & frozenset gave
        return set(it)

    def __and__(self, other: Iterable[Any]) -> set[str]:
        return {w for w in other if w in self}

    __rand__ = __and__


class WordList:
    """Lowercase English word forms; words.txt lists them most frequent first, words-index.tsv
    sorted with their rank (`word<TAB>rank`; its text, or its bytes: `data_bytes`). Ranks,
    openings and endings are always read from the index (a compiled binary search: a corpus run
    asks about 66,000 ranks, 0.1 s), where a dict of every rank held 8.5 MB of a corpus run's
    peak (measured). The set of the words: with the compiled module, a `WordTable` of the
    index's lines (its slots `slots`, shipped, or built in a few ms); in pure Python, the
    frozenset, built once a run has asked enough."""

    def __init__(
        self,
        ordered_text: Callable[[], str],
        index_text: str | Data,
        slots: Data | None = None,
        ordered_data: Callable[[], Data] | None = None,
        table: bool = True,
    ) -> None:
        # `table` False: the set is the `WordSet` of the sorted index, then the frozenset, as in
        # pure Python (tests of that path with the compiled module loaded)
        self._ordered_text = ordered_text
        self._ordered_data = ordered_data  # words.txt's bytes, for `top` (or None: its text)
        self._index = SortedLines(index_text, "\t")
        self._words = WordSet(self._index, self._built_words)
        # The words as a set: the `WordTable`, or the frozenset once a run has asked enough to
        # build it. A plain attribute, replaced when the set is built: a property read cost two
        # Python calls, and the letter tests read it for each new word (20,000 times in the
        # 532-story sample).
        self.words: AbstractSet[str] = self._words
        self.shipped = False  # the shipped list (`english()`): its Lookup's filters are shipped too
        # a word's rank: what follows it on its index line, found by the table's hash (about 300
        # ns, where the binary search of the sorted index took 2 us; a corpus run asks 66,000)
        self._rest: Callable[[str], str | None] = self._index.rest
        if WordTable is not None and table:
            self.words = word_table(self._index.data, slots)
            self._rest = self.words.rest  # type: ignore[attr-defined]

    def _built_words(self) -> frozenset[str]:
        built = frozenset(self.ordered)
        if self.words is self._words:  # (a `WordTable` stays)
            self.words = built
        return built

    @functools.cached_property
    def ordered(self) -> list[str]:
        """Every word, most frequent first."""
        return self._ordered_text().split("\n")

    @functools.cached_property
    def size(self) -> int:
        """How many words the list holds."""
        return self._index.count()

    @property
    def built(self) -> bool:
        """The set of the words is built (a `WordTable` always is; the frozenset once the run
        has asked many questions)."""
        return self.words is not self._words

    def prepare(self) -> None:
        """Build the set of the words now (the frozenset in pure Python; a `WordTable` is built)."""
        if self.words is self._words:
            self._words.frozen()

    def top(self, count: int) -> list[str]:
        """The `count` most frequent words (`ordered[:count]`), split from the text alone: the
        whole list, 144,000 str, is split only when asked for (`ordered`)."""
        if "ordered" in self.__dict__:
            return self.ordered[:count]
        if self._ordered_data is None:
            return self._ordered_text().split("\n", count)[:count]
        data = self._ordered_data()
        size = len(data)
        read = 16 * count  # bytes that hold the first `count` lines (common words are short)
        while True:
            chunk = data[: min(read, size)]
            whole = read >= size
            # whole lines only (a cut may fall inside a letter), unless the chunk is all the list
            text = (chunk if whole else chunk[: chunk.rfind(b"\n") + 1]).decode("utf-8")
            lines = text.split("\n", count)
            if whole or len(lines) > count:
                return lines[:count]
            read *= 2

    def __contains__(self, word: str) -> bool:
        return word in self.words

    def longest(self) -> int:
        """The length of the longest word: read from the table's bytes (a `WordTable`), where
        `ordered` splits all 144,000 words (8 MB held)."""
        words = self.words
        if WordTable is not None and isinstance(words, WordTable):
            longest: int = words.longest()  # type: ignore[attr-defined]
            return longest
        return max(map(len, self.ordered))

    def rank_lookup(self) -> tuple[Callable[[str], str | None], int]:
        """What `frequency_rank` reads: the lookup of the text after a word on its index line
        (its rank, or None), and the rank of a word the list lacks (its size). For a compiled
        caller that ranks many words (`word_scores`), where each call of a method cost 1 us."""
        return self._rest, self.size

    def frequency_rank(self, word: str) -> int:
        """0 for the most frequent word, the list's length for a word it lacks."""
        rank = self._rest(word)
        return self.size if rank is None else int(rank)

    def ending(self, suffix: str) -> list[tuple[str, int]]:
        """(word, rank) of the words that end with `suffix` (one without a tab or newline),
        sorted by word: found with `find` in the sorted index (about 2 ms) rather than by a
        walk over every word (the set built: 60 ms of a start-up, measured)."""
        return [(word, int(rank)) for word, rank in self._index.ending(suffix)]

    def by_opening(self, opening: str) -> list[tuple[str, int]]:
        """(word, rank) of the words that begin with `opening`, sorted by word."""
        return [(word, int(rank)) for word, rank in self._index.lines(opening)]


def _data(name: str) -> str:
    return data_text("newslint.rules.typos", name)


SLOTS_FILE = "words-index-slots.bin"
"""The slots of the listed words' `WordTable` (`word_table_slots` of words-index.tsv, uint64
little-endian), shipped beside the list (scripts/build_table_data.py writes them; a test rebuilds
them and compares): the set of the listed words as a frozenset cost a run 105 M instructions
before `--jobs` forks its workers and 10 MB (measured), where the table reads the 2 MB of slots
in place. Missing: built (a few ms)."""


def shipped_slots() -> Data | None:
    """The shipped slots of the listed words' table (`SLOTS_FILE`), or None (missing, or a
    machine that is not little-endian)."""
    if sys.byteorder != "little":
        return None
    try:
        return data_bytes("newslint.rules.typos", SLOTS_FILE)
    except OSError:
        return None


@once
def english() -> WordList:
    index = data_bytes("newslint.rules.typos", "words-index.tsv")
    # words.txt: read when needed; the table's slots: only with the compiled module
    listed = WordList(
        lambda: _data("words.txt"),
        index,
        shipped_slots() if WordTable is not None else None,
        lambda: data_bytes("newslint.rules.typos", "words.txt"),
    )
    listed.shipped = True
    return listed


BUILT: tuple[type, ...] = (frozenset,) if WordTable is None else (frozenset, WordTable)
"""The types `english().words` has once built (it stays): a frozenset, or a `WordTable`."""


def listed_edits(word: str) -> set[str]:
    """The listed words one edit from `word`: `one_edit_away(word) & english().words`, the
    compiled form reading the built list through its filter (`Lookup`)."""
    return edits_among(word, listed_lookup())


def listed_lookup() -> AbstractSet[str] | Lookup:
    """The listed words as `edits_among` reads them: with their filter once the set is built."""
    words = english().words
    return _lookup(words) if isinstance(words, BUILT) else words


def prepare() -> None:
    """Build now what a run of many stories builds in its first few (`Rule.prepare`): the set
    of the listed words (`WordSet.PROMOTE`) and its filters (`listed_lookup`)."""
    english().prepare()
    listed_lookup()


@functools.lru_cache(maxsize=2)
def _lookup(words: AbstractSet[str]) -> Lookup:
    listed = english()
    shipped = _chooser.native is not None and listed.shipped and words is listed.words
    return Lookup(words, shipped_filters() if shipped else None)  # (no filters in pure Python)


FILTER_FILES = ("words-edit-filter.bin", "words-affix-filter.bin")
"""The filters of the listed words' `Lookup` (`lookup_filters` of the set of words.txt's words),
shipped beside the list (scripts/build_table_data.py writes them; a test rebuilds them and
compares): building them cost a run 50-90 ms before `--jobs` forks its workers (measured), where
reading the files costs well under a millisecond. Missing or of the wrong size: built as before."""


def shipped_filters() -> tuple[bytes, bytes] | None:
    """The shipped filters of the listed words (`FILTER_FILES`), or None when one is missing or
    the machine is big-endian: the affix filter's masks are uint32s written little-endian, and
    read in the machine's order they would rule real keys out."""
    return shipped_pair(FILTER_FILES)


def shipped_pair(names: tuple[str, str]) -> tuple[bytes, bytes] | None:
    """Two shipped filter files of rules/typos/data (scripts/build_table_data.py), or None when
    one is missing or the machine is big-endian (their words and masks are written
    little-endian: read in the other order they would rule real keys out)."""
    if sys.byteorder != "little":
        return None
    try:
        first, second = (pkgutil.get_data("newslint.rules.typos", f"data/{name}") for name in names)
    except OSError:
        return None
    return None if first is None or second is None else (first, second)


@once
def _rare() -> WordSet:
    lines = SortedLines(data_bytes("newslint.rules.typos", "rare-words.txt"), "\n")  # sorted
    # Asked only about words the main list lacks, each once a run (NL101 remembers its answers):
    # 40,000 questions in 3,000 stories, 60 ms of lookups, where the set holds 13 MB (measured).
    # most questions are about words it lacks: a filter of its words answers them after the
    # first few (`RARE_FILTER_AFTER`), 300 instructions where a search cost 3,500
    build = lambda: frozenset(lines.text().split("\n"))  # noqa: E731 (the set, if ever wanted)
    return WordSet(lines, build, RARE_PROMOTE, RARE_FILTER_AFTER, shipped_rare_filter)


RARE_PROMOTE = 2_000_000  # questions about rare words before their set is built
RARE_FILTER_AFTER = 64  # searches for rare words before their filter is read (or built: 256 KB)

RARE_FILTER_FILE = "rare-words-filter.bin"
"""The filter of the rare words (`line_filter` of rare-words.txt, `WordSet.FILTER_BITS`),
shipped beside them (scripts/build_table_data.py writes it; a test rebuilds it and compares):
building it cost every process of a run 24 M instructions, each `--jobs` worker after the fork
(measured). Missing, or of another size: built."""


def shipped_rare_filter() -> bytes | None:
    """The shipped filter of the rare words (`RARE_FILTER_FILE`), or None when it is missing or
    the compiled module is not loaded (pure Python builds its own, as for the other filters)."""
    if _chooser.native is None:
        return None
    try:
        return pkgutil.get_data("newslint.rules.typos", f"data/{RARE_FILTER_FILE}")
    except OSError:
        return None


def rare_words() -> AbstractSet[str]:
    """Rare but real words (SCOWL size 80): never reported, never suggested. Loaded only when a
    word is missing from the main list; a set once many words were asked about."""
    return _rare().current()


RARE_REMEMBERED = 4096  # words whose answer `is_rare` keeps


@functools.lru_cache(maxsize=RARE_REMEMBERED)
def is_rare(word: str) -> bool:
    """`word in rare_words()`, remembered: a new capitalised word's lowercase is asked about
    three times by NL101 (`capital_candidate`, its known-word and rare-slip tests) and again
    by NL202, each time a binary search in the sorted text (the set is seldom built): in the
    532-story sample, 5,138 searches for 1,715 words became 1,739."""
    rare = _rare()  # (`rare_words()`'s answer: the set itself answers once built)
    held = rare._filter  # most words asked are no rare word: the filter says so without a call
    return (held is None or may_hold(held, word)) and word in rare


@once
def accented_words() -> list[str]:
    """The words of the main list with a letter outside ASCII (café, naïve), sorted."""
    return _data("accented-words.txt").split("\n")


@once
def known_names() -> frozenset[str]:
    """Proper nouns the SCOWL lists know: California, Friday, Jones, Chelsea."""
    text = data_text("newslint.rules.typos", "names.txt")
    return frozenset(text.split("\n"))


class Corrections(RowTable[tuple[str, ...]]):
    """misspelling -> its corrections (one: unambiguous)."""

    def entry(self, key: str, row: str) -> tuple[str, ...]:
        return tuple(c.strip() for c in row.split(",") if c.strip())


@once
def misspellings() -> Corrections:
    # (its bytes: the compiled `table_rows` reads them, where the text went through the Python
    # twin, 4,000 rows in about 1 ms more of the warm-up before `--jobs` forks)
    return Corrections(data_bytes("newslint.rules.typos", "misspellings.tsv"))


@once
def listed_misspellings() -> Corrections:
    """Wikipedia's common misspellings that the word lists hold too (payed, heros, thru): a
    word in its own right, but maybe a rare one."""
    return Corrections(data_text("newslint.rules.typos", "listed-misspellings.tsv"))


def one_edit_apart(a: str, b: str) -> bool:
    """True when `b` is one deletion, transposition, substitution or insertion away from `a`:
    the pairwise test behind `one_edit_away`, for comparing a few words without generating
    every variant."""
    if a == b:
        return False
    la, lb = len(a), len(b)
    if la == lb:
        i = 0
        while a[i] == b[i]:
            i += 1
        if a[i + 1 :] == b[i + 1 :]:
            return True  # substitution
        return i + 1 < la and a[i] == b[i + 1] and a[i + 1] == b[i] and a[i + 2 :] == b[i + 2 :]
    if la > lb:
        a, b, la, lb = b, a, lb, la
    if lb - la != 1:
        return False
    i = 0
    while i < la and a[i] == b[i]:
        i += 1
    return a[i:] == b[i + 1 :]  # b has one extra letter at i


def match_case(model: str, word: str) -> str:
    """`word` written in the case pattern of `model` (Regime, REGIME, regime)."""
    if model.isupper() and len(model) > 1:
        return word.upper()
    if model[:1].isupper():
        return word[:1].upper() + word[1:]
    return word
