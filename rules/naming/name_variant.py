"""NL202 name-variant."""

from __future__ import annotations

import re
from bisect import bisect_left
from collections import Counter, defaultdict
from collections.abc import Callable, Collection, Iterable, Iterator, Mapping
from collections.abc import Set as AbstractSet
from functools import cached_property, partial

from newslint.document import Document, LetterTest, Shape, Token
from newslint.native import Lookup, bare_name, edits_among, native
from newslint.profile import Profile
from newslint.rule import NOTHING, Rule, Suggestion
from newslint.rules._desk import ESTABLISHED, describe, desk_slip, preferred
from newslint.rules.naming._entities import (
    COMPANY_WORDS,
    TITLES,
    Use,
    capital_before,
    formal,
    two_entities_read,
    use_at,
)
from newslint.rules.typos._capitals import names_lookup
from newslint.rules.typos._words import BUILT, english, is_rare, known_names, one_edit_apart, one_edit_away
from newslint.span import Span
from newslint.violation import Edit, Fix, FixAvailability, Violation

# A name of one or two parts, either of which may carry an Arabic particle, hyphened or spaced:
# al-Qaeda / al Qaeda, TimeWarner / Time Warner, Deir Ezzor / Deir ez-Zor.
_PARTICLE = r"(?:(?:al|el|ad|as|ash|ez|az|an|bin|abu)[- ])"
# The same as rf"\b{_PARTICLE}?[A-Z][a-z]+(?:[A-Z][a-z]+|[ -]{_PARTICLE}?[A-Z][a-z]+)?\b", written
# to open with its first character (a particle's a, e or b, or a capital) and to check the
# boundary and the particle with look-behinds after it: the regex engine then skips to such
# characters instead of trying every position (tests/test_fast_patterns.py checks they agree).
_SPACED_NAME = re.compile(
    r"[aebA-Z](?<!\w[aebA-Z])"
    r"(?:(?<=a)(?:l|d|s|sh|z|n|bu)[- ][A-Z]|(?<=e)[lz][- ][A-Z]|(?<=b)in[- ][A-Z]|(?<=[A-Z]))"
    rf"[a-z]+(?:[A-Z][a-z]+|[ -]{_PARTICLE}?[A-Z][a-z]+)?\b"
)
_DOUBLED = re.compile(r"(.)\1")


def _name_twins_twin(text: str) -> list[list[tuple[str, list[int]]]]:
    """The forms of `_SPACED_NAME` in `text` grouped by their letters (no spaces or hyphens, in
    lowercase), only the groups of two forms or more, in order of their first use, each a list
    of (form, its starts) in order of first use: the pure-Python twin of the compiled
    `name_twins`, which makes no string in a story without such a group (most stories).

    Two forms of one group differ in spacing or capitals, so one at least is spaced, hyphened or
    has an inner capital: a capitalised word alone (Monday) is its own only form."""
    starts: dict[str, list[int]] = {}
    for m in _SPACED_NAME.finditer(text):
        starts.setdefault(m.group(), []).append(m.start())
    by_key: dict[str, list[str]] = defaultdict(list)
    for form in starts:
        by_key[form.replace(" ", "").replace("-", "").lower()].append(form)
    return [[(form, starts[form]) for form in forms] for forms in by_key.values() if len(forms) >= 2]


_name_twins: Callable[[str], list[list[tuple[str, list[int]]]]] = (
    _name_twins_twin if native is None else native.name_twins
)
MIN_LENGTH = 4
# Longer capitalised words are no names (a pasted hash or base64 block, letters without spaces):
# the longest place names have about 60 letters. Bounding the length bounds the cost of a name.
MAX_NAME_LETTERS = 64
SLIP_RATIO = 3
SHOUTING = 0.6  # a line with more capitals than this share of its letters is set in capitals
# A run of capitalised words (Islamic State) is a name; names with small words (Ministry of
# Defence) are left out, and so are runs glued to a word before them (St.-Louis Blues).
_JOINERS = frozenset(".'’-_")
MAX_NAME_WORDS = 4
# A story's names up to which two one edit apart are looked for before those that may vary: a
# compiled pass over them all (`_paired_names`), where a big file's are all but sure to pair.
MAX_PAIRED_NAMES = 100
# A name's others (`NearNames.of`) beyond which `_one_edit_variants` tests them in one call before
# it weighs them one by one: a story's name has a few, where the call costs more than it saves.
GATED_OTHERS = 8
MAX_PREFILTER_NAMES = 40  # a story's names written twice, up to which the case-variant prefilter runs
_GENERIC_BEFORE = re.compile(
    r"\b(?:the|a|an|another|any|each|every|no|one|such|this|that|these|those|its|their|his|her|our|"
    r"your|my|whose|which|what|some|many|new|former|independent|separate)\s+$",
    re.IGNORECASE,
)
_SENTENCE_START = re.compile(r"(?:^|[.!?:\"“]\s*|\n\s*)$")
_TITLE_AFTER = re.compile(r" [A-Z]")  # Islamic state television: part of a longer phrase
_SMALL_WORDS = frozenset(
    {"of", "and", "the", "for", "in", "on", "at", "to", "de", "la", "le", "von", "van", "al", "el", "bin"}
)  # a form used more than once is a slip only if the other is used three times as often


def _is_name(text: str) -> bool:
    """Capitalised and not ALL CAPS (the test of `Token.is_capitalised` and `is_all_caps`), a
    possessive 's cut off (ASEAN's is an acronym), and no longer than a name can be
    (`bare_name`: compiled)."""
    return bare_name(0, MAX_NAME_LETTERS, text) is not None


_POSSESSIVE_ENDS = ("'s", "’s")


def _bare(text: str) -> str:
    """A word with a possessive 's cut off (what `re.sub(r"['’]s$", "", text)` gives a token,
    which holds no line break: a string test, not a regex call, for every name of every story)."""
    return text[:-2] if text.endswith(_POSSESSIVE_ENDS) else text


# decided once per distinct word, remembered across stories; a name opens with a capital, and
# a word of ASCII letters is one by its shape and length, not asked (`_is_name`: a capitalised
# word up to the longest name, a lone capital)
_NAMES = LetterTest(
    partial(bare_name, 0, MAX_NAME_LETTERS),  # `_is_name` without its Python call
    shapes=Shape.ANY & ~Shape.LOWER,
    decided={Shape.CAPITAL: MAX_NAME_LETTERS, Shape.UPPER: 1},
)


def _name_counts(doc: Document, written: AbstractSet[str]) -> Counter:
    """name -> uses, a possessive 's cut off, from the story's word counts."""
    found: dict[str, int] = {}
    uses, get = doc.word_counts, found.get
    for text in written:
        name = text[:-2] if text.endswith(_POSSESSIVE_ENDS) else text  # `_bare`, inline: every name
        found[name] = get(name, 0) + uses[text]
    return Counter(found)


def _name_tokens(doc: Document, written: AbstractSet[str]) -> Iterator[tuple[Token, str]]:
    """The tokens of the names `written`, in order, with a possessive 's cut off; one at a time,
    so that a big file's many names are never all held."""
    return ((tok, _bare(tok.text)) for tok in doc.iter_words_among(written))


def _written_as(written: AbstractSet[str], names: Collection[str]) -> set[str]:
    """The words of `written` that are one of `names`, a possessive 's cut off."""
    # `_bare`, inline: every name of a story with a variant
    return {text for text in written if (text[:-2] if text.endswith(_POSSESSIVE_ENDS) else text) in names}


def _uses(doc: Document, written: AbstractSet[str]) -> tuple[Counter, dict[str, int], set[str]]:
    """For the names `written` (a possessive 's cut off): the uses of each, the place of its first
    use among them all, and the names used in mid-sentence at least once (capitalised as a name,
    not as a first word)."""
    counts: Counter = Counter()
    first_use: dict[str, int] = {}
    mid_sentence: set[str] = set()
    for i, (tok, name) in enumerate(_name_tokens(doc, written)):
        counts[name] += 1
        first_use.setdefault(name, i)
        if not tok.sentence_start and not tok.in_headline:
            mid_sentence.add(name)
    return counts, first_use, mid_sentence


