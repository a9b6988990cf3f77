"""The one harness every rule's case file runs through (sqlfluff's YAML cases, ruff's snapshots).

A case file `tests/rules/cases/<CODE>-<name>.toml`:

    rule = "NL101"

    [[case]]
    name = "transposed-letters-are-fixed"     # becomes the test id
    text = "The regime said. The reigme fell."
    violations = [
      { line = 1, column = 22, end-line = 1, end-column = 28, fix = "safe", fix-title = "…", message = "…" },
    ]
    fixed = "The regime said. The regime fell."              # after --fix (default: text unchanged)
    fixed-unsafe = "..."                                      # after --fix --unsafe-fixes (default: fixed)
    config = { locale = "en-GB", rules = { unknown-word = { ... } } }   # optional settings
    path = "story.md"                                         # optional: decides text or Markdown

Each violation, one inline table a line, pins where the rule reports (`line`, `column`, and the
end of the reported span, `end-line`/`end-column`, exclusive; 1-based, in code points), its
`message` ("unknown word 'reigme': the story uses 'regime' once"), its fix level
(`fix`: safe, unsafe, display-only or none) and, when it has a fix, the fix's title
(`fix-title`: "Replace with 'regime'"). `violations = []` states that the rule reports nothing.

The pinned fields are a snapshot, as in ruff: when a rule's output changes on purpose, run

    NEWSLINT_UPDATE_CASES=1 python -m pytest tests/rules

which rewrites `violations`, `fixed` and `fixed-unsafe` of every case that runs (use `-k` to pick
cases; not with `-n`) in place, keeping the file's comments and layout, then checks the cases as
usual. Review the rewrite with `git diff` before committing it: it is the change in behaviour.

Every case also checks what no snapshot can be updated to: fixing converges and is idempotent,
leaves no applicable fix of the rule behind, never edits words inside a direct quotation, and
never joins two lines of text into one.
test_rule_cases.py checks, from the pinned fields, that the fixes each rule emits match its
declared fix availability and that every word rule has a case inside a quotation.
"""

from __future__ import annotations

import os
import re
import tomllib
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from newslint.config import Settings, _build
from newslint.lint import Linter
from newslint.registry import rule_by_code
from newslint.rule import Rule
from newslint.span import LineIndex
from newslint.violation import Applicability, Edit, Violation

CASES_DIR = Path(__file__).parent / "cases"
UPDATE = os.environ.get("NEWSLINT_UPDATE_CASES", "") not in ("", "0")
UPDATE_HINT = "if the change is intended, run NEWSLINT_UPDATE_CASES=1 python -m pytest tests/rules"
CASE_KEYS = {"name", "text", "violations", "fixed", "fixed-unsafe", "config", "path"}
PINNED_KEYS = ("line", "column", "end-line", "end-column", "fix", "fix-title", "message")


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
            unknown = set(raw) - CASE_KEYS
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


def pinned(v: Violation, lines: LineIndex) -> dict[str, Any]:
    """A violation as a case file pins it (the keys in PINNED_KEYS order)."""
    start, end = lines.position(v.span.start), lines.position(v.span.end)
    out: dict[str, Any] = {
        "line": start.line,
        "column": start.column,
        "end-line": end.line,
        "end-column": end.column,
        "fix": fix_level(v),
    }
    if v.fix is not None:
        out["fix-title"] = v.fix.title
    out["message"] = v.message
    return out


