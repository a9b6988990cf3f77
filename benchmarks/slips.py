#!/usr/bin/env python3
"""Reports and recall of the slip rules (NL104-NL107) on the corpora, split by story id.

    python benchmarks/slips.py reports --rules NL104 [--half tune|eval|all] [--corpus bbc,reuters,ag_news]
        [--show N] [--corpora DIR]
    python benchmarks/slips.py inject --kind run-together|split|short|real-word [--half eval]
        [--rules NL104,NL105,NL106,NL107] [--show N]

Stories with an even number in their id are the **tune** half, those with an odd number the
**eval** half: look at reports and misses on the tune half; quote the eval half.

`reports` runs the rules over each story (headline, blank line, body: as materialize.py writes
it) and prints every report with its context, then the count per corpus and per 1,000 words:
read them to judge precision (a report on correct copy is a false alarm).

`inject` writes one error of a kind into each story that has a place for it (the place chosen by
a generator seeded with the story id; only lowercase words of the body, outside quotation
marks) and counts it found (a report of the rules overlaps it), fixed with `--fix` and fixed
with `--unsafe-fixes` too (the story back as it was). Kinds:

- `run-together`: the space between a word and a neighbour among the 100 commonest is lost
  ("in the" -> "inthe", "said the" -> "saidthe");
- `split`: a space falls inside a common word of seven letters or more ("govern ment");
- `short`: a slip in a short function word (the, and, to, from, of, ...): two letters swapped,
  one left out, or a neighbouring key ("hte", "nad", "ot", "frm");
- `real-word`: a word written as a commonly confused real word (from -> form, not -> now,
  lose -> loose, their -> there, ...).

Nothing of the corpora is written anywhere; they are read from `../shared/corpora`.
"""

from __future__ import annotations

import argparse
import json
import random
import re
import sys
from collections import Counter
from collections.abc import Callable, Iterator
from pathlib import Path

from newslint.api import Checker
from newslint.rules.typos._words import english

ROOT = Path(__file__).resolve().parent.parent
SHARED = ROOT.parent / "shared" if (ROOT.parent / "shared").exists() else Path("/work/shared")
CORPORA = ("bbc", "reuters", "ag_news")
SLIP_RULES = "NL104,NL105,NL106,NL107"
_NUMBER = re.compile(r"\d+")
_WORDS = re.compile(r"[A-Za-z]+")
_PAIR = re.compile(r"(?<![\w'’.-])([a-z]+) ([a-z]+)(?![\w'’-])")
_WORD = re.compile(r"(?<![\w'’.-])([a-z]+)(?![\w'’-])")
KEYBOARD = ("qwertyuiop", "asdfghjkl", "zxcvbnm")
SHORT_WORDS = ("the", "and", "to", "from", "of", "for", "with", "that", "was", "not", "on", "in", "is", "at")
# Commonly confused real words (one written for the other), for the injection only.
CONFUSED = {
    "from": "form",
    "not": "now",
    "lose": "loose",
    "their": "there",
    "than": "then",
    "then": "than",
    "of": "off",
    "were": "where",
    "to": "too",
    "its": "it's",
    "quite": "quiet",
    "affect": "effect",
    "through": "though",
    "led": "lead",
    "been": "being",
    "the": "they",
    "and": "an",
    "week": "weak",
}


def stories(corpora: Path, wanted: set[str], half: str) -> Iterator[tuple[str, str, str]]:
    """(id, corpus, text) of each story of the wanted corpora and half."""
    for corpus in CORPORA:
        if corpus not in wanted:
            continue
        with (corpora / f"{corpus}.dev.jsonl").open(encoding="utf-8") as f:
            for line in f:
                d = json.loads(line)
                number = int(_NUMBER.findall(d["id"])[-1])
                if half != "all" and (number % 2 == 0) != (half == "tune"):
                    continue
                yield d["id"], corpus, d["headline"] + "\n\n" + d["body"]


def context(text: str, start: int, end: int, reach: int = 60) -> str:
    left = text[max(0, start - reach) : start].replace("\n", " ")
    right = text[end : end + reach].replace("\n", " ")
    return f"{left}[[{text[start:end]}]]{right}"


def cmd_reports(args: argparse.Namespace) -> None:
    checker = Checker(select=args.rules.split(","))
    per_corpus: Counter = Counter()
    words: Counter = Counter()
    by_rule: Counter = Counter()
    shown = 0
    for sid, corpus, text in stories(args.corpora, set(args.corpus.split(",")), args.half):
        words[corpus] += len(_WORDS.findall(text))
        for p in checker.check(text):
            per_corpus[corpus] += 1
            by_rule[(corpus, p.code)] += 1
            if shown < args.show:
                shown += 1
                level = p.fix.safety if p.fix is not None else "none"
                where = context(text, p.start.offset, p.end.offset)
                print(f"{sid}\t{p.code}\t{level}\t{p.message}\n    {where}")
    for corpus in sorted(words):
        n = per_corpus[corpus]
        rules = ", ".join(f"{code} {k}" for (c, code), k in sorted(by_rule.items()) if c == corpus)
        print(
            f"{corpus}: {n} reports in {words[corpus]:,} words ({1000 * n / words[corpus]:.3f}/1k) [{rules}]"
        )


# --- injection --------------------------------------------------------------------------------
def _quoted(text: str, at: int) -> bool:
    """Inside a quotation, roughly: an odd number of double quotes before it in its paragraph."""
    start = text.rfind("\n\n", 0, at) + 1
    return (text.count('"', start, at) + text.count("“", start, at) + text.count("”", start, at)) % 2 == 1


