"""NL305 duplicated-sentence."""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from collections.abc import Callable, Iterator, Sequence

from newslint.document import Document
from newslint.native import native
from newslint.rule import NOTHING, Rule
from newslint.rules.structure._text import (
    deletion_span,
    normalise,
    repeated_starts,
    repeated_starts_in,
    rough_key,
    rough_start,
)
from newslint.span import Span
from newslint.violation import Edit, Fix, FixAvailability, Violation

MIN_WORDS = 5  # shorter repeats are slogans, chants and refrains
MIN_WORDS_ACROSS = 15  # a repeat in the next paragraph, not next to its copy: parallel wording is common
MIN_WORDS_QUOTED = 12  # inside a quotation only a long sentence said twice in a row is reported
WRITER, SPEAKER = "writer", "speaker"
_SPACE = re.compile(r"\s+")
_ENDS_SENTENCE = re.compile(r"[.!?][\"”’')\]]*$")
_LIST_ITEM = re.compile(r"^\s*(?:[-*•·–—]|\d{1,2}[.)])\s")


class DuplicatedSentence(Rule):
    """## What it does
    Finds a sentence that repeats one just before it: the same sentence twice in a row, or
    twice in one paragraph, or (for a long sentence) in the next paragraph.

    ## Why is this bad?
    Scrapers and copy-and-paste edits duplicate a sentence inside a paragraph; readers see the
    same words twice and the story looks unedited.

    ## Example
        The ministry said talks would resume on Monday. The ministry said talks would resume
        on Monday. Officials declined to comment.

    ## Use instead
        The ministry said talks would resume on Monday. Officials declined to comment.

    ## Fix safety
    Safe only when the repeat follows its copy immediately and is identical apart from line
    wrapping: deleting it loses no words. Unsafe when the copies differ in case or quote
    marks, or stand apart (the wording may be parallel on purpose, as in "The warrant will be
    for a term of two years." said of two share classes). Inside a direct quotation the
    speaker may repeat on purpose ("We will fight. We will fight."): only a sentence of 12
    words or more said twice in a row is reported there, and the fix is shown, never applied.
    Left alone: sentences under five words (chants, refrains), list items, lines without a
    full stop, tables, and whole repeated paragraphs, which are NL302's report.
    """

    code = "NL305"
    name = "duplicated-sentence"
    fix_availability = FixAvailability.ALWAYS
    repairs_characters = True  # deletes a whole sentence; a quotation inside it goes with it

    def check(self, doc: Document) -> Iterator[Violation]:
        # Not a generator: no two sentences start alike in most stories, and then no two body
        # sentences can (one call).
        return self._repeats(doc) if repeated_starts_in(doc.text, doc.sentences) else NOTHING

    def _repeats(self, doc: Document) -> Iterator[Violation]:
        """The reports of the body sentences that repeat one before them."""
        body, paragraph_of = _body_sentences(doc)
        # One cheap pass: only sentences whose first letters and digits repeat get a closer
        # look (a big file has many sentences: their starts are short); those are keyed whole
        # and compared.
        seen: dict[str, int] = {}
        pairs: list[tuple[int, int]] = []
        for k in repeated_starts_in(doc.text, body):
            key = rough_key(doc.slice(body[k]))
            first = seen.get(key)
            seen[key] = k
            if first is not None and key:
                pairs.append((first, k))
        if not pairs:
            return
        repeated = _repeated_paragraphs(doc)
        for first, k in pairs:
            earlier, earlier_p, s, p = body[first], paragraph_of(first), body[k], paragraph_of(k)
            adjacent = first == k - 1
            if p in repeated or p - earlier_p > 1:
                continue
            kinds = {_kind(doc, s), _kind(doc, earlier)}
            words = len(doc.slice(s).split())
            if None in kinds or (p != earlier_p and not adjacent and words < MIN_WORDS_ACROSS):
                continue
            if SPEAKER in kinds and (not adjacent or words < MIN_WORDS_QUOTED):
                continue
            exact = _SPACE.sub(" ", doc.slice(earlier)) == _SPACE.sub(" ", doc.slice(s))
            line = doc.lines.position(earlier.start).line
            where = "the sentence before it" if adjacent else f"a sentence on line {line}"
            make = Fix.display_only if SPEAKER in kinds else Fix.safe if exact and adjacent else Fix.unsafe
            yield self.violation(
                s,
                f"this sentence repeats {where}",
                make("Delete the repeated sentence", Edit.delete(_deletion(doc, body, paragraph_of, k))),
            )


