"""Direct quotations in every house style: where each one opens and closes.

The marks and the quotations they make:
- doubles: `"..."`, `“...”`, `„...“` and `„...”` (German, Polish), `«...»` and `»...«`,
  TeX and wire style ``` ``...'' ```, and `''...''` typed with two apostrophes;
- singles: `'...'`, `‘...’` (British copy quotes with singles and nests doubles inside),
  `‚...‘`, `‹...›` and `›...‹`, `` `...' ``.

Which way a mark points is read from its neighbours, as CommonMark reads emphasis: a mark with
a word after it and none before it opens (`said "We`, `said:"We`, `said,"We`), one with a word
before it and none after it closes (`news,"`). A curly or angled mark points one way by its
shape. Where the neighbours do not decide (`said:" We`, `a"b`), whether a quotation is open does.

An apostrophe is not a quotation mark: a mark between two letters or digits (`regime's`,
`don't`, `5'11`) is skipped before any of this, a mark before two figures (`'90s`, `’05`)
elides a century, a right mark before a word (`’Tis`) elides letters, and a pair around one
letter (`rock 'n' roll`) is an elision too. A single closing mark closes only an open
single quotation (`the farmers' union` closes nothing), and a single that crosses a double
quotation's edge was apostrophes.

Quotations are found per paragraph (a stray mark can never run past its paragraph). A
quotation still open at a paragraph's end is the convention of multi-paragraph quotes when the
next paragraph re-opens it with a mark of the same kind (every paragraph opens with a mark,
only the last closes); a double quotation is also kept to the paragraph's end when nothing
re-opens it (a quote whose closing mark was lost), a single one is then dropped (it was an
apostrophe: singles are apostrophes far more often than quotes). One paragraph can also hold a
run-on quote whose paragraphs were run together (`... figures. "This deal ...`): a mark that
opens after a sentence's end while a quotation of its kind is open ends that one and opens the
next. Elsewhere such a mark opens a quotation inside the open one (`"They may find a "white
knight" soon," he said`), unless it follows a full stop or comma with no space (`profound."He
called`: a closing mark that lost its space). A quotation that never closes but holds one of
its own kind was a stray mark: it ends where the inner one opens.

Every step reads a mark and its two neighbours, so finding the quotations is linear in the
text: a file of thousands of stories can be one paragraph.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence

from newslint.document import SpanSet
from newslint.native import native
from newslint.span import Span

DOUBLE, SINGLE = 0, 1
MAX_DEPTH = 3  # a quote in a quote in a quote; deeper marks are strays

# The marks, one character each (a doubled `` ` `` or `'` is read as one TeX mark in the loop);
# apostrophes between two word characters (`regime's`, `don't`, `5'11`) are left out by the
# pattern itself. Written mark-first, the look-behind after the mark: the regex engine then
# jumps from mark to mark.
_MARK = re.compile(r"[\"“”„‟«»‹›‚‛`'’‘](?:(?<=[\"“”„‟«»‹›‚‛`])|(?<!\w.)|(?!\w))")
# The same marks of an ASCII text (97% of the corpora's stories), which can hold no other: the
# engine tests a character against three in one step, against the sixteen above in many (half
# the cost of finding the quotations was the search for marks).
_ASCII_MARK = re.compile(r"[\"`'](?:(?<=[\"`])|(?<!\w.)|(?!\w))")
_CENTURY_ELIDED = re.compile(r"\d\d(?:s|’s|'s)?(?!\w)")

# kind -> (family, closers, how it points: "open", "close" or "" when its neighbours decide)
_KINDS: dict[str, tuple[int, frozenset[str], str]] = {
    '"': (DOUBLE, frozenset('"”'), ""),
    "''": (DOUBLE, frozenset(["''", '"', "”"]), ""),
    "“": (DOUBLE, frozenset('”“"'), "open"),
    "„": (DOUBLE, frozenset('“”"'), "open"),
    "‟": (DOUBLE, frozenset('”"'), "open"),
    "``": (DOUBLE, frozenset(["''", '"', "”"]), "open"),
    "«": (DOUBLE, frozenset("»"), "open"),
    "»": (DOUBLE, frozenset("«»"), "guillemet"),
    "”": (DOUBLE, frozenset(), "close"),
    "'": (SINGLE, frozenset("'’"), ""),
    "‘": (SINGLE, frozenset("’'"), "open"),
    "‚": (SINGLE, frozenset("‘’'"), "open"),
    "‛": (SINGLE, frozenset("’'"), "open"),
    "`": (SINGLE, frozenset("'’"), "open"),
    "‹": (SINGLE, frozenset("›"), "open"),
    "›": (SINGLE, frozenset("‹›"), "guillemet"),
    "’": (SINGLE, frozenset(), "close"),
}
_GUILLEMETS = frozenset("«»‹›")
_OPENING_PUNCTUATION = frozenset("([{—–-/\"“‘'")
_SINGLE_OPENS_AFTER = _OPENING_PUNCTUATION | frozenset(":,;")
_NO_OPEN_AFTER = frozenset("=")
_ENDS_CLAUSE = frozenset(".?!,;")
_CLOSING_AFTER_END = frozenset(")]'\"’”»›")
# What a sentence ends with, so that a mark after it and a space re-opens a run-on quotation.
_SENTENCE_END = frozenset(".?!…:")


def quotations(
    text: str,
    headline: Span | None,
    paragraphs: Sequence[Span],
    markdown: bool = False,
    not_prose: SpanSet | None = None,
) -> list[Span]:
    """The direct quotations of a story, quote marks included, sorted by start; a quotation
    nested in another lies inside it, and no two cross. Marks inside `not_prose` (URLs, code,
    markup) are not a quotation's edges (`href="..."`)."""
    blocked = not_prose if not_prose else None
    parts = paragraphs if headline is None else [headline, *paragraphs]
    first = len(parts) - len(paragraphs)  # where the paragraphs start in `parts`
    if native is not None:  # `_quotations` in C (its loop took 13 K instructions a mark)
        spans = blocked.spans if blocked is not None else ()
        found: list[Span] = native.quotation_spans(text, Span, parts, first, markdown, spans)
    else:
        found = _quotations(text, parts, first, markdown, blocked)
    found.sort()
    return found


