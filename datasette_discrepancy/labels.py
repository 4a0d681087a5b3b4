"""Readable labels and stable slugs for measures: the counted noun phrase the
claims share, then the words that most set them apart."""
import re
from collections import Counter
from dataclasses import dataclass
from typing import Sequence

from .terms import STOPWORDS, WORD_RE, claim_terms, normalise_word

@dataclass(frozen=True)
class MeasureKey:
    slug: str
    label: str
    unit: str


def slugify(text: str) -> str:
    slug = re.sub(r"[^a-z0-9]+", "-", text.lower()).strip("-")
    return slug[:60].strip("-") or "measure"


# Words that make poor labels: when and how a figure was reported.
LABEL_NOISE = set(
    """saying said say says told tell reported report reporting according added noted announced
    though although like make made makes making us u.s also
    monday tuesday wednesday thursday friday saturday sunday today yesterday tonight week weekend
    morning afternoon evening night day days month year time latest initially now already
    official officials spokesman spokeswoman statement""".split()
)
STEM_WORDS = {
    "death": "killed", "missing": "missing", "injured": "injured", "evacuated": "evacuated",
    "arrested": "arrested", "rescued": "rescued", "destroyed": "destroyed", "damaged": "damaged",
    "sheltered": "in shelters", "deployed": "deployed", "hospitalised": "in hospital", "critical": "critical",
    "aboard": "aboard", "spilled": "spilled", "compromised": "exposed", "cancelled": "cancelled",
}


def measure_label(claims: Sequence[dict]) -> (str, str):
    """A readable label and unit for a group of claims: the counted noun
    phrase they share, then the words that most set them apart, e.g.
    "National Guard troops (border, already)" or "People (killed, fire)"."""
    units = Counter(c.get("unit") for c in claims if c.get("unit"))
    unit = units.most_common(1)[0][0] if units else "figures"
    phrases = Counter()
    for c in claims:
        phrase = " ".join((c.get("noun_phrase") or "").split())
        if phrase and len(phrase) <= 50:
            phrases[phrase] += 1
    phrase = phrases.most_common(1)[0][0] if phrases else unit
    weights = Counter()
    for c in claims:
        weights.update(c.get("terms") or claim_terms(c))
    phrase_terms = {normalise_word(w) for w in WORD_RE.findall(phrase.lower())} | {normalise_word(unit)}
    words = []
    for term, _ in weights.most_common():
        if term in phrase_terms or term in LABEL_NOISE or term in STOPWORDS or len(words) == 2:
            continue
        words.append(STEM_WORDS.get(term, term))
    label = "{} ({})".format(phrase, ", ".join(words)) if words else phrase
    return label[:1].upper() + label[1:], unit
