"""The compiled helpers, or their pure-Python twins: chosen once, at import.

`newslint._native` is built from lint/_native.c when `pip install` finds a C compiler (setup.py
marks it optional: without a compiler the install goes on without it). It holds the loops that
run for every word of every story: the token scan behind `Document.word_counts` and the token
index that rules' candidate tokens are read from (`newslint.tokens.index_tokens`), the walk of
`LetterTest.select` over a story's words, and the two-edit neighbours of a misspelt word.
Each has a pure-Python twin that gives the same answers (tests/test_native.py runs both, and
both over the dev corpora in its slow test). `NEWSLINT_PURE_PYTHON=1` in the environment makes
newslint use the twins even when the compiled module is there (CI runs the tests both ways).

    from newslint.native import near_words
    near_words("agcny", ["agency", "agony", "ages"])  # ['agency', 'agony']
"""

from __future__ import annotations

import importlib
import mmap
import operator
import os
import re
import struct
import sys
from array import array
from collections import Counter
from collections.abc import Callable, Container, Iterable, Mapping, Sequence
from collections.abc import Set as AbstractSet
from functools import update_wrapper
from itertools import islice
from types import ModuleType
from typing import Any, AnyStr, NamedTuple, TypeVar


def _load() -> ModuleType | None:
    if os.environ.get("NEWSLINT_PURE_PYTHON", "") not in ("", "0"):
        return None
    try:
        module = importlib.import_module("newslint._native")
    except ImportError:  # installed without a compiler: the twins below do the work
        return None
    here = os.path.dirname(__file__)
    # Only a checkout (its folder is lint/; installed, the package is newslint/) can hold a build
    # older than its source: an installed wheel's files all share the install's time.
    if os.path.basename(here) == "lint" and is_stale(os.path.join(here, "_native.c"), module.__file__):
        sys.stderr.write(
            "newslint: the compiled helpers are older than lint/_native.c; using the pure-Python "
            "ones (rebuild them with `pip install -e .`)\n"
        )
        return None
    return module


def is_stale(source: str, built: str | None) -> bool:
    """Whether a compiled module was built before its C source last changed: in a checkout
    installed with `pip install -e .`, a pull that changes lint/_native.c leaves the old build
    beside the new Python, which may call functions it does not have."""
    try:
        return built is not None and os.stat(source).st_mtime > os.stat(built).st_mtime
    except OSError:
        return False


native: ModuleType | None = _load()
"""The compiled module, or None when the pure-Python twins are in use."""


def within_two_of(typo: str) -> Callable[[str], bool]:
    """A test: is a word at most two edits (insertions, deletions, substitutions, swaps of two
    neighbours) from `typo`? The typo is read once: the test is asked of thousands of words.
    Length and letters reject most of them (each edit changes the length by at most one and the
    set of letters by at most two), and `osa_within_two` decides the rest."""
    size, letters = len(typo), frozenset(typo)

    def near(word: str) -> bool:
        return (
            -2 <= len(word) - size <= 2
            and len(letters.symmetric_difference(word)) <= 4
            and osa_within_two(typo, word)
        )

    return near


def osa_within_two(a: str, b: str) -> bool:
    """The optimal-string-alignment distance of `a` and `b` is at most two, computed only as far
    as that answer needs: the common opening and ending cost no edit (they are stripped), and the
    distances are capped at 3 and computed in a band of two cells either side of the diagonal
    (a cell further off costs more than two edits), stopping when two rows in a row exceed two.
    tests/test_native.py checks it against the full distance."""
    n, m = len(a), len(b)
    if not -2 <= n - m <= 2:
        return False
    k, top = 0, min(n, m)
    while k < top and a[k] == b[k]:
        k += 1
    while n > k and m > k and a[n - 1] == b[m - 1]:
        n, m = n - 1, m - 1
    a, b, n, m = a[k:n], b[k:m], n - k, m - k
    if n == 0 or m == 0:
        return n + m <= 2
    big = 3
    prev2: list[int] = []
    prev = [min(j, big) for j in range(m + 1)]
    for i in range(1, n + 1):
        cur = [big] * (m + 1)
        if i < big:
            cur[0] = i
        low, ai = cur[0], a[i - 1]
        for j in range(max(1, i - 2), min(m, i + 2) + 1):
            bj = b[j - 1]
            d = prev[j - 1] + (ai != bj)
            d = min(d, prev[j] + 1, cur[j - 1] + 1)
            if i > 1 and j > 1 and ai == b[j - 2] and a[i - 2] == bj:
                d = min(d, prev2[j - 2] + 1)
            cur[j] = d = min(d, big)
            low = min(low, d)
        if low >= big and (not prev2 or min(prev) >= big):
            return False  # every later cell costs more than two edits
        prev2, prev = prev, cur
    return prev[m] <= 2


def _near_words(typo: str, words: Iterable[str]) -> list[str]:
    near = within_two_of(typo)
    return [w for w in words if w != typo and near(w)]


near_words: Callable[[str, Iterable[str]], list[str]] = (
    native.near_words if native is not None else _near_words
)
"""The words, in their order, that are not `typo` and are at most two edits from it."""


def _near_words_in_line(typo: str, line: str) -> list[str]:
    return _near_words(typo, [entry.partition(":")[0] for entry in line.split()])


near_words_in_line: Callable[[str, str], list[str]] = (
    native.near_words_in_line if native is not None else _near_words_in_line
)
"""`near_words` of the words of one line of the word-pair tables (`newslint.rules.typos._pairs`):
its entries split at whitespace, each its text before its first ':' (``" agency:3 agony:0"``).
The compiled one makes no string for a word not near the typo (a common word's line holds
thousands)."""


def _line_words(line: str) -> frozenset[str]:
    return frozenset(entry.partition(":")[0] for entry in line.split())


