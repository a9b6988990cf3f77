"""The words and numbers of a story's prose, built on demand.

A `Document` (see `document.py`) knows its sentences, quotations and non-prose regions; the
tokens follow from them. Building a `Token` for each of a story's words is the largest single
cost of checking it, and most rules never need one, so the document builds its tokens only when
a rule first asks (`doc.tokens`, `doc.words()`), and offers cheaper text-level views for rules
that can work candidate-first:

- `word_counts`: how often each word is written;
  a rule takes the few words it cares about from it by set operations (`set(counts) - lexicon`);
- `words_among`: the word tokens whose text is one of those few, without building the others.

Both read one scan of the story (`TokenIndex`: each token's text and span and where each
sentence opens, built in C where `newslint._native` is), so the story is tokenised once however
many rules ask.

Example: `doc.word_counts["regime"] == 10`; `doc.words_among({"reigme"})` is the one token
to report, with its span and its sentence-start / headline / quotation flags.
"""

from __future__ import annotations

import _thread  # `threading.Lock` itself, without importing threading (2.2 M instructions a run)
import re
import weakref
from array import array
from bisect import bisect_right
from collections import Counter
from collections.abc import Callable, Collection, Container, Iterable, Iterator, Mapping, Sequence
from collections.abc import Set as AbstractSet
from enum import Enum, IntFlag
from itertools import islice
from typing import TYPE_CHECKING, Any, NamedTuple, TypeVar, overload

from newslint.native import native
from newslint.span import Span, offsets

if TYPE_CHECKING:  # document.py imports this module
    from newslint.document import SpanSet


class TokenKind(Enum):
    WORD = "word"  # letters, with inner apostrophes or hyphens: regime's, al-Qaeda
    NUMBER = "number"  # digits, with inner separators: 450.000, 1,234, 5:50
    MIXED = "mixed"  # letters and digits together: F-16s, 5pm, A-10s, COVID-19


# The kinds as plain names: under Python 3.11 `TokenKind.WORD` goes through the enum
# metaclass's `__getattr__` hook, a Python-level call (70 ns, against 8 for a global), and the
# word-kind tests below run for every new word (about 12 lookups a story, measured)
WORD_KIND, NUMBER_KIND, MIXED_KIND = TokenKind.WORD, TokenKind.NUMBER, TokenKind.MIXED


class Token(NamedTuple):
    """One word or number of the prose. A named tuple, not a dataclass: a story has thousands
    of tokens and building them is the largest cost of parsing."""

    span: Span
    text: str
    kind: TokenKind
    sentence_start: bool  # the first word of a sentence, headline or paragraph
    in_headline: bool
    in_quotation: bool

    @property
    def is_capitalised(self) -> bool:
        return self.text[:1].isupper()

    @property
    def is_all_caps(self) -> bool:
        # str.isupper() first: it is C-fast and False for almost every token
        return self.text.isupper() and sum(1 for c in self.text if c.isalpha()) > 1


# An abbreviation with stops (U.S.), a number with separators (450.000, 5:50), or a word with
# inner apostrophes or hyphens (regime's, al-Qaeda):
TOKEN_DEFINITION = r"(?:[^\W\d_]\.){2,}|\d+(?:[.,:]\d+)+|\w+(?:['’\-]\w+)*"
# the same, written to open with one word character (so the regex engine skips from word
# character to word character), the kind of that character checked by a look-behind after it,
# and the word's tail matched possessively (nothing follows it, so it never backtracks):
# a third faster over corpus text. tests/test_fast_patterns.py checks that they agree.
TOKEN = re.compile(r"\w(?:(?<=[^\W\d_])\.(?:[^\W\d_]\.)+|(?<=\d)\d*(?:[.,:]\d+)+|\w*+(?:['’\-]\w++)*+)")
_HAS_LETTER = re.compile(r"[^\W\d_]").search
_HAS_DIGIT = re.compile(r"\d").search


def _classify(word: str) -> TokenKind:
    if word.isalpha():
        return WORD_KIND
    if word.isdigit() or word[0].isdigit() and not _HAS_LETTER(word):
        return NUMBER_KIND
    if _HAS_DIGIT(word) or "_" in word:
        return MIXED_KIND
    return WORD_KIND


K = TypeVar("K")
V = TypeVar("V")


class BoundedMemo(dict[K, V]):
    """key -> build(key), remembered across documents: a corpus repeats its words, and a hit is
    a dict lookup with no Python call. Cleared when it holds `limit` keys, so a huge file of
    distinct strings cannot make it grow without end."""

    def __init__(self, build: Callable[[K], V], limit: int) -> None:
        super().__init__()
        self.build = build
        self.limit = limit

    def __missing__(self, key: K) -> V:
        if len(self) >= self.limit:
            self.clear()
        value = self[key] = self.build(key)
        return value


# A story's word counts (`Prose.word_counts`): a Counter, or where `newslint._native` is built the
# read-only mapping `index_tokens` makes with the token index (`_native.WordCounts`: the same words
# in the same order, a missing word's count 0, keys(), values() and items() lists), without the
# dict whose insertions cost some 200 instructions a distinct word.
WordCounts = Mapping[str, int]
_COMPILED_COUNTS: type | None = None if native is None else native.WordCounts
if native is not None:
    Mapping.register(native.WordCounts)

# word -> TokenKind (a corpus's common words stay; 200,000 would be a 2 MB table and its words)
_KINDS: BoundedMemo[str, TokenKind] = BoundedMemo(_classify, 50_000)
kind_of = _KINDS.__getitem__


FEW_WANTED = 16
BUILT_AT_ONCE = 4096  # tokens built in one call (`built_tokens`) as `iter_words_among` is read
MEMORY_LIMIT = 64_000  # the letter tests' memory's words (`LetterTest`)
# The six places a sentence can have (in the headline; quotation 0, 1 or 2), one tuple each:
# `Prose` keeps one per sentence, and a big file's hundred thousand sentences share these.
_PLACES = tuple(tuple((in_head, quote) for quote in range(3)) for in_head in (False, True))
FIRST_STRETCH = 64  # characters read back first for the word before a token
# A text up to this long is tokenised once into a `TokenIndex`, from which the word counts and
# every rule's candidate tokens are taken; a longer one is scanned sentence by sentence as each
# rule asks, so that no index of all its tokens is ever held. The index costs 8 bytes a token and
# its distinct words (about 18 MB for 10 MB of prose); a big file of many stories read through it
# costs about two thirds of the time it costs scanned (10 MB of dev stories: 29 -> 19 s), so every
# file up to the default `max-file-size` (10 MiB) is indexed.
INDEX_LIMIT = 10 * 1024 * 1024


class TokenIndex(NamedTuple):
    """Every token of a story's prose, from one scan: the distinct texts in the order of first
    use, and for each token (in text order) the index of its text and its start (its end is its
    start and its text's length: not kept, a big file's index is 6.5 MB an array). `openings`:
    for each sentence the index of its first token (the next sentence's, when it has none),
    then the number of tokens, so that sentence i holds tokens openings[i] up to openings[i + 1]
    (a token's sentence is found by bisection: an array a sentence, not another a token).
    `firsts` are the tokens that open a sentence. The arrays are int32 (`array` in the twin, the
    compiled scan's `Int32s`: its bytearrays as they grew, read as sequences and buffers)."""

    words: list[str]
    ids: Sequence[int]
    starts: Sequence[int]
    openings: Sequence[int]
    firsts: Sequence[int]


