"""Two rules whose fixes meet on one word agree on its form: fixing with both converges.

The rule cases (tests/rules) check convergence one rule at a time; here the rules that read the
same words run together, all of them and the pair alone, with `--unsafe-fixes`.
"""

from __future__ import annotations

import pytest

from newslint.config import Settings
from newslint.lint import Linter

# NL202 took `Hi-tech` (opening a sentence) for a slip of the name Hitech, used twice, and NL203
# took the opening `Hitech` for the compound `hi-tech`, the story's majority: each pass rewrote
# one into the other ("fixes undo each other", on the 10 MB file of joined corpus stories).
HITECH = "Hi-tech firms gain. Hitech said so. Buy Hitech and hi-tech.\n"
# NL203 took the opening `Goodyear` for the compound and wrote "a goodyear".
GOODYEAR = "Goodyear Tire and Rubber Co said it had a good year. Sales at Goodyear rose.\n"


@pytest.mark.parametrize("select", [None, ["NL202", "NL203"]], ids=["all-rules", "NL202-NL203"])
@pytest.mark.parametrize("text", [HITECH, GOODYEAR], ids=["hitech", "goodyear"])
def test_name_and_compound_fixes_converge_and_leave_the_name(text, select):
    linter = Linter(Settings(), select=select)
    fixed = linter.fix(text, unsafe=True)  # a FixError would raise
    assert linter.fix(fixed.text, unsafe=True).text == fixed.text
    assert {"NL202", "NL203"}.isdisjoint(fixed.applied)
    assert not [v for v in linter.check(text).violations if v.code in ("NL202", "NL203")]


def test_a_name_variant_across_a_hyphen_between_capitalised_parts_is_still_fixed():
    # the hyphen that NL202 leaves to NL203 is a compound's, with a lowercase part; X-Box is a name
    text = "Microsoft said the X-Box sold well. The Xbox is cheap, and the Xbox has games.\n"
    fixed = Linter(Settings(), select=["NL202", "NL203"]).fix(text, unsafe=True)
    assert fixed.text == text.replace("X-Box", "Xbox") and fixed.applied["NL202"] == 1


def test_a_name_one_hyphen_apart_inside_sentences_is_still_fixed_and_stays_so():
    # NL203 leaves capitals inside a sentence alone: NL202 keeps the pair, and one pass settles it
    text = "Leaders of South-east Asian states met. The Southeast Asian leaders agreed. Southeast Asia won.\n"
    for select in (None, ["NL202", "NL203"]):
        linter = Linter(Settings(), select=select)
        fixed = linter.fix(text, unsafe=True)
        assert fixed.text == text.replace("South-east", "Southeast") and fixed.applied["NL202"] == 1
        assert linter.fix(fixed.text, unsafe=True).text == fixed.text
