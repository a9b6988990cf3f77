"""NL201 english-variety-mix."""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Callable, Collection, Iterator, Mapping, Sequence

from newslint.document import Document, LetterTest, Token
from newslint.figures import digit_runs, matches_at
from newslint.native import native
from newslint.profile import Profile
from newslint.rule import NOTHING, Rule, RuleContext, Suggestion, Trigger
from newslint.rules._styles import HOUSE_STYLES, style_name, styles_where
from newslint.rules.naming import _desk_variety, _senses
from newslint.rules.naming._company import COMPANY_AFTER
from newslint.rules.naming._datelines import dateline_variety
from newslint.rules.naming._varieties import Variant, variants
from newslint.span import Span
from newslint.violation import Edit, Fix, FixAvailability, Violation

_MONTHS = (
    "January", "February", "March", "April", "May", "June", "July", "August", "September", "October",
    "November", "December",
)  # fmt: skip
_MONTH = f"(?:{'|'.join(_MONTHS)})"
# Signs of British copy besides spelling, each kind counted at most MAX_SIGNS times: prices in
# pounds, "per cent", titles without a full stop (Mr Brown), day-month dates (25 February),
# amounts and measures run into their unit ($4.5bn, 4.88m, 10km), "UK", "BBC" and "the US"
# without full stops (American style writes "U.S."), a colon before a quotation (`Jones said:
# "We ...`: 118 stories of the corpora's even half that spell in one variety have it, 117 spell
# British) and "towards" (43 of 46).
# American copy writes "percent". (Reuters copy of any era mixes both spellings, and its "pct",
# "dlrs" and month-day dates say nothing about its spelling; its sign-off does, below.)
STRONG_SIGN = 2  # money and "per cent" say more than a title or a date
# Each sign: its weight, literals one of which the text must contain (a cheap test before the
# regular expression runs), and the pattern. The patterns open with their first letter, the word
# boundary before it checked by a look-behind after it (`p(?<!\wp)ercent\b` for r"\bpercent\b"),
# so the regex engine skips to that letter: four to ten times faster; tests/test_fast_patterns.py
# checks them against their plain forms, kept there. A pattern that opens with a digit says where
# it can start (the last element): at the first digit of a figure (FIGURE: no word character
# before it) or at the last digit of a run (LAST_DIGIT: a letter after it), and is tried there
# alone (`newslint.figures`) instead of scanning the whole story.
FIGURE, LAST_DIGIT = 0, 1  # indexes into `Document.digit_runs`
# The literals of the titles: British copy writes "Mr Brown", American "Mr. Brown". A story is
# searched for all the signs' literals at once (`_held`: one pass, where a search a literal was
# a pass each), before any pattern scans it (most stories that write titles write them one way: a
# scan of the whole story saved). A day-month date needs a month's name: half the stories write
# none, and their figures are not each tried as a date's day.
_TITLES = ("Mr", "Ms", "Dr")
_DOTTED_TITLES = ("Mr.", "Mrs.", "Ms.", "Dr.")
# "UK", "BBC" and "the US" without full stops, counted as the pattern's two alternatives apart
# (`_house_signs`): the regex engine skips to one literal first letter fast, but tries a class of
# two (U, B) at every character, five times the time (measured). No match of one holds the other's
# first letter, so no match of one starts inside one of the other's, and their counts add up.
_BRITISH_ABBREVIATIONS = re.compile(r"U(?<!\wU)(?:K\b|S(?:-[a-z]|\b(?!\.)(?<=[a-z] US)))|B(?<!\wB)BC\b")
_ABBREVIATION_PARTS = (
    re.compile(r"U(?<!\wU)(?:K\b|S(?:-[a-z]|\b(?!\.)(?<=[a-z] US)))"),
    re.compile(r"B(?<!\wB)BC\b"),
)
# Amounts and measures run into their unit ($4.5bn, 4.88m, 10km): counted in one compiled call
# over the story's last digits (`_units`), not a match call at each.
_UNITS = re.compile(r"\d(?:bn|m|km|kg|cm|mm)\b")
# The signs whose pattern is two alternatives of different first letters: each alternative with
# the literals every match of it holds. A story that holds the literals of one alone is scanned
# for that alternative alone (it finds what the whole pattern finds, the other having no match):
# a literal first letter the regex engine jumps to, where it tried a class of two (£ or p, M or
# D) at every character (`_house_signs`; most stories write titles one way, and few both "£"
# and "per cent").
_Alternative = tuple[tuple[str, ...], re.Pattern[str]]
# A day-month date (25 February): counted at the story's first digits in one compiled call
# (`_figure_words`), not a match call at each.
_DAY_MONTH = re.compile(rf"\d(?<!\w\d)\d?\s{_MONTH}\b")
_MONEY_PARTS: tuple[_Alternative, _Alternative] = (
    (("£",), re.compile(r"£")),
    (("per cent", "pence"), re.compile(r"p(?<!\wp)(?:er cent|ence)\b")),
)
_GB_TITLE_PARTS: tuple[_Alternative, _Alternative] = (
    (("Mr", "Ms"), re.compile(r"M(?<!\wM)(?:rs?|s)\s[A-Z]")),
    (("Dr",), re.compile(r"D(?<!\wD)r\s[A-Z]")),
)
_US_TITLE_PARTS: tuple[_Alternative, _Alternative] = (
    (("Mr.", "Mrs.", "Ms."), re.compile(r"M(?<!\wM)(?:rs?|s)\.\s[A-Z]")),
    (("Dr.",), re.compile(r"D(?<!\wD)r\.\s[A-Z]")),
)


def _either(parts: tuple[_Alternative, _Alternative]) -> re.Pattern[str]:
    """The pattern of a sign's two alternatives, as a story holding the literals of both reads it."""
    return re.compile("|".join(pattern.pattern for _, pattern in parts))


_MONEY = _either(_MONEY_PARTS)
_GB_TITLES = _either(_GB_TITLE_PARTS)
_US_TITLES = _either(_US_TITLE_PARTS)
_SIGN_PARTS = {_MONEY: _MONEY_PARTS, _GB_TITLES: _GB_TITLE_PARTS, _US_TITLES: _US_TITLE_PARTS}
_SIGNS = {
    "gb": (
        (STRONG_SIGN, ("£", "per cent", "pence"), _MONEY, None),
        (1, _TITLES, _GB_TITLES, None),
        (1, _MONTHS, _DAY_MONTH, FIGURE),
        (1, (), _UNITS, LAST_DIGIT),
        (1, ("UK", "BBC", "US"), _BRITISH_ABBREVIATIONS, None),
        # a colon before a quotation ("Jones said: "We ...") and "towards"
        (1, (":",), re.compile(r":(?:(?<=\bsaid:)|(?<=\bsays:)|(?<=\badded:))[ \t\n]*[\"“]"), None),
        (1, ("towards",), re.compile(r"t(?<!\wt)owards\b"), None),
    ),
    "us": (
        (1, ("percent",), re.compile(r"p(?<!\wp)ercent\b"), None),
        (1, _DOTTED_TITLES, _US_TITLES, None),
    ),
}
# Reuters' desks signed off differently: "REUTER" mostly from London and Asia, which spell
# British, "Reuter" mostly from the American desks. The American desks' stories are about
# American companies and government; only with both signs does the sign-off count for American.
# `\b(Reuter|REUTER)\s*\Z` with the word boundary read as look-behinds after the name: its
# first letter is a literal the engine jumps to, where `\b` first was tried at every position
# (half the search's time, measured; tests/test_fast_patterns.py keeps the plain form).
_SIGN_OFF = re.compile(r"(Reuter|REUTER)(?<!\wReuter)(?<!\wREUTER)\s*\Z")
# (Written first letter first, as the signs are: tests/test_fast_patterns.py keeps the plain forms.)
_US_DESK = re.compile(
    r"(?:I(?<!\wI)(?:nc|RS|nternal Revenue)|C(?<!\wC)(?:orp|ongress|ongressional|alifornia)|c(?<!\wc)ts"
    r"|S(?<!\wS)enate|U(?<!\wU)SDA|R(?<!\wR)eagan|W(?<!\wW)(?:all Street|ashington)|N(?<!\wN)asdaq"
    r"|T(?<!\wT)exas|F(?<!\wF)ederal|f(?<!\wf)ederal)\b"
)
_GB_DESK = re.compile(
    r"(?:s(?<!\ws)(?:tg|terling)|P(?<!\wP)(?:lc|LC|aris)|L(?<!\wL)td|E(?<!\wE)(?:C|cus?)"
    r"|C(?<!\wC)(?:ommunity|hancellor)|f(?<!\wf)rancs?|B(?<!\wB)(?:undesbank|onn)|M(?<!\wM)inistry"
    r"|t(?<!\wt)onnes?|m(?<!\wm)arks|y(?<!\wy)en|T(?<!\wT)okyo|J(?<!\wJ)(?:apan|apanese)"
    r"|H(?<!\wH)ong Kong|S(?<!\wS)ingapore|A(?<!\wA)ustralian?)\b"
)
# The same subjects as words, for `_whole_words`: one pass over a story compares its word starts
# with them, far cheaper than the patterns' scans, whose first letters include common ones (s, t,
# m, f, c): the engine tried them at a fifth of a story's characters. The commonest first.
_US_SUBJECTS = (
    "Inc", "Corp", "cts", "federal", "Federal", "Washington", "Congress", "Senate", "Reagan", "Texas",
    "California", "Wall Street", "Nasdaq", "USDA", "IRS", "Internal Revenue", "Congressional",
)  # fmt: skip
_GB_SUBJECTS = (
    "Ltd", "Japan", "Japanese", "Tokyo", "yen", "stg", "Plc", "PLC", "EC", "Community", "marks",
    "francs", "franc", "Paris", "Bundesbank", "Bonn", "Ministry", "sterling", "tonnes", "tonne",
    "Ecus", "Ecu", "Chancellor", "Hong Kong", "Singapore", "Australian", "Australia",
)  # fmt: skip
MAX_SIGNS = 3
_VARIETIES = tuple(_SIGNS)  # the varieties whose signs `_house_signs` counts unless told
MIN_EVIDENCE = 2  # the majority needs at least this much evidence
BRITISH_STYLE = 4  # house-style evidence that makes a lone -ize the odd one out
MARGIN = 2  # ... and this many times the evidence for the other variety
LOCALE_VARIETY = {"en-US": "us", "en-GB": "gb", "en-AU": "gb", "en-CA": None}
# Without a locale, a house style that names a variety decides: AP writes American spelling, the
# BBC and the Guardian British with -ise (their style guides); Reuters' handbook names none.
STYLE_VARIETY = {key: style.spelling for key, style in HOUSE_STYLES.items() if style.spelling}
ISE_STYLES = frozenset(styles_where(lambda s: s.writes_ise))


