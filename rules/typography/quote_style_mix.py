"""NL510 quote-style-mix."""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass

from newslint.document import Document
from newslint.profile import Profile
from newslint.rule import Rule, RuleOptions, Suggestion, Trigger
from newslint.rules._desk import desk_choice, grouped_lesson
from newslint.span import Span
from newslint.violation import Edit, Fix, FixAvailability, Violation

# An apostrophe: between letters (regime's, don't) or after a plural s (farmers' land).
# Written mark-first, the letter before checked by a look-behind after the mark: the regex
# engine then jumps from quote mark to quote mark instead of trying every position.
_APOSTROPHE = re.compile(r"['’](?:(?<=[^\W\d_]['’])(?=[^\W\d_])|(?<=[sS]['’])(?=\s))")
_DOUBLE = re.compile(r"[\"“”]")
STYLES = {"curly": "curly (’ “ ”)", "straight": "straight (' \")"}
_STYLE_OF = {"'": "straight", '"': "straight", "’": "curly", "“": "curly", "”": "curly"}


class QuoteStyleMix(Rule):
    """## What it does
    Finds curly and straight marks mixed in one story: apostrophes (`regime’s` and
    `regime's`) and double quotation marks (`“...”` and `"..."`). The house style decides when
    the rule's `prefer` option is set (`curly` or `straight`); otherwise the story's majority
    does, and marks of the other style are reported.

    ## Why is this bad?
    Mixed marks come from pasting between systems; they look careless in print, and a search
    for `regime's` misses `regime’s`.

    ## Example
        Russia’s ministry said ... the Assad regime's soldiers ...

    ## Use instead
        Russia’s ministry said ... the Assad regime’s soldiers ...

    ## Fix safety
    Safe when the house style is configured or the majority is at least two to one; unsafe on a
    closer count. A quote mark is typography, not the speaker's words, so marks inside
    quotations are repaired too. Feet and inches (5'11"), the Hawaiian ʻokina and
    transliteration marks (ʿ ʼ) are different characters and are not touched.

    ## With a desk profile
    With `profile` set and no `prefer`, a story that mixes styles follows the style nine in ten of
    the desk's stories that keep to one write (twenty stories or more); the fix is safe when the
    story leans that way two to one.
    """

    code = "NL510"
    name = "quote-style-mix"
    fix_availability = FixAvailability.ALWAYS
    repairs_characters = True

    @dataclass(frozen=True)
    class Options(RuleOptions):
        """The quote style to prefer (`[rules.quote-style-mix]`)."""

        prefer: str = ""  # "curly", "straight", or "" for the story's majority

        def validate(self) -> None:
            if self.prefer not in ("", "curly", "straight"):
                raise ValueError(f'prefer: {self.prefer!r} is not "curly" or "straight"')

    options: Options  # built from the config by the engine

    def triggers(self) -> tuple[Trigger, ...]:
        # Sound: every report is a mark of a mix (`_mixed`), which needs a curly mark of its kind,
        # and `check` looks for apostrophes only where "’" is and for double marks only where
        # "“" or "”" is. Most copy is all straight marks (the corpus: no story has a curly one).
        return (Trigger(chars="’“”"),)

    def check(self, doc: Document) -> Iterator[Violation]:
        text = doc.text
        # Most stories use one style throughout: the marks are looked for, and tested for prose,
        # only when both styles occur.
        apostrophes = list(_APOSTROPHE.finditer(text)) if "'" in text and "’" in text else []
        if _both_styles(apostrophes):
            apostrophes = [m for m in apostrophes if doc.is_prose(Span(m.start(), m.end()))]
            yield from self._mixed(
                apostrophes, "apostrophe", lambda m, style: "’" if style == "curly" else "'"
            )
        doubles = list(_DOUBLE.finditer(text)) if '"' in text and ("“" in text or "”" in text) else []
        if _both_styles(doubles):
            doubles = [
                m
                for m in doubles
                if doc.is_prose(Span(m.start(), m.end())) and not _is_inches(text, m.start())
            ]
            opening = {q.start for q in doc.quotations}
            yield from self._mixed(
                doubles, "quotation mark", lambda m, style: _double_mark(text, m.start(), style, opening)
            )

    def suggest(self, profile: Profile) -> Iterator[Suggestion]:
        """`prefer` when the desk writes apostrophes and quotation marks in one style."""
        kinds = ("curly", "straight")
        choices = [
            desk_choice(profile, self.name, kinds, f"{what}:") for what in ("apostrophe", "quotation mark")
        ]
        first = choices[0]
        if first is not None and all(c is not None and c.form == first.form for c in choices):
            said = f"{first.form} apostrophes and quotation marks in {first.share}"
            yield Suggestion(f"rules.{self.name}.prefer", first.form, said)

    def learn(self, doc: Document) -> dict[str, dict[str, int]]:
        """Which style of apostrophe and of quotation mark the story writes (docs/profile.md)."""
        # Which marks the story writes is all a lesson needs: each mark is looked for by string
        # search (C-level), not by a regex scan of every character (half of this rule's learning).
        text = doc.text
        groups = {}
        apostrophes = [mark for mark in "'’" if mark in text]
        if apostrophes:
            groups["apostrophe"] = {_STYLE_OF[mark] for mark in apostrophes if _apostrophe_in(text, mark)}
        doubles = [mark for mark in '"“”' if mark in text]
        if doubles:
            groups["quotation mark"] = {_STYLE_OF[mark] for mark in doubles}
        return grouped_lesson(groups)

    def _mixed(self, marks: list[re.Match], what: str, render) -> Iterator[Violation]:
        curly = [m for m in marks if m.group() in "’“”"]
        straight = [m for m in marks if m.group() in "'\""]
        if not curly or not straight:
            return
        prefer = self.options.prefer
        desk = desk_choice(self.context.profile, self.name, ("curly", "straight"), f"{what}:")
        if prefer:
            style, sure = prefer, True
        elif desk is not None:  # the desk's style, when its archive is clear; a guess if the story leans away
            style = desk.form
            sure = len(straight if style == "straight" else curly) >= 2 * len(
                curly if style == "straight" else straight
            )
        else:
            style = (
                "curly"
                if len(curly) > len(straight)
                or (len(curly) == len(straight) and curly[0].start() < straight[0].start())
                else "straight"
            )
            major, minor = (len(curly), len(straight)) if style == "curly" else (len(straight), len(curly))
            sure = major >= 2 * minor
        wrong = straight if style == "curly" else curly
        for m in wrong:
            span = Span(m.start(), m.end())
            right = render(m, style)
            fix = (Fix.safe if sure else Fix.unsafe)(f"Use {right!r}", Edit.replace(span, right))
            why = "the house style" if prefer else "the desk" if desk is not None else "the rest of the story"
            yield self.violation(
                span,
                f"{'straight' if style == 'curly' else 'curly'} {what} {m.group()!r}; "
                f"{why} uses {STYLES[style]}",
                fix,
            )


def _apostrophe_in(text: str, mark: str) -> bool:
    """Whether `text` writes `mark` as an apostrophe somewhere (`_APOSTROPHE` matches there):
    each place of the mark tried in turn, until one is."""
    at = text.find(mark)
    while at >= 0:
        if _APOSTROPHE.match(text, at):
            return True
        at = text.find(mark, at + 1)
    return False


def _is_inches(text: str, at: int) -> bool:
    return at > 0 and text[at - 1].isdigit() and text[at] == '"'


def _double_mark(text: str, at: int, style: str, opening: set[int]) -> str:
    """The mark to write for the straight one at `at`: the quotations say which way it points
    (`said:"We` opens one); a mark that is no quotation's edge points by what stands before it."""
    if style == "straight":
        return '"'
    if at in opening:
        return "“"
    before = text[at - 1] if at else " "
    return "“" if before.isspace() or before in "([{—–-/" else "”"


def _both_styles(marks: list[re.Match]) -> bool:
    styles = {m.group() in "’“”" for m in marks}
    return len(styles) == 2
