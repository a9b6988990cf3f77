"""Running newslint over files and stdin: find the files, pick each one's settings, check or
fix it, and hand back a `FileResult` per file for the reporters.
"""

from __future__ import annotations

import contextlib
import dataclasses
import errno
import functools
import gc
import os
import stat
import sys
from collections import Counter
from collections.abc import Callable, Collection, Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from itertools import chain
from operator import attrgetter
from pathlib import Path
from typing import Any, ParamSpec

from newslint import sources
from newslint.config import ConfigError, Settings, config_file_in, find_config_file, load_settings
from newslint.fix import FixError
from newslint.lint import Linter, RuleCrash
from newslint.quoting import quote_name
from newslint.report import FileResult
from newslint.rule import RuleUnavailable


@dataclass(frozen=True)
class RunOptions:
    """How a run checks: fixing or not, and the rules selected on the command line."""

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
        self._parents: dict[str, Path] = {}  # the same, for the folders of plain files, by name
        self._walked: dict[str, Settings] = {}  # the settings of a walked folder's plain files

    def for_path(self, path: Path) -> Settings:
        if self.fixed is not None:
            return self.fixed
        # One lstat tells most paths (a plain file, a folder), where `is_dir` and `is_symlink`
        # made two calls a file; a link, or an error, is asked about the two calls' way.
        try:
            mode = os.lstat(path).st_mode
        except (OSError, ValueError):
            mode = stat.S_IFLNK
        if not stat.S_ISLNK(mode):
            directory = _resolve(path) if stat.S_ISDIR(mode) else self._parent_resolved(path)
        elif path.is_dir():
            directory = _resolve(path)
        elif path.is_symlink():  # its config is the one beside the file it points to
            directory = _resolve(path).parent
        else:
            directory = self._parent_resolved(path)
        return self._settings_in(directory)

    def for_walked_file(self, path: str) -> Settings:
        """Settings for a file a walk met as a plain file (a regular file, not a link: see
        `discover_files`): its folder's, as `for_path` finds them, without asking the system
        about the file again."""
        if self.fixed is not None:
            return self.fixed
        # by the folder's name as a string: found with no Path compared (pathlib's __eq__ is
        # Python) and no further lookup; a folder's settings, once found, stay what they are.
        # The key is the path up to its last separator, not `os.path.dirname` (five Python calls
        # a file): the files of one folder share it, and a walk writes every path of a folder
        # with the same prefix (`_walk`)
        folder = path[: max(path.rfind("/"), path.rfind(os.sep)) + 1]
        found = self._walked.get(folder)
        if found is None:
            found = self._walked[folder] = self._settings_in(self._parent_resolved(path))
        return found

    def _parent_resolved(self, path: Path | str) -> Path:
        """A plain file's folder, resolved once for all the files in it (and found by its name as
        a string: a file's `Path.parent` is a new Path, built and hashed for every file)."""
        name = os.path.dirname(path)
        found = self._parents.get(name)
        if found is None:
            parent = path.parent if isinstance(path, Path) else Path(name)
            found = self._parents[name] = self._resolved.get(parent) or self._resolved.setdefault(
                parent, _resolve(parent)
            )
        return found

    def _settings_in(self, directory: Path) -> Settings:
        if directory not in self._by_dir:
            self._by_dir[directory] = find_config_file(directory)
        return self._settings(self._by_dir[directory])

    def for_subdirectory(
        self, directory: Path, parent: Path, names: Collection[str], shown: Path
    ) -> Settings:
        """Settings for `directory`, met in a walk below `parent` (both resolved, `parent`
        looked up before) and listed (`names`): its own config file, or its parent's. One
        directory's listing is looked at, not every directory above it, so a walk costs the same
        at any depth; and the folder as the walk shows it (`shown`) is known to be `directory`,
        so its files' settings need no resolving of its path, level by level."""
        if self.fixed is not None:
            return self.fixed
        if directory not in self._by_dir:
            self._by_dir[directory] = config_file_in(directory, names) or self._by_dir[parent]
        self._resolved.setdefault(shown, directory)
        return self._settings(self._by_dir[directory])

    def _settings(self, config: Path | None) -> Settings:
        if config not in self._by_file:
            self._by_file[config] = load_settings(config, self.overrides)
        return self._by_file[config]


def _resolve(path: Path) -> Path:
    try:
        return path.resolve()
    except (OSError, RuntimeError):  # a symlink loop: reading the file reports it
        return path.absolute()


@dataclass(frozen=True)
class Skipped:
    """Something a directory walk did not check: a folder it could not read (an error) or a
    file that is not a regular file (a fifo, a device: skipped with a warning)."""

    path: str
    message: str
    error: bool = True


