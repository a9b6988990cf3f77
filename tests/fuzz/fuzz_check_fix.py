"""Coverage-guided fuzzing of decoding, checking and fixing with atheris (libFuzzer).

    pip install atheris
    python tests/fuzz/fuzz_check_fix.py -max_total_time=60 [corpus-dir]

Not a pytest module (pytest collects test_*.py only); `.ci/run` runs it for a short while when
atheris installs. Each input is raw bytes, as a file would arrive. What must hold:
- decoding either gives text or raises SourceError (binary, undecodable): nothing else;
- every reported span lies inside the text;
- fixing (unsafe fixes included) either converges or stops with FixError, and its result is a
  fixpoint: fixing it again changes nothing;
- a one-pass fix changes nothing before its first edit or after its last, and never edits the
  words of a quotation (only rules that repair characters may touch quoted text).
A failing input is written by libFuzzer as crash-<hash>; replay it by passing the file instead
of a corpus directory.
"""

from __future__ import annotations

import sys

import atheris

with atheris.instrument_imports(include=["newslint"]):
    from newslint import sources
    from newslint.config import Settings
    from newslint.fix import FixError, apply_fixes
    from newslint.lint import Linter
    from newslint.violation import Applicability

LINTER = Linter(Settings())


def _check_applied(doc, text: str, fixed: str, applied: list) -> None:
    edits = sorted((e for v in applied for e in v.fix.edits), key=lambda e: e.span.start)
    if not edits:
        assert fixed == text, "text changed with no fix applied"
        return
    assert fixed.startswith(text[: edits[0].span.start]), "text before the first edit changed"
    assert fixed.endswith(text[edits[-1].span.end :]), "text after the last edit changed"
    for v in applied:
        rule = LINTER.by_code.get(v.code)
        if rule is not None and not rule.repairs_characters:
            for e in v.fix.edits:
                assert not doc.is_quoted(e.span), f"{v.code} edited words inside a quotation"


def one_input(data: bytes) -> None:
    try:
        source = sources.decode(data, "fuzz.txt")
    except sources.SourceError:
        return
    text = source.text
    result = LINTER.check(text)
    for v in result.violations:
        assert 0 <= v.span.start <= v.span.end <= len(text), f"{v.code} span outside the text"
    fixed, applied = apply_fixes(text, result.violations, Applicability.UNSAFE)
    _check_applied(result.document, text, fixed, applied)
    try:
        outcome = LINTER.fix(text, unsafe=True)
    except FixError:
        return  # a fix cycle, named and refused: the file is left alone
    assert LINTER.fix(outcome.text, unsafe=True).text == outcome.text, "fixing is not idempotent"


def main() -> None:
    atheris.Setup(sys.argv, one_input)
    atheris.Fuzz()


if __name__ == "__main__":
    main()
