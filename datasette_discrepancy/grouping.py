"""Group claims that count the same real-world quantity into measures.

Claims are compared only within a story (see stories.py) and a unit family
("troops", "soldiers" and "personnel" count the same kind of thing; "homes"
and "structures" do not). Within such a block, claims are clustered by the
words around them: what was counted ("National Guard", "active-duty"), what
happened to it ("killed", "missing", "evacuated"), and which event it belongs
to (a past fire quoted for comparison has its own name). Pure functions.
"""
import bisect
import functools
import heapq
import itertools
import math
import operator
import re
from collections import Counter, defaultdict
from dataclasses import dataclass
from typing import Dict, Iterable, List, Optional, Sequence, Set

from . import compare, units

# ------------------------------------------------------------------ units

# Nouns that count the same kind of thing, so outlets' wording differs but the
# quantity can be the same. A generic lexicon, not a story's vocabulary.
UNIT_FAMILIES = {
    "people": {
        "people", "persons", "residents", "deaths", "dead", "victims", "fatalities", "lives",
        "individuals", "civilians", "inhabitants", "citizens", "bodies", "casualties",
        "protesters", "protestors", "demonstrators", "marchers", "participants",
        "fans", "spectators", "attendees", "festival-goers", "festivalgoers", "concertgoers", "visitors",
        "patients", "passengers", "travellers", "travelers", "pilgrims", "worshippers",
        "children", "adults", "men", "women", "kids", "babies", "infants", "teenagers", "boys", "girls",
        "students", "pupils", "survivors", "evacuees", "refugees", "migrants", "voters", "volunteers",
        "families", "members", "crew", "crew members", "crewmembers", "seafarers", "hostages",
        "prisoners", "detainees", "inmates", "miners", "men", "fishermen", "officers", "police", "members",
        "guards", "skiers", "climbers", "hikers", "tourists", "guests", "holidaymakers", "rescuers",
        "firefighters", "responders", "volunteers", "nurses", "doctors", "teachers", "farmers", "nationals",
        # a workforce: "1,150 jobs" and "1,400 workers" may count the same cut
        "workers", "employees", "staff", "staffers", "jobs", "positions", "posts", "roles", "layoffs",
        "job cuts", "redundancies",
    },
    "vessels": {"ships", "vessels", "boats", "warships", "frigates", "destroyers", "tankers", "freighters",
                "container ships", "cargo ships", "yachts", "trawlers"},
    "countries": {"countries", "states", "nations", "member states", "governments"},
    "vehicles": {"vehicles", "cars", "trucks", "lorries", "buses"},
    "aircraft": {"aircraft", "planes", "jets", "airplanes", "aeroplanes"},
    "troops": {
        "troops", "soldiers", "personnel", "service members", "servicemembers", "forces",
        "marines", "sailors", "airmen", "guardsmen", "reservists", "paratroopers",
    },
    "structures": {"structures", "buildings"},
    "homes": {"homes", "houses", "dwellings", "residences", "households"},
    "area": {"acres", "hectares", "square miles", "square kilometres", "square kilometers", "sq km", "km2"},
    "length": {"miles", "km", "kilometres", "kilometers", "metres", "meters", "feet", "yards"},
    "money": {"usd", "eur", "gbp", "dollars", "euros", "pounds", "yen", "yuan", "rupees"},
    "customers": {"customers", "homes and businesses", "accounts", "subscribers", "savers", "depositors",
                  "clients", "users", "policyholders", "account holders"},
}
_FAMILY_OF = {unit: family for family, units in UNIT_FAMILIES.items() for unit in units}

# Durations and incidental counts: never a line-up of their own.
INCIDENTAL_UNITS = {
    "years", "year", "months", "weeks", "days", "hours", "minutes", "seconds", "times",
    "photos", "points", "o'clock",
}


def unit_family(unit: Optional[str]) -> Optional[str]:
    """The kind of thing a unit counts or measures: units that convert into
    one another (miles and km, gallons and litres, F and C) are one kind."""
    if not unit:
        return None
    unit = unit.lower()
    if unit in _FAMILY_OF:
        return _FAMILY_OF[unit]
    converted = units.canonical(unit, None, None)[0]
    return _FAMILY_OF.get(converted, converted)


# ------------------------------------------------------------------ words

STOPWORDS = set(
    """a an the and or but of to in on at by for from with as is are was were be been being has have had
    that this these those it its their his her our your they them he she we you i which who whom whose
    than then there here when where while what how about around some more most less least over under up
    down out into onto off also just only still already yet so such very much many few several all any
    each other another same new said says say told according would could should may might will can
    not no nor if because after before since until during per one two three mr ms mrs dr
    estimated estimate estimates claimed claim claims put reported reports figure figures counted count
    believed thought am pm gmt bst edt est cet cest utc pdt cdt updated published""".split()
)

