#!/usr/bin/env python3
"""Real errors of published copy: precision and recall of newslint's NL1 rules, codespell and
typos, per corpus, against a gold set read by hand (`tests/data/real_errors.tsv`).

    python benchmarks/real_errors.py                        # the table, and what is unjudged
    python benchmarks/real_errors.py --list                 # ... and each unjudged candidate
    python benchmarks/real_errors.py --wrong                # ... and each false alarm of newslint
    python benchmarks/real_errors.py --misses               # ... and each pooled error it misses
    python benchmarks/real_errors.py --half even            # the stories whose id number is even
    python benchmarks/real_errors.py --unjudged read.tsv    # write the unjudged, in context, to read
    python benchmarks/real_errors.py --merge read.tsv       # add the rows read there to the gold set

How the gold set is made. The pool is every word-level candidate of the three tools over the stories
of `../shared/corpora`: all of BBC and AG News, and a fixed random sample of Reuters (`SAMPLE`
stories, drawn with `random.Random(f"{corpus}-{SEED}").sample` from its ids in file order): the
NL1xx reports of newslint with its default settings, codespell 2.x's (its default dictionaries)
and typos's. Every candidate in a sampled story is read in its sentence, and judged as a copy
editor would: is this word an error of the published text, and what should it read? A
candidate is a span of a story; the gold set keeps one row per span read (corpus, story id,
character offset into the story as `materialize.py` writes it: headline, blank line, body; the
word; the correction; `error` or `not-error`; why; a few words of context).

A tool's report counts against every gold row whose span it overlaps (tools cut words
differently): it is right when one of them is an error, wrong when all are not. A report no row
overlaps is *unjudged* and left out of the figures, and said: a rule change that reports new
words shows up as "N unjudged", to be read (`--unjudged`) before the figures mean anything.
Recall is against the pooled errors: the real errors any of the three tools reports in the
sampled stories (an error none of them sees is not counted, so recall is an upper bound).
Intervals are Wilson 95% score intervals.

Judging rules (the `why` column says which applied): a correctly spelled name, foreign word,
house abbreviation (Reuters' `mln`, `dlrs`, `pct`) or British/American spelling is not an error;
nor is character damage that the repaired reading resolves (`doesn #39;t` reads `doesn't`), the
words of escaped markup, or a word cut off by a summary's ` ...`; a misspelling, a doubled word, a
wrong real word, a run-together or split word is an error, with its correction.
"""

from __future__ import annotations

import argparse
import json
import math
import os
import random
import re
import shutil
import subprocess
import sys
import tempfile
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
GOLD = ROOT / "tests" / "data" / "real_errors.tsv"
# The same place the corpus tests look (tests/conftest.py): beside the checkout, or NEWSLINT_SHARED.
SHARED = Path(os.environ.get("NEWSLINT_SHARED", ROOT.parent / "shared"))
CORPORA = ("bbc", "reuters", "ag_news")
SEED = 14
# Stories read per corpus (None: all of them). The three tools report about one span in four BBC
# stories, one in thirty AG News items and one in three or four Reuters stories: BBC and AG News
# are read whole, Reuters in a sample of about 550 spans.
SAMPLE: dict[str, int | None] = {"bbc": None, "reuters": 2000, "ag_news": None}
TOOLS = ("newslint", "codespell", "typos")
HEADER = "# corpus\tid\toffset\tword\tcorrection\tverdict\twhy\tcontext"
VERDICTS = ("error", "not-error")
CONTEXT = 30  # characters either side kept in the gold set
READING_CONTEXT = 120  # characters either side shown to the reader


@dataclass(frozen=True)
class Hit:
    """One report of one tool: a span of a story and what the tool would write there."""

    tool: str
    corpus: str
    id: str
    start: int
    end: int
    word: str
    suggestion: str = ""
    code: str = ""


@dataclass
class Row:
    """One span read by hand: the gold set's unit."""

    corpus: str
    id: str
    offset: int
    word: str
    correction: str
    verdict: str
    why: str
    context: str = ""

    @property
    def end(self) -> int:
        return self.offset + len(self.word)

    def line(self) -> str:
        fields = (self.corpus, self.id, str(self.offset), self.word, self.correction, self.verdict)
        return "\t".join((*fields, self.why, self.context))


# --- the corpora and the sample -----------------------------------------------------------
def corpus_path(shared: Path, corpus: str) -> Path:
    return shared / "corpora" / f"{corpus}.dev.jsonl"


def corpora_present(shared: Path) -> bool:
    return all(corpus_path(shared, c).is_file() for c in CORPORA)