def discover(paths: list[Path], resolver: ConfigResolver) -> Iterator[Path | Skipped]:
    """Files to check: named files as given; directories walked for included, not excluded
    files, in sorted order, each folder's files before its subfolders'."""
    for found in discover_files(paths, resolver):
        yield found if isinstance(found, Skipped) else Path(found[0])


def discover_files(paths: list[Path], resolver: ConfigResolver) -> Iterator[tuple[str, bool] | Skipped]:
    """`discover`'s files as the strings of their paths (a walk builds no Path for a file), each
    with whether a walk met it as a plain file, a regular file and not a link, which the walk's
    listing tells without asking the system: its settings are its folder's
    (`ConfigResolver.for_walked_file`). A named file is not known to be one. (The walks
    chained, not delegated to by a generator: one frame less to resume for each file.)"""
    return chain.from_iterable(
        _walk(path, resolver) if path.is_dir() else ((str(path), False),) for path in paths
    )


def _walk(top: Path, resolver: ConfigResolver) -> Iterator[tuple[str, bool] | Skipped]:
    """A walk with a stack, not recursion: any depth (a tree 1,500 folders deep ended the whole
    run with RecursionError in os.walk on Python 3.11). A folder that cannot be read is
    reported and the walk goes on; links to folders are not followed, and a folder met twice
    (a bind mount of its parent) is reported, not walked again."""
    try:
        resolved_top = top.resolve()
        top_settings = resolver.for_path(top)
    except (OSError, RuntimeError, ConfigError) as exc:
        yield Skipped(quote_name(str(top)), _folder_problem(top, exc))
        return
    # (folder as shown, resolved, its path relative to its parent's settings' root, and the
    # parent's settings, from which the folder's own are found; None for the top)
    Entry = tuple[Path, Path, str, Settings | None]
    stack: list[Entry] = [(top, resolved_top, top_settings.relative(resolved_top), None)]
    seen: set[tuple[int, int]] = set()
    while stack:
        folder, resolved, rel_dir, parent_settings = stack.pop()
        try:
            info = os.stat(folder)
            if (info.st_dev, info.st_ino) in seen:
                shown = quote_name(str(folder))
                yield Skipped(shown, f"{shown}: met twice in one walk (a loop); not walked again")
                continue
            seen.add((info.st_dev, info.st_ino))
            with os.scandir(folder) as listing:
                entries = sorted(listing, key=_NAME_OF)
        except OSError as exc:
            yield Skipped(quote_name(str(folder)), _folder_problem(folder, exc))
            continue
        settings = top_settings
        if parent_settings is not None:
            try:
                settings = resolver.for_subdirectory(
                    resolved, resolved.parent, {e.name for e in entries}, folder
                )
            except (OSError, ConfigError) as exc:  # a path too long for the system; a bad config
                yield Skipped(quote_name(str(folder)), _folder_problem(folder, exc))
                continue
            if settings is not parent_settings:  # a config file of its own: paths are relative to it
                rel_dir = settings.relative(resolved)
        subfolders: list[Entry] = []
        # a file's path: this and its name, as `folder / name` writes it (one Path a folder)
        prefix = str(folder / "_")[:-1]
        endings, names = settings.plain_file_test(rel_dir) or (None, frozenset())
        for entry in entries:
            name = entry.name
            # a regular file, not a link (most): asked first, which tells it is no folder (one
            # call with a keyword a file less: 5 M instructions over the corpus, measured)
            regular = entry.is_file(follow_symlinks=False)
            if not regular and entry.is_dir(follow_symlinks=False):
                rel = _join(rel_dir, name)
                if not settings.excludes(rel):
                    subfolders.append((folder / name, resolved / name, rel, settings))
            elif (
                (endings is not None and name.endswith(endings) and name not in names)
                or settings.includes(name, rel := _join(rel_dir, name))
                and not settings.excludes(rel)
            ):
                if regular:
                    yield prefix + name, True
                    continue
                found = _walked_file(prefix + name, entry)
                if found is not None:
                    yield found
        stack.extend(reversed(subfolders))


_NAME_OF = attrgetter("name")


def _walked_file(path: str, entry: os.DirEntry[str]) -> tuple[str, bool] | Skipped | None:
    """A file met in a walk: its path to check (a regular file, or a broken or looping link,
    which reading reports) and whether it is a plain file (a regular file, not a link: the
    listing tells), a `Skipped` warning for a fifo, device or socket, None for a link to a
    folder (not followed)."""
    try:
        if entry.is_file():
            return path, not entry.is_symlink()
        if entry.is_dir():
            return None
        mode = os.stat(path).st_mode
    except OSError:  # a link that leads nowhere or in a loop
        return path, False
    shown = quote_name(str(path))
    return Skipped(shown, f"{shown}: {sources.file_kind(mode)}, not a regular file; skipped", error=False)


