"""Compare figures: is one claim compatible with another, and does a measure's
line-up agree, show revision over time, or truly conflict?

Pure functions of plain dicts with the claims table's columns plus the
article's `outlet` and `published`.
"""
import datetime
import math
from collections import defaultdict
from typing import Dict, List, Optional, Tuple

from .units import CANONICAL, canonical

# units whose figures convert ("miles" into km); a temperature in fahrenheit into celsius.
# Not "tons": news copy writes it for metric tonnes as often as for short tons.
CANONICAL_UNITS = {unit for unit, (name, _) in CANONICAL.items() if name != unit and unit != "tons"} | {"fahrenheit"}

DEFAULT_WINDOW_DAYS = 1
DEFAULT_APPROX_TOLERANCE = 0.10  # "about 2,000" covers 1,800 to 2,200

OPEN_LOW = {"more_than", "at_least", "vague"}
OPEN_HIGH = {"less_than", "at_most"}


def rounding_tolerance(value: float) -> float:
    """(Just under) half a unit of the last significant digit a round figure
    shows: 2,100 -> 50, 800 -> 50, 5,000 -> 500, 2,083 -> 0.5, 1.2 -> 0.05."""
    if value is None or value == 0 or value != value:
        return 0.0
    value = abs(value)
    if value != int(value):
        # a decimal: half a unit of its last decimal place ("1.2" km covers 1.15 to 1.25)
        decimals = repr(value).partition(".")[2]
        if not decimals.isdigit() or len(decimals) > 3:
            return 0.0   # not a figure as written (a conversion, a float artefact)
        return 10.0 ** -len(decimals) * 0.499
    digits = int(value)
    step = 1
    while digits % 10 == 0 and digits >= 10:
        digits //= 10
        step *= 10
    # a shade under half, so neighbours do not touch: "two" dead and "three" dead disagree
    return step * 0.499


def interval(claim: dict, approx_tolerance: float = DEFAULT_APPROX_TOLERANCE) -> Tuple[float, float]:
    """The values a claim allows, widened by its qualifier and rounding, in its
    unit's canonical unit when it has one (so "30,000 feet" meets "9 km")."""
    lo, hi = _raw_interval(claim, approx_tolerance)
    unit = claim.get("unit")
    if unit and unit in CANONICAL_UNITS:
        _, lo, hi = canonical(unit, lo, hi)
    return lo, hi


def _raw_interval(claim: dict, approx_tolerance: float) -> Tuple[float, float]:
    low, high = claim.get("value_low"), claim.get("value_high")
    qualifier = claim.get("qualifier") or "exact"
    lo = -math.inf if low is None else low
    hi = math.inf if high is None else high
    if qualifier == "exact" and low is not None and low == high:
        tol = rounding_tolerance(low)
        return lo - tol, hi + tol
    if qualifier == "approximately" and low is not None and high is not None:
        tol = max(rounding_tolerance(low), abs(low) * approx_tolerance)
        return lo - tol, hi + abs(high) * approx_tolerance if high != low else hi + tol
    if qualifier == "more_than":
        # strictly more: touching the bound is not agreement
        return lo + max(abs(lo) * 1e-9, 1e-9), hi
    if qualifier == "less_than":
        return lo, hi - max(abs(hi) * 1e-9, 1e-9)
    return lo, hi


def compatible(a: dict, b: dict, approx_tolerance: float = DEFAULT_APPROX_TOLERANCE) -> bool:
    a_lo, a_hi = interval(a, approx_tolerance)
    b_lo, b_hi = interval(b, approx_tolerance)
    return a_lo <= b_hi and b_lo <= a_hi


def _date(value: Optional[str]):
    try:
        return datetime.date.fromisoformat(value) if value else None
    except ValueError:
        return None


def same_window(a: dict, b: dict, window_days: int = DEFAULT_WINDOW_DAYS) -> bool:
    """Published within `window_days` of each other (unknown dates never are)."""
    da, db = _date(a.get("published")), _date(b.get("published"))
    if da is None or db is None:
        return False
    return abs((da - db).days) < window_days or (window_days == 0 and da == db)


def source(claim: dict) -> Tuple[Optional[str], str]:
    """Who stands behind a figure: its outlet, and within it whom the article
    attributes it to ("the union says 11, the department eight" is a dispute
    even in one article). Unattributed figures are the outlet's own."""
    return source_key(claim.get("outlet"), claim.get("attribution"))