def index_tokens(
    text: str,
    sentences: Sequence[Span],
    blocked: SpanSet,
    counts: dict[str, int] | None,
    odd: list[str] | None = None,
    counted: list[Any] | None = None,
) -> TokenIndex:
    """The `TokenIndex` of the sentences' tokens, those that touch `blocked` left out; `counts`
    gets each distinct WORD token's number of uses (`Prose.word_counts`: numbers and the other
    kinds left out), in the order of first use, `odd` (if given) the distinct tokens that are
    not letters only (`str.isalpha`), in the same order, and `counted` (if given) one item: the
    list of the words `counts` gets, in that order. With `counts` None, `counted` gets two: that
    list and the counts as a read-only mapping made with it (`word_counts`: in C, no dict)."""
    if native is not None:
        # tuple.__new__: a NamedTuple's own __new__ is a Python call (one a story, as is a generator);
        # the arrays come as `Int32s` (sequences of ints, buffers of format "i"), made in C
        found = native.index_tokens(text, sentences, blocked.spans, counts, odd, counted)
        return tuple.__new__(TokenIndex, found)
    own: dict[str, int] = Counter() if counts is None else counts
    ids, starts, openings, firsts = (array("i") for _ in range(4))
    number: dict[str, int] = {}
    others: set[int] = set()  # the ids of the tokens that are not WORDs: not counted
    words: list[str] = []  # those that are, in order (`counted`'s)
    for sentence in sentences:
        openings.append(len(ids))
        any_blocked = blocked.touches(sentence)
        first = True
        for m in TOKEN.finditer(text, sentence.start, sentence.end):
            start, end = m.span()
            if any_blocked and blocked.touches_range(start, end):
                continue
            word = m.group()
            k = number.get(word)
            if k is None:
                k = number[word] = len(number)
                if word.isalpha() or kind_of(word) is WORD_KIND:
                    own[word] = 1
                    words.append(word)
                else:
                    others.add(k)
                if odd is not None and not word.isalpha():
                    odd.append(word)
            elif k not in others:
                own[word] += 1
            if first:
                firsts.append(len(ids))
                first = False
            ids.append(k)
            starts.append(start)
    openings.append(len(ids))
    if counted is not None:
        counted.append(words)
        if counts is None:
            counted.append(own)
    return TokenIndex(list(number), ids, starts, openings, firsts)


def tokens_among(index: TokenIndex, wanted: Collection[str]) -> Sequence[int]:
    """The indices of the tokens whose text is in `wanted`, in order, as int32s (not a list: a
    big file's common words pick most of its tokens, 4 bytes each so, some 36 in a list); each
    distinct text is looked up once."""
    if native is not None:
        return native.among(index.words, index.ids, wanted)  # type: ignore[no-any-return]
    return _tokens_among(index, wanted)


def _tokens_among(index: TokenIndex, wanted: Collection[str]) -> array[int]:
    """`tokens_among`'s twin (apart: its generator's cells were made at each compiled call too)."""
    member = [w in wanted for w in index.words]
    return array("i", (i for i, k in enumerate(index.ids) if member[k]))


class Places(NamedTuple):
    """Where a document's sentences lie, for the tokens read from its index: `known` holds each
    sentence's (in the headline; quotation 0, 1 or 2, see `sentence_place`) once found, None
    before."""

    known: list[tuple[bool, int] | None]
    sentences: Sequence[Span]
    headline: Span | None
    quoted: SpanSet


def sentence_place(places: Places, i: int) -> tuple[bool, int]:
    """Whether the headline holds sentence `i`, and whether a quotation holds all of it (2),
    touches it (1) or neither (0): one of the six shared `_PLACES`."""
    sentence, headline, quoted = places.sentences[i], places.headline, places.quoted
    quote = 2 if quoted.covers(sentence) else 1 if quoted.touches(sentence) else 0
    return _PLACES[headline is not None and headline.contains(sentence)][quote]


def built_tokens(
    index: TokenIndex, chosen: Sequence[int] | None, lo: int, hi: int, places: Places, words_only: bool
) -> list[Token]:
    """The Tokens of the index's tokens chosen[lo:hi] (ascending indices; with `chosen` None,
    tokens lo up to hi), only the WORD ones with `words_only`: each one's sentence found from
    where the sentences open (the next, or by bisection), its place read once a sentence. Built in C
    where `newslint._native` is: the loop costs more than the rules' reading of its tokens."""
    words, ids, starts, openings, _ = index
    if native is not None:
        where = (places.sentences, places.headline, places.quoted.spans, _PLACES)
        args = (chosen, lo, hi, places.known, where, _KINDS, (Span, Token, WORD_KIND), words_only)
        return native.built_tokens(words, ids, starts, openings, *args)  # type: ignore[no-any-return]
    known, word_kind = places.known, WORD_KIND
    new, span_type, token_type = tuple.__new__, Span, Token
    out: list[Token] = []
    s, opening, following = -1, 0, 0  # the last token's sentence, its first token, the next's
    for i in range(lo, hi) if chosen is None else chosen[lo:hi]:
        if i >= following:  # a later sentence (`chosen` ascends): the next, or by bisection
            s += 1
            if i >= openings[s + 1]:
                s = bisect_right(openings, i, s + 1) - 1
            opening, following = openings[s], openings[s + 1]
            place = known[s]
            if place is None:
                place = known[s] = sentence_place(places, s)
            in_head, quote = place
        word = words[ids[i]]
        kind = kind_of(word)
        if words_only and kind is not word_kind:
            continue
        start = starts[i]
        end = start + len(word)
        in_quote = quote == 2 or quote == 1 and places.quoted.touches_range(start, end)
        span = new(span_type, (start, end))
        out.append(new(token_type, (span, word, kind, i == opening, in_head, in_quote)))
    return out


class Shape(IntFlag):
    """A word's shape: one of six classes, read from its characters in one walk (`word_shape`).
    A test that can pass words of some shapes only says so (`LetterTest(test, shapes=...)`) and
    is not run on words of the others: most of a story's words are lowercase, and many tests
    look only at capitalised words, or only at hyphenated ones."""

    LOWER = 1  # ASCII lowercase letters only: regime
    CAPITAL = 2  # an ASCII capital, then lowercase letters: Regime
    UPPER = 4  # ASCII capitals only: UN, A
    MIXED = 8  # other ASCII letters only: McReigme, iPhone
    LETTERS = 16  # letters only, not all ASCII: Zürich
    OTHER = 32  # not letters only (str.isalpha() is False): regime's, al-Qaeda, F-16, 5pm, ""
    ANY = 63
    ASCII_LETTERS = LOWER | CAPITAL | UPPER | MIXED


ANY_SHAPE = int(Shape.ANY)
_SHAPES = (Shape.LOWER, Shape.CAPITAL, Shape.UPPER, Shape.MIXED, Shape.LETTERS, Shape.OTHER)  # one bit each
_ASCII_LETTERS = int(Shape.ASCII_LETTERS)
_LOWER, _CAPITAL, _UPPER, _MIXED, _LETTERS, _OTHER = (
    int(Shape.LOWER),
    int(Shape.CAPITAL),
    int(Shape.UPPER),
    int(Shape.MIXED),
    int(Shape.LETTERS),
    int(Shape.OTHER),
)


def word_shape(word: str) -> int:
    """The `Shape` class of `word`, as an int (one bit)."""
    if not word.isalpha():
        return _OTHER
    if not word.isascii():
        return _LETTERS
    if word.islower():
        return _LOWER
    if word.isupper():
        return _UPPER
    return _CAPITAL if word[0].isupper() and word[1:].islower() else _MIXED


