"""NL406 figure-at-sentence-start."""

from __future__ import annotations

import re
from collections.abc import Iterator

from newslint.document import Document
from newslint.rules._styles import style_name
from newslint.rules.numbers._common import HouseStyleRule, capitalise, in_data_line, named_figures, spell
from newslint.span import Span
from newslint.violation import FixAvailability, Violation

# A figure opening a sentence, perhaps after an opening quote mark.
_OPENING_FIGURE = re.compile(r"[\"“‘']?([$£€¥]?\d[\d,.]*)(?=(\S*)\s*(\S?))")
# "25 people", "3-year-old": spelled out, the sentence reads the same.
_SPELLABLE_NEXT = re.compile(r"[ \t\n]+(?!(?:a\.?m|p\.?m)\b)[a-z]|-year-old")
# Prose: a few words, then a full stop (lines of figures in wire results are not sentences).
_ENDS_LIKE_A_SENTENCE = re.compile(r"\S+\s+\S+\s+\S+\s+\S+.*[.!?][\"”’')]*\s*\Z", re.DOTALL)
_YEAR = re.compile(r"1\d{3}|20\d{2}")
# "averaged 17.\n40 dlrs": a decimal broken by a line wrap, not a full stop and a new sentence.
_WRAPPED_DECIMAL_BEFORE = re.compile(r"\d\.\n$")
# Wire market reports run figures together with a few words of their own ("12,804,310 up
# 9,120, Harbor Row 3,402,118 unch."): a "sentence" whose only lowercase words are these, or
# one that is a third figures, is data.
_DATA_WORDS = frozenset("unch nil off up down vs".split())
_TOKEN = re.compile(r"\S+")


def _reads_as_data(sentence: str) -> bool:
    tokens = _TOKEN.findall(sentence)
    figures = sum(1 for t in tokens if t[:1].isdigit())
    lowercase = [w for t in tokens if (w := t.strip(".,;:()")).isalpha() and w.islower()]
    return figures * 3 >= len(tokens) or all(w in _DATA_WORDS for w in lowercase)


class FigureAtSentenceStart(HouseStyleRule):
    """## What it does
    Under a house style (`style` set), finds a sentence that opens with a figure (`25 people
    died`). AP, Reuters, the Guardian and the BBC all spell the number out or recast the
    sentence. With no style it reports nothing.

    A year may open a sentence (`1987 was a good year`), and names (`50 Cent`, and a figure
    the story uses as a name: `3's director`), list items (`1. Wheat`), scores (`3-1`), the
    headline (where figures are the rule), tables, times (`5pm`), lines of market data
    (`612 off 14, Eastgate 8,210 unch.`) and a decimal broken by a line wrap (`17.` at a line
    end, `40 dlrs` on the next) are left alone.

    ## Why is this bad?
    A figure after a full stop is easy to misread as part of the sentence before, and every one
    of these styles forbids it.

    ## Example
        25 people were hurt in the crash.

    ## Use instead
        Twenty-five people were hurt in the crash.

    ## Fix safety
    Safe for a whole number below 100 followed by a word, which is spelled out (`Twenty-five
    people`); the sentence keeps its meaning. Larger figures, decimals, money and percentages
    need the sentence recast, so they are reported without a fix. Inside direct quotations it
    is reported, never changed.
    """

    code = "NL406"
    name = "figure-at-sentence-start"
    fix_availability = FixAvailability.SOMETIMES

    def check_style(self, doc: Document, style: str) -> Iterator[Violation]:
        text = doc.text
        names: frozenset[str] | None = None
        for sentence in doc.sentences:
            if not text[sentence.start : sentence.start + 2].lstrip("\"“‘'")[:1].isdigit():
                continue  # most sentences: one slice, no regex
            m = _OPENING_FIGURE.match(text, sentence.start, sentence.end)
            if m is None:
                continue  # a digit that is not 0-9 ("²" passes str.isdigit)
            span = Span(m.start(1), m.end(1))
            if (
                doc.in_headline(span)
                or not doc.is_prose(span)
                or self._allowed(m)
                or not _ENDS_LIKE_A_SENTENCE.search(text, sentence.start, sentence.end)
                or in_data_line(text, span.start)
                or _WRAPPED_DECIMAL_BEFORE.search(text, max(0, sentence.start - 3), sentence.start)
                or _reads_as_data(doc.slice(sentence))
            ):
                continue
            figure = m.group(1).rstrip(".,")
            names = named_figures(text) if names is None else names
            if figure in names:
                continue  # "3 is looking to music": the mobile network 3, a name
            span = Span(span.start, span.start + len(figure))
            message = f"{style_name(style)} style does not open a sentence with a figure ({figure!r})"
            if len(figure) <= 2 and figure.isdigit() and _SPELLABLE_NEXT.match(text, span.end):
                word = capitalise(spell(int(figure)))
                yield self.rewrite(span, message, word, safe=True)
            else:
                yield self.violation(span, message)

    @staticmethod
    def _allowed(m: re.Match) -> bool:
        figure, attached = m.group(1), m.group(2)
        if _YEAR.fullmatch(figure.rstrip(".,")) or figure.endswith(".") and not attached:
            return True  # a year; "1." opens a list item
        if not attached and m.group(3)[:1].isupper():
            return True  # a name: "50 Cent", "19 Management"
        return (
            attached[:1] in ("-", "–", ")", ":", "/", "'", "’")
            and not attached.startswith("-year")
            or attached[:1].isalpha()
            and not attached.startswith("-")
        )  # 5pm, 3D, 4x4
