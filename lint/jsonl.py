"""JSON Lines corpora: one story a line, its text in one field (`--jsonl corpus.jsonl --field body`).

Each record is checked as a story of its own and reported as `corpus.jsonl#<id>` (the value of
the id field, or `L<line number>` when a record has none), with lines and columns counted in
the story text. With a headline field (`--headline-field headline`), the story is the headline,
a blank line and the body, as in a story file: the headline is checked as a headline (a repeat
of it at the top of the body is found) and reports count lines from it. `--fix` writes the
fixed corpus next to the input (`corpus.fixed.jsonl`), never over it unless the output path
named is the input itself. Records that do not change are
written back byte for byte; changed records are re-serialised with their keys in order.
"""

from __future__ import annotations

import collections
import contextlib
import gzip
import itertools
import json
import os
import stat
import sys
import tempfile
import zlib
from collections import Counter
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import TYPE_CHECKING, Any, BinaryIO, TextIO

from newslint.quoting import quote_name
from newslint.report import FileResult, ReportOptions
from newslint.runner import ConfigResolver, RunOptions, TextTask, available_cores
from newslint.span import Span
from newslint.violation import Applicability, Diagnostic, Edit, Fix, Severity

if TYPE_CHECKING:
    from multiprocessing.pool import AsyncResult


class CorpusError(Exception):
    """The corpus file cannot be read or written at all (a bad record is reported, not raised)."""


@dataclass
class Record:
    """One line of a corpus: the record read from it and the story it holds."""

    line: int  # 1-based line number in the corpus file
    raw: bytes  # the line as read, without its "\n" (a "\r" before it stays, and is kept)
    display: str  # how reports name this record
    value: dict[str, Any] | None = None  # the parsed record, None when the line is blank or bad
    error: str | None = None
    text: str = ""  # the story checked: the text field, after the headline field and a blank line if given
    headline: bool = False  # whether `text` opens with the record's headline
    skipped: bool = False  # too long to read: the line is not written to a fixed corpus either


MAX_RECORD = 64 * 1024 * 1024  # a longer line is reported and skipped, never held in memory whole
READ_CHUNK = 1 << 20


def is_gzip(path: Path) -> bool:
    return path.name.endswith(".gz")


def open_corpus(path: Path) -> BinaryIO:
    """The corpus as a binary stream, decompressed on the fly for `.gz` (nothing is read whole)."""
    try:
        if is_gzip(path):
            return gzip.open(path, "rb")  # type: ignore[return-value]
        return path.open("rb")
    except OSError as exc:
        raise CorpusError(f"{quote_name(str(path))}: cannot read ({exc.strerror or exc})") from None


def iter_lines(
    stream: BinaryIO, path: Path, max_record: int = MAX_RECORD
) -> Iterator[tuple[int, bytes | None]]:
    """(line number, the line without its "\n") for each line; None for a line longer than
    `max_record` bytes, which is read past in chunks, never held whole."""
    number = 0
    try:
        while True:
            line = stream.readline(max_record + 1)
            if not line:
                return
            number += 1
            if len(line) > max_record and not line.endswith(b"\n"):
                while line and not line.endswith(b"\n"):
                    line = stream.readline(READ_CHUNK)
                yield number, None
                continue
            yield number, line[:-1] if line.endswith(b"\n") else line
    except (OSError, EOFError, gzip.BadGzipFile, zlib.error) as exc:
        raise CorpusError(f"{quote_name(str(path))}: cannot read line {number + 1} ({exc})") from None


