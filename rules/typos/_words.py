"""The shipped English word list and misspelling list, loaded once per process on first use."""

from __future__ import annotations

from functools import cache
from importlib import resources

from newslint.rules._tables import RowTable

ALPHABET = "abcdefghijklmnopqrstuvwxyz"


class WordList:
    """Lowercase English word forms; the file lists them most frequent first."""

    def __init__(self, ordered: list[str]) -> None:
        self.ordered = ordered
        self.words = frozenset(ordered)
        self._rank: dict[str, int] | None = None

    def __contains__(self, word: str) -> bool:
        return word in self.words

    def frequency_rank(self, word: str) -> int:
        """0 for the most frequent word; built on first use, since only suggestions need it."""
        if self._rank is None:
            # dict(zip(...)): the same dict (a repeated word keeps its last rank), built in C
            self._rank = dict(zip(self.ordered, range(len(self.ordered)), strict=True))
        return self._rank.get(word, len(self.ordered))


@cache
def english() -> WordList:
    text = resources.files("newslint.rules.typos").joinpath("data/words.txt").read_text(encoding="utf-8")
    return WordList(text.split("\n"))


@cache
def rare_words() -> frozenset[str]:
    """Rare but real words (SCOWL size 80): never reported, never suggested. Loaded only when a
    word is missing from the main list."""
    text = resources.files("newslint.rules.typos").joinpath("data/rare-words.txt").read_text(encoding="utf-8")
    return frozenset(text.split("\n"))


@cache
def known_names() -> frozenset[str]:
    """Proper nouns the SCOWL lists know: California, Friday, Jones, Chelsea."""
    text = resources.files("newslint.rules.typos").joinpath("data/names.txt").read_text(encoding="utf-8")
    return frozenset(text.split("\n"))


class Corrections(RowTable[tuple[str, ...]]):
    """misspelling -> its corrections (one: unambiguous)."""

    def entry(self, key: str, row: str) -> tuple[str, ...]:
        return tuple(c.strip() for c in row.split(",") if c.strip())


@cache
def misspellings() -> Corrections:
    return Corrections(
        resources.files("newslint.rules.typos").joinpath("data/misspellings.tsv").read_text(encoding="utf-8")
    )


@cache
def listed_misspellings() -> Corrections:
    """Wikipedia's common misspellings that the word lists hold too (payed, heros, thru): a
    word in its own right, but maybe a rare one."""
    return Corrections(
        resources.files("newslint.rules.typos")
        .joinpath("data/listed-misspellings.tsv")
        .read_text(encoding="utf-8")
    )


def one_edit_away(word: str) -> set[str]:
    """Every string one deletion, transposition, substitution or insertion away from `word`."""
    splits = [(word[:i], word[i:]) for i in range(len(word) + 1)]
    deletes = {a + b[1:] for a, b in splits if b}
    transposes = {a + b[1] + b[0] + b[2:] for a, b in splits if len(b) > 1}
    replaces = {a + c + b[1:] for a, b in splits if b for c in ALPHABET if c != b[0]}
    inserts = {a + c + b for a, b in splits for c in ALPHABET}
    return deletes | transposes | replaces | inserts


def one_edit_apart(a: str, b: str) -> bool:
    """True when `b` is one deletion, transposition, substitution or insertion away from `a`:
    the pairwise test behind `one_edit_away`, for comparing a few words without generating
    every variant."""
    if a == b:
        return False
    la, lb = len(a), len(b)
    if la == lb:
        i = 0
        while a[i] == b[i]:
            i += 1
        if a[i + 1 :] == b[i + 1 :]:
            return True  # substitution
        return i + 1 < la and a[i] == b[i + 1] and a[i + 1] == b[i] and a[i + 2 :] == b[i + 2 :]
    if la > lb:
        a, b, la, lb = b, a, lb, la
    if lb - la != 1:
        return False
    i = 0
    while i < la and a[i] == b[i]:
        i += 1
    return a[i:] == b[i + 1 :]  # b has one extra letter at i


def match_case(model: str, word: str) -> str:
    """`word` written in the case pattern of `model` (Regime, REGIME, regime)."""
    if model.isupper() and len(model) > 1:
        return word.upper()
    if model[:1].isupper():
        return word[:1].upper() + word[1:]
    return word