class _WordBits:
    """The one memory of every `LetterTest`: word -> an int whose bits say which tests have run on
    the word (bit 2k for the test in slot k) and which it passed (bit 2k + 1). One dict lookup
    per word and test replaces two set operations per story and test that walked the whole
    remembered set (`keys - seen` costs as much as `seen` is big: 10% of a corpus run, measured).

    A test gives its slot back when it is collected (a rule built per configuration makes one per
    linter); a slot taken again is first wiped from every word, so that no test reads the bits of
    the test that held it before (into a new dict: a check that still holds the old one only
    writes into that).

    A story's tests keep their results in the story's pending bits (`StoryBits.pending`), which
    `flush` writes in one store a word: a story's new word is met by most tests (over the sample
    of benchmarks/instructions.py, 123,346 writes of 11,002 words of their stories). The stories
    read (`StoryBits.read`) and not yet flushed are `unflushed`, and `pending` holds the bits of
    the tests that wrote pending bits into them; `kept` (a native long long, read through
    `kept_view`) holds those of the compiled `select_kept`, which writes nothing else: an
    attribute, a dict and an int written in C for each test a story asks cost more than
    the test's walk of a story's words (0.5% of a corpus run's instructions). They are flushed
    before a story's bits are read, before a test with pending bits walks the memory itself
    (`LetterTest.select`) and before a slot is taken again.

    The compiled `read_bits` keeps the bits of the words it read, by word, so that a story's words
    met before are read without a dict lookup each; the compiled writers (`flush_bits`,
    `test_words`) keep them the memory's, a new dict is read afresh, and a write made here in
    Python (`_flush_bits`, for bits past a machine word) lets them go (`native.forget_bits`)."""

    def __init__(self) -> None:
        self.words: dict[str, int] = {}
        self._free: list[int] = []
        self._slots = 0
        self._lock = _thread.allocate_lock()
        self.unflushed: dict[int, StoryBits] = {}
        self.pending = 0
        self.kept = bytearray(8)  # (its view exported: never resized, so C may write it in place)
        self.kept_view = memoryview(self.kept).cast("q")

    def flush(self) -> None:
        """Write the unflushed stories' pending bits into the memory, trimmed first
        (`_first_remembered`) when they would take it past `MEMORY_LIMIT` words."""
        self.pending = 0
        self.kept_view[0] = 0
        # the loop below in one compiled call, where it goes as it goes most times (every story's
        # bits packed, and their new words fit the memory): 1 us a story in Python (measured)
        if native is not None and native.flush_stories(self.unflushed, self.words, MEMORY_LIMIT):
            return
        stories = list(self.unflushed.values())
        self.unflushed.clear()
        for story in stories:
            compiled = native is not None and type(story.pending) is bytearray
            run = native.flush_bits if compiled else _flush_bits  # type: ignore[union-attr]
            room = MEMORY_LIMIT - len(self.words)
            needed = run(story.words, story.pending, self.words, room)
            if needed > room:  # nothing written: room made first
                self.words = _first_remembered(self.words, MEMORY_LIMIT, needed)
                run(story.words, story.pending, self.words, needed)
            if native is not None and not compiled and needed:  # written here: the compiled read's is stale
                native.forget_bits()

    def take(self) -> int:
        with self._lock:  # between takers only: each slot goes to one test
            self.flush()  # no pending bit of the slot's last test is written after the wipe
            try:
                slot = self._free.pop()
            except IndexError:
                self._slots += 1
                return self._slots - 1
            keep = ~(3 << 2 * slot)
            held = dict(self.words)  # copied in one step: other threads may be adding words
            self.words = {word: bits & keep for word, bits in held.items()}
            return slot

    def give_back(self, slot: int) -> None:
        # No lock: the garbage collector calls this (a rule and its test form a cycle), and may
        # do so inside `take` while it builds the new dict. list.append is atomic.
        self._free.append(slot)


_WORD_BITS = _WordBits()
KEPT_PENDING = _WORD_BITS.kept  # (for `Document.selected`'s call of `SELECT_KEPT`)


# A letter test's `decided` and `shortest` as the compiled walk reads them (`_decided_values`).
Decided = tuple[int | tuple[int, int], ...] | None
# A letter test's `fails`: a table of lowercase words, or a tuple of them (`_fails_holds`).
Fails = Container[str] | tuple[Container[str], ...]
# A letter test's declared tables, as `LetterTest._tables` answers them: `table`, `fails`, `only`.
# a test as `select_gates` runs it (`LetterTest.gate_spec`)
GateTest = tuple[
    "LetterTest",
    Callable[[str], object],
    Container[str] | None,
    Fails | None,
    tuple[Container[str], ...] | None,
    int,
    Decided,
    int,
    int,
    int,
]
GateProgram = tuple[tuple[int, str, tuple[GateTest, ...]], ...]
# a test as `select_kept` runs it: `GateTest` without its key
KeptSpec = tuple[
    Callable[[str], object],
    Container[str] | None,
    Fails | None,
    tuple[Container[str], ...] | None,
    int,
    Decided,
    int,
    int,
    int,
]
_Tables = tuple[Container[str] | None, Fails | None, tuple[Container[str], ...] | None]


