"""The library API: `newslint.lint_text` and `newslint.fix_text`."""

from __future__ import annotations

import newslint
from newslint.config import Settings
from newslint.violation import Applicability, Severity

MIXED = "Talks resume\n\nThe the officials met the ministrs on Monday.\n"


def test_lint_text_returns_diagnostics_with_positions_and_fixes():
    found = newslint.lint_text(MIXED)
    assert [(d.code, d.name) for d in found] == [("NL103", "doubled-word"), ("NL101", "unknown-word")]
    doubled = found[0]
    assert MIXED[doubled.span.start : doubled.span.end] == "the"
    assert doubled.path == "-" and doubled.severity is Severity.ERROR
    assert doubled.fix.applicability is Applicability.SAFE
    assert found[1].fix.applicability is Applicability.UNSAFE


def test_lint_text_select_and_path():
    found = newslint.lint_text(MIXED, path="desk/story.txt", select=["NL101"])
    assert [d.code for d in found] == ["NL101"] and found[0].path == "desk/story.txt"


def test_lint_text_uses_settings():
    settings = Settings(ignore=["doubled-word"], severity={"NL101": Severity.WARNING})
    found = newslint.lint_text(MIXED, settings=settings)
    assert [(d.code, d.severity) for d in found] == [("NL101", Severity.WARNING)]


def test_fix_text_applies_safe_fixes_and_unsafe_ones_only_when_asked():
    assert newslint.fix_text(MIXED) == "Talks resume\n\nThe officials met the ministrs on Monday.\n"
    assert (
        newslint.fix_text(MIXED, unsafe=True)
        == "Talks resume\n\nThe officials met the ministers on Monday.\n"
    )
    assert newslint.fix_text(MIXED, select=["NL101"]) == MIXED


def test_fix_text_leaves_quotations_alone():
    text = 'Talks resume\n\nHe said: "the the ministrs are here."\n'
    assert newslint.fix_text(text, unsafe=True) == text
    assert {d.code for d in newslint.lint_text(text)} == {"NL101", "NL103"}


def test_markdown_is_chosen_by_the_path():
    text = "# Talks resume\n\nUse `the the` here.\n"
    assert newslint.lint_text(text, path="story.md") == []
    assert [d.code for d in newslint.lint_text(text, path="story.txt")] == ["NL103"]
