"""NL203 compound-spacing."""

from __future__ import annotations

import re
import sys
from array import array
from bisect import bisect_right
from collections import defaultdict
from collections.abc import Callable, Collection, Iterable, Iterator, Sequence
from collections.abc import Set as AbstractSet
from itertools import compress, islice
from operator import add

from newslint.document import Document, LetterTest, Shape, Token
from newslint.native import native, word_splits
from newslint.profile import Profile
from newslint.rule import NOTHING, Rule, Suggestion, Trigger, replace_fix
from newslint.rules._desk import desk_choice, kinds_lesson
from newslint.rules._tables import once
from newslint.rules.typos import _pairs as pairs
from newslint.rules.typos._words import english, match_case
from newslint.span import Span
from newslint.tokens import word_shape
from newslint.violation import FixAvailability, Violation

# An open pair whose first word is one of these is a phrase, not a spelling of a compound:
# every day / everyday, may be / maybe, any one / anyone, in to / into, all ready / already.
_PHRASE_FIRST = frozenset(
    "a an the any every some no all may in on to into onto per over under out up down off with "
    "without be been is was were are can will would could should must not".split()
)
# A verb and its particle is the phrase; the closed form is the noun: set up / setup,
# take over / takeover, break down / breakdown, pay out / payout.
_PARTICLES = frozenset("up down out off over in on back through away about around along aside by".split())
# A word that opens a noun phrase ends no compound: an article, a preposition that takes an
# object, a conjunction. "gas per day" is no "gasper", "for the" no "forthe" (a run-together slip
# elsewhere in the story: NL104's, never a form to spread).
_PHRASE_OPENERS = frozenset("the a an per of for from with than via and or but".split())
_NOT_SECOND = _PARTICLES | _PHRASE_OPENERS  # the second word of a pair that is a phrase


