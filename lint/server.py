"""`newslint server`: a language server (LSP over stdio, on pygls) for editors.

Diagnostics on open and on change (debounced; the whole story is checked again, it is small),
quick fixes titled with their safety, each alternative of a suggestion as its own action,
"Fix all safe problems" as a `source.fixAll` action, "Ignore this rule on this line" (a
suppression comment), and the rule's documentation on hover. Configuration is found for each
file as the command line finds it (the nearest config file at or above it) and read again when
a config file changes. Nothing the client sends can stop the server: a bad config is shown as a
diagnostic and a window message, a binary or oversized text is skipped with a message.

Positions: newslint counts code points in a text whose CRLF line endings are read as "\\n";
the client counts UTF-16 units unless it offered UTF-8 or UTF-32 (`general.positionEncodings`),
and pygls negotiates which. Lines are the same in both texts, so a position is converted line by
line: the code points before it on its line, counted in the client's units.
"""

from __future__ import annotations

import asyncio
import logging
import os
import tempfile
import threading
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import unquote, urlparse

from lsprotocol import types
from pygls.lsp.server import LanguageServer

from newslint import __version__
from newslint.api import Checker
from newslint.config import CONFIG_NAMES, ConfigError, find_config_file
from newslint.lint import RuleCrash
from newslint.rule import RuleUnavailable
from newslint.violation import Applicability, Diagnostic, Fix, Severity

log = logging.getLogger("newslint.server")

CHANGE_DELAY = 0.3  # seconds of quiet typing before a changed story is checked again
SOURCE = "newslint"
FIX_ALL_KIND = types.CodeActionKind.SourceFixAll  # "source.fixAll"
SAFETY_WORDS = {
    Applicability.SAFE: "safe",
    Applicability.UNSAFE: "unsafe",
    Applicability.DISPLAY_ONLY: "suggestion",
}


# --- positions ----------------------------------------------------------------------------------
class Positions:
    """Code-point offsets of newslint's reading of a text <-> LSP positions in the client's units."""

    def __init__(self, text: str, encoding: str) -> None:
        self.text = text
        self.lines = text.split("\n")
        self.starts = [0]
        for line in self.lines[:-1]:
            self.starts.append(self.starts[-1] + len(line) + 1)
        self.encoding = encoding

    def _units(self, chunk: str) -> int:
        if self.encoding == types.PositionEncodingKind.Utf8:
            return len(chunk.encode("utf-8", "surrogatepass"))
        if self.encoding == types.PositionEncodingKind.Utf32:
            return len(chunk)
        return len(chunk) + sum(1 for ch in chunk if ord(ch) > 0xFFFF)

    def position(self, offset: int) -> types.Position:
        import bisect

        offset = max(0, min(offset, len(self.text)))
        line = bisect.bisect_right(self.starts, offset) - 1
        start = self.starts[line]
        return types.Position(line=line, character=self._units(self.text[start:offset]))

    def range(self, start: int, end: int) -> types.Range:
        return types.Range(start=self.position(start), end=self.position(end))

    def offset(self, pos: types.Position) -> int:
        if pos.line >= len(self.lines):
            return len(self.text)
        line, units, column = self.lines[pos.line], 0, 0
        while column < len(line) and units < pos.character:
            units += self._units(line[column])
            column += 1
        return self.starts[pos.line] + column


def reading(text: str) -> tuple[str, str]:
    """(the text newslint checks, the line ending to write in edits): a text whose lines all end
    in CRLF is read with "\\n", as the command line reads such a file."""
    if "\r\n" in text and text.count("\r\n") == text.count("\n") and "\r" not in text.replace("\r\n", ""):
        return text.replace("\r\n", "\n"), "\r\n"
    return text, "\n"


# --- what the server knows of one open story -----------------------------------------------
@dataclass
class Checked:
    version: int | None
    source: str  # the text as the client holds it
    text: str  # newslint's reading of it
    newline: str
    positions: Positions
    diagnostics: list[Diagnostic]
    checker: Checker | None