# Words for what happened to the counted thing, folded to one stem each, so
# "killed", "dead" and "death toll" line up. Generic news vocabulary.
PREDICATE_STEMS = {
    "death": {"dead", "died", "die", "dies", "dying", "death", "deaths", "killed", "kill", "kills",
              "killing", "toll", "fatalities", "fatal", "perished", "lives", "bodies"},
    "missing": {"missing", "unaccounted", "unaccounted-for"},
    "injured": {"injured", "injuries", "injury", "hurt", "wounded", "wounding", "injuring"},
    "evacuated": {"evacuated", "evacuate", "evacuation", "evacuations", "evacuees", "fled", "displaced"},
    "arrested": {"arrested", "arrest", "arrests", "detained", "detentions", "custody"},
    "rescued": {"rescued", "rescue", "rescues", "saved", "rescuers", "rescuer"},
    "destroyed": {"destroyed", "destroy", "razed", "leveled", "levelled", "lost", "burned", "gutted"},
    "damaged": {"damaged", "damage"},
    "sheltered": {"shelters", "shelter", "sheltering", "sheltered"},
    "deployed": {"deploy", "deployed", "deploying", "deployment", "send", "sent", "sending", "dispatch",
                 "dispatched", "headed", "heading"},
    "hospitalised": {"hospital", "hospitals", "hospitalised", "hospitalized", "hospitalisation",
                     "hospitalization", "admitted"},
    "critical": {"critical", "serious", "intensive", "life-threatening"},
    "aboard": {"aboard", "board", "onboard", "carrying", "carried"},
    "spilled": {"spilled", "spill", "spills", "leaked", "leak", "leaks", "escaped", "released"},
    "compromised": {"stolen", "stole", "steal", "accessed", "exposed", "breached", "compromised",
                    "hacked"},
    "cancelled": {"cancelled", "canceled", "cancellations", "postponed", "suspended", "called off"},
    "sickened": {"sickened", "sickens", "sickening", "sick", "ill", "illness", "illnesses", "infected",
                 "infection", "infections",
                 "poisoned", "poisoning"},
    "culled": {"culled", "cull", "culling", "slaughtered", "gassed", "euthanised", "euthanized"},
    "treated": {"treated", "treating", "treatment"},
    "trapped": {"trapped", "stranded", "buried"},
    "diverted": {"diverted", "diversion", "diversions", "rerouted"},
    "vaccinated": {"vaccinated", "vaccination", "vaccinations", "jabs", "immunised", "immunized"},
    "outage": {"power", "electricity", "blackout", "blackouts", "outage", "outages", "powerless"},
}
_STEM_OF = {word: stem for stem, words in PREDICATE_STEMS.items() for word in words}

WORD_RE = re.compile(r"[a-z][a-z'\-]*[a-z]|[a-z]")


@functools.lru_cache(maxsize=65536)
def normalise_word(word: str) -> Optional[str]:
    word = word.lower().strip("'-.")
    if word.endswith("'s"):
        word = word[:-2]
    if not word or word in STOPWORDS or len(word) < 2:
        return None
    if word in _STEM_OF:
        return _STEM_OF[word]
    if word.endswith("ies") and len(word) > 4:
        return word[:-3] + "y"
    if word.endswith("s") and not word.endswith("ss") and len(word) > 3:
        return word[:-1]
    return word


CLAUSE_BREAK_RE = re.compile(r"[;:()\u2014\u2013]|,\s|\s-\s|\b(?:and|but|while|whereas|as|after|before|though|although)\b", re.I)
TOKEN_RE = re.compile(r"[A-Za-z][A-Za-z'\-]*[A-Za-z]|[A-Za-z]")