def source_key(outlet: Optional[str], attribution: Optional[str]) -> Tuple[Optional[str], str]:
    attribution = (attribution or "").strip().lower()
    if attribution.startswith("the "):
        attribution = attribution[4:]
    if len(attribution.split()) >= 2:
        # a named source is one source whichever outlet quotes it: the mayor's
        # "about 30" in the morning and "about a dozen" that afternoon is an update
        return None, attribution
    return outlet, attribution


def assess(
    claims: List[dict],
    window_days: int = DEFAULT_WINDOW_DAYS,
    approx_tolerance: float = DEFAULT_APPROX_TOLERANCE,
) -> Tuple[str, Dict[int, str]]:
    """(assessment, {claim id: status}) for one measure's claims.

    consistent: every pair of figures is compatible.
    revised: figures disagree only across time (or a retrospective mention
      quotes the earlier figure); later reports supersede earlier ones.
    conflicting: incompatible figures from different sources in the same window.
    """
    earlier = earlier_figures([c.get("value_low") for c in claims], [c.get("value_high") for c in claims],
                              [c.get("retrospective") for c in claims],
                              [(c.get("published") or "")[:10] or None for c in claims],
                              [c.get("outlet") for c in claims])
    current = [c for c, was in zip(claims, earlier) if not was]
    conflicts: Dict[int, int] = {c["id"]: 0 for c in claims}
    superseded = set(c["id"] for c, was in zip(claims, earlier) if was)
    disagreement = any(
        not compatible(r, c, approx_tolerance) or _restated(r, c) for r, was in zip(claims, earlier) if was
        for c in current
    )
    for i, a in enumerate(current):
        for b in current[i + 1 :]:
            if compatible(a, b, approx_tolerance):
                continue
            disagreement = True
            if source(a) != source(b) and same_window(a, b, window_days):
                conflicts[a["id"]] += 1
                conflicts[b["id"]] += 1
            else:
                older, newer = sorted((a, b), key=lambda c: (c.get("published") or "", c["id"]))
                if (older.get("published") or "") < (newer.get("published") or ""):
                    superseded.add(older["id"])
    return verdict(claims, conflicts, superseded, disagreement)


def earlier_figures(lows, highs, retrospectives, published, outlets) -> List[bool]:
    """Per claim, whether it is an earlier figure: retrospective itself, or
    the very figure an outlet's update of the same day quotes as the earlier
    one ("81 patients, up from 64" makes another outlet's 64 of that morning
    an earlier figure, not a rival one)."""
    figures = list(zip(lows, highs))
    current_of = defaultdict(set)  # (outlet, day) -> its current figures
    for figure, retro, day, outlet in zip(figures, retrospectives, published, outlets):
        if not retro:
            current_of[(outlet, day)].add(figure)
    quoted = set()  # (figure, day) quoted as earlier against another current figure of that day
    for figure, retro, day, outlet in zip(figures, retrospectives, published, outlets):
        if retro and current_of[(outlet, day)] - {figure}:
            quoted.add((figure, day))
    return [bool(retro) or (figure, day) in quoted
            for figure, retro, day in zip(figures, retrospectives, published)]


def _restated(earlier: dict, current: dict) -> bool:
    """A figure reported alongside or after an earlier one it differs from: the text
    itself says the count changed ("six, up from the 'at least four'"), even when the
    old interval would allow the new figure."""
    if _narrowed(earlier, current):
        return False
    return (current.get("published") or "") >= (earlier.get("published") or "") and (
        current.get("value_low"), current.get("value_high")) != (earlier.get("value_low"), earlier.get("value_high"))


def _narrowed(earlier: dict, current: dict) -> bool:
    """An earlier range that the later figure falls within ("forecast at 12 to 15
    feet, peaked at about 14"): the estimate held, nothing was revised."""
    low, high = earlier.get("value_low"), earlier.get("value_high")
    if low is None or high is None or not low < high:
        return False
    values = [v for v in (current.get("value_low"), current.get("value_high")) if v is not None]
    return bool(values) and all(low <= v <= high for v in values)


def verdict(claims, conflicts: Dict[int, int], superseded, disagreement: bool) -> Tuple[str, Dict[int, str]]:
    """The measure's assessment and each claim's status, from the conflicts
    counted, the claims superseded and whether any figures disagree."""
    statuses = {}
    for c in claims:
        if conflicts[c["id"]]:
            statuses[c["id"]] = "conflicts with {}".format(conflicts[c["id"]])
        elif c["id"] in superseded:
            statuses[c["id"]] = "superseded"
        else:
            statuses[c["id"]] = "agrees"
    if any(conflicts.values()):
        return "conflicting", statuses
    if disagreement:
        return "revised", statuses
    return "consistent", statuses
