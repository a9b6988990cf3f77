"""A `FileResult`'s empty parts, made without their types' Python `__init__`: each result's own,
and what the reporters and `--fix` read and add to."""

from __future__ import annotations

from collections import Counter

from newslint.config import Settings
from newslint.report import FileResult
from newslint.runner import RunOptions, process_text
from newslint.sources import Source


def test_a_result_starts_with_its_own_empty_counter_of_fixes():
    first, second = FileResult("a.txt"), FileResult("b.txt")
    assert type(first.fixed) is Counter and first.fixed == Counter() and not first.fixed
    assert first.fixed is not second.fixed
    first.fixed["NL101"] += 2
    first.fixed.update(["NL101", "NL202"])
    assert first.fixed == Counter({"NL101": 3, "NL202": 1}) and second.fixed == Counter()
    assert sum(first.fixed.values()) == 4 and first.fixed.total() == 4
    assert first.diagnostics == [] and first.diagnostics is not second.diagnostics


def test_a_clean_text_has_an_empty_list_of_diagnostics_of_its_own():
    source = Source("a.txt", "A clean line of prose.\n", "utf-8", b"", "\n", None)
    first = process_text(source, Settings(), RunOptions())
    second = process_text(source, Settings(), RunOptions())
    assert first.diagnostics == [] and first.diagnostics is not second.diagnostics
    assert first.fixed == Counter() and first.error is None