line_words: Callable[[str], frozenset[str]] = native.line_words if native is not None else _line_words
"""The words of a pair-table line (`_pairs.before`, `_pairs.after`), each entry up to its first
':' ("agency:3"), as a frozenset: NL107's neighbour sets built in one call a word."""


def _lower_keys(words: Iterable[str]) -> dict[str, str]:
    return {w.lower(): w for w in words}


lower_keys: Callable[[Iterable[str]], dict[str, str]] = (
    native.lower_keys if native is not None else _lower_keys
)
"""`{w.lower(): w for w in words}`: the known names by their lowercase form, built in one call."""


_LINE_WORD = struct.Struct("=III")  # the compiled LineWord: start, length, letters' bits
_ENTRY = re.compile(r"\S+")  # an entry of a line, split as str.split() splits (\s: its whitespace)


def _line_records(index: bytes) -> list[tuple[int, int, int]]:
    """The records of a `line_index`, (start, length, bits) each, in its order: stored by field
    (every start, every length, then every word's bits, as uint32s)."""
    if len(index) % _LINE_WORD.size:
        raise ValueError("near_words_in_index: not an index")
    count = len(index) // _LINE_WORD.size
    fields = [struct.unpack_from(f"={count}I", index, 4 * count * k) for k in range(3)]
    return list(zip(*fields, strict=True))


def _line_index(line: str) -> bytes:
    if len(line) > 0xFFFFFFFF:
        raise ValueError("line_index: the line is too long to index")
    index: list[tuple[int, int, int]] = []
    for m in _ENTRY.finditer(line):
        word = m.group().partition(":")[0]
        bits = 0
        for c in word:
            bits |= 1 << ord(c) % 32
        index.append((m.start(), len(word), bits))
    index.sort(key=lambda record: record[1])  # by length (stable: in the line's order)
    return b"".join(struct.pack(f"={len(index)}I", *field) for field in zip(*index, strict=True))


line_index: Callable[[str], bytes] = native.line_index if native is not None else _line_index
"""The words of a pair-table line as `near_words_in_line` reads them, indexed: each word's start,
its length and its characters' bits (a character's bit its code point % 32), in order of their
length (and of the line, for one length), stored by field (`_line_records` reads them back).
Built once for a common word's line, which `near_words_in_index` reads for typo after typo."""


def _near_words_in_index(typo: str, line: str, index: bytes) -> list[str]:
    # the words within two letters of the typo's length (a block of the index), in the line's order
    records = [r for r in _line_records(index) if abs(r[1] - len(typo)) <= 2]
    if any(start + size > len(line) for start, size, _ in records):
        raise ValueError("near_words_in_index: the index is not the line's")
    near = within_two_of(typo)
    words = (line[start : start + size] for start, size, _ in sorted(records))
    return [w for w in words if w != typo and near(w)]


near_words_in_index: Callable[[str, str, bytes], list[str]] = (
    native.near_words_in_index if native is not None else _near_words_in_index
)
"""`near_words_in_line(typo, line)`, read from `line_index(line)`: the compiled one reads only the
block of words within two letters of the typo's length (found by binary search), passes over a
word of the wrong letters from its bits (four at a time), without reading the line's text."""


def _entry_of(line: AnyStr, second: AnyStr, space: AnyStr, colon_mark: AnyStr) -> AnyStr | None:
    """What follows `second` and `colon_mark` in its entry of a pair-table line (``" second:k
    second:k"``, entries sorted by word), or None: a binary search over the line's text or its
    bytes (`_pair_steps`, the twin of the compiled `pair_steps`)."""
    lo, hi = 1 if line[:1] == space else 0, len(line)  # entry starts (or the end): [lo, hi)
    while lo < hi:
        mid = (lo + hi) // 2
        start = line.rfind(space, lo, mid) + 1 or lo
        colon = line.find(colon_mark, start)
        end = line.find(space, colon)
        if end < 0:
            end = len(line)
        key = line[start:colon]
        if key == second:
            return line[colon + 1 : end]
        if key < second:
            lo = end + 1
        else:
            hi = start
    return None


PAIR_LONG_LINE = 1000  # past this many bytes a line's entry is found by binary search (`_entry_of`)


def _table_line(data: bytes | mmap.mmap, lines: bytes, key: bytes) -> bytes | None:
    """What follows `key` and its tab on its line of a pair table's bytes, or None when no line
    has the key: the line found by halving `lines` (`_keyed_line`; b"": `_sorted_line`'s search)."""
    tab = ord("\t")
    at, following = _keyed_line(data, lines, key) if lines else (_sorted_line(data, key, tab, 0), -1)
    if at < 0:
        return None
    start = at + len(key) + 1
    if start < following <= len(data) and data[following - 1] == ord("\n"):
        end = following - 1  # the line's end, as its lines tell
    else:
        end = data.find(b"\n", start)
    return bytes(data[start : len(data) if end < 0 else end])


def _pair_steps(data: bytes | mmap.mmap, lines: bytes, first: bytes, second: bytes) -> int | None:
    line = _table_line(data, lines, first)
    if line is None:
        return None
    if len(line) > PAIR_LONG_LINE and second and b" " not in second and b":" not in second:
        found = _entry_of(line, second, b" ", b":")
        return None if found is None else int(found)
    at = line.find(b" " + second + b":")
    if at < 0:
        return None
    start = at + len(second) + 2
    end = line.find(b" ", start)
    return int(line[start:] if end < 0 else line[start:end])


def _table_rest(data: bytes | mmap.mmap, lines: bytes, key: bytes) -> str | None:
    line = _table_line(data, lines, key)
    return None if line is None else line.decode("utf-8")


