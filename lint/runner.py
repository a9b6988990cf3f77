"""Running newslint over files and stdin: find the files, pick each one's settings, check or
fix it, and hand back a `FileResult` per file for the reporters.
"""

from __future__ import annotations

import os
import sys
from collections import Counter
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from newslint import sources
from newslint.config import ConfigError, Settings, find_config_file, load_settings
from newslint.fix import FixError
from newslint.lint import Linter, RuleCrash
from newslint.report import FileResult
from newslint.rule import RuleUnavailable


@dataclass(frozen=True)
class RunOptions:
    fix: bool = False
    unsafe_fixes: bool = False
    diff: bool = False  # compute fixes, write nothing
    select: tuple[str, ...] | None = None
    extend_select: tuple[str, ...] = ()
    ignore: tuple[str, ...] = ()
    config: Path | None = None
    overrides: dict[str, Any] = field(default_factory=dict)  # settings given on the command line

    @property
    def fixing(self) -> bool:
        return self.fix or self.diff


class ConfigResolver:
    """Settings for each file: the nearest config file, or the one --config names."""

    def __init__(self, config: Path | None = None, overrides: dict[str, Any] | None = None) -> None:
        self.overrides = overrides or {}
        self.fixed = load_settings(config, self.overrides) if config is not None else None
        self._by_file: dict[Path | None, Settings] = {}
        self._by_dir: dict[Path, Path | None] = {}
        self._resolved: dict[Path, Path] = {}  # a folder as written -> as resolved

    def for_path(self, path: Path) -> Settings:
        if self.fixed is not None:
            return self.fixed
        if path.is_dir():
            directory = _resolve(path)
        elif path.is_symlink():  # its config is the one beside the file it points to
            directory = _resolve(path).parent
        else:  # a plain file: its folder is resolved once for all the files in it
            directory = self._resolved.get(path.parent) or self._resolved.setdefault(
                path.parent, _resolve(path.parent)
            )
        if directory not in self._by_dir:
            self._by_dir[directory] = find_config_file(directory)
        config = self._by_dir[directory]
        if config not in self._by_file:
            self._by_file[config] = load_settings(config, self.overrides)
        return self._by_file[config]


def _resolve(path: Path) -> Path:
    try:
        return path.resolve()
    except (OSError, RuntimeError):  # a symlink loop: reading the file reports it
        return path.absolute()


def discover(paths: list[Path], resolver: ConfigResolver) -> Iterator[Path]:
    """Files to check: named files as given; directories walked for included, not excluded files."""
    for path in paths:
        if not path.is_dir():
            yield path
            continue
        for root, dirs, files in os.walk(path):
            root_path = Path(root)
            settings = resolver.for_path(root_path)
            rel_dir = settings.relative(root_path)
            dirs[:] = sorted(d for d in dirs if not settings.excludes(_join(rel_dir, d)))
            for name in sorted(files):
                rel = _join(rel_dir, name)
                if settings.includes(name, rel) and not settings.excludes(rel):
                    yield root_path / name


def _join(rel_dir: str, name: str) -> str:
    return name if rel_dir in (".", "") else f"{rel_dir}/{name}"


# settings, per-file ignores, select, extend-select, ignore
_LinterKey = tuple[int, tuple[str, ...], tuple[str, ...] | None, tuple[str, ...], tuple[str, ...]]
_LINTERS: dict[_LinterKey, Linter] = {}


def _linter(settings: Settings, display: str, options: RunOptions) -> Linter:
    """A linter for one file. Files with the same settings and per-file ignores share the rule
    instances: building them for every file of a corpus cost more than checking short stories."""
    key: _LinterKey = (
        id(settings),
        tuple(settings.ignores_for(display)),
        options.select,
        tuple(options.extend_select),
        tuple(options.ignore),
    )
    linter = _LINTERS.get(key)
    if linter is None or linter.settings is not settings:
        if len(_LINTERS) > 64:
            _LINTERS.clear()
        linter = _LINTERS[key] = Linter(
            settings, display, options.select, options.extend_select, options.ignore
        )
    return linter.for_path(display)


