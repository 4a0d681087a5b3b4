"""What a figure with no noun of its own counts: "killed 22", "put the crowd at 40,000",
"More than 1,900 have phoned", "a 250-strong advance party".  Read from the verbs and
nouns around the figure and from the figures before it (of its own order of magnitude),
from the English around a line in another language, and from what an organisation's
members are ("206 of its members" of "the fishermen's association").
"""
import re
from typing import Optional, Tuple

from .families import unit_family
from .units import COLLECTIVES, COUNT_NOUNS, MEASURE_UNITS, SPEAKER_NOUNS, TIME_UNITS, normalize_unit
from .sentences import Layout
from .nouns import _PEOPLE_PARTICIPLES, _STOP, _TOKEN, _looks_plural, _noun_before, _noun_forward


# -------- cues around the figure: "put the crowd at", "killed", "treating", "the number of", "have phoned"

# "organisers put the crowd at 40,000", "police estimated the turnout at", "numbered the force at"
_ESTIMATE_AT = re.compile(
    r"(?=[pensgcar])\b(?:put|puts|putting|estimated?|estimates|estimating|numbered|number|numbers|placed?|places|"
    r"pegged|pegs|set|sets|counted|counts|gave|gives|give|assessed|reckoned)\s+"
    r"(?:the|its|their|this|that|his|her|our)\s+((?:[a-z][\w'’-]*\s+){0,3}?[a-z][\w'’-]*)\s+at\s+$", re.I)
_KILL_BEFORE = re.compile(r"(?=[kclsipe])\b(?:kill(?:s|ed|ing)?|claim(?:s|ed|ing)?\s+the\s+lives\s+of|left|leaving|"
                          r"sicken(?:s|ed|ing)?|injur(?:es|ed|ing)|infect(?:s|ed|ing)|poison(?:s|ed|ing)?|"
                          r"evacuat(?:es|ed|ing)|sent|sending|sends)\s+$", re.I)
_TREAT_BEFORE = re.compile(r"(?=[tca])\b(?:treat(?:s|ed|ing)?|car(?:es|ed|ing)\s+for|admit(?:s|ted|ting))\s+"
                           r"(?:(?:about|around|roughly|some|nearly|almost|more\s+than|over|at\s+least|up\s+to|"
                           r"fewer\s+than|less\s+than|another|an\s+additional)\s+)?$", re.I)
_ESTIMATE_IS = re.compile(r"\b(?:estimate|figure|count|tally|total|number)\s+(?:is|was|stands\s+at|stood\s+at)\s+"
                          r"(?:(?:about|around|roughly|some|nearly|almost|more\s+than|over|at\s+least|just\s+over|"
                          r"just\s+under)\s+)?$", re.I)
# "the death toll from Monday's earthquake has climbed to 247": a toll counts the dead
_TOLL_BEFORE = re.compile(r"\btolls?\b[^.;:]{0,80}?\b(?:to|at|of|is|was|stands|stood|reached|reaches|hit|hits|"
                          r"passed|passes|topped|tops|exceeded|exceeds|surpassed|surpasses|now)\s+"
                          r"(?:(?:about|around|roughly|some|nearly|almost|more\s+than|over|at\s+least)\s+)?$", re.I)
_PLACE_OF_BEFORE = re.compile(r"\b(?:city|town|village|island|country|nation|community|suburb|district|region|"
                              r"province|state|county|municipality)\s+of\s+(?:(?:about|around|some|roughly|nearly|"
                              r"almost|more\s+than|over|just\s+over|under)\s+)?$", re.I)
_NUMBER_BEFALLEN = re.compile(r"\b(?:number|total)\s+([a-z]+)\s+(?:[\w'’-]+\s+){0,4}?(?:to|at|is|was|"
                              r"stands\s+at|stood\s+at|has\s+(?:risen|climbed|reached)\s+|rose\s+to|climbed\s+to)\s+$",
                              re.I)
