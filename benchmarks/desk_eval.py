#!/usr/bin/env python3
"""What a desk profile adds on the labelled evaluation set and on held-out injected errors.

    python benchmarks/desk_eval.py [--shared DIR] [--jobs N] [--holdout N] [--skip-eval] [--json OUT]

1. **The dev evaluation set**: learns a profile from the BBC and Reuters corpora
   (`../shared/corpora`) without the evaluation stories (by id, and by text: the corpora hold
   duplicates under other ids; a desk's archive does not hold tomorrow's story), then runs the
   evaluation set's own scorer (`../shared/eval/score.py`) without and with the profile, through a
   small wrapper that passes `--profile` to `check` (score.py copies the stories to a temporary
   directory, where no newslint.toml would be found). score.py counts every report on a clean
   story as a false alarm; the clean stories hold real errors of the published copy too, so the
   clean-story alarms are also given net of the reports read and found to be such errors
   (tests/data/eval_errata.toml, whose entries marked `profile` are reported with it only).
2. **Held out** (`--holdout N`): learns a second profile from the corpus stories with an even
   number (eval stories left out), and injects one error into each of N stories with an odd
   number (seeded by the story's id: repeatable): a one-letter typo of a lowercase word, a
   one-letter variant of a name the story writes twice or more, or a word of the story's
   spelling variety written in the other (the shipped VarCon table). It reports, without and
   with the profile, how many injected errors a report overlaps, and the reports on the same
   stories before injection (false alarms or real errors of the published copy) per 1,000 words.

Nothing is written outside a temporary directory; no corpus text enters the project.
"""

from __future__ import annotations

import argparse
import json
import os
import random
import re
import shutil
import subprocess
import sys
import tempfile
import time
import tomllib
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
NEWSLINT = [sys.executable, "-m", "newslint"]
ERRATA = ROOT / "tests" / "data" / "eval_errata.toml"
CORPORA = ("bbc", "reuters")
_WORD = re.compile(r"(?<![\w'’-])[a-z]{5,}(?![\w'’-])")
_NAME = re.compile(r"(?<![\w'’-])[A-Z][a-z]{4,}(?![\w'’-])")
ALPHABET = "abcdefghijklmnopqrstuvwxyz"


def shared_dir(given: str | None) -> Path:
    for candidate in (given, os.environ.get("NEWSLINT_SHARED"), ROOT.parent / "shared", "/work/shared"):
        if candidate and (Path(candidate) / "corpora").is_dir():
            return Path(candidate)
    sys.exit("no ../shared with corpora/ and eval/ found (give --shared DIR)")


def eval_stories(shared: Path) -> list[dict]:
    with (shared / "eval" / "dev" / "labels.jsonl").open(encoding="utf-8") as fh:
        return [json.loads(line) for line in fh]


def archive_records(shared: Path, leave_out: list[dict], keep=lambda ident: True) -> list[dict]:
    """The corpora's records, the evaluation stories left out by id and by text."""
    ids = {s["file"].removesuffix(".txt") for s in leave_out}
    bodies = {s["original"].split("\n\n", 1)[-1].strip()[:300] for s in leave_out}
    records = []
    for name in CORPORA:
        with (shared / "corpora" / f"{name}.dev.jsonl").open(encoding="utf-8") as fh:
            for line in fh:
                record = json.loads(line)
                if record["id"] in ids or record["body"].strip()[:300] in bodies or not keep(record["id"]):
                    continue
                records.append(record)
    return records


