"""NL306 duplicated-dateline."""

from __future__ import annotations

import re
from collections.abc import Iterator

from newslint.document import Document
from newslint.rule import NOTHING, Rule, Trigger
from newslint.rules.structure._text import fold_quotes
from newslint.span import Span
from newslint.violation import Edit, Fix, FixAvailability, Violation

# A dateline standing on a line of its own: "WASHINGTON (Reuters) -", "KYIV, Ukraine (AP) —".
_DATELINE_LINE = re.compile(
    r"[A-Z][A-Z.'’/\-]*(?: [A-Z][A-Z.'’/\-]*){0,3}"  # city, in capitals
    r"(?:,\s+[A-Z][A-Za-z.'’\- ]{1,30}?)?"  # country or state
    r"(?:,?\s+[A-Z][a-z]{2,8}\.?\s+\d{1,2})?"  # date: Feb 26
    r"(?:\s+\([A-Za-z.\- ]{2,25}\))?"  # agency: (Reuters)
    r"\s*[-–—]{1,2}"
)
_SPACE = re.compile(r"\s+")
_DASHES = ("-", "–", "—")  # the characters _DATELINE_LINE can end with (a tuple: "" is none)


class DuplicatedDateline(Rule):
    """## What it does
    Finds a dateline written twice at the top of the story: `WASHINGTON (Reuters) -
    WASHINGTON (Reuters) -`, or a dateline line followed by the same dateline opening the
    first paragraph.

    ## Why is this bad?
    Feeds that add their own dateline to copy that already has one leave it doubled; readers
    see the place and agency twice before the story starts.

    ## Example
        WASHINGTON (Reuters) - WASHINGTON (Reuters) - The Senate passed the bill on Tuesday.

    ## Use instead
        WASHINGTON (Reuters) - The Senate passed the bill on Tuesday.

    ## Fix safety
    Safe when the second dateline is the same as the first apart from spacing and quote
    marks: deleting it loses nothing. Unsafe when only the place repeats ("LONDON (Reuters) -
    LONDON, March 3 -"): which of the two is right is for a person to decide.
    """

    code = "NL306"
    name = "duplicated-dateline"
    fix_availability = FixAvailability.ALWAYS
    repairs_characters = True

    def triggers(self) -> tuple[Trigger, ...]:
        # Sound: the one report (`_second`) is at a second dateline, a match of `_DATELINE_LINE`,
        # which ends in one of these dashes. A story without any (four in ten) is not run.
        return (Trigger(chars="".join(_DASHES)),)

    def check(self, doc: Document) -> Iterator[Violation]:
        # Not a generator: a story with no dateline pays one call.
        first = self._first_dateline(doc)
        return NOTHING if first is None else self._second(doc, first)

    def _second(self, doc: Document, first: Span) -> Iterator[Violation]:
        """The report of a second dateline after the first, `first`, if there is one."""
        text = doc.text
        start = first.end
        while start < len(text) and text[start].isspace():
            start += 1
        second = _DATELINE_LINE.match(text, start, min(len(text), start + 120))
        if second is None or start == first.end or not text[second.end() : second.end() + 1].isspace():
            return
        if not _fold(second.group()).startswith(_place(doc.slice(first))):
            return
        span = Span(second.start(), second.end())
        if not doc.is_prose(span):
            return
        exact = _fold(doc.slice(first)) == _fold(second.group())
        make = Fix.safe if exact else Fix.unsafe
        message = (
            "the dateline is repeated" if exact else "the dateline's place is repeated in a second dateline"
        )
        yield self.violation(span, message, make(*_deletion(text, first, span)))

    @staticmethod
    def _first_dateline(doc: Document) -> Span | None:
        """A line of its own that is only a dateline (the parser takes it for the headline or
        a paragraph), or else the dateline the parser found."""
        for part in (doc.headline, doc.paragraphs[0] if doc.paragraphs else None):
            if part is None:
                continue
            end = part.end
            last = doc.text[end - 1 : end]  # `endswith(_DASHES, part.start, end)`, read as one character
            if not (last in _DASHES and end > part.start) and not last.isspace():
                continue  # its last character, no dash, ends it stripped: not copied to be told
            line = doc.slice(part).strip()
            if line[-1:] not in _DASHES:
                continue  # the pattern ends in a dash: spare it the backtracking of a miss
            m = _DATELINE_LINE.fullmatch(line)
            if m and sum(c.isalpha() for c in m.group()) >= 3:
                return Span(part.start, part.start + len(doc.slice(part).rstrip()))
        return doc.dateline


def _fold(text: str) -> str:
    return _SPACE.sub(" ", fold_quotes(text)).strip().replace("—", "-").replace("–", "-")


def _place(dateline: str) -> str:
    """The city of a dateline: its words before a comma, bracket or dash."""
    return re.split(r"\s*[,(\-–—]", _fold(dateline), maxsplit=1)[0]


def _deletion(text: str, first: Span, second: Span) -> tuple[str, Edit]:
    """Delete the second dateline; when the first stands on a line of its own, delete that line
    instead (the same text comes out when they are the same), so no two lines are joined."""
    line_start = text.rfind("\n", 0, first.start) + 1
    if "\n" in text[first.end : second.start] and not text[line_start : first.start].strip():
        return "Delete the dateline on its own line", Edit.delete(Span(line_start, second.start))
    return "Delete the second dateline", Edit.delete(Span(first.end, second.end))
