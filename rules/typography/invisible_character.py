"""NL522 invisible-character."""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterator

from newslint.document import Document
from newslint.rule import Rule
from newslint.span import Span
from newslint.violation import Edit, Fix, FixAvailability, Violation

_INVISIBLE = re.compile("[\u00ad\u200b\u200c\u200d\u2060\ufeff\u200e\u200f\u202a-\u202e\u2066-\u2069]")
# Meaningful beside other scripts: joiners in emoji sequences, Persian and Indic words; direction
# marks and controls in Arabic or Hebrew text mixed with figures and Latin names.
_MEANINGFUL_BESIDE_OTHER_SCRIPTS = (
    "\u200c\u200d\u200e\u200f\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069"
)


def _is_latin_or_plain(ch: str) -> bool:
    if not ch or ch.isspace() or ch.isdigit() or not ch.isalpha():
        return True
    return "LATIN" in unicodedata.name(ch, "")


class InvisibleCharacter(Rule):
    """## What it does
    Finds invisible characters inside the copy: zero-width spaces and joiners, soft hyphens,
    word joiners, byte-order marks after the start, and bidirectional controls.

    ## Why is this bad?
    They cannot be seen but break search, de-duplication and spell-checking: `reg\\u00adime`
    does not match `regime`.

    ## Example
        The reg\\u00adime said (with a soft hyphen inside "regime").

    ## Use instead
        The regime said.

    ## Fix safety
    Safe to delete between Latin letters, digits, spaces and punctuation. Unsafe next to other
    scripts, where zero-width joiners (Persian, Indic names, emoji) and direction marks (Arabic
    or Hebrew text) can be meaningful.
    """

    code = "NL522"
    name = "invisible-character"
    fix_availability = FixAvailability.ALWAYS
    repairs_characters = True

    def check(self, doc: Document) -> Iterator[Violation]:
        text = doc.text
        for m in _INVISIBLE.finditer(text):
            span = Span(m.start(), m.end())
            if not doc.is_prose(span) and not doc.in_table(span):
                continue
            ch = m.group()
            before = text[span.start - 1] if span.start else ""
            after = text[span.end] if span.end < len(text) else ""
            plain = _is_latin_or_plain(before) and _is_latin_or_plain(after)
            safe = plain or ch not in _MEANINGFUL_BESIDE_OTHER_SCRIPTS
            label = unicodedata.name(ch, f"U+{ord(ch):04X}")
            fix = (Fix.safe if safe else Fix.unsafe)(f"Delete {label}", Edit.delete(span))
            yield self.violation(span, f"invisible character U+{ord(ch):04X} {label}", fix)
