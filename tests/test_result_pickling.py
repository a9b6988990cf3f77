"""What a parallel run's workers send back pickled: results, diagnostics, fixes, edits and
spans come back equal, of their own types, with every field, by the short forms their
classes give pickle (`FileResult.__getstate__`, `violation._pickled_plainly`, `Span.__reduce__`)."""

from __future__ import annotations

import pickle
from collections import Counter
from dataclasses import fields

import pytest
from hypothesis import given
from hypothesis import strategies as st

from newslint.config import Settings
from newslint.report import FileResult
from newslint.runner import RunOptions, process_text
from newslint.sources import Source
from newslint.span import Span
from newslint.violation import Applicability, Diagnostic, Edit, Fix, Severity, Violation

PROTOCOLS = range(2, pickle.HIGHEST_PROTOCOL + 1)


def _round_trip(value: object, protocol: int) -> object:
    return pickle.loads(pickle.dumps(value, protocol))


def _diagnostic() -> Diagnostic:
    fix = Fix.safe("Replace", Edit.replace(Span(4, 7), "the"), Edit.insert(9, ","))
    other = Fix.display_only("Or", Edit.delete(Span(2, 3))).demoted(Applicability.DISPLAY_ONLY, "note", True)
    return Diagnostic(
        "a.txt", "NL101", "unknown-word", "Unknown word", Severity.ERROR, Span(4, 7), fix, (other,)
    )


@pytest.mark.parametrize("protocol", PROTOCOLS)
def test_diagnostics_fixes_edits_and_violations_come_back_whole(protocol: int) -> None:
    diagnostic = _diagnostic()
    back = _round_trip(diagnostic, protocol)
    assert back == diagnostic and type(back) is Diagnostic
    for name in (f.name for f in fields(Diagnostic)):
        assert getattr(back, name) == getattr(diagnostic, name)
    assert back.fix is not None and back.fix.withheld == "" and back.alternatives[0].withheld == "note"
    assert type(back.severity) is Severity and type(back.fix.applicability) is Applicability
    violation = Violation("NL202", Span(0, 2), "message", diagnostic.fix)
    assert _round_trip(violation, protocol) == violation
    assert _round_trip(Violation("NL202", Span(0, 0), "m"), protocol) == Violation("NL202", Span(0, 0), "m")
    with pytest.raises(AttributeError):  # still frozen
        back.code = "NL102"  # type: ignore[misc]


@given(st.integers(0, 2**40), st.integers(0, 2**40))
def test_a_span_comes_back_a_span_of_the_same_offsets(a: int, b: int) -> None:
    span = Span(min(a, b), max(a, b))
    for protocol in PROTOCOLS:
        back = _round_trip(span, protocol)
        assert type(back) is Span and back == span and (back.start, back.end) == (span.start, span.end)
        assert hash(back) == hash(span) and len(back) == len(span)


@pytest.mark.parametrize("protocol", PROTOCOLS)
def test_a_result_comes_back_with_its_fixes_and_an_empty_counter_of_its_own(protocol: int) -> None:
    fixed = FileResult("a.txt", text="x", fixed=Counter({"NL202": 2, "NL101": 1}), unwritten=3)
    fixed.error, fixed.warning, fixed.original, fixed.unsafe_by_config = "e", "w", "o", True
    back = _round_trip(fixed, protocol)
    assert back == fixed and type(back.fixed) is Counter and list(back.fixed) == ["NL202", "NL101"]
    clean = [_round_trip(FileResult("b.txt"), protocol) for _ in range(2)]
    assert clean[0] == FileResult("b.txt") and type(clean[0].fixed) is Counter
    assert clean[0].fixed is not clean[1].fixed
    clean[0].fixed["NL101"] += 1
    assert clean[1].fixed == Counter()


@pytest.mark.parametrize("protocol", PROTOCOLS)
def test_a_checked_result_comes_back_reporting_the_same_positions(protocol: int) -> None:
    text = "The the goverment recieved it.\nA second line with teh word.\n"
    result = process_text(Source("a.txt", text, "utf-8", b"", "\n", None), Settings(), RunOptions())
    assert result.diagnostics
    positions = [result.position(d.span.start) for d in result.diagnostics]  # fills `_lines`
    back = _round_trip(result, protocol)
    assert back.diagnostics == result.diagnostics and back.text == result.text
    assert [back.position(d.span.start) for d in back.diagnostics] == positions
