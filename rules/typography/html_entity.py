"""NL521 html-entity."""

from __future__ import annotations

import re
from collections.abc import Iterator

from newslint.document import Document
from newslint.rule import Rule
from newslint.span import Span
from newslint.violation import Edit, Fix, FixAvailability, Violation

_ENTITY = re.compile(r"&(?:#[0-9]{1,7}|#[xX][0-9a-fA-F]{1,6}|[A-Za-z][A-Za-z0-9]{1,31});")
# Scrapers often lose the ampersand: "#36;" for "$", "quot;" for a quotation mark.
_BROKEN = re.compile(
    r"(?<![&\w#])(?:#([0-9]{2,5})|(quot|amp|apos|nbsp|lt|gt|rsquo|lsquo|rdquo|ldquo|mdash|ndash));"
)


def _inside_word(text: str, span: Span) -> bool:
    return span.start > 0 and text[span.start - 1].isalpha() and text[span.end : span.end + 1].isalpha()


class HtmlEntity(Rule):
    """## What it does
    Finds HTML character references left in plain copy: `&amp;`, `&#39;`, `&rsquo;`, and the
    broken ones scrapers leave when they lose the ampersand (`#36;`, `quot;`).

    ## Why is this bad?
    Readers see `AT&amp;T` instead of `AT&T`; the copy was escaped for a web page and never
    unescaped.

    ## Example
        Shares of AT&amp;T rose 2&#37;.

    ## Use instead
        Shares of AT&T rose 2%.

    ## Fix safety
    Safe for a complete entity (`&amp;`): it names exactly one character, except `&#191;`
    (`¿`) inside a word (`America&#191;s`), which a converter left for a lost character,
    usually an apostrophe: replacing it with one is unsafe. Unsafe for a broken
    one (`quot;`), which could be a word followed by a semicolon. Markdown code is not prose
    and is left alone; in Markdown files entities are markup and are not reported.
    """

    code = "NL521"
    name = "html-entity"
    fix_availability = FixAvailability.ALWAYS
    repairs_characters = True

    def check(self, doc: Document) -> Iterator[Violation]:
        if doc.format == "markdown" or ";" not in doc.text:
            return  # every entity, whole or broken, ends in a semicolon
        for m in _ENTITY.finditer(doc.text):
            char = _unescape(m.group())
            if char == m.group():
                continue
            span = Span(m.start(), m.end())
            if not doc.is_prose(span) and not doc.in_table(span):
                continue
            if char == "¿" and _inside_word(doc.text, span):
                # "America&#191;s": a converter put "¿" for a character it could not map,
                # nearly always an apostrophe; the apostrophe is a guess.
                mark = "’" if doc.text.count("’") > doc.text.count("'") else "'"
                yield self.violation(
                    span,
                    f"HTML entity {m.group()!r} inside a word stands for a lost character, "
                    "probably an apostrophe",
                    Fix.unsafe(f"Replace with {mark!r}", Edit.replace(span, mark)),
                )
                continue
            yield self.violation(
                span,
                f"HTML entity {m.group()!r} for {char!r}",
                Fix.safe(f"Replace with {char!r}", Edit.replace(span, char)),
            )
        for m in _BROKEN.finditer(doc.text):
            char = chr(int(m.group(1))) if m.group(1) else _unescape(f"&{m.group(2)};")
            if m.group(1) and not 32 <= int(m.group(1)) < 0x110000:
                continue
            span = Span(m.start(), m.end())
            if doc.is_prose(span) or doc.in_table(span):
                yield self.violation(
                    span,
                    f"broken HTML entity {m.group()!r} (lost its '&'), probably {char!r}",
                    Fix.unsafe(f"Replace with {char!r}", Edit.replace(span, char)),
                )


def _unescape(entity: str) -> str:
    import html  # imported when a story holds an entity: it costs start-up time otherwise

    return html.unescape(entity)
