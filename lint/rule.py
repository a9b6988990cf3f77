"""The base class every rule derives from, and what the engine tells rules about the run.

A rule is one small module under `rules/<family>/` with one `Rule` subclass. Its docstring is
its documentation (`newslint rule CODE` prints it, `docs/rules/` is generated from it) and has
the sections `## What it does`, `## Why is this bad?`, `## Example`, `## Use instead` and, when
the rule can fix, `## Fix safety`.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Iterator, Mapping
from dataclasses import dataclass, field
from operator import attrgetter
from typing import TYPE_CHECKING, Any, ClassVar, Final, Never

from newslint.document import Document, LetterTest
from newslint.span import Span
from newslint.violation import Edit, Fix, FixAvailability, Severity, Violation

if TYPE_CHECKING:  # suppress.py reads selectors through the registry, which imports this module
    from newslint.profile import Profile
    from newslint.suppress import Suppression


NOTHING: Final[Iterator[Never]] = iter(())
"""What a `check` that finds nothing returns: one empty iterator for every rule and story (it
stays exhausted, so sharing it is safe). `iter(())` in its place made and freed an iterator with
a builtin call, about 150 instructions, some twenty times a story."""


@dataclass(frozen=True)
class RuleOptions:
    """Base of a rule's `Options`: a frozen dataclass whose fields all have defaults, set in the
    config as `[rules.<rule-name>]` (keys are the field names with `-` for `_`). The config checks
    each value against the type of its default; `validate` checks what a type cannot."""

    def validate(self) -> None:
        """Raise ValueError("option: what is wrong") for a bad value; called when the config
        loads, so that a bad option stops the run before any file is checked."""


@dataclass(frozen=True)
class NoOptions(RuleOptions):
    """A rule without options."""


@dataclass(frozen=True)
class RuleContext:
    """Settings of the run that every rule may read."""

    locale: str | None = None  # en-US, en-GB, en-CA, en-AU, or None: the story decides
    style: str | None = None  # ap, reuters, guardian, bbc, or None
    vocabulary: frozenset[str] = frozenset()  # accepted words and names, exactly as written
    # The desk profile (`profile = "desk.nlprofile"`, `--profile`): a rule reads what it learned
    # (`profile.section(self.name)`) and the desk's word table. None: the story is the only evidence.
    profile: Profile | None = field(default=None, compare=False, hash=False)
    # The codes of the rules the run checks with; None: every rule. A rule that leaves a word to
    # another (NL101 leaves "inthe" to NL104) reports it itself when that rule is not run.
    selected: frozenset[str] | None = None

    def accepts(self, word: str) -> bool:
        return word in self.vocabulary

    def runs(self, code: str) -> bool:
        """Whether the rule `code` checks this run's text too."""
        return self.selected is None or code in self.selected


@dataclass(frozen=True)
class Suggestion:
    """A setting a desk's archive suggests, for a newslint.toml the desk reviews.

    `key` is a config key ("locale"), a rule option ("rules.quote-style-mix.prefer"), or "" for
    a finding that no setting expresses (said as a comment); entries of a list setting
    ("rules.preferred-term.terms") are gathered from every rule that suggests one."""

    key: str
    value: Any
    evidence: str  # why, said in a comment above the setting


@dataclass(frozen=True)
class Trigger:
    """What a story must hold for a rule to have anything to look at: one of the characters
    `chars`, or a word that passes the letter test `words` (a `LetterTest`, so decided once per
    distinct word and remembered). A rule declares its triggers (`Rule.triggers`); the engine
    reads them all in one pass over each story (every trigger character tested once, every word
    test answered from the story's distinct words' bits, read once) and does not run a
    rule none of whose triggers the story holds: there it costs nothing. A trigger must be a
    necessary condition of every report the rule makes (tests/test_triggers.py checks that on the
    golden and made stories); a rule reads the words its test selected with `doc.selected(test)`,
    which the walk has already answered.

        Trigger(chars="\t")  # a tab
        Trigger(words=LetterTest(lambda w: w.lower() in table))  # a word of a table
    """

    chars: str = ""
    words: LetterTest | None = None

    def __post_init__(self) -> None:
        if not self.chars and self.words is None:
            raise ValueError("a Trigger needs characters or a word test")


