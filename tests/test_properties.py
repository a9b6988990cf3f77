"""Hypothesis properties of the document model, the fixer and the CLI."""

from __future__ import annotations

from collections import Counter
from itertools import pairwise

import pytest
from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st
from typer.testing import CliRunner

import newslint
from newslint import tokens
from newslint.cli import app
from newslint.fix import apply_fixes
from newslint.segment import parse
from newslint.span import LineIndex, Span
from newslint.tokens import FEW_WANTED
from newslint.violation import Applicability, Edit, Fix, Violation
from tests.depth import examples

# Story-shaped text: words, names, numbers, quotes of every kind, dashes, indentation, blank
# lines, markup, URLs and the odd control or astral character.
PIECES = st.sampled_from(
    [
        "the",
        "The",
        "regime",
        "reigme",
        "U.S.",
        "Mr.",
        "Jan.",
        "450.000",
        "1,234",
        "5:50",
        "F-16s",
        "farmers'",
        "it's",
        "'90s",
        '"',
        "“",
        "”",
        "‘",
        "’",
        "'",
        "(",
        ")",
        "[sic]",
        "-",
        "—",
        "--",
        ".",
        ",",
        "!",
        "?",
        ":",
        " ",
        "  ",
        "   ",
        "\t",
        "\n",
        "\n\n",
        "\n    ",
        "\r\n",
        "WASHINGTON (Reuters) -",
        "SALVADOR, Feb 26 -",
        "HEADLINE",
        "# ",
        "`",
        "```",
        "---",
        "<!-- newslint: disable -->",
        "<!-- newslint: enable -->",
        "<!-- newslint: ignore-next-line NL101 -->",
        "https://example.org/a_(b)",
        "www.example.com.",
        "a@b.co",
        "Rinaldi",
        "Rinladi",
        "colour",
        "color",
        "5pm-5:50pm",
        "Reuter",
        "@desk",
        "#tag",
        "<AAPL.O>",
        "Â£",
        "&amp;",
        # scraped damage the repaired reading undoes (newslint.repairs)
        " #39;",
        "#39;s",
        " quot;",
        " amp;",
        "  #151;",
        "&#146;",
        "&lt;b&gt;",
        "&lt;/B&gt;",
        '&lt;FONT face="verdana"&gt;',
        "&lt;/p&",
        "\\",
        "\\\\",
        "\\$",
        "\u200b",
        "\ufeff",
        "😀",
        "é",
    ]
)
STORIES = st.lists(st.one_of(PIECES, st.text(max_size=6)), max_size=60).map("".join)
FORMATS = st.sampled_from(["text", "markdown"])


def assert_ordered_disjoint(spans, length, what):
    for s in spans:
        assert 0 <= s.start <= s.end <= length, f"{what} {s} outside the text"
    for a, b in pairwise(spans):
        assert a.end <= b.start, f"{what} {a} and {b} overlap or are out of order"


