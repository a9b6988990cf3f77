"""An acronym with two neighbouring letters swapped, where the story spells the acronym out.

A story that names an organisation and gives its acronym in brackets (`the Asian Development Bank
(ADB)`) and writes the acronym again has said what the letters are; the same capitals with two
neighbouring letters swapped, written once (`ABD president Thadao Chino`), are the typist's slip,
not another body: a second organisation whose acronym is an anagram of the first is rare, and one
the story never names rarer still. Acronyms are otherwise never checked (no list knows them).

    swapped_acronyms(doc)  # [(the ABD token, "ADB")] in the story above
"""

from __future__ import annotations

import re
from collections.abc import Mapping

from newslint.document import Document, Token
from newslint.native import BRACKETED_ACRONYM as _BRACKETED
from newslint.native import bracketed_acronyms

_WORD = re.compile(r"[A-Za-z][\w'’&.-]*")
# The small words a name's initials skip: Court of Arbitration for Sport (CAS).
_SKIPPED = frozenset({"of", "and", "for", "the", "de", "on", "in", "&"})
NAME_REACH = 150  # characters before the bracket that the spelled-out name is looked for in
MIN_USES = 2  # the acronym is written this often, its brackets too: the story's own spelling


def spelled_out(text: str) -> dict[str, int]:
    """The acronyms the story gives in brackets after the name whose initials they are
    (`Asian Development Bank (ADB)`), each with the offset of its brackets."""
    found: dict[str, int] = {}
    if "(" not in text:
        return found
    for m in _BRACKETED.finditer(text):
        acronym = m.group(1)
        if acronym not in found and _initials_before(text, m.start(), len(acronym)) == acronym:
            found[acronym] = m.start()
    return found


def _initials_before(text: str, end: int, n: int) -> str:
    """The initials of the last `n` capitalised words before `end`, small words skipped; fewer
    where a lowercase word comes first."""
    initials: list[str] = []
    for word in reversed(_WORD.findall(text, max(0, end - NAME_REACH), end)):
        if word.lower() in _SKIPPED:
            continue
        if not word[0].isupper():
            break
        initials.append(word[0])
        if len(initials) == n:
            break
    return "".join(reversed(initials))


def _swaps(acronym: str) -> set[str]:
    """The acronym with each pair of neighbouring (different) letters swapped."""
    return {
        acronym[:i] + acronym[i + 1] + acronym[i] + acronym[i + 2 :]
        for i in range(len(acronym) - 1)
        if acronym[i] != acronym[i + 1]
    }


def swapped_acronyms(doc: Document) -> list[tuple[Token, str, str]]:
    """The tokens written once that are an acronym the story spells out and writes again, with
    two neighbouring letters swapped (ABD, ABD's): each with the slip (less a possessive) and
    the acronym meant. The uses of each acronym and swap are looked up as the words they are
    written as (`_WRITTEN`), not gathered from a walk over every word of the story."""
    counts = doc.word_counts
    if not _swap_possible(doc.text, counts):
        return []  # (most stories: no bracketed acronym written again with a swap written once)
    defined = spelled_out(doc.text)
    if not defined:
        return []
    meant: dict[str, str] = {}
    for acronym in defined:
        if _uses(counts, acronym) < MIN_USES:
            continue
        for slip in _swaps(acronym):
            if _uses(counts, slip) == 1 and slip not in defined:
                meant[slip] = acronym
    if not meant:
        return []
    forms = {slip + end: slip for slip in meant for end in _WRITTEN if slip + end in counts}
    return [(tok, forms[tok.text], meant[forms[tok.text]]) for tok in doc.words_among(set(forms))]


def _swap_possible(text: str, counts: Mapping[str, int]) -> bool:
    """Whether a bracketed acronym of the story is written `MIN_USES` times or more with a swap
    of it written once: else `swapped_acronyms` finds nothing, and no name before a bracket is
    read for its initials (`spelled_out`: a search of the 150 characters before each bracket,
    most of them a wire's "(Reuters)" or a ticker written once)."""
    # (the acronyms found by one compiled walk: a search for "(" and a match at each cost a
    # story about 5,000 instructions in Python, and most stories hold no acronym in brackets)
    for acronym in bracketed_acronyms(text):
        if _uses(counts, acronym) >= MIN_USES and any(_uses(counts, slip) == 1 for slip in _swaps(acronym)):
            return True
    return False


# The words a run of capitals (ADB, or a swap of it) is written as: itself and its possessives
# ("'s" or "’s" cut from its end). No other word less a possessive is capitals alone: what is
# left of a word ending in a line break ends so too.
_WRITTEN = ("", "'s", "’s")


def _uses(counts: Mapping[str, int], capitals: str) -> int:
    """The uses of `capitals`, as written and in a possessive (ADB, ADB's, ADB’s): each of
    `_WRITTEN`, no generator made."""
    return counts.get(capitals, 0) + counts.get(capitals + "'s", 0) + counts.get(capitals + "’s", 0)
