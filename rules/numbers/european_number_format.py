"""NL401 european-number-format."""

from __future__ import annotations

import bisect
import re
from array import array
from collections import defaultdict
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass

from newslint.document import Document
from newslint.figures import matches_at
from newslint.native import native
from newslint.rule import NOTHING, Rule
from newslint.span import _INT32_LIMIT, Span
from newslint.violation import Edit, Fix, FixAvailability, Violation

# Each pattern opens with a plain character set and checks the character before it with a
# look-behind placed after that set: the regex engine then jumps from digit to digit instead of
# trying the look-behind at every position of the story.
# "2.870/874 marks" is an exchange-rate quote (bid/offer): the slash ends no figure of ours.
# A full stop after the figure ends its sentence ("killed 150.000."): only a digit after it makes a
# longer figure (a version, a date).
_MULTI_DOT = re.compile(r"[0-9](?<![\d.,][0-9])\d{0,2}(?:\.\d{3}){2,}(?!\d|[.,/]\d)")
_ONE_DOT = re.compile(r"([1-9](?<![\d.,][1-9])\d{0,2})\.(\d{3})(?!\d|[.,/]\d)")
_DECIMAL_COMMA = re.compile(
    r"([0-9](?<![\d.,][0-9])\d{0,2}),(\d{1,2})"
    r"(?=\s?(?:%|per ?cent|percent|pct|million|billion|mln|bln|bn)\b|%)"
)
_THIN_GROUPS = re.compile(r"[0-9](?<![\d.,][0-9])\d{0,2}(?:[\u202f\u2009]\d{3})+(?![\d])")
# Groups split by ordinary spaces ("450 000 people") only before a plural noun, and not after a
# month or another figure: "June 9 200 mln dlrs", "24 300 kilowatt radios" and phone
# numbers are runs of separate figures.
_SPACE_GROUPS = re.compile(
    r"[1-9](?<![\w.,:/'’-][1-9])(?<!\d [1-9])\d{0,2}(?: \d{3})+"
    r"(?= (?:[a-z]{3,}s|people|children|men|women)\b)"
)
_MONTH_BEFORE = re.compile(
    r"(?:jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec)[a-z]*\.? $", re.IGNORECASE
)
# The separators a figure's groups are split by, between two digits.
_SEPARATORS = frozenset(".,'’\u202f\u2009 ")
# The separators that a grouping other than by full stops or a decimal comma needs.
_GROUPING_SPACES = frozenset("'’\u202f\u2009 ")
_APOSTROPHE_GROUPS = re.compile(r"[0-9](?<![\d.,'’][0-9])\d{0,2}(?:['’]\d{3})+(?![\d'’])")
_RANGE = re.compile(r"\s*(?:to|-|–)\s*\d")
_NEXT_WORD = re.compile(r"\s*([A-Za-z]+)?")

