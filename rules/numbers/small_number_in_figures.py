"""NL405 small-number-in-figures."""

from __future__ import annotations

import re
from collections.abc import Iterator

from newslint.document import Document
from newslint.rules._styles import style_name
from newslint.rules.numbers._common import (
    WIRE_SHORTHAND,
    HouseStyleRule,
    in_data_line,
    named_figures,
    prose_matches,
    spell,
)
from newslint.span import Span
from newslint.violation import FixAvailability, Violation

# A lone digit 1-9 followed by a word: not part of a figure, code, score, list or time.
_LONE_DIGIT = re.compile(r"([1-9])(?<![\w.,$£€¥#/:+\-–(][1-9])(?![\w.,:/%'’\-–)])[ \t]+([A-Za-z][\w'’.\-]*)")
# Figures whatever the style: ages, percentages, dimensions and distances, money, times,
# scores and sports statistics, votes, and scales.
_FIGURE_WORDS = frozenset(
    """percent per pct cent cents p pence dollars dollar dlr dlrs pounds pound euros euro yen francs
    marks rupees yuan bolivars pesos lire lira guilders crowns rand riyals dinars shekels won baht
    ringgit kroner kronor zlotys roubles rubles naira million billion trillion m bn mn tn mln bln
    am pm a.m a.m. p.m p.m. gmt bst o'clock
    inches inch feet foot ft yards yard miles mile mph km kilometres kilometers metres meters metre
    meter cm mm kg kilos kilograms grams g lb lbs tonnes tons ton litres liters gallons acres
    hectares degrees bits bytes kilobits megabits gigabits kb mb gb megabytes gigabytes megapixels
    ghz mhz sq square cubic points point pts goals goal runs run wickets wicket strokes
    shots laps sets games innings overs seconds secs sec votes vote stars star per-cent percentage
    x times to and or of out by under over par""".split()
)
# A word before the figure that makes it a name or a label: number 3, page 5, stage 2, aged 7.
_LABEL_WORDS = frozenset(
    """no no. number page pages room flight route chapter article section clause paragraph item grade
    level category class series type version stage round leg lane gate platform game race heat
    race match hole seed seeded ranked aged age ages size rank row seat step phase tier act scene
    verse volume vol exit apollo formula channel radio plus minus january february march april may june july
    august september october november december jan feb mar apr jun jul aug sep sept oct nov dec""".split()
)
_AGE_AFTER = re.compile(r"[ \t]+(?:years?|months?|weeks?)[ \t]+old|[ \t]+(?:years?|yrs?)[ \t]+of[ \t]+age")
_WORD_BEFORE = re.compile(r"([A-Za-z][\w.'’]*)\s+$")
_DIGIT_NEAR = re.compile(r"\d")


class SmallNumberInFigures(HouseStyleRule):
    """## What it does
    Under a house style (`style` set), finds the numbers one to nine written as figures in
    running text (`3 people`), where every one of the four profiles (AP, Reuters, the Guardian,
    the BBC) spells them out. With no style it reports nothing.

    The usual exceptions keep figures and are left alone: ages (`5 years old`), percentages,
    dimensions and distances, money, times, scores and sports statistics, votes, scales
    (`3 million`), decimals, dates, names and labels (`Formula 1`, `Channel 4`, `page 5`,
    `stage 3`, and a figure the story uses as a name: `3's director`), any figure with another
    figure next to it (ranges, ratios, lists, scores: `3 to 12`, `1 in 5`), the headline, where
    styles use figures, and sentence starts, which NL406 covers. Reuters' old wire shorthand
    (`1 dlr`, `3 mln`) is left alone as well.

    ## Why is this bad?
    Every one of these house styles writes one to nine in words and 10 and up in figures; a
    stray figure reads as a slip.

    ## Example
        The storm killed 3 people and injured 14.

    ## Use instead
        The storm killed three people and injured 14.

    ## Fix safety
    Unsafe: the rule cannot know every exception (a statistic in a sports report, a label);
    the figure is spelled out. Inside direct quotations it is reported, never changed.
    """

    code = "NL405"
    name = "small-number-in-figures"
    fix_availability = FixAvailability.ALWAYS

    def check_style(self, doc: Document, style: str) -> Iterator[Violation]:
        text = doc.text
        starts = {s.start for s in doc.sentences}
        names = named_figures(text)
        for m in prose_matches(doc, _LONE_DIGIT, headline=False, at_figures=True):
            if (
                m.start() in starts
                or m.group(1) in names
                or not self._counts(text, m)
                or in_data_line(text, m.start())
            ):
                continue
            digit = m.group(1)
            span = Span(m.start(1), m.end(1))
            word = spell(int(digit))
            yield self.rewrite(
                span, f"{style_name(style)} style spells out {digit!r} as {word!r}", word, safe=False
            )

    @staticmethod
    def _counts(text: str, m: re.Match) -> bool:
        """True when the figure counts things in running prose, with no exception applying."""
        after = m.group(2)
        if not after.islower() or after.rstrip(".").lower() in _FIGURE_WORDS or after in WIRE_SHORTHAND:
            return False
        if _AGE_AFTER.match(text, m.end(1)):
            return False
        before = _WORD_BEFORE.search(text, max(0, m.start() - 25), m.start())
        if before and (before.group(1)[:1].isupper() or before.group(1).lower() in _LABEL_WORDS):
            return False
        # another figure close by: a range, a ratio, a list or a score
        return not (
            _DIGIT_NEAR.search(text, max(0, m.start() - 12), m.start())
            or _DIGIT_NEAR.search(text, m.end(1), min(len(text), m.end(1) + 12))
        )