def story_text(record: dict[str, str]) -> str:
    """A story as `materialize.py` writes it: headline, blank line, body."""
    return record["headline"] + "\n\n" + record["body"]


def sampled_stories(shared: Path, corpus: str, size: int | None = None) -> dict[str, str]:
    """The sampled stories of one corpus, id -> text, in file order."""
    with corpus_path(shared, corpus).open(encoding="utf-8") as fh:
        records = [json.loads(line) for line in fh if line.strip()]
    ids = [r["id"] for r in records]
    size = size or SAMPLE[corpus] or len(ids)
    chosen = set(random.Random(f"{corpus}-{SEED}").sample(ids, size)) if size < len(ids) else set(ids)
    return {r["id"]: story_text(r) for r in records if r["id"] in chosen}


# --- the tools ----------------------------------------------------------------------------
def newslint_hits(corpus: str, stories: dict[str, str]) -> list[Hit]:
    from newslint.config import Settings
    from newslint.lint import Linter

    linter = Linter(Settings(), "story.txt")
    hits = []
    for story_id, text in stories.items():
        for v in linter.violations(text):
            if not v.code.startswith("NL1"):
                continue
            start, end = v.span.start, v.span.end
            fix = v.fix or (v.alternatives[0] if v.alternatives else None)
            suggestion = _fixed_span(text, fix, start, end) if fix is not None else ""
            hits.append(Hit("newslint", corpus, story_id, start, end, text[start:end], suggestion, v.code))
    return hits


def _fixed_span(text: str, fix, start: int, end: int) -> str:
    """What the violation's span reads once the fix is made (a fix may cover more or less)."""
    lo, hi = min(start, fix.span.start), max(end, fix.span.end)
    out, cursor = [], lo
    for edit in sorted(fix.edits, key=lambda e: e.span.start):
        out.append(text[cursor : edit.span.start])
        out.append(edit.content)
        cursor = edit.span.end
    out.append(text[cursor:hi])
    return "".join(out)


def tool_exe(name: str) -> str | None:
    """The tool on PATH, or beside this Python (a venv's bin/ that is not on PATH)."""
    beside = Path(sys.executable).parent / name
    return shutil.which(name) or (str(beside) if beside.exists() else None)


def _write(stories: dict[str, str], folder: Path) -> dict[str, Path]:
    paths = {}
    for story_id, text in stories.items():
        path = folder / f"{story_id}.txt"
        path.write_text(text, encoding="utf-8")
        paths[story_id] = path
    return paths


def _line_starts(text: str) -> list[int]:
    starts = [0]
    starts.extend(m.end() for m in re.finditer("\n", text))
    return starts


_CODESPELL_LINE = re.compile(r"^(?P<path>.*?):(?P<line>\d+): (?P<word>.+?) ==> (?P<fix>.*)$")


def _run_tool(name: str, args: list[str], stories: dict[str, str], folder: Path) -> tuple[str, dict] | None:
    """The tool's output over the stories written as files in `folder`, and the story id of
    each file name; None when the tool is not installed."""
    exe = tool_exe(name)
    if exe is None:
        return None
    by_name = {p.name: i for i, p in _write(stories, folder).items()}
    return subprocess.run([exe, *args, str(folder)], capture_output=True, text=True).stdout, by_name


def codespell_hits(corpus: str, stories: dict[str, str], folder: Path) -> list[Hit] | None:
    ran = _run_tool("codespell", ["-q", "3"], stories, folder)
    if ran is None:
        return None
    out, by_name = ran
    hits, seen = [], {}
    for line in out.splitlines():
        m = _CODESPELL_LINE.match(line)
        if not m or Path(m["path"]).name not in by_name:
            continue
        story_id = by_name[Path(m["path"]).name]
        text = stories[story_id]
        starts = _line_starts(text)
        lineno, word = int(m["line"]), m["word"]
        # codespell gives the line, not the column: its n-th report of a word on a line is the
        # word's n-th whole-word occurrence there.
        key = (story_id, lineno, word)
        nth = seen.get(key, 0)
        seen[key] = nth + 1
        begin = starts[lineno - 1]
        stop = starts[lineno] if lineno < len(starts) else len(text)
        found = list(re.finditer(rf"(?<![\w'’-]){re.escape(word)}(?![\w'’-])", text[begin:stop]))
        if not found:
            found = list(re.finditer(re.escape(word), text[begin:stop]))
        if not found:
            continue
        at = begin + found[min(nth, len(found) - 1)].start()
        suggestion = m["fix"].split("|")[0].split(",")[0].strip()
        hits.append(Hit("codespell", corpus, story_id, at, at + len(word), word, suggestion))
    return hits


