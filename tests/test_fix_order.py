"""Overlapping fixes are settled by a stated order: house style > typo > spelling variety."""

from __future__ import annotations

from newslint.fix import apply_fixes
from newslint.registry import rule_by_code
from newslint.span import Span
from newslint.violation import Applicability, Edit, Fix, Violation


def _replace(code: str, start: int, end: int, content: str) -> Violation:
    return Violation(code, Span(start, end), "x", Fix.safe("x", Edit.replace(Span(start, end), content)))


def test_the_higher_rank_wins_an_overlap_wherever_it_starts() -> None:
    text = "They utilise it."
    variety = _replace("NL201", 5, 12, "utilize")
    house = _replace("NL601", 5, 12, "use")
    wider = _replace("NL101", 0, 12, "They utilise")  # overlaps both, starts earlier
    rank = {"NL601": 3, "NL101": 2, "NL201": 1}.get
    fixed, applied = apply_fixes(text, [variety, wider, house], Applicability.SAFE, lambda c: rank(c, 0))
    assert fixed == "They use it."
    assert [v.code for v in applied] == ["NL601"]


def test_without_ranks_the_earlier_fix_wins_and_others_apply_in_text_order() -> None:
    text = "a b c d"
    first = _replace("NL999", 0, 1, "A")
    overlapping = _replace("NL100", 0, 3, "X")
    later = _replace("NL500", 4, 5, "C")
    touching_later = _replace("NL400", 5, 6, "!")  # touches `later`: waits for the next pass
    fixed, applied = apply_fixes(text, [later, first, touching_later, overlapping], Applicability.SAFE)
    assert fixed == "A b C d"  # NL999 and NL100 start together: the one that ends first wins
    assert [v.code for v in applied] == ["NL999", "NL500"]


def test_rule_ranks_state_house_style_over_typos_over_varieties() -> None:
    house, typo, variety = (rule_by_code(c).fix_rank() for c in ("NL601", "NL101", "NL201"))
    assert house > typo > variety
