"""What each rule makes of a desk profile: evidence beside the story, graded as the story's own.

The profiles are written by hand (`Profile.from_mapping`): a few words with how often the desk
writes them (uses, stories) and the sections the rules learn, so that each test states the
archive it stands for.
"""

from __future__ import annotations

from collections import Counter

from newslint.config import Settings
from newslint.learn import learn_texts
from newslint.lint import Linter
from newslint.profile import Profile
from newslint.violation import Applicability


def _check(text: str, profile: Profile | None, select: str, **settings):
    linter = Linter(Settings(profile=profile, **settings), "story.txt", select=[select])
    return linter.violations(text)


def _desk(words: dict[str, tuple[int, int] | int], stories: int = 10_000, **sections) -> Profile:
    return Profile.from_mapping({"stories": stories, "words": words, "sections": sections})


# --- NL101 -------------------------------------------------------------------------------------
DESK = _desk({"February": (9812, 4000), "revenues": (3000, 1500), "costs": (900, 400), "regime": (50, 30)})


def test_a_word_the_desk_never_writes_one_slip_from_one_it_writes_often_is_a_typo():
    # The story repeats "rveenues": without the desk, twice is jargon; the desk has never written it.
    text = "Tax rveenues rose\n\nGovernment tax rveenues rose. The rveenues were higher than forecast.\n"
    assert not _check(text, None, "NL101")
    found = _check(text, DESK, "NL101")
    assert len(found) == 3
    assert found[1].message == (
        "unknown word 'rveenues': the desk writes 'revenues' 3,000 times and 'rveenues' never"
    )
    assert found[1].fix is not None and found[1].fix.applicability == Applicability.UNSAFE
    assert found[1].fix.edits[0].content == "revenues"


def test_a_rare_word_the_desk_never_writes_beside_a_common_one_is_a_typo():
    text = "Results\n\nThe company said extraordinary cists would cut profit this year.\n"
    assert not _check(text, None, "NL101")
    [found] = _check(text, DESK, "NL101")
    assert "the desk writes 'costs' 900 times and 'cists' never" in found.message


def test_a_rare_word_beside_several_words_the_desk_writes_is_no_slip_of_one():
    desk = _desk({"ends": (90, 53), "hands": (40, 30), "adds": (60, 40), "costs": (900, 400)})
    text = 'Speech\n\nHe said: "No ifs, ands or buts." Lower cists helped.\n'
    found = _check(text, desk, "NL101")
    assert [v.message.split(":")[0] for v in found] == ["unknown word 'cists'"]  # 'ands': which word?


def test_a_capitalised_slip_of_a_word_the_desk_always_capitalises_is_a_typo():
    # a letter lost: no evidence in the story, and no clear slip (a name may lack a letter)
    text = "Talks\n\nThe talks will resume in Februay, the minister said.\n"
    assert not _check(text, None, "NL101")
    [found] = _check(text, DESK, "NL101")
    assert found.message == (
        "unknown word 'Februay': the desk writes 'February' 9,812 times and 'Februay' never"
    )
    assert found.fix is not None and found.fix.applicability == Applicability.UNSAFE
    # two letters swapped: a clear slip, a guess without the desk; the desk's evidence with it
    # (not the misspelling list's Feburary, which is NL102's)
    text = "Talks\n\nThe talks will resume in Febraury, the minister said.\n"
    [guess] = _check(text, None, "NL101")
    assert guess.message == "unknown word 'Febraury'; did you mean 'February'?"
    assert guess.fix is not None and guess.fix.applicability == Applicability.UNSAFE
    [found] = _check(text, DESK, "NL101")
    assert (
        found.message
        == "unknown word 'Febraury': the desk writes 'February' 9,812 times and 'Febraury' never"
    )
    assert found.fix is not None and found.fix.applicability == Applicability.UNSAFE