class CompoundSpacing(Rule):
    """## What it does
    Finds one compound written two ways in one story: closed, open or hyphenated (`airstrikes`
    and `air strikes`, `ceasefire` and `cease-fire`). The form the story uses most is taken as
    right; a tie goes to the first use. Every occurrence of the other form is reported.

    Capitalised forms inside a sentence are names and keep their spelling ("the Australian Meat
    and Live-Stock Corp" beside "livestock"), and a form the story writes so outside its
    headline, and never in lowercase, is the name where it opens a sentence too ("Goodyear Tire
    and Rubber Co said ... Goodyear" beside "a good year"). Open against hyphenated forms are
    not reported: a compound modifier takes a hyphen before a noun and none after it ("long-term
    debt", "in the long term"). Only two adjacent words are joined, and pairs that differ in meaning are left
    alone: a verb and its particle against the noun (`set up` / `setup`, `take over` / `takeover`),
    phrases that start with a function word (`every day` / `everyday`, `may be` / `maybe`) and
    pairs whose second word opens a phrase (`gas per day`, `for the`: no `gasper`, `forthe`).

    A closed form that is a common word of the dictionary, whose open form English seldom writes
    (the word-pair table counts it rarely or not at all), is right whatever the story's
    majority: `law suit` twice beside `lawsuit` is written `lawsuit`. Where English writes both
    (`stock market`, `car maker`) the majority stands.

    ## Why is this bad?
    The same thing spelled two ways looks unedited and splits archive searches.

    ## Example
        U.S.-led airstrikes kill dozens ... in four air strikes by two F-16s

    ## Use instead
        U.S.-led airstrikes kill dozens ... in four airstrikes by two F-16s

    ## Fix safety
    Unsafe: dictionaries accept all forms of many compounds, so the majority is a guess about
    the house style. Safe when the configured `vocabulary` lists the canonical form. Inside
    direct quotations the form is reported, never changed.

    ## With a desk profile
    With `profile` set (docs/profile.md), a story that writes a compound two ways follows the
    form nine in ten of the desk's stories that keep to one form write (twenty stories or more),
    not the story's majority: `'air strikes' is written 'airstrikes' by the desk (in 96% of its
    410 stories that keep to one form)`.
    """

    code = "NL203"
    name = "compound-spacing"
    fix_availability = FixAvailability.ALWAYS

    def triggers(self) -> tuple[Trigger, ...]:
        return (Trigger(words=_CLOSED),)  # every report needs a closed form (`_candidates`)

    def check_words(self) -> tuple[LetterTest, ...]:
        return (_HYPHENATED, _ODD_PLAIN)  # read by `_candidates` when a closed form is there

    def check(self, doc: Document) -> Iterator[Violation]:
        wanted, keys = _candidates(doc)
        if not keys:  # decided from the story's distinct words, without its tokens (most stories)
            return NOTHING  # not a generator: such a story pays one call
        return self._mixes(doc, wanted, keys)

    def _mixes(
        self, doc: Document, wanted: set[str], keys: dict[str, list[int] | None]
    ) -> Iterator[Violation]:
        """`check`'s reports where a closed form meets another (`_candidates`' `wanted` and `keys`)."""
        found = _indexed_forms(doc, wanted, keys)
        forms, opened = _token_forms(doc, wanted, keys) if found is None else found
        # Every report needs a closed form (`_reported`): only pairs that join into one count.
        for key, by_kind in forms.items():
            if key in opened:
                by_kind["open"] = opened[key]
            if len(by_kind) >= 2:  # open against hyphenated is grammar: "the long term", "long-term debt"
                yield from self._minority(doc, key, by_kind)

    def _minority(self, doc: Document, key: str, by_kind: dict[str, list[Span]]) -> Iterator[Violation]:
        ranked = sorted(by_kind.items(), key=lambda kv: (-len(kv[1]), kv[1][0].start))
        # With a desk profile, the desk's form of this compound decides, when it is clear.
        desk = desk_choice(self.context.profile, self.name, by_kind, f"{key}:")
        if desk is not None:
            ranked.sort(key=lambda kv: kv[0] != desk.form)
        if desk is None and _closed_word(doc, key, by_kind):
            ranked.sort(key=lambda kv: kv[0] != "closed")
        canonical_kind, canonical_spans = ranked[0]
        canonical = doc.slice(canonical_spans[0]).replace("\n", " ").lower()
        for kind, spans in ranked[1:]:
            if "closed" not in (kind, canonical_kind):
                continue
            for span in spans:
                written = doc.slice(span)
                found, uses = written.replace("\n", " "), len(canonical_spans)
                if desk is None:
                    message = (
                        f"{found!r} is written {canonical!r} elsewhere in the story "
                        f"({uses} time{'s' * (uses != 1)})"
                    )
                    if len(canonical_spans) < len(spans):
                        message += f", the dictionary's word; {found!r} is no common phrase"
                else:
                    message = f"{found!r} is written {canonical!r} by the desk (in {desk.share})"
                right = match_case(written, canonical)
                fix = replace_fix(f"Write {right!r}", span, right, self.context.accepts(canonical))
                yield self.violation(span, message, fix)

    def suggest(self, profile: Profile, most: int = 10) -> Iterator[Suggestion]:
        """The compounds the desk writes in more than one form, and the one nearly all its
        stories choose: "NL203 compounds: 'stock market' in 96% of its 113 stories ...". A form
        written in fewer than MINORITY_STORIES stories is a slip, not a choice the desk made."""
        by_key: dict[str, dict[str, int]] = defaultdict(dict)
        for entry, n in (profile.section(self.name).get("forms") or {}).items():
            key, _, kind = entry.rpartition(":")
            by_key[key][kind] = n
        chosen = [
            (sum(kinds.values()), key, kinds)
            for key, kinds in by_key.items()
            if sum(kinds.values()) - max(kinds.values()) >= MINORITY_STORIES
        ]
        for _, key, kinds in sorted(chosen, reverse=True)[:most]:
            choice = desk_choice(profile, self.name, kinds, f"{key}:")
            if choice is not None:
                written = _written(key, choice.form)
                yield Suggestion("", None, f"{self.code} compounds: {written!r} in {choice.share}")

    def learn_words(self) -> tuple[LetterTest, ...]:
        return (_LEARNED,)

    def learn(self, doc: Document) -> dict[str, dict[str, int]]:
        """Which forms (closed, open, hyphenated) of each compound the story writes, keyed by the
        closed form in lowercase (docs/profile.md). A compound here is a word of the shipped word
        list that splits into two of its words (`airstrikes`: air + strikes), so that a story
        writing only `air strikes` counts as much as one writing only `airstrikes`; a closed form
        in capitals at its first letter (opening a sentence) counts as closed.

        Learning reads every story of an archive, so Python looks only at the few words that
        can be a form: the story's distinct words that are a compound in some case or a
        hyphenated compound are picked by one remembered test per distinct word (`_LEARNED`,
        read in C); the closed forms are their lowercase among the compounds; the open forms are
        two adjacent words whose letters together make a compound (`air` then `strikes`), found
        in C, then confirmed in the text (one space or line break between them)."""
        from newslint.learn import joined_pairs, written_tokens  # the engine's learning imports the rules

        counts = doc.word_counts
        compounds = _compounds()
        picked = doc.selected(_LEARNED)
        closed = {
            key
            for key in compounds.intersection(map(str.lower, picked))
            if key in counts or key[:1].upper() + key[1:] in counts  # not AIRSTRIKES: a headline's capitals
        }
        hyphenated = {word.replace("-", "") for word in picked if "-" in word}  # no compound has one
        tokens = written_tokens(doc)
        open_ = _open_forms(doc.text, joined_pairs(tokens, compounds, SHORTEST_COMPOUND, LONGEST_COMPOUND))
        return kinds_lesson({"closed": closed, "hyphenated": hyphenated, "open": open_})


