#!/usr/bin/env python3
"""Issue 13's targets in one table: what `--fix` and `--unsafe-fixes` do to real copy nobody tuned
newslint to, measured on the three corpora of `../shared/corpora`.

    python benchmarks/issue13_targets.py                 # every target, met or not
    python benchmarks/issue13_targets.py --no-fixing     # NL1 precision only (seconds, not minutes)

The targets (issue 13):
- safe word fixes right: >= 99.5% on clean wire copy (BBC + Reuters), >= 99% on scraped copy
  (AG News): the fixes `--fix` makes, each judged in the fix ledger (`tests/data/fix_ledger.tsv`);
- unsafe word fixes right: >= 80%: the fixes only `--unsafe-fixes` makes, judged in the unsafe
  ledgers (`tests/data/unsafe_fix_ledger.tsv` for the typo rules, NL1;
  `tests/data/unsafe_name_number_ledger.tsv` for the naming and number rules, NL2 and NL4);
- NL1 precision: >= 90% on scraped copy, >= 95% on clean copy, against the real-error gold set
  (`tests/data/real_errors.tsv`; BBC and AG News whole, a seeded sample of Reuters, as
  `benchmarks/real_errors.py` measures it);
- zero control characters and zero split contractions (`Iraq 's`, `did 't`) introduced by any fix,
  safe or unsafe: each story's fixed text against its original.

The fixes are recomputed (every story fixed to a fixpoint, once with `--fix` and once with
`--unsafe-fixes`; a few minutes on two cores) and each distinct fix counted once, as the ledgers
count them; a fix the ledger has not read is said, and left out of the rate. A target is printed
`met` or `NOT MET`, with the figures behind it.
"""

from __future__ import annotations

import argparse
import json
import os
import re
import sys
import unicodedata
from collections import Counter
from collections.abc import Iterator
from concurrent.futures import ProcessPoolExecutor
from dataclasses import dataclass, field
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))  # tests.fix_ledger: the ledgers and how fixes are collected
sys.path.insert(0, str(ROOT / "benchmarks"))

import real_errors  # noqa: E402

from tests.fix_ledger import (  # noqa: E402
    LEDGER,
    NAME_NUMBER_LEDGER,
    UNSAFE_LEDGER,
    WORD_FAMILIES,
    Fixed,
    fixed_text,
    read_ledger,
)

SHARED = Path(os.environ.get("NEWSLINT_SHARED", ROOT.parent / "shared"))
CLEAN, SCRAPED = ("bbc", "reuters"), ("ag_news",)
# A contraction's or possessive's ending cut from its word by a space: "Iraq 's", "did 't".
_SPLIT_CONTRACTION = re.compile(r"[A-Za-z] ['’](?:s|t|re|ve|ll|d|m)\b")
BATCH = 200


def control_characters(text: str) -> int:
    """Control characters other than the line and tab ones (C0 and C1: U+0097 is one)."""
    return sum(1 for c in text if unicodedata.category(c) == "Cc" and c not in "\n\r\t")


def split_contractions(text: str) -> int:
    return len(_SPLIT_CONTRACTION.findall(text))


DAMAGE = (("control character", control_characters), ("split contraction", split_contractions))


@dataclass
class Fixing:
    """What fixing the corpora did: the word fixes made, and the damage introduced."""

    safe: Counter[Fixed] = field(default_factory=Counter)
    unsafe: Counter[Fixed] = field(default_factory=Counter)
    damaged: list[str] = field(default_factory=list)  # "id: what", for each story a fix damaged


def _stories(shared: Path) -> Iterator[tuple[str, str]]:
    for corpus in real_errors.CORPORA:
        with real_errors.corpus_path(shared, corpus).open(encoding="utf-8") as fh:
            for line in fh:
                if line.strip():
                    record = json.loads(line)
                    yield record["id"], real_errors.story_text(record)


def _fix_batch(batch: list[tuple[str, str]]) -> Fixing:
    from newslint.config import Settings
    from newslint.lint import Linter

    linter = Linter(Settings(), "story.txt")
    out = Fixing()
    for story_id, text in batch:
        for unsafe, made in ((False, out.safe), (True, out.unsafe)):
            fixed, found = fixed_text(linter, story_id, text, unsafe, WORD_FAMILIES)
            made.update(found)
            for what, count in (
                ("control character", control_characters),
                ("split contraction", split_contractions),
            ):
                added = count(fixed) - count(text)
                if added > 0:
                    out.damaged.append(
                        f"{story_id}: {added} {what}(s) added by {'--unsafe-fixes' if unsafe else '--fix'}"
                    )
    return out


