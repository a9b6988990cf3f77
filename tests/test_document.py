"""The document model: headline, dateline, paragraphs, sentences, tokens, quotations, regions.

Every input here is written for the test (never corpus text); each mirrors a shape of real copy.
"""

from __future__ import annotations

from array import array
from itertools import pairwise

import pytest

from newslint import tokens
from newslint.document import RegionKind, TokenKind
from newslint.segment import parse
from newslint.span import Span, offsets


def part(doc, span):
    return None if span is None else doc.text[span.start : span.end]


def parts(doc, spans):
    return [doc.text[s.start : s.end] for s in spans]


def regions(doc, kind):
    return [doc.text[s.start : s.end] for s in doc.regions_of(kind)]


# --- headline ------------------------------------------------------------------------------
@pytest.mark.parametrize(
    "text, headline",
    [
        ("Ferry sinks off coast\n\nA ferry sank on Monday.\n", "Ferry sinks off coast"),
        ("TIN PRICES EASE ON LONDON MARKET\n\nTin prices eased.\n", "TIN PRICES EASE ON LONDON MARKET"),
        ("TRADE\n\nTalks resumed.\n", "TRADE"),  # a one-word ALL CAPS slug
        (
            "OIL PRICES FALL IN LONDON.\n\nOil fell.\n",
            "OIL PRICES FALL IN LONDON.",
        ),  # ALL CAPS: the stop is no matter
        ("'Deadly' storm hits coast\n\nThe storm hit.\n", "'Deadly' storm hits coast"),
    ],
)
def test_headline_is_a_short_first_paragraph(text, headline):
    doc = parse(text)
    assert part(doc, doc.headline) == headline
    assert doc.in_headline(doc.headline)
    assert all(not doc.headline.overlaps(p) for p in doc.paragraphs)


@pytest.mark.parametrize(
    "text",
    [
        "The ferry sank on Monday, officials said.\n\nNobody was hurt.\n",  # ends with a full stop
        "Officials said this:\n\nNobody was hurt.\n",  # ends with a colon
        "A single paragraph without a full stop\n",  # nothing follows it
        "Ferry sinks\noff the coast\n\nNobody was hurt.\n",  # two lines
        ("word " * 60).strip() + "\n\nNext.\n",  # far too long
    ],
)
def test_no_headline_when_the_first_paragraph_is_prose(text):
    assert parse(text).headline is None


def test_markdown_heading_is_the_headline_and_front_matter_is_not():
    text = "---\ntitle: draft\n---\n# Ferry sinks off coast\n\nA ferry sank.\n"
    doc = parse(text, format="markdown")
    assert part(doc, doc.headline) == "Ferry sinks off coast"
    assert parts(doc, doc.paragraphs) == ["A ferry sank."]
    assert regions(doc, RegionKind.FRONT_MATTER) == ["---\ntitle: draft\n---\n"]


def test_markdown_without_a_level_one_heading_has_no_headline():
    doc = parse("## Background\n\nThe ferry was old.\n", format="markdown")
    assert doc.headline is None


# --- dateline ------------------------------------------------------------------------------
@pytest.mark.parametrize(
    "first, dateline",
    [
        ("SALVADOR, Feb 26 - Cocoa farmers met.", "SALVADOR, Feb 26 -"),
        ("WASHINGTON (Reuters) - Senators met.", "WASHINGTON (Reuters) -"),
        ("KYIV, Ukraine (AP) — Officials met.", "KYIV, Ukraine (AP) —"),
        ("NEW YORK, March 3 - Traders met.", "NEW YORK, March 3 -"),
        ("LONDON -- Ministers met.", "LONDON --"),
        ("LA PAZ, Bolivia, May 2 - Miners met.", "LA PAZ, Bolivia, May 2 -"),
        ("BEIJING/WASHINGTON (Reuters) - Envoys met.", "BEIJING/WASHINGTON (Reuters) -"),
    ],
)
def test_dateline_opens_the_first_paragraph(first, dateline):
    doc = parse(f"Farmers meet\n\n{first}\n\nMore followed.\n")
    assert part(doc, doc.dateline) == dateline
    # The first sentence starts after the dateline.
    assert part(doc, doc.sentences[1]).startswith(first[len(dateline) :].strip()[:5])


