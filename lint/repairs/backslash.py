"""Stray backslash escapes left by a scraper or an export: `\\$5` (an escaped dollar sign),
`second\\team` (a line break turned into a backslash), `\\\\` (a paragraph break).

What an editor would type:
- a backslash before a character that exporters escape (`$ % & # _ *` and quote marks at a
  word's edge) or before closing punctuation (`Inc.\\,`) goes: `\\$5` -> `$5`;
- one between two words or after a sentence's punctuation stood for a line break: a space
  (`second\\team` -> `second team`, `U.S.\\intelligence` -> `U.S. intelligence`);
- two or more stood for a paragraph break: a blank line between text, nothing at the start or
  the end of a line; a lone one beside a space or a line's edge goes.

A backslash in a run of characters that looks like a path or an address (`C:\\Windows`,
`\\\\server\\share`, `DOMAIN\\user\\x`: a colon before it or a second backslash in the run) is left
alone, as is one between other characters (`¯\\_(ツ)_/¯`): reported, not repaired. Markdown
files use backslash escapes as syntax and are not read for them.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from newslint.document import Document
from newslint.reading import Repair
from newslint.span import Span

_RUN = re.compile(r"[ \t]*(\\+)[ \t]*")
# A drive or a network share, or three parts or more: C:\Windows, \\server\share, HKEY\Software\Microsoft.
_PATH = re.compile(
    r"[A-Za-z]:\\[\w$.~-]*(?:\\[\w$.~-]+)*\\?|\\\\[\w$.~-]+(?:\\[\w$.~-]+)+\\?|[\w$.~-]+(?:\\[\w$.~-]+){2,}\\?"
)
_EDGE_PUNCTUATION = "\"'“”‘’()[],;.!?"
_ESCAPABLE = "$%&#_*"
_CLOSING = ".,;:!?)]}"
_OPENING = "([{\"'“‘"
_AFTER_PUNCTUATION = ".,;:!?)]}\"'”’"


def find(doc: Document) -> Iterator[Repair]:
    text = doc.text
    if doc.format == "markdown" or "\\" not in text:
        return
    for m in _RUN.finditer(text):
        span = Span(m.start(1), m.end(1))
        if not doc.is_prose(span) and not doc.in_table(span) or _in_path(text, span):
            continue
        repair = _repair(text, m)
        if repair is not None:
            yield repair


def _in_path(text: str, span: Span) -> bool:
    """Whether the backslash stands in a run of non-space characters that looks like a path or an
    account name (`C:\\Windows`, `\\\\server\\share`, `HKEY\\Software\\Microsoft`)."""
    left, right = span.start, span.end
    while left > 0 and not text[left - 1].isspace():
        left -= 1
    while right < len(text) and not text[right].isspace():
        right += 1
    return _PATH.fullmatch(text[left:right].strip(_EDGE_PUNCTUATION)) is not None


def _repair(text: str, m: re.Match[str]) -> Repair | None:
    start, end = m.start(1), m.end(1)
    slashes = m.group(1)
    before, after = text[start - 1 : start], text[end : end + 1]
    left = text[max(0, start - 8) : start].rpartition("\n")[2]
    right = text[end : end + 8].partition("\n")[0]
    shown = f"{left}{slashes}{right}".strip()
    whole = Span(m.start(), m.end())  # with the spaces and tabs beside the backslashes
    at_edge = whole.start == 0 or whole.end == len(text) or "\n" in (text[whole.start - 1], text[whole.end])
    if len(slashes) >= 2:
        if at_edge:
            return Repair(whole, "", "backslash", True, f"stray backslashes {shown!r}")
        return Repair(whole, "\n\n", "backslash", True, f"backslashes for a paragraph break {shown!r}")
    escapes = not before or before.isspace() or before.isalnum() or before in _OPENING
    if after and after in _ESCAPABLE and escapes:
        return Repair(Span(start, end), "", "backslash", True, f"backslash escape {shown!r}")
    if at_edge:
        return Repair(whole, "", "backslash", True, f"stray backslash {shown!r}")
    if len(whole) > 1:  # a space beside it: the words are already apart
        return Repair(whole, " ", "backslash", True, f"stray backslash {shown!r}")
    if after and after in _CLOSING:
        return Repair(whole, "", "backslash", True, f"stray backslash {shown!r}")
    if (before.isalnum() or before in _AFTER_PUNCTUATION) and (after.isalnum() or after in _OPENING):
        return Repair(whole, " ", "backslash", True, f"backslash for a line break {shown!r}")
    return None  # between other characters (`¯\\_(ツ)_/¯`): not certain damage
