"""Learning a desk profile from an archive of stories (`newslint learn`).

The engine knows nothing of what rules learn: it reads each story, counts its prose words as
written (the profile's shared word table) and asks every rule that learns (`Rule.learn`) what the
story teaches it, summing the counters by rule name (`newslint.profile.Profile`). Learning is a
sum, so any split of an archive learns the same profile: worker processes (`--jobs`) each learn a
share of the stories and the parent merges their partial profiles; a cluster can do the same
with `learn_texts`, the one function that turns stories into a partial profile.

Learning reads a story coarsely, for speed (an archive is large, and learning needs counts, not
places): blocks between blank lines, a first one-line block as the headline, paragraphs at
indented lines (wire copy), sentences ended by a stop before a capital or a figure. It does not
look for quotations, tables or markup as `check` does.

    profile = learn_texts(["Regime forces\\n\\nThe regime said ...", ...])
"""

from __future__ import annotations

import re
import sys
from array import array
from bisect import bisect_right
from collections import Counter
from collections.abc import Callable, Collection, Iterable, Iterator, Sequence
from collections.abc import Set as AbstractSet
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path
from typing import TYPE_CHECKING, Any

from newslint.document import Document, SpanSet
from newslint.native import native
from newslint.profile import Profile, add_counts
from newslint.span import LazyLineIndex, Span, offsets
from newslint.tokens import TOKEN, LetterTest, Prose, TokenKind, kind_of

if TYPE_CHECKING:
    from newslint.rule import Rule
    from newslint.runner import ConfigResolver

_BLANK_LINE = re.compile(r"\n[ \t\r]*\n\s*")  # blocks end at a blank line
_INDENTED = re.compile(r"\n(?=[ \t]+\S)")  # a wire paragraph starts on an indented line
# A run of stops is tried from its first stop only (the look-behind), so a long run costs no more
# than its length.
_SENTENCE_END = re.compile(r"[.!?](?<![.!?][.!?])[.!?]*+[\"”’')\]]*+\s++(?=[\"“‘'(\[]?[A-Z0-9])")
MAX_HEADLINE_CHARS = 200
# Stories per task sent to a worker process, or characters, whichever comes first: each task's
# partial profile is merged into the total in Python, so fewer, larger tasks cost the parent less
# (2,000 stories: half the parent's time of 400), and a task's words are few megabytes.
CHUNK_STORIES = 2000
CHUNK_CHARS = 1 << 21


def read_story(text: str, path: str = "-") -> Document:
    """The coarse document learning reads (see the module's docstring). Its parts keep the white
    space around them: tokens are the same either way. Read by one C-level scan
    (`newslint._native.story_parts`) when it is built: the twin's twenty-odd pattern scans and
    spans a story cost a tenth of learning it."""
    headline, paragraphs, sentences = story_parts(text)
    return Document(text, path, "text", headline=headline, paragraphs=paragraphs, sentences=sentences)


def story_parts(text: str) -> tuple[Span | None, tuple[Span, ...], tuple[Span, ...]]:
    """(headline, paragraphs, sentences) of `read_story`: one C-level scan when it is built."""
    if native is not None:
        parts: tuple[Span | None, tuple[Span, ...], tuple[Span, ...]]
        parts = native.story_parts(text, Span, MAX_HEADLINE_CHARS)
        return parts
    return _story_parts(text)


def _story_parts(text: str) -> tuple[Span | None, tuple[Span, ...], tuple[Span, ...]]:
    """(headline, paragraphs, sentences) of `read_story`, by its patterns."""
    blocks = list(_split(text, Span(0, len(text)), _BLANK_LINE))
    headline = None
    if len(blocks) > 1:
        first = text[blocks[0].start : blocks[0].end].strip()
        if (
            first
            and "\n" not in first
            and len(first) <= MAX_HEADLINE_CHARS
            and not first.endswith((".", ":"))
        ):
            headline, blocks = blocks[0], blocks[1:]
    paragraphs = tuple(p for b in blocks for p in _split(text, b, _INDENTED))
    sentences = [headline] if headline else []
    sentences += [s for p in paragraphs for s in _split(text, p, _SENTENCE_END)]
    return headline, paragraphs, tuple(sentences)