_COLLECTIVE_OF = re.compile(r"\b([A-Za-z]+)\s+of\s+$")
_POWER_AFTER = re.compile(r"['’\"”]?\s+(?:\w+\s+){0,2}?(?:lost|without|had\s+no|have\s+no|left\s+without)\s+"
                          r"(?:power|electricity)\b", re.I)
_SAYS = re.compile(r"\b(?:says|said|say|puts|put|estimates|estimated|insists|claims|claimed)\b", re.I)
_NUMBER_OF = re.compile(r"(?=[nct])\b(?:number|numbers|count|tally|total)\s+of\s+((?:[a-z][\w-]*\s+){0,2}?([a-z][\w-]*s|people|personnel|police|staff|cattle|livestock|"
                        r"injured|dead|missing|wounded|displaced|homeless|evacuated))\b")
_AUX = r"(?:have|has|had|were|was|are|is|remain(?:s|ed)?|will|would|could|may|might|must|should|can|did)"
_HUMAN_VERB_AFTER = re.compile(
    r"['’\"”]?\s+(?:of\s+them\s+(?=" + _AUX + r"\b))?(?:" + _AUX + r"\s+)?"
    r"(?:(?:been|being|still|now|since|already|also|all|later|reportedly|each|then)\s+)*"
    r"(?:phoned|called|rang|signed|voted|died|fled|flee|flees|fleeing|attended|registered|applied|queued|"
    r"complained|protested|flown|airlifted|dug\s+out|pulled\s+out|moved|transferred|relocated|evacuated|"
    r"walked\s+out|went\s+on\s+strike|took\s+part|struck|"
    r"spent\s+the\s+night|slept|"
    r"marched|gathered|joined|sought|treated|hospitali[sz]ed|admitted|discharged|rescued|arrested|detained|"
    r"injured|killed|hurt|missing|dead|unaccounted\s+for|tested\s+positive|needed\s+(?:hospital|medical|treatment|care)|"
    r"f[ae]ll\s+ill|(?:got|became)\s+(?:sick|ill)|"
    r"taken\s+to\s+(?:a\s+|the\s+|\w+\s+)?hospitals?|(?:of\s+them\s+)?in\s+(?:a\s+|an\s+)?(?:critical|serious|stable|"
    r"intensive|life-threatening)|in\s+hospitals?|aboard|onboard|on\s+(?:board|site|the\s+site))\b", re.I)
# "of those on board were children" says what they are itself; "of them" does not
_OF_PRONOUN_AFTER = re.compile(r"\s+of\s+(?:them|whom|(?:those|these)(?=\s*[,.;:]|\s+" + _AUX + r"\b))\b", re.I)
# "About 40 of those on the bus were pupils", "Nearly 70 of them were children"
_OF_WHO_WERE = re.compile(r"\s+of\s+(?:them|those|these)\b[^.;:!?\n]{0,40}?\s(?:were|are)\s+"
                          r"(?:(?:all|mostly|also|still|either|reportedly)\s+)?([a-z]+)\b")
# "five were members of the ship's 24-strong crew": the group they belong to
_MEMBERS_OF = re.compile(r"['’\"”]?\s+(?:of\s+them\s+)?(?:were|are|was|is)\s+(?:all\s+)?(?:members|part)\s+of\s+"
                         r"(?:(?:the|its|their|his|her|a|an)\s+)?(?:[A-Za-z]+['’]s\s+)?(?:[\d,]+-strong\s+)?"
                         r"([a-z]+)\b")
# "380 of them were dead": what happened to the group, not what it was
_STATES = {"dead", "killed", "injured", "hurt", "wounded", "missing", "sick", "ill", "alive", "safe"}
_NOT_PREDICATE_NOUNS = {"this", "thus", "was", "has", "less", "always", "perhaps", "as", "its", "his", "hers",
                        "ours", "theirs", "yours", "us", "is", "yes", "towards", "afterwards", "across"}
# "disagree on how many nurses took part. The board puts the number at 7,000"
_HOW_MANY = re.compile(r"\b[Hh]ow\s+many\s+(?:more\s+)?((?:[a-z][\w'’-]*\s+){0,2}?([a-z][\w'’-]*))(?=\s+(?:" + _AUX +
                       r"|took|went|were|died|lost|live|lived|work|worked|are|did|do|does)\b|\s*[?,.])")
