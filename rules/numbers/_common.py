"""What the NL4xx rules share: number words, the majority of a story's forms, house-style names."""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass
from typing import ClassVar

from newslint.document import Document
from newslint.figures import matches_at
from newslint.native import native
from newslint.profile import Profile
from newslint.rule import NOTHING, Rule, Suggestion, replace_fix
from newslint.rules._desk import desk_choice, forms_lesson, style_notes
from newslint.rules._styles import HOUSE_STYLES
from newslint.span import Span
from newslint.violation import Violation

_ONES = (
    "zero one two three four five six seven eight nine ten eleven twelve thirteen fourteen "
    "fifteen sixteen seventeen eighteen nineteen"
).split()
_TENS = "_ _ twenty thirty forty fifty sixty seventy eighty ninety".split()
_ORDINAL_ONES = (
    "zeroth first second third fourth fifth sixth seventh eighth ninth tenth eleventh twelfth "
    "thirteenth fourteenth fifteenth sixteenth seventeenth eighteenth nineteenth"
).split()


# Reuters' 1980s wire feed wrote "mln", "bln", "dlrs", "pct", "qtr": transmission shorthand of the
# feed, not a house style a desk edits to, so the house-style rules leave those words alone.
WIRE_SHORTHAND = frozenset("mln bln dlrs dlr pct qtr cts stg".split())


def spell(n: int) -> str:
    """0-99 in words: 7 -> 'seven', 25 -> 'twenty-five'."""
    if n < 20:
        return _ONES[n]
    tens, ones = divmod(n, 10)
    return _TENS[tens] + (f"-{_ONES[ones]}" if ones else "")


def spell_ordinal(n: int) -> str:
    """1-19 as an ordinal word: 3 -> 'third'."""
    return _ORDINAL_ONES[n]


def capitalise(word: str) -> str:
    return word[:1].upper() + word[1:]


def prose_matches(
    doc: Document,
    pattern: re.Pattern[str],
    *,
    headline: bool = True,
    at_figures: bool = False,
    marked: tuple[str, str | tuple[str, ...]] | None = None,
    kept: Callable[[str, Sequence[int]], Sequence[int]] | None = None,
    figures: Sequence[int] | None = None,
) -> Iterator[re.Match[str]]:
    """One scan of the text; only matches in prose (and, unless asked, not in the headline).
    `at_figures`: the pattern only matches from the first digit of a figure, a digit no word
    character precedes (its look-behind says so), so it is tried there alone (`Document.digit_runs`,
    `newslint.figures`: no scan of the whole text per pattern). `marked` (joiners, marks): the
    pattern's figure, digits joined by the joiners, is followed by an optional space and a mark
    (`marked_starts`): it is tried only at the figures a mark follows (most stories have none).
    `kept` (text, starts) -> starts: the figures the caller reads, a compiled filter of its own
    (the pattern's matches at the others would be passed over). `figures`: the starts to try,
    if the caller found them already (`marked_starts` of its own), for `doc.digit_runs[0]`."""
    if not at_figures:
        return _in_prose(doc, pattern.finditer(doc.text), headline)
    starts: Sequence[int] = doc.digit_runs[0] if figures is None else figures
    if marked is not None:
        starts = marked_starts(doc.text, starts, *marked)
    if kept is not None:
        starts = kept(doc.text, starts)
    if not starts:  # most stories, for a marked pattern: one call, no generator made and run
        return NOTHING
    return _in_prose(doc, matches_at(pattern, doc.text, starts), headline)


def _in_prose(doc: Document, found: Iterable[re.Match[str]], headline: bool) -> Iterator[re.Match[str]]:
    """The matches of `found` in prose, and, unless `headline`, not in the headline."""
    if not doc.regions:  # all prose (as every story `newslint learn` reads): no span to build
        head = None if headline else doc.headline
        for m in found:
            if head is None or not (head.start <= m.start() and m.end() <= head.end):
                yield m
        return
    for m in found:
        span = Span(m.start(), m.end())
        if doc.is_prose(span) and (headline or not doc.in_headline(span)):
            yield m


