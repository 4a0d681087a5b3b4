"""Find every figure in a news article: a pure function of text.

extract_claims(text) -> list[Claim], in order of span_start.

Plain compiled regular expressions, stdlib only.  Helpers:
numbers.py (number parsing, number words, vague quantities), units.py (counted
nouns, synonyms, canonical units), sentences.py (sentence splitting,
boilerplate), attribution.py (who the figure comes from).
"""
import bisect
import re
from dataclasses import dataclass, field
from typing import List, Optional, Tuple

from .numbers import (SCALE_ABBR, SCALE_WORDS, TENS_WORDS, UNICODE_FRACTIONS, UNITS_WORDS, VAGUE_RE, WORDSEQ,
                      parse_digits, parse_words, vague_value)
from .units import (COLLECTIVES, COMPOUND_NOUNS, CONTAINER_NOUNS, COUNT_NOUNS,
                    MEASURE_UNITS, SPEAKER_NOUNS, TIME_UNITS, canonical, normalize_unit,
                    pluralize)
from .sentences import Layout
from .attribution import find_attribution

# Qualifier vocabulary (the `qualifier` column): one word for the kind of interval.
QUALIFIERS = (
    "exact",          # "800"
    "approximately",  # "about 2,000", "roughly", "some", "around", "nearly"? (see below)
    "more_than",      # "more than 7,000", "over 5,200", "4,000-plus"
    "at_least",       # "at least 9", "800 or more"
    "less_than",      # "fewer than 10", "less than two weeks"
    "at_most",        # "up to 800", "as many as 800", "no more than"
    "range",          # "800 to 1,000", "between 3,500 and 7,000", "4,000-5,000"
    "vague",          # "thousands of", "hundreds", "dozens", "several thousand"
)


@dataclass
class Claim:
    span_start: int                 # offsets into the text given; text[span_start:span_end] == text
    span_end: int
    text: str                       # the number expression as written: "800 to 1,000", "more than 7,000"
    value_low: Optional[float]      # interval asserted, None = open end
    value_high: Optional[float]
    qualifier: str                  # one of QUALIFIERS
    unit: Optional[str]             # counted thing, plural lemma: "troops", "migrants", "miles", "percent", "usd"
    sentence: str                   # the sentence the figure came from (exact substring of text)
    sentence_start: int = 0         # offset of `sentence` in text
    attribution: Optional[str] = None   # "three administration officials", "the United Nations"
    retrospective: bool = False     # an earlier estimate quoted later ("the 800 to 1,000 initially forecast")
    boilerplate: bool = False       # inside captions / WATCH / READ MORE / newsletter prompts
    canonical_unit: Optional[str] = None   # e.g. "km" for miles and km, "usd"
    canonical_low: Optional[float] = None
    canonical_high: Optional[float] = None
    noun_phrase: Optional[str] = None      # the counted noun with its modifiers: "U.S. National Guard forces"
    context: List[str] = field(default_factory=list)  # lower-case content words near the figure, for grouping


# --------------------------------------------------------------------------
# Regular expressions

_CUR = r"(?P<cur>US\$|U\.S\.\s?\$|C\$|A\$|NZ\$|HK\$|S\$|R\$|\$|£|€|¥|₹|\bUSD\s?|\bEUR\s?|\bGBP\s?)"
_FRAC = "".join(UNICODE_FRACTIONS)
_DIG_PART = (rf"(?P<dig>(?<![\w.,])(?:\d{{1,3}}(?:,\d{{3}})+(?:\.\d+)?|\d+(?:\.\d+)?|\.\d+))"
             rf"(?:(?:\s|-)(?P<frac>[1-9]/(?:2|3|4|8|16))(?![\d/]))?(?P<ufrac>[{_FRAC}])?")
_SCALE_PART = (r"(?:[\s-]?(?P<scale>thousand|million|billion|trillion)\b|(?P<abbr>bn|mn|mln|bln|tn|trn|k|m|b)\b)?")
ATOM_RE = re.compile(
    rf"(?P<vague>\b(?:{VAGUE_RE})\b)"
    rf"|{_CUR}?(?:{_DIG_PART}"
    rf"|(?P<words>\b(?:(?:a|an|half\s+a|one)\s+(?:dozen|hundred|thousand|million|billion)|{WORDSEQ})\b))"
    rf"{_SCALE_PART}",
    re.IGNORECASE,
)
# ATOM_RE where a digit starts: no vague word, currency or number word can begin with a
# digit, so only its digit branch can match there; the same groups, the others never set.
ATOM_DIG_RE = re.compile(rf"(?P<vague>(?!))?(?P<cur>(?!))?(?:{_DIG_PART}|(?P<words>(?!))){_SCALE_PART}",
                         re.IGNORECASE)

_MONTH = r"(?:Jan(?:uary)?|Feb(?:ruary)?|Mar(?:ch)?|Apr(?:il)?|May|June?|July?|Aug(?:ust)?|Sep(?:t(?:ember)?)?|Oct(?:ober)?|Nov(?:ember)?|Dec(?:ember)?)"
_MONTH_BEFORE = re.compile(rf"\b{_MONTH}\.?,?\s*(?:\d{{1,2}}(?:st|nd|rd|th)?,?\s*)?$")
_MONTH_CAP = re.compile(r"[JFMASOND]")   # a month name starts with one of these (a cheap gate)
_MONTH_AFTER = re.compile(rf"(?:st|nd|rd|th)?\s*(?:of\s+)?{_MONTH}\b")
_WEEKDAY_BEFORE = re.compile(r"\b(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday),?\s+(?:the\s+)?$")

_EXCLUDED_RES = [
    re.compile(r"\b\d{4}-\d{1,2}-\d{1,2}(?:[T ]\d{1,2}:\d{2}(?::\d{2})?)?"),             # ISO date
    re.compile(r"\b\d{1,2}[/.]\d{1,2}[/.]\d{2,4}\b"),                                  # 10/25/2018
    re.compile(r"(?<![\d,.])\d{1,2}/\d{1,2}(?![\d/])"),                                 # 10/25 (fractions handled below)
    re.compile(r"(?:\+\d{1,3}[\s.-]?)?(?:\(\d{3}\)\s?|\b\d{3}[\s.-])\d{3}[\s.-]\d{4}\b"),  # phone
    re.compile(r"\b1-8\d\d-\w{3}-\w{4}\b"),
    re.compile(r"\b\d{1,2}(?::\d{2}){1,2}(?:\s*[ap]\.?m\.?)?"),                         # times
    re.compile(r"\b\d{1,2}\s*[ap]\.m\.|\b\d{1,2}\s*[ap]m\b", re.I),
    re.compile(r"(?:https?://|www\.)\S+|\S+@\S+\.\w+|@\w+"),                            # urls, emails, handles
]

_LABEL_BEFORE = re.compile(
    r"(?:\b(?:No|Nos|Number|Route|Highway|Hwy|Interstate|Flight|Category|Level|Stage|Phase|Article|"
    r"Section|Chapter|Title|Room|Suite|Gate|Terminal|Platform|Page|Episode|Season|Amendment|District|"
    r"Station|Channel|Exit|Grade|Proposition|Prop|Resolution|Volume|Vol|Issue|Track|Pier|Lot|Ward|"
    r"Precinct|Zone|Engine|Ladder|Squad|Medic|Camp|Building|Block|Unit|Tower|Floor|Act|Form|Rule|Code|"
    r"Model|Type|Mark|Mk|Apollo|War|Bowl|Windows|Version|version|Jr|Sr|Gen|Phase|Round|Game|Week|Day|"
    r"Year|Class|Region|Sector|Area|Site|Base|Fort|Lane|Road|Street|Avenue|Box|Suite|Apt|Ch|Sec|Art|"
    r"Figure|Fig|Table|Item|Part|Series|Vol|COVID|Covid|Pier|Bay|Hangar|Terminal|Line|Bus|Train|Air|Force|"
    r"Group|Team|Corps|Fleet|Wing|Brigade|Battalion|Regiment|Division|Army|Company|Troop|Squadron|"
    r"Platoon|Detachment|Task|Local|Chapter|Bill|HB|SB|H\.R|S|Rev|Psalm|John|Luke)\.?\s*#?|#|№)\s*$"
)
_STREET_AFTER = re.compile(
    r"\s+(?:[NSEW]\.?\s+)?(?:[A-Z][a-z]+\s+){1,3}(?:Street|St|Avenue|Ave|Road|Rd|Boulevard|Blvd|Drive|Dr|"
    r"Lane|Ln|Way|Place|Pl|Court|Ct|Parkway|Pkwy|Terrace|Circle|Highway|Hwy|Pike|Trail)\b\.?")
_TREAT_BEFORE = re.compile(r"(?=[tca])\b(?:treat(?:s|ed|ing)?|car(?:es|ed|ing)\s+for|admit(?:s|ted|ting))\s+"
                           r"(?:(?:about|around|roughly|some|nearly|almost|more\s+than|over|at\s+least|up\s+to|"
                           r"fewer\s+than|less\s+than|another|an\s+additional)\s+)?$", re.I)
_PARTITIVE_PRONOUN = re.compile(r"\s+of\s+(?:them|those|these|whom|which|us|you|the|its|their)\b", re.I)
_AGE_AFTER = re.compile(r"(?:-|\s)(?:years?|yrs?|months?|weeks?)(?:-|\s)old\b|-year-old|\s+years\s+of\s+age", re.I)
_AGE_BEFORE = re.compile(r"\b(?:aged?|ages)\s+(?:between\s+)?(?:\d{1,3}\s*(?:to|-|–|and)\s*)?$", re.I)
_APPOSITION_BEFORE = re.compile(r"[A-Z][\w'’.-]*,\s*$")
_APPOSITION_AFTER = re.compile(r"\s*(?:,|\)|;|\s+and\s+[A-Z]|\s+(?:of|from)\s+[A-Z])")
_PHOTO_FIRST = {"P", "p", "I", "i", "S", "V"}   # first letters of the words _PHOTO_AFTER knows
_PHOTO_AFTER = re.compile(r"\s*(?:PHOTOS|Photos|photos|IMAGES|Images|images|PICTURES|Pictures|SLIDES|Slides|VIDEOS|Videos)\b")
_OF_N = re.compile(r"\s*(?:of|/)\s*\d+\s*$")
_TIME_AFTER = re.compile(r"\s*(?:[ap]\.m\.|[ap]m\b|GMT|UTC|EST|EDT|CST|CDT|MST|MDT|PST|PDT|BST|CET|CEST|ET|PT|local\s+time|o'clock|o’clock|hours?\s+GMT)", re.I)
_GLUED_SUFFIX_OK = re.compile(r"(?:km|kg|mm|cm|ft|mi|mph|kph|km/h|lbs?|ha|m|k|bn|mn|g|l|t)\b|(?-i:°?[CF])\b", re.I)
_DEGREE_AFTER = re.compile(r"\s?(?:°\s?(?P<a>[CF])\b|degrees?\s+(?P<b>Celsius|Fahrenheit|C|F)\b)")
_STREET_BEFORE = re.compile(
    r"\b(?:Rue|Avenue|Boulevard|Chauss[ée]e|Place|Plaza|Via|Viale|Calle|Carrer|Rua|Stra(?:ß|ss)e|Street|Road|"
    r"Lane|Quai|Plein|Laan|Weg|Gasse|Straat|Allee|Platz)\b(?:\s+(?:[A-Z][\w'’-]*|de|la|du|des|del|der|van|von|"
    r"di|da|le|les|the|of))*\s+$")
