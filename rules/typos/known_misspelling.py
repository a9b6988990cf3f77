"""NL102 known-misspelling."""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Container, Iterator, Sequence
from functools import cached_property

from newslint.document import Document, LetterTest, Token
from newslint.rule import Rule, Trigger
from newslint.rules.naming import _senses
from newslint.rules.typos._capitals import CAPITAL_MIN_LENGTH, all_caps_headline, clear_slip, unlisted_lists
from newslint.rules.typos._context import slip_cost, weigh
from newslint.rules.typos._words import (
    english,
    known_names,
    listed_edits,
    listed_misspellings,
    match_case,
    misspellings,
)
from newslint.rules.typos.unknown_word import (
    GUESS_SHARE,
    SAFE_SHARE,
    UNCOUNTED_RANK,
    context_of,
    in_company_tag,
    story_counts,
    written_as_a_name,
)
from newslint.span import Span
from newslint.violation import Applicability, Edit, Fix, FixAvailability, Violation

_COMPANY_AFTER = re.compile(
    r"[ \t]+(?:Corp|Inc|Ltd|Co|Plc|PLC|Group|Holdings|CORP|INC|LTD|CO|GROUP|HOLDINGS)\b"
)


def _listed(word: str) -> bool:
    """The `_LISTED` test: the word's lowercase form is a listed misspelling, or a part of it
    is (`_listed_parts`). The two lists read as `unlisted_lists` keeps them (one call, where
    `misspellings().keys()` was a Python call and a new view each time, and again per part:
    asked of every new word that is not ASCII letters alone, most of them hyphenated or
    possessive)."""
    words, known_wrong = unlisted_lists()
    return word.lower() in known_wrong or "-" in word and bool(_parts_listed(word, words, known_wrong))


# The story's distinct words whose lowercase form the misspelling list holds (decided once per
# distinct word, remembered across stories).
# (the keys view tests membership in C, without the table's own __contains__; a word of ASCII
# letters that the list lacks fails without a call: `only`)
_LISTED = LetterTest(_listed, only=lambda: (misspellings().keys(),))


def _listed_parts(word: str) -> list[tuple[str, int]]:
    """The lowercase parts of a hyphenated word that the list holds (wehn-issued,
    debtor-in-possesion), with their offsets; not when the whole is a listed word."""
    return _parts_listed(word, english().words, misspellings().keys())


def _parts_listed(word: str, words: Container[str], known_wrong: Container[str]) -> list[tuple[str, int]]:
    """`_listed_parts` with the word list and the misspellings' keys given."""
    if word.lower() in words:
        return []
    found, offset = [], 0
    for part in word.split("-"):
        if len(part) >= MIN_PART and part.islower() and part in known_wrong:
            found.append((part, offset))
        offset += len(part) + 1
    return found


MIN_PART = 3  # shorter parts of a hyphenated word are prefixes and initials
# A listed word that the list calls a misspelling and the frequency list never counted (payed,
# heros, accidently): the misspelling, far more often than the rare word, in news copy.
_RARE_LISTED = LetterTest(
    lambda word: (
        word in listed_misspellings().keys()  # noqa: SIM118
        and english().frequency_rank(word) >= UNCOUNTED_RANK
    ),
    table=lambda: listed_misspellings().keys(),  # looked up first, without a call per word
)

# A listed word the list calls a misspelling in one of its senses (dependant: the noun is right,
# the adjective is "dependent"): VarCon's sense table tells which sense neither variety writes so.
_SENSE_LISTED = LetterTest(_senses.misspelt_in_a_sense, table=lambda: listed_misspellings().keys())