def _learned_form(word: str) -> bool:
    """A word `learn` looks at: a compound in some case (its lowercase is one: `Airstrikes`), or
    a hyphenated compound in lowercase whose letters are a word of the list (`air-strikes`)."""
    if "-" in word:
        return word.islower() and _hyphenated_compound(word) and word.replace("-", "") in english().words
    return word.lower() in _compounds()


_LEARNED = LetterTest(_learned_form)


# An open pair the pair table counts this often is a phrase English writes open (stock market,
# data base); one it counts less, or not at all, is a compound written apart.
ESTABLISHED_PAIR = 25_600_000
# A closed form among this many of the most frequent words is a common word (lawsuit, airline),
# not a house style (carmaker, wildcard, oilfields: English writes them both ways).
COMMON_WORD_RANK = 20_000


def _closed_word(doc: Document, key: str, by_kind: dict[str, list[Span]]) -> bool:
    """Whether the closed form of a compound the story writes closed and open is a common word
    of the dictionary whose open form English seldom writes (lawsuit, law suit): the closed form
    is right whatever the story's majority. Where English writes both (stock market,
    stockmarket; car maker, carmaker) the story's own majority stands."""
    if "open" not in by_kind or english().frequency_rank(key) >= COMMON_WORD_RANK:
        return False
    first, second = doc.slice(by_kind["open"][0]).lower().split()  # two words, a space apart
    found = pairs.count(first, second)
    return found is None or found < ESTABLISHED_PAIR


@once
def _compounds() -> frozenset[str]:
    """The closed compounds of the shipped word list (`_joins_two_words`), for `learn`."""
    # `_joins_two_words` of each word, written out: built once a run, from 150,000 words
    words = frozenset(english().words)  # the set itself once built (frozenset() does not copy it)
    found = []
    for word in words:
        n = len(word)
        if not (SHORTEST_COMPOUND <= n <= LONGEST_COMPOUND and word.isalpha() and word.islower()):
            continue
        for i in range(2, n - 2):
            first = word[:i]
            if first in words and first not in _PHRASE_FIRST:
                second = word[i:]
                if second in words and second not in _NOT_SECOND:
                    found.append(word)
                    break
    return frozenset(found)


# A story whose joined pairs times its length pass this many characters has its open pairs read
# in one scan (`_open_forms`) rather than searched for pair by pair.
SEARCHED_CHARACTERS = 1 << 20


def _open_forms(text: str, joined: Collection[str]) -> set[str]:
    """The compounds of `joined` (two neighbouring tokens' letters) that `text` writes open
    (`_written_open`, at some split of the compound into two words). A story's few are searched
    for as strings, each split in turn (C-level searches); but a split the text does not write
    open is searched to the end of the text, so a long text with many (a file of thousands of
    stories read as one story) has its open pairs read in one scan instead: linear in its length."""
    if len(joined) * len(text) <= SEARCHED_CHARACTERS:
        return {
            key
            for key in joined
            if any(_written_open(text, key[:i], key[i:]) for i in range(2, len(key) - 2))
        }
    # each match splits its compound where `_written_open` tries it: two letters or more, then three or more
    written = {m.groups() for m in _OPEN_PAIR.finditer(text) if m.group(1) + m.group(2) in joined}
    return {
        first + second for first, second in written if first not in _PHRASE_FIRST and second not in _PARTICLES
    }


def _written_open(text: str, first: str, second: str) -> bool:
    """Whether `text` writes the two lowercase words `first` and `second` one space or line break
    apart, as words of their own (`_OPEN_PAIR`'s pairs), the first no phrase word and the
    second no particle."""
    if first in _PHRASE_FIRST or second in _PARTICLES:
        return False
    for gap in (" ", "\n"):
        pair = f"{first}{gap}{second}"
        at = text.find(pair)
        while at >= 0:
            m = _OPEN_PAIR.match(text, at)  # its look-behind reads the text before `at`
            if m is not None and m.group(1) == first and m.group(2) == second:
                return True
            at = text.find(pair, at + 1)
    return False


def _is_compound_word(word: str) -> bool:
    """Letters with inner hyphens: the words `check` pairs."""
    return word.replace("-", "").isalpha()


# a hyphenated compound has this many characters at least (`_hyphenated_compound`'s floor)
SHORTEST_HYPHENATED = 6


def _hyphenated_compound(word: str) -> bool:
    """A compound of six characters or more with one hyphen that is not a phrase (`set-up`)."""
    if word.count("-") != 1 or len(word) < SHORTEST_HYPHENATED or not _is_compound_word(word):
        return False
    left, right = word.lower().split("-")
    return left not in _PHRASE_FIRST and right not in _NOT_SECOND


# Longer "words" are pasted blobs, not compounds; splitting each at every letter costs the square
# of its length (a 1 MB run of letters took minutes).
LONGEST_COMPOUND = 40
SHORTEST_COMPOUND = 6  # a compound of the word list is this long at least
# Tests of a word's letters for `_candidates`, each run once per distinct word and remembered.