def typos_hits(corpus: str, stories: dict[str, str], folder: Path) -> list[Hit] | None:
    ran = _run_tool("typos", ["--format", "json"], stories, folder)
    if ran is None:
        return None
    out, by_name = ran
    hits = []
    for line in out.splitlines():
        try:
            report = json.loads(line)
        except json.JSONDecodeError:
            continue
        if report.get("type") != "typo" or Path(report["path"]).name not in by_name:
            continue
        story_id = by_name[Path(report["path"]).name]
        text = stories[story_id]
        begin = _line_starts(text)[report["line_num"] - 1]
        line_bytes = text[begin:].split("\n", 1)[0].encode("utf-8")
        at = begin + len(line_bytes[: report["byte_offset"]].decode("utf-8", "replace"))
        word = report["typo"]
        suggestion = (report.get("corrections") or [""])[0]
        hits.append(Hit("typos", corpus, story_id, at, at + len(word), word, suggestion))
    return hits


@dataclass
class Pool:
    """The sampled stories of one corpus and every tool's reports on them (None: not installed)."""

    corpus: str
    stories: dict[str, str]
    hits: dict[str, list[Hit] | None] = field(default_factory=dict)


def in_half(story_id: str, half: str | None) -> bool:
    """Whether a story is in the even or the odd half by the number that ends its id
    (`reuters-10148`): tune on one half, confirm on the other."""
    if half is None:
        return True
    digits = re.search(r"(\d+)$", story_id)
    return digits is not None and int(digits[1]) % 2 == (0 if half == "even" else 1)


def pool(
    shared: Path,
    corpus: str,
    size: int | None = None,
    tools: Iterable[str] = TOOLS,
    half: str | None = None,
) -> Pool:
    stories = {i: t for i, t in sampled_stories(shared, corpus, size).items() if in_half(i, half)}
    result = Pool(corpus, stories)
    with tempfile.TemporaryDirectory(prefix="real-errors-") as tmp:
        for tool in tools:
            folder = Path(tmp) / tool
            folder.mkdir()
            if tool == "newslint":
                result.hits[tool] = newslint_hits(corpus, stories)
            elif tool == "codespell":
                result.hits[tool] = codespell_hits(corpus, stories, folder)
            else:
                result.hits[tool] = typos_hits(corpus, stories, folder)
    return result


# --- the gold set ---------------------------------------------------------------------------
def read_gold(path: Path = GOLD) -> list[Row]:
    rows = []
    if not path.exists():
        return rows
    for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
        if not line or line.startswith("#"):
            continue
        parts = line.split("\t")
        if len(parts) < 7:
            raise ValueError(f"{path}:{number}: {len(parts)} fields, expected 7 or 8")
        corpus, story_id, offset, word, correction, verdict, why = parts[:7]
        context = parts[7] if len(parts) > 7 else ""
        rows.append(Row(corpus, story_id, int(offset), word, correction, verdict, why, context))
    return rows


def write_gold(rows: list[Row], path: Path = GOLD) -> None:
    order = {c: i for i, c in enumerate(CORPORA)}
    rows = sorted(rows, key=lambda r: (order.get(r.corpus, 9), r.id, r.offset, r.word))
    path.write_text("\n".join([HEADER, *(r.line() for r in rows)]) + "\n", encoding="utf-8")


def _overlapping(hit: Hit, rows: list[Row]) -> list[Row]:
    return [r for r in rows if r.offset < hit.end and hit.start < r.end]


def rows_by_story(rows: list[Row], corpus: str) -> dict[str, list[Row]]:
    found: dict[str, list[Row]] = {}
    for r in rows:
        if r.corpus == corpus:
            found.setdefault(r.id, []).append(r)
    return found


@dataclass
class Score:
    """One tool on one corpus: reports right, wrong, unjudged; pooled errors found of all."""

    right: int = 0
    wrong: int = 0
    unjudged: list[Hit] = field(default_factory=list)
    false_alarms: list[Hit] = field(default_factory=list)
    found: int = 0
    errors: int = 0
    corrected: int = 0  # right reports whose (first) suggestion is the gold correction
    missed: list[Row] = field(default_factory=list)  # pooled errors the tool does not report

    @property
    def precision(self) -> float:
        return self.right / max(1, self.right + self.wrong)

    @property
    def recall(self) -> float:
        return self.found / max(1, self.errors)