class RuleUnavailable(Exception):
    """A rule cannot run because an outside service it needs is unreachable or misconfigured.
    The message is one line without a path: the run reports it once, not once per file."""


class Rule:
    code: ClassVar[str]  # "NL101": NL + family digit + two digits; stable forever
    name: ClassVar[str]  # "unknown-word": names the problem, not the fix (ruff convention)
    fix_availability: ClassVar[FixAvailability] = FixAvailability.NONE
    default_severity: ClassVar[Severity] = Severity.ERROR
    enabled_by_default: ClassVar[bool] = True
    # False: the rule corrects words or style, so its fixes are never applied inside a direct
    # quotation (the engine demotes them to display-only). True: the rule repairs encoding or
    # whitespace, which is safe inside quotations too.
    repairs_characters: ClassVar[bool] = False
    # False (nearly every rule): the rule reads the story's repaired reading, where entities,
    # markup and other character damage are already undone (`newslint.reading`), and the engine
    # maps its spans back to the original. True: the rule reports that damage itself (NL52x),
    # so it reads the original text.
    reads_original: ClassVar[bool] = False
    # True: the rule reports nothing but the story's character repairs (`Document.repairs`: the
    # NL52x rules), so that a story without any (most) leaves it out of its run, a call saved.
    reports_repairs: ClassVar[bool] = False
    # True for rules backed by an outside checker (LanguageTool): their violations are dropped
    # where one of newslint's own rules already reports an overlapping span.
    defers_to_other_rules: ClassVar[bool] = False
    # True for rules that send the story to a service outside the process (LanguageTool): a
    # parallel run's warm-up before its workers fork (`newslint.runner._warm_up`) is skipped
    # where one speaks, so nothing is sent for it and no connection is shared by the workers.
    asks_outside: ClassVar[bool] = False
    # The setting without which `check` finds nothing, as a dotted attribute of the rule
    # ("options.entries", "context.style"), or "" (nearly every rule): while it is unset (None or
    # empty) the engine leaves the rule out of its run (`Rule.silent`), so that a rule the settings
    # keep silent costs no call a story. `check_suppressions` is called all the same.
    needs_setting: ClassVar[str] = ""
    # False for a rule whose `check` finds nothing in any story (its reports come from elsewhere:
    # the suppression rules' `check_suppressions`): left out of every story's run
    checks_stories: ClassVar[bool] = True
    Options: ClassVar[type[RuleOptions]] = NoOptions

    def __init__(
        self,
        options: RuleOptions | None = None,
        context: RuleContext | None = None,
        origin: str | None = None,
    ) -> None:
        self.options = options if options is not None else self.Options()
        self.context = context or RuleContext()
        # where the options were written, for messages about them: "newslint.toml: rules.house-pattern"
        self.origin = origin or f"rules.{self.name}"

    def check(self, doc: Document) -> Iterator[Violation]:
        raise NotImplementedError

    def prepare(self) -> None:
        """Load now what checking many stories loads in the first few (a word list's set, its
        filters), which a check of one story may never need. Called before a parallel run's
        workers fork (`newslint.runner._warm_up`), so that they share it instead of each loading
        its own; a rule's answers are the same either way. Nothing (the default) for most."""

    def silent(self) -> bool:
        """Whether `check` finds nothing in any story under these settings, so that the engine leaves
        the rule out of the run: when it `checks_stories` not at all, or its `needs_setting` is unset."""
        if not self.checks_stories:
            return True
        return bool(self.needs_setting) and not attrgetter(self.needs_setting)(self)

    def triggers(self) -> tuple[Trigger, ...]:
        """What a story must hold for `check` to report anything (see `Trigger`): the engine runs
        `check` only on a story that holds one of them. () (the default): every story."""
        return ()

    def check_words(self) -> tuple[LetterTest, ...]:
        """The letter tests `check` reads the story's words with (`doc.selected(test)`) on every
        story it checks, besides its triggers': like every test, they take the story's words
        from their bits, read once a story for all the tests (`Document.word_bits`), and a
        test's new words are tested only if a rule asks for it. () (the default): none."""
        return ()

    def check_suppressions(self, doc: Document, unused: list[Suppression]) -> Iterator[Violation]:
        """Called after every rule's `check`, with the story's suppression comments that
        suppressed nothing. Only rules about the comments themselves (NL001, NL002) report here."""
        return NOTHING

    def learn(self, doc: Document) -> Mapping[str, Mapping[str, int]]:
        """What one story of a desk's archive teaches this rule (`newslint learn`), as named
        counters: summed over the archive into the profile's section named after the rule,
        which the rule reads back at check time (`self.context.profile.section(self.name)`).
        `doc` is read coarsely (see `newslint.learn`). Rules that learn override this."""
        return {}

    def learn_words(self) -> tuple[LetterTest, ...]:
        """The letter tests `learn` picks the story's words with (`doc.selected(test)`): `newslint
        learn` selects the words of every learning rule's tests from each story's words' bits,
        read once, before the rules learn, as `check` does for the triggers. () (the
        default): none."""
        return ()

    @classmethod
    def learns(cls) -> bool:
        return cls.learn is not Rule.learn

    def suggest(self, profile: Profile) -> Iterator[Suggestion]:
        """The settings a desk's profile suggests for this rule (`newslint learn --suggest-config`),
        each with its evidence. Rules that learn may override this."""
        return NOTHING

    # --- helpers for subclasses --------------------------------------------------------
    def violation(
        self, span: Span, message: str, fix: Fix | None = None, alternatives: tuple[Fix, ...] = ()
    ) -> Violation:
        return Violation(self.code, span, message, fix, alternatives)

    @classmethod
    def family(cls) -> str:
        return FAMILIES[cls.code[2]]

    @classmethod
    def fix_rank(cls) -> int:
        """Which fix wins where two rules' fixes overlap: the higher rank (see FIX_RANKS)."""
        return FIX_RANKS.get(cls.family(), 0)

    @classmethod
    def summary(cls) -> str:
        """The first paragraph of `## What it does`, without a last sentence that only leads
        into an example ("Does nothing until the desk lists terms:")."""
        doc = cls.__doc__ or ""
        return without_lead_in(" ".join(doc.split("## What it does", 1)[-1].strip().split("\n\n")[0].split()))

    @classmethod
    def option_fields(cls) -> tuple[dataclasses.Field[Any], ...]:
        return dataclasses.fields(cls.Options)


