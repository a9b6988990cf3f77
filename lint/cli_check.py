"""`newslint check` without typer: the command's work, and what it says.

The typer command in `newslint.cli` declares the options, their help and their parsing, and
calls `run_check`; `newslint.cli_fast` calls it straight for the common forms (`newslint check
FILES` and a few flags), so that a pre-commit hook's run on one story does not import typer
and click and build the command from its signature (about 0.05 s of a 0.2 s start-up,
measured). Nothing here imports typer until something is said on stderr (`echo`), and the
exits are `SystemExit` with the codes the command documents.
"""

from __future__ import annotations

import importlib
import os
import sys
import time
from collections import Counter
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from enum import StrEnum
from operator import attrgetter
from pathlib import Path
from typing import TYPE_CHECKING, Any, TextIO

from newslint import sources
from newslint.config import ConfigError, Settings
from newslint.quoting import plain_name, printable, quote_name
from newslint.registry import UnknownSelector
from newslint.report import FileResult, ReportOptions
from newslint.runner import (
    ConfigResolver,
    FileTask,
    RunOptions,
    Skipped,
    Task,
    TextTask,
    default_jobs,
    discover_files,
    holding_collector,
    process_text,
    release_collector,
    run_tasks,
)

if TYPE_CHECKING:  # imported when a --jsonl corpus is checked
    from newslint import jsonl as jsonl_corpus
    from newslint.jsonl import Record as JsonlRecord


def echo(message: str, err: bool = False, nl: bool = True) -> None:
    """`typer.echo`, imported when something is said: a quiet run starts without typer."""
    import typer

    typer.echo(message, err=err, nl=nl)


class OutputFormat(StrEnum):
    text = "text"
    json = "json"
    github = "github"
    gitlab = "gitlab"
    sarif = "sarif"


def renderer(fmt: str) -> Callable[[list[FileResult], ReportOptions], str]:
    """The reporter of an output format (`newslint.report.<format>`), imported when a run uses
    it: a run needs one, and some are costly to import (json the library API, sarif the rule
    docs), which every start-up would pay."""
    module = importlib.import_module(f"newslint.report.{OutputFormat(fmt).value}")
    render: Callable[[list[FileResult], ReportOptions], str] = module.render
    return render


def writer(fmt: str) -> Callable[[list[FileResult], ReportOptions, TextIO], None]:
    """What writes a format's report to a stream: the reporter's own `write` where it streams
    (json: one problem at a time, so a big run's report is never held whole), else its
    rendered text."""
    module = importlib.import_module(f"newslint.report.{OutputFormat(fmt).value}")
    if hasattr(module, "write"):
        streamed: Callable[[list[FileResult], ReportOptions, TextIO], None] = module.write
        return streamed
    render = renderer(fmt)

    def rendered(results: list[FileResult], options: ReportOptions, out: TextIO) -> None:
        out.write(render(results, options))

    return rendered


def _split(values: list[str] | None) -> tuple[str, ...]:
    return tuple(v.strip() for value in values or [] for v in value.split(",") if v.strip())


def _fail(message: str) -> None:
    echo(f"newslint: error: {printable(message)}", err=True)
    raise SystemExit(2)