Uses = tuple[Counter, dict[str, int], set[str]]  # `_uses`: uses, first use, used mid-sentence


def _indexed_uses(doc: Document, written: AbstractSet[str]) -> Uses | None:
    """`_uses` read from the story's word counts and token index, no token built (a big file's
    names are hundreds of thousands of uses): the index lists its distinct words in the order of
    their first use, so the names come in that order and are numbered in it (the same order as
    `_uses`' places), and a name is used in mid-sentence when one of its words has more uses
    than it has at the opening of a sentence or in the headline. None where the story has no
    index (`_uses` then)."""
    found = doc.word_positions(())
    if found is None:
        return None
    words, ids, _, openings, firsts = found[0]
    word_of = words.__getitem__
    placed = Counter(map(word_of, map(ids.__getitem__, firsts)))  # uses opening a sentence
    headline = doc.headline
    if headline is not None:  # the headline's other uses (`sentence_place`'s test of a sentence)
        sentences = doc.sentences
        s = bisect_left(sentences, headline.start, key=_start_of)
        while s < len(sentences) and sentences[s].start <= headline.end:
            if headline.contains(sentences[s]):
                placed.update(word_of(ids[i]) for i in range(openings[s] + 1, openings[s + 1]))
            s += 1
    uses = doc.word_counts
    counts: Counter = Counter.__new__(Counter)  # no __init__: two Python calls a story
    first_use: dict[str, int] = {}
    mid_sentence: set[str] = set()
    count_of, placed_of = counts.get, placed.get  # no Counter.__missing__ call a new name
    for text in filter(written.__contains__, words):  # in the order of first use
        name = text[:-2] if text.endswith(_POSSESSIVE_ENDS) else text  # `_bare`, inline
        n = uses[text]
        counts[name] = count_of(name, 0) + n
        first_use.setdefault(name, len(first_use))
        if n > placed_of(text, 0):
            mid_sentence.add(name)
    return counts, first_use, mid_sentence


def _start_of(span: Span) -> int:
    return span.start


def _case_variant_possible(doc: Document, written: AbstractSet[str]) -> bool:
    """A case variant needs a run of two capitalised words or more written twice (so each of its
    words twice, and its first two words twice as a pair: two runs never overlap) and the run
    with a later word in lowercase ("Islamic State", "Islamic state"; "Islamic State" twice)."""
    return _case_pairs_of(doc.text, written, doc.word_counts, MAX_PREFILTER_NAMES)


def _case_pairs_of_twin(text: str, written: AbstractSet[str], counts: Mapping[str, int], most: int) -> bool:
    """`_case_pairs` of the capitalised names of letters in `written` that `counts` counts twice
    or more, True when there are more than `most` (a long text: each test searches all of it, so
    the run scan decides): the pure-Python twin of the compiled `case_pairs_of`, which picks the
    names without a Python loop over a story's names."""
    # the count first: most names are written once, and it is one lookup, not three string tests
    twice = [w for w in written if counts.get(w, 0) >= 2 and w.isalpha() and w[1:].islower()]
    return len(twice) > most or _case_pairs(text, twice)


def _case_pairs_twin(text: str, twice: list[str]) -> bool:
    """Whether some words F and W of `twice` (names of letters) stand as "F W" twice in `text`,
    and F before " w" (W in lowercase, or a longer word it opens) once: the pure-Python twin of
    the compiled `case_pairs` (the loop in C: a story asks it of a dozen names, each searched
    for twice)."""
    firsts = set(twice)
    lengths = sorted({len(w) for w in twice})
    counted: set[str] = set()  # each pair counted once: a big file repeats them (a square)
    for word in twice:
        lowered = " " + word.lower()
        at = text.find(lowered)
        if at >= 0 and not _after_a_name_twice(text, " " + word, firsts, lengths):
            continue  # no name before it twice: no pair of it is written twice ("The": " the")
        while at >= 0:  # the words before each use of the lowercase word
            # every first word is letters: none ends before a use after a mark or a digit
            for n in lengths if text[at - 1 : at].isalpha() else ():
                if n > at:
                    break
                first = text[at - n : at]
                if first not in firsts:
                    continue
                pair = f"{first} {word}"
                if pair not in counted:
                    if text.count(pair) >= 2:
                        return True
                    counted.add(pair)
            at = text.find(lowered, at + 1)
    return False


_case_pairs: Callable[[str, list[str]], bool] = _case_pairs_twin if native is None else native.case_pairs
_case_pairs_of: Callable[[str, AbstractSet[str], Mapping[str, int], int], bool] = (
    _case_pairs_of_twin if native is None else native.case_pairs_of
)


def _after_a_name_twice(text: str, spaced: str, firsts: AbstractSet[str], lengths: list[int]) -> bool:
    """Whether one of `firsts` stands before `spaced` (a space and a word) at two of its places:
    what `text.count(f"{first} {word}") >= 2` needs of some first word, tested at the places of
    the capitalised word, fewer than those of its lowercase form for the common words ("The")."""
    seen: set[str] = set()
    at = text.find(spaced)
    while at >= 0:
        for n in lengths if text[at - 1 : at].isalpha() else ():  # ("said. The": no first word)
            if n > at:
                break
            first = text[at - n : at]
            if first in firsts:
                if first in seen:
                    return True
                seen.add(first)
        at = text.find(spaced, at + 1)
    return False


class NearNames:
    """The names that can be one edit (or one moved doubling) from a name: those with its first
    letter and a length at most one away (a story has few of each shape), and within a shape
    that a big file fills with many names, only those that share a key with it, so that the
    names are not compared pair by pair.

    The keys of a lowercase name: the name itself and the name with one letter deleted (each
    letter in turn). Two names one substitution apart share the deletion of the letter that
    differs, a transposition shares the deletion of either swapped letter, and a name one
    insertion longer than another has the other among its deletions. A moved doubling (Gaddafi
    / Gadaffi) leaves the letters without their doublings alike, a key too. The names found are
    a superset of the pairs; `one_edit_pair` decides. Unlike keys that halve the name, these
    do not all agree for names that share a long start or end (Rinaeio, Rinaoue, ...: any
    number of them), so each name meets only the few names near it.

    A key that more than `crowd` names share is no evidence and is not followed: those names
    differ from each other in one letter at one place (a list of codes, random letters), and
    following it would compare each with all the others. Names are at most MAX_NAME_LETTERS
    long, so a name's keys cost at most that many letters each.

        near = NearNames(["Rinaldi", "Gaddafi", "Ronaldo"], few=1)
        list(near.of("Rinladi"))  # ['Rinaldi']: both read 'rinldi' with their 'a' deleted
    """

    FEW = 24  # names of one shape up to which all are given, unkeyed

    def __init__(self, names: Iterable[str], few: int = 24, crowd: int = 64) -> None:
        self._few = few
        self._crowd = crowd
        self._shapes: dict[tuple[str, int], list[str]] = defaultdict(list)
        for name in names:
            self._shapes[name[0], len(name)].append(name)
        self._keyed: dict[tuple[str, int], dict[str | tuple[str], list[str]]] = {}

    def forget_before(self, name: str) -> None:
        """Let go of the keys of the shapes that no name at or after `name` in `shape_order`
        reads: asked in that order, a big file's names keep the keys of three shapes at a time,
        not of every shape (22 MB of lists and deleted-letter strings for 10 MB of stories)."""
        first, shortest = name[0], len(name) - 1
        for shape in [shape for shape in self._keyed if shape[0] != first or shape[1] < shortest]:
            del self._keyed[shape]

    @staticmethod
    def shape_order(name: str) -> tuple[str, int]:
        """The order in which `forget_before` lets a shape go: by first letter, then length."""
        return name[0], len(name)

    def of(self, name: str) -> list[str]:
        """The names of the shapes one edit can reach from `name`, each once; by key in a shape
        of more than `few` names. A list, not a generator: every caller reads them all, and a
        big file asks for the others of thousands of names."""
        found: list[str] = []
        keys: list[str | tuple[str]] | None = None
        for length in (len(name) - 1, len(name), len(name) + 1):
            shape = (name[0], length)
            names = self._shapes.get(shape, ())
            if len(names) <= self._few:
                found += names
                continue
            keyed = self._keyed.get(shape)
            if keyed is None:
                keyed = self._keyed[shape] = defaultdict(list)
                for other in names:
                    for key in _keys(other.lower()):
                        keyed[key].append(other)
            if keys is None:
                keys = _keys(name.lower())
            found += _keyed_near(keyed, keys, self._crowd)
        return found


