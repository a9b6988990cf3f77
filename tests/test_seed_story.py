"""Issue 3's target on the seed story: both "reigme" are reported and fixed to "regime" by --fix,
and no name in the story (Jebel Tharda, Deir Ezzor, Amaq, ...) is reported as a typo."""

from __future__ import annotations

from pathlib import Path

import newslint
from newslint.violation import Applicability

SEED = Path(__file__).parent / "golden" / "stories" / "syria-airstrikes.txt"


def test_seed_story_typo_reports_are_the_two_reigme_and_nothing_else():
    text = SEED.read_text(encoding="utf-8")
    found = newslint.lint_text(text, select=["NL1"])
    assert [text[d.span.start : d.span.end] for d in found] == ["reigme", "reigme"]
    assert all(d.code == "NL101" and d.fix.applicability is Applicability.SAFE for d in found)


def test_seed_story_fix_turns_both_reigme_into_regime():
    text = SEED.read_text(encoding="utf-8")
    assert text.count("reigme") == 2
    # the typo rules change those two words and nothing else
    assert newslint.fix_text(text, select=["NL1"]) == text.replace("reigme", "regime")
