"""`--diff`: a unified diff of what `--fix` would change; nothing is written."""

from __future__ import annotations

import difflib

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
                fromfile=f"a/{r.path}",
                tofile=f"b/{r.path}",
            )
        )
        if chunks and not chunks[-1].endswith("\n"):
            chunks[-1] += "\n\\ No newline at end of file\n"
    return "".join(chunks)