def claim_terms(claim: dict) -> Counter:
    """The weighted words that say which quantity a claim counts.

    Words in the figure's own clause weigh most, and the nearer the figure the
    more; words for what happened ("killed", "missing") count double, and the
    counted noun itself not at all (the unit already says it).
    """
    sentence = claim.get("sentence") or ""
    text = claim.get("text") or ""
    position = claim.get("sentence_offset")
    if position is None:
        position = sentence.find(text) if text else -1
    terms = Counter()
    if position < 0:
        for word in TOKEN_RE.findall(sentence or (claim.get("context") or "")):
            term = normalise_word(word)
            if term:
                terms[term] += 0.5
        return terms
    figure_end = position + len(text)
    unit_words = {normalise_word(w) for w in TOKEN_RE.findall((claim.get("unit") or "").lower())}
    for stem in unit_words & set(PREDICATE_STEMS):
        # "a death toll of 5": the unit itself says what happened
        terms[stem] += 2.0
    unit_words -= set(PREDICATE_STEMS)
    # Who gives a figure says nothing about what it counts: police and
    # organisers counting one crowd must line up (and may conflict).
    unit_words |= {normalise_word(w) for w in TOKEN_RE.findall(claim.get("attribution") or "")}
    starts, words, breaks = _sentence_words(sentence)
    # the last clause break before the figure, the first after it
    at = bisect.bisect_left(breaks, position)
    clause_start = breaks[at - 1] if at else 0
    at = bisect.bisect_left(breaks, figure_end)
    clause_end = breaks[at] if at < len(breaks) else len(sentence)
    before = bisect.bisect_left(starts, position)  # words starting before the figure
    after = bisect.bisect_left(starts, figure_end)  # ... and from its end on
    # the words before the figure nearest first, then those after it
    for order in (range(before - 1, -1, -1), range(after, len(starts))):
        for distance, i in enumerate(order):
            term = words[i]
            if not term or term in unit_words:
                continue
            weight = 1.0 / (1.0 + distance / 3.0)
            if not (clause_start <= starts[i] < clause_end):
                weight *= 0.25
            if term in PREDICATE_STEMS:
                weight *= 2.0
            terms[term] += weight
    return terms


@functools.lru_cache(maxsize=256)
def _sentence_words(sentence: str):
    """(word starts, normalised words, clause break starts) of a sentence,
    each in order: a sentence's figures share them."""
    tokens = [(m.start(), m.group()) for m in TOKEN_RE.finditer(sentence)]
    # in running text a capitalised word is a name: "Westerly Power Networks" says nothing of
    # an outage, "Rescue Services" nothing of the rescued (a headline in title case excepted)
    names_possible = sum(1 for _, w in tokens if w[0].isupper()) * 2 < len(tokens)
    starts, words = [], []
    for start, word in tokens:
        term = normalise_word(word)
        if term in PREDICATE_STEMS and names_possible and start and word[0].isupper() and not word.isupper():
            term = None if word.lower() in PREDICATE_STEMS else word.lower()
        starts.append(start)
        words.append(term)
    return starts, words, [m.start() for m in CLAUSE_BREAK_RE.finditer(sentence)]


# ------------------------------------------------------------------ constraints

THRESHOLD = 0.15  # cosine similarity a claim needs to join a measure

MAX_RATIO = 30  # figures this far apart are not one quantity, even revised
CLOSE_RATIO = 1.6  # figures this close to a measure's range ...
CLOSE_VALUE_BONUS = 0.25  # ... add this much to their word similarity
SAME_VALUE_BONUS = 0.1  # ... and this much more when they lie within its range
OTHER_PREDICATE_PENALTY = 0.2  # "taken to hospital" joining a measure of the killed
BOUNDED_FAMILIES = {"percent"}
IDF_MIN_MEASURES = 3


def _typical(claim: dict) -> Optional[float]:
    """A claim's figure in its canonical unit (so acres and hectares compare)."""
    if claim.get("qualifier") == "vague":
        return None
    if claim.get("canonical_low") is not None or claim.get("canonical_high") is not None:
        values = [v for v in (claim.get("canonical_low"), claim.get("canonical_high")) if v]
    else:
        values = [v for v in (claim.get("value_low"), claim.get("value_high")) if v]
    return sum(values) / len(values) if values else None


def _cannot_link(a: dict, b: dict) -> bool:
    """Two different figures for the same unit in one sentence are two
    quantities ("4,000 authorized but only 2,100 in place"), unless one is an
    earlier figure quoted for contrast ("400 instead of the 250 first announced").
    Nor are figures thirty times apart ("$38 million" and "$1.2 billion")."""
    va, vb = _typical(a), _typical(b)
    if va and vb and max(va, vb) / min(va, vb) > MAX_RATIO and va > 0 and vb > 0:
        return True
    if a["article_id"] != b["article_id"] or not a.get("sentence") or a.get("sentence") != b.get("sentence"):
        return False
    if a.get("retrospective") or b.get("retrospective"):
        return False
    if rival_estimates(a, b):
        return False
    return (a.get("value_low"), a.get("value_high")) != (b.get("value_low"), b.get("value_high"))


REPORTING_RE = re.compile(
    r"\b(?:said|says|say|put|puts|putting|estimated?|estimates|maintains?|maintained|insists?|insisted|"
    r"reported|reports|claimed|claims|counted|counts|according\s+to)\b", re.I)
