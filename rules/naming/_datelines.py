"""The spelling variety a dateline's place leans to: NL201's weakest evidence, for ties only.

A dateline (`NEW YORK, Feb 26 -`, `SPRINGFIELD, Ill. (AP) -`, `LONDON (Reuters) -`) says which
desk filed the story, and desks spell their country's way: of the Reuters stories of the corpora
(even ids) whose spelling shows a variety, 86% of those datelined in an American city spell
American and 94% of those datelined London spell British. That is a prior about the source, not
evidence of the story, so NL201 lets it break a tie of the story's own evidence and nothing more.

- American: one of the cities AP's stylebook lets stand alone in a dateline (no state after it),
  or a place followed by an American state, written out or as AP abbreviates it
  (`SPRINGFIELD, Ill.`), or a dateline that names AP (its stories spell American wherever they
  are filed: `LONDON (AP)` is American).
- British: London and the capitals of the United Kingdom's nations, unless the dateline names AP.

Example: a story that writes `centre` once and `center` once, datelined `CHICAGO, Feb 26 -`,
leans American; the same story without a dateline leans nowhere.
"""

from __future__ import annotations

import re

# AP Stylebook, "datelines": the domestic cities that stand alone.
_US_CITIES = (
    "ATLANTA BALTIMORE BOSTON CHICAGO CINCINNATI CLEVELAND DALLAS DENVER DETROIT HONOLULU HOUSTON"
    " INDIANAPOLIS LAS_VEGAS LOS_ANGELES MIAMI MILWAUKEE MINNEAPOLIS NEW_ORLEANS NEW_YORK"
    " OKLAHOMA_CITY PHILADELPHIA PHOENIX PITTSBURGH ST._LOUIS SALT_LAKE_CITY SAN_ANTONIO SAN_DIEGO"
    " SAN_FRANCISCO SEATTLE WASHINGTON"
)
# The states, written out and as AP abbreviates them in datelines (Alaska, Hawaii, Idaho, Iowa,
# Maine, Ohio, Texas and Utah are never abbreviated).
_STATE_NAMES = (
    "Alabama Alaska Arizona Arkansas California Colorado Connecticut Delaware Florida Georgia Hawaii"
    " Idaho Illinois Indiana Iowa Kansas Kentucky Louisiana Maine Maryland Massachusetts Michigan"
    " Minnesota Mississippi Missouri Montana Nebraska Nevada New_Hampshire New_Jersey New_Mexico"
    " New_York North_Carolina North_Dakota Ohio Oklahoma Oregon Pennsylvania Rhode_Island"
    " South_Carolina South_Dakota Tennessee Texas Utah Vermont Virginia Washington West_Virginia"
    " Wisconsin Wyoming"
)
_STATE_ABBREVIATIONS = (
    "Ala. Ariz. Ark. Calif. Colo. Conn. Del. Fla. Ga. Ill. Ind. Kan. Ky. La. Md. Mass. Mich. Minn."
    " Miss. Mo. Mont. Neb. Nev. N.H. N.J. N.M. N.Y. N.C. N.D. Okla. Ore. Pa. R.I. S.C. S.D. Tenn."
    " Vt. Va. Wash. W.Va. Wis. Wyo."
)


def _names(words: str) -> frozenset[str]:
    """A space-separated list, `_` standing for a space within a name."""
    return frozenset(word.replace("_", " ") for word in words.split())


US_CITIES = _names(_US_CITIES)
US_STATES = _names(_STATE_NAMES) | _names(_STATE_ABBREVIATIONS)
UK_CITIES = frozenset(("LONDON", "EDINBURGH", "CARDIFF", "BELFAST"))

_PLACE = re.compile(r"\s*([^,(\-–—]+?)\s*(?:,\s*([^,(\-–—]+?)\s*)?(?:[,(\-–—]|$)")
_AP = re.compile(r"\(AP\)")


def dateline_variety(dateline: str) -> str | None:
    """ "us" or "gb" when the dateline's place (or its agency, AP) leans to a variety, else None."""
    if _AP.search(dateline):
        return "us"
    m = _PLACE.match(dateline)
    if m is None:
        return None
    city, region = m.group(1).upper(), (m.group(2) or "").strip()
    if city in US_CITIES or region in US_STATES:
        return "us"
    return "gb" if city in UK_CITIES else None
