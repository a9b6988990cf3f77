"""NL201 english-variety-mix."""
from __future__ import annotations

import re
from collections import Counter
from collections.abc import Callable, Iterator
from functools import cache

from newslint.document import Document, Token
from newslint.rule import Rule
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
# regular expression runs), and the pattern.
_SIGNS = {
    "gb": ((STRONG_SIGN, ("£", "per cent", "pence"), re.compile(r"£|\bper cent\b|\bpence\b")),
           (1, ("Mr", "Ms", "Dr"), re.compile(r"\b(?:Mr|Mrs|Ms|Dr)\s[A-Z]")),
           (1, (), re.compile(rf"\b\d{{1,2}}\s{_MONTH}\b")),
           (1, (), re.compile(r"\d(?:bn|m|km|kg|cm|mm)\b")),
           (1, ("UK", "BBC", "US"), re.compile(r"\b(?:UK|BBC)\b|\bUS(?:-[a-z]|\b(?!\.)(?<=[a-z] US))"))),
    "us": ((1, ("percent",), re.compile(r"\bpercent\b")),
           (1, ("Mr.", "Mrs.", "Ms.", "Dr."), re.compile(r"\b(?:Mr|Mrs|Ms|Dr)\.\s[A-Z]"))),
}
# Reuters' desks signed off differently: "REUTER" mostly from London and Asia, which spell
# British, "Reuter" mostly from the American desks. The American desks' stories are about
# American companies and government; only with both signs does the sign-off count for American.
_SIGN_OFF = re.compile(r"\b(Reuter|REUTER)\s*\Z")
_US_DESK = re.compile(r"\b(?:Inc|Corp|cts|Senate|Congress|Congressional|USDA|IRS|Internal Revenue|Reagan|Wall Street"
                      r"|Nasdaq|Texas|California|Washington|[Ff]ederal)\b")
_GB_DESK = re.compile(r"\b(?:stg|Plc|PLC|Ltd|EC|Community|francs?|Paris|Bundesbank|Ministry|sterling|tonnes?|Ecus?"
                      r"|Chancellor|Bonn|marks|yen|Tokyo|Japan|Japanese|Hong Kong|Singapore|Australian?)\b")
MAX_SIGNS = 3
MIN_EVIDENCE = 2  # the majority needs at least this much evidence
BRITISH_STYLE = 4  # house-style evidence that makes a lone -ize the odd one out
MARGIN = 2  # ... and this many times the evidence for the other variety
LOCALE_VARIETY = {"en-US": "us", "en-GB": "gb", "en-AU": "gb", "en-CA": None}
NAMES = {"us": "American", "gb": "British"}
OTHER = {"us": "gb", "gb": "us"}

# Spellings VarCon cannot call by themselves, because the same letters are right in the other
# variety in another sense; they count only in the context given.
_NUMBER_BEFORE = re.compile(r"\d\s*$")
_SHOW_BEFORE = re.compile(r"(?:\b[A-Z][\w']*|\b(?:TV|radio|television|documentary|news|BBC))\s+$")
_NOUN_BEFORE = re.compile(r"\b(?:a|the|his|her|its|their|our|your|driving|TV|television|broadcasting|export|import|operating|fishing)\s+$", re.IGNORECASE)
_NOUN_AFTER = re.compile(r"^\s+(?:fees?|holders?|payers?|compliance|agreements?)\b")
_SOFTWARE = re.compile(r"\b(?:software|computers?|Microsoft|Windows|downloads?|browsers?|PCs?|virus|apps?|code)\b")
_SOFTWARE_SENSE = frozenset({"program", "programs"})
MIN_LENGTH = 4
_CONTEXTUAL = {
    "meters": ("us", "metres", lambda before, after: bool(_NUMBER_BEFORE.search(before))),
    "meter": ("us", "metre", lambda before, after: bool(_NUMBER_BEFORE.search(before))),
    "program": ("us", "programme", lambda before, after: bool(_SHOW_BEFORE.search(before))),
    "programs": ("us", "programmes", lambda before, after: bool(_SHOW_BEFORE.search(before))),
    "license": ("us", "licence", lambda before, after: bool(_NOUN_BEFORE.search(before) or _NOUN_AFTER.match(after))),
}