DISPUTED_RE = re.compile(r"^[^;:.]{0,60}?,?\s+not\s+(?:the\s+)?[\"“‘']?$", re.I)
COLON_SOURCE_RE = re.compile(r"(?:^|[;.•*]\s*|\n\s*)[A-Z]?[\w'’ .-]{2,40}:\s*[\"“‘']?(?:[^;:]{0,20})$")
CONTRAST_RE = re.compile(r"\b(?:but|while|whereas|however)\b|;", re.I)


def rival_estimates(a: dict, b: dict) -> bool:
    """Two sources giving their own figure in one sentence: "the institute puts
    the figure at 18,000, but the Red Cross said some 45,000 people ..." (one
    quantity, two estimates), unlike "4,000 authorized but only 2,100 in place"."""
    if a.get("article_id") != b.get("article_id") or not a.get("sentence") or a.get("sentence") != b.get("sentence"):
        return False
    first, second = sorted((a, b), key=_offset_in_sentence)
    sentence = first["sentence"]
    start = _offset_in_sentence(first)
    between = sentence[start + len(first.get("text") or ""):_offset_in_sentence(second)]
    if DISPUTED_RE.search(between):
        return True   # "11 officers were held, not eight": a figure and the one it disputes
    if COLON_SOURCE_RE.search(between) and COLON_SOURCE_RE.search(sentence[:start]):
        return True   # "Police: about 1,800 stranded; drivers' group: more than 3,000"
    # "..., but the Red Cross said", "nurses say 3,000 ..., hospital says 1,100"
    if not (CONTRAST_RE.search(between) or "," in between) or not REPORTING_RE.search(between):
        return False
    clause = CLAUSE_BREAK_RE.split(sentence[:start])[-1] if start > 0 else ""
    return bool(REPORTING_RE.search(clause))


YEAR_RE = re.compile(r"\b(1[89]\d\d|20\d\d)\b")
YEAR_AFTER_RE = re.compile(r"[^.;,\d]{0,30}?\b(?:in|during|of)\s+(1[89]\d\d|20\d\d)\b")
# "... the $112 million Crestline lost after the group's 2023 attack"
YEAR_EVENT_AFTER_RE = re.compile(r"[^.;,\d]{0,60}?\b(?:the|its|their|[A-Za-z]+['’]s)\s+(1[89]\d\d|20\d\d)\s+[a-z]")


# what every year the patterns above find contains: most sentences have none
YEARISH_RE = re.compile(r"(?:1[89]|20)\d\d")


def past_event_year(claim: dict) -> Optional[str]:
    """The year of an earlier event a figure belongs to: "since the 2017 Ash
    Creek Fire, which killed 22" is about 2017, not this story."""
    sentence = claim.get("sentence") or ""
    if not YEARISH_RE.search(sentence):
        return None
    position = _offset_in_sentence(claim)
    if position < 0:
        return None
    published_year = (claim.get("published") or "")[:4]
    years = [m.group(1) for m in YEAR_RE.finditer(sentence[max(0, position - 120) : position])]
    # "... up from $22 million in 2021": a year right after the figure dates it
    end = position + len(claim.get("text") or "")
    after = YEAR_AFTER_RE.match(sentence, end) or YEAR_EVENT_AFTER_RE.match(sentence, end)
    if after:
        years.append(after.group(1))
    years = [y for y in years if not published_year or y < published_year]
    return years[-1] if years else None


NAME_RE = re.compile(r"\b[A-Z][a-z]+(?:[-'][A-Z]?[a-z]+)?\b")


def date_past_events(claims: Sequence[dict], past: Optional[Dict[str, str]] = None,
                     current: Iterable[str] = ()) -> (Dict[str, str], Set[str]):
    """Give one article's claims their `past_year`: a figure is about an
    earlier event when its sentence names one dated elsewhere in the article,
    or in an earlier article of the story (`past`: name -> year), and the
    name is not one of this story's own (`current`: names met around its
    undated figures). "Since the MV Helena went down in 2009, killing 97" ...
    "memories of the Helena, which sank ... and killed 97".

    Returns the names this article dates and the names around its undated
    figures, for the story to remember."""
    names: Dict[str, str] = {}
    seen = set(current)  # names that belong to this story
    past_names = set(past or ())
    event_years = [past_event_year(c) for c in claims]
    names_of = {}  # sentence -> its names (claims share sentences)

    def names_in(sentence):
        found = names_of.get(sentence)
        if found is None:
            found = names_of[sentence] = _names(sentence)
        return found

    # ... the first place to look for them is the article's headline and lead
    for claim, year in zip(claims[:2], event_years):
        if not year:
            seen |= names_in(claim.get("sentence") or "") - past_names
    for claim, year in zip(claims, event_years):
        claim["past_year"] = year
        sentence = claim.get("sentence") or ""
        here = names_in(sentence)
        if year:
            # the names first met around the year are the earlier event's
            position = _offset_in_sentence(claim)
            window = sentence[max(0, position - 120):position]
            at = window.rfind(year)
            for m in NAME_RE.finditer(window, max(0, at - 60), at + 40 if at >= 0 else len(window)):
                if m.group() not in seen and m.group().lower() not in STOPWORDS:
                    names.setdefault(m.group(), year)
        seen |= here - set(names) - past_names
    known = {n: y for n, y in (past or {}).items() if n not in seen}
    known.update(names)
    undated = set()
    for claim in claims:
        here = names_in(claim.get("sentence") or "")
        if claim["past_year"] is None and known:
            years = sorted({known[n] for n in here if n in known})
            if len(years) == 1:
                claim["past_year"] = years[0]
        if claim["past_year"] is None:
            undated |= here
    return names, undated - set(known)