def stated_variety(locale: str | None, style: str | None) -> str | None:
    """ "us" or "gb" when the desk stated its variety, by its locale or else its house style."""
    if LOCALE_VARIETY.get(locale or ""):
        return LOCALE_VARIETY[locale or ""]
    if (style or "") in STYLE_VARIETY and (locale or "") not in LOCALE_VARIETY:
        return STYLE_VARIETY[style or ""]
    return None


NAMES = {"us": "American", "gb": "British"}
OTHER = {"us": "gb", "gb": "us"}

# Spellings VarCon cannot call by themselves, because the same letters are right in the other
# variety in another sense; they count only in the context given.
_NUMBER_BEFORE = re.compile(r"\d\s*$")
# A show's name before "program" (Newsnight program), not a capitalised word that opens a sentence.
# An acronym names an organisation, not a show: "the GATT program", "an IMF program".
_SHOW_BEFORE = re.compile(
    r"(?:\b(?!(?:The|A|An|This|That|Its|His|Her|Their|Our|Each|Every|No|One)\s)(?![A-Z]+\s)[A-Z][\w']*"
    r"|\b(?:TV|radio|television|documentary|news|BBC))\s+$"
)
_SOFTWARE = re.compile(
    r"\b(?:software|computers?|Microsoft|Windows|downloads?|browsers?|PCs?|viruses|virus|apps?|code"
    r"|malware|spyware|hackers?|install(?:s|ed|ing)?|programmers?|programming|phones?|handsets?"
    r"|trojans?|open source|forums?|websites?|online|users|machines|e-?mails?)\b",
    re.IGNORECASE,
)
# `_SOFTWARE`'s words (its alternatives spelled out), but for those that hold a space or a hyphen:
# `_about_software` looks for them as whole runs of word characters in an ASCII window (the
# compiled `whole_words`), where the pattern, opening with `\b` and ignoring case, was tried at
# each of the window's characters. A tuple: `whole_words` reads one.
_SOFTWARE_WORDS = tuple(
    "software computer computers microsoft windows download downloads browser browsers pc pcs"
    " viruses virus app apps code malware spyware hacker hackers install installs installed"
    " installing programmer programmers programming phone phones handset handsets trojan trojans"
    " forum forums website websites online users machines email emails".split()
)
_SOFTWARE_SPACED = ("open source", "e-mail")  # the words that are no one run of word characters


def _about_software(text: str, start: int, end: int) -> bool:
    """`_SOFTWARE.search(text, start, end)` found a match: in an ASCII window without the words
    that hold a space or a hyphen, one of `_SOFTWARE_WORDS` is a whole run of its word characters
    (in lowercase). The run cut at `start` is no word (`\b` reads the character before `start`):
    the window is read after a "_" then, a word character no word holds, else after a space; the
    run cut at `end` is one (`\b` holds at `end`), as the search reads them. One compiled pass
    over the window for every word (`whole_words`), where a search a word in the window and a
    Python loop over those it held cost some 60,000 instructions a window of 400 characters."""
    window = text[start:end]
    low = window.lower()
    if not window.isascii() or any(words in low for words in _SOFTWARE_SPACED):
        return _SOFTWARE.search(text, start, end) is not None
    cut = start > 0 and _word_char(text[start - 1])  # a run at the window's start is no word
    return _whole_words(("_" if cut else " ") + low, _SOFTWARE_WORDS, 1) > 0


# "TV programs", "a radio program": broadcasts, even in a story about software.
_BROADCAST_BEFORE = re.compile(r"\b(?:TV|radio|television)\s+$")
MIN_LENGTH = 4
_CONTEXTUAL = {
    "meters": ("us", "metres", lambda before, after: bool(_NUMBER_BEFORE.search(before))),
    "meter": ("us", "metre", lambda before, after: bool(_NUMBER_BEFORE.search(before))),
    "program": ("us", "programme", lambda before, after: bool(_SHOW_BEFORE.search(before))),
    "programs": ("us", "programmes", lambda before, after: bool(_SHOW_BEFORE.search(before))),
}
# Without a show's name before it, "program" (not for software) is American in VarCon, but Reuters'
# London desk wrote it too (94 of its 1987 stories, against 36 with "programme"): it counts only in a
# story that also writes "programme".
_WEAK = {"program": "programme", "programs": "programmes", "program's": "programme's"}
_SOFTWARE_SENSE = frozenset(_WEAK)
_JOB_AFTER = re.compile(r"\s+(?:director|manager|officer|coordinator|chief|head|executive)s?\b", re.I)


def _in_context(text: str, tok: Token, word: str) -> Variant | None:
    """The spelling as the words around settle it: a sense VarCon spells apart (`trade practises`:
    wrong in both varieties), a contextual marker (`400 meters`), or "program" as weak evidence."""
    contextual = word in _CONTEXTUAL
    if contextual or word not in _WEAK and _senses.listed(word):
        before = text[max(0, tok.span.start - _senses.WINDOW) : tok.span.start]
        after = text[tok.span.end : tok.span.end + _senses.WINDOW]
        if contextual:
            variety, other, applies = _CONTEXTUAL[word]
            if applies(before, after):
                return Variant(word, variety, other, "spelling")
        else:
            found = _senses.sense_spelling(word, before, after)
            if found is not None:
                kind = "sense" if found.status == "none" else "spelling"
                return Variant(word, found.status, found.form, kind, found.sense)
    if word in _WEAK:
        if _JOB_AFTER.match(text, tok.span.end):
            return None  # "program director at AOL": a job title keeps its company's spelling
        return Variant(word, "us", _WEAK[word], "weak")
    return None


def _evidence(found: list[tuple[Token, Variant]]) -> tuple[Counter[str], Counter[str]]:
    """(spellings by variety, -ise and -ize words) of the story's spellings, names, weak evidence
    and senses left out, as the desk's stories are counted (docs/profile.md)."""
    spellings: Counter[str] = Counter()
    endings: Counter[str] = Counter()
    for tok, e in found:
        if _proper(tok) or e.kind in ("sense", "weak"):
            continue
        if e.kind in ("ise", "ize"):
            endings[e.kind] += 1
        else:
            spellings[e.variety] += 1
    return spellings, endings


def _marked(found: list[tuple[Token, Variant]]) -> set[str]:
    """The words of the story's British and American spellings (as `_evidence` counts them),
    lowercase."""
    return {e.word for tok, e in found if not _proper(tok) and e.kind not in ("sense", "weak", "ise", "ize")}


def _lemma(entry: Variant) -> str:
    """The word as American spells it, singular: one key for programs, programme and program."""
    word = entry.word if entry.variety == "us" else entry.other
    word = word.removesuffix("'s")
    return word[:-1] if word.endswith("s") and len(word) > MIN_LENGTH else word


MIN_ROOT = 4  # a shorter stem is no family: ax / axis


def _stem(entry: Variant) -> str:
    """The American form without its possessive, plural and final e: organiz (organize,
    organizes), center (centres), favorit (favourites), defens (defence)."""
    word = (entry.word if entry.variety == "us" else entry.other).removesuffix("'s")
    if word.endswith("s") and len(word) > MIN_LENGTH:
        word = word[:-1]
    return word.removesuffix("e")


def _families(found: list[tuple[Token, Variant]]) -> dict[str, str]:
    """Each stem of the story's marked words -> its family's root: the shortest stem the story
    writes that begins it. One root for modernise and modernization, apologize and apologised,
    centre and centered, favour and favorite, travelled and traveling."""
    stems = sorted({_stem(e) for _, e in found}, key=len)
    roots: dict[str, str] = {}
    for stem in stems:
        roots[stem] = next((r for r in roots.values() if len(r) >= MIN_ROOT and stem.startswith(r)), stem)
    return roots


