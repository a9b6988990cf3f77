"""NL107 real-word-slip."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass

from newslint.document import Document, LetterTest
from newslint.rule import Rule, RuleOptions, Trigger
from newslint.rules.typos import _pairs
from newslint.rules.typos._confusions import confusions, lift
from newslint.rules.typos._context import Context
from newslint.rules.typos._slips import replacement
from newslint.rules.typos._words import match_case
from newslint.rules.typos.unknown_word import context_of
from newslint.violation import Applicability, FixAvailability, Violation

REPORT_LIFT = 8.0  # the other word reads e^8 (3,000) times likelier between the neighbours


class RealWordSlip(Rule):
    """## What it does
    Finds a real word written for another that reads far better in its place: "form" for
    "from" ("proceeds form the loan"), "then" for "than" ("less then four years"), "there" for
    "their" ("much of there life"), "effect" for "affect", "its" for "it" ("said its is"). A
    dictionary cannot see these slips: every word is a word.

    The words looked at are English's commonly confused pairs (form/from, there/their,
    lose/loose, than/then, were/where, affect/effect, quite/quiet, ...; contractions and
    now/not are left out: two neighbours cannot tell "would now help" from "would not help").
    The written word and the other are weighed between the neighbours with a table of common
    word pairs: the other must make a common pair with each neighbour, the written word must
    not, and the other must read 3,000 times better. Only words with a neighbour either side in their
    sentence are weighed, never in the headline (headlines drop words). `allowed` lists words
    never reported.

    ## Why is this bad?
    A real-word slip changes or loses the meaning, and passes every spelling checker.

    ## Example
        The proceeds form the loan came after less then four years.

    ## Use instead
        The proceeds from the loan came after less than four years.

    ## Fix safety
    Reported only: the other word is shown (display-only), never applied, since two neighbours
    are thin evidence that a real word is wrong. Inside direct quotations the word is reported, never changed.
    """

    code = "NL107"
    name = "real-word-slip"
    fix_availability = FixAvailability.ALWAYS

    @dataclass(frozen=True)
    class Options(RuleOptions):
        allowed: tuple[str, ...] = ()  # words never read as slips (a desk's jargon)

    options: Options

    def triggers(self) -> tuple[Trigger, ...]:
        return (Trigger(words=_CONFUSABLE),)  # each report is of a word of the table

    def check(self, doc: Document) -> Iterator[Violation]:
        table = confusions()
        written = {w for w in doc.selected(_CONFUSABLE) if w not in self.options.allowed}
        if not written:
            return
        text = doc.text
        for tok in doc.words_among(written):
            if tok.in_headline:
                continue
            context = context_of(text, tok.span)
            if context.before is None or context.after is None or _reads(tok.text, context):
                continue  # the common case: the word reads with both its neighbours
            best = max(table[tok.text], key=lambda m: lift(tok.text, m, context))
            if lift(tok.text, best, context) < REPORT_LIFT or not _reads(best, context):
                continue
            meant = match_case(tok.text, best)
            fix, _ = replacement(tok.span, meant, Applicability.DISPLAY_ONLY, ())
            yield self.violation(tok.span, f"{tok.text!r} where {meant!r} reads far better", fix)


_CONFUSABLE = LetterTest(lambda w: w in confusions())  # a word of the table, as written


def _reads(word: str, context: Context) -> bool:
    """The word makes a common pair with both neighbours."""
    assert context.before is not None and context.after is not None
    return _pairs.count(context.before, word) is not None and _pairs.count(word, context.after) is not None
