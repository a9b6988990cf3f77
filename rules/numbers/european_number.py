"""NL401 european-number-format."""
from __future__ import annotations

import re
from collections.abc import Iterator

from newslint.document import Document
from newslint.rule import Rule
from newslint.span import Span
from newslint.violation import Edit, Fix, FixAvailability, Violation

# Each pattern opens with a plain character set and checks the character before it with a
# look-behind placed after that set: the regex engine then jumps from digit to digit instead of
# trying the look-behind at every position of the story.
_MULTI_DOT = re.compile(r"[0-9](?<![\d.,][0-9])\d{0,2}(?:\.\d{3}){2,}(?![\d.]|,\d)")
_ONE_DOT = re.compile(r"([1-9](?<![\d.,][1-9])\d{0,2})\.(\d{3})(?![\d.]|,\d)")
_DECIMAL_COMMA = re.compile(
    r"([0-9](?<![\d.,][0-9])\d{0,2}),(\d{1,2})(?=\s?(?:%|per ?cent|percent|pct|million|billion|mln|bln|bn)\b|%)"
)
_THIN_GROUPS = re.compile(r"[0-9](?<![\d.,][0-9])\d{0,2}(?:[\u202f\u2009]\d{3})+(?![\d])")
_APOSTROPHE_GROUPS = re.compile(r"[0-9](?<![\d.,'’][0-9])\d{0,2}(?:['’]\d{3})+(?![\d'’])")
# A separator between two digits (the look-ahead keeps the second digit for the next match).
_SEPARATOR = re.compile(r"[0-9]([.,'’\u202f\u2009])(?=[0-9])")
_RANGE = re.compile(r"\s*(?:to|-|–)\s*\d")
_NEXT_WORD = re.compile(r"\s*([A-Za-z]+)?")

# A scale or a rate after the figure makes a decimal likely: "14.350 billion dlrs", "6.755 pct".
_SCALES = frozenset("million billion trillion mln bln bn m tn".split())
_RATES = frozenset("pct percent per points point".split())
_ENGLISH_GROUPED = re.compile(r"[0-9](?<![\d.,][0-9])\d{0,2}(?:,\d{3})+(?:\.\d+)?\s*([A-Za-z]+)?")
_CURRENCIES = frozenset("dlrs dollars dollar francs franc yen marks mark pesos riyals stg sterling pounds pound "
                        "euros euro cts cents pence lire lira rupees rand crowns guilders".split())
_PRICE_CONTEXT = re.compile(r"\b(?:a|per) (?:share|barrel|tonne|ton|ounce|kilo|bushel|lb|pound)\b|\bto \d", re.IGNORECASE)
_UNITS_ATTACHED = re.compile(r"m\b|km\b|kg\b")


