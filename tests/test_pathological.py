"""Slow: the bounds of issue 16 on hostile input (docs/reliability.md lists every case measured).

- Any 1 MB input of the shapes the issue names (one word, no spaces, punctuation only, one line,
  a pasted hash, base64 block or URL) is checked and fixed, without a hang or a traceback, in
  200 MB.
- Every shape of tests/pathological.py costs time in proportion to its size (in process, CPU time
  a fix pass of 400 KB against 100 KB), so nothing grows with the square of a word, a run or a line.
- A big file of different stories (5 MB of the dev corpora) costs at most about twice what its
  stories cost one by one (issue 19), so no rule walks the whole file for each candidate.
The CPU-time budgets (5 s for 1 MB, 60 s for 20 MB) and the 20 MB runs (1 GB of memory, minutes
each: too long for CI's budget) are held by benchmarks/hostile_input.py, not here: a time budget
depends on the machine and its load, a test must not. `speed_factor` (a fixed
pure-Python loop timed now against the same loop then) scales them there. The child's peak
memory and CPU time come from `os.wait4`.
"""

from __future__ import annotations

import contextlib
import gc
import json
import random
import sys
import time
from pathlib import Path
from unittest import mock

import pytest

sys.path.insert(0, str(Path(__file__).parent))
from pathological import CASES, measure  # noqa: E402

from newslint.config import Settings  # noqa: E402
from newslint.fix import FixError  # noqa: E402
from newslint.lint import Linter  # noqa: E402
from newslint.violation import Violation  # noqa: E402
from tests.conftest import SHARED  # noqa: E402

pytestmark = pytest.mark.slow

# The shapes the issue names: "any 1 MB input (no spaces, one word, only punctuation, one line)",
# and the pasted blobs that must cost linear time.
ISSUE_SHAPES = [
    "one-word",
    "one-word-in-story",
    "one-capitalised-word",
    "one-upper-word",
    "one-word-apostrophes",
    "hyphen-chain",
    "unclosed-tag",
    "no-spaces-mixed",
    "no-spaces-letters-punct",
    "punctuation-only",
    "dots",
    "hyphens",
    "straight-quotes",
    "apostrophes",
    "markdown-backticks",
    "markdown-brackets",
    "one-line-prose",
    "hex-hashes",
    "base64",
    "url",
    "newlines",
    "spaces",
    "combining",
]
ONE_MB, CPU_1MB, MEMORY_1MB = 1_000_000, 5.0, 200
TWENTY_MB, CPU_20MB, MEMORY_20MB = 20_000_000, 60.0, 1000

# `calibration()` on the machine the bounds were set on (docs/reliability.md: the shared 2-core
# AMD EPYC VM of the team, at a load average of about 10), in CPU seconds.
REFERENCE_CALIBRATION = 1.35


def calibration() -> float:
    """CPU seconds of a fixed pure-Python loop (dict stores and str formatting, as checking is)."""
    start = time.process_time()
    table: dict[int, str] = {}
    for i in range(3_000_000):
        table[i % 1000] = str(i)
    return time.process_time() - start


_FACTOR: list[float] = []


def speed_factor() -> float:
    """How much slower this machine is now than the reference, never below 1."""
    if not _FACTOR:
        _FACTOR.append(max(1.0, min(calibration() for _ in range(3)) / REFERENCE_CALIBRATION))
    return _FACTOR[0]


def _check(tmp_path: Path, text: str, max_size: int, timeout: float, fix: bool = True):
    (tmp_path / "newslint.toml").write_text(f"max-file-size = {max_size}\n")
    (tmp_path / "story.txt").write_text(text, encoding="utf-8")
    fixing = ["--fix", "--unsafe-fixes"] if fix else []
    m = measure(["check", *fixing, "--quiet", "story.txt"], tmp_path, timeout=timeout, memory_mb=4000)
    assert not m.timed_out, f"hung: killed after {timeout:.0f} s"
    assert m.code in (0, 1), m.stderr.decode(errors="replace")
    assert b"Traceback" not in m.stderr and b"internal error" not in m.stderr
    return m


@pytest.mark.parametrize("case", ISSUE_SHAPES)
def test_one_megabyte_is_checked_and_fixed_within_bounds(tmp_path, case):
    m = _check(tmp_path, CASES[case][1](ONE_MB), 10 << 20, timeout=300)
    assert m.peak_mb <= MEMORY_1MB, f"{m.peak_mb:.0f} MB"