@settings(max_examples=examples(300), deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(STORIES, FORMATS)
@example("H x\n\nHe said \"a 'bold\" c' now.\n", "text")  # a single quote crossing a double one
@example("---\na: b\n---\n# Head\n\nBody `x`.\n", "markdown")
def test_document_spans_lie_inside_the_text_in_order_without_overlap(text, fmt):
    doc = parse(text, format=fmt)
    n = len(text)
    parts = ([doc.headline] if doc.headline else []) + list(doc.paragraphs)
    assert_ordered_disjoint(parts, n, "headline/paragraph")
    assert_ordered_disjoint(doc.sentences, n, "sentence")
    assert_ordered_disjoint([t.span for t in doc.tokens], n, "token")
    for t in doc.tokens:
        assert text[t.span.start : t.span.end] == t.text
        assert any(s.contains(t.span) for s in doc.sentences)
    for s in doc.sentences:
        assert any(p.contains(s) for p in parts), f"sentence {s} outside every paragraph"
    if doc.dateline:
        assert doc.paragraphs and doc.paragraphs[0].contains(doc.dateline)
    # Quotations nest or stand apart; they never cross.
    for q in doc.quotations:
        assert 0 <= q.start < q.end <= n
    for i, a in enumerate(doc.quotations):
        for b in doc.quotations[i + 1 :]:
            assert a.end <= b.start or a.contains(b) or b.contains(a), f"quotations {a} and {b} cross"
    for r in doc.regions:
        assert 0 <= r.span.start < r.span.end <= n


@settings(max_examples=examples(300), deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(STORIES, FORMATS, st.data())
def test_text_level_views_agree_with_the_tokens(text, fmt, data):
    """`word_counts` and `words_among` (built without tokens) say what the tokens say."""
    doc = parse(text, format=fmt)
    counts = doc.word_counts
    words = list(parse(text, format=fmt).words())
    assert counts == Counter(t.text for t in words)
    wanted = set(data.draw(st.lists(st.sampled_from(sorted(counts)), max_size=3))) if counts else set()
    assert doc.words_among(wanted) == [t for t in words if t.text in wanted]
    # more than FEW_WANTED words: sentences are skipped by their words, not by substring tests
    many = {f"absent{i}" for i in range(FEW_WANTED)} | wanted
    assert doc.words_among(many) == [t for t in words if t.text in many]
    assert doc.first_tokens() == [t for t in parse(text, format=fmt).tokens if t.sentence_start]
    assert list(doc.words()) == words  # the same tokens after the views as without them


# Stories of many sentences: a token's sentence is looked up across several.
SENTENCES = st.lists(STORIES, min_size=3, max_size=8).map(". Then ".join)


@settings(max_examples=examples(300), deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.one_of(STORIES, SENTENCES), FORMATS, st.data())
def test_the_indexed_tokens_are_the_sentence_scans(text, fmt, data):
    """The tokens read from the index (each one's sentence found from where the sentences open,
    by bisection) are those a scan of each sentence builds, flags and all: sentence start,
    headline, quotation."""
    scanned = parse(text, format=fmt)
    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(tokens, "INDEX_LIMIT", -1)  # no text is indexed: each view scans
        every = list(scanned.tokens)
        words = list(scanned.words())
        wanted = (
            set(data.draw(st.lists(st.sampled_from(sorted({t.text for t in words})), max_size=5)))
            if words
            else set()
        )
        among = scanned.words_among(wanted)
        firsts = scanned.first_tokens()
    indexed = parse(text, format=fmt)
    assert indexed._prose.index() is not None
    assert indexed.words_among(wanted) == among
    assert indexed.first_tokens() == firsts
    assert list(indexed.tokens) == every


@settings(max_examples=150, deadline=None)
@given(st.text(max_size=200), st.data())
def test_line_index_agrees_with_a_naive_count(text, data):
    offset = data.draw(st.integers(0, len(text)))
    pos = LineIndex(text).position(offset)
    before = text[:offset]
    assert pos.line == before.count("\n") + 1
    assert pos.column == len(before) - (before.rfind("\n") + 1) + 1
    assert LineIndex(text).line(offset) == pos.line
    assert LineIndex(text).line(-5) == 1 and LineIndex(text).line(len(text) + 5) == text.count("\n") + 1


@st.composite
def text_and_violations(draw):
    text = draw(STORIES)
    cuts = sorted(draw(st.lists(st.integers(0, len(text)), max_size=12)))
    violations = []
    for i in range(0, len(cuts) - 1, 2):
        span = Span(cuts[i], cuts[i + 1])
        level = draw(st.sampled_from(list(Applicability)))
        content = draw(st.sampled_from(["", "x", "regime", " ", "“"]))
        fix = Fix(f"edit {i}", (Edit(span, content),), level)
        violations.append(Violation("NL999", span, "test", fix))
    draw(st.randoms()).shuffle(violations)
    return text, violations, draw(st.sampled_from([Applicability.SAFE, Applicability.UNSAFE]))


@settings(max_examples=examples(300), deadline=None)
@given(text_and_violations())
def test_apply_fixes_changes_nothing_outside_the_applied_edits(case):
    text, violations, required = case
    fixed, applied = apply_fixes(text, violations, required)
    assert all(v.fix.applies(required) for v in applied)
    edits = sorted(e for v in applied for e in v.fix.edits)
    # Rebuild the result from the untouched stretches and the edits' contents: equal means
    # every character outside an edit's span is where it was.
    rebuilt, cursor = [], 0
    for e in edits:
        assert e.span.start >= cursor, "applied edits overlap"
        rebuilt += [text[cursor : e.span.start], e.content]
        cursor = e.span.end
    rebuilt.append(text[cursor:])
    assert fixed == "".join(rebuilt)
    # Nothing applicable was skipped unless it touches an applied fix.
    for v in violations:
        if v.fix.applies(required) and v not in applied:
            assert any(
                v.fix.span.start <= a.fix.span.end and a.fix.span.start <= v.fix.span.end for a in applied
            )


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(STORIES, st.sampled_from(["story.txt", "story.md"]), st.booleans())
def test_fixing_is_idempotent(text, path, unsafe):
    once = newslint.fix_text(text, path=path, unsafe=unsafe)
    assert newslint.fix_text(once, path=path, unsafe=unsafe) == once


RUNNER = CliRunner()


@settings(max_examples=120, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(
    st.one_of(STORIES.map(lambda s: s.encode("utf-8")), st.binary(max_size=200)),
    st.sampled_from(
        [
            [],
            ["--fix"],
            ["--fix", "--unsafe-fixes"],
            ["--format", "json"],
            ["--diff"],
            ["--format", "github"],
            ["--format", "gitlab"],
            ["--format", "sarif"],
            ["--statistics"],
        ]
    ),
    st.sampled_from(["story.txt", "story.md"]),
)
def test_no_input_crashes_the_cli(data, flags, name):
    result = RUNNER.invoke(app, ["check", "-", "--stdin-filename", name, *flags], input=data)
    assert result.exit_code in (0, 1, 2), result.output
    assert result.exception is None or isinstance(result.exception, SystemExit), repr(result.exception)
    assert "internal error" not in result.output and "Traceback" not in result.output


def test_hypothesis_keeps_its_files_out_of_the_working_tree():
    """Its example database and caches go to the user's cache folder (tests/conftest.py)."""
    from hypothesis.configuration import storage_directory

    from .conftest import ROOT

    where = storage_directory("examples", intent_to_write=False).path.resolve()
    assert where != ROOT and ROOT not in where.parents, where