class NewslintServer(LanguageServer):
    def __init__(self) -> None:
        super().__init__("newslint", __version__)
        self.checked: dict[str, Checked] = {}
        self.pending: dict[str, asyncio.TimerHandle] = {}
        self.checkers: dict[Path | None, Checker | ConfigError] = {}
        self.config_of_dir: dict[Path, Path | None] = {}
        self.lock = threading.Lock()
        self.building = threading.Lock()
        self.docs_url: str | None = None
        self.said: set[str] = set()

    # --- configuration -----------------------------------------------------------------------
    def checker_for(self, path: Path | None) -> Checker:
        """The checker for a story at `path` (None: not a file), with the config the command
        line would use; raises ConfigError for a bad config file."""
        directory = path.parent if path is not None else self.anchor()
        with self.lock:
            if directory not in self.config_of_dir:
                self.config_of_dir[directory] = find_config_file(directory) if directory else None
            config = self.config_of_dir[directory]
            found = self.checkers.get(config)
        if found is None:
            with self.building:  # one build at a time: a second caller finds the first's checker
                found = self.checkers.get(config)
                if found is None:
                    try:
                        found = Checker(config)
                    except ConfigError as exc:
                        found = exc
                    with self.lock:
                        self.checkers[config] = found
        if isinstance(found, ConfigError):
            raise found
        return found

    def anchor(self) -> Path:
        """Where an untitled story's config is looked for: the first workspace folder, else the
        directory the server was started in."""
        folders = list(self.workspace.folders.values()) if self._workspace_ready() else []
        for folder in folders:
            path = path_of(folder.uri)
            if path is not None:
                return path
        root = self.workspace.root_uri if self._workspace_ready() else None
        return (path_of(root) if root else None) or Path.cwd()

    def _workspace_ready(self) -> bool:
        try:
            return self.workspace is not None
        except Exception:  # before initialize
            return False

    def forget_configs(self) -> None:
        with self.lock:
            self.checkers.clear()
            self.config_of_dir.clear()

    # --- messages ----------------------------------------------------------------------------
    def say(self, message: str, kind: types.MessageType = types.MessageType.Warning) -> None:
        """A window message, once per distinct message (a bad config is not repeated per keystroke)."""
        if message in self.said:
            return
        self.said.add(message)
        self.window_show_message(types.ShowMessageParams(type=kind, message=f"newslint: {message}"))


server = NewslintServer()


def path_of(uri: str) -> Path | None:
    parsed = urlparse(uri)
    if parsed.scheme != "file":
        return None
    return Path(unquote(parsed.path))


def display_name(uri: str, language_id: str | None = None) -> str:
    """The name newslint gives the story: its path (which decides Markdown or plain text, and
    the per-file ignores), or for an untitled buffer a name with the language's extension."""
    path = path_of(uri)
    if path is not None:
        return str(path)
    return "untitled.md" if language_id == "markdown" else "untitled.txt"


# --- checking ---------------------------------------------------------------------------------
def check_document(ls: NewslintServer, uri: str) -> Checked | None:
    """Check the story the client holds for `uri` now; None when it is skipped (a message says why)."""
    document = ls.workspace.get_text_document(uri)
    source = document.source
    text, newline = reading(source)
    encoding = ls.workspace.position_encoding or types.PositionEncodingKind.Utf16
    positions = Positions(text, encoding)
    checked = Checked(document.version, source, text, newline, positions, [], None)
    name = display_name(uri, document.language_id)
    if "\x00" in text:
        ls.say(f"{name}: contains NUL characters; skipped as binary")
        publish(ls, uri, checked, [])
        return None
    try:
        checker = ls.checker_for(path_of(uri))
    except ConfigError as exc:
        ls.say(f"config error: {exc}", types.MessageType.Error)
        publish(ls, uri, checked, [config_diagnostic(str(exc))])
        return None
    if len(text) > checker.settings.max_file_size:
        ls.say(f"{name}: larger than max-file-size ({checker.settings.max_file_size} bytes); not checked")
        publish(ls, uri, checked, [])
        return None
    try:
        checked.diagnostics = checker.diagnostics(text, name)
    except (RuleCrash, RuleUnavailable) as exc:
        ls.say(str(exc), types.MessageType.Error)
    except Exception as exc:  # a newslint bug must not take the editor's server down
        log.exception("checking %s failed", uri)
        ls.say(f"internal error while checking {name}: {type(exc).__name__}: {exc}", types.MessageType.Error)
    checked.checker = checker
    ls.checked[uri] = checked
    publish(ls, uri, checked, [lsp_diagnostic(ls, d, positions) for d in checked.diagnostics])
    return checked


def publish(ls: NewslintServer, uri: str, checked: Checked, diagnostics: list[types.Diagnostic]) -> None:
    ls.text_document_publish_diagnostics(
        types.PublishDiagnosticsParams(uri=uri, version=checked.version, diagnostics=diagnostics)
    )