def _keys_twin(low: str) -> list[str | tuple[str]]:
    """The keys of a lowercase name: itself, itself with one letter deleted (each letter in
    turn), and itself without its doublings (a 1-tuple, apart from the others) when it has one.
    The pure-Python twin of the compiled `name_keys` (a big file keys every name of a crowded
    shape)."""
    keys: list[str | tuple[str]] = [low]
    keys += dict.fromkeys(low[:i] + low[i + 1 :] for i in range(len(low)))
    if _DOUBLED.search(low):
        keys.append((_DOUBLED.sub(r"\1", low),))
    return keys


def _keyed_near_twin(
    keyed: Mapping[str | tuple[str], list[str]], keys: list[str | tuple[str]], crowd: int
) -> list[str]:
    """The names filed in `keyed` under one of `keys` that at most `crowd` names share, each once,
    in the order met: the pure-Python twin of the compiled `keyed_near`."""
    return list(
        dict.fromkeys(other for key in keys if len(found := keyed.get(key, ())) <= crowd for other in found)
    )


_keys: Callable[[str], list[str | tuple[str]]] = _keys_twin if native is None else native.name_keys
_keyed_near: Callable[[Mapping[str | tuple[str], list[str]], list[str | tuple[str]], int], list[str]] = (
    _keyed_near_twin if native is None else native.keyed_near
)


def one_edit_pair(name: str, other: str) -> bool:
    """Two different names one edit (or a moved doubling) apart, not only in their ending."""
    if other == name or other[0] != name[0] or abs(len(other) - len(name)) > 1:
        return False
    a, b = name.lower(), other.lower()
    return (one_edit_apart(a, b) or _double_moved(a, b)) and not _only_ending_differs(name, other)


def _one_edit_pair_among(names: Collection[str], others: list[str]) -> bool:
    """Whether one of `names` is a `one_edit_pair` with one of `others`. A story's few others
    (at most `NearNames.FEW`, which `NearNames.of` gives unkeyed, shape by shape) are compared
    with each name directly, its shape tested inline: most stories' queries meet two or three
    names, where building the index cost more than the comparisons."""
    if len(others) > NearNames.FEW:
        shapes = {(name[0], len(name) + d) for name in names for d in (-1, 0, 1)}
        near = NearNames(other for other in others if (other[0], len(other)) in shapes)
        # the pairs the keys give a name, tested in one call a name (`_one_edit_pairs`): most
        # stories here have no variant, and a Python call a pair was most of the cost; a long
        # text that has one leaves at its name, not after all its pairs are listed
        return any(_one_edit_pairs_any([(name, other) for other in near.of(name)]) for name in names)
    for name in names:
        first, size = name[0], len(name)
        for other in others:
            if other[0] != first or not size - 2 < len(other) < size + 2 or other == name:
                continue  # another shape than `NearNames.of` reads, or the name itself
            if one_edit_pair(name, other):
                return True
    return False


def _near_others(queries: Collection[str], written: AbstractSet[str]) -> list[str]:
    """The names of `written`, a possessive 's cut off, that can be the other form of one of
    `queries`: only a name of a query's first letter can be one edit from it (a possessive cut
    off keeps the first letter, so the others are left before it is cut), and only a
    capitalised, otherwise lowercase one is the other form."""
    firsts = {name[0] for name in queries}
    names = {_bare(text) for text in written if text[:1] in firsts}
    return [other for other in names if other[1:].islower()]


def _near_name_pairs_twin(
    queries: list[str], written: AbstractSet[str], few: int
) -> list[tuple[str, str]] | None:
    """The pairs (query, other) of one of `queries` and one of its `_near_others` of its first
    letter, a length at most one away and not itself: those `_one_edit_pair_among` compares;
    None when there are more than `few` others (they are looked up by key then). The
    pure-Python twin of the compiled `near_name_pairs`, which makes them without a Python loop
    over a story's names (most stories have a query, and a pair or two)."""
    others = _near_others(queries, written)
    if len(others) > few:
        return None
    return [
        (name, other)
        for name in queries
        for other in others
        if other[0] == name[0] and len(name) - 2 < len(other) < len(name) + 2 and other != name
    ]


def _one_edit_pairs_twin(pairs: list[tuple[str, str]]) -> bool | list[tuple[str, str]]:
    """True when one of `pairs` of ASCII names is a `one_edit_pair`, else the pairs of the
    others (a name not ASCII) for the caller to test: the pure-Python twin of the compiled
    `one_edit_pairs`, which tests a story's few dozen pairs without a Python call each."""
    rest = []
    for name, other in pairs:
        if (
            not (name.isascii() and other.isascii())
            or "\n" in name
            or "\n" in other
            or max(len(name), len(other)) >= 64
        ):
            rest.append((name, other))
        elif one_edit_pair(name, other):
            return True
    return rest


_one_edit_pairs: Callable[[list[tuple[str, str]]], bool | list[tuple[str, str]]] = (
    _one_edit_pairs_twin if native is None else native.one_edit_pairs
)


def _one_edit_pairs_any(pairs: list[tuple[str, str]]) -> bool:
    """`any(one_edit_pair(name, other) for name, other in pairs)`, the ASCII pairs tested in one
    call (`_one_edit_pairs`)."""
    return _any_one_edit(_one_edit_pairs(pairs))


def _any_one_edit(rest: bool | list[tuple[str, str]]) -> bool:
    """`_one_edit_pairs`' answer read: True, or whether one of the pairs it left (not ASCII) is a
    `one_edit_pair`."""
    return rest is True or any(one_edit_pair(name, other) for name, other in rest)  # type: ignore[union-attr]


_near_name_pairs: Callable[[list[str], AbstractSet[str], int], list[tuple[str, str]] | None] = (
    _near_name_pairs_twin if native is None else native.near_name_pairs
)


def _near_pair_found_twin(
    asked: AbstractSet[str], written: AbstractSet[str], few: int
) -> bool | list[tuple[str, str]] | None:
    """`_one_edit_pairs` of the `_near_name_pairs` of the names `asked`, a possessive 's cut off
    (`_bare`): True, the pairs left for the caller to test, or None (many others: looked up by
    key). The pure-Python twin of the compiled `near_pair_found`, which does it in one call."""
    pairs = _near_name_pairs_twin(list({_bare(text) for text in asked}), written, few)
    return None if pairs is None else _one_edit_pairs_twin(pairs)


_near_pair_found: Callable[[AbstractSet[str], AbstractSet[str], int], bool | list[tuple[str, str]] | None] = (
    _near_pair_found_twin if native is None else native.near_pair_found
)


def _paired_names_twin(written: Iterable[str]) -> bool:
    """Whether two of the names `written`, a possessive 's cut off (`_bare`), are a query and an
    other of `_near_name_pairs_twin` that `_one_edit_pairs_twin` finds a `one_edit_pair` or leaves
    to its caller (not ASCII): what `_near_pair_found_twin(written, written, len(written))`
    answers, as a bool. Without such a pair no name can be a variant of another, whichever may
    vary. The pure-Python twin of the compiled `paired_names`, which files the others by their
    first letter and reads a story's names without a Python loop over them."""
    names = {name for name in map(_bare, written) if name}
    others = [other for other in names if other[1:].islower()]
    # `_one_edit_pairs_twin` of each pair: True, or the pair left (not ASCII), is a pair
    return any(
        _one_edit_pairs_twin([(name, other)])
        for name in names
        for other in others
        if other[0] == name[0] and len(name) - 2 < len(other) < len(name) + 2 and other != name
    )


