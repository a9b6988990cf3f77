"""Spans over the one immutable story text, and offset -> line/column conversion.

Every part of a story (headline, sentence, token, quotation) and every fix edit is a
`Span` into `Document.text`: a half-open range of code-point offsets (Python `str` indices).
"""

from __future__ import annotations

import bisect
from array import array
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from typing import Any, NamedTuple

from newslint.native import native

# The largest offset a 4-byte array element holds; a longer text's offsets take 8 bytes each.
_INT32_LIMIT = 2**31 - 1


def offsets(values: Iterable[int], length: int) -> array[int]:
    """Offsets into a text of `length` characters as a compact array: 4 bytes each (8 past
    2**31) instead of a list's pointer and int object, 36 bytes. A big file holds millions of
    them (line starts, sentence starts, runs of digits); arrays bisect and index like lists."""
    return array("i" if length <= _INT32_LIMIT else "q", values)


class _SpanFields(NamedTuple):
    start: int
    end: int  # exclusive


class Span(_SpanFields):
    """A half-open range [start, end) of the text. A named tuple, so spans are immutable,
    hashable and ordered by (start, end), and cheap to build: parsing makes one per word."""

    __slots__ = ()

    def __new__(cls, start: int, end: int) -> Span:
        if not 0 <= start <= end:
            raise ValueError(f"invalid span {start}..{end}")
        return tuple.__new__(cls, (start, end))

    def __reduce__(self) -> tuple[object, ...]:
        # unpickled by `tuple.__new__`, in C: checked once, when made (a parallel run's
        # workers send back every diagnostic's spans, which its parent unpickles)
        return tuple.__new__, (Span, (self.start, self.end))

    def __len__(self) -> int:
        return self.end - self.start

    def overlaps(self, other: Span) -> bool:
        """True when the two spans share a character, or an empty span sits strictly inside."""
        if self.start == self.end:
            return other.start < self.start < other.end
        if other.start == other.end:
            return self.start < other.start < self.end
        return self.start < other.end and other.start < self.end

    def contains(self, other: Span) -> bool:
        return self.start <= other.start and other.end <= self.end


@dataclass(frozen=True, slots=True)
class Position:
    """A place in a text, as reports show it."""

    line: int  # 1-based
    column: int  # 1-based, in code points
    offset: int  # 0-based code-point offset into the text


class LineIndex:
    """Line starts of a text, for converting offsets to 1-based line and column numbers."""

    def __init__(self, text: str) -> None:
        self.starts = line_offsets(text)
        self.length = len(text)

    def position(self, offset: int) -> Position:
        offset = max(0, min(offset, self.length))
        line = bisect.bisect_right(self.starts, offset) - 1
        return Position(line + 1, offset - self.starts[line] + 1, offset)

    def line(self, offset: int) -> int:
        """`position(offset).line` without building the Position (rules ask it of many spans)."""
        return bisect.bisect_right(self.starts, max(0, min(offset, self.length)))

    def line_span(self, line: int) -> Span:
        """The span of 1-based `line`, without its newline."""
        start = self.starts[line - 1]
        end = self.starts[line] - 1 if line < len(self.starts) else self.length
        return Span(start, end)

    def __len__(self) -> int:
        return len(self.starts)


class LazyLineIndex(LineIndex):
    """A `LineIndex` whose line starts are found when first read: a story's check reads them in
    two stories of three (NL204's line case, a table's rows, a reporter's positions), and one
    that never does costs no scan of its line breaks."""

    def __init__(self, text: str) -> None:
        self._text = text
        self.length = len(text)

    def __getattr__(self, name: str) -> Any:  # called only while `starts` is not yet set
        if name != "starts":
            raise AttributeError(name)
        LineIndex.__init__(self, self._text)
        return self.starts


def line_offsets(text: str) -> array[int]:
    """Where each line of `text` starts, as `offsets`: found in one compiled pass where
    `newslint._native` is (the generator below yields once a line, 8% of parsing a story)."""
    if native is None:
        return offsets(_line_starts(text), len(text))
    starts = offsets((), len(text))
    starts.frombytes(native.line_starts(text, starts.itemsize))
    return starts


def _line_starts(text: str) -> Iterator[int]:
    yield 0
    find = text.find
    i = find("\n")
    while i != -1:
        yield i + 1
        i = find("\n", i + 1)
