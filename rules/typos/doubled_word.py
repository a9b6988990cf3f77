"""NL103 doubled-word."""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator

from newslint import native as _chooser
from newslint.document import Document
from newslint.rule import NOTHING, Rule
from newslint.rules.typos._words import english
from newslint.span import Span
from newslint.violation import Edit, Fix, FixAvailability, Violation

# The same as r"\b(\w+)(\s+)(\1)\b", its word and space possessive: a shorter word or space could
# never be followed by the other, so trying them is waste (a quarter of the scan); checked by
# tests/test_fast_patterns.py.
_DOUBLE = re.compile(r"\b(\w++)(\s++)(\1)\b", re.IGNORECASE)
# Doubles that grammar allows ("she had had enough", "he said that that was all") and intensifiers
# that are doubled on purpose ("very very", "many many years"); a sports score ("nil nil").
_GRAMMATICAL = frozenset("had that very really so far many more much too nil".split())
# Interjections and sound words, a closed class whose words are repeated on purpose ("ha ha",
# "tut tut", "Ooh la la", "bye bye", "knock knock", "blah blah", "a no no").
_INTERJECTIONS = frozenset(
    "ah aah ahh aw bah bam bang blah bla boo boom bye cha choo chop chug ding dong go ha hah hee "
    "hey hip ho hoo hum hush knock la lah na nah no oh ooh oops ow pom pow rah shh tick tock tom "
    "tsk tut uh um whoa wow ya yah yeah yes yo yum".split()
)
# Compass points between the eight main ones: "north north west", "south south-east".
_COMPASS = re.compile(r"[ \t\n-]*(?:east|west)\b", re.IGNORECASE)
# A grade or rating before "plus plus" / "minus minus": "an A plus plus", "rated BB minus minus".
_GRADE_BEFORE = re.compile(r"(?<![\w.])[A-Z]{1,3}[ \t]+$")
# "for for" is grammatical when the first closes a clause and the second opens a stretch of time:
# "the moment I've been waiting for for years".
_FOR_A_TIME = re.compile(
    r"\s+(?:(?:\d+|a|an|the|many|several|some|a few|so|too|two|three|four|five|six|seven|eight|"
    r"nine|ten|more than|over|almost|nearly)\s+)?(?:years?|months?|weeks?|days?|decades?|hours?|"
    r"minutes?|ages|long|time|while)\b",
    re.IGNORECASE,
)
# Function words whose doubling is always a slip: deleting one is safe.
# "that that" is grammatical ("he said that that was all") unless an article or a pronoun
# follows, as in "said that that the talks ...".
_THAT_SLIP = re.compile(
    r"\s+(?:the|a|an|he|she|it|they|we|i|you|his|her|their|its|there|these|those)\b", re.IGNORECASE
)
# "is is" is grammatical after a clause that is the subject: "what it (really) is is ...".
_SUBJECT_CLAUSE = re.compile(r"(?:\b(?:it|what|this|that)\s+|\bwhat\b[^.;:!?\n]{0,30}\s)$", re.IGNORECASE)
_FUNCTION = frozenset(
    "the a an to of in on at by for from with and or but as is was were are be been it its this "
    "their his her our your my we they he she not has have will would can could should".split()
)


def _on_purpose(text: str, m: re.Match, word: str) -> bool:
    """A repetition the language makes on purpose: an interjection or sound word ("ha ha", "Ooh
    la la"), a reduplicated word the dictionary writes as one ("pom pom": pompom, "tutu",
    "bonbon"), a word said three times or more ("go go go"), a compass point between the main
    ones ("north north west"), a rating ("A plus plus")."""
    if word in _INTERJECTIONS or word not in _FUNCTION and word + word in english():
        return True
    third = re.compile(r"[ \t]+" + re.escape(m.group(3)) + r"\b", re.IGNORECASE)
    before = text[max(0, m.start() - len(word) - 2) : m.start()].rstrip().lower()
    if third.match(text, m.end()) or before.endswith(word) and not before[: -len(word)][-1:].isalnum():
        return True
    if word in ("north", "south") and _COMPASS.match(text, m.end()):
        return True
    return word in ("plus", "minus") and bool(_GRADE_BEFORE.search(text, max(0, m.start() - 6), m.start()))


