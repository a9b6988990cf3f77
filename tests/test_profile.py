"""Desk profiles: the file format, learning as a sum, and a profile's use by `check`."""

from __future__ import annotations

import base64
import gzip
import json
from array import array
from collections import Counter
from pathlib import Path

import pytest

from newslint import learn
from newslint.config import Settings, load_settings
from newslint.learn import learn_texts, read_story
from newslint.lint import Linter
from newslint.profile import VERSION, Profile, ProfileError, merged

GOLDEN = Path(__file__).parent / "golden" / "stories"
STORIES = [
    "Rebels take Aleppo suburb\n\nThe regime said on Monday that its forces had retaken the suburb. "
    "Rinaldi said the U.S. would organise talks in February.\n",
    "Talks resume\n\nThe minister said talks would resume in February, and the regime agreed. "
    "Airstrikes continued, Rinaldi said; the U.S. programme goes on.\n",
    "Markets fall\n\nShares fell 5 per cent on Tuesday. The company's revenues rose to 450,000 euros.\n",
    "A story without a headline that runs on. It has a second sentence, and a third one here.",
]


def test_learning_is_a_sum_so_partial_profiles_merge_exactly():
    whole = learn_texts(STORIES)
    parts = merged([learn_texts(STORIES[:1]), learn_texts(STORIES[1:3]), learn_texts(STORIES[3:])])
    assert whole.stories == 4
    assert whole.dumps() == parts.dumps()
    assert whole.uses("regime") == 2 and whole.stories_with("regime") == 2
    assert whole.uses("Rinaldi") == 2 and whole.uses("February") == 2


@pytest.mark.parametrize("flush_words", [5, 1_000_000])
def test_workers_learn_what_one_process_learns(monkeypatch, flush_words):
    """Workers keep their sums from batch to batch and send them when they hold FLUSH_WORDS
    words and at the end: the profile is the one a single process learns, batch by batch or not."""
    stories = STORIES * 7
    monkeypatch.setattr(learn, "CHUNK_STORIES", 3)  # ten batches, shared by the workers
    monkeypatch.setattr(learn, "FLUSH_WORDS", flush_words)
    progress: list[int] = []
    one = learn.learn_archive(iter(stories), jobs=1)
    two = learn.learn_archive(iter(stories), jobs=2, on_progress=progress.append)
    assert two.dumps() == one.dumps() == learn_texts(stories).dumps()
    assert two.stories == 28 and sum(progress) == 28 and len(progress) == 10


class _Failing(Exception):
    pass


def test_a_worker_that_fails_stops_the_run_with_its_error(monkeypatch):
    def fail(self, texts):
        raise _Failing("a rule failed")

    monkeypatch.setattr(learn, "learn_texts", lambda texts, rules: None)  # the parent's warm-up
    monkeypatch.setattr(learn.Learner, "learn", fail)  # the forked workers inherit it
    with pytest.raises(RuntimeError, match="a rule failed"):
        learn.learn_archive(iter(STORIES), jobs=2)


def test_a_profile_round_trips_through_its_file(tmp_path):
    profile = learn_texts(STORIES)
    profile.add_story(Counter(), {"made-up-rule": {"forms": Counter({"U.S.": 3, "US": 1})}})
    path = tmp_path / "desk.nlprofile"
    profile.save(path)
    back = Profile.load(path)
    assert back.stories == profile.stories == 5
    assert dict(back.words) == dict(profile.words) and dict(back.word_stories) == dict(profile.word_stories)
    assert back.uses("regime") == 2 and back.stories_with("February") == 2 and back.uses("nowhere") == 0
    assert dict(back.section("made-up-rule")["forms"]) == {"U.S.": 3, "US": 1}
    assert back.section("another-rule") == {}
    assert back.dumps() == path.read_bytes()  # deterministic: the same profile, the same bytes