@pytest.mark.parametrize(
    "first",
    [
        "The minister - who was late - spoke.",
        "In Washington, officials met on Monday.",
        "US - China talks resumed.",  # short capital words, but prose: no date, no agency
        "NATO - the alliance - met.",  # no sentence starts after the dash
        "TIN PRICES EASE ON LONDON MARKET - DEALERS",  # a headline repeated, not a place
    ],
)
def test_no_dateline_in_ordinary_prose(first):
    assert parse(f"Talks resume\n\n{first}\n").dateline is None


# --- paragraphs ----------------------------------------------------------------------------
def test_blank_lines_separate_paragraphs_and_extra_blank_lines_do_not_count():
    doc = parse("Head line here\n\nOne.\n\n\n\nTwo.\n  \nThree.\n")
    assert parts(doc, doc.paragraphs) == ["One.", "Two.", "Three."]


def test_indented_lines_start_hard_wrapped_wire_paragraphs():
    text = (
        "COPPER EDGES HIGHER\n\n"
        "Copper prices edged higher on\n"
        "Tuesday as stocks fell, dealers said.\n"
        "    Stocks fell by 2,000 tonnes, the\n"
        "exchange said.\n"
        '    "We expect more," one dealer said.\n'
    )
    doc = parse(text)
    assert part(doc, doc.headline) == "COPPER EDGES HIGHER"
    assert parts(doc, doc.paragraphs) == [
        "Copper prices edged higher on\nTuesday as stocks fell, dealers said.",
        "Stocks fell by 2,000 tonnes, the\nexchange said.",
        '"We expect more," one dealer said.',
    ]


def test_crlf_is_not_in_the_model():
    # Sources turn uniform CRLF into \n before parsing; mixed endings arrive as they are and
    # must still parse into spans inside the text.
    doc = parse("Head line\r\n\r\nOne.\r\nTwo.\n")
    assert all(0 <= p.start < p.end <= len(doc.text) for p in doc.paragraphs)


# --- sentences -----------------------------------------------------------------------------
def test_abbreviations_and_initials_do_not_end_a_sentence():
    doc = parse(
        "Envoy meets rebels\n\nMr. Smith met Dr. Jones on Jan. 5 in the U.S. capital. "
        "J. R. Brown, of Acme Inc., was there. They talked for an hour.\n"
    )
    assert parts(doc, doc.sentences) == [
        "Envoy meets rebels",
        "Mr. Smith met Dr. Jones on Jan. 5 in the U.S. capital.",
        "J. R. Brown, of Acme Inc., was there.",
        "They talked for an hour.",
    ]


def test_sentences_end_after_closing_quotes_and_brackets():
    doc = parse('Talks end\n\n"We are done." Then he left. (He was tired.) It rained!\n')
    assert parts(doc, doc.sentences)[1:] == [
        '"We are done."',
        "Then he left.",
        "(He was tired.)",
        "It rained!",
    ]


def test_a_full_stop_before_a_lower_case_word_does_not_end_a_sentence():
    doc = parse("Head line\n\nShares rose 2.5 pct. to a record, said e.g. analysts.\n")
    assert len(doc.sentences) == 2


# --- tokens --------------------------------------------------------------------------------
def test_tokens_are_words_numbers_and_mixed():
    doc = parse("Jets strike\n\nThe regime's F-16s hit 450.000 targets at 5:50 in al-Qaeda's U.S. base.\n")
    kinds = {t.text: t.kind for t in doc.tokens}
    assert kinds["regime's"] is TokenKind.WORD
    assert kinds["al-Qaeda's"] is TokenKind.WORD
    assert kinds["F-16s"] is TokenKind.MIXED
    assert kinds["450.000"] is TokenKind.NUMBER
    assert kinds["5:50"] is TokenKind.NUMBER
    assert kinds["U.S."] is TokenKind.WORD
    assert [t.text for t in doc.words()][:3] == ["Jets", "strike", "The"]


def test_token_flags_sentence_start_headline_and_quotation():
    doc = parse('Jets strike\n\nThe jets flew. "Run now," he said.\n')
    by_text = {t.text: t for t in doc.tokens}
    assert by_text["Jets"].in_headline and by_text["Jets"].sentence_start
    assert by_text["The"].sentence_start and not by_text["The"].in_headline
    assert not by_text["jets"].sentence_start
    assert by_text["Run"].in_quotation and by_text["now"].in_quotation
    assert not by_text["said"].in_quotation


