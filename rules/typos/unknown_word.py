"""NL101 unknown-word."""

from __future__ import annotations

import bisect
import functools
import itertools
import re
import sys
import weakref
from collections import Counter
from collections.abc import Callable, Collection, Container, Iterator, Mapping
from collections.abc import Set as AbstractSet
from dataclasses import dataclass, replace
from typing import Any, TypeVar

from newslint.document import Document, LetterTest, Shape, Token
from newslint.native import (
    add_forms,
    body_openers,
    line_index,
    native,
    near_words,
    near_words_in_index,
    one_edit_away,
    unlisted_capital,
)
from newslint.profile import Profile
from newslint.rule import Rule, RuleContext, RuleOptions, Suggestion, Trigger
from newslint.rules._desk import capitalised_word, desk_knows, desk_slip, preferred, stories
from newslint.rules._tables import once
from newslint.rules.naming._varieties import variants
from newslint.rules.naming.english_variety_mix import stated_variety
from newslint.rules.naming.name_variant import DESK_NAME_STORIES, one_edit_pair
from newslint.rules.typos import _capitals, _split, _words
from newslint.rules.typos._acronyms import swapped_acronyms
from newslint.rules.typos._capitals import (
    CAPITAL_MIN_LENGTH,
    all_caps_headline,
    beside_a_name,
    clear_slip,
    foreign_form,
    habit_slip,
    known_one_edit_away,
    may_be_swapped_slip,
    names_in_lowercase_if_built,
    names_one_edit_from,
    typed_slip,
    unlisted_lists,
    unlisted_name,
)
from newslint.rules.typos._context import (
    Context,
    Weighed,
    slip_cost,
    two_slip_words,
    unaccented_words,
    weigh,
)
from newslint.rules.typos._foreign import in_foreign_phrase
from newslint.rules.typos._habits import habit_slips_of
from newslint.rules.typos._run_together import is_unknown, split_reading
from newslint.rules.typos._short import is_short_unknown, short_slip
from newslint.rules.typos._split import joined_at
from newslint.rules.typos._ties import OnceWrittenNames
from newslint.rules.typos._words import (
    BUILT,
    accented_words,
    english,
    is_rare,
    known_names,
    listed_edits,
    match_case,
    misspellings,
    one_edit_apart,
    rare_words,
)
from newslint.span import Span
from newslint.tokens import WORD_KIND, BoundedMemo
from newslint.violation import Applicability, Edit, Fix, FixAvailability, Violation

_PART = re.compile(r"[a-z]+(?:'[a-z]+)*")
_POSSESSIVE = re.compile(r"'s$|'$")  # the plain form of `_without_possessive`


# The shapes `UnknownWord._may_be_unknown` can pass: not McReigme nor Zürich (see its docstring).
_MAY_BE_UNKNOWN = Shape.LOWER | Shape.CAPITAL | Shape.UPPER | Shape.OTHER


def _without_possessive(word: str) -> str:
    """`_POSSESSIVE.sub("", word)`: the word less a final "'s" or "'" (before a final newline,
    where `$` matches too), read from its end where the pattern was tried at every letter."""
    body, end = (word[:-1], "\n") if word.endswith("\n") else (word, "")
    if body.endswith("'s"):
        return body[:-2] + end
    return body[:-1] + end if body.endswith("'") else word


COMMON_RANK = 20000  # within the 20,000 most frequent words: "a common word"
SHORT_WORD = 4  # a word this short is one slip from many words
LONG_WORD = 8  # a word this long has few neighbours one edit away
TOP_RANK = 25  # the, of, to, and, in, for: two of these run together are surely two words
FUNCTION_RANK = 100  # the 100 commonest words, most of them function words
VERY_COMMON_RANK = 500  # the 500 most frequent words: "will", "big", "bit"
MIN_LENGTH = 3
# The shortest word of a shape `_may_be_unknown` can pass: a lowercase word shorter than
# MIN_LENGTH fails its `len(text) < MIN_LENGTH`, a capitalised word or one in capitals shorter
# than CAPITAL_MIN_LENGTH fails `unlisted_capital` (form 0), whatever the word and the lists.
_UNKNOWN_FLOORS = {
    Shape.LOWER: MIN_LENGTH,
    Shape.CAPITAL: CAPITAL_MIN_LENGTH,
    Shape.UPPER: CAPITAL_MIN_LENGTH,
}
# a capitalised word opening a sentence is checked from this length: that of `capital_candidate`,
# whose first test `UnknownWord._may_be_unknown` reads once for both (`unlisted_capital`)
OPENING_MIN_LENGTH = CAPITAL_MIN_LENGTH
TITLE_MIN_LENGTH = 6  # ... and one inside a sentence from this length
# A text with more unknown words than this floor plus one in this share of its words is not
# English copy (a data dump, another language, a run of random letters): nothing is reported,
# and the cost stays linear (each unknown word's candidates take about a millisecond).
UNKNOWN_FLOOR = 200
UNKNOWN_SHARE = 100


def _past_limit(doc: Document, unknown: int) -> bool:
    """Whether `unknown` words take the story past the not-English-copy limit: the floor and one
    in `UNKNOWN_SHARE` of its words. Its words are summed only for a count past the floor, which
    the limit is never below (a pass over every distinct word of every story, 1.3% of NL101)."""
    if unknown <= UNKNOWN_FLOOR:
        return False
    return unknown > UNKNOWN_FLOOR + sum(doc.word_counts.values()) // UNKNOWN_SHARE


SHORT_NAME = 3  # in a story typed in lowercase, words this short are left alone
SUGGESTED_WORDS = 100  # words `suggest` puts in the vocabulary, most written first
# A lowercase ticker (<plen>, <skbs.St.>, (cawl.L)): the segmenter's ticker regions are capitals only.
_LOWER_TICKER = re.compile(r"[a-z0-9]{1,8}(?:\.[A-Za-z]{1,3})*\.?>|[a-z0-9]{1,8}(?:\.[A-Za-z]{1,3})+\)")
_CUT_SHORT = re.compile(r" ?(?:\.\.\.|…)")
_STRAY_STOP = re.compile(r"\.[0-9]")
_PIECE_AFTER = re.compile(r"[,;]([a-z]+)")
# `([a-z]+)[,;]$`, tried only at the first letter of a run (the look-behind after it: a match
# starting later in a run has one starting earlier), searched in a slice so that the look-behind
# reads nothing before it (a quarter less time, measured).
_PIECE_BEFORE = re.compile(r"([a-z](?<![a-z][a-z])[a-z]*)[,;]$")
_BRITISH_ISE = re.compile(r"is(e|ed|es|ing|ation|ations|er|ers)$")
_AFTER_LINE_BREAK = re.compile(r"([a-z]+)-\n[ \t]*$")
_BEFORE_LINE_BREAK = re.compile(r"-\n[ \t]*([a-z]+)")


def story_counts(doc: Document) -> Counter:
    """How often each lowercase word (and each part of a hyphenated word) occurs in the story:
    built once per story and shared by the NL1 rules that read it (treat it as read-only)."""
    return doc.derived(_story_counts)


def _story_counts(doc: Document) -> Counter:
    counts: Counter = Counter()
    # each distinct word once, with its number of uses, added to each form it is counted as
    add_forms(counts, doc.word_counts, _COUNTED_AS, _counted_as, _COUNTED_AS_LIMIT)
    return counts


# word -> the lowercase forms `story_counts` counts it as, remembered across stories (a corpus
# repeats its words); forgotten when it grows large.
_COUNTED_AS: dict[str, tuple[str, ...]] = {}
_COUNTED_AS_LIMIT = 20_000  # a corpus repeats its common words; its long tail is let go


def _counted_as(text: str) -> tuple[str, ...]:
    """The word lowercased, each part of it if it is hyphenated, and its base if possessive."""
    word = text.lower().replace("’", "'")
    forms = [word]
    if "-" in word:
        forms += word.split("-")
    base = _without_possessive(word) if "'" in word else word
    if base != word:
        forms.append(base)
    return tuple(forms)


def suggestions(
    word: str, counts: Counter, candidates: set[str] | None = None
) -> tuple[list[str], list[str]]:
    """(candidates used more often in this story, other candidates by frequency), one edit away.
    A function word run into a common word ("ofthe", "inwhich") is a candidate too: a lost space.
    `candidates`: `listed_edits(word)` where the caller has it (a new set: it is changed)."""
    words = english()
    if candidates is None:
        candidates = listed_edits(word)  # in any order: both sorts below break every tie
    bare = word.replace("'", "")
    if bare != word and words.frequency_rank(bare) >= COMMON_RANK:
        candidates.discard(bare)  # "gov't" is an abbreviation, written so; "th'e" is still "the"
    uses = counts.get  # (a word the story lacks: 0, without Counter's __missing__, a Python call)
    typed = uses(word, 0)
    evidence = sorted(
        (c for c in candidates if uses(c, 0) > typed),
        key=lambda c: (-counts[c], words.frequency_rank(c)),
    )
    others = sorted((c for c in candidates if c not in evidence), key=words.frequency_rank)
    apart = run_together(word)
    if apart is not None:
        if max(words.frequency_rank(w) for w in apart.split()) < TOP_RANK:
            others.insert(0, apart)  # "forthe" is "for the" before it is "forth"
        else:
            others.append(apart)  # "forsee" is "foresee" before it is "for see"
    return evidence, others


def _more_used(candidates: set[str], word: str, counts: Counter) -> bool:
    """Whether the story uses one of the candidates more often than `word`: where none is,
    `suggestions` finds no evidence among them (read before its sorts and run-together splits,
    for a word only evidence can report)."""
    uses = counts.get  # (an absent word's 0, without Counter's __missing__)
    typed = uses(word, 0)
    return any(uses(c, 0) > typed for c in candidates)


def _listed_one_edit_away(word: str) -> frozenset[str]:
    """The listed words one edit from `word`: found with the names one edit away and remembered
    (a name the corpus repeats is asked about in story after story, and `clear_slip` asked
    about this word just before)."""
    return known_one_edit_away(word)[1]


@once
def _longest_word() -> int:
    """The length of the longest listed word. A longer string (a pasted hash, a run of letters
    with no spaces) has no candidate one edit away, and computing its candidates, derivations
    and run-together splits costs the square of its length: 10,000 letters took 5 GB."""
    return english().longest()


SHORT_ENOUGH = 20  # no word this long or shorter is too long: the list's longest has 45 letters (tested)


def _too_long(part: str) -> bool:
    """Longer than any listed word by two letters or more: no listed word is one edit away.
    A short word is answered without the list's longest word (reading the whole list)."""
    return len(part) > SHORT_ENOUGH and len(part) > _longest_word() + 1


def run_together(word: str) -> str | None:
    """The word as a function word and a common word with the space between them lost: "of the",
    "in which", or as a common word and one of the commonest ("business a", "said the"). Not
    "pay down" or "stop out": jargon is written whole."""
    words = english()
    listed = words.words
    built = isinstance(listed, BUILT)  # (asked of the sorted text, a test is a rank's search)
    for i in range(2, len(word)):
        head, tail = word[:i], word[i:]
        if built and (head not in listed or tail not in listed):
            continue  # an unlisted word's rank is the list's size: neither test below passes
        head_rank, tail_rank = words.frequency_rank(head), words.frequency_rank(tail)
        if head_rank < FUNCTION_RANK and tail_rank < VERY_COMMON_RANK and len(tail) > 1:
            return f"{head} {tail}"
        if head_rank < COMMON_RANK and tail_rank < TOP_RANK and len(head) >= SHORT_WORD:
            return f"{head} {tail}"
    return None


def _name_by_its_look(doc: Document, tok: Token, first_tag: int = 0) -> bool:
    """A capitalised word that is a name however often the story writes it: too long for a slip
    (a pasted hash: its edits cost its square), in a company tag, or in capitals outside an
    all-capital headline (an acronym, or a name set in capitals in the body: TIM HENMAN).
    `first_tag`: where the story's first "<" is (-1: none), read once a story by `check`: a word
    before it or at it is in no tag (a tag's "<" comes before its words), and is not searched."""
    if _too_long(tok.text.lower()) or 0 <= first_tag < tok.span.start and in_company_tag(doc.text, tok.span):
        return True
    return tok.text.isupper() and not (tok.in_headline and all_caps_headline(doc))


def _short_in_sentence(tok: Token) -> bool:
    """A capitalised word shorter than `TITLE_MIN_LENGTH` inside a sentence (Herre, Linde): a
    name, whatever the story writes, and `_weighed_capital` says so once its other tests (each
    of which can only find a name too) have read the story; `check` asks this first, without
    the story's counts. (NL101's capitalised candidates are ASCII letters: lowercase, as long.)"""
    return (
        len(tok.text) < TITLE_MIN_LENGTH
        and not tok.text.isupper()
        and not (tok.sentence_start and not tok.in_headline)
    )


def _plainly_a_name(doc: Document, tok: Token, first_tag: int = 0) -> bool:
    """A capitalised word `UnknownWord._capitalised_word` leaves alone by its first tests, decided
    without the story's counts (`story_counts`, built only when a word needs them): a name by its
    look, or written more than once as it stands (its uses are among those of its lowercase form)
    and nowhere in lowercase, with no swap of two letters that makes a listed word or name (the
    typist's habit). `first_tag`: as `_name_by_its_look` reads it."""
    return _named_by_its_letters(doc, tok.text) or _named_by_its_place(doc, tok, first_tag)


def _named_by_its_letters(doc: Document, text: str) -> bool:
    """The tests of `_plainly_a_name` that read only the word and the story's words: too long for
    a slip, or written more than once as it stands and nowhere in lowercase, with no swap of two
    letters that makes a listed word or name. The same for every use of the word in a story:
    `check` asks once a word and story (a story repeats its names: 8,424 asks were 5,191 words)."""
    part = text.lower()
    if len(part) > SHORT_ENOUGH and _too_long(part):  # (`_too_long`'s first test: no call for most)
        return True
    words = doc.word_counts
    return words.get(text, 0) > 1 and not words.get(part) and not may_be_swapped_slip(part)


def _named_by_its_place(doc: Document, tok: Token, first_tag: int = 0) -> bool:
    """The tests of `_name_by_its_look` that read where the token stands: in a company tag, or
    in capitals outside an all-capital headline. `first_tag`: as `_name_by_its_look` reads it."""
    if 0 <= first_tag < tok.span.start and in_company_tag(doc.text, tok.span):
        return True
    return tok.text.isupper() and not (tok.in_headline and all_caps_headline(doc))


def _beside_a_name_unslipped(doc: Document, tok: Token) -> bool:
    """A capitalised word (not in capitals) beside a name (`beside_a_name`) that is no typist's
    clear slip (`clear_slip`, `typed_slip`): `UnknownWord._weighed_capital` answers None for it
    whatever the story's counts say, so `check` asks this of a story's capitalised candidates
    before it builds the counts (`story_counts`, a dict of every word of the story) for one."""
    if tok.text.isupper() or not beside_a_name(doc, tok):
        return False
    part = tok.text.lower()
    meant = clear_slip(part)
    return meant is None or not typed_slip(part, meant)


FEW_ONCE_WRITTEN = 24  # once-written capitals of its shapes `_no_slip_uncounted` compares a word with