class KnownMisspelling(Rule):
    """## What it does
    Finds words on a curated list of common misspellings (Wikipedia's list of common English
    misspellings): `accomodate`, `goverment`, `recieved`, `independant`; and the list's
    misspellings of names (`Britian`, `Sacremento`, `Malcom`), where no list knows the form.

    ## Why is this bad?
    These are the misspellings writers make most; each has a known correction.

    ## Example
        The goverment recieved the report.

    ## Use instead
        The government received the report.

    A capitalised misspelling is a name when the story uses it more than once and never writes
    its correction, in a company tag or before a company word (Varity Corp), or right after a
    name (Patrick Tabacco); otherwise it is reported, also mid-sentence (the Food and Drug
    Adminstration) and repeated beside its correction (`Goverment` three times, `Government`
    once: the writer's habit, not a name). Words in capitals are checked in an all-capital
    headline (`GOVERMENT RECIEVED REPORT`) from five letters; capitals elsewhere are acronyms
    and names set in capitals. The lowercase parts of a hyphenated word are checked as words
    (`wehn-issued`, `debtor-in-possesion`), unless the whole is a listed word.

    ## Fix safety
    The list's correction is weighed against the words one slip from the misspelling, in
    context, as NL101 weighs its candidates: "relected higher prices" is likelier "reflected"
    than the listed "reelected", and that is suggested instead (never a safe fix). A listed
    correction that only puts back a lost apostrophe ("theyre": they're) is not overruled by a
    commoner word one slip away ("there"). Safe when the
    list gives exactly one correction and it holds 97% of the belief or more (the case of the
    original is kept: a capitalised misspelling gets a capitalised correction); unsafe when it
    holds less, for a capitalised word mid-sentence, which may still be a name, and for a name's
    misspelling (someone may be named Malcom; a name's misspelling the story repeats, never
    writing the name, is a name, unless it is a typist's clear slip: Britian twice). Below 60%,
    and when the list gives several corrections, display-only. Inside direct quotations the
    word is reported, never changed.

    The list's entries that are words too (payed, heros, accidently, thru) are reported only
    where the frequency list never counted the word (payed, heros, accidently: in news copy,
    the misspelling far more often than the rare word), in lowercase, and never where the story
    writes it capitalised (a name); the fix is a guess ("payed out the rope" is right). One that
    is right in one sense and the list's misspelling in another (`dependant`: the noun) is
    reported where the words around show that other sense, as NL201 reads senses: `dependant`
    as an adjective, after a form of "be" or an adverb of degree, before "on" or "upon", or after
    "as" with an adjective coordinated after it (`as dependant, incapable and vulnerable`); not
    after an article (`a dependant`). The fix is a guess; NL201 leaves these to this rule.
    """

    code = "NL102"
    name = "known-misspelling"
    fix_availability = FixAvailability.ALWAYS

    def triggers(self) -> tuple[Trigger, ...]:
        # each report is of such a word
        return (Trigger(words=_LISTED), Trigger(words=_RARE_LISTED), Trigger(words=_SENSE_LISTED))

    def check(self, doc: Document) -> Iterator[Violation]:
        table = misspellings()
        listed = table.keys()
        story = _Story(doc)
        # Candidate-first: the story's few distinct words that the list holds, then the tokens
        # of those words alone (most stories have none, and build no tokens here).
        for tok in doc.words_among(doc.selected(_LISTED)):
            word = tok.text.lower()
            if word not in listed:
                yield from self._parts(doc, tok, story)
                continue
            if tok.is_all_caps and (
                len(word) < CAPITAL_MIN_LENGTH or not (tok.in_headline and all_caps_headline(doc))
            ):
                continue  # an acronym (CMO), or a name set in capitals
            corrections = table.get(word)
            if not corrections or self.context.accepts(tok.text):
                continue
            title = tok.text[0].isupper() and tok.text[1:].islower()
            if not (tok.text.islower() or tok.is_all_caps or title):
                continue  # McGoverment, GoverMent: a name's own casing
            maybe_name = tok.text[0].isupper() and not tok.sentence_start and not tok.in_headline
            if tok.text[0].isupper() and (
                _used_as_name(doc, tok, corrections)
                or maybe_name
                and _after_a_name(doc, doc.word_before(tok), tok)
                and not _typed_slip_of_name(word, corrections)
            ):
                continue  # Varity Corp, <Banco Portugues ...>, Patrick Tabacco
            best = match_case(tok.text, corrections[0])
            if len(corrections) == 1:
                rival, applicability = _reading(doc, tok.span, word, corrections[0], story)
                if rival is not None:
                    fix = Fix(
                        f"Replace with {rival!r}",
                        (Edit.replace(tok.span, match_case(tok.text, rival)),),
                        applicability,
                    )
                    message = (
                        f"{tok.text!r} is a common misspelling of {best!r}, but {rival!r} reads better here"
                    )
                    yield self.violation(tok.span, message, fix, _others(tok, corrections))
                    continue
                # mid-sentence, a capitalised misspelling is most often part of an institution's
                # name (the Food and Drug Adminstration), but it may still be a name: a guess;
                # so is a name's listed misspelling (Malcom: someone may be named so)
                if maybe_name or corrections[0][:1].isupper():
                    applicability = min(applicability, Applicability.UNSAFE)
                fix = Fix(f"Replace with {best!r}", (Edit.replace(tok.span, best),), applicability)
                message = f"{tok.text!r} is a common misspelling of {best!r}"
            else:
                choices = ", ".join(repr(match_case(tok.text, c)) for c in corrections)
                fix = Fix.display_only(f"Replace with {best!r}", Edit.replace(tok.span, best))
                message = f"{tok.text!r} is a common misspelling of one of {choices}"
            yield self.violation(tok.span, message, fix, _others(tok, corrections[1:]))
        yield from self._rare_words(doc)
        yield from self._wrong_senses(doc)

    def _parts(self, doc: Document, tok: Token, story: _Story) -> Iterator[Violation]:
        """The listed misspellings among a hyphenated word's lowercase parts ("wehn-issued",
        "debtor-in-possesion"), weighed as whole words are."""
        for part, offset in _listed_parts(tok.text):
            corrections = misspellings().get(part)
            if not corrections or self.context.accepts(part):
                continue
            span = Span(tok.span.start + offset, tok.span.start + offset + len(part))
            best = corrections[0]
            if len(corrections) > 1:
                choices = ", ".join(repr(c) for c in corrections)
                fix = Fix.display_only(f"Replace with {best!r}", Edit.replace(span, best))
                message = f"{part!r} is a common misspelling of one of {choices}"
                yield self.violation(span, message, fix, _others_at(span, part, corrections[1:]))
                continue
            rival, applicability = _reading(doc, span, part, best, story)
            meant = rival or best
            message = f"{part!r} is a common misspelling of {best!r}" + (
                f", but {rival!r} reads better here" if rival else ""
            )
            fix = Fix(f"Replace with {meant!r}", (Edit.replace(span, meant),), applicability)
            yield self.violation(span, message, fix)

    def _rare_words(self, doc: Document) -> Iterator[Violation]:
        """The listed words the list calls misspellings that the frequency list never counted
        (payed, heros, accidently): reported, their fix a guess (the rare word may be meant:
        "payed out the rope"). Lowercase only; not where the story writes the word capitalised
        (a name)."""
        table = listed_misspellings()
        for tok in doc.words_among(doc.selected(_RARE_LISTED)):
            if not tok.text.islower() or self.context.accepts(tok.text) or written_as_a_name(doc, tok.text):
                continue
            corrections = table.get(tok.text) or ()
            if not corrections:
                continue
            best = corrections[0]
            if len(corrections) == 1:
                fix = Fix.unsafe(f"Replace with {best!r}", Edit.replace(tok.span, best))
                message = f"{tok.text!r} is a common misspelling of {best!r} (and a rare word)"
            else:
                choices = ", ".join(repr(c) for c in corrections)
                fix = Fix.display_only(f"Replace with {best!r}", Edit.replace(tok.span, best))
                message = f"{tok.text!r} is a common misspelling of one of {choices} (and a rare word)"
            yield self.violation(tok.span, message, fix, _others(tok, corrections[1:]))

    def _wrong_senses(self, doc: Document) -> Iterator[Violation]:
        """The listed words that are words in one sense and the list's misspelling in another,
        where the words around show that other sense (`_senses`): `dependant` as an adjective
        (`heavily dependant on`, `as dependant, incapable and vulnerable`), where British and
        American English both write the list's `dependent`. Reported, the fix a guess."""
        table = listed_misspellings()
        for tok in doc.words_among(doc.selected(_SENSE_LISTED)):
            if not tok.text.islower() or self.context.accepts(tok.text):
                continue
            before = doc.text[max(0, tok.span.start - _senses.WINDOW) : tok.span.start]
            after = doc.text[tok.span.end : tok.span.end + _senses.WINDOW]
            found = _senses.sense_spelling(tok.text, before, after)
            if found is None or found.status != "none" or found.form not in (table.get(tok.text) or ()):
                continue
            message = (
                f"{tok.text!r} is a common misspelling of {found.form!r} {_senses.sense_name(found.sense)}"
            )
            yield self.violation(
                tok.span,
                message,
                Fix.unsafe(f"Replace with {found.form!r}", Edit.replace(tok.span, found.form)),
            )


