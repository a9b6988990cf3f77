"""Spellings that depend on a word's sense, from VarCon's sense tags (see scripts/build_variety_data.py).

VarCon splits some words by part of speech or meaning: British writes `licence` for the noun and
`license` for the verb, `practice` for the noun and `practise` for the verb, `dependant` for the noun
and `dependent` for the adjective, `kerb` for the street edge and `curb` for "restrain". The shipped
table says, for each word and sense, which variety writes it (`us` or `gb`) or that neither does
(`none`: `practises` as a noun, `dependant` as an adjective, `kerbs` for restraints). This module tells
the sense from the words around a word, and only where a plain cue settles it:

- noun: a determiner or a noun-forming modifier before it (`the`, `its`, `such`, `trade`, `driving`),
  `of` and a few compound heads after it (`practice of`, `licence fees`), or for a plural a modal
  or a form of "have" or "be" after it (`licenses would be removed`);
- adjective: a form of "be" or an adverb of degree before it (`is`, `highly`), `on` / `upon` after
  it (`dependent on`), or `as` before it and an adjective coordinated after it (`as dependant,
  incapable and vulnerable`), when no noun cue came first (`a dependant on the payroll` is a noun);
- restrain: `kerbs on` before a restraint's object (`kerbs on imports`, not `the kerbs on both sides`),
  a modal, `to` or `help` before the verb (`would kerb`, `to kerb`, `help kerb`), or an object
  after it (`kerb the growth`, `kerbing its imports`: a street edge takes none).

- a document (draft): a document's name after it (`draft treaty`, `draft of the accord`) or a stage
  of drafting before it (`a rough draft`): `draught` is written for a current of air, not a text.

No cue, no sense: the word then counts as the plain variety table says, or not at all.

Example: `could hit some Canadian trade practises` -> noun, and as a noun both varieties write
`practices`.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass

from newslint.rules._tables import data_text, once

WINDOW = 40  # characters of context read on each side

_DETERMINER = (
    r"a|an|the|this|its|his|their|our|your|my|such|every|each|another|other|no|whose|any"
    r"|common|standard|normal|usual|current|past|existing|traditional|good|best|bad|general"
)
# "her" is left out: "made her practise" is a verb.
_MODIFIER = (
    r"trade|business|unfair|restrictive|accounting|lending|banking|farming|management|marketing"
    r"|pricing|employment|labou?r|working|sales|medical|legal|religious|cultural|industry|market"
    r"|illegal|corrupt|private|driving|TV|television|broadcasting|export|import|operating|fishing"
)
_NOUN_BEFORE = re.compile(rf"\b(?:{_DETERMINER}|{_MODIFIER})\s+$", re.IGNORECASE)
_NOUN_AFTER = re.compile(r"^\s+(?:of|fees?|holders?|payers?|compliance|agreements?)\b")
_ADJECTIVE_WORDS = (
    r"is|are|was|were|be|been|being|become|becomes|became|remain|remains|remained|highly|heavily|very|so"
    r"|too|more|less|largely|totally|entirely|increasingly|overly|mutually|economically|financially|completely"
    r"|partly|partially|particularly"
)
_ADJECTIVE_BEFORE = re.compile(rf"\b(?:{_ADJECTIVE_WORDS})\s+$", re.IGNORECASE)
_ADJECTIVE_AFTER = re.compile(r"^\s+(?:on|upon)\b")
# "as dependant, incapable and vulnerable": "as" before it and an adjective coordinated after it
# (a noun after "as" takes an article or its plural: "as a dependant", "as dependants")
_AS_BEFORE = re.compile(r"\bas\s+$", re.IGNORECASE)
_ADJECTIVE_COORDINATED = re.compile(
    r"^(?:\s*,|\s+(?:and|or))\s+(?:[a-z]+ly\s+)?[a-z]+(?:able|ible|ful|ous|ive|less|ent|ant|ile|ic|al)\b"
)
_RESTRAINT_AFTER = re.compile(
    r"^\s+on\s+(?!(?:the|a|an|his|her|its|their|both|either|each|which|this|that|one|[A-Z][a-z]+day)\b)"
)
_MODAL_WORDS = r"will|would|can|could|should|shall|may|might|must|to|help|helps|helped"
_MODAL_BEFORE = re.compile(rf"\b(?:{_MODAL_WORDS})\s+$")
# A verb with its object: "kerb the growth", "kerbing its imports" (a street edge takes no object).
_OBJECT_AFTER = re.compile(
    r"^\s+(?:the|its|their|his|her|this|these|those|our|such|inflation|spending|imports)\b"
)


# A plural before a modal or a form of "have"/"be" is a subject, a noun: `licenses would be
# removed` (a verb in -s takes no modal after it).
_SUBJECT_AFTER = re.compile(r"^\s+(?:would|will|could|should|may|might|must|can|are|were|have|had)\b")


def _longest(alternation: str) -> int:
    """The most characters a word of an alternation of plain words (`labou?r`: an optional
    letter) can match; case-insensitive matching reads one character for one."""
    return max(len(word.replace("?", "")) for word in alternation.split("|"))


def _word_before(pattern: re.Pattern[str], longest: int, before: str) -> bool:
    """`pattern.search(before)` found a match, for a pattern `\\b(?:word|...)\\s+$` whose words
    (word characters) are at most `longest` characters: such a match ends its word where the
    whitespace at the end of `before` begins (`$` also before a final line break, itself
    whitespace; `str.rstrip` strips what `\\s` matches), so it starts at most `longest` before
    that, and the search starts there (`\\b` reads the character before its start), not at
    each of the window's forty characters (a third of NL201's regex time, measured)."""
    end = len(before.rstrip())
    if end == len(before):
        return False  # no whitespace at the end: no match
    return pattern.search(before, max(0, end - longest)) is not None


_NOUN_LONGEST = _longest(f"{_DETERMINER}|{_MODIFIER}")


def _noun(word: str, before: str, after: str) -> bool:
    return bool(
        _word_before(_NOUN_BEFORE, _NOUN_LONGEST, before)
        or _NOUN_AFTER.match(after)
        or word.endswith("s")
        and _SUBJECT_AFTER.match(after)
    )


def _adjective(word: str, before: str, after: str) -> bool:
    return not _noun(word, before, after) and bool(
        _word_before(_ADJECTIVE_BEFORE, _ADJECTIVE_LONGEST, before)
        or _ADJECTIVE_AFTER.match(after)
        or _word_before(_AS_BEFORE, 2, before)
        and _ADJECTIVE_COORDINATED.match(after)
    )


def _restrain(word: str, before: str, after: str) -> bool:
    return bool(
        word.endswith("s")
        and _RESTRAINT_AFTER.match(after)
        or _word_before(_MODAL_BEFORE, _MODAL_LONGEST, before)
        or _OBJECT_AFTER.match(after)
    )


# A draft is a document: a document's name after it, or a stage of drafting before it.
_DOCUMENT_AFTER = re.compile(
    r"^\s+(?:treaty|treaties|bill|bills|laws?|legislation|resolution|agreement|accord|text|proposals?"
    r"|prospectus|report|version|budget|communique|constitution|plan|document|regulations?|letter"
    r"|statement|contract|declaration|directive|decree|paper|rules?|of\s+(?:the|a|an|its)\b)",
    re.IGNORECASE,
)
_DRAFTING_WORDS = r"rough|first|final|revised|preliminary|working|initial|earlier"
_DRAFTING_BEFORE = re.compile(rf"\b(?:{_DRAFTING_WORDS})\s+$", re.I)
_ADJECTIVE_LONGEST = _longest(_ADJECTIVE_WORDS)
_MODAL_LONGEST = _longest(_MODAL_WORDS)
_DRAFTING_LONGEST = _longest(_DRAFTING_WORDS)


def _writing(word: str, before: str, after: str) -> bool:
    return bool(_DOCUMENT_AFTER.match(after) or _word_before(_DRAFTING_BEFORE, _DRAFTING_LONGEST, before))


# Each sense the table lists, the cue that tells it, and how a message names it; in the order tried.
SENSES: dict[str, tuple[Callable[[str, str, str], bool], str]] = {
    "<N> writing": (_writing, "for a document"),
    "restrain": (_restrain, "in the sense 'restrain'"),
    "<N>": (_noun, "as a noun"),
    "<Adj>": (_adjective, "as an adjective"),
}


@dataclass(frozen=True)
class SenseSpelling:
    """A spelling that one variety writes in one sense of a word only."""

    word: str
    sense: str  # a key of SENSES
    status: str  # "us" or "gb" (only that variety writes it so), "none" (neither does)
    form: str  # the other variety's spelling, or for "none" the one both write


@once
def _table() -> dict[str, dict[str, tuple[str, str]]]:
    """word -> sense -> (status, form)."""
    table: dict[str, dict[str, tuple[str, str]]] = {}
    text = data_text("newslint.rules.naming", "senses.tsv")
    for line in text.splitlines():
        word, sense, status, form = line.split("\t")
        if sense in SENSES:
            table.setdefault(word, {})[sense] = (status, form)
    return table


def listed(word: str) -> bool:
    return word in _table()


# The table itself, for a caller that asks `listed` of every new word (`word in table()`: no call
# of Python code).
table = _table


def misspelt_in_a_sense(word: str) -> bool:
    """A word the table spells by its sense that the misspelling list (NL102's) corrects too
    (`dependant`: the noun is right, the adjective is "dependent"): NL102 reports it where its
    context shows the sense neither variety writes, and NL201 leaves that report to NL102."""
    # imported here: the typos package imports the naming rules (NL101 reads the stated variety)
    from newslint.rules.typos._words import listed_misspellings

    return listed(word) and word in listed_misspellings().keys()  # noqa: SIM118


def sense_spelling(word: str, before: str, after: str) -> SenseSpelling | None:
    """How the word's context settles its spelling: the first of the senses the table lists for the
    word whose cue matches; None when none does."""
    senses = _table().get(word, {})
    for sense, (cue, _) in SENSES.items():
        if sense in senses and cue(word, before, after):
            status, form = senses[sense]
            return SenseSpelling(word, sense, status, form)
    return None


def sense_name(sense: str) -> str:
    return SENSES[sense][1]