class _Unindexed(Prose):
    """A story's prose read sentence by sentence, never indexed: the rules that learn ask for the
    tokens of a few words (NL201's candidates) in a third of the stories, and finding them in the
    sentences that hold them costs half of indexing every token of the story first."""

    __slots__ = ()

    def index(self) -> None:
        return None

    def _sentences_holding(self, few: Collection[str]) -> Iterator[Span]:
        """The sentences whose text holds one of the strings `few`, in order, as
        `Prose._sentences_holding` finds them, from each string's places in the text (C-level
        searches): a story's few candidate words differ from story to story, and the pattern of
        them that method compiles cost more than the rest of NL201's learning of a story."""
        text, ordered = self.text, self.sentences
        starts = self._starts
        if starts is None:
            starts = self._starts = offsets((s.start for s in ordered), len(text))
        holding: set[int] = set()
        find = text.find
        for w in few:
            at = find(w)
            while at >= 0:
                i = bisect_right(starts, at) - 1
                if i >= 0 and at + len(w) <= ordered[i].end:
                    holding.add(i)
                    at = find(w, ordered[i].end)  # the sentence holds it: on to the next one
                else:
                    at = find(w, at + 1)
        for i in sorted(holding):
            yield ordered[i]


def _split(text: str, span: Span, at: re.Pattern[str]) -> Iterator[Span]:
    """`span` cut where `at` matches: each piece ends where the match's white space starts."""
    start = span.start
    new = tuple.__new__  # valid spans by construction: Span's checks skipped (a story has hundreds)
    for m in at.finditer(text, span.start, span.end):
        end = m.start() + len(m.group().rstrip())
        if end > start:
            yield new(Span, (start, end))
        start = m.end()
    if span.end > start:
        yield new(Span, (start, span.end))


def learning_rules() -> list[Rule]:
    """Every shipped rule that learns, with its default options: the profile describes the desk,
    not the settings of one run."""
    from newslint.registry import all_rules

    return [rule() for rule in all_rules() if rule.learns()]


def learn_texts(texts: Iterable[str], rules: list[Rule] | None = None) -> Profile:
    """The profile of these stories (each a story's text: headline, blank line, body)."""
    learner = Learner(rules)
    learner.learn(texts)
    return learner.profile()


class Learner:
    """Running sums of the stories learned so far: the word table and each rule's tables, kept
    from batch to batch until `profile` takes them (a worker process learns every batch it is
    given into one `Learner`, and ships its sums once, not a partial profile a batch).

    Each story is read once by a C-level scan (`story_words`) that gives its tokens, which every
    rule that learns shares (`written_tokens`), and counts its words (`Document.word_counts`);
    the sums (the word table, the rules' tables) are added in C (`add_counts`), story by story,
    so that no story's words are held after it is learned."""

    def __init__(self, rules: list[Rule] | None = None) -> None:
        self.rules = learning_rules() if rules is None else rules
        self.tests = list(dict.fromkeys(test for rule in self.rules for test in rule.learn_words()))
        self._start()

    def _start(self) -> None:
        self.stories = 0
        self.words = WordTally(self.tests[:TALLIED_TESTS])
        self.learned: list[dict[str, Counter[str]]] = [{} for _ in self.rules]

    def learn(self, texts: Iterable[str]) -> None:
        """Add these stories to the sums."""
        rules, tests, words = self.rules, self.tests, self.words
        untallied = tests[TALLIED_TESTS:]
        learners = list(zip(rules, self.learned, strict=True))
        # The sums of every story, in C when it is built: the wrapper's checks cost more than the
        # adding of a lesson's one or two keys (29 keys a story in six lessons).
        add = add_counts if native is None else native.add_counts
        for text in texts:
            self.stories += 1
            counts: Counter[str] = Counter()
            tokens = story_words(text, counts)
            doc = _learned_story(text, counts, words.add(counts), tokens)
            if untallied:
                doc.select_all(untallied)  # the tests past TALLIED_TESTS, from the story's words' bits
            for rule, tables in learners:
                for table, found in rule.learn(doc).items():
                    if found:
                        total = tables.get(table)
                        if total is None:
                            total = tables[table] = Counter()
                        add(total, found, False)

    def distinct_words(self) -> int:
        return len(self.words.index)

    def profile(self) -> Profile:
        """The sums as a partial profile; the sums start again from nothing."""
        profile = Profile(stories=self.stories)
        profile.merge_words(*self.words.counters())
        profile.add_tables(
            {
                f"{type(rule).name}/{table}": counts
                for rule, tables in zip(self.rules, self.learned, strict=True)
                for table, counts in tables.items()
            }
        )
        self._start()
        return profile


# The rules' letter tests whose results the word tally remembers (two bits a test in a 64-bit
# integer a word); any others are remembered by `LetterTest` itself.
TALLIED_TESTS = 32


