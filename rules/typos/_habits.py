"""A rare word that Wikipedia's misspelling list records as a typist's slip inside a longer word.

The list pairs whole misspellings with their corrections, but each pair also records a habit: the
letters lost, added or changed, and the letters around them. Where a rare word (SCOWL's size 80,
a word no reader expects) is exactly such a slip of a listed word, the list has seen a typist
make it: `antartic` for "antarctic" holds `artic` for "arctic", so `Artic` (the rare word for an
articulated lorry) is the slip the list knows. The habit is evidence only where the rare reading
is unlikely besides (NL101 asks only about a rare word written capitalised inside a sentence,
as a name no list knows, written once); alone it is not: "with" sits in `bandwith`.

    habit_slips_of("artic")  # {"arctic"}: antartic is antarctic's slip, holding artic for arctic

Cost: one search of the list's text (85 KB) per word asked about, and NL101 asks once per
distinct word (a letter test), never per use.
"""

from __future__ import annotations

from functools import lru_cache

from newslint.rules._tables import data_text, once
from newslint.rules.typos._words import english, one_edit_apart


@once
def _list_text() -> str:
    return data_text("newslint.rules.typos", "misspellings.tsv")


@lru_cache(maxsize=1024)
def habit_slips_of(word: str) -> frozenset[str]:
    """The listed words that `word` (lowercase) is the slip of, one edit away, inside some
    misspelling of the list: the misspelling holds `word` where its correction holds the listed
    word, the letters before and after the same."""
    text, words = _list_text(), english().words
    found: set[str] = set()
    at = text.find(word)
    while at >= 0:
        start = text.rfind("\n", 0, at) + 1
        end = text.find("\n", at)
        line = text[start : end if end >= 0 else len(text)]
        misspelt, _, corrections = line.partition("\t")
        offset = at - start
        if offset + len(word) <= len(misspelt):  # inside the misspelling, not its correction
            found.update(_meant(misspelt, offset, word, corrections))
        at = text.find(word, at + 1)
    return frozenset(w for w in found if w in words and one_edit_apart(word, w))


def _meant(misspelt: str, offset: int, word: str, corrections: str) -> list[str]:
    """The words each correction holds where `misspelt` holds `word` at `offset`: the same
    letters before it and after it."""
    before, after = misspelt[:offset], misspelt[offset + len(word) :]
    meant = []
    for correction in (c.strip() for c in corrections.split(",")):
        if correction.startswith(before) and correction.endswith(after):
            middle = correction[len(before) : len(correction) - len(after)]
            if middle and middle != word:
                meant.append(middle)
    return meant
