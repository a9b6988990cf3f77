"""The LanguageTool client behind the NL9xx rules, through language-tool-python (an optional extra:
`pip install 'newslint[languagetool]'`).

Two ways to reach LanguageTool, chosen by the NL9xx rules' `server` option (`[rules.grammar]`):
- `server = "http://localhost:8081"`: a LanguageTool server the user runs (or a service they
  chose). The public API is used only when the user writes its URL, and newslint warns that the
  copy then leaves the machine.
- `server = "local"`: language-tool-python downloads LanguageTool on first use (Java 17+ and a
  network are needed then) and starts and stops a server on this machine itself.

One client per process and configuration; the matches of the last texts are cached, since the
NL9xx rules share one request per text and fixing re-checks the same text.
"""

from __future__ import annotations

import atexit
import contextlib
import re
import sys
from collections import OrderedDict
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from newslint.rule import RuleUnavailable

if TYPE_CHECKING:  # _base.py imports this module
    from newslint.rules.grammar._base import LanguageToolOptions

PUBLIC_HOSTS = ("languagetool.org", "languagetoolplus.com")
REQUEST_TIMEOUT = 60  # seconds; language-tool-python's own default is 300
CACHED_TEXTS = 16
INSTALL_HINT = "pip install 'newslint[languagetool]'"
LOCAL = "local"  # the `server` value that starts LanguageTool on this machine


@dataclass(frozen=True)
class Match:
    """One LanguageTool match, with its span in code points of the checked text."""

    start: int
    end: int
    rule_id: str
    category: str
    message: str
    replacements: tuple[str, ...]


def is_public_api(url: str) -> bool:
    from urllib.parse import urlsplit  # only grammar runs need it

    host = (urlsplit(url).hostname or "").lower()
    return any(host == h or host.endswith("." + h) for h in PUBLIC_HOSTS)


def utf16_to_code_points(text: str):
    """A function mapping a UTF-16 offset (LanguageTool's, as Java counts) to a code-point offset."""
    if text.isascii() or all(ord(c) < 0x10000 for c in text):
        return lambda offset: offset
    table = []  # UTF-16 offset -> code point offset, for every UTF-16 unit boundary
    for index, char in enumerate(text):
        table.append(index)
        if ord(char) >= 0x10000:
            table.append(index)  # the middle of a surrogate pair maps to the character's start
    table.append(len(text))
    return lambda offset: table[min(max(offset, 0), len(table) - 1)]


def code_points_to_utf16(text: str, offset: int) -> int:
    return offset + sum(1 for c in text[:offset] if ord(c) >= 0x10000)


class Client:
    def __init__(self, options: LanguageToolOptions, locale: str | None) -> None:
        try:
            import language_tool_python
            from language_tool_python.exceptions import LanguageToolError
        except ImportError:
            raise RuleUnavailable(
                f"the LanguageTool rules (NL9xx) need language-tool-python: {INSTALL_HINT}"
            ) from None
        self._error = LanguageToolError
        self.server = options.server if options.server != LOCAL else None
        self.language = options.language or locale or "en-US"
        where = self.server or "a local LanguageTool server"
        if self.server and is_public_api(self.server):
            print(
                f"newslint: warning: checking grammar with the public LanguageTool API at {self.server}: "
                "the copy leaves this machine",
                file=sys.stderr,
                flush=True,
            )
        # Its own time limit from the first request on: the class's 300 s applies while the
        # constructor asks the server for its languages, and a server that accepts the
        # connection but never answers would hang the run that long.
        tool_class = type("LanguageTool", (language_tool_python.LanguageTool,), {"_TIMEOUT": REQUEST_TIMEOUT})
        try:
            if self.server:
                self.tool = tool_class(self.language, remote_server=self.server)
            else:
                self.tool = tool_class(self.language)
                atexit.register(self.close)
                _stop_in_worker(self.close)
        except ValueError as exc:  # an unknown language tag
            raise RuleUnavailable(f"LanguageTool at {where}: {exc}") from None
        except LanguageToolError as exc:
            raise RuleUnavailable(_unreachable(where, exc)) from None
        except OSError as exc:  # the download or the Java start failed
            raise RuleUnavailable(
                f"cannot start a local LanguageTool server (needs Java 17+, and a network "
                f"the first time): {exc}"
            ) from None
        self.tool.disabled_rules = set(options.disabled_rules)
        self.tool.disabled_categories = set(options.disabled_categories)
        self.tool.picky = options.picky
        self._cache: OrderedDict[str, list[Match]] = OrderedDict()
        self._failed: RuleUnavailable | None = None

    def matches(self, text: str) -> list[Match]:
        if self._failed is not None:  # the server went away: say so once, do not wait per file
            raise self._failed
        if text in self._cache:
            self._cache.move_to_end(text)
            return self._cache[text]
        try:
            found = self.tool.check(text) if text.strip() else []
        except self._error as exc:
            self._failed = RuleUnavailable(_unreachable(self.server or "the local LanguageTool server", exc))
            raise self._failed from None
        result = [_match(m, text) for m in found]
        self._cache[text] = result
        if len(self._cache) > CACHED_TEXTS:
            self._cache.popitem(last=False)
        return result

    def close(self) -> None:
        with contextlib.suppress(Exception):  # already stopped, or stopping at interpreter exit
            self.tool.close()