# A scale or a rate after the figure makes a decimal likely: "14.350 billion dlrs", "6.755 pct".
_SCALES = frozenset("million billion trillion mln bln bn m tn".split())
_RATES = frozenset("pct percent per points point".split())
# An English-grouped figure and the one or two words after it ("1,455 mln tonnes"); a second
# word only when nothing but space stands between them.
_ENGLISH_GROUPED = re.compile(
    r"[0-9](?<![\d.,][0-9])\d{0,2}(?:,\d{3})+(?:\.\d+)?(?:\s*([A-Za-z]+)(?:\s+([A-Za-z]+))?)?"
)
_NEXT_WORDS = re.compile(r"\s*([A-Za-z]+)?(?:\s+([A-Za-z]+))?")
_CURRENCIES = frozenset(
    "dlrs dlr dollars dollar francs franc yen marks mark pesos riyals stg sterling pounds pound "
    "euros euro ecus ecu cts cents pence lire lira rupees rand crowns guilders dinars".split()
)
_PRICE_CONTEXT = re.compile(
    r"\b(?:a|per|each)\s+(?:\d+\s+)?(?:share|barrel|tonne|ton|ounce|kilo|bushel|lb|pound|cwt|gallon|litre)s?\b"
    r"|\bto \d",
    re.IGNORECASE,
)
# The currency word and then "a share", "per 100 kilos" ("192.000 dlrs or five cts a share" is a sum).
_PER_UNIT = re.compile(rf"\s*[A-Za-z.]+\s+(?:{_PRICE_CONTEXT.pattern})", re.IGNORECASE)
_UNITS_ATTACHED = re.compile(r"m\b|km\b|kg\b")
# "1.245 shares of the buyer for each share", "converted into 1.417 common shares": a ratio.
_RATIO_AFTER = re.compile(r"[^.;\n]{0,60}?\bfor (?:each|every)\b|[^.;]{0,30}\bconvertible\b")
_RATIO_BEFORE = re.compile(r"\b(?:into|receive|exchange for)\s+$")
# Another three-decimal figure close by that cannot be thousands ("from 10.251", "to 10.625"):
# the two are a pair of decimals.
_PRECISE_NEAR = re.compile(r"(?<![\d.,])\d{1,3}\.\d\d[1-9](?![\d.])")
NEAR_CHARS = 60
# "from 4.250 to 2.150 billion dlrs": the scale after the second figure is the first one's too.
_RANGE_TO_SCALED = re.compile(
    r"\s*(?:to|-|–)\s*\d{1,3}\.\d{3}\s*(?:million|billion|trillion|mln|bln|bn|m|tn)\b"
)
# A grouped figure whose value is within this factor of the figure read as thousands backs that
# reading: "a record 1.482 mln, compared with 1,455 mln tonnes".
MAGNITUDE_FACTOR = 3.0
# An English-grouped figure set against this one: "53,056 from 19.034", "1,157,883 vs 890.138",
# "480,450 tonnes against 717.689", "5,228 (4.473)". The two are figures of one kind.
_AGAINST = r"(?:vs\.?|versus|against|from|to|compared with|and|\(|\)|,)"
_GROUPED_BEFORE = re.compile(
    rf"(?<![\d.,])\d{{1,3}}(?:,\d{{3}})+(?:[ \t\n]+[a-z]+)?[ \t\n]*{_AGAINST}[ \t\n(]*$"
)
_GROUPED_AFTER = re.compile(
    rf"\)?[ \t\n]*(?:[a-z]+[ \t\n]+)?{_AGAINST}[ \t\n(]*\d{{1,3}}(?:,\d{{3}})+(?![\d])"
)
# A figure of 1,000 or more written with English commas, outside a year-like run: the story's own
# evidence that it groups thousands with commas.
_ENGLISH_THOUSANDS = re.compile(r"[0-9](?<![\d.,][0-9])\d{0,2}(?:,\d{3})+(?![\d]|\.\d)")
# A decimal to two places or more that is not d.ddd itself: "46.40", "1.83", "110.1675".
_FINE_DECIMAL = re.compile(r"(?<![\d.,])\d+\.(?:\d\d|\d{4,})(?![\d]|\.\d)")
# "from 9.500 to 10.000 dlrs a share": the words after the range's last figure are the first's too.
_RANGE_END = re.compile(r"\s*(?:to|-|–|and)\s*\$?\d{1,3}\.\d{3}(?!\d)")
# Exchange rates: "the dollar closed at 1.825 marks", "sterling rose to 145.250 yen".
_RATE_BEFORE = re.compile(r"\b(?:dollar|dlr|sterling|pound|yen|mark|franc|currency)s?\b[^.;\n]{0,40}$", re.I)
_DOLLARS = frozenset("dlrs dlr dollars dollar cts cents".split())


def separators_between_digits(text: str, lasts: Sequence[int]) -> set[str]:
    """The characters of `_SEPARATORS` the text writes between two digits (regex `\\d`), read
    after the last digit of each run (`Document.digit_runs`' `lasts`): what a search of the
    whole text for a digit, a separator and a digit found (about half of NL401's instructions)."""
    found = {text[i + 1 : i + 2] for i in lasts if text[i + 2 : i + 3].isdecimal()}
    return found & _SEPARATORS


def _dot_groups(text: str, lasts: Sequence[int]) -> bool:
    """Whether a digit is followed by a full stop and three digits (`\\d\\.\\d{3}`), as every
    match of `_MULTI_DOT` and `_ONE_DOT` is: where none is, neither pattern scans the story."""
    return any(
        text[i + 1 : i + 2] == "." and len(g := text[i + 2 : i + 5]) == 3 and g.isdecimal() for i in lasts
    )


def _run_starts_into(text: str, found: array[int]) -> None:
    """Each item of `found`, the last digit of a run of digits, moved back to the run's first, in
    place. The twin of the compiled `run_starts_into`."""
    for i, last in enumerate(found):
        start = last
        while start > 0 and text[start - 1].isdecimal():
            start -= 1
        found[i] = start