class WordTally:
    """The word table of a batch of stories: each word's uses and the stories that write it,
    summed story by story in native integers (`newslint._native.tally_words` when it is built:
    one dict lookup per distinct word of a story and one record of its sums, no Python int per
    sum; else Python lists).

    The same lookup reads what `tests` (the learning rules' letter tests) answered for the word,
    remembered in its record beside its sums: so a story's words are selected for every rule
    without a second walk over them in `LetterTest`'s own memory (40,000-100,000 words: each
    lookup there cost as much as the tally's), and a word is tested once while the tally holds
    it, not again each time that memory is forgotten at its bound."""

    def __init__(self, tests: Sequence[LetterTest] = ()) -> None:
        if len(tests) > TALLIED_TESTS:
            raise ValueError(f"at most {TALLIED_TESTS} letter tests a tally")
        self.tests = tuple(tests)
        self._passes = tuple(test.passes for test in self.tests)
        self.index: dict[str, int] = {}
        # compiled: a record a word of three native integers (uses, stories, the tests' bits)
        self.sums = bytearray()
        self.uses: list[int] = []
        self.stories: list[int] = []
        self.bits: list[int] = []
        self.compiled = native is not None

    def add(self, counts: dict[str, int]) -> dict[LetterTest, AbstractSet[str]]:
        """Add one story's word counts; the words of the story that pass each test."""
        if self.compiled:
            found = native.tally_words(counts, self.index, self.sums, self._passes)  # type: ignore[union-attr]
        else:
            found = self._add(counts)
        return dict(zip(self.tests, found, strict=True))

    def _add(self, counts: dict[str, int]) -> list[set[str]]:
        """The twin of `newslint._native.tally_words`."""
        index, uses, stories, bits = self.index, self.uses, self.stories, self.bits
        found: list[set[str]] = [set() for _ in self.tests]
        for word, n in counts.items():
            i = index.setdefault(word, len(index))
            if i == len(uses):
                uses.append(0)
                stories.append(0)
                bits.append(0)
            uses[i] += n
            stories[i] += 1
            for t, passes in enumerate(self._passes):
                tested, passed = 1 << 2 * t, 2 << 2 * t
                if not bits[i] & tested:  # new to the tally: tested now, and remembered
                    bits[i] |= tested | passed if passes(word) else tested
                if bits[i] & passed:
                    found[t].add(word)
        return found

    def counters(self) -> tuple[Counter[str], Counter[str]]:
        """(uses, stories) of each word."""
        uses, stories = self.uses, self.stories
        if self.compiled:
            records = array("q")
            records.frombytes(self.sums)
            uses, stories = records[0::3].tolist(), records[1::3].tolist()
        return Counter(dict(zip(self.index, uses, strict=True))), Counter(
            dict(zip(self.index, stories, strict=True))
        )


def _story_words(text: str, counts: Counter[str]) -> list[str]:
    tokens = TOKEN.findall(text)
    counts.update(tokens)
    word = TokenKind.WORD
    for w in [w for w in counts if not w.isalpha() and kind_of(w) is not word]:
        del counts[w]
    return tokens


def story_words(text: str, counts: Counter[str]) -> list[str]:
    """The story's tokens as written, in order (`TOKEN.findall(text)`: words and numbers), and
    into `counts` (empty) how often it writes each word (no numbers: `Document.word_counts`), in
    the order of first use: one C-level scan (`newslint._native.story_words`) when it is built."""
    if native is not None:
        tokens: list[str] = native.story_words(text, counts, kind_of, TokenKind.WORD)
        return tokens
    return _story_words(text, counts)


def written_tokens(doc: Document) -> list[str]:
    """The story's tokens as written, in order (`TOKEN.findall` of its text, words and numbers):
    found once by `learn_texts` for every rule that learns, else found here."""
    tokens = doc.__dict__.get(_WRITTEN)
    return TOKEN.findall(doc.text) if tokens is None else tokens


def _joined_pairs(tokens: list[str], words: AbstractSet[str], shortest: int, longest: int) -> set[str]:
    return {
        j
        for a, b in zip(tokens, tokens[1:], strict=False)
        if shortest <= len(a) + len(b) <= longest and (j := a + b) in words
    }


def joined_pairs(tokens: list[str], words: AbstractSet[str], shortest: int, longest: int) -> set[str]:
    """The words of `words` that two neighbouring tokens make joined (`air`, `strikes`:
    `airstrikes`). `words` must hold only words in lowercase letters, `shortest` to `longest`
    characters long: the C-level scan (`newslint._native.joined_pairs`) joins only pairs that
    can make one."""
    if native is not None and isinstance(words, frozenset):
        found: set[str] = native.joined_pairs(tokens, words, shortest, longest, _sketch(words))
        return found
    if native is not None and isinstance(words, set):
        found = native.joined_pairs(tokens, words, shortest, longest)
        return found
    return _joined_pairs(tokens, words, shortest, longest)