def _cost_per_pass(linter: Linter, text: str) -> float:
    """CPU seconds of this process per check pass of fixing `text` (unsafe fixes too). A bigger
    text of a random shape may hold a fix the smaller one does not, and so take one more pass;
    the passes are bounded (fix.MAX_PASSES), so the cost of one pass is what must grow in
    proportion to the text."""
    passes = 0
    check = linter.violations

    def counted(text: str) -> list[Violation]:
        nonlocal passes
        passes += 1
        return check(text)

    gc.collect()  # garbage of the last run is not collected on this one's time
    start = time.process_time()
    with mock.patch.object(linter, "violations", counted), contextlib.suppress(FixError):
        linter.fix(text, unsafe=True)  # a named failure to settle is an outcome too; its time counts
    return (time.process_time() - start) / max(passes, 1)


GROWTH = 6.0  # 4x the input may cost 6x the time a pass: linear with room (the square would be 16x)
SLACK = 0.1  # CPU seconds a pass, for shapes that cost next to nothing at either size
ATTEMPTS = 3  # the minimum over up to three measurements of each size: other processes on the
# machine slow one measurement down (caches, frequency), never speed one up


@pytest.mark.parametrize("case", sorted(CASES))
def test_cost_grows_in_proportion_to_the_input(case):
    """The CPU time of this process (not wall time, which other processes stretch) per fix pass,
    at 100 KB and 400 KB. Measured again, up to three times, only while the ratio is over the
    bound: one slow measurement does not fail the test, a real square stays over it every time.

    Each pass is a linter's first sight of its text (`_first_sight_cost`): the letter tests
    remember their verdicts on up to `newslint.tokens.MEMORY_LIMIT` words, so a second pass over
    100 KB of random words called NL101's test for none of them (0.07 s, against 0.28 s seen
    first), where one over 400 KB called it for all 29,000 again, and the least of the
    measurements compared a remembered small text with a large one seen afresh (7-11x: a
    memory's size, not a square)."""
    make = CASES[case][1]
    small_text, large_text = make(100_000), make(400_000)
    small = large = float("inf")
    for _ in range(ATTEMPTS):
        small = min(small, _first_sight_cost(make, small_text))
        large = min(large, _first_sight_cost(make, large_text))
        if large <= GROWTH * small + SLACK:
            break
    assert large <= GROWTH * small + SLACK, (
        f"4x the input took {large / max(small, 1e-9):.1f}x the time a pass ({small:.3f} s, {large:.3f} s)"
    )


def _first_sight_cost(make, text: str) -> float:
    """`_cost_per_pass` of `text` on a new linter, its word lists and tables loaded by a 10 KB
    text of the same shape first. The process's own objects (the test session's, the word
    lists) are frozen out of the cyclic collector's reach while it runs, as the runner freezes
    what its first file loaded (`runner._settle`): a full collection then walks what the pass
    made, not whatever else the test process holds."""
    linter = Linter(Settings(), "story.txt")
    _cost_per_pass(linter, make(10_000))
    gc.collect()  # the garbage of the set-up, not frozen with the rest
    gc.freeze()
    try:
        return _cost_per_pass(linter, text)
    finally:
        gc.unfreeze()


BIG_FILE_BYTES = 5_000_000
BIG_FILE_RATIO = 1.8  # issue 19's target is 1.5x (at 10 MB). 1.34x on 2026-12-03; 2.2-2.8x early
# on 2026-12-05, as the stories apart gained early exits (a story with nothing for a rule to
# compare) that 4,859 stories in one text cannot take; later that day 1.78-2.05x (NL101's names
# one edit away looked up, the cyclic collector paused for a big text), then 1.11x, 1.28x, 1.31x
# quiet and 1.14-1.29x at load 9-13 (a long text's scans reading only the blocks that may hold a
# match, NL202's uses from the token index). The square this guards is held by
# `test_a_big_file_costs_in_proportion_to_its_size` below, which does not move with that.


def _corpus_stories() -> list[str]:
    """The BBC and Reuters dev stories (headline, blank line, body), in a fixed shuffled order."""
    corpora = SHARED / "corpora"
    if not (corpora / "bbc.dev.jsonl").is_file():
        pytest.skip(f"the corpora are not at {corpora} (set NEWSLINT_SHARED)")
    stories = []
    for name in ("bbc", "reuters"):
        with (corpora / f"{name}.dev.jsonl").open(encoding="utf-8") as fh:
            stories += [f"{d['headline']}\n\n{d['body']}" for d in map(json.loads, fh)]
    random.Random(19).shuffle(stories)
    return stories