def _closed_form(word: str) -> bool:
    """A closed form `check` files: letters only, SHORTEST_COMPOUND to LONGEST_COMPOUND of them,
    lowercase or capitalised."""
    return (
        "-" not in word
        and SHORTEST_COMPOUND <= len(word) <= LONGEST_COMPOUND
        and word.isalpha()
        and (word.islower() or word[1:].islower())
    )


# letters, none a capital after the first if ASCII; a word shorter than SHORTEST_COMPOUND fails
# `_closed_form` whatever its letters, so it is not asked; nor is a word of ASCII lowercase
# letters (LOWER: no hyphen, letters, lowercase) or a capital and then those (CAPITAL: its letters
# after the first, at least five, lowercase), which passes by its length alone
_CLOSED = LetterTest(
    _closed_form,
    shapes=Shape.LOWER | Shape.CAPITAL | Shape.LETTERS,
    decided=dict.fromkeys((Shape.LOWER, Shape.CAPITAL), LONGEST_COMPOUND),
    shortest=dict.fromkeys((Shape.LOWER, Shape.CAPITAL, Shape.LETTERS), SHORTEST_COMPOUND),
)
# a hyphen: not letters only; a word shorter than SHORTEST_HYPHENATED fails `_hyphenated_compound`
# by its length (its first tests, `and`-ed), whatever its characters, so it is not asked
_HYPHENATED = LetterTest(
    _hyphenated_compound, shapes=Shape.OTHER, shortest={Shape.OTHER: SHORTEST_HYPHENATED}
)
# Letters only: `str.isalpha` itself (no hyphen can be among them). Every shape but OTHER is of
# letters only (`Shape`: OTHER is exactly the words `str.isalpha` fails), so the test passes every
# word of the others, of any length: declared `decided`, it is never called.
_LETTER_SHAPES = (Shape.LOWER, Shape.CAPITAL, Shape.UPPER, Shape.MIXED, Shape.LETTERS)  # all but OTHER
_PLAIN = LetterTest(
    str.isalpha, shapes=Shape.ANY & ~Shape.OTHER, decided=dict.fromkeys(_LETTER_SHAPES, sys.maxsize)
)


_ODD_SHAPES = Shape.MIXED | Shape.LETTERS


def _odd_plain(word: str) -> bool:
    """Letters only, but not ASCII lowercase, capitalised or in capitals (McReigme, Zürich)."""
    return bool(word_shape(word) & _ODD_SHAPES)


# The words `_odd_plain` passes are those of its two shapes, each passed by its shape alone:
# declared `decided`, the test is never called.
_ODD_PLAIN = LetterTest(
    _odd_plain, shapes=_ODD_SHAPES, decided=dict.fromkeys((Shape.MIXED, Shape.LETTERS), sys.maxsize)
)


def _joins_two_words(word: str) -> bool:
    """A lowercase word of the shipped word list, of six letters or more, that splits into two of
    its words as `check` pairs them (`airstrikes`: air + strikes; not `into`: in + to)."""
    words = english().words
    if not (
        SHORTEST_COMPOUND <= len(word) <= LONGEST_COMPOUND
        and word.isalpha()
        and word.islower()
        and word in words
    ):
        return False
    return any(
        (first := word[:i]) in words
        and (second := word[i:]) in words
        and first not in _PHRASE_FIRST
        and second not in _NOT_SECOND
        for i in range(2, len(word) - 2)
    )


def _written(key: str, kind: str) -> str:
    """A compound in one of its forms: `airstrikes` closed, `air strikes` open, `air-strikes`."""
    if kind == "closed":
        return key
    words = english().words
    i = next((i for i in range(2, len(key) - 2) if key[:i] in words and key[i:] in words), 0)
    return f"{key[:i]}{' ' if kind == 'open' else '-'}{key[i:]}" if i else key


MINORITY_STORIES = 3  # for `suggest`: the stories that write a compound's other forms
# For `learn`: the closed compounds of the word list, tested once per distinct word.
_JOINED = LetterTest(lambda w: _joins_two_words(w.lower() if w[1:].islower() else w))
# Two lowercase words one space or line break apart (overlapping: each word starts a pair).
_OPEN_PAIR = re.compile(r"(?<![\w'’-])(?=([a-z]{2,})[ \n]([a-z]{3,})(?![\w'’-]))")


