"""NL301 duplicated-headline."""

from __future__ import annotations

import re
from collections.abc import Iterator

from newslint.document import Document
from newslint.rule import NOTHING, Rule
from newslint.rules.structure._text import deletion_span, fold_quotes, normalise
from newslint.span import Span
from newslint.violation import Edit, Fix, FixAvailability, Violation

_GAP = re.compile(r"\s+")
MAX_HEADLINE = 200  # characters: a longer first line is not a headline
# A lede that echoes its headline goes on with a day or a month: "Obama to visit Paris Tuesday".
_DATE_WORD = re.compile(
    r"(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday|January|February|March|"
    r"April|May|June|July|August|September|October|November|December|Jan|Feb|Mar|Apr|Jun|"
    r"Jul|Aug|Sept?|Oct|Nov|Dec|Today|Tonight|Tomorrow|Yesterday)\b\.?"
)


class DuplicatedHeadline(Rule):
    """## What it does
    Finds the headline repeated at the top of the story: on the line below it, as the first
    body paragraph, or as the opening words of the first paragraph (on a line of its own, or
    run into the lede when the headline has four words or more and the lede does not go on
    with a day or a month: "Obama to visit Paris Tuesday" is an echo, not a paste).
    Differences of quote style, dashes, case, spacing and invisible characters do not hide a
    repeat.

    ## Why is this bad?
    Scrapers and syndication feeds paste the title into the body; readers then see the
    headline twice.

    ## Example
        Syria: U.S.-led airstrikes kill dozens of Assad regime’s soldiers

        Syria: U.S.-led airstrikes kill dozens of Assad regime's soldiers

        U.S.-led coalition jets bombed ...

    ## Use instead
        Syria: U.S.-led airstrikes kill dozens of Assad regime’s soldiers

        U.S.-led coalition jets bombed ...

    ## Fix safety
    Safe when the repeat is exact, or differs only in quote marks: deleting it loses no words.
    Unsafe when it differs in case, dashes or spacing, or when the headline opens the first
    paragraph (a lede may echo its headline on purpose).
    """

    code = "NL301"
    name = "duplicated-headline"
    fix_availability = FixAvailability.ALWAYS
    repairs_characters = True  # deletes a whole paragraph; quotations inside it go with it

    def check(self, doc: Document) -> Iterator[Violation]:
        # Not a generator: most stories open unlike their headline and pay one call, the first
        # characters told apart (`_first_unlike`) or, failing that, the first words (`_unlike`).
        head, paragraphs, text = doc.headline, doc.paragraphs, doc.text
        block = head or (paragraphs[0] if paragraphs else None)
        if block is not None and text.find("\n", block.start, block.end) >= 0:  # not one line (most)
            doubled = self._doubled_first_line(doc)
            if doubled is not None:
                return iter((doubled,))
        if head is None:
            if len(paragraphs) < 3 or paragraphs[0].end - paragraphs[0].start > MAX_HEADLINE:
                return NOTHING
            head, first = paragraphs[0], paragraphs[1]
        elif paragraphs:
            first = paragraphs[0]
        else:
            return NOTHING
        head_text, first_text = text[head.start : head.end], text[first.start : first.end]
        if _first_unlike(head_text, first_text):
            return NOTHING
        key = normalise(head_text)
        if not key or _unlike(first_text, key):
            return NOTHING
        return self._repeats(doc, first, head_text, first_text, key)

    def _repeats(
        self, doc: Document, first: Span, head_text: str, first_text: str, key: str
    ) -> Iterator[Violation]:
        """The headline (`head_text`, normal form `key`) repeated as the first paragraph or
        opening it."""
        if _may_equal(first_text, key) and normalise(first_text) == key:
            exact = fold_quotes(head_text).strip() == fold_quotes(first_text).strip()
            make = Fix.safe if exact else Fix.unsafe
            yield self.violation(
                first,
                "the headline is repeated as the first paragraph",
                make("Delete the repeated headline", Edit.delete(deletion_span(doc, first))),
            )
            return
        prefix = self._repeated_prefix(head_text, key, first_text)
        if prefix:
            span = Span(first.start, first.start + prefix)
            yield self.violation(
                span,
                "the first paragraph starts with the headline",
                Fix.unsafe("Delete the repeated headline", Edit.delete(span)),
            )

    def _doubled_first_line(self, doc: Document) -> Violation | None:
        """The headline pasted again on the line below it, with no blank line between: the
        story's first block is two lines that say the same."""
        block = doc.headline or (doc.paragraphs[0] if doc.paragraphs else None)
        if block is None or block.end - block.start > 2 * MAX_HEADLINE + 1:
            return None
        first, newline, second = doc.text[block.start : block.end].partition("\n")
        if not newline or "\n" in second or len(first.split()) < 2:
            return None  # one line (most stories): nothing normalised
        key = normalise(first)
        if not key or normalise(second) != key:
            return None
        exact = fold_quotes(first).strip() == fold_quotes(second).strip()
        make = Fix.safe if exact else Fix.unsafe
        start = block.start + len(first)
        return self.violation(
            Span(start + 1, block.end),
            "the headline is repeated on the line below it",
            make("Delete the repeated headline", Edit.delete(Span(start, block.end))),
        )

    @staticmethod
    def _repeated_prefix(head: str, key: str, body: str) -> int:
        """Length of `body`'s opening that repeats `head` (whose normal form is `key`), with the
        space after it; 0 if none. The opening may differ from the headline in spacing or
        invisible characters, so it is tried at each space of the body near the headline's length."""
        words = len(head.split())
        if words < 2:
            return 0
        end = 2 * len(head) + 2
        if not _may_open_with(body[:end], key):
            return 0
        for gap in _GAP.finditer(body, 0, end):
            if gap.start() < len(key) // 2 or normalise(body[: gap.start()]) != key:
                continue
            rest = body[gap.end() :]
            if "\n" in gap.group():  # the headline on a line of its own above the lede
                return gap.end()
            if words < 4 or _DATE_WORD.match(rest):
                return 0  # a lede may echo a short headline; "visit Paris Tuesday" goes on
            return gap.end() if rest[:1].isupper() or rest[:1] in "“\"‘'" else 0
        return 0


