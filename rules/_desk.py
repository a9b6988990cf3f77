"""What a desk's archive says about one word: the evidence the typos and naming rules take from a
desk profile's word table (`newslint learn`, docs/profile.md), beside the story's own.

A word the desk writes in many stories is established; a word it never writes (or writes in far
fewer stories) one slip from an established word is a slip of that word:

    slip = desk_slip("Feburary", profile)   # Slip(meant='February', ...)
    slip.evidence                           # "the desk writes 'February' 9,812 times and 'Feburary' never"

Counts are story counts (in how many stories the desk writes a word), so that one story that
repeats a word forty times is one witness, not forty; messages quote the uses.
"""

from __future__ import annotations

import operator
from collections.abc import Callable, Iterable, Iterator, Mapping
from collections.abc import Set as AbstractSet
from dataclasses import dataclass
from itertools import repeat

from newslint.profile import Profile, times

ESTABLISHED = 20  # stories: a word the desk writes in this many stories is one it knows
SLIP_RATIO = 50  # ... and a word one slip from it, written in 50 times fewer stories, is a slip
RIVAL_RATIO = 10  # a second established word within this factor of the first: either may be meant
KNOWN = 3  # stories: a word the desk writes this often (and no slip of a far commoner one) is its own
CAPITALISED = 0.9  # ... of a word's uses are capitalised: the desk writes it capitalised
CAPITALS_SHARE_OF_ARCHIVE = 100  # ... and it is in one story in a hundred at least
MAX_SLIP_STORIES = 1  # a slip is a word the desk never writes, or once (its archive has typos too)


@dataclass(frozen=True)
class Slip:
    """A word the desk profile takes for a slip of an established word."""

    word: str  # as the story writes it
    meant: str  # the established word the desk writes instead
    rivals: tuple[str, ...]  # other established words one slip away, each at least a tenth as common
    evidence: str  # "the desk writes 'February' 9,812 times and 'Feburary' never"


def stories(profile: Profile, word: str) -> int:
    """In how many stories the desk writes `word` in any of its usual cases: a lowercase word
    also capitalised (opening a sentence) and in capitals (a headline); a name also in capitals
    (ASEAN for Asean)."""
    forms = {word, word[:1].upper() + word[1:], word.upper()} if word.islower() else {word, word.upper()}
    return sum(profile.stories_with(form) for form in forms)


def desk_slip(
    word: str, profile: Profile, candidates: Callable[[str], Iterable[str]] | None = None
) -> Slip | None:
    """The established word of the desk that `word` is one slip from, when the desk never writes
    `word` itself, or in one story; None when there is none. `candidates` gives the words to
    consider (default: every string one edit away, in the case of `word`)."""
    own = stories(profile, word)
    if own > MAX_SLIP_STORIES:
        return None  # written in two stories or more: the desk's own word, a name or a form of one
    found = _far_commoner(word, own, profile, candidates or _one_edit)
    if not found:
        return None
    best_n, best = found[0]
    rivals = tuple(c for n, c in found[1:] if n * RIVAL_RATIO >= best_n)
    if rivals and _listed(word):
        # A real word the desk rarely writes ("ands" in "no ifs, ands or buts") one slip from
        # several words it writes about as often (ends, hands, adds): the archive cannot say
        # which was meant, nor that any was.
        return None
    return Slip(word, best, rivals, describe(profile, best, word))


def _listed(word: str) -> bool:
    """A word the rare-word list knows (SCOWL's larger sizes): a word, only an uncommon one."""
    from newslint.rules.typos._words import rare_words  # the typos package imports this module

    return word.lower() in rare_words()


def _far_commoner(
    word: str, own: int, profile: Profile, candidates: Callable[[str], Iterable[str]]
) -> list[tuple[int, str]]:
    """(stories, word) of the established words among `candidates` written in SLIP_RATIO times
    as many stories as `word` or more, most written first; forms with another ending left out."""
    floor = max(ESTABLISHED, SLIP_RATIO * own)
    return sorted(
        (
            (n, c)
            for c in candidates(word)
            if c != word and (n := stories(profile, c)) >= floor and not _another_ending(word, c)
        ),
        reverse=True,
    )


