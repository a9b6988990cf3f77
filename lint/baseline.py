"""A baseline: the problems a desk already knows about, kept in a file so that a run reports only
new ones (`newslint check --write-baseline FILE`, then `--baseline FILE`).

Plain-text copy has no place for a suppression comment that readers will not see, and an archive
adopting newslint has thousands of old reports; a baseline silences those without touching the
copy. Each entry names a problem by what does not move when the story is edited elsewhere: the
file (relative to the baseline file), the rule's code, the reported text, and a few words either
side of it on its line. Line and column are left out on purpose, so an entry survives lines
added above it and edits elsewhere in its paragraph; editing the words around the problem makes
it new again. The same problem twice is two entries, and each entry hides one report.

The file is JSON, one entry per problem, sorted, so it reads well in a diff:

    {"newslint-baseline": 1, "entries": [
      {"path": "desk/story.txt", "code": "NL101", "text": "reigme", "context": "the Assad … soldiers"}
    ]}
"""

from __future__ import annotations

import json
import os
import re
from collections import Counter
from dataclasses import asdict, dataclass
from pathlib import Path

from newslint.report import FileResult
from newslint.violation import Diagnostic

VERSION = 1
CONTEXT_WORDS = 3  # words kept on each side of a problem


class BaselineError(Exception):
    """The baseline file cannot be read or written: a one-line error."""


@dataclass(frozen=True, order=True)
class Entry:
    """A problem the baseline lists: its file, code, text and the line around it."""

    path: str
    code: str
    text: str
    context: str


@dataclass
class Outcome:
    """How many reports a baseline hid, and how many of its entries matched none."""

    hidden: int = 0  # reports the baseline matched
    stale: int = 0  # entries that matched no report: fixed, or edited beyond recognition


def entry_for(result: FileResult, d: Diagnostic, base: Path) -> Entry:
    text = result.text
    start, end = d.span.start, d.span.end
    line_start = text.rfind("\n", 0, start) + 1
    line_end = text.find("\n", end)
    before = re.findall(r"\S+", text[line_start:start])[-CONTEXT_WORDS:]
    after = re.findall(r"\S+", text[end : len(text) if line_end < 0 else line_end])[:CONTEXT_WORDS]
    return Entry(_path(result.path, base), d.code, text[start:end], f"{' '.join(before)} … {' '.join(after)}")


def _path(display: str, base: Path) -> str:
    """A checked file's path relative to the baseline's folder, so the baseline works from any
    working directory; other texts (stdin, JSON Lines records) by the name they are reported by."""
    path = Path(display)
    if display == "-" or not path.is_file():
        return display
    return Path(os.path.relpath(path.resolve(), base.resolve())).as_posix()


def write(file: Path, results: list[FileResult]) -> int:
    """Write every remaining problem of `results` to `file`; returns how many."""
    base = file.absolute().parent
    entries = sorted(entry_for(r, d, base) for r in results for d in r.diagnostics)
    lines = ",\n".join(f"  {json.dumps(asdict(e), ensure_ascii=False)}" for e in entries)
    body = f'{{"newslint-baseline": {VERSION}, "entries": [\n{lines}\n]}}\n' if entries else ""
    try:
        file.write_text(body or f'{{"newslint-baseline": {VERSION}, "entries": []}}\n', encoding="utf-8")
    except OSError as exc:
        raise BaselineError(f"{file}: cannot write the baseline ({exc.strerror or exc})") from None
    return len(entries)


def read(file: Path) -> Counter[Entry]:
    try:
        data = json.loads(file.read_text(encoding="utf-8"))
    except FileNotFoundError:
        raise BaselineError(f"{file}: no such baseline file (write one with --write-baseline)") from None
    except (OSError, UnicodeDecodeError) as exc:
        raise BaselineError(f"{file}: cannot read the baseline ({exc})") from None
    except json.JSONDecodeError as exc:
        raise BaselineError(
            f"{file}: not a newslint baseline (invalid JSON: {exc.msg}, line {exc.lineno})"
        ) from None
    if not isinstance(data, dict) or data.get("newslint-baseline") != VERSION:
        raise BaselineError(f"{file}: not a newslint baseline of version {VERSION}")
    try:
        return Counter(Entry(**raw) for raw in data.get("entries", []))
    except TypeError:
        raise BaselineError(f"{file}: an entry is not {{path, code, text, context}}") from None


def apply(file: Path, results: list[FileResult]) -> Outcome:
    """Drop from `results` the reports that the baseline in `file` lists."""
    known = read(file)
    base = file.absolute().parent
    outcome = Outcome()
    checked = set()
    for r in results:
        checked.add(_path(r.path, base))
        kept = []
        for d in r.diagnostics:
            entry = entry_for(r, d, base)
            if known[entry] > 0:
                known[entry] -= 1
                outcome.hidden += 1
            else:
                kept.append(d)
        r.diagnostics = kept
    outcome.stale = sum(n for entry, n in known.items() if entry.path in checked)  # not other files
    return outcome