def _marked_starts(text: str, starts: Sequence[int], joiners: str, marks: str | tuple[str, ...]) -> list[int]:
    """The `starts` of figures (`Document.digit_runs`) that a mark follows, at once or after one
    white-space character: a figure is the run of digits (`\\d`) from its start, joined to each
    next run by one of `joiners` ("1,234.5" with ".,"). `marks`: a str, each of its characters a
    mark, or a tuple of words (lowercase ASCII, one to eight characters, up to sixteen), each a
    mark in any case of its letters (("am", "pm") keeps "5pm", "5 PM", not "5 people"). A pattern
    that opens with such a figure, then an optional space and a mark (neither a digit nor a
    joiner, nor white space), matches at no other start: whatever part of the figure it reads, a
    shorter part is followed by a digit or a joiner, not a mark. A start inside the figure walked
    last (a later group of "1,234,567") shares its end and its answer: a long chain of groups is
    walked once, not once a group. The pure-Python twin of the compiled `marked_starts`."""
    words = None
    if isinstance(marks, tuple):
        if len(marks) > 16 or not all(
            isinstance(w, str) and 1 <= len(w) <= 8 and w.isascii() and w == w.lower() and "\0" not in w
            for w in marks
        ):
            raise ValueError("marked_starts: up to 16 mark words, each 1 to 8 lowercase ASCII characters")
        words = marks
    found, size = [], len(text)
    first, end, marked = -1, -1, False  # the last figure walked: a start inside it ends there too
    for start in starts:
        if start < 0:
            continue
        if not first <= start < end:
            first = j = start
            while True:
                while j < size and text[j].isdecimal():
                    j += 1
                if not (j + 1 < size and text[j] in joiners and text[j + 1].isdecimal()):
                    break
                j += 1
            end = j
            if j < size and text[j].isspace():
                j += 1
            if words is None:
                marked = j < size and text[j] in marks
            else:
                marked = _ascii_head(text, j).lower().startswith(words)
        if marked:
            found.append(start)
    return found


def _ascii_head(text: str, at: int) -> str:
    """The up to eight characters of `text` from `at`, up to the first that is not ASCII."""
    head = text[at : at + 8]
    if not head.isascii():
        head = head[: next(k for k, c in enumerate(head) if not c.isascii())]
    return head


marked_starts: Callable[[str, Sequence[int], str, str | tuple[str, ...]], list[int]] = (
    _marked_starts if native is None else native.marked_starts
)

MarkSpec = tuple[str, str | tuple[str, ...]]  # `marked_starts`' (joiners, marks)

# What joins the digits of a figure, and what may follow it (after one space): `marked_starts`'
# (joiners, marks) of the clocks of NL403, the times with minutes of NL413 and the percentages of
# NL404, found for the three in one walk of a story's figures (`figures_marked`).
CLOCK_MARKS: MarkSpec = (":.", ("am", "pm", "a.m", "p.m"))
MINUTE_MARKS: MarkSpec = (":.", ("am", "pm", "a.m", "p.m", "gmt", "bst", "utc", "cet", "est", "edt", "local"))
PERCENT_MARKS: MarkSpec = (".,", ("%", "pc", "per"))
SHARED_MARKS = (CLOCK_MARKS, MINUTE_MARKS, PERCENT_MARKS)
# each constant's place in SHARED_MARKS, for `figures_marked`'s tests by identity
_CLOCK_AT, _MINUTE_AT, _PERCENT_AT = map(SHARED_MARKS.index, (CLOCK_MARKS, MINUTE_MARKS, PERCENT_MARKS))
_NONE_MARKED: tuple[Sequence[int], ...] = ((),) * len(SHARED_MARKS)


