"""What makes a capitalised or all-capital word worth NL101's attention, and what marks it a name.

A capitalised word is a name until the story says otherwise: names are the commonest capitalised
words no word list knows, and a false alarm on a correct name is the worst thing a checker can
do. The story says otherwise when it writes a word one slip away that is no name (an all-capital
headline's `MINTERALS` over a body about "minerals", `Southern Pafific` beside "Pacific" in
another story's sentence) and never writes the capitalised word again. The marks of a name
checked here come from the text around the word, not from a list: another name beside it
(`Floiran Woest`: a first name no list knows), a foreign form of an English word (`Agence
France Presse`, `IG Metall`, `Groupe Macyro`: the English word with one letter added at its end).

    capital_candidate("MINTERALS")  # True: a capitalised word whose lowercase no list has
    all_caps_headline(doc)          # True for "BHP MINTERALS <BRKNY> MELDS UTAH INTERNATIONAL"
"""

from __future__ import annotations

import re
from collections.abc import Container
from collections.abc import Set as AbstractSet
from functools import cache, lru_cache

from newslint import native as _chooser
from newslint.document import Document, Token
from newslint.native import (
    EditTargets,
    Lookup,
    edit_targets,
    edits_among,
    edits_among_each,
    lower_keys,
    swap_inside,
    unlisted_capital,
)
from newslint.rules._tables import once
from newslint.rules.typos._context import unaccented_words
from newslint.rules.typos._words import (
    BUILT,
    WordList,
    english,
    is_rare,
    known_names,
    listed_lookup,
    misspellings,
    one_edit_apart,
    shipped_pair,
)

CAPITAL_MIN_LENGTH = 5  # shorter capitalised words are initials, acronyms and short names
SLIP_MIN_LENGTH = 7  # a capitalised word this long may be a clear slip of a word or name
LOST_MIN_LENGTH = 8  # ... a letter lost or added inside a common word from this length
DOUBLED_MIN_LENGTH = 10  # ... a doubled letter only from this length (Hazzard, Forrester are names)
COMMON_RANK = 20000  # the words a clear slip may be of: the 20,000 most frequent
UNDOUBLED_RANK = 50000  # ... a doubled letter written single: the 50,000 most frequent
_TICKER_OR_TAG = re.compile(r"<[^<>\n]*>")
_LOWERCASE = re.compile(r"[a-z]")
_TWO_RUNS = re.compile(r"[A-Za-z][^A-Za-z]+[A-Za-z]")  # two runs of `[A-Za-z]+`: a letter, others, a letter


_SETTLED: list[tuple[AbstractSet[str], Container[str]]] = []  # `unlisted_lists` once settled


def unlisted_lists() -> tuple[AbstractSet[str], Container[str]]:
    """(`english().words`, `misspellings().keys()`): the lists `unlisted_capital` reads, kept once
    the word list's set is built (neither changes after): asked for each new capitalised word,
    twice, the three calls cost about as much as the compiled test."""
    if _SETTLED:
        return _SETTLED[0]
    lists = english().words, misspellings().keys()
    if isinstance(lists[0], BUILT):
        _SETTLED.append(lists)
    return lists


def capital_candidate(text: str) -> bool:
    """A capitalised (Reigme) or all-capital (REIGME) word of letters whose lowercase form no word
    list, misspelling list (NL102's) or name list has: the only capitalised words worth weighing."""
    form = unlisted_capital(text, CAPITAL_MIN_LENGTH, *unlisted_lists())
    if not form:
        return False  # too short, not letters, in mixed case, or its lowercase listed
    # (a capitalised word, form 1, is its own capitalised form)
    return unlisted_name(text if form == 1 else text.capitalize())


def unlisted_name(name: str) -> bool:
    """The rest of `capital_candidate`, asked of a word its first test (`unlisted_capital`)
    passed, in its capitalised form (Reigme): no known name, rare word or listed word without
    its accents. (NL101 reads the first test once for this and its opening test.)"""
    # the names first: half of a run's new capitalised words are known names, and the rare words
    # are looked up in their sorted text
    if name in known_names():
        return False
    word = name.lower()
    return not is_rare(word) and word not in unaccented_words()


def all_caps_headline(doc: Document) -> bool:
    """The headline is written in capitals (wire style): its words, tickers and tags aside, hold
    no lowercase letter, and at least two of them. Read once a story (`Document.derived`): NL101
    asks at each word in capitals (232 times in the 532-story sample)."""
    return doc.derived(_all_caps_headline)