def _written_once_by_shape(doc: Document, capitals: AbstractSet[str]) -> dict[tuple[str, int], list[str]]:
    """The story's capitalised candidates written once as they stand, capitalised (the forms
    `OnceWrittenNames` may make a tie of, and more: it also asks that the story's counts hold
    each once), by their first letter and length: read without the counts."""
    written = doc.word_counts
    found: dict[tuple[str, int], list[str]] = {}
    for w in capitals:
        if w[1:].islower() and written.get(w) == 1:
            found.setdefault((w[0], len(w)), []).append(w)
    return found


def _cleared_at_every_use(
    doc: Document, capitals: AbstractSet[str], desk_capitals: AbstractSet[str]
) -> set[str]:
    """The capital candidates (`capitals`, not the desk's) that `UnknownWord.check` clears at
    every use, wherever it stands: a name by its letters (`_named_by_its_letters`: only a word
    written more than once, or too long for a slip, can be one), a word in capitals where the
    headline is not (`_named_by_its_place`), or one `_no_slip_uncounted` clears (with
    `capitals`' once-written forms), which `check` asks only after the tests of where a use
    stands, each of which can only clear it. Asked once a word before its uses are built, where
    `check` asked each use (a story writes most of these names once, and nine in ten are
    cleared so: their tokens were built, then read by `_named_by_its_place` and
    `_beside_a_name_unslipped` first)."""
    counts = doc.word_counts
    found: set[str] = set()
    once: dict[tuple[str, int], list[str]] | None = None
    for w in capitals:
        if w in desk_capitals:
            continue
        if (counts[w] > 1 or len(w) > SHORT_ENOUGH) and _named_by_its_letters(doc, w):
            found.add(w)
            continue
        if w.isupper():
            if not all_caps_headline(doc):  # (read once a story: `Document.derived`)
                found.add(w)
                continue
        elif len(w) < TITLE_MIN_LENGTH:
            continue  # a name inside a sentence (`_short_in_sentence`): most uses cleared so, each read
        # (`_cleared_uncounted`, its two parts asked here: a call saved for each candidate)
        cleared = _cleared_before_ties(doc, w)
        if cleared is None:
            if once is None:
                once = _written_once_by_shape(doc, capitals)
            cleared = _no_tie(w, once)
        if cleared:
            found.add(w)
    return found


def _evidence_possible(doc: Document, possible: tuple[str, ...]) -> bool:
    """Whether one of the listed words one edit from a capitalised word that may be evidence of
    a slip in it where the story writes them (`_near_evidence`'s) may be the story's evidence
    (`UnknownWord._weighed_capital`'s, told without the story's counts): written in its
    lowercase text (`_lowercase_text`), where every form the counts hold of a word without an
    apostrophe is."""
    lowered = doc.derived(_lowercase_text)
    return lowered is None or any("'" in c or c in lowered for c in possible)


def _near_evidence_of(text: str) -> tuple[str, ...] | None:
    """What `_no_slip_uncounted` reads of a capitalised word's letters alone. The listed words
    one edit from it that may be the story's evidence of a slip in it keep its first letter,
    are no foreign form of it and, unless it is in capitals, are less than a slip of any kind
    away: those (none for most names), to be looked for in the story (`_evidence_possible`);
    None where the word is a clear slip (`clear_slip`), or in capitals with one of those (it
    has another form of a word written for evidence too): no story clears it uncounted."""
    part = text.lower()
    named, listed = known_one_edit_away(part)
    if not (named or listed):
        return ()  # (no word or name one edit away: no clear slip either)
    capitals = text.isupper()
    possible = tuple(
        c
        for c in listed
        if c[0] == part[0] and not foreign_form(part, c) and (capitals or slip_cost(part, c) < ANY_SLIP)
    )
    if capitals and possible or clear_slip(part) is not None:
        return None
    return possible


# capitalised word -> `_near_evidence_of` it, remembered across stories (a corpus repeats its
# names); forgotten when it grows large
_NEAR_EVIDENCE: BoundedMemo[str, tuple[str, ...] | None] = BoundedMemo(_near_evidence_of, 10_000)
_near_evidence = _NEAR_EVIDENCE.__getitem__


LOWERED_AT_MOST = 100_000  # characters of a story whose lowercase text `_evidence_possible` reads


def _lowercase_text(doc: Document) -> str | None:
    """The story's text in lowercase, None for a long one (a big file's: its copy would be held
    while it is checked, and its counts are built anyway). A word's lowercase is in it wherever
    the word stands (`str.lower` maps a character as it maps it anywhere, but for a final
    sigma), and so is each part of that without an apostrophe."""
    return doc.text.lower() if len(doc.text) <= LOWERED_AT_MOST else None


def _no_slip_uncounted(doc: Document, text: str, once: dict[tuple[str, int], list[str]]) -> bool:
    """Whether `UnknownWord._weighed_capital` (with `clear_slips`) answers None for a capitalised
    word whatever the story's counts say, told without them (`story_counts`, a dict of every
    word of the story, built for most stories only for their capitalised words): no clear slip
    in it, no listed word one edit from it that the story's use of it could make evidence
    (`_evidence_possible`: none, for most names one edit from a word or name), and no tie can
    make it a slip: it is not written once as it stands, capitalised, or no other once-written
    capital (`once`: `_written_once_by_shape`) is one edit from it (`OnceWrittenNames.slip_of`
    finds its other form among those). False where that many are to be compared (a big
    file's): the counts decide. (Asked in two parts where `once` is not built yet: it is
    built only for a word the first leaves undecided.)"""
    cleared = _cleared_before_ties(doc, text)
    return _no_tie(text, once) if cleared is None else cleared


def _cleared_uncounted(
    doc: Document, text: str, capitals: AbstractSet[str], once: dict[tuple[str, int], list[str]] | None
) -> tuple[bool, dict[tuple[str, int], list[str]] | None]:
    """`_no_slip_uncounted(doc, text, once)`, its `once` built of the story's `capitals` only
    where a tie is to be weighed (most stories have none): the answer, and `once` as it is now."""
    cleared = _cleared_before_ties(doc, text)
    if cleared is None:
        if once is None:
            once = _written_once_by_shape(doc, capitals)
        cleared = _no_tie(text, once)
    return cleared, once


def _cleared_before_ties(doc: Document, text: str) -> bool | None:
    """`_no_slip_uncounted`'s answer where no tie is to be weighed, read without the story's
    once-written capitals; None where one may be: the word is written once as it stands,
    capitalised, with no clear slip in it nor evidence the story may write (`_no_tie` decides)."""
    evidence = _near_evidence(text)
    if evidence is None or evidence and _evidence_possible(doc, evidence):
        return False  # a clear slip, or a word one edit away the story may write
    if not (text[1:].islower() and doc.word_counts.get(text) == 1):
        return True  # repeated (no evidence, no clear slip: a name) or not written once: no tie
    return None


def _no_tie(text: str, once: dict[tuple[str, int], list[str]]) -> bool:
    """Whether no other once-written capital of the story (`once`: `_written_once_by_shape`) is
    one edit from `text`, written once: False where too many are to be compared."""
    first, size, get = text[0], len(text), once.get
    near = (*get((first, size - 1), ()), *get((first, size), ()), *get((first, size + 1), ()))
    if len(near) > FEW_ONCE_WRITTEN:
        return False
    if len(near) == 1 and near[0] == text:
        return True  # the word alone (most words): no pair to test, no generator made
    # (the word itself is among them, and no pair with itself: most words meet no other)
    return not any(one_edit_pair(text, o) for o in near if o != text)