def config_diagnostic(message: str) -> types.Diagnostic:
    return types.Diagnostic(
        range=types.Range(start=types.Position(line=0, character=0), end=types.Position(line=0, character=0)),
        message=f"newslint config error: {message}",
        severity=types.DiagnosticSeverity.Error,
        source=SOURCE,
    )


def lsp_diagnostic(ls: NewslintServer, d: Diagnostic, positions: Positions) -> types.Diagnostic:
    return types.Diagnostic(
        range=positions.range(d.span.start, d.span.end),
        message=d.message,
        severity=(
            types.DiagnosticSeverity.Warning
            if d.severity is Severity.WARNING
            else types.DiagnosticSeverity.Error
        ),
        code=d.code,
        code_description=types.CodeDescription(href=rule_page(ls, d.code)),
        source=SOURCE,
    )


def rule_page(ls: NewslintServer, code: str) -> str:
    """The address of the rule's documentation: under `docsUrl` when the client gave one in its
    initialization options, else the page as `newslint rule CODE` prints it, written once to a
    cache folder (so the link works offline and matches the installed version)."""
    from newslint.registry import rule_by_code

    rule = rule_by_code(code)
    name = f"{rule.code}-{rule.name}.md"
    if ls.docs_url:
        return ls.docs_url.rstrip("/") + "/" + name
    page = _pages_dir() / name
    if not page.exists():
        from newslint.docs import rule_markdown

        tmp = page.with_name(f".{name}.{os.getpid()}")
        tmp.write_text(rule_markdown(rule), encoding="utf-8")
        os.replace(tmp, page)
    return page.as_uri()


def _pages_dir() -> Path:
    base = Path(os.environ.get("XDG_CACHE_HOME") or Path.home() / ".cache")
    for root in (base, Path(tempfile.gettempdir())):
        folder = root / "newslint" / __version__ / "rules"
        try:
            folder.mkdir(parents=True, exist_ok=True)
            return folder
        except OSError:
            continue
    raise OSError("no writable folder for the rule pages")


def current(ls: NewslintServer, uri: str) -> Checked | None:
    """What was checked for the text the client holds now (checking again if it changed)."""
    if uri not in ls.workspace.text_documents:
        return None
    checked = ls.checked.get(uri)
    if checked is not None and checked.source == ls.workspace.get_text_document(uri).source:
        return checked
    return check_document(ls, uri)


def schedule(ls: NewslintServer, uri: str, delay: float) -> None:
    """Check `uri` after `delay` seconds, replacing a check already waiting (typing debounced)."""
    waiting = ls.pending.pop(uri, None)
    if waiting is not None:
        waiting.cancel()
    loop = asyncio.get_running_loop()

    def run() -> None:
        ls.pending.pop(uri, None)
        if uri in ls.workspace.text_documents:  # not closed meanwhile
            check_document(ls, uri)

    ls.pending[uri] = loop.call_later(delay, run)


# --- LSP handlers -------------------------------------------------------------------------------
@server.feature(types.INITIALIZE)
def initialize(ls: NewslintServer, params: types.InitializeParams) -> None:
    options = params.initialization_options
    if isinstance(options, dict) and isinstance(options.get("docsUrl"), str):
        ls.docs_url = options["docsUrl"]
    warm_up(ls)


def warm_up(ls: NewslintServer) -> None:
    """Build the workspace's checker and load the word lists before answering `initialize`:
    the editor shows the server starting for a second, and the first story opened is checked
    at once instead of waiting for that."""
    try:
        ls.checker_for(None).check("Warm up\n\nThe the story was checked by a newslint server.\n")
    except Exception:  # a bad config or a failing rule: the first real check says what is wrong
        log.warning("warm-up failed", exc_info=True)


@server.feature(types.INITIALIZED)
def initialized(ls: NewslintServer, params: types.InitializedParams) -> None:
    """Ask to be told when a config file changes, where the client can watch files."""
    capabilities = ls.client_capabilities.workspace
    watched = capabilities.did_change_watched_files if capabilities else None
    if not (watched and watched.dynamic_registration):
        return  # configs saved in the editor are still seen (didSave)
    watchers = [types.FileSystemWatcher(glob_pattern=f"**/{name}") for name in CONFIG_NAMES]
    ls.client_register_capability(
        types.RegistrationParams(
            registrations=[
                types.Registration(
                    id="newslint-config-files",
                    method=types.WORKSPACE_DID_CHANGE_WATCHED_FILES,
                    register_options=types.DidChangeWatchedFilesRegistrationOptions(watchers=watchers),
                )
            ]
        )
    )


