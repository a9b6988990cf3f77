"""`benchmarks/instructions.py`'s reading of callgrind's totals and its cycle estimate (the
callgrind run itself needs valgrind and minutes: it is a benchmark, not a test)."""

from __future__ import annotations

import importlib.util
from pathlib import Path

from tests.conftest import ROOT


def _load():
    spec = importlib.util.spec_from_file_location("instructions", ROOT / "benchmarks" / "instructions.py")
    assert spec and spec.loader
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


INSTRUCTIONS = _load()
EVENTS = "Ir Dr Dw I1mr D1mr D1mw ILmr DLmr DLmw Bc Bcm Bi Bim"


def test_cycle_estimate_weighs_misses_and_mispredicts():
    totals = dict(zip(EVENTS.split(), [1000, 300, 100, 5, 7, 3, 1, 2, 1, 90, 4, 10, 2], strict=True))
    # Ir + 10 (I1mr + D1mr + D1mw + Bcm + Bim) + 100 (ILmr + DLmr + DLmw)
    assert INSTRUCTIONS.estimated_cycles(totals) == 1000 + 10 * (5 + 7 + 3 + 4 + 2) + 100 * (1 + 2 + 1)


def test_instructions_alone_estimate_themselves():
    assert INSTRUCTIONS.estimated_cycles({"Ir": 1234}) == 1234


def test_report_reads_the_totals_line(tmp_path: Path):
    out = tmp_path / "callgrind.out"
    out.write_text(f"version: 1\nevents: {EVENTS}\nsummary: 0\ntotals: 2000 1 1 10 0 0 1\n")
    totals = INSTRUCTIONS.read_totals(out)
    assert totals["Ir"] == 2000 and totals["I1mr"] == 10 and totals["ILmr"] == 1 and "Bim" not in totals
    lines = INSTRUCTIONS._report(totals, 2, tmp_path, 20)
    assert lines[0].endswith("2,000 instructions (0.000 G), 1,000 a story")
    assert lines[-1].startswith("estimated cycles: 2,200 ")
