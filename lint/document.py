"""The document model: one immutable story text and the spans of its parts.

`Document` is data: `newslint.segment.parse` finds the parts (headline, paragraphs, sentences,
quotations, regions); the tokens, the span sets behind the predicates and the word counts are
derived from them on first use and kept (see `tokens.py`), so a rule that never asks for them
costs nothing. Rules read the document through the iterators and predicates below and never
copy or pad the text, so every span they report is an offset into `Document.text`.
"""

from __future__ import annotations

import bisect
from array import array
from collections import Counter
from collections.abc import Callable, Collection, Iterator, Sequence
from collections.abc import Set as AbstractSet
from dataclasses import dataclass, field
from enum import Enum
from typing import TYPE_CHECKING, Any, Generic, TypeVar, overload

from newslint.figures import digit_runs
from newslint.native import merged_span_parts, native, presized_dict, span_set_parts
from newslint.span import LineIndex, Span, offsets
from newslint.tokens import (
    FEW_WANTED,
    KEPT_PENDING,
    SELECT_KEPT,
    GateProgram,
    LetterTest,
    Prose,
    Shape,
    StoryBits,
    Token,
    TokenIndex,
    TokenKind,
    WordCounts,
    select_gates,
    tokens_among,
)

if TYPE_CHECKING:
    from newslint.reading import Repair

T = TypeVar("T")

__all__ = ["Document", "LetterTest", "Region", "RegionKind", "Shape", "SpanSet", "Token", "TokenKind"]


class RegionKind(Enum):
    """Stretches of the text that are not prose: rules leave them alone."""

    URL = "url"
    EMAIL = "email"
    HANDLE = "handle"  # @someone
    HASHTAG = "hashtag"
    TICKER = "ticker"  # <SRD>, (AAPL.O)
    TABLE = "table"  # column-aligned wire data
    CODE = "code"  # Markdown code
    FRONT_MATTER = "front-matter"
    COMMENT = "comment"  # HTML comment
    LINK_TARGET = "link-target"  # Markdown link or image target


@dataclass(frozen=True, slots=True)
class Region:
    """A stretch of the text that is not prose (a URL, a handle, a table...): its kind and span."""

    kind: RegionKind
    span: Span


class SpanSet:
    """Sorted, non-overlapping spans with a fast 'does this span touch one of them' test."""

    __slots__ = ("spans", "_starts", "_ends")

    def __init__(self, spans: Sequence[Span]) -> None:
        self.spans: tuple[Span, ...]
        self._starts: list[int]
        self._ends: list[int]
        if not spans:  # most stories' regions, markup and [sic] marks
            self.spans, self._starts, self._ends = (), [], []
            return
        # sorted and merged in one compiled call (the twin: `merged_span_parts`, as for spans
        # that are no pairs of ints)
        found = span_set_parts(spans, Span)
        self.spans, self._starts, self._ends = merged_span_parts(spans, Span) if found is None else found

    def touches(self, span: Span) -> bool:
        """True when `span` overlaps a member (an insertion counts when strictly inside one)."""
        if not self._starts:
            return False
        if span.end == span.start:
            return self._touches_point(span)
        return self.touches_range(span.start, span.end)

    def _touches_point(self, span: Span) -> bool:
        """`touches` for an insertion (apart: its generator's cells were made at every call)."""
        i = bisect.bisect_right(self._starts, span.start)
        return any(0 <= j < len(self.spans) and self.spans[j].overlaps(span) for j in (i - 1, i - 2))

    def touches_range(self, start: int, end: int) -> bool:
        """`touches` for the non-empty range [start, end), without building a Span."""
        # Members are disjoint and sorted, so only the last one starting before `end` can
        # reach into the range.
        i = bisect.bisect_left(self._starts, end) - 1
        return i >= 0 and self._ends[i] > start

    def covers(self, span: Span) -> bool:
        """True when one member contains the whole of `span`."""
        i = bisect.bisect_right(self._starts, span.start) - 1
        return i >= 0 and self._ends[i] >= span.end

    def containing(self, offset: int) -> Span | None:
        i = bisect.bisect_right(self._starts, offset) - 1
        if i >= 0 and self.spans[i].start <= offset < self.spans[i].end:
            return self.spans[i]
        return None

    def overlapping(self, start: int, end: int) -> Iterator[Span]:
        """The members that overlap [start, end), in order."""
        i = bisect.bisect_right(self._ends, start)
        while i < len(self.spans) and self.spans[i].start < end:
            yield self.spans[i]
            i += 1

    def __iter__(self) -> Iterator[Span]:
        return iter(self.spans)

    def __len__(self) -> int:
        return len(self.spans)


