"""Shared helpers for comparing story parts: fold away differences that do not change words."""

from __future__ import annotations

import re
import unicodedata
from collections import Counter
from collections.abc import Callable, Sequence

from newslint.document import Document
from newslint.native import native
from newslint.span import Span

_QUOTES = str.maketrans(
    {"‘": "'", "’": "'", "‚": "'", "‛": "'", "′": "'", "ʼ": "'", "“": '"', "”": '"', "„": '"', "″": '"'}
)
_DASHES = str.maketrans({"–": "-", "—": "-", "−": "-", "‐": "-", "‑": "-"})
_INVISIBLE = re.compile("[\u00ad\u200b\u200c\u200d\u2060\ufeff]")
_INVISIBLE_CHARS = "\u00ad\u200b\u200c\u200d\u2060\ufeff"
_STYLE_CHARS = tuple((chr(code), plain) for table in (_QUOTES, _DASHES) for code, plain in table.items())
# The white-space runs `normalise` folds to one space (by `str.split`: the same runs; the tests
# hold the two forms equal).
_SPACE = re.compile(r"\s+")
_NON_WORD = re.compile(r"\W+")


def fold_quotes(text: str) -> str:
    return text.translate(_QUOTES)


def normalise(text: str) -> str:
    """Compare-only form: NFKC, one quote and dash style, no invisible characters, single
    spaces, case-folded, trailing punctuation dropped. (ASCII text has no character that NFKC,
    the quote and dash styles or the invisible ones change, and case-folds as it lowercases:
    most stories take that shortcut.)"""
    if not text.isascii():
        for char in _INVISIBLE_CHARS:  # `_INVISIBLE.sub("", text)`: most texts hold none
            if char in text:
                text = _INVISIBLE.sub("", text)
                break
        text = unicodedata.normalize("NFKC", text)
        # `.translate(_QUOTES).translate(_DASHES)`, a character at a time through a dict (slow:
        # a big file's every paragraph is normalised), as one search a style character, and a
        # replace for those the text holds: each maps to an ASCII character that none maps.
        for char, plain in _STYLE_CHARS:
            if char in text:
                text = text.replace(char, plain)
    # `_SPACE.sub(" ", text).strip()`, without a regex scan of every character: `str.split`
    # reads the same Unicode white space as `\s`.
    return " ".join(text.split()).casefold().rstrip(".!?:;,'\" ")


def rough_key(text: str) -> str:
    """A cheap compare form, only letters and digits, case-folded: texts equal under
    `normalise` are equal under it, so it finds the few candidates worth normalising.
    The same as `_NON_WORD.sub("", text).casefold()`, character by character through a
    translation table (about three times faster: it runs on every sentence and paragraph). An
    ASCII text (most) goes through the byte tables instead, which the dict's table costs twice
    (`_mixed_start_at` says why they agree)."""
    if text.isascii():
        return text.encode("ascii").translate(_ASCII_FOLD, _ASCII_NON_WORD).decode("ascii")
    return text.translate(_ROUGH)


ROUGH_START = 16  # the letters and digits of a rough key that `rough_start` gives
_START_CHARS = 48  # the characters it reads first: most sentences hold 16 letters in them


def rough_start(text: str) -> str:
    """`rough_key(text)[:ROUGH_START]`, read from the text's first characters when they hold
    that many letters and digits (each character is keyed on its own, so the key of a start is
    the start of the key). Texts whose starts all differ have different keys: a story's
    sentences and paragraphs are told apart without keying each whole."""
    start = text[:_START_CHARS].translate(_ROUGH)
    if len(start) < ROUGH_START:
        start = text.translate(_ROUGH)
    return start[:ROUGH_START]


def repeated_starts(texts: list[str]) -> list[int]:
    """The indices, in order, of `texts` whose `rough_start` another of them shares: the only
    ones whose `rough_key` can be another's."""
    return _repeated([rough_start(text) for text in texts])


def repeated_starts_in(text: str, spans: Sequence[Span]) -> list[int]:
    """`repeated_starts([text[s.start : s.end] for s in spans])`, without slicing each span whole:
    only its first characters are keyed unless they hold too few letters. An ASCII story (most)
    is keyed by the compiled `repeated_starts` where it is built (`_ascii_repeated_starts`, its
    twin, says how); so is another, but for the spans whose start is not ASCII, which it keys by
    `_mixed_start_at` (a big file holds a curly quote somewhere: its every sentence was keyed
    in Python)."""
    if text.isascii():
        found: list[int] = _repeated_ascii(text, spans)
        return found
    if native is not None:
        found = native.repeated_starts(text, spans, _mixed_start_at)
        return found
    return _repeated_mixed(text, spans)