def score(hits: list[Hit], gold: dict[str, list[Row]], stories: Iterable[str]) -> Score:
    """A tool's reports against the gold rows of the sampled stories."""
    result = Score()
    found: set[tuple[str, int]] = set()
    for hit in hits:
        matched = _overlapping(hit, gold.get(hit.id, []))
        if not matched:
            result.unjudged.append(hit)
        elif any(r.verdict == "error" for r in matched):
            result.right += 1
            found.update((r.id, r.offset) for r in matched if r.verdict == "error")
            result.corrected += any(_suggests(hit, r) for r in matched if r.verdict == "error")
        else:
            result.wrong += 1
            result.false_alarms.append(hit)
    errors = [r for s in stories for r in gold.get(s, []) if r.verdict == "error"]
    result.errors = len(errors)
    result.found = len(found)
    result.missed = [r for r in errors if (r.id, r.offset) not in found]
    return result


def _suggests(hit: Hit, row: Row) -> bool:
    """Whether the report's suggestion writes the gold correction over the gold span (a doubled
    word's correction is "(delete)")."""
    if row.correction == "(delete)":  # either copy may go: the span reads empty or as one copy
        return hit.suggestion.strip() in ("", row.word.strip())
    if (hit.start, hit.end) == (row.offset, row.end):
        return hit.suggestion == row.correction
    # A report cut differently from the row: the row's text with the report's part replaced.
    text = (
        row.word[: max(0, hit.start - row.offset)] + hit.suggestion + row.word[max(0, hit.end - row.offset) :]
    )
    return text == row.correction


def wilson(k: int, n: int, z: float = 1.96) -> tuple[float, float]:
    """The Wilson score interval of a proportion k/n."""
    if n == 0:
        return 0.0, 1.0
    p = k / n
    centre = (p + z * z / (2 * n)) / (1 + z * z / n)
    half = z * math.sqrt(p * (1 - p) / n + z * z / (4 * n * n)) / (1 + z * z / n)
    return max(0.0, centre - half), min(1.0, centre + half)


def _dedupe(hits: list[Hit]) -> list[Hit]:
    """One report per span per tool (codespell and NL1 rules may report a span twice)."""
    seen, kept = set(), []
    for h in hits:
        if (h.id, h.start, h.end) not in seen:
            seen.add((h.id, h.start, h.end))
            kept.append(h)
    return kept


def scores(p: Pool, rows: list[Row]) -> dict[str, Score | None]:
    gold = rows_by_story(rows, p.corpus)
    return {
        tool: None if hits is None else score(_dedupe(hits), gold, p.stories) for tool, hits in p.hits.items()
    }


# --- reading ------------------------------------------------------------------------------
def _squash(s: str) -> str:
    return re.sub(r"\s+", " ", s)


def context(text: str, start: int, end: int, width: int) -> str:
    return (
        _squash(text[max(0, start - width) : start])
        + "[["
        + text[start:end]
        + "]]"
        + _squash(text[end : end + width])
    )


def unjudged_rows(p: Pool, rows: list[Row]) -> Iterator[tuple[Row, str]]:
    """Each span some tool reports that no gold row overlaps, as a row to read (its correction
    the first suggestion, its verdict `unread`), with the tools' suggestions and a wide context."""
    gold = rows_by_story(rows, p.corpus)
    spans: dict[tuple[str, int, int], list[Hit]] = {}
    for hits in p.hits.values():
        for h in hits or []:
            if not _overlapping(h, gold.get(h.id, [])):
                spans.setdefault((h.id, h.start, h.end), []).append(h)
    # Spans of different tools that overlap are read once, as their union.
    merged: list[list[Hit]] = []
    for key in sorted(spans):
        if merged and merged[-1][0].id == key[0] and key[1] < max(h.end for h in merged[-1]):
            merged[-1].extend(spans[key])
        else:
            merged.append(list(spans[key]))
    for group in merged:
        story_id = group[0].id
        text = p.stories[story_id]
        start, end = min(h.start for h in group), max(h.end for h in group)
        tools = _squash("; ".join(f"{h.code or h.tool}:{h.word}->{h.suggestion or '?'}" for h in group))
        suggestion = _squash(next((h.suggestion for h in group if h.suggestion), ""))
        word = re.sub(r"\s", " ", text[start:end])  # one line, the same length
        row = Row(p.corpus, story_id, start, word, suggestion, "unread", "")
        row.context = _squash(context(text, start, end, CONTEXT))
        yield row, tools + "\t" + context(text, start, end, READING_CONTEXT)


def merge(read: Path, gold_path: Path = GOLD) -> int:
    """Add the rows of a reading file that have a verdict to the gold set; the number added."""
    rows = read_gold(gold_path)
    keys = {(r.corpus, r.id, r.offset, r.word) for r in rows}
    added = 0
    for r in read_gold(read):
        if r.verdict in VERDICTS and (r.corpus, r.id, r.offset, r.word) not in keys:
            rows.append(r)
            keys.add((r.corpus, r.id, r.offset, r.word))
            added += 1
    write_gold(rows, gold_path)
    return added


