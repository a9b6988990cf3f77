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


@pytest.mark.parametrize("check", [_reports_then_fails, _fails_at_once])
def test_a_crash_names_the_file_the_violations_were_asked_for(check):
    """A linter shared by the files of a run (`newslint.runner._shared_linter`) is told each
    file's path: a crash names that file, not the one the linter was made for."""
    linter = _linter_with("NL302", check)
    with pytest.raises(lint.RuleCrash, match="crashed on wire/other.md: "):
        linter.violations(STORY, "wire/other.md")


def test_the_violations_of_a_path_are_those_of_a_linter_for_it():
    """`violations(text, path)` reads the text as `for_path(path).violations(text)` does (its
    format too: a Markdown file's code is not prose)."""
    base = lint.Linter(Settings(), path="desk/story.txt")
    text = "Oil rises\n\nPrices rose  sharply.\n\n```\nthe the  code\n```\n"
    for path in ("desk/story.txt", "notes.md", "wire/a.TXT", "b.markdown"):
        assert base.violations(text, path) == base.for_path(path).violations(text)
    assert base.violations(text, "notes.md") != base.violations(text)
