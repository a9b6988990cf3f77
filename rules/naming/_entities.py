"""Whether two spellings in one story name one thing or two: read from the words each is written
beside. A slip is written where its name is (Schwarzengger after Arnold Schwarzenegger); a name of
its own keeps company of its own (Patrik Berger beside Patrick Vieira, Palo Verde beside El Paso
Electric, Liffe beside Standard Life, Delta Air Lines beside Western Airlines).

Each use of a name is read for its partners: the capitalised word or initial just before it (a
first name, the first word of a longer name; a title, a particle or a common word that opens the
sentence is none) and the capitalised word just after it that carries the name on (a surname, the
rest of a longer name). A company word or a ticker after it (Inc, Co, `<REX>`) is no partner (a
company is written with and without it) but marks the use as formal, and so does a first name or
an initial before a surname: the careful, first-reference form of a name."""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable
from typing import NamedTuple

from newslint.native import native
from newslint.rules.naming._company import COMPANY_AFTER, SPACE
from newslint.rules.typos._words import english, known_names, rare_words

# A capitalised word or an initial just before a name, on its line or at the end of the line
# before it (hard-wrapped copy).
_BEFORE = re.compile(rf"(?<![\w.’'&-])([A-Z][\w’'&-]*|[A-Z]\.){SPACE}$")
# A capitalised word of letters or an initial, one space before a name (NL202's first names).
WORD_BEFORE = re.compile(r"(?<![\w.’'-])([A-Z](?:[a-z]+|\.)?) $")
# Where a sentence, paragraph or heading opens: the word after it is capitalised as a first word.
_OPENING = re.compile(r"(?:^|[.!?:;\"“(\[<>]|\n[ \t]*\n|\n[ \t]{2,}|\n\t)[ \t\n]*$")
# The capitalised word that carries a name on, maybe after a particle (Arjan de Zeeuw).
_AFTER = re.compile(
    rf"{SPACE}(?:(?:de|da|do|di|du|van|von|der|den|del|la|le|al|el|bin|ibn)[ \t]+)?([A-Z][\w’'&-]*)"
)
_TICKER = re.compile(rf"{SPACE}?<[A-Z][A-Z0-9.]*>")
_POSSESSIVE = re.compile(r"['’]s$")
LOOK_BACK = 40  # characters read before a name for the word before it

# Words before a name that are no part of it: titles, particles, function words of a title-case
# headline.
TITLES = frozenset(
    "Mr Mrs Ms Miss Dr St Sir Dame Lord Lady President Prime Minister Senator Sen Rep Gov Governor "
    "General Gen Colonel Col Major Captain Capt Judge Justice King Queen Prince Princess Sheikh Pope "
    "Father Rev Bishop Chancellor Secretary Chairman Chief Ambassador Mayor Premier Professor Prof "
    "Coach Vice Deputy Van Von De Le La Al El".split()
)
_FUNCTION_WORDS = frozenset(
    "the a an in at on for of to by from with as and but if when while after before under over "
    "that this these those its their his her our both all some most many other into than".split()
)
COMPANY_WORDS = frozenset(
    "Ltd Inc Corp Co Cos Plc PLC LLC SA NV AG SpA Group Holdings Company Corporation".split()
)


class Use(NamedTuple):
    """One use of a name: its partners ("" for none) and whether it is a formal mention. A
    named tuple, made by `use_at` in one C call (`tuple.__new__`): a big file reads tens of
    thousands of uses, where a frozen dataclass set each field with a call of its own."""

    before: str
    after: str
    formal: bool
    in_headline: bool
    beside: bool = False  # a capitalised word just before or after, whatever it is (Standard Life)


def use_at(text: str, start: int, end: int, in_headline: bool) -> Use:
    """The partners of the name written at text[start:end]."""
    capital = _capital_before(text, start)  # searched once: `_word_of` and `beside` read it
    before = _word_of(text, capital)
    m = _AFTER.match(text, end)
    after = _POSSESSIVE.sub("", m.group(1)) if m else ""
    company = after in COMPANY_WORDS or bool(_TICKER.match(text, end) or COMPANY_AFTER.match(text, end))
    if after in COMPANY_WORDS:
        after = ""
    first_name = len(before) == 1 or before in known_names()
    beside = bool(after or m or capital)
    return tuple.__new__(Use, (before, after, company or first_name, in_headline, beside))


def _capital_before_twin(text: str, start: int, lookback: int, loose: bool) -> tuple[int, str] | None:
    """The match of `_BEFORE` (`loose`) or `WORD_BEFORE` in text[start - lookback : start], as
    (its start, its word), or None: the pure-Python twin of the compiled `capital_before`, which
    reads back from `start` (the place a match must end) instead of trying each place of the
    window, and makes no match object (a big file asks it of tens of thousands of uses)."""
    m = (_BEFORE if loose else WORD_BEFORE).search(text, max(0, start - lookback), start)
    return None if m is None else (m.start(), m.group(1))