_LABEL_LOWER = re.compile(
    r"\b(?:lines?|routes?|gates?|platforms?|terminals?|exits?|highways?|interstates?|rooms?|wards?|pages?|"
    r"chapters?|sections?|articles?|stages?|phases?|levels?|categor(?:y|ies)|trams?|buses|bus|flights?|"
    r"numbers?|no\.|nos\.|tracks?|channels?|seasons?|episodes?|units?|blocks?|lots?|zones?|districts?|"
    r"precincts?|squads?|engines?|ladders?|stations?|grades?|types?|models?|versions?|sizes?)"
    r"\s+(?:\d+\s*(?:,|and|or|&)\s*)*$", re.I)
_LABEL_WORDS = {"line", "lines", "route", "routes", "gate", "gates", "platform", "platforms", "terminal",
                "terminals", "exit", "exits", "highway", "highways", "interstate", "room", "rooms", "ward",
                "wards", "page", "pages", "chapter", "chapters", "section", "sections", "article", "articles",
                "stage", "stages", "phase", "phases", "level", "levels", "category", "categories", "tram",
                "trams", "bus", "buses", "flight", "flights", "number", "numbers", "no.", "nos.", "track",
                "tracks", "channel", "channels", "season", "seasons", "episode", "episodes", "unit", "units",
                "block", "blocks", "lot", "lots", "zone", "zones", "district", "districts", "precinct",
                "precincts", "squad", "squads", "engine", "engines", "ladder", "ladders", "station",
                "stations", "grade", "grades", "type", "types", "model", "models", "version", "versions",
                "size", "sizes"}
_CAP_BEFORE = re.compile(r"(?<=[A-Za-z0-9,;] )(?!(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec|The|A|An|In|On|At|Of|By|And|But|Some|About|Nearly|Over|Only|Just|All|To|Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)\b)[A-Z][A-Za-z]+\s$")
_KILL_BEFORE = re.compile(r"(?=[kcl])\b(?:kill(?:s|ed|ing)?|claim(?:s|ed|ing)?\s+the\s+lives\s+of|left|leaving)\s+$", re.I)
_NUMBER_OF = re.compile(r"(?=[nct])\b(?:number|numbers|count|tally|total)\s+of\s+((?:[a-z][\w-]*\s+){0,2}?([a-z][\w-]*s|people|personnel|police|staff|cattle|livestock))\b")
_FRACTION_EXPR = re.compile(
    r"\b(?:(?P<q>about|around|roughly|nearly|almost|more\s+than|less\s+than|some|over|under|only|just|at\s+least)\s+)?"
    r"(?P<n>a|an|one|two|three|four|nine)[\s-]+(?P<f>half|halves|thirds?|quarters?|fifths?|tenths?)"
    r"(?:\s+of\s+(?P<big>an?\s+(?:million|billion|thousand|trillion)|(?:its|their|the|all|those|these|his|her|our)\b|[a-z]+s\b))?", re.I)
_HALF_EXPR = re.compile(
    r"\b(?P<q>about|around|roughly|approximately|nearly|almost|close\s+to|more\s+than|less\s+than|fewer\s+than|"
    r"(?:just|well)\s+(?:over|under)|over|under|up\s+to|as\s+(?:much|many)\s+as|at\s+least|at\s+most|"
    r"no\s+more\s+than)\s+(?P<f>half)\b(?![\s-]+(?:a|an|as|past)\b|-)", re.I)
_RELATIVE_ALONE = re.compile(
    r"\b(?:(?P<q>more\s+than|over|nearly|almost|about|roughly|at\s+least|less\s+than|up\s+to)\s+)?"
    r"(?P<f>double|twice|triple|treble|quadruple|(?P<n>two|three|four|five|six|seven|eight|nine|ten|\d+)\s+times)"
    r"\s+(?:that|this|the\s+(?:number|figure|amount|total|estimate|size|count))\b", re.I)
_FRACTION_WORD_AFTER = re.compile(r"-(?:thirds?|quarters?|halves|half|fifths?|sixths?|tenths?|eighths?|fourths?)\b", re.I)

# (a leading look-ahead for the first letters of the alternatives lets the regex engine
# skip most start positions at once; it changes no match)
_PRE_QUAL = re.compile(
    r"(?=[arsncejmouigflb])\b(?P<q>about|around|approximately|approx\.|roughly|some|nearly|almost|close\s+to|circa|an\s+estimated|estimated|"
    r"just\s+(?:over|under|shy\s+of)|more\s+than|over|upwards\s+of|in\s+excess\s+of|above|greater\s+than|north\s+of|exceeding|"
    r"at\s+least|no\s+fewer\s+than|no\s+less\s+than|a\s+minimum\s+of|not\s+less\s+than|"
    r"fewer\s+than|less\s+than|under|below|short\s+of|"
    r"up\s+to|as\s+many\s+as|as\s+much\s+as|as\s+high\s+as|no\s+more\s+than|not\s+more\s+than|at\s+most|a\s+maximum\s+of|"
    r"between|from|an?\s+additional|another)\s+$",
    re.IGNORECASE,
)
_QMAP = {
    "about": "approximately", "around": "approximately", "approximately": "approximately",
    "approx.": "approximately", "roughly": "approximately", "some": "approximately",
    "nearly": "approximately", "almost": "approximately", "close to": "approximately",
    "circa": "approximately", "an estimated": "approximately", "estimated": "approximately",
    "just over": "more_than", "just under": "less_than", "just shy of": "less_than",
    "more than": "more_than", "over": "more_than", "upwards of": "more_than",
    "in excess of": "more_than", "above": "more_than", "greater than": "more_than",
    "north of": "more_than", "exceeding": "more_than",
    "at least": "at_least", "no fewer than": "at_least", "no less than": "at_least",
    "a minimum of": "at_least", "not less than": "at_least",
    "fewer than": "less_than", "less than": "less_than", "under": "less_than",
    "below": "less_than", "short of": "less_than",
    "up to": "at_most", "as many as": "at_most", "as much as": "at_most", "as high as": "at_most",
    "no more than": "at_most", "not more than": "at_most", "at most": "at_most",
    "a maximum of": "at_most",
}
_POST_QUAL = re.compile(r"(?:\s+or\s+(?P<more>more|greater|above|higher|over)\b|\s+or\s+(?P<less>fewer|less|under|lower)\b"
                        r"|\s+or\s+so\b|(?:-|\s)?(?P<plus>plus)\b(?!\s+\d)|(?P<plus2>\+)|-(?P<odd>odd)\b)", re.I)
_RANGE_CONN = re.compile(r"(?:\s*(?:-|–|—)\s*|\s+(?:to|and|or|through|thru)\s+)"
                         r"(?:(?P<q2>about|around|approximately|roughly|some|nearly|almost|more\s+than|over|at\s+least|"
                         r"up\s+to|as\s+many\s+as|fewer\s+than|less\s+than|perhaps|possibly|maybe)\s+)?", re.I)
_RELATIVE = re.compile(r"(?P<f>double|twice|triple|treble|three\s+times|four\s+times|quadruple|half)"
                       r"(?:\s+(?:that|this|the\s+(?:number|figure|amount|total|estimate|size|count)))\b", re.I)
_RELATIVE_F = {"double": 2, "twice": 2, "triple": 3, "treble": 3, "three times": 3,
               "four times": 4, "quadruple": 4, "half": 0.5}
_CHANGE_BEFORE = re.compile(
    r"\b(?:rose|risen|rises|rising|increased|increases|increasing|climbed|climbs|climbing|jumped|jumps|"
    r"grew|grown|grows|growing|surged|surges|soared|soars|swelled|swollen|spiked|ballooned|fell|fallen|falls|"
    r"falling|dropped|drops|dropping|declined|declines|declining|decreased|decreases|dipped|slipped|shrank|"
    r"shrunk|plunged|plummeted|tumbled|went|gone|raised|lowered|revised|boosted|cut|reduced|upped|changed|"
    r"expanded|doubled|tripled|increase|decrease|rise|drop|fall|jump|climb|growth|up|down|higher|lower|moved)"
    r"(?:\s+[a-z]+){0,3}\s+from\s+$", re.I)
_RETRO_BEFORE = re.compile(
    r"\b(?:initial(?:ly)?|original(?:ly)?|previous(?:ly)?|earlier|prior|instead\s+of|"
    r"up\s+from|down\s+from|compared\s+(?:with|to)|from\s+an?\s+(?:earlier|initial|previous)|"
    r"(?:last|the\s+previous)\s+(?:week|month|year)'?s?|had\s+been|was\s+(?:initially|originally|first))"
    r"(?:\s+(?!is\b|was\b|are\b|were\b|that\b|would\b|will\b)[\w’'-]+){0,2}?\s*$", re.I)
_RETRO_AFTER = re.compile(
    r"^(?:\s+[\w’'-]+){0,3}?\s+(?:initially|originally|previously|earlier|first)\s+(?:forecast|estimated|"
    r"reported|announced|planned|expected|projected|predicted|said|stated|thought|believed|counted|given)\b", re.I)

