"""The command line (Typer). Thin: it parses arguments and calls the runner and reporters.

    newslint check [PATHS]... [--fix] [--unsafe-fixes] [--diff] [--format text|json|github|gitlab|sarif]
    newslint rules | newslint rule CODE | newslint config [PATH] | newslint server

Exit codes: 0 nothing left to report; 1 problems remain; 2 usage, config or input errors.
"""

from __future__ import annotations

import importlib
import json
import os
import sys
import time
from collections import Counter
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from enum import StrEnum
from pathlib import Path
from typing import TYPE_CHECKING, Annotated, Any, TextIO

import typer

import newslint
from newslint import sources
from newslint.config import ConfigError, Settings
from newslint.quoting import printable, quote_name
from newslint.registry import UnknownSelector, all_rules, rule_by_code
from newslint.report import FileResult, ReportOptions
from newslint.runner import (
    ConfigResolver,
    FileTask,
    RunOptions,
    Skipped,
    TextTask,
    default_jobs,
    discover,
    process_text,
    run_tasks,
)

if TYPE_CHECKING:  # imported when a --jsonl corpus is checked
    from newslint import jsonl as jsonl_corpus
    from newslint.jsonl import Record as JsonlRecord

app = typer.Typer(
    name="newslint",
    help="A text-cleanup and style linter for news wire copy.",
    add_completion=False,
    no_args_is_help=True,
    pretty_exceptions_enable=False,
    context_settings={"help_option_names": ["-h", "--help"]},
)


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


def _split(values: list[str] | None) -> tuple[str, ...]:
    return tuple(v.strip() for value in values or [] for v in value.split(",") if v.strip())


def _dask_option(what: str) -> Any:
    return typer.Option(
        "--dask",
        metavar="ADDRESS",
        help=(
            f"{what} on the Dask cluster whose scheduler is at ADDRESS (tcp://host:8786), or on "
            "a local cluster of N worker processes with 'local:N' (the dask extra)."
        ),
    )


def _fail(message: str) -> None:
    typer.echo(f"newslint: error: {printable(message)}", err=True)
    raise typer.Exit(2)


def _version(value: bool) -> None:
    if value:
        typer.echo(f"newslint {newslint.__version__}")
        raise typer.Exit()


@app.callback()
def _root(
    version: Annotated[
        bool, typer.Option("--version", callback=_version, is_eager=True, help="Print the version and exit.")
    ] = False,
) -> None:
    """A text-cleanup and style linter for news wire copy."""