def process_text(source: sources.Source, settings: Settings, options: RunOptions) -> FileResult:
    """Check (and with fix/diff, fix) one decoded text. Never raises for bad input."""
    result = FileResult(
        source.path, text=source.text, warning=source.warning, unsafe_by_config=settings.unsafe_fixes
    )
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
    except RuleUnavailable as exc:  # the same for every file: reported once for the run
        result.error = str(exc)
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


# --- many files: tasks, run in parallel processes ------------------------------------------
PARALLEL_MIN_TASKS = 64  # below this, starting worker processes costs more than it saves


def available_cores() -> int:
    try:
        return max(1, len(os.sched_getaffinity(0)))
    except AttributeError:  # not on Linux
        return os.cpu_count() or 1


def default_jobs(tasks: int) -> int:
    """`--jobs` not given: one process per core for large runs, one process otherwise."""
    return available_cores() if tasks >= PARALLEL_MIN_TASKS else 1


@dataclass(frozen=True)
class FileTask:
    """Check (or fix) one file on disk."""

    path: str
    display: str

    def run(self, resolver: ConfigResolver, options: RunOptions) -> FileResult:
        return process_file(Path(self.path), self.display, resolver, options)


@dataclass(frozen=True)
class TextTask:
    """Check (or fix, in memory) one text that is not a file of its own, e.g. a JSON Lines record.
    `anchor` is the path whose config applies."""

    display: str
    text: str
    anchor: str

    def run(self, resolver: ConfigResolver, options: RunOptions) -> FileResult:
        try:
            settings = resolver.for_path(Path(self.anchor))
        except ConfigError as exc:
            return FileResult(self.display, error=str(exc))
        source = sources.Source(self.display, self.text, "utf-8", b"", "\n", b"")
        return process_text(source, settings, options)


_worker_state: tuple[ConfigResolver, RunOptions] | None = None


def _start_worker(config: Path | None, overrides: dict[str, Any], options: RunOptions) -> None:
    global _worker_state
    _worker_state = (ConfigResolver(config, overrides), options)


def _run_in_worker(task: FileTask | TextTask) -> FileResult:
    assert _worker_state is not None, "worker not initialised"
    result = task.run(*_worker_state)
    if isinstance(task, TextTask):  # the parent has this text already: do not send it back
        if result.text == task.text:
            result.text = _SAME_TEXT
        if result.original == task.text:
            result.original = _SAME_TEXT
    return result


_SAME_TEXT = "\x00newslint: the task's own text\x00"  # never a checked text: NUL is refused on input


def _restore(task: FileTask | TextTask, result: FileResult) -> FileResult:
    if isinstance(task, TextTask):
        if result.text == _SAME_TEXT:
            result.text = task.text
        if result.original == _SAME_TEXT:
            result.original = task.text
    return result


def run_tasks(
    tasks: Sequence[FileTask | TextTask],
    resolver: ConfigResolver,
    options: RunOptions,
    jobs: int = 1,
    on_result: Callable[[FileResult], None] | None = None,
) -> list[FileResult]:
    """Run every task, in `jobs` worker processes when jobs > 1. Results come back in the
    order of `tasks`, whatever the number of processes, so reports are deterministic."""
    jobs = max(1, min(jobs, len(tasks)))
    if jobs == 1:
        results = []
        for task in tasks:
            results.append(task.run(resolver, options))
            if on_result is not None:
                on_result(results[-1])
        return results
    # fork starts workers fast and with the modules already imported; elsewhere (macOS,
    # Windows) fork is unsafe or missing, and the platform default is used.
    import multiprocessing  # only parallel runs need it

    context = multiprocessing.get_context("fork" if sys.platform.startswith("linux") else None)
    chunk = max(1, min(64, len(tasks) // (jobs * 8)))
    with context.Pool(jobs, _start_worker, (options.config, resolver.overrides, options)) as pool:
        results = []
        for task, result in zip(tasks, pool.imap(_run_in_worker, tasks, chunksize=chunk), strict=True):
            results.append(_restore(task, result))
            if on_result is not None:
                on_result(result)
        pool.close()  # let workers exit normally, so their finalizers run (a local LanguageTool
        pool.join()  # server started in a worker is stopped, not orphaned)
    return results
