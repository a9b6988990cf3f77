"""NL403 time-format-mix."""

from __future__ import annotations

import re
from collections.abc import Iterator, Mapping, Sequence
from itertools import product

from newslint.document import Document
from newslint.rules.numbers._clock import ClockMix
from newslint.rules.numbers._common import CLOCK_MARKS, Form, figures_marked, prose_matches
from newslint.span import Span

# "5pm", "5.30pm", "5 p.m.", "5:30 PM": the clock, an optional space, the meridiem.
_CLOCK = re.compile(r"([0-9](?<![\w:.,$£€¥][0-9])\d?(?:[:.]\d{2})?)( ?)([apAP])(\.)?[mM](?:(\.)|\b)")

# What joins the digits of its clock, and what may follow it (after one space): `marked_starts`'
# CLOCK_MARKS, (":.", ("am", "pm", "a.m", "p.m")), kept in _common.py with NL404's and NL413's.


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

    ## With a desk profile
    With `profile` set and no `style`, a story that mixes forms follows the form nine in ten of
    the desk's stories that keep to one write (twenty stories or more; docs/profile.md).
    """

    code = "NL403"
    name = "time-format-mix"
    what = "time of day"
    marked = CLOCK_MARKS  # every form is a match of `clock_forms` at a marked figure

    def clock_forms(self, doc: Document) -> Sequence[Form]:
        found = []
        text = doc.text
        figures = figures_marked(doc, CLOCK_MARKS)
        for m in prose_matches(doc, _CLOCK, headline=False, at_figures=True, figures=figures):
            clock, space, letter, dot, final_dot = m.groups()
            dotted = bool(dot)
            end = m.end() if dotted else m.end() - len(final_dot or "")
            # "at 5 p.m. The": the meridiem's point also ends the sentence; "at 5pm.": the
            # sentence's full stop follows the meridiem.
            shared_stop = dotted and bool(final_dot) and _ends_sentence(text, end)
            stop_follows = not dotted and text[end : end + 1] == "."
            rewrite = _Rewrites(clock, letter, stop_follows, shared_stop)
            found.append(Form(_kind(space, dotted, letter.isupper()), Span(m.start(), end), rewrite))
        return found


_KINDS = {_kind(sp, d, up): (sp, d, up) for sp, d, up in product(("", " "), (False, True), (False, True))}


class _Rewrites(Mapping[str, str]):
    """One time written in each form (`_KINDS`), each made when asked: kept as eight strings
    for every time, a file of 100,000 times took 2.5 KB a time."""

    __slots__ = ("clock", "letter", "shared_stop", "stop_follows")

    def __init__(self, clock: str, letter: str, stop_follows: bool, shared_stop: bool) -> None:
        self.clock, self.letter, self.stop_follows, self.shared_stop = (
            clock,
            letter,
            stop_follows,
            shared_stop,
        )

    def __getitem__(self, kind: str) -> str:
        sp, d, up = _KINDS[kind]
        marker = f"{self.letter}.m." if d else f"{self.letter}m"
        marker = marker.upper() if up else marker.lower()
        if d and self.stop_follows:
            marker = marker[:-1]
        elif not d and self.shared_stop:
            marker += "."
        return f"{self.clock}{sp}{marker}"

    def __iter__(self) -> Iterator[str]:
        return iter(_KINDS)

    def __len__(self) -> int:
        return len(_KINDS)


def _ends_sentence(text: str, end: int) -> bool:
    """'at 5 p.m. The talks...': the meridiem's full point also ends the sentence."""
    rest = text[end : end + 3]
    return not rest.strip() or rest[:1].isspace() and rest.lstrip()[:1].isupper()