def _all_caps_headline(doc: Document) -> bool:
    """Its runs of ASCII letters (`[A-Za-z]+`, tags aside) are two or more and none changes in
    capitals: none holds a lowercase ASCII letter, which one search finds in most headlines
    (no list of runs made and each put in capitals). A tag needs a "<": most have none."""
    if doc.headline is None:
        return False
    text = doc.slice(doc.headline)
    if "<" in text:
        text = _TICKER_OR_TAG.sub(" ", text)
    return _LOWERCASE.search(text) is None and _TWO_RUNS.search(text) is not None


def beside_a_name(doc: Document, tok: Token) -> bool:
    """A capitalised word right beside it (one space between) that no list knows as a word or a
    name: a name of two words (`Floiran Woest`, `Caisse Nationale`), foreign or local; or a
    known name right before it, whose surname it is (`Annette Bening`, beside "being")."""
    text = doc.text
    before = _left_capital(text, tok.span.start)
    if before is not None:
        word = before.group(1)
        if word in known_names() or _unknown_capital(word):
            return True
    # (the pattern opens with a space and a capital: tried only after them, most words have none)
    end = tok.span.end
    if text[end : end + 1] != " " or not "A" <= text[end + 1 : end + 2] <= "Z":
        return False
    after = _RIGHT.match(text, end)
    return after is not None and _unknown_capital(after.group(1))


_LEFT = re.compile(r"\b([A-Z][A-Za-z]+) $")
LEFT_REACH = 40  # the characters before a word read for the capitalised word beside it


def _left_capital(text: str, start: int) -> re.Match[str] | None:
    """`_LEFT.search(text, max(0, start - LEFT_REACH), start)`: the capitalised word and space
    before `start`, searched for only from the letters before that space (no match can hold a
    space or begin before one; the search tried each of the forty characters, 11,000
    instructions a call), and not at all where no space or line break ends the stretch."""
    low = start - LEFT_REACH if start > LEFT_REACH else 0  # max() parses its arguments: ~300 instructions
    before = text[start - 1 : start]
    if before == " ":
        after_space = text.rfind(" ", low, start - 1) + 1
        if after_space > low:
            low = after_space
    elif before != "\n":
        return None  # the pattern ends with a space, or a space and a final line break
    return _LEFT.search(text, low, start)


_RIGHT = re.compile(r" ([A-Z][A-Za-z]+)\b")


def _unknown_capital(word: str) -> bool:
    lower = word.lower()
    return not (
        lower in english().words
        or is_rare(lower)
        or word.capitalize() in known_names()
        or word.isupper()  # an acronym beside it (BHP, IG) says nothing of a name
    )


def foreign_form(typo: str, word: str) -> bool:
    """The typo is the English word with one letter added at its end (Presse, Groupe, Metall,
    Investmento), or an English plural less its "s" where a vowel ends it (Airbus Industrie):
    in a capitalised word, the form another language gives the word. (An added "s" is English:
    a lost apostrophe, Thats, or a plural.)"""
    if len(typo) == len(word) + 1 and typo.startswith(word) and typo[-1] != "s":
        return True
    return word == typo + "s" and typo[-1] in "aeiou"


@cache
def _names_by_lowercase() -> dict[str, str]:
    # (one compiled call, `lower_keys`: a `lower` call and a comprehension's step for each of
    # 17,000 names were 16.6 M instructions of the start each process of a `--jobs` run pays)
    return lower_keys(known_names())


def names_in_lowercase_if_built() -> dict[str, str] | None:
    """The known names by their lowercase form once a slip test has built them, else None: a
    letter test's `fails` table (a word no name list knows is none of them) that holds no
    memory of its own. Each key capitalised is a known name (the list writes a name no other
    way)."""
    return _names_by_lowercase() if _names_by_lowercase.cache_info().currsize else None


@once
def names_lookup() -> Lookup:
    """The known names in lowercase (each a key of `_names_by_lowercase`), with their filters:
    what `edits_among` reads for the names one edit from a word (shipped: `NAME_FILTER_FILES`)."""
    built = shipped_pair(NAME_FILTER_FILES) if _chooser.native is not None else None
    return Lookup(_names_by_lowercase(), built)