def _names(sentence: Optional[str]) -> Set[str]:
    """The capitalised words of a sentence, but common words starting it."""
    return {m.group() for m in NAME_RE.finditer(sentence or "") if m.group().lower() not in STOPWORDS}


def _offset_in_sentence(claim: dict) -> int:
    if claim.get("sentence_offset") is not None:
        return claim["sentence_offset"]
    return (claim.get("sentence") or "").find(claim.get("text") or "\x00")


def _must_link_keys(claim: dict):
    """Keys shared by claims that are certainly one measure."""
    yield ("wording", claim.get("sentence"), claim.get("text"))
    low, high = claim.get("value_low"), claim.get("value_high")
    if low is not None or high is not None:
        # the same figure again in one article: "1,400" in headline and lead
        if max(v for v in (low, high) if v is not None) >= 10:
            yield ("repeat", claim["article_id"], low, high, bool(claim.get("retrospective")))


# ------------------------------------------------------------------ labels


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


# ------------------------------------------------------------------ online


def _norm(vector: Dict[str, float]) -> float:
    return math.sqrt(sum(v * v for v in vector.values())) or 1.0


_UNKNOWN = object()


@dataclass
class Measure:
    """What grouping needs to remember of a measure between loads."""

    key: int
    block: tuple
    centroid: Counter
    size: int = 0
    low: Optional[float] = None  # smallest and largest typical figure
    high: Optional[float] = None
    _norm: Optional[float] = None
    _predicate: object = _UNKNOWN  # _main_predicate(centroid), once known
    # the terms added since the centroid was last compacted (analysis.py),
    # or None when it is not known to be compact
    _fresh: Optional[set] = None

    @property
    def norm(self) -> float:
        if self._norm is None:
            self._norm = _norm(self.centroid)
        return self._norm

    @property
    def predicate(self) -> Optional[str]:
        if self._predicate is _UNKNOWN:
            self._predicate = _main_predicate(self.centroid)
        return self._predicate

    def centroid_changed(self):
        """Forget what was computed from the centroid (call after changing it)."""
        self._norm = None
        self._predicate = _UNKNOWN

    def fits(self, value: Optional[float]) -> bool:
        if not value or self.low is None:
            return True
        return max(self.high, value) / min(self.low, value) <= MAX_RATIO

    def close(self, values) -> bool:
        """Every figure lies within CLOSE_RATIO of the measure's range."""
        if self.low is None:
            return False
        return all(self.low / CLOSE_RATIO <= v <= self.high * CLOSE_RATIO for v in values)

    def holds(self, value: float) -> bool:
        """The value lies within the measure's range of figures."""
        return self.low is not None and self.low * 0.98 <= value <= self.high * 1.02

    def add(self, terms: Counter, value: Optional[float], count: int = 1):
        if terms:
            self.centroid.update(terms)
            if self._fresh is not None:
                self._fresh.update(terms)
            self.centroid_changed()
        self.size += count
        if value:
            self.low = value if self.low is None else min(self.low, value)
            self.high = value if self.high is None else max(self.high, value)


def block_of(claim: dict):
    unit = claim.get("unit")
    if not unit or unit.lower() in INCIDENTAL_UNITS:
        return None
    year = claim["past_year"] if "past_year" in claim else past_event_year(claim)
    return (claim.get("story"), unit_family(unit), year)


