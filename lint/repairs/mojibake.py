"""Text encoded as UTF-8 and decoded as Windows-1252 or Latin-1 on its way (`Â£` for `£`,
`â€™` for `’`), repaired by ftfy.

ftfy repairs a whole string and explains its steps for the string as a whole
(`fix_and_explain`), not where each repair lies; so only the lines that hold a suspect pair of
characters are handed to `ftfy.fix_encoding`, which reverses only a mis-decoding it can verify
byte for byte (correct accented text such as `SÃO PAULO` in capitals or `naïve` is left alone,
curly quotes stay curly), and the differences between a line and its repair are the repairs.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from newslint.document import Document
from newslint.reading import Repair
from newslint.span import Span

# UTF-8 read as Windows-1252 or Latin-1 leaves one of these lead characters before a second
# character from the upper half of the code page; only such lines are handed to ftfy.
_LEADS = "ÂÃÄÅÆÇÐÑÒÓÔÕÖØÙÚÛÜÝÞßâãäåæçèéêëìíîïðñòóôõöøùúûüýþÿ"
_SUSPECT = re.compile(
    rf"[{_LEADS}][\u0080-\u00ff\u0152\u0153\u0160\u0161\u0178\u017d\u017e\u0192\u02c6\u02dc\u2013-\u203a\u20ac\u2122]"
)
_LEAD_CHARACTERS = tuple(_LEADS)


def _suspect(text: str) -> bool:
    """`_SUSPECT.search(text)` finds a match: first a look for each lead character (`str`'s
    search for one character, which the pattern's scan, a test of each character of the story,
    cost three times; most stories that are not ASCII hold none)."""
    return any(map(text.__contains__, _LEAD_CHARACTERS)) and _SUSPECT.search(text) is not None


def find(doc: Document) -> Iterator[Repair]:
    text = doc.text
    if text.isascii() or not _suspect(text):
        return  # an ASCII story (no scan: str knows) or one scan settles almost every story
    for n in range(1, len(doc.lines) + 1):
        line = doc.lines.line_span(n)
        if not _SUSPECT.search(text, line.start, line.end):
            continue
        import ftfy  # imported on first suspect line: it costs a tenth of a second at start-up

        for piece in _prose_pieces(doc, line):
            original = text[piece.start : piece.end]
            repaired = ftfy.fix_encoding(original)
            if repaired != original:
                yield from _differences(doc, piece.start, original, repaired)


def _prose_pieces(doc: Document, line: Span) -> Iterator[Span]:
    """The stretches of `line` between its code, URLs and markup (tables are prose here).
    ftfy sees each alone: a repair inside a code span, which is not applied, must not take part
    in the alignment of the line's other repairs (`Ð\x80`Ð\x80 once grew a backtick a pass)."""
    start = line.start
    for region in doc.non_prose.overlapping(line.start, line.end):
        if region.start > start:
            yield Span(start, region.start)
        start = max(start, region.end)
    if start < line.end:
        yield Span(start, line.end)


def _differences(doc: Document, base: int, original: str, repaired: str) -> Iterator[Repair]:
    import difflib  # only stories with mojibake need it

    matcher = difflib.SequenceMatcher(None, original, repaired, autojunk=False)
    for op, i1, i2, j1, j2 in matcher.get_opcodes():
        if op == "equal":
            continue
        if i1 == i2:  # an insertion: a repair replaces characters, so take the one before (or after)
            i1, j1 = (i1 - 1, j1 - 1) if i1 > 0 else (i1, j1)
            i2, j2 = (i2, j2) if i1 < i2 else (i2 + 1, j2 + 1)
        span = Span(base + i1, base + i2)
        if not doc.is_prose(span) and not doc.in_table(span):
            continue
        bad, good = original[i1:i2], repaired[j1:j2]
        context = original[max(0, i1 - 1) : i2 + 1]
        detail = (
            f"mojibake {bad!r} (mis-decoded {good!r})"
            if good
            else f"mojibake: stray {bad!r} in {context!r}, left by a mis-decoding"
        )
        yield Repair(span, good, "mojibake", True, detail)