def test_tokens_leave_out_urls_emails_handles_and_tables():
    text = (
        "Shares fall\n\nWrite to desk@example.com or @newsdesk, see https://example.org/a and #markets.\n\n"
        "Index      Close    Change\nDow        100      +1\n"
    )
    words = {t.text for t in parse(text).tokens}
    assert {"Write", "see", "and"} <= words
    assert not words & {"desk", "example", "newsdesk", "org", "markets", "Dow", "Close", "100"}


def test_word_counts_and_words_among_without_building_the_tokens():
    text = (
        "Shares fall\n\nShares of the firm fell, see https://example.org/shares and the note. "
        '"The shares are cheap," he said.\n'
    )
    doc = parse(text)
    assert doc.word_counts["Shares"] == 2 and doc.word_counts["shares"] == 1  # not the URL's
    assert "example" not in doc.word_counts
    found = doc.words_among({"shares", "Shares"})
    assert "tokens" not in vars(doc)  # the views built no token list
    assert [(t.text, t.sentence_start, t.in_headline, t.in_quotation) for t in found] == [
        ("Shares", True, True, False),
        ("Shares", True, False, False),
        ("shares", False, False, True),
    ]
    assert found == [t for t in doc.words() if t.text in {"shares", "Shares"}]


def test_indexed_words_are_the_distinct_token_texts_in_order(monkeypatch):
    """`indexed_words`: the token index's distinct texts in order of first use, numbers and
    mixed tokens too, the word counts' words among them in the counts' order; None where the
    story has no index (its tokens built, or too long to index)."""
    text = (
        "Shares fall at U.S. firm\n\nShares of the firm fell 4.5%, see https://example.org/shares "
        'and F-16s. "The shares are cheap," he said. | A | B |\nFirm shares rose 12 cents.\n'
    )
    doc = parse(text)
    words = doc.indexed_words()
    assert words is not None and "tokens" not in vars(doc)
    assert doc.indexed_words() is words  # the index's own list: read-only
    assert [w for w in words if w in doc.word_counts] == list(doc.word_counts)
    assert {"4.5", "12", "F-16s"} <= set(words) - set(doc.word_counts)
    assert words == list(dict.fromkeys(t.text for t in doc.tokens))
    assert doc.indexed_words() is None  # its tokens are built now: read those
    monkeypatch.setattr(tokens, "INDEX_LIMIT", 0)
    assert parse(text).indexed_words() is None


def test_first_tokens_are_the_sentence_openers():
    doc = parse("Shares fall\n\nshares of the firm fell. 12 analysts said so. See www.example.com first.\n")
    firsts = doc.first_tokens()
    assert "tokens" not in vars(doc)
    assert [t.text for t in firsts] == ["Shares", "shares", "12", "See"]
    assert firsts == [t for t in doc.tokens if t.sentence_start]


def test_the_token_index_and_the_sentence_scan_give_the_same_tokens(monkeypatch):
    """A story is tokenised once into an index that the views read; a text too long to index
    is scanned sentence by sentence as each view asks. Both give the same tokens and counts."""
    text = (
        "Shares fall at U.S. firm\n\nShares of the firm fell 4.5%, see https://example.org/shares "
        '"and the note". "The shares are cheap, the firm\'s F-16s too," he said. www.x.com Shares '
        "rose. | A | B |\n\nShares  of  firm  fell  sharply\nshares  of  firm  rose  slowly\n"
    )
    wanted = {"shares", "Shares", "firm", "the", "see"}

    def views():
        doc = parse(text)
        return (
            list(doc.word_counts.items()),
            doc.words_among(wanted),
            doc.first_tokens(),
            [t for t in doc.tokens if t.text in wanted],
            # a few words (the unindexed text finds the sentences holding them by one search):
            # one that is also part of longer words or spans a sentence end, one in a region
            [doc.words_among({w}) for w in (*sorted(wanted), "fell", "e", "said.", "x", "rose", "B")],
            doc.words_among({"fell", "firm's", "cheap", "slowly"}),
        )

    indexed = views()
    monkeypatch.setattr(tokens, "INDEX_LIMIT", 0)
    assert views() == indexed
    assert indexed[1] == indexed[3]