def parse(
    number: int,
    raw: bytes | None,
    path: Path,
    field: str,
    id_field: str = "id",
    headline_field: str | None = None,
    max_record: int = MAX_RECORD,
) -> Record:
    """One line of the corpus as a Record: checked text, or an error naming the line."""
    shown = quote_name(str(path))
    if raw is None:
        record = Record(number, b"", f"{shown}#L{number}")
        record.error = f"{shown}:{number}: longer than {max_record} bytes; skipped"
        record.skipped = True
        return record
    record = Record(number, raw, f"{shown}#L{number}")
    if not raw.strip():
        return record
    try:
        value = json.loads(raw.decode("utf-8"))
    except (json.JSONDecodeError, UnicodeDecodeError) as exc:
        record.error = f"{shown}:{number}: not valid JSON ({exc})"
        return record
    if not isinstance(value, dict):
        record.error = f"{shown}:{number}: not a JSON object"
        return record
    ident = value.get(id_field)
    if isinstance(ident, (str, int)) and not isinstance(ident, bool) and str(ident):
        record.display = quote_name(f"{path}#{ident}")
    if not isinstance(value.get(field), str):
        record.error = f"{record.display}: line {number} has no text field {field!r}"
        return record
    record.value, record.text = value, value[field]
    if headline_field is not None:
        headline = value.get(headline_field)
        if headline is not None and not isinstance(headline, str):
            record.value = None
            record.error = (
                f"{record.display}: line {number}: headline field {headline_field!r} is not a string"
            )
            return record
        if headline and headline.strip():
            if "\n\n" in headline.rstrip("\n"):  # it could not be told from the body again when fixed
                record.value = None
                record.error = (
                    f"{record.display}: line {number}: headline field {headline_field!r} holds a blank line"
                )
                return record
            record.text, record.headline = f"{headline}\n\n{value[field]}", True
    return record


def iter_records(
    path: Path,
    field: str,
    id_field: str = "id",
    headline_field: str | None = None,
    max_record: int = MAX_RECORD,
) -> Iterator[Record]:
    """The corpus's records one by one, in line order: memory holds one line at a time."""
    with open_corpus(path) as stream:
        for number, raw in iter_lines(stream, path, max_record):
            yield parse(number, raw, path, field, id_field, headline_field, max_record)


def read(path: Path, field: str, id_field: str = "id", headline_field: str | None = None) -> list[Record]:
    """Every record of the corpus (for small corpora and tests; `iter_records` streams)."""
    return list(iter_records(path, field, id_field, headline_field))


def split_fixed(fixed: str, headline: str) -> tuple[str, str] | None:
    """(headline, body) of a fixed story that `read` built from `headline`, a blank line and a
    body: the text before its first blank line, with the line breaks the headline ended in, and
    the text after. Fixes never write a blank line into a line, and `read` refused a headline
    with one inside; None if the story no longer splits so."""
    ending = "\n" * (len(headline) - len(headline.rstrip("\n")))
    at = fixed.find("\n\n")
    if at <= 0 or not fixed.startswith(ending + "\n\n", at):
        return None
    return fixed[:at] + ending, fixed[at + len(ending) + 2 :]


def cannot_write(output: Path, exc: OSError) -> CorpusError:
    return CorpusError(f"{quote_name(str(output))}: cannot write ({exc.strerror or exc})")


def default_output(path: Path) -> Path:
    """`corpus.fixed.jsonl` beside `corpus.jsonl` (`corpus.fixed.jsonl.gz` beside `corpus.jsonl.gz`)."""
    name = path.name
    for suffix in (".jsonl.gz", ".gz"):
        if name.endswith(suffix) and len(name) > len(suffix):
            return path.with_name(f"{name[: -len(suffix)]}.fixed{suffix}")
    return path.with_name(f"{path.stem}.fixed{path.suffix or '.jsonl'}")


def fixed_line(
    record: Record, result: FileResult | None, field: str, headline_field: str | None
) -> tuple[bytes, bool]:
    """(the line to write for `record`, whether it changed): the raw line unless its check fixed
    something; then the record with its fixed text, keys in their order."""
    if (
        result is None
        or record.value is None
        or result.error
        or result.original is None
        or result.text == result.original
    ):
        return record.raw, False
    value = dict(record.value)
    if record.headline and headline_field is not None:  # `parse` set `headline` only with the field
        parts = split_fixed(result.text, record.value[headline_field])
        if parts is None:  # cannot happen with the shipped rules; keep the record as it was
            return record.raw, False
        value[headline_field], value[field] = parts
    else:
        value[field] = result.text
    ending = b"\r" if record.raw.endswith(b"\r") else b""
    return json.dumps(value, ensure_ascii=False).encode("utf-8") + ending, True


