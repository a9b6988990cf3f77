"""The document model: the parts of a wire story, and what is not prose."""
from __future__ import annotations

import pytest

from newslint.document import RegionKind, TokenKind
from newslint.segment import parse


def parts(doc, spans):
    return [doc.slice(s) for s in spans]


@pytest.mark.parametrize("text, headline", [
    ("Rebels seize airport in north\n\nRebels seized the airport on Monday.\n", "Rebels seize airport in north"),
    ("OIL PRICES FALL SHARPLY IN LONDON.\n\nOil prices fell on Monday.\n", "OIL PRICES FALL SHARPLY IN LONDON."),
    ("Rebels seized the airport on Monday.\n\nThey held it for a day.\n", None),
    ("Only one paragraph, no headline\n", None),
])
def test_headline(text, headline):
    doc = parse(text)
    assert (doc.slice(doc.headline) if doc.headline else None) == headline


def test_markdown_heading_is_the_headline():
    doc = parse("---\ntitle: x\n---\n# Rebels seize airport\n\nRebels seized it.\n", format="markdown")
    assert doc.slice(doc.headline) == "Rebels seize airport"


@pytest.mark.parametrize("lede, dateline", [
    ("SALVADOR, Feb 26 - Brazil's unions struck.", "SALVADOR, Feb 26 -"),
    ("WASHINGTON (Reuters) - The Senate voted.", "WASHINGTON (Reuters) -"),
    ("KYIV, Ukraine (AP) — Drones hit the city.", "KYIV, Ukraine (AP) —"),
    ("The Senate voted on Monday - narrowly.", None),
])
def test_dateline(lede, dateline):
    doc = parse(f"Headline for the story\n\n{lede}\n")
    assert (doc.slice(doc.dateline) if doc.dateline else None) == dateline


def test_indented_wire_paragraphs_and_sentences():
    text = ("SENATE PASSES BUDGET\n\nThe U.S. Senate passed the budget\non Monday, Mr. Smith said.\n"
            "    It goes to the House next. Jan. 5 is the deadline.\n Reuter\n")
    doc = parse(text)
    assert parts(doc, doc.paragraphs) == [
        "The U.S. Senate passed the budget\non Monday, Mr. Smith said.",
        "It goes to the House next. Jan. 5 is the deadline.", "Reuter"]
    assert "The U.S. Senate passed the budget\non Monday, Mr. Smith said." in parts(doc, doc.sentences)
    assert "It goes to the House next." in parts(doc, doc.sentences)


def test_quotations():
    text = ('Talks\n\nHe said “we will stay” and "they will go". The farmers\' land was taken, '
            "the so-called 'Big Three' said.\n\n\"We will fight on,\" she said. \"And on\n\n\"and on.\"\n")
    doc = parse(text)
    quotes = parts(doc, doc.quotations)
    assert "“we will stay”" in quotes and '"they will go"' in quotes and "'Big Three'" in quotes
    assert not any(q.startswith("' land") or q == "' land" for q in quotes)
    assert '"And on' in quotes  # an open quote runs to the end of its paragraph, as on the wire


def test_tables_are_not_prose_but_a_double_space_is():
    table = " Under Loan       505.6   4,612.1     321.3\n Redeemed         206.4   1,357.3      46.1\n"
    doc = parse("Loans report\n\nThe figures are:\n" + table + "\nThe banks  agreed.\n")
    [span] = list(doc.regions_of(RegionKind.TABLE))
    assert doc.slice(span).strip() == table.strip()
    assert not doc.in_table(next(t.span for t in doc.tokens if t.text == "agreed"))


def test_urls_emails_handles_hashtags_and_tickers_are_not_prose():
    doc = parse("News\n\nSee https://example.com/a?b=1, www.bbc.co.uk, desk@example.org, "
                "@reuters and #breaking; shares of <SRD> and (AAPL.O) rose.\n")
    kinds = {r.kind: doc.slice(r.span) for r in doc.regions}
    assert {doc.slice(r.span) for r in doc.regions if r.kind is RegionKind.URL} == {"https://example.com/a?b=1", "www.bbc.co.uk"}
    assert kinds[RegionKind.EMAIL] == "desk@example.org"
    assert kinds[RegionKind.HANDLE] == "@reuters" and kinds[RegionKind.HASHTAG] == "#breaking"
    assert {doc.slice(r.span) for r in doc.regions if r.kind is RegionKind.TICKER} == {"<SRD>", "(AAPL.O)"}
    assert "example" not in {t.text for t in doc.words()}


def test_markdown_code_front_matter_links_and_comments_are_not_prose():
    text = ("---\nauthor: recieved\n---\n# Title here\n\nSee [the report](http://x.org/recieved) and `recieved`.\n\n"
            "```\nrecieved\n```\n\n<!-- recieved -->\nDone.\n")
    doc = parse(text, format="markdown")
    assert "recieved" not in {t.text for t in doc.tokens}


def test_tokens_kinds_and_sentence_starts():
    doc = parse("Headline words here\n\nTwo F-16s flew 450.000 km. Then they landed.\n")
    kinds = {t.text: t.kind for t in doc.tokens}
    assert kinds["F-16s"] is TokenKind.MIXED and kinds["450.000"] is TokenKind.NUMBER and kinds["flew"] is TokenKind.WORD
    assert [t.text for t in doc.tokens if t.sentence_start] == ["Headline", "Two", "Then"]


def test_sic_marks_the_word_before_it():
    doc = parse("He wrote \"recieved [sic]\" twice.\n")
    [span] = doc.sic
    assert doc.slice(span).startswith("recieved")
