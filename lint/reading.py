"""The repaired reading of a story: its text with the character damage undone, and the offset
map between that reading and the original.

Scraped copy arrives with damage that changes what its words are: `doesn #39;t` (an entity
that lost its `&`) is the word "doesn't", `&lt;FONT face=verdana&gt;` is markup and its
attribute words are no prose, `second\\team` is two words. A rule that judged the damaged
characters would misread them (`doesn` -> `does` turns a negative into a positive), so the
engine reads the story as an editor does before any word is judged:

1. `newslint.repairs.find_repairs` finds the damage in the original text as non-overlapping
   `Repair`s (span, replacement, kind, safe): what an editor would type in its place.
2. `Reading(original, repairs)` applies the safe ones. `Reading.text` is the repaired text;
   the map is piecewise: outside a repair both texts agree character for character, and a
   repaired stretch maps to its replacement as a whole.
3. The rules that find the damage (NL52x, `Rule.reads_original`) read the original document
   and report the repairs as their fixes; every other rule reads a document parsed from the
   reading, and the engine maps its spans and fix edits back with `span_to_original` and
   `edits_to_original`. A span that ends inside a repaired stretch widens to the stretch's
   edges, so a word fix over `doesn #39;t` replaces the whole damaged stretch with clean text.

A story without damage has no repairs: its reading is the original (`changed` is False), the
engine parses it once and maps nothing.

Example: the original `Iraq #39;s oil` has one repair, `' #39;'` -> `"'"` at 4..9; the reading
is `Iraq's oil`; the reading's span of `Iraq's` (0..6) maps back to 0..10, and an edit that
replaces `oil` (7..10 in the reading) maps to 11..14.
"""

from __future__ import annotations

import bisect
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from newslint.span import Span
from newslint.violation import Edit, Fix


@dataclass(frozen=True, slots=True)
class Repair:
    """One stretch of character damage in the original text and what an editor would type for it.

    `safe`: the repair is certain; it is part of the reading and a safe fix. An unsafe repair (a
    guess) is reported as an unsafe fix and the reading keeps the original characters.
    `detail` says what was found, for the reporting rule's message."""

    span: Span
    content: str
    kind: str  # "entity", "markup", "mojibake", "invisible", "backslash"
    safe: bool = True
    detail: str = ""


class _Pieces:
    """The repaired stretches as parallel sorted offset lists, in both texts: repair i covers
    `src[i]..src_end[i]` in one text and `dst[i]..dst_end[i]` in the other."""

    __slots__ = ("src", "src_end", "dst", "dst_end", "src_len", "dst_len")

    def __init__(
        self,
        src: list[int],
        src_end: list[int],
        dst: list[int],
        dst_end: list[int],
        src_len: int,
        dst_len: int,
    ) -> None:
        self.src, self.src_end, self.dst, self.dst_end = src, src_end, dst, dst_end
        self.src_len, self.dst_len = src_len, dst_len

    def inverse(self) -> _Pieces:
        return _Pieces(self.dst, self.dst_end, self.src, self.src_end, self.dst_len, self.src_len)

    def start(self, at: int) -> int:
        """Where a span starting at `at` starts in the other text: a start inside (or at the start
        of) a repaired stretch moves to the stretch's start; a start just after stretches that
        are empty here (deleted markup) moves past them."""
        i = bisect.bisect_right(self.src_end, at)  # the first stretch that ends after `at`
        if i < len(self.src) and self.src[i] <= at:
            return self.dst[i]
        if i == 0:
            return at
        return self.dst_end[i - 1] + (at - self.src_end[i - 1])

    def end(self, at: int) -> int:
        """Where a span ending at `at` ends in the other text: an end inside (or at the end of) a
        repaired stretch moves to the stretch's end; an end just before stretches that are empty
        here stays before them."""
        j = bisect.bisect_left(self.src, at)  # the first stretch that starts at or after `at`
        if j > 0 and self.src[j - 1] < at <= self.src_end[j - 1]:
            return self.dst_end[j - 1]
        if j == len(self.src):
            return self.dst_len - (self.src_len - at)
        return self.dst[j] - (self.src[j] - at)

    def span(self, span: Span) -> Span:
        """`span` in the other text, widened to the edges of the stretches it starts or ends in."""
        start, end = self.widen(span.start, span.end)
        if start == end:
            at = self.start(start)
            return Span(at, at)
        return Span(self.start(start), self.end(end))

    def widen(self, start: int, end: int) -> tuple[int, int]:
        """`start..end` widened to the edges of the stretches that it starts or ends strictly
        inside (an empty range strictly inside a stretch takes the whole stretch)."""
        i = bisect.bisect_right(self.src, start) - 1
        if i >= 0 and self.src[i] < start < self.src_end[i]:
            start = self.src[i]
        j = bisect.bisect_left(self.src_end, end)
        if j < len(self.src) and self.src[j] < end < self.src_end[j]:
            end = self.src_end[j]
        return start, end