def _spelled_other_way(found: list[tuple[Token, Variant]], text: str) -> Callable[[Token, Variant], bool]:
    """Whether the story also spells a use's word the other way, where that matters. A name keeps
    its own spelling unless the story writes the same name the other way: a word of the name next
    to it (`Russia's Defence Ministry` against `the defense ministry`; `World Trade Center` says
    nothing of `the town centre`). A capitalised word at a sentence start or in a headline needs
    the same word form (`Theatres` and `theaters`; `PROGRAMME` and "program", weak or not), and
    weak "program" needs a use that is no name (`Development
    Programme` says nothing of `program director`). Other uses always pass."""
    # Each of the three read only when first needed: most stories ask of no use (no name, no
    # report), and the lemmas and neighbours cost more than the questions asked.
    forms: set[tuple[str, str]] | None = None
    common: set[tuple[str, str]] | None = None
    around: dict[tuple[str, str], set[str]] | None = None

    def test(tok: Token, e: Variant) -> bool:
        nonlocal forms, common, around
        if e.kind == "weak":
            if common is None:
                common = {(_lemma(entry), entry.variety) for use, entry in found if not _proper(use)}
            return (_lemma(e), OTHER[e.variety]) in common
        if _proper(tok):  # a name: the story has one, so the words around its spellings are read
            if around is None:
                around = {}
                for use, entry in found:
                    around.setdefault((_lemma(entry), entry.variety), set()).update(
                        w.lower() for w in _neighbours(text, use)
                    )
            name_words = {w.lower() for w in _neighbours(text, tok) if w[:1].isupper()}
            return bool(name_words & around.get((_lemma(e), OTHER[e.variety]), set()))
        if not tok.text[:1].isupper():
            return True
        if forms is None:
            forms = {(entry.word, entry.variety) for _, entry in found}
        return (e.other, OTHER[e.variety]) in forms

    return test


# `(\w[\w'’]*)\W{1,3}$`, searched in the thirty characters before a token, tried only at the
# first letter of a word (the look-behind after it): a match starting later in a word has one
# starting earlier, and the search tried each letter, each to its word's end (a third less time,
# measured). Searched in a slice, so that the look-behind reads nothing before the thirty.
_WORD_BEFORE = re.compile(r"(\w(?<!\w\w)[\w'’]*)\W{1,3}$")
_WORD_AFTER = re.compile(r"\W{1,3}(\w[\w'’]*)")
WORD_BEFORE_REACH = 30


def _word_before(text: str, start: int) -> re.Match[str] | None:
    """`re.search(r"(\\w[\\w'’]*)\\W{1,3}$", text[start - 30 : start])`: the word (group 1)
    just before `start`, with one to three other characters after it."""
    return _WORD_BEFORE.search(text[start - WORD_BEFORE_REACH if start > WORD_BEFORE_REACH else 0 : start])


def _neighbours(text: str, tok: Token) -> list[str]:
    """The words just before and after a token (across a line break, not across much punctuation)."""
    before = _word_before(text, tok.span.start)
    after = _WORD_AFTER.match(text, tok.span.end, tok.span.end + 30)
    return [m.group(1) for m in (before, after) if m]


def _listed(word: str, listed: Collection[str]) -> bool:
    """In the variant table, the context-dependent spellings or the word-sense table."""
    return word in listed or word in _CONTEXTUAL or _senses.listed(word)


MIN_PART = 5  # a shorter part of a hyphenated word may be a prefix: tele-communications


def _word_parts(word: str) -> list[tuple[int, str]]:
    """The word itself, or for a hyphenated word (centre-left, labour-intensive, re-organized)
    each part long enough to be a word, with its offset in the word. A hyphenated name
    (Schering-Plough, Borg-Warner: a capital after a hyphen) is one word."""
    if "-" not in word or any(part[:1].isupper() for part in word.split("-")[1:]):
        return [(0, word)]
    parts, at = [], 0
    for part in word.split("-"):
        if len(part) >= MIN_PART:
            parts.append((at, part))
        at += len(part) + 1
    return parts


def _lists(word: str) -> bool:
    """Whether a word, or a part of a hyphenated word, is one the tables list."""
    listed = _KEYS[0] or _table_keys()  # the dict's keys once it is built: no Python `__contains__`
    if "-" not in word:  # the word is its one part (`_word_parts`): most words, asked once each
        low = word.lower().replace("’", "'")  # `_listed`, inline: asked of every new word
        return low in listed or low in _CONTEXTUAL or low in _senses.table()
    # `_word_parts`' parts, inline and split once (a new word in three of the rule's calls is
    # hyphenated; the two calls and two splits were most of its cost)
    parts = word.split("-")
    for part in parts[1:]:
        if part[:1].isupper():  # a hyphenated name is one word
            parts = [word]
            break
    else:
        parts = [part for part in parts if len(part) >= MIN_PART]
    senses = _senses.table()
    for part in parts:
        low = part.lower().replace("’", "'")
        if low in listed or low in _CONTEXTUAL or low in senses:
            return True
    return False


def _listing() -> tuple[Collection[str], ...] | None:
    """The tables `_lists` looks a word of ASCII letters up in (its lowercase form), once the
    variant table's dict is built (None before: until then its keys are the table itself, whose
    lookups are Python calls)."""
    table = variants()
    keys = table.keys()
    return None if keys is table else (keys, _CONTEXTUAL, _senses.table())


# The story's distinct words that a table lists (decided once per word, remembered across stories;
# a word of ASCII letters that no table lists fails without a call: `only`).
_CANDIDATES = LetterTest(_lists, only=_listing)


def _contextual(word: str) -> bool:
    """Whether the words around a use of the (lowercase) word may change its entry or rule it out
    (`_in_context`, "program" in a software sense): else its entry is the table's, or none when
    it is shorter than MIN_LENGTH."""
    return word in _CONTEXTUAL or word in _WEAK or _senses.listed(word)


# The entries of the words the variant table lists whose context never matters (None for one too
# short to count), found once a process: at most one a row of the table.
_PLAIN: dict[str, Variant | None] = {}
_CONTEXT = Variant("", "", "", "")  # `_PLAIN` has no answer: the word is looked up in its context
_KEYS: list[Collection[str] | None] = [None]  # the variant table's dict's keys, once it is built


def _table_keys() -> Collection[str]:
    """`variants().keys()`, kept in `_KEYS` once they are the dict's (no call a story or a
    word after that)."""
    table = variants()
    listed = table.keys()
    if listed is not table:
        _KEYS[0] = listed
    return listed


def _proper(tok: Token) -> bool:
    """A capitalised word in mid-sentence: a name, which keeps its own spelling."""
    return tok.text[:1].isupper() and not tok.sentence_start and not tok.in_headline


def _tokens_and_parts(tokens: list[Token]) -> Iterator[Token]:
    """The tokens, a hyphenated one as its parts (centre-left: centre; the rule reports and fixes
    the part alone), a part after the first being no sentence start."""
    for tok in tokens:
        if "-" not in tok.text:
            yield tok
            continue
        for at, part in _word_parts(tok.text):
            start = tok.span.start + at
            yield tok._replace(
                span=Span(start, start + len(part)), text=part, sentence_start=tok.sentence_start and not at
            )


def _match_case(model: str, word: str) -> str:
    if model.isupper() and len(model) > 1:
        return word.upper()
    return word[:1].upper() + word[1:] if model[:1].isupper() else word


