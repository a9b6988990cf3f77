"""JSON Lines corpora: one story a line, its text in one field (`--jsonl corpus.jsonl --field body`).

Each record is checked as a story of its own and reported as `corpus.jsonl#<id>` (the value of
the id field, or `L<line number>` when a record has none), with lines and columns counted in
the story text. `--fix` writes the fixed corpus next to the input (`corpus.fixed.jsonl`), never
over it unless the output path named is the input itself. Records that do not change are
written back byte for byte; changed records are re-serialised with their keys in order.
"""
from __future__ import annotations

import json
import os
import tempfile
from dataclasses import dataclass
from pathlib import Path

from newslint.report import FileResult
from newslint.runner import TextTask


class CorpusError(Exception):
    """The corpus file cannot be read or written at all (a bad record is reported, not raised)."""


@dataclass
class Record:
    line: int  # 1-based line number in the corpus file
    raw: bytes  # the line as read, without its "\n" (a "\r" before it stays, and is kept)
    display: str  # how reports name this record
    value: dict | None = None  # the parsed record, None when the line is blank or bad
    error: str | None = None


def read(path: Path, field: str, id_field: str = "id") -> list[Record]:
    try:
        data = path.read_bytes()
    except OSError as exc:
        raise CorpusError(f"{path}: cannot read ({exc.strerror or exc})") from None
    records = []
    for number, raw in enumerate(data.split(b"\n"), start=1):
        record = Record(number, raw, f"{path}#L{number}")
        records.append(record)
        if not raw.strip():
            continue
        try:
            value = json.loads(raw.decode("utf-8"))
        except (json.JSONDecodeError, UnicodeDecodeError) as exc:
            record.error = f"{path}:{number}: not valid JSON ({exc})"
            continue
        if not isinstance(value, dict):
            record.error = f"{path}:{number}: not a JSON object"
            continue
        ident = value.get(id_field)
        if isinstance(ident, (str, int)) and not isinstance(ident, bool) and str(ident):
            record.display = f"{path}#{ident}"
        if not isinstance(value.get(field), str):
            record.error = f"{record.display}: line {number} has no text field {field!r}"
            continue
        record.value = value
    if records and not records[-1].raw:
        records.pop()  # the final line ending does not start a record
    return records


def tasks(records: list[Record], field: str, anchor: Path) -> list[TextTask]:
    return [TextTask(r.display, r.value[field], str(anchor)) for r in records if r.value is not None]


def default_output(path: Path) -> Path:
    return path.with_name(f"{path.stem}.fixed{path.suffix or '.jsonl'}")


def write_fixed(output: Path, records: list[Record], results: list[FileResult], field: str) -> int:
    """Write the corpus with each record's fixed text, atomically; `results` are those of
    `tasks(records, ...)`, in order. Returns the number of records changed."""
    lines, changed = [], 0
    checked = iter(results)
    for r in records:
        result = next(checked) if r.value is not None else None
        if result is None or result.error or result.original is None or result.text == result.original:
            lines.append(r.raw)
            continue
        value = dict(r.value)
        value[field] = result.text
        ending = b"\r" if r.raw.endswith(b"\r") else b""
        lines.append(json.dumps(value, ensure_ascii=False).encode("utf-8") + ending)
        changed += 1
    data = b"\n".join(lines) + b"\n"
    target = output.resolve()
    tmp = None
    try:
        fd, tmp = tempfile.mkstemp(prefix=f".{target.name}.", suffix=".newslint", dir=target.parent)
        with os.fdopen(fd, "wb") as fh:
            fh.write(data)
        os.replace(tmp, target)
    except OSError as exc:
        if tmp is not None and os.path.exists(tmp):
            os.unlink(tmp)
        raise CorpusError(f"{output}: cannot write ({exc.strerror or exc})") from None
    return changed
