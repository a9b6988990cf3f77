"""A name the story writes once each way, and the English word that tells which way is the slip.

NL202 settles a name spelled two ways by the majority; a name written once each way is a tie it
leaves alone (`Activision` once, `Activison` once: either may be the slip). Many names are built
from an English word and a syllable or more (Acti-vision, Hammer-mill, Herring-ton), and a slip
inside that word breaks it: where only one of the two forms holds such a word, the other is the
slip. No name list is needed. Nothing is decided where the other form holds its word only by
chance, a letter or two beside it (H-organ beside Horan, Lo-chart beside Lockhart), nor where
the slip holds an English word of its own at either end (Lock-hart: two names, either may be
right), or at the end where the other's word stands (Draft-master beside Drafts-master: the
word is whole in both). Read over the 33 such ties of the BBC, Reuters and AG News corpora,
the test decides three, all rightly (Activison, Hamermill; Herington stands after a first name,
which NL101 leaves alone).

    ties = OnceWrittenNames(doc, capitals, story_counts(doc))
    ties.slip_of("Activison")  # ("Activision", "vision"): written once too, and it holds "vision"

Cost: the story's once-written unknown names are indexed once, on the first question (by the
keys of `NearNames`, so a big file's many names are not compared pair by pair), and each
question reads only the names near it: per distinct word, never per use.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Set as AbstractSet

from newslint.document import Document
from newslint.rules.naming.name_variant import NearNames, one_edit_pair
from newslint.rules.typos._words import english

WORD_MIN_LENGTH = 5  # a name's English start or end that decides: "vision", "hammer"
HELD_MIN_LENGTH = 4  # ... one that stops a decision: "lock", "draft", "mill"
REST_MIN_LENGTH = 3  # the rest of a name built from a word: "acti", "mill", "ton"; not "h", "lo"
WORD_RANK = 20000  # the words among the 20,000 most frequent


class OnceWrittenNames:
    """The story's capitalised words that no list knows (`capitals`, NL101's candidates), written
    once in any case and without a possessive: the forms a tie is made of."""

    def __init__(self, doc: Document, capitals: AbstractSet[str], counts: Counter) -> None:
        self._written = doc.word_counts
        self._capitals = capitals
        self._counts = counts  # `story_counts`: lowercase, hyphens' parts and possessives' bases
        self._near: NearNames | None = None

    def slip_of(self, name: str) -> tuple[str, str] | None:
        """(the other form of a tie, the English word it holds) when `name` is the slip: the
        other is the only once-written name one edit from it and holds a common English word at
        its start or end that `name` breaks, and `name` holds none the other lacks. Else None."""
        if not self._once(name):
            return None
        if self._near is None:
            self._near = NearNames(w for w in self._capitals if self._once(w))
        others = [o for o in self._near.of(name) if one_edit_pair(name, o)]
        if len(others) != 1:
            return None  # no tie, or three forms: no pair to break
        other = others[0]
        mine, theirs = english_ends(name), english_ends(other)
        if mine - theirs:
            return None  # Lockhart beside Lochart: each holds a word of its own
        sides = {side for side, _ in mine}  # a word whole at that end in both: none broken there
        rest = len(other) - REST_MIN_LENGTH  # the longest word a syllable or more is left beside
        deciding = [
            word for side, word in theirs - mine if side not in sides and WORD_MIN_LENGTH <= len(word) <= rest
        ]
        return (other, max(deciding, key=lambda w: (len(w), w))) if deciding else None

    def _once(self, word: str) -> bool:
        """Written once in all (in any case, in a compound, with an 's), and that once as
        itself, capitalised: Activison."""
        return word[1:].islower() and self._written.get(word) == 1 and self._counts[word.lower()] == 1


def english_ends(name: str) -> set[tuple[int, str]]:
    """The common English words of four letters or more that `name` (lowercased) starts or ends
    with, the rest of it not empty: (1, word) for a start, (-1, word) for an end.

        english_ends("Activision")  # {(-1, "vision")}
    """
    word, words = name.lower(), english()
    found = set()
    for i in range(HELD_MIN_LENGTH, len(word)):
        start, end = word[:i], word[len(word) - i :]
        if words.frequency_rank(start) < WORD_RANK:
            found.add((1, start))
        if words.frequency_rank(end) < WORD_RANK:
            found.add((-1, end))
    return found