class EnglishVarietyMix(Rule):
    """## What it does
    Finds British and American spellings mixed in one story (`Defence` and `defense`,
    `programme` and `program`, `rumours` and `rumors`). With `locale` set (en-US, en-GB, en-AU),
    the locale decides which spelling is right; without it, a `style` that names a variety does
    (`ap` American; `bbc` and `guardian` British, and they write -ise, so `organize` is reported
    there); without either, the story's majority does (variant
    spellings, "per cent", "£", "Mr Brown", "25 February", "$4.5bn", "4.88m", "UK", "the US", a
    colon before a quotation and "towards" against "percent" and "Mr. Brown"), and it must
    outweigh the other variety two to one. A Reuters story's sign-off tells its desk: "REUTER"
    (London, Asia) counts for British, and "Reuter" for American when the story is about
    American companies or government (Inc, Corp, Senate, Wall Street); when no spelling of the
    story backs the majority, the message says so ("the story's desk spells American (signed
    'Reuter', about Corp)"). A story that shows only one variety is left alone: consistent
    British spelling in American-style copy is a house choice, not a mix.

    The table comes from VarCon: a spelling counts only if VarCon says it is written in one
    variety alone, in every sense it lists. So `programme`, `licence`, `practise`, `kerb`, `tyre`
    and `cheque` mark British copy, while `program` (software), `license` (the British verb),
    `practice` (the British noun), `curb`, `tire` and `check` mark nothing by themselves; `program`
    after a show's name and `meters` after a number are the exceptions. Where VarCon spells a
    word by its sense and the words around show the sense (a determiner or modifier before a noun,
    "on" after an adjective, "kerbs on" a restraint), the sense decides: `the import licenses` is
    American, and a spelling neither variety writes in that sense is reported in any story
    (`trade practises` -> `practices`, `heavily dependant on` -> `dependent`, `kerbs on imports` ->
    `curbs`, `to kerb spending` -> `curb`, `a draught treaty` -> `draft`); a word the misspelling
    list corrects too (`dependant`) is left to NL102 when it runs. `program` without a
    show's name (an acronym such as `GATT` is no show) counts only against `programme` in the
    same story (Reuters' London desk wrote `program`) or in copy whose house style is plainly
    British (`the reform program` beside `£4m`, `Mr Brown`, `per cent`), never in software
    senses, job titles (`program director`) or quotations.

    A headline in capitals spells its words too (`PROGRAMME`, `HONOURED`): elsewhere a word in
    capitals is an acronym or a shout and is left out.

    A part of a hyphenated word is a spelling of its own (`centre-left`, `labour-intensive`,
    `center-forward`: the part is reported and fixed), except in a hyphenated name
    (`Schering-Plough`) and for parts too short to be more than a prefix (`tele-`).

    One word family spelled both ways is a mix even without a majority: the forms of one root
    count together (`centre` and `centered`, `favour` and `favorite`, `travelled` and
    `traveling`); the spelling the family uses more wins, a tie goes to the variety the rest of
    the story leans to, then to the first use, so fixes never undo each other. A story that
    writes spellings of both varieties is mixed whatever it means, so there the side its evidence
    leans to decides by any margin (`centre`, `colour`, `flavour` against `favor`, `labor`), and
    on a tie the source's prior, the weakest evidence and for ties only: the dateline's place
    (`CHICAGO, Feb 26 -` or `SPRINGFIELD, Ill. -` American, `LONDON -` British, any `(AP)`
    American), else a Reuters story's sign-off ("Reuter": the American desks; "REUTER": London
    and Asia), never when the desk is counted already (a prior counts once); a story with no
    such evidence is left alone.
    `-ize` is Oxford British too, so a story that writes both `-ise` and `-ize` (`modernise` and
    `modernization`) is reported where one is at most half as frequent, or on a closer count
    where the rest of the story (its endings left out: `favor` with `utilize` against
    `organise`) leans the other way; a lone `-ize` is reported in copy whose house style is
    plainly British (inside a quotation too, never fixed there: a British desk transcribes speech
    in its own spelling), or outside quotations in copy that shows nothing American, is no wire
    story and writes a British spelling (`theatre`) or shows a house-style sign of British copy
    other than "the US" without full stops, which American web copy writes too, or two signs
    (British news desks write `-ise`; a wire desk's sign-off, or a house style such as
    `reuters` that names no -ise, may mean Oxford -ize).

    Proper names keep their own spelling: a capitalised word in mid-sentence ("Ministry of
    Defence" in an American story, "Pearl Harbor" or "World Trade Center" in a British one) is
    reported only when the story also writes the same name the other way, a word of the name
    beside it ("Russia's Defence Ministry" against "the defense ministry"). A word in a company's
    name (Alcan Aluminium Ltd) keeps the company's spelling even then.

    ## Why is this bad?
    A story that switches between spellings looks unedited, and search and archives treat the
    two spellings as different words.

    ## Example
        The defense ministry said ... Russia's Defence Ministry said ...

    ## Use instead
        The defense ministry said ... Russia's Defense Ministry said ...

    ## Fix safety
    Unsafe when the story's majority decides (it is a guess about the house style); safe when
    `locale` or a house style with a variety is set and the word is lowercase, since then the
    desk has stated its variety. Unsafe
    for a spelling wrong in its sense: the sense is read from the words around.
    Inside direct quotations the spelling is reported, never changed.

    ## With a desk profile
    With `profile` set (docs/profile.md), questions the story leaves open are answered by the
    desk's stories that show the same evidence of their variety (per-story consistency, not word
    totals: a 90% American archive says nothing about a British story): a lone -ize is reported
    where nine in ten of those stories write -ise, and a story that spells both ways without a
    majority follows the variety nine in ten of the desk's stories with its house-style signs
    spell. A divided desk answers nothing. The fix is unsafe.
    """

    code = "NL201"
    name = "english-variety-mix"
    fix_availability = FixAvailability.ALWAYS

    def prepare(self) -> None:
        variants().build()  # the table's dict, built after `RowTable.PROMOTE` lookups

    def triggers(self) -> tuple[Trigger, ...]:
        return (Trigger(words=_CANDIDATES),)  # every use it weighs is of a word a table lists

    def check(self, doc: Document) -> Iterator[Violation]:
        context = self.context
        settled = self._settled
        if settled is None or settled[0] is not context:
            settled = self._settle()
        evidence: _Evidence | None = None
        words = doc.selected(_CANDIDATES)
        lone = _lone_variety(words)
        # Not a generator: a story these tests settle (most) pays one call, no generator made.
        if lone == "":
            return NOTHING  # no word of the story has an entry: nothing is found
        if lone is not None and settled[1] is None and (context.profile is None or not self._desk_section()):
            # every entry the story can have is a spelling of one variety, an -ize ending or weak
            # "program": `_unopposed` answers yes whatever the tokens (which are not built) when
            # the other variety's signs are too few for any majority (most stories the rule
            # checks; too few, too, for copy plainly British, where weak "program" would count:
            # BRITISH_STYLE is twice MIN_EVIDENCE) and a lone -ize raises no question
            moot = True  # no lone -ize for `_unopposed` to weigh
            if lone is _IZE:
                lowercase, spelled = _ize_uses(words, doc.word_counts)
                if lowercase >= 2 and not spelled:
                    return NOTHING  # -ize twice and no spelling: no majority, and no lone -ize
                lone, moot = "us", lowercase >= 2
            evidence = _evidence_of(doc)
            signs = _other_signs(lone, evidence)
            # a lone -ize is out of place only in copy of British house style (`british_house`),
            # which shows a British sign where no spelling is British
            if signs is not None and signs < MIN_EVIDENCE and (moot or not evidence.house().get("gb")):
                return NOTHING
        return self._found(doc, settled, evidence)

    def _found(
        self,
        doc: Document,
        settled: tuple[RuleContext, str | None, str, str | None, bool],
        evidence: _Evidence | None,
    ) -> Iterator[Violation]:
        """`check`'s reports of a story its first tests leave open: `settled` the settings
        worked out (`_settle`), `evidence` the story's signs if read already."""
        context = self.context
        found = self._spellings(doc)
        senses = False  # the sense entries are few: the list is copied without them only if any
        for tok, entry in found:
            if entry.kind == "sense":
                senses = True
                if _proper(tok):
                    continue
                if self.context.runs("NL102") and _senses.misspelt_in_a_sense(tok.text):
                    continue  # `dependant` as an adjective: a listed misspelling, NL102's report
                yield self._report_sense(tok, entry)
        if senses:
            found = [(tok, entry) for tok, entry in found if entry.kind != "sense"]
        if not found:
            return
        _, target, stated, ise_house, oxford = settled
        if evidence is None:
            evidence = _evidence_of(doc)  # signs are read only when a story needs them
        other_way = _spelled_other_way(found, doc.text)
        if (
            target is None
            and (context.profile is None or not self._desk_section())
            and _unopposed(found, other_way, evidence)
        ):
            return  # one variety, and too little evidence for the other to call it out of place
        if target is None and evidence.plainly_british(found):
            # "program" outside software is American; only copy this plainly British says so
            # (Reuters' London desk wrote "program"), and not in a quotation (an American agency's
            # own "cybersecurity program")
            found = [(tok, e if doc.is_quoted(tok.span) else _strong(e)) for tok, e in found]
        # counted once (it asks `other_way` of every name): the majority, the lean, the mix and
        # each report's reason read these
        spellings = _spelling_counts(found, other_way)
        if target is None:
            target = self._majority(spellings, evidence)
        desk = self._desk(found, evidence) if target is None else None  # questions the story leaves open
        if desk is not None and desk.answer in NAMES:
            target = desk.answer
        lean = target or evidence.lean(spellings)
        mixed = target is None and lean is not None and _spells_both(spellings)
        if mixed:
            target = lean  # the story spells both ways: whatever leans decides (the fix is unsafe)
        # -ise against -ize: what leans is the rest of the story, not the endings weighed (read
        # only with both: `_ize_minority` asks no lean of a story without them)
        spelled = [(tok, e) for tok, e in found if e.kind not in ("ise", "ize")]
        if len(spelled) == len(found):
            lean_ends = None
        else:
            lean_ends = target or evidence.lean(_spelling_counts(spelled, other_way))
        ize_wrong = self._ize_minority(found, target, lean_ends, evidence, oxford)
        ize_desk = self._desk_endings(found, evidence) if ize_wrong is None and target != "us" else None
        if ize_desk is not None:
            ize_wrong = "ize"  # -ize where the desk's stories with this story's evidence write -ise
        # a family spelled both ways needs spellings of both varieties: most stories without a
        # majority have one (their "program" weak), and read no stem and make no generator
        if target is None and len({e.variety for _, e in found if e.kind not in ("ise", "ize")}) > 1:
            yield from self._family_mixes(found, ize_wrong, other_way, lean)
        # The same for every report: worked out once (per report, a big file's thousands of
        # reports each walked all its spellings again: quadratic, 30 s of a 10 MB file, measured).
        counted = spellings
        any_ise = any(e.kind == "ise" for _, e in found)
        mixed_reason: str | None = None
        for tok, entry in found:
            if entry.kind in ("ise", "ize") and entry.kind == ize_wrong:
                pass  # organise and organize in one story: the minority is wrong in any variety
            elif target is None or entry.kind == "ize" and not ise_house or entry.variety == target:
                continue
            if (tok.text[:1].isupper() or entry.kind == "weak") and not other_way(tok, entry):
                continue  # a name, or "program" in a story that never writes "programme"
            lone_ize = entry.kind == ize_wrong == "ize" and not any_ise
            if lone_ize and doc.is_quoted(tok.span) and not evidence.plainly_british(found):
                continue  # a quoted statement may keep its author's -ize, unless the copy is plainly
                # British: a British desk transcribes speech in its own spelling (reported, never fixed)
            reason = "the story's house style is British, which writes -ise" if lone_ize else ""
            if (
                not reason
                and target is not None
                and entry.variety != target
                and not stated
                and not counted[target]
            ):
                reason = evidence.reason(target)  # no spelling backs the majority: say what does
            if mixed and lean and not reason and entry.kind != "ize":
                if mixed_reason is None:
                    mixed_reason = evidence.mixed_reason(spellings, lean)
                reason = mixed_reason
            if ise_house and entry.kind == "ize":
                reason = f"{style_name(ise_house)} style writes -ise"
            elif ize_desk is not None and entry.kind == "ize":
                reason = ize_desk.reason
            elif desk is not None and entry.kind != "ize":
                reason = desk.reason
            yield self._report(tok, entry, stated, target, entry.kind == ize_wrong, reason)

    # What the settings say for every story, worked out once for the rule's context (a story
    # paid three calls for it): (the context, `_stated_variety`'s two answers, the house style
    # that writes -ise when the desk chose one, whether the house style names no -ise)
    _settled: tuple[RuleContext, str | None, str, str | None, bool] | None = None

    def _settle(self) -> tuple[RuleContext, str | None, str, str | None, bool]:
        context = self.context
        target, stated = self._stated_variety()
        ise_house = context.style if target == "gb" and context.style in ISE_STYLES else None
        # a house style that names no -ise (Reuters: its London desk wrote Oxford -ize) is wire copy
        oxford = context.style in HOUSE_STYLES and context.style not in ISE_STYLES
        self._settled = (context, target, stated, ise_house, oxford)
        return self._settled

    def learn_words(self) -> tuple[LetterTest, ...]:
        return (_CANDIDATES,)

    def learn(self, doc: Document) -> dict[str, dict[str, int]]:
        """What the story's evidence of its variety is, and which spellings and endings it writes
        (docs/profile.md): what `_desk` answers a story's open questions with."""
        found = self._spellings(doc)
        spellings, endings = _evidence(found)
        return _desk_variety.lesson(spellings, endings, self._signs(doc.text, doc.digit_runs), _marked(found))

    def suggest(self, profile: Profile) -> Iterator[Suggestion]:
        """`locale` when nearly all the desk's stories whose spelling shows a variety show one."""
        stories = profile.section(self.name).get("stories") or {}
        gb, us = stories.get("gb", 0), stories.get("us", 0)
        n = gb + us
        if not n:
            return
        for variety, locale in (("gb", "en-GB"), ("us", "en-US")):
            share = stories.get(variety, 0) / n
            if n >= _desk_variety.MIN_STORIES and share >= _desk_variety.SHARE:
                said = f"{NAMES[variety]} spelling in {share:.0%} of the {n:,} stories that show a variety"
                yield Suggestion("locale", locale, said)
                return
        yield Suggestion(
            "",
            None,
            f"spelling: British in {gb / n:.0%} and American in {us / n:.0%} of the {n:,} stories that "
            "show a variety: no locale suggested (each story is checked against its own variety)",
        )

    def _desk(self, found: list[tuple[Token, Variant]], evidence: _Evidence) -> _desk_variety.Answer | None:
        """For a story that spells both ways without a majority: the variety the desk's stories
        with its house-style signs spell in, if they agree."""
        section = self._desk_section()
        if not section:
            return None  # no desk to ask (no profile): the story's evidence is not counted
        spellings, _ = _evidence(found)
        if not (spellings["gb"] and spellings["us"]):
            return None
        return _desk_variety.desk_spelling(section, evidence.signs())

    def _desk_endings(
        self, found: list[tuple[Token, Variant]], evidence: _Evidence
    ) -> _desk_variety.Answer | None:
        """For a story that writes -ize and no -ise: whether the desk's stories with the same
        evidence of their variety write -ise."""
        section = self._desk_section()
        if not section:
            return None  # no desk to ask (no profile): the story's evidence is not counted
        spellings, endings = _evidence(found)
        if not endings["ize"] or endings["ise"]:
            return None
        return _desk_variety.desk_endings(section, spellings + evidence.signs(), _marked(found))

    def _desk_section(self) -> Mapping[str, Mapping[str, int]] | None:
        profile = self.context.profile
        return profile.section(self.name) if profile is not None else None

    def _family_mixes(
        self,
        found: list[tuple[Token, Variant]],
        ize_wrong: str | None,
        other_way: Callable[[Token, Variant], bool],
        lean: str | None,
    ) -> Iterator[Violation]:
        """Without a clear majority, one word family spelled both ways is still a mix: defense and
        Defence, programs and programme, centre and centered, favour and favorite. The spelling
        the family uses more wins; on a tie, the variety the rest of the story leans to; else the
        first use. (A tie decided by the lean stays decided once fixed, since the fix only adds
        to the lean: fixes never undo each other.)"""
        roots = _families(found)
        families: dict[str, list[tuple[Token, Variant]]] = {}
        for tok, e in found:
            if e.kind not in ("ise", "ize") and other_way(tok, e):
                families.setdefault(roots[_stem(e)], []).append((tok, e))
        for uses in families.values():
            varieties = Counter(e.variety for _, e in uses)
            if len(varieties) < 2:
                continue
            first = uses[0][1].variety
            winner = max(("us", "gb"), key=lambda v: (varieties[v], v == lean, v == first))
            for tok, e in uses:
                if e.variety != winner:
                    yield self._report(
                        tok, e, "", None, False, "the story spells the same word the other way too"
                    )

    def _report_sense(self, tok: Token, entry: Variant) -> Violation:
        """A spelling neither variety writes in the sense its context shows (`trade practises`)."""
        right = _match_case(tok.text, entry.other)
        return self.violation(
            tok.span,
            f"{tok.text!r} is wrong {_senses.sense_name(entry.sense)}: British and American "
            f"English both write {right!r}",
            Fix.unsafe(f"Write {right!r}", Edit.replace(tok.span, right)),
        )

    def _stated_variety(self) -> tuple[str | None, str]:
        """The variety the desk stated, by its locale or else its house style, and how to say so."""
        variety = stated_variety(self.context.locale, self.context.style)
        if variety is None:
            return None, ""
        if LOCALE_VARIETY.get(self.context.locale or ""):
            return variety, f"the story is set to {self.context.locale}"
        return variety, f"{style_name(self.context.style or '')} style spells {NAMES[variety]}"

    def _report(
        self, tok: Token, entry: Variant, stated: str, target: str | None, ending: bool, reason: str = ""
    ) -> Violation:
        """`stated`: how the desk stated its variety (locale or house style), or "" for a guess."""
        right = _match_case(tok.text, entry.other)
        safe = bool(stated) and tok.text.islower()
        fix = (Fix.safe if safe else Fix.unsafe)(f"Write {right!r}", Edit.replace(tok.span, right))
        if reason:
            pass
        elif ending:
            reason = f"the story mostly writes -{'ise' if entry.kind == 'ize' else 'ize'}"
        elif stated:
            reason = stated
        else:
            assert target is not None  # without a stated variety, the story's majority is the target
            reason = f"the story mostly uses {NAMES[target]} spelling"
        kind = "the -ize" if entry.kind == "ize" else NAMES[entry.variety]  # -ize is Oxford British too
        return self.violation(tok.span, f"{tok.text!r} is {kind} spelling; {reason} ({right!r})", fix)

    @staticmethod
    def _spellings(doc: Document) -> list[tuple[Token, Variant]]:
        table = variants()
        text = doc.text
        found: list[tuple[Token, Variant]] = []
        listed = _KEYS[0] or _table_keys()
        plain = _PLAIN
        # Candidate-first: the story's distinct words that a table lists, then their tokens alone
        # (split into parts only when a word is hyphenated: a generator's step a token saved).
        words = doc.selected(_CANDIDATES)
        tokens = doc.words_among(words)
        for tok in tokens if "-" not in "".join(words) else _tokens_and_parts(tokens):
            word = tok.text.lower().replace("’", "'")
            known = plain.get(word, _CONTEXT)
            if known is _CONTEXT and word in listed and not _contextual(word):
                # a word whose entry its context never changes: looked up once a process
                known = plain[word] = table.get(word) if len(word) >= MIN_LENGTH else None
            # `is_all_caps` (a property: a Python call) asked only of a word in capitals
            if known is None or tok.text.isupper() and not tok.in_headline and tok.is_all_caps:
                continue  # a headline in capitals spells its words too (PROGRAMME, HONOURED)
            if tok.text[:1].isupper() and COMPANY_AFTER.match(text, tok.span.end):
                # Alcan Aluminium Ltd keeps its spelling even where the story spells it the other way
                continue
            if known is not _CONTEXT:
                found.append((tok, known))  # not "program": no software sense to rule out
                continue
            if not _listed(word, listed):
                continue
            entry = _in_context(text, tok, word) or table.get(word)
            if (
                entry is not None
                and len(word) >= MIN_LENGTH
                and (
                    entry.word not in _SOFTWARE_SENSE
                    or _BROADCAST_BEFORE.search(text, max(0, tok.span.start - 12), tok.span.start)
                    or not _about_software(text, max(0, tok.span.start - 200), tok.span.end + 200)
                )
            ):
                found.append((tok, entry))
        return found

    @staticmethod
    def _ize_minority(
        found: list[tuple[Token, Variant]],
        target: str | None,
        lean: str | None,
        evidence: _Evidence,
        oxford: bool = False,
    ) -> str | None:
        """The one of -ise and -ize that is out of place. A story that writes both (modernise and
        modernization, apologize and apologised) is inconsistent in any variety: the one it writes
        at most half as often is out of place, and on a closer count the one the rest of the story
        leans away from (American copy writes -ize; British news desks -ise). A lone -ize in copy
        whose house style is plainly British (Mr Brown, £4m, 25 February, per cent, British
        spellings) is out of place too, and in British copy that is no wire story unless the desk
        writes Oxford -ize (`oxford`: a house style that names no -ise)."""
        ise = sum(1 for tok, e in found if e.kind == "ise" and not _proper(tok))
        ize = sum(1 for tok, e in found if e.kind == "ize" and not _proper(tok))
        if ize == 1 and not ise:  # a story that writes -ize twice writes it by choice (Oxford)
            british = evidence.plainly_british(found) if oxford else evidence.british_house(found)
            return "ize" if target != "us" and british else None
        if not ise or not ize:
            return None
        if ize >= max(MIN_EVIDENCE, MARGIN * ise):
            return "ise"
        if ise >= max(MIN_EVIDENCE, MARGIN * ize) and target != "us":
            return "ize"
        if lean == "gb" and ise >= ize:
            return "ize"
        return "ise" if lean == "us" and ize >= ise else None

    @staticmethod
    def _wire_desk(text: str) -> str | None:
        """The variety a Reuters story's desk spells in, from its sign-off and its subjects."""
        sign_off = _SIGN_OFF.search(text[-40:])
        if sign_off is None:
            return None
        if sign_off.group(1) == "REUTER":
            return "gb"
        american = _whole_words(text, _US_SUBJECTS, len(_US_SUBJECTS))
        if not american:
            return None
        # American when its subjects outnumber the British ones: the search for those stops as
        # soon as they are as many
        return None if _whole_words(text, _GB_SUBJECTS, american) >= american else "us"

    @staticmethod
    def _signs(text: str, runs: tuple[Sequence[int], Sequence[int]] | None = None) -> Counter[str]:
        """Evidence for each variety besides spelling: house-style signs and the wire desk.
        `runs`: the text's `digit_runs`, if found already."""
        counts = EnglishVarietyMix._house_signs(text, runs)
        desk = EnglishVarietyMix._wire_desk(text)
        if desk:
            counts[desk] += STRONG_SIGN if desk == "us" else 1
        return counts

    @staticmethod
    def _house_signs(
        text: str,
        runs: tuple[Sequence[int], Sequence[int]] | None = None,
        varieties: tuple[str, ...] = _VARIETIES,
    ) -> Counter[str]:
        """The house-style signs the copy itself shows (£, per cent, Mr Brown, 25 February).
        `runs`: the text's `digit_runs`, if found already; `varieties`: those whose signs are
        counted (each variety's count is the same whether the other's is counted or not)."""
        counts: Counter[str] = Counter.__new__(Counter)  # no __init__: two Python calls a story
        plan = _SIGN_PLANS.get(varieties)  # asked as given: no tuple built a story
        if plan is None:
            key = tuple(variety for variety in _SIGNS if variety in varieties)
            plan = _SIGN_PLANS[varieties] = _SIGN_PLANS.get(key) or _sign_plan(key)
        needles, signs = plan
        held = _held(text, needles)  # the literals of the signs the text holds, as bits
        for variety, weight, hints, pattern, at, parts in signs:
            if hints and not hints & held:
                continue
            if parts is not None:  # one alternative alone where the story holds its literals alone
                first_hints, first, second_hints, second = parts
                if not held & second_hints:
                    pattern = first
                elif not held & first_hints:
                    pattern = second
            if pattern is _BRITISH_ABBREVIATIONS:
                n = min(MAX_SIGNS, sum(_first_matches(part, text) for part in _ABBREVIATION_PARTS))
            elif pattern is _UNITS:
                runs = digit_runs(text) if runs is None else runs
                n = _units(text, runs[LAST_DIGIT], MAX_SIGNS)
            elif at is None:
                n = _first_matches(pattern, text)
            elif pattern is _DAY_MONTH:
                runs = digit_runs(text) if runs is None else runs
                n = _figure_words(text, runs[FIGURE], _MONTHS, MAX_SIGNS)
            else:
                runs = digit_runs(text) if runs is None else runs
                n = len(matches_at(pattern, text, runs[at]))
            counts[variety] = counts.get(variety, 0) + weight * min(MAX_SIGNS, n)  # no __missing__ call
        return counts

    @staticmethod
    def _majority(spellings: Counter[str], evidence: _Evidence) -> str | None:
        """The variety the story is written in, when its evidence (its `spellings`, as
        `_spelling_counts` counts them, house-style signs, the wire desk) says so two to one."""
        if not spellings:
            return None
        us, gb = _summed(spellings, evidence.signs())
        if not (spellings.get("us") and gb or spellings.get("gb") and us):
            return None  # nothing of the other variety: nothing is mixed
        most, other = (us, gb) if us >= gb else (gb, us)  # "us" on a tie
        if most < MIN_EVIDENCE or most < MARGIN * other:
            return None  # too close to call: real copy mixes spellings, a guess would be a false alarm
        return "us" if us >= gb else "gb"


