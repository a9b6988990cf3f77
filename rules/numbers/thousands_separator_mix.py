"""NL402 thousands-separator-mix."""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator, Sequence

from newslint.document import Document
from newslint.native import native
from newslint.rule import NOTHING
from newslint.rules._styles import styles_where
from newslint.rules.numbers._common import Form, MixedFormRule, prose_matches
from newslint.span import Span
from newslint.violation import FixAvailability, Violation

# A four-digit figure, with or without the comma, standing alone: not part of a longer figure,
# a code (A-1500, 2004/1500), a decimal, or a word with the unit attached (1500m).
_FOUR_DIGITS = re.compile(r"([1-9])(?<![\w.,/:\-–'’(][1-9])(,?)(\d{3})(?![\w\-–]|[.,:/]\d)(\s+[A-Za-z]+)?")
_CODE_WORDS = frozenset(
    "no no. number page pages room flight route model article section code tel box suite version "
    "highway interstate bus train channel grade level form rule clause paragraph chapter item "
    "category class series type mark exit gate platform".split()
)
_TIME_ZONES = frozenset("gmt bst est edt cst cdt pst pdt cet utc hrs hours hrs. local".split())
_TIME_PREPOSITIONS = frozenset("at by until till from before after since around about".split())
_DISTANCES = frozenset("metres meters metre meter".split())
_WORD_BEFORE = re.compile(r"([A-Za-z][\w.]*)\s+$")
# Words that make a figure a product's name: "the 80386 processor", "its 7000 series", "a 2400 modem".
_PRODUCT_NOUNS = frozenset(
    "series family computer computers processor processors microprocessor microprocessors chip chips "
    "model models system systems line version range engine engines class mainframe mainframes "
    "minicomputer minicomputers printer printers workstation workstations jet jets airliner airliners "
    "plane planes modem modems handset handsets terminal terminals".split()
)
# A figure after a determiner names one thing ("a 2400 modem", "the 8088 chip") unless a plural
# follows: "the 2500 soldiers", "the 1500 people", "the 3000 other workers".
_DETERMINER_BEFORE = re.compile(
    r"\b(?:the|its|their|his|her|a|an|this|that|new|our|whose|mid-range)[ \t\n]+$", re.I
)
_UNMARKED_PLURALS = frozenset(
    "people staff police personnel cattle livestock men women children sheep deer fish feet head crew "
    "more other others new additional extra remaining".split()
)
# A series of names or a clock range: "Unisys 5000 and 7000", "the 3230 and 7710", "the 2300 to
# 0700 shift".
_NAMED_SERIES_BEFORE = re.compile(
    r"(?:[A-Z]\w*|\b(?:the|its|their|a|new))[ \t\n]+\d{4,}[ \t\n]+(?:and|or|,)[ \t\n]+$"
)
# A figure right after a capitalised word in mid-sentence is part of a name: "IBM 4381", "Boeing
# 7470", "Windows 2000", "Pontiac 6000". The story writes that figure as a name elsewhere too
# ("the 4381 processors").
_NAME_THEN_FIGURE = re.compile(r"[A-Z](?<![\w.][A-Z])[\w\-]*[ \t]+(\d{3,7})(?![\w,]|\.\d)")
_FIGURE_AFTER_NAME = re.compile(r"\d{3,7}(?![\w,]|\.\d)")  # its figure, where `_names_then_figures` reads it
_NOT_NAMES = frozenset(
    "About Around Some Nearly Almost Over Only Just Another More Fewer Less Up Roughly Approximately "
    "Exactly All The Those These Of In At By For From With Between To Than And Or But Since Until Until "
    "Jan Feb Mar Apr Jun Jul Aug Sep Sept Oct Nov Dec January February March April May June July August "
    "September October November December Monday Tuesday Wednesday Thursday Friday Saturday Sunday".split()
)
# House styles whose comma NL414 checks in every figure: no story majority to follow then.
STYLES_WITH_A_COMMA = styles_where(lambda s: s.thousands_comma)