def _quotations(
    text: str, parts: Sequence[Span], first: int, markdown: bool, blocked: SpanSet | None
) -> list[Span]:
    """The quotations of `parts` (the paragraphs from `first` on), unsorted (the twin of
    `newslint._native.quotation_spans`)."""
    found: list[Span] = []
    last = len(parts) - 1
    for k, at in _marks(text, parts):
        # the headline has no following paragraph, nor has the last paragraph
        following = parts[k + 1] if first <= k < last else None
        found.extend(_in_part(text, parts[k], following, markdown, blocked, at))
    return found


def _marks(text: str, parts: Sequence[Span]) -> list[tuple[int, list[int]]]:
    """For each of the parts that holds a quotation mark, its index and the marks' offsets
    (the twin of `newslint._native.quote_marks`)."""
    found = []
    ascii = text.isascii()
    marks = _ASCII_MARK if ascii else _MARK
    has_mark, find = marks.search, text.find
    for k, (start, end) in enumerate(parts):
        if ascii:
            # `"` and `` ` `` are always marks, `'` only where the pattern says: substring
            # searches first (a pattern's search costs several times as much to start)
            if (
                find('"', start, end) < 0
                and find("`", start, end) < 0
                and (find("'", start, end) < 0 or not has_mark(text, start, end))
            ):
                continue
        elif not has_mark(text, start, end):
            continue  # most paragraphs (seven in eight of the corpora's) hold no quotation mark
        found.append((k, [m.start() for m in marks.finditer(text, start, end)]))
    return found


