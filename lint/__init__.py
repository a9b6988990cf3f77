"""newslint: a text-cleanup and style linter for news wire copy.

Library use (docs/api.md):

    >>> import newslint
    >>> checker = newslint.Checker()
    >>> [p.code for p in checker.check("Talks resume\\n\\nThe the talks resumed on Monday.\\n")]
    ['NL103']
    >>> checker.fix("Talks resume\\n\\nThe the talks resumed on Monday.\\n").text
    'Talks resume\\n\\nThe talks resumed on Monday.\\n'

Data flow: file -> `sources` (bytes to text) -> `segment.parse` (Document) -> `lint.Linter`
(rules -> violations) -> `fix` (edits to a fixpoint) -> `report` (text, json, github, gitlab,
sarif, diff).
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:  # imported on first use, as below
    from newslint.api import Checker
    from newslint.config import Settings
    from newslint.violation import Diagnostic

# `__version__` is read from the installed package's metadata (pyproject.toml's version is the
# one source), on first use: importlib.metadata costs a hook run's start-up ~50 ms otherwise.
__version__: str
# Where the documentation lives (rule pages: DOCS_URL/rules/NL101-unknown-word.md); the same
# address as `Documentation` in pyproject.toml's [project.urls].
DOCS_URL = "https://github.com/newslint/newslint/blob/main/docs"

# Imported on first use, so that `newslint check` starts without the library API's imports.
_LAZY = {
    "Checker": "newslint.api",
    "Problem": "newslint.api",
    "Suggestion": "newslint.api",
    "TextEdit": "newslint.api",
    "FixResult": "newslint.api",
    "to_json": "newslint.api",
    "ConfigError": "newslint.config",
}


def __getattr__(name: str) -> Any:
    if name == "__version__":
        globals()[name] = value = _installed_version()
        return value
    module = _LAZY.get(name)
    if module is None:
        raise AttributeError(f"module 'newslint' has no attribute {name!r}")
    import importlib

    value = getattr(importlib.import_module(module), name)
    globals()[name] = value
    return value


def lint_text(
    text: str, path: str = "-", settings: Settings | None = None, select: Sequence[str] | None = None
) -> list[Diagnostic]:
    """The engine's diagnostics for `text` (spans as code-point offsets); `newslint.Checker`
    is the documented API and gives lines and columns too."""
    return _checker(settings, select).diagnostics(text, path)


def fix_text(
    text: str,
    path: str = "-",
    settings: Settings | None = None,
    unsafe: bool = False,
    select: Sequence[str] | None = None,
) -> str:
    """`text` with every safe (or also unsafe) fix applied; see `newslint.Checker.fix`."""
    return _checker(settings, select).fix(text, unsafe=unsafe, path=path).text


def _installed_version() -> str:
    from importlib.metadata import PackageNotFoundError, version

    try:
        return version("newslint")
    except PackageNotFoundError:  # imported from a source tree that was never installed
        return "0+unknown"


_default_checker: Checker | None = None


def _checker(settings: Settings | None, select: Sequence[str] | None) -> Checker:
    """A Checker for the old functions: the default one is built once and reused."""
    global _default_checker
    from newslint.api import Checker
    from newslint.config import Settings

    if settings is None and select is None:
        if _default_checker is None:
            _default_checker = Checker.from_settings(Settings())
        return _default_checker
    return Checker.from_settings(settings or Settings(), select)


__all__ = [
    "Checker",
    "ConfigError",
    "FixResult",
    "Problem",
    "Suggestion",
    "TextEdit",
    "fix_text",
    "lint_text",
    "to_json",
]