@server.feature(types.TEXT_DOCUMENT_DID_OPEN)
def did_open(ls: NewslintServer, params: types.DidOpenTextDocumentParams) -> None:
    check_document(ls, params.text_document.uri)


@server.feature(types.TEXT_DOCUMENT_DID_CHANGE)
def did_change(ls: NewslintServer, params: types.DidChangeTextDocumentParams) -> None:
    schedule(ls, params.text_document.uri, CHANGE_DELAY)


@server.feature(types.TEXT_DOCUMENT_DID_SAVE)
def did_save(ls: NewslintServer, params: types.DidSaveTextDocumentParams) -> None:
    path = path_of(params.text_document.uri)
    if path is not None and path.name in CONFIG_NAMES:
        reload_configs(ls)


@server.feature(types.TEXT_DOCUMENT_DID_CLOSE)
def did_close(ls: NewslintServer, params: types.DidCloseTextDocumentParams) -> None:
    uri = params.text_document.uri
    waiting = ls.pending.pop(uri, None)
    if waiting is not None:
        waiting.cancel()
    ls.checked.pop(uri, None)
    ls.text_document_publish_diagnostics(types.PublishDiagnosticsParams(uri=uri, diagnostics=[]))


@server.feature(types.WORKSPACE_DID_CHANGE_WATCHED_FILES)
def watched_files_changed(ls: NewslintServer, params: types.DidChangeWatchedFilesParams) -> None:
    if any((path_of(c.uri) or Path()).name in CONFIG_NAMES for c in params.changes):
        reload_configs(ls)


@server.feature(types.WORKSPACE_DID_CHANGE_WORKSPACE_FOLDERS)
def folders_changed(ls: NewslintServer, params: types.DidChangeWorkspaceFoldersParams) -> None:
    reload_configs(ls)


def reload_configs(ls: NewslintServer) -> None:
    """Read the config files again and check every open story with them."""
    ls.forget_configs()
    ls.said.clear()
    for uri in list(ls.workspace.text_documents):
        check_document(ls, uri)


# --- code actions -------------------------------------------------------------------------------
@server.feature(
    types.TEXT_DOCUMENT_CODE_ACTION,
    types.CodeActionOptions(
        code_action_kinds=[types.CodeActionKind.QuickFix, FIX_ALL_KIND], resolve_provider=False
    ),
)
def code_action(ls: NewslintServer, params: types.CodeActionParams) -> list[types.CodeAction]:
    uri = params.text_document.uri
    checked = current(ls, uri)
    if checked is None:
        return []
    wanted = params.context.only
    actions: list[types.CodeAction] = []
    if not wanted or any(k.startswith(types.CodeActionKind.QuickFix) for k in wanted):
        start = checked.positions.offset(params.range.start)
        end = checked.positions.offset(params.range.end)
        for d in checked.diagnostics:
            if d.span.start <= end and start <= d.span.end:
                actions.extend(quick_fixes(ls, uri, checked, d))
    if not wanted or any(FIX_ALL_KIND.startswith(k) or k.startswith(FIX_ALL_KIND) for k in wanted):
        fix_all = fix_all_action(uri, checked)
        if fix_all is not None:
            actions.append(fix_all)
    return actions


def quick_fixes(ls: NewslintServer, uri: str, checked: Checked, d: Diagnostic) -> list[types.CodeAction]:
    lsp = lsp_diagnostic(ls, d, checked.positions)
    actions = []
    for number, fix in enumerate(f for f in (d.fix, *d.alternatives) if f is not None):
        if fix.withheld:  # a word inside a quotation: reported, never edited
            continue
        actions.append(
            types.CodeAction(
                title=fix_title(checked.text, fix),
                kind=types.CodeActionKind.QuickFix,
                diagnostics=[lsp],
                is_preferred=number == 0 and fix.applicability == Applicability.SAFE,
                edit=workspace_edit(uri, checked, [(e.span.start, e.span.end, e.content) for e in fix.edits]),
            )
        )
    actions.append(ignore_action(uri, checked, d, lsp))
    return actions