class UnknownWord(Rule):
    """## What it does
    Finds a lowercase word that is in no English word list (American, British or Canadian
    spelling) and suggests the word it was probably meant to be, using the story itself as
    evidence: a word one letter away that the story uses elsewhere, more often, is almost surely
    the intended one ("reigme" twice, "regime" ten times).

    Capitalised words are taken as names and left to the naming rules unless the story says
    otherwise: a capitalised word (opening a sentence or not: `Reigme forces`, `the Finanace
    Committee`) or a word of an all-capital headline (`MINISTER SIGNES ACCORD`) that no word or
    name list knows, that the story writes nowhere else in any case, and that is one edit from a
    word the story writes elsewhere ("regime", "finance", "signs") is reported, the fix in the
    word's case (SIGNS, Finance). Still names: a word beside another capitalised word no list
    knows (`Floiran Woest`) or after a known name (`Annette Bening`), an English word's foreign
    form (`Agence France Presse`, `IG Metall`, `Airbus Industrie`), an inflection no list has
    (`NONACCRUALS`), a word that differs from the
    story's at its first letter (`Kredit`) or by an unrelated letter rather than a typist's slip
    (`Genemation`), one edit from a name the story writes (`Regaan` beside Reagan: NL202's), a
    capitalised word of five letters inside a sentence (`Hot in Herre`, `van der Linde`), and
    capitals in the body or in a headline in mixed case (acronyms, names set in capitals:
    `TIM HENMAN`, `ASCAP`). Without evidence in the story, a capitalised word of seven letters or
    more written once is still reported when it is a typist's clear slip of the only common word
    or listed name one edit away: two neighbouring letters swapped (`Bangaldesh`, `Exhcange`;
    not the last two: `Telstra`, `Sprinkel`) or, from ten letters, a letter doubled
    (`Massachussetts`; `Forrester` is a name) or, from eight letters, a letter lost or added
    inside a common word (`Subtitute`, `Comunications`; not at its end: `Ronaldo`), or, with no
    common word or name one edit away, a doubled letter written single inside a word among the
    50,000 most frequent (`Saphire`, `Penicilin`). Its fix is a
    guess. Beside a name only two swapped letters of a common word (`Prime Minsiter Yasuhiro`)
    or a doubled letter count (`Paul Collison`, `St Pancras` stay names). An all-capital
    headline's word one edit from a word whose other form the body writes (`AQUIRES` over
    "acquired") is that word's slip, a guess. A name the story writes once each way (a tie
    NL202 leaves alone) is the other form's slip where only that form holds a common English
    word at its start or end, a syllable or more beside it, which this one breaks (`Activison`
    beside one `Activision`: vision; not `Lockhart` beside `Lochart`): a guess. A rare word
    written capitalised inside a sentence, as a name no list knows, once and beside no name, is
    the slip of a listed name where Wikipedia's misspelling list records that very slip inside a
    longer word, not at its first or last letter (`the Artic circle`: "antartic" for "antarctic"
    holds artic for arctic; `Elance` is no slip of "lance"): a guess.
    A word the story repeats is jargon or a name, unless it is one ordinary slip from a common
    word the story writes too (`acquisiton` in the headline and the body beside one
    "acquisition"), or from one of the 500 commonest words (`unitl` twice: until), or a
    capitalised word with the same two letters swapped each time (`Norweigan` twice; not where
    it stands beside a name: `Robert Kronberg`): reported, its fix a guess. ALL-CAPS text elsewhere, URLs,
    handles, codes (F-16s), tickers (lowercase ones too: `<plen>`, `(cawl.L)`), file extensions
    (.png) and tables are not checked, nor are the words of a Reuters company tag
    (`<BSV Bank fuer Sparanlagen AG>`) or of a name spelled out before its acronym (`Graan
    Elevator Mij (GEM)`), the pieces of a word cut by an HTML entity
    (`communiqu&#233;`) or by a stray comma (`settlem,ent`), or letters glued to a figure by a
    stop (`smal.0`). Hyphenated compounds are checked part by part unless the lexicon lists
    them whole (have-nots); a word hyphenated across a line end ("orga-" / "nise") is checked
    whole, and a common word's clipped front joined to a word (`docu-game`) is a coinage.
    Plurals of -ing nouns (remodelings), British -ise forms of listed -ize words, -ness nouns of
    listed adjectives (clunkiness), a noun and -man or -men (pacemen) and dropped-g forms
    (lovin') are English. A word that parses as a prefix and a word or two words is a coinage,
    unless it is eight letters or more and one ordinary slip from the only counted word one edit
    away, ending as it does (`adverserial`, `intergrating`: a guess; `storylines` is a word).
    A word beside a word of the same other language is part of a foreign
    phrase (`his home grand prix`, `Chercher dans toute`): common words of French, Spanish,
    Italian, German, Portuguese and Dutch. A word named as a word (`the word "energie"`, `a new
    word - vlog`, `dubbed "phishing"`) is mentioned, not used. In copy typed in lowercase, names
    look like words:
    there only the story's evidence counts. A story has lost its capitals throughout when half
    its sentences open in lowercase; otherwise only a sentence that opens in lowercase or writes
    two names in lowercase (venezuela, france) has (a " reuter" trailer does not make the rest
    lowercase copy). In a story with any such sentence, three-letter words are taken as names.
    Acronyms are not checked (no list knows them), but for one: an acronym the story spells out
    and writes again (`the Asian Development Bank (ADB)`), written once with two neighbouring
    letters swapped (`ABD president Thadao Chino`), is reported, its fix a guess.
    Words in the configured `vocabulary` and words marked `[sic]` or `(sic)` are accepted.
    A string longer than the longest listed word (a pasted hash, letters without spaces) is not
    a word, and a text with more unknown words than 200 plus one in a hundred of its words is not
    English copy (a data dump, another language, random letters): nothing is reported there.

    Candidates are the listed words one edit away (insertion, deletion, substitution or
    transposition; an apostrophe the writer typed is no slip, so "gov't" is not "govt"), a lost
    apostrophe (dont, childrens; "childrens'" is "children's"), a lost space after a function word
    (ofthe), and words two slips away that make a common pair with a neighbour ("news agcny":
    agency) or are common words that begin as the typo does (volatily: volatility). A word of
    seven letters or more that no listed word is one edit from is reported when one common word
    that begins as it does is two ordinary slips away and no other as near ("succesfull":
    successful; "statmenet": statement): a guess. Each is
    weighed as a copy editor weighs it: how common it is, which slip would have made the typo
    (a neighbouring key, a doubled or lost letter, two letters swapped, a sound-alike letter;
    rarely the first letter), how it reads with the words either side (a table of common word
    pairs), and how much more often the story uses it than English at large would lead one to
    expect. A rare word the story writes twice is far likelier at the typo than anywhere else
    ("new sactions" in a story about sanctions is "sanctions", not "sections"); a story's many
    "oil"s do not make "wil" anything but "will". The typo's final s chooses between forms of the
    word the reading picked ("trade deicits": deficits, though the pair table knows "trade
    deficit" better). A contraction run into the next word ("isn'ta patch", "don'tthink") is
    written apart: "isn't a", not "isn't". Scraped copy's own damage is read as such: a word that
    is a listed word less its accented letter ("Internet cafs") is that word (cafés), and a word
    glued to a dash after a space ("gymnastics -roduced") lost its first letter to the dash: only
    the words with a first letter put back are candidates (produced, not reduced). A word that
    NL104 (two words run together: inthe), NL105 (a word split in two: gove rnment) or NL106 (a
    short slip: hte) reports is left to it, and reported here when that rule is not run
    (`--select NL101`, or the rule ignored).

    ## Why is this bad?
    A misspelt word in published copy costs the story its credibility, and dictionary checkers
    that flag every foreign name are switched off by the desks that need them.

    ## Example
        killing dozens of Assad reigme's soldiers

    ## Use instead
        killing dozens of Assad regime's soldiers

    ## Fix safety
    Safe only when the reading leaves no doubt: the best candidate holds 97% of the belief or
    more, is one ordinary slip away (one slip of any kind for a word the story uses, or for a
    typo of eight letters or more), and something beyond the dictionary supports it: the story
    uses it, it makes a common pair with a neighbour, the typo is long (few words sit one slip
    from a long word), or no rival holds even half a percent. A lost apostrophe of a contraction
    (dont -> don't) is safe too. Never safe: three-letter typos, four-letter ones unless the
    story uses the word and nothing else is plausible, a lost space, a lost possessive
    apostrophe (companys), a story word whose longer form the typo ends like (devics beside
    "device": "devices" is suggested), a capitalised word in a sentence (it may be a name: only
    an all-capital headline's words can be fixed unattended), a word the story repeats, a word
    with two spellings equally near the typo ("harbur": harbour, harbor) when neither the story
    nor the desk's locale or house style picks the spelling, an acronym's swapped letters (the
    story may name another body after all). Unsafe when the best candidate
    holds 60% of the belief or more; below that the candidates are shown (display-only), and
    so they are when a rival a whole slip nearer the typo holds a tenth of the belief ("or
    relasing the films": relating reads better, releasing is the likelier slip), or when the best
    candidate is a word the frequency list never counted and the story does not use ("a duratve
    aspect": durative). Inside
    direct quotations the word is reported with its candidates, never changed.

    ## With a desk profile
    With `profile` set (`newslint learn`, docs/profile.md) the desk's archive is evidence beside
    the story. A word the desk writes in three stories or more, and no word one slip from it
    more often, is its own (local names, tickers, jargon): never unknown. A word the desk never
    writes (or in one story) one slip from a word it writes in twenty stories or more and fifty
    times as many is reported even where the story gives no evidence, repeats the word or is
    typed in lowercase (eight letters or more there), and a rare word likewise ("cists" where
    the desk writes "costs"): `unknown word 'rveenues': the desk writes 'revenues' 3,000 times and
    'rveenues' never`. A capitalised word is reported so only beside a word the desk nearly always
    capitalises and writes in one story in a hundred (February, Pacific), never at its first letter
    (names: Dorgan is no Morgan). Not a slip: another ending (multilaterals, democratica) or a
    British -ise form. The fix is unsafe.
    """

    code = "NL101"
    name = "unknown-word"
    fix_availability = FixAvailability.SOMETIMES

    def prepare(self) -> None:
        # the word list's set and filters, the names' filters, the commonest words' filter
        _words.prepare()
        _capitals.prepare()
        _split.prepare()

    def check(self, doc: Document) -> Iterator[Violation]:
        words = english().words  # the frozenset itself: this loop tests every word of the story
        # (read where a lowercase part is first tested: most stories have none to test)
        known_wrong: Collection[str] | None = None
        acronyms = swapped_acronyms(doc)  # (most stories have none: no generator made for them)
        if acronyms:
            yield from self._swapped_acronyms(acronyms)
        counts: Counter | None = None
        ties: OnceWrittenNames | None = None  # built with `counts`, indexed on its first question
        # counts.total(), summed once (per word it grew with the square of the story), and only
        # in a story with a lowercase word to weigh: a story's capitalised words never read it,
        # and most stories that build the counts have no such word
        total = -1
        # read only by a short word's test and a report: most lowercase words reaching the
        # counts are NL106's, NL104's or NL105's, and a story of them never builds it
        lost: LostCapitals | None = None
        bracket = -2  # where the story's last "(" is (-2: not read yet): no name spelled out after it
        first_tag = 0  # where its first "<" is (-1: none), read with `bracket`: no company tag before it
        lettered: dict[str, bool] = {}  # `_named_by_its_letters` of each repeated capitalised word asked
        once: dict[tuple[str, int], list[str]] | None = None  # `_written_once_by_shape`, before the counts
        # Candidate-first: the tests below that read only a word's letters are run once per
        # distinct word (and remembered across stories); the tokens of the few words they do
        # not clear are the only ones built.
        # a capital candidate is a candidate (`_may_be_unknown` passes it): the story's few
        # candidates are tested, not every word of the story; the capitalised ones that may
        # open a sentence are selected once, and read by each use below
        selected = doc.selected(self._unknown)
        # the capitalised candidates (Shape.CAPITAL: among the words `_may_be_unknown` passes,
        # those `_opening_candidate` passes, as `_capitalised` says) and the capital candidates,
        # read in one walk of `selected`
        openers, capitals = self._capital.select_shaped(selected, Shape.CAPITAL)
        # (none without a desk profile: not asked then)
        profile = self.context.profile
        desk_capitals = frozenset() if profile is None else self._desk_capital_slips(doc, openers)
        # (a capital candidate is no rare word, so no rare word's slip: only the others are asked)
        others = openers - capitals
        rare_slips = self._rare_slip.select(others) if others else frozenset()
        # the known names among the capitalised candidates, when `_candidate_tokens` selected them
        candidates, known = self._candidate_tokens(
            doc, selected, capitals, rare_slips, openers, others, desk_capitals
        )
        if len(candidates) > UNKNOWN_FLOOR:  # no fewer can pass the limit, never below the floor
            unknown = sum(1 for t in candidates if t.sentence_start or t.text not in capitals)  # names aside
            if _past_limit(doc, unknown):
                return  # not English copy (data, another language, letters pasted without spaces)
        for tok in candidates:
            text = tok.text
            if text.isalpha() and text.islower() and (len(text) < MIN_LENGTH or text in words):
                continue  # the common case, decided without splitting the word into parts
            # (`_opening_capital(text, words)` is `text in openers`: every token here is of a word
            # `selected` holds, among which `openers` are those it passes)
            opening = tok.sentence_start and not tok.in_headline and text in openers
            if opening or text in capitals:  # Reigme forces; the Finanace Committee; MINISTER SIGNES
                if known is None:  # the story's capitalised candidates (`_known_among`)
                    known = self._known_among(capitals, others)
                if bracket == -2:
                    bracket = doc.text.rfind("(")
                    first_tag = doc.text.find("<")
                # (its acronym's brackets come after the name: a word after the last needs no search)
                if text in known or tok.span.start < bracket and named_by_initials(doc.text, tok.span):
                    continue  # decided without the story's counts
                if text not in desk_capitals:
                    # (`_plainly_a_name`, its tests of the word's letters asked once a word)
                    # `_short_in_sentence(tok)`, inline (asked of each use of a capitalised candidate):
                    # what `_capitalised_word` decides first, read without them
                    if (
                        len(text) < TITLE_MIN_LENGTH
                        and not text.isupper()
                        and not (tok.sentence_start and not tok.in_headline)
                    ):
                        continue
                    by_letters = lettered.get(text)
                    if by_letters is None:
                        if doc.word_counts[text] > 1:
                            by_letters = lettered[text] = _named_by_its_letters(doc, text)
                        else:  # (written once, asked once: not kept) a name by its letters only if
                            # too long for a slip (its ASCII letters' lowercase is as long)
                            by_letters = len(text) > SHORT_ENOUGH and _named_by_its_letters(doc, text)
                    if by_letters or _named_by_its_place(doc, tok, first_tag):
                        continue
                if text not in desk_capitals:
                    if counts is None and _beside_a_name_unslipped(doc, tok):
                        continue  # what `_weighed_capital` answers whatever the counts: not built for it
                    cleared, once = _cleared_uncounted(doc, text, capitals, once)
                    if cleared:
                        continue  # likewise (and cheaper): no word or name one edit away, no tie to break
                if counts is None:
                    counts = story_counts(doc)
                if ties is None:
                    ties = OnceWrittenNames(doc, capitals, counts)
                # the desk's evidence, where it has some, before a clear slip's guess
                if text in desk_capitals:
                    found = self._capitalised_word(doc, tok, counts, ties, clear_slips=False)
                else:  # `_plainly_a_name` above found it no name by its look: not asked again
                    found = self._weighed_capital(doc, tok, counts, ties, clear_slips=True)
                if found is not None:
                    yield found
                elif text in desk_capitals:
                    yield from self._desk_report(
                        doc, text, tok.span
                    )  # "Feburary" beside the desk's "February"
                continue
            if text in rare_slips and not tok.in_headline:  # the Artic circle
                if counts is None:
                    counts = story_counts(doc)
                found = self._rare_slip_report(doc, tok, counts)
                if found is not None:
                    yield found
                continue
            if not text.islower():
                if text in desk_capitals:
                    yield from self._desk_report(doc, text, tok.span)
                continue  # names, acronyms
            if not text.isascii() and "’" not in text:
                continue  # foreign words
            if "-" in tok.text and (tok.text.lower().replace("-", "") in words or tok.text.lower() in words):
                continue  # pre-empt, co-operate: the compound is a word written whole; have-nots
            if not_a_word(doc.text, tok.span):
                continue
            for part, span in _parts(tok):
                if len(part) < MIN_LENGTH or part in words:
                    continue
                if known_wrong is None:
                    known_wrong = misspellings().keys()
                if part in known_wrong or self.context.accepts(part):
                    continue
                if is_rare(part) or part in unaccented_words():
                    if self._profile is not None and is_rare(part):  # "cists": the desk writes "costs"
                        yield from self._desk_report(doc, part, span, lost_capitals(doc).at(span))
                    continue  # rare words; cafe, cliches: listed words without their accents
                if _whole_word_written_apart(doc.text, span, part, words):
                    continue
                if clipped_in_coinage(text, part):
                    continue  # docu-game: a common word's clipped beginning, joined to a word
                if written_as_a_name(doc, part):
                    continue
                if in_company_tag(doc.text, span):
                    continue
                if in_foreign_phrase(doc.text, span):
                    continue  # grand prix, dans toute: a phrase of another language
                if mentioned(doc.text, span):
                    continue  # the word "energie", a new word - vlog: named as a word, not used
                if counts is None:
                    counts = story_counts(doc)
                if total < 0:
                    total = _story_size(counts)  # (`counts.total()`, kept for `_verdict`'s weighing)
                if len(part) <= SHORT_NAME and (lost := lost or lost_capitals(doc)).anywhere():
                    # lowercase copy: "gil", "oel" are names (Parra Gil, Veba Oel), and evidence is
                    # thin; a story with a sentence in lowercase is casual copy ("luv", "skd hams")
                    continue
                if self._profile is not None and desk_knows(part, self._profile):
                    continue  # the desk's own jargon or local word
                short = part == tok.text and is_short_unknown(part)
                runs = self.context.runs
                if short and runs("NL106") and _short_slip(doc, tok, counts, total):
                    continue  # a slip in a function word ("hte", "nad"): NL106 reports it
                if runs("NL104") and _run_together(doc, tok, part, span, counts, total):
                    continue  # two words with the space lost: NL104 reports it, with the split
                if runs("NL105") and joined_at(doc.text, span, self.context.vocabulary):
                    continue  # a part of a word split by a space ("gove rnment"): NL105 joins it
                # a known name in lowercase ("ecuador") is weighed on the story's evidence alone,
                # wherever it stands: where capitals are lost is read only for the desk's report
                named, case_lost = part.capitalize() in known_names(), False
                if not named or self._profile is not None:
                    case_lost = (lost := lost or lost_capitals(doc)).at(span)
                found = self._report(doc, part, span, counts, evidence_only=case_lost or named)
                if found is not None:
                    yield found
                else:  # no evidence in the story, or the story repeats it: the desk may know better
                    yield from self._desk_report(doc, part, span, case_lost)
        if counts is not None and len(counts) >= INDEX_WORDS_FROM:
            _LINE.clear()  # a big file's indexed line (`_english_line`) let go before the rules after

    def __init__(
        self,
        options: RuleOptions | None = None,
        context: RuleContext | None = None,
        origin: str | None = None,
    ) -> None:
        super().__init__(options, context, origin)
        self._listed: AbstractSet[str] | None = None  # the listed words once built (`_listed_words`)
        # Decided once per distinct word, remembered across stories.
        # a listed or misspelt word in any case is cleared (`_may_be_unknown`'s first tests)
        # without its call, once the set of the list is built (`_built_lists`); a word shorter
        # than `_may_be_unknown`'s floor for its shape fails without its call, and a capitalised
        # word from that floor that neither list holds passes without it (`unlisted_capital`'s
        # form 1: the test's answer for a capitalised word, which it read first)
        self._unknown = LetterTest(
            self._may_be_unknown,
            shapes=_MAY_BE_UNKNOWN,
            fails=_built_lists,
            shortest=_UNKNOWN_FLOORS,
            decided={Shape.CAPITAL: ANY_LENGTH},
        )
        # asked only of the words `_unknown` passes (`check`'s `selected`), among which
        # `capital_candidate` passes every word in capitals (`_may_be_unknown` passed it by that
        # test) and a capitalised word by the tests after its first (`_capital_among_unknown`),
        # which for a word of its one asked shape (CAPITAL: ASCII letters, title case) is
        # `unlisted_name`, called without the wrapper that reads the shape
        self._capital = LetterTest(
            _capital_among_unknown,
            shapes=Shape.CAPITAL | Shape.UPPER,
            decided={Shape.UPPER: ANY_LENGTH},
            within=unlisted_name,
        )
        # a known name is no rare word's slip: its lowercase form fails without the test's call
        self._rare_slip = LetterTest(_rare_capital_slip_test, fails=names_in_lowercase_if_built)
        self._known = LetterTest(self._known_text)  # asked of every use of a capitalised candidate

    def triggers(self) -> tuple[Trigger, ...]:
        # a word the letter tests do not clear (`_may_be_unknown`): every token `check` looks at
        # is one, and so is every word a desk profile's capitals are taken from
        return (Trigger(words=self._unknown), Trigger(chars="("))  # "(": an acronym spelled out

    def _swapped_acronyms(self, found: list[tuple[Token, str, str]]) -> Iterator[Violation]:
        """An acronym the story spells out and writes again, written once with two neighbouring
        letters swapped (`ABD` beside "Asian Development Bank (ADB)"): `swapped_acronyms`, found.
        The fix is a guess: the story may name another body after all."""
        for tok, slip, meant in found:
            if self.context.accepts(slip):
                continue
            span = Span(tok.span.start, tok.span.start + len(slip))
            yield self.violation(
                span,
                f"unknown acronym {slip!r}: {meant!r} with two letters swapped? "
                f"(the story spells {meant!r} out)",
                Fix.unsafe(f"Replace with {meant!r}", Edit.replace(span, meant)),
            )

    def _candidate_tokens(
        self,
        doc: Document,
        selected: AbstractSet[str],
        capitals: AbstractSet[str],
        rare_slips: AbstractSet[str],
        openers: AbstractSet[str],
        others: AbstractSet[str],
        desk_capitals: AbstractSet[str],
    ) -> tuple[list[Token], AbstractSet[str] | None]:
        """The tokens `check` looks at beyond their letters, in order: those of the lowercase
        candidates, and of the capitalised ones (`openers`, `_opening_capital`'s among the
        candidates) only where they open a sentence (elsewhere a capitalised word is a name,
        cleared by its letters) or, with a desk profile, where the desk writes a common word one
        slip from them (`desk_capitals`, `_desk_capital_slips`). A known name's tokens
        (`_known_text`: Clinton opening a sentence) are left out where counting them could not
        take the story past the not-English-copy limit (`_past_limit`): `check` would only count them.
        With them, the known names among `capitals | openers` (`check` reads them: selected once,
        not once here and again there), else None. Likewise left out then: the tokens of a
        capital candidate (`capitals`, not the desk's) that `_named_by_its_letters` finds a name
        (a name the story repeats and never writes in lowercase: more than half of the
        capitalised candidates' tokens), which `check` would clear at each use, and of one that
        `_cleared_at_every_use` clears (most of the rest: a name written once, no slip).
        (`selected`: the story's words `_unknown` passes; `rare_slips`: the `_rare_slip` test's
        among the openers that are no capital candidates, `others`: `openers - capitals`, made
        once a story by `check`.)"""
        rest = others
        if rare_slips or desk_capitals:  # (none in most stories; the desk's none without a profile)
            rest = rest - desk_capitals - rare_slips
        # `(selected - openers) | desk_capitals | capitals | rare_slips`: each of the last three
        # is among `selected`, so every word of it is in this or `rest`, and none in both
        wanted = selected - rest
        known = None
        if not (rest or capitals):
            return doc.words_among(wanted), known
        counts = doc.word_counts
        named: set[str] = set()  # (past the limit, a big file's: every token built, counted by `check`)
        if not _past_limit(doc, sum(map(counts.__getitem__, selected))):  # (`wanted | rest`)
            # every use of a word counted: no count of these tokens could pass the limit, so a
            # known name's uses (in most stories every word of `rest`) need not be built at all,
            # nor the uses of a capital candidate cleared at every use
            if rest:
                known = self._known_among(capitals, others)
                rest = rest - known  # (`rest` may be `others` itself: not changed in place)
            named = _cleared_at_every_use(doc, capitals, desk_capitals)
        if named:
            wanted = wanted - named
        if not rest:
            return doc.words_among(wanted), known
        # the rest only where they open a sentence: read from the same walk over the index
        # as the others (building every sentence's first token cost more, measured)
        return [t for t in doc.words_among(wanted | rest) if t.sentence_start or t.text not in rest], known

    def _may_be_unknown(self, text: str) -> bool:
        """The tests of `check` that read only the letters of a word, in its order: False when
        they clear every token written `text`, wherever it stands. (No word of the shapes it is
        not declared for passes: mixed case, McReigme; letters outside ASCII only, Zürich.)"""
        words = self._listed or self._listed_words()
        lower, letters = text.islower(), text.isalpha()
        if letters and not lower:
            # (a word of no capital passes neither capital test, nor one not of letters alone,
            # Reuters' or F-16, a third of a run's new words: not asked, nor kept in their memos;
            # a word whose lowercase is listed passes neither, which their compiled test reads
            # first: the `fails` tables clear nearly all before this call, and a capitalised
            # word they do not is answered by its declared shape and length, uncalled)
            # `capital_candidate(text) or _opening_candidate(text)`, their shared first test read
            # once (`unlisted_capital`, of the same length): a capitalised word that passes it
            # passes `_opening_candidate` whatever `capital_candidate` says, so only a word in
            # capitals (REIGME) is asked the rest of `capital_candidate` (`unlisted_name`); each
            # is weighed against the story's words
            form = unlisted_capital(text, CAPITAL_MIN_LENGTH, *unlisted_lists())
            return form == 1 or form == 2 and unlisted_name(text.capitalize())
        if letters:  # (lowercase, then) listed, shorter than three, or letters outside ASCII
            # (the list's words are all lowercase: a listed word is its own lowercase, looked up
            # with its hash, no copy made); else `_unknown_part`'s one part is the word itself,
            # tested here without the split and scan that find it
            if text in words or len(text) < MIN_LENGTH or not text.isascii():
                return False  # neither test below passes, nor any of its parts
            context, known_wrong = self.context, misspellings().keys()
            return not (
                text in known_wrong
                or context.accepts(text)
                or is_rare(text)
                and context.profile is None  # with a desk profile, a rare word may be a slip
                or text in unaccented_words()
            )
        if not lower or not text.isascii() and "’" not in text:
            return False
        # (`text` is its own lowercase here: `islower` passes no capital, nor a titlecase letter)
        if "-" in text and (text.replace("-", "") in words or text in words):
            return False
        # no part left to weigh in a word of plain listed pieces (most words here: year's,
        # little-known), cleared without the call that weighs them
        return not _plain_parts_listed(text, words) and self._unknown_part(text, words)

    def _listed_words(self) -> AbstractSet[str]:
        """`english().words`, kept once it is the built set (which stays): `_may_be_unknown` is
        asked about every new word, and the call costs as much as the lookup."""
        words = english().words
        if isinstance(words, BUILT):
            self._listed = words
        return words

    def _unknown_part(self, text: str, words: AbstractSet[str]) -> bool:
        """Whether a part of a lowercase word is left unknown by `check`'s tests of its letters.
        (Its own method: the closure its test builds cost each call of `_may_be_unknown`, which
        clears a word of plain listed pieces first, `_plain_parts_listed`: no part left.)"""
        known_wrong = misspellings().keys()
        return any(
            not (
                len(part) < MIN_LENGTH
                or part in words
                or part in known_wrong
                or self.context.accepts(part)
                or is_rare(part)
                and self.context.profile is None  # with a desk profile, a rare word may be a slip
                or part in unaccented_words()
            )
            for part, _ in _text_parts(text)
        )

    def suggest(self, profile: Profile) -> Iterator[Suggestion]:
        """`vocabulary`: the lowercase words no list knows that the desk writes in many stories
        (its jargon and wire shorthand), which the profile accepts already."""
        english_words, rare = english().words, rare_words()
        known = sorted(
            (
                (stories(profile, w), w)
                for w in profile.words
                if w.isalpha()
                and w.islower()
                and len(w) >= MIN_LENGTH
                and w not in english_words
                and w not in rare
                and w not in misspellings()
                and derivation(w) is None
                and profile.stories_with(w) >= profile.stories_with(w.capitalize())  # not a name in lowercase
                and desk_knows(w, profile)
            ),
            reverse=True,
        )[:SUGGESTED_WORDS]
        if known:
            words = sorted(w for _, w in known)
            yield Suggestion(
                "vocabulary",
                {"accept": words},
                f"words no English list has that the desk writes in {known[-1][0]:,} stories or more "
                f"(the {len(words)} most written)",
            )

    @property
    def _profile(self) -> Profile | None:
        return self.context.profile

    def _desk_capital_slips(self, doc: Document, opening: AbstractSet[str]) -> AbstractSet[str]:
        """The capitalised words among `opening` that are slips of a common word the desk
        writes capitalised (Feburary: February, Wendesday: Wednesday); names are NL202's.
        `check` looks at them wherever they stand, not only where they open a sentence. Empty
        without a desk profile."""
        profile = self._profile
        if profile is None or not opening:
            return frozenset()
        return {
            w
            for w in opening
            if (slip := desk_slip(w, profile)) is not None
            and profile.stories_with(w) == 0
            and capitalised_word(profile, slip.meant)
            and slip.meant not in doc.word_counts  # written right in the story too: NL202's report
        }

    def _desk_report(
        self, doc: Document, word: str, span: Span, case_lost: bool = False
    ) -> Iterator[Violation]:
        """A word the desk never writes (or hardly ever), one slip from a word it writes in many
        stories: reported with the desk's evidence, its fix a guess (unsafe). Not an inflection
        the lists know (plurals, -ise forms), nor, in a story typed in lowercase, whose names look
        like words, a word shorter than eight letters. Nothing without a desk profile."""
        profile = self._profile
        if profile is None or case_lost and len(word) < LONG_WORD or derivation(word) == "british":
            return
        slip = desk_slip(word, profile)
        if slip is None:
            return
        original = doc.slice(span)
        meant = match_case(original, slip.meant)
        others = ", ".join(repr(r) for r in slip.rivals[:2])
        message = f"unknown word {original!r}: {slip.evidence}" + (f" (or {others})" if others else "")
        yield self.violation(
            span,
            message,
            Fix.unsafe(f"Replace with {meant!r}", Edit.replace(span, meant)),
            _alternatives(original, span, slip.meant, list(slip.rivals)),
        )

    def _known_among(self, capitals: AbstractSet[str], others: AbstractSet[str]) -> AbstractSet[str]:
        """`self._known.select(capitals | others)`: the known names among a story's capitalised
        candidates (`others`: `openers - capitals`, `check`'s). Only `others` are asked (and
        remembered): a capital candidate passed `unlisted_name` (`_capital`'s test of a
        capitalised word; `_may_be_unknown`'s of the capitalised form of one in capitals), so its
        lowercase is no rare word and, capitalised, it is no known name: `_known_text` of it is
        two lookups, read here by set intersections. (They are mostly the story's own names,
        new to the test, whose calls cost more than these.)"""
        known = self._known.select(others)
        if capitals:
            known = known | (capitals & known_names()) | (capitals & self.context.vocabulary)
        return known

    def _known_text(self, text: str) -> bool:
        """A capitalised word that is a rare word, a known name or an accepted one: it reads
        nothing but the word (the `_known` letter test; each use of the word asked it)."""
        # the set first: the rare words are looked up in their sorted text
        return text in known_names() or is_rare(text.lower()) or self.context.accepts(text)

    def _capitalised_word(
        self, doc: Document, tok: Token, counts: Counter, ties: OnceWrittenNames, clear_slips: bool = True
    ) -> Violation | None:
        """A capitalised word (opening a sentence, `Reigme forces`, or inside one, `the Finanace
        Committee`) or a word of an all-capital headline (`BHP MINTERALS`) is a name unless the
        story, which writes it nowhere else in any case, writes a word one slip away: then it is
        that word's slip. Not a word beside another name, an English word's foreign form
        (Presse, Metall), a slip at the first letter (Kredit: names differ there) or, in a
        capitalised word, an unrelated letter in place of another (Genemation: a name differs
        from a word by any letter, a typist slips on a neighbouring key, a doubled, lost or
        swapped letter, a sound-alike), nor a word one edit from a name the story writes
        (Regaan beside Reagan: NL202's). Inside a sentence, from six letters (Herre, Linde). A headline's
        capitals are no name's, so its fix is as safe as the weighing makes it; a capitalised
        word in a sentence may still be a name (Spidey, spider): a guess."""
        # (`check` has cleared the known names: asked once per token, not twice)
        if _name_by_its_look(doc, tok):
            return None
        return self._weighed_capital(doc, tok, counts, ties, clear_slips)

    def _weighed_capital(
        self, doc: Document, tok: Token, counts: Counter, ties: OnceWrittenNames, clear_slips: bool
    ) -> Violation | None:
        """`_capitalised_word` past its first test (a name by its look): asked by `check` for a
        token `_plainly_a_name` found no name by its look, which it does not ask again."""
        part = tok.text.lower()
        # written again: a name, unless the story writes it in lowercase too ("acquisiton" in a
        # headline and the body), where it may be the slip of a common word the story uses
        repeated = counts[part] > 1
        capitals = tok.text.isupper()
        if repeated and not doc.word_counts.get(part) and not (clear_slips and may_be_swapped_slip(part)):
            return None  # a name: only a typist's habit (below) makes it a slip, and none can be one
        meant = clear_slip(part) if clear_slips else None  # a clear slip, evidence or not: Bangaldesh
        swapped = meant is not None and habit_slip(part, meant)
        # the same two letters swapped each time is the typist's habit (Norweigan twice), not a
        # name's spelling, unless the word stands beside a name somewhere (Robert Kronberg)
        habit = swapped and repeated and not any(beside_a_name(doc, t) for t in doc.words_among({tok.text}))
        if repeated and not doc.word_counts.get(part) and not habit:
            return None
        # beside a name, only a typist's clear slip is reported (Prime Minsiter Yasuhiro)
        named = not capitals and beside_a_name(doc, tok)
        if named and not (meant is not None and typed_slip(part, meant)):
            return None
        near = _listed_one_edit_away(part)
        forms: dict[str, int] = {}
        if capitals and not any(counts[c] for c in near):
            # a headline's capitals may be another form of the body's word (AQUIRES: "acquired")
            forms = _story_forms(part, near, counts)
        evidence = any(
            (counts[c] or c in forms)
            and c[0] == part[0]
            and not foreign_form(part, c)
            and (capitals or slip_cost(part, c) < ANY_SLIP)
            for c in near
        )
        # (named, a word has a clear slip: past here) No story word one slip away and no clear
        # slip: nothing but a tie can make it a slip, and none does (most names) or it is
        # repeated: None, as the tests below would end, decided before them.
        if not evidence and meant is None and (repeated or ties.slip_of(tok.text) is None):
            return None
        if not_a_word(doc.text, tok.span) or in_foreign_phrase(doc.text, tok.span):
            return None  # Fondation pour l'Enfance: a name in another language
        if derivation(part) in INFLECTIONS and _missing_apostrophe(part) is None:
            return None  # NONACCRUALS, Privatised: English, though no list has them (Thats is That's)
        if _short_in_sentence(tok):
            return None  # Herre, Linde, Liffe, Graan: short capitalised words are mostly names
        if named or not evidence:
            if meant is None and not repeated:
                return self._tie_report(doc, tok, ties)  # Activison beside one Activision
            if meant is None or repeated and not habit or _written_as_another_name(doc, tok.text):
                return None
            return self._clear_slip_report(doc, tok, meant)
        if _written_as_another_name(doc, tok.text):
            return None
        if repeated:
            return self._report(doc, part, tok.span, counts, guess_only=True)
        others = _Amended(counts)
        others.base, others.added = counts, (part, *forms)
        others.size = _story_size(counts) - 1 + sum(forms.values())
        others[part] -= 1  # the story's other uses: a word it writes right once is evidence
        others.update(forms)  # ... and its other forms, a guess's evidence only
        found = self._report(doc, part, tok.span, others, evidence_only=True, guess_only=not capitals)
        fix = found.fix if found is not None else None
        if found is None or fix is None or fix.edits[0].content.lower() not in forms:
            return found
        meant = fix.edits[0].content
        return replace(
            found,
            message=f"unknown word {tok.text!r}: the story writes another form of {meant.lower()!r}",
            fix=replace(fix, applicability=min(fix.applicability, Applicability.UNSAFE)),
        )

    def _tie_report(self, doc: Document, tok: Token, ties: OnceWrittenNames) -> Violation | None:
        """A name the story writes once each way (a tie NL202 leaves alone), where only the other
        form holds an English word at its start or end and this one breaks it (`Activison`
        beside one `Activision`: vision). Reported, its fix a guess. Left to NL202 where the
        vocabulary accepts the other form or the desk's archive settles the pair."""
        found = ties.slip_of(tok.text)
        if found is None:
            return None
        meant, word = found
        profile = self._profile
        if self.context.accepts(meant) or (
            profile is not None and preferred(profile, meant, tok.text, DESK_NAME_STORIES) is not None
        ):
            return None
        original = doc.slice(tok.span)
        return self.violation(
            tok.span,
            f"unknown word {original!r}: the story writes {meant!r} once too, with the word {word!r} whole",
            Fix.unsafe(f"Replace with {meant!r}", Edit.replace(tok.span, meant)),
        )

    def _rare_slip_report(self, doc: Document, tok: Token, counts: Counter) -> Violation | None:
        """A rare word written capitalised inside a sentence, as a name no list knows, once in
        the story and beside no name, that the misspelling list records as the slip of a listed
        name's word inside a longer word (`the Artic circle`: antartic, antarctic): that name's
        slip. Reported, its fix a guess."""
        meant = rare_capital_slip(tok.text)
        if meant is None or tok.sentence_start or counts[tok.text.lower()] != 1:
            return None  # an opening capital is no sign of a name; written again: the writer's word
        if self.context.accepts(tok.text) or beside_a_name(doc, tok) or not_a_word(doc.text, tok.span):
            return None  # Mathew Tait, Carlos Moya: a surname
        if in_company_tag(doc.text, tok.span) or in_foreign_phrase(doc.text, tok.span):
            return None  # the Darb al-Sim: a name in another language
        original = doc.slice(tok.span)
        written = match_case(original, meant)
        known = "a slip the list of misspellings knows"
        return self.violation(
            tok.span,
            f"rare word {original!r} written as a name; did you mean {written!r}? ({known})",
            Fix.unsafe(f"Replace with {written!r}", Edit.replace(tok.span, written)),
        )

    def _clear_slip_report(self, doc: Document, tok: Token, meant: str) -> Violation:
        """A capitalised word that is a clear slip of a common word or a listed name (`clear_slip`),
        though the story writes neither: reported, its fix a guess (it may still be a name)."""
        original = doc.slice(tok.span)
        written = match_case(original, meant)
        return self.violation(
            tok.span,
            f"unknown word {original!r}; did you mean {written!r}?",
            Fix.unsafe(f"Replace with {written!r}", Edit.replace(tok.span, written)),
        )

    def _report(
        self,
        doc: Document,
        part: str,
        span: Span,
        counts: Counter,
        evidence_only: bool = False,
        guess_only: bool = False,
    ) -> Violation | None:
        if _too_long(part):
            return None  # no listed word is one edit away: a pasted blob, not a slip (and linear cost)
        if _plural_of_ing_noun(part):
            return None
        glued = _glued_contraction(part)
        if glued is not None:
            written = match_case(doc.slice(span), glued)
            return self.violation(
                span,
                f"unknown word {doc.slice(span)!r}: a contraction run into the next word ({written!r})",
                Fix.unsafe(f"Replace with {written!r}", Edit.replace(span, written)),
            )
        accented = accent_lost().get(part)
        if accented is not None and not evidence_only:
            written = match_case(doc.slice(span), accented)
            return self.violation(
                span,
                f"unknown word {doc.slice(span)!r}: {written!r} with its accented letter lost?",
                Fix.unsafe(f"Replace with {written!r}", Edit.replace(span, written)),
            )
        candidates = listed_edits(part)
        if evidence_only and not _more_used(candidates, part, counts):
            return None  # no evidence can be found (`suggestions`' below is among these words)
        evidence, others = suggestions(part, counts, candidates)
        if not evidence and not others and not evidence_only and counts[part] < 2:
            others = _two_slips_from(part)  # "succesfull", "statmenet": no word one edit away
            guess_only = guess_only or bool(others)
        fronted = _after_a_glued_dash(doc.text, span)
        if fronted:  # "gymnastics -roduced": the dash took the first letter; only those words fit
            evidence, others = _front_letter_added(part, evidence, others)
        frequent = False
        if not evidence and not evidence_only and counts[part] > 1:
            evidence = _repeated_slip_of(part, others, counts)
            guess_only = guess_only or bool(evidence)  # the story repeats it: a guess, never unattended
            if evidence and not counts[evidence[0]]:
                # "unitl" twice: a slip of one of the commonest words, which is the reading
                # (the story's "unit" is no evidence: a word it writes right, it did not slip on)
                others, evidence, frequent = evidence, [], True
        if not frequent and not _worth_reporting(part, evidence, others, counts, evidence_only):
            return None
        if not evidence and not _common_candidate(others) and derivation(part) is not None:
            guess_only = True  # adverserial parses as adverse + rial: a rival reading, however weak
        original = doc.slice(span)
        late = _space_typed_late(doc.text, span, part)
        if late is not None:
            both, words = late
            written = match_case(original, words)
            return self.violation(
                both,
                f"unknown word {original!r}: a space typed one letter late? ({written!r})",
                Fix.unsafe(f"Replace with {written!r}", Edit.replace(both, written)),
            )
        context = context_of(doc.text, span)
        variety = stated_variety(self.context.locale, self.context.style)
        message, best, applicability, ranked = _verdict(
            original, part, evidence, others, counts, context, variety, fronted
        )
        if guess_only:
            applicability = min(applicability, Applicability.UNSAFE)
        if best == _missing_apostrophe(part) and best.endswith("'s") and _apostrophe_after(doc.text, span):
            span = Span(span.start, span.end + 1)  # "childrens'" is "children's", not "children's'"
        written = match_case(original, best)  # SIGNES -> SIGNS, Reigme -> Regime
        return self.violation(
            span,
            message,
            Fix(f"Replace with {written!r}", (Edit.replace(span, written),), applicability),
            _alternatives(original, span, best, ranked),
        )


