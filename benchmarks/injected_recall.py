#!/usr/bin/env python3
"""Held-out recall of US/GB variants and European thousands separators, on injected errors.

    python benchmarks/injected_recall.py --kind variant|number [--corpora DIR] [--varcon FILE]
        [--per-half N] [--newslint CMD] [--show N] [--json OUT]

The dev evaluation set (`../shared/eval`) holds 34 variants and 66 numbers: a rule tuned on it can
look better there than on copy it has never seen. This script makes a larger measurement from the
corpora (`../shared/corpora`: BBC and Reuters stories) and splits it by story id: stories with
an even number are the **tune** half, stories with an odd number the **eval** half. Look at
misses and false alarms on the tune half only; the eval half is the figure to quote. Every story
gets at most one injected error, chosen by a random generator seeded with the story id, so runs
are repeatable.

- `variant`: one word the story writes in its own variety is written in the other one, with the
  pairs of VarCon (`../shared/data/varcon/varcon.txt`): a spelling whose line gives the story's
  variety one main form and the other variety another (`centre` -> `center` in a British story,
  `organized` -> `organised`, `favor` -> `favour` in an American one), never a form the line
  lists as a variant of the story's own variety too (`catalogue` is an American variant). Only
  lowercase words in the body are changed (capitalised words are mostly names, which keep
  their spelling).
  **The story's variety is what its own spellings say, as an editor would judge it**, not its
  source: Reuters' London desk (the "REUTER" sign-off) wrote British (`labour`, `privatisation`),
  so a "Reuters story is American" label turned its British words into errors of the story and
  made the American word injected into it no error at all. `story_variety` counts the story's
  lowercase words, and the words of a headline in capitals (PROGRAMME), that VarCon gives to one
  variety alone (a spelling pair that holds in one sense only, `program`, `draft`, counts for
  neither, nor does -ize, which Oxford British writes too) and takes the variety with more of
  them; on a tie (nothing marked, or as much of each) the source decides (BBC British, Reuters
  American): the story shows nothing an editor could go by.
  `--label source` gives the old labelling, to compare. Each injection is also classed by the
  evidence left in the injected story (`_evidence_left`): `majority` when the story's other
  words marked for its variety outnumber those marked for the other one, the injected word
  counted, and a house-style sign of either variety counted as two words (a house rule says
  more than one word's spelling; British
  "per cent", "£", "Mr Brown"; American "percent", "Mr. Brown"); for an -ise/-ize pair the
  words with the ending replaced count, and an -ize in British copy is marked only by -ise
  words (Oxford British writes -ize beside `colour`); `signs` when the house-style sign alone
  outweighs the injected word; `tie` and `outvoted` when the story's evidence is as much or less
  (the story is mixed: an editor would have to guess which word is the odd one); `none`:
  nothing in the story tells the injected word is the odd one out, and reporting it would be a
  guess that a precise rule must not make (a wire desk's sign-off is a prior about the source,
  not evidence of the story). The summary gives found and fixed where the story shows evidence
  (`majority` and `signs`) beside the figure over every injection.
- `number`: one figure the story writes with English commas (`40,000`, `£7,000`, `1,734,000`,
  `48,250 tonnes`) is written with full stops.

It prints, per half and corpus: found (a report overlaps the injected word), fixed with `--fix`
and with `--fix --unsafe-fixes` (the fixed story equals the original there), and the reports the
rules of the family make on the same stories without the injection (false alarms, or real
errors of the published copy: read them). No corpus text is written outside a temporary folder.
"""

from __future__ import annotations

import argparse
import difflib
import json
import os
import random
import re
import shlex
import shutil
import subprocess
import sys
import tempfile
from collections import Counter, defaultdict
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SHARED = ROOT.parent / "shared" if (ROOT.parent / "shared").exists() else Path("/work/shared")
CORPORA = {"bbc": "gb", "reuters": "us"}
FAMILY = {"variant": "NL2", "number": "NL4"}
_WORD = re.compile(r"[A-Za-z]+(?:'[a-z]+)?")
_GROUPED = re.compile(r"(?<![\d.,])\d{1,3}(?:,\d{3})+(?![\d]|[.,]\d)")
_NUMBER = re.compile(r"\d+")
_TOKEN = re.compile(r"\w+|\s+|[^\w\s]")


