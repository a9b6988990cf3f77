"""The issues' targets on the labelled evaluation set (`../shared/eval/dev`), measured by its own
scorer (`score.py`), so a change that loses recall or adds false alarms fails CI.

Slow (the scorer runs newslint three times over 600 stories): run by the second CI step. Skipped
when the evaluation set is not beside the checkout.

False alarms: the scorer counts every report that overlaps no injected error, and the untouched
("clean") stories still hold the real errors of the published copy ("governement", a doubled
"and and"). `tests/data/eval_errata.toml` lists the reports that were read one by one and found to
be such real errors (file, code and the flagged text, no story text); the false-alarm targets are
checked net of them, and the list is checked too: an entry newslint no longer reports is stale.
"""

from __future__ import annotations

import importlib.util
import json
import subprocess
import sys
import tomllib
from pathlib import Path

import pytest

from newslint.span import Span
from tests.conftest import ROOT, SHARED, built_once

pytestmark = [pytest.mark.slow, pytest.mark.long]

EVAL = SHARED / "eval"
ERRATA = ROOT / "tests" / "data" / "eval_errata.toml"

# category: (found, fixed with safe fixes, fixed with unsafe fixes too), as fractions.
RECALL_TARGETS = {
    "typo": (0.95, 0.60, 0.85),  # issue 3
    "naming": (0.85, 0.0, 0.75),  # issue 4
    "variant": (0.90, 0.0, 0.85),  # issue 4
    "quotes": (0.90, 0.80, 0.80),  # issue 4
    "headline": (1.0, 0.95, 0.95),  # issue 5
    "whitespace": (0.98, 0.98, 0.98),  # issue 5
    "mojibake": (1.0, 1.0, 1.0),  # issue 5
    "number": (0.95, 0.60, 0.90),  # issue 6
}
# rule family: most false alarms per 1,000 words of the clean stories, net of the errata.
FALSE_ALARM_TARGETS = {"NL1": 0.3, "NL2": 0.2, "NL4": 0.1}
# Safe fixes that change text that was not broken, per 1,000 words, net of the errata.
SAFE_COLLATERAL_TARGET = 0.05