def _short_slip(doc: Document, tok: Token, counts: Counter, total: int) -> bool:
    """A short word that NL106 reads as a slip in a function word ("hte"). `total`: the
    story's words, `counts.total()`, summed once per story, not once per word."""
    return reading_at(doc, tok, short_slip, counts, total) is not None


def _run_together(doc: Document, tok: Token, part: str, span: Span, counts: Counter, total: int) -> bool:
    """A whole lowercase word that NL104 reads as two words run together ("inthe")."""
    if part != tok.text or len(part) <= MIN_LENGTH or not is_unknown(part):
        return False
    return reading_at(doc, tok, split_reading, counts, total) is not None


Reading = TypeVar("Reading")  # what a rule's reading of a token answers (`reading_at`)


def reading_at(
    doc: Document,
    tok: Token,
    read: Callable[[str, Context, Counter, int], Reading | None],
    counts: Counter,
    total: int,
    keep: bool = True,
) -> Reading | None:
    """`read(tok.text, context_of(doc.text, tok.span), counts, total)`, remembered for the story:
    NL101 asks NL104's and NL106's readings (`split_reading`, `short_slip`) of an unknown word
    before it leaves the word to them, and each asks again of the same tokens (1,903 of a corpus
    run's 3,764 split readings, 182 of 426 short slips). `counts` and `total`: the story's
    counts (`story_counts`) and their total, as the rules read them. `keep`: remember the
    answer (NL101's); the rule that asks last keeps none and takes NL101's out (a big file's
    would be held while the rules run: 1.8 MB of its peak)."""
    found = doc.derived(_readings)
    key = (read, tok.span.start)
    if key in found:
        return found[key] if keep else found.pop(key)
    reading = read(tok.text, context_of(doc.text, tok.span), counts, total)
    if keep:
        found[key] = reading
    return reading


