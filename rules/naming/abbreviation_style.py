"""NL204 abbreviation-style."""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Callable, Iterator
from collections.abc import Set as AbstractSet
from dataclasses import replace

from newslint.document import Document, LetterTest
from newslint.native import native
from newslint.profile import Profile
from newslint.rule import NOTHING, Rule, Suggestion, replace_fix
from newslint.rules._desk import desk_choice, grouped_lesson, style_notes
from newslint.rules.naming._company import COMPANY_AFTER, SPACE
from newslint.rules.typos._words import english, known_names
from newslint.segment import dateline_at
from newslint.span import Span
from newslint.violation import FixAvailability, Violation

# U.S., U.N., E.U. (dotted); US, UN, NATO (capitals); Nato, Opec, Unicef (a word, four letters or more).
# Capital first, the character before it checked by a look-behind after it: the regex engine
# then jumps from capital to capital instead of trying every position.
_FORMS = re.compile(r"[A-Z](?<![\w.][A-Z])(?:\.(?:[A-Z]\.)+|[A-Z]+(?!\w|\.\w)|[a-z]{3,}(?!\w))")
_NEXT_WORD = re.compile(r"[ \t]+([A-Z]?)")
# A form inside a company's name keeps the company's style: Air UK, Esso UK, Ceres UK Ltd,
# Nissan Motor Manufacturing (UK) Ltd, US Sprint Communications Co.
_NAME_BEFORE = re.compile(rf"(?<![.!?:]\s)(?<![.!?:]\s\s)\b([A-Z][\w&-]*){SPACE}\(?$")


def _shouting(doc: Document, span: Span) -> bool:
    """A line written mostly in capitals (wire slugs, "REUTER", tables): its capitals say nothing."""
    letters, capitals = doc.line_case(span.start)
    return capitals > 0.6 * letters


# A word in capitals beside the form: "MATEJA KEZMAN finally", "NVIDIA HAS MADE a noise".
_CAPITALS_BEFORE = re.compile(r"(?<![\w.])[A-Z][A-Z'’.&-]*[A-Z][ \t]+$")
_CAPITALS_AFTER = re.compile(r"[ \t]+[A-Z][A-Z'’.&-]*[A-Z](?![\w'’])")
_LINE_STARTS = re.compile(r"^[ \t]*(?=\S)", re.MULTILINE)
_OPENING_MARKS = re.compile(r"[\s\-–—(\"“']*")
HEADLINE_LINES = 3  # a headline with no blank line under it is at most this many lines


def _typographic(doc: Document, span: Span) -> bool:
    """Capitals that are typography, not an abbreviation style: the place in a dateline
    (`NAJAF, Iraq -` beside `Najaf`), the lines above a dateline (a headline with no blank line
    under it) and a run of words in capitals (a lead-in, `MATEJA KEZMAN finally broke`). Such
    capitals are neither counted nor reported."""
    text = doc.text
    form = text[span.start : span.end]
    if not form.isupper() or "." in form:
        return False
    if span.start < doc.derived(_dateline_end):  # found once a story: asked for each form in capitals
        return True
    return bool(
        _CAPITALS_BEFORE.search(text, max(0, span.start - 40), span.start)
        or _CAPITALS_AFTER.match(text, span.end)
    )


def _lead_in(doc: Document, form: str, spans: list[Span]) -> bool:
    """The word that opens the body, in capitals there alone (`NOVELL Inc has announced ...`
    beside `Novell` after): some desks set the first word of a story in capitals."""
    return form.isupper() and "." not in form and len(spans) == 1 and spans[0].start == _body_opening(doc)


def _dateline_end(doc: Document) -> int:
    """Where the story's dateline ends (0 when it has none): the parser's, or one that opens one of
    the first lines, under a headline that no blank line set apart."""
    if doc.dateline is not None:
        return doc.dateline.end
    for n, m in enumerate(_LINE_STARTS.finditer(doc.text)):
        if n >= HEADLINE_LINES:
            break
        if n and (found := dateline_at(doc.text, m.end())):
            return found.end
    return 0