def test_names_and_other_endings_are_not_slips():
    desk = _desk(
        {"Sales": (500, 400), "sales": (5000, 3000), "multilateral": (100, 60), "Morgan": (900, 500)}
    )
    text = "Monica Seles won. Multilateral lenders and multilaterals met. Senator Dorgan spoke.\n"
    assert not _check(text, desk, "NL101")


def test_a_word_the_desk_writes_in_a_few_stories_is_never_unknown():
    text = "Shares\n\nThe qtly dividend rose and bopd output fell, dealers said.\n"
    before = {v.span for v in _check(text, None, "NL101")}
    desk = _desk({"qtly": (400, 250), "bopd": (12, 6)})
    assert before and not _check(text, desk, "NL101")


def test_a_slip_the_archive_repeats_is_still_a_slip():
    # "wil" is in 7 stories of the archive, "will" in 3,837: not the desk's word.
    text = "Oil\n\nThe ministry wil cut output, officials said.\n"
    desk = _desk({"wil": (7, 7), "will": (8226, 3837)})
    assert [v.span for v in _check(text, desk, "NL101")] == [v.span for v in _check(text, None, "NL101")]


# --- NL202 -------------------------------------------------------------------------------------
def test_a_name_written_once_each_way_is_settled_by_the_desk():
    text = (
        "EC trade\n\nEC Commissioner Willy De Clercq said on Monday the talks failed. De Clrecq added more.\n"
    )
    assert not _check(text, None, "NL202")
    desk = _desk({"Clercq": (19, 11)})
    [found] = _check(text, desk, "NL202")
    assert found.message == (
        "'Clrecq' is spelled 'Clercq' elsewhere in the story (1 time); "
        "the desk writes 'Clercq' 19 times and 'Clrecq' never"
    )
    assert found.fix is not None and found.fix.edits[0].content == "Clercq"


def test_a_name_written_in_full_with_a_first_name_is_another_person():
    text = "Yen\n\nFinance Minister Kiichi Miyazawa spoke. Economist Takashi Kiuchi disagreed.\n"
    desk = _desk({"Kiichi": (60, 39), "Miyazawa": (200, 84)})
    assert not _check(text, desk, "NL202")


def test_a_name_the_desk_writes_far_more_often_is_the_desk_spelling():
    text = "Yen\n\nJapan's finance minister Miyazwa said the yen was stable, Miyazwa added.\n"
    assert not _check(text, None, "NL202")
    desk = _desk({"Miyazawa": (200, 84)})
    found = _check(text, desk, "NL202")
    assert len(found) == 2
    assert found[0].message == (
        "'Miyazwa' is not the desk's spelling: the desk writes 'Miyazawa' 200 times and 'Miyazwa' never"
    )


def test_a_new_name_the_story_repeats_keeps_its_spelling():
    text = "Music\n\nMilian sang. Milian danced. Milian left, and Milian came back.\n"
    desk = _desk({"Milan": (300, 120)})
    assert not _check(text, desk, "NL202")


# --- NL201 -------------------------------------------------------------------------------------
def _variety_desk(key: str, ise: int, ize: int) -> Profile:
    return _desk({}, **{"english-variety-mix": {"endings": {f"{key}:ise": ise, f"{key}:ize": ize}}})


def test_a_lone_ize_where_the_desk_writes_ise_in_stories_like_this_one():
    text = "Games\n\nThe US firm wants to monopolize the market for games, and its games sold out.\n"
    assert not _check(text, None, "NL201")
    [found] = _check(text, _variety_desk("gb1-us0", 480, 12), "NL201")
    assert found.message == (
        "'monopolize' is the -ize spelling; the desk writes -ise in 98% of its 492 stories with "
        "1 piece of British and no American evidence ('monopolise')"
    )
    assert found.fix is not None and found.fix.applicability == Applicability.UNSAFE


