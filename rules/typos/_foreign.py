"""A phrase of another language: what makes a word no English list has a foreign word, not a slip.

English copy quotes other languages in phrases (`his home grand prix`, `Chercher dans toute
l'actualité`, `the Fondation pour l'Enfance`, `Fos sur Mer`). A word of such a phrase is one slip
from some English word often enough (prix: prize, toute: touts), but it does not stand alone: a
word beside it is of the same language. The evidence is the pair, never the word alone: a slip
that happens to spell a French word ("supplie" for supplies) stands among English words.

A word counts as a language's when it is among that language's commonest words and more at home
there than in English (no English word, or an English word the language writes more: "grand" is
French's 199th word and English's 1,242nd; "and" is no French word however often French subtitles
write it). A neighbour that is an English word too (grand, pour, accord) shows the language only
when it and the word are both among the language's thousand commonest: "grand prix" is a French
phrase, "MINISTER SIGNES ACCORD" a headline's slip beside two English words. The list is built by
scripts/build_foreign_data.py from pyspellchecker's frequency lists.

    in_foreign_phrase("his home grand prix at Suzuka", Span(15, 19))  # True: grand prix is French
    in_foreign_phrase("hardware and supplie. Sales", Span(13, 20))     # False: "and" is English
"""

from __future__ import annotations

import functools
import re

from newslint.rules._tables import SortedLines, data_bytes, once
from newslint.rules.typos._words import english
from newslint.span import Span

REACH = 40  # the longest neighbouring word looked for
MIN_LENGTH = 2  # a one-letter neighbour (l', e, a) is evidence of no language
_LEFT = re.compile(r"([^\W\d_]+)[ \t]+$")
_RIGHT = re.compile(r"[ \t]+([^\W\d_]+)")


COMMON_RANK = 1000  # a language's thousand commonest words: two of them make a phrase


@once
def _table() -> SortedLines:
    """data/foreign-words.txt, one line per word (`word<TAB>lang:rank,...`), sorted by word."""
    return SortedLines(data_bytes("newslint.rules.typos", "foreign-words.txt"), "\t")


@functools.lru_cache(maxsize=4096)
def ranks_of(word: str) -> dict[str, int] | None:
    """{language: the word's frequency rank in it} (fr, es, it, de, pt, nl), or None. The line is
    found by binary search over the sorted text (`SortedLines`): a check asks about a few
    words, and parsing all 54,000 lines first cost a short story's check a sixth of its time."""
    line = _table().rest(word)
    if line is None:
        return None
    return {lang: int(rank) for lang, _, rank in (r.partition(":") for r in line.split(","))}


def foreign_words() -> dict[str, dict[str, int]]:
    """word -> {language: rank}, the whole table (for the data tests; checks use `ranks_of`)."""
    found = {}
    for line in _table().text().splitlines():
        word, _, ranks = line.partition("\t")
        found[word] = {lang: int(rank) for lang, _, rank in (r.partition(":") for r in ranks.split(","))}
    return found


def in_foreign_phrase(text: str, span: Span) -> bool:
    """The word at `span` and a word right beside it (spaces only between) are words of one
    other language: the word is part of a foreign phrase. A neighbour English has too counts
    only when both words are among the language's commonest."""
    english_words = english().words
    ranks = ranks_of(text[span.start : span.end].lower())
    if not ranks:
        return False
    for neighbour in _neighbours(text, span):
        for language, rank in (ranks_of(neighbour) or {}).items():
            if language not in ranks:
                continue
            if neighbour not in english_words or max(rank, ranks[language]) < COMMON_RANK:
                return True
    return False


def _neighbours(text: str, span: Span) -> list[str]:
    found = []
    left = _LEFT.search(text, max(0, span.start - REACH), span.start)
    if left is not None and (left.start() == 0 or not _joined(text[left.start() - 1])):
        found.append(left.group(1).lower())
    right = _RIGHT.match(text, span.end)
    if right is not None and (right.end() == len(text) or not _joined(text[right.end()])):
        found.append(right.group(1).lower())
    return [w for w in found if len(w) >= MIN_LENGTH]


def _joined(char: str) -> bool:
    """A character that makes the letters beside it part of a longer token (a number, a
    hyphenated or elided word): `l'actualité`'s "actualité" is a word, `2-de`'s "de" is not."""
    return char.isalnum() or char in "-_"