_AUX_AFTER = re.compile(r"\s+" + _AUX + r"\b", re.I)


# the figure a plural subject stands at or fell from: "outpatient appointments postponed
# stand at 7,300", "attacks fell from a peak of 237"
_SUBJECT_STANDS = re.compile(
    r"\b([a-z][a-z'’-]*[a-rt-z]s)\s+(?:(?:now|still|already|have|has|had|[a-z]+ed)\s+){0,2}"
    r"(?:(?:stand|stands|stood|standing)\s+at\s+|"
    r"(?:rose|risen|fell|fallen|dropped|climbed|jumped|increased|decreased|declined|grew|grown|shrank)\s+"
    r"from\s+an?\s+(?:peak|high|low|record)\s+of\s+)$")
# what is measured rather than counted: its figure is in a unit, not a count of it
_MEASURED = {"temperatures", "levels", "prices", "rates", "costs", "winds", "speeds", "sales", "losses", "profits",
             "wages", "salaries", "earnings", "revenues", "figures", "numbers", "totals", "estimates", "counts",
             "tolls", "readings", "values", "scores", "ratings", "odds", "savings", "bills", "fees", "fares"}


def _subject_counts(word: str) -> bool:
    return _looks_plural(word) and word not in _MEASURED and word not in SPEAKER_NOUNS and \
        normalize_unit(word) not in TIME_UNITS and normalize_unit(word) not in MEASURE_UNITS and \
        not word.endswith(("ings", "ness"))


_CAPACITY_BEFORE = re.compile(r"\b(?:(?:built|designed|meant|intended)\s+(?:for|to\s+(?:hold|house|accommodate|seat))|"
                              r"(?:a\s+)?capacity\s+of|(?:now\s+|still\s+)?(?:holds|holding|housed|houses|housing|"
                              r"accommodates|sleeps|seats))\s+$", re.I)

# -------------------------------------- people, crowds and the groups they form

_CROWD_WORDS = {"crowd", "crowds", "throng", "mob", "turnout"}
# a group counted as a whole: "estimated to number 4,000", "the size of the column varies from"
_GROUP_NUMBER = re.compile(r"\b(?:to\s+number|(?:numbers?|size)\s+of\s+(?:the|this|that)\s+[a-z]+|"
                           r"(?:now\s+)?number(?:s|ed|ing))\b[^.;:]{0,40}$", re.I)
_CROWD_MEMBERS = {"protesters", "demonstrators", "marchers", "supporters", "participants", "attendees",
                  "spectators", "fans", "rioters", "activists", "pilgrims", "worshippers", "mourners"}
_GATHERING = re.compile(r"\b(?:(?P<p>[Pp]rotest(?:s|ers?|ors?)?)|(?P<d>[Dd]emonstrat(?:ion|ions|ors?))|"
                        r"(?P<m>march(?:es|ers)?|[Mm]archers))\b")
_PERSON_UNITS = {normalize_unit(w) for w in """
people residents citizens migrants immigrants refugees asylum-seekers evacuees survivors victims protesters
demonstrators marchers rioters activists supporters participants attendees spectators fans police officers
agents troopers deputies detectives troops soldiers personnel marines sailors airmen guardsmen reservists
paratroopers fighters militants insurgents rebels firefighters responders rescuers volunteers workers
employees staff crews members students children adults men women farmers passengers tourists visitors
prisoners detainees inmates hostages voters delegates journalists officials""".split()}
_PERSONISH = _PERSON_UNITS | _CROWD_MEMBERS | {normalize_unit(w) for w in """
patients nurses doctors pupils teachers kids babies infants teenagers boys girls families mourners pilgrims
worshippers festival-goers customers victims survivors casualties""".split()}
_GROUP_WORDS = re.compile(r"-strong\s+((?:[a-z][\w'’-]*\s+){0,2}?)([a-z][\w'’-]*)\b")


