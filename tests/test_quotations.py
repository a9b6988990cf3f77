"""Direct quotations in every house style (lint/quotations.py), and the promise built on them:
words inside a quotation are reported, never fixed, whatever marks open it and however it is
attached to the words before it."""

from __future__ import annotations

from itertools import pairwise

import pytest
from hypothesis import example, given, settings
from hypothesis import strategies as st

from newslint.config import Settings
from newslint.lint import Linter
from newslint.segment import parse
from tests.depth import examples


def quoted(body: str, headline: str = "Talks go on") -> list[str]:
    doc = parse(f"{headline}\n\n{body}\n")
    return [doc.text[q.start : q.end] for q in doc.quotations]


@pytest.mark.parametrize(
    "body, quotes",
    [
        # attachment: a space, none after a colon or comma, a space inside after the colon
        ('He said:"We won," she said.', ['"We won,"']),
        ('He said,"We won," she said.', ['"We won,"']),
        ('Haughey said:" Delors helped us."', ['" Delors helped us."']),
        ('He said: "We won".', ['"We won"']),
        # curly, German, Polish, guillemets both ways, single guillemets, TeX and wire style
        ("He said “we won” today.", ["“we won”"]),
        ("Er sagte: „Wir haben gewonnen“, sagte er.", ["„Wir haben gewonnen“"]),
        ("Powiedział: „Wygraliśmy”.", ["„Wygraliśmy”"]),
        ("Il a dit : « Nous avons gagné », a-t-il dit.", ["« Nous avons gagné »"]),
        ("Il a dit «nous avons gagné».", ["«nous avons gagné»"]),
        ("Er sagte: »Wir haben gewonnen«, sagte er.", ["»Wir haben gewonnen«"]),
        ("Sie sagte ‹ja› und ›nein‹.", ["‹ja›", "›nein‹"]),
        ("He said: ``We won,'' the minister said.", ["``We won,''"]),
        ("He said ''we won'' today.", ["''we won''"]),
        # British copy: singles outside, doubles nested inside; US copy: the other way round
        (
            "'He told me \"never again\", and left,' she said.",
            ["'He told me \"never again\", and left,'", '"never again"'],
        ),
        (
            "\"He told me 'never again' and left,\" she said.",
            ["\"He told me 'never again' and left,\"", "'never again'"],
        ),
        ("She said ‘no’ twice.", ["‘no’"]),
        ("‘The regime’s soldiers fled,’ he said.", ["‘The regime’s soldiers fled,’"]),
        # apostrophes open and close nothing
        ("The farmers' union met at Congress' request.", []),
        ("It's the minister's car, isn't it? He was 6' tall and the '90s were over.", []),
        ("He loves rock 'n' roll and ’Tis the season music of the ’90s.", []),
        ("‘We liked the ’90s,’ he said.", ["‘We liked the ’90s,’"]),
        ("R.E.M.'s album and the rockers' tour.", []),
        ('The Bank>"s profit and I don"t know.', []),
        # a quote whose paragraphs were run together: each part opens with a mark
        (
            'He said: "I am not going into figures. "This deal is not about money." Bates left.',
            ['"I am not going into figures. ', '"This deal is not about money."'],
        ),
        # doubles nested in doubles, as 1987 wire copy writes them
        (
            '"They may find a "white knight" soon," he said.',
            ['"They may find a "white knight" soon,"', '"white knight"'],
        ),
        # a closing mark that lost its space
        ('"It was too profound."He called for elections.', ['"It was too profound."']),
        # a stray mark before a complete quotation ends where that one opens
        (
            'A stray " mark. He was the "Father of the House" then.',
            ['" mark. He was the ', '"Father of the House"'],
        ),
        # markup is not a quotation
        ('<a href="http://example.com/a">Example</a> said "hello".', ['"hello"']),
    ],
)
def test_quotations_in_every_style(body, quotes):
    assert quoted(body) == quotes


def test_a_quotation_reopened_at_each_paragraph_covers_every_paragraph():
    for opener, closer in [
        ('"', '"'),
        ("“", "”"),
        ("'", "'"),
        ("‘", "’"),
        ("«", "»"),
        ("„", "“"),
        ("``", "''"),
    ]:
        body = f"He said: {opener}We stay.\n\n{opener}We fight.\n\n{opener}We win,{closer} he said."
        assert quoted(body) == [
            f"{opener}We stay.",
            f"{opener}We fight.",
            f"{opener}We win,{closer}",
        ]


def test_an_unclosed_single_is_an_apostrophe_unless_the_next_paragraph_reopens_it():
    assert quoted("The class of 'Tis fame.\n\nThe end.") == []
    assert quoted("He said: 'We will stay.\n\n'We will win,' he said.") == [
        "'We will stay.",
        "'We will win,'",
    ]