def _score_module():
    spec = importlib.util.spec_from_file_location("newslint_eval_score", EVAL / "score.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


@pytest.fixture(scope="module")
def scorer():
    if not (EVAL / "score.py").is_file() or not (EVAL / "dev" / "labels.jsonl").is_file():
        pytest.skip(f"the evaluation set is not at {EVAL}")
    return _score_module()


@pytest.fixture(scope="module")
def report(scorer, tmp_path_factory) -> dict:
    return built_once(tmp_path_factory, "eval-score", lambda: _scored(tmp_path_factory))


def _scored(tmp_path_factory) -> dict:
    """The scorer's figures (it runs newslint over the set three times, on every core)."""
    out = tmp_path_factory.mktemp("score") / "score.json"
    newslint = f"{sys.executable} -m newslint"
    proc = subprocess.run(
        [
            sys.executable,
            str(EVAL / "score.py"),
            str(EVAL / "dev"),
            "--newslint",
            newslint,
            "--json",
            str(out),
        ],
        capture_output=True,
        text=True,
    )
    assert proc.returncode == 0, proc.stderr[-3000:]
    return json.loads(out.read_text(encoding="utf-8"))


def _errata() -> list[dict]:
    """The errata of a check without a desk profile (those marked `profile` are read by
    benchmarks/desk_eval.py, which checks with one too)."""
    found = tomllib.loads(ERRATA.read_text(encoding="utf-8")).get("errata", []) if ERRATA.is_file() else []
    return [e for e in found if not e.get("profile")]


def _take_erratum(file: str, code: str | None, text: str, errata: list[dict]) -> bool:
    """Match one unused erratum of `file` (and `code`, when given) whose flagged text is in
    `text`; mark it used. Each entry stands for one report."""
    for e in errata:
        if (
            not e.get("_used")
            and e["file"] == file
            and (code is None or e["code"] == code)
            and e["word"] in text
        ):
            e["_used"] = True
            return True
    return False


@pytest.fixture(scope="module")
def stories(scorer) -> list[dict]:
    return scorer.load(EVAL / "dev")


def _newslint(*args: str) -> str:
    proc = subprocess.run([sys.executable, "-m", "newslint", *args], capture_output=True, text=True)
    assert proc.returncode in (0, 1), proc.stderr[-3000:]
    return proc.stdout


@pytest.fixture(scope="module")
def unlabelled_reports(scorer, stories, tmp_path_factory) -> list[dict]:
    """Every report that overlaps no injected error, as the scorer counts them:
    {file, clean, code, text}."""
    return built_once(tmp_path_factory, "eval-unlabelled", lambda: _unlabelled(scorer, stories))


def _unlabelled(scorer, stories: list[dict]) -> list[dict]:
    by_name = {s["file"]: s for s in stories}
    out = []
    for v in json.loads(_newslint("check", "--format", "json", "--exit-zero", str(EVAL / "dev" / "stories"))):
        story = by_name[Path(v["path"]).name]
        start, end = v["start"]["offset"], v["end"]["offset"]
        if any(start < scorer.region(lab)[1] and end > scorer.region(lab)[0] for lab in story["labels"]):
            continue
        text = (EVAL / "dev" / "stories" / story["file"]).read_text(encoding="utf-8")[start:end]
        out.append({"file": story["file"], "clean": story["clean"], "code": v["code"], "text": text})
    return out


@pytest.fixture(scope="module")
def safe_fixed(stories, tmp_path_factory) -> dict[str, str]:
    """Each story as `--fix` leaves it."""
    return built_once(tmp_path_factory, "eval-safe-fixed", lambda: _fixed(stories, tmp_path_factory))


def _fixed(stories: list[dict], tmp_path_factory) -> dict[str, str]:
    work = tmp_path_factory.mktemp("fixed")
    for story in stories:
        (work / story["file"]).write_bytes((EVAL / "dev" / "stories" / story["file"]).read_bytes())
    _newslint("check", "--fix", "--exit-zero", "--quiet", str(work))
    return {story["file"]: (work / story["file"]).read_text(encoding="utf-8") for story in stories}


def _changes(scorer, story: dict, fixed: str) -> tuple[list[tuple[int, int, str, str]], set[int]]:
    """The changes outside the injected errors, and the indexes of the labels a change touched
    (as score.py aligns them)."""
    spans = scorer.to_original(story["labels"])
    outside, touched = [], set()
    for change in scorer.diff_regions(story["original"], fixed):
        hit = {k for k, (o_start, o_end) in enumerate(spans) if change[0] <= o_end and change[1] >= o_start}
        touched |= hit
        if not hit:
            outside.append(change)
    return outside, touched


@pytest.fixture(scope="module")
def safe_collateral(scorer, stories, safe_fixed) -> list[dict]:
    """Every change `--fix` makes outside the injected errors: {file, before, after}."""
    return [
        {"file": story["file"], "before": before, "after": after}
        for story in stories
        for _, _, before, after in _changes(scorer, story, safe_fixed[story["file"]])[0]
    ]


@pytest.mark.parametrize("category", sorted(RECALL_TARGETS))
def test_recall_and_fix_targets(report, category):
    found, safe, unsafe = RECALL_TARGETS[category]
    counts = report["categories"][category]
    n = counts["n"]
    assert counts["found"] / n >= found, f"{category}: found {counts['found']}/{n}"
    assert counts["safe"] / n >= safe, f"{category}: fixed with safe fixes {counts['safe']}/{n}"
    assert counts["unsafe"] / n >= unsafe, f"{category}: fixed with unsafe fixes {counts['unsafe']}/{n}"


@pytest.mark.parametrize("family", sorted(FALSE_ALARM_TARGETS))
def test_false_alarms_on_clean_stories(stories, unlabelled_reports, family):
    errata = _errata()
    clean_words = sum(s["words"] for s in stories if s["clean"])
    false = [
        r
        for r in unlabelled_reports
        if r["clean"]
        and r["code"].startswith(family)
        and not _take_erratum(r["file"], r["code"], r["text"], errata)
    ]
    rate = 1000 * len(false) / clean_words
    assert rate <= FALSE_ALARM_TARGETS[family], (
        f"{family}: {rate:.3f} false alarms per 1,000 words: "
        + "; ".join(f"{r['file']} {r['code']} {r['text'][:40]!r}" for r in false)
    )


def test_safe_fixes_leave_unbroken_text_alone(stories, safe_collateral):
    errata = _errata()
    words = sum(s["words"] for s in stories)
    damage = [c for c in safe_collateral if not _take_erratum(c["file"], None, c["before"], errata)]
    rate = 1000 * len(damage) / words
    assert rate <= SAFE_COLLATERAL_TARGET, f"{rate:.3f} collateral safe edits per 1,000 words: " + "; ".join(
        f"{c['file']} {c['before'][:40]!r} -> {c['after'][:40]!r}" for c in damage
    )


def test_doubled_words_outside_quotations_are_fixed(scorer, stories, safe_fixed, report):
    """Issue 3: repeats found >= 95%, fixed by safe fixes >= 90%. A doubled word inside a direct
    quotation is reported and never edited (words in quotations are the speaker's), so the
    fix target is measured on the repeats outside quotations."""
    from newslint import segment

    counts = report["categories"]["repeat"]
    assert counts["found"] / counts["n"] >= 0.95, counts
    outside = fixed = 0
    for story in stories:
        repeats = [k for k, lab in enumerate(story["labels"]) if lab["category"] == "repeat"]
        if not repeats:
            continue
        doc = segment.parse((EVAL / "dev" / "stories" / story["file"]).read_text(encoding="utf-8"))
        touched = _changes(scorer, story, safe_fixed[story["file"]])[1]
        for k in repeats:
            lab = story["labels"][k]
            if not doc.is_quoted(Span(lab["start"], lab["end"])):
                outside += 1
                fixed += k not in touched
    assert outside and fixed / outside >= 0.90, f"{fixed} of {outside} doubled words outside quotations fixed"


def test_errata_entries_are_still_reported(unlabelled_reports):
    """An erratum newslint no longer reports has lost a true report, or is stale: look at it."""
    errata = _errata()
    for r in unlabelled_reports:
        _take_erratum(r["file"], r["code"], r["text"], errata)
    assert not [e for e in errata if not e.get("_used")]