@lru_cache(maxsize=4)
def _sketch(words: frozenset[str]) -> bytes:
    """The compiled scan's sketch of `words` (`newslint._native.pair_filter`): a bit per word, by
    its length and its first and last three characters, so that a pair of tokens whose joined
    string has no bit set is passed over without being joined (nine pairs in ten)."""
    sketch: bytes = native.pair_filter(words)  # type: ignore[union-attr]
    return sketch


_WRITTEN = "_written_tokens"
# A learned story has no quotations and no regions (`read_story` looks for none): every story
# shares these, and no story builds its own through `Document`'s cached properties.
_NO_SPANS = SpanSet(())


def _learned_story(
    text: str, counts: Counter[str], selected: dict[LetterTest, AbstractSet[str]], tokens: list[str]
) -> Document:
    """`read_story(text)` with what `Learner` has already found of it: its word counts, the
    words its tallied letter tests select, its tokens as written; its prose read unindexed."""
    headline, paragraphs, sentences = story_parts(text)
    doc = Document(
        text,
        "-",
        "text",
        headline=headline,
        paragraphs=paragraphs,
        sentences=sentences,
        lines=LazyLineIndex(text),
    )
    known = doc.__dict__
    known["word_counts"] = counts  # what `Document.word_counts` would count, already counted
    known["_selected"] = selected  # what `Document.selected` would select, already selected
    known[_WRITTEN] = tokens
    known["_quoted"] = known["_not_prose"] = known["_non_prose"] = known["_tables"] = _NO_SPANS
    known["_line_cases"], known["derivations"] = {}, {}  # made here: no cached property's lock a story
    known["_prose"] = _Unindexed(text, sentences, headline, _NO_SPANS, _NO_SPANS)
    return doc


# --- an archive: files, folders and JSON Lines, streamed ----------------------------------------
@dataclass
class Archive:
    """Where the stories come from, and what went wrong reading them (said, not fatal)."""

    paths: list[Path] = field(default_factory=list)
    jsonl: list[Path] = field(default_factory=list)
    text_field: str = "body"
    headline_field: str | None = None
    problems: list[str] = field(default_factory=list)
    read_bytes: int = 0

    def texts(self, resolver: ConfigResolver) -> Iterator[str]:
        from newslint import sources
        from newslint.config import ConfigError
        from newslint.runner import Skipped, discover

        for path in self.paths:
            if not path.exists():
                self.problems.append(f"{path}: no such file or directory")
                continue
            for file in discover([path], resolver):
                if isinstance(file, Skipped):  # a folder it could not read, a fifo: said, not fatal
                    self.problems.append(file.message)
                    continue
                try:
                    settings = resolver.for_path(file)
                    source = sources.read(file, str(file), settings.fallback_encoding, settings.max_file_size)
                except (sources.SourceError, sources.BinaryFile, ConfigError) as exc:
                    self.problems.append(str(exc))
                    continue
                self.read_bytes += len(source.text)
                yield source.text
        for corpus in self.jsonl:
            yield from self._records(corpus)

    def _records(self, corpus: Path) -> Iterator[str]:
        """The stories of a JSON Lines corpus (`.jsonl.gz` too), one line at a time, never the
        whole file: the reader `check --jsonl` streams with."""
        from newslint import jsonl

        try:
            for record in jsonl.iter_records(corpus, self.text_field, headline_field=self.headline_field):
                self.read_bytes += len(record.raw) + 1
                if record.error:
                    self.problems.append(record.error)
                elif record.value is not None:
                    yield record.text
        except jsonl.CorpusError as exc:
            self.problems.append(str(exc))


def chunks(texts: Iterable[str]) -> Iterator[list[str]]:
    """Stories in batches of about CHUNK_STORIES stories or CHUNK_CHARS characters."""
    batch: list[str] = []
    size = 0
    for text in texts:
        batch.append(text)
        size += len(text)
        if len(batch) >= CHUNK_STORIES or size >= CHUNK_CHARS:
            yield batch
            batch, size = [], 0
    if batch:
        yield batch


# A learner's sums are taken as a partial profile (and merged into the total, which is pruned)
# when its word table grows past this many words, so that a worker's memory stays bounded; an
# archive of fewer distinct words is summed in each worker alone and merged once at the end.
FLUSH_WORDS = 200_000


