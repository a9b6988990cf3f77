"""A desk profile: what a newsroom's archive says about how the desk writes (`newslint learn`).

A profile is a sum over stories, so partial profiles merge exactly (`newslint learn --merge`):

- `stories`: how many stories were learned;
- the word table: each word as written (case kept), how often the desk writes it (`uses`) and in
  how many stories (`stories_with`), from the prose words of every story;
- sections: what each rule that learns (`Rule.learn`) found, by rule name, as named tables of
  counts that the rule alone reads back at check time (`profile.section("english-variety-mix")`).

On disk (docs/profile.md) a profile is gzip-compressed UTF-8 text: a first line naming the
format and its version (`newslint-profile 1`), a JSON line of facts (stories, the tables and
their sizes), then each table as a line of keys in sorted order, tab-separated, and a line of
its counts (base64 of little-endian 64-bit integers: decoded in one step, where parsing numbers
written out costs more than the rest of loading). gzip's checksum and length catch a truncated
or damaged file; a profile from a newer newslint is refused by its version. A table read from a
file is looked up by binary search on its sorted keys, never built into a dictionary, so a
check pays only for the lookups it makes.

    profile = Profile()
    profile.add_story(Counter({"February": 2, "regime": 1}), {"quote-style-mix": {"marks": ...}})
    profile.save(Path("desk.nlprofile"))
    Profile.load(Path("desk.nlprofile")).uses("February")   # 2
"""

from __future__ import annotations

import bisect
import os
import sys
import zlib
from array import array
from collections import Counter
from collections.abc import Iterable, Iterator, Mapping
from pathlib import Path
from typing import Any

from newslint.native import native

FORMAT = "newslint-profile"
VERSION = 1
SUFFIX = ".nlprofile"
# Bounds that keep a profile small and its learning in bounded memory: beyond `MAX_WORDS` entries
# a table drops the words written in the fewest stories (see `prune`); no profile decompresses to
# more than `MAX_TEXT` bytes (a damaged or hostile file is refused, not read without end).
MAX_WORDS = 1_000_000
MAX_SECTION_ENTRIES = 200_000
MAX_TEXT = 1 << 30
WORDS, WORD_STORIES = "words", "word-stories"  # the shared tables; a rule's are "<rule>/<table>"


class ProfileError(Exception):
    """A profile that cannot be used, worded as one line naming the file."""


class Table(Mapping[str, int]):
    """Counts read from a profile file: sorted keys and their counts, looked up by binary search
    (split and decoded on first use). Like a Counter, a missing key counts 0."""

    def __init__(self, keys: str | Table, counts: bytes, size: int) -> None:
        # `keys` may be another table with the same keys (word-stories shares words'): split once
        self._raw: tuple[str | Table, bytes] | None = (keys, counts)
        self._size = size
        self._keys: list[str] = []
        self._counts: array[int] = array("q")

    def _ready(self) -> None:
        if self._raw is not None:
            keys, counts = self._raw
            if isinstance(keys, Table):
                keys._ready()
                self._keys = keys._keys
            else:
                self._keys = keys.split("\t") if self._size else []
            self._counts = _decode(counts)
            self._raw = None

    def get(self, key: str, default: int = 0) -> int:  # type: ignore[override]
        self._ready()
        i = bisect.bisect_left(self._keys, key)
        return self._counts[i] if i < len(self._keys) and self._keys[i] == key else default

    def __getitem__(self, key: str) -> int:
        return self.get(key, 0)

    def __contains__(self, key: object) -> bool:
        return isinstance(key, str) and self.get(key, -1) >= 0

    def __iter__(self) -> Iterator[str]:
        self._ready()
        return iter(self._keys)

    def __len__(self) -> int:
        return self._size

    def counter(self) -> Counter[str]:
        self._ready()
        return Counter(dict(zip(self._keys, self._counts, strict=True)))


Counts = Counter[str] | Table