@app.command()
def check(
    paths: Annotated[list[str] | None, typer.Argument(help="Files or directories; '-' reads stdin.")] = None,
    fix: Annotated[bool, typer.Option("--fix", help="Apply safe fixes.")] = False,
    unsafe_fixes: Annotated[
        bool, typer.Option("--unsafe-fixes", help="Also apply (and count) unsafe fixes.")
    ] = False,
    diff: Annotated[
        bool, typer.Option("--diff", help="Print a diff of what --fix would change; write nothing.")
    ] = False,
    select: Annotated[
        list[str] | None,
        typer.Option(help="Rules to use (codes, prefixes, names), instead of the defaults."),
    ] = None,
    extend_select: Annotated[list[str] | None, typer.Option(help="Rules to add to the selection.")] = None,
    ignore: Annotated[list[str] | None, typer.Option(help="Rules to leave out.")] = None,
    config: Annotated[Path | None, typer.Option(help="Use this config file for every file.")] = None,
    output_format: Annotated[
        OutputFormat, typer.Option("--format", help="Report format.")
    ] = OutputFormat.text,
    exit_zero: Annotated[bool, typer.Option("--exit-zero", help="Exit 0 even when problems remain.")] = False,
    exit_non_zero_on_fix: Annotated[
        bool,
        typer.Option(
            "--exit-non-zero-on-fix",
            help=(
                "With --fix, exit 1 when anything was fixed, even if no problem remains (CI that must "
                "not pass on a tree it had to change)."
            ),
        ),
    ] = False,
    statistics: Annotated[bool, typer.Option("--statistics", help="Count problems per rule.")] = False,
    quiet: Annotated[bool, typer.Option("--quiet", "-q", help="Print only the summary.")] = False,
    stdin_filename: Annotated[
        str | None, typer.Option(help="The name of the text read from stdin, for config matching.")
    ] = None,
    locale: Annotated[
        str | None, typer.Option(help="en-US, en-GB, en-CA or en-AU (overrides the config).")
    ] = None,
    style: Annotated[str | None, typer.Option(help="House style: ap, reuters, guardian or bbc.")] = None,
    profile: Annotated[
        str | None,
        typer.Option(
            metavar="FILE",
            help="A desk profile (from `newslint learn`): evidence beside each story; 'none': no profile.",
        ),
    ] = None,
    jobs: Annotated[
        int | None,
        typer.Option(
            "--jobs",
            "-j",
            min=1,
            help=("Worker processes (default: one per core for runs of 64 files or more, else 1)."),
        ),
    ] = None,
    jsonl: Annotated[
        list[Path] | None,
        typer.Option(
            "--jsonl", help=("A JSON Lines corpus to check: one story a line, its text in --field.")
        ),
    ] = None,
    field: Annotated[
        str, typer.Option("--field", help="The field holding the story text in --jsonl records.")
    ] = "body",
    id_field: Annotated[
        str, typer.Option("--id-field", help="The field naming each --jsonl record in reports.")
    ] = "id",
    headline_field: Annotated[
        str | None,
        typer.Option(
            "--headline-field",
            help=(
                "The field holding each --jsonl record's headline: checked as the story's headline, "
                "before its --field text."
            ),
        ),
    ] = None,
    jsonl_output: Annotated[
        Path | None,
        typer.Option(
            "--jsonl-output",
            help=(
                "Where --fix writes the fixed corpus (default: NAME.fixed.jsonl beside it; "
                "naming the input itself fixes it in place)."
            ),
        ),
    ] = None,
    baseline: Annotated[
        Path | None,
        typer.Option(
            "--baseline",
            metavar="FILE",
            help="Leave out the problems this baseline file lists (known problems; see --write-baseline).",
        ),
    ] = None,
    write_baseline: Annotated[
        Path | None,
        typer.Option(
            "--write-baseline",
            metavar="FILE",
            help="Record every problem found in a baseline file, for --baseline, and exit 0.",
        ),
    ] = None,
    output_file: Annotated[
        Path | None,
        typer.Option(
            "--output-file",
            "-o",
            help="Write the report to this file instead of the terminal (a --diff still goes to stdout).",
        ),
    ] = None,
    dask: Annotated[str | None, _dask_option("Check the --jsonl corpora")] = None,
    languagetool: Annotated[
        str | None,
        typer.Option(
            "--languagetool",
            metavar="URL",
            help=(
                "Check grammar with the LanguageTool server at URL (rules NL9xx), or 'local': "
                "the grammar rules' server option ([rules.grammar] server)."
            ),
        ),
    ] = None,
) -> None:
    """Check stories for problems, and with --fix repair what can be repaired safely."""
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
    items: list[FileResult | FileTask | TextTask] = []
    filtered: bytes | None = None
    stdin_result: FileResult | None = None
    folders: set[int] = set()  # the items that stand for a folder the walk could not read
    for target in targets:
        if target == "-":
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
            for found in discover([path], resolver):
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
    if options.fix and not options.diff:
        for corpus, records, first, last in corpora:
            failed = _write_corpus(corpus, records, results[first:last], field, headline_field, jsonl_output)
            for record in results[first:last] if failed else ():
                record.unwritten, record.fixed = sum(record.fixed.values()), Counter()
            results.extend(failed)
    if write_baseline is not None or baseline is not None:
        _baseline(results, baseline, write_baseline, quiet)
        if write_baseline is not None:
            raise typer.Exit(2 if any(r.error for r in results) else 0)
    if filtered is not None and stdin_result is not None:
        _write_filtered(filtered, stdin_result)
    record_slots = {i for _, _, first, last in corpora for i in range(first, last)}
    kinds = [
        "record" if i in record_slots else "folder" if i in folders else "file" for i in range(len(results))
    ]
    _emit(results, options, output_format.value, statistics, quiet, use_stdin, filtered, kinds, output_file)
    errors = [r for r in results if r.error]
    if errors:
        raise typer.Exit(2)
    remaining = any(r.diagnostics for r in results)
    if diff:
        remaining = remaining or any(r.original is not None and r.original != r.text for r in results)
    if exit_non_zero_on_fix and options.fix and any(r.fixed for r in results):
        raise typer.Exit(1)  # before --exit-zero: asking for both means "fail only on a fix"
    raise typer.Exit(0 if exit_zero or not remaining else 1)