def _body_opening(doc: Document) -> int:
    """The offset of the first word of the body, after the dateline (-1 without a body)."""
    if not doc.paragraphs:
        return -1
    start = max(doc.paragraphs[0].start, _dateline_end(doc))
    marks = _OPENING_MARKS.match(doc.text, start)
    assert marks is not None  # the pattern matches the empty string
    return marks.end()


_NOT_SPACE = re.compile(r"\S+")  # `\s` is `str.isspace`, as `str.split` reads it


def _word_at(text: str, at: int) -> str:
    """The characters from `at` (not a space) up to the next space: `text[at:].split()[0]`
    without a copy of the rest of the text (20 MB a form in a big file)."""
    found = _NOT_SPACE.match(text, at)
    assert found is not None, "a word starts at `at`"
    return found.group()


def _company_name(doc: Document, span: Span) -> str:
    """For a country's abbreviation (US, UK) that is a word of a company's name, the name's word
    beside it: after a capitalised word in mid-sentence (Air UK -> "air"), or before the rest of a
    name that ends in a company word (US Sprint Communications Co -> "sprint"). Otherwise "". A
    company's own initials (ROLM Corp, Basf) are compared as usual."""
    if _letters(doc.text[span.start : span.end]) not in _COUNTRIES:
        return ""
    return _name_beside(doc, span)


def _name_beside(doc: Document, span: Span) -> str:
    """`_company_name` of a form whose letters are a country's (US, UK)."""
    text = doc.text
    before = _NAME_BEFORE.search(text, max(0, span.start - 30), span.start)
    if before and before.group(1) not in _NOT_NAMES and not before.group(1).endswith(("'s", "’s")):
        return before.group(1).lower()
    after = _NEXT_WORD.match(text, span.end)
    if COMPANY_AFTER.match(text, span.end):
        return _word_at(text, after.end() - 1).lower() if after and after.group(1) else "company"
    form = text[span.start : span.end]
    if after and after.group(1) and "." not in form:
        # the first word of a longer name (US Sprint): that name's style, not the story's,
        # unless the story writes the name with the other form too (US Open, the U.S. Open).
        # A dotted form before a capital may end its sentence ("in the U.S. For growth").
        word = _word_at(text, after.end() - 1).rstrip(".,;:'’")
        if word not in _NOT_NAMES and not _dotted_before(doc, "".join(f"{c}." for c in form), word):
            return word.lower()
    return ""


# A dotted country's form (U.S., U.K.: the dotted forms of `_COUNTRIES`) and the word after it.
_DOTTED_RUNS = re.compile(r"(U\.[SK]\.)(?=\s+(\S+))")


def _dotted_runs(doc: Document) -> dict[tuple[str, str], list[str]]:
    """(a dotted form of `_COUNTRIES`, a first character) -> the distinct runs of characters
    other than spaces written after a space or spaces after that form, opening with that
    character: one scan of the text for `_dotted_before`'s every question."""
    found: dict[tuple[str, str], dict[str, None]] = defaultdict(dict)
    for dotted, run in _DOTTED_RUNS.findall(doc.text):
        found[dotted, run[0]][run] = None
    return {key: list(runs) for key, runs in found.items()}


def _dotted_before(doc: Document, dotted: str, word: str) -> bool:
    r"""Whether `dotted` (U.S., U.K.) stands before `word` (no space in it) somewhere in the text:
    `re.search(rf"{re.escape(dotted)}\s+{re.escape(word)}\b", text)`, asked of the runs after
    the dotted form (`_dotted_runs`, found once a story), not by a search of the whole text for
    each name (a big file asks it a hundred times). The word's first character is no space, so
    the spaces end where the word opens a run; it ends where the run does or inside it at a
    word boundary (the end of a run is one after a word character, in the text as in the run)."""
    runs = doc.derived(_dotted_runs).get((dotted, word[0]), ())
    return any(run.startswith(word) and re.match(rf"{re.escape(word)}\b", run) is not None for run in runs)