_MODEL_TOKEN = re.compile(r"[ \t]*(?:\d{1,3}[A-Za-z]?|[A-Za-z]+-?\d+[A-Za-z]*)(?=[\s,])")
_WORD = re.compile(r"[ \t]*([A-Za-z][A-Za-z'’]*(?:\.(?=[A-Za-z]\.)[A-Za-z]\.?|\.(?=\s+[a-z]))*(?:-[A-Za-z0-9]+)*)(?![\w])")
_HYPH_WORD = re.compile(r"-([A-Za-z]+)(?:-([A-Za-z]+))?")
_PERCENT_AFTER = re.compile(r"\s?(?P<p>%|percent\b|per\s+cent\b|pct\b|percentage\s+points?\b|points?\s+percentage\b)", re.I)

_STOP = set("""
to from in on at by with for of into onto across along near and or but nor that which who whom whose
were was are is be been being will would could can may might must should shall have has had do does did
as than then so if when while after before since until per each a an the this these those their its his
her our my your they he she it we i you them him us there here not no also already still now just only
ever even yet again about around over under more most less least such what where why how all both
either neither whether because though although unless once like among amid between within without
during against toward towards upon via including plus minus i.e e.g etc said says say told according
last next ago later earlier
""".split())
_NONHEAD = {"more", "additional", "other", "new", "extra", "further", "fewer", "less", "total",
            "estimated", "initial", "so", "or", "some", "many", "much", "own", "odd", "strong",
            "percent", "times", "time", "way", "ways", "part", "parts", "per"}
_PEOPLE_PARTICIPLES = {"killed": "people", "dead": "people", "died": "people", "injured": "people",
                       "wounded": "people", "hurt": "people", "missing": "people", "arrested": "people",
                       "evacuated": "people", "displaced": "people", "detained": "people",
                       "rescued": "people", "hospitalized": "people", "hospitalised": "people",
                       "unaccounted": "people", "infected": "people", "affected": "people",
                       "treated": "people", "admitted": "people", "discharged": "people", "stranded": "people",
                       "trapped": "people", "sickened": "people", "vaccinated": "people", "quarantined": "people"}
_CONTEXT_STOP = _STOP | {"said", "says", "told", "would", "could", "also", "mr", "ms", "mrs", "one",
                         "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten",
                         "thousand", "thousands", "hundred", "hundreds", "million", "millions"}
# words that tell apart quantities ("already at the border" vs "more to be sent") stay in context
_CONTEXT_STOP -= {"already", "still", "now", "more", "less", "fewer", "additional", "other", "new",
                  "initially", "originally", "previously", "total", "up", "down", "only"}
_TOKEN = re.compile(r"[A-Za-z][A-Za-z'’-]*")


# --------------------------------------------------------------------------

class _Atom:
    __slots__ = ("start", "end", "low", "high", "vague", "words", "cur", "pct", "scaled",
                 "unit_hint", "is_int", "raw")

    def __init__(self):
        self.unit_hint = None
        self.pct = None
        self.cur = None
        self.scaled = False
        self.vague = False
        self.words = False


def _excluded_intervals(text: str) -> Tuple[List[int], List[int]]:
    iv = []
    for rx in _EXCLUDED_RES:
        for m in rx.finditer(text):
            iv.append((m.start(), m.end()))
    iv.sort()
    merged = []
    for s, e in iv:
        if merged and s <= merged[-1][1]:
            if e > merged[-1][1]:
                merged[-1][1] = e
        else:
            merged.append([s, e])
    return [s for s, _ in merged], [e for _, e in merged]


# _EXCLUDED_RES but the last (urls, checked otherwise), each with strings one of which
# any match of it contains (None: no cheap test)
_EXCL_GATED = list(zip(_EXCLUDED_RES[:-1], [("-",), ("/", "."), ("/",), None, ("1-8",), (":",), ("m", "M")]))
_EXCL_HINT = re.compile(r"\d[-/:.]\d|\d\s*[apAP]\.?[mM]|\(\d|\d\)|\+\d|\d[\s.-]\d\d\d[\s.-]\d")
# other phone formats: three or four groups of 2-4 digits ("0800 555 0199", "020 7946 0321", "957 555 012")
_PHONE_RUN = re.compile(r"(?<![\w,.$£€¥-])(?=[\d .-]{10})\d{2,4}(?:[ .-]\d{2,4}){2,3}(?![\w,]|[.-]\d)")


def _in_phone_run(text: str, ds: int, de: int) -> bool:
    """The digits text[ds:de] (2-4 of them) are one group of a phone number written in groups."""
    if not ((text[de:de + 1] in (" ", ".", "-") and text[de + 1:de + 2].isdigit()) or
            (ds >= 2 and text[ds - 1] in (" ", ".", "-") and text[ds - 2].isdigit())):
        return False
    for pm in _PHONE_RUN.finditer(text, max(0, ds - 15), min(len(text), de + 16)):
        if pm.start() <= ds < pm.end():
            return True
    return False


_QUAL_LAST_WORDS = {"about", "around", "approximately", "approx.", "roughly", "some", "nearly", "almost",
                    "to", "circa", "estimated", "over", "under", "than", "of", "above", "exceeding",
                    "least", "as", "most", "below", "between", "from", "additional", "another"}
_RETRO_KEYS = ("initial", "origin", "previous", "earlier", "prior", "instead", "from", "compared",
               "last", "had been", "was ")
_RETRO_AFTER_KEYS = ("initially", "originally", "previously", "earlier", "first")


def _prev_word(text: str, pos: int) -> str:
    """The lower-cased word right before pos (skipping spaces)."""
    e = pos
    while e > 0 and text[e - 1] in " \t":
        e -= 1
    s_ = e
    while s_ > 0 and pos - s_ < 20 and not text[s_ - 1].isspace():
        s_ -= 1
    return text[s_:e].lower()


def _list_marker_at(text: str, pos: int) -> bool:
    """pos starts a line (only spaces or tabs before it on its line) that does not
    continue a sentence from the line before (hard-wrapped text: "... rose to\n12. Officials")."""
    p = pos
    while p > 0 and text[p - 1] in " \t":
        p -= 1
    if p == 0:
        return True
    if text[p - 1] != "\n":
        return False
    q = p - 1
    while q > 0 and text[q - 1] in " \t\r":
        q -= 1
    if q == 0 or not (text[q - 1].islower() or text[q - 1] in ",;"):
        return True
    ls = text.rfind("\n", 0, q) + 1      # the line before is itself a list item: "1. eggs\n2. milk"
    return _LIST_ITEM.match(text, ls, q) is not None


_LIST_ITEM = re.compile(r"[ \t]*\d{1,2}[.)][ \t]")


def _excluded_at(text: str, pos: int) -> bool:
    """Is the digit at `pos` part of a date, time, phone number, URL, email or handle?"""
    n = len(text)
    lo, hi = max(0, pos - 24), min(n, pos + 24)
    if _EXCL_HINT.search(text, max(0, pos - 12), min(n, pos + 16)):
        w = text[lo:hi]
        # each pattern only where a character it needs is in the window
        rxs = [rx for rx, need in _EXCL_GATED if need is None or any(map(w.__contains__, need))]
    else:
        rxs = ()
    for rx in rxs:
        for m in rx.finditer(text, lo, hi):
            if m.start() <= pos < m.end():
                return True
            if m.start() > pos:
                break
    # URL / email / handle: the whitespace-delimited token holding pos
    ts = pos
    while ts > 0 and not text[ts - 1].isspace() and pos - ts < 300:
        ts -= 1
    tok = text[ts:pos + 1]
    return "://" in tok or "www." in tok or "@" in tok


def _in_excluded(starts, ends, pos) -> bool:
    i = bisect.bisect_right(starts, pos) - 1
    return i >= 0 and pos < ends[i]


_CURMAP = {"$": "usd", "us$": "usd", "u.s.$": "usd", "u.s. $": "usd", "usd": "usd",
           "c$": "cad", "a$": "aud", "nz$": "nzd", "hk$": "hkd", "s$": "sgd", "r$": "brl",
           "£": "gbp", "gbp": "gbp", "€": "eur", "eur": "eur", "¥": "jpy", "₹": "inr"}