# --- the report ---------------------------------------------------------------------------
def table(results: dict[str, tuple[Pool, dict[str, Score | None]]]) -> str:
    lines = [
        "| corpus (stories read) | tool | precision (95% CI) | recall of pooled errors (95% CI) | "
        "right / reports | found / errors | suggestion right | unjudged |",
        "|---|---|---|---|---|---|---|---|",
    ]
    for corpus, (p, by_tool) in results.items():
        for tool, s in by_tool.items():
            if s is None:
                lines.append(f"| {corpus} ({len(p.stories)}) | {tool} | not installed | | | | | |")
                continue
            lo, hi = wilson(s.right, s.right + s.wrong)
            rlo, rhi = wilson(s.found, s.errors)
            lines.append(
                f"| {corpus} ({len(p.stories)}) | {tool} | {s.precision:.1%} ({lo:.0%}-{hi:.0%}) | "
                f"{s.recall:.1%} ({rlo:.0%}-{rhi:.0%}) | {s.right} / {s.right + s.wrong} | "
                f"{s.found} / {s.errors} | {s.corrected} / {s.right} | {len(s.unjudged)} |"
            )
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--shared", type=Path, default=SHARED, help="the folder holding corpora/")
    ap.add_argument("--corpus", choices=CORPORA, action="append", help="one corpus (repeatable)")
    ap.add_argument("--gold", type=Path, default=GOLD)
    ap.add_argument("--half", choices=("even", "odd"), help="only the stories whose id number is even/odd")
    ap.add_argument("--list", action="store_true", help="print each unjudged report")
    ap.add_argument("--wrong", action="store_true", help="print each of newslint's false alarms, in context")
    ap.add_argument("--misses", action="store_true", help="print each pooled error newslint misses")
    ap.add_argument("--unjudged", type=Path, metavar="OUT", help="write the unjudged spans to read")
    ap.add_argument("--merge", type=Path, metavar="READ", help="add the judged rows of READ to the gold set")
    args = ap.parse_args(argv)
    if args.merge:
        print(f"{merge(args.merge, args.gold)} rows added to {args.gold}")
        return 0
    if not corpora_present(args.shared):
        print(f"the corpora are not at {args.shared / 'corpora'}: nothing to measure (--shared DIR)")
        return 0
    rows = read_gold(args.gold)
    results = {}
    to_read: list[tuple[Row, str]] = []
    for corpus in args.corpus or CORPORA:
        p = pool(args.shared, corpus, half=args.half)
        results[corpus] = (p, scores(p, rows))
        to_read.extend(unjudged_rows(p, rows))
    read = ", ".join(
        f"{c} {'whole' if SAMPLE[c] is None else f'a sample of {SAMPLE[c]} stories (seed {SEED})'}"
        for c in results
    )
    print(
        f"Real errors per corpus ({read}{', ' + args.half + ' ids' if args.half else ''}): every "
        f"report of each tool read; recall is of the pooled errors. Gold set: {args.gold.name}, "
        f"{len(rows)} rows."
    )
    print(table(results))
    if args.list:
        for corpus, (_, by_tool) in results.items():
            for tool, s in by_tool.items():
                for h in s.unjudged if s else []:
                    print(
                        f"unjudged\t{corpus}\t{tool}\t{h.id}\t{h.start}\t{h.word}\t{h.suggestion}\t{h.code}"
                    )
    if args.wrong:
        for corpus, (p, by_tool) in results.items():
            s = by_tool.get("newslint")
            for h in s.false_alarms if s else []:
                where = context(p.stories[h.id], h.start, h.end, 50)
                print(f"wrong\t{corpus}\t{h.id}\t{h.code}\t{h.word}\t{h.suggestion}\t{where}")
    if args.misses:
        for corpus, (_, by_tool) in results.items():
            s = by_tool.get("newslint")
            for r in s.missed if s else []:
                print(f"missed\t{corpus}\t{r.id}\t{r.offset}\t{r.word}\t{r.correction}\t{r.why}\t{r.context}")
    if args.unjudged:
        with args.unjudged.open("w", encoding="utf-8") as fh:
            fh.write(HEADER + "\ttools\treading context\n")
            for row, extra in to_read:
                fh.write(row.line() + "\t" + extra + "\n")
        print(f"{len(to_read)} unjudged spans written to {args.unjudged}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