_paired_names: Callable[[Iterable[str]], bool] = _paired_names_twin if native is None else native.paired_names


SUGGEST_MIN_STORIES = 3  # a variant the desk repeats: worth a preferred term (a one-off is a typo)
SUGGEST_RATIO = 10  # ... beside a name written in ten times as many stories
SUGGESTED_NAMES = 50
MAX_DESK_SLIP_USES = 2  # a new name the story writes more often than this is its own spelling
DESK_NAME_STORIES = 2  # a name the desk writes in this many stories, against one it never writes,
# settles which of two names the story writes once each is the slip


def _name_slips(name: str) -> set[str]:
    """Names one edit or one moved doubling from `name` (Clrecq: Clercq; Gadaffi: Gaddafi),
    capitalised as it is: the desk's spellings it may be a slip of."""
    low = name.lower()
    found = {name[0] + c[1:] for c in one_edit_away(low) if c[:1] == low[0]}  # Dorgan is no Morgan
    undoubled = _DOUBLED.sub(r"\1", low)
    if undoubled != low:  # the doubling moved to another letter
        for i in range(len(undoubled)):
            moved = undoubled[: i + 1] + undoubled[i:]
            if moved != low and _DOUBLED.sub(r"\1", moved) == undoubled:
                found.add(moved[:1].upper() + moved[1:])
    return {f for f in found if not _only_ending_differs(name, f)}


def _swapped(a: str, b: str) -> bool:
    """The same letters, two neighbours swapped (Toyko, Tokyo) or a doubling moved (Gadaffi,
    Gaddafi)."""
    if len(a) != len(b) or sorted(a.lower()) != sorted(b.lower()) and not _double_moved(a.lower(), b.lower()):
        return False
    diff = [i for i, (x, y) in enumerate(zip(a, b, strict=True)) if x != y]
    return _double_moved(a.lower(), b.lower()) or len(diff) == 2 and diff[1] == diff[0] + 1


def _is_english_word(name: str) -> bool:
    word = name.lower()
    return word in english() or is_rare(word)


def _english_words() -> AbstractSet[str] | None:
    """The English words once their set is built (it stays), else None: the lowercase forms of
    the names `_may_vary_name` fails whatever else it asks (a `LetterTest`'s `fails`)."""
    words = english().words
    return words if isinstance(words, BUILT) else None


_TITLES = TITLES  # words before a surname that are no first name: titles and particles


def _words_before(doc: Document, names: Iterable[tuple[Token, str]]) -> dict[str, list[str]]:
    """name -> the capitalised word or initial just before each of its uses ("" for none), titles
    and particles left out: Donald Regan, M Horan."""
    before: dict[str, list[str]] = defaultdict(list)
    for tok, name in names:
        before[name].append(_word_before(doc.text, tok.span.start))
    return before


def _word_before(text: str, start: int) -> str:
    """The capitalised word or initial just before `start` ("" for none, a title or a particle)."""
    found = capital_before(text, start, 20, False)  # `WORD_BEFORE`'s match, compiled
    word = found[1].rstrip(".") if found else ""
    return "" if word in _TITLES else word


def _another_person(name: str, canonical: str, uses: _NameUses, counts: Counter, introduced: bool) -> bool:
    """The rarer name is someone else's: written with a first name the common one never has, and
    either used more than once (Donald Regan, then Regan, beside President Reagan), or beside other
    first names of the common one (M Horan beside A Horgan and S Horgan), or, one use each,
    after the common one was `introduced` (its first use in the body comes first: President
    Reagan, later Donald Regan; not Beijing Olympisc after three Olympic). A slip is seldom
    written twice in full, a story names one person with one first name, and a person is
    written in full where the story first names him, not after. (A common name
    that is always the second word of one name says nothing: Fairchild Republic, then a slip
    Reublic.)"""
    known = known_names()
    mine = {w for w in uses.before(name) if len(w) == 1 or w in known}
    if not mine:
        return False  # no first name of its own: the common name's words are not read
    theirs = {w for w in uses.before(canonical) if len(w) == 1 or w in known}
    tie = counts[canonical] == counts[name]
    return bool(mine - theirs) and (counts[name] > 1 or bool(theirs) or introduced and tie)


class _NameUses:
    """The uses of the names of a story's one-letter variants, read as the tests ask for them:
    where each name is used (its start, and whether in the headline), from one walk over their
    tokens; the word before each use (`_word_before`) when a test asks for a name's, and its
    partners (`use_at`) as far as a test reads them (`each`). A big file's common names are
    used thousands of times, and a pair is most often settled by the slip's own uses or by a
    partner the two share early on: reading every use of every name was most of this rule's
    time on the 10 MB file."""

    __slots__ = ("text", "places", "_before", "_read")

    def __init__(self, text: str, names: Iterable[tuple[Token, str]]) -> None:
        self.text = text
        self.places: dict[str, list[tuple[int, bool]]] = defaultdict(list)
        for tok, name in names:
            self.places[name].append((tok.span.start, tok.in_headline))
        self._before: dict[str, list[str]] = {}
        self._read: dict[str, list[Use]] = {}

    def before(self, name: str) -> list[str]:
        """The capitalised word or initial before each use of `name` (`_word_before`)."""
        found = self._before.get(name)
        if found is None:
            text = self.text
            found = self._before[name] = [_word_before(text, start) for start, _ in self.places[name]]
        return found

    def each(self, name: str) -> Iterator[Use]:
        """The uses of `name` in order, each read (`use_at`) when first reached, then kept."""
        read = self._read.setdefault(name, [])
        places, text, size = self.places[name], self.text, len(name)
        for i, (start, in_headline) in enumerate(places):
            if i == len(read):
                read.append(use_at(text, start, start + size, in_headline))
            yield read[i]

    def all(self, name: str) -> list[Use]:
        """Every use of `name` (`each`, read to the end)."""
        for _ in self.each(name):
            pass
        return self._read[name]

    def introduced_first(self, canonical: str, name: str) -> bool:
        """Whether the body uses `canonical` before it uses `name`."""
        return 0 <= self._first_in_body(canonical) < self._first_in_body(name)

    def _first_in_body(self, name: str) -> int:
        return next((at for at, in_headline in self.places[name] if not in_headline), -1)

    def two_entities(self, name: str, canonical: str, common_word: bool) -> bool:
        """`two_entities` of the two names' uses, the common one's read only as far as needed."""
        body = sum(not in_headline for _, in_headline in self.places[canonical])
        return two_entities_read(self.all(name), self.each(canonical), body, common_word)


def _typing_slip(name: str, canonical: str) -> bool:
    """A slip of the keys no one spells a name with: two neighbouring letters swapped (Olympisc,
    Toyko) or a letter struck twice (Briian, Burnnley). Such a form is a slip whatever company
    it keeps (Briian Peckford beside Brian Mulroney: one first name, two people)."""
    if len(name) == len(canonical):
        diff = [i for i, (x, y) in enumerate(zip(name, canonical, strict=True)) if x != y]
        return len(diff) == 2 and diff[1] == diff[0] + 1 and name[diff[0]] == canonical[diff[1]]
    return len(name) == len(canonical) + 1 and any(
        name[i] == name[i - 1] and name[:i] + name[i + 1 :] == canonical for i in range(1, len(name))
    )


def _acronyms(doc: Document, names: Iterable[str]) -> set[str]:
    """The names of `names` the story also writes in capitals in its prose (Irna beside IRNA):
    acronyms, no names to slip. Capitals in a headline or a line set in capitals are typography,
    and a known name in capitals is a name set in capitals (BURNLEY make the journey). One walk
    over the capitalised forms of all the names: a big file has thousands of names, and a walk
    for each would read the whole file each time (a square)."""
    known, counted = known_names(), doc.word_counts
    of_form: dict[str, set[str]] = defaultdict(set)  # a capitalised form -> the names it spells
    for name in names:
        if name not in known:
            capitals = name.upper()
            for form in (capitals, f"{capitals}'s", f"{capitals}’s"):
                if form in counted:
                    of_form[form].add(name)
    found: set[str] = set()
    for tok in doc.iter_words_among(of_form.keys()):
        if not of_form[tok.text] <= found and not tok.in_headline and not _shouting(doc, tok.span.start):
            found |= of_form[tok.text]
    return found