def _baseline(results: list[FileResult], read: Path | None, write: Path | None, quiet: bool) -> None:
    """Write the baseline, or leave out the problems it lists (saying how many on stderr)."""
    from newslint import baseline

    for r in results:  # a file that could not be checked is said once, whatever the baseline
        if r.error and write is not None:
            typer.echo(f"newslint: error: {printable(r.error)}", err=True)
    try:
        if write is not None:
            count = baseline.write(write, results)
            typer.echo(
                printable(f"newslint: {count} problem{'s' * (count != 1)} written to {write}"), err=True
            )
            return
        assert read is not None
        outcome = baseline.apply(read, results)
    except baseline.BaselineError as exc:
        _fail(str(exc))
    if quiet:
        return
    if outcome.hidden:
        typer.echo(
            f"newslint: {outcome.hidden} known problem{'s' * (outcome.hidden != 1)} "
            f"in the baseline not shown",
            err=True,
        )
    if outcome.stale:
        entries = f"{outcome.stale} baseline entr{'ies' if outcome.stale != 1 else 'y'}"
        typer.echo(
            f"newslint: {entries} matched nothing (fixed, or the words around them edited); "
            f"--write-baseline {read} records the problems as they are now",
            err=True,
        )


def _walked(found: Path | Skipped) -> FileTask | FileResult:
    if isinstance(found, Skipped):
        return FileResult(
            found.path,
            error=found.message if found.error else None,
            warning=None if found.error else found.message,
        )
    return FileTask(str(found), quote_name(str(found)))


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
        source = sources.decode(data, display, settings.fallback_encoding)
    except sources.BinaryFile as exc:
        return FileResult(display, warning=str(exc)), (data if options.fix else None)
    except sources.SourceError as exc:
        return FileResult(display, error=str(exc)), (data if options.fix else None)
    result = process_text(source, settings, options)
    if not options.fix or options.diff:
        return result, None
    if result.error or result.text == source.text:
        return result, data  # unchanged: the same bytes, byte for byte
    try:
        return result, source.encode(result.text)
    except sources.SourceError as exc:
        result.error = str(exc)
        return result, data