def test_a_divided_desk_answers_nothing():
    """A desk whose stories with this evidence write -ize in one story of five is no -ise desk."""
    text = "Games\n\nThe US firm wants to monopolize the market for games, and its games sold out.\n"
    assert not _check(text, _variety_desk("gb1-us0", 400, 100), "NL201")


def test_a_story_with_its_own_majority_is_not_overruled_by_the_desk():
    text = "Talks\n\nThe organization said the center and the theater would open; we organized it.\n"
    assert not _check(text, _variety_desk("gb0-us3", 0, 0) or _variety_desk("gb0-us3", 999, 0), "NL201")


# --- styles: NL404, NL204, NL510 ------------------------------------------------------------------
def test_a_mix_follows_the_desk_style_when_it_is_clear():
    text = "Markets\n\nShares rose 5 pct on Monday and 4 per cent on Tuesday, 3 per cent on Wednesday.\n"
    story = _check(text, None, "NL404")
    assert [v.message.split(":")[0] for v in story] == ["'5 pct'"]
    desk = _desk({}, **{"percent-style-mix": {"alone": {"pct": 950, "per cent": 50}}})
    found = _check(text, desk, "NL404")
    assert [v.message.split(":")[0] for v in found] == ["'4 per cent'", "'3 per cent'"]
    assert "(in 95% of its 1,000 stories that keep to one form)" in found[0].message


def test_a_desk_without_a_clear_style_leaves_the_story_majority():
    text = "Markets\n\nShares rose 5 pct on Monday and 4 per cent on Tuesday, 3 per cent on Wednesday.\n"
    desk = _desk({}, **{"percent-style-mix": {"alone": {"pct": 600, "per cent": 400}}})
    assert [v.message for v in _check(text, desk, "NL404")] == [
        v.message for v in _check(text, None, "NL404")
    ]


def test_a_house_style_outranks_the_desk_profile():
    text = "Markets\n\nShares rose 5 pct on Monday and 4 per cent on Tuesday, 3 per cent on Wednesday.\n"
    desk = _desk({}, **{"percent-style-mix": {"alone": {"pct": 950, "per cent": 50}}})
    styled = _check(text, desk, "NL404", style="reuters")
    assert all("desk" not in v.message for v in styled)


def test_abbreviations_and_quotation_marks_follow_the_desk():
    text = "Talks\n\nUS officials said U.S. and US firms agreed. It’s done, they said; it's over.\n"
    desk = _desk(
        {},
        **{
            "abbreviation-style": {"alone": {"US:U.S.": 980, "US:US": 20}},
            "quote-style-mix": {"alone": {"apostrophe:straight": 990, "apostrophe:curly": 10}},
        },
    )
    found = _check(text, desk, "NL204")
    assert [v.message for v in found] == [
        "'US' is written 'U.S.' by the desk (in 98% of its 1,000 stories that keep to one form)"
    ]
    [quote] = _check(text, desk, "NL510")
    assert quote.message == "curly apostrophe '’'; the desk uses straight (' \")"


def test_a_compound_written_two_ways_follows_the_desk():
    text = "Raids\n\nThe air strikes hit the town. Two more air strikes followed the airstrikes.\n"
    story = _check(text, None, "NL203")
    assert [v.message for v in story] == [
        "'airstrikes' is written 'air strikes' elsewhere in the story (2 times)"
    ]
    desk = _desk({}, **{"compound-spacing": {"alone": {"airstrikes:closed": 480, "airstrikes:open": 20}}})
    found = _check(text, desk, "NL203")
    assert [v.message for v in found] == [
        "'air strikes' is written 'airstrikes' by the desk (in 96% of its 500 stories that keep to one form)"
    ] * 2
    assert found[0].fix is not None and found[0].fix.edits[0].content == "airstrikes"


def test_a_compound_the_desk_writes_both_ways_keeps_the_story_majority():
    text = "Raids\n\nThe air strikes hit the town. Two more air strikes followed the airstrikes.\n"
    desk = _desk({}, **{"compound-spacing": {"alone": {"airstrikes:closed": 300, "airstrikes:open": 200}}})
    with_desk = _check(text, desk, "NL203")
    assert [v.message for v in with_desk] == [v.message for v in _check(text, None, "NL203")]