def _candidates(doc: Document) -> tuple[set[str], dict[str, list[int] | None]]:
    """The words whose tokens `check` needs and the compounds it may report, from the story's
    distinct words: the closed forms of six letters or more that meet a hyphenated form or two
    words that join into them (the compounds, each with the places where it splits into two of
    those words, as `_joins` reads them), those forms and those words. Empty when no closed form
    meets another (most stories).

    Every pair `check` accepts is one of the splits looked at here: a pair's lowercase is its two
    words' lowercase put together (`str.lower` maps each letter on its own but a capital sigma,
    which a plain word (`_part_of`) holds only as its first letter, before lowercase ones, where
    it lowercases alike), and no letter's lowercase is shorter than the letter."""
    hyphens = doc.selected(_HYPHENATED)
    joined_of = {w: w.lower().replace("-", "") for w in hyphens} if hyphens else {}
    # the words of letters only (`_PLAIN`, the closed forms among them), read among the story's
    # words in C: no set of them made (a story's most words); from the token index's list of
    # its distinct texts where it has one (the same words of letters: a list is read without a
    # call a word, the word counts' dict with PyDict_Next's, a fifth of the call's cost)
    if native is None:
        found = None
    else:
        words = doc.indexed_words()
        wide = not doc.text.isascii()  # (a flag, not a scan) its words not ASCII weighed apart
        found = native.compound_splits(
            doc.word_counts if words is None else words, joined_of.values(), *_COMPOUND_LENGTHS, wide
        )
        if wide:
            found = _with_wide_words(doc, found, joined_of.values())
    # (C's answer) a word of letters whose lowercase is ASCII is ASCII itself (`_may_write_open`)
    ascii_lowered = found is not None
    if found is None:  # built without C, or a word of letters whose lowercase is ASCII and it not
        found = _compound_splits(doc.selected(_CLOSED), doc.selected(_PLAIN), joined_of.values())
    splits, closed = found
    if not splits and not closed:
        return set(), {}  # no closed form meets another (most stories)
    keys: dict[str, list[int] | None] = dict.fromkeys(closed)  # None: no split
    parts: set[str] = set()
    for key, i in splits:  # two letters or more, then three or more
        first, second = key[:i], key[i:]
        if first not in _PHRASE_FIRST and second not in _NOT_SECOND:
            cuts = keys.get(key)
            if cuts is None:
                keys[key] = [i]
            else:
                cuts.append(i)
            parts.update((first, second))
    if not keys:
        return set(), keys  # no closed form meets another
    if not closed and ascii_lowered and not _may_write_open(doc.text, doc.word_counts, keys):
        return set(), {}  # no hyphenated form (`closed`) nor any pair written open: nothing to report
    # the hyphenated forms of the keys: read after the splits' keys are added, the same set (a
    # split's key is a closed form's lowercase, and a hyphenated form's letters that are one are
    # among the keys found already), and not at all in most stories
    hyphenated = {w for w, key in joined_of.items() if key in keys}
    closed = doc.selected(_CLOSED)
    if doc.text.isascii():
        # (a flag, not a scan) every closed form is then lowercase or capitalised ASCII letters
        # (`_CLOSED`'s shapes), its lowercase a key (lowercase) exactly when it is the key or the
        # key capitalised: two lookups a key, not every closed form of the story lowered
        wanted = {form for key in keys for form in (key, key.capitalize()) if form in closed}
    else:
        wanted = {w for w in closed if w.lower() in keys}
    wanted |= hyphenated
    if parts:
        wanted.update(_plain_of(doc, parts))
    return wanted, keys


def _may_write_open(text: str, counts: Collection[str], keys: dict[str, list[int] | None]) -> bool:
    """Whether `text` may write one of `keys` open at one of its splits (`_indexed_forms`' open
    pairs), where every word of letters whose lowercase is ASCII is ASCII itself: a pair is two
    of the story's words (`counts`) one space or line break apart, each its part's lowercase or
    that capitalised (`_part_of`), so the text holds the first part after its first letter, the
    break and the second part as the story writes it. A key's closed forms meet nothing where
    none is written and the key has no hyphenated form: most stories whose closed forms split
    into two of their words (`history` beside `his` and `tory` apart) are then settled without
    their tokens' places read. A key not ASCII (its parts' letters may lower otherwise) may."""
    for key, cuts in keys.items():
        if not key.isascii():
            return True
        for i in cuts or ():
            first, second = key[:i], key[i:]
            if first not in counts and first.capitalize() not in counts:
                continue
            for head in (second, second.capitalize()):  # a search of the text each, for a word written so
                if head in counts and (f"{first[1:]} {head}" in text or f"{first[1:]}\n{head}" in text):
                    return True
    return False


def _plain_of(doc: Document, parts: Collection[str]) -> Iterator[str]:
    """The story's words of letters only (`_PLAIN`) whose lowercase is one of `parts`, without
    lowering each of them (a story's most words): a word of ASCII letters in one case, or
    capitalised, is a part's lowercase, capitalised or capitals form, looked up; only the words
    of other shapes (`_ODD_PLAIN`: McReigme, Zürich; few) are lowered to be compared."""
    counts = doc.word_counts
    for part in parts:
        for form in {part, part.capitalize(), part.upper()}:
            if form in counts and form.isalpha() and form.lower() == part:
                yield form
    yield from (w for w in doc.selected(_ODD_PLAIN) if w.lower() in parts)


_COMPOUND_LENGTHS = (SHORTEST_COMPOUND, LONGEST_COMPOUND)


