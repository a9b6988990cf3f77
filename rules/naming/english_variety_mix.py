"""NL201 english-variety-mix."""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Callable, Collection, Iterator
from functools import cache

from newslint.document import Document, LetterTest, Token
from newslint.rule import Rule
from newslint.rules._styles import HOUSE_STYLES, style_name, styles_where
from newslint.rules.naming import _senses
from newslint.rules.naming._company import COMPANY_AFTER
from newslint.rules.naming._varieties import Variant, variants
from newslint.violation import Edit, Fix, FixAvailability, Violation

_MONTH = r"(?:January|February|March|April|May|June|July|August|September|October|November|December)"
# Signs of British copy besides spelling, each kind counted at most MAX_SIGNS times: prices in
# pounds, "per cent", titles without a full stop (Mr Brown), day-month dates (25 February),
# amounts and measures run into their unit ($4.5bn, 4.88m, 10km), "UK", "BBC" and "the US"
# without full stops (American style writes "U.S.").
# American copy writes "percent". (Reuters copy of any era mixes both spellings, and its "pct",
# "dlrs" and month-day dates say nothing about its spelling; its sign-off does, below.)
STRONG_SIGN = 2  # money and "per cent" say more than a title or a date
# Each sign: its weight, literals one of which the text must contain (a cheap test before the
# regular expression runs), and the pattern. The patterns open with their first letter, the word
# boundary before it checked by a look-behind after it (`p(?<!\wp)ercent\b` for r"\bpercent\b"),
# so the regex engine skips to that letter: four to ten times faster; tests/test_fast_patterns.py
# checks them against their plain forms, kept there.
_SIGNS = {
    "gb": (
        (STRONG_SIGN, ("£", "per cent", "pence"), re.compile(r"£|p(?<!\wp)(?:er cent|ence)\b")),
        (1, ("Mr", "Ms", "Dr"), re.compile(r"M(?<!\wM)(?:rs?|s)\s[A-Z]|D(?<!\wD)r\s[A-Z]")),
        (1, (), re.compile(rf"\b\d{{1,2}}\s{_MONTH}\b")),
        (1, (), re.compile(r"\d(?:bn|m|km|kg|cm|mm)\b")),
        (
            1,
            ("UK", "BBC", "US"),
            re.compile(r"U(?<!\wU)(?:K\b|S(?:-[a-z]|\b(?!\.)(?<=[a-z] US)))|B(?<!\wB)BC\b"),
        ),
    ),
    "us": (
        (1, ("percent",), re.compile(r"p(?<!\wp)ercent\b")),
        (1, ("Mr.", "Mrs.", "Ms.", "Dr."), re.compile(r"M(?<!\wM)(?:rs?|s)\.\s[A-Z]|D(?<!\wD)r\.\s[A-Z]")),
    ),
}
# Reuters' desks signed off differently: "REUTER" mostly from London and Asia, which spell
# British, "Reuter" mostly from the American desks. The American desks' stories are about
# American companies and government; only with both signs does the sign-off count for American.
_SIGN_OFF = re.compile(r"\b(Reuter|REUTER)\s*\Z")
_US_DESK = re.compile(
    r"\b(?:Inc|Corp|cts|Senate|Congress|Congressional|USDA|IRS|Internal Revenue|Reagan|Wall Street"
    r"|Nasdaq|Texas|California|Washington|[Ff]ederal)\b"
)
_GB_DESK = re.compile(
    r"\b(?:stg|Plc|PLC|Ltd|EC|Community|francs?|Paris|Bundesbank|Ministry|sterling|tonnes?|Ecus?"
    r"|Chancellor|Bonn|marks|yen|Tokyo|Japan|Japanese|Hong Kong|Singapore|Australian?)\b"
)
MAX_SIGNS = 3
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
_SHOW_BEFORE = re.compile(
    r"(?:\b(?!(?:The|A|An|This|That|Its|His|Her|Their|Our|Each|Every|No|One)\s)[A-Z][\w']*"
    r"|\b(?:TV|radio|television|documentary|news|BBC))\s+$"
)
_SOFTWARE = re.compile(
    r"\b(?:software|computers?|Microsoft|Windows|downloads?|browsers?|PCs?|virus|apps?|code"
    r"|malware|spyware|hackers?|installed|programmers?|programming|phones?|handsets?)\b"
)
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
        return Variant(word, "us", _WEAK[word], "weak")
    return None


