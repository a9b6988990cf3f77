"""Helpers rewritten to stay linear in one big file agree with their plain definitions.

A file of thousands of stories is one document: a test that compares every name with every
other, searches the whole text once per name or reads the text before each match grows with
the square of the file. Each helper below replaces such a plain form (kept here, as the
definition) with an index or a local search; these tests check the two agree.
"""
from __future__ import annotations

import re

from hypothesis import given, settings
from hypothesis import strategies as st

from newslint.rules.naming import name_variant

LETTERS = "aAbBdeéİ"


@st.composite
def near_names(draw):
    """A name and names one edit from it (and others): the pairs the index must not miss."""
    name = draw(st.text(alphabet=LETTERS, min_size=1, max_size=9))
    others = draw(st.lists(st.text(alphabet=LETTERS, min_size=1, max_size=9), max_size=10))
    for _ in range(draw(st.integers(0, 8))):
        i = draw(st.integers(0, len(name)))
        c = draw(st.sampled_from(LETTERS))
        op = draw(st.sampled_from(["substitute", "insert", "delete", "transpose", "double"]))
        if op == "substitute" and i < len(name):
            others.append(name[:i] + c + name[i + 1:])
        elif op == "insert":
            others.append(name[:i] + c + name[i:])
        elif op == "delete" and i < len(name):
            others.append(name[:i] + name[i + 1:])
        elif op == "transpose" and i + 1 < len(name):
            others.append(name[:i] + name[i + 1] + name[i] + name[i + 2:])
        elif op == "double":  # Gaddafi / Gadaffi: the doubling moved to a later letter
            a, b, c = (draw(st.text(alphabet=LETTERS, max_size=3)) for _ in range(3))
            x, y = draw(st.sampled_from(LETTERS)), draw(st.sampled_from(LETTERS))
            name = a + x + x + b + y + c
            others.append(a + x + b + y + y + c)
    return name, draw(st.permutations(list(dict.fromkeys(other for other in others if other))))  # distinct, as counted


@settings(max_examples=500, deadline=None)
@given(near_names(), st.sampled_from([0, 1, 24]))
def test_near_names_find_every_name_one_edit_away(case, few):
    """`_NearNames` offers (a superset of) the names that `_one_edit_pair` accepts, whether it
    compares a shape's names one by one or looks them up by key."""
    name, names = case
    near = list(name_variant._NearNames(names, few=few).of(name))
    assert len(near) == len(set(near))
    assert {other for other in names if name_variant._one_edit_pair(name, other)} <= set(near)


def test_near_names_examples():
    near = name_variant._NearNames(["Rinaldi", "Gaddafi", "Qaeda", "Reagan", "Ronaldo", "Gadaffy", "Qatar"], few=0)
    assert "Rinaldi" in set(near.of("Rinladi"))  # transposition
    assert "Gaddafi" in set(near.of("Gadaffi"))  # a doubling moved
    assert "Qaeda" in set(near.of("Qaida")) and "Qaeda" in set(near.of("Qaeeda"))  # substitution, insertion
    assert "Reagan" in set(near.of("Regan"))  # deletion
    assert "Rinaldi" not in set(near.of("Gaddafi")) and "Ronaldo" not in set(near.of("Rinladi"))


PHRASE_TEXT = st.lists(st.sampled_from(["Islamic", "State", "state", "Pacific", "coast", "İstanbul", "istanbul",
                                        " ", " ", "\n", "-", "_", "x", "é", ".", "Islamic state", "Pacific coast"]),
                       max_size=30).map("".join)


@settings(max_examples=300, deadline=None)
@given(PHRASE_TEXT)
def test_phrase_starts_find_what_a_search_per_phrase_finds(text):
    phrases = {"Islamic state", "Pacific coast", "Islamic state state", "İstanbul istanbul"}
    found = name_variant._phrase_starts(text, phrases)
    for phrase in phrases:
        plain = [m.start() for m in re.finditer(rf"\b{re.escape(phrase)}\b", text)]
        assert found.get(phrase, []) == plain, phrase