def _shouting(doc: Document, offset: int) -> bool:
    letters, capitals = doc.line_case(offset)
    return capitals > SHOUTING * letters


def _slip_itself(name: str, canonical: str, known: AbstractSet[str], lowered: Lookup) -> bool:
    """Whether the form the story writes most is itself a slip: not a known name, and one edit
    from a known name that `name` is also one edit from (Alleghney and Allegheney, both
    Allegheny; Portugues and Portuguse, both Portuguese). `lowered` holds every `known` name
    in lowercase (`names_lookup()` for `known_names()`)."""
    if canonical in known:
        return False
    low = canonical.lower()
    # a letter lost, gained or swapped: another letter where the two differ is no evidence
    if canonical.isascii() and canonical[0].isupper() and canonical[1:] == low[1:]:
        # the known names one edit from the name that keep its capital: the name's edits at its
        # second letter on, as the lowercase name's edits that keep its first letter give them
        # (an edit at the first letter that keeps it is one at the second), capitalised. Such a
        # name's lowercase form is its lowercase edit, so only the lowercase names' keys one
        # edit from `low` are asked of `known` (`edits_among` through their filters, compiled,
        # without the set of every edit; a big file asks it of many names)
        first = canonical[0]
        near = {
            k
            for e in edits_among(low, lowered)
            if e[:1] == low[0]  # a one-letter name's deletion is the empty string
            and (len(e) != len(low) or sum(x != y for x, y in zip(e, low, strict=True)) > 1)
            and (k := first + e[1:]) in known
        }
        return any(one_edit_pair(name, k) for k in near)
    near = {
        canonical[0] + c[1:]
        for c in one_edit_away(low)
        if c[:1] == low[0] and (len(c) != len(low) or sum(x != y for x, y in zip(c, low, strict=True)) > 1)
    }
    return any(one_edit_pair(name, k) for k in near & known)


def _written_in_full(before: list[str]) -> bool:
    """A name written after a first name or an initial at least once (Takashi Kiuchi, Christina
    Milian): a person the desk may not have written about, not a slip of a name it has (Kiichi,
    Milan). The words `_words_before` found: a title or none is ""; a common word opening the
    sentence ("But Peelous") is no first name."""
    names, words = known_names(), english().words
    return any(len(w) == 1 or w in names or w and w.lower() not in words for w in before)


def _double_moved(a: str, b: str) -> bool:
    """Gaddafi / Gadaffi: the same letters with the doubling on another letter, a transliteration
    variant two edits apart."""
    return (
        len(a) == len(b)
        and a != b
        and _DOUBLED.search(a) is not None
        and _DOUBLED.sub(r"\1", a) == _DOUBLED.sub(r"\1", b)
    )


def _hyphen_apart(a: str, b: str) -> bool:
    """Two capitalised words one hyphen apart, no other capital (Hi-tech / Hitech): a compound
    word's two spellings, or a name's (`South-east Asian` / `Southeast Asian`). (Capitalised
    parts are a name's: X-Box, Xbox.)"""
    return a[1:].islower() and b[1:].islower() and a.replace("-", "").lower() == b.replace("-", "").lower()


def _only_ending_differs(a: str, b: str) -> bool:
    """Israel/Israeli, Korea/Korean, American/Americans: related words, not variants."""
    short, long_ = sorted((a, b), key=len)
    return long_.startswith(short) or short[:-1] == long_[:-1] and len(short) == len(long_)


# The capitalised word that carries a name on after one of its forms (Hongkong Bank, Hongkong and
# Shanghai Hotels).
_NAME_GOES_ON = re.compile(r"[ \n](?:(?:and|of|&)[ \n])?([A-Z][\w.]*)")


# A company word after a name is the same name formally (CalMat Co, then CalMat), no other name.
_COMPANY_WORDS = COMPANY_WORDS


def _followers(text: str, spans: list[Span]) -> list[str]:
    """The word that carries a longer name on after each use ("" where none does, or only a
    company word follows)."""
    found = (m.group(1) if (m := _NAME_GOES_ON.match(text, span.end)) else "" for span in spans)
    return [w if w.rstrip(".") not in _COMPANY_WORDS else "" for w in found]


def _in_other_names(text: str, spans: list[Span], others: list[Span]) -> bool:
    """Two spacings that belong to different names: every use of one is the start of a longer name
    that the other never starts (Hongkong Bank, Hongkong Land beside the place Hong Kong), or the
    end of one that the other never ends (Delta Air Lines beside Western Airlines). A company
    writes its own name its own way; a company word after a name (Co, Inc) starts none."""
    mine, theirs = _followers(text, spans), _followers(text, others)
    if (all(mine) or all(theirs)) and not set(mine) & set(theirs) - {""}:
        return True
    mine = [use_at(text, s.start, s.end, False).before for s in spans]
    theirs = [use_at(text, s.start, s.end, False).before for s in others]
    return all(mine) and all(theirs) and not set(mine) & set(theirs)


def _title_runs(text: str, places: Iterable[tuple[int, int]]) -> dict[str, list[int]]:
    """The runs of two words or more among the words at `places` ((start, end), in order), each
    one space after the one before it, and not glued to a word before them (`_JOINERS`): each
    run's text -> its starts."""
    found: dict[str, list[int]] = defaultdict(list)
    start = end = -2
    run = 0  # words in the run that ends at `end`
    for at, after in places:
        if at == end + 1 and text[end] == " ":
            run += 1
        else:
            if run > 1 and text[start - 1 : start] not in _JOINERS:
                found[text[start:end]].append(start)
            start, run = at, 1
        end = after
    if run > 1 and text[start - 1 : start] not in _JOINERS:
        found[text[start:end]].append(start)
    return found


def _indexed_runs(doc: Document, texts: AbstractSet[str]) -> dict[str, list[int]] | None:
    """`_title_runs` of the uses of `texts`, their places read from the token index, no token
    built (a big file's capitalised words are a hundred thousand uses). None where the story
    has no index (its tokens are read then)."""
    found = doc.word_positions(texts)
    if found is None:
        return None
    (words, ids, starts, _, _), at = found
    if native is not None:  # the loop compiled: a big file's capitalised words are many places
        runs: dict[str, list[int]] = native.title_runs(doc.text, words, ids, starts, at)
        return runs
    return _title_runs(doc.text, ((starts[i], starts[i] + len(words[ids[i]])) for i in at))


# A capitalised word, a space and the word characters after it: where a lowercase form such as
# "Islamic state" can start. The second word is read in a look-ahead, so it can open the next match.
_CAPITALISED_PAIR = re.compile(r"(?<!\w)([^\W\d_a-z]\w*+) (?=(\w*))")
_BOUNDARY = re.compile(r"\b")


def _capitalised_starts_twin(text: str, pairs: AbstractSet[str]) -> list[int]:
    """The starts of the matches of `_CAPITALISED_PAIR` in `text` whose two words, a space
    between them, are in `pairs`: the twin of the compiled `capitalised_starts`."""
    return [m.start() for m in _CAPITALISED_PAIR.finditer(text) if f"{m[1]} {m[2]}" in pairs]


_capitalised_starts: Callable[[str, set[str]], list[int]] = (
    _capitalised_starts_twin if native is None else native.capitalised_starts
)