class FixedWriter:
    """The fixed corpus, written line by line to a temporary file beside `output` and moved over
    it when complete (`commit`), so a reader never sees half a corpus and a failed run leaves the
    old file as it was. Gzip-compressed when `output` ends in `.gz`. The file gets the permissions
    of the file it replaces, or else those of `like` (the input corpus)."""

    def __init__(self, output: Path, like: Path | None = None) -> None:
        self.output = output
        self.target = output.resolve()
        self.changed = 0
        self.done = False  # committed or aborted
        try:
            source = self.target if self.target.exists() else like
            self.mode = stat.S_IMODE(source.stat().st_mode) if source is not None else None
            fd, self.tmp = tempfile.mkstemp(
                prefix=f".{self.target.name}.", suffix=".newslint", dir=self.target.parent
            )
            raw = os.fdopen(fd, "wb")
        except OSError as exc:
            raise cannot_write(output, exc) from None
        self.raw = raw
        self.stream: BinaryIO = (
            gzip.GzipFile(filename="", mode="wb", fileobj=raw, mtime=0) if is_gzip(output) else raw  # type: ignore[assignment]
        )

    def write(self, line: bytes, changed: bool = False) -> None:
        try:
            self.stream.write(line + b"\n")
        except OSError as exc:
            self.abort()
            raise cannot_write(self.output, exc) from None
        self.changed += changed

    def write_part(self, lines: bytes, changed: int) -> None:
        """Lines already ending in "\n" (a partition's part of the fixed corpus)."""
        try:
            self.stream.write(lines)
        except OSError as exc:
            self.abort()
            raise cannot_write(self.output, exc) from None
        self.changed += changed

    def commit(self) -> int:
        try:
            if self.stream is not self.raw:
                self.stream.close()
            self.raw.close()
            if self.mode is not None:  # mkstemp makes the file 0600
                os.chmod(self.tmp, self.mode)
            os.replace(self.tmp, self.target)
        except OSError as exc:
            self.abort()
            raise cannot_write(self.output, exc) from None
        self.done = True
        return self.changed

    def abort(self) -> None:
        if self.done:
            return
        self.done = True
        for closing in (self.stream, self.raw):
            with contextlib.suppress(OSError):
                closing.close()
        with contextlib.suppress(OSError):
            os.unlink(self.tmp)


def write_fixed(
    output: Path,
    records: list[Record],
    results: list[FileResult],
    field: str,
    headline_field: str | None = None,
    like: Path | None = None,
) -> int:
    """Write the corpus with each record's fixed text, atomically; `results` are those of
    the checks of the records' `text`, in order. Returns the number of records changed. The
    file gets the permissions of the file it replaces, or else those of `like` (the input)."""
    writer = FixedWriter(output, like)
    checked = iter(results)
    for record in records:
        result = next(checked) if record.value is not None else None
        writer.write(*fixed_line(record, result, field, headline_field))
    return writer.commit()


# --- the streaming run: partitions of records, checked here, in worker processes or on Dask -----
# Records are read and checked about this many bytes at a time: 0.5 s or so of checking, small
# enough that the workers finish a run close together (with 1 MB partitions, 2 workers on the dev
# corpora waited for each other's last partition 1.3 s of a 14 s run), large enough that sending
# a partition costs nothing beside checking it (256 KB against 1 MB: the same CPU time).
PARTITION_BYTES = 256 << 10


@dataclass(frozen=True)
class CorpusJob:
    """Everything a worker needs to check partitions of one corpus, and nothing that ties it to
    this process (it is pickled to worker processes and Dask workers)."""

    corpus: str  # the path as given: reports name records `corpus#id`
    field: str
    id_field: str
    headline_field: str | None
    options: RunOptions
    format: str
    report: ReportOptions
    max_record: int = MAX_RECORD
    write_fixed: bool = False


@dataclass
class Partition:
    """A run of a corpus's lines checked together (by a worker or a Dask task)."""

    index: int
    first_line: int
    lines: list[tuple[int, bytes | None]]
    job: CorpusJob | None = None  # set when one run checks several corpora through one pipeline

    @property
    def last_line(self) -> int:
        return self.lines[-1][0] if self.lines else self.first_line

    def describe(self) -> str:
        return f"partition {self.index} (lines {self.first_line}-{self.last_line})"