def learn(records: list[dict], work: Path, name: str, jobs: int) -> tuple[Path, dict]:
    corpus = work / f"{name}.jsonl"
    corpus.write_text("".join(json.dumps(r) + "\n" for r in records), encoding="utf-8")
    profile = work / f"{name}.nlprofile"
    started, cpu = time.perf_counter(), _children_cpu()
    proc = subprocess.run(
        [
            *NEWSLINT,
            "learn",
            "--jsonl",
            str(corpus),
            "--headline-field",
            "headline",
            "-o",
            str(profile),
            "--jobs",
            str(jobs),
        ],
        capture_output=True,
        text=True,
    )
    if proc.returncode != 0:
        sys.exit(f"learn failed: {proc.stderr[-2000:]}")
    seconds, cpu_seconds = time.perf_counter() - started, _children_cpu() - cpu
    size = corpus.stat().st_size
    facts = {
        "stories": len(records),
        "mb": round(size / 1e6, 1),
        "wall_s": round(seconds, 1),
        "cpu_s": round(cpu_seconds, 1),
        "mb_per_cpu_s": round(size / 1e6 / cpu_seconds, 2),
        "profile_mb": round(profile.stat().st_size / 1e6, 2),
        "load_ms": _load_ms(profile),
    }
    corpus.unlink()
    return profile, facts


def _children_cpu() -> float:
    usage = os.times()
    return usage.children_user + usage.children_system


def _load_ms(profile: Path) -> float:
    """Median of five loads in a fresh process: reading the file and checking it, then the first
    lookup in each table (what a check pays before its first story)."""
    code = (
        "import sys, time, statistics; from pathlib import Path; from newslint.profile import Profile\n"
        "t = []\n"
        "for _ in range(5):\n"
        "    s = time.perf_counter(); p = Profile.load(Path(sys.argv[1])); p.uses('x')\n"
        "    [table.get('x') for tables in p.sections.values() for table in tables.values()]\n"
        "    t.append(time.perf_counter() - s)\n"
        "print(statistics.median(t))"
    )
    run = [sys.executable, "-c", code, str(profile)]
    out = subprocess.run(run, capture_output=True, text=True, check=True).stdout
    return round(1000 * float(out), 1)


def wrapper(work: Path, profile: Path) -> Path:
    """A command that runs newslint with `--profile` after `check` (score.py adds `check ...`)."""
    script = work / "newslint-with-profile"
    script.write_text(
        f'#!/bin/sh\ncmd="$1"; shift\nexec {sys.executable} -m newslint "$cmd" --profile {profile} "$@"\n'
    )
    script.chmod(0o755)
    return script


def score(shared: Path, command: str, out: Path) -> dict:
    proc = subprocess.run(
        [
            sys.executable,
            str(shared / "eval" / "score.py"),
            str(shared / "eval" / "dev"),
            "--newslint",
            command,
            "--json",
            str(out),
        ],
        capture_output=True,
        text=True,
    )
    if proc.returncode != 0:
        sys.exit(f"score.py failed: {proc.stderr[-2000:]}")
    return json.loads(out.read_text(encoding="utf-8"))


def print_scores(without: dict, with_: dict) -> None:
    print(f"{'category':12} {'n':>4}  {'found':>13}  {'fixed (safe)':>13}  {'fixed (+unsafe)':>15}")
    for category in sorted(without["categories"]):
        a, b = without["categories"][category], with_["categories"][category]
        n = a["n"]
        cells = [f"{a[k] / n:4.0%} -> {b[k] / n:4.0%}" for k in ("found", "safe", "unsafe")]
        print(f"{category:12} {n:4}  {cells[0]:>13}  {cells[1]:>13}  {cells[2]:>15}")
    for key in ("false_alarms_per_1k_words", "clean_story_alarms_per_1k_words"):
        print(f"{key}: {without[key]} -> {with_[key]}")
    print(
        "clean-story alarms by family:",
        without["clean_story_alarms_per_1k_words_by_family"],
        "->",
        with_["clean_story_alarms_per_1k_words_by_family"],
    )
    print(
        "collateral edits per 1k words:",
        without["collateral_edits_per_1k_words"],
        "->",
        with_["collateral_edits_per_1k_words"],
    )


def _region(label: dict) -> tuple[int, int]:
    """Where a report of this label may stand (as score.py places it)."""
    s, e = label["start"], label["end"]
    if label["category"] == "headline":
        return max(0, s - (e - s) - 2), e
    if label["category"] == "repeat":
        return max(0, s - (e - s) - 2), e + (e - s) + 1
    return s, max(e, s + 1)