class _Open:
    """A quotation opened and not yet closed."""

    __slots__ = ("start", "kind", "family", "closers", "nested_at")

    def __init__(self, start: int, kind: str, family: int, closers: frozenset[str]) -> None:
        self.start, self.kind, self.family, self.closers = start, kind, family, closers
        self.nested_at: int | None = None  # where the first quotation of its own kind inside it opens

    def cut_short(self, at: int) -> Span:
        """The quotation when it ends unclosed at `at`. One that never closed but holds a
        quotation of its own kind was most likely a stray mark: it ends where that one opens
        (`the "Father of the House"` after a stray mark is a quotation of its own)."""
        return Span(self.start, self.nested_at if self.nested_at is not None else at)


def _in_part(
    text: str,
    part: Span,
    following: Span | None,
    markdown: bool,
    blocked: SpanSet | None,
    at: Iterable[int],
) -> Iterable[Span]:
    """The quotations of one paragraph (or the headline) whose quotation marks start `at`;
    `following` is the next paragraph."""
    start, end = part
    stack: list[_Open] = []
    skip_to = start
    for i in at:
        if i < skip_to:
            continue  # the second half of a TeX mark
        kind, j = _whole_mark(text, i, end)
        if j > i + 1:
            skip_to = j
        if markdown and kind[0] == "`" or blocked is not None and blocked.touches_range(i, j):
            continue  # Markdown code, not a TeX quote; a mark in a URL, markup or a table
        before = text[i - 1] if i > start else " "
        after = text[j] if j < end else " "
        family, closers, points = _KINDS[kind]
        if family == SINGLE and not before.isalnum():
            elided = _elision_end(text, j, end, kind, before, after)
            if elided is not None:
                skip_to = elided
                continue
        if (
            not points
            and not before.isspace()
            and (after.isalnum() and before.isalnum() or _possessive(text, j, end))
        ):
            continue  # `don"t`, `Bank>"s`: a mark typed for an apostrophe, not a quotation's edge
        opens, closes = _flanking(before, after)
        if before == ":" and points != "close":
            opens = True  # `said:" We`, `said:“ We`: a colon introduces a quotation
        # Closing: the innermost open quotation, or a double through singles left open inside
        # it (they were apostrophes). `”` and guillemets close whatever follows them.
        if stack and (closes or kind == "”" or kind in _GUILLEMETS):
            depth = _closable(stack, kind, family)
            if depth is not None:
                opened = stack[depth].start
                del stack[depth:]
                yield Span(opened, j)
                continue
        if not _may_open(kind, points, opens, closes, before, after):
            continue
        top = stack[-1] if stack else None
        if top is not None and top.family == family:
            if kind == top.kind and _after_sentence_end(text, i, start):
                # a run-on quote re-opened at each of its paragraphs, run together into one
                del stack[-1]
                yield top.cut_short(i)
            elif family == SINGLE:
                continue  # singles do not nest in singles: an elision (`'em`)
            elif not points and kind in top.closers and before in _ENDS_CLAUSE:
                # a closing mark that lost the space after it (`profound."He called`)
                del stack[-1]
                yield Span(top.start, j)
                continue
            elif top.nested_at is None:
                top.nested_at = i
        if len(stack) < MAX_DEPTH:
            stack.append(_Open(i, kind, family, closers))
    yield from _left_open(text, stack, end, following)


def _whole_mark(text: str, i: int, end: int) -> tuple[str, int]:
    """The mark at `i` and where it ends: two backticks or apostrophes make one TeX mark."""
    kind, j = text[i], i + 1
    if kind in "`'" and j < end and text[j] == kind:
        return kind * 2, j + 1
    return kind, j


def _flanking(before: str, after: str) -> tuple[bool, bool]:
    """Whether a mark between `before` and `after` can open (a word or mark after it, not a
    word before it with punctuation after) and can close (the mirror image). Both: `a"b`;
    neither: a mark between two spaces, which the state decides."""
    if after.isspace():
        if before.isspace():
            return True, True
        return False, True
    if before.isspace():
        return True, False
    after_word, before_word = after.isalnum(), before.isalnum()
    opens = after_word or not before_word
    closes = before_word or not after_word
    return opens, closes


