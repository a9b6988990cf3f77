"""HTML character references in plain copy, whole (`&amp;`, `&#151;`) or broken by a scraper
that lost the `&` (`doesn #39;t`, `quot;Super Bowl quot;`, `AT amp;T`).

What an editor would type for each:
- the character it names; numbers 128-159 name Windows-1252 characters, as browsers read them
  (`&#151;` is an em dash, `&#146;` a right quote), never the C1 control characters;
- quotation marks and apostrophes in the story's own style: curly when the story writes curly
  marks, straight when it writes straight ones (when it writes none, as most of its entities
  do), opening or closing by their place;
- a dash spaced as the story spaces its dashes.

Broken entities. Only names that are no English word count (`#39;`, `quot;`, `amp;`, `hellip;`;
not `race;` or `period;`, which HTML also names). A scraper either drops the `&` (`doesn#39;t`) or
turns it into a space (`doesn #39;t`, `AT amp;T`, `said  quot;no`): where the story shows the
second pattern (an entity inside a word after a space, or after two spaces) and never the first,
the space before each broken entity is the lost `&` and goes with it, so `Iraq #39;s` becomes
`Iraq's`, not `Iraq 's`. Broken entities are certain (safe repairs) when the story shows one
of the two patterns and not the other; otherwise (`He said quot;no quot;`: was the `&` dropped
or turned into the space?) each is an unsafe guess, and the reading keeps them.

`&#191;` (`¿`) inside a word (`America&#191;s`) is a converter's mark for a character it could not
map, nearly always an apostrophe: the apostrophe is an unsafe guess. In Markdown files entities
are markup and are left alone.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterator
from dataclasses import dataclass

from newslint import segment
from newslint.document import Document
from newslint.reading import Repair
from newslint.segment import hinted_blocks
from newslint.span import Span

_ENTITY = re.compile(r"&(?:#[0-9]{1,7}|#[xX][0-9a-fA-F]{1,6}|[A-Za-z][A-Za-z0-9]{1,31});")
# Entity names that are no English word: a broken one cannot be a word before a semicolon.
_NOT_WORDS = "quot|amp|apos|nbsp|lt|gt|hellip|mdash|ndash|lsquo|rsquo|ldquo|rdquo|sbquo|bdquo|laquo|raquo"
# Numeric ones and the longer names may stand glued to the word before them (`doesn#39;t`,
# `noquot;`); a short name may not (`camp;`, `salt;`).
_GLUED = "quot|nbsp|hellip|mdash|ndash|lsquo|rsquo|ldquo|rdquo|laquo|raquo"
_BROKEN = re.compile(
    rf"#(?<![&#]#)(?:[0-9]{{2,5}}|[xX][0-9a-fA-F]{{2,5}});|(?<![&#\w])(?:{_NOT_WORDS});"
    rf"|(?<=[^\W\d_])(?:{_GLUED});"
)
# What a `_BROKEN` match holds before its semicolon, when it holds no `#`: one of the names.
_BROKEN_NAMES = tuple(_NOT_WORDS.split("|"))
_LONGEST_NAME = max(map(len, _BROKEN_NAMES))
# The most characters a `_BROKEN` match holds before its semicolon: `#x` and five hex digits,
# or a name (the glued ones are names too).
_BROKEN_REACH = max(len("#x") + 5, _LONGEST_NAME)
_TAGLIKE = re.compile(r"&lt;.*?&gt;|<[^<>\n]*>")
_OPENERS = "([{—–-/“‘\"'"
_SINGLES = "'‘’"
_DOUBLES = '"“”'
_DASHES = "—–"


@dataclass
class _Found:
    """An HTML entity found in a story, whole or broken, and the character it names."""

    span: Span  # the entity, and the space before it when that space is the lost '&'
    entity: str
    char: str  # what it names
    broken: bool
    safe: bool = True


def find(doc: Document) -> Iterator[Repair]:
    text = doc.text
    if doc.format == "markdown" or ";" not in text:
        return  # every entity, whole or broken, ends in a semicolon
    found = [f for f in _whole(text) if _readable(doc, f.span)]
    broken = [f for f in _broken(text) if _readable(doc, f.span)]
    if broken:
        _settle_broken(text, broken)
    found = sorted(found + broken, key=lambda f: f.span.start)
    if not found:
        return
    style = _quote_style(text, found)
    dashes = _dash_spacing(text)
    previous: tuple[int, str] = (-1, "")  # end and content of the last repair, for quote direction
    run: list[Repair] = []
    for f in found:
        repair = _render(text, f, style, dashes, previous)
        if repair is None:
            continue
        previous = (repair.span.end, repair.content)
        if run and (run[-1].span.end != repair.span.start or run[-1].safe != repair.safe):
            yield _joined(text, run)
            run = []
        run.append(repair)
    if run:
        yield _joined(text, run)


def _joined(text: str, run: list[Repair]) -> Repair:
    """Entities next to each other (` #147; #145;How`) as one repair: fixed together, in one pass,
    they keep the story's evidence about its damage together too."""
    if len(run) == 1:
        return run[0]
    span = Span(run[0].span.start, run[-1].span.end)
    content = "".join(r.content for r in run)
    if len(content) == 2 and content in ("''", "‘‘", "’’"):
        # two single quotes typed for a double one (`uncertainty #39; #39; about`)
        content = {"''": '"', "‘‘": "“", "’’": "”"}[content]
    found = text[span.start : span.end].strip()
    detail = f"{len(run)} HTML entities {found!r} for {content.strip() or content!r}"
    return Repair(span, content, "entity", run[0].safe, detail)


