"""How many examples a property test tries.

The counts written in the tests (`examples(3000)`) are the thorough counts, which a change to
the compiled helpers (`lint/_native.c`) or their pure twins should be checked with:

    NEWSLINT_THOROUGH_TESTS=1 python -m pytest -n auto

An ordinary run (CI, before a commit) tries a sixth of a large count, and never fewer than 150:
CI must stay under 15 minutes on a slow two-CPU machine, and most of the fast suite's time
was these searches. Hypothesis keeps every failing example it finds in its database and tries it
first the next run, so a thorough run's find is not lost to a short one.
"""

from __future__ import annotations

import os

THOROUGH = os.environ.get("NEWSLINT_THOROUGH_TESTS", "") not in ("", "0")

FLOOR = 150


def examples(thorough: int) -> int:
    """The examples to try for a test whose thorough count is `thorough`."""
    if THOROUGH or thorough <= FLOOR:
        return thorough
    return max(FLOOR, thorough // 6)