def _phrase_starts(text: str, phrases: Collection[str]) -> dict[str, list[int]]:
    """phrase -> the starts of its whole-word uses in `text`: the matches of rf"\\b{phrase}\\b",
    in order, not overlapping, for phrases that open with a capitalised word and a space
    ("Islamic state"). One scan of the text finds them all, where a search per phrase would read
    a big file once for each of its many names. Phrases are looked up by their first two words,
    as the scan reads them (a use of a phrase reads the same two words), and only the matches of
    those pairs are read (`_capitalised_starts`: a big file's capitalised words are hundreds of
    thousands, and a match object each)."""
    by_pair: dict[tuple[str, str], list[str]] = defaultdict(list)
    for phrase in phrases:
        m = _CAPITALISED_PAIR.match(phrase)
        if m:
            by_pair[m[1], m[2]].append(phrase)
    starts: dict[str, list[int]] = defaultdict(list)
    if not by_pair:
        return starts
    last_end: dict[str, int] = {}
    for start in _capitalised_starts(text, {f"{first} {second}" for first, second in by_pair}):
        m = _CAPITALISED_PAIR.match(text, start)  # finditer's match there: the look-behind reads before
        assert m is not None
        for phrase in by_pair.get((m[1], m[2]), ()):
            end = start + len(phrase)
            if (
                start >= last_end.get(phrase, 0)
                and text.startswith(phrase, start)
                and _BOUNDARY.match(text, end)
            ):
                starts[phrase].append(start)
                last_end[phrase] = end
    return starts


