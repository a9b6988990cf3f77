"""Build the typo rules' shipped data from the inputs in ../shared/data (run once; output is committed).

    python scripts/build_typo_data.py [--shared ../shared] [--frequencies en.json.gz] [--check]

`--check` rebuilds into a temporary folder and compares with the shipped files, byte for byte;
BUILD-MANIFEST.toml records every input (with its sha256) and output. The frequency list is
pyspellchecker's, at the version the `test` extra pins (pyspellchecker==0.9.1).

Writes rules/typos/data/:
- words.txt          lowercase English word forms (SCOWL size 70, American + British + Canadian,
                     plus the newsroom lexicon), most frequent first: the order is the frequency rank
                     used to rank suggestions (frequencies from pyspellchecker's English list, MIT).
- words-index.tsv    the same words sorted, each with its rank (`word<TAB>rank`): looked up by binary
                     search, so that checking one story builds no set of every word.
- accented-words.txt the words of words.txt with a letter outside ASCII (café), sorted.
                     That list is American: a British or Canadian spelling (metres, organisation)
                     takes the frequency of its VarCon variants, so it ranks beside them, not last.
- names.txt          capitalised SCOWL entries (proper nouns: places, nationalities, common names).
- rare-words.txt     the further words of SCOWL size 80 (American + British): accepted, never suggested.
- misspellings.tsv   Wikipedia's common misspellings (CC BY-SA 3.0), without entries that are real
                     words; several corrections are kept comma-separated (ambiguous: never auto-fixed).
                     Its capitalised entries (Britian, Malcom) are kept under their lowercase form
                     with their capitalised correction, unless the lowercase form is a listed word
                     or name.
- listed-misspellings.tsv  the entries of the same list that the word lists hold too (payed, heros,
                     thru): a rule weighs how common each is before it calls one a misspelling.
- SCOWL-COPYRIGHT, VARCON-README, MISSPELLINGS-LICENSE: the inputs' notices (FREQUENCIES-LICENSE,
                     pyspellchecker's, is kept by hand).
- BUILD-MANIFEST.toml the inputs and outputs, with their sha256.
"""

from __future__ import annotations

import gzip
import json
import sys
from pathlib import Path

from _data_build import (  # scripts/ is on sys.path
    Input,
    arguments,
    copy_notice,
    package_input,
    run,
    write_manifest,
)

ROOT = Path(__file__).resolve().parent.parent
OUT = ROOT / "rules" / "typos" / "data"
LISTS = ("american-english-large", "british-english-large", "canadian-english-large")
RARE_LISTS = ("american-english-huge", "british-english-huge")


def word_forms(scowl: Path, lists: tuple[str, ...] = LISTS) -> set[str]:
    words: set[str] = set()
    for name in lists:
        for line in (scowl / name).read_text(encoding="utf-8").splitlines():
            w = line.strip()
            if w and w.islower() and w.replace("'", "").replace("-", "").isalpha():
                words.add(w)
    return words


LEXICON = OUT.parent / "lexicon.txt"


def lexicon() -> set[str]:
    text = LEXICON.read_text(encoding="utf-8")
    return {w.strip().lower() for w in text.splitlines() if w.strip() and not w.startswith("#")}


def frequency_list(path: Path | None) -> Input:
    """The word-frequency list: `path`, or the one the installed pyspellchecker ships."""
    what = "English word frequencies (MIT)"
    return package_input(path, "pyspellchecker", "spellchecker", "resources/en.json.gz", what)


def frequencies(path: Path) -> dict[str, int]:
    with gzip.open(path, "rt", encoding="utf-8") as fh:
        return json.load(fh)


def is_word(correction: str, known: set[str]) -> bool:
    """A correction the word lists know, word by word: the Wikipedia list has a few cut or wrong
    ones ("renedered" -> "rende", "fontrier" -> "fontier") that must never become fixes."""
    parts = correction.replace("-", " ").split()
    return bool(parts) and all(
        p.lower() in known or p.lower().replace("'", "") in known or p[:1].isdigit() for p in parts
    )


def capitalised_misspelling(wrong: str, known: set[str], names: set[str]) -> bool:
    """A capitalised entry of the list (Britian, Malcom, Sacremento) that is no listed name nor,
    in lowercase, a listed word: kept under its lowercase form, its correction capitalised."""
    return (
        wrong.isalpha()
        and wrong[:1].isupper()
        and wrong[1:].islower()
        and wrong not in names
        and wrong.lower() not in known
    )


def shared_variant_frequencies(freq: dict[str, int], varcon: Path) -> dict[str, int]:
    """`freq` with every spelling on a VarCon line raised to the line's highest frequency:
    metres counts as often as meters, organisations as organizations."""
    from build_variety_data import parse_line  # this folder is on sys.path when run as a script

    shared = dict(freq)
    for raw in varcon.read_text(encoding="latin-1").splitlines():
        if not raw or raw.startswith("#"):
            continue
        forms = [word.lower() for word, _tags in parse_line(raw)[0]]
        top = max(freq.get(w, 0) for w in forms)
        for w in forms:
            shared[w] = max(shared.get(w, 0), top)
    return shared


