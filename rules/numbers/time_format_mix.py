"""NL403 time-format-mix."""

from __future__ import annotations

import re
from collections.abc import Sequence
from itertools import product

from newslint.document import Document
from newslint.rules.numbers._clock import ClockMix
from newslint.rules.numbers._common import Form, prose_matches
from newslint.span import Span

# "5pm", "5.30pm", "5 p.m.", "5:30 PM": the clock, an optional space, the meridiem.
_CLOCK = re.compile(r"([0-9](?<![\w:.,$£€¥][0-9])\d?(?:[:.]\d{2})?)( ?)([apAP])(\.)?[mM](?:(\.)|\b)")


def _kind(space: str, dotted: bool, upper: bool) -> str:
    marker = "p.m." if dotted else "pm"
    return f"{space}{marker.upper() if upper else marker}"


class TimeFormatMix(ClockMix):
    """## What it does
    Finds a story that writes clock times two ways (`5pm` and `6 p.m.`, `9am` and `10 AM`). The
    form the story uses more often is taken as its style (a tie goes to the first use) and the
    other form is reported. Only the meridiem is compared: the space before it, the full points
    and the case. The headline and tables are left out. Under `style = "ap"` or `"guardian"`
    it is silent: NL410 then checks every time against the house's form.

    ## Why is this bad?
    Every house style picks one way to write the time of day; a story that uses two looks
    unedited.

    ## Example
        Polls open at 7am and close at 10 p.m.

    ## Use instead
        Polls open at 7am and close at 10pm.

    ## Fix safety
    The rewrite keeps the time exactly. Safe when the story writes the other form at least three
    times and this form once; otherwise unsafe, since the majority is only a guess at the style.
    Inside direct quotations the form is reported, never changed.
    """

    code = "NL403"
    name = "time-format-mix"
    what = "time of day"

    def clock_forms(self, doc: Document) -> Sequence[Form]:
        found = []
        text = doc.text
        for m in prose_matches(doc, _CLOCK, headline=False):
            clock, space, letter, dot, final_dot = m.groups()
            dotted = bool(dot)
            end = m.end() if dotted else m.end() - len(final_dot or "")
            # "at 5 p.m. The": the meridiem's point also ends the sentence; "at 5pm.": the
            # sentence's full stop follows the meridiem.
            shared_stop = dotted and bool(final_dot) and _ends_sentence(text, end)
            stop_follows = not dotted and text[end : end + 1] == "."
            rewrite = {}
            for sp, d, up in product(("", " "), (False, True), (False, True)):
                marker = f"{letter}.m." if d else f"{letter}m"
                marker = marker.upper() if up else marker.lower()
                if d and stop_follows:
                    marker = marker[:-1]
                elif not d and shared_stop:
                    marker += "."
                rewrite[_kind(sp, d, up)] = f"{clock}{sp}{marker}"
            found.append(Form(_kind(space, dotted, letter.isupper()), Span(m.start(), end), rewrite))
        return found


def _ends_sentence(text: str, end: int) -> bool:
    """'at 5 p.m. The talks...': the meridiem's full point also ends the sentence."""
    rest = text[end : end + 3]
    return not rest.strip() or rest[:1].isspace() and rest.lstrip()[:1].isupper()