def test_the_file_is_gzip_text_that_names_its_format_and_version(tmp_path):
    path = tmp_path / "desk.nlprofile"
    profile = learn_texts(STORIES)
    profile.save(path)
    lines = gzip.decompress(path.read_bytes()).decode("utf-8").split("\n")
    assert lines[0] == f"newslint-profile {VERSION}"
    facts = json.loads(lines[1])
    assert facts["stories"] == 4
    assert facts["tables"][:2] == [
        {"name": "words", "size": len(profile.words)},
        {"name": "word-stories", "size": len(profile.words)},
    ]
    words = lines[2].split("\t")
    assert words == sorted(profile.words)
    uses = array("q", base64.b64decode(lines[3]))
    assert dict(zip(words, uses, strict=True)) == dict(profile.words)


def _facts(words: int) -> bytes:
    tables = [{"name": "words", "size": words}, {"name": "word-stories", "size": words}]
    return f"newslint-profile 1\n{json.dumps({'stories': 1, 'tables': tables})}\n".encode()


def _table(keys: list[str], counts: list[int]) -> bytes:
    return "\t".join(keys).encode() + b"\n" + base64.b64encode(array("q", counts).tobytes()) + b"\n"


def _profile_bytes() -> bytes:
    return learn_texts(STORIES).dumps()