def assign_article(claims: Sequence[dict], measures: List[Measure], threshold: float = THRESHOLD) -> List[Optional[int]]:
    """Assign one article's claims to measures, creating measures as needed.

    The best-scoring (figure, measure) pairs are settled first, so one
    figure's weak match cannot take the measure a later figure fits better.
    An article gives one figure per quantity: a measure holding one of its
    figures takes no incompatible other (an earlier figure quoted as such,
    "up from 631", excepted).

    `measures` is updated in place; keys of new measures are negative
    placeholders (-1, -2, ...) for the caller to replace with real ids.
    """
    keys: List[Optional[int]] = [None] * len(claims)
    if claims and "past_year" not in claims[0]:
        date_past_events(claims)
    terms = [c.get("terms") or claim_terms(c) for c in claims]
    by_block = defaultdict(list)
    for m in measures:
        by_block[m.block].append(m)
    groups = []
    for members in _must_link_groups(claims):
        block = block_of(claims[members[0]])
        if block is None:
            continue
        if len(members) == 1:  # what sum([...], Counter()) gives: the positive terms
            group_terms = Counter({t: w for t, w in terms[members[0]].items() if w > 0})
        else:
            group_terms = sum((terms[i] for i in members), Counter())
        values = [v for v in (_typical(claims[i]) for i in members) if v]
        earlier = [v for v in (_typical(claims[i]) for i in members if claims[i].get("retrospective")) if v]
        groups.append(_Group(members, block, group_terms, values, earlier))
    # words every measure of a block shares say little about which one a
    # figure belongs to: weigh terms by how few measures use them (as the
    # block stood before this article)
    block_df = {}
    for block in {g.block for g in groups}:
        block_df[block] = _document_frequencies(by_block[block], [g.terms for g in groups if g.block == block])
    candidates = []
    for index, group in enumerate(groups):
        group.vector = _weighted(group.terms, *block_df[group.block])
        group.norm = _norm(group.vector)
        group.predicate = _own_predicate(group.terms)
        block_measures = by_block[group.block]
        for m, score in zip(block_measures, _scores(group, block_measures)):
            if score > threshold:
                candidates.append((-score, index, m.key))
    heapq.heapify(candidates)
    by_key = {m.key: m for m in measures}
    in_article = defaultdict(list)  # measure key -> this article's claims in it
    chosen: Dict[int, Measure] = {}
    while candidates:
        _, index, key = heapq.heappop(candidates)
        group = groups[index]
        if index in chosen or not _may_join(group, in_article[key], claims):
            continue
        chosen[index] = by_key[key]
        in_article[key].extend(group.members)
    for index, group in enumerate(groups):
        measure = chosen.get(index)
        if measure is None:
            # a measure this article started may fit a later figure of it
            best = threshold
            for m in by_block[group.block]:
                if m.key < 0 and _may_join(group, in_article[m.key], claims):
                    score = _score(group, m)
                    if score > best:
                        best, measure = score, m
        if measure is None:
            measure = Measure(key=-(1 + sum(1 for m in measures if m.key < 0)), block=group.block, centroid=Counter())
            measures.append(measure)
            by_block[group.block].append(measure)
            in_article[measure.key].extend(group.members)
        elif measure.key < 0:
            in_article[measure.key].extend(group.members)
        for i in group.members:
            keys[i] = measure.key
        for value in group.values or [None]:
            measure.add(None, value, 0)
        measure.add(group.terms, None, len(group.members))
    return keys


@dataclass
class _Group:
    """Claims of one article that must share a measure."""

    members: List[int]
    block: tuple
    terms: Counter
    values: List[float]
    earlier: List[float]  # the figures it quotes as earlier ones ("up from 73")
    vector: Optional[Dict[str, float]] = None
    norm: float = 1.0
    # its main predicate when said right by the figure (see _predicates_differ)
    predicate: Optional[str] = None


def _document_frequencies(measures: Sequence[Measure], terms: Iterable[Counter]):
    """(number of measures, {term: measures whose centroid has it}) for the
    given groups' terms (all _weighted reads)."""
    wanted = set()
    for group_terms in terms:
        wanted.update(group_terms)
    df = Counter()
    if wanted:
        for m in measures:
            df.update(m.centroid.keys() & wanted)
    return len(measures), df


def _weighted(terms: Counter, n: int, df: Counter) -> Dict[str, float]:
    if n < IDF_MIN_MEASURES:
        return terms
    return {t: w * math.log((n + 1) / (df.get(t, 0) + 0.5)) for t, w in terms.items()}