def _parse_atom(text: str, m: "re.Match", excl) -> Optional[_Atom]:
    """Turn an ATOM_RE match into a value, or None when it is not a quantity."""
    a = _Atom()
    a.start, a.end = m.span()
    a.raw, vague, cur, dig, scale, abbr = m.group(0, "vague", "cur", "dig", "scale", "abbr")
    n = len(text)
    if vague:
        v = vague_value(vague)
        if v is None:
            return None
        a.low, a.high = v
        a.vague = True
        a.is_int = True
        return a
    if cur:
        a.cur = _CURMAP.get(cur.strip().lower().replace(" ", ""), "usd")
    if dig is not None:
        ds = m.start("dig")
        # fast path for the commonest non-claims: "October 25, 2018", "Oct. 22"
        if not cur and not scale and not abbr and len(dig) <= 4 and dig.isdigit() and \
                _MONTH_CAP.search(text, max(0, ds - 22), ds) and _MONTH_BEFORE.search(text, max(0, ds - 22), ds):
            return None
        if _excluded_at(text, ds):
            return None
        if not cur and 2 <= len(dig) <= 4 and _in_phone_run(text, ds, m.end("dig")):
            return None
        prev = text[ds - 1] if ds > 0 else ""
        if prev and (prev.isalpha() or prev in "#№_"):
            return None
        if prev in "-/‐" and ds >= 2 and text[ds - 2].isalnum():
            if text[ds - 2].isalpha() or prev == "/" or re.search(r"(?<![\d,.])(?:1[89]|20)\d\d$", text[max(0, ds - 7):ds - 1]):
                return None   # codes: COVID-19, F-35, 24/7, seasons 2018-19
        val = parse_digits(dig)
        a.is_int = "." not in dig
        if m.group("frac"):
            p, q = m.group("frac").split("/")
            val += int(p) / int(q)
            a.is_int = False
        if m.group("ufrac"):
            val += UNICODE_FRACTIONS[m.group("ufrac")]
            a.is_int = False
        # what follows the digits
        end = m.end()
        if abbr:
            al = abbr.lower()
            if al in ("m", "b") and not a.cur:
                if al == "m" and _count_noun_follows(text, m.end(), max_words=2, lower_only=True):
                    pass
                elif al == "m":
                    a.unit_hint = "metres"
                    abbr = None
                else:
                    return None
            if abbr:
                val *= SCALE_ABBR[al]
                a.scaled = True
        if abbr and not a.cur and abbr.lower() == "m" and a.unit_hint == "metres":
            a.unit_hint = None
        if scale:
            val *= SCALE_WORDS[scale.lower()]
            a.scaled = True
        nxt = text[end:end + 1]
        if nxt and (nxt.isalpha() or nxt == "_"):
            g = _GLUED_SUFFIX_OK.match(text, end)
            if not g:
                return None          # ordinals (21st), decades (1990s), 10am, codes
            gs = g.group().lstrip("°")
            a.unit_hint = a.unit_hint or ({"C": "celsius", "F": "fahrenheit"}.get(gs) or normalize_unit(gs))
            end = g.end()
        if nxt == ":" and text[end + 1:end + 2].isdigit():
            return None
        if (nxt == "." or nxt == ")") and len(dig) <= 2 and not cur and text[end + 1:end + 2] in (" ", "\t", "\n") \
                and _list_marker_at(text, ds):
            return None              # numbered list item: "1. 47 seats", "2) Turnout"
        if ds > 0 and text[ds - 1] == ":" and ds >= 2 and text[ds - 2].isdigit():
            return None
        if nxt in "/" and text[end + 1:end + 2].isdigit() and not m.group("frac"):
            return None
        dm = _DEGREE_AFTER.match(text, end)
        if dm:
            a.unit_hint = "celsius" if (dm.group("a") or dm.group("b") or "C")[0] in "Cc" else "fahrenheit"
            end = dm.end()
        a.low = a.high = val
        a.end = end
        before = text[max(0, a.start - 40):a.start]
        after = text[end:end + 60]
        bs = before.rstrip()
        prev_word = bs.rsplit(None, 1)[-1] if bs else ""
        prev_cap = prev_word[:1].isupper() or prev_word[:1] in "#№"
        # dates, times
        if a.is_int and (val <= 31 or (1000 <= val <= 2100 and "," not in dig)) and \
                _MONTH_CAP.search(before, max(0, len(before) - 22)) and \
                _MONTH_BEFORE.search(before, max(0, len(before) - 22)):
            return None
        if a.is_int and val <= 31 and not a.cur and _MONTH_AFTER.match(after):
            return None
        if a.is_int and val <= 31 and "day" in before and _WEEKDAY_BEFORE.search(before) and not a.cur \
                and not _PARTITIVE_PRONOUN.match(after) and not _count_noun_follows(text, end):
            return None   # "Monday, 11" is a date; "on Monday, 11 of them ..." and "Monday 11 people" are not
        if val <= 24 and not a.cur and _TIME_AFTER.match(after):
            return None
        # years
        if (a.is_int and "," not in dig and not a.cur and not a.scaled and 1000 <= val <= 2100
                and len(dig) == 4 and not _count_noun_follows(text, end, max_words=2, lower_only=True)):
            return None
        # labels, streets, ages, photo counts
        if not a.cur and ((prev_cap and _LABEL_BEFORE.search(before)) or
                          ((prev_word.lower() in _LABEL_WORDS or prev_word in ("and", "or", "&") or bs.endswith(","))
                           and _LABEL_LOWER.search(before))):
            return None
        if prev_cap and a.is_int and val < 1000 and "," not in dig and not a.cur and _STREET_BEFORE.search(before):
            return None
        if a.is_int and val < 1000 and "," not in dig and not a.cur and not a.scaled and \
                prev_word.lower() in _SEQ_LABELS and _seq_label(text, a.start, end):
            return None   # "day 2 of the festival"
        if prev_cap and a.is_int and val < 1000 and "," not in dig and not a.cur and not a.scaled \
                and _CAP_BEFORE.search(before):
            return None   # designations: "Challenger 2", "Tram 81", "News 7"
        if a.is_int and after[:1].isspace() and "A" <= after.lstrip()[:1] <= "Z" and _STREET_AFTER.match(after):
            return None
        al = after.lower()
        if (("old" in al or "age" in al) and _AGE_AFTER.match(after)) or \
                (val < 130 and "age" in before and _AGE_BEFORE.search(before)):
            return None
        if (a.is_int and val < 130 and not a.cur and bs.endswith(",") and _APPOSITION_BEFORE.search(before)
                and _APPOSITION_AFTER.match(after)):
            return None
        if after.lstrip()[:1] in _PHOTO_FIRST and _PHOTO_AFTER.match(after):
            ls = text.rfind("\n", 0, a.start) + 1
            le = text.find("\n", end)
            le = n if le < 0 else le
            if le - ls < 40:
                return None
        a12 = after[:12]
        if ("of" in a12 or "/" in a12) and _OF_N.match(a12) and text[max(0, a.start - 12):a.start].strip().lower() in ("", "photo", "image", "slide", "picture", "page"):
            ls = text.rfind("\n", 0, a.start) + 1
            le = text.find("\n", end)
            le = n if le < 0 else le
            if le - ls < 30:
                return None
        return a
    # number words
    w = m.group("words")
    if w is None:
        return None
    wl = w.lower()
    first = wl.split()[0].split("-")[0]
    if first in ("hundred", "thousand", "million", "billion", "trillion", "dozen"):
        return None          # "Thousand Oaks", bare "dozen"
    val = parse_words(w)
    if val is None:
        # e.g. "one two": keep the first word only
        fw = re.match(r"[A-Za-z]+(?:-[A-Za-z]+)?", w).group()
        val = parse_words(fw)
        if val is None:
            return None
        a.end = m.start("words") + len(fw)
        scale = None
        abbr = None
    a.is_int = True
    a.words = True
    if scale:
        val *= SCALE_WORDS[scale.lower()]
        a.scaled = True
    if abbr:
        al = abbr.lower()
        if a.cur and al in SCALE_ABBR:
            val *= SCALE_ABBR[al]
        else:
            a.end = m.start("abbr")
            while a.end > a.start and text[a.end - 1] in " -":
                a.end -= 1
    after = text[a.end:a.end + 40]
    if _FRACTION_WORD_AFTER.match(after):
        return None
    if not a.scaled and _SEQ_BEFORE.search(text, max(0, a.start - 10), a.start) and _seq_label(text, a.start, a.end):
        return None       # "day two", "in round three": a designation, like an ordinal
    if _AGE_AFTER.match(after):
        return None
    if wl in ("one", "a", "an") or wl.startswith("one "):
        if wl == "one" or wl.startswith("one "):
            # "one" is a pronoun unless a count noun follows
            if wl == "one" and not _count_noun_follows(text, a.end, singular_ok=True, max_words=2) \
                    and not _RATIO_AFTER.match(text, a.end):
                return None
    if wl == "zero" and not _count_noun_follows(text, a.end):
        return None
    a.low = a.high = val
    return a


# nouns a number can label rather than count: "day two", "round 3", "stage four"
_SEQ_LABELS = {"day", "week", "round", "stage", "phase", "leg", "game", "match", "act", "part", "lap",
               "chapter", "episode", "season", "series", "volume", "level", "grade", "category", "year"}
_SEQ_BEFORE = re.compile(r"(?<![\w'’-])(?:" + "|".join(sorted(_SEQ_LABELS)) + r")[ \t]+$", re.I)
_SEQ_DET_BEFORE = re.compile(r"(?:\b(?:a|an|the|each|every|per|one|that|this|same|whole|entire|first|last|next|"
                             r"previous|following|single|final|opening|closing|second|third|fourth|fifth|sixth|seventh|"
                             r"eighth|ninth|tenth)|\d(?:st|nd|rd|th)?)\s+\S+\s+$", re.I)


def _seq_label(text: str, start: int, end: int) -> bool:
    """The word before `start` (one of _SEQ_LABELS) labels the number: it is not itself
    quantified ("each day 300 ...", "the first year 12 ...") and no counted noun follows."""
    if _SEQ_DET_BEFORE.search(text, max(0, start - 30), start):
        return False
    return not _count_noun_follows(text, end)


def _count_noun_follows(text: str, pos: int, singular_ok: bool = False, max_words: int = 3,
                        lower_only: bool = False) -> bool:
    p = pos
    for _ in range(max_words):
        wm = _WORD.match(text, p)
        if not wm:
            # percent sign
            return text[p:p + 1] == "%" or text[p:p + 2] == " %"
        w = wm.group(1)
        if lower_only and not w.islower():
            return False
        w = w.lower()
        if w in COUNT_NOUNS or w in _PEOPLE_PARTICIPLES or w in ("percent",):
            return True
        if w in _STOP:
            return False
        p = wm.end()
    return False


_PEOPLE_UNITS = {"troops", "people", "police", "officers", "firefighters", "workers", "migrants",
                 "protesters", "refugees", "volunteers", "residents"}
_OF_RE = re.compile(r"\s+of\s+(?:the\s+|these\s+|those\s+|them\b)?")
_PARTITIVE = re.compile(r"\s+of\s+(?:the|these|those|its|their|his|her|our|your|my|all)\s+")
_META_NOUNS = {"figure", "figures", "number", "numbers", "estimate", "estimates", "total", "totals",
               "count", "counts", "tally", "mark", "level", "threshold", "toll", "rate", "increase",
               "decrease", "rise", "drop", "jump", "fall", "gain", "loss", "reported", "cited",
               "announced", "estimated", "initially", "previously", "originally"}
_PAST_IRREGULAR = set("""took flew rose fell went came made gave ran saw left got held kept sent told
found stood began brought thought bought fought spent built paid met lost won led sat set put cut hit
say says said make makes take takes go goes come comes give gives remain remains stay stays arrive
arrives die dies live lives work works need needs want wants face faces join joins attend attends
cast shut struck spread fled sought caught taught drawn chosen taken given seen known shown sold
hid hidden broke broken wrote written
overnight today yesterday tonight tomorrow earlier later ago apiece each alone altogether""".split())


_CONTRACTED = {"it", "that", "there", "here", "he", "she", "what", "who", "where", "let", "how", "when", "this"}
_NUM_AFTER_POSS = re.compile(r"[ \t]+\d[\d,.]*(?=[ \t]+[A-Za-z])")