def _body_sentences(doc: Document) -> tuple[list[Span], Callable[[int], int]]:
    """The body's sentences (the headline's left out, and those after the last paragraph), and
    the index of the paragraph of the sentence at an index of them: the first paragraph that
    ends at the sentence's end or after it. Asked only of the few sentences that repeat and
    their neighbours, not found for every sentence (a big file's are a hundred thousand)."""
    sentences, headline = doc.sentences, doc.headline
    ends = [q.end for q in doc.paragraphs]  # ascending: the paragraphs follow one another
    # the sentences follow one another too (their ends ascend): those that end after the last
    # paragraph are the last ones, and have no paragraph
    kept = bisect_right(sentences, ends[-1], key=_end_of) if ends else 0
    body = [s for s in sentences[:kept] if s != headline]

    def paragraph_of(k: int) -> int:
        return bisect_left(ends, body[k].end)

    return body, paragraph_of


def _end_of(span: Span) -> int:
    return span.end


def _repeated_paragraphs(doc: Document) -> set[int]:
    """Paragraphs that repeat an earlier paragraph or the headline (NL302's and NL301's reports).
    Only those whose normal form's rough start another's shares (`_normal_starts`) are
    normalised, kept and compared: a big file's every paragraph normalised took half of this
    rule's time, and kept, 15 MB for 10 MB of text. Equal normal forms have equal rough starts,
    so no repeat is missed."""
    spans = [doc.headline, *doc.paragraphs] if doc.headline else list(doc.paragraphs)
    shift = len(spans) - len(doc.paragraphs)  # 1 with a headline: it comes before them all
    seen, out = set(), set()
    for j in _normal_starts(doc.text, spans):
        key = normalise(doc.slice(spans[j]))
        if key in seen:
            out.add(j - shift)  # never the headline: nothing is seen before it
        seen.add(key)
    return out


def _normal_starts(text: str, spans: Sequence[Span]) -> list[int]:
    """The indices, in order, of the spans whose normal form's rough start
    (`rough_start(normalise(...))`) another's shares: every span whose normal form another's is.
    The compiled `repeated_starts` keys a span whose start is ASCII itself, up to the character
    after it (what `normalise` leaves of it: no normal form changes an ASCII letter or digit but
    by a character after it, a combining mark that NFKC composes with it, and that character is
    then not ASCII), and the others by their normal form (`_normal_start_at`)."""
    if native is None:
        return _repeated_normal_starts(text, spans)
    if text.isascii():
        return repeated_starts_in(text, spans)
    found: list[int] = native.repeated_starts(text, spans, _normal_start_at)
    return found


def _normal_start_at(text: str, start: int, end: int) -> bytes:
    """The rough start of text[start:end]'s normal form, as UTF-8 (`repeated_starts`' key)."""
    return rough_start(normalise(text[start:end])).encode("utf-8")


def _repeated_normal_starts(text: str, spans: Sequence[Span]) -> list[int]:
    """`_normal_starts`, every span's normal form keyed: its pure-Python twin."""
    return repeated_starts([normalise(text[s.start : s.end]) for s in spans])


def _kind(doc: Document, s: Span) -> str | None:
    """WRITER or SPEAKER for a sentence worth comparing; None for one that may repeat on
    purpose: short, a list item, without a full stop, or in a table."""
    text = doc.slice(s)
    if not _ENDS_SENTENCE.search(text) or _LIST_ITEM.match(text) or doc.in_table(s):
        return None
    if sum(1 for w in text.split() if any(c.isalpha() for c in w)) < MIN_WORDS:
        return None
    if doc.is_quoted(s):
        # A sentence inside a quotation is the speaker's; one that holds whole quotations
        # ("'We will win,' he said.") is the writer's.
        for offset in (s.start, s.end - 1):
            q = doc.quotation_at(offset)
            if q is not None and not s.contains(q):
                return SPEAKER
    return WRITER


def _deletion(doc: Document, body: list[Span], paragraph_of: Callable[[int], int], k: int) -> Span:
    """The repeat with the space that follows it, or, at the end of its paragraph, the space
    before it; a repeat standing alone goes with its paragraph break."""
    s, p = body[k], paragraph_of(k)
    if k + 1 < len(body) and paragraph_of(k + 1) == p:
        return Span(s.start, body[k + 1].start)
    if k > 0 and paragraph_of(k - 1) == p:
        return Span(body[k - 1].end, s.end)
    return deletion_span(doc, doc.paragraphs[p])