def test_a_big_file_of_different_stories_costs_about_what_its_stories_cost_apart():
    """Issue 19: 5 MB of different stories as one text, against the same stories checked one by
    one (CPU time of this process, the minimum of up to three measurements while over the
    bound). One text may cost more (its rules compare across all its stories: a name in one
    story is evidence in another), but a rule that walks the whole text for each candidate
    grows with its square: such walks made this 3x at 5 MB and 4x at 10 MB."""
    stories, size = [], 0
    for story in _corpus_stories():
        if size >= BIG_FILE_BYTES:
            break
        stories.append(story)
        size += len(story) + 2
    text = "\n\n".join(stories) + "\n"
    linter = Linter(Settings(), "story.txt")
    for story in stories[:50]:
        linter.check(story)  # word lists and caches loaded

    def cpu(texts: list[str]) -> float:
        gc.collect()
        start = time.process_time()
        for one in texts:
            linter.check(one)
        return time.process_time() - start

    apart = together = float("inf")
    for _ in range(ATTEMPTS):
        apart = min(apart, cpu(stories))
        together = min(together, cpu([text]))
        if together <= BIG_FILE_RATIO * apart:
            break
    assert together <= BIG_FILE_RATIO * apart, (
        f"{len(stories)} stories: {together:.1f} s as one text, {apart:.1f} s one by one "
        f"({together / apart:.2f}x)"
    )


def test_a_big_file_costs_in_proportion_to_its_size():
    """Issue 19: 5 MB of different stories as one text against its first 1.25 MB (CPU time of
    this process, the minimum of up to three measurements while over the bound): 4x the text may
    cost `GROWTH` times as much, not the 16x of a rule that walks the whole text for each
    candidate. 5.0-5.2x measured on 2026-12-05: a bigger text gives its rules more to compare
    across its stories (more names and compounds written two ways)."""
    stories, size, quarter = [], 0, 0
    for story in _corpus_stories():
        if size >= BIG_FILE_BYTES:
            break
        stories.append(story)
        size += len(story) + 2
        if size < BIG_FILE_BYTES // 4:
            quarter = len(stories)
    small_text, large_text = "\n\n".join(stories[:quarter]) + "\n", "\n\n".join(stories) + "\n"
    linter = Linter(Settings(), "story.txt")
    for story in stories[:50]:
        linter.check(story)  # word lists and caches loaded

    def cpu(text: str) -> float:
        gc.collect()
        start = time.process_time()
        linter.check(text)
        return time.process_time() - start

    small = large = float("inf")
    for _ in range(ATTEMPTS):
        small, large = min(small, cpu(small_text)), min(large, cpu(large_text))
        if large <= GROWTH * small:
            break
    assert large <= GROWTH * small, (
        f"4x the text took {large / small:.1f}x the time ({small:.1f} s, {large:.1f} s)"
    )


LEARN_SMALL, LEARN_LARGE = 1_000_000, 4_000_000


def test_learning_one_huge_story_costs_in_proportion_to_its_size():
    """`newslint learn` on one file of thousands of stories (read as one story: a JSON Lines
    file given as a plain file, an archive pasted together), at 1 MB and 4 MB of the dev
    corpora: 4x the text may cost at most GROWTH times the CPU. A learning rule that searched
    the whole text for each of its candidates (NL203's open pairs and NL204's forms did: 9.4 MB
    took a minute, 15x a normal story's cost per MB) grows with its square (8.5x here)."""
    from newslint.learn import learn_texts, learning_rules

    stories = _corpus_stories()
    text = "\n\n".join(stories)
    rules = learning_rules()
    learn_texts(stories[:50], rules)  # word lists and caches loaded

    def cpu(size: int) -> float:
        gc.collect()
        start = time.process_time()
        learn_texts([text[:size]], rules)
        return time.process_time() - start

    assert len(text) >= LEARN_LARGE
    small = large = float("inf")
    for _ in range(ATTEMPTS):
        small = min(small, cpu(LEARN_SMALL))
        large = min(large, cpu(LEARN_LARGE))
        if large <= GROWTH * small + SLACK:
            break
    assert large <= GROWTH * small + SLACK, (
        f"4x the text took {large / max(small, 1e-9):.1f}x the time ({small:.2f} s, {large:.2f} s)"
    )