class LetterTest:
    """A test that reads only a word's letters, run once per distinct word and remembered across
    stories, so that a rule picks its candidates from `doc.word_counts` with one dict lookup per
    distinct word instead of running the test on every word (a corpus repeats most of its words).

        misspelt = LetterTest(lambda word: word.lower() in table)
        candidates = misspelt.select(doc.word_counts)

    Five declarations spare the test's calls on most words, the new words of a story being tested
    in one compiled loop (`native.test_words`): `shapes`, the word shapes (`word_shape`) outside
    which the test is False (a test of lowercase words only: `shapes=Shape.LOWER`); `table`, a
    function returning a table that holds every word the test passes (called once, on first use;
    the table must stay the same for the test's life), looked up before the test is asked:

        confusable = LetterTest(lambda word: word in confusions(), table=confusions)

    and `fails`, a function returning a table of lowercase words (or a tuple of such tables), or
    None while it has none (asked again then; a table is kept as `table` is): a word of ASCII
    letters alone (`Shape.ASCII_LETTERS`) whose lowercase form it holds (one of them holds)
    fails the test, which is not asked (a test of unlisted words: the word list, which holds
    most words; and the misspellings list, one lowercase copy of the word read by both):

        unlisted = LetterTest(is_unlisted, fails=lambda: (words(), misspellings()))

    and `only`, a function
    returning a tuple of tables of lowercase words, or None while it has none (asked again then,
    kept as `fails` is): a word of ASCII letters alone whose lowercase form none of them holds
    fails the test, which is not asked (a test of listed words, most words being in no list),
    and so does a word of ASCII letters, hyphens and apostrophes (al-Qaeda, Sweden's) when none
    holds its lowercase form nor that of one of its parts between hyphens (the test must then
    fail it too: a test of a word's parts reads them between hyphens):

        listed = LetterTest(lambda word: word.lower() in table(), only=lambda: (table(),))

    and `decided`, a mapping of word shapes to lengths: a word of one of those shapes passes when
    it has at most that many characters and fails when it has more, the test not asked (a test
    that a word's shape settles for most words: a name opens with a capital):

        name = LetterTest(is_name, decided={Shape.CAPITAL: 64, Shape.UPPER: 1})

    and `shortest`, a mapping of word shapes to lengths: a word of one of those shapes shorter than
    that fails, the test not asked (a test whose first check is a floor on the word's length):

        long_word = LetterTest(is_long_unknown, shortest={Shape.LOWER: 3})

    A shape in both is a range, its words passing from the one length to the other, unasked:

        closed = LetterTest(is_closed_form, decided={Shape.LOWER: 40}, shortest={Shape.LOWER: 6})

    and `within`, the test as it answers the words of its declared shapes, of which alone the
    walks ask it: a cheaper callable where the test reads the word's shape first (`test` stays
    the answer for every word, `passes`'s and the declarations'):

        capital = LetterTest(is_unlisted_capital, shapes=Shape.CAPITAL, within=is_unlisted)

    `decided` is read after the tables: a word that `fails` or `only` rules out fails first (a
    test of unlisted capitalised words: `fails` the lists, `decided={Shape.CAPITAL: ...}`). So
    while `fails` or `only` has no table yet its lengths are not read (its floors are): the
    test is asked, as it would be without them.

    The test must depend on nothing but the word (and settings fixed for the test's life). All
    tests share one memory (`_WordBits`), which forgets the words it met last when a test would
    take it past `limit` distinct words (`_first_remembered`), so memory stays bounded (64,000:
    the 10,657 dev stories' 58,378 words fit, where 50,000 forgot some and tested 4.8% more
    words, at the same peak, 81.9 MB); the words of a text that brings more than `own` new ones
    (a big file of many stories) are tested and not remembered: most of them are its own, and
    remembering them would only hold memory.

    Threads (a Checker shared by a server's threads): each word's bits are written whole, from
    bits read in the same call, so a word is never seen as tested without its result; two
    threads writing one word at once may lose one test's bits, which only means testing again."""

    def __init__(
        self,
        test: Callable[[str], object],
        limit: int = MEMORY_LIMIT,
        own: int = 10_000,
        *,
        shapes: Shape = Shape.ANY,
        table: Callable[[], Container[str]] | None = None,
        fails: Callable[[], Fails | None] | None = None,
        only: Callable[[], tuple[Container[str], ...] | None] | None = None,
        decided: Mapping[Shape, int] | None = None,
        shortest: Mapping[Shape, int] | None = None,
        within: Callable[[str], object] | None = None,
    ) -> None:
        self._test = test
        # what the walks call, each on a word of the declared shapes: `within`, else the test
        self._asked = test if within is None else within
        self._limit = limit
        self._own = own
        self._shapes = int(shapes)
        # for each shape (in `_SHAPES` order): the longest word that passes, or, negative, -1 less
        # the floor of the words asked (-1: every word asked)
        self._decided = _decided_values(decided, shortest)
        # its lengths read once `fails` and `only` have their tables (`_tables`), its floors
        # from the start: before, a word those tables would rule out must not pass unasked
        self._decided_settled = self._decided
        if (fails is not None or only is not None) and decided:
            self._decided = _decided_values(None, shortest)
        self._table_of = table
        self._table: Container[str] | None = None
        self._fails_of = fails
        self._fails: Fails | None = None
        self._only_of = only
        self._only: tuple[Container[str], ...] | None = None
        # what `_tables` answers, once none is asked for again (asked for each story)
        self._settled: _Tables | None = None
        # what `select_kept` runs it with, once settled, if its results are kept pending in a
        # machine word (None before and otherwise): (test, tables, shapes, decided, tested,
        # passed, own)
        self.kept_spec: KeptSpec | None = None
        slot = _WORD_BITS.take()
        self._tested = 1 << 2 * slot
        self._passed = self._tested << 1
        # its results kept in a story's pending bits (`_WordBits.flush`), which the compiled
        # walk keeps as machine words: a test with a limit of its own writes the memory itself
        self._pends = limit == MEMORY_LIMIT
        self._fits = self._passed < 1 << 63
        weakref.finalize(self, _WORD_BITS.give_back, slot)

    def passes(self, word: str) -> bool:
        """The test itself, run now and not remembered: for a caller that remembers the
        results in a table of its own (`newslint.learn.WordTally`). (A test may answer any
        value: its truth is the answer.)"""
        return bool(self._test(word))

    def select(self, words: Mapping[str, object] | AbstractSet[str]) -> AbstractSet[str]:
        """The words (keys, for a mapping) that pass the test."""
        # a dict (a story's Counter), its `WordCounts` or a set, as every caller passes, told
        # apart without `Mapping`'s ABC check (about 900 instructions a call, measured; four
        # calls a story)
        if isinstance(words, dict):
            keys: Iterable[str] = words.keys()
        elif isinstance(words, (set, frozenset)):
            keys = words
        elif type(words) is _COMPILED_COUNTS:
            keys = words  # (its iteration reads its list of words: keys() would copy that list)
        else:
            keys = words.keys() if isinstance(words, Mapping) else words
        bits_of = _WORD_BITS
        if (bits_of.pending | bits_of.kept_view[0]) & self._tested:  # its results on a story's words first
            bits_of.flush()
        found: set[str]
        new: list[str]
        found, new = (_select_bits if native is None else native.select_bits)(
            keys, bits_of.words, self._tested, self._passed
        )
        return self.finish(found, new) if new else found  # (most calls meet no new word: no frame)

    def select_shaped(self, words: AbstractSet[str], shapes: Shape) -> tuple[set[str], AbstractSet[str]]:
        """The words of `words` whose shape (`word_shape`) is one of `shapes`, and `select(words)`,
        read in one walk: for a caller that wants both of the same few words (NL101's capitalised
        candidates and its capital candidates among them), where a second test of the shape
        alone cost a call of `select` and a memory write for each new word."""
        bits_of = _WORD_BITS
        if (bits_of.pending | bits_of.kept_view[0]) & self._tested:  # as `select` reads them
            bits_of.flush()
        found, new, shaped = (_select_bits if native is None else native.select_bits)(
            words, bits_of.words, self._tested, self._passed, shapes
        )
        return shaped, self.finish(found, new) if new else found

    def select_read(self, story: StoryBits) -> AbstractSet[str]:
        """`select` over a story's words whose bits were read beforehand (`StoryBits.read`):
        the same answer, without a lookup in the memory for each word."""
        packed = type(story.pending) is bytearray  # machine words: for a test whose bits fit
        if self._pends and (self._fits or not packed):  # its results kept in the story's bits
            compiled = native is not None and packed
            run = native.select_pending if compiled else _select_pending  # type: ignore[union-attr]
            table, fails, only = self._settled or self._tables()  # (a call saved a dozen times a story)
            found = run(
                self._asked, table, fails, only, self._shapes, self._decided, story.words, story.bits,
                story.pending, self._tested, self._passed, self._own, story.shapes,
            )  # fmt: skip
            memory = _WORD_BITS
            memory.unflushed[id(story)] = story
            memory.pending |= self._tested
            return found
        if native is not None:  # split and tested in one compiled call, unless the memory is full
            found = native.select_story(
                self._asked, *self._tables(), self._shapes, self._decided, story.words, story.bits,
                _WORD_BITS.words, self._tested, self._passed, self._own, self._limit,
            )  # fmt: skip
            if found is not None:
                return found  # type: ignore[no-any-return]
        split = _split_bits if native is None else native.split_bits
        return self.finish(*split(story.words, story.bits, self._tested, self._passed))

    def gate_spec(self) -> GateTest | None:
        """What `select_gates` needs to run this test as `select_read` would on a story's packed
        bits: (the test itself, the keyed test, its tables, shapes, decided, tested and passed
        bits, own); None while its tables may be asked for again or its results are not kept
        pending in a machine word (`select_read` then)."""
        spec = self.kept_spec  # (set once settled, for the tests whose results pend in a word)
        return None if spec is None else (self, *spec)

    def remembered_in(self, story: StoryBits) -> bool:
        """Whether a word of `story` was remembered to pass this test when its bits were read."""
        return bool(story.union & self._passed)

    @staticmethod
    def passed_bits(tests: Iterable[LetterTest]) -> int:
        """The bits that say a word passed one of `tests`: `story.union & passed_bits(tests)` is
        whether a word of the story is remembered to pass one of them (`StoryBits`)."""
        bits = 0
        for test in tests:
            bits |= test._passed
        return bits

    def finish(self, found: set[str], new: list[str]) -> AbstractSet[str]:
        """What `select` answers from a walk's pair of its words (taken: `found` is filled):
        `found` (the words remembered to pass) and those of `new` that pass the test, which
        is run on them (in C where it is built: no Python loop over the words) and remembered."""
        if not new:
            return found
        memory: dict[str, int] | None = None
        if len(new) <= self._own:
            memory = _WORD_BITS.words
            if len(memory) + len(new) > self._limit:
                memory = _WORD_BITS.words = _first_remembered(memory, self._limit, len(new))
        tested, both = self._tested, self._tested | self._passed
        run = _test_words if native is None else native.test_words
        table, fails, only = self._settled or self._tables()
        run(self._asked, table, fails, only, self._shapes, self._decided, new, found, memory, tested, both)
        return found

    def _tables(self) -> _Tables:
        """The declared `table`, `fails` and `only` tables, each asked for on first use (`fails`
        and `only` again while they give None)."""
        settled = self._settled
        if settled is not None:
            return settled
        table, fails, only = self._table, self._fails, self._only
        if table is None and self._table_of is not None:
            table = self._table = self._table_of()
        if fails is None and self._fails_of is not None:
            fails = self._fails = self._fails_of()
        if only is None and self._only_of is not None:
            only = self._only = self._only_of()
        found = (table, fails, only)
        declared = (self._table_of, self._fails_of, self._only_of)
        if all(t is not None or f is None for t, f in zip(found, declared, strict=True)):
            self._decided = self._decided_settled  # its lengths read from now (`__init__`)
            self._settled = found  # none is asked for again: kept
            if self._pends and self._fits:
                rest = (self._shapes, self._decided, self._tested, self._passed, self._own)
                self.kept_spec = (self._asked, *found, *rest)
        return found


