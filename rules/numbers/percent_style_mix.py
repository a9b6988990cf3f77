"""NL404 percent-style-mix."""

from __future__ import annotations

import re
from collections.abc import Iterator, Sequence

from newslint.document import Document
from newslint.rule import NOTHING
from newslint.rules.numbers._common import PERCENT_MARKS, Form, MixedFormRule, figures_marked, prose_matches
from newslint.rules.numbers.percent_sign_style import STYLES_WITH_THE_SIGN
from newslint.span import Span
from newslint.violation import FixAvailability, Violation

# A figure and its percent sign or word: "5%", "5 %", "5 percent", "5 per cent", "5 pct".
_PERCENT = re.compile(r"([0-9](?<![\w.,][0-9])\d*(?:[.,]\d+)*)(\s?(?i:%|percent\b|per\s+cent\b|pct\b))")
# What joins the digits of its figure, and what may follow it (after one space): `marked_starts`'
# PERCENT_MARKS, (".,", ("%", "pc", "per")), kept in _common.py with NL403's and NL413's.
_WRITTEN = {"%": "%", "percent": " percent", "per cent": " per cent", "pct": " pct"}


def _kind(marker: str) -> str:
    marker = " ".join(marker.split()).lower()
    return marker if marker in _WRITTEN else "%"


class PercentStyleMix(MixedFormRule):
    """## What it does
    Finds a story that writes percentages two ways after a figure (`5%` and `6 per cent`, or
    `percent` and `pct`). The form the story uses more often is taken as its style (a tie goes
    to the first use) and the other form is reported. Spelled-out figures (`Eighty per cent`,
    which a style requires at the start of a sentence), `percentage points` and the headline,
    where `%` saves space, are left out. Under `style = "ap"` or `"bbc"` it is silent: NL416
    then writes every percentage after a figure with the sign.

    ## Why is this bad?
    Each house style picks one form (AP and the Guardian `%`, older AP `percent`, the BBC `%`
    in figures); a story that mixes them looks unedited.

    ## Example
        Inflation rose to 3.1% in May ... wages rose 2.5 per cent.

    ## Use instead
        Inflation rose to 3.1% in May ... wages rose 2.5%.

    ## Fix safety
    Unsafe: the rewrite keeps the figure exactly, but which form is right is a matter of house
    style and locale (`percent` in American copy, `per cent` in British, `pct` in Reuters wire
    shorthand), and wire copy often mixes them on purpose (a shorthand table under prose).
    On 600 published stories a safe fix changed correct copy twice. Inside direct quotations
    the form is reported, never changed.

    ## With a desk profile
    With `profile` set and no `style`, a story that mixes forms follows the form nine in ten of
    the desk's stories that keep to one write (twenty stories or more; docs/profile.md).
    """

    code = "NL404"
    name = "percent-style-mix"
    fix_availability = FixAvailability.ALWAYS
    what = "percentage"

    def forms(self, doc: Document) -> Sequence[Form]:
        return [_form(m) for m in self._matches(doc)]

    def check(self, doc: Document) -> Iterator[Violation]:
        # Most stories write every percentage one way, and then nothing is reported: their
        # kinds are read first, and a form (its rewrites) built only for a story that mixes them.
        # Not a generator: a story with no mix pays one call.
        # Fewer than two figures a percent mark follows (most stories): fewer than two matches.
        figures = figures_marked(doc, PERCENT_MARKS)
        if len(figures) < 2:
            return NOTHING
        found = self._matches(doc, figures)
        if len(found) < 2:
            return NOTHING
        # markers written alike are of one kind: most stories write every one the same
        markers = {m.group(2) for m in found}
        if len(markers) < 2 or len({_kind(marker) for marker in markers}) < 2:
            return NOTHING
        return self.report(doc, [_form(m) for m in found])

    def _matches(self, doc: Document, figures: Sequence[int] | None = None) -> Sequence[re.Match[str]]:
        """The percentages; `figures`: the figures a mark follows, if found already."""
        if self.context.style in STYLES_WITH_THE_SIGN:
            return ()  # NL416 writes every percentage with the sign: no majority to follow
        if figures is None:
            figures = figures_marked(doc, PERCENT_MARKS)
        return list(prose_matches(doc, _PERCENT, headline=False, at_figures=True, figures=figures))


def _form(m: re.Match[str]) -> Form:
    """A percentage `_PERCENT` matched: its kind and its rewrite in each."""
    figure, marker = m.groups()
    upper = marker.isupper()  # "5 PCT" in an all-capitals line stays in capitals
    rewrite = {kind: figure + (written.upper() if upper else written) for kind, written in _WRITTEN.items()}
    return Form(_kind(marker), Span(m.start(), m.end()), rewrite)