# a place's capacity, said without a noun: "licensed for 350", "built for 10,000"
_CAPACITY_FOR = re.compile(r"\b(?:licensed|built|designed|approved|permitted|certified|intended|meant|room|space|"
                           r"capacity|seating|seats?|beds?)\s+(?:only\s+|just\s+)?for\s+(?:just\s+|only\s+|up\s+to\s+)?$",
                           re.I)


def _unit_by_anaphora(text: str, layout: Layout, r, sidx: int, ss: int, se: int,
                      prev_units) -> Optional[Tuple[str, Optional[str]]]:
    """(unit, noun phrase) for the figure r, which has no noun after it; r lies in
    sentence sidx, text[ss:se]; prev_units are the (sentence index, unit, noun phrase)
    of the claims before it.  None when nothing tells."""
    # anaphora: "put the crowd at 40,000", "killed 22", "the number of people ... 6,500",
    # previous claim in the sentence, noun before, noun after, previous claims nearby
    cand = None
    mm = _MEMBERS_OF.match(text, r.end, se)
    if mm:
        g = mm.group(1).lower()
        if g in COLLECTIVES:
            return COLLECTIVES[g], mm.group(1)
        if g in COUNT_NOUNS and g not in SPEAKER_NOUNS:
            return normalize_unit(g), mm.group(1)   # "five were members of the ship's crew"
    pm = _OF_WHO_WERE.match(text, r.end, se)
    if pm and pm.group(1) in _STATES:
        pm = None
    if pm and pm.group(1) in COUNT_NOUNS or pm and _looks_plural(pm.group(1)) and \
            not pm.group(1).endswith(("ed", "ing", "ous")) and pm.group(1) not in _NOT_PREDICATE_NOUNS:
        return normalize_unit(pm.group(1)), pm.group(1)   # "70 of them were children": what they were
    if _OF_PRONOUN_AFTER.match(text, r.end, se):
        # "85 of them", "three of those": the group a figure before it counted
        for psi, pu, pnp, _ in reversed(prev_units):
            if sidx - psi > 3:
                break
            if pu not in TIME_UNITS and pu not in MEASURE_UNITS and pu not in ("percent", "times"):
                return pu, pnp
    lead = text[max(ss, r.start - 40):r.start]
    if "for " in lead and _CAPACITY_FOR.search(lead):
        # a place's capacity: "a club licensed for 350" holds people, "held 2,412 inmates
        # in a facility designed for 1,650" the people the sentence counted
        for psi, pu, pnp, _ in reversed(prev_units):
            if psi == sidx and unit_family(pu) == "people":
                return pu, pnp
        return "people", None
    if lead.endswith(("at ", "at\t")):
        em = _ESTIMATE_AT.search(text, max(ss, r.start - 80), r.start)
        if em:
            cand = _counted_head(em.group(1))
            if cand is None and em.group(1).lower().split()[-1] in ("number", "figure", "total", "count", "tally"):
                cand = _asked_about(text, layout, r.start, sidx)
                if cand is None:
                    # "puts the figure at 1,400": the figure given before
                    cand = _figure_before(prev_units, sidx, r.high if r.high is not None else r.low)
    if cand is None and _THE_FIGURE_OF.search(lead) and _noun_forward(text, r.end, se) is None:
        # "the figure of 480": a figure given before
        cand = _figure_before(prev_units, sidx, r.high if r.high is not None else r.low)
    if cand is None and "toll" in text[max(ss, r.start - 120):r.start].lower() and \
            _TOLL_BEFORE.search(text, max(ss, r.start - 120), r.start):
        cand = ("people", None)
    if cand is None and "number" in lead.lower() or cand is None and "total" in lead.lower():
        pm_ = _NUMBER_BEFALLEN.search(text, max(ss, r.start - 80), r.start)
        if pm_ and pm_.group(1).lower() in _PEOPLE_PARTICIPLES:
            # "bringing the number rescued to 309": the people it befell, not the passengers named before
            cand = (_PEOPLE_PARTICIPLES[pm_.group(1).lower()], None)
    if cand is None and _PLACE_OF_BEFORE.search(lead):
        cand = ("people", None)   # "a city of about 58,000"
    if cand is None:
        cm = _COLLECTIVE_OF.search(lead)
        if cm and cm.group(1).lower() in COLLECTIVES:
            # "its workforce of nearly 13,000", "a fleet of 40": the group's word says what it counts
            cand = (COLLECTIVES[cm.group(1).lower()], cm.group(1))
    if cand is None and _POWER_AFTER.match(text, r.end, se):
        cand = ("customers", None)   # "1.6 million lost power"
    if cand is None and _KILL_BEFORE.search(lead):
        cand = ("people", None)
    if cand is None and _TREAT_BEFORE.search(lead):
        cand = ("patients", None)   # "hospitals were treating more than 90"
    if cand is None:
        nm = None
        for nm in _NUMBER_OF.finditer(text, ss, r.start):
            pass
        if nm is not None:
            cand = (normalize_unit(nm.group(2)), nm.group(1))
    if cand is None:
        gm = _GROUP_NUMBER.search(text, max(ss, r.start - 80), r.start)
        if gm:
            # a group counted as a whole: the people the text says it is made of (a "size"
            # may be of anything, so it needs them named)
            members = _named_people(text, layout, sidx, ss, se)
            if members or not gm.group().lower().startswith("size"):
                return members or "people", None
    for psi, pu, pnp, _ in reversed(prev_units):
        if cand is not None:
            break
        if psi == sidx and pu not in TIME_UNITS and pu not in ("percent", "percentage points", "times"):
            cand = (pu, pnp)
            break
    human = cand is None or cand[0] not in _PERSONISH
    if human and _HUMAN_VERB_AFTER.match(text, r.end, se):
        # "More than 1,900 have phoned", "nine were in a critical condition": people, unless the
        # sentence names them ("a crowd of 2,000 gathered", "40 protesters, and 12 were hurt")
        if cand is None:
            cand = _noun_before(text, r.start, ss)
        if cand is None and sidx > 0 and text[:layout.sentences[sidx - 1][1]].rstrip().endswith("?"):
            # "Q: Where are the inmates now? A: About 450 have been moved": the question names them
            cand = _noun_before(text, layout.sentences[sidx - 1][1], layout.sentences[sidx - 1][0])
        if cand is None or cand[0] not in _PERSONISH:
            cand = ("people", None)
    if cand is None and _CAPACITY_BEFORE.search(lead):
        cand = ("people", None)   # "the reception centre, built for 1,000": a place's capacity is of people
    if cand is None:
        sm = _SUBJECT_STANDS.search(text, max(ss, r.start - 90), r.start)
        if sm and _subject_counts(sm.group(1)):
            cand = (normalize_unit(sm.group(1)), sm.group(1))   # "appointments postponed stand at 7,300"
    if cand is None:
        nb = _noun_before(text, r.start, ss)
        if nb:
            cand = nb
    if cand is None:
        nf = _noun_forward(text, r.end, se)
        if nf and not _placed_by_its_verb(text, r.end, se, nf[1]):
            cand = nf
    if cand is None and _ESTIMATE_IS.search(text, max(ss, r.start - 40), r.start):
        # "Its central estimate is about 64,000": an estimate of the quantity counted
        # before it, a figure of the same size (not the "three cameras" in between)
        value = r.high if r.high is not None else r.low
        for psi, pu, pnp, pv in reversed(prev_units):
            if sidx - psi > 5:
                break
            if value and pv and max(value, pv) / min(value, pv) <= 3 and pu not in TIME_UNITS and \
                    pu not in ("percent", "times"):
                cand = (pu, pnp)
                break
    if cand is None:
        cand = _same_figure_before(prev_units, r)
    if cand is None:
        for psi, pu, pnp, _ in reversed(prev_units):
            if sidx - psi <= 3 and pu not in TIME_UNITS and pu != "times" and (
                    pu not in MEASURE_UNITS or (sidx - psi == 1 and _SAYS.search(text, ss, r.start))):
                # "Regulators say 12,000 pounds escaped. The company says less than 1,000."
                cand = (pu, pnp)
                break
    if cand is None and sidx > 0:
        ps, pe = layout.sentences[sidx - 1]
        cand = _noun_before(text, pe, ps)
    if cand is None and _AUX_AFTER.match(text, r.end, se):
        cand = ("people", None)   # "more than 90,000 are on the site": a figure that does things
    if cand and cand[0] == "people" and cand[1] and cand[1].lower() in _CROWD_WORDS:
        # a crowd counts its members: the protesters, marchers, fans ... of the story
        members = _crowd_members(text, layout, r.start, sidx, prev_units,
                                 r.high if r.high is not None else r.low)
        if members:
            cand = (members, cand[1])
    return cand