def test_a_big_files_offsets_are_kept_compact():
    """The offsets a document keeps for a whole file (line starts, sentence starts, runs of
    digits) are 4-byte arrays, not lists of int objects; each sentence's place (headline,
    quotation) is one of six shared tuples, not a tuple per sentence."""
    text = 'Shares fall\n\nShares of 12 firms fell. "They fell," he said. 40 rose.\n'
    doc = parse(text)
    assert isinstance(doc.lines.starts, array) and doc.lines.starts.typecode == "i"
    assert doc.lines.starts.tolist() == [0, 12, 13, len(text)]
    assert doc.word_before(doc.tokens[-1]).text == "said"  # the word before "rose", by bisection
    assert isinstance(doc._sentence_starts, array)
    assert doc._sentence_starts.tolist() == [s.start for s in doc.sentences]
    assert all(isinstance(runs, array) for runs in doc.digit_runs)
    assert [text[i] for i in doc.digit_runs[0]] == ["1", "4"]
    places = [p for p in doc._prose._places if p is not None]
    assert len(places) == len(doc.sentences)
    assert len({id(p) for p in places}) == len(set(places)) < len(places)
    # past 2**31 characters an offset needs 8 bytes
    assert offsets([1, 2], 2**31 - 1).typecode == "i" and offsets([2**31], 2**31 + 1).typecode == "q"


def test_released_parts_cannot_be_read_by_mistake():
    """Once the original's rules are done, a check lets go of its sentences and paragraphs (the
    repaired reading is read next); a reader after that fails loudly, never finds them empty."""
    from newslint.config import Settings
    from newslint.lint import Linter

    text = 'Shares fall\n\nShares fell. "They rose," he said.\n'
    doc = parse(text)
    assert doc.tokens and doc.sentences
    doc.release_parts()
    for read in (lambda: len(doc.sentences), lambda: list(doc.paragraphs), lambda: doc.tokens):
        with pytest.raises(RuntimeError, match="after release_parts"):
            read()
    they = text.index("They")
    assert doc.is_quoted(Span(they, they + 4)) and not doc.is_quoted(Span(0, 6)) and doc.lines.line(13) == 3
    text = "Shares fall\n\nShares fell &amp; the firm's chief said so. Shares rose.\n"
    result = Linter(Settings(), "story.txt").check(text)
    assert result.reading_document is not result.document
    assert len(result.reading_document.sentences) == 3
    with pytest.raises(RuntimeError):
        len(result.document.sentences)

    doc = parse("Shares fell. Shares rose.")
    built = []

    def shares(d):
        built.append(d)
        return d.word_counts["Shares"]

    assert doc.derived(shares) == 2 and doc.derived(shares) == 2
    assert built == [doc]
    assert parse("Shares fell.").derived(shares) == 1 and len(built) == 2


# --- quotations ----------------------------------------------------------------------------
@pytest.mark.parametrize(
    "body, quotes",
    [
        ("He said “we will strike” today.", ["“we will strike”"]),
        ('He said "we will strike" today.', ['"we will strike"']),
        ("She said ‘no’ twice.", ["‘no’"]),
        ("'Not me', he said.", ["'Not me'"]),
        ("The farmers' union met at Congress' request.", []),  # possessives, not quotes
        ("It's the minister's car, isn't it?", []),  # apostrophes
        ("He was 6' tall and the '90s were over.", []),  # feet and decades
        ('A "quote" and "another" here.', ['"quote"', '"another"']),
    ],
)
def test_direct_quotations(body, quotes):
    doc = parse(f"Head line\n\n{body}\n")
    assert parts(doc, doc.quotations) == quotes


def test_single_quotes_in_a_bbc_headline():
    doc = parse("Minister 'will quit' over row\n\nThe minister's aide spoke.\n")
    assert parts(doc, doc.quotations) == ["'will quit'"]
    assert doc.is_quoted(doc.quotations[0])


def test_wire_quotation_runs_on_across_paragraphs():
    # Wire style: a quotation that continues opens each paragraph and closes only at its end.
    text = 'Talks fail\n\n"We are not leaving.\n\n"We will stay," he said. Then he left.\n'
    doc = parse(text)
    assert parts(doc, doc.quotations) == ['"We are not leaving.', '"We will stay,"']
    said = text.index("said")
    assert not doc.quotation_at(said)