@dataclass
class Injection:
    story: str  # id
    corpus: str
    half: str  # "tune" or "eval"
    start: int  # in the injected text
    original: str
    injected: str
    kind: str  # a class of the error, for the breakdown
    evidence: str  # variants: what else in the story marks its variety (one of EVIDENCE)
    text: str  # the original story
    injected_text: str
    variety: str = ""  # the story's variety, as labelled (variants)


# --- VarCon pairs ---------------------------------------------------------------------------------
def _main(tags: list[str], letters: str) -> bool:
    return any(t[0] in letters and t[1:] in ("", ".") for t in tags)


def _also_written(forms: list[tuple[str, list[str]]], word: str, letter: str) -> bool:
    """Whether the line lists `word` as written in the variety `letter` (A, B) too, as a variant."""
    return any(w == word and any(t[0] == letter and t[1:] == "v" for t in tags) for w, tags in forms)


def varcon_pairs(path: Path) -> tuple[dict[str, dict[str, str]], set[str]]:
    """variety -> {a spelling that variety writes: the other variety's spelling}, from lines that
    give each variety exactly one main form, the two different; and the spellings whose pair holds
    in one sense only (`draft` / `draught` for a current of air)."""
    pairs: dict[str, dict[str, set[str]]] = {"us": defaultdict(set), "gb": defaultdict(set)}
    in_a_sense: set[str] = set()
    for raw in path.read_text(encoding="latin-1").splitlines():
        if not raw or raw.startswith("#"):
            continue
        body, _, note = raw.partition("|")
        forms = []
        for part in body.split(" / "):
            tags, _, word = part.partition(": ")
            forms.append((word.strip(), tags.split()))
        us = [w for w, t in forms if _main(t, "A")]
        gb = [w for w, t in forms if _main(t, "B")]
        if len(us) != 1 or len(gb) != 1 or us[0] == gb[0] or not (us[0] + gb[0]).replace("'", "").isalpha():
            continue
        if not us[0].islower() or not gb[0].islower():
            continue
        # A form the line also lists as a variant of the story's own variety (`Av B: catalogue`,
        # `A Bv C: judgment`) is no error in that variety: it is not injected into its stories.
        if not _also_written(forms, gb[0], "A"):
            pairs["us"][us[0]].add(gb[0])
        if not _also_written(forms, us[0], "B"):
            pairs["gb"][gb[0]].add(us[0])
        if note.strip():
            in_a_sense.update((us[0], gb[0]))
    tables = {v: {w: min(o) for w, o in table.items() if len(o) == 1} for v, table in pairs.items()}
    return tables, in_a_sense


# The spelling families (US, GB endings), to break the figures down.
_FAMILIES = (
    ("-ize/-ise", re.compile(r"iz(?:e|ed|es|ing|ation|ations|er|ers|able)?(?:'s)?$|isation")),
    ("-or/-our", re.compile(r"our")),
    ("-er/-re", re.compile(r"(?:tre|bre|tres|bres|ntred|ntring)(?:'s)?$")),
    ("-og/-ogue", re.compile(r"ogues?$")),
    ("-ense/-ence", re.compile(r"ences?$")),
    ("-l-/-ll-", re.compile(r"ll(?:ed|ing|er|ers|ous)$")),
)


def family(us: str, gb: str, in_a_sense: set[str]) -> str:
    if us in in_a_sense or gb in in_a_sense:
        return "one sense"
    for name, pattern in _FAMILIES:
        if pattern.search(gb) or name == "-ize/-ise" and pattern.search(us):
            return name
    return "other"


# --- stories --------------------------------------------------------------------------------------
def stories(corpora: Path, datelines: bool = False) -> list[tuple[str, str, str, str]]:
    """(id, corpus, half, text) of every BBC and Reuters story, text as materialize.py writes it;
    with `datelines`, the body opens with the story's dateline (`CLEVELAND, Feb 26 -`), as wire
    copy carries it (the BBC stories have none)."""
    out = []
    for corpus in CORPORA:
        for line in (corpora / f"{corpus}.dev.jsonl").open(encoding="utf-8"):
            d = json.loads(line)
            number = int(_NUMBER.findall(d["id"])[-1])
            half = "tune" if number % 2 == 0 else "eval"
            opening = d["dateline"] + " " if datelines and d.get("dateline") else ""
            out.append((d["id"], corpus, half, d["headline"] + "\n\n" + opening + d["body"]))
    return out


def _body_start(text: str) -> int:
    return text.index("\n\n") + 2 if "\n\n" in text else 0


