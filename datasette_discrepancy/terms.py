"""The words that say which quantity a figure counts: claim_terms(claim) weighs
the words of its sentence by how near the figure they are and whether they say
what happened to the counted thing ("killed", "missing", "evacuated"), folded
to one stem each. Generic news vocabulary; pure functions.
"""
import bisect
import functools
import re
from collections import Counter
from typing import Optional

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
    "critical": {"critical", "critically", "serious", "seriously", "intensive", "life-threatening"},
    "aboard": {"aboard", "board", "onboard", "carrying", "carried"},
    "spilled": {"spilled", "spill", "spills", "leaked", "leak", "leaks", "escaped", "released"},
    "compromised": {"stolen", "stole", "steal", "accessed", "exposed", "breached", "compromised",
                    "hacked"},
    "cancelled": {"cancelled", "canceled", "cancel", "cancels", "cancelling", "canceling", "cancellation",
                  "cancellations", "postponed", "suspended", "axed", "axe", "axes", "axing", "scrapped", "scrap",
                  "scrapping"},
    "sickened": {"sickened", "sickens", "sickening", "sick", "ill", "illness", "illnesses", "infected",
                 "infection", "infections", "symptoms", "symptom",
                 "poisoned", "poisoning"},
    "culled": {"culled", "cull", "culling", "slaughtered", "gassed", "euthanised", "euthanized"},
    "treated": {"treated", "treating", "treatment"},
    "trapped": {"trapped", "stranded", "buried"},
    "airlifted": {"airlifted", "airlift", "airlifts", "airlifting", "winched", "helicoptered"},
    "arrived": {"arrived", "arrivals", "arriving", "crossed", "crossing", "crossings"},
    "hosted": {"hosts", "hosting", "hosted"},
    "diverted": {"diverted", "diversion", "diversions", "rerouted"},
    "vaccinated": {"vaccinated", "vaccination", "vaccinations", "jabs", "immunised", "immunized"},
    "outage": {"power", "electricity", "blackout", "blackouts", "outage", "outages", "powerless"},
}
_STEM_OF = {word: stem for stem, words in PREDICATE_STEMS.items() for word in words}

_STEMS = tuple(PREDICATE_STEMS)


def main_predicate(terms) -> Optional[str]:
    """The heaviest stem of what happened among a figure's weighted words."""
    # the first of the heaviest stems, as max() over them would pick it
    best, heaviest = None, None
    get = terms.get
    for stem in _STEMS:
        weight = get(stem, 0.0)
        if heaviest is None or weight > heaviest:
            best, heaviest = stem, weight
    return best if heaviest > 0 else None


def own_predicate(terms) -> Optional[str]:
    """The figure's main predicate if said right by it, else None."""
    mine = main_predicate(terms)
    if mine is None or terms[mine] < 1.0:
        return None
    return mine


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


ASIDE_RE = re.compile(r",\s*(?:among\s+them|including|(?:many|most|some|all|several)\s+of\s+them)\b[^,;.()]*", re.I)
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
    unit = (claim.get("unit") or "").lower()
    unit_words = {normalise_word(w) for w in TOKEN_RE.findall(unit)}
    # (rescuers are who rescue, not the rescued: their unit says nothing happened to them)
    for stem in (unit_words & set(PREDICATE_STEMS) if unit not in _AGENT_UNITS else ()):
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
    # "At least 60 people, among them injured and elderly passengers, had been
    # flown ...": an aside describes the counted, it does not say what befell them
    asides = [m.span() for m in ASIDE_RE.finditer(sentence) if not m.start() <= position < m.end()] \
        if "," in sentence else ()
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
            if asides and any(a <= starts[i] < b for a, b in asides):
                weight *= 0.25
            if term in PREDICATE_STEMS:
                weight *= 2.0
            terms[term] += weight
    if claim.get("context"):
        # words extraction found beyond the sentence: the one after a figure
        # heading a numbered explainer ("2. 61.4%", "3. 1,240 birds"), at half
        # weight; a Q&A heading's question ("How many people died?"), faintly
        faint = 0.5 if not terms else 0.25
        own = _sentence_terms(sentence)
        for word in TOKEN_RE.findall(claim["context"]):
            term = normalise_word(word)
            if term and term not in unit_words and term not in own:
                terms[term] += faint * (2.0 if term in PREDICATE_STEMS and faint < 0.5 else 1.0)
    return terms


@functools.lru_cache(maxsize=256)
def _sentence_terms(sentence: str) -> frozenset:
    """Every word of a sentence, normalised (a sentence's figures share them)."""
    return frozenset(map(normalise_word, TOKEN_RE.findall(sentence)))


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
    # "sent 22 to the hospital": sending someone to hospital is no deployment
    for i, (start, word) in enumerate(tokens):
        if words[i] == "deployed" and word.lower() in _SENDING and "hospitalised" in words[i + 1:i + 7]:
            words[i] = None
    # what a phrase says happened: "have left their homes" is "evacuated"
    for m in _PHRASE_RE.finditer(sentence):
        i = bisect.bisect_left(starts, m.start())
        if i < len(words) and starts[i] == m.start():
            words[i] = m.lastgroup
    return starts, words, [m.start() for m in CLAUSE_BREAK_RE.finditer(sentence)]


_SENDING = {"send", "sent", "sending"}
_AGENT_UNITS = {"rescuers", "rescuer"}
# phrases whose words alone say nothing of what happened
_PHRASE_RE = re.compile(
    r"\b(?:(?P<evacuated>(?:left|leave|leaving|fled|flee|fleeing|forced\s+(?:out\s+)?(?:of|from)|driven\s+(?:out\s+)?(?:of|from)|"
    r"ordered\s+(?:out\s+)?(?:of|from))\s+(?:their|his|her)\s+homes?)"
    r"|(?P<cancelled>call(?:ed|s)?\s+off)"
    r"|(?P<airlifted>flown\s+(?:by\s+helicopter|off|out))"
    r"|(?P<sickened>(?:struck|laid)\s+down|f[ae]ll(?:s|ing|en)?\s+ill)"
    # "people we cannot find", "still under the rubble": the missing
    r"|(?P<missing>(?:can(?:not|'t|’t)|could\s*(?:not|n't|n’t)|unable\s+to)\s+(?:find|locate|trace|reach)"
    r"|(?:under|beneath)\s+the\s+(?:mud|rubble|debris|snow|ruins|wreckage)))\b", re.I)


def offset_in_sentence(claim: dict) -> int:
    """Where a claim's figure starts in its sentence (-1 if it cannot be found)."""
    if claim.get("sentence_offset") is not None:
        return claim["sentence_offset"]
    return (claim.get("sentence") or "").find(claim.get("text") or "\x00")