def test_run_on_quotation_in_one_paragraph_reopens_at_each_opening_mark():
    # BBC copy whose quote paragraphs were run together: each part opens with a mark, only the
    # last closes. The mark before "This" opens a quotation; it does not close the first one.
    text = 'Deal done\n\nHe said: "I am not going into figures. "This deal is not about money." Bates left.\n'
    doc = parse(text)
    assert parts(doc, doc.quotations) == ['"I am not going into figures. ', '"This deal is not about money."']
    assert doc.quotation_at(text.index("This deal")) and not doc.quotation_at(text.index("Bates"))


def test_quotations_never_overlap_and_a_quote_inside_a_quote_is_covered():
    doc = parse("Head line\n\n\"He told me 'never again' and left,\" she said.\n")
    quoted = doc.text.index("never")
    assert doc.quotation_at(quoted) is not None
    assert all(a.end <= b.start or a.contains(b) or b.contains(a) for a, b in pairwise(doc.quotations))


# --- regions: tables, URLs, e-mail, handles, hashtags, tickers --------------------------------
def test_column_aligned_wire_table_is_a_table():
    text = (
        "Grain stocks\n\nStocks were as follows.\n\n"
        "              Wheat     Corn\n"
        "Week 1        12.5      8.1\n"
        "Week 2        13.0      7.9\n\n"
        "Trading was light.\n"
    )
    doc = parse(text)
    tables = regions(doc, RegionKind.TABLE)
    assert len(tables) == 1 and "Week 2" in tables[0]
    assert not doc.in_table(doc.paragraphs[0]) and not doc.in_table(doc.paragraphs[-1])


def test_a_header_row_with_one_wide_gap_joins_the_table_below_it():
    text = (
        "Grain stocks\n\nLoadings were as follows:\n\n"
        "                    This week    Last week\n"
        "    Soybeans          210,000      340,000\n"
    )
    assert regions(parse(text), RegionKind.TABLE) == [text[text.index("   ") :].rstrip("\n")]


def test_a_row_whose_one_narrow_gap_lines_up_with_the_table_joins_it():
    text = (
        "Price index\n\nThe index rose.\n"
        " METALS          287.40  up   3.15\n"
        " FARM/FOODS/OILS 192.65  unch\n"
        " FUELS           141.20  up   2.05\n"
        "Prices rose  again after the close.\n"
    )
    tables = regions(parse(text), RegionKind.TABLE)
    assert len(tables) == 1 and "FARM/FOODS/OILS" in tables[0] and "FUELS" in tables[0]
    assert "again" not in tables[0]  # the prose line below: its gap lines up with no column


def test_prose_lines_with_one_wide_gap_are_not_a_table():
    doc = parse("Head line\n\nThe talks ended.   Nobody spoke\nof them again.   Then it rained.\n")
    assert regions(doc, RegionKind.TABLE) == []


def test_double_space_in_prose_is_not_a_table():
    doc = parse("Head line\n\nThe talks ended.  Nobody spoke.\n")
    assert regions(doc, RegionKind.TABLE) == []


@pytest.mark.parametrize(
    "body, kind, expected",
    [
        ("See www.example.com. Then leave.", RegionKind.URL, ["www.example.com"]),
        ("See (https://example.org/p?q=1), then leave.", RegionKind.URL, ["https://example.org/p?q=1"]),
        (
            "See https://en.example.org/wiki/Foo_(bar) now.",
            RegionKind.URL,
            ["https://en.example.org/wiki/Foo_(bar)"],
        ),
        ("Reach news@example.co.uk today.", RegionKind.EMAIL, ["news@example.co.uk"]),
        ("Follow @newsdesk_1 now.", RegionKind.HANDLE, ["@newsdesk_1"]),
        ("Tagged #Budget2024 today.", RegionKind.HASHTAG, ["#Budget2024"]),
        ("Shares of Acme <ACME.N> and Bolt (BOLT.L) fell.", RegionKind.TICKER, ["<ACME.N>", "(BOLT.L)"]),
    ],
)
def test_non_prose_regions(body, kind, expected):
    doc = parse(f"Head line\n\n{body}\n")
    assert regions(doc, kind) == expected
    for span in doc.regions_of(kind):
        assert not doc.is_prose(span)


def test_an_email_address_is_not_also_a_url_or_handle():
    doc = parse("Head line\n\nWrite to desk@example.com today.\n")
    assert [r.kind for r in doc.regions] == [RegionKind.EMAIL]