def learn_archive(
    texts: Iterable[str], jobs: int = 1, on_progress: Callable[[int], None] | None = None
) -> Profile:
    """Learn the stories `texts` (an iterator: read as it goes), in `jobs` worker processes.
    Memory stays bounded: at most two batches per worker are in flight, a learner's sums are
    taken when they hold FLUSH_WORDS words, and the profile is pruned when a table outgrows its
    bound (`Profile.prune`)."""
    total = Profile()

    def take(part: Profile) -> None:
        total.merge(part)
        total.prune()

    if jobs <= 1:
        learner = Learner()
        for batch in chunks(texts):
            learner.learn(batch)
            if learner.distinct_words() >= FLUSH_WORDS:
                take(learner.profile())
            if on_progress is not None:
                on_progress(len(batch))
        take(learner.profile())
        return total
    _learn_in_workers(texts, jobs, take, on_progress)
    return total


def _learn_in_workers(
    texts: Iterable[str],
    jobs: int,
    take: Callable[[Profile], None],
    on_progress: Callable[[int], None] | None,
) -> None:
    """Learn in `jobs` worker processes, each with a `Learner` of its own that keeps its sums
    from batch to batch (`_worker`): a batch goes to the worker with the fewest batches in hand,
    each says when it has learned one, and each sends its sums when they reach FLUSH_WORDS words
    and at the end. The parent only reads the archive and merges a few partial profiles."""
    import multiprocessing  # only parallel runs need it
    import queue

    global _worker_rules
    context = multiprocessing.get_context("fork" if sys.platform.startswith("linux") else None)
    if context.get_start_method() == "fork":
        # The rules' tables (word lists, compounds, variants) load on first use: load them once
        # here, and the forked workers share them instead of each loading its own.
        _worker_rules = learning_rules()
        learn_texts([WARM_UP], _worker_rules)
    results: Any = context.Queue()
    inboxes = [context.Queue() for _ in range(jobs)]  # a feeder thread each: putting never waits
    workers = [
        context.Process(target=_worker, args=(i, inbox, results), daemon=True)
        for i, inbox in enumerate(inboxes)
    ]
    for worker in workers:
        worker.start()
    in_hand = [0] * jobs
    finished = 0

    def receive() -> None:
        nonlocal finished
        while True:
            try:
                i, kind, payload = results.get(timeout=1.0)
                break
            except queue.Empty:
                dead = [w for w in workers if w.exitcode not in (None, 0)]
                if dead:
                    raise RuntimeError(f"a learning worker stopped (exit code {dead[0].exitcode})") from None
        if kind == "error":
            raise RuntimeError(f"a learning worker failed:\n{payload}")
        if kind == "learned":
            in_hand[i] -= 1
            if on_progress is not None:
                on_progress(payload)
        elif kind == "sums":
            take(payload)
        else:  # "done": its last sums were sent before
            finished += 1

    done = False
    try:
        for batch in chunks(texts):
            while min(in_hand) >= 2:
                receive()
            i = in_hand.index(min(in_hand))
            inboxes[i].put(batch)
            in_hand[i] += 1
        for inbox in inboxes:
            inbox.put(None)
        while finished < jobs:
            receive()
        done = True
    finally:
        if not done:  # batches no worker will read: the queues' threads must not wait for them
            for inbox in inboxes:
                inbox.cancel_join_thread()
        for worker in workers:
            if worker.is_alive():
                worker.terminate()
            worker.join()


_worker_rules: list[Any] | None = None
WARM_UP = (
    "Air strikes\n\nThe U.S. air strikes hit at 5pm on 5 February; 1,500 people, 5 per cent, "
    "fled, Mr Brown said: \"It's over.\" The organisation's airstrikes went on.\n Reuter\n"
)


def _worker(me: int, inbox: Any, results: Any) -> None:
    """A worker process: learn each batch from `inbox` into one `Learner` until None comes, say
    `(worker, "learned", stories)` after each batch, send `(worker, "sums", profile)` when its
    sums reach FLUSH_WORDS words and at the end, then `(worker, "done", None)`; an exception is
    sent as `"error"` with its traceback."""
    import traceback

    try:
        learner = Learner(_worker_rules)
        while (batch := inbox.get()) is not None:
            learner.learn(batch)
            if learner.distinct_words() >= FLUSH_WORDS:
                results.put((me, "sums", learner.profile()))
            results.put((me, "learned", len(batch)))
        results.put((me, "sums", learner.profile()))
        results.put((me, "done", None))
    except Exception:  # said to the parent, which stops the run
        results.put((me, "error", traceback.format_exc()))
