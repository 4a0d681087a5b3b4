"""The block a claim is compared within: its story, the kind of thing it
counts (its unit's family; what an outage cuts off counts as customers; a
yearly rate counts apart from the story's own figures) and the earlier event
it belongs to. Claims of different blocks never share a measure. Pure
functions of a claim's plain data.
"""
import re
from typing import Optional

from .families import INCIDENTAL_UNITS, unit_family
from .past_events import past_event_year
from .terms import PREDICATE_STEMS, claim_terms, offset_in_sentence, own_predicate


def block_of(claim: dict):
    """(story, family, past year) of a claim, or None for an incidental one
    (an age, "five more bodies" a toll rose by)."""
    unit = claim.get("unit")
    if not unit or (unit.lower() in INCIDENTAL_UNITS and not _set_age(claim)) or _toll_increment(claim):
        return None
    year = claim["past_year"] if "past_year" in claim else past_event_year(claim)
    return (claim.get("story"), _counted_family(claim, unit), year)


# "divers recovered five more bodies": what the toll rose by, not the toll
TOLL_INCREMENT_RE = re.compile(r"\s+more\s+(?:bodies|victims|deaths|dead|fatalities|casualties)\b", re.I)


def _toll_increment(claim: dict) -> bool:
    at = offset_in_sentence(claim)
    return at >= 0 and bool(TOLL_INCREMENT_RE.match(claim.get("sentence") or "", at + len(claim.get("text") or "")))


def _set_age(claim: dict) -> bool:
    """An age a rule sets ("raise the retirement age to 65"): a figure outlets
    report, unlike a person's age or a span of years."""
    return (claim.get("noun_phrase") or "").endswith(" age")


# what an outage cuts off is counted as customers, homes or people alike
SUPPLIED_FAMILIES = {"people", "homes"}
OUTAGE_WORD_RE = re.compile(r"\b(?:%s)\b" % "|".join(sorted(PREDICATE_STEMS["outage"])), re.I)


def _counted_family(claim: dict, unit: str) -> Optional[str]:
    """The unit's family, but homes or people left without power ("1.3 million
    homes lost power") are the supply's customers, and a yearly rate ("kill
    about 70 people a year") counts its own kind: a background figure, never
    the story's event."""
    family = unit_family(unit)
    if family in SUPPLIED_FAMILIES and OUTAGE_WORD_RE.search(claim.get("sentence") or ""):
        if own_predicate(claim.get("terms") or claim_terms(claim)) == "outage":
            return "customers"
    if family != "money" and _yearly_rate(claim):
        return family + " a year"
    return family


# "about 70 people a year on average", "1,200 tornadoes in a typical year", "each year, about 70 die"
YEARLY_AFTER_RE = re.compile(r"[^;:.\d\u2014]{0,60}?\b(?:(?:(?<!\bin\s)a|per|each|every)\s+year|annually|yearly|"
                             r"in\s+(?:an?\s+)?(?:average|typical|normal|ordinary)\s+year)\b", re.I)
YEARLY_BEFORE_RE = re.compile(r"\b(?:(?:each|every|per)\s+year|annually|in\s+(?:an?\s+)?(?:average|typical|normal|"
                              r"ordinary)\s+year)\b[^;:.\d\u2014]{0,60}$", re.I)


def _yearly_rate(claim: dict) -> bool:
    sentence = claim.get("sentence") or ""
    if "year" not in sentence and "annual" not in sentence.lower():
        return False
    at = offset_in_sentence(claim)
    if at < 0:
        return False
    end = at + len(claim.get("text") or "")
    return bool(YEARLY_AFTER_RE.match(sentence, end) or YEARLY_BEFORE_RE.search(sentence, max(0, at - 80), at))
