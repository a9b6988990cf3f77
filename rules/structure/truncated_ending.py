"""NL303 truncated-ending."""

from __future__ import annotations

import re
from collections.abc import Iterator

from newslint.document import Document
from newslint.rule import NOTHING, Rule
from newslint.span import Span
from newslint.violation import Violation

_SIGN_OFF_LINE = re.compile(
    r"^(?:reuters?|\(?reuters?\)?|ap|afp|--+|#+|\*+|ends?|more|\(reporting by.*\)|\(editing by.*\)|"
    r"\(additional reporting.*\)|\(writing by.*\)|reporting by.*|editing by.*|\(.*\bcontributed\b.*\))"
    r"(?:\.{2,}|…)?\s*(?:\^M)?\s*$",
    re.IGNORECASE,
)
# The last paragraphs most wire stories end on, each a `_SIGN_OFF_LINE` (a test holds): found by
# a set's look-up, where the pattern's match (IGNORECASE, sixteen alternatives) cost some 2,000
# instructions a story.
_SIGN_OFF_WORDS = frozenset(["Reuter", "REUTER", "reuter", "Reuters", "REUTERS", "reuters"])
_SIGN_OFF_TAIL = re.compile(r"\s+(?:reuters?|afp)(?:\.{2,}|…)?\s*(?:\^M)?\s*$", re.IGNORECASE)


def _may_sign_off(text: str) -> bool:
    """Whether `_SIGN_OFF_TAIL` may match: its words are in the text in some case (no other
    character folds to their letters, as a test holds), found by one lowercasing of the last
    paragraph where the pattern's search, opening with `\\s+`, was tried at every character."""
    low = text.lower()
    return "reuter" in low or "afp" in low


# A last paragraph about the writer or where to hear more: a tagline, not story text.
_TAGLINE = re.compile(
    r"^(?:[A-Z][\w.'-]+ ){1,3}(?:is|was) (?:a|an|the)\b|^You can (?:hear|read|see|watch|listen)\b"
)
# Words a finished sentence does not end on: a story stopping on one was cut.
_OPEN_WORDS = frozenset(
    "a an the of to for in on at by with from and or but that which who whose as than into onto "
    "its their his her our your my this these those is are was were be been will would can could "
    "has have had not said says".split()
)
# A reader's sign-off after the last sentence ("... great times ! LOL") is the writer's
# own text, not a stray tag or a cut.
_INTERJECTIONS = frozenset("lol haha hehe rofl lmao".split())
_SENTENCE_END = re.compile(r"[.!?][\"”’')\]]*\s+")
_ENDS_WELL = tuple(".!?\"”’')]…:;*")  # no letter: a last character that is no letter is the test
MAX_STRAY_WORDS = 6
MIN_CUT_WORDS = 12


class TruncatedEnding(Rule):
    """## What it does
    Finds a story that stops mid-sentence: a stray fragment after the last full stop (a tag or
    section name pasted on), or a long last sentence that breaks off on a lowercase word.

    ## Why is this bad?
    A cut-off ending means part of the story is missing, or a stray word was pasted after it.
    An editor has to look.

    ## Example
        ... and more than 12 million have lost their homes. Syria

    ## Use instead
        ... and more than 12 million have lost their homes.

    ## Fix safety
    No fix: only a person can tell whether text is missing or a stray word must go.
    A story with its sign-off (`Reuter`, `(Reporting by ...)`) arrived whole and is not
    reported; neither is a writer's tagline ("Clark Boyd is technology correspondent for ..."),
    nor a last sentence that only lacks its full stop (one that stops on "the", "of" or "and"
    was cut), nor a reader's closing "LOL". Tables and data lines at the end, and one-line
    promos or fact lines without a full stop ("GoldenEye is out now") are not reported.
    """

    code = "NL303"
    name = "truncated-ending"

    def check(self, doc: Document) -> Iterator[Violation]:
        # A paragraph that is a sign-off line ("Reuter", "(Reporting by ...)") means the story
        # arrived whole: it is looked for last, in the few stories that would be reported.
        # Not a generator: most stories are done with in one call.
        paragraphs = doc.paragraphs
        if len(paragraphs) < 2:
            return NOTHING
        last = paragraphs[-1]
        text = doc.text[last.start : last.end]
        ending = text.rstrip()
        if not ending or not ending[-1].isalpha():  # each of _ENDS_WELL is no letter
            # ends well, or in a sign-off taken off below (then it arrived whole): most stories
            return NOTHING
        ending = ending.lstrip()  # the paragraph stripped both ends
        if ending in _SIGN_OFF_WORDS or _SIGN_OFF_LINE.match(ending):
            return NOTHING  # the last paragraph signs off ("Reuter"): most of the others
        return self._cut(doc, last, text)

    def _cut(self, doc: Document, last: Span, text: str) -> Iterator[Violation]:
        """The report of a story whose last paragraph, `last` (its text `text`), ends in a
        fragment or breaks off, if it does."""
        tail = _SIGN_OFF_TAIL.search(text) if _may_sign_off(text) else None
        lines = text[: tail.start() if tail else len(text)].rstrip().split("\n")
        while len(lines) > 1 and _SIGN_OFF_LINE.match(lines[-1].strip()):
            lines.pop()
        text = "\n".join(lines).rstrip()
        signed_off = tail is not None or text != doc.slice(last).rstrip()
        if signed_off or _TAGLINE.match(text):  # the sign-off arrived, so the story was not cut
            return
        end = last.start + len(text)
        if not text or doc.in_table(Span(end - 1, end)) or not doc.is_prose(Span(end - 1, end)):
            return
        if not text[-1].isalpha():  # ends well (_ENDS_WELL: none is a letter) or in a figure, a mark
            return
        if any(_SIGN_OFF_LINE.match(doc.slice(p).strip()) for p in doc.paragraphs):
            return
        ends = list(_SENTENCE_END.finditer(text))
        fragment = text[ends[-1].end() :] if ends else text
        if any(c.isdigit() for c in fragment):  # a data line, not a sentence
            return
        if fragment.strip().casefold() in _INTERJECTIONS:
            return
        if ends and len(fragment.split()) <= MAX_STRAY_WORDS:
            start = last.start + ends[-1].end()
            yield self.violation(
                Span(start, end), f"the story ends in a fragment after its last sentence: {fragment!r}"
            )
        elif text.split()[-1].casefold() in _OPEN_WORDS and len(fragment.split()) >= MIN_CUT_WORDS:
            yield self.violation(
                Span(end - len(text.split()[-1]), end),
                "the story breaks off mid-sentence: text may be missing",
            )