class StoryBits(NamedTuple):
    """A story's distinct words and each one's bits in the letter tests' memory (`_WordBits`),
    read once for all the tests a story is checked with: one lookup a word, where a walk per test
    would look every word up again. Each test then takes its words from these
    (`LetterTest.select_read`: a pass over two lists), and `union` (every word's bits or-ed)
    tells whether any word is remembered to pass a test with one `&`
    (`LetterTest.passed_bits`). A test's own bits change only when it runs, so its answer from
    bits read earlier is the answer from the memory now, but for words another story has since
    tested for it: those it tests again, with the same result."""

    words: list[str]
    bits: bytes | list[int]  # packed native long longs (the compiled read: they fit), or ints
    union: int
    # the bits the tests' results add, until `_WordBits.flush` writes them: packed like `bits`
    # (a bytearray of long longs), or ints
    pending: bytearray | list[int]
    # each word's `Shape` bit once a test has needed it (0 before): a story's new word is met by a
    # dozen tests, most of which read its shape (`_select_pending`)
    shapes: bytearray | None = None

    @classmethod
    def read(cls, words: Mapping[str, object] | AbstractSet[str] | list[str]) -> StoryBits:
        """The bits of `words` (keys, for a mapping; distinct, for a list) in the memory now."""
        memory = _WORD_BITS
        memory.flush()  # the stories before it read in
        # the steps below in one compiled call, where the bits come packed (most times): 2 us
        # a story in Python (measured)
        story = None if native is None else native.story_bits(cls, words, memory.words)
        if story is None:
            keys = list(words)
            read = _read_bits if native is None else native.read_bits
            bits, union = read(keys, memory.words)
            pending = bytearray(len(bits)) if isinstance(bits, bytes) else [0] * len(keys)
            # (tuple.__new__: no Python __new__)
            story = tuple.__new__(cls, (keys, bits, union, pending, bytearray(len(keys))))
        # unflushed from now: `select_kept` writes its pending bits without marking it
        memory.unflushed[id(story)] = story
        return story


# What a letter test finds in a story none of whose words passes it (most tests, most stories):
# one empty frozenset, shared, not a set made and freed each time; read-only, as every answer is.
NOTHING_FOUND: frozenset[str] = frozenset()


def _select_pending(
    test: Callable[[str], object],
    table: Container[str] | None,
    fails: Fails | None,
    only: tuple[Container[str], ...] | None,
    shapes: int,
    decided: Decided,
    keys: list[str],
    bits: bytes | list[int],
    pending: bytearray | list[int],
    tested: int,
    passed: int,
    own: int,
    known: bytearray | None = None,
) -> AbstractSet[str]:
    """The keys that pass the test, from their bits or-ed with their pending bits, the test run
    on those neither says it met, its results added to `pending` unless they are more than `own`;
    `known` (if given) keeps each key's shape once worked out, 0 before (the twin of the compiled
    `select_pending`). A set, or `NOTHING_FOUND` when no key passes."""
    found: set[str] = set()
    fresh = []
    values = memoryview(bits).cast("q") if isinstance(bits, bytes) else bits
    pend = memoryview(pending).cast("q") if isinstance(pending, bytearray) else pending
    for i, (w, b) in enumerate(zip(keys, values, strict=True)):
        b |= pend[i]
        if not b & tested:
            fresh.append(i)
        elif b & passed:
            found.add(w)
    for i in fresh:
        w = keys[i]
        shape = ANY_SHAPE
        if _needs_shape(fails, only, shapes, decided):
            shape = known[i] if known is not None and known[i] else word_shape(w)
            if known is not None:
                known[i] = shape
        ok = _passes(test, table, fails, only, shapes, decided, w, shape)
        if ok:
            found.add(w)
        if len(fresh) <= own:
            pend[i] |= tested | passed if ok else tested
    return found or NOTHING_FOUND


def gate_program(gates: Iterable[tuple[Collection[str], Iterable[LetterTest], int]]) -> GateProgram | None:
    """Gates (each its characters, its tests and the bits that say a word passed one of them)
    as `select_gates` reads them, or None while one of the tests has no `gate_spec`."""
    program = []
    for chars, tests, passed in gates:
        specs = tuple(test.gate_spec() for test in tests)
        if None in specs:
            return None
        program.append((passed, "".join(sorted(chars)), specs))
    return tuple(program)  # type: ignore[arg-type]


def select_gates(
    program: GateProgram, text: str, selected: dict[LetterTest, AbstractSet[str]], story: StoryBits
) -> tuple[bool, ...]:
    """Which of a story's gates fire (`gate_program`): one compiled call for all of them, each
    test a gate runs kept in `selected` as `select_read` would have found it (`_select_gates`)."""
    if native is not None and type(story.pending) is bytearray:
        fired, ran = native.select_gates(
            program, text, selected, story.words, story.bits, story.pending, story.shapes, story.union
        )
    else:
        fired, ran = _select_gates(
            program, text, selected, story.words, story.bits, story.pending, story.shapes, story.union
        )
    if ran:  # as `select_read` leaves them: the story's pending bits to write
        memory = _WORD_BITS
        memory.unflushed[id(story)] = story
        memory.pending |= ran
    return fired  # type: ignore[no-any-return]


