"""The unsafe-fix ledger (`tests/data/unsafe_fix_ledger.tsv`, built and explained in
`tests/fix_ledger.py`): every fix of the typo rules (NL1) that only `--unsafe-fixes` makes over the
three corpora was read in its sentence and recorded right or wrong. An unsafe fix is a likely
guess: the slow tests hold how often the guesses are right on the scraped copy (AG News) and on
each half of the clean copy (BBC and Reuters, even and odd story ids). Slow: the fixes are
recomputed over ~14,500 stories. Skipped when the corpora are not beside the checkout.

A fix the ledger does not hold fails until someone reads it: `python -m tests.fix_ledger --unsafe
--write` adds it as `unread`, then a person gives the verdict and the reason.

The naming and number rules' unsafe fixes (NL2, NL4) have their own ledger
(`tests/data/unsafe_name_number_ledger.tsv`, `--unsafe --names-numbers`), held the same way.
"""

from __future__ import annotations

from collections import Counter

import pytest

from newslint.config import Settings
from newslint.lint import Linter
from tests.conftest import SHARED, built_once
from tests.fix_ledger import (
    NAME_NUMBER_FAMILIES,
    NAME_NUMBER_LEDGER,
    UNSAFE_FAMILIES,
    UNSAFE_LEDGER,
    Entry,
    Fixed,
    applied_fixes,
    compare,
    corpus_fixes,
    part,
    read_ledger,
    right_rates,
)

HINT = "run `python -m tests.fix_ledger --unsafe --write`, then read each new entry and give its verdict"

# The share of unsafe NL1 fixes that must be right: issue 13's target, 80% on both kinds of copy.
# Measured when it was set (python -m tests.fix_ledger --unsafe): AG News 25/30 (83%), BBC+Reuters
# even ids 90/103 (87%), odd ids 117/133 (88%).
FLOORS = {"ag": 0.80, "even": 0.80, "odd": 0.80}


# The naming and number rules' unsafe fixes: issue 13's 80% on all of them and on each part of the
# corpora. Measured when it was set (python -m tests.fix_ledger --unsafe --names-numbers): all
# 311/352 (88%) when first read; 310/338 (92%) once NL202 weighed a spacing on the body and NL203
# left phrases alone: BBC+Reuters even ids 143/158 (91%), odd ids 158/171 (92%), AG News 9/9.
NAME_NUMBER_FLOORS = {"all": 0.80, "ag": 0.80, "even": 0.80, "odd": 0.80}


@pytest.fixture(scope="module")
def made_all(tmp_path_factory):
    """One unsafe fixing run over the corpora for both ledgers: the families only choose which
    applied fixes are recorded, never which are made."""
    if not (SHARED / "corpora" / "bbc.dev.jsonl").is_file():
        pytest.skip(f"the corpora are not at {SHARED / 'corpora'}")
    families = UNSAFE_FAMILIES + NAME_NUMBER_FAMILIES
    return built_once(
        tmp_path_factory, "unsafe-fixes", lambda: corpus_fixes(SHARED, unsafe=True, families=families)
    )


def _of(made_all, families: tuple[str, ...]):
    return Counter({f: n for f, n in made_all.items() if f.code.startswith(families)})


@pytest.fixture(scope="module")
def made(made_all):
    return _of(made_all, UNSAFE_FAMILIES)


@pytest.fixture(scope="module")
def made_names(made_all):
    return _of(made_all, NAME_NUMBER_FAMILIES)


def _listed(fixes) -> str:
    return "\n".join(f"  {f.id} {f.code} {f.before!r} -> {f.after!r}" for f in fixes[:30])


def _held(made, ledger, what: str, hint: str) -> None:
    """Every fix made is in the ledger, and every entry is still made."""
    unrecorded, stale, _ = compare(made, read_ledger(ledger))
    missing = _listed(unrecorded)
    assert not unrecorded, f"{len(unrecorded)} {what} fixes not in the ledger ({hint}):\n{missing}"
    assert not stale, f"{len(stale)} ledger entries no longer made ({hint}):\n{_listed(stale)}"


@pytest.mark.slow
@pytest.mark.long
def test_every_unsafe_typo_fix_is_in_the_ledger(made):
    _held(made, UNSAFE_LEDGER, "unsafe NL1", HINT)


