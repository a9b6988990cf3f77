"""NL410 time-of-day-style."""

from __future__ import annotations

import re
from collections.abc import Iterator

from newslint.document import Document
from newslint.rule import NOTHING, Rule
from newslint.rules._styles import HOUSE_STYLES
from newslint.span import Span
from newslint.violation import Edit, Fix, FixAvailability, Violation

_MERIDIEM = r"(?:a\.m\.|p\.m\.|am\b|pm\b|a\.m\b|p\.m\b)"
_TIME = re.compile(
    rf"([0-9](?<![\w:.,$£€][0-9])\d?)(?:[:.](\d{{2}}))?\s*((?i:{_MERIDIEM}))?"
    rf"(?:\s*(?:-|–|to)\s*(\d{{1,2}})(?:[:.](\d{{2}}))?)?\s*((?i:{_MERIDIEM}))",
)

# BBC: a time given with a time zone is on the 24-hour clock ("15:00 GMT").
_ZONED_TIME = re.compile(
    r"([0-9](?<![\w:.,$£€][0-9])\d?)(?:[:.](\d{2}))?[ \t]?([apAP])\.?[mM]\b\.?[ \t]+(GMT|BST|UTC)\b"
)


def _meridiem(raw: str) -> str:
    return "a" if raw.lower().startswith("a") else "p"


class TimeOfDayStyle(Rule):
    """## What it does
    Checks clock times against the house style chosen with `style`:
    `ap` writes `5 p.m.`, `5:30 p.m.`, no `:00`, one meridiem for a range (`5-5:50 p.m.`),
    and `noon`/`midnight` for 12; `guardian` writes `5pm`, `5.30pm`, `5pm-5.50pm`; `bbc`
    writes a time given with a time zone on the 24-hour clock (`3pm GMT` -> `15:00 GMT`) and
    leaves other times alone. With no style, or `reuters`, it reports nothing.

    ## Why is this bad?
    A story that writes times three ways looks careless, and desks publish to one style.

    ## Example
        The strikes had been carried out between 5pm-5:50pm local time.

    ## Use instead
        The strikes had been carried out between 5-5:50 p.m. local time.   (style = "ap")

    ## Fix safety
    Safe: the time is parsed and rewritten with the same hours and minutes. Unsafe for `12`
    to `noon` or `midnight`, because writers often mix up 12 a.m. and 12 p.m., and for the
    BBC's 24-hour clock, for the same reason and because the BBC has also written `1500 GMT`.
    """

    code = "NL410"
    name = "time-of-day-style"
    fix_availability = FixAvailability.ALWAYS
    needs_setting = "context.style"  # no house style: silent

    def check(self, doc: Document) -> Iterator[Violation]:
        # Not a generator: with no house style (most runs) every story pays one call, not a
        # generator made and run to its end.
        house = HOUSE_STYLES.get(self.context.style or "")
        if house is None or house.clock is None:
            return NOTHING
        return self._check_clock(doc, house.name, house.clock)

    def _check_clock(self, doc: Document, name: str, clock: str) -> Iterator[Violation]:
        if clock == "24-hour":
            yield from self._check_24_hour(doc, name)
            return
        for m in _TIME.finditer(doc.text):
            span = Span(m.start(), m.end())
            if not doc.is_prose(span):
                continue
            shown, unsafe = self._render(m, clock)
            written = shown
            if written and written.endswith(".") and doc.text[m.end() : m.end() + 1] == ".":
                written = written[:-1]  # "5 p.m." ends the sentence with its own full stop
            if written is None or written == m.group():
                continue
            make = Fix.unsafe if unsafe else Fix.safe
            yield self.violation(
                span,
                f"{m.group()!r} is written {shown!r} in {name} style",
                make(f"Write {shown!r}", Edit.replace(span, written)),
            )

    def _check_24_hour(self, doc: Document, name: str) -> Iterator[Violation]:
        for m in _ZONED_TIME.finditer(doc.text):
            hour, minutes, meridiem, zone = m.groups()
            span = Span(m.start(), m.end())
            if int(hour) > 12 or not doc.is_prose(span):
                continue
            hour24 = int(hour) % 12 + (12 if meridiem.lower() == "p" else 0)
            right = f"{hour24:02d}:{minutes or '00'} {zone.upper()}"
            yield self.violation(
                span,
                f"{m.group()!r} is written {right!r} in {name} style (24-hour clock with a time zone)",
                Fix.unsafe(f"Write {right!r}", Edit.replace(span, right)),
            )

    @staticmethod
    def _render(m: re.Match, form: str) -> tuple[str | None, bool]:
        """The time in the house's 12-hour `form`: "a.m." (AP: 5:30 p.m., noon) or "am" (5.30pm)."""
        h1, m1, mer1, h2, m2, mer2 = m.groups()
        end_mer = _meridiem(mer2)  # _TIME ends in a meridiem; the first is optional
        start_mer = _meridiem(mer1) if mer1 is not None else end_mer
        if int(h1) > 12 or (h2 and int(h2) > 12):
            return None, False

        def clock(hour: str, minutes: str | None) -> str:
            hour = str(int(hour))
            if minutes and minutes != "00":
                return f"{hour}{':' if form == 'a.m.' else '.'}{minutes}"
            return hour

        def mark(letter: str) -> str:
            return f" {letter}.m." if form == "a.m." else f"{letter}m"

        if h2 is None:
            if form == "a.m." and int(h1) == 12 and not m1:
                return ("noon" if end_mer == "p" else "midnight"), True
            return clock(h1, m1) + mark(end_mer), False
        if form == "a.m.":
            if start_mer == end_mer:
                return f"{clock(h1, m1)}-{clock(h2, m2)}{mark(end_mer)}", False
            return f"{clock(h1, m1)}{mark(start_mer)} to {clock(h2, m2)}{mark(end_mer)}", False
        return f"{clock(h1, m1)}{mark(start_mer)}-{clock(h2, m2)}{mark(end_mer)}", False
