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
such lines give British markers only, and the American past and -ing forms of a verb sense
(practicing, practiced: the noun practice has no such forms).

A second table, `senses.tsv`, keeps what VarCon says sense by sense, for the senses a rule can tell
from simple context (noun, adjective, and curb's "restrain"): `word<TAB>sense<TAB>status<TAB>form`.
Status `us` or `gb`: only that variety writes the word in that sense, and `form` is the other's
spelling (`license` as a noun is American, `licence`). Status `none`: neither variety writes it in
that sense, and `form` is the spelling both write: `practise` as a noun (both write `practice`),
`dependant` as an adjective (`dependent`), `kerb` in the sense "restrain" (`curb`). A word missing
from a sense's lines is `none` there when its American form is on them, used by both varieties.

Kinds: `spelling` (centre/center), `ise` (organise: British -ise spelling, whose American form is
also Oxford British) and `ize` (organize: American and Oxford British; only inconsistent in a story
that also writes -ise).
"""

from __future__ import annotations

import re
import sys
from collections import defaultdict
from pathlib import Path

from _data_build import Input, arguments, copy_notice, run, write_manifest  # scripts/ is on sys.path

ROOT = Path(__file__).resolve().parent.parent
OUT = ROOT / "rules" / "naming" / "data"
COUNTS = ("", ".", "v")
MAIN = ("", ".")
# Pairs VarCon splits by variety that say nothing about a story's variety: both forms are common in
# American copy (judgement, flyer), one is a misspelling or a different word (liquified, prev/perv,
# macintosh, colorectal/colourectal), or the technical term keeps one form (multiplexor, useable).
NOT_MARKERS = frozenset(
    {
        "judgement",
        "judgment",
        "flyer",
        "flier",
        "liquified",
        "liquefied",
        "prev",
        "perv",
        "macintosh",
        "mackintosh",
        "colorectal",
        "colourectal",
        "multiplexor",
        "multiplexer",
        "useable",
        "usable",
    }
)


def parse_line(line: str) -> tuple[list[tuple[str, list[str]]], str]:
    body, _, note = line.partition("|")
    forms = []
    for part in body.split(" / "):
        tags, _, word = part.partition(": ")
        forms.append((word.strip(), tags.split()))
    return forms, note.strip()


def used_in(tags: list[str], letters: str, mods=COUNTS) -> bool:
    return any(t[0] in letters and t[1:] in mods for t in tags)


# The senses a rule tells from the words around (a verb it cannot: "to practice" is a verb or a
# noun); VarCon's other notes (bank, ship, digit zero...) it cannot. "street edge" is kept for its
# words, missing from the sense "restrain".
SENSES = ("<N>", "<Adj>", "restrain", "street edge", "<N> writing")


def sense_of(note: str) -> str | None:
    """VarCon's note without its comment, if it is a supported sense. A note with a column group
    (`:3`) pairs forms that are different words (caulk / caulking): left out."""
    note = re.sub(r"#.*", "", note).strip()
    return note if note in SENSES else None


def clusters(lines: list[str]) -> list[list[tuple[list[tuple[str, list[str]]], str]]]:
    """VarCon's lines grouped under their `# headword` lines, parsed."""
    groups: list[list[tuple[list[tuple[str, list[str]]], str]]] = []
    for raw in lines:
        if raw.startswith("# "):
            groups.append([])
        elif raw and not raw.startswith("#") and groups:
            groups[-1].append(parse_line(raw))
    return groups


def sense_status(tags: list[str]) -> str:
    us, gb = used_in(tags, "A"), used_in(tags, "BZ")
    if us and gb:
        return "both"
    if us or gb:
        return "us" if us else "gb"
    # written by neither: wrong in this sense unless British lists it at all (a seldom-used variant)
    return "none" if not any(t[0] in "BZ" for t in tags) else "rare"


def sense_rows(groups) -> list[str]:
    """One row per word and supported sense in which it marks a variety or is wrong in both."""
    rows: dict[tuple[str, str], str] = {}
    for group in groups:
        by_sense: dict[str, dict[str, tuple[str, str]]] = defaultdict(dict)  # sense -> word -> (status, form)
        american: dict[str, str] = {}  # word -> its American main form on its line
        for forms, note in group:
            sense = sense_of(note)
            us_main = next((w for w, t in forms if used_in(t, "A", MAIN)), None)
            gb_main = next((w for w, t in forms if used_in(t, "BZ", MAIN)), None)
            for word, tags in forms:
                if us_main and us_main != word and (sense is not None or not any(t[0] == "A" for t in tags)):
                    # also from a line of a sense left out, where American never writes the word:
                    # draught is draft in "current of air", so the noun draught (writing) is wrong
                    american[word] = us_main
                if sense is not None:
                    status = sense_status(tags)
                    form = {"us": gb_main, "gb": us_main, "none": us_main}.get(status)
                    by_sense[sense][word] = (status, form or "-")
        for sense, words in by_sense.items():
            for word, us_form in american.items():
                if word not in words and words.get(us_form, ("",))[0] == "both":
                    words[word] = ("none", us_form)  # kerb in the sense "restrain": both write curb
            for word, (status, form) in words.items():
                if (
                    status in ("us", "gb", "none")
                    and form != "-"
                    and word.islower()
                    and word not in NOT_MARKERS
                ):
                    rows[(word, sense)] = f"{word}\t{sense}\t{status}\t{form}"
    return sorted(rows.values())


def _verb_inflection(word: str, notes: set[str]) -> bool:
    """A past or -ing form listed for the verb sense alone (`practicing`, `raveled`): the word's
    other senses (a noun: practice) have no such form, so it marks American copy in any sense."""
    return notes == {"<V>"} and word.endswith(("ed", "ing"))


def build(source: Path, out: Path) -> list[str]:
    """Write the tables into `out` from VarCon in `source`; returns the names of the files written."""
    uses: dict[str, set[str]] = defaultdict(set)
    oxford: set[str] = set()
    noted: dict[str, set[str]] = defaultdict(set)  # word -> the notes of its lines
    other: dict[tuple[str, str], set[str]] = defaultdict(set)
    lines = (source / "varcon.txt").read_text(encoding="latin-1").splitlines()
    for raw in lines:
        if not raw or raw.startswith("#"):
            continue
        forms, note = parse_line(raw)
        main_form = {
            v: [w for w, t in forms if used_in(t, letters, MAIN)] for v, letters in (("us", "A"), ("gb", "B"))
        }
        for word, tags in forms:
            if used_in(tags, "A"):
                uses[word].add("us")
            if used_in(tags, "BZ"):
                uses[word].add("gb")
            if used_in(tags, "Z") and not used_in(tags, "B"):
                oxford.add(word)
            if note:
                noted[word].add(note)
            for v in ("us", "gb"):
                if len(main_form[v]) == 1 and main_form[v][0] != word:
                    other[(word, v)].add(main_form[v][0])
    rows = []
    for word, varieties in uses.items():
        if (
            not word.islower()
            or not word.replace("'", "").isalpha()
            or word.split("'")[0].rstrip("s") in NOT_MARKERS
        ):
            continue
        if varieties == {"us", "gb"} and word in oxford and "us" in varieties:
            variety, kind = "us", "ize"  # organize: American, and Oxford British
        elif len(varieties) == 1:
            variety = next(iter(varieties))
            kind = "spelling"
        else:
            continue
        if variety == "us" and word in noted and not _verb_inflection(word, noted[word]):
            continue
        target = "gb" if variety == "us" else "us"
        candidates = other.get((word, target), set())
        if len(candidates) != 1:
            continue
        replacement = next(iter(candidates))
        if kind == "spelling" and variety == "gb" and replacement in oxford:
            kind = "ise"
        rows.append(f"{word}\t{variety}\t{replacement}\t{kind}")
    (out / "varieties.tsv").write_text("\n".join(sorted(rows)) + "\n", encoding="utf-8")
    senses = sense_rows(clusters(lines))
    (out / "senses.tsv").write_text("\n".join(senses) + "\n", encoding="utf-8")
    copy_notice(source / "README.varcon", out / "VARCON-README")
    written = ["varieties.tsv", "senses.tsv", "VARCON-README"]
    read = [
        Input(f"varcon/{name}", source / name, "VarCon 2020.12.07")
        for name in ("varcon.txt", "README.varcon")
    ]
    write_manifest(out, "scripts/build_variety_data.py", read, written)
    print(f"{len(rows)} spellings, {len(senses)} sense rows")
    return [*written, "BUILD-MANIFEST.toml"]


def main() -> int:
    args = arguments(__doc__.splitlines()[0]).parse_args()
    return run(lambda out: build(args.shared / "data" / "varcon", out), OUT, args.check, args.shared)


if __name__ == "__main__":
    sys.exit(main())