def fix_corpora(shared: Path) -> Fixing:
    stories = list(_stories(shared))
    batches = [stories[i : i + BATCH] for i in range(0, len(stories), BATCH)]
    total = Fixing()
    with ProcessPoolExecutor(max_workers=os.cpu_count() or 1) as pool:
        for part in pool.map(_fix_batch, batches):
            total.safe.update(part.safe)
            total.unsafe.update(part.unsafe)
            total.damaged.extend(part.damaged)
    return total


def _copy(story_id: str) -> str:
    return "scraped" if story_id.startswith("ag-") else "clean"


def rate(
    made: Counter[Fixed], ledger_path: Path, copy: str, families: tuple[str, ...]
) -> tuple[int, int, int]:
    """(right, read, unread) of the distinct fixes made on one kind of copy, of the families given."""
    ledger = read_ledger(ledger_path)
    right = read = unread = 0
    for f in made:
        if _copy(f.id) != copy or not f.code.startswith(families):
            continue
        entry = ledger.get(f)
        if entry is None or entry.verdict not in ("right", "wrong"):
            unread += 1
            continue
        read += 1
        right += entry.verdict == "right"
    return right, read, unread


def precision(shared: Path) -> dict[str, tuple[int, int, int]]:
    """(right, reports, unjudged) of newslint's NL1 reports against the gold set, clean and scraped."""
    rows = real_errors.read_gold()
    found = {}
    for copy, corpora in (("clean", CLEAN), ("scraped", SCRAPED)):
        right = wrong = unjudged = 0
        for corpus in corpora:
            p = real_errors.pool(shared, corpus, tools=("newslint",))
            s = real_errors.scores(p, rows)["newslint"]
            assert s is not None
            right, wrong, unjudged = right + s.right, wrong + s.wrong, unjudged + len(s.unjudged)
        found[copy] = (right, right + wrong, unjudged)
    return found


def _line(target: str, goal: float, right: int, n: int, note: str = "") -> str:
    share = right / n if n else 0.0
    verdict = "met" if n and share >= goal else "NOT MET"
    return f"| {target} | >= {goal:.1%} | {share:.1%} ({right}/{n}){note} | {verdict} |"


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--shared", type=Path, default=SHARED, help="the folder holding corpora/")
    ap.add_argument("--no-fixing", action="store_true", help="NL1 precision only: fix nothing")
    args = ap.parse_args(argv)
    if not real_errors.corpora_present(args.shared):
        print(f"the corpora are not at {args.shared / 'corpora'}: nothing to measure (--shared DIR)")
        return 0
    lines = ["| target | goal | measured | |", "|---|---|---|---|"]
    measured = precision(args.shared)
    for copy, goal in (("scraped", 0.90), ("clean", 0.95)):
        right, n, unjudged = measured[copy]
        note = f", {unjudged} unjudged" if unjudged else ""
        lines.append(_line(f"NL1 precision, {copy} copy", goal, right, n, note))
    fixing = None if args.no_fixing else fix_corpora(args.shared)
    if fixing is not None:
        for copy, goal in (("clean", 0.995), ("scraped", 0.99)):
            right, n, unread = rate(fixing.safe, LEDGER, copy, WORD_FAMILIES)
            lines.append(_line(f"safe word fixes right, {copy} copy", goal, right, n, _unread(unread)))
        for name, path, families in (
            ("unsafe word fixes right (NL1)", UNSAFE_LEDGER, ("NL1",)),
            ("unsafe name/number fixes right (NL2, NL4)", NAME_NUMBER_LEDGER, ("NL2", "NL4")),
        ):
            per = [rate(fixing.unsafe, path, copy, families) for copy in ("clean", "scraped")]
            for copy, (right, n, unread) in zip(("clean", "scraped"), per, strict=True):
                lines.append(_line(f"{name}, {copy} copy", 0.80, right, n, _unread(unread)))
        damaged = len(fixing.damaged)
        verdict = "met" if not damaged else "NOT MET"
        lines.append(
            f"| control characters or split contractions a fix adds | 0 stories | {damaged} | {verdict} |"
        )
    print("Issue 13's targets on ../shared/corpora (BBC, Reuters: clean wire copy; AG News: scraped copy):")
    print("\n".join(lines))
    for d in fixing.damaged if fixing is not None else []:
        print(f"  damaged: {d}")
    return 0


def _unread(n: int) -> str:
    return f", {n} not read" if n else ""


if __name__ == "__main__":
    sys.exit(main())
