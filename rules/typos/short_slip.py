"""NL106 short-slip."""

from __future__ import annotations

from collections.abc import Iterator

from newslint.document import Document, LetterTest, Shape
from newslint.rule import Rule, Trigger
from newslint.rules.typos._short import MAX_SHORT, MIN_SHORT, is_short_unknown, short_slip
from newslint.rules.typos._slips import candidate_tokens, replacement
from newslint.rules.typos._words import match_case
from newslint.rules.typos.unknown_word import (
    _built_lists,
    lost_capitals,
    reading_at,
    story_counts,
)
from newslint.violation import FixAvailability, Violation


class ShortSlip(Rule):
    """## What it does
    Finds a slip in a short function word: "hte", "nad", "frm", "ot" for the, and, from, to.
    A lowercase word of two to four letters that no list knows, one slip (a letter swapped,
    left out, added, or a neighbouring key) from a function word (the, and, to, from, of, with,
    that, was, ...), is read as that word when the word wins the weighing against every common
    word one slip away, in its context ("went ot the meeting": to), and makes a common pair
    with a neighbour.

    Not read: names (words the story also writes capitalised, words in the configured
    `vocabulary`), words the story repeats (a price table's "ov"), company tags, entity
    fragments, URLs and markup, the end of an ordinal ("1,000th"), a word with no neighbour in
    its sentence, a word that may be two run together ("anda": NL104 or NL101 weighs it), and
    stories typed in lowercase (where short words are often names). Two-letter words are read
    only as two letters swapped ("ot") or a letter of a three-letter word left out ("ws"):
    another slip in two letters is as likely an abbreviation (ok, tv, ie).

    ## Why is this bad?
    The function words are the commonest words of a story, and so the commonest slips; a
    dictionary checker ignores two-letter words, and for three-letter ones weighs "hte" as
    likely "he" as "the".

    ## Example
        He went ot the meeting adn the talks failed.

    ## Use instead
        He went to the meeting and the talks failed.

    ## Fix safety
    Safe when the function word holds 97% of the belief or more, makes a common pair with each
    neighbour the word has, and the slip is three or four letters long ("hte the", "nad the").
    A two-letter slip ("ot") is one slip from too many words: a guess (unsafe), as is any
    weaker reading. Inside direct quotations the word is reported, never changed.
    """

    code = "NL106"
    name = "short-slip"
    fix_availability = FixAvailability.ALWAYS

    def triggers(self) -> tuple[Trigger, ...]:
        return (Trigger(words=_CANDIDATE),)  # each report is of a candidate word

    def check(self, doc: Document) -> Iterator[Violation]:
        tokens = candidate_tokens(doc, self.context, _CANDIDATE)
        if not tokens:
            return
        lost = lost_capitals(doc)
        counts = story_counts(doc)
        total = counts.total()  # once: summed per word, it grew with the square of the story
        for tok in tokens:
            if lost.at(tok.span):
                continue  # a sentence typed in lowercase: its short words may be names
            if tok.span.start and doc.text[tok.span.start - 1].isdigit():
                continue  # the end of an ordinal or a unit cut from its number: "1,000th", "5mn"
            found = reading_at(doc, tok, short_slip, counts, total, keep=False)  # (NL101 may have asked)
            if found is None:
                continue
            written = match_case(tok.text, found.word)
            fix, alternatives = replacement(tok.span, written, found.applicability, found.rivals)
            yield self.violation(tok.span, f"{tok.text!r} is a slip of {written!r}", fix, alternatives)


# decided once per distinct word, remembered across stories; ASCII lowercase letters only: a
# listed or misspelt word fails without a call (the test asks `word not in english()` and `word
# not in misspellings()`), and any other passes by its length alone, never called once the
# lists are there (`LetterTest`'s `decided`)
_CANDIDATE = LetterTest(
    is_short_unknown,
    shapes=Shape.LOWER,
    fails=_built_lists,
    decided={Shape.LOWER: MAX_SHORT},
    shortest={Shape.LOWER: MIN_SHORT},
)