def _readings(doc: Document) -> dict[tuple[Callable[..., object], int], Any]:
    """`reading_at`'s answers for a story, by the reading and the start of the token read."""
    return {}


_NEXT_WORD = re.compile(r" ([a-z]+)\b")


def _space_typed_late(text: str, span: Span, part: str) -> tuple[Span, str] | None:
    """A space typed one letter too late: "legislationd rafted" is "legislation drafted". The
    typo less its last letter is a word, and that letter with the next word makes a word
    commoner than the next word alone. Returns the span of both words and what to write."""
    after = _NEXT_WORD.match(text, span.end)
    if after is None or len(part) < SHORT_WORD or len(after.group(1)) < MIN_LENGTH:
        return None
    if _missing_apostrophe(part) is not None:
        return None  # "countrys top" is "country's top": the typo explained by itself
    words = english()
    head, joined, tail = part[:-1], part[-1] + after.group(1), after.group(1)
    if head not in words.words or joined not in words.words:
        return None
    if tail in words.words and words.frequency_rank(joined) >= words.frequency_rank(tail):
        return None
    return Span(span.start, after.end()), f"{head} {joined}"


def _alternatives(original: str, span: Span, best: str, candidates: list[str]) -> tuple[Fix, ...]:
    """The next likeliest words after `best`, as the weighing ranks them, each a display-only fix an
    editor may pick from a menu; `--fix` never applies them."""
    rest = [c for c in dict.fromkeys(candidates) if c != best][:SHOWN_ALTERNATIVES]
    cased = (match_case(original, c) for c in rest)
    return tuple(Fix.display_only(f"Replace with {c!r}", Edit.replace(span, c)) for c in cased)


REPEATED_MIN_LENGTH = 5  # a repeated word this long, one slip from a story word, may be its slip


def _repeated_slip_of(part: str, candidates: list[str], counts: Counter) -> list[str]:
    """A word the story repeats is jargon or a name unless it is one ordinary slip from a common
    word the story writes too ("acquisiton" in the headline and the body, "acquisition" once),
    or from one of the 500 commonest words ("unitl" twice: until), which no jargon is built
    from by a slip: that word, as the story's evidence; else none."""
    if len(part) < REPEATED_MIN_LENGTH:
        return []
    words = english()
    return [
        c
        for c in candidates
        if " " not in c
        and words.frequency_rank(c) < (COMMON_RANK if counts[c] else VERY_COMMON_RANK)
        and slip_cost(part, c) <= COMMON_SLIP
        and (counts[c] or derivation(part) is None)
    ][:1]


TWO_SLIP_MIN_LENGTH = 7  # a word this long with no word one edit away may be two slips from one
TWO_SLIP_COST = 2.0  # two ordinary slips at most (a doubled letter lost and another added, a swap)


def _two_slips_from(part: str) -> list[str]:
    """The common word two ordinary slips from a word that no listed word is one edit from
    ("succesfull": successful; "statmenet": statement), when it begins as the typo does and no
    other word is as near (a longer form of it may be: successfully); else none. Not a word
    that parses as a prefix and a word, or as two words of three letters or more (sunseed,
    signups: jargon is built so). Its fix is a guess."""
    if len(part) < TWO_SLIP_MIN_LENGTH or derivation(part) is not None or _two_words(part):
        return []
    near = sorted((slip_cost(part, w), w) for w in two_slip_words(part))
    if not near or near[0][0] > TWO_SLIP_COST:
        return []
    best = near[0][1]
    rivals = [w for cost, w in near[1:] if cost - near[0][0] < NEAR_SLIP_GAP and not w.startswith(best)]
    if rivals:
        return []  # two words about as near (another form of the word aside): no reading to offer
    return [best]


def _two_words(word: str) -> bool:
    """Two listed words of three letters or more written as one (sun + seed, sign + ups)."""
    words = english().words
    return any(word[:i] in words and word[i:] in words for i in range(3, len(word) - 2))


def _worth_reporting(
    part: str, evidence: list[str], others: list[str], counts: Counter, evidence_only: bool
) -> bool:
    """Whether an unlisted word is a typo to report, from its candidates and the story. (The
    tests that read only the candidates and the count come before the word's `derivation`,
    which can only say no too: most words it drops have no candidate, and a new word's
    derivation walks its prefixes and splits.)"""
    if evidence or evidence_only:
        return bool(evidence)
    if not others:
        return False  # nothing one edit away: a rare or foreign word, not a typo we can name
    if counts[part] >= 2:
        return False  # used twice with no likelier word nearby: jargon, not a slip
    if not _obvious_slip(others) and not _sole_long_slip(part, others):
        derived = derivation(part)
        if derived in INFLECTIONS or derived is not None and not _common_candidate(others):
            return False  # "prewent" parses as pre + went, but "present" is one edit away
    return True


SAFE_SHARE = 0.97  # a safe fix: the candidate holds this share of belief at least
TWO_SLIPS = 1.0  # a word found two slips away pays this beyond its slip cost
SOLE_SHARE = 0.995  # no rival worth naming
GUESS_SHARE = 0.6  # an unsafe fix: the best guess holds this share; below it, display-only
MENTION_SHARE = 0.01  # a message names the other candidates that hold this share at least
NEAR_SLIP_GAP = 0.5  # two candidates whose slips differ by less are equally near the typo
NEARER_SLIP = 0.9  # a candidate nearer by this much is a whole slip nearer (a neighbouring key)
RIVAL_SHARE = 0.1  # a rival a slip nearer that holds this share keeps the fix display-only
# Past the 55,000 most frequent words the word list is alphabetical: words the frequency list
# never counted (placemen, durative, agro, qty; and a few common ones it lacks, afternoon). A
# guess into one, unsupported by the story, is a dictionary-only guess: shown, not applied. (A
# safe fix is sure on other grounds: "aftenoon" has one neighbour.)
UNCOUNTED_RANK = 55000
COMMON_SLIP = 1.0  # one ordinary slip (a neighbouring key, a doubled or lost letter, a swap)
ANY_SLIP = 2.0  # one slip of any kind (not at the first letter)


def _verdict(
    original: str,
    part: str,
    evidence: list[str],
    others: list[str],
    counts: Counter,
    context: Context,
    variety: str | None = None,
    fronted: bool = False,
) -> tuple[str, str, Applicability, list[str]]:
    """(message, the suggested word, how safe the fix is, the words worth offering, most likely
    first). `variety`: "us" or "gb" when the desk stated one (locale or house style). `fronted`:
    the candidates are the typo with a first letter put back, and none other is sought."""
    apostrophe = _missing_apostrophe(part)
    if apostrophe is not None:
        # "dont" is "don't" (safe); "childrens" is probably "children's", but "companys" may be
        # "companies", and "thats" beside a story full of "that" is still "that's": a guess
        safe = apostrophe.endswith("n't")
        return (
            f"unknown word {original!r}; did you mean {apostrophe!r}?",
            apostrophe,
            Applicability.SAFE if safe else Applicability.UNSAFE,
            [apostrophe],
        )
    if fronted:
        near, paired = set(), None
    else:
        found, followers, preceders = context.paired_candidates(part, _story_words_near(part, counts))
        near, paired = {*found}, (followers, preceders)
        near |= two_slip_words(part)
    near -= {*evidence, *others}
    candidates = [*evidence, *others, *near]
    weighed = weigh(
        part,
        candidates,
        context,
        # the story's words are likelier (`get`: an absent word's 0 without Counter's __missing__)
        {w: uses for w in [*evidence, *others] if (uses := counts.get(w, 0))},
        story_size=_story_size(counts),
        extra_cost=dict.fromkeys(near, TWO_SLIPS),
        paired=paired,  # (a candidate's pair with a neighbour looked up only where the table holds it)
    )
    best, spelling_sure = _spelling(weighed, counts, variety)
    typed = _typed_ending(part, best, weighed)
    if typed is not best:
        best, spelling_sure = typed, False  # the typo's ending chose the form: a guess at most
    # the other words worth naming: those that hold a little of the belief at least
    ranked = [best.word, *(w.word for w in weighed[:3] if w.word != best.word and w.share >= MENTION_SHARE)]
    listed = ", ".join(repr(w) for w in ranked[:3])
    if best.word in evidence:
        form = _another_form_of(part, best.word, others)
        if form is not None:
            return (
                (
                    f"unknown word {original!r}; did you mean {form!r}? (the story uses {best.word!r} "
                    f"{_times(counts[best.word])})"
                ),
                form,
                Applicability.UNSAFE,
                [form, best.word],
            )
        message = f"unknown word {original!r}: the story uses {best.word!r} {_times(counts[best.word])}"
    else:
        message = f"unknown word {original!r}; did you mean {listed}?"
    applicability = _safety(part, best, evidence, weighed)
    # (`near`'s words the counts hold, read by one intersection in C: most of `near` the story
    # never writes, and a generator's step for each cost more; a use taken away leaves a 0)
    if best.word not in evidence and any(
        counts[w] and not _forms_of_one_word(w, best.word) for w in counts.keys() & near
    ):
        # the story writes a word two slips away ("a higher volatily": volatility, 3 times)
        applicability = min(applicability, Applicability.UNSAFE)
    if not spelling_sure:
        applicability = min(applicability, Applicability.UNSAFE)
    if applicability is Applicability.UNSAFE and best.word not in evidence and _uncounted(best.word):
        applicability = Applicability.DISPLAY_ONLY  # "a duratve aspect": durative, never counted
    return message, best.word, applicability, ranked


