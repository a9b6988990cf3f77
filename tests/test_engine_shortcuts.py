"""Shortcuts the engine takes per story agree with the plain forms they replace: a span set of
spans already apart is kept as given (no merge loop), and `Document.assembled` hands a story
without regions, quotations or [sic] marks the one empty span set and its memo dicts made; the
kept violations are sorted by their spans and codes read in C, in the order of (start, end, code)."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from newslint.document import NO_SPANS, SpanSet
from newslint.lint import _BY_PLACE
from newslint.segment import parse
from newslint.span import Span
from newslint.violation import Violation
from tests.depth import examples


def _merged(spans: list[Span]) -> list[Span]:
    """The definition: sorted, and spans that overlap or touch merged into one."""
    merged: list[Span] = []
    for s in sorted(spans):
        if merged and s.start <= merged[-1].end:
            merged[-1] = Span(merged[-1].start, max(merged[-1].end, s.end))
        else:
            merged.append(s)
    return merged


_SPANS = st.lists(
    st.tuples(st.integers(0, 60), st.integers(0, 12)).map(lambda p: Span(p[0], p[0] + p[1])), max_size=12
)


@settings(max_examples=examples(300), deadline=None)
@given(_SPANS, st.integers(0, 80), st.integers(0, 10))
def test_span_set_is_its_merged_spans(spans: list[Span], at: int, width: int) -> None:
    found = SpanSet(spans)
    plain = _merged(spans)
    assert found.spans == tuple(plain)
    assert found._starts == [s.start for s in plain]
    assert found._ends == [s.end for s in plain]
    probe = Span(at, at + width)
    assert found.touches(probe) == any(s.overlaps(probe) for s in plain)
    assert found.covers(probe) == any(s.start <= probe.start and probe.end <= s.end for s in plain)


def test_spans_apart_are_kept_as_given() -> None:
    first, second = Span(5, 9), Span(0, 3)
    found = SpanSet([first, second])
    assert found.spans == (second, first)
    assert found.spans[0] is second and found.spans[1] is first
    assert SpanSet([Span(0, 3), Span(3, 5)]).spans == (Span(0, 5),)  # touching: merged


def test_plain_story_shares_the_empty_span_set() -> None:
    doc = parse("Headline here\n\nThe minister said nothing new on Tuesday.\n")
    assert not doc.regions and not doc.quotations and not doc.sic
    for name in ("_quoted", "_not_prose", "_non_prose", "_tables", "_sic"):
        assert doc.__dict__[name] is NO_SPANS
    assert not NO_SPANS.spans and not NO_SPANS.touches(Span(0, 4))
    assert doc._selected == {} and doc.derivations == {} and doc._line_cases == {}
    assert doc.is_prose(Span(0, 4)) and not doc.is_quoted(Span(0, 4))


def test_story_with_parts_builds_its_own_span_sets() -> None:
    doc = parse('Headline here\n\n"We will see," he said at www.example.com today.\n')
    assert doc.quotations and doc.regions
    assert "_quoted" not in doc.__dict__
    assert doc._quoted.spans == tuple(doc.quotations)
    assert doc.is_quoted(doc.quotations[0])
    assert not doc.is_prose(doc.regions[0].span)
    # parse's span set of the regions is the document's: no table among them, so one for both
    assert doc._not_prose is doc._non_prose is not NO_SPANS and doc._tables is NO_SPANS
    assert doc._not_prose.spans == tuple(r.span for r in doc.regions)


def test_a_story_with_a_table_keeps_its_region_sets_apart() -> None:
    """With a table among the regions, the set of all regions (`is_prose`) and the set of those
    but tables (`non_prose`) differ: the first is built on first read, as before."""
    rows = "".join(f"Team {c}      {n}      {n + 2}\n" for c, n in zip("ABCD", range(10, 14), strict=True))
    doc = parse(f"Headline here\n\nResults at www.example.com today.\n\n{rows}\nHe said so.\n")
    kinds = {r.kind.value for r in doc.regions}
    assert kinds == {"url", "table"}
    assert doc._non_prose.spans == tuple(r.span for r in doc.regions if r.kind.value != "table")
    assert "_not_prose" not in doc.__dict__
    assert doc._not_prose.spans == tuple(r.span for r in doc.regions)
    assert doc._tables.spans == tuple(r.span for r in doc.regions if r.kind.value == "table")


_CODES = st.sampled_from(["NL101", "NL102", "NL2"])


@settings(max_examples=200, deadline=None)
@given(st.lists(st.tuples(_SPANS.filter(bool).map(lambda s: s[0]), _CODES)))
def test_violations_sort_by_span_then_code(found: list[tuple[Span, str]]) -> None:
    violations = [Violation(code, span, f"message {i}") for i, (span, code) in enumerate(found)]
    plain = sorted(violations, key=lambda v: (v.span.start, v.span.end, v.code))
    assert sorted(violations, key=_BY_PLACE) == plain
    assert [v.message for v in sorted(violations, key=_BY_PLACE)] == [v.message for v in plain]
