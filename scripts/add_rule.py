"""Scaffold a new rule: its module, its registry entry, its case file and its docs page.

    python scripts/add_rule.py NL105 repeated-phrase --fix sometimes --summary "Finds ..."

writes `rules/<family>/<rule_name>.py` (one `Rule` subclass with the docstring sections and an
empty `check`), adds the class to `RULES` in `rules/<family>/__init__.py`, writes
`tests/rules/cases/<CODE>-<name>.toml` with cases to fill in, and generates `docs/rules/`. The
family comes from the code's first digit (NL1xx typos, NL2xx naming, ...). Then write the rule
and its cases as docs/contributing.md ("Adding a rule") says: until `check` reports something,
the case tests say so.
"""

from __future__ import annotations

import argparse
import re
import subprocess
import sys
from pathlib import Path

from newslint.registry import all_rules
from newslint.rule import FAMILIES

ROOT = Path(__file__).resolve().parent.parent
WORD_FAMILIES = ("typos", "naming", "numbers", "house-style")  # a quotation case is required

MODULE = '''"""{code} {name}."""

from __future__ import annotations

from collections.abc import Iterator

from newslint.document import Document
from newslint.rule import NOTHING, Rule
from newslint.violation import FixAvailability, Violation


class {cls}(Rule):
    """## What it does
    {summary}

    ## Why is this bad?
    TODO: what a reader or an editor loses to it.

    ## Example
        TODO: a sentence with the problem.

    ## Use instead
        TODO: the same sentence, right.

    ## Fix safety
    TODO: safe (an editor would accept it unread), unsafe (a good guess) or no fix, and why.
    """

    code = "{code}"
    name = "{name}"
    fix_availability = FixAvailability.{fix}

    def check(self, doc: Document) -> Iterator[Violation]:
        # TODO: find the problem (docs/contributing.md, "Rule conventions") and yield
        # self.violation(span, message, Fix.safe(...) or Fix.unsafe(...) or None). A story its
        # first tests clear (most) returns NOTHING, the shared empty iterator: no generator made.
        return NOTHING
'''

CASES = """rule = "{code}"

# Write each case's name and text; then let the harness pin what the rule does:
#   NEWSLINT_UPDATE_CASES=1 python -m pytest tests/rules -k {code}
# and read the pins in `git diff`. Format: tests/rules/harness.py.

[[case]]
name = "the-problem-is-reported"
text = "TODO: a story with the problem.\\n"
violations = []

[[case]]
name = "correct-copy-passes"
text = "TODO: a story that must pass (names, tables, [sic], a close call).\\n"
violations = []
"""

QUOTATION_CASE = """
[[case]]
name = "inside-a-quotation-it-is-reported-not-changed"
text = "The minister spoke. \\"TODO: the problem, quoted,\\" she said.\\n"
violations = []
"""


def main(argv: list[str] | None = None) -> int:
    args = _arguments().parse_args(argv)
    code, name = args.code.upper(), args.name
    problem = _problem(code, name)
    if problem:
        print(f"error: {problem}", file=sys.stderr)
        return 2
    family = FAMILIES[code[2]]
    package = ROOT / "rules" / family.replace("-", "_")
    module = package / f"{name.replace('-', '_')}.py"
    cases = ROOT / "tests" / "rules" / "cases" / f"{code}-{name}.toml"
    cls = "".join(part.capitalize() for part in name.split("-"))
    summary = args.summary or "TODO: one sentence, what it finds (the rule index shows it)."
    module.write_text(MODULE.format(code=code, name=name, cls=cls, summary=summary, fix=args.fix.upper()))
    _register(package / "__init__.py", f"newslint.rules.{package.name}.{module.stem}", cls)
    cases.write_text(
        CASES.format(code=code) + (QUOTATION_CASE if family in WORD_FAMILIES else ""), encoding="utf-8"
    )
    _tidy([module, package / "__init__.py"])
    subprocess.run([sys.executable, str(ROOT / "scripts" / "generate_rule_docs.py")], check=True)
    for path in (module, package / "__init__.py", cases):
        print(f"wrote {path.relative_to(ROOT)}")
    print(f"next: write {cls}.check and the cases, then `python -m pytest tests/rules -k {code}`")
    return 0


def _arguments() -> argparse.ArgumentParser:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("code", help="NL + family digit + two digits, e.g. NL105 (stable forever)")
    ap.add_argument("name", help="kebab-case, names the problem, not the fix: repeated-phrase")
    ap.add_argument("--fix", choices=("always", "sometimes", "none"), default="none")
    ap.add_argument("--summary", help="the first sentence of `## What it does`")
    return ap


def _problem(code: str, name: str) -> str | None:
    """Why the code or name cannot be used, or None."""
    if not re.fullmatch(r"NL\d{3}", code) or code[2] not in FAMILIES:
        families = ", ".join(f"NL{digit}xx {family}" for digit, family in FAMILIES.items())
        return f"{code!r} is not a code of a family ({families})"
    if not re.fullmatch(r"[a-z][a-z0-9]*(?:-[a-z0-9]+)*", name):
        return f"{name!r} is not a kebab-case name like 'repeated-phrase'"
    for rule in all_rules():
        if code == rule.code or name == rule.name:
            return f"{rule.code} {rule.name} exists already"
    return None


def _register(init: Path, module: str, cls: str) -> None:
    """Import `cls` in the family's __init__.py and append it to RULES."""
    text = init.read_text(encoding="utf-8")
    text = text.replace("\nRULES = (", f"\nfrom {module} import {cls}\n\nRULES = (", 1)
    start = text.index("\nRULES = (")
    end = text.index(")", start)
    entries = text[start + len("\nRULES = (") : end].rstrip().rstrip(",")
    text = f"{text[:start]}\nRULES = ({entries}, {cls}){text[end + 1 :]}"
    init.write_text(text, encoding="utf-8")


def _tidy(paths: list[Path]) -> None:
    """Sort the imports and format, as the repository's ruff settings say (when ruff is installed)."""
    files = [str(p) for p in paths]
    for command in (["check", "--fix", "--select", "I", "--quiet"], ["format", "--quiet"]):
        done = subprocess.run([sys.executable, "-m", "ruff", *command, *files], check=False)
        if done.returncode:
            print("note: ruff did not run; run `ruff check --fix . && ruff format .`", file=sys.stderr)
            return


if __name__ == "__main__":
    sys.exit(main())
