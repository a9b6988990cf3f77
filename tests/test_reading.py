"""The repaired reading's offset map (newslint.reading), with hypothesis: for any text and any
repairs, spans round-trip, and an edit made on the reading and mapped back changes the original
only inside the mapped span, giving the same text as editing the reading."""

from __future__ import annotations

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from newslint.config import Settings
from newslint.lint import Linter
from newslint.reading import Reading, Repair
from newslint.span import Span
from newslint.violation import Edit, Fix
from tests.depth import examples

from .test_properties import STORIES

ALPHABET = "ab #;'\n"
LINTER = Linter(Settings(), "story.txt")


@st.composite
def texts_with_repairs(draw):
    """A text and non-overlapping, non-empty repairs on it (some deletions, some growing)."""
    text = draw(st.text(ALPHABET, max_size=40))
    cuts = sorted(draw(st.lists(st.integers(0, len(text)), max_size=12)))
    repairs = []
    last = 0
    for a, b in zip(cuts[::2], cuts[1::2], strict=False):
        if a < last or a == b:
            continue
        content = draw(st.sampled_from(["", "X", "YZ", "'", " ", "QQQQ"]))
        repairs.append(Repair(Span(a, b), content, "test"))
        last = b
    return text, repairs


@st.composite
def edits_on(draw, text):
    """Non-overlapping edits on `text` (insertions included), as a fix would hold them."""
    cuts = sorted(draw(st.lists(st.integers(0, len(text)), max_size=8)))
    edits = []
    last = -1
    for a, b in zip(cuts[::2], cuts[1::2], strict=False):
        if a <= last:
            continue
        edits.append(Edit(Span(a, b), draw(st.sampled_from(["", "e", "new"]))))
        last = b
    return edits


def apply(text: str, edits) -> str:
    out, cursor = [], 0
    for e in sorted(edits, key=lambda e: (e.span.start, e.span.end)):
        out.append(text[cursor : e.span.start])
        out.append(e.content)
        cursor = e.span.end
    out.append(text[cursor:])
    return "".join(out)


def test_the_reading_applies_the_safe_repairs_only():
    original = "Iraq #39;s oil and AT amp;T"
    repairs = [Repair(Span(4, 9), "'", "entity"), Repair(Span(21, 26), "&", "entity", safe=False)]
    reading = Reading(original, repairs)
    assert reading.text == "Iraq's oil and AT amp;T"
    assert reading.span_to_original(Span(0, 6)) == Span(0, 10)  # Iraq's <- Iraq #39;s
    assert reading.span_to_original(Span(7, 10)) == Span(11, 14)  # oil
    assert reading.edits_to_original([Edit(Span(7, 10), "gas")]) == (Edit(Span(11, 14), "gas"),)


def test_an_edit_inside_a_repaired_stretch_takes_the_whole_stretch():
    original = "doesn #39;t"
    reading = Reading(original, [Repair(Span(5, 10), "'", "entity")])
    assert reading.text == "doesn't"
    # replacing the whole word: the damaged stretch goes with it, replaced by clean text
    assert reading.edits_to_original([Edit(Span(0, 7), "does not")]) == (Edit(Span(0, 11), "does not"),)
    # an edit next to the stretch leaves it alone
    assert reading.edits_to_original([Edit(Span(6, 7), "T")]) == (Edit(Span(10, 11), "T"),)
    # an insertion strictly inside a stretch takes the whole stretch, with its clean text
    quoted = Reading("said  quot;no", [Repair(Span(4, 11), ' "', "entity")])
    assert quoted.text == 'said "no'
    assert quoted.edits_to_original([Edit(Span(5, 5), "!")]) == (Edit(Span(4, 11), ' !"'),)


def test_without_repairs_the_reading_is_the_original_itself():
    text = "No damage here."
    reading = Reading(text)
    assert reading.text is text and not reading.changed
    assert reading.span_to_original(Span(3, 9)) == Span(3, 9)


def test_deleted_markup_is_left_out_of_tight_spans():
    original = "a<b>word</b> c"
    reading = Reading(original, [Repair(Span(1, 4), "", "markup"), Repair(Span(8, 12), "", "markup")])
    assert reading.text == "aword c"
    assert reading.span_to_original(Span(1, 5)) == Span(4, 8)  # 'word' without its tags
    assert reading.span_to_original(Span(0, 7)) == Span(0, 14)