class NameVariant(Rule):
    """## What it does
    Finds a name spelled two ways in one story: a one-letter variant (Rinaldi / Rinladi,
    Qaeda / Qaida) or a transliteration with the doubling moved (Gaddafi / Gadaffi), a spacing
    and hyphen variant (TimeWarner / Time Warner, al-Qaeda / al Qaeda, Deir Ezzor / Deir
    ez-Zor) or a case variant (Islamic State / Islamic state). The form the story
    uses most is taken as right; a tie goes to the first use. Every occurrence of the other form
    is reported with its own fix.

    A lowercase word in a name is the ordinary phrase, and right, after a determiner ("an
    Islamic state", "the Pacific coast") or when the first word is a common word capitalised
    only because it starts a sentence ("Human rights groups").

    A spacing variant is weighed on the body's uses (a headline writes names tight:
    `SportsNetwork Game Preview`), and two spacings are two names when every use of one starts a
    longer name the other never starts (`Hongkong Bank` beside the place, Hong Kong; a company
    word after it, `CalMat Co`, is no longer name), or each always ends a longer name the other
    never ends (`Delta Air Lines` beside `Western Airlines`).

    Words the English word lists know (Mark / Marks), related forms (Israel / Israeli,
    American / Americans), a compound capitalised to open a sentence one hyphen from a name
    (`Hi-tech` beside the company Hitech: NL203 weighs a compound's forms) and names the story
    uses only once each are left alone, and so is a
    rarer name written with a first name the common one never has, when it is used twice or the
    common one has other first names: another person (Donald Regan beside President Reagan,
    M Horan in a team list with A Horgan and S Horgan), or, one use each, written with a first
    name after the other was named. A real name is never "corrected" into another name or word:
    - an acronym is no name (`ASEAN's` beside Asian), nor is a word the story also writes in
      capitals (`Irna` beside IRNA);
    - two spellings written beside different names are two things (Patrik Berger beside
      Patrick Vieira, Palo Verde beside El Paso Electric), a first name used once with its
      surname is no surname to slip from (Wayne Carlisle beside Warne), and a common word
      capitalised only inside longer names is no name (Standard Life beside the exchange
      Liffe, Cooper Basin beside Bain and Co); a slip of the keys (two neighbouring letters
      swapped, a letter struck twice: Briian beside Brian) is a slip whatever its company.
    Real near-homonyms (Hamad / Hamid) are why the fix is not safe. Where the story's evidence
    disagrees the report is display-only: the rarer form is the one written formally (`Rexnord
    Inc`, `S. Lawrence Prendergast`, or in the headline) against a majority of less than three
    to one, the majority is itself one slip from a known name the other is one slip from too
    (`Alleghney`, `Allegheney`: Allegheny), or two capitals or spacings are each written more
    than once and neither three times as often (`Citicorp`, `CitiCorp`).

    ## Why is this bad?
    A name spelled two ways makes readers wonder whether two people or places are meant, and
    splits the story in archive searches.

    ## Example
        Rinaldi said on Monday ... Rinaldi's office ... Rinladi added.

    ## Use instead
        Rinaldi said on Monday ... Rinaldi's office ... Rinaldi added.

    ## Fix safety
    Unsafe: the majority is a good guess, not proof. Safe when the configured `vocabulary`
    lists the canonical form. Inside direct quotations the name is reported, never changed.

    ## With a desk profile
    With `profile` set (docs/profile.md), a name the story writes once each way is settled by the
    desk when it writes one form in two stories or more and fifty times as often as the other
    (`Clercq` 11 stories, `Clrecq` none), unless the other is written after a first name (Takashi
    Kiuchi beside Kiichi Miyazawa: two people). A name the story writes once or twice that the
    desk never writes, one slip from a name the desk writes in twenty stories or more, not after
    a first name, is reported too: `'Miyazwa' is not the desk's spelling: the desk writes
    'Miyazawa' 200 times and 'Miyazwa' never`. Fixes stay unsafe.
    """

    code = "NL202"
    name = "name-variant"
    fix_availability = FixAvailability.ALWAYS

    def check_words(self) -> tuple[LetterTest, ...]:
        return (_NAMES,)

    def check(self, doc: Document) -> Iterator[Violation]:
        written = doc.selected(_NAMES)
        # Candidate-first: a one-letter variant needs two names one edit apart, and a case variant
        # a name of two words written twice and then in lowercase; the story's distinct words
        # show whether either is possible before any token is built (most stories: neither).
        # Each test reads the story alone (no report changes what another finds), so all are
        # asked here, and a story none passes (most) pays one call: no generator made.
        pair = self._variant_pair_possible(doc, written)
        twins = _name_twins(doc.text)
        case = _case_variant_possible(doc, written)
        if not (pair or twins or case) and self.context.profile is None:
            return NOTHING
        return self._variants(doc, written, pair, twins, case)

    def _variants(
        self,
        doc: Document,
        written: AbstractSet[str],
        pair: bool,
        twins: list[list[tuple[str, list[int]]]],
        case: bool,
    ) -> Iterator[Violation]:
        """`check`'s reports: `pair`, `twins` and `case` its tests' answers (a one-letter
        variant possible, the names written with two spacings, a case variant possible)."""
        reported: set[str] = set()
        if pair:
            for found in self._one_letter_variants(doc, written):
                reported.add(doc.slice(found.span))
                yield found
        if self.context.profile is not None:
            yield from self._desk_variants(doc, written, reported)
        if twins:  # most stories write no name with two spacings: no generator made
            yield from self._spacing_variants(doc, twins)
        if case:
            titled = {w for w in written if w.isalpha() and w[1:].islower()}
            yield from self._case_variants(doc, titled)

    def _one_letter_variants(self, doc: Document, written: AbstractSet[str]) -> Iterator[Violation]:
        paired = self._pairable(doc, written)
        counts, first_use, mid_sentence = _indexed_uses(doc, paired) or _uses(doc, paired)
        variants = self._one_edit_variants(counts, first_use, mid_sentence, doc)
        acronyms = _acronyms(doc, {*variants, *variants.values()})
        canonical_of = {
            name: canonical
            for name, canonical in variants.items()
            if not (name in acronyms or canonical in acronyms)
        }
        if not canonical_of:
            return
        involved = _written_as(written, {*canonical_of, *canonical_of.values()})
        uses = _NameUses(doc.text, _name_tokens(doc, involved))
        known = known_names()
        canonical_of = {
            name: canonical
            for name, canonical in canonical_of.items()
            if not (
                not _typing_slip(name, canonical)
                and (
                    _another_person(name, canonical, uses, counts, uses.introduced_first(canonical, name))
                    or uses.two_entities(name, canonical, False)
                )
            )
            and not (
                _is_english_word(canonical)
                and canonical not in known
                and not self.context.accepts(canonical)
                and uses.two_entities(name, canonical, True)
            )
            and not (self._desk_decided(name, canonical, counts) and _written_in_full(uses.before(name)))
        }
        # Evidence against a thin majority (less than SLIP_RATIO to one): the name written
        # formally (with its company word or a first name) only in the rarer form; or a
        # majority that is a slip itself. Reported, not fixed: either may be the slip.
        headline = set(doc.slice(doc.headline).split()) if doc.headline is not None else set()
        doubtful = {
            name
            for name, canonical in canonical_of.items()
            if (
                formal(uses.all(name))
                and counts[canonical] < SLIP_RATIO * counts[name]
                and canonical.upper() not in headline
                and not formal(uses.each(canonical))  # read as far as its first formal use
            )
            or _slip_itself(name, canonical, known, names_lookup())
        }
        for tok, name in _name_tokens(doc, _written_as(written, canonical_of)):
            canonical = canonical_of[name]
            span = Span(tok.span.start, tok.span.start + len(name))
            yield self._report(span, name, canonical, counts, doubtful=name in doubtful)

    def _pairable(self, doc: Document, written: AbstractSet[str]) -> AbstractSet[str]:
        """The names of `written` (the story's `_NAMES`, as written) that `_one_edit_variants`
        can pair: those that may vary, and the names of their shapes (their first letter, a
        length at most one away) in lowercase after the capital, a possessive 's cut off
        (`_near_name_pairs`: the others `NearNames.of` gives them). Every pair it weighs is of
        two of these, and each shape it reads holds the same names among them as among all,
        in the same order: the same variants, each name's uses and the order of their first
        uses the same. A story's few dozen names are most of `_indexed_uses`' and that test's
        cost, and a name that may vary meets a few. Every name of a longer list (many others)."""
        if len(written) > MAX_PAIRED_NAMES:
            return written
        queries = list({_bare(text) for text in doc.selected(self._may_vary_as_written)})
        pairs = _near_name_pairs(queries, written, len(written))
        if pairs is None:
            return written
        return _written_as(written, {*queries, *(other for _, other in pairs)})

    def _variant_pair_possible(self, doc: Document, written: AbstractSet[str]) -> bool:
        """Whether two of the names `written` (the story's `_NAMES`, a possessive 's cut off)
        pass the tests of `_one_edit_variants` that read only the names themselves (the tests
        of counts and positions come after)."""
        # Each pair the tests below can pass is one `_paired_names` reads: the names that may vary
        # are some of `written` (`_may_vary_written` asks `bare_name` of a name with a floor,
        # `_NAMES` without), their others are names of `written` too, and `NearNames`' keys give
        # some of those pairs. Without one (most stories), no name is asked of the memory.
        if len(written) <= MAX_PAIRED_NAMES and not _paired_names(written):
            return False
        # the names of `written` that may vary, taken from the story's word bits (read once for
        # every test) rather than by a look-up of each name in the memory
        asked = doc.selected(self._may_vary_as_written)
        if not asked:
            return False  # every name a word or a known name (most stories): no index needed
        # most stories: a few names asked, no other name of their shapes, or only ASCII pairs,
        # all in one call (`_near_pair_found`)
        found = _near_pair_found(asked, written, NearNames.FEW)
        if found is None:  # many names of the queries' first letters: looked up by key
            queries = list({_bare(text) for text in asked})
            return _one_edit_pair_among(queries, _near_others(queries, written))
        if not found:
            return False  # no pair left (most stories): no call, no generator
        return _any_one_edit(found)  # True, or whether a pair left (not ASCII) is one edit apart

    def _may_vary_name(self, name: str) -> bool:
        """A name that may be another's variant: four letters or more, neither in the
        vocabulary, nor an English word, nor a known name (asked before the English words: one
        set lookup, where the word lists cost a lowercase and two lookups, one a search)."""
        if len(name) < MIN_LENGTH or name in self.context.vocabulary or name in known_names():
            return False
        word = name.lower()  # `_is_english_word`, inline: asked of every new name
        return not (word in english().words or is_rare(word))

    def _may_vary_written(self, text: str) -> bool:
        """`_may_vary_name` of a name as written (`_is_name`), a possessive 's cut off (`_bare`):
        both inline, in one call (asked of each new capitalised word that is no English word,
        about eleven a story; the two Python calls were a third of its cost)."""
        name = bare_name(MIN_LENGTH, MAX_NAME_LETTERS, text)  # (compiled)
        if name is None or name in self.context.vocabulary or name in known_names():
            return False  # no name (`_is_name`), one too short to vary, or accepted or known
        word = name.lower()
        return not (word in english().words or is_rare(word))

    @cached_property
    def _may_vary(self) -> LetterTest:
        """`_may_vary_name`, decided once per name and remembered; a name of ASCII letters whose
        lowercase is an English word fails without a call (`_english_words`), and so does one
        shorter than MIN_LENGTH (its first test), of any shape."""
        return LetterTest(
            self._may_vary_name, fails=_english_words, shortest=dict.fromkeys(Shape, MIN_LENGTH)
        )

    @cached_property
    def _may_vary_as_written(self) -> LetterTest:
        """`_may_vary_name` of a name as written, a possessive 's cut off: the story's names
        (`_NAMES`) that may vary, selected from its words without a loop over them (most stories
        have none); a lowercase word is no name, and neither is a word of capitals (`_is_name`: a
        lone capital is too short to vary), both passed over without a call; nor is a word
        shorter than MIN_LENGTH (`bare_name`'s floor, on the name it finds, which is no longer)."""
        shapes = Shape.ANY & ~(Shape.LOWER | Shape.UPPER)
        floors = dict.fromkeys((Shape.CAPITAL, Shape.MIXED, Shape.LETTERS, Shape.OTHER), MIN_LENGTH)
        return LetterTest(self._may_vary_written, fails=_english_words, shapes=shapes, shortest=floors)

    def _one_edit_variants(
        self, counts: Counter, first_use: dict[str, int], mid_sentence: set[str], doc: Document
    ) -> dict[str, str]:
        canonical_of: dict[str, str] = {}
        names = known_names()
        queries = self._may_vary.select(counts)
        # Only a capitalised, otherwise lowercase name can be the other form (Rinaldi, not McRae).
        # The others are looked up by key, so a big file of many names is not compared name by
        # name (the best other is the same in any order: see below).
        near = NearNames(other for other in counts if other[1:].islower())
        # Asked in shape order, each shape's keys let go once no later name reads them; each
        # name's best other is the same in any order, and the answer keeps the order of `counts`.
        for name in sorted((name for name in counts if name in queries), key=NearNames.shape_order):
            near.forget_before(name)
            others = near.of(name)
            # most names have no other one edit away: where there are many others, their pairs
            # are tested in one call first (`_one_edit_pairs_any`), not by a Python call a pair
            # (a big file's names meet fifty thousand others, most of them beside ten or more)
            if len(others) > GATED_OTHERS and not _one_edit_pairs_any([(name, other) for other in others]):
                continue
            n = counts[name]
            best: str | None = None
            for other in others:
                if not one_edit_pair(name, other):
                    continue
                if _hyphen_apart(name, other) and (
                    name not in mid_sentence or name.lower() in doc.word_counts
                ):
                    # NL203 files this spelling's uses that open a sentence as the compound's
                    # (`Hi-tech firms` beside the company Hitech and `hi-tech`): a capitalised
                    # form is a name to it only when written inside a sentence and never in
                    # lowercase (its `_named`). Were `Hi-tech` rewritten `Hitech`, NL203 would
                    # rewrite it back. A spelling NL203 leaves, written inside sentences (`South-
                    # east Asian` beside `Southeast Asian`), is a name's to report.
                    continue
                known = other in names or self.context.accepts(other)
                if _is_english_word(other) and not known and (counts[other] < 2 or other not in mid_sentence):
                    continue  # Life / Liffe: a common word at a sentence start is no evidence
                m = counts[other]
                more = m > n or (m == n and first_use[other] < first_use[name])
                if m == n == 1 and not known:  # one use each: the desk's archive may tell the name
                    desk = self._desk_form(name, other)
                    if desk == name:
                        continue
                    known = more = desk == other
                if n > 1 and m < SLIP_RATIO * n:
                    continue  # Regan and Reagan, each used often: two people, not a slip
                # first_use differs between names, so this maximum is one name whatever the order
                if (
                    more
                    and (m + n >= 3 or known)
                    and (best is None or (m, -first_use[other]) > (counts[best], -first_use[best]))
                ):
                    best = other
            if best is not None:
                canonical_of[name] = best
        return {name: canonical_of[name] for name in counts if name in canonical_of}

    def suggest(self, profile: Profile) -> Iterator[Suggestion]:
        """`preferred-term` entries for names the desk writes two ways, one far more often: a
        variant it repeats (three stories or more) one slip from a name in ten times as many."""
        names = {
            w
            for w in profile.words
            if len(w) >= MIN_LENGTH
            and w[:1].isupper()
            and w[1:].islower()
            and w.isalpha()
            and not _is_english_word(w)
        }
        found = []
        for name in names:
            own = profile.stories_with(name)
            if own < SUGGEST_MIN_STORIES:
                continue
            for other in _name_slips(name) & names:
                theirs = profile.stories_with(other)
                # letters swapped (Toyko) or a doubling moved (Gadaffi): one name misspelt; another
                # letter (Regan, Reagan; Iceland, Ireland) is as often another name
                if theirs >= ESTABLISHED and theirs >= SUGGEST_RATIO * own and _swapped(name, other):
                    found.append((own, name, other))
        entries = sorted(found, reverse=True)[:SUGGESTED_NAMES]
        for _, name, other in sorted(entries, key=lambda e: e[2]):
            yield Suggestion(
                "rules.preferred-term.terms",
                [{"use": other, "instead-of": [name]}],
                describe(profile, other, name),
            )

    def _desk_decided(self, name: str, canonical: str, counts: Counter) -> bool:
        """Whether only the desk's archive made `name` a slip of `canonical` (one use of each in
        the story, neither a name the lists know or the vocabulary accepts)."""
        return (
            counts[name] == counts[canonical] == 1
            and canonical not in known_names()
            and not self.context.accepts(canonical)
            and self._desk_form(name, canonical) == canonical
        )

    def _desk_form(self, name: str, other: str) -> str | None:
        """Which of two names one slip apart the desk writes, when its archive is clear: one in
        many stories, the other in far fewer or none. None without a profile or a clear answer."""
        profile = self.context.profile
        return None if profile is None else preferred(profile, other, name, DESK_NAME_STORIES)

    def _desk_variants(
        self, doc: Document, written: AbstractSet[str], reported: set[str]
    ) -> Iterator[Violation]:
        """Names the desk never writes (or hardly ever) one slip from a name it writes in many
        stories, where the story does not write that name itself: Clrecq where the desk writes
        Clercq. The story's own spelling of a new name stands when the story uses it more than
        twice or the desk knows no name near it."""
        profile = self.context.profile
        assert profile is not None
        counts = _name_counts(doc, written)
        slips = {}
        for name in self._may_vary.select(counts):
            if name in reported or counts[name] > MAX_DESK_SLIP_USES or not name[1:].islower():
                continue
            slip = desk_slip(name, profile, _name_slips)
            if slip is not None and not _is_english_word(slip.meant) and slip.meant not in counts:
                slips[name] = slip
        if not slips:
            return
        before = _words_before(doc, _name_tokens(doc, _written_as(written, slips)))
        for name in [name for name in slips if _written_in_full(before[name])]:
            del slips[name]
        for tok, name in _name_tokens(doc, _written_as(written, slips)):
            slip = slips[name]
            span = Span(tok.span.start, tok.span.start + len(name))
            fix = Fix.unsafe(f"Write {slip.meant!r}", Edit.replace(span, slip.meant))
            yield self.violation(span, f"{name!r} is not the desk's spelling: {slip.evidence}", fix)

    def _spacing_variants(
        self, doc: Document, twins: list[list[tuple[str, list[int]]]]
    ) -> Iterator[Violation]:
        """TimeWarner / Time Warner, al-Qaeda / al Qaeda: the same letters, spaced differently;
        `twins`: the story's `_name_twins`."""
        for group in twins:
            variants = [form for form, _ in group]
            found = {form: [Span(start, start + len(form)) for start in starts] for form, starts in group}
            forms = {v: [s for s in found[v] if doc.is_prose(s)] for v in variants}
            variants = [v for v in variants if forms[v]]
            if len(variants) < 2 or not any(
                " " in v or "-" in v or any(c.isupper() for c in v[1:]) for v in variants
            ):
                continue
            # A headline writes names tight (SportsNetwork Game Preview, BlueGene sneaks past):
            # the body's uses decide the spelling; a headline's other form is reported.
            body = {v: [s for s in forms[v] if not doc.in_headline(s)] for v in variants}
            ranked = sorted(variants, key=lambda v: (-len(body[v]), forms[v][0].start))
            canonical = ranked[0]
            if not body[canonical]:
                continue
            for minority in ranked[1:]:
                if minority[1:] == canonical[1:]:
                    continue  # al-Chalabi and Al-Chalabi: a capital at the start of a sentence
                if _in_other_names(doc.text, forms[minority], forms[canonical]):
                    continue  # Hongkong Bank beside Hong Kong: the bank's name, not the place's
                # both forms written often, one not three times as often as the other
                # (Citicorp 3, CitiCorp 4): which is the name's own is a coin's toss
                rare, common = len(forms[minority]), len(body[canonical])
                for span in forms[minority]:
                    yield self._report(
                        span,
                        minority,
                        canonical,
                        Counter({canonical: common, minority: rare}),
                        doubtful=rare > 1 and common < SLIP_RATIO * rare,
                    )

    def _case_variants(self, doc: Document, titled: AbstractSet[str]) -> Iterator[Violation]:
        """Islamic State / Islamic state: a name of several capitalised words written once with a
        lowercase word. A determiner before the lowercase form ("an Islamic state", "the Pacific
        coast", "this Labour government") marks an ordinary noun phrase, which is right, and so
        does a common word capitalised only because it starts a sentence ("Human rights groups").
        `titled`: the story's capitalised words of letters, the words of such a name."""
        text = doc.text
        found = _indexed_runs(doc, titled)
        if found is None:
            found = _title_runs(text, (tok.span for tok, _ in _name_tokens(doc, titled)))
        lowered_of = {}  # name -> its form with the later words in lowercase
        for name, starts in found.items():
            words = name.split(" ")
            if len(starts) < 2 or len(words) > MAX_NAME_WORDS:
                continue  # the name must be the majority: two uses at least
            lowered = " ".join([words[0], *(w.lower() for w in words[1:])])
            if lowered != name and not any(w.lower() in _SMALL_WORDS for w in words[1:]):
                lowered_of[name] = lowered
        uses = _phrase_starts(text, set(lowered_of.values()))
        for name, lowered in lowered_of.items():
            if lowered not in uses:
                continue
            words = name.split(" ")
            spans = [
                sp
                for sp in (Span(i, i + len(name)) for i in found[name])
                if doc.is_prose(sp) and not doc.in_headline(sp)
            ]
            common_first = _is_english_word(words[0])
            minority = []
            for start in uses[lowered]:
                span = Span(start, start + len(lowered))
                before = text[max(0, span.start - 30) : span.start]
                if (
                    not doc.is_prose(span)
                    or doc.in_headline(span)
                    or _GENERIC_BEFORE.search(before)
                    or _TITLE_AFTER.match(text, span.end)
                    or common_first
                    and _SENTENCE_START.search(before)
                ):
                    continue
                minority.append(span)
            if minority and len(spans) > len(minority):
                for span in minority:
                    yield self._report(span, lowered, name, Counter({name: len(spans)}))

    def _report(
        self, span: Span, name: str, canonical: str, counts: Counter, doubtful: bool = False
    ) -> Violation:
        safe = self.context.accepts(canonical)
        doubtful = doubtful and not safe  # the configured vocabulary settles it
        make = Fix.safe if safe else Fix.display_only if doubtful else Fix.unsafe
        fix = make(f"Write {canonical!r}", Edit.replace(span, canonical))
        uses = counts[canonical]
        message = f"{name!r} is spelled {canonical!r} elsewhere in the story ({uses} time{'s' * (uses != 1)})"
        if doubtful:
            message += "; which is right is unclear"
        if self.context.profile is not None and self._desk_form(name, canonical) == canonical:
            message += f"; {describe(self.context.profile, canonical, name)}"
        return self.violation(span, message, fix)