def _summed(spellings: Counter[str], signs: Counter[str]) -> tuple[int, int]:
    """The American and the British counts of `spellings + signs`, no Counter made (`Counter`'s
    `__add__` and `__missing__` are Python calls): both hold counts of 0 or more, and a count that
    `+` leaves out reads 0 as the sum does."""
    return spellings.get("us", 0) + signs.get("us", 0), spellings.get("gb", 0) + signs.get("gb", 0)


def _subjects(text: str, words: tuple[str, ...], most: int) -> int:
    """How many of the words the text writes as words (no word character, regex `\\w`, just
    before or after), counted up to `most`: `len(set(_US_DESK.findall(text)))` for
    `_US_SUBJECTS` (no subject holds another at a word's start, so none hides one). The
    pure-Python twin of the compiled `whole_words` (one pass over the text, not a search a word:
    the searches cost more CPU than the patterns' scans they replace)."""
    n, size = 0, len(text)
    for word in words:
        if n >= most:
            break
        at = text.find(word)
        while at >= 0:
            end = at + len(word)
            if not (at and _word_char(text[at - 1]) or end < size and _word_char(text[end])):
                n += 1
                break
            at = text.find(word, at + 1)
    return n


_whole_words: Callable[[str, tuple[str, ...], int], int] = _subjects if native is None else native.whole_words