def _others(tok: Token, corrections: Sequence[str]) -> tuple[Fix, ...]:
    """The corrections after the first, each a display-only alternative an editor may pick."""
    return _others_at(tok.span, tok.text, corrections)


def _others_at(span: Span, text: str, corrections: Sequence[str]) -> tuple[Fix, ...]:
    cased = (match_case(text, c) for c in corrections)
    return tuple(Fix.display_only(f"Replace with {c!r}", Edit.replace(span, c)) for c in cased)


KNOWN_SLIP = 0.6  # a listed misspelling is as likely as the commonest slip


class _Story:
    """The story's word counts and their sum, built for the first word weighed and kept for the
    others: built for each word, they cost the square of a long story."""

    def __init__(self, doc: Document) -> None:
        self._doc = doc

    @cached_property
    def counts(self) -> Counter:
        return story_counts(self._doc)

    @cached_property
    def size(self) -> int:
        return self.counts.total()


def _reading(
    doc: Document, span: Span, word: str, correction: str, story: _Story
) -> tuple[str | None, Applicability]:
    """Weigh the list's correction against the words one slip from the misspelling, in context:
    "relected higher prices" is "reflected", not the listed "reelected". Returns the rival that
    reads better (None when the list's correction wins) and how safe the fix is: safe only when
    the correction holds nearly all the belief."""
    rivals = [c for c in listed_edits(word) if c != correction]
    if not rivals:
        return None, Applicability.SAFE
    bonus = KNOWN_SLIP - slip_cost(word, correction.replace(" ", ""))
    context = context_of(doc.text, span)
    counts = story.counts
    candidates = [correction, *rivals]
    found = {c: counts[c] for c in candidates if counts[c]}
    weighed = weigh(
        word, candidates, context, found, story_size=story.size, extra_cost={correction: min(bonus, 0.0)}
    )
    best = weighed[0]
    if best.word != correction and correction.replace("'", "") == word:
        return None, Applicability.UNSAFE  # "theyre also": the lost apostrophe explains it, not "there"
    if best.word != correction:
        return best.word, Applicability.UNSAFE if best.share >= GUESS_SHARE else Applicability.DISPLAY_ONLY
    if best.share >= SAFE_SHARE:
        return None, Applicability.SAFE
    return None, Applicability.UNSAFE if best.share >= GUESS_SHARE else Applicability.DISPLAY_ONLY