_runs_into: Callable[[str, array[int]], None] = _run_starts_into if native is None else native.run_starts_into


def run_starts(text: str, lasts: Sequence[int]) -> array[int]:
    """The first digit of every run of digits (`lasts`: their last digits, `Document.digit_runs`),
    a word character before it or not: where a pattern that opens with a digit no digit precedes
    can match ("x1.000" too, which `Document.digit_runs`' starts leave out). A compact array, as
    the document keeps its runs: a big file holds a hundred thousand; walked back in one compiled
    call, not a Python step a digit."""
    found = array("i" if len(text) <= _INT32_LIMIT else "q", lasts)
    _runs_into(text, found)
    return found


def _lazy_matches_at(pattern: re.Pattern[str], text: str, starts: Sequence[int]) -> Iterator[re.Match[str]]:
    """`matches_at`'s matches one by one, as `pattern.finditer` gives them: a caller that stops at
    the first it wants (a big file writes tens of thousands) has not built the others."""
    following, match = 0, pattern.match
    for start in starts:
        if start >= following and (m := match(text, start)) is not None:
            following = m.end()
            yield m


def _group_starts(text: str, runs: Sequence[int], mark: str) -> list[int]:
    """The runs (`run_starts`) of one to three digits that `mark` and three digits follow: where
    `_MULTI_DOT` and `_ONE_DOT` (a full stop), `_SPACE_GROUPS` (a space), `_ENGLISH_GROUPED` (a
    comma) may match (their figure opens a run, `\\d{0,2}` after its first digit, and its first
    group follows at once). The twin of the compiled `group_starts`."""
    found = []
    for start in runs:
        end = start + 1
        while end < len(text) and end - start <= 3 and text[end].isdecimal():
            end += 1
        if (
            end - start <= 3
            and text[end : end + 1] == mark
            and len(g := text[end + 1 : end + 4]) == 3
            and g.isdecimal()
        ):
            found.append(start)
    return found


group_starts: Callable[[str, Sequence[int], str], list[int]] = (
    _group_starts if native is None else native.group_starts
)


def _decimal_starts(text: str, runs: Sequence[int]) -> list[int]:
    """The runs (`run_starts`) that a full stop and two digits follow: where `_FINE_DECIMAL` may
    match (its `\\d+` is the whole run, as a digit follows any shorter part of it, and its
    decimals open with two digits). The twin of the compiled `decimal_starts`."""
    found = []
    for start in runs:
        end = start
        while end < len(text) and text[end].isdecimal():
            end += 1
        if (
            end > start
            and text[end : end + 1] == "."
            and len(d := text[end + 1 : end + 3]) == 2
            and d.isdecimal()
        ):
            found.append(start)
    return found


decimal_starts: Callable[[str, Sequence[int]], list[int]] = (
    _decimal_starts if native is None else native.decimal_starts
)


def _comma_figures(text: str, lasts: Sequence[int]) -> list[int]:
    """The starts of the runs of one to three digits (`lasts`: their last digits) that a comma and
    one or two digits follow: `_DECIMAL_COMMA` matches at no other place. Its figure is the whole
    run, no digit before it (its look-behind) and a comma after it, which is not a digit; its
    decimals, one or two digits, are followed by a sign or a word, not a third digit (so never
    "1,234", the comma most figures with one write)."""
    found = []
    for i in lasts:
        if text[i + 1 : i + 2] != "," or not text[i + 2 : i + 3].isdecimal():
            continue
        if len(third := text[i + 3 : i + 5]) == 2 and third.isdecimal():
            continue
        start = i
        while start > 0 and text[start - 1].isdecimal():
            start -= 1
            if i - start >= 3:
                break
        if i - start < 3:
            found.append(start)
    return found


def _digit_joints(text: str, lasts: Sequence[int]) -> tuple[set[str], bool, list[int]]:
    """What NL401 reads after the last digit of each run (`Document.digit_runs`' `lasts`): the
    separators between two digits, whether a full stop and three digits follow one, and where a
    decimal comma may start. The pure-Python twin of the compiled `digit_joints`."""
    separators = separators_between_digits(text, lasts)
    commas = _comma_figures(text, lasts) if "," in separators else []
    return separators, "." in separators and _dot_groups(text, lasts), commas


