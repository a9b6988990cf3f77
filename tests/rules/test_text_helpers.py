"""The structure rules' compare helpers: the fast rough key and NL301's shortcut agree with their
definitions."""

from __future__ import annotations

import re
import unicodedata
from unittest import mock

from hypothesis import example, given, settings
from hypothesis import strategies as st

from newslint.rules.structure import _text, duplicated_headline
from newslint.rules.structure._text import normalise, rough_key
from newslint.rules.structure.duplicated_headline import DuplicatedHeadline

_NON_WORD = re.compile(r"\W+")


@settings(max_examples=500, deadline=None)
@given(st.text(max_size=80))
def test_rough_key_is_the_word_characters_case_folded(text):
    assert rough_key(text) == _NON_WORD.sub("", text).casefold()


def test_rough_key_folds_case_and_drops_punctuation_and_space():
    assert rough_key("He said, “Straße!”  ΑΣ") == "hesaidstrasseασ"


OPENING = st.lists(
    st.sampled_from(
        [
            "Syria",
            "syria",
            "U.S.-led",
            "airstrikes",
            "kill",
            "dozens",
            "of",
            "soldiers",
            " ",
            " ",
            "  ",
            "\n",
            ":",
            ".",
            ",",
            "'",
            "’",
            "“",
            "—",
            "-",
            "ﬁ",
            "é",
            "\u00a0",
        ]
    ),
    max_size=20,
).map("".join)


@settings(max_examples=500, deadline=None)
@given(OPENING, OPENING)
@example("Syria: airstrikes kill dozens of soldiers", "Syria: airstrikes kill dozens of soldiers. Syria said")
@example("Syria: airstrikes kill dozens of soldiers", "SYRIA:  airstrikes kill dozens of soldiers: Dozens")
def test_repeated_headline_opening_is_found_as_without_the_ascii_shortcut(head, rest):
    body = head + rest if len(rest) % 2 else rest + head  # half of them open with the headline
    key = normalise(head)
    found = DuplicatedHeadline._repeated_prefix(head, key, body)
    with mock.patch.object(duplicated_headline, "_may_open_with", lambda opening, key: True):
        assert found == DuplicatedHeadline._repeated_prefix(head, key, body)


@settings(max_examples=500, deadline=None)
@given(OPENING)
@example("“Syria’s  war”\u00a0— ﬁne…")
def test_normalise_takes_its_ascii_shortcut_only_where_the_long_way_agrees(text):
    long_way = (
        unicodedata.normalize("NFKC", _text._INVISIBLE.sub("", text))
        .translate(_text._QUOTES)
        .translate(_text._DASHES)
    )
    assert normalise(text) == _text._SPACE.sub(" ", long_way).strip().casefold().rstrip(".!?:;,'\" ")
