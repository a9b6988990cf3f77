"""NL414 thousands-separator-style."""

from __future__ import annotations

import re
from collections.abc import Iterator

from newslint.document import Document
from newslint.rules.numbers._common import HouseStyleRule, in_data_line, prose_matches
from newslint.rules.numbers.thousands_separator_mix import (
    STYLES_WITH_A_COMMA,
    currency_before,
    figure_is_a_name,
    named_figures,
    plain_quantity,
)
from newslint.span import Span
from newslint.violation import FixAvailability, Violation

# A figure of four to seven digits without a comma, standing alone: not part of a longer figure,
# a code (A-1500, 2004/1500), a decimal, or a word with the unit attached (1500m).
_PLAIN_FIGURE = re.compile(
    r"([1-9])(?<![\w.,/:\-–'’(#][1-9])(\d{3,6})(?![\w\-–%/]|[.,:]\d|\.[A-Za-z])(\s+[A-Za-z]+)?"
)
_CLOCK_RANGE_AFTER = re.compile(r"[ \t\n]*(?:to|-|–)[ \t\n]*[0-2]\d[0-5]\d\b")
# A wire market report line: "    ALUMINIUM - 12000 tonnes ...".
_REPORT_LINE = re.compile(r"[ \t]*[A-Z]{3,}[A-Z ]*[ \t]+-[ \t]")
# A late-evening clock time before a channel or a day: "the highlights, 2315 on BBC One". Years
# (to 2099) are left out already; 2100-2359 before "on" and a name is a time.
_LATE_CLOCK = re.compile(r"2[1-3][0-5]\d")
_ON_A_NAME_AFTER = re.compile(r"[ \t\n]+on[ \t\n]+[A-Z]")
# A market report's "this (previous)" pair: "steadier 4320 (Total 6100) tonnes".
_BRACKETED_FIGURE_AFTER = re.compile(r"[ \t]*\((?:Total[ \t]+)?\d[\d,.]*\)")


def _with_commas(figure: str) -> str:
    return f"{int(figure):,}"


class ThousandsSeparatorStyle(HouseStyleRule):
    """## What it does
    Under `style = "ap"`, finds a figure of 1,000 or more written without the thousands comma
    (`2500 people`, `$12000`, `250000 barrels`). AP puts the comma in figures from 1,000 up,
    except in years, street addresses and other numbers that are names rather than
    quantities. Years (1000 to 2099 without a currency sign), clock times (`2330 GMT`, `at
    2300`), codes and names (`Windows 2000`, `flight 1549`, `No 7000`, `page 1234`), distances
    (`1500 metres`), figures before a capitalised word (`1600 Pennsylvania Avenue`), figures
    after a capitalised word (`Boeing 7000`), a market report's figure with the previous one in
    brackets (`4320 (6100) tonnes`), a late clock time before a channel or day (`2315 on BBC
    One`), tables, data lines and the headline are left out.
    With no style, or another style, it reports nothing (NL402 still reports a story that
    mixes the two forms).

    ## Why is this bad?
    AP copy without the comma looks unedited, and `2500` is slower to read than `2,500`.

    ## Example
        Some 2500 soldiers crossed the border.

    ## Use instead
        Some 2,500 soldiers crossed the border.

    ## Fix safety
    Unsafe: a figure may be a code, a model number or a year the rule did not recognise. Safe
    for a sum of money (`$2500`). Inside direct quotations it is reported, never changed.
    """

    code = "NL414"
    name = "thousands-separator-style"
    fix_availability = FixAvailability.ALWAYS
    styles = STYLES_WITH_A_COMMA

    def check_style(self, doc: Document, style: str) -> Iterator[Violation]:
        text = doc.text
        names = named_figures(text, doc.digit_runs[0])
        for m in prose_matches(doc, _PLAIN_FIGURE, headline=False, at_figures=True):
            first, rest, after = m.groups()
            figure = first + rest
            currency = currency_before(text, m.start())
            if not plain_quantity(text, m, currency, int(figure), (after or "").strip()):
                continue
            if not currency and (
                figure in names or self._name_or_data(text, m, (after or "").strip().lower())
            ):
                continue
            span = Span(m.start(1), m.end(2))
            right = _with_commas(figure)
            yield self.rewrite(
                span,
                f"{figure!r}: AP style writes figures of 1,000 or more with a comma ({right!r})",
                right,
                safe=bool(currency),
            )

    @staticmethod
    def _name_or_data(text: str, m: re.Match, after: str) -> bool:
        """A product's name, a clock range, or a line of figures rather than a sentence."""
        start = m.start()
        if figure_is_a_name(text, start, m.end(2), after):
            return True
        if (
            _CLOCK_RANGE_AFTER.match(text, m.end(2))
            or _BRACKETED_FIGURE_AFTER.match(text, m.end(2))
            or _LATE_CLOCK.fullmatch(m.group(1) + m.group(2))
            and _ON_A_NAME_AFTER.match(text, m.end(2))
        ):
            return True
        line_start = text.rfind("\n", 0, start) + 1
        return bool(_REPORT_LINE.match(text, line_start)) or in_data_line(text, start)
