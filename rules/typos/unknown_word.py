"""NL101 unknown-word."""
from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterator

from newslint.document import Document, Token
from newslint.rule import Rule
from newslint.rules.typos._words import english, known_names, match_case, misspellings, one_edit_away, rare_words
from newslint.span import Span
from newslint.violation import Edit, Fix, FixAvailability, Violation

_PART = re.compile(r"[a-z]+(?:'[a-z]+)*")
_POSSESSIVE = re.compile(r"'s$|'$")
COMMON_RANK = 20000  # within the 20,000 most frequent words: "a common word"
VERY_COMMON_RANK = 500  # the 500 most frequent words: "will", "big", "bit"
MIN_LENGTH = 3


def story_counts(doc: Document) -> Counter:
    """How often each lowercase word (and each part of a hyphenated word) occurs in the story."""
    counts: Counter = Counter()
    for tok in doc.words():
        word = tok.text.lower().replace("’", "'")
        counts[word] += 1
        if "-" in word:
            counts.update(word.split("-"))
        base = _POSSESSIVE.sub("", word)
        if base != word:
            counts[base] += 1
    return counts


def suggestions(word: str, counts: Counter) -> tuple[list[str], list[str]]:
    """(candidates used more often in this story, other candidates by frequency), one edit away."""
    words = english()
    candidates = [c for c in one_edit_away(word) if c in words.words]
    evidence = sorted((c for c in candidates if counts[c] > counts[word]), key=lambda c: (-counts[c], words.frequency_rank(c)))
    others = sorted((c for c in candidates if c not in evidence), key=words.frequency_rank)
    return evidence, others


class UnknownWord(Rule):
    """## What it does
    Finds a lowercase word that is in no English word list (American, British or Canadian
    spelling) and suggests the word it was probably meant to be, using the story itself as
    evidence: a word one letter away that the story uses elsewhere, more often, is almost surely
    the intended one ("reigme" twice, "regime" ten times).

    Capitalised words are taken as names and left to the naming rules; ALL-CAPS text, URLs,
    handles, codes (F-16s) and tables are not checked, nor are the words of a Reuters company tag
    (`<BSV Bank fuer Sparanlagen AG>`). Hyphenated compounds are checked part by part unless the
    lexicon lists them whole (have-nots). Words in the configured `vocabulary` and words marked
    `[sic]` are accepted.

    ## Why is this bad?
    A misspelt word in published copy costs the story its credibility, and dictionary checkers
    that flag every foreign name are switched off by the desks that need them.

    ## Example
        killing dozens of Assad reigme's soldiers

    ## Use instead
        killing dozens of Assad regime's soldiers

    ## Fix safety
    Safe when exactly one word one edit away is used more often in the same story, or when only
    one common English word is one edit away. Unsafe when the best candidate is a guess among
    several; display-only with the top candidates when none is close. Inside direct quotations
    the word is reported, never changed.
    """

    code = "NL101"
    name = "unknown-word"
    fix_availability = FixAvailability.SOMETIMES

    def check(self, doc: Document) -> Iterator[Violation]:
        words = english().words  # the frozenset itself: this loop tests every word of the story
        known_wrong = misspellings().keys()
        counts: Counter | None = None
        case_lost: bool | None = None
        for tok in doc.words():
            text = tok.text
            if text.isalpha() and text.islower() and (len(text) < MIN_LENGTH or text in words):
                continue  # the common case, decided without splitting the word into parts
            if not text.islower() or not text.isascii() and "’" not in text:
                continue  # names, acronyms, foreign words
            if "-" in tok.text and (tok.text.lower().replace("-", "") in words or tok.text.lower() in words):
                continue  # pre-empt, co-operate: the compound is a word written whole; have-nots
            if tok.span.start and doc.text[tok.span.start - 1] in ";&":
                continue  # the tail of a word cut by an HTML entity: B&#233;ziers
            for part, span in _parts(tok):
                if len(part) < MIN_LENGTH or part in words or part in known_wrong or self.context.accepts(part):
                    continue
                if part in rare_words():
                    continue
                if _in_company_tag(doc.text, span):
                    continue
                if counts is None:
                    counts = story_counts(doc)
                    case_lost = _lost_capitals(doc)
                found = self._report(doc, part, span, counts, evidence_only=case_lost or part.capitalize() in known_names())
                if found is not None:
                    yield found

    def _report(self, doc: Document, part: str, span: Span, counts: Counter,
                evidence_only: bool = False) -> Violation | None:
        evidence, others = suggestions(part, counts)
        if evidence_only and not evidence:
            return None
        if not evidence and is_derived_word(part) and not _obvious_slip(others):
            return None
        if not evidence and counts[part] >= 2:
            return None  # used twice with no likelier word nearby: jargon, not a slip
        if not evidence and not others:
            return None  # nothing one edit away: a rare or foreign word, not a typo we can name
        original = doc.slice(span)
        if evidence and _far_likelier_word(evidence[0], others):
            best, seen = others[0], evidence[0]
            message = (f"unknown word {original!r}; did you mean {best!r}? (the story uses {seen!r} "
                       f"{counts[seen]} time{'s' * (counts[seen] != 1)})")
            return self.violation(span, message, Fix.unsafe(f"Replace with {best!r}",
                                                            Edit.replace(span, match_case(original, best))))
        if evidence:
            best = evidence[0]
            uses = counts[best]
            message = f"unknown word {original!r}: the story uses {best!r} {uses} time{'s' * (uses != 1)}"
            fix = (Fix.safe if len(evidence) == 1 else Fix.unsafe)(
                f"Replace with {best!r}", Edit.replace(span, match_case(original, best)))
            return self.violation(span, message, fix)
        if others:
            best = others[0]
            rank = english().frequency_rank(best)
            clear = len(others) == 1 and rank < COMMON_RANK
            listed = ", ".join(repr(c) for c in others[:3])
            fix = (Fix.safe if clear else Fix.unsafe)(f"Replace with {best!r}", Edit.replace(span, match_case(original, best)))
            return self.violation(span, f"unknown word {original!r}; did you mean {listed}?", fix)
        return None


