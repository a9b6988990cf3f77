"""Where a no-break space is typographic practice: shared by NL501 and NL505."""

from __future__ import annotations

import re

NBSP = "\u00a0"
_WORD_BEFORE = re.compile(r"\S+$")
_WORD_AFTER = re.compile(r"\S+")
CHAIN_WORDS = 3
# Words after which a no-break space is typographic practice: titles, initials, references.
_KEEPS_NEXT = frozenset(
    "mr mrs ms mx dr prof sir dame lord lady st rev fr sr jr gen col capt lt sgt maj adm cmdr "
    "sen rep gov pres no nos p pp vol vols ch chap fig figs art arts sec para page pages "
    "chapter article section figure table room flight route platform act clause rule".split()
)
_ROMAN = re.compile(r"^[IVXLC]{1,6}\b")
_FRENCH_BEFORE = "»;:!?%‰€$£¥)]/–—-&="  # a no-break space before these is typographic practice
_FRENCH_AFTER = "«([/–—-&=$£€¥#§№"  # and after these


def _joined_words(text: str, start: int, end: int) -> tuple[list[str], list[str]]:
    """The words before `start` and after `end` that no-break spaces join to this one, up to
    three on each side ("5\u00a0per\u00a0cent", "J.\u00a0K.\u00a0Rowling")."""
    left: list[str] = []
    i = start
    while len(left) < CHAIN_WORDS and (m := _WORD_BEFORE.search(text, max(0, i - 40), i)):
        left.append(m.group())
        i = m.start()
        if i == 0 or text[i - 1] != NBSP:
            break
        i -= 1
    right: list[str] = []
    j = end
    while len(right) < CHAIN_WORDS and (m := _WORD_AFTER.match(text, j, min(len(text), j + 40))):
        right.append(m.group())
        j = m.end()
        if j >= len(text) or text[j] != NBSP:
            break
        j += 1
    return left, right


def keeps_no_break_space(text: str, start: int, end: int) -> bool:
    """Whether the no-break space(s) between text[start] and text[end] are typographic practice."""
    left, right = _joined_words(text, start, end)
    if not left or not right:
        return True
    lw, rw = left[0], right[0]
    if any(c.isdigit() for w in left for c in w):
        return True  # a figure and what it counts: 10 km, 5 per cent, 25 March
    if any(c.isdigit() for w in right for c in w) and not lw[0].islower():
        return True  # March 25, No. 5, £ 5; but not "of 11.2 mln", "the 37 banks"
    if lw[-1] in _FRENCH_AFTER or rw[0] in _FRENCH_BEFORE:
        return True
    bare = lw.rstrip(".").casefold()
    if bare in _KEEPS_NEXT or (len(bare) == 1 and lw.endswith(".")) or _ROMAN.match(rw):
        return True  # Mr Smith, J. K. Rowling, p. 12, Henry VIII
    if not any(c.isalnum() for c in lw) or not any(c.isalnum() for c in rw):
        return True  # symbols: not ordinary words
    # Two capitalised words: a name kept on one line, an editor's choice.
    return lw[0].isupper() and lw[-1].isalpha() and rw[0].isupper()