def fix_title(text: str, fix: Fix) -> str:
    """ "Replace 'reigme' with 'regime' (safe)": one replacement named by its words, else the
    rule's own title; then the safety."""
    safety = SAFETY_WORDS[fix.applicability]
    if len(fix.edits) == 1:
        edit = fix.edits[0]
        old = text[edit.span.start : edit.span.end]
        if old and edit.content and "\n" not in old + edit.content and old.strip() and edit.content.strip():
            return f"Replace {old!r} with {edit.content!r} ({safety})"
    return f"{fix.title} ({safety})"


def ignore_action(uri: str, checked: Checked, d: Diagnostic, lsp: types.Diagnostic) -> types.CodeAction:
    """A suppression comment on its own line above the problem's line."""
    line_start = checked.text.rfind("\n", 0, d.span.start) + 1
    comment = f"<!-- newslint: ignore-next-line {d.code} -->\n"
    return types.CodeAction(
        title=f"Ignore {d.code} ({d.name}) on this line",
        kind=types.CodeActionKind.QuickFix,
        diagnostics=[lsp],
        edit=workspace_edit(uri, checked, [(line_start, line_start, comment)]),
    )


def fix_all_action(uri: str, checked: Checked) -> types.CodeAction | None:
    """Every safe fix (and unsafe ones where the config says `unsafe-fixes = true`), applied in
    passes to a fixpoint exactly as `--fix`, sent as one edit of the part that changed."""
    if checked.checker is None or not any(
        d.fix is not None and d.fix.applicability >= Applicability.UNSAFE for d in checked.diagnostics
    ):
        return None
    unsafe = checked.checker.settings.unsafe_fixes
    try:
        fixed = checked.checker.fix(checked.text, unsafe=unsafe, path="-").text
    except Exception as exc:  # fixes that do not settle: offer nothing rather than a bad edit
        log.warning("fix all failed: %s", exc)
        return None
    if fixed == checked.text:
        return None
    start, end, content = changed_part(checked.text, fixed)
    return types.CodeAction(
        title="Fix all safe and unsafe problems (unsafe-fixes = true)" if unsafe else "Fix all safe problems",
        kind=FIX_ALL_KIND,
        edit=workspace_edit(uri, checked, [(start, end, content)]),
    )


def changed_part(old: str, new: str) -> tuple[int, int, str]:
    """(start, end, replacement): the smallest single replacement turning `old` into `new`."""
    limit = min(len(old), len(new))
    start = 0
    while start < limit and old[start] == new[start]:
        start += 1
    tail = 0
    while tail < limit - start and old[len(old) - 1 - tail] == new[len(new) - 1 - tail]:
        tail += 1
    return start, len(old) - tail, new[start : len(new) - tail]


def workspace_edit(uri: str, checked: Checked, edits: list[tuple[int, int, str]]) -> types.WorkspaceEdit:
    text_edits = [
        types.TextEdit(
            range=checked.positions.range(start, end), new_text=content.replace("\n", checked.newline)
        )
        for start, end, content in edits
    ]
    document = types.OptionalVersionedTextDocumentIdentifier(uri=uri, version=checked.version)
    return types.WorkspaceEdit(
        changes={uri: text_edits},
        document_changes=[types.TextDocumentEdit(text_document=document, edits=text_edits)],
    )


# --- hover --------------------------------------------------------------------------------------
@server.feature(types.TEXT_DOCUMENT_HOVER)
def hover(ls: NewslintServer, params: types.HoverParams) -> types.Hover | None:
    checked = current(ls, params.text_document.uri)
    if checked is None:
        return None
    at = checked.positions.offset(params.position)
    here = [d for d in checked.diagnostics if d.span.start <= at <= d.span.end]
    if not here:
        return None
    from newslint.docs import rule_markdown
    from newslint.registry import rule_by_code

    parts = []
    for code in dict.fromkeys(d.code for d in here):
        messages = "\n".join(f"- {d.message}" for d in here if d.code == code)
        parts.append(f"{messages}\n\n{rule_markdown(rule_by_code(code))}")
    first = min(here, key=lambda d: d.span.start)
    return types.Hover(
        contents=types.MarkupContent(kind=types.MarkupKind.Markdown, value="\n---\n\n".join(parts)),
        range=checked.positions.range(first.span.start, first.span.end),
    )


def serve() -> None:
    """Run the server on stdin and stdout until the client says exit."""
    logging.basicConfig(level=logging.WARNING)
    server.start_io()