def _quoted(text: str, at: int) -> bool:
    """Inside a double-quoted stretch of its paragraph (an odd number of quotes before it)."""
    start = text.rfind("\n\n", 0, at) + 1
    return text.count('"', start, at) % 2 == 1 or text.count("“", start, at) > text.count("”", start, at)


def _ize(us: str, gb: str) -> bool:
    """An -ize/-ise pair (organized, organised), -yze/-yse too: Oxford British writes -ize."""
    return us.replace("yz", "ys").replace("iz", "is") == gb


def _marks(word: str, pairs) -> str | None:
    """The variety a lowercase word's spelling marks: "gb" or "us" when VarCon gives the spelling to
    that variety alone, in every sense, and it is not an -ize (Oxford British); else None."""
    tables, in_a_sense = pairs
    if word in in_a_sense:
        return None
    if word in tables["gb"]:
        return "gb"
    if word in tables["us"] and not _ize(word, tables["us"][word]):
        return "us"
    return None


def _spelled_words(text: str, skip: int = -1) -> Iterator[tuple[int, str]]:
    """(offset, word) of the story's words whose spelling an editor reads as it stands: its
    lowercase words and the words of a headline in capitals (PROGRAMME, HONOURED), lowercased;
    the word at offset `skip` left out."""
    head = _body_start(text)
    for m in _WORD.finditer(text):
        word = m.group()
        if m.start() == skip:
            continue
        if word.islower():
            yield m.start(), word
        elif m.start() < head and word.isupper() and len(word) > 1:
            yield m.start(), word.lower()


def spelling_counts(text: str, pairs, skip: int = -1) -> Counter[str]:
    """How many of the story's words (`_spelled_words`) mark each variety."""
    counts: Counter[str] = Counter()
    for _, word in _spelled_words(text, skip):
        variety = _marks(word, pairs)
        if variety:
            counts[variety] += 1
    return counts


def story_variety(text: str, corpus: str, pairs, label: str = "spelling") -> str:
    """The variety the story is written in, as its own spellings say (more words of one variety
    than of the other); on a tie, or with `label` "source", its source's (BBC British, Reuters
    American)."""
    if label == "spelling":
        counts = spelling_counts(text, pairs)
        if counts["gb"] != counts["us"]:
            return "gb" if counts["gb"] > counts["us"] else "us"
    return CORPORA[corpus]


SIGN_WEIGHT = 2  # a house style ("per cent", "Mr Brown") says more than one word's spelling
EVIDENCE = ("majority", "tie", "outvoted", "signs", "none")
_HOUSE_SIGNS = {
    "gb": re.compile(r"\bper cent\b|£|\bM(?:rs?|s)\s[A-Z]"),
    "us": re.compile(r"\bpercent\b|\bM(?:rs?|s)\.\s[A-Z]"),
}


def _endings(text: str, pairs, skip: int) -> Counter[str]:
    """How many of the story's words (`_spelled_words`) are written -ize ("us") and -ise ("gb")
    of an -ize/-ise pair."""
    tables, _ = pairs
    counts: Counter[str] = Counter()
    for _, word in _spelled_words(text, skip):
        if word in tables["us"] and _ize(word, tables["us"][word]):
            counts["us"] += 1
        elif word in tables["gb"] and _ize(tables["gb"][word], word):
            counts["gb"] += 1
    return counts


def _evidence_left(text: str, at: int, injected: str, variety: str, pairs) -> str:
    """What else in the injected story (`text`, the injected word at `at`) marks its variety:
    "majority" when its other words marked for the variety, and a house-style sign of it (as two
    words however many), outnumber those of the other variety, the injected word
    among them; "signs" when the sign alone does; "tie" when as many; "outvoted" when fewer;
    "none" when nothing but the injected word's own variety is marked. For an
    -ise/-ize pair the words with the ending the injection replaced count for the story's
    variety (`organized` beside an injected `recognised` in American copy); an -ize injected
    into British copy is marked only by the story's -ise words (Oxford British writes -ize with
    `colour` and `centre`)."""
    tables, _ = pairs
    other = "gb" if variety == "us" else "us"
    counts = spelling_counts(text, pairs, skip=at)
    counts[other] += 1  # the injected word
    original = tables[other].get(injected, "")
    if _ize(original, injected) or _ize(injected, original):
        endings = _endings(text, pairs, skip=at)
        if variety == "us":
            counts["us"] += endings["us"]
        else:
            counts["gb"] = endings["gb"]  # -ise words (British spellings without them say nothing)
    own_sign, other_sign = (bool(_HOUSE_SIGNS[v].search(text)) for v in (variety, other))
    if not counts[variety] and not own_sign:
        return "none"
    own = counts[variety] + SIGN_WEIGHT * own_sign
    against = counts[other] + SIGN_WEIGHT * other_sign
    if own > against:
        return "majority" if counts[variety] else "signs"
    return "tie" if own == against else "outvoted"


