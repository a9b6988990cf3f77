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

import contextlib
import gzip
import json
import os
import tempfile
import zlib
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import BinaryIO

from newslint.report import FileResult


class CorpusError(Exception):
    """The corpus file cannot be read or written at all (a bad record is reported, not raised)."""


@dataclass
class Record:
    line: int  # 1-based line number in the corpus file
    raw: bytes  # the line as read, without its "\n" (a "\r" before it stays, and is kept)
    display: str  # how reports name this record
    value: dict | None = None  # the parsed record, None when the line is blank or bad
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
        raise CorpusError(f"{path}: cannot read ({exc.strerror or exc})") from None


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
        raise CorpusError(f"{path}: cannot read line {number + 1} ({exc})") from None


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
    if raw is None:
        record = Record(number, b"", f"{path}#L{number}")
        record.error = f"{path}:{number}: longer than {max_record} bytes; skipped"
        record.skipped = True
        return record
    record = Record(number, raw, f"{path}#L{number}")
    if not raw.strip():
        return record
    try:
        value = json.loads(raw.decode("utf-8"))
    except (json.JSONDecodeError, UnicodeDecodeError) as exc:
        record.error = f"{path}:{number}: not valid JSON ({exc})"
        return record
    if not isinstance(value, dict):
        record.error = f"{path}:{number}: not a JSON object"
        return record
    ident = value.get(id_field)
    if isinstance(ident, (str, int)) and not isinstance(ident, bool) and str(ident):
        record.display = f"{path}#{ident}"
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
    if record.headline:
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
    old file as it was. Gzip-compressed when `output` ends in `.gz`."""

    def __init__(self, output: Path) -> None:
        self.output = output
        self.target = output.resolve()
        self.changed = 0
        try:
            fd, self.tmp = tempfile.mkstemp(
                prefix=f".{self.target.name}.", suffix=".newslint", dir=self.target.parent
            )
            raw = os.fdopen(fd, "wb")
        except OSError as exc:
            raise CorpusError(f"{output}: cannot write ({exc.strerror or exc})") from None
        self.raw = raw
        self.stream: BinaryIO = (
            gzip.GzipFile(filename="", mode="wb", fileobj=raw, mtime=0) if is_gzip(output) else raw  # type: ignore[assignment]
        )

    def write(self, line: bytes, changed: bool = False) -> None:
        try:
            self.stream.write(line + b"\n")
        except OSError as exc:
            self.abort()
            raise CorpusError(f"{self.output}: cannot write ({exc.strerror or exc})") from None
        self.changed += changed

    def commit(self) -> int:
        try:
            if self.stream is not self.raw:
                self.stream.close()
            self.raw.close()
            os.replace(self.tmp, self.target)
        except OSError as exc:
            self.abort()
            raise CorpusError(f"{self.output}: cannot write ({exc.strerror or exc})") from None
        return self.changed

    def abort(self) -> None:
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
) -> int:
    """Write the corpus with each record's fixed text, atomically; `results` are those of
    the checks of the records' `text`, in order. Returns the number of records changed."""
    writer = FixedWriter(output)
    checked = iter(results)
    for record in records:
        result = next(checked) if record.value is not None else None
        writer.write(*fixed_line(record, result, field, headline_field))
    return writer.commit()
