"""The one harness every rule's case file runs through (sqlfluff's YAML cases, ruff's invariants).

A case file `tests/rules/cases/<CODE>-<name>.toml`:

    rule = "NL101"

    [[case]]
    name = "transposed-letters-are-fixed"     # becomes the test id
    text = "The regime said. The reigme fell."
    violations = [{ line = 1, column = 22, fix = "safe" }]   # fix: safe|unsafe|display-only|none
    fixed = "The regime said. The regime fell."              # after --fix (default: text unchanged)
    fixed-unsafe = "..."                                      # after --fix --unsafe-fixes (default: fixed)
    config = { locale = "en-GB", rules = { unknown-word = { ... } } }   # optional settings
    path = "story.md"                                         # optional: decides text or Markdown

`violations = []` (or omitting it with no `fixed`) states that the rule reports nothing.
Every case also checks: fixing converges and is idempotent, leaves no applicable fix of the
rule behind, never edits words inside a direct quotation, and never joins two lines of text
into one; across a rule's cases, the fixes it emits match its declared fix availability.
"""

from __future__ import annotations

import re
import tomllib
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from newslint.config import Settings, _build
from newslint.lint import Linter
from newslint.registry import rule_by_code
from newslint.rule import Rule
from newslint.violation import Applicability, Edit, Violation

CASES_DIR = Path(__file__).parent / "cases"


@dataclass
class Case:
    rule: type[Rule]
    name: str
    text: str
    violations: list[dict[str, Any]] | None
    fixed: str
    fixed_unsafe: str
    config: dict[str, Any] = field(default_factory=dict)
    path: str = "story.txt"
    source: str = ""

    @property
    def id(self) -> str:
        return f"{self.rule.code}:{self.name}"


def load_cases(directory: Path = CASES_DIR) -> list[Case]:
    cases = []
    for file in sorted(directory.glob("*.toml")):
        data = tomllib.loads(file.read_text(encoding="utf-8"))
        rule = rule_by_code(data["rule"])
        for raw in data.get("case", []):
            unknown = set(raw) - {"name", "text", "violations", "fixed", "fixed-unsafe", "config", "path"}
            assert not unknown, f"{file.name}: case {raw.get('name')}: unknown keys {unknown}"
            fixed = raw.get("fixed", raw["text"])
            cases.append(
                Case(
                    rule=rule,
                    name=raw["name"],
                    text=raw["text"],
                    violations=raw.get("violations"),
                    fixed=fixed,
                    fixed_unsafe=raw.get("fixed-unsafe", fixed),
                    config=raw.get("config", {}),
                    path=raw.get("path", "story.txt"),
                    source=file.name,
                )
            )
    return cases


def settings_for(case: Case) -> Settings:
    return _build(dict(case.config), {}, Path.cwd(), f"case {case.id}")


def linter_for(case: Case) -> Linter:
    return Linter(settings_for(case), case.path, select=[case.rule.code])


def fix_level(v: Violation) -> str:
    return v.fix.applicability.label if v.fix else "none"


def check_case(case: Case) -> list[Violation]:
    """Run every check on one case; returns the violations for availability bookkeeping."""
    linter = linter_for(case)
    result = linter.check(case.text)
    found = [v for v in result.violations if v.code == case.rule.code]
    if case.violations is not None:
        got = []
        for v in found:
            pos = result.document.lines.position(v.span.start)
            got.append({"line": pos.line, "column": pos.column, "fix": fix_level(v)})
        want = [
            {"line": w["line"], "column": w["column"], **({"fix": w["fix"]} if "fix" in w else {})}
            for w in case.violations
        ]
        got_cmp = [
            {
                k: g[k]
                for k in ("line", "column", "fix")
                if k in g and (k != "fix" or any("fix" in w for w in want))
            }
            for g in got
        ]
        assert got_cmp == want, f"violations: expected {want}, got {got} ({[v.message for v in found]})"
    # Fixing: the expected texts, convergence (a FixError would raise), idempotence.
    safe = linter.fix(case.text, unsafe=False)
    assert safe.text == case.fixed, f"--fix gave {safe.text!r}, expected {case.fixed!r}"
    unsafe = linter.fix(case.text, unsafe=True)
    assert unsafe.text == case.fixed_unsafe, (
        f"--unsafe-fixes gave {unsafe.text!r}, expected {case.fixed_unsafe!r}"
    )
    for outcome, is_unsafe in ((safe, False), (unsafe, True)):
        again = linter.fix(outcome.text, unsafe=is_unsafe)
        assert again.text == outcome.text, "fixing is not idempotent"
        level = Applicability.UNSAFE if is_unsafe else Applicability.SAFE
        left = [v for v in again.remaining if v.fix and v.fix.applies(level)]
        assert not left, f"applicable fixes remain after fixing: {[v.message for v in left]}"
    # Quotations: no applicable fix of a word rule edits inside one.
    if not case.rule.repairs_characters:
        for v in found:
            if v.fix and v.fix.applicability > Applicability.DISPLAY_ONLY:
                touched = [e for e in v.fix.edits if result.document.is_quoted(e.span)]
                assert not touched, f"fix {v.fix.title!r} edits inside a quotation"
    # Lines: no fix deletes the line break between two lines that both keep their text.
    for v in found:
        for edit in v.fix.edits if v.fix else ():
            assert not joins_lines(case.text, edit), f"fix {v.fix.title!r} joins two lines: {edit}"
    return found


def joins_lines(text: str, edit: Edit) -> bool:
    """Does `edit` delete a line break and leave text on both sides of where it was? A line
    break may go with whole lines, and inside words rewritten across it ("61 per\\ncent" ->
    "61%"); an edit that only deletes must not run two lines of text into one."""
    if edit.content.strip() or _breaks(text[edit.span.start : edit.span.end]) <= _breaks(edit.content):
        return False
    line_start = max(text.rfind("\n", 0, edit.span.start), text.rfind("\r", 0, edit.span.start)) + 1
    ends = [i for i in (text.find("\n", edit.span.end), text.find("\r", edit.span.end)) if i >= 0]
    line_end = min(ends, default=len(text))
    return bool(text[line_start : edit.span.start].strip()) and bool(text[edit.span.end : line_end].strip())


def _breaks(text: str) -> int:
    return len(re.findall(r"\r\n|\r|\n", text))