def _lemma(entry: Variant) -> str:
    """The word as American spells it, singular: one key for programs, programme and program."""
    word = entry.word if entry.variety == "us" else entry.other
    word = word.removesuffix("'s")
    return word[:-1] if word.endswith("s") and len(word) > MIN_LENGTH else word


def _spelled_other_way(found: list[tuple[Token, Variant]], text: str) -> Callable[[Token, Variant], bool]:
    """Whether the story also spells a use's word the other way, where that matters. A name keeps
    its own spelling unless the story writes the same name the other way: a word of the name next
    to it (`Russia's Defence Ministry` against `the defense ministry`; `World Trade Center` says
    nothing of `the town centre`). A capitalised word at a sentence start needs the same word form
    (`Theatres` and `theaters`), and weak "program" needs a use that is no name (`Development
    Programme` says nothing of `program director`). Other uses always pass."""
    forms = {(e.word, e.variety) for _, e in found if e.kind != "weak"}
    common = {(_lemma(e), e.variety) for tok, e in found if not _proper(tok)}
    around: dict[tuple[str, str], set[str]] = {}
    if any(_proper(tok) for tok, _ in found):
        for tok, e in found:
            around.setdefault((_lemma(e), e.variety), set()).update(w.lower() for w in _neighbours(text, tok))

    def test(tok: Token, e: Variant) -> bool:
        if e.kind == "weak":
            return (_lemma(e), OTHER[e.variety]) in common
        if _proper(tok):
            name_words = {w.lower() for w in _neighbours(text, tok) if w[:1].isupper()}
            return bool(name_words & around.get((_lemma(e), OTHER[e.variety]), set()))
        return not tok.text[:1].isupper() or (e.other, OTHER[e.variety]) in forms

    return test


_WORD_BEFORE = re.compile(r"(\w[\w'’]*)\W{1,3}$")
_WORD_AFTER = re.compile(r"\W{1,3}(\w[\w'’]*)")


def _neighbours(text: str, tok: Token) -> list[str]:
    """The words just before and after a token (across a line break, not across much punctuation)."""
    before = _WORD_BEFORE.search(text, max(0, tok.span.start - 30), tok.span.start)
    after = _WORD_AFTER.match(text, tok.span.end, tok.span.end + 30)
    return [m.group(1) for m in (before, after) if m]


def _listed(word: str, listed: Collection[str]) -> bool:
    """In the variant table, the context-dependent spellings or the word-sense table."""
    return word in listed or word in _CONTEXTUAL or _senses.listed(word)


# The story's distinct words that a table lists (decided once per word, remembered across stories).
_CANDIDATES = LetterTest(lambda word: _listed(word.lower().replace("’", "'"), variants().keys()))


