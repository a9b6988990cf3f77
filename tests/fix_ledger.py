"""The fix ledger: every safe word fix `newslint check --fix` makes over the three corpora of
`../shared/corpora` (BBC, Reuters, AG News), each read in its sentence and recorded with a
verdict in `tests/data/fix_ledger.tsv`: file id, rule, the words before and after, how many
times in that file, right or wrong, and why. Ids and words only: no corpus text.

How the verdicts were read (2026-12-02): every NL1 report over the three corpora was read in its
sentence into an answer key (the word meant, or that the word was right as written); a fix is
right when it writes the word meant. Fixes the key did not hold were read one by one (their
reason says what was read).

A word fix is a fix of a rule that edits words (typos, naming, numbers), as the engine counts
them: a rule that repairs characters (whitespace, encoding, quotes) or structure (a headline
pasted twice) is not one. `tests/test_fix_ledger.py` (slow) recomputes the fixes and holds the
ledger to them; `python -m tests.fix_ledger` lists what changed, and with `--write` rewrites the
ledger keeping every verdict already given (new fixes come in as `unread`, for a person to read).

    python -m tests.fix_ledger                  # fixes not in the ledger, and entries no longer made
    python -m tests.fix_ledger --write          # the same, written into the ledger
    python -m tests.fix_ledger --unsafe 200     # a random sample of the fixes only --unsafe-fixes makes
"""

from __future__ import annotations

import argparse
import json
import os
import random
import sys
from collections import Counter
from collections.abc import Iterator
from concurrent.futures import ProcessPoolExecutor
from dataclasses import dataclass
from functools import partial
from pathlib import Path

from newslint.config import Settings
from newslint.fix import MAX_PASSES, apply_fixes
from newslint.lint import Linter
from newslint.violation import Applicability, Fix

LEDGER = Path(__file__).parent / "data" / "fix_ledger.tsv"
CORPORA = ("bbc", "reuters", "ag_news")
WORD_FAMILIES = ("NL1", "NL2", "NL4")  # typos, naming, numbers: the rules that edit words
HEADER = "# id\tcode\tbefore\tafter\tn\tverdict\twhy"


@dataclass(frozen=True)
class Fixed:
    """One word fix as it was applied: in which file, by which rule, the text it replaced and
    what it wrote."""

    id: str
    code: str
    before: str
    after: str


def stories(shared: Path) -> Iterator[tuple[str, str]]:
    """(id, text) of every corpus story, as `materialize.py` writes them: headline, blank line,
    body."""
    for name in CORPORA:
        with (shared / "corpora" / f"{name}.dev.jsonl").open(encoding="utf-8") as fh:
            for line in fh:
                record = json.loads(line)
                yield record["id"], record["headline"] + "\n\n" + record["body"]


def applied_fixes(linter: Linter, story_id: str, text: str, unsafe: bool = False) -> list[Fixed]:
    """The word fixes `--fix` (or `--fix --unsafe-fixes`) applies to `text`, pass by pass, as
    `fix_until_stable` applies them. With `unsafe`, only those that need --unsafe-fixes."""
    required = Applicability.UNSAFE if unsafe else Applicability.SAFE
    found: list[Fixed] = []
    for _ in range(MAX_PASSES):
        violations = linter.violations(text)
        new_text, applied = apply_fixes(text, violations, required, linter.fix_rank)
        if not applied or new_text == text:
            break
        for v in applied:
            if v.fix is None or not v.code.startswith(WORD_FAMILIES):
                continue
            if unsafe and v.fix.applicability is not Applicability.UNSAFE:
                continue
            before = text[v.fix.span.start : v.fix.span.end]
            after = _after(text, v.fix)
            found.append(Fixed(story_id, v.code, before, after))
        text = new_text
    return found


def _after(text: str, fix: Fix) -> str:
    """The text the fix's span holds once its edits are made."""
    span = fix.span
    out, cursor = [], span.start
    for edit in fix.edits:
        out.append(text[cursor : edit.span.start])
        out.append(edit.content)
        cursor = edit.span.end
    out.append(text[cursor : span.end])
    return "".join(out)


def corpus_fixes(shared: Path, unsafe: bool = False) -> Counter[Fixed]:
    """Every word fix over the three corpora, with how often each is made in its file. The
    stories are checked in worker processes, one per core: ~14,500 stories, each fixed to a
    fixpoint."""
    made: Counter[Fixed] = Counter()
    batches = _batches(stories(shared), BATCH)
    with ProcessPoolExecutor(max_workers=os.cpu_count() or 1) as pool:
        for found in pool.map(partial(_batch_fixes, unsafe=unsafe), batches):
            made.update(found)
    return made