def _match(m: Any, text: str) -> Match:
    """language-tool-python gives `offset` in code points already, `error_length` in UTF-16 units."""
    to_cp = utf16_to_code_points(text)
    start = m.offset
    end = to_cp(code_points_to_utf16(text, start) + m.error_length)
    return Match(
        start,
        max(start, end),
        m.rule_id,
        m.category,
        " ".join(m.message.split()),
        tuple(r for r in m.replacements if isinstance(r, str)),
    )


def _unreachable(where: str, exc: Exception) -> str:
    return (
        f"LanguageTool at {where} cannot be reached ({_reason(exc)}); start it, or change the "
        "server option in [rules.grammar]"
    )


_TIMEOUTS = {"Timeout", "TimeoutError", "ReadTimeoutError", "ConnectTimeoutError", "timeout"}


def _reason(exc: BaseException) -> str:
    """Why a request failed, from the exceptions that language-tool-python, requests and
    urllib3 wrap around the socket's own: refused, timed out, or a name DNS does not know."""
    import socket  # only a failed grammar request needs it: kept out of every run's start-up

    chain: list[BaseException] = []
    cause: BaseException | None = exc
    while cause is not None and cause not in chain:
        chain.append(cause)
        cause = cause.__cause__ or cause.__context__
    for error in reversed(chain):  # the socket's own error is the last in the chain
        if isinstance(error, ConnectionRefusedError):
            return "connection refused: nothing listens at that address and port"
        if isinstance(error, socket.gaierror):
            return f"the host name was not found by DNS: {error.strerror}"
        if any(cls.__name__ in _TIMEOUTS for cls in type(error).__mro__):
            return f"timed out: no answer within {REQUEST_TIMEOUT} s"
    text = str(exc)
    errno = re.search(r"\[Errno -?\d+\] ([^'\")]+)", text)  # requests buries the reason deep inside
    return errno.group(1).strip() if errno else (text.splitlines()[0][:160] if text else type(exc).__name__)


def _stop_in_worker(close) -> None:
    """Worker processes end without atexit; multiprocessing's finalizers do run."""
    from multiprocessing import util

    util.Finalize(None, close, exitpriority=10)


_clients: dict[tuple[LanguageToolOptions, str | None], Client] = {}
_failures: dict[tuple[LanguageToolOptions, str | None], RuleUnavailable] = {}


def client_for(options: LanguageToolOptions, locale: str | None) -> Client:
    """The process's client for these options; a failure is remembered, not retried per file."""
    key = (options, locale)
    if key in _failures:
        raise _failures[key]
    if key not in _clients:
        try:
            _clients[key] = Client(options, locale)
        except RuleUnavailable as exc:
            _failures[key] = exc
            raise
    return _clients[key]