@holding_collector  # until the first file is checked (the runner's `_settle`), or as below
def run_check(
    paths: list[str] | None = None,
    fix: bool = False,
    unsafe_fixes: bool = False,
    diff: bool = False,
    select: list[str] | None = None,
    extend_select: list[str] | None = None,
    ignore: list[str] | None = None,
    config: Path | None = None,
    output_format: OutputFormat = OutputFormat.text,
    exit_zero: bool = False,
    exit_non_zero_on_fix: bool = False,
    statistics: bool = False,
    quiet: bool = False,
    stdin_filename: str | None = None,
    locale: str | None = None,
    style: str | None = None,
    profile: str | None = None,
    jobs: int | None = None,
    jsonl: list[Path] | None = None,
    field: str = "body",
    id_field: str = "id",
    headline_field: str | None = None,
    jsonl_output: Path | None = None,
    baseline: Path | None = None,
    write_baseline: Path | None = None,
    output_file: Path | None = None,
    dask: str | None = None,
    languagetool: str | None = None,
) -> None:
    """`newslint check` with its options as the command parsed them; exits with its code."""
    overrides: dict[str, Any] = {
        k: v for k, v in (("locale", locale), ("style", style), ("profile", profile)) if v is not None
    }
    if languagetool is not None:  # shorthand for the grammar rules' option: [rules.grammar] server
        overrides["rules"] = {"grammar": {"server": languagetool}}
    options = RunOptions(
        fix=fix,
        unsafe_fixes=unsafe_fixes,
        diff=diff,
        select=_split(select) or None if select else None,
        extend_select=_split(extend_select),
        ignore=_split(ignore),
        config=config,
        overrides=overrides,
    )
    try:
        from newslint.registry import validate_selectors

        validate_selectors([*(options.select or ()), *options.extend_select, *options.ignore])
        resolver = ConfigResolver(config, overrides)
    except (ConfigError, UnknownSelector) as exc:
        _fail(str(exc))
    if jsonl and len(jsonl) > 1 and jsonl_output is not None:
        _fail("--jsonl-output names one file; give one --jsonl corpus with it")
    if dask is not None and (paths or not jsonl):
        _fail("--dask checks JSON Lines corpora: give them with --jsonl (and no other paths)")
    streamable = output_format.value != "sarif" and not diff and baseline is None and write_baseline is None
    if jsonl and not paths and streamable:
        release_collector()  # a stream of records, read and checked as it goes
        try:
            unsafe_by_config = any(resolver.for_path(corpus).unsafe_fixes for corpus in jsonl)
        except ConfigError as exc:
            _fail(str(exc))
        _check_corpora(
            jsonl,
            options,
            CorpusSettings(field, id_field, headline_field, jsonl_output),
            _report_options(options, output_format.value, statistics, quiet, sys.stdout, unsafe_by_config),
            output_format.value,
            jobs,
            dask,
            exit_zero,
            exit_non_zero_on_fix,
            output_file,
        )
    targets = paths or ([] if jsonl else ["."])
    use_stdin = "-" in targets
    items: list[FileResult | Task] = []
    filtered: bytes | None = None
    stdin_result: FileResult | None = None
    folders: set[int] = set()  # the items that stand for a folder the walk could not read
    for target in targets:
        if target == "-":
            release_collector()  # a story read whole, of any size
            result, filtered = _check_stdin(stdin_filename, resolver, options)
            stdin_result = result
            items.append(result)
            continue
        path = Path(target)
        if not path.exists() and not path.is_symlink():
            shown = quote_name(target)
            items.append(FileResult(shown, error=f"{shown}: no such file or directory"))
            continue
        try:
            for found in discover_files([path], resolver):
                if type(found) is tuple:  # a file to check (`_walked`, inline: most)
                    name, plain = found
                    # a plain file shown as it is: its path alone is its task (`runner.Task`)
                    items.append(
                        name if plain and plain_name(name) else FileTask(name, quote_name(name), plain)
                    )
                    continue
                if isinstance(found, Skipped) and found.error:  # a folder not walked
                    folders.add(len(items))
                items.append(_walked(found))
        except ConfigError as exc:
            _fail(str(exc))
    corpora = []
    for corpus in jsonl or []:
        from newslint import jsonl as jsonl_corpus  # only corpus runs need it

        try:
            records = jsonl_corpus.read(corpus, field, id_field, headline_field)
        except jsonl_corpus.CorpusError as exc:
            items.append(FileResult(str(corpus), error=str(exc)))
            continue
        first = len(items)
        items.extend(
            FileResult(r.display, error=r.error) if r.error else TextTask(r.display, r.text, str(corpus))
            for r in records
            if r.error or r.value is not None
        )
        corpora.append((corpus, records, first, len(items)))
    results = _run_all(items, resolver, options, jobs)
    release_collector()  # (no file checked: not switched on by the runner)
    if options.fix and not options.diff:
        for corpus, records, first, last in corpora:
            failed = _write_corpus(corpus, records, results[first:last], field, headline_field, jsonl_output)
            for record in results[first:last] if failed else ():
                record.unwritten, record.fixed = sum(record.fixed.values()), Counter()
            results.extend(failed)
    if write_baseline is not None or baseline is not None:
        _baseline(results, baseline, write_baseline, quiet)
        if write_baseline is not None:
            raise SystemExit(2 if any(r.error for r in results) else 0)
    if filtered is not None and stdin_result is not None:
        _write_filtered(filtered, stdin_result)
    kinds = []  # what each result stands for, which the --diff summary says
    if options.diff:
        record_slots = {i for _, _, first, last in corpora for i in range(first, last)}
        kinds = [
            "record" if i in record_slots else "folder" if i in folders else "file"
            for i in range(len(results))
        ]
    _emit(results, options, output_format.value, statistics, quiet, use_stdin, filtered, kinds, output_file)
    # (the passes over every result read its fields in C: a corpus run has 10,000 of them, and
    # these passes run after its workers have ended)
    if any(map(_ERROR, results)):
        raise SystemExit(2)
    remaining = any(map(_DIAGNOSTICS, results))
    if diff:
        remaining = remaining or any(r.original is not None and r.original != r.text for r in results)
    if exit_non_zero_on_fix and options.fix and any(r.fixed for r in results):
        raise SystemExit(1)  # before --exit-zero: asking for both means "fail only on a fix"
    raise SystemExit(0 if exit_zero or not remaining else 1)


