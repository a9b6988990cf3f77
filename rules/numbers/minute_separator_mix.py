"""NL413 minute-separator-mix."""

from __future__ import annotations

import re
from collections.abc import Sequence

from newslint.document import Document
from newslint.rules.numbers._clock import ClockMix
from newslint.rules.numbers._common import MINUTE_MARKS, Form, figures_marked, prose_matches
from newslint.span import Span

# A clock time with minutes that a meridiem or a time zone marks as a time: "5:30pm", "5.30 p.m.",
# "17:30 GMT", "10.15 local time". Scores, ratios and verses (2:1, John 3:16) carry neither.
_MINUTES = re.compile(
    r"([0-9](?<![\w:.,$£€¥][0-9])\d?)([:.])([0-5]\d)"
    r"(?=[ \t]?(?:[apAP]\.?[mM]\b|(?:GMT|BST|UTC|CET|EST|EDT|local[ \t]+time)\b))"
)
# What joins the digits of its time, and what may follow it (after one space): `marked_starts`'
# MINUTE_MARKS (the meridiems and time zones), kept in _common.py with NL403's and NL404's.
_SEPARATORS = {"colon": ":", "dot": "."}


class MinuteSeparatorMix(ClockMix):
    """## What it does
    Finds a story that separates hours and minutes two ways (`5:30pm` and `6.45pm`,
    `17:30 GMT` and `18.15 GMT`). The form the story uses more often is taken as its style (a
    tie goes to the first use) and the other form is reported. Only times marked as times by a
    meridiem or a time zone count, so scores, ratios and Bible verses (`2:1`, `John 3:16`) and
    decimals are never compared. The headline and tables are left out. Under `style = "ap"` or
    `"guardian"` it is silent: NL410 then writes every time in the house's form.

    ## Why is this bad?
    A house writes the minutes one way (`5:30 p.m.` in AP, `5.30pm` in the Guardian); a story
    that uses both looks unedited.

    ## Example
        The polls open at 7.30am and close at 9:30pm.

    ## Use instead
        The polls open at 7.30am and close at 9.30pm.

    ## Fix safety
    The rewrite keeps the time exactly. Safe when the story writes the other form at least three
    times and this form once; otherwise unsafe, since the majority is only a guess at the style.
    Inside direct quotations the form is reported, never changed.

    ## With a desk profile
    With `profile` set and no `style`, a story that mixes forms follows the form nine in ten of
    the desk's stories that keep to one write (twenty stories or more; docs/profile.md).
    """

    code = "NL413"
    name = "minute-separator-mix"
    what = "minutes of the hour"
    marked = MINUTE_MARKS  # every form is a match of `clock_forms` at a marked figure

    def clock_forms(self, doc: Document) -> Sequence[Form]:
        found = []
        figures = figures_marked(doc, MINUTE_MARKS)
        for m in prose_matches(doc, _MINUTES, headline=False, at_figures=True, figures=figures):
            hours, separator, minutes = m.groups()
            if int(hours) > 24:
                continue
            kind = "colon" if separator == ":" else "dot"
            rewrite = {k: f"{hours}{sep}{minutes}" for k, sep in _SEPARATORS.items()}
            found.append(Form(kind, Span(m.start(), m.end()), rewrite))
        return found