def _word_char(ch: str) -> bool:
    """Regex `\\w` for one character: alphanumeric or '_'."""
    return ch.isalnum() or ch == "_"


# A sign: its variety, weight, the bits of its literals among the plan's needles (0: none to look
# for), its pattern and where it starts (`_SIGNS`), and for a pattern of `_SIGN_PARTS` the bits of
# the literals of its first alternative, that alternative, and the same of its second.
_SignParts = tuple[int, re.Pattern[str], int, re.Pattern[str]]
_Sign = tuple[str, int, int, re.Pattern[str], int | None, _SignParts | None]


def _sign_plan(varieties: tuple[str, ...]) -> tuple[tuple[str, ...], list[_Sign]]:
    """The literals of the signs of `varieties` (each once) and the signs, in `_SIGNS`' order,
    each with the bits of its literals among them."""
    needles = tuple(dict.fromkeys(hint for v in varieties for _, hints, _, _ in _SIGNS[v] for hint in hints))

    def bits(hints: tuple[str, ...]) -> int:
        return sum(1 << needles.index(hint) for hint in hints)

    signs: list[_Sign] = []
    for v in varieties:
        for weight, hints, pattern, at in _SIGNS[v]:
            split = _SIGN_PARTS.get(pattern)
            parts = (
                None if split is None else (bits(split[0][0]), split[0][1], bits(split[1][0]), split[1][1])
            )
            signs.append((v, weight, bits(hints), pattern, at, parts))
    return needles, signs


# varieties (as `_house_signs` is asked them, in any order) -> the plan of those in `_SIGNS`' order
_SIGN_PLANS: dict[tuple[str, ...], tuple[tuple[str, ...], list[_Sign]]] = {}


