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
    Finds invisible characters that damage the copy: zero-width spaces, joiners and word
    joiners inside Latin words or beside spaces and punctuation, soft hyphens, byte-order marks
    after the start, and direction marks and controls in lines with no right-to-left text.

    Invisible characters that a script needs are left alone, judged from the Unicode properties
    of the characters around them: the joiner inside an emoji sequence (🏳️‍🌈, 👩‍👩‍👧), the
    joiners and non-joiners of cursive scripts (Persian, Arabic, Urdu, Syriac) and of Brahmic
    ones (Hindi, Bengali, Sinhala, Malayalam), zero-width spaces between the words of scripts
    written without spaces (Thai, Khmer, Chinese), and direction marks in a line that holds
    Arabic or Hebrew. Variation selectors (the `️` of 🏳️) are never reported.

    ## Why is this bad?
    They cannot be seen but break search, de-duplication and spell-checking: `reg\\u00adime`
    does not match `regime`.

    ## Example
        The reg\\u00adime said (with a soft hyphen inside "regime").

    ## Use instead
        The regime said.

    ## Fix safety
    Safe: only characters that no script around them needs are reported, and deleting them
    changes no letter.
    """

    code = "NL522"
    name = "invisible-character"
    fix_availability = FixAvailability.ALWAYS
    repairs_characters = True
    reads_original = True
    reports_repairs = True

    def check(self, doc: Document) -> Iterator[Violation]:
        return report(self, doc, "invisible", _title)


def _title(repair: Repair, found: str) -> str:
    return "Delete " + repair.detail.split(" ", 3)[-1]  # the character's name