# "About 4,200 are sleeping in emergency shelters": a figure that is the subject of its verb is
# not counted by a noun in a prepositional phrase after it; that noun is where they are
_PREP_AFTER_VERB = re.compile(r"['’\"”]?\s+" + _AUX + r"\s+(?:[a-z]+\s+){0,3}?"
                              r"(?:in|into|at|on|to|from|inside|outside|across|near|under|with|for|by)\s", re.I)


def _placed_by_its_verb(text: str, end: int, se: int, noun: str) -> bool:
    """Is the noun _noun_forward found after the figure's own verb and a preposition?"""
    at = text.find(noun, end, se)
    pm = _PREP_AFTER_VERB.match(text, end, se)
    return bool(pm) and at >= pm.end() - 1


_THE_FIGURE_OF = re.compile(r"\b(?:the|its|their|his|her|our|this|that|an?)\s+(?:[a-z]+\s+)?"
                            r"(?:figure|estimate|number|count|tally|total)\s+of\s+$", re.I)


def _same_figure_before(prev_units, r) -> Optional[Tuple[str, Optional[str]]]:
    """The unit of the same figure given earlier in the article: "the true number of customers
    cut off was at least 1.6 million ... 'It is 1.6 million'" restates it.  Only for figures
    unlikely to repeat by chance (20 and over, or with decimals), as _units_from_repeats, and
    for counts: a measure restated keeps its unit word ("winds of 200 km/h" is not "200")."""
    value = r.low if r.low is not None else r.high
    if value is None or (value < 20 and float(value).is_integer()):
        return None
    for psi, pu, pnp, pv in reversed(prev_units):
        if pv == value and pu not in MEASURE_UNITS and pu not in ("times", "percentage points"):
            return pu, pnp
    return None