def _proper(tok: Token) -> bool:
    """A capitalised word in mid-sentence: a name, which keeps its own spelling."""
    return tok.text[:1].isupper() and not tok.sentence_start and not tok.in_headline


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
    spellings, "per cent", "£", "Mr Brown", "25 February", "$4.5bn", "4.88m", "UK" and "the US"
    against "percent" and "Mr. Brown"), and it must outweigh the other variety two to one. A
    Reuters story's sign-off tells its desk: "REUTER" (London, Asia) counts for British, and
    "Reuter" for American when the story is about American companies or government (Inc, Corp,
    Senate, Wall Street). A story that shows only one variety is left alone: consistent British
    spelling in American-style copy is a house choice, not a mix.

    The table comes from VarCon: a spelling counts only if VarCon says it is written in one
    variety alone, in every sense it lists. So `programme`, `licence`, `practise`, `kerb`, `tyre`
    and `cheque` mark British copy, while `program` (software), `license` (the British verb),
    `practice` (the British noun), `curb`, `tire` and `check` mark nothing by themselves; `program`
    after a show's name and `meters` after a number are the exceptions. Where VarCon spells a
    word by its sense and the words around show the sense (a determiner or modifier before a noun,
    "on" after an adjective, "kerbs on" a restraint), the sense decides: `the import licenses` is
    American, and a spelling neither variety writes in that sense is reported in any story
    (`trade practises` -> `practices`, `heavily dependant on` -> `dependent`, `kerbs on imports` ->
    `curbs`). `program` without a show's name counts only against `programme` in the same story
    (Reuters' London desk wrote `program`): one word spelled both ways is a mix, and singular and
    plural are one word.
    `-ize` is Oxford British too, so it is reported only in a story that mostly writes `-ise`, or
    when it is the story's only `-ize` word, outside quotations, in copy whose house style is
    plainly British (British news desks write `-ise`).

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
    """

    code = "NL201"
    name = "english-variety-mix"
    fix_availability = FixAvailability.ALWAYS

    def check(self, doc: Document) -> Iterator[Violation]:
        found = self._spellings(doc)
        for tok, entry in found:
            if entry.kind == "sense" and not _proper(tok):
                yield self._report_sense(tok, entry)
        found = [(tok, entry) for tok, entry in found if entry.kind != "sense"]
        if not found:
            return
        target, stated = self._stated_variety()
        # the house style that writes -ise, when the desk chose one
        ise_house = self.context.style if target == "gb" and self.context.style in ISE_STYLES else None
        signs = cache(lambda: self._signs(doc.text))  # only a few stories need them
        other_way = _spelled_other_way(found, doc.text)
        if target is None:
            target = self._majority(found, signs, other_way)
        ize_wrong = self._ize_minority(found, target, signs)
        if target is None:
            yield from self._same_word_mixes(found, ize_wrong, other_way)
        for tok, entry in found:
            if entry.kind in ("ise", "ize") and entry.kind == ize_wrong:
                pass  # organise and organize in one story: the minority is wrong in any variety
            elif target is None or entry.kind == "ize" and not ise_house or entry.variety == target:
                continue
            if (tok.text[:1].isupper() or entry.kind == "weak") and not other_way(tok, entry):
                continue  # a name, or "program" in a story that never writes "programme"
            lone_ize = entry.kind == ize_wrong == "ize" and not any(e.kind == "ise" for _, e in found)
            if lone_ize and doc.is_quoted(tok.span):
                continue  # a quoted statement may keep its author's -ize
            reason = "the story's house style is British, which writes -ise" if lone_ize else ""
            if ise_house and entry.kind == "ize":
                reason = f"{style_name(ise_house)} style writes -ise"
            yield self._report(tok, entry, stated, target, entry.kind == ize_wrong, reason)

    def _same_word_mixes(
        self,
        found: list[tuple[Token, Variant]],
        ize_wrong: str | None,
        other_way: Callable[[Token, Variant], bool],
    ) -> Iterator[Violation]:
        """Without a clear majority, one word spelled both ways (defense / Defence, programs /
        programme) is still a mix: the spelling the story uses more for that word wins, a tie goes
        to the first use."""
        pairs: dict[str, list[tuple[Token, Variant]]] = {}
        for tok, e in found:
            if (ize_wrong is None or e.kind not in ("ise", "ize")) and other_way(tok, e):
                pairs.setdefault(_lemma(e), []).append((tok, e))
        for uses in pairs.values():
            varieties = Counter(e.variety for _, e in uses)
            if len(varieties) < 2:
                continue
            first = uses[0][1].variety
            winner = max(("us", "gb"), key=lambda v: (varieties[v], v == first))
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
        listed = table.keys()
        # Candidate-first: the story's distinct words that a table lists, then their tokens alone.
        for tok in doc.words_among(_CANDIDATES.select(doc.word_counts)):
            word = tok.text.lower().replace("’", "'")
            if not _listed(word, listed) or tok.is_all_caps:
                continue
            if tok.text[:1].isupper() and COMPANY_AFTER.match(text, tok.span.end):
                # Alcan Aluminium Ltd keeps its spelling even where the story spells it the other way
                continue
            entry = _in_context(text, tok, word) or table.get(word)
            if (
                entry is not None
                and len(word) >= MIN_LENGTH
                and (
                    entry.word not in _SOFTWARE_SENSE
                    or not _SOFTWARE.search(text, max(0, tok.span.start - 200), tok.span.end + 200)
                )
            ):
                found.append((tok, entry))
        return found

    @staticmethod
    def _ize_minority(
        found: list[tuple[Token, Variant]], target: str | None, signs: Callable[[], Counter[str]]
    ) -> str | None:
        """The one of -ise and -ize a story writes at most half as often as the other. American
        copy writes -ize, so there only -ise can be the minority. A lone -ize in a story whose house
        style is plainly British (Mr Brown, £4m, 25 February, per cent) and with no -ise to compare
        is the minority too: British news desks write -ise."""
        ise = sum(1 for tok, e in found if e.kind == "ise" and not _proper(tok))
        ize = sum(1 for tok, e in found if e.kind == "ize" and not _proper(tok))
        if ize == 1 and not ise and target != "us" and signs()["gb"] >= BRITISH_STYLE and not signs()["us"]:
            return "ize"
        if not ise or not ize:
            return None
        if ize >= max(MIN_EVIDENCE, MARGIN * ise):
            return "ise"
        if ise >= max(MIN_EVIDENCE, MARGIN * ize) and target != "us":
            return "ize"
        return None

    @staticmethod
    def _wire_desk(text: str) -> str | None:
        """The variety a Reuters story's desk spells in, from its sign-off and its subjects."""
        sign_off = _SIGN_OFF.search(text[-40:])
        if sign_off is None:
            return None
        if sign_off.group(1) == "REUTER":
            return "gb"
        american = len(set(_US_DESK.findall(text)))
        return "us" if american > len(set(_GB_DESK.findall(text))) else None

    @staticmethod
    def _signs(text: str) -> Counter[str]:
        """Evidence for each variety besides spelling: house-style signs and the wire desk."""
        counts: Counter[str] = Counter()
        for variety, signs in _SIGNS.items():
            for weight, hints, pattern in signs:
                if not hints or any(hint in text for hint in hints):
                    counts[variety] += weight * min(MAX_SIGNS, len(pattern.findall(text)))
        desk = EnglishVarietyMix._wire_desk(text)
        if desk:
            counts[desk] += STRONG_SIGN if desk == "us" else 1
        return counts

    @staticmethod
    def _majority(
        found: list[tuple[Token, Variant]],
        signs: Callable[[], Counter[str]],
        other_way: Callable[[Token, Variant], bool],
    ) -> str | None:
        spellings = Counter(
            e.variety
            for tok, e in found
            if e.kind not in ("ize", "weak") and (not _proper(tok) or other_way(tok, e))
        )
        if not spellings:
            return None
        counts = spellings + signs()
        if not (spellings["us"] and counts["gb"] or spellings["gb"] and counts["us"]):
            return None  # nothing of the other variety: nothing is mixed
        major = max(("us", "gb"), key=counts.__getitem__)
        if counts[major] >= MIN_EVIDENCE and counts[major] >= MARGIN * counts[OTHER[major]]:
            return major
        return None  # too close to call: real copy mixes spellings, a guess would be a false alarm