def gold_verdicts() -> dict[tuple[str, int], str]:
    """(story id, offset) -> 'error' or 'not-error': the real errors of the published copy read
    by hand (tests/data/real_errors.tsv)."""
    verdicts = {}
    with (ROOT / "tests" / "data" / "real_errors.tsv").open(encoding="utf-8") as fh:
        for line in fh:
            if line.startswith("#") or not line.strip():
                continue
            cols = line.rstrip("\n").split("\t")
            verdicts[(cols[1], int(cols[2]))] = cols[5]
    return verdicts


def eval_runs(shared: Path, work: Path, profile: Path) -> tuple[Path, dict[str, dict[str, list[dict]]]]:
    """The evaluation stories (copied) and `check`'s reports on them without and with the profile."""
    stories = work / "eval-stories"
    shutil.copytree(shared / "eval" / "dev" / "stories", stories)
    return stories, {
        label: check_json(stories, prof) for label, prof in (("without", None), ("with", profile))
    }


def errata(with_profile: bool) -> list[dict]:
    """The reports on the evaluation set read one by one and found to be real errors of the
    published copy (tests/data/eval_errata.toml); those marked `profile` only with a profile."""
    entries = tomllib.loads(ERRATA.read_text(encoding="utf-8")).get("errata", [])
    return [e for e in entries if with_profile or not e.get("profile")]


def net_clean_alarms(shared: Path, stories: Path, runs: dict[str, dict[str, list[dict]]]) -> dict:
    """Clean-story alarms per 1,000 words as score.py counts them (every report on a story with
    no injected error), and net of the real errors of the published copy (the errata: each entry
    stands for one report of its file and code whose flagged text holds its word); and the errata
    of each run that it no longer reports (stale)."""
    clean = [s for s in eval_stories(shared) if s["clean"]]
    words = sum(s["words"] for s in clean)
    names = {s["file"] for s in clean}
    out = {}
    for label, found in runs.items():
        entries = [e for e in errata(label == "with") if e["file"] in names]  # the rest: injected stories
        alarms = real = 0
        for story in clean:
            text = (stories / story["file"]).read_text(encoding="utf-8")
            for v in found.get(story["file"], []):
                alarms += 1
                flagged = text[v["start"]["offset"] : v["end"]["offset"]]
                match = next(
                    (
                        e
                        for e in entries
                        if not e.get("_used")
                        and e["file"] == story["file"]
                        and e["code"] == v["code"]
                        and e["word"] in flagged
                    ),
                    None,
                )
                if match is not None:
                    match["_used"] = True
                    real += 1
        out[label] = {
            "alarms_per_1k": round(1000 * alarms / words, 3),
            "real_errors": real,
            "net_per_1k": round(1000 * (alarms - real) / words, 3),
            "stale_errata": [f"{e['file']} {e['code']} {e['word']}" for e in entries if not e.get("_used")],
        }
    return out


def print_net(net: dict) -> None:
    for label in ("without", "with"):
        n = net[label]
        print(
            f"clean-story alarms per 1k words, {label} the profile: {n['alarms_per_1k']}, "
            f"of which {n['real_errors']} reports are real errors of the published copy "
            f"(tests/data/eval_errata.toml): {n['net_per_1k']} net"
            + (f"; errata no longer reported: {n['stale_errata']}" if n["stale_errata"] else "")
        )


