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
    python -m tests.fix_ledger --sample 200     # a random sample of the fixes only --unsafe-fixes makes

The unsafe ledger (`tests/data/unsafe_fix_ledger.tsv`) holds, the same way, every word fix of the
typo rules (NL1) that only `--unsafe-fixes` makes: a likely guess, which should be right four times
in five. `--unsafe` reads and writes it instead, and prints how many of its fixes are right on
each part of the corpora: the scraped copy (AG News) and the clean copy's even and odd story ids
(tune on one half, confirm on the other).

    python -m tests.fix_ledger --unsafe         # unsafe fixes not in its ledger, and the right-rates
    python -m tests.fix_ledger --unsafe --write

A third ledger (`tests/data/unsafe_name_number_ledger.tsv`) holds, the same way, every fix of the
naming (NL2) and number (NL4) rules that only `--unsafe-fixes` makes: a name spelled two ways
(NL202), a compound written two ways (NL203), an abbreviation's style (NL204), a British or
American spelling against the story's (NL201), a figure's format against the story's (NL401,
NL402, NL404). They were read whole (379 fixes, 352 distinct, 2026-12-03; 338 since), each in its sentence
and against the story's other forms; a consistency fix is right when the form it writes is the
one the story should use throughout (a real name's own spelling, the desk's style), wrong when
it writes a misspelling, another name or word, or rewrites a name's own form.

    python -m tests.fix_ledger --unsafe --names-numbers [--write]