class Profile:
    """A desk profile (see the module's docstring)."""

    def __init__(self, stories: int = 0, pruned_below: int = 0) -> None:
        self.stories = stories
        # Words (and section entries) counted in fewer stories than this may be missing: dropped
        # to bound the tables (0: nothing dropped, every count exact).
        self.pruned_below = pruned_below
        self._tables: dict[str, Counts] = {WORDS: Counter(), WORD_STORIES: Counter()}

    def __repr__(self) -> str:
        return f"Profile(stories={self.stories}, words={len(self.words)}, tables={sorted(self._tables)})"

    # --- reading -------------------------------------------------------------------------
    @property
    def words(self) -> Mapping[str, int]:
        """Word as written -> how often the desk writes it."""
        return self._tables[WORDS]

    @property
    def word_stories(self) -> Mapping[str, int]:
        """Word as written -> in how many stories the desk writes it."""
        return self._tables[WORD_STORIES]

    def uses(self, word: str) -> int:
        return self._tables[WORDS].get(word, 0)

    def stories_with(self, word: str) -> int:
        return self._tables[WORD_STORIES].get(word, 0)

    def section(self, rule_name: str) -> dict[str, Mapping[str, int]]:
        """The tables of what the rule named `rule_name` learned (empty when it learned nothing)."""
        prefix = f"{rule_name}/"
        return {name[len(prefix) :]: t for name, t in self._tables.items() if name.startswith(prefix)}

    @property
    def sections(self) -> dict[str, dict[str, Mapping[str, int]]]:
        """rule name -> table name -> counts."""
        out: dict[str, dict[str, Mapping[str, int]]] = {}
        for name, table in self._tables.items():
            if "/" in name:
                rule, part = name.split("/", 1)
                out.setdefault(rule, {})[part] = table
        return out

    def never(self, word: str) -> str:
        """How to say how often the desk writes `word`: '3 times', 'never', or, in a pruned
        profile (which drops words of few stories), 'in fewer than N stories'."""
        if self.uses(word):
            return times(self.uses(word))
        return f"in fewer than {self.pruned_below} stories" if self.pruned_below else "never"

    # --- learning: a sum -----------------------------------------------------------------
    def _counter(self, name: str) -> Counter[str]:
        """The table `name` as a Counter that can be added to (a table read from a file is
        turned into one)."""
        table = self._tables.get(name)
        if not isinstance(table, Counter):
            table = self._tables[name] = table.counter() if table is not None else Counter()
        return table

    def add_story(
        self, word_counts: Mapping[str, int], learned: Mapping[str, Mapping[str, Mapping[str, int]]]
    ) -> None:
        """Count one story: its prose words and what each rule learned from it."""
        self.stories += 1
        self._counter(WORDS).update(word_counts)
        self._counter(WORD_STORIES).update(word_counts.keys())
        self._add_sections(learned)

    def merge_words(self, uses: Mapping[str, int], stories: Mapping[str, int]) -> None:
        """Add word counts of stories already counted in `stories` (learning counts a batch of
        stories' words at once)."""
        self._counter(WORDS).update(uses)
        self._counter(WORD_STORIES).update(stories)

    def add_tables(self, tables: Mapping[str, Mapping[str, int]]) -> None:
        """Add what rules learned from stories already counted in `stories`, by table name
        (`<rule>/<table>`)."""
        for name, counts in tables.items():
            if counts:
                self._counter(name).update(counts)

    def merge(self, other: Profile) -> Profile:
        """Add `other` into this profile (in place) and return it."""
        self.stories += other.stories
        for name, table in other._tables.items():
            if table:
                add_counts(self._counter(name), table if isinstance(table, Counter) else table.counter())
        self.pruned_below = max(self.pruned_below, other.pruned_below)
        return self

    def _add_sections(self, learned: Mapping[str, Mapping[str, Mapping[str, int]]]) -> None:
        for rule, tables in learned.items():
            for name, counts in tables.items():
                if counts:
                    self._counter(f"{rule}/{name}").update(counts)

    def prune(self, max_words: int = MAX_WORDS, max_entries: int = MAX_SECTION_ENTRIES) -> None:
        """Bound the tables: while one holds more entries than allowed, drop the words written in
        fewer than `pruned_below` stories, and the section entries counted fewer times than that:
        first at the bound already in force (2 the first time), then doubling it as long as that
        is not enough. Counts of what is kept stay exact."""
        sections = [name for name in self._tables if "/" in name]
        first = True
        while len(self.words) > max_words or any(len(self._tables[n]) > max_entries for n in sections):
            self.pruned_below = max(2, self.pruned_below if first else self.pruned_below * 2)
            first = False
            low = self.pruned_below
            words, stories = self._counter(WORDS), self._counter(WORD_STORIES)
            for w in [w for w, n in stories.items() if n < low]:
                del words[w], stories[w]
            for name in sections:
                if len(self._tables[name]) > max_entries:
                    counts = self._counter(name)
                    for key in [k for k, n in counts.items() if n < low]:
                        del counts[key]

    # --- files -------------------------------------------------------------------------------
    def dumps(self) -> bytes:
        """The profile as its file's bytes (gzip, deterministic: no time stamp inside)."""
        from newslint import __version__

        names = [WORDS, WORD_STORIES, *sorted(n for n in self._tables if "/" in n and self._tables[n])]
        tables = [(name, _sorted(self._tables[name])) for name in names]
        facts = {
            "stories": self.stories,
            "pruned-below": self.pruned_below,
            "created-by": f"newslint {__version__}",
            "tables": [{"name": name, "size": len(keys)} for name, (keys, _) in tables],
        }
        import gzip  # this module's writing and reading imports: a check without a profile needs none
        import json

        lines = [f"{FORMAT} {VERSION}", json.dumps(facts, ensure_ascii=False, separators=(",", ":"))]
        for _, (keys, counts) in tables:
            lines += ["\t".join(keys), _encode(counts)]
        return gzip.compress(("\n".join(lines) + "\n").encode("utf-8"), compresslevel=6, mtime=0)

    def save(self, path: Path) -> None:
        """Write the profile atomically: a reader never sees half a profile."""
        import tempfile

        data = self.dumps()
        target = path.resolve()
        tmp = None
        try:
            fd, tmp = tempfile.mkstemp(prefix=f".{target.name}.", suffix=".tmp", dir=target.parent)
            with os.fdopen(fd, "wb") as fh:
                fh.write(data)
            os.chmod(tmp, 0o644)
            os.replace(tmp, target)
        except OSError as exc:
            if tmp is not None and os.path.exists(tmp):
                os.unlink(tmp)
            raise ProfileError(f"{path}: cannot write the profile ({exc.strerror or exc})") from None

    @classmethod
    def load(cls, path: Path) -> Profile:
        try:
            data = path.read_bytes()
        except OSError as exc:
            raise ProfileError(f"{path}: cannot read the profile ({exc.strerror or exc})") from None
        return cls.loads(data, str(path))

    @classmethod
    def loads(cls, data: bytes, name: str = "profile") -> Profile:
        """The profile in a file's bytes, checked whole: its header, its facts, and each table's
        number of keys and counts (the tables are split and decoded on first use)."""
        import json

        lines = _decompress(data, name).split("\n")
        _check_header(lines[0], name)
        if len(lines) < 3:
            raise ProfileError(f"{name}: not a complete newslint profile (it ends after its first line)")
        try:
            facts = json.loads(lines[1])
            profile = cls(stories=_count(facts["stories"]), pruned_below=_count(facts.get("pruned-below", 0)))
            tables = [(str(t["name"]), _count(t["size"])) for t in facts["tables"]]
        except (ValueError, KeyError, TypeError) as exc:
            raise ProfileError(f"{name}: damaged newslint profile (its facts line: {exc})") from None
        profile._tables.update(_read_tables(lines[2:], tables, name))
        return profile

    @classmethod
    def from_mapping(cls, data: Mapping[str, Any]) -> Profile:
        """A profile written out by hand (rule test cases): `{stories = 100, words = {February =
        [9812, 90]}, sections = {...}}`: uses and stories per word (one number: both)."""
        profile = cls(stories=int(data.get("stories", 0)))
        for rule, tables in dict(data.get("sections", {})).items():
            profile._add_sections({rule: tables})
        words, stories = profile._counter(WORDS), profile._counter(WORD_STORIES)
        for word, counts in dict(data.get("words", {})).items():
            uses, in_stories = (counts, counts) if isinstance(counts, int) else counts
            words[word], stories[word] = int(uses), int(in_stories)
        return profile