def _select_gates(
    gates: GateProgram,
    text: str,
    selected: dict[LetterTest, AbstractSet[str]],
    keys: list[str],
    bits: bytes | list[int],
    pending: bytearray | list[int],
    known: bytearray | None,
    union: int,
) -> tuple[tuple[bool, ...], int]:
    """Which gates fire (each gate `(passed, chars, tests)`: when `union` has one of `passed`, else
    when `text` holds one of `chars`, else when one of `tests`, tried in order, selects a word: the
    words `selected` holds for it, else what `_select_pending` finds, kept in `selected`), and the
    or of the `tested` bits of the tests run (the twin of the compiled `select_gates`)."""
    fired: list[bool] = []
    ran = 0
    for passed, chars, tests in gates:
        if union & passed or any(c in text for c in chars):
            fired.append(True)
            continue
        for key, test, table, fails, only, shapes, decided, tested, test_passed, own in tests:
            found = selected.get(key)
            if found is None:
                found = selected[key] = _select_pending(
                    test, table, fails, only, shapes, decided, keys, bits, pending, tested, test_passed, own,
                    known,
                )  # fmt: skip
                ran |= tested
            if found:
                fired.append(True)
                break
        else:
            fired.append(False)
    return tuple(fired), ran


def _select_kept(spec: KeptSpec | None, story: StoryBits, pended: bytearray) -> AbstractSet[str] | None:
    """What `LetterTest.select_read` finds for the test `spec` describes (its `kept_spec`) on
    `story` (marked unflushed when it was read, `StoryBits.read`), its tested bits or-ed into
    `pended` (one native long long: `_WordBits.kept`); None (nothing done) when `spec` is None
    (the twin of the compiled `select_kept`, which also answers None when the story's bits are
    not packed)."""
    if spec is None:
        return None
    test, table, fails, only, shapes, decided, tested, passed, own = spec
    found = _select_pending(
        test, table, fails, only, shapes, decided, story.words, story.bits, story.pending, tested, passed,
        own, story.shapes,
    )  # fmt: skip
    view = memoryview(pended).cast("q")
    view[0] |= tested
    return found


SELECT_KEPT: Callable[[KeptSpec | None, StoryBits, bytearray], AbstractSet[str] | None] = (
    _select_kept if native is None else native.select_kept
)


def select_kept(test: LetterTest, story: StoryBits) -> AbstractSet[str]:
    """`test.select_read(story)`, in one compiled call where it can be (`Document.selected`
    calls `SELECT_KEPT` itself, without this frame)."""
    found = SELECT_KEPT(test.kept_spec, story, KEPT_PENDING)
    return test.select_read(story) if found is None else found


def _flush_bits(keys: list[str], pending: bytearray | list[int], memory: dict[str, int], room: int) -> int:
    """The keys' pending bits or-ed into `memory` and cleared, when the keys that have any are at
    most `room`; how many there are (the twin of the compiled `flush_bits`)."""
    pend = memoryview(pending).cast("q") if isinstance(pending, bytearray) else pending
    count = sum(1 for b in pend if b)
    if count <= room:
        for i, b in enumerate(pend):
            if b:
                memory[keys[i]] = memory.get(keys[i], 0) | b
                pend[i] = 0
    return count


def _read_bits(keys: list[str], memory: dict[str, int]) -> tuple[list[int], int]:
    """Each key's bits in `memory` (0 when it has none) and all of them or-ed (the twin of the
    compiled `read_bits`)."""
    known = memory.get
    bits = [known(w, 0) for w in keys]
    union = 0
    for b in bits:
        union |= b
    return bits, union


@overload
def _select_bits(
    keys: Iterable[str], memory: dict[str, int], tested: int, passed: int
) -> tuple[set[str], list[str]]: ...
@overload
def _select_bits(
    keys: Iterable[str], memory: dict[str, int], tested: int, passed: int, shapes: int
) -> tuple[set[str], list[str], set[str]]: ...
def _select_bits(
    keys: Iterable[str], memory: dict[str, int], tested: int, passed: int, shapes: int | None = None
) -> tuple[set[str], list[str]] | tuple[set[str], list[str], set[str]]:
    """The keys whose bits in `memory` say tested and passed, and those not tested; with `shapes`,
    also the keys whose `word_shape` is one of them (the twin of the compiled `select_bits`)."""
    known = memory.get
    found: set[str] = set()
    new: list[str] = []
    shaped: set[str] = set()
    for w in keys:  # each word's bits read once: another thread may be writing them
        if shapes is not None and word_shape(w) & shapes:
            shaped.add(w)
        bits = known(w, 0)
        if bits & tested:
            if bits & passed:
                found.add(w)
        else:
            new.append(w)
    return (found, new) if shapes is None else (found, new, shaped)


def _split_bits(
    keys: list[str], bits: bytes | list[int], tested: int, passed: int
) -> tuple[set[str], list[str]]:
    """The keys whose bits (the i-th of `bits` for `keys[i]`) say tested and passed, and those not
    tested (the twin of the compiled `split_bits`)."""
    found: set[str] = set()
    new: list[str] = []
    values = memoryview(bits).cast("q") if isinstance(bits, bytes) else bits
    for w, b in zip(keys, values, strict=True):
        if b & tested:
            if b & passed:
                found.add(w)
        else:
            new.append(w)
    return found, new