def _with_wide_words(
    doc: Document, found: tuple[list[tuple[str, int]], set[str]], joined: Collection[str]
) -> tuple[list[tuple[str, int]], set[str]] | None:
    """`found`, what `compound_splits` gives for the story's ASCII words of letters, completed
    with its words of letters that are not ASCII (`Shape.LETTERS`: Zürich): what `_compound_splits`
    gives for them all, without lowering every word of the story (a big file holds a few such
    words, and lowering its every word was a third of this rule's time). None where one of them
    lowers to ASCII (the Kelvin sign's k): then every word is lowered.

    Their lowercase is then not ASCII, so no ASCII key splits into one of them and none of them is
    an ASCII key: only their own closed forms' splits are added, whose ASCII parts are looked up
    among the ASCII words as `_plain_of` finds them (a part, capitalised, in capitals, or the
    lowercase of a word of mixed case)."""
    odd = doc.selected(_ODD_PLAIN)
    wide = {w.lower() for w in odd if not w.isascii()}
    if not wide:
        return found
    if not all(map(_not_ascii, wide)):
        return None
    keys = {w.lower() for w in odd if not w.isascii() and _closed_form(w)}
    if not keys:
        return found
    counts = doc.word_counts
    mixed = {w.lower() for w in odd if w.isascii()}

    def plain(part: str) -> bool:
        if not part.isascii():
            return part in wide
        return part in counts or part.capitalize() in counts or part.upper() in counts or part in mixed

    splits, closed = found
    splits = splits + [
        (key, i) for key in keys for i in range(2, len(key) - 2) if plain(key[:i]) and plain(key[i:])
    ]
    return splits, closed | {key for key in joined if key in keys}


def _not_ascii(word: str) -> bool:
    return not word.isascii()


def _compound_splits(
    closed_words: Collection[str], plain: AbstractSet[str], joined: Collection[str]
) -> tuple[list[tuple[str, int]], set[str]]:
    """The splits of the closed forms' lowercase into two of the plain words' lowercase
    (`word_splits`), and the `joined` forms (a hyphenated form's letters, lowercase) that are a
    closed form's lowercase: the pure-Python twin of the compiled `compound_splits`, which finds
    the plain words among the story's words and the closed forms among them itself, and lowers
    their ASCII letters without making a string for each (it answers None for a story with a
    plain word that is not ASCII)."""
    closed = {w.lower() for w in closed_words}
    if not closed:
        return [], set()
    return word_splits(closed, {w.lower() for w in plain}), {key for key in joined if key in closed}


Forms = dict[str, dict[str, list[Span]]]  # a compound's spans by kind (closed, hyphenated, open)


def _token_forms(
    doc: Document, wanted: Collection[str], keys: Collection[str]
) -> tuple[Forms, dict[str, list[Span]]]:
    """The closed and hyphenated forms of `keys` (`_file_form`) and their open pairs
    (`_open_pair`: kept where a closed form is, by `check`), read from the tokens of `wanted`."""
    forms: Forms = defaultdict(lambda: defaultdict(list))
    opened: dict[str, list[Span]] = defaultdict(list)
    inside: list[tuple[str, int]] = []  # the capitalised forms written inside a sentence
    text, previous = doc.text, None
    # Candidate-first, in one pass: the tokens of the words that can meet in a report, one at
    # a time (a big file holds many); two adjacent words are adjacent among them too.
    for tok in doc.iter_words_among(wanted):
        _file_form(forms, tok, keys, inside)
        if previous is not None and (key := _open_pair(text, previous, tok)) is not None and key in keys:
            opened[key].append(Span(previous.span.start, tok.span.end))
        previous = tok
    named = _named(doc, inside) if inside else set()
    if named:  # their uses at a sentence's start are the name's too: not filed, as in the index
        for key, by_kind in forms.items():
            kept = {
                kind: places
                for kind, spans in by_kind.items()
                if (places := [span for span in spans if text[span.start : span.end] not in named])
            }
            forms[key] = dict(sorted(kept.items(), key=lambda kv: kv[1][0].start))  # in the order filed
    return _reported(forms, opened)


def _named(doc: Document, inside: Iterable[tuple[str, int]]) -> set[str]:
    """Of capitalised forms (`_form_of`) written inside a sentence (each with its start), those
    the story writes so outside its headline (whose capitals may be a title's) and never in
    lowercase: a name (`Hitech Engineering Co said ... to Hitech`), whose uses at a sentence's
    start are the name too, not the compound (`hi-tech`). A form also written in lowercase is
    the word, capitalised inside a sentence by a table's line ("    Pretax profit 48.0 mln")."""
    counts = doc.word_counts
    return {
        word
        for word, start in inside
        if word.lower() not in counts and not doc.in_headline(Span(start, start + len(word)))
    }


def _reported(forms: Forms, opened: dict[str, list[Span]]) -> tuple[Forms, dict[str, list[Span]]]:
    """Of the filed forms and open pairs, those of the compounds `check` can report, in the order
    they were filed: a closed form and another form, hyphenated or open (most of a big file's
    compounds are written one way, and their places need not be held)."""
    kept = {
        key: by_kind
        for key, by_kind in forms.items()
        if "closed" in by_kind and (len(by_kind) >= 2 or key in opened)
    }
    return kept, {key: spans for key, spans in opened.items() if key in kept}


