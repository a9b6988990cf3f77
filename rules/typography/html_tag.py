"""NL523 html-tag."""

from __future__ import annotations

from collections.abc import Iterator

from newslint.document import Document
from newslint.reading import Repair
from newslint.rule import Rule
from newslint.rules.typography._repairs import report
from newslint.violation import FixAvailability, Violation


class HtmlTag(Rule):
    """## What it does
    Finds HTML tags left in plain-text copy by a scraper or a CMS export: `<p>`, `</p>`,
    `<br>`, `<br />`, `<a href="...">`, `<strong>`, and escaped ones (`&lt;FONT
    face="verdana"&gt;`, `&lt;/b&gt;`). Tags next to each other are one report.
    Raw tags count only with lowercase names (Reuters writes tickers in capitals in angle
    brackets: `<U>`, `<P>`), and a raw tag with no attributes is reported only when the story
    holds another tag, so a story that mentions "the <p> tag" once is left alone. Escaped tags
    count in any case once the story holds one with attributes or a slash, which no ticker has.
    Markdown files, where HTML is markup, are not checked.

    ## Why is this bad?
    Readers see the page's markup instead of the story; archives and search indexes keep it,
    and its attribute words (`verdana`, `qtype`) read as misspelt prose.

    ## Example
        <p>The talks resumed on Monday.</p><p>Both sides <b>welcomed</b> it.</p>

    ## Use instead
        The talks resumed on Monday. Both sides welcomed it.

    ## Fix safety
    Safe: the markup goes with its attributes and the words stay; escaped markup is removed,
    never decoded into live markup. A block tag (`</p><p>`, `<br>`) between two words
    becomes a space, so the words do not run together; otherwise tags are deleted. Inside
    direct quotations the markup is removed too (it is not the speaker's words).
    """

    code = "NL523"
    name = "html-tag"
    fix_availability = FixAvailability.ALWAYS
    repairs_characters = True
    reads_original = True
    reports_repairs = True

    def check(self, doc: Document) -> Iterator[Violation]:
        return report(self, doc, "markup", _title)


def _title(repair: Repair, found: str) -> str:
    return "Replace with a space" if repair.content else "Delete the markup"