def inject_variant(sid, corpus, half, text, pairs, rng, label="spelling") -> Injection | None:
    tables, in_a_sense = pairs
    variety = story_variety(text, corpus, pairs, label)
    table = tables[variety]
    candidates = [
        m for m in _WORD.finditer(text, _body_start(text)) if m.group() in table and m.group().islower()
    ]
    if not candidates:
        return None
    m = rng.choice(candidates)
    other = table[m.group()]
    injected = text[: m.start()] + other + text[m.end() :]
    us, gb = (m.group(), other) if variety == "us" else (other, m.group())
    where = family(us, gb, in_a_sense) + (" (quoted)" if _quoted(text, m.start()) else "")
    left = _evidence_left(injected, m.start(), other, variety, pairs)
    return Injection(sid, corpus, half, m.start(), m.group(), other, where, left, text, injected, variety)


_CURRENCY_WORDS = re.compile(
    r"\s*(?:dlrs|dollars?|pounds?|euros?|francs?|yen|marks?|stg|sterling|lire|pesos|rupees|crowns)\b"
)


def inject_number(sid, corpus, half, text, rng) -> Injection | None:
    candidates = list(_GROUPED.finditer(text, _body_start(text)))
    if not candidates:
        return None
    m = rng.choice(candidates)
    figure = m.group()
    dotted = figure.replace(",", ".")
    injected = text[: m.start()] + dotted + text[m.end() :]
    if text[m.start() - 1 : m.start()] in ("$", "£", "€", "¥") or _CURRENCY_WORDS.match(text, m.end()):
        kind = "money"
    elif figure.count(",") > 1:
        kind = "multi-group"
    else:
        kind = "000" if figure.endswith(",000") else "other-group"
    return Injection(sid, corpus, half, m.start(), figure, dotted, kind, "", text, injected)


# --- running newslint -----------------------------------------------------------------------------
def run_newslint(cmd: list[str], args: list[str]) -> str:
    proc = subprocess.run(cmd + args, capture_output=True, text=True)
    if proc.returncode not in (0, 1) and not proc.stdout.strip() and "--fix" not in args:
        sys.exit(f"newslint failed ({proc.returncode}): {proc.stderr[-2000:]}")
    for line in proc.stderr.splitlines():
        if "error" in line:  # a file that could not be fixed stays as it was: counted as not fixed
            print("  newslint:", line, file=sys.stderr)
    return proc.stdout


def reports(cmd: list[str], folder: Path, *extra: str) -> dict[str, list[dict]]:
    out = run_newslint(cmd, ["check", *extra, "--format", "json", "--exit-zero", str(folder)])
    found: dict[str, list[dict]] = defaultdict(list)
    for v in json.loads(out) if out.strip() else []:
        found[Path(v["path"]).stem].append(v)
    return found


def fixed_texts(cmd: list[str], folder: Path, tmp: Path, extra: list[str]) -> dict[str, str]:
    copy = tmp / ("unsafe" if "--unsafe-fixes" in extra else "safe")
    shutil.copytree(folder, copy)
    run_newslint(cmd, ["check", "--fix", *extra, "--exit-zero", str(copy)])
    return {p.stem: p.read_text(encoding="utf-8") for p in copy.iterdir()}


def restored(original: str, fixed: str, start: int, end: int) -> bool:
    """Whether the fixed story equals the original around [start, end) (token diff, on the
    stretch between the texts' common beginning and end)."""
    if original == fixed:
        return True
    head = len(os.path.commonprefix([original, fixed]))
    tail = len(os.path.commonprefix([original[head:][::-1], fixed[head:][::-1]]))
    if end < head or start > len(original) - tail:
        return True
    head = original.rfind(" ", 0, head) + 1  # whole tokens
    return _restored_stretch(
        original[head : len(original) - tail], fixed[head : len(fixed) - tail], start - head, end - head
    )


