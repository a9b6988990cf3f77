"""Hypothesis properties of the document model, the fixer and the CLI."""
from __future__ import annotations

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import newslint
from newslint.config import Settings
from newslint.fix import apply_fixes
from newslint.lint import Linter
from newslint.segment import parse
from newslint.span import LineIndex, Span
from newslint.violation import Applicability, Edit, Fix, Violation

# Story-like text: words, names, numbers, quotes, odd spaces and the characters rules look for.
PIECES = st.sampled_from([
    "the", "the", "regime", "reigme", "Rinaldi", "Rinladi", "450.000", "5pm-5:50pm", " ", "  ", "\n", "\n\n",
    "    ", "\t", ".", ",", '"', "“", "”", "'", "’", "‘90s", "Â£", "&amp;", "\u200b", "U.S.", "Mr.", "colour",
    "color", "http://x.org/a", "@desk", "#tag", "<!-- newslint: disable NL101 -->", "[sic]", "Reuter", "\r\n",
])
STORIES = st.one_of(st.lists(PIECES, max_size=60).map("".join), st.text(max_size=300))
FAST = settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])


@FAST
@given(STORIES, st.sampled_from(["text", "markdown"]))
def test_document_spans_are_inside_sorted_and_disjoint(text, fmt):
    doc = parse(text, format=fmt)
    for spans in (doc.paragraphs, doc.sentences, [t.span for t in doc.tokens], doc.quotations):
        assert all(0 <= s.start <= s.end <= len(text) for s in spans)
        assert all(a.end <= b.start for a, b in zip(spans, spans[1:])), spans
    for token in doc.tokens:
        assert doc.slice(token.span) == token.text


@FAST
@given(st.text(max_size=200), st.lists(st.tuples(st.integers(0, 200), st.integers(0, 20), st.text(max_size=5)), max_size=8))
def test_apply_fixes_changes_nothing_outside_its_edits(text, raw_edits):
    violations = []
    for start, length, content in raw_edits:
        start = min(start, len(text))
        span = Span(start, min(len(text), start + length))
        violations.append(Violation("NL000", span, "x", Fix("t", (Edit(span, content),), Applicability.SAFE)))
    fixed, applied = apply_fixes(text, violations, Applicability.SAFE)
    # Rebuild the text from the untouched stretches and the applied edits: it must match.
    cursor, rebuilt = 0, []
    for v in sorted(applied, key=lambda v: v.fix.span.start):
        edit = v.fix.edits[0]
        assert edit.span.start >= cursor
        rebuilt += [text[cursor:edit.span.start], edit.content]
        cursor = edit.span.end
    rebuilt.append(text[cursor:])
    assert fixed == "".join(rebuilt)


@FAST
@given(STORIES)
def test_fixing_is_idempotent_and_converges(text):
    once = newslint.fix_text(text, unsafe=True)
    assert newslint.fix_text(once, unsafe=True) == once


@FAST
@given(STORIES)
def test_safe_fixes_only_touch_reported_spans(text):
    linter = Linter(Settings(), "story.txt")
    result = linter.check(text)
    fixable = [v for v in result.violations if v.fix and v.fix.applies(Applicability.SAFE)]
    fixed, applied = apply_fixes(text, fixable, Applicability.SAFE)
    untouched_before = [text[a:b] for a, b in _gaps([e.span for v in applied for e in v.fix.edits], len(text))]
    for piece in untouched_before:
        assert piece in fixed


def _gaps(spans, length):
    cursor = 0
    for s in sorted(spans):
        yield cursor, s.start
        cursor = s.end
    yield cursor, length


@FAST
@given(st.text(max_size=200), st.data())
def test_line_index_agrees_with_a_naive_count(text, data):
    offset = data.draw(st.integers(0, len(text)))
    pos = LineIndex(text).position(offset)
    before = text[:offset]
    assert pos.line == before.count("\n") + 1
    assert pos.column == len(before) - (before.rfind("\n") + 1) + 1


@settings(max_examples=40, deadline=None)
@given(st.binary(max_size=300))
def test_no_input_crashes_the_cli(data):
    from typer.testing import CliRunner

    from newslint.cli import app

    result = CliRunner().invoke(app, ["check", "--fix", "-"], input=data)
    assert result.exit_code in (0, 1, 2), result.output
    assert "Traceback" not in result.output
