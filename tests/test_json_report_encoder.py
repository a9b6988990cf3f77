"""`--format json` writes each problem with its own indented encoder (`encode_item`), which must
give the bytes of `json.dumps([item], ensure_ascii=False, indent=2)` less its brackets."""

from __future__ import annotations

import json
from typing import Any

from hypothesis import given
from hypothesis import strategies as st

from newslint.report.json import encode_item

_SCALARS = st.one_of(
    st.none(),
    st.booleans(),
    st.integers(),
    st.text(),
    st.floats(allow_nan=True, allow_infinity=True),
)
_VALUES = st.recursive(
    _SCALARS,
    lambda inner: st.one_of(
        st.lists(inner, max_size=4),
        st.tuples(inner, inner),
        st.dictionaries(st.text(max_size=6), inner, max_size=4),
        st.dictionaries(st.integers(), inner, min_size=1, max_size=2),  # keys not str: the fallback
    ),
    max_leaves=20,
)


def _expected(obj: Any) -> str:
    return json.dumps([obj], ensure_ascii=False, indent=2)[2:-2]


@given(st.dictionaries(st.text(max_size=8), _VALUES, max_size=6))
def test_an_item_is_the_bytes_of_the_indented_encoder(obj: dict[str, Any]) -> None:
    assert encode_item(obj) == _expected(obj)


def test_a_problem_shaped_item_and_awkward_strings() -> None:
    position = {"line": 5, "column": 181, "offset": 366}
    obj = {
        "path": 'dir/"quoted"\\name\u2028.txt',
        "message": "tab\there, newline\nthere, NUL-free \x01 and 😀 résumé",
        "start": position,
        "end": dict(position),
        "fix": {
            "applicability": "unsafe",
            "title": "Write 'x'",
            "edits": [{"start": position, "content": ""}],
        },
        "alternatives": [],
        "empty": {},
        "flags": [True, False, None, -3, 2**70],
    }
    assert encode_item(obj) == _expected(obj)