def _restored_stretch(original: str, fixed: str, start: int, end: int) -> bool:
    a, b = _TOKEN.findall(original), _TOKEN.findall(fixed)
    offsets, at = [], 0
    for token in a:
        offsets.append(at)
        at += len(token)
    offsets.append(at)
    matcher = difflib.SequenceMatcher(None, a, b, autojunk=False)
    for op, i1, i2, _j1, _j2 in matcher.get_opcodes():
        if op != "equal" and offsets[i1] <= end and offsets[i2] >= start:
            return False
    return True


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--kind", choices=("variant", "number"), required=True)
    ap.add_argument("--corpora", type=Path, default=SHARED / "corpora")
    ap.add_argument("--varcon", type=Path, default=SHARED / "data" / "varcon" / "varcon.txt")
    ap.add_argument("--per-half", type=int, default=500, help="injected stories per corpus and half")
    ap.add_argument("--newslint", default=f"{sys.executable} -m newslint")
    ap.add_argument("--half", choices=("tune", "eval", "both"), default="both", help="measure one half only")
    ap.add_argument("--select", help="check with these rules only (faster; the default is every rule)")
    ap.add_argument("--show", type=int, default=0, help="print N misses of the tune half")
    ap.add_argument("--json", type=Path, help="write every injection and its outcome here")
    ap.add_argument("--keep", type=Path, help="write the tune half's injected stories into this folder")
    ap.add_argument(
        "--datelines", action="store_true", help="open each story's body with its dateline, as wire copy does"
    )
    ap.add_argument(
        "--label",
        choices=("spelling", "source"),
        default="spelling",
        help="a story's variety: what its spellings say (a tie: its source's), or its source's alone",
    )
    a = ap.parse_args()
    cmd = shlex.split(a.newslint)
    select = ["--select", a.select] if a.select else []
    pairs = varcon_pairs(a.varcon) if a.kind == "variant" else ({}, set())
    injections: list[Injection] = []
    taken: Counter[tuple[str, str]] = Counter()
    for sid, corpus, half, text in stories(a.corpora, a.datelines):
        if taken[corpus, half] >= a.per_half or a.half not in ("both", half):
            continue
        rng = random.Random(f"{a.kind}:{sid}")
        if a.kind == "variant":
            injection = inject_variant(sid, corpus, half, text, pairs, rng, a.label)
        else:
            injection = inject_number(sid, corpus, half, text, rng)
        if injection:
            injections.append(injection)
            taken[corpus, half] += 1
    with tempfile.TemporaryDirectory() as tmp_name:
        tmp = Path(tmp_name)
        dirty, clean = tmp / "injected", tmp / "clean"
        dirty.mkdir()
        clean.mkdir()
        for inj in injections:
            (dirty / f"{inj.story}.txt").write_text(inj.injected_text, encoding="utf-8")
            (clean / f"{inj.story}.txt").write_text(inj.text, encoding="utf-8")
        if a.keep:
            a.keep.mkdir(parents=True, exist_ok=True)
            for inj in injections:
                if inj.half == "tune":
                    (a.keep / f"{inj.story}.txt").write_text(inj.injected_text, encoding="utf-8")
        found = reports(cmd, dirty, *select)
        safe = fixed_texts(cmd, dirty, tmp, select)
        unsafe = fixed_texts(cmd, dirty, tmp, [*select, "--unsafe-fixes"])
        clean_reports = reports(cmd, clean, "--select", FAMILY[a.kind])
    summarise(a, injections, found, safe, unsafe, clean_reports)