def _score(group: _Group, measure: Measure) -> float:
    """Cosine of the group's words and the measure's, plus a bonus when its
    figures are close to the measure's own; -1 when they cannot be one."""
    if not all(measure.fits(v) for v in group.values):
        return -1.0
    centroid = measure.centroid
    vector = group.vector
    # the products in the vector's order, as a plain loop would sum them
    weights = map(centroid.get, vector, itertools.repeat(0.0))
    score = sum(map(operator.mul, vector.values(), weights)) / (group.norm * measure.norm)
    if group.predicate is not None and _differs(group.predicate, measure.predicate, centroid):
        score -= OTHER_PREDICATE_PENALTY
    # figures close to a measure's own are evidence they count the same thing,
    # the same figures more so, and so is an update quoting one of its figures
    # ("down from the 73 initially reported"); for shares, which crowd into 0
    # to 100 whatever they measure, only the quoted earlier figure counts
    bounded = group.block[1] in BOUNDED_FAMILIES
    if any(measure.holds(v) for v in group.earlier) or (
            group.values and not bounded and measure.close(group.values)):
        score += CLOSE_VALUE_BONUS
    if group.values and not bounded and all(measure.holds(v) for v in group.values):
        score += SAME_VALUE_BONUS
    return score


_STEMS = tuple(PREDICATE_STEMS)


def _scores(group: _Group, measures: Sequence[Measure]) -> List[float]:
    """_score(group, m) for each measure, in one loop: the same arithmetic in
    the same order, without a call per measure."""
    values, earlier, vector = group.values, group.earlier, group.vector
    group_norm, mine = group.norm, group.predicate
    bounded = group.block[1] in BOUNDED_FAMILIES
    valued = bool(values) and not bounded
    weights = list(vector.values())
    mul, repeat = operator.mul, itertools.repeat
    # When every figure is positive, a test of all of them against a
    # measure's positive range holds when it holds for the smallest and the
    # largest: the further a figure lies outside the range, the larger its
    # ratio to the far end (max(high, v) / min(low, v)).
    positive = bool(values) and all(v > 0 for v in values)
    if positive:
        smallest, largest = min(values), max(values)
    scores = []
    for m in measures:
        low, high = m.low, m.high
        extremes = positive and low is not None and 0 < low <= high
        if low is not None and values:
            if extremes:
                fits = (max(high, smallest) / min(low, smallest) <= MAX_RATIO
                        and max(high, largest) / min(low, largest) <= MAX_RATIO)
            else:
                fits = all(not v or max(high, v) / min(low, v) <= MAX_RATIO for v in values)
            if not fits:
                scores.append(-1.0)
                continue
        centroid = m.centroid
        norm = m._norm
        if norm is None:
            norm = m.norm
        score = sum(map(mul, weights, map(centroid.get, vector, repeat(0.0)))) / (group_norm * norm)
        if mine is not None:
            theirs = m._predicate
            if theirs is _UNKNOWN:
                theirs = m.predicate
            if theirs is not None and theirs != mine and centroid.get(mine, 0.0) < 0.25 * centroid[theirs]:
                score -= OTHER_PREDICATE_PENALTY
        if low is not None:
            if valued:
                if extremes:
                    close = low / CLOSE_RATIO <= smallest and largest <= high * CLOSE_RATIO
                    same = low * 0.98 <= smallest and largest <= high * 1.02
                else:
                    close = all(low / CLOSE_RATIO <= v <= high * CLOSE_RATIO for v in values)
                    same = all(low * 0.98 <= v <= high * 1.02 for v in values)
            else:
                close = same = False
            if close or (earlier and any(low * 0.98 <= v <= high * 1.02 for v in earlier)):
                score += CLOSE_VALUE_BONUS
            if same:
                score += SAME_VALUE_BONUS
        scores.append(score)
    return scores


def _main_predicate(terms) -> Optional[str]:
    # the first of the heaviest stems, as max() over them would pick it
    best, heaviest = None, None
    get = terms.get
    for stem in _STEMS:
        weight = get(stem, 0.0)
        if heaviest is None or weight > heaviest:
            best, heaviest = stem, weight
    return best if heaviest > 0 else None


def _own_predicate(terms) -> Optional[str]:
    """The figure's main predicate if said right by it, else None."""
    mine = _main_predicate(terms)
    if mine is None or terms[mine] < 1.0:
        return None
    return mine


def _differs(mine: str, theirs: Optional[str], centroid) -> bool:
    if theirs is None or theirs == mine:
        return False
    return centroid.get(mine, 0.0) < 0.25 * centroid[theirs]


def _predicates_differ(terms: Counter, centroid: Counter) -> bool:
    """The figure says what happened to it ("taken to hospital") and the
    measure is mostly about something else ("killed")."""
    mine = _own_predicate(terms)  # said right by the figure
    if mine is None:
        return False
    return _differs(mine, _main_predicate(centroid), centroid)


def _comparable(claim: dict) -> dict:
    """The claim's interval in its canonical unit, for compare.compatible."""
    if claim.get("canonical_low") is not None or claim.get("canonical_high") is not None:
        return {"value_low": claim.get("canonical_low"), "value_high": claim.get("canonical_high"),
                "qualifier": claim.get("qualifier")}
    return claim


