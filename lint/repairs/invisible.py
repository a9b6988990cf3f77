"""Invisible characters inside the copy: zero-width spaces and joiners, soft hyphens, word
joiners, byte-order marks after the start, and bidirectional controls.

Between Latin letters, digits, spaces and punctuation they are damage (`reg\\u00adime` is the
word "regime") and their deletion is certain. Next to other scripts, zero-width joiners (Persian,
Indic names, emoji) and direction marks (Arabic or Hebrew text) can be meaningful: deleting one
there is an unsafe guess, and the reading keeps it.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterator

from newslint.document import Document
from newslint.reading import Repair
from newslint.span import Span

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


def find(doc: Document) -> Iterator[Repair]:
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
        yield Repair(span, "", "invisible", safe, f"invisible character U+{ord(ch):04X} {label}")