def _run_all(
    items: list[FileResult | FileTask | TextTask],
    resolver: ConfigResolver,
    options: RunOptions,
    jobs: int | None,
) -> list[FileResult]:
    """Run the tasks among `items` (in parallel when asked, or when the run is large) and
    return one result per item, in the order of `items`."""
    tasks = [item for item in items if not isinstance(item, FileResult)]
    with _progress(len(tasks)) as advance:
        done = iter(run_tasks(tasks, resolver, options, jobs or default_jobs(len(tasks)), advance))
    return [item if isinstance(item, FileResult) else next(done) for item in items]


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
        raise typer.Exit(2)
    if exit_non_zero_on_fix and options.fix and tally.fixed:
        raise typer.Exit(1)
    raise typer.Exit(0 if exit_zero or not tally.remaining else 1)


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
        typer.echo(
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
    unsafe = options.unsafe_fixes or any(r.unsafe_by_config for r in results)
    report_options = ReportOptions(
        fix=options.fix,
        unsafe_fixes=unsafe,
        unsafe_flag=options.unsafe_fixes,
        statistics=statistics,
        quiet=quiet,
        color=color,
    )
    said: set[str] = set()
    for r in results:
        for kind, message in (("warning", r.warning), ("error", r.error)):
            if message and message not in said:  # a run-wide problem (a service down) is said once
                said.add(message)
                typer.echo(f"newslint: {kind}: {printable(message)}", err=True)
    if options.diff:
        from newslint.report import diff as diff_report  # only --diff runs need it

        sys.stdout.write(diff_report.render(results))
        typer.echo(diff_report.summary(results, kinds, options.unsafe_fixes), err=True)
        return
    report = renderer(fmt)(results, report_options)
    if output_file is not None:
        try:
            output_file.write_text(report, encoding="utf-8")
        except OSError as exc:
            _fail(f"{output_file}: cannot write the report ({exc.strerror or exc})")
    else:
        report_stream.write(report)
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


@app.command("learn")
def learn(
    archive: Annotated[
        list[Path] | None,
        typer.Argument(help="Stories to learn from: files and directories (with --merge: profiles)."),
    ] = None,
    output: Annotated[
        Path | None, typer.Option("--output", "-o", metavar="FILE", help="Write the desk profile here.")
    ] = None,
    merge: Annotated[
        bool, typer.Option("--merge", help="Sum the profiles named instead of learning stories.")
    ] = False,
    suggest_config: Annotated[
        bool,
        typer.Option(
            "--suggest-config", help="Print the house style the archive shows, as a newslint.toml to review."
        ),
    ] = False,
    jsonl: Annotated[
        list[Path] | None, typer.Option("--jsonl", help="A JSON Lines corpus: one story a line, in --field.")
    ] = None,
    field: Annotated[str, typer.Option("--field", help="The field holding the story text.")] = "body",
    headline_field: Annotated[
        str | None, typer.Option("--headline-field", help="The field holding each record's headline.")
    ] = None,
    jobs: Annotated[int, typer.Option("--jobs", "-j", min=1, help="Worker processes.")] = 1,
    config: Annotated[
        Path | None, typer.Option(help="Config file for reading files (include, exclude, encodings).")
    ] = None,
    dask: Annotated[str | None, _dask_option("Learn the stories")] = None,
) -> None:
    """Learn a desk profile from an archive of stories, for `check --profile` (docs/profile.md)."""
    from newslint import learn as learning
    from newslint.profile import Profile, ProfileError, merged

    if output is None and not suggest_config:
        _fail("say where the profile goes (-o desk.nlprofile) or ask for --suggest-config")
    if not archive and not jsonl:
        _fail(
            "name the stories to learn from (files, directories or --jsonl corpora), or profiles with --merge"
        )
    started = time.monotonic()
    if merge:
        if jsonl:
            _fail("--merge sums profiles: give them as arguments, not --jsonl")
        try:
            profile = merged(Profile.load(path) for path in archive or [])
        except ProfileError as exc:
            _fail(str(exc))
        read = 0
    else:
        try:
            resolver = ConfigResolver(config)
        except ConfigError as exc:
            _fail(str(exc))
        source = learning.Archive(list(archive or []), list(jsonl or []), field, headline_field)
        with _progress(None, "learning") as advance:
            if dask is None:
                profile = learning.learn_archive(source.texts(resolver), jobs, advance)
            else:
                from newslint.dask import learn as learn_on_dask

                on_cluster = learn_on_dask(source.texts(resolver), dask, advance)
                if on_cluster is None:
                    _fail("not every batch of stories was learned: no profile written")
                    return
                profile = on_cluster
        for problem in source.problems[:MAX_SAID]:
            typer.echo(f"newslint: warning: {problem}", err=True)
        if len(source.problems) > MAX_SAID:
            typer.echo(
                f"newslint: warning: {len(source.problems) - MAX_SAID} more problems not shown", err=True
            )
        if not profile.stories:
            _fail("no story could be read: nothing learned")
        read = source.read_bytes
    if output is not None:
        try:
            profile.save(output)
        except ProfileError as exc:
            _fail(str(exc))
        typer.echo(_learned(profile, read, time.monotonic() - started, output), err=True)
    if suggest_config:
        from newslint.suggest_config import suggest_config as suggestions

        typer.echo(suggestions(profile), nl=False)


MAX_SAID = 10  # problems listed one by one; the rest are counted


def _learned(profile: Any, read: int, seconds: float, output: Path) -> str:
    size = output.stat().st_size
    source = f" ({read / 1e6:,.1f} MB)" if read else ""
    pruned = f"; words of fewer than {profile.pruned_below} stories dropped" if profile.pruned_below else ""
    return (
        f"newslint: {profile.stories:,} stories{source} learned in {seconds:.1f} s: "
        f"{len(profile.words):,} words{pruned}; profile written to {output} ({size / 1e6:,.1f} MB)"
    )


@app.command("rules")
def list_rules(
    output_format: Annotated[str, typer.Option("--format", help="text or json")] = "text",
) -> None:
    """List every rule: code, name, family, fix availability, and whether it is on by default."""
    rows = [
        {
            "code": r.code,
            "name": r.name,
            "family": r.family(),
            "fix": r.fix_availability.value,
            "default": r.enabled_by_default,
            "summary": r.summary(),
        }
        for r in all_rules()
    ]
    if output_format == "json":
        typer.echo(json.dumps(rows, indent=2))
        return
    typer.echo(f"{'code':6}  {'name':32} {'family':12} {'fix':9} {'default':7}  summary")
    for row in rows:
        typer.echo(
            f"{row['code']:6}  {row['name']:32} {row['family']:12} {row['fix']:9} "
            f"{'on' if row['default'] else 'off':7}  {row['summary']}"
        )


@app.command("rule")
def explain_rule(code: Annotated[str, typer.Argument(help="A rule code or name, e.g. NL101.")]) -> None:
    """Explain one rule, from its documentation."""
    from newslint.docs import rule_markdown

    try:
        rule = rule_by_code(code)
    except UnknownSelector as exc:
        _fail(str(exc))
    typer.echo(rule_markdown(rule))


@app.command("config")
def show_config(
    path: Annotated[Path | None, typer.Argument(help="A file or directory to resolve settings for.")] = None,
    config: Annotated[Path | None, typer.Option(help="Use this config file.")] = None,
) -> None:
    """Show the resolved settings for PATH and the file each one came from."""
    try:
        settings = ConfigResolver(config).for_path(path or Path.cwd())
    except ConfigError as exc:
        _fail(str(exc))
    typer.echo(printable(f"# settings for {path or Path.cwd()}; config file: {settings.source}"))
    shown = {
        "select": settings.select,
        "extend-select": settings.extend_select,
        "ignore": settings.ignore,
        "per-file-ignores": settings.per_file_ignores,
        "exclude": settings.exclude,
        "extend-exclude": settings.extend_exclude,
        "include": settings.include,
        "locale": settings.locale,
        "style": settings.style,
        "vocabulary": sorted(settings.vocabulary),
        "severity": {k: v.value for k, v in settings.severity.items()},
        "unsafe-fixes": settings.unsafe_fixes,
        "fallback-encoding": settings.fallback_encoding,
        "max-file-size": settings.max_file_size,
        "profile": settings.profile_path,
        "rules": settings.rules,
    }
    for key, value in shown.items():
        origin = settings.origins.get(key, "default")
        typer.echo(printable(f"{key} = {json.dumps(value, ensure_ascii=False)}  # from {origin}"))


@app.command("server")
def language_server() -> None:
    """Run the language server for editors (LSP over stdin/stdout): see docs/editors.md."""
    try:
        from newslint.server import serve
    except ModuleNotFoundError as exc:
        if (exc.name or "").split(".")[0] not in ("pygls", "lsprotocol", "cattrs"):
            raise
        _fail(
            "newslint server needs pygls: install the server extra "
            "(pip install '.[server]' from a clone; see docs/install.md)"
        )
    serve()


def main() -> None:
    try:
        app()
    except KeyboardInterrupt:
        typer.echo("newslint: interrupted", err=True)
        sys.exit(130)
    except Exception as exc:  # never a traceback for a user; NEWSLINT_DEBUG=1 shows it
        if os.environ.get("NEWSLINT_DEBUG"):
            raise
        typer.echo(
            printable(
                f"newslint: internal error: {type(exc).__name__}: {exc} "
                "(set NEWSLINT_DEBUG=1 for details; please report it)"
            ),
            err=True,
        )
        sys.exit(2)