def _typed_ending(typo: str, best: Weighed, weighed: list[Weighed]) -> Weighed:
    """The form of the best word that ends as the typo does, when it is as near the typo or
    nearer, with the belief of both (one word; the typo's ending chose its form): "trade
    deicits" is "deficits", "certificate holdes" "holders", "the industry requries" "requires".
    The final letter is rarely the slip, and the pair table, which counts "trade deficit" far
    more often than "trade deficits", cannot tell the forms of a word apart by their neighbours."""
    if not typo.endswith("s") or best.word.endswith("s"):
        return best
    form = next(
        (
            w
            for w in weighed
            if w.word.endswith("s") and w.slips <= best.slips and _forms_of_one_word(w.word, best.word)
        ),
        None,
    )
    if form is None:
        return best
    return form._replace(share=best.share + form.share, attested=best.attested or form.attested)


def _spelling(weighed: list[Weighed], counts: Counter, variety: str | None) -> tuple[Weighed, bool]:
    """The best candidate, and whether its spelling is sure. When the other spelling of the same
    word is about as close to the typo ("harbur": harbour, harbor), the two are one word, and
    which to write is the story's or the desk's choice, not the weighing's: the spelling the
    story uses, else the stated variety's; with neither, the weighing's pick is a guess. (When
    the typo's own letters show the spelling, "orgainsations", the other is a slip further.)"""
    best = weighed[0]
    entry = variants().get(best.word)
    if entry is None:
        return best, True  # (most words: no other spelling to find among the candidates)
    twin = next((w for w in weighed if w.word == entry.other), None)
    if twin is None or abs(twin.slips - best.slips) >= COMMON_SLIP:
        return best, True
    both = best.share + twin.share
    if counts[best.word] or counts[twin.word]:
        chosen = best if counts[best.word] >= counts[twin.word] else twin
    elif variety is not None:
        chosen = best if entry.variety == variety else twin
    else:
        return best, False
    return chosen._replace(share=both, attested=best.attested or twin.attested), True


def _safety(part: str, best: Weighed, evidence: list[str], weighed: list[Weighed]) -> Applicability:
    """Safe when the story or the reading leaves no doubt: the candidate holds nearly all the
    belief and is one slip away, and the story uses it, or it reads with its neighbours (a
    common pair), or it is the neighbour of a long word (long words have few) or has no rival
    at all. A rival as near the typo that lost only on how common it is ("container leasees":
    leases, lessees) leaves doubt unless the story or the reading settles it. A likely guess is
    unsafe; a weak one display-only."""
    if best.share < GUESS_SHARE or _nearer_rival(best, weighed):
        return Applicability.DISPLAY_ONLY
    if best.word not in evidence and best.share < SOLE_SHARE and _as_near_rival(best, weighed):
        return Applicability.UNSAFE
    long_word = len(part) >= LONG_WORD
    if (
        len(part) < SHORT_WORD
        or len(part) == SHORT_WORD
        and (best.word not in evidence or best.share < SOLE_SHARE)
    ):
        return Applicability.UNSAFE  # "ine", "cust": short words have many neighbours
    supported = best.word in evidence or best.attested or long_word or best.share >= SOLE_SHARE
    one_slip = best.slips <= (ANY_SLIP if long_word or best.word in evidence else COMMON_SLIP)
    if best.share >= SAFE_SHARE and supported and one_slip and " " not in best.word:
        return Applicability.SAFE
    return Applicability.UNSAFE


def _uncounted(word: str) -> bool:
    """A word (or a word of two) the frequency list never counted."""
    return max(map(english().frequency_rank, word.split())) >= UNCOUNTED_RANK


def _nearer_rival(best: Weighed, weighed: list[Weighed]) -> bool:
    """A rival a whole slip nearer the typo that still holds a tenth of the belief: the best won
    on how common it is and how it reads, against the likelier slip ("or relasing the films":
    relating, releasing; "shut down for refuling": refusing, refueling). Two readings are close:
    the editor chooses. (The share first: few rivals hold a tenth, and each slip's `round`
    cost more than the test of its share; and a difference short of a slip by more than the
    rounding can move it is not rounded: `round` to six places formats the float, 2,000
    instructions. A loop, not `any` over a generator: a weighing has six candidates or so.)"""
    for w in weighed:
        if w.share >= RIVAL_SHARE:
            nearer = best.slips - w.slips
            if nearer >= NEARER_SLIP - ROUNDED_OFF and round(nearer, 6) >= NEARER_SLIP:
                return True
    return False


ROUNDED_OFF = 1e-6  # more than `round(x, 6)` moves a number (half a millionth at most)


def _as_near_rival(best: Weighed, weighed: list[Weighed]) -> bool:
    """Another word one ordinary slip from the typo, as near as the best or nearer by less than
    a slip's difference. Another form of the best word (building, buildings) or its other
    spelling is no rival: the weighing of the context chose between them. (The other spelling
    is looked up only for a word as near, the table's lookup made for none in most weighings.)"""
    twin: str | None = ""  # not looked up yet ("" is no candidate)
    for w in weighed:
        word = w.word
        if word == best.word or w.slips > COMMON_SLIP or w.slips - best.slips >= NEAR_SLIP_GAP:
            continue
        if twin == "":
            entry = variants().get(best.word)
            twin = entry.other if entry is not None else None
        if word != twin and not _forms_of_one_word(word, best.word):
            return True
    return False


_INFLECTIONS = (("ies", "y"), ("ied", "y"), ("es", ""), ("s", ""), ("ed", ""), ("ed", "e"), ("ing", ""))


def _forms_of_one_word(a: str, b: str) -> bool:
    """Two inflections of one word ("system", "systems"; "maturity", "maturities"; "applied",
    "applies"), not two words of one root ("volatile", "volatility")."""
    return bool(_stems(a) & _stems(b))


_ENDINGS = ("", "s", "es", "ed", "d", "ing")


def _story_forms(part: str, near: AbstractSet[str], counts: Counter) -> dict[str, int]:
    """The words one edit from `part` that the story does not write but writes another form of
    (acquires: "acquired"; accepts: "accepted"), each with the uses of those forms."""
    words = english().words
    found = {}
    for c in near:
        if counts[c] or c[:1] != part[:1]:
            continue
        forms = {stem + end for stem in _stems(c) for end in _ENDINGS}
        forms |= {stem[:-1] + "ing" for stem in _stems(c) if stem.endswith("e")}
        uses = sum(counts[f] for f in forms - {c, part} if f in words)
        if uses:
            found[c] = uses
    return found


def _stems(word: str) -> set[str]:
    stems = {word}
    for suffix, base in _INFLECTIONS:
        if word.endswith(suffix) and len(word) - len(suffix) >= SHORT_WORD - 1:
            stems.add(word[: -len(suffix)] + base)
    return stems


def _story_words_near(part: str, counts: Counter) -> list[str]:
    """The story's listed words two slips from the typo or nearer (`near_words`, which the caller
    applies to these words anyway), in the story's order: picked from every word by the compiled
    `near_words` first (a walk in Python over the story's words, for their length and the list,
    cost five times as much). A big file's are read from its listed words joined in one line and
    indexed by length (`near_words_in_index`: the block of words within two letters of the
    typo's length, each passed over by its letters' bits without reading its text), or its many
    typos would each walk all its words (a square: near_words over lists of 10,000 words by
    length, a string object read for each, cost the 10 MB file 0.4 s)."""
    if len(part) < LONG_WORD - 3:
        return []
    amended = counts if isinstance(counts, _Amended) else None
    base = counts if amended is None else amended.base
    words = english().words
    if len(base) < INDEX_WORDS_FROM:
        return [w for w in near_words(part, counts) if w in words]
    line, index = _english_line(base)
    found = near_words_in_index(part, line, index)
    if amended is not None:
        found += near_words(part, [w for w in amended.added if w in words and w not in base])
    return found


class _Amended(Counter):
    """A story's counts copied and changed (a word's use taken away, words added), which knows
    the counts it was copied from, the words added and its total (`_story_size`), for
    `_story_words_near` and the weighing."""

    base: Counter
    added: tuple[str, ...]
    size: int


INDEX_WORDS_FROM = 5_000  # distinct words from which a story's English words are indexed by length
# The line of the last story that needed one: (its counts, weakly; their size; the line; its index).
_LINE: list[tuple[weakref.ref[Counter], int, str, bytes]] = []


def _english_line(counts: Counter) -> tuple[str, bytes]:
    """The words of `counts` in the English word list, in their order, joined by spaces, and the
    line's `line_index`."""
    known = _LINE[0] if _LINE else None  # one read: another thread may replace it
    if known is not None and known[0]() is counts and known[1] == len(counts):
        return known[2], known[3]
    words = english().words
    line = " ".join([w for w in counts if w in words])
    index = line_index(line)
    _LINE[:] = [(weakref.ref(counts), len(counts), line, index)]
    return line, index


# The total of the last story counts weighed against: (the counts, weakly; their size; the total).
_TOTAL: list[tuple[weakref.ref[Counter], int, int]] = []


def _story_size(counts: Counter) -> int:
    """`counts.total()`, the number of words the story writes, summed once a story (the counts are
    read-only; `_Amended` knows its own): a big file's 30,000 distinct words were summed for
    each typo weighed."""
    if isinstance(counts, _Amended):
        return counts.size
    known = _TOTAL[0] if _TOTAL else None  # one read: another thread may replace it
    if known is not None and known[0]() is counts and known[1] == len(counts):
        return known[2]
    total = counts.total()
    _TOTAL[:] = [(weakref.ref(counts), len(counts), total)]
    return total


def context_of(text: str, span: Span) -> Context:
    """The words either side of `span`, lowercase, when only spaces (or one line break) separate
    them from it; None where punctuation, a blank line or the text's edge stands between."""
    return Context(*neighbours(text, span.start, span.end))


_RIGHT_WORD = re.compile(r"[ \t]*\n?[ \t]*([A-Za-z]+)")
NEIGHBOUR_REACH = 40


_GAP = frozenset(" \t\n")
# (spelt out: importing `string` for its `ascii_letters` cost every run 2.7 M instructions, measured)
_ASCII_LETTERS = frozenset("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ")


def _word_left(text: str, start: int) -> str | None:
    """The word before `start`, lowercase, when only spaces and tabs with one line break stand
    between (or two, the second just before `start`), within NEIGHBOUR_REACH characters, and no
    letter, digit or joining mark before it; else None. What the search of
    r"([A-Za-z]+)[ \t]*\n?[ \t]*$" over that stretch finds, read back from `start` by hand: the
    search tried each place of the stretch, backtracking through each word (5 us a call for
    NL107's and NL101's neighbours, against 0.9; tests/test_unknown_word_context.py holds the
    two to the same answers)."""
    if start == 0 or not text[start - 1].isspace():
        return None
    low = max(0, start - NEIGHBOUR_REACH)
    end = start
    while end > low and text[end - 1] in _GAP:
        end -= 1
    breaks = text.count("\n", end, start)
    if breaks > 1 and not (breaks == 2 and text[start - 1] == "\n"):
        return None
    begin = end
    while begin > low and text[begin - 1] in _ASCII_LETTERS:
        begin -= 1
    if begin == end or begin > 0 and (text[begin - 1].isalnum() or text[begin - 1] in "'’-"):
        return None
    return text[begin:end].lower()


def _word_right(text: str, end: int) -> str | None:
    if end >= len(text) or not text[end].isspace():
        return None
    m = _RIGHT_WORD.match(text, end)
    if m is None or m.end() < len(text) and (text[m.end()].isalnum() or text[m.end()] in "'’-"):
        return None
    return m.group(1).lower()


def _neighbours(text: str, start: int, end: int) -> tuple[str | None, str | None]:
    return _word_left(text, start), _word_right(text, end)


neighbours: Callable[[str, int, int], tuple[str | None, str | None]] = (
    native.neighbours if native is not None else _neighbours
)
"""The words either side of text[start:end] (`context_of`'s, as a pair): compiled, a tenth of the
twin's instructions, for NL107's and NL101's thousands of calls a corpus."""


SHOWN_ALTERNATIVES = 3  # as many as a message lists
TAG_REACH = 80  # the longest company tag reached for, either side of a word

PREFIXES = (
    "pre",
    "non",
    "mid",
    "anti",
    "pro",
    "co",
    "re",
    "un",
    "over",
    "under",
    "out",
    "post",
    "sub",
    "super",
    "multi",
    "semi",
    "inter",
    "euro",
    "mega",
    "micro",
    "nano",
    "cyber",
    "eco",
    "bio",
    "geo",
    "tele",
    "ultra",
    "self",
    "counter",
    "cross",
    "mis",
    "dis",
    "de",
)


def _by_first_letter(prefixes: tuple[str, ...]) -> dict[str, tuple[str, ...]]:
    found: dict[str, tuple[str, ...]] = {}
    for prefix in prefixes:
        found[prefix[0]] = (*found.get(prefix[0], ()), prefix)
    return found


# PREFIXES by their first letter, in their order: `derivation` tries a word with those it may
# begin with (a slice and a test for each of the 33 cost two thirds of its instructions)
_PREFIXES_BY_LETTER = _by_first_letter(PREFIXES)


@functools.lru_cache(maxsize=4096)  # asked three times of a word reported, and story after story
def _missing_apostrophe(word: str) -> str | None:
    """The contraction or possessive the word is with its apostrophe put back (dont -> don't,
    childrens -> children's), when the word list knows exactly one such form. Remembered: a
    lookup of each form in the list, asked by `_space_typed_late`, `_verdict` and `_report` of
    each word reported and by `_weighed_capital` of an inflection."""
    words = english().words  # (the set itself: a form's test without `WordList.__contains__`'s call)
    if native is not None:  # each form looked up in the compiled table's bytes, no str made for it
        found = native.apostrophe_form(words, word)
        if found is not NotImplemented:
            return found
    return _apostrophe_form(words, word)


