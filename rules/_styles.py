"""The house styles a desk can choose with `style`: one table of what each writes, read by the
rules that check a house's forms (NL201 and the numbers rules), and how messages name it.

A rule asks the table (`styles_where(lambda s: s.percent_sign)`) instead of listing style names,
so a new house is one row here and the rules it concerns follow; docs/numbers.md says which
facts each rule relies on.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Literal


@dataclass(frozen=True)
class HouseStyle:
    """A house style (`style`): its name and the choices it implies for the rules."""

    key: str  # the `style` setting
    name: str  # as messages print it: "Guardian style writes ..."
    spelling: Literal["us", "gb"] | None  # the spelling variety it implies without a `locale` (NL201)
    writes_ise: bool  # -ise, not Oxford -ize (NL201)
    thousands_comma: bool  # 1,500 (NL414; NL402 then falls silent)
    percent_sign: bool  # 5% rather than 5 per cent (NL416; NL404 then falls silent)
    # time of day (NL410; NL403 and NL413 fall silent under a 12-hour form): "a.m." as in
    # 5:30 p.m. and noon, "am" as in 5.30pm, "24-hour" with a time zone as in 17:30 GMT
    clock: Literal["a.m.", "am", "24-hour"] | None
    date_order: Literal["month-day", "day-month"] | None  # Sept. 17 or 17 September (NL415)
    money_scale: Literal["words", "letters"]  # $5 million or £5m (NL407)
    month_abbreviations: bool  # AP's short months before a day: Sept. 17 (NL409)


HOUSE_STYLES: dict[str, HouseStyle] = {
    style.key: style
    for style in (
        HouseStyle(
            "ap",
            "AP",
            spelling="us",
            writes_ise=False,
            thousands_comma=True,
            percent_sign=True,
            clock="a.m.",
            date_order="month-day",
            money_scale="words",
            month_abbreviations=True,
        ),
        HouseStyle(
            "reuters",
            "Reuters",
            spelling=None,
            writes_ise=False,
            thousands_comma=False,
            percent_sign=False,
            clock=None,
            date_order=None,
            money_scale="words",
            month_abbreviations=False,
        ),
        HouseStyle(
            "guardian",
            "Guardian",
            spelling="gb",
            writes_ise=True,
            thousands_comma=False,
            percent_sign=False,
            clock="am",
            date_order="day-month",
            money_scale="letters",
            month_abbreviations=False,
        ),
        HouseStyle(
            "bbc",
            "BBC",
            spelling="gb",
            writes_ise=True,
            thousands_comma=False,
            percent_sign=True,
            clock="24-hour",
            date_order="day-month",
            money_scale="letters",
            month_abbreviations=False,
        ),
    )
}


def styles_where(test: Callable[[HouseStyle], bool]) -> tuple[str, ...]:
    """The keys of the house styles that pass `test`, in the table's order."""
    return tuple(key for key, style in HOUSE_STYLES.items() if test(style))


def style_name(style: str) -> str:
    """ "Guardian" for "guardian": the house's own name, as messages print it."""
    house = HOUSE_STYLES.get(style)
    return house.name if house is not None else style