digit_joints: Callable[[str, Sequence[int]], tuple[set[str], bool, list[int]]] = (
    _digit_joints if native is None else native.digit_joints
)


class EuropeanNumberFormat(Rule):
    """## What it does
    Finds numbers written with European separators in English copy: `450.000` for 450,000,
    `1.234.567`, a decimal comma (`3,5%`), or groups split by thin spaces, apostrophes
    (`450'000`) or ordinary spaces before a plural noun (`450 000 people`).

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
    `22.920 from` is unsafe), a decimal comma, apostrophe groups, space groups. Never reported: decimals
    before a scale or unit (`14.350 billion dlrs`, `5.445 dlrs a share`, `38.215 Ecus per 100
    kilos`), share ratios (`1.245 shares for each share`), pairs of decimals (`7.418 tonnes
    from 8.062`, `from 4.250 to 2.150 billion`), exchange-rate quotes (`2.870/874`), versions,
    IP addresses, dotted dates, times (`5.30pm`), and tables. A decimal before a scale is
    reported (unsafe) only when an English-grouped figure of the same size stands before the
    same word (`1.482 mln, compared with 1,455 mln`). A story that writes other three-decimal
    figures (prices such as `10.625`) gets unsafe fixes only.

    A sum of money has no three decimals: `£7.000`, `€12.500` and `30.825 dlrs` are thousands
    (unsafe), while prices per quantity, exchange rates (`the dollar at 1.825 marks`), cents (a
    dividend of `4.167 cts`) and dollar figures in eighths (share prices: `34.625 dlrs`, `from
    9.500 to 10.000 dlrs a share`, where the words after a range describe both figures) stay
    decimals, as do yields and rates (`3.875 pct`) and share counts (`12.345 shares`). Where
    nothing around a figure tells, the story does: an English-grouped figure set against it
    (`7,476 from 13.003`, `1,157,883 vs 890.138`) or a story that writes its other thousands
    with commas and no other three-decimal figures makes it a thousands figure (unsafe).

    The separator is typography, not wording, so figures inside quotations are repaired too.
    """

    code = "NL401"
    name = "european-number-format"
    fix_availability = FixAvailability.ALWAYS
    # The separator is typography, not the speaker's words: a quoted "450.000" is repaired too.
    repairs_characters = True

    def check(self, doc: Document) -> Iterator[Violation]:
        text = doc.text
        # The separators the story writes between digits, found in one call with where a full
        # stop groups digits and a decimal comma may start: each pattern below needs one of them,
        # so most stories skip most scans.
        separators, dot_groups, comma_figures = digit_joints(text, doc.digit_runs[1])
        # Not a generator: a story with none of them (most) pays one call.
        if not dot_groups and not comma_figures and _GROUPING_SPACES.isdisjoint(separators):
            return NOTHING
        return self._found(doc, separators, dot_groups, comma_figures)

    def _found(
        self, doc: Document, separators: set[str], dot_groups: bool, comma_figures: list[int]
    ) -> Iterator[Violation]:
        """The reports of the story's European figures, `digit_joints` having said which kinds
        it may write."""
        text = doc.text
        if dot_groups:
            yield from self._dotted(doc)
        if comma_figures:
            for m in matches_at(_DECIMAL_COMMA, text, comma_figures):
                if self._usable(doc, m):
                    yield self._report(m, f"{m.group(1)}.{m.group(2)}", safe=False, what="decimal comma")
        if separators & {"\u202f", "\u2009"}:
            for m in _THIN_GROUPS.finditer(text):
                if self._usable(doc, m):
                    yield self._report(
                        m, re.sub(r"[\u202f\u2009]", ",", m.group()), safe=True, what="thin-space grouping"
                    )
        if " " in separators:
            # its figure opens a run of digits that no word character precedes, of one to three
            # digits that a space and a group follow: tried there alone (a regex call a run cost
            # some 2,000 instructions, where most runs are years, days and sums)
            for m in matches_at(_SPACE_GROUPS, text, group_starts(text, doc.digit_runs[0], " ")):
                if self._usable(doc, m) and not _MONTH_BEFORE.search(text, max(0, m.start() - 12), m.start()):
                    yield self._report(m, m.group().replace(" ", ","), safe=False, what="space grouping")
        if separators & {"'", "’"}:
            for m in _APOSTROPHE_GROUPS.finditer(text):
                if self._usable(doc, m) and not re.match(r"\d{1,2}['’]\d", m.group()[:4] + " "):
                    yield self._report(
                        m, re.sub(r"['’]", ",", m.group()), safe=False, what="apostrophe grouping"
                    )

    def _dotted(self, doc: Document) -> Iterator[Violation]:
        """Figures grouped with full stops: 450.000.000 (surely), 450.000 (judged by context)."""
        text = doc.text
        # Each pattern below opens at the first digit of a run of digits (its look-behind allows
        # no digit before it): tried at those alone, not by a scan of the whole story each.
        runs = run_starts(text, doc.digit_runs[1])
        dotted = group_starts(text, runs, ".")
        for m in matches_at(_MULTI_DOT, text, dotted):
            if self._usable(doc, m):
                yield self._report(m, m.group().replace(".", ","), safe=True)
        one_dot = matches_at(_ONE_DOT, text, dotted)
        if not one_dot:
            return
        # English-grouped figures and the words after them ("1,455 mln tonnes"): one of the same
        # size before the same word makes "1.482 mln" a thousands figure with the wrong separator.
        grouped_at = group_starts(text, runs, ",")
        grouped = _GroupedFigures(text, grouped_at)
        # A story that writes three-decimal figures (prices like 10.625) makes every d.ddd doubtful.
        precise = sum(1 for m in one_dot if not m.group(2).endswith("0"))
        # A story that writes its thousands with commas is evidence that a d.ddd with nothing
        # around it to make it a decimal is a thousands figure with the wrong separator; but not
        # a story of prices and rates, which writes other decimals to two places or more (46.40
        # Ecus, 1.83 marks, 33.25 dlrs): its d.ddd figures are as often decimals.
        # Both patterns are tried only where they may match: a run that "." and two digits follow
        # (`decimal_starts`), a run of one to three digits that "," and three digits follow.
        fine = _FINE_DECIMAL.match
        commas = not any(fine(text, start) for start in decimal_starts(text, runs)) and any(
            doc.is_prose(Span(g.start(), g.end()))
            for g in _lazy_matches_at(_ENGLISH_THOUSANDS, text, grouped_at)
        )
        for m in one_dot:
            if self._usable(doc, m):
                others_precise = precise - (not m.group(2).endswith("0")) > 0
                verdict = self._single_group(text, m, grouped, commas and not others_precise)
                if verdict and others_precise:
                    verdict = False
                if verdict is not None:
                    yield self._report(m, m.group().replace(".", ","), safe=verdict)

    @staticmethod
    def _usable(doc: Document, m: re.Match) -> bool:
        span = Span(m.start(), m.end())
        return doc.is_prose(span)

    @staticmethod
    def _single_group(text: str, m: re.Match, grouped: _GroupedFigures, commas: bool) -> bool | None:
        """None: probably a decimal, leave it. True: surely thousands. False: probably thousands.
        `commas`: the story writes its thousands with commas (and no other three-decimal figures)."""
        whole, group = m.group(1), m.group(2)
        # "from 9.500 to 10.000 dlrs a share": the words after the range describe both figures
        end = m.end()
        while r := _RANGE_END.match(text, end):
            end = r.end()
        words = _NEXT_WORDS.match(text, end)
        assert words is not None  # the pattern matches the empty string
        word, second = (words.group(1) or "").lower(), (words.group(2) or "").lower()
        against = _set_against_grouped(text, m)
        if not against and _is_ratio_or_pair(text, m):
            # nobody writes a ratio with three zeros ("exercisable into 475.000 shares")
            return False if group == "000" and _is_ratio(text, m) and not _near_precise(text, m) else None
        verdict = EuropeanNumberFormat._by_context(text, m, whole, group, word, end)
        if verdict is None and word not in _RATES - {"points"}:
            value = int(whole + group)
            if grouped.back(value, word, second):
                return False
        if isinstance(verdict, str):  # _UNSURE
            # "a quota of 1.495 bpd" beside "210,000 bpd": the story's figure before the same word
            # is of another size (the d.ddd lost its "mln"), so its commas say nothing here
            commas = (
                commas
                and not grouped.of_other_size(int(whole + group), word)
                and not _PRICE_CONTEXT.search(
                    text, end, end + 60
                )  # "46.864 European currency units per 100 kilos"
            )
            return False if against or commas else None
        return verdict

    @staticmethod
    def _by_context(text: str, m: re.Match, whole: str, group: str, word: str, end: int) -> bool | None | str:
        """What the words around say: True (thousands), False (probably thousands), None (a
        decimal), or _UNSURE (nothing either way: the story's other figures decide)."""
        after = text[end : end + 40]
        if _UNITS_ATTACHED.match(text, m.end()):
            return group == "000" or None  # 10.000m (metres): thousands; 5.445m: a decimal
        before = text[max(0, m.start() - 1) : m.start()]
        if before in "$£€¥" and before:
            if group == "000":
                return True
            if _RATE_BEFORE.search(text, max(0, m.start() - 60), m.start()):
                return None  # an exchange rate ("sterling at $1.605")
            return False  # a sum has no three decimals: "£7.250", "€12.500", "$26.500"
        if word in ("points", "point"):
            # "rose 450.000 points": nobody writes an index move with three zeros, but a move of
            # thousands is no surer, so probably thousands only when the zeros say so
            return False if group == "000" and len(whole) >= 2 and not _RANGE.match(text, m.end()) else None
        if word in _RATES:
            return None  # yields and rates keep their decimals: "3.875 pct", "8.000 pct"
        if word in _SCALES:
            return False if group.endswith("00") else None  # "6.000 billion yen": nobody writes the zeros
        if word in ("shares", "share"):
            # "529.300 shares", "644.727 shares": blocks of shares (nobody owns 644 shares and a
            # fraction); "12.345 shares" may be a ratio or a fund's fractional holding, so the
            # story's other figures decide
            if group == "000" or group.endswith("00") and len(whole) >= 2:
                return True
            return False if len(whole) == 3 else _UNSURE
        if word in _CURRENCIES:
            return EuropeanNumberFormat._money(text, m, group, word, after)
        if (
            word.endswith("s")
            and len(word) > 3
            or word in ("people", "children", "men", "women", "staff", "police", "e")
        ):
            return group == "000" or group.endswith("00") and len(whole) >= 2 or False
        if group == "000" and len(whole) >= 2 and not _RANGE.match(text, m.end()):
            return True  # "20.000 represented": nobody writes a decimal with three zeros in prose
        return False if group.endswith("0") else _UNSURE

    @staticmethod
    def _money(text: str, m: re.Match, group: str, word: str, after: str) -> bool | None | str:
        # (a price with three zeros, "100.000 dlrs a share", is a price only in a range of
        # three-decimal prices: "from 9.500 to 10.000 dlrs a share")
        """A d.ddd before a currency word: prices per quantity ("38.215 Ecus per 100 kilos",
        "5.445 dlrs a share"), exchange rates ("1.825 marks", "112.673 guilders per 100"),
        dividend rates ("its 2.675 dlr preferred") and cents are decimals in wire copy; only a
        "00" ending ("6.500 dlrs") or an English-grouped figure set against it says thousands."""
        if _PER_UNIT.match(after) or _PRICE_CONTEXT.search(text[max(0, m.start() - 25) : m.start()]):
            return False if group == "000" and not _in_range(text, m) else None
        return False if group.endswith("00") else None

    def _report(
        self, m: re.Match, english: str, safe: bool, what: str = "European thousands separator"
    ) -> Violation:
        span = Span(m.start(), m.end())
        make = Fix.safe if safe else Fix.unsafe
        return self.violation(
            span,
            f"{m.group()!r} uses a {what}; in English copy write {english!r}",
            make(f"Write {english!r}", Edit.replace(span, english)),
        )


