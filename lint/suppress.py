"""Inline suppression directives, written as HTML comments (Markdown, HTML, or any text):

    <!-- newslint: disable NL101 NL201 -->  ... <!-- newslint: enable -->
    <!-- newslint: ignore-next-line NL101 -->
    <!-- newslint: disable -->               (every rule, to the end or the next enable)

Codes may be prefixes or rule names, as in --select. A directive that suppresses nothing is
reported by NL001 (unused-suppression).
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from newslint.document import Document
from newslint.span import Span

_DIRECTIVE = re.compile(
    r"<!--\s*newslint:\s*(disable|enable|ignore-next-line)\b([^>]*?)\s*-->", re.IGNORECASE
)


@dataclass(eq=False)
class Suppression:
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


def scan(doc: Document) -> list[Suppression]:
    text = doc.text
    out: list[Suppression] = []
    open_blocks: list[Suppression] = []
    for m in _DIRECTIVE.finditer(text):
        kind = m.group(1).lower()
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