_COUNTRIES = frozenset({"US", "UK"})
# Capitalised words before an abbreviation that are no part of a name: sentence openers, months, days.
_NOT_NAMES = frozenset(
    "The A An In At On For Of To By From With As And But If When While After Before Under Over "
    "That This These Those Its Their His Her Our Both All Some Most Many Other Non Anti Pro Top "
    "January February March April May June July August September October November December "
    "Monday Tuesday Wednesday Thursday Friday Saturday Sunday".split()
)


def _letters(form: str) -> str:
    return form.replace(".", "").upper()


def _compared(form: str) -> bool:
    """False for a word or a name (Rice and RICE, Beirut and BEIRUT: the same in capitals)."""
    return not (form[1:].islower() and (form.lower() in english().words or form in known_names()))


_COMPARED = LetterTest(_compared)


def _form_twins_twin(text: str) -> list[str]:
    """The distinct forms of `_FORMS` in `text` whose letters it writes two ways or more, one of
    them in capitals, in order of first use: the pure-Python twin of the compiled `form_twins`,
    which makes no string in a story without such letters (most stories)."""
    forms = dict.fromkeys(_FORMS.findall(text))  # in order of first use
    by_letters: dict[str, list[str]] = defaultdict(list)
    for form in forms:
        by_letters[_letters(form)].append(form)
    twice = {k for k, fs in by_letters.items() if len(fs) >= 2 and any(f == f.upper() for f in fs)}
    return [form for form in forms if _letters(form) in twice]


_form_twins: Callable[[str], list[str]] = _form_twins_twin if native is None else native.form_twins


def _capital_forms_twin(text: str, start: int) -> list[str]:
    """The distinct forms of `_FORMS` in `text` from `start` on whose letters it writes in
    capitals at least once (US, U.S., NATO; Nato beside NATO), in order of first use: the
    pure-Python twin of the compiled `capital_forms`, which NL204 learns from."""
    forms = dict.fromkeys(_FORMS.findall(text, start))  # in order of first use
    in_capitals = {_letters(f) for f in forms if f == f.upper()}
    return [form for form in forms if _letters(form) in in_capitals]


_capital_forms: Callable[[str, int], list[str]] = (
    _capital_forms_twin if native is None else native.capital_forms
)


def _mixed_forms_twin(text: str) -> set[str]:
    """The forms whose letters the story writes two ways or more, one of them in capitals: the
    only ones `check` can report, from one scan of the story's forms, before any position is
    looked at (most stories have none, and test nothing more). The forms a word or a name takes
    out (`_compared`) are tested only where letters are written two ways before the test: the
    test takes forms out, it adds none. It is called on the few word forms (Nato) itself, not
    through `_COMPARED`'s memory: a form in capitals is always compared. The pure-Python twin
    of the compiled `mixed_forms`, which walks the twins in C (two thirds of the stories have
    some: a headline in capitals, JAPAN beside Japan, where Japan is a name)."""
    twins = _form_twins(text)
    if not twins:
        return set()
    by_letters: dict[str, set[str]] = defaultdict(set)
    for form in twins:
        if form == form.upper() or _compared(form):
            by_letters[_letters(form)].add(form)
    return {
        form
        for forms in by_letters.values()
        if len(forms) >= 2 and any(f == f.upper() for f in forms)
        for form in forms
    }


def _word_and_name_lists() -> tuple[AbstractSet[str], AbstractSet[str]]:
    """The words and the names `_compared` reads, for the compiled `mixed_forms` (which asks for
    them only when a form that is no capitals needs them, as `_compared` does)."""
    return english().words, known_names()


def _mixed_forms(text: str) -> set[str]:
    """`_mixed_forms_twin`, compiled where it can be."""
    if native is None:
        return _mixed_forms_twin(text)
    return native.mixed_forms(text, _word_and_name_lists)


