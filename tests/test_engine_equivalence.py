"""The engine's memories and shortcuts change no result.

The engine remembers across stories (the word bits of `LetterTest`, one memory for every rule's
test), keeps what a story asks for twice (its sentences' first tokens) and resolves a folder's
config once for all its files. These tests run the golden stories and a few hundred stories made
from them (shuffled, joined, with made-up slips and damage) through one warm checker, twice,
and compare every report and every fixed text with the same stories checked with no memory at
all: each word tested afresh, as the rules' tests say. The golden outputs in tests/golden hold
what these stories gave before the memories existed.
"""

from __future__ import annotations

import random
from pathlib import Path

import pytest

import newslint
from newslint import tokens
from newslint.runner import ConfigResolver

STORIES = Path(__file__).parent / "golden" / "stories"
INPUTS = sorted(
    p
    for p in STORIES.iterdir()
    if p.suffix in (".txt", ".md") and ".report" not in p.name and ".fixed" not in p.name
)
SLIPS = ("Â£", "&amp;", "  ", "\u200b", "\\$", " the the ", "\t")


def _slip(rng: random.Random, text: str) -> str:
    """`text` with one made-up slip: two letters of a word swapped, a word doubled or
    lowercased, or a piece of damage pasted in."""
    words = text.split(" ")
    i = rng.randrange(len(words))
    word = words[i]
    kind = rng.randrange(4)
    if kind == 0 and len(word) > 3:
        j = rng.randrange(1, len(word) - 2)
        words[i] = word[:j] + word[j + 1] + word[j] + word[j + 2 :]
    elif kind == 1:
        words[i] = f"{word} {word}"
    elif kind == 2:
        words[i] = word.lower() if word[:1].isupper() else word.capitalize()
    else:
        words[i] = word + rng.choice(SLIPS)
    return " ".join(words)


def made_stories(count: int, seed: int = 19) -> list[str]:
    """`count` stories made from the golden ones: paragraphs shuffled or taken from two stories,
    each with a few slips. Deterministic."""
    rng = random.Random(seed)
    texts = [p.read_text(encoding="utf-8") for p in INPUTS]
    made = []
    for _ in range(count):
        first, second = rng.sample(texts, 2)
        head, *body = first.split("\n\n")
        paragraphs = body + rng.sample(second.split("\n\n")[1:], rng.randrange(3))
        rng.shuffle(paragraphs)
        story = "\n\n".join([head, *paragraphs[: rng.randrange(1, len(paragraphs) + 1)]])
        for _ in range(rng.randrange(1, 6)):
            story = _slip(rng, story)
        made.append(story if story.endswith("\n") else story + "\n")
    return made


def outputs(texts: list[str]) -> list[tuple[str, str, str]]:
    """Each text's report as JSON, its --fix text and its --unsafe-fixes text, from one checker."""
    checker = newslint.Checker()
    return [
        (newslint.to_json(checker.check(t)), checker.fix(t).text, checker.fix(t, unsafe=True).text)
        for t in texts
    ]


def _no_memory(self: tokens.LetterTest, words):  # the test itself, on every word, every time
    keys = words.keys() if isinstance(words, dict) else words
    return {w for w in keys if self._test(w)}


@pytest.fixture(scope="module")
def texts_and_reference() -> tuple[list[str], list[tuple[str, str, str]]]:
    texts = [p.read_text(encoding="utf-8") for p in INPUTS] + made_stories(200)
    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(tokens.LetterTest, "select", _no_memory)
        reference = outputs(texts)
    return texts, reference


def test_made_stories_differ_and_carry_slips():
    made = made_stories(200)
    assert len(set(made)) == len(made)
    originals = {p.read_text(encoding="utf-8") for p in INPUTS}
    assert not originals & set(made)


def test_warm_memory_gives_what_no_memory_gives(texts_and_reference):
    texts, reference = texts_and_reference
    tokens._WORD_BITS.words = {}  # cold, then warm: the second pass reads every word's bits
    assert outputs(texts) == reference
    assert outputs(texts) == reference
    assert len(tokens._WORD_BITS.words) > 300  # the stories' distinct words, remembered


def test_a_memory_that_forgets_often_gives_the_same(texts_and_reference, monkeypatch):
    texts, reference = texts_and_reference
    monkeypatch.setattr(tokens.LetterTest.__init__, "__defaults__", (300, 40))  # limit, own
    assert outputs(texts[:60]) == reference[:60]


def test_the_reports_are_not_all_alike(texts_and_reference):
    """The comparison means something: the made stories give many different reports and fixes."""
    texts, reference = texts_and_reference
    assert len({report for report, _, _ in reference}) > 150
    assert sum(fixed != text for text, (_, fixed, _) in zip(texts, reference, strict=True)) >= 100


def test_a_folder_resolved_once_gives_each_file_its_own_config(tmp_path):
    """Files of one folder share its config; a file linked in from another folder keeps the
    config beside the file it points to, as resolving each path gave."""
    (tmp_path / "desk").mkdir()
    (tmp_path / "sport").mkdir()
    (tmp_path / "desk" / "newslint.toml").write_text('select = ["NL1"]\n', encoding="utf-8")
    (tmp_path / "sport" / "newslint.toml").write_text('select = ["NL2"]\n', encoding="utf-8")
    for name in ("a.txt", "b.txt"):
        (tmp_path / "desk" / name).write_text("Head\n\nBody.\n", encoding="utf-8")
    (tmp_path / "sport" / "match.txt").write_text("Head\n\nBody.\n", encoding="utf-8")
    (tmp_path / "desk" / "linked.txt").symlink_to(tmp_path / "sport" / "match.txt")
    resolver = ConfigResolver()
    desk = resolver.for_path(tmp_path / "desk" / "a.txt")
    assert desk.select == ["NL1"]
    assert resolver.for_path(tmp_path / "desk" / "b.txt") is desk
    assert resolver.for_path(tmp_path / "desk" / "linked.txt").select == ["NL2"]
    assert resolver.for_path(tmp_path / "desk").select == ["NL1"]
    assert resolver.for_path(tmp_path / "desk" / ".." / "sport" / "match.txt").select == ["NL2"]