class Reading:
    """A text with its safe repairs applied, and the map between the two texts.

    Offsets in the reading map to the original with `span_to_original` (widened to the edges of
    any repaired stretch the span starts or ends inside) and edits with `edits_to_original`;
    `span_to_reading` maps the other way."""

    __slots__ = ("original", "text", "repairs", "_to_original", "_to_reading")

    def __init__(self, original: str, repairs: Iterable[Repair] = ()) -> None:
        self.original = original
        # a clean story's empty tuple skips the sort's generator and key function
        self.repairs = tuple(sorted((r for r in repairs if r.safe), key=lambda r: r.span)) if repairs else ()
        if not self.repairs:  # most stories: the reading is the original, and nothing is mapped
            # (the maps are left unset: every reader of them asks for repairs first)
            self.text = original
            return
        out: list[str] = []
        src, src_end, dst, dst_end = [], [], [], []
        cursor = length = 0
        for r in self.repairs:
            if r.span.start < cursor or r.span.start == r.span.end:
                raise ValueError(f"repairs overlap or are empty at {r.span}")
            out.append(original[cursor : r.span.start])
            length += r.span.start - cursor
            src.append(length)
            out.append(r.content)
            length += len(r.content)
            src_end.append(length)
            dst.append(r.span.start)
            dst_end.append(r.span.end)
            cursor = r.span.end
        out.append(original[cursor:])
        self.text = "".join(out) if self.repairs else original
        self._to_original = _Pieces(src, src_end, dst, dst_end, len(self.text), len(original))
        self._to_reading = self._to_original.inverse()

    @property
    def changed(self) -> bool:
        """Whether the reading differs from the original (a story with certain damage)."""
        return bool(self.repairs)

    # --- reading -> original ------------------------------------------------------------
    def span_to_original(self, span: Span) -> Span:
        """The original stretch that the reading's `span` was read from: whole repaired stretches
        wherever the span starts or ends inside one."""
        return self._to_original.span(span) if self.repairs else span

    def edits_to_original(self, edits: Sequence[Edit]) -> tuple[Edit, ...]:
        """The reading's `edits` as edits of the original. An edit that starts or ends inside a
        repaired stretch takes the whole stretch, and its content the stretch's repaired text
        around it; edits that then overlap are merged into one."""
        if not self.repairs:
            return tuple(edits)
        to_original, reading = self._to_original, self.text
        groups: list[tuple[int, int, list[Edit]]] = []  # wide start, wide end, edits (reading offsets)
        for edit in sorted(edits, key=lambda e: (e.span.start, e.span.end)):
            start, end = to_original.widen(edit.span.start, edit.span.end)
            if groups and (start < groups[-1][1] or start == groups[-1][1] == groups[-1][0]):
                first, last, members = groups[-1]
                groups[-1] = (first, max(last, end), [*members, edit])
            else:
                groups.append((start, end, [edit]))
        out = []
        for start, end, members in groups:
            parts, cursor = [], start
            for edit in members:
                parts.append(reading[cursor : edit.span.start])
                parts.append(edit.content)
                cursor = edit.span.end
            parts.append(reading[cursor:end])
            span = self.span_to_original(Span(start, end))
            out.append(Edit(span, "".join(parts)))
        return tuple(out)

    def fix_to_original(self, fix: Fix) -> Fix:
        if not self.repairs:
            return fix
        return Fix(fix.title, self.edits_to_original(fix.edits), fix.applicability)

    # --- original -> reading ------------------------------------------------------------
    def span_to_reading(self, span: Span) -> Span:
        """Where the original's `span` reads in the reading (widened like `span_to_original`)."""
        return self._to_reading.span(span) if self.repairs else span
