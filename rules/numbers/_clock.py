"""What NL403 and NL413 share: both compare the clock-time forms of a story, and both are silent
under the house styles whose form NL410 checks."""

from __future__ import annotations

from collections.abc import Sequence

from newslint.document import Document
from newslint.rules._styles import styles_where
from newslint.rules.numbers._common import Form, MixedFormRule
from newslint.violation import FixAvailability

# House styles whose 12-hour form of the time of day NL410 checks.
STYLES_WITH_A_CLOCK = styles_where(lambda s: s.clock in ("a.m.", "am"))


class ClockMix(MixedFormRule):
    """A mix of clock-time forms: silent under the styles whose form NL410 checks; every rewrite
    keeps the time exactly."""

    fix_availability = FixAvailability.ALWAYS
    rewrite_keeps_meaning = True

    def forms(self, doc: Document) -> Sequence[Form]:
        if self.context.style in STYLES_WITH_A_CLOCK:
            return ()  # NL410 writes every time in the house's form: no majority to follow
        return self.clock_forms(doc)

    def clock_forms(self, doc: Document) -> Sequence[Form]:
        raise NotImplementedError