@dataclass(frozen=True)
class _Grouped:
    """An English-grouped figure of the story and the words after it."""

    value: float
    word: str
    second: str

    def backs(self, value: int, word: str, second: str) -> bool:
        """Whether this figure supports reading `value` (the d.ddd figure read as thousands):
        the same word after it, no clash of a second word ("billion dlrs" / "billion dinars"),
        and a value of the same size but not the same digits (one of two equal figures written
        two ways is an error, but which one cannot be told)."""
        if not word or word != self.word or second and self.second and second != self.second:
            return False
        return value != self.value and 1 / MAGNITUDE_FACTOR <= value / self.value <= MAGNITUDE_FACTOR


def _grouped_figures(text: str, grouped_at: Sequence[int] | None = None) -> list[_Grouped]:
    """The story's English-grouped figures; `grouped_at`: the runs of digits of one to three
    digits that a comma and three digits follow (`group_starts` of `run_starts`), if found
    already: the pattern is tried there alone, not by a scan."""
    out = []
    if grouped_at is None:
        found: Iterable[re.Match[str]] = _ENGLISH_GROUPED.finditer(text)
    else:
        found = matches_at(_ENGLISH_GROUPED, text, grouped_at)
    for g in found:
        number = g.group().split()[0] if g.group(1) else g.group()
        figure = re.match(r"[\d,]+(?:\.\d+)?", number)
        assert figure is not None  # the match opens with a digit
        digits = figure.group().replace(",", "")
        out.append(_Grouped(float(digits), (g.group(1) or "").lower(), (g.group(2) or "").lower()))
    return out


