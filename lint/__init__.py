"""newslint: a text-cleanup and style linter for news wire copy.

Library use:

    >>> import newslint
    >>> [d.code for d in newslint.lint_text("Headline here\\n\\nThe the story.\\n")]
    >>> newslint.fix_text("...")

Data flow: file -> `sources` (bytes to text) -> `segment.parse` (Document) -> `lint.Linter`
(rules -> violations) -> `fix` (edits to a fixpoint) -> `report` (text, json, github, sarif).
"""

from __future__ import annotations

__version__ = "0.1.0"


def lint_text(text: str, path: str = "-", settings=None, select=None):
    """Diagnostics for `text` with the default rules (or `select`)."""
    from newslint.config import Settings
    from newslint.lint import Linter

    linter = Linter(settings or Settings(), path, select)
    return [linter.diagnostic(v) for v in linter.violations(text)]


def fix_text(text: str, path: str = "-", settings=None, unsafe: bool = False, select=None) -> str:
    """`text` with every safe (or also unsafe) fix applied."""
    from newslint.config import Settings
    from newslint.lint import Linter

    return Linter(settings or Settings(), path, select).fix(text, unsafe=unsafe).text