def _repeated_mixed(text: str, spans: Sequence[Span]) -> list[int]:
    """`repeated_starts_in`'s twin for a text not all ASCII (apart: its comprehension's cell was
    made at each of the two calls a story)."""
    return _repeated([_mixed_start_at(text, s.start, s.end) for s in spans])


def _ascii_repeated_starts(text: str, spans: Sequence[Span]) -> list[int]:
    """`repeated_starts_in` for an ASCII text, the pure-Python twin of the compiled
    `repeated_starts`: the text is keyed as bytes, through a byte table that lowercases the
    letters and deletes the non-word characters in one C-level call: what `rough_start` gives an
    ASCII text, and every key of the story is then bytes, so that keys compare as they would as
    strings. (A span's key is its first `ROUGH_START` word characters, lowercased.)"""
    raw = text.encode("ascii")
    fold, drop = _ASCII_FOLD, _ASCII_NON_WORD
    starts: list[bytes] = []
    for s in spans:
        start, end = s.start, s.end
        key = raw[start : min(end, start + _START_CHARS)].translate(fold, drop)
        if len(key) < ROUGH_START and end > start + _START_CHARS:
            key = raw[start:end].translate(fold, drop)
        starts.append(key[:ROUGH_START])
    return _repeated(starts)


_repeated_ascii: Callable[[str, Sequence[Span]], list[int]] = (
    _ascii_repeated_starts if native is None else native.repeated_starts
)


def _mixed_start_at(text: str, start: int, end: int) -> bytes:
    """`_rough_start_at` as UTF-8, for a story that is not all ASCII: a span whose start is
    ASCII (most, a curly quote or accent being rare) is keyed through the byte tables, not a
    character at a time through the dict. UTF-8 gives an ASCII key its ASCII bytes and tells
    different keys apart, so that the story's keys compare as the strings would."""
    piece = text[start : min(end, start + _START_CHARS)]
    if piece.isascii():
        key = piece.encode("ascii").translate(_ASCII_FOLD, _ASCII_NON_WORD)
        if len(key) >= ROUGH_START or end <= start + _START_CHARS:
            return key[:ROUGH_START]
    return _rough_start_at(text, start, end).encode("utf-8")


def _rough_start_at(text: str, start: int, end: int) -> str:
    """`rough_start(text[start:end])`, the span sliced whole only when its start is short."""
    key = text[start : min(end, start + _START_CHARS)].translate(_ROUGH)
    if len(key) < ROUGH_START and end > start + _START_CHARS:
        key = text[start:end].translate(_ROUGH)
    return key[:ROUGH_START]


def _repeated(starts: Sequence[str | bytes]) -> list[int]:
    counts = Counter(starts)
    if len(counts) == len(starts):
        return []  # every start its own (most stories)
    return [i for i, start in enumerate(starts) if counts[start] > 1]


# For ASCII text as bytes: the letters lowercased (an ASCII letter case-folds as it lowercases),
# and every byte that is no word character (`\W`: all but letters, digits and `_`) deleted.
_ASCII_FOLD = bytes.maketrans(bytes(range(65, 91)), bytes(range(97, 123)))
_ASCII_NON_WORD = bytes(c for c in range(128) if not (chr(c).isalnum() or c == 95)) + bytes(range(128, 256))


class _RoughTable(dict):
    """code point -> its case fold, or None (deleted) for a non-word character; filled on first
    sight of each character, and emptied if a strange text makes it large."""

    LIMIT = 20_000

    def __missing__(self, code: int) -> str | None:
        if len(self) >= self.LIMIT:
            self.clear()
        char = chr(code)
        folded = self[code] = None if _NON_WORD.match(char) else char.casefold()
        return folded


_ROUGH = _RoughTable()


def deletion_span(doc: Document, part: Span) -> Span:
    """The span that removes `part` together with the blank line or newline before it."""
    start = part.start
    while start > 0 and doc.text[start - 1] in " \t\r\n":
        start -= 1
    if start == 0:  # at the top: take the separator after it instead
        end = part.end
        while end < len(doc.text) and doc.text[end] in " \t\r\n":
            end += 1
        return Span(0, end)
    return Span(start, part.end)