def _body_start(text: str) -> int:
    return text.find("\n\n") + 2


def _places(text: str, pattern: re.Pattern, keep: Callable[[re.Match], bool]) -> list[re.Match]:
    body = _body_start(text)
    return [m for m in pattern.finditer(text, body) if keep(m) and not _quoted(text, m.start())]


def inject_run_together(text: str, rng: random.Random) -> tuple[int, int, str] | None:
    words = english()

    def keep(m: re.Match) -> bool:
        a, b = m.group(1), m.group(2)
        ranks = sorted((words.frequency_rank(a), words.frequency_rank(b)))
        return ranks[0] < 100 and ranks[1] < 20000 and a + b not in words

    found = _places(text, _PAIR, keep)
    if not found:
        return None
    m = rng.choice(found)
    return m.start(), m.end(), m.group(1) + m.group(2)


def inject_split(text: str, rng: random.Random) -> tuple[int, int, str] | None:
    words = english()
    found = _places(text, _WORD, lambda m: len(m.group()) >= 7 and words.frequency_rank(m.group()) < 20000)
    if not found:
        return None
    m = rng.choice(found)
    w = m.group()
    at = rng.randrange(2, len(w) - 1)
    return m.start(), m.end(), f"{w[:at]} {w[at:]}"


def _near(c: str) -> str:
    for row in KEYBOARD:
        if c in row:
            i = row.index(c)
            return row[i - 1] if i else row[i + 1]
    return c


def inject_short(text: str, rng: random.Random) -> tuple[int, int, str] | None:
    words = english()
    found = _places(text, _WORD, lambda m: m.group() in SHORT_WORDS)
    rng.shuffle(found)
    for m in found:
        w = m.group()
        i = rng.randrange(len(w) - 1) if len(w) > 1 else 0
        slips = [w[:i] + w[i + 1] + w[i] + w[i + 2 :], w[:i] + w[i + 1 :], w[:i] + _near(w[i]) + w[i + 1 :]]
        slips = [s for s in slips if len(s) >= 2 and s not in words]
        if slips:
            return m.start(), m.end(), rng.choice(slips)
    return None


def inject_real_word(text: str, rng: random.Random) -> tuple[int, int, str] | None:
    found = _places(text, _WORD, lambda m: CONFUSED.get(m.group(), m.group()) != m.group())
    if not found:
        return None
    m = rng.choice(found)
    return m.start(), m.end(), CONFUSED[m.group()]


INJECT = {
    "run-together": inject_run_together,
    "split": inject_split,
    "short": inject_short,
    "real-word": inject_real_word,
}


def cmd_inject(args: argparse.Namespace) -> None:
    rules = args.rules.split(",")
    checker = Checker(select=rules)
    tally: Counter = Counter()
    pairs: Counter = Counter()  # for real-word: found per confused pair
    pairs_found: Counter = Counter()
    shown = 0
    for sid, corpus, text in stories(args.corpora, set(args.corpus.split(",")), args.half):
        rng = random.Random(sid)
        place = INJECT[args.kind](text, rng)
        if place is None:
            continue
        start, end, slip = place
        injected = text[:start] + slip + text[end:]
        span = (start, start + len(slip))
        found = [p for p in checker.check(injected) if p.start.offset < span[1] and p.end.offset > span[0]]
        safe = checker.fix(injected).text == text
        unsafe = checker.fix(injected, unsafe=True).text == text
        tally[(corpus, "n")] += 1
        tally[(corpus, "found")] += bool(found)
        tally[(corpus, "safe")] += safe
        tally[(corpus, "unsafe")] += unsafe
        pairs[f"{text[start:end]}->{slip}"] += 1
        pairs_found[f"{text[start:end]}->{slip}"] += bool(found)
        if not found and shown < args.show:
            shown += 1
            print(f"miss {sid}: {text[start:end]!r} -> {slip!r}: {context(injected, *span)}")
    for corpus in CORPORA:
        n = tally[(corpus, "n")]
        if n:
            share = {k: tally[(corpus, k)] / n for k in ("found", "safe", "unsafe")}
            print(
                f"{corpus} {args.half} {args.kind}: n={n} found {share['found']:.1%} "
                f"fixed(safe) {share['safe']:.1%} fixed(+unsafe) {share['unsafe']:.1%}"
            )
    if args.kind == "real-word":
        print("found per pair:", ", ".join(f"{p} {pairs_found[p]}/{n}" for p, n in pairs.most_common()))


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    sub = parser.add_subparsers(dest="command", required=True)
    for name in ("reports", "inject"):
        p = sub.add_parser(name)
        p.add_argument("--rules", default=SLIP_RULES)
        p.add_argument(
            "--half", choices=("tune", "eval", "all"), default="tune" if name == "reports" else "eval"
        )
        p.add_argument("--corpus", default=",".join(CORPORA))
        p.add_argument("--corpora", type=Path, default=SHARED / "corpora")
        p.add_argument("--show", type=int, default=200)
        if name == "inject":
            p.add_argument("--kind", choices=sorted(INJECT), required=True)
    args = parser.parse_args(argv)
    if not args.corpora.exists():
        sys.exit(f"no corpora at {args.corpora}")
    (cmd_reports if args.command == "reports" else cmd_inject)(args)


if __name__ == "__main__":
    main()