def _noun_after(text: str, pos: int, limit: int, allow_of: bool, vague: bool = False):
    """Find the counted noun after a figure. Returns (unit, noun_phrase, end) or None."""
    p = pos
    strong = False
    words: List[Tuple[str, int, int]] = []
    # hyphenated adjective: "10-mile", "5,200-strong", "7.1-magnitude"
    hm = _HYPH_WORD.match(text, p)
    if hm and p < limit:
        w1 = hm.group(1).lower()
        if w1 == "strong":
            p = hm.end()
            strong = True
        elif w1 in ("plus", "odd"):
            p = hm.end()
        else:
            u = normalize_unit(w1)
            return u, w1 if not hm.group(2) else hm.group(0)[1:], hm.end()
    had_of = False
    pm_ = _PARTITIVE.match(text, p)
    if pm_:
        p = pm_.end()
        had_of = True
    elif allow_of:
        om = _OF_RE.match(text, p)
        if om:
            p = om.end()
            had_of = True
    while len(words) < 7 and p < limit:
        wm = _WORD.match(text, p)
        if not wm or wm.end() > limit:
            # model names with digits: "Challenger 2 tanks", "AH-64E"
            dm_ = _MODEL_TOKEN.match(text, p)
            if dm_ and words and words[-1][0][:1].isupper() and dm_.end() <= limit:
                p = dm_.end()
                continue
            break
        w = wm.group(1)
        wl = w.lower()
        if wl.endswith(("'s", "’s")) and wl[:-2] not in _CONTRACTED:
            # a possessive determines the noun that follows: "45 of the legislature's 87 seats"
            if not words:
                p = wm.end()
                nm_ = _NUM_AFTER_POSS.match(text, p)
                if nm_ and nm_.end() <= limit:
                    p = nm_.end()
                continue
            break
        if not words and wl in _META_NOUNS:
            return None
        if wl in _STOP and not (words == [] and wl in ("more", "other")):
            if not (wl == "of" and words and words[-1][0].lower() in CONTAINER_NOUNS):
                break
        if (wl.endswith("ly") and wl not in ("family", "ally", "italy", "july")) :
            break
        words.append((w, wm.start(1), wm.end(1)))
        p = wm.end()
    if not words:
        return None
    lw = [w[0].lower() for w in words]
    # participles: "9 killed", "12 injured"
    if lw[0] in _PEOPLE_PARTICIPLES:
        return _PEOPLE_PARTICIPLES[lw[0]], words[0][0], words[0][2]
    head = None
    i = 0
    while i < len(lw):
        if lw[i] == "of":
            i += 1
            continue
        if i + 1 < len(lw) and lw[i] + " " + lw[i + 1] in COMPOUND_NOUNS:
            head = (i, i + 1)
            break
        if i + 2 < len(lw) and " ".join(lw[i:i + 3]) in COMPOUND_NOUNS:
            head = (i, i + 2)
            break
        if lw[i] in COUNT_NOUNS:
            j = i
            while j + 1 < len(lw) and lw[j + 1] in COUNT_NOUNS and lw[j + 1] not in _PEOPLE_PARTICIPLES \
                    and lw[j + 1] not in _PAST_IRREGULAR:
                j += 1   # (not "two children dead", "one person remains missing")
            # noun compounds: "fire engines", "school buses"
            if j + 1 < len(lw) and words[j + 1][0].islower() and lw[j + 1].endswith("s") and \
                    not lw[j + 1].endswith(("ss", "ed", "ing", "ly")) and lw[j + 1] not in _PAST_IRREGULAR \
                    and lw[j + 1] not in _META_NOUNS and lw[j] not in MEASURE_UNITS and \
                    normalize_unit(lw[j]) not in MEASURE_UNITS:
                j += 1
            head = (i, j)
            break
        i += 1
    if strong and (head is None or normalize_unit(lw[head[1]]) not in _PEOPLE_UNITS):
        return None   # "a 250-strong advance party": the count is of people, find them by anaphora
    if head is not None:
        hs, he = head
        # container: "sets of remains"
        if lw[he] in CONTAINER_NOUNS and he + 2 < len(lw) + 1 and he + 1 < len(lw) and lw[he + 1] == "of" and he + 2 < len(lw):
            he2 = he + 2
            while he2 + 1 < len(lw) and lw[he2 + 1] in COUNT_NOUNS:
                he2 += 1
            unit = normalize_unit(lw[he2])
            return unit, text[words[0][1]:words[he2][2]], words[he2][2]
        unit_phrase = " ".join(lw[hs:he + 1])
        unit = normalize_unit(unit_phrase)
        if " " in unit and unit not in MEASURE_UNITS and unit.split()[-1] in COUNT_NOUNS | {"troops", "people"}:
            # "police officers" stays; "school buses" -> "buses"
            if unit_phrase not in COMPOUND_NOUNS:
                unit = normalize_unit(lw[he])
        return unit, text[words[0][1]:words[he][2]], words[he][2]
    # no known noun: take the run of noun-like words; head is the last one
    if vague and not had_of:
        return None
    k = 0
    while k < len(lw):
        wk = lw[k]
        if k > 0 and (wk.endswith(("ed", "ing")) or wk in _PAST_IRREGULAR or
                      (words[k][0][:1].isupper() and not words[k - 1][0][:1].isupper())):
            break
        if k == 0 and wk in _PAST_IRREGULAR:
            return None
        k += 1
    if k and lw[k - 1] in _META_NOUNS:
        return None
    while k > 0 and (lw[k - 1] in _NONHEAD or lw[k - 1] == "of"):
        k -= 1
    if k == 0:
        return None
    last = lw[k - 1]
    if last.endswith(("ed", "ing")) and k == 1:
        return None
    if words[k - 1][0][:1].isupper() and k == len(lw) and len(lw) == 1:
        # single capitalised word: demonym ("5,000 Hondurans") or start of a name
        if not words[0][0].endswith("s"):
            return None
    return normalize_unit(last), text[words[0][1]:words[k - 1][2]], words[k - 1][2]


def _noun_before(text: str, start: int, sent_start: int) -> Optional[Tuple[str, str]]:
    """Nearest counted noun before `start` in the sentence (for anaphora)."""
    seg = text[sent_start:start]
    toks = list(_TOKEN.finditer(seg))
    for k in range(len(toks) - 1, max(-1, len(toks) - 26), -1):
        t = toks[k]
        w = t.group()
        if not w.islower():
            if not (t.start() == toks[0].start() and w[1:].islower()):
                continue
            w = w.lower()
        if w in SPEAKER_NOUNS:
            continue
        if w == "points" and k > 0 and toks[k - 1].group().islower() and \
                toks[k - 1].group() not in ("percentage", "basis", "the", "of", "by"):
            return "points", t.group()   # "the free water points", not "percentage points"
        if w in COLLECTIVES:
            return COLLECTIVES[w], t.group()
        if w in COUNT_NOUNS and w not in TIME_UNITS and pluralize(w) not in TIME_UNITS \
                and w not in ("point", "points", "percent", "state", "states", "country", "countries",
                              "city", "cities", "force", "member", "members", "unit", "units", "flight",
                              "flights", "case", "test", "degree", "second"):
            return normalize_unit(w), t.group()
    return None


def _noun_forward(text: str, end: int, sent_end: int) -> Optional[Tuple[str, str]]:
    seg = text[end:sent_end]
    for t in list(_TOKEN.finditer(seg))[:14]:
        w = t.group()
        if not w.islower():
            continue
        if w in COUNT_NOUNS and w not in TIME_UNITS and pluralize(w) not in TIME_UNITS and w not in SPEAKER_NOUNS and \
                w not in ("point", "points", "state", "states", "country", "countries", "force", "unit",
                          "units", "member", "members", "case", "test", "second", "flight"):
            if w in ("percent",):
                return None
            return normalize_unit(w), t.group()
    return None


class _Raw:
    __slots__ = ("start", "end", "low", "high", "qual", "unit", "np", "retro", "cstart", "cend",
                 "canon", "anaphora")

    def __init__(self, start, end, low, high, qual):
        self.start, self.end, self.low, self.high, self.qual = start, end, low, high, qual
        self.unit = None
        self.np = None
        self.retro = False
        self.canon = None
        self.anaphora = False


def _apply_qual(q: Optional[str], low, high):
    if q is None:
        return "exact", low, high
    if q in ("more_than", "at_least"):
        return q, low, None
    if q in ("less_than", "at_most"):
        return q, None, high
    return q, low, high


_RATIO_WORDS = "|".join(sorted((w for w in list(UNITS_WORDS) + list(TENS_WORDS) if w not in ("zero", "one")),
                                key=len, reverse=True))
_RATIO_AFTER = re.compile(
    r" (?:in|out of) (?:every )?(?P<m>\d{1,3}(?:,\d{3})*|(?:a |one )?(?:hundred|thousand)|" + _RATIO_WORDS + r")\b"
    r"(?!\s*(?:%|percent|per\s+cent|[-/.]\d)|,\d)(?!\s+(?:seconds?|minutes?|hours?|days?|weeks?|months?|years?|decades?|"
    r"attempts?|tries|games?|matches|races?|starts?|innings|shots?)\b)", re.I)


_COMPOUND_UNIT = {"hour": "hours", "hours": "hours", "hr": "hours", "hrs": "hours", "minute": "minutes",
                  "minutes": "minutes", "min": "minutes", "mins": "minutes", "second": "seconds",
                  "seconds": "seconds", "sec": "seconds", "secs": "seconds", "day": "days", "days": "days",
                  "week": "weeks", "weeks": "weeks", "year": "years", "years": "years", "month": "months",
                  "months": "months", "foot": "feet", "feet": "feet", "ft": "feet", "inch": "inches",
                  "inches": "inches", "in": "inches", "pound": "pounds", "pounds": "pounds", "lb": "pounds",
                  "lbs": "pounds", "ounce": "ounces", "ounces": "ounces", "oz": "ounces"}
_COMPOUND_FACTOR = {("hours", "minutes"): 60, ("minutes", "seconds"): 60, ("days", "hours"): 24,
                    ("weeks", "days"): 7, ("years", "months"): 12, ("feet", "inches"): 12,
                    ("pounds", "ounces"): 16}