def _readable(doc: Document, span: Span) -> bool:
    return doc.is_prose(span) or doc.in_table(span)


# What each entity met so far names: a story repeats its few entities (`&quot;`, `#39;`), and
# html.unescape is a regex substitution with a Python callback. Cleared when it grows large.
_UNESCAPED: dict[str, str] = {}
_UNESCAPED_LIMIT = 4096


def _unescape(entity: str) -> str:
    char = _UNESCAPED.get(entity)
    if char is None:
        import html  # imported when a story holds an entity: it costs start-up time otherwise

        if len(_UNESCAPED) >= _UNESCAPED_LIMIT:
            _UNESCAPED.clear()
        char = _UNESCAPED[entity] = html.unescape(entity)
    return char


def _whole(text: str) -> Iterator[_Found]:
    for m in _ENTITY.finditer(text):
        char = _unescape(m.group())
        if char != m.group():
            yield _Found(Span(m.start(), m.end()), m.group(), char, broken=False)


def _may_hold_broken(text: str) -> bool:
    """Whether `_BROKEN` can match in `text`: a `#`, or a semicolon after one of the names. Its
    last two branches open with a look-behind, tried at every character of the story."""
    if "#" in text:
        return True
    at = text.find(";")
    while at >= 0:
        if text[max(0, at - _LONGEST_NAME) : at].endswith(_BROKEN_NAMES):
            return True
        at = text.find(";", at + 1)
    return False


def _broken_matches(text: str) -> Iterator[re.Match[str]]:
    """`_BROKEN.finditer(text)`, asked when `_may_hold_broken(text)`: in each hinted block
    (`hinted_matches`), tried only just before each semicolon. A match ends at the first
    semicolon after its start (it holds no other) and holds at most `_BROKEN_REACH`
    characters before it, so the scan from the character after the last semicolon, or from
    that reach before this one, finds the match that ends here, if one does; the look-behinds
    read the text before. Tried at every character, the look-behinds that open two of its
    branches cost about 40 us a short story (an AG News story with an `it#39;s`), 0.5 ms a long one."""
    for start, end in hinted_blocks(text, _may_hold_broken, "\n", segment.HINT_BLOCK, 0, len(text)):
        after = start  # the character after the last semicolon
        semicolon = text.find(";", start, end)
        while semicolon >= 0:
            m = _BROKEN.search(text, max(after, semicolon - _BROKEN_REACH), semicolon + 1)
            if m is not None:
                yield m
            after = semicolon + 1
            semicolon = text.find(";", after, end)