def _literals_held(text: str, needles: tuple[str, ...]) -> int:
    """Which of the needles the text holds, as the bits of an int (bit k: `needles[k]`). The
    pure-Python twin of the compiled `substrings_held` (one pass over the text for them all)."""
    return sum(1 << k for k, needle in enumerate(needles) if needle in text)


_held: Callable[[str, tuple[str, ...]], int] = _literals_held if native is None else native.substrings_held


def _unit_count(text: str, lasts: Sequence[int], most: int) -> int:
    """How many, up to `most`, of a text's last digits (`digit_runs`' second) open a match of
    `_UNITS` (4.5bn, 10km): the matches `finditer` finds, all of which start at one. The
    pure-Python twin of the compiled `unit_ends` (one call, no match call a figure)."""
    return min(most, len(matches_at(_UNITS, text, lasts)))


_units: Callable[[str, Sequence[int], int], int] = _unit_count if native is None else native.unit_ends


def _figure_word_count(text: str, starts: Sequence[int], words: tuple[str, ...], most: int) -> int:
    r"""How many, up to `most`, of a text's first digits (`digit_runs`' first) open a day and one
    of the words (25 February): the matches of rf"\d(?<!\w\d)\d?\s(?:{'|'.join(words)})\b"
    that `finditer` finds, all of which start at one. The pure-Python twin of the compiled
    `figure_words` (one call, no match call a figure); none without words."""
    if not words:
        return 0
    pattern = _FIGURE_WORDS.get(words)
    if pattern is None:
        alternatives = "|".join(map(re.escape, words))
        pattern = _FIGURE_WORDS[words] = re.compile(rf"\d(?<!\w\d)\d?\s(?:{alternatives})\b")
    return min(most, len(matches_at(pattern, text, starts)))


_FIGURE_WORDS: dict[tuple[str, ...], re.Pattern[str]] = {}  # words -> `_figure_word_count`'s pattern
_figure_words: Callable[[str, Sequence[int], tuple[str, ...], int], int] = (
    _figure_word_count if native is None else native.figure_words
)


def _first_matches(pattern: re.Pattern[str], text: str) -> int:
    """How many times, up to MAX_SIGNS, the pattern matches (as `findall` finds): a sign counts
    three times at most, so the scan stops at its third match, often early in a long story."""
    n = 0
    for _ in pattern.finditer(text):
        n += 1
        if n == MAX_SIGNS:
            break
    return n


def _evidence_of(doc: Document) -> _Evidence:
    """The story's `_Evidence`, its signs read only when asked."""
    dateline = doc.text[doc.dateline.start : doc.dateline.end] if doc.dateline else ""
    return _Evidence(doc.text, dateline, doc)


# A candidate word (as written) -> the variety of its entry when that is a plain spelling whatever
# its context ("us", "gb"), _IZE for an -ize ending, "" when it has no entry, None when its
# context or its parts decide (`_lone_of`): decided once per word, remembered across stories (at
# most one a table word)
_LONE: dict[str, str | None] = {}
_UNREAD = "?"  # no answer of `_lone_of`: a word `_LONE` has not met
_IZE = "ize"  # `_lone_of`'s answer for an -ize ending (American: its entry's variety)
# `_lone_of`'s answer for a word its context makes an American spelling, weak "program" or
# nothing (`_in_context`: "program" after a show's name, "400 meters"): American, if anything
_AMERICAN_IN_CONTEXT = "us?"


def _lone_of(text: str) -> str | None:
    """`_LONE`'s answer for a word, as `_spellings` would find its tokens' entries: a hyphenated
    word's parts and a word whose sense its context reads are None; an -ize ending is _IZE
    (`_unopposed` weighs it by the count of its tokens that are no names: `_ize_uses`); a word
    its context makes American or nothing is _AMERICAN_IN_CONTEXT (`_american_in_context`); a
    word with no entry (too short, or listed nowhere) is "". An -ise ending is its variety's
    spelling: without an -ize, it raises no question of endings."""
    if "-" in text:
        return None
    word = text.lower().replace("’", "'")
    listed = _KEYS[0] or _table_keys()
    if word in listed and not _contextual(word):
        entry = variants().get(word) if len(word) >= MIN_LENGTH else None
        if entry is None:
            return ""
        if entry.kind == "ize":
            return _IZE
        return entry.variety if entry.kind in ("spelling", "ise") else None
    if _american_in_context(word, listed):
        return _AMERICAN_IN_CONTEXT
    return None if _listed(word, listed) else ""


def _american_in_context(word: str, listed: Collection[str]) -> bool:
    """Whether every entry `_spellings` can find for a (lowercase) word is American, whatever the
    words around: a contextual word (`_CONTEXTUAL`: American after a show's name or a number) or
    weak "program", whose sense `_in_context` never reads, when the table's own entry (what a use
    its context rules out falls back to) is none or American."""
    if len(word) < MIN_LENGTH or not (word in _CONTEXTUAL or word in _WEAK):
        return False
    if word in _CONTEXTUAL and _CONTEXTUAL[word][0] != "us":
        return False
    entry = variants().get(word) if word in listed else None
    return entry is None or entry.variety == "us" and entry.kind == "spelling"


def _lone_variety(words: Collection[str]) -> str | None:
    """The one variety of the entries `_spellings` can find for the story's candidate `words`,
    when each word's is a plain spelling, an -ize ending or a word its context makes American
    (both American) or none (`_lone_of`): "" when none has an entry (nothing is found), _IZE when
    the variety is American and an -ize ending is among them, None when two varieties are there
    or a word's entry needs its tokens."""
    lone, known, ize = "", _LONE, False
    for text in words:
        variety = known.get(text, _UNREAD)
        if variety is _UNREAD:
            variety = known[text] = _lone_of(text)
        if variety is _IZE:
            ize, variety = True, "us"
        elif variety is _AMERICAN_IN_CONTEXT:
            variety = "us"
        if variety is None or variety and lone and variety != lone:
            return None
        lone = variety or lone
    return _IZE if ize else lone


def _ize_uses(words: Collection[str], counts: Mapping[str, int]) -> tuple[int, bool]:
    """Of a story's candidate `words` whose `_lone_variety` is _IZE: the uses of its -ize endings
    written without a capital (each a token `_spellings` finds, and no name to `_unopposed`), and
    whether a plain spelling is among them."""
    lowercase, spelled, known = 0, False, _LONE
    for text in words:
        variety = known[text]
        if variety is _IZE:
            if not text[:1].isupper():
                lowercase += counts[text]
        elif variety:
            spelled = True
    return lowercase, spelled


def _spelling_counts(
    found: list[tuple[Token, Variant]], other_way: Callable[[Token, Variant], bool]
) -> Counter[str]:
    """How many uses of each variety's spellings the story has, leaving out -ize (Oxford British
    too), weak "program" and names that the story never writes the other way."""
    # counted in a loop into a Counter made without __init__: Counter(generator) asks the ABC
    # machinery whether a generator is a Mapping (a Python call, a third of this in most stories);
    # the same counts in the same order of first use
    counts: Counter[str] = Counter.__new__(Counter)
    for tok, e in found:
        if e.kind not in ("ize", "weak") and (not _proper(tok) or other_way(tok, e)):
            counts[e.variety] = counts.get(e.variety, 0) + 1
    return counts


def _unopposed(
    found: list[tuple[Token, Variant]], other_way: Callable[[Token, Variant], bool], evidence: _Evidence
) -> bool:
    """Whether a story without a stated variety or a desk to ask, whose spellings are all of one
    variety (weak "program" too, where the copy is not plainly British) and whose endings leave
    -ise against -ize no question, has nothing to report: reports there need the other variety
    as the majority (`_majority`), by its signs alone, at least MIN_EVIDENCE and MARGIN times the
    story's spellings. Asked before the rest of the check, which such a story then skips: a
    British story's American signs are few and counted apart (the British ones, most of the work,
    are never counted); an American story's British signs are those the check counts, without the
    wire desk's subjects."""
    if not found:
        return False
    variety = found[0][1].variety
    ise = ize = 0  # the -ise and -ize words that are no names
    plain = 0  # the spellings that are no names and no -ize: each counts
    names: list[tuple[Token, Variant]] = []  # names, no -ize: they count if written the other way
    weak = False  # weak "program": counted nowhere (`_spelling_counts`) unless made a spelling
    for tok, e in found:  # one pass, `_proper` inline: asked of most stories the rule checks
        kind = e.kind
        if e.variety != variety:
            return False
        if kind == "weak":
            weak = True
            continue
        if tok.text[:1].isupper() and not tok.sentence_start and not tok.in_headline:
            if kind != "ize":
                names.append((tok, e))
        elif kind == "ize":
            ize += 1
        else:
            plain += 1
            if kind == "ise":
                ise += 1
    if ise and ize:
        return False  # `_ize_minority` has a question to answer
    # A lone -ize is out of place only in British copy (`_ize_minority`: `plainly_british` with a
    # house style that names no -ise, else `british_house`, which holds where that does), and weak
    # "program" counts only in copy plainly British (`check` makes it a spelling there): elsewhere
    # neither can be reported, nor changes what the other spellings weigh (a quarter of the stories
    # the rule checks: "program" is common in American copy, and so is a lone -ize).
    if ize == 1 and not ise and evidence.british_house(found) or weak and evidence.plainly_british(found):
        return False
    # the story's spellings as `_spelling_counts` counts them, all of `variety` (no weak "program"),
    # counted in the pass above but for the names, asked of `other_way` in their order
    spellings = plain
    if names:
        # The answer grows with the spellings but for none at all (then always yes): signs fewer
        # than the plain spellings need answer yes whatever the names add, and the names (whose
        # test reads the words around every use of the story's spellings) are not asked.
        signs = _other_signs(variety, evidence)
        if signs is not None and signs < max(MIN_EVIDENCE, MARGIN * spellings):
            return True
        for tok, e in names:
            if other_way(tok, e):
                spellings += 1
        if not spellings:
            return True  # no majority without a spelling
        return signs is not None and signs < max(MIN_EVIDENCE, MARGIN * spellings)
    if not spellings:
        return True  # no majority without a spelling
    signs = _other_signs(variety, evidence)
    return signs is not None and signs < max(MIN_EVIDENCE, MARGIN * spellings)