_COMPOUND_FIRST = set("hHmMsSdDwWyYfFpPlL")
_COMPOUND_MEASURE = re.compile(
    r" (?P<u1>hours?|hrs?|minutes?|mins?|days?|weeks?|years?|months?|feet|foot|ft|pounds?|lbs?)"
    r"(?:,? and |, | )(?P<n>\d{1,2}(?:\.\d+)?|" + "|".join(sorted(
        list(UNITS_WORDS) + list(TENS_WORDS), key=len, reverse=True)) + r")"
    r" (?P<u2>hours?|hrs?|minutes?|mins?|seconds?|secs?|days?|months?|inch(?:es)?|in|ounces?|oz)\b(?!-)", re.I)


_ROUND_DENOMINATORS = {20, 25, 50, 100, 1000, 10_000, 100_000, 1_000_000}


def _ratio_raw(text: str, a: "_Atom", start: int, end: int, qual: Optional[str]) -> Optional["_Raw"]:
    """ "nine in 10", "one out of every five": a share, recorded as a percent."""
    rm = _RATIO_AFTER.match(text, end)
    if rm is None:
        return None
    ms = rm.group("m")
    den = parse_digits(ms) if ms[0].isdigit() else parse_words(ms)
    num = a.low
    if not den or not num or num >= den or not (den <= 10 or den in _ROUND_DENOMINATORS):
        return None   # "one in five", "nine in 10", "one in 1,000" -- not "5 in 12 villages", "3 in 2020"
    v = num / den * 100
    v = float(round(v)) if v >= 10 else round(v, 1) if v >= 1 else float("%.2g" % v)
    qq, lo, hi = _apply_qual(qual, v, v)
    r = _Raw(start, rm.end(), lo, hi, qq)
    r.unit = "percent"
    return r


def extract_claims(text: str) -> List[Claim]:
    if not text:
        return []
    layout = Layout(text)
    excl = None
    n = len(text)
    raws: List[_Raw] = []
    consumed = 0
    tl = _lower_same_length(text)
    specials = _special_spans(text, tl)
    sp_i = 0
    for m in _atoms(text, tl):
        while sp_i < len(specials) and specials[sp_i][0] < m.end():
            sp = specials[sp_i]
            sp_i += 1
            if sp[0] < consumed:
                continue
            r = _special_raw(text, sp, raws, layout)
            if r is not None:
                raws.append(r)
                ss_, se_ = layout.sentences[layout.sentence_index(r.start)] if layout.sentences else (0, n)
                if r.unit is None:
                    _attach_noun(text, [r], r.end, ss_, max(se_, r.end), allow_of=True)
                consumed = max(consumed, r.end)
        if m.start() < consumed:
            continue
        if not m.group():
            continue
        a = _parse_atom(text, m, excl)
        if a is None:
            continue
        sidx = layout.sentence_index(a.start)
        s_start, s_end = layout.sentences[sidx] if layout.sentences else (0, n)
        if s_end < a.end:
            s_end = n
        start = a.start
        # leading qualifier
        qual = None
        qword = None
        qm = None
        pw = _prev_word(text, start)
        if pw in _QUAL_LAST_WORDS:
            qm = _PRE_QUAL.search(text, max(0, start - 30), start)
        if qm:
            qword = " ".join(qm.group("q").lower().split())
            if qword in _QMAP:
                qual = _QMAP[qword]
                start = qm.start()
            elif qword == "between":
                pass
        if a.vague:
            qual = "vague"
        # percent / currency after atom
        end = a.end
        pm = _PERCENT_AFTER.match(text, end)
        if pm:
            a.pct = "percentage points" if "point" in pm.group("p").lower() else "percent"
            end = pm.end()
        elif (text.startswith(" in ", end) or text.startswith(" out of ", end)) and \
                not a.vague and not a.cur and not a.scaled and a.is_int:
            # a ratio: "one in five children", "up to nine in 10", "two out of three" -> a percent
            rr = _ratio_raw(text, a, start, end, qual)
            if rr is not None:
                raws.append(rr)
                _attach_noun(text, [rr], rr.end, s_start, s_end, allow_of=False)
                consumed = rr.end
                continue
        # range / change
        second = None
        rel = None
        change = False
        cm = _RANGE_CONN.match(text, end)
        if cm and not a.vague:
            conn = cm.group().strip().lower()
            q2 = cm.group("q2")
            if q2 is not None:
                conn = conn[: -len(q2)].strip()
            rm = _RELATIVE.match(text, cm.end())
            ok_conn = conn in ("to", "-", "–", "—", "through", "thru") or \
                (conn == "and" and qword == "between") or conn == "or"
            if conn == "or" and _POST_QUAL.match(text, end):
                ok_conn = False
            if rm and conn == "to" and not a.vague:
                rel = (_RELATIVE_F[" ".join(rm.group("f").lower().split())], rm)
            elif ok_conn:
                m2 = ATOM_RE.match(text, cm.end())
                if m2 and m2.group() and not m2.group("vague"):
                    a2 = _parse_atom(text, m2, excl)
                    if a2 is not None and (conn not in ("-", "–", "—") or (not cm.group().startswith(" ") or True)):
                        if conn in ("-", "–", "—") and (a.words != a2.words):
                            a2 = None
                        if a2 is not None:
                            second = (a2, q2)
        if second is not None:
            a2, q2 = second
            e2 = a2.end
            pm2 = _PERCENT_AFTER.match(text, e2)
            if pm2:
                a2.pct = "percentage points" if "point" in pm2.group("p").lower() else "percent"
                e2 = pm2.end()
            if a2.pct and not a.pct:
                a.pct = a2.pct
            if a.pct and not a2.pct and not pm2:
                a2.pct = a.pct
            if a2.cur and not a.cur:
                a.cur = a2.cur
            if a2.scaled and not a.scaled and a.low is not None:
                f = a2.low / (a2.low / 1) if False else None
                # share the scale word: "3 to 4 million"
                for sc in (1e12, 1e9, 1e6, 1e3):
                    if a2.low >= sc and a.low * sc <= a2.low * 1.0001 and a.low < 1000:
                        a.low = a.high = a.low * sc
                        break
            before_from = text[max(0, qm.start() - 40):qm.start()] if (qm and qword == "from") else ""
            change = bool(qword == "from" and _CHANGE_BEFORE.search(before_from + "from "))
            if not change and qword == "from":
                change = False
            if change:
                # a change is two figures, the earlier one retrospective
                r1 = _Raw(a.start, end, a.low, a.high, "exact")
                r1.retro = True
                q2q = _QMAP.get(" ".join((q2 or "").lower().split()))
                qq, lo2, hi2 = _apply_qual(q2q, a2.low, a2.high)
                r2 = _Raw(cm.start("q2") if q2 else a2.start, e2, lo2, hi2, qq)
                r1.unit = a.pct or a.cur or a.unit_hint
                r2.unit = a2.pct or a2.cur or a2.unit_hint
                raws.append(r1)
                raws.append(r2)
                _attach_noun(text, [r1, r2], e2, s_start, s_end, allow_of=False)
                consumed = e2
                continue
            lo = min(a.low, a2.low)
            hi = max(a.high, a2.high)
            q2q = _QMAP.get(" ".join((q2 or "").lower().split()))
            qual_r = "range"
            r = _Raw(start if qword not in ("from",) else a.start, e2, lo, hi, qual_r)
            if qword == "from" and qm:
                r.start = a.start if not qual else start
            if qual and qword not in ("between", "from"):
                r.start = start
            if qword == "between":
                r.start = qm.start()
            r.unit = a2.pct or a2.cur or a.cur or a2.unit_hint or a.unit_hint
            raws.append(r)
            _attach_noun(text, [r], e2, s_start, s_end, allow_of=False)
            consumed = max(r.end, e2)
            continue
        if rel is not None:
            f, rm = rel
            q2q = _QMAP.get(" ".join((cm.group("q2") or "").lower().split()))
            v2 = a.low * f
            r = _Raw(start if qword not in ("from", "between") else a.start, rm.end(),
                     min(a.low, v2), max(a.high, v2), "range")
            r.unit = a.pct or a.cur or a.unit_hint
            raws.append(r)
            _attach_noun(text, [r], rm.end(), s_start, s_end, allow_of=False)
            consumed = rm.end()
            continue
        # one quantity in two units: "2 hours 40 minutes", "5 feet 10 inches"
        if text[end + 1:end + 2] in _COMPOUND_FIRST and text[end:end + 1] == " " and \
                not a.vague and not a.pct and not a.cur:
            cm2 = _COMPOUND_MEASURE.match(text, end)
            if cm2 is not None:
                u1, u2 = _COMPOUND_UNIT[cm2.group("u1").lower()], _COMPOUND_UNIT[cm2.group("u2").lower()]
                f = _COMPOUND_FACTOR.get((u1, u2))
                ns = cm2.group("n")
                n2 = parse_digits(ns) if ns[0].isdigit() else parse_words(ns)
                if f is not None and n2 is not None and n2 < f:
                    v = a.low * f + n2
                    qq, lo, hi = _apply_qual(qual, v, v)
                    r = _Raw(start if qword in _QMAP else a.start, cm2.end(), lo, hi, qq)
                    r.unit = u2
                    r.np = u2
                    raws.append(r)
                    consumed = r.end
                    continue
        # single figure: post qualifier
        low, high = a.low, a.high
        if not a.vague:
            qual2, low, high = _apply_qual(qual, low, high)
            pq = _POST_QUAL.match(text, end)
            if pq:
                if pq.group("more"):
                    qual2, low, high = "at_least", a.low, None
                elif pq.group("less"):
                    qual2, low, high = "at_most", None, a.high
                elif pq.group("plus") or pq.group("plus2"):
                    qual2, low, high = "more_than", a.low, None
                else:
                    qual2 = "approximately"
                end = pq.end()
            qual = qual2
            if qword in ("between", "from") or qword not in _QMAP:
                start = a.start
        else:
            start = a.start if qword not in _QMAP or qword in ("between", "from") else start
            if qword in _QMAP and _QMAP[qword] != "approximately":
                pass
        r = _Raw(start, end, low, high, qual)
        r.unit = a.pct or a.cur or a.unit_hint
        raws.append(r)
        _attach_noun(text, [r], end, s_start, s_end, allow_of=a.vague or "dozen" in a.raw.lower()
                     or a.raw.lower().startswith(("a few", "several", "a couple", "couple")), vague=a.vague)
        consumed = r.end
    while sp_i < len(specials):
        sp = specials[sp_i]
        sp_i += 1
        if sp[0] >= consumed:
            r = _special_raw(text, sp, raws, layout)
            if r is not None:
                raws.append(r)
                ss_, se_ = layout.sentences[layout.sentence_index(r.start)] if layout.sentences else (0, n)
                if r.unit is None:
                    _attach_noun(text, [r], r.end, ss_, max(se_, r.end), allow_of=True)
                consumed = max(consumed, r.end)
    return _finish(text, tl, layout, raws)