class _GroupedFigures:
    """The story's English-grouped figures, by the word after them and then by value, so that a
    d.ddd figure is compared only with those of its word and size: a big file writes thousands
    of "1,455 mln" figures, and comparing each d.ddd figure with all of them is quadratic."""

    def __init__(self, text: str, grouped_at: Sequence[int] | None = None) -> None:
        by_word: dict[str, list[_Grouped]] = defaultdict(list)
        for figure in _grouped_figures(text, grouped_at):
            by_word[figure.word].append(figure)
        self._by_word = {word: sorted(figures, key=lambda f: f.value) for word, figures in by_word.items()}
        self._values = {word: [f.value for f in figures] for word, figures in self._by_word.items()}

    def of_other_size(self, value: int, word: str) -> bool:
        """Whether the story writes grouped figures before `word`, none of them within the factor."""
        values = self._values.get(word) if word else None
        if not values:
            return False
        low = bisect.bisect_left(values, value / MAGNITUDE_FACTOR)
        return not (low < len(values) and values[low] <= value * MAGNITUDE_FACTOR)

    def back(self, value: int, word: str, second: str) -> bool:
        """Whether one of the figures `backs` reading `value` (before `word`, `second`) as thousands."""
        figures = self._by_word.get(word) if word else None
        if not figures:
            return False
        # the figures within the factor, with a margin for rounding: `backs` decides exactly
        values = self._values[word]
        low = bisect.bisect_left(values, value / MAGNITUDE_FACTOR * (1 - 1e-9))
        high = bisect.bisect_right(values, value * MAGNITUDE_FACTOR * (1 + 1e-9))
        return any(f.backs(value, word, second) for f in figures[low:high])


