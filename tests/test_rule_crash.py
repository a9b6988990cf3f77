"""A rule that raises while it checks a story: the engine reports it as an internal error that
names the rule and the file (`RuleCrash`), whether the rule raised at once or after reporting,
and lets `RuleUnavailable` (an outside service down) through as it is."""

from __future__ import annotations

import pytest

from newslint import lint
from newslint.config import Settings
from newslint.rule import RuleUnavailable

STORY = "Oil rises\n\nPrices rose sharply on Monday, traders said.\n"


def _linter_with(code: str, check) -> lint.Linter:
    linter = lint.Linter(Settings(), path="desk/story.txt")
    rule = linter.by_code[code]
    rule.check = check  # this instance only
    return linter


def _reports_then_fails(doc):
    yield from ()
    raise ValueError("bad offset")


def _fails_at_once(doc):
    raise KeyError("table")


@pytest.mark.parametrize("check", [_reports_then_fails, _fails_at_once])
def test_a_crashing_rule_is_named_with_the_file(check):
    linter = _linter_with("NL302", check)
    with pytest.raises(lint.RuleCrash) as crash:
        linter.check(STORY)
    message = str(crash.value)
    assert message.startswith("rule NL302 (")
    assert "crashed on desk/story.txt" in message
    assert type(crash.value.__cause__).__name__ in message


def test_an_unavailable_rule_is_not_a_crash():
    def unavailable(doc):
        raise RuleUnavailable("the server at example.invalid does not answer")

    linter = _linter_with("NL302", unavailable)
    with pytest.raises(RuleUnavailable, match="does not answer"):
        linter.check(STORY)


def test_a_rule_that_finds_nothing_leaves_the_others_reports():
    text = "Oil rises\n\nPrices rose  sharply, traders said.\n"
    expected = lint.Linter(Settings(), path="desk/story.txt").check(text).violations
    linter = _linter_with("NL302", lambda doc: iter(()))
    assert expected and linter.check(text).violations == expected
