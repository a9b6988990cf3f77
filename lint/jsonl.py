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

import json
import os
import stat
import tempfile
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from newslint.report import FileResult


class CorpusError(Exception):
    """The corpus file cannot be read or written at all (a bad record is reported, not raised)."""


@dataclass
class Record:
    line: int  # 1-based line number in the corpus file
    raw: bytes  # the line as read, without its "\n" (a "\r" before it stays, and is kept)
    display: str  # how reports name this record
    value: dict[str, Any] | None = None  # the parsed record, None when the line is blank or bad
    error: str | None = None
    text: str = ""  # the story checked: the text field, after the headline field and a blank line if given
    headline: bool = False  # whether `text` opens with the record's headline


def read(path: Path, field: str, id_field: str = "id", headline_field: str | None = None) -> list[Record]:
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
        record.value, record.text = value, value[field]
        if headline_field is not None:
            headline = value.get(headline_field)
            if headline is not None and not isinstance(headline, str):
                record.value = None
                record.error = (
                    f"{record.display}: line {number}: headline field {headline_field!r} is not a string"
                )
                continue
            if headline and headline.strip():
                if "\n\n" in headline.rstrip("\n"):  # it could not be told from the body again when fixed
                    record.value = None
                    record.error = (
                        f"{record.display}: line {number}: "
                        f"headline field {headline_field!r} holds a blank line"
                    )
                    continue
                record.text, record.headline = f"{headline}\n\n{value[field]}", True
    if records and not records[-1].raw:
        records.pop()  # the final line ending does not start a record
    return records


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
    return path.with_name(f"{path.stem}.fixed{path.suffix or '.jsonl'}")


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
    lines, changed = [], 0
    checked = iter(results)
    for r in records:
        result = next(checked) if r.value is not None else None
        if (
            r.value is None
            or result is None
            or result.error
            or result.original is None
            or result.text == result.original
        ):
            lines.append(r.raw)
            continue
        value = dict(r.value)
        if r.headline and headline_field is not None:  # `read` set `headline` only with the field
            parts = split_fixed(result.text, r.value[headline_field])
            if parts is None:  # cannot happen with the shipped rules; keep the record as it was
                lines.append(r.raw)
                continue
            value[headline_field], value[field] = parts
        else:
            value[field] = result.text
        ending = b"\r" if r.raw.endswith(b"\r") else b""
        lines.append(json.dumps(value, ensure_ascii=False).encode("utf-8") + ending)
        changed += 1
    data = b"\n".join(lines) + b"\n"
    target = output.resolve()
    tmp = None
    try:
        mode = _mode(target) if target.exists() else _mode(like) if like is not None else None
        fd, tmp = tempfile.mkstemp(prefix=f".{target.name}.", suffix=".newslint", dir=target.parent)
        with os.fdopen(fd, "wb") as fh:
            fh.write(data)
        if mode is not None:  # mkstemp makes the file 0600
            os.chmod(tmp, mode)
        os.replace(tmp, target)
    except OSError as exc:
        if tmp is not None and os.path.exists(tmp):
            os.unlink(tmp)
        raise CorpusError(f"{output}: cannot write ({exc.strerror or exc})") from None
    return changed


def _mode(path: Path) -> int:
    return stat.S_IMODE(path.stat().st_mode)