def profile_changes(shared: Path, stories: Path, runs: dict[str, dict[str, list[dict]]]) -> list[dict]:
    """The reports outside the evaluation set's labels that the profile adds (+) or takes away
    (-), with the gold set's verdict on the word where it has one: the clean-story alarms the
    profile adds may be real errors of the published copy, which the labels do not know."""
    gold = gold_verdicts()
    changes = []
    for story in eval_stories(shared):
        name = story["file"]
        text = (stories / name).read_text(encoding="utf-8")
        regions = [_region(label) for label in story["labels"]]
        outside = {
            label: {
                (v["code"], v["start"]["offset"], v["end"]["offset"]): v
                for v in runs[label].get(name, [])
                if not any(v["start"]["offset"] < e and v["end"]["offset"] > s for s, e in regions)
            }
            for label in runs
        }
        for key in sorted(outside["with"].keys() ^ outside["without"].keys()):
            code, start, end = key
            v = outside["with"].get(key) or outside["without"][key]
            verdicts = {
                verdict for (ident, at), verdict in gold.items() if ident == name[:-4] and start <= at < end
            }
            changes.append(
                {
                    "change": "+" if key in outside["with"] else "-",
                    "clean": story["clean"],
                    "story": name,
                    "code": code,
                    "word": text[start:end],
                    "gold": "/".join(sorted(verdicts)) or "unjudged",
                    "message": v["message"],
                }
            )
    return changes


def print_changes(changes: list[dict]) -> None:
    print("reports outside the labels that the profile adds (+) or takes away (-):")
    for c in changes:
        story = "clean" if c["clean"] else "dirty"
        said = f"{c['code']} {c['word']!r} [gold: {c['gold']}]: {c['message']}"
        print(f"  {c['change']} {story} {c['story']} {said}")
    added = [c for c in changes if c["change"] == "+" and c["clean"]]
    kinds = Counter(c["gold"] for c in added)
    print(f"clean-story reports the profile adds: {len(added)} ({dict(kinds)} by the gold set's verdict)")


# --- held out: injected errors --------------------------------------------------------------------
def _edit(word: str, rng: random.Random) -> str:
    i = rng.randrange(1, len(word) - 1)  # not the first letter: typists rarely slip there
    kind = rng.choice(("delete", "swap", "replace", "insert"))
    if kind == "delete":
        return word[:i] + word[i + 1 :]
    if kind == "swap":
        return word[:i] + word[i + 1] + word[i] + word[i + 2 :]
    if kind == "replace":
        return word[:i] + rng.choice(ALPHABET.replace(word[i], "")) + word[i + 1 :]
    return word[:i] + rng.choice(ALPHABET) + word[i:]


def inject(text: str, ident: str, variety: str) -> tuple[str, int, int, str, str] | None:
    """(injected text, start, end, category, original word) for one error, or None."""
    from newslint.rules.naming._varieties import variants
    from newslint.rules.typos._words import english

    rng = random.Random(ident)
    body = text.index("\n\n") + 2 if "\n\n" in text else 0
    words = english().words
    kinds = ["typo", "naming", "variant"]
    rng.shuffle(kinds)
    for kind in kinds:
        if kind == "typo":
            found = [m for m in _WORD.finditer(text, body) if m.group() in words]
        elif kind == "naming":
            names = Counter(m.group() for m in _NAME.finditer(text, body))
            found = [
                m
                for m in _NAME.finditer(text, body)
                if names[m.group()] >= 2 and m.group().lower() not in words
            ]
        else:
            table = variants()
            found = [
                m
                for m in _WORD.finditer(text, body)
                if m.group() in table
                and table.get(m.group()).variety == variety
                and table.get(m.group()).kind == "spelling"
            ]
        if not found:
            continue
        m = rng.choice(found)
        original = m.group()
        new = _edit(original, rng) if kind != "variant" else variants().get(original).other
        if new.lower() in words and kind != "variant":
            continue
        return text[: m.start()] + new + text[m.end() :], m.start(), m.start() + len(new), kind, original
    return None


def check_json(directory: Path, profile: Path | None) -> dict[str, list[dict]]:
    args = [*NEWSLINT, "check", "--format", "json", "--exit-zero", str(directory)]
    if profile is not None:
        args += ["--profile", str(profile)]
    proc = subprocess.run(args, capture_output=True, text=True)
    if proc.returncode not in (0, 1):
        sys.exit(f"check failed: {proc.stderr[-2000:]}")
    found: dict[str, list[dict]] = {}
    for v in json.loads(proc.stdout or "[]"):
        found.setdefault(Path(v["path"]).name, []).append(v)
    return found


