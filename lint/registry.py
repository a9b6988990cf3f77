"""Finding rules by code, prefix, name or family, and resolving --select/--ignore.

Selectors follow ruff: `NL1` (a code prefix), `NL101` (a code), `unknown-word` (a name),
`typos` (a family), or `ALL`. When selectors disagree about a rule, the more specific one wins
(`select = ["NL1"]`, `ignore = ["NL101"]` keeps the rest of NL1); on a tie, ignore wins.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence

from newslint.rule import FAMILIES, Rule
from newslint.suggest import closest


class UnknownSelector(ValueError):
    pass


def all_rules() -> tuple[type[Rule], ...]:
    from newslint.rules import ALL_RULES

    return ALL_RULES


def house_styles() -> tuple[str, ...]:
    """The house styles the rules know (rules/_styles.py): the values of the `style` setting."""
    from newslint.rules._styles import HOUSE_STYLES

    return tuple(HOUSE_STYLES)


def rule_by_code(code: str) -> type[Rule]:
    for rule in all_rules():
        if rule.code == code.upper() or rule.name == code.lower():
            return rule
    raise UnknownSelector(f"no rule {code!r}{_hint(code)} (see `newslint rules`)")


def _specificity(selector: str, rule: type[Rule]) -> int | None:
    """How precisely `selector` names `rule`, or None when it does not match it."""
    sel = selector.strip()
    if sel.upper() == "ALL":
        return 0
    if sel.lower() == rule.name:
        return 100
    if sel.lower() == rule.family():
        return 2
    if sel.upper().startswith("NL") and rule.code.startswith(sel.upper()):
        return len(sel)
    return None


def validate_selectors(selectors: Iterable[str]) -> None:
    rules = all_rules()
    for sel in selectors:
        known = (
            sel.upper() == "ALL"
            or sel.lower() in FAMILIES.values()
            or any(_specificity(sel, r) is not None for r in rules)
        )
        # A family's prefix names the rules to come as well (NL6 before any NL6xx); a code or a
        # longer prefix must name a rule: `--select NL130` checking nothing is a typo for NL103.
        reserved = sel.upper().startswith("NL") and len(sel) <= 3 and sel[2:3] in ("", *FAMILIES)
        if not known and not reserved:
            raise UnknownSelector(f"unknown rule selector {sel!r}{_hint(sel)}")


def is_known_selector(sel: str) -> bool:
    try:
        validate_selectors([sel])
    except UnknownSelector:
        return False
    return True


# Letters typed for the digits they look like: NL1O1 is NL101, NLl03 is NL103.
_LOOKALIKE_DIGITS = str.maketrans({"O": "0", "o": "0", "I": "1", "l": "1", "i": "1", "L": "1"})


def _hint(sel: str) -> str:
    """ "; did you mean 'NL101'?" for a selector one slip from a known one, else ""."""
    meant = suggest_selector(sel)
    return f"; did you mean {meant!r}?" if meant else ""


def suggest_selector(sel: str) -> str | None:
    """The rule code, name or family an unknown selector most likely means."""
    rules = all_rules()
    codes = {r.code for r in rules}
    if sel[:2].upper() == "NL":
        as_digits = "NL" + sel[2:].translate(_LOOKALIKE_DIGITS)
        if as_digits.upper() in codes:
            return as_digits.upper()
        if len(sel) >= 5:  # a whole code with a slip in it, not a prefix of an unused family
            return _near_code(as_digits.upper(), codes) or closest(sel.upper(), codes)
        return None
    return closest(sel.lower(), [r.name for r in rules] + list(FAMILIES.values()))


def _near_code(sel: str, codes: Iterable[str]) -> str | None:
    """The code one slip from `sel` (two digits swapped, one wrong, missing or extra), one of the
    same family first: NL130 is NL103, where string similarity alone says NL510."""
    near = sorted((c for c in codes if _one_slip(sel, c)), key=lambda c: (c[:3] != sel[:3], c))
    return near[0] if near else None


def _one_slip(a: str, b: str) -> bool:
    if len(a) == len(b):
        diff = [i for i in range(len(a)) if a[i] != b[i]]
        swapped = (
            len(diff) == 2 and diff[1] == diff[0] + 1 and (a[diff[0]], a[diff[1]]) == (b[diff[1]], b[diff[0]])
        )
        return len(diff) == 1 or swapped
    short, long = sorted((a, b), key=len)
    return len(long) - len(short) == 1 and any(long[:i] + long[i + 1 :] == short for i in range(len(long)))


def select_rules(
    select: Sequence[str] | None = None,
    extend_select: Sequence[str] = (),
    ignore: Sequence[str] = (),
) -> tuple[type[Rule], ...]:
    """The rules a run uses. With no `select`, the rules that are on by default."""
    chosen = []
    for rule in all_rules():
        positive = [
            s for sel in [*(select or ()), *extend_select] if (s := _specificity(sel, rule)) is not None
        ]
        negative = [s for sel in ignore if (s := _specificity(sel, rule)) is not None]
        if positive:
            best = max(positive)
            # "ALL" alone does not switch on rules that are off by default.
            on = rule.enabled_by_default or best > 0
        else:
            best = -1
            on = select is None and rule.enabled_by_default
        if negative and max(negative) >= best:
            on = False
        if on:
            chosen.append(rule)
    return tuple(chosen)
