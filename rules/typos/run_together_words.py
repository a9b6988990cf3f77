"""NL104 run-together-words."""

from __future__ import annotations

from collections.abc import Iterator

from newslint.document import Document, LetterTest, Shape
from newslint.rule import Rule, Trigger
from newslint.rules.typos._run_together import is_unknown, split_reading
from newslint.rules.typos._slips import candidate_tokens, replacement
from newslint.rules.typos._words import match_case
from newslint.rules.typos.unknown_word import (
    MIN_LENGTH,
    _built_lists,
    reading_at,
    story_counts,
)
from newslint.violation import FixAvailability, Violation


class RunTogetherWords(Rule):
    """## What it does
    Finds two words written without the space between them: "inthe", "saidthe",
    "thegovernment". A lowercase word that no list knows is read as one of the 100 commonest
    words (the, of, in, said, from, ...) and a common word run together, when English writes
    the two together often (a table of common word pairs holds them) and the split reads better
    in its sentence than any common word one slip from the word ("waiting forthe bus": "for
    the", not "forth").

    Names are left alone: capitalised words, words the story also writes capitalised, known
    names, words in the configured `vocabulary`, company tags, URLs, handles and markup. A word
    on the misspelling list ("tothe") is NL102's.

    ## Why is this bad?
    A lost space is one of the commonest slips of fast typing, and a dictionary checker that
    offers a one-letter edit for it ("inthe": "lithe"?) sends the editor the wrong way.

    ## Example
        The minister said inthe morning that talks would resume.

    ## Use instead
        The minister said in the morning that talks would resume.

    ## Fix safety
    Safe when both words are among the 100 commonest ("inthe", "ofthe", "saidthe"), the split
    holds 97% of the belief against the words one slip away, and it makes a common pair with a
    neighbour: an editor would accept it unread. Otherwise ("thegovernment", a split that a
    one-slip word rivals) the fix is a guess (unsafe). Inside direct quotations the word is
    reported, never changed.
    """

    code = "NL104"
    name = "run-together-words"
    fix_availability = FixAvailability.ALWAYS

    def triggers(self) -> tuple[Trigger, ...]:
        return (Trigger(words=_CANDIDATE),)  # each report is of a candidate word

    def check(self, doc: Document) -> Iterator[Violation]:
        tokens = candidate_tokens(doc, self.context, _CANDIDATE)
        if not tokens:
            return
        counts = story_counts(doc)
        total = counts.total()  # once: summed per word, it grew with the square of the story
        for tok in tokens:
            found = reading_at(doc, tok, split_reading, counts, total, keep=False)  # (NL101 may have asked)
            if found is None:
                continue
            written = match_case(tok.text, found.words)
            fix, alternatives = replacement(tok.span, written, found.applicability, found.rivals)
            yield self.violation(
                tok.span, f"{tok.text!r} is two words run together: {written!r}", fix, alternatives
            )


# a lowercase word no list knows, long enough to be two words: decided once per distinct word
_CANDIDATE = LetterTest(
    lambda w: len(w) > MIN_LENGTH and w.isalpha() and w.islower() and w.isascii() and is_unknown(w),
    shapes=Shape.LOWER,  # ASCII lowercase letters only, as the test asks
    # a listed or misspelt word is known (`is_unknown`): most words fail without a call, and so
    # does one no longer than MIN_LENGTH
    fails=_built_lists,
    shortest={Shape.LOWER: MIN_LENGTH + 1},
    within=is_unknown,  # a word of its shape and floor passes the four tests before it
)
