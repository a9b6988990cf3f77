"""NL101 leaves a word to the rule that owns its kind of slip ("hte" to NL106 short-slip, "inthe"
to NL104 run-together-words, "gove rnment" to NL105 split-word), and reports it itself when that
rule is not run (`--select NL101`, or the owner ignored): a deselected rule must not silence the
words it would have reported."""

from __future__ import annotations

import pytest

from newslint.config import Settings
from newslint.lint import Linter

CASES = [
    ("He went to hte meeting and the talks failed.\n", "hte", "NL106"),
    ("The talks began inthe morning.\n", "inthe", "NL104"),
    ("The gove rnment said so.\n", "gove", "NL105"),
]


def _codes_at(text: str, word: str, **selection) -> set[str]:
    linter = Linter(Settings(), "story.txt", **selection)
    start = text.index(word)
    return {v.code for v in linter.violations(text) if v.span.start <= start < v.span.end}


@pytest.mark.parametrize(("text", "word", "owner"), CASES)
def test_the_owning_rule_reports_the_word_and_nl101_does_not(text, word, owner):
    assert _codes_at(text, word, select=["NL1"]) == {owner}


@pytest.mark.parametrize(("text", "word", "owner"), CASES)
def test_nl101_alone_reports_the_word(text, word, owner):
    assert _codes_at(text, word, select=["NL101"]) == {"NL101"}


@pytest.mark.parametrize(("text", "word", "owner"), CASES)
def test_nl101_reports_the_word_when_its_owner_is_ignored(text, word, owner):
    assert _codes_at(text, word, select=["NL1"], ignore=[owner]) == {"NL101"}
