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

from newslint.document import Document, Token

# An acronym given in brackets: (ADB), (CAS). Two letters are initials too often (US, UK) to pair.
_BRACKETED = re.compile(r"\(([A-Z]{3,6})\)")
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
    the acronym meant."""
    defined = spelled_out(doc.text)
    if not defined:
        return []
    uses: dict[str, int] = {}
    forms: dict[str, str] = {}  # word as written -> the capitals it is (ABD's -> ABD)
    for word, n in doc.word_counts.items():
        base = _without_possessive(word) if word.endswith(_LAST) else word
        if base.isupper() and base.isalpha():
            uses[base] = uses.get(base, 0) + n
            forms[word] = base
    meant: dict[str, str] = {}
    for acronym in defined:
        if uses.get(acronym, 0) < MIN_USES:
            continue
        for slip in _swaps(acronym):
            if uses.get(slip, 0) == 1 and slip not in defined:
                meant[slip] = acronym
    if not meant:
        return []
    written = {w for w, base in forms.items() if base in meant}
    return [(tok, forms[tok.text], meant[forms[tok.text]]) for tok in doc.words_among(written)]


_POSSESSIVE = re.compile(r"['’]s$")  # the plain form of `_without_possessive`
_LAST = ("s", "\n")  # how a word `_POSSESSIVE` matches in ends


def _without_possessive(word: str) -> str:
    """`_POSSESSIVE.sub("", word)`: the word less a final "'s" or "’s" (before a final newline,
    where `$` matches too), read from its end: the pattern was tried at each letter of each word
    of a story that spells an acronym out (about 1,500 instructions a word)."""
    body = word[:-1] if word.endswith("\n") else word
    if body.endswith(("'s", "’s")):
        return body[:-2] + word[len(body) :]
    return word
