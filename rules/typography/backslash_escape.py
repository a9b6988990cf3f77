"""NL524 backslash-escape."""

from __future__ import annotations

from collections.abc import Iterator

from newslint.document import Document
from newslint.reading import Repair
from newslint.rule import Rule
from newslint.rules.typography._repairs import report
from newslint.violation import FixAvailability, Violation


class BackslashEscape(Rule):
    """## What it does
    Finds backslashes a scraper or an export left in the copy: escapes (`\\$5`, `US\\$2.4
    billion`), line breaks turned into a backslash (`second\\team`), and paragraph breaks
    turned into two (`the end.\\\\The next`).

    ## Why is this bad?
    Readers see the backslashes, and the words they join read as one (`second\\team` is no
    word): search, spell-checking and de-duplication all miss them.

    ## Example
        The company paid \\$5 million for its second\\team.

    ## Use instead
        The company paid $5 million for its second team.

    ## Fix safety
    Safe: an escape loses its backslash (`\\$` -> `$`); a backslash between two words, or after
    a sentence's punctuation, becomes the space it stood for; two or more become a paragraph
    break between text, and nothing at the start or end of a line. A backslash in something
    that looks like a path or an account (`C:\\Windows`, `\\\\server\\share`), or between other
    characters (`¯\\_(ツ)_/¯`), is not reported. Markdown files use backslash escapes as syntax
    and are not checked.
    """

    code = "NL524"
    name = "backslash-escape"
    fix_availability = FixAvailability.ALWAYS
    repairs_characters = True
    reads_original = True
    reports_repairs = True

    def check(self, doc: Document) -> Iterator[Violation]:
        return report(self, doc, "backslash", _title)


def _title(repair: Repair, found: str) -> str:
    if repair.content == "\n\n":
        return "Replace with a paragraph break"
    return "Replace with a space" if repair.content else "Delete the backslash"
