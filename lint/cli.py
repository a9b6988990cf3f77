"""The command line (Typer). Thin: it parses arguments and calls the runner and reporters
(`check`'s work is `newslint.cli_check.run_check`; `newslint.cli_fast` is the entry point).

    newslint check [PATHS]... [--fix] [--unsafe-fixes] [--diff] [--format text|json|github|gitlab|sarif]
    newslint rules | newslint rule CODE | newslint config [PATH] | newslint server

Exit codes: 0 nothing left to report; 1 problems remain; 2 usage, config or input errors.
"""

from __future__ import annotations

import json
import os
import sys
import time
from pathlib import Path
from typing import Annotated, Any

import typer

import newslint
from newslint.cli_check import OutputFormat, _fail, _progress, run_check
from newslint.config import ConfigError
from newslint.quoting import printable
from newslint.registry import UnknownSelector, all_rules, rule_by_code
from newslint.runner import ConfigResolver

app = typer.Typer(
    name="newslint",
    help="A text-cleanup and style linter for news wire copy.",
    add_completion=False,
    no_args_is_help=True,
    pretty_exceptions_enable=False,
    context_settings={"help_option_names": ["-h", "--help"]},
)

__all__ = ["OutputFormat", "app", "main"]


def _dask_option(what: str) -> Any:
    return typer.Option(
        "--dask",
        metavar="ADDRESS",
        help=(
            f"{what} on the Dask cluster whose scheduler is at ADDRESS (tcp://host:8786), or on "
            "a local cluster of N worker processes with 'local:N' (the dask extra)."
        ),
    )


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
    run_check(
        paths=paths,
        fix=fix,
        unsafe_fixes=unsafe_fixes,
        diff=diff,
        select=select,
        extend_select=extend_select,
        ignore=ignore,
        config=config,
        output_format=output_format,
        exit_zero=exit_zero,
        exit_non_zero_on_fix=exit_non_zero_on_fix,
        statistics=statistics,
        quiet=quiet,
        stdin_filename=stdin_filename,
        locale=locale,
        style=style,
        profile=profile,
        jobs=jobs,
        jsonl=jsonl,
        field=field,
        id_field=id_field,
        headline_field=headline_field,
        jsonl_output=jsonl_output,
        baseline=baseline,
        write_baseline=write_baseline,
        output_file=output_file,
        dask=dask,
        languagetool=languagetool,
    )


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
