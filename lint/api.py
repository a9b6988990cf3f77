"""The library API: build a `Checker` once, then check and fix many texts with it.

    checker = newslint.Checker(config="desk/newslint.toml", locale="en-GB")
    problems = checker.check(text, path="story.txt")   # [Problem], positions as line/column/offset
    result = checker.fix(text)                          # FixResult: text, applied, remaining

A `Problem` (and its `Suggestion`s and `TextEdit`s) serialises, with `to_json()`, to exactly the
item that `newslint check --format json` prints: that reporter is built on these classes. See
docs/api.md, whose examples run as doctests.
"""

from __future__ import annotations

import json
import os
import threading
from collections import Counter
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any

from newslint.config import _KEYS, ConfigError, Settings, find_config_file, load_settings
from newslint.span import LineIndex, Position
from newslint.suggest import did_you_mean
from newslint.violation import Applicability, Diagnostic, Fix

if TYPE_CHECKING:  # imported when a Checker first checks a text
    from newslint.lint import Linter

# --- what a check returns -------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class TextEdit:
    """Replace the text from `start` to `end` with `content` (empty span: insert; empty content: delete)."""

    start: Position
    end: Position
    content: str

    def to_json(self) -> dict[str, Any]:
        return {"start": _position_json(self.start), "end": _position_json(self.end), "content": self.content}


@dataclass(frozen=True, slots=True)
class Suggestion:
    """A fix: edits applied together. `safety` is "safe" (`--fix` applies it), "unsafe" (only
    with `--unsafe-fixes`) or "display-only" (shown, never applied); `withheld` says why an
    editor must not offer it either (a word inside a direct quotation), else it is ""."""

    title: str
    safety: str
    edits: tuple[TextEdit, ...]
    withheld: str = ""

    @classmethod
    def of(cls, fix: Fix, position: Callable[[int], Position]) -> Suggestion:
        edits = tuple(TextEdit(position(e.span.start), position(e.span.end), e.content) for e in fix.edits)
        return cls(fix.title, fix.applicability.label, edits, fix.withheld)

    @property
    def applicability(self) -> Applicability:
        return {a.label: a for a in Applicability}[self.safety]

    def to_json(self) -> dict[str, Any]:
        return {
            "applicability": self.safety,
            "title": self.title,
            "edits": [e.to_json() for e in self.edits],
        }


@dataclass(frozen=True, slots=True)
class Problem:
    """One problem in a text: where it is, what it is, its fix and the other candidates."""

    path: str
    code: str  # NL101
    name: str  # unknown-word
    message: str
    severity: str  # "error" or "warning"
    start: Position
    end: Position
    fix: Suggestion | None = None
    alternatives: tuple[Suggestion, ...] = ()

    @classmethod
    def of(cls, d: Diagnostic, position: Callable[[int], Position]) -> Problem:
        return cls(
            d.path,
            d.code,
            d.name,
            d.message,
            d.severity.value,
            position(d.span.start),
            position(d.span.end),
            Suggestion.of(d.fix, position) if d.fix is not None else None,
            tuple(Suggestion.of(f, position) for f in d.alternatives),
        )

    def to_json(self) -> dict[str, Any]:
        """The item `newslint check --format json` prints for this problem."""
        return {
            "path": self.path,
            "code": self.code,
            "name": self.name,
            "message": self.message,
            "severity": self.severity,
            "start": _position_json(self.start),
            "end": _position_json(self.end),
            "fix": self.fix.to_json() if self.fix is not None else None,
            "alternatives": [a.to_json() for a in self.alternatives],
        }


@dataclass(frozen=True)
class FixResult:
    """What `Checker.fix` did: the fixed text, how many fixes of each rule it applied, and the
    problems that remain (their positions are in the fixed text)."""

    text: str
    applied: dict[str, int] = field(default_factory=dict)
    remaining: list[Problem] = field(default_factory=list)

    @property
    def changed(self) -> bool:
        return bool(self.applied)

    def to_json(self) -> dict[str, Any]:
        return {
            "text": self.text,
            "applied": dict(self.applied),
            "remaining": [p.to_json() for p in self.remaining],
        }


def to_json(problems: Iterable[Problem]) -> str:
    """The problems as `newslint check --format json` prints them (one array, indented)."""
    return json.dumps([p.to_json() for p in problems], ensure_ascii=False, indent=2) + "\n"


def _position_json(pos: Position) -> dict[str, int]:
    return {"line": pos.line, "column": pos.column, "offset": pos.offset}


# --- the checker ----------------------------------------------------------------------------

# Settings a Checker takes as keyword arguments: the config file's keys, with "_" for "-".
SETTINGS = tuple(sorted(key.replace("-", "_") for key in _KEYS if key != "extend"))


