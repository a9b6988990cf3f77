"""The structure rules' compare helpers: the fast rough key agrees with its definition."""
from __future__ import annotations

import re

from hypothesis import given, settings
from hypothesis import strategies as st

from newslint.rules.structure._text import rough_key

_NON_WORD = re.compile(r"\W+")


@settings(max_examples=500, deadline=None)
@given(st.text(max_size=80))
def test_rough_key_is_the_word_characters_case_folded(text):
    assert rough_key(text) == _NON_WORD.sub("", text).casefold()


def test_rough_key_folds_case_and_drops_punctuation_and_space():
    assert rough_key("He said, “Straße!”  ΑΣ") == "hesaidstrasseασ"