@dataclass
class Tally:
    """What the summary line needs, without keeping the results: problems by (rule, fix level),
    fixes applied by rule, records that could not be checked."""

    # (code, name, severity, applicability or None) -> problems
    problems: Counter[tuple[str, str, Severity, int | None]] = field(default_factory=Counter)
    fixed: Counter[str] = field(default_factory=Counter)
    failed: int = 0
    unwritten: list[int] = field(default_factory=list)  # per corpus whose fixed copy failed: its fixes

    def add(self, result: FileResult) -> None:
        self.fixed.update(result.fixed)
        self.failed += result.error is not None
        for d in result.diagnostics:
            level = d.fix.applicability if d.fix is not None else None
            self.problems[d.code, d.name, d.severity, level] += 1

    def merge(self, other: Tally) -> None:
        self.problems.update(other.problems)
        self.fixed.update(other.fixed)
        self.failed += other.failed
        self.unwritten += other.unwritten

    def not_written(self, before: Counter[str]) -> None:
        """The fixed corpus could not be written: the fixes tallied since `before` are not counted
        as fixed but as not written (the failure itself is already said and counted)."""
        lost = sum(self.fixed.values()) - sum(before.values())
        self.fixed = Counter(before)
        if lost:
            self.unwritten.append(lost)

    @property
    def remaining(self) -> bool:
        return sum(self.problems.values()) > 0

    def stand_ins(self) -> list[FileResult]:
        """Results that count as the tallied ones do, for the reporters' summary and statistics:
        each list entry is a reference to one shared diagnostic per kind (8 bytes a problem)."""
        diagnostics: list[Diagnostic] = []
        for (code, name, severity, level), count in sorted(
            self.problems.items(), key=lambda kv: (kv[0][0], kv[0][3] is None, kv[0][3] or 0)
        ):
            fix = None if level is None else Fix("", (Edit(Span(0, 0), ""),), Applicability(level))
            diagnostics.extend([Diagnostic("", code, name, "", severity, Span(0, 0), fix)] * count)
        results = [FileResult("", diagnostics=diagnostics, fixed=Counter(self.fixed))]
        results += [FileResult("", error="x", unwritten=count) for count in self.unwritten]
        return results + [FileResult("", error="x")] * self.failed


@dataclass
class PartitionResult:
    """What checking a `Partition` gave: its part of the report, its tally and its fixed lines."""

    index: int
    report: str  # the partition's part of the report (no summary)
    tally: Tally
    messages: list[tuple[str, str]]  # ("warning" | "error", message), in record order
    fixed: bytes = b""  # the partition's lines of the fixed corpus, each ending in "\n"
    changed: int = 0
    unwritable: str | None = None  # why the fixed corpus cannot be written (a line too long to copy)


def partitions(path: Path, max_record: int = MAX_RECORD, size: int | None = None) -> Iterator[Partition]:
    """The corpus in partitions of about `size` bytes of whole lines, read one line at a time.
    A corpus that cannot be read to its end: the lines before are yielded, then the error raised."""
    size = size or PARTITION_BYTES
    with open_corpus(path) as stream:
        index, lines, held = 0, [], 0
        try:
            for number, raw in iter_lines(stream, path, max_record):
                lines.append((number, raw))
                held += len(raw) + 1 if raw is not None else 1
                if held >= size:
                    yield Partition(index, lines[0][0], lines)
                    index, lines, held = index + 1, [], 0
        except CorpusError:  # the lines read before it are checked, whatever the partition size
            if lines:
                yield Partition(index, lines[0][0], lines)
            raise
        if lines:
            yield Partition(index, lines[0][0], lines)


_resolvers: dict[tuple[Path | None, str], ConfigResolver] = {}


def _resolver(job: CorpusJob) -> ConfigResolver:
    """One set of rules per process for a run's settings, built for the first partition and
    reused for the others (building them costs more than checking a partition of short stories)."""
    key = (job.options.config, repr(sorted(job.options.overrides.items())))
    resolver = _resolvers.get(key)
    if resolver is None:
        if len(_resolvers) > 8:
            _resolvers.clear()
        resolver = _resolvers[key] = ConfigResolver(job.options.config, job.options.overrides)
    return resolver


def check_partition(partition: Partition, job: CorpusJob) -> PartitionResult:
    """Check (and with --fix, fix) one partition: its part of the report, its tally, its messages
    and its lines of the fixed corpus. The same function runs in this process, in `--jobs`
    workers and on Dask workers, so every way of running gives the same output."""
    path = Path(job.corpus)
    resolver = _resolver(job)
    records = [
        parse(number, raw, path, job.field, job.id_field, job.headline_field, job.max_record)
        for number, raw in partition.lines
    ]
    results: list[FileResult | None] = []
    for record in records:
        if record.error:
            results.append(FileResult(record.display, error=record.error))
        elif record.value is not None:
            results.append(TextTask(record.display, record.text, job.corpus).run(resolver, job.options))
        else:
            results.append(None)  # a blank line: nothing to report, copied as it is
    reported = [r for r in results if r is not None]
    out = PartitionResult(partition.index, render_part(job.format, reported, job.report), Tally(), [])
    for checked in reported:
        out.tally.add(checked)
        for kind, message in (("warning", checked.warning), ("error", checked.error)):
            if message:
                out.messages.append((kind, message))
    if job.write_fixed:
        fixed = []
        for record, result in zip(records, results, strict=True):
            if record.skipped:
                out.unwritable = record.error
                break
            line, changed = fixed_line(record, result, job.field, job.headline_field)
            fixed.append(line + b"\n")
            out.changed += changed
        out.fixed = b"".join(fixed)
    return out