class ThousandsSeparatorMix(MixedFormRule):
    """## What it does
    Finds a story that writes four-digit figures both with and without the thousands comma
    (`1,500 troops` ... `2500 troops`). The form the story uses more often is taken as its
    style (a tie goes to the first use) and the other form is reported.

    Years (1000 to 2099 without a currency sign), clock times (`2330 GMT`, `at 2300`), codes and
    names (`Windows 2000`, `flight 1549`, `No 7000`), distances (`1500 metres`), figures followed
    by a capitalised word (`1600 Pennsylvania Avenue`), tables and the headline are left out:
    none of them takes a comma in any style. A figure glued to a name or a product is a name:
    after a capitalised word in mid-sentence (`IBM 4381`, and then `its 4381 processors`
    anywhere in the story), before a product word (`the 8088 chip`), or after `a`, `the`, `its`
    with no plural after it (`a 2400 modem`; `the 2500 people` is a count). Under `style = "ap"`
    it is silent: NL414 then checks every figure against AP's comma.

    ## Why is this bad?
    Both forms are correct in some house style, but one story should use one: a mix looks
    unedited and breaks searches for the figure.

    ## Example
        Some 1,200 soldiers crossed the border ... another 2500 soldiers followed.

    ## Use instead
        Some 1,200 soldiers crossed the border ... another 2,500 soldiers followed.

    ## Fix safety
    Unsafe: a four-digit figure might be a code or a year the rule did not recognise. Safe for
    a sum of money (`$2500`) in a story that writes the comma.

    ## With a desk profile
    With `profile` set and no `style`, a story that mixes forms follows the form nine in ten of
    the desk's stories that keep to one write (twenty stories or more; docs/profile.md).
    """

    code = "NL402"
    name = "thousands-separator-mix"
    fix_availability = FixAvailability.ALWAYS
    what = "four-digit figures"

    def check(self, doc: Document) -> Iterator[Violation]:
        # Fewer than two figures `forms` reads (most stories): fewer than two forms, no mix.
        if len(four_digit_starts(doc.text, doc.digit_runs[0])) < 2:
            return NOTHING
        return super().check(doc)

    def forms(self, doc: Document) -> Sequence[Form]:
        if self.context.style in STYLES_WITH_A_COMMA:
            return ()  # NL414 puts the comma in every figure: no majority to follow
        found = []
        names: frozenset[str] | None = None  # the figures written after a name: found when first needed
        for m in prose_matches(doc, _FOUR_DIGITS, headline=False, at_figures=True, kept=four_digit_starts):
            first, comma, rest, after = m.groups()
            currency = currency_before(doc.text, m.start())
            after = (after or "").strip()
            if not comma and not plain_quantity(doc.text, m, currency, int(first + rest), after):
                continue
            if not comma and not currency:
                if names is None:
                    names = named_figures(doc.text, doc.digit_runs[0])
                if first + rest in names or figure_is_a_name(doc.text, m.start(), m.end(3), after.lower()):
                    continue
            span = Span(m.start(1), m.end(3))
            found.append(
                Form(
                    "comma" if comma else "plain",
                    span,
                    {"comma": f"{first},{rest}", "plain": first + rest},
                    frozenset({"comma"}) if currency else frozenset(),
                )
            )
        return found


def _four_digit_starts(text: str, starts: Sequence[int]) -> list[int]:
    """The figure starts (`Document.digit_runs`) at which `_FOUR_DIGITS` may match and NL402 reads
    the match: a figure that opens with 1-9 and is four digits ("2500") or one digit, a comma and
    three ("2,500"), no digit after it; a bare one from 1000 to 2099 only after a currency sign
    (`forms` passes over the others as years, `plain_quantity`). Most figures are neither: the
    pattern is tried at none of them. The pure-Python twin of the compiled `four_digit_starts`."""
    found = []
    for s in starts:
        first = text[s : s + 1]
        if not "1" <= first <= "9":
            continue
        j = s + 2 if text[s + 1 : s + 2] == "," else s + 1  # the group of three
        group = text[j : j + 3]
        if len(group) < 3 or not group.isdecimal() or text[j + 3 : j + 4].isdecimal():
            continue
        if j == s + 1 and 1000 <= int(first + group) <= 2099 and not currency_before(text, s):
            continue
        found.append(s)
    return found