def _used_as_name(doc: Document, tok: Token, corrections: Sequence[str]) -> bool:
    """A capitalised form standing in a company tag or before a company word (<Varity Corp>,
    <Banco Portugues de Investimento>) is a name, not a slip; so is one used more than once (a
    word in capitals: in any case), unless the story writes the correction too, in any case
    ("Goverment" three times beside one "Government"): a listed misspelling the story repeats is
    no evidence of a name then; nor is it where the list's correction is a name and the form is
    a typist's clear slip of it (`clear_slip`: Britian, Massachussetts)."""
    text = doc.text
    if in_company_tag(text, tok.span) or _COMPANY_AFTER.match(text, tok.span.end):
        return True
    if tok.is_all_caps:  # a headline's VARITY beside the body's "Varity Corp": the firm's name
        uses = sum(n for w, n in doc.word_counts.items() if w.lower() == tok.text.lower())
    else:
        uses = doc.word_counts[tok.text]
    if uses <= 1:
        return False
    if _typed_slip_of_name(tok.text.lower(), corrections):
        return False  # a name's listed misspelling that is a typist's clear slip (Britian twice)
    counts = story_counts(doc)
    return not any(counts[c.lower()] for c in corrections)


def _typed_slip_of_name(word: str, corrections: Sequence[str]) -> bool:
    """The list's correction is a name and `word` a typist's clear slip of it (`clear_slip`:
    Britian, Massachussetts): no spelling of a name, beside a name or repeated."""
    if not corrections[0][:1].isupper():
        return False
    return clear_slip(word) is not None


def _after_a_name(doc: Document, before: Token | None, tok: Token) -> bool:
    """Right after a known first name or other name (Alan Wass, Stephen Mear): a surname."""
    if before is None or not before.text[:1].isupper() or doc.text[before.span.end : tok.span.start] != " ":
        return False
    return before.text in known_names()
