"""Parsing's own shortcuts against what they replace: `segment._regions` (tickers alone returned
as found, without the sort and the loop that drops nested regions) against the one sorted,
filtered list it built for every story, and `Document.assembled` against the dataclass's
`__init__`, on texts made of what opens each kind of region."""

from __future__ import annotations

import dataclasses
import re

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from newslint import segment
from newslint.document import Document, Region, RegionKind, SpanSet, cached_property
from newslint.span import LineIndex, Span
from tests.depth import examples

PIECES = st.sampled_from(
    [
        *" \n.,()<>@#:-",
        "\n\n",
        "word",
        "Reuters",
        "<IBM.N>",
        "(AAPL.O)",
        "(NYSE: IBM - News)",
        "(dpa)",
        "<!-- note -->",
        "<!--",
        "-->",
        "a@b.com",
        "@someone",
        "#tag",
        "www.example.com",
        "http://x.org/a_(b)",
        "(see example.com).",
        "`code`",
        "[a](http://x.io)",
        "\n```\nfenced\n```\n",
        "\n    indented code\n",
        "---\ntitle: x\n---\n",
        "\nIBM     12.5    13.1\nHP      10.0     9.9\n",
        "\nA\t1\nB\t2\n",
    ]
)
TEXTS = st.lists(PIECES, max_size=24).map("".join)


def _regions_in_one_pass(text: str, format: str, lines: LineIndex) -> list[Region]:
    """The regions as `_regions` found them before its shortcut: every kind filed into one
    list, sorted, and the ones inside a recent kept region (but tables) dropped."""
    found: list[Region] = []

    def file(kind: RegionKind, matches: list[re.Match[str]] | list[Span]) -> None:
        for m in matches:
            start, end = (m.start, m.end) if isinstance(m, Span) else m.span()
            if kind in (RegionKind.URL, RegionKind.EMAIL):
                while end > start and text[end - 1] in ".,;:!?)]'\"’”":
                    if text[end - 1] == ")" and text.count("(", start, end) >= text.count(")", start, end):
                        break
                    end -= 1
            if end > start:
                found.append(Region(kind, Span(start, end)))

    file(RegionKind.COMMENT, list(segment._HTML_COMMENT.finditer(text)))
    if format == "markdown":
        for kind, pattern in segment._MARKDOWN_REGIONS:
            file(kind, list(pattern.finditer(text)))
    file(RegionKind.EMAIL, list(segment._EMAIL.finditer(text)))
    file(RegionKind.HANDLE, list(segment._HANDLE.finditer(text)))
    file(RegionKind.URL, list(segment._URL.finditer(text)))
    file(RegionKind.HASHTAG, list(segment._HASHTAG.finditer(text)))
    file(RegionKind.TICKER, list(segment._TICKER.finditer(text)))
    file(RegionKind.TABLE, list(segment._tables(text, LineIndex(text))))
    kept: list[Region] = []
    for r in sorted(found, key=lambda r: (r.span.start, -r.span.end)):
        holders = [k for k in kept[-3:] if k.kind is not RegionKind.TABLE and k.span.contains(r.span)]
        if r.kind is RegionKind.TABLE or not holders:
            kept.append(r)
    return kept


@settings(max_examples=examples(1500), deadline=None)
@given(TEXTS, st.sampled_from(["text", "markdown"]))
def test_the_regions_are_the_one_sorted_filtered_list(text, format):
    found = segment._regions(text, format, LineIndex(text))
    assert found == _regions_in_one_pass(text, format, LineIndex(text))
    assert all(type(r.span) is Span for r in found)


@pytest.mark.parametrize(
    "text",
    [
        "Shares of IBM <IBM.N> rose; HP (HPQ.N) fell and Dell <DELL.O> held.",
        "(NYSE: IBM - News)(dpa)<IBM.N>",
        "",
    ],
)
def test_tickers_alone_come_back_in_order_and_apart(text):
    found = segment._regions(text, "text", LineIndex(text))
    assert found == _regions_in_one_pass(text, "text", LineIndex(text))
    assert [r.span.start for r in found] == sorted({r.span.start for r in found})
    assert all(a.span.end <= b.span.start for a, b in zip(found, found[1:], strict=False))


@settings(max_examples=examples(300), deadline=None)
@given(TEXTS, st.sampled_from(["text", "markdown"]))
def test_the_assembled_document_is_the_dataclass_one(text, format):
    doc = segment.parse(text, "story.txt", format)
    fields = {f.name: getattr(doc, f.name) for f in dataclasses.fields(Document)}
    built = Document(**fields)
    assert doc == built
    names = [f.name for f in dataclasses.fields(Document)]
    assert list(built.__dict__) == names
    # the fields, in order (but a plain story's `lines`, which `assembled` leaves to be built on
    # first read: by the `getattr` above, after the rest), then what `assembled` made at once of
    # the parts every check reads (its memo dicts, the empty span set): each what the cached
    # property builds on first read
    given = names if list(doc.__dict__)[: len(names)] == names else [n for n in names if n != "lines"]
    assert list(doc.__dict__)[: len(given)] == given
    assert {name: doc.__dict__[name] for name in names} == built.__dict__
    assert list(doc.lines.starts) == list(LineIndex(text).starts) and doc.lines.length == len(text)
    made = [n for n in list(doc.__dict__)[len(given) :] if n != "lines"]
    assert {"_line_cases", "derivations", "_selected"} <= set(made)
    for name in made:
        assert isinstance(vars(Document)[name], cached_property)
        mine, theirs = doc.__dict__[name], getattr(built, name)
        if isinstance(theirs, SpanSet):
            assert (mine.spans, mine._starts, mine._ends) == (theirs.spans, theirs._starts, theirs._ends)
        else:
            assert mine == theirs
    assert repr(doc) == repr(built)
    with pytest.raises(dataclasses.FrozenInstanceError):
        doc.text = "changed"  # type: ignore[misc]


@settings(max_examples=examples(500), deadline=None)
@given(TEXTS)
def test_parse_asks_for_tables_and_sic_marks_only_where_they_may_be(text):
    """`parse` makes no generator for the tables or the [sic] marks of a text without a column
    gap or a mark: what it files is what the generators find, gap or no gap."""
    doc = segment.parse(text, "story.txt", "text")
    assert doc.sic == tuple(segment._sic_spans(text))
    lines = LineIndex(text)
    tables = list(segment._tables(text, lines))
    if segment._has_column_gap(text):
        assert list(segment._gapped_tables(text, lines)) == tables
    else:
        assert tables == []
    assert [r.span for r in doc.regions if r.kind is RegionKind.TABLE] == tables  # (always kept)
