"""Build rules/naming/data/varieties.tsv from VarCon (../shared/data/varcon/varcon.txt).

Each output line: `word<TAB>variety<TAB>other<TAB>kind`. The word is written only in that variety
(us or gb) in every sense VarCon lists for it, and `other` is its spelling in the other variety.
VarCon's tags decide: a spelling counts as used in a variety when it carries the variety's tag plain,
equal (`.`) or as a variant (`v`); seldom used (`V`), possible (`-`) and improper (`x`) variants do
not count. So `programme` marks British copy but `program` marks nothing (British writes it for
software), `licence` and `practise` mark British but `license` and `practice` mark nothing (British
verb and noun), and `centre` / `center` each mark their own variety.

Lines with a sense note (`| street edge`) only list the sense where the spellings differ; the
American form is often the ordinary word in its other senses (curb, check, draft, tire, story), so
such lines give British markers only.

Kinds: `spelling` (centre/center), `ise` (organise: British -ise spelling, whose American form is
also Oxford British) and `ize` (organize: American and Oxford British; only inconsistent in a story
that also writes -ise).
"""
from __future__ import annotations

import argparse
import shutil
from collections import defaultdict
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
OUT = ROOT / "rules" / "naming" / "data"
COUNTS = ("", ".", "v")
MAIN = ("", ".")
# Pairs VarCon splits by variety that say nothing about a story's variety: both forms are common in
# American copy (judgement, flyer), one is a misspelling or a different word (liquified, prev/perv,
# macintosh, colorectal/colourectal), or the technical term keeps one form (multiplexor, useable).
NOT_MARKERS = frozenset({"judgement", "judgment", "flyer", "flier", "liquified", "liquefied", "prev", "perv",
                         "macintosh", "mackintosh", "colorectal", "colourectal", "multiplexor", "multiplexer",
                         "useable", "usable"})


def parse_line(line: str) -> tuple[list[tuple[str, list[str]]], str]:
    body, _, note = line.partition("|")
    forms = []
    for part in body.split(" / "):
        tags, _, word = part.partition(": ")
        forms.append((word.strip(), tags.split()))
    return forms, note.strip()


def used_in(tags: list[str], letters: str, mods=COUNTS) -> bool:
    return any(t[0] in letters and t[1:] in mods for t in tags)


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--shared", type=Path, default=Path("/work/shared") if not (ROOT.parent / "shared").exists() else ROOT.parent / "shared")
    args = ap.parse_args()
    source = args.shared / "data" / "varcon"
    uses: dict[str, set[str]] = defaultdict(set)
    oxford: set[str] = set()
    noted: set[str] = set()
    other: dict[tuple[str, str], set[str]] = defaultdict(set)
    for raw in (source / "varcon.txt").read_text(encoding="latin-1").splitlines():
        if not raw or raw.startswith("#"):
            continue
        forms, note = parse_line(raw)
        main_form = {v: [w for w, t in forms if used_in(t, letters, MAIN)] for v, letters in (("us", "A"), ("gb", "B"))}
        for word, tags in forms:
            if used_in(tags, "A"):
                uses[word].add("us")
            if used_in(tags, "BZ"):
                uses[word].add("gb")
            if used_in(tags, "Z") and not used_in(tags, "B"):
                oxford.add(word)
            if note:
                noted.add(word)
            for v in ("us", "gb"):
                if len(main_form[v]) == 1 and main_form[v][0] != word:
                    other[(word, v)].add(main_form[v][0])
    rows = []
    for word, varieties in uses.items():
        if not word.islower() or not word.replace("'", "").isalpha() or word.split("'")[0].rstrip("s") in NOT_MARKERS:
            continue
        if varieties == {"us", "gb"} and word in oxford and "us" in varieties:
            variety, kind = "us", "ize"  # organize: American, and Oxford British
        elif len(varieties) == 1:
            variety = next(iter(varieties))
            kind = "spelling"
        else:
            continue
        if variety == "us" and word in noted:
            continue
        target = "gb" if variety == "us" else "us"
        candidates = other.get((word, target), set())
        if len(candidates) != 1:
            continue
        replacement = next(iter(candidates))
        if kind == "spelling" and variety == "gb" and replacement in oxford:
            kind = "ise"
        rows.append(f"{word}\t{variety}\t{replacement}\t{kind}")
    OUT.mkdir(parents=True, exist_ok=True)
    (OUT / "varieties.tsv").write_text("\n".join(sorted(rows)) + "\n", encoding="utf-8")
    shutil.copy(source / "README.varcon", OUT / "VARCON-README")
    (OUT / "VARCON-README").chmod(0o644)
    print(f"{len(rows)} spellings")


if __name__ == "__main__":
    main()