# The empty span set: `Document.assembled` gives it to every story without regions, quotations
# or [sic] marks, instead of building one each (a span set is never changed once built).
NO_SPANS = SpanSet(())

SELECTED_ROOM = 14
"""The letter tests a story's `_selected` is made with room for: a corpus story keeps eleven to
fourteen (the gates' tests and the rules'); a dict display has room for five and grew twice."""


class cached_property(Generic[T]):  # noqa: N801 (functools' name: the same use)
    """`functools.cached_property` without its lock: Python 3.11's takes one on every first read,
    a document has a dozen such reads and a corpus run makes a document a story (1% of the run's
    CPU, sampled). A document belongs to the one check that parsed it, so no two threads build
    its parts at once; if they did, each would build the same value. The value is written to the
    instance's dict, where later reads find it without calling this."""

    def __init__(self, build: Callable[[Any], T]) -> None:
        self.build = build
        self.name = build.__name__
        self.__doc__ = build.__doc__

    def __set_name__(self, owner: type, name: str) -> None:
        self.name = name

    @overload
    def __get__(self, instance: None, owner: type | None = None) -> cached_property[T]: ...

    @overload
    def __get__(self, instance: object, owner: type | None = None) -> T: ...

    def __get__(self, instance: object | None, owner: type | None = None) -> T | cached_property[T]:
        if instance is None:
            return self
        value = instance.__dict__[self.name] = self.build(instance)
        return value


_twin_cached_property = cached_property  # (the pure-Python twin: tests/test_native.py runs both)

if native is not None and not TYPE_CHECKING:
    # its compiled twin: a first read without `__get__`'s Python frame and slot call (about 1,100
    # instructions of some 2,100, callgrind; a document has six such reads a story)
    cached_property = native.CachedProperty


_find_repairs: Callable[[Document], tuple[Repair, ...]] | None = None
_find_hints: Callable[[str], int] | None = None


def _hints_finder() -> Callable[[str], int]:
    """`newslint.segment`'s story hints (`_hints_of`), imported on first use (it imports this
    module) and kept, as `_repairs_finder` keeps its finder."""
    global _find_hints
    if _find_hints is None:
        from newslint.segment import _hints_of

        _find_hints = _hints_of
    return _find_hints


def _repairs_finder() -> Callable[[Document], tuple[Repair, ...]]:
    """`newslint.repairs.find_repairs`, imported on first use (its modules import this one) and
    kept: an import statement run for every story goes through the import machinery's Python
    code (`_handle_fromlist`) each time."""
    global _find_repairs
    if _find_repairs is None:
        from newslint.repairs import find_repairs

        _find_repairs = find_repairs
    return _find_repairs


# For `Document.line_case` on ASCII lines, where str.isalpha is [A-Za-z] and str.isupper [A-Z].
_ASCII_LOWERCASE = bytes(range(ord("a"), ord("z") + 1))
_NOT_ASCII_LETTERS = bytes(c for c in range(256) if not (65 <= c <= 90 or 97 <= c <= 122))


# `Document.line_case` finds the line of a text this long or shorter by searching for its line
# breaks (each search reads at most the line), of a longer one from its line index.
LINE_SEARCHED = 1 << 16


def _case_of(written: str) -> tuple[int, int]:
    """(letters, capitals) of a line (`str.isalpha`, `str.isupper`), for `Document.line_case`."""
    if written.isascii():  # the letters deleted from the bytes in C: a BBC paragraph is a line
        letters_only = written.encode("ascii").translate(None, _NOT_ASCII_LETTERS)
        return (len(letters_only), len(letters_only.translate(None, _ASCII_LOWERCASE)))
    letters = list(filter(str.isalpha, written))
    return (len(letters), sum(map(str.isupper, letters)))


