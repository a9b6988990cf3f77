"""NL521 html-entity."""

from __future__ import annotations

from collections.abc import Iterator

from newslint.document import Document
from newslint.rule import Rule
from newslint.rules.typography._repairs import report
from newslint.violation import FixAvailability, Violation


class HtmlEntity(Rule):
    """## What it does
    Finds HTML character references left in plain copy: `&amp;`, `&#39;`, `&rsquo;`, and the
    broken ones scrapers leave when they lose the ampersand (`doesn #39;t`, `quot;`, `AT amp;T`).

    ## Why is this bad?
    Readers see `AT&amp;T` instead of `AT&T`; the copy was escaped for a web page and never
    unescaped. A broken entity also breaks the word it stands in: `doesn #39;t` is "doesn't".

    ## Example
        Shares of AT&amp;T rose 2&#37;. Iraq #39;s oil minister said  quot;no quot;.

    ## Use instead
        Shares of AT&T rose 2%. Iraq's oil minister said "no".

    ## Fix safety
    Safe for a complete entity (`&amp;`): it names exactly one character. Numbers 128-159 are
    read as Windows-1252, as browsers read them (`&#151;` is an em dash, `&#146;` a right
    quote), never as control characters. Quotation marks follow the story's style (curly or
    straight) and dashes its dash spacing. Safe for a broken entity (`#39;`, `quot;`, `amp;`:
    only names that are no English word) where the story shows the damage: two or more broken
    entities, or one inside a word; a scraper that turned the `&` into a space (`doesn #39;t`,
    `Iraq #39;s`) has its space removed too, so no contraction is left split. A lone broken
    entity elsewhere could be a word and a semicolon: unsafe. `&#191;` (`¿`) inside a word
    (`America&#191;s`) is a converter's mark for a lost character, usually an apostrophe:
    replacing it with one is unsafe. Escaped markup (`&lt;b&gt;`) is NL523's, removed rather
    than decoded. Markdown code is not prose and is left alone; in Markdown files entities are
    markup and are not reported.
    """

    code = "NL521"
    name = "html-entity"
    fix_availability = FixAvailability.ALWAYS
    repairs_characters = True
    reads_original = True
    reports_repairs = True

    def check(self, doc: Document) -> Iterator[Violation]:
        return report(self, doc, "entity")
