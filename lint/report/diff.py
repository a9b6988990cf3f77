"""`--diff`: a unified diff of what `--fix` would change; nothing is written.

File names in the `---` and `+++` lines are written as git writes them, so `git apply` and
`patch -p1` read them back: a name `quote_name` had to quote (a newline, a quotation mark, a
byte that is not UTF-8) is quoted with its `a/` or `b/` inside the quotes (`"a/x\\n.txt"`), and
a plain name with a space ends with a tab, which tells `patch` where the name ends.
"""

from __future__ import annotations

import difflib
from collections import Counter

from newslint.report import FileResult


def render(results: list[FileResult]) -> str:
    chunks: list[str] = []
    for r in results:
        if r.original is None or r.original == r.text:
            continue
        chunks.extend(
            difflib.unified_diff(
                r.original.splitlines(keepends=True),
                r.text.splitlines(keepends=True),
                fromfile=header_name("a/", r.path),
                tofile=header_name("b/", r.path),
            )
        )
        if chunks and not chunks[-1].endswith("\n"):
            chunks[-1] += "\n\\ No newline at end of file\n"
    return "".join(chunks)


def header_name(prefix: str, shown: str) -> str:
    """The name after `---` or `+++`, as git writes it, for a name as `quote_name` showed it."""
    if len(shown) >= 2 and shown.startswith('"') and shown.endswith('"'):
        return f'"{prefix}{shown[1:]}'
    return f"{prefix}{shown}\t" if " " in shown else f"{prefix}{shown}"


def summary(results: list[FileResult], kinds: list[str], unsafe: bool) -> str:
    """The line after a diff: how many files (and corpus records) --fix would change, and how
    many files, folders or records could not be checked (their errors are said above it): a file
    whose config or bytes could not be read is not among those that would stay unchanged.
    `kinds` says what each result stands for: "file", "folder" or "record"."""
    changed: Counter[str] = Counter()
    failed: Counter[str] = Counter()
    for r, kind in zip(results, kinds, strict=True):
        if r.error:
            failed[kind] += 1
        elif r.original not in (None, r.text):
            changed[kind] += 1
    fix = f"--fix{' --unsafe-fixes' if unsafe else ''}"
    would = _count(changed) or "0 files"
    if not failed:
        return f"{would} would be changed by {fix}."
    unchecked = f"{_count(failed)} could not be checked"
    if len(results) == sum(failed.values()):
        return f"{unchecked}; nothing to show."
    return f"{unchecked}; of the rest, {_count(changed) or 'none'} would be changed by {fix}."


def _count(by_kind: Counter[str]) -> str:
    counted = [f"{n} {kind}{'s' * (n != 1)}" for kind in ("file", "folder", "record") if (n := by_kind[kind])]
    return " and ".join(counted)