def test_the_desk_compounds_suggested_are_its_choices_not_its_slips():
    from newslint.rules.naming.compound_spacing import CompoundSpacing

    forms = {"stockmarket:open": 110, "stockmarket:closed": 4, "release:closed": 128, "release:hyphenated": 1}
    alone = {"stockmarket:open": 109, "stockmarket:closed": 3, "release:closed": 128, "release:hyphenated": 1}
    desk = _desk({}, **{"compound-spacing": {"forms": forms, "alone": alone}})
    notes = [s.evidence for s in CompoundSpacing().suggest(desk)]
    # re-lease written once is a slip, not a form the desk chose between
    assert notes == ["NL203 compounds: 'stock market' in 97% of its 112 stories that keep to one form"]


def test_compounds_are_learned_in_every_form_a_story_writes_alone():
    profile = learn_texts(
        [
            "Raids\n\nThe air strikes hit. A ceasefire held.\n",
            "Raids\n\nThe airstrikes hit the town, and the cease-fire held.\n",
            "Raids\n\nAirstrikes and air strikes: the story mixes them.\n",
        ]
    )
    section = profile.section("compound-spacing")
    assert section["alone"]["airstrikes:open"] == 1
    assert section["alone"]["airstrikes:closed"] == 1  # the third story mixes: no "alone" for it
    assert section["forms"]["airstrikes:open"] == 2
    assert section["alone"]["ceasefire:hyphenated"] == 1 and section["alone"]["ceasefire:closed"] == 1
    assert "into:open" not in section["forms"]  # "in to" is a phrase, not a spelling of "into"


def test_compounds_are_learned_only_where_the_text_writes_them_so():
    """Learning finds open forms among adjacent tokens, then confirms them in the text: two words
    one space or line break apart, whole words in lowercase."""

    def forms(body: str, headline: str = "Raids") -> set[str]:
        return set(learn_texts([f"{headline}\n\n{body}\n"]).section("compound-spacing").get("forms") or {})

    assert forms("The air\nstrikes hit.") == {"airstrikes:open"}
    assert forms("They fought from the air, strikes hit.") == set()  # a comma between: no pair
    assert forms("The air  strikes hit.") == set()  # two spaces: not the pairs `check` compares
    assert forms("The hair strikes and the chair strikes.") == set()  # `air` inside another word
    assert forms("The air strikesx hit.") == set()
    assert forms("The Air strikes hit.") == set()  # a capital: a name, not a spelling
    assert forms("They set up a plan.") == set()  # a verb and its particle
    assert forms("Airstrikes hit.") == {"airstrikes:closed"}
    assert forms("Raids went on.", headline="AIRSTRIKES HIT") == set()  # a headline's capitals
    assert forms("The air-strikes hit.") == {"airstrikes:hyphenated"}


# --- learning what the rules read back ----------------------------------------------------------
def test_rules_learn_their_sections_from_stories():
    stories = [
        "Markets\n\nShares rose 5 pct. U.S. officials said the organisation's favourite plan was "
        "finalised. Mr Brown said it's done.\n",
        "Markets\n\nShares fell 4 per cent. The U.S. plan failed.\n",
    ]
    profile = learn_texts(stories)
    assert profile.section("percent-style-mix")["alone"] == Counter({"pct": 1, "per cent": 1})
    assert profile.section("abbreviation-style")["alone"]["US:U.S."] == 2
    variety = profile.section("english-variety-mix")
    assert variety["stories"]["gb"] == 2  # British spellings and "Mr Brown"; "per cent"
    assert sum(variety["endings"].values()) == 1
    assert profile.section("quote-style-mix")["alone"]["apostrophe:straight"] == 1