def _apostrophe_form(words: AbstractSet[str], word: str) -> str | None:
    """The one form of `word` with an apostrophe put in that `words` holds, else None: the twin
    of the compiled `apostrophe_form`."""
    found = [f for i in range(1, len(word)) if (f := f"{word[:i]}'{word[i:]}") in words]
    return found[0] if len(found) == 1 else None


_GLUED = re.compile(r"([a-z]+(?:n't|'re|'ll|'ve|'d|'m|'s))([a-z]+)")


def _apostrophe_after(text: str, span: Span) -> bool:
    return text[span.end : span.end + 1] in ("'", "’")


@once
def accent_lost() -> dict[str, str]:
    """Listed words with an accented letter, keyed by the word with those letters dropped, as
    scraped copy drops them ("Internet cafs": cafés). Only keys that are no word themselves and
    stand for one word."""
    words = english()
    found: dict[str, list[str]] = {}
    for w in accented_words():
        if "'" in w:
            continue
        bare = "".join(c for c in w if c.isascii())
        if len(bare) >= MIN_LENGTH and bare.isalpha() and bare not in words:
            found.setdefault(bare, []).append(w)
    return {bare: ws[0] for bare, ws in found.items() if len(ws) == 1}


def _after_a_glued_dash(text: str, span: Span) -> bool:
    """A word glued to a dash that follows a space (" -roduced"): in scraped copy the dash's
    mangled bytes took the word's first letter ("-taunch defense": staunch)."""
    return text[span.start - 2 : span.start] in (" -", "\n-")


def _front_letter_added(part: str, evidence: list[str], others: list[str]) -> tuple[list[str], list[str]]:
    """The candidates that are the typo with a first letter put back, or all of them when none is."""
    words = english()
    fronted = {c + part for c in "abcdefghijklmnopqrstuvwxyz"} & words.words
    if not fronted:
        return evidence, others
    kept = [c for c in evidence if c in fronted]
    return kept, sorted(fronted - set(kept), key=words.frequency_rank)


def _glued_contraction(word: str) -> str | None:
    """A contraction run into the next word ("aren'ta patch", "don'tthink"): the contraction is a
    listed word, its clitic ends it, and the letters after it are a common word. Written apart:
    "aren't a". (One slip from "aren't" it is too, but dropping the letters loses a word.)"""
    if "'" not in word:
        return None  # (every clitic of `_GLUED` has one: most words, without its backtracking)
    m = _GLUED.fullmatch(word)
    if m is None:
        return None
    words = english()
    head, tail = m.groups()
    if head not in words.words or words.frequency_rank(tail) >= COMMON_RANK:
        return None
    return f"{head} {tail}"


def _sole_long_slip(part: str, candidates: list[str]) -> bool:
    """A long word (eight letters or more) with one word one ordinary slip from it, a word the
    frequency list counts: "adverserial" (adversarial), "intergrating" (integrating) parse as
    adverse + rial and inter + grating, but a long word has few neighbours, and one a slip away
    is the likelier reading than a coinage no list has."""
    candidates = [c for c in candidates if " " not in c]
    if len(part) < LONG_WORD or len(candidates) != 1:
        return False
    word = candidates[0]
    return (
        english().frequency_rank(word) < UNCOUNTED_RANK
        and part[-2:] == word[-2:]  # not another ending: storylines, deferreds, houseware are words
        and slip_cost(part, word) < ANY_SLIP
    )


def _obvious_slip(candidates: list[str]) -> bool:
    """One candidate only, and a common word: a slip even when the word parses as a compound."""
    candidates = [c for c in candidates if " " not in c]
    return len(candidates) == 1 and english().frequency_rank(candidates[0]) < COMMON_RANK


def _another_form_of(typo: str, word: str, candidates: list[str]) -> str | None:
    """A candidate that is the story's `word` with an ending added, which the typo ends like:
    "devics" beside a story's "device" is likelier "devices", and "conventionaly" beside
    "conventional" likelier "conventionally". A guess either way, so never a safe fix.
    ("flighs" beside "flights" is not in doubt: "flight" is the shorter form.)"""
    return next(
        (c for c in candidates if " " not in c and c.startswith(word) and c[-1] == typo[-1] != word[-1]), None
    )


def _times(n: int) -> str:
    return f"{n} time{'s' * (n != 1)}"


def _plural_of_ing_noun(word: str) -> bool:
    """remodelings, reschedulings, borrowings: the one word an edit away is the singular, which
    makes the plural look like a slip, but a plural of an -ing noun is ordinary English."""
    return word.endswith("ings") and word[:-1] in english()


INFLECTIONS = ("plural", "british")  # derivations that stand even beside a common word one edit away


@functools.lru_cache(maxsize=8192)  # asked of one word by several tests, and again story after story
def derivation(word: str) -> str | None:
    """How a word missing from the lists can still be English, or None: "plural" (of a known
    noun), "british" (the -ise form of a listed -ize word: collateralised), "suffix" (a known
    word's -ness noun: clunkiness), "prefix" (a known word with a common prefix: reinsure) or
    "compound" (two known words run together: stockmarket; a noun and -man or -men: pacemen). A
    suffix, prefix or compound parse is weak evidence: "prewent" is pre + went."""
    words = english().words  # the set itself once built: the compound loop asks many times
    if word.endswith("ies") and word[:-3] + "y" in words:
        return "plural"
    ise = _BRITISH_ISE.search(word)
    if ise is not None:
        american = f"{word[: ise.start()]}iz{ise.group(1)}"
        if american in words or american in rare_words():
            return "british"
    if word.endswith("es") and word[:-2] in words and word[:-2].endswith(("s", "x", "z", "ch", "sh")):
        return "plural"
    if word.endswith("s") and not word.endswith(("ss", "ys")) and len(word) > 4 and word[:-1] in words:
        return "plural"
    if word.endswith("ness") and _adjective(word[:-4]):
        return "suffix"  # clunkiness, sogginess: a listed adjective's noun
    for prefix in _PREFIXES_BY_LETTER.get(word[:1], ()):
        rest = word[len(prefix) :]
        if word.startswith(prefix) and len(rest) >= 4 and (rest in words or rest in rare_words()):
            return "prefix"
    for i in range(4, len(word) - 3):
        if word[:i] in words and word[i:] in words:
            return "compound"
    if word.endswith(AGENT_HEADS) and len(word) - 3 >= SHORT_WORD and word[:-3] in words:
        return "compound"  # pacemen, paceman: a noun and -man, English's commonest compound head
    return None


AGENT_HEADS = ("man", "men")  # the three-letter head of a compound noun (seamen, linesman)


def _adjective(stem: str) -> bool:
    """A listed word, read back from its form before a suffix (clunki- is clunky)."""
    words = english()
    return stem in words or stem.endswith("i") and stem[:-1] + "y" in words


def _common_candidate(candidates: list[str]) -> bool:
    """One of the candidates (a lost space aside) is among the 20,000 commonest words."""
    words = english()
    return any(" " not in c and words.frequency_rank(c) < COMMON_RANK for c in candidates)


def rare_capital_slip(text: str) -> str | None:
    """A capitalised word (Artic) whose lowercase is only a rare word, itself no listed name, that
    the misspelling list records as the slip of a common word inside a longer word
    (`habit_slips_of`), the slip inside the word (not at its first or last letter: Elance is no
    slip of "lance", though resembelance holds it), where that word is a listed name too
    (Arctic): the name, the most frequent where several are. Else None."""
    if len(text) < CAPITAL_MIN_LENGTH or not (text.isascii() and text.isalpha()):
        return None
    if not (text[0].isupper() and text[1:].islower()) or text in known_names():
        return None
    word, words = text.lower(), english()
    if word in words.words or not is_rare(word):
        return None
    # the words `meant` keeps are listed names one edit away that open and end as `word` does:
    # without one, the list's text (85 KB, 100,000 instructions and more a word) is not searched
    near = names_one_edit_from(word)
    if not any(w[0] == word[0] and w[-1] == word[-1] and w in words.words for w in near):
        return None
    meant = [
        w
        for w in habit_slips_of(word)
        if w[0] == word[0]
        and w[-1] == word[-1]
        and words.frequency_rank(w) < COMMON_RANK
        and w.capitalize() in known_names()
    ]
    return min(meant, key=lambda w: (words.frequency_rank(w), w)).capitalize() if meant else None


def _rare_capital_slip_test(text: str) -> bool:
    """The `_rare_slip` letter test: `rare_capital_slip` finds a name. (`check` asks it of the
    openers that are no capital candidates: a capital candidate is no rare word, so passes not;
    nor does a known name, which its `fails` table clears.)"""
    return rare_capital_slip(text) is not None


def _capital_among_unknown(text: str) -> bool:
    """`capital_candidate` among the words `UnknownWord._may_be_unknown` passes (the `_capital`
    letter test, asked of those alone): a word in capitals (REIGME) passes, as `_may_be_unknown`
    passed it by `capital_candidate` (its declared shape and length answer it, uncalled), and a
    capitalised word (Reigme) passed `capital_candidate`'s first test there (`unlisted_capital`),
    so only the rest is asked (`unlisted_name`, the word its own capitalised form)."""
    if text.isupper():
        return text.isascii() and text.isalpha()  # (of its declared shapes alone, as the test is)
    return text.istitle() and text.isascii() and text.isalpha() and unlisted_name(text)


def _opening_candidate(text: str) -> bool:
    """`_opening_capital` with the word list. Not remembered: one compiled call, where a miss of
    a memo cost as much again, and most asks missed (20,250 misses and 3,116 hits a corpus run,
    measured, when `_may_be_unknown` and an opening letter test asked it). Neither asks it now:
    among the words `_may_be_unknown` passes, it passes the capitalised ones of ASCII letters
    (`Shape.CAPITAL`: that test passes capitalised words alone, `unlisted_capital`'s form 1, and
    `_may_be_unknown` passes a capitalised word only by the same first test, of the same length),
    which `check` reads by their shape (`LetterTest.select_shaped`): the definition they are
    tested against."""
    return unlisted_capital(text, OPENING_MIN_LENGTH, *unlisted_lists()) == 1


ANY_LENGTH = sys.maxsize  # a `LetterTest`'s `decided` length that every word is within


def _opening_capital(text: str, words: AbstractSet[str]) -> bool:
    """A capitalised word (Reigme, not REIGME or McReigme) whose lowercase form no list has."""
    return unlisted_capital(text, OPENING_MIN_LENGTH, words, misspellings().keys()) == 1


_MENTION = re.compile(
    r"(?<![\w-])(?:word|words|term|terms|called|dubbed|coined|nicknamed|spelled|spelt|known as)"
    r"[ \t]*[-–—:,]?[ \t]*[\"“‘']?$"
)
MENTION_REACH = 30  # the characters before a word read for the words that name it


def mentioned(text: str, span: Span) -> bool:
    """A word the story names as a word rather than uses: right after "the word", "the term",
    "called", "dubbed", "coined" (a dash, colon or quotation mark between): `the word "energie"`,
    `a new word - vlog`, `a practice dubbed "phishing"`. A coinage or a foreign word is
    introduced so; a slip is not. ("the long-term srategic value" names nothing.)"""
    low = max(0, span.start - MENTION_REACH)
    if not text[low : span.start].rstrip(_MENTION_TAIL).endswith(_MENTION_WORDS):
        return False  # no naming word ends the stretch: the search (tried at each place) cannot match
    return _MENTION.search(text, low, span.start) is not None


# What `_MENTION` allows after its word (spaces, a dash, colon or comma, a quotation mark, and the
# line break `$` matches before), and its words: a stretch it matches in ends with one of them
# once those characters are stripped from its end (the words end with letters, which are not).
_MENTION_TAIL = " \t-–—:,\"“‘'\n"
_MENTION_WORDS = (
    "word",
    "words",
    "term",
    "terms",
    "called",
    "dubbed",
    "coined",
    "nicknamed",
    "spelled",
    "spelt",
    "known as",
)


def not_a_word(text: str, span: Span) -> bool:
    """Letters that are not a word of the prose: the tail of a word cut by an HTML entity
    (B&#233;ziers), its head (communiqu&#233;), a file extension (.png files), a lowercase ticker."""
    before = text[span.start - 1] if span.start else " "
    after = text[span.end : span.end + 1]
    if before in ";&" or after == "&":
        return True
    if before == "(" and after == ":":
        return True  # an exchange or agency code: "(nyse: F - news)", "(otc: FJTSY)"
    if after in _CUT_STARTS and _CUT_SHORT.match(text, span.end):
        return True  # a word cut by a summary's "...": "discovered new identit ..."
    if _cut_by_punctuation(text, span):
        return True  # "a settlem,ent with", "the smal.0 pct": pieces of a garbled word
    if before == "." and (span.start < 2 or not text[span.start - 2].isalnum()):
        return True  # ".pls or .m3u files"
    return before in "<(" and _LOWER_TICKER.match(text, span.start) is not None


def _cut_by_punctuation(text: str, span: Span) -> bool:
    """A piece of a word a stray comma cut in two ("settlem,ent": the two pieces make a word),
    or letters glued to a figure by a stop ("the smal.0 pct"): garbled copy, not a slip."""
    # (each pattern tried only where the character after the word can open its match: the
    # call of a match cost more than the test, and most words are followed by a space)
    mark = text[span.end : span.end + 1]
    if mark == "." and _STRAY_STOP.match(text, span.end):
        return True
    word, words = text[span.start : span.end].lower(), english().words
    after = _PIECE_AFTER.match(text, span.end) if mark in _PIECE_MARKS else None
    if after is not None and word + after.group(1) in words:
        return True
    if text[span.start - 1 : span.start] not in _PIECE_ENDS:
        return False  # no comma or semicolon just before: the search below cannot match
    before = _piece_before(text, span.start)
    return before is not None and before.group(1).lower() + word in words


# The characters `_CUT_SHORT` and `_PIECE_AFTER` can open a match with (tuples: the empty string
# after a text's last word is in none).
_CUT_STARTS = (" ", ".", "…")
_PIECE_MARKS = (",", ";")


def _piece_before(text: str, start: int) -> re.Match[str] | None:
    """`re.search(r"([a-z]+)[,;]$", text, start - NEIGHBOUR_REACH, start)`: the letters (group
    1) before a comma or semicolon that ends the stretch before `start`."""
    return _PIECE_BEFORE.search(text[max(0, start - NEIGHBOUR_REACH) : start])


# The character before a word that `_PIECE_BEFORE` can match at: its mark, or the line break
# after it (`$` matches before a final one). Tested first: the search tries each of the forty
# characters before the word, each run of letters to its end (24,000 instructions a call).
_PIECE_ENDS = (",", ";", "\n")


def _written_as_another_name(doc: Document, text: str) -> bool:
    """The story writes, in the same case, a name one edit from `text` that is no English word:
    the naming rules judge a name spelled two ways (Regaan beside Reagan, where NL101 would
    guess "regain"). One edit from an English word the story writes capitalised (Manufacturng
    beside "Manufacturing", Wedndsday beside "Wednesday") it stays NL101's."""
    counts = doc.word_counts
    # a story's few hundred words are walked; a long text's (a file of thousands of stories read
    # as one) are looked up by the word's few hundred edits instead: the same answer, not a walk
    # over all its words for each word asked (95 asks cost 1.4 s in a 5 MB text)
    if len(counts) <= WALKED_WORDS_PER_LETTER * len(text):
        return _name_one_edit_away_walked(counts, text)
    return _name_one_edit_away_looked_up(counts, text)