def _marked_starts_many(
    text: str, starts: Sequence[int], specs: tuple[MarkSpec, ...]
) -> tuple[list[int], ...]:
    """`marked_starts(text, starts, joiners, marks)` for each (joiners, marks) of `specs` (one to
    four). The pure-Python twin of the compiled `marked_starts_many`, which reads `starts` once."""
    if not isinstance(specs, tuple) or not 1 <= len(specs) <= 4:
        raise ValueError("marked_starts_many: the specs must be a tuple of one to four")
    for spec in specs:
        if not isinstance(spec, tuple) or len(spec) != 2:
            raise ValueError("marked_starts_many: each spec is a (joiners, marks) pair")
    return tuple(_marked_starts(text, starts, *spec) for spec in specs)


marked_starts_many: Callable[[str, Sequence[int], tuple[MarkSpec, ...]], tuple[list[int], ...]] = (
    _marked_starts_many if native is None else native.marked_starts_many
)


def _shared_marked(doc: Document) -> tuple[Sequence[int], ...]:
    starts = doc.digit_runs[0]
    if not starts:  # no figure: nothing to walk
        return _NONE_MARKED
    return marked_starts_many(doc.text, starts, SHARED_MARKS)


def figures_marked(doc: Document, marks: MarkSpec) -> Sequence[int]:
    """`marked_starts(doc.text, doc.digit_runs[0], *marks)`: for one of `SHARED_MARKS`, taken
    from the one walk of the story's figures made for all of them on first use (`doc.derived`),
    where NL403, NL404 and NL413 each walked them, and again for their forms. Read-only."""
    # Three to six calls a story, each with one of the three constants: told apart by identity,
    # not by `SHARED_MARKS.index`'s tuple comparisons, and the walk read from the document's
    # `derivations` with no Python call once made.
    if marks is CLOCK_MARKS:
        k = _CLOCK_AT
    elif marks is PERCENT_MARKS:
        k = _PERCENT_AT
    elif marks is MINUTE_MARKS:
        k = _MINUTE_AT
    else:  # a spec made elsewhere: equal to one of them, or another
        try:
            k = SHARED_MARKS.index(marks)
        except ValueError:
            return marked_starts(doc.text, doc.digit_runs[0], *marks)
    shared = doc.derivations.get(_shared_marked)
    if shared is None:
        shared = doc.derived(_shared_marked)
    return shared[k]  # type: ignore[index]


class HouseStyleRule(Rule):
    """A rule that only speaks under a chosen house style: silent when `style` is not set."""

    styles: ClassVar[tuple[str, ...]] = tuple(HOUSE_STYLES)  # the house styles it checks
    needs_setting: ClassVar[str] = "context.style"  # no house style: silent

    def check(self, doc: Document) -> Iterator[Violation]:
        # Not a generator: with no house style (most runs) every story pays one call, not a
        # generator made and run to its end.
        style = self.context.style
        if style in self.styles:
            return self.check_style(doc, style)
        return NOTHING

    def check_style(self, doc: Document, style: str) -> Iterator[Violation]:
        raise NotImplementedError

    def rewrite(self, span: Span, message: str, right: str, safe: bool) -> Violation:
        """A violation whose fix writes `right` over `span`."""
        return self.violation(span, message, replace_fix(f"Write {right!r}", span, right, safe))


# A figure used as a name: possessive ("3's director"), before a spokesperson ("said 3
# spokesperson"), or a bare figure as the subject of a singular verb ("3 is adding films").
_POSSESSIVE_FIGURE = re.compile(
    r"([0-9])(?<![\w.,$£€][0-9])\d*(?=['’]s\b|[ \t]+(?:spokesman|spokeswoman|spokesperson|is|was|has|says)\b)"
)


def named_figures(text: str) -> frozenset[str]:
    """Figures the story uses as names: "3's marketing director", "3 spokesperson Jane Doe",
    "3 is adding films" (the mobile network 3), "50's beef" (the rapper 50 Cent).
    Elsewhere in the story the same figure is a name too."""
    return frozenset(m.group() for m in _POSSESSIVE_FIGURE.finditer(text))