class EuropeanNumberFormat(Rule):
    """## What it does
    Finds numbers written with European separators in English copy: `450.000` for 450,000,
    `1.234.567`, a decimal comma (`3,5%`), or groups split by thin spaces or apostrophes
    (`450'000`).

    ## Why is this bad?
    In English `450.000` reads as four hundred and fifty with three decimals: the figure is
    wrong by a factor of a thousand.

    ## Example
        450.000 Syrians lost their lives.

    ## Use instead
        450,000 Syrians lost their lives.

    ## Fix safety
    Safe when the grouping cannot be a decimal: two or more dot groups (`1.234.567`), or one
    group of `.000` before a count noun (`450.000 Syrians`) or after a currency sign
    (`$10.000`). Unsafe when it is only likely: other single groups (`7.000 jobs` is safe,
    `22.920 from` is unsafe), a decimal comma, apostrophe groups. Never reported: decimals
    before a scale or unit (`1.377 mln`, `14.350 billion dlrs`, `5.445 dlrs a share`),
    versions, IP addresses, dotted dates, times (`5.30pm`), and tables. A story that writes
    other three-decimal figures (prices such as `10.625`) gets unsafe fixes only.

    The separator is typography, not wording, so figures inside quotations are repaired too.
    """

    code = "NL401"
    name = "european-number-format"
    fix_availability = FixAvailability.ALWAYS
    # The separator is typography, not the speaker's words: a quoted "450.000" is repaired too.
    repairs_characters = True

    def check(self, doc: Document) -> Iterator[Violation]:
        text = doc.text
        # One scan for the separators the story writes between digits; each pattern below
        # needs one of them, so most stories skip most scans.
        separators = set(_SEPARATOR.findall(text))
        if not separators:
            return
        if "." in separators:
            yield from self._dotted(doc)
        if "," in separators:
            for m in _DECIMAL_COMMA.finditer(text):
                if self._usable(doc, m):
                    yield self._report(m, f"{m.group(1)}.{m.group(2)}", safe=False, what="decimal comma")
        if separators & {"\u202f", "\u2009"}:
            for m in _THIN_GROUPS.finditer(text):
                if self._usable(doc, m):
                    yield self._report(m, re.sub(r"[\u202f\u2009]", ",", m.group()), safe=True, what="thin-space grouping")
        if separators & {"'", "’"}:
            for m in _APOSTROPHE_GROUPS.finditer(text):
                if self._usable(doc, m) and not re.match(r"\d{1,2}['’]\d", m.group()[:4] + " "):
                    yield self._report(m, re.sub(r"['’]", ",", m.group()), safe=False, what="apostrophe grouping")

    def _dotted(self, doc: Document) -> Iterator[Violation]:
        """Figures grouped with full stops: 450.000.000 (surely), 450.000 (judged by context)."""
        text = doc.text
        for m in _MULTI_DOT.finditer(text):
            if self._usable(doc, m):
                yield self._report(m, m.group().replace(".", ","), safe=True)
        one_dot = list(_ONE_DOT.finditer(text))
        if not one_dot:
            return
        # Words the story puts after English-grouped figures ("1,351 mln"): the same word after
        # "1.377" suggests the same kind of figure, with the wrong separator.
        grouped_before = {(g.group(1) or "").lower() for g in _ENGLISH_GROUPED.finditer(text)}
        # A story that writes three-decimal figures (prices like 10.625) makes every d.ddd doubtful.
        precise = any(not m.group(2).endswith("0") for m in one_dot)
        for m in one_dot:
            if self._usable(doc, m):
                verdict = self._single_group(text, m, grouped_before)
                if verdict is None and m.group(2) == "000" and not precise and not _RANGE.match(text, m.end()):
                    verdict = False
                if verdict and precise:
                    verdict = False
                if verdict is not None:
                    yield self._report(m, m.group().replace(".", ","), safe=verdict)

    @staticmethod
    def _usable(doc: Document, m: re.Match) -> bool:
        span = Span(m.start(), m.end())
        return doc.is_prose(span)

    @staticmethod
    def _single_group(text: str, m: re.Match, grouped_before: set[str]) -> bool | None:
        """None: probably a decimal, leave it. True: surely thousands. False: probably thousands."""
        whole, group = m.group(1), m.group(2)
        word = (_NEXT_WORD.match(text, m.end()).group(1) or "").lower()
        verdict = EuropeanNumberFormat._by_context(text, m, whole, group, word)
        if verdict is None and word and word in grouped_before and word not in _RATES - {"points"}:
            return False
        return verdict

    @staticmethod
    def _by_context(text: str, m: re.Match, whole: str, group: str, word: str) -> bool | None:
        after = text[m.end() : m.end() + 40]
        if _UNITS_ATTACHED.match(after):
            return group == "000" or None  # 10.000m (metres): thousands; 5.445m: a decimal
        before = text[max(0, m.start() - 1) : m.start()]
        if before in "$£€¥":
            return True if group == "000" else False
        if word in _RATES:
            return None
        if word in _SCALES:
            return False if group.endswith("00") else None  # "6.000 billion yen": nobody writes the zeros
        if word in _CURRENCIES:
            if _PRICE_CONTEXT.search(after) or _PRICE_CONTEXT.search(text[max(0, m.start() - 25) : m.start()]):
                return None
            return False if group.endswith("00") else None
        if word.endswith("s") and len(word) > 3 or word in ("people", "children", "men", "women", "staff", "police", "e"):
            return group == "000" or group.endswith("00") and len(whole) >= 2 or False
        if group == "000" and len(whole) >= 2 and not _RANGE.match(text, m.end()):
            return True  # "20.000 represented": nobody writes a decimal with three zeros in prose
        return False if group.endswith("0") else None

    def _report(self, m: re.Match, english: str, safe: bool, what: str = "European thousands separator") -> Violation:
        span = Span(m.start(), m.end())
        make = Fix.safe if safe else Fix.unsafe
        return self.violation(span, f"{m.group()!r} uses a {what}; in English copy write {english!r}",
                              make(f"Write {english!r}", Edit.replace(span, english)))
