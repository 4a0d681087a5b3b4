"""Readable labels and stable slugs for measures: the counted noun phrase the
claims share and what happened to it, then the words that most set them
apart (not names of places, outlets or people, which say nothing of what is
counted). A measure's slug is made from its first label and kept."""
import re
from collections import Counter
from dataclasses import dataclass
from typing import Sequence

from .numbers import SCALE_WORDS, TENS_WORDS, UNITS_WORDS
from .terms import STOPWORDS, TOKEN_RE, WORD_RE, claim_terms, normalise_word
from .units import MEASURE_UNITS, normalize_unit

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
    official officials spokesman spokeswoman statement
    roughly nearly almost around approximately within along early late later earlier remain remains
    still show showed shows taken cannot back least
    him hers ours theirs me my across between including every away far last first end ago""".split()
)
STEM_WORDS = {
    "death": "killed", "missing": "missing", "injured": "injured", "evacuated": "evacuated",
    "arrested": "arrested", "rescued": "rescued", "destroyed": "destroyed", "damaged": "damaged",
    "sheltered": "in shelters", "deployed": "deployed", "hospitalised": "in hospital", "critical": "critical",
    "aboard": "aboard", "spilled": "spilled", "compromised": "exposed", "cancelled": "cancelled",
    "sickened": "sickened", "culled": "culled", "treated": "treated", "trapped": "trapped",
    "diverted": "diverted", "vaccinated": "vaccinated", "outage": "without power",
}
# number words say how many, not what was counted
NUMBER_WORDS = set(UNITS_WORDS) | set(TENS_WORDS) | set(SCALE_WORDS) | {
    "dozen", "dozens", "hundreds", "thousands", "millions", "half", "third", "quarter"}
# how a line-up names a measurement's unit
UNIT_NAMES = {"usd": "US$", "gbp": "£", "eur": "€", "percent": "Percent"}


def measure_label(claims: Sequence[dict]) -> (str, str):
    """A readable label and unit for a group of claims.

    A count is named by the noun phrase its claims share and what happened
    to it, then the word that most sets it apart ("People killed (ferry)"),
    or without such a word the two that do ("National Guard troops (called,
    governors)"); a measurement by its unit and the two words that most set
    it apart ("Km (oil, fouls)", "£ (raised, victims)")."""
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
    surface, names = _surface_forms(claims)
    phrase_terms = {normalise_word(w) for w in WORD_RE.findall(phrase.lower())} | {normalise_word(unit)}
    predicate = max(STEM_WORDS, key=lambda stem: weights.get(stem, 0.0))
    if weights.get(predicate, 0.0) < 1.0:
        predicate = None
    terms = [term for term, weight in weights.most_common()
             if weight > 0 and term not in phrase_terms and term not in LABEL_NOISE and term not in STOPWORDS
             and term not in names and not NUMBER_WORDS.intersection(term.split("-")) and len(term) > 2
             and normalize_unit(term) not in MEASURE_UNITS]
    if unit in MEASURE_UNITS:
        # a measurement: its unit, then what it measures ("Km (oil, spilled)")
        head = UNIT_NAMES.get(unit, phrase if unit == phrase else unit)
        named = [surface.get(t, t) for t in terms[:2]]
    else:
        head = phrase
        if predicate and predicate not in phrase_terms:
            head += " " + STEM_WORDS[predicate]
        if predicate:  # other predicates' words come from figures said alongside
            terms = [t for t in terms if t not in STEM_WORDS]
        said = set(head.lower().split())  # "Customers without power", not "... (without)"
        named = [w for w in (surface.get(t, t) for t in terms) if w not in said]
        named = named[:1 if predicate else 2]
    label = "{} ({})".format(head, ", ".join(named)) if named else head
    return label[:1].upper() + label[1:], unit


def _surface_forms(claims: Sequence[dict]):
    """({term: the word the sentences use most for it}, {terms that are names}).

    A word written with a capital inside running text ("Sarna", "GNA") names
    a place, body or outlet: it tells the reader nothing about what is counted."""
    forms = {}
    capitalised, lower = Counter(), Counter()
    for sentence in dict.fromkeys(c.get("sentence") or "" for c in claims):
        tokens = TOKEN_RE.findall(sentence)
        running = sum(1 for w in tokens if w[0].isupper()) * 2 < len(tokens)
        for position, word in enumerate(tokens):
            term = normalise_word(word)
            if not term:
                continue
            forms.setdefault(term, Counter())[word.lower()] += 1
            if word[0].isupper():
                if running and position:
                    capitalised[term] += 1
            else:
                lower[term] += 1
    names = {term for term, n in capitalised.items() if n > lower.get(term, 0)}
    return {term: counts.most_common(1)[0][0] for term, counts in forms.items()}, names