def in_data_line(text: str, at: int) -> bool:
    """Is `at` on a short line of figures that no sentence ends on, as in the results summaries
    wire services send ("    12 mths", "    1st half")? Such lines are data, not prose."""
    start = text.rfind("\n", 0, at) + 1
    end = text.find("\n", start)
    line = text[start : end if end >= 0 else len(text)].rstrip()
    return len(line.strip()) < 40 and not line.endswith((".", "!", "?", '"', "”", ",", ";", ":"))


@dataclass(frozen=True, slots=True)
class Form:
    """One occurrence of a figure written in one of several interchangeable ways."""

    kind: str  # "comma", "plain", "%", "per cent", ...
    span: Span  # what is reported and replaced
    rewrite: Mapping[str, str]  # kind -> this occurrence written that way
    safe_to: frozenset[str] = frozenset()  # kinds this occurrence is surely rewritten to


class MixedFormRule(Rule):
    """A story writes one kind of figure two ways: report the form the story uses less.

    The form used most is taken as the story's style, a tie going to the first use. Subclasses
    list the occurrences (`forms`), each saying which rewrites are sure (`Form.safe_to`).
    """

    what: str = "form"  # "four-digit figures", ...
    # True when every rewrite keeps the figure exactly (5pm -> 5 p.m.): a lone stray form in a
    # story that writes the other one three times or more is then fixed safely.
    rewrite_keeps_meaning: bool = False
    # `prose_matches`' `marked` (joiners, marks) when every form is a match at a figure a mark
    # follows: each figure gives one match at most, so fewer than two of them make fewer than
    # two forms, and no mix (`check` asks no more then).
    marked: ClassVar[MarkSpec | None] = None

    def forms(self, doc: Document) -> Sequence[Form]:
        raise NotImplementedError

    def suggest(self, profile: Profile) -> Iterator[Suggestion]:
        for note in style_notes(profile, self.name, f"{self.code} {self.what}"):
            yield Suggestion("", None, note)

    def learn(self, doc: Document) -> dict[str, dict[str, int]]:
        """Which forms the story writes (docs/profile.md): the desk's style, story by story."""
        return forms_lesson(form.kind for form in self.forms(doc))

    def check(self, doc: Document) -> Iterator[Violation]:
        # No generator of its own around `report`'s, and none at all for a story with fewer
        # than two forms (most): `report` finds no mix in them. A rule whose forms open at marked
        # figures (`marked`) tells most of those stories from the figures alone.
        if self.marked is not None and len(figures_marked(doc, self.marked)) < 2:
            return NOTHING
        forms = self.forms(doc)
        return self.report(doc, forms) if len(forms) >= 2 else NOTHING

    def report(self, doc: Document, listed: Iterable[Form]) -> Iterator[Violation]:
        """The story's forms of the less used kinds, `listed` its forms (`forms`)."""
        by_kind: dict[str, list[Form]] = {}
        for form in listed:
            by_kind.setdefault(form.kind, []).append(form)
        if len(by_kind) < 2:
            return
        ranked = sorted(by_kind.items(), key=lambda kv: (-len(kv[1]), kv[1][0].span.start))
        # With a desk profile and no house style, the desk's style decides, when it is clear.
        desk = desk_choice(self.context.profile, self.name, by_kind) if not self.context.style else None
        if desk is not None:
            ranked.sort(key=lambda kv: kv[0] != desk.form)
        majority, majority_forms = ranked[0]
        example = doc.slice(majority_forms[0].span)
        count = len(majority_forms)
        for _kind, forms in ranked[1:]:
            for form in forms:
                found = doc.slice(form.span)
                right = form.rewrite.get(majority)
                message = (
                    f"{found!r}: this story writes the {self.what} as in {example!r} "
                    f"({count} time{'s' * (count != 1)})"
                )
                if desk is not None:  # "the desk writes the percentages as in '5%' (it writes ...)"
                    message = (
                        f"{found!r}: the desk writes the {self.what} as in {example!r} (in {desk.share})"
                    )
                safe = (
                    majority in form.safe_to or self.rewrite_keeps_meaning and count >= 3 and len(forms) == 1
                )
                fix = None if right is None else replace_fix(f"Write {right!r}", form.span, right, safe)
                yield self.violation(form.span, message, fix)