def _folder_problem(path: Path, exc: BaseException) -> str:
    if isinstance(exc, ConfigError):  # it names its file and key; the rest of the walk goes on
        return f"{exc}; the files in this folder were not checked"
    folder = quote_name(str(path))
    if len(folder) > 300:  # a folder thousands of levels deep: its name would fill the screen
        folder = f"{folder[:120]}...{folder[-120:]}"
    if isinstance(exc, PermissionError):
        return f"{folder}: permission denied; the files in this folder were not checked"
    if isinstance(exc, OSError) and exc.errno == errno.ENAMETOOLONG:
        return f"{folder}: too deeply nested (path too long); the files in this folder were not checked"
    reason = exc.strerror if isinstance(exc, OSError) and exc.strerror else str(exc)
    return f"{folder}: cannot read this folder ({reason}); its files were not checked"


def _join(rel_dir: str, name: str) -> str:
    return name if rel_dir in (".", "") else f"{rel_dir}/{name}"


# settings, per-file ignores, select, extend-select, ignore
_LinterKey = tuple[int, tuple[str, ...], tuple[str, ...] | None, tuple[str, ...], tuple[str, ...]]
_LINTERS: dict[_LinterKey, Linter] = {}


def _linter(settings: Settings, display: str, options: RunOptions) -> Linter:
    """A linter for one file. Files with the same settings and per-file ignores share the rule
    instances: building them for every file of a corpus cost more than checking short stories."""
    return _shared_linter(settings, display, options).for_path(display)


# the last `_shared_linter` asked without per-file ignores: (settings, options, its linter)
_last_shared: tuple[Settings | None, RunOptions | None, Linter | None] = (None, None, None)