capital_before: Callable[[str, int, int, bool], tuple[int, str] | None] = (
    _capital_before_twin if native is None else native.capital_before
)


def _capital_before(text: str, start: int) -> tuple[int, str] | None:
    return capital_before(text, start, LOOK_BACK, True)


def _word_of(text: str, found: tuple[int, str] | None) -> str:
    """The partner before a name whose `_capital_before` is `found` ("" for none)."""
    if found is None:
        return ""
    at, word = found
    word = word.rstrip(".")
    if len(word) > 1 and word.isupper():
        return ""  # a word set in capitals (a headline, a slug) is typography, no first name
    if word in TITLES or word.lower() in _FUNCTION_WORDS or _POSSESSIVE.search(word):
        return ""  # a title, a function word, or an owner (El Guerrouj's Olympic double)
    opens = _OPENING.search(text, max(0, at - LOOK_BACK), at) is not None
    if opens and word.lower() in english().words and word not in known_names():
        return ""  # "But Peelous": a common word capitalised because it opens the sentence
    return word


def partners(uses: Iterable[Use]) -> set[str]:
    """The words a name is written beside."""
    found: set[str] = set()
    for use in uses:
        found.update(w for w in (use.before, use.after) if w)
    return found


def two_entities(mine: list[Use], theirs: list[Use], common_word: bool) -> bool:
    """Whether a name used as `mine` and the name used as `theirs` are two things, not a slip
    of one for the other:
    - both are written beside other words, never beside the same one, and this one beside a
      name (Patrik Berger and Patrick Vieira; Palo Verde and El Paso Electric; Andy Haden and
      Hayden Tanner; not National Olymnpics beside Mexican Olympics Committee: common words);
    - the other, used once, is followed by a name that this one is never followed by (Wayne
      Carlisle beside a list of surnames with Warne): a first name, not a surname to slip from
      (Barclays Bank beside Braclays: a common word carries a name on);
    - the other is a common word (`common_word`), capitalised only inside longer names, and
      this one stands alone (Standard Life beside Liffe, Cooper Basin beside Bain and Co)."""
    # a title-case headline capitalises every word: only the body's uses tell
    mine = [u for u in mine if not u.in_headline]
    theirs = [u for u in theirs if not u.in_headline]
    p, q = partners(mine), partners(theirs)
    if p and q and not p & q and any(map(name_like, p)):
        return True
    if not theirs or p & q:
        return False
    if len(theirs) == 1 and theirs[0].after and name_like(theirs[0].after):
        return True
    return common_word and all(u.beside for u in theirs) and not any(u.beside for u in mine)


def two_entities_read(mine: list[Use], theirs: Iterable[Use], body: int, common_word: bool) -> bool:
    """`two_entities(mine, list(theirs), common_word)`, where `theirs` are read one at a time and
    only as far as the answer needs (`body`: how many of them are not in the headline): a slip's
    few uses against its name's many (a big file's common name has thousands, each read by
    `use_at`). A partner they share settles it (no two things), and so does, where `mine` has
    no partner that names, the other's use count or `mine` alone."""
    mine = [u for u in mine if not u.in_headline]
    p = partners(mine)
    if not body:
        return False  # no use of theirs in the body: no partner, nothing to tell them apart
    named = any(map(name_like, p))
    mine_beside = any(u.beside for u in mine)
    if not named and body > 1 and not (common_word and not mine_beside):
        return False  # neither their partners nor a lone use of theirs can answer True
    found, beside, last = False, True, None  # a partner of theirs; all beside a capital; a use
    for u in theirs:
        if u.in_headline:
            continue
        if u.before in p or u.after in p:
            return False  # a partner shared (partners are never "")
        found = found or bool(u.before or u.after)
        beside = beside and u.beside
        if not (named or beside) and body > 1:
            return False  # the last test alone is left, and this use fails it
        last = u
    if named and found:
        return True
    if body == 1 and last is not None and last.after and name_like(last.after):
        return True
    return common_word and beside and not mine_beside


def name_like(word: str) -> bool:
    """A word that names (an initial, a known name, a word no word list holds), not a common
    word that a longer name is made of (National, Bank, Committee)."""
    low = word.lower()
    return len(word) == 1 or word in known_names() or not (low in english().words or low in rare_words())


def formal(uses: Iterable[Use]) -> bool:
    """Whether a name is written formally once at least: with its company word or ticker
    (Rexnord Inc, Oglebay Norton Co), after a first name or an initial (S. Lawrence
    Prendergast), or in the headline."""
    return any(u.formal or u.in_headline for u in uses)
