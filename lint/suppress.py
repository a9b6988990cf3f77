"""Inline suppression directives, written as HTML comments (Markdown, HTML, or any text):

    <!-- newslint: disable NL101 NL201 -->  ... <!-- newslint: enable -->
    <!-- newslint: ignore-next-line NL101 -->
    <!-- newslint: disable -->               (every rule, to the end or the next enable)

Codes may be prefixes or rule names, as in --select. A directive that suppresses nothing is
reported by NL001 (unused-suppression); a `newslint:` comment whose directive or selector
newslint does not know is reported by NL002 (invalid-suppression) and suppresses nothing.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from newslint.document import Document
from newslint.registry import is_known_selector, suggest_selector
from newslint.segment import lowered
from newslint.span import Span
from newslint.suggest import closest

# Every comment addressed to newslint; group 1 is the directive word, group 2 its selectors.
_COMMENT = re.compile(r"<!--\s*newslint\s*:[ \t]*([^\s>]*)([^>]*?)\s*-->", re.IGNORECASE)
DIRECTIVES = ("disable", "enable", "ignore-next-line")
# Other linters' words for what newslint calls otherwise (ESLint, markdownlint, Vale).
OTHER_TOOLS = {"disable-next-line": "ignore-next-line", "off": "disable", "on": "enable"}


@dataclass(eq=False)
class Suppression:
    """A suppression comment: the rules it names and the text it covers."""

    directive: Span  # where the comment stands
    selectors: tuple[str, ...]  # empty: every rule
    region: Span  # which offsets it covers
    used: bool = field(default=False)
    closer: Span | None = None  # the `enable` comment that ends a `disable` block, if any

    def covers(self, code: str, name: str, offset: int) -> bool:
        if not self.region.start <= offset < max(self.region.end, self.region.start + 1):
            return False
        return not self.selectors or any(_matches(s, code, name) for s in self.selectors)


def _matches(selector: str, code: str, name: str) -> bool:
    return selector.lower() == name or code.startswith(selector.upper()) or selector.upper() == "ALL"


@dataclass(frozen=True)
class Invalid:
    """A word in a `newslint:` comment that newslint does not know."""

    comment: Span  # the whole comment
    word: Span  # the unknown directive or selector
    what: str  # "directive" or "rule selector"
    meant: str | None  # the word it most likely stands for


def may_hold_directive(text: str) -> bool:
    """Whether `text` may hold a directive: every directive is an HTML comment. A substring test
    that copies nothing, and almost no story holds a comment (`Linter.check` asks it a story,
    written inline)."""
    return "<!--" in text


def mentions_newslint(doc: Document) -> bool:
    return may_hold_directive(doc.text) and any("newslint" in low for low in lowered(doc.text, 7))


def scan(doc: Document) -> list[Suppression]:
    """The directives that suppress; unknown ones (see `invalid`) suppress nothing."""
    text = doc.text
    out: list[Suppression] = []
    open_blocks: list[Suppression] = []
    if not mentions_newslint(doc):
        return out
    for m in _COMMENT.finditer(text):
        kind = m.group(1).lower()
        if kind not in DIRECTIVES:
            continue
        selectors = tuple(s for s in re.split(r"[\s,]+", m.group(2).strip()) if s)
        here = Span(m.start(), m.end())
        if kind == "ignore-next-line":
            line = doc.lines.position(m.end()).line + 1
            region = doc.lines.line_span(line) if line <= len(doc.lines) else Span(len(text), len(text))
            out.append(Suppression(here, selectors, region))
        elif kind == "disable":
            block = Suppression(here, selectors, Span(m.end(), len(text)))
            open_blocks.append(block)
            out.append(block)
        else:  # enable: closes the matching open blocks (all of them without selectors)
            for block in list(open_blocks):
                if not selectors or set(block.selectors) & set(selectors) or not block.selectors:
                    block.region = Span(block.region.start, m.start())
                    block.closer = here
                    open_blocks.remove(block)
    return out


def invalid(doc: Document) -> list[Invalid]:
    """Unknown directives and unknown rule selectors in `newslint:` comments, with the word each
    most likely stands for. A comment with an unknown directive suppresses nothing: guessing
    would hide reports the writer never asked to hide (`disabel` read as `disable` silences
    every rule to the end of the story)."""
    out: list[Invalid] = []
    if not mentions_newslint(doc):
        return out
    for m in _COMMENT.finditer(doc.text):
        comment, kind = Span(m.start(), m.end()), m.group(1)
        if kind.lower() not in DIRECTIVES:
            meant = OTHER_TOOLS.get(kind.lower()) or closest(kind.lower(), DIRECTIVES, cutoff=0.6)
            out.append(Invalid(comment, Span(m.start(1), m.end(1)), "directive", meant))
            continue
        for sel in re.finditer(r"[^\s,]+", m.group(2)):
            if not is_known_selector(sel.group()):
                span = Span(m.start(2) + sel.start(), m.start(2) + sel.end())
                out.append(Invalid(comment, span, "rule selector", suggest_selector(sel.group())))
    return out
