"""NL105 split-word."""

from __future__ import annotations

from collections.abc import Iterable, Iterator

from newslint.document import Document
from newslint.rule import NOTHING, Rule
from newslint.rules.typos._split import Join, joins, pairs_to_join
from newslint.rules.typos._split import prepare as prepare_joins
from newslint.rules.typos.unknown_word import in_company_tag
from newslint.violation import Edit, Fix, FixAvailability, Violation


class SplitWord(Rule):
    """## What it does
    Finds a common word split in two by a stray space: "govern ment", "gove rnment",
    "news paper". Two neighbouring lowercase words are read as one when, written together,
    they are one of the 20,000 commonest words and English does not write them as a pair (a
    table of common word pairs lacks them): "any more", "every day", "in to", "a lot",
    "set up" and "per cent" are common pairs, and left alone.

    Names, capitalised words, URLs, handles, markup, tables and company tags are not read.
    Words in the configured `vocabulary` are never joined.

    ## Why is this bad?
    A stray space (or a line break a layout tool put in the middle of a word) leaves two
    fragments that a dictionary checker flags one by one, with a one-letter edit for each
    ("ment": "men"?), when the fix is to join them.

    ## Example
        The govern ment said it would act.

    ## Use instead
        The government said it would act.

    ## Fix safety
    Safe when a part is no word at all ("ment", "rnment") and the joined word makes a common
    pair with a neighbour ("the government"): an editor would accept it unread. Unsafe when a
    part is no word but the join finds no support in context, or a part reads with its
    neighbour. When both parts are words ("news paper", "chair man"), the join is only shown
    (display-only), and only when neither part makes a common pair with its neighbour and the
    joined word does: an open compound may be the writer's choice. Inside direct quotations
    the words are reported, never changed.
    """

    code = "NL105"
    name = "split-word"
    fix_availability = FixAvailability.ALWAYS

    def prepare(self) -> None:
        prepare_joins()  # the commonest words' filter

    def check(self, doc: Document) -> Iterator[Violation]:
        text = doc.text
        # Not a generator: the compiled scan finds no pair to join in most stories, which then
        # pay one call (neither this rule's generator nor `joins`' made).
        pairs = pairs_to_join(text, 0, len(text))
        if not pairs:
            return NOTHING
        return self._reports(doc, joins(text, self.context.vocabulary, pairs=pairs))

    def _reports(self, doc: Document, found: Iterable[Join]) -> Iterator[Violation]:
        """The joins `found` in the story's prose, reported."""
        text = doc.text
        for join in found:
            if not doc.is_prose(join.span) or in_company_tag(text, join.span):
                continue
            written = doc.slice(join.span)
            yield self.violation(
                join.span,
                f"{written!r} is one word split in two: {join.word!r}",
                Fix(f"Replace with {join.word!r}", (Edit.replace(join.span, join.word),), join.applicability),
            )