four_digit_starts: Callable[[str, Sequence[int]], list[int]] = (
    _four_digit_starts if native is None else native.four_digit_starts
)


def currency_before(text: str, at: int) -> str:
    """The currency sign just before `at`, or ''."""
    return text[at - 1] if at and text[at - 1] in "$£€¥" else ""


def plain_quantity(text: str, m: re.Match, currency: str, value: int, after: str) -> bool:
    """True when a figure written without a comma is a quantity that could take one, not a
    year, a clock time, a code, a name, an address or a distance."""
    if currency:
        return True
    if 1000 <= value <= 2099:
        return False  # a year, or too close to one to tell
    if after[:1].isupper() or after.lower() in _TIME_ZONES or after.lower() in _DISTANCES:
        return False
    before = _WORD_BEFORE.search(text, max(0, m.start() - 30), m.start())
    word = before.group(1) if before else ""
    if word.lower() in _CODE_WORDS or (
        before and word[:1].isupper() and not _sentence_start(text, before.start())
    ):
        return False
    hours, minutes = divmod(value, 100)
    if (hours < 24 and minutes < 60 or value == 2400) and word.lower() in _TIME_PREPOSITIONS:
        return False
    return not re.search(r"\d[ \-]$", text[max(0, m.start() - 2) : m.start()])


def named_figures(text: str, starts: Sequence[int]) -> frozenset[str]:
    """The figures the story writes right after a name (`IBM 4381`, `Windows 2000`), not after a
    word that opens a sentence or a month: those figures are names wherever they stand.
    `starts` are the text's figure starts (`Document.digit_runs`); the names' figures are read
    at those a space or tab precedes, as `_NAME_THEN_FIGURE`, tried at every capital, finds them
    (`_names_then_figures`, which a pattern tried over a big file's every character took 20 ms
    a megabyte for)."""
    return frozenset(
        figure
        for start, at, figure in _names_then_figures(text, starts)
        if text[start:at].split()[0] not in _NOT_NAMES and not _sentence_start(text, start)
    )


def _names_then_figures(text: str, starts: Sequence[int]) -> Iterator[tuple[int, int, str]]:
    """(start, the figure's start, the figure) of each match of `_NAME_THEN_FIGURE` in `text`,
    in order. A match ends in the run of a space or tab and a figure that follows a word (letters,
    digits, `_` or hyphens): the figure's first digit is one of `starts`, and the match opens at
    that word's first capital that no word character or full stop precedes, its start or after
    a hyphen (inside the word a word character precedes the others), the leftmost: the match
    found there reads the rest of the word, the run and the figure, whichever capital it opens
    at. Words are told apart by white space, so no two matches overlap, and each is found."""
    for at in starts:
        gap = at
        while gap and text[gap - 1] in " \t":
            gap -= 1
        if gap == at or not gap:
            continue
        m = _FIGURE_AFTER_NAME.match(text, at)
        if m is None:
            continue
        word = gap
        while word and (text[word - 1] == "-" or text[word - 1].isalnum() or text[word - 1] == "_"):
            word -= 1
        for start in range(word, gap):
            before = text[start - 1 : start]  # '' at the text's start
            if "A" <= text[start] <= "Z" and (before == "-" if start > word else before != "."):
                yield start, at, m.group()
                break


def figure_is_a_name(text: str, start: int, end: int, after: str) -> bool:
    """Whether the figure at [start, end), followed by the word `after` (lowercase), names a thing
    rather than counting: a product (`the 80386 processor`, `a 2400 modem`, `its 7000 series`)
    or one of a series of names (`the 3230 and 7710`)."""
    before = text[max(0, start - 30) : start]
    if after in _PRODUCT_NOUNS or _NAMED_SERIES_BEFORE.search(before):
        return True
    if not _DETERMINER_BEFORE.search(before):
        return False
    return not after.endswith("s") and after not in _UNMARKED_PLURALS


def _sentence_start(text: str, at: int) -> bool:
    before = text[max(0, at - 8) : at].rstrip()  # wire copy wraps lines inside sentences
    return not before or before[-1] in '.!?"“”'