# A story whose wanted forms times its length pass this many characters is scanned once for
# all its forms (`_counted_forms`) rather than searched once a form.
SEARCHED_CHARACTERS = 1 << 20


def _places(text: str, forms: AbstractSet[str]) -> list[tuple[int, int]]:
    """The places of the matches of `_FORMS` in `text` whose form is one of `forms`, in text
    order: `[m.span() for m in _FORMS.finditer(text) if m.group() in forms]`. No match starts
    inside another (its look-behind), so they are the places where a form is found as a string
    and `_FORMS` matches it there: a story's few forms are found by string search (C-level), not
    by a look at each of its capitalised words in Python. A long text with many forms is scanned
    once instead (each form's search reads to the end of the text)."""
    if len(forms) * len(text) > SEARCHED_CHARACTERS:
        return _form_places(text, forms if isinstance(forms, set) else set(forms))
    found = []
    for form in forms:
        at = text.find(form)
        while at >= 0:
            m = _FORMS.match(text, at)
            if m is not None and m.end() == at + len(form):
                found.append((at, m.end()))
            at = text.find(form, at + 1)
    found.sort()
    return found


def _places_twin(text: str, forms: AbstractSet[str]) -> list[tuple[int, int]]:
    """The places of the matches of `_FORMS` in `text` whose form is one of `forms`, in text
    order, from one scan: the pure-Python twin of the compiled `form_places`, which makes no
    string for a match of a length or a first letter no form has (a big file's capitalised
    words are hundreds of thousands of matches: 0.12 s of the 10 MB file's NL204 in Python)."""
    return [m.span() for m in _FORMS.finditer(text) if m.group() in forms]


_form_places: Callable[[str, AbstractSet[str]], list[tuple[int, int]]] = (
    _places_twin if native is None else native.form_places
)


def _counted_forms(
    text: str, start: int, wanted: AbstractSet[str], counts: Callable[[Span], bool]
) -> set[str]:
    """The forms of `wanted` written from `start` on at a place `counts` accepts (a place
    `_FORMS` matches as written). A form is counted once a story, so its places are looked at
    until one is accepted. No match of `_FORMS` starts inside another (its look-behind), so a
    form's matches are the places where the form is found as a string and `_FORMS` matches it
    there: a story's few forms are found by string search (C-level; no look at its other
    capitalised words). A form whose places are all passed over is searched to the end of the
    text, though, so a long text with many forms (a file of thousands of stories read as one
    story) is scanned once, in order, instead: linear in its length."""
    found: set[str] = set()
    if len(wanted) * (len(text) - start) > SEARCHED_CHARACTERS:
        for each in _FORMS.finditer(text, start):
            form = each.group()
            if form in wanted and form not in found and counts(Span(each.start(), each.end())):
                found.add(form)
        return found
    for form in wanted:
        at = text.find(form, start)
        while at >= 0:
            m = _FORMS.match(text, at)
            if m is not None and m.end() == at + len(form) and counts(Span(at, m.end())):
                found.add(form)
                break
            at = text.find(form, at + 1)
    return found


def _two_outside(text: str, forms: AbstractSet[str], headline: Span | None) -> bool:
    """Whether two of `forms` with the same letters are each written, as a string, somewhere
    outside `headline` (not inside its span): `check` counts no place in the headline
    (`_counts`), so letters with one form outside it have one form kept at most, and no report.
    Most stories with mixed forms write a name in capitals in a headline set in capitals
    (NAKASONE SAYS ... beside Nakasone), and are left here, their places never looked for.
    `forms` are forms the text writes (`_mixed_forms`)."""
    if headline is None:
        return True
    seen: set[str] = set()
    for form in forms:
        n = len(form)
        # Each form is written somewhere in the text: one the headline does not hold is written
        # outside it, with no search of the rest (which, in a long text, reads far for each form).
        # Else a use that starts before the headline, or ends after it (a negative start would
        # count from the end of the text).
        if (
            text.find(form, headline.start, headline.end) < 0
            or text.find(form, 0, headline.start + n - 1) >= 0
            or text.find(form, max(0, headline.end - n + 1)) >= 0
        ):
            letters = _letters(form)
            if letters in seen:
                return True
            seen.add(letters)
    return False