def _add_counts(total: Counter[str], counts: Mapping[str, int], ones: bool = False) -> None:
    if ones:
        total.update(counts.keys())
    else:
        total.update(counts)


def add_counts(total: Counter[str], counts: Mapping[str, int], ones: bool = False) -> None:
    """Add `counts` into `total` (`total.update(counts)`), or, with `ones`, 1 for each of its
    keys (in how many of the parts added a key is): the sums of learning, done in C by
    `newslint._native.add_counts` when it is built (`counts` a dict), else by `Counter.update`."""
    if native is not None and isinstance(counts, dict) and counts is not total:
        native.add_counts(total, counts, ones)
    else:
        _add_counts(total, counts, ones)


def _sorted(table: Mapping[str, int]) -> tuple[list[str], list[int]]:
    """Keys in sorted order with their counts; keys a line cannot hold (empty, or with a tab or a
    line break: no word has one) are left out."""
    keys = sorted(k for k in table if k and "\t" not in k and "\n" not in k)
    return keys, [table[k] for k in keys]


def _encode(counts: list[int]) -> str:
    import base64

    packed = array("q", counts)
    if sys.byteorder == "big":
        packed.byteswap()
    return base64.b64encode(packed.tobytes()).decode("ascii")


def _decode(data: bytes) -> array[int]:
    packed = array("q")
    packed.frombytes(data)
    if sys.byteorder == "big":
        packed.byteswap()
    return packed