def render_part(fmt: str, results: list[FileResult], options: ReportOptions) -> str:
    """The part of a whole run's report that `results` make, such that the parts of consecutive
    results, joined by `join_parts`, are the report of all of them (without the summary)."""
    from newslint.report import github, gitlab, text
    from newslint.report import json as json_report

    if fmt == "text":
        if options.quiet or not any(r.diagnostics for r in results):
            return ""
        whole = text.render(results, replace(options, statistics=False))
        return whole[: whole.rstrip("\n").rfind("\n") + 1]  # without its summary line
    if fmt == "github":
        return github.render(results, options)
    array = (json_report if fmt == "json" else gitlab).render(results, options)
    return "" if array.strip() == "[]" else array.rstrip("\n")[2:-2]  # the items inside "[\n" ... "\n]"


class ReportWriter:
    """Writes the parts of a report as they come, and its end (the summary, the array's close)."""

    def __init__(self, fmt: str, options: ReportOptions, stream: TextIO) -> None:
        self.fmt, self.options, self.stream = fmt, options, stream
        self.items = 0  # array formats: parts written so far

    def part(self, text: str) -> None:
        if not text:
            return
        if self.fmt in ("json", "gitlab"):
            text = ("[\n" if self.items == 0 else ",\n") + text
            self.items += 1
        self.stream.write(text)

    def end(self, tally: Tally) -> None:
        from newslint.report import text

        if self.fmt in ("json", "gitlab"):
            self.stream.write("\n]\n" if self.items else "[]\n")
        elif self.fmt == "text":
            stand_ins = tally.stand_ins()
            lines = text.statistics_table(stand_ins, self.options) if self.options.statistics else []
            self.stream.write(
                "".join(line + "\n" for line in [*lines, text.summary(stand_ins, self.options)])
            )
        self.stream.flush()


@dataclass
class Corpus:
    """One corpus of a streamed run: where it is, the job its partitions are checked with, and
    where its fixed copy goes (None: beside it)."""

    path: Path
    job: CorpusJob
    output: Path | None = None


@dataclass
class CorpusMark:
    """The start or the end of one corpus's partitions in a run's pipeline. Marks pass through
    the runners in their place, never sent to a worker, so the partitions of the next corpus are
    in flight while the last ones of this corpus are still being checked. `error`: at the start,
    why the fixed corpus cannot be written (the corpus is then not read); at the end, why the
    corpus could not be read to its end."""

    corpus: Corpus
    end: bool = False
    error: str | None = None
    writer: FixedWriter | None = None


Item = Partition | CorpusMark


def feed(
    corpora: list[Corpus],
    read: Callable[[Corpus], Iterator[Partition]] | None = None,
    opened: list[FixedWriter] | None = None,
) -> Iterator[Item]:
    """Every corpus's partitions, one corpus after another, each between its start and end marks;
    read lazily (as the runner has room). With `write_fixed`, the fixed corpus's temporary file is
    opened before the corpus is read (and added to `opened`)."""
    for corpus in corpora:
        writer = None
        if corpus.job.write_fixed:
            try:
                writer = FixedWriter(corpus.output or default_output(corpus.path), like=corpus.path)
            except CorpusError as exc:
                yield CorpusMark(corpus, error=str(exc))
                yield CorpusMark(corpus, end=True)
                continue
            if opened is not None:
                opened.append(writer)
        yield CorpusMark(corpus, writer=writer)
        try:
            parts = read(corpus) if read is not None else partitions(corpus.path, corpus.job.max_record)
            for part in parts:
                part.job = corpus.job
                yield part
        except CorpusError as exc:
            yield CorpusMark(corpus, end=True, error=str(exc))
            continue
        yield CorpusMark(corpus, end=True)