def _first_unlike(head: str, text: str) -> bool:
    """`_unlike(text, normalise(head))`, or no key, told before `head` is normalised, from the
    first characters alone: an ASCII headline's key opens with its first character that is not
    white space, lowercased, and a stretch of `text` that opens with two ASCII characters, the
    first no white space, normalises to a form that opens with the first, lowercased (`_unlike`)."""
    opening = text[:2]
    return (
        opening != ""
        and opening.isascii()
        and not opening[:1].isspace()
        and opening[:1].lower() != head.lstrip()[:1].lower()
        and head.isascii()
    )


def _unlike(text: str, key: str) -> bool:
    """True when no stretch of `text` from its start (the whole, or an opening up to a space:
    what `check` compares with `key`) normalises to `key`, told from its first characters (most
    ledes open unlike their headline, and many hold a curly quote further on, which `_may_equal`
    cannot judge). Where `text`'s first `len(key) + PEEK` characters and the one after them are
    ASCII, `normalise` keeps them as they are but for white space and case (NFKC joins a mark
    only to the character before it, an ASCII one here; its other steps change no ASCII
    character): a longer stretch's form, before its end is stripped, opens with theirs, spaces
    folded and lowercased (`start`), and a shorter one's is a start of that. The key is then a
    start of `start`, or `start` of the key."""
    n = len(key) + PEEK
    opening = text[: n + 1]
    if not opening.isascii():
        return False
    start = " ".join(opening[:n].split()).lower()
    return not start.startswith(key) and not key.startswith(start)


def _may_equal(text: str, key: str) -> bool:
    """False when `normalise(text)` cannot be `key`, told from the first characters of an ASCII
    text, not the whole lede normalised: its normal form is a prefix of its spaces folded,
    lowercased (from the first non-space), and so is a start's, which `key` must then begin
    with, or begin, when the start is shorter. Other text is not judged here."""
    if not text.isascii():
        return True
    opening = text[: len(key) + PEEK]
    if _opens_unlike(opening, key):
        return False
    start = _folded(opening).lower()
    return start.startswith(key) or key.startswith(start)


PEEK = 16  # characters `_may_equal` reads past the key's length


def _may_open_with(opening: str, key: str) -> bool:
    """False when no stretch of `opening` up to a space can normalise to `key`, told without
    normalising each (the test above normalises every candidate, the largest cost of the rule).
    For ASCII text `normalise` only folds spaces and case and drops trailing punctuation, so
    each candidate's normal form is a prefix of the opening's, spaces folded and lowercased,
    and `key` must be one of its prefixes. Other text is not judged here."""
    if not opening.isascii():
        return True
    return not _opens_unlike(opening, key) and _folded(opening).lower().startswith(key)


def _folded(text: str) -> str:
    """`_GAP.sub(" ", text).lstrip()` without a regex step at every character (the largest
    cost of the rule where a lede opens with its headline's first word): `str.split` reads
    the same white space as `\\s`, and a text that ends in white space keeps one space."""
    words = text.split()
    if not words:
        return ""
    return " ".join(words) + " " if text[-1].isspace() else " ".join(words)


def _opens_unlike(opening: str, key: str) -> bool:
    """True when the ASCII `opening`, spaces folded and lowercased (`start` above), neither
    begins with `key` nor begins it, told from its first word alone, as long as `key`'s first
    word (most ledes open unlike their headline: no space is folded then). Before a space
    `start` is the opening's characters lowercased, and a space there is no letter of that word:
    a first difference from `key` within it is one of `start`'s."""
    word = key.find(" ")
    first = opening.lstrip()[: word if word >= 0 else len(key)].lower()
    return not key.startswith(first)