# A capitalised word in a company's name keeps the company's spelling (Alcan Aluminium Ltd) even
# where the story spells the word the other way.
_COMPANY_AFTER = re.compile(r"(?:[ \t]+(?:[A-Z][\w&.'-]*|of|and|&))*?[ \t]+(?:Ltd|Inc|Corp|Co|Plc|PLC|LLC|Group|Holdings|Company|Corporation)\b")


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
    the locale decides which spelling is right; without it, the story's majority does (variant
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
    after a show's name, `license` as a noun and `meters` after a number are the exceptions.
    `-ize` is Oxford British too, so it is reported only in a story that mostly writes `-ise`, or
    when it is the story's only `-ize` word, outside quotations, in copy whose house style is
    plainly British (British news desks write `-ise`).

    Proper names keep their own spelling: a capitalised word in mid-sentence ("Ministry of
    Defence" in an American story, "Pearl Harbor" in a British one) is reported only when the
    story also spells the same word the other way. A word in a company's name (Alcan Aluminium
    Ltd) keeps the company's spelling even then.

    ## Why is this bad?
    A story that switches between spellings looks unedited, and search and archives treat the
    two spellings as different words.

    ## Example
        The defense ministry said ... Russia's Defence Ministry said ...

    ## Use instead
        The defense ministry said ... Russia's Defense Ministry said ...

    ## Fix safety
    Unsafe when the story's majority decides (it is a guess about the house style); safe when
    `locale` is set and the word is lowercase, since then the desk has stated its variety.
    Inside direct quotations the spelling is reported, never changed.
    """

    code = "NL201"
    name = "english-variety-mix"
    fix_availability = FixAvailability.ALWAYS

    def check(self, doc: Document) -> Iterator[Violation]:
        found = self._spellings(doc)
        if not found:
            return
        locale = self.context.locale or ""
        target = LOCALE_VARIETY.get(locale)
        from_locale = target is not None
        signs = cache(lambda: self._signs(doc.text))  # only a few stories need them
        if target is None:
            target = self._majority(found, signs)
        ize_wrong = self._ize_minority(found, target, signs)
        if target is None:
            yield from self._same_word_mixes(found, ize_wrong)
        spelled = {(e.word, e.variety) for _, e in found}
        for tok, entry in found:
            if entry.kind in ("ise", "ize") and entry.kind == ize_wrong:
                pass  # organise and organize in one story: the minority is wrong in any variety
            elif entry.variety == target and entry.kind != "ize" or entry.kind == "ize" or target is None:
                continue
            both = (entry.other, OTHER[entry.variety]) in spelled
            if tok.text[:1].isupper() and not both:
                continue
            lone_ize = entry.kind == ize_wrong == "ize" and not any(e.kind == "ise" for _, e in found)
            if lone_ize and doc.is_quoted(tok.span):
                continue  # a quoted statement may keep its author's -ize
            yield self._report(tok, entry, from_locale, target, entry.kind == ize_wrong,
                               "the story's house style is British, which writes -ise" if lone_ize else "")

    def _same_word_mixes(self, found: list[tuple[Token, Variant]], ize_wrong: str | None) -> Iterator[Violation]:
        """Without a clear majority, one word spelled both ways (defense / Defence) is still a mix:
        the spelling the story uses more for that word wins, a tie goes to the first use."""
        pairs: dict[str, list[tuple[Token, Variant]]] = {}
        for tok, e in found:
            if ize_wrong is None or e.kind not in ("ise", "ize"):
                pairs.setdefault(e.word if e.variety == "us" else e.other, []).append((tok, e))
        for uses in pairs.values():
            varieties = Counter(e.variety for _, e in uses)
            if len(varieties) < 2:
                continue
            first = uses[0][1].variety
            winner = max(("us", "gb"), key=lambda v: (varieties[v], v == first))
            for tok, e in uses:
                if e.variety != winner:
                    yield self._report(tok, e, False, None, False, "the story spells the same word the other way too")

    def _report(self, tok: Token, entry: Variant, from_locale: bool, target: str | None, ending: bool,
                reason: str = "") -> Violation:
        right = _match_case(tok.text, entry.other)
        safe = from_locale and tok.text.islower()
        fix = (Fix.safe if safe else Fix.unsafe)(f"Write {right!r}", Edit.replace(tok.span, right))
        if reason:
            pass
        elif ending:
            reason = f"the story mostly writes -{'ise' if entry.kind == 'ize' else 'ize'}"
        elif from_locale:
            reason = f"the story is set to {self.context.locale}"
        else:
            reason = f"the story mostly uses {NAMES[target]} spelling"
        return self.violation(tok.span, f"{tok.text!r} is {NAMES[entry.variety]} spelling; {reason} ({right!r})", fix)

    @staticmethod
    def _spellings(doc: Document) -> list[tuple[Token, Variant]]:
        table = variants()
        text = doc.text
        found: list[tuple[Token, Variant]] = []
        listed = table.keys()
        for tok in doc.words():
            word = tok.text.lower().replace("’", "'")
            if word not in listed and word not in _CONTEXTUAL or tok.is_all_caps:
                continue
            if tok.text[:1].isupper() and _COMPANY_AFTER.match(text, tok.span.end):
                continue
            entry = table.get(word)
            if entry is None and word in _CONTEXTUAL:
                variety, other, applies = _CONTEXTUAL[word]
                before = text[max(0, tok.span.start - 40):tok.span.start]
                after = text[tok.span.end:tok.span.end + 20]
                if applies(before, after):
                    entry = Variant(word, variety, other, "spelling")
            if entry is not None and len(word) >= MIN_LENGTH and (entry.word not in _SOFTWARE_SENSE or not _SOFTWARE.search(text, max(0, tok.span.start - 200), tok.span.end + 200)):
                found.append((tok, entry))
        return found

    @staticmethod
    def _ize_minority(found: list[tuple[Token, Variant]], target: str | None,
                      signs: Callable[[], Counter[str]]) -> str | None:
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
    def _majority(found: list[tuple[Token, Variant]], signs: Callable[[], Counter[str]]) -> str | None:
        spelled = {(e.word, e.variety) for _, e in found}
        spellings = Counter(e.variety for tok, e in found
                            if e.kind != "ize" and (not _proper(tok) or (e.other, OTHER[e.variety]) in spelled))
        if not spellings:
            return None
        counts = spellings + signs()
        if not (spellings["us"] and counts["gb"] or spellings["gb"] and counts["us"]):
            return None  # nothing of the other variety: nothing is mixed
        major = max(("us", "gb"), key=counts.__getitem__)
        if counts[major] >= MIN_EVIDENCE and counts[major] >= MARGIN * counts[OTHER[major]]:
            return major
        return None  # too close to call: real copy mixes spellings, a guess would be a false alarm