def in_order(
    items: Iterator[Any],
    submit: Callable[[Any], Any],
    collect: Callable[[Any, Any], Any],
    window: int,
    advance: Callable[[Any], None],
) -> Iterator[Any]:
    """`collect(part, submit(part))` for each piece of work (a partition, or any other item that
    is no mark), in order, with up to `window` submitted ahead (the rest of the input is not read
    until there is room); marks are passed through in their place."""
    waiting: collections.deque[tuple[Any, Any]] = collections.deque()
    in_flight = 0
    for item in items:
        if isinstance(item, CorpusMark):
            waiting.append((item, None))
        else:
            waiting.append((item, submit(item)))
            in_flight += 1
        while waiting and (isinstance(waiting[0][0], CorpusMark) or in_flight >= window):
            head, pending = waiting.popleft()
            if isinstance(head, CorpusMark):
                yield head
            else:
                in_flight -= 1
                result = collect(head, pending)
                advance(head)
                yield result
    while waiting:
        head, pending = waiting.popleft()
        if isinstance(head, CorpusMark):
            yield head
        else:
            result = collect(head, pending)
            advance(head)
            yield result


def run_partitions(
    parts: Iterator[Item],
    job: CorpusJob | None = None,
    jobs: int | None = None,
    address: str | None = None,
    say: Callable[[str, str], None] | None = None,
) -> Iterator[PartitionResult | CorpusMark | None]:
    """The partitions' results in order (marks passed through): checked in this process, or in
    `jobs` worker processes (one pool for the whole run, so each worker builds the rules once)
    with a few partitions in flight per worker (never the whole corpus). A partition is checked
    with its own job, or else `job`."""
    parts = iter(parts)
    first: list[Item] = []
    for item in parts:  # enough to tell a run of one partition
        first.append(item)
        if sum(isinstance(i, Partition) for i in first) > 1:
            break
    several = sum(isinstance(i, Partition) for i in first) > 1
    workers = jobs if jobs is not None else (available_cores() if several else 1)
    parts = itertools.chain(first, parts)
    if workers <= 1:

        def here(part: Partition, _: None) -> PartitionResult:
            return check_partition(part, job_of(part, job))

        with _progress(job) as advance:
            yield from in_order(parts, lambda part: None, here, 1, advance)
        return
    import multiprocessing  # only parallel runs need it

    context = multiprocessing.get_context("fork" if sys.platform.startswith("linux") else None)
    with context.Pool(workers) as pool, _progress(job) as advance:

        def submit(part: Partition) -> AsyncResult[PartitionResult]:
            return pool.apply_async(check_partition, (part, job_of(part, job)))

        def collect(part: Partition, pending: AsyncResult[PartitionResult]) -> PartitionResult:
            return pending.get()

        yield from in_order(parts, submit, collect, 2 * workers, advance)
        pool.close()
        pool.join()


def job_of(part: Partition, job: CorpusJob | None) -> CorpusJob:
    """The job a partition is checked with: its own, or else the run's."""
    chosen = part.job or job
    if chosen is None:
        raise ValueError(f"{part.describe()} has no job")
    return chosen


@contextlib.contextmanager
def _progress(job: CorpusJob | None = None) -> Iterator[Callable[[Partition], None]]:
    """A progress bar over the corpus's lines on a terminal (the line count is not known ahead:
    the bar counts lines and partitions), nothing elsewhere."""
    if not sys.stderr.isatty() or os.environ.get("CI"):
        yield lambda part: None
        return
    from rich.console import Console
    from rich.progress import Progress, SpinnerColumn, TextColumn, TimeElapsedColumn

    with Progress(
        SpinnerColumn(),
        TextColumn("checking {task.fields[corpus]}: {task.completed} lines"),
        TimeElapsedColumn(),
        console=Console(stderr=True),
        transient=True,
        auto_refresh=False,
    ) as bar:
        task = bar.add_task("checking", total=None, corpus=Path(job.corpus).name if job else "")

        def advance(part: Partition) -> None:
            shown = part.job or job
            bar.update(task, completed=part.last_line, corpus=Path(shown.corpus).name if shown else "")
            bar.refresh()

        yield advance


MAX_REMEMBERED = 10_000  # messages a streamed run remembers, to say each (a config warning) once