def names_one_edit_from(word: str) -> set[str]:
    """The known names, in lowercase, one edit from `word` (lowercase ASCII letters): the
    compiled walk over its edits (`edits_among`), and the names it cannot make (a letter
    outside a-z: Zürich) compared on their own, those that open and end as the word does."""
    found = edits_among(word, names_lookup())
    odd = _odd_names().get(word[0] + word[-1])
    if odd:
        found.update(w for w in odd if one_edit_apart(word, w))
    return found


@once
def _odd_names() -> dict[str, tuple[str, ...]]:
    """The known names in lowercase with a character outside a-z (58 of 17,248), by their first
    and last characters."""
    odd: dict[str, tuple[str, ...]] = {}
    for k in _names_by_lowercase():
        if not (k.isascii() and k.isalpha() and k.islower()):
            odd[k[0] + k[-1]] = (*odd.get(k[0] + k[-1], ()), k)
    return odd


NAME_FILTER_FILES = ("names-edit-filter.bin", "names-affix-filter.bin")
"""`names_lookup`'s filters (`lookup_filters` of the known names in lowercase), shipped beside
names.txt (scripts/build_table_data.py writes them; a test rebuilds them and compares):
building them cost every process of a `--jobs` run 7 M instructions before its workers fork
(measured). Missing, or of another size than the names' (`Lookup`): built."""


def prepare() -> None:
    """Build the known names' filters now, as a run of many stories does in its first few
    (`Rule.prepare`)."""
    names_lookup()


# (the listed words' lookup, and the names' and its `edit_targets`): read once while it stays
_NAMES_AND_WORDS: list[tuple[AbstractSet[str] | Lookup, EditTargets]] = []


def _names_and_words() -> EditTargets:
    """The known names' lookup and the listed words' (`names_lookup`, `listed_lookup`), as
    `edits_among_each` and `swap_inside` read them: read once, not at each new word asked
    (the lists' keys and filters read again cost as much as a short word's compiled walk), and
    again only when the listed words' lookup is another (the set built since)."""
    listed = listed_lookup()
    held = _NAMES_AND_WORDS[0] if _NAMES_AND_WORDS else None  # one read: another thread may replace it
    if held is not None and held[0] is listed:
        return held[1]
    targets = edit_targets([names_lookup(), listed])
    _NAMES_AND_WORDS[:] = [(listed, targets)]
    return targets


@lru_cache(maxsize=2048)  # asked by `clear_slip` and by NL101 again for the same word
def known_one_edit_away(word: str) -> tuple[frozenset[str], frozenset[str]]:
    """(the listed names one edit from `word`, in lowercase; the listed words one edit from it),
    found in one walk over its hundreds of edits (`edits_among_each`), not one per list."""
    named, listed = edits_among_each(word, _names_and_words())
    return frozenset(named), frozenset(listed)


@lru_cache(maxsize=2048)  # a name the corpus repeats is asked about in story after story
def clear_slip(word: str) -> str | None:
    """The word or name (lowercase) that a capitalised word no list knows is a typist's clear slip
    of, with no story evidence needed: the only common word or listed name one edit from it
    that keeps its first letter, reached by two neighbouring letters swapped (Bangaldesh,
    Britian, Exhcange, Serivces) or, in a long word, a letter doubled (Massachussetts, from
    ten letters; a letter typed three times, Commmittee); where no common word or name is one
    edit away, a doubled letter written single inside a word of eight letters or more among the
    50,000 most frequent (Saphire, Appelate), when no other such word is one edit away. A
    name differs from a word or another name by a changed vowel (Sebastien, Alastair), an
    added or lost letter (Mathieson, Ronaldo), a doubled consonant (Hazzard, Forrester) or its
    ending (Sprinkel, Telstra: the last two letters swapped), and those are left alone. Else
    None."""
    if len(word) < SLIP_MIN_LENGTH:
        return None
    words, names, first = english(), _names_by_lowercase(), word[:1]
    named, listed = known_one_edit_away(word)
    # the names one edit away, then the common words that are no names (in any order: only a
    # sole word found is taken)
    near = [c for c in named if c[:1] == first]
    near += [c for c in listed if c[:1] == first and c not in names and words.frequency_rank(c) < COMMON_RANK]
    if not near:
        return _undoubled_slip(word, words, names, listed)
    if len(near) != 1:
        return None
    meant = near[0]
    if _swapped(word, meant) or _doubled(word, meant) and (meant in names or _tripled(word)):
        return meant
    if _inside_letter(word, meant) and meant in words.words and words.frequency_rank(meant) < COMMON_RANK:
        return meant  # Subtitute, Comunications, Resoureces: a common word's letter lost or added
    return None


