"""HTML tags left in plain-text copy, raw or escaped, removed with their attributes.

Raw tags (`<p>`, `<a href="...">`) count only with lowercase names, since Reuters writes tickers
in capitals in angle brackets (`<U>`, `<P>`), and a bare tag (no attributes, not a closing tag)
only when the story holds another tag, so a story that mentions "the <p> tag" once keeps it.
Escaped tags (`&lt;FONT face="verdana"&gt;`, `&lt;/b&gt;`) are markup an escaping scraper left
behind: any case counts once the story holds one with attributes or a slash, which no ticker has
(`&lt;U&gt;` alone is Reuters' `<U>`, and is left to the entity repair); so does one cut off by
the end of the text (`slogans.&lt;/p&`, a summary cut in the middle of a tag).

Tags next to each other are one repair. A block tag (`</p><p>`, `<br>`) between two words
becomes a space, so the words do not run together; otherwise the markup is deleted. In
Markdown files HTML is markup and is left alone; tags inside HTML comments are left alone.
"""

from __future__ import annotations

import re
from collections.abc import Iterator, Sequence

from newslint.document import Document, RegionKind
from newslint.reading import Repair
from newslint.segment import may_hold_raw_tag
from newslint.span import Span

# Tags that only style a stretch of text: removing them leaves the words as they read.
_INLINE = (
    "a",
    "b",
    "i",
    "u",
    "s",
    "q",
    "em",
    "strong",
    "span",
    "font",
    "sup",
    "sub",
    "small",
    "cite",
    "strike",
    "del",
    "ins",
    "mark",
    "time",
    "abbr",
)
# Tags that break the text into blocks: between two words one stands for a space at least.
_BLOCK = (
    "p",
    "br",
    "div",
    "li",
    "ul",
    "ol",
    "h1",
    "h2",
    "h3",
    "h4",
    "h5",
    "h6",
    "table",
    "tbody",
    "thead",
    "tr",
    "td",
    "th",
    "blockquote",
    "figure",
    "figcaption",
    "hr",
    "section",
    "article",
    "header",
    "footer",
    "aside",
    "img",
    "picture",
    "source",
)
_NAMES = "|".join(sorted(_INLINE + _BLOCK, key=len, reverse=True))
_ATTRIBUTE = r"""\s+[a-z][a-z0-9-]*(?:\s*=\s*(?:"[^"<>]*"|'[^'<>]*'|[^\s"'<>]+))?"""
# Groups, raw and escaped alike: 1 the closing slash, 2 the name, 3 the attributes, 4 a self-closing slash.
_TAG = re.compile(rf"<(/?)({_NAMES})((?:{_ATTRIBUTE})*)\s*(/?)>")
# Escaped: values may be quoted with &quot;, and a scraper's stray backslash may stand between
# attributes (`size="-2"\ color="#666666"`).
_ESCAPED_ATTRIBUTE = (
    r"""(?:\s|\\)+[a-z][a-z0-9-]*(?:\s*=\s*(?:"[^"<>]*"|'[^'<>]*'"""
    r"""|&quot;(?:(?!&quot;|&gt;)[^<>])*&quot;|(?:(?!&gt;)[^\s"'<>\\])+))?"""
)
_ESCAPED_TAG = re.compile(rf"&lt;(/?)({_NAMES})((?:{_ESCAPED_ATTRIBUTE})*)\s*(/?)&gt;", re.IGNORECASE)
# An escaped tag cut off by the end of a summary (`slogans.&lt;/p&`), in the same groups.
_CUT_ESCAPED_TAG = re.compile(rf"&lt;(/?)({_NAMES})()()(?![a-z0-9])(?:(?!&gt;)[^\n<>])*\Z", re.IGNORECASE)
_RUN_GAP = re.compile(r"[ \t\\]*")


def find(doc: Document) -> Iterator[Repair]:
    if doc.format == "markdown":
        return
    text = doc.text
    raw_marks, escaped_marks = may_hold_raw_tag(text), "&lt;" in text or "&LT;" in text
    if not raw_marks and not escaped_marks:
        return  # most stories: no tag to look for
    comments = list(doc.regions_of(RegionKind.COMMENT))
    tags: list[tuple[re.Match[str], bool]] = []
    if raw_marks:
        raw = [m for m in _TAG.finditer(text) if not _in_any(m.start(), comments)]
        if len(raw) > 1 or raw and (raw[0].group(1) or raw[0].group(3)):
            tags.extend((m, False) for m in raw)  # one bare tag: the story may be about HTML
    if escaped_marks:
        escaped = [m for m in _ESCAPED_TAG.finditer(text) if not _in_any(m.start(), comments)]
        if any(m.group(1) or m.group(3) or m.group(4) or m.group(2).islower() for m in escaped):
            tags.extend((m, True) for m in escaped)
            cut = _CUT_ESCAPED_TAG.search(text.rstrip(), max(0, len(text.rstrip()) - 500))
            if cut and not (escaped and escaped[-1].end() > cut.start()):
                tags.append((cut, True))
    tags.sort(key=lambda t: t[0].start())
    for run in _runs(text, tags):
        yield _repair(text, run)


def _in_any(offset: int, spans: Sequence[Span]) -> bool:
    return any(s.start <= offset < s.end for s in spans)


def _repair(text: str, run: list[tuple[re.Match[str], bool]]) -> Repair:
    first, last = run[0][0], run[-1][0]
    span = Span(first.start(), last.end())
    before, after = text[span.start - 1 : span.start], text[span.end : span.end + 1]
    between_words = before.strip() != "" and after.strip() != ""
    block = any(m.group(2).lower() in _BLOCK for m, _ in run)
    escaped = any(e for _, e in run)
    shown = first.group() if len(run) == 1 else f"{first.group()}...{last.group()}"
    what = ("escaped " if escaped else "") + ("HTML tag" if len(run) == 1 else f"{len(run)} HTML tags")
    detail = f"{what} {shown!r} left in the copy"
    return Repair(span, " " if block and between_words else "", "markup", True, detail)


def _runs(text: str, tags: list[tuple[re.Match[str], bool]]) -> Iterator[list[tuple[re.Match[str], bool]]]:
    """The tags in runs of tags next to each other (spaces, tabs and stray backslashes between)."""
    run: list[tuple[re.Match[str], bool]] = []
    for tag in tags:
        if run and tag[0].start() < run[-1][0].end():
            continue  # inside the last one (a raw tag in an escaped tag's attribute value)
        if run and _RUN_GAP.fullmatch(text, run[-1][0].end(), tag[0].start()) is None:
            yield run
            run = []
        run.append(tag)
    if run:
        yield run
