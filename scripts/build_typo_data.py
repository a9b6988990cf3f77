"""Build the typo rules' shipped data from the inputs in ../shared/data (run once; output is committed).

    python scripts/build_typo_data.py [--shared ../shared] [--frequencies en.json.gz]

Writes rules/typos/data/:
- words.txt          lowercase English word forms (SCOWL size 70, American + British + Canadian,
                     plus the newsroom lexicon), most frequent first: the order is the frequency rank
                     used to rank suggestions (frequencies from pyspellchecker's English list, MIT).
                     That list is American: a British or Canadian spelling (metres, organisation)
                     takes the frequency of its VarCon variants, so it ranks beside them, not last.
- names.txt          capitalised SCOWL entries (proper nouns: places, nationalities, common names).
- rare-words.txt     the further words of SCOWL size 80 (American + British): accepted, never suggested.
- misspellings.tsv   Wikipedia's common misspellings (CC BY-SA 3.0), without entries that are real
                     words; several corrections are kept comma-separated (ambiguous: never auto-fixed).
- SCOWL-COPYRIGHT, VARCON-README, MISSPELLINGS-LICENSE, FREQUENCIES-LICENSE: the inputs' notices.
"""

from __future__ import annotations

import argparse
import gzip
import json
import shutil
from pathlib import Path

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


def lexicon() -> set[str]:
    text = (OUT.parent / "lexicon.txt").read_text(encoding="utf-8")
    return {w.strip().lower() for w in text.splitlines() if w.strip() and not w.startswith("#")}


def frequencies(path: Path | None) -> dict[str, int]:
    if path is None:
        import spellchecker  # pyspellchecker, a build-time input only

        path = Path(spellchecker.__file__).parent / "resources" / "en.json.gz"
    with gzip.open(path, "rt", encoding="utf-8") as fh:
        return json.load(fh)


def is_word(correction: str, known: set[str]) -> bool:
    """A correction the word lists know, word by word: the Wikipedia list has a few cut or wrong
    ones ("renedered" -> "rende", "fontrier" -> "fontier") that must never become fixes."""
    parts = correction.replace("-", " ").split()
    return bool(parts) and all(
        p.lower() in known or p.lower().replace("'", "") in known or p[:1].isdigit() for p in parts
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


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--shared", type=Path, default=ROOT.parent / "shared")
    ap.add_argument("--frequencies", type=Path)
    args = ap.parse_args()
    data = args.shared / "data"
    words = word_forms(data / "scowl") | lexicon()
    freq = shared_variant_frequencies(frequencies(args.frequencies), data / "varcon" / "varcon.txt")
    ordered = sorted(words, key=lambda w: (-freq.get(w, 0), w))
    OUT.mkdir(parents=True, exist_ok=True)
    (OUT / "words.txt").write_text("\n".join(ordered), encoding="utf-8")
    names = sorted(
        {
            w.strip()
            for name in LISTS
            for w in (data / "scowl" / name).read_text(encoding="utf-8").splitlines()
            if w.strip()[:1].isupper() and w.strip()[1:].islower() and w.strip().isalpha()
        }
    )
    (OUT / "names.txt").write_text("\n".join(names), encoding="utf-8")
    rare = sorted(word_forms(data / "scowl", RARE_LISTS) - words)
    (OUT / "rare-words.txt").write_text("\n".join(rare), encoding="utf-8")
    rows = []
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
    (OUT / "misspellings.tsv").write_text("\n".join(sorted(set(rows))) + "\n", encoding="utf-8")
    shutil.copy(data / "scowl" / "COPYRIGHT", OUT / "SCOWL-COPYRIGHT")
    shutil.copy(data / "varcon" / "README.varcon", OUT / "VARCON-README")
    shutil.copy(data / "misspellings" / "README.md", OUT / "MISSPELLINGS-LICENSE")
    print(f"{len(ordered)} words, {len(rows)} misspellings")


if __name__ == "__main__":
    main()
