"""The fix ledger (`tests/data/fix_ledger.tsv`, built and explained in `tests/fix_ledger.py`):
every safe word fix `newslint check --fix` makes over the three corpora was read in its sentence
and recorded right or wrong. Slow: the fixes are recomputed over ~14,500 stories. Skipped when
the corpora are not beside the checkout (`../shared`, or NEWSLINT_SHARED).

A fix the ledger does not hold (a new one, or one made a different number of times) fails until
someone reads it: `python -m tests.fix_ledger --write` adds it as `unread`, then a person gives
the verdict and the reason. A fix the ledger calls wrong fails outright: `--fix` must not make it.
"""

from __future__ import annotations

import pytest

from newslint.config import Settings
from newslint.lint import Linter
from tests.conftest import SHARED, built_once
from tests.fix_ledger import (
    LEDGER,
    Entry,
    Fixed,
    applied_fixes,
    compare,
    corpus_fixes,
    read_ledger,
    write_ledger,
)

HINT = "run `python -m tests.fix_ledger --write`, then read each new entry and give its verdict"


@pytest.fixture(scope="module")
def made(tmp_path_factory):
    if not (SHARED / "corpora" / "bbc.dev.jsonl").is_file():
        pytest.skip(f"the corpora are not at {SHARED / 'corpora'}")
    return built_once(tmp_path_factory, "safe-fixes", lambda: corpus_fixes(SHARED))


def _listed(fixes) -> str:
    return "\n".join(f"  {f.id} {f.code} {f.before!r} -> {f.after!r}" for f in fixes[:30])


@pytest.mark.slow
@pytest.mark.long
def test_every_safe_word_fix_is_in_the_ledger(made):
    unrecorded, stale, _ = compare(made, read_ledger())
    assert not unrecorded, (
        f"{len(unrecorded)} safe word fixes not in the ledger ({HINT}):\n{_listed(unrecorded)}"
    )
    assert not stale, f"{len(stale)} ledger entries no longer made ({HINT}):\n{_listed(stale)}"


@pytest.mark.slow
@pytest.mark.long
def test_no_safe_word_fix_is_wrong(made):
    _, _, wrong = compare(made, read_ledger())
    assert not wrong, f"{len(wrong)} safe word fixes the ledger calls wrong:\n{_listed(wrong)}"


def test_every_ledger_entry_has_a_verdict_and_a_reason():
    ledger = read_ledger()
    assert len(ledger) > 500
    unread = [f for f, e in ledger.items() if e.verdict not in ("right", "wrong") or not e.why.strip()]
    assert not unread, (
        f"{len(unread)} entries of {LEDGER.name} without a verdict or a reason:\n{_listed(unread)}"
    )


def test_the_ledger_holds_ids_and_words_only():
    """No corpus text: a before/after is a word or a few, never a sentence."""
    long = [f for f in read_ledger() if max(len(f.before.split()), len(f.after.split())) > 4]
    assert not long, _listed(long)


def test_a_safe_word_fix_is_recorded_as_fix_applies_it_and_character_repairs_are_not():
    linter = Linter(Settings(), "story.txt")
    text = "Regime\n\nThe regime held. The regime fell.  The reigme fell.\n"
    assert applied_fixes(linter, "s1", text) == [Fixed("s1", "NL101", "reigme", "regime")]
    assert applied_fixes(linter, "s1", text, unsafe=True) == []  # the double space is no word fix


def test_ledger_fields_survive_a_round_trip(tmp_path):
    entry = {Fixed("s1", "NL101", "a\tb\\c", "d\ne"): Entry(2, "right", "read")}
    path = tmp_path / "ledger.tsv"
    write_ledger(entry, path)
    assert read_ledger(path) == entry
