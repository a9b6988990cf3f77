"""Build rules/naming/data/varieties.tsv from VarCon (../shared/data/varcon/varcon.txt).

Each output line: `american<TAB>british<TAB>kind`, kind `spelling` (centre/center, behaviour/
behavior: the variety is plain) or `ize` (organise/organize: Oxford British writes -ize too, so
only a story that uses both forms is inconsistent). Left out, because one spelling is a different
word or the choice depends on the sense or the part of speech: lines with sense or POS notes, the
known asymmetric pairs (program, license, practice, story, tire, check, draft, disk, curb, ...),
and variants that dictionaries call rare.
"""
from __future__ import annotations

import argparse
import shutil
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
OUT = ROOT / "rules" / "naming" / "data"
ASYMMETRIC = {
    "program", "programs", "license", "licensed", "licenses", "licensing", "practice", "practiced", "practices",
    "practicing", "story", "stories", "tire", "tires", "tired", "check", "checks", "checked", "draft", "drafts",
    "disk", "disks", "curb", "curbs", "ton", "tons", "gray", "plow", "mold", "molds", "annex",
    "analog", "dialog", "catalog", "jewelry", "mustache", "pajamas", "toward", "afterward", "gotten", "install",
    "enroll", "fulfill", "skillful", "willful", "judgment", "acknowledgment", "aging", "focused", "benefited",
}


def parse_line(line: str) -> dict[str, list[str]]:
    forms: dict[str, list[str]] = {}
    for part in line.split(" / "):
        tags, _, word = part.partition(": ")
        forms[word.strip()] = tags.split()
    return forms


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--shared", type=Path, default=ROOT.parent / "shared")
    args = ap.parse_args()
    source = args.shared / "data" / "varcon"
    rows = set()
    for raw in (source / "varcon.txt").read_text(encoding="latin-1").splitlines():
        if not raw or raw.startswith("#") or "|" in raw:
            continue
        forms = parse_line(raw)
        american = [w for w, tags in forms.items() if "A" in tags]
        british = [w for w, tags in forms.items() if "B" in tags]
        if len(american) != 1 or len(british) != 1 or american == british:
            continue
        us, gb = american[0], british[0]
        if not us.isalpha() and "'" not in us or us.lower() in ASYMMETRIC or gb.lower() in ASYMMETRIC:
            continue
        if any(t in ("Av", "AV", "A-") for t in forms[gb]) or any(t in ("Bv", "BV", "B-") for t in forms[us]):
            continue  # each spelling is also used in the other variety
        kind = "ize" if "Z" in forms[us] else "spelling"
        rows.add(f"{us}\t{gb}\t{kind}")
    OUT.mkdir(parents=True, exist_ok=True)
    (OUT / "varieties.tsv").write_text("\n".join(sorted(rows)) + "\n", encoding="utf-8")
    shutil.copy(source / "README.varcon", OUT / "VARCON-README")
    (OUT / "VARCON-README").chmod(0o644)
    print(f"{len(rows)} pairs")


if __name__ == "__main__":
    main()