@lru_cache(maxsize=2048)  # asked of each use of a name a story repeats (735 times for 226 words)
def may_be_swapped_slip(word: str) -> bool:
    """Whether `clear_slip(word)` may be a slip of two neighbouring letters swapped (`habit_slip`):
    False when no word or name that such a swap makes (not at the first letter, nor in the last
    two) is listed. A few lookups, where `clear_slip` walks every edit of the word: a caller
    that needs only that slip (a name the story repeats) asks this first. Compiled, the lists'
    filters rule most swaps out before one is made into a str (made for each in Python: 30,000
    instructions for a word of nine letters); remembered all the same."""
    if len(word) < SLIP_MIN_LENGTH:
        return False  # `clear_slip` finds nothing this short
    return swap_inside(word, _names_and_words())


def _undoubled_slip(
    word: str, words: WordList, names: dict[str, str], listed: AbstractSet[str]
) -> str | None:
    """The word a capitalised word no list knows is with a doubled letter written single, inside
    it (Saphire, Appelate, Supressant: the commonest misspelling there is), when it is the only
    listed word among the 50,000 most frequent one edit away that keeps its first letter, eight
    letters or more, and no name. (`listed`: the listed words one edit from it.)"""
    wider = [
        c for c in listed if c[:1] == word[:1] and c not in names and words.frequency_rank(c) < UNDOUBLED_RANK
    ]
    if len(wider) == 1 and _undoubled(word, wider[0]):
        return wider[0]
    return None


def _undoubled(typo: str, word: str) -> bool:
    """`typo` is `word` (eight letters or more) with one letter of a doubled pair left out,
    neither at its start nor in its last two letters."""
    if len(word) != len(typo) + 1 or len(word) < LOST_MIN_LENGTH:
        return False
    return any(word[i] == word[i + 1] and word[:i] + word[i + 1 :] == typo for i in range(1, len(word) - 3))


def habit_slip(word: str, meant: str) -> bool:
    """The slip `clear_slip` found is two neighbouring letters swapped (Norweigan, Ceasars): a
    typist's habit, which repeats; a name differs from a word otherwise."""
    return _swapped(word, meant)


def typed_slip(word: str, meant: str) -> bool:
    """The slip `clear_slip` found is a typist's, not a name's spelling, even beside a name: two
    neighbouring letters of a common word swapped (Prime Minsiter Yasuhiro) or a letter doubled
    in a long word (Eastern Massachussetts). A letter lost or added is not (Paul Collison, St
    Pancras), nor a name's swapped letters (Robert Kronberg, Kornberg)."""
    if _swapped(word, meant):
        return meant in english().words
    return _doubled(word, meant)


def _inside_letter(typo: str, word: str) -> bool:
    """`typo` is `word` with one letter lost or added inside it: not its first letter, nor in its
    last two (Ronaldo beside Ronald: names end as they please), the longer of the two eight
    letters or more (shorter words sit a letter from many names)."""
    if abs(len(typo) - len(word)) != 1 or max(len(typo), len(word)) < LOST_MIN_LENGTH:
        return False
    short, long = sorted((typo, word), key=len)
    i = next((k for k in range(len(short)) if short[k] != long[k]), len(short))
    return 1 <= i < len(long) - 2 and short[i:] == long[i + 1 :]


def _swapped(typo: str, word: str) -> bool:
    """Two neighbouring letters of `word` swapped in `typo`, not its last two (Sprinkel, Telstra:
    names end as they please)."""
    if len(typo) != len(word):
        return False
    diff = [i for i, (a, b) in enumerate(zip(typo, word, strict=True)) if a != b]
    if len(diff) != 2 or diff[1] != diff[0] + 1 or diff[1] == len(word) - 1:
        return False
    return typo[diff[0]] == word[diff[1]] and typo[diff[1]] == word[diff[0]]


def _doubled(typo: str, word: str) -> bool:
    """`typo` is `word` with one of its letters typed twice, in a long word."""
    if len(typo) != len(word) + 1 or len(typo) < DOUBLED_MIN_LENGTH:
        return False
    return any(typo[i] == typo[i - 1] and typo[:i] + typo[i + 1 :] == word for i in range(1, len(typo)))


def _tripled(typo: str) -> bool:
    return any(typo[i] == typo[i - 1] == typo[i - 2] for i in range(2, len(typo)))