def _may_open(kind: str, points: str, opens: bool, closes: bool, before: str, after: str) -> bool:
    if points == "close":
        return False  # ” and ’ never open (`’Tis`, `’90s` are apostrophes)
    if points == "guillemet":
        # » and › open only as the German and Danish openers: before a word, or after a colon
        return before == ":" or opens and not closes and after.isalnum()
    if points == "open":
        # a curly or angled opener opens unless it closes a word (German `„gut“` is closed
        # above; `word“ ` alone is a stray); guillemets may stand apart (`« Bonjour »`)
        return not (closes and not opens) or kind in _GUILLEMETS and after.isspace()
    # A straight mark opens after a space, a bracket, a dash, a mark, or the `:` and `,` of
    # `said:"We`; not after `=` (`face="arial"` is markup); a single not after a word's full
    # stop either (`R.E.M.'s`, a possessive).
    if not opens or before in _NO_OPEN_AFTER:
        return False
    return kind != "'" or before.isspace() or before in _SINGLE_OPENS_AFTER


def _closable(stack: list[_Open], kind: str, family: int) -> int | None:
    """The depth of the open quotation that `kind` closes, or None. A single closes only the
    innermost quotation; a double also closes through singles open inside it."""
    for depth in range(len(stack) - 1, -1, -1):
        open_family = stack[depth].family
        if open_family == family and kind in stack[depth].closers:
            return depth
        if family == SINGLE or open_family == DOUBLE:
            return None
    return None


def _elision_end(text: str, j: int, end: int, kind: str, before: str, after: str) -> int | None:
    """Where the apostrophes end when a single mark that ends at `j` (no word before it)
    elides: `'90s`, `’05`, `’Tis`, and `'n'` in `rock 'n' roll` (both its marks); or None."""
    if after.isdigit():
        return j if _CENTURY_ELIDED.match(text, j, end) else None
    if (
        after.isalpha()
        and j + 2 <= end
        and text[j + 1] in "'’"
        and (j + 2 == end or not text[j + 2].isalnum())
    ):
        return j + 2
    if kind == "’" and after.isalpha() and (before.isspace() or before in _OPENING_PUNCTUATION):
        return j
    return None


def _possessive(text: str, j: int, end: int) -> bool:
    """Whether an `s` that ends a word follows the mark that ends at `j` (`R.E.M.'s`)."""
    return j < end and text[j] in "sS" and (j + 1 == end or not text[j + 1].isalnum())


def _after_sentence_end(text: str, i: int, start: int) -> bool:
    """Whether the mark at `i` follows a space after a sentence's end (`figures. "This`), or
    after a quotation or bracket that ends one (`interesting.' "My`)."""
    k = i - 1
    if k < start or not text[k].isspace():
        return False
    while k > start and text[k].isspace():
        k -= 1
    while k > start and text[k] in _CLOSING_AFTER_END:
        k -= 1
    return text[k] in _SENTENCE_END


def _left_open(text: str, stack: list[_Open], end: int, following: Span | None) -> Iterable[Span]:
    """The quotations still open at the paragraph's end. They run to its end when the next
    paragraph re-opens them (the multi-paragraph convention); otherwise a double one still
    does (its closing mark was lost; see `_Open.cut_short`) and a single one was an apostrophe."""
    if not stack:
        return
    reopened = _reopening_family(text, following)
    for q in stack:
        if q.family == reopened:
            yield Span(q.start, end)
        elif q.family == DOUBLE:
            yield q.cut_short(end)
        else:
            return  # a single left open was an apostrophe, and so was anything inside it


def _reopening_family(text: str, following: Span | None) -> int | None:
    """The family of the mark that opens the next paragraph, if one does."""
    if following is None:
        return None
    m = _MARK.match(text, following.start, following.end)
    if not m:
        return None
    kind, j = _whole_mark(text, m.start(), following.end)
    family, _, points = _KINDS[kind]
    after = text[j] if j < following.end else " "
    return family if points != "close" and (after.isalnum() or after.isspace()) else None
