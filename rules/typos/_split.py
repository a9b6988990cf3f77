"""A word split in two by a stray space ("govern ment", "gove rnment"): which pairs of
neighbouring lowercase words are one common word, and how sure that is. Shared by NL105, which
reports them, and NL101, which leaves their parts alone (one report per slip, with the join as
its suggestion, not a one-letter edit of each half).

Two words are one when written together they are a common word and English does not write them
as a pair (the pair table lacks them: "any more", "every day", "in to", "set up", "per cent" are
all common pairs, and left alone). The evidence grows when a part is no word at all ("ment") and
when the joined word reads with the words either side.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from types import ModuleType

from newslint import native as _chooser
from newslint.rules.typos import _pairs
from newslint.rules.typos._context import Context
from newslint.rules.typos._words import english, known_names, shipped_pair
from newslint.span import Span
from newslint.violation import Applicability

COMMON_RANK = 20000  # the joined word is one of the 20,000 commonest
MIN_JOINED = 5  # shorter joins ("a t", "o f") are other slips
# Two lowercase words with one space between them (each pair of neighbours: the second word is
# read by a look-ahead, so that it can open the next pair too). Not inside a hyphenated or
# apostrophised word, an abbreviation or a number.
_PAIR = re.compile(r"(?<![\w'’.\-/@])([a-z]+) (?=([a-z]+)(?![\w'’\-/@]|\.\w))")
_LEFT = re.compile(r"([A-Za-z]+) $")
_RIGHT = re.compile(r" ([A-Za-z]+)")


@dataclass(frozen=True)
class Join:
    """Two parts of one word written apart."""

    span: Span  # both parts and the space between them
    word: str  # the joined word, as written (lowercase)
    applicability: Applicability


def _is_word(part: str) -> bool:
    """A word a writer would put there on its own: a listed word or a name. A rare word ("ment",
    "rnment" is none) is too rare to stand against a common word its neighbour completes."""
    return part in english() or part.capitalize() in known_names()


def joins(
    text: str,
    accepts: frozenset[str] = frozenset(),
    start: int = 0,
    end: int | None = None,
    pairs: Iterable[tuple[int, int, int]] | None = None,
) -> Iterator[Join]:
    """The pairs of neighbouring lowercase words in `text` that are one common word split by a
    space: safe when a part is no word and the joined word makes a common pair with a
    neighbour; a guess (unsafe) when a part is no word; shown only (display-only) when both
    parts are words but neither makes a common pair with its neighbour and the join does.
    `pairs`: `pairs_to_join(text, start, end)` if found already."""
    words = english()
    if pairs is None:
        pairs = pairs_to_join(text, start, len(text) if end is None else end)
    for head_start, head_end, stop in pairs:
        head, tail = text[head_start:head_end], text[head_end + 1 : stop]
        word = head + tail
        if len(word) < MIN_JOINED or word not in words.words or words.frequency_rank(word) >= COMMON_RANK:
            continue
        if _pairs.count(head, tail) is not None or word in accepts or head in accepts or tail in accepts:
            continue  # "any more", "every day", "in to": English writes them apart too
        before = _LEFT.search(text, max(0, head_start - 30), head_start)
        after = _RIGHT.match(text, stop)
        context = Context(
            before.group(1).lower() if before else None, after.group(1).lower() if after else None
        )
        level = _how_sure(head, tail, word, context)
        if level is not None:
            yield Join(Span(head_start, stop), word, level)


def pairs_to_join(text: str, start: int, end: int) -> Iterable[tuple[int, int, int]]:
    """Where `_PAIR` matches in text[start:end]: (the first word's start, its end, the second
    word's end). Once the filter of the commonest words is built, the compiled scan
    (`split_pairs`) gives only the pairs whose join may be one of them (about one pair in a
    story, of hundreds): `joins` tests each as it tests every match."""
    compiled = _chooser.native
    # the filters once built read without a call (every story asks)
    found = (_FILTER[0] if _FILTER else _common_filter(compiled)) if compiled is not None else None
    if compiled is not None and found is not None:
        words, marks = found
        pairs: list[tuple[int, int, int]] = compiled.split_pairs(text, start, end, words, MIN_JOINED, marks)
        return pairs
    return ((m.start(1), m.end(1), m.end(2)) for m in _PAIR.finditer(text, start, end))


SCANS_BEFORE_FILTER = 20  # a check of a few stories does not read the word list to build it
_scans = 0


def _common_filter(compiled: ModuleType) -> tuple[bytes, bytes] | None:
    """The compiled filters of the `COMMON_RANK` commonest words, built once the run has asked
    for `SCANS_BEFORE_FILTER` scans: of the words (`edit_filter`), and of the letters about each
    split of those of `MIN_JOINED` letters or more (`split_marks`), which rules out most pairs
    before their join is hashed. Every word ranked below `COMMON_RANK` is among the list's first
    `COMMON_RANK` lines (tests/test_native.py)."""
    global _scans
    if _FILTER:
        return _FILTER[0]
    _scans += 1
    if _scans < SCANS_BEFORE_FILTER:
        return None
    listed = english()
    built = shipped_pair(FILTER_FILES) if listed.shipped else None
    if built is None:
        common = listed.top(COMMON_RANK)
        built = (compiled.edit_filter(common), compiled.split_marks(common, MIN_JOINED))
    _FILTER.append(built)
    return built


_FILTER: list[tuple[bytes, bytes]] = []

FILTER_FILES = ("common-edit-filter.bin", "common-split-marks.bin")
"""`_common_filter`'s filters of the shipped list (`edit_filter` and `split_marks` of its
`COMMON_RANK` commonest words), shipped beside it (scripts/build_table_data.py writes them; a
test rebuilds them and compares): building them cost every process of a `--jobs` run 25 M
instructions before its workers fork (measured), reading them 0.1 M. Missing: built."""


def prepare() -> None:
    """Build the filters of the commonest words now (`_common_filter`), as a run of many stories
    does in its first few (`Rule.prepare`)."""
    global _scans
    if _chooser.native is not None:
        _scans = max(_scans, SCANS_BEFORE_FILTER)
        _common_filter(_chooser.native)


def _how_sure(head: str, tail: str, word: str, context: Context) -> Applicability | None:
    words_head, words_tail = _is_word(head), _is_word(tail)
    head_fits = words_head and context.before is not None and _pairs.count(context.before, head) is not None
    tail_fits = words_tail and context.after is not None and _pairs.count(tail, context.after) is not None
    joined_fits = context.attested(word)
    if words_head and words_tail:
        # "news paper": both words, but neither reads with its neighbour and the join does
        return None if head_fits or tail_fits or not joined_fits else Applicability.DISPLAY_ONLY
    if head_fits or tail_fits:
        return Applicability.UNSAFE
    return Applicability.SAFE if joined_fits else Applicability.UNSAFE


REACH = 40  # a part's neighbour lies within this many characters


def joined_at(text: str, span: Span, accepts: frozenset[str] = frozenset()) -> bool:
    """The word at `span` is a part of a split word that NL105 reports."""
    nearby = joins(text, accepts, max(0, span.start - REACH), min(len(text), span.end + REACH))
    return any(j.span.start <= span.start and span.end <= j.span.end for j in nearby)