def _figure_before(prev_units, sidx: int, value: Optional[float] = None) -> Optional[Tuple[str, Optional[str]]]:
    """The unit of the last figure given in this sentence or the two before: what "the
    figure" refers back to.  A rival figure is of the same size as the one it disputes:
    "will eliminate 1,150 jobs, a tenth of its workforce of 13,000 ... the union puts the
    figure at 1,400" disputes the 1,150, so the last figure within a factor of three goes
    first."""
    near = [pu for pu in reversed(prev_units) if sidx - pu[0] <= 2 and pu[1] not in TIME_UNITS
            and pu[1] not in ("percent", "percentage points", "times")]
    for psi, pu, pnp, pv in near:
        if value and pv and max(value, pv) / min(value, pv) <= 3:
            return pu, pnp
    return (near[0][1], near[0][2]) if near else None


def _asked_about(text: str, layout: Layout, start: int, sidx: int) -> Optional[Tuple[str, str]]:
    """What "the number" answers when the text has just asked "how many X": X."""
    lo = layout.sentences[max(0, sidx - 2)][0] if layout.sentences else 0
    last = None
    for last in _HOW_MANY.finditer(text, lo, start):
        pass
    if last is not None and (last.group(2) in COUNT_NOUNS or _looks_plural(last.group(2))) and \
            last.group(2) not in SPEAKER_NOUNS and last.group(2) not in _NOT_PREDICATE_NOUNS:
        return normalize_unit(last.group(2)), last.group(1)
    return None