def check_case(case: Case) -> None:
    """Run one case: its pinned fields (rewritten first with NEWSLINT_UPDATE_CASES=1), then the
    invariants no snapshot can change."""
    linter = linter_for(case)
    result = linter.check(case.text)
    found = [v for v in result.violations if v.code == case.rule.code]
    got = [pinned(v, result.document.lines) for v in found]
    safe = linter.fix(case.text, unsafe=False)
    unsafe = linter.fix(case.text, unsafe=True)
    if UPDATE and (got, safe.text, unsafe.text) != (case.violations, case.fixed, case.fixed_unsafe):
        update_case_file(case, got, safe.text, unsafe.text)
    assert case.violations is not None, f"no `violations` pinned; {UPDATE_HINT}"
    assert got == case.violations, f"violations differ ({UPDATE_HINT}):\n{_diff(case.violations, got)}"
    assert safe.text == case.fixed, f"--fix gave {safe.text!r}, expected {case.fixed!r}"
    assert unsafe.text == case.fixed_unsafe, (
        f"--unsafe-fixes gave {unsafe.text!r}, expected {case.fixed_unsafe!r}"
    )
    # Fixing: convergence (a FixError would raise) and idempotence.
    for outcome, is_unsafe in ((safe, False), (unsafe, True)):
        again = linter.fix(outcome.text, unsafe=is_unsafe)
        assert again.text == outcome.text, "fixing is not idempotent"
        level = Applicability.UNSAFE if is_unsafe else Applicability.SAFE
        left = [v for v in again.remaining if v.fix and v.fix.applies(level)]
        assert not left, f"applicable fixes remain after fixing: {[v.message for v in left]}"
    # Quotations: no applicable fix of a word rule edits inside one, as the story reads or as it
    # is repaired (`quot;...quot;` is a quotation only in the repaired reading).
    if not case.rule.repairs_characters:
        reading, read_doc = result.reading, result.reading_document
        for v in found:
            if v.fix and v.fix.applicability > Applicability.DISPLAY_ONLY:
                touched = [
                    e
                    for e in v.fix.edits
                    if result.document.is_quoted(e.span)
                    or read_doc.is_quoted(reading.span_to_reading(e.span))
                ]
                assert not touched, f"fix {v.fix.title!r} edits inside a quotation"
    # Lines: no fix deletes the line break between two lines that both keep their text.
    for v in found:
        for edit in v.fix.edits if v.fix else ():
            assert not joins_lines(case.text, edit), f"fix {v.fix.title!r} joins two lines: {edit}"


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


def _diff(want: list[dict[str, Any]], got: list[dict[str, Any]]) -> str:
    lines = [f"  - {w}" for w in want if w not in got] + [f"  + {g}" for g in got if g not in want]
    return "\n".join(lines) or "  (same violations, in another order)"


# --- NEWSLINT_UPDATE_CASES=1: rewrite the pinned fields in place --------------------------------


def update_case_file(case: Case, violations: list[dict[str, Any]], fixed: str, fixed_unsafe: str) -> None:
    """Write what the rule now does into the case's table in its file, keeping the file's
    comments and layout (tomlkit), and into `case`. A key left out keeps its default meaning:
    `fixed` is written only when it differs from `text` or was written before, and `fixed-unsafe`
    likewise against `fixed`."""
    if os.environ.get("PYTEST_XDIST_WORKER"):
        raise RuntimeError("NEWSLINT_UPDATE_CASES rewrites files: run it without -n")
    import tomlkit  # only the update needs it

    path = CASES_DIR / case.source
    document = tomlkit.parse(path.read_text(encoding="utf-8"))
    (table,) = [t for t in document["case"] if t["name"] == case.name]
    if violations != case.violations:
        table["violations"] = _toml_item(_violations_toml(violations))
    if fixed != case.fixed and ("fixed" in table or fixed != case.text):
        table["fixed"] = _toml_item(_toml_string(fixed))
    if fixed_unsafe != case.fixed_unsafe and ("fixed-unsafe" in table or fixed_unsafe != fixed):
        table["fixed-unsafe"] = _toml_item(_toml_string(fixed_unsafe))
    path.write_text(tomlkit.dumps(document), encoding="utf-8")
    case.violations, case.fixed, case.fixed_unsafe = violations, fixed, fixed_unsafe


def _toml_item(source: str) -> Any:
    """A TOML value written as `source`: tomlkit keeps the text as given."""
    import tomlkit

    return tomlkit.parse(f"value = {source}\n")["value"]


def _violations_toml(violations: list[dict[str, Any]]) -> str:
    """One inline table per line, keys in PINNED_KEYS order, as the case files write them."""
    if not violations:
        return "[]"
    rows = []
    for v in violations:
        pairs = ", ".join(f"{k} = {_toml_scalar(v[k])}" for k in PINNED_KEYS if k in v)
        rows.append(f"  {{ {pairs} }},\n")
    return "[\n" + "".join(rows) + "]"


def _toml_scalar(value: Any) -> str:
    return str(value) if isinstance(value, int) else _toml_string(value)


def _toml_string(value: str) -> str:
    """A basic TOML string; characters that cannot be seen (no-break and zero-width spaces,
    controls) are written as escapes, as the case files write them by hand."""
    escapes = {'"': '\\"', "\\": "\\\\", "\n": "\\n", "\t": "\\t", "\r": "\\r"}
    out = []
    for ch in value:
        if ch in escapes:
            out.append(escapes[ch])
        elif not ch.isprintable():
            out.append(f"\\u{ord(ch):04x}" if ord(ch) <= 0xFFFF else f"\\U{ord(ch):08x}")
        else:
            out.append(ch)
    return '"' + "".join(out) + '"'
