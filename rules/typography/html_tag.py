"""NL523 html-tag."""

from __future__ import annotations

import re
from collections.abc import Iterator

from newslint.document import Document, RegionKind
from newslint.rule import Rule
from newslint.span import Span
from newslint.violation import Edit, Fix, FixAvailability, Violation

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
_ATTRIBUTE = r"""\s+[a-z][a-z0-9-]*(?:\s*=\s*(?:"[^"<>]*"|'[^'<>]*'|[^\s"'<>]+))?"""
# Lowercase names only: Reuters tickers are capitals in angle brackets (<U>, <P>, <EM>, <A>).
_TAG = re.compile(
    rf"</?({'|'.join(sorted(_INLINE + _BLOCK, key=len, reverse=True))})((?:{_ATTRIBUTE})*)\s*/?>"
)
_RUN_GAP = re.compile(r"[ \t]*")


class HtmlTag(Rule):
    """## What it does
    Finds HTML tags left in plain-text copy by a scraper or a CMS export: `<p>`, `</p>`,
    `<br>`, `<br />`, `<a href="...">`, `<strong>`. Tags next to each other are one report.
    Only lowercase tag names count (Reuters writes tickers in capitals in angle brackets:
    `<U>`, `<P>`), and a tag with no attributes is reported only when the story holds another
    tag, so a story that mentions "the <p> tag" once is left alone. Markdown files, where
    HTML is markup, are not checked.

    ## Why is this bad?
    Readers see the page's markup instead of the story; archives and search indexes keep it.

    ## Example
        <p>The talks resumed on Monday.</p><p>Both sides <b>welcomed</b> it.</p>

    ## Use instead
        The talks resumed on Monday. Both sides welcomed it.

    ## Fix safety
    Safe: the markup goes and the words stay. A block tag (`</p><p>`, `<br>`) between two words
    becomes a space, so the words do not run together; otherwise tags are deleted. Inside
    direct quotations the markup is removed too (it is not the speaker's words).
    """

    code = "NL523"
    name = "html-tag"
    fix_availability = FixAvailability.ALWAYS
    repairs_characters = True

    def check(self, doc: Document) -> Iterator[Violation]:
        if doc.format == "markdown" or "<" not in doc.text:
            return
        comments = list(doc.regions_of(RegionKind.COMMENT))
        tags = [m for m in _TAG.finditer(doc.text) if not any(c.start <= m.start() < c.end for c in comments)]
        if len(tags) == 1 and not (tags[0].group(2) or tags[0].group().startswith("</")):
            return  # one bare tag: the story may be about HTML
        for run in _runs(doc.text, tags):
            yield self._report(doc.text, run)

    def _report(self, text: str, run: list[re.Match[str]]) -> Violation:
        span = Span(run[0].start(), run[-1].end())
        before, after = text[span.start - 1 : span.start], text[span.end : span.end + 1]
        between_words = before.strip() != "" and after.strip() != ""
        block = any(m.group(1) in _BLOCK for m in run)
        joined = " " if block and between_words else ""
        shown = run[0].group() if len(run) == 1 else f"{run[0].group()}...{run[-1].group()}"
        what = "HTML tag" if len(run) == 1 else f"{len(run)} HTML tags"
        title = "Replace with a space" if joined else "Delete the markup"
        return self.violation(
            span, f"{what} {shown!r} left in the copy", Fix.safe(title, Edit.replace(span, joined))
        )


def _runs(text: str, tags: list[re.Match[str]]) -> Iterator[list[re.Match[str]]]:
    """The tags in runs of tags next to each other (spaces and tabs between them allowed)."""
    run: list[re.Match[str]] = []
    for m in tags:
        if run and _RUN_GAP.fullmatch(text, run[-1].end(), m.start()) is None:
            yield run
            run = []
        run.append(m)
    if run:
        yield run