def _another_ending(a: str, b: str) -> bool:
    """The two differ only in their last letter, or one is the other with letters added at its
    end: another form (multilateral, multilaterals), a foreign word (democratic, democratica) or
    another name (Witter, Witte), not a slip the archive can tell."""
    short, long_ = sorted((a, b), key=len)
    return long_.startswith(short) or len(a) == len(b) and a[:-1] == b[:-1]


def capitalised_word(profile: Profile, word: str) -> bool:
    """A word the desk writes capitalised nearly always and in many stories: a month, a day, an
    institution (February, Pacific), whose capitalised slips are slips, where a capitalised slip
    of a word the desk also writes in lowercase (Sales, Hotel) is as likely a name (Seles, Hodel)."""
    lower = word.lower()
    capital, small = profile.uses(word), profile.uses(lower)
    many = max(ESTABLISHED, profile.stories // CAPITALS_SHARE_OF_ARCHIVE)
    return profile.stories_with(word) >= many and capital >= CAPITALISED * (capital + small)


def _one_edit(word: str) -> Iterable[str]:
    """Strings one edit from `word`, in its case: lowercase for a lowercase word; capitalised
    (an edit of the first letter too) for a capitalised one."""
    from newslint.rules.typos._words import one_edit_away  # the typos package imports this module

    if word.islower():
        return one_edit_away(word)
    if word[:1].isupper() and word[1:].islower():  # an edit of the first letter makes another name
        return {word[0] + c[1:] for c in one_edit_away(word.lower()) if c[:1] == word[0].lower()}
    return ()


def preferred(profile: Profile, a: str, b: str, established: int = ESTABLISHED) -> str | None:
    """Which of two spellings the desk writes, when its archive is clear: one written in
    `established` stories or more and in SLIP_RATIO times as many as the other (which it may
    never write). None when neither or both are established."""
    for form, slip in ((a, b), (b, a)):
        mine = stories(profile, form)
        if mine >= established and mine >= SLIP_RATIO * stories(profile, slip):
            return form
    return None


def desk_knows(word: str, profile: Profile) -> bool:
    """The desk writes `word` in a few stories or more and writes no word one slip from it more
    often: its local names, tickers and jargon are never unknown words. (An archive repeats some
    slips, 'wil' beside 'will' and 'semiconducter' beside 'semiconductor': those are not its own.)"""
    own = stories(profile, word)
    return own >= KNOWN and not any(stories(profile, c) > own for c in _one_edit(word) if c != word)


def describe(profile: Profile, meant: str, word: str) -> str:
    """The evidence in words: "the desk writes 'February' 9,812 times and 'Feburary' never"."""
    return f"the desk writes {meant!r} {times(_uses(profile, meant))} and {word!r} {_never(profile, word)}"


def _uses(profile: Profile, word: str) -> int:
    n = profile.uses(word)
    return n + profile.uses(word[:1].upper() + word[1:]) if word.islower() else n


def _never(profile: Profile, word: str) -> str:
    n = _uses(profile, word)
    return times(n) if n else profile.never(word)


# --- styles: which of several interchangeable forms the desk writes -------------------------------
STYLE_STORIES = 20  # stories that write one of the forms, and one only, before the desk's choice counts
STYLE_SHARE = 0.9  # ... and the share of them that must write the same one


def forms_lesson(kinds: Iterable[str]) -> dict[str, dict[str, int]]:
    """What one story teaches a rule about a style (`kinds`: the forms the story writes, e.g.
    'comma' and 'plain' for figures of four digits): each form it writes, once per story, and,
    when it writes one form only, that form under "alone" (a story consistent in itself).
    Lessons are plain dicts, summed into the profile's counters (`add_counts`): a `Counter` made
    for each table of each story cost ~5% of learning's CPU."""
    written = sorted(set(kinds))
    if not written:
        return {}
    found = {"forms": dict.fromkeys(written, 1)}
    if len(written) == 1:
        found["alone"] = {written[0]: 1}
    return found


def grouped_lesson(groups: Mapping[str, Iterable[str]]) -> dict[str, dict[str, int]]:
    """`forms_lesson` for several styles at once: the forms of each group (an abbreviation's
    letters, a compound, a kind of quotation mark), keyed `group:form`."""
    # Written out rather than merged from `forms_lesson` per group: NL203 learns dozens of groups
    # a story, and a table per group cost more than the rest of its learning.
    forms: dict[str, int] = {}
    alone: dict[str, int] = {}
    for group, kinds in groups.items():
        written = set(kinds)
        for kind in written:
            forms[f"{group}:{kind}"] = 1
        if len(written) == 1:
            alone[f"{group}:{next(iter(written))}"] = 1
    found = {"forms": forms} if forms else {}
    if alone:
        found["alone"] = alone
    return found


def kinds_lesson(by_kind: Mapping[str, AbstractSet[str]]) -> dict[str, dict[str, int]]:
    """`grouped_lesson` given the other way round: for each form, the groups the story writes in
    it (`{"closed": {"airstrikes", "ceasefire"}, "open": {"air strikes"}}`), turned into the same
    lesson with set operations and the keys made in C, for a rule that finds dozens of groups a
    story (NL203: every closed compound). Every key is counted once (a group's key names its form)."""
    kinds = [(kind, keys) for kind, keys in by_kind.items() if keys]
    forms: dict[str, int] = {}
    for kind, keys in kinds:
        forms.update(dict.fromkeys(map(operator.add, keys, repeat(f":{kind}")), 1))
    if len(kinds) <= 1:
        return {"forms": forms, "alone": dict(forms)} if forms else {}
    seen: set[str] = set()
    twice: set[str] = set()  # groups written in two forms or more: not alone
    for _, keys in kinds:
        twice |= seen.intersection(keys)
        seen |= keys
    alone: dict[str, int] = {}
    for kind, keys in kinds:
        alone.update(dict.fromkeys(map(operator.add, keys - twice, repeat(f":{kind}")), 1))
    return {"forms": forms, "alone": alone} if alone else {"forms": forms}


@dataclass(frozen=True)
class Choice:
    """The form a desk profile shows the desk writes, and the evidence for it."""

    form: str  # the form the desk writes
    evidence: str  # "the desk writes it so in 97% of its 1,234 stories that keep to one form"
    share: str  # "97% of its 1,234 stories that keep to one form"


def desk_choice(
    profile: Profile | None, rule_name: str, kinds: Iterable[str], key: str = ""
) -> Choice | None:
    """Among `kinds` (the forms a story mixes), the one that the desk's stories consistent in
    themselves write, when nearly all of them agree (`STYLE_SHARE` of `STYLE_STORIES` or more);
    None without a profile or a clear answer. `key` prefixes each kind (a compound: 'airstrikes:')."""
    if profile is None:
        return None
    alone = profile.section(rule_name).get("alone") or {}
    counts = {kind: alone.get(f"{key}{kind}", 0) for kind in set(kinds)}
    n = sum(counts.values())
    if n < STYLE_STORIES:
        return None
    best = max(sorted(counts), key=counts.__getitem__)
    if counts[best] < STYLE_SHARE * n:
        return None
    share = f"{counts[best] / n:.0%} of its {n:,} stories that keep to one form"
    return Choice(best, f"the desk writes it so in {share}", share)


def style_notes(profile: Profile, rule_name: str, what: str, most: int = 10) -> Iterator[str]:
    """What the desk's stories consistent in themselves write, group by group, where nearly all
    agree: "'pct' in 99% of its 2,639 stories that keep to one form" (for `newslint learn
    --suggest-config`)."""
    alone = profile.section(rule_name).get("alone") or {}
    groups: dict[str, dict[str, int]] = {}
    for key in alone:
        group, _, kind = key.rpartition(":")
        groups.setdefault(group, {})[kind] = alone[key]
    # groups the desk writes one way only (NATO, BBC) are no choice it made between forms
    written = profile.section(rule_name).get("forms") or {}
    both = {g for g in groups if sum(1 for key in written if key.rpartition(":")[0] == g) > 1}
    ranked = sorted((kv for kv in groups.items() if kv[0] in both), key=lambda kv: -sum(kv[1].values()))
    for group, counts in ranked[:most]:
        choice = desk_choice(profile, rule_name, counts, f"{group}:" if group else "")
        if choice is not None:
            label = f"{group}: " if group else ""
            yield f"{what}: {label}{choice.form!r} in {choice.share}"