class AbbreviationStyle(Rule):
    """## What it does
    Finds one abbreviation written two ways in the body of a story: with and without full stops
    (`U.S.` and `US`, `U.N.` and `UN`) or in capitals and as a word (`NATO` and `Nato`). The form
    the body uses most is taken as right, a tie goes to the first use, and every other
    occurrence is reported. Headlines are left alone: many desks write `US` in headlines and
    `U.S.` in the body. A word form (`Nato`) is only compared when the story also writes it in
    capitals, and only from four letters up, so `It` and `IT` or `Us` and `US` never meet.
    A country's abbreviation inside a company's name keeps the company's style (`US West Inc`
    beside `the U.S. Postal Service`, `Air UK`, `Ceres UK Ltd`), and so does one in capitals
    that opens a longer name (`US Sprint` beside `the U.S.`); the same name written two ways
    (`Esso UK`, `Esso U.K. Plc`; `the U.S. Open`, `the US Open Series`) is still a mix.
    Capitals that are typography are no abbreviation style: the place in a dateline (`NAJAF,
    Iraq -` beside `Najaf`) and any line above it, a run of words in capitals (`MATEJA KEZMAN
    finally broke`), and the word that opens the body when the story writes it in capitals
    there alone (`NOVELL Inc has announced`); they are neither counted nor reported.

    ## Why is this bad?
    A house style writes each abbreviation one way; a story that mixes them looks pasted
    together from two sources.

    ## Example
        U.S. jets struck ... US officials said ...

    ## Use instead
        U.S. jets struck ... U.S. officials said ...

    ## Fix safety
    Unsafe: the majority is a guess about the house style. A dotted form at the end of a
    sentence also ends the sentence, so `U.S.` before a capitalised word is only reported
    (its full stop may be the sentence's), and at the end of a paragraph it becomes `US.`.
    Inside direct quotations the form is reported, never changed.

    ## With a desk profile
    With `profile` set (docs/profile.md), a story that writes an abbreviation two ways follows
    the form nine in ten of the desk's stories that keep to one form write (twenty stories or
    more), not the story's majority.
    """

    code = "NL204"
    name = "abbreviation-style"
    fix_availability = FixAvailability.SOMETIMES

    def check(self, doc: Document) -> Iterator[Violation]:
        text = doc.text
        mixed = _mixed_forms(text)
        if not mixed or not _two_outside(text, mixed, doc.headline):
            # most stories write each abbreviation one way, or one of them in the headline: not a
            # generator, so that they pay one call
            return NOTHING
        return self._mixes(doc, text, mixed)

    def _mixes(self, doc: Document, text: str, mixed: set[str]) -> Iterator[Violation]:
        """`check`'s reports where the story writes some abbreviation two ways (`mixed`, its forms)
        outside its headline."""
        forms: dict[tuple[str, str], dict[str, list[Span]]] = defaultdict(lambda: defaultdict(list))
        letters_of = {form: _letters(form) for form in mixed}  # read once a form, not once a place
        for start, end in _places(text, mixed):
            form, span = text[start:end], Span(start, end)
            letters = letters_of[form]
            # a company keeps its own style (US West Inc beside the U.S. Postal Service), but
            # one company written two ways (Esso UK, Esso U.K. Plc) is a mix (`_company_name`,
            # asked only of a country's letters)
            forms[letters, _name_beside(doc, span) if letters in _COUNTRIES else ""][form].append(span)
        for by_form in forms.values():
            if len(by_form) < 2 or not any(f == f.upper() for f in by_form):
                continue  # Nato and Unesco alone are words, not a second form
            if sum(self._kept(doc, f, spans) for f, spans in by_form.items()) < 2:
                continue  # the common case: a form only in the headline, the dateline, a table
            by_form = {
                f: kept
                for f, spans in by_form.items()
                if (kept := [s for s in spans if self._counts(doc, s)])
            }
            by_form = {f: spans for f, spans in by_form.items() if not _lead_in(doc, f, spans)}
            if len(by_form) < 2:
                continue
            ranked = sorted(by_form.items(), key=lambda kv: (-len(kv[1]), kv[1][0].start))
            # With a desk profile, the desk's form of these letters decides, when it is clear.
            desk = desk_choice(self.context.profile, self.name, by_form, f"{_letters(ranked[0][0])}:")
            if desk is not None:
                ranked.sort(key=lambda kv: kv[0] != desk.form)
            canonical, uses = ranked[0]
            for form, spans in ranked[1:]:
                for span in spans:
                    found = self._report(doc, span, form, canonical, len(uses))
                    if desk is not None:
                        found = replace(
                            found, message=f"{form!r} is written {canonical!r} by the desk (in {desk.share})"
                        )
                    yield found

    def suggest(self, profile: Profile) -> Iterator[Suggestion]:
        for note in style_notes(profile, self.name, f"{self.code} abbreviations"):
            yield Suggestion("", None, note)

    def learn(self, doc: Document) -> dict[str, dict[str, int]]:
        """The forms of each abbreviation the story's body writes (docs/profile.md), where one of
        them is in capitals or has full stops (U.S., US, NATO; Nato beside NATO)."""
        # Read from the end of the headline: no form in it counts (a wire headline is all capitals).
        body = doc.headline.end if doc.headline is not None else 0
        # Most capitalised words are names with no form in capitals: their places are not looked
        # at. A form in capitals (ASCII, as `_FORMS` finds) is never a word or a name to
        # `_compared`, so only the forms that share their letters with one are tested (a few, not
        # every name), found by one compiled scan of the body when it is built.
        forms = _capital_forms(doc.text, body)
        if not forms:
            return {}
        wanted = _COMPARED.select(set(forms))
        text = doc.text
        groups: dict[str, set[str]] = defaultdict(set)
        for form in _counted_forms(
            text, body, wanted, lambda span: self._counts(doc, span) and not _company_name(doc, span)
        ):
            groups[_letters(form)].add(form)
        return grouped_lesson({k: v for k, v in groups.items() if any(f == f.upper() for f in v)})

    def _kept(self, doc: Document, form: str, spans: list[Span]) -> bool:
        """Whether `check` keeps the form written at `spans`: some place counts (`_counts`) and
        it is no lead-in (`_lead_in`), the places looked at only until that is known (a
        form's places after the first that counts matter only for a lead-in)."""
        counted = (span for span in spans if self._counts(doc, span))
        first = next(counted, None)
        if first is None:
            return False
        if not form.isupper() or "." in form or first.start != _body_opening(doc):
            return True
        return next(counted, None) is not None  # two places: no lead-in

    @staticmethod
    def _counts(doc: Document, span: Span) -> bool:
        return (
            doc.is_prose(span)
            and not doc.in_headline(span)
            and not _shouting(doc, span)
            and not _typographic(doc, span)
        )

    def _report(self, doc: Document, span: Span, form: str, canonical: str, uses: int) -> Violation:
        message = f"{form!r} is written {canonical!r} elsewhere in the story ({uses} time{'s' * (uses != 1)})"
        right = canonical
        if form.endswith(".") and not canonical.endswith("."):
            after = doc.text[span.end : span.end + 3]
            if after[:1] in ("", "\n") or after.startswith("\n"):
                right = canonical + "."  # the full stop also ends the paragraph
            elif (m := _NEXT_WORD.match(after)) and m.group(1):
                return self.violation(span, message)  # "in the U.S. The": the stop may end the sentence
        return self.violation(
            span, message, replace_fix(f"Write {right!r}", span, right, self.context.accepts(canonical))
        )
