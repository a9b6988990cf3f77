"""NL505 misused-no-break-space."""
from __future__ import annotations

import re
from collections.abc import Iterator

from newslint.document import Document
from newslint.rule import Rule
from newslint.span import Span
from newslint.violation import Edit, Fix, FixAvailability, Violation

NBSP = "\u00a0"
# A stretch of spaces holding at least one no-break space, with the characters around it.
_RUN = re.compile(r"[ \t\u00a0]*\u00a0[ \t\u00a0]*")
_WORD_BEFORE = re.compile(r"([^\s\u00a0]+)$")
_WORD_AFTER = re.compile(r"([^\s\u00a0]+)")
CHAIN_WORDS = 3
# Words after which a no-break space is typographic practice: titles, initials, references.
_KEEPS_NEXT = frozenset(
    "mr mrs ms mx dr prof sir dame lord lady st rev fr sr jr gen col capt lt sgt maj adm cmdr "
    "sen rep gov pres no nos p pp vol vols ch chap fig figs art arts sec para page pages "
    "chapter article section figure table room flight route platform act clause rule".split()
)
_ROMAN = re.compile(r"^[IVXLC]{1,6}\b")
_AFTER_SENTENCE = re.compile(r"[.!?:][\"”’')\]]?$")
_FRENCH_BEFORE = "»;:!?%‰€$£¥)]/–—-&="  # a no-break space before these is typographic practice
_FRENCH_AFTER = "«([/–—-&=$£€¥#§№"  # and after these


class MisusedNoBreakSpace(Rule):
    """## What it does
    Finds no-break spaces (U+00A0) where an ordinary space belongs: between two ordinary words
    of running text, doubled or mixed with spaces, and at the end of a line.

    ## Why is this bad?
    Copy pasted from web pages carries `&nbsp;` as U+00A0. It looks like a space but is not
    one: search, tokenisers and de-duplication treat `the\\u00a0minister` as one word, and line
    breaking goes wrong.

    ## Example
        The\\u00a0minister said on Saturday.

    ## Use instead
        The minister said on Saturday.

    ## Fix safety
    Safe: the no-break space becomes an ordinary space (a doubled one becomes one space, or one
    no-break space where one belongs), and a no-break space at the end of a line is deleted; no
    word changes. Correct uses are left alone: next to a figure (`10\\u00a0km`, `£5\\u00a0m`,
    `5\\u00a0per\\u00a0cent`, `25\\u00a0March`), after a title, initial or reference word
    (`Mr\\u00a0Smith`, `J.\\u00a0K. Rowling`, `p.\\u00a012`), before a Roman numeral
    (`Henry\\u00a0VIII`), French spacing inside `«\\u00a0»` and before `;:!?`, around dashes and
    symbols, and between two capitalised words (`New\\u00a0York`: keeping a name on one line is
    an editor's choice). Tables and indentation are not touched.
    """

    code = "NL505"
    name = "misused-no-break-space"
    fix_availability = FixAvailability.ALWAYS
    repairs_characters = True

    def check(self, doc: Document) -> Iterator[Violation]:
        text = doc.text
        if NBSP not in text:
            return  # one scan settles almost every story
        for m in _RUN.finditer(text):
            span = Span(m.start(), m.end())
            before = text[span.start - 1] if span.start else "\n"
            after = text[span.end] if span.end < len(text) else "\n"
            if before in "\r\n" or doc.in_table(span):
                continue  # indentation
            if not doc.is_prose(Span(max(0, span.start - 1), min(len(text), span.end + 1))):
                continue
            if after in "\r\n":
                yield self.violation(span, "no-break space at the end of a line",
                                     Fix.safe("Delete it", Edit.delete(span)))
                continue
            run = m.group()
            kept = _kept_use(text, span.start, span.end)
            if run == NBSP:
                if not kept:
                    yield self.violation(span, "no-break space between ordinary words; use a normal space",
                                         Fix.safe("Replace with a space", Edit.replace(span, " ")))
                continue
            if kept:
                replacement, title = NBSP, "Replace with one no-break space"
            elif _AFTER_SENTENCE.search(text[max(0, span.start - 3) : span.start]):
                # Two spaces after a full stop are a typing convention NL501 leaves alone.
                replacement, title = run.replace(NBSP, " "), "Replace the no-break spaces with spaces"
            else:
                replacement, title = " ", "Replace with one space"
            what = "doubled no-break space" if set(run) == {NBSP} else "no-break space mixed with spaces"
            yield self.violation(span, what, Fix.safe(title, Edit.replace(span, replacement)))


def _joined_words(text: str, start: int, end: int) -> tuple[list[str], list[str]]:
    """The words before `start` and after `end` that no-break spaces join to this one, up to
    three on each side ("5\u00a0per\u00a0cent", "J.\u00a0K.\u00a0Rowling")."""
    left: list[str] = []
    i = start
    while len(left) < CHAIN_WORDS and (m := _WORD_BEFORE.search(text, max(0, i - 40), i)):
        left.append(m.group(1))
        i = m.start()
        if i == 0 or text[i - 1] != NBSP:
            break
        i -= 1
    right: list[str] = []
    j = end
    while len(right) < CHAIN_WORDS and (m := _WORD_AFTER.match(text, j, min(len(text), j + 40))):
        right.append(m.group(1))
        j = m.end()
        if j >= len(text) or text[j] != NBSP:
            break
        j += 1
    return left, right


def _kept_use(text: str, start: int, end: int) -> bool:
    """Whether the no-break space(s) between text[start] and text[end] are typographic practice."""
    left, right = _joined_words(text, start, end)
    if not left or not right:
        return True
    if any(c.isdigit() for w in left + right for c in w):
        return True  # a figure and what it counts: 10 km, 5 per cent, March 25
    lw, rw = left[0], right[0]
    if lw[-1] in _FRENCH_AFTER or rw[0] in _FRENCH_BEFORE:
        return True
    bare = lw.rstrip(".").casefold()
    if bare in _KEEPS_NEXT or (len(bare) == 1 and lw.endswith(".")) or _ROMAN.match(rw):
        return True  # Mr Smith, J. K. Rowling, p. 12, Henry VIII
    if not any(c.isalpha() for c in lw) or not any(c.isalpha() for c in rw):
        return True  # symbols: not ordinary words
    # Two capitalised words: a name kept on one line, an editor's choice.
    return lw[0].isupper() and lw[-1].isalpha() and rw[0].isupper()