@pytest.mark.slow
@pytest.mark.long
@pytest.mark.parametrize("where", sorted(FLOORS))
def test_unsafe_typo_fixes_are_right_often_enough(made, where):
    right, read = right_rates(made, read_ledger(UNSAFE_LEDGER))[where]
    assert read > 0
    assert right / read >= FLOORS[where], f"{where}: {right}/{read} unsafe NL1 fixes right"


@pytest.mark.slow
@pytest.mark.long
def test_every_unsafe_name_and_number_fix_is_in_its_ledger(made_names):
    hint = HINT.replace("--unsafe", "--unsafe --names-numbers")
    _held(made_names, NAME_NUMBER_LEDGER, "unsafe NL2/NL4", hint)


@pytest.mark.slow
@pytest.mark.long
@pytest.mark.parametrize("where", sorted(NAME_NUMBER_FLOORS))
def test_unsafe_name_and_number_fixes_are_right_often_enough(made_names, where):
    rates = right_rates(made_names, read_ledger(NAME_NUMBER_LEDGER))
    rates["all"] = (sum(r for r, _ in rates.values()), sum(n for _, n in rates.values()))
    right, read = rates[where]
    assert read > 0
    assert right / read >= NAME_NUMBER_FLOORS[where], f"{where}: {right}/{read} unsafe NL2/NL4 fixes right"


def test_every_name_and_number_ledger_entry_has_a_verdict_and_a_reason():
    ledger = read_ledger(NAME_NUMBER_LEDGER)
    assert len(ledger) > 300
    assert {f.code[:3] for f in ledger} == {"NL2", "NL4"}
    unread = [f for f, e in ledger.items() if e.verdict not in ("right", "wrong") or not e.why.strip()]
    assert not unread, f"{len(unread)} entries without a verdict or a reason:\n{_listed(unread)}"


def test_an_unsafe_name_fix_is_recorded_in_the_name_and_number_ledger():
    linter = Linter(Settings(), "story.txt")
    text = "Gencorp\n\nGenCorp said so. Gencorp rose. Gencorp fell.\n"
    found = applied_fixes(linter, "s1", text, unsafe=True, families=NAME_NUMBER_FAMILIES)
    assert found == [Fixed("s1", "NL202", "GenCorp", "Gencorp")]
    assert applied_fixes(linter, "s1", text, unsafe=True, families=UNSAFE_FAMILIES) == []


def test_every_unsafe_ledger_entry_has_a_verdict_and_a_reason():
    ledger = read_ledger(UNSAFE_LEDGER)
    assert len(ledger) > 200
    unread = [f for f, e in ledger.items() if e.verdict not in ("right", "wrong") or not e.why.strip()]
    assert not unread, f"{len(unread)} entries without a verdict or a reason:\n{_listed(unread)}"


def test_the_unsafe_ledger_holds_ids_and_words_only():
    long = [f for f in read_ledger(UNSAFE_LEDGER) if max(len(f.before.split()), len(f.after.split())) > 4]
    assert not long, _listed(long)


def test_an_unsafe_typo_fix_is_recorded_and_a_safe_one_is_not():
    linter = Linter(Settings(), "story.txt")
    text = "Regime\n\nThe regime held. The reigme fell. Stocks wil rise.\n"
    assert applied_fixes(linter, "s1", text, unsafe=True, families=UNSAFE_FAMILIES) == [
        Fixed("s1", "NL106", "wil", "will")
    ]


def test_the_parts_of_the_corpora():
    assert [part(i) for i in ("ag-0952", "bbc-business-027", "reuters-10582")] == ["ag", "odd", "even"]


def test_right_rates_count_each_part_and_skip_the_unread():
    ledger = {
        Fixed("ag-1", "NL101", "a", "b"): Entry(1, "right", "read"),
        Fixed("ag-2", "NL101", "a", "b"): Entry(1, "wrong", "read"),
        Fixed("reuters-3", "NL101", "a", "b"): Entry(1, "right", "read"),
        Fixed("reuters-4", "NL101", "a", "b"): Entry(1, "unread", ""),
    }
    assert right_rates(ledger, ledger) == {"ag": (1, 2), "even": (0, 0), "odd": (1, 1)}