table_rest: Callable[[bytes | mmap.mmap, bytes, bytes], str | None] = (
    native.table_rest if native is not None else _table_rest
)
"""`sorted_rest(data, key, ord("\\t"))` of a pair table, its line found as `pair_steps` finds it: by
halving `lines` (`table_line_starts(data)`; b"": `sorted_line`'s search), where each step of
`sorted_line`'s search read back to a line's start (a common word's line is thousands of bytes)."""


def _keyed_line(data: bytes | mmap.mmap, lines: bytes, key: bytes) -> tuple[int, int]:
    """The start of the line whose key (up to its first tab) is `key`, or -1, and where the next
    line starts (-1: none): the lines (their starts, `table_line_starts`) halved."""
    if len(lines) % 4:
        raise ValueError("a pair table's lines: not the table's")
    starts = memoryview(lines).cast("I")
    lo, hi = 0, len(starts)
    while lo < hi:
        mid = (lo + hi) // 2
        start = starts[mid]
        if start >= len(data):
            raise ValueError("a pair table's lines: not the table's")
        end = data.find(b"\n", start)
        cut = data.find(b"\t", start, len(data) if end < 0 else end)
        head = data[start : (len(data) if end < 0 else end) if cut < 0 else cut]
        if head == key:
            return start, starts[mid + 1] if mid + 1 < len(starts) else -1
        if head < key:
            lo = mid + 1
        else:
            hi = mid
    return -1, -1


def _body_openers_walk(
    words: list[str],
    ids: Sequence[int],
    starts: Sequence[int],
    firsts: Sequence[int],
    counts: Mapping[str, int],
    head_end: int,
) -> tuple[int, list[int], list[int]]:
    """The sentence-opening words of a story's token index (`firsts`, read with `words`, `ids` and
    `starts`) that NL101's `_body_openers` counts: those whose text `counts` holds and opens with
    a letter. (How many of those start at or past `head_end`; the first tokens of those before
    it, which may be the headline's; the start and end of each counted one whose first letter
    is lowercase, one after another.) The twin of the compiled `body_openers`."""
    count = 0
    heads: list[int] = []
    lower: list[int] = []
    for f in firsts:
        word = words[ids[f]]
        first = word[:1]
        if not first.isalpha() or word not in counts:
            continue
        start = starts[f]
        if start < head_end:
            heads.append(f)
            continue
        count += 1
        if first.islower():
            lower += (start, start + len(word))
    return count, heads, lower


body_openers: Callable[
    [list[str], Sequence[int], Sequence[int], Sequence[int], Mapping[str, int], int],
    tuple[int, list[int], list[int]],
] = native.body_openers if native is not None else _body_openers_walk


# An acronym given in brackets: (ADB), (CAS). Two letters are initials too often (US, UK) to pair.
BRACKETED_ACRONYM = re.compile(r"\(([A-Z]{3,6})\)")


def _bracketed_acronyms(text: str) -> list[str]:
    """The acronyms `text` gives in brackets (`BRACKETED_ACRONYM`'s group), in order: the twin
    of the compiled `bracketed_acronyms`, which finds each bracket by memchr and reads the
    capitals after it (NL101 asks every story: a search and a match at each bracket in Python
    cost about 5,000 instructions a story)."""
    return [m.group(1) for m in BRACKETED_ACRONYM.finditer(text)]


bracketed_acronyms: Callable[[str], list[str]] = (
    native.bracketed_acronyms if native is not None else _bracketed_acronyms
)


pair_steps: Callable[[bytes | mmap.mmap, bytes, bytes, bytes], int | None] = (
    native.pair_steps if native is not None else _pair_steps
)
"""The count of the pair (`first`, `second`) in a pair table's bytes (pairs-after.txt:
``first<TAB> second:k second:k``, UTF-8), as its k (log2 steps above the table's floor), or None
when the table does not hold the pair: the first word's line found by halving `lines` (its
lines' starts, `table_line_starts`; b"": `sorted_line`'s search), and the entry by `_entry_of`'s
search in a long line, read in place. Nothing is decoded: the first word's line was, thousands
of characters for a common word, to answer one pair."""


def _table_line_starts(data: bytes | mmap.mmap) -> bytes:
    if len(data) > 0xFFFFFFFF:
        raise ValueError("table_line_starts: a table past 4 GB")
    starts = [0] if len(data) else []
    at = data.find(b"\n")
    while 0 <= at < len(data) - 1:
        starts.append(at + 1)
        at = data.find(b"\n", at + 1)
    return array("I", starts).tobytes()


table_line_starts: Callable[[bytes | mmap.mmap], bytes] = (
    native.table_line_starts if native is not None else _table_line_starts
)
"""Where each line of a table's bytes starts (0, and each byte after a newline but the end), as
uint32s in the machine's order: `pair_steps` halves them to find a line."""

ALPHABET = "abcdefghijklmnopqrstuvwxyz"


def one_edit_away(word: str) -> set[str]:
    """Every string one deletion, transposition, substitution or insertion away from `word`."""
    splits = [(word[:i], word[i:]) for i in range(len(word) + 1)]
    deletes = {a + b[1:] for a, b in splits if b}
    transposes = {a + b[1] + b[0] + b[2:] for a, b in splits if len(b) > 1}
    replaces = {a + c + b[1:] for a, b in splits if b for c in ALPHABET if c != b[0]}
    inserts = {a + c + b for a, b in splits for c in ALPHABET}
    return deletes | transposes | replaces | inserts