class DoubledWord(Rule):
    """## What it does
    Finds a word written twice in a row: "the the", "in in".

    ## Why is this bad?
    A doubled word is an editing slip that readers notice at once.

    ## Example
        The minister said the the talks had failed.

    ## Use instead
        The minister said the talks had failed.

    ## Fix safety
    Safe for function words (the, a, to, of, in, was, ...): deleting the second copy keeps the
    meaning. Unsafe for other words. Grammatical doubles ("had had", "that that was", "what it is
    is", "really really", "waiting for for years", "a break-in in May") and names (Boutros
    Boutros-Ghali, Sirhan Sirhan, Walla Walla) are not reported, nor are repetitions the language
    makes on purpose: interjections and sound words ("ha ha", "tut tut", "Ooh la la"), a
    reduplicated word the dictionary writes as one ("pom pom", "tutu"), a word said three times
    ("go go go"), compass points ("north north west") and ratings ("an A plus plus").
    Inside direct quotations a stutter is reported, never changed.
    """

    code = "NL103"
    name = "doubled-word"
    fix_availability = FixAvailability.ALWAYS

    def check(self, doc: Document) -> Iterator[Violation]:
        # Not a generator: a story with no word followed by itself (most) pays one call.
        text = doc.text
        compiled = _chooser.native
        if compiled is None:
            return self._doubles(doc, _DOUBLE.finditer(text))
        starts: list[int] = compiled.double_starts(text)
        if not starts:
            return NOTHING  # the pattern cannot match
        return self._doubles(doc, _matches_at(text, starts))

    def _doubles(self, doc: Document, found: Iterable[re.Match[str]]) -> Iterator[Violation]:
        """The reports of the story's doubled words: the pattern's matches `found` in its text."""
        text = doc.text
        for m in found:
            first, second = m.group(1), m.group(3)
            word = first.lower()
            if word.isdigit() or "\n\n" in m.group(2):
                continue
            if word in _GRAMMATICAL and not (word == "that" and _THAT_SLIP.match(text, m.end())):
                continue
            if _on_purpose(text, m, word):
                continue
            if word == "for" and _FOR_A_TIME.match(text, m.end()):
                continue  # "waiting for for years"
            if m.start() and text[m.start() - 1] == "-":
                continue  # the first copy ends a compound: "a break-in in 1999", "non-bank bank activities"
            if second[:1].isupper() and not (
                first[:1].isupper() and first[1:].islower() and word in _FUNCTION
            ):
                continue  # names: Sirhan Sirhan, Walla Walla
            if word == "is" and _SUBJECT_CLAUSE.search(text, max(0, m.start() - 40), m.start()):
                continue  # "what it is is", "what it really is is"
            span = Span(m.start(3), m.end(3))
            if not doc.is_prose(Span(m.start(), m.end())) or text[m.end() : m.end() + 1] == "-":
                continue  # Boutros Boutros-Ghali
            make = Fix.safe if word in _FUNCTION or word == "that" else Fix.unsafe
            yield self.violation(span, f"{second!r} is doubled", make(*_deletion(text, m)))


def _matches_at(text: str, starts: list[int]) -> Iterator[re.Match[str]]:
    """`_DOUBLE.finditer(text)`, tried only at `starts` (`double_starts`: the words the next one
    may repeat, the only places a match can start): a match at the first start that has one, then
    at the first start past its end, and so on (the scan of the whole text took most of NL103's
    time in the stories that have a start, about one in fifty)."""
    end = 0
    match = _DOUBLE.match
    for at in starts:
        if at >= end and (m := match(text, at)) is not None:
            end = m.end()
            yield m


def _deletion(text: str, m: re.Match) -> tuple[str, Edit]:
    """Delete the second copy with the space before it; across a line break, delete the first
    copy with the space before it instead, so the two lines stay two lines."""
    if "\n" not in m.group(2):
        return f"Delete the second {m.group(3)!r}", Edit.delete(Span(m.end(1), m.end(3)))
    start = m.start(1)
    while start > 0 and text[start - 1] in " \t":
        start -= 1
    title = f"Delete the first {m.group(1)!r}, at the end of its line"
    if start == 0 or text[start - 1] == "\n":  # the first copy is all its line holds: the line goes
        return title, Edit.delete(Span(start, m.start(3)))
    return title, Edit.delete(Span(start, m.end(1)))