BATCH = 200  # stories a worker checks at a time


def _batches(items: Iterator[tuple[str, str]], size: int) -> Iterator[list[tuple[str, str]]]:
    batch: list[tuple[str, str]] = []
    for item in items:
        batch.append(item)
        if len(batch) == size:
            yield batch
            batch = []
    if batch:
        yield batch


def _batch_fixes(batch: list[tuple[str, str]], unsafe: bool) -> list[Fixed]:
    linter = Linter(Settings(), "story.txt")
    return [f for story_id, text in batch for f in applied_fixes(linter, story_id, text, unsafe)]


@dataclass(frozen=True)
class Entry:
    n: int
    verdict: str  # right, wrong or unread
    why: str


def read_ledger(path: Path = LEDGER) -> dict[Fixed, Entry]:
    ledger: dict[Fixed, Entry] = {}
    for line in path.read_text(encoding="utf-8").splitlines():
        if not line or line.startswith("#"):
            continue
        story_id, code, before, after, n, verdict, why = line.split("\t")
        ledger[Fixed(story_id, code, _unescape(before), _unescape(after))] = Entry(int(n), verdict, why)
    return ledger


def write_ledger(ledger: dict[Fixed, Entry], path: Path = LEDGER) -> None:
    rows = sorted(ledger.items(), key=lambda kv: (kv[0].id, kv[0].code, kv[0].before, kv[0].after))
    lines = [HEADER]
    for f, e in rows:
        lines.append(
            "\t".join((f.id, f.code, _escape(f.before), _escape(f.after), str(e.n), e.verdict, e.why))
        )
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")


def _escape(s: str) -> str:
    return s.replace("\\", "\\\\").replace("\n", "\\n").replace("\t", "\\t")


def _unescape(s: str) -> str:
    out, i = [], 0
    while i < len(s):
        if s[i] == "\\" and i + 1 < len(s):
            out.append({"n": "\n", "t": "\t", "\\": "\\"}.get(s[i + 1], s[i + 1]))
            i += 2
        else:
            out.append(s[i])
            i += 1
    return "".join(out)


def compare(made: Counter[Fixed], ledger: dict[Fixed, Entry]) -> tuple[list[Fixed], list[Fixed], list[Fixed]]:
    """(fixes made but not in the ledger or made a different number of times, ledger entries no
    longer made, fixes made that the ledger calls wrong)."""
    unrecorded = [f for f, n in made.items() if f not in ledger or ledger[f].n != n]
    stale = [f for f in ledger if f not in made]
    wrong = [f for f in made if f in ledger and ledger[f].verdict == "wrong"]
    return sorted(unrecorded, key=str), sorted(stale, key=str), sorted(wrong, key=str)


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--shared", type=Path, default=Path(__file__).resolve().parents[1].parent / "shared")
    ap.add_argument("--write", action="store_true", help="rewrite the ledger (new fixes as unread)")
    ap.add_argument("--unsafe", type=int, metavar="N", help="print a sample of N unsafe word fixes")
    ap.add_argument("--seed", type=int, default=14)
    args = ap.parse_args()
    if args.unsafe:
        made = corpus_fixes(args.shared, unsafe=True)
        sample = sorted(
            random.Random(args.seed).sample(sorted(made, key=str), min(args.unsafe, len(made))), key=str
        )
        print(f"{sum(made.values())} unsafe word fixes ({len(made)} distinct); a sample of {len(sample)}:")
        for f in sample:
            print("\t".join((f.id, f.code, _escape(f.before), _escape(f.after))))
        return
    made = corpus_fixes(args.shared)
    ledger = read_ledger() if LEDGER.exists() else {}
    unrecorded, stale, wrong = compare(made, ledger)
    print(f"{sum(made.values())} safe word fixes ({len(made)} distinct) over {', '.join(CORPORA)}")
    for label, items in (("not in the ledger", unrecorded), ("no longer made", stale), ("wrong", wrong)):
        print(f"{label}: {len(items)}")
        for f in items:
            print("\t".join((f.id, f.code, _escape(f.before), _escape(f.after), str(made.get(f, 0)))))
    if args.write:
        kept = {
            f: Entry(n, ledger[f].verdict if f in ledger else "unread", ledger[f].why if f in ledger else "")
            for f, n in made.items()
        }
        write_ledger(kept)
        print(f"wrote {LEDGER}")


if __name__ == "__main__":
    sys.exit(main())