TAG_REACH = 80  # the longest company tag reached for, either side of a word

PREFIXES = ("pre", "non", "mid", "anti", "pro", "co", "re", "un", "over", "under", "out", "post", "sub", "super",
            "multi", "semi", "inter", "euro", "mega", "micro", "nano", "cyber", "eco", "bio", "geo", "tele", "ultra",
            "self", "counter", "cross", "mis", "dis", "de")


def _obvious_slip(candidates: list[str]) -> bool:
    """One candidate only, and a common word: a slip even when the word parses as a compound."""
    return len(candidates) == 1 and english().frequency_rank(candidates[0]) < COMMON_RANK


def _far_likelier_word(evidence: str, others: list[str]) -> bool:
    """A very common word one edit away outweighs the story's evidence: "wil" in an oil story
    is "will" (one of the 500 commonest words), not "oil", even though the story says "oil"."""
    if not others:
        return False
    words = english()
    rival = words.frequency_rank(others[0])
    return rival < VERY_COMMON_RANK and rival * 10 < words.frequency_rank(evidence)


def is_derived_word(word: str) -> bool:
    """A word missing from the lists that is still English: a plural of a known noun, a known
    word with a common prefix, or two known words run together (stockmarket, sugarbeet)."""
    words = english()
    if word.endswith("ies") and word[:-3] + "y" in words:
        return True
    if word.endswith("es") and word[:-2] in words and word[:-2].endswith(("s", "x", "z", "ch", "sh")):
        return True
    if word.endswith("s") and not word.endswith(("ss", "ys")) and len(word) > 4 and word[:-1] in words:
        return True
    for prefix in PREFIXES:
        rest = word[len(prefix):]
        if word.startswith(prefix) and len(rest) >= 4 and (rest in words or rest in rare_words()):
            return True
    for i in range(4, len(word) - 3):
        if word[:i] in words and word[i:] in words:
            return True
    return False


def _in_company_tag(text: str, span: Span) -> bool:
    """Inside a Reuters company tag (<BSV Bank fuer Sparanlagen AG>, wrapped across lines or
    not): a name, in any language."""
    opening = text.rfind("<", max(0, span.start - TAG_REACH), span.start)
    if opening < 0 or not text[opening + 1:opening + 2].isupper():
        return False
    closing = text.find(">", span.end, span.end + TAG_REACH)
    inside = text[opening + 1:closing]
    return closing >= 0 and not any(c in inside for c in "<>") and "\n\n" not in inside


def _lost_capitals(doc: Document) -> bool:
    """A story with a sentence that starts in lowercase has lost its capitals (wire copy typed in
    lowercase): its names look like words, so only in-story evidence counts there."""
    return any(tok.sentence_start and not tok.in_headline and tok.text[:1].isalpha() and tok.text[:1].islower()
               for tok in doc.words())


def _parts(tok: Token) -> Iterator[tuple[str, Span]]:
    """The lowercase parts of a word token (split at hyphens, possessive 's dropped), with spans."""
    text = tok.text.replace("’", "'")
    for m in _PART.finditer(text):
        part = _POSSESSIVE.sub("", m.group())
        if part.endswith("'") or not part:
            continue
        start = tok.span.start + m.start()
        yield part, Span(start, start + len(part))