def holdout(shared: Path, work: Path, n: int, jobs: int) -> dict:
    leave_out = eval_stories(shared)
    even = archive_records(shared, leave_out, lambda ident: int(ident.rsplit("-", 1)[1]) % 2 == 0)
    profile, facts = learn(even, work, "even", jobs)
    odd = archive_records(shared, leave_out, lambda ident: int(ident.rsplit("-", 1)[1]) % 2 == 1)
    random.Random(15).shuffle(odd)
    clean, injected = work / "clean", work / "injected"
    clean.mkdir()
    injected.mkdir()
    labels, words = {}, 0
    for record in odd:
        if len(labels) >= n:
            break
        text = f"{record['headline']}\n\n{record['body']}"
        variety = "gb" if record["id"].startswith("bbc") else "us"
        found = inject(text, record["id"], variety)
        if found is None:
            continue
        changed, start, end, kind, original = found
        name = f"{record['id']}.txt"
        (clean / name).write_text(text, encoding="utf-8")
        (injected / name).write_text(changed, encoding="utf-8")
        labels[name] = (start, end, kind, original)
        words += len(text.split())
    result = {"profile": facts, "stories": len(labels), "words": words}
    for label, prof in (("without", None), ("with", profile)):
        on_injected, on_clean = check_json(injected, prof), check_json(clean, prof)
        hits = Counter()
        for name, (start, end, kind, _) in labels.items():
            if any(
                v["start"]["offset"] < end and v["end"]["offset"] > start for v in on_injected.get(name, [])
            ):
                hits[kind] += 1
        alarms = Counter(
            v["code"][:3] for vs in on_clean.values() for v in vs if v["code"][:3] in ("NL1", "NL2")
        )
        result[label] = {
            "found": dict(hits),
            "reports_on_clean_per_1k": {k: round(1000 * c / words, 3) for k, c in sorted(alarms.items())},
        }
    result["injected"] = dict(Counter(kind for _, _, kind, _ in labels.values()))
    return result


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--shared", help="the shared inputs (default ../shared)")
    ap.add_argument("--jobs", type=int, default=2)
    ap.add_argument("--holdout", type=int, default=0, help="inject errors into this many held-out stories")
    ap.add_argument("--skip-eval", action="store_true", help="only the held-out measurement")
    ap.add_argument("--json", type=Path, help="write the figures here too")
    args = ap.parse_args()
    shared = shared_dir(args.shared)
    figures: dict = {}
    work = Path(tempfile.mkdtemp(prefix="newslint-desk-"))
    try:
        if not args.skip_eval:
            leave_out = eval_stories(shared)
            profile, facts = learn(archive_records(shared, leave_out), work, "desk", args.jobs)
            print("profile of the corpora without the evaluation stories:", facts)
            without = score(shared, " ".join(NEWSLINT), work / "without.json")
            with_ = score(shared, str(wrapper(work, profile)), work / "with.json")
            print_scores(without, with_)
            stories, runs = eval_runs(shared, work, profile)
            changes = profile_changes(shared, stories, runs)
            print_changes(changes)
            net = net_clean_alarms(shared, stories, runs)
            print_net(net)
            figures["eval"] = {
                "profile": facts,
                "without": without,
                "with": with_,
                "changes": changes,
                "clean_story_alarms_net": net,
            }
        if args.holdout:
            figures["holdout"] = result = holdout(shared, work, args.holdout, args.jobs)
            print(
                f"held out: {result['stories']} odd-id stories, one error each {result['injected']}; "
                f"profile of the even-id stories: {result['profile']}"
            )
            for label in ("without", "with"):
                found = {k: f"{result[label]['found'].get(k, 0)}/{n}" for k, n in result["injected"].items()}
                print(
                    f"  {label:8} profile: found {found}; NL1/NL2 reports on the uninjected stories per 1k "
                    f"words: {result[label]['reports_on_clean_per_1k']}"
                )
        if args.json:
            args.json.write_text(json.dumps(figures, indent=2), encoding="utf-8")
    finally:
        shutil.rmtree(work, ignore_errors=True)


if __name__ == "__main__":
    main()