# --- Markdown ------------------------------------------------------------------------------
def test_markdown_code_comments_and_link_targets_are_not_prose():
    text = (
        "# Budget passes\n\n"
        'See [the report](https://example.org/r "Report") and `teh code`.\n\n'
        "<!-- editor: chekc this -->\n\n"
        "```\nteh fenced\n```\n\n"
        "    teh indented\n\n"
        "[ref]: https://example.org/ref\n\n"
        "Last <b>bold</b> words.\n"
    )
    doc = parse(text, format="markdown")
    words = {t.text for t in doc.tokens}
    assert "teh" not in words and "chekc" not in words and "fenced" not in words and "indented" not in words
    assert {"See", "report", "Last", "bold", "words"} <= words
    assert "b" not in words  # the tag, not the word
    assert regions(doc, RegionKind.LINK_TARGET)[0] == '(https://example.org/r "Report")'
    # A code block or comment on its own lines is not a paragraph.
    assert all("```" not in p and "<!--" not in p for p in parts(doc, doc.paragraphs))


def test_plain_text_keeps_markdown_characters_as_prose():
    doc = parse("Head line\n\nThe `tick` and [bracket](x) stay.\n", format="text")
    assert regions(doc, RegionKind.CODE) == [] and regions(doc, RegionKind.LINK_TARGET) == []


def test_html_comment_is_markup_in_plain_text_too():
    doc = parse("Head line\n\nBefore <!-- newslint: disable --> after.\n")
    assert regions(doc, RegionKind.COMMENT) == ["<!-- newslint: disable -->"]


# --- [sic] ---------------------------------------------------------------------------------
@pytest.mark.parametrize(
    "body, marked",
    [
        ("The sign read 'Goverment' [sic] in red.", "Goverment' [sic]"),
        ("He wrote recieve [SIC] twice.", "recieve [SIC]"),
        ("Troops began maneuvres (sic) at dawn.", "maneuvres (sic)"),
    ],
)
def test_sic_marks_the_word_before_it(body, marked):
    doc = parse(f"Head line\n\n{body}\n")
    assert parts(doc, doc.sic) == [marked]
    word = doc.text.index(marked.split("'")[0].split()[0])
    assert doc.is_marked_sic(type(doc.sic[0])(word, word + 3))


def test_empty_and_blank_text():
    for text in ("", "\n", "   \n\n  "):
        doc = parse(text)
        assert doc.headline is None and doc.paragraphs == () and doc.tokens == ()


def _shouting_test(**limits):
    """A LetterTest for words in capitals, and the words it was run on."""
    from newslint.tokens import LetterTest

    calls = []

    def shouting(word):
        calls.append(word)
        return word.isupper()

    return LetterTest(shouting, **limits), calls


def test_letter_test_selects_words_and_remembers_them(monkeypatch):
    from newslint import tokens

    test, calls = _shouting_test(limit=10)
    monkeypatch.setattr(tokens._WORD_BITS, "words", {})  # this test's words alone
    assert test.select(parse("Head\n\nNATO and UN met. NATO left.\n").word_counts) == {"NATO", "UN"}
    assert test.select({"NATO", "met", "EU"}) == {"NATO", "EU"}
    assert calls.count("NATO") == 1  # remembered from the first story
    assert test.select(set("abcdefgh")) == set()  # over the limit: some forgotten, the memory bounded
    assert len(tokens._WORD_BITS.words) <= 10
    assert test.select({"NATO", "UN"}) == {"NATO", "UN"}  # room for 2: Head and NATO were kept
    assert calls.count("NATO") == 1 and calls.count("UN") == 2  # UN was forgotten, tested afresh


def test_letter_test_selects_alike_from_every_kind_of_container(monkeypatch):
    """`select` takes a dict (a Counter), a set, a frozenset or any other mapping or iterable of
    words: each told apart before the `Mapping` check, all answer alike."""
    from collections import Counter
    from types import MappingProxyType

    from newslint import tokens

    test, _ = _shouting_test(limit=100)
    monkeypatch.setattr(tokens._WORD_BITS, "words", {})  # this test's words alone
    words = ["NATO", "met", "UN", "EU", "left"]
    containers = [
        dict.fromkeys(words),
        Counter(words),
        set(words),
        frozenset(words),
        MappingProxyType(dict.fromkeys(words)),
        dict.fromkeys(words).keys(),
        list(words),
    ]
    for container in containers:
        assert test.select(container) == {"NATO", "UN", "EU"}, type(container)


