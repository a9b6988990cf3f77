"""NL002 invalid-suppression."""

from __future__ import annotations

from collections.abc import Iterator

from newslint.document import Document
from newslint.rule import NOTHING, Rule
from newslint.suppress import DIRECTIVES, Invalid, Suppression, invalid
from newslint.violation import Edit, Fix, FixAvailability, Severity, Violation


class InvalidSuppression(Rule):
    """## What it does
    Reports a `<!-- newslint: ... -->` comment whose directive or rule selector newslint does
    not know, and names the one most likely meant: `disabel` (`disable`), `disable-next-line`
    (ESLint's and markdownlint's word; newslint's is `ignore-next-line`), `NL1O1` (`NL101`).

    ## Why is this bad?
    A comment that looks like a suppression but is not one does nothing, and nothing else says
    so: the writer believes a report is silenced, or wonders why it is not. newslint does not
    guess what an unknown directive meant and suppresses nothing with it: a misspelt `disable`
    read as `disable` would silence every rule to the end of the story, which is more than a
    slip should be able to hide. The reports it meant to silence stay, next to this one.

    ## Example
        <!-- newslint: disable-next-line NL101 -->
        The Rinladi family said.

    ## Use instead
        <!-- newslint: ignore-next-line NL101 -->
        The Rinladi family said.

    ## Fix safety
    Unsafe: writing the directive or code it most likely meant makes the comment suppress
    reports, which the writer should see before it happens. No fix when nothing is close.
    """

    code = "NL002"
    name = "invalid-suppression"
    fix_availability = FixAvailability.SOMETIMES
    default_severity = Severity.WARNING
    repairs_characters = True

    # `check` finds nothing in any story: the reports come from `check_suppressions`, which the
    # engine calls after the other rules whether or not `check` ran; so the engine leaves the rule
    # out of every story's run (`Rule.silent`): a call a story saved
    checks_stories = False

    def check(self, doc: Document) -> Iterator[Violation]:
        return NOTHING  # the engine calls check_suppressions, after the markup is set aside

    def check_suppressions(self, doc: Document, unused: list[Suppression]) -> Iterator[Violation]:
        for problem in invalid(doc):
            yield self.violation(problem.word, _message(doc, problem), _fix(doc, problem))


def _message(doc: Document, problem: Invalid) -> str:
    word = doc.slice(problem.word)
    if problem.meant:
        hint = f"did you mean {problem.meant!r}?"
    elif problem.what == "directive":
        hint = f"known: {', '.join(DIRECTIVES)}"
    else:
        hint = "see `newslint rules`"
    if problem.what == "directive":
        found = f"unknown directive {word!r}" if word else "no directive"
        return f"{found} in a newslint comment ({hint}); the comment suppresses nothing"
    return f"unknown rule selector {word!r} in a newslint comment ({hint}); nothing is suppressed for it"


def _fix(doc: Document, problem: Invalid) -> Fix | None:
    if not problem.meant or problem.word.start == problem.word.end:
        return None
    return Fix.unsafe(f"Write {problem.meant!r}", Edit.replace(problem.word, problem.meant))