_FRACTION_FOLLOW = re.compile(r"\s+(?:of|the|were|was|are|is|have|had|said|say|says|[a-z]+ed)\b")


_TRIGGER = re.compile(r"[\d$£€¥₹½¼¾⅓⅔⅛⅜⅝⅞]|[A-Za-z]+")
_WORD_TRIGGERS = (set(UNITS_WORDS) | set(TENS_WORDS) | {
    "a", "an", "half", "several", "couple", "dozen", "dozens", "hundreds", "thousands", "millions",
    "billions", "tens", "scores", "us", "c", "nz", "hk", "s", "r", "usd", "eur", "gbp", "u"})
_SPECIAL_TRIGGERS = {"half", "halves", "third", "thirds", "quarter", "quarters", "fifth", "fifths",
                     "tenth", "tenths", "double", "twice", "triple", "treble", "quadruple", "times"}


_ASCII_LOWER = str.maketrans({chr(c): chr(c + 32) for c in range(65, 91)})
# a run of digits: only its first character can start a number (ATOM_RE's digits
# need no word character before them)
_DIGIT_RE = re.compile(r"[\d½¼¾⅓⅔⅛⅜⅝⅞]+")
# words that can start (or, for scale words, end) a number expression
_START_WORDS = (set(UNITS_WORDS) | set(TENS_WORDS) | {"several", "couple", "dozens", "hundreds", "thousands",
                                                      "millions", "billions", "tens", "scores"})
_BACKUP_WORDS = {"dozen": ("a ", "an ", "half a "), "hundred": ("a ", "an "), "thousand": ("a ", "an "),
                 "million": ("a ", "an ", "half a "), "billion": ("a ", "an ", "half a "),
                 "trillion": ("a ", "an "), "few": ("a ",), "handful": ("a ",)}
_CUR_BEFORE = re.compile(r"(?:US\$|U\.S\.\s?\$|C\$|A\$|NZ\$|HK\$|S\$|R\$|\$|£|€|¥|₹|\bUSD\s?|\bEUR\s?|\bGBP\s?)\s?$")
_CUR_LAST = "$£€¥₹DRP"   # the last character of every currency _CUR_BEFORE knows


def _lower_same_length(text: str) -> str:
    """text lower-cased, same length, so offsets stay valid; ASCII letters are
    lower-cased exactly as in str.lower() and no other character becomes ASCII
    (U+0130 and the Kelvin sign are the only characters whose str.lower() has
    ASCII in it: for them, fall back to lower-casing ASCII letters only)."""
    tl = text.lower()
    if text.isascii():
        return tl
    if len(tl) == len(text) and "\u212a" not in text:
        return tl
    return text.translate(_ASCII_LOWER)


def _word_positions(tl: str, words) -> List[int]:
    out = []
    find = tl.find
    n = len(tl)
    for w in words:
        lw = len(w)
        p = find(w)
        while p >= 0:
            e = p + lw
            if (p == 0 or not tl[p - 1].isalpha()) and (e >= n or not tl[e].isalpha()):
                out.append(p)
            p = find(w, e)
    return out


def _atoms(text: str, tl: str):
    """ATOM_RE matches, left to right, tried only where a number can start (fast:
    C-level str.find for number words, a one-character class for digits).
    tl is _lower_same_length(text)."""
    cands = [m.start() for m in _DIGIT_RE.finditer(text)]
    cands += _word_positions(tl, _START_WORDS)
    for w, prefixes in _BACKUP_WORDS.items():
        for p in _word_positions(tl, (w,)):
            for pre in prefixes:
                q = p - len(pre)
                if q >= 0 and tl.startswith(pre, q) and (q == 0 or not tl[q - 1].isalpha()):
                    cands.append(q)
    cands.sort()
    scan_end = 0
    match = ATOM_RE.match
    match_dig = ATOM_DIG_RE.match
    for p in cands:
        if p < scan_end:
            continue
        c = text[p]
        if c.isdigit() or c in _FRAC:
            if p > 0 and (text[p - 1].isdigit() or text[p - 1] in ",."):
                # inside a number already tried (or a decimal part)
                if p >= 2 and text[p - 2].isdigit():
                    continue
            # a currency right before (at most two spaces between): "$5", "USD 5"
            q = p
            while q > 0 and p - q < 2 and text[q - 1].isspace():
                q -= 1
            if q > 0 and text[q - 1] in _CUR_LAST:
                cm = _CUR_BEFORE.search(text, max(0, p - 7), p)
                if cm and cm.start() >= scan_end:
                    m = match(text, cm.start())
                    if m is not None and m.group() and m.end() > p:
                        scan_end = m.end()
                        yield m
                        continue
            m = match_dig(text, p)
            if m is None or not m.group():
                continue
            scan_end = m.end()
            yield m
            continue
        m = match(text, p)
        if m is None or not m.group():
            continue
        scan_end = m.end()
        yield m


def _special_spans(text: str, tl: str):
    """Fractions ("a third of", "a quarter of a million") and relative figures
    ("eight times that", "more than double that") found before the main pass."""
    out = []
    pos = _word_positions(tl, _SPECIAL_TRIGGERS)
    if not pos:
        return out
    pos.sort()
    windows = []
    for p in pos:
        lo, hi = max(0, p - 40), min(len(text), p + 60)
        if windows and lo <= windows[-1][1]:
            windows[-1][1] = hi
        else:
            windows.append([lo, hi])
    seen = set()
    for lo, hi in windows:
        out.extend(_special_in(text, lo, hi, seen))
    out.sort(key=lambda x: x[0])
    return out


def _special_in(text: str, lo: int, hi: int, seen):
    out = []
    for m in _FRACTION_EXPR.finditer(text, lo, hi):
        if m.start() in seen or (m.start() > 0 and text[m.start() - 1].isalpha()):
            continue
        seen.add(m.start())
        if m.group("big") is None and m.group("f").lower() in ("half", "halves"):
            continue   # "half" alone is too common to be a figure
        if m.group("big") is None and not _FRACTION_FOLLOW.match(text, m.end()):
            continue
        out.append((m.start(), m.end(), "frac", m))
    for m in (_HALF_EXPR.finditer(text, lo, hi) if "half" in text[lo:hi].lower() else ()):
        if m.start() in seen or (m.start() > 0 and text[m.start() - 1].isalpha()):
            continue
        seen.add(m.start())
        out.append((m.start(), m.end(), "half", m))
    for m in _RELATIVE_ALONE.finditer(text, lo, hi):
        if m.start() in seen or (m.start() > 0 and text[m.start() - 1].isalpha()):
            continue
        seen.add(m.start())
        # "from around 3,500 to more than double that" is handled with its range
        if re.search(r"\d[\d,.]*\s*(?:\w+\s+)?to\s+$", text[max(0, m.start() - 30):m.start()]):
            continue
        out.append((m.start(), m.end(), "rel", m))
    out.sort(key=lambda x: x[0])
    return out


def _special_raw(text: str, sp, raws: List["_Raw"], layout) -> Optional["_Raw"]:
    start, end, kind, m = sp
    q = m.group("q")
    qual = _QMAP.get(" ".join(q.lower().split())) if q else None
    if kind == "half":
        # "nearly half", "up to half", "less than half": a share, 50 percent, with its hedge
        qq, lo, hi = _apply_qual(qual, 50.0, 50.0)
        r = _Raw(start if qual else m.start("f"), end, lo, hi, qq)
        r.unit = "percent"
        om = _OF_IN_NP.match(text, end)
        if om:
            r.np = om.group(1).strip()
        return r
    if q and qual is None:
        start = m.start("n") if kind == "frac" else m.start("f")
    if kind == "frac":
        nw = m.group("n").lower()
        num = 1 if nw in ("a", "an", "one") else parse_words(nw)
        from .numbers import FRACTION_WORDS
        frac = num * FRACTION_WORDS[m.group("f").lower()]
        big = (m.group("big") or "").lower()
        if big.startswith(("a ", "an ")):
            val = frac * SCALE_WORDS[big.split()[-1]]
            unit = None
            end = m.end()
        else:
            val = float(round(frac * 100))
            unit = "percent"
            end = m.end("f")
        qq, lo, hi = _apply_qual(qual, val, val)
        r = _Raw(start, end, lo, hi, qq)
        r.unit = unit
        if unit == "percent" and m.group("big"):
            r.np = text[m.end("f"):m.end()].strip()
        return r
    # relative: a multiple of the previous figure
    if not raws:
        return None
    prev = raws[-1]
    if layout.sentence_index(start) - layout.sentence_index(prev.start) > 2:
        return None
    base = prev.low if prev.low is not None else prev.high
    if base is None:
        return None
    f = m.group("f").lower()
    if m.group("n"):
        nn = m.group("n")
        factor = float(nn) if nn.isdigit() else parse_words(nn)
    else:
        factor = _RELATIVE_F.get(" ".join(f.split()), 2)
    val = base * factor
    qq, lo, hi = _apply_qual(qual, val, val)
    r = _Raw(start, end, lo, hi, qq)
    r.unit = prev.unit
    r.np = prev.np
    return r


_PAREN_ALT = re.compile(r"\s*\(\s*(?:about\s+|roughly\s+|some\s+|nearly\s+|approximately\s+|almost\s+|more\s+than\s+|over\s+)?"
                        r"(?:\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?)(?:\s*(?:million|billion|thousand))?"
                        r"[\s-]*(?:[A-Za-z][A-Za-z. ]{0,25}?|%)\)")


_OF_IN_NP = re.compile(r"\s+(?:of|in)\s+((?:[A-Za-z][\w'’-]*\s?){1,3})")


