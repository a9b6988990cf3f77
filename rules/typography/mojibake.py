"""NL520 mojibake."""

from __future__ import annotations

from collections.abc import Iterator

from newslint.document import Document
from newslint.reading import Repair
from newslint.rule import Rule
from newslint.rules.typography._repairs import report
from newslint.violation import FixAvailability, Violation


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
    reads_original = True
    reports_repairs = True

    def check(self, doc: Document) -> Iterator[Violation]:
        return report(self, doc, "mojibake", _title)


def _title(repair: Repair, found: str) -> str:
    return f"Replace with {repair.content!r}" if repair.content else f"Delete the stray {found!r}"