def option_default(f: dataclasses.Field[Any]) -> Any:
    """The default of an option: its default value, or what its default factory makes."""
    if f.default is not dataclasses.MISSING:
        return f.default
    if f.default_factory is not dataclasses.MISSING:
        return f.default_factory()
    raise TypeError(f"option {f.name!r} has no default")  # every option needs one: Options() is built bare


FAMILIES = {
    "0": "meta",
    "1": "typos",
    "2": "naming",
    "3": "structure",
    "4": "numbers",
    "5": "typography",
    "6": "house-style",
    "9": "grammar",
}


def without_lead_in(paragraph: str) -> str:
    """A paragraph without a last sentence that only leads into an example left out of it
    ("Does nothing until the desk lists terms:")."""
    if not paragraph.endswith(":"):
        return paragraph
    cut = max(paragraph.rfind(". ", 0, len(paragraph) - 1), paragraph.rfind("? ", 0, len(paragraph) - 1))
    return paragraph[: cut + 1] if cut > 0 else paragraph[:-1] + "."


# Where fixes of two rules overlap, the higher rank is applied (the other is re-checked on the
# fixed text): a desk's own terms over a typo fix over a choice between spelling varieties. With
# `utilise` -> `use` in the house style and locale en-US, --fix writes "use", not "utilize".
FIX_RANKS = {"house-style": 3, "typos": 2, "naming": 1}


def replace_fix(title: str, span: Span, content: str, safe: bool) -> Fix:
    """A one-edit replacement, safe or unsafe."""
    edit = Edit.replace(span, content)
    return Fix.safe(title, edit) if safe else Fix.unsafe(title, edit)
