"""Every rule case file, run through the one harness (see harness.py)."""

from __future__ import annotations

import pytest

from newslint import segment
from newslint.lint import format_of
from newslint.registry import all_rules
from newslint.span import Span
from newslint.violation import FixAvailability

from .harness import CASES_DIR, Case, check_case, load_cases

CASES = load_cases()
# Rules that judge words, numbers or style: inside a direct quotation they report and never fix.
WORD_FAMILIES = ("typos", "naming", "numbers", "house-style")


@pytest.mark.parametrize("case", CASES, ids=[c.id for c in CASES])
def test_case(case):
    check_case(case)


@pytest.mark.parametrize("rule", all_rules(), ids=[r.code for r in all_rules()])
def test_rule_has_cases(rule):
    assert any(c.rule is rule for c in CASES), f"{rule.code} has no case file in {CASES_DIR}"


def _pinned(rule) -> list[tuple[Case, dict]]:
    """The violations the rule's cases pin; test_case holds them equal to what the rule emits."""
    return [(c, v) for c in CASES if c.rule is rule for v in c.violations or ()]


@pytest.mark.parametrize("rule", all_rules(), ids=[r.code for r in all_rules()])
def test_declared_fix_availability(rule):
    """What the rule emits across its cases matches what it declares (ruff's test.rs), read from
    the pinned fix levels instead of a second run over the cases."""
    levels = [v["fix"] for _, v in _pinned(rule)]
    assert levels, f"{rule.code}: no case produces a violation"
    with_fix = [level for level in levels if level != "none"]
    if rule.fix_availability is FixAvailability.NONE:
        assert not with_fix, f"{rule.code} declares no fix but emitted one"
    elif rule.fix_availability is FixAvailability.ALWAYS:
        assert len(with_fix) == len(levels), (
            f"{rule.code} declares a fix always but emitted a violation without one"
        )
    else:
        assert with_fix, f"{rule.code} declares fixes sometimes but no case shows one"


WORD_RULES = [r for r in all_rules() if r.family() in WORD_FAMILIES]


@pytest.mark.parametrize("rule", WORD_RULES, ids=[r.code for r in WORD_RULES])
def test_word_rule_has_a_case_inside_a_quotation(rule):
    """A pinned violation that lies inside a direct quotation: the case shows what the rule does
    there (reported, its word fixes demoted to display-only)."""

    def quoted(case: Case, v: dict) -> bool:
        doc = segment.parse(case.text, case.path, format_of(case.path))
        start = doc.lines.line_span(v["line"]).start + v["column"] - 1
        end = doc.lines.line_span(v["end-line"]).start + v["end-column"] - 1
        return doc.is_quoted(Span(start, end))

    assert any(quoted(c, v) for c, v in _pinned(rule)), (
        f"{rule.code}: no case pins a violation inside a direct quotation"
    )