def _named_people(text: str, layout: Layout, sidx: int, ss: int, se: int) -> Optional[str]:
    """The first plural noun for people in the sentence, else in the one before or after
    ("the column of displaced farmers ... now numbers 4,000"), else the one the article
    uses most ("a column of mostly Syrians" in a story about refugees)."""
    spans = [(ss, se)]
    if layout.sentences:
        if sidx > 0:
            spans.append(layout.sentences[sidx - 1])
        if sidx + 1 < len(layout.sentences):
            spans.append(layout.sentences[sidx + 1])
    for lo, hi in spans:
        for t in _TOKEN.finditer(text, lo, hi):
            w = t.group()
            if w.islower() and w.endswith("s") and w != "people" and normalize_unit(w) in _PERSON_UNITS:
                return normalize_unit(w)
    counts = {}
    for t in _TOKEN.finditer(text):
        w = t.group()
        if w.islower() and w.endswith("s") and w != "people":
            u = normalize_unit(w)
            if u in _PERSON_UNITS:
                counts[u] = counts.get(u, 0) + 1
    if counts:
        best = max(counts.values())
        if best >= 2:
            return min(u for u, c in counts.items() if c == best)
    return None


def _counted_head(phrase: str) -> Optional[Tuple[str, str]]:
    """The counted thing of "the crowd", "the number of protesters", "the force": a
    collective, a count noun, or the noun after "number of" / "size of"."""
    words = phrase.lower().split()
    if len(words) > 1 and words[0] in ("number", "numbers", "count", "total", "tally") and \
            words[1] in ("in", "on", "at", "aboard", "inside", "still"):
        return "people", phrase   # "the number in intensive care", "the total still missing"
    if "of" in words:
        tail = words[words.index("of") + 1:]
        tail = [w for w in tail if w not in ("the", "a", "an", "its", "their", "this", "that")]
        if tail:
            words = tail
    head = words[-1]
    if head in COLLECTIVES:
        return COLLECTIVES[head], phrase.split()[-1]
    if head in COUNT_NOUNS and head not in SPEAKER_NOUNS and normalize_unit(head) not in TIME_UNITS:
        return normalize_unit(head), phrase
    return None


def _crowd_members(text: str, layout: Layout, start: int, sidx: int, prev_units,
                   value: Optional[float] = None) -> Optional[str]:
    """Who a crowd is made of: the people-unit of a recent figure (the same sentence or the
    three before) if it counts members of a gathering, or plain people of the crowd's size
    ("tens of thousands of people marched ... police put the crowd at 42,000"), else the
    gathering named nearby."""
    for psi, pu, pnp, pv in reversed(prev_units):
        if sidx - psi > 3:
            break
        if pu in _CROWD_MEMBERS:
            return pu
        if pu == "people" and value and pv and max(value, pv) / min(value, pv) <= 10:
            return pu   # the crowd is the people just counted, not a guess at what they were
    lo = layout.sentences[max(0, sidx - 3)][0] if layout.sentences else 0
    last = None
    for last in _GATHERING.finditer(text, lo, start):
        pass
    if last is None:
        return None
    return "protesters" if last.group("p") else "demonstrators" if last.group("d") else "marchers"


def _strong_group(text, tl, layout, r, sidx, ss, se, prev_units) -> Tuple[Optional[str], Optional[str]]:
    """Unit of "N-strong <group>": the group's own word if it is a collective ("crowd",
    "contingent"), else the people the sentence or the figures before it talk about."""
    gm = _GROUP_WORDS.match(text, r.end, se)
    if gm and gm.group(2).lower() in COLLECTIVES:
        u = COLLECTIVES[gm.group(2).lower()]
        if u == "people" and gm.group(2).lower() in _CROWD_WORDS:
            u = _crowd_members(text, layout, r.start, sidx, prev_units,
                               r.high if r.high is not None else r.low) or u
        return u, gm.group(2)
    if gm and gm.group(2).islower() and normalize_unit(gm.group(2)) in _PERSONISH:
        return normalize_unit(gm.group(2)), gm.group(2)   # "the ship's 24-strong crew"
    for psi, pu, pnp, _ in reversed(prev_units):
        if psi == sidx and pu in _PERSON_UNITS:
            return pu, pnp
    for lo, hi, rev in ((r.end, se, False), (ss, r.start, True)):
        toks = list(_TOKEN.finditer(text, lo, hi))
        for t in (reversed(toks) if rev else toks):
            w = t.group()
            if w.islower() and w in COUNT_NOUNS and w not in SPEAKER_NOUNS:
                u = normalize_unit(w)
                if u in _PERSON_UNITS:
                    return u, w
    for psi, pu, pnp, _ in reversed(prev_units):
        if sidx - psi > 3:
            break
        if pu in _PERSON_UNITS:
            return pu, pnp
    return "people", None