def _baseline(results: list[FileResult], read: Path | None, write: Path | None, quiet: bool) -> None:
    """Write the baseline, or leave out the problems it lists (saying how many on stderr)."""
    from newslint import baseline

    for r in results:  # a file that could not be checked is said once, whatever the baseline
        if r.error and write is not None:
            echo(f"newslint: error: {printable(r.error)}", err=True)
    try:
        if write is not None:
            count = baseline.write(write, results)
            echo(printable(f"newslint: {count} problem{'s' * (count != 1)} written to {write}"), err=True)
            return
        assert read is not None
        outcome = baseline.apply(read, results)
    except baseline.BaselineError as exc:
        _fail(str(exc))
    if quiet:
        return
    if outcome.hidden:
        echo(
            f"newslint: {outcome.hidden} known problem{'s' * (outcome.hidden != 1)} "
            f"in the baseline not shown",
            err=True,
        )
    if outcome.stale:
        entries = f"{outcome.stale} baseline entr{'ies' if outcome.stale != 1 else 'y'}"
        echo(
            f"newslint: {entries} matched nothing (fixed, or the words around them edited); "
            f"--write-baseline {read} records the problems as they are now",
            err=True,
        )


def _walked(found: tuple[str, bool] | Skipped) -> FileTask | FileResult:
    if isinstance(found, Skipped):
        return FileResult(
            found.path,
            error=found.message if found.error else None,
            warning=None if found.error else found.message,
        )
    path, plain = found
    return FileTask(path, quote_name(path), plain)


def _check_stdin(
    name: str | None, resolver: ConfigResolver, options: RunOptions
) -> tuple[FileResult, bytes | None]:
    """Check (or fix) the story on stdin: (its result, what filter mode writes to stdout)."""
    display = quote_name(name) if name else "-"
    settings: Settings | None = None
    try:
        settings = resolver.for_path(Path(name) if name else Path.cwd() / "-")
    except ConfigError as exc:
        problem = str(exc)
    limit = (settings or Settings()).max_file_size
    try:
        data = sources.read_stream(sys.stdin.buffer, limit, display)
    except sources.TooLarge as exc:  # only part was read: nothing to pass through whole
        return FileResult(display, error=str(exc)), (b"" if options.fix else None)
    if settings is None:
        return FileResult(display, error=problem), (data if options.fix else None)
    try:
        source = sources.decode(data, display, settings.fallback_encoding, keep_raw=False)
    except sources.BinaryFile as exc:
        return FileResult(display, warning=str(exc)), (data if options.fix else None)
    except sources.SourceError as exc:
        return FileResult(display, error=str(exc)), (data if options.fix else None)
    if not options.fix or options.diff:
        del data  # nothing is written back: the bytes need not be held while the text is checked
        return process_text(source, settings, options), None
    result = process_text(source, settings, options)
    if result.error or result.text == source.text:
        return result, data  # unchanged: the same bytes, byte for byte
    try:
        return result, source.encode(result.text)
    except sources.SourceError as exc:
        result.error = str(exc)
        return result, data


_ERROR, _DIAGNOSTICS = attrgetter("error"), attrgetter("diagnostics")
_WARNING, _UNSAFE_BY_CONFIG = attrgetter("warning"), attrgetter("unsafe_by_config")


