"""The document model: one immutable story text and the spans of its parts.

`Document` is pure data; `newslint.segment.parse` builds it. Rules read it through the
iterators and predicates below and never copy or pad the text, so every span they report
is an offset into `Document.text`.
"""
from __future__ import annotations

import bisect
from collections.abc import Iterator, Sequence
from dataclasses import dataclass, field
from enum import Enum
from typing import NamedTuple

from newslint.span import LineIndex, Span


class TokenKind(Enum):
    WORD = "word"  # letters, with inner apostrophes or hyphens: regime's, al-Qaeda
    NUMBER = "number"  # digits, with inner separators: 450.000, 1,234, 5:50
    MIXED = "mixed"  # letters and digits together: F-16s, 5pm, A-10s, COVID-19


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
    kind: RegionKind
    span: Span


def _sorted_spans(spans: Sequence[Span]) -> tuple[Span, ...]:
    return tuple(sorted(spans))


class SpanSet:
    """Sorted, non-overlapping spans with a fast 'does this span touch one of them' test."""

    __slots__ = ("spans", "_starts", "_ends")

    def __init__(self, spans: Sequence[Span]) -> None:
        merged: list[Span] = []
        for s in sorted(spans):
            if merged and s.start <= merged[-1].end:
                last = merged[-1]
                merged[-1] = Span(last.start, max(last.end, s.end))
            else:
                merged.append(s)
        self.spans = tuple(merged)
        self._starts = [s.start for s in merged]
        self._ends = [s.end for s in merged]

    def touches(self, span: Span) -> bool:
        """True when `span` overlaps a member (an insertion counts when strictly inside one)."""
        if not self._starts:
            return False
        if span.end == span.start:
            i = bisect.bisect_right(self._starts, span.start)
            for j in (i - 1, i - 2):
                if 0 <= j < len(self.spans) and self.spans[j].overlaps(span):
                    return True
            return False
        return self.touches_range(span.start, span.end)

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

    def __iter__(self) -> Iterator[Span]:
        return iter(self.spans)

    def __len__(self) -> int:
        return len(self.spans)


@dataclass(frozen=True)
class Document:
    text: str
    path: str = "-"
    format: str = "text"  # "text" | "markdown"
    headline: Span | None = None
    dateline: Span | None = None
    paragraphs: tuple[Span, ...] = ()  # body paragraphs, headline excluded
    sentences: tuple[Span, ...] = ()
    tokens: tuple[Token, ...] = ()  # words and numbers of the prose, in order
    quotations: tuple[Span, ...] = ()  # direct quotations, quote marks included
    regions: tuple[Region, ...] = ()  # non-prose stretches
    sic: tuple[Span, ...] = ()  # words marked [sic]
    lines: LineIndex = field(default=None, repr=False)  # type: ignore[assignment]
    _quoted: SpanSet = field(default=None, repr=False)  # type: ignore[assignment]
    _non_prose: SpanSet = field(default=None, repr=False)  # type: ignore[assignment]
    _tables: SpanSet = field(default=None, repr=False)  # type: ignore[assignment]
    _sic: SpanSet = field(default=None, repr=False)  # type: ignore[assignment]
    _not_prose: SpanSet = field(default=None, repr=False)  # type: ignore[assignment]
    _by_kind: dict = field(default=None, repr=False, compare=False)  # type: ignore[assignment]

    def __post_init__(self) -> None:
        set_ = object.__setattr__
        if self.lines is None:
            set_(self, "lines", LineIndex(self.text))
        set_(self, "_quoted", SpanSet(self.quotations))
        set_(self, "_non_prose", SpanSet([r.span for r in self.regions if r.kind is not RegionKind.TABLE]))
        set_(self, "_tables", SpanSet([r.span for r in self.regions if r.kind is RegionKind.TABLE]))
        set_(self, "_sic", SpanSet(self.sic))
        set_(self, "_not_prose", SpanSet([r.span for r in self.regions]))
        set_(self, "_by_kind", {})

    # --- reading the text -------------------------------------------------------------
    def slice(self, span: Span) -> str:
        return self.text[span.start : span.end]

    def words(self) -> Iterator[Token]:
        """Word tokens of the prose (tables, URLs and markup excluded)."""
        return iter(self._of_kind(TokenKind.WORD))

    def numbers(self) -> Iterator[Token]:
        return iter(self._of_kind(TokenKind.NUMBER))

    def _of_kind(self, kind: TokenKind) -> tuple[Token, ...]:
        # Many rules walk the words: filter the tokens once per document, not once per rule.
        cached = self._by_kind.get(kind)
        if cached is None:
            cached = self._by_kind[kind] = tuple(t for t in self.tokens if t.kind is kind)
        return cached

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
