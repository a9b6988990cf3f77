"""NL522 invisible-character."""

from __future__ import annotations

from collections.abc import Iterator

from newslint.document import Document
from newslint.reading import Repair
from newslint.rule import Rule
from newslint.rules.typography._repairs import report
from newslint.violation import FixAvailability, Violation


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
    reads_original = True

    def check(self, doc: Document) -> Iterator[Violation]:
        return report(self, doc, "invisible", _title)


def _title(repair: Repair, found: str) -> str:
    return "Delete " + repair.detail.split(" ", 3)[-1]  # the character's name