def _survivors(repairs, edits):
    """The repairs an edited original still holds (those outside every edit), shifted."""
    out = []
    for r in repairs:
        if any(e.span.start < r.span.end and r.span.start < e.span.end for e in edits if len(e.span)):
            continue  # consumed: the edit replaced the whole stretch
        if any(r.span.start < e.span.start < r.span.end for e in edits):
            continue
        shift = sum(len(e.content) - len(e.span) for e in edits if e.span.end <= r.span.start)
        out.append(Repair(Span(r.span.start + shift, r.span.end + shift), r.content, r.kind))
    return out


@settings(max_examples=examples(500), deadline=None)
@given(st.data())
def test_edits_on_the_reading_map_back_exactly(data):
    text, repairs = data.draw(texts_with_repairs())
    reading = Reading(text, repairs)
    assert reading.text == apply(text, [Edit(r.span, r.content) for r in repairs])
    edits = data.draw(edits_on(reading.text))
    mapped = reading.edits_to_original(edits)
    if edits:
        Fix.safe("check", *mapped)  # valid: sorted, non-overlapping
    edited = apply(text, mapped)
    # Editing the original with the mapped edits, then reading it, is editing the reading.
    assert Reading(edited, _survivors(repairs, mapped)).text == apply(reading.text, edits)


@settings(max_examples=examples(500), deadline=None)
@given(st.data())
def test_spans_round_trip(data):
    text, repairs = data.draw(texts_with_repairs())
    reading = Reading(text, repairs)
    a = data.draw(st.integers(0, len(reading.text)))
    b = data.draw(st.integers(a, len(reading.text)))
    there = reading.span_to_original(Span(a, b))
    back = reading.span_to_reading(there)
    assert back.start <= a and b <= back.end  # widened at most, never narrowed
    a = data.draw(st.integers(0, len(text)))
    b = data.draw(st.integers(a, len(text)))
    here = reading.span_to_reading(Span(a, b))
    again = reading.span_to_original(here)
    assert reading.span_to_reading(again) == here
    # Mapped back, the span holds all of the original span but deleted text at its edges.
    deleted = {i for r in repairs if not r.content for i in range(r.span.start, r.span.end)}
    left_out = set(range(a, b)) - set(range(again.start, again.end))
    assert left_out <= deleted


@settings(max_examples=200, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(STORIES, st.sampled_from(["story.txt", "story.md"]))
def test_every_report_on_a_damaged_story_lies_in_the_original(text, path):
    """Whatever the damage, every violation and fix edit the linter returns is a valid span of
    the original text, and the reading is the original with the safe repairs applied."""
    result = LINTER.for_path(path).check(text)
    for v in result.violations:
        assert 0 <= v.span.start <= v.span.end <= len(text)
        if v.fix is not None:
            for e in v.fix.edits:
                assert 0 <= e.span.start <= e.span.end <= len(text)
    repairs = [r for r in result.document.repairs if r.safe]
    assert result.reading.text == apply(text, [Edit(r.span, r.content) for r in repairs])


_ENTITY_LIKE = st.one_of(
    st.sampled_from(["&quot;", "&amp;", "&#39;", "&#151;", "&#x2019;", "&nbsp;", "&race;", "&#0;"]),
    st.builds("&#{};".format, st.integers(0, 1_200_000)),
    st.builds("&{};".format, st.text("abcdeqtuolgmpsAZ0", min_size=1, max_size=8)),
)


@settings(max_examples=200)
@given(st.lists(_ENTITY_LIKE, max_size=20))
def test_an_entity_names_what_html_unescape_says_however_often_it_is_met(found):
    """The entities finder's remembered `_unescape` answers what html.unescape does, for an
    entity met the first time, met again, and after the memory was cleared."""
    import html

    from newslint.repairs import entities

    for entity in [*found, *found]:
        assert entities._unescape(entity) == html.unescape(entity)
    entities._UNESCAPED.clear()
    assert [entities._unescape(e) for e in found] == [html.unescape(e) for e in found]