@pytest.mark.parametrize(
    ("damage", "said"),
    [
        (lambda b: b[: len(b) // 2], "truncated"),
        (lambda b: b[:-4], "truncated"),  # the length field of the gzip trailer cut off
        (lambda b: b[:20] + bytes(x ^ 0xFF for x in b[20:40]) + b[40:], "damaged"),
        (lambda b: b"hello, world\n", "not a newslint profile"),
        (lambda b: b"", "not a newslint profile"),
        (lambda b: gzip.compress(b"newslint-profile 99\n{}\n"), "newer than this newslint"),
        (lambda b: gzip.compress(b"vale-profile 1\n{}\n"), "not a newslint profile"),
        (lambda b: gzip.compress(b"newslint-profile 1\n"), "not a complete"),
        (lambda b: gzip.compress(b'newslint-profile 1\n{"stories": "x", "tables": []}\n'), "damaged"),
        (lambda b: gzip.compress(_facts(2) + _table(["the"], [1]) * 2), "not 2 entries"),
        (lambda b: gzip.compress(_facts(1) + b"the\nnot base64!\n" + _table(["the"], [1])), "not 1 entries"),
        (lambda b: gzip.compress(_facts(1) + _table(["the"], [1])), "table lines"),
        (lambda b: gzip.compress(b"newslint-profile 1\n\xff\xfe\n"), "damaged"),
    ],
)
def test_a_damaged_truncated_or_newer_profile_is_refused_in_one_line(damage, said):
    with pytest.raises(ProfileError) as caught:
        Profile.loads(damage(_profile_bytes()), "desk.nlprofile")
    message = str(caught.value)
    assert said in message and message.startswith("desk.nlprofile: ") and "\n" not in message


def test_pruning_drops_the_words_of_fewest_stories_and_says_so():
    profile = learn_texts(STORIES)
    kept = {w for w, n in profile.word_stories.items() if n >= 2}
    profile.prune(max_words=len(kept))
    assert set(profile.words) == kept and profile.pruned_below == 2
    assert set(Profile.loads(profile.dumps()).words) == kept
    assert profile.never("Aleppo") == "in fewer than 2 stories"
    assert profile.never("regime") == "2 times"


def test_learning_reads_headline_paragraphs_and_sentences_coarsely():
    text = (
        "HEADLINE HERE\n\nFirst sentence of a wire story\nwrapped here. Second one.\n    Indented paragraph."
    )
    doc = read_story(text)
    assert doc.slice(doc.headline) == "HEADLINE HERE"
    assert [doc.slice(p).strip() for p in doc.paragraphs] == [
        "First sentence of a wire story\nwrapped here. Second one.",
        "Indented paragraph.",
    ]
    assert [doc.slice(s).strip() for s in doc.sentences][1:] == [
        "First sentence of a wire story\nwrapped here.",
        "Second one.",
        "Indented paragraph.",
    ]


def test_learning_stays_linear_on_hostile_text():
    assert read_story("." * 200_000 + " A" + " \n" * 50_000).sentences


def _reports(settings: Settings, text: str, path: str) -> list[tuple]:
    linter = Linter(settings, path)
    return [(v.code, v.span, v.message, v.fix) for v in linter.violations(text)]


def _sample() -> list[tuple[str, str]]:
    import tomllib

    texts = [
        (p.read_text(encoding="utf-8"), p.name)
        for p in sorted(GOLDEN.iterdir())
        if p.suffix in (".txt", ".md")
    ]
    for case_file in sorted((Path(__file__).parent / "rules" / "cases").glob("*.toml")):
        for case in tomllib.loads(case_file.read_text(encoding="utf-8")).get("case", []):
            texts.append((case["text"], case.get("path", "story.txt")))
    return texts


def test_an_empty_profile_changes_no_report():
    """Without evidence in the profile, every rule behaves as without a profile."""
    plain = Settings()
    empty = Settings(profile=Profile())
    for text, path in _sample():
        assert _reports(plain, text, path) == _reports(empty, text, path), path


def test_the_config_names_a_profile_relative_to_itself(tmp_path):
    (tmp_path / "desk").mkdir()
    learn_texts(STORIES).save(tmp_path / "desk" / "desk.nlprofile")
    config = tmp_path / "desk" / "newslint.toml"
    config.write_text('profile = "desk.nlprofile"\n', encoding="utf-8")
    settings = load_settings(config)
    assert settings.profile is not None and settings.profile.stories == 4
    assert settings.profile_path == str(tmp_path / "desk" / "desk.nlprofile")


def test_a_bad_profile_in_the_config_names_the_file_and_key(tmp_path):
    from newslint.config import ConfigError

    (tmp_path / "desk.nlprofile").write_bytes(_profile_bytes()[:30])
    config = tmp_path / "newslint.toml"
    config.write_text('profile = "desk.nlprofile"\n', encoding="utf-8")
    with pytest.raises(ConfigError, match=r"newslint.toml: profile: .*desk.nlprofile: truncated"):
        load_settings(config)
    config.write_text('profile = "missing.nlprofile"\n', encoding="utf-8")
    with pytest.raises(ConfigError, match=r"newslint.toml: profile: cannot read .*missing.nlprofile"):
        load_settings(config)


def test_a_long_texts_one_scan_learns_what_the_searches_learn(monkeypatch):
    """NL203 and NL204 find a story's few candidates by string search, and a long text's many
    (a file of stories read as one) by one scan of the text: the same profile either way."""
    from newslint.rules.naming import abbreviation_style, compound_spacing
    from tests.test_engine_equivalence import made_stories

    compounds = (
        "Air strikes resume\n\nThe air strikes and the airstrikes, a stock market fall and the "
        "stock\nmarket's carmaker; car makers, a car-maker, oil fields, cease fire. Data base, the "
        "law suit (no air, strikes) wild card.\n"
    )
    texts = made_stories(60, seed=15) + STORIES + [compounds]
    texts.append("\n\n".join(texts))
    searched = [learn_texts([t]).dumps() for t in texts]
    monkeypatch.setattr(abbreviation_style, "SEARCHED_CHARACTERS", 0)
    monkeypatch.setattr(compound_spacing, "SEARCHED_CHARACTERS", 0)
    scanned = [learn_texts([t]).dumps() for t in texts]
    assert scanned == searched
    whole = Profile.loads(searched[-1])  # the stories give both rules something to learn
    assert whole.section("compound-spacing")["forms"] and whole.section("abbreviation-style")