def _read_tables(lines: list[str], tables: list[tuple[str, int]], name: str) -> dict[str, Table]:
    """The tables' lines, checked (their number, and each table's number of keys and of counts)."""
    import base64
    import binascii

    names = [t for t, _ in tables]
    if names[:2] != [WORDS, WORD_STORIES] or any("/" not in t for t in names[2:]):
        raise ProfileError(f"{name}: damaged newslint profile (its list of tables)")
    if lines and lines[-1] == "":
        lines = lines[:-1]
    if len(lines) != 2 * len(tables):
        raise ProfileError(
            f"{name}: damaged newslint profile "
            f"({len(lines)} table lines where {2 * len(tables)} were written)"
        )
    found: dict[str, Table] = {}
    previous: tuple[str, Table] | None = None
    for i, (table, size) in enumerate(tables):
        keys, counts = lines[2 * i], lines[2 * i + 1]
        try:
            packed = base64.b64decode(counts, validate=True)
        except (binascii.Error, ValueError):
            packed = b"?"
        if (keys.count("\t") + 1 if keys else 0) != size or len(packed) != 8 * size:
            raise ProfileError(f"{name}: damaged newslint profile (table {table!r} is not {size} entries)")
        same = previous is not None and previous[0] == keys  # a C-level comparison
        found[table] = Table(previous[1] if same and previous else keys, packed, size)
        previous = (keys, found[table])
    return found


def times(n: int) -> str:
    return "once" if n == 1 else f"{n:,} times"


def _decompress(data: bytes, name: str) -> str:
    if data[:2] != b"\x1f\x8b":
        raise ProfileError(f"{name}: not a newslint profile (not gzip data; make one with `newslint learn`)")
    out = bytearray()
    try:
        while data:  # gzip members one after another, as gzip itself reads them
            inflater = zlib.decompressobj(16 + zlib.MAX_WBITS)
            out += inflater.decompress(data, MAX_TEXT + 1 - len(out))
            if len(out) > MAX_TEXT:
                raise ProfileError(
                    f"{name}: larger than {MAX_TEXT >> 20} MB unpacked; not a profile newslint wrote"
                )
            if not inflater.eof:
                raise ProfileError(f"{name}: truncated newslint profile (its compressed data ends early)")
            data = inflater.unused_data
    except zlib.error as exc:
        raise ProfileError(f"{name}: damaged newslint profile ({exc})") from None
    try:
        return out.decode("utf-8")
    except UnicodeDecodeError:
        raise ProfileError(f"{name}: damaged newslint profile (not UTF-8 text)") from None


def _check_header(head: str, name: str) -> None:
    """The first line: the format's name and a version this newslint reads."""
    kind, _, version = head.partition(" ")
    if kind != FORMAT or not version.isdigit():
        raise ProfileError(f"{name}: not a newslint profile (first line {head[:40]!r})")
    if int(version) > VERSION:
        raise ProfileError(
            f"{name}: profile format {version} is newer than this newslint reads (up to {VERSION}); "
            "upgrade newslint or learn the profile again"
        )


def _count(value: Any) -> int:
    if not isinstance(value, int) or isinstance(value, bool) or value < 0:
        raise ValueError(f"expected a count, got {value!r}")
    return value


def merged(profiles: Iterable[Profile]) -> Profile:
    total = Profile()
    for p in profiles:
        total.merge(p)
    return total