def _broken(text: str) -> Iterator[_Found]:
    if not _may_hold_broken(text):
        return
    for m in _broken_matches(text):
        char = _unescape("&" + m.group())
        if char != "&" + m.group():
            yield _Found(Span(m.start(), m.end()), m.group(), char, broken=True)


def _settle_broken(text: str, broken: list[_Found]) -> None:
    """Decide, from all of a story's broken entities, whether they are certain and whether the
    space before each is the lost '&' (see the module docstring)."""
    space_for_amp = dropped = False
    joins: list[bool] = []
    for f in broken:
        start, end = f.span
        joins.append(_joins_word(text, f, strong=True))
        space_for_amp |= _joins_word(text, f) or _lost_amp_to_space(text, f)
        dropped |= start > 0 and text[start - 1].isalnum()
    certain = space_for_amp != dropped  # one damage pattern, shown
    for f, joining in zip(broken, joins, strict=True):
        f.safe = certain
        if joining or certain and space_for_amp and text[f.span.start - 1 : f.span.start] == " ":
            f.span = Span(f.span.start - 1, f.span.end)
        if f.safe and _attaches_to_word(text, f):
            # an apostrophe-s never follows a space: `England  #39;s` is "England's"
            start = f.span.start
            while start > 0 and text[start - 1] == " ":
                start -= 1
            f.span = Span(start, f.span.end)


_SUFFIX = re.compile(r"(?:s|t|d|m|re|ve|ll)(?![^\W\d_])", re.IGNORECASE)


def _joins_word(text: str, f: _Found, strong: bool = False) -> bool:
    """An apostrophe, ampersand or letter between two words' characters across one space, where
    the space is the lost '&': `doesn #39;t`, `Iraq #39;s`, `AT amp;T`. `strong`: only where no
    other reading is possible (not an apostrophe that could open a quotation)."""
    start, end = f.span
    if text[start - 1 : start] != " " or start < 2 or not text[start - 2].isalnum():
        return False
    if f.char in "'’" and _SUFFIX.match(text, end) is None:
        # Between letters (`O #39;Neill`, `Int #39;l`) it could also be an opening quote whose
        # '&' was dropped (`a #39;big#39; step`); but then its closing quote is glued to its
        # word, which shows the other pattern, and the story's entities are left uncertain.
        return not strong and text[end : end + 1].isalpha()
    return (f.char.isalpha() or f.char in "&'’") and text[end : end + 1].isalnum()


def _attaches_to_word(text: str, f: _Found) -> bool:
    """An apostrophe before a contraction's or possessive's ending, after spaces after a word."""
    start = f.span.start
    while start > 0 and text[start - 1] == " ":
        start -= 1
    return (
        f.char in "'’"
        and start < f.span.start
        and start > 0
        and text[start - 1].isalnum()
        and _SUFFIX.match(text, f.span.end) is not None
    )


def _lost_amp_to_space(text: str, f: _Found) -> bool:
    """The space before the entity reads as its lost '&': two spaces before it (`said  quot;no`),
    an apostrophe closing a word (`Timberwolves #39; streak`, `Corp. #39;s`), a quotation mark
    closing after punctuation (`series, quot; he said`), or any entity after an opening bracket
    (`( #36;290)`)."""
    start, end = f.span
    if text[start - 1 : start] != " " or start < 2:
        return False
    before, after = text[start - 2], text[end : end + 1]
    if before == " " or before in "([{":
        return True
    if before.isspace():
        return False
    if f.char in "'’":
        return not after.isalpha() or _SUFFIX.match(text, end) is not None
    return f.char in '"”' and before in ".,!?;:" and (not after or not after.isalnum())