class Lookup:
    """A large container that `edits_among` is asked about again and again (a word list, a name
    list): a frozenset, or a dict that is never changed, with the compiled filters of its keys
    built once: `_native.edit_filter`'s (about 16 bits a key), which rules out most edits before
    one is made into a str, and `_native.affix_filter`'s, the letters that follow each opening
    of a key and precede each ending (32-bit masks, about three for every two keys),
    which rules out most substitutions and insertions before one is made: an edit that puts a
    letter c at i is a key only if some key opens with the word's first i letters and c, and
    some key ends with c and the rest of the word. Read `keys` for the container."""

    __slots__ = ("keys", "filter")

    def __init__(
        self, keys: AbstractSet[str] | Mapping[str, object], built: tuple[bytes, bytes] | None = None
    ) -> None:
        # `built`: the filters of these very keys, made before (`lookup_filters`, shipped with a
        # word list); used only when they have the sizes the compiled builders give this many keys
        self.keys = keys
        self.filter: tuple[bytes, bytes] | None = None
        if native is not None:
            if built is not None and tuple(map(len, built)) == lookup_filter_sizes(len(keys)):
                self.filter = built
            else:
                self.filter = lookup_filters(keys)


def lookup_filters(keys: AbstractSet[str] | Mapping[str, object]) -> tuple[bytes, bytes]:
    """A `Lookup`'s filters of `keys` (`_native.edit_filter`'s and `_native.affix_filter`'s): a
    function of the set of keys alone, not of their order."""
    if native is None:
        raise RuntimeError("lookup_filters: the compiled module is not loaded")
    return native.edit_filter(keys), native.affix_filter(keys)


def lookup_filter_sizes(count: int) -> tuple[int, int]:
    """The sizes in bytes of `lookup_filters` of `count` keys: an edit filter of the least power
    of two bits from 1024 that is 16 bits a key or more; affix tables of the least power of two
    slots from 64 that is two slots for every three keys or more, two tables of uint32."""
    bits = 1024
    while bits < 16 * count:
        bits <<= 1
    slots = 64
    while 2 * slots < 3 * count:
        slots <<= 1
    return bits >> 3, 2 * slots * 4


def _edits_among(word: str, container: AbstractSet[str] | Mapping[str, object]) -> set[str]:
    edits = one_edit_away(word)
    if isinstance(container, (set, frozenset)):
        return edits & container
    return {e for e in edits if e in container}


def edits_among(word: str, container: AbstractSet[str] | Mapping[str, object] | Lookup) -> set[str]:
    """`one_edit_away(word) & container`: the strings one edit from `word` that `container` (a
    set, a dict's keys, or a `Lookup`) holds, such as the listed words one slip from a misspelt
    word. The compiled form makes each edit in a buffer and looks it up (a `Lookup`'s filter
    rules most of them out first), without building the set of all edits (about 450 for a word
    of eight letters); it takes ASCII words and built sets and dicts."""
    keys, found = (container.keys, container.filter) if isinstance(container, Lookup) else (container, None)
    if native is not None and type(keys) in _BUILT and word.isascii():
        edits: set[str] = native.edits_among(word, keys, found)
        return edits
    return _edits_among(word, keys)


_BUILT: tuple[type, ...] = (set, frozenset, dict) + (() if native is None else (native.WordTable,))


def edits_among_each(
    word: str, containers: Sequence[AbstractSet[str] | Mapping[str, object] | Lookup] | EditTargets
) -> list[set[str]]:
    """`[edits_among(word, c) for c in containers]`, the compiled form making and hashing each
    edit once for all the containers (a capitalised word is looked for among the listed words
    and the names: one walk over its hundreds of edits, not one per list). Each set is the one
    `edits_among` gives, built in the same order."""
    if isinstance(containers, EditTargets):  # (read once for every word asked: `edit_targets`)
        containers, targets, built = containers
    else:
        targets, built = _targets(containers)
    if native is not None and built and word.isascii():
        found: list[set[str]] = native.edits_among_each(word, targets)
        return found
    return _edits_among_each(word, containers)


def _edits_among_each(
    word: str, containers: Sequence[AbstractSet[str] | Mapping[str, object] | Lookup]
) -> list[set[str]]:
    """`edits_among_each`'s twin (apart: its comprehension's cell was made at every call)."""
    return [edits_among(word, c) for c in containers]


Target = tuple[AbstractSet[str] | Mapping[str, object], tuple[bytes, bytes] | None]


class EditTargets(NamedTuple):
    """Containers as `edits_among_each` and `swap_inside` read them, read once (`edit_targets`)
    for a caller that asks about word after word in the same containers: each call read every
    container's keys and filter again (half the cost of a short word's walk, measured)."""

    containers: tuple[AbstractSet[str] | Mapping[str, object] | Lookup, ...]
    targets: list[Target]  # each container's keys and filter (`_targets`)
    built: bool  # whether the compiled helpers read every one's keys


def edit_targets(containers: Sequence[AbstractSet[str] | Mapping[str, object] | Lookup]) -> EditTargets:
    """`containers` read for `edits_among_each` and `swap_inside`, which take the answer in
    their place (and answer as they would for them, while the containers stay the same)."""
    return EditTargets(tuple(containers), *_targets(containers))


def _targets(
    containers: Sequence[AbstractSet[str] | Mapping[str, object] | Lookup],
) -> tuple[list[tuple[AbstractSet[str] | Mapping[str, object], tuple[bytes, bytes] | None]], bool]:
    """Each container's keys and filter (None for a plain one), and whether the compiled helpers
    read every one's keys (`_BUILT`). A loop: a comprehension and a generator made two functions
    a call (1.4 calls a story, most of one or two containers)."""
    targets: list[tuple[AbstractSet[str] | Mapping[str, object], tuple[bytes, bytes] | None]] = []
    built = True
    for c in containers:
        target = (c.keys, c.filter) if isinstance(c, Lookup) else (c, None)
        built = built and type(target[0]) in _BUILT
        targets.append(target)
    return targets, built


