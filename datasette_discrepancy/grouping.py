"""Group claims that count the same thing into measures.

A measure is named by the counted unit plus the words that distinguish it in
its noun phrase ("National Guard troops" vs "troops"). Pure functions.
"""
import re
from dataclasses import dataclass
from typing import Optional

# Words in a noun phrase that say nothing about *which* quantity is counted.
GENERIC_MODIFIERS = {
    "a", "an", "the", "some", "more", "additional", "other", "new", "extra", "further",
    "u.s.", "us", "american", "total", "estimated", "about", "around", "than", "of",
    "that", "which", "who", "are", "were", "have", "has", "been", "our", "their", "its",
    "his", "her", "these", "those", "many", "few", "several", "all", "and", "or",
}
# Units that are durations or incidental counts: never a line-up of their own.
INCIDENTAL_UNITS = {"years", "months", "weeks", "days", "hours", "minutes", "seconds", "times", "photos"}


@dataclass(frozen=True)
class MeasureKey:
    slug: str
    label: str
    unit: str


def slugify(text: str) -> str:
    slug = re.sub(r"[^a-z0-9]+", "-", text.lower()).strip("-")
    return slug[:80].strip("-") or "measure"


def distinguishing_words(noun_phrase: Optional[str], unit: str):
    if not noun_phrase:
        return []
    words = re.findall(r"[A-Za-z][A-Za-z.\-']*", noun_phrase)
    unit_words = set(unit.lower().split())
    kept = []
    for word in words:
        lower = word.lower().rstrip(".")
        if lower in GENERIC_MODIFIERS or word.lower() in GENERIC_MODIFIERS:
            continue
        if lower in unit_words or lower.rstrip("s") in unit_words or lower + "s" in unit_words:
            continue
        kept.append(word)
    return kept


def measure_for(claim) -> Optional[MeasureKey]:
    """The measure a claim belongs to, or None for incidental figures."""
    unit = getattr(claim, "unit", None) if not isinstance(claim, dict) else claim.get("unit")
    if not unit or unit in INCIDENTAL_UNITS:
        return None
    noun_phrase = claim.get("noun_phrase") if isinstance(claim, dict) else getattr(claim, "noun_phrase", None)
    words = distinguishing_words(noun_phrase, unit)
    label = " ".join(words + [unit]) if words else unit
    label = label[0].upper() + label[1:]
    return MeasureKey(slug=slugify(label), label=label, unit=unit)
