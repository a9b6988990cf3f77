"""NL201's dateline prior (`newslint.rules.naming._datelines`): which places lean to a variety."""

from __future__ import annotations

import pytest

from newslint.rules.naming._datelines import US_CITIES, US_STATES, dateline_variety


@pytest.mark.parametrize(
    ("dateline", "variety"),
    [
        ("NEW YORK, Feb 26 -", "us"),  # a city AP lets stand alone
        ("LOS ANGELES (Reuters) -", "us"),
        ("SPRINGFIELD, Ill. -", "us"),  # a state as AP abbreviates it
        ("AUSTIN, Texas, March 3 -", "us"),
        ("FARGO, North Dakota -", "us"),  # a state of two words, written out
        ("KYIV, Ukraine (AP) —", "us"),  # AP spells American wherever it files from
        ("LONDON (AP) -", "us"),
        ("LONDON, March 3 -", "gb"),
        ("EDINBURGH (Reuters) -", "gb"),
        ("PARIS, March 3 -", None),  # a place of neither variety: no lean
        ("NAJAF, Iraq (Reuters) -", None),
        ("SPRINGFIELD -", None),  # a city of many states: no lean without the state
    ],
)
def test_dateline_variety(dateline, variety):
    assert dateline_variety(dateline) == variety


def test_names_of_two_words_stay_whole():
    assert {"LAS VEGAS", "ST. LOUIS", "SALT LAKE CITY"} <= US_CITIES
    assert {"New Hampshire", "West Virginia", "N.Y."} <= US_STATES
    assert "New" not in US_STATES
