"""Every rule case file, run through the one harness (see harness.py)."""

from __future__ import annotations

from collections import defaultdict

import pytest

from newslint.registry import all_rules
from newslint.violation import FixAvailability

from .harness import check_case, load_cases

CASES = load_cases()
EMITTED: dict[str, list] = defaultdict(list)


@pytest.mark.parametrize("case", CASES, ids=[c.id for c in CASES])
def test_case(case):
    EMITTED[case.rule.code].extend(check_case(case))


@pytest.mark.parametrize("rule", all_rules(), ids=[r.code for r in all_rules()])
def test_rule_has_cases(rule):
    assert any(c.rule is rule for c in CASES), f"{rule.code} has no case file in tests/rules/cases/"


@pytest.mark.parametrize("rule", all_rules(), ids=[r.code for r in all_rules()])
def test_declared_fix_availability(rule):
    """What the rule emits across its cases matches what it declares (ruff's test.rs)."""
    found = []
    for case in (c for c in CASES if c.rule is rule):
        found.extend(check_case(case))
    with_fix = [v for v in found if v.fix is not None]
    assert found, f"{rule.code}: no case produces a violation"
    if rule.fix_availability is FixAvailability.NONE:
        assert not with_fix, f"{rule.code} declares no fix but emitted one"
    elif rule.fix_availability is FixAvailability.ALWAYS:
        assert len(with_fix) == len(found), (
            f"{rule.code} declares a fix always but emitted a violation without one"
        )
    else:
        assert with_fix, f"{rule.code} declares fixes sometimes but no case shows one"