def _attach_noun(text, rs: List[_Raw], end: int, s_start: int, s_end: int, allow_of: bool, vague: bool = False):
    """Find the counted noun after the expression ending at `end` and give it to every raw in rs."""
    unit = rs[-1].unit
    np_ = None
    nend = end
    if unit is None:
        got = _noun_after(text, end, s_end, allow_of, vague)
        if got:
            unit, np_, nend = got
    else:
        # "$5 million in damage", "40% of residents": keep the thing as noun phrase
        om = _OF_IN_NP.match(text, end, s_end)
        if om:
            np_ = om.group(1).strip()
        # currency word: "1.2 billion dollars"
    for r in rs:
        if r.unit is None:
            r.unit = unit
        if r.np is None:
            r.np = np_ or (unit if unit in MEASURE_UNITS else None)
    # a figure given in two units: "1,000 miles (1,609 kilometers)"
    pm = _PAREN_ALT.match(text, nend)
    if pm and unit and unit in MEASURE_UNITS and len(rs) == 1:
        rs[-1].end = pm.end()
    if unit is None:
        for r in rs:
            r.anaphora = True


# "organisers put the crowd at 40,000", "police estimated the turnout at", "numbered the force at"
_ESTIMATE_AT = re.compile(
    r"(?=[pensgcar])\b(?:put|puts|putting|estimated?|estimates|estimating|numbered|number|numbers|placed?|places|"
    r"pegged|pegs|set|sets|counted|counts|gave|gives|give|assessed|reckoned)\s+"
    r"(?:the|its|their|this|that|his|her|our)\s+((?:[a-z][\w'’-]*\s+){0,3}?[a-z][\w'’-]*)\s+at\s+$", re.I)
_CROWD_WORDS = {"crowd", "crowds", "throng", "mob", "turnout"}
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


def _crowd_members(text: str, layout: Layout, start: int, sidx: int, prev_units) -> Optional[str]:
    """Who a crowd is made of: the people-unit of a recent figure (the same sentence or the
    three before) if it counts members of a gathering, else the gathering named nearby."""
    for psi, pu, pnp in reversed(prev_units):
        if sidx - psi > 3:
            break
        if pu in _CROWD_MEMBERS:
            return pu
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
            u = _crowd_members(text, layout, r.start, sidx, prev_units) or u
        return u, gm.group(2)
    for psi, pu, pnp in reversed(prev_units):
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
    for psi, pu, pnp in reversed(prev_units):
        if sidx - psi > 3:
            break
        if pu in _PERSON_UNITS:
            return pu, pnp
    return "people", None


_AUX = r"(?:have|has|had|were|was|are|is|remain(?:s|ed)?|will|would|could|may|might|must|should|can|did)"
_HUMAN_VERB_AFTER = re.compile(
    r"\s+(?:" + _AUX + r"\s+)?(?:(?:been|being|still|now|since|already|also|all|later|reportedly|each|then)\s+)*"
    r"(?:phoned|called|rang|signed|voted|died|fled|attended|registered|applied|queued|complained|protested|"
    r"marched|gathered|joined|sought|treated|hospitali[sz]ed|admitted|discharged|rescued|arrested|detained|"
    r"injured|killed|hurt|tested\s+positive|needed\s+(?:hospital|medical|treatment|care)|"
    r"taken\s+to\s+(?:a\s+|the\s+)?hospitals?|in\s+(?:a\s+|an\s+)?(?:critical|serious|stable|intensive|"
    r"life-threatening)|on\s+(?:board|site|the\s+site))\b", re.I)
_AUX_AFTER = re.compile(r"\s+" + _AUX + r"\b", re.I)
_PREMISES = {"homes", "households", "residences", "businesses"}
_PREMISES_AND = re.compile(r"\s+(?:[a-z][\w-]*\s+){0,2}?(?:(?:homes?|households?|residences?)\s+and\s+businesses|"
                           r"businesses\s+and\s+(?:homes|households|residences))\b", re.I)
_POWER = re.compile(r"\b(?:power|electricity|outages?|blackouts?)\b", re.I)


def _finish(text: str, tl: str, layout: Layout, raws: List[_Raw]) -> List[Claim]:
    out: List[Claim] = []
    n = len(text)
    attr_cache = {}
    prev_units: List[Tuple[int, str, str]] = []   # (sentence index, unit, np) of claims so far
    raws.sort(key=lambda r: r.start)
    temps = [(r.start, r.unit) for r in raws if r.unit == "celsius" or r.unit == "fahrenheit"]
    last_end = -1
    for r in raws:
        if r.start < last_end:
            continue
        # tidy span
        while r.end > r.start and text[r.end - 1].isspace():
            r.end -= 1
        while r.start < r.end and text[r.start].isspace():
            r.start += 1
        if r.end <= r.start:
            continue
        last_end = r.end
        sidx = layout.sentence_index(r.start)
        if layout.sentences:
            ss, se = layout.sentences[sidx]
            if not (ss <= r.start and r.end <= se):
                # expression crossed a sentence boundary: use the enclosing line
                li = layout.line_index(r.start)
                ss, se = layout.lines[li]
                if r.end > se:
                    ss, se = r.start, r.end
        else:
            ss, se = 0, n
        sentence = text[ss:se]
        unit = r.unit
        np_ = r.np
        if unit is None and text.startswith("-strong", r.end):
            # "a 250-strong advance party": a count of people, whatever the group is called
            unit, np_ = _strong_group(text, tl, layout, r, sidx, ss, se, prev_units)
        if unit is None:
            # anaphora: "put the crowd at 40,000", "killed 22", "the number of people ... 6,500",
            # previous claim in the sentence, noun before, noun after, previous claims nearby
            cand = None
            lead = text[max(ss, r.start - 40):r.start]
            if lead.endswith(("at ", "at\t")):
                em = _ESTIMATE_AT.search(text, max(ss, r.start - 80), r.start)
                if em:
                    cand = _counted_head(em.group(1))
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
            for psi, pu, pnp in reversed(prev_units):
                if cand is not None:
                    break
                if psi == sidx and pu not in TIME_UNITS and pu not in ("percent", "percentage points"):
                    cand = (pu, pnp)
                    break
            human = cand is None or cand[0] not in _PERSONISH
            if human and _HUMAN_VERB_AFTER.match(text, r.end, se):
                # "More than 1,900 have phoned", "nine were in a critical condition": people, unless the
                # sentence names them ("a crowd of 2,000 gathered", "40 protesters, and 12 were hurt")
                if cand is None:
                    cand = _noun_before(text, r.start, ss)
                if cand is None or cand[0] not in _PERSONISH:
                    cand = ("people", None)
            if cand is None:
                nb = _noun_before(text, r.start, ss)
                if nb:
                    cand = nb
            if cand is None:
                nf = _noun_forward(text, r.end, se)
                if nf:
                    cand = nf
            if cand is None:
                for psi, pu, pnp in reversed(prev_units):
                    if sidx - psi <= 3 and pu not in TIME_UNITS and pu not in MEASURE_UNITS:
                        cand = (pu, pnp)
                        break
            if cand is None and sidx > 0:
                ps, pe = layout.sentences[sidx - 1]
                cand = _noun_before(text, pe, ps)
            if cand is None and _AUX_AFTER.match(text, r.end, se):
                cand = ("people", None)   # "more than 90,000 are on the site": a figure that does things
            if cand and cand[0] == "people" and cand[1] and cand[1].lower() in _CROWD_WORDS:
                # a crowd counts its members: the protesters, marchers, fans ... of the story
                members = _crowd_members(text, layout, r.start, sidx, prev_units)
                if members:
                    cand = (members, cand[1])
            if cand:
                unit, np_ = cand
        if unit in _PREMISES and _POWER.search(sentence) and _PREMISES_AND.match(text, r.end, se):
            # utilities count customers: "400,000 homes and businesses without power"
            unit = "customers"
        if unit == "degrees" and temps and -90 <= (r.low if r.low is not None else r.high) <= 140:
            # "117.7 degrees" in an article that names its scale elsewhere ("112 degrees Fahrenheit")
            i = bisect.bisect_left(temps, (r.start, ""))
            unit = temps[i - 1][1] if i > 0 else temps[0][1]
        if unit == "pounds" and re.search(r"(?:million|billion|trillion|bn|\dm)\b", text[r.start:r.end], re.I):
            unit = "gbp"
        if unit is not None:
            prev_units.append((sidx, unit, np_))
        low, high = r.low, r.high
        if low is not None and high is not None and low > high:
            low, high = high, low
        # retrospective
        retro = r.retro
        if not retro:
            b = text[max(ss, r.start - 40):r.start]
            bl = b.lower()
            al = text[r.end:min(se, r.end + 50)]
            all_ = al.lower()
            if (any(map(bl.__contains__, _RETRO_KEYS)) and (_RETRO_BEFORE.search(b) or _CHANGE_BEFORE.search(b))) or \
                    (any(map(all_.__contains__, _RETRO_AFTER_KEYS)) and _RETRO_AFTER.match(al)):
                retro = True
        # attribution
        if sidx not in attr_cache:
            attr_cache[sidx] = find_attribution(sentence)
        attribution = attr_cache[sidx]
        cu, cl, ch = canonical(unit, low, high)
        ctx = _context(tl, ss, se, r.start, r.end)
        out.append(Claim(
            span_start=r.start, span_end=r.end, text=text[r.start:r.end],
            value_low=low, value_high=high, qualifier=r.qual if r.qual in QUALIFIERS else "exact",
            unit=unit, sentence=sentence, sentence_start=ss, attribution=attribution,
            retrospective=retro, boilerplate=layout.is_boilerplate(r.start),
            canonical_unit=cu, canonical_low=cl, canonical_high=ch,
            noun_phrase=np_, context=ctx,
        ))
    return out


_CTX_WORDS = {}   # memo: lower-cased token -> content word, or "" when it is not one


def _ctx_word(w: str) -> str:
    v = w.strip("'’-")
    if len(v) < 3 or v in _CONTEXT_STOP:
        v = ""
    if len(_CTX_WORDS) > 50000:
        _CTX_WORDS.clear()
    _CTX_WORDS[w] = v
    return v


def _context(tl: str, ss: int, se: int, start: int, end: int) -> List[str]:
    """Content words near a figure, in order, once each; tl is the text
    lower-cased (_lower_same_length)."""
    toks = _TOKEN.findall(tl, max(ss, start - 90), start)[-8:] + _TOKEN.findall(tl, end, min(se, end + 100))[:12]
    vals = list(map(_CTX_WORDS.get, toks))
    if None in vals:
        vals = [_ctx_word(w) if v is None else v for w, v in zip(toks, vals)]
    return list(dict.fromkeys(filter(None, vals)))