def swap_inside(
    word: str, containers: Sequence[AbstractSet[str] | Mapping[str, object] | Lookup] | EditTargets
) -> bool:
    """Whether swapping two different neighbouring letters of `word`, from its second letter and
    leaving its last alone, makes a string one of `containers` (sets, dicts' keys or `Lookup`s)
    holds: a typist's habit in a name NL101 finds repeated. The compiled form makes each swap in
    a buffer and asks the filters first, where this one makes a str of each."""
    if isinstance(containers, EditTargets):
        containers, targets, built = containers
    else:
        targets, built = _targets(containers)
    if native is not None and built and word.isascii():
        found: bool = native.swap_inside(word, targets)
        return found
    return _swap_inside(word, [keys for keys, _ in targets])


def _swap_inside(word: str, containers: Sequence[Container[str]]) -> bool:
    for i in range(1, len(word) - 2):
        if word[i] != word[i + 1]:
            swapped = word[:i] + word[i + 1] + word[i] + word[i + 2 :]
            if any(swapped in c for c in containers):
                return True
    return False


def _word_splits(keys: Iterable[str], words: AbstractSet[str]) -> list[tuple[str, int]]:
    return [(key, i) for key in keys for i in range(2, len(key) - 2) if key[:i] in words and key[i:] in words]


word_splits: Callable[[Iterable[str], AbstractSet[str]], list[tuple[str, int]]] = (
    native.word_splits if native is not None else _word_splits
)
"""(key, i) for each of `keys`, in order, and each place i from 2 to len(key) - 3 where the key
splits into two of `words` (a set): key[:i] and key[i:]. A compound rule asks it of every long
word of a story (`airstrikes`: air + strikes, if the story writes both)."""


def _presized_dict(n: int) -> dict[object, object]:
    """An empty dict (the twin of the compiled `presized_dict`, whose table has room for `n` keys:
    the contents and their order are the same either way)."""
    if n < 0:
        raise ValueError("presized_dict: a size of 0 or more")
    return {}


presized_dict: Callable[[int], dict[object, object]] = (
    native.presized_dict if native is not None else _presized_dict
)
"""An empty dict that takes `n` keys without growing: a story's kept selections grew twice."""


_SPAN_FIELD = range(2**63)  # a Span's start or end that a C long long holds (the compiled twin reads one)
_FIRST, _SECOND = operator.itemgetter(0), operator.itemgetter(1)  # a span's fields, read in C

SpanParts = tuple[tuple[Any, ...], list[int], list[int]]


def merged_span_parts(spans: Iterable[Any], span_type: Callable[[int, int], Any]) -> SpanParts:
    """A `SpanSet`'s three parts of `spans` (pairs: `Span`s): the spans sorted, those that overlap
    or touch merged into one new `span_type`, as a tuple, and the lists of their starts and
    ends. The twin of the compiled `span_set_parts` (`_span_set_parts`), and SpanSet's own steps
    for spans it does not read."""
    ordered = sorted(spans)
    starts, ends = list(map(_FIRST, ordered)), list(map(_SECOND, ordered))
    if all(map(operator.lt, ends, islice(starts, 1, None))):
        # apart, as most sets' spans are (quotations, regions): kept as they are (the loop
        # below costs a Python step a span, and two list comprehensions)
        return tuple(ordered), starts, ends
    merged: list[Any] = []
    for s in ordered:
        if merged and s[0] <= merged[-1][1]:
            last = merged[-1]
            merged[-1] = span_type(last[0], max(last[1], s[1]))
        else:
            merged.append(s)
    return tuple(merged), list(map(_FIRST, merged)), list(map(_SECOND, merged))


def _span_set_parts(spans: object, span_type: Callable[[int, int], Any]) -> SpanParts | None:
    """`merged_span_parts` of `spans`, a tuple or list of tuples of two ints, each a Span's
    (0 <= start <= end); None for any other (the twin of the compiled `span_set_parts`, which
    also gives a tuple sorted and apart back as itself)."""
    if type(spans) is not tuple and type(spans) is not list:
        return None
    for span in spans:
        # (a Span's own len() is its length: the tuple's size read as tuple's)
        if not isinstance(span, tuple) or tuple.__len__(span) != 2:
            return None
        start, end = tuple.__getitem__(span, 0), tuple.__getitem__(span, 1)
        if type(start) is not int or type(end) is not int:
            return None
        if start not in _SPAN_FIELD or end not in _SPAN_FIELD or start > end:  # no Span's: SpanSet's steps
            return None
    return merged_span_parts(spans, span_type)


span_set_parts: Callable[[object, Callable[[int, int], Any]], SpanParts | None] = (
    native.span_set_parts if native is not None else _span_set_parts
)
"""`SpanSet`'s parts of spans that are pairs of ints (all of a story's), in one compiled call."""


def _bare_name(shortest: int, longest: int, text: str) -> str | None:
    """`text` as a name is written, a possessive 's (or ’s) cut off, when it is `shortest` to
    `longest` characters long, opens with a capital, is not in capitals after it (UN, NATO), and
    is no word in capitals of more than one letter (a lone capital, "A" or "F-16", is); else None."""
    name = text[:-2] if text.endswith(("'s", "’s")) else text
    if not (shortest <= len(name) <= longest and name[:1].isupper() and not name[1:].isupper()):
        return None
    return None if name.isupper() and sum(map(str.isalpha, name)) > 1 else name


bare_name: Callable[[int, int, str], str | None] = native.bare_name if native is not None else _bare_name
"""A name rule's test of each new word (compiled: one call where a dozen string methods were
about 3,000 instructions); the text last, so that `functools.partial(bare_name, shortest,
longest)` is a one-argument letter test (a name is never empty: a passing answer is true)."""