class Checker:
    """The rules chosen once, ready to check and fix any number of texts, from any number of
    threads at once.

    `config` names a config file (`newslint.toml`, `.newslint.toml` or a `pyproject.toml` with
    `[tool.newslint]`, with its `extend` chain); without it the defaults apply. Keyword settings
    are the config file's keys with `_` for `-` (`select`, `ignore`, `extend_select`, `locale`,
    `style`, `vocabulary`, `severity`, `rules`, `unsafe_fixes`, ...) and replace what the file
    says, as `--locale` does on the command line. An unknown setting, a bad value or an unknown
    rule selector raises `ConfigError` naming it.
    """

    def __init__(self, config: str | os.PathLike[str] | None = None, **settings: Any) -> None:
        overrides = _config_keys(settings)
        self.settings: Settings = load_settings(
            Path(config) if config is not None else None, overrides, origin="Checker()"
        )
        self._select: Sequence[str] | None = None
        self._linters: dict[tuple[str, ...], Linter] = {}
        self._lock = threading.Lock()
        self._linter("-")  # build the rules now: a bad rule option fails here, not at the first check

    @classmethod
    def for_path(cls, path: str | os.PathLike[str], **settings: Any) -> Checker:
        """A checker with the config the command line would use for `path`: the nearest
        `newslint.toml`, `.newslint.toml` or `pyproject.toml` with `[tool.newslint]` at or above it."""
        where = Path(path).absolute()
        return cls(find_config_file(where if where.is_dir() else where.parent), **settings)

    @classmethod
    def from_settings(cls, settings: Settings, select: Sequence[str] | None = None) -> Checker:
        """A checker for settings already loaded (`newslint.config.load_settings`)."""
        checker = cls.__new__(cls)
        checker.settings, checker._select = settings, list(select) if select is not None else None
        checker._linters, checker._lock = {}, threading.Lock()
        checker._linter("-")
        return checker

    # --- checking ---------------------------------------------------------------------------
    def check(self, text: str, path: str = "-") -> list[Problem]:
        """The problems in `text`. `path` names the text in reports, picks Markdown or plain text
        (`.md`) and the per-file ignores; the text is not read from it."""
        position = LineIndex(_text(text)).position
        return [Problem.of(d, position) for d in self.diagnostics(text, path)]

    def fix(self, text: str, unsafe: bool = False, path: str = "-") -> FixResult:
        """`text` with every safe fix applied (with `unsafe`, the unsafe ones too), again and
        again until nothing more applies; words inside direct quotations are never edited.
        Raises `newslint.fix.FixError` (never seen with the shipped rules) if fixes do not settle."""
        linter = self._linter(path)
        outcome = linter.fix(_text(text), unsafe=unsafe)
        position = LineIndex(outcome.text).position
        remaining = [Problem.of(linter.diagnostic(v), position) for v in outcome.remaining]
        return FixResult(outcome.text, dict(Counter(outcome.applied)), remaining)

    def diagnostics(self, text: str, path: str = "-") -> list[Diagnostic]:
        """The engine's diagnostics for `text` (spans as code-point offsets), for callers that
        convert positions themselves (the language server)."""
        linter = self._linter(path)
        return [linter.diagnostic(v) for v in linter.violations(_text(text))]

    def _linter(self, path: str) -> Linter:
        """The rules for `path`: texts with the same per-file ignores share one set of rules."""
        from newslint.lint import Linter

        key = tuple(self.settings.ignores_for(path)) if path != "-" else ()
        linter = self._linters.get(key)
        if linter is None:
            with self._lock:
                linter = self._linters.get(key)
                if linter is None:
                    linter = self._linters[key] = Linter(self.settings, path, self._select)
        return linter.for_path(path)


def _config_keys(settings: dict[str, Any]) -> dict[str, Any]:
    """Keyword settings as config keys; an unknown one is an error that suggests the one meant."""
    out = {}
    for name, value in settings.items():
        if name not in SETTINGS:
            raise ConfigError(
                f"Checker(): unknown setting {name!r}{did_you_mean(name, SETTINGS)} "
                f"(known settings: {', '.join(SETTINGS)})"
            )
        if name == "severity" and isinstance(value, dict):  # Severity members or their names
            value = {code: getattr(level, "value", level) for code, level in value.items()}
        out[name.replace("_", "-")] = value
    return out


def _text(text: Any) -> str:
    if not isinstance(text, str):
        raise TypeError(
            f"newslint checks str, not {type(text).__name__}; decode bytes first "
            "(newslint.sources.decode reads UTF-8, UTF-16 with a BOM and Windows-1252 as the CLI does)"
        )
    return text


__all__ = ["SETTINGS", "Checker", "ConfigError", "FixResult", "Problem", "Suggestion", "TextEdit", "to_json"]