def _may_join(group: _Group, others: Sequence[int], claims: Sequence[dict]) -> bool:
    """Whether a group may join a measure already holding `others` of its article."""
    for i in group.members:
        a = claims[i]
        for j in others:
            b = claims[j]
            if _cannot_link(a, b):
                return False
            if a.get("retrospective") or b.get("retrospective") or rival_estimates(a, b):
                continue
            if not compare.compatible(_comparable(a), _comparable(b)):
                return False
    return True


def _must_link_groups(claims: Sequence[dict]) -> List[List[int]]:
    """One article's claims in groups that must share a measure (the same
    figure repeated; a change's two ends), never joining two different
    figures of one sentence."""
    parent = list(range(len(claims)))
    members = {i: [i] for i in range(len(claims))}

    def find(i):
        while parent[i] != i:
            parent[i] = parent[parent[i]]
            i = parent[i]
        return i

    def union(i, j):
        ri, rj = find(i), find(j)
        if ri == rj or block_of(claims[i]) != block_of(claims[j]):
            return
        if any(_cannot_link(claims[a], claims[b]) for a in members[ri] for b in members[rj]):
            return
        keep, drop = min(ri, rj), max(ri, rj)
        parent[drop] = keep
        members[keep].extend(members.pop(drop))

    first_with = {}
    for i, claim in enumerate(claims):
        for key in _must_link_keys(claim):
            if key in first_with:
                union(first_with[key], i)
            else:
                first_with[key] = i
    by_sentence = defaultdict(list)
    for i, claim in enumerate(claims):
        if claim.get("sentence"):
            by_sentence[claim["sentence"]].append(i)
    for indexes in by_sentence.values():
        current = [i for i in indexes if not claims[i].get("retrospective")]
        for i in indexes:
            if claims[i].get("retrospective") and current:
                union(i, _updated_by(claims, i, current))
        # "the institute puts the figure at 18,000, but the Red Cross said some
        # 45,000 people ...": rival estimates of one quantity
        for x, i in enumerate(current):
            for j in current[x + 1:]:
                if rival_estimates(claims[i], claims[j]) and not _predicates_differ(
                        claims[i].get("terms") or claim_terms(claims[i]),
                        claims[j].get("terms") or claim_terms(claims[j])):
                    union(i, j)
    return [sorted(m) for _, m in sorted(members.items())]


def _updated_by(claims: Sequence[dict], earlier: int, current: List[int]) -> int:
    """The figure of a sentence that an earlier figure is quoted against: the
    nearest before it in its clause ("Eleven remain in hospital, down from 19;
    three are critical"), else the nearest at all ("rose from 631 to 1,011")."""
    sentence = claims[earlier].get("sentence") or ""
    where = _offset_in_sentence(claims[earlier])
    clause_start = max([m.end() for m in CLAUSE_END_RE.finditer(sentence, 0, max(where, 0))] or [0])
    before = [j for j in current if clause_start <= _offset_in_sentence(claims[j]) < where]
    if before:
        return max(before, key=lambda j: (_offset_in_sentence(claims[j]), -j))
    return min(current, key=lambda j: (abs(_offset_in_sentence(claims[j]) - where), j))


CLAUSE_END_RE = re.compile(r"[;:\u2014]|\s-\s|\.\s")


def group_claims(claims: Sequence[dict], threshold: float = THRESHOLD) -> List[Optional[int]]:
    """Cluster numbers for claims (None for incidental ones), assigning
    article by article in id order, exactly as a sequence of loads does.
    Claims carry `story` (stories.py), `published`, `unit`, `sentence`,
    `text`, `article_id`, values and `retrospective`."""
    measures: List[Measure] = []
    by_article = defaultdict(list)
    for i, c in enumerate(claims):
        by_article[c["article_id"]].append(i)
    labels: List[Optional[int]] = [None] * len(claims)
    next_key = 0
    past_events = defaultdict(lambda: ({}, set()))  # story -> earlier events' names, its own names
    for article_id in sorted(by_article):
        indexes = by_article[article_id]
        article = [dict(claims[i]) for i in indexes]
        past, current = past_events[article[0].get("story")]
        dated, undated = date_past_events(article, past, current)
        for name, year in dated.items():
            past.setdefault(name, year)
        current |= undated
        keys = assign_article(article, measures, threshold)
        renumber = {}
        for m in measures:
            if m.key < 0:
                renumber[m.key] = next_key
                m.key = next_key
                next_key += 1
        for i, k in zip(indexes, keys):
            labels[i] = renumber.get(k, k) if k is not None else None
    return labels