FEW_WANTED = 8  # up to this many wanted words are found by a search each, not one walk of all


def _ids_of(words: list[str], wanted: Collection[str]) -> list[int]:
    """The places in `words` (the index's distinct texts) of the `wanted` ones, ascending. A
    story's few (most that get here want two or three) are each found by `list.index`, a compiled
    search, where a Python loop over its few hundred words cost more than the rest of the rule;
    many (a big file's thousands) by that one loop, not a search each."""
    if len(wanted) > FEW_WANTED:
        return [k for k, w in enumerate(words) if w in wanted]
    found = []
    for w in wanted:
        try:
            found.append(words.index(w))
        except ValueError:  # not among the index's texts (the walk skips such a word too)
            continue
    found.sort()
    return found


def _indexed_forms(
    doc: Document, wanted: Collection[str], keys: Collection[str]
) -> tuple[Forms, dict[str, list[Span]]] | None:
    """`_token_forms` read from the token index, no token built (a big file's candidates are
    hundreds of thousands): each distinct word is judged once (`_form_of`, `_part_of`), and
    only the forms and the pairs of neighbouring words it finds are placed. Two words one
    space or line break apart have no token between them, so they are neighbours in the index.
    None where the story has no index (`_token_forms` then)."""
    found = doc.word_positions(())  # the index alone: its words are read first
    if found is None:
        return None
    words, ids, starts, openings, _ = found[0]
    text = doc.text
    # Each place is filed as its token's index (4 bytes in an array), made into a Span only for
    # the compounds `check` can report (`_reported`): a big file's places are hundreds of
    # thousands, most of them of compounds written one way (a Span each held 20 MB of 10 MB).
    at_forms: dict[str, dict[str, array[int]]] = defaultdict(lambda: defaultdict(_int32s))
    at_opened: dict[str, array[int]] = defaultdict(_int32s)
    listed = _ids_of(words, wanted)  # the ids of the wanted words
    form_of = {k: form for k in listed if (form := _form_of(words[k], keys)) is not None}
    part_of = {k: part for k in listed if (part := _part_of(words[k])) is not None}

    def opens(i: int) -> bool:  # `sentence_start`: the first token of its sentence
        return openings[bisect_right(openings, i) - 1] == i

    def among(listed: Collection[int]) -> Sequence[int]:  # where the words of these ids are (in C)
        found = doc.word_positions({words[k] for k in listed})
        assert found is not None  # the index `found` was read from
        return found[1]

    joins = _joins(part_of, keys, len(words))
    for i in joined_at(among({code // len(words) for code in joins}), ids, joins, len(words)):
        j = i + 1
        first, second = part_of[ids[i]], part_of[ids[j]]
        end = starts[i] + len(words[ids[i]])
        if starts[j] == end + 1 and text[end] in " \n":
            key = first[0] + second[0]
            if (not first[1] or opens(i)) and (not second[1] or opens(j)):
                at_opened[key].append(i)
    # Only a compound with a hyphenated word or an open pair can be reported (`_reported`: a
    # closed form and another form): the places of the others' words (most of a big file's, and
    # all of most stories') are not read. A word is of one compound, so `named` is the same for
    # the words placed.
    hyphenated = {key for key, kind, _ in form_of.values() if kind == "hyphenated"}
    form_of = {k: form for k, form in form_of.items() if form[0] in at_opened or form[0] in hyphenated}
    if not form_of:
        return {}, {}
    at = among(form_of)
    # a capitalised form written inside a sentence is a name: at a sentence's start too (`_named`)
    inside = [i for i in at if form_of[ids[i]][2] and not opens(i)]
    named = _named(doc, ((words[ids[i]], starts[i]) for i in inside)) if inside else set()
    for i in at:
        key, kind, capital = form_of[ids[i]]
        if not capital or opens(i) and words[ids[i]] not in named:
            at_forms[key][kind].append(i)
    forms: Forms = {}
    for key, by_kind in at_forms.items():
        if "closed" in by_kind and (len(by_kind) >= 2 or key in at_opened):
            forms[key] = {
                kind: [Span(starts[i], starts[i] + len(words[ids[i]])) for i in places]
                for kind, places in by_kind.items()
            }
    opened = {
        key: [Span(starts[i], starts[i + 1] + len(words[ids[i + 1]])) for i in places]
        for key, places in at_opened.items()
        if key in forms
    }
    return forms, opened


def _joins(part_of: dict[int, tuple[str, bool, bool, bool]], keys: Collection[str], size: int) -> set[int]:
    """The pairs of word ids (`first * size + second`) whose words `_part_of` lets stand first and
    second in a pair and whose lowercase forms join into one of `keys`: each key's splits into
    two lowercase forms, looked up (a big file's keys are some 8,000). `_candidates`' keys (a
    dict) list the places each splits into two of the story's words of letters, not phrase
    words: only those are looked up. A word `_part_of` lets stand first or second is such a
    word, lowercase (no character that is no letter lowercases to letters), of two letters or
    more or three or more, not a phrase word: every other split of a key fails here."""
    firsts: dict[str, list[int]] = defaultdict(list)
    seconds: dict[str, list[int]] = defaultdict(list)
    for k, (low, _, first, second) in part_of.items():
        if first:
            firsts[low].append(k)
        if second:
            seconds[low].append(k)
    joins: set[int] = set()
    if isinstance(keys, dict):  # `_candidates`' keys: their splits alone
        for key, cuts in keys.items():
            for t in cuts or ():
                if (head := key[:t]) in firsts and (tail := key[t:]) in seconds:
                    joins.update(f * size + s for f in firsts[head] for s in seconds[tail])
        return joins
    if not isinstance(keys, (set, frozenset)):  # a container that is only asked: each pair asked
        for head, heads in firsts.items():
            for tail, tails in seconds.items():
                if head + tail in keys:
                    joins.update(f * size + s for f in heads for s in tails)
        return joins
    for key in keys:
        for t in range(1, len(key)):
            if (head := key[:t]) in firsts and (tail := key[t:]) in seconds:
                joins.update(f * size + s for f in firsts[head] for s in seconds[tail])
    return joins


def _joined_at(at: Sequence[int], ids: Sequence[int], joins: AbstractSet[int], size: int) -> Iterator[int]:
    """The token indices `at` (ascending) whose word and the next token's word are one of the
    pairs `joins` (`_joins`), in order: the pure-Python twin of the compiled `joined_at` (a big
    file's first words stand at hundreds of thousands of places; a loop of Python over them,
    as this one is, took 0.3 s for 10 MB)."""
    count = len(at)
    if count and at[count - 1] + 1 >= len(ids):
        count -= 1  # the last token: no word after it
    mine, next_ids = ids.__getitem__, map(ids.__getitem__, map((1).__add__, islice(at, count)))
    codes = map(add, map(size.__mul__, map(mine, islice(at, count))), next_ids)
    return compress(islice(at, count), map(joins.__contains__, codes))


joined_at: Callable[[Sequence[int], Sequence[int], AbstractSet[int], int], Iterable[int]] = (
    _joined_at if native is None else native.joined_at
)


def _int32s() -> array[int]:
    return array("i")


def _form_of(text: str, keys: Collection[str]) -> tuple[str, str, bool] | None:
    """What `_file_form` files a word's token under: its compound, its kind, and whether only
    a token that opens its sentence is filed (a capitalised word); None for none."""
    if len(text) < 6 or not (text.islower() or text[1:].islower()):
        return None
    capital = not text.islower()
    if "-" not in text:
        key = text.lower()
        return (key, "closed", capital) if key in keys else None
    if text.count("-") == 1:
        left, right = text.lower().split("-")
        if left not in _PHRASE_FIRST and right not in _NOT_SECOND and left + right in keys:
            return left + right, "hyphenated", capital
    return None


def _part_of(text: str) -> tuple[str, bool, bool, bool] | None:
    """What `_open_pair` reads of a word's token: its lowercase, whether only a token that opens
    its sentence is plain (a capitalised word), whether it may be the first word of a pair and
    whether the second; None for a word no pair holds (a hyphen, or not plain)."""
    if "-" in text or not (text.islower() or text[1:].islower()):
        return None
    low = text.lower()
    return (
        low,
        not text.islower(),
        len(text) >= 2 and low not in _PHRASE_FIRST,
        len(text) >= 3 and low not in _NOT_SECOND,
    )


def _file_form(
    forms: dict[str, dict[str, list[Span]]], tok: Token, keys: Collection[str], inside: list[tuple[str, int]]
) -> None:
    """File a closed (`airstrikes`) or hyphenated (`air-strikes`) form of six characters or more
    under its compound, when that is one of `keys` (`_form_of`); a capitalised one inside a
    sentence is added to `inside` instead (for `_named`)."""
    form = _form_of(tok.text, keys)
    # capitals mid-sentence are a name's own spelling ("Australian Meat and Live-Stock Corp")
    if form is not None:
        if not form[2] or tok.sentence_start:
            forms[form[0]][form[1]].append(tok.span)
        else:
            inside.append((tok.text, tok.span.start))


def _open_pair(text: str, first: Token, second: Token) -> str | None:
    """The compound that two adjacent words write open (`air strikes`), or None: plain words
    (`_part_of`: lowercase, or capitalised at a sentence's start), one space or line break apart,
    not a phrase or a verb and its particle."""
    if text[first.span.end : second.span.start] not in (" ", "\n"):
        return None
    one, two = _part_of(first.text), _part_of(second.text)
    if one is None or two is None or not (one[2] and two[3]):
        return None
    if one[1] and not first.sentence_start or two[1] and not second.sentence_start:
        return None
    return one[0] + two[0]