class ReportStream:
    """The report of a streamed run: parts written as they come, messages said once, one tally."""

    def __init__(self, fmt: str, report: ReportOptions, out: TextIO, err: TextIO) -> None:
        self.writer = ReportWriter(fmt, report, out)
        self.err = err
        self.tally = Tally()
        self.said: dict[str, None] = {}  # the last MAX_REMEMBERED messages said, oldest first
        self.changed = 0

    def add(self, part: PartitionResult) -> None:
        for kind, message in part.messages:
            self.say(kind, message)
        self.writer.part(part.report)
        self.tally.merge(part.tally)

    def say(self, kind: str, message: str) -> None:
        if message not in self.said:
            self.said[message] = None
            if len(self.said) > MAX_REMEMBERED:  # memory stays bounded on a corpus of bad records
                del self.said[next(iter(self.said))]
            print(f"newslint: {kind}: {message}", file=self.err, flush=True)

    def end(self) -> None:
        self.writer.end(self.tally)


class _CorpusRun:
    """The report and the fixed copy of one corpus as its results come in order."""

    def __init__(self, start: CorpusMark, stream: ReportStream) -> None:
        self.path, self.stream, self.writer = start.corpus.path, stream, start.writer
        self.before = Counter(stream.tally.fixed)  # a corpus that cannot be written counts none of its fixes
        self.complete = True
        self.failed = False
        if start.error is not None:
            self.fail(CorpusError(start.error))

    def add(self, part: PartitionResult | None) -> None:
        if self.failed:  # the rest of a corpus that failed is not reported
            return
        if part is None:  # a partition that failed for good (already said)
            self.complete = False
            return
        self.stream.add(part)
        if self.writer is not None:
            try:
                if part.unwritable:
                    raise CorpusError(f"{part.unwritable}; the fixed corpus was not written")
                self.writer.write_part(part.fixed, part.changed)
            except CorpusError as exc:
                self.fail(exc)

    def end(self, mark: CorpusMark) -> bool:
        if self.failed:
            return False
        try:
            if mark.error is not None:
                raise CorpusError(mark.error)
            if self.writer is not None:
                if not self.complete:
                    shown = quote_name(str(self.path))
                    raise CorpusError(
                        f"{shown}: not every record was checked; the fixed corpus was not written"
                    )
                changed = self.writer.commit()
                self.stream.changed += changed
                if changed:
                    records = f"{changed} record{'s' * (changed != 1)}"
                    print(
                        f"newslint: {records} fixed; corpus written to {quote_name(str(self.writer.output))}",
                        file=self.stream.err,
                        flush=True,
                    )
        except CorpusError as exc:
            self.fail(exc)
        return self.complete and not self.failed

    def fail(self, exc: CorpusError) -> None:
        self.failed = True
        if self.writer is not None:
            self.writer.abort()
            self.stream.tally.not_written(self.before)
        self.stream.say("error", str(exc))


def check_corpora(
    corpora: list[Corpus],
    stream: ReportStream,
    run: Callable[[Iterator[Item]], Iterator[PartitionResult | CorpusMark | None]],
    read: Callable[[Corpus], Iterator[Partition]] | None = None,
) -> bool:
    """Check corpora into `stream`, one after another in the report, their partitions run by
    `run` (here, in worker processes or on Dask) as one pipeline: the next corpus's partitions
    start while this one's last are checked. With `write_fixed`, each fixed corpus is written as
    its results come and moved into place only when every partition was checked. False when a
    corpus could not be read, or not every partition could be checked, or a fixed corpus could
    not be written (all said)."""
    opened: list[FixedWriter] = []
    complete = True
    current: _CorpusRun | None = None
    try:
        for item in run(feed(corpora, read, opened)):
            if isinstance(item, CorpusMark):
                if not item.end:
                    current = _CorpusRun(item, stream)
                elif current is not None:
                    complete &= current.end(item)
                    current = None
            elif current is not None:
                current.add(item)
    finally:  # interrupted: no temporary file is left behind
        for writer in opened:
            writer.abort()
    return complete


def check_corpus(
    path: Path,
    job: CorpusJob,
    output: Path | None,
    stream: ReportStream,
    run: Callable[[Iterator[Item]], Iterator[PartitionResult | CorpusMark | None]],
    read: Callable[[], Iterator[Partition]] | None = None,
) -> bool:
    """`check_corpora` for one corpus (`read`: its partitions, when not the default ones)."""
    return check_corpora([Corpus(path, job, output)], stream, run, (lambda _: read()) if read else None)