def test_token_kinds_are_the_enum_members():
    assert (tokens.WORD_KIND, tokens.NUMBER_KIND, tokens.MIXED_KIND) == (
        TokenKind.WORD,
        TokenKind.NUMBER,
        TokenKind.MIXED,
    )
    assert tokens.kind_of("regime's") is tokens.WORD_KIND and tokens.kind_of("F-16s") is tokens.MIXED_KIND
    assert tokens.kind_of("450.000") is tokens.NUMBER_KIND


def test_letter_test_memory_keeps_the_words_it_met_first(monkeypatch):
    from newslint import tokens

    test, calls = _shouting_test(limit=8)
    monkeypatch.setattr(tokens._WORD_BITS, "words", {})  # this test's words alone
    assert test.select(dict.fromkeys(["NATO", "UN", "EU", "a"])) == {"NATO", "UN", "EU"}
    assert test.select(dict.fromkeys(["b", "c", "d", "e"])) == set()  # the limit reached
    test.select(dict.fromkeys(["f", "g"]))  # past it: the six met first kept, then f and g
    assert list(tokens._WORD_BITS.words) == ["NATO", "UN", "EU", "a", "b", "c", "f", "g"]
    assert test.select({"NATO", "UN", "c", "d"}) == {"NATO", "UN"}
    assert [calls.count(w) for w in ("NATO", "UN", "c", "d")] == [1, 1, 1, 2]  # d was forgotten


def test_letter_test_memory_holds_a_corpus_of_words_by_default(monkeypatch):
    """The default limit holds the 10,657 dev stories' distinct words (58,378): none of
    them is forgotten and tested again in a run over the corpus."""
    from newslint import tokens

    test, calls = _shouting_test()
    monkeypatch.setattr(tokens._WORD_BITS, "words", {})  # this test's words alone
    words = [f"w{i}" for i in range(63_000)]
    for at in range(0, len(words), 9_000):  # stories' worth at a time, each within `own`
        test.select(words[at : at + 9_000])
    test.select(words[::500])  # met early and late
    assert len(calls) == len(words)  # each word tested once: none forgotten


def test_letter_test_does_not_remember_the_words_of_a_big_text():
    test, calls = _shouting_test(own=3)
    assert test.select({"NATO", "UN"}) == {"NATO", "UN"}
    assert test.select({"NATO", "EU", "a", "b", "c"}) == {"NATO", "EU"}  # four new words: a big text
    assert test.select({"EU", "UN"}) == {"EU", "UN"}
    assert calls.count("NATO") == 1 and calls.count("EU") == 2  # EU was not remembered, NATO was


def test_the_memory_is_trimmed_whole_when_another_thread_adds_words_halfway(monkeypatch):
    """A collection set off while the memory is trimmed may run finalizers, and another thread
    may add words then: the trim reads the memory again rather than fail with
    "dictionary changed size during iteration"."""
    from itertools import islice

    from newslint import tokens

    memory = {f"w{i}": 1 for i in range(10)}
    calls = []

    def interrupted(items, keep):
        calls.append(keep)
        if len(calls) == 1:  # another thread's word, added while the items are read

            def add():
                for n, item in enumerate(items):
                    if n == 2:
                        memory["late"] = 1
                    yield item

            return islice(add(), keep)
        return islice(items, keep)

    monkeypatch.setattr(tokens, "islice", interrupted)
    assert tokens._first_remembered(memory, 8, 1) == {f"w{i}": 1 for i in range(6)}
    assert calls == [6, 6]


@pytest.mark.parametrize(
    "text",
    [
        "PARIS (Reuters) - Prices rose.\n\nThey fell later.\n",
        "See https://example.com today.\nDone.",
        "",
        "One",
    ],
)
def test_lines_built_on_first_read_as_from_the_text(text):
    """A plain story's line index is built when first read, kept, and is the text's own; a
    story with regions has its lines from parse: either way the same starts and length."""
    from newslint.span import LineIndex

    doc = parse(text)
    lines = doc.lines
    assert doc.lines is lines  # kept, not built again
    expected = LineIndex(text)
    assert list(lines.starts) == list(expected.starts)
    assert lines.length == expected.length == len(text)
    assert [lines.line_span(n) for n in range(1, len(lines) + 1)] == [
        expected.line_span(n) for n in range(1, len(expected) + 1)
    ]
