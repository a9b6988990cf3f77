"""NL520 mojibake."""

from __future__ import annotations

import re
from collections.abc import Iterator

from newslint.document import Document
from newslint.rule import Rule
from newslint.span import Span
from newslint.violation import Edit, Fix, FixAvailability, Violation

# UTF-8 read as Windows-1252 or Latin-1 leaves one of these lead characters before a second
# character from the upper half of the code page; only such lines are handed to ftfy.
_SUSPECT = re.compile(
    r"[ÂÃÄÅÆÇÐÑÒÓÔÕÖØÙÚÛÜÝÞßâãäåæçèéêëìíîïðñòóôõöøùúûüýþÿ][\u0080-\u00ff\u0152\u0153\u0160\u0161\u0178\u017d\u017e\u0192\u02c6\u02dc\u2013-\u203a\u20ac\u2122]"
)


class Mojibake(Rule):
    """## What it does
    Finds text that was encoded as UTF-8 and decoded as Windows-1252 or Latin-1 somewhere on its
    way to you: `Â£` for `£`, `â€™` for `’`, `CafÃ©` for `Café`.

    ## Why is this bad?
    Readers see garbage in place of currency signs, accents and quotation marks, and archives
    can no longer be searched for the damaged words.

    ## Example
        The deal was worth Â£5m.

    ## Use instead
        The deal was worth £5m.

    ## Fix safety
    Safe: the repair is `ftfy.fix_encoding`, which only reverses a mis-decoding it can verify
    byte for byte, so correct accented text (`SÃO PAULO` in capitals, `naïve`) is left alone
    and curly quotes stay curly. It repairs characters, so it applies inside quotations too.
    """

    code = "NL520"
    name = "mojibake"
    fix_availability = FixAvailability.ALWAYS
    repairs_characters = True

    def check(self, doc: Document) -> Iterator[Violation]:
        text = doc.text
        if not _SUSPECT.search(text):
            return  # one scan of the whole story settles almost every story
        for n in range(1, len(doc.lines) + 1):
            line = doc.lines.line_span(n)
            original = text[line.start : line.end]
            if not _SUSPECT.search(original):
                continue
            import ftfy  # imported on first suspect line: it costs a tenth of a second at start-up

            repaired = ftfy.fix_encoding(original)
            if repaired == original:
                continue
            yield from self._differences(doc, line.start, original, repaired)

    def _differences(self, doc: Document, base: int, original: str, repaired: str) -> Iterator[Violation]:
        import difflib  # only stories with mojibake need it

        matcher = difflib.SequenceMatcher(None, original, repaired, autojunk=False)
        for op, i1, i2, j1, j2 in matcher.get_opcodes():
            if op == "equal":
                continue
            span = Span(base + i1, base + i2)
            if not doc.is_prose(span) and not doc.in_table(span):
                continue
            bad, good = original[i1:i2], repaired[j1:j2]
            context = original[max(0, i1 - 1) : i2 + 1]
            message = (
                f"mojibake {bad!r} (mis-decoded {good!r})"
                if good
                else f"mojibake: stray {bad!r} in {context!r}, left by a mis-decoding"
            )
            title = f"Replace with {good!r}" if good else f"Delete the stray {bad!r}"
            yield self.violation(span, message, Fix.safe(title, Edit.replace(span, good)))