def inputs(data: Path, frequency: Input) -> list[Input]:
    scowl = "SCOWL word lists as packaged by Debian (scowl-5; see COPYRIGHT)"
    return [
        *(
            Input(f"scowl/{name}", data / "scowl" / name, scowl)
            for name in LISTS + RARE_LISTS + ("COPYRIGHT",)
        ),
        Input("varcon/varcon.txt", data / "varcon" / "varcon.txt", "VarCon 2020.12.07"),
        Input("varcon/README.varcon", data / "varcon" / "README.varcon", "VarCon 2020.12.07"),
        Input(
            "misspellings/wikipedia_common_misspellings.tsv",
            data / "misspellings" / "wikipedia_common_misspellings.tsv",
            "Wikipedia's Lists of common misspellings/For machines, 4,273 pairs (CC BY-SA 3.0)",
        ),
        Input("misspellings/README.md", data / "misspellings" / "README.md", "its licence note"),
        Input("rules/typos/lexicon.txt", LEXICON, "this repository's newsroom lexicon"),
        frequency,
    ]


def build(data: Path, frequency: Input, out: Path) -> list[str]:
    """Write the data into `out`; returns the names of the files written."""
    words = word_forms(data / "scowl") | lexicon()
    freq = shared_variant_frequencies(frequencies(frequency.file), data / "varcon" / "varcon.txt")
    ordered = sorted(words, key=lambda w: (-freq.get(w, 0), w))
    (out / "words.txt").write_text("\n".join(ordered), encoding="utf-8")
    index = sorted(zip(ordered, range(len(ordered)), strict=True))
    (out / "words-index.tsv").write_text("".join(f"{w}\t{rank}\n" for w, rank in index), encoding="utf-8")
    (out / "accented-words.txt").write_text(
        "\n".join(w for w, _ in index if not w.isascii()), encoding="utf-8"
    )
    names = sorted(
        {
            w.strip()
            for name in LISTS
            for w in (data / "scowl" / name).read_text(encoding="utf-8").splitlines()
            if w.strip()[:1].isupper() and w.strip()[1:].islower() and w.strip().isalpha()
        }
    )
    (out / "names.txt").write_text("\n".join(names), encoding="utf-8")
    rare = sorted(word_forms(data / "scowl", RARE_LISTS) - words)
    (out / "rare-words.txt").write_text("\n".join(rare), encoding="utf-8")
    rows, listed, capitalised = [], [], []
    known = words | set(rare) | {n.lower() for n in names}
    for line in (
        (data / "misspellings" / "wikipedia_common_misspellings.tsv")
        .read_text(encoding="utf-8")
        .splitlines()[1:]
    ):
        wrong, _, right = line.partition("\t")
        wrong = wrong.strip()
        right = ",".join(c for c in (c.strip() for c in right.split(",")) if is_word(c, known))
        if wrong and right and wrong.lower() not in words and wrong.islower():
            rows.append(f"{wrong}\t{right}")
        elif wrong and right and wrong in words and wrong.islower():
            listed.append(f"{wrong}\t{right}")
        elif right and capitalised_misspelling(wrong, known, set(names)):
            capitalised.append((wrong.lower(), right))
    keys = {row.partition("\t")[0] for row in rows}
    rows += [f"{wrong}\t{right}" for wrong, right in capitalised if wrong not in keys]
    (out / "misspellings.tsv").write_text("\n".join(sorted(set(rows))) + "\n", encoding="utf-8")
    (out / "listed-misspellings.tsv").write_text("\n".join(sorted(set(listed))) + "\n", encoding="utf-8")
    copy_notice(data / "scowl" / "COPYRIGHT", out / "SCOWL-COPYRIGHT")
    copy_notice(data / "varcon" / "README.varcon", out / "VARCON-README")
    copy_notice(data / "misspellings" / "README.md", out / "MISSPELLINGS-LICENSE")
    written = [
        "words.txt",
        "words-index.tsv",
        "accented-words.txt",
        "names.txt",
        "rare-words.txt",
        "misspellings.tsv",
        "listed-misspellings.tsv",
    ]
    written += ["SCOWL-COPYRIGHT", "VARCON-README", "MISSPELLINGS-LICENSE"]
    write_manifest(out, "scripts/build_typo_data.py", inputs(data, frequency), written)
    print(f"{len(ordered)} words, {len(rows)} misspellings")
    return [*written, "BUILD-MANIFEST.toml"]


def main() -> int:
    ap = arguments(__doc__.splitlines()[0])
    ap.add_argument("--frequencies", type=Path, help="a word-frequency list (default: pyspellchecker's)")
    args = ap.parse_args()
    frequency = frequency_list(args.frequencies)
    return run(lambda out: build(args.shared / "data", frequency, out), OUT, args.check, args.shared)


if __name__ == "__main__":
    sys.exit(main())