def _quote_style(text: str, found: list[_Found]) -> str:
    """'curly' or 'straight': the marks the story writes outside entities and markup, or, when it
    writes none, those its entities name."""
    if not any(f.char in _SINGLES + _DOUBLES for f in found):
        return "straight"
    prose = _TAGLIKE.sub("", text) if "<" in text or "&lt;" in text else text
    curly = sum(prose.count(c) for c in "“”‘’")
    straight = prose.count('"') + prose.count("'")
    if curly == straight:
        curly = sum(1 for f in found if f.char in "“”‘’")
        straight = sum(1 for f in found if f.char in "\"'")
    return "curly" if curly > straight else "straight"


def _dash_spacing(text: str) -> str | None:
    """'spaced' (`a — b`), 'closed' (`a—b`), or None: how the story writes its dashes."""
    if "—" not in text and "–" not in text:
        return None
    spaced = len(re.findall(r" [—–] ", text))
    closed = len(re.findall(r"\w[—–]\w", text))
    if spaced == closed:
        return None
    return "spaced" if spaced > closed else "closed"


def _render(text: str, f: _Found, style: str, dashes: str | None, previous: tuple[int, str]) -> Repair | None:
    span, char = f.span, f.char
    if char not in "\n\t" and unicodedata.category(char[:1]) in ("Cc", "Cs", "Co") or char == "\ufffd":
        # names no printable character (a C1 code outside Windows-1252): an editor deletes it
        return Repair(span, "", "entity", False, f"HTML entity {f.entity!r} names no printable character")
    # the character before, as repaired: the last repair's when it ends here
    joined = previous[0] == span.start and previous[1]
    before = previous[1][-1:] if joined else text[span.start - 1 : span.start]
    after = text[span.end : span.end + 1]
    if char == "¿" and before.isalpha() and after.isalpha():
        mark = "’" if style == "curly" else "'"
        detail = f"HTML entity {f.entity!r} inside a word stands for a lost character, probably an apostrophe"
        return Repair(span, mark, "entity", False, detail)
    content = char
    if char in _SINGLES + _DOUBLES:
        content = _quote_mark(char, style, before, after)
    elif char in _DASHES and dashes:
        span, content = _spaced_dash(text, span, char, dashes)
    what = "broken HTML entity" if f.broken else "HTML entity"
    lost = " (lost its '&')" if f.broken else ""
    number = f.entity.strip("&#;")
    if number.isdigit() and 128 <= int(number) <= 159:
        detail = f"{what} {f.entity!r}{lost}: Windows-1252 for {char!r}"
    elif f.safe:
        detail = f"{what} {f.entity!r}{lost} for {char!r}"
    else:  # a broken one the story gives no certainty about
        detail = f"{what} {f.entity!r}{lost}, probably {char!r}"
    return Repair(span, content, "entity", f.safe, detail)


def _quote_mark(char: str, style: str, before: str, after: str) -> str:
    single = char in _SINGLES
    if style == "straight":
        return "'" if single else '"'
    if char in "‘’“”":
        return char  # the entity names its direction
    opening = (not before or before.isspace() or before in _OPENERS) and after != "" and not after.isspace()
    if single:
        return "‘" if opening and after.isalpha() else "’"
    return "“" if opening else "”"


def _spaced_dash(text: str, span: Span, dash: str, dashes: str) -> tuple[Span, str]:
    """The dash spaced as the story spaces its dashes, between two words; elsewhere as written."""
    start, end = span.start, span.end
    left = start
    while left > 0 and text[left - 1] == " ":
        left -= 1
    right = end
    while right < len(text) and text[right] == " ":
        right += 1
    if left == 0 or right == len(text) or text[left - 1] == "\n" or text[right] == "\n":
        return span, dash
    if dashes == "closed":
        return Span(left, right), dash
    return Span(left, right), f" {dash} "