"""

from __future__ import annotations

import argparse
import json
import os
import random
import sys
from collections import Counter
from collections.abc import Iterable, Iterator
from concurrent.futures import ProcessPoolExecutor
from dataclasses import dataclass
from functools import partial
from pathlib import Path

from newslint.config import Settings
from newslint.fix import MAX_PASSES, apply_fixes
from newslint.lint import Linter
from newslint.violation import Applicability, Fix

LEDGER = Path(__file__).parent / "data" / "fix_ledger.tsv"
UNSAFE_LEDGER = Path(__file__).parent / "data" / "unsafe_fix_ledger.tsv"
CORPORA = ("bbc", "reuters", "ag_news")
WORD_FAMILIES = ("NL1", "NL2", "NL4")  # typos, naming, numbers: the rules that edit words
UNSAFE_FAMILIES = ("NL1",)  # the unsafe ledger reads the typo rules' guesses
NAME_NUMBER_LEDGER = Path(__file__).parent / "data" / "unsafe_name_number_ledger.tsv"
NAME_NUMBER_FAMILIES = ("NL2", "NL4")  # ... and this one the naming and number rules' guesses
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


def applied_fixes(
    linter: Linter,
    story_id: str,
    text: str,
    unsafe: bool = False,
    families: tuple[str, ...] = WORD_FAMILIES,
) -> list[Fixed]:
    """The word fixes `--fix` (or `--fix --unsafe-fixes`) applies to `text`, pass by pass, as
    `fix_until_stable` applies them, of the rule families given. With `unsafe`, only those that
    need --unsafe-fixes."""
    return fixed_text(linter, story_id, text, unsafe, families)[1]


def fixed_text(
    linter: Linter,
    story_id: str,
    text: str,
    unsafe: bool = False,
    families: tuple[str, ...] = WORD_FAMILIES,
) -> tuple[str, list[Fixed]]:
    """The text `--fix` (or `--fix --unsafe-fixes`) writes, and the word fixes of `applied_fixes`."""
    required = Applicability.UNSAFE if unsafe else Applicability.SAFE
    found: list[Fixed] = []
    for _ in range(MAX_PASSES):
        violations = linter.violations(text)
        new_text, applied = apply_fixes(text, violations, required, linter.fix_rank)
        if not applied or new_text == text:
            break
        for v in applied:
            if v.fix is None or not v.code.startswith(families):
                continue
            if unsafe and v.fix.applicability is not Applicability.UNSAFE:
                continue
            before = text[v.fix.span.start : v.fix.span.end]
            after = _after(text, v.fix)
            found.append(Fixed(story_id, v.code, before, after))
        text = new_text
    return text, found


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


def corpus_fixes(
    shared: Path, unsafe: bool = False, families: tuple[str, ...] = WORD_FAMILIES
) -> Counter[Fixed]:
    """Every word fix over the three corpora, with how often each is made in its file. The
    stories are checked in worker processes, one per core: ~14,500 stories, each fixed to a
    fixpoint."""
    made: Counter[Fixed] = Counter()
    batches = _batches(stories(shared), BATCH)
    with ProcessPoolExecutor(max_workers=os.cpu_count() or 1) as pool:
        for found in pool.map(partial(_batch_fixes, unsafe=unsafe, families=families), batches):
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


def _batch_fixes(batch: list[tuple[str, str]], unsafe: bool, families: tuple[str, ...]) -> list[Fixed]:
    linter = Linter(Settings(), "story.txt")
    return [f for story_id, text in batch for f in applied_fixes(linter, story_id, text, unsafe, families)]


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


PARTS = ("ag", "even", "odd")  # scraped copy; the clean copy's even and odd story ids


def part(story_id: str) -> str:
    """Which part of the corpora a story is in: "ag" (AG News, scraped copy), else "even" or
    "odd" by the last number of its id (bbc-business-027 is odd, reuters-10582 even)."""
    if story_id.startswith("ag-"):
        return "ag"
    digits = story_id.rsplit("-", 1)[-1]
    return "odd" if int(digits) % 2 else "even"


def right_rates(made: Iterable[Fixed], ledger: dict[Fixed, Entry]) -> dict[str, tuple[int, int]]:
    """(right, read) of the fixes made, by part of the corpora: each distinct fix once, and only
    those the ledger gives a verdict."""
    tally = {p: [0, 0] for p in PARTS}
    for f in made:
        entry = ledger.get(f)
        if entry is None or entry.verdict not in ("right", "wrong"):
            continue
        counts = tally[part(f.id)]
        counts[0] += entry.verdict == "right"
        counts[1] += 1
    return {p: (r, n) for p, (r, n) in tally.items()}


def _print_rates(rates: dict[str, tuple[int, int]]) -> None:
    names = {"ag": "AG News (scraped)", "even": "BBC+Reuters even ids", "odd": "BBC+Reuters odd ids"}
    for p, (r, n) in rates.items():
        print(f"  {names[p]}: {r}/{n} right ({r / n:.1%})" if n else f"  {names[p]}: none")


def _sample(made: Counter[Fixed], size: int, seed: int) -> None:
    sample = sorted(random.Random(seed).sample(sorted(made, key=str), min(size, len(made))), key=str)
    print(f"{sum(made.values())} unsafe word fixes ({len(made)} distinct); a sample of {len(sample)}:")
    for f in sample:
        print("\t".join((f.id, f.code, _escape(f.before), _escape(f.after))))


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--shared", type=Path, default=Path(__file__).resolve().parents[1].parent / "shared")
    ap.add_argument("--write", action="store_true", help="rewrite the ledger (new fixes as unread)")
    ap.add_argument("--unsafe", action="store_true", help="the NL1 fixes only --unsafe-fixes makes")
    ap.add_argument(
        "--names-numbers",
        action="store_true",
        help="with --unsafe: the NL2/NL4 fixes only --unsafe-fixes makes (their own ledger)",
    )
    ap.add_argument("--sample", type=int, metavar="N", help="print a sample of N unsafe word fixes")
    ap.add_argument("--seed", type=int, default=14)
    args = ap.parse_args()
    if args.sample:
        _sample(corpus_fixes(args.shared, unsafe=True), args.sample, args.seed)
        return
    if args.names_numbers and not args.unsafe:
        ap.error("--names-numbers reads the unsafe fixes: give --unsafe too")
    families = NAME_NUMBER_FAMILIES if args.names_numbers else UNSAFE_FAMILIES
    path = (NAME_NUMBER_LEDGER if args.names_numbers else UNSAFE_LEDGER) if args.unsafe else LEDGER
    made = (
        corpus_fixes(args.shared, unsafe=True, families=families)
        if args.unsafe
        else corpus_fixes(args.shared)
    )
    ledger = read_ledger(path) if path.exists() else {}
    unrecorded, stale, wrong = compare(made, ledger)
    kind = f"unsafe {'/'.join(families)}" if args.unsafe else "safe word"
    print(f"{sum(made.values())} {kind} fixes ({len(made)} distinct) over {', '.join(CORPORA)}")
    for label, items in (("not in the ledger", unrecorded), ("no longer made", stale), ("wrong", wrong)):
        print(f"{label}: {len(items)}")
        for f in items:
            verdict = ledger[f].verdict if f in ledger else "new"
            print(
                "\t".join((f.id, f.code, _escape(f.before), _escape(f.after), str(made.get(f, 0)), verdict))
            )
    if args.unsafe:
        print("right, of the fixes made that the ledger has read:")
        _print_rates(right_rates(made, ledger))
    if args.write:
        kept = {
            f: Entry(n, ledger[f].verdict if f in ledger else "unread", ledger[f].why if f in ledger else "")
            for f, n in made.items()
        }
        write_ledger(kept, path)
        print(f"wrote {path}")


if __name__ == "__main__":
    sys.exit(main())