def _unlisted_capital(text: str, minimum: int, words: Container[str], wrong: Container[str]) -> int:
    """1 for a capitalised word (Reigme) of `minimum` ASCII letters or more, 2 for one in capitals
    (REIGME), when neither `words` nor `wrong` holds its lowercase form; else 0."""
    if len(text) < minimum or not (text.isascii() and text.isalpha()):
        return 0
    if text.isupper():
        form = 2
    elif text[0].isupper() and text[1:].islower():
        form = 1
    else:
        return 0
    word = text.lower()
    return 0 if word in words or word in wrong else form


unlisted_capital: Callable[[str, int, Container[str], Container[str]], int] = (
    native.unlisted_capital if native is not None else _unlisted_capital
)
"""NL101's first tests of a capitalised word (`capital_candidate`, `_opening_capital`): compiled,
one call where the word's case, letters and two lookups of its lowercase form were a dozen."""


def _add_forms(
    counts: dict[str, int],
    word_counts: Mapping[str, int],
    memo: dict[str, tuple[str, ...]],
    make: Callable[[str], tuple[str, ...]],
    limit: int,
) -> None:
    get = counts.get  # dict.get: a Counter's missing key calls Python code
    for word, uses in word_counts.items():  # each distinct word once, with its number of uses
        if word.isascii() and word.isalpha():
            form = word if word.islower() else word.lower()
            counts[form] = get(form, 0) + uses  # its lowercase form, not remembered
            continue
        forms = memo.get(word)
        if forms is None:
            if len(memo) >= limit:
                memo.clear()
            forms = memo[word] = make(word)
        for form in forms:
            counts[form] = get(form, 0) + uses


def add_forms(
    counts: dict[str, int],
    word_counts: Mapping[str, int],
    memo: dict[str, tuple[str, ...]],
    make: Callable[[str], tuple[str, ...]],
    limit: int,
) -> None:
    """Add each word's uses (`word_counts`, in its order) to the count in `counts` of each of the
    forms it is counted as: `memo[word]`, made by `make(word)` (a tuple) when missing, the memo
    forgotten first when it holds `limit` words. A word of ASCII letters alone is counted as its
    lowercase form, neither made nor remembered (`make` must agree): most of a story's words are,
    and a lookup in a large memo costs more than the count (a story's new names each cost a call
    of `make`). NL1's story counts: every word lowercased, its hyphenated parts, its possessive's
    base."""
    if native is not None and isinstance(word_counts, (dict, native.WordCounts)):
        native.add_forms(counts, word_counts, memo, make, limit)
    else:
        _add_forms(counts, word_counts, memo, make, limit)


def _word_counts(words: list[str], uses: Sequence[int]) -> Counter[str]:
    """The words (distinct) and their uses as a Counter, in that order: the twin of the compiled
    `word_counts`, the read-only mapping `index_tokens` makes for `Prose.word_counts`."""
    if len(set(words)) != len(words) or len(uses) != len(words):
        raise ValueError("word_counts: each word once, with its uses")
    return Counter(dict(zip(words, uses, strict=True)))


word_counts: Callable[[list[str], Sequence[int]], Mapping[str, int]] = (
    native.word_counts if native is not None else _word_counts
)
"""A story's word counts, read-only, from its words (distinct str, in order) and their uses."""


def _sorted_line(data: bytes | mmap.mmap, key: bytes, sep: int, mode: int) -> int:
    newline, mark, size = b"\n", bytes((sep,)), len(key)
    lo, hi = 0, len(data)  # both line starts (or the end): the line sought starts in [lo, hi]
    while lo < hi:
        mid = (lo + hi) // 2
        start = data.rfind(newline, lo, mid) + 1 or lo
        end = data.find(newline, mid)
        if end < 0:
            end = len(data)
        cut = data.find(mark, start, end)
        head = data[start : end if cut < 0 else cut]
        if mode:
            head = head[:size]
        elif head == key:
            return start
        if head < key or mode == 2 and head == key:
            lo = end + 1
        else:
            hi = start
    return -1 if mode == 0 else min(lo, len(data))


def _sorted_rest(data: bytes | mmap.mmap, key: bytes, sep: int) -> str | None:
    at = _sorted_line(data, key, sep, 0)
    if at < 0:
        return None
    start = at + len(key) + 1
    end = data.find(b"\n", start)
    return data[start : len(data) if end < 0 else end].decode("utf-8")


def _count_lines(data: bytes | mmap.mmap) -> int:
    whole = data if isinstance(data, bytes) else data[:]  # a map has no count(): copied
    return whole.count(b"\n") + (0 if not whole or whole.endswith(b"\n") else 1)


def _table_rows(data: str | bytes | mmap.mmap) -> dict[str, str]:
    text = data if isinstance(data, str) else data[:].decode("utf-8")
    return dict(line.split("\t", 1) for line in text.splitlines() if "\t" in line)


def table_rows(data: str | bytes | mmap.mmap) -> dict[str, str]:
    """A table's rows: each line's key (what precedes its first tab) -> the rest of the line,
    lines without a tab left out, a later line winning (`rules._tables`' RowTable, once it is
    looked up often). Its bytes (or a memory map) are read in C where it is built: 29,000 rows
    in Python cost a corpus run's process about 80 M instructions, a tenth of that in C."""
    if native is not None and not isinstance(data, str):
        rows = native.table_rows(data)
        if rows is not None:
            return rows  # type: ignore[no-any-return]
    return _table_rows(data)  # a str, another line end than "\n" or bytes that are no UTF-8


_WORD_RUN = re.compile(r"\w+")


def _double_starts(text: str) -> list[int]:
    starts: list[int] = []
    before: re.Match[str] | None = None
    for m in _WORD_RUN.finditer(text):
        if before is not None:
            a, b = before.group(), m.group()
            if (
                len(a) == len(b)
                and text[before.end() : m.start()].isspace()
                and all(
                    x.lower() == y.lower() for x, y in zip(a, b, strict=True) if x.isascii() and y.isascii()
                )
            ):
                starts.append(before.start())
        before = m
    return starts


