"""NL416 percent-sign-style."""

from __future__ import annotations

import re
from collections.abc import Iterator

from newslint.document import Document
from newslint.rules._styles import style_name, styles_where
from newslint.rules.numbers._common import HouseStyleRule, prose_matches
from newslint.span import Span
from newslint.violation import FixAvailability, Violation

# House styles that write the sign after a figure: AP since 2019, the BBC.
STYLES_WITH_THE_SIGN = styles_where(lambda s: s.percent_sign)
# A figure and the word: "5 percent", "4.5 per cent". Not "pct" (wire shorthand, left alone).
_PERCENT_WORD = re.compile(r"([0-9](?<![\w.,][0-9])\d*(?:[.,]\d+)*)[ \t\n]+(?:percent|per[ \t\n]+cent)\b")


class PercentSignStyle(HouseStyleRule):
    """## What it does
    Under `style = "ap"` or `"bbc"`, finds a figure followed by `percent` or `per cent`
    (`5 percent`, `4.5 per cent`) and writes it with the sign (`5%`, `4.5%`). AP has written
    the sign after a figure since 2019; the BBC writes percentages with the sign. A percentage
    in words (`Four per cent`, as at a sentence start, or `zero percent chance`), `percentage
    points`, the wire shorthand `pct`, tables and the headline are left alone. With no style,
    `reuters` or `guardian` it reports nothing (NL404 still reports a story that mixes forms).

    ## Why is this bad?
    Copy that spells out the word after a figure does not follow the house's style, and it is
    longer to read.

    ## Example
        Prices rose 4.5 percent in March.   (style = "ap")

    ## Use instead
        Prices rose 4.5% in March.

    ## Fix safety
    Safe: the figure is kept and only the word becomes the sign. Inside direct quotations it is
    reported, never changed.
    """

    code = "NL416"
    name = "percent-sign-style"
    fix_availability = FixAvailability.ALWAYS
    styles = STYLES_WITH_THE_SIGN

    def check_style(self, doc: Document, style: str) -> Iterator[Violation]:
        for m in prose_matches(doc, _PERCENT_WORD, headline=False, at_figures=True):
            right = m.group(1) + "%"
            yield self.rewrite(
                Span(m.start(), m.end()),
                f"{style_name(style)} style writes {m.group()!r} as {right!r}",
                right,
                safe=True,
            )