def _first_remembered(memory: dict[str, int], limit: int, new: int) -> dict[str, int]:
    """A new memory holding the words of `memory` remembered first (dicts keep their order): three
    quarters of `limit`, or fewer, so that `new` more words keep it within `limit`. A run meets
    its common words in its first stories: forgetting every word whenever the limit was passed
    had them tested again (over the 10,657 corpus stories, 25% more tests than distinct words;
    keeping the first three quarters, 3%). Words met later are tested again when they return."""
    keep = min(limit * 3 // 4, limit - new)
    while keep > 0:  # no copy of the whole memory beside the two
        try:
            return dict(islice(memory.items(), keep))
        except RuntimeError:  # another thread added words halfway: read it again
            # (the step runs no Python code of its own, but a collection it sets off may run
            # finalizers, and another thread may run while they do)
            continue
    return {}


def _test_words(
    test: Callable[[str], object],
    table: Container[str] | None,
    fails: Fails | None,
    only: tuple[Container[str], ...] | None,
    shapes: int,
    decided: Decided,
    words: list[str],
    found: set[str],
    memory: dict[str, int] | None,
    tested: int,
    both: int,
) -> None:
    """Each of `words` tested: it passes when its shape is among `shapes`, it is in `table`
    (unless None), its lowercase form is not in `fails` and is in one of `only`'s tables where it
    is of ASCII letters alone (unless None) and `test` holds (or, for a word of a shape `decided`
    holds a length for, it is that long at most), each asked only if the one before holds. A word that passes
    is added to `found`; unless `memory` is None, its bits there get `both` if it passed, else
    `tested`. (The twin of the compiled `test_words`.)"""
    for w in words:
        ok = _passes(test, table, fails, only, shapes, decided, w)
        if ok:
            found.add(w)
        if memory is not None:
            memory[w] = memory.get(w, 0) | (both if ok else tested)


def _decided_values(decided: Mapping[Shape, int] | None, shortest: Mapping[Shape, int] | None) -> Decided:
    """A `LetterTest`'s `decided` and `shortest` as the compiled walk reads them: six, one a
    shape in `_SHAPES` order: an int, the longest word that passes when 0 or more, else -1 less
    the shortest word asked; a pair (shortest, longest) for a shape in both, whose words pass
    from the one length to the other unasked; None when neither is declared."""
    if decided is None and shortest is None:
        return None
    decided, shortest = decided or {}, shortest or {}
    if any(n < 0 for n in (*decided.values(), *shortest.values())):
        raise ValueError("a letter test's lengths are 0 or more")
    return tuple(
        (shortest[s], decided[s]) if s in decided and s in shortest
        else decided[s] if s in decided
        else -1 - shortest.get(s, 0)
        for s in _SHAPES
    )  # fmt: skip


def _decided_range(value: int | tuple[int, int]) -> tuple[int, int]:
    """One shape's `decided` value (`_decided_values`) as (floor, longest): a word shorter than the
    floor fails unasked, one up to `longest` (when 0 or more) passes unasked, and else the test
    is asked (the twin of the compiled `decided_value`)."""
    if isinstance(value, tuple):
        return value
    return (0, value) if value >= 0 else (-value - 1, -1)


def _passes(
    test: Callable[[str], object],
    table: Container[str] | None,
    fails: Fails | None,
    only: tuple[Container[str], ...] | None,
    shapes: int,
    decided: Decided,
    w: str,
    shape: int | None = None,
) -> bool:
    """Whether `w` passes a letter test, asked in `test_words`'s order; `shape`, its shape if
    known (the twin of the compiled `passes_test`)."""
    if shape is None:
        shape = word_shape(w) if _needs_shape(fails, only, shapes, decided) else ANY_SHAPE
    if not (
        shape & shapes
        and (table is None or w in table)
        and not (fails is not None and shape & _ASCII_LETTERS and _fails_holds(fails, w.lower()))
        and (only is None or _only_holds(only, w, shape))
    ):
        return False
    # (`LetterTest._decided`)
    floor, longest = (0, -1) if decided is None else _decided_range(decided[shape.bit_length() - 1])
    return len(w) >= floor and (len(w) <= longest if longest >= 0 else bool(test(w)))


def _fails_holds(fails: Fails, low: str) -> bool:
    """Whether a test's `fails` (a table, or a tuple of tables) holds the lowercase form `low`
    (the twin of the compiled `fails_holds`)."""
    if type(fails) is tuple:
        return any(low in t for t in fails)
    return low in fails


def _only_holds(only: tuple[Container[str], ...], w: str, shape: int) -> bool:
    """Whether `w` may pass a test that declares `only`: one of the tables holds its lowercase
    form, or for a word of ASCII letters, hyphens and apostrophes (al-Qaeda, Sweden's) the
    lowercase form of one of its parts between hyphens; or it is of neither kind (the twin of
    the compiled `only_listed`)."""
    if shape & _ASCII_LETTERS:
        low = w.lower()
        return any(low in t for t in only)
    if shape != _OTHER or not (w.isascii() and w.replace("-", "").replace("'", "").isalpha()):
        return True
    low = w.lower()
    forms = (low, *low.split("-")) if "-" in low else (low,)
    return any(form in t for form in forms for t in only)


def _needs_shape(fails: object, only: object, shapes: int, decided: object) -> bool:
    """Whether a letter test needs a word's shape: it declares shapes, `fails`, `only` or
    `decided`."""
    return fails is not None or only is not None or decided is not None or shapes != ANY_SHAPE


class Prose:
    """Where the tokens of one document lie: its sentences (tokens never cross one), minus the
    non-prose regions (`blocked`), with the quotations and the headline for the token flags."""

    __slots__ = (
        "text",
        "sentences",
        "headline",
        "blocked",
        "quoted",
        "_index",
        "_counts",
        "_counted",
        "_places",
        "_placing_kept",
        "_starts",
    )

    def __init__(
        self, text: str, sentences: Sequence[Span], headline: Span | None, blocked: SpanSet, quoted: SpanSet
    ) -> None:
        self.text, self.sentences, self.headline = text, sentences, headline
        self.blocked, self.quoted = blocked, quoted
        self._index: TokenIndex | None = None
        self._counts: WordCounts | None = None  # every WORD token's count, from the index
        self._counted: list[str] | None = None  # its words, in its order, as a list (`counted_words`)
        # per sentence, found as tokens are built: in the headline, in a quotation
        self._places: list[tuple[bool, int] | None] | None = None
        self._placing_kept: Places | None = None  # `_placing`'s, made once (asked 2-3 times a story)
        self._starts: array[int] | None = None  # the sentences' starts, for a text too long to index

    def index(self) -> TokenIndex | None:
        """The story's `TokenIndex`, built on first use; None for a text too long to index."""
        if self._index is None and len(self.text) <= INDEX_LIMIT:
            counted: list[Any] = []  # (the words and their counts, made with the index: no dict in C)
            self._index = index_tokens(self.text, self.sentences, self.blocked, None, None, counted)
            self._counted, self._counts = counted
        return self._index

    def tokens(self) -> tuple[Token, ...]:
        """Every token, in text order."""
        return tuple(self._tokens(None))

    def iter_words_among(self, texts: Collection[str], dense: bool = False) -> Iterator[Token]:
        """The WORD tokens whose text is in `texts`, in text order; no other token is built.
        `dense`: the words are in most sentences (see `_tokens`)."""
        found = self.indexed_words_among(texts)
        if found is not None:
            return found
        return (t for t in self._tokens(texts, dense=dense) if t.kind is WORD_KIND)

    def indexed_words_among(self, texts: Collection[str]) -> Iterator[Token] | None:
        """`iter_words_among` read from the index, a few thousand tokens built at a time; None
        for a text too long to index."""
        index = self.index()
        return None if index is None else self._indexed_tokens(tokens_among(index, texts), True)

    def indexed_words(self, texts: Collection[str]) -> list[Token] | None:
        """`indexed_words_among`, all built in one call; None for a text too long to index."""
        index = self.index()
        if index is None:
            return None
        if native is not None:  # (`tokens_among` and `built_tokens` inlined: two calls of the
            # few a rule's asking costs; 15,000 asks a corpus, most for a word or two)
            words, ids, starts, openings, _ = index
            places = self._placing()
            chosen = native.among(words, ids, texts)
            where = (places.sentences, places.headline, places.quoted.spans, _PLACES)
            args = (chosen, 0, len(chosen), places.known, where, _KINDS, (Span, Token, WORD_KIND), True)
            return native.built_tokens(words, ids, starts, openings, *args)  # type: ignore[no-any-return]
        chosen = tokens_among(index, texts)
        return built_tokens(index, chosen, 0, len(chosen), self._placing(), True)

    def first_tokens(self) -> list[Token]:
        """The first token of each sentence that has one (its `sentence_start` token), in order."""
        index = self.index()
        if index is not None:
            return built_tokens(index, index.firsts, 0, len(index.firsts), self._placing(), False)
        return list(self._tokens(None, first_only=True))

    def counted_words(self, counts: WordCounts) -> list[str] | WordCounts:
        """The words of `counts` in its order, as the list the index made of them where `counts`
        is the index's own (`list(counts)` without a call a key), else `counts` itself. Treat it
        as read-only (the story's `StoryBits` keeps it)."""
        return self._counted if counts is self._counts and self._counted is not None else counts

    def word_counts(self) -> WordCounts:
        """How many times each WORD token's text occurs."""
        if self.index() is not None:
            assert self._counts is not None
            return self._counts  # words only: the index leaves the other kinds out
        return self._scanned_counts()

    def _scanned_counts(self) -> Counter[str]:
        """`word_counts` of a text too long to index, counted sentence by sentence (apart from
        `word_counts`: its generator's cells were made at every story's call)."""
        word = WORD_KIND
        counts: Counter[str] = Counter()
        text, blocked, finditer, findall = self.text, self.blocked, TOKEN.finditer, TOKEN.findall
        # The compiled scan counts a run of sentences in one call; the runs are counted in text
        # order, so the counter's words keep the order of their first use either way.
        starts: list[int] = []
        ends: list[int] = []
        for sentence in self.sentences:
            if blocked.touches(sentence):  # rare: test each token against the regions
                if starts:
                    native.scan_words(text, starts, ends, counts)  # type: ignore[union-attr]
                    starts, ends = [], []
                counts.update(
                    m.group()
                    for m in finditer(text, sentence.start, sentence.end)
                    if not blocked.touches_range(m.start(), m.end())
                )
            elif native is not None:
                starts.append(sentence.start)
                ends.append(sentence.end)
            else:
                counts.update(findall(text, sentence.start, sentence.end))
        if starts:
            native.scan_words(text, starts, ends, counts)  # type: ignore[union-attr]
        # isalpha() first: C-fast, and true for almost every word, which is a WORD then.
        for w in [w for w in counts if not w.isalpha() and kind_of(w) is not word]:
            counts.pop(w)
        return counts

    def _indexed_tokens(self, chosen: Sequence[int] | None, words_only: bool = False) -> Iterator[Token]:
        """The tokens `chosen` (ascending indices into the index; all, with None), read from the
        index; only the WORD ones with `words_only`, the others left out before they are built.
        Built `BUILT_AT_ONCE` at a time: a big file's common words pick most of its tokens."""
        assert self._index is not None
        index, places = self._index, self._placing()
        total = len(index.ids) if chosen is None else len(chosen)
        for lo in range(0, total, BUILT_AT_ONCE):
            yield from built_tokens(index, chosen, lo, min(lo + BUILT_AT_ONCE, total), places, words_only)

    def _placing(self) -> Places:
        places = self._placing_kept
        if places is None:
            if self._places is None:
                self._places = [None] * len(self.sentences)
            places = tuple.__new__(Places, (self._places, self.sentences, self.headline, self.quoted))
            self._placing_kept = places
        return places

    def _sentences_holding(self, few: Collection[str]) -> Iterator[Span]:
        """The sentences whose text holds one of the strings `few` (none empty), in order: what
        testing each sentence for them finds, found by one search of the text for all of them,
        so that a rule's asking for a word or two of a big file costs a C-level scan of it, not
        a test of each of its sentences in Python."""
        text, ordered = self.text, self.sentences
        starts = self._starts
        if starts is None:
            starts = self._starts = offsets((s.start for s in ordered), len(text))
        search = re.compile("|".join(re.escape(w) for w in sorted(few))).search
        at = 0
        while (m := search(text, at)) is not None:
            i = bisect_right(starts, m.start()) - 1
            if i >= 0 and m.start() < ordered[i].end:
                sentence = ordered[i]
                written = text[sentence.start : sentence.end]
                if any(w in written for w in few):
                    yield sentence
                at = sentence.end
            elif i + 1 < len(ordered):
                at = starts[i + 1]  # between sentences: no string the next one holds starts here
            else:
                return

    def last_word(self, sentence: Span, end: int) -> Token | None:
        """The last WORD token of one of the sentences that starts before `end` (the start of one
        of its tokens, or its end), or None. Read from a stretch before `end`, doubled until the
        word is not the stretch's first token (whose `sentence_start` only a stretch from the
        sentence's start can tell) or the stretch reaches that start: a sentence can be a file."""
        width = FIRST_STRETCH
        while True:
            start = self._boundary_before(sentence.start, end - width)
            tokens = list(self._tokens(None, sentences=(Span(start, end),)))
            words = [i for i, t in enumerate(tokens) if t.kind is WORD_KIND]
            if words and (words[-1] > 0 or start == sentence.start):
                return tokens[words[-1]]
            if start == sentence.start:
                return None
            width *= 2

    def _boundary_before(self, low: int, at: int) -> int:
        """`low`, or the last place after `low` and by `at` that follows a space or line break,
        where no token can start in the middle (tokens hold no spaces), so that the tokens from it
        are the sentence's."""
        if at <= low:
            return low
        space = max(self.text.rfind(" ", low, at), self.text.rfind("\n", low, at))
        return space + 1 if space >= 0 else low

    def _tokens(
        self,
        wanted: Collection[str] | None,
        first_only: bool = False,
        sentences: Sequence[Span] | None = None,
        dense: bool = False,
    ) -> Iterator[Token]:
        """Tokens in text order; only those whose text is in `wanted`, unless it is None; only
        the first of each sentence with `first_only`; only those of `sentences`, if given.
        `dense`: many wanted words that most sentences hold, so no sentence is tested first."""
        index = self.index() if sentences is None else None
        if index is not None:
            picked = index.firsts if first_only else None if wanted is None else tokens_among(index, wanted)
            yield from self._indexed_tokens(picked)
            return
        text, headline, blocked, quoted = self.text, self.headline, self.blocked, self.quoted
        # This loop runs for every word of every story: the tuples are built directly, skipping
        # the argument checks of Span and Token (regex offsets are valid spans by construction).
        new, span_type, token_type = tuple.__new__, Span, Token
        # A few wanted words (the usual case): a sentence that does not hold one of them as a
        # string cannot hold its token, and is skipped by C-level substring tests. With many
        # (a big file's), those tests would cost more than the token scan they save: a sentence
        # is skipped when none of its words (one C-level findall) is wanted.
        few = wanted if wanted is not None and len(wanted) <= FEW_WANTED else None
        many = (
            None
            if wanted is None or few is not None or dense
            else wanted
            if isinstance(wanted, (set, frozenset))
            else set(wanted)
        )
        chosen: Iterable[Span] = self.sentences if sentences is None else sentences
        if sentences is None and few is not None and "" not in few:  # (a text too long to index)
            chosen, few = self._sentences_holding(few), None
        for sentence in chosen:
            if few is not None:
                written = text[sentence.start : sentence.end]
                if not any(w in written for w in few):
                    continue
            elif many is not None and many.isdisjoint(TOKEN.findall(text, sentence.start, sentence.end)):
                continue
            # Per-token span tests only where the sentence meets a region or a quotation: most
            # sentences meet neither.
            any_blocked = blocked.touches(sentence)
            all_quoted = quoted.covers(sentence)
            some_quoted = all_quoted or quoted.touches(sentence)
            in_head = headline is not None and headline.contains(sentence)
            first = True
            for m in TOKEN.finditer(text, sentence.start, sentence.end):
                if any_blocked and blocked.touches_range(m.start(), m.end()):
                    continue  # a blocked token does not take the sentence's first place
                word = m.group()
                if wanted is None or word in wanted:
                    start, end = m.span()
                    in_quote = all_quoted or some_quoted and quoted.touches_range(start, end)
                    yield new(
                        token_type,
                        (new(span_type, (start, end)), word, kind_of(word), first, in_head, in_quote),
                    )
                if first_only:
                    break
                first = False