def _run_all(
    items: list[FileResult | Task],
    resolver: ConfigResolver,
    options: RunOptions,
    jobs: int | None,
) -> list[FileResult]:
    """Run the tasks among `items` (in parallel when asked, or when the run is large) and
    return one result per item, in the order of `items`."""
    tasks = [item for item in items if not isinstance(item, FileResult)]
    with _progress(len(tasks)) as advance:
        # a result keeps its text only where the reports read it (`runner.let_text_go`)
        jobs = jobs or default_jobs(len(tasks))
        done = run_tasks(tasks, resolver, options, jobs, advance, drop_clean_text=True)
    if len(done) == len(items):  # every item was a task (most runs)
        return done
    found = iter(done)
    return [item if isinstance(item, FileResult) else next(found) for item in items]


PROGRESS_MIN_TASKS = 100  # a progress bar only for runs long enough to want one


@contextmanager
def _progress(total: int | None, label: str = "checking") -> Iterator[Callable[[Any], None] | None]:
    """A rich progress bar on stderr, only when stderr is a terminal and the run is long. A total
    of None: not known in advance (stories streamed to `learn`, which advances it by a count)."""
    if total is not None and total < PROGRESS_MIN_TASKS or not sys.stderr.isatty() or os.environ.get("CI"):
        yield None
        return
    from rich.console import Console
    from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeRemainingColumn

    # No refresh thread: the worker processes are forked while the bar is shown.
    with Progress(
        TextColumn(label),
        BarColumn(),
        MofNCompleteColumn(),
        TimeRemainingColumn(),
        console=Console(stderr=True),
        transient=True,
        auto_refresh=False,
    ) as bar:
        task = bar.add_task(label, total=total)
        last = 0.0

        def advance(done: FileResult | int) -> None:
            nonlocal last
            bar.advance(task, done if isinstance(done, int) else 1)
            now = time.monotonic()
            if now - last > 0.1:
                bar.refresh()
                last = now

        yield advance


@dataclass(frozen=True)
class CorpusSettings:
    """What a --jsonl run reads of each record, and where a fixed corpus goes."""

    field: str
    id_field: str
    headline_field: str | None
    output: Path | None


def _check_corpora(
    corpora: list[Path],
    options: RunOptions,
    corpus: CorpusSettings,
    report: ReportOptions,
    fmt: str,
    jobs: int | None,
    dask: str | None,
    exit_zero: bool,
    exit_non_zero_on_fix: bool,
    output_file: Path | None = None,
) -> None:
    """JSON Lines corpora, streamed: read, checked and reported partition by partition, so memory
    stays bounded whatever their size; the fixed corpus is written as it goes, moved into place
    when complete. Exits with the run's exit code."""
    import dataclasses

    out: TextIO = sys.stdout
    if output_file is not None:
        try:
            out = output_file.open("w", encoding="utf-8")
        except OSError as exc:
            _fail(f"{output_file}: cannot write the report ({exc.strerror or exc})")
        report = dataclasses.replace(report, color=False)
    try:
        failed = _stream_corpora(corpora, options, corpus, report, fmt, jobs, dask, out)
    finally:
        if out is not sys.stdout:
            out.close()
    tally = failed[1]
    if failed[0] or tally.failed:
        raise SystemExit(2)
    if exit_non_zero_on_fix and options.fix and tally.fixed:
        raise SystemExit(1)
    raise SystemExit(0 if exit_zero or not tally.remaining else 1)


def _stream_corpora(
    corpora: list[Path],
    options: RunOptions,
    corpus: CorpusSettings,
    report: ReportOptions,
    fmt: str,
    jobs: int | None,
    dask: str | None,
    out: TextIO,
) -> tuple[bool, jsonl_corpus.Tally]:
    """(whether any corpus failed, the run's tally), the report written to `out` as it comes."""
    from newslint import jsonl as jsonl_corpus

    stream = jsonl_corpus.ReportStream(fmt, report, out, sys.stderr)
    jobs_of = [
        jsonl_corpus.Corpus(
            path,
            jsonl_corpus.CorpusJob(
                str(path),
                corpus.field,
                corpus.id_field,
                corpus.headline_field,
                options,
                fmt,
                report,
                write_fixed=options.fix,
            ),
            corpus.output,
        )
        for path in corpora
    ]
    run_partitions: Callable[..., Iterator[jsonl_corpus.PartitionResult | jsonl_corpus.CorpusMark | None]]
    if dask is not None:
        from newslint.dask import run_partitions
    else:
        run_partitions = jsonl_corpus.run_partitions
    complete = jsonl_corpus.check_corpora(
        jobs_of, stream, lambda parts: run_partitions(parts, jobs=jobs, address=dask, say=stream.say)
    )
    stream.end()
    return not complete, stream.tally