_UNSURE = "unsure"


def _eighths(group: str) -> bool:
    """A fraction in eighths (.125, .375, .500): how dollar share prices were quoted."""
    return int(group) % 125 == 0


def _set_against_grouped(text: str, m: re.Match) -> bool:
    """Whether an English-grouped figure is set against this one ("53,056 from 19.034",
    "1,157,883 vs 890.138", "5,228 (4.473)"): the two are figures of one kind, so the d.ddd is
    a thousands figure too."""
    return bool(
        _GROUPED_BEFORE.search(text, max(0, m.start() - 40), m.start())
        or _GROUPED_AFTER.match(text, m.end(), m.end() + 40)
    )


def _is_ratio_or_pair(text: str, m: re.Match) -> bool:
    """A share ratio ("1.245 shares ... for each share") or one of a pair of decimals
    ("7.418 tonnes last year from 8.062", "from 4.250 to 2.150 billion")."""
    return _is_ratio(text, m) or bool(_RANGE_TO_SCALED.match(text, m.end())) or _near_precise(text, m)


def _is_ratio(text: str, m: re.Match) -> bool:
    return bool(
        _RATIO_AFTER.match(text, m.end()) or _RATIO_BEFORE.search(text, max(0, m.start() - 20), m.start())
    )


def _near_precise(text: str, m: re.Match) -> bool:
    lo, hi = max(0, m.start() - NEAR_CHARS), m.end() + NEAR_CHARS
    return any(n.start() != m.start() for n in _PRECISE_NEAR.finditer(text, lo, hi))


_RANGE_BEFORE = re.compile(r"\d\.\d{3}\s*(?:to|-|–|and)\s*\$?$")


def _in_range(text: str, m: re.Match) -> bool:
    """One end of a range of three-decimal figures: "from 9.500 to 10.000"."""
    return bool(
        _RANGE_END.match(text, m.end()) or _RANGE_BEFORE.search(text, max(0, m.start() - 20), m.start())
    )