class _Released:
    """What `Document.release_parts` leaves in place of a part: reading it is an error, not a
    silently empty answer."""

    __slots__ = ("name",)

    def __init__(self, name: str) -> None:
        self.name = name

    def _read(self, *args: object) -> Any:
        raise RuntimeError(f"Document.{self.name} read after release_parts()")

    __iter__ = __len__ = __getitem__ = __bool__ = __contains__ = _read


# What `Document.release_parts` drops with the parts: cached views derived from the sentences.
_FROM_SENTENCES = ("_prose", "tokens", "_words", "_numbers", "_sentence_starts")


@dataclass(frozen=True)
class Document:
    """A parsed story: its text and the spans of its parts (`segment.parse`)."""

    text: str
    path: str = "-"
    format: str = "text"  # "text" | "markdown"
    headline: Span | None = None
    dateline: Span | None = None
    paragraphs: tuple[Span, ...] = ()  # body paragraphs, headline excluded
    sentences: tuple[Span, ...] = ()
    quotations: tuple[Span, ...] = ()  # direct quotations, quote marks included
    regions: tuple[Region, ...] = ()  # non-prose stretches
    sic: tuple[Span, ...] = ()  # words marked [sic]
    lines: LineIndex = field(default=None, repr=False, compare=False)  # type: ignore[assignment]

    def __post_init__(self) -> None:
        if self.lines is None:
            object.__setattr__(self, "lines", LineIndex(self.text))

    @classmethod
    def assembled(
        cls,
        text: str,
        path: str,
        format: str,
        headline: Span | None,
        dateline: Span | None,
        paragraphs: tuple[Span, ...],
        sentences: tuple[Span, ...],
        quotations: tuple[Span, ...],
        regions: tuple[Region, ...],
        sic: tuple[Span, ...],
        lines: LineIndex | None,
        non_prose: SpanSet | None = None,
        hints: int | None = None,
        repairs: tuple[Repair, ...] | None = None,
    ) -> Document:
        """`Document(...)` with every field given, for `segment.parse`: the instance dict written
        at once, in the fields' order, in a third of the time of the frozen dataclass's `__init__`
        and its eleven `object.__setattr__` calls (parse builds one a story). `non_prose`, where
        parse built it: the span set of the regions but tables (`_non_prose`), not built again;
        `hints`, where parse found them: the text's `hints`; `repairs`, where parse knows them
        (none, when the hints hold no mark a finder needs): the text's `repairs`, not asked of
        `newslint.repairs` through two Python calls (most stories); `lines`, where parse needed
        them: the text's `lines`, else built on first read."""
        doc = object.__new__(cls)
        # a dict display, not keywords: keyword arguments are gathered into a dict of their own,
        # then copied into the instance's
        fields: dict[str, object] = {
            "text": text,
            "path": path,
            "format": format,
            "headline": headline,
            "dateline": dateline,
            "paragraphs": paragraphs,
            "sentences": sentences,
            "quotations": quotations,
            "regions": regions,
            "sic": sic,
            # every check reads these: made here, not each through a cached property's two
            # Python calls on first read (a story's `_selected` and `derivations` are always read)
            "_line_cases": {},
            "derivations": {},
            # eleven to fourteen tests a story: a display's table grew twice on the way
            "_selected": presized_dict(SELECTED_ROOM),
        }
        if not regions:  # most stories: their span sets of regions are the one empty set
            fields["_not_prose"] = fields["_non_prose"] = fields["_tables"] = NO_SPANS
        elif non_prose is not None:
            fields["_non_prose"] = non_prose
            if not any(r.kind is RegionKind.TABLE for r in regions):  # then it is the set of all
                fields["_not_prose"], fields["_tables"] = non_prose, NO_SPANS
        if lines is not None:  # else built when first read (`_lines_of`): a third of stories never do
            fields["lines"] = lines
        if hints is not None:
            fields["hints"] = hints
        if repairs is not None:
            fields["repairs"] = repairs
        if not quotations:
            fields["_quoted"] = NO_SPANS
        if not sic:
            fields["_sic"] = NO_SPANS
        doc.__dict__.update(fields)
        return doc

    def release_parts(self) -> None:
        """Let go of the sentences and paragraphs, and what was derived from them, once the
        rules that read this document are done and another (the repaired reading) is read
        next: a big file's hundred thousand spans of each. Reading them afterwards raises."""
        for name in ("sentences", "paragraphs"):
            object.__setattr__(self, name, _Released(name))
        for name in _FROM_SENTENCES:
            self.__dict__.pop(name, None)

    # --- derived on first use (cached_property writes the instance dict, frozen or not) -------
    @cached_property
    def repairs(self) -> tuple[Repair, ...]:
        """The character damage of the text (entities, markup, mojibake, invisible characters,
        backslash escapes) and what an editor would type for each: see `newslint.repairs`. The
        engine reads the story through the safe ones (`newslint.reading`)."""
        return _repairs_finder()(self)

    @cached_property
    def hints(self) -> int:
        """The rare hints the text holds, as `newslint.segment.story_hints`' bits (an HTML
        comment's opening, "@", "#", an address, a column gap, a [sic] mark): parse finds them
        for every story and hands them on, so that the engine asks the bits, not the text (the
        check's search of a story for "<!--" cost some 2,900 instructions)."""
        return _hints_finder()(self.text)

    @cached_property
    def _prose(self) -> Prose:
        return Prose(self.text, self.sentences, self.headline, self._not_prose, self._quoted)

    @cached_property
    def tokens(self) -> tuple[Token, ...]:
        """Words and numbers of the prose, in order (tables, URLs and markup left out)."""
        return self._prose.tokens()

    @cached_property
    def digit_runs(self) -> tuple[array[int], array[int]]:
        """Where the runs of decimal digits lie: (the first digit of each run no word character
        precedes, the last digit of every run), found in one scan (`newslint.figures`); a pattern
        that opens with a digit is tried at them alone (`newslint.figures.matches_at`)."""
        return digit_runs(self.text)

    @cached_property
    def word_counts(self) -> WordCounts:
        """How often each word token's text occurs: `Counter(t.text for t in doc.words())`,
        without building the tokens (a word it lacks counts 0; in C a read-only mapping made with
        the token index, `newslint.tokens.WordCounts`). Shared by every rule: read-only."""
        if "tokens" in self.__dict__:
            return Counter(t.text for t in self._words)
        return self._prose.word_counts()

    def words_among(self, texts: Collection[str]) -> list[Token]:
        """The word tokens whose text is one of `texts` (a few candidates taken from
        `word_counts`), in order, without building the tokens of the other words."""
        if not texts:
            return []
        found = None if "tokens" in self.__dict__ else self._prose.indexed_words(texts)
        return list(self.iter_words_among(texts)) if found is None else found

    def iter_words_among(self, texts: Collection[str]) -> Iterator[Token]:
        """`words_among`, one token at a time: for a rule that reads them in one pass, so that a
        big file's many candidates are never all held."""
        if not texts:
            return iter(())
        if "tokens" in self.__dict__:
            return (t for t in self._words if t.text in texts)
        found = self._prose.indexed_words_among(texts)
        if found is not None:  # (how dense they are does not matter to the index)
            return found
        # Words used more often than there are sentences are in most sentences: testing each
        # sentence for them first would cost more than it saves.
        counts = self.word_counts
        dense = len(texts) > FEW_WANTED and sum(counts[t] for t in texts) > len(self.sentences)
        return self._prose.iter_words_among(texts, dense)

    def indexed_words(self) -> list[str] | None:
        """The story's distinct token texts (words, numbers and the rest) in the order of their
        first use, as its token index lists them: `word_counts`' words among them, in its order.
        A list, read where a dict's keys cost a call each in C. None when the story is too long
        to index or its tokens are built. Treat it as read-only."""
        if "tokens" in self.__dict__:
            return None
        index = self._prose.index()
        return None if index is None else index.words

    def token_index(self) -> TokenIndex | None:
        """The story's token index (`newslint.tokens.TokenIndex`), or None when the story is too
        long to index or its tokens are built (read those). Treat it as read-only."""
        if "tokens" in self.__dict__:
            return None
        return self._prose.index()

    def word_positions(self, texts: Collection[str]) -> tuple[TokenIndex, Sequence[int]] | None:
        """The story's token index and, ascending, the indices in it of the tokens whose text is
        one of `texts` (word texts): for a rule that reads only where its words are and what they
        are, so that a big file's many candidates are never built as tokens. None when the story
        is too long to index or its tokens are built (read those)."""
        if "tokens" in self.__dict__:
            return None
        index = self._prose.index()
        return None if index is None else (index, tokens_among(index, texts))

    def first_tokens(self) -> list[Token]:
        """The first token of each sentence (the ones with `sentence_start`), in order, without
        building the others: "does any sentence start in lowercase?" needs only these."""
        # Not kept: one rule asks, once per story in most, and building them again costs
        # nothing measurable (0.010 s of 1.6 s CPU over 500 BBC stories, kept or not), while a
        # big file's openers kept would stay held to the end of its check (19 MB for 10 MB).
        if "tokens" in self.__dict__:
            return [t for t in self.tokens if t.sentence_start]
        return self._prose.first_tokens()

    def word_before(self, tok: Token) -> Token | None:
        """The word token before `tok` (one of the document's tokens), or None: what
        `words()` holds just before it, read back from it in its sentence and those before it,
        without building the story's tokens."""
        i = bisect.bisect_right(self._sentence_starts, tok.span.start) - 1
        found = self._prose.last_word(self.sentences[i], tok.span.start) if i >= 0 else None
        while found is None and i > 0:
            i -= 1
            found = self._prose.last_word(self.sentences[i], self.sentences[i].end)
        return found

    @cached_property
    def _sentence_starts(self) -> array[int]:
        return offsets((s.start for s in self.sentences), len(self.text))

    @cached_property
    def _words(self) -> tuple[Token, ...]:
        return tuple(t for t in self.tokens if t.kind is TokenKind.WORD)

    @cached_property
    def _numbers(self) -> tuple[Token, ...]:
        return tuple(t for t in self.tokens if t.kind is TokenKind.NUMBER)

    @cached_property
    def _line_cases(self) -> dict[int, tuple[int, int]]:
        return {}

    @cached_property
    def derivations(self) -> dict[Callable[[Document], object], object]:
        """What `derived` has built, by builder: a hot caller reads `.get(build)` first, a lookup
        with no Python call, and calls `derived` only when that is None. Read-only."""
        return {}

    @cached_property
    def _selected(self) -> dict[LetterTest, AbstractSet[str]]:
        return {}

    @cached_property
    def word_bits(self) -> StoryBits:
        """The story's distinct words and their bits in the letter tests' memory, read once, on
        first use: every test's words are taken from these (`selected`), and the engine's
        triggers read whether a word is remembered to pass a test from their `union`. The
        words are read as the list the token index made of them, where it counted them.
        Most stories ask this first: their prose and its index are made here, and the index's
        counts kept as `word_counts`, in six Python calls where the chain through
        `word_counts` took nine."""
        fields = self.__dict__
        if "word_counts" not in fields and "tokens" not in fields and "_prose" not in fields:
            prose = self._prose
            if prose.index() is not None:
                fields["word_counts"] = prose._counts
                return StoryBits.read(prose._counted)  # type: ignore[arg-type]
        counts = self.word_counts
        return StoryBits.read(self._prose.counted_words(counts) if "_prose" in self.__dict__ else counts)

    def selected(self, test: LetterTest) -> AbstractSet[str]:
        """The story's distinct words that pass `test` (`test.select(doc.word_counts)`), kept for
        the story: taken from the words' bits read once for every test (`word_bits`), the test
        run on the words it has not met, when a rule first asks. Treat it as read-only."""
        kept = self._selected
        found = kept.get(test)
        if found is None:  # `select_kept` without its frame: one compiled call, most times
            story = self.word_bits
            found = SELECT_KEPT(test.kept_spec, story, KEPT_PENDING)
            if found is None:
                found = test.select_read(story)
            kept[test] = found
        return found

    def fired_gates(self, program: GateProgram) -> tuple[bool, ...]:
        """Which of `program`'s gates the story fires (`newslint.tokens.select_gates`), the words
        of each test a gate runs kept as `selected` keeps them: one call for every gate
        (`Linter._triggered` makes it inline)."""
        return select_gates(program, self.text, self._selected, self.word_bits)

    def selects_any(self, test: LetterTest) -> bool:
        """Whether a word of the story passes `test` (`bool(doc.selected(test))`), its new words
        tested only when none of those it remembers passes."""
        found = self._selected.get(test)
        if found is None:
            if test.remembered_in(self.word_bits):
                return True
            found = self.selected(test)
        return bool(found)

    def select_all(self, tests: Sequence[LetterTest]) -> None:
        """Select the words of each of `tests` (`selected`), from the words' bits read once."""
        for test in tests:
            self.selected(test)

    def derived(self, build: Callable[[Document], T]) -> T:
        """What `build` derives from this document, built on first use and shared by every rule
        that asks: a view several rules read (the lowercase word counts of the NL1 rules) is
        built once per story, not once per rule. `build` reads nothing but the document; treat
        what it returns as read-only."""
        cache = self.derivations
        if build in cache:
            return cache[build]  # type: ignore[return-value]
        value = cache[build] = build(self)
        return value

    @cached_property
    def _quoted(self) -> SpanSet:
        return SpanSet(self.quotations)

    @cached_property
    def _non_prose(self) -> SpanSet:
        return SpanSet([r.span for r in self.regions if r.kind is not RegionKind.TABLE])

    @cached_property
    def _tables(self) -> SpanSet:
        return SpanSet([r.span for r in self.regions if r.kind is RegionKind.TABLE])

    @cached_property
    def _sic(self) -> SpanSet:
        return SpanSet(self.sic)

    @cached_property
    def _not_prose(self) -> SpanSet:
        return SpanSet([r.span for r in self.regions])

    # --- reading the text -------------------------------------------------------------
    def slice(self, span: Span) -> str:
        return self.text[span.start : span.end]

    def words(self) -> Iterator[Token]:
        """Word tokens of the prose (tables, URLs and markup excluded)."""
        return iter(self._words)

    def numbers(self) -> Iterator[Token]:
        return iter(self._numbers)

    def line_case(self, offset: int) -> tuple[int, int]:
        """(letters, capitals) of the line that holds `offset` (`str.isalpha`, `str.isupper`),
        counted once per line: rules that leave lines written in capitals alone (wire slugs,
        data) ask it for each of many spans, and a file can be one long line."""
        text = self.text
        if len(text) <= LINE_SEARCHED:
            # a story's line found by two searches for its line breaks, kept by its start: no
            # index of the story's lines built and bisected (most stories that ask build it for
            # nothing else); a long text (a file can be one line) reads its line index
            start = text.rfind("\n", 0, max(offset, 0)) + 1
            case = self._line_cases.get(start)
            if case is None:
                end = text.find("\n", start)
                case = self._line_cases[start] = _case_of(text[start:end] if end >= 0 else text[start:])
            return case
        line = self.lines.line(offset)
        case = self._line_cases.get(line)
        if case is None:
            span = self.lines.line_span(line)
            case = self._line_cases[line] = _case_of(text[span.start : span.end])
        return case

    def body(self) -> Span:
        """Everything after the headline."""
        start = self.paragraphs[0].start if self.paragraphs else (self.headline.end if self.headline else 0)
        return Span(start, len(self.text))

    # --- predicates -------------------------------------------------------------------
    def is_quoted(self, span: Span) -> bool:
        return self._quoted.touches(span)

    def quotation_at(self, offset: int) -> Span | None:
        return self._quoted.containing(offset)

    def in_table(self, span: Span) -> bool:
        return self._tables.touches(span)

    def is_prose(self, span: Span) -> bool:
        """False when the span touches a URL, e-mail, handle, markup or a table."""
        return not self._not_prose.touches(span)

    def is_marked_sic(self, span: Span) -> bool:
        return self._sic.touches(span)

    def in_headline(self, span: Span) -> bool:
        return self.headline is not None and self.headline.contains(span)

    def regions_of(self, kind: RegionKind) -> Iterator[Span]:
        return (r.span for r in self.regions if r.kind is kind)

    @property
    def non_prose(self) -> SpanSet:
        return self._non_prose

    @property
    def tables(self) -> SpanSet:
        return self._tables


def _lines_of(doc: Document) -> LineIndex:
    """A document's `lines`, where `Document.assembled` was given none: built when first read
    (every reader reads the line starts), so that a story none reads costs no call for them."""
    return LineIndex(doc.text)


# The dataclass field's class default (None, read where the instance dict holds no `lines`),
# replaced by a non-data descriptor: an instance's own `lines` is read first, as before.
Document.lines = cached_property(_lines_of)  # type: ignore[assignment]
Document.lines.__set_name__(Document, "lines")  # type: ignore[attr-defined]