double_starts: Callable[[str], list[int]] = native.double_starts if native is not None else _double_starts
"""The start of every run of word characters (re's \\w) that the next run, across white space
alone, may repeat, in order: as long, their ASCII letters equal ignoring case, other characters
maybe equal (NL103's `\\b(\\w+)(\\s+)(\\1)\\b`, re.IGNORECASE, can only match at these)."""


Value = TypeVar("Value")


def _once(load: Callable[[], Value]) -> Callable[[], Value]:
    held: list[Value] = []

    def get() -> Value:
        if not held:
            value = load()
            if not held:  # a load that asked for itself keeps the first answer
                held.append(value)
        return held[0]

    return get


def once(load: Callable[[], Value]) -> Callable[[], Value]:
    """`functools.cache` for a getter without arguments (a word list, a table): `load` runs at
    the first call and every later call returns what it returned; a `load` that raises leaves
    nothing held. The rules ask for their lists and tables about 80 times a story: through
    `cache` each call makes and hashes a key and looks it up in a dict (about 445 instructions);
    the compiled getter (`_native.Once`, a vectorcall) returns the held object. Named after
    `load` (`functools.update_wrapper`)."""
    getter = native.Once(load) if native is not None else _once(load)
    return update_wrapper(getter, load)


_FNV_OFFSET, _FNV_PRIME, _MASK64 = 14695981039346656037, 1099511628211, (1 << 64) - 1


def _fnv1a64(key: bytes) -> int:
    h = _FNV_OFFSET
    for byte in key:
        h = ((h ^ byte) * _FNV_PRIME) & _MASK64
    return h


def _line_filter(data: bytes | mmap.mmap, sep: int, bits: int) -> bytes:
    if not 3 <= bits <= 32:
        raise ValueError("line_filter: bits must be from 3 to 32")
    whole, mask = bytes(data), (1 << bits) - 1
    lines = whole.split(b"\n")
    if not whole or whole.endswith(b"\n"):
        lines.pop()  # no line after the last newline
    filter_ = bytearray((mask + 1) >> 3)
    mark = bytes((sep,))
    for line in lines:
        h = _fnv1a64(line.partition(mark)[0])
        for at in (h & mask, (h >> 32) & mask):
            filter_[at >> 3] |= 1 << (at & 7)
    return bytes(filter_)


def _may_hold(filter_: bytes, word: str) -> bool:
    size = len(filter_)
    if not word.isascii() or size < 1 or size & (size - 1):
        return True
    mask = (size << 3) - 1
    h = _fnv1a64(word.encode("ascii"))
    return all(filter_[at >> 3] >> (at & 7) & 1 for at in (h & mask, (h >> 32) & mask))


def _edit_hash(key: bytes) -> int:
    """The compiled `edit_hash`: FNV-1a of the bytes (from the compiled FNV_OFFSET, which is not
    the usual one: the edit filters' hash, kept), then splitmix64's finaliser."""
    h = 1469598103934665603
    for byte in key:
        h = ((h ^ byte) * _FNV_PRIME) & _MASK64
    h = ((h ^ (h >> 30)) * 0xBF58476D1CE4E5B9) & _MASK64
    h = ((h ^ (h >> 27)) * 0x94D049BB133111EB) & _MASK64
    return h ^ (h >> 31)


def split_key(head: str, tail: str) -> int:
    """The compiled `split_key` of a split of a lowercase word into `head` and `tail` (or of two
    words one space apart): up to three of the head's last letters, a space and up to three of
    the tail's first, the bytes of a little-endian integer, a missing letter 0."""
    about = head[-3:].rjust(3, "\0") + " " + tail[:3].ljust(3, "\0")
    return int.from_bytes(about.encode("ascii"), "little")


def _split_hash(key: int) -> int:
    """The compiled `split_hash` of a `split_key`: times 2**64 over the golden ratio, its top
    bits folded into the low ones."""
    h = (key * 0x9E3779B97F4A7C15) & _MASK64
    return h ^ (h >> 29)


def _split_marks(keys: Iterable[str], shortest: int) -> bytes:
    """The compiled `split_marks`: a blocked Bloom filter (`edit_filter`'s layout: a key's five
    probes in the 64-bit word its hash's bits 32 up choose, six bits a probe from the lowest) of
    the `split_hash` of the `split_key` of every split of the keys of `shortest` letters or more
    that are lowercase ASCII letters only, the least power of two bits from 1024 that is four
    bits a split or more."""
    words = [k for k in keys if k.isascii() and k.isalpha() and k.islower() and len(k) >= shortest]
    bits = 1024
    while bits < 4 * sum(len(w) - 1 for w in words):
        bits <<= 1
    filter_ = [0] * (bits >> 6)
    for w in words:
        for q in range(1, len(w)):
            h = _split_hash(split_key(w[:q], w[q:]))
            for j in range(5):
                filter_[(h >> 32) & ((bits >> 6) - 1)] |= 1 << ((h >> (6 * j)) & 63)
    return b"".join(word.to_bytes(8, "little") for word in filter_)


def word_table_size(count: int) -> int:
    """The slots of a `WordTable` of `count` lines: the least power of two from 64 that is 3/2
    of them or more."""
    slots = 64
    while 2 * slots < 3 * count:
        slots <<= 1
    return slots


def _table_lines(data: bytes | mmap.mmap) -> list[bytes]:
    whole = bytes(data)
    lines = whole.split(b"\n")
    if not whole or whole.endswith(b"\n"):
        lines.pop()  # no line after the last newline
    return lines