# -------- the claims a figure may borrow from, a line in another language, an organisation's members

def _comparable(prev_units, sidx: int, r) -> list:
    """The claims before r, less those of its sentence whose values are of another order
    of magnitude when one of its sentence is not: "About 450 have been moved to five other
    prisons, fewer than the 'up to 500' planned" compares 500 with 450, not five."""
    v = r.low if r.low is not None else r.high
    if not v or v <= 0:
        return prev_units
    same = [i for i, pu in enumerate(prev_units) if pu[0] == sidx]
    if len(same) < 2:
        return prev_units
    far = {i for i in same if not prev_units[i][3] or prev_units[i][3] <= 0 or
           max(v, prev_units[i][3]) / min(v, prev_units[i][3]) > 20}
    if not far or len(far) == len(same):
        return prev_units
    return [pu for i, pu in enumerate(prev_units) if i not in far]


# function words of other languages news copy quotes (Italian, German, French, Spanish, Portuguese);
# none is an English word
_FOREIGN_WORDS = set("""
di della delle dei degli gli al alla alle dalle dal nel nella sono che non anche
der das und mit nicht bitte mindestens ist sind auf für von zum zur dem eine einer
les des du et est pour avec dans sur aux sont
el los las del por para una según sin y en la le il lo
da dos das em com não""".split())


def _foreign(text: str, lo: int, hi: int) -> bool:
    """Is text[lo:hi] (a line) in another language: more of its lower-case words are other
    languages' function words than English ones, and at least two."""
    foreign = english = 0
    for t in _TOKEN.finditer(text, lo, hi):
        w = t.group().lower()
        if w in _FOREIGN_WORDS:
            foreign += 1
        elif w in _STOP:
            english += 1
    return foreign >= 2 and foreign > english


_OF_ITS_MEMBERS = re.compile(r"['’\"”]?\s+of\s+(?:its|our|their|the\s+[\w-]+['’]s?)\s+(?:members|men)\b", re.I)
_ORG = r"(?:union|association|federation|guild|organi[sz]ation|society|league)"
_REPRESENTS = re.compile(_ORG + r"\b,?\s+(?:(?:which|that|who)\s+)?(?:represents|represented|representing)\s+"
                         r"((?:[\w'’-]+\s+){0,4}?[a-z][\w'’-]*)(?=\s*[,.;:]|\s+(?:[a-z]+ed|said|says|and|in|at|on|"
                         r"across|who|which|that|is|are|was|were|has|have|had)\b)", re.I)
_ORG_OF_POSS = re.compile(r"\b([A-Za-z]+(?:men|ers|ors|ists|ians|ees|nts|ses))(?:['’]s?|['’])\s+" + _ORG + r"\b", re.I)


def _represented(text: str, layout: Layout, sidx: int, start: int) -> Optional[str]:
    """Who the members of the organisation last named (in this sentence or the three
    before) are: "the union that represents corrections officers", "the fishermen's
    association", "the union representing its nurses"."""
    lo = layout.sentences[max(0, sidx - 3)][0] if layout.sentences else 0
    best = None
    for rx in (_REPRESENTS, _ORG_OF_POSS):
        for m in rx.finditer(text, lo, start):
            if best is None or m.start() > best[0]:
                best = (m.start(), m.group(1))
    if best is None:
        return None
    words = best[1].split()
    head = words[-1].lower()
    if not (head.endswith("s") or head.endswith("men")) or head.endswith("ss") or head in SPEAKER_NOUNS - {"officers", "police"}:
        return None
    return normalize_unit(head)