def summarise(a, injections, found, safe, unsafe, clean_reports) -> None:
    rows: dict[tuple[str, str], Counter] = defaultdict(Counter)
    by_kind: dict[tuple[str, str], Counter] = defaultdict(Counter)
    misses, outcomes = [], []
    words = Counter()
    for inj in injections:
        end = inj.start + len(inj.injected)
        hit = any(v["start"]["offset"] < end and v["end"]["offset"] > inj.start for v in found[inj.story])
        orig_end = inj.start + len(inj.original)
        fixed_safe = restored(inj.text, safe[inj.story], inj.start, orig_end)
        fixed_unsafe = restored(inj.text, unsafe[inj.story], inj.start, orig_end)
        for key in ((inj.half, inj.corpus), (inj.half, "all")):
            row = rows[key]
            row["n"] += 1
            row["found"] += hit
            row["safe"] += fixed_safe
            row["unsafe"] += fixed_unsafe
        classes = [inj.kind]
        if inj.evidence:  # variants: the story's variety and the evidence its other spellings leave
            source = "British" if CORPORA[inj.corpus] == "gb" else "American"
            said = "British" if inj.variety == "gb" else "American"
            classes += [
                f"{inj.corpus}, {said}" + (f" (not {source})" if said != source else ""),
                inj.evidence,
            ]
        for name in classes:
            kind = by_kind[inj.half, name]
            kind["n"] += 1
            kind["found"] += hit
            kind["unsafe"] += fixed_unsafe
        words[inj.half, inj.corpus] += len(inj.text.split())
        words[inj.half, "all"] += len(inj.text.split())
        if not hit and inj.half == "tune":
            misses.append(inj)
        outcomes.append(
            {
                "story": inj.story,
                "half": inj.half,
                "original": inj.original,
                "injected": inj.injected,
                "kind": inj.kind,
                "variety": inj.variety,
                "evidence": inj.evidence,
                "found": hit,
                "fixed_safe": fixed_safe,
                "fixed_unsafe": fixed_unsafe,
            }
        )
    alarms = Counter()
    for inj in injections:
        for v in clean_reports.get(inj.story, []):
            alarms[inj.half, inj.corpus, v["code"]] += 1
    family = FAMILY[a.kind]

    def line(half: str, corpus: str) -> str:
        row = rows[half, corpus]
        n = row["n"] or 1
        codes: Counter[str] = Counter()
        for (h, c, code), count in alarms.items():
            if h == half and corpus in (c, "all"):
                codes[code] += count
        per_k = 1000 * sum(codes.values()) / max(words[half, corpus], 1)
        return (
            f"  {corpus:8} {row['n']:5} {row['found'] / n:7.1%} {row['safe'] / n:7.1%} "
            f"{row['unsafe'] / n:8.1%}   {sum(codes.values())} ({per_k:.3f}/1k words) "
            f"{dict(sorted(codes.items()))}"
        )

    header = (
        f"  {'corpus':8} {'n':>5} {'found':>7} {'fixed':>7} {'+unsafe':>8}   "
        f"{family} reports on the uninjected stories"
    )
    print(f"{a.kind}: one injected error per story")
    for half, title in (
        ("eval", "HELD OUT (eval half: odd story ids, never looked at while tuning): the figures to quote"),
        ("tune", "tune half (even story ids: read misses and false alarms here only)"),
    ):
        if not any(h == half for h, _ in rows):
            continue
        print(title)
        print(header)
        for corpus in ("all", *CORPORA):
            if (half, corpus) in rows:
                print(line(half, corpus))
    for half in ("eval", "tune"):
        left = {k: row["n"] - row["found"] for (h, k), row in by_kind.items() if h == half}
        missed = sum(left.get(k, 0) for k in EVIDENCE)
        if missed:
            none = left.get("none", 0)
            shown = [by_kind[half, k] for k in ("majority", "signs")]
            n = sum(row["n"] for row in shown) or 1
            print(
                f"{half}: where the story shows evidence of its variety (a majority of its spellings or "
                "house-style signs): found "
                f"{sum(row['found'] for row in shown) / n:.1%}, fixed +unsafe "
                f"{sum(row['unsafe'] for row in shown) / n:.1%} of {n}"
            )
            print(
                f"{half}: {missed} missed: {none} ({none / missed:.0%}) with nothing else in the story "
                f"to mark its variety ('none': to stay unreported), {left.get('signs', 0)} with "
                f"house-style signs only, {left.get('tie', 0)} tied and {left.get('outvoted', 0)} outvoted "
                f"by the other variety's spellings, {left.get('majority', 0)} with a majority of spellings"
            )
    print("by class, found / fixed with unsafe fixes (held out first):")
    for half in ("eval", "tune"):
        for (h, kind), row in sorted(by_kind.items()):
            if h == half:
                n = row["n"] or 1
                print(f"  {half:6} {kind:30} {row['n']:5} {row['found'] / n:7.1%} {row['unsafe'] / n:7.1%}")
    for inj in sorted(misses, key=lambda inj: inj.evidence == "none")[: a.show]:
        at = inj.start
        context = inj.injected_text[max(0, at - 60) : at + len(inj.injected) + 40].replace("\n", " ")
        print(f"  miss {inj.story} ({inj.evidence}): {inj.original!r} -> {inj.injected!r}: ...{context}...")
    if a.json:
        a.json.write_text(json.dumps(outcomes, indent=1), encoding="utf-8")


if __name__ == "__main__":
    main()
