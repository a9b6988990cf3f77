"""Parse a story's text into a `Document`: headline, dateline, paragraphs, sentences,
quotations, tables and other non-prose regions (the document builds its tokens from these
when a rule first asks: see `tokens.py`).

The parts of a wire story, as the heuristics here see them:
- headline: the first paragraph when it looks like one (one line, short, no final full stop;
  ALL CAPS allowed, as in Reuters copy), or a Markdown `# heading`;
- dateline: `WASHINGTON (Reuters) -`, `SALVADOR, Feb 26 -`, `KYIV, Ukraine (AP) —` at the start
  of the first body paragraph;
- paragraphs: blank-line separated blocks, and inside a block every indented line starts a new
  paragraph (the hard-wrapped, indented paragraphs of Reuters copy);
- tables: lines with column gaps (three or more spaces, a tab, or two gaps of two spaces).
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable, Iterator, Sequence

from newslint.document import Document, Region, RegionKind, SpanSet
from newslint.native import native
from newslint.quotations import quotations as find_quotations
from newslint.span import LazyLineIndex, LineIndex, Span

MAX_HEADLINE_CHARS = 200

_BLOCK_SEP = re.compile(r"\n[ \t]*\n(?:[ \t]*\n)*")
_DATELINE = re.compile(
    r"[A-Z][A-Z.'’/\-]*(?: [A-Z][A-Z.'’/\-]*){0,3}"  # city, in capitals, four words at most
    r"(?:,\s+[A-Z][A-Za-z.'’\- ]{1,30}?)?"  # country or state
    r"(?:,?\s+[A-Z][a-z]{2,8}\.?\s+\d{1,2})?"  # date: Feb 26
    r"(?:\s+\([A-Za-z.\- ]{2,25}\))?"  # agency: (Reuters)
    r"\s*[-–—]{1,2}\s(?=[\"“‘'(]?[A-Z0-9])"  # then a sentence starts: not "NATO - the alliance"
)
_AGENCY_DATELINE = re.compile(
    r"[A-Z][\w.'’/\-, ]{1,60}?\((?:Reuters|AP|AFP|UPI|Bloomberg|dpa|IANS|PTI)\)\s*[-–—]{1,2}\s"
)

_URL = re.compile(
    r"(?:\bhttps?://|\bwww\.)[^\s<>\"“”]+"
    r"|\b[\w\-]+(?:\.[\w\-]+)*\.(?:com|org|net|gov|edu|int|mil|io|info|biz|co\.uk|org\.uk|gov\.uk|ac\.uk|uk)\b(?:/[^\s<>\"“”]*)?",
    re.IGNORECASE,
)
_URL_HINT = re.compile(r"://|www\.|\.(?:com|org|net|gov|edu|int|mil|io|info|biz|uk)\b", re.IGNORECASE)
_EMAIL = re.compile(r"\b[\w.+\-]+@[\w\-]+(?:\.[\w\-]+)+")
# Written to open with their mark, the look-behind after it (the plain forms, in
# tests/test_fast_patterns.py, open with the look-behind, tried at every position of the text).
_HANDLE = re.compile(r"@(?<![\w@]@)\w{1,30}")
_HASHTAG = re.compile(r"#(?<![\w&#]#)[A-Za-z]\w*")
# Tickers: Reuters' `<IBM.N>` and `(AAPL.O)`; an exchange and a ticker in any case, with the quote
# links web pages add (`(NYSE: IBM - News)`, `(nasdaq: msft - news - people )`, `(HD:NYSE -
# news - research)`, `(JNJ.N: Quote, Profile, Research)`); and a news agency's code in lowercase
# (`(dpa)`, `(afp)`). None of them is a word to correct.
_EXCHANGE = r"(?i:nyse|nasdaq|amex|otc|otcbb|lse|tsx|tsxv|asx|hkex|sgx|nse|bse|euronext|xetra)"
_QUOTE_LINK = r"(?i:news|people|research|quote|profile|chart|estimates)"
_TICKER = re.compile(
    r"<[A-Z][A-Z0-9.]{0,9}>"  # <IBM.N>
    r"|\((?:[A-Z]{1,5}\.[A-Z]{1,2}"
    rf"|{_EXCHANGE}\s*[: ]\s*[A-Za-z]{{1,6}}(?:\.[A-Za-z]{{1,2}})?(?:\s*-\s*{_QUOTE_LINK})*"
    rf"|[A-Z]{{1,5}}\s*:\s*{_EXCHANGE}(?:\s*-\s*{_QUOTE_LINK})*"
    rf"|[A-Z]{{1,5}}[a-z]?(?:\.[A-Z]{{1,2}})?:\s*{_QUOTE_LINK}(?:,\s*{_QUOTE_LINK})*"
    r"|afp|ap|dpa|upi|ians|pti|efe|ansa)\s*\)"
)
_HTML_COMMENT = re.compile(r"<!--.*?-->", re.DOTALL)
_COLUMN_GAP = re.compile(r"(?<=\S)(?: {2,}|\t[ \t]*)(?=\S)")
_COLUMN_START = re.compile(r"(?<=\s)\S")

_MD_FRONT_MATTER = re.compile(r"\A(?:---|\+\+\+)[ \t]*\n.*?\n(?:---|\+\+\+)[ \t]*(?:\n|\Z)", re.DOTALL)
_MD_FENCE = re.compile(r"^[ \t]*(```|~~~)[^\n]*\n.*?(?:^[ \t]*\1[ \t]*$|\Z)", re.DOTALL | re.MULTILINE)
_MD_INDENTED_CODE = re.compile(r"(?:(?<=\n\n)|\A)(?:(?: {4}|\t)[^\n]*(?:\n|\Z))+")
_MD_INLINE_CODE = re.compile(r"(`+)[^`\n]+?\1")
_MD_LINK_TARGET = re.compile(r"(?<=\])\([^)\s]*(?:\s+\"[^\"]*\")?\)")
_MD_REF_DEF = re.compile(r"^[ \t]{0,3}\[[^\]\n]+\]:[ \t]*\S+[^\n]*$", re.MULTILINE)
_MD_AUTOLINK = re.compile(r"<(?:https?|mailto):[^>\s]+>")
_MD_HTML_TAG = re.compile(r"</?[A-Za-z][A-Za-z0-9\-]*(?:\s[^<>]*)?/?>")
_MD_HEADING = re.compile(r"^[ \t]{0,3}(#{1,6})[ \t]+([^\n]*?)[ \t#]*$", re.MULTILINE)

_ABBREVIATIONS = frozenset(
    "mr mrs ms dr prof st sen rep gov gen col lt sgt capt cmdr adm maj rev hon jr sr "
    "jan feb mar apr jun jul aug sep sept oct nov dec no nos vs etc inc corp ltd co bros "
    "mt ft approx dept est fig gen univ ave blvd rd".split()
)
# A sentence ends at a run of end marks and closing quotes that is followed by space and a
# capital or digit (SENTENCE_END_DEFINITION). Written as the run, taken whole, and the test of what
# follows it: tried at every mark of a run, the plain form read the rest of the run from each,
# and 100,000 full stops took minutes. tests/test_fast_patterns.py checks that they agree.
SENTENCE_END_DEFINITION = r"[.!?]+[\"”’')\]]*(?=\s+[\"“‘'(\[]?[A-Z0-9])"
_SENTENCE_END = re.compile(r"[.!?]++[\"”’')\]]*+")
_SENTENCE_NEXT = re.compile(r"\s+[\"“‘'(\[]?[A-Z0-9]")


def sentence_ends(text: str, start: int, end: int) -> Iterator[re.Match[str]]:
    """The matches of SENTENCE_END_DEFINITION in text[start:end], in linear time."""
    for m in _SENTENCE_END.finditer(text, start, end):
        if _SENTENCE_NEXT.match(text, m.end(), end):
            yield m


def parse(text: str, path: str = "-", format: str = "text") -> Document:
    """Build the document model of `text`. `format` is "text" or "markdown"."""
    plain = _plain_story(text) if format == "text" else None
    lines: LazyLineIndex | None = None  # a plain story's: built by the document when first read
    if plain is not None:  # most stories: no rare hint, no region but tickers, one compiled call
        hints, tickers, headline, dateline, paragraphs, sentences, quotations = plain
        regions = [Region(RegionKind.TICKER, s) for s in tickers] if tickers else []
        not_prose = SpanSet(tickers) if tickers else None
    else:
        hints = _hints_of(text)
        lines = LazyLineIndex(text)  # (read by a table's rows, NL204, a report: found when first read)
        regions = _regions(text, format, lines, hints)
        # built once, here, and handed to the document (`Document.assembled`)
        not_prose = SpanSet([r.span for r in regions if r.kind is not RegionKind.TABLE]) if regions else None
        headline, dateline, paragraphs, sentences, quotations = _parts(text, format, regions, not_prose)
    sic = tuple(_sic_spans(text)) if hints & SIC_HINT else ()
    return Document.assembled(
        text,
        path,
        format,
        headline,
        dateline,
        paragraphs,
        sentences,
        quotations,
        tuple(regions),
        sic,
        lines,
        not_prose,
        hints,
        None if hints & DAMAGE_HINT else (),  # (no mark any repair finder needs: none to find)
    )


# (headline, dateline, paragraphs, sentences, quotations): `story_spans`
StoryParts = tuple[Span | None, Span | None, tuple[Span, ...], tuple[Span, ...], tuple[Span, ...]]


def story_spans(
    text: str, not_prose: SpanSet | None, format: str = "text", skip: Sequence[Span] = ()
) -> StoryParts:
    """(headline, dateline, paragraphs, sentences, quotations) of `text`, the `skip` spans (markup
    that is not text) ending blocks, marks in `not_prose` no quotation's edges. Of a plain-text
    story with nothing to skip (most), the twin of `newslint._native.story_spans`, which finds
    them in one call where this makes eight."""
    blocks = _blocks(text, list(skip))
    headline, blocks = _headline(text, blocks, format)
    paragraphs = _paragraphs(text, blocks)
    dateline = dateline_at(text, paragraphs[0].start, paragraphs[0].end) if paragraphs else None
    quotations = tuple(find_quotations(text, headline, paragraphs, format == "markdown", not_prose))
    sentences = tuple(_sentences(text, headline, paragraphs, dateline))
    return headline, dateline, paragraphs, sentences, quotations


def _parts(text: str, format: str, regions: list[Region], not_prose: SpanSet | None) -> StoryParts:
    """`story_spans` of a story that is not plain (`plain_story`): compiled where it can be, for
    plain text with no markup to skip."""
    # (a story without regions makes no comprehension)
    skip = [r.span for r in regions if r.kind in _NOT_TEXT and _fills_lines(text, r.span)] if regions else []
    if format == "text" and not skip and native is not None:
        blocked = not_prose.spans if not_prose else ()
        found: StoryParts
        found = native.story_spans(text, Span, blocked, _ABBREVIATIONS, dateline_at, MAX_HEADLINE_CHARS)
        return found
    return story_spans(text, not_prose, format, skip)


PlainStory = tuple[
    int, list[Span], Span | None, Span | None, tuple[Span, ...], tuple[Span, ...], tuple[Span, ...]
]


def plain_story(text: str) -> PlainStory | None:
    """(story_hints, tickers, then `story_spans`' five, the tickers blocked) of a plain-text story
    that holds no rare hint but a [sic] mark's, whose regions are then its tickers alone; None for
    a story that holds another. The twin of `newslint._native.plain_story`, which finds them all
    in one call."""
    hints = story_hints(text)
    if hints & ~(SIC_HINT | DAMAGE_HINT):
        return None
    tickers = [Span(m.start(), m.end()) for m in _tickers(text)]
    return (hints, tickers, *story_spans(text, SpanSet(tickers) if tickers else None))


def _plain_story(text: str) -> PlainStory | None:
    """`plain_story(text)`, compiled where it can be."""
    if native is None:
        return plain_story(text)
    found: PlainStory | None = native.plain_story(text, Span, _ABBREVIATIONS, dateline_at, MAX_HEADLINE_CHARS)
    return found


# --- regions ---------------------------------------------------------------------------
_NOT_TEXT = {RegionKind.CODE, RegionKind.FRONT_MATTER, RegionKind.COMMENT}

# The bits of `story_hints`: what a story holds of the rare hints parse looks for in each, and
# whether it may hold character damage (`may_hold_damage`: `newslint.repairs` asks).
COMMENT_HINT, AT_HINT, HASH_HINT, URL_HINT, GAP_HINT, SIC_HINT, DAMAGE_HINT = 1, 2, 4, 8, 16, 32, 64


def story_hints(text: str) -> int:
    """The rare hints `text` holds, as bits: an HTML comment's opening (COMMENT_HINT), "@"
    (AT_HINT), "#" (HASH_HINT), a match of `_URL_HINT` (URL_HINT), of `_COLUMN_GAP` (GAP_HINT),
    of `_SIC_HINT` (SIC_HINT), and `may_hold_damage` (DAMAGE_HINT). The twin of
    `newslint._native.story_hints`, which finds the seven in the one pass where parse made six
    searches (three of them Python calls) and the repairs four; most stories hold none but the
    last. The patterns are tried only where the looser substring tests find a hint."""
    bits = COMMENT_HINT if "<!--" in text else 0
    if may_hold_damage(text):
        bits |= DAMAGE_HINT
    if "@" in text:
        bits |= AT_HINT
    if "#" in text:
        bits |= HASH_HINT
    if _may_hold_url_twin(text) and _URL_HINT.search(text):
        bits |= URL_HINT
    if ("  " in text or "\t" in text) and _COLUMN_GAP.search(text):
        bits |= GAP_HINT
    if _may_hold_sic_twin(text) and _SIC_HINT.search(text):
        bits |= SIC_HINT
    return bits


def may_hold_damage(text: str) -> bool:
    """False when no finder of `newslint.repairs` can find anything in `text`: each needs one of
    its marks, a raw tag's '<' before '/' or a lowercase letter (`may_hold_raw_tag`), an entity's
    ';' (an escaped tag's `&lt;` holds one), a character outside ASCII (mojibake, invisible
    characters) or a backslash."""
    return not text.isascii() or ";" in text or "\\" in text or may_hold_raw_tag(text)


def may_hold_raw_tag(text: str) -> bool:
    """Whether a raw tag can start in `text`: a '<' before '/' or a lowercase letter, as
    `newslint.repairs.markup._TAG`'s every match opens. Reuters' tickers (`<IBM.N>`) fail it,
    found by substring searches: the pattern's search read every character of the half of the
    stories that hold one."""
    at = text.find("<")
    while at >= 0:
        after = text[at + 1 : at + 2]
        if after == "/" or "a" <= after <= "z":
            return True
        at = text.find("<", at + 1)
    return False


def _hints_of(text: str) -> int:
    """`story_hints(text)`, compiled where it can be."""
    if native is None:
        return story_hints(text)
    hints: int = native.story_hints(text)
    return hints


def _regions(text: str, format: str, lines: LineIndex, hints: int | None = None) -> list[Region]:
    """The regions of `text`; `hints`: its `story_hints` bits, where the caller found them."""
    if hints is None:
        hints = _hints_of(text)
    found = _marked_regions(text, format, hints)
    spans = _ticker_spans(text)
    tickers = [Region(RegionKind.TICKER, s) for s in spans] if spans else []
    # `_tables`, its column gap looked for already: no generator is made for most stories
    tables = [Region(RegionKind.TABLE, s) for s in _gapped_tables(text, lines)] if hints & GAP_HINT else []
    if not found and not tables:
        # Most stories: tickers alone, or nothing. They are in order and apart (see `_tickers`),
        # so the sort keeps their order and none is inside another.
        return tickers
    return _outermost(found + tickers + tables)


def _marked_regions(text: str, format: str, hints: int) -> list[Region]:
    """The regions but tickers and tables, in the order they are looked for; `hints`: the
    `story_hints` bits of `text`."""
    found: list[Region] = []
    if hints & COMMENT_HINT:  # its literal opening (the pattern's search read each character)
        _file(found, text, RegionKind.COMMENT, _HTML_COMMENT.finditer(text))
    if format == "markdown":
        for kind, pattern in _MARKDOWN_REGIONS:
            _file(found, text, kind, pattern.finditer(text))
    # Cheap membership tests first: most stories hold no address, handle or hashtag, and
    # scanning for one at every word boundary is a large share of parsing time.
    if hints & AT_HINT:
        _file(found, text, RegionKind.EMAIL, hinted_matches(_EMAIL, text, _holds_at))
        _file(found, text, RegionKind.HANDLE, _HANDLE.finditer(text))
    if hints & URL_HINT:
        _file(found, text, RegionKind.URL, _url_matches(text))
    if hints & HASH_HINT:
        _file(found, text, RegionKind.HASHTAG, _HASHTAG.finditer(text))
    return found


_MARKDOWN_REGIONS = (
    (RegionKind.FRONT_MATTER, _MD_FRONT_MATTER),
    (RegionKind.CODE, _MD_FENCE),
    (RegionKind.CODE, _MD_INDENTED_CODE),
    (RegionKind.CODE, _MD_INLINE_CODE),
    (RegionKind.LINK_TARGET, _MD_LINK_TARGET),
    (RegionKind.LINK_TARGET, _MD_REF_DEF),
    (RegionKind.LINK_TARGET, _MD_AUTOLINK),
    (RegionKind.CODE, _MD_HTML_TAG),
)


def _file(found: list[Region], text: str, kind: RegionKind, matches: Iterable[re.Match[str]]) -> None:
    """Add the non-empty matches as regions of `kind`; an address loses the sentence
    punctuation after it."""
    for m in matches:
        start, end = m.span()
        if kind is RegionKind.URL or kind is RegionKind.EMAIL:
            while end > start and text[end - 1] in ".,;:!?)]'\"’”":  # sentence punctuation after it
                if text[end - 1] == ")" and text.count("(", start, end) >= text.count(")", start, end):
                    break  # a balanced bracket belongs to it: /wiki/Foo_(bar)
                end -= 1
        if end > start:
            found.append(Region(kind, Span(start, end)))


def _outermost(found: list[Region]) -> list[Region]:
    """The regions in order, but one inside a recent kept region (a URL inside an e-mail
    address or a comment is part of it, not a region of its own); tables are always kept,
    and hold none."""
    found.sort(key=lambda r: (r.span.start, -r.span.end))
    kept: list[Region] = []
    for r in found:
        if (
            kept
            and r.kind is not RegionKind.TABLE
            and any(k.kind is not RegionKind.TABLE and k.span.contains(r.span) for k in kept[-3:])
        ):
            continue
        kept.append(r)
    return kept


def _tickers(text: str) -> list[re.Match[str]]:
    """`_TICKER.finditer(text)`, tried only at the brackets a ticker opens with, found by substring
    searches (the scan read every character, a fifth of the regions' time). A match holds no
    such bracket after its first character, so these do not overlap, as the scan's do not."""
    opens = []
    for mark in "(<":
        pos = text.find(mark)
        while pos >= 0:
            opens.append(pos)
            pos = text.find(mark, pos + 1)
    return [m for pos in sorted(opens) if (m := _TICKER.match(text, pos))]


def _ticker_spans(text: str) -> list[Span]:
    """The spans of `_tickers(text)`: compiled where `newslint._native` is (the pattern tried at
    each bracket, with the Python loop around it, cost as much as the tables' search)."""
    if native is not None:
        spans: list[Span] = native.ticker_spans(text, Span)
        return spans
    return [Span(m.start(), m.end()) for m in _tickers(text)]


# What `_URL_HINT` (and so `_URL`) can match holds, in lowercase, "://", "www." or one of these
# (".in" for ".int" and ".info"): the marks that open with a full stop in one search of the stops,
# where a substring test of each, every one reading the whole text, took four times as long.
_URL_DOT_MARK = re.compile(r"\.(?:com|org|net|gov|edu|in|mil|io|biz|uk)")
# The letters besides ASCII's that an ASCII letter matches ignoring case (`re.IGNORECASE`) whose
# `str.lower` is not that letter: İ and ı match i, ſ matches s (the Kelvin sign lowers to k).
_CASE_FOLDS_APART = "İıſ"


def _folds_apart(text: str) -> bool:
    """Whether `text` holds a letter that `re.IGNORECASE` matches to an ASCII letter its
    lowercase is not: then a substring test of `text.lower()` can miss a case-blind match."""
    return not text.isascii() and any(c in text for c in _CASE_FOLDS_APART)


# `lowered` lowers this many characters at a time: `str.lower` of a text that is not ASCII
# takes 12 bytes a character while it works (120 MB for a 10 MB file), a stretch 0.8 MB.
LOWERED_STRETCH = 1 << 16


def lowered(text: str, reach: int) -> Iterator[str]:
    """`text.lower()` in stretches, for substring tests of ASCII strings of up to `reach` + 1
    characters: each stretch starts `reach` characters before the last one ended, so such a
    string found in the whole lowered text is found in one of them (a letter lowers alone, but
    for a final sigma, no ASCII letter, and İ, which lowers to two characters, no ASCII pair).
    A story shorter than a stretch is lowered at once, as before."""
    size = len(text)
    if size <= LOWERED_STRETCH:
        yield text.lower()
        return
    step = LOWERED_STRETCH - reach
    for start in range(0, size - reach, step):
        yield text[start : start + LOWERED_STRETCH].lower()


# A long text's slow scans, each tried at every word of it (an e-mail address, a URL, a broken
# entity), read only the blocks of it that hold a hint of a match: a big file of many stories
# holds a hint somewhere (11 of 4,859 stories a URL's), and the scans of all of it cost 0.8 s
# for 5 MB, where its stories apart, most without a hint, are not scanned at all.
HINT_BLOCK = 8192


def hinted_matches(
    pattern: re.Pattern[str], text: str, hinted: Callable[[str], bool], cut: str = "\n"
) -> Iterator[re.Match[str]]:
    """`pattern.finditer(text)` for a pattern whose matches hold no `cut` character (a line
    break) and hold what `hinted` finds in a text (True for a text with a match, and maybe for
    others), asked of the whole text already: scanned in the blocks of `text` cut at the first
    `cut` after every `HINT_BLOCK` characters where `hinted` finds a hint; a text of one block
    whole. No match crosses a block's end, a `cut`'s place or the text's, where the scan ends
    as before a `cut` (no pattern here reads what follows a match but a word's boundary), and
    the look-behinds read the characters before a block's start."""
    for start, end in hinted_blocks(text, hinted, cut, HINT_BLOCK, 0, len(text)):
        yield from pattern.finditer(text, start, end)


def hinted_blocks(
    text: str, hinted: Callable[[str], bool], cut: str, block: int, start: int, stop: int
) -> Iterator[tuple[int, int]]:
    """The blocks of text[start:stop] (`hinted_matches`) that hold a hint, as (start, end):
    cut at the first `cut` after every `block` characters (1: at every `cut`), the range
    itself when it is one block (its hint asked already, by the caller)."""
    first = start
    while start < stop:
        end = text.find(cut, start + block, stop)
        if end < 0:
            end = stop
        if (start == first and end == stop) or hinted(text[start:end]):
            yield start, end
        start = end


def _url_matches(text: str) -> Iterator[re.Match[str]]:
    """`_URL.finditer(text)`, asked when `_may_hold_url(text)`: in each hinted block
    (`hinted_matches`), only the lines that hold a hint scanned. `_URL` costs about 50 us a
    kilobyte (its second part is tried at every word), and a story that holds one address
    holds it in one paragraph: a BBC technology story's scan was as long as the rest of its
    check. A match holds no white space, so none crosses a line break, and it holds a match
    of `_URL_HINT` (each of its parts holds one of the hint's alternatives, read the same way
    ignoring case), which the line's own search finds."""
    for start, end in hinted_blocks(text, _may_hold_url, "\n", HINT_BLOCK, 0, len(text)):
        for line_start, line_end in hinted_blocks(text, _may_hold_url, "\n", 1, start, end):
            yield from _URL.finditer(text, line_start, line_end)


def _holds_at(text: str) -> bool:
    return "@" in text


def _may_hold_url(text: str) -> bool:
    """True when `_URL_HINT` matches somewhere in `text`, and sometimes when it does not (a
    superset: `_URL` decides): substring tests of the lowercased text, where the
    case-insensitive search took a quarter of the regions' time; compiled, the pattern's search
    itself (reading only the full stops and colons of a one-byte text)."""
    if native is not None:
        hint: bool = native.url_hint(text)
        return hint
    return _may_hold_url_twin(text)


def _may_hold_url_twin(text: str) -> bool:
    """`_may_hold_url` without the compiled search: substring tests."""
    if _folds_apart(text):
        return _URL_HINT.search(text) is not None
    search = _URL_DOT_MARK.search
    return any("://" in low or "www." in low or search(low) is not None for low in lowered(text, 3))


SURE, MAYBE, WEAK = 3, 2, 1


def _table_strength(line: str) -> int:
    """SURE: column-aligned data; MAYBE: two narrow gaps; WEAK: one wide gap (a header row
    such as `This week    Last week`, or sloppy prose); 0: prose. Compiled where `newslint._native`
    is (a line of prose with one gap, two spaces after a full stop, had each of its characters
    read by a generator of Python: the tables' search cost more than the rest of the regions')."""
    if native is not None:
        strength: int = native.table_strength(line)
        return strength
    body = line.strip()
    if "  " not in body and "\t" not in body:
        return 0  # no column gap possible: most lines of prose
    gaps = [(m.end() - m.start(), m.end()) for m in _COLUMN_GAP.finditer(body)]
    if not gaps:
        return 0
    wide = [(width, end) for width, end in gaps if width >= 3 or "\t" in body]
    if len(gaps) >= 2 and wide:
        return SURE
    if any(width >= 5 or any(c.isdigit() for c in body[end:]) for width, end in wide):
        return SURE
    if len(gaps) >= 2:
        return MAYBE
    # One gap: a line mostly of figures ("04/09/87 03/09/87  04/09/87") joins the table beside it.
    tokens = body.split()
    figures = sum(1 for t in tokens if any(c.isdigit() for c in t))
    if figures * 5 >= len(tokens) * 2:
        return MAYBE
    return WEAK if wide else 0


def _tables(text: str, lines: LineIndex) -> Iterable[Span]:
    """Runs of table lines. A run counts when it has a sure line, or two 'maybe' lines; a weak
    line counts only as part of a run that counts (a header above the numbers)."""
    if not _has_column_gap(text):
        return  # no line can have a column gap (most indent their paragraphs: no gap either)
    yield from _gapped_tables(text, lines)


def _gapped_tables(text: str, lines: LineIndex) -> Iterator[Span]:
    """`_tables` of a text that holds a column gap (`_has_column_gap`). Only a line that holds two
    spaces or a tab has a strength or is aligned with a neighbour, so those lines alone are read
    (`_gap_row_spans`), in order; a line between two of them breaks a run, as a line of strength
    0 does (a big file's other lines, four in five, were split out and looped over three times:
    0.1 s a parse of 10 MB). `lines`: the text's lines, which this no longer reads."""
    kept = _table_lines(text)
    if not any(strength for _, _, strength in kept):
        return  # no table line, and so none aligned with one: most stories
    # A gap row left out has no strength and no neighbour to align with: a run ends at it, as
    # it ends where the next row kept is not the next line.
    spans = [(start, end) for start, end, _ in kept]
    rows = [text[start:end] for start, end in spans]
    strengths = [strength for _, _, strength in kept]
    for i, strength in enumerate(strengths):
        if not strength:  # (two spaces inside its ends: `table_lines` keeps no other row of 0)
            strengths[i] = _aligned_with_neighbour(rows, strengths, i, spans)
    run: list[tuple[Span, int]] = []
    end = -2  # where the line before ends
    for (start, stop), strength in zip(spans, strengths, strict=True):
        if run and start != end + 1:  # a line with no gap between: the run ends before it
            yield from _table_run(run)
            run = []
        if strength:
            run.append((Span(start, stop), strength))
        elif run:
            yield from _table_run(run)
            run = []
        end = stop
    yield from _table_run(run)


def table_lines(text: str) -> list[tuple[int, int, int]]:
    """(start, end, strength) of each line of `text` that holds two spaces or a tab
    (`_gap_row_spans`'), in order, that has a strength (`_table_strength`) or holds two spaces
    inside its white-space ends (a row `_aligned_with_neighbour` may make weak): of a big file's
    40 K gap rows, 2 K. The twin of `newslint._native.table_lines`, which finds them in one call
    where this makes a slice and a call a row."""
    kept = []
    for start, end in _gap_row_spans(text):
        row = text[start:end]
        strength = _table_strength(row)
        if strength or "  " in row.strip():
            kept.append((start, end, strength))
    return kept


def _table_lines(text: str) -> list[tuple[int, int, int]]:
    """`table_lines(text)`, compiled where it can be."""
    if native is None:
        return table_lines(text)
    kept: list[tuple[int, int, int]] = native.table_lines(text)
    return kept


def _gap_row_spans(text: str) -> list[tuple[int, int]]:
    """(start, end) of each line of `text` (as `text.split("\\n")` has them, the break left out)
    that holds two spaces or a tab, in order, each once: the lines of `_gap_rows`."""
    found: dict[int, int] = {}
    for mark in ("  ", "\t"):
        pos = text.find(mark)
        while pos >= 0:
            end = text.find("\n", pos)
            if end < 0:
                end = len(text)
            found[text.rfind("\n", 0, pos) + 1] = end
            pos = text.find(mark, end)
    return sorted(found.items())


def _has_column_gap(text: str) -> bool:
    """Whether `_COLUMN_GAP` matches in `text`: no line is a table line without a gap. Compiled
    where `newslint._native` is (the pattern, tried at every character, costs more than the
    lines it spares); else substring searches first (a gap holds two spaces or a tab)."""
    if native is not None:
        gap: bool = native.column_gap(text)
        return gap
    return ("  " in text or "\t" in text) and _COLUMN_GAP.search(text) is not None


def _gap_rows(text: str) -> Iterator[str]:
    """The lines of `text` (as `text.split("\\n")` has them) that hold two spaces or a tab, found
    by substring searches (`_gap_row_spans`), in order, each once."""
    return (text[start:end] for start, end in _gap_row_spans(text))


def _column_starts(line: str) -> set[int]:
    return {m.start() for m in _COLUMN_START.finditer(line)}


def _aligned_with_neighbour(
    rows: list[str], strengths: list[int], i: int, spans: list[tuple[int, int]]
) -> int:
    """WEAK when a line's one narrow gap (` FARM/FOODS 188.25  unch`) ends on a column
    that a table line next to it starts: a table row whose other gaps happen to be single
    spaces. 0 otherwise. `rows`: the text's lines that hold a gap, at `spans`; the row before
    or after is the line's neighbour only where no line stands between them."""
    gap_ends = {m.end() for m in _COLUMN_GAP.finditer(rows[i])}
    for j in (i - 1, i + 1):
        if (
            0 <= j < len(rows)
            and strengths[j] >= MAYBE
            and spans[min(i, j)][1] + 1 == spans[max(i, j)][0]
            and gap_ends & _column_starts(rows[j])
        ):
            return WEAK
    return 0


def _table_run(run: list[tuple[Span, int]]) -> Iterable[Span]:
    strengths = [s for _, s in run]
    if SURE in strengths or strengths.count(MAYBE) >= 2:
        yield Span(run[0][0].start, run[-1][0].end)


# --- blocks, headline, paragraphs ------------------------------------------------------
def _trim(text: str, start: int, end: int) -> Span | None:
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    return Span(start, end) if end > start else None


def _blocks(text: str, skip: list[Span]) -> list[Span]:
    """Blank-line separated blocks, trimmed. Markup that is not text (front matter, code
    blocks, comments) also ends a block, so it never becomes part of a headline or paragraph."""
    if native is not None:  # the same loop, compiled
        if not skip:  # most stories: one stretch, the whole text
            whole: list[Span] = native.block_spans(text, Span, 0, len(text))
            return whole
        return [
            b for start, end in _outside(len(text), skip) for b in native.block_spans(text, Span, start, end)
        ]
    out: list[tuple[int, int]] = []
    for start, end in _outside(len(text), skip):
        pos = start
        for m in _BLOCK_SEP.finditer(text, start, end):
            out.append((pos, m.start()))
            pos = m.end()
        out.append((pos, end))
    return [s for a, b in out if (s := _trim(text, a, b))]


def _fills_lines(text: str, span: Span) -> bool:
    starts_line = span.start == 0 or text[span.start - 1] == "\n"
    ends_line = span.end == len(text) or text[span.end - 1] == "\n" or text[span.end] == "\n"
    return starts_line and ends_line


def _outside(length: int, skip: list[Span]) -> Iterable[tuple[int, int]]:
    """The stretches of [0, length) that no `skip` span covers."""
    pos = 0
    for s in sorted(skip):
        if s.start > pos:
            yield pos, s.start
        pos = max(pos, s.end)
    if pos < length:
        yield pos, length


def _looks_like_headline(line: str) -> bool:
    """One line, short, of two words or more (or one in capitals), with a letter, and no final
    full stop or colon unless all in capitals. The cheap tests first: a split that stops at the
    second word, and the capitals read only where they decide."""
    if "\n" in line or len(line) > MAX_HEADLINE_CHARS:
        return False
    if len(line.split(maxsplit=1)) < 2 and not line.isupper():
        return False
    if not any(map(str.isalpha, line)):  # stops at the first letter: most lines open with one
        return False
    # (its last character read by index: `str.endswith` parses its arguments the old way)
    return line[-1] not in ".:" or line.isupper()


def _headline(text: str, blocks: list[Span], format: str) -> tuple[Span | None, list[Span]]:
    if not blocks:
        return None, blocks
    first = blocks[0]
    if format == "markdown":
        m = _MD_HEADING.match(text, first.start)
        if m and m.group(1) == "#" and m.end() >= first.start and "\n" not in text[first.start : m.end()]:
            rest = _trim(text, m.end(), first.end)
            head = Span(m.start(2), m.end(2)) if m.end(2) > m.start(2) else None
            return head, ([rest] if rest else []) + blocks[1:]
        return None, blocks
    if len(blocks) > 1 and _looks_like_headline(text[first.start : first.end]):
        return first, blocks[1:]
    return None, blocks


def _paragraphs(text: str, blocks: list[Span]) -> tuple[Span, ...]:
    """The paragraphs of the (trimmed) blocks: a block without an indented line is one, as
    `_split_indented` would trim it (one search of each block, not a generator of each)."""
    if native is not None:  # the same loop, compiled: Reuters copy indents every paragraph
        return tuple(native.paragraph_spans(text, Span, blocks))
    out: list[Span] = []
    for b in blocks:
        if _INDENTED_LINE.search(text, b.start, b.end):
            out.extend(_split_indented(text, b))
        else:
            out.append(b)
    return tuple(out)


def _split_indented(text: str, block: Span) -> Iterable[Span]:
    """Split a block at lines that start with indentation (wire-copy paragraphs)."""
    start = block.start
    # the indented lines found by one search, not each line break tested in Python (hard-wrapped
    # wire copy breaks every line, and indents only a paragraph's first)
    for m in _INDENTED_LINE.finditer(text, block.start, block.end):
        i = m.start()
        if s := _trim(text, start, i):
            yield s
        start = i + 1
    if s := _trim(text, start, block.end):
        yield s


_INDENTED_LINE = re.compile(r"\n[ \t]")


def dateline_at(text: str, start: int, end: int | None = None) -> Span | None:
    """The dateline that opens the text at `start` (`NAJAF, Iraq (Reuters) -`), if one does:
    for rules that meet one where the parser saw none (a headline without a blank line after it)."""
    stop = len(text) if end is None else end
    head = text[start : min(stop, start + 120)]
    if not "A" <= head[:1] <= "Z" or "-" not in head and "–" not in head and "—" not in head:
        return None  # both patterns open with a capital and end with a dash: most paragraphs fail here
    m = _AGENCY_DATELINE.match(head) or _DATELINE.match(head)
    if not m:
        return None
    found = m.group(0).rstrip()
    if not any(c in found for c in ",(") and sum(c.isalpha() for c in found) < 3:
        return None  # "US - China talks": a bare dateline needs a real place name
    return Span(start, start + len(found))


# --- sentences, quotations ---------------------------------------------------------------
_ABBREVIATION_REACH = 32  # letters and stops read back from a full stop: abbreviations are short


def _is_abbreviation(text: str, dot: int) -> bool:
    """Is the full stop at `dot` part of an abbreviation (Mr., U.S., Jan.) rather than an end?"""
    j, stop = dot, max(0, dot - _ABBREVIATION_REACH)  # a run of 100,000 dots read back from each: quadratic
    while j > stop and (text[j - 1].isalpha() or text[j - 1] == "."):
        j -= 1
    word = text[j:dot]
    if "." in word or len(word) == 1:  # U.S. / initials
        return True
    return word.lower() in _ABBREVIATIONS


def _sentences(
    text: str, headline: Span | None, paragraphs: tuple[Span, ...], dateline: Span | None
) -> list[Span]:
    """The headline, then each paragraph's sentences (from the dateline's end in the first)."""
    found = [headline] if headline else []
    if native is not None:  # the same loop, compiled: every story's every full stop
        found += native.sentence_spans(text, Span, paragraphs, dateline, _ABBREVIATIONS)
    else:
        found.extend(_paragraph_sentences(text, paragraphs, dateline))
    return found


def _paragraph_sentences(text: str, paragraphs: tuple[Span, ...], dateline: Span | None) -> Iterator[Span]:
    """Each paragraph's sentences, from the dateline's end in the one it opens (the twin of
    `newslint._native.sentence_spans`)."""
    for p in paragraphs:
        first = dateline.end if dateline and dateline.start == p.start else p.start
        trimmed = _trim(text, first, p.end)
        start = trimmed.start if trimmed else p.start
        for m in sentence_ends(text, start, p.end):
            dot = m.start() + len(m.group(0).rstrip("\"”’')]")) - 1
            if text[dot] == "." and _is_abbreviation(text, dot):
                continue
            if s := _trim(text, start, m.end()):
                yield s
            start = m.end()
        if s := _trim(text, start, p.end):
            yield p if s == p else s  # the paragraph's own span, as the compiled loop gives it


# "[sic]" as editors write it, and "(sic)" as wire copy often does.
_SIC = re.compile(r"(\w+(?:['’\-]\w+)*)[\"”’']?\s*(?:\[sic\]|\(sic\))", re.IGNORECASE)


_SIC_HINT = re.compile(r"[\[(]sic[\])]", re.IGNORECASE)
# What a `_SIC` match can hold before its mark: a word, a quote mark, space.
_BEFORE_SIC = re.compile(r"[\w'’\-\"”\s]")


def _sic_spans(text: str) -> Iterable[Span]:
    """The matches of `_SIC` in `text`, each looked for only just before a mark: tried at every
    word of a big file, the pattern would read each word over and over. A match ends at its
    mark and holds only word, quote and space characters, and a mark ends in a bracket, which
    it cannot hold: so the stretch of such characters before each mark is all a match needs.
    The marks are looked for in the blocks that hold a hint (`hinted_matches`: a mark holds no
    line break): a big file holds a mark somewhere, and the case-blind scan of all of it cost
    50 ms a parse of a 10 MB file."""
    if not _may_hold_sic(text):
        return
    for mark in hinted_matches(_SIC_HINT, text, _may_hold_sic):
        start = mark.start()
        while start > 0 and _BEFORE_SIC.match(text, start - 1):
            start -= 1
        for m in _SIC.finditer(text, start, mark.end()):
            yield Span(m.start(1), m.end())


def _may_hold_sic(text: str) -> bool:
    """True when `_SIC_HINT` matches somewhere in `text`, and sometimes when it does not (most
    stories hold no mark: the pattern is then not tried). Compiled, the pattern's search itself,
    reading only the brackets of a one-byte text."""
    if native is not None:
        hint: bool = native.sic_hint(text)
        return hint
    return _may_hold_sic_twin(text)


def _may_hold_sic_twin(text: str) -> bool:
    """`_may_hold_sic` without the compiled search: substring tests."""
    # a mark ends in c and a closing bracket (no letter but C matches c ignoring case), and holds
    # "sic": substring tests first, the cheapest first
    if "c)" not in text and "c]" not in text and "C)" not in text and "C]" not in text:
        return False
    return _folds_apart(text) or any("sic]" in low or "sic)" in low for low in lowered(text, 3))