def test_a_stray_mark_never_runs_past_its_paragraph():
    text = 'He said "we will go.\n\nThe team left on Tuesday.'
    assert quoted(text) == ['"we will go.']


def test_markdown_backticks_are_code_not_quotes():
    doc = parse("# Head line\n\nRun ``make'' and `ls' now.\n", format="markdown")
    assert doc.quotations == ()


# --- the promise, over generated stories -------------------------------------------------------
STYLES = [
    ('"', '"'),
    ("“", "”"),
    ("'", "'"),
    ("‘", "’"),
    ("«", "»"),
    ("« ", " »"),
    ("»", "«"),
    ("„", "“"),
    ("„", "”"),
    ("‹", "›"),
    ("``", "''"),
]
WORDS = ["we", "will", "talk", "to", "them", "on", "Monday", "about", "the", "budget", "and", "taxes", "now"]


def apostrophe_words(closer: str) -> list[str]:
    """Words with apostrophes the quotation must survive, in the style's own apostrophe
    (a plural possessive, `farmers'`, is left out: before a space it is a closing mark too)."""
    mark = "’" if closer in "’”“" else "'"
    return [f"regime{mark}s", f"don{mark}t", f"{mark}90s", f"rock {mark}n{mark} roll"]


@st.composite
def stories(draw):
    opener, closer = draw(st.sampled_from(STYLES))
    vocabulary = WORDS + apostrophe_words(closer)
    words = draw(st.lists(st.sampled_from(vocabulary), min_size=2, max_size=8))
    where = draw(st.integers(0, len(words)))
    inner = " ".join([*words[:where], "reigme", *words[where:]])
    attach = draw(st.sampled_from(["said: ", "said:", "said, ", "said,", "said ", ":pad", "reopen", "lead"]))
    outside = "Officials of the reigme met on Friday."
    evidence = "The regime said the regime would talk. The regime agreed."
    quote_text = f"{opener}So {inner},{closer}"
    if attach == ":pad":  # a space inside the mark, as in `Haughey said:" Delors ...`
        attach, quote_text = "said:", f"{opener.rstrip()} So {inner},{closer}"
    if attach == "lead":
        body = f"{evidence} {outside}\n\n{quote_text} he said."
    elif attach == "reopen":
        body = f"{evidence} {outside} He said: {opener}We will talk.\n\n{quote_text} he said."
    else:
        body = f"{evidence} {outside} The envoy {attach}{quote_text} he said."
    return f"Talks resume in the capital\n\n{body}\n", quote_text


@settings(max_examples=150, deadline=None)
@given(stories())
@example(
    (
        "Talks resume\n\nThe regime said the regime met. The regime left."
        ' Officials of the reigme met on Friday. The envoy said:"We reigme now," he said.\n',
        '"We reigme now,"',
    )
)
def test_a_typo_inside_any_quotation_is_reported_never_fixed_and_one_outside_is_fixed(story):
    text, quote_text = story
    linter = Linter(Settings(), "story.txt")
    result = linter.check(text)
    inside = text.index("reigme", text.index(quote_text))
    assert any(v.span.start <= inside < v.span.end for v in result.violations), (
        "the typo inside is not reported"
    )
    for unsafe in (False, True):
        fixed = linter.fix(text, unsafe=unsafe).text
        assert quote_text in fixed, f"the quotation was edited (unsafe={unsafe}): {fixed!r}"
        assert "Officials of the regime met" in fixed, f"the typo outside was not fixed: {fixed!r}"


QUOTE_HEAVY = st.lists(
    st.sampled_from(
        ["He said", " ", "\n", "\n\n", "we", "s", "90", ":", ",", ".", "=", "<a>", "(", *"\"“”„‟«»‹›‘’‚‛'`"]
    ),
    max_size=60,
).map("".join)


@settings(max_examples=examples(400), deadline=None)
@given(st.one_of(QUOTE_HEAVY, st.text(max_size=80)), st.sampled_from(["text", "markdown"]))
@example("“a “b” c” d «e» \"f 'g' h\" ``i''", "text")
def test_quotations_are_well_formed_on_any_input(text, fmt):
    doc = parse(text, format=fmt)
    spans = list(doc.quotations)
    assert spans == sorted(spans)
    for q in spans:
        assert 0 <= q.start < q.end <= len(text)
        assert not text[q.start].isspace(), "a quotation opens with its mark"
    for a, b in pairwise(spans):
        assert a.end <= b.start or a.contains(b), f"quotations {a} and {b} cross"