def _word_table_slots(data: bytes | mmap.mmap, sep: str) -> bytes:
    whole, mark = bytes(data), sep.encode("ascii")
    lines = _table_lines(whole)
    size = word_table_size(len(lines))
    shift, mask = 64 - size.bit_length() + 1, size - 1
    slots = [0] * size
    start = 0
    for line in lines:
        key = line.partition(mark)[0]
        if key and start < 0xFFFFFFFF:
            h = _edit_hash(key)
            i, tag = (h >> shift) & mask, (h & 0xFFFFFFFF) << 32
            while slots[i] and not _slot_is(slots[i], tag, whole, mark, key):
                i = (i + 1) & mask
            if not slots[i]:
                slots[i] = tag | (start + 1)
        start += len(line) + 1
    return struct.pack(f"<{size}Q", *slots)


def _slot_is(slot: int, tag: int, whole: bytes, mark: bytes, key: bytes) -> bool:
    """Whether a table's slot is of `key` (its hash's tag `tag`)."""
    return slot >> 32 << 32 == tag and _key_at(whole, (slot & 0xFFFFFFFF) - 1, mark) == key


def _key_at(whole: bytes, at: int, mark: bytes) -> bytes:
    end = whole.find(b"\n", at)
    return whole[at : len(whole) if end < 0 else end].partition(mark)[0]


def _word_table_holds(data: bytes | mmap.mmap, slots: bytes, sep: str, word: str) -> bool:
    """Whether a `WordTable` of the lines and slots holds `word`: the compiled lookup's twin."""
    try:
        key = word.encode("utf-8")
    except UnicodeEncodeError:
        return False  # (a lone surrogate: no line's key)
    size = len(slots) // 8
    if not key or size < 64 or size & (size - 1):
        return False
    whole, mark = bytes(data), sep.encode("ascii")
    shift, mask = 64 - size.bit_length() + 1, size - 1
    h = _edit_hash(key)
    i, tag = (h >> shift) & mask, (h & 0xFFFFFFFF) << 32
    while slot := struct.unpack_from("<Q", slots, 8 * i)[0]:
        if _slot_is(slot, tag, whole, mark, key):
            return True
        i = (i + 1) & mask
    return False


word_table_slots: Callable[[bytes | mmap.mmap, str], bytes] = (
    native.word_table_slots if native is not None else _word_table_slots
)
"""The slots of a `WordTable` of the lines (uint64, little-endian on the machines newslint
ships for): what the compiled `WordTable` builds when it is not given them (and what the word
list ships, `scripts/build_table_data.py`)."""

if native is not None:
    WordTable: type | None = native.WordTable
    AbstractSet.register(native.WordTable)
else:
    WordTable = None
"""The compiled set of a table's keys read in its bytes (`_native.WordTable(data, sep, slots)`:
`in`, `len`, iteration, `&`, `keys()`, `rest(key)`), or None in pure Python."""


line_filter: Callable[[bytes | mmap.mmap, int, int], bytes] = (
    native.line_filter if native is not None else _line_filter
)
"""A filter of the keys of a table of lines (what precedes the first byte `sep` on a line, or the
whole line), 2**bits bits as bytes: each key's FNV-1a hash sets two bits. `may_hold` reads it."""
may_hold: Callable[[bytes, str], bool] = native.may_hold if native is not None else _may_hold
"""False when `line_filter`'s filter shows that no key of its table is `word` (its UTF-8), else
True: the table may hold it (a word not of ASCII alone is always True). A search's stand-in for
the words a table lacks (`SortedLines.lacks`: the rare words, asked about every new word)."""


split_marks: Callable[[Iterable[str], int], bytes] = (
    native.split_marks if native is not None else _split_marks
)
"""A filter of the letters about every split of the lowercase keys of `shortest` letters or more
(`split_key`: up to three either side): `_native.split_pairs` tests a pair of words one space
apart against it before it hashes their join (NL105's `_split`)."""

count_lines: Callable[[bytes | mmap.mmap], int] = native.count_lines if native is not None else _count_lines
"""How many lines the bytes (or a memory map) hold: their newlines, and a last line without one."""

sorted_line: Callable[[bytes | mmap.mmap, bytes, int, int], int] = (
    native.sorted_line if native is not None else _sorted_line
)
"""A binary search of a table of lines sorted by key (what precedes the first byte `sep` on a
line, or the whole line), in its bytes (bytes, or a memory map: read in place). UTF-8 keys sort
as bytes as their text sorts. mode 0: the start of the line whose key is `key`, or -1; mode 1:
the start of the first line whose key, cut to the length of `key`, is not less than it (the
data's length when none is); mode 2: the first whose cut key is greater (`rules._tables`'
SortedLines: a short check's lookups in the shipped word tables)."""
sorted_rest: Callable[[bytes | mmap.mmap, bytes, int], str | None] = (
    native.sorted_rest if native is not None else _sorted_rest
)
"""What follows `key` and the byte `sep` on the line of such a table whose key is `key`, decoded
from UTF-8, or None when no line has it: `sorted_line`'s search and the line's rest in one call
(`SortedLines.rest`: a word's rank, a table's row)."""


__all__ = [
    "Lookup",
    "WordTable",
    "word_counts",
    "add_forms",
    "body_openers",
    "bare_name",
    "bracketed_acronyms",
    "count_lines",
    "double_starts",
    "EditTargets",
    "edit_targets",
    "edits_among",
    "edits_among_each",
    "line_filter",
    "line_index",
    "lookup_filter_sizes",
    "lookup_filters",
    "may_hold",
    "native",
    "near_words",
    "near_words_in_index",
    "near_words_in_line",
    "once",
    "one_edit_away",
    "osa_within_two",
    "pair_steps",
    "table_line_starts",
    "sorted_line",
    "sorted_rest",
    "split_key",
    "split_marks",
    "table_rows",
    "unlisted_capital",
    "within_two_of",
    "word_splits",
    "word_table_size",
    "word_table_slots",
]