def _write_corpus(
    corpus: Path,
    records: list[JsonlRecord],
    results: list[FileResult],
    field: str,
    headline_field: str | None,
    output: Path | None,
) -> list[FileResult]:
    """Write a fixed JSON Lines corpus; a failure is reported as an error result."""
    from newslint import jsonl as jsonl_corpus

    target = output or jsonl_corpus.default_output(corpus)
    reported = [r for r in records if r.error or r.value is not None]  # one item each, in order
    checked = [result for record, result in zip(reported, results, strict=True) if record.error is None]
    try:
        changed = jsonl_corpus.write_fixed(target, records, checked, field, headline_field, like=corpus)
    except jsonl_corpus.CorpusError as exc:
        return [FileResult(str(corpus), error=str(exc))]
    if changed:
        echo(
            printable(f"newslint: {changed} record{'s' * (changed != 1)} fixed; corpus written to {target}"),
            err=True,
        )
    return []


def _report_options(
    options: RunOptions,
    fmt: str,
    statistics: bool,
    quiet: bool,
    stream: TextIO,
    unsafe_by_config: bool = False,
) -> ReportOptions:
    """What the reporters need to know of the run (as `_emit` works it out from the results)."""
    color = fmt == "text" and stream.isatty() and "NO_COLOR" not in os.environ
    return ReportOptions(
        fix=options.fix,
        unsafe_fixes=options.unsafe_fixes or unsafe_by_config,
        unsafe_flag=options.unsafe_fixes,
        statistics=statistics,
        quiet=quiet,
        color=color,
    )


def _emit(
    results: list[FileResult],
    options: RunOptions,
    fmt: str,
    statistics: bool,
    quiet: bool,
    use_stdin: bool,
    filtered: bytes | None,
    kinds: list[str],
    output_file: Path | None = None,
) -> None:
    # In filter mode (stdin with --fix) stdout carries the fixed story, so reports go to stderr.
    report_stream = sys.stderr if filtered is not None else sys.stdout
    color = fmt == "text" and output_file is None and report_stream.isatty() and "NO_COLOR" not in os.environ
    # `unsafe-fixes = true` in a config acts like the flag, and the report must say what --fix does.
    unsafe = options.unsafe_fixes or any(map(_UNSAFE_BY_CONFIG, results))
    report_options = ReportOptions(
        fix=options.fix,
        unsafe_fixes=unsafe,
        unsafe_flag=options.unsafe_fixes,
        statistics=statistics,
        quiet=quiet,
        color=color,
    )
    said: set[str] = set()
    for r in results if any(map(_WARNING, results)) or any(map(_ERROR, results)) else ():
        for kind, message in (("warning", r.warning), ("error", r.error)):
            if message and message not in said:  # a run-wide problem (a service down) is said once
                said.add(message)
                echo(f"newslint: {kind}: {printable(message)}", err=True)
    if options.diff:
        from newslint.report import diff as diff_report  # only --diff runs need it

        sys.stdout.write(diff_report.render(results))
        echo(diff_report.summary(results, kinds, options.unsafe_fixes), err=True)
        return
    write = writer(fmt)
    if output_file is not None:
        try:
            with output_file.open("w", encoding="utf-8") as out:
                write(results, report_options, out)
        except OSError as exc:
            _fail(f"{output_file}: cannot write the report ({exc.strerror or exc})")
    else:
        write(results, report_options, report_stream)
        report_stream.flush()


def _write_filtered(data: bytes, result: FileResult) -> None:
    """Filter mode: the (fixed) story to stdout, before the report, so that a failed write
    (a full disk, a closed pipe) is reported and its fixes are not counted."""
    try:
        sys.stdout.flush()
        sys.stdout.buffer.write(data)
        sys.stdout.buffer.flush()
    except OSError as exc:
        result.not_written(f"{result.path}: cannot write the story to stdout ({exc.strerror or exc})")
