"""Running newslint over files and stdin: find the files, pick each one's settings, check or
fix it, and hand back a `FileResult` per file for the reporters.
"""
from __future__ import annotations

import os
from collections import Counter
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path

from newslint import sources
from newslint.config import ConfigError, Settings, find_config_file, load_settings
from newslint.fix import FixError
from newslint.lint import Linter, RuleCrash
from newslint.report import FileResult


@dataclass(frozen=True)
class RunOptions:
    fix: bool = False
    unsafe_fixes: bool = False
    diff: bool = False  # compute fixes, write nothing
    select: tuple[str, ...] | None = None
    extend_select: tuple[str, ...] = ()
    ignore: tuple[str, ...] = ()
    config: Path | None = None
    overrides: dict = field(default_factory=dict)  # settings given on the command line

    @property
    def fixing(self) -> bool:
        return self.fix or self.diff


class ConfigResolver:
    """Settings for each file: the nearest config file, or the one --config names."""

    def __init__(self, config: Path | None = None, overrides: dict | None = None) -> None:
        self.overrides = overrides or {}
        self.fixed = load_settings(config, self.overrides) if config is not None else None
        self._by_file: dict[Path | None, Settings] = {}
        self._by_dir: dict[Path, Path | None] = {}

    def for_path(self, path: Path) -> Settings:
        if self.fixed is not None:
            return self.fixed
        directory = path.resolve().parent if not path.is_dir() else path.resolve()
        if directory not in self._by_dir:
            self._by_dir[directory] = find_config_file(directory)
        config = self._by_dir[directory]
        if config not in self._by_file:
            self._by_file[config] = load_settings(config, self.overrides)
        return self._by_file[config]


def discover(paths: list[Path], resolver: ConfigResolver) -> Iterator[Path]:
    """Files to check: named files as given; directories walked for included, not excluded files."""
    for path in paths:
        if not path.is_dir():
            yield path
            continue
        for root, dirs, files in os.walk(path):
            root_path = Path(root)
            settings = resolver.for_path(root_path)
            dirs[:] = sorted(d for d in dirs if not settings.is_excluded(root_path / d))
            for name in sorted(files):
                file = root_path / name
                if settings.is_included(file) and not settings.is_excluded(file):
                    yield file


def _linter(settings: Settings, display: str, options: RunOptions) -> Linter:
    return Linter(settings, display, options.select, options.extend_select, options.ignore)


def process_text(source: sources.Source, settings: Settings, options: RunOptions) -> FileResult:
    """Check (and with fix/diff, fix) one decoded text. Never raises for bad input."""
    result = FileResult(source.path, text=source.text, warning=source.warning)
    try:
        linter = _linter(settings, source.path, options)
        if options.fixing:
            outcome = linter.fix(source.text, unsafe=options.unsafe_fixes or settings.unsafe_fixes)
            result.original = source.text
            result.text = outcome.text
            result.fixed = Counter(outcome.applied)
            remaining = outcome.remaining
        else:
            remaining = linter.violations(source.text)
        result.diagnostics = [linter.diagnostic(v, source.path) for v in remaining]
    except (FixError, RuleCrash) as exc:
        result.error = f"{source.path}: {exc}"
        result.text, result.fixed, result.original = source.text, Counter(), None
    return result


def process_file(path: Path, display: str, resolver: ConfigResolver, options: RunOptions) -> FileResult:
    try:
        settings = resolver.for_path(path)
        source = sources.read(path, display, settings.fallback_encoding, settings.max_file_size)
    except sources.BinaryFile as exc:
        return FileResult(display, warning=str(exc))
    except (sources.SourceError, ConfigError) as exc:
        return FileResult(display, error=str(exc))
    result = process_text(source, settings, options)
    if options.fix and not options.diff and result.error is None and result.text != source.text:
        try:
            sources.write_if_changed(path, source, result.text)
        except sources.SourceError as exc:
            result.error = str(exc)
    return result