# A story of up to this many distinct words a letter of the word asked about is walked (a walk's
# step is cheaper than making an edit and looking it up: 54 edits a letter).
WALKED_WORDS_PER_LETTER = 150


def _name_one_edit_away_walked(counts: Mapping[str, int], text: str) -> bool:
    """`_written_as_another_name` by a walk over the story's words: those of about its length
    (one edit changes it by one at most) written as a name is (Reagan, REAGAN), by the lowercase
    word they write, looked up among the word's edits."""
    cased, size, word = text.isupper(), len(text), text.lower()
    words = english().words
    for written, uses in counts.items():
        if -1 <= len(written) - size <= 1 and uses and written != text:
            other = written.lower()
            if (
                written == (other.upper() if cased else other[:1].upper() + other[1:])
                and _one_edit_from(word, other)
                and other not in words
            ):
                return True
    return False


def _one_edit_from(word: str, other: str) -> bool:
    """`other in one_edit_away(word)`, told by comparing the two (the few words a story writes as
    names are compared, where looking up the word's few hundred edits made a str of each): one
    deletion, swap of neighbours, or substitution or insertion of a letter a-z; the word itself
    where a swap of two equal neighbours makes it."""
    if other == word:
        return any(a == b for a, b in zip(word, word[1:], strict=False))
    if not one_edit_apart(word, other):
        return False
    if len(other) < len(word):
        return True  # a deletion: any letter
    i = 0
    while i < len(word) and word[i] == other[i]:
        i += 1
    # where the two first differ, `other` has the letter substituted or inserted, or the first of
    # a swap (the swapped letters are the word's own: a swap is one edit whatever they are)
    swapped = len(other) == len(word) and other[i + 1 :] != word[i + 1 :]
    return swapped or "a" <= other[i] <= "z"


def _name_one_edit_away_looked_up(counts: Mapping[str, int], text: str) -> bool:
    """`_name_one_edit_away_walked` by the word's edits: each written as a name is (in the word's
    case) and looked up in the story's counts. A word found is the one the walk files under that
    edit when it writes the edit back in lowercase (not so for some letters outside ASCII: a
    capital sharp s is two letters, SS)."""
    cased, size = text.isupper(), len(text)
    words = english().words
    for other in one_edit_away(text.lower()):
        written = other.upper() if cased else other[:1].upper() + other[1:]
        if (
            counts.get(written)
            and written != text
            and -1 <= len(written) - size <= 1
            and written.lower() == other
            and other not in words
        ):
            return True
    return False


def written_as_a_name(doc: Document, part: str) -> bool:
    """The story writes the word capitalised too (Pickens beside a lowercased "pickens", Granma):
    a name, not a typo to correct into another word."""
    title = part[:1].upper() + part[1:]
    return doc.word_counts.get(title, 0) > 0 or doc.word_counts.get(title + "'s", 0) > 0


def _whole_word_written_apart(text: str, span: Span, part: str, words: AbstractSet[str]) -> bool:
    """A word split at a line end by hyphenation ("orga-\nnise"), or a dropped-g form written with
    an apostrophe ("lovin'"): the word it stands for is known."""
    if text[span.end : span.end + 1] in ("'", "’") and part.endswith("in") and part + "g" in words:
        return True
    after = _BEFORE_LINE_BREAK.match(text, span.end)
    if after is not None and part + after.group(1) in words:
        return True
    low = max(0, span.start - 30)
    if "-\n" not in text[low : span.start]:
        return False  # no hyphen at a line end within reach: the search cannot match
    before = _AFTER_LINE_BREAK.search(text, low, span.start)
    return before is not None and before.group(1) + part in words


CLIPPED = 3  # letters a clipped form lacks at least (docu: documentary); a slip loses one


def clipped_in_coinage(word: str, part: str) -> bool:
    """A part of a hyphenated coinage, before its last, that is the clipped beginning of a common
    word, the coinage's other parts being words: "docu-game" (documentary), "info-war". A slip
    drops a letter, not a syllable, and English coins such words from a word's front; a part
    that is a common word less its last letter ("socia-economic") is that word's slip."""
    parts = word.lower().split("-")
    if len(parts) < 2 or part not in parts[:-1] or len(part) < SHORT_WORD:
        return False
    words = english().words
    if not all(p in words for p in parts if p != part):
        return False
    clipped = False
    # the common words that begin with the part, in alphabetical order, read from the sorted
    # word index (`by_opening`): a list of the 20,000 sorted, built before a run forked its
    # workers, cost 21 M instructions for the 15 questions a corpus run asks
    for common, rank in english().by_opening(part):
        if rank >= COMMON_RANK:
            continue
        if len(common) == len(part) + 1:
            return False  # "socia-economic": a word that lost its last letter (social)
        clipped = clipped or len(common) - len(part) >= CLIPPED
    return clipped


def in_company_tag(text: str, span: Span) -> bool:
    """Inside a Reuters company tag (<BSV Bank fuer Sparanlagen AG>, wrapped across lines or
    not): a name, in any language."""
    low = span.start - TAG_REACH if span.start > TAG_REACH else 0  # (max() cost a call)
    opening = text.rfind("<", low, span.start)
    if opening < 0 or not text[opening + 1 : opening + 2].isupper():
        return False
    closing = text.find(">", span.end, span.end + TAG_REACH)
    if closing < 0:
        return False  # (and no slice to the text's end: a big file's is megabytes, for every word)
    inside = text[opening + 1 : closing]
    return not any(c in inside for c in "<>") and "\n\n" not in inside


@dataclass(frozen=True)
class LostCapitals:
    """Where a story has lost its capitals (wire copy typed in lowercase): its names look like
    words there, so only in-story evidence counts. A story whose sentences open in lowercase half
    the time or more has lost them throughout; otherwise only the sentences that open in
    lowercase or write two names in lowercase (venezuela, france) have: a stray " reuter" line, a
    "&lt;" cut from its tag or a sentence cut at a line break ("for the ...") does not make the
    rest of a story in capitals lowercase copy."""

    throughout: bool
    sentences: tuple[Span, ...]  # the sentences that open in lowercase

    def at(self, span: Span) -> bool:
        if self.throughout:
            return True
        if len(self.sentences) <= FEW_SENTENCES:
            return any(s.start <= span.start < s.end for s in self.sentences)
        # a big file has thousands: the sentences starting by the span's start, and the furthest
        # end among them (one of them holds the start if and only if that end is past it)
        starts, furthest = self._reach
        i = bisect.bisect_right(starts, span.start)
        return i > 0 and furthest[i - 1] > span.start

    @functools.cached_property
    def _reach(self) -> tuple[list[int], list[int]]:
        ordered = sorted(self.sentences)
        return [s.start for s in ordered], list(itertools.accumulate((s.end for s in ordered), max))

    def anywhere(self) -> bool:
        return self.throughout or bool(self.sentences)


def lost_capitals(doc: Document) -> LostCapitals:
    """Where the story has lost its capitals (see `LostCapitals`): from the first word of each
    sentence of the body, and the names it writes in lowercase. Read once a story
    (`Document.derived`): NL101 and NL106 both ask."""
    return doc.derived(_lost_capitals)


def _lost_capitals(doc: Document) -> LostCapitals:
    # the body's sentence-opening words that begin with a letter: how many, and the spans of
    # those in lowercase (read from the token index where there is one: no opener built)
    openers, lower = _body_openers(doc)
    if 2 * len(lower) >= openers > 0:
        return LostCapitals(True, ())
    names = _names_in_lowercase(doc)
    if not lower and not names:
        return LostCapitals(False, ())
    starts = [s.start for s in doc.sentences]

    def sentence(span: Span) -> Span:
        i = bisect.bisect_right(starts, span.start) - 1
        return doc.sentences[i] if i >= 0 else span

    named: dict[Span, set[str]] = {}
    for tok in doc.words_among(names):
        named.setdefault(sentence(tok.span), set()).add(tok.text)
    found = [sentence(span) for span in lower]
    found += [s for s, written in named.items() if len(written) >= LOWERCASE_NAMES]
    return LostCapitals(False, tuple(dict.fromkeys(found)))


def _body_openers(doc: Document) -> tuple[int, list[Span]]:
    """How many sentences outside the headline open with a word (`WORD_KIND`) whose first
    character is a letter, and the spans of those whose first letter is lowercase, in order:
    read from the story's token index (the texts and starts of the sentences' first tokens),
    where building each sentence's first token cost about 2,000 instructions; from the built
    first tokens where there is no index (a big file's, or tokens built)."""
    index = doc.token_index()
    if index is None:
        openers = [
            tok
            for tok in doc.first_tokens()
            if tok.kind is WORD_KIND and not tok.in_headline and tok.text[:1].isalpha()
        ]
        return len(openers), [tok.span for tok in openers if tok.text[:1].islower()]
    words, ids, starts = index.words, index.ids, index.starts
    headline = doc.headline
    # (a sentence the headline holds ends by the headline's end: the openers starting past it
    # are in none, counted in one compiled walk; only those before it are looked up among the
    # sentences, here)
    head_end = -1 if headline is None else headline.end
    count, heads, lowers = body_openers(words, ids, starts, index.firsts, doc.word_counts, head_end)
    lower = []
    if heads:
        sentence_starts = [s.start for s in doc.sentences]
        for f in heads:
            start = starts[f]
            i = bisect.bisect_right(sentence_starts, start) - 1
            if headline is not None and i >= 0 and headline.contains(doc.sentences[i]):
                continue
            count += 1
            word = words[ids[f]]
            if word[:1].islower():
                lower.append(Span(start, start + len(word)))
    # (the heads come first: the index's openers are in the text's order)
    lower += [Span(lowers[i], lowers[i + 1]) for i in range(0, len(lowers), 2)]
    return count, lower


FEW_SENTENCES = 8  # up to which `LostCapitals.at` tests each sentence (no index built)
LOWERCASE_NAMES = 2  # a sentence that writes this many names in lowercase was typed so ("the midwest")


def _names_in_lowercase(doc: Document) -> AbstractSet[str]:
    """The names the story writes in lowercase ("venezuela", "february"): the sentences that
    write them were typed in lowercase, though they may open with a capital. Each word tested
    once a run (`_NAME_IN_LOWERCASE`), where a walk over the story's words tested every one."""
    return doc.selected(_NAME_IN_LOWERCASE)


def _name_in_lowercase(w: str) -> bool:
    """A listed name written in lowercase, no word of the lists (nor a rare one) written so."""
    return (
        w.isalpha()
        and w.islower()
        and w not in english().words
        and w.capitalize() in known_names()
        and w not in rare_words()
    )


def _built_word_list() -> AbstractSet[str] | None:
    """The word list once its set is built (which stays), else None: the words a lowercase-name
    test fails, answered without its call."""
    words = english().words
    return words if isinstance(words, BUILT) else None


def _built_lists() -> tuple[AbstractSet[str], Container[str]] | None:
    """The word list and the misspellings (NL102's), `unlisted_capital`'s two lists
    (`unlisted_lists`), once the list's set is built, else None: the `fails` tables of a test of
    words neither list holds (NL101's `_may_be_unknown`: `unlisted_capital` gives form 0 for a
    word with a capital, `in words` or `in known_wrong` clears a lowercase one; NL104's and
    NL106's candidates), a word of ASCII letters either holds failed without its call."""
    lists = unlisted_lists()
    return lists if isinstance(lists[0], BUILT) else None


def _names_by_lowercase_if_built() -> tuple[Container[str]] | None:
    """The known names by their lowercase form (`names_in_lowercase_if_built`), as the `only`
    tables of `_name_in_lowercase`, else None: a lowercase word of ASCII letters whose
    capitalised form is a known name is a key of it, so any other fails without the call."""
    names = names_in_lowercase_if_built()
    return None if names is None else (names,)


# lowercase letters only, ASCII or not (`isalpha` and `islower`: venezuela, zürich)
_NAME_IN_LOWERCASE = LetterTest(
    _name_in_lowercase,
    shapes=Shape.LOWER | Shape.LETTERS,
    fails=_built_word_list,
    only=_names_by_lowercase_if_built,
)


def _text_parts(text: str) -> Iterator[tuple[str, int]]:
    """The lowercase parts of a word (split at hyphens, possessive 's dropped), with offsets."""
    if text.isascii() and text.isalpha() and text.islower():
        return iter(((text, 0),))  # [a-z]+, its one part (most words): no scan
    return _scanned_parts(text)


def _plain_parts_listed(text: str, words: AbstractSet[str]) -> bool:
    """Whether `text` is ASCII pieces joined by hyphens, each lowercase letters alone with at most
    a final "'s" or "'" (year's, little-known, states'), each piece's letters listed in `words`
    or shorter than `MIN_LENGTH`: then the parts `_scanned_parts` finds are those letters (a
    possessive's base), and `UnknownWord._unknown_part` clears each by its first two tests.
    Read with a split, where the scan was a generator and a regex (26,000 instructions a word
    in a run's new hyphenated and possessive words, measured); False for any other word, which
    the scan reads."""
    if not (text.isascii() and text.islower()):
        return False  # (an ASCII piece of letters alone in a text of no capital: a-z alone)
    for piece in text.split("-"):
        if "'" in piece:
            if piece.endswith("'s"):
                piece = piece[:-2]
            elif piece.endswith("'"):
                piece = piece[:-1]
        if not piece:
            continue  # no letters, or an "s" alone (the scan's part "s" is too short to test)
        if not piece.isalpha():
            return False  # rock'n'roll, f-16s: the scan's parts
        if len(piece) >= MIN_LENGTH and piece not in words:
            return False
    return True


def _scanned_parts(text: str) -> Iterator[tuple[str, int]]:
    """`_text_parts` by the pattern's scan."""
    for m in _PART.finditer(text.replace("’", "'")):
        part = _without_possessive(m.group())
        if part.endswith("'") or not part:
            continue
        yield part, m.start()


def _parts(tok: Token) -> Iterator[tuple[str, Span]]:
    """The lowercase parts of a word token, with spans."""
    for part, offset in _text_parts(tok.text):
        start = tok.span.start + offset
        yield part, Span(start, start + len(part))


# A run of capitalised words (small words between them) and the acronym of their initials in
# brackets after them: Graan Elevator Mij (GEM), Organisation of Petroleum Exporting Countries (OPEC).
_NAMED_RUN = re.compile(
    r"((?:[A-Z][\w'’&.-]*[ \t\n]+(?:(?:of|and|for|the|de|&)[ \t\n]+)?){2,8}?)\(([A-Z]{2,9})\)"
)


def named_by_initials(text: str, span: Span) -> bool:
    """Whether the capitalised word at `span` opens a name the story spells out with its acronym:
    the bracketed capitals are the initials of the name's capitalised words (`Graan Elevator Mij
    (GEM) said`). A name defined so is no slip of a common word (Graan: grain)."""
    m = _NAMED_RUN.match(text, span.start)
    if m is None:
        return False
    initials = "".join(w[0] for w in m.group(1).split() if w[:1].isupper())
    return initials == m.group(2)