def _other_signs(variety: str, evidence: _Evidence) -> int | None:
    """For `_unopposed`: the other variety's evidence it weighs against a story that spells
    `variety` alone (None for a variety that is neither). Counted once a story and variety
    (`evidence.other_signs`): the check's early exit asks first, and `_unopposed` asks again
    of a story that passed it (a count of the signs and a search of the sign-off each)."""
    asked = evidence.other_signs
    if asked is not None and asked[0] == variety:
        return asked[1]
    if variety == "gb":
        signs: int | None = _most_american_signs(evidence.text)
    elif variety == "us":
        signs = evidence.house().get("gb", 0) + _british_desk(evidence.text)
    else:
        signs = None
    evidence.other_signs = (variety, signs)
    return signs


def _most_american_signs(text: str) -> int:
    """At least the American evidence `_Evidence.signs` counts: the house-style signs, and the
    wire desk's when the sign-off is one the American desks wrote, whatever its subjects."""
    sign_off = _SIGN_OFF.search(text[-40:])
    desk = STRONG_SIGN if sign_off is not None and sign_off.group(1) == "Reuter" else 0
    return EnglishVarietyMix._house_signs(text, varieties=("us",)).get("us", 0) + desk


def _british_desk(text: str) -> int:
    """The British evidence of the wire desk that `_Evidence.signs` counts: its sign-off alone
    says British ("REUTER"), its subjects are read only for an American desk."""
    sign_off = _SIGN_OFF.search(text[-40:])
    return 1 if sign_off is not None and sign_off.group(1) == "REUTER" else 0


def _spells_both(spellings: Counter[str]) -> bool:
    """Whether the story writes spellings of both varieties (its `spellings`, as
    `_spelling_counts` counts them): it is mixed whichever variety it means, so the side its
    evidence leans to decides, by any margin."""
    return bool(spellings.get("us") and spellings.get("gb"))


def _strong(entry: Variant) -> Variant:
    """Weak "program" as an American spelling."""
    return Variant(entry.word, entry.variety, entry.other, "spelling") if entry.kind == "weak" else entry


class _Evidence:
    """The signs of a story's variety besides its spellings, read once and only when needed."""

    def __init__(self, text: str, dateline: str = "", doc: Document | None = None) -> None:
        self.text = text
        self.dateline = dateline  # the story's dateline (`CHICAGO, Feb 26 -`), if it has one
        self.doc = doc  # the story's document, whose digit runs (found once a story) the signs read
        self._house: Counter[str] | None = None
        self._signs: Counter[str] | None = None
        self._desk: tuple[str | None] | None = None  # `desk`, once read
        self.other_signs: tuple[str, int | None] | None = None  # (variety, `_other_signs`), once read

    def house(self) -> Counter[str]:
        """The house-style signs the copy shows (£, per cent, Mr Brown, 25 February)."""
        if self._house is None:
            runs = None if self.doc is None else self.doc.digit_runs
            self._house = EnglishVarietyMix._house_signs(self.text, runs)
        return self._house

    def british_style(self) -> bool:
        """Whether the copy shows a British house-style sign besides "the US" without full stops,
        which American web copy writes too (AG News: `its US mutual fund businesses`)."""
        if not self.house().get("gb"):
            return False
        return any(
            not match.startswith("US")
            for _, hints, pattern, _ in _SIGNS["gb"]
            if not hints or any(hint in self.text for hint in hints)
            for match in pattern.findall(self.text)
        )

    def desk(self) -> str | None:
        """`EnglishVarietyMix._wire_desk` of the text, read once: the signs, the tie-break and a
        report's reason each ask it (a scan of the story for the desk's subjects each)."""
        if self._desk is None:
            self._desk = (EnglishVarietyMix._wire_desk(self.text),)
        return self._desk[0]

    def signs(self) -> Counter[str]:
        """The house-style signs and the wire desk."""
        if self._signs is None:
            signs: Counter[str] = Counter.__new__(Counter)  # `copy`, without its Python calls
            dict.update(signs, self.house())
            desk = self.desk()
            if desk:
                signs[desk] = signs.get(desk, 0) + (STRONG_SIGN if desk == "us" else 1)
            self._signs = signs
        return self._signs

    def lean(self, spellings: Counter[str]) -> str | None:
        """The variety with more evidence (the story's `spellings`, as `_spelling_counts` counts
        them, and its signs), by any margin; on a tie, the one its dateline's place
        leans to (`_datelines`: CHICAGO American, LONDON British), else the one a wire story's
        sign-off leans to (REUTER: the London and Asian desks, British; Reuter: mostly the
        American desks), else None. It breaks ties only, and only where the wire desk is not counted
        already: a prior about the source counts once (a story with three British spellings and
        one American one, signed "Reuter" about American companies, is a tie by the count, not
        American)."""
        us, gb = _summed(spellings, self.signs())
        if us == gb:
            return self._tie_break()[0]
        return "us" if us > gb else "gb"

    def _tie_break(self) -> tuple[str | None, str]:
        """The variety the story's source leans to, and what says so (for messages): its
        dateline's place, else its sign-off, unless the wire desk is counted already."""
        sign_off = _SIGN_OFF.search(self.text[-40:])
        if sign_off is not None and self.desk():
            return None, ""  # the desk is counted already
        variety = dateline_variety(self.dateline) if self.dateline else None
        if variety is not None:
            place = self.dateline.strip(" -–—")
            return variety, f"its dateline ({place!r}) is where desks spell {NAMES[variety]}"
        if sign_off is not None:
            variety = "gb" if sign_off.group(1) == "REUTER" else "us"
            return variety, f"its sign-off ({sign_off.group(1)!r}) is a desk that spells {NAMES[variety]}"
        return None, ""

    def mixed_reason(self, spellings: Counter[str], variety: str) -> str:
        """Why a story that spells both ways (its `spellings`, as `_spelling_counts` counts them)
        is taken to be written in `variety`."""
        us, gb = _summed(spellings, self.signs())
        if us != gb:
            return f"the story spells both ways, and more of it is {NAMES[variety]}"
        return f"the story spells both ways; {self._tie_break()[1]}"

    def reason(self, variety: str) -> str:
        """What, besides spelling, says the story is written in `variety`."""
        desk = self.desk()
        found = _SIGN_OFF.search(self.text[-40:])
        if desk == variety and found and not self.house()[variety]:
            sign_off = found.group(1)
            subjects = sorted(set(_US_DESK.findall(self.text)))[:3] if variety == "us" else []
            about = f", about {', '.join(subjects)}" if subjects else ""
            return f"the story's desk spells {NAMES[variety]} (signed {sign_off!r}{about})"
        return f"the story's house style is {NAMES[variety]}"

    def british_house(self, found: list[tuple[Token, Variant]]) -> bool:
        """British copy that writes -ise: plainly British, or copy with British evidence (a British
        spelling, a house-style sign other than "the US", which American web copy writes too, or
        MIN_EVIDENCE signs) and nothing American that is no wire story (a wire desk's sign-off:
        the London desk wrote Oxford -ize; British news desks -ise)."""
        if self.plainly_british(found):
            return True
        if _SIGN_OFF.search(self.text[-40:]) or self.signs().get("us"):
            return False
        varieties = Counter(
            e.variety for tok, e in found if e.kind in ("spelling", "ise") and not _proper(tok)
        )
        return not varieties["us"] and (
            varieties["gb"] > 0 or self.house()["gb"] >= MIN_EVIDENCE or self.british_style()
        )

    def plainly_british(self, found: list[tuple[Token, Variant]]) -> bool:
        """Copy whose house style is plainly British: its house-style signs and British spellings
        come to BRITISH_STYLE or more, the signs the copy shows count for at least half of that
        (a wire story from the London desk with British spellings is no BBC story: that desk
        wrote "program" and Oxford -ize), and nothing is American."""
        if any(e.variety == "us" and e.kind == "spelling" and not _proper(tok) for tok, e in found):
            return False  # an American spelling: no sign need be read
        gb = self.house().get("gb", 0)
        if gb * 2 < BRITISH_STYLE:
            return False  # too few signs: the wire desk need not be read
        gb_spellings = sum(
            1 for tok, e in found if e.variety == "gb" and e.kind != "ize" and not _proper(tok)
        )
        return gb + gb_spellings >= BRITISH_STYLE and not self.signs().get("us")