def _shared_linter(settings: Settings, display: str, options: RunOptions) -> Linter:
    """`_linter` but for its path: the linter its files share, made for the first of them
    (`Linter.violations` told each file's path). The last one asked for settings without
    per-file ignores is kept: most files of a run ask for the one they asked for before, and
    making its key again (three tuples) and a linter for the file's path (`for_path`) cost 2 us
    a file (measured), 0.5% of a corpus run."""
    last = _last_shared  # (one read: a thread may replace it)
    if last[0] is settings and last[1] is options and last[2] is not None:
        return last[2]
    key: _LinterKey = (
        id(settings),
        tuple(settings.ignores_for(display)) if settings.per_file_ignores else (),  # (most: none)
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
    if not settings.per_file_ignores:
        _remember_shared(settings, options, linter)
    return linter


def _remember_shared(settings: Settings, options: RunOptions, linter: Linter) -> None:
    global _last_shared
    _last_shared = (settings, options, linter)


# C's allocator told, where it is glibc's, to serve blocks of this size and more from the system
# and give them back when freed (`_settle_allocator`), before a text of BIG_TEXT characters or
# more is checked.
MMAP_THRESHOLD = 128 * 1024
BIG_TEXT = 1 << 20
_M_TRIM_THRESHOLD, _M_MMAP_THRESHOLD = -1, -3  # glibc's mallopt parameters
_allocator_settled = False


def _settle_allocator() -> None:
    """Before a big text is checked (`BIG_TEXT` characters or more): glibc's malloc serves a
    block of `MMAP_THRESHOLD` bytes or more from its own mapping, given back when freed, and
    returns free memory at the top of its heap past that much. Left to itself it raises both
    bounds when a big block is freed (the file's bytes once decoded, a lowercase copy), and a
    big text's check then leaves its large working buffers (the compiled scans' tables, grown
    by steps) in the heap, held to the end of the run: 4 MB of big10's 188 MB peak (measured).
    Once a process, by the runner, which owns it (as `_settle` tunes the collector); a system
    without glibc's `mallopt` is left as it is."""
    global _allocator_settled
    if _allocator_settled:
        return
    _allocator_settled = True
    if not sys.platform.startswith("linux"):
        return
    try:
        import ctypes

        mallopt = ctypes.CDLL(None).mallopt
    except (ImportError, OSError, AttributeError):  # no ctypes, or no mallopt in this C library
        return
    mallopt(_M_MMAP_THRESHOLD, MMAP_THRESHOLD)
    mallopt(_M_TRIM_THRESHOLD, MMAP_THRESHOLD)


_EMPTY_COUNTER = Counter.__new__  # (`report._no_fixes` without its frame: Counter.__init__ adds nothing)


def process_text(source: sources.Source, settings: Settings, options: RunOptions) -> FileResult:
    """Check (and with fix/diff, fix) one decoded text. Never raises for bad input."""
    if len(source.text) >= BIG_TEXT:
        _settle_allocator()
    # every field given, in order: keywords and the two default factories (a list, and an empty
    # Counter through a Python call) cost 0.6-0.9 us a file of the 1.6-2 us (timeit)
    result = FileResult(
        source.path, source.text, [], _EMPTY_COUNTER(Counter), None, None, 0, source.warning,
        settings.unsafe_fixes,
    )  # fmt: skip
    try:
        # the file's linter: its path told to `violations` (no linter made for it), and
        # `for_path` for a fix (whose checks ask `violations` with the text alone)
        linter = _shared_linter(settings, source.path, options)
        if options.fixing:
            linter = linter.for_path(source.path)
            outcome = linter.fix(source.text, unsafe=options.unsafe_fixes or settings.unsafe_fixes)
            result.original = source.text
            result.text = outcome.text
            result.fixed = Counter(outcome.applied)
            remaining = outcome.remaining
        else:
            remaining = linter.violations(source.text, source.path)
        if remaining:  # (most stories: no comprehension made for none)
            result.diagnostics = [linter.diagnostic(v, source.path) for v in remaining]
    except (FixError, RuleCrash) as exc:
        result.error = f"{source.path}: {exc}"
        result.text, result.fixed, result.original = source.text, Counter(), None
    except RuleUnavailable as exc:  # the same for every file: reported once for the run
        result.error = str(exc)
        result.text, result.fixed, result.original = source.text, Counter(), None
    return result


def process_file(
    path: Path | str, display: str, resolver: ConfigResolver, options: RunOptions, plain: bool = False
) -> FileResult:
    """Check (or fix) one file; `plain`: a walk met it as a plain file (`discover_files`)."""
    try:
        settings = (
            resolver.for_walked_file(path) if plain and type(path) is str else resolver.for_path(Path(path))
        )
        writes = options.fix and not options.diff
        source = sources.read(
            path, display, settings.fallback_encoding, settings.max_file_size, keep_raw=writes
        )
    except sources.BinaryFile as exc:
        return FileResult(display, warning=str(exc))
    except (sources.SourceError, ConfigError) as exc:
        return FileResult(display, error=str(exc))
    result = process_text(source, settings, options)
    if options.fix and not options.diff and result.error is None and result.text != source.text:
        try:
            sources.write_if_changed(Path(path), source, result.text)
        except sources.SourceError as exc:
            # Nothing was written: report the file as it stays on disk, every problem in it.
            result.not_written(
                str(exc), process_text(source, settings, dataclasses.replace(options, fix=False))
            )
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


@dataclass(slots=True)  # a corpus run holds one a file
class FileTask:
    """Check (or fix) one file on disk; `plain`: a walk met it as a plain file
    (`discover_files`), whose settings are its folder's. Not changed once made, but not
    frozen: a frozen dataclass sets each field in `__init__` through `object.__setattr__`,
    6.2 K instructions a task against 2.5 K, 40 M of a corpus run's start before its workers
    fork (measured)."""

    path: str
    display: str
    plain: bool = False

    def run(self, resolver: ConfigResolver, options: RunOptions) -> FileResult:
        return process_file(self.path, self.display, resolver, options, self.plain)


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


# A task: a file (`FileTask`), a text (`TextTask`), or a path alone, a file a walk met as a plain
# file (`discover_files`) whose name is shown as it is (`plain_name`): most of a corpus run's
# tasks, made before its workers fork (a FileTask a file was 25 M instructions over the corpus).
Task = FileTask | TextTask | str


def run_task(task: Task, resolver: ConfigResolver, options: RunOptions) -> FileResult:
    """Check (or fix) what `task` stands for."""
    if isinstance(task, str):
        return process_file(task, task, resolver, options, True)
    return task.run(resolver, options)


def shown_name(task: Task) -> str:
    """The name a task's result is shown under."""
    return task if isinstance(task, str) else task.display


_worker_state: tuple[ConfigResolver, RunOptions] | None = None
_worker_drops_text = False  # the run's `drop_clean_text`, in a worker
# A forked run's tasks, which its workers share: sent as indices (`batches`), not pickled (the
# parent pickled a corpus run's 10,657 file tasks, 18 ms, and the workers unpickled them)
_forked_tasks: Sequence[Task] = ()
_settled = False

# The youngest generation's threshold once a process is settled (Python's default is 700).
# A story's check leaves few objects behind (what the memos learn) and makes few cycles, so a
# collection every 700 more objects ran several times a story for little garbage: 1.1% of the
# instructions of a run over every 10th corpus story; the peak memory of a corpus run in one
# process did not move (95.5 MB, measured).
YOUNG_THRESHOLD = 20_000


_collector_held = False  # switched off by `hold_collector`, and to be switched on again


def hold_collector() -> None:
    """A command's set-up, up to its first file (the rules imported, the config read, the walk,
    the first linter, its rules' tables): the cyclic collector waits for it. It makes millions
    of objects and almost no garbage: before a corpus run's workers forked, 55 collections
    found 85 objects, 3% of the instructions of that serial start (measured). Switched on
    again when the process settles (`_settle`) or by `release_collector` (a run with no file
    to check, a stream). A collector already switched off stays off."""
    global _collector_held
    if gc.isenabled():
        gc.disable()
        _collector_held = True


def release_collector() -> None:
    """The collector switched on again, if `hold_collector` switched it off."""
    global _collector_held
    if _collector_held:
        _collector_held = False
        gc.enable()


P = ParamSpec("P")  # a held command's parameters


def holding_collector(command: Callable[P, None]) -> Callable[P, None]:
    """`command` run with the collector held for its set-up (`hold_collector`), and switched on
    again however it ends: a command run in a caller's process (a test, an editor's host) that
    exits early (a bad config, SystemExit) must not leave that process without its collector,
    where every cycle made afterwards would stay (one pytest worker grew to 2.9 GB so)."""

    @functools.wraps(command)
    def held(*args: P.args, **kwargs: P.kwargs) -> None:
        hold_collector()
        try:
            command(*args, **kwargs)
        finally:
            release_collector()

    return held


def _settle() -> None:
    """After a process's first file: what the rules loaded for it (word lists, tables, compiled
    patterns: most of the heap, kept for the whole run) is moved out of the cyclic collector's
    reach, which otherwise walks it again at each full collection, file after file (1.4% of a
    corpus run's instructions), and the young generation is collected less often
    (`YOUNG_THRESHOLD`). Garbage made later is collected as before. Only the runner does
    this, once a process: it owns the process, where a library caller of `Linter` may not want
    its collector changed. A collector held for the set-up (`hold_collector`) is switched on."""
    global _settled
    if _collector_held:
        release_collector()
    if not _settled:
        _settled = True
        gc.freeze()
        young, *older = gc.get_threshold()
        if 0 < young < YOUNG_THRESHOLD:  # 0: collection switched off, as it stays
            gc.set_threshold(YOUNG_THRESHOLD, *older)


def let_text_go(result: FileResult) -> None:
    """A result with nothing to report and no fixing keeps no copy of its text: the reports
    and the baseline read a file's text only at its problems (positions, quoted words), and
    after a fix (compared, written, diffed: `original` is set then). A corpus run held every
    clean story's text to its end (about 16 MB of the 121 MB peak over the 10,657 dev
    stories, measured)."""
    if not result.diagnostics and result.original is None:
        result.text = ""


def _start_worker(
    config: Path | None, overrides: dict[str, Any], options: RunOptions, drop_clean_text: bool
) -> None:
    """A pool worker's state, where workers are not forked (`run_tasks`): a resolver of its
    own for the same config."""
    global _worker_state, _worker_drops_text
    _worker_state = (ConfigResolver(config, overrides), options)
    _worker_drops_text = drop_clean_text


# A result that is only its task's name: nothing found, nothing said, no text kept
# (`drop_clean_text`), sent back as its `unsafe_by_config` alone. Most files of a corpus run
# are clean: their results were 8.9 of the 13.9 MB the workers pickled over the 10,657 dev
# stories, unpickled in the parent, which competes with the workers for the cores.
_Bare = bool


def _run_in_worker(task: Task) -> FileResult | _Bare:
    assert _worker_state is not None, "worker not initialised"
    result = run_task(task, *_worker_state)
    _settle()
    if _worker_drops_text:
        let_text_go(result)
        if (
            not result.text
            and not result.diagnostics
            and result.original is None
            and result.error is None
            and result.warning is None
            and not result.fixed
            and not result.unwritten
            and result.path == shown_name(task)
        ):
            return result.unsafe_by_config
    if isinstance(task, TextTask):  # the parent has this text already: do not send it back
        if result.text == task.text:
            result.text = _SAME_TEXT
        if result.original == task.text:
            result.original = _SAME_TEXT
    return result


def _run_batch(batch: range) -> list[FileResult | _Bare]:
    return [_run_in_worker(_forked_tasks[index]) for index in batch]


def batches(count: int, jobs: int, most: int) -> list[range]:
    """A forked run's tasks, by index, in the batches its workers take one at a time: `most`
    each, then smaller toward the end (a share of what is left), so that the workers finish
    together, not one waiting while the other checks a last batch of `most` stories (over the
    corpus, 64 stories were 0.1 G instructions, and the two workers ended 0.05 G apart)."""
    found: list[range] = []
    first = 0
    while first < count:
        size = max(1, min(most, (count - first) // (jobs * 4)))
        found.append(range(first, first + size))
        first += size
    return found


_SAME_TEXT = "\x00newslint: the task's own text\x00"  # never a checked text: NUL is refused on input


def _restore(task: Task, result: FileResult | _Bare) -> FileResult:
    if type(result) is bool:
        return FileResult(shown_name(task), unsafe_by_config=result)
    assert isinstance(result, FileResult)
    if isinstance(task, TextTask):
        if result.text == _SAME_TEXT:
            result.text = task.text
        if result.original == _SAME_TEXT:
            result.original = task.text
    return result


def run_tasks(
    tasks: Sequence[Task],
    resolver: ConfigResolver,
    options: RunOptions,
    jobs: int = 1,
    on_result: Callable[[FileResult], None] | None = None,
    drop_clean_text: bool = False,
) -> list[FileResult]:
    """Run every task, in `jobs` worker processes when jobs > 1. Results come back in the
    order of `tasks`, whatever the number of processes, so reports are deterministic.
    `drop_clean_text`: a result keeps its text only where the reports read it (`let_text_go`),
    and a worker does not send it back."""
    jobs = max(1, min(jobs, len(tasks)))
    if jobs == 1:
        results = []
        for task in tasks:
            results.append(run_task(task, resolver, options))
            _settle()
            if drop_clean_text:
                let_text_go(results[-1])
            if on_result is not None:
                on_result(results[-1])
        return results
    chunk = max(1, min(64, len(tasks) // (jobs * 8)))
    if FORK:
        _warm_up(tasks[0], resolver, options, len(tasks) >= PARALLEL_MIN_TASKS)
        _settle()  # before the fork: the workers never walk what they share (`_settle`)
        work = batches(len(tasks), jobs, chunk)
        return _run_forked(tasks, work, jobs, (resolver, options), on_result, drop_clean_text)
    import multiprocessing  # only parallel runs need it

    release_collector()  # this process only waits for the pool's results now
    context = multiprocessing.get_context()
    start = (options.config, resolver.overrides, options, drop_clean_text)
    with context.Pool(jobs, _start_worker, start) as pool:
        results = []
        for task, result in zip(tasks, pool.imap(_run_in_worker, tasks, chunksize=chunk), strict=True):
            results.append(_restore(task, result))
            if on_result is not None:
                on_result(results[-1])
        pool.close()  # let workers exit normally, so their finalizers run (a local LanguageTool
        pool.join()  # server started in a worker is stopped, not orphaned)
    return results


# Workers forked (Linux): they start at once, with the modules imported and the tables built.
# Elsewhere (macOS, Windows) fork is unsafe or missing: a pool of the platform's kind.
FORK = sys.platform.startswith("linux")

# A forked worker's pipe to the parent, made this large where the system lets it: the parent
# reads it between batches of its own, and a worker whose results outrun a 64 KB pipe would wait.
PIPE_SIZE = 1 << 20
_COUNT = 8  # bytes of the shared count of batches taken (`_take`) and of a message's length


def _run_forked(
    tasks: Sequence[Task],
    work: list[range],
    jobs: int,
    state: tuple[ConfigResolver, RunOptions],
    on_result: Callable[[FileResult], None] | None,
    drop_clean_text: bool,
) -> list[FileResult]:
    """A forked run: `jobs - 1` workers forked, and this process the last of the `jobs`. Each
    takes the next batch of `work` (a shared count) until none is left; a worker sends its
    results back, this process keeps its own (nothing pickled), and the results are handed
    on (`on_result`) in the order of `tasks`. A pool of `jobs` workers left this process to
    wait, unpickling every result and running the pool's threads: 7% of a corpus run's CPU
    time, taken from the workers on a machine with as many cores as workers.

    The workers are forked with `os.fork` and talk through pipes, not with multiprocessing's
    processes, pipes and shared value: importing those (and ctypes, tempfile, subprocess,
    socket under them) was 5% of the instructions this process ran before the fork, which
    the workers wait for (measured). The count is a pipe holding one 8-byte number, which a
    process reads (the others wait to read) and writes back one more."""
    global _forked_tasks, _worker_state, _worker_drops_text
    import select

    count_pipe = os.pipe()
    os.write(count_pipe[1], (0).to_bytes(_COUNT, "little"))
    done: list[list[FileResult | _Bare] | BaseException | None] = [None] * len(work)
    mine = [False] * len(work)
    workers: list[int] = []  # process ids, until each is waited for
    readers: dict[int, int] = {}  # a worker's pipe -> the worker
    polled = select.poll()
    results: list[FileResult] = []
    _forked_tasks, _worker_state, _worker_drops_text = tasks, state, drop_clean_text
    try:
        _flush_streams()  # nothing buffered here is written again by a worker
        for _ in range(jobs - 1):
            reader, writer = os.pipe()
            try:
                import fcntl

                fcntl.fcntl(writer, fcntl.F_SETPIPE_SZ, PIPE_SIZE)
            except (ImportError, AttributeError, OSError):
                pass  # a 64 KB pipe: the worker waits now and then, no more
            try:
                process = os.fork()
            except BaseException:
                os.close(reader)
                os.close(writer)
                raise
            if process == 0:  # the worker, which never returns from here
                _forked_child(writer, count_pipe, work, [reader, *readers])
            os.close(writer)
            workers.append(process)
            readers[reader] = process
            polled.register(reader, select.POLLIN)

        def receive(block: bool) -> None:
            for reader, _ in polled.poll(None if block else 0):
                message = _receive(reader)
                if message is None:  # the worker has ended: all its batches were sent
                    polled.unregister(reader)
                    del readers[reader]
                    os.close(reader)
                    continue
                index, sent = message
                if index < 0 and isinstance(sent, BaseException):
                    raise sent  # failed before it took a batch
                done[index] = sent

        handed = 0
        while True:
            index = _take(count_pipe, len(work))
            if index is None:
                break
            done[index] = [_run_own(tasks[i], state, drop_clean_text) for i in work[index]]
            mine[index] = True
            receive(block=False)
            handed = _hand_on(tasks, work, done, mine, handed, results, on_result)
        while handed < len(work):
            if not readers:
                raise RuntimeError("a worker process ended before sending back its results")
            receive(block=True)
            handed = _hand_on(tasks, work, done, mine, handed, results, on_result)
        while workers:  # each has ended or is ending: waited for, as a pool's
            os.waitpid(workers[-1], 0)
            workers.pop()
    finally:
        _forked_tasks, _worker_state, _worker_drops_text = (), None, False
        if workers:  # the run failed: nothing more is wanted of them
            import signal

            for process in workers:
                with contextlib.suppress(ProcessLookupError):
                    os.kill(process, signal.SIGTERM)
            for process in workers:
                os.waitpid(process, 0)
        for fd in [*readers, *count_pipe]:
            os.close(fd)
    return results


def _flush_streams() -> None:
    for stream in (sys.stdout, sys.stderr):
        try:
            if stream is not None:
                stream.flush()
        except (AttributeError, ValueError, OSError):
            pass


def _take(count_pipe: tuple[int, int], count: int) -> int | None:
    """The next batch for this process, or None once every batch is taken: the count read
    from its pipe (while it is out, the other processes wait for it) and one more put back."""
    taken = os.read(count_pipe[0], _COUNT)
    index = int.from_bytes(taken, "little")
    if index >= count:
        os.write(count_pipe[1], taken)
        return None
    os.write(count_pipe[1], (index + 1).to_bytes(_COUNT, "little"))
    return index


def _send(writer: int, message: object) -> None:
    """A message to the parent: its length and its pickle."""
    import pickle

    data = pickle.dumps(message, pickle.HIGHEST_PROTOCOL)
    for part in (len(data).to_bytes(_COUNT, "little"), data):
        view = memoryview(part)
        while view:
            view = view[os.write(writer, view) :]


def _receive(reader: int) -> Any | None:
    """A worker's next message, or None when it has ended (its pipe closed)."""
    head = _read(reader, _COUNT)
    if head is None:
        return None
    body = _read(reader, int.from_bytes(head, "little"))
    if body is None:
        raise RuntimeError("a worker process ended while sending back its results")
    import pickle

    return pickle.loads(body)


def _read(reader: int, size: int) -> bytearray | None:
    """`size` bytes from a pipe, or None when it ends first."""
    data = bytearray(size)
    view = memoryview(data)
    got = 0
    while got < size:
        read = os.readv(reader, [view[got:]])
        if read == 0:
            return None
        got += read
    return data


def _run_own(task: Task, state: tuple[ConfigResolver, RunOptions], drops_text: bool) -> FileResult:
    result = run_task(task, *state)
    if drops_text:
        let_text_go(result)
    return result


def _hand_on(
    tasks: Sequence[Task],
    work: list[range],
    done: list[list[FileResult | _Bare] | BaseException | None],
    mine: list[bool],
    handed: int,
    results: list[FileResult],
    on_result: Callable[[FileResult], None] | None,
) -> int:
    """Hand on the results of the batches done since `handed`, in order, up to the first not
    done yet; returns the new `handed`."""
    while handed < len(work):
        sent = done[handed]
        if sent is None:
            break
        if isinstance(sent, BaseException):
            raise sent
        done[handed] = None
        if mine[handed]:
            got: Iterable[FileResult | _Bare] = sent  # this process's own: whole results
        else:
            got = map(_restore, [tasks[i] for i in work[handed]], sent)
        for result in got:
            assert isinstance(result, FileResult)
            results.append(result)
            if on_result is not None:
                on_result(result)
        handed += 1
    return handed


def _forked_child(writer: int, count_pipe: tuple[int, int], work: list[range], others: list[int]) -> None:
    """A forked worker's life, ended with `os._exit`: never back in the parent's code. Set up as
    multiprocessing sets up a process it forks: stdin left to the parent, the parent's
    multiprocessing finalizers not run here, this process's own run at its end (a local
    LanguageTool server started here is stopped, `rules.grammar._backend`)."""
    code = 1
    try:
        for fd in others:  # the parent's end of this and the earlier workers' pipes
            os.close(fd)
        if sys.stdin is not None:
            try:
                sys.stdin.close()
                sys.stdin = open(os.devnull)  # noqa: SIM115 (held to the process's end)
            except (OSError, ValueError):
                pass
        util = sys.modules.get("multiprocessing.util")
        if util is not None:
            util._finalizer_registry.clear()
            util._run_after_forkers()
        _forked_worker(writer, count_pipe, work)
        code = 0
    finally:
        try:
            util = sys.modules.get("multiprocessing.util")
            if util is not None:
                util._exit_function()
            _flush_streams()
        finally:
            os._exit(code)


def _forked_worker(writer: int, count_pipe: tuple[int, int], work: list[range]) -> None:
    """A forked worker: batches taken until none is left, each sent back with its index."""
    index = -1
    try:
        while True:
            taken_now = _take(count_pipe, len(work))
            if taken_now is None:
                break
            index = taken_now
            _send(writer, (index, _run_batch(work[index])))
    except BaseException as exc:  # noqa: BLE001 (raised in the parent, at its batch)
        try:
            _send(writer, (index, exc))
        except Exception:  # noqa: BLE001 (an exception that does not pickle)
            _send(writer, (index, RuntimeError(f"{type(exc).__name__}: {exc}")))
    finally:
        os.close(writer)


# What a parallel run checks before its workers fork: a story that meets most rules' first-use
# loads (word lists, name and context tables, compiled scans).
WARM_UP = (
    "Air strikes hit Mosul\n\nThe U.S. air strikes hit at 5pm on 5 February; 1,500 people, 5 per cent, "
    "fled, Mr Brown said: \"It's over.\" The organisation's airstrikes went on and the the "
    "goverment recieved a reprot from Jon Smtih of the Untied Nations in New York.\n Reuter\n"
)


def _warm_up(task: Task, resolver: ConfigResolver, options: RunOptions, many: bool) -> None:
    """Before a parallel run's workers fork: build the linter of the first task's settings (in
    `_LINTERS`, found there by the workers, who share the parent's resolver) and check
    `WARM_UP` with it, so that what its rules load on first use is loaded once, in the parent,
    and shared, not loaded again by each worker; with `many` tasks, also what they load in
    a long run's first stories (`Rule.prepare`). Nothing is said: a config or a rule that
    fails fails the real check of a file. Skipped where a rule asks an outside service (a
    LanguageTool server): nothing is sent, and no connection is shared by forked processes."""
    try:
        anchor = task if isinstance(task, str) else task.anchor if isinstance(task, TextTask) else task.path
        settings = resolver.for_path(Path(anchor))
        linter = _linter(settings, shown_name(task), options)
        if any(rule.asks_outside and not rule.silent() for rule in linter.rules):
            return
        if many:
            for rule in linter.rules:
                rule.prepare()
        if options.fixing:
            linter.fix(WARM_UP, unsafe=options.unsafe_fixes or settings.unsafe_fixes)
        else:
            linter.violations(WARM_UP)
    except Exception:  # noqa: BLE001 (said by the file's own check)
        return
